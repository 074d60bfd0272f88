//! The Conversation Builder pattern language: a pest grammar, an AST with
//! spans, a printer and precise, coded errors.
//!
//! CB chooses dialogs and question rules with patterns such as
//! `*(agent|representative|help|human)*` (shared CB-SPEC §1): literal text,
//! `*` for any text (possibly empty), and groups of alternatives `(a|b|)` that
//! nest and may have empty alternatives. This crate only *reads* patterns; it
//! does not match them (that is `cbot-matcher`) and it does not normalise case
//! or spacing (matching options decide that).
//!
//! # Example
//!
//! ```
//! let p = cbot_pattern::parse("*(agent|human)*").unwrap();
//! assert_eq!(p.items.len(), 3);
//! assert_eq!(p.to_string(), "*(agent|human)*"); // printing gives the source back
//!
//! let err = cbot_pattern::parse("(hi|hello").unwrap_err();
//! assert_eq!(err.code, "P001");
//! assert_eq!(err.message, "group is never closed: expected a closing `)`");
//! ```
//!
//! # Errors
//!
//! | code | problem |
//! |---|---|
//! | P001 | a group is never closed |
//! | P002 | a `)` closes no group |
//! | P003 | a `\|` outside any group |
//! | P004 | groups nest deeper than [`MAX_DEPTH`] |
//! | P005 | the pattern is longer than [`MAX_LEN`] bytes |
//!
//! Spans are byte ranges in the pattern; the caller shifts them to the
//! pattern's place in its file.

#![deny(missing_docs)]

mod grammar {
    #[derive(pest_derive::Parser)]
    #[grammar = "pattern.pest"]
    pub(crate) struct PatternParser;
}

use grammar::{PatternParser, Rule};
use pest::Parser as _;
use pest::iterators::Pair;
use std::fmt;

/// Deepest nesting of groups accepted (real patterns nest two or three).
pub const MAX_DEPTH: usize = 32;

/// Longest pattern accepted, in bytes. Matching cost grows with the square of
/// a pattern's length, so a hostile bot cannot make cbot allocate without
/// bound; real CB patterns are a few dozen bytes.
pub const MAX_LEN: usize = 2048;

/// A byte range in the pattern text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    fn of(pair: &Pair<'_, Rule>) -> Span {
        Span { start: pair.as_span().start(), end: pair.as_span().end() }
    }
}

/// A parsed pattern: what must fit the whole message.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Pattern {
    /// The top-level sequence.
    pub items: Vec<Item>,
}

/// One element of a sequence.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Item {
    /// Literal text, matched as written (modulo the matcher's options).
    Literal {
        /// The text, exactly as in the pattern.
        text: String,
        /// Where.
        span: Span,
    },
    /// `*`: any text, possibly empty.
    Star {
        /// Where.
        span: Span,
    },
    /// `(a|b|…)`: one of the alternatives; an alternative may be empty.
    Group {
        /// The alternatives, each a sequence, in order.
        alternatives: Vec<Vec<Item>>,
        /// From `(` to `)`.
        span: Span,
    },
}

impl Item {
    /// Where the item is in the pattern.
    pub fn span(&self) -> Span {
        match self {
            Item::Literal { span, .. } | Item::Star { span } | Item::Group { span, .. } => *span,
        }
    }
}

/// Why a pattern could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PatternError {
    /// Stable code (P001–P005).
    pub code: &'static str,
    /// One-line message.
    pub message: String,
    /// The offending characters in the pattern.
    pub span: Span,
    /// A short label for the span.
    pub label: String,
    /// How to fix it.
    pub help: Option<String>,
}

impl fmt::Display for PatternError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at byte {}", self.message, self.span.start)
    }
}

impl std::error::Error for PatternError {}

/// Parses a pattern.
pub fn parse(src: &str) -> Result<Pattern, PatternError> {
    precheck(src)?;
    match PatternParser::parse(Rule::pattern, src) {
        // The grammar's `pattern` rule always holds one sequence.
        Ok(mut pairs) => match pairs.next().and_then(|p| p.into_inner().next()) {
            Some(sequence) => Ok(Pattern { items: items(sequence) }),
            None => Err(unreadable(src, 0)),
        },
        // The precheck finds every error this grammar can report (the only
        // failures are bracket and bar placement), so this is a safety net
        // that still gives a coded error rather than a rule name.
        Err(e) => Err(unreadable(
            src,
            match e.location {
                pest::error::InputLocation::Pos(p) => p,
                pest::error::InputLocation::Span((s, _)) => s,
            },
        )),
    }
}

fn unreadable(src: &str, at: usize) -> PatternError {
    PatternError {
        code: "P000",
        message: "the pattern cannot be read".into(),
        span: char_span(src, at),
        label: "here".into(),
        help: None,
    }
}

fn items(pair: Pair<'_, Rule>) -> Vec<Item> {
    // A sequence holds only these three rules (pattern.pest).
    pair.into_inner()
        .filter_map(|p| match p.as_rule() {
            Rule::literal => Some(Item::Literal { text: p.as_str().to_string(), span: Span::of(&p) }),
            Rule::star => Some(Item::Star { span: Span::of(&p) }),
            Rule::group => {
                let span = Span::of(&p);
                Some(Item::Group { alternatives: p.into_inner().map(items).collect(), span })
            }
            _ => None,
        })
        .collect()
}

/// Finds bracket and bar errors with positions a user can act on: pest would
/// only say which token it expected next.
fn precheck(src: &str) -> Result<(), PatternError> {
    if src.len() > MAX_LEN {
        return Err(PatternError {
            code: "P005",
            message: format!("pattern is {} bytes long; cbot accepts at most {MAX_LEN}", src.len()),
            span: char_span(src, MAX_LEN),
            label: "the limit is reached here".into(),
            help: Some("split it into several patterns, or use a REGEX condition".into()),
        });
    }
    let mut open: Vec<usize> = Vec::new();
    for (i, c) in src.char_indices() {
        match c {
            '(' => {
                open.push(i);
                if open.len() > MAX_DEPTH {
                    return Err(PatternError {
                        code: "P004",
                        message: format!("groups nest deeper than {MAX_DEPTH} levels"),
                        span: Span { start: i, end: i + 1 },
                        label: "too deep".into(),
                        help: None,
                    });
                }
            }
            ')' if open.pop().is_none() => {
                return Err(PatternError {
                    code: "P002",
                    message: "unmatched `)`: no group is open here".into(),
                    span: Span { start: i, end: i + 1 },
                    label: "closes nothing".into(),
                    help: Some("remove it, or open the group with `(` earlier".into()),
                });
            }
            '|' if open.is_empty() => {
                return Err(PatternError {
                    code: "P003",
                    message: "`|` outside a group".into(),
                    span: Span { start: i, end: i + 1 },
                    label: "alternatives need a group".into(),
                    help: Some(format!("put the alternatives in parentheses: `({src})`")),
                });
            }
            _ => {}
        }
    }
    if let Some(&start) = open.last() {
        return Err(PatternError {
            code: "P001",
            message: "group is never closed: expected a closing `)`".into(),
            span: Span { start, end: start + 1 },
            label: "this group has no `)`".into(),
            help: Some("add `)` where the alternatives end".into()),
        });
    }
    Ok(())
}

fn char_span(src: &str, at: usize) -> Span {
    let mut at = at.min(src.len());
    while !src.is_char_boundary(at) {
        at -= 1;
    }
    let len = src[at..].chars().next().map_or(0, char::len_utf8);
    Span { start: at, end: at + len }
}

/// Prints the pattern in CB syntax: `parse(&p.to_string()) == p` (for a
/// parsed `p`, the text is exactly the source).
impl fmt::Display for Pattern {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_items(f, &self.items)
    }
}

fn write_items(f: &mut fmt::Formatter<'_>, items: &[Item]) -> fmt::Result {
    for item in items {
        match item {
            Item::Literal { text, .. } => f.write_str(text)?,
            Item::Star { .. } => f.write_str("*")?,
            Item::Group { alternatives, .. } => {
                f.write_str("(")?;
                for (i, alt) in alternatives.iter().enumerate() {
                    if i > 0 {
                        f.write_str("|")?;
                    }
                    write_items(f, alt)?;
                }
                f.write_str(")")?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lit(text: &str, start: usize) -> Item {
        Item::Literal { text: text.into(), span: Span { start, end: start + text.len() } }
    }

    #[test]
    fn parses_the_documented_examples() {
        let p = parse("(thank(|s)|thank you)*").unwrap();
        let Item::Group { alternatives, span } = &p.items[0] else { panic!() };
        assert_eq!(*span, Span { start: 0, end: 21 });
        assert_eq!(alternatives.len(), 2);
        let Item::Group { alternatives: inner, .. } = &alternatives[0][1] else { panic!() };
        assert_eq!(inner, &vec![vec![], vec![lit("s", 8)]]);
        assert_eq!(p.items[1], Item::Star { span: Span { start: 21, end: 22 } });
        for src in
            ["hello", "*home*", "I want a pair of (headphones|head phones|earbuds|earphones)", "", "()", "Quiz Me!"]
        {
            assert_eq!(parse(src).unwrap().to_string(), src);
        }
        assert_eq!(parse("").unwrap().items, vec![]);
    }

    #[test]
    fn errors_are_coded_and_placed() {
        let e = parse("*(agent|human*").unwrap_err();
        assert_eq!((e.code, e.span), ("P001", Span { start: 1, end: 2 }));
        let e = parse("(a))").unwrap_err();
        assert_eq!((e.code, e.span.start), ("P002", 3));
        let e = parse("hi|hello").unwrap_err();
        assert_eq!((e.code, e.span.start), ("P003", 2));
        assert_eq!(e.help.as_deref(), Some("put the alternatives in parentheses: `(hi|hello)`"));
        let e = parse(&"(".repeat(40)).unwrap_err();
        assert_eq!(e.code, "P004");
        let e = parse(&"a".repeat(MAX_LEN + 1)).unwrap_err();
        assert_eq!(e.code, "P005");
    }
}
