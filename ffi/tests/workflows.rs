//! The pipeline exports called from Rust as C would call them: a configuration applied to an
//! engine, baselines of reports, and the facts template, with their error paths.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use std::ptr;

use common::{parse_and_check, take};

use hadr_rules_ffi::baseline::*;
use hadr_rules_ffi::config::hadr_engine_load_config;
use hadr_rules_ffi::engine::*;
use hadr_rules_ffi::hadr_status;
use hadr_rules_ffi::import::hadr_facts_template;
use hadr_rules_ffi::report::*;
use hadr_rules_ffi::topology::*;

fn file(relative: &str) -> Vec<u8> {
    std::fs::read(format!("{}/../{relative}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn engine_with(config: &str) -> (*mut hadr_engine, hadr_status, String) {
    let mut engine = ptr::null_mut();
    let mut notices = ptr::null_mut();
    // SAFETY: valid pointers and lengths; the strings are taken once.
    unsafe {
        assert_eq!(hadr_engine_new(&mut engine), hadr_status::Ok);
        let status =
            hadr_engine_load_config(engine, config.as_ptr().cast(), config.len(), &mut notices);
        (engine, status, take(notices))
    }
}

/// The JSON report of broken-pairing.json checked by `engine`.
fn check(engine: *const hadr_engine) -> serde_json::Value {
    let json = file("examples/broken-pairing.json");
    // SAFETY: valid pointers and lengths; the handles are freed once.
    unsafe {
        let (topology, report) = parse_and_check(engine, &json);
        let mut out = ptr::null_mut();
        assert_eq!(hadr_report_to_json(report, &mut out), hadr_status::Ok);
        hadr_report_free(report);
        hadr_topology_free(topology);
        serde_json::from_str(&take(out)).unwrap()
    }
}

fn rules(report: &serde_json::Value) -> Vec<&str> {
    report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["rule"].as_str().unwrap())
        .collect()
}

#[test]
fn a_configuration_sets_the_engine_and_expired_suppressions_are_notices() {
    let (engine, status, notices) = engine_with(
        "select = [\"PAIR-004\"]\nas_of = 2026-07-01\n\n[[suppress]]\nrule = \"PAIR-004\"\n\
         reason = \"until the move\"\nexpires = 2026-06-30\n",
    );
    assert_eq!(
        (status, notices.as_str()),
        (
            hadr_status::Ok,
            r#"[{"line":4,"message":"the suppression of PAIR-004 (\"until the move\") expired after 2026-06-30: its findings count again"}]"#
        )
    );
    let report = check(engine);
    assert_eq!(rules(&report), ["PAIR-004", "PAIR-004"]);
    assert_eq!(report["summary"]["suppressed"], 0);
    // SAFETY: the engine is freed once.
    unsafe { hadr_engine_free(engine) };
}

#[test]
fn a_bad_configuration_leaves_the_engine_unchanged() {
    let (engine, status, errors) = engine_with("select = [\"PAIR-004\"]\nfail_level = \"fatal\"\n");
    assert_eq!(status, hadr_status::InvalidTopology);
    let errors: serde_json::Value = serde_json::from_str(&errors).unwrap();
    assert_eq!(errors["errors"][0]["kind"], "unknown_token");
    assert_eq!(errors["errors"][0]["line"], 2);
    assert!(
        rules(&check(engine)).contains(&"PAIR-001"),
        "select not applied"
    );
    // SAFETY: the engine is freed once.
    unsafe { hadr_engine_free(engine) };
}

#[test]
fn a_baseline_of_a_report_hides_all_of_it() {
    let (engine, _, _) = engine_with("as_of = 2026-11-26\n");
    let json = file("examples/broken-pairing.json");
    // SAFETY: valid pointers and lengths; every handle and string is freed once.
    unsafe {
        let (mut topology, mut errors, mut report) =
            (ptr::null_mut(), ptr::null_mut(), ptr::null_mut());
        hadr_topology_parse(json.as_ptr().cast(), json.len(), &mut topology, &mut errors);
        hadr_engine_check(engine, topology, &mut report);
        let mut baseline = ptr::null_mut();
        assert_eq!(hadr_report_baseline(report, &mut baseline), hadr_status::Ok);
        let baseline = take(baseline);
        let (mut known, mut outcome) = (ptr::null_mut(), ptr::null_mut());
        let status = hadr_report_apply_baseline(
            report,
            baseline.as_ptr().cast(),
            baseline.len(),
            &mut known,
            &mut outcome,
        );
        assert_eq!(status, hadr_status::Ok);
        let (mut all, mut left) = (0, 0);
        hadr_report_diagnostic_count(report, &mut all);
        hadr_report_diagnostic_count(known, &mut left);
        assert_eq!(left, 0);
        assert_eq!(
            take(outcome),
            format!("{{\n  \"hidden\": {all},\n  \"unmatched\": []\n}}\n")
        );
        hadr_report_free(known);
        hadr_report_free(report);
        hadr_topology_free(topology);
        hadr_engine_free(engine);
    }
}

#[test]
fn the_facts_template_is_the_cores() {
    let (engine, _, _) = engine_with("");
    let xml = file("tests/xml/mirroring-witness.xml");
    let name = c"tests/xml/mirroring-witness.xml";
    let mut out = ptr::null_mut();
    // SAFETY: valid pointers and lengths; the string is taken once.
    let status = unsafe {
        hadr_facts_template(
            engine,
            xml.as_ptr(),
            xml.len(),
            ptr::null(),
            0,
            name.as_ptr(),
            &mut out,
        )
    };
    assert_eq!(status, hadr_status::Ok);
    let import = hadr_rules::import::read(&xml, None).unwrap();
    let options = hadr_rules::Options::default();
    let expected =
        hadr_rules::import::template_of(&import, &options, "tests/xml/mirroring-witness.xml");
    assert_eq!(take(out), expected.unwrap());
    // SAFETY: the engine is freed once.
    unsafe { hadr_engine_free(engine) };
}
