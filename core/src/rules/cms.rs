//! CMS: the Central Management store.

use super::{Finding, Findings, pool_path};
use crate::registry::RuleId;
use crate::report::Pointer;
use crate::tokens::{CmsRole, PoolKind};
use crate::topology::Topology;

pub(super) fn check(topology: &Topology, out: &mut Findings) {
    if !out.wants_any(&[RuleId::Cms001, RuleId::Cms002]) {
        return;
    }
    let marked = |role: CmsRole| -> Vec<usize> {
        topology
            .pools()
            .filter(|(_, pool, _)| pool.cms == Some(role))
            .map(|(index, _, _)| index)
            .collect()
    };
    let active = marked(CmsRole::Active);
    let standby = marked(CmsRole::Standby);
    // CMS-001: exactly one active store, on a Front End pool's back end or a Standard Edition server.
    match active.as_slice() {
        [] => out.push(Finding::new(
            RuleId::Cms001,
            "/",
            Pointer::ROOT.key("pools"),
            "no pool is marked `\"cms\": \"active\"`; a deployment has exactly one active Central Management store",
        )),
        [_] => {}
        several => {
            let names: Vec<&str> = several.iter().filter_map(|&p| topology.pool(p)).map(|p| p.fqdn.as_str()).collect();
            for (&index, name) in several.iter().zip(&names) {
                let message = format!(
                    "{} pools are marked as hosting the active Central Management store ({}); a deployment has exactly one",
                    names.len(),
                    names.join(", ")
                );
                let others = names.iter().filter(|other| *other != name);
                out.push(Finding::new(RuleId::Cms001, name, pool_path(index, "cms"), message).related(others).fact("active", names.len()));
            }
        }
    }
    for &index in active.iter().chain(&standby) {
        let Some(pool) = topology
            .pool(index)
            .filter(|pool| pool.kind != PoolKind::FrontEnd)
        else {
            continue;
        };
        let role = pool.cms.map(CmsRole::as_str).unwrap_or_default();
        let message = format!(
            "{} (`{}`) is marked as hosting the {role} Central Management store; the store lives on the back end of a Front End pool or on a Standard Edition server",
            pool.fqdn, pool.kind
        );
        out.push(
            Finding::new(RuleId::Cms001, &pool.fqdn, pool_path(index, "cms"), message)
                .fact("kind", pool.kind.as_str()),
        );
    }
    // CMS-002: pairing the active pool puts the standby store on its partner.
    let Some((&home, pool)) = active
        .first()
        .filter(|_| active.len() == 1)
        .and_then(|i| topology.pool(*i).map(|p| (i, p)))
    else {
        return;
    };
    let partner = topology
        .pool_facts(home)
        .and_then(|f| f.backup)
        .filter(|&p| p != home);
    if let Some(partner_pool) = partner.and_then(|p| topology.pool(p)) {
        let message = format!(
            "{} hosts the active Central Management store and is paired with {}: the partner holds the standby store, kept in sync by the Backup Service",
            pool.fqdn, partner_pool.fqdn
        );
        out.push(
            Finding::new(
                RuleId::Cms002,
                &pool.fqdn,
                pool_path(home, "backup_pool"),
                message,
            )
            .related([&partner_pool.fqdn])
            .fact("standby", &partner_pool.fqdn)
            .help("nothing to change: if the active pool is lost, fail the Central Management store over (`Invoke-CsManagementServerFailover`) before failing the pool over"),
        );
    }
    for &index in standby.iter().filter(|&&index| Some(index) != partner) {
        let Some(marked_pool) = topology.pool(index) else {
            continue;
        };
        let message = match partner.and_then(|p| topology.pool(p)) {
            Some(partner_pool) => format!(
                "{} is marked as hosting the standby Central Management store, but the standby store is on {}, the partner of the active pool {}",
                marked_pool.fqdn, partner_pool.fqdn, pool.fqdn
            ),
            None => format!(
                "{} is marked as hosting the standby Central Management store, but the active pool {} is not paired, so there is no standby store",
                marked_pool.fqdn, pool.fqdn
            ),
        };
        out.push(
            Finding::new(
                RuleId::Cms002,
                &marked_pool.fqdn,
                pool_path(index, "cms"),
                message,
            )
            .related([&pool.fqdn]),
        );
    }
}
