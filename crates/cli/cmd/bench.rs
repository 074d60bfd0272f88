//! `cbot bench BOT`: measure a bot on this machine (docs/bench.md).

use crate::{BenchArgs, BenchFormat};
use anyhow::Context as _;
use cbot_testkit::bench::{self, BenchInput, BenchReport};
use std::io::{IsTerminal, Write as _};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

fn saved(name: &str) -> PathBuf {
    PathBuf::from(".cbot-bench").join(format!("{name}.json"))
}

pub fn run(args: &BenchArgs) -> anyhow::Result<ExitCode> {
    if !(args.duration.is_finite() && args.duration > 0.0 && args.duration <= 3600.0) {
        anyhow::bail!("--duration {}: give seconds between 0 and 3600", args.duration);
    }
    let baseline: Option<BenchReport> = match &args.baseline {
        Some(name) => {
            let path = saved(name);
            let text = std::fs::read_to_string(&path).with_context(|| {
                format!("no saved results named {name:?} ({}; save some with --save {name})", path.display())
            })?;
            Some(
                serde_json::from_str(&text)
                    .with_context(|| format!("{} is not a cbot bench result", path.display()))?,
            )
        }
        None => None,
    };
    // The bot once, for its patterns and to fail early on a bad bot.
    let engine = cbot_engine::Engine::new(&cbot_engine::Config::default()).map_err(|e| anyhow::anyhow!("{e}"))?;
    let bot = engine.load_bot(&args.bot).map_err(|e| anyhow::anyhow!("{e}"))?;
    let (utterances, generated) = match &args.utterances {
        Some(f) => {
            let text = std::fs::read_to_string(f).with_context(|| format!("cannot read {}", f.display()))?;
            let u: Vec<String> = text.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_string).collect();
            anyhow::ensure!(!u.is_empty(), "{} has no utterances (one per line)", f.display());
            (u, false)
        }
        None => (bench::generate_utterances(&bot), true),
    };
    let conversations = match &args.convos {
        Some(dir) => {
            let suite = cbot_testkit::Suite::load(&engine, std::slice::from_ref(dir), Some(&args.bot));
            anyhow::ensure!(
                !suite.has_errors(),
                "the conversations in {} have errors (run `cbot test` on them)",
                dir.display()
            );
            let convs: Vec<Vec<String>> = suite
                .cases
                .iter()
                .map(|(c, _)| {
                    c.steps
                        .iter()
                        .filter_map(|s| match s {
                            cbot_testkit::Step::Me { text, .. } => Some(text.clone()),
                            _ => None,
                        })
                        .collect::<Vec<_>>()
                })
                .filter(|c| !c.is_empty())
                .collect();
            anyhow::ensure!(!convs.is_empty(), "no conversations with user messages in {}", dir.display());
            convs
        }
        None => bench::conversations_from(&utterances),
    };
    let threads = args.threads.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get())).max(1);
    let input = BenchInput {
        utterances,
        generated,
        conversations,
        duration: Duration::from_secs_f64(args.duration),
        threads,
        live_conversations: args.conversations,
    };
    let show = std::io::stderr().is_terminal();
    let progress = |phase: &str, f: f64| {
        if show {
            let f = f.clamp(0.0, 1.0);
            let filled = (f * 30.0) as usize;
            eprint!("\r  {phase:<9} [{}{}] {:>3.0}%", "#".repeat(filled), ".".repeat(30 - filled), f * 100.0);
        }
    };
    let report = bench::run(&args.bot, &input, &progress).map_err(|e| anyhow::anyhow!("{e}"))?;
    if show {
        eprint!("\r{:60}\r", "");
    }
    let mut out = std::io::stdout().lock();
    match args.format {
        BenchFormat::Table => write!(out, "{}", report.table(baseline.as_ref()))?,
        BenchFormat::Json => {
            let doc = serde_json::json!({ "results": report, "baseline": baseline });
            serde_json::to_writer_pretty(&mut out, &doc)?;
            writeln!(out)?;
        }
    }
    if let Some(name) = &args.save {
        let path = saved(name);
        std::fs::create_dir_all(".cbot-bench").context("cannot create .cbot-bench/")?;
        std::fs::write(&path, serde_json::to_string_pretty(&report)?)
            .with_context(|| format!("cannot write {}", path.display()))?;
        eprintln!("cbot bench: saved as {name:?} ({}); compare later runs with --baseline {name}", path.display());
    }
    Ok(ExitCode::SUCCESS)
}
