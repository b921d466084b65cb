//! Selecting rules: selectors (rule, family, alias, guidance, unknown), `select` and `ignore`
//! with ruff's precedence, and rules that are not selected not being evaluated at all.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use hadr_rules::tokens::Family;
use hadr_rules::{Options, RuleId, Selector, SelectorError, Topology, check};

fn example(name: &str) -> Topology {
    let path = format!("{}/../examples/{name}", env!("CARGO_MANIFEST_DIR"));
    Topology::from_json(&std::fs::read(path).unwrap()).unwrap()
}

/// `(rule, subject)` of every diagnostic.
fn findings(topology: &Topology, options: &Options) -> Vec<(String, String)> {
    check(topology, options)
        .diagnostics
        .iter()
        .map(|d| (d.rule.to_string(), d.subject.to_string()))
        .collect()
}

fn selectors(texts: &[&str]) -> Vec<Selector> {
    texts.iter().map(|t| Selector::parse(t).unwrap()).collect()
}

#[test]
fn a_selector_is_a_checked_rule_or_a_family_in_any_case() {
    assert_eq!(
        Selector::parse("pair-001"),
        Ok(Selector::Rule(RuleId::Pair001))
    );
    assert_eq!(Selector::parse(" SQL "), Ok(Selector::Family(Family::Sql)));
}

#[test]
fn an_alias_is_refused_with_the_rule_that_reports_it() {
    let error = Selector::parse("WIT-003").unwrap_err();
    assert_eq!(
        error,
        SelectorError::Alias {
            id: "WIT-003",
            target: "BE-006"
        }
    );
    assert_eq!(
        error.to_string(),
        "`WIT-003` is reported as `BE-006`: name `BE-006` instead"
    );
}

#[test]
fn a_guidance_rule_is_refused_with_why_it_is_not_checked() {
    let error = Selector::parse("PAIR-006").unwrap_err();
    assert!(matches!(
        error,
        SelectorError::Guidance { id: "PAIR-006", .. }
    ));
    assert!(
        error
            .to_string()
            .starts_with("`PAIR-006` is guidance and never reported: "),
        "{error}"
    );
}

#[test]
fn an_unknown_selector_gets_the_closest_checked_id_or_family() {
    assert_eq!(
        Selector::parse("PAIR-0001").unwrap_err().to_string(),
        "unknown rule or family `PAIR-0001`; did you mean `PAIR-001`?"
    );
    assert_eq!(
        Selector::parse("SQLL").unwrap_err().to_string(),
        "unknown rule or family `SQLL`; did you mean `SQL`?"
    );
    assert_eq!(
        Selector::parse("nothing-like-it").unwrap_err().to_string(),
        "unknown rule or family `nothing-like-it`"
    );
}

#[test]
fn select_keeps_only_the_named_rules() {
    let topology = example("broken-pairing.json");
    let options = Options {
        select: selectors(&["PAIR-001", "CMS"]),
        ..Options::default()
    };
    assert_eq!(
        findings(&topology, &options),
        [
            ("PAIR-001", "pool-ams.contoso.com"),
            ("PAIR-001", "se-par.contoso.com"),
            ("CMS-002", "pool-ams.contoso.com"),
        ]
        .map(|(r, s)| (r.to_owned(), s.to_owned()))
    );
}

#[test]
fn ignore_removes_rules_and_a_rule_wins_over_its_family() {
    let topology = example("broken-pairing.json");
    let options = Options {
        select: selectors(&["PAIR-002"]),
        ignore: selectors(&["PAIR"]),
        ..Options::default()
    };
    // PAIR-002 is named by itself in `select`: more specific than the ignored family.
    let rules: Vec<String> = findings(&topology, &options)
        .into_iter()
        .map(|(rule, _)| rule)
        .collect();
    assert_eq!(rules, ["PAIR-002", "PAIR-002"]);

    let options = Options {
        ignore: selectors(&["PAIR", "CMS-002"]),
        ..Options::default()
    };
    assert_eq!(findings(&topology, &options), []);

    // Equal specificity: ignore wins.
    let options = Options {
        select: selectors(&["PAIR"]),
        ignore: selectors(&["PAIR"]),
        ..Options::default()
    };
    assert_eq!(findings(&topology, &options), []);
}

#[test]
fn a_rule_that_is_not_selected_reports_not_even_not_evaluated() {
    let topology = example("paired-2019-ag.json");
    let all = check(&topology, &Options::default());
    assert!(
        all.diagnostics
            .iter()
            .any(|d| d.rule == "FE-011" && d.not_evaluated)
    );
    let options = Options {
        ignore: selectors(&["FE-011"]),
        ..Options::default()
    };
    let report = check(&topology, &options);
    assert!(report.diagnostics.iter().all(|d| d.rule != RuleId::Fe011));
    assert_eq!(report.summary.not_evaluated, all.summary.not_evaluated - 2);
}

#[test]
fn the_rule_set_lists_what_runs() {
    let options = Options {
        select: selectors(&["WIT"]),
        ignore: selectors(&["WIT-002"]),
        ..Options::default()
    };
    let set: Vec<RuleId> = options.rule_set().iter().collect();
    assert_eq!(set, [RuleId::Wit001, RuleId::Wit007]);
    assert_eq!(
        Options::default().rule_set().iter().count(),
        RuleId::ALL.len()
    );
}

#[test]
fn every_finding_names_a_product_its_rule_lists() {
    let dir = format!("{}/../tests/rules", env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<std::path::PathBuf> = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(
                std::fs::read_dir(path)
                    .unwrap()
                    .map(|e| e.unwrap().path())
                    .filter(|p| p.extension().is_some_and(|e| e == "json")),
            );
        }
    }
    assert!(files.len() > 100);
    for file in files {
        let topology = Topology::from_json(&std::fs::read(&file).unwrap()).unwrap();
        let products: std::collections::HashMap<String, _> = topology
            .pools()
            .flat_map(|(_, pool, _)| {
                std::iter::once(pool.fqdn.to_lowercase())
                    .chain(pool.servers.iter().map(|s| s.fqdn.to_lowercase()))
                    .map(move |name| (name, pool.product))
            })
            .collect();
        for d in check(&topology, &Options::default()).diagnostics {
            if let Some(product) = products.get(&d.subject.to_lowercase()) {
                assert!(
                    d.rule.rule().products.contains(product),
                    "{}: {} about {} ({product})",
                    file.display(),
                    d.rule,
                    d.subject
                );
            }
        }
    }
}
