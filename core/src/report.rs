//! The report of a check, format 1 (`docs/report-format.md`).

use std::borrow::Cow;
use std::cmp::Ordering;

use serde::Serialize;
use serde_json::{Map, Value};

use crate::lifecycle::Date;
use crate::tokens::Severity;

/// The version of the rule set, reported with every check.
pub const RULESET: &str = "2026.1";

/// What a check of one topology found.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// Always `1`.
    pub format: u32,
    /// The rule-set version, e.g. `2026.1`.
    pub ruleset: &'static str,
    /// The day the lifecycle rules judged the topology on; absent when none ran.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub check_date: Option<Date>,
    /// Counts by severity.
    pub summary: Summary,
    /// Findings, sorted by severity, rule ID, subject.
    pub diagnostics: Vec<Diagnostic>,
}

/// Counts of the report's diagnostics.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Errors, suppressed ones left out.
    pub error: usize,
    /// Warnings, suppressed ones left out.
    pub warning: usize,
    /// Infos, suppressed and not-evaluated ones left out.
    pub info: usize,
    /// Rule × subject pairs that could not be evaluated for lack of a fact.
    pub not_evaluated: usize,
    /// Findings silenced by the configuration (still listed).
    pub suppressed: usize,
}

/// One finding.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Diagnostic {
    /// The rule's catalog ID.
    pub rule: &'static str,
    /// `error`, `warning` or `info`.
    pub severity: Severity,
    /// The entity the finding is about.
    pub subject: String,
    /// Other entities involved.
    pub related: Vec<String>,
    /// JSON Pointer of the fact that triggered it.
    pub path: String,
    /// One sentence with the concrete values.
    pub message: String,
    /// What to change.
    pub help: Cow<'static, str>,
    /// The values the rule read.
    pub facts: Map<String, Value>,
    /// Documentation links.
    pub references: &'static [String],
    /// The rule could not run for this subject: `facts.missing` names the absent keys.
    #[serde(skip_serializing_if = "is_false")]
    pub not_evaluated: bool,
    /// The finding rests on a secondary or no source: never an error.
    #[serde(skip_serializing_if = "is_false")]
    pub unverified: bool,
    /// Why the configuration silenced it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suppressed: Option<String>,
}

fn is_false(value: &bool) -> bool {
    !*value
}

impl Diagnostic {
    /// The order of the report: severity (error first), rule ID, subject, then path and message
    /// so that equal inputs give equal bytes.
    fn order(&self, other: &Self) -> Ordering {
        other
            .severity
            .cmp(&self.severity)
            .then_with(|| self.rule.cmp(other.rule))
            .then_with(|| self.subject.cmp(&other.subject))
            .then_with(|| self.path.cmp(&other.path))
            .then_with(|| self.message.cmp(&other.message))
    }
}

impl Report {
    /// A report of these diagnostics, sorted and counted.
    pub(crate) fn new(mut diagnostics: Vec<Diagnostic>, check_date: Option<Date>) -> Self {
        diagnostics.sort_unstable_by(Diagnostic::order);
        let mut summary = Summary::default();
        for diagnostic in &diagnostics {
            if diagnostic.suppressed.is_some() {
                summary.suppressed += 1;
            } else if diagnostic.not_evaluated {
                summary.not_evaluated += 1;
            } else {
                match diagnostic.severity {
                    Severity::Error => summary.error += 1,
                    Severity::Warning => summary.warning += 1,
                    Severity::Info => summary.info += 1,
                }
            }
        }
        Report {
            format: 1,
            ruleset: RULESET,
            check_date,
            summary,
            diagnostics,
        }
    }

    /// The report as JSON, two-space indented, with a final newline: the bytes every interface
    /// returns.
    pub fn to_json(&self) -> String {
        let mut json = serde_json::to_string_pretty(self).unwrap_or_default();
        json.push('\n');
        json
    }

    /// Whether any finding that is not suppressed is at or above `level`.
    pub fn fails(&self, level: Severity) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.suppressed.is_none() && !d.not_evaluated && d.severity >= level)
    }

    /// The exit status of `hadr-rules check`: `0` nothing at or above `level`, `1` otherwise.
    pub fn exit_code(&self, level: Severity) -> i32 {
        i32::from(self.fails(level))
    }
}
