//! Bytes → `Topology::from_json` within a small bound (64 KiB, 400 entities) → `simulate` of
//! one named failure, every single failure and every site loss, asserting the invariants of
//! `hadr_rules_fuzz::simulate_and_verify`. The bound keeps each run short, so a path that grows
//! faster than the topology shows up as a libFuzzer timeout.

#![no_main]

use hadr_rules::{Limits, Topology};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let limits = Limits::with(Some(64 * 1024), Some(400));
    if let Ok(topology) = Topology::from_json_with_limits(data, &limits) {
        hadr_rules_fuzz::simulate_and_verify(&topology);
    }
});
