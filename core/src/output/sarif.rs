//! SARIF 2.1.0: one run, the rules of the registry as `tool.driver.rules`, each finding a
//! result (`docs/sarif.md`).

use std::collections::HashMap;
use std::fmt::Write;

use serde_json::{Value, json};

use super::{Checked, visible};
use crate::registry::{self, Evaluation, Rule};
use crate::tokens::Severity;
use crate::{Diagnostic, Fact};

/// The address of the SARIF 2.1.0 schema, given as the log's `$schema`.
pub const SARIF_SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/// The SARIF log of these checked files: one run, two-space indented, with a final newline.
pub fn sarif(files: &[Checked<'_>]) -> String {
    let rules = registry::rules();
    let index: HashMap<&str, usize> = rules
        .iter()
        .enumerate()
        .map(|(i, rule)| (rule.id, i))
        .collect();
    let results: Vec<Value> = files
        .iter()
        .flat_map(|checked| {
            checked
                .report
                .diagnostics
                .iter()
                .map(|d| result(checked, d, &index))
        })
        .collect();
    let mut properties = serde_json::Map::new();
    if let Some(report) = files.first().map(|checked| checked.report) {
        properties.insert("ruleset".into(), report.ruleset.into());
        if let Some(date) = report.check_date {
            properties.insert("checkDate".into(), date.to_string().into());
        }
        if let Some(product) = report.target_product {
            properties.insert("targetProduct".into(), product.as_str().into());
        }
    }
    let log = json!({
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "hadr-rules",
                    "semanticVersion": env!("CARGO_PKG_VERSION"),
                    "informationUri": env!("CARGO_PKG_HOMEPAGE"),
                    "rules": rules.iter().map(descriptor).collect::<Vec<_>>(),
                }
            },
            "results": results,
            "properties": properties,
        }]
    });
    let mut text = serde_json::to_string_pretty(&log).unwrap_or_default();
    text.push('\n');
    text
}

/// The SARIF level of a severity.
fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A rule as a `reportingDescriptor`.
fn descriptor(rule: &Rule) -> Value {
    let references = rule.references();
    let mut help = format!("{}\n\nWhy: {}", rule.doc.fix, rule.doc.why);
    let mut markdown = format!("**Fix.** {}\n\n**Why.** {}", rule.doc.fix, rule.doc.why);
    if !references.is_empty() {
        help.push_str("\n\nSources:");
        markdown.push_str("\n\n**Sources.**\n");
        for url in &references {
            let _ = write!(help, "\n- {url}");
            let _ = write!(markdown, "\n- <{url}>");
        }
    }
    let evaluation = match rule.evaluation {
        Evaluation::Checked => "checked",
        Evaluation::Guidance(_) => "guidance",
        Evaluation::AliasOf(_) => "alias",
    };
    let mut descriptor = json!({
        "id": rule.id,
        "name": pascal_case(rule.name),
        "shortDescription": { "text": rule.title },
        "fullDescription": { "text": rule.doc.what },
        "help": { "text": help, "markdown": markdown },
        "defaultConfiguration": {
            "enabled": rule.evaluation == Evaluation::Checked,
            "level": level(rule.severity()),
        },
        "properties": {
            "tags": [rule.family.as_str(), evaluation],
        },
    });
    if let (Some(url), Some(object)) = (references.first(), descriptor.as_object_mut()) {
        object.insert("helpUri".into(), url.clone().into());
    }
    descriptor
}

/// `pair-same-edition` as `PairSameEdition`, the form SARIF gives rule names.
fn pascal_case(name: &str) -> String {
    name.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|word| !word.is_empty())
        .flat_map(|word| {
            let mut chars = word.chars();
            chars
                .next()
                .map(|first| first.to_ascii_uppercase())
                .into_iter()
                .chain(chars)
        })
        .collect()
}

/// One diagnostic as a `result`.
fn result(checked: &Checked<'_>, d: &Diagnostic, index: &HashMap<&str, usize>) -> Value {
    let pointer = d.path.to_string();
    let source = checked.source(&pointer);
    let mut physical = json!({ "artifactLocation": { "uri": uri(checked.file) } });
    if let (Some(line), Some(object)) = (source.and_then(|s| s.line), physical.as_object_mut()) {
        object.insert("region".into(), json!({ "startLine": line }));
    }
    let mut logical = vec![json!({ "fullyQualifiedName": pointer, "kind": "member" })];
    if let Some(source) = source.filter(|s| s.line.is_some()) {
        logical.push(json!({ "name": visible(&source.origin), "kind": "element" }));
    }
    let mut properties = json!({
        "subject": visible(&d.subject),
        "pointer": pointer,
        "related": d.related.iter().map(|r| visible(r)).collect::<Vec<_>>(),
        "help": d.help(),
    });
    if let Some(object) = properties.as_object_mut() {
        if d.unverified {
            object.insert("unverified".into(), true.into());
        }
        if let Some(Fact::Pointers(missing)) = d.facts.get("missing") {
            let missing: Vec<String> = missing.iter().map(ToString::to_string).collect();
            object.insert("missing".into(), missing.into());
        }
    }
    let (kind, level) = if d.not_evaluated {
        ("open", "none")
    } else {
        ("fail", level(d.severity))
    };
    let mut result = json!({
        "ruleId": d.rule.as_str(),
        "kind": kind,
        "level": level,
        "message": { "text": visible(&d.message().to_string()) },
        "locations": [{ "physicalLocation": physical, "logicalLocations": logical }],
        "partialFingerprints": {
            "hadrRules/v1": format!("{}:{}:{}", d.rule, visible(&d.subject), pointer),
        },
        "properties": properties,
    });
    if let Some(object) = result.as_object_mut() {
        if let Some(index) = index.get(d.rule.as_str()) {
            object.insert("ruleIndex".into(), (*index).into());
        }
        if let Some(reason) = &d.suppressed {
            object.insert(
                "suppressions".into(),
                json!([{ "kind": "external", "status": "accepted", "justification": visible(reason) }]),
            );
        }
    }
    result
}

/// A file name as a relative URI reference: `\` as `/`, anything but unreserved characters and
/// `/` percent-encoded.
fn uri(file: &str) -> String {
    let mut out = String::with_capacity(file.len());
    for byte in file.replace('\\', "/").bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/".contains(&byte) {
            out.push(char::from(byte));
        } else {
            let _ = write!(out, "%{byte:02X}");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_names_are_pascal_case() {
        assert_eq!(pascal_case("pair-same-edition"), "PairSameEdition");
        assert_eq!(pascal_case("be-2019-no-mirroring"), "Be2019NoMirroring");
    }

    #[test]
    fn file_names_become_uri_references() {
        assert_eq!(
            uri("examples/broken pairing.json"),
            "examples/broken%20pairing.json"
        );
        assert_eq!(uri(r"C:\topo\a.xml"), "C%3A/topo/a.xml");
        assert_eq!(uri("-"), "-");
    }
}
