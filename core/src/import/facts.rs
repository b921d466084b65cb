//! The facts file: what the topology XML does not hold (OS, physical or virtual, SQL version and
//! edition, AG replicas, data centers, users), written once by the user and keyed by site id,
//! pool FQDN, server FQDN and SQL store id, with defaults. `docs/facts-format.md` defines it.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::document::{Edge, Ha, LoadBalancing, Replica, Text, Virtualization};
use crate::error::{ErrorKind, InputError, TopologyError, closest};
use crate::tokens::{
    DfsScope, FileStorage, FileStoreHa, Os, Platform, Product, QuorumWitness, SqlEdition,
    SqlVersion,
};

/// A facts file, format 1.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, remote = "Self")]
#[schemars(title = "hadr-rules facts file, format 1")]
pub struct Facts {
    /// Always `1`.
    pub format: u32,
    /// Deployment name, shown in reports (default: the topology's default SIP domain).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<crate::document::Text>,
    /// Values for every entity that has no entry of its own (or whose entry leaves them out).
    #[serde(default)]
    pub defaults: Defaults,
    /// By site id (the site's name in Topology Builder).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub sites: BTreeMap<String, SiteEntry>,
    /// By pool FQDN (case-insensitive).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub pools: BTreeMap<String, PoolEntry>,
    /// By machine FQDN (case-insensitive): pool servers and SQL Server hosts.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub servers: BTreeMap<String, ServerEntry>,
    /// By SQL store id, as the import writes it: `sqlhost.contoso.com\instance`, or the host
    /// alone for a default instance.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub sql_stores: BTreeMap<String, StoreEntry>,
    /// By gateway FQDN (case-insensitive): the `PstnGateway` clusters of the topology.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub pstn_gateways: BTreeMap<String, GatewayEntry>,
    /// By file store id, as the import writes it: `fileserver.contoso.com\share`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub file_stores: BTreeMap<String, FileStoreEntry>,
}

/// Facts of a PSTN gateway or SIP trunk peer.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, remote = "Self")]
pub struct GatewayEntry {
    /// A SIP trunk to a telephony service provider rather than a PSTN gateway.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sip_trunk: Option<bool>,
}

/// Defaults, used where an entity's own entry is silent.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, remote = "Self")]
pub struct Defaults {
    /// For every site.
    #[serde(default)]
    pub site: SiteEntry,
    /// For every pool.
    #[serde(default)]
    pub pool: PoolDefaults,
    /// For every machine: `os` and `platform` for pool servers, `domain` and `data_center` for
    /// pool servers and SQL Server hosts.
    #[serde(default)]
    pub server: ServerEntry,
    /// For every SQL store.
    #[serde(default)]
    pub sql_store: StoreDefaults,
    /// For every file store.
    #[serde(default)]
    pub file_store: FileStoreEntry,
}

/// Facts of a file store.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, remote = "Self")]
pub struct FileStoreEntry {
    /// High availability of the share.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ha: Option<FileStoreHa>,
    /// For `ha: dfs`: whether the DFS replicas stay in one data center.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dfs_scope: Option<DfsScope>,
    /// Storage the share lives on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub storage: Option<FileStorage>,
    /// Windows Server version of the file server.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub os: Option<Os>,
}

/// Facts of a site.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, remote = "Self")]
pub struct SiteEntry {
    /// World region, e.g. `emea`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<crate::document::Text>,
    /// Data-center id (default: the site id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data_center: Option<crate::document::Text>,
    /// WAN links to other sites, with whether each is resilient.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub links: Option<Vec<crate::document::SiteLink>>,
    /// The gateways the failover route of the site's users goes through.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub failover_gateways: Option<Vec<crate::document::Text>>,
}

/// Defaults for pools.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, remote = "Self")]
pub struct PoolDefaults {
    /// Product cumulative update number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cumulative_update: Option<u32>,
    /// Load balancing of SIP and web traffic.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub load_balancing: Option<LoadBalancing>,
}

/// Facts of a pool.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, remote = "Self")]
pub struct PoolEntry {
    /// Overrides the product read from `ServiceVersion` (e.g. `sfbse`, which the XML does not
    /// tell apart).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub product: Option<Product>,
    /// Product cumulative update number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cumulative_update: Option<u32>,
    /// Users homed on the pool.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub users: Option<u32>,
    /// Load balancing of SIP and web traffic.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub load_balancing: Option<LoadBalancing>,
    /// Concurrent remote users the pool serves (Director and Edge sizing).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub concurrent_remote_users: Option<u32>,
    /// For an Edge pool: fills the keys the import did not read from the XML.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edge: Option<Edge>,
    /// Persistent Chat: the next-hop Front End pool (overrides the one the XML names).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_hop_pool: Option<Text>,
    /// Persistent Chat: the Front End pool it is collocated on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub collocated_on: Option<Text>,
    /// Persistent Chat: the FQDNs of the active servers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active_servers: Option<Vec<Text>>,
    /// Persistent Chat: compliance is enabled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub compliance: Option<bool>,
    /// Persistent Chat: SQL store id of the compliance database (overrides the XML's).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub compliance_store: Option<Text>,
    /// Persistent Chat: SQL store id of the log-shipping secondary.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub backup_store: Option<Text>,
    /// Persistent Chat: SQL store id of the compliance database's log-shipping secondary.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub compliance_backup_store: Option<Text>,
    /// Persistent Chat: log shipping is also configured from the primary's mirror.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub log_shipping_from_mirror: Option<bool>,
}

/// Facts of a machine.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, remote = "Self")]
pub struct ServerEntry {
    /// Windows Server version (pool servers).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub os: Option<Os>,
    /// Physical or virtual (pool servers).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub platform: Option<Platform>,
    /// Data-center id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data_center: Option<crate::document::Text>,
    /// Active Directory domain.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain: Option<crate::document::Text>,
    /// Time zone (pool servers).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_zone: Option<Text>,
    /// Virtualization host and guest settings (pool servers).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub virtualization: Option<Virtualization>,
    /// Network interfaces the operating system sees (pool servers and SQL Server hosts).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub network_interfaces: Option<u32>,
}

/// Defaults for SQL stores.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, remote = "Self")]
pub struct StoreDefaults {
    /// SQL Server major version.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<SqlVersion>,
    /// Service pack number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_pack: Option<u32>,
    /// SQL Server cumulative update number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cumulative_update: Option<u32>,
    /// SQL Server edition.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edition: Option<SqlEdition>,
    /// Quorum witness of availability groups and failover clusters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quorum_witness: Option<QuorumWitness>,
}

/// Facts of a SQL store.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, remote = "Self")]
pub struct StoreEntry {
    /// SQL Server major version.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<SqlVersion>,
    /// Service pack number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_pack: Option<u32>,
    /// SQL Server cumulative update number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cumulative_update: Option<u32>,
    /// SQL Server edition.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edition: Option<SqlEdition>,
    /// Replaces the HA configuration the import read (for example a failover cluster instance,
    /// which the XML does not tell apart from a single server).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ha: Option<Ha>,
    /// The replicas of an availability group, with their commit and failover modes (the XML
    /// names the primary only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replicas: Option<Vec<Replica>>,
    /// Quorum witness of an availability group or failover cluster.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quorum_witness: Option<QuorumWitness>,
    /// An active/active availability group.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active_active: Option<bool>,
}

impl Facts {
    /// Parses the bytes of a facts file (UTF-8, an optional byte-order mark), within the
    /// default size limit.
    pub fn from_json(bytes: &[u8]) -> Result<Facts, TopologyError> {
        Facts::from_json_with_limits(bytes, &crate::Limits::default())
    }

    /// Parses the bytes of a facts file, refusing one longer than the size limit of the
    /// document it completes (`max_document_bytes`) before reading it.
    pub fn from_json_with_limits(
        bytes: &[u8],
        limits: &crate::Limits,
    ) -> Result<Facts, TopologyError> {
        limits.size(bytes.len(), "facts file").map_err(|e| *e)?;
        let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
        let text = std::str::from_utf8(bytes).map_err(|error| {
            InputError::at(
                ErrorKind::Encoding,
                "",
                format!(
                    "the facts file is not UTF-8 text (invalid byte at offset {})",
                    error.valid_up_to()
                ),
            )
            .expected("a JSON facts file in UTF-8")
        })?;
        if text.trim().is_empty() {
            return Err(
                InputError::at(ErrorKind::Empty, "", "the facts file is empty")
                    .expected("a facts file, format 1")
                    .into(),
            );
        }
        let text = without_comments(text);
        let mut deserializer = serde_json::Deserializer::from_str(&text);
        let facts: Facts =
            serde_path_to_error::deserialize(&mut deserializer).map_err(|error| {
                translate(
                    &crate::document::parse::pointer(error.path()),
                    error.inner(),
                )
            })?;
        deserializer.end().map_err(|error| translate("", &error))?;
        if facts.format != 1 {
            return Err(InputError::at(
                ErrorKind::UnsupportedFormat,
                "/format",
                format!(
                    "facts format `{}` is not supported by this version of hadr-rules",
                    facts.format
                ),
            )
            .expected("`1`")
            .into());
        }
        Ok(facts)
    }

    /// The entry of a server, by FQDN without case.
    pub(crate) fn server(&self, fqdn: &str) -> Option<(&str, &ServerEntry)> {
        self.servers
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(fqdn))
            .map(|(key, entry)| (key.as_str(), entry))
    }

    /// The entry of a pool, by FQDN without case.
    pub(crate) fn pool(&self, fqdn: &str) -> Option<(&str, &PoolEntry)> {
        self.pools
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(fqdn))
            .map(|(key, entry)| (key.as_str(), entry))
    }

    /// The entry of a SQL store, by id (the host part without case).
    pub(crate) fn store(&self, id: &str) -> Option<(&str, &StoreEntry)> {
        self.sql_stores
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(id))
            .map(|(key, entry)| (key.as_str(), entry))
    }

    /// The entry of a gateway, by FQDN without case.
    pub(crate) fn gateway(&self, fqdn: &str) -> Option<(&str, &GatewayEntry)> {
        self.pstn_gateways
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(fqdn))
            .map(|(key, entry)| (key.as_str(), entry))
    }

    /// The entry of a file store, by id (without case).
    pub(crate) fn file_store(&self, id: &str) -> Option<(&str, &FileStoreEntry)> {
        self.file_stores
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(id))
            .map(|(key, entry)| (key.as_str(), entry))
    }

    /// The entry of a site, by id.
    pub(crate) fn site(&self, id: &str) -> Option<(&str, &SiteEntry)> {
        self.sites
            .get_key_value(id)
            .map(|(key, entry)| (key.as_str(), entry))
    }

    /// Warnings for entries that name nothing in the topology, with the closest name.
    pub(crate) fn unused(&self, known: &Known) -> Vec<(String, String)> {
        let mut out = Vec::new();
        let mut check = |section: &str, keys: Vec<&String>, names: &[String], what: &str| {
            for key in keys {
                if !names.iter().any(|n| n.eq_ignore_ascii_case(key)) {
                    let near = closest(key, names.iter().map(String::as_str));
                    let hint = near
                        .map(|n| format!(": did you mean `{n}`?"))
                        .unwrap_or_default();
                    out.push((
                        format!("/{section}/{}", crate::document::parse::escape(key)),
                        format!(
                            "the facts name {what} `{key}`, which the topology does not have{hint}"
                        ),
                    ));
                }
            }
        };
        check("sites", self.sites.keys().collect(), &known.sites, "a site");
        check("pools", self.pools.keys().collect(), &known.pools, "a pool");
        check(
            "servers",
            self.servers.keys().collect(),
            &known.machines,
            "a machine",
        );
        check(
            "sql_stores",
            self.sql_stores.keys().collect(),
            &known.stores,
            "a SQL store",
        );
        check(
            "pstn_gateways",
            self.pstn_gateways.keys().collect(),
            &known.gateways,
            "a gateway",
        );
        check(
            "file_stores",
            self.file_stores.keys().collect(),
            &known.file_stores,
            "a file store",
        );
        out
    }
}

/// The names the imported topology has, for the unused-entry check.
#[derive(Debug, Default)]
pub(crate) struct Known {
    pub sites: Vec<String>,
    pub pools: Vec<String>,
    pub machines: Vec<String>,
    pub stores: Vec<String>,
    pub gateways: Vec<String>,
    pub file_stores: Vec<String>,
}

/// A serde error as an input error with the JSON Pointer of the facts file, in the words of
/// the topology document's errors.
fn translate(pointer: &str, error: &serde_json::Error) -> TopologyError {
    TopologyError::from(*crate::document::parse::translate(
        pointer.to_owned(),
        error,
    ))
}

/// The text with its `//` comments (outside strings) blanked out, byte for byte, so that the
/// lines and columns of errors stay those of the file.
fn without_comments(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains("//") {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let (mut in_string, mut escaped, mut in_comment) = (false, false, false);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if in_comment {
            if c == '\n' {
                in_comment = false;
                out.push(c);
            } else {
                out.extend(std::iter::repeat_n(' ', c.len_utf8()));
            }
            continue;
        }
        if in_string {
            in_string = escaped || c != '"';
            escaped = !escaped && c == '\\';
        } else if c == '"' {
            in_string = true;
        } else if c == '/' && chars.peek() == Some(&'/') {
            in_comment = true;
            out.push(' ');
            continue;
        }
        out.push(c);
    }
    std::borrow::Cow::Owned(out)
}

/// The JSON Schema of the facts file, format 1.
pub fn facts_schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(Facts)).unwrap_or_default()
}

crate::document::objects::only!(
    Facts,
    Defaults,
    SiteEntry,
    PoolDefaults,
    PoolEntry,
    ServerEntry,
    StoreDefaults,
    StoreEntry,
    GatewayEntry,
    FileStoreEntry,
);
