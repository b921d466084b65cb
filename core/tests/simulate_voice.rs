//! Failure scenarios of the voice roles with exact outcomes: a Director pool, a Mediation pool,
//! a gateway (the site's PSTN calls and the failover route), and a branch site's WAN link.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use hadr_rules::simulate::{RecoveryAction, Scenario, State, scenario};
use hadr_rules::{ErrorKind, Topology};
use serde_json::{Value, json};

fn server(fqdn: &str) -> Value {
    json!({"fqdn": fqdn, "network_interfaces": 1, "os": "ws2019", "platform": "physical", "domain": "contoso.com"})
}

/// The fixture base (dallas and chicago, paired 2019 pools) with a Director pool and a
/// stand-alone Mediation pool in Dallas, a gateway on each Mediation (Chicago's on its Front
/// End pool), failover routes through the other site, and two branch sites: Austin with an SBA,
/// Waco without one.
fn voice() -> Value {
    let mut document: Value = serde_json::from_slice(
        &std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../tests/rules/base.json"
        ))
        .unwrap(),
    )
    .unwrap();
    let sites = document["sites"].as_array_mut().unwrap();
    sites[0]["failover_gateways"] = json!(["gw-chi.contoso.com"]);
    sites[1]["failover_gateways"] = json!(["gw-dal.contoso.com"]);
    sites.push(json!({"id": "austin", "kind": "branch"}));
    sites.push(json!({"id": "waco", "kind": "branch"}));
    let pools = document["pools"].as_array_mut().unwrap();
    pools.push(json!({
        "fqdn": "dir-dal.contoso.com", "site": "dallas", "kind": "director", "product": "sfb2019",
        "servers": [server("dir1-dal.contoso.com"), server("dir2-dal.contoso.com")]
    }));
    pools.push(json!({
        "fqdn": "med-dal.contoso.com", "site": "dallas", "kind": "mediation", "product": "sfb2019",
        "servers": [server("med1-dal.contoso.com"), server("med2-dal.contoso.com")]
    }));
    pools.push(json!({
        "fqdn": "sba-aus.contoso.com", "site": "austin", "kind": "sba", "product": "sfb2019",
        "servers": [server("sba-aus.contoso.com")], "associated_pool": "pool-dal.contoso.com",
        "users": 100
    }));
    document["pstn_gateways"] = json!([
        {"fqdn": "gw-dal.contoso.com", "site": "dallas", "mediation_pool": "med-dal.contoso.com"},
        {"fqdn": "gw-chi.contoso.com", "site": "chicago", "mediation_pool": "pool-chi.contoso.com"}
    ]);
    document
}

fn run(document: &Value, failed: &[&str]) -> Scenario {
    let topology = Topology::from_json(&serde_json::to_vec(document).unwrap()).unwrap();
    let failed: Vec<String> = failed.iter().map(|s| (*s).to_owned()).collect();
    scenario(&topology, &failed).unwrap()
}

fn pstn(scenario: &Scenario) -> Value {
    serde_json::to_value(&scenario.pstn).unwrap()
}

const FAILOVER_NOTE: &str = "outbound PSTN calls take the failover route; inbound calls reach the users only if the telephony provider fails over to those gateways";

#[test]
fn a_gateway_lost_sends_the_site_calls_through_the_failover_route() {
    let scenario = run(&voice(), &["GW-DAL.contoso.com"]);
    assert!(scenario.pools.is_empty(), "{:?}", scenario.pools);
    assert!(scenario.branches.is_empty());
    assert_eq!(
        pstn(&scenario),
        json!([{
            "site": "dallas",
            "calls": "failover_route",
            "gateways_down": ["gw-dal.contoso.com"],
            "via": ["gw-chi.contoso.com"],
            "rules": ["VOICE-006"],
            "steps": ["restore gw-dal.contoso.com and its trunk to the Mediation pool med-dal.contoso.com"],
            "notes": [FAILOVER_NOTE]
        }])
    );
}

#[test]
fn a_mediation_pool_lost_takes_its_gateways_with_it() {
    let scenario = run(&voice(), &["med-dal.contoso.com"]);
    assert_eq!(scenario.pools.len(), 1);
    let pool = &scenario.pools[0];
    assert_eq!(pool.pool, "med-dal.contoso.com");
    assert_eq!(pool.state, State::Down);
    assert_eq!(pool.recovery.action, RecoveryAction::Restore);
    assert_eq!(
        pool.recovery.steps,
        vec![
            "restore the Mediation Servers of med-dal.contoso.com, or in Topology Builder associate its trunks with a Mediation pool that is up and publish the topology"
        ]
    );
    assert_eq!(pool.rules, vec!["VOICE-006"]);
    assert_eq!(pstn(&scenario)[0]["calls"], "failover_route");
    assert_eq!(
        pstn(&scenario)[0]["gateways_down"],
        json!(["gw-dal.contoso.com"])
    );
    assert_eq!(pstn(&scenario)[0]["via"], json!(["gw-chi.contoso.com"]));
    // One Mediation Server of two: the pool and its trunks keep working.
    let scenario = run(&voice(), &["med1-dal.contoso.com"]);
    assert_eq!(scenario.pools[0].state, State::Up);
    assert!(scenario.pstn.is_empty());
}

#[test]
fn losing_every_gateway_of_both_routes_loses_the_calls() {
    let scenario = run(&voice(), &["gw-dal.contoso.com", "gw-chi.contoso.com"]);
    let lost = "every gateway of the site and of its failover route is down: its users cannot call the PSTN";
    assert_eq!(
        pstn(&scenario),
        json!([
            {
                "site": "dallas", "calls": "lost", "gateways_down": ["gw-dal.contoso.com"],
                "via": [], "rules": ["VOICE-006"],
                "steps": ["restore gw-dal.contoso.com and its trunk to the Mediation pool med-dal.contoso.com"],
                "notes": [lost]
            },
            {
                "site": "chicago", "calls": "lost", "gateways_down": ["gw-chi.contoso.com"],
                "via": [], "rules": ["VOICE-006"],
                "steps": ["restore gw-chi.contoso.com and its trunk to the Mediation pool pool-chi.contoso.com"],
                "notes": [lost]
            }
        ])
    );
}

#[test]
fn without_failover_gateways_the_route_is_not_guessed() {
    let mut document = voice();
    document["sites"][0]
        .as_object_mut()
        .unwrap()
        .remove("failover_gateways");
    let scenario = run(&document, &["gw-dal.contoso.com"]);
    assert_eq!(pstn(&scenario)[0]["calls"], "not_known");
    assert_eq!(pstn(&scenario)[0]["via"], json!([]));
    // A second gateway in the site carries the calls: no failover route is needed.
    let mut document = voice();
    document["pstn_gateways"].as_array_mut().unwrap().push(
        json!({"fqdn": "gw2-dal.contoso.com", "site": "dallas", "mediation_pool": "pool-dal.contoso.com"}),
    );
    let scenario = run(&document, &["gw-dal.contoso.com"]);
    assert_eq!(pstn(&scenario)[0]["calls"], "local");
    assert_eq!(pstn(&scenario)[0]["via"], json!(["gw2-dal.contoso.com"]));
}

#[test]
fn losing_a_site_loses_its_gateways_and_its_collocated_mediation() {
    let scenario = run(&voice(), &["chicago"]);
    assert_eq!(
        pstn(&scenario),
        json!([{
            "site": "chicago", "calls": "failover_route", "gateways_down": ["gw-chi.contoso.com"],
            "via": ["gw-dal.contoso.com"], "rules": ["VOICE-006"],
            "steps": ["restore gw-chi.contoso.com and its trunk to the Mediation pool pool-chi.contoso.com"],
            "notes": [FAILOVER_NOTE]
        }])
    );
    // The Front End pool that hosts Chicago's Mediation alone takes the gateway down too.
    let scenario = run(&voice(), &["pool-chi.contoso.com"]);
    assert_eq!(
        pstn(&scenario)[0]["gateways_down"],
        json!(["gw-chi.contoso.com"])
    );
}

#[test]
fn a_director_pool_lost_is_restored_and_its_edge_next_hops_moved() {
    let scenario = run(&voice(), &["dir-dal.contoso.com"]);
    assert_eq!(scenario.pools.len(), 1);
    let pool = &scenario.pools[0];
    assert_eq!(pool.pool, "dir-dal.contoso.com");
    assert_eq!(pool.state, State::Down);
    assert_eq!(pool.rules, vec!["DIR-006", "DIR-002"]);
    assert_eq!(pool.recovery.action, RecoveryAction::Restore);
    // No Edge pool uses it as next hop: nothing to move.
    assert_eq!(
        pool.recovery.steps,
        vec!["restore the Directors of dir-dal.contoso.com"]
    );
    assert_eq!(pool.notes.len(), 2, "{:?}", pool.notes);
    assert!(scenario.pstn.is_empty());
    // An Edge pool whose next hop is the Director: moved to the Front End pool of its site
    // first, named, and the Edge pool itself is degraded until then.
    let mut document = voice();
    document["pools"].as_array_mut().unwrap().push(json!({
        "fqdn": "edge-dal.contoso.com", "site": "dallas", "kind": "edge", "product": "sfb2019",
        "servers": [server("edge1-dal.contoso.com"), server("edge2-dal.contoso.com")],
        "edge": {"next_hop": "dir-dal.contoso.com"}
    }));
    let scenario = run(&document, &["dir-dal.contoso.com"]);
    let director = scenario
        .pools
        .iter()
        .find(|p| p.pool == "dir-dal.contoso.com")
        .unwrap();
    assert_eq!(director.rules, vec!["DIR-006", "DIR-002", "EDGE-010"]);
    assert_eq!(
        director.recovery.steps,
        vec![
            "Topology Builder: edge-dal.contoso.com > Edit Properties > Next Hop: select pool-dal.contoso.com, then publish",
            "restore the Directors of dir-dal.contoso.com",
        ]
    );
    let edge = scenario
        .pools
        .iter()
        .find(|p| p.pool == "edge-dal.contoso.com")
        .unwrap();
    assert_eq!(edge.state, State::Degraded);
    assert_eq!(edge.rules, vec!["EDGE-010"]);
    // One Director of two: the pool stays up and needs nothing.
    let scenario = run(&voice(), &["dir1-dal.contoso.com"]);
    assert_eq!(scenario.pools[0].state, State::Up);
    assert_eq!(scenario.pools[0].recovery.action, RecoveryAction::None);
}

#[test]
fn a_branch_wan_link_lost_keeps_the_appliance_features() {
    let scenario = run(&voice(), &["wan:Austin"]);
    assert!(scenario.pools.is_empty());
    let branch = serde_json::to_value(&scenario.branches).unwrap();
    assert_eq!(
        branch,
        json!([{
            "site": "austin",
            "appliances": ["sba-aus.contoso.com"],
            "keeps": [
                "inbound and outbound PSTN calls",
                "enterprise calls between users of the same site and of two different sites",
                "basic call handling: hold, retrieval and transfer",
                "two-party instant messaging",
                "call forwarding, simultaneous ringing, delegation and team calls among users of the site",
                "call detail records",
                "PSTN dial-in conferencing with Conferencing Auto-Attendant",
                "voice mail, if voice mail rerouting is configured",
                "user authentication and authorization"
            ],
            "loses": [
                "IM, web and A/V conferencing",
                "presence and DND-based routing",
                "updating call forwarding settings",
                "Response Group and Call Park",
                "provisioning new phones and clients",
                "IM and presence with XMPP contacts"
            ],
            "rules": ["VOICE-008", "SBA-008"],
            "steps": ["restore the WAN link between austin and the central sites"],
            "notes": [
                "users homed on the site's appliances stay registered there and call through the branch's gateway or SIP trunk",
                "E9-1-1 calls reach the branch gateway only if the users' voice policy routes them there when the WAN is down"
            ]
        }])
    );
    let scenario = run(&voice(), &["wan:waco"]);
    assert_eq!(scenario.branches[0].appliances, Vec::<String>::new());
    assert_eq!(scenario.branches[0].keeps, Vec::<&str>::new());
    assert_eq!(
        scenario.branches[0].loses,
        vec!["every service: the site's users are homed on central pools"]
    );
    assert_eq!(scenario.branches[0].rules, vec!["SBA-004"]);
}

#[test]
fn a_wan_link_names_a_branch_site() {
    let topology = Topology::from_json(&serde_json::to_vec(&voice()).unwrap()).unwrap();
    let error = |name: &str| {
        let errors = scenario(&topology, &[name.to_owned()]).unwrap_err().errors;
        assert_eq!(errors.len(), 1, "{errors:?}");
        errors.into_iter().next().unwrap()
    };
    let central = error("wan:dallas");
    assert_eq!(central.kind, ErrorKind::InvalidValue);
    assert_eq!(
        central.message,
        "`wan:dallas`: `dallas` is a central site; a WAN link failure is simulated for a branch site"
    );
    let unknown = error("wan:austn");
    assert_eq!(unknown.kind, ErrorKind::UnknownEntity);
    assert_eq!(
        unknown.message,
        "no site `austn` in the topology: did you mean `wan:austin`?"
    );
}

#[test]
fn documents_without_voice_facts_have_no_voice_sections() {
    let json = serde_json::to_value(run(&voice(), &["fe1-dal.contoso.com"])).unwrap();
    assert!(json.get("pstn").is_none(), "{json}");
    assert!(json.get("branches").is_none(), "{json}");
}
