//! Topology Builder files (`.tbxml`): `TopologyBuilder/NewTopology/PartialTopology`, clusters
//! nested in their sites, SQL instances nested in their clusters, references by GUID.

use roxmltree::Node;

use super::model::{Cluster, Machine, Model, Origin, Reference, Service, Site, SqlInstance};
use super::published::{details, missing, note_unknown, read_addresses, required};
use super::xml::{Lines, TOPOLOGY, WRITABLE, attr, child, find, flag, list, text};

/// Reads a `{TopologyBuilder.2008}TopologyBuilder` element; `None` when it holds no
/// `PartialTopology`.
pub(crate) fn read(root: Node<'_, '_>) -> Option<Model> {
    let topology = find(root, WRITABLE, "PartialTopology")?;
    let mut model = Model {
        lines: Lines::new(root.document().input_text()),
        default_domain: child(topology, TOPOLOGY, "InternalDomains")
            .and_then(|d| attr(d, "DefaultDomain"))
            .map(str::to_owned),
        ..Model::default()
    };
    for site in list(topology, WRITABLE, "CentralSites", "CentralSite") {
        read_site(&mut model, site, false);
        // Branch sites: `RemoteSites` is empty in every sample; its children are read as
        // sites of their own (unverified, see docs/topology-xml.md).
        for remote in list(site, WRITABLE, "RemoteSites", "BranchSite") {
            read_site(&mut model, remote, true);
        }
    }
    for service in list(topology, WRITABLE, "Services", "Service") {
        read_service(&mut model, service);
    }
    Some(model)
}

fn read_site(model: &mut Model, site: Node<'_, '_>, branch: bool) {
    let Some(key) = required(model, site, "SiteId") else {
        return;
    };
    model.sites.push(Site {
        key: key.clone(),
        name: child(site, TOPOLOGY, "Name")
            .or_else(|| child(site, WRITABLE, "Name"))
            .map(text)
            .unwrap_or_default(),
        branch,
        origin: Origin::of(&model.lines, site),
    });
    for cluster in list(site, WRITABLE, "Clusters", "Cluster") {
        read_cluster(model, cluster, &key);
    }
}

fn read_cluster(model: &mut Model, cluster: Node<'_, '_>, site: &str) {
    let Some(key) = required(model, cluster, "UniqueId") else {
        return;
    };
    let Some(fqdn) = required(model, cluster, "Fqdn") else {
        return;
    };
    let machines = list(cluster, WRITABLE, "Machines", "Machine")
        .map(|machine| {
            read_addresses(model, machine);
            Machine {
                fqdn: attr(machine, "Fqdn")
                    .filter(|f| !f.is_empty())
                    .map(str::to_owned),
                ordinal: None,
                origin: Origin::of(&model.lines, machine),
            }
        })
        .collect();
    for instance in list(cluster, WRITABLE, "SqlInstances", "SqlInstance") {
        let Some(id) = required(model, instance, "UniqueId") else {
            continue;
        };
        note_unknown(model, instance, &[]);
        for attribute in instance.attributes() {
            if !matches!(
                attribute.name(),
                "UniqueId" | "Name" | "AlwaysOnPrimaryNodeFqdn"
            ) {
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
            key: id,
            name: attr(instance, "Name").unwrap_or_default().to_owned(),
            cluster: key.clone(),
            always_on_primary: attr(instance, "AlwaysOnPrimaryNodeFqdn")
                .filter(|f| !f.is_empty())
                .map(str::to_owned),
            mirror: None,
            origin: Origin::of(&model.lines, instance),
        });
    }
    note_unknown(model, cluster, &["Machines", "SqlInstances"]);
    model.clusters.push(Cluster {
        key,
        fqdn,
        site: site.to_owned(),
        machines,
        single_machine: flag(cluster, "IsSingleMachineOnly"),
        origin: Origin::of(&model.lines, cluster),
    });
}

fn guid(lines: &Lines, node: Node<'_, '_>, attribute: &str, what: &str) -> Option<Reference> {
    let key = attr(node, attribute).filter(|k| !k.is_empty())?;
    Some(Reference {
        key: key.to_owned(),
        written: format!("{what} {key}"),
        origin: Origin::of(lines, node),
    })
}

fn read_service(model: &mut Model, service: Node<'_, '_>) {
    let Some(key) = required(model, service, "UniqueId") else {
        return;
    };
    let Some(role) = required(model, service, "RoleName") else {
        return;
    };
    let installed_on = guid(
        &model.lines,
        service,
        "InstalledOn",
        "cluster or SQL instance",
    );
    if installed_on.is_none() {
        model
            .errors
            .push(missing(&model.lines, service, "attribute `InstalledOn`"));
    }
    let depends_on = list(service, WRITABLE, "DependsOn", "Dependency")
        .filter_map(|dependency| guid(&model.lines, dependency, "ServiceUniqueId", "service"))
        .collect();
    // Unverified: no paired .tbxml sample; the backup Registrar is taken from `Backup`'s
    // `ServiceUniqueId`, on the element or on a child.
    let backup = child(service, WRITABLE, "Backup").and_then(|backup| {
        guid(&model.lines, backup, "ServiceUniqueId", "service").or_else(|| {
            backup
                .children()
                .find_map(|c| guid(&model.lines, c, "ServiceUniqueId", "service"))
        })
    });
    note_unknown(model, service, &["DependsOn", "Backup", "Ports"]);
    model.services.push(details(
        &model.lines,
        service,
        Service {
            key: key.clone(),
            role: role.clone(),
            version: attr(service, "ServiceVersion").map(str::to_owned),
            installed_on,
            depends_on,
            backup,
            failover: child(service, WRITABLE, "Backup").map(super::xml::voice_failover),
            is_director: None,
            cms_active: None,
            share: None,
            external_ports: Vec::new(),
            origin: Origin {
                line: model.lines.line(service),
                element: format!("<Service RoleName=\"{role}\" UniqueId=\"{key}\">"),
            },
        },
    ));
}
