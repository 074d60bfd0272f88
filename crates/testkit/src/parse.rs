//! The text of test files: the pest grammar (`convo.pest`) and the raw
//! structure it gives — header, sections, lines with their spans. What the
//! lines mean is decided in `compile.rs`.

use cbot_diag::{Diagnostic, FileId, SourceMap, Span};
use pest::Parser as _;
use pest::iterators::Pair;

mod grammar {
    #![allow(missing_docs, reason = "pest generates the Rule enum")]
    #[derive(pest_derive::Parser)]
    #[grammar = "convo.pest"]
    pub(super) struct Grammar;
}
use grammar::{Grammar, Rule};

/// One line of a section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// The whole line (without indentation).
    pub span: Span,
    /// `!`: the check must not hold.
    pub not: bool,
    /// `?`: the step may be skipped.
    pub optional: bool,
    /// What the line says.
    pub kind: LineKind,
}

/// A hook-shaped line (`NAME args`) or text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LineKind {
    /// Text (escapes `!!` and `??` already resolved).
    Text(String),
    /// An upper-case name and the raw text after it.
    Hook {
        /// The name, e.g. `BUTTONS`.
        name: String,
        /// Where the name is.
        name_span: Span,
        /// The rest of the line, trimmed.
        args: String,
        /// The line without its `!`/`?` prefix: its text, if the name
        /// turns out not to be a hook.
        raw: String,
    },
}

/// What a section is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `#me`: the user says something.
    Me,
    /// `#bot`: what the bot must answer.
    Bot,
    /// `#begin`: set-up, once, before the first message.
    Begin,
    /// `#end`: checks once the conversation is over.
    End,
    /// `#include NAME`: the steps of a partial conversation.
    Include,
}

/// A section: its header line and its lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// Which kind.
    pub kind: Kind,
    /// The header line (`#bot`).
    pub span: Span,
    /// The header's argument (the partial conversation of `#include`).
    pub arg: String,
    /// The lines, blank ones left out.
    pub lines: Vec<Line>,
}

/// A parsed `.convo.txt` or `.pconvo.txt`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConvoText {
    /// The file.
    pub file: FileId,
    /// The first line: the test's name (empty when the file has none).
    pub name: String,
    /// Where the name is (the file's start when there is none).
    pub name_span: Span,
    /// The lines between the name and the first section.
    pub description: String,
    /// The sections in order.
    pub sections: Vec<Section>,
}

/// A parsed `.utterances.txt`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UtterancesText {
    /// The reference name (the first line).
    pub name: String,
    /// Where it is.
    pub name_span: Span,
    /// The utterances, in order.
    pub utterances: Vec<String>,
}

fn span(file: FileId, p: &Pair<'_, Rule>) -> Span {
    Span::new(file, p.as_span().start()..p.as_span().end())
}

/// A syntax error as a diagnostic (T001) at the position pest stopped.
fn syntax_error(file: FileId, sources: &SourceMap, e: &pest::error::Error<Rule>) -> Diagnostic {
    let at = match e.location {
        pest::error::InputLocation::Pos(p) => p,
        pest::error::InputLocation::Span((s, _)) => s,
    };
    let len = sources.file(file).text().len();
    let text = sources.file(file).text();
    // Point at the start of the offending line: what is wrong is the line.
    let at = text[..at.min(len)].rfind('\n').map_or(0, |k| k + 1);
    Diagnostic::error("T001", "this test file cannot be read").with_label(
        Span::new(file, at..(at + 1).min(len).max(at)),
        "expected a section (`#me`, `#bot`, `#begin`, `#end`, `#include NAME`) or a line of one",
    )
}

/// Parses a conversation file already added to `sources`.
#[expect(
    clippy::expect_used,
    reason = "the shape of a successful parse is fixed by convo.pest: a match of `convo` is one pair"
)]
pub fn convo(sources: &SourceMap, file: FileId) -> Result<ConvoText, Diagnostic> {
    let text = sources.file(file).text();
    let mut pairs = Grammar::parse(Rule::convo, text).map_err(|e| syntax_error(file, sources, &e))?;
    let root = pairs.next().expect("the convo rule matched");
    let mut out = ConvoText {
        file,
        name: String::new(),
        name_span: Span::new(file, 0..0),
        description: String::new(),
        sections: Vec::new(),
    };
    let mut description = Vec::new();
    for p in root.into_inner() {
        match p.as_rule() {
            Rule::title => {
                out.name = p.as_str().trim().to_string();
                let s = span(file, &p);
                let trimmed = p.as_str().trim_end();
                out.name_span = Span::new(file, s.start()..s.start() + trimmed.len());
            }
            Rule::description => description.push(p.as_str().trim().to_string()),
            Rule::section => out.sections.push(section(file, p)),
            _ => {}
        }
    }
    while description.last().is_some_and(String::is_empty) {
        description.pop();
    }
    out.description = description.join("\n").trim().to_string();
    Ok(out)
}

#[expect(
    clippy::expect_used,
    reason = "the shape of a successful parse is fixed by convo.pest: a `section` starts with its `section_head`"
)]
fn section(file: FileId, p: Pair<'_, Rule>) -> Section {
    let mut inner = p.into_inner();
    let head = inner.next().expect("a section starts with its header");
    let head_span = span(file, &head);
    let head_len = head.as_str().trim_end().len();
    let lead = head.as_str().len() - head.as_str().trim_start().len();
    let mut kind = Kind::Me;
    let mut arg = String::new();
    for h in head.into_inner() {
        match h.as_rule() {
            Rule::kind => {
                kind = match h.as_str().to_ascii_lowercase().as_str() {
                    "me" => Kind::Me,
                    "bot" => Kind::Bot,
                    "begin" => Kind::Begin,
                    "end" => Kind::End,
                    _ => Kind::Include,
                }
            }
            Rule::head_arg => arg = h.as_str().trim().to_string(),
            _ => {}
        }
    }
    let lines = inner.filter(|l| l.as_rule() == Rule::line).map(|l| line(file, l)).collect();
    Section { kind, span: Span::new(file, head_span.start() + lead..head_span.start() + head_len), arg, lines }
}

#[expect(
    clippy::expect_used,
    reason = "the shape of a successful parse is fixed by convo.pest: a `line` holds a hook or a text"
)]
fn line(file: FileId, p: Pair<'_, Rule>) -> Line {
    let whole = span(file, &p);
    let raw = p.as_str().trim_end_matches(['\r', '\n']);
    let lead = raw.len() - raw.trim_start().len();
    let line_span = Span::new(file, whole.start() + lead..whole.start() + raw.trim_end().len());
    let item = p.into_inner().next().expect("a line is a hook or text");
    let mut not = false;
    let mut optional = false;
    let mut set_flags = |f: &str| {
        not = f.contains('!');
        optional = f.contains('?');
    };
    let kind = match item.as_rule() {
        Rule::hook => {
            let mut name = String::new();
            let mut name_span = line_span;
            let mut args = String::new();
            let raw = item.as_str().trim_start_matches(['!', '?']).trim_end().to_string();
            for h in item.into_inner() {
                match h.as_rule() {
                    Rule::flags => set_flags(h.as_str()),
                    Rule::hook_name => {
                        name = h.as_str().to_string();
                        name_span = span(file, &h);
                    }
                    Rule::hook_args => args = h.as_str().trim().to_string(),
                    _ => {}
                }
            }
            LineKind::Hook { name, name_span, args, raw }
        }
        _ => {
            let mut text = String::new();
            for t in item.into_inner() {
                match t.as_rule() {
                    // `!!x` is the text `!x`, `??x` the text `?x`.
                    Rule::escaped => text = t.as_str()[1..].trim_end().to_string(),
                    Rule::flags => set_flags(t.as_str()),
                    Rule::rest | Rule::rest1 => text = t.as_str().trim_end().to_string(),
                    _ => {}
                }
            }
            LineKind::Text(text)
        }
    };
    Line { span: line_span, not, optional, kind }
}

/// Parses an utterance list already added to `sources`.
#[expect(clippy::expect_used, reason = "the shape of a successful parse is fixed by convo.pest: one `utterances` pair")]
pub fn utterances(sources: &SourceMap, file: FileId) -> Result<UtterancesText, Diagnostic> {
    let text = sources.file(file).text();
    let mut pairs = Grammar::parse(Rule::utterances, text).map_err(|e| {
        let d = syntax_error(file, sources, &e);
        Diagnostic::error("T001", "this utterance file cannot be read")
            .with_label(d.primary_span().unwrap_or(Span::new(file, 0..0)), "expected its name on the first line")
    })?;
    let root = pairs.next().expect("the utterances rule matched");
    let mut out = UtterancesText { name: String::new(), name_span: Span::new(file, 0..0), utterances: Vec::new() };
    for p in root.into_inner() {
        match p.as_rule() {
            Rule::title => {
                out.name = p.as_str().trim().to_string();
                out.name_span = span(file, &p);
            }
            Rule::utterance => {
                let u = p.as_str().trim();
                if !u.is_empty() {
                    out.utterances.push(u.to_string());
                }
            }
            _ => {}
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> ConvoText {
        let mut sources = SourceMap::new();
        let f = sources.add("t.convo.txt", text.to_string());
        convo(&sources, f).unwrap()
    }

    #[test]
    fn header_sections_and_lines() {
        let c = parse("greeting\nsays hello\n\n#me\nhi\n#bot\n!Sorry*\nBUTTONS Yes|No\n?? question\n#include common\n");
        assert_eq!(c.name, "greeting");
        assert_eq!(c.description, "says hello");
        let kinds: Vec<Kind> = c.sections.iter().map(|s| s.kind).collect();
        assert_eq!(kinds, [Kind::Me, Kind::Bot, Kind::Include]);
        assert_eq!(c.sections[2].arg, "common");
        let bot = &c.sections[1].lines;
        assert_eq!(bot[0].kind, LineKind::Text("Sorry*".into()));
        assert!(bot[0].not && !bot[0].optional);
        match &bot[1].kind {
            LineKind::Hook { name, args, .. } => assert_eq!((name.as_str(), args.as_str()), ("BUTTONS", "Yes|No")),
            other => panic!("{other:?}"),
        }
        assert_eq!(bot[2].kind, LineKind::Text("? question".into()));
        assert!(!bot[2].optional);
    }

    #[test]
    fn section_words_need_a_boundary() {
        let c = parse("t\n#me\n#meeting at noon\n");
        assert_eq!(c.sections.len(), 1);
        assert_eq!(c.sections[0].lines[0].kind, LineKind::Text("#meeting at noon".into()));
    }

    #[test]
    fn crlf_and_no_final_newline() {
        let c = parse("t\r\n#me\r\nhello\r\n#bot\r\nhi there");
        assert_eq!(c.sections[0].lines[0].kind, LineKind::Text("hello".into()));
        assert_eq!(c.sections[1].lines[0].kind, LineKind::Text("hi there".into()));
    }

    #[test]
    fn utterance_lists() {
        let mut sources = SourceMap::new();
        let f = sources.add("u.utterances.txt", "GREETING\nhi\n\nhello there\n".to_string());
        let u = utterances(&sources, f).unwrap();
        assert_eq!(u.name, "GREETING");
        assert_eq!(u.utterances, ["hi", "hello there"]);
    }
}
