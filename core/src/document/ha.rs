//! Reading a store's `ha` object in one pass.
//!
//! serde's derive for an internally tagged enum buffers the whole object before it knows the
//! variant: every node and replica is built twice, and an error inside it loses its path. This
//! visitor reads each key straight into its type (a key has one type in every mode), then
//! checks the keys against the `mode`.

use std::fmt;

use serde::de::{self, Deserialize, DeserializeSeed, Deserializer, MapAccess, Visitor};

use super::{Cluster, Ha, Replica, SqlNode, Text};
use crate::tokens::{HaMode, QuorumWitness};

/// The keys of an `ha` object.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Key {
    Mode,
    Server,
    Principal,
    Mirror,
    Witness,
    Synchronous,
    Listener,
    Replicas,
    ActiveActive,
    QuorumWitness,
    VirtualName,
    Instance,
    Nodes,
}

impl Key {
    const ALL: [Key; 13] = [
        Key::Mode,
        Key::Server,
        Key::Principal,
        Key::Mirror,
        Key::Witness,
        Key::Synchronous,
        Key::Listener,
        Key::Replicas,
        Key::ActiveActive,
        Key::QuorumWitness,
        Key::VirtualName,
        Key::Instance,
        Key::Nodes,
    ];

    /// The key as written: `Key::ALL` and `EVERY_KEY` are in one order.
    fn name(self) -> &'static str {
        Key::ALL
            .iter()
            .zip(EVERY_KEY)
            .find(|(key, _)| **key == self)
            .map_or("", |(_, name)| name)
    }
}

/// The keys each mode takes besides `mode`.
fn keys_of(mode: HaMode) -> &'static [&'static str] {
    match mode {
        HaMode::None => &["server"],
        HaMode::Mirroring => &["principal", "mirror", "witness", "synchronous"],
        HaMode::AlwaysOnAg => &["listener", "replicas", "active_active", "quorum_witness"],
        HaMode::AlwaysOnFci | HaMode::FailoverCluster => {
            &["virtual_name", "instance", "nodes", "quorum_witness"]
        }
    }
}

/// Every key of every mode, in the order of `Key::ALL`: the keys expected for an unknown key
/// met before `mode`.
const EVERY_KEY: &[&str] = &[
    "mode",
    "server",
    "principal",
    "mirror",
    "witness",
    "synchronous",
    "listener",
    "replicas",
    "active_active",
    "quorum_witness",
    "virtual_name",
    "instance",
    "nodes",
];

/// Reads one key of `ha`. An unknown key, or one the mode read so far does not take, fails
/// here, inside the key, so that its error names it. Keys read before `mode` are checked
/// once the whole object is read.
struct KeySeed(Option<HaMode>);

impl<'de> DeserializeSeed<'de> for KeySeed {
    type Value = Key;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Key, D::Error> {
        deserializer.deserialize_identifier(self)
    }
}

impl Visitor<'_> for KeySeed {
    type Value = Key;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a key of `ha`")
    }

    fn visit_str<E: de::Error>(self, name: &str) -> Result<Key, E> {
        let expected = self.0.map_or(EVERY_KEY, keys_of);
        Key::ALL
            .iter()
            .zip(EVERY_KEY)
            .find(|(key, known)| {
                **known == name
                    && (**key == Key::Mode || self.0.is_none() || expected.contains(known))
            })
            .map(|(key, _)| *key)
            .ok_or_else(|| E::unknown_field(name, expected))
    }
}

/// The values read so far.
#[derive(Default)]
struct Fields {
    mode: Option<HaMode>,
    server: Option<SqlNode>,
    principal: Option<Box<SqlNode>>,
    mirror: Option<Box<SqlNode>>,
    witness: Option<Box<SqlNode>>,
    synchronous: Option<bool>,
    listener: Option<Text>,
    replicas: Option<Vec<Replica>>,
    active_active: Option<bool>,
    quorum_witness: Option<QuorumWitness>,
    virtual_name: Option<Text>,
    instance: Option<Text>,
    nodes: Option<Vec<SqlNode>>,
    /// Keys in the order read, to check them against the mode once it is known.
    seen: Vec<Key>,
}

/// Reads the value of a key into `slot`.
fn read<'de, A: MapAccess<'de>, T: Deserialize<'de>>(
    map: &mut A,
    slot: &mut Option<T>,
) -> Result<(), A::Error> {
    *slot = Some(map.next_value()?);
    Ok(())
}

/// Reads the value of an optional key into `slot`: `null` is the key left out.
fn read_optional<'de, A: MapAccess<'de>, T: Deserialize<'de>>(
    map: &mut A,
    slot: &mut Option<T>,
) -> Result<(), A::Error> {
    *slot = map.next_value()?;
    Ok(())
}

fn required<T, E: de::Error>(value: Option<T>, key: &'static str) -> Result<T, E> {
    value.ok_or_else(|| E::missing_field(key))
}

struct HaVisitor;

impl<'de> Visitor<'de> for HaVisitor {
    type Value = Ha;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object with a `mode` key")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Ha, A::Error> {
        let mut f = Fields::default();
        while let Some(key) = map.next_key_seed(KeySeed(f.mode))? {
            if f.seen.contains(&key) {
                return Err(de::Error::duplicate_field(key.name()));
            }
            f.seen.push(key);
            match key {
                Key::Mode => read(&mut map, &mut f.mode)?,
                Key::Server => read(&mut map, &mut f.server)?,
                Key::Principal => read(&mut map, &mut f.principal)?,
                Key::Mirror => read(&mut map, &mut f.mirror)?,
                Key::Witness => read_optional(&mut map, &mut f.witness)?,
                Key::Synchronous => read_optional(&mut map, &mut f.synchronous)?,
                Key::Listener => read(&mut map, &mut f.listener)?,
                Key::Replicas => read(&mut map, &mut f.replicas)?,
                Key::ActiveActive => read_optional(&mut map, &mut f.active_active)?,
                Key::QuorumWitness => read_optional(&mut map, &mut f.quorum_witness)?,
                Key::VirtualName => read(&mut map, &mut f.virtual_name)?,
                Key::Instance => read(&mut map, &mut f.instance)?,
                Key::Nodes => read(&mut map, &mut f.nodes)?,
            }
        }
        let mode = required(f.mode, "mode")?;
        let allowed = keys_of(mode);
        if let Some(key) = f
            .seen
            .iter()
            .find(|key| **key != Key::Mode && !allowed.contains(&key.name()))
        {
            return Err(de::Error::unknown_field(key.name(), allowed));
        }
        let cluster = |f: Fields| -> Result<Cluster, A::Error> {
            Ok(Cluster {
                virtual_name: required(f.virtual_name, "virtual_name")?,
                instance: required(f.instance, "instance")?,
                nodes: required(f.nodes, "nodes")?,
                quorum_witness: f.quorum_witness,
            })
        };
        Ok(match mode {
            HaMode::None => Ha::None {
                server: required(f.server, "server")?,
            },
            HaMode::Mirroring => Ha::Mirroring {
                principal: required(f.principal, "principal")?,
                mirror: required(f.mirror, "mirror")?,
                witness: f.witness,
                synchronous: f.synchronous,
            },
            HaMode::AlwaysOnAg => Ha::AlwaysOnAg {
                listener: required(f.listener, "listener")?,
                replicas: required(f.replicas, "replicas")?,
                active_active: f.active_active,
                quorum_witness: f.quorum_witness,
            },
            HaMode::AlwaysOnFci => Ha::AlwaysOnFci(cluster(f)?),
            HaMode::FailoverCluster => Ha::FailoverCluster(cluster(f)?),
        })
    }
}

impl<'de> Deserialize<'de> for Ha {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(HaVisitor)
    }
}
