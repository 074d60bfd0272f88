//! Mutations of seed inputs: character and byte edits, line edits, tokens
//! from a per-target dictionary and splices of other seeds. Text stays
//! valid UTF-8 (edits work on characters), since every target but the
//! importer reads `&str`; the importer also gets byte-level edits.

use crate::rng::Rng;

/// Characters that have tripped up text handling before: case mappings
/// that change length (`İ`, `ẞ`), a lower-casing into ASCII (Kelvin sign),
/// Unicode whitespace and line breaks, zero-width and combining marks,
/// astral characters, a control character and U+FFFD.
pub const ODD_CHARS: &[char] = &[
    'İ', 'ẞ', 'ß', 'Σ', 'ς', '\u{212A}', 'ſ', 'ﬃ', 'é', 'E', '\u{301}', '\u{A0}', '\u{2028}', '\u{85}', '\u{3000}',
    '\u{200B}', '\u{FEFF}', '😀', '𝔘', '\u{0}', '\u{1}', '\u{7F}', '\u{FFFD}', '\t', '\n', '\r', ' ', '…', '¿', '、',
    '！', '«', '—', '\\', '"', '\'',
];

/// A random character: mostly printable ASCII, sometimes an odd one.
pub fn random_char(rng: &mut Rng) -> char {
    if rng.chance(1, 4) { rng.pick(ODD_CHARS, '?') } else { char::from(b' ' + rng.below(95) as u8) }
}

/// Applies 1 to `max_edits` random edits to `text`. `dict` holds tokens
/// of the target's syntax; `others` are seeds to splice from.
pub fn mutate_text(rng: &mut Rng, text: &str, dict: &[&str], others: &[String], max_edits: usize) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    let edits = rng.range(1, max_edits.max(1));
    for _ in 0..edits {
        edit_chars(rng, &mut chars, dict, others);
    }
    chars.into_iter().collect()
}

fn random_range(rng: &mut Rng, len: usize, max: usize) -> (usize, usize) {
    let start = rng.below(len + 1);
    let n = rng.range(1, max).min(len - start);
    (start, start + n)
}

fn edit_chars(rng: &mut Rng, chars: &mut Vec<char>, dict: &[&str], others: &[String]) {
    let len = chars.len();
    match rng.below(12) {
        // Delete a short range.
        0 | 1 => {
            let (a, b) = random_range(rng, len, 8);
            chars.drain(a..b);
        }
        // Insert a dictionary token.
        2..=4 => {
            if let Some(tok) = rng.choose(dict) {
                let at = rng.below(len + 1);
                chars.splice(at..at, tok.chars());
            }
        }
        // Replace a character.
        5 => {
            if len > 0 {
                let at = rng.below(len);
                chars[at] = random_char(rng);
            }
        }
        // Insert random characters.
        6 => {
            let at = rng.below(len + 1);
            let n = rng.range(1, 4);
            let new: Vec<char> = (0..n).map(|_| random_char(rng)).collect();
            chars.splice(at..at, new);
        }
        // Duplicate a range (repetition finds size and nesting bugs).
        7 => {
            let (a, b) = random_range(rng, len, 32);
            let copy: Vec<char> = chars[a..b].to_vec();
            let times = rng.range(1, 3);
            let at = rng.below(len + 1);
            for _ in 0..times {
                chars.splice(at..at, copy.iter().copied());
            }
        }
        // Splice a piece of another seed.
        8 => {
            if let Some(other) = rng.choose(others) {
                let o: Vec<char> = other.chars().collect();
                let (a, b) = random_range(rng, o.len(), 64);
                let at = rng.below(len + 1);
                chars.splice(at..at, o[a..b].iter().copied());
            }
        }
        // Line edits: delete, duplicate or swap whole lines.
        9 | 10 => line_edit(rng, chars),
        // Move a range elsewhere.
        _ => {
            let (a, b) = random_range(rng, len, 16);
            let piece: Vec<char> = chars.drain(a..b).collect();
            let at = rng.below(chars.len() + 1);
            chars.splice(at..at, piece);
        }
    }
}

fn line_edit(rng: &mut Rng, chars: &mut Vec<char>) {
    let text: String = chars.iter().collect();
    let mut lines: Vec<&str> = text.split_inclusive('\n').collect();
    if lines.is_empty() {
        return;
    }
    let i = rng.below(lines.len());
    match rng.below(3) {
        0 => {
            lines.remove(i);
        }
        1 => lines.insert(i, lines[i]),
        _ => {
            let j = rng.below(lines.len());
            lines.swap(i, j);
        }
    }
    *chars = lines.concat().chars().collect();
}

/// Byte-level edits (for inputs that need not be UTF-8): flips, deletions,
/// insertions of interesting bytes.
pub fn mutate_bytes(rng: &mut Rng, bytes: &mut Vec<u8>, edits: usize) {
    for _ in 0..edits.max(1) {
        let len = bytes.len();
        match rng.below(4) {
            0 if len > 0 => {
                let at = rng.below(len);
                bytes[at] ^= 1 << rng.below(8);
            }
            1 if len > 0 => {
                let at = rng.below(len);
                bytes.remove(at);
            }
            2 => {
                let at = rng.below(len + 1);
                let b = rng.pick(&[0u8, 0x80, 0xC3, 0xED, 0xF0, 0xFF, b'"', b'\\', b'{', b'[', b',', b'0'], 0);
                bytes.insert(at, b);
            }
            _ if len > 0 => {
                let at = rng.below(len);
                bytes[at] = rng.below(256) as u8;
            }
            _ => bytes.push(b'{'),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mutations_keep_utf8_and_change_text() {
        let mut rng = Rng::new(3);
        let others = vec!["(a|b)*".to_string()];
        let mut changed = 0;
        for _ in 0..2000 {
            let out = mutate_text(&mut rng, "héllo (world|there)\nline two\n", &["*", "("], &others, 4);
            changed += usize::from(out != "héllo (world|there)\nline two\n");
        }
        assert!(changed > 1500);
        let mut b = b"{\"a\": 1}".to_vec();
        mutate_bytes(&mut rng, &mut b, 3);
    }
}
