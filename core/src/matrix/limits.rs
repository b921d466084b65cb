//! Catalog §2.5: limits and sizing numbers, by product.

use serde::Serialize;

use crate::tokens::Product;

/// The sizing limits of one product.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ProductLimits {
    /// The product.
    pub product: Product,
    /// Maximum Front End Servers in an Enterprise pool.
    pub max_front_ends: usize,
    /// Users per Front End Server (guideline).
    pub users_per_front_end: u64,
    /// Maximum users homed on one Front End pool.
    pub max_pool_users: u64,
    /// Maximum users per pool when the pool is one of a disaster-recovery pair.
    pub max_paired_pool_users: u64,
    /// Users per Standard Edition server in a pair, in normal operation.
    pub standard_pair_users: u64,
    /// Users one Standard Edition server carries after its partner failed over to it.
    pub standard_failover_users: u64,
    /// Concurrent remote users per Director.
    pub remote_users_per_director: u64,
    /// Concurrent remote users per Edge Server (the capacity pages' § Edge Server).
    pub remote_users_per_edge: u64,
    /// Maximum Directors in a pool; `None` where the documentation gives no number.
    pub max_directors: Option<usize>,
    /// Maximum servers of a Front End pool with Mediation collocated.
    pub max_collocated_mediation: usize,
    /// Whether the numbers rest on secondary sources only.
    pub unverified: bool,
    /// Documentation page and section.
    pub source: &'static str,
}

const L13: &str = "Lync/LyncServer/lync-server-2013-capacity-planning-using-the-user-models.md § Front End Server";
const S15: &str = "Skype/SfbServer/plan-your-deployment/capacity/user-model.md § Front End Server";
const S19: &str = "Skype/SfBServer2019/plan/user-model-2019.md § Front End Server";

const fn limits(
    product: Product,
    max_front_ends: usize,
    max_pool_users: u64,
    max_paired_pool_users: u64,
    remote_users_per_director: u64,
    remote_users_per_edge: u64,
    source: &'static str,
) -> ProductLimits {
    ProductLimits {
        product,
        max_front_ends,
        users_per_front_end: 6_660,
        max_pool_users,
        max_paired_pool_users,
        standard_pair_users: 2_500,
        standard_failover_users: 5_000,
        remote_users_per_director,
        remote_users_per_edge,
        // topology-basics.md § What's in a Skype for Business Server site? (2015 and later).
        max_directors: Some(10),
        // mediation-server.md § M:N trunk: the Registrar pool limit when it was written (C-5).
        max_collocated_mediation: 12,
        unverified: false,
        source,
    }
}

// The Lync Server 2013 pages give no Director pool limit.
const L13_LIMITS: ProductLimits = ProductLimits {
    max_directors: None,
    ..limits(Product::Lync2013, 12, 80_000, 40_000, 12_000, 12_000, L13)
};
const S15_LIMITS: ProductLimits = limits(Product::Sfb2015, 12, 80_000, 40_000, 12_000, 12_000, S15);
const S19_LIMITS: ProductLimits =
    limits(Product::Sfb2019, 16, 106_000, 53_000, 18_000, 18_000, S19);
// Subscription Edition inherits the 2019 numbers (secondary sources).
const SE_LIMITS: ProductLimits = ProductLimits {
    unverified: true,
    ..limits(Product::SfbSe, 16, 106_000, 53_000, 18_000, 18_000, S19)
};

/// One row a product.
pub const LIMITS: &[ProductLimits] = &[L13_LIMITS, S15_LIMITS, S19_LIMITS, SE_LIMITS];

/// The limits of a product.
pub const fn limits_for(product: Product) -> &'static ProductLimits {
    match product {
        Product::Lync2013 => &L13_LIMITS,
        Product::Sfb2015 => &S15_LIMITS,
        Product::Sfb2019 => &S19_LIMITS,
        Product::SfbSe => &SE_LIMITS,
    }
}

/// Branch users one Survivable Branch Appliance serves
/// (enterprise-voice-resiliency.md § Branch site resiliency solutions).
pub const SBA_USERS: u64 = 1_000;

/// Branch users two appliances or a Survivable Branch Server serve (same section).
pub const BRANCH_PAIR_USERS: u64 = 2_000;

/// Persistent Chat pool limits (catalog PCHAT-004), from
/// `Skype/SfbServer/plan-your-deployment/persistent-chat-server/topology.md` § Enterprise Edition
/// Server with multiple Persistent Chat Servers and `capacity-planning.md` § Plan capacity for
/// number of users.
pub mod persistent_chat {
    /// Servers in one pool, active and idle (high availability and disaster recovery).
    pub const MAX_SERVERS: usize = 8;
    /// Active servers in one pool.
    pub const MAX_ACTIVE_SERVERS: usize = 4;
}
