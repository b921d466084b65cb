//! The engine: resolves the options to the rules that run, runs them over a topology and weighs
//! their findings into a report.

use std::collections::HashSet;
use std::fmt;
use std::sync::Arc;

use crate::caseless::Caseless;
use crate::registry::{self, Evaluation, RuleId};
use crate::report::{Diagnostic, Report};
use crate::rules::{self, Finding, Findings};
use crate::tokens::{Family, Product, Severity};
use crate::topology::Topology;

/// How a check runs and how its findings are weighed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// Accept basic AlwaysOn Availability Groups on SQL Server Standard edition, which the
    /// documentation contradicts itself about (catalog C-1): reported as a warning, not an error.
    pub allow_basic_ag_on_standard: bool,
    /// The rules to run; every checked rule when empty. See [`Options::rule_set`].
    pub select: Vec<Selector>,
    /// Rules not to run, even when selected.
    pub ignore: Vec<Selector>,
    /// Severity overrides. A rule-ID selector wins over a family selector; the last of equal
    /// selectors wins. Unverified findings stay below `error` whatever the override.
    pub severity: Vec<(Selector, Severity)>,
    /// Findings to keep in the report but not count.
    pub suppress: Vec<Suppression>,
}

/// A rule or a whole family, as the options name them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Selector {
    /// One checked rule.
    Rule(RuleId),
    /// Every rule of a family.
    Family(Family),
}

/// Why a text does not select rules.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SelectorError {
    /// A catalog cross-reference: its findings are reported under another rule.
    #[error("`{id}` is reported as `{target}`: name `{target}` instead")]
    Alias {
        /// The alias.
        id: &'static str,
        /// The rule that reports its findings.
        target: &'static str,
    },
    /// A rule no topology can show: it never reports.
    #[error("`{id}` is guidance and never reported: {reason}")]
    Guidance {
        /// The rule.
        id: &'static str,
        /// Why it is not checked.
        reason: &'static str,
    },
    /// Neither a rule nor a family.
    #[error("unknown rule or family `{text}`{}", hint(*.closest))]
    Unknown {
        /// What was given.
        text: String,
        /// The closest checked rule ID or family.
        closest: Option<&'static str>,
    },
}

fn hint(closest: Option<&'static str>) -> String {
    closest.map_or_else(String::new, |id| format!("; did you mean `{id}`?"))
}

impl Selector {
    /// Parses `PAIR-001` or `PAIR` (any case). An alias, a guidance rule or an unknown ID is
    /// refused with the rule to name instead, or the closest valid one.
    pub fn parse(text: &str) -> Result<Selector, SelectorError> {
        let text = text.trim();
        if let Some(family) = Family::ALL
            .iter()
            .find(|family| family.as_str().eq_ignore_ascii_case(text))
        {
            return Ok(Selector::Family(*family));
        }
        match registry::rule(text).map(|rule| (rule, rule.evaluation)) {
            Some((rule, Evaluation::Checked)) => RuleId::parse(rule.id)
                .map(Selector::Rule)
                .ok_or_else(|| unknown(text)),
            Some((rule, Evaluation::AliasOf(target))) => Err(SelectorError::Alias {
                id: rule.id,
                target,
            }),
            Some((rule, Evaluation::Guidance(reason))) => Err(SelectorError::Guidance {
                id: rule.id,
                reason,
            }),
            None => Err(unknown(text)),
        }
    }

    fn matches(&self, rule: RuleId) -> bool {
        match self {
            Selector::Rule(id) => *id == rule,
            Selector::Family(family) => rule.rule().family == *family,
        }
    }

    fn is_rule(&self) -> bool {
        matches!(self, Selector::Rule(_))
    }
}

impl fmt::Display for Selector {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Selector::Rule(id) => f.write_str(id.as_str()),
            Selector::Family(family) => f.write_str(family.as_str()),
        }
    }
}

/// The closest checked rule ID or family to a misspelt selector.
fn unknown(text: &str) -> SelectorError {
    let wanted = text.to_uppercase();
    let closest = RuleId::ALL
        .iter()
        .map(|id| id.as_str())
        .chain(registry::families().map(Family::as_str))
        .map(|candidate| (strsim::levenshtein(&wanted, candidate), candidate))
        .filter(|(distance, _)| *distance <= 2)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, candidate)| candidate);
    SelectorError::Unknown {
        text: text.to_owned(),
        closest,
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

/// The checked rules that run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleSet(Vec<bool>);

impl RuleSet {
    /// Whether `rule` runs.
    pub fn contains(&self, rule: RuleId) -> bool {
        self.0.get(rule.index()).copied().unwrap_or(false)
    }

    /// The rules that run, in catalog order.
    pub fn iter(&self) -> impl Iterator<Item = RuleId> + '_ {
        RuleId::ALL.iter().copied().filter(|id| self.contains(*id))
    }
}

impl Options {
    /// The rules that run, as ruff resolves `select` and `ignore`: the most specific selector
    /// naming a rule decides (a rule ID over its family), `ignore` winning a tie; a rule no
    /// selector names runs only when `select` is empty.
    pub fn rule_set(&self) -> RuleSet {
        let decide = |rule: RuleId| {
            let most_specific = |selectors: &[Selector]| {
                selectors
                    .iter()
                    .filter(|s| s.matches(rule))
                    .map(|s| if s.is_rule() { 2 } else { 1 })
                    .max()
                    .unwrap_or(0)
            };
            let (selected, ignored) = (most_specific(&self.select), most_specific(&self.ignore));
            if selected == 0 && ignored == 0 {
                self.select.is_empty()
            } else {
                selected > ignored
            }
        };
        RuleSet(RuleId::ALL.iter().map(|id| decide(*id)).collect())
    }
}

/// Checks a topology against the selected rules and returns the report.
///
/// Pure: the same topology and options always give the same report.
pub fn check(topology: &Topology, options: &Options) -> Report {
    let selected = options.rule_set();
    let mut findings = Findings::new(&selected);
    rules::run(topology, options, &mut findings);
    let subscription_edition = subscription_edition_names(topology);
    let reasons: Vec<Arc<str>> = options
        .suppress
        .iter()
        .map(|s| Arc::from(s.reason.as_str()))
        .collect();
    let diagnostics = findings
        .into_vec()
        .into_iter()
        .map(|finding| {
            let d = &finding.0;
            let touches = !subscription_edition.is_empty()
                && std::iter::once(&d.subject)
                    .chain(d.related.iter())
                    .any(|name| subscription_edition.contains(&Caseless(name)));
            weigh(finding, touches, options, &reasons)
        })
        .collect();
    Report::new(diagnostics)
}

/// The pools and servers of Subscription Edition: every statement about them rests on secondary
/// sources (catalog §0), so findings that name them are unverified.
fn subscription_edition_names(topology: &Topology) -> HashSet<Caseless<'_>> {
    topology
        .pools()
        .filter(|(_, pool, _)| pool.product == Product::SfbSe)
        .flat_map(|(_, pool, _)| {
            std::iter::once(&pool.fqdn).chain(pool.servers.iter().map(|s| &s.fqdn))
        })
        .map(|name| Caseless(name))
        .collect()
}

/// Applies the registry and the options to a finding.
fn weigh(
    finding: Finding,
    subscription_edition: bool,
    options: &Options,
    reasons: &[Arc<str>],
) -> Diagnostic {
    let Finding(mut diagnostic) = finding;
    let rule = diagnostic.rule;
    let entry = rule.rule();
    let not_evaluated = diagnostic.not_evaluated;
    let unverified =
        !not_evaluated && (diagnostic.unverified || subscription_edition || entry.is_unverified());
    let mut severity = diagnostic.severity;
    if !not_evaluated {
        severity = override_for(rule, options).unwrap_or(severity);
        if unverified && severity == Severity::Error {
            severity = Severity::Warning;
        }
    }
    diagnostic.severity = severity;
    diagnostic.unverified = unverified;
    diagnostic.suppressed = options
        .suppress
        .iter()
        .zip(reasons)
        .rev()
        .find(|(s, _)| {
            s.selector.matches(rule)
                && s.subject
                    .as_ref()
                    .is_none_or(|subject| subject.eq_ignore_ascii_case(&diagnostic.subject))
        })
        .map(|(_, reason)| Arc::clone(reason));
    diagnostic
}

/// The severity the options set for a rule: a rule selector wins over a family selector.
fn override_for(rule: RuleId, options: &Options) -> Option<Severity> {
    let last = |want_rule: bool| {
        options
            .severity
            .iter()
            .rev()
            .find(|(selector, _)| selector.is_rule() == want_rule && selector.matches(rule))
            .map(|(_, severity)| *severity)
    };
    last(true).or_else(|| last(false))
}
