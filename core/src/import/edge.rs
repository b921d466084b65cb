//! Edge pools: the external services and their ports from the `EdgeServer` service's external
//! `Ports`, the next hop from its `Registrar` dependency, and what the XML does not hold
//! (federation, XMPP, NAT, legacy partners) from the facts file.

use super::model::Port;
use super::topology::{Builder, Target};
use crate::document::{Edge, Endpoint};
use crate::tokens::PoolKind;

/// The external port that names each service: (key, `Owner`, `Usage`, `Protocol` or any).
const SERVICES: [(&str, &str, &str, Option<&str>); 3] = [
    ("access", "urn:component:AccessEdge", "SipClient", None),
    (
        "web_conferencing",
        "urn:component:DataEdge",
        "PsomClient",
        None,
    ),
    (
        "av",
        "urn:component:MediaRelayEdge",
        "TURNServer",
        Some("Tcp"),
    ),
];

impl Builder<'_> {
    /// The `edge` facts of every Edge pool.
    pub(super) fn edge_links(&mut self) {
        for cluster in 0..self.model.clusters.len() {
            let Some(index) = self.pool_of_cluster.get(cluster).copied().flatten() else {
                continue;
            };
            if self.document.pools.get(index).map(|p| p.kind) != Some(PoolKind::Edge) {
                continue;
            }
            let service = self
                .on_cluster(cluster)
                .find(|&s| self.role(s) == "EdgeServer");
            let mut edge = empty_edge();
            if let Some(service) = service {
                self.edge_services(index, service, &mut edge);
                self.next_hop(index, service, &mut edge);
            }
            self.edge_facts(index, &mut edge);
            let empty = edge == empty_edge();
            if let Some(pool) = self.document.pools.get_mut(index) {
                pool.edge = (!empty).then(|| Box::new(edge));
            }
        }
    }

    fn edge_services(&mut self, index: usize, service: usize, edge: &mut Edge) {
        let ports: Vec<Port> = self
            .model
            .services
            .get(service)
            .map(|s| s.external_ports.clone())
            .unwrap_or_default();
        for (key, owner, usage, protocol) in SERVICES {
            let found = ports.iter().find(|p| {
                p.owner == owner
                    && p.usage == usage
                    && protocol.is_none_or(|proto| p.protocol.eq_ignore_ascii_case(proto))
                    && p.fqdn.is_some()
            });
            let Some(port) = found else { continue };
            let endpoint = Endpoint {
                fqdn: port.fqdn.clone().unwrap_or_default().into(),
                port: port.port,
            };
            self.source(format!("/pools/{index}/edge/{key}"), &port.origin);
            match key {
                "access" => edge.access = Some(endpoint),
                "web_conferencing" => edge.web_conferencing = Some(endpoint),
                _ => edge.av = Some(endpoint),
            }
        }
    }

    /// The pool of the `Registrar` the Edge service depends on.
    fn next_hop(&mut self, index: usize, service: usize, edge: &mut Edge) {
        let Some(registrar) = self.dependency(service, "Registrar") else {
            return;
        };
        let Some(Target::Cluster(cluster)) = self.installed.get(registrar).copied().flatten()
        else {
            return;
        };
        let Some(pool) = self
            .pool_of_cluster
            .get(cluster)
            .copied()
            .flatten()
            .and_then(|p| self.document.pools.get(p))
        else {
            return;
        };
        edge.next_hop = Some(pool.fqdn.clone());
        if let Some(origin) = self.model.services.get(service).map(|s| s.origin.clone()) {
            self.source(format!("/pools/{index}/edge/next_hop"), &origin);
        }
    }

    /// Fills from the facts file what the XML did not give.
    fn edge_facts(&mut self, index: usize, edge: &mut Edge) {
        let Some(fqdn) = self.document.pools.get(index).map(|p| p.fqdn.clone()) else {
            return;
        };
        let Some((key, facts)) = self
            .facts
            .pool(&fqdn)
            .and_then(|(k, e)| e.edge.clone().map(|edge| (k.to_owned(), edge)))
        else {
            return;
        };
        let mut filled = Vec::new();
        macro_rules! fill {
            ($($field:ident),*) => {$(
                if edge.$field.is_none() && facts.$field.is_some() {
                    edge.$field = facts.$field.clone();
                    filled.push(stringify!($field));
                }
            )*};
        }
        fill!(
            access,
            web_conferencing,
            av,
            next_hop,
            federation,
            xmpp_federation,
            av_nat,
            legacy_federation,
            exchange_um_before_2013
        );
        let escaped = crate::document::parse::escape(&key);
        for field in filled {
            self.fact_source(
                format!("/pools/{index}/edge/{field}"),
                format!("/pools/{escaped}/edge/{field}"),
            );
        }
    }
}

fn empty_edge() -> Edge {
    Edge {
        access: None,
        web_conferencing: None,
        av: None,
        next_hop: None,
        federation: None,
        xmpp_federation: None,
        av_nat: None,
        legacy_federation: None,
        exchange_um_before_2013: None,
    }
}
