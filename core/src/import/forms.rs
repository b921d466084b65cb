//! Which reader for which input: a zip (its `DocItemSet.xml`), the published `Topology`, a
//! Topology Builder file, or a topology inside some other XML; anything else is refused.

use super::detect::{decode, is_xml, is_zip};
use super::model::Model;
use super::xml::{BUILDER, TOPOLOGY, find, is};
use super::{Form, Limits, published, tbxml, xml};
use crate::error::{ErrorKind, InputError, TopologyError};

fn not_topology(message: String, expected: &str) -> TopologyError {
    InputError::at(ErrorKind::NotTopology, "", message)
        .expected(expected.to_owned())
        .into()
}

const EXPECTED_INPUT: &str = "topology XML from `Get-CsTopology -AsXml`, a Topology Builder \
                              .tbxml file or an Export-CsConfiguration zip";

/// Reads the bytes into the model, telling the form from the content.
pub(crate) fn model(bytes: &[u8], limits: &Limits) -> Result<(Form, Model), TopologyError> {
    if is_zip(bytes) {
        let inner = super::zip::doc_item_set(bytes, limits).map_err(|e| TopologyError::from(*e))?;
        let in_entry = |mut error: Box<InputError>| {
            error.message = format!("{}: {}", super::zip::DOC_ITEM_SET, error.message);
            TopologyError::from(*error)
        };
        let text = decode(&inner).map_err(in_entry)?;
        let document = xml::parse(&text).map_err(in_entry)?;
        if let Some(topology) = find(document.root(), TOPOLOGY, "Topology") {
            return Ok((Form::ConfigurationZip, published::read(topology)));
        }
        // The topology may be stored as escaped text inside a DocItem.
        for node in document.descendants().filter(|n| n.is_text()) {
            let Some(embedded) = node.text().filter(|t| t.contains(TOPOLOGY)) else {
                continue;
            };
            let inner = xml::parse(embedded).map_err(in_entry)?;
            if let Some(topology) = find(inner.root(), TOPOLOGY, "Topology") {
                return Ok((Form::ConfigurationZip, published::read(topology)));
            }
        }
        return Err(not_topology(
            format!(
                "the zip's {} holds no topology (no `Topology` element of {TOPOLOGY}); an \
                 Export-CsUserData zip holds users and contacts, not the topology",
                super::zip::DOC_ITEM_SET
            ),
            "the zip written by Export-CsConfiguration",
        ));
    }
    if !is_xml(bytes) {
        let (_, mark) = super::detect::sniff(bytes);
        let json = bytes
            .get(mark..)
            .unwrap_or_default()
            .iter()
            .find(|b| !b.is_ascii_whitespace())
            .is_some_and(|b| *b == b'{');
        let message = if bytes.is_empty() {
            "the file is empty".to_owned()
        } else if json {
            "the file looks like a JSON document, not topology XML: `check` reads a format-1 \
             document as it is"
                .to_owned()
        } else {
            "the file is neither XML nor a zip archive".to_owned()
        };
        return Err(not_topology(message, EXPECTED_INPUT));
    }
    limits
        .size(bytes.len(), "XML file")
        .map_err(|e| TopologyError::from(*e))?;
    let text = decode(bytes).map_err(|e| TopologyError::from(*e))?;
    let document = xml::parse(&text).map_err(|e| TopologyError::from(*e))?;
    let root = document.root_element();
    if is(root, TOPOLOGY, "Topology") {
        return Ok((Form::Topology, published::read(root)));
    }
    if is(root, BUILDER, "TopologyBuilder") {
        return tbxml::read(root)
            .map(|model| (Form::TopologyBuilder, model))
            .ok_or_else(|| {
                not_topology(
                    "the Topology Builder file holds no `PartialTopology`".to_owned(),
                    EXPECTED_INPUT,
                )
            });
    }
    if let Some(topology) = find(root, TOPOLOGY, "Topology") {
        return Ok((Form::Topology, published::read(topology)));
    }
    let name = root.tag_name().name();
    let namespace = root
        .tag_name()
        .namespace()
        .map(|ns| format!(" of namespace {ns}"))
        .unwrap_or_else(|| " without a namespace".to_owned());
    let message = if name == "DocItemSet" {
        "the DocItemSet holds no topology (no `Topology` element): Export-CsUserData writes \
         users and contacts, not the topology"
            .to_owned()
    } else {
        format!(
            "the root element is `{name}`{namespace}: not a Lync or Skype for Business topology"
        )
    };
    Err(not_topology(message, EXPECTED_INPUT))
}
