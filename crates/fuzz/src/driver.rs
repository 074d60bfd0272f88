//! Runs a target: worker threads generate and check inputs until the time
//! or run budget is spent or something is found; a monitor thread prints
//! progress and watches for hangs. Panics are caught (the default panic
//! message is silenced on fuzzing threads only), findings are minimised
//! and written to `<save_dir>/<target>/<hash>.<ext>`.

use crate::rng::{Rng, splitmix64};
use crate::{Finding, Target, Worker};
use std::cell::{Cell, RefCell};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

/// How to run a target.
#[derive(Debug, Clone)]
pub struct Options {
    /// Stop after this long (when neither this nor `runs` is set: 10 s).
    pub time: Option<Duration>,
    /// Stop after this many executions.
    pub runs: Option<u64>,
    /// The seed: the same seed and `jobs` give the same inputs.
    pub seed: u64,
    /// Worker threads.
    pub jobs: usize,
    /// Where findings are written (`<save_dir>/<target>/…`); `None` keeps
    /// them in the report only.
    pub save_dir: Option<PathBuf>,
    /// An execution running longer than this is a hang.
    pub deadline: Duration,
    /// Time spent at most on minimising a finding.
    pub minimize_time: Duration,
    /// Print progress to stderr every few seconds.
    pub progress: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            time: None,
            runs: None,
            seed: 1,
            jobs: 1,
            save_dir: None,
            deadline: Duration::from_secs(10),
            minimize_time: Duration::from_secs(60),
            progress: false,
        }
    }
}

/// A finding, its (minimised) input and where it was written.
#[derive(Debug, Clone)]
pub struct Saved {
    /// What went wrong (on the minimised input).
    pub finding: Finding,
    /// The minimised input.
    pub input: Vec<u8>,
    /// The size of the input as generated.
    pub original_len: usize,
    /// The file written, if any.
    pub path: Option<PathBuf>,
}

/// The result of a run.
#[derive(Debug, Clone)]
pub struct Report {
    /// The target's name.
    pub target: &'static str,
    /// The seed.
    pub seed: u64,
    /// Executions completed.
    pub executions: u64,
    /// Wall-clock seconds of fuzzing (minimisation excluded).
    pub seconds: f64,
    /// What was found (the run stops at the first finding).
    pub finding: Option<Saved>,
}

impl Report {
    /// Executions per second.
    pub fn rate(&self) -> f64 {
        if self.seconds > 0.0 { self.executions as f64 / self.seconds } else { 0.0 }
    }
}

// ---- panics ----------------------------------------------------------------

thread_local! {
    /// Set on threads that run inputs: their panics are findings, not
    /// messages for the terminal.
    static FUZZING: Cell<bool> = const { Cell::new(false) };
    /// The last panic on this thread: (location, message).
    static LAST_PANIC: RefCell<Option<(String, String)>> = const { RefCell::new(None) };
}

type Hook = Box<dyn Fn(&std::panic::PanicHookInfo<'_>) + Sync + Send + 'static>;

/// How many runs have the fuzzing hook installed, and the hook it replaced.
static HOOK: Mutex<(usize, Option<Arc<Hook>>)> = Mutex::new((0, None));

/// Installs a panic hook that records panics on fuzzing threads and passes
/// every other thread's panic to the previous hook (tests running beside a
/// fuzz run keep their messages); the previous hook is restored when the
/// last guard drops.
struct HookGuard;

impl HookGuard {
    fn install() -> HookGuard {
        let mut h = HOOK.lock().unwrap_or_else(PoisonError::into_inner);
        if h.0 == 0 {
            let previous: Arc<Hook> = Arc::new(std::panic::take_hook());
            h.1 = Some(previous.clone());
            std::panic::set_hook(Box::new(move |info| {
                if FUZZING.with(Cell::get) {
                    let location = info.location().map_or_else(|| "unknown".to_string(), |l| l.to_string());
                    let payload = info.payload();
                    let message = payload
                        .downcast_ref::<&str>()
                        .map(|s| (*s).to_string())
                        .or_else(|| payload.downcast_ref::<String>().cloned())
                        .unwrap_or_default();
                    LAST_PANIC.with(|p| *p.borrow_mut() = Some((location, message)));
                } else {
                    previous(info);
                }
            }));
        }
        h.0 += 1;
        HookGuard
    }
}

impl Drop for HookGuard {
    fn drop(&mut self) {
        let mut h = HOOK.lock().unwrap_or_else(PoisonError::into_inner);
        h.0 -= 1;
        if h.0 == 0
            && let Some(previous) = h.1.take()
        {
            // The closure we installed holds the other reference.
            let _ = std::panic::take_hook();
            match Arc::try_unwrap(previous) {
                Ok(hook) => std::panic::set_hook(hook),
                Err(shared) => std::panic::set_hook(Box::new(move |info| shared(info))),
            }
        }
    }
}

/// Runs one input, turning a panic into a finding of kind `panic at
/// FILE:LINE:COL`; the flag says whether it panicked.
fn execute_caught(worker: &mut dyn Worker, input: &[u8]) -> Result<(), (Finding, bool)> {
    FUZZING.with(|f| f.set(true));
    let r = catch_unwind(AssertUnwindSafe(|| worker.execute(input)));
    FUZZING.with(|f| f.set(false));
    match r {
        Ok(Ok(())) => Ok(()),
        Ok(Err(f)) => Err((f, false)),
        Err(_) => {
            let (location, message) =
                LAST_PANIC.with(|p| p.borrow_mut().take()).unwrap_or_else(|| ("unknown".to_string(), String::new()));
            Err((Finding::new(format!("panic at {location}"), message), true))
        }
    }
}

/// Runs one input through a fresh worker of `target`: what the replay test
/// does with the files under tests/data/fuzz/.
pub fn replay(target: &dyn Target, input: &[u8]) -> Result<(), Finding> {
    let _hook = HookGuard::install();
    let mut worker = target.worker().map_err(|e| Finding::new("worker failed to start", e))?;
    execute_caught(worker.as_mut(), input).map_err(|(f, _)| f)
}

// ---- the run -----------------------------------------------------------------

/// What a worker thread is running: for the hang watchdog.
struct Slot {
    /// Nanoseconds since the run started when the current execution began
    /// (plus one; 0 = idle).
    started: AtomicU64,
    input: Mutex<Vec<u8>>,
}

struct Shared {
    stop: AtomicBool,
    claimed: AtomicU64,
    done: AtomicU64,
    found: Mutex<Option<(Finding, Vec<u8>)>>,
    slots: Vec<Slot>,
    start: Instant,
}

impl Shared {
    fn report(&self, finding: Finding, input: Vec<u8>) {
        let mut f = self.found.lock().unwrap_or_else(PoisonError::into_inner);
        if f.is_none() {
            *f = Some((finding, input));
        }
        self.stop.store(true, Ordering::SeqCst);
    }
}

/// The seed of job `job`'s generator.
fn job_seed(seed: u64, job: usize) -> u64 {
    let mut s = seed ^ (job as u64).wrapping_mul(0xA076_1D64_78BD_642F);
    splitmix64(&mut s)
}

fn work(target: Arc<dyn Target>, shared: Arc<Shared>, job: usize, seed: u64, runs: Option<u64>) {
    let mut rng = Rng::new(job_seed(seed, job));
    let mut worker = match target.worker() {
        Ok(w) => w,
        Err(e) => {
            shared.report(Finding::new("worker failed to start", e), Vec::new());
            return;
        }
    };
    let slot = &shared.slots[job];
    // A crash (stack overflow, abort) kills the process before anything
    // can be reported: with this set, each input is written to the file
    // before it runs, so the one that crashed is there afterwards.
    let trace = std::env::var_os("CBOT_FUZZ_TRACE").map(|p| PathBuf::from(format!("{}.{job}", p.to_string_lossy())));
    while !shared.stop.load(Ordering::Relaxed) {
        let n = shared.claimed.fetch_add(1, Ordering::Relaxed);
        if runs.is_some_and(|r| n >= r) {
            break;
        }
        FUZZING.with(|f| f.set(true));
        let generated = catch_unwind(AssertUnwindSafe(|| worker.generate(&mut rng)));
        FUZZING.with(|f| f.set(false));
        let input = match generated {
            Ok(i) => i,
            Err(_) => {
                let (location, message) =
                    LAST_PANIC.with(|p| p.borrow_mut().take()).unwrap_or_else(|| ("unknown".into(), String::new()));
                let why = format!("{message} (job {job}, execution {n}: rerun with the same --seed and --jobs)");
                shared.report(Finding::new(format!("panic in the generator at {location}"), why), Vec::new());
                return;
            }
        };
        if let Some(t) = &trace {
            let _ = std::fs::write(t, &input);
        }
        *slot.input.lock().unwrap_or_else(PoisonError::into_inner) = input.clone();
        slot.started.store(shared.start.elapsed().as_nanos() as u64 + 1, Ordering::SeqCst);
        let r = execute_caught(worker.as_mut(), &input);
        slot.started.store(0, Ordering::SeqCst);
        shared.done.fetch_add(1, Ordering::Relaxed);
        if let Err((finding, _)) = r {
            shared.report(finding, input);
            return;
        }
    }
}

/// Runs `target` as `options` say and returns what happened; a finding is
/// minimised and, with a `save_dir`, written there.
pub fn run(target: Arc<dyn Target>, options: &Options) -> Report {
    let _hook = HookGuard::install();
    let jobs = options.jobs.max(1);
    let time = match (options.time, options.runs) {
        (None, None) => Some(Duration::from_secs(10)),
        (t, _) => t,
    };
    let shared = Arc::new(Shared {
        stop: AtomicBool::new(false),
        claimed: AtomicU64::new(0),
        done: AtomicU64::new(0),
        found: Mutex::new(None),
        slots: (0..jobs).map(|_| Slot { started: AtomicU64::new(0), input: Mutex::new(Vec::new()) }).collect(),
        start: Instant::now(),
    });
    let mut handles = Vec::new();
    for job in 0..jobs {
        let (t, s) = (target.clone(), shared.clone());
        let (seed, runs) = (options.seed, options.runs);
        // Threads as small as the ones the library really runs on (tokio
        // workers, test threads): a recursion that overflows there is found.
        let h = std::thread::Builder::new()
            .name(format!("fuzz-{}-{job}", target.name()))
            .stack_size(2 << 20)
            .spawn(move || work(t, s, job, seed, runs));
        match h {
            Ok(h) => handles.push(h),
            Err(e) => shared.report(Finding::new("cannot start a thread", e.to_string()), Vec::new()),
        }
    }
    let mut hung = false;
    let mut last_progress = Instant::now();
    loop {
        std::thread::sleep(Duration::from_millis(20));
        let elapsed = shared.start.elapsed();
        if handles.iter().all(|h| h.is_finished()) {
            break;
        }
        if time.is_some_and(|t| elapsed >= t) {
            shared.stop.store(true, Ordering::SeqCst);
        }
        for slot in &shared.slots {
            let started = slot.started.load(Ordering::SeqCst);
            let now = elapsed.as_nanos() as u64 + 1;
            if started != 0 && now.saturating_sub(started) > options.deadline.as_nanos() as u64 {
                let input = slot.input.lock().unwrap_or_else(PoisonError::into_inner).clone();
                let why = format!("one execution ran longer than {} s", options.deadline.as_secs_f64());
                shared.report(Finding::new("hang", why), input);
                hung = true;
            }
        }
        if hung {
            // The hung thread cannot be stopped; it is left behind (the
            // command exits, a test fails).
            break;
        }
        if options.progress && last_progress.elapsed() >= Duration::from_secs(5) {
            last_progress = Instant::now();
            let done = shared.done.load(Ordering::Relaxed);
            eprintln!(
                "fuzz {}: {done} executions in {:.0} s ({:.0}/s), seed {}",
                target.name(),
                elapsed.as_secs_f64(),
                done as f64 / elapsed.as_secs_f64().max(1e-9),
                options.seed
            );
        }
    }
    if !hung {
        for h in handles {
            let _ = h.join();
        }
    }
    let seconds = shared.start.elapsed().as_secs_f64();
    let executions = shared.done.load(Ordering::SeqCst);
    let found = shared.found.lock().unwrap_or_else(PoisonError::into_inner).take();
    let finding = found.map(|(finding, input)| {
        let original_len = input.len();
        let (finding, input) = if finding.kind == "hang" || input.is_empty() {
            // A hang cannot be re-run safely in this process, and a
            // finding without input (a worker that did not start) has
            // nothing to minimise.
            (finding, input)
        } else {
            if options.progress {
                eprintln!("fuzz {}: found {}; minimising {} bytes", target.name(), finding.kind, input.len());
            }
            minimize(target.as_ref(), finding, input, options.minimize_time)
        };
        let path = if input.is_empty() {
            None
        } else {
            options.save_dir.as_deref().and_then(|d| save(d, target.as_ref(), &input).ok())
        };
        Saved { finding, input, original_len, path }
    });
    Report { target: target.name(), seed: options.seed, executions, seconds, finding }
}

// ---- minimisation ----------------------------------------------------------

/// Greedy delta debugging: removes chunks of lines, then of characters (of
/// bytes when the input is not UTF-8), halving the chunk size, while the
/// input still fails with the same kind of finding; within `budget`.
/// Returns the smallest failing input and its finding.
pub fn minimize(target: &dyn Target, finding: Finding, input: Vec<u8>, budget: Duration) -> (Finding, Vec<u8>) {
    // Panics must be recorded (kind `panic at …`) whoever calls this, not only
    // inside a fuzz run that already holds the hook.
    let _hook = HookGuard::install();
    let deadline = Instant::now() + budget;
    let Ok(mut worker) = target.worker() else { return (finding, input) };
    let mut best = (finding, input);
    let kind = best.0.kind.clone();
    let mut check = |candidate: &[u8]| -> Option<Finding> {
        match execute_caught(worker.as_mut(), candidate) {
            Err((f, panicked)) => {
                if panicked && let Ok(w) = target.worker() {
                    // A panic may leave the worker's state broken.
                    worker = w;
                }
                (f.kind == kind).then_some(f)
            }
            Ok(()) => None,
        }
    };
    loop {
        let before = best.1.len();
        if let Ok(text) = std::str::from_utf8(&best.1) {
            let lines: Vec<String> = text.split_inclusive('\n').map(str::to_string).collect();
            if lines.len() > 1 {
                let (f, kept) = reduce(lines, &deadline, &mut |ls: &[String]| check(ls.concat().as_bytes()));
                if let Some(f) = f {
                    best = (f, kept.concat().into_bytes());
                }
            }
            if target.minimize_chars() {
                let text = String::from_utf8_lossy(&best.1).into_owned();
                let chars: Vec<char> = text.chars().collect();
                let (f, kept) =
                    reduce(chars, &deadline, &mut |cs: &[char]| check(cs.iter().collect::<String>().as_bytes()));
                if let Some(f) = f {
                    best = (f, kept.into_iter().collect::<String>().into_bytes());
                }
            }
        } else {
            let (f, kept) = reduce(best.1.clone(), &deadline, &mut |bs: &[u8]| check(bs));
            if let Some(f) = f {
                best = (f, kept);
            }
        }
        if best.1.len() >= before || Instant::now() >= deadline {
            break;
        }
    }
    best
}

/// Removes chunks of `units` while `fails` still holds; returns the last
/// finding seen on a kept candidate (if any removal was kept) and the units.
fn reduce<T: Clone>(
    mut units: Vec<T>,
    deadline: &Instant,
    fails: &mut dyn FnMut(&[T]) -> Option<Finding>,
) -> (Option<Finding>, Vec<T>) {
    let mut last = None;
    let mut chunk = units.len().div_ceil(2).max(1);
    loop {
        let mut i = 0;
        while i < units.len() {
            if Instant::now() >= *deadline {
                return (last, units);
            }
            let end = (i + chunk).min(units.len());
            let mut candidate = units[..i].to_vec();
            candidate.extend_from_slice(&units[end..]);
            if let Some(f) = fails(&candidate) {
                units = candidate;
                last = Some(f);
            } else {
                i += chunk;
            }
        }
        if chunk == 1 {
            return (last, units);
        }
        chunk = chunk.div_ceil(2);
    }
}

/// A stable short name for an input: 64-bit FNV-1a, 12 hex digits.
pub fn short_hash(bytes: &[u8]) -> String {
    let mut h: u64 = 0xCBF2_9CE4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01B3);
    }
    format!("{:012x}", h >> 16)
}

/// Writes a finding's input to `<dir>/<target>/<hash>.<ext>`.
pub fn save(dir: &Path, target: &dyn Target, input: &[u8]) -> std::io::Result<PathBuf> {
    let dir = dir.join(target.name());
    std::fs::create_dir_all(&dir)?;
    let path = dir.join(format!("{}.{}", short_hash(input), target.extension()));
    std::fs::write(&path, input)?;
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Fails on inputs containing both `x` and `y`; panics on `!`.
    struct Toy;
    struct ToyWorker;

    impl Target for Toy {
        fn name(&self) -> &'static str {
            "toy"
        }
        fn extension(&self) -> &'static str {
            "txt"
        }
        fn about(&self) -> &'static str {
            "a test target"
        }
        fn worker(&self) -> Result<Box<dyn Worker>, String> {
            Ok(Box::new(ToyWorker))
        }
    }

    impl Worker for ToyWorker {
        fn generate(&mut self, rng: &mut Rng) -> Vec<u8> {
            (0..rng.range(0, 30)).map(|_| b"abcdefghxy\n"[rng.below(11)]).collect()
        }
        fn execute(&mut self, input: &[u8]) -> Result<(), Finding> {
            if input.contains(&b'!') {
                panic!("bang");
            }
            if input.contains(&b'x') && input.contains(&b'y') {
                return Err(Finding::new("x and y", "both"));
            }
            Ok(())
        }
    }

    #[test]
    fn finds_and_minimises() {
        let report = run(Arc::new(Toy), &Options { runs: Some(10_000), ..Options::default() });
        let saved = report.finding.expect("x and y are common");
        assert_eq!(saved.finding.kind, "x and y");
        assert_eq!(saved.input.len(), 2, "{:?}", String::from_utf8_lossy(&saved.input));
    }

    #[test]
    fn panics_are_findings() {
        let r = replay(&Toy, b"ab!cd");
        let f = r.unwrap_err();
        assert!(f.kind.starts_with("panic at "), "{f}");
        assert_eq!(f.message, "bang");
        let (f, min) = minimize(&Toy, f, b"abc\nd!e\nfg".to_vec(), Duration::from_secs(5));
        assert!(f.kind.starts_with("panic at "));
        assert_eq!(min, b"!");
        assert_eq!(short_hash(b"!").len(), 12);
    }
}
