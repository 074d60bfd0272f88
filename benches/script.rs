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
//!   1,000 calls in one run;
//! - `fixture/*`: three real panels from the shared CB samples, run the same
//!   two ways: `strings` (gpt3-character-template's pre-process: a prompt
//!   built by concatenating a ~1.5 KB chat history read from the Context
//!   Service) and `json` (shopify-bot's product-carousel pre-process: nested
//!   loops over a 6-product catalogue, ~50 object literals, JSON.stringify of
//!   the carousel, 32 `botContext` calls), each with its bot's global
//!   functions; and `transform` (api-results-text-only-demo's integration
//!   transform: JSON.parse of an 8 KB API response, JSON.stringify of part
//!   of it, 2 `botContext` calls).
//!
//! The allocator is the one the `cbot` binary ships with (mimalloc,
//! crates/cli/main.rs), so the numbers are those of `cbot chat`, `serve`
//! and `bench`; an embedder on the system allocator pays more for the
//! allocation-heavy panels (benches/RESULTS.md gives both).
//!
//! Run: `env -u RUST_BACKTRACE cargo bench --bench script`.

use cbot_host::{ContextKey, ContextScope, OfflineContext, Scope, Value};
use cbot_script::{Engine, Limits, ScriptKind, ScriptSource};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

/// The fixture panels' inputs, shared with benches/peers.
mod script_inputs;
/// Where `script_inputs` finds ../shared/fixtures from.
const REPO_ROOT: &str = env!("CARGO_MANIFEST_DIR");
use script_inputs::{STRINGS_USER_MESSAGE, chat_history, fixture_code, products, store_locator_json_data};

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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

    fixture_benches(c, &engine);

    let looped = "for (var i = 0; i < 1000; i++) { botContext.getChannel(); }";
    let program = engine.compile(&[ScriptSource { name: "loop", text: looped, kind: ScriptKind::Panel }]).unwrap();
    let mut g = c.benchmark_group("script");
    g.throughput(Throughput::Elements(1000));
    g.bench_function("host_call", |b| b.iter(|| program.run("loop", OfflineContext::default()).unwrap()));
    g.finish();
}

fn fixture_benches(c: &mut Criterion, engine: &Engine) {
    // String-heavy: the GPT-3 prompt builder.
    let code = fixture_code("gpt3-character-template.json", "preProcessMessage", "GPT3prompt");
    let program = engine.compile(&[ScriptSource { name: "prompt", text: &code, kind: ScriptKind::Panel }]).unwrap();
    let ctx = OfflineContext { user_message: STRINGS_USER_MESSAGE.into(), ..Default::default() };
    {
        let mut store = ctx.context_store.lock().unwrap();
        store.register("gpt3_char", None);
        let at = ContextKey { scope: ContextScope::Conversation, owner: &ctx.conversation_id, namespace: "gpt3_char" };
        store.set(&at, "character", Value::from("Marie Curie"), 0.0);
        store.set(&at, "chat_history", Value::from(chat_history()), 0.0);
    }
    check_and_bench(c, &program, "prompt", &ctx, "script/fixture/strings", 5);

    // Object/JSON-heavy: the Shopify product carousel.
    let globals = fixture_code("shopify-bot.json", "methods", "var log");
    let code = fixture_code("shopify-bot.json", "preProcessMessage", "tileArray");
    let sources = [
        ScriptSource { name: "globals", text: &globals, kind: ScriptKind::Globals },
        ScriptSource { name: "carousel", text: &code, kind: ScriptKind::Panel },
    ];
    let program = engine.compile(&sources).unwrap();
    let mut ctx = OfflineContext::default();
    ctx.variables.push(("products".into(), products(), Scope::Session));
    ctx.variables.push(("storeURL".into(), Value::from("https://shop.example.com"), Scope::Session));
    check_and_bench(c, &program, "carousel", &ctx, "script/fixture/json", 32);

    // An integration transform: api-results-text-only-demo's StoreLocator
    // `transformResultsScript` (JSON.parse of a 12-store, 8 KB API
    // response, JSON.stringify of its stores), with the response stored as
    // the runtime stores one (`api_<RDV>` = {jsonData: '{"api_<RDV>": body}'};
    // benches/peers runs the same).
    let code = fixture_code("api-results-text-only-demo.json", "transformResultsScript", "api_StoreLocator");
    let program = engine.compile(&[ScriptSource { name: "transform", text: &code, kind: ScriptKind::Panel }]).unwrap();
    let mut ctx = OfflineContext::default();
    let response = Value::object(vec![("jsonData".into(), Value::from(store_locator_json_data()))]);
    ctx.variables.push(("api_StoreLocator".into(), response, Scope::Session));
    check_and_bench(c, &program, "transform", &ctx, "script/fixture/transform", 2);
}

/// Checks that the panel runs cleanly with the `botContext` calls it is
/// known to make (benches/peers checks the same counts), then
/// benches it both ways.
fn check_and_bench(
    c: &mut Criterion,
    program: &cbot_script::Program,
    panel: &str,
    ctx: &OfflineContext,
    name: &str,
    calls: usize,
) {
    let run = program.run(panel, ctx.clone()).unwrap();
    assert!(run.error.is_none(), "{name}: {:?}", run.error);
    assert_eq!(run.transcript.calls.len(), calls, "{name}: botContext calls");
    c.bench_function(&format!("{name}/run"), |b| {
        b.iter_batched(|| ctx.clone(), |ctx| program.run(panel, ctx).unwrap(), criterion::BatchSize::SmallInput)
    });
    let mut session = program.session();
    c.bench_function(&format!("{name}/session_run"), |b| {
        b.iter_batched(|| ctx.clone(), |ctx| session.run(panel, ctx).unwrap(), criterion::BatchSize::SmallInput)
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
