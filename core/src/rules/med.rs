//! MED: Mediation Server.

use super::fe::quoted;
use super::{Finding, Findings, pool_path, set_value, stretched};
use crate::document::Pool;
use crate::matrix::limits::limits_for;
use crate::registry::RuleId;
use crate::report::Pointer;
use crate::tokens::{CollocatedRole, PoolKind, Product, Severity};
use crate::topology::{PoolFacts, Topology};

pub(super) fn check(topology: &Topology, out: &mut Findings) {
    // Pools that a gateway uses as its Mediation pool.
    let mut trunked = vec![false; topology.document().pools.len()];
    for (_, _, gateway) in topology.gateways() {
        if let Some(slot) = trunked.get_mut(gateway.mediation) {
            *slot = true;
        }
    }
    for (index, pool, facts) in topology.pools() {
        match pool.kind {
            PoolKind::FrontEnd => {
                let trunked = trunked.get(index).copied().unwrap_or(false);
                collocated_size(index, pool, trunked, out);
            }
            PoolKind::Mediation => not_stretched(index, pool, facts, out),
            _ => {}
        }
    }
    sip_trunks(topology, out);
}

/// MED-005: no stretched Mediation pools.
fn not_stretched(index: usize, pool: &Pool, facts: &PoolFacts, out: &mut Findings) {
    if !out.wants(RuleId::Med005) {
        return;
    }
    if let Some(data_centers) = stretched(facts) {
        let message = format!(
            "{} has Mediation Servers in the data centers {}; stretched Mediation pools are not supported",
            pool.fqdn,
            quoted(&data_centers)
        );
        out.push(
            Finding::new(
                RuleId::Med005,
                &pool.fqdn,
                pool_path(index, "servers"),
                message,
            )
            .fact("data_centers", set_value(&data_centers)),
        );
    }
}

/// Whether Mediation is collocated on a Front End pool: a gateway uses the pool as its
/// Mediation pool (`trunked`), or `collocated_roles` says so; `None` when neither tells.
fn mediation_collocated(pool: &Pool, trunked: bool) -> Option<bool> {
    if trunked {
        return Some(true);
    }
    pool.collocated_roles
        .as_ref()
        .map(|roles| roles.contains(&CollocatedRole::Mediation))
}

/// MED-001: a Front End pool with Mediation collocated has at most 12 servers (catalog C-5: a
/// warning for 2019 and Subscription Edition pools of 13 to 16 servers).
fn collocated_size(index: usize, pool: &Pool, trunked: bool, out: &mut Findings) {
    if !out.wants(RuleId::Med001) {
        return;
    }
    let limits = limits_for(pool.product);
    let max = limits.max_collocated_mediation;
    let servers = pool.servers.len();
    if servers <= max {
        return;
    }
    match mediation_collocated(pool, trunked) {
        None => out.push(Finding::not_evaluated(
            RuleId::Med001,
            &pool.fqdn,
            vec![pool_path(index, "collocated_roles")],
        )),
        Some(false) => {}
        Some(true) => {
            // Only the pool sizes 2019 added (13 to 16) are softened; beyond them the pool is
            // oversized for any role.
            let later = matches!(pool.product, Product::Sfb2019 | Product::SfbSe)
                && servers <= limits.max_front_ends;
            let message = if later {
                format!(
                    "{} has {servers} Front End Servers with Mediation collocated; the Mediation Server page limits a collocated pool to {max} (written before 2019 allowed 16 Front End Servers, catalog C-5)",
                    pool.fqdn
                )
            } else {
                format!(
                    "{} has {servers} Front End Servers with Mediation collocated; a pool with collocated Mediation holds at most {max}",
                    pool.fqdn
                )
            };
            let finding = Finding::new(
                RuleId::Med001,
                &pool.fqdn,
                pool_path(index, "servers"),
                message,
            )
            .fact("servers", servers)
            .fact("limit", max)
            .unverified(limits.unverified);
            out.push(if later {
                finding.severity(Severity::Warning)
            } else {
                finding
            });
        }
    }
}

/// MED-002: SIP trunks on a stand-alone Mediation pool.
fn sip_trunks(topology: &Topology, out: &mut Findings) {
    if !out.wants(RuleId::Med002) {
        return;
    }
    if topology.document().pstn_gateways.is_none() {
        // Without the gateway list, a pool known to host Mediation may carry a SIP trunk.
        for (_, pool, _) in topology.pools() {
            let collocated = pool
                .collocated_roles
                .as_ref()
                .is_some_and(|roles| roles.contains(&CollocatedRole::Mediation));
            if pool.kind == PoolKind::FrontEnd && collocated {
                out.push(Finding::not_evaluated(
                    RuleId::Med002,
                    &pool.fqdn,
                    vec![Pointer::default().key("pstn_gateways")],
                ));
            }
        }
        return;
    }
    for (index, gateway, facts) in topology.gateways() {
        let Some(pool) = topology
            .pool(facts.mediation)
            .filter(|p| p.kind == PoolKind::FrontEnd)
        else {
            continue;
        };
        let path = Pointer::entity("pstn_gateways", index).key("sip_trunk");
        match gateway.sip_trunk {
            None => out.push(Finding::not_evaluated(
                RuleId::Med002,
                &gateway.fqdn,
                vec![path],
            )),
            Some(false) => {}
            Some(true) => {
                let message = format!(
                    "the SIP trunk {} uses the Mediation Server collocated on {}; a stand-alone Mediation pool is recommended with SIP trunking",
                    gateway.fqdn, pool.fqdn
                );
                out.push(
                    Finding::new(RuleId::Med002, &gateway.fqdn, path, message)
                        .related([&pool.fqdn]),
                );
            }
        }
    }
}
