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

/// At most this many attributes on one element, namespace declarations included (a topology
/// element has at most about ten). The parser checks each attribute against the element's
/// others, in time quadratic in their number: 160,000 attributes took 36 s.
pub(crate) const MAX_ATTRIBUTES: usize = 64;

/// At most this many namespace declarations (`xmlns`, `xmlns:p`) in scope at once: on an
/// element and its ancestors (a topology file has fewer than ten). The parser copies the
/// namespaces in scope for every element that declares one, in time quadratic in their number.
pub(crate) const MAX_NAMESPACES: usize = 32;

/// Parses XML text; DTDs and entity declarations are refused, and so is an element with more
/// than [`MAX_ATTRIBUTES`] attributes or [`MAX_NAMESPACES`] namespace declarations, before the
/// parser sees it.
pub(crate) fn parse(text: &str) -> Result<Document<'_>, Box<InputError>> {
    prescan(text)?;
    let options = ParsingOptions {
        allow_dtd: false,
        nodes_limit: NODES_LIMIT,
        ..ParsingOptions::default()
    };
    Document::parse_with_options(text, options).map_err(|error| Box::new(translate(text, &error)))
}

/// One linear pass over the tags, counting each start tag's attributes and the namespace
/// declarations in scope. Comments, CDATA sections, processing instructions and declarations
/// are skipped; text that is not well-formed is left to the parser to report.
fn prescan(text: &str) -> Result<(), Box<InputError>> {
    let bytes = text.as_bytes();
    // The namespace declarations of each open element, and their sum.
    let mut open_elements: Vec<usize> = Vec::new();
    let mut in_scope = 0;
    let mut at = 0;
    while let Some(open) = offset_of(bytes, at, b"<") {
        let rest = bytes.get(open + 1..).unwrap_or_default();
        let skip_to = |end: &[u8]| offset_of(bytes, open + 1, end).map(|e| e + end.len());
        let next = if rest.starts_with(b"!--") {
            skip_to(b"-->")
        } else if rest.starts_with(b"![CDATA[") {
            skip_to(b"]]>")
        } else if rest.starts_with(b"?") {
            skip_to(b"?>")
        } else if rest.starts_with(b"!") {
            skip_to(b">")
        } else if rest.starts_with(b"/") {
            in_scope -= open_elements.pop().unwrap_or_default();
            skip_to(b">")
        } else {
            let Some(tag) = start_tag(text, open, in_scope)? else {
                return Ok(());
            };
            if !tag.empty {
                open_elements.push(tag.namespaces);
                in_scope += tag.namespaces;
            }
            Some(tag.end)
        };
        match next {
            Some(next) => at = next,
            None => return Ok(()),
        }
    }
    Ok(())
}

/// What the pre-scan needs of a start tag.
struct StartTag {
    /// The offset after its `>`.
    end: usize,
    /// Its namespace declarations.
    namespaces: usize,
    /// `<a/>`: it opens no scope.
    empty: bool,
}

/// Counts the attributes of the start tag at `open`, with `in_scope` namespace declarations
/// of its ancestors; `None` when the text ends inside it.
fn start_tag(
    text: &str,
    open: usize,
    in_scope: usize,
) -> Result<Option<StartTag>, Box<InputError>> {
    let (mut attributes, mut namespaces) = (0, 0);
    let mut name_start = open + 1;
    let mut quote: Option<u8> = None;
    let mut previous = 0;
    for (offset, &byte) in text.as_bytes().iter().enumerate().skip(open + 1) {
        match (quote, byte) {
            (Some(q), b) if b == q => {
                quote = None;
                name_start = offset + 1;
            }
            (Some(_), _) => {}
            (None, b'"' | b'\'') => quote = Some(byte),
            (None, b'>') => {
                return Ok(Some(StartTag {
                    end: offset + 1,
                    namespaces,
                    empty: previous == b'/',
                }));
            }
            (None, b'=') => {
                let name = text.get(name_start..offset).unwrap_or_default().trim();
                attributes += 1;
                if name == "xmlns" || name.starts_with("xmlns:") {
                    namespaces += 1;
                }
                let namespaces_over = in_scope + namespaces > MAX_NAMESPACES;
                if attributes > MAX_ATTRIBUTES || namespaces_over {
                    return Err(Box::new(crowded(text, open, namespaces_over)));
                }
            }
            (None, b' ' | b'\t' | b'\r' | b'\n') => name_start = offset + 1,
            (None, _) => {}
        }
        previous = byte;
    }
    Ok(None)
}

/// The error for an element past [`MAX_ATTRIBUTES`] or [`MAX_NAMESPACES`].
fn crowded(text: &str, open: usize, namespaces_over: bool) -> InputError {
    let (line, column) = position(text, open);
    let (message, expected) = if namespaces_over {
        (
            format!("more than {MAX_NAMESPACES} namespace declarations are in scope on an element"),
            format!(
                "at most {MAX_NAMESPACES} namespace declarations on an element and its parents"
            ),
        )
    } else {
        (
            format!("an element has more than {MAX_ATTRIBUTES} attributes"),
            format!("at most {MAX_ATTRIBUTES} attributes on an element"),
        )
    };
    InputError::at(ErrorKind::TooLarge, "", message)
        .expected(expected)
        .position(line, column)
}

/// The offset of the first `needle` in `bytes` at or after `from`.
fn offset_of(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    let haystack = bytes.get(from..)?;
    haystack
        .windows(needle.len())
        .position(|window| window == needle)
        .map(|position| from + position)
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

/// The voice failover settings of a `Backup` element: `EnableAutomaticFailover`,
/// `FailureDetectionInterval` and `FailbackDetectionInterval` (xs:duration).
pub(crate) fn voice_failover(backup: Node<'_, '_>) -> crate::document::VoiceFailover {
    crate::document::VoiceFailover {
        automatic: flag(backup, "EnableAutomaticFailover"),
        failure_detection_seconds: attr(backup, "FailureDetectionInterval").and_then(seconds),
        failback_seconds: attr(backup, "FailbackDetectionInterval").and_then(seconds),
    }
}

/// The seconds of an xs:duration without years or months (`P0Y0M0DT0H5M0S` is 300); `None`
/// for another shape, which then reads as absent.
pub(crate) fn seconds(duration: &str) -> Option<u32> {
    let rest = duration.trim().strip_prefix('P')?;
    let (date, time) = rest.split_once('T').unwrap_or((rest, ""));
    let mut total: u64 = 0;
    for (part, units) in [
        (date, &[('Y', 0), ('M', 0), ('D', 86_400)][..]),
        (time, &[('H', 3_600), ('M', 60), ('S', 1)][..]),
    ] {
        let mut number = String::new();
        for c in part.chars() {
            if c.is_ascii_digit() {
                number.push(c);
                continue;
            }
            let &(_, unit) = units.iter().find(|(u, _)| *u == c)?;
            let value: u64 = number.parse().ok()?;
            // Years and months have no fixed length: only zero is read.
            if unit == 0 && value != 0 {
                return None;
            }
            total = total.checked_add(value.checked_mul(unit)?)?;
            number.clear();
        }
        if !number.is_empty() {
            return None;
        }
    }
    u32::try_from(total).ok()
}

#[cfg(test)]
mod tests {
    use super::seconds;

    #[test]
    fn durations_read_as_seconds() {
        assert_eq!(seconds("P0Y0M0DT0H5M0S"), Some(300));
        assert_eq!(seconds("PT2M"), Some(120));
        assert_eq!(seconds("P1DT1S"), Some(86_401));
        assert_eq!(seconds("P1Y"), None);
        assert_eq!(seconds("PT5"), None);
        assert_eq!(seconds("5M"), None);
        assert_eq!(seconds("PT99999999999999999999S"), None);
    }
}
