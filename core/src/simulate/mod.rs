//! What users live through when servers, SQL nodes, witnesses, file stores, sites or data
//! centers fail: each pool's state, its Front End quorum, its back end's outcome, and the way
//! back, each statement tied to the catalog rule it rests on.

mod back_end;
mod failures;
mod pool;
mod scenarios;

use serde::Serialize;

pub use back_end::BackEndState;
pub use failures::Failures;
pub use pool::{FrontEnd, PoolOutcome, Recovery, RecoveryAction, State};
pub use scenarios::{SinglePointOfFailure, Tolerance, tolerance};

use crate::error::TopologyError;
use crate::topology::Topology;

/// One set of simultaneous failures and what it does to every pool.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Scenario {
    /// A readable name, e.g. `lose site dallas`.
    pub name: String,
    /// The failed entities as given.
    pub failed: Vec<String>,
    /// Every pool, in document order.
    pub pools: Vec<PoolOutcome>,
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
    /// Entities whose loss alone takes a pool down or to resiliency mode (from the single
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

/// The outcome of one set of simultaneous failures; unknown names are an input error that
/// suggests the closest name.
pub fn scenario(topology: &Topology, failed: &[String]) -> Result<Scenario, TopologyError> {
    let failures = Failures::resolve(topology, failed)?;
    Ok(Scenario {
        name: format!("fail {}", failed.join(", ")),
        failed: failed.to_vec(),
        pools: pool::outcomes(topology, &failures),
    })
}

/// Runs the requested scenarios, the Front End tolerance, and the single points of failure.
pub fn simulate(topology: &Topology, request: &Request) -> Result<Simulation, TopologyError> {
    let mut scenarios = Vec::new();
    for failed in &request.fail {
        scenarios.push(scenario(topology, failed)?);
    }
    let singles = scenarios::single_failures(topology);
    let single_points_of_failure = scenarios::single_points_of_failure(&singles);
    if request.all_single {
        scenarios.extend(singles);
    }
    if request.sites {
        scenarios.extend(scenarios::site_losses(topology));
    }
    Ok(Simulation {
        format: 1,
        scenarios,
        front_end_tolerance: tolerance(topology),
        single_points_of_failure,
    })
}
