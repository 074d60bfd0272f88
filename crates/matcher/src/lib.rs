//! Matches a message against every CB pattern of a bot at once, explains the
//! choice, finds patterns that can never win, and compiles REGEX conditions.
//!
//! Use it when you have patterns (dialog starters, question rules) and
//! messages. It knows nothing of dialogs: the caller adds patterns with a
//! priority (lower wins; ties go to the pattern added first) and maps the
//! winning [`PatternId`] back to whatever it stands for.
//!
//! # Example
//!
//! ```
//! use cbot_matcher::{MatcherBuilder, MatchOptions, Evidence};
//!
//! let mut b = MatcherBuilder::new(MatchOptions::default());
//! let agent = b.add("*(agent|representative|help|human)*", 0).unwrap();
//! let greet = b.add("(hi|hello|hey)*", 1).unwrap();
//! let m = b.build();
//! assert_eq!(m.find_best("Can I talk to a human please?"), Some(agent));
//! assert_eq!(m.find_best("hey, I need help"), Some(agent)); // both match; priority decides
//! assert_eq!(m.find_all("hey, I need help"), [agent, greet]);
//! let why = m.explain("hello");
//! assert_eq!(why.matches, [(greet, Evidence::Prefix)]);
//! ```
//!
//! # Semantics
//!
//! A pattern must fit the whole message (CB-SPEC §1.4) after both are
//! normalised per [`MatchOptions`]. [`reference::is_match`] is the executable
//! definition; the [`Matcher`] gives the same answers, faster.
//!
//! # Untrusted input
//!
//! Matching time is linear in the message length for every pattern (position
//! automata, no backtracking); pattern size is bounded by
//! [`cbot_pattern::MAX_LEN`]; REGEX conditions use the `regex` crate with a
//! size limit.

#![deny(missing_docs)]

mod matcher;
mod nfa;
mod options;
pub mod reference;
mod regex_cond;

pub use matcher::{Cache, Evidence, Explanation, Matcher, MatcherBuilder, PatternId};
pub use options::{MatchOptions, Punctuation, is_punctuation};
pub use regex_cond::{RegexCondition, RegexError};
