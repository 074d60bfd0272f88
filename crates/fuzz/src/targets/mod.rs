//! The fuzz targets, and checks they share.

mod cbjson;
pub mod convo;
pub mod import;
pub mod js;
pub mod matcher;
pub mod pattern;
pub mod text;

use crate::{Finding, Target, Worker};
use cbot_diag::{Diagnostic, SourceMap, render};
use std::sync::Arc;

/// A target whose workers keep nothing but a shared, read-only seed corpus
/// (pattern, convo, text, import).
pub(crate) struct Seeded {
    name: &'static str,
    extension: &'static str,
    seeds: Arc<Vec<String>>,
    worker: fn(Arc<Vec<String>>) -> Box<dyn Worker>,
}

impl Seeded {
    pub(crate) fn new(
        name: &'static str,
        extension: &'static str,
        seeds: Vec<String>,
        worker: fn(Arc<Vec<String>>) -> Box<dyn Worker>,
    ) -> Seeded {
        Seeded { name, extension, seeds: Arc::new(seeds), worker }
    }
}

impl Target for Seeded {
    fn name(&self) -> &'static str {
        self.name
    }
    fn extension(&self) -> &'static str {
        self.extension
    }
    fn worker(&self) -> Result<Box<dyn Worker>, String> {
        Ok((self.worker)(self.seeds.clone()))
    }
}

/// Every label of every diagnostic points into an existing file, within
/// its text and on character boundaries; every diagnostic has a code and
/// renders (plain and JSON) without panicking.
pub fn check_diagnostics<'a>(
    diagnostics: impl IntoIterator<Item = &'a Diagnostic>,
    sources: &SourceMap,
    files: usize,
) -> Result<(), Finding> {
    for d in diagnostics {
        if d.code().is_empty() {
            return Err(Finding::new("diagnostic without a code", d.message().to_string()));
        }
        for label in d.labels() {
            let span = label.span;
            if span.file().index() >= files {
                return Err(Finding::new("diagnostic in an unknown file", format!("{}: {}", d.code(), d.message())));
            }
            let text = sources.file(span.file()).text();
            if span.start() > span.end()
                || span.end() > text.len()
                || !text.is_char_boundary(span.start())
                || !text.is_char_boundary(span.end())
            {
                return Err(Finding::new(
                    format!("{} has a span outside its file or inside a character", d.code()),
                    format!("{}..{} in {} bytes: {}", span.start(), span.end(), text.len(), d.message()),
                ));
            }
        }
        let _ = render::plain(d, sources);
        let _ = render::json(d, sources);
    }
    Ok(())
}

/// Reads a TOML basic string's content (`"…"` with `\"`, `\\`, `\n`, `\t`,
/// `\uXXXX`), for pulling patterns and messages out of the test data
/// without a TOML parser.
pub fn toml_string(line: &str, key: &str) -> Option<String> {
    let rest = line.trim_start().strip_prefix(key)?.trim_start().strip_prefix('=')?.trim();
    let body = rest.strip_prefix('"')?.strip_suffix('"')?;
    let mut out = String::new();
    let mut chars = body.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next()? {
            'n' => out.push('\n'),
            't' => out.push('\t'),
            'r' => out.push('\r'),
            'u' => {
                let hex: String = chars.by_ref().take(4).collect();
                out.push(char::from_u32(u32::from_str_radix(&hex, 16).ok()?)?);
            }
            other => out.push(other),
        }
    }
    Some(out)
}

/// Every string under a key named `pattern` in a JSON document (CB keeps a
/// dialog starter's patterns there).
pub fn json_patterns(text: &str, out: &mut Vec<String>) {
    fn walk(v: &serde_json::Value, out: &mut Vec<String>) {
        match v {
            serde_json::Value::Object(m) => {
                for (k, v) in m {
                    if k == "pattern" || k == "patterns" {
                        match v {
                            serde_json::Value::String(s) => out.push(s.clone()),
                            serde_json::Value::Array(a) => {
                                out.extend(a.iter().filter_map(|x| x.as_str().map(str::to_string)));
                            }
                            _ => {}
                        }
                    }
                    walk(v, out);
                }
            }
            serde_json::Value::Array(a) => a.iter().for_each(|x| walk(x, out)),
            _ => {}
        }
    }
    if let Ok(v) = serde_json::from_str::<serde_json::Value>(text) {
        walk(&v, out);
    }
}
