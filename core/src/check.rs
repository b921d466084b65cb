//! The engine: runs every checked rule over a topology and turns findings into a report.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use serde_json::{Map, Value};

use crate::lifecycle::{self, DEFAULT_WARN_MONTHS, Date};
use crate::registry::{self, Evaluation, Rule};
use crate::report::{Diagnostic, Report};
use crate::rules;
use crate::tokens::{Family, Product, Severity};
use crate::topology::Topology;

/// How a check runs and how its findings are weighed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// Accept basic AlwaysOn Availability Groups on SQL Server Standard edition, which the
    /// documentation contradicts itself about (catalog C-1): reported as a warning, not an error.
    pub allow_basic_ag_on_standard: bool,
    /// Severity overrides. A rule-ID selector wins over a family selector; the last of equal
    /// selectors wins. Unverified findings stay below `error` whatever the override.
    pub severity: Vec<(Selector, Severity)>,
    /// Findings to keep in the report but not count.
    pub suppress: Vec<Suppression>,
    /// The day the lifecycle rules judge the topology on; today (UTC) when `None`.
    pub as_of: Option<Date>,
    /// How many months ahead an end of support counts as approaching (LIFE-002);
    /// [`DEFAULT_WARN_MONTHS`] when `None`.
    pub approaching_months: Option<u32>,
}

impl Options {
    /// The check date: `as_of`, or today.
    pub fn check_date(&self) -> Date {
        self.as_of.unwrap_or_else(lifecycle::today)
    }

    /// The warning horizon in months.
    pub fn approaching_months(&self) -> u32 {
        self.approaching_months.unwrap_or(DEFAULT_WARN_MONTHS)
    }
}

/// A rule ID or a whole family.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Selector {
    /// One rule, by catalog ID.
    Rule(String),
    /// Every rule of a family.
    Family(Family),
}

impl Selector {
    /// Parses `PAIR-001` or `PAIR`.
    pub fn parse(text: &str) -> Option<Selector> {
        if let Some(rule) = registry::rule(text) {
            return Some(Selector::Rule(rule.id.to_owned()));
        }
        Family::ALL
            .iter()
            .find(|family| family.as_str().eq_ignore_ascii_case(text))
            .map(|family| Selector::Family(*family))
    }

    fn matches(&self, rule: &Rule) -> bool {
        match self {
            Selector::Rule(id) => rule.id == id,
            Selector::Family(family) => rule.family == *family,
        }
    }
}

/// Silences the findings of a rule (or family), optionally for one subject, with a reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suppression {
    /// Which rules.
    pub selector: Selector,
    /// Which subject; every subject when `None`.
    pub subject: Option<String>,
    /// Why, kept in the report.
    pub reason: String,
}

/// Checks a topology against every rule and returns the report.
///
/// Pure: the same topology and options always give the same report.
pub fn check(topology: &Topology, options: &Options) -> Report {
    let mut findings = Findings::default();
    rules::run(topology, options, &mut findings);
    let subscription_edition = subscription_edition_names(topology);
    let diagnostics = findings
        .0
        .into_iter()
        .map(|finding| {
            let touches = !subscription_edition.is_empty()
                && std::iter::once(&finding.subject)
                    .chain(&finding.related)
                    .any(|name| subscription_edition.contains(&name.to_lowercase()));
            finding.unverified(touches)
        })
        .filter_map(|finding| finding.into_diagnostic(options))
        .collect();
    // No rule reads the check date yet.
    Report::new(diagnostics, None)
}

/// The pools and servers of Subscription Edition: every statement about them rests on secondary
/// sources (catalog §0), so findings that name them are unverified.
fn subscription_edition_names(topology: &Topology) -> HashSet<String> {
    topology
        .pools()
        .filter(|(_, pool, _)| pool.product == Product::SfbSe)
        .flat_map(|(_, pool, _)| {
            std::iter::once(&pool.fqdn).chain(pool.servers.iter().map(|s| &s.fqdn))
        })
        .map(|name| name.to_lowercase())
        .collect()
}

/// What a rule found about one subject, before the registry and options are applied.
#[derive(Debug, Clone)]
pub(crate) struct Finding {
    rule: &'static str,
    subject: String,
    related: Vec<String>,
    path: String,
    message: String,
    help: Option<String>,
    facts: Map<String, Value>,
    severity: Option<Severity>,
    unverified: bool,
    not_evaluated: bool,
}

impl Finding {
    /// A finding of `rule` about `subject`, triggered by the fact at `path`.
    pub(crate) fn new(
        rule: &'static str,
        subject: &str,
        path: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Finding {
            rule,
            subject: subject.to_owned(),
            related: Vec::new(),
            path: path.into(),
            message: message.into(),
            help: None,
            facts: Map::new(),
            severity: None,
            unverified: false,
            not_evaluated: false,
        }
    }

    /// `rule` could not run for `subject`: the JSON Pointers of the absent keys.
    pub(crate) fn not_evaluated(
        rule: &'static str,
        subject: &str,
        mut missing: Vec<String>,
    ) -> Self {
        let mut seen = std::collections::HashSet::new();
        missing.retain(|key| seen.insert(key.clone()));
        let keys: Vec<&str> = missing.iter().map(String::as_str).collect();
        let message = format!(
            "{rule} not evaluated for {subject}: missing {}",
            keys.join(", ")
        );
        let path = missing.first().cloned().unwrap_or_default();
        let mut finding = Finding::new(rule, subject, path, message)
            .fact("missing", missing)
            .severity(Severity::Info)
            .help("add the missing facts to the topology so that the rule can be evaluated");
        finding.not_evaluated = true;
        finding
    }

    /// The rule's ID.
    pub(crate) fn rule(&self) -> &'static str {
        self.rule
    }

    /// Other entities involved.
    pub(crate) fn related<S: AsRef<str>>(mut self, related: impl IntoIterator<Item = S>) -> Self {
        self.related
            .extend(related.into_iter().map(|s| s.as_ref().to_owned()));
        self
    }

    /// A value the rule read.
    pub(crate) fn fact(mut self, key: &str, value: impl Into<Value>) -> Self {
        self.facts.insert(key.to_owned(), value.into());
        self
    }

    /// What to change, when it is more specific than the rule's documented fix.
    pub(crate) fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// A severity other than the rule's default.
    pub(crate) fn severity(mut self, severity: Severity) -> Self {
        self.severity = Some(severity);
        self
    }

    /// Marks the finding as resting on a secondary or no source.
    pub(crate) fn unverified(mut self, unverified: bool) -> Self {
        self.unverified |= unverified;
        self
    }

    /// Applies the registry and the options; `None` for a rule the registry does not check
    /// (a programming error that the registry tests catch).
    fn into_diagnostic(self, options: &Options) -> Option<Diagnostic> {
        let text = RULE_TEXT.get(self.rule)?;
        let rule = text.rule;
        let unverified = self.unverified || rule.is_unverified();
        let mut severity = self.severity.unwrap_or(rule.severity);
        if !self.not_evaluated {
            severity = override_for(rule, options).unwrap_or(severity);
            if unverified && severity == Severity::Error {
                severity = Severity::Warning;
            }
        }
        let message = if unverified && !self.not_evaluated {
            format!("unverified: {}", self.message)
        } else {
            self.message
        };
        let suppressed = options
            .suppress
            .iter()
            .rev()
            .find(|s| {
                s.selector.matches(rule)
                    && s.subject
                        .as_ref()
                        .is_none_or(|subject| subject.eq_ignore_ascii_case(&self.subject))
            })
            .map(|s| s.reason.clone());
        Some(Diagnostic {
            rule: rule.id,
            severity,
            subject: self.subject,
            related: self.related,
            path: self.path,
            message,
            help: self
                .help
                .map_or(Cow::Borrowed(text.help.as_str()), Cow::Owned),
            facts: self.facts,
            references: &text.references,
            not_evaluated: self.not_evaluated,
            unverified: unverified && !self.not_evaluated,
            suppressed,
        })
    }
}

/// The severity the options set for a rule: a rule selector wins over a family selector.
fn override_for(rule: &Rule, options: &Options) -> Option<Severity> {
    let last = |want_rule: bool| {
        options
            .severity
            .iter()
            .rev()
            .find(|(selector, _)| {
                matches!(selector, Selector::Rule(_)) == want_rule && selector.matches(rule)
            })
            .map(|(_, severity)| *severity)
    };
    last(true).or_else(|| last(false))
}

/// What every diagnostic of a checked rule repeats, built once per process.
struct RuleText {
    rule: &'static Rule,
    references: Vec<String>,
    help: String,
}

static RULE_TEXT: LazyLock<HashMap<&'static str, RuleText>> = LazyLock::new(|| {
    registry::rules()
        .iter()
        .filter(|rule| rule.evaluation == Evaluation::Checked)
        .map(|rule| {
            let text = RuleText {
                rule,
                references: rule.references(),
                help: first_sentence(rule.doc.fix),
            };
            (rule.id, text)
        })
        .collect()
});

/// The documented fix as a help line: lower-case start, no final period.
fn first_sentence(fix: &str) -> String {
    let mut help = fix.trim().trim_end_matches('.').to_owned();
    if let Some(first) = help.get(..1) {
        let lower = first.to_lowercase();
        help.replace_range(..1, &lower);
    }
    help
}

/// The findings of one check, in the order the rules report them.
#[derive(Debug, Default)]
pub(crate) struct Findings(Vec<Finding>);

impl Findings {
    /// Adds a finding.
    pub(crate) fn push(&mut self, finding: Finding) {
        self.0.push(finding);
    }
}
