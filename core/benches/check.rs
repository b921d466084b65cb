//! The speed of a check against `serde_json::from_slice::<serde_json::Value>` on the same
//! bytes, for generated topologies of 10 to 100,000 pools.
//!
//! Groups: `value` (the baseline: parsing into `serde_json::Value`), `parse` (bytes to the typed
//! document), `from_json` (parse, validation and derived facts), `check` (the rules and the
//! report on a resolved topology), `full` (bytes to report), `full_json` (bytes to report
//! JSON). `benches/run` turns the estimates into the ratios of `docs/performance.md`.
//!
//! Each size is measured on a sparse document (groups `pools_N`) and on a dense one (groups
//! `dense_N`, `generate_dense`).
//!
//! `HADR_BENCH_SIZES=10,1000` limits the sizes.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use hadr_rules::document::Document;
use hadr_rules::generate::{generate, generate_dense};
use hadr_rules::{Limits, Options, Topology, check};

const SIZES: [usize; 5] = [10, 100, 1_000, 10_000, 100_000];

fn sizes() -> Vec<usize> {
    match std::env::var("HADR_BENCH_SIZES") {
        Ok(list) => list
            .split(',')
            .map(|n| n.trim().parse().expect("HADR_BENCH_SIZES: pool counts"))
            .collect(),
        Err(_) => SIZES.to_vec(),
    }
}

/// Large enough for the 100,000-pool document (about 150 MB).
fn limits() -> Limits {
    Limits {
        max_document_bytes: 1 << 30,
        max_entities: 10_000_000,
        ..Limits::default()
    }
}

/// `generate` or `generate_dense`: pools and seed to document text.
type Generator = fn(usize, u64) -> String;

fn bench(c: &mut Criterion) {
    let options = Options::default();
    // Sparse documents (`pools_N`) and dense ones (`dense_N`: about four diagnostics a pool).
    let shapes: [(&str, Generator); 2] = [("pools", generate), ("dense", generate_dense)];
    for pools in sizes() {
        for (shape, make) in shapes {
            bench_shape(c, &options, shape, &make(pools, 1), pools);
        }
    }
}

fn bench_shape(c: &mut Criterion, options: &Options, shape: &str, text: &str, pools: usize) {
    let bytes = text.as_bytes();
    let topology = Topology::from_json_with_limits(bytes, &limits()).expect("valid");
    let mut group = c.benchmark_group(format!("{shape}_{pools}"));
    group.throughput(Throughput::Bytes(bytes.len() as u64));
    // Large documents take a second an iteration: fewer, longer samples.
    if pools >= 10_000 {
        group.sample_size(10);
        group.measurement_time(Duration::from_secs(if pools >= 100_000 { 40 } else { 10 }));
    }
    let id = |name: &str| BenchmarkId::new(name, pools);
    group.bench_function(id("value"), |b| {
        b.iter(|| serde_json::from_slice::<serde_json::Value>(black_box(bytes)).unwrap());
    });
    group.bench_function(id("parse"), |b| {
        b.iter(|| Document::from_json(black_box(bytes)).unwrap());
    });
    group.bench_function(id("from_json"), |b| {
        b.iter(|| Topology::from_json_with_limits(black_box(bytes), &limits()).unwrap());
    });
    group.bench_function(id("check"), |b| {
        b.iter(|| check(black_box(&topology), options));
    });
    group.bench_function(id("full"), |b| {
        b.iter(|| {
            let topology = Topology::from_json_with_limits(black_box(bytes), &limits()).unwrap();
            check(&topology, options)
        });
    });
    group.bench_function(id("full_json"), |b| {
        b.iter(|| {
            let topology = Topology::from_json_with_limits(black_box(bytes), &limits()).unwrap();
            check(&topology, options).to_json()
        });
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
