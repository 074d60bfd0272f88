//! REGEX rule conditions (CB-SPEC §1.7): find semantics, compiled with the
//! `regex` crate.
//!
//! CB runs on the JVM, so authors may write `java.util.regex` syntax that the
//! `regex` crate (linear time, no backtracking) does not support. Those
//! constructs get their own message, so an author knows it is a deliberate
//! limit and how to rewrite, rather than a bare parse error.

use std::fmt;

/// A compiled REGEX condition.
#[derive(Debug, Clone)]
pub struct RegexCondition {
    regex: regex::Regex,
}

/// Why a REGEX condition cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegexError {
    /// `P010` syntax error, `P011` Java-only construct, `P012` too big.
    pub code: &'static str,
    /// One-line message.
    pub message: String,
    /// Byte range of the offending text in the regex.
    pub span: (usize, usize),
    /// How to fix it.
    pub help: Option<String>,
}

impl fmt::Display for RegexError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for RegexError {}

/// Compiled size limit for one condition: generous for hand-written rules,
/// small enough that a hostile bot cannot exhaust memory.
const SIZE_LIMIT: usize = 1 << 20;

/// Java constructs the `regex` crate rejects, with advice.
const JAVA_ONLY: &[(&str, &str, &str)] = &[
    ("(?=", "look-ahead `(?=…)`", "match the following text explicitly, or use two conditions"),
    ("(?!", "negative look-ahead `(?!…)`", "use a NOT_CONTAINS variable condition, or a pattern rule before this one"),
    ("(?<=", "look-behind `(?<=…)`", "match the preceding text explicitly"),
    ("(?<!", "negative look-behind `(?<!…)`", "match the preceding text explicitly"),
    ("(?>", "atomic group `(?>…)`", "use a plain group `(?:…)`; cbot's regexes never backtrack anyway"),
    ("*+", "possessive quantifier `*+`", "use `*`; cbot's regexes never backtrack anyway"),
    ("++", "possessive quantifier `++`", "use `+`; cbot's regexes never backtrack anyway"),
    ("?+", "possessive quantifier `?+`", "use `?`; cbot's regexes never backtrack anyway"),
    ("}+", "possessive quantifier `{…}+`", "drop the `+`; cbot's regexes never backtrack anyway"),
    ("\\k<", "named back-reference `\\k<…>`", "back-references are not supported: match the text explicitly"),
];

impl RegexCondition {
    /// Compiles a condition's regex.
    pub fn new(text: &str) -> Result<RegexCondition, RegexError> {
        if let Some(e) = java_only(text) {
            return Err(e);
        }
        regex::RegexBuilder::new(text).size_limit(SIZE_LIMIT).build().map(|regex| RegexCondition { regex }).map_err(
            |e| match e {
                regex::Error::CompiledTooBig(limit) => RegexError {
                    code: "P012",
                    message: format!("regex compiles to more than {limit} bytes"),
                    span: (0, text.len()),
                    help: Some("simplify it, e.g. fewer or smaller counted repetitions `{n,m}`".into()),
                },
                other => {
                    let detail = other.to_string();
                    // The regex crate's message ends with the error kind on
                    // its last line ("error: unclosed group").
                    let reason = detail.lines().last().unwrap_or("").trim_start_matches("error: ").to_string();
                    RegexError {
                        code: "P010",
                        message: format!("invalid regex: {reason}"),
                        span: (0, text.len()),
                        help: None,
                    }
                }
            },
        )
    }

    /// Whether the regex occurs anywhere in the message (find semantics:
    /// write `^…$` for a full match; CB-SPEC §1.7).
    pub fn is_match(&self, message: &str) -> bool {
        self.regex.is_match(message)
    }

    /// The regex text.
    pub fn as_str(&self) -> &str {
        self.regex.as_str()
    }
}

fn java_only(text: &str) -> Option<RegexError> {
    // Skip escaped characters and character classes, where these sequences
    // are literal.
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut in_class = false;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'\\' => {
                if !in_class {
                    if bytes.get(i + 1).is_some_and(|d| d.is_ascii_digit() && *d != b'0') {
                        return Some(RegexError {
                            code: "P011",
                            message: format!(
                                "back-reference `{}` is Java regex syntax that cbot does not support",
                                &text[i..i + 2]
                            ),
                            span: (i, i + 2),
                            help: Some("back-references are not supported: match the text explicitly".into()),
                        });
                    }
                    if text[i..].starts_with("\\k<")
                        && let Some((_, what, help)) = JAVA_ONLY.iter().find(|j| j.0 == "\\k<")
                    {
                        return Some(RegexError {
                            code: "P011",
                            message: format!("{what} is Java regex syntax that cbot does not support"),
                            span: (i, i + 3),
                            help: Some((*help).to_string()),
                        });
                    }
                }
                i += 2;
                continue;
            }
            b'[' if !in_class => in_class = true,
            b']' if in_class => in_class = false,
            _ if !in_class => {
                for (seq, what, help) in JAVA_ONLY {
                    if !seq.starts_with('\\') && text[i..].starts_with(seq) {
                        return Some(RegexError {
                            code: "P011",
                            message: format!("{what} is Java regex syntax that cbot does not support"),
                            span: (i, i + seq.len()),
                            help: Some((*help).to_string()),
                        });
                    }
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn find_semantics() {
        let r = RegexCondition::new("Product #: [0-9]").unwrap();
        assert!(r.is_match("Product #: 4432 added"));
        assert!(!r.is_match("product #: 4432")); // case-sensitive, as written
        assert!(RegexCondition::new("^[^0-9]*$").unwrap().is_match("no digits"));
    }

    #[test]
    fn java_only_syntax_is_named() {
        for (re, at) in
            [("foo(?=bar)", 3), ("(a)\\1", 3), ("a*+", 1), ("x{2}+", 3), ("(?<!a)b", 0), ("(?<n>a)\\k<n>", 7)]
        {
            let e = RegexCondition::new(re).unwrap_err();
            assert_eq!((e.code, e.span.0), ("P011", at), "{re}: {e:?}");
        }
        // Inside a class or escaped, these are literal.
        assert!(RegexCondition::new("[*+]").is_ok());
        assert!(RegexCondition::new("a\\*+").is_ok());
        let e = RegexCondition::new("(unclosed").unwrap_err();
        assert_eq!(e.code, "P010");
        assert_eq!(e.message, "invalid regex: unclosed group");
        let e = RegexCondition::new("\\w{1000}{1000}").unwrap_err();
        assert_eq!(e.code, "P012");
    }
}
