//! How messages and pattern literals are normalised before they are compared.

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

fn is_sentence_end(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '\u{2026}')
}

impl MatchOptions {
    /// Normalises a message: lower-case, punctuation, whitespace, trim (in
    /// that order), appending to `out`.
    pub fn normalize_into(&self, message: &str, out: &mut String) {
        let start = out.len();
        // Trimming the input first makes the final trim a no-op in the
        // common case (it still matters when punctuation removal leaves a
        // space at an edge).
        let message = if self.trim { message.trim() } else { message };
        out.reserve(message.len());
        if message.is_ascii() {
            // Most messages: one byte is one character, no allocation, no
            // Unicode tables.
            self.push_ascii(message.as_bytes(), out);
        } else if self.case_insensitive {
            self.push_text(message.chars().flat_map(char::to_lowercase), out);
        } else {
            self.push_text(message.chars(), out);
        }
        if self.punctuation == Punctuation::StripTrailing {
            while out[start..].ends_with(|c: char| is_sentence_end(c) || c.is_whitespace()) {
                out.pop();
            }
        }
        if self.trim {
            let trimmed_end = out[start..].trim_end().len();
            out.truncate(start + trimmed_end);
            let lead = out[start..].len() - out[start..].trim_start().len();
            if lead > 0 {
                out.drain(start..start + lead);
            }
        }
    }

    fn push_ascii(&self, bytes: &[u8], out: &mut String) {
        let mut in_space = false;
        for &b in bytes {
            let b = if self.case_insensitive { b.to_ascii_lowercase() } else { b };
            if self.punctuation == Punctuation::Ignore && b.is_ascii_punctuation() {
                continue;
            }
            // The ASCII characters `char::is_whitespace` accepts.
            if self.collapse_whitespace && matches!(b, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r') {
                if !in_space {
                    out.push(' ');
                }
                in_space = true;
                continue;
            }
            in_space = false;
            out.push(char::from(b));
        }
    }

    /// Normalises a message into a new string.
    pub fn normalize(&self, message: &str) -> String {
        let mut out = String::with_capacity(message.len());
        self.normalize_into(message, &mut out);
        out
    }

    fn push_text(&self, chars: impl Iterator<Item = char>, out: &mut String) {
        let mut in_space = false;
        for c in chars {
            let c = if self.case_insensitive && c.is_ascii() { c.to_ascii_lowercase() } else { c };
            if self.punctuation == Punctuation::Ignore && is_punctuation(c) {
                continue;
            }
            if self.collapse_whitespace && c.is_whitespace() {
                if !in_space {
                    out.push(' ');
                }
                in_space = true;
                continue;
            }
            in_space = false;
            out.push(c);
        }
    }

    /// Normalises the text of one pattern literal. `first`/`last` say whether
    /// it begins or ends the whole pattern (for trimming and trailing
    /// punctuation).
    pub(crate) fn normalize_literal(&self, text: &str, first: bool, last: bool) -> String {
        let mut out = String::with_capacity(text.len());
        if self.case_insensitive {
            self.push_text(text.chars().flat_map(char::to_lowercase), &mut out);
        } else {
            self.push_text(text.chars(), &mut out);
        }
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
