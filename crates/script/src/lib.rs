//! Compiles Conversation Builder JavaScript to WebAssembly and runs it in a
//! sandbox against `botContext`.
//!
//! CB code panels and global functions are ES5-era scripts (shared
//! JS-USAGE.md). cbot compiles all of a bot's scripts ahead of time into one
//! wasm module (no JavaScript engine at run time), then runs each panel in
//! wasmtime. Every run starts from fresh state (undefined globals, an empty
//! heap), so nothing leaks between runs; the stores themselves are reused,
//! reset (see [`Program::session`]). A run is bounded by a CPU budget
//! (wasmtime fuel), a heap quota and a stack limit; hitting one stops the
//! run with an error naming the limit.
//!
//! Use [`Engine`] once per process, [`Engine::compile`] once per bot, and
//! [`Program::run`] per panel execution.
//!
//! # Example
//!
//! ```
//! use cbot_host::OfflineContext;
//! use cbot_script::{Engine, ScriptKind, ScriptSource};
//!
//! let engine = Engine::new(Default::default()).unwrap();
//! let src = "var m = 'Transferring you';\n\
//!            if (botContext.getChannel() == 'web') botContext.sendMessage(m);\n\
//!            else botContext.setBotVariable('transferMessage', m, true, false);";
//! let program = engine.compile(&[ScriptSource { name: "check", text: src, kind: ScriptKind::Panel }]).unwrap();
//! let mut ctx = OfflineContext::default();
//! ctx.channel = "sms".into();
//! let run = program.run("check", ctx).unwrap();
//! assert_eq!(run.transcript.calls[1].method, "setBotVariable");
//! assert!(run.error.is_none());
//! ```
//!
//! # Errors
//!
//! Compilation reports [`ScriptDiagnostic`]s (S001 syntax, S002 nested too
//! deeply to compile, S010 outside CB's dialect, S020 not supported yet). A
//! run reports a [`RunError`]: a JavaScript exception (with its name,
//! message and source position) or an exhausted [`Limits`] field.

#![deny(missing_docs)]

mod calls;
mod compile;
mod date;
mod json_parse;
mod nesting;
mod regexp;
mod runtime;
mod scope;
pub mod value;

pub use compile::{ScriptDiagnostic, ScriptKind, ScriptSource};
pub use runtime::JsError;

/// Days since 1970-01-01 of a proleptic Gregorian date (month 1–12, day
/// 1–31, not checked against the month's length): the calendar `Date`
/// uses, for callers that read dates themselves (test clocks).
pub fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    date::days_from_civil(year, i64::from(month) - 1, i64::from(day))
}

use cbot_host::{BotContext, Transcript, Value};
use runtime::{HeapLimit, Host};
use std::sync::Arc;
use wasmtime::AsContextMut;

/// Bounds on one run. Defaults are generous for CB scripts (which CB itself
/// stops after 5 s, CB-SPEC §8) and small enough to keep a host safe.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// CPU budget in wasmtime fuel units (about one per wasm instruction).
    /// Default 50 million: far beyond any real panel, well under a second.
    pub fuel: u64,
    /// Bytes of strings, arrays and objects a run may allocate. Default 16 MiB.
    pub heap_bytes: usize,
    /// Wasm stack a run may use, which bounds recursion depth. Default 512 KiB.
    pub stack_bytes: usize,
    /// `botContext` calls a run may make. Default 10,000: CB scripts make a
    /// few dozen; every call leaves a message, a variable or a transcript
    /// entry behind in the conversation, so a loop of them must stop.
    pub calls: u32,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { fuel: 50_000_000, heap_bytes: 16 << 20, stack_bytes: 512 << 10, calls: 10_000 }
    }
}

/// Which limit a run hit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limit {
    /// [`Limits::fuel`].
    Fuel,
    /// [`Limits::heap_bytes`].
    Heap,
    /// [`Limits::stack_bytes`] (runaway recursion), or data nested too deep
    /// for the host to walk (an array inside an array 100,000 times over).
    Stack,
    /// [`Limits::calls`].
    Calls,
}

impl Limit {
    /// The limit's name as users see it.
    pub fn name(self) -> &'static str {
        match self {
            Limit::Fuel => "CPU budget (fuel)",
            Limit::Heap => "heap quota",
            Limit::Stack => "call depth (wasm stack)",
            Limit::Calls => "botContext call quota",
        }
    }

    /// The message of the trap that ends a run at this limit when the host
    /// notices it (wasmtime reports fuel and stack exhaustion in wasm code
    /// by itself).
    fn trap_message(self) -> &'static str {
        match self {
            Limit::Fuel => "cbot: CPU budget exhausted by host work",
            Limit::Heap => HEAP_EXCEEDED,
            Limit::Stack => "cbot: data nested too deep for the host",
            Limit::Calls => "cbot: botContext call quota exceeded",
        }
    }
}

/// Why a run stopped early.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RunError {
    /// An uncaught JavaScript exception.
    Js {
        /// The error.
        error: JsError,
        /// Script index and byte offset of the statement that threw.
        at: (usize, usize),
    },
    /// A limit was hit.
    Limit(Limit),
    /// Anything else wasmtime reported (a bug in cbot).
    Internal(String),
}

impl std::fmt::Display for RunError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RunError::Js { error, .. } => write!(f, "{}: {}", error.name, error.message),
            RunError::Limit(l) => write!(f, "the script exceeded its {}", l.name()),
            RunError::Internal(m) => write!(f, "internal error: {m}"),
        }
    }
}

/// What a run did.
pub struct Run<C> {
    /// The context, with the run's effects.
    pub context: C,
    /// Every `botContext` call, in order.
    pub transcript: Transcript,
    /// The panel's return value (`undefined` when it failed).
    pub value: Value,
    /// Why the run stopped early, if it did.
    pub error: Option<RunError>,
    /// Fuel the run used (all of [`Limits::fuel`] when it ran out).
    pub fuel: u64,
    /// Bytes of values the run handed to `botContext` (messages, variables:
    /// what outlives the run), as the heap quota counts them.
    pub handed: usize,
}

/// Errors building the engine or a program.
#[derive(Debug)]
pub enum Error {
    /// The scripts did not compile.
    Compile(Vec<ScriptDiagnostic>),
    /// wasmtime refused the module or configuration (a bug in cbot).
    Wasmtime(String),
    /// No panel has that name.
    NoSuchPanel(String),
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::Compile(d) => write!(f, "{} script problem(s)", d.len()),
            Error::Wasmtime(m) => write!(f, "wasmtime: {m}"),
            Error::NoSuchPanel(n) => write!(f, "no code panel named {n:?}"),
        }
    }
}

impl std::error::Error for Error {}

/// One per process: the wasmtime engine and the host functions.
pub struct Engine {
    engine: wasmtime::Engine,
    linker: wasmtime::Linker<Host>,
    limits: Limits,
    clock: Clock,
    /// Minutes east of UTC (`set_time_zone`).
    time_zone: i32,
    /// Programs compiled by this engine, by their sources: loading the same
    /// bot again (a reload, a test run per file) skips oxc, the code
    /// generator and cranelift. In memory only: a compiled module read back
    /// from disk would be native code run on trust (wasmtime's
    /// `Module::deserialize` is `unsafe` for that reason), and whoever could
    /// write the cache directory could then escape the sandbox.
    cache: std::sync::Mutex<ProgramCache>,
}

/// At most this many programs are kept by [`Engine`]'s cache.
const PROGRAM_CACHE_SIZE: usize = 32;

/// Compiled programs with the sources they came from (compared in full on
/// a hit: a hash collision must not run another bot's code).
#[derive(Default)]
struct ProgramCache {
    entries: Vec<Cached>,
    hits: u64,
}

/// One cached program: its key, its sources (name, text, kind), itself.
struct Cached {
    key: u64,
    sources: Vec<(String, String, ScriptKind)>,
    program: Program,
}

fn sources_key(sources: &[ScriptSource<'_>]) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    for s in sources {
        s.name.hash(&mut h);
        s.text.hash(&mut h);
        (s.kind == ScriptKind::Globals).hash(&mut h);
    }
    h.finish()
}

/// Where `new Date()` and `Date.now()` get the time: milliseconds since the
/// Unix epoch. Inject a fixed clock for deterministic tests.
pub type Clock = Arc<dyn Fn() -> f64 + Send + Sync>;

/// The system clock.
pub fn system_clock() -> Clock {
    Arc::new(|| {
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0.0, |d| d.as_millis() as f64)
    })
}

/// What every host operation does after its work: nothing, almost always
/// (inlined into the `op` import, the rest out of line).
#[inline(always)]
fn host_op(caller: &mut wasmtime::Caller<'_, Host>, v: i64) -> wasmtime::Result<i64> {
    let host = caller.data();
    // `settle_at` is 0 once a limit, the heap quota or `stop` ends the run.
    if host.work.get() < host.settle_at.get() {
        return Ok(v);
    }
    host_op_settle(caller, v)
}

#[cold]
#[inline(never)]
fn host_op_settle(caller: &mut wasmtime::Caller<'_, Host>, v: i64) -> wasmtime::Result<i64> {
    let host = caller.data();
    // A built-in settled before it ran (`exact_op`); what it did since pays
    // in the batch like any other work, so at most `SETTLE_EVERY` stays owed.
    if host.work.get() >= SETTLE_EVERY || host.tripped.get().is_some() {
        settle(caller)?;
    }
    if caller.data().heap_exceeded {
        return Err(wasmtime::Error::msg(HEAP_EXCEEDED));
    }
    if caller.data().stop {
        return Err(wasmtime::Error::msg(STOPPED));
    }
    Ok(v)
}

/// Host work units (bytes scanned, properties searched, regex steps;
/// `Host::spend`) one unit of fuel pays for: about as long in the host as
/// a wasm instruction takes. Fuel counts wasm instructions, but a single host
/// operation can scan megabytes (`s.indexOf(x)` on a long string, a
/// property search in a big object): without this a loop of such calls
/// would run for hours on a budget meant for a second.
pub(crate) const WORK_PER_FUEL: u64 = 1;

/// Fuel every host operation costs on top of its work: the call itself
/// (argument checks, dispatch, the trampoline) costs far more than the
/// wasm instruction that makes it.
const HOST_OP_FUEL: u64 = 20;

/// Host work that may stay unpaid between settlements. Reading and
/// writing a store's fuel costs about as much as a cheap host operation
/// (a property read) does itself, so cheap operations pay in batches: a run
/// can go over its budget by at most this much (a few microseconds) before
/// it stops, and the fuel a run that ends normally (or with a JavaScript
/// error) reports is exact: the rest is paid at its end.
pub(crate) const SETTLE_EVERY: u64 = 4096;

/// Whether host operation `op` runs built-ins, whose work can be large and
/// must be bounded by the fuel really left (`Host::spend` against
/// `work_left`): those settle before they run, and their work then pays in
/// the batch like the rest's (a call that did `SETTLE_EVERY` or more settles
/// at once). The rest (property reads and
/// writes, literals, operators) pay in batches (`SETTLE_EVERY`); their
/// `spend`s check against the fuel left at the last settlement, which can
/// overstate what is left by what wasm code used since, so at worst such an
/// operation does one budget's worth of work before the run stops.
/// `botContext`'s methods (`a`, the receiver of a method call) are not
/// built-ins in this sense: their work is copying their arguments out
/// (paid per value, `Host::copy_out`, and bounded by the heap quota) and
/// the result in, as a property read's is; they pay in the batch (the
/// settlement cost about a sixth of a `printDebugMessage` call).
fn exact_op(op: i32, a: i64) -> bool {
    use runtime::op;
    match op {
        op::CALL_METHOD | op::CALL_METHOD1 => value::as_reference(a) != Some(compile::BOT_CONTEXT_SLOT),
        op::CALL_BUILTIN | op::CALL_NATIVE | op::CONSTRUCT | op::NEW | op::REGEXP => true,
        _ => false,
    }
}

/// Pays the host work done since the last settlement out of the run's fuel,
/// tells the host how much work it may still do (`Host::spend`), and turns
/// a limit the host noticed into the trap that ends the run. Called around
/// built-in calls, every `SETTLE_EVERY` units of other work, before the host
/// calls back into JavaScript (so the callback runs on what is really left)
/// and after it.
pub(crate) fn settle(caller: &mut wasmtime::Caller<'_, Host>) -> wasmtime::Result<()> {
    pay(&mut caller.as_context_mut())?;
    match caller.data().tripped.get() {
        Some(limit) => Err(wasmtime::Error::msg(limit.trap_message())),
        None => Ok(()),
    }
}

/// The bookkeeping half of [`settle`], for a store or a caller.
fn pay(store: &mut wasmtime::StoreContextMut<'_, Host>) -> wasmtime::Result<()> {
    let owed = store.data().work.take() / WORK_PER_FUEL;
    let mut fuel = store.get_fuel()?;
    if owed > 0 {
        store.set_fuel(fuel.saturating_sub(owed))?;
        if owed > fuel {
            store.data().trip(Limit::Fuel);
        }
        fuel = fuel.saturating_sub(owed);
    }
    store.data_mut().work_left = fuel.saturating_mul(WORK_PER_FUEL);
    Ok(())
}

const HEAP_EXCEEDED: &str = "cbot: heap quota exceeded";
/// Not an error: `sendImmediateReply` ends the script (CB-SPEC §3.4), like a
/// trap that `catch` cannot see.
const STOPPED: &str = "cbot: script stopped by sendImmediateReply";

/// Which of wasmtime's compilers turns a bot's WebAssembly into machine
/// code. Both run the same WebAssembly with the same limits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Compiler {
    /// Cranelift, the optimising compiler: what bots run on.
    #[default]
    Optimizing,
    /// Winch, wasmtime's baseline compiler: compiles about three times
    /// faster, runs slower. For work that compiles far more than it runs
    /// (`cbot fuzz js` compiles every program it runs once).
    Baseline,
}

impl Engine {
    /// Builds the engine with these limits.
    pub fn new(limits: Limits) -> Result<Engine, Error> {
        Engine::with_compiler(limits, Compiler::Optimizing)
    }

    /// Builds the engine with these limits and this compiler.
    pub fn with_compiler(limits: Limits, compiler: Compiler) -> Result<Engine, Error> {
        let mut config = wasmtime::Config::new();
        if compiler == Compiler::Baseline {
            config.strategy(wasmtime::Strategy::Winch);
        }
        config.consume_fuel(true);
        config.max_wasm_stack(limits.stack_bytes);
        let engine = wasmtime::Engine::new(&config).map_err(|e| Error::Wasmtime(e.to_string()))?;
        let mut linker = wasmtime::Linker::new(&engine);
        let wt = |e: wasmtime::Error| Error::Wasmtime(e.to_string());
        // One import for every operation; the code ranges say the arity
        // (runtime.rs `op`).
        linker
            .func_wrap("cbot", "op", |mut c: wasmtime::Caller<'_, Host>, op: i32, a: i64, b: i64, d: i64| {
                c.data().add_work(HOST_OP_FUEL * WORK_PER_FUEL);
                let exact = exact_op(op, a);
                if exact {
                    settle(&mut c)?;
                }
                let v = match op {
                    // Property reads, the commonest operations, straight to
                    // the heap while no accessor exists (calls.rs handles
                    // getters).
                    runtime::op::GET | runtime::op::GET2 if c.data().plain_reads() => c.data_mut().read(op, a, b, d),
                    // Read paths: straight to the heap unless a getter may run.
                    _ if op >= 256 && op & 0xFF == runtime::op::GET_PATH => {
                        let n = ((op >> 8) as usize).wrapping_sub(1);
                        if c.data().plain_reads() {
                            c.data_mut().read_path(n, a, b, d)
                        } else {
                            calls::get_path(&mut c, n, a, b, d)?
                        }
                    }
                    // So is `+` when no script valueOf/toString is involved.
                    runtime::op::ADD | runtime::op::CAT_START | runtime::op::CAT_MORE | runtime::op::CAT_END
                        if !c.data().user_conversion(a) && !c.data().user_conversion(b) =>
                    {
                        c.data_mut().op2(op, a, b)
                    }
                    runtime::op::CAT_MORE_LITERAL | runtime::op::CAT_END_LITERAL
                        if !c.data().user_conversion(a) && !c.data().user_conversion(b) =>
                    {
                        c.data_mut().concat_literal(op, a, b, d)
                    }
                    ..40 => calls::op2(&mut c, op, a, b)?,
                    40..60 => calls::op1(&mut c, op, a)?,
                    60..256 => calls::op3(&mut c, op, a, b, d)?,
                    _ => c.data_mut().op_with(op & 0xFF, ((op >> 8) as usize).wrapping_sub(1), a, b, d),
                };
                host_op(&mut c, v)
            })
            .map_err(wt)?;
        Ok(Engine { engine, linker, limits, clock: system_clock(), time_zone: 0, cache: Default::default() })
    }

    /// Sets the clock scripts see (the system clock by default).
    pub fn set_clock(&mut self, clock: Clock) -> &mut Self {
        self.clock = clock;
        self
    }

    /// Sets the local time zone of `Date` as a fixed offset in minutes east
    /// of UTC (UTC, 0, by default, so runs are reproducible anywhere; a bot's
    /// brand time zone is usually a fixed offset in its scripts anyway).
    /// Out-of-range offsets are clamped to ±14 hours.
    pub fn set_time_zone(&mut self, minutes_east: i32) -> &mut Self {
        self.time_zone = minutes_east.clamp(-14 * 60, 14 * 60);
        self
    }

    /// Compiles a bot's scripts into one program (or gives back the one
    /// this engine already compiled from the same sources, with the
    /// engine's current clock, limits and time zone).
    pub fn compile(&self, sources: &[ScriptSource<'_>]) -> Result<Program, Error> {
        let key = sources_key(sources);
        if let Ok(mut cache) = self.cache.lock() {
            let same = |e: &&Cached| {
                e.key == key
                    && e.sources.len() == sources.len()
                    && e.sources.iter().zip(sources).all(|(a, b)| a.0 == b.name && a.1 == b.text && a.2 == b.kind)
            };
            let hit = cache.entries.iter().find(same).map(|e| e.program.clone());
            if let Some(p) = hit {
                let settings =
                    (p.0.limits == self.limits, Arc::ptr_eq(&p.0.clock, &self.clock), p.0.time_zone == self.time_zone);
                if settings == (true, true, true) {
                    cache.hits += 1;
                    return Ok(p);
                }
            }
        }
        let program = self.compile_uncached(sources)?;
        if let Ok(mut cache) = self.cache.lock() {
            if cache.entries.len() >= PROGRAM_CACHE_SIZE {
                cache.entries.remove(0);
            }
            let owned = sources.iter().map(|s| (s.name.to_string(), s.text.to_string(), s.kind)).collect();
            cache.entries.push(Cached { key, sources: owned, program: program.clone() });
        }
        Ok(program)
    }

    /// How many compilations the program cache has saved so far.
    pub fn cache_hits(&self) -> u64 {
        self.cache.lock().map_or(0, |c| c.hits)
    }

    /// Forgets every cached program (the next compile of any bot is cold).
    pub fn clear_cache(&self) {
        if let Ok(mut c) = self.cache.lock() {
            c.entries.clear();
        }
    }

    fn compile_uncached(&self, sources: &[ScriptSource<'_>]) -> Result<Program, Error> {
        let out = compile::compile(sources).map_err(Error::Compile)?;
        let module = wasmtime::Module::new(&self.engine, &out.wasm).map_err(|e| Error::Wasmtime(format!("{e:#}")))?;
        let pre = self.linker.instantiate_pre(&module).map_err(|e| Error::Wasmtime(e.to_string()))?;
        let exports = (0..out.panels.len())
            .map(|k| {
                module
                    .get_export_index(&format!("panel{k}"))
                    .ok_or_else(|| Error::Wasmtime(format!("panel{k} missing")))
            })
            .collect::<Result<Vec<_>, _>>()?;
        let consts = Host::constants(&out.strings);
        Ok(Program(Arc::new(ProgramInner {
            exports,
            engine: self.engine.clone(),
            pre,
            wasm: out.wasm,
            consts: consts.clone(),
            regexes: Arc::new(out.regexes),
            tables: runtime::Tables {
                fn_info: out.fn_info.into(),
                shapes: out.shapes.into_iter().map(runtime::Shape::new).collect(),
                names: Arc::new(out.strings.iter().cloned().collect()),
                paths: out.paths.into(),
                trees: out.trees.into(),
                bot_methods: Host::constant_methods(&consts),
            },
            strings: out.strings.into(),
            panels: out.panels,
            limits: self.limits,
            clock: self.clock.clone(),
            time_zone: self.time_zone,
            heap_hint: Default::default(),
            idle: Default::default(),
        })))
    }

    /// Compiles without wasmtime and returns what is wrong (empty when the
    /// scripts compile): what `cbot check` reports.
    pub fn check(sources: &[ScriptSource<'_>]) -> Vec<ScriptDiagnostic> {
        compile::compile(sources).err().unwrap_or_default()
    }

    /// Compiles without instantiating and returns the module as WebAssembly
    /// text, so anyone can read what a script compiles to (`--emit-wat`).
    pub fn wat(sources: &[ScriptSource<'_>]) -> Result<String, Error> {
        let out = compile::compile(sources).map_err(Error::Compile)?;
        wasmprinter::print_bytes(&out.wasm).map_err(|e| Error::Wasmtime(e.to_string()))
    }
}

/// A compiled bot: immutable, cheap to run many times, cheap to clone
/// (clones share the compiled module).
#[derive(Clone)]
pub struct Program(Arc<ProgramInner>);

struct ProgramInner {
    engine: wasmtime::Engine,
    pre: wasmtime::InstancePre<Host>,
    wasm: Vec<u8>,
    strings: Arc<[Arc<str>]>,
    consts: Arc<[runtime::Obj]>,
    /// The regex literals, compiled with the program; `new RegExp` adds to it.
    regexes: Arc<regexp::RegexCache>,
    /// Function names, object literal key lists, property names, read
    /// paths (`runtime::Tables`).
    tables: runtime::Tables,
    panels: Vec<String>,
    /// Each panel's export, resolved once (looking it up by name per run
    /// showed in profiles).
    exports: Vec<wasmtime::ModuleExport>,
    limits: Limits,
    clock: Clock,
    time_zone: i32,
    /// How many heap slots this program's runs have needed (the most seen,
    /// at most `HEAP_HINT_MAX`): a new session's heap starts that big
    /// rather than growing by doubling through its first run, which copied
    /// every slot made so far each time (~2 % of a fresh run of the JSON
    /// panel).
    heap_hint: std::sync::atomic::AtomicUsize,
    /// The stores of ended sessions with their instances, emptied
    /// (`Host::release`), for the next sessions, so that neither
    /// [`Program::run`] nor a new [`Session`] creates a store, instantiates
    /// the module and looks up its exports each time (about 10 k
    /// instructions, 3–4 µs: most of a small panel's run). A run is as
    /// isolated in a reused store as in a new one: its mutable state is the
    /// wasm globals, which every panel sets to `undefined` before it starts
    /// (compile.rs), and the host heap, emptied by `Host::reset` (the same
    /// reset every run of a [`Session`] relies on). A store whose run
    /// trapped is never kept. At most `STORES_KEPT`.
    idle: std::sync::Mutex<Vec<SessionState>>,
}

/// How many idle stores a program keeps (about one per thread running it
/// at once).
const STORES_KEPT: usize = 8;

/// The largest heap a session starts with, in slots (at most 40 bytes each:
/// `runtime::tests::heap_slots_stay_small`), so 160 KiB.
const HEAP_HINT_MAX: usize = 4096;

impl Program {
    /// The panel names, in order.
    pub fn panels(&self) -> &[String] {
        &self.0.panels
    }

    /// The limits of each run.
    pub fn limits(&self) -> Limits {
        self.0.limits
    }

    /// The module's bytes.
    pub fn wasm(&self) -> &[u8] {
        &self.0.wasm
    }

    /// Runs one panel against `context` in a fresh sandbox: a session of
    /// its own, whose store and instance are an ended session's (reset) when
    /// the program has one idle, or new.
    pub fn run<C: BotContext + Send + 'static>(&self, panel: &str, context: C) -> Result<Run<C>, Error> {
        self.session().run(panel, context)
    }

    /// A session: runs share one store and instance, reset between runs
    /// (wasm globals, host heap, fuel), which skips the per-run cost of
    /// creating them. Isolation is the same as in a new store: a run's
    /// mutable state is exactly those globals and that heap (the modules
    /// have no memory, and their function table is never written). After a
    /// trap the store is discarded. A dropped session's store goes back to
    /// the program for the next session or [`Program::run`]. The session
    /// holds its own handle on the program, so it can live as long as a
    /// conversation.
    pub fn session(&self) -> Session {
        Session { program: self.clone(), state: None, clock: None, rng: random_seed() }
    }

    /// Whether the program has a panel of this name.
    pub fn has_panel(&self, panel: &str) -> bool {
        self.0.panel_index(panel).is_ok()
    }

    /// The position of a panel in [`Program::panels`], for
    /// [`Session::run_index`].
    pub fn panel_index(&self, panel: &str) -> Option<usize> {
        self.0.panel_index(panel).ok()
    }
}

impl ProgramInner {
    fn panel_index(&self, panel: &str) -> Result<usize, Error> {
        self.panels.iter().position(|p| p == panel).ok_or_else(|| Error::NoSuchPanel(panel.to_string()))
    }
}

/// Runs of one [`Program`] that reuse a store and instance (see
/// [`Program::session`]). Use one per conversation or per thread.
pub struct Session {
    program: Program,
    state: Option<SessionState>,
    /// A clock for this session's runs instead of the program's.
    clock: Option<Clock>,
    /// The state of `Math.random` (a SplitMix64 stream that continues
    /// across the session's runs).
    rng: u64,
}

/// The store, the instance and the panels' functions looked up so far.
type SessionState = (wasmtime::Store<Host>, wasmtime::Instance, Vec<Option<wasmtime::TypedFunc<(), i64>>>);

/// A seed for `Math.random` when none is given: the time, mixed.
fn random_seed() -> u64 {
    let t = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos() as u64);
    t ^ 0x9E37_79B9_7F4A_7C15
}

impl Session {
    /// Seeds `Math.random` (for reproducible conversations).
    pub fn set_seed(&mut self, seed: u64) {
        self.rng = seed;
    }

    /// `Math.random`'s state now: [`Session::set_seed`] with it goes on
    /// with the same sequence (for saving a conversation).
    pub fn rng_state(&self) -> u64 {
        self.rng
    }

    /// The clock this session's runs read (`new Date()`), instead of the
    /// engine's.
    pub fn set_clock(&mut self, clock: Clock) {
        self.clock = Some(clock);
    }

    /// Creates the store and instance now rather than on the first run
    /// (a conversation does this when it starts, so its turns do not pay
    /// for it).
    pub fn prepare(&mut self) -> Result<(), Error> {
        if self.state.is_none() {
            let p = &*self.program.0;
            self.state = p.idle.lock().ok().and_then(|mut idle| idle.pop());
        }
        if self.state.is_none() {
            let p = &*self.program.0;
            let wt = |e: wasmtime::Error| Error::Wasmtime(e.to_string());
            let host = Host::new(
                None,
                p.strings.clone(),
                p.consts.clone(),
                p.regexes.clone(),
                p.tables.clone(),
                HeapLimit(p.limits.heap_bytes),
                p.limits.calls,
            );
            let mut store = wasmtime::Store::new(&p.engine, host);
            store.data_mut().reserve_heap(p.heap_hint.load(std::sync::atomic::Ordering::Relaxed));
            let instance = p.pre.instantiate(&mut store).map_err(wt)?;
            self.state = Some((store, instance, vec![None; p.panels.len()]));
        }
        Ok(())
    }

    /// Runs one panel against `context`.
    pub fn run<C: BotContext + Send + 'static>(&mut self, panel: &str, context: C) -> Result<Run<C>, Error> {
        let k = self.program.0.panel_index(panel)?;
        self.run_index(k, context)
    }

    /// Runs panel number `k` (its position in [`Program::panels`]; see
    /// [`Program::panel_index`]): no name lookup.
    #[expect(
        clippy::indexing_slicing,
        clippy::expect_used,
        reason = "k < panels.len() is checked first and `funcs` has a slot per panel; the context is put in the \
                  store as a `C` before the call and host calls only borrow it"
    )]
    pub fn run_index<C: BotContext + Send + 'static>(&mut self, k: usize, context: C) -> Result<Run<C>, Error> {
        self.prepare()?;
        let p = &*self.program.0;
        if k >= p.panels.len() {
            return Err(Error::NoSuchPanel(format!("#{k}")));
        }
        let wt = |e: wasmtime::Error| Error::Wasmtime(e.to_string());
        let Some((mut store, instance, mut funcs)) = self.state.take() else {
            return Err(Error::Wasmtime("the session has no store".into()));
        };
        store.data_mut().reset(self.clock.as_ref().unwrap_or(&p.clock));
        store.data_mut().rng = self.rng;
        store.data_mut().tz = p.time_zone;
        store.data_mut().ctx = Some(Box::new(context));
        store.set_fuel(p.limits.fuel).map_err(wt)?;
        let func = match &funcs[k] {
            Some(f) => f.clone(),
            None => {
                let f = instance
                    .get_module_export(&mut store, &p.exports[k])
                    .and_then(wasmtime::Extern::into_func)
                    .ok_or_else(|| Error::Wasmtime(format!("panel{k} is not exported")))?
                    .typed::<(), i64>(&store)
                    .map_err(wt)?;
                funcs[k] = Some(f.clone());
                f
            }
        };
        let mut result = func.call(&mut store, ());
        // What cheap operations left unpaid (see `SETTLE_EVERY`) is paid now,
        // so the fuel reported is exact and a run that went over stops here.
        if result.is_ok() {
            let paid = pay(&mut store.as_context_mut());
            if let Some(limit) = store.data().tripped.get() {
                result = Err(wasmtime::Error::msg(limit.trap_message()));
            } else if let Err(e) = paid {
                result = Err(e);
            }
        }
        let mut keep = true;
        let (value, error) = match result {
            Ok(v) if v == value::EXCEPTION => {
                let loc =
                    instance.get_global(&mut store, "loc").and_then(|g| g.get(&mut store).i32()).unwrap_or(0) as u32;
                let at = ((loc >> 22) as usize, (loc & ((1 << 22) - 1)) as usize);
                let error = store
                    .data_mut()
                    .error
                    .take()
                    .unwrap_or(JsError { name: "Error".into(), message: "unknown".into() });
                (Value::Undefined, Some(RunError::Js { error, at }))
            }
            // The return value is read after the run, as big as the heap
            // quota allows, whatever fuel the run left. One that does not
            // fit (a value sharing itself 2^25 times over) is the heap
            // limit, not a copy cut short with nulls.
            Ok(v) => {
                store.data_mut().work_left = u64::MAX;
                let value = store.data().to_host_within(v, 0, &mut store.data().heap_limit());
                match store.data().tripped.get() {
                    Some(limit) => (Value::Undefined, Some(RunError::Limit(limit))),
                    None => (value, None),
                }
            }
            Err(e) => {
                // A trap leaves the instance in an unknown state: start over.
                keep = false;
                if store.data().stop { (Value::Undefined, None) } else { (Value::Undefined, Some(classify(&e))) }
            }
        };
        let fuel = p.limits.fuel.saturating_sub(store.get_fuel().unwrap_or(0));
        let host = store.data_mut();
        p.heap_hint.fetch_max(host.heap_len().min(HEAP_HINT_MAX), std::sync::atomic::Ordering::Relaxed);
        let handed = host.handed;
        self.rng = host.rng;
        let ctx = host.ctx.take().expect("the context put in above");
        let transcript = std::mem::take(&mut host.transcript);
        let context = *ctx.into_any().downcast::<C>().expect("the context type put in");
        if keep {
            self.state = Some((store, instance, funcs));
        }
        Ok(Run { context, transcript, value, error, fuel, handed })
    }
}

impl Drop for Session {
    /// Hands the store, emptied, to the program's pool
    /// (`ProgramInner::idle`).
    fn drop(&mut self) {
        let Some(mut state) = self.state.take() else { return };
        state.0.data_mut().release(HEAP_HINT_MAX);
        if let Ok(mut idle) = self.program.0.idle.lock()
            && idle.len() < STORES_KEPT
        {
            idle.push(state);
        }
    }
}

fn classify(e: &wasmtime::Error) -> RunError {
    if let Some(trap) = e.downcast_ref::<wasmtime::Trap>() {
        return match trap {
            wasmtime::Trap::OutOfFuel => RunError::Limit(Limit::Fuel),
            wasmtime::Trap::StackOverflow => RunError::Limit(Limit::Stack),
            other => RunError::Internal(other.to_string()),
        };
    }
    let text = format!("{e:#}");
    for limit in [Limit::Heap, Limit::Fuel, Limit::Stack, Limit::Calls] {
        if text.contains(limit.trap_message()) {
            return RunError::Limit(limit);
        }
    }
    RunError::Internal(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn src<'a>(name: &'a str, text: &'a str) -> ScriptSource<'a> {
        ScriptSource { name, text, kind: ScriptKind::Panel }
    }

    #[test]
    fn the_program_cache_hits_only_on_the_same_sources_and_settings() {
        let mut engine = Engine::new(Limits::default()).unwrap();
        engine.compile(&[src("a", "var x = 1;")]).unwrap();
        engine.compile(&[src("a", "var x = 1;")]).unwrap();
        assert_eq!(engine.cache_hits(), 1);
        // Another text, another name: compiled anew.
        engine.compile(&[src("a", "var x = 2;")]).unwrap();
        engine.compile(&[src("b", "var x = 1;")]).unwrap();
        assert_eq!(engine.cache_hits(), 1);
        // A program carries the engine's clock: a new clock compiles again.
        engine.set_clock(Arc::new(|| 0.0));
        engine.compile(&[src("a", "var x = 1;")]).unwrap();
        assert_eq!(engine.cache_hits(), 1);
        engine.clear_cache();
        engine.compile(&[src("a", "var x = 1;")]).unwrap();
        assert_eq!(engine.cache_hits(), 1);
    }

    #[test]
    fn the_program_cache_keeps_the_latest_programs() {
        let engine = Engine::new(Limits::default()).unwrap();
        let texts: Vec<String> = (0..=PROGRAM_CACHE_SIZE).map(|k| format!("var x = {k};")).collect();
        for t in &texts {
            engine.compile(&[src("p", t)]).unwrap();
        }
        // One more than the cache holds: the first is gone, the last is kept.
        engine.compile(&[src("p", &texts[PROGRAM_CACHE_SIZE])]).unwrap();
        assert_eq!(engine.cache_hits(), 1);
        engine.compile(&[src("p", &texts[0])]).unwrap();
        assert_eq!(engine.cache_hits(), 1);
    }
}
