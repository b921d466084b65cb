//! Bad input: every class gets one clear error naming the JSON path, the position where the
//! parser knows it, and what was expected. Never a panic.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use hadr_rules::{ErrorKind, InputError, Topology};
use rstest::rstest;

/// A minimal valid document with `pool` as its only pool.
fn with_pool(pool: &str) -> String {
    format!(
        r#"{{"format": 1, "sites": [{{"id": "dallas"}}], "pools": [{pool}],
"sql_stores": [{{"id": "be", "ha": {{"mode": "none", "server": {{"fqdn": "sql.contoso.com"}}}}}}]}}"#
    )
}

const POOL: &str = r#"{"fqdn": "pool.contoso.com", "site": "dallas", "kind": "front_end", "edition": "enterprise", "product": "sfb2019", "servers": [{"fqdn": "fe1.contoso.com"}], "back_end": "be"}"#;

fn only_error(input: &[u8]) -> InputError {
    let errors = Topology::from_json(input).unwrap_err().errors;
    assert_eq!(errors.len(), 1, "{errors:?}");
    errors.into_iter().next().unwrap()
}

#[test]
fn a_valid_minimal_document_resolves() {
    assert!(Topology::from_json(with_pool(POOL).as_bytes()).is_ok());
}

#[rstest]
#[case::unknown_token(
    POOL.replace("sfb2019", "sfb2109"),
    ErrorKind::UnknownToken,
    "/pools/0/product",
    "unknown value `sfb2109`: did you mean `sfb2019`?"
)]
#[case::unknown_key(
    POOL.replace(r#""back_end""#, r#""backend""#),
    ErrorKind::UnknownKey,
    "/pools/0/backend",
    "unknown key `backend`: did you mean `back_end`?"
)]
#[case::wrong_type(
    POOL.replace(r#"[{"fqdn": "fe1.contoso.com"}]"#, r#""fe1""#),
    ErrorKind::InvalidType,
    "/pools/0/servers",
    "invalid type: string \"fe1\""
)]
#[case::negative_count(
    POOL.replace(r#""back_end""#, r#""users": -5, "back_end""#),
    ErrorKind::InvalidValue,
    "/pools/0/users",
    "invalid value: integer `-5`"
)]
#[case::missing_key(
    POOL.replace(r#""site": "dallas", "#, ""),
    ErrorKind::MissingKey,
    "/pools/0",
    "missing key `site`"
)]
#[case::duplicate_key(
    POOL.replace(r#""site": "dallas""#, r#""site": "dallas", "site": "dallas""#),
    ErrorKind::DuplicateKey,
    "/pools/0/site",
    "key `site` appears twice"
)]
fn parse_errors_name_the_path_and_the_problem(
    #[case] pool: String,
    #[case] kind: ErrorKind,
    #[case] path: &str,
    #[case] message: &str,
) {
    let error = only_error(with_pool(&pool).as_bytes());
    assert_eq!(
        (error.kind, error.path.as_str(), error.message.as_str()),
        (kind, path, message)
    );
    assert_eq!(error.line, Some(1), "{error}");
    assert!(error.column.is_some());
}

/// A minimal valid document whose store has this `ha` object.
fn with_ha(ha: &str) -> String {
    format!(
        r#"{{"format": 1, "sites": [{{"id": "dallas"}}], "pools": [{POOL}],
"sql_stores": [{{"id": "be", "ha": {ha}}}]}}"#
    )
}

#[rstest]
#[case::token_inside_a_node(
    r#"{"mode": "mirroring", "principal": {"fqdn": "a", "version": "2091"}, "mirror": {"fqdn": "b"}}"#,
    ErrorKind::UnknownToken,
    "/sql_stores/0/ha/principal/version",
    "unknown value `2091`: did you mean `2019`?"
)]
#[case::key_of_another_mode(
    r#"{"mode": "mirroring", "principal": {"fqdn": "a"}, "mirror": {"fqdn": "b"}, "listener": "l"}"#,
    ErrorKind::UnknownKey,
    "/sql_stores/0/ha/listener",
    "unknown key `listener`"
)]
#[case::misspelt_key(
    r#"{"mode": "always_on_ag", "listener": "l", "replica": []}"#,
    ErrorKind::UnknownKey,
    "/sql_stores/0/ha/replica",
    "unknown key `replica`: did you mean `replicas`?"
)]
#[case::mode_after_the_nodes(
    r#"{"server": {"fqdn": "a"}, "mode": "mirroring"}"#,
    ErrorKind::UnknownKey,
    "/sql_stores/0/ha",
    "unknown key `server`"
)]
#[case::missing_mode(
    r#"{"server": {"fqdn": "a"}}"#,
    ErrorKind::MissingKey,
    "/sql_stores/0/ha",
    "missing key `mode`"
)]
#[case::missing_key_of_the_mode(
    r#"{"mode": "mirroring", "principal": {"fqdn": "a"}}"#,
    ErrorKind::MissingKey,
    "/sql_stores/0/ha",
    "missing key `mirror`"
)]
#[case::unknown_mode(
    r#"{"mode": "mirorring"}"#,
    ErrorKind::UnknownToken,
    "/sql_stores/0/ha/mode",
    "unknown value `mirorring`: did you mean `mirroring`?"
)]
#[case::duplicate_key(
    r#"{"mode": "none", "server": {"fqdn": "a"}, "server": {"fqdn": "b"}}"#,
    ErrorKind::DuplicateKey,
    "/sql_stores/0/ha/server",
    "key `server` appears twice"
)]
#[case::not_an_object(
    r#""mirroring""#,
    ErrorKind::InvalidType,
    "/sql_stores/0/ha",
    "invalid type: string \"mirroring\""
)]
fn errors_inside_ha_name_the_key(
    #[case] ha: &str,
    #[case] kind: ErrorKind,
    #[case] path: &str,
    #[case] message: &str,
) {
    let error = only_error(with_ha(ha).as_bytes());
    assert_eq!(
        (error.kind, error.path.as_str(), error.message.as_str()),
        (kind, path, message)
    );
}

#[test]
fn optional_keys_written_null_are_left_out() {
    let ha = r#"{"mode": "mirroring", "principal": {"fqdn": "a"}, "mirror": {"fqdn": "b"}, "witness": null, "synchronous": null}"#;
    let document = with_ha(ha).replace(r#""pools":"#, r#""file_stores": null, "pools":"#);
    let topology = Topology::from_json(document.as_bytes()).unwrap();
    assert!(topology.document().file_stores.is_empty());
    let without = Topology::from_json(
        with_ha(r#"{"mode": "mirroring", "principal": {"fqdn": "a"}, "mirror": {"fqdn": "b"}}"#)
            .as_bytes(),
    )
    .unwrap();
    assert_eq!(
        topology.document().sql_stores,
        without.document().sql_stores
    );
}

#[test]
fn an_unknown_ha_key_lists_the_keys_of_the_mode() {
    let error = only_error(
        with_ha(r#"{"mode": "mirroring", "principal": {"fqdn": "a"}, "mirror": {"fqdn": "b"}, "nodes": []}"#)
            .as_bytes(),
    );
    assert_eq!(
        error.expected.as_deref(),
        Some("one of `principal`, `mirror`, `witness`, `synchronous`")
    );
}

#[test]
fn unknown_tokens_list_the_valid_ones() {
    let error = only_error(with_pool(&POOL.replace("sfb2019", "sfb2109")).as_bytes());
    assert_eq!(
        error.expected.as_deref(),
        Some("one of `lync2013`, `sfb2015`, `sfb2019`, `sfbse`")
    );
}

#[test]
fn user_data_under_x_is_accepted() {
    let pool = POOL.replace(
        r#""back_end""#,
        r#""x": {"owner": "team-a", "tags": [1, 2]}, "back_end""#,
    );
    assert!(Topology::from_json(with_pool(&pool).as_bytes()).is_ok());
}

#[rstest]
#[case::dangling_store(
    POOL.replace(r#""back_end": "be""#, r#""back_end": "bee""#),
    ErrorKind::DanglingReference,
    "/pools/0/back_end",
    "no SQL store `bee` in the document: did you mean `be`?"
)]
#[case::dangling_site(
    POOL.replace(r#""site": "dallas""#, r#""site": "dalas""#),
    ErrorKind::DanglingReference,
    "/pools/0/site",
    "no site `dalas` in the document: did you mean `dallas`?"
)]
#[case::dangling_backup(
    POOL.replace(r#""back_end""#, r#""backup_pool": "elsewhere.fabrikam.com", "back_end""#),
    ErrorKind::DanglingReference,
    "/pools/0/backup_pool",
    "no pool `elsewhere.fabrikam.com` in the document"
)]
#[case::standard_edition_with_a_back_end(
    POOL.replace(r#""enterprise""#, r#""standard""#),
    ErrorKind::InvalidValue,
    "/pools/0/back_end",
    "`pool.contoso.com` is a Standard Edition server (`\"edition\": \"standard\"`): its databases are in the SQL Server Express instance on it, not in a `back_end` store"
)]
#[case::standard_edition_of_two_servers(
    POOL.replace(r#""enterprise""#, r#""standard""#)
        .replace(r#", "back_end": "be""#, "")
        .replace(r#"{"fqdn": "fe1.contoso.com"}"#, r#"{"fqdn": "fe1.contoso.com"}, {"fqdn": "fe2.contoso.com"}"#),
    ErrorKind::InvalidValue,
    "/pools/0/servers",
    "`pool.contoso.com` is a Standard Edition server (`\"edition\": \"standard\"`) but lists 2 servers"
)]
#[case::missing_back_end(
    POOL.replace(r#", "back_end": "be""#, ""),
    ErrorKind::MissingKey,
    "/pools/0/back_end",
    "missing key `back_end`, required for an Enterprise `front_end` pool"
)]
#[case::missing_edition(
    POOL.replace(r#""edition": "enterprise", "#, ""),
    ErrorKind::MissingKey,
    "/pools/0/edition",
    "missing key `edition`, required for a `front_end` pool"
)]
#[case::no_servers(
    POOL.replace(r#"[{"fqdn": "fe1.contoso.com"}]"#, "[]"),
    ErrorKind::InvalidValue,
    "/pools/0/servers",
    "a pool needs at least one server"
)]
fn resolution_errors_name_the_reference(
    #[case] pool: String,
    #[case] kind: ErrorKind,
    #[case] path: &str,
    #[case] message: &str,
) {
    let error = only_error(with_pool(&pool).as_bytes());
    assert_eq!(
        (error.kind, error.path.as_str(), error.message.as_str()),
        (kind, path, message)
    );
}

#[test]
fn duplicate_fqdns_are_found_case_insensitively() {
    let second = POOL
        .replace("pool.contoso.com", "POOL.contoso.com")
        .replace("fe1.", "fe2.");
    let error = only_error(with_pool(&format!("{POOL}, {second}")).as_bytes());
    assert_eq!(error.kind, ErrorKind::Duplicate);
    assert_eq!(error.path, "/pools/1/fqdn");
    assert_eq!(
        error.message,
        "pool FQDN `POOL.contoso.com` appears more than once"
    );
}

#[test]
fn every_dangling_reference_is_reported_at_once() {
    let pool = POOL
        .replace(r#""site": "dallas""#, r#""site": "nowhere""#)
        .replace(r#""back_end": "be""#, r#""back_end": "none""#);
    let errors = Topology::from_json(with_pool(&pool).as_bytes())
        .unwrap_err()
        .errors;
    let paths: Vec<&str> = errors.iter().map(|e| e.path.as_str()).collect();
    assert_eq!(paths, ["/pools/0/site", "/pools/0/back_end"]);
}

#[test]
fn a_later_format_is_named_as_such_even_with_unknown_keys() {
    let error = only_error(br#"{"format": 2, "sites": [], "pools": [], "links": []}"#);
    assert_eq!(error.kind, ErrorKind::UnsupportedFormat);
    assert_eq!(error.path, "/format");
    assert_eq!(
        error.message,
        "format `2` is not supported by this version of hadr-rules"
    );
}

#[rstest]
#[case::empty(b"".as_slice(), ErrorKind::Empty, "the document is empty")]
#[case::blank(b"  \n ".as_slice(), ErrorKind::Empty, "the document is empty")]
#[case::utf16(b"\xff\xfe{\x00".as_slice(), ErrorKind::Encoding, "the document is UTF-16 text")]
#[case::garbage(b"\x00\x9f\x92\x96binary".as_slice(), ErrorKind::Encoding, "the document is not UTF-8 text (invalid byte at offset 1)")]
#[case::truncated(br#"{"format": 1, "sites": ["#.as_slice(), ErrorKind::Syntax, "unexpected end of the document")]
#[case::not_json(b"<topology/>".as_slice(), ErrorKind::Syntax, "not valid JSON: expected value")]
#[case::trailing(br#"{"format": 1, "sites": [], "pools": []} extra"#.as_slice(), ErrorKind::Syntax, "not valid JSON: trailing characters")]
#[case::array(b"[]".as_slice(), ErrorKind::InvalidType, "invalid type: array")]
fn unreadable_documents(#[case] input: &[u8], #[case] kind: ErrorKind, #[case] message: &str) {
    let error = only_error(input);
    assert_eq!((error.kind, error.message.as_str()), (kind, message));
}

#[test]
fn a_utf8_byte_order_mark_is_accepted() {
    let mut bytes = b"\xef\xbb\xbf".to_vec();
    bytes.extend_from_slice(with_pool(POOL).as_bytes());
    assert!(Topology::from_json(&bytes).is_ok());
}

#[test]
fn errors_read_as_one_line_with_file_position_and_expectation() {
    let error = Topology::from_json(with_pool(&POOL.replace("sfb2019", "sfb2109")).as_bytes())
        .unwrap_err()
        .in_file("site.json");
    let column = error.errors[0].column.unwrap();
    assert_eq!(
        error.to_string(),
        format!(
            "site.json:1:{column}: at `/pools/0/product`: unknown value `sfb2109`: did you mean `sfb2019`? (expected one of `lync2013`, `sfb2015`, `sfb2019`, `sfbse`)"
        )
    );
}
