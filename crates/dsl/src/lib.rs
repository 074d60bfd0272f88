//! Bots as code: the cbot text format for Conversation Builder bots.
//!
//! A bot in text form is a directory holding `bot.cbot` and the bot's
//! JavaScript under `scripts/` (docs/text-format.md). This crate converts
//! a CB export to that form ([`to_text`]) and back ([`to_json`]), and
//! formats text canonically ([`format()`]).
//!
//! The conversion is lossless: JSON → text → JSON gives the export back,
//! keys in the same order and unknown fields included, and text → JSON →
//! text gives the same bytes. It is also concise: dialogs, interactions
//! and rules shaped as CB writes them are written in short forms that
//! leave out what CB always writes (`shape.rs`), each used only where the
//! conversion back gives the object exactly. Problems in the text are
//! [`Diagnostic`]s with codes `X001`…`X010` and spans into the file;
//! nothing panics on bad input. Problems found later in the export can be
//! moved to the text that made it ([`Lowered::json`], [`TextMap`]).
//!
//! Data flow: `cbot.pest` → [`syntax::parse`] → syntax tree ([`Item`]) →
//! `lower.rs` → JSON with spans (`origin.rs`); JSON → `raise.rs` → tree →
//! [`syntax::print`] → text. `cbot fmt` is parse → print.

#![deny(missing_docs)]

mod lower;
mod origin;
mod raise;
mod shape;
pub mod syntax;

pub use origin::{Lowered, TextMap};
pub use raise::{Script, slug, strict_eq};
pub use syntax::{Comment, Entry, Item, Kind, ListItem, Node};

use cbot_diag::{Diagnostic, Diagnostics, FileId, SourceMap};
use serde_json::Value;
use std::path::Path;

/// The file name of a bot's text in its directory.
pub const BOT_FILE: &str = "bot.cbot";

/// A bot in text form: the text of `bot.cbot` and its script files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextBot {
    /// The text of `bot.cbot`.
    pub text: String,
    /// The scripts it names, in the order they appear.
    pub scripts: Vec<Script>,
}

/// Converts a CB export to text. Fails (X009) only when `export` is not a
/// JSON object.
pub fn to_text(export: &Value) -> Result<TextBot, Diagnostic> {
    let (items, scripts) = raise::raise(export)?;
    Ok(TextBot { text: syntax::print(&items), scripts })
}

/// Converts the text in `file` to a CB export; `read` gives the text of a
/// script file from its path as written (relative to `bot.cbot`).
pub fn to_json(
    sources: &SourceMap,
    file: FileId,
    read: &mut dyn FnMut(&str) -> std::io::Result<String>,
) -> Result<Value, Diagnostics> {
    lower(sources, file, read).map(|l| l.export())
}

/// Converts the text in `file` to a CB export as [`to_json`] does, keeping
/// where each part of the export came from ([`Lowered::json`]).
pub fn lower(
    sources: &SourceMap,
    file: FileId,
    read: &mut dyn FnMut(&str) -> std::io::Result<String>,
) -> Result<Lowered, Diagnostics> {
    let items = syntax::parse(sources, file)?;
    let names = lower::Names::of_text(&items);
    let mut l = lower::Lower::new(file, std::rc::Rc::new(names), read);
    let root = l.root(&items);
    if l.diags.has_errors() {
        return Err(l.diags);
    }
    Ok(Lowered { root, text_file: file, script_files: vec![None; l.scripts.len()], scripts: l.scripts })
}

/// Formats the text in `file` canonically (comments kept). Formatting
/// formatted text changes nothing.
pub fn format(sources: &SourceMap, file: FileId) -> Result<String, Diagnostics> {
    Ok(syntax::print(&syntax::parse(sources, file)?))
}

/// Reads the bot at `path` (a `.cbot` file, or a directory holding
/// `bot.cbot`) as a CB export, its scripts read from beside it. The
/// file's text is added to `sources`. I/O errors reading `bot.cbot`
/// itself are returned as `Err(Err(_))`; problems in the text as
/// diagnostics.
pub fn load(path: &Path, sources: &mut SourceMap) -> Result<Result<Value, Diagnostics>, std::io::Error> {
    Ok(load_lowered(path, sources)?.map(|l| l.export()))
}

/// [`load`], keeping where each part of the export came from; the script
/// files read are added to `sources` too, so that problems found in their
/// code can point into them ([`TextMap::relabel`]).
pub fn load_lowered(path: &Path, sources: &mut SourceMap) -> Result<Result<Lowered, Diagnostics>, std::io::Error> {
    let file = if path.is_dir() { path.join(BOT_FILE) } else { path.to_path_buf() };
    let text = std::fs::read_to_string(&file)?;
    let dir = file.parent().map(Path::to_path_buf).unwrap_or_default();
    let id = sources.add(file.display().to_string(), text);
    let mut lowered = match lower(sources, id, &mut |rel| std::fs::read_to_string(dir.join(rel))) {
        Ok(l) => l,
        Err(d) => return Ok(Err(d)),
    };
    for (slot, s) in lowered.script_files.iter_mut().zip(&lowered.scripts) {
        *slot = Some(sources.add(dir.join(&s.path).display().to_string(), s.text.clone()));
    }
    Ok(Ok(lowered))
}

/// Writes a bot in text form into `dir` (created if need be): `bot.cbot`
/// and its scripts.
pub fn write(bot: &TextBot, dir: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    for s in &bot.scripts {
        let path = dir.join(&s.path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(path, &s.text)?;
    }
    std::fs::write(dir.join(BOT_FILE), &bot.text)
}

#[cfg(test)]
mod tests;
