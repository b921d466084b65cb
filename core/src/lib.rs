//! hadr-rules: Microsoft's high-availability and disaster-recovery support rules for Lync
//! Server 2013 and Skype for Business Server 2015, 2019 and Subscription Edition, as an engine
//! that checks a topology and explains what is unsupported, what is unwise, and why.
//!
//! ```
//! let json = br#"{"format": 1, "sites": [{"id": "dallas"}], "pools": []}"#;
//! let topology = hadr_rules::Topology::from_json(json).unwrap();
//! let report = hadr_rules::check(&topology, &hadr_rules::Options::default());
//! assert_eq!(report.diagnostics[0].rule, hadr_rules::RuleId::Cms001);
//! ```
//!
//! # Rules and diagnostics
//!
//! Each checked rule is a [`RuleId`] variant; [`RuleId::rule`] is its registry entry (title,
//! severity, products, sources, documentation). [`Options::select`] and [`Options::ignore`]
//! choose the rules that run: the others are not evaluated at all.
//!
//! A [`Diagnostic`] is cheap while the check runs: it holds its rule, names shared with the
//! topology, a structured [`Pointer`] and typed [`Facts`]; [`Diagnostic::message`] and
//! [`Diagnostic::help`] write its text when read, and [`Report::to_json`] gives the bytes of
//! `docs/report-format.md`.
//!
//! ```
//! use hadr_rules::{Options, RuleId, Selector, Topology, check};
//!
//! let json = br#"{"format": 1, "sites": [{"id": "dallas"}], "pools": [
//!   {"fqdn": "pool.contoso.com", "site": "dallas", "kind": "front_end",
//!    "edition": "enterprise", "product": "sfb2019", "cms": "active",
//!    "servers": [{"fqdn": "fe1.contoso.com"}, {"fqdn": "fe2.contoso.com"}],
//!    "back_end": "be"}],
//!   "sql_stores": [{"id": "be", "ha": {"mode": "always_on_ag", "listener": "agl.contoso.com",
//!    "replicas": [{"fqdn": "sql1.contoso.com", "commit": "synchronous", "failover": "automatic"},
//!                 {"fqdn": "sql2.contoso.com", "commit": "synchronous", "failover": "automatic"}]}}]}"#;
//! let topology = Topology::from_json(json).unwrap();
//! let options = Options {
//!     select: vec![Selector::parse("FE").unwrap()],
//!     ignore: vec![Selector::parse("FE-011").unwrap()],
//!     ..Options::default()
//! };
//! let report = check(&topology, &options);
//! let two_servers = report
//!     .diagnostics
//!     .iter()
//!     .find(|d| d.rule == RuleId::Fe003)
//!     .unwrap();
//! assert_eq!(two_servers.path.to_string(), "/pools/0/servers");
//! assert!(two_servers.message().to_string().contains("two Front End Servers"));
//! assert!(report.diagnostics.iter().all(|d| d.rule.rule().family.as_str() == "FE"));
//! ```

// The README's example is the crate page's on crates.io: keep it compiling and passing.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

pub mod baseline;
pub mod config;
pub mod document;
pub mod generate;
pub mod import;
pub mod lifecycle;
pub mod matrix;
pub mod output;
pub mod read;
pub mod readiness;
pub mod registry;
pub mod simulate;
pub mod support;
pub mod tokens;

mod caseless;
mod check;
mod error;
mod limits;
mod report;
mod rules;
mod topology;

pub use check::{Options, RuleSet, Selector, SelectorError, Suppression, check};
pub use document::parse::MAX_DEPTH;
pub use error::{ErrorKind, InputError, TopologyError, closest};
pub use limits::{Limits, parse_size};
pub use registry::RuleId;
pub use report::{
    Diagnostic, Fact, Facts, MessageText, MissingFacts, Pointer, RULESET, Report, ReportJsonError,
    Segment, Summary,
};
pub use topology::{
    NodeFacts, NodeRole, NodeSlot, Pairing, PoolFacts, StoreFacts, Topology, WitnessFacts,
};

/// The JSON Schema of the topology document, format 1.
pub fn schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(document::Document)).unwrap_or_default()
}
