//! JSON built from the text with the place in the text each part came
//! from, so that problems found in the export (by cbot-model's validation,
//! by the script compiler) are reported at the `.cbot` text that produced
//! them rather than at a JSON file nobody wrote.
//!
//! The lowering builds an [`SNode`] tree: JSON values with a text span
//! each (for a value the text leaves out, the construct that implies it).
//! [`Lowered::json`] writes the export as JSON text and notes the byte range
//! of every value and key in it; [`TextMap::relabel`] turns spans into that
//! JSON into spans into the text, or into the script file a code panel came
//! from.

use cbot_diag::{Diagnostic, Diagnostics, FileId, SourceMap, Span};
use serde_json::Value;
use std::ops::Range;

/// A JSON value built from the text, with where it came from.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct SNode {
    pub v: SVal,
    /// The text that gives it (a literal, an entry's value, a kind word, a
    /// rule's clause …), in the `.cbot` file.
    pub span: Range<usize>,
    /// For a code panel read from a file: its index in the scripts read.
    pub script: Option<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum SVal {
    /// Null, a boolean, a number or a string.
    Scalar(Value),
    Array(Vec<SNode>),
    Object(Vec<Member>),
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Member {
    pub key: String,
    /// The key in the text (the construct that implies it, if none).
    pub key_span: Range<usize>,
    pub value: SNode,
}

impl SNode {
    pub fn scalar(v: Value, span: Range<usize>) -> SNode {
        SNode { v: SVal::Scalar(v), span, script: None }
    }

    pub fn string(s: impl Into<String>, span: Range<usize>) -> SNode {
        SNode::scalar(Value::String(s.into()), span)
    }

    pub fn array(items: Vec<SNode>, span: Range<usize>) -> SNode {
        SNode { v: SVal::Array(items), span, script: None }
    }

    pub fn object(members: Vec<Member>, span: Range<usize>) -> SNode {
        SNode { v: SVal::Object(members), span, script: None }
    }

    /// The JSON value.
    pub fn to_value(&self) -> Value {
        match &self.v {
            SVal::Scalar(v) => v.clone(),
            SVal::Array(items) => Value::Array(items.iter().map(SNode::to_value).collect()),
            SVal::Object(members) => {
                Value::Object(members.iter().map(|m| (m.key.clone(), m.value.to_value())).collect())
            }
        }
    }

    /// The members, for an object.
    pub fn members(&self) -> Option<&[Member]> {
        match &self.v {
            SVal::Object(m) => Some(m),
            _ => None,
        }
    }

    /// The string value of a member, for an object.
    pub fn get_str(&self, key: &str) -> Option<&str> {
        self.members()?.iter().find(|m| m.key == key).and_then(|m| match &m.value.v {
            SVal::Scalar(Value::String(s)) => Some(s.as_str()),
            _ => None,
        })
    }
}

impl Member {
    pub fn new(key: impl Into<String>, key_span: Range<usize>, value: SNode) -> Member {
        Member { key: key.into(), key_span, value }
    }

    /// A member the text implies: its key and value both come from `span`.
    pub fn implied(key: &str, value: Value, span: &Range<usize>) -> Member {
        Member::new(key, span.clone(), SNode::scalar(value, span.clone()))
    }
}

/// A script file read while lowering: its path as written, its text, and
/// the `file "…"` that named it.
#[derive(Debug, Clone)]
pub(crate) struct ScriptRead {
    pub path: String,
    pub text: String,
}

/// A bot's text turned into its CB export, remembering where each part of
/// the export came from.
#[derive(Debug, Clone)]
pub struct Lowered {
    pub(crate) root: SNode,
    pub(crate) text_file: FileId,
    pub(crate) scripts: Vec<ScriptRead>,
    /// The script files in the source map, by index in `scripts`, when the
    /// bot was loaded from disk.
    pub(crate) script_files: Vec<Option<FileId>>,
}

impl Lowered {
    /// The CB export.
    pub fn export(&self) -> Value {
        self.root.to_value()
    }

    /// The CB export as JSON text (indented by two spaces), and the map
    /// from places in that text back to the bot's text.
    pub fn json(&self) -> (String, TextMap) {
        let mut w = Writer { out: String::new(), spans: Vec::new() };
        w.node(&self.root, 0);
        w.out.push('\n');
        let map = TextMap { text_file: self.text_file, spans: w.spans, script_files: self.script_files.clone() };
        (w.out, map)
    }
}

/// Where a byte range of the JSON text came from.
#[derive(Debug, Clone)]
struct Mapped {
    json: Range<usize>,
    text: Range<usize>,
    script: Option<usize>,
    /// The JSON range is a string literal.
    string: bool,
}

/// Maps places in the JSON text of a bot's export to the bot's text and
/// script files (see [`Lowered::json`]).
#[derive(Debug, Clone)]
pub struct TextMap {
    text_file: FileId,
    spans: Vec<Mapped>,
    script_files: Vec<Option<FileId>>,
}

impl TextMap {
    /// Points every label of `diagnostics` that is in `json_file` (where the
    /// JSON text was added to `sources`) at the text it came from, and sorts
    /// the diagnostics by their new places.
    pub fn relabel(&self, sources: &SourceMap, json_file: FileId, diagnostics: &mut Diagnostics) {
        let mut out = Diagnostics::new();
        for d in std::mem::take(diagnostics) {
            let mut moved = Diagnostic::new(d.severity(), d.code(), d.message());
            for l in d.labels() {
                let span = if l.span.file() == json_file { self.place(sources, json_file, l.span) } else { l.span };
                moved = if l.primary {
                    moved.with_label(span, l.message.clone())
                } else {
                    moved.with_secondary_label(span, l.message.clone())
                };
            }
            if let Some(h) = d.help() {
                moved = moved.with_help(h);
            }
            if let Some(n) = d.note() {
                moved = moved.with_note(n);
            }
            out.push(moved);
        }
        out.sort();
        *diagnostics = out;
    }

    /// The place in the text of a span of the JSON text: that of the
    /// smallest value or key holding it; inside a string, the same
    /// characters of the string's literal in the text or of its script file.
    fn place(&self, sources: &SourceMap, json_file: FileId, span: Span) -> Span {
        let Some(m) = self
            .spans
            .iter()
            .filter(|m| m.json.start <= span.start() && span.end() <= m.json.end)
            .min_by_key(|m| m.json.end - m.json.start)
        else {
            return Span::new(self.text_file, 0..0);
        };
        let whole = Span::new(self.text_file, m.text.clone());
        if !m.string || (span.start() == m.json.start && span.end() == m.json.end) {
            return whole;
        }
        // Inside the string: from the JSON literal's bytes to the decoded
        // string's, then to the bytes of the text's literal or the script.
        let json_text = sources.file(json_file).text();
        let Some(literal) = json_text.get(m.json.start + 1..m.json.end.saturating_sub(1)) else { return whole };
        let decoded = |at: usize| decoded_offset(literal, at.saturating_sub(m.json.start + 1));
        let (from, to) = (decoded(span.start()), decoded(span.end()));
        if let Some(file) = m.script.and_then(|i| self.script_files.get(i).copied().flatten()) {
            return Span::new(file, from..to);
        }
        let text = sources.file(self.text_file).text();
        match text.get(m.text.clone()) {
            Some(lit) if lit.len() >= 2 && lit.starts_with('"') && lit.ends_with('"') => {
                let inner = &lit[1..lit.len() - 1];
                let at = |d: usize| m.text.start + 1 + raw_offset(inner, d);
                Span::new(self.text_file, at(from)..at(to))
            }
            _ => whole,
        }
    }
}

/// The characters and escapes of a string literal's contents (without
/// quotes): where each starts in the literal and in the decoded string,
/// and then both lengths.
fn tokens(literal: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut decoded = 0;
    let mut chars = literal.char_indices();
    while let Some((i, c)) = chars.next() {
        out.push((i, decoded));
        if c != '\\' {
            decoded += c.len_utf8();
            continue;
        }
        match chars.next() {
            Some((_, 'u')) => {
                let hex: String = chars.by_ref().take(4).map(|(_, h)| h).collect();
                // Each half of a surrogate pair stands for two of the four
                // bytes of its character.
                decoded += match u32::from_str_radix(&hex, 16) {
                    Ok(0xD800..=0xDFFF) => 2,
                    Ok(u) => char::from_u32(u).map_or(3, char::len_utf8),
                    Err(_) => 0,
                };
            }
            Some((_, e)) => decoded += if e.is_ascii() { 1 } else { e.len_utf8() },
            None => {}
        }
    }
    out.push((literal.len(), decoded));
    out
}

/// The byte offset in the decoded string of byte `raw` of a string
/// literal's contents.
fn decoded_offset(literal: &str, raw: usize) -> usize {
    tokens(literal).iter().take_while(|(r, _)| *r <= raw).last().map_or(0, |(_, d)| *d)
}

/// The byte offset in a string literal's contents of byte `decoded` of the
/// decoded string.
fn raw_offset(literal: &str, decoded: usize) -> usize {
    tokens(literal).iter().find(|(_, d)| *d >= decoded).map_or(literal.len(), |(r, _)| *r)
}

struct Writer {
    out: String,
    spans: Vec<Mapped>,
}

impl Writer {
    fn pad(&mut self, indent: usize) {
        self.out.extend(std::iter::repeat_n(' ', indent));
    }

    fn node(&mut self, n: &SNode, indent: usize) {
        let start = self.out.len();
        match &n.v {
            SVal::Scalar(v) => self.out.push_str(&serde_json::to_string(v).unwrap_or_default()),
            SVal::Array(items) if items.is_empty() => self.out.push_str("[]"),
            SVal::Object(members) if members.is_empty() => self.out.push_str("{}"),
            SVal::Array(items) => {
                self.out.push_str("[\n");
                for (i, item) in items.iter().enumerate() {
                    self.pad(indent + 2);
                    self.node(item, indent + 2);
                    self.out.push_str(if i + 1 < items.len() { ",\n" } else { "\n" });
                }
                self.pad(indent);
                self.out.push(']');
            }
            SVal::Object(members) => {
                self.out.push_str("{\n");
                for (i, m) in members.iter().enumerate() {
                    self.pad(indent + 2);
                    let key_start = self.out.len();
                    self.out.push_str(&serde_json::to_string(&m.key).unwrap_or_default());
                    let json = key_start..self.out.len();
                    self.spans.push(Mapped { json, text: m.key_span.clone(), script: None, string: false });
                    self.out.push_str(": ");
                    self.node(&m.value, indent + 2);
                    self.out.push_str(if i + 1 < members.len() { ",\n" } else { "\n" });
                }
                self.pad(indent);
                self.out.push('}');
            }
        }
        let string = matches!(n.v, SVal::Scalar(Value::String(_)));
        self.spans.push(Mapped { json: start..self.out.len(), text: n.span.clone(), script: n.script, string });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_through_escapes() {
        let lit = r#"a\"b\u00e9c\ud83d\ude00d"#;
        // a " b é c 😀 d
        assert_eq!(decoded_offset(lit, 0), 0);
        assert_eq!(decoded_offset(lit, 1), 1); // after a
        assert_eq!(decoded_offset(lit, 3), 2); // after \"
        assert_eq!(decoded_offset(lit, 4), 3); // after b
        assert_eq!(decoded_offset(lit, 10), 5); // after \u00e9
        assert_eq!(decoded_offset(lit, 11), 6); // after c
        assert_eq!(decoded_offset(lit, 23), 10); // after the pair
        for d in [0, 1, 2, 3, 5, 6, 10, 11] {
            assert_eq!(decoded_offset(lit, raw_offset(lit, d)), d, "{d}");
        }
    }
}
