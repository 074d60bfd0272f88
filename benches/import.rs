//! Import + validate each real CB export (../shared/fixtures/cb-samples):
//! the cost of `cbot_model::load` from bytes to a validated bot with its
//! resolved graph, and of `export` back to JSON text. This is what every
//! `cbot` command pays once per bot before it does anything else.
//!
//! Run: `cargo bench --bench import` (unset RUST_BACKTRACE first). Set
//! CBOT_FIXTURES to point elsewhere than ../shared/fixtures.

use cbot_diag::SourceMap;
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::PathBuf;

fn exports() -> Vec<(String, Vec<u8>)> {
    let dir = std::env::var_os("CBOT_FIXTURES")
        .map_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/fixtures"), PathBuf::from)
        .join("cb-samples");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}; set CBOT_FIXTURES to the shared fixtures", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json") && !p.to_string_lossy().ends_with("-api-data.json"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| (p.file_stem().unwrap().to_string_lossy().into_owned(), std::fs::read(&p).unwrap()))
        .collect()
}

fn load(c: &mut Criterion) {
    let mut group = c.benchmark_group("load");
    for (name, bytes) in exports() {
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(&name), &bytes, |b, bytes| {
            b.iter(|| {
                let mut sources = SourceMap::new();
                let loaded = cbot_model::load(&mut sources, "bot.json", black_box(bytes.clone()));
                assert!(!loaded.diagnostics.has_errors());
                loaded
            })
        });
    }
    group.finish();
}

fn export(c: &mut Criterion) {
    let mut group = c.benchmark_group("export");
    for (name, bytes) in exports().into_iter().filter(|(n, _)| n == "universal-tile-demo" || n == "get-bot-patterns") {
        let mut sources = SourceMap::new();
        let bot = cbot_model::load(&mut sources, "bot.json", bytes.clone()).bot.unwrap();
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_function(&name, |b| b.iter(|| cbot_model::export(black_box(&bot))));
    }
    group.finish();
}

criterion_group!(benches, load, export);
criterion_main!(benches);
