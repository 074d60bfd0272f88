//! The syntax tree of a `.cbot` file: the pest grammar (`cbot.pest`), the
//! tree it gives (entries, values, comments, with byte ranges) and the
//! canonical printer. What entries mean is decided in `convert.rs`.

use cbot_diag::{Diagnostic, Diagnostics, FileId, SourceMap, Span};
use pest::Parser as _;
use pest::iterators::Pair;
use std::ops::Range;

mod grammar {
    #![allow(missing_docs, reason = "pest generates the Rule enum")]
    #[derive(pest_derive::Parser)]
    #[grammar = "cbot.pest"]
    pub(super) struct Grammar;
}
use grammar::{Grammar, Rule};

/// Keys that start a construct rather than an object field when written
/// bare; a JSON key spelt like one is printed quoted.
pub(crate) const KEYWORDS: [&str; 2] = ["dialog", "interaction"];

/// Lines longer than this are split (blocks and lists one item a line).
const WIDTH: usize = 100;

/// One item of a block or of the document: an entry or a comment.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// `# text` (the text after `#`, kept verbatim).
    Comment(String),
    /// `key value` or `keyword "label" { … }`.
    Entry(Entry),
}

/// `key value`, or `key "label" { … }`.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The key, decoded.
    pub key: String,
    /// Written bare and one of the keywords (`dialog`, `interaction`).
    pub keyword: bool,
    /// Where the key is.
    pub key_span: Range<usize>,
    /// The label (a dialog's or interaction's name) and where it is.
    pub label: Option<(String, Range<usize>)>,
    /// The value.
    pub value: Node,
}

/// A value with its byte range.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// What it is.
    pub kind: Kind,
    /// Where it is.
    pub span: Range<usize>,
}

/// The kinds of value.
#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    /// A string.
    Str(String),
    /// A number.
    Num(serde_json::Number),
    /// `true` or `false`.
    Bool(bool),
    /// `null`.
    Null,
    /// `file "scripts/x.js"`: the file's text.
    File(String),
    /// `from dialogs [order]`: the interactions of the dialogs.
    FromDialogs(Option<Box<Node>>),
    /// `{ entries }`: an object.
    Block(Vec<Item>),
    /// `[ values ]`: an array; comments are kept as `Err(text)`.
    List(Vec<Result<Node, String>>),
}

impl Kind {
    /// Fits on a line by itself (no nested structure).
    fn is_scalar(&self) -> bool {
        matches!(self, Kind::Str(_) | Kind::Num(_) | Kind::Bool(_) | Kind::Null | Kind::File(_))
    }

    /// May stand in a one-line block or list: a scalar, `{}` or `[]`.
    fn is_simple(&self) -> bool {
        match self {
            Kind::Block(items) => items.is_empty(),
            Kind::List(items) => items.is_empty(),
            k => k.is_scalar(),
        }
    }
}

/// A number literal (JSON syntax, checked by the grammar) as a JSON number:
/// integers that fit 64 bits exactly, others as the nearest double. Not
/// serde_json's parser: without its `float_roundtrip` feature it may miss
/// the nearest double by one bit, so `fmt` would not be a fixed point
/// (`123456789901234567890` printed as `1.2345678990123457e+20`, read back
/// as `…455e+20`; found by `cbot fuzz text`). `None` when out of range.
fn number(text: &str) -> Option<serde_json::Number> {
    if !text.contains(['.', 'e', 'E']) {
        if let Ok(n) = text.parse::<u64>() {
            return Some(n.into());
        }
        // `-0` stays a double, as serde_json reads it.
        if let Ok(n) = text.parse::<i64>()
            && n != 0
        {
            return Some(n.into());
        }
    }
    text.parse::<f64>().ok().and_then(serde_json::Number::from_f64)
}

/// Parses the `.cbot` file `file` into its items. Every problem found is
/// reported; the tree is returned only without errors.
pub fn parse(sources: &SourceMap, file: FileId) -> Result<Vec<Item>, Diagnostics> {
    let text = sources.file(file).text();
    let mut diags = Diagnostics::new();
    if let Some(at) = too_deep(text) {
        let end = at + 1; // `{` or `[`
        diags.push(
            Diagnostic::error("X001", "this bot text cannot be read")
                .with_label(Span::new(file, at..end), format!("nested more than {MAX_DEPTH} levels deep"))
                .with_help("CB exports nest about ten levels; this is not a bot"),
        );
        return Err(diags);
    }
    let root = match Grammar::parse(Rule::document, text) {
        Ok(mut pairs) => pairs.next().expect("the document rule matched"),
        Err(e) => {
            diags.push(syntax_error(file, text, &e));
            return Err(diags);
        }
    };
    let mut p = Parse { file, diags };
    let items = p.items(root.into_inner());
    if p.diags.has_errors() { Err(p.diags) } else { Ok(items) }
}

/// Blocks and lists nest at most this deep (the parser and the printer
/// recurse; serde_json stops at 128 too).
const MAX_DEPTH: usize = 128;

/// Where a `{` or `[` opens one level more than MAX_DEPTH, outside strings
/// and comments: checked before parsing so that no input exhausts the stack.
fn too_deep(text: &str) -> Option<usize> {
    let (mut depth, mut in_string, mut escaped, mut in_comment) = (0usize, false, false, false);
    for (i, b) in text.bytes().enumerate() {
        if in_comment {
            in_comment = b != b'\n';
        } else if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' | b'\n' => in_string = false,
                _ => {}
            }
        } else {
            match b {
                b'"' => in_string = true,
                b'#' => in_comment = true,
                b'{' | b'[' => {
                    depth += 1;
                    if depth > MAX_DEPTH {
                        return Some(i);
                    }
                }
                b'}' | b']' => depth = depth.saturating_sub(1),
                _ => {}
            }
        }
    }
    None
}

/// A syntax error (X001) at the position pest stopped, saying what could
/// come there.
fn syntax_error(file: FileId, text: &str, e: &pest::error::Error<Rule>) -> Diagnostic {
    let at = match e.location {
        pest::error::InputLocation::Pos(p) => p,
        pest::error::InputLocation::Span((s, _)) => s,
    }
    .min(text.len());
    let end = text[at..].chars().next().map_or(at, |c| at + c.len_utf8());
    let mut expected: Vec<&str> = match &e.variant {
        pest::error::ErrorVariant::ParsingError { positives, .. } => {
            positives.iter().filter_map(|r| rule_name(*r)).collect()
        }
        pest::error::ErrorVariant::CustomError { .. } => Vec::new(),
    };
    // Where any value may come, "a value" says it all.
    if expected.contains(&"a value") {
        expected.retain(|e| !matches!(*e, "`[`" | "`{`" | "a string"));
    }
    expected.sort_unstable();
    expected.dedup();
    let found = match text[at..].chars().next() {
        None => "the end of the file".to_string(),
        Some('\n') => "the end of the line".to_string(),
        Some(c) => format!("`{c}`"),
    };
    let label = if expected.is_empty() {
        format!("unexpected {found}")
    } else {
        format!("expected {}, found {found}", expected.join(" or "))
    };
    Diagnostic::error("X001", "this bot text cannot be read").with_label(Span::new(file, at..end), label).with_help(
        "an entry is `key value`; values are strings in double quotes, numbers, true, false, \
             null, `{ … }`, `[ … ]` or `file \"scripts/….js\"` (docs/text-format.md)",
    )
}

/// How a rule is named in "expected …"; `None` for rules never worth naming.
fn rule_name(rule: Rule) -> Option<&'static str> {
    Some(match rule {
        Rule::EOI => "the end of the file",
        Rule::entry | Rule::key | Rule::ident => "a key",
        Rule::comment => "a comment",
        Rule::label => "a name",
        Rule::string => "a string",
        Rule::number | Rule::kw_true | Rule::kw_false | Rule::kw_null | Rule::file_ref | Rule::from_dialogs => {
            "a value"
        }
        Rule::block => "`{`",
        Rule::list => "`[`",
        Rule::close_brace => "`}`",
        Rule::close_bracket => "`]`",
        _ => return None,
    })
}

struct Parse {
    file: FileId,
    diags: Diagnostics,
}

impl Parse {
    fn items<'a>(&mut self, pairs: impl Iterator<Item = Pair<'a, Rule>>) -> Vec<Item> {
        let mut items = Vec::new();
        for p in pairs {
            match p.as_rule() {
                Rule::comment => items.push(Item::Comment(comment_text(&p))),
                Rule::entry => items.push(Item::Entry(self.entry(p))),
                _ => {} // EOI, `}`
            }
        }
        items
    }

    fn entry(&mut self, p: Pair<'_, Rule>) -> Entry {
        let mut inner = p.into_inner();
        let key = inner.next().expect("an entry has a key");
        let key_span = range(&key);
        let key_tok = key.into_inner().next().expect("a key is an ident or a string");
        let (key, keyword) = match key_tok.as_rule() {
            Rule::ident => {
                let k = key_tok.as_str().to_string();
                let kw = KEYWORDS.contains(&k.as_str());
                (k, kw)
            }
            _ => (self.string(&key_tok), false),
        };
        let mut next = inner.next().expect("an entry has a value");
        let mut label = None;
        if next.as_rule() == Rule::label {
            let s = next.into_inner().next().expect("a label is a string");
            label = Some((self.string(&s), range(&s)));
            next = inner.next().expect("a label is followed by a block");
        }
        let value = self.value(next);
        Entry { key, keyword, key_span, label, value }
    }

    fn value(&mut self, p: Pair<'_, Rule>) -> Node {
        let span = range(&p);
        let kind = match p.as_rule() {
            Rule::string => Kind::Str(self.string(&p)),
            Rule::number => match number(p.as_str()) {
                Some(n) => Kind::Num(n),
                None => {
                    self.diags.push(
                        Diagnostic::error("X008", "this number cannot be represented")
                            .with_label(Span::new(self.file, span.clone()), "out of range")
                            .with_help("numbers are JSON numbers within the range of a 64-bit float"),
                    );
                    Kind::Null
                }
            },
            Rule::kw_true => Kind::Bool(true),
            Rule::kw_false => Kind::Bool(false),
            Rule::kw_null => Kind::Null,
            Rule::file_ref => {
                let s = p.into_inner().next().expect("file takes a string");
                Kind::File(self.string(&s))
            }
            Rule::from_dialogs => Kind::FromDialogs(p.into_inner().next().map(|l| Box::new(self.value(l)))),
            Rule::block => Kind::Block(self.items(p.into_inner())),
            Rule::list => Kind::List(
                p.into_inner()
                    .filter(|q| q.as_rule() != Rule::close_bracket)
                    .map(|q| if q.as_rule() == Rule::comment { Err(comment_text(&q)) } else { Ok(self.value(q)) })
                    .collect(),
            ),
            r => unreachable!("the grammar has no value {r:?}"),
        };
        Node { kind, span }
    }

    /// Decodes a string literal (JSON's escapes), reporting a bad one (X008).
    fn string(&mut self, p: &Pair<'_, Rule>) -> String {
        serde_json::from_str::<String>(p.as_str()).unwrap_or_else(|e| {
            self.diags.push(
                Diagnostic::error("X008", "this string has a bad escape or control character")
                    .with_label(Span::new(self.file, range(p)), bad_string(p.as_str(), &e))
                    .with_help(
                        "strings use JSON's escapes: \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX; \
                         write a tab or other control character as an escape",
                    ),
            );
            String::new()
        })
    }
}

/// What is wrong in a string literal serde_json refused: its column
/// counts within the literal, which is on one line.
fn bad_string(literal: &str, e: &serde_json::Error) -> String {
    let at = literal.chars().take(e.column().saturating_sub(1)).map(char::len_utf8).sum::<usize>();
    match literal[at.min(literal.len())..].chars().next() {
        Some(c) if c.is_control() => format!("raw control character U+{:04X}", u32::from(c)),
        next => match literal[..at.min(literal.len())].rfind('\\') {
            Some(k) => {
                let end = (at + next.map_or(0, char::len_utf8)).min(literal.len());
                format!("bad escape `{}`", &literal[k..end])
            }
            None => "not a valid string".to_string(),
        },
    }
}

fn range(p: &Pair<'_, Rule>) -> Range<usize> {
    p.as_span().start()..p.as_span().end()
}

/// A comment's text after `#`, without a trailing carriage return.
fn comment_text(p: &Pair<'_, Rule>) -> String {
    p.as_str()[1..].trim_end_matches('\r').to_string()
}

// ---------------------------------------------------------------------------
// The printer. One canonical layout, so `cbot fmt` is idempotent and the
// text of a converted bot depends only on its JSON: two-space indentation;
// a block or list on one line when it holds only scalars, no comments, and
// fits in WIDTH; blank lines before dialogs and interactions.

/// Prints a document canonically.
pub fn print(items: &[Item]) -> String {
    let mut out = String::new();
    print_items(&mut out, items, 0, true);
    out
}

fn print_items(out: &mut String, items: &[Item], indent: usize, top: bool) {
    for (i, item) in items.iter().enumerate() {
        // A blank line separates dialogs and interactions (and, at the top,
        // multi-line entries) from what comes before; comments right
        // before an item go with it.
        if i > 0 && !matches!(items[i - 1], Item::Comment(_)) {
            let next = items[i..].iter().find_map(|it| match it {
                Item::Entry(e) => Some(e),
                Item::Comment(_) => None,
            });
            if next.is_some_and(|e| wants_gap(e, indent, top)) {
                out.push('\n');
            }
        }
        pad(out, indent);
        match item {
            Item::Comment(c) => {
                out.push('#');
                out.push_str(c);
            }
            Item::Entry(e) => print_entry(out, e, indent),
        }
        out.push('\n');
    }
}

fn wants_gap(e: &Entry, indent: usize, top: bool) -> bool {
    e.keyword || (top && !fits_inline(&e.value, indent + e.key.len() + 1))
}

fn pad(out: &mut String, indent: usize) {
    out.extend(std::iter::repeat_n(' ', indent));
}

fn print_entry(out: &mut String, e: &Entry, indent: usize) {
    let start = out.len();
    print_key(out, &e.key, e.keyword);
    if let Some((label, _)) = &e.label {
        out.push(' ');
        out.push_str(&quote(label));
    }
    out.push(' ');
    let column = indent + (out.len() - start);
    match &e.value.kind {
        // A dialog or interaction always opens a block of its own: they are
        // what a reader scans for.
        Kind::Block(items) if e.keyword && !items.is_empty() => print_block(out, items, indent),
        _ => print_value(out, &e.value, indent, column),
    }
}

fn print_block(out: &mut String, items: &[Item], indent: usize) {
    out.push_str("{\n");
    print_items(out, items, indent + 2, false);
    pad(out, indent);
    out.push('}');
}

fn print_key(out: &mut String, key: &str, keyword: bool) {
    if keyword || (is_ident(key) && !KEYWORDS.contains(&key) && !is_value_word(key)) {
        out.push_str(key);
    } else {
        out.push_str(&quote(key));
    }
}

/// Words that start a value; bare keys may be spelt so, but quoting them
/// keeps a reader from wondering.
fn is_value_word(key: &str) -> bool {
    matches!(key, "true" | "false" | "null" | "file" | "from")
}

/// Whether `key` can be written bare (the grammar's `ident`).
pub(crate) fn is_ident(key: &str) -> bool {
    let mut chars = key.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}

/// A string as a literal (JSON's escapes).
pub(crate) fn quote(s: &str) -> String {
    serde_json::to_string(s).expect("a string serializes")
}

/// The one-line form of a value, if it has one and fits from `column`.
fn inline(node: &Node, column: usize) -> Option<String> {
    inline_at(node, column, 1)
}

/// `inline`, where blocks and lists may hold blocks and lists `depth`
/// levels down (one: `[{ text "Hi", buttons [] }]` reads well on a line;
/// more does not).
fn inline_at(node: &Node, column: usize, depth: usize) -> Option<String> {
    let s = match &node.kind {
        Kind::Str(s) => quote(s),
        Kind::Num(n) => n.to_string(),
        Kind::Bool(b) => b.to_string(),
        Kind::Null => "null".to_string(),
        Kind::File(p) => format!("file {}", quote(p)),
        Kind::FromDialogs(None) => "from dialogs".to_string(),
        Kind::FromDialogs(Some(list)) => format!("from dialogs {}", inline_at(list, column + 13, 0)?),
        Kind::Block(items) if items.is_empty() => "{}".to_string(),
        Kind::List(items) if items.is_empty() => "[]".to_string(),
        Kind::Block(items) => {
            let mut parts = Vec::new();
            for it in items {
                match it {
                    Item::Entry(e) if e.label.is_none() && nestable(&e.value.kind, depth) => {
                        let mut s = String::new();
                        print_key(&mut s, &e.key, e.keyword);
                        s.push(' ');
                        s.push_str(&inline_at(&e.value, 0, depth.saturating_sub(1))?);
                        parts.push(s);
                    }
                    _ => return None,
                }
            }
            format!("{{ {} }}", parts.join(", "))
        }
        Kind::List(items) => {
            let mut parts = Vec::new();
            for it in items {
                match it {
                    Ok(n) if nestable(&n.kind, depth) => parts.push(inline_at(n, 0, depth.saturating_sub(1))?),
                    _ => return None,
                }
            }
            format!("[{}]", parts.join(", "))
        }
    };
    (column + s.len() <= WIDTH || node.kind.is_scalar()).then_some(s)
}

fn nestable(kind: &Kind, depth: usize) -> bool {
    kind.is_simple() || (depth > 0 && matches!(kind, Kind::Block(_) | Kind::List(_)))
}

fn fits_inline(node: &Node, column: usize) -> bool {
    inline(node, column).is_some()
}

fn print_value(out: &mut String, node: &Node, indent: usize, column: usize) {
    if let Some(s) = inline(node, column) {
        out.push_str(&s);
        return;
    }
    match &node.kind {
        Kind::Block(items) => print_block(out, items, indent),
        Kind::List(items) => {
            out.push_str("[\n");
            let numbers = items.iter().all(|it| matches!(it, Ok(Node { kind: Kind::Num(_), .. })));
            if numbers {
                // Numbers fill lines: an order list of a big bot stays short.
                let mut line = String::new();
                for it in items.iter().flatten() {
                    let s = inline(it, 0).expect("numbers are inline");
                    if !line.is_empty() && indent + 2 + line.len() + 2 + s.len() > WIDTH {
                        pad(out, indent + 2);
                        out.push_str(&line);
                        out.push_str(",\n");
                        line.clear();
                    }
                    if !line.is_empty() {
                        line.push_str(", ");
                    }
                    line.push_str(&s);
                }
                pad(out, indent + 2);
                out.push_str(&line);
                out.push('\n');
            } else {
                for it in items {
                    pad(out, indent + 2);
                    match it {
                        Err(c) => {
                            out.push('#');
                            out.push_str(c);
                        }
                        Ok(n) => print_value(out, n, indent + 2, indent + 2),
                    }
                    out.push('\n');
                }
            }
            pad(out, indent);
            out.push(']');
        }
        Kind::FromDialogs(Some(list)) => {
            out.push_str("from dialogs ");
            print_value(out, list, indent, column + 13);
        }
        _ => unreachable!("scalars are always inline"),
    }
}
