//! JSON Pointers kept as structure while a check runs, written out only when read.

use std::cmp::Ordering;
use std::fmt;

/// One step of a pointer: an object key or an array index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Segment {
    /// An object key of the topology format.
    Key(&'static str),
    /// An array index.
    Index(u32),
}

/// The keys of the topology format, so that a segment is four bytes: a key is its position
/// here. A test keeps the list equal to the property names of the JSON Schema.
pub(crate) const KEYS: &[&str] = &[
    "access",
    "active_active",
    "active_servers",
    "associated_pool",
    "automatic",
    "av",
    "av_nat",
    "back_end",
    "backup_pool",
    "backup_store",
    "cms",
    "collocated_on",
    "collocated_roles",
    "commit",
    "compliance",
    "compliance_backup_store",
    "compliance_store",
    "concurrent_remote_users",
    "cumulative_update",
    "data_center",
    "dfs_scope",
    "disk",
    "domain",
    "dsr_nat",
    "dynamic_memory",
    "edge",
    "edge_external",
    "edge_internal",
    "edition",
    "esu",
    "exchange_um_before_2013",
    "failback_seconds",
    "failover",
    "failover_gateways",
    "failure_detection_seconds",
    "federation",
    "file_store",
    "file_stores",
    "format",
    "fqdn",
    "ha",
    "host_hyper_threading",
    "host_os",
    "hypervisor",
    "id",
    "instance",
    "kind",
    "legacy_federation",
    "links",
    "listener",
    "live_migration",
    "load_balancing",
    "log_shipping_from_mirror",
    "mediation_pool",
    "mirror",
    "mode",
    "name",
    "network_interfaces",
    "next_hop",
    "next_hop_pool",
    "nodes",
    "os",
    "platform",
    "pools",
    "port",
    "principal",
    "product",
    "pstn_gateways",
    "quorum_witness",
    "region",
    "replicas",
    "resilient",
    "server",
    "servers",
    "service_pack",
    "sip",
    "sip_trunk",
    "site",
    "sites",
    "sql_stores",
    "storage",
    "svvp_validated",
    "synchronous",
    "time_zone",
    "users",
    "vcpu_per_core",
    "version",
    "virtual_name",
    "virtualization",
    "voice_failover",
    "web",
    "web_conferencing",
    "web_idle_timeout",
    "web_persistence",
    "witness",
    "x",
    "xmpp_federation",
];

/// A segment in four bytes: the top bit marks a key (its position in [`KEYS`]), the rest is
/// an array index.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct Packed(u32);

const KEY_BIT: u32 = 1 << 31;

impl Packed {
    fn unpack(self) -> Segment {
        if self.0 & KEY_BIT == 0 {
            return Segment::Index(self.0);
        }
        let key = usize::try_from(self.0 & !KEY_BIT).unwrap_or(usize::MAX);
        Segment::Key(KEYS.get(key).copied().unwrap_or("?"))
    }
}

/// The most segments a pointer holds: the deepest key of the topology format is
/// `/sql_stores/N/ha/nodes/N/service_pack`.
const DEPTH: usize = 6;

/// A JSON Pointer into the topology document (`/pools/3/servers/1/os`), built without
/// allocating, 28 bytes, and rendered by [`fmt::Display`].
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Pointer {
    segments: [Packed; DEPTH],
    len: u8,
}

impl Pointer {
    /// The empty pointer: the whole document.
    pub const ROOT: Pointer = Pointer {
        segments: [Packed(0); DEPTH],
        len: 0,
    };

    /// `/collection/index`, the usual start of a pointer to an entity.
    pub fn entity(collection: &'static str, index: usize) -> Pointer {
        Pointer::ROOT.key(collection).index(index)
    }

    /// This pointer followed by an object key of the topology format.
    #[must_use]
    pub fn key(self, key: &'static str) -> Pointer {
        let position = KEYS.iter().position(|k| *k == key);
        debug_assert!(position.is_some(), "`{key}` is not a key of pointer::KEYS");
        let position = u32::try_from(position.unwrap_or(KEYS.len())).unwrap_or(0);
        self.push(Packed(KEY_BIT | position))
    }

    /// This pointer followed by an array index.
    #[must_use]
    pub fn index(self, index: usize) -> Pointer {
        self.push(Packed(u32::try_from(index).unwrap_or(u32::MAX) & !KEY_BIT))
    }

    fn push(mut self, segment: Packed) -> Pointer {
        // The topology format is no deeper than `DEPTH`: a longer pointer is a programming
        // error that `deepest_key_fits` catches; keep the prefix rather than panic.
        if let Some(slot) = self.segments.get_mut(usize::from(self.len)) {
            *slot = segment;
            self.len += 1;
        }
        self
    }

    /// Its segments, from the root.
    pub fn segments(&self) -> impl DoubleEndedIterator<Item = Segment> + '_ {
        self.segments
            .get(..usize::from(self.len))
            .unwrap_or_default()
            .iter()
            .map(|packed| packed.unpack())
    }

    /// The pointer without its last segment.
    #[must_use]
    pub fn parent(mut self) -> Pointer {
        self.len = self.len.saturating_sub(1);
        self
    }

    /// Whether it points at the whole document.
    pub fn is_root(&self) -> bool {
        self.len == 0
    }

    /// The order of the rendered strings, which the report sorts by.
    pub fn cmp_text(&self, other: &Pointer) -> Ordering {
        if self == other {
            return Ordering::Equal;
        }
        self.to_string().cmp(&other.to_string())
    }
}

/// `path == "/pools/0/servers"`: compares the rendered pointer.
impl PartialEq<str> for Pointer {
    fn eq(&self, other: &str) -> bool {
        /// Compares written text with `rest` as it is written.
        struct Rest<'a>(Option<&'a str>);
        impl fmt::Write for Rest<'_> {
            fn write_str(&mut self, s: &str) -> fmt::Result {
                self.0 = self.0.and_then(|rest| rest.strip_prefix(s));
                Ok(())
            }
        }
        let mut rest = Rest(Some(other));
        let _ = fmt::Write::write_fmt(&mut rest, format_args!("{self}"));
        rest.0 == Some("")
    }
}

impl PartialEq<&str> for Pointer {
    fn eq(&self, other: &&str) -> bool {
        self == *other
    }
}

impl PartialOrd for Pointer {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// Pointers sort as their text.
impl Ord for Pointer {
    fn cmp(&self, other: &Self) -> Ordering {
        self.cmp_text(other)
    }
}

impl Default for Pointer {
    fn default() -> Self {
        Pointer::ROOT
    }
}

impl fmt::Display for Pointer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for segment in self.segments() {
            match segment {
                // The keys of the format hold neither `~` nor `/`: nothing to escape.
                Segment::Key(key) => write!(f, "/{key}")?,
                Segment::Index(index) => write!(f, "/{index}")?,
            }
        }
        Ok(())
    }
}

impl fmt::Debug for Pointer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Pointer({self})")
    }
}

impl serde::Serialize for Pointer {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_the_property_names_of_the_schema() {
        fn walk(value: &serde_json::Value, keys: &mut std::collections::BTreeSet<String>) {
            match value {
                serde_json::Value::Object(map) => {
                    for (name, child) in map {
                        if name == "properties"
                            && let Some(properties) = child.as_object()
                        {
                            keys.extend(properties.keys().cloned());
                        }
                        walk(child, keys);
                    }
                }
                serde_json::Value::Array(items) => items.iter().for_each(|v| walk(v, keys)),
                _ => {}
            }
        }
        let mut keys = std::collections::BTreeSet::new();
        walk(&crate::schema(), &mut keys);
        let listed: std::collections::BTreeSet<String> =
            KEYS.iter().map(|k| (*k).to_owned()).collect();
        assert_eq!(listed, keys);
    }

    #[test]
    fn renders_as_a_json_pointer() {
        let pointer = Pointer::entity("pools", 3)
            .key("servers")
            .index(1)
            .key("os");
        assert_eq!(pointer.to_string(), "/pools/3/servers/1/os");
        assert_eq!(Pointer::ROOT.to_string(), "");
    }

    #[test]
    fn deepest_key_fits() {
        let pointer = Pointer::entity("sql_stores", 12)
            .key("ha")
            .key("nodes")
            .index(1)
            .key("service_pack");
        assert_eq!(
            pointer.to_string(),
            "/sql_stores/12/ha/nodes/1/service_pack"
        );
    }

    #[test]
    fn sorts_as_its_text() {
        let nine = Pointer::entity("pools", 9);
        let ten = Pointer::entity("pools", 10);
        assert_eq!(nine.cmp_text(&ten), Ordering::Greater);
    }
}
