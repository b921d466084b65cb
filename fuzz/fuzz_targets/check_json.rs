//! Bytes → `Topology::from_json` → `check` → `Report::to_json`, asserting the invariants of
//! `hadr_rules_fuzz` on the report or on the input errors.

#![no_main]

use hadr_rules::Topology;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    match Topology::from_json(data) {
        Ok(topology) => {
            hadr_rules_fuzz::check_and_verify(&topology);
        }
        Err(error) => hadr_rules_fuzz::verify_errors(&error),
    }
});
