//! JUnit XML: a test suite per file, a test case per rule and subject, failing when one of its
//! findings is at or above the fail level (`docs/junit.md`).

use std::collections::HashMap;
use std::fmt::Write;

use super::{Checked, visible};
use crate::Diagnostic;
use crate::tokens::Severity;

/// The JUnit XML of these checked files, judged against `fail_level`, with a final newline.
pub fn junit(files: &[Checked<'_>], fail_level: Severity) -> String {
    let suites: Vec<Suite<'_>> = files.iter().map(|c| Suite::new(c, fail_level)).collect();
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        xml,
        "<testsuites name=\"hadr-rules\" tests=\"{}\" failures=\"{}\" skipped=\"{}\">",
        suites.iter().map(|s| s.cases.len()).sum::<usize>(),
        suites.iter().map(Suite::failures).sum::<usize>(),
        suites.iter().map(Suite::skipped).sum::<usize>(),
    );
    for suite in &suites {
        suite.write(&mut xml);
    }
    xml.push_str("</testsuites>\n");
    xml
}

/// One file's test cases.
struct Suite<'a> {
    file: &'a str,
    cases: Vec<Case<'a>>,
}

/// The findings of one rule on one subject.
struct Case<'a> {
    findings: Vec<&'a Diagnostic>,
    outcome: Outcome,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Outcome {
    Passed,
    Failed,
    /// Every finding is suppressed or could not be evaluated.
    Skipped,
}

impl<'a> Suite<'a> {
    fn new(checked: &Checked<'a>, fail_level: Severity) -> Self {
        let mut cases: Vec<Case<'a>> = Vec::new();
        let mut index: HashMap<(&str, &str), usize> = HashMap::new();
        for d in &checked.report.diagnostics {
            let key = (d.rule.as_str(), d.subject.as_str());
            let slot = *index.entry(key).or_insert_with(|| {
                cases.push(Case {
                    findings: Vec::new(),
                    outcome: Outcome::Passed,
                });
                cases.len() - 1
            });
            if let Some(case) = cases.get_mut(slot) {
                case.findings.push(d);
            }
        }
        for case in &mut cases {
            let counted = |d: &&Diagnostic| d.suppressed.is_none() && !d.not_evaluated;
            case.outcome = if case
                .findings
                .iter()
                .any(|d| counted(d) && d.severity >= fail_level)
            {
                Outcome::Failed
            } else if case.findings.iter().any(counted) {
                Outcome::Passed
            } else {
                Outcome::Skipped
            };
        }
        cases.sort_by(|a, b| case_key(a).cmp(&case_key(b)));
        Suite {
            file: checked.file,
            cases,
        }
    }

    fn failures(&self) -> usize {
        self.cases
            .iter()
            .filter(|c| c.outcome == Outcome::Failed)
            .count()
    }

    fn skipped(&self) -> usize {
        self.cases
            .iter()
            .filter(|c| c.outcome == Outcome::Skipped)
            .count()
    }

    fn write(&self, xml: &mut String) {
        let _ = writeln!(
            xml,
            "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" skipped=\"{}\">",
            escape(self.file),
            self.cases.len(),
            self.failures(),
            self.skipped(),
        );
        for case in &self.cases {
            case.write(self.file, xml);
        }
        xml.push_str("  </testsuite>\n");
    }
}

/// Cases in rule, then subject order, whatever the severities.
fn case_key<'a>(case: &Case<'a>) -> (&'a str, &'a str) {
    case.findings
        .first()
        .map_or(("", ""), |d| (d.rule.as_str(), d.subject.as_str()))
}

impl Case<'_> {
    fn write(&self, file: &str, xml: &mut String) {
        let Some(first) = self.findings.first() else {
            return;
        };
        let _ = write!(
            xml,
            "    <testcase classname=\"{}\" name=\"{} {}\" file=\"{}\">",
            escape(first.rule.as_str()),
            escape(first.rule.as_str()),
            escape(&first.subject),
            escape(file),
        );
        let details = self.details();
        match self.outcome {
            Outcome::Failed => {
                let worst = self
                    .findings
                    .iter()
                    .filter(|d| d.suppressed.is_none() && !d.not_evaluated)
                    .map(|d| d.severity)
                    .max()
                    .unwrap_or(Severity::Error);
                let message = self
                    .findings
                    .iter()
                    .find(|d| d.suppressed.is_none() && !d.not_evaluated && d.severity == worst)
                    .map(|d| d.message().to_string())
                    .unwrap_or_default();
                let _ = write!(
                    xml,
                    "\n      <failure type=\"{}\" message=\"{}\">{}</failure>\n    ",
                    worst.as_str(),
                    escape(&message),
                    content(&details),
                );
            }
            Outcome::Skipped => {
                let why = match &first.suppressed {
                    Some(reason) => format!("suppressed: {reason}"),
                    None => "not evaluated".to_owned(),
                };
                let _ = write!(
                    xml,
                    "\n      <skipped message=\"{}\"/>\n      <system-out>{}</system-out>\n    ",
                    escape(&why),
                    content(&details),
                );
            }
            Outcome::Passed => {
                let _ = write!(
                    xml,
                    "\n      <system-out>{}</system-out>\n    ",
                    content(&details)
                );
            }
        }
        xml.push_str("</testcase>\n");
    }

    /// Every finding of the case: severity, message, pointer, help, suppression.
    fn details(&self) -> String {
        let mut text = String::new();
        for d in &self.findings {
            let label = if d.not_evaluated {
                "not evaluated"
            } else {
                d.severity.as_str()
            };
            let _ = writeln!(text, "{label}: {}", d.message());
            let _ = writeln!(text, "  at {}", d.path);
            if !d.not_evaluated {
                let _ = writeln!(text, "  help: {}", d.help());
            }
            if let Some(reason) = &d.suppressed {
                let _ = writeln!(text, "  suppressed: {reason}");
            }
            for url in d.references() {
                let _ = writeln!(text, "  see {url}");
            }
        }
        text
    }
}

/// Text for an attribute value, control characters made visible.
fn escape(text: &str) -> String {
    content(text).replace('\n', "&#10;").replace('\t', "&#9;")
}

/// Text for element content, control characters made visible; line breaks stay.
fn content(text: &str) -> String {
    let text = visible(text);
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn escapes_markup_and_control_characters() {
        assert_eq!(
            escape("a<b & \"c\"\u{1b}]"),
            "a&lt;b &amp; &quot;c&quot;\\u{1b}]"
        );
    }
}
