//! DIR-002 and EDGE-001 share one reading of the capacity pages: a role that serves remote
//! users needs two servers for high availability, and one server for every 12,000 (2013, 2015)
//! or 18,000 (2019, Subscription Edition) concurrent remote users. Both recommendations are
//! checked for every pool, so a single server that is also overloaded says both.

use super::{Finding, Findings, pool_path};
use crate::document::Pool;
use crate::registry::RuleId;

/// The role a pool of this rule holds, as its messages name it.
pub(super) struct Role {
    pub rule: RuleId,
    /// "the Edge pool" or "the Director pool".
    pub pool: &'static str,
    /// One server and several, "Edge Server" / "Edge Servers".
    pub server: &'static str,
    pub servers: &'static str,
    /// What stops when the only server fails.
    pub lost: &'static str,
}

/// The high availability and remote-user capacity of `pool`, with `per` concurrent remote users
/// a server; `unverified` when the number rests on secondary sources.
pub(super) fn check(
    role: &Role,
    index: usize,
    pool: &Pool,
    per: u64,
    unverified: bool,
    out: &mut Findings,
) {
    if !out.wants(role.rule) {
        return;
    }
    let servers = pool.servers.len();
    let capacity = u64::try_from(servers)
        .unwrap_or(u64::MAX)
        .saturating_mul(per);
    let over = pool
        .concurrent_remote_users
        .filter(|&users| u64::from(users) > capacity);
    let overload = over.map(|users| match servers {
        1 => format!(
            "{users} concurrent remote users, above the {capacity} one {} carries",
            role.server
        ),
        _ => format!(
            "{users} concurrent remote users, above the {capacity} its {servers} {} carry ({per} each)",
            role.servers
        ),
    });
    if servers == 1 {
        let mut message = format!(
            "{} {} has one {}: when it fails, {} stop (two or more give high availability)",
            role.pool, pool.fqdn, role.server, role.lost
        );
        if let Some(overload) = &overload {
            message.push_str(&format!("; it also serves {overload}"));
        }
        let finding = Finding::new(role.rule, &pool.fqdn, pool_path(index, "servers"), message)
            .fact("servers", servers);
        out.push(match over {
            Some(users) => finding
                .fact("concurrent_remote_users", users)
                .fact("limit", capacity)
                .unverified(unverified),
            None => finding,
        });
        return;
    }
    if pool.concurrent_remote_users.is_none() {
        out.push(Finding::not_evaluated(
            role.rule,
            &pool.fqdn,
            vec![pool_path(index, "concurrent_remote_users")],
        ));
    } else if let (Some(users), Some(overload)) = (over, overload) {
        out.push(
            Finding::new(
                role.rule,
                &pool.fqdn,
                pool_path(index, "concurrent_remote_users"),
                format!("{} {} serves {overload}", role.pool, pool.fqdn),
            )
            .fact("concurrent_remote_users", users)
            .fact("servers", servers)
            .fact("limit", capacity)
            .unverified(unverified),
        );
    }
}
