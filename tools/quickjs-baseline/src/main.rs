//! QuickJS baseline for cbot's script bench (benches/script.rs).
//!
//! Runs the same three scripts with the same inputs as the cbot bench —
//! `seed` (scripts/agent-handoff/channel-check.js on channel "web"),
//! `strings` (gpt3-character-template's prompt-building pre-process) and
//! `json` (shopify-bot's product-carousel pre-process with the bot's global
//! functions) — in rquickjs 0.14 (QuickJS-ng 0.16.2), against a `botContext`
//! whose methods are native Rust functions that record a transcript the way
//! cbot's `cbot_host::dispatch` does (method name, arguments deep-copied to
//! host values, result).
//!
//! Per-run cost, median of several batches (`std::time::Instant`):
//! - fresh: a new `Runtime` + `Context::full` per run, botContext installed,
//!   the globals evaluated, the panel evaluated (parse + compile + run),
//!   everything dropped: what per-message isolation costs in QuickJS;
//! - reused: one context; each run evaluates the globals and the panel
//!   again (parse + compile + run);
//! - precompiled: one context; globals + panel compiled once into one
//!   function, which each run calls (the nearest QuickJS analogue of cbot's
//!   ahead-of-time compiled `Session` run).
//!
//! Run: `env -u RUST_BACKTRACE CARGO_TARGET_DIR=/tmp/qjs-target cargo run --release`
//! (options: `--top-level` evaluates panels as global scripts instead of
//! function bodies; `--minimal-botcontext` installs only the methods the
//! scripts call; `--transcript` prints each script's transcript as JSON;
//! `--quick` for shorter batches; `--import-json-parse` returns objects via
//! `JSON.parse`; `--runs CASE MODE N` for callgrind instruction counts; see
//! README.md).

use rquickjs::function::Rest;
use rquickjs::{Array, Coerced, Context, Ctx, Function, Object, Persistent, Runtime, Type, Value};
use serde_json::{Map, Value as Json, json};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, LazyLock, Mutex};
use std::time::Instant;

const SEED: &str = include_str!("../../../scripts/agent-handoff/channel-check.js");

/// The fixture panels' inputs, the same file benches/script.rs uses.
#[path = "../../../benches/script_inputs.rs"]
mod script_inputs;
use script_inputs::{STRINGS_USER_MESSAGE, chat_history, fixture_code};
/// Where `script_inputs` finds ../shared/fixtures from.
const REPO_ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");

/// Every `botContext` method cbot knows, so a fresh context installs as
/// many native functions as a real QuickJS-based host would. Only the ones
/// the three scripts call are implemented; the others record the call and
/// return `undefined`.
static METHODS: LazyLock<Vec<&'static str>> = LazyLock::new(|| cbot_host::METHODS.iter().map(|m| m.name).collect());

/// The methods the three scripts call (`--minimal-botcontext`).
const USED_METHODS: &[&str] = &[
    "getBotVariable",
    "getChannel",
    "getContextDataForConversation",
    "getCurrentUserMessage",
    "printDebugMessage",
    "sendMessage",
    "setBotVariable",
];

// ---------------------------------------------------------------------------
// The host side: an offline botContext like cbot_host::OfflineContext.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scope {
    Request,
    Session,
    Forever,
}

/// One recorded call, like cbot_host::Call (arguments and result as host
/// values; JSON has no `undefined`, so it is recorded as null). Stored
/// values are shared (`Arc`), as cbot's host values share their arrays and
/// objects: `getBotVariable` and the transcript copy no catalogue.
#[derive(Debug, Clone)]
struct Call {
    method: &'static str,
    args: Vec<Json>,
    result: Arc<Json>,
}

/// The Conversation Context Service, in memory: registered namespaces and
/// (scope owner, namespace, key) → value. Shared between clones, like
/// cbot's `SharedContextStore`.
#[derive(Debug, Default)]
struct ContextStore {
    namespaces: Vec<String>,
    data: HashMap<(String, String, String), Arc<Json>>,
}

/// The inputs and recorded effects of one run (cbot's `OfflineContext`
/// fields that these scripts touch, plus the transcript).
#[derive(Debug, Clone)]
struct HostState {
    channel: String,
    user_message: String,
    conversation_id: String,
    variables: Vec<(String, Arc<Json>, Scope)>,
    sent: Vec<String>,
    debug: Vec<String>,
    context_store: Arc<Mutex<ContextStore>>,
    transcript: Vec<Call>,
}

impl Default for HostState {
    fn default() -> Self {
        HostState {
            channel: "web".into(),
            user_message: String::new(),
            conversation_id: "offline-conversation".into(),
            variables: Vec::new(),
            sent: Vec::new(),
            debug: Vec::new(),
            context_store: Arc::default(),
            transcript: Vec::new(),
        }
    }
}

type Cell = Rc<RefCell<Option<HostState>>>;

/// `--import-json-parse`: objects and arrays returned to scripts are
/// serialised and `JSON.parse`d in the context instead of built property by
/// property with the rquickjs API.
static IMPORT_VIA_JSON_PARSE: AtomicBool = AtomicBool::new(false);

/// A deep copy of a JS value as a host value (cbot's `Host::to_host`:
/// functions and `undefined` members left out, depth cut at 64).
fn to_host(v: &Value<'_>, depth: usize) -> Json {
    match v.type_of() {
        Type::Undefined | Type::Null | Type::Uninitialized => Json::Null,
        Type::Bool => Json::Bool(v.as_bool().unwrap_or(false)),
        Type::Int => Json::from(v.as_int().unwrap_or(0)),
        Type::Float => serde_json::Number::from_f64(v.as_float().unwrap_or(f64::NAN)).map_or(Json::Null, Json::Number),
        Type::String => Json::String(v.as_string().and_then(|s| s.to_string().ok()).unwrap_or_default()),
        _ if depth > 64 => Json::Null,
        Type::Array => {
            let arr = v.as_array().expect("an array");
            Json::Array(arr.iter::<Value>().map(|x| x.map_or(Json::Null, |x| to_host(&x, depth + 1))).collect())
        }
        Type::Function | Type::Constructor => Json::Null,
        _ => match v.as_object() {
            Some(o) => {
                let mut m = Map::new();
                for (k, x) in o.props::<String, Value>().flatten() {
                    if x.is_undefined() || x.is_function() {
                        continue;
                    }
                    m.insert(k, to_host(&x, depth + 1));
                }
                Json::Object(m)
            }
            None => Json::Null,
        },
    }
}

/// A host value as a fresh JS value (cbot's `Host::import`).
fn from_host<'js>(ctx: &Ctx<'js>, v: &Json) -> rquickjs::Result<Value<'js>> {
    Ok(match v {
        Json::Null => Value::new_null(ctx.clone()),
        Json::Bool(b) => Value::new_bool(ctx.clone(), *b),
        Json::Number(n) => Value::new_number(ctx.clone(), n.as_f64().unwrap_or(f64::NAN)),
        Json::String(s) => rquickjs::String::from_str(ctx.clone(), s)?.into_value(),
        Json::Array(items) => {
            let a = Array::new(ctx.clone())?;
            for (i, x) in items.iter().enumerate() {
                a.set(i, from_host(ctx, x)?)?;
            }
            a.into_value()
        }
        Json::Object(props) => {
            let o = Object::new(ctx.clone())?;
            for (k, x) in props {
                o.set(k.as_str(), from_host(ctx, x)?)?;
            }
            o.into_value()
        }
    })
}

/// JS ToString of argument `i` ("undefined" when missing), done by QuickJS.
fn text<'js>(ctx: &Ctx<'js>, args: &[Value<'js>], i: usize) -> rquickjs::Result<String> {
    match args.get(i) {
        None => Ok("undefined".into()),
        Some(v) => Ok(<Coerced<String> as rquickjs::FromJs>::from_js(ctx, v.clone())?.0),
    }
}

/// JS ToBoolean of argument `i`.
fn truthy<'js>(ctx: &Ctx<'js>, args: &[Value<'js>], i: usize) -> rquickjs::Result<bool> {
    match args.get(i) {
        None => Ok(false),
        Some(v) => Ok(<Coerced<bool> as rquickjs::FromJs>::from_js(ctx, v.clone())?.0),
    }
}

/// One `botContext.name(args…)` call: converts the arguments as cbot's
/// dispatch does, applies the method to the state, records the call and
/// returns the result as a JS value. `None` is `undefined`.
fn dispatch<'js>(
    ctx: &Ctx<'js>,
    cell: &Cell,
    name: &'static str,
    args: Vec<Value<'js>>,
) -> rquickjs::Result<Value<'js>> {
    let host_args: Vec<Json> = args.iter().map(|v| to_host(v, 0)).collect();
    let mut guard = cell.borrow_mut();
    let st = guard.as_mut().expect("a HostState for this run");
    let result: Option<Arc<Json>> = match name {
        "getChannel" => Some(Arc::new(Json::String(st.channel.clone()))),
        "sendMessage" => {
            st.sent.push(text(ctx, &args, 0)?);
            None
        }
        "printDebugMessage" => {
            st.debug.push(text(ctx, &args, 0)?);
            None
        }
        "setBotVariable" => {
            let scope = if truthy(ctx, &args, 3)? {
                Scope::Forever
            } else if truthy(ctx, &args, 2)? {
                Scope::Session
            } else {
                Scope::Request
            };
            let var = text(ctx, &args, 0)?;
            let value = Arc::new(host_args.get(1).cloned().unwrap_or(Json::Null));
            match st.variables.iter_mut().find(|v| v.0 == var) {
                Some(v) => {
                    v.1 = value;
                    v.2 = scope;
                }
                None => st.variables.push((var, value, scope)),
            }
            None
        }
        "getBotVariable" => {
            let var = text(ctx, &args, 0)?;
            Some(st.variables.iter().find(|v| v.0 == var).map_or_else(|| Arc::new(Json::Null), |v| v.1.clone()))
        }
        "getCurrentUserMessage" => Some(Arc::new(Json::String(st.user_message.clone()))),
        "getContextDataForConversation" => {
            let store = st.context_store.lock().expect("the context store");
            let ns = text(ctx, &args, 0)?;
            let key = text(ctx, &args, 1)?;
            let v = if store.namespaces.contains(&ns) {
                store.data.get(&(st.conversation_id.clone(), ns, key)).cloned().unwrap_or_else(|| Arc::new(Json::Null))
            } else {
                Arc::new(Json::Null)
            };
            Some(v)
        }
        // Not called by these scripts.
        _ => None,
    };
    st.transcript.push(Call {
        method: name,
        args: host_args,
        result: result.clone().unwrap_or_else(|| Arc::new(Json::Null)),
    });
    drop(guard);
    match result {
        None => Ok(Value::new_undefined(ctx.clone())),
        Some(v) if (v.is_object() || v.is_array()) && IMPORT_VIA_JSON_PARSE.load(Ordering::Relaxed) => {
            ctx.json_parse(serde_json::to_string(&*v).expect("JSON"))
        }
        Some(v) => from_host(ctx, &v),
    }
}

/// Installs the global `botContext` object with one native function per
/// method.
fn install_bot_context<'js>(ctx: &Ctx<'js>, cell: &Cell, methods: &'static [&'static str]) -> rquickjs::Result<()> {
    let bc = Object::new(ctx.clone())?;
    for &name in methods {
        let cell = cell.clone();
        let f = Function::new(ctx.clone(), move |ctx: Ctx<'js>, args: Rest<Value<'js>>| {
            dispatch(&ctx, &cell, name, args.0)
        })?;
        bc.set(name, f)?;
    }
    ctx.globals().set("botContext", bc)
}

// ---------------------------------------------------------------------------
// The scripts and their inputs, as benches/script.rs builds them.

/// The code of the first panel `key` in a shared CB sample whose text
/// contains `marker` (benches/script.rs `fixture_code`; serde_json with
/// `preserve_order`, as in the cbot workspace, so the search order is the
/// file's).
/// `script_inputs`' catalogue as the JSON this harness hands to QuickJS.
fn products() -> Json {
    script_inputs::products().to_json()
}

struct Case {
    name: &'static str,
    /// The bot's global functions (evaluated before the panel), if any.
    globals: Option<String>,
    panel: String,
    state: HostState,
    /// botContext calls one run makes.
    expected_calls: usize,
}

fn cases() -> Vec<Case> {
    let mut out = Vec::new();

    // seed: channel-check.js on channel "web" (bench `script/run/web`).
    out.push(Case {
        name: "seed (channel-check, web)",
        globals: None,
        panel: SEED.to_string(),
        state: HostState { channel: "web".into(), ..HostState::default() },
        expected_calls: 2,
    });

    // strings: the GPT-3 prompt builder (bench `script/fixture/strings`).
    let code = fixture_code("gpt3-character-template.json", "preProcessMessage", "GPT3prompt");
    let st = HostState { user_message: STRINGS_USER_MESSAGE.into(), ..HostState::default() };
    {
        let mut store = st.context_store.lock().unwrap();
        store.namespaces.push("gpt3_char".into());
        let at = |k: &str| (st.conversation_id.clone(), "gpt3_char".to_string(), k.to_string());
        store.data.insert(at("character"), Arc::new(Json::from("Marie Curie")));
        store.data.insert(at("chat_history"), Arc::new(Json::from(chat_history())));
    }
    out.push(Case { name: "fixture/strings", globals: None, panel: code, state: st, expected_calls: 5 });

    // json: the Shopify product carousel with the bot's global functions
    // (bench `script/fixture/json`).
    let globals = fixture_code("shopify-bot.json", "methods", "var log");
    let code = fixture_code("shopify-bot.json", "preProcessMessage", "tileArray");
    let mut st = HostState::default();
    st.variables.push(("products".into(), Arc::new(products()), Scope::Session));
    st.variables.push(("storeURL".into(), Arc::new(Json::from("https://shop.example.com")), Scope::Session));
    out.push(Case { name: "fixture/json", globals: Some(globals), panel: code, state: st, expected_calls: 32 });
    out
}

// ---------------------------------------------------------------------------
// Running.

#[derive(Clone, Copy)]
struct Options {
    top_level: bool,
    methods: &'static [&'static str],
    quick: bool,
    transcript: bool,
}

/// Non-strict global code, as CB scripts are sloppy-mode ES5.
fn sloppy() -> rquickjs::context::EvalOptions {
    let mut o = rquickjs::context::EvalOptions::default();
    o.global = true;
    o.strict = false;
    o
}

/// The panel as evaluated: a function body called at once (cbot compiles
/// panels as function bodies), or as it is with `--top-level`.
fn panel_source(case: &Case, opts: Options) -> String {
    if opts.top_level { case.panel.clone() } else { format!("(function () {{\n{}\n}})();", case.panel) }
}

/// The globals and the panel as one function, compiled once (precompiled
/// mode): the globals' declarations are visible to the panel and are
/// created again on every call, as in cbot's compiled module.
fn combined_source(case: &Case) -> String {
    format!("(function () {{\n{}\n;\n{}\n}})", case.globals.as_deref().unwrap_or(""), case.panel)
}

fn exception_text(ctx: &Ctx<'_>, e: rquickjs::Error) -> String {
    match e {
        rquickjs::Error::Exception => {
            let ex = ctx.catch();
            let msg =
                ex.as_object().and_then(|o| o.get::<_, String>("message").ok()).unwrap_or_else(|| format!("{ex:?}"));
            let stack = ex.as_object().and_then(|o| o.get::<_, String>("stack").ok()).unwrap_or_default();
            format!("{msg}\n{stack}")
        }
        other => other.to_string(),
    }
}

/// Evaluates the globals (if any) then the panel in `ctx`.
fn eval_case(ctx: &Ctx<'_>, globals: Option<&str>, panel: &str) -> Result<(), String> {
    if let Some(g) = globals {
        ctx.eval_with_options::<(), _>(g, sloppy()).map_err(|e| exception_text(ctx, e))?;
    }
    ctx.eval_with_options::<(), _>(panel, sloppy()).map_err(|e| exception_text(ctx, e))
}

/// One isolated run: a fresh runtime and context.
#[inline(never)]
fn run_fresh(case: &Case, panel: &str, opts: Options, state: HostState) -> HostState {
    let cell: Cell = Rc::new(RefCell::new(Some(state)));
    {
        let rt = Runtime::new().expect("runtime");
        let context = Context::full(&rt).expect("context");
        context.with(|ctx| {
            install_bot_context(&ctx, &cell, opts.methods).expect("botContext");
            if let Err(e) = eval_case(&ctx, case.globals.as_deref(), panel) {
                panic!("{}: JS exception: {e}", case.name);
            }
        });
    }
    cell.borrow_mut().take().expect("state")
}

/// The reference: an empty runtime and context, created and dropped.
#[inline(never)]
fn run_empty(state: HostState) -> HostState {
    let rt = Runtime::new().expect("runtime");
    drop(std::hint::black_box(Context::full(&rt).expect("context")));
    state
}

/// A long-lived context with botContext installed once.
struct Reused {
    context: Context,
    cell: Cell,
    // Declared last: dropped after the context.
    _rt: Runtime,
}

impl Reused {
    fn new(opts: Options) -> Reused {
        let rt = Runtime::new().expect("runtime");
        let context = Context::full(&rt).expect("context");
        let cell: Cell = Rc::new(RefCell::new(None));
        context.with(|ctx| install_bot_context(&ctx, &cell, opts.methods).expect("botContext"));
        Reused { context, cell, _rt: rt }
    }

    /// Evaluates the globals and the panel again.
    #[inline(never)]
    fn run_eval(&self, case: &Case, panel: &str, state: HostState) -> HostState {
        *self.cell.borrow_mut() = Some(state);
        self.context.with(|ctx| {
            if let Err(e) = eval_case(&ctx, case.globals.as_deref(), panel) {
                panic!("{}: JS exception: {e}", case.name);
            }
        });
        self.cell.borrow_mut().take().expect("state")
    }

    fn compile(&self, case: &Case) -> Persistent<Function<'static>> {
        self.context.with(|ctx| {
            let f: Function = ctx
                .eval_with_options(combined_source(case), sloppy())
                .unwrap_or_else(|e| panic!("{}: {}", case.name, exception_text(&ctx, e)));
            Persistent::save(&ctx, f)
        })
    }

    /// Calls the precompiled globals + panel function.
    #[inline(never)]
    fn run_compiled(&self, case: &Case, f: &Persistent<Function<'static>>, state: HostState) -> HostState {
        *self.cell.borrow_mut() = Some(state);
        self.context.with(|ctx| {
            let f = f.clone().restore(&ctx).expect("restore");
            if let Err(e) = f.call::<_, ()>(()) {
                panic!("{}: JS exception: {}", case.name, exception_text(&ctx, e));
            }
        });
        self.cell.borrow_mut().take().expect("state")
    }
}

/// Checks what one run did.
fn check(case: &Case, st: &HostState) {
    assert_eq!(st.transcript.len(), case.expected_calls, "{}: botContext calls", case.name);
    match case.name {
        n if n.starts_with("seed") => assert_eq!(st.sent, ["Transferring you to an agent"]),
        "fixture/strings" => {
            let prompt = st.variables.iter().find(|v| v.0 == "prompt").expect("prompt set");
            let p = prompt.1.as_str().expect("a string");
            assert!(p.contains("Marie Curie: It began with uranium rays.") && p.ends_with("Marie Curie: "));
            assert!(p.contains(STRINGS_USER_MESSAGE));
        }
        "fixture/json" => {
            let carousel = st.variables.iter().find(|v| v.0 == "carousel").expect("carousel set");
            let parsed: Json = serde_json::from_str(carousel.1.as_str().expect("a string")).expect("carousel JSON");
            assert_eq!(parsed["elements"].as_array().map(Vec::len), Some(6), "six tiles");
            assert_eq!(st.debug.last().map(String::as_str), Some("0,1,2,3,4,5"));
        }
        _ => {}
    }
}

/// Median ns per run over `rounds` batches; each batch's inputs are cloned
/// before its timer starts and its outputs dropped after it stops (as
/// criterion's `iter_batched` does in the cbot bench).
fn measure(opts: Options, mut run: impl FnMut(HostState) -> HostState, case: &Case) -> (f64, f64, f64) {
    let (target_ms, rounds) = if opts.quick { (60.0, 5) } else { (250.0, 7) };
    // Calibrate: time a few runs.
    let t = Instant::now();
    let mut probe = 0;
    while t.elapsed().as_secs_f64() < 0.05 || probe < 3 {
        let out = run(case.state.clone());
        check(case, &out);
        probe += 1;
    }
    let per = t.elapsed().as_secs_f64() / probe as f64;
    let iters = ((target_ms / 1000.0) / per).ceil().max(5.0) as usize;
    let mut samples = Vec::with_capacity(rounds);
    for _ in 0..rounds {
        let inputs: Vec<HostState> = (0..iters).map(|_| case.state.clone()).collect();
        let mut outputs = Vec::with_capacity(iters);
        let t = Instant::now();
        for st in inputs {
            outputs.push(std::hint::black_box(run(st)));
        }
        let ns = t.elapsed().as_nanos() as f64 / iters as f64;
        for o in &outputs {
            check(case, o);
        }
        drop(outputs);
        samples.push(ns);
    }
    samples.sort_by(f64::total_cmp);
    (samples[rounds / 2], samples[0], samples[rounds - 1])
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let opts = Options {
        top_level: args.iter().any(|a| a == "--top-level"),
        methods: if args.iter().any(|a| a == "--minimal-botcontext") { USED_METHODS } else { &METHODS },
        quick: args.iter().any(|a| a == "--quick"),
        transcript: args.iter().any(|a| a == "--transcript"),
    };
    IMPORT_VIA_JSON_PARSE.store(args.iter().any(|a| a == "--import-json-parse"), Ordering::Relaxed);
    if std::env::var_os("RUST_BACKTRACE").is_some() {
        eprintln!("note: RUST_BACKTRACE is set; the documented command unsets it");
    }
    let cases = cases();
    // `--runs CASE MODE N`: N untimed runs of one case (0, 1, 2) in one mode
    // (fresh, reused, precompiled; or empty, the reference row), for instruction counts under callgrind
    // (run twice with different N and subtract).
    if let Some(i) = args.iter().position(|a| a == "--runs") {
        let get = |k: usize| args.get(i + k).map(String::as_str).unwrap_or_default();
        let case = &cases[get(1).parse::<usize>().expect("CASE: 0, 1 or 2")];
        let n: usize = get(3).parse().expect("N");
        let panel = panel_source(case, opts);
        let reused = Reused::new(opts);
        let f = reused.compile(case);
        let inputs: Vec<HostState> = (0..n).map(|_| case.state.clone()).collect();
        let mut outputs = Vec::with_capacity(n);
        for st in inputs {
            outputs.push(match get(2) {
                "fresh" => run_fresh(case, &panel, opts, st),
                "reused" => reused.run_eval(case, &panel, st),
                "precompiled" => reused.run_compiled(case, &f, st),
                "empty" => run_empty(st),
                other => panic!("unknown mode {other:?}"),
            });
        }
        if get(2) != "empty" {
            for out in &outputs {
                check(case, out);
            }
        }
        println!("{}: {n} {} runs", case.name, get(2));
        return;
    }
    let mut rows = Vec::new();
    for case in &cases {
        let panel = panel_source(case, opts);
        // One checked run of each kind first, with the call counts.
        let st = run_fresh(case, &panel, opts, case.state.clone());
        check(case, &st);
        let mut counts: Vec<(&str, usize)> = Vec::new();
        for c in &st.transcript {
            match counts.iter_mut().find(|x| x.0 == c.method) {
                Some(x) => x.1 += 1,
                None => counts.push((c.method, 1)),
            }
        }
        let counts: Vec<String> = counts.iter().map(|(m, n)| format!("{m}×{n}")).collect();
        println!("{}: {} botContext calls, no exception ({})", case.name, st.transcript.len(), counts.join(", "));
        if opts.transcript {
            let t: Vec<Json> = st
                .transcript
                .iter()
                .map(|c| json!({"method": c.method, "args": c.args, "result": *c.result}))
                .collect();
            println!("{}", serde_json::to_string_pretty(&Json::Array(t)).unwrap());
        }

        let fresh = measure(opts, |s| run_fresh(case, &panel, opts, s), case);
        let reused = Reused::new(opts);
        let eval = measure(opts, |s| reused.run_eval(case, &panel, s), case);
        let f = reused.compile(case);
        let compiled = measure(opts, |s| reused.run_compiled(case, &f, s), case);
        drop(f);
        rows.push((case.name, fresh, eval, compiled));
    }

    // Reference point (MEASUREMENTS.md §C measured 82 µs for this): an empty
    // runtime and context, created and dropped, nothing evaluated.
    let empty_case =
        Case { name: "empty", globals: None, panel: String::new(), state: HostState::default(), expected_calls: 0 };
    let empty = measure(opts, run_empty, &empty_case);

    let us = |x: (f64, f64, f64)| format!("{:.1} ({:.1}–{:.1})", x.0 / 1000.0, x.1 / 1000.0, x.2 / 1000.0);
    println!();
    println!(
        "rquickjs 0.14.0 (QuickJS-ng 0.16.2); µs per run, median of {} batches (min–max); panels as {}; botContext with {} methods",
        if opts.quick { 5 } else { 7 },
        if opts.top_level { "global scripts" } else { "function bodies" },
        opts.methods.len()
    );
    println!();
    println!("| script | fresh context (µs) | reused context (µs) | reused context, precompiled function (µs) |");
    println!("|---|---:|---:|---:|");
    for (name, fresh, eval, compiled) in &rows {
        println!("| {name} | {} | {} | {} |", us(*fresh), us(*eval), us(*compiled));
    }
    println!("| (reference: empty `Runtime::new` + `Context::full`, dropped) | {} | – | – |", us(empty));
    println!();
    let extra: Vec<&String> = args.iter().collect();
    println!(
        "Command: `cd tools/quickjs-baseline && env -u RUST_BACKTRACE CARGO_TARGET_DIR=/tmp/qjs-target cargo run --release{}{}`",
        if extra.is_empty() { "" } else { " -- " },
        extra.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(" ")
    );
}
