//! DIR: Director pools.

use super::fe::quoted;
use super::{Finding, Findings, pool_path, set_value, stretched};
use crate::document::Pool;
use crate::matrix::limits::limits_for;
use crate::registry::RuleId;
use crate::tokens::PoolKind;
use crate::topology::{PoolFacts, Topology};

pub(super) fn check(topology: &Topology, out: &mut Findings) {
    for (index, pool, facts) in topology.pools() {
        if pool.kind != PoolKind::Director {
            continue;
        }
        size(index, pool, out);
        availability(index, pool, out);
        not_stretched(index, pool, facts, out);
        collocation(index, pool, out);
    }
}

/// DIR-001: at most 10 Directors in a pool.
fn size(index: usize, pool: &Pool, out: &mut Findings) {
    if !out.wants(RuleId::Dir001) {
        return;
    }
    let Some(max) = limits_for(pool.product).max_directors else {
        return;
    };
    let servers = pool.servers.len();
    if servers > max {
        let message = format!(
            "{} has {servers} Directors; a Director pool holds at most {max}",
            pool.fqdn
        );
        out.push(
            Finding::new(
                RuleId::Dir001,
                &pool.fqdn,
                pool_path(index, "servers"),
                message,
            )
            .fact("servers", servers)
            .fact("limit", max),
        );
    }
}

/// DIR-002: two or more Directors, and enough for the concurrent remote users.
fn availability(index: usize, pool: &Pool, out: &mut Findings) {
    if !out.wants(RuleId::Dir002) {
        return;
    }
    let servers = pool.servers.len();
    if servers < 2 {
        let message = format!(
            "{} has one Director: the pool has no high availability; deploy at least two",
            pool.fqdn
        );
        out.push(
            Finding::new(
                RuleId::Dir002,
                &pool.fqdn,
                pool_path(index, "servers"),
                message,
            )
            .fact("servers", servers),
        );
        return;
    }
    let Some(users) = pool.concurrent_remote_users else {
        out.push(Finding::not_evaluated(
            RuleId::Dir002,
            &pool.fqdn,
            vec![pool_path(index, "concurrent_remote_users")],
        ));
        return;
    };
    let per = limits_for(pool.product).remote_users_per_director;
    let capacity = u64::try_from(servers)
        .unwrap_or(u64::MAX)
        .saturating_mul(per);
    if u64::from(users) > capacity {
        let message = format!(
            "{} serves {users} concurrent remote users, above the {capacity} its {servers} Directors carry ({per} each)",
            pool.fqdn
        );
        out.push(
            Finding::new(
                RuleId::Dir002,
                &pool.fqdn,
                pool_path(index, "concurrent_remote_users"),
                message,
            )
            .fact("concurrent_remote_users", users)
            .fact("servers", servers)
            .fact("limit", capacity),
        );
    }
}

/// DIR-003: no stretched Director pools.
fn not_stretched(index: usize, pool: &Pool, facts: &PoolFacts, out: &mut Findings) {
    if !out.wants(RuleId::Dir003) {
        return;
    }
    if let Some(data_centers) = stretched(facts) {
        let message = format!(
            "{} has Directors in the data centers {}; stretched Director pools are not supported",
            pool.fqdn,
            quoted(&data_centers)
        );
        out.push(
            Finding::new(
                RuleId::Dir003,
                &pool.fqdn,
                pool_path(index, "servers"),
                message,
            )
            .fact("data_centers", set_value(&data_centers)),
        );
    }
}

/// DIR-004: nothing collocated on a Director.
fn collocation(index: usize, pool: &Pool, out: &mut Findings) {
    if !out.wants(RuleId::Dir004) {
        return;
    }
    let Some(roles) = &pool.collocated_roles else {
        out.push(Finding::not_evaluated(
            RuleId::Dir004,
            &pool.fqdn,
            vec![pool_path(index, "collocated_roles")],
        ));
        return;
    };
    if roles.is_empty() {
        return;
    }
    let names: Vec<&'static str> = roles.iter().map(|r| r.as_str()).collect();
    let message = format!(
        "{} has {} collocated on its Directors; a Director cannot be collocated with another server role",
        pool.fqdn,
        names.join(", ")
    );
    out.push(
        Finding::new(
            RuleId::Dir004,
            &pool.fqdn,
            pool_path(index, "collocated_roles"),
            message,
        )
        .fact("collocated_roles", names),
    );
}
