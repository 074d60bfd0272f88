//! cbot against peer engines on the same work, as markdown tables of
//! ratios (see README.md):
//!
//! - scripts: four CB scripts (the seed's channel-check and three panels of
//!   the shared CB samples: string-heavy, JSON-heavy, an integration
//!   transform) in cbot, QuickJS (rquickjs) and Boa, each fresh (a new
//!   sandbox or context per run) and reused (one per engine, the code
//!   compiled once), with the same inputs and the same check of every run's
//!   effect and `botContext` call count;
//! - matcher: cbot's starter matcher against a per-pattern `regex::Regex`
//!   loop and a `regex::RegexSet` at 100, 1,000 and 10,000 patterns.
//!
//! Timing: `std::time::Instant`; per cell a warm-up, then 9 batches of at
//! least 0.1 s of timed runs each (so ≥ 0.9 s per cell); the median batch is
//! reported. The engines compared in a row take turns batch by batch (a
//! round is a batch of each), so that the machine's changes of speed fall
//! on all of them alike; a ratio is the median of the rounds' ratios. Inputs are made before a chunk of runs is timed, outputs checked
//! and dropped after (as criterion's `iter_batched` in the cbot bench).
//!
//! Run: `cd benches/peers && env -u RUST_BACKTRACE CARGO_TARGET_DIR=/tmp/peers-target cargo run --release`
//! (options after `--`: `--quick` for short batches, `--scripts` or
//! `--matcher` for one section).

mod boa;
mod cases;
mod cbot;
mod host;
mod matcher;
mod quickjs;

/// The fixture panels' inputs, the same file benches/script.rs uses.
#[path = "../../script_inputs.rs"]
mod script_inputs;
/// Where `script_inputs` finds ../shared/fixtures from.
const REPO_ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");

use cases::{Case, check};
use host::HostState;
use std::hint::black_box;
use std::time::Instant;

const BATCHES: usize = 9;

#[derive(Clone, Copy)]
struct Timing {
    warm_up: f64,
    batch: f64,
}

/// Per-unit time of one cell, in ns: the median batch and the extremes,
/// and every batch in the order of the rounds (for ratios, `ratio`).
#[derive(Clone, Copy)]
struct Stats {
    median: f64,
    min: f64,
    max: f64,
    rounds: [f64; BATCHES],
}

/// One contender of a cell: times `k` runs on inputs made beforehand and
/// returns the seconds they took (checking every output, untimed).
type Chunk<'a> = Box<dyn FnMut(usize) -> f64 + 'a>;

/// A [`Chunk`] of `run` on inputs from `input`, each output checked by
/// `check` after the timer stops.
fn chunk<'a, I: 'a, O: 'a>(
    mut input: impl FnMut() -> I + 'a,
    mut run: impl FnMut(I) -> O + 'a,
    mut check: impl FnMut(&O) + 'a,
) -> Chunk<'a> {
    Box::new(move |k: usize| -> f64 {
        let inputs: Vec<I> = (0..k).map(|_| input()).collect();
        let mut outputs = Vec::with_capacity(k);
        let start = Instant::now();
        for i in inputs {
            outputs.push(black_box(run(i)));
        }
        let secs = start.elapsed().as_secs_f64();
        outputs.iter().for_each(&mut check);
        secs
    })
}

/// Times contenders that are compared with each other, their batches
/// interleaved (a batch of each in turn, `BATCHES` rounds): this machine
/// changes speed by ±25 % from minute to minute, and timing one engine
/// after the other put such a change between them, moving their ratio by as
/// much. `units` is how many units one run does (messages per run for the
/// matcher). Per unit, in ns.
fn measure(t: Timing, units: f64, contenders: &mut [Chunk<'_>]) -> Vec<Stats> {
    // Per contender: a warm-up, then the chunk size for ~10 ms (at most 64
    // runs: the outputs of a chunk stay in memory until its timer stops).
    let sizes: Vec<usize> = contenders
        .iter_mut()
        .map(|chunk| {
            let (mut spent, mut runs, mut k) = (0.0, 0usize, 1usize);
            while spent < t.warm_up || runs < 3 {
                spent += chunk(k);
                runs += k;
                k = (k * 2).min(64);
            }
            ((0.01 / (spent / runs as f64)) as usize).clamp(1, 64)
        })
        .collect();
    let mut samples = vec![Vec::new(); contenders.len()];
    for _ in 0..BATCHES {
        for ((chunk, &k), samples) in contenders.iter_mut().zip(&sizes).zip(&mut samples) {
            let (mut secs, mut runs) = (0.0, 0usize);
            while secs < t.batch {
                secs += chunk(k);
                runs += k;
            }
            samples.push(secs * 1e9 / (runs as f64 * units));
        }
    }
    samples
        .into_iter()
        .map(|s| {
            let rounds: [f64; BATCHES] = s.clone().try_into().expect("one batch per round");
            let mut s = s;
            s.sort_by(f64::total_cmp);
            Stats { median: s[BATCHES / 2], min: s[0], max: s[BATCHES - 1], rounds }
        })
        .collect()
}

/// The two numbers of a script cell: fresh and reused.
struct Modes {
    fresh: Stats,
    reused: Stats,
}

struct ScriptRow {
    name: &'static str,
    cbot: Modes,
    quickjs: Modes,
    boa: Modes,
}

fn peer_check(engine: &'static str, case: &Case) -> impl FnMut(&(HostState, Option<String>)) {
    move |(st, err)| {
        let mut e = st.effects(case);
        e.error = err.clone();
        check(engine, case, &e);
    }
}

/// A transcript as comparable JSON: `[method, [args…], result]` per call,
/// numbers canonical (integral ones as integers, as cbot prints them).
fn canonical(
    calls: impl Iterator<Item = (String, Vec<serde_json::Value>, serde_json::Value)>,
) -> Vec<serde_json::Value> {
    let canon = |v: &serde_json::Value| cbot_host::Value::from_json(v).to_json();
    calls
        .map(|(m, args, result)| serde_json::json!([m, args.iter().map(canon).collect::<Vec<_>>(), canon(&result)]))
        .collect()
}

/// Checks one run of a peer: its effect, and its transcript against cbot's
/// (the same calls with the same arguments and results).
fn same_transcript(engine: &str, case: &Case, cbot: &[serde_json::Value], (st, err): &(HostState, Option<String>)) {
    let mut e = st.effects(case);
    e.error = err.clone();
    check(engine, case, &e);
    let peer = canonical(st.transcript.iter().map(|c| (c.method.to_string(), c.args.clone(), (*c.result).clone())));
    assert_eq!(peer, cbot, "{engine}, {}: transcript differs from cbot's", case.name);
}

fn scripts(t: Timing) -> Vec<ScriptRow> {
    let engine = cbot::engine();
    let mut rows = Vec::new();
    for case in &cases::cases() {
        // cbot.
        let c = cbot::Cbot::new(&engine, case);
        let first = c.run_fresh(c.ctx.clone());
        check("cbot", case, &cbot::effects(case, &first));
        let mut counts: Vec<(&str, usize)> = Vec::new();
        for call in &first.transcript.calls {
            match counts.iter_mut().find(|x| x.0 == call.method) {
                Some(x) => x.1 += 1,
                None => counts.push((&call.method, 1)),
            }
        }
        let counts: Vec<String> = counts.iter().map(|(m, n)| format!("{m}×{n}")).collect();
        eprintln!("{}: {} botContext calls ({})", case.name, case.calls, counts.join(", "));
        let cbot_check = |r: &cbot_script::Run<cbot_host::OfflineContext>| check("cbot", case, &cbot::effects(case, r));
        let mut session = c.session();

        let state = HostState::for_case(case);
        let transcript = canonical(
            first
                .transcript
                .calls
                .iter()
                .map(|c| (c.method.to_string(), c.args.iter().map(|a| a.to_json()).collect(), c.result.to_json())),
        );

        // QuickJS and Boa, each checked against cbot's transcript first.
        let pq = cases::Prepared::new(case);
        same_transcript("QuickJS fresh", case, &transcript, &quickjs::run_fresh(&pq, state.clone()));
        let q = quickjs::Reused::new(&pq);
        same_transcript("QuickJS reused", case, &transcript, &q.run(state.clone()));
        let pb = cases::Prepared::new(case);
        same_transcript("Boa fresh", case, &transcript, &boa::run_fresh(&pb, state.clone()));
        let mut b = boa::Reused::new(&pb);
        same_transcript("Boa reused", case, &transcript, &b.run(state.clone()));

        let stats = measure(
            t,
            1.0,
            &mut [
                chunk(|| c.ctx.clone(), |ctx| c.run_fresh(ctx), cbot_check),
                chunk(|| c.ctx.clone(), |ctx| cbot::run_session(&mut session, ctx), cbot_check),
                chunk(|| state.clone(), |s| quickjs::run_fresh(&pq, s), peer_check("QuickJS", case)),
                chunk(|| state.clone(), |s| q.run(s), peer_check("QuickJS", case)),
                chunk(|| state.clone(), |s| boa::run_fresh(&pb, s), peer_check("Boa", case)),
                chunk(|| state.clone(), |s| b.run(s), peer_check("Boa", case)),
            ],
        );
        let [cf, cr, qf, qr, bf, br] = stats[..] else { unreachable!("six contenders") };
        let cbot = Modes { fresh: cf, reused: cr };
        let quickjs = Modes { fresh: qf, reused: qr };
        let boa = Modes { fresh: bf, reused: br };
        rows.push(ScriptRow { name: case.name, cbot, quickjs, boa });
    }
    rows
}

struct MatchRow {
    n: usize,
    hits: usize,
    cbot: Stats,
    regex_loop: Stats,
    regex_set: Stats,
}

fn matching(t: Timing, msgs: &[String]) -> Vec<MatchRow> {
    let mut rows = Vec::new();
    for n in [100, 1_000, 10_000] {
        let e = matcher::Engines::new(n, msgs);
        eprintln!("N={n}: {} of {} messages match some pattern", e.hits, msgs.len());
        let units = msgs.len() as f64;
        let hits = e.hits;
        let ok = |got: &usize| assert_eq!(*got, hits, "{n} patterns: matching messages");
        let mut cache = cbot_matcher::Cache::new();
        let stats = measure(
            t,
            units,
            &mut [
                chunk(|| (), |()| e.cbot(msgs, &mut cache), ok),
                chunk(|| (), |()| e.regex_loop(msgs), ok),
                chunk(|| (), |()| e.regex_set(msgs), ok),
            ],
        );
        let [cbot, regex_loop, regex_set] = stats[..] else { unreachable!("three contenders") };
        rows.push(MatchRow { n, hits, cbot, regex_loop, regex_set });
    }
    rows
}

/// A time in the table's unit, to about three significant digits.
fn num(x: f64) -> String {
    if x < 10.0 {
        format!("{x:.2}")
    } else if x < 100.0 {
        format!("{x:.1}")
    } else {
        thousands(x)
    }
}

/// Rounded, with thousands separators (as elsewhere in RESULTS.md).
fn thousands(x: f64) -> String {
    let s = format!("{x:.0}");
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `peer / cbot`: the median of the rounds' ratios. The two batches of a
/// round ran back to back, so a change of machine speed between rounds
/// (this machine has a fast and a slow state, minutes apart) moves each
/// round's two times together; the ratio of the two cells' medians could
/// pair a fast-state batch of one with a slow-state batch of the other.
fn ratio(peer: Stats, cbot: Stats) -> String {
    let mut each: Vec<f64> = peer.rounds.iter().zip(&cbot.rounds).map(|(p, c)| p / c).collect();
    each.sort_by(f64::total_cmp);
    let r = each[BATCHES / 2];
    // One decimal below 100: a target such as 20× is read off the table.
    if r >= 100.0 {
        format!("{}×", thousands(r))
    } else if r >= 1.0 {
        format!("{r:.1}×")
    } else {
        format!("{r:.2}×")
    }
}

/// The widest batch spread of a table: (max − min) / median, in %.
fn spread<'a>(cells: impl Iterator<Item = &'a Stats>) -> f64 {
    cells.map(|s| (s.max - s.min) / s.median * 100.0).fold(0.0, f64::max)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let has = |a: &str| args.iter().any(|x| x == a);
    let t = if has("--quick") { Timing { warm_up: 0.02, batch: 0.02 } } else { Timing { warm_up: 0.1, batch: 0.1 } };
    let (do_scripts, do_matcher) = match (has("--scripts"), has("--matcher")) {
        (false, false) => (true, true),
        other => other,
    };
    if std::env::var_os("RUST_BACKTRACE").is_some() {
        eprintln!("note: RUST_BACKTRACE is set; the documented command unsets it");
    }
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("model name"))
                .map(|l| l.split(':').nth(1).unwrap_or("").trim().to_string())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    let batches = format!(
        "Median of {BATCHES} batches of ≥ {} s of timed runs each, after a warm-up, the engines of a row taking turns batch by batch (a round: a batch of each); a ratio is the median of the {BATCHES} rounds' ratios; {cores} × {cpu}",
        t.batch
    );

    let script_rows = if do_scripts { scripts(t) } else { Vec::new() };
    let msgs = matcher::messages(100);
    let match_rows = if do_matcher { matching(t, &msgs) } else { Vec::new() };

    if do_scripts {
        println!("### Scripts: cbot vs QuickJS and Boa (µs per run)");
        println!();
        println!(
            "cbot (wasmtime 48.0.8): fresh = `Program::run` (a session of its own: fresh globals and heap, in a reset store the program keeps), reused = `Session::run`; \
             QuickJS (rquickjs 0.14.0 = QuickJS-ng 0.16.2) and Boa (boa_engine 0.22.0, default features): fresh = new context + \
             native botContext + eval, reused = one context, globals + panel precompiled into one function \
             called per run. Every run checked (effect, botContext call count); each peer mode's first transcript equals cbot's. {batches}."
        );
        println!();
        println!("| script | mode | cbot (µs) | QuickJS (µs) | QuickJS / cbot | Boa (µs) | Boa / cbot |");
        println!("|---|---|---:|---:|---:|---:|---:|");
        for r in &script_rows {
            for (mode, c, q, b) in [
                ("fresh", r.cbot.fresh, r.quickjs.fresh, r.boa.fresh),
                ("reused", r.cbot.reused, r.quickjs.reused, r.boa.reused),
            ] {
                let us = |s: Stats| num(s.median / 1000.0);
                println!(
                    "| {} | {mode} | {} | {} | {} | {} | {} |",
                    if mode == "fresh" { r.name } else { "" },
                    us(c),
                    us(q),
                    ratio(q, c),
                    us(b),
                    ratio(b, c)
                );
            }
        }
        let all = script_rows.iter().flat_map(|r| [&r.cbot, &r.quickjs, &r.boa]).flat_map(|m| [&m.fresh, &m.reused]);
        println!();
        println!("Widest batch spread in this table: {:.0} % ((max − min) / median).", spread(all));
        println!();
    }
    if do_matcher {
        println!("### Matcher: cbot vs regex (ns per message)");
        println!();
        println!(
            "benches/matcher.rs's pattern sets and {} messages; cbot = `Matcher::find_best_with` (it normalises), \
             regex loop = normalise + one `Regex::is_match` per pattern up to the first match, RegexSet = normalise + \
             `RegexSet::matches` (regex 1.13). All three agree on every message. {batches}.",
            msgs.len()
        );
        println!();
        println!("| N | matching messages | cbot (ns) | regex loop (ns) | loop / cbot | RegexSet (ns) | set / cbot |");
        println!("|---:|---:|---:|---:|---:|---:|---:|");
        for r in &match_rows {
            println!(
                "| {} | {} of {} | {} | {} | {} | {} | {} |",
                num(r.n as f64),
                r.hits,
                msgs.len(),
                num(r.cbot.median),
                num(r.regex_loop.median),
                ratio(r.regex_loop, r.cbot),
                num(r.regex_set.median),
                ratio(r.regex_set, r.cbot)
            );
        }
        let all = match_rows.iter().flat_map(|r| [&r.cbot, &r.regex_loop, &r.regex_set]);
        println!();
        println!("Widest batch spread in this table: {:.0} % ((max − min) / median).", spread(all));
        println!();
    }
    println!(
        "Command: `cd benches/peers && env -u RUST_BACKTRACE CARGO_TARGET_DIR=/tmp/peers-target cargo run --release{}{}`",
        if args.is_empty() { "" } else { " -- " },
        args.join(" ")
    );
}
