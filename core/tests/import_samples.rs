//! The eight real topology files of `shared/samples/topology-xml/` (see its `SOURCES.md`):
//! every one imports, with the pools (FQDN, kind, edition, product, servers in order), pairing,
//! Central Management store placement and SQL stores written below from reading the files, a
//! snapshot of the format-1 JSON, and the same report whether the XML is checked directly or
//! through the JSON it imports to. Without the samples (a plain clone), each test prints a
//! `skipped:` line and passes (`samples::samples`); under `CI=true` a missing folder fails.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use hadr_rules::Topology;
use hadr_rules::document::Ha;
use hadr_rules::import::{Form, Import, WarningKind};
use hadr_rules::tokens::{CmsRole, Edition, PoolKind, Product, Severity};
use rstest::rstest;

mod samples;

/// The sample imported, or `None` when the samples are not there (see [`samples::samples`]).
fn import(test: &str, file: &str) -> Option<Import> {
    let path = samples::samples(&format!("{test}({file})"))?.join(file);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    Some(hadr_rules::import::import(&bytes, None).unwrap_or_else(|e| panic!("{file}: {e}")))
}

/// `(fqdn, kind, edition, product, servers in order)`.
type PoolRow = (
    &'static str,
    PoolKind,
    Option<Edition>,
    Product,
    &'static [&'static str],
);

/// What one sample must import to.
struct Expected {
    file: &'static str,
    form: Form,
    sites: &'static [&'static str],
    pools: &'static [PoolRow],
    /// `(pool, backup_pool)`.
    pairs: &'static [(&'static str, &'static str)],
    /// `(pool, cms)`.
    cms: &'static [(&'static str, CmsRole)],
    /// `(store id, HA mode, hosts)`, and which pool uses it as its back end.
    stores: &'static [(&'static str, &'static str, &'static [&'static str])],
    back_ends: &'static [(&'static str, &'static str)],
    /// Warnings by kind, with their count.
    warnings: &'static [(WarningKind, usize)],
    /// Errors and warnings of the check without facts: `(rule, severity, subject)`.
    findings: &'static [(&'static str, Severity, &'static str)],
}

use CmsRole::{Active, Standby};
use Edition::{Enterprise, Standard};
use PoolKind::{Edge, FrontEnd};
use Product::{Lync2013, Sfb2015, Sfb2019};

const SAMPLES: &[Expected] = &[
    Expected {
        // #1: two Lync Server 2013 Standard Edition servers in two sites, paired, with the
        // active CMS in site 1 and the standby in site 2; UTF-16LE with a byte-order mark.
        file: "beckitrueconsulting__aws-quickstart__microsoft__lync__scripts__Topology.xml",
        form: Form::Topology,
        sites: &["AZ1", "AZ2"],
        pools: &[
            (
                "fe1.example.com",
                FrontEnd,
                Some(Standard),
                Lync2013,
                &["fe1.example.com"],
            ),
            (
                "fe2.example.com",
                FrontEnd,
                Some(Standard),
                Lync2013,
                &["fe2.example.com"],
            ),
        ],
        pairs: &[
            ("fe1.example.com", "fe2.example.com"),
            ("fe2.example.com", "fe1.example.com"),
        ],
        cms: &[("fe1.example.com", Active), ("fe2.example.com", Standby)],
        stores: &[],
        back_ends: &[],
        warnings: &[],
        findings: &[],
    },
    Expected {
        // #2: #1 with an Edge server per site whose addresses are template placeholders.
        file: "beckitrueconsulting__aws-quickstart__microsoft__lync__scripts__Topology-Edge.xml",
        form: Form::Topology,
        sites: &["AZ1", "AZ2"],
        pools: &[
            (
                "FE1.example.com",
                FrontEnd,
                Some(Standard),
                Lync2013,
                &["fe1.example.com"],
            ),
            (
                "FE2.example.com",
                FrontEnd,
                Some(Standard),
                Lync2013,
                &["fe2.example.com"],
            ),
            (
                "LE1.example.com",
                Edge,
                None,
                Lync2013,
                &["LE1.example.com"],
            ),
            (
                "LE2.example.com",
                Edge,
                None,
                Lync2013,
                &["LE2.example.com"],
            ),
        ],
        pairs: &[
            ("FE1.example.com", "FE2.example.com"),
            ("FE2.example.com", "FE1.example.com"),
        ],
        cms: &[("FE1.example.com", Active), ("FE2.example.com", Standby)],
        stores: &[],
        back_ends: &[],
        warnings: &[(WarningKind::PlaceholderAddress, 4)],
        // One Edge Server in each Edge pool: no high availability for remote access (EDGE-001).
        findings: &[
            ("EDGE-001", Severity::Warning, "LE1.example.com"),
            ("EDGE-001", Severity::Warning, "LE2.example.com"),
        ],
    },
    Expected {
        // #3: a Skype for Business Server 2015 Standard Edition server, one Edge server and a
        // PSTN gateway (not a pool); ASCII.
        file: "ibenbouzid__SkypeforBusiness_lab_V3__scripts__DefaultTopology_Skype.xml",
        form: Form::Topology,
        sites: &["TVP"],
        pools: &[
            (
                "skypefe.contoso.com",
                FrontEnd,
                Some(Standard),
                Sfb2015,
                &["skypefe.contoso.com"],
            ),
            (
                "Edge.contoso.com",
                Edge,
                None,
                Sfb2015,
                &["Edge.contoso.com"],
            ),
        ],
        pairs: &[],
        cms: &[("skypefe.contoso.com", Active)],
        stores: &[],
        back_ends: &[],
        warnings: &[],
        // A one-server Edge pool: no high availability for remote access (EDGE-001).
        findings: &[("EDGE-001", Severity::Warning, "Edge.contoso.com")],
    },
    Expected {
        // #4: an earlier variant of #3 without the gateway.
        file: "ibenbouzid__SkypeforBusiness_lab_V2__scripts__DefaultTopology_Skype.xml",
        form: Form::Topology,
        sites: &["Corporate"],
        pools: &[
            (
                "skypefe.contoso.com",
                FrontEnd,
                Some(Standard),
                Sfb2015,
                &["skypefe.contoso.com"],
            ),
            (
                "Edge.contoso.com",
                Edge,
                None,
                Sfb2015,
                &["Edge.contoso.com"],
            ),
        ],
        pairs: &[],
        cms: &[("skypefe.contoso.com", Active)],
        stores: &[],
        back_ends: &[],
        warnings: &[],
        // A one-server Edge pool: no high availability for remote access (EDGE-001).
        findings: &[("EDGE-001", Severity::Warning, "Edge.contoso.com")],
    },
    Expected {
        // #5: an Enterprise pool of one Front End on an AlwaysOn back end whose listener and
        // primary carry the same name; file share and Office Web Apps clusters are not pools.
        file: "rlevchenko__powershell-skype__DefaultTopology.xml",
        form: Form::Topology,
        sites: &["Tenant"],
        pools: &[(
            "poolfe.tenant.rlevchenko.com",
            FrontEnd,
            Some(Enterprise),
            Sfb2015,
            &["SKYPE-FE-01.tenant.rlevchenko.com"],
        )],
        pairs: &[],
        cms: &[("poolfe.tenant.rlevchenko.com", Active)],
        stores: &[(
            "srv-sql-01.tenant.rlevchenko.com",
            "always_on_ag",
            &[
                "srv-sql-01.tenant.rlevchenko.com",
                "srv-sql-01.tenant.rlevchenko.com",
            ],
        )],
        back_ends: &[(
            "poolfe.tenant.rlevchenko.com",
            "srv-sql-01.tenant.rlevchenko.com",
        )],
        warnings: &[(WarningKind::Assumed, 1)],
        // One Front End: FE-002 and FE-004 are true readings of the topology; both replicas of
        // the availability group are on srv-sql-01, so the back end has no effective high
        // availability (BE-001).
        findings: &[
            ("BE-001", Severity::Warning, "poolfe.tenant.rlevchenko.com"),
            ("FE-002", Severity::Warning, "poolfe.tenant.rlevchenko.com"),
            ("FE-004", Severity::Warning, "poolfe.tenant.rlevchenko.com"),
        ],
    },
    Expected {
        // #6: Standard Edition, an Edge server with real addresses; UTF-16LE.
        file: "JohanVeldhuis__SfBLab__DefaultTopology.xml",
        form: Form::Topology,
        sites: &["SiteA"],
        pools: &[
            (
                "S4BLab92-FE1.contoso.com",
                FrontEnd,
                Some(Standard),
                Sfb2015,
                &["S4BLab92-FE1.contoso.com"],
            ),
            (
                "S4BLab92-ES1.contoso.com",
                Edge,
                None,
                Sfb2015,
                &["S4BLab92-ES1.contoso.com"],
            ),
        ],
        pairs: &[],
        cms: &[("S4BLab92-FE1.contoso.com", Active)],
        stores: &[],
        back_ends: &[],
        warnings: &[],
        // A one-server Edge pool: no high availability for remote access (EDGE-001).
        findings: &[("EDGE-001", Severity::Warning, "S4BLab92-ES1.contoso.com")],
    },
    Expected {
        // #7: Topology Builder file, an Enterprise pool of four and an Edge pool of three, a
        // separate SQL Server (default instance) and no CMS yet (never published).
        file: "AutomatedLab__SfBAutomatedLab__SfBAutomatedLab__Sample_Topologies__Contoso.tbxml",
        form: Form::TopologyBuilder,
        sites: &["Contoso"],
        pools: &[
            (
                "frontendpool.contoso.com",
                FrontEnd,
                Some(Enterprise),
                Sfb2015,
                &[
                    "xfrontend1.contoso.com",
                    "xfrontend2.contoso.com",
                    "xfrontend3.contoso.com",
                    "xfrontend4.contoso.com",
                ],
            ),
            (
                "edgepool.contoso.com",
                Edge,
                None,
                Sfb2015,
                &[
                    "xedge1.contoso.com",
                    "xedge2.contoso.com",
                    "xedge3.contoso.com",
                ],
            ),
        ],
        pairs: &[],
        cms: &[],
        stores: &[("xSQL1.contoso.com", "none", &["xSQL1.contoso.com"])],
        back_ends: &[("frontendpool.contoso.com", "xSQL1.contoso.com")],
        warnings: &[(WarningKind::NoCms, 1)],
        // One SQL Server without HA (BE-001) is what the file says; it places no CMS, so no
        // pool carries `cms` and CMS-001 is not evaluated.
        findings: &[("BE-001", Severity::Warning, "frontendpool.contoso.com")],
    },
    Expected {
        // #8: Topology Builder file, a Skype for Business Server 2019 Standard Edition server
        // (`IsSingleMachineOnly`, a machine without `Fqdn`), no CMS yet.
        file: "alvinchen1__ExchangeSkypeMDTAutomate__Scripts__OTC.tbxml",
        form: Form::TopologyBuilder,
        sites: &["OTC"],
        pools: &[(
            "OCT-EXH-002.otc.lab",
            FrontEnd,
            Some(Standard),
            Sfb2019,
            &["OCT-EXH-002.otc.lab"],
        )],
        pairs: &[],
        cms: &[],
        stores: &[],
        back_ends: &[],
        warnings: &[(WarningKind::NoCms, 1)],
        // No CMS yet: CMS-001 is not evaluated.
        findings: &[],
    },
];

fn expected(file: &str) -> &'static Expected {
    SAMPLES
        .iter()
        .find(|e| e.file == file)
        .expect("every sample has its expectations")
}

fn hosts(ha: &Ha) -> (&'static str, Vec<String>) {
    match ha {
        Ha::None { server } => ("none", vec![server.fqdn.to_string()]),
        Ha::Mirroring {
            principal, mirror, ..
        } => (
            "mirroring",
            vec![principal.fqdn.to_string(), mirror.fqdn.to_string()],
        ),
        Ha::AlwaysOnAg {
            listener, replicas, ..
        } => (
            "always_on_ag",
            std::iter::once(listener.to_string())
                .chain(replicas.iter().map(|r| r.fqdn.to_string()))
                .collect(),
        ),
        Ha::AlwaysOnFci(c) | Ha::FailoverCluster(c) => (
            "cluster",
            c.nodes.iter().map(|n| n.fqdn.to_string()).collect(),
        ),
    }
}

#[test]
fn every_sample_has_expectations() {
    let Some(dir) = samples::samples("every_sample_has_expectations") else {
        return;
    };
    let mut files: Vec<String> = std::fs::read_dir(dir)
        .expect("the samples' folder")
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".xml") || name.ends_with(".tbxml"))
        .collect();
    files.sort();
    let mut listed: Vec<String> = SAMPLES.iter().map(|e| e.file.to_owned()).collect();
    listed.sort();
    assert_eq!(files, listed);
    assert_eq!(files.len(), 8);
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
fn sample_imports_as_expected(#[case] file: &str) {
    let want = expected(file);
    let Some(import) = import("sample_imports_as_expected", file) else {
        return;
    };
    let document = import.document();
    assert_eq!(import.form, want.form);
    let sites: Vec<&str> = document.sites.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(sites, want.sites);

    let pools: Vec<PoolRow> = document
        .pools
        .iter()
        .map(|p| {
            let servers: Vec<&str> = p.servers.iter().map(|s| s.fqdn.as_str()).collect();
            let servers: &'static [&'static str] = Box::leak(
                servers
                    .into_iter()
                    .map(|s| &*Box::leak(s.to_owned().into_boxed_str()))
                    .collect::<Vec<&'static str>>()
                    .into_boxed_slice(),
            );
            (
                &*Box::leak(p.fqdn.to_string().into_boxed_str()),
                p.kind,
                p.edition,
                p.product,
                servers,
            )
        })
        .collect();
    assert_eq!(pools, want.pools, "pools of {file}");

    let pairs: Vec<(&str, &str)> = document
        .pools
        .iter()
        .filter_map(|p| p.backup_pool.as_deref().map(|b| (p.fqdn.as_str(), b)))
        .collect();
    assert_eq!(pairs, want.pairs, "pairing of {file}");
    let cms: Vec<(&str, CmsRole)> = document
        .pools
        .iter()
        .filter_map(|p| p.cms.map(|c| (p.fqdn.as_str(), c)))
        .collect();
    assert_eq!(cms, want.cms, "CMS of {file}");

    let stores: Vec<(String, &str, Vec<String>)> = document
        .sql_stores
        .iter()
        .map(|s| {
            let (mode, hosts) = hosts(&s.ha);
            (s.id.to_string(), mode, hosts)
        })
        .collect();
    let want_stores: Vec<(String, &str, Vec<String>)> = want
        .stores
        .iter()
        .map(|(id, mode, hosts)| {
            (
                (*id).to_owned(),
                *mode,
                hosts.iter().map(|h| (*h).to_owned()).collect(),
            )
        })
        .collect();
    assert_eq!(stores, want_stores, "SQL stores of {file}");
    let back_ends: Vec<(&str, &str)> = document
        .pools
        .iter()
        .filter_map(|p| p.back_end.as_deref().map(|b| (p.fqdn.as_str(), b)))
        .collect();
    assert_eq!(back_ends, want.back_ends, "back ends of {file}");
    // The XML holds no OS, platform, SQL version or user count: nothing of the kind is made up.
    for pool in &document.pools {
        assert!(pool.users.is_none() && pool.load_balancing.is_none());
        for server in &pool.servers {
            assert!(server.os.is_none() && server.platform.is_none());
        }
    }
    for store in &document.sql_stores {
        assert!(store.version.is_none() && store.edition.is_none());
    }

    let mut kinds: Vec<(WarningKind, usize)> = Vec::new();
    for warning in &import.warnings {
        match kinds.iter_mut().find(|(k, _)| *k == warning.kind) {
            Some((_, n)) => *n += 1,
            None => kinds.push((warning.kind, 1)),
        }
    }
    assert_eq!(
        kinds, want.warnings,
        "warnings of {file}: {:?}",
        import.warnings
    );
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
fn sample_without_facts_gives_only_true_findings(#[case] file: &str) {
    let Some(import) = import("sample_without_facts_gives_only_true_findings", file) else {
        return;
    };
    let report = hadr_rules::check(&import.topology, &pinned());
    let findings: Vec<(&str, Severity, &str)> = report
        .diagnostics
        .iter()
        .filter(|d| !d.not_evaluated && d.severity != Severity::Info)
        .map(|d| (d.rule.as_str(), d.severity, d.subject.as_str()))
        .collect();
    let mut want = expected(file).findings.to_vec();
    want.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)).then(a.2.cmp(b.2)));
    assert_eq!(findings, want, "{file}");
    // What the XML cannot say is reported as not evaluated.
    assert!(report.summary.not_evaluated > 0);
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
fn sample_snapshot_and_round_trip(#[case] file: &str) {
    let Some(import) = import("sample_snapshot_and_round_trip", file) else {
        return;
    };
    let json = import.to_json();
    // `owner-repo-file`: unique among the samples.
    let parts: Vec<&str> = file.split("__").collect();
    let name = format!("{}-{}-{}", parts[0], parts[1], parts[parts.len() - 1]);
    insta::assert_snapshot!(name, json);
    // Importing, writing format 1 and checking it gives the report of checking the XML.
    let reread = Topology::from_json(json.as_bytes()).expect("the imported JSON reads back");
    assert_eq!(reread.document(), import.document());
    let options = pinned();
    assert_eq!(
        hadr_rules::check(&reread, &options),
        hadr_rules::check(&import.topology, &options)
    );
}

#[test]
fn every_diagnostic_path_of_a_sample_names_its_xml_element() {
    let Some(import) = import(
        "every_diagnostic_path_of_a_sample_names_its_xml_element",
        "beckitrueconsulting__aws-quickstart__microsoft__lync__scripts__Topology.xml",
    ) else {
        return;
    };
    let report = hadr_rules::check(&import.topology, &pinned());
    let pair = report
        .diagnostics
        .iter()
        .find(|d| d.rule == "PAIR-011")
        .expect("the pair is two Standard Edition servers");
    let source = import
        .source(&pair.path.to_string())
        .expect("the pairing comes from the XML");
    assert_eq!(pair.path, "/pools/0/backup_pool");
    assert_eq!(source.origin, "<Backup>");
    assert_eq!(source.line, Some(80));
    let server = import.source("/pools/1/servers/0/os").expect("the machine");
    assert_eq!(server.origin, "<Machine Fqdn=\"fe2.example.com\">");
}

/// The default options without the lifecycle family: these tests are about what the importer
/// gives the high-availability and disaster-recovery rules, and lifecycle findings depend on the
/// date.
fn pinned() -> hadr_rules::Options {
    hadr_rules::Options {
        ignore: vec![hadr_rules::Selector::Family(
            hadr_rules::tokens::Family::Life,
        )],
        ..hadr_rules::Options::default()
    }
}
