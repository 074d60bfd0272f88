//! `JSON.parse` (ES5 §15.12.2) straight into the run's heap: no
//! intermediate tree, property names shared with imported values, numbers
//! parsed with correct rounding (a literal too large for a double is
//! ±Infinity, as in every JavaScript engine).

use crate::runtime::{Host, Obj};
use crate::value::{self, FALSE, NULL, TRUE};
use std::sync::Arc;

/// How deep arrays and objects may nest before parsing stops with an
/// error instead of exhausting the host's stack.
const MAX_DEPTH: usize = 512;

/// Why a text is not JSON: the message names the offending byte offset.
pub(crate) struct ParseError(pub String);

pub(crate) fn parse(h: &mut Host, text: &str) -> Result<i64, ParseError> {
    // Reading the text is host work as long as it (megabytes of spaces
    // parse to nothing and allocate nothing).
    h.add_work(text.len() as u64);
    let mut p = Parser { h, s: text.as_bytes(), at: 0, text };
    p.space();
    let v = p.value(0)?;
    p.space();
    if p.at < p.s.len() {
        return Err(p.unexpected());
    }
    Ok(v)
}

/// Whether any byte of `s` is one `hit` picks: sixteen bytes at a time
/// without an early exit inside a block, a loop LLVM vectorises (JSON
/// text is mostly long runs of bytes that need nothing).
#[inline(always)]
pub(crate) fn any_byte(s: &[u8], hit: impl Fn(u8) -> bool) -> bool {
    let mut blocks = s.chunks_exact(16);
    for block in &mut blocks {
        if block.iter().fold(0u8, |acc, &b| acc | u8::from(hit(b))) != 0 {
            return true;
        }
    }
    blocks.remainder().iter().any(|&b| hit(b))
}

/// A string literal's text: borrowed from the input when it has no escapes.
enum Text<'s> {
    Plain(&'s str),
    Unescaped(String),
}

struct Parser<'h, 's> {
    h: &'h mut Host,
    s: &'s [u8],
    text: &'s str,
    at: usize,
}

impl<'s> Parser<'_, 's> {
    fn unexpected(&self) -> ParseError {
        match self.text[self.at..].chars().next() {
            Some(c) => ParseError(format!("Unexpected token {c} in JSON at position {}", self.at)),
            None => ParseError("Unexpected end of JSON input".into()),
        }
    }

    fn space(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.s.get(self.at) {
            self.at += 1;
        }
    }

    fn eat(&mut self, b: u8) -> bool {
        if self.s.get(self.at) == Some(&b) {
            self.at += 1;
            true
        } else {
            false
        }
    }

    fn literal(&mut self, word: &str, v: i64) -> Result<i64, ParseError> {
        if self.s.get(self.at..).is_some_and(|rest| rest.starts_with(word.as_bytes())) {
            self.at += word.len();
            Ok(v)
        } else {
            Err(self.unexpected())
        }
    }

    fn value(&mut self, depth: usize) -> Result<i64, ParseError> {
        // Past the quota the run traps after this operation; stop early.
        if self.h.heap_exceeded {
            return Err(ParseError("heap quota exceeded".into()));
        }
        if depth > MAX_DEPTH {
            return Err(ParseError(format!("JSON nested deeper than {MAX_DEPTH} levels at position {}", self.at)));
        }
        match self.s.get(self.at) {
            Some(b'{') => self.object(depth),
            Some(b'[') => self.array(depth),
            Some(b'"') => Ok(match self.string()? {
                Text::Plain(s) => self.h.copy_string(s),
                Text::Unescaped(s) => self.h.string(s),
            }),
            Some(b't') => self.literal("true", TRUE),
            Some(b'f') => self.literal("false", FALSE),
            Some(b'n') => self.literal("null", NULL),
            Some(b'-' | b'0'..=b'9') => self.number(),
            _ => Err(self.unexpected()),
        }
    }

    fn array(&mut self, depth: usize) -> Result<i64, ParseError> {
        self.at += 1;
        let mut items = self.h.items_buf(0);
        self.space();
        if !self.eat(b']') {
            loop {
                self.space();
                items.push(self.value(depth + 1)?);
                self.space();
                if self.eat(b']') {
                    break;
                }
                if !self.eat(b',') {
                    return Err(self.unexpected());
                }
            }
        }
        let n = items.len();
        Ok(self.h.alloc(Obj::Arr(items), 8 * n))
    }

    fn object(&mut self, depth: usize) -> Result<i64, ParseError> {
        self.at += 1;
        let mut props: Vec<(Arc<str>, i64)> = self.h.props_buf(0);
        self.space();
        if !self.eat(b'}') {
            loop {
                self.space();
                if self.s.get(self.at) != Some(&b'"') {
                    return Err(self.unexpected());
                }
                let key = self.string()?;
                let key = match &key {
                    Text::Plain(s) => s,
                    Text::Unescaped(s) => s.as_str(),
                };
                self.space();
                if !self.eat(b':') {
                    return Err(self.unexpected());
                }
                self.space();
                let v = self.value(depth + 1)?;
                // A repeated name keeps its first place and takes the last
                // value (ES5 §15.12.2 builds the object with [[Put]]). A
                // shared name (`key_name` gives one `Arc` per text for the
                // whole run, the set holding another reference) is found
                // by pointer; one too long to share, by text.
                let name = self.h.key_name(key);
                let seen = if Arc::strong_count(&name) > 1 {
                    props.iter_mut().find(|p| Arc::ptr_eq(&p.0, &name))
                } else {
                    props.iter_mut().find(|p| *p.0 == *name)
                };
                match seen {
                    Some(p) => p.1 = v,
                    None => props.push((name, v)),
                }
                self.space();
                if self.eat(b'}') {
                    break;
                }
                if !self.eat(b',') {
                    return Err(self.unexpected());
                }
            }
        }
        crate::runtime::order_index_keys(&mut props);
        let n = props.len();
        Ok(self.h.alloc(Obj::Object(props, value::UNDEFINED), 24 * n))
    }

    /// A string literal's text. Most have no escapes: they are found with
    /// one vectorised scan for the closing quote and borrowed from the input.
    fn string(&mut self) -> Result<Text<'s>, ParseError> {
        self.at += 1;
        let (s, text) = (self.s, self.text);
        let rest = s.get(self.at..).unwrap_or_default();
        let Some(len) = memchr::memchr2(b'"', b'\\', rest) else {
            return Err(self.unterminated(rest));
        };
        let (start, end) = (self.at, self.at + len);
        let plain = rest.get(..len).unwrap_or_default();
        if any_byte(plain, |b| b < 0x20) {
            self.at += plain.iter().position(|&b| b < 0x20).unwrap_or(0);
            return Err(self.unexpected());
        }
        self.at = end;
        if s.get(end) == Some(&b'"') {
            self.at += 1;
            return Ok(Text::Plain(text.get(start..end).unwrap_or_default()));
        }
        let mut out = String::from(text.get(start..end).unwrap_or_default());
        let mut from = end;
        loop {
            let Some(&b) = s.get(self.at) else {
                return Err(ParseError(format!("Unterminated string in JSON at position {}", self.at)));
            };
            match b {
                b'"' => {
                    out.push_str(text.get(from..self.at).unwrap_or_default());
                    self.at += 1;
                    return Ok(Text::Unescaped(out));
                }
                b'\\' => {
                    out.push_str(text.get(from..self.at).unwrap_or_default());
                    self.at += 1;
                    self.escape(&mut out)?;
                    from = self.at;
                }
                0..=0x1f => return Err(self.unexpected()),
                _ => self.at += 1,
            }
        }
    }

    /// The error for a string without its closing quote: at the first
    /// control character when there is one (as the byte-by-byte reading
    /// reports it), else at the end.
    fn unterminated(&mut self, rest: &[u8]) -> ParseError {
        match rest.iter().position(|&b| b < 0x20) {
            Some(i) => {
                self.at += i;
                self.unexpected()
            }
            None => {
                self.at += rest.len();
                ParseError(format!("Unterminated string in JSON at position {}", self.at))
            }
        }
    }

    fn escape(&mut self, out: &mut String) -> Result<(), ParseError> {
        let Some(&b) = self.s.get(self.at) else { return Err(self.unexpected()) };
        self.at += 1;
        let c = match b {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let hi = self.hex4()?;
                // A surrogate pair is one character; a lone surrogate
                // cannot be held in cbot's UTF-8 strings and becomes U+FFFD
                // (docs/known-differences.md).
                if (0xD800..0xDC00).contains(&hi) && self.s.get(self.at..).is_some_and(|rest| rest.starts_with(b"\\u"))
                {
                    let save = self.at;
                    self.at += 2;
                    let lo = self.hex4()?;
                    if (0xDC00..0xE000).contains(&lo) {
                        let c = 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00);
                        out.push(char::from_u32(c).unwrap_or('\u{FFFD}'));
                        return Ok(());
                    }
                    self.at = save;
                }
                char::from_u32(hi).unwrap_or('\u{FFFD}')
            }
            _ => {
                self.at -= 1;
                return Err(self.unexpected());
            }
        };
        out.push(c);
        Ok(())
    }

    fn hex4(&mut self) -> Result<u32, ParseError> {
        let digits = self.s.get(self.at..self.at + 4).ok_or_else(|| self.unexpected())?;
        let mut v = 0;
        for (k, d) in digits.iter().enumerate() {
            let Some(x) = (*d as char).to_digit(16) else {
                self.at += k;
                return Err(self.unexpected());
            };
            v = v * 16 + x;
        }
        self.at += 4;
        Ok(v)
    }

    /// The JSON number grammar, checked byte by byte, then parsed by Rust
    /// (correctly rounded; overflow gives ±Infinity).
    fn number(&mut self) -> Result<i64, ParseError> {
        let start = self.at;
        self.eat(b'-');
        match self.s.get(self.at) {
            Some(b'0') => self.at += 1,
            Some(b'1'..=b'9') => self.digits(),
            _ => return Err(self.unexpected()),
        }
        if self.eat(b'.') {
            if !matches!(self.s.get(self.at), Some(b'0'..=b'9')) {
                return Err(self.unexpected());
            }
            self.digits();
        }
        if let Some(b'e' | b'E') = self.s.get(self.at) {
            self.at += 1;
            if let Some(b'+' | b'-') = self.s.get(self.at) {
                self.at += 1;
            }
            if !matches!(self.s.get(self.at), Some(b'0'..=b'9')) {
                return Err(self.unexpected());
            }
            self.digits();
        }
        let n: f64 = self.text[start..self.at].parse().map_err(|_| self.unexpected())?;
        Ok(value::number(n))
    }

    fn digits(&mut self) {
        while let Some(b'0'..=b'9') = self.s.get(self.at) {
            self.at += 1;
        }
    }
}
