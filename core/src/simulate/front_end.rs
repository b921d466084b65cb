//! The Front End Servers of a running Enterprise pool against Microsoft's two quorum tables
//! ("Front End Pool high availability and management"):
//!
//! - the pool-level table says what must run for the pool to be functional: below it every
//!   service stops (FE-006);
//! - each routing group keeps three replicas, so one failure never costs a group its majority,
//!   and two or more at once may (FE-005);
//! - the start-up table (85 %) is what must run when the pool starts, the first time and every
//!   later time: it says whether the pool can restart before the failed servers return, not
//!   whether a running pool serves (FE-005).

use serde::Serialize;

use crate::document::Pool;
use crate::matrix::quorum::{self, Needed, Quorum};

/// A quorum threshold: conditions, or why there is none.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Threshold {
    /// What must be running: every condition must hold.
    Needs(Vec<Needed>),
    /// `undocumented` or `not_supported`.
    Status(&'static str),
}

impl From<Quorum> for Threshold {
    fn from(quorum: Quorum) -> Self {
        match quorum {
            Quorum::Needs { needed } => Threshold::Needs(needed),
            Quorum::NotSupported => Threshold::Status("not_supported"),
            Quorum::Undocumented => Threshold::Status("undocumented"),
        }
    }
}

impl Threshold {
    /// Whether the running servers meet it; `None` without a documented threshold.
    fn met_by(&self, running: &[bool]) -> Option<bool> {
        match self {
            Threshold::Needs(needed) => Some(needed.iter().all(|n| n.met_by(running))),
            Threshold::Status(_) => None,
        }
    }

    /// The conditions in words: `3`, `any 4 of the first 7`.
    fn describe(&self) -> String {
        match self {
            Threshold::Needs(needed) => needed
                .iter()
                .map(|n| match n.of_first {
                    Some(first) => format!("any {} of the first {first}", n.count),
                    None => n.count.to_string(),
                })
                .collect::<Vec<_>>()
                .join(" and "),
            Threshold::Status(status) => (*status).to_owned(),
        }
    }
}

/// What the failed Front End Servers cost the routing groups.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RoutingGroups {
    /// No more than one Front End Server down: every group keeps a majority of its replicas.
    Intact,
    /// Two or more down at once: groups with two of their three replicas on them may have lost
    /// quorum (`Get-CsPoolFabricState` tells which).
    MayHaveLostQuorum,
    /// The pool is not functional: every service has stopped.
    Stopped,
}

/// Whether the pool can be (re)started with the servers still running.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Restart {
    /// The start-up table is met.
    Normal,
    /// Below the start-up table but at or above the pool-level table: the documented way is
    /// `Reset-CsPoolRegistrarState -ResetType QuorumLossRecovery`.
    QuorumLossRecovery,
    /// Below the pool-level table: failed servers must return first.
    NotPossible,
    /// The tables give no number for this size (2019 start-up, 13 to 15 servers).
    Undocumented,
}

/// The Front End Servers of an Enterprise pool against the quorum tables (FE-005, FE-006).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FrontEnd {
    /// Servers running.
    pub running: usize,
    /// Servers in the pool.
    pub total: usize,
    /// Pool-level quorum: below it the pool stops.
    pub functional_needed: Threshold,
    /// The start-up table: what must run when the pool (re)starts.
    pub first_start_needed: Threshold,
    /// What the failures cost the routing groups.
    pub routing_groups: RoutingGroups,
    /// Whether the pool could restart now, with the failed servers still down.
    pub restart: Restart,
}

impl FrontEnd {
    /// The Front End Servers of `pool` with `running[k]` telling whether server `k` runs.
    pub(super) fn new(pool: &Pool, running: &[bool]) -> Self {
        let total = running.len();
        let up = running.iter().filter(|r| **r).count();
        let functional_needed = Threshold::from(quorum::functional(pool.product, total));
        let first_start_needed = Threshold::from(quorum::first_start(pool.product, total));
        let functional = functional_needed.met_by(running);
        let routing_groups = if functional == Some(false) || up == 0 {
            RoutingGroups::Stopped
        } else if total - up >= 2 {
            RoutingGroups::MayHaveLostQuorum
        } else {
            RoutingGroups::Intact
        };
        let restart = match (functional, first_start_needed.met_by(running)) {
            (Some(false), _) => Restart::NotPossible,
            (_, Some(true)) => Restart::Normal,
            (Some(true), Some(false)) => Restart::QuorumLossRecovery,
            (None, _) | (_, None) => Restart::Undocumented,
        };
        FrontEnd {
            running: up,
            total,
            functional_needed,
            first_start_needed,
            routing_groups,
            restart,
        }
    }

    /// Whether the pool-level table is met; `None` when it has no row for the size.
    pub(super) fn functional(&self) -> Option<bool> {
        match self.routing_groups {
            RoutingGroups::Stopped => Some(false),
            _ => matches!(self.functional_needed, Threshold::Needs(_)).then_some(true),
        }
    }

    /// The start-up threshold in words, e.g. `3 of 3`.
    pub(super) fn start_up(&self) -> String {
        format!("{} of {}", self.first_start_needed.describe(), self.total)
    }

    /// The pool-level threshold in words, e.g. `2 of 3`.
    pub(super) fn pool_level(&self) -> String {
        format!("{} of {}", self.functional_needed.describe(), self.total)
    }
}
