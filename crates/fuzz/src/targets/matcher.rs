//! `matcher`: the multi-pattern matcher (cbot-matcher `Matcher`) against
//! the reference matcher (`reference::is_match`), the executable
//! definition of what a pattern matches.
//!
//! An input is a small bot's worth of patterns with priorities, matching
//! options and messages, one per line (escapes `\n`, `\t`, `\r`, `\\`):
//!
//! ```text
//! options ci=1 trim=1 ws=1 punct=keep
//! p 0 *(agent|human)*
//! p 1 (hi|hello)*
//! m Hi there
//! ```
//!
//! Messages are mostly derived from the patterns (so that many match):
//! a walk through a pattern choosing alternatives and filling stars,
//! with case, spacing and punctuation changed; the rest are seeds and
//! random text.
//!
//! Checks, for every message (one scratch `Cache` reused throughout, as the
//! runtime does): `find_all` is exactly the patterns the reference accepts,
//! in (priority, order added) order; `find_best` is its first; `explain`
//! lists the same matches and the normalised message; `is_match` agrees
//! per pattern; and every pair `shadowed` reports is sound (whenever the
//! shadowed pattern matches, its cover does, and the cover ranks first).

use crate::mutate::{mutate_text, random_char};
use crate::rng::Rng;
use crate::targets::{pattern, toml_string};
use crate::{Env, Finding, Target, Worker};
use cbot_matcher::{Cache, MatchOptions, MatcherBuilder, PatternId, Punctuation, reference};
use cbot_pattern::{Item, Pattern};
use std::sync::Arc;

/// Short words over a small alphabet, so random messages often match.
const WORDS: &[&str] =
    &["a", "b", "ab", "ba", " ", "c", "A", "é", "É", "hi", "hi there", "!", "?", ".", ",", "ß", "İ", "\u{212A}"];

pub(crate) struct MatcherTarget {
    patterns: Arc<Vec<String>>,
    messages: Arc<Vec<String>>,
}

impl MatcherTarget {
    pub(crate) fn new(env: &Env) -> MatcherTarget {
        // Patterns near MAX_LEN (the long-input cases) make every check
        // slow without adding much: the `pattern` target covers them.
        let patterns: Vec<String> = pattern::seeds(env).into_iter().filter(|p| p.len() <= 256).collect();
        let mut messages: Vec<String> = Vec::new();
        for text in env.texts("tests/data/patterns", ".toml", 1 << 20) {
            // Long inputs are built with `repeat`; the short ones suffice.
            messages.extend(text.lines().filter_map(|l| toml_string(l, "input")).filter(|m| m.len() < 200));
        }
        if messages.is_empty() {
            messages.extend(["Hi", "can I talk to a human?", "thank you!"].map(str::to_string));
        }
        MatcherTarget { patterns: Arc::new(patterns), messages: Arc::new(messages) }
    }
}

impl Target for MatcherTarget {
    fn name(&self) -> &'static str {
        "matcher"
    }
    fn extension(&self) -> &'static str {
        "txt"
    }
    fn worker(&self) -> Result<Box<dyn Worker>, String> {
        Ok(Box::new(MatcherWorker { patterns: self.patterns.clone(), messages: self.messages.clone() }))
    }
}

struct MatcherWorker {
    patterns: Arc<Vec<String>>,
    messages: Arc<Vec<String>>,
}

fn escape(s: &str) -> String {
    s.replace('\\', "\\\\").replace('\n', "\\n").replace('\t', "\\t").replace('\r', "\\r")
}

fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('r') => out.push('\r'),
            Some(o) => out.push(o),
            None => out.push('\\'),
        }
    }
    out
}

/// A message the pattern accepts (before normalisation games): choose an
/// alternative in every group, fill every star.
fn derive(rng: &mut Rng, items: &[Item], out: &mut String) {
    for item in items {
        match item {
            Item::Literal { text, .. } => {
                if rng.chance(1, 6) {
                    // Case and spacing changes the options may forgive.
                    for c in text.chars() {
                        match rng.below(8) {
                            0 => out.extend(c.to_uppercase()),
                            1 if c == ' ' => out.push_str("  "),
                            2 if c == ' ' => out.push('\t'),
                            _ => out.push(c),
                        }
                    }
                } else {
                    out.push_str(text);
                }
            }
            Item::Star { .. } => {
                for _ in 0..rng.small(4) {
                    if rng.chance(3, 4) {
                        out.push_str(rng.pick(WORDS, "a"));
                    } else {
                        out.push(random_char(rng));
                    }
                }
            }
            Item::Group { alternatives, .. } => {
                if let Some(alt) = rng.choose(alternatives) {
                    derive(rng, alt, out);
                }
            }
        }
    }
}

impl Worker for MatcherWorker {
    fn generate(&mut self, rng: &mut Rng) -> Vec<u8> {
        let mut out = String::new();
        if rng.chance(3, 4) {
            let o = [rng.chance(3, 4), rng.chance(3, 4), rng.chance(3, 4)].map(u8::from);
            let punct = rng.pick(&["keep", "keep", "strip-trailing", "ignore"], "keep");
            out.push_str(&format!("options ci={} trim={} ws={} punct={punct}\n", o[0], o[1], o[2]));
        }
        let n = rng.range(1, 8);
        let mut parsed: Vec<Pattern> = Vec::new();
        for _ in 0..n {
            let p = match rng.below(10) {
                0..=4 => pattern::generate(rng, WORDS, 3),
                5..=7 => rng.choose(&self.patterns).cloned().unwrap_or_default(),
                _ => {
                    let seed = rng.choose(&self.patterns).cloned().unwrap_or_default();
                    mutate_text(rng, &seed, pattern::DICT, &self.patterns, 3)
                }
            };
            if let Ok(ast) = cbot_pattern::parse(&p) {
                parsed.push(ast);
            }
            out.push_str(&format!("p {} {}\n", rng.below(3), escape(&p)));
        }
        for _ in 0..rng.range(1, 6) {
            let m =
                match rng.below(10) {
                    0..=5 if !parsed.is_empty() => {
                        let mut m = String::new();
                        if let Some(p) = rng.choose(&parsed) {
                            derive(rng, &p.items, &mut m);
                        }
                        if rng.chance(1, 5) { mutate_text(rng, &m, WORDS, &self.messages, 2) } else { m }
                    }
                    6 | 7 => rng.choose(&self.messages).cloned().unwrap_or_default(),
                    _ => (0..rng.range(0, 12))
                        .map(|_| {
                            if rng.chance(3, 4) {
                                rng.pick(WORDS, "a").to_string()
                            } else {
                                random_char(rng).to_string()
                            }
                        })
                        .collect(),
                };
            out.push_str(&format!("m {}\n", escape(&m)));
        }
        out.into_bytes()
    }

    fn execute(&mut self, input: &[u8]) -> Result<(), Finding> {
        let text = String::from_utf8_lossy(input);
        let mut options = MatchOptions::default();
        let mut patterns: Vec<(String, u32)> = Vec::new();
        let mut messages: Vec<String> = Vec::new();
        for line in text.lines() {
            if let Some(rest) = line.strip_prefix("options ") {
                for kv in rest.split_whitespace() {
                    match kv.split_once('=') {
                        Some(("ci", v)) => options.case_insensitive = v == "1",
                        Some(("trim", v)) => options.trim = v == "1",
                        Some(("ws", v)) => options.collapse_whitespace = v == "1",
                        Some(("punct", "strip-trailing")) => options.punctuation = Punctuation::StripTrailing,
                        Some(("punct", "ignore")) => options.punctuation = Punctuation::Ignore,
                        Some(("punct", _)) => options.punctuation = Punctuation::Keep,
                        _ => {}
                    }
                }
            } else if let Some(rest) = line.strip_prefix("p ") {
                let (priority, pattern) = rest.split_once(' ').unwrap_or((rest, ""));
                patterns.push((unescape(pattern), priority.parse().unwrap_or(0)));
            } else if let Some(rest) = line.strip_prefix("m ") {
                messages.push(unescape(rest));
            }
        }
        check(&patterns, &messages, options)
    }
}

/// The matcher's properties on these patterns and messages.
pub fn check(patterns: &[(String, u32)], messages: &[String], options: MatchOptions) -> Result<(), Finding> {
    let mut b = MatcherBuilder::new(options);
    // (id, parsed pattern, priority) of the patterns that parse; the others
    // are unmatchable placeholders, as the runtime adds them.
    let mut parsed: Vec<Option<Pattern>> = Vec::new();
    for (p, priority) in patterns {
        match cbot_pattern::parse(p) {
            Ok(ast) => {
                b.add_parsed(ast.clone(), p.clone(), *priority);
                parsed.push(Some(ast));
            }
            Err(_) => {
                b.add_unmatchable(p.clone(), *priority);
                parsed.push(None);
            }
        }
    }
    let m = b.build();
    let mut order: Vec<usize> = (0..patterns.len()).collect();
    order.sort_by_key(|&i| (patterns[i].1, i));
    let shadowed = m.shadowed(10_000);
    let mut cache = Cache::new();
    for msg in messages {
        let accepts: Vec<bool> =
            parsed.iter().map(|p| p.as_ref().is_some_and(|p| reference::is_match(p, msg, &options))).collect();
        let want: Vec<PatternId> = order.iter().filter(|&&i| accepts[i]).map(|&i| PatternId(i as u32)).collect();
        let show = || format!("message {msg:?}, patterns {patterns:?}, options {options:?}");
        let all = m.find_all_with(msg, &mut cache);
        if all != want {
            return Err(Finding::new(
                "matcher find_all disagrees with the reference",
                format!("{}: matcher {all:?}, reference {want:?}", show()),
            ));
        }
        let best = m.find_best_with(msg, &mut cache);
        if best != want.first().copied() {
            return Err(Finding::new(
                "matcher find_best disagrees with the reference",
                format!("{}: {best:?}", show()),
            ));
        }
        if m.find_best(msg) != best {
            return Err(Finding::new("find_best with and without a cache differ", show()));
        }
        let why = m.explain(msg);
        let explained: Vec<PatternId> = why.matches.iter().map(|x| x.0).collect();
        if explained != want {
            return Err(Finding::new("explain disagrees with the reference", format!("{}: {explained:?}", show())));
        }
        if why.normalized != options.normalize(msg) {
            return Err(Finding::new("explain's normalised message differs", show()));
        }
        for (i, &accepted) in accepts.iter().enumerate() {
            if m.is_match(PatternId(i as u32), msg) != accepted {
                return Err(Finding::new("is_match disagrees with the reference", format!("{}: pattern {i}", show())));
            }
        }
        for &(later, cover) in &shadowed {
            let rank = |id: PatternId| order.iter().position(|&i| i == id.index());
            if rank(cover) >= rank(later) || (accepts[later.index()] && !accepts[cover.index()]) {
                return Err(Finding::new(
                    "shadowed reports a pattern that can win",
                    format!("{}: {later} said to be covered by {cover}", show()),
                ));
            }
        }
    }
    Ok(())
}
