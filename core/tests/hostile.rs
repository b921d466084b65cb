//! Hostile and oversized input: each is refused with its exact error, or read, without the
//! time or memory it used to take (the costs themselves are measured by
//! `benches/hostile/run`, not here).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::io::Write;

use hadr_rules::generate::{MAX_POOLS, generate};
use hadr_rules::import::Facts;
use hadr_rules::{ErrorKind, InputError, Limits, Topology, TopologyError};

fn only(error: TopologyError) -> InputError {
    assert_eq!(error.errors.len(), 1, "{error:?}");
    error.errors.into_iter().next().unwrap()
}

fn json_error(text: &str) -> InputError {
    only(Topology::from_json(text.as_bytes()).unwrap_err())
}

fn import_error(text: &str) -> InputError {
    only(hadr_rules::import::import(text.as_bytes(), None).unwrap_err())
}

const TOPOLOGY_NS: &str = "urn:schema:Microsoft.Rtc.Management.Deploy.Topology.2008";

// --- XML: attributes and namespace declarations --------------------------------------------

#[test]
fn an_element_with_160000_attributes_is_refused_at_the_65th() {
    let attributes: Vec<String> = (0..160_000).map(|i| format!("a{i}=\"v\"")).collect();
    let text = format!(
        "<?xml version=\"1.0\"?>\n<Topology xmlns=\"{TOPOLOGY_NS}\"\n  {}/>",
        attributes.join(" ")
    );
    let error = import_error(&text);
    assert_eq!(error.kind, ErrorKind::TooLarge);
    assert_eq!(error.message, "an element has more than 64 attributes");
    assert_eq!(
        error.expected.as_deref(),
        Some("at most 64 attributes on an element")
    );
    assert_eq!((error.line, error.column), (Some(2), Some(1)));
}

#[test]
fn forty_thousand_namespace_declarations_are_refused() {
    let declarations: Vec<String> = (0..40_000)
        .map(|i| format!("xmlns:p{i}=\"urn:p{i}\""))
        .collect();
    let text = format!(
        "<Topology xmlns=\"{TOPOLOGY_NS}\" {}/>",
        declarations.join(" ")
    );
    let error = import_error(&text);
    assert_eq!(error.kind, ErrorKind::TooLarge);
    assert_eq!(
        error.message,
        "more than 32 namespace declarations are in scope on an element"
    );
    assert_eq!(
        error.expected.as_deref(),
        Some("at most 32 namespace declarations on an element and its parents")
    );
}

#[test]
fn namespaces_declared_down_a_deep_nesting_are_refused() {
    let depth = 20_000;
    let opening: String = (0..depth)
        .map(|i| format!("<a xmlns:p{i}=\"urn:p{i}\">"))
        .collect();
    let text = format!(
        "<Topology xmlns=\"{TOPOLOGY_NS}\">\n{opening}{}</Topology>",
        "</a>".repeat(depth)
    );
    let error = import_error(&text);
    assert_eq!(error.kind, ErrorKind::TooLarge);
    assert_eq!(
        error.message,
        "more than 32 namespace declarations are in scope on an element"
    );
    // The 32nd declaration of the nesting: the root's and 31 before it are in scope.
    let column = opening.find("<a xmlns:p31=").unwrap() + 1;
    assert_eq!((error.line, error.column), (Some(2), Some(column)));
}

#[test]
fn closed_elements_take_their_namespaces_out_of_scope() {
    // 1,000 siblings each declaring a namespace: never more than two in scope.
    let siblings = "<b xmlns:q=\"urn:q\"></b><c xmlns:r=\"urn:r\"/>".repeat(500);
    let text = format!("<Topology xmlns=\"{TOPOLOGY_NS}\">{siblings}</Topology>");
    assert!(hadr_rules::import::import(text.as_bytes(), None).is_ok());
}

#[test]
fn equals_signs_in_comments_values_and_cdata_are_not_attributes() {
    let many = "=".repeat(1_000);
    let text = format!(
        "<!-- {many} --><Topology xmlns=\"{TOPOLOGY_NS}\" note=\"{many}\"><![CDATA[{many}]]><?pi {many}?></Topology>"
    );
    assert!(hadr_rules::import::import(text.as_bytes(), None).is_ok());
}

// --- JSON: user data, arrays, bounds, encodings --------------------------------------------

#[test]
fn user_data_is_checked_and_skipped() {
    let blob = "y".repeat(1 << 20);
    let text = format!(
        r#"{{"format": 1, "sites": [{{"id": "s", "x": {{"a": [1, {{"b": "{blob}"}}], "c": null}}}}], "pools": [], "x": {{"n": 1}}}}"#
    );
    let topology = Topology::from_json(text.as_bytes()).unwrap();
    // Read and dropped: nothing of it is kept.
    assert_eq!(topology.document().x, None);
    assert_eq!(topology.document().sites[0].x, None);

    let error = json_error(r#"{"format": 1, "sites": [{"id": "s", "x": [1]}], "pools": []}"#);
    assert_eq!(
        (error.kind, error.path.as_str(), error.message.as_str()),
        (ErrorKind::InvalidType, "/sites/0/x", "invalid type: array")
    );
    assert_eq!(error.expected.as_deref(), Some("an object"));
}

#[test]
fn a_document_written_as_positional_arrays_is_refused_at_its_root() {
    let error = json_error(r#"[1, "n", [["dallas"]], []]"#);
    assert_eq!(
        (error.kind, error.path.as_str(), error.message.as_str()),
        (ErrorKind::InvalidType, "", "invalid type: array")
    );
    assert_eq!(error.expected.as_deref(), Some("an object"));
}

#[test]
fn every_entity_written_as_an_array_is_refused_at_its_path() {
    let pool = r#"{"fqdn": "p.contoso.com", "site": "s", "kind": "front_end", "edition": "standard",
        "product": "sfb2019", "servers": SERVERS, "load_balancing": LB}"#;
    let cases = [
        (
            r#"{"format": 1, "sites": [["s"]], "pools": []}"#.to_owned(),
            "/sites/0",
        ),
        (
            format!(
                r#"{{"format": 1, "sites": [{{"id": "s"}}], "pools": [{}]}}"#,
                pool.replace("SERVERS", r#"[["p.contoso.com"]]"#)
                    .replace("LB", "null")
            ),
            "/pools/0/servers/0",
        ),
        (
            format!(
                r#"{{"format": 1, "sites": [{{"id": "s"}}], "pools": [{}]}}"#,
                pool.replace("SERVERS", r#"[{"fqdn": "p.contoso.com"}]"#)
                    .replace("LB", r#"["dns", "hardware"]"#)
            ),
            "/pools/0/load_balancing",
        ),
        (
            r#"{"format": 1, "sites": [], "pools": [], "sql_stores": [["be", "sql2019"]]}"#
                .to_owned(),
            "/sql_stores/0",
        ),
        (
            r#"{"format": 1, "sites": [], "pools": [], "sql_stores": [{"id": "be", "ha": {"mode": "none", "server": ["sql1"]}}]}"#
                .to_owned(),
            "/sql_stores/0/ha/server",
        ),
        (
            r#"{"format": 1, "sites": [], "pools": [], "file_stores": [["fs", "fs1", "s"]]}"#
                .to_owned(),
            "/file_stores/0",
        ),
    ];
    for (text, path) in cases {
        let error = json_error(&text);
        assert_eq!(
            (error.kind, error.path.as_str(), error.message.as_str()),
            (ErrorKind::InvalidType, path, "invalid type: array"),
            "{text}"
        );
    }
}

#[test]
fn facts_written_as_arrays_are_refused_in_the_documents_words() {
    let error = only(Facts::from_json(br#"{"format": 1, "servers": []}"#).unwrap_err());
    assert_eq!(
        (error.kind, error.path.as_str(), error.message.as_str()),
        (ErrorKind::InvalidType, "/servers", "invalid type: array")
    );
    assert_eq!(error.expected.as_deref(), Some("an object"));
    let error = only(Facts::from_json(br#"[1, {}, {}]"#).unwrap_err());
    assert_eq!(
        (error.kind, error.path.as_str(), error.message.as_str()),
        (ErrorKind::InvalidType, "", "invalid type: array")
    );
    let error =
        only(Facts::from_json(br#"{"format": 1, "servers": {"fe1": ["ws2019"]}}"#).unwrap_err());
    assert_eq!(error.path, "/servers/fe1");
}

#[test]
fn an_integer_past_its_bound_names_the_bound() {
    let error = json_error(
        r#"{"format": 1, "sites": [{"id": "s"}], "pools": [{"fqdn": "p", "site": "s",
        "kind": "front_end", "edition": "standard", "product": "sfb2019",
        "users": 18446744073709551615, "servers": [{"fqdn": "p"}]}]}"#,
    );
    assert_eq!(
        (error.kind, error.path.as_str(), error.message.as_str()),
        (
            ErrorKind::InvalidValue,
            "/pools/0/users",
            "invalid value: integer `18446744073709551615`"
        )
    );
    assert_eq!(
        error.expected.as_deref(),
        Some("an integer from 0 to 4294967295")
    );
}

#[test]
fn utf32_text_is_named_utf32() {
    for bom in [&[0xFF, 0xFE, 0, 0][..], &[0, 0, 0xFE, 0xFF][..]] {
        let mut bytes = bom.to_vec();
        bytes.extend_from_slice(&[b'{', 0, 0, 0]);
        let error = only(Topology::from_json(&bytes).unwrap_err());
        assert_eq!(
            (error.kind, error.message.as_str()),
            (ErrorKind::Encoding, "the document is UTF-32 text")
        );
    }
}

// --- the size limit for facts, and a limit of 0 ----------------------------------------------

#[test]
fn facts_are_held_to_the_documents_size_limit() {
    let limits = Limits {
        max_document_bytes: 16,
        ..Limits::default()
    };
    let facts = br#"{"format": 1, "servers": {}}"#;
    let error = only(Facts::from_json_with_limits(facts, &limits).unwrap_err());
    assert_eq!(error.kind, ErrorKind::TooLarge);
    assert_eq!(
        error.message,
        "the facts file is 28 bytes long, more than the limit of 16 bytes"
    );
    assert!(Facts::from_json_with_limits(facts, &Limits::default()).is_ok());
}

#[test]
fn a_limit_of_zero_takes_the_default() {
    assert_eq!(Limits::with(Some(0), Some(0)), Limits::default());
    assert_eq!(
        Limits::with(Some(10), Some(20)),
        Limits {
            max_document_bytes: 10,
            max_entities: 20,
            ..Limits::default()
        }
    );
}

// --- the bounded reader ----------------------------------------------------------------------

fn small() -> Limits {
    Limits {
        max_document_bytes: 1024,
        ..Limits::default()
    }
}

#[test]
fn dev_zero_is_read_no_further_than_the_limit() {
    let error = only(
        hadr_rules::read::file("/dev/zero".as_ref(), "/dev/zero", &small(), "document")
            .unwrap_err(),
    );
    assert_eq!(error.kind, ErrorKind::TooLarge);
    assert_eq!(error.file.as_deref(), Some("/dev/zero"));
    assert_eq!(
        error.message,
        "the document is longer than the limit of 1 KiB"
    );
}

#[test]
fn a_fifo_is_read_no_further_than_the_limit() {
    let path = std::env::temp_dir().join(format!("hadr-rules-fifo-{}", std::process::id()));
    let status = std::process::Command::new("mkfifo")
        .arg(&path)
        .status()
        .unwrap();
    assert!(status.success());
    let writer = {
        let path = path.clone();
        // Writes far more than the limit; stops when the reader closes its end.
        std::thread::spawn(move || {
            let mut fifo = std::fs::OpenOptions::new().write(true).open(path).unwrap();
            let chunk = [b' '; 4096];
            for _ in 0..1_000 {
                if fifo.write_all(&chunk).is_err() {
                    break;
                }
            }
        })
    };
    let error = only(hadr_rules::read::file(&path, "fifo", &small(), "facts file").unwrap_err());
    writer.join().unwrap();
    std::fs::remove_file(&path).unwrap();
    assert_eq!(
        (error.kind, error.message.as_str()),
        (
            ErrorKind::TooLarge,
            "the facts file is longer than the limit of 1 KiB"
        )
    );
}

#[test]
fn a_stream_within_the_limit_is_read_whole() {
    let bytes = hadr_rules::read::stream(&[b'a'; 1024][..], "-", &small(), "document").unwrap();
    assert_eq!(bytes.len(), 1024);
    let error =
        only(hadr_rules::read::stream(&[b'a'; 1025][..], "-", &small(), "document").unwrap_err());
    assert_eq!(error.file.as_deref(), Some("-"));
}

#[test]
fn a_directory_and_a_missing_file_say_so() {
    let dir = std::env::temp_dir();
    let error = only(hadr_rules::read::file(&dir, "tmp", &small(), "document").unwrap_err());
    assert_eq!(
        (error.kind, error.message.as_str()),
        (ErrorKind::Io, "cannot read the file: it is a directory")
    );
    let error = only(
        hadr_rules::read::file(
            "no/such/file".as_ref(),
            "no/such/file",
            &small(),
            "document",
        )
        .unwrap_err(),
    );
    assert_eq!(error.message, "cannot read the file: no such file");
}

// --- the generator ---------------------------------------------------------------------------

#[test]
fn the_generator_refuses_more_than_its_maximum_without_overflow() {
    for pools in [MAX_POOLS + 1, 10_000_000, usize::MAX] {
        let mut out = Vec::new();
        let error = hadr_rules::generate::write(pools, 1, &mut out).unwrap_err();
        assert_eq!(error.kind(), std::io::ErrorKind::InvalidInput);
        assert_eq!(
            error.to_string(),
            format!("{pools} pools is more than the maximum of 1000000")
        );
        assert!(out.is_empty());
    }
}

#[test]
fn the_generator_streams_the_bytes_generate_returns() {
    let mut out = Vec::new();
    hadr_rules::generate::write(40, 7, &mut out).unwrap();
    assert_eq!(out, generate(40, 7).into_bytes());
}

/// A writer that fails after `room` bytes, as a full disk does.
struct Full {
    room: usize,
}

impl Write for Full {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if buf.len() > self.room {
            return Err(std::io::Error::from_raw_os_error(28));
        }
        self.room -= buf.len();
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[test]
fn the_generator_stops_at_the_first_failed_write() {
    let error = hadr_rules::generate::write(1_000, 1, &mut Full { room: 10_000 }).unwrap_err();
    assert_eq!(error.raw_os_error(), Some(28));
}
