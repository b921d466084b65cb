//! Catalog §2.6: recovery-time and recovery-point targets, by product.

use serde::Serialize;

use crate::tokens::Product;

/// A documented recovery target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Target {
    /// Recovery time objective, as the documentation states it.
    pub rto: &'static str,
    /// Recovery point objective, as the documentation states it.
    pub rpo: &'static str,
    /// The catalog rule that states it.
    pub rule: &'static str,
    /// Documentation page.
    #[serde(skip)]
    pub source: &'static str,
}

/// Pool failover and failback between paired pools (RTO-002).
pub const fn pool_failover(product: Product) -> Target {
    match product {
        Product::Lync2013 => Target {
            rto: "30 minutes",
            rpo: "30 minutes",
            rule: "RTO-002",
            source: "Lync/LyncServer/lync-server-2013-recovery-time-for-pool-failover-and-pool-failback.md",
        },
        Product::Sfb2015 | Product::Sfb2019 | Product::SfbSe => Target {
            rto: "15-20 minutes",
            rpo: "5 minutes",
            rule: "RTO-002",
            source: "Skype/SfbServer/plan-your-deployment/high-availability-and-disaster-recovery/disaster-recovery.md § Recovery time for pool failover and pool failback",
        },
    }
}

/// Automatic back-end failover with synchronous mirroring and a witness (RTO-001).
pub const MIRROR_FAILOVER: Target = Target {
    rto: "5 minutes",
    rpo: "5 minutes",
    rule: "RTO-001",
    source: "Skype/SfbServer/plan-your-deployment/high-availability-and-disaster-recovery/back-end-server.md § Recovery time for automatic Back End Server failover",
};

/// Central Management store failover (CMS-005).
pub const CMS_FAILOVER: Target = Target {
    rto: "5 minutes",
    rpo: "5 minutes",
    rule: "CMS-005",
    source: "Skype/SfbServer/plan-your-deployment/high-availability-and-disaster-recovery/disaster-recovery.md § Central Management store failover",
};

/// How long users keep working after the back end is lost without automatic failover, before
/// they enter resiliency mode (OPS-005).
pub const RESILIENCY_AFTER: &str = "about 30 minutes";
