//! Renderers: [`plain`] (deterministic, for snapshots and logs), [`color`]
//! (ANSI, for terminals) and [`json`] (for editors and CI).
//!
//! The plain and colour forms share one layout, modelled on rustc's:
//!
//! ```text
//! error[D012]: interaction `text_3` belongs to a dialog that does not exist
//!   --> bot.json:41:16
//!    |
//! 41 |       "group": "no-such-dialog",
//!    |                ^^^^^^^^^^^^^^^^ no entry in `groups` has this id
//!    |
//!    = help: set `group` to the `id` of one of the bot's dialogs
//! ```
//!
//! Lines are cut to [`WIDTH`] columns around the span, so a minified export
//! (one 50 kB line) still renders readably.

use crate::{Diagnostic, Label, Severity, SourceMap};
use std::fmt::Write as _;

/// The width the plain and colour renderers keep source lines within.
pub const WIDTH: usize = 80;

/// Renders one diagnostic without colour. Deterministic: the same input gives
/// the same bytes on every machine.
pub fn plain(diagnostic: &Diagnostic, sources: &SourceMap) -> String {
    layout(diagnostic, sources, &Palette::PLAIN)
}

/// Renders one diagnostic with ANSI colours.
pub fn color(diagnostic: &Diagnostic, sources: &SourceMap) -> String {
    layout(diagnostic, sources, &Palette::ANSI)
}

/// A diagnostic as a JSON object:
///
/// ```json
/// {"severity": "warning", "code": "D015", "message": "…",
///  "file": "bot.json", "line": 3, "column": 7, "end_line": 3, "end_column": 9,
///  "labels": [{"file": "bot.json", "line": 3, "column": 7, "end_line": 3,
///              "end_column": 9, "byte_start": 40, "byte_end": 42,
///              "message": "…", "primary": true}],
///  "help": "…", "note": null}
/// ```
///
/// Lines and columns are 1-based; columns count characters; `end_*` is
/// exclusive. `file`, `line` and `column` are those of the primary label and
/// are `null` when the diagnostic has no span.
pub fn json(diagnostic: &Diagnostic, sources: &SourceMap) -> serde_json::Value {
    use serde_json::{Value, json};
    let labels: Vec<Value> = diagnostic
        .labels()
        .iter()
        .map(|l| {
            let file = sources.file(l.span.file());
            let (line, column) = file.line_col(l.span.start());
            let (end_line, end_column) = file.line_col(l.span.end());
            json!({
                "file": file.name(), "line": line, "column": column,
                "end_line": end_line, "end_column": end_column,
                "byte_start": l.span.start(), "byte_end": l.span.end(),
                "message": l.message, "primary": l.primary,
            })
        })
        .collect();
    let primary = labels.iter().find(|l| l["primary"] == true);
    let field = |k: &str| primary.map_or(Value::Null, |l| l[k].clone());
    json!({
        "severity": diagnostic.severity().as_str(),
        "code": diagnostic.code(),
        "message": diagnostic.message(),
        "file": field("file"), "line": field("line"), "column": field("column"),
        "end_line": field("end_line"), "end_column": field("end_column"),
        "labels": labels,
        "help": diagnostic.help(),
        "note": diagnostic.note(),
    })
}

struct Palette {
    error: &'static str,
    warning: &'static str,
    bold: &'static str,
    gutter: &'static str,
    secondary: &'static str,
    reset: &'static str,
}

impl Palette {
    const PLAIN: Palette = Palette { error: "", warning: "", bold: "", gutter: "", secondary: "", reset: "" };
    const ANSI: Palette = Palette {
        error: "\x1b[1;31m",
        warning: "\x1b[1;33m",
        bold: "\x1b[1m",
        gutter: "\x1b[1;34m",
        secondary: "\x1b[1;34m",
        reset: "\x1b[0m",
    };

    fn severity(&self, s: Severity) -> &'static str {
        match s {
            Severity::Error => self.error,
            Severity::Warning => self.warning,
        }
    }
}

fn layout(d: &Diagnostic, sources: &SourceMap, p: &Palette) -> String {
    let mut out = String::new();
    let sev = p.severity(d.severity());
    let _ = writeln!(out, "{sev}{}[{}]{}{}: {}{}", d.severity(), d.code(), p.reset, p.bold, d.message(), p.reset);
    // The gutter is as wide as the largest line number shown.
    let gutter = d
        .labels()
        .iter()
        .map(|l| sources.file(l.span.file()).line_col(l.span.start()).0.to_string().len())
        .max()
        .unwrap_or(0);
    let pad = " ".repeat(gutter);
    let bar = format!("{}{pad} |{}", p.gutter, p.reset);

    let mut previous: Option<(crate::FileId, usize)> = None;
    for label in d.labels() {
        let file = sources.file(label.span.file());
        let (line, col) = file.line_col(label.span.start());
        if previous.map(|(f, _)| f) != Some(label.span.file()) {
            let arrow = if previous.is_none() { "-->" } else { ":::" };
            let _ = writeln!(out, "{pad}{}{arrow}{} {}:{line}:{col}", p.gutter, p.reset, file.name());
            let _ = writeln!(out, "{bar}");
        }
        let (text, start_col, width) = window(file.line_text(line), label, file, line, gutter);
        if previous != Some((label.span.file(), line)) {
            let _ = writeln!(out, "{}{line:>gutter$} |{} {text}", p.gutter, p.reset);
        }
        let (mark, style) = if label.primary { ('^', sev) } else { ('-', p.secondary) };
        let marks: String = std::iter::repeat_n(mark, width).collect();
        let message = if label.message.is_empty() { String::new() } else { format!(" {}", label.message) };
        let _ = writeln!(out, "{bar} {}{style}{marks}{message}{}", " ".repeat(start_col), p.reset);
        previous = Some((label.span.file(), line));
    }
    if (d.note().is_some() || d.help().is_some()) && !d.labels().is_empty() {
        let _ = writeln!(out, "{bar}");
    }
    for (kind, text) in [("note", d.note()), ("help", d.help())] {
        if let Some(text) = text {
            let _ = writeln!(out, "{pad} {}={} {}{kind}{}: {text}", p.gutter, p.reset, p.bold, p.reset);
        }
    }
    out
}

/// Cuts `line` to fit the width and returns the visible text, the column of
/// the label's first character inside it, and the number of markers to draw.
fn window(
    line: &str,
    label: &Label,
    file: &crate::SourceFile,
    line_no: usize,
    gutter: usize,
) -> (String, usize, usize) {
    // Tabs would break the alignment of the markers; show them as one space.
    fn shown(c: char) -> char {
        if c == '\t' { ' ' } else { c }
    }
    // Only the visible part of the line is copied: a minified bot is one
    // line of megabytes, and `cbot check` may report thousands of problems
    // on it (copying the line each time made that quadratic).
    let line_end = file.line_start(line_no) + line.len();
    // Counted through the file's index, not by walking the line.
    let len = file.line_col(line_end).1 - 1;
    let start = file.line_col(label.span.start()).1 - 1;
    // A span that runs past the end of its first line is marked to that end.
    let end = if label.span.end() > line_end { len } else { file.line_col(label.span.end()).1 - 1 };
    // At least one marker, even for an empty span or one at the end of input.
    let width = (end.saturating_sub(start)).max(1);
    let avail = WIDTH.saturating_sub(gutter + 3).max(20);
    if len <= avail {
        return (line.chars().map(shown).collect(), start, width);
    }
    // Keep about a third of the room for context before the span.
    const ELLIPSIS: &str = "...";
    let room = avail - 2 * ELLIPSIS.len();
    let from = start.saturating_sub(room / 3).min(len.saturating_sub(room));
    let to = (from + room).min(len);
    // The byte where character `from` starts: `start - from` characters
    // before the span's first byte (`from` is never after it).
    let line_start = file.line_start(line_no);
    let mut at = label.span.start().clamp(line_start, line_end) - line_start;
    while !line.is_char_boundary(at) {
        at -= 1;
    }
    let from_byte = match start - from {
        0 => at,
        back => line.get(..at).unwrap_or_default().char_indices().rev().nth(back - 1).map_or(0, |(b, _)| b),
    };
    let mut text = String::new();
    let mut shift = 0;
    if from > 0 {
        text.push_str(ELLIPSIS);
        shift = ELLIPSIS.len();
    }
    text.extend(line.get(from_byte..).unwrap_or_default().chars().map(shown).take(to - from));
    if to < len {
        text.push_str(ELLIPSIS);
    }
    let visible_start = start - from + shift;
    let width = width.min(to.saturating_sub(start)).max(1);
    (text, visible_start, width)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Diagnostic, SourceMap};

    #[test]
    fn plain_layout_matches_the_documented_shape() {
        let mut map = SourceMap::new();
        let f = map.add("bot.json", "{\n  \"group\": \"x\"\n}\n".to_string());
        let d = Diagnostic::error("D012", "bad group")
            .with_label(map.span(f, 13..16), "no such dialog")
            .with_help("fix it");
        assert_eq!(
            plain(&d, &map),
            "error[D012]: bad group\n\
             \x20--> bot.json:2:12\n\
             \x20 |\n\
             2 |   \"group\": \"x\"\n\
             \x20 |            ^^^ no such dialog\n\
             \x20 |\n\
             \x20 = help: fix it\n"
        );
    }

    #[test]
    fn long_lines_are_cut_around_the_span() {
        let mut map = SourceMap::new();
        let text = format!("{}TARGET{}", "a".repeat(500), "b".repeat(500));
        let f = map.add("min.json", text);
        let d = Diagnostic::warning("D015", "m").with_label(map.span(f, 500..506), "here");
        let out = plain(&d, &map);
        for line in out.lines() {
            assert!(line.chars().count() <= WIDTH + 10, "too wide: {line}");
        }
        let src_line = out.lines().nth(3).unwrap();
        let marks = out.lines().nth(4).unwrap();
        let col = marks.find('^').unwrap();
        assert_eq!(&src_line[col..col + 6], "TARGET");
        assert!(marks.contains("^^^^^^ here"));
    }

    /// The cut works in characters: multi-byte text before the span, and
    /// spans near either end of a long line.
    #[test]
    fn long_lines_of_multibyte_text_are_cut_in_characters() {
        let mut map = SourceMap::new();
        let text = format!("{}TARGET{}", "é\t".repeat(300), "ü".repeat(500));
        let at = "é\t".len() * 300;
        let f = map.add("min.json", text.clone());
        for (span, want) in [(at..at + 6, "TARGET"), (0..2, "é"), (text.len() - 2..text.len(), "ü")] {
            let d = Diagnostic::warning("D015", "m").with_label(map.span(f, span.clone()), "here");
            let out = plain(&d, &map);
            let src_line: Vec<char> = out.lines().nth(3).unwrap().chars().collect();
            let marks = out.lines().nth(4).unwrap();
            let col = marks.chars().position(|c| c == '^').unwrap();
            let shown: String = src_line[col..col + want.chars().count()].iter().collect();
            assert_eq!(shown, want.replace('\t', " "), "{span:?}: {out}");
            assert!(src_line.len() <= WIDTH + 10, "{span:?}: {out}");
        }
    }

    #[test]
    fn json_has_positions_of_the_primary_label() {
        let mut map = SourceMap::new();
        let f = map.add("b.json", "[1,\n 2]".to_string());
        let d = Diagnostic::error("D004", "m").with_label(map.span(f, 5..6), "");
        let v = json(&d, &map);
        assert_eq!(v["line"], 2);
        assert_eq!(v["column"], 2);
        assert_eq!(v["labels"][0]["byte_start"], 5);
        assert_eq!(v["help"], serde_json::Value::Null);
    }

    #[test]
    fn diagnostics_without_spans_render_header_and_notes() {
        let map = SourceMap::new();
        let d = Diagnostic::warning("D099", "m").with_note("n");
        assert_eq!(plain(&d, &map), "warning[D099]: m\n = note: n\n");
    }
}
