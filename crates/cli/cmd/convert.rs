//! `cbot convert INPUT --to text|json OUT`: a bot between its CB export and
//! the cbot text format (docs/text-format.md).

use super::print_diagnostics;
use crate::{ConvertArgs, Form};
use anyhow::Context as _;
use cbot_diag::{Diagnostics, SourceMap};
use std::process::ExitCode;

pub fn run(args: &ConvertArgs) -> anyhow::Result<ExitCode> {
    match args.to {
        Form::Text => to_text(args),
        Form::Json => to_json(args),
    }
}

fn to_text(args: &ConvertArgs) -> anyhow::Result<ExitCode> {
    let path = cbot_engine::bot_file(&args.input);
    if cbot_engine::is_text_bot(&path) {
        anyhow::bail!("{} is already in text form (`cbot fmt` formats it)", path.display());
    }
    let bytes = std::fs::read(&path).with_context(|| format!("cannot read {}", path.display()))?;
    let export: serde_json::Value =
        serde_json::from_slice(&bytes).with_context(|| format!("{} is not JSON", path.display()))?;
    let bot = match cbot_dsl::to_text(&export) {
        Ok(bot) => bot,
        Err(d) => {
            let mut diags = Diagnostics::new();
            diags.push(d);
            return report(args, diags, &SourceMap::new());
        }
    };
    cbot_dsl::write(&bot, &args.out).with_context(|| format!("cannot write to {}", args.out.display()))?;
    eprintln!(
        "wrote {} and {}",
        args.out.join(cbot_dsl::BOT_FILE).display(),
        super::plural(bot.scripts.len(), "script")
    );
    // Scripts of an earlier conversion that this bot no longer names are
    // left alone (they may be someone's work), but said.
    let written: std::collections::HashSet<std::path::PathBuf> =
        bot.scripts.iter().map(|s| args.out.join(&s.path)).collect();
    for stale in js_files(&args.out.join("scripts")).into_iter().filter(|p| !written.contains(p)) {
        eprintln!("warning: {} is not used by the converted bot (left from an earlier conversion?)", stale.display());
    }
    Ok(ExitCode::SUCCESS)
}

/// The `.js` files under `dir`, recursively (none if it does not exist).
fn js_files(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        for entry in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                todo.push(path);
            } else if path.extension().is_some_and(|e| e == "js") {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

fn to_json(args: &ConvertArgs) -> anyhow::Result<ExitCode> {
    let mut sources = SourceMap::new();
    let export = match cbot_dsl::load(&args.input, &mut sources)
        .with_context(|| format!("cannot read {}", args.input.display()))?
    {
        Ok(v) => v,
        Err(diags) => return report(args, diags, &sources),
    };
    let out = if args.out.is_dir() { args.out.join("bot.json") } else { args.out.clone() };
    // Two-space indentation and a final newline, like the CB exports in the
    // fixtures, so a committed export diffs line by line.
    let mut text = serde_json::to_string_pretty(&export)?;
    text.push('\n');
    std::fs::write(&out, text).with_context(|| format!("cannot write {}", out.display()))?;
    eprintln!("wrote {}", out.display());
    Ok(ExitCode::SUCCESS)
}

fn report(args: &ConvertArgs, diags: Diagnostics, sources: &SourceMap) -> anyhow::Result<ExitCode> {
    let mut err = std::io::stderr().lock();
    print_diagnostics(&mut err, &diags, sources, args.color.enabled_stderr())?;
    eprintln!("{}: not converted, {}", args.input.display(), super::plural(diags.error_count(), "error"));
    Ok(ExitCode::from(2))
}
