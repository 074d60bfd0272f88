//! Normalised patterns and their position automata.
//!
//! A CB pattern is a regular expression without repetition other than `*`,
//! so its Glushkov (position) automaton is small: one state per literal byte
//! and per `*`, no epsilon transitions. Matching simulates it with bit sets,
//! one byte at a time: time is linear in the message length whatever the
//! pattern, so no input can make matching blow up. Working on UTF-8 bytes is
//! exact here: a literal starts with a lead byte and can only match at a
//! character boundary, and `*` absorbs whole characters between literals.

#![expect(
    clippy::indexing_slicing,
    reason = "positions are numbered 0..npos as the automaton is built, `follow` and `masks` hold `words` words per \
              position and per byte class, `class_of` has a slot for every byte, and the one-word fast path runs \
              only when `words` is 1"
)]

use crate::options::MatchOptions;
use cbot_pattern::{Item, Pattern};
use std::collections::{HashMap, HashSet, VecDeque};

/// A pattern after normalisation of its literals.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Node {
    /// Literal bytes (never empty).
    Lit(Vec<u8>),
    /// `*`.
    Star,
    /// A group; each alternative is a sequence.
    Alt(Vec<Vec<Node>>),
}

/// Applies the options to every literal of `pattern`.
pub(crate) fn normalize(pattern: &Pattern, options: &MatchOptions) -> Vec<Node> {
    fn seq(items: &[Item], options: &MatchOptions, top: bool) -> Vec<Node> {
        let n = items.len();
        let mut out: Vec<Node> = Vec::with_capacity(n);
        for (i, item) in items.iter().enumerate() {
            match item {
                Item::Literal { text, .. } => {
                    let text = options.normalize_literal(text, top && i == 0, top && i + 1 == n);
                    if text.is_empty() {
                        continue;
                    }
                    // Adjacent literals (possible once punctuation is
                    // dropped) are one literal.
                    if let Some(Node::Lit(prev)) = out.last_mut() {
                        prev.extend_from_slice(text.as_bytes());
                    } else {
                        out.push(Node::Lit(text.into_bytes()));
                    }
                }
                Item::Star { .. } => {
                    // `**` means the same as `*`.
                    if out.last() != Some(&Node::Star) {
                        out.push(Node::Star);
                    }
                }
                Item::Group { alternatives, .. } => {
                    out.push(Node::Alt(alternatives.iter().map(|a| seq(a, options, false)).collect()));
                }
            }
        }
        out
    }
    seq(&pattern.items, options, true)
}

/// The shortest string the pattern accepts (a witness of its language).
pub(crate) fn witness(nodes: &[Node]) -> Vec<u8> {
    let mut out = Vec::new();
    for n in nodes {
        match n {
            Node::Lit(b) => out.extend_from_slice(b),
            Node::Star => {}
            Node::Alt(alts) => out.extend(alts.iter().map(|a| witness(a)).min_by_key(Vec::len).unwrap_or_default()),
        }
    }
    out
}

fn count_positions(nodes: &[Node]) -> usize {
    nodes
        .iter()
        .map(|n| match n {
            Node::Lit(b) => b.len(),
            Node::Star => 1,
            Node::Alt(alts) => alts.iter().map(|a| count_positions(a)).sum(),
        })
        .sum()
}

/// The position automaton of one pattern.
#[derive(Debug, Clone)]
pub(crate) struct Nfa {
    words: usize,
    nullable: bool,
    first: Vec<u64>,
    last: Vec<u64>,
    /// `follow[p * words..][..words]`: positions that may come after `p`.
    follow: Vec<u64>,
    /// Byte → class; class 0 is "a byte no literal of this pattern has".
    class_of: Box<[u8; 256]>,
    /// `masks[c * words..][..words]`: positions that accept class `c`.
    masks: Vec<u64>,
}

struct Frag {
    first: Vec<u64>,
    last: Vec<u64>,
    nullable: bool,
}

struct Build {
    words: usize,
    next: usize,
    follow: Vec<u64>,
    labels: Vec<Option<u8>>, // None = any byte (a star)
}

fn set(bits: &mut [u64], p: usize) {
    bits[p / 64] |= 1 << (p % 64);
}

fn or_into(dst: &mut [u64], src: &[u64]) {
    for (d, s) in dst.iter_mut().zip(src) {
        *d |= s;
    }
}

fn ones(bits: &[u64]) -> impl Iterator<Item = usize> + '_ {
    bits.iter().enumerate().flat_map(|(w, &word)| {
        let mut word = word;
        std::iter::from_fn(move || {
            (word != 0).then(|| {
                let b = word.trailing_zeros() as usize;
                word &= word - 1;
                w * 64 + b
            })
        })
    })
}

impl Build {
    fn empty(&self) -> Vec<u64> {
        vec![0; self.words]
    }

    fn seq(&mut self, nodes: &[Node]) -> Frag {
        let mut frag = Frag { first: self.empty(), last: self.empty(), nullable: true };
        for node in nodes {
            let f = self.node(node);
            for p in ones(&frag.last).collect::<Vec<_>>() {
                or_into(&mut self.follow[p * self.words..(p + 1) * self.words], &f.first);
            }
            if frag.nullable {
                or_into(&mut frag.first, &f.first);
            }
            if f.nullable {
                or_into(&mut frag.last, &f.last);
            } else {
                frag.last = f.last;
            }
            frag.nullable &= f.nullable;
        }
        frag
    }

    fn position(&mut self, label: Option<u8>) -> usize {
        let p = self.next;
        self.next += 1;
        self.labels.push(label);
        p
    }

    fn node(&mut self, node: &Node) -> Frag {
        match node {
            Node::Lit(bytes) => {
                let mut first = self.empty();
                let mut last = self.empty();
                let mut prev: Option<usize> = None;
                for &b in bytes {
                    let p = self.position(Some(b));
                    match prev {
                        None => set(&mut first, p),
                        Some(q) => set(&mut self.follow[q * self.words..(q + 1) * self.words], p),
                    }
                    prev = Some(p);
                }
                // A literal is never empty; if one were, it would match
                // the empty string.
                match prev {
                    Some(p) => set(&mut last, p),
                    None => return Frag { first, last, nullable: true },
                }
                Frag { first, last, nullable: false }
            }
            Node::Star => {
                let p = self.position(None);
                let mut first = self.empty();
                set(&mut first, p);
                set(&mut self.follow[p * self.words..(p + 1) * self.words], p);
                Frag { last: first.clone(), first, nullable: true }
            }
            Node::Alt(alts) => {
                let mut frag = Frag { first: self.empty(), last: self.empty(), nullable: false };
                for alt in alts {
                    let f = self.seq(alt);
                    or_into(&mut frag.first, &f.first);
                    or_into(&mut frag.last, &f.last);
                    frag.nullable |= f.nullable;
                }
                frag
            }
        }
    }
}

impl Nfa {
    pub(crate) fn new(nodes: &[Node]) -> Nfa {
        let npos = count_positions(nodes);
        let words = npos.div_ceil(64).max(1);
        let mut b = Build { words, next: 0, follow: vec![0; npos * words], labels: Vec::with_capacity(npos) };
        let frag = b.seq(nodes);
        let mut class_of = Box::new([0u8; 256]);
        let mut classes = 1usize;
        for label in b.labels.iter().flatten() {
            if class_of[*label as usize] == 0 {
                #[expect(
                    clippy::expect_used,
                    reason = "labels are bytes of UTF-8 text, which never holds 0xC0, 0xC1 or 0xF5-0xFF: at most \
                              243 classes besides 0"
                )]
                let class = u8::try_from(classes).expect("at most 255 distinct bytes");
                class_of[*label as usize] = class;
                classes += 1;
            }
        }
        let mut masks = vec![0u64; classes * words];
        for (p, label) in b.labels.iter().enumerate() {
            match label {
                None => {
                    for c in 0..classes {
                        set(&mut masks[c * words..(c + 1) * words], p);
                    }
                }
                Some(byte) => {
                    let c = class_of[*byte as usize] as usize;
                    set(&mut masks[c * words..(c + 1) * words], p);
                }
            }
        }
        Nfa { words, nullable: frag.nullable, first: frag.first, last: frag.last, follow: b.follow, class_of, masks }
    }

    fn mask(&self, byte: u8) -> &[u64] {
        let c = self.class_of[byte as usize] as usize;
        &self.masks[c * self.words..(c + 1) * self.words]
    }

    /// Whether the whole `input` is in the pattern's language.
    pub(crate) fn is_match(&self, input: &[u8]) -> bool {
        let Some((&b0, rest)) = input.split_first() else { return self.nullable };
        if self.words == 1 {
            // One machine word of state: the common case, kept branch-light.
            let mut cur = self.first[0] & self.mask(b0)[0];
            for &b in rest {
                if cur == 0 {
                    return false;
                }
                let mut next = 0u64;
                let mut bits = cur;
                while bits != 0 {
                    next |= self.follow[bits.trailing_zeros() as usize];
                    bits &= bits - 1;
                }
                cur = next & self.mask(b)[0];
            }
            return cur & self.last[0] != 0;
        }
        let w = self.words;
        let mut cur: Vec<u64> = self.first.iter().zip(self.mask(b0)).map(|(a, m)| a & m).collect();
        let mut next = vec![0u64; w];
        for &b in rest {
            if cur.iter().all(|&x| x == 0) {
                return false;
            }
            next.fill(0);
            for p in ones(&cur) {
                or_into(&mut next, &self.follow[p * w..(p + 1) * w]);
            }
            for (n, m) in next.iter_mut().zip(self.mask(b)) {
                *n &= m;
            }
            std::mem::swap(&mut cur, &mut next);
        }
        cur.iter().zip(&self.last).any(|(c, l)| c & l != 0)
    }

    /// The state after reading `byte` from `state` (`None` = the start).
    fn step(&self, state: Option<&[u64]>, byte: u8) -> Vec<u64> {
        let mut next = match state {
            None => self.first.clone(),
            Some(s) => {
                let mut n = vec![0u64; self.words];
                for p in ones(s) {
                    or_into(&mut n, &self.follow[p * self.words..(p + 1) * self.words]);
                }
                n
            }
        };
        for (n, m) in next.iter_mut().zip(self.mask(byte)) {
            *n &= m;
        }
        next
    }

    fn accepts(&self, state: Option<&[u64]>) -> bool {
        match state {
            None => self.nullable,
            Some(s) => s.iter().zip(&self.last).any(|(c, l)| c & l != 0),
        }
    }

    fn alphabet(&self) -> impl Iterator<Item = u8> + '_ {
        (0..=255u8).filter(|&b| self.class_of[b as usize] != 0)
    }
}

/// Decides whether every string `a` accepts is also accepted by `b`, by
/// exploring the product of their subset automata. `None` when the product
/// grows past `limit` states (no verdict).
pub(crate) fn included(a: &Nfa, b: &Nfa, limit: usize) -> Option<bool> {
    // The bytes either pattern mentions, plus one byte neither does (it stands
    // for every other byte: only `*` accepts those).
    let mut alphabet: Vec<u8> = a.alphabet().chain(b.alphabet()).collect::<HashSet<u8>>().into_iter().collect();
    alphabet.sort_unstable();
    if let Some(other) = (0..=255u8).find(|x| a.class_of[*x as usize] == 0 && b.class_of[*x as usize] == 0) {
        alphabet.push(other);
    }
    type State = (Option<Vec<u64>>, Option<Vec<u64>>);
    let start: State = (None, None);
    let mut seen: HashMap<State, ()> = HashMap::new();
    let mut queue: VecDeque<State> = VecDeque::new();
    seen.insert(start.clone(), ());
    queue.push_back(start);
    while let Some((sa, sb)) = queue.pop_front() {
        if a.accepts(sa.as_deref()) && !b.accepts(sb.as_deref()) {
            return Some(false);
        }
        for &byte in &alphabet {
            let na = a.step(sa.as_deref(), byte);
            if na.iter().all(|&x| x == 0) {
                continue; // `a` is dead: nothing more to find on this path.
            }
            let nb = b.step(sb.as_deref(), byte);
            let next = (Some(na), Some(nb));
            if !seen.contains_key(&next) {
                if seen.len() >= limit {
                    return None;
                }
                seen.insert(next.clone(), ());
                queue.push_back(next);
            }
        }
    }
    Some(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nfa(p: &str) -> Nfa {
        Nfa::new(&normalize(&cbot_pattern::parse(p).unwrap(), &MatchOptions::default()))
    }

    #[test]
    fn matches_whole_input() {
        let n = nfa("*(agent|representative|help|human)*");
        assert!(n.is_match(b"can i talk to a human please"));
        assert!(n.is_match(b"agents"));
        assert!(!n.is_match(b"rep"));
        let n = nfa("(thank(|s)|thank you)*");
        for ok in ["thank", "thanks", "thank you", "thanks a lot", "thank you!"] {
            assert!(n.is_match(ok.as_bytes()), "{ok}");
        }
        assert!(!n.is_match(b"no thanks"));
        assert!(nfa("").is_match(b""));
        assert!(!nfa("").is_match(b"x"));
        assert!(nfa("*").is_match(b""));
    }

    #[test]
    fn long_patterns_use_several_words() {
        let p = format!("*{}*", "abcdefghij".repeat(10));
        let n = nfa(&p);
        assert!(n.words > 1);
        assert!(n.is_match(format!("x{}y", "abcdefghij".repeat(10)).as_bytes()));
        assert!(!n.is_match("abcdefghij".repeat(9).as_bytes()));
    }

    #[test]
    fn inclusion_is_decided_exactly() {
        assert_eq!(included(&nfa("help me"), &nfa("*help*"), 10_000), Some(true));
        assert_eq!(included(&nfa("*help*"), &nfa("help me"), 10_000), Some(false));
        assert_eq!(included(&nfa("(hi|hello)"), &nfa("(hi|hello|hey)*"), 10_000), Some(true));
        assert_eq!(included(&nfa("h*"), &nfa("(h|x)*"), 10_000), Some(true));
        assert_eq!(included(&nfa("*a*b*"), &nfa("*a*"), 10_000), Some(true));
        assert_eq!(included(&nfa("*a*"), &nfa("*a*b*"), 10_000), Some(false));
        assert_eq!(included(&nfa("x*"), &nfa("x"), 10_000), Some(false));
    }

    #[test]
    fn witness_is_in_the_language() {
        for p in ["*(agent|human)*", "(thank(|s)|thank you)*", "a (b|cd) *e"] {
            let nodes = normalize(&cbot_pattern::parse(p).unwrap(), &MatchOptions::default());
            assert!(Nfa::new(&nodes).is_match(&witness(&nodes)), "{p}");
        }
    }
}
