//! Catalog §2.4: the Front End pool quorum tables.
//!
//! The start-up table is not a formula (3 → 3, 16 → 12), so both tables are lookups.

use serde::Serialize;

use crate::tokens::Product;
use crate::tokens::Product::{Lync2013, Sfb2015, Sfb2019, SfbSe};

/// "Any `count` servers", or "any `count` of the first `of_first` servers" in topology order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Needed {
    /// How many servers must run.
    pub count: usize,
    /// Only the first this-many servers count, when set.
    pub of_first: Option<usize>,
}

impl Needed {
    /// Whether the running servers (in topology order) meet this condition.
    pub fn met_by(self, running: &[bool]) -> bool {
        let window = self.of_first.unwrap_or(running.len()).min(running.len());
        running.iter().take(window).filter(|up| **up).count() >= self.count
    }
}

/// One row of a quorum table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct QuorumRow {
    /// Smallest pool size of the row.
    pub min_servers: usize,
    /// Largest pool size of the row.
    pub max_servers: usize,
    /// Products the row applies to.
    pub products: &'static [Product],
    /// What must be running.
    pub needed: Needed,
}

/// The answer for one pool size.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum Quorum {
    /// Every listed condition must hold (the 2019 table overlaps at 12: both apply, C-6).
    Needs {
        /// The conditions.
        needed: Vec<Needed>,
    },
    /// A pool of this size is not supported for the product.
    NotSupported,
    /// The documentation gives no number for this size (2019 start-up, 13 to 15 servers).
    Undocumented,
}

const ALL: &[Product] = &[Lync2013, Sfb2015, Sfb2019, SfbSe];
const UP_TO_2015: &[Product] = &[Lync2013, Sfb2015];
const FROM_2019: &[Product] = &[Sfb2019, SfbSe];

/// Source of both tables.
pub const SOURCE: &str = "Skype/SfbServer/plan-your-deployment/high-availability-and-disaster-recovery/high-availability.md § Routing Group Level quorum loss, § Pool-level quorum loss; Lync/LyncServer/lync-server-2013-topologies-and-components-for-front-end-servers-instant-messaging-and-presence.md";

const fn any(
    min_servers: usize,
    max_servers: usize,
    products: &'static [Product],
    count: usize,
) -> QuorumRow {
    QuorumRow {
        min_servers,
        max_servers,
        products,
        needed: Needed {
            count,
            of_first: None,
        },
    }
}

const fn of_first(
    min: usize,
    max: usize,
    products: &'static [Product],
    count: usize,
    first: usize,
) -> QuorumRow {
    QuorumRow {
        min_servers: min,
        max_servers: max,
        products,
        needed: Needed {
            count,
            of_first: Some(first),
        },
    }
}

/// Servers that must run the first time a pool starts (routing-group quorum).
pub const FIRST_START: &[QuorumRow] = &[
    any(2, 2, UP_TO_2015, 1),
    any(3, 3, ALL, 3),
    any(4, 4, ALL, 3),
    any(5, 5, ALL, 4),
    any(6, 6, ALL, 5),
    any(7, 7, ALL, 5),
    any(8, 8, ALL, 6),
    any(9, 9, ALL, 7),
    any(10, 10, ALL, 8),
    any(11, 11, ALL, 9),
    any(12, 12, ALL, 10),
    any(16, 16, FROM_2019, 12),
];

/// Servers that must run for the pool to function at all (pool-level quorum).
pub const FUNCTIONAL: &[QuorumRow] = &[
    any(2, 2, UP_TO_2015, 1),
    any(3, 4, ALL, 2),
    any(5, 6, ALL, 3),
    any(7, 7, ALL, 4),
    of_first(8, 9, ALL, 4, 7),
    of_first(10, 12, ALL, 5, 9),
    of_first(12, 16, FROM_2019, 7, 12),
];

/// The first-start quorum of an Enterprise pool of `servers` Front End Servers.
pub fn first_start(product: Product, servers: usize) -> Quorum {
    lookup(FIRST_START, product, servers)
}

/// The pool-level (functional) quorum of an Enterprise pool of `servers` Front End Servers.
pub fn functional(product: Product, servers: usize) -> Quorum {
    lookup(FUNCTIONAL, product, servers)
}

fn lookup(table: &[QuorumRow], product: Product, servers: usize) -> Quorum {
    let limits = super::limits::limits_for(product);
    let two_server_unsupported = servers == 2 && FROM_2019.contains(&product);
    if servers == 0 || servers > limits.max_front_ends || two_server_unsupported {
        return Quorum::NotSupported;
    }
    if servers == 1 {
        // A one-server pool runs when its server runs.
        return Quorum::Needs {
            needed: vec![Needed {
                count: 1,
                of_first: None,
            }],
        };
    }
    let needed: Vec<Needed> = table
        .iter()
        .filter(|row| {
            row.products.contains(&product)
                && (row.min_servers..=row.max_servers).contains(&servers)
        })
        .map(|row| row.needed)
        .collect();
    if needed.is_empty() {
        Quorum::Undocumented
    } else {
        Quorum::Needs { needed }
    }
}
