//! The topology XML importer: `Get-CsTopology -AsXml` output, Topology Builder `.tbxml` files
//! and `Export-CsConfiguration` zips, read into the format-1 [`Document`] with the facts the XML
//! does not hold taken from an optional [`Facts`] file.
//!
//! The form is told from the content, never from the file name; UTF-8 and UTF-16 byte-order
//! marks are sniffed; elements are matched by namespace and local name, never by prefix. What
//! the importer reads and what it assumes is in `docs/topology-xml.md`.
//!
//! ```
//! let xml = br#"<Topology xmlns="urn:schema:Microsoft.Rtc.Management.Deploy.Topology.2008">
//!   <Sites><CentralSite SiteId="1"><Name>Dallas</Name></CentralSite></Sites>
//!   <Clusters><Cluster Fqdn="se.contoso.com"><ClusterId SiteId="1" Number="1"/>
//!     <Machine OrdinalInCluster="1" Fqdn="se.contoso.com"/></Cluster></Clusters>
//!   <SqlInstances><SqlInstance><SqlInstanceId Name="rtc"><ClusterId SiteId="1" Number="1"/>
//!     </SqlInstanceId></SqlInstance></SqlInstances>
//!   <Services>
//!     <Service ServiceVersion="8"><ServiceId SiteId="1" RoleName="UserServices" Instance="1"/>
//!       <DependsOn><Dependency><ServiceId SiteId="1" RoleName="UserStore" Instance="1"/>
//!       </Dependency></DependsOn>
//!       <InstalledOn><ClusterId SiteId="1" Number="1"/></InstalledOn></Service>
//!     <Service ServiceVersion="8"><ServiceId SiteId="1" RoleName="UserStore" Instance="1"/>
//!       <InstalledOn><SqlInstanceId Name="rtc"><ClusterId SiteId="1" Number="1"/>
//!       </SqlInstanceId></InstalledOn></Service>
//!   </Services></Topology>"#;
//! let import = hadr_rules::import::import(xml, None).unwrap();
//! let pool = &import.document().pools[0];
//! assert_eq!(pool.fqdn, "se.contoso.com");
//! assert_eq!(pool.edition, Some(hadr_rules::tokens::Edition::Standard));
//! ```

mod anonymize;
mod detect;
mod edge;
mod facts;
mod forms;
mod links;
mod model;
mod notes;
mod published;
mod stores;
mod tbxml;
mod template;
mod topology;
mod xml;
mod zip;

use std::fmt;

use serde::Serialize;

use crate::document::Document;
use crate::error::{ErrorKind, InputError, TopologyError};
use crate::topology::Topology;

pub use anonymize::anonymize;
pub use detect::{Form, detect};
pub use facts::{
    Defaults, Facts, PoolDefaults, PoolEntry, ServerEntry, SiteEntry, StoreDefaults, StoreEntry,
    facts_schema,
};
pub use template::{facts_template, template_of};

pub use crate::limits::Limits;

/// What kind of warning an import gives; a stable token for tools.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum WarningKind {
    /// An IP address attribute holds something that is not an address (a template placeholder).
    PlaceholderAddress,
    /// A pool or server name without a domain.
    NotFullyQualified,
    /// A fact the XML does not hold was assumed (AG replica modes, a single SQL server).
    Assumed,
    /// A fact was read from an XML shape no public export confirms (mirroring, witness, branch
    /// sites).
    Unverified,
    /// An element or attribute the importer does not read, where HA settings may hide.
    UnknownElement,
    /// The topology places no Central Management store.
    NoCms,
    /// A cluster with Lync/Skype services that is not imported as a pool.
    SkippedCluster,
    /// The services of one pool have different `ServiceVersion`s.
    MixedVersions,
    /// A facts entry that names nothing in the topology.
    UnusedFact,
}

impl WarningKind {
    /// The token, as serialized.
    pub const fn as_str(self) -> &'static str {
        match self {
            WarningKind::PlaceholderAddress => "placeholder_address",
            WarningKind::NotFullyQualified => "not_fully_qualified",
            WarningKind::Assumed => "assumed",
            WarningKind::Unverified => "unverified",
            WarningKind::UnknownElement => "unknown_element",
            WarningKind::NoCms => "no_cms",
            WarningKind::SkippedCluster => "skipped_cluster",
            WarningKind::MixedVersions => "mixed_versions",
            WarningKind::UnusedFact => "unused_fact",
        }
    }
}

/// Something the import reports without failing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Warning {
    /// What kind of warning.
    pub kind: WarningKind,
    /// JSON Pointer into the imported document (or, for `unused_fact`, the facts file); `""`
    /// when it concerns no entity of the document.
    pub path: String,
    /// 1-based line of the XML element, where there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// What was found, with the value in backticks.
    pub message: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(line) = self.line {
            write!(f, "line {line}: ")?;
        }
        if !self.path.is_empty() {
            write!(f, "at `{}`: ", self.path)?;
        }
        write!(f, "{}", self.message)
    }
}

/// Where a value of the imported document came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Source {
    /// JSON Pointer into the imported document.
    pub pointer: String,
    /// 1-based line of the XML element, where the value came from the XML.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// The XML element as a short start tag (`<Cluster Fqdn="…">`), or `facts /servers/…`.
    pub origin: String,
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.origin)?;
        if let Some(line) = self.line {
            write!(f, " (line {line})")?;
        }
        Ok(())
    }
}

/// Where the value at `pointer` (or the closest enclosing value) came from, among `sources`.
pub fn source<'s>(sources: &'s [Source], pointer: &str) -> Option<&'s Source> {
    sources
        .iter()
        .filter(|source| {
            pointer == source.pointer
                || pointer
                    .strip_prefix(source.pointer.as_str())
                    .is_some_and(|rest| rest.starts_with('/'))
        })
        .max_by_key(|source| source.pointer.len())
}

/// An imported topology: the resolved document, the warnings, and where each value came from.
#[derive(Debug, Clone)]
pub struct Import {
    /// The form the input had.
    pub form: Form,
    /// The topology, resolved and ready to check.
    pub topology: Topology,
    /// Problems that did not stop the import, in document order.
    pub warnings: Vec<Warning>,
    /// Where each value came from; empty for a JSON input.
    pub sources: Vec<Source>,
}

impl Import {
    /// The format-1 document.
    pub fn document(&self) -> &Document {
        self.topology.document()
    }

    /// The document as format-1 JSON, two-space indented, with a final newline.
    pub fn to_json(&self) -> String {
        let mut json = serde_json::to_string_pretty(self.document()).unwrap_or_default();
        json.push('\n');
        json
    }

    /// Where the value at `pointer` (or the closest enclosing value) came from.
    pub fn source(&self, pointer: &str) -> Option<&Source> {
        source(&self.sources, pointer)
    }

    /// The warnings as the JSON array of objects `{kind, path, line, message}`.
    pub fn warnings_json(&self) -> String {
        let mut json = serde_json::to_string_pretty(&self.warnings).unwrap_or_default();
        json.push('\n');
        json
    }
}

/// Imports topology XML, a `.tbxml` file or an `Export-CsConfiguration` zip, with the facts the
/// XML does not hold. A format-1 JSON document is refused (see [`read`]).
pub fn import(bytes: &[u8], facts: Option<&Facts>) -> Result<Import, TopologyError> {
    import_with_limits(bytes, facts, &Limits::default())
}

/// Reads any input the command line accepts: a format-1 JSON document as it is (no facts), or
/// anything [`import`] reads.
pub fn read(bytes: &[u8], facts: Option<&Facts>) -> Result<Import, TopologyError> {
    read_with_limits(bytes, facts, &Limits::default())
}

/// [`read`] with explicit limits.
pub fn read_with_limits(
    bytes: &[u8],
    facts: Option<&Facts>,
    limits: &Limits,
) -> Result<Import, TopologyError> {
    if detect(bytes) != Form::Json {
        return import_with_limits(bytes, facts, limits);
    }
    if facts.is_some() {
        return Err(InputError::at(
            ErrorKind::InvalidValue,
            "",
            "a facts file completes imported topology XML; a format-1 JSON document states \
             its facts itself",
        )
        .expected("topology XML, a .tbxml file or an Export-CsConfiguration zip with `--facts`")
        .into());
    }
    Ok(Import {
        form: Form::Json,
        topology: Topology::from_json_with_limits(bytes, limits)?,
        warnings: Vec::new(),
        sources: Vec::new(),
    })
}

/// [`import`] with explicit limits.
pub fn import_with_limits(
    bytes: &[u8],
    facts: Option<&Facts>,
    limits: &Limits,
) -> Result<Import, TopologyError> {
    limits.size(bytes.len(), "input").map_err(|e| *e)?;
    let default = Facts::default();
    let facts = facts.unwrap_or(&default);
    let (form, model) = forms::model(bytes, limits)?;
    let built = topology::build(&model, facts);
    if !built.errors.is_empty() {
        return Err(TopologyError {
            errors: built.errors,
        });
    }
    limits.entities(&built.document).map_err(|e| *e)?;
    let sources = built.sources;
    let topology = Topology::from_document(built.document).map_err(|mut error| {
        for input in &mut error.errors {
            let line = sources
                .iter()
                .filter(|s| {
                    input.path == s.pointer
                        || input
                            .path
                            .strip_prefix(s.pointer.as_str())
                            .is_some_and(|rest| rest.starts_with('/'))
                })
                .max_by_key(|s| s.pointer.len())
                .and_then(|s| s.line);
            if let (Some(line), None) = (line, input.line) {
                input.line = Some(line);
                input.column = Some(1);
            }
        }
        error
    })?;
    Ok(Import {
        form,
        topology,
        warnings: built.warnings,
        sources,
    })
}
