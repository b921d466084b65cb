//! One finding of a report: cheap to make, rendered when read.

use std::borrow::Cow;
use std::cmp::Ordering;
use std::fmt;
use std::sync::{Arc, LazyLock};

use serde::ser::{Serialize, SerializeMap, Serializer};

use super::facts::{Fact, Facts};
use super::pointer::Pointer;
use crate::document::Text;
use crate::registry::RuleId;
use crate::tokens::Severity;

/// One finding.
///
/// While a check runs a diagnostic holds its rule, names shared with the topology, a structured
/// pointer and typed facts; its message and help are written out by [`Diagnostic::message`] and
/// [`Diagnostic::help`] (or when the report is serialized), not when the finding is made.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    /// The rule.
    pub rule: RuleId,
    /// `error`, `warning` or `info`.
    pub severity: Severity,
    /// The entity the finding is about.
    pub subject: Text,
    /// Other entities involved.
    pub related: Box<[Text]>,
    /// The fact that triggered it.
    pub path: Pointer,
    /// The values the rule read.
    pub facts: Facts,
    /// The rule could not run for this subject: `facts.missing` names the absent keys.
    pub not_evaluated: bool,
    /// The finding rests on a secondary or no source: never an error.
    pub unverified: bool,
    /// Why the configuration silenced it.
    pub suppressed: Option<Arc<str>>,
    pub(crate) message: Message,
    pub(crate) help: Option<Cow<'static, str>>,
}

/// How a diagnostic's message is written.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Message {
    /// A sentence the rule wrote.
    Text(Box<str>),
    /// "RULE not evaluated for SUBJECT: missing KEYS", from the `missing` fact.
    NotEvaluated,
}

/// The message of a diagnostic, written by [`fmt::Display`].
#[derive(Debug, Clone, Copy)]
pub struct MessageText<'a>(&'a Diagnostic);

impl fmt::Display for MessageText<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = self.0;
        match &d.message {
            Message::Text(text) => {
                if d.unverified {
                    f.write_str("unverified: ")?;
                }
                f.write_str(text)
            }
            Message::NotEvaluated => {
                write!(f, "{} not evaluated for {}: missing ", d.rule, d.subject)?;
                if let Some(Fact::Pointers(missing)) = d.facts.get("missing") {
                    for (i, pointer) in missing.iter().enumerate() {
                        if i > 0 {
                            f.write_str(", ")?;
                        }
                        write!(f, "{pointer}")?;
                    }
                }
                Ok(())
            }
        }
    }
}

/// What every diagnostic of a rule repeats, built once per process.
struct RuleText {
    references: Vec<String>,
    help: String,
}

static RULE_TEXT: LazyLock<Vec<RuleText>> = LazyLock::new(|| {
    RuleId::ALL
        .iter()
        .map(|id| RuleText {
            references: id.rule().references(),
            help: first_sentence(id.rule().doc.fix),
        })
        .collect()
});

/// Rule IDs in the order of their text, which the report sorts by.
static TEXT_RANK: LazyLock<Vec<u16>> = LazyLock::new(|| {
    let mut order: Vec<RuleId> = RuleId::ALL.to_vec();
    order.sort_by_key(|id| id.as_str());
    let mut rank = vec![0; order.len()];
    for (position, id) in order.iter().enumerate() {
        if let Some(slot) = rank.get_mut(id.index()) {
            *slot = u16::try_from(position).unwrap_or(u16::MAX);
        }
    }
    rank
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

impl Diagnostic {
    /// One sentence with the concrete values.
    pub fn message(&self) -> MessageText<'_> {
        MessageText(self)
    }

    /// What to change.
    pub fn help(&self) -> &str {
        match &self.help {
            Some(help) => help,
            None => RULE_TEXT
                .get(self.rule.index())
                .map_or("", |text| text.help.as_str()),
        }
    }

    /// Documentation links.
    pub fn references(&self) -> &'static [String] {
        RULE_TEXT
            .get(self.rule.index())
            .map_or(&[], |text| text.references.as_slice())
    }

    /// The order of the report: severity (error first), rule ID, subject, then path and message
    /// so that equal inputs give equal bytes.
    pub(crate) fn order(&self, other: &Self) -> Ordering {
        let rank = |d: &Diagnostic| TEXT_RANK.get(d.rule.index()).copied();
        other
            .severity
            .cmp(&self.severity)
            .then_with(|| rank(self).cmp(&rank(other)))
            .then_with(|| self.subject.cmp(&other.subject))
            .then_with(|| self.path.cmp_text(&other.path))
            .then_with(|| {
                if self.message == other.message && self.unverified == other.unverified {
                    return Ordering::Equal;
                }
                self.message().to_string().cmp(&other.message().to_string())
            })
    }
}

impl Serialize for Diagnostic {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("rule", &self.rule)?;
        map.serialize_entry("severity", &self.severity)?;
        map.serialize_entry("subject", &self.subject)?;
        map.serialize_entry("related", &self.related)?;
        map.serialize_entry("path", &self.path)?;
        map.serialize_entry("message", &Collect(self.message()))?;
        map.serialize_entry("help", self.help())?;
        map.serialize_entry("facts", &self.facts)?;
        map.serialize_entry("references", self.references())?;
        if self.not_evaluated {
            map.serialize_entry("not_evaluated", &true)?;
        }
        if self.unverified {
            map.serialize_entry("unverified", &true)?;
        }
        if let Some(reason) = &self.suppressed {
            map.serialize_entry("suppressed", &**reason)?;
        }
        map.end()
    }
}

/// Serializes a [`fmt::Display`] as a string without building it first.
struct Collect<T>(T);

impl<T: fmt::Display> Serialize for Collect<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&self.0)
    }
}
