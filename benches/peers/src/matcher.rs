//! Intent matching: cbot's starter matcher against a per-pattern
//! `regex::Regex` loop and a `regex::RegexSet`, on benches/matcher.rs's
//! pattern sets and messages.
//!
//! The generator is benches/matcher_inputs.rs, shared with the bench: same
//! seeds, same shapes, same messages.

use cbot_matcher::{Cache, MatchOptions, Matcher};

/// benches/matcher.rs's generator, the very file.
#[path = "../../matcher_inputs.rs"]
mod matcher_inputs;
pub use matcher_inputs::messages;
use matcher_inputs::{patterns, to_regex};

// ---------------------------------------------------------------------------
// The engines, built as benches/matcher.rs builds them.

pub struct Engines {
    pub opts: MatchOptions,
    cbot: Matcher,
    regexes: Vec<regex::Regex>,
    set: regex::RegexSet,
    /// How many of the messages match some pattern (every engine's count).
    pub hits: usize,
}

impl Engines {
    /// N patterns; asserts that the three engines pick the same winner (the
    /// first matching pattern) for every message.
    pub fn new(n: usize, msgs: &[String]) -> Engines {
        let ps = patterns(n);
        let opts = MatchOptions::default();
        let cbot = Matcher::new(&ps, opts.clone()).expect("generated patterns parse");
        let sources: Vec<String> = ps.iter().map(|p| to_regex(p)).collect();
        let regexes = sources.iter().map(|s| regex::Regex::new(s).unwrap()).collect();
        let set = regex::RegexSetBuilder::new(&sources).size_limit(1 << 30).dfa_size_limit(1 << 21).build().unwrap();
        let mut e = Engines { opts, cbot, regexes, set, hits: 0 };
        let mut cache = Cache::new();
        for m in msgs {
            let best = e.cbot.find_best_with(m, &mut cache).map(|id| id.index());
            let norm = e.opts.normalize(m);
            let first = e.regexes.iter().position(|r| r.is_match(&norm));
            assert_eq!(best, first, "{n} patterns, message {m:?}");
            assert_eq!(e.set.matches(&norm).iter().next(), first, "{n} patterns, message {m:?}");
            e.hits += usize::from(best.is_some());
        }
        e
    }

    /// `Matcher::find_best_with` on each raw message (it normalises);
    /// returns how many matched.
    #[inline(never)]
    pub fn cbot(&self, msgs: &[String], cache: &mut Cache) -> usize {
        msgs.iter().filter(|m| self.cbot.find_best_with(std::hint::black_box(m), cache).is_some()).count()
    }

    /// Normalise, then one `Regex::is_match` per pattern up to the first
    /// match.
    #[inline(never)]
    pub fn regex_loop(&self, msgs: &[String]) -> usize {
        msgs.iter()
            .filter(|m| {
                let m = self.opts.normalize(std::hint::black_box(m));
                self.regexes.iter().any(|r| r.is_match(&m))
            })
            .count()
    }

    /// Normalise, then `RegexSet::matches` and its first id.
    #[inline(never)]
    pub fn regex_set(&self, msgs: &[String]) -> usize {
        msgs.iter()
            .filter(|m| {
                let m = self.opts.normalize(std::hint::black_box(m));
                self.set.matches(&m).iter().next().is_some()
            })
            .count()
    }
}
