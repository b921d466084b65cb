//! SBA: branch appliances.

use super::fe::{capacity_one_down, missing_users};
use super::{Finding, Findings, pool_path};
use crate::matrix::limits::{BRANCH_PAIR_USERS, SBA_USERS, limits_for};
use crate::registry::RuleId;
use crate::report::Pointer;
use crate::tokens::{PoolKind, SiteKind};
use crate::topology::Topology;

/// Survivable Branch Appliances allowed in one branch site.
const MAX_SBAS_PER_SITE: usize = 2;

pub(super) fn check(topology: &Topology, out: &mut Findings) {
    per_site(topology, out);
    association(topology, out);
    central_capacity(topology, out);
}

/// SBA-001 and SBA-004: how many appliances a branch site has, and how many users they carry.
fn per_site(topology: &Topology, out: &mut Findings) {
    if !out.wants_any(&[RuleId::Sba001, RuleId::Sba004]) {
        return;
    }
    let document = topology.document();
    let mut appliances: Vec<Vec<usize>> = vec![Vec::new(); document.sites.len()];
    for (index, pool, facts) in topology.pools() {
        let list = appliances.get_mut(facts.site);
        if let Some(list) = list.filter(|_| matches!(pool.kind, PoolKind::Sba | PoolKind::Sbs)) {
            list.push(index);
        }
    }
    for ((index, site), pools) in document.sites.iter().enumerate().zip(appliances) {
        if pools.is_empty() {
            continue;
        }
        let of_kind = |kind: PoolKind| -> Vec<&str> {
            pools
                .iter()
                .filter_map(|&p| topology.pool(p))
                .filter(|p| p.kind == kind)
                .map(|p| p.fqdn.as_str())
                .collect()
        };
        let sbas = of_kind(PoolKind::Sba);
        let sbs = of_kind(PoolKind::Sbs);
        let counted = sbas.len();
        if out.wants(RuleId::Sba001) && counted > MAX_SBAS_PER_SITE {
            let message = format!(
                "site `{}` has {counted} Survivable Branch Appliances; a branch site holds at most {MAX_SBAS_PER_SITE}",
                site.id
            );
            out.push(
                Finding::new(
                    RuleId::Sba001,
                    &site.id,
                    Pointer::entity("sites", index),
                    message,
                )
                .related(sbas.iter().copied())
                .fact("appliances", counted)
                .fact("limit", MAX_SBAS_PER_SITE),
            );
        }
        if !out.wants(RuleId::Sba004) {
            continue;
        }
        let missing: Vec<Pointer> = pools
            .iter()
            .filter(|&&p| topology.pool(p).is_some_and(|p| p.users.is_none()))
            .map(|&p| pool_path(p, "users"))
            .collect();
        if !missing.is_empty() {
            out.push(Finding::not_evaluated(RuleId::Sba004, &site.id, missing));
            continue;
        }
        let users: u64 = pools
            .iter()
            .filter_map(|&p| topology.pool(p).and_then(|p| p.users))
            .map(u64::from)
            .sum();
        let capacity = if sbs.is_empty() && sbas.len() < 2 {
            SBA_USERS
        } else {
            BRANCH_PAIR_USERS
        };
        if users <= capacity {
            continue;
        }
        let advice = if capacity == SBA_USERS {
            "between 1,000 and 2,000 users, a Survivable Branch Server or two Survivable Branch Appliances are recommended"
        } else {
            "above 2,000 users, deploy the site as a central site with a Standard Edition server rather than as a branch site"
        };
        let message = format!(
            "branch site `{}` has {users} users on its appliances, above the {capacity} they are recommended for: {advice}",
            site.id
        );
        let first = pools.first().copied().unwrap_or_default();
        out.push(
            Finding::new(RuleId::Sba004, &site.id, pool_path(first, "users"), message)
                .related(sbas.iter().chain(&sbs).copied())
                .fact("users", users)
                .fact("limit", capacity),
        );
    }
}

/// SBA-002: an appliance sits in a branch site and is backed by a Front End pool or Standard
/// Edition server of a central site.
fn association(topology: &Topology, out: &mut Findings) {
    if !out.wants(RuleId::Sba002) {
        return;
    }
    for (index, pool, facts) in topology.pools() {
        if !matches!(pool.kind, PoolKind::Sba | PoolKind::Sbs) {
            continue;
        }
        let backing = facts
            .associated
            .and_then(|a| topology.pool(a).map(|p| (a, p)));
        let in_central = topology.site_kind(index) == SiteKind::Central;
        let backed_by_branch =
            backing.is_some_and(|(a, _)| topology.site_kind(a) == SiteKind::Branch);
        let not_front_end = backing.filter(|(_, p)| p.kind != PoolKind::FrontEnd);
        let (message, path) = if in_central {
            (
                format!(
                    "{} is a branch appliance in the central site `{}`; branch appliances belong to branch sites",
                    pool.fqdn, pool.site
                ),
                pool_path(index, "site"),
            )
        } else if let Some((_, target)) = not_front_end {
            (
                format!(
                    "{} is associated with {}, a `{}` pool; a branch appliance is associated with a Front End pool or a Standard Edition server, its backup Registrar",
                    pool.fqdn, target.fqdn, target.kind
                ),
                pool_path(index, "associated_pool"),
            )
        } else if let Some((_, target)) = backing.filter(|_| backed_by_branch) {
            (
                format!(
                    "{} is associated with {}, a pool of the branch site `{}`; its backup Registrar must be a Front End pool or Standard Edition server of a central site",
                    pool.fqdn, target.fqdn, target.site
                ),
                pool_path(index, "associated_pool"),
            )
        } else {
            continue;
        };
        let related = backing.map(|(_, p)| &p.fqdn);
        out.push(Finding::new(RuleId::Sba002, &pool.fqdn, path, message).related(related));
    }
}

/// SBA-003: branch users counted in the backing pool's capacity (FE-009's sizing).
fn central_capacity(topology: &Topology, out: &mut Findings) {
    if !out.wants(RuleId::Sba003) {
        return;
    }
    for (index, pool, facts) in topology.pools() {
        if facts.branches.is_empty() || !pool.is_enterprise_front_end() {
            continue;
        }
        let (Some(own), Some(branch)) = (pool.users, facts.branch_users) else {
            let missing = missing_users(topology, index, facts);
            out.push(Finding::not_evaluated(RuleId::Sba003, &pool.fqdn, missing));
            continue;
        };
        let capacity = capacity_one_down(pool);
        let own = u64::from(own);
        if own > capacity || own + branch <= capacity {
            continue;
        }
        let appliances: Vec<&str> = facts
            .branches
            .iter()
            .filter_map(|&b| topology.pool(b))
            .map(|p| p.fqdn.as_str())
            .collect();
        let message = format!(
            "{} homes {own} users, within its capacity of {capacity}, but the {branch} users of its branch appliances ({}) count too and bring it to {}",
            pool.fqdn,
            appliances.join(", "),
            own + branch
        );
        out.push(
            Finding::new(
                RuleId::Sba003,
                &pool.fqdn,
                pool_path(index, "users"),
                message,
            )
            .related(appliances.iter().copied())
            .fact("users", own)
            .fact("branch_users", branch)
            .fact("limit", capacity)
            .unverified(limits_for(pool.product).unverified),
        );
    }
}
