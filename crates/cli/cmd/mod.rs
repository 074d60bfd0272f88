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

use cbot_diag::{Diagnostics, SourceMap, render};
use std::io::Write;
use std::path::Path;

/// Reads and loads a bot file. I/O problems are errors of the command;
/// problems in the bot are diagnostics.
pub fn load(path: &Path, sources: &mut SourceMap) -> anyhow::Result<cbot_model::Loaded> {
    Ok(load_file(path, sources)?.loaded)
}

/// [`load`], keeping what moves diagnostics found later in a text bot's
/// converted export to its text (`cbot check`'s script diagnostics).
pub fn load_file(path: &Path, sources: &mut SourceMap) -> anyhow::Result<cbot_engine::LoadedFile> {
    // A bot directory holds its export as bot.json, or its text as bot.cbot;
    // the bot's diagnostics point into the text, and problems in the text
    // itself stop here (exit status 2).
    let file = cbot_engine::bot_file(path);
    cbot_engine::load_file(path, sources).map_err(|e| match e {
        cbot_engine::Error::Invalid(report) => anyhow::anyhow!("{}: the text has errors:\n{report}", file.display()),
        e => anyhow::anyhow!("{e}"),
    })
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
