//! The topology document, format 1, exactly as `docs/topology-format.md` defines it.
//!
//! These types only mirror the JSON; references are resolved and facts derived in
//! [`crate::Topology`].

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

mod ha;
pub(crate) mod objects;
pub(crate) mod parse;
mod user_data;

use crate::tokens::{
    CmsRole, CollocatedRole, Commit, DfsScope, Edition, FailoverMode, FileStorage, FileStoreHa,
    Hypervisor, Os, Platform, PoolKind, Product, QuorumWitness, SipLoadBalancing, SiteKind,
    SqlEdition, SqlVersion, VirtualDisk, WebLoadBalancing, WebPersistence,
};

/// The user's own data: any JSON object, ignored by the rules (boxed: most entities have none).
///
/// Reading a document checks that `x` is an object and skips its content without keeping it
/// (it is always `None` after [`Document::from_json`]): a document that is mostly user data
/// costs no more memory than its text. A document built in code may carry it, and it is
/// written out with the document.
pub type Extra = Option<Box<Map<String, Value>>>;

/// A name or id of the document. Names up to 23 bytes, most FQDNs and ids, are stored inline:
/// parsing a document allocates nothing per name.
pub type Text = smol_str::SmolStr;

/// A Lync Server 2013 / Skype for Business Server deployment as far as high availability and
/// disaster recovery care.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, remote = "Self")]
#[schemars(title = "hadr-rules topology document, format 1")]
pub struct Document {
    /// Always `1`.
    pub format: u32,
    /// Deployment name, shown in reports.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<Text>,
    /// Sites of the topology.
    pub sites: Vec<Site>,
    /// Pools, in any order.
    pub pools: Vec<Pool>,
    /// Back-end (and other) SQL stores referenced by pools.
    #[serde(
        default,
        deserialize_with = "null_as_empty",
        skip_serializing_if = "Vec::is_empty"
    )]
    #[schemars(with = "Option<Vec<SqlStore>>")]
    pub sql_stores: Vec<SqlStore>,
    /// File stores referenced by pools.
    #[serde(
        default,
        deserialize_with = "null_as_empty",
        skip_serializing_if = "Vec::is_empty"
    )]
    #[schemars(with = "Option<Vec<FileStore>>")]
    pub file_stores: Vec<FileStore>,
    /// PSTN gateways and SIP trunks with the Mediation pool each uses; absent: not known
    /// (the voice rules that need them report *not evaluated*), `[]`: none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pstn_gateways: Option<Vec<PstnGateway>>,
    /// The user's own data.
    #[serde(
        default,
        deserialize_with = "user_data::skip",
        skip_serializing_if = "Option::is_none"
    )]
    pub x: Extra,
}

/// An optional list written as `null` is an empty one, as if left out.
fn null_as_empty<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    Ok(Option::<Vec<T>>::deserialize(deserializer)?.unwrap_or_default())
}

impl Document {
    /// Reads the bytes of a format-1 document without resolving its references: the parse
    /// that [`crate::Topology::from_json`] starts with (without its limits).
    pub fn from_json(bytes: &[u8]) -> Result<Document, crate::TopologyError> {
        crate::document::parse::parse(bytes)
    }

    /// Gives back the room arrays grew into while parsing: a large document's lists are
    /// otherwise up to twice their length for the rest of the check.
    pub(crate) fn shrink_to_fit(&mut self) {
        self.sites.shrink_to_fit();
        self.pools.shrink_to_fit();
        for pool in &mut self.pools {
            pool.servers.shrink_to_fit();
        }
        self.sql_stores.shrink_to_fit();
        for store in &mut self.sql_stores {
            match &mut store.ha {
                Ha::AlwaysOnAg { replicas, .. } => replicas.shrink_to_fit(),
                Ha::AlwaysOnFci(cluster) | Ha::FailoverCluster(cluster) => {
                    cluster.nodes.shrink_to_fit();
                }
                Ha::None { .. } | Ha::Mirroring { .. } => {}
            }
        }
        self.file_stores.shrink_to_fit();
    }
}

/// A central or branch site.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, remote = "Self")]
pub struct Site {
    /// Unique among sites.
    pub id: Text,
    /// `central` (default) or `branch`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<SiteKind>,
    /// World region, e.g. `emea`; compared for pairing recommendations.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<Text>,
    /// Data-center id; default: the site id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data_center: Option<Text>,
    /// WAN links to other sites, with whether each is resilient.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub links: Option<Vec<SiteLink>>,
    /// The gateways (FQDNs of `pstn_gateways`) that the failover route of this site's users
    /// goes through; absent: not known, `[]`: no failover route.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub failover_gateways: Option<Vec<Text>>,
    /// The user's own data.
    #[serde(
        default,
        deserialize_with = "user_data::skip",
        skip_serializing_if = "Option::is_none"
    )]
    pub x: Extra,
}

/// A pool: a Front End pool, a Standard Edition server, or another server role.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, remote = "Self")]
pub struct Pool {
    /// Pool FQDN, unique among pools (case-insensitive).
    pub fqdn: Text,
    /// The site id.
    pub site: Text,
    /// Server role.
    pub kind: PoolKind,
    /// Enterprise Edition pool or Standard Edition server; required for `front_end`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edition: Option<Edition>,
    /// Product version of the pool.
    pub product: Product,
    /// Product cumulative update number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cumulative_update: Option<u32>,
    /// Servers in topology order: the first is the first one started.
    pub servers: Vec<Server>,
    /// SQL store id of the back end; required for Enterprise `front_end` and `persistent_chat`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub back_end: Option<Text>,
    /// FQDN of the paired pool (disaster recovery and backup registrar).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub backup_pool: Option<Text>,
    /// This pool's back end hosts the active or the standby Central Management store.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cms: Option<CmsRole>,
    /// Load balancing of SIP and web traffic.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub load_balancing: Option<LoadBalancing>,
    /// Users homed on the pool.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub users: Option<u32>,
    /// For `sba`/`sbs`: the FQDN of the Front End pool that backs the branch appliance.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub associated_pool: Option<Text>,
    /// Server roles collocated on the pool's servers; absent: not known, `[]`: none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub collocated_roles: Option<Vec<CollocatedRole>>,
    /// Concurrent remote users the pool serves (Director and Edge sizing).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub concurrent_remote_users: Option<u32>,
    /// For a Registrar with a `backup_pool`: the voice failover settings (Topology Builder's
    /// resiliency settings).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub voice_failover: Option<VoiceFailover>,
    /// File store id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file_store: Option<Text>,
    /// For `edge`: its external services, next hop and federation (EDGE family).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edge: Option<Box<Edge>>,
    /// For `persistent_chat`: the FQDN of the Front End pool that is its next hop.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_hop_pool: Option<Text>,
    /// For `persistent_chat`: the FQDN of the `front_end` pool whose servers also run this
    /// pool's Persistent Chat Server role (collocation).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub collocated_on: Option<Text>,
    /// For `persistent_chat`: the FQDNs of the pool's active servers (the others are idle).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active_servers: Option<Vec<Text>>,
    /// For `persistent_chat`: compliance is enabled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub compliance: Option<bool>,
    /// For `persistent_chat`: SQL store id of the compliance database (mgccomp).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub compliance_store: Option<Text>,
    /// For `persistent_chat`: SQL store id of the log-shipping secondary of `back_end` in the
    /// other data center (its own `ha` is the secondary's mirror).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub backup_store: Option<Text>,
    /// For `persistent_chat`: SQL store id of the log-shipping secondary of `compliance_store`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub compliance_backup_store: Option<Text>,
    /// For `persistent_chat`: log shipping to `backup_store` is also configured from the
    /// mirror of `back_end`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub log_shipping_from_mirror: Option<bool>,
    /// Enrolled in a paid Extended Security Update programme (read by LIFE-007 only).
    #[serde(default, skip_serializing_if = "is_false")]
    pub esu: bool,
    /// The user's own data.
    #[serde(
        default,
        deserialize_with = "user_data::skip",
        skip_serializing_if = "Option::is_none"
    )]
    pub x: Extra,
}

impl Pool {
    /// Whether it is an Enterprise Edition Front End pool.
    pub fn is_enterprise_front_end(&self) -> bool {
        self.kind == PoolKind::FrontEnd && self.edition == Some(Edition::Enterprise)
    }
}

/// How a pool's traffic is load balanced.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, remote = "Self")]
pub struct LoadBalancing {
    /// SIP traffic.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sip: Option<SipLoadBalancing>,
    /// Web (HTTP/HTTPS) traffic.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub web: Option<WebLoadBalancing>,
    /// Persistence of the hardware load balancer's internal web virtual IP (LB-003, LB-004).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub web_persistence: Option<WebPersistence>,
    /// TCP idle timeout of the hardware load balancer's web virtual IPs, in seconds (LB-003).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub web_idle_timeout: Option<u32>,
    /// The hardware load balancer uses direct server return with NAT (LB-005).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dsr_nat: Option<bool>,
    /// Edge pools: traffic of the internal interfaces (EDGE-002, EDGE-003, LB-001).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edge_internal: Option<SipLoadBalancing>,
    /// Edge pools: traffic of the external interfaces (EDGE-002, EDGE-003, EDGE-005, LB-001).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edge_external: Option<SipLoadBalancing>,
}

/// What an Edge pool serves and where it sends traffic. The pool's `fqdn` is its internal FQDN.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, remote = "Self")]
pub struct Edge {
    /// The external Access Edge service.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub access: Option<Endpoint>,
    /// The external Web Conferencing Edge service.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub web_conferencing: Option<Endpoint>,
    /// The external A/V Edge service.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub av: Option<Endpoint>,
    /// FQDN of the next hop pool: a Front End pool or a Director pool (EDGE-010).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_hop: Option<Text>,
    /// Federation is enabled on this pool (port 5061): the outbound federation route (EDGE-008).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub federation: Option<bool>,
    /// This pool is the XMPP federation route (EDGE-009).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub xmpp_federation: Option<bool>,
    /// The public A/V Edge addresses are translated by NAT (EDGE-005).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub av_nat: Option<bool>,
    /// Federates with Office Communications Server 2007 or 2007 R2 partners, or has public IM
    /// connectivity (EDGE-003).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub legacy_federation: Option<bool>,
    /// Serves remote users of Exchange Unified Messaging on a version before Exchange 2013
    /// (EDGE-003).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exchange_um_before_2013: Option<bool>,
}

/// An external service of an Edge pool.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, remote = "Self")]
pub struct Endpoint {
    /// External FQDN (EDGE-006).
    pub fqdn: Text,
    /// External port.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub port: Option<u16>,
}

/// A Registrar's voice failover to its backup Registrar.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, remote = "Self")]
pub struct VoiceFailover {
    /// Automatic failover and failback for voice is enabled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub automatic: Option<bool>,
    /// Seconds without heartbeat before the backup Registrar takes over.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub failure_detection_seconds: Option<u32>,
    /// Seconds of heartbeat before users are sent back to the primary Registrar.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub failback_seconds: Option<u32>,
}

/// A WAN link from a site to another site.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, remote = "Self")]
pub struct SiteLink {
    /// The other site's id.
    pub site: Text,
    /// The link is resilient (redundant paths).
    pub resilient: bool,
}

/// A PSTN gateway, IP-PBX or SIP trunk peer and the trunk to its Mediation pool.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, remote = "Self")]
pub struct PstnGateway {
    /// Gateway FQDN, unique among gateways (case-insensitive).
    pub fqdn: Text,
    /// The site id.
    pub site: Text,
    /// FQDN of the pool whose Mediation Server the trunk uses: a `mediation` pool, or a
    /// `front_end` pool with Mediation collocated.
    pub mediation_pool: Text,
    /// A SIP trunk to a telephony service provider rather than a gateway; absent: not known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sip_trunk: Option<bool>,
    /// The user's own data.
    #[serde(
        default,
        deserialize_with = "user_data::skip",
        skip_serializing_if = "Option::is_none"
    )]
    pub x: Extra,
}

/// One machine of a pool.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, remote = "Self")]
pub struct Server {
    /// Unique among servers (a one-machine pool may share its pool's FQDN).
    pub fqdn: Text,
    /// Windows Server version.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub os: Option<Os>,
    /// Physical or virtual.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub platform: Option<Platform>,
    /// Data-center id; default: the pool's site's data center.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data_center: Option<Text>,
    /// Active Directory domain.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain: Option<Text>,
    /// Time zone, as the operating system names it (e.g. `Central Standard Time`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_zone: Option<Text>,
    /// For a virtual server: its virtualization host and guest settings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub virtualization: Option<Virtualization>,
    /// Network interfaces the operating system sees: a team of adapters with one MAC and
    /// one IP address counts once, an out-of-band management port hidden from the operating
    /// system not at all (NET-001, NET-002, NET-003).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub network_interfaces: Option<u32>,
    /// Enrolled in a paid Extended Security Update programme (read by LIFE-007 only).
    #[serde(default, skip_serializing_if = "is_false")]
    pub esu: bool,
    /// The user's own data.
    #[serde(
        default,
        deserialize_with = "user_data::skip",
        skip_serializing_if = "Option::is_none"
    )]
    pub x: Extra,
}

/// How a virtual server is hosted (the VIRT rules).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, remote = "Self")]
pub struct Virtualization {
    /// Windows Server Hyper-V or another hypervisor.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hypervisor: Option<Hypervisor>,
    /// For Hyper-V: the Windows Server version of the host.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub host_os: Option<Os>,
    /// For another hypervisor: it is validated for the guest's Windows Server in the Server
    /// Virtualization Validation Program.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub svvp_validated: Option<bool>,
    /// Virtual processors per physical core of the host.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vcpu_per_core: Option<f64>,
    /// Live migration (or another move of the running guest) is enabled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub live_migration: Option<bool>,
    /// Dynamic memory is configured for the guest.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dynamic_memory: Option<bool>,
    /// Hyper-threading is enabled on the host.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub host_hyper_threading: Option<bool>,
    /// The kind of virtual disk.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disk: Option<VirtualDisk>,
}

/// A SQL store: one SQL Server instance or an HA group of them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, remote = "Self")]
pub struct SqlStore {
    /// Unique among stores.
    pub id: Text,
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
    /// High-availability configuration.
    pub ha: Ha,
    /// Enrolled in a paid Extended Security Update programme (read by LIFE-007 only).
    #[serde(default, skip_serializing_if = "is_false")]
    pub esu: bool,
    /// The user's own data.
    #[serde(
        default,
        deserialize_with = "user_data::skip",
        skip_serializing_if = "Option::is_none"
    )]
    pub x: Extra,
}

/// One SQL Server instance of a store.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, remote = "Self")]
pub struct SqlNode {
    /// Host FQDN.
    pub fqdn: Text,
    /// Instance name; empty or absent for the default instance.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instance: Option<Text>,
    /// Overrides the store's version.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<SqlVersion>,
    /// Overrides the store's edition.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edition: Option<SqlEdition>,
    /// Its own service pack, for a node whose `version` is not the store's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_pack: Option<u32>,
    /// Its own SQL Server cumulative update, for a node whose `version` is not the store's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cumulative_update: Option<u32>,
    /// Active Directory domain.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain: Option<Text>,
    /// Data-center id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data_center: Option<Text>,
    /// Network interfaces the operating system sees: a team of adapters with one MAC and
    /// one IP address counts once, an out-of-band management port hidden from the operating
    /// system not at all (NET-001, NET-002, NET-003).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub network_interfaces: Option<u32>,
    /// Enrolled in a paid Extended Security Update programme (read by LIFE-007 only).
    #[serde(default, skip_serializing_if = "is_false")]
    pub esu: bool,
    /// The user's own data.
    #[serde(
        default,
        deserialize_with = "user_data::skip",
        skip_serializing_if = "Option::is_none"
    )]
    pub x: Extra,
}

/// An availability-group replica: a SQL node with its commit and failover modes.
///
/// The node's keys are repeated rather than flattened in: serde cannot reject unknown keys
/// through `flatten`, and a typo must not pass silently.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, remote = "Self")]
pub struct Replica {
    /// Host FQDN.
    pub fqdn: Text,
    /// Instance name; empty or absent for the default instance.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instance: Option<Text>,
    /// Overrides the store's version.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<SqlVersion>,
    /// Overrides the store's edition.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edition: Option<SqlEdition>,
    /// Its own service pack, for a node whose `version` is not the store's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_pack: Option<u32>,
    /// Its own SQL Server cumulative update, for a node whose `version` is not the store's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cumulative_update: Option<u32>,
    /// Active Directory domain.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain: Option<Text>,
    /// Data-center id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data_center: Option<Text>,
    /// Network interfaces the operating system sees: a team of adapters with one MAC and
    /// one IP address counts once, an out-of-band management port hidden from the operating
    /// system not at all (NET-001, NET-002, NET-003).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub network_interfaces: Option<u32>,
    /// Synchronous or asynchronous commit.
    pub commit: Commit,
    /// Automatic or manual failover.
    pub failover: FailoverMode,
    /// Enrolled in a paid Extended Security Update programme (read by LIFE-007 only).
    #[serde(default, skip_serializing_if = "is_false")]
    pub esu: bool,
    /// The user's own data.
    #[serde(
        default,
        deserialize_with = "user_data::skip",
        skip_serializing_if = "Option::is_none"
    )]
    pub x: Extra,
}

// Read by the visitor in `ha.rs`, not by serde's derive.
/// The high-availability configuration of a store, by `mode`.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(tag = "mode", deny_unknown_fields)]
pub enum Ha {
    /// A single SQL Server instance.
    #[serde(rename = "none")]
    None {
        /// The instance.
        server: SqlNode,
    },
    /// SQL Server database mirroring.
    // The nodes are boxed: three inline would make every store three times larger.
    #[serde(rename = "mirroring")]
    Mirroring {
        /// The principal.
        principal: Box<SqlNode>,
        /// The mirror.
        mirror: Box<SqlNode>,
        /// The witness, if any.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        witness: Option<Box<SqlNode>>,
        /// Synchronous mirroring (default `true`).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        synchronous: Option<bool>,
    },
    /// AlwaysOn Availability Group.
    #[serde(rename = "always_on_ag")]
    AlwaysOnAg {
        /// Listener FQDN.
        listener: Text,
        /// Replicas.
        replicas: Vec<Replica>,
        /// Active/active (default `false`).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        active_active: Option<bool>,
        /// Windows Server Failover Cluster quorum witness.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        quorum_witness: Option<QuorumWitness>,
    },
    /// AlwaysOn Failover Cluster Instance.
    #[serde(rename = "always_on_fci")]
    AlwaysOnFci(Cluster),
    /// SQL Server failover clustering (treated like FCI).
    #[serde(rename = "failover_cluster")]
    FailoverCluster(Cluster),
}

/// A failover cluster instance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, remote = "Self")]
pub struct Cluster {
    /// Virtual name FQDN.
    pub virtual_name: Text,
    /// SQL instance name.
    pub instance: Text,
    /// Cluster nodes.
    pub nodes: Vec<SqlNode>,
    /// Windows Server Failover Cluster quorum witness.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quorum_witness: Option<QuorumWitness>,
}

/// A file store.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, remote = "Self")]
pub struct FileStore {
    /// Unique among file stores.
    pub id: Text,
    /// File server or DFS namespace host.
    pub fqdn: Text,
    /// The site id.
    pub site: Text,
    /// High availability of the share.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ha: Option<FileStoreHa>,
    /// For `ha: dfs`: whether the DFS replicas stay in one data center.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dfs_scope: Option<DfsScope>,
    /// Storage the share lives on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub storage: Option<FileStorage>,
    /// Windows Server version of the file server (of the cluster nodes for `ha: cluster`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub os: Option<Os>,
    /// The user's own data.
    #[serde(
        default,
        deserialize_with = "user_data::skip",
        skip_serializing_if = "Option::is_none"
    )]
    pub x: Extra,
}

objects::only!(
    Document,
    Site,
    Pool,
    LoadBalancing,
    VoiceFailover,
    SiteLink,
    PstnGateway,
    Edge,
    Endpoint,
    Server,
    Virtualization,
    SqlStore,
    SqlNode,
    Replica,
    Cluster,
    FileStore,
);

fn is_false(value: &bool) -> bool {
    !*value
}
