//! The script engine on the seed's channel-check script
//! (scripts/agent-handoff/channel-check.js):
//! - `compile`: JavaScript → wasm → wasmtime module (once per bot);
//! - `run/*`: one isolated run — a fresh wasmtime store and instance, the
//!   offline botContext, the call transcript — which is what every code
//!   panel execution costs (target ≤ 1 µs; QuickJS takes 77–88 µs and Boa
//!   289 µs for the same script, shared MEASUREMENTS.md §C);
//! - `session_run/*`: the same run in a [`Session`](cbot_script::Session),
//!   which resets one store and instance between runs instead of creating
//!   them;
//! - `host_call`: one `botContext.getChannel()` round trip, from a loop of
//!   1,000 calls in one run.
//!
//! Run: `env -u RUST_BACKTRACE cargo bench --bench script`.

use cbot_host::OfflineContext;
use cbot_script::{Engine, Limits, ScriptKind, ScriptSource};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

const SEED: &str = include_str!("../scripts/agent-handoff/channel-check.js");

fn bench(c: &mut Criterion) {
    let engine = Engine::new(Limits::default()).unwrap();
    let sources = [ScriptSource { name: "check", text: SEED, kind: ScriptKind::Panel }];
    c.bench_function("script/compile", |b| b.iter(|| engine.compile(black_box(&sources)).unwrap()));

    let program = engine.compile(&sources).unwrap();
    for channel in ["web", "sms"] {
        let ctx = OfflineContext { channel: channel.into(), ..OfflineContext::default() };
        let run = program.run("check", ctx.clone()).unwrap();
        assert!(run.error.is_none() && run.transcript.calls.len() == 2);
        c.bench_function(&format!("script/run/{channel}"), |b| {
            b.iter_batched(|| ctx.clone(), |ctx| program.run("check", ctx).unwrap(), criterion::BatchSize::SmallInput)
        });
        // The same isolation with the store and instance reused (reset per run).
        let mut session = program.session();
        c.bench_function(&format!("script/session_run/{channel}"), |b| {
            b.iter_batched(|| ctx.clone(), |ctx| session.run("check", ctx).unwrap(), criterion::BatchSize::SmallInput)
        });
    }

    let looped = "for (var i = 0; i < 1000; i++) { botContext.getChannel(); }";
    let program = engine.compile(&[ScriptSource { name: "loop", text: looped, kind: ScriptKind::Panel }]).unwrap();
    let mut g = c.benchmark_group("script");
    g.throughput(Throughput::Elements(1000));
    g.bench_function("host_call", |b| b.iter(|| program.run("loop", OfflineContext::default()).unwrap()));
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
