//! The published topology (`Get-CsTopology -AsXml`, and the topology inside an
//! `Export-CsConfiguration` zip): flat lists of sites, clusters, SQL instances and services that
//! refer to each other by `SiteId:Number` and `SiteId-RoleName-Instance`.

use roxmltree::Node;

use super::model::{
    Address, Cluster, Machine, Model, Origin, Port, Reference, Service, Site, SqlInstance,
};
use super::xml::{Lines, ROLES, TOPOLOGY, attr, child, children, flag, is, list, text};
use crate::error::{ErrorKind, InputError};

/// Reads a `{Topology.2008}Topology` element.
pub(crate) fn read(root: Node<'_, '_>) -> Model {
    let mut model = Model {
        lines: Lines::new(root.document().input_text()),
        default_domain: child(root, TOPOLOGY, "InternalDomains")
            .and_then(|d| attr(d, "DefaultDomain"))
            .map(str::to_owned),
        ..Model::default()
    };
    if let Some(sites) = child(root, TOPOLOGY, "Sites") {
        for site in sites.children().filter(|n| n.is_element()) {
            let branch = is(site, TOPOLOGY, "BranchSite");
            if !branch && !is(site, TOPOLOGY, "CentralSite") {
                continue;
            }
            let Some(key) = required(&mut model, site, "SiteId") else {
                continue;
            };
            model.sites.push(Site {
                name: child(site, TOPOLOGY, "Name").map(text).unwrap_or_default(),
                key,
                branch,
                origin: Origin::of(&model.lines, site),
            });
        }
    }
    for cluster in list(root, TOPOLOGY, "Clusters", "Cluster") {
        read_cluster(&mut model, cluster);
    }
    for instance in list(root, TOPOLOGY, "SqlInstances", "SqlInstance") {
        read_instance(&mut model, instance);
    }
    for service in list(root, TOPOLOGY, "Services", "Service") {
        read_service(&mut model, service);
    }
    model
}

/// An attribute that must be there; its absence is recorded as an error.
pub(crate) fn required(model: &mut Model, node: Node<'_, '_>, name: &str) -> Option<String> {
    let value = attr(node, name)
        .filter(|v| !v.is_empty())
        .map(str::to_owned);
    if value.is_none() {
        model
            .errors
            .push(missing(&model.lines, node, &format!("attribute `{name}`")));
    }
    value
}

/// The error for something missing on an element.
pub(crate) fn missing(lines: &Lines, node: Node<'_, '_>, what: &str) -> InputError {
    let origin = Origin::of(lines, node);
    InputError::at(
        ErrorKind::MissingKey,
        "",
        format!("{} has no {what}", origin.element),
    )
    .position(origin.line, 1)
}

/// `ClusterId SiteId Number` as the key `SiteId:Number`.
fn cluster_key(model: &mut Model, id: Node<'_, '_>) -> Option<String> {
    let site = required(model, id, "SiteId")?;
    let number = required(model, id, "Number")?;
    Some(format!("{site}:{number}"))
}

/// `ServiceId SiteId RoleName Instance` as the key `SiteId-RoleName-Instance`.
fn service_key(model: &mut Model, id: Node<'_, '_>) -> Option<String> {
    let site = required(model, id, "SiteId")?;
    let role = required(model, id, "RoleName")?;
    let instance = required(model, id, "Instance")?;
    Some(format!("{site}-{role}-{instance}"))
}

/// `SqlInstanceId Name / ClusterId` as the key `SiteId:Number/Name`.
fn instance_key(model: &mut Model, id: Node<'_, '_>) -> Option<(String, String, String)> {
    let name = attr(id, "Name").unwrap_or_default().to_owned();
    let Some(cluster) = child(id, TOPOLOGY, "ClusterId") else {
        model.errors.push(missing(&model.lines, id, "`ClusterId`"));
        return None;
    };
    let cluster = cluster_key(model, cluster)?;
    Some((format!("{cluster}/{name}"), name, cluster))
}

fn reference(lines: &Lines, key: String, written: String, node: Node<'_, '_>) -> Reference {
    Reference {
        key,
        written,
        origin: Origin::of(lines, node),
    }
}

fn read_cluster(model: &mut Model, cluster: Node<'_, '_>) {
    let Some(id) = child(cluster, TOPOLOGY, "ClusterId") else {
        model
            .errors
            .push(missing(&model.lines, cluster, "`ClusterId`"));
        return;
    };
    let Some(key) = cluster_key(model, id) else {
        return;
    };
    let Some(fqdn) = required(model, cluster, "Fqdn") else {
        return;
    };
    let site = attr(id, "SiteId").unwrap_or_default().to_owned();
    let machines = children(cluster, TOPOLOGY, "Machine")
        .map(|machine| {
            read_addresses(model, machine);
            Machine {
                fqdn: attr(machine, "Fqdn")
                    .filter(|f| !f.is_empty())
                    .map(str::to_owned),
                ordinal: attr(machine, "OrdinalInCluster").and_then(|o| o.parse().ok()),
                origin: Origin::of(&model.lines, machine),
            }
        })
        .collect();
    note_unknown(model, cluster, &["ClusterId", "Machine"]);
    model.clusters.push(Cluster {
        key,
        fqdn,
        site,
        machines,
        single_machine: None,
        origin: Origin::of(&model.lines, cluster),
    });
}

/// Records the `IPAddress` and `ConfiguredIPAddress` of a machine's interfaces.
pub(crate) fn read_addresses(model: &mut Model, machine: Node<'_, '_>) {
    for interface in machine
        .children()
        .filter(|n| is(*n, TOPOLOGY, "NetInterface"))
    {
        for attribute in ["IPAddress", "ConfiguredIPAddress"] {
            if let Some(value) = attr(interface, attribute) {
                model.addresses.push(Address {
                    attribute,
                    value: value.to_owned(),
                    origin: Origin::of(&model.lines, interface),
                });
            }
        }
    }
}

/// Records child elements outside `known` (in the element's own namespace) that are not role
/// details: they may hold HA facts the importer does not read.
pub(crate) fn note_unknown(model: &mut Model, node: Node<'_, '_>, known: &[&str]) {
    let ns = node.tag_name().namespace();
    for item in node.children().filter(|c| c.is_element()) {
        let name = item.tag_name().name();
        let namespace = item.tag_name().namespace();
        let expected = namespace == ns && known.contains(&name);
        let detail = namespace == Some(ROLES);
        let shared = namespace == Some(TOPOLOGY) && known.contains(&name);
        if !(expected || detail || shared) {
            model.unknown.push(Origin::of(&model.lines, item));
        }
    }
}

fn read_instance(model: &mut Model, instance: Node<'_, '_>) {
    let Some(id) = child(instance, TOPOLOGY, "SqlInstanceId") else {
        model
            .errors
            .push(missing(&model.lines, instance, "`SqlInstanceId`"));
        return;
    };
    let Some((key, name, cluster)) = instance_key(model, id) else {
        return;
    };
    // Unverified: no public export shows mirroring (docs/topology-xml.md).
    let mirror = child(instance, TOPOLOGY, "MirrorSqlInstanceId").and_then(|m| {
        let (key, name, cluster) = instance_key(model, m)?;
        Some(reference(
            &model.lines,
            key,
            format!("SQL instance `{name}` on cluster {cluster}"),
            m,
        ))
    });
    note_unknown(model, instance, &["SqlInstanceId", "MirrorSqlInstanceId"]);
    for attribute in instance.attributes() {
        if attribute.name() != "AlwaysOnPrimaryNodeFqdn" {
            model.unknown.push(Origin {
                line: model.lines.line(instance),
                element: format!(
                    "<SqlInstance {}=\"{}\">",
                    attribute.name(),
                    attribute.value()
                ),
            });
        }
    }
    model.instances.push(SqlInstance {
        key,
        name,
        cluster,
        always_on_primary: attr(instance, "AlwaysOnPrimaryNodeFqdn")
            .filter(|f| !f.is_empty())
            .map(str::to_owned),
        mirror,
        origin: Origin::of(&model.lines, instance),
    });
}

fn read_service(model: &mut Model, service: Node<'_, '_>) {
    let Some(id) = child(service, TOPOLOGY, "ServiceId") else {
        model
            .errors
            .push(missing(&model.lines, service, "`ServiceId`"));
        return;
    };
    let Some(key) = service_key(model, id) else {
        return;
    };
    let role = attr(id, "RoleName").unwrap_or_default().to_owned();
    let service_id = key.clone();
    let installed_on = child(service, TOPOLOGY, "InstalledOn").and_then(|on| {
        if let Some(cluster) = child(on, TOPOLOGY, "ClusterId") {
            let key = cluster_key(model, cluster)?;
            Some(reference(
                &model.lines,
                key.clone(),
                format!("cluster {key}"),
                cluster,
            ))
        } else if let Some(sql) = child(on, TOPOLOGY, "SqlInstanceId") {
            let (key, name, cluster) = instance_key(model, sql)?;
            Some(reference(
                &model.lines,
                key,
                format!("SQL instance `{name}` on cluster {cluster}"),
                sql,
            ))
        } else {
            model
                .errors
                .push(missing(&model.lines, on, "`ClusterId` or `SqlInstanceId`"));
            None
        }
    });
    if installed_on.is_none() && child(service, TOPOLOGY, "InstalledOn").is_none() {
        model
            .errors
            .push(missing(&model.lines, service, "`InstalledOn`"));
    }
    let depends_on = list(service, TOPOLOGY, "DependsOn", "Dependency")
        .filter_map(|dependency| child(dependency, TOPOLOGY, "ServiceId"))
        .filter_map(|target| {
            let key = service_key(model, target)?;
            Some(reference(
                &model.lines,
                key.clone(),
                format!("service {key}"),
                target,
            ))
        })
        .collect();
    let backup = child(service, TOPOLOGY, "Backup").and_then(|backup| {
        let Some(target) = child(backup, TOPOLOGY, "ServiceId") else {
            model
                .errors
                .push(missing(&model.lines, backup, "`ServiceId`"));
            return None;
        };
        let key = service_key(model, target)?;
        Some(reference(
            &model.lines,
            key.clone(),
            format!("service {key}"),
            backup,
        ))
    });
    note_unknown(
        model,
        service,
        &["ServiceId", "DependsOn", "InstalledOn", "Backup", "Ports"],
    );
    model.services.push(details(
        &model.lines,
        service,
        Service {
            key,
            role,
            version: attr(service, "ServiceVersion").map(str::to_owned),
            installed_on,
            depends_on,
            backup,
            failover: child(service, TOPOLOGY, "Backup").map(super::xml::voice_failover),
            is_director: None,
            cms_active: None,
            share: None,
            external_ports: Vec::new(),
            origin: Origin {
                line: model.lines.line(service),
                element: format!("<Service ServiceId=\"{service_id}\">"),
            },
        },
    ));
}

/// Reads the role detail elements both formats share.
pub(crate) fn details(lines: &Lines, node: Node<'_, '_>, mut service: Service) -> Service {
    if let Some(registrar) = child(node, ROLES, "RegistrarService") {
        service.is_director = flag(registrar, "IsDirector");
    }
    if let Some(cms) = child(node, ROLES, "CentralMgmtService") {
        service.cms_active = Some((flag(cms, "IsActive"), Origin::of(lines, cms)));
    }
    if let Some(share) = child(node, ROLES, "FileStoreService") {
        service.share = attr(share, "ShareName").map(str::to_owned);
    }
    service.external_ports = list(node, ROLES, "Ports", "Port")
        .filter(|port| attr(*port, "InterfaceSide") == Some("External"))
        .map(|port| {
            let number = |name| attr(port, name).and_then(|p: &str| p.parse().ok());
            let owner = attr(port, "Owner").unwrap_or_default().to_owned();
            let usage = attr(port, "Usage").unwrap_or_default().to_owned();
            Port {
                origin: Origin {
                    line: lines.line(port),
                    element: format!("<Port Owner=\"{owner}\" Usage=\"{usage}\">"),
                },
                owner,
                usage,
                protocol: attr(port, "Protocol").unwrap_or_default().to_owned(),
                port: number("ConfiguredPort").or_else(|| number("Port")),
                fqdn: attr(port, "ConfiguredFqdn").map(str::to_owned),
            }
        })
        .collect();
    service
}
