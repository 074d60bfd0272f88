//! Fuzzing (crates/fuzz, docs/fuzzing.md): every minimised finding kept
//! under tests/data/fuzz/<target>/ replays through its target without a
//! panic or a finding (each was a bug, now fixed), and every target runs a
//! few thousand generated inputs with a fixed seed.

use crate::util::{rel, root};
use cbot_fuzz::{Env, Options, TARGETS, driver};

fn env() -> Env {
    Env::new(&root())
}

#[test]
fn findings_replay() {
    let env = env();
    let mut failures = Vec::new();
    let mut replayed = 0;
    for name in TARGETS {
        let target = cbot_fuzz::target(name, &env).expect("a listed target");
        let dir = root().join("tests/data/fuzz").join(name);
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        let mut files: Vec<_> = entries.flatten().map(|e| e.path()).filter(|p| p.is_file()).collect();
        files.sort();
        for path in files {
            let input = std::fs::read(&path).unwrap();
            replayed += 1;
            if let Err(f) = driver::replay(target.as_ref(), &input) {
                failures.push(format!("{}: {f}", rel(&path)));
            }
        }
    }
    assert!(failures.is_empty(), "{} of {replayed} findings fail again:\n{}", failures.len(), failures.join("\n"));
}

/// A brief run of one target: `runs` inputs from seed 1 on one thread.
fn brief(name: &str, runs: u64) {
    let target = cbot_fuzz::target(name, &env()).expect("a listed target");
    let report = driver::run(target, &Options { runs: Some(runs), seed: 1, ..Options::default() });
    if let Some(saved) = &report.finding {
        panic!(
            "fuzz target {name} found {}\n{}\ninput (minimised from {} bytes):\n{}",
            saved.finding.kind,
            saved.finding.message,
            saved.original_len,
            String::from_utf8_lossy(&saved.input)
        );
    }
    assert_eq!(report.executions, runs, "{name}");
}

#[test]
fn brief_pattern() {
    brief("pattern", 3000);
}

#[test]
fn brief_matcher() {
    brief("matcher", 2000);
}

#[test]
fn brief_convo() {
    brief("convo", 1500);
}

#[test]
fn brief_text() {
    brief("text", 150);
}

#[test]
fn brief_import() {
    brief("import", 600);
}

/// Each program compiles with cranelift (slow in a debug build) and runs in
/// node too: a few dozen only.
#[test]
fn brief_js() {
    brief("js", 15);
}

#[test]
fn every_target_is_tested() {
    // A new target needs its brief run above.
    assert_eq!(TARGETS, ["pattern", "matcher", "convo", "text", "import", "js"]);
}
