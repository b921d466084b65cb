//! Limits: an input past a limit gets one clear `too_large` error, quickly and without reading
//! the input into memory first.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use hadr_rules::generate::generate;
use hadr_rules::{ErrorKind, InputError, Limits, MAX_DEPTH, Topology};

fn only_error(input: &[u8], limits: &Limits) -> InputError {
    let errors = Topology::from_json_with_limits(input, limits)
        .unwrap_err()
        .errors;
    assert_eq!(errors.len(), 1, "{errors:?}");
    errors.into_iter().next().unwrap()
}

#[test]
fn a_document_over_the_size_limit_is_refused_before_it_is_read() {
    let text = generate(20, 1);
    let limits = Limits {
        max_document_bytes: 1024,
        ..Limits::default()
    };
    let error = only_error(text.as_bytes(), &limits);
    assert_eq!(error.kind, ErrorKind::TooLarge);
    assert_eq!(error.path, "");
    assert_eq!(
        error.message,
        format!(
            "the document is {} bytes long, more than the limit of 1 KiB",
            text.len()
        )
    );
    assert_eq!(
        error.expected.as_deref(),
        Some(
            "at most 1 KiB, or a higher limit set with `--max-document-size`, \
             `max_document_bytes` or `hadr_check_json_with_limits`"
        )
    );
}

#[test]
fn one_gibibyte_is_refused_by_default() {
    // Zeroed pages are mapped lazily: the test itself holds almost no memory, and a parser that
    // touched them would show it in time and memory.
    let huge = vec![0u8; 1 << 30];
    let error = Topology::from_json(&huge).unwrap_err().errors.remove(0);
    assert_eq!(error.kind, ErrorKind::TooLarge);
    assert_eq!(
        error.message,
        "the document is 1 GiB long, more than the limit of 64 MiB"
    );
}

#[test]
fn nesting_past_the_depth_limit_is_refused() {
    let depth = 100_000;
    let text = format!(
        r#"{{"format": 1, "sites": [], "pools": [], "x": {{"deep": {}{}}}}}"#,
        "[".repeat(depth),
        "]".repeat(depth)
    );
    let error = only_error(text.as_bytes(), &Limits::default());
    assert_eq!(error.kind, ErrorKind::TooLarge);
    assert_eq!(
        error.message,
        format!("arrays and objects nest more than {MAX_DEPTH} levels deep")
    );
    assert!(error.path.starts_with("/x/deep/0/0/"), "{}", error.path);
}

#[test]
fn nesting_within_the_limit_is_read() {
    let depth = MAX_DEPTH - 10;
    let text = format!(
        r#"{{"format": 1, "sites": [{{"id": "s"}}], "pools": [], "x": {{"deep": {}{}}}}}"#,
        "[".repeat(depth),
        "]".repeat(depth)
    );
    assert!(Topology::from_json(text.as_bytes()).is_ok());
}

#[test]
fn a_topology_over_the_entity_limit_is_refused_with_its_count() {
    let text = generate(10, 1);
    let limits = Limits {
        max_entities: 50,
        ..Limits::default()
    };
    let error = only_error(text.as_bytes(), &limits);
    assert_eq!(error.kind, ErrorKind::TooLarge);
    let count = Topology::from_json(text.as_bytes()).map(|t| {
        let d = t.document();
        let servers: usize = d.pools.iter().map(|p| p.servers.len()).sum();
        let nodes: usize = t.stores().map(|(_, _, f)| f.nodes.len()).sum();
        let links: usize = d
            .sites
            .iter()
            .map(|s| s.links.as_ref().map_or(0, Vec::len))
            .sum();
        d.sites.len() + d.pools.len() + servers + d.sql_stores.len() + nodes + links
    });
    assert_eq!(
        error.message,
        format!(
            "the topology holds {} entities (sites, pools, servers, SQL stores and nodes, file stores, gateways, site links and failover gateways), more than the limit of 50",
            count.unwrap()
        )
    );
}

#[test]
fn raised_limits_admit_a_large_document() {
    let text = generate(2000, 3);
    assert!(text.len() > 1 << 20);
    let tight = Limits {
        max_document_bytes: 1 << 20,
        ..Limits::default()
    };
    assert_eq!(
        only_error(text.as_bytes(), &tight).kind,
        ErrorKind::TooLarge
    );
    let raised = Limits {
        max_document_bytes: 8 << 20,
        ..Limits::default()
    };
    assert!(Topology::from_json_with_limits(text.as_bytes(), &raised).is_ok());
}

#[test]
fn topology_xml_is_held_to_the_same_size_limit() {
    let xml = br#"<?xml version="1.0"?><Topology xmlns="urn:schema:Microsoft.Rtc.Management.Deploy.Topology.2008"></Topology>"#;
    let limits = Limits {
        max_document_bytes: 64,
        ..Limits::default()
    };
    let error = hadr_rules::import::read_with_limits(xml, None, &limits)
        .err()
        .unwrap()
        .errors
        .remove(0);
    assert_eq!(error.kind, ErrorKind::TooLarge);
    assert_eq!(
        error.message,
        format!(
            "the input is {} bytes long, more than the limit of 64 bytes",
            xml.len()
        )
    );
}
