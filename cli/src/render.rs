//! Text output: reports grouped by subject, the rule list, and rule explanations. Styles are
//! written as ANSI sequences and stripped by `anstream` when the output is not a terminal.

use std::collections::BTreeMap;
use std::fmt::Write;

use anstyle::{AnsiColor, Style};
use hadr_rules::baseline::Outcome;
use hadr_rules::import::Warning;
use hadr_rules::registry::{Evaluation, Rule};
use hadr_rules::simulate::{Scenario, State, Summary};
use hadr_rules::tokens::Severity;
use hadr_rules::{Diagnostic, MissingFacts, Report, RuleId, TopologyError};

const BOLD: Style = Style::new().bold();
const DIM: Style = Style::new().dimmed();
const ERROR: Style = AnsiColor::Red.on_default().bold();
const WARNING: Style = AnsiColor::Yellow.on_default().bold();
const INFO: Style = AnsiColor::Cyan.on_default();

fn styled(style: Style, text: &str) -> String {
    format!("{style}{text}{style:#}")
}

/// An input error, one line per problem.
pub fn error(error: &TopologyError) -> String {
    error
        .errors
        .iter()
        .map(|e| format!("{}: {}", styled(ERROR, "error"), escape(&e.to_string())))
        .collect::<Vec<_>>()
        .join("\n")
}

/// A failure that is not about the input: `error: message`.
pub fn failure(message: &str) -> String {
    format!("{}: {}", styled(ERROR, "error"), escape(message))
}

/// An import warning, one line: `warning: FILE:LINE: message`.
pub fn warning(file: &str, warning: &Warning) -> String {
    let at = warning
        .line
        .map(|line| format!("{file}:{line}"))
        .unwrap_or_else(|| file.to_owned());
    let path = if warning.path.is_empty() {
        String::new()
    } else {
        format!("at `{}`: ", warning.path)
    };
    format!(
        "{}: {}{} [{}]",
        styled(WARNING, "warning"),
        escape(&format!("{at}: {path}")),
        escape(&warning.message),
        warning.kind.as_str()
    )
}

/// How a report is written as text.
pub struct TextOptions<'a> {
    /// The fail level, for the verdict line.
    pub level: Severity,
    /// Not-evaluated findings grouped by missing facts; `None` lists each under its subject.
    pub missing: Option<&'a [MissingFacts]>,
    /// The XML element (and line) a fact came from, for imported topologies.
    pub source: &'a dyn Fn(&str) -> Option<String>,
}

/// A report grouped by subject, worst first, then the facts that kept rules from running, and
/// a summary line.
pub fn report(file: &str, report: &Report, options: &TextOptions<'_>) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}", styled(BOLD, &escape(file)));
    let grouped = options.missing.is_some();
    let mut subjects: BTreeMap<&str, Vec<&Diagnostic>> = BTreeMap::new();
    let mut pairs: Vec<&Diagnostic> = Vec::new();
    for diagnostic in report
        .diagnostics
        .iter()
        .filter(|d| !(grouped && d.not_evaluated && d.suppressed.is_none()))
    {
        // A pair rule holds on the pair: its finding from the other side is not repeated.
        if is_pair_rule(diagnostic) {
            if pairs.iter().any(|seen| same_pair(seen, diagnostic)) {
                continue;
            }
            pairs.push(diagnostic);
        }
        subjects
            .entry(diagnostic.subject.as_str())
            .or_default()
            .push(diagnostic);
    }
    let mut ordered: Vec<(&str, Vec<&Diagnostic>)> = subjects.into_iter().collect();
    ordered.sort_by_key(|(_, list)| list.iter().map(|d| std::cmp::Reverse(rank(d))).min());
    for (subject, diagnostics) in ordered {
        let _ = writeln!(out, "  {}", styled(BOLD, &escape(subject)));
        for diagnostic in diagnostics {
            line(&mut out, diagnostic, options.source);
            if let Some(other) = report
                .diagnostics
                .iter()
                .find(|d| is_pair_rule(diagnostic) && same_pair(diagnostic, d))
            {
                let _ = writeln!(
                    out,
                    "               {} also reported for {} (the same finding from its side; both count in the summary)",
                    styled(DIM, "pair:"),
                    escape(&other.subject)
                );
            }
        }
    }
    if let Some(missing) = options.missing.filter(|m| !m.is_empty()) {
        let _ = writeln!(
            out,
            "  {} {}",
            styled(BOLD, "facts missing"),
            styled(DIM, "(--show-not-evaluated lists each finding)")
        );
        for group in missing {
            let _ = writeln!(out, "    {group}");
        }
    }
    let level = options.level;
    let summary = report.summary;
    let verdict = if report.fails(level) {
        styled(ERROR, "fail")
    } else {
        styled(BOLD, "pass")
    };
    let mut as_of = report
        .check_date
        .map(|date| format!("; lifecycle as of {date}"))
        .unwrap_or_default();
    if let Some(target) = report.target_product {
        as_of.push_str(&format!("; every pool moved to {target} where it can"));
    }
    let _ = writeln!(
        out,
        "{verdict}: {} error(s), {} warning(s), {} info, {} not evaluated, {} suppressed (fail level: {level}{as_of})\n",
        summary.error, summary.warning, summary.info, summary.not_evaluated, summary.suppressed
    );
    out
}

/// The rules that hold on a pair of pools and run from each side of a pair set both ways.
fn is_pair_rule(d: &Diagnostic) -> bool {
    matches!(
        d.rule,
        RuleId::Pair001 | RuleId::Pair002 | RuleId::Pair003 | RuleId::Pair007
    ) && !d.not_evaluated
        && d.suppressed.is_none()
}

/// Whether two findings of one pair rule are the same finding seen from each side.
fn same_pair(a: &Diagnostic, b: &Diagnostic) -> bool {
    a.rule == b.rule
        && a.severity == b.severity
        && a.related.iter().any(|r| r.eq_ignore_ascii_case(&b.subject))
        && b.related.iter().any(|r| r.eq_ignore_ascii_case(&a.subject))
}

/// Text from the document with its control characters escaped, so that a name cannot drive
/// the terminal.
pub fn escape(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(char::is_control) {
        return std::borrow::Cow::Borrowed(text);
    }
    std::borrow::Cow::Owned(text.chars().flat_map(char::escape_default).collect())
}

/// Errors first, then warnings, infos, not-evaluated and suppressed findings.
fn rank(diagnostic: &Diagnostic) -> u8 {
    if diagnostic.suppressed.is_some() {
        0
    } else if diagnostic.not_evaluated {
        1
    } else {
        match diagnostic.severity {
            Severity::Info => 2,
            Severity::Warning => 3,
            Severity::Error => 4,
        }
    }
}

fn line(out: &mut String, d: &Diagnostic, source: &dyn Fn(&str) -> Option<String>) {
    let label = if d.suppressed.is_some() {
        styled(DIM, "suppressed")
    } else if d.not_evaluated {
        styled(DIM, "not eval")
    } else {
        match d.severity {
            Severity::Error => styled(ERROR, "error"),
            Severity::Warning => styled(WARNING, "warning"),
            Severity::Info => styled(INFO, "info"),
        }
    };
    let pad = " ".repeat(10usize.saturating_sub(visible_len(d)));
    let _ = writeln!(
        out,
        "    {label}{pad} {}  {}",
        styled(BOLD, d.rule.as_str()),
        escape(&d.message().to_string())
    );
    if d.not_evaluated {
        return;
    }
    let path = d.path.to_string();
    let _ = writeln!(
        out,
        "               {} {}",
        styled(DIM, "at"),
        escape(&path)
    );
    if let Some(origin) = source(&path) {
        let _ = writeln!(
            out,
            "               {} {}",
            styled(DIM, "from"),
            escape(&origin)
        );
    }
    let _ = writeln!(
        out,
        "               {} {}",
        styled(DIM, "help:"),
        escape(d.help())
    );
    if let Some(reason) = &d.suppressed {
        let _ = writeln!(
            out,
            "               {} {}",
            styled(DIM, "suppressed:"),
            escape(reason)
        );
    }
}

fn visible_len(d: &Diagnostic) -> usize {
    if d.suppressed.is_some() {
        "suppressed".len()
    } else if d.not_evaluated {
        "not eval".len()
    } else {
        d.severity.as_str().len()
    }
}

/// The rule list: one line a rule.
pub fn rules(rules: &[&Rule]) -> String {
    let mut out = String::new();
    for rule in rules {
        let how = match rule.evaluation {
            Evaluation::Checked => "checked".to_owned(),
            Evaluation::Guidance(_) => "guidance".to_owned(),
            Evaluation::AliasOf(target) => format!("= {target}"),
        };
        let _ = writeln!(
            out,
            "{} {:<8} {:<10} {}",
            styled(BOLD, &format!("{:<9}", rule.id)),
            rule.severity().as_str(),
            how,
            rule.title
        );
    }
    out
}

/// The title of a simulation: the file.
pub fn simulation_title(file: &str) -> String {
    format!("{}\n", styled(BOLD, &escape(file)))
}

/// One scenario as a table of the pools it touches, with notes and steps under each.
pub fn scenario(scenario: &Scenario) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "\n{}", styled(BOLD, &escape(&scenario.name)));
    let _ = writeln!(
        out,
        "  {}",
        styled(
            DIM,
            &format!(
                "{:<32} {:<9} {:<12} {:<24} {}",
                "pool", "state", "front end", "back end", "recovery"
            )
        )
    );
    for pool in &scenario.pools {
        let state = token(&pool.state);
        let style = match pool.state {
            State::Up => INFO,
            State::Degraded => WARNING,
            State::Down => ERROR,
        };
        let front_end = pool
            .front_end
            .as_ref()
            .map(|f| format!("{}/{}", f.running, f.total))
            .unwrap_or_else(|| "-".to_owned());
        let mut recovery = token(&pool.recovery.action);
        if let Some(target) = &pool.recovery.target {
            recovery.push_str(&format!(" to {}", escape(target)));
        }
        if let (Some(rto), Some(rpo)) = (pool.recovery.rto, pool.recovery.rpo) {
            recovery.push_str(&format!(" (RTO {rto}, RPO {rpo})"));
        }
        let _ = writeln!(
            out,
            "  {:<32} {} {:<12} {:<24} {recovery}",
            escape(&pool.pool),
            styled(style, &format!("{state:<9}")),
            front_end,
            token(&pool.back_end)
        );
        for note in &pool.notes {
            let _ = writeln!(out, "    {} {}", styled(DIM, "-"), escape(note));
        }
        if pool.recovery.cms_failover_first {
            let _ = writeln!(
                out,
                "    {} fail the Central Management store over first",
                styled(DIM, "-")
            );
        }
        for step in &pool.recovery.steps {
            let _ = writeln!(out, "    {} {}", styled(DIM, "$"), escape(step));
        }
        if !pool.recovery.users_without_recovery.is_empty() {
            let _ = writeln!(
                out,
                "    {} no recovery for users homed on {}",
                styled(DIM, "-"),
                escape(&pool.recovery.users_without_recovery.join(", "))
            );
        }
        if pool.state != State::Up {
            let _ = writeln!(
                out,
                "    {} {}",
                styled(DIM, "rules:"),
                pool.rules.join(", ")
            );
        }
    }
    if scenario.pools.is_empty() {
        let _ = writeln!(out, "  no pool is touched");
    }
    out
}

/// The Front End tolerance and the single points of failure, after the scenarios.
pub fn simulation_summary(summary: &Summary) -> String {
    let mut out = String::new();
    if !summary.front_end_tolerance.is_empty() {
        let _ = writeln!(
            out,
            "\n{}",
            styled(
                BOLD,
                "Front End failures each pool survives (worst case, FE-006)"
            )
        );
        for tolerance in &summary.front_end_tolerance {
            let survives = tolerance
                .survives
                .map_or("undocumented".to_owned(), |n| n.to_string());
            let _ = writeln!(
                out,
                "  {:<32} {survives} of {}",
                escape(&tolerance.pool),
                tolerance.servers
            );
        }
    }
    let _ = writeln!(out, "\n{}", styled(BOLD, "Single points of failure"));
    if summary.single_points_of_failure.is_empty() {
        let _ = writeln!(out, "  none");
    }
    for spof in &summary.single_points_of_failure {
        let pools: Vec<String> = spof
            .pools
            .iter()
            .map(|p| format!("{} {}", escape(&p.pool), token(&p.state)))
            .collect();
        let _ = writeln!(out, "  {:<32} {}", escape(&spof.entity), pools.join(", "));
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

/// A notice about the settings, one line: `warning: message`.
pub fn notice(message: &str) -> String {
    format!("{}: {}", styled(WARNING, "warning"), escape(message))
}

/// What a baseline hid, and its entries that no longer match, on standard error.
pub fn baseline(file: &str, outcome: &Outcome) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} {}: {} known finding(s) hidden, {} baseline entr{} no longer match{}",
        styled(BOLD, "baseline"),
        escape(file),
        outcome.hidden,
        outcome.unmatched.len(),
        if outcome.unmatched.len() == 1 {
            "y"
        } else {
            "ies"
        },
        if outcome.unmatched.is_empty() {
            ""
        } else {
            ":"
        },
    );
    for entry in &outcome.unmatched {
        let _ = writeln!(
            out,
            "  {} {}  {}",
            styled(BOLD, &escape(&entry.rule)),
            escape(&entry.subject),
            styled(DIM, &escape(&entry.message))
        );
    }
    out
}
