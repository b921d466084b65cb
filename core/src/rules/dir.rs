//! DIR: Director pools.

use super::fe::quoted;
use super::remote_users::{self, Role};
use super::{Finding, Findings, pool_path, set_value, stretched};
use crate::document::Pool;
use crate::matrix::limits::limits_for;
use crate::registry::RuleId;
use crate::tokens::PoolKind;
use crate::topology::{PoolFacts, Topology};

/// DIR-002: two or more Directors, and enough for the concurrent remote users.
const DIRECTOR: Role = Role {
    rule: RuleId::Dir002,
    pool: "the Director pool",
    server: "Director",
    servers: "Directors",
    lost: "the remote and federated traffic it routes and the sign-ins it authenticates",
};

pub(super) fn check(topology: &Topology, out: &mut Findings) {
    for (index, pool, facts) in topology.pools() {
        if pool.kind != PoolKind::Director {
            continue;
        }
        size(index, pool, out);
        let limits = limits_for(pool.product);
        remote_users::check(
            &DIRECTOR,
            index,
            pool,
            limits.remote_users_per_director,
            limits.unverified,
            out,
        );
        not_stretched(index, pool, facts, out);
        collocation(index, pool, out);
    }
}

/// DIR-001: at most 10 Directors in a pool.
fn size(index: usize, pool: &Pool, out: &mut Findings) {
    if !out.wants(RuleId::Dir001) {
        return;
    }
    let limits = limits_for(pool.product);
    let Some(max) = limits.max_directors else {
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
            .fact("limit", max)
            .unverified(limits.unverified),
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
