//! `cbot test` throughput: 1,000 generated conversations of 10 turns each
//! against the agent-handoff bot (issue 8's target: under 1 s of wall time
//! on the 2-core machine). The files are written once to
//! target/bench-convos/; `load` parses and compiles them (and loads the
//! bot), `run` runs every conversation on all cores with its own mocks,
//! clock and script session, checking every turn.
//!
//! Run: `env -u RUST_BACKTRACE cargo bench --bench testkit`.

use cbot_engine::{Config, Engine};
use cbot_testkit::Suite;
use criterion::{Criterion, criterion_group, criterion_main};
use std::path::PathBuf;

/// What the user says and what the bot must answer (first line of the
/// expected message; transfers are checked with TRANSFER).
const TURNS: &[(&str, &str)] = &[
    ("hello", "Hi! I'm the demo bot*"),
    ("what's the weather like", "Sorry, I didn't get that*"),
    ("hi", "Hi! I'm the demo bot*"),
    ("tell me a joke", "Sorry*"),
    ("hey there", "*Ask me for an agent any time."),
    ("order status?", "!Hi! I'm the demo bot*"),
    ("hey", "Hi!*"),
    ("do you ship to Canada", "Sorry, I didn't get that. Say 'agent' to talk to a person."),
    ("hello bot", "Hi! I'm the demo bot. Ask me for an agent any time."),
];

/// Writes the 1,000 files (10 turns each: nine from `TURNS`, rotated per
/// conversation, then a transfer on one of three channels).
fn generate() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench-convos");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let bot = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("dialogs/agent-handoff");
    for k in 0..1000 {
        let channel = ["web", "lp_web", "lp_sms"][k % 3];
        let mut text = format!("generated {k}\n\n#begin\nBOT {}\nCHANNEL {channel}\n", bot.display());
        for t in 0..9 {
            let (me, bot) = TURNS[(k + t) % TURNS.len()];
            text.push_str(&format!("\n#me\n{me}\n\n#bot\n{bot}\n!TRANSFER\n"));
        }
        text.push_str("\n#me\nI need a human\n\n#bot\nTRANSFER 12345678901\n");
        if channel != "web" {
            text.push_str("TRANSFER_MESSAGE Transferring you to an agent\n");
        }
        std::fs::write(dir.join(format!("c{k:04}.convo.txt")), text).unwrap();
    }
    dir
}

fn bench(c: &mut Criterion) {
    let dir = generate();
    let engine = Engine::new(&Config::default()).unwrap();
    let suite = Suite::load(&engine, std::slice::from_ref(&dir), None);
    assert!(suite.diagnostics.is_empty(), "generated files have problems");
    assert_eq!(suite.cases.len(), 1000);
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let check = suite.run(threads);
    assert_eq!(check.passed(), 1000, "every generated conversation passes");
    assert_eq!(check.cases.iter().map(|c| c.turns).sum::<usize>(), 10_000);
    let mut g = c.benchmark_group("testkit");
    g.sample_size(10);
    g.bench_function("load/1000x10", |b| b.iter(|| Suite::load(&engine, std::slice::from_ref(&dir), None)));
    g.bench_function(format!("run/1000x10/{threads}threads"), |b| b.iter(|| suite.run(threads)));
    g.bench_function("run/1000x10/1thread", |b| b.iter(|| suite.run(1)));
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
