//! The rule registry: one table naming every rule of the catalog, with the text that feeds
//! `hadr-rules rules`, `hadr-rules explain` and the bindings.

mod explain;
mod id;
mod markdown;
mod table;

pub use explain::{explain, suggest};
pub use id::RuleId;
pub use markdown::markdown;

use serde::Serialize;

use crate::tokens::{Family, Product, Severity};

/// How strongly the documentation states a rule (catalog §0).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Strength {
    /// "not supported", "must", "only", "cannot": an error.
    Unsupported,
    /// A mandatory operational step: an error when the topology records it as skipped.
    RequiredProcedure,
    /// "should", "we recommend": a warning.
    Recommended,
    /// A behaviour, target or capacity fact: an info.
    Informational,
}

impl Strength {
    /// The severity a finding of this strength gets unless the rule says otherwise.
    pub const fn severity(self) -> Severity {
        match self {
            Strength::Unsupported | Strength::RequiredProcedure => Severity::Error,
            Strength::Recommended => Severity::Warning,
            Strength::Informational => Severity::Info,
        }
    }
}

/// Where a rule's statement comes from (catalog §0 provenance markers).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Provenance {
    /// Stated in a primary Microsoft documentation page.
    Primary,
    /// Follows logically from sourced facts without being stated verbatim.
    Derived,
    /// Found only in a non-Microsoft page: never an error, reported as unverified.
    Secondary,
    /// Not found in the documentation read: never an error, reported as unverified.
    Unsourced,
}

impl Provenance {
    /// Whether findings resting on this provenance are reported as unverified.
    pub const fn is_unverified(self) -> bool {
        matches!(self, Provenance::Secondary | Provenance::Unsourced)
    }
}

/// Whether Topology Builder (or topology validation) stops the configuration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum TbEnforced {
    /// Topology Builder refuses it.
    Yes,
    /// Topology Builder lets it through.
    No,
    /// Topology Builder stops some cases only.
    Partial,
    /// The documentation does not say; nothing here applies to Topology Builder.
    NotStated,
}

/// A documentation page and section a rule rests on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Source {
    /// Path in the `MicrosoftDocs/OfficeDocs-SkypeForBusiness` repository, or an `https://` address
    /// for a secondary source.
    pub path: &'static str,
    /// Section heading; empty for the page introduction.
    pub heading: &'static str,
}

impl Source {
    /// The learn.microsoft.com address of the page and section.
    pub fn url(&self) -> String {
        if self.path.starts_with("https://") {
            return self.path.to_owned();
        }
        let page = self.path.strip_suffix(".md").unwrap_or(self.path);
        let page = [
            ("Skype/SfbServer/", "skypeforbusiness/"),
            ("Skype/SfBServer2019/", "skypeforbusiness/"),
            ("Lync/LyncServer/", "lyncserver/"),
        ]
        .iter()
        .find_map(|(prefix, site)| {
            page.strip_prefix(prefix)
                .map(|rest| format!("{site}{rest}"))
        })
        .unwrap_or_else(|| page.to_owned());
        let anchor = anchor(self.heading);
        if anchor.is_empty() {
            format!("https://learn.microsoft.com/{page}")
        } else {
            format!("https://learn.microsoft.com/{page}#{anchor}")
        }
    }
}

/// The anchor learn.microsoft.com gives a heading: lower case, words joined by hyphens.
fn anchor(heading: &str) -> String {
    heading
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == ' ' || *c == '-')
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join("-")
}

/// How the engine treats a rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Evaluation {
    /// Checked against every topology.
    Checked,
    /// Shown by `explain` and listed by `rules`, but not checkable from a topology: the reason.
    Guidance(&'static str),
    /// A catalog cross-reference: the named rule reports the finding.
    AliasOf(&'static str),
}

/// The rule's documentation, in fixed sections.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RuleDoc {
    /// What the rule checks, in terms of the topology format.
    pub what: &'static str,
    /// Why it matters: what breaks, what Microsoft says.
    pub why: &'static str,
    /// A short example of a topology (or plan) that breaks the rule.
    pub example: &'static str,
    /// How to fix it.
    pub fix: &'static str,
}

/// One rule of the catalog.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    /// The catalog ID, e.g. `PAIR-001`: never reused.
    pub id: &'static str,
    /// Readable kebab-case name, e.g. `pair-same-edition`.
    pub name: &'static str,
    /// One-line title.
    pub title: &'static str,
    /// The family (the ID's prefix).
    pub family: Family,
    /// How strongly the documentation states it.
    pub strength: Strength,
    /// A default severity other than its strength's (`None` for almost every rule): see
    /// [`Rule::severity`].
    pub severity: Option<Severity>,
    /// Whether its findings are stable or still in preview.
    pub status: Status,
    /// The products it applies to.
    pub products: &'static [Product],
    /// Where the statement comes from.
    pub provenance: Provenance,
    /// Whether Topology Builder enforces it.
    pub tb_enforced: TbEnforced,
    /// Documentation pages and sections.
    pub sources: &'static [Source],
    /// Checked, guidance only, or an alias.
    pub evaluation: Evaluation,
    /// Its documentation.
    pub doc: RuleDoc,
}

/// Whether a rule's findings may still change in wording or scope.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Its ID, subjects and facts are stable.
    Stable,
    /// New: its findings may still change from one release to the next.
    Preview,
}

/// IDs that were once rules and are never reused, with why they were retired.
pub const RESERVED: &[(&str, &str)] = &[];

impl Rule {
    /// The defaults of a catalog entry: the severity its strength gives, stable. Entries write
    /// every documented field and end with `..Rule::STABLE`.
    pub const STABLE: Rule = Rule {
        id: "",
        name: "",
        title: "",
        family: Family::Pair,
        strength: Strength::Informational,
        severity: None,
        status: Status::Stable,
        products: &[],
        provenance: Provenance::Primary,
        tb_enforced: TbEnforced::NotStated,
        sources: &[],
        evaluation: Evaluation::Checked,
        doc: RuleDoc {
            what: "",
            why: "",
            example: "",
            fix: "",
        },
    };

    /// The default severity of its findings: its strength's unless the entry overrides it.
    pub const fn severity(&self) -> Severity {
        match self.severity {
            Some(severity) => severity,
            None => self.strength.severity(),
        }
    }

    /// Whether the catalog marks the rule as resting on a secondary or no source.
    pub const fn is_unverified(&self) -> bool {
        self.provenance.is_unverified()
    }

    /// The learn.microsoft.com addresses of its sources.
    pub fn references(&self) -> Vec<String> {
        self.sources.iter().map(Source::url).collect()
    }
}

/// Every rule, in catalog order.
pub fn rules() -> &'static [Rule] {
    &table::RULES
}

/// The rule with this ID (case-insensitive), if any.
pub fn rule(id: &str) -> Option<&'static Rule> {
    table::RULES
        .iter()
        .find(|rule| rule.id.eq_ignore_ascii_case(id))
}

/// The families that have rules, in catalog order.
pub fn families() -> impl Iterator<Item = Family> {
    Family::ALL
        .iter()
        .copied()
        .filter(|family| rules().iter().any(|rule| rule.family == *family))
}

impl Serialize for Rule {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("id", self.id)?;
        map.serialize_entry("name", self.name)?;
        map.serialize_entry("title", self.title)?;
        map.serialize_entry("family", &self.family)?;
        map.serialize_entry("severity", &self.severity())?;
        map.serialize_entry("status", &self.status)?;
        map.serialize_entry("strength", &self.strength)?;
        map.serialize_entry("products", self.products)?;
        map.serialize_entry("provenance", &self.provenance)?;
        map.serialize_entry("unverified", &self.is_unverified())?;
        map.serialize_entry("tb_enforced", &self.tb_enforced)?;
        match self.evaluation {
            Evaluation::Checked => map.serialize_entry("evaluation", "checked")?,
            Evaluation::Guidance(reason) => {
                map.serialize_entry("evaluation", "guidance")?;
                map.serialize_entry("guidance_reason", reason)?;
            }
            Evaluation::AliasOf(target) => {
                map.serialize_entry("evaluation", "alias")?;
                map.serialize_entry("alias_of", target)?;
            }
        }
        let sources: Vec<serde_json::Value> = self
            .sources
            .iter()
            .map(|s| serde_json::json!({ "path": s.path, "heading": s.heading, "url": s.url() }))
            .collect();
        map.serialize_entry("sources", &sources)?;
        map.serialize_entry(
            "doc",
            &serde_json::json!({
                "what": self.doc.what,
                "why": self.doc.why,
                "example": self.doc.example,
                "fix": self.doc.fix,
            }),
        )?;
        map.end()
    }
}
