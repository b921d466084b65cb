//! Not-evaluated diagnostics grouped by the facts they lack, so that a report on a topology
//! without operating systems says so once instead of once per server.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use super::{Diagnostic, Fact, Pointer, Report, Segment};
use crate::caseless::Caseless;
use crate::registry::RuleId;
use crate::topology::Topology;

/// Rules that could not run for the same missing keys on the same kind of entity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MissingFacts {
    /// The rules, in catalog order.
    pub rules: Vec<RuleId>,
    /// How many subjects they could not be evaluated for.
    pub subjects: usize,
    /// What the subjects are: `servers`, `pools`, `SQL stores`, `sites`, `gateways` or `subjects`.
    pub subject_kind: &'static str,
    /// The missing keys (the last key of each missing pointer), sorted.
    pub keys: Vec<&'static str>,
    /// Where the keys go: `servers`, `pools`, `SQL stores`, `SQL nodes`, `sites` or `gateways`.
    pub holder: &'static str,
}

impl fmt::Display for MissingFacts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let rules: Vec<&str> = self.rules.iter().map(|r| r.as_str()).collect();
        let keys: Vec<String> = self.keys.iter().map(|k| format!("`{k}`")).collect();
        let it = if self.keys.len() == 1 { "it" } else { "them" };
        // Every kind is an English plural in `s`: "1 pool", "1 SQL store".
        let kind = match self.subjects {
            1 => self
                .subject_kind
                .strip_suffix('s')
                .unwrap_or(self.subject_kind),
            _ => self.subject_kind,
        };
        write!(
            f,
            "{} not evaluated for {} {kind}: {} missing — add {it} to the {} or a facts file",
            rules.join(", "),
            self.subjects,
            keys.join(", "),
            self.holder
        )
    }
}

impl Report {
    /// The not-evaluated diagnostics that are not suppressed, grouped by missing keys and the
    /// kind of entity that lacks them; the largest groups first.
    pub fn missing_facts(&self, topology: &Topology) -> Vec<MissingFacts> {
        let kinds = SubjectKinds::new(topology);
        let mut groups: BTreeMap<Key, (BTreeSet<RuleId>, BTreeSet<&str>)> = BTreeMap::new();
        for diagnostic in self
            .diagnostics
            .iter()
            .filter(|d| d.not_evaluated && d.suppressed.is_none())
        {
            let key = Key {
                keys: missing_keys(diagnostic),
                holder: holder(diagnostic),
                subject_kind: kinds.of(&diagnostic.subject),
            };
            let (rules, subjects) = groups.entry(key).or_default();
            rules.insert(diagnostic.rule);
            subjects.insert(diagnostic.subject.as_str());
        }
        let mut list: Vec<MissingFacts> = groups
            .into_iter()
            .map(|(key, (rules, subjects))| MissingFacts {
                rules: rules.into_iter().collect(),
                subjects: subjects.len(),
                subject_kind: key.subject_kind,
                keys: key.keys,
                holder: key.holder,
            })
            .collect();
        list.sort_by(|a, b| {
            b.subjects
                .cmp(&a.subjects)
                .then_with(|| a.rules.cmp(&b.rules))
        });
        list
    }
}

#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Key {
    keys: Vec<&'static str>,
    holder: &'static str,
    subject_kind: &'static str,
}

fn pointers(diagnostic: &Diagnostic) -> &[Pointer] {
    match diagnostic.facts.get("missing") {
        Some(Fact::Pointers(missing)) => missing,
        _ => &[],
    }
}

fn missing_keys(diagnostic: &Diagnostic) -> Vec<&'static str> {
    let keys: BTreeSet<&'static str> = pointers(diagnostic)
        .iter()
        .filter_map(|p| {
            p.segments().rev().find_map(|s| match s {
                Segment::Key(key) => Some(key),
                Segment::Index(_) => None,
            })
        })
        .collect();
    keys.into_iter().collect()
}

/// The kind of entity the first missing key belongs to.
fn holder(diagnostic: &Diagnostic) -> &'static str {
    let Some(pointer) = pointers(diagnostic).first() else {
        return "topology";
    };
    let keys: Vec<&str> = pointer
        .segments()
        .filter_map(|s| match s {
            Segment::Key(key) => Some(key),
            Segment::Index(_) => None,
        })
        .collect();
    match keys.as_slice() {
        ["pools", "servers", ..] => "servers",
        ["pools", ..] => "pools",
        ["sql_stores", "ha", _, _, ..] => "SQL nodes",
        ["sql_stores", ..] => "SQL stores",
        ["sites", ..] => "sites",
        ["pstn_gateways", ..] => "gateways",
        _ => "topology",
    }
}

/// What each name of the topology is, for the subject of a group.
struct SubjectKinds<'a>(std::collections::HashMap<Caseless<'a>, &'static str>);

impl<'a> SubjectKinds<'a> {
    fn new(topology: &'a Topology) -> Self {
        let mut kinds = std::collections::HashMap::new();
        for (_, pool, _) in topology.pools() {
            for server in &pool.servers {
                kinds.insert(Caseless(server.fqdn.as_str()), "servers");
            }
        }
        for (_, pool, _) in topology.pools() {
            kinds.insert(Caseless(pool.fqdn.as_str()), "pools");
        }
        for (_, store, _) in topology.stores() {
            kinds.insert(Caseless(store.id.as_str()), "SQL stores");
        }
        for site in &topology.document().sites {
            kinds.insert(Caseless(site.id.as_str()), "sites");
        }
        for (_, gateway, _) in topology.gateways() {
            kinds.insert(Caseless(gateway.fqdn.as_str()), "gateways");
        }
        SubjectKinds(kinds)
    }

    fn of(&self, subject: &str) -> &'static str {
        self.0
            .get(&Caseless(subject))
            .copied()
            .unwrap_or("subjects")
    }
}
