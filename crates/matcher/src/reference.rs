//! The reference matcher: the definition of what a pattern matches, written
//! to be obviously correct rather than fast. Tests compare the
//! [`Matcher`](crate::Matcher) against it.
//!
//! It works on characters (not bytes) of the normalised message and pattern,
//! computing, for each pattern element, every position where it can end.

#![expect(
    clippy::indexing_slicing,
    reason = "the position sets have input.len() + 1 slots and positions range over 0..=input.len(); a literal \
              is only advanced over where the input starts with it"
)]

use crate::options::MatchOptions;
use cbot_pattern::{Item, Pattern};

/// `true` when `pattern` matches the whole of `message` under `options`.
///
/// # Example
///
/// ```
/// use cbot_matcher::{MatchOptions, reference};
/// let p = cbot_pattern::parse("(hi|hello|hey)*").unwrap();
/// assert!(reference::is_match(&p, "Hello there", &MatchOptions::default()));
/// assert!(!reference::is_match(&p, "oh hi", &MatchOptions::default()));
/// ```
pub fn is_match(pattern: &Pattern, message: &str, options: &MatchOptions) -> bool {
    let input: Vec<char> = options.normalize(message).chars().collect();
    let n = pattern.items.len();
    // Literals are normalised like the message; their position in the
    // pattern decides whether edge whitespace is trimmed.
    let items: Vec<Elem> =
        pattern.items.iter().enumerate().map(|(i, it)| elem(it, options, i == 0, i + 1 == n)).collect();
    let mut start = vec![false; input.len() + 1];
    start[0] = true;
    ends(&items, &input, start)[input.len()]
}

enum Elem {
    Lit(Vec<char>),
    Star,
    Group(Vec<Vec<Elem>>),
}

fn elem(item: &Item, options: &MatchOptions, first: bool, last: bool) -> Elem {
    match item {
        Item::Literal { text, .. } => Elem::Lit(options.normalize_literal(text, first, last).chars().collect()),
        Item::Star { .. } => Elem::Star,
        Item::Group { alternatives, .. } => Elem::Group(
            alternatives.iter().map(|alt| alt.iter().map(|it| elem(it, options, false, false)).collect()).collect(),
        ),
    }
}

/// Given the positions where the sequence `items` may start (`here[i]` for
/// `input[i..]`), every position where it may end.
fn ends(items: &[Elem], input: &[char], mut here: Vec<bool>) -> Vec<bool> {
    for item in items {
        let mut next = vec![false; input.len() + 1];
        match item {
            Elem::Lit(text) => {
                for at in (0..=input.len()).filter(|&at| here[at]) {
                    if input[at..].starts_with(text) {
                        next[at + text.len()] = true;
                    }
                }
            }
            // Any text, possibly empty: every position from the first start.
            Elem::Star => {
                if let Some(first) = here.iter().position(|&h| h) {
                    next[first..].fill(true);
                }
            }
            Elem::Group(alternatives) => {
                for alt in alternatives {
                    for (n, e) in next.iter_mut().zip(ends(alt, input, here.clone())) {
                        *n |= e;
                    }
                }
            }
        }
        here = next;
    }
    here
}
