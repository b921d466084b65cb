//! The hand-made XML fixtures of `tests/xml/`: what the public samples lack (a Director pool, a
//! mirrored store with a witness, a branch site with an appliance, an Export-CsConfiguration
//! zip), each derived from `docs/topology-xml.md` rather than from a real export, and what they
//! show, in their shape, so that every importer path is covered without them (an availability
//! group, Edge and Persistent Chat pools, a `.tbxml` file); the facts file; anonymizing;
//! encodings; and every bad input with its exact error.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::io::{Cursor, Write};
use std::path::PathBuf;

use hadr_rules::document::{Ha, PstnGateway, SqlNode, VoiceFailover};
use hadr_rules::import::{Facts, Form, Import, Limits, WarningKind};
use hadr_rules::tokens::{
    CmsRole, CollocatedRole, Commit, Edition, FailoverMode, Os, Platform, PoolKind, Product,
    SiteKind, SqlVersion,
};
use hadr_rules::{ErrorKind, InputError, Topology};
use rstest::rstest;

fn fixture(path: &str) -> Vec<u8> {
    let file = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/xml")
        .join(path);
    std::fs::read(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()))
}

fn import(path: &str) -> Import {
    hadr_rules::import::import(&fixture(path), None).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn import_with(path: &str, facts: &Facts) -> Import {
    hadr_rules::import::import(&fixture(path), Some(facts))
        .unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The rule and subject of every finding of `topology` checked on the pinned date.
fn findings(topology: &Topology) -> Vec<(String, String)> {
    hadr_rules::check(topology, &pinned())
        .diagnostics
        .iter()
        .map(|d| (d.rule.to_string(), d.subject.to_string()))
        .collect()
}

fn facts(path: &str) -> Facts {
    Facts::from_json(&fixture(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn only_error(bytes: &[u8]) -> InputError {
    only_error_with(bytes, &Limits::default())
}

fn only_error_with(bytes: &[u8], limits: &Limits) -> InputError {
    let errors = hadr_rules::import::import_with_limits(bytes, None, limits)
        .expect_err("the input is refused")
        .errors;
    assert_eq!(errors.len(), 1, "{errors:?}");
    errors.into_iter().next().unwrap()
}

fn node(fqdn: &str, instance: Option<&str>) -> SqlNode {
    SqlNode {
        fqdn: fqdn.into(),
        instance: instance.map(Into::into),
        version: None,
        edition: None,
        service_pack: None,
        cumulative_update: None,
        domain: None,
        data_center: None,
        network_interfaces: None,
        esu: false,
        x: None,
    }
}

fn zip(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, data) in entries {
        writer.start_file(*name, options).unwrap();
        writer.write_all(data).unwrap();
    }
    writer.finish().unwrap().into_inner()
}

/// `(fqdn, kind, edition, product, servers in order)`.
type PoolRow<'a> = (&'a str, PoolKind, Option<Edition>, Product, Vec<&'a str>);

/// Derived from the documentation, not from a real export (see the fixture's comment).
#[test]
fn director_pool() {
    let import = import("director.xml");
    let document = import.document();
    assert_eq!(import.form, Form::Topology);
    assert!(import.warnings.is_empty(), "{:?}", import.warnings);
    let pools: Vec<PoolRow> = document
        .pools
        .iter()
        .map(|p| {
            (
                p.fqdn.as_str(),
                p.kind,
                p.edition,
                p.product,
                p.servers.iter().map(|s| s.fqdn.as_str()).collect(),
            )
        })
        .collect();
    assert_eq!(
        pools,
        vec![
            (
                "pool.contoso.com",
                PoolKind::FrontEnd,
                Some(Edition::Enterprise),
                Product::Sfb2015,
                vec!["fe1.contoso.com", "fe2.contoso.com", "fe3.contoso.com"]
            ),
            // Written dir2 first with OrdinalInCluster 2: topology order is by ordinal.
            (
                "dir.contoso.com",
                PoolKind::Director,
                None,
                Product::Sfb2015,
                vec!["dir1.contoso.com", "dir2.contoso.com"]
            ),
        ]
    );
    let pool = &document.pools[0];
    assert_eq!(pool.back_end.as_deref(), Some("sql1.contoso.com\\rtc"));
    assert_eq!(pool.cms, Some(CmsRole::Active));
    assert_eq!(pool.file_store.as_deref(), Some("fs.contoso.com\\share"));
    assert_eq!(document.pools[1].backup_pool, None);
    assert_eq!(document.sql_stores.len(), 1);
    assert_eq!(
        document.sql_stores[0].ha,
        Ha::None {
            server: node("sql1.contoso.com", Some("rtc"))
        }
    );
    assert_eq!(document.file_stores[0].fqdn, "fs.contoso.com");
    assert_eq!(document.name.as_deref(), Some("contoso.com"));
}

/// Derived from the documentation and the samples, not from a real export (see the fixture's
/// comment): voice failover intervals, collocated roles, Mediation pools and gateways.
#[test]
fn voice_failover_collocation_and_gateways() {
    let import = import("voice.xml");
    let document = import.document();
    assert!(import.warnings.is_empty(), "{:?}", import.warnings);
    let pools: Vec<(&str, PoolKind, Option<Vec<CollocatedRole>>)> = document
        .pools
        .iter()
        .map(|p| (p.fqdn.as_str(), p.kind, p.collocated_roles.clone()))
        .collect();
    assert_eq!(
        pools,
        vec![
            (
                "pool-dal.contoso.com",
                PoolKind::FrontEnd,
                Some(vec![
                    CollocatedRole::Mediation,
                    CollocatedRole::AvConferencing
                ])
            ),
            (
                "dir-dal.contoso.com",
                PoolKind::Director,
                Some(vec![CollocatedRole::Mediation])
            ),
            (
                "pool-chi.contoso.com",
                PoolKind::FrontEnd,
                Some(vec![CollocatedRole::AvConferencing])
            ),
            // A stand-alone Mediation pool: nothing collocated is read for it.
            ("med-chi.contoso.com", PoolKind::Mediation, None),
        ]
    );
    // `Backup` intervals are xs:durations: PT2M, PT4M and PT1M.
    let failover = |i: usize| document.pools[i].voice_failover.clone();
    assert_eq!(
        failover(0),
        Some(VoiceFailover {
            automatic: Some(true),
            failure_detection_seconds: Some(120),
            failback_seconds: Some(240),
        })
    );
    assert_eq!(
        failover(2),
        Some(VoiceFailover {
            automatic: Some(true),
            failure_detection_seconds: Some(60),
            failback_seconds: Some(60),
        })
    );
    assert_eq!(failover(1), None);
    let gateway = |fqdn: &str, site: &str, mediation: &str| PstnGateway {
        fqdn: fqdn.into(),
        site: site.into(),
        mediation_pool: mediation.into(),
        sip_trunk: None,
        x: None,
    };
    assert_eq!(
        document.pstn_gateways,
        Some(vec![
            gateway("gw-dal.contoso.com", "Dallas", "pool-dal.contoso.com"),
            gateway("sbc-chi.contoso.com", "Chicago", "med-chi.contoso.com"),
        ])
    );
    assert_eq!(
        import
            .source("/pools/2/voice_failover")
            .map(|s| (s.origin.as_str(), s.line)),
        Some(("<Backup>", Some(138)))
    );
    let findings = |import: &Import| -> Vec<(String, String, bool)> {
        let mut found: Vec<(String, String, bool)> = hadr_rules::check(&import.topology, &pinned())
            .diagnostics
            .iter()
            .filter(|d| ["DIR-004", "VOICE-005", "MED-002", "MED-001"].contains(&d.rule.as_str()))
            .map(|d| (d.rule.to_string(), d.subject.to_string(), d.not_evaluated))
            .collect();
        found.sort();
        found
    };
    let owned = |rule: &str, subject: &str, not_evaluated: bool| {
        (rule.to_owned(), subject.to_owned(), not_evaluated)
    };
    assert_eq!(
        findings(&import),
        vec![
            owned("DIR-004", "dir-dal.contoso.com", false),
            owned("MED-002", "gw-dal.contoso.com", true),
            owned("VOICE-005", "pool-chi.contoso.com", false),
        ]
    );
    // The facts file says which peer is a SIP trunk; the gateway on the Front End pool's
    // collocated Mediation then gets the recommendation.
    let facts = Facts::from_json(
        br#"{"format": 1, "pstn_gateways": {"GW-DAL.contoso.com": {"sip_trunk": true}},
             "sites": {"Dallas": {"failover_gateways": ["sbc-chi.contoso.com"],
                                  "links": [{"site": "Chicago", "resilient": true}]}},
             "pools": {"dir-dal.contoso.com": {"concurrent_remote_users": 20000}}}"#,
    )
    .unwrap();
    let completed = import_with("voice.xml", &facts);
    assert!(completed.warnings.is_empty(), "{:?}", completed.warnings);
    let document = completed.document();
    assert_eq!(
        document.pstn_gateways.as_ref().unwrap()[0].sip_trunk,
        Some(true)
    );
    assert_eq!(document.pools[1].concurrent_remote_users, Some(20_000));
    assert_eq!(
        completed
            .source("/pstn_gateways/0/sip_trunk")
            .map(|s| s.origin.as_str()),
        Some("facts /pstn_gateways/GW-DAL.contoso.com/sip_trunk")
    );
    assert_eq!(
        findings(&completed),
        vec![
            owned("DIR-004", "dir-dal.contoso.com", false),
            owned("MED-002", "gw-dal.contoso.com", false),
            owned("VOICE-005", "pool-chi.contoso.com", false),
        ]
    );
    let report = hadr_rules::check(&completed.topology, &pinned());
    let rules = |rule: &str| {
        report
            .diagnostics
            .iter()
            .filter(|d| d.rule.as_str() == rule)
            .map(|d| (d.subject.to_string(), d.not_evaluated))
            .collect::<Vec<_>>()
    };
    assert_eq!(rules("VOICE-003"), vec![]);
    assert_eq!(rules("VOICE-006"), vec![("Chicago".to_owned(), true)]);
    assert_eq!(rules("DIR-002"), vec![]);
    // Gateways, links and failover gateways are anonymized with the names they refer to.
    let anonymous = hadr_rules::import::anonymize(completed.document());
    let json = serde_json::to_string(&anonymous).unwrap();
    for name in ["contoso", "Dallas", "Chicago", "gw-", "sbc-"] {
        assert!(!json.contains(name), "{name} in {json}");
    }
    let topology = Topology::from_document(anonymous).expect("references still resolve");
    assert_eq!(
        hadr_rules::check(&topology, &pinned()).summary,
        report.summary
    );
}

/// Derived from the documentation, not from a real export: the importer's hypothesis for the
/// mirroring shape (see `docs/topology-xml.md`).
#[test]
fn mirrored_store_with_a_witness() {
    let import = import("mirroring-witness.xml");
    let document = import.document();
    assert_eq!(document.pools.len(), 1);
    assert_eq!(document.pools[0].product, Product::Lync2013);
    assert_eq!(
        document.pools[0].back_end.as_deref(),
        Some("sqlp-ams.contoso.com\\rtc")
    );
    // The mirror and the witness instances are part of the store, not stores of their own.
    assert_eq!(document.sql_stores.len(), 1);
    assert_eq!(
        document.sql_stores[0].ha,
        Ha::Mirroring {
            principal: Box::new(node("sqlp-ams.contoso.com", Some("rtc"))),
            mirror: Box::new(node("sqlm-ams.contoso.com", Some("rtc"))),
            witness: Some(Box::new(node("sqlw-ams.contoso.com", Some("witness")))),
            synchronous: None,
        }
    );
    let kinds: Vec<(WarningKind, &str)> = import
        .warnings
        .iter()
        .map(|w| (w.kind, w.path.as_str()))
        .collect();
    assert_eq!(kinds, vec![(WarningKind::Unverified, "/sql_stores/0/ha")]);
    assert_eq!(
        import
            .source("/sql_stores/0/ha/witness/domain")
            .map(|s| s.origin.as_str()),
        Some("<Service ServiceId=\"1-WitnessStore-1\">")
    );
    // Lync Server 2013 mirroring with a witness: only missing facts, no finding.
    let report = hadr_rules::check(&import.topology, &pinned());
    assert_eq!((report.summary.error, report.summary.warning), (0, 0));
}

/// Derived from the documentation, not from a real export: `BranchSite` and the appliance's
/// `Backup` are unverified shapes.
#[test]
fn branch_site_with_an_appliance() {
    let import = import("branch-sba.xml");
    let document = import.document();
    assert_eq!(document.sites[1].id, "Spokane");
    assert_eq!(document.sites[1].kind, Some(SiteKind::Branch));
    let sba = &document.pools[1];
    assert_eq!(
        (sba.fqdn.as_str(), sba.kind, sba.site.as_str()),
        ("sba-spk.contoso.com", PoolKind::Sba, "Spokane")
    );
    assert_eq!(sba.associated_pool.as_deref(), Some("pool-sea.contoso.com"));
    assert_eq!(sba.backup_pool, None);
    assert_eq!(document.pools[0].backup_pool, None);
    let kinds: Vec<WarningKind> = import.warnings.iter().map(|w| w.kind).collect();
    assert_eq!(
        kinds,
        vec![WarningKind::Unverified, WarningKind::PlaceholderAddress]
    );
    let report = hadr_rules::check(&import.topology, &pinned());
    let branch = report
        .diagnostics
        .iter()
        .find(|d| d.rule == "PAIR-019")
        .expect("the appliance's users have no disaster recovery");
    assert_eq!(branch.subject, "sba-spk.contoso.com");
    assert_eq!(
        import
            .source(&branch.path.to_string())
            .map(|s| (s.origin.as_str(), s.line)),
        Some(("<Backup>", Some(102)))
    );
}

#[test]
fn elements_are_matched_by_namespace_and_local_name_never_by_prefix() {
    let import = import("prefixed.xml");
    let document = import.document();
    assert_eq!(document.sites.len(), 1);
    assert_eq!(document.pools.len(), 1);
    let pool = &document.pools[0];
    assert_eq!(pool.fqdn, "se.lab.contoso.com");
    assert_eq!(pool.edition, Some(Edition::Standard));
    assert_eq!(pool.product, Product::Sfb2019);
    // `r:CentralMgmtService IsActive="true"` counts; `x:CentralMgmtService` is another element.
    assert_eq!(pool.cms, Some(CmsRole::Active));
    assert_eq!(import.warnings.len(), 1);
    assert_eq!(import.warnings[0].kind, WarningKind::UnknownElement);
    assert_eq!(import.warnings[0].line, Some(42));
}

/// An Export-CsConfiguration zip (hand-made: DocItemSet.xml with the topology of
/// `director.xml` wrapped in `AnchoredXml`) imports to the same document.
#[test]
fn configuration_zip() {
    let zipped = import("configuration.zip");
    assert_eq!(zipped.form, Form::ConfigurationZip);
    assert_eq!(zipped.document(), import("director.xml").document());
}

#[test]
fn a_topology_escaped_inside_doc_item_set_is_read() {
    let topology = String::from_utf8(fixture("director.xml")).unwrap();
    let escaped = topology
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    let doc = format!(
        "<DocItemSet xmlns=\"urn:schema:Microsoft.Rtc.Management.Xds.DocItemSet.2008\">\
         <DocItem Name=\"urn:xds:topology\"><Data>{escaped}</Data></DocItem></DocItemSet>"
    );
    let bytes = zip(&[("DocItemSet.xml", doc.as_bytes())]);
    let import = hadr_rules::import::import(&bytes, None).unwrap();
    assert_eq!(import.document(), self::import("director.xml").document());
}

#[rstest]
#[case::utf8_bom(&[0xEF, 0xBB, 0xBF], false, false)]
#[case::utf16le_bom(&[0xFF, 0xFE], true, false)]
#[case::utf16be_bom(&[0xFE, 0xFF], true, true)]
#[case::utf16le_without_bom(&[], true, false)]
fn encodings(#[case] mark: &[u8], #[case] utf16: bool, #[case] big_endian: bool) {
    let text = String::from_utf8(fixture("director.xml")).unwrap();
    let mut bytes = mark.to_vec();
    if utf16 {
        for unit in text.encode_utf16() {
            let pair = if big_endian {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            };
            bytes.extend_from_slice(&pair);
        }
    } else {
        bytes.extend_from_slice(text.as_bytes());
    }
    let import = hadr_rules::import::import(&bytes, None).unwrap();
    assert_eq!(import.document(), self::import("director.xml").document());
}

#[test]
fn the_facts_file_completes_the_topology() {
    let facts = facts("facts/director.json");
    let import = import_with("director.xml", &facts);
    let document = import.document();
    assert!(import.warnings.is_empty(), "{:?}", import.warnings);
    assert_eq!(document.name.as_deref(), Some("contoso-dallas"));
    assert_eq!(document.sites[0].region.as_deref(), Some("na"));
    assert_eq!(document.sites[0].data_center.as_deref(), Some("dal1"));
    let pool = &document.pools[0];
    assert_eq!(pool.users, Some(12_000));
    assert_eq!(pool.cumulative_update, Some(12));
    // An entry wins over the defaults; FQDN keys are compared without case.
    let os: Vec<Option<Os>> = pool.servers.iter().map(|s| s.os).collect();
    assert_eq!(os, vec![Some(Os::Ws2016); 3]);
    assert_eq!(document.pools[1].servers[0].os, Some(Os::Ws2019));
    assert_eq!(pool.servers[0].platform, Some(Platform::Physical));
    assert_eq!(pool.servers[0].domain.as_deref(), Some("contoso.com"));
    let store = &document.sql_stores[0];
    assert_eq!(store.version, Some(SqlVersion::V2017));
    let Ha::AlwaysOnFci(cluster) = &store.ha else {
        panic!("the facts replace the HA configuration: {:?}", store.ha);
    };
    // Machine defaults reach the SQL nodes too.
    assert_eq!(cluster.nodes[1].domain.as_deref(), Some("contoso.com"));
    assert_eq!(cluster.nodes[1].network_interfaces, Some(1));
    assert_eq!(pool.servers[2].network_interfaces, Some(1));
    assert_eq!(
        import
            .source("/pools/0/servers/2/network_interfaces")
            .map(|s| s.origin.as_str()),
        Some("facts /defaults/server/network_interfaces")
    );
    assert_eq!(
        import
            .source("/pools/0/servers/2/os")
            .map(|s| s.origin.as_str()),
        Some("facts /servers/FE3.contoso.com/os")
    );
    assert_eq!(
        import
            .source("/pools/0/servers/2/platform")
            .map(|s| s.origin.as_str()),
        Some("facts /defaults/server/platform")
    );
    let report = hadr_rules::check(&import.topology, &pinned());
    assert_eq!(report.summary.not_evaluated, 0, "{:#?}", report.diagnostics);
    assert_eq!(report.summary.error + report.summary.warning, 0);
}

/// In the shape of the public exports (see the fixture's comment): what only the samples showed
/// before, an availability group on a default instance, an Edge pool and a Persistent Chat pool.
#[test]
fn availability_group_edge_and_persistent_chat() {
    let import = import("always-on-edge.xml");
    let document = import.document();
    assert_eq!(import.form, Form::Topology);
    let pools: Vec<PoolRow> = document
        .pools
        .iter()
        .map(|p| {
            (
                p.fqdn.as_str(),
                p.kind,
                p.edition,
                p.product,
                p.servers.iter().map(|s| s.fqdn.as_str()).collect(),
            )
        })
        .collect();
    assert_eq!(
        pools,
        vec![
            (
                "pool-osl.contoso.com",
                PoolKind::FrontEnd,
                Some(Edition::Enterprise),
                Product::Sfb2015,
                vec![
                    "fe1-osl.contoso.com",
                    "fe2-osl.contoso.com",
                    "fe3-osl.contoso.com"
                ]
            ),
            (
                "edge-osl.contoso.com",
                PoolKind::Edge,
                None,
                Product::Sfb2015,
                vec!["edge1-osl.contoso.com"]
            ),
            (
                "chat-osl.contoso.com",
                PoolKind::PersistentChat,
                None,
                Product::Sfb2015,
                vec!["chat1-osl.contoso.com"]
            ),
        ]
    );
    let pool = &document.pools[0];
    assert_eq!(pool.back_end.as_deref(), Some("sqlag-osl.contoso.com"));
    assert_eq!(pool.cms, Some(CmsRole::Active));
    assert_eq!(
        pool.file_store.as_deref(),
        Some("pool-osl.contoso.com\\share")
    );
    assert_eq!(
        document.pools[2].back_end.as_deref(),
        Some("sqlchat-osl.contoso.com\\chat")
    );
    let Ha::AlwaysOnAg {
        listener, replicas, ..
    } = &document.sql_stores[0].ha
    else {
        panic!("an availability group: {:?}", document.sql_stores[0].ha);
    };
    assert_eq!(listener, "sqlag-osl.contoso.com");
    let replicas: Vec<(&str, Option<&str>, Commit, FailoverMode)> = replicas
        .iter()
        .map(|r| (r.fqdn.as_str(), r.instance.as_deref(), r.commit, r.failover))
        .collect();
    assert_eq!(
        replicas,
        [(
            "sql1-osl.contoso.com",
            None,
            Commit::Synchronous,
            FailoverMode::Automatic
        )]
    );
    assert_eq!(
        document.sql_stores[1].ha,
        Ha::None {
            server: node("sqlchat-osl.contoso.com", Some("chat"))
        }
    );
    let warnings: Vec<(WarningKind, Option<usize>, &str)> = import
        .warnings
        .iter()
        .map(|w| (w.kind, w.line, w.path.as_str()))
        .collect();
    assert_eq!(
        warnings,
        [
            (WarningKind::PlaceholderAddress, Some(36), ""),
            (WarningKind::Assumed, Some(50), "/sql_stores/0/ha/replicas"),
        ]
    );
}

/// In the shape of the public Topology Builder files (see the fixture's comment): UTF-8 with a
/// byte-order mark, a single-machine Standard Edition cluster with its own SQL instance,
/// references by GUID.
#[test]
fn topology_builder_file() {
    let bytes = fixture("standard-edition.tbxml");
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
    let import = import("standard-edition.tbxml");
    let document = import.document();
    assert_eq!(import.form, Form::TopologyBuilder);
    assert!(import.warnings.is_empty(), "{:?}", import.warnings);
    let pools: Vec<PoolRow> = document
        .pools
        .iter()
        .map(|p| {
            (
                p.fqdn.as_str(),
                p.kind,
                p.edition,
                p.product,
                p.servers.iter().map(|s| s.fqdn.as_str()).collect(),
            )
        })
        .collect();
    assert_eq!(
        pools,
        vec![
            (
                "se-lis.contoso.com",
                PoolKind::FrontEnd,
                Some(Edition::Standard),
                Product::Sfb2019,
                vec!["se-lis.contoso.com"]
            ),
            (
                "med-lis.contoso.com",
                PoolKind::Mediation,
                None,
                Product::Sfb2019,
                vec!["med1-lis.contoso.com", "med2-lis.contoso.com"]
            ),
        ]
    );
    let pool = &document.pools[0];
    assert_eq!(pool.cms, Some(CmsRole::Active));
    // A Standard Edition server's own SQL Express is not a store of the document.
    assert_eq!(pool.back_end, None);
    assert!(document.sql_stores.is_empty());
    assert_eq!(
        pool.file_store.as_deref(),
        Some("se-lis.contoso.com\\share")
    );
    let sites: Vec<&str> = document.sites.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(sites, ["Lisbon"]);
}

#[test]
fn facts_give_the_replicas_of_an_availability_group() {
    let bytes = fixture("always-on-edge.xml");
    let without = hadr_rules::import::import(&bytes, None).unwrap();
    let kinds: Vec<WarningKind> = without.warnings.iter().map(|w| w.kind).collect();
    assert_eq!(
        kinds,
        [WarningKind::PlaceholderAddress, WarningKind::Assumed]
    );
    let facts = facts("facts/always-on-edge.json");
    let import = hadr_rules::import::import(&bytes, Some(&facts)).unwrap();
    // The facts give the replicas: only the Edge server's placeholder address is left.
    let kinds: Vec<WarningKind> = import.warnings.iter().map(|w| w.kind).collect();
    assert_eq!(kinds, [WarningKind::PlaceholderAddress]);
    let Ha::AlwaysOnAg {
        listener,
        replicas,
        quorum_witness,
        ..
    } = &import.document().sql_stores[0].ha
    else {
        panic!("an availability group");
    };
    assert_eq!(listener, "sqlag-osl.contoso.com");
    assert_eq!(replicas.len(), 2);
    assert_eq!(
        (replicas[1].commit, replicas[1].failover),
        (Commit::Asynchronous, FailoverMode::Manual)
    );
    assert_eq!(replicas[1].domain.as_deref(), Some("contoso.com"));
    assert!(quorum_witness.is_some());
    let report = hadr_rules::check(&import.topology, &pinned());
    let be015 = report
        .diagnostics
        .iter()
        .find(|d| d.rule == "BE-015")
        .unwrap();
    assert_eq!(be015.path, "/sql_stores/0/ha/replicas/1");
    assert_eq!(
        import
            .source(&be015.path.to_string())
            .map(|s| s.origin.as_str()),
        Some("facts /sql_stores/sqlag-osl.contoso.com/replicas")
    );
}

#[test]
fn a_facts_entry_that_names_nothing_is_a_warning_with_a_suggestion() {
    let facts = Facts::from_json(
        br#"{"format": 1, "servers": {"fe4.contoso.com": {"os": "ws2019"}},
             "pools": {"pool.contoso.org": {"users": 5}}}"#,
    )
    .unwrap();
    let import = import_with("director.xml", &facts);
    let unused: Vec<(&str, &str)> = import
        .warnings
        .iter()
        .map(|w| (w.path.as_str(), w.message.as_str()))
        .collect();
    assert_eq!(
        unused,
        vec![
            (
                "/pools/pool.contoso.org",
                "the facts name a pool `pool.contoso.org`, which the topology does not have: did \
                 you mean `pool.contoso.com`?"
            ),
            (
                "/servers/fe4.contoso.com",
                "the facts name a machine `fe4.contoso.com`, which the topology does not have: \
                 did you mean `fe1.contoso.com`?"
            ),
        ]
    );
}

#[test]
fn the_product_of_a_pool_can_come_from_the_facts() {
    let facts = Facts::from_json(
        br#"{"format": 1, "pools": {"pool.contoso.com": {"product": "sfbse"},
                                     "dir.contoso.com": {"product": "sfbse"}}}"#,
    )
    .unwrap();
    let import = import_with("bad/unknown-version.xml", &facts);
    assert_eq!(import.document().pools[0].product, Product::SfbSe);
}

#[rstest]
#[case::unknown_key(
    r#"{"format": 1, "servers": {"fe1.contoso.com": {"oss": "ws2019"}}}"#,
    ErrorKind::UnknownKey,
    "/servers/fe1.contoso.com/oss",
    "unknown key `oss`: did you mean `os`?"
)]
#[case::unknown_token(
    r#"{"format": 1, "defaults": {"server": {"os": "ws2091"}}}"#,
    ErrorKind::UnknownToken,
    "/defaults/server/os",
    "unknown value `ws2091`: did you mean `ws2019`?"
)]
#[case::missing_format(
    r#"{"servers": {}}"#,
    ErrorKind::MissingKey,
    "",
    "missing key `format`"
)]
#[case::format_2(
    r#"{"format": 2}"#,
    ErrorKind::UnsupportedFormat,
    "/format",
    "facts format `2` is not supported by this version of hadr-rules"
)]
#[case::empty("  ", ErrorKind::Empty, "", "the facts file is empty")]
fn bad_facts(
    #[case] json: &str,
    #[case] kind: ErrorKind,
    #[case] path: &str,
    #[case] message: &str,
) {
    let errors = Facts::from_json(json.as_bytes()).unwrap_err().errors;
    assert_eq!(errors.len(), 1);
    assert_eq!(
        (
            errors[0].kind,
            errors[0].path.as_str(),
            errors[0].message.as_str()
        ),
        (kind, path, message)
    );
}

#[test]
fn anonymizing_keeps_every_finding() {
    let facts = facts("facts/director.json");
    let import = import_with("director.xml", &facts);
    let anonymous = hadr_rules::import::anonymize(import.document());
    let json = serde_json::to_string(&anonymous).unwrap();
    for name in ["contoso", "Dallas", "dal1", "fe1", "sql1"] {
        assert!(!json.contains(name), "{name} in {json}");
    }
    assert_eq!(anonymous.pools[0].fqdn, "host1.domain1.example");
    assert_eq!(
        anonymous.pools[0].back_end.as_deref(),
        Some("host5.domain1.example\\rtc")
    );
    let topology = Topology::from_document(anonymous).expect("references still resolve");
    let options = pinned();
    let before = hadr_rules::check(&import.topology, &options);
    let after = hadr_rules::check(&topology, &options);
    assert_eq!(before.summary, after.summary);
}

#[test]
fn read_takes_json_as_it_is_and_refuses_facts_with_it() {
    let json = import("director.xml").to_json();
    let read = hadr_rules::import::read(json.as_bytes(), None).unwrap();
    assert_eq!(read.form, Form::Json);
    assert!(read.sources.is_empty());
    let facts = Facts::from_json(br#"{"format": 1}"#).unwrap();
    let error = hadr_rules::import::read(json.as_bytes(), Some(&facts)).unwrap_err();
    assert_eq!(error.errors[0].kind, ErrorKind::InvalidValue);
    // `import` itself reads XML only.
    let error = hadr_rules::import::import(json.as_bytes(), None).unwrap_err();
    assert_eq!(error.errors[0].kind, ErrorKind::NotTopology);
}

/// `(fixture, kind, line and column, message)`.
#[rstest]
#[case::malformed(
    "bad/malformed.xml",
    ErrorKind::Xml,
    Some((6, 3)),
    "not well-formed XML: expected 'Sites' tag, not 'Site'"
)]
#[case::dtd(
    "bad/dtd.xml",
    ErrorKind::Dtd,
    Some((2, 1)),
    "the document declares a DTD (`<!DOCTYPE …>`): DTDs and entity declarations are refused, so \
     nothing is expanded or fetched"
)]
#[case::not_xml(
    "bad/not-xml.txt",
    ErrorKind::NotTopology,
    None,
    "the file is neither XML nor a zip archive"
)]
#[case::other_root(
    "bad/other-root.xml",
    ErrorKind::NotTopology,
    None,
    "the root element is `html` of namespace http://www.w3.org/1999/xhtml: not a Lync or Skype for \
     Business topology"
)]
#[case::wrong_namespace(
    "bad/wrong-namespace.xml",
    ErrorKind::NotTopology,
    None,
    "the root element is `Topology` without a namespace: not a Lync or Skype for Business topology"
)]
#[case::user_data_zip(
    "bad/userdata.zip",
    ErrorKind::NotTopology,
    None,
    "the zip's DocItemSet.xml holds no topology (no `Topology` element of \
     urn:schema:Microsoft.Rtc.Management.Deploy.Topology.2008); an Export-CsUserData zip holds \
     users and contacts, not the topology"
)]
#[case::zip_without_doc_item_set(
    "bad/no-docitemset.zip",
    ErrorKind::NotTopology,
    None,
    "the zip holds no DocItemSet.xml (it holds `readme.txt`)"
)]
#[case::zip_bomb(
    "bad/bomb.zip",
    ErrorKind::Archive,
    None,
    "the zip entry `DocItemSet.xml` expands from 8158 to 8388608 bytes (more than 100 times its \
     size or more than 67108864 bytes): refused as a zip bomb"
)]
fn bad_input(
    #[case] path: &str,
    #[case] kind: ErrorKind,
    #[case] position: Option<(usize, usize)>,
    #[case] message: &str,
) {
    let error = only_error(&fixture(path));
    assert_eq!(error.kind, kind, "{error}");
    assert_eq!(error.line.zip(error.column), position, "{error}");
    assert_eq!(error.message, message);
    assert!(error.expected.is_some());
}

#[test]
fn lync_server_2010_is_an_unsupported_product() {
    let errors = hadr_rules::import::import(&fixture("bad/lync2010.xml"), None)
        .unwrap_err()
        .errors;
    let seen: Vec<(ErrorKind, Option<usize>, &str)> = errors
        .iter()
        .map(|e| (e.kind, e.line, e.message.as_str()))
        .collect();
    assert_eq!(
        seen,
        vec![
            (
                ErrorKind::UnsupportedProduct,
                Some(50),
                "pool `pool.contoso.com` runs Lync Server 2010 (`ServiceVersion` 5 on <Service \
                 ServiceId=\"1-UserServices-1\">): unsupported product, hadr-rules checks Lync \
                 Server 2013 and Skype for Business Server 2015, 2019 and Subscription Edition"
            ),
            (
                ErrorKind::UnsupportedProduct,
                Some(120),
                "pool `dir.contoso.com` runs Lync Server 2010 (`ServiceVersion` 5 on <Service \
                 ServiceId=\"1-Registrar-2\">): unsupported product, hadr-rules checks Lync \
                 Server 2013 and Skype for Business Server 2015, 2019 and Subscription Edition"
            ),
        ]
    );
}

#[test]
fn an_unknown_service_version_is_an_unsupported_product() {
    let errors = hadr_rules::import::import(&fixture("bad/unknown-version.xml"), None)
        .unwrap_err()
        .errors;
    assert_eq!(errors.len(), 2);
    assert_eq!(errors[0].kind, ErrorKind::UnsupportedProduct);
    assert_eq!(
        errors[0].message,
        "pool `pool.contoso.com` has an unknown `ServiceVersion` `9` on <Service \
         ServiceId=\"1-UserServices-1\">: unsupported product (give the pool's `product` in the \
         facts file if you know it)"
    );
}

#[test]
fn references_that_do_not_resolve() {
    let errors = hadr_rules::import::import(&fixture("bad/dangling.xml"), None)
        .unwrap_err()
        .errors;
    let seen: Vec<(ErrorKind, Option<usize>, &str)> = errors
        .iter()
        .map(|e| (e.kind, e.line, e.message.as_str()))
        .collect();
    assert_eq!(
        seen,
        vec![
            (
                ErrorKind::DanglingReference,
                Some(75),
                "<Backup> refers to service 2-Registrar-1, which the topology does not define"
            ),
            (
                ErrorKind::DanglingReference,
                Some(140),
                "<ClusterId SiteId=\"1\" Number=\"7\"> refers to cluster 1:7, which the topology \
                 does not define"
            ),
        ]
    );
}

#[test]
fn placeholders_where_addresses_belong_are_warnings() {
    let import = import("branch-sba.xml");
    let warning = import
        .warnings
        .iter()
        .find(|w| w.kind == WarningKind::PlaceholderAddress)
        .unwrap();
    assert_eq!(warning.line, Some(31));
    assert_eq!(
        warning.message,
        "`SbaInternalIP` in `IPAddress` of <NetInterface InterfaceSide=\"Primary\"> is not an IP \
         address (a template placeholder?)"
    );
}

#[test]
fn an_oversized_zip_entry_is_refused() {
    let bytes = zip(&[("DocItemSet.xml", &fixture("director.xml"))]);
    let limits = Limits {
        max_entry_size: 1024,
        ..Limits::default()
    };
    let error = only_error_with(&bytes, &limits);
    assert_eq!(error.kind, ErrorKind::Archive);
    assert_eq!(
        error.message,
        "the zip entry `DocItemSet.xml` expands to 7118 bytes, more than the limit of 1024 bytes"
    );
}

#[test]
fn a_zip_with_too_many_entries_is_refused() {
    let names: Vec<String> = (0..5).map(|i| format!("f{i}.txt")).collect();
    let entries: Vec<(&str, &[u8])> = names.iter().map(|n| (n.as_str(), &b""[..])).collect();
    let limits = Limits {
        max_entries: 4,
        ..Limits::default()
    };
    let error = only_error_with(&zip(&entries), &limits);
    assert_eq!(error.kind, ErrorKind::Archive);
    assert_eq!(
        error.message,
        "the zip has 5 entries, more than the limit of 4"
    );
}

#[test]
fn a_damaged_zip_is_refused() {
    let error = only_error(b"PK\x03\x04 not really a zip");
    assert_eq!(error.kind, ErrorKind::Archive);
    assert!(
        error
            .message
            .starts_with("the file starts like a zip archive but cannot be read"),
        "{}",
        error.message
    );
}

#[test]
fn bad_xml_inside_a_zip_names_the_entry() {
    let bytes = zip(&[(
        "DocItemSet.xml",
        &b"<DocItemSet>\n  <Oops></DocItemSet>"[..],
    )]);
    let error = only_error(&bytes);
    assert_eq!(error.kind, ErrorKind::Xml);
    assert_eq!(
        error.message,
        "DocItemSet.xml: not well-formed XML: expected 'Oops' tag, not 'DocItemSet'"
    );
    assert_eq!((error.line, error.column), (Some(2), Some(9)));
}

#[rstest]
#[case::odd_utf16(&[0xFF, 0xFE, b'<', 0, b'T'], "the document is UTF-16 text with an odd number of bytes (truncated?)")]
#[case::bad_utf8(
    b"<Topology>\xC3\x28</Topology>",
    "the document is not UTF-8 text (invalid byte at offset 10)"
)]
fn bad_encodings(#[case] bytes: &[u8], #[case] message: &str) {
    let error = only_error(bytes);
    assert_eq!(error.kind, ErrorKind::Encoding);
    assert_eq!(error.message, message);
}

#[test]
fn an_empty_input_is_not_a_topology() {
    let error = only_error(b"");
    assert_eq!(
        (error.kind, error.message.as_str()),
        (ErrorKind::NotTopology, "the file is empty")
    );
}

#[test]
fn arbitrary_bytes_never_panic() {
    // A deterministic spread of truncations and byte flips of real inputs.
    let inputs = [
        fixture("director.xml"),
        fixture("configuration.zip"),
        fixture("branch-sba.xml"),
    ];
    for input in &inputs {
        for cut in (0..input.len()).step_by(97) {
            let _ = hadr_rules::import::import(&input[..cut], None);
        }
        for at in (0..input.len()).step_by(61) {
            let mut bytes = input.clone();
            bytes[at] ^= 0x5A;
            let _ = hadr_rules::import::import(&bytes, None);
        }
    }
}

#[test]
fn the_example_of_the_facts_format_parses() {
    let text = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../docs/facts-format.md"),
    )
    .unwrap();
    let example = text
        .split("```json")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .expect("docs/facts-format.md has a JSON example");
    let facts = Facts::from_json(example.as_bytes()).unwrap();
    assert_eq!(facts.pools.len(), 2);
    assert!(facts.sql_stores.contains_key("sqlcl-chi.contoso.com\\rtc"));
}

#[test]
fn an_unpaired_surrogate_is_an_encoding_error() {
    let mut bytes = vec![0xFF, 0xFE];
    for unit in "<Topology>\n".encode_utf16() {
        bytes.extend_from_slice(&unit.to_le_bytes());
    }
    bytes.extend_from_slice(&0xD800u16.to_le_bytes());
    bytes.extend_from_slice(&u16::from(b'x').to_le_bytes());
    let error = only_error(&bytes);
    assert_eq!(
        (error.kind, error.message.as_str(), error.line, error.column),
        (
            ErrorKind::Encoding,
            "the document is not valid UTF-16 (an unpaired surrogate)",
            Some(2),
            Some(1)
        )
    );
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

/// Edge pools: external FQDNs and ports from the EdgeServer service's external `Ports`, the next
/// hop from its `Registrar` dependency, the rest from the facts file, where the XML wins.
#[test]
fn edge_pools_take_their_services_and_next_hop_from_the_xml() {
    let facts = facts("facts/edge-pools.json");
    let imported = import_with("edge-pools.xml", &facts);
    let document = imported.document();
    let edges: Vec<&hadr_rules::document::Pool> = document
        .pools
        .iter()
        .filter(|p| p.kind == PoolKind::Edge)
        .collect();
    assert_eq!(edges.len(), 2);
    let dallas = edges[0].edge.as_deref().unwrap();
    assert_eq!(edges[0].fqdn, "edge-dal.contoso.com");
    let endpoint = |e: &Option<hadr_rules::document::Endpoint>| {
        e.as_ref().map(|e| (e.fqdn.to_string(), e.port))
    };
    assert_eq!(
        endpoint(&dallas.access),
        Some(("sip-dal.contoso.com".to_owned(), Some(443)))
    );
    // `ConfiguredPort` is the port clients use.
    assert_eq!(
        endpoint(&dallas.web_conferencing),
        Some(("webconf-dal.contoso.com".to_owned(), Some(443)))
    );
    // The TCP TURN port, not the UDP one.
    assert_eq!(
        endpoint(&dallas.av),
        Some(("av-dal.contoso.com".to_owned(), Some(443)))
    );
    // The XML's next hop wins over the facts file's.
    assert_eq!(dallas.next_hop.as_deref(), Some("se-dal.contoso.com"));
    assert_eq!(dallas.federation, Some(true));
    assert_eq!(dallas.av_nat, Some(true));
    let chicago = edges[1].edge.as_deref().unwrap();
    assert_eq!(chicago.next_hop.as_deref(), Some("se-chi.contoso.com"));
    assert_eq!(chicago.federation, Some(false));
    let origin = |pointer: &str| imported.source(pointer).map(|s| s.origin.clone());
    assert_eq!(
        origin("/pools/1/edge/next_hop").as_deref(),
        Some("<Service ServiceId=\"1-EdgeServer-1\">")
    );
    assert!(
        origin("/pools/1/edge/access")
            .unwrap()
            .starts_with("<Port Owner=\"urn:component:AccessEdge\"")
    );
    assert_eq!(
        origin("/pools/1/edge/federation").as_deref(),
        Some("facts /pools/edge-dal.contoso.com/edge/federation")
    );
    let found = findings(&imported.topology);
    assert_eq!(
        found,
        [("EDGE-008".to_owned(), "edge-dal.contoso.com".to_owned())]
    );
    // Without the facts file the Edge rules that need them are not evaluated, never passed.
    let bare = import("edge-pools.xml");
    let report = hadr_rules::check(&bare.topology, &pinned());
    let not_evaluated: std::collections::BTreeSet<String> = report
        .diagnostics
        .iter()
        .filter(|d| d.not_evaluated && d.rule.as_str().starts_with("EDGE"))
        .map(|d| d.rule.to_string())
        .collect();
    assert_eq!(
        not_evaluated,
        std::collections::BTreeSet::from(
            ["EDGE-001", "EDGE-002", "EDGE-008", "EDGE-009"].map(str::to_owned)
        )
    );
}

#[test]
fn a_persistent_chat_pool_reads_its_stores_and_next_hop() {
    let without = import("persistent-chat.xml");
    assert!(without.warnings.is_empty(), "{:?}", without.warnings);
    let document = without.document();
    let chat = &document.pools[1];
    assert_eq!(chat.kind, hadr_rules::tokens::PoolKind::PersistentChat);
    assert_eq!(chat.back_end.as_deref(), Some("pcsql-dal.contoso.com\\mgc"));
    assert_eq!(
        chat.compliance_store.as_deref(),
        Some("pcsql-dal.contoso.com\\mgccomp")
    );
    assert_eq!(chat.next_hop_pool.as_deref(), Some("pool.contoso.com"));
    assert_eq!(chat.backup_store, None);
    // The backup stores are in the document, waiting for the facts to name them.
    let ids: Vec<&str> = document.sql_stores.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "sql1.contoso.com\\rtc",
            "pcsql-dal.contoso.com\\mgc",
            "pcsql-dal.contoso.com\\mgccomp",
            "pcsql-chi.contoso.com\\mgc",
            "pcsql-chi.contoso.com\\mgccomp"
        ]
    );

    let facts = facts("facts/persistent-chat.json");
    let import = import_with("persistent-chat.xml", &facts);
    assert!(import.warnings.is_empty(), "{:?}", import.warnings);
    let chat = &import.document().pools[1];
    assert_eq!(
        chat.backup_store.as_deref(),
        Some("pcsql-chi.contoso.com\\mgc")
    );
    assert_eq!(chat.active_servers.as_ref().map(Vec::len), Some(2));
    assert_eq!(
        chat.servers[3].time_zone.as_deref(),
        Some("Central Standard Time")
    );
    assert_eq!(
        import
            .source("/pools/1/backup_store")
            .map(|s| s.origin.as_str()),
        Some("facts /pools/pchat.contoso.com/backup_store")
    );
    // Fully described and as documented for Persistent Chat; the Chicago site holds only the
    // log-shipping backup's SQL Servers, so VOICE-001 reports that it has no Registrar pool.
    assert_eq!(
        findings(&import.topology),
        [("VOICE-001".to_owned(), "Chicago".to_owned())]
    );

    // The primary data center lost: the pool fails over to its log-shipping backup.
    let scenario = hadr_rules::simulate::scenario(&import.topology, &["dal1".to_owned()]).unwrap();
    let chat = scenario
        .pools
        .iter()
        .find(|p| p.pool == "pchat.contoso.com")
        .unwrap();
    assert_eq!(
        chat.recovery.action,
        hadr_rules::simulate::RecoveryAction::PersistentChatFailover
    );
    assert_eq!(
        chat.recovery.target.as_deref(),
        Some("pcsql-chi.contoso.com\\mgc")
    );
    assert_eq!(
        chat.recovery.steps.first().map(String::as_str),
        Some("on pcsql-chi.contoso.com\\mgc: exec sp_delete_log_shipping_secondary_database mgc")
    );
    assert!(chat.notes.contains(&"the compliance database (mgccomp) is not failed over: its content is transient, and the compliance adapter's output must be managed to avoid losing it".to_owned()));
}

#[test]
fn persistent_chat_facts_that_skip_log_shipping_from_the_mirror_fail() {
    let mut facts = facts("facts/persistent-chat.json");
    if let Some(entry) = facts.pools.get_mut("pchat.contoso.com") {
        entry.log_shipping_from_mirror = Some(false);
    }
    let import = import_with("persistent-chat.xml", &facts);
    let found = findings(&import.topology);
    assert_eq!(
        found,
        [
            ("PCHAT-007".to_owned(), "pchat.contoso.com".to_owned()),
            ("VOICE-001".to_owned(), "Chicago".to_owned())
        ]
    );
}

#[test]
fn anonymizing_renames_what_a_persistent_chat_pool_names() {
    let facts = facts("facts/persistent-chat.json");
    let import = import_with("persistent-chat.xml", &facts);
    let anonymous = hadr_rules::import::anonymize(import.document());
    let json = serde_json::to_string(&anonymous).unwrap();
    for name in ["contoso", "pcsql", "pc1-dal", "Dallas", "chi1"] {
        assert!(!json.contains(name), "{name} in {json}");
    }
    let topology = Topology::from_document(anonymous).expect("references still resolve");
    let options = pinned();
    let before = hadr_rules::check(&import.topology, &options);
    let after = hadr_rules::check(&topology, &options);
    assert_eq!(before.summary, after.summary);
}
