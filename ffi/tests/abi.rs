//! The exports called from Rust as C would call them: the one-call check, the import, the check
//! of any input and the simulation give the core's bytes, NULL and bad arguments give their
//! statuses, nothing is written on failure, and a panic inside the boundary comes back as
//! `HADR_STATUS_PANIC`.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use std::ffi::{CStr, c_char};
use std::ptr;

use common::{parse_and_check, take};

use hadr_rules_ffi::engine::*;
use hadr_rules_ffi::hadr_status;
use hadr_rules_ffi::import::*;
use hadr_rules_ffi::report::*;
use hadr_rules_ffi::simulate::*;
use hadr_rules_ffi::status::hadr_status_message;
use hadr_rules_ffi::strings::hadr_string_free;
use hadr_rules_ffi::topology::*;

fn example(name: &str) -> Vec<u8> {
    std::fs::read(format!("{}/../examples/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn xml_fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/../tests/xml/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

#[test]
fn check_json_gives_the_core_report_bytes() {
    for name in [
        "broken-pairing.json",
        "paired-2019-ag.json",
        "clean-lync2013-cluster.json",
    ] {
        let json = example(name);
        let expected = hadr_rules::check(
            &hadr_rules::Topology::from_json(&json).unwrap(),
            &hadr_rules::Options::default(),
        )
        .to_json();
        let mut out = ptr::null_mut();
        // SAFETY: valid buffer and output pointer.
        let status = unsafe { hadr_check_json(json.as_ptr().cast(), json.len(), &mut out) };
        assert_eq!(status, hadr_status::Ok);
        assert_eq!(take(out), expected);
    }
}

#[test]
fn an_unreadable_topology_gives_the_errors_json() {
    let json = br#"{"format": 1, "sites": [{"id": "a"}], "pools": [], "sql_stores": [] "#;
    let mut out = ptr::null_mut();
    // SAFETY: valid buffer and output pointer.
    let status = unsafe { hadr_check_json(json.as_ptr().cast(), json.len(), &mut out) };
    assert_eq!(status, hadr_status::InvalidTopology);
    let errors = take(out);
    assert!(errors.starts_with("{\n  \"errors\": [\n"), "{errors}");
    assert!(errors.contains("\"kind\": \"syntax\""), "{errors}");
    assert!(!errors.contains("\"file\""), "{errors}");
}

#[test]
fn limits_refuse_a_large_document_and_zero_keeps_the_default() {
    let json = example("paired-2019-ag.json");
    let check = |max_bytes: usize, max_entities: usize| {
        let mut out = ptr::null_mut();
        // SAFETY: valid buffer and output pointer.
        let status = unsafe {
            hadr_check_json_with_limits(
                json.as_ptr().cast(),
                json.len(),
                max_bytes,
                max_entities,
                &mut out,
            )
        };
        (status, take(out))
    };
    let (status, errors) = check(100, 0);
    assert_eq!(status, hadr_status::InvalidTopology);
    assert!(errors.contains("\"kind\": \"too_large\""), "{errors}");
    assert!(
        errors.contains(&format!(
            "\"message\": \"the document is {} bytes long, more than the limit of 100 bytes\"",
            json.len()
        )),
        "{errors}"
    );
    let (status, errors) = check(0, 3);
    assert_eq!(status, hadr_status::InvalidTopology);
    assert!(errors.contains("more than the limit of 3\""), "{errors}");
    let mut plain = ptr::null_mut();
    // SAFETY: valid buffer and output pointer.
    let status = unsafe { hadr_check_json(json.as_ptr().cast(), json.len(), &mut plain) };
    assert_eq!(status, hadr_status::Ok);
    assert_eq!(check(0, 0), (hadr_status::Ok, take(plain)));

    let mut topology = ptr::null_mut();
    let mut errors = ptr::null_mut();
    // SAFETY: valid buffer and output pointers.
    let status = unsafe {
        hadr_topology_parse_with_limits(
            json.as_ptr().cast(),
            json.len(),
            100,
            0,
            &mut topology,
            &mut errors,
        )
    };
    assert_eq!(status, hadr_status::InvalidTopology);
    assert!(topology.is_null());
    assert!(take(errors).contains("too_large"));
}

#[test]
fn null_arguments_give_null_parameter_and_write_nothing() {
    let json = example("broken-pairing.json");
    let sentinel = 0x5a5a_usize as *mut c_char;
    let mut out = sentinel;
    // SAFETY: NULL is allowed and checked; the other pointers are valid.
    unsafe {
        assert_eq!(
            hadr_check_json(ptr::null(), 3, &mut out),
            hadr_status::NullParameter
        );
        assert_eq!(
            hadr_check_json(json.as_ptr().cast(), json.len(), ptr::null_mut()),
            hadr_status::NullParameter
        );
        assert_eq!(hadr_engine_new(ptr::null_mut()), hadr_status::NullParameter);
        assert_eq!(
            hadr_engine_check(ptr::null(), ptr::null(), ptr::null_mut()),
            hadr_status::NullParameter
        );
        hadr_engine_free(ptr::null_mut());
        hadr_topology_free(ptr::null_mut());
        hadr_report_free(ptr::null_mut());
        hadr_string_free(ptr::null_mut());
    }
    assert_eq!(out, sentinel);
}

#[test]
fn an_engine_checks_with_its_options() {
    let json = example("broken-pairing.json");
    // SAFETY: every pointer is valid; handles are freed once.
    unsafe {
        let mut engine = ptr::null_mut();
        assert_eq!(hadr_engine_new(&mut engine), hadr_status::Ok);
        // The pairing findings, without the lifecycle family's.
        assert_eq!(
            hadr_engine_ignore(engine, c"LIFE".as_ptr()),
            hadr_status::Ok
        );
        assert_eq!(
            hadr_engine_set_severity(engine, c"PAIR-004".as_ptr(), c"error".as_ptr()),
            hadr_status::Ok
        );
        assert_eq!(
            hadr_engine_suppress(engine, c"PAIR-001".as_ptr(), ptr::null(), c"known".as_ptr()),
            hadr_status::Ok
        );
        assert_eq!(
            hadr_engine_set_fail_level(engine, c"fatal".as_ptr()),
            hadr_status::InvalidArgument
        );
        let (topology, report) = parse_and_check(engine, &json);
        let mut summary = hadr_summary::default();
        assert_eq!(hadr_report_summary(report, &mut summary), hadr_status::Ok);
        assert_eq!(
            (
                summary.error,
                summary.warning,
                summary.info,
                summary.suppressed
            ),
            (6, 0, 1, 2)
        );
        let mut json_out = ptr::null_mut();
        assert_eq!(hadr_report_to_json(report, &mut json_out), hadr_status::Ok);
        let options = hadr_rules::Options {
            severity: vec![(
                hadr_rules::Selector::parse("PAIR-004").unwrap(),
                hadr_rules::tokens::Severity::Error,
            )],
            suppress: vec![hadr_rules::Suppression {
                selector: hadr_rules::Selector::parse("PAIR-001").unwrap(),
                subject: None,
                reason: "known".to_owned(),
            }],
            ignore: vec![hadr_rules::Selector::parse("LIFE").unwrap()],
            ..Default::default()
        };
        let expected =
            hadr_rules::check(&hadr_rules::Topology::from_json(&json).unwrap(), &options);
        assert_eq!(take(json_out), expected.to_json());
        hadr_report_free(report);
        hadr_topology_free(topology);
        hadr_engine_free(engine);
    }
}

#[test]
fn an_engine_selects_ignores_and_fails_on_not_evaluated() {
    let json = example("paired-2019-ag.json");
    // SAFETY: every pointer is valid; handles are freed once.
    unsafe {
        let (mut topology, mut errors) = (ptr::null_mut(), ptr::null_mut());
        assert_eq!(
            hadr_topology_parse(json.as_ptr().cast(), json.len(), &mut topology, &mut errors),
            hadr_status::Ok
        );
        let mut engine = ptr::null_mut();
        assert_eq!(hadr_engine_new(&mut engine), hadr_status::Ok);
        for refused in [c"WIT-003", c"PAIR-006", c"PAIR-0001"] {
            assert_eq!(
                hadr_engine_select(engine, refused.as_ptr()),
                hadr_status::InvalidArgument
            );
            assert_eq!(
                hadr_engine_ignore(engine, refused.as_ptr()),
                hadr_status::InvalidArgument
            );
        }
        assert_eq!(hadr_engine_select(engine, c"fe".as_ptr()), hadr_status::Ok);
        assert_eq!(
            hadr_engine_ignore(engine, c"FE-011".as_ptr()),
            hadr_status::Ok
        );
        let fails = |engine: *const hadr_engine| {
            let mut report = ptr::null_mut();
            assert_eq!(
                hadr_engine_check(engine, topology, &mut report),
                hadr_status::Ok
            );
            let (mut fails, mut summary) = (false, hadr_summary::default());
            assert_eq!(hadr_report_fails(report, &mut fails), hadr_status::Ok);
            assert_eq!(hadr_report_summary(report, &mut summary), hadr_status::Ok);
            let mut diagnostic = std::mem::MaybeUninit::<hadr_diagnostic>::uninit();
            assert_eq!(
                hadr_report_diagnostic(report, 0, diagnostic.as_mut_ptr()),
                hadr_status::Ok
            );
            let diagnostic = diagnostic.assume_init();
            let text = |s: hadr_rules_ffi::strings::hadr_str| {
                std::str::from_utf8(std::slice::from_raw_parts(s.data.cast::<u8>(), s.len))
                    .unwrap()
                    .to_owned()
            };
            let first = (text(diagnostic.rule), text(diagnostic.message));
            hadr_report_free(report);
            (fails, summary.not_evaluated, first)
        };
        // FE-009 and FE-014 for both pools; FE-011 is ignored, PAIR-010 not selected.
        let (plain, not_evaluated, (rule, message)) = fails(engine);
        assert!(!plain);
        assert_eq!(not_evaluated, 4);
        assert_eq!(rule, "FE-009");
        assert_eq!(
            message,
            "FE-009 not evaluated for pool-chi.contoso.com: missing /pools/1/users"
        );
        assert_eq!(
            hadr_engine_set_fail_on_not_evaluated(engine, true),
            hadr_status::Ok
        );
        assert!(fails(engine).0);
        hadr_engine_free(engine);
        hadr_topology_free(topology);
    }
}

#[test]
fn an_engine_judges_lifecycles_on_its_date_and_checks_readiness() {
    let json = example("paired-2019-ag.json");
    // SAFETY: every pointer is valid; handles are freed once.
    unsafe {
        let mut engine = ptr::null_mut();
        assert_eq!(hadr_engine_new(&mut engine), hadr_status::Ok);
        assert_eq!(
            hadr_engine_set_as_of(engine, c"2026-11-26".as_ptr()),
            hadr_status::Ok
        );
        assert_eq!(
            hadr_engine_set_approaching_months(engine, 6),
            hadr_status::Ok
        );
        assert_eq!(
            hadr_engine_set_target_product(engine, c"sfbse".as_ptr()),
            hadr_status::Ok
        );
        assert_eq!(
            hadr_engine_set_target_product(engine, c"sfb2019".as_ptr()),
            hadr_status::InvalidArgument
        );
        assert_eq!(
            hadr_engine_set_as_of(engine, c"2026-13-01".as_ptr()),
            hadr_status::InvalidArgument
        );
        let (topology, report) = parse_and_check(engine, &json);
        let mut json_out = ptr::null_mut();
        assert_eq!(hadr_report_to_json(report, &mut json_out), hadr_status::Ok);
        let options = hadr_rules::Options {
            as_of: Some(hadr_rules::lifecycle::parse_date("2026-11-26").unwrap()),
            approaching_months: Some(6),
            target_product: Some(hadr_rules::tokens::Product::SfbSe),
            ..Default::default()
        };
        let expected =
            hadr_rules::check(&hadr_rules::Topology::from_json(&json).unwrap(), &options);
        let text = take(json_out);
        assert_eq!(text, expected.to_json());
        assert!(text.contains("\"check_date\": \"2026-11-26\""));
        assert!(text.contains("\"target_product\": \"sfbse\""));
        hadr_report_free(report);
        hadr_topology_free(topology);
        hadr_engine_free(engine);
    }
}

#[test]
fn status_messages_fit_and_unknown_codes_are_refused() {
    let mut buf = [0 as c_char; hadr_rules_ffi::status::HADR_STATUS_MESSAGE_MAX];
    for code in 7000..=7008 {
        let mut written = usize::MAX;
        // SAFETY: `buf` holds `buf.len()` bytes.
        let status =
            unsafe { hadr_status_message(code, buf.as_mut_ptr(), buf.len(), &mut written) };
        assert_eq!(status, hadr_status::Ok);
        // SAFETY: the message is NUL-terminated.
        let message = unsafe { CStr::from_ptr(buf.as_ptr()) }.to_str().unwrap();
        assert_eq!(message.len(), written);
        assert!(!message.is_empty() && !message.ends_with('.'));
    }
    let mut written = usize::MAX;
    // SAFETY: as above.
    unsafe {
        assert_eq!(
            hadr_status_message(6999, buf.as_mut_ptr(), buf.len(), &mut written),
            hadr_status::InvalidArgument
        );
        assert_eq!(
            hadr_status_message(7000, buf.as_mut_ptr(), 7, &mut written),
            hadr_status::BufferTooSmall
        );
    }
    assert_eq!(written, usize::MAX);
}

#[test]
fn a_panic_inside_the_boundary_is_the_panic_status_and_the_process_goes_on() {
    let status = hadr_rules_ffi::panic::guard(|| panic!("a panic inside the boundary"));
    assert_eq!(status, hadr_status::Panic);
    // The library keeps working afterwards.
    let json = example("broken-pairing.json");
    let mut out = ptr::null_mut();
    // SAFETY: valid buffer and output pointer.
    let status = unsafe { hadr_check_json(json.as_ptr().cast(), json.len(), &mut out) };
    assert_eq!(status, hadr_status::Ok);
    take(out);
}

#[test]
fn import_xml_gives_the_core_document_bytes() {
    let xml = xml_fixture("director.xml");
    let facts_json = xml_fixture("facts/director.json");
    let facts = hadr_rules::import::Facts::from_json(&facts_json).unwrap();
    for (facts_ptr, facts_len, facts) in [
        (ptr::null(), 0, None),
        (facts_json.as_ptr().cast(), facts_json.len(), Some(&facts)),
    ] {
        let expected = hadr_rules::import::import(&xml, facts).unwrap().to_json();
        let mut out = ptr::null_mut();
        // SAFETY: valid buffers and output pointer.
        let status =
            unsafe { hadr_import_xml(xml.as_ptr(), xml.len(), facts_ptr, facts_len, &mut out) };
        assert_eq!(status, hadr_status::Ok);
        assert_eq!(take(out), expected);

        let report = hadr_rules::check(
            &hadr_rules::import::import(&xml, facts).unwrap().topology,
            &hadr_rules::Options::default(),
        );
        // SAFETY: as above.
        let status =
            unsafe { hadr_check_input(xml.as_ptr(), xml.len(), facts_ptr, facts_len, &mut out) };
        assert_eq!(status, hadr_status::Ok);
        assert_eq!(take(out), report.to_json());
    }
}

#[test]
fn import_errors_come_back_as_errors_json() {
    let xml = xml_fixture("director.xml");
    let json = example("paired-2019-ag.json");
    let sentinel = 0x5a5a_usize as *mut c_char;
    let mut out = sentinel;
    // SAFETY: NULL is allowed and checked; the other pointers are valid.
    unsafe {
        assert_eq!(
            hadr_import_xml(ptr::null(), 1, ptr::null(), 0, &mut out),
            hadr_status::NullParameter
        );
        assert_eq!(
            hadr_import_xml(xml.as_ptr(), xml.len(), ptr::null(), 5, &mut out),
            hadr_status::NullParameter
        );
        assert_eq!(
            hadr_import_xml(xml.as_ptr(), xml.len(), ptr::null(), 0, ptr::null_mut()),
            hadr_status::NullParameter
        );
        assert_eq!(
            hadr_check_input(ptr::null(), 0, ptr::null(), 0, &mut out),
            hadr_status::NullParameter
        );
    }
    assert_eq!(out, sentinel);
    let bad_facts = br#"{"defaults": {"sever": {}}}"#;
    // SAFETY: valid buffers and output pointer.
    let status = unsafe {
        hadr_import_xml(
            xml.as_ptr(),
            xml.len(),
            bad_facts.as_ptr().cast(),
            bad_facts.len(),
            &mut out,
        )
    };
    assert_eq!(status, hadr_status::InvalidTopology);
    let errors = take(out);
    assert!(errors.contains("\"path\": \"/defaults/sever\""), "{errors}");
    assert!(!errors.contains("\"file\""), "{errors}");
    // A JSON document is not imported, but is checked (without facts).
    // SAFETY: as above.
    let status = unsafe { hadr_import_xml(json.as_ptr(), json.len(), ptr::null(), 0, &mut out) };
    assert_eq!(status, hadr_status::InvalidTopology);
    assert!(take(out).starts_with("{\n  \"errors\": [\n"));
    let mut from_check_json = ptr::null_mut();
    // SAFETY: as above.
    unsafe {
        assert_eq!(
            hadr_check_input(json.as_ptr(), json.len(), ptr::null(), 0, &mut out),
            hadr_status::Ok
        );
        assert_eq!(
            hadr_check_json(json.as_ptr().cast(), json.len(), &mut from_check_json),
            hadr_status::Ok
        );
    }
    assert_eq!(take(out), take(from_check_json));
    let facts = xml_fixture("facts/director.json");
    // SAFETY: as above.
    let status = unsafe {
        hadr_check_input(
            json.as_ptr(),
            json.len(),
            facts.as_ptr().cast(),
            facts.len(),
            &mut out,
        )
    };
    assert_eq!(status, hadr_status::InvalidTopology);
    assert!(take(out).contains("a facts file completes imported topology XML"));
}

#[test]
fn simulate_json_gives_the_core_simulation_bytes() {
    use hadr_rules::simulate::{Request, simulate};
    let json = example("clean-2015-mirroring-witness.json");
    let topology = hadr_rules::Topology::from_json(&json).unwrap();
    let both = Request {
        all_single: true,
        sites: true,
        ..Default::default()
    };
    let cases: [(&str, u32, Request); 4] = [
        ("", 0, both),
        (
            "",
            HADR_SIMULATE_SITES,
            Request {
                sites: true,
                ..Default::default()
            },
        ),
        (
            "sql1-sea.contoso.com, sqlwit-sea.contoso.com;SEATTLE",
            0,
            Request {
                fail: vec![
                    vec![
                        "sql1-sea.contoso.com".to_owned(),
                        "sqlwit-sea.contoso.com".to_owned(),
                    ],
                    vec!["SEATTLE".to_owned()],
                ],
                ..Default::default()
            },
        ),
        (
            "seattle",
            HADR_SIMULATE_ALL_SINGLE,
            Request {
                fail: vec![vec!["seattle".to_owned()]],
                all_single: true,
                sites: false,
            },
        ),
    ];
    for (fail, flags, request) in cases {
        let expected = simulate(&topology, &request).unwrap().to_json();
        let mut out = ptr::null_mut();
        // SAFETY: valid buffers and output pointer.
        let status = unsafe {
            hadr_simulate_json(
                json.as_ptr().cast(),
                json.len(),
                fail.as_ptr().cast(),
                fail.len(),
                flags,
                &mut out,
            )
        };
        assert_eq!(status, hadr_status::Ok, "{fail:?}");
        assert_eq!(take(out), expected, "{fail:?} {flags}");
    }
}

#[test]
fn simulate_errors() {
    let json = example("paired-2019-ag.json");
    let sentinel = 0x5a5a_usize as *mut c_char;
    let mut out = sentinel;
    // SAFETY: NULL is allowed and checked; the other pointers are valid.
    unsafe {
        assert_eq!(
            hadr_simulate_json(ptr::null(), 0, ptr::null(), 0, 0, &mut out),
            hadr_status::NullParameter
        );
        assert_eq!(
            hadr_simulate_json(
                json.as_ptr().cast(),
                json.len(),
                ptr::null(),
                3,
                0,
                &mut out
            ),
            hadr_status::NullParameter
        );
        assert_eq!(
            hadr_simulate_json(
                json.as_ptr().cast(),
                json.len(),
                ptr::null(),
                0,
                4,
                &mut out
            ),
            hadr_status::InvalidArgument
        );
        let latin1 = b"z\xfcrich";
        assert_eq!(
            hadr_simulate_json(
                json.as_ptr().cast(),
                json.len(),
                latin1.as_ptr().cast(),
                latin1.len(),
                0,
                &mut out
            ),
            hadr_status::InvalidUtf8
        );
    }
    assert_eq!(out, sentinel);
    let fail = "chicago;chicgo";
    // SAFETY: valid buffers and output pointer.
    let status = unsafe {
        hadr_simulate_json(
            json.as_ptr().cast(),
            json.len(),
            fail.as_ptr().cast(),
            fail.len(),
            0,
            &mut out,
        )
    };
    assert_eq!(status, hadr_status::InvalidTopology);
    let errors = take(out);
    assert!(errors.contains("\"kind\": \"unknown_entity\""), "{errors}");
    assert!(errors.contains("did you mean `chicago`?"), "{errors}");
}

/// The errors JSON a call wrote, with its status.
fn errors_of(call: impl FnOnce(*mut *mut c_char) -> hadr_status) -> (hadr_status, String) {
    let mut out = ptr::null_mut();
    let status = call(&mut out);
    (status, take(out))
}

#[test]
fn facts_past_the_size_limit_are_refused_in_the_import_and_the_check() {
    // 100 MiB of zeroed (unmapped) pages: the limit is checked before anything is read.
    let facts = vec![0u8; 100 << 20];
    let xml = xml_fixture("director.xml");
    let message = "\"message\": \"the facts file is 100 MiB long, more than the limit of 64 MiB\"";
    // SAFETY: valid buffers and output pointers.
    let (status, errors) = errors_of(|out| unsafe {
        hadr_import_xml(
            xml.as_ptr(),
            xml.len(),
            facts.as_ptr().cast(),
            facts.len(),
            out,
        )
    });
    assert_eq!(status, hadr_status::InvalidTopology);
    assert!(errors.contains("\"kind\": \"too_large\""), "{errors}");
    assert!(errors.contains(message), "{errors}");
    // SAFETY: as above.
    let (status, errors) = errors_of(|out| unsafe {
        hadr_check_input(
            xml.as_ptr(),
            xml.len(),
            facts.as_ptr().cast(),
            facts.len(),
            out,
        )
    });
    assert_eq!(status, hadr_status::InvalidTopology);
    assert!(errors.contains(message), "{errors}");
}

#[test]
fn a_document_of_positional_arrays_is_refused() {
    let json = br#"[1, "n", [["dallas"]], []]"#;
    // SAFETY: valid buffers and output pointer.
    let (status, errors) =
        errors_of(|out| unsafe { hadr_check_json(json.as_ptr().cast(), json.len(), out) });
    assert_eq!(status, hadr_status::InvalidTopology);
    assert!(
        errors.contains("\"kind\": \"invalid_type\",\n      \"path\": \"\","),
        "{errors}"
    );
    assert!(
        errors.contains("\"message\": \"invalid type: array\""),
        "{errors}"
    );
}

#[test]
fn blank_failure_names_are_an_invalid_argument() {
    let json = example("paired-2019-ag.json");
    for fail in [" ", "chicago;", "a,,b", " ; , ;"] {
        let sentinel = 0x5a5a_usize as *mut c_char;
        let mut out = sentinel;
        // SAFETY: valid buffers and output pointer.
        let status = unsafe {
            hadr_simulate_json(
                json.as_ptr().cast(),
                json.len(),
                fail.as_ptr().cast(),
                fail.len(),
                0,
                &mut out,
            )
        };
        assert_eq!(status, hadr_status::InvalidArgument, "{fail:?}");
        assert_eq!(out, sentinel);
    }
}

#[test]
fn a_report_gives_the_core_sarif_junit_and_html_bytes() {
    let json = example("paired-2019-ag.json");
    let topology_core = hadr_rules::Topology::from_json(&json).unwrap();
    let expected = hadr_rules::check(&topology_core, &hadr_rules::Options::default());
    let checked = hadr_rules::output::Checked::of_json("paired-2019-ag.json", &expected);
    let simulation =
        hadr_rules::simulate::simulate(&topology_core, &hadr_rules::simulate::Request::REPORT)
            .unwrap();
    // SAFETY: every pointer is a live handle or a local, and every string is freed once.
    unsafe {
        let mut engine = ptr::null_mut();
        assert_eq!(hadr_engine_new(&mut engine), hadr_status::Ok);
        assert_eq!(
            hadr_engine_set_fail_level(engine, c"warning".as_ptr()),
            hadr_status::Ok
        );
        let (topology, report) = parse_and_check(engine, &json);
        let file = c"paired-2019-ag.json".as_ptr();
        let mut out = ptr::null_mut();
        assert_eq!(
            hadr_report_to_sarif(report, file, &mut out),
            hadr_status::Ok
        );
        assert_eq!(take(out), hadr_rules::output::sarif(&[checked]));
        assert_eq!(
            hadr_report_to_junit(report, file, &mut out),
            hadr_status::Ok
        );
        let warning = hadr_rules::tokens::Severity::Warning;
        assert_eq!(take(out), hadr_rules::output::junit(&[checked], warning));
        assert_eq!(
            hadr_report_to_html(report, topology, file, true, &mut out),
            hadr_status::Ok
        );
        let page = hadr_rules::output::html(&checked, &topology_core, warning, Some(&simulation));
        assert_eq!(take(out), page);
        out = ptr::null_mut();
        assert_eq!(
            hadr_report_to_html(report, ptr::null(), file, false, &mut out),
            hadr_status::NullParameter
        );
        assert!(out.is_null());
        hadr_report_free(report);
        hadr_topology_free(topology);
        hadr_engine_free(engine);
    }
}
