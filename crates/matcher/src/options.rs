//! How messages and pattern literals are normalised before they are compared.

#![expect(
    clippy::indexing_slicing,
    reason = "`start` is the length of the output before this message was appended, so `out[start..]` exists, \
              and the in-place compaction's read index stays ahead of its write index inside the vector"
)]

/// How punctuation in messages and patterns is treated (CB-SPEC §1.3 leaves
/// it unclear; see docs/patterns.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Punctuation {
    /// Punctuation is literal text, as in CB's documentation: `Quiz Me!`
    /// needs the `!`. The sample exports list both `… show` and `… show.`,
    /// which suggests authors found it matters (CB-SPEC §1.3).
    #[default]
    Keep,
    /// A run of `.`, `!`, `?` or `…` at the end of the message (and of the
    /// pattern) is dropped, so "yes!" matches `yes`.
    StripTrailing,
    /// Every punctuation character is removed from messages and pattern
    /// literals alike, so "g'day" matches `gday` and "yes, please" matches
    /// `yes please`.
    Ignore,
}

/// How messages (and pattern literals) are normalised before matching.
///
/// The defaults follow CB-SPEC §1.2–§1.3 and DESIGN §3; docs/patterns.md
/// explains each. Pattern literals get the same treatment as messages, so a
/// pattern written `Hello  There` matches "hello there".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct MatchOptions {
    /// Compare after Unicode lower-casing (`str::to_lowercase`) of both
    /// sides. Default `true`: every CB tutorial relies on `yes` matching
    /// "Yes" (CB-SPEC §1.2).
    pub case_insensitive: bool,
    /// Remove leading and trailing whitespace from the message. Default
    /// `true` (CB-SPEC §1.3); whitespace at the very start or end of a
    /// pattern is removed too, since it could never match.
    pub trim: bool,
    /// Turn every run of whitespace (spaces, tabs, newlines, no-break
    /// spaces) into one space. Default `true` (DESIGN §3): "hi  there"
    /// typed with two spaces still matches `hi there`.
    pub collapse_whitespace: bool,
    /// Punctuation handling. Default [`Punctuation::Keep`].
    pub punctuation: Punctuation,
}

impl Default for MatchOptions {
    fn default() -> Self {
        MatchOptions { case_insensitive: true, trim: true, collapse_whitespace: true, punctuation: Punctuation::Keep }
    }
}

/// What [`Punctuation::Ignore`] removes: ASCII punctuation (which, as in
/// Rust's `char::is_ascii_punctuation`, includes `#`, `$`, `+` and `@`) and
/// the common Unicode quotation marks, dashes and sentence marks. Letters,
/// digits and emoji are never punctuation.
pub fn is_punctuation(c: char) -> bool {
    c.is_ascii_punctuation()
        || matches!(
            c,
            '\u{00A1}' | '\u{00AB}' | '\u{00B7}' | '\u{00BB}' | '\u{00BF}' | '\u{2010}'
                ..='\u{2027}'
                    | '\u{3001}'
                    | '\u{3002}'
                    | '\u{FF01}'
                    | '\u{FF0C}'
                    | '\u{FF0E}'
                    | '\u{FF1A}'
                    | '\u{FF1B}'
                    | '\u{FF1F}'
        )
}

/// Keeps the bytes of `v[start..]` for which `keep(previous kept byte, byte)`
/// holds, in order.
fn compact(v: &mut Vec<u8>, start: usize, keep: impl Fn(Option<u8>, u8) -> bool) {
    let mut w = start;
    for r in start..v.len() {
        let b = v[r];
        let prev = if w > start { Some(v[w - 1]) } else { None };
        if keep(prev, b) {
            v[w] = b;
            w += 1;
        }
    }
    v.truncate(w);
}

fn is_sentence_end(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '\u{2026}')
}

impl MatchOptions {
    /// Normalises a message: lower-case, punctuation, whitespace, trim (in
    /// that order), appending to `out`.
    pub fn normalize_into(&self, message: &str, out: &mut String) {
        let mut bytes = std::mem::take(out).into_bytes();
        self.normalize_bytes(message, &mut bytes);
        // Normalisation keeps UTF-8; the lossy path is never taken.
        *out = String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into());
    }

    /// Normalises a message into a new string.
    pub fn normalize(&self, message: &str) -> String {
        let mut out = String::with_capacity(message.len());
        self.normalize_into(message, &mut out);
        out
    }

    /// [`MatchOptions::normalize_into`] on bytes: the matcher's hot path
    /// (the result is UTF-8, but nobody pays to check it again).
    pub(crate) fn normalize_bytes(&self, message: &str, out: &mut Vec<u8>) {
        let start = out.len();
        // Trimming the input first means the result needs no trimming unless
        // punctuation handling exposes whitespace at an edge.
        let message = if self.trim { message.trim() } else { message };
        out.reserve(message.len());
        if message.is_ascii() {
            // Most messages: one byte is one character, no Unicode tables.
            self.push_ascii(message.as_bytes(), out);
        } else if self.case_insensitive {
            self.push_text(message.chars().flat_map(char::to_lowercase), out);
        } else {
            self.push_text(message.chars(), out);
        }
        if self.punctuation != Punctuation::Keep {
            // Built from characters: valid UTF-8.
            let text = std::str::from_utf8(out.get(start..).unwrap_or_default()).unwrap_or_default();
            let mut end = text.len();
            if self.punctuation == Punctuation::StripTrailing {
                end = text.trim_end_matches(|c: char| is_sentence_end(c) || c.is_whitespace()).len();
            }
            let mut begin = 0;
            if self.trim {
                end = text[..end].trim_end().len();
                begin = end - text[..end].trim_start().len();
            }
            out.truncate(start + end);
            out.drain(start..start + begin);
        }
    }

    fn push_ascii(&self, bytes: &[u8], out: &mut Vec<u8>) {
        // Copy, then fix up in place: lower-casing a slice is vectorised, and
        // the compaction passes run only when something needs removing.
        let start = out.len();
        out.extend_from_slice(bytes);
        if self.case_insensitive {
            out[start..].make_ascii_lowercase();
        }
        if self.punctuation == Punctuation::Ignore {
            compact(out, start, |_, b| !b.is_ascii_punctuation());
        }
        // The ASCII characters `char::is_whitespace` accepts.
        let space = |b: u8| matches!(b, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r');
        let needs_collapse = || {
            out[start..].windows(2).any(|w| space(w[0]) && (w[0] != b' ' || space(w[1])))
                || out.last().is_some_and(|&b| space(b) && b != b' ')
        };
        if self.collapse_whitespace && needs_collapse() {
            for b in &mut out[start..] {
                if space(*b) {
                    *b = b' ';
                }
            }
            compact(out, start, |prev, b| !(b == b' ' && prev == Some(b' ')));
        }
    }

    fn push_text(&self, chars: impl Iterator<Item = char>, out: &mut Vec<u8>) {
        let mut in_space = false;
        let mut buf = [0u8; 4];
        for c in chars {
            let c = if self.case_insensitive && c.is_ascii() { c.to_ascii_lowercase() } else { c };
            if self.punctuation == Punctuation::Ignore && is_punctuation(c) {
                continue;
            }
            if self.collapse_whitespace && c.is_whitespace() {
                if !in_space {
                    out.push(b' ');
                }
                in_space = true;
                continue;
            }
            in_space = false;
            out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
        }
    }

    /// Normalises the text of one pattern literal. `first`/`last` say whether
    /// it begins or ends the whole pattern (for trimming and trailing
    /// punctuation).
    pub(crate) fn normalize_literal(&self, text: &str, first: bool, last: bool) -> String {
        let mut bytes = Vec::with_capacity(text.len());
        if self.case_insensitive {
            self.push_text(text.chars().flat_map(char::to_lowercase), &mut bytes);
        } else {
            self.push_text(text.chars(), &mut bytes);
        }
        // Built from characters; the lossy path is never taken.
        let mut out = String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into());
        if last && self.punctuation == Punctuation::StripTrailing {
            while out.ends_with(|c: char| is_sentence_end(c) || c.is_whitespace()) {
                out.pop();
            }
        }
        if self.trim {
            if last {
                out.truncate(out.trim_end().len());
            }
            if first {
                out = out.trim_start().to_string();
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_lowercase_collapse_and_trim() {
        let o = MatchOptions::default();
        assert_eq!(o.normalize("  Hello\t\tThere \n"), "hello there");
        assert_eq!(o.normalize("ÉCOLE  Straße"), "école straße");
        assert_eq!(o.normalize("Quiz Me!"), "quiz me!");
        assert_eq!(o.normalize("\u{00A0}hi\u{00A0}"), "hi");
    }

    #[test]
    fn punctuation_modes() {
        let strip = MatchOptions { punctuation: Punctuation::StripTrailing, ..MatchOptions::default() };
        assert_eq!(strip.normalize("Yes!!! "), "yes");
        assert_eq!(strip.normalize("wait... what?"), "wait... what");
        let ignore = MatchOptions { punctuation: Punctuation::Ignore, ..MatchOptions::default() };
        assert_eq!(ignore.normalize("G'day, mate!"), "gday mate");
        assert_eq!(ignore.normalize("yes , please"), "yes please");
        assert_eq!(ignore.normalize_literal("g'day", true, false), "gday");
    }

    #[test]
    fn literals_trim_only_at_the_pattern_edges() {
        let o = MatchOptions::default();
        assert_eq!(o.normalize_literal(" Hi  ", false, false), " hi ");
        assert_eq!(o.normalize_literal(" Hi  ", true, true), "hi");
        let exact = MatchOptions { case_insensitive: false, collapse_whitespace: false, ..MatchOptions::default() };
        assert_eq!(exact.normalize("  A  b "), "A  b");
    }
}
