//! Peak heap memory of a check, against the size of the input document.
//!
//! A counting allocator (`peak_alloc`) records the most bytes held at once while
//! `Topology::from_json` and `check` run on a generated document already in memory; the
//! document itself counts once more, as the caller holds it. Prints one line per size:
//! `memory pools=N input_bytes=B peak_bytes=P ratio=R`, where ratio is (B + P) / B.
//! `HADR_BENCH_SIZES=10,1000` limits the sizes.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use hadr_rules::generate::generate;
use hadr_rules::{Limits, Options, Topology, check};
use peak_alloc::PeakAlloc;

#[global_allocator]
static ALLOCATOR: PeakAlloc = PeakAlloc;

fn main() {
    let limits = Limits {
        max_document_bytes: 1 << 30,
        max_entities: 10_000_000,
        ..Limits::default()
    };
    let sizes: Vec<usize> = std::env::var("HADR_BENCH_SIZES")
        .map(|list| list.split(',').map(|n| n.trim().parse().unwrap()).collect())
        .unwrap_or_else(|_| vec![10, 100, 1_000, 10_000, 100_000]);
    for pools in sizes {
        let text = generate(pools, 1);
        let input = text.len();
        let before = ALLOCATOR.current_usage();
        ALLOCATOR.reset_peak_usage();
        let report = {
            let topology = Topology::from_json_with_limits(text.as_bytes(), &limits).unwrap();
            check(&topology, &Options::default())
        };
        let peak = ALLOCATOR.peak_usage() - before;
        drop(report);
        println!(
            "memory pools={pools} input_bytes={input} peak_bytes={peak} ratio={:.2}",
            (input + peak) as f64 / input as f64
        );
    }
}
