//! Structure-aware fuzzing of cbot on the stable toolchain.
//!
//! Each [`Target`] pairs a generator of inputs (grammar-based generation
//! mixed with mutation of a seed corpus of real inputs) with a check that
//! runs one input through a part of cbot and reports a [`Finding`]: a
//! panic, a hang, or a property that does not hold (the matcher disagrees
//! with the reference matcher, a round trip does not round-trip, a
//! diagnostic points outside its input, cbot's script engine disagrees
//! with node…). The [`driver`] runs a target for a time or a number of
//! executions over several threads, catches panics and hangs, minimises
//! what it finds and writes it under `tests/data/fuzz/<target>/`, where
//! an ordinary test replays it (docs/fuzzing.md).
//!
//! There is no coverage feedback (that needs nightly instrumentation):
//! the generators know the input languages instead, so most inputs get
//! deep into the code under test.

#![deny(missing_docs)]

pub mod driver;
pub mod mutate;
pub mod rng;
mod targets;

use std::path::{Path, PathBuf};
use std::sync::Arc;

pub use driver::{Options, Report, Saved};
pub use rng::Rng;

/// Something a target found wrong with an input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// A short, stable description of the failure (e.g. `panic at
    /// crates/x/src/y.rs:10:5`, `matcher disagrees with reference`): the
    /// minimiser keeps a smaller input only when it fails the same way.
    pub kind: String,
    /// The details, for the report.
    pub message: String,
}

impl Finding {
    /// A finding of `kind` with details.
    pub fn new(kind: impl Into<String>, message: impl Into<String>) -> Finding {
        Finding { kind: kind.into(), message: message.into() }
    }
}

impl std::fmt::Display for Finding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.kind, self.message)
    }
}

/// A fuzz target: what it generates and how it checks one input.
pub trait Target: Send + Sync {
    /// Its name on the command line and its directory under
    /// `tests/data/fuzz/`.
    fn name(&self) -> &'static str;
    /// The extension of its input files (`txt`, `json`, `js`…).
    fn extension(&self) -> &'static str;
    /// One line: what it checks.
    fn about(&self) -> &'static str {
        about(self.name())
    }
    /// A worker: per-thread state (scratch space, a node process).
    fn worker(&self) -> Result<Box<dyn Worker>, String>;
    /// Whether the minimiser may remove single characters after lines.
    /// Generated programs minimise better by lines only: removing
    /// characters turns them into code the generator avoids on purpose.
    fn minimize_chars(&self) -> bool {
        true
    }
}

/// One thread's generator and checker.
pub trait Worker {
    /// A new input.
    fn generate(&mut self, rng: &mut Rng) -> Vec<u8>;
    /// Runs one input; `Err` when a property does not hold. A panic is
    /// caught by the driver.
    fn execute(&mut self, input: &[u8]) -> Result<(), Finding>;
}

/// Where the seed corpus is read from: the project's test data and the
/// shared fixtures. Missing directories are skipped (each target has
/// built-in seeds), so fuzzing works anywhere.
#[derive(Debug, Clone)]
pub struct Env {
    /// The project root (tests/data, dialogs).
    pub root: PathBuf,
    /// The shared fixtures (holding cb-samples/), when found.
    pub fixtures: Option<PathBuf>,
}

impl Env {
    /// `root` as the project root; fixtures from `$CBOT_FIXTURES`, else
    /// `../shared/fixtures` beside the root, when either exists.
    pub fn new(root: &Path) -> Env {
        let fixtures = std::env::var_os("CBOT_FIXTURES")
            .map(PathBuf::from)
            .or_else(|| Some(root.join("../shared/fixtures")))
            .filter(|d| d.join("cb-samples").is_dir());
        Env { root: root.to_path_buf(), fixtures }
    }

    /// The text of every file under `dir` (relative to the root, searched
    /// recursively) whose name ends with `suffix`, at most `max_bytes`
    /// long, sorted by path so runs are reproducible.
    pub fn texts(&self, dir: &str, suffix: &str, max_bytes: u64) -> Vec<String> {
        let mut paths = Vec::new();
        collect(&self.root.join(dir), suffix, max_bytes, &mut paths, 0);
        paths.sort();
        paths.iter().filter_map(|p| std::fs::read_to_string(p).ok()).collect()
    }

    /// The fixture CB exports (`cb-samples/*.json`) at most `max_bytes` long.
    pub fn fixture_exports(&self, max_bytes: u64) -> Vec<String> {
        let Some(dir) = &self.fixtures else { return Vec::new() };
        let mut paths = Vec::new();
        collect(&dir.join("cb-samples"), ".json", max_bytes, &mut paths, 0);
        paths.sort();
        paths.iter().filter_map(|p| std::fs::read_to_string(p).ok()).collect()
    }
}

fn collect(dir: &Path, suffix: &str, max_bytes: u64, out: &mut Vec<PathBuf>, depth: usize) {
    // Test data is a few levels deep; the bound keeps a symlink loop finite.
    if depth > 6 {
        return;
    }
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let path = e.path();
        let Ok(meta) = e.metadata() else { continue };
        if meta.is_dir() {
            collect(&path, suffix, max_bytes, out, depth + 1);
        } else if path.to_string_lossy().ends_with(suffix) && meta.len() <= max_bytes {
            out.push(path);
        }
    }
}

/// The targets' names, in the order `cbot fuzz all` runs them.
pub const TARGETS: &[&str] = &["pattern", "matcher", "convo", "text", "import", "js"];

/// The target named `name`, its corpus read through `env`.
pub fn target(name: &str, env: &Env) -> Option<Arc<dyn Target>> {
    Some(match name {
        "pattern" => Arc::new(targets::pattern::target(env)),
        "matcher" => Arc::new(targets::matcher::MatcherTarget::new(env)),
        "convo" => Arc::new(targets::convo::target(env)),
        "text" => Arc::new(targets::text::target(env)),
        "import" => Arc::new(targets::import::target(env)),
        "js" => Arc::new(targets::js::JsTarget::new(env)),
        _ => return None,
    })
}

/// What each target checks, for `cbot fuzz --list`.
pub fn about(name: &str) -> &'static str {
    match name {
        "pattern" => {
            "CB pattern parser: no panic; parsed patterns print back to their source; errors are coded and inside the pattern"
        }
        "matcher" => "multi-pattern matcher against the reference matcher: same matches, same winner, sound shadowing",
        "convo" => {
            "test-file parser and compiler (.convo.txt, .pconvo.txt, .utterances.txt): no panic; diagnostics inside the file"
        }
        "text" => "cbot text format: parse, format (a fixed point), text → JSON → text → JSON round trip",
        "import" => {
            "CB JSON import and validation: no panic; diagnostics inside the file; export → import gives the same bot"
        }
        "js" => "JavaScript → wasm compiler on generated ES5 code panels: agrees with node, or a clean S0xx diagnostic",
        _ => "",
    }
}
