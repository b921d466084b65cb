//! Failure scenarios with exact expected states, recovery paths and recovery targets.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use hadr_rules::Topology;
use hadr_rules::simulate::{
    BackEndState, Plan, PoolOutcome, RecoveryAction, Request, Restart, RoutingGroups, State,
    scenario, simulate, tolerance,
};
use rstest::rstest;
use serde_json::{Value, json};

/// The fixture base: two paired 2019 pools (dallas, chicago) on availability groups.
fn base() -> Value {
    serde_json::from_slice(
        &std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../tests/rules/base.json"
        ))
        .unwrap(),
    )
    .unwrap()
}

fn topology(document: &Value) -> Topology {
    Topology::from_json(&serde_json::to_vec(document).unwrap()).unwrap()
}

fn outcome(document: &Value, failed: &[&str], pool: &str) -> PoolOutcome {
    let failed: Vec<String> = failed.iter().map(|s| (*s).to_owned()).collect();
    let scenario = scenario(&topology(document), &failed).unwrap();
    scenario.pools.into_iter().find(|p| p.pool == pool).unwrap()
}

/// One unpaired Enterprise pool of `servers` Front End Servers, without the pair.
fn single_pool(product: &str, servers: usize) -> Value {
    let mut document = base();
    document["pools"].as_array_mut().unwrap().truncate(1);
    document["sql_stores"].as_array_mut().unwrap().truncate(1);
    let pool = &mut document["pools"][0];
    pool.as_object_mut().unwrap().remove("backup_pool");
    pool["product"] = json!(product);
    pool["servers"] = (1..=servers)
        .map(|n| json!({"fqdn": format!("fe{n}.contoso.com"), "os": "ws2016", "platform": "physical", "domain": "contoso.com"}))
        .collect();
    document
}

#[test]
fn a_running_three_server_pool_losing_one_server_stays_up() {
    let document = single_pool("sfb2019", 3);
    let one = outcome(&document, &["fe1.contoso.com"], "pool-dal.contoso.com");
    assert_eq!(one.state, State::Up);
    assert_eq!(one.recovery.action, RecoveryAction::None);
    assert!(one.recovery.steps.is_empty());
    let front_end = one.front_end.unwrap();
    assert_eq!((front_end.running, front_end.total), (2, 3));
    assert_eq!(front_end.routing_groups, RoutingGroups::Intact);
    assert_eq!(front_end.restart, Restart::QuorumLossRecovery);
    assert_eq!(
        one.notes,
        [
            "1 Front End Server down: every routing group keeps at least two of its three replicas",
            "if the pool restarts before the failed servers return, 3 of 3 must start (start-up table): with 2 it needs `Reset-CsPoolRegistrarState -ResetType QuorumLossRecovery`, which can lose data not yet written"
        ]
    );
    let two = outcome(
        &document,
        &["fe1.contoso.com", "fe3.contoso.com"],
        "pool-dal.contoso.com",
    );
    assert_eq!(two.state, State::Down);
    assert_eq!(two.recovery.action, RecoveryAction::Restore);
    assert_eq!(two.front_end.unwrap().restart, Restart::NotPossible);
    assert_eq!(
        two.notes,
        [
            "1 of 3 Front End Servers running, below the pool-level quorum (2 of 3): the remaining servers stop every service",
            "no paired pool can take over: restore the failed servers"
        ]
    );
    assert_eq!(two.rules, ["FE-006", "FE-005", "PAIR-018"]);
}

#[test]
fn no_front_end_server_of_a_three_server_pool_is_a_single_point_of_failure() {
    let simulation = simulate(&topology(&single_pool("sfb2019", 3)), &Request::default()).unwrap();
    assert!(simulation.scenarios.is_empty());
    assert!(
        simulation.single_points_of_failure.is_empty(),
        "{:?}",
        simulation.single_points_of_failure
    );
    assert_eq!(simulation.front_end_tolerance[0].survives, Some(1));
}

#[test]
fn a_twelve_server_2015_pool_losing_five_of_its_first_nine() {
    let document = single_pool("sfb2015", 12);
    let first: Vec<String> = (1..=5).map(|n| format!("fe{n}.contoso.com")).collect();
    let first: Vec<&str> = first.iter().map(String::as_str).collect();
    assert_eq!(
        outcome(&document, &first, "pool-dal.contoso.com").state,
        State::Down
    );
    // Five failures outside the first nine leave seven of the first nine: functional, but some
    // routing groups may have lost quorum, and a restart would be below the start-up table.
    let later = [
        "fe8.contoso.com",
        "fe9.contoso.com",
        "fe10.contoso.com",
        "fe11.contoso.com",
        "fe12.contoso.com",
    ];
    let degraded = outcome(&document, &later, "pool-dal.contoso.com");
    assert_eq!(degraded.state, State::Degraded);
    assert_eq!(degraded.recovery.action, RecoveryAction::CheckFabricState);
    assert_eq!(
        degraded.recovery.steps,
        ["Get-CsPoolFabricState -PoolFqdn pool-dal.contoso.com"]
    );
    assert_eq!(
        degraded.notes,
        [
            "5 of 12 Front End Servers down at once: routing groups with two of their three replicas on them may have lost quorum; check with `Get-CsPoolFabricState` before any reset",
            "if the pool restarts before the failed servers return, 10 of 12 must start (start-up table): with 7 it needs `Reset-CsPoolRegistrarState -ResetType QuorumLossRecovery`, which can lose data not yet written",
            "bring the failed Front End Servers back; reset the routing groups only if the pool must restart without them"
        ]
    );
    let front_end = degraded.front_end.unwrap();
    assert_eq!((front_end.running, front_end.total), (7, 12));
    assert_eq!(front_end.routing_groups, RoutingGroups::MayHaveLostQuorum);
}

/// A 2015 pool on a mirrored store, with or without a witness.
fn mirrored(witness: bool) -> Value {
    let mut document = single_pool("sfb2015", 3);
    let mut ha = json!({
        "mode": "mirroring",
        "principal": {"fqdn": "sqlp.contoso.com", "domain": "contoso.com"},
        "mirror": {"fqdn": "sqlm.contoso.com", "domain": "contoso.com"}
    });
    if witness {
        ha["witness"] = json!({"fqdn": "sqlw.contoso.com", "domain": "contoso.com"});
    }
    document["sql_stores"][0] = json!({"id": "ag-dal", "version": "2016", "service_pack": 2, "edition": "enterprise", "ha": ha});
    document
}

#[rstest]
#[case(true, &["sqlp.contoso.com"], State::Up, BackEndState::AutomaticFailover, RecoveryAction::Automatic)]
#[case(true, &["sqlw.contoso.com"], State::Up, BackEndState::Available, RecoveryAction::None)]
#[case(true, &["sqlm.contoso.com"], State::Up, BackEndState::Available, RecoveryAction::None)]
#[case(true, &["sqlp.contoso.com", "sqlw.contoso.com"], State::Degraded, BackEndState::Unavailable, RecoveryAction::Restore)]
#[case(true, &["sqlp.contoso.com", "sqlm.contoso.com"], State::Degraded, BackEndState::Unavailable, RecoveryAction::Restore)]
#[case(false, &["sqlp.contoso.com"], State::Degraded, BackEndState::ManualFailoverNeeded, RecoveryAction::ManualBackEndFailover)]
#[case(false, &["sqlm.contoso.com"], State::Up, BackEndState::Available, RecoveryAction::None)]
#[case(false, &["sqlp.contoso.com", "sqlm.contoso.com"], State::Degraded, BackEndState::Unavailable, RecoveryAction::Restore)]
fn mirroring_outcomes(
    #[case] witness: bool,
    #[case] failed: &[&str],
    #[case] state: State,
    #[case] back_end: BackEndState,
    #[case] action: RecoveryAction,
) {
    let result = outcome(&mirrored(witness), failed, "pool-dal.contoso.com");
    assert_eq!(
        (result.state, result.back_end, result.recovery.action),
        (state, back_end, action),
        "{:?}",
        result.notes
    );
}

#[test]
fn automatic_mirror_failover_has_its_documented_targets() {
    let result = outcome(
        &mirrored(true),
        &["sqlp.contoso.com"],
        "pool-dal.contoso.com",
    );
    assert_eq!(
        (result.recovery.rto, result.recovery.rpo),
        (Some("5 minutes"), Some("5 minutes"))
    );
    assert!(result.rules.contains(&"RTO-001") && result.rules.contains(&"BE-032"));
    let manual = outcome(
        &mirrored(false),
        &["sqlp.contoso.com"],
        "pool-dal.contoso.com",
    );
    assert!(manual.rules.contains(&"WIT-001") && manual.rules.contains(&"OPS-005"));
    // The pool hosts the active Central Management store: its database fails over too.
    assert_eq!(
        manual.recovery.steps,
        [
            "Invoke-CsDatabaseFailover -PoolFqdn pool-dal.contoso.com -DatabaseType User -NewPrincipal mirror",
            "Invoke-CsDatabaseFailover -PoolFqdn pool-dal.contoso.com -DatabaseType CentralMgmt -NewPrincipal mirror"
        ]
    );
    assert!(manual.rules.contains(&"CMS-003"));
    let mut without_cms = mirrored(false);
    without_cms["pools"][0]
        .as_object_mut()
        .unwrap()
        .remove("cms");
    let user_only = outcome(&without_cms, &["sqlp.contoso.com"], "pool-dal.contoso.com");
    assert_eq!(
        user_only.recovery.steps,
        [
            "Invoke-CsDatabaseFailover -PoolFqdn pool-dal.contoso.com -DatabaseType User -NewPrincipal mirror"
        ]
    );
    assert!(!user_only.rules.contains(&"CMS-003"));
}

/// A 2015 pool of `servers` on a mirrored store with a witness.
fn mirrored_pool(servers: usize) -> Value {
    let mut document = mirrored(true);
    document["pools"][0]["servers"] = (1..=servers)
        .map(|n| json!({"fqdn": format!("fe{n}.contoso.com"), "os": "ws2016", "platform": "physical", "domain": "contoso.com"}))
        .collect();
    document
}

#[test]
fn an_even_pool_below_the_start_up_table_with_its_primary_database_down_goes_down() {
    let down = outcome(
        &mirrored_pool(4),
        &["sqlp.contoso.com", "fe3.contoso.com", "fe4.contoso.com"],
        "pool-dal.contoso.com",
    );
    assert_eq!(
        (down.state, down.back_end, down.recovery.action),
        (
            State::Down,
            BackEndState::AutomaticFailover,
            RecoveryAction::QuorumLossRecovery
        )
    );
    assert_eq!(
        down.recovery.steps,
        [
            "Get-CsPoolFabricState -PoolFqdn pool-dal.contoso.com",
            "Reset-CsPoolRegistrarState -PoolFqdn pool-dal.contoso.com -ResetType QuorumLossRecovery"
        ]
    );
    assert_eq!(
        down.notes,
        [
            "an even-numbered pool uses its primary back-end database as witness: with it down and 2 of 4 Front End Servers running, below the start-up table (3 of 4), the entire pool goes down",
            "`QuorumLossRecovery` restarts the pool below the start-up table and can lose data not yet written: bring failed servers back first if you can"
        ]
    );
    assert!(down.rules.contains(&"FE-007"));
}

#[rstest]
// Three of four still meet the start-up table.
#[case(4, &["sqlp.contoso.com", "fe4.contoso.com"], State::Up)]
// The primary database is up: the routing groups, not the pool, are at risk.
#[case(4, &["fe3.contoso.com", "fe4.contoso.com"], State::Degraded)]
// An odd pool has no database tie-breaker.
#[case(5, &["sqlp.contoso.com", "fe4.contoso.com", "fe5.contoso.com"], State::Degraded)]
fn near_misses_of_the_even_pool_rule(
    #[case] servers: usize,
    #[case] failed: &[&str],
    #[case] state: State,
) {
    let result = outcome(&mirrored_pool(servers), failed, "pool-dal.contoso.com");
    assert_eq!(result.state, state, "{:?}", result.notes);
    assert!(!result.rules.contains(&"FE-007"));
}

#[test]
fn an_availability_group_losing_its_primary_fails_over_by_itself() {
    let result = outcome(&base(), &["sql1-dal.contoso.com"], "pool-dal.contoso.com");
    assert_eq!(
        (result.state, result.back_end),
        (State::Up, BackEndState::AutomaticFailover)
    );
    let both = outcome(
        &base(),
        &["sql1-dal.contoso.com", "sql2-dal.contoso.com"],
        "pool-dal.contoso.com",
    );
    assert_eq!(
        (both.state, both.back_end),
        (State::Degraded, BackEndState::Unavailable)
    );
    assert_eq!(both.recovery.action, RecoveryAction::PoolFailover);
}

#[rstest]
#[case("sfb2019", "15-20 minutes", "5 minutes")]
#[case("sfb2015", "15-20 minutes", "5 minutes")]
#[case("lync2013", "30 minutes", "30 minutes")]
fn a_pair_losing_a_whole_site(#[case] product: &str, #[case] rto: &str, #[case] rpo: &str) {
    let mut document = base();
    for pool in document["pools"].as_array_mut().unwrap() {
        pool["product"] = json!(product);
    }
    let failed = vec!["chicago".to_owned()];
    let scenario = scenario(&topology(&document), &failed).unwrap();
    let dallas = &scenario.pools[0];
    let chicago = &scenario.pools[1];
    assert_eq!(
        (dallas.state, dallas.recovery.action),
        (State::Up, RecoveryAction::None)
    );
    assert_eq!(
        (chicago.state, chicago.back_end),
        (State::Down, BackEndState::Unavailable)
    );
    assert_eq!(chicago.recovery.action, RecoveryAction::PoolFailover);
    assert_eq!(
        chicago.recovery.target.as_deref(),
        Some("pool-dal.contoso.com")
    );
    assert_eq!(
        (chicago.recovery.rto, chicago.recovery.rpo),
        (Some(rto), Some(rpo))
    );
    assert!(!chicago.recovery.cms_failover_first);
    assert_eq!(
        chicago.recovery.steps,
        ["Invoke-CsPoolFailover -PoolFqdn pool-chi.contoso.com -DisasterMode"]
    );
}

#[test]
fn losing_the_cms_pool_fails_the_cms_over_first() {
    let lost = outcome(&base(), &["dallas"], "pool-dal.contoso.com");
    assert_eq!(lost.state, State::Down);
    assert!(lost.recovery.cms_failover_first);
    assert_eq!(
        lost.recovery.steps,
        [
            "Invoke-CsManagementServerFailover -BackupSqlServerFqdn agl-chi.contoso.com -BackupSqlInstanceName rtc -Force",
            "Get-CsManagementStoreReplicationStatus -CentralManagementStoreStatus",
            "Get-CsManagementStoreReplicationStatus",
            "Invoke-CsPoolFailover -PoolFqdn pool-dal.contoso.com -DisasterMode"
        ]
    );
    assert!(
        lost.rules.contains(&"CMS-003")
            && lost.rules.contains(&"OPS-001")
            && lost.rules.contains(&"RTO-002")
    );
}

#[test]
fn the_cms_fails_over_to_a_mirrored_partner_with_its_mirror() {
    let mut document = base();
    document["sql_stores"][1] = json!({"id": "ag-chi", "version": "2016", "service_pack": 2, "edition": "enterprise", "ha": {
        "mode": "mirroring",
        "principal": {"fqdn": "sqlp-chi.contoso.com", "instance": "rtc", "domain": "contoso.com"},
        "mirror": {"fqdn": "sqlm-chi.contoso.com", "instance": "rtc2", "domain": "contoso.com"}
    }});
    let lost = outcome(&document, &["dallas"], "pool-dal.contoso.com");
    assert_eq!(
        lost.recovery.steps[0],
        "Invoke-CsManagementServerFailover -BackupSqlServerFqdn sqlp-chi.contoso.com -BackupSqlInstanceName rtc -BackupMirrorSqlServerFqdn sqlm-chi.contoso.com -BackupMirrorSqlInstanceName rtc2 -Force"
    );
}

#[rstest]
#[case("product", json!("sfb2015"), &["PAIR-007"], "failing over to pool-chi.contoso.com is unsupported: the paired pools run different products (PAIR-007)")]
#[case("edition", json!("standard"), &["PAIR-001"], "failing over to pool-chi.contoso.com is unsupported: an Enterprise pool and a Standard Edition server cannot be paired (PAIR-001)")]
fn a_failover_the_pairing_rules_reject_is_unsupported(
    #[case] key: &str,
    #[case] value: Value,
    #[case] rules: &[&str],
    #[case] note: &str,
) {
    let mut document = base();
    document["pools"][1][key] = value;
    if key == "edition" {
        // A Standard Edition server: one server, no back-end store.
        let partner = document["pools"][1].as_object_mut().unwrap();
        partner.remove("back_end");
        partner["servers"].as_array_mut().unwrap().truncate(1);
    }
    let lost = outcome(&document, &["dallas"], "pool-dal.contoso.com");
    assert_eq!(lost.recovery.action, RecoveryAction::PoolFailover);
    assert_eq!(lost.recovery.unsupported_by, rules);
    assert!(lost.notes.iter().any(|n| n == note), "{:?}", lost.notes);
    assert!(lost.rules.contains(&rules[0]));
    let supported = outcome(&base(), &["dallas"], "pool-dal.contoso.com");
    assert!(supported.recovery.unsupported_by.is_empty());
}

#[test]
fn a_scenario_lists_only_the_pools_it_touches() {
    let failed = vec!["fe1-dal.contoso.com".to_owned()];
    let scenario = scenario(&topology(&base()), &failed).unwrap();
    let pools: Vec<&str> = scenario.pools.iter().map(|p| p.pool.as_str()).collect();
    assert_eq!(pools, ["pool-dal.contoso.com"]);
}

#[test]
fn the_streamed_json_is_the_collected_json() {
    let document = base();
    let topology = topology(&document);
    for request in [
        Request {
            fail: vec![
                vec!["dallas".to_owned()],
                vec!["sql1-chi.contoso.com".to_owned()],
            ],
            all_single: true,
            sites: true,
        },
        Request::default(),
    ] {
        let mut streamed = Vec::new();
        Plan::new(&topology, &request)
            .unwrap()
            .write_json(&mut streamed)
            .unwrap();
        assert_eq!(
            String::from_utf8(streamed).unwrap(),
            simulate(&topology, &request).unwrap().to_json()
        );
    }
}

#[test]
fn users_of_a_branch_appliance_have_no_recovery_when_its_pool_is_lost() {
    let mut document = base();
    document["sites"]
        .as_array_mut()
        .unwrap()
        .push(json!({"id": "austin", "kind": "branch"}));
    document["pools"].as_array_mut().unwrap().push(json!({
        "fqdn": "sba-aus.contoso.com", "site": "austin", "kind": "sba", "product": "sfb2019",
        "associated_pool": "pool-dal.contoso.com", "users": 200,
        "servers": [{"fqdn": "sba-aus.contoso.com"}]
    }));
    let failed = vec!["dallas".to_owned()];
    let scenario = scenario(&topology(&document), &failed).unwrap();
    let dallas = &scenario.pools[0];
    let branch = &scenario.pools[2];
    assert_eq!(
        dallas.recovery.users_without_recovery,
        ["sba-aus.contoso.com"]
    );
    assert!(dallas.rules.contains(&"PAIR-019"));
    assert_eq!(
        (branch.state, branch.recovery.action),
        (State::Degraded, RecoveryAction::Restore)
    );
}

#[test]
fn unknown_names_suggest_the_closest() {
    let failed = vec!["fe1-dall.contoso.com".to_owned()];
    let error = scenario(&topology(&base()), &failed).unwrap_err();
    assert_eq!(
        error.errors[0].message,
        "no entity `fe1-dall.contoso.com` in the topology: did you mean `fe1-dal.contoso.com`?"
    );
}

#[rstest]
#[case("sfb2015", 2, Some(1))]
#[case("sfb2015", 3, Some(1))]
#[case("sfb2015", 4, Some(2))]
#[case("sfb2015", 6, Some(3))]
#[case("sfb2015", 7, Some(3))]
#[case("sfb2015", 9, Some(3))]
#[case("sfb2015", 12, Some(4))]
#[case("sfb2019", 12, Some(4))]
#[case("sfb2019", 13, Some(5))]
#[case("sfb2019", 16, Some(5))]
#[case("sfb2019", 2, None)]
fn front_end_failures_survived(
    #[case] product: &str,
    #[case] servers: usize,
    #[case] survives: Option<usize>,
) {
    let tolerance = tolerance(&topology(&single_pool(product, servers)));
    assert_eq!(tolerance[0].survives, survives);
}

#[test]
fn single_points_of_failure_and_site_scenarios() {
    let simulation = simulate(
        &topology(&single_pool("sfb2019", 4)),
        &Request {
            fail: vec![],
            all_single: true,
            sites: true,
        },
    )
    .unwrap();
    let names: Vec<&str> = simulation
        .scenarios
        .iter()
        .map(|s| s.name.as_str())
        .collect();
    assert_eq!(
        names,
        [
            "fail fe1.contoso.com",
            "fail fe2.contoso.com",
            "fail fe3.contoso.com",
            "fail fe4.contoso.com",
            "fail sql1-dal.contoso.com",
            "fail sql2-dal.contoso.com",
            "lose site dallas",
            "lose site chicago",
        ]
    );
    // A four-server pool survives any single Front End failure (3 running ≥ 3 to start):
    // only the site is a single point of failure, and sites are not single failures.
    assert!(
        simulation.single_points_of_failure.is_empty(),
        "{:?}",
        simulation.single_points_of_failure
    );
    let json: Value = serde_json::from_str(&simulation.to_json()).unwrap();
    assert_eq!(json["scenarios"][6]["pools"][0]["state"], "down");
    assert_eq!(
        json["scenarios"][0]["pools"][0]["front_end"]["functional_needed"],
        json!([{"count": 2, "of_first": null}])
    );
    assert_eq!(
        json["scenarios"][0]["pools"][0]["front_end"]["first_start_needed"],
        json!([{"count": 3, "of_first": null}])
    );
}

#[test]
fn the_start_up_threshold_of_13_to_15_server_pools_is_undocumented() {
    let json: Value = serde_json::from_str(
        &simulate(
            &topology(&single_pool("sfb2019", 14)),
            &Request {
                fail: vec![vec!["fe1.contoso.com".to_owned()]],
                ..Request::default()
            },
        )
        .unwrap()
        .to_json(),
    )
    .unwrap();
    let pool = &json["scenarios"][0]["pools"][0];
    assert_eq!(pool["front_end"]["first_start_needed"], "undocumented");
    assert_eq!(pool["front_end"]["restart"], "undocumented");
    assert_eq!(pool["state"], "up");
    assert_eq!(
        pool["notes"],
        json!([
            "1 Front End Server down: every routing group keeps at least two of its three replicas",
            "the start-up table has no row for a pool of 14 servers: whether it restarts with 13 running is not documented"
        ])
    );
}

#[test]
fn every_rule_a_simulation_names_is_in_the_registry() {
    let document = base();
    let request = Request {
        fail: vec![
            vec!["dallas".to_owned()],
            vec!["sql1-chi.contoso.com".to_owned()],
        ],
        all_single: true,
        sites: true,
    };
    let simulation = simulate(&topology(&document), &request).unwrap();
    for scenario in &simulation.scenarios {
        for pool in &scenario.pools {
            for rule in &pool.rules {
                assert!(
                    hadr_rules::registry::rule(rule).is_some(),
                    "{rule} is not in the registry"
                );
            }
        }
    }
}

/// Two paired pools with an Edge pool in each site; Dallas's Edge pool is the federation route
/// and each Edge pool's next hop is its site's Front End pool.
fn with_edge_pools() -> Value {
    serde_json::from_slice(
        &std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../tests/rules/EDGE-008/fires-one-federation-route.json"
        ))
        .unwrap(),
    )
    .unwrap()
}

fn strings(steps: &[&str]) -> Vec<String> {
    steps.iter().map(|s| (*s).to_owned()).collect()
}

#[test]
fn losing_the_federation_edge_pool_moves_the_route_and_the_conferencing_of_its_site() {
    let lost = outcome(
        &with_edge_pools(),
        &["edge-dal.contoso.com"],
        "edge-dal.contoso.com",
    );
    assert_eq!(lost.state, State::Down);
    assert_eq!(lost.back_end, BackEndState::NotApplicable);
    assert_eq!(lost.recovery.action, RecoveryAction::EdgeFailover);
    assert_eq!(
        lost.recovery.target.as_deref(),
        Some("edge-chi.contoso.com")
    );
    assert_eq!(
        lost.recovery.steps,
        strings(&[
            "Topology Builder: edge-dal.contoso.com > Edit Properties > General: clear \"Enable federation for this Edge pool (Port 5061)\"",
            "Topology Builder: edge-chi.contoso.com > Edit Properties > General: select \"Enable federation for this Edge pool (Port 5061)\"",
            "Topology Builder: Action > Topology > Publish",
            "on each Edge Server of edge-chi.contoso.com: Deployment Wizard > Install or Update Skype for Business Server System > Setup or Remove Skype for Business Server Components > Run Again",
            "Topology Builder: associate pool-dal.contoso.com with the Edge pool edge-chi.contoso.com for Web Conferencing and A/V Conferencing, then publish",
        ])
    );
    assert_eq!(lost.rules, ["EDGE-007", "EDGE-008", "EDGE-013"]);
    assert_eq!(
        lost.notes[1],
        "remote users of site `dallas` lose external access, federation and A/V through this Edge pool"
    );
    // The Front End pools keep running: the scenario touches the Edge pool only.
    let scenario = scenario(
        &topology(&with_edge_pools()),
        &["edge-dal.contoso.com".to_owned()],
    )
    .unwrap();
    assert_eq!(scenario.pools.len(), 1);
}

#[test]
fn losing_the_xmpp_edge_pool_repoints_the_xmpp_route_and_its_dns() {
    let mut document = with_edge_pools();
    document["pools"][2]["edge"]["federation"] = json!(false);
    document["pools"][2]["edge"]["xmpp_federation"] = json!(true);
    let lost = outcome(&document, &["dallas"], "edge-dal.contoso.com");
    assert_eq!(lost.state, State::Down);
    assert_eq!(lost.recovery.action, RecoveryAction::EdgeFailover);
    // The whole site is lost: no Front End pool of it keeps running to be moved (EDGE-013).
    assert_eq!(
        lost.recovery.steps,
        strings(&[
            "Stop-CsWindowsService (on each Edge Server of edge-chi.contoso.com)",
            "Set-CsSite chicago -XmppExternalFederationRoute edge1-chi.contoso.com",
            "external DNS: point the XMPP federation A record to edge1-chi.contoso.com",
            "external DNS: an _xmpp-server._tcp SRV record, port 5269, resolving to edge-chi.contoso.com",
            "Start-CsWindowsService (on each Edge Server of edge-chi.contoso.com)",
        ])
    );
    assert_eq!(lost.rules, ["EDGE-007", "EDGE-009"]);
}

#[test]
fn the_only_edge_pool_lost_has_nothing_to_fail_over_to() {
    let mut document = with_edge_pools();
    document["pools"].as_array_mut().unwrap().truncate(3);
    document["pools"][2]["servers"]
        .as_array_mut()
        .unwrap()
        .truncate(1);
    let lost = outcome(
        &document,
        &["edge1-dal.contoso.com"],
        "edge-dal.contoso.com",
    );
    assert_eq!(lost.state, State::Down);
    assert_eq!(lost.recovery.action, RecoveryAction::Restore);
    assert!(lost.recovery.steps.is_empty());
    assert_eq!(lost.rules, ["EDGE-001", "EDGE-007"]);
    assert_eq!(
        lost.notes.last().map(String::as_str),
        Some(
            "no other Edge pool is running: external access stops until this Edge pool is restored"
        )
    );
}

#[test]
fn one_edge_server_of_two_lost_leaves_the_edge_pool_up() {
    let one = outcome(
        &with_edge_pools(),
        &["edge2-dal.contoso.com"],
        "edge-dal.contoso.com",
    );
    assert_eq!(one.state, State::Up);
    assert_eq!(one.recovery.action, RecoveryAction::None);
}

#[test]
fn a_front_end_pool_failover_moves_the_edge_next_hop_first() {
    let document = with_edge_pools();
    let failed = outcome(&document, &["pool-dal.contoso.com"], "pool-dal.contoso.com");
    assert_eq!(failed.recovery.action, RecoveryAction::PoolFailover);
    let steps = &failed.recovery.steps;
    assert_eq!(
        steps[steps.len() - 2..],
        strings(&[
            "Set-CsEdgeServer -Identity EdgeServer:edge-dal.contoso.com -Registrar Registrar:pool-chi.contoso.com",
            "Invoke-CsPoolFailover -PoolFqdn pool-dal.contoso.com -DisasterMode",
        ])
    );
    assert!(failed.rules.contains(&"EDGE-010"));
    // The Edge pool itself runs, but nothing passes through it until its next hop moves.
    let edge = outcome(&document, &["pool-dal.contoso.com"], "edge-dal.contoso.com");
    assert_eq!(edge.state, State::Degraded);
    assert_eq!(edge.recovery.action, RecoveryAction::EdgeFailover);
    assert_eq!(
        edge.recovery.steps,
        strings(&[
            "Set-CsEdgeServer -Identity EdgeServer:edge-dal.contoso.com -Registrar Registrar:pool-chi.contoso.com"
        ])
    );
    assert_eq!(edge.rules, ["EDGE-010"]);
}

#[test]
fn a_next_hop_of_the_same_site_is_moved_in_topology_builder() {
    let mut document = with_edge_pools();
    document["pools"].as_array_mut().unwrap().push(json!({
        "fqdn": "dir-dal.contoso.com", "site": "dallas", "kind": "director", "product": "sfb2019",
        "servers": [{"fqdn": "dir1-dal.contoso.com"}, {"fqdn": "dir2-dal.contoso.com"}]
    }));
    let failed = outcome(&document, &["pool-dal.contoso.com"], "pool-dal.contoso.com");
    let steps = &failed.recovery.steps;
    assert_eq!(
        steps[steps.len() - 2..],
        strings(&[
            "Topology Builder: edge-dal.contoso.com > Edit Properties > Next Hop: select dir-dal.contoso.com, then publish",
            "Invoke-CsPoolFailover -PoolFqdn pool-dal.contoso.com -DisasterMode",
        ])
    );
}
