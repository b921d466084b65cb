//! Links between pools once every pool and store has its index: back end, pairing, branch
//! association, Central Management store and file store.

use super::WarningKind;
use super::topology::{Builder, Target};
use crate::document::PstnGateway;
use crate::error::{ErrorKind, InputError};
use crate::tokens::{CmsRole, CollocatedRole, Edition, PoolKind};

/// The services whose presence on a Front End or Director cluster makes a role collocated.
const COLLOCATED: &[(&str, CollocatedRole)] = &[
    ("MediationServer", CollocatedRole::Mediation),
    ("ConfServices", CollocatedRole::AvConferencing),
    ("ArchivingServer", CollocatedRole::Archiving),
    ("MonitoringServer", CollocatedRole::Monitoring),
];

impl Builder<'_> {
    /// The `PstnGateway` services: each gateway's cluster FQDN and site, and the pool of the
    /// `MediationServer` it depends on. The XML lists every gateway, so the list is known
    /// (empty when there is none).
    pub(super) fn gateways(&mut self) {
        let mut gateways = Vec::new();
        for service in 0..self.model.services.len() {
            if self.role(service) != "PstnGateway" {
                continue;
            }
            let Some(origin) = self.model.services.get(service).map(|s| s.origin.clone()) else {
                continue;
            };
            let cluster = match self.installed.get(service).copied().flatten() {
                Some(Target::Cluster(c)) => Some(c),
                _ => None,
            };
            let fqdn = cluster
                .and_then(|c| self.model.clusters.get(c))
                .map(|c| c.fqdn.clone());
            let site = cluster
                .and_then(|c| self.cluster_site.get(c).copied().flatten())
                .and_then(|s| self.site_ids.get(s))
                .cloned();
            let mediation = self
                .dependency(service, "MediationServer")
                .and_then(|m| match self.installed.get(m).copied().flatten() {
                    Some(Target::Cluster(c)) => self.pool_of_cluster.get(c).copied().flatten(),
                    _ => None,
                })
                .and_then(|p| self.document.pools.get(p))
                .map(|p| p.fqdn.clone());
            let (Some(fqdn), Some(site), Some(mediation)) = (fqdn, site, mediation) else {
                self.warn(
                    WarningKind::SkippedCluster,
                    String::new(),
                    Some(origin.line),
                    format!(
                        "{} is not on a cluster of a known site or depends on no imported \
                         Mediation pool: not imported as a gateway",
                        origin.element
                    ),
                );
                continue;
            };
            self.source(format!("/pstn_gateways/{}", gateways.len()), &origin);
            let sip_trunk = self.facts.gateway(&fqdn).and_then(|(key, entry)| {
                let key = key.to_owned();
                entry.sip_trunk.inspect(|_| {
                    self.fact_source(
                        format!("/pstn_gateways/{}/sip_trunk", gateways.len()),
                        format!(
                            "/pstn_gateways/{}/sip_trunk",
                            crate::document::parse::escape(&key)
                        ),
                    );
                })
            });
            gateways.push(PstnGateway {
                fqdn: fqdn.into(),
                site: site.into(),
                mediation_pool: mediation,
                sip_trunk,
                x: None,
            });
        }
        self.document.pstn_gateways = Some(gateways);
    }

    /// A Persistent Chat pool's compliance store (`PersistentChatComplianceStore`) and next
    /// hop (the `Registrar` it depends on), where the facts do not name them. Both shapes are
    /// unverified: no public export has Persistent Chat.
    fn chat_links(
        &mut self,
        index: usize,
        services: &[usize],
        updated: &mut crate::document::Pool,
    ) {
        if updated.compliance_store.is_none() {
            let found = services.iter().copied().find_map(|s| {
                let store = self.dependency(s, "PersistentChatComplianceStore")?;
                let Some(Target::Instance(i)) = self.installed.get(store).copied().flatten() else {
                    return None;
                };
                let id = self.store_of_instance.get(i).cloned().flatten()?;
                Some((store, id))
            });
            if let Some((store, id)) = found {
                if let Some(origin) = self.model.services.get(store).map(|s| s.origin.clone()) {
                    self.source(format!("/pools/{index}/compliance_store"), &origin);
                }
                updated.compliance_store = Some(id.into());
            }
        }
        if updated.next_hop_pool.is_none() {
            let found = services.iter().copied().find_map(|s| {
                let registrar = self.dependency(s, "Registrar")?;
                let Some(Target::Cluster(c)) = self.installed.get(registrar).copied().flatten()
                else {
                    return None;
                };
                let pool = self.pool_of_cluster.get(c).copied().flatten()?;
                let fqdn = self.document.pools.get(pool)?.fqdn.clone();
                Some((registrar, fqdn))
            });
            if let Some((registrar, fqdn)) = found {
                if let Some(origin) = self.model.services.get(registrar).map(|s| s.origin.clone()) {
                    self.source(format!("/pools/{index}/next_hop_pool"), &origin);
                }
                updated.next_hop_pool = Some(fqdn);
            }
        }
    }

    /// Back end, pairing, associated pool, Central Management store and file store of each
    /// pool, once every pool and store has its index.
    pub(super) fn pool_links(&mut self) {
        let mut any_cms = false;
        for cluster in 0..self.model.clusters.len() {
            let Some(index) = self.pool_of_cluster.get(cluster).copied().flatten() else {
                continue;
            };
            let services: Vec<usize> = self.on_cluster(cluster).collect();
            let Some(pool) = self.document.pools.get(index).cloned() else {
                continue;
            };
            let mut updated = pool.clone();
            // Back end.
            let store_role = match pool.kind {
                PoolKind::FrontEnd if pool.edition == Some(Edition::Enterprise) => {
                    Some(("UserServices", "UserStore"))
                }
                PoolKind::PersistentChat => Some(("", "PersistentChatStore")),
                _ => None,
            };
            if let Some((owner, store_role)) = store_role {
                let store = services
                    .iter()
                    .copied()
                    .filter(|&s| owner.is_empty() || self.role(s) == owner)
                    .find_map(|s| self.dependency(s, store_role));
                let instance = store.and_then(|s| match self.installed.get(s).copied().flatten() {
                    Some(Target::Instance(i)) => Some(i),
                    _ => None,
                });
                match instance.and_then(|i| self.store_of_instance.get(i).cloned().flatten()) {
                    Some(id) => {
                        if let Some(origin) = store
                            .and_then(|s| self.model.services.get(s))
                            .map(|s| s.origin.clone())
                        {
                            self.source(format!("/pools/{index}/back_end"), &origin);
                        }
                        updated.back_end = Some(id.into());
                    }
                    None => {
                        let origin = self
                            .model
                            .clusters
                            .get(cluster)
                            .map(|c| c.origin.clone())
                            .unwrap_or_default();
                        self.errors.push(
                            InputError::at(
                                ErrorKind::MissingKey,
                                "",
                                format!(
                                    "pool `{}` ({}) has no {store_role} on a SQL instance: its \
                                     services depend on none",
                                    pool.fqdn, origin.element
                                ),
                            )
                            .expected(format!(
                                "a {store_role} service installed on a `SqlInstance`, which \
                                 the pool's services depend on"
                            ))
                            .position(origin.line, 1),
                        );
                    }
                }
            }
            if pool.kind == PoolKind::PersistentChat {
                self.chat_links(index, &services, &mut updated);
            }
            // Pairing and branch association.
            if let Some((registrar, target)) = services
                .iter()
                .copied()
                .filter(|&s| self.role(s) == "Registrar")
                .find_map(|s| self.backup.get(s).copied().flatten().map(|t| (s, t)))
            {
                let origin = self
                    .model
                    .services
                    .get(registrar)
                    .and_then(|s| s.backup.as_ref())
                    .map(|b| b.origin.clone())
                    .unwrap_or_default();
                let partner = match self.installed.get(target).copied().flatten() {
                    Some(Target::Cluster(c)) => self.pool_of_cluster.get(c).copied().flatten(),
                    _ => None,
                };
                match partner.and_then(|p| self.document.pools.get(p)) {
                    Some(partner) => {
                        let key = if pool.kind == PoolKind::Sba {
                            updated.associated_pool = Some(partner.fqdn.clone());
                            "associated_pool"
                        } else {
                            updated.backup_pool = Some(partner.fqdn.clone());
                            updated.voice_failover = self
                                .model
                                .services
                                .get(registrar)
                                .and_then(|s| s.failover.clone());
                            if updated.voice_failover.is_some() {
                                self.source(format!("/pools/{index}/voice_failover"), &origin);
                            }
                            "backup_pool"
                        };
                        self.source(format!("/pools/{index}/{key}"), &origin);
                    }
                    None => self.errors.push(
                        InputError::at(
                            ErrorKind::DanglingReference,
                            "",
                            format!(
                                "the backup Registrar of pool `{}` ({}) is not on a pool the \
                                 import knows",
                                pool.fqdn, origin.element
                            ),
                        )
                        .expected("a Registrar service on a Front End pool")
                        .position(origin.line, 1),
                    ),
                }
            } else if pool.kind == PoolKind::Sba {
                let origin = self
                    .model
                    .clusters
                    .get(cluster)
                    .map(|c| c.origin.clone())
                    .unwrap_or_default();
                self.errors.push(
                    InputError::at(
                        ErrorKind::MissingKey,
                        "",
                        format!(
                            "branch appliance `{}` ({}) has no backup Registrar (`Backup`): \
                             its associated Front End pool is unknown",
                            pool.fqdn, origin.element
                        ),
                    )
                    .expected("a `Backup` element on the appliance's Registrar service")
                    .position(origin.line, 1),
                );
            }
            // Central Management store.
            if let Some(cms) = services
                .iter()
                .copied()
                .find(|&s| self.role(s) == "CentralMgmt")
                .and_then(|s| self.model.services.get(s))
            {
                any_cms = true;
                let (active, origin) = match &cms.cms_active {
                    Some((active, origin)) => (*active, origin.clone()),
                    None => (None, cms.origin.clone()),
                };
                if active.is_none() {
                    self.warn(
                        WarningKind::Assumed,
                        format!("/pools/{index}/cms"),
                        Some(origin.line),
                        format!(
                            "{} of pool `{}` does not say whether it is active \
                             (`CentralMgmtService/@IsActive`): taken as the active Central \
                             Management store",
                            cms.origin.element, pool.fqdn
                        ),
                    );
                }
                updated.cms = Some(if active.unwrap_or(true) {
                    CmsRole::Active
                } else {
                    CmsRole::Standby
                });
                self.source(format!("/pools/{index}/cms"), &origin);
            }
            // File store.
            if let Some((service, id)) = services.iter().copied().find_map(|s| {
                let store = self.dependency(s, "FileStore")?;
                let id = self.file_store_of_service.get(store).cloned().flatten()?;
                Some((store, id))
            }) {
                if let Some(origin) = self.model.services.get(service).map(|s| s.origin.clone()) {
                    self.source(format!("/pools/{index}/file_store"), &origin);
                }
                updated.file_store = Some(id.into());
            }
            // Roles collocated on a Front End pool or a Director: the XML lists every service
            // of the cluster, so an absent role is known to be absent.
            if matches!(pool.kind, PoolKind::FrontEnd | PoolKind::Director) {
                updated.collocated_roles = Some(
                    COLLOCATED
                        .iter()
                        .filter(|(role, _)| services.iter().any(|&s| self.role(s) == *role))
                        .map(|(_, token)| *token)
                        .collect(),
                );
            }
            if let Some(slot) = self.document.pools.get_mut(index) {
                *slot = updated;
            }
        }
        if !any_cms && !self.document.pools.is_empty() {
            self.warn(
                WarningKind::NoCms,
                String::new(),
                None,
                "the topology has no `CentralMgmt` service: it places no Central Management \
                 store (a Topology Builder file saved before the first publication may lack it)"
                    .to_owned(),
            );
        }
    }
}
