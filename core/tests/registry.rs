//! The registry against the catalog: IDs, counts, severities, aliases and sources.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::BTreeSet;

use hadr_rules::registry::{self, Evaluation, Provenance, Strength};
use hadr_rules::tokens::{Family, Severity};
use rstest::rstest;

#[rstest]
#[case(Family::Pair, 20)]
#[case(Family::Fe, 22)]
#[case(Family::Be, 32)]
#[case(Family::Wit, 10)]
#[case(Family::Sql, 12)]
#[case(Family::Os, 10)]
#[case(Family::Virt, 8)]
#[case(Family::Pchat, 13)]
#[case(Family::File, 7)]
#[case(Family::Net, 4)]
#[case(Family::Lb, 8)]
#[case(Family::Edge, 13)]
#[case(Family::Dir, 6)]
#[case(Family::Med, 6)]
#[case(Family::Voice, 8)]
#[case(Family::Sba, 9)]
#[case(Family::Cms, 8)]
#[case(Family::Coex, 11)]
#[case(Family::Rto, 7)]
#[case(Family::Ops, 5)]
fn every_catalog_rule_of_a_family_is_registered(#[case] family: Family, #[case] count: usize) {
    let ids: Vec<String> = registry::rules()
        .iter()
        .filter(|r| r.family == family)
        .map(|r| r.id.to_owned())
        .collect();
    let expected: Vec<String> = (1..=count)
        .map(|n| format!("{}-{n:03}", family.as_str()))
        .collect();
    assert_eq!(ids, expected);
}

#[test]
fn ids_and_names_are_unique_and_well_formed() {
    let rules = registry::rules();
    let ids: BTreeSet<&str> = rules.iter().map(|r| r.id).collect();
    let names: BTreeSet<&str> = rules.iter().map(|r| r.name).collect();
    assert_eq!(ids.len(), rules.len());
    assert_eq!(names.len(), rules.len());
    for rule in rules {
        assert!(
            rule.id.starts_with(&format!("{}-", rule.family.as_str())),
            "{}",
            rule.id
        );
        assert!(
            rule.name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
            "{}: `{}` is not kebab-case",
            rule.id,
            rule.name
        );
        assert!(
            !rule.title.is_empty() && !rule.products.is_empty() && !rule.sources.is_empty(),
            "{}",
            rule.id
        );
        for text in [rule.doc.what, rule.doc.why, rule.doc.example, rule.doc.fix] {
            assert!(
                !text.trim().is_empty(),
                "{}: empty documentation section",
                rule.id
            );
        }
    }
}

#[test]
fn severity_follows_strength_and_unverified_rules_never_error() {
    for rule in registry::rules() {
        if rule.is_unverified() {
            assert_ne!(rule.severity(), Severity::Error, "{}", rule.id);
            assert!(matches!(
                rule.provenance,
                Provenance::Secondary | Provenance::Unsourced
            ));
        } else if rule.id != "OS-004" {
            // OS-004 is "unsupported for new installs / recommended": without install history it
            // can only warn (docs/catalog-decisions.md).
            assert_eq!(rule.severity(), rule.strength.severity(), "{}", rule.id);
        }
    }
    assert_eq!(
        registry::rule("SQL-005").map(|r| r.severity()),
        Some(Severity::Warning)
    );
    assert_eq!(
        registry::rule("OS-006").map(|r| r.provenance),
        Some(Provenance::Secondary)
    );
    assert_eq!(
        registry::rule("PAIR-001").map(|r| r.strength),
        Some(Strength::Unsupported)
    );
}

#[rstest]
#[case("WIT-003", "BE-006")]
#[case("VIRT-001", "PAIR-002")]
#[case("WIT-004", "BE-007")]
#[case("WIT-008", "FE-007")]
#[case("WIT-009", "BE-020")]
#[case("OS-008", "FE-012")]
#[case("OS-009", "PAIR-003")]
#[case("CMS-006", "BE-018")]
#[case("COEX-001", "PAIR-007")]
#[case("COEX-002", "PAIR-015")]
#[case("COEX-010", "SQL-002")]
#[case("RTO-004", "CMS-005")]
#[case("RTO-007", "FILE-002")]
fn catalog_cross_references_are_aliases(#[case] alias: &str, #[case] target: &'static str) {
    let rule = registry::rule(alias).unwrap();
    assert_eq!(rule.evaluation, Evaluation::AliasOf(target));
    assert!(registry::rule(target).is_some());
}

#[test]
fn guidance_rules_say_why_they_are_not_checked() {
    for rule in registry::rules() {
        if let Evaluation::Guidance(reason) = rule.evaluation {
            assert!(
                !reason.is_empty() && !reason.ends_with('.'),
                "{}: `{reason}`",
                rule.id
            );
        }
    }
}

#[test]
fn sources_become_learn_links() {
    let pair = registry::rule("pair-001").unwrap();
    assert_eq!(
        pair.references(),
        [
            "https://learn.microsoft.com/skypeforbusiness/plan-your-deployment/high-availability-and-disaster-recovery/disaster-recovery",
            "https://learn.microsoft.com/lyncserver/lync-server-2013-supported-pool-pairing-options-and-best-practices",
        ]
    );
    for rule in registry::rules() {
        for url in rule.references() {
            assert!(url.starts_with("https://"), "{}: {url}", rule.id);
            assert!(
                !url.contains(".md") && !url.contains(' '),
                "{}: {url}",
                rule.id
            );
        }
    }
}

#[test]
fn reserved_ids_are_never_reused() {
    for (id, why) in registry::RESERVED {
        assert!(registry::rule(id).is_none(), "{id} is reserved: {why}");
    }
}
