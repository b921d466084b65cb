//! What a rule reports: a [`Finding`] about one subject, collected in [`Findings`] for the
//! rules that the options select.

use std::borrow::Cow;

use crate::check::RuleSet;
use crate::document::Text;
use crate::registry::RuleId;
use crate::report::{Diagnostic, Fact, Facts, Message, Pointer};
use crate::tokens::{Family, Severity};

/// A finding of one rule about one subject, before the options weigh it: a diagnostic whose
/// severity is the rule's (or the one the rule set), so that the report reuses its memory.
#[derive(Debug, Clone)]
pub(crate) struct Finding(pub(crate) Diagnostic);

impl Finding {
    /// A finding of `rule` about `subject`, triggered by the fact at `path`.
    pub(crate) fn new(
        rule: RuleId,
        subject: impl Name,
        path: Pointer,
        message: impl Into<Box<str>>,
    ) -> Self {
        Finding(Diagnostic {
            rule,
            severity: rule.rule().severity(),
            subject: subject.name(),
            related: Box::default(),
            path,
            facts: Facts::default(),
            not_evaluated: false,
            unverified: false,
            suppressed: None,
            message: Message::Text(message.into()),
            help: None,
        })
    }

    /// `rule` could not run for `subject`: the pointers of the absent keys (duplicates
    /// dropped), named in the message when it is read.
    pub(crate) fn not_evaluated(
        rule: RuleId,
        subject: impl Name,
        mut missing: Vec<Pointer>,
    ) -> Self {
        let mut seen = std::collections::HashSet::new();
        missing.retain(|key| seen.insert(*key));
        let path = missing.first().copied().unwrap_or_default();
        let mut finding = Finding::new(rule, subject, path, "")
            .fact("missing", missing)
            .severity(Severity::Info)
            .help("add the missing facts to the topology so that the rule can be evaluated");
        finding.0.message = Message::NotEvaluated;
        finding.0.not_evaluated = true;
        finding
    }

    /// The rule.
    pub(crate) fn rule(&self) -> RuleId {
        self.0.rule
    }

    /// Other entities involved.
    pub(crate) fn related<N: Name>(mut self, related: impl IntoIterator<Item = N>) -> Self {
        let mut all = std::mem::take(&mut self.0.related).into_vec();
        all.extend(related.into_iter().map(Name::name));
        self.0.related = all.into_boxed_slice();
        self
    }

    /// A value the rule read.
    pub(crate) fn fact(mut self, key: &'static str, value: impl Into<Fact>) -> Self {
        self.0.facts.insert(key, value.into());
        self
    }

    /// What to change, when it is more specific than the rule's documented fix.
    pub(crate) fn help(mut self, help: impl Into<Cow<'static, str>>) -> Self {
        self.0.help = Some(help.into());
        self
    }

    /// A severity other than the rule's default.
    pub(crate) fn severity(mut self, severity: Severity) -> Self {
        self.0.severity = severity;
        self
    }

    /// Marks the finding as resting on a secondary or no source.
    pub(crate) fn unverified(mut self, unverified: bool) -> Self {
        self.0.unverified |= unverified;
        self
    }
}

/// The findings of one check, for the rules the options select.
#[derive(Debug)]
pub(crate) struct Findings<'a> {
    list: Vec<Finding>,
    selected: &'a RuleSet,
}

impl<'a> Findings<'a> {
    pub(crate) fn new(selected: &'a RuleSet) -> Self {
        Findings {
            list: Vec::new(),
            selected,
        }
    }

    /// Whether `rule` runs: a check skips the work of a rule that is not selected.
    pub(crate) fn wants(&self, rule: RuleId) -> bool {
        self.selected.contains(rule)
    }

    /// Whether any rule of `family` runs.
    pub(crate) fn wants_family(&self, family: Family) -> bool {
        self.selected
            .iter()
            .any(|rule| rule.rule().family == family)
    }

    /// Whether any of `rules` runs.
    pub(crate) fn wants_any(&self, rules: &[RuleId]) -> bool {
        rules.iter().any(|rule| self.wants(*rule))
    }

    /// Adds a finding of a selected rule.
    pub(crate) fn push(&mut self, mut finding: Finding) {
        if self.wants(finding.rule()) {
            finding.0.facts.shrink();
            self.list.push(finding);
        }
    }

    pub(crate) fn into_vec(self) -> Vec<Finding> {
        self.list
    }
}

/// A name a finding holds: a name of the topology is shared (a reference count or an inline
/// copy), never copied to a new string.
pub(crate) trait Name {
    fn name(self) -> Text;
}

impl Name for &Text {
    fn name(self) -> Text {
        self.clone()
    }
}

impl Name for &&Text {
    fn name(self) -> Text {
        (*self).clone()
    }
}

impl Name for &str {
    fn name(self) -> Text {
        Text::new(self)
    }
}

impl Name for &&str {
    fn name(self) -> Text {
        Text::new(self)
    }
}

impl Name for &String {
    fn name(self) -> Text {
        Text::new(self)
    }
}

impl Name for String {
    fn name(self) -> Text {
        Text::from(self)
    }
}
