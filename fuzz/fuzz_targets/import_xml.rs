//! Bytes → the importer the command line's `import` uses (topology XML, `.tbxml`, an
//! `Export-CsConfiguration` zip) → on success, the imported document must read back as
//! format-1 JSON with the same findings, and its anonymized copy must give the same rules.

#![no_main]

use hadr_rules::Topology;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let import = match hadr_rules::import::import(data, None) {
        Ok(import) => import,
        Err(error) => {
            hadr_rules_fuzz::verify_errors(&error);
            return;
        }
    };
    let report = hadr_rules_fuzz::check_and_verify(&import.topology);
    let _ = serde_json::from_str::<serde_json::Value>(&import.warnings_json())
        .expect("the warnings JSON parses back");

    // What `hadr-rules import` prints is a document `hadr-rules check` reads, with the same
    // findings.
    let printed = import.to_json();
    let reread = Topology::from_json(printed.as_bytes())
        .unwrap_or_else(|error| panic!("the imported document does not read back: {error}"));
    assert_eq!(
        hadr_rules_fuzz::check_and_verify(&reread),
        report,
        "the printed document gives other findings than the import"
    );

    // `--anonymize` keeps every reference resolving and every finding (names aside).
    let anonymized = hadr_rules::import::anonymize(import.document());
    let json = serde_json::to_vec(&anonymized).expect("an anonymized document serializes");
    let anonymized = Topology::from_json(&json)
        .unwrap_or_else(|error| panic!("the anonymized document does not read back: {error}"));
    assert_eq!(
        hadr_rules_fuzz::rules_and_severities(&hadr_rules_fuzz::check_and_verify(&anonymized)),
        hadr_rules_fuzz::rules_and_severities(&report),
        "anonymizing changed the findings"
    );
});
