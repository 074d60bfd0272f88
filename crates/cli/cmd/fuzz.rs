//! `cbot fuzz TARGET`: runs a fuzz target (crates/fuzz, docs/fuzzing.md)
//! and reports executions, speed and what it found.

use crate::{FuzzArgs, FuzzFormat};
use std::io::Write;
use std::process::ExitCode;
use std::time::Duration;

pub fn run(args: &FuzzArgs) -> anyhow::Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    if args.list {
        for name in cbot_fuzz::TARGETS {
            writeln!(out, "{name:8} {}", cbot_fuzz::about(name))?;
        }
        return Ok(ExitCode::SUCCESS);
    }
    let wanted = args.target.as_deref().unwrap_or("all");
    let names: Vec<&str> = if wanted == "all" { cbot_fuzz::TARGETS.to_vec() } else { vec![wanted] };
    let root = match &args.corpus_root {
        Some(r) => r.clone(),
        None => std::env::current_dir()?,
    };
    let env = cbot_fuzz::Env::new(&root);
    let options = cbot_fuzz::Options {
        time: args.time.map(Duration::from_secs_f64),
        runs: args.runs,
        seed: args.seed,
        jobs: args.jobs.max(1),
        save_dir: Some(args.out.clone()),
        deadline: Duration::from_secs_f64(args.deadline.max(0.001)),
        minimize_time: Duration::from_secs(60),
        progress: true,
    };
    let mut found = false;
    for name in names {
        let Some(target) = cbot_fuzz::target(name, &env) else {
            anyhow::bail!("no fuzz target named `{name}` (cbot fuzz --list shows them)");
        };
        let report = cbot_fuzz::driver::run(target, &options);
        found |= report.finding.is_some();
        match args.format {
            FuzzFormat::Text => {
                let verdict = if report.finding.is_some() { "1 finding" } else { "no findings" };
                writeln!(
                    out,
                    "{}: {} executions in {:.1} s ({:.0}/s), seed {}, {verdict}",
                    report.target,
                    report.executions,
                    report.seconds,
                    report.rate(),
                    report.seed
                )?;
                if let Some(saved) = &report.finding {
                    writeln!(out, "  {}", saved.finding.kind)?;
                    for line in saved.finding.message.lines().take(40) {
                        writeln!(out, "    {line}")?;
                    }
                    if let Some(p) = &saved.path {
                        writeln!(
                            out,
                            "  minimised from {} to {} bytes: {}",
                            saved.original_len,
                            saved.input.len(),
                            p.display()
                        )?;
                    }
                    let shown: String = String::from_utf8_lossy(&saved.input).chars().take(4000).collect();
                    writeln!(out, "  input:\n{shown}")?;
                }
            }
            FuzzFormat::Json => {
                let finding = report.finding.as_ref().map(|s| {
                    serde_json::json!({
                        "kind": s.finding.kind,
                        "message": s.finding.message,
                        "file": s.path.as_ref().map(|p| p.display().to_string()),
                        "input": String::from_utf8_lossy(&s.input),
                        "original_bytes": s.original_len,
                    })
                });
                let doc = serde_json::json!({
                    "target": report.target,
                    "seed": report.seed,
                    "executions": report.executions,
                    "seconds": report.seconds,
                    "executions_per_second": report.rate(),
                    "findings": usize::from(report.finding.is_some()),
                    "finding": finding,
                });
                writeln!(out, "{doc}")?;
            }
        }
        out.flush()?;
    }
    Ok(if found { ExitCode::from(1) } else { ExitCode::SUCCESS })
}
