//! Baselines: the findings a team has accepted, recorded once, so that a check reports only the
//! new ones (`docs/baselines.md`).
//!
//! A finding is known by its rule, its subject and a fingerprint of the values it rests on —
//! never by its place in the document, so that reordering the topology or editing unrelated
//! entities keeps it matched.

use std::collections::BTreeMap;
use std::fmt::Write;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::error::{ErrorKind, InputError, TopologyError};
use crate::report::{Diagnostic, Report};

/// A baseline file, format 1.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    /// Always `1`.
    pub format: u32,
    /// The accepted findings, sorted by rule and subject.
    pub findings: Vec<Entry>,
}

/// One accepted finding.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// The rule ID.
    pub rule: String,
    /// The subject, as the report names it.
    pub subject: String,
    /// A hash of the finding's values with array indexes left out, 16 hex digits.
    pub fingerprint: String,
    /// The message when it was recorded, for the reader; not compared.
    pub message: String,
}

/// What applying a baseline did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Outcome {
    /// How many findings of the report the baseline knew, and so were left out.
    pub hidden: usize,
    /// The baseline's entries that no finding matched: fixed, or changed.
    pub unmatched: Vec<Entry>,
}

impl Baseline {
    /// The findings of a report that a baseline records: every one that is not suppressed,
    /// not-evaluated ones included.
    pub fn of(report: &Report) -> Baseline {
        Baseline::of_all([report])
    }

    /// The findings of several reports (the files of one run) in one baseline.
    pub fn of_all<'r>(reports: impl IntoIterator<Item = &'r Report>) -> Baseline {
        let mut findings: Vec<Entry> = reports
            .into_iter()
            .flat_map(|report| &report.diagnostics)
            .filter(|d| d.suppressed.is_none())
            .map(|d| Entry {
                rule: d.rule.as_str().to_owned(),
                subject: d.subject.to_string(),
                fingerprint: fingerprint(d),
                message: d.message().to_string(),
            })
            .collect();
        findings.sort();
        Baseline {
            format: 1,
            findings,
        }
    }

    /// The baseline as JSON, two-space indented, with a final newline.
    pub fn to_json(&self) -> String {
        let mut json = serde_json::to_string_pretty(self).unwrap_or_default();
        json.push('\n');
        json
    }

    /// Reads a baseline file; errors carry the JSON Pointer of the problem.
    pub fn from_json(bytes: &[u8]) -> Result<Baseline, TopologyError> {
        let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
        let mut deserializer = serde_json::Deserializer::from_slice(bytes);
        let baseline: Baseline =
            serde_path_to_error::deserialize(&mut deserializer).map_err(|error| {
                let pointer = crate::document::parse::pointer(error.path());
                TopologyError::from(*crate::document::parse::translate(pointer, error.inner()))
            })?;
        if baseline.format != 1 {
            return Err(InputError::at(
                ErrorKind::UnsupportedFormat,
                "/format",
                format!("baseline format `{}` is not supported", baseline.format),
            )
            .expected("`1`")
            .into());
        }
        Ok(baseline)
    }

    /// Leaves out of `report` the findings the baseline knows, and recounts it. Each entry
    /// matches one finding at most: a second finding of the same rule, subject and values is
    /// new.
    pub fn apply(&self, report: &mut Report) -> Outcome {
        self.apply_all([report])
    }

    /// [`Baseline::apply`] over the reports of one run, which share the baseline's entries.
    pub fn apply_all<'r>(&self, reports: impl IntoIterator<Item = &'r mut Report>) -> Outcome {
        let mut known: BTreeMap<(&str, String, String), Vec<&Entry>> = BTreeMap::new();
        for entry in &self.findings {
            let key = (
                entry.rule.as_str(),
                entry.subject.to_lowercase(),
                entry.fingerprint.clone(),
            );
            known.entry(key).or_default().push(entry);
        }
        let mut hidden = 0;
        for report in reports {
            report.diagnostics.retain(|d| {
                if d.suppressed.is_some() {
                    return true;
                }
                let key = (d.rule.as_str(), d.subject.to_lowercase(), fingerprint(d));
                match known.get_mut(&key).and_then(Vec::pop) {
                    Some(_) => {
                        hidden += 1;
                        false
                    }
                    None => true,
                }
            });
            report.recount();
        }
        let mut unmatched: Vec<Entry> = known.into_values().flatten().cloned().collect();
        unmatched.sort();
        Outcome { hidden, unmatched }
    }
}

impl Outcome {
    /// `{"hidden": N, "unmatched": [entries]}`, two-space indented, with a final newline.
    pub fn to_json(&self) -> String {
        let mut json = serde_json::to_string_pretty(self).unwrap_or_default();
        json.push('\n');
        json
    }
}

/// A stable hash of what a finding rests on: its values, with JSON Pointers stripped of their
/// array indexes and lists sorted, and the entities it relates, without case and sorted.
pub fn fingerprint(diagnostic: &Diagnostic) -> String {
    let mut text = String::new();
    canonical(&diagnostic.facts.to_json(), &mut text);
    let mut related: Vec<String> = diagnostic
        .related
        .iter()
        .map(|r| r.to_lowercase())
        .collect();
    related.sort();
    for name in related {
        let _ = write!(text, "|{name}");
    }
    // FNV-1a, 64 bits: stable across builds and platforms, unlike the standard hasher.
    let hash = text.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    });
    format!("{hash:016x}")
}

/// A value written with sorted keys, sorted arrays and index-free pointers.
fn canonical(value: &Value, out: &mut String) {
    match value {
        Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort();
            out.push('{');
            for key in keys {
                let _ = write!(out, "{key}:");
                if let Some(value) = map.get(key) {
                    canonical(value, out);
                }
                out.push(',');
            }
            out.push('}');
        }
        Value::Array(items) => {
            let mut items: Vec<String> = items
                .iter()
                .map(|item| {
                    let mut text = String::new();
                    canonical(item, &mut text);
                    text
                })
                .collect();
            items.sort();
            let _ = write!(out, "[{}]", items.join(","));
        }
        Value::String(text) if text.starts_with('/') => {
            let segments: Vec<&str> = text
                .split('/')
                .map(|s| if s.parse::<usize>().is_ok() { "*" } else { s })
                .collect();
            out.push_str(&segments.join("/"));
        }
        other => out.push_str(&other.to_string()),
    }
}
