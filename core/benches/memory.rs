//! Peak heap memory of a check, against the size of the input document.
//!
//! A counting allocator (`peak_alloc`) records the most bytes held at once while
//! `Topology::from_json` and `check` run on a generated document already in memory; the
//! document itself counts once more, as the caller holds it. Prints one line per size:
//! `memory shape=S pools=N input_bytes=B peak_bytes=P diagnostics=D ratio=R`, where ratio is
//! (B + P) / B, for sparse documents (every fact given) and dense ones (`generate_dense`: about
//! four diagnostics a pool). `HADR_BENCH_SIZES=10,1000` limits the sizes.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use hadr_rules::generate::{generate, generate_dense};
use hadr_rules::{Limits, Options, Topology, check};
use peak_alloc::PeakAlloc;

/// Writes a document of `pools` pools from a seed.
type Generator = fn(usize, u64) -> String;

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
    let shapes: [(&str, Generator); 2] = [("sparse", generate), ("dense", generate_dense)];
    for (shape, pools) in shapes
        .iter()
        .flat_map(|shape| sizes.iter().map(move |pools| (shape, *pools)))
    {
        let (shape, generate) = shape;
        let text = generate(pools, 1);
        let input = text.len();
        let before = ALLOCATOR.current_usage();
        ALLOCATOR.reset_peak_usage();
        let report = {
            let topology = Topology::from_json_with_limits(text.as_bytes(), &limits).unwrap();
            check(&topology, &Options::default())
        };
        let peak = ALLOCATOR.peak_usage() - before;
        let diagnostics = report.diagnostics.len();
        drop(report);
        println!(
            "memory shape={shape} pools={pools} input_bytes={input} peak_bytes={peak} diagnostics={diagnostics} ratio={:.2}",
            (input + peak) as f64 / input as f64
        );
    }
}
