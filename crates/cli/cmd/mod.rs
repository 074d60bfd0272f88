//! One module per subcommand, plus what they share.

pub mod bench;
pub mod chat;
pub mod check;
pub mod convert;
pub mod fmt;
pub mod fuzz;
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
    // A bot directory holds its export as bot.json, or its text as bot.cbot.
    let file = &cbot_engine::bot_file(path);
    if cbot_engine::is_text_bot(file) {
        // The bot's diagnostics point into the export converted from the
        // text; problems in the text itself stop here (exit status 2).
        let (_, bytes) = cbot_engine::read_bot(file).map_err(|e| match e {
            cbot_engine::Error::Invalid(report) => {
                anyhow::anyhow!("{}: the text has errors:\n{report}", file.display())
            }
            e => anyhow::anyhow!("{e}"),
        })?;
        return Ok(cbot_model::load(sources, format!("{} (as JSON)", file.display()), bytes));
    }
    let bytes = std::fs::read(file).with_context(|| format!("cannot read {}", file.display()))?;
    Ok(cbot_model::load(sources, file.display().to_string(), bytes))
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
