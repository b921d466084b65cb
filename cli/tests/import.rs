//! `hadr-rules import` and `check` on topology XML, `.tbxml` files and Export-CsConfiguration
//! zips: the JSON written, the round trip through it, the XML element named under each finding,
//! warnings on standard error, the facts file, and each bad input with its exact error.
//!
//! Commands run in the workspace root with relative paths and without colours. The eight real
//! samples are read from `../shared/samples/topology-xml/` (or `$HADR_RULES_SAMPLES`); without
//! them their cases say they are skipped.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use std::path::PathBuf;

use rstest::rstest;

use common::samples::samples;
use common::{parse, run, workspace};

/// A file in the system's temporary directory, unique to this test.
fn temp(name: &str) -> PathBuf {
    std::env::temp_dir().join(format!("hadr-rules-import-{}-{name}", std::process::id()))
}

#[rstest]
#[case::aws_paired("beckitrueconsulting__aws-quickstart__microsoft__lync__scripts__Topology.xml")]
#[case::aws_paired_edge(
    "beckitrueconsulting__aws-quickstart__microsoft__lync__scripts__Topology-Edge.xml"
)]
#[case::ibenbouzid_v3("ibenbouzid__SkypeforBusiness_lab_V3__scripts__DefaultTopology_Skype.xml")]
#[case::ibenbouzid_v2("ibenbouzid__SkypeforBusiness_lab_V2__scripts__DefaultTopology_Skype.xml")]
#[case::rlevchenko_always_on("rlevchenko__powershell-skype__DefaultTopology.xml")]
#[case::johanveldhuis("JohanVeldhuis__SfBLab__DefaultTopology.xml")]
#[case::automatedlab_tbxml(
    "AutomatedLab__SfBAutomatedLab__SfBAutomatedLab__Sample_Topologies__Contoso.tbxml"
)]
#[case::alvinchen1_2019_tbxml("alvinchen1__ExchangeSkypeMDTAutomate__Scripts__OTC.tbxml")]
#[case::director("tests/xml/director.xml")]
#[case::mirroring("tests/xml/mirroring-witness.xml")]
#[case::branch("tests/xml/branch-sba.xml")]
#[case::configuration_zip("tests/xml/configuration.zip")]
#[case::always_on_edge("tests/xml/always-on-edge.xml")]
#[case::topology_builder("tests/xml/standard-edition.tbxml")]
fn round_trip_gives_the_same_report(#[case] file: &str) {
    let input = if file.starts_with("tests/") {
        file.to_owned()
    } else {
        let Some(dir) = samples(&format!("round_trip_gives_the_same_report({file})")) else {
            return;
        };
        dir.join(file).to_str().unwrap().to_owned()
    };
    let name = input.rsplit('/').next().unwrap_or(file);
    let out = temp(&format!("{name}.json"));
    let out = out.to_str().unwrap();
    let imported = run(&["import", &input, "--out", out]);
    assert_eq!(imported.code, 0, "{}", imported.stderr);
    assert_eq!(imported.stdout, "");
    let written = std::fs::read_to_string(out).unwrap();
    assert_eq!(parse(&written)["format"], 1);
    // Without --out the same document goes to standard output.
    assert_eq!(run(&["import", &input]).stdout, written);
    let direct = run(&["check", &input, "--format", "json"]);
    let through = run(&["check", out, "--format", "json"]);
    let _ = std::fs::remove_file(out);
    assert_eq!(direct.code, through.code);
    assert_eq!(direct.stdout, through.stdout);
    assert!(through.stderr.is_empty());
}

#[test]
fn text_output_names_the_xml_element_and_line() {
    let Some(dir) = samples("text_output_names_the_xml_element_and_line") else {
        return;
    };
    let sample = dir
        .join("beckitrueconsulting__aws-quickstart__microsoft__lync__scripts__Topology-Edge.xml")
        .to_str()
        .unwrap()
        .to_owned();
    let run = run(&["check", &sample]);
    assert_eq!(run.code, 0);
    assert!(
        run.stdout.contains(
            "               at /pools/0/backup_pool\n               from <Backup> (line 97)\n"
        ),
        "{}",
        run.stdout
    );
    let warnings: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(warnings.len(), 4, "{}", run.stderr);
    assert_eq!(
        warnings[0],
        format!(
            "warning: {sample}:37: `Edge1InternalIP` in `IPAddress` of <NetInterface \
             InterfaceSide=\"Internal\"> is not an IP address (a template placeholder?) \
             [placeholder_address]"
        )
    );
}

/// The same on a hand-made fixture, so that a plain clone tests it too.
#[test]
fn text_output_names_the_xml_element_and_line_of_a_fixture() {
    let run = run(&["check", "tests/xml/branch-sba.xml"]);
    assert_eq!(run.code, 0);
    assert!(
        run.stdout.contains(
            "               at /pools/1/associated_pool\n               from <Backup> (line 102)\n"
        ),
        "{}",
        run.stdout
    );
    assert_eq!(
        run.stderr.lines().collect::<Vec<_>>(),
        [
            "warning: tests/xml/branch-sba.xml:13: at `/sites/1/kind`: branch site `Spokane` is \
             read from a `BranchSite` element, an XML shape no public export confirms \
             [unverified]",
            "warning: tests/xml/branch-sba.xml:31: `SbaInternalIP` in `IPAddress` of \
             <NetInterface InterfaceSide=\"Primary\"> is not an IP address (a template \
             placeholder?) [placeholder_address]",
        ]
    );
}

#[test]
fn check_with_facts() {
    let run = run(&[
        "check",
        "tests/xml/director.xml",
        "--facts",
        "tests/xml/facts/director.json",
    ]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert_eq!(
        run.stdout,
        "tests/xml/director.xml\npass: 0 error(s), 0 warning(s), 0 info, 0 not evaluated, 0 \
         suppressed (fail level: error)\n\n"
    );
}

#[test]
fn import_with_facts_writes_them_into_the_document() {
    let run = run(&[
        "import",
        "tests/xml/director.xml",
        "--facts",
        "tests/xml/facts/director.json",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json = parse(&run.stdout);
    assert_eq!(json["pools"][0]["servers"][0]["os"], "ws2016");
    assert_eq!(json["sql_stores"][0]["ha"]["mode"], "always_on_fci");
    insta::assert_snapshot!("director-with-facts", run.stdout);
}

#[test]
fn facts_with_a_json_document_are_refused() {
    let run = run(&[
        "check",
        "examples/paired-2019-ag.json",
        "--facts",
        "tests/xml/facts/director.json",
    ]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "error: examples/paired-2019-ag.json: a facts file completes imported topology XML; a \
         format-1 JSON document states its facts itself (expected topology XML, a .tbxml file \
         or an Export-CsConfiguration zip with `--facts`)\n"
    );
}

#[test]
fn a_bad_facts_file_names_its_path() {
    let facts = temp("bad-facts.json");
    std::fs::write(
        &facts,
        r#"{"format": 1, "servers": {"fe1.contoso.com": {"os": "ws2091"}}}"#,
    )
    .unwrap();
    let facts = facts.to_str().unwrap().to_owned();
    let run = run(&["check", "tests/xml/director.xml", "--facts", &facts]);
    let _ = std::fs::remove_file(&facts);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        format!(
            "error: {facts}:1:60: at `/servers/fe1.contoso.com/os`: unknown value `ws2091`: did \
             you mean `ws2019`? (expected one of `ws2008r2`, `ws2012`, `ws2012r2`, `ws2016`, \
             `ws2019`, `ws2022`, `ws2025`)\n"
        )
    );
}

#[test]
fn import_anonymize() {
    let run = run(&["import", "tests/xml/director.xml", "--anonymize"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!run.stdout.contains("contoso"), "{}", run.stdout);
    insta::assert_snapshot!("director-anonymized", run.stdout);
}

#[test]
fn schema_facts_prints_the_facts_schema_and_schema_is_unchanged() {
    let facts = run(&["schema", "--facts"]);
    assert_eq!(facts.code, 0);
    assert_eq!(
        parse(&facts.stdout)["title"],
        "hadr-rules facts file, format 1"
    );
    let schema = run(&["schema"]);
    let committed = std::fs::read_to_string(workspace().join("docs/topology.schema.json")).unwrap();
    assert_eq!(parse(&schema.stdout), parse(&committed));
}

#[test]
fn simulate_reads_xml_too() {
    let run = run(&[
        "simulate",
        "tests/xml/director.xml",
        "--fail",
        "sql1.contoso.com",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("pool.contoso.com"), "{}", run.stdout);
}

/// Every bad input: exit 2 and one line on standard error per problem.
#[rstest]
#[case::malformed("tests/xml/bad/malformed.xml")]
#[case::dtd("tests/xml/bad/dtd.xml")]
#[case::lync2010("tests/xml/bad/lync2010.xml")]
#[case::unknown_version("tests/xml/bad/unknown-version.xml")]
#[case::dangling("tests/xml/bad/dangling.xml")]
#[case::not_xml("tests/xml/bad/not-xml.txt")]
#[case::other_root("tests/xml/bad/other-root.xml")]
#[case::wrong_namespace("tests/xml/bad/wrong-namespace.xml")]
#[case::user_data_zip("tests/xml/bad/userdata.zip")]
#[case::no_doc_item_set("tests/xml/bad/no-docitemset.zip")]
#[case::zip_bomb("tests/xml/bad/bomb.zip")]
fn bad_input(#[case] file: &str) {
    let imported = run(&["import", file]);
    assert_eq!(imported.code, 2);
    assert_eq!(imported.stdout, "");
    let name = file.rsplit('/').next().unwrap_or(file);
    insta::assert_snapshot!(format!("bad-{name}"), imported.stderr);
    // `check` reports the same errors (it reads what is neither XML nor a zip as JSON); as
    // JSON with `--format json`.
    let checked = run(&["check", file]);
    let expected = if file.ends_with(".txt") {
        format!("error: {file}:1:1: not valid JSON: expected value\n")
    } else {
        imported.stderr.clone()
    };
    assert_eq!((checked.code, checked.stderr), (2, expected));
    let json = run(&["check", file, "--format", "json"]);
    let errors = parse(&json.stdout)["errors"].as_array().unwrap().clone();
    assert_eq!(errors.len(), imported.stderr.lines().count());
    assert_eq!(errors[0]["file"], file);
}

#[test]
fn every_bad_xml_fixture_is_tested() {
    let mut on_disk: Vec<String> = std::fs::read_dir(workspace().join("tests/xml/bad"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    on_disk.sort();
    assert_eq!(
        on_disk,
        [
            "bomb.zip",
            "dangling.xml",
            "dtd.xml",
            "lync2010.xml",
            "malformed.xml",
            "no-docitemset.zip",
            "not-xml.txt",
            "other-root.xml",
            "unknown-version.xml",
            "userdata.zip",
            "wrong-namespace.xml",
        ]
    );
}

#[test]
fn import_of_a_json_document_says_what_it_is() {
    let run = run(&["import", "examples/paired-2019-ag.json"]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "error: examples/paired-2019-ag.json: the file looks like a JSON document, not topology \
         XML: `check` reads a format-1 document as it is (expected topology XML from \
         `Get-CsTopology -AsXml`, a Topology Builder .tbxml file or an Export-CsConfiguration \
         zip)\n"
    );
}
