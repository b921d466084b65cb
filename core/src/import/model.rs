//! One model for both XML shapes: sites, clusters, SQL instances and services with their
//! references as keys. The published format keys by `SiteId:Number` and
//! `SiteId-RoleName-Instance`; Topology Builder files key by GUID.

/// Where an element was in the XML: its line and a short start tag.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Origin {
    /// 1-based line of the start tag.
    pub line: usize,
    /// `<Cluster Fqdn="…">`.
    pub element: String,
}

impl Origin {
    pub(crate) fn of(lines: &super::xml::Lines, node: roxmltree::Node<'_, '_>) -> Self {
        Origin {
            line: lines.line(node),
            element: super::xml::describe(node),
        }
    }
}

/// A reference from one element to another, with where it was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Reference {
    /// The key of the element referred to.
    pub key: String,
    /// How the reference reads in the XML, for messages.
    pub written: String,
    /// The referring element.
    pub origin: Origin,
}

#[derive(Debug, Clone, Default)]
pub(crate) struct Model {
    /// `InternalDomains/@DefaultDomain`.
    pub default_domain: Option<String>,
    pub sites: Vec<Site>,
    pub clusters: Vec<Cluster>,
    pub instances: Vec<SqlInstance>,
    pub services: Vec<Service>,
    /// IP address attributes, for the placeholder check.
    pub addresses: Vec<Address>,
    /// Elements and attributes the importer does not read where HA facts may hide.
    pub unknown: Vec<Origin>,
    /// Problems found while reading the XML (missing attributes, dangling references).
    pub errors: Vec<crate::error::InputError>,
    /// Where the lines of the XML text start, to give elements their line numbers.
    pub lines: super::xml::Lines,
}

#[derive(Debug, Clone)]
pub(crate) struct Site {
    /// `SiteId`.
    pub key: String,
    /// `Name` text.
    pub name: String,
    pub branch: bool,
    pub origin: Origin,
}

#[derive(Debug, Clone)]
pub(crate) struct Cluster {
    pub key: String,
    pub fqdn: String,
    /// Key of the site.
    pub site: String,
    pub machines: Vec<Machine>,
    /// `.tbxml` `IsSingleMachineOnly`.
    pub single_machine: Option<bool>,
    pub origin: Origin,
}

#[derive(Debug, Clone)]
pub(crate) struct Machine {
    /// `Fqdn`, absent on a `.tbxml` single-machine cluster.
    pub fqdn: Option<String>,
    /// `OrdinalInCluster`, published format only.
    pub ordinal: Option<u32>,
    pub origin: Origin,
}

#[derive(Debug, Clone)]
pub(crate) struct SqlInstance {
    pub key: String,
    /// Instance name (`""` for the default instance).
    pub name: String,
    /// Key of the SQL cluster.
    pub cluster: String,
    /// `AlwaysOnPrimaryNodeFqdn`.
    pub always_on_primary: Option<String>,
    /// The mirror instance (unverified shape, see `docs/topology-xml.md`).
    pub mirror: Option<Reference>,
    pub origin: Origin,
}

#[derive(Debug, Clone)]
pub(crate) struct Service {
    pub key: String,
    pub role: String,
    /// `ServiceVersion` as written.
    pub version: Option<String>,
    /// Key of the cluster or SQL instance it is installed on.
    pub installed_on: Option<Reference>,
    pub depends_on: Vec<Reference>,
    /// The backup Registrar (`Backup`).
    pub backup: Option<Reference>,
    /// `Backup`'s voice failover settings.
    pub failover: Option<crate::document::VoiceFailover>,
    /// `RegistrarService/@IsDirector`.
    pub is_director: Option<bool>,
    /// `CentralMgmtService/@IsActive`, with the element's origin.
    pub cms_active: Option<(Option<bool>, Origin)>,
    /// `FileStoreService/@ShareName`.
    pub share: Option<String>,
    /// `Ports/Port` on the external interface side.
    pub external_ports: Vec<Port>,
    pub origin: Origin,
}

/// A `Ports/Port` of a service's external side (Edge services).
#[derive(Debug, Clone)]
pub(crate) struct Port {
    /// `Owner`, e.g. `urn:component:AccessEdge`.
    pub owner: String,
    /// `Usage`, e.g. `SipClient`.
    pub usage: String,
    /// `Protocol`, e.g. `Tcp`.
    pub protocol: String,
    /// `ConfiguredPort`, else `Port`: the port clients use.
    pub port: Option<u16>,
    /// `ConfiguredFqdn`.
    pub fqdn: Option<String>,
    pub origin: Origin,
}

#[derive(Debug, Clone)]
pub(crate) struct Address {
    /// `IPAddress` or `ConfiguredIPAddress`.
    pub attribute: &'static str,
    pub value: String,
    pub origin: Origin,
}
