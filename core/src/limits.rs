//! Limits on what a check reads: past them, a clear error instead of exhausted memory or time.

use crate::document::{Document, Ha};
use crate::error::{ErrorKind, InputError};

/// How much input a check accepts. The defaults suit every real deployment; raise them for
/// generated load tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest input, in bytes: a JSON document, XML text, or a zip archive (default 64 MiB).
    pub max_document_bytes: usize,
    /// Most entities in a topology: sites, pools, servers, SQL stores, SQL nodes and file
    /// stores together (default 1,000,000).
    pub max_entities: usize,
    /// Most entries in a zip (default 10,000).
    pub max_entries: usize,
    /// Largest expanded zip entry, in bytes (default 64 MiB).
    pub max_entry_size: u64,
    /// Largest expansion ratio of a zip entry above `ratio_floor` bytes (default 100).
    pub max_ratio: u64,
    /// Zip entries up to this size are not held to `max_ratio` (default 1 MiB).
    pub ratio_floor: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_document_bytes: 64 << 20,
            max_entities: 1_000_000,
            max_entries: 10_000,
            max_entry_size: 64 << 20,
            max_ratio: 100,
            ratio_floor: 1 << 20,
        }
    }
}

impl Limits {
    /// The default limits with the size and entity limits a caller gave, if any. A limit of 0
    /// takes the default, in every interface (the C ABI has always read 0 so): a limit that
    /// refuses every input is never meant.
    pub fn with(max_document_bytes: Option<usize>, max_entities: Option<usize>) -> Limits {
        let default = Limits::default();
        Limits {
            max_document_bytes: max_document_bytes
                .filter(|n| *n > 0)
                .unwrap_or(default.max_document_bytes),
            max_entities: max_entities
                .filter(|n| *n > 0)
                .unwrap_or(default.max_entities),
            ..default
        }
    }

    /// The error for an input of `len` bytes above `max_document_bytes`, if it is; `what`
    /// names the input (`document`, `XML file`).
    pub fn size(&self, len: usize, what: &str) -> Result<(), Box<InputError>> {
        if len <= self.max_document_bytes {
            return Ok(());
        }
        Err(self.too_long(format!(
            "the {what} is {} long, more than the limit of {}",
            bytes(len),
            bytes(self.max_document_bytes)
        )))
    }

    /// The error for a stream that went on past `max_document_bytes`: its length is not
    /// known, since it was not read further.
    pub(crate) fn longer(&self, what: &str) -> Box<InputError> {
        self.too_long(format!(
            "the {what} is longer than the limit of {}",
            bytes(self.max_document_bytes)
        ))
    }

    fn too_long(&self, message: String) -> Box<InputError> {
        Box::new(
            InputError::at(ErrorKind::TooLarge, "", message).expected(format!(
                "at most {}, or a higher limit set with `--max-document-size`, `max_document_bytes` or `hadr_check_json_with_limits`",
                bytes(self.max_document_bytes)
            )),
        )
    }

    /// The error for a document with more entities than `max_entities`, if it has.
    pub(crate) fn entities(&self, document: &Document) -> Result<(), Box<InputError>> {
        let count = entities(document);
        if count <= self.max_entities {
            return Ok(());
        }
        Err(Box::new(
            InputError::at(
                ErrorKind::TooLarge,
                "",
                format!(
                    "the topology holds {count} entities (sites, pools, servers, SQL stores and nodes, file stores, gateways, site links and failover gateways), more than the limit of {}",
                    self.max_entities
                ),
            )
            .expected(format!(
                "at most {} entities, or a higher limit set with `--max-entities`, `max_entities` or `hadr_check_json_with_limits`",
                self.max_entities
            )),
        ))
    }
}

/// Sites, pools, servers, SQL stores, SQL nodes, file stores, gateways, site links and failover
/// gateways.
fn entities(document: &Document) -> usize {
    let servers: usize = document.pools.iter().map(|p| p.servers.len()).sum();
    let nodes: usize = document
        .sql_stores
        .iter()
        .map(|store| match &store.ha {
            Ha::None { .. } => 1,
            Ha::Mirroring { witness, .. } => 2 + usize::from(witness.is_some()),
            Ha::AlwaysOnAg { replicas, .. } => replicas.len(),
            Ha::AlwaysOnFci(cluster) | Ha::FailoverCluster(cluster) => cluster.nodes.len(),
        })
        .sum();
    document.sites.len()
        + document.pools.len()
        + servers
        + document.sql_stores.len()
        + nodes
        + document.file_stores.len()
        + document.pstn_gateways.as_ref().map_or(0, Vec::len)
        + document
            .sites
            .iter()
            .map(|s| {
                s.links.as_ref().map_or(0, Vec::len)
                    + s.failover_gateways.as_ref().map_or(0, Vec::len)
            })
            .sum::<usize>()
}

/// `64 MiB` for a whole number of a unit, else `67108865 bytes`.
fn bytes(n: usize) -> String {
    const UNITS: [(&str, usize); 3] = [("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)];
    UNITS
        .iter()
        .find(|(_, size)| n >= *size && n.is_multiple_of(*size))
        .map_or_else(
            || format!("{n} bytes"),
            |(unit, size)| format!("{} {unit}", n / size),
        )
}

/// A size in bytes, or with a unit: `1000`, `64KiB`, `64MiB`, `1GiB`.
pub fn parse_size(text: &str) -> Result<usize, String> {
    let text = text.trim();
    let split = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let (number, unit) = text.split_at(split);
    let shift = match unit.trim() {
        "" | "B" => 0,
        "KiB" => 10,
        "MiB" => 20,
        "GiB" => 30,
        other => return Err(format!("unknown unit `{other}`: use B, KiB, MiB or GiB")),
    };
    number
        .parse::<usize>()
        .ok()
        .and_then(|n| n.checked_mul(1 << shift))
        .ok_or_else(|| format!("`{text}` is not a size: write bytes, or e.g. `64MiB`"))
}
