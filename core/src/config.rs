//! The configuration file, `hadr-rules.toml`: the settings of a check kept next to the
//! topology exports, read by the command line, the C ABI and Python (`docs/config.md`).
//!
//! ```
//! use hadr_rules::config::Config;
//!
//! let config = Config::from_toml(
//!     "ignore = [\"LIFE\"]\n\n[[suppress]]\nrule = \"PAIR-009\"\nreason = \"one region\"\n",
//! )
//! .unwrap();
//! let (options, expired) = config.options();
//! assert_eq!(options.ignore[0].to_string(), "LIFE");
//! assert_eq!(options.suppress[0].reason, "one region");
//! assert!(expired.is_empty());
//!
//! let error = Config::from_toml("selct = [\"PAIR\"]\n").unwrap_err();
//! assert_eq!(error.errors[0].line, Some(1));
//! assert!(error.errors[0].message.contains("did you mean `select`?"));
//! ```

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use crate::check::{Options, Selector, Suppression};
use crate::error::{ErrorKind, InputError, TopologyError, closest};
use crate::lifecycle::{self, Date};
use crate::limits::parse_size;
use crate::tokens::{Product, Severity};

/// The name the command line looks for in the current directory and its parents.
pub const FILE_NAME: &str = "hadr-rules.toml";

/// The settings of a configuration file; `None` (or empty) where the file is silent.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Config {
    /// `select`: the rules or families that run.
    pub select: Option<Vec<Selector>>,
    /// `ignore`: the rules or families that do not run.
    pub ignore: Option<Vec<Selector>>,
    /// `[severity]`: overrides, `SELECTOR = "LEVEL"`.
    pub severity: Vec<(Selector, Severity)>,
    /// `[[suppress]]`: suppressions with their reasons and expiry dates.
    pub suppress: Vec<Suppress>,
    /// `fail_level`.
    pub fail_level: Option<Severity>,
    /// `fail_on_not_evaluated`.
    pub fail_on_not_evaluated: Option<bool>,
    /// `allow_basic_ag_on_standard`.
    pub allow_basic_ag_on_standard: Option<bool>,
    /// `facts`: the facts file, relative to the configuration file once loaded.
    pub facts: Option<PathBuf>,
    /// `baseline`: the baseline file, relative to the configuration file once loaded.
    pub baseline: Option<PathBuf>,
    /// `as_of`: the check date.
    pub as_of: Option<Date>,
    /// `approaching_months`.
    pub approaching_months: Option<u32>,
    /// `target_product`.
    pub target_product: Option<Product>,
    /// `max_document_size`, in bytes.
    pub max_document_size: Option<usize>,
    /// `max_entities`.
    pub max_entities: Option<usize>,
}

/// A suppression of the file, with its expiry date and its line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suppress {
    /// What it silences, and why.
    pub suppression: Suppression,
    /// The last day it applies; it applies for good when `None`.
    pub expires: Option<Date>,
    /// The line of its `[[suppress]]` table.
    pub line: usize,
}

/// A suppression whose expiry date is before the check date: it no longer applies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expired {
    /// The suppression.
    pub suppression: Suppression,
    /// Its last day.
    pub expires: Date,
    /// The line of its `[[suppress]]` table.
    pub line: usize,
}

impl fmt::Display for Expired {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = &self.suppression;
        let subject = s
            .subject
            .as_ref()
            .map(|subject| format!("@{subject}"))
            .unwrap_or_default();
        write!(
            f,
            "the suppression of {}{subject} (\"{}\") expired after {}: its findings count again",
            s.selector, s.reason, self.expires
        )
    }
}

/// The expired suppressions as a JSON array of `{"line": N, "message": "..."}`.
pub fn expired_json(expired: &[Expired]) -> String {
    let notices: Vec<serde_json::Value> = expired
        .iter()
        .map(|e| serde_json::json!({ "line": e.line, "message": e.to_string() }))
        .collect();
    serde_json::to_string(&notices).unwrap_or_else(|_| "[]".to_owned())
}

/// The file as written: every key, with its place for the messages.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    select: Option<Vec<Spanned<String>>>,
    ignore: Option<Vec<Spanned<String>>>,
    severity: Option<BTreeMap<String, Spanned<String>>>,
    suppress: Option<Vec<Spanned<RawSuppress>>>,
    fail_level: Option<Spanned<String>>,
    fail_on_not_evaluated: Option<bool>,
    allow_basic_ag_on_standard: Option<bool>,
    facts: Option<PathBuf>,
    baseline: Option<PathBuf>,
    as_of: Option<Spanned<toml::Value>>,
    approaching_months: Option<u32>,
    target_product: Option<Spanned<String>>,
    max_document_size: Option<Spanned<toml::Value>>,
    max_entities: Option<usize>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSuppress {
    rule: Spanned<String>,
    subject: Option<String>,
    reason: Spanned<String>,
    expires: Option<Spanned<toml::Value>>,
}

/// The keys of the file, for the closest-key hint.
const KEYS: &[&str] = &[
    "select",
    "ignore",
    "severity",
    "suppress",
    "fail_level",
    "fail_on_not_evaluated",
    "allow_basic_ag_on_standard",
    "facts",
    "baseline",
    "as_of",
    "approaching_months",
    "target_product",
    "max_document_size",
    "max_entities",
    "rule",
    "subject",
    "reason",
    "expires",
];

impl Config {
    /// Reads the text of a configuration file. Errors carry the line and column and what was
    /// expected; an unknown key is an error with the closest known key.
    pub fn from_toml(text: &str) -> Result<Config, TopologyError> {
        let raw: Raw = toml::from_str(text).map_err(|error| from_toml_error(text, &error))?;
        let mut errors = Errors {
            text,
            list: Vec::new(),
        };
        let select = raw.select.map(|list| selectors(list, &mut errors));
        let ignore = raw.ignore.map(|list| selectors(list, &mut errors));
        let mut severity = Vec::new();
        for (selector, level) in raw.severity.unwrap_or_default() {
            let span = level.span();
            match (
                Selector::parse(&selector),
                Severity::from_token(level.get_ref()),
            ) {
                (Ok(selector), Some(level)) => severity.push((selector, level)),
                (Err(error), _) => {
                    errors.at(span, ErrorKind::UnknownToken, error.to_string(), SELECTOR)
                }
                (_, None) => errors.at(
                    span,
                    ErrorKind::UnknownToken,
                    unknown_level(level.get_ref()),
                    LEVEL,
                ),
            }
        }
        let mut suppress = Vec::new();
        for table in raw.suppress.unwrap_or_default() {
            let (line, _) = position(text, table.span().start);
            let table = table.into_inner();
            let span = table.rule.span();
            let selector = Selector::parse(table.rule.get_ref())
                .map_err(|e| errors.at(span, ErrorKind::UnknownToken, e.to_string(), SELECTOR));
            if table.reason.get_ref().trim().is_empty() {
                let message = "a suppression needs a reason".to_owned();
                errors.at(
                    table.reason.span(),
                    ErrorKind::InvalidValue,
                    message,
                    "why it is accepted",
                );
            }
            let expires = table.expires.and_then(|value| date(value, &mut errors));
            if let Ok(selector) = selector {
                suppress.push(Suppress {
                    suppression: Suppression {
                        selector,
                        subject: table.subject.filter(|s| !s.is_empty()),
                        reason: table.reason.into_inner(),
                    },
                    expires,
                    line,
                });
            }
        }
        let fail_level = raw.fail_level.and_then(|level| {
            let found = Severity::from_token(level.get_ref());
            if found.is_none() {
                errors.at(
                    level.span(),
                    ErrorKind::UnknownToken,
                    unknown_level(level.get_ref()),
                    LEVEL,
                );
            }
            found
        });
        let target_product = raw.target_product.and_then(|product| {
            let found = Product::from_token(product.get_ref()).filter(|p| *p == Product::SfbSe);
            if found.is_none() {
                let message = format!("`{}` is not a target product", product.get_ref());
                errors.at(product.span(), ErrorKind::UnknownToken, message, "`sfbse`");
            }
            found
        });
        let as_of = raw.as_of.and_then(|value| date(value, &mut errors));
        let max_document_size = raw.max_document_size.and_then(|value| {
            let span = value.span();
            let size = match value.into_inner() {
                toml::Value::Integer(n) => {
                    usize::try_from(n).map_err(|_| format!("`{n}` is not a size"))
                }
                toml::Value::String(text) => parse_size(&text),
                other => Err(format!("a {} is not a size", other.type_str())),
            };
            size.map_err(|message| errors.at(span, ErrorKind::InvalidValue, message, SIZE))
                .ok()
        });
        if !errors.list.is_empty() {
            return Err(TopologyError {
                errors: errors.list,
            });
        }
        Ok(Config {
            select,
            ignore,
            severity,
            suppress,
            fail_level,
            fail_on_not_evaluated: raw.fail_on_not_evaluated,
            allow_basic_ag_on_standard: raw.allow_basic_ag_on_standard,
            facts: raw.facts,
            baseline: raw.baseline,
            as_of,
            approaching_months: raw.approaching_months,
            target_product,
            max_document_size,
            max_entities: raw.max_entities,
        })
    }

    /// Reads a configuration file; errors name it. The `facts` and `baseline` paths of the file
    /// are taken relative to its folder.
    pub fn load(path: &Path) -> Result<Config, TopologyError> {
        let file = path.to_string_lossy();
        let bytes =
            crate::read::file(path, &file, &crate::Limits::default(), "configuration file")?;
        let text = std::str::from_utf8(&bytes).map_err(|_| {
            TopologyError::from(
                InputError::at(
                    ErrorKind::Encoding,
                    "",
                    "the configuration file is not UTF-8 text",
                )
                .expected("a TOML file in UTF-8"),
            )
            .in_file(&file)
        })?;
        let mut config = Config::from_toml(text).map_err(|error| error.in_file(&file))?;
        let folder = path.parent().unwrap_or(Path::new(""));
        for relative in [&mut config.facts, &mut config.baseline]
            .into_iter()
            .flatten()
        {
            *relative = folder.join(&*relative);
        }
        Ok(config)
    }

    /// The configuration file that applies in `folder`: `hadr-rules.toml` there or in the
    /// nearest parent that has one.
    pub fn find(folder: &Path) -> Option<PathBuf> {
        folder
            .ancestors()
            .map(|dir| dir.join(FILE_NAME))
            .find(|candidate| candidate.is_file())
    }

    /// The options of the file, and the suppressions that expired before the check date (the
    /// file's `as_of`, or today) and so are left out.
    pub fn options(&self) -> (Options, Vec<Expired>) {
        let mut options = Options {
            allow_basic_ag_on_standard: self.allow_basic_ag_on_standard.unwrap_or(false),
            select: self.select.clone().unwrap_or_default(),
            ignore: self.ignore.clone().unwrap_or_default(),
            severity: self.severity.clone(),
            suppress: Vec::new(),
            as_of: self.as_of,
            approaching_months: self.approaching_months,
            target_product: self.target_product,
        };
        let (suppress, expired) = self.suppressions(options.check_date());
        options.suppress = suppress;
        (options, expired)
    }

    /// The suppressions that apply on `check_date`, and those that expired before it.
    pub fn suppressions(&self, check_date: Date) -> (Vec<Suppression>, Vec<Expired>) {
        let mut active = Vec::new();
        let mut expired = Vec::new();
        for s in &self.suppress {
            match s.expires {
                Some(expires) if expires < check_date => expired.push(Expired {
                    suppression: s.suppression.clone(),
                    expires,
                    line: s.line,
                }),
                _ => active.push(s.suppression.clone()),
            }
        }
        (active, expired)
    }

    /// The input limits of the file (the defaults where it is silent).
    pub fn limits(&self) -> crate::Limits {
        crate::Limits::with(self.max_document_size, self.max_entities)
    }
}

const SELECTOR: &str = "a rule ID such as `PAIR-009` or a family such as `PAIR`";
const LEVEL: &str = "`error`, `warning` or `info`";
const SIZE: &str = "bytes, or a size such as `\"64MiB\"`";

fn unknown_level(level: &str) -> String {
    format!("unknown level `{level}`")
}

/// The errors found after the TOML was read, each at its place in the text.
struct Errors<'a> {
    text: &'a str,
    list: Vec<InputError>,
}

impl Errors<'_> {
    fn at(
        &mut self,
        span: std::ops::Range<usize>,
        kind: ErrorKind,
        message: String,
        expected: &str,
    ) {
        let (line, column) = position(self.text, span.start);
        self.list.push(
            InputError::at(kind, "", message)
                .expected(expected)
                .position(line, column),
        );
    }
}

/// The selectors of a list; an unknown one is an error at its place.
fn selectors(list: Vec<Spanned<String>>, errors: &mut Errors<'_>) -> Vec<Selector> {
    list.into_iter()
        .filter_map(|s| {
            let span = s.span();
            Selector::parse(s.get_ref())
                .map_err(|e| errors.at(span, ErrorKind::UnknownToken, e.to_string(), SELECTOR))
                .ok()
        })
        .collect()
}

/// A date written as a TOML date (`2027-01-31`) or a string (`"2027-01-31"`).
fn date(value: Spanned<toml::Value>, errors: &mut Errors<'_>) -> Option<Date> {
    let span = value.span();
    let text = match value.into_inner() {
        toml::Value::String(text) => text,
        toml::Value::Datetime(datetime) => datetime.to_string(),
        other => other.type_str().to_owned(),
    };
    lifecycle::parse_date(&text)
        .map_err(|message| errors.at(span, ErrorKind::InvalidValue, message, "a date, YYYY-MM-DD"))
        .ok()
}

/// The 1-based line and column of a byte offset.
fn position(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// A TOML or serde error in the words of the topology's errors: the kind, the message, what
/// was expected, the closest key for an unknown one.
fn from_toml_error(text: &str, error: &toml::de::Error) -> TopologyError {
    let message = error.message().trim();
    let (message, expected) = match message.split_once(", expected ") {
        Some((message, expected)) => (message.to_owned(), Some(expected.to_owned())),
        None => (message.to_owned(), None),
    };
    let kind = if message.starts_with("unknown field") {
        ErrorKind::UnknownKey
    } else if message.starts_with("missing field") {
        ErrorKind::MissingKey
    } else if message.starts_with("invalid type") {
        ErrorKind::InvalidType
    } else if message.contains("duplicate key") {
        ErrorKind::DuplicateKey
    } else {
        ErrorKind::Syntax
    };
    let message = match kind {
        ErrorKind::UnknownKey | ErrorKind::MissingKey => {
            let key = message.split('`').nth(1).unwrap_or_default();
            let hint = closest(key, KEYS.iter().copied())
                .filter(|_| kind == ErrorKind::UnknownKey)
                .map(|near| format!(": did you mean `{near}`?"))
                .unwrap_or_default();
            let what = if kind == ErrorKind::UnknownKey {
                "unknown"
            } else {
                "missing"
            };
            format!("{what} key `{key}`{hint}")
        }
        _ => message,
    };
    let mut input = InputError::at(kind, "", message);
    input.expected =
        expected.or_else(|| Some("a hadr-rules.toml file (docs/config.md)".to_owned()));
    if let Some(span) = error.span() {
        let (line, column) = position(text, span.start);
        input = input.position(line, column);
    }
    input.into()
}
