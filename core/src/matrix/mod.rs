//! The support matrices of the catalog (§2.1, §2.2, §2.4, §2.5) as data, each row with its
//! source.

pub mod limits;
pub mod os;
pub mod quorum;
pub mod recovery;
pub mod sql;

use serde::Serialize;

use crate::registry::Provenance;

/// Whether the documentation supports a combination.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Support {
    /// Listed as supported.
    Yes,
    /// Stated as unsupported, or not listed where the page lists what is supported.
    No,
    /// The documentation read says nothing either way.
    Undocumented,
}

/// One cell of a matrix: the verdict and how well it is sourced.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Cell {
    /// The verdict.
    pub support: Support,
    /// Where it comes from: a secondary or unsourced verdict never raises an error.
    pub provenance: Provenance,
}

impl Cell {
    /// A verdict that is never reported as unverified.
    pub(crate) const fn primary(support: Support) -> Cell {
        Cell {
            support,
            provenance: Provenance::Primary,
        }
    }

    /// Whether findings that rest on this cell are unverified.
    pub const fn is_unverified(self) -> bool {
        self.provenance.is_unverified() || matches!(self.support, Support::Undocumented)
    }
}

pub(crate) const YES: Cell = Cell::primary(Support::Yes);
pub(crate) const NO: Cell = Cell::primary(Support::No);
pub(crate) const YES_SECONDARY: Cell = Cell {
    support: Support::Yes,
    provenance: Provenance::Secondary,
};
pub(crate) const NO_SECONDARY: Cell = Cell {
    support: Support::No,
    provenance: Provenance::Secondary,
};
pub(crate) const NO_UNSOURCED: Cell = Cell {
    support: Support::No,
    provenance: Provenance::Unsourced,
};
pub(crate) const UNDOCUMENTED: Cell = Cell {
    support: Support::Undocumented,
    provenance: Provenance::Unsourced,
};

/// A minimum patch level: service pack, then cumulative update within it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct MinLevel {
    /// Minimum service pack (`0` = RTM).
    pub service_pack: u32,
    /// Minimum cumulative update on that service pack.
    pub cumulative_update: u32,
}

impl MinLevel {
    /// Whether a store at this level meets the minimum; `None` when the facts given cannot
    /// tell (a later service pack contains every earlier cumulative update).
    pub fn satisfied_by(
        self,
        service_pack: Option<u32>,
        cumulative_update: Option<u32>,
    ) -> Option<bool> {
        match (service_pack, cumulative_update) {
            (Some(sp), _) if sp > self.service_pack => Some(true),
            (Some(sp), _) if sp < self.service_pack => Some(false),
            (Some(_), Some(cu)) => Some(cu >= self.cumulative_update),
            (Some(_), None) => (self.cumulative_update == 0).then_some(true),
            (None, Some(cu)) if cu >= self.cumulative_update && self.service_pack == 0 => {
                Some(true)
            }
            (None, _) => None,
        }
    }

    /// `SP2 CU2`, `CU6`, `SP1` for messages.
    pub fn describe(self) -> String {
        match (self.service_pack, self.cumulative_update) {
            (0, cu) => format!("CU{cu}"),
            (sp, 0) => format!("SP{sp}"),
            (sp, cu) => format!("SP{sp} CU{cu}"),
        }
    }
}
