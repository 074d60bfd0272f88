//! `cbot bench`: how fast a bot runs here. Five measurements on one bot:
//! loading (cold, and again through the engine's program cache), intent
//! matching alone, whole turns (throughput and latency percentiles), the
//! share of turn time spent in scripts, and memory per live conversation.
//! Results are data ([`BenchReport`]): a table, JSON, or a baseline to
//! compare later runs with.

use cbot_engine::{Bot, Config, ConversationConfig, Engine};
use serde::{Deserialize, Serialize};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// What to measure with.
pub struct BenchInput {
    /// User messages for intent matching (and, without conversations, for
    /// the turns).
    pub utterances: Vec<String>,
    /// Whether they were generated from the bot's patterns.
    pub generated: bool,
    /// Conversations: the user messages of each, in order.
    pub conversations: Vec<Vec<String>>,
    /// Time for the matching and turn phases together.
    pub duration: Duration,
    /// Threads for the turn phase.
    pub threads: usize,
    /// Live conversations created to measure memory.
    pub live_conversations: usize,
}

/// Load times.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct LoadReport {
    /// A fresh engine loading the bot: import, validation, matcher, script
    /// compilation (median).
    pub cold_ms: f64,
    /// The same engine loading it again: the compiled scripts come from its
    /// cache (median).
    pub cached_ms: f64,
}

/// Intent matching alone (one thread).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct MatchingReport {
    /// Distinct messages.
    pub utterances: usize,
    /// Generated from the bot's own patterns (no `--utterances`).
    pub generated: bool,
    /// How many of them start a dialog.
    pub matched: usize,
    /// Messages per second.
    pub per_sec: f64,
    /// Nanoseconds per message.
    pub ns_per_message: f64,
}

/// Whole turns.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct TurnsReport {
    /// Conversations started.
    pub conversations: u64,
    /// Turns run.
    pub turns: u64,
    /// Turns per second, all threads (conversation starts included).
    pub per_sec: f64,
    /// Per thread.
    pub per_sec_per_thread: f64,
    /// Latency of one turn, microseconds.
    pub p50_us: f64,
    /// 90th percentile.
    pub p90_us: f64,
    /// 99th percentile.
    pub p99_us: f64,
    /// Slowest.
    pub max_us: f64,
    /// Share of turn time spent running scripts, percent.
    pub script_share_pct: f64,
}

/// Memory per live conversation (resident set growth; Linux only).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct MemoryReport {
    /// Conversations kept alive at once.
    pub conversations: usize,
    /// Bytes per conversation after its first turn: dialog state,
    /// variables, script store.
    pub per_conversation_bytes: f64,
    /// Bytes per script session alone (wasmtime store and instance, and
    /// the script heap).
    pub script_state_bytes: f64,
}

/// A whole `cbot bench` run.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct BenchReport {
    /// The bot.
    pub bot: String,
    /// Threads of the turn phase.
    pub threads: usize,
    /// Load times.
    pub load: LoadReport,
    /// Matching.
    pub matching: MatchingReport,
    /// Turns.
    pub turns: TurnsReport,
    /// Memory, where it can be measured.
    pub memory: Option<MemoryReport>,
}

/// One number of a report, for tables and baselines.
pub struct Metric {
    /// Stable key (`turns.p99_us`).
    pub key: &'static str,
    /// What it is.
    pub label: &'static str,
    /// Value.
    pub value: f64,
    /// Unit.
    pub unit: &'static str,
    /// Whether more is better (throughput) or worse (time, memory).
    pub higher_is_better: bool,
}

impl BenchReport {
    /// Every number, in table order.
    pub fn metrics(&self) -> Vec<Metric> {
        let m = |key, label, value, unit, higher_is_better| Metric { key, label, value, unit, higher_is_better };
        let mut v = vec![
            m("load.cold_ms", "load, cold (fresh engine)", self.load.cold_ms, "ms", false),
            m("load.cached_ms", "load, compiled scripts cached", self.load.cached_ms, "ms", false),
            m("matching.per_sec", "matching: messages/s (1 thread)", self.matching.per_sec, "/s", true),
            m("matching.ns_per_message", "matching: time per message", self.matching.ns_per_message, "ns", false),
            m("turns.per_sec", "turns/s (all threads)", self.turns.per_sec, "/s", true),
            m("turns.per_sec_per_thread", "turns/s per thread", self.turns.per_sec_per_thread, "/s", true),
            m("turns.p50_us", "turn latency p50", self.turns.p50_us, "µs", false),
            m("turns.p90_us", "turn latency p90", self.turns.p90_us, "µs", false),
            m("turns.p99_us", "turn latency p99", self.turns.p99_us, "µs", false),
            m("turns.max_us", "turn latency max", self.turns.max_us, "µs", false),
            m("turns.script_share_pct", "share of turn time in scripts", self.turns.script_share_pct, "%", false),
        ];
        if let Some(mem) = &self.memory {
            v.push(m(
                "memory.per_conversation_bytes",
                "memory per live conversation",
                mem.per_conversation_bytes,
                "B",
                false,
            ));
            v.push(m("memory.script_state_bytes", "script state per conversation", mem.script_state_bytes, "B", false));
        }
        v
    }

    /// The table people read, with the change against `baseline` when
    /// given (`+12.0% better`).
    pub fn table(&self, baseline: Option<&BenchReport>) -> String {
        let mut out = format!(
            "cbot bench {}: {} utterances{} ({} match), {} conversations on {} thread{}\n\n",
            self.bot,
            self.matching.utterances,
            if self.matching.generated { " generated from its patterns" } else { "" },
            self.matching.matched,
            self.turns.conversations,
            self.threads,
            if self.threads == 1 { "" } else { "s" }
        );
        let base: Vec<Metric> = baseline.map(BenchReport::metrics).unwrap_or_default();
        for x in self.metrics() {
            let value = format_value(x.value, x.unit);
            let mut line = format!("  {:<36} {value:>14}", x.label);
            if let Some(b) = base.iter().find(|b| b.key == x.key)
                && b.value != 0.0
            {
                let change = (x.value - b.value) / b.value * 100.0;
                let better = if x.higher_is_better { change > 0.0 } else { change < 0.0 };
                let word = if change.abs() < 2.0 {
                    "same"
                } else if better {
                    "better"
                } else {
                    "worse"
                };
                line.push_str(&format!("   was {:>12}  {change:+.1}% {word}", format_value(b.value, b.unit)));
            }
            out.push_str(&line);
            out.push('\n');
        }
        out
    }
}

fn format_value(v: f64, unit: &str) -> String {
    match unit {
        "/s" if v >= 1e6 => format!("{:.2} M/s", v / 1e6),
        "/s" if v >= 1e3 => format!("{:.1} k/s", v / 1e3),
        "/s" => format!("{v:.0} /s"),
        "B" if v >= 1024.0 => format!("{:.1} KiB", v / 1024.0),
        "B" => format!("{v:.0} B"),
        "%" => format!("{v:.1} %"),
        u if v >= 100.0 => format!("{v:.0} {u}"),
        u => format!("{v:.2} {u}"),
    }
}

/// Messages that exercise a bot's starters: for each pattern, a few
/// sentences it matches (alternatives taken in turn, `*` filled with
/// common words), plus sentences nothing should match.
pub fn generate_utterances(bot: &Bot) -> Vec<String> {
    let compiled = bot.compiled();
    let model = compiled.model();
    let fillers = ["", "please", "i would like to know", "hey"];
    let mut out = Vec::new();
    for s in compiled.starters() {
        let Ok(p) = cbot_pattern::parse(s.text(model)) else { continue };
        for v in 0..3 {
            let mut text = String::new();
            expand(&p.items, v, &fillers, &mut text);
            let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
            if !text.is_empty() && !out.contains(&text) {
                out.push(text);
            }
        }
    }
    for k in 0..out.len().max(4) / 4 {
        out.push(format!("zzq unrelated message number {k} about nothing"));
    }
    if out.is_empty() {
        out.push("hello".into());
    }
    out
}

fn expand(items: &[cbot_pattern::Item], v: usize, fillers: &[&str], out: &mut String) {
    for it in items {
        match it {
            cbot_pattern::Item::Literal { text, .. } => out.push_str(text),
            cbot_pattern::Item::Star { .. } => {
                out.push(' ');
                out.push_str(fillers.get(v % fillers.len().max(1)).copied().unwrap_or_default());
                out.push(' ');
            }
            cbot_pattern::Item::Group { alternatives, .. } => {
                if let Some(a) = alternatives.get(v % alternatives.len().max(1)) {
                    expand(a, v, fillers, out);
                }
            }
        }
    }
}

/// Resident set size of this process, in bytes (Linux; `None` elsewhere).
pub fn resident_bytes() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v.get(v.len() / 2).copied().unwrap_or(0.0)
}

fn percentile(sorted: &[u32], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let k = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted.get(k).or(sorted.last()).map_or(0.0, |&v| f64::from(v) / 1000.0)
}

/// The config of every measured conversation: the test clock and seed,
/// scripts timed. Made once per run and cloned per conversation.
fn conversation_config() -> ConversationConfig {
    let clock_ms = crate::compile::parse_clock(crate::DEFAULT_CLOCK).unwrap_or(0.0);
    ConversationConfig {
        seed: Some(1),
        clock: Some(Arc::new(move || clock_ms)),
        time_scripts: true,
        ..ConversationConfig::default()
    }
}

/// Runs every measurement on the bot at `path`; `progress` hears the
/// phase and how far it is (0 to 1).
pub fn run(path: &Path, input: &BenchInput, progress: &(dyn Fn(&str, f64) + Sync)) -> Result<BenchReport, String> {
    // Load: cold (a new engine each time), then cached.
    let mut cold = Vec::new();
    let mut engine = None;
    let load_budget = Instant::now();
    for k in 0..5 {
        progress("load", k as f64 / 10.0);
        let t = Instant::now();
        let e = Engine::new(&Config::default()).map_err(|e| e.to_string())?;
        let b = e.load_bot(path).map_err(|e| e.to_string())?;
        cold.push(t.elapsed().as_secs_f64() * 1e3);
        engine = Some((e, b));
        if load_budget.elapsed() > Duration::from_secs(5) {
            break;
        }
    }
    let (engine, bot) = engine.ok_or("the bot did not load")?;
    let mut cached = Vec::new();
    for k in 0..10 {
        progress("load", 0.5 + k as f64 / 20.0);
        let t = Instant::now();
        engine.load_bot(path).map_err(|e| e.to_string())?;
        cached.push(t.elapsed().as_secs_f64() * 1e3);
    }
    let load = LoadReport { cold_ms: median(cold), cached_ms: median(cached) };

    let config = conversation_config();
    let first = input.utterances.first().map_or("hello", String::as_str);
    let memory = memory(&bot, &config, first, input.live_conversations, progress);

    // Matching: one thread, a third of the time.
    let compiled = bot.compiled();
    let matched = input.utterances.iter().filter(|u| compiled.match_starter(u).is_some()).count();
    let budget = input.duration / 3;
    let started = Instant::now();
    let mut n: u64 = 0;
    let mut hits = 0usize;
    while started.elapsed() < budget {
        for u in &input.utterances {
            hits += usize::from(std::hint::black_box(compiled.match_starter(u)).is_some());
        }
        n += input.utterances.len() as u64;
        progress("matching", started.elapsed().as_secs_f64() / budget.as_secs_f64());
    }
    std::hint::black_box(hits);
    let secs = started.elapsed().as_secs_f64();
    let matching = MatchingReport {
        utterances: input.utterances.len(),
        generated: input.generated,
        matched,
        per_sec: n as f64 / secs,
        ns_per_message: secs * 1e9 / n.max(1) as f64,
    };

    let turns = turns(&bot, &config, input, input.duration - budget, progress);
    Ok(BenchReport { bot: path.display().to_string(), threads: input.threads.max(1), load, matching, turns, memory })
}

fn memory(
    bot: &Bot,
    config: &ConversationConfig,
    message: &str,
    n: usize,
    progress: &(dyn Fn(&str, f64) + Sync),
) -> Option<MemoryReport> {
    let n = n.max(1);
    // Warm up the allocator so that the first conversations do not pay for
    // arenas the process needs anyway.
    drop((0..64).map(|_| bot.start(config.clone())).collect::<Vec<_>>());
    // Script sessions alone first, then whole conversations, everything
    // kept alive until both are measured: freed memory would be reused and
    // hide the second measurement.
    let mut sessions = Vec::with_capacity(n);
    let before = resident_bytes()?;
    if let Some(program) = bot.compiled().program() {
        for k in 0..n {
            let mut s = program.session();
            s.prepare().ok()?;
            sessions.push(s);
            if k % 256 == 0 {
                progress("memory", k as f64 / n as f64 / 2.0);
            }
        }
    }
    let middle = resident_bytes()?;
    let mut live = Vec::with_capacity(n);
    for k in 0..n {
        let mut c = bot.start(config.clone());
        c.send(message);
        live.push(c);
        if k % 256 == 0 {
            progress("memory", 0.5 + k as f64 / n as f64 / 2.0);
        }
    }
    let after = resident_bytes()?;
    drop(live);
    drop(sessions);
    Some(MemoryReport {
        conversations: n,
        per_conversation_bytes: after.saturating_sub(middle) as f64 / n as f64,
        script_state_bytes: middle.saturating_sub(before) as f64 / n as f64,
    })
}

fn turns(
    bot: &Bot,
    config: &ConversationConfig,
    input: &BenchInput,
    budget: Duration,
    progress: &(dyn Fn(&str, f64) + Sync),
) -> TurnsReport {
    let threads = input.threads.max(1);
    let next = AtomicU64::new(0);
    let started = Instant::now();
    let deadline = started + budget;
    let results: Vec<(Vec<u32>, u64, u64, Duration, Duration)> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..threads)
            .map(|t| {
                let next = &next;
                s.spawn(move || {
                    let mut lat = Vec::new();
                    let (mut convs, mut turns) = (0u64, 0u64);
                    let (mut in_turns, mut in_scripts) = (Duration::ZERO, Duration::ZERO);
                    while Instant::now() < deadline {
                        let k = next.fetch_add(1, Ordering::Relaxed) as usize % input.conversations.len().max(1);
                        let Some(messages) = input.conversations.get(k) else { break };
                        let mut c = bot.start(config.clone());
                        convs += 1;
                        for m in messages {
                            // After a transfer the bot no longer answers:
                            // such turns would measure nothing.
                            if c.status() == cbot_engine::Status::Transferred {
                                break;
                            }
                            let t0 = Instant::now();
                            std::hint::black_box(c.send(m));
                            let d = t0.elapsed();
                            in_turns += d;
                            if lat.len() < 2_000_000 {
                                lat.push(u32::try_from(d.as_nanos()).unwrap_or(u32::MAX));
                            }
                            turns += 1;
                        }
                        in_scripts += c.script_time();
                        if t == 0 && convs % 64 == 0 {
                            progress("turns", started.elapsed().as_secs_f64() / budget.as_secs_f64());
                        }
                    }
                    (lat, convs, turns, in_turns, in_scripts)
                })
            })
            .collect();
        handles.into_iter().filter_map(|h| h.join().ok()).collect()
    });
    let secs = started.elapsed().as_secs_f64();
    let mut lat: Vec<u32> = results.iter().flat_map(|r| r.0.iter().copied()).collect();
    lat.sort_unstable();
    let conversations = results.iter().map(|r| r.1).sum();
    let turns: u64 = results.iter().map(|r| r.2).sum();
    let in_turns: Duration = results.iter().map(|r| r.3).sum();
    let in_scripts: Duration = results.iter().map(|r| r.4).sum();
    TurnsReport {
        conversations,
        turns,
        per_sec: turns as f64 / secs,
        per_sec_per_thread: turns as f64 / secs / threads as f64,
        p50_us: percentile(&lat, 0.50),
        p90_us: percentile(&lat, 0.90),
        p99_us: percentile(&lat, 0.99),
        max_us: lat.last().map_or(0.0, |m| f64::from(*m) / 1000.0),
        script_share_pct: if in_turns.is_zero() {
            0.0
        } else {
            in_scripts.as_secs_f64() / in_turns.as_secs_f64() * 100.0
        },
    }
}

/// Conversations from utterances: ten messages each, the list rotated by
/// one per conversation.
pub fn conversations_from(utterances: &[String]) -> Vec<Vec<String>> {
    let n = utterances.len();
    (0..n.max(1))
        .map(|k| utterances.iter().cycle().skip(k).take(10.min(n)).cloned().collect())
        .filter(|c: &Vec<String>| !c.is_empty())
        .collect()
}
