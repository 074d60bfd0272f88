//! One module per subcommand, plus what they share.

pub mod bench;
pub mod chat;
pub mod check;
pub mod convert;
pub mod fmt;
pub mod loadtest;
pub mod matching;
pub mod script;
pub mod serve;
pub mod show;
pub mod test;

use anyhow::Context as _;
use cbot_diag::{Diagnostics, SourceMap, render};
use std::io::Write;
use std::path::Path;

/// Reads and loads a bot file. I/O problems are errors of the command;
/// problems in the bot are diagnostics.
pub fn load(path: &Path, sources: &mut SourceMap) -> anyhow::Result<cbot_model::Loaded> {
    // A bot directory holds its export as bot.json.
    let path = &cbot_engine::bot_file(path);
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    Ok(cbot_model::load(sources, path.display().to_string(), bytes))
}

/// Writes every diagnostic, each followed by a blank line.
pub fn print_diagnostics(
    out: &mut impl Write,
    diagnostics: &Diagnostics,
    sources: &SourceMap,
    color: bool,
) -> std::io::Result<()> {
    for d in diagnostics {
        let text = if color { render::color(d, sources) } else { render::plain(d, sources) };
        writeln!(out, "{text}")?;
    }
    Ok(())
}

/// "1 error", "2 warnings".
pub fn plural(n: usize, word: &str) -> String {
    if n == 1 { format!("{n} {word}") } else { format!("{n} {word}s") }
}
