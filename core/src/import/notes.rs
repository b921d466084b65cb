//! Warnings about the input as a whole: placeholder addresses, elements the importer does not
//! read, names without a domain, facts entries that name nothing.

use super::facts::Known;
use super::topology::Builder;
use super::{Warning, WarningKind};

impl Builder<'_> {
    /// Placeholder addresses, unread elements, names without a domain, unused facts.
    pub(super) fn notes(&mut self) {
        for address in &self.model.addresses {
            if address.value.parse::<std::net::IpAddr>().is_err() {
                self.warnings.push(Warning {
                    kind: WarningKind::PlaceholderAddress,
                    path: String::new(),
                    line: Some(address.origin.line),
                    message: format!(
                        "`{}` in `{}` of {} is not an IP address (a template placeholder?)",
                        address.value, address.attribute, address.origin.element
                    ),
                });
            }
        }
        for unknown in &self.model.unknown {
            self.warnings.push(Warning {
                kind: WarningKind::UnknownElement,
                path: String::new(),
                line: Some(unknown.line),
                message: format!(
                    "{} is not read by the importer: if it holds SQL mirroring, a witness or \
                     other HA settings, state them in the facts file",
                    unknown.element
                ),
            });
        }
        let mut unqualified = Vec::new();
        for (i, pool) in self.document.pools.iter().enumerate() {
            if !pool.fqdn.contains('.') {
                unqualified.push((format!("/pools/{i}/fqdn"), pool.fqdn.clone()));
            }
            for (k, server) in pool.servers.iter().enumerate() {
                if !server.fqdn.contains('.') && server.fqdn != pool.fqdn {
                    unqualified.push((format!("/pools/{i}/servers/{k}/fqdn"), server.fqdn.clone()));
                }
            }
        }
        for (path, name) in unqualified {
            let line = self
                .sources
                .iter()
                .filter(|s| path.starts_with(&s.pointer))
                .max_by_key(|s| s.pointer.len())
                .and_then(|s| s.line);
            self.warn(
                WarningKind::NotFullyQualified,
                path,
                line,
                format!("`{name}` is not a fully qualified domain name"),
            );
        }
        let known = self.known();
        for (path, message) in self.facts.unused(&known) {
            self.warn(WarningKind::UnusedFact, path, None, message);
        }
        self.warnings.sort_by_key(|w| w.line.unwrap_or(usize::MAX));
    }

    fn known(&self) -> Known {
        let mut machines: Vec<String> = self
            .document
            .pools
            .iter()
            .flat_map(|p| p.servers.iter().map(|s| s.fqdn.to_string()))
            .collect();
        for store in &self.document.sql_stores {
            machines.extend(super::stores::hosts(&store.ha));
        }
        Known {
            sites: self
                .document
                .sites
                .iter()
                .map(|s| s.id.to_string())
                .collect(),
            pools: self
                .document
                .pools
                .iter()
                .map(|p| p.fqdn.to_string())
                .collect(),
            machines,
            stores: self
                .document
                .sql_stores
                .iter()
                .map(|s| s.id.to_string())
                .collect(),
            gateways: self
                .document
                .pstn_gateways
                .iter()
                .flatten()
                .map(|g| g.fqdn.to_string())
                .collect(),
            file_stores: self
                .document
                .file_stores
                .iter()
                .map(|f| f.id.to_string())
                .collect(),
        }
    }
}
