//! Element helpers: namespaces, matching by namespace and local name (never by prefix),
//! attributes, text, line numbers, and the parser set up to refuse DTDs.

use roxmltree::{Document, Node, ParsingOptions};

use crate::error::{ErrorKind, InputError};

/// Default namespace of the published topology (`Get-CsTopology -AsXml`).
pub(crate) const TOPOLOGY: &str = "urn:schema:Microsoft.Rtc.Management.Deploy.Topology.2008";
/// Namespace of a Topology Builder file's `PartialTopology` and its children.
pub(crate) const WRITABLE: &str =
    "urn:schema:Microsoft.Rtc.Management.Deploy.WritableTopology.2008";
/// Namespace of a Topology Builder file's root.
pub(crate) const BUILDER: &str = "urn:schema:Microsoft.Rtc.Management.Deploy.TopologyBuilder.2008";
/// Namespace of the per-role detail elements (`RegistrarService`, `CentralMgmtService`, …).
pub(crate) const ROLES: &str = "urn:schema:Microsoft.Rtc.Management.Deploy.ServiceRoles.2008";

/// At most this many XML nodes in one document (a real topology has a few thousand).
const NODES_LIMIT: u32 = 2_000_000;

/// Parses XML text; DTDs and entity declarations are refused.
pub(crate) fn parse(text: &str) -> Result<Document<'_>, Box<InputError>> {
    let options = ParsingOptions {
        allow_dtd: false,
        nodes_limit: NODES_LIMIT,
        ..ParsingOptions::default()
    };
    Document::parse_with_options(text, options).map_err(|error| Box::new(translate(text, &error)))
}

/// The project's wording for a parser error, with its line and column.
fn translate(text: &str, error: &roxmltree::Error) -> InputError {
    match error {
        roxmltree::Error::DtdDetected => {
            let offset = text.find("<!DOCTYPE").unwrap_or_default();
            let (line, column) = position(text, offset);
            InputError::at(
                ErrorKind::Dtd,
                "",
                "the document declares a DTD (`<!DOCTYPE …>`): DTDs and entity declarations are \
                 refused, so nothing is expanded or fetched",
            )
            .expected("topology XML without a DTD, as Get-CsTopology and Topology Builder write it")
            .position(line, column)
        }
        roxmltree::Error::NodesLimitReached => InputError::at(
            ErrorKind::Xml,
            "",
            format!("the document has more than {NODES_LIMIT} XML nodes"),
        )
        .expected("a topology of a realistic size"),
        _ => {
            let full = error.to_string();
            let message = full.split(" at ").next().unwrap_or(&full);
            let pos = error.pos();
            InputError::at(
                ErrorKind::Xml,
                "",
                format!("not well-formed XML: {message}"),
            )
            .expected("well-formed topology XML")
            .position(pos.row as usize, pos.col as usize)
        }
    }
}

/// 1-based line and column of a byte offset.
pub(crate) fn position(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let column = before.chars().rev().take_while(|c| *c != '\n').count() + 1;
    (line, column)
}

/// Whether `node` is the element `{ns}name`.
pub(crate) fn is(node: Node<'_, '_>, ns: &str, name: &str) -> bool {
    node.is_element() && node.tag_name().name() == name && node.tag_name().namespace() == Some(ns)
}

/// The first child element `{ns}name`.
pub(crate) fn child<'a, 'i>(node: Node<'a, 'i>, ns: &str, name: &str) -> Option<Node<'a, 'i>> {
    node.children().find(|c| is(*c, ns, name))
}

/// Every child element `{ns}name`, in document order.
pub(crate) fn children<'a, 'i>(
    node: Node<'a, 'i>,
    ns: &'static str,
    name: &'static str,
) -> impl Iterator<Item = Node<'a, 'i>> {
    node.children().filter(move |c| is(*c, ns, name))
}

/// The child elements of `{ns}list`, each `{ns}item`: `<Clusters><Cluster/>…</Clusters>`.
pub(crate) fn list<'a, 'i>(
    node: Node<'a, 'i>,
    ns: &'static str,
    list: &'static str,
    item: &'static str,
) -> impl Iterator<Item = Node<'a, 'i>> {
    node.children()
        .filter(move |c| is(*c, ns, list))
        .flat_map(move |l| children(l, ns, item))
}

/// The first descendant element `{ns}name` (the node itself included).
pub(crate) fn find<'a, 'i>(node: Node<'a, 'i>, ns: &str, name: &str) -> Option<Node<'a, 'i>> {
    node.descendants().find(|d| is(*d, ns, name))
}

/// An unqualified attribute, trimmed; `None` when absent.
pub(crate) fn attr<'a>(node: Node<'a, '_>, name: &str) -> Option<&'a str> {
    node.attribute(name).map(str::trim)
}

/// A boolean attribute (`true`/`false`, any case; `1`/`0`).
pub(crate) fn flag(node: Node<'_, '_>, name: &str) -> Option<bool> {
    match attr(node, name)?.to_ascii_lowercase().as_str() {
        "true" | "1" => Some(true),
        "false" | "0" => Some(false),
        _ => None,
    }
}

/// The element's text, trimmed.
pub(crate) fn text(node: Node<'_, '_>) -> String {
    node.descendants()
        .filter(|d| d.is_text())
        .filter_map(|d| d.text())
        .collect::<String>()
        .trim()
        .to_owned()
}

/// Where each line of a text starts, to turn element offsets into line numbers without
/// rescanning the text for every element.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Lines(Vec<usize>);

impl Lines {
    pub(crate) fn new(text: &str) -> Self {
        Lines(text.match_indices('\n').map(|(i, _)| i).collect())
    }

    /// 1-based line of the element's start tag.
    pub(crate) fn line(&self, node: Node<'_, '_>) -> usize {
        self.0
            .partition_point(|&newline| newline < node.range().start)
            + 1
    }
}

/// The element as a short start tag with its identifying attributes, for messages:
/// `<Cluster Fqdn="pool.contoso.com">`.
pub(crate) fn describe(node: Node<'_, '_>) -> String {
    const KEYS: [&str; 9] = [
        "Fqdn",
        "InterfaceSide",
        "SiteId",
        "Number",
        "RoleName",
        "Instance",
        "Name",
        "UniqueId",
        "ServiceUniqueId",
    ];
    let mut out = format!("<{}", node.tag_name().name());
    for key in KEYS {
        if let Some(value) = node.attribute(key) {
            out.push_str(&format!(" {key}=\"{value}\""));
        }
    }
    out.push('>');
    out
}
