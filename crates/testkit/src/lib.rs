//! Offline conversation tests for Conversation Builder bots.
//!
//! Test files are Botium's text format (`.convo.txt`, partial conversations
//! in `.pconvo.txt`, utterance lists in `.utterances.txt`) plus cbot
//! directives for channels, variables, mocks, clocks and transfer/close
//! checks; docs/testing.md is the reference. [`Suite::load`] finds and
//! compiles the files and loads their bots, [`Suite::run`] runs every
//! case (in parallel, each in its own conversation with its own mocks and
//! clock, so results never depend on order), [`report`] renders results
//! and [`coverage`] says what of each bot the cases ran.

#![deny(missing_docs)]

pub mod bench;
pub mod compile;
pub mod coverage;
mod matching;
pub mod parse;
pub mod record;
pub mod report;
mod run;

pub use compile::{Case, Check, Setup, Step, TextMode, What};
pub use matching::text_matches;
pub use run::{CaseResult, DEFAULT_CLOCK, Failure, Outcome, describe};

use cbot_diag::{Diagnostic, SourceMap};
use cbot_engine::{Bot, Engine};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// A bot the suite tests.
pub struct SuiteBot {
    /// Where it was loaded from.
    pub path: PathBuf,
    /// The bot, or why it could not be loaded.
    pub bot: Result<Bot, String>,
}

/// Test files found, compiled and tied to their bots.
pub struct Suite {
    /// Every file read (for diagnostics).
    pub sources: SourceMap,
    /// The cases, each with the index of its bot in [`Suite::bots`].
    pub cases: Vec<(Case, usize)>,
    /// The bots.
    pub bots: Vec<SuiteBot>,
    /// Problems in the test files (the run should not go on if any is an
    /// error).
    pub diagnostics: Vec<Diagnostic>,
    /// How many test files were read.
    pub files: usize,
}

/// The results of a run.
pub struct RunResult {
    /// One per case, in the suite's order.
    pub cases: Vec<CaseResult>,
    /// Wall time of the whole run.
    pub duration: Duration,
    /// Threads used.
    pub threads: usize,
}

impl RunResult {
    /// Cases that passed.
    pub fn passed(&self) -> usize {
        self.cases.iter().filter(|c| c.outcome == Outcome::Passed).count()
    }

    /// Cases that failed.
    pub fn failed(&self) -> usize {
        self.cases.iter().filter(|c| matches!(c.outcome, Outcome::Failed(_))).count()
    }

    /// Cases that could not run.
    pub fn errors(&self) -> usize {
        self.cases.iter().filter(|c| matches!(c.outcome, Outcome::Error { .. })).count()
    }
}

fn has_suffix(p: &Path, suffix: &str) -> bool {
    p.file_name().and_then(|f| f.to_str()).is_some_and(|f| f.ends_with(suffix))
}

/// Test files under `path` (a file, or a directory walked recursively), in
/// name order.
fn walk(path: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    if path.is_file() {
        out.push(path.to_path_buf());
        return Ok(());
    }
    let mut entries: Vec<PathBuf> = std::fs::read_dir(path)?.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for e in entries {
        if e.is_dir() {
            walk(&e, out)?;
        } else if [".convo.txt", ".pconvo.txt", ".utterances.txt"].iter().any(|s| has_suffix(&e, s)) {
            out.push(e);
        }
    }
    Ok(())
}

/// The partial conversations and utterance lists directly in `dir` (not
/// in its subdirectories).
fn side_files(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for e in std::fs::read_dir(dir)? {
        let p = e?.path();
        if p.is_file() && [".pconvo.txt", ".utterances.txt"].iter().any(|s| has_suffix(&p, s)) {
            out.push(p);
        }
    }
    Ok(())
}

/// `path` with `.` and `..` resolved as text (no symlinks followed), for
/// names people read.
pub fn normalize(path: &Path) -> PathBuf {
    use std::path::Component;
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir if matches!(out.components().next_back(), Some(Component::Normal(_))) => {
                out.pop();
            }
            other => out.push(other.as_os_str()),
        }
    }
    if out.as_os_str().is_empty() { PathBuf::from(".") } else { out }
}

/// The nearest directory at or above `dir` that holds `bot.json` (or
/// `bot.cbot`, the text form).
fn nearest_bot(dir: &Path) -> Option<PathBuf> {
    // Walk up from the absolute directory, so that `convos` or `.` work,
    // but give back a path shaped like the one given.
    let start = std::path::absolute(dir).ok()?;
    let mut d = Some(start.as_path());
    let mut ups = 0;
    while let Some(x) = d {
        if x.join("bot.json").is_file() || x.join("bot.cbot").is_file() {
            let mut p = dir.to_path_buf();
            for _ in 0..ups {
                p.push("..");
            }
            return Some(normalize(&p));
        }
        d = x.parent();
        ups += 1;
    }
    None
}

impl Suite {
    /// Finds the test files under `paths`, compiles them and loads their
    /// bots: `bot` for every file when given, else a file's `BOT`
    /// directive, else the nearest directory holding `bot.json` at or
    /// above the file.
    pub fn load(engine: &Engine, paths: &[PathBuf], bot: Option<&Path>) -> Suite {
        let mut suite =
            Suite { sources: SourceMap::new(), cases: Vec::new(), bots: Vec::new(), diagnostics: Vec::new(), files: 0 };
        let mut files = Vec::new();
        for p in paths {
            // A convo file given alone still sees the partials and
            // utterance lists next to it.
            let r = if p.is_file() && has_suffix(p, ".convo.txt") {
                files.push(p.clone());
                let dir = p.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
                side_files(dir, &mut files)
            } else if p.is_file() && ![".pconvo.txt", ".utterances.txt"].iter().any(|s| has_suffix(p, s)) {
                let help = if has_suffix(p, ".json") {
                    " (a bot? give its directory, whose convos/ holds the tests, or pass it with --bot)"
                } else {
                    ""
                };
                suite.diagnostics.push(Diagnostic::error(
                    "T000",
                    format!("{} is not a test file: test files end in .convo.txt{help}", p.display()),
                ));
                Ok(())
            } else {
                walk(p, &mut files)
            };
            if let Err(e) = r {
                suite.diagnostics.push(Diagnostic::error("T000", format!("cannot read {}: {e}", p.display())));
            }
        }
        files.sort();
        files.dedup();
        let mut library = compile::Library::default();
        let mut utterance_spans = HashMap::new();
        let mut convos = Vec::new();
        for f in &files {
            let text = match std::fs::read_to_string(f) {
                Ok(t) => t,
                Err(e) => {
                    suite.diagnostics.push(Diagnostic::error("T000", format!("cannot read {}: {e}", f.display())));
                    continue;
                }
            };
            let id = suite.sources.add(f.display().to_string(), text);
            if has_suffix(f, ".utterances.txt") {
                match parse::utterances(&suite.sources, id) {
                    Ok(u) => {
                        utterance_spans.entry(u.name.clone()).or_insert(u.name_span);
                        if library.utterances.insert(u.name.clone(), u.utterances).is_some() {
                            let mut d =
                                Diagnostic::error("T008", format!("two utterance lists are named `{}`", u.name))
                                    .with_label(u.name_span, "the second one");
                            if let Some(first) = utterance_spans.get(&u.name) {
                                d = d.with_secondary_label(*first, "the first one");
                            }
                            suite.diagnostics.push(d);
                        }
                    }
                    Err(d) => suite.diagnostics.push(d),
                }
                continue;
            }
            match parse::convo(&suite.sources, id) {
                Ok(c) if has_suffix(f, ".pconvo.txt") => {
                    let name = if c.name.is_empty() {
                        f.file_name().and_then(|n| n.to_str()).unwrap_or("").trim_end_matches(".pconvo.txt").to_string()
                    } else {
                        c.name.clone()
                    };
                    let span = c.name_span;
                    if let Some(first) = library.partials.get(&name) {
                        suite.diagnostics.push(
                            Diagnostic::error("T008", format!("two partial conversations are named `{name}`"))
                                .with_label(span, "the second one")
                                .with_secondary_label(first.name_span, "the first one"),
                        );
                    } else {
                        library.partials.insert(name, c);
                    }
                }
                Ok(c) => convos.push((f.clone(), c)),
                Err(d) => suite.diagnostics.push(d),
            }
        }
        suite.files = convos.len();
        let mut bot_index: HashMap<PathBuf, usize> = HashMap::new();
        for (path, convo) in &convos {
            let cases = match compile::compile(convo, path, &library, &suite.sources) {
                Ok(c) => c,
                Err(ds) => {
                    suite.diagnostics.extend(ds);
                    continue;
                }
            };
            let Some(first) = cases.first() else { continue };
            let declared = first.begin.iter().find_map(|s| if let Setup::Bot(p) = s { Some(p.clone()) } else { None });
            let dir = path.parent().unwrap_or(Path::new("."));
            let Some(bot_path) = bot
                .map(Path::to_path_buf)
                .or(declared)
                .or_else(|| nearest_bot(if dir.as_os_str().is_empty() { Path::new(".") } else { dir }))
            else {
                suite.diagnostics.push(
                    Diagnostic::error("T009", "no bot for this test file")
                        .with_label(convo.name_span, "this conversation")
                        .with_help("put it under a directory holding bot.json, add `BOT path/to/bot.json` to #begin, or pass --bot"),
                );
                continue;
            };
            let key = std::fs::canonicalize(cbot_engine::bot_file(&bot_path)).unwrap_or(bot_path.clone());
            let k = *bot_index.entry(key).or_insert_with(|| {
                let loaded = engine.load_bot(&bot_path).map_err(|e| e.to_string());
                suite.bots.push(SuiteBot { path: bot_path.clone(), bot: loaded });
                suite.bots.len() - 1
            });
            suite.cases.extend(cases.into_iter().map(|c| (c, k)));
        }
        suite
    }

    /// Whether the test files have errors.
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    /// Keeps the cases whose name contains `filter`.
    pub fn filter(&mut self, filter: &str) {
        self.cases.retain(|(c, _)| c.name.contains(filter));
    }

    /// Runs every case on `threads` threads (at least one). Results come
    /// back in the suite's order whatever the scheduling.
    pub fn run(&self, threads: usize) -> RunResult {
        let started = Instant::now();
        let threads = threads.max(1).min(self.cases.len().max(1));
        let next = AtomicUsize::new(0);
        let mut slots: Vec<Option<CaseResult>> = Vec::new();
        slots.resize_with(self.cases.len(), || None);
        let results = std::sync::Mutex::new(slots);
        std::thread::scope(|s| {
            for _ in 0..threads {
                s.spawn(|| {
                    loop {
                        let k = next.fetch_add(1, Ordering::Relaxed);
                        let Some((case, b)) = self.cases.get(k) else { break };
                        let error = |message: String| CaseResult {
                            name: case.name.clone(),
                            file: case.path.display().to_string(),
                            line: self.sources.file(case.span.file()).line_col(case.span.start()).0,
                            outcome: Outcome::Error { message },
                            turns: 0,
                            duration: Duration::ZERO,
                            coverage: None,
                        };
                        let Some(loaded) = self.bots.get(*b) else { break };
                        let r = match &loaded.bot {
                            // A bug in cbot must not take the other cases
                            // down with it: it is this case's error.
                            Ok(bot) => std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                                run::run_case(case, bot, &self.sources)
                            }))
                            .unwrap_or_else(|p| {
                                let why = p
                                    .downcast_ref::<&str>()
                                    .map(|s| s.to_string())
                                    .or_else(|| p.downcast_ref::<String>().cloned())
                                    .unwrap_or_default();
                                error(format!("cbot itself failed running this conversation (please report it): {why}"))
                            }),
                            Err(e) => error(format!("bot {}: {e}", loaded.path.display())),
                        };
                        if let Ok(mut slots) = results.lock()
                            && let Some(slot) = slots.get_mut(k)
                        {
                            *slot = Some(r);
                        }
                    }
                });
            }
        });
        let cases = results.into_inner().unwrap_or_default().into_iter().flatten().collect();
        RunResult { cases, duration: started.elapsed(), threads }
    }
}
