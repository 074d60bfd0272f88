//! `cbot test PATH…`: run conversation tests (docs/testing.md) and report.
//! Exit status: 0 all passed, 1 a test failed (or coverage is under
//! `--coverage-min`), 2 a test file or a bot has errors.

use crate::TestArgs;
use anyhow::Context as _;
use cbot_engine::{Config, Coverage, Engine};
use cbot_testkit::Suite;
use cbot_testkit::coverage::BotCoverage;
use cbot_testkit::report::{self, TextOptions};
use std::io::Write as _;
use std::process::ExitCode;

pub fn run(args: &TestArgs) -> anyhow::Result<ExitCode> {
    let engine = Engine::new(&Config::default()).map_err(|e| anyhow::anyhow!("{e}"))?;
    let mut suite = Suite::load(&engine, &args.paths, args.bot.as_deref());
    let color = args.color.enabled_stderr();
    for d in &suite.diagnostics {
        let text = if color {
            cbot_diag::render::color(d, &suite.sources)
        } else {
            cbot_diag::render::plain(d, &suite.sources)
        };
        eprintln!("{text}");
    }
    if suite.has_errors() {
        eprintln!("cbot test: the test files have errors; nothing was run");
        return Ok(ExitCode::from(2));
    }
    if let Some(f) = &args.filter {
        suite.filter(f);
    }
    if suite.cases.is_empty() {
        eprintln!("cbot test: no conversations found under the given paths (files end in .convo.txt)");
        return Ok(ExitCode::from(2));
    }
    let threads = args.jobs.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    let result = suite.run(threads);
    let options = TextOptions { no_timing: args.no_timing };
    let coverage = (args.coverage || args.coverage_min.is_some() || args.coverage_html.is_some())
        .then(|| coverage_of(&suite, &result));
    let mut out = std::io::stdout().lock();
    if args.json {
        serde_json::to_writer_pretty(&mut out, &report::json(&result, coverage.as_deref(), options))?;
        writeln!(out)?;
    } else {
        write!(out, "{}", report::text(&result, options))?;
        for c in coverage.iter().flatten() {
            write!(out, "\n{}", c.text())?;
        }
    }
    out.flush()?;
    if let Some(path) = &args.junit {
        std::fs::write(path, report::junit(&result, options))
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    if let (Some(path), Some(c)) = (&args.coverage_html, &coverage) {
        std::fs::write(path, BotCoverage::html(c)).with_context(|| format!("cannot write {}", path.display()))?;
    }
    if result.errors() > 0 {
        return Ok(ExitCode::from(2));
    }
    if result.failed() > 0 {
        return Ok(ExitCode::from(1));
    }
    if let (Some(min), Some(c)) = (args.coverage_min, &coverage)
        && let Some(low) = c.iter().find(|c| c.percent < min)
    {
        eprintln!("cbot test: coverage of {} is {:.1}%, under --coverage-min {min}%", low.bot, low.percent);
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

/// Merges the coverage of every case, per bot.
fn coverage_of(suite: &Suite, result: &cbot_testkit::RunResult) -> Vec<BotCoverage> {
    let mut per_bot: Vec<Option<Coverage>> = vec![None; suite.bots.len()];
    for ((_, b), r) in suite.cases.iter().zip(&result.cases) {
        if let Some(c) = &r.coverage {
            per_bot[*b].get_or_insert_with(Coverage::default).merge(c);
        }
    }
    suite
        .bots
        .iter()
        .zip(per_bot)
        .filter_map(|(b, c)| {
            let bot = b.bot.as_ref().ok()?;
            let file = cbot_engine::bot_file(&b.path);
            Some(BotCoverage::new(&file.display().to_string(), bot.compiled(), &c.unwrap_or_default()))
        })
        .collect()
}
