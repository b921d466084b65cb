//! The registry as Markdown: the rule reference committed as `docs/rules.md`.

use std::fmt::Write;

use super::{Evaluation, Rule, rules};
use crate::tokens::Family;

/// Every rule, family by family, in the fixed documentation sections.
pub fn markdown() -> String {
    let mut out = String::from(
        "# Rule reference\n\nGenerated from the rule registry by `hadr-rules rules --format markdown`; \
         a test fails when this file and the registry differ.\n\n\
         | ID | name | severity | evaluation | title |\n|---|---|---|---|---|\n",
    );
    for rule in rules() {
        let _ = writeln!(
            out,
            "| [{id}](#{anchor}) | `{}` | {} | {} | {} |",
            rule.name,
            rule.severity(),
            evaluation(rule),
            rule.title,
            id = rule.id,
            anchor = rule.id.to_lowercase()
        );
    }
    for family in Family::ALL {
        let _ = write!(out, "\n## {} — {}\n", family.as_str(), family.title());
        for rule in rules().iter().filter(|rule| rule.family == *family) {
            section(&mut out, rule);
        }
    }
    out
}

fn evaluation(rule: &Rule) -> String {
    match rule.evaluation {
        Evaluation::Checked => "checked".to_owned(),
        Evaluation::Guidance(_) => "guidance".to_owned(),
        Evaluation::AliasOf(target) => format!("alias of {target}"),
    }
}

fn section(out: &mut String, rule: &Rule) {
    let products: Vec<&str> = rule.products.iter().map(|p| p.as_str()).collect();
    let _ = write!(
        out,
        "\n### {}\n\n**{}** (`{}`)\n\n",
        rule.id, rule.title, rule.name
    );
    let _ = writeln!(
        out,
        "- severity: {}{}",
        rule.severity(),
        if rule.is_unverified() {
            " (unverified: never an error)"
        } else {
            ""
        }
    );
    let _ = writeln!(out, "- products: {}", products.join(", "));
    match rule.evaluation {
        Evaluation::Checked => {
            let _ = writeln!(out, "- evaluation: checked against every topology");
        }
        Evaluation::Guidance(reason) => {
            let _ = writeln!(out, "- evaluation: guidance only ({reason})");
        }
        Evaluation::AliasOf(target) => {
            let _ = writeln!(
                out,
                "- evaluation: reported as [{target}](#{})",
                target.to_lowercase()
            );
        }
    }
    let enforced = serde_json::to_value(rule.tb_enforced).ok();
    let _ = writeln!(
        out,
        "- Topology Builder enforces it: {}",
        enforced
            .as_ref()
            .and_then(|v| v.as_str())
            .unwrap_or_default()
    );
    for (heading, text) in [
        ("What it checks", rule.doc.what),
        ("Why", rule.doc.why),
        ("Example", rule.doc.example),
        ("How to fix", rule.doc.fix),
    ] {
        let _ = write!(out, "\n#### {heading}\n\n{text}\n");
    }
    let _ = write!(out, "\n#### Sources\n\n");
    for source in rule.sources {
        let section = if source.heading.is_empty() {
            String::new()
        } else {
            format!(" § {}", source.heading)
        };
        let _ = writeln!(out, "- [{}{section}]({})", source.path, source.url());
    }
}
