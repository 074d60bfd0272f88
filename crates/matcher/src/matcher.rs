//! The multi-pattern matcher.
//!
//! Each pattern is cut at its top-level stars into segments, `S0 * S1 * … * Sk`.
//! A segment without stars has a finite language, expanded into its strings.
//! That gives every pattern a cheap necessary condition, and often a
//! sufficient one:
//!
//! | shape | filter | verdict on a hit |
//! |---|---|---|
//! | `S0` (no star) | the whole message is one of S0's strings (hash lookup) | sure |
//! | `S0 * …` | the message starts with one of S0's strings (prefix trie) | sure for `S0 *` |
//! | `… * Sk` | the message ends with one of Sk's strings (suffix trie) | sure for `* Sk` |
//! | `… * Si * …` | the message contains one of Si's strings (one Aho-Corasick automaton for all patterns) | sure for `* Si *` |
//! | only stars, or nothing usable | always a candidate | sure for `*` |
//!
//! A message is normalised once, run through the four indexes, and each hit
//! marks its pattern in a bit set ordered by priority. [`Matcher::find_best`]
//! walks that set in priority order and stops at the first pattern that is
//! sure or that its position automaton accepts, so the cost is the scan of
//! the message plus the verification of the candidates that outrank the
//! winner: no backtracking, linear in the message length.

#![expect(
    clippy::indexing_slicing,
    reason = "ranks and pattern ids index vectors with one slot per pattern, built together in `build`; trie \
              node ids are positions in `nodes`, made by its own pushes; hit bitsets have a bit per rank"
)]

use crate::nfa::{self, Nfa, Node};
use crate::options::MatchOptions;
use aho_corasick::automaton::Automaton;
use aho_corasick::{Anchored, MatchKind};
use cbot_pattern::{Pattern, PatternError};
use std::collections::HashMap;
use std::fmt;
use std::hash::{BuildHasherDefault, Hasher};

/// A multiply-rotate hasher (the Fx hash of rustc) for the exact-message
/// table: keys are short messages and the table is built from the bot, not
/// from attacker-chosen keys, so SipHash's flooding resistance buys nothing
/// and costs a third of a small bot's match time.
#[derive(Default, Clone, Copy)]
struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.0 = (self.0.rotate_left(5) ^ <[u8; 8]>::try_from(c).map_or(0, u64::from_le_bytes)).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// Identifies a pattern by the order in which it was added (0, 1, 2, …).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PatternId(pub u32);

impl PatternId {
    /// The index, as `usize`.
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

impl fmt::Display for PatternId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{}", self.0)
    }
}

/// Most strings a star-free segment may expand to before cbot stops using it
/// as an index key (the pattern is then verified by its automaton instead).
const MAX_EXPANSION: usize = 64;

/// How a pattern is found, decided at build time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Via {
    Exact,
    Prefix,
    Suffix,
    Factor,
    Always,
}

/// How a candidate was found: what [`Explanation`] reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Evidence {
    /// The message is one of the pattern's strings (the pattern has no `*`).
    Exact,
    /// The message starts with the pattern's leading text, and the pattern is
    /// that text followed by `*`.
    Prefix,
    /// The message ends with the pattern's trailing text, and the pattern is
    /// `*` followed by that text.
    Suffix,
    /// The message contains the pattern's text, and the pattern is that text
    /// between two `*`.
    Contains,
    /// The pattern is only `*` (or otherwise matches everything).
    Everything,
    /// A necessary literal was found and the pattern's automaton accepted the
    /// whole message.
    Verified,
}

#[derive(Debug, Clone)]
struct Entry {
    id: PatternId,
    priority: u32,
    source: String,
    nodes: Vec<Node>,
    nfa: Nfa,
    via: Via,
    sure: bool,
}

/// Builds a [`Matcher`].
#[derive(Debug, Clone, Default)]
pub struct MatcherBuilder {
    options: MatchOptions,
    entries: Vec<(Pattern, String, u32)>,
}

impl MatcherBuilder {
    /// A builder with these options.
    pub fn new(options: MatchOptions) -> Self {
        MatcherBuilder { options, entries: Vec::new() }
    }

    /// Parses and adds a pattern. Lower `priority` wins; among equal
    /// priorities, the pattern added first wins.
    pub fn add(&mut self, pattern: &str, priority: u32) -> Result<PatternId, PatternError> {
        let parsed = cbot_pattern::parse(pattern)?;
        Ok(self.add_parsed(parsed, pattern.to_string(), priority))
    }

    /// Adds an already parsed pattern; `source` is its text, for reports.
    #[expect(clippy::expect_used, reason = "documented panic: 2^32 patterns do not fit in memory first")]
    pub fn add_parsed(&mut self, pattern: Pattern, source: String, priority: u32) -> PatternId {
        let id = PatternId(u32::try_from(self.entries.len()).expect("fewer than 2^32 patterns"));
        self.entries.push((pattern, source, priority));
        id
    }

    /// Adds a placeholder that matches nothing (e.g. for a pattern that did
    /// not parse, so that ids keep lining up with the caller's list).
    pub fn add_unmatchable(&mut self, source: String, priority: u32) -> PatternId {
        // A group without alternatives accepts no string at all.
        let nothing = Pattern {
            items: vec![cbot_pattern::Item::Group { alternatives: Vec::new(), span: cbot_pattern::Span::default() }],
        };
        self.add_parsed(nothing, source, priority)
    }

    /// Compiles every pattern into one matcher.
    pub fn build(self) -> Matcher {
        Matcher::build(self.options, self.entries)
    }
}

/// A trie of byte strings; each node lists the patterns whose key ends there.
#[derive(Debug, Clone, Default)]
struct Trie {
    nodes: Vec<TrieNode>,
}

#[derive(Debug, Clone, Default)]
struct TrieNode {
    edges: Vec<(u8, u32)>,
    hits: Vec<u32>,
}

impl Trie {
    fn insert(&mut self, key: impl Iterator<Item = u8>, rank: u32) {
        if self.nodes.is_empty() {
            self.nodes.push(TrieNode::default());
        }
        let mut at = 0usize;
        for b in key {
            at = match self.nodes[at].edges.iter().find(|e| e.0 == b) {
                Some(&(_, n)) => n as usize,
                None => {
                    let n = self.nodes.len();
                    self.nodes.push(TrieNode::default());
                    self.nodes[at].edges.push((b, n as u32));
                    n
                }
            };
        }
        if self.nodes[at].hits.last() != Some(&rank) {
            self.nodes[at].hits.push(rank);
        }
    }

    /// Calls `hit` for every pattern whose key is a prefix of `input`.
    fn walk(&self, input: impl Iterator<Item = u8>, mut hit: impl FnMut(u32)) {
        let Some(mut node) = self.nodes.first() else { return };
        for b in input {
            match node.edges.iter().find(|e| e.0 == b) {
                Some(&(_, n)) => {
                    node = &self.nodes[n as usize];
                    node.hits.iter().for_each(|&r| hit(r));
                }
                None => return,
            }
        }
    }
}

/// Matches a message against every pattern at once.
///
/// Build it with [`MatcherBuilder`] (or [`Matcher::new`]); it is immutable,
/// `Send + Sync`, and answers from any number of threads. Each search needs a
/// little scratch space: the plain methods allocate it, the `*_with` methods
/// reuse a [`Cache`].
#[derive(Debug, Clone)]
pub struct Matcher {
    options: MatchOptions,
    /// Patterns in rank order: by (priority, id).
    entries: Vec<Entry>,
    /// `rank_of[id]`.
    rank_of: Vec<u32>,
    exact: FxMap<Box<[u8]>, Vec<u32>>,
    prefixes: Trie,
    suffixes: Trie,
    factors: Option<Factors>,
    factor_hits: Vec<Vec<u32>>,
    always: Vec<u32>,
    /// Bit `rank`: a hit on the pattern's key decides the match.
    sure: Vec<u64>,
}

/// The Aho-Corasick automaton over the factor keys of all patterns, walked
/// state by state: every key ending at a position is reported there (the
/// overlapping semantics the index needs) without the iterator machinery.
#[derive(Debug, Clone)]
enum Factors {
    Dfa(aho_corasick::dfa::DFA),
    /// Above 20,000 keys a DFA's memory grows too fast; the contiguous NFA
    /// is smaller and only a little slower.
    Nfa(aho_corasick::nfa::contiguous::NFA),
}

fn walk_factors<A: Automaton>(a: &A, input: &[u8], mut hit: impl FnMut(usize)) {
    let Ok(mut sid) = a.start_state(Anchored::No) else { return };
    for &b in input {
        sid = a.next_state(Anchored::No, sid, b);
        if a.is_special(sid) && a.is_match(sid) {
            for i in 0..a.match_len(sid) {
                hit(a.match_pattern(sid, i).as_usize());
            }
        }
    }
}

/// Scratch space for searches; reuse one per thread for speed.
#[derive(Debug, Clone, Default)]
pub struct Cache {
    /// The normalised message (UTF-8).
    input: Vec<u8>,
    /// Bit `rank`: the pattern's key was found.
    hits: Vec<u64>,
}

impl Cache {
    /// An empty cache (it grows on first use).
    pub fn new() -> Self {
        Self::default()
    }
}

/// Which patterns matched a message, and why the winner won.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Explanation {
    /// The message after normalisation: what the patterns were compared with.
    pub normalized: String,
    /// Every pattern that matched, best first.
    pub matches: Vec<(PatternId, Evidence)>,
    /// Candidates whose necessary literal was present but whose automaton
    /// rejected the message (a near miss), best first.
    pub rejected: Vec<PatternId>,
}

impl Explanation {
    /// The winning pattern, if any.
    pub fn winner(&self) -> Option<PatternId> {
        self.matches.first().map(|m| m.0)
    }
}

/// Expands a star-free sequence into its strings; `None` if it contains a
/// star or has more than [`MAX_EXPANSION`] strings.
fn expand(nodes: &[Node]) -> Option<Vec<Vec<u8>>> {
    let mut out: Vec<Vec<u8>> = vec![Vec::new()];
    for node in nodes {
        match node {
            Node::Lit(bytes) => out.iter_mut().for_each(|s| s.extend_from_slice(bytes)),
            Node::Star => return None,
            Node::Alt(alts) => {
                let mut options: Vec<Vec<u8>> = Vec::new();
                for alt in alts {
                    options.extend(expand(alt)?);
                }
                options.sort();
                options.dedup();
                if out.len() * options.len() > MAX_EXPANSION {
                    return None;
                }
                out = out.iter().flat_map(|s| options.iter().map(move |o| [s.as_slice(), o].concat())).collect();
            }
        }
    }
    out.sort();
    out.dedup();
    Some(out)
}

/// The index keys of one pattern.
struct Plan {
    via: Via,
    sure: bool,
    keys: Vec<Vec<u8>>,
}

fn plan(nodes: &[Node]) -> Plan {
    let segments: Vec<&[Node]> = nodes.split(|n| *n == Node::Star).collect();
    let k = segments.len() - 1; // number of top-level stars
    let expansions: Vec<Option<Vec<Vec<u8>>>> = segments.iter().map(|s| expand(s)).collect();
    // Usable as a key: finite, small, and no empty string (an empty key
    // filters nothing).
    let usable = |i: usize| expansions[i].as_ref().filter(|e| e.iter().all(|s| !s.is_empty()));
    let min_len = |e: &Vec<Vec<u8>>| e.iter().map(Vec::len).min().unwrap_or(0);
    if k == 0
        && let Some(e) = &expansions[0]
    {
        return Plan { via: Via::Exact, sure: true, keys: e.clone() };
    }
    // `S0 *` where S0 can be empty, `* Sk` likewise, or only stars: every
    // message matches.
    let matches_all = |i: usize| expansions[i].as_ref().is_some_and(|e| e.iter().any(Vec::is_empty));
    let all_empty_middle = segments[1..k.max(1)].iter().all(|s| s.is_empty());
    if k >= 1 && all_empty_middle && matches_all(0) && matches_all(k) {
        return Plan { via: Via::Always, sure: true, keys: Vec::new() };
    }
    // Candidate filters, scored by the shortest key they require; anchored
    // ones get a bonus since they also fix the position.
    let mut best: Option<(usize, Via, usize)> = None; // (score, via, segment)
    let mut consider = |score: usize, via: Via, seg: usize| {
        if best.is_none_or(|b| score > b.0) {
            best = Some((score, via, seg));
        }
    };
    if k >= 1 {
        if let Some(e) = usable(0) {
            consider(min_len(e) + 2, Via::Prefix, 0);
        }
        if let Some(e) = usable(k) {
            consider(min_len(e) + 1, Via::Suffix, k);
        }
        for i in 1..k {
            if let Some(e) = usable(i) {
                consider(min_len(e), Via::Factor, i);
            }
        }
    } else if let Some(e) = usable(0) {
        consider(min_len(e), Via::Factor, 0);
    }
    let Some((_, via, seg)) = best else {
        return Plan { via: Via::Always, sure: false, keys: Vec::new() };
    };
    let empty = |i: usize| segments[i].is_empty();
    let sure = match via {
        Via::Prefix => k == 1 && empty(1),
        Via::Suffix => k == 1 && empty(0),
        Via::Factor => k == 2 && empty(0) && empty(2),
        _ => false,
    };
    // `seg` was usable: its expansion exists.
    let keys = expansions.get(seg).cloned().flatten().unwrap_or_default();
    Plan { via, sure, keys }
}

impl Matcher {
    /// Builds a matcher from patterns in priority order (the first wins).
    ///
    /// # Example
    ///
    /// ```
    /// use cbot_matcher::{Matcher, MatchOptions, PatternId};
    /// let m = Matcher::new(["*(agent|human)*", "(hi|hello)*"], MatchOptions::default()).unwrap();
    /// assert_eq!(m.find_best("Can I talk to a HUMAN?"), Some(PatternId(0)));
    /// assert_eq!(m.find_best("hello there"), Some(PatternId(1)));
    /// assert_eq!(m.find_best("bye"), None);
    /// ```
    pub fn new<I, S>(patterns: I, options: MatchOptions) -> Result<Matcher, (usize, PatternError)>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let mut b = MatcherBuilder::new(options);
        for (i, p) in patterns.into_iter().enumerate() {
            b.add(p.as_ref(), 0).map_err(|e| (i, e))?;
        }
        Ok(b.build())
    }

    fn build(options: MatchOptions, parsed: Vec<(Pattern, String, u32)>) -> Matcher {
        let mut entries: Vec<Entry> = parsed
            .into_iter()
            .enumerate()
            .map(|(i, (pattern, source, priority))| {
                let nodes = nfa::normalize(&pattern, &options);
                let nfa = Nfa::new(&nodes);
                Entry { id: PatternId(i as u32), priority, source, nodes, nfa, via: Via::Always, sure: false }
            })
            .collect();
        entries.sort_by_key(|e| (e.priority, e.id));
        let mut rank_of = vec![0u32; entries.len()];
        let mut exact: FxMap<Box<[u8]>, Vec<u32>> = FxMap::default();
        let mut prefixes = Trie::default();
        let mut suffixes = Trie::default();
        let mut factor_keys: HashMap<Vec<u8>, u32> = HashMap::new();
        let mut factor_hits: Vec<Vec<u32>> = Vec::new();
        let mut always = Vec::new();
        for (rank, e) in entries.iter_mut().enumerate() {
            let rank = rank as u32;
            rank_of[e.id.index()] = rank;
            let plan = plan(&e.nodes);
            e.via = plan.via;
            e.sure = plan.sure;
            for key in plan.keys {
                match plan.via {
                    Via::Exact => exact.entry(key.into_boxed_slice()).or_default().push(rank),
                    Via::Prefix => prefixes.insert(key.into_iter(), rank),
                    Via::Suffix => suffixes.insert(key.into_iter().rev(), rank),
                    Via::Factor => {
                        let n = factor_hits.len() as u32;
                        let id = *factor_keys.entry(key).or_insert(n);
                        if id == n {
                            factor_hits.push(Vec::new());
                        }
                        let hits = &mut factor_hits[id as usize];
                        if hits.last() != Some(&rank) {
                            hits.push(rank);
                        }
                    }
                    Via::Always => {}
                }
            }
            if plan.via == Via::Always {
                always.push(rank);
            }
        }
        let factors = (!factor_keys.is_empty()).then(|| {
            let mut keys: Vec<(Vec<u8>, u32)> = factor_keys.into_iter().collect();
            keys.sort_by_key(|k| k.1);
            let keys = keys.iter().map(|k| &k.0);
            // A DFA is the fastest scan; its memory stays small at the sizes
            // CB bots reach (measured in benches/RESULTS.md).
            #[expect(
                clippy::expect_used,
                reason = "aho-corasick refuses only automata past its 2^31 state ids; the keys are at most \
                          MAX_EXPANSION per pattern, and memory runs out first"
            )]
            if factor_hits.len() <= 20_000 {
                Factors::Dfa(
                    aho_corasick::dfa::Builder::new()
                        .match_kind(MatchKind::Standard)
                        .build(keys)
                        .expect("literal keys always build"),
                )
            } else {
                Factors::Nfa(
                    aho_corasick::nfa::contiguous::Builder::new()
                        .match_kind(MatchKind::Standard)
                        .build(keys)
                        .expect("literal keys always build"),
                )
            }
        });
        let mut sure = vec![0u64; entries.len().div_ceil(64)];
        for (rank, e) in entries.iter().enumerate() {
            if e.sure {
                sure[rank / 64] |= 1 << (rank % 64);
            }
        }
        Matcher { options, entries, rank_of, exact, prefixes, suffixes, factors, factor_hits, always, sure }
    }

    /// The options the matcher normalises with.
    pub fn options(&self) -> &MatchOptions {
        &self.options
    }

    /// Number of patterns.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// `true` if there are no patterns.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The text of a pattern, as added.
    pub fn source(&self, id: PatternId) -> &str {
        &self.entry(id).source
    }

    /// The priority a pattern was added with.
    pub fn priority(&self, id: PatternId) -> u32 {
        self.entry(id).priority
    }

    fn entry(&self, id: PatternId) -> &Entry {
        &self.entries[self.rank_of[id.index()] as usize]
    }

    /// Normalises the message into the cache and marks every candidate.
    fn scan(&self, message: &str, cache: &mut Cache) {
        cache.input.clear();
        self.options.normalize_bytes(message, &mut cache.input);
        self.mark(cache);
    }

    /// Marks every candidate for the already normalised `cache.input`.
    fn mark(&self, cache: &mut Cache) {
        let words = self.entries.len().div_ceil(64);
        cache.hits.clear();
        cache.hits.resize(words, 0);
        let Cache { input, hits } = cache;
        let input = input.as_slice();
        let mut mark = |rank: u32| hits[rank as usize / 64] |= 1 << (rank % 64);
        if let Some(ranks) = self.exact.get(input) {
            ranks.iter().for_each(|&r| mark(r));
        }
        self.prefixes.walk(input.iter().copied(), &mut mark);
        self.suffixes.walk(input.iter().rev().copied(), &mut mark);
        let mut factor = |key: usize| self.factor_hits[key].iter().for_each(|&r| mark(r));
        match &self.factors {
            Some(Factors::Dfa(a)) => walk_factors(a, input, &mut factor),
            Some(Factors::Nfa(a)) => walk_factors(a, input, &mut factor),
            None => {}
        }
        self.always.iter().for_each(|&r| mark(r));
    }

    /// Visits matching patterns in rank order until `visit` returns `false`.
    fn visit(&self, cache: &Cache, mut visit: impl FnMut(u32, Option<Evidence>) -> bool) {
        let input = &cache.input;
        for (w, (&h, &s)) in cache.hits.iter().zip(&self.sure).enumerate() {
            let mut bits = h;
            while bits != 0 {
                let b = bits.trailing_zeros();
                bits &= bits - 1;
                let rank = (w * 64) as u32 + b;
                let e = &self.entries[rank as usize];
                let evidence = if s & (1 << b) != 0 {
                    Some(match e.via {
                        Via::Exact => Evidence::Exact,
                        Via::Prefix => Evidence::Prefix,
                        Via::Suffix => Evidence::Suffix,
                        Via::Factor => Evidence::Contains,
                        Via::Always => Evidence::Everything,
                    })
                } else if e.nfa.is_match(input) {
                    Some(Evidence::Verified)
                } else {
                    None
                };
                if !visit(rank, evidence) {
                    return;
                }
            }
        }
    }

    /// The best pattern matching the whole message: lowest priority, then
    /// first added.
    pub fn find_best(&self, message: &str) -> Option<PatternId> {
        self.find_best_with(message, &mut Cache::new())
    }

    /// [`Matcher::find_best`] with reusable scratch space.
    pub fn find_best_with(&self, message: &str, cache: &mut Cache) -> Option<PatternId> {
        self.scan(message, cache);
        let mut best = None;
        self.visit(cache, |rank, evidence| {
            if evidence.is_some() {
                best = Some(self.entries[rank as usize].id);
                return false;
            }
            true
        });
        best
    }

    /// Every pattern matching the whole message, best first.
    pub fn find_all(&self, message: &str) -> Vec<PatternId> {
        self.find_all_with(message, &mut Cache::new())
    }

    /// [`Matcher::find_all`] with reusable scratch space.
    pub fn find_all_with(&self, message: &str, cache: &mut Cache) -> Vec<PatternId> {
        self.scan(message, cache);
        let mut all = Vec::new();
        self.visit(cache, |rank, evidence| {
            if evidence.is_some() {
                all.push(self.entries[rank as usize].id);
            }
            true
        });
        all
    }

    /// Whether one pattern matches the message.
    pub fn is_match(&self, id: PatternId, message: &str) -> bool {
        self.entry(id).nfa.is_match(self.options.normalize(message).as_bytes())
    }

    /// Which patterns matched and why; the first match is the winner.
    pub fn explain(&self, message: &str) -> Explanation {
        let mut cache = Cache::new();
        self.scan(message, &mut cache);
        let mut matches = Vec::new();
        let mut rejected = Vec::new();
        self.visit(&cache, |rank, evidence| {
            let id = self.entries[rank as usize].id;
            match evidence {
                Some(e) => matches.push((id, e)),
                None => rejected.push(id),
            }
            true
        });
        // Normalisation keeps UTF-8; the lossy path is never taken.
        let normalized =
            String::from_utf8(cache.input).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into());
        Explanation { normalized, matches, rejected }
    }

    /// Whether `earlier` accepts every message `later` accepts, decided on
    /// their automata; `None` if the product exceeds `limit` states.
    pub fn covers(&self, earlier: PatternId, later: PatternId, limit: usize) -> Option<bool> {
        nfa::included(&self.entry(later).nfa, &self.entry(earlier).nfa, limit)
    }

    /// Patterns that can never win: for each, an earlier-ranked pattern that
    /// accepts every message it accepts. Decided exactly on the patterns'
    /// automata (their languages are regular); pairs whose product automaton
    /// exceeds `limit` states are skipped.
    ///
    /// Only pairs where the earlier pattern accepts the later one's shortest
    /// string are examined, so the cost stays near one search per pattern.
    pub fn shadowed(&self, limit: usize) -> Vec<(PatternId, PatternId)> {
        let mut out = Vec::new();
        let mut cache = Cache::new();
        for (rank, e) in self.entries.iter().enumerate() {
            // The witness is built from normalised literals: search for it
            // as it is, without normalising again.
            cache.input = nfa::witness(&e.nodes);
            self.mark(&mut cache);
            let mut cover = None;
            self.visit(&cache, |r, evidence| {
                if r as usize >= rank {
                    return false;
                }
                if evidence.is_some() && nfa::included(&e.nfa, &self.entries[r as usize].nfa, limit) == Some(true) {
                    cover = Some(self.entries[r as usize].id);
                    return false;
                }
                true
            });
            if let Some(c) = cover {
                out.push((e.id, c));
            }
        }
        out.sort();
        out
    }
}
