//! The report of a check, format 1 (`docs/report-format.md`).

mod diagnostic;
mod facts;
mod missing;
mod pointer;
mod read;

pub(crate) use diagnostic::Message;
pub use diagnostic::{Diagnostic, MessageText};
pub use facts::{Fact, Facts};
pub use missing::MissingFacts;
pub use pointer::{Pointer, Segment};
pub use read::ReportJsonError;

use serde::Serialize;

use crate::lifecycle::Date;
use crate::tokens::{Product, Severity};

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
    /// The product every pool that can move was moved to before the check (readiness); absent
    /// for an ordinary check.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_product: Option<Product>,
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

impl Report {
    /// A report of these diagnostics, sorted and counted.
    pub(crate) fn new(mut diagnostics: Vec<Diagnostic>, check_date: Option<Date>) -> Self {
        diagnostics.sort_unstable_by(Diagnostic::order);
        let mut report = Report {
            format: 1,
            ruleset: RULESET,
            check_date,
            target_product: None,
            summary: Summary::default(),
            diagnostics,
        };
        report.recount();
        report
    }

    /// Counts the diagnostics again, after some were left out (a baseline).
    pub(crate) fn recount(&mut self) {
        let mut summary = Summary::default();
        for diagnostic in &self.diagnostics {
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
        self.summary = summary;
    }

    /// The report as JSON, two-space indented, with a final newline: the bytes every interface
    /// returns.
    pub fn to_json(&self) -> String {
        let mut json = serde_json::to_string_pretty(self).unwrap_or_default();
        json.push('\n');
        json
    }

    /// Whether a rule could not run for some subject (and is not suppressed).
    pub fn has_not_evaluated(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.not_evaluated && d.suppressed.is_none())
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
