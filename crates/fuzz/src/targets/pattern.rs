//! `pattern`: the CB pattern parser (cbot-pattern).
//!
//! Inputs: patterns generated from the grammar (literals with odd
//! characters, stars, nested groups with empty alternatives, sometimes past
//! the depth and length limits), seed patterns (tests/data/patterns, the
//! fixture bots) mutated with the grammar's tokens, and short strings over
//! the operator alphabet.
//!
//! Checks: no panic; a parsed pattern prints back to exactly its source and
//! re-parses to the same tree; item spans are in order, on character
//! boundaries and cover what they claim (`*`, `(…)`, the literal's text);
//! groups nest no deeper than `MAX_DEPTH`; an error has a P001–P005 code
//! (never the P000 safety net) and a non-empty span inside the pattern on
//! the character it blames.

use crate::mutate::{mutate_text, random_char};
use crate::rng::Rng;
use crate::targets::{Seeded, json_patterns, toml_string};
use crate::{Env, Finding, Worker};
use cbot_pattern::{Item, MAX_DEPTH, MAX_LEN, Span};
use std::sync::Arc;

/// Tokens of the pattern language and text around them.
pub const DICT: &[&str] =
    &["*", "(", ")", "|", "()", "(|)", "(a|b)", "**", "||", " ", "  ", "\t", "*(", ")*", "hi", "É", "!", "?", "."];

const WORDS: &[&str] = &[
    "hi",
    "hello",
    "agent",
    "human",
    "help",
    "yes",
    "no",
    "thank you",
    "Quiz Me!",
    "é",
    "ÉCOLE",
    "straße",
    "g'day",
    "a",
    "b",
    "ab",
    " ",
    "  ",
    "\t",
    "?",
    "...",
    "İ",
    "ſ",
    "\u{212A}",
    "😀",
    "\u{A0}",
    "representative",
];

/// The seed patterns: from the pattern suite and the fixture bots, with a
/// built-in fallback.
pub fn seeds(env: &Env) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for text in env.texts("tests/data/patterns", ".toml", 1 << 20) {
        out.extend(text.lines().filter_map(|l| toml_string(l, "pattern")));
    }
    for text in env.fixture_exports(1 << 20) {
        json_patterns(&text, &mut out);
    }
    for text in env.texts("tests/data/bots", ".json", 1 << 20) {
        json_patterns(&text, &mut out);
    }
    if out.is_empty() {
        out.extend(
            ["*(agent|representative|help|human)*", "(hi|hello|hey)*", "(thank(|s)|thank you)*", "Quiz Me!", "*home*"]
                .map(str::to_string),
        );
    }
    out.sort();
    out.dedup();
    out
}

/// A pattern from the grammar; `alphabet` words make the literals.
pub fn generate(rng: &mut Rng, words: &[&str], depth: usize) -> String {
    let mut out = String::new();
    let n = rng.range(0, 5);
    for _ in 0..n {
        item(rng, words, depth, &mut out);
    }
    out
}

fn item(rng: &mut Rng, words: &[&str], depth: usize, out: &mut String) {
    match rng.below(10) {
        0..=3 => out.push_str(rng.pick(words, "a")),
        4 => out.push(random_char(rng)),
        5 | 6 => out.push('*'),
        _ if depth > 0 => {
            out.push('(');
            let alts = rng.range(0, 4);
            for i in 0..alts.max(1) {
                if i > 0 {
                    out.push('|');
                }
                for _ in 0..rng.range(0, 3) {
                    item(rng, words, depth - 1, out);
                }
            }
            out.push(')');
        }
        _ => out.push_str(rng.pick(words, "a")),
    }
}

/// The target, its seeds read through `env`.
pub(crate) fn target(env: &Env) -> Seeded {
    Seeded::new("pattern", "txt", seeds(env), |seeds| Box::new(PatternWorker { seeds }))
}

struct PatternWorker {
    seeds: Arc<Vec<String>>,
}

impl Worker for PatternWorker {
    fn generate(&mut self, rng: &mut Rng) -> Vec<u8> {
        let text = match rng.below(10) {
            0..=3 => {
                let depth = rng.range(1, 4);
                generate(rng, WORDS, depth)
            }
            4..=7 => {
                let seed = rng.choose(&self.seeds).cloned().unwrap_or_default();
                mutate_text(rng, &seed, DICT, &self.seeds, 4)
            }
            8 => {
                // Short strings over the operators: every bracket error.
                (0..rng.range(0, 16)).map(|_| rng.pick(&['(', ')', '|', '*', 'a', ' ', 'é'], 'a')).collect()
            }
            _ => {
                // Near the limits: deep nesting and long patterns.
                if rng.chance(1, 2) {
                    let d = rng.range(MAX_DEPTH - 2, MAX_DEPTH + 2);
                    format!("{}x{}", "(".repeat(d), ")".repeat(rng.range(d.saturating_sub(1), d + 1)))
                } else {
                    let word = rng.pick(WORDS, "a");
                    let n = (MAX_LEN / word.len().max(1)).saturating_sub(2) + rng.below(5);
                    format!("*{}*", word.repeat(n))
                }
            }
        };
        text.into_bytes()
    }

    fn execute(&mut self, input: &[u8]) -> Result<(), Finding> {
        check(&String::from_utf8_lossy(input))
    }
}

/// The parser's properties on one pattern.
pub fn check(src: &str) -> Result<(), Finding> {
    match cbot_pattern::parse(src) {
        Ok(p) => {
            let printed = p.to_string();
            if printed != src {
                return Err(Finding::new("printed pattern differs from its source", format!("{src:?} → {printed:?}")));
            }
            match cbot_pattern::parse(&printed) {
                Ok(again) if again == p => {}
                other => return Err(Finding::new("re-parsing the printed pattern differs", format!("{other:?}"))),
            }
            if src.len() > MAX_LEN {
                return Err(Finding::new("a pattern over MAX_LEN parsed", format!("{} bytes", src.len())));
            }
            let depth = spans(src, &p.items, 0, 0, src.len())?;
            if depth > MAX_DEPTH {
                return Err(Finding::new("groups nest deeper than MAX_DEPTH", format!("{depth}")));
            }
            Ok(())
        }
        Err(e) => {
            if !matches!(e.code, "P001" | "P002" | "P003" | "P004" | "P005") {
                return Err(Finding::new(format!("unexpected error code {}", e.code), format!("{e:?}")));
            }
            let Span { start, end } = e.span;
            if start >= end || end > src.len() || !src.is_char_boundary(start) || !src.is_char_boundary(end) {
                return Err(Finding::new(
                    format!("{} span outside the pattern or empty", e.code),
                    format!("{start}..{end} of {}", src.len()),
                ));
            }
            let blamed = &src[start..end];
            let right = match e.code {
                "P001" | "P004" => blamed == "(",
                "P002" => blamed == ")",
                "P003" => blamed == "|",
                _ => true,
            };
            if !right {
                return Err(Finding::new(format!("{} blames the wrong character", e.code), format!("{blamed:?}")));
            }
            Ok(())
        }
    }
}

/// Checks the spans of a sequence lying in `lo..hi`; returns the nesting
/// depth below it.
fn spans(src: &str, items: &[Item], depth: usize, lo: usize, hi: usize) -> Result<usize, Finding> {
    let bad = |what: &str, s: Span| {
        Err(Finding::new(format!("bad span: {what}"), format!("{}..{} in {src:?}", s.start, s.end)))
    };
    let mut at = lo;
    let mut deepest = depth;
    for item in items {
        let s = item.span();
        if s.start < at
            || s.end > hi
            || s.start >= s.end
            || !src.is_char_boundary(s.start)
            || !src.is_char_boundary(s.end)
        {
            return bad("out of order or outside its parent", s);
        }
        let covered = &src[s.start..s.end];
        match item {
            Item::Literal { text, .. } if covered != text => return bad("literal", s),
            Item::Star { .. } if covered != "*" => return bad("star", s),
            Item::Group { alternatives, .. } => {
                if !covered.starts_with('(') || !covered.ends_with(')') {
                    return bad("group", s);
                }
                for alt in alternatives {
                    deepest = deepest.max(spans(src, alt, depth + 1, s.start + 1, s.end - 1)?);
                }
            }
            _ => {}
        }
        at = s.end;
    }
    Ok(deepest)
}
