//! hadr-rules: Microsoft's high-availability and disaster-recovery support rules for Lync
//! Server 2013 and Skype for Business Server 2015, 2019 and Subscription Edition, as an engine
//! that checks a topology and explains what is unsupported, what is unwise, and why.
//!
//! ```
//! let json = br#"{"format": 1, "sites": [{"id": "dallas"}], "pools": []}"#;
//! let topology = hadr_rules::Topology::from_json(json).unwrap();
//! let report = hadr_rules::check(&topology, &hadr_rules::Options::default());
//! assert_eq!(report.diagnostics[0].rule, "CMS-001");
//! ```

// The README's example is the crate page's on crates.io: keep it compiling and passing.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

pub mod document;
pub mod generate;
pub mod import;
pub mod matrix;
pub mod registry;
pub mod simulate;
pub mod support;
pub mod tokens;

mod caseless;
mod check;
mod error;
mod limits;
mod parse;
mod report;
mod rules;
mod topology;

pub use check::{Options, Selector, Suppression, check};
pub use error::{ErrorKind, InputError, TopologyError, closest};
pub use limits::{Limits, MAX_DEPTH};
pub use report::{Diagnostic, RULESET, Report, Summary};
pub use topology::{
    NodeFacts, NodeRole, NodeSlot, Pairing, PoolFacts, StoreFacts, Topology, WitnessFacts,
};

/// The JSON Schema of the topology document, format 1.
pub fn schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(document::Document)).unwrap_or_default()
}
