//! WIT: mirroring witnesses.

use super::{Finding, Findings, store_path};
use crate::document::Ha;
use crate::registry::RuleId;
use crate::topology::{NodeRole, Topology};

pub(super) fn check(topology: &Topology, out: &mut Findings) {
    if !out.wants_any(&[RuleId::Wit001, RuleId::Wit002, RuleId::Wit007]) {
        return;
    }
    for (index, store, facts) in topology.stores() {
        let Ha::Mirroring {
            principal,
            mirror,
            witness,
            ..
        } = &store.ha
        else {
            continue;
        };
        let pools: Vec<&str> = facts
            .used_by
            .iter()
            .filter_map(|&p| topology.pool(p))
            .map(|p| p.fqdn.as_str())
            .collect();
        let Some(witness) = witness else {
            let message = format!(
                "the mirrored store `{}` has no witness: failover to the mirror is manual, and users drop to resiliency mode after about 30 minutes",
                store.id
            );
            out.push(
                Finding::new(
                    RuleId::Wit001,
                    &store.id,
                    store_path(index, "ha").key("witness"),
                    message,
                )
                .related(pools),
            );
            continue;
        };
        // WIT-007: a witness on a partner's host leaves one host holding two of the three votes.
        let host = witness.fqdn.to_lowercase();
        let partner = facts
            .nodes
            .iter()
            .find(|n| matches!(n.role, NodeRole::Principal | NodeRole::Mirror) && n.host() == host);
        if let Some(partner) = partner {
            let message = format!(
                "the witness of `{}` runs on {}, the host of the {}: losing that host removes two of the three votes",
                store.id,
                witness.fqdn,
                partner.role.as_str()
            );
            out.push(
                Finding::new(
                    RuleId::Wit007,
                    &store.id,
                    store_path(index, "ha").key("witness").key("fqdn"),
                    message,
                )
                .related(
                    pools
                        .iter()
                        .copied()
                        .chain([principal.fqdn.as_str(), mirror.fqdn.as_str()]),
                )
                .fact("witness", &witness.fqdn)
                .fact(partner.role.as_str(), &partner.fqdn),
            );
        }
    }
    // WIT-002: one witness may serve several mirror pairs, but a dedicated one is more resilient.
    for witness in topology.witnesses().iter().filter(|w| w.stores.len() > 1) {
        let stores: Vec<&str> = witness
            .stores
            .iter()
            .filter_map(|&s| topology.store(s))
            .map(|(s, _)| s.id.as_str())
            .collect();
        let path = witness
            .stores
            .get(1)
            .map(|s| store_path(*s, "ha").key("witness"))
            .unwrap_or_default();
        let message = format!(
            "the witness {} serves {} mirrored stores ({}); a dedicated witness per mirror pair is more resilient",
            witness.fqdn,
            stores.len(),
            stores
                .iter()
                .map(|s| format!("`{s}`"))
                .collect::<Vec<_>>()
                .join(", ")
        );
        out.push(
            Finding::new(RuleId::Wit002, &witness.fqdn, path, message)
                .related(stores.iter().copied())
                .fact("stores", stores.len()),
        );
    }
}
