//! A report read back from its JSON (`Report::to_json`), so that results can cross a process
//! boundary (a process pool, a queue) and come back as the same report.

use std::borrow::Cow;
use std::sync::Arc;

use serde_json::{Map, Value};

use super::diagnostic::Message;
use super::pointer::KEYS;
use super::{Diagnostic, Fact, Facts, Pointer, RULESET, Report};
use crate::document::Text;
use crate::registry::RuleId;
use crate::tokens::Severity;

/// Why a report's JSON could not be read back.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a report of this build: {0}")]
pub struct ReportJsonError(String);

fn wrong(what: impl Into<String>) -> ReportJsonError {
    ReportJsonError(what.into())
}

impl Report {
    /// Reads a report written by [`Report::to_json`] by this build: the same diagnostics, the
    /// same bytes when written again.
    pub fn from_json(text: &str) -> Result<Report, ReportJsonError> {
        let value: Value = serde_json::from_str(text).map_err(|e| wrong(e.to_string()))?;
        let object = value
            .as_object()
            .ok_or_else(|| wrong("expected an object"))?;
        if object.get("format") != Some(&Value::from(1)) {
            return Err(wrong("`format` is not 1"));
        }
        if object.get("ruleset").and_then(Value::as_str) != Some(RULESET) {
            return Err(wrong(format!("`ruleset` is not `{RULESET}`")));
        }
        let diagnostics = object
            .get("diagnostics")
            .and_then(Value::as_array)
            .ok_or_else(|| wrong("`diagnostics` is not an array"))?
            .iter()
            .map(diagnostic)
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Report::new(diagnostics))
    }
}

impl Diagnostic {
    /// Reads one diagnostic as the report writes it.
    pub fn from_json(text: &str) -> Result<Diagnostic, ReportJsonError> {
        let value: Value = serde_json::from_str(text).map_err(|e| wrong(e.to_string()))?;
        diagnostic(&value)
    }
}

fn diagnostic(value: &Value) -> Result<Diagnostic, ReportJsonError> {
    let object = value
        .as_object()
        .ok_or_else(|| wrong("a diagnostic is not an object"))?;
    let text = |key: &str| {
        object
            .get(key)
            .and_then(Value::as_str)
            .ok_or_else(|| wrong(format!("`{key}` is not a string")))
    };
    let flag = |key: &str| object.get(key).and_then(Value::as_bool).unwrap_or(false);
    let rule = RuleId::parse(text("rule")?).ok_or_else(|| {
        wrong(format!(
            "`{}` is not a checked rule",
            text("rule").unwrap_or("")
        ))
    })?;
    let severity =
        Severity::from_token(text("severity")?).ok_or_else(|| wrong("unknown severity"))?;
    let related = object
        .get("related")
        .and_then(Value::as_array)
        .ok_or_else(|| wrong("`related` is not an array"))?
        .iter()
        .map(|name| name.as_str().map(Text::new))
        .collect::<Option<Box<[Text]>>>()
        .ok_or_else(|| wrong("`related` holds a non-string"))?;
    let path = pointer(text("path")?).ok_or_else(|| wrong("`path` is not a pointer"))?;
    let facts = facts(
        object
            .get("facts")
            .and_then(Value::as_object)
            .ok_or_else(|| wrong("`facts` is not an object"))?,
    );
    let (not_evaluated, unverified) = (flag("not_evaluated"), flag("unverified"));
    let written = text("message")?;
    let mut diagnostic = Diagnostic {
        rule,
        severity,
        subject: Text::new(text("subject")?),
        related,
        path,
        facts,
        not_evaluated,
        unverified,
        suppressed: object
            .get("suppressed")
            .and_then(Value::as_str)
            .map(Arc::from),
        message: Message::NotEvaluated,
        help: None,
    };
    // Keep the message as the engine made it: derived for a not-evaluated finding, the rule's
    // sentence (without the `unverified: ` the writer adds) otherwise.
    if diagnostic.message().to_string() != written {
        let sentence = if unverified {
            written.strip_prefix("unverified: ").unwrap_or(written)
        } else {
            written
        };
        diagnostic.message = Message::Text(sentence.into());
    }
    let help = text("help")?;
    if diagnostic.help() != help {
        diagnostic.help = Some(Cow::Owned(help.to_owned()));
    }
    Ok(diagnostic)
}

/// A JSON Pointer of the topology format.
fn pointer(text: &str) -> Option<Pointer> {
    let mut pointer = Pointer::ROOT;
    if text.is_empty() {
        return Some(pointer);
    }
    for segment in text.strip_prefix('/')?.split('/') {
        pointer = match segment.parse::<usize>() {
            Ok(index) if segment == index.to_string() => pointer.index(index),
            _ => pointer.key(KEYS.iter().find(|key| **key == segment)?),
        };
    }
    Some(pointer)
}

fn facts(object: &Map<String, Value>) -> Facts {
    let mut facts = Facts::default();
    for (key, value) in object {
        facts.insert_text(Text::new(key), fact(key, value));
    }
    facts
}

fn fact(key: &str, value: &Value) -> Fact {
    match value {
        Value::Null => Fact::Null,
        Value::Bool(b) => Fact::Bool(*b),
        Value::Number(n) => n
            .as_i64()
            .map_or_else(|| Fact::from(value.clone()), Fact::Int),
        Value::String(s) => Fact::Text(Text::new(s)),
        Value::Array(items) if key == "missing" => items
            .iter()
            .map(|item| item.as_str().and_then(pointer))
            .collect::<Option<Vec<Pointer>>>()
            .map_or_else(|| Fact::from(value.clone()), Fact::from),
        Value::Array(items) => Fact::List(items.iter().map(|item| fact("", item)).collect()),
        Value::Object(_) => Fact::from(value.clone()),
    }
}
