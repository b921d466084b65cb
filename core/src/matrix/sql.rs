//! Catalog §2.1: SQL Server for the Enterprise Edition Back End, by product and SQL version.

use serde::Serialize;

use super::{Cell, MinLevel, NO, NO_SECONDARY, UNDOCUMENTED, YES, YES_SECONDARY};
use crate::registry::RuleId;
use crate::tokens::{HaMode, Product, SqlVersion};
use Product::{Lync2013, Sfb2015, Sfb2019, SfbSe};
use SqlVersion::{V2008r2, V2012, V2014, V2016, V2017, V2019, V2022};

/// One row of the matrix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct SqlRow {
    /// The pool's product.
    pub product: Product,
    /// The store's SQL Server version.
    pub version: SqlVersion,
    /// Usable as a Back End (Standard or Enterprise edition).
    pub back_end: Cell,
    /// Database mirroring (synchronous only).
    pub mirroring: Cell,
    /// AlwaysOn Availability Groups on Enterprise edition.
    pub availability_group: Cell,
    /// AlwaysOn Failover Cluster Instances and SQL failover clustering (Standard: 2 nodes,
    /// Enterprise: 16).
    pub failover_cluster: Cell,
    /// Minimum SQL patch level for any Back End use.
    pub min_level: Option<MinLevel>,
    /// Minimum SQL patch level when the store uses any HA mode.
    pub min_level_ha: Option<MinLevel>,
    /// Minimum SQL patch level for failover clustering, where its list is stricter.
    pub min_level_cluster: Option<MinLevel>,
    /// Minimum product cumulative update of the pool.
    pub min_product_cu: Option<u32>,
    /// Documentation page and section.
    pub source: &'static str,
}

impl SqlRow {
    /// The cell of an HA mode (`none` reads the Back End column).
    pub const fn mode_cell(&self, mode: HaMode) -> Cell {
        match mode {
            HaMode::None => self.back_end,
            HaMode::Mirroring => self.mirroring,
            HaMode::AlwaysOnAg => self.availability_group,
            HaMode::AlwaysOnFci | HaMode::FailoverCluster => self.failover_cluster,
        }
    }

    /// The minimum SQL patch level the list of an HA mode states.
    pub fn min_level_for(&self, mode: HaMode) -> Option<MinLevel> {
        match mode {
            HaMode::None => None,
            HaMode::AlwaysOnFci | HaMode::FailoverCluster => {
                self.min_level_cluster.or(self.min_level_ha)
            }
            HaMode::Mirroring | HaMode::AlwaysOnAg => self.min_level_ha,
        }
    }
}

const L13: &str = "Lync/LyncServer/lync-server-2013-database-software-support.md § Using SQL Mirroring and SQL Clustering; Lync/LyncServer/lync-server-2013-back-end-server-high-availability.md";
const L13_2014: &str =
    "Skype/SfbServer/plan-your-deployment/upgrade.md § Recommended upgrade paths";
const S15: &str = "Skype/SfbServer/plan-your-deployment/high-availability-and-disaster-recovery/back-end-server.md; Skype/SfbServer/plan-your-deployment/requirements-for-your-environment/server-requirements.md § Back end databases";
const S19: &str = "Skype/SfBServer2019/plan/system-requirements.md § Back end databases; Skype/SfbServer/plan-your-deployment/high-availability-and-disaster-recovery/back-end-server.md; Skype/SfBServer2019/deprecated.md § SQL Mirroring";
const SE: &str = "secondary sources only (Subscription Edition prerequisites identical to 2019)";

const SP2_CU2: Option<MinLevel> = Some(MinLevel {
    service_pack: 2,
    cumulative_update: 2,
});

const fn row(
    product: Product,
    version: SqlVersion,
    cells: [Cell; 4],
    source: &'static str,
) -> SqlRow {
    let [back_end, mirroring, availability_group, failover_cluster] = cells;
    SqlRow {
        product,
        version,
        back_end,
        mirroring,
        availability_group,
        failover_cluster,
        min_level: None,
        min_level_ha: None,
        min_level_cluster: None,
        min_product_cu: None,
        source,
    }
}

/// Every row; a (product, version) pair not listed is unsupported.
pub const SQL_MATRIX: &[SqlRow] = &[
    row(Lync2013, V2008r2, [YES, YES, NO, YES], L13),
    row(Lync2013, V2012, [YES, YES, NO, YES], L13),
    row(Lync2013, V2014, [NO, NO, NO, NO], L13_2014),
    row(Lync2013, V2016, [NO, NO, NO, NO], L13_2014),
    row(Lync2013, V2017, [NO, NO, NO, NO], L13_2014),
    row(Lync2013, V2019, [NO, NO, NO, NO], L13_2014),
    row(Lync2013, V2022, [NO, NO, NO, NO], L13_2014),
    // C-3: the deploy page's "minimum 2008 R2" is a Lync-era leftover.
    row(Sfb2015, V2008r2, [NO, NO, NO, NO], S15),
    SqlRow {
        min_level_ha: SP2_CU2,
        ..row(Sfb2015, V2012, [YES, YES, YES, YES], S15)
    },
    SqlRow {
        min_level: Some(MinLevel {
            service_pack: 0,
            cumulative_update: 6,
        }),
        ..row(Sfb2015, V2014, [YES, YES, YES, YES], S15)
    },
    SqlRow {
        min_level: Some(MinLevel {
            service_pack: 1,
            cumulative_update: 0,
        }),
        min_product_cu: Some(7),
        // SQL-008 lists 2016 "SP1+" for failover clustering.
        min_level_cluster: Some(MinLevel {
            service_pack: 1,
            cumulative_update: 0,
        }),
        ..row(Sfb2015, V2016, [YES, YES, YES, YES], S15)
    },
    row(Sfb2015, V2017, [YES, YES, YES, YES], S15),
    row(Sfb2015, V2019, [YES, YES, YES, YES], S15),
    row(Sfb2015, V2022, [NO, NO, NO, NO], S15),
    row(Sfb2019, V2008r2, [NO, NO, NO, NO], S19),
    row(Sfb2019, V2012, [NO, NO, NO, NO], S19),
    row(Sfb2019, V2014, [NO, NO, NO, NO], S19),
    row(Sfb2019, V2016, [YES, NO, YES, YES], S19),
    row(Sfb2019, V2017, [YES, NO, YES, YES], S19),
    row(Sfb2019, V2019, [YES, NO, YES, YES], S19),
    row(Sfb2019, V2022, [NO, NO, NO, NO], S19),
    row(
        SfbSe,
        V2008r2,
        [NO_SECONDARY, NO_SECONDARY, NO_SECONDARY, NO_SECONDARY],
        SE,
    ),
    row(
        SfbSe,
        V2012,
        [NO_SECONDARY, NO_SECONDARY, NO_SECONDARY, NO_SECONDARY],
        SE,
    ),
    row(
        SfbSe,
        V2014,
        [NO_SECONDARY, NO_SECONDARY, NO_SECONDARY, NO_SECONDARY],
        SE,
    ),
    row(
        SfbSe,
        V2016,
        [YES_SECONDARY, NO_SECONDARY, YES_SECONDARY, YES_SECONDARY],
        SE,
    ),
    row(
        SfbSe,
        V2017,
        [YES_SECONDARY, NO_SECONDARY, YES_SECONDARY, YES_SECONDARY],
        SE,
    ),
    row(
        SfbSe,
        V2019,
        [YES_SECONDARY, NO_SECONDARY, YES_SECONDARY, YES_SECONDARY],
        SE,
    ),
    row(
        SfbSe,
        V2022,
        [UNDOCUMENTED, NO_SECONDARY, UNDOCUMENTED, UNDOCUMENTED],
        "not in the documentation read",
    ),
];

/// The row for a product and SQL version.
pub fn sql_row(product: Product, version: SqlVersion) -> Option<&'static SqlRow> {
    SQL_MATRIX
        .iter()
        .find(|row| row.product == product && row.version == version)
}

/// Persistent Chat store versions for Skype for Business Server 2015 (catalog §2.1, SQL-012):
/// SQL 2014 needs the pool at CU6 or later (C-11).
pub const PCHAT_2015_VERSIONS: &[SqlVersion] = &[V2008r2, V2012, V2014];

/// The back-end HA modes each product allows (BE-002); FCI and failover clustering are one SQL
/// feature (C-12), and Lync Server 2013's "SQL clustering" is that feature too (C-9).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct HaModes {
    /// The pool's product.
    pub product: Product,
    /// The allowed modes.
    pub modes: &'static [HaMode],
    /// Whether the list rests on secondary sources only.
    pub unverified: bool,
    /// Documentation page and section.
    pub source: &'static str,
}

/// One row a product.
pub const HA_MODES: &[HaModes] = &[
    HaModes {
        product: Lync2013,
        modes: &[
            HaMode::None,
            HaMode::Mirroring,
            HaMode::AlwaysOnFci,
            HaMode::FailoverCluster,
        ],
        unverified: false,
        source: "Lync/LyncServer/lync-server-2013-back-end-server-high-availability.md; Lync/LyncServer/lync-server-2013-database-software-support.md",
    },
    HaModes {
        product: Sfb2015,
        modes: &[
            HaMode::None,
            HaMode::Mirroring,
            HaMode::AlwaysOnAg,
            HaMode::AlwaysOnFci,
            HaMode::FailoverCluster,
        ],
        unverified: false,
        source: "Skype/SfbServer/plan-your-deployment/high-availability-and-disaster-recovery/back-end-server.md",
    },
    HaModes {
        product: Sfb2019,
        modes: &[
            HaMode::None,
            HaMode::AlwaysOnAg,
            HaMode::AlwaysOnFci,
            HaMode::FailoverCluster,
        ],
        unverified: false,
        source: "Skype/SfbServer/plan-your-deployment/high-availability-and-disaster-recovery/back-end-server.md; Skype/SfBServer2019/deprecated.md § SQL Mirroring",
    },
    HaModes {
        product: SfbSe,
        modes: &[
            HaMode::None,
            HaMode::AlwaysOnAg,
            HaMode::AlwaysOnFci,
            HaMode::FailoverCluster,
        ],
        unverified: true,
        source: SE,
    },
];

/// The HA modes of a product.
pub fn ha_modes(product: Product) -> Option<&'static HaModes> {
    HA_MODES.iter().find(|row| row.product == product)
}

/// The rule that lists a product's Back End versions.
pub const fn version_rule(product: Product) -> RuleId {
    match product {
        Product::Lync2013 => RuleId::Sql001,
        Product::Sfb2015 => RuleId::Sql003,
        Product::Sfb2019 => RuleId::Sql004,
        Product::SfbSe => RuleId::Sql005,
    }
}

/// The rule that lists the SQL versions of an HA mode (Lync Server 2013's mirroring versions are
/// its Back End versions, SQL-001).
pub const fn mode_rule(product: Product, mode: HaMode) -> Option<RuleId> {
    match (product, mode) {
        (Product::Sfb2015, HaMode::Mirroring) => Some(RuleId::Sql006),
        (_, HaMode::AlwaysOnFci | HaMode::FailoverCluster) => Some(RuleId::Sql008),
        (Product::Lync2013, _) | (_, HaMode::None | HaMode::Mirroring) => None,
        (_, HaMode::AlwaysOnAg) => Some(RuleId::Sql007),
    }
}
