//! Catalog §2.2: Windows Server versions for server roles, by product.

use serde::Serialize;

use super::{Cell, NO, NO_UNSOURCED, UNDOCUMENTED, YES, YES_SECONDARY};
use crate::tokens::Os::{Ws2008r2, Ws2012, Ws2012r2, Ws2016, Ws2019, Ws2022, Ws2025};
use crate::tokens::Product::{Lync2013, Sfb2015, Sfb2019, SfbSe};
use crate::tokens::{Os, Product};

/// One row of the matrix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct OsRow {
    /// The pool's product.
    pub product: Product,
    /// The server's Windows Server version.
    pub os: Os,
    /// Whether the product runs on it.
    pub support: Cell,
    /// Minimum product cumulative update for this OS.
    pub min_product_cu: Option<u32>,
    /// Supported only for servers upgraded in place from the previous product (S15 on
    /// Windows Server 2008 R2: never for new installations).
    pub upgrade_only: bool,
    /// Documentation page and section.
    pub source: &'static str,
}

const L13: &str = "Lync/LyncServer/lync-server-2013-server-and-tools-operating-system-support.md § Operating Systems for Server Roles";
const S15: &str = "Skype/SfbServer/plan-your-deployment/requirements-for-your-environment/server-requirements.md § Operating systems for Skype for Business Server 2015";
const S19: &str = "Skype/SfBServer2019/plan/system-requirements.md § Operating systems for Skype for Business Server 2019";
const SE: &str = "secondary sources only (Subscription Edition prerequisites identical to 2019)";

const fn row(product: Product, os: Os, support: Cell, source: &'static str) -> OsRow {
    OsRow {
        product,
        os,
        support,
        min_product_cu: None,
        upgrade_only: false,
        source,
    }
}

/// Every row; every (product, OS) pair is listed.
pub const OS_MATRIX: &[OsRow] = &[
    row(Lync2013, Ws2008r2, YES, L13),
    row(Lync2013, Ws2012, YES, L13),
    // Lync Server 2013 cumulative update of October 2013 (CU3).
    OsRow {
        min_product_cu: Some(3),
        ..row(Lync2013, Ws2012r2, YES, L13)
    },
    row(Lync2013, Ws2016, NO, L13),
    row(Lync2013, Ws2019, NO, L13),
    row(Lync2013, Ws2022, NO, L13),
    row(Lync2013, Ws2025, NO, L13),
    OsRow {
        upgrade_only: true,
        ..row(Sfb2015, Ws2008r2, YES, S15)
    },
    row(Sfb2015, Ws2012, YES, S15),
    row(Sfb2015, Ws2012r2, YES, S15),
    OsRow {
        min_product_cu: Some(5),
        ..row(Sfb2015, Ws2016, YES, S15)
    },
    OsRow {
        min_product_cu: Some(9),
        ..row(Sfb2015, Ws2019, YES, S15)
    },
    row(Sfb2015, Ws2022, NO, S15),
    row(Sfb2015, Ws2025, NO, S15),
    row(Sfb2019, Ws2008r2, NO, S19),
    row(Sfb2019, Ws2012, NO, S19),
    row(Sfb2019, Ws2012r2, NO, S19),
    row(Sfb2019, Ws2016, YES, S19),
    row(Sfb2019, Ws2019, YES, S19),
    // that a later 2019 cumulative update added Windows Server 2022 is unsourced.
    row(Sfb2019, Ws2022, UNDOCUMENTED, S19),
    row(Sfb2019, Ws2025, NO, S19),
    row(SfbSe, Ws2008r2, NO_UNSOURCED, SE),
    row(SfbSe, Ws2012, NO_UNSOURCED, SE),
    row(SfbSe, Ws2012r2, NO_UNSOURCED, SE),
    row(SfbSe, Ws2016, YES_SECONDARY, SE),
    row(SfbSe, Ws2019, YES_SECONDARY, SE),
    row(SfbSe, Ws2022, UNDOCUMENTED, SE),
    row(SfbSe, Ws2025, UNDOCUMENTED, SE),
];

/// The row for a product and OS.
pub fn os_row(product: Product, os: Os) -> Option<&'static OsRow> {
    OS_MATRIX
        .iter()
        .find(|row| row.product == product && row.os == os)
}

/// The Windows Server versions a product is documented to run on (upgrade-only rows left out).
pub fn supported_os(product: Product) -> impl Iterator<Item = Os> {
    OS_MATRIX
        .iter()
        .filter(move |row| {
            row.product == product
                && row.support.support == super::Support::Yes
                && !row.upgrade_only
        })
        .map(|row| row.os)
}
