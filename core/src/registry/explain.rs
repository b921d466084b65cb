//! The text of `hadr-rules explain` (and `hadr_rules.explain`): one rule in fixed sections.

use std::fmt::Write;

use super::{Evaluation, Rule, rule, rules};

/// A rule in full: metadata, what it checks, why, an example, how to fix it, and its sources;
/// an alias is followed by the rule it points to.
pub fn explain(rule_to_explain: &Rule) -> String {
    let mut out = section(rule_to_explain);
    if let Evaluation::AliasOf(target) = rule_to_explain.evaluation
        && let Some(target) = rule(target)
    {
        out.push('\n');
        out.push_str(&section(target));
    }
    out
}

/// The catalog ID closest to a misspelt one, for "did you mean" hints.
pub fn suggest(id: &str) -> Option<&'static str> {
    let wanted = id.to_uppercase();
    rules()
        .iter()
        .map(|rule| (strsim::levenshtein(&wanted, rule.id), rule.id))
        .filter(|(distance, _)| *distance <= 2)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, id)| id)
}

fn section(rule: &Rule) -> String {
    let mut out = String::new();
    let products: Vec<&str> = rule.products.iter().map(|p| p.as_str()).collect();
    let _ = writeln!(out, "{}  {}", rule.id, rule.name);
    let _ = writeln!(out, "{}\n", rule.title);
    let _ = writeln!(
        out,
        "family:        {} ({})",
        rule.family,
        rule.family.title()
    );
    let _ = writeln!(out, "severity:      {}", rule.severity());
    let _ = writeln!(out, "products:      {}", products.join(", "));
    let evaluation = match rule.evaluation {
        Evaluation::Checked => "checked against every topology".to_owned(),
        Evaluation::Guidance(reason) => format!("guidance only: {reason}"),
        Evaluation::AliasOf(target) => format!("reported as {target}"),
    };
    let _ = writeln!(out, "evaluation:    {evaluation}");
    let unverified = if rule.is_unverified() {
        " (unverified: never an error)"
    } else {
        ""
    };
    let _ = writeln!(
        out,
        "provenance:    {}{unverified}",
        token(&rule.provenance)
    );
    let _ = writeln!(
        out,
        "Topology Builder enforces it: {}\n",
        token(&rule.tb_enforced)
    );
    for (heading, body) in [
        ("What it checks", rule.doc.what),
        ("Why", rule.doc.why),
        ("Example", rule.doc.example),
        ("How to fix", rule.doc.fix),
    ] {
        let _ = writeln!(out, "{heading}\n  {body}\n");
    }
    let _ = writeln!(out, "Sources");
    for source in rule.sources {
        let heading = if source.heading.is_empty() {
            String::new()
        } else {
            format!(" § {}", source.heading)
        };
        let _ = writeln!(out, "  - {}{heading}\n    {}", source.path, source.url());
    }
    out
}

/// A serialized enum's token.
fn token<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}
