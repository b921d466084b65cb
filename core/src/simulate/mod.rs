//! What users live through when servers, SQL nodes, witnesses, file stores, sites or data
//! centers fail: each pool's state, its Front End quorum, its back end's outcome, and the way
//! back, each statement tied to the catalog rule it rests on.
//!
//! A scenario flows one way: names → the set of failed entities (`failures.rs`) → each touched
//! pool's outcome (`pool.rs`, from `front_end.rs` and `back_end.rs`) → its recovery
//! (`recovery.rs`). A failure only touches its pools, the pools sharing its stores or witness,
//! their branch appliances and the partner a pool fails over to, so a scenario costs what it
//! touches, and the single points of failure cost the sum of those, not pools².

mod back_end;
mod chat;
mod edge;
mod failures;
mod file_store;
mod front_end;
mod pool;
mod recovery;
mod scenarios;
mod voice;

use std::collections::BTreeMap;
use std::collections::btree_map::Entry;
use std::io::{self, Write};

use serde::Serialize;

pub use back_end::BackEndState;
pub use front_end::{FrontEnd, Restart, RoutingGroups, Threshold};
pub use pool::{PoolOutcome, State};
pub use recovery::{Recovery, RecoveryAction};
pub use scenarios::{AffectedPool, SinglePointOfFailure, Tolerance, tolerance};
pub use voice::{BranchOutcome, PstnCalls, PstnOutcome};

use crate::error::TopologyError;
use crate::tokens::PoolKind;
use crate::topology::Topology;
use failures::{Failed, Names};

/// One set of simultaneous failures and what it does to the pools it touches.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Scenario {
    /// A readable name, e.g. `lose site dallas`.
    pub name: String,
    /// The failed entities as given.
    pub failed: Vec<String>,
    /// The pools the failures touch, in document order: those with a failed server, a failed
    /// back-end node or file store, the branch appliances they leave without a backing pool,
    /// and the partner a lost pool fails over to (or a lost file store's content comes back from).
    /// Every other pool is up and untouched.
    pub pools: Vec<PoolOutcome>,
    /// The PSTN calls of each site with a gateway the scenario takes down (itself, its site or
    /// its Mediation pool); absent when there is none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub pstn: Vec<PstnOutcome>,
    /// What each branch site whose WAN link fails keeps and loses; absent when none does.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub branches: Vec<BranchOutcome>,
}

/// A simulation report: scenarios, Front End tolerance and single points of failure.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Simulation {
    /// Always `1`.
    pub format: u32,
    /// The scenarios asked for.
    pub scenarios: Vec<Scenario>,
    /// Per Enterprise Front End pool, how many Front End Servers may fail at once.
    pub front_end_tolerance: Vec<Tolerance>,
    /// Entities whose loss alone takes a pool down or degrades it (from the single
    /// failures), in document order.
    pub single_points_of_failure: Vec<SinglePointOfFailure>,
}

impl Simulation {
    /// The simulation as JSON, two-space indented, with a final newline.
    pub fn to_json(&self) -> String {
        let mut json = serde_json::to_string_pretty(self).unwrap_or_default();
        json.push('\n');
        json
    }
}

/// What follows the scenarios: the Front End tolerance and the single points of failure.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    /// Per Enterprise Front End pool, how many Front End Servers may fail at once.
    pub front_end_tolerance: Vec<Tolerance>,
    /// Entities whose loss alone takes a pool down or degrades it.
    pub single_points_of_failure: Vec<SinglePointOfFailure>,
}

/// What to simulate.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Request {
    /// Sets of names failing together, one scenario each.
    pub fail: Vec<Vec<String>>,
    /// Every single failure: each server, SQL host and file store on its own.
    pub all_single: bool,
    /// The loss of each site and each data center.
    pub sites: bool,
}

impl Request {
    /// What a report shows when asked for its failure scenarios (`--format html --simulate`,
    /// `hadr_report_to_html`, `Report.to_html(simulate=True)`): every single failure and the
    /// loss of each site and data center.
    pub const REPORT: Request = Request {
        fail: Vec::new(),
        all_single: true,
        sites: true,
    };
}

/// A request checked against a topology: every name resolved, nothing run yet.
#[derive(Debug)]
pub struct Plan<'t> {
    topology: &'t Topology,
    names: Names<'t>,
    fail: Vec<(Vec<String>, Failed)>,
    all_single: bool,
    sites: bool,
}

impl<'t> Plan<'t> {
    /// Resolves the names of `request`; an unknown name is an input error that suggests the
    /// closest name.
    pub fn new(topology: &'t Topology, request: &Request) -> Result<Self, TopologyError> {
        let names = Names::new(topology);
        let mut fail = Vec::with_capacity(request.fail.len());
        let mut errors = Vec::new();
        for failed in &request.fail {
            match names.resolve(failed) {
                Ok(resolved) => fail.push((failed.clone(), resolved)),
                Err(error) => errors.extend(error.errors),
            }
        }
        if !errors.is_empty() {
            return Err(TopologyError { errors });
        }
        Ok(Plan {
            topology,
            names,
            fail,
            all_single: request.all_single,
            sites: request.sites,
        })
    }

    /// How many scenarios [`Plan::run`] hands to its `emit`, for a progress bar.
    pub fn scenario_count(&self) -> usize {
        let singles = if self.all_single {
            scenarios::single_names(self.topology).count()
        } else {
            0
        };
        let sites = if self.sites {
            scenarios::site_losses(self.topology).len()
        } else {
            0
        };
        self.fail.len() + singles + sites
    }

    /// Runs the scenarios, handing each to `emit` as soon as it is known (the `--fail` ones,
    /// then every single failure if asked, then every site loss if asked), and returns the
    /// tolerance and the single points of failure. Stops at `emit`'s first error.
    pub fn run<E>(&self, mut emit: impl FnMut(Scenario) -> Result<(), E>) -> Result<Summary, E> {
        for (failed, resolved) in &self.fail {
            emit(self.scenario(
                format!("fail {}", failed.join(", ")),
                failed.clone(),
                resolved,
            ))?;
        }
        let mut single_points_of_failure = Vec::new();
        for name in scenarios::single_names(self.topology) {
            let failed = vec![name.to_owned()];
            let resolved = self.names.resolve(&failed).unwrap_or_default();
            let scenario = self.scenario(format!("fail {name}"), failed, &resolved);
            single_points_of_failure.extend(scenarios::single_point_of_failure(&scenario));
            if self.all_single {
                emit(scenario)?;
            }
        }
        if self.sites {
            for (title, name) in scenarios::site_losses(self.topology) {
                let failed = vec![name];
                let resolved = self.names.resolve(&failed).unwrap_or_default();
                emit(self.scenario(title, failed, &resolved))?;
            }
        }
        Ok(Summary {
            front_end_tolerance: tolerance(self.topology),
            single_points_of_failure,
        })
    }

    /// Writes the simulation as [`Simulation::to_json`] does, one scenario at a time.
    pub fn write_json(&self, out: &mut impl Write) -> io::Result<()> {
        out.write_all(b"{\n  \"format\": 1,\n  \"scenarios\": [")?;
        let mut first = true;
        let summary = self.run(|scenario| {
            out.write_all(if first { b"\n" } else { b",\n" })?;
            first = false;
            write_indented(out, &scenario, "    ", true)
        })?;
        out.write_all(if first { b"],\n" } else { b"\n  ],\n" })?;
        out.write_all(b"  \"front_end_tolerance\": ")?;
        write_indented(out, &summary.front_end_tolerance, "  ", false)?;
        out.write_all(b",\n  \"single_points_of_failure\": ")?;
        write_indented(out, &summary.single_points_of_failure, "  ", false)?;
        out.write_all(b"\n}\n")
    }

    /// One scenario: the touched pools' own outcomes, the branch appliances left without
    /// their backing pool, then each pool's recovery, and the partners taking over.
    fn scenario(&self, name: String, failed: Vec<String>, resolved: &Failed) -> Scenario {
        let topology = self.topology;
        let own = |index: usize| {
            let file_store_down = self.names.file_store_down(resolved, index);
            pool::outcome(topology, index, resolved, file_store_down)
        };
        let mut outcomes: BTreeMap<usize, PoolOutcome> = self
            .names
            .hit_pools(resolved)
            .into_iter()
            .filter_map(|index| own(index).map(|o| (index, o)))
            .collect();
        let down: Vec<usize> = outcomes
            .iter()
            .filter(|(_, o)| o.state == State::Down)
            .map(|(index, _)| *index)
            .collect();
        let mut branches = Vec::new();
        for index in down {
            for &branch in topology.pool_facts(index).map_or(&[][..], |f| &f.branches) {
                if let (Entry::Vacant(entry), Some(outcome)) = (outcomes.entry(branch), own(branch))
                {
                    entry.insert(outcome);
                }
                branches.push(branch);
            }
        }
        let state = |outcomes: &BTreeMap<usize, PoolOutcome>, index: usize| {
            outcomes.get(&index).map_or(State::Up, |o| o.state)
        };
        // Edge pools that run while their next hop is lost are touched too (EDGE-010).
        let lost: Vec<usize> = outcomes
            .iter()
            .filter(|(_, o)| o.state == State::Down)
            .map(|(index, _)| *index)
            .collect();
        let orphaned = edge::orphaned(topology, &lost);
        for &(edge, _) in &orphaned {
            if let (Entry::Vacant(entry), Some(outcome)) = (outcomes.entry(edge), own(edge)) {
                entry.insert(outcome);
            }
        }
        let states: BTreeMap<usize, State> = outcomes.iter().map(|(i, o)| (*i, o.state)).collect();
        let state_of = |index: usize| states.get(&index).copied().unwrap_or(State::Up);
        let mut targets = Vec::new();
        let indices: Vec<usize> = outcomes.keys().copied().collect();
        for index in indices {
            let is_edge = topology
                .pool(index)
                .is_some_and(|p| p.kind == PoolKind::Edge);
            if is_edge {
                let Some(outcome) = outcomes.get_mut(&index) else {
                    continue;
                };
                let hop = orphaned.iter().find(|(e, _)| *e == index).map(|(_, h)| *h);
                match (outcome.state, hop) {
                    (State::Down, _) => edge::lost(topology, index, &state_of, outcome),
                    (_, Some(hop)) => edge::next_hop_lost(topology, index, hop, &state_of, outcome),
                    _ => recovery::fill(topology, index, None, outcome),
                }
                continue;
            }
            let facts = topology.pool_facts(index);
            let backing_down = facts
                .and_then(|f| f.associated)
                .is_some_and(|a| state(&outcomes, a) == State::Down);
            let partner_state = facts.and_then(|f| f.backup).map(|p| state(&outcomes, p));
            let is_branch = topology
                .pool(index)
                .is_some_and(|p| matches!(p.kind, PoolKind::Sba | PoolKind::Sbs));
            let Some(outcome) = outcomes.get_mut(&index) else {
                continue;
            };
            if is_branch && backing_down && outcome.state == State::Up {
                without_backing_pool(outcome);
                continue;
            }
            recovery::fill(topology, index, partner_state, outcome);
            edge::before_failover(topology, index, &state_of, outcome);
            if outcome.recovery.target.is_some() {
                targets.extend(facts.and_then(|f| f.backup));
            }
        }
        for target in targets {
            if let (Entry::Vacant(entry), Some(outcome)) = (outcomes.entry(target), own(target)) {
                entry.insert(outcome);
            }
        }
        let pstn = voice::pstn(topology, &self.names, resolved, &outcomes);
        let branches = voice::branches(topology, &self.names, resolved);
        Scenario {
            name,
            failed,
            pools: outcomes.into_values().collect(),
            pstn,
            branches,
        }
    }
}

/// A branch appliance whose backing pool is down: its users are in resiliency mode with no
/// disaster recovery (PAIR-019).
fn without_backing_pool(outcome: &mut PoolOutcome) {
    outcome.state = State::Degraded;
    outcome.rule("PAIR-019");
    outcome.notes.push(
        "its backing pool is down: users homed here are in resiliency mode and have no disaster recovery".to_owned(),
    );
    outcome.recovery = Recovery::action(RecoveryAction::Restore);
    outcome
        .recovery
        .users_without_recovery
        .push(outcome.pool.clone());
}

/// Writes `value` as pretty JSON whose lines after the first (or all, with `first_too`) start
/// with `indent`: the bytes it has inside the whole document.
fn write_indented<T: Serialize>(
    out: &mut impl Write,
    value: &T,
    indent: &str,
    first_too: bool,
) -> io::Result<()> {
    let json = serde_json::to_string_pretty(value).map_err(io::Error::other)?;
    if first_too {
        out.write_all(indent.as_bytes())?;
    }
    // JSON strings hold no raw line break: every `\n` is between tokens.
    out.write_all(json.replace('\n', &format!("\n{indent}")).as_bytes())
}

/// The outcome of one set of simultaneous failures; unknown names are an input error that
/// suggests the closest name.
pub fn scenario(topology: &Topology, failed: &[String]) -> Result<Scenario, TopologyError> {
    let plan = Plan::new(topology, &Request::default())?;
    let resolved = plan.names.resolve(failed)?;
    Ok(plan.scenario(
        format!("fail {}", failed.join(", ")),
        failed.to_vec(),
        &resolved,
    ))
}

/// Runs the requested scenarios, the Front End tolerance, and the single points of failure,
/// keeping every scenario (see [`Plan::run`] to handle them one at a time).
pub fn simulate(topology: &Topology, request: &Request) -> Result<Simulation, TopologyError> {
    let plan = Plan::new(topology, request)?;
    let mut scenarios = Vec::new();
    let summary = plan.run(|scenario| {
        scenarios.push(scenario);
        Ok::<(), std::convert::Infallible>(())
    });
    let Ok(summary) = summary;
    Ok(Simulation {
        format: 1,
        scenarios,
        front_end_tolerance: summary.front_end_tolerance,
        single_points_of_failure: summary.single_points_of_failure,
    })
}
