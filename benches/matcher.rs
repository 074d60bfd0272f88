//! Intent-matching throughput: one message against N CB patterns at once.
//!
//! Pattern sets of N = 100, 1,000 and 10,000 come from a deterministic
//! generator (xorshift, fixed seed) with ten equally likely shapes modelled on
//! CB's documented examples (shared CB-SPEC §1.1; the same shapes as
//! shared MEASUREMENTS.md §D): `w`, `*w*`, `(a|b|c)*`, `*(a|b|…)*`,
//! `filler w *`, `i want a X of (a|b|c)`, `* (some|a pair of) (a|b)*`,
//! `(x(|s)|y you)*`, `*w1 w2*`, `w*`, over 200 domain words and 27 fillers;
//! every set also holds `*(agent|representative|help|human)*`,
//! `(hi|hello|hey)*` and `(thank(|s)|thank you)*`. Messages (fixed set):
//! 30 % templates such as "AGENT please" or "where is my order #12345",
//! the rest random 1–12-word sentences, some upper-cased, a quarter ending in
//! `?`, `!` or `.`; most match some pattern, some match none.
//!
//! Each group times 100 messages per iteration (so divide by 100 for one
//! message) with:
//! - `cbot/find_best`: `Matcher::find_best_with` (the winner, what dialog
//!   selection needs);
//! - `cbot/find_all`: every matching pattern;
//! - `regex_loop/first`: a loop over one `regex::Regex` per pattern, stopping
//!   at the first match (the faster regex baseline for the winner);
//! - `regex_set/matches`: `regex::RegexSet::matches`, first id.
//!
//! All engines see the same normalised message (lower-cased, trimmed,
//! whitespace collapsed) and the regexes are `(?s)\A(?:…)\z` translations of
//! the same patterns; setup asserts that they agree on every message.
//! Also: build time at each N, and time against message length (100 B to
//! 10 KB) at N = 1,000.
//!
//! Run: `env -u RUST_BACKTRACE cargo bench --bench matcher`.

use cbot_matcher::{Cache, MatchOptions, Matcher};
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use std::time::Duration;

/// The generator (shared with benches/peers).
mod matcher_inputs;
use matcher_inputs::{messages, patterns, to_regex};

struct Engines {
    cbot: Matcher,
    regexes: Vec<regex::Regex>,
    set: regex::RegexSet,
}

fn engines(n: usize) -> Engines {
    let ps = patterns(n);
    let cbot = Matcher::new(&ps, MatchOptions::default()).expect("generated patterns parse");
    let sources: Vec<String> = ps.iter().map(|p| to_regex(p)).collect();
    let regexes = sources.iter().map(|s| regex::Regex::new(s).unwrap()).collect();
    let set = regex::RegexSetBuilder::new(&sources).size_limit(1 << 30).dfa_size_limit(1 << 21).build().unwrap();
    Engines { cbot, regexes, set }
}

fn matching(c: &mut Criterion) {
    let opts = MatchOptions::default();
    let msgs = messages(100);
    let normalized: Vec<String> = msgs.iter().map(|m| opts.normalize(m)).collect();
    for n in [100, 1_000, 10_000] {
        let e = engines(n);
        // The engines agree on every message (the winner is the first match).
        let mut cache = Cache::new();
        let mut hits = 0;
        for (m, norm) in msgs.iter().zip(&normalized) {
            let best = e.cbot.find_best_with(m, &mut cache).map(|id| id.index());
            let first = e.regexes.iter().position(|r| r.is_match(norm));
            assert_eq!(best, first, "{n} patterns, message {m:?}");
            assert_eq!(e.set.matches(norm).iter().next(), first);
            hits += usize::from(best.is_some());
        }
        eprintln!("N={n}: {hits} of {} messages match some pattern", msgs.len());
        let mut g = c.benchmark_group(format!("match/{n}"));
        g.throughput(Throughput::Elements(msgs.len() as u64));
        if n == 10_000 {
            g.sample_size(10).measurement_time(Duration::from_secs(8));
        }
        g.bench_function("cbot/find_best", |b| {
            b.iter(|| msgs.iter().filter(|m| e.cbot.find_best_with(black_box(m), &mut cache).is_some()).count())
        });
        g.bench_function("cbot/find_all", |b| {
            b.iter(|| msgs.iter().map(|m| e.cbot.find_all_with(black_box(m), &mut cache).len()).sum::<usize>())
        });
        g.bench_function("regex_loop/first", |b| {
            b.iter(|| {
                normalized
                    .iter()
                    .filter(|m| {
                        let m = opts.normalize(black_box(m));
                        e.regexes.iter().any(|r| r.is_match(&m))
                    })
                    .count()
            })
        });
        g.bench_function("regex_set/matches", |b| {
            b.iter(|| {
                normalized
                    .iter()
                    .filter(|m| {
                        let m = opts.normalize(black_box(m));
                        e.set.matches(&m).iter().next().is_some()
                    })
                    .count()
            })
        });
        g.finish();
    }
}

fn build(c: &mut Criterion) {
    let mut g = c.benchmark_group("build");
    g.sample_size(10);
    for n in [100, 1_000, 10_000] {
        let ps = patterns(n);
        g.bench_with_input(BenchmarkId::new("cbot", n), &ps, |b, ps| {
            b.iter(|| Matcher::new(black_box(ps), MatchOptions::default()).unwrap())
        });
    }
    g.finish();
}

fn message_length(c: &mut Criterion) {
    let e = engines(1_000);
    let mut g = c.benchmark_group("length");
    let mut cache = Cache::new();
    let base = messages(400).join(" ");
    for len in [100, 1_000, 10_000] {
        let mut m: String = base.chars().take(len).collect();
        // Ends in a word no pattern has, so every candidate is examined.
        m.push_str(" zzzz");
        g.throughput(Throughput::Bytes(m.len() as u64));
        g.bench_with_input(BenchmarkId::new("cbot/find_best", len), &m, |b, m| {
            b.iter(|| e.cbot.find_best_with(black_box(m), &mut cache))
        });
    }
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(3));
    targets = matching, build, message_length
}
criterion_main!(benches);
