//! A JSON parser that keeps the byte span of every value.
//!
//! serde_json gives no positions, and the importer needs them: a shape error
//! must point at the exact characters in the file, and later stages (pattern
//! syntax, scripts) map offsets inside a JSON string back to the file. The
//! parser is RFC 8259 strict, bounded in nesting depth (so hostile input
//! cannot overflow the stack) and reports the first syntax error with its
//! offset. It also notes duplicate object keys, which JSON permits but which
//! make a bot ambiguous.

use std::collections::HashSet;

/// Deepest nesting of arrays and objects accepted. CB exports nest about ten
/// levels; the bound only exists so that `[[[[…` cannot exhaust the stack.
pub const MAX_DEPTH: usize = 128;

/// A JSON value with the byte range it occupies in the source.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// First byte of the value.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The value.
    pub value: Value,
}

/// The value of a [`Node`].
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// `null`
    Null,
    /// `true` / `false`
    Bool(bool),
    /// A number, as serde_json would read it.
    Number(serde_json::Number),
    /// A string, unescaped.
    String(String),
    /// An array.
    Array(Vec<Node>),
    /// An object, members in source order (duplicates kept).
    Object(Vec<Member>),
}

/// One `"key": value` pair of an object.
#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    /// The unescaped key.
    pub key: String,
    /// Byte range of the key, quotes included.
    pub key_start: usize,
    /// One past the key's closing quote.
    pub key_end: usize,
    /// The value.
    pub value: Node,
}

/// What kind of value a node holds, for messages ("expected a string, found
/// a number").
pub fn kind_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

impl Node {
    /// The member of an object with this key (the last one if repeated, as
    /// serde_json and JavaScript do).
    pub fn get(&self, key: &str) -> Option<&Node> {
        match &self.value {
            Value::Object(members) => members.iter().rev().find(|m| m.key == key).map(|m| &m.value),
            _ => None,
        }
    }

    /// The element of an array at this index.
    pub fn at(&self, index: usize) -> Option<&Node> {
        match &self.value {
            Value::Array(items) => items.get(index),
            _ => None,
        }
    }

    /// Converts to a serde_json value (for fields the model keeps opaque).
    pub fn to_value(&self) -> serde_json::Value {
        use serde_json::Value as J;
        match &self.value {
            Value::Null => J::Null,
            Value::Bool(b) => J::Bool(*b),
            Value::Number(n) => J::Number(n.clone()),
            Value::String(s) => J::String(s.clone()),
            Value::Array(items) => J::Array(items.iter().map(Node::to_value).collect()),
            Value::Object(members) => J::Object(members.iter().map(|m| (m.key.clone(), m.value.to_value())).collect()),
        }
    }
}

/// A syntax error: where and what was expected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    /// Byte offset of the offending character (the input length at end of input).
    pub offset: usize,
    /// Length of the offending token (at least 1 unless at end of input).
    pub len: usize,
    /// What went wrong, e.g. "expected `,` or `}` after an object member".
    pub message: String,
    /// A short label for the offending position.
    pub label: String,
    /// Whether the error is the nesting limit rather than bad syntax.
    pub too_deep: bool,
}

/// A duplicate key found while parsing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DuplicateKey {
    /// The key.
    pub key: String,
    /// Span of the repeated occurrence (the one that wins).
    pub span: (usize, usize),
    /// Span of the first occurrence.
    pub first: (usize, usize),
}

/// The parsed document and what the parser noticed on the way.
#[derive(Debug)]
pub struct Parsed {
    /// The root value.
    pub root: Node,
    /// Keys repeated within one object.
    pub duplicate_keys: Vec<DuplicateKey>,
}

/// Parses a whole document: one value, surrounded by optional whitespace.
pub fn parse(text: &str) -> Result<Parsed, SyntaxError> {
    let mut p = Parser { src: text.as_bytes(), text, pos: 0, depth: 0, duplicate_keys: Vec::new() };
    p.skip_ws();
    let root = p.value()?;
    p.skip_ws();
    if p.pos < p.src.len() {
        return Err(
            p.error_here("unexpected text after the end of the JSON document", "nothing may follow the document")
        );
    }
    Ok(Parsed { root, duplicate_keys: p.duplicate_keys })
}

struct Parser<'a> {
    src: &'a [u8],
    text: &'a str,
    pos: usize,
    depth: usize,
    duplicate_keys: Vec<DuplicateKey>,
}

impl Parser<'_> {
    fn skip_ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.src.get(self.pos) {
            self.pos += 1;
        }
    }

    fn error_here(&self, message: &str, label: &str) -> SyntaxError {
        let len = self.text[self.pos.min(self.text.len())..].chars().next().map_or(0, char::len_utf8);
        SyntaxError { offset: self.pos, len, message: message.to_string(), label: label.to_string(), too_deep: false }
    }

    fn describe_here(&self) -> String {
        match self.text[self.pos.min(self.text.len())..].chars().next() {
            None => "the end of the input".to_string(),
            Some(c) if c.is_control() => format!("control character U+{:04X}", c as u32),
            Some(c) => format!("`{c}`"),
        }
    }

    fn expected(&self, what: &str) -> SyntaxError {
        self.error_here(&format!("expected {what}, found {}", self.describe_here()), &format!("expected {what}"))
    }

    fn value(&mut self) -> Result<Node, SyntaxError> {
        let start = self.pos;
        let value = match self.src.get(self.pos) {
            Some(b'{') => return self.nested(Self::object),
            Some(b'[') => return self.nested(Self::array),
            Some(b'"') => Value::String(self.string()?),
            Some(b't') => self.keyword("true", Value::Bool(true))?,
            Some(b'f') => self.keyword("false", Value::Bool(false))?,
            Some(b'n') => self.keyword("null", Value::Null)?,
            Some(b'-' | b'0'..=b'9') => Value::Number(self.number()?),
            _ => return Err(self.expected("a JSON value")),
        };
        Ok(Node { start, end: self.pos, value })
    }

    fn nested(&mut self, f: fn(&mut Self) -> Result<Node, SyntaxError>) -> Result<Node, SyntaxError> {
        if self.depth >= MAX_DEPTH {
            let mut e = self.error_here(&format!("arrays and objects nest deeper than {MAX_DEPTH} levels"), "too deep");
            e.too_deep = true;
            return Err(e);
        }
        self.depth += 1;
        let node = f(self);
        self.depth -= 1;
        node
    }

    /// At a closing bracket right after a comma, the error is the comma:
    /// JavaScript allows a trailing comma, JSON does not.
    fn trailing_comma(&self, close: u8) -> Option<SyntaxError> {
        if self.src.get(self.pos) != Some(&close) {
            return None;
        }
        let before = self.src.get(..self.pos)?;
        let comma = before.iter().rposition(|b| !matches!(b, b' ' | b'\t' | b'\n' | b'\r'))?;
        (before.get(comma) == Some(&b',')).then(|| SyntaxError {
            offset: comma,
            len: 1,
            message: format!("trailing comma before `{}`", close as char),
            label: "JSON allows no comma here".into(),
            too_deep: false,
        })
    }

    fn keyword(&mut self, word: &str, value: Value) -> Result<Value, SyntaxError> {
        if self.src.get(self.pos..).is_some_and(|rest| rest.starts_with(word.as_bytes())) {
            self.pos += word.len();
            Ok(value)
        } else {
            Err(self.expected("a JSON value"))
        }
    }

    fn object(&mut self) -> Result<Node, SyntaxError> {
        let start = self.pos;
        self.pos += 1;
        let mut members: Vec<Member> = Vec::new();
        self.skip_ws();
        if self.src.get(self.pos) == Some(&b'}') {
            self.pos += 1;
            return Ok(Node { start, end: self.pos, value: Value::Object(members) });
        }
        loop {
            self.skip_ws();
            if self.src.get(self.pos) != Some(&b'"') {
                return Err(self.trailing_comma(b'}').unwrap_or_else(|| self.expected("a string key")));
            }
            let key_start = self.pos;
            let key = self.string()?;
            let key_end = self.pos;
            self.skip_ws();
            if self.src.get(self.pos) != Some(&b':') {
                return Err(self.expected("`:` after an object key"));
            }
            self.pos += 1;
            self.skip_ws();
            let value = self.value()?;
            members.push(Member { key, key_start, key_end, value });
            self.skip_ws();
            match self.src.get(self.pos) {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    break;
                }
                _ => return Err(self.expected("`,` or `}` after an object member")),
            }
        }
        self.note_duplicates(&members);
        Ok(Node { start, end: self.pos, value: Value::Object(members) })
    }

    fn note_duplicates(&mut self, members: &[Member]) {
        let mut seen: HashSet<&str> = HashSet::with_capacity(members.len());
        for (i, m) in members.iter().enumerate() {
            if !seen.insert(&m.key)
                && let Some(first) = members.iter().take(i).find(|f| f.key == m.key)
            {
                self.duplicate_keys.push(DuplicateKey {
                    key: m.key.clone(),
                    span: (m.key_start, m.key_end),
                    first: (first.key_start, first.key_end),
                });
            }
        }
    }

    fn array(&mut self) -> Result<Node, SyntaxError> {
        let start = self.pos;
        self.pos += 1;
        let mut items = Vec::new();
        self.skip_ws();
        if self.src.get(self.pos) == Some(&b']') {
            self.pos += 1;
            return Ok(Node { start, end: self.pos, value: Value::Array(items) });
        }
        loop {
            self.skip_ws();
            if let Some(e) = self.trailing_comma(b']') {
                return Err(e);
            }
            items.push(self.value()?);
            self.skip_ws();
            match self.src.get(self.pos) {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    break;
                }
                _ => return Err(self.expected("`,` or `]` after an array element")),
            }
        }
        Ok(Node { start, end: self.pos, value: Value::Array(items) })
    }

    fn number(&mut self) -> Result<serde_json::Number, SyntaxError> {
        let start = self.pos;
        let digits = |p: &mut Self| {
            let from = p.pos;
            while let Some(b'0'..=b'9') = p.src.get(p.pos) {
                p.pos += 1;
            }
            p.pos - from
        };
        if self.src.get(self.pos) == Some(&b'-') {
            self.pos += 1;
        }
        match self.src.get(self.pos) {
            Some(b'0') => self.pos += 1,
            Some(b'1'..=b'9') => {
                digits(self);
            }
            _ => return Err(self.expected("a digit")),
        }
        if self.src.get(self.pos) == Some(&b'.') {
            self.pos += 1;
            if digits(self) == 0 {
                return Err(self.expected("a digit after the decimal point"));
            }
        }
        if let Some(b'e' | b'E') = self.src.get(self.pos) {
            self.pos += 1;
            if let Some(b'+' | b'-') = self.src.get(self.pos) {
                self.pos += 1;
            }
            if digits(self) == 0 {
                return Err(self.expected("a digit in the exponent"));
            }
        }
        let raw = &self.text[start..self.pos];
        raw.parse::<serde_json::Number>().map_err(|_| SyntaxError {
            offset: start,
            len: raw.len(),
            message: format!("number `{raw}` is out of range"),
            label: "out of range".into(),
            too_deep: false,
        })
    }

    /// Parses a string literal at `self.pos` (which is at the opening quote).
    fn string(&mut self) -> Result<String, SyntaxError> {
        let open = self.pos;
        self.pos += 1;
        let mut out = String::new();
        loop {
            // Copy the run of plain characters in one go: the common case.
            let run_start = self.pos;
            while let Some(&b) = self.src.get(self.pos) {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.pos += 1;
            }
            out.push_str(&self.text[run_start..self.pos]);
            match self.src.get(self.pos) {
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b'\\') => out.push(self.escape()?),
                Some(_) => {
                    return Err(self.error_here(
                        &format!("{} inside a string (write it as an escape such as `\\n`)", self.describe_here()),
                        "not allowed in a string",
                    ));
                }
                None => {
                    return Err(SyntaxError {
                        offset: open,
                        len: 1,
                        message: "string is never closed: the input ends before its closing `\"`".into(),
                        label: "this string is never closed".into(),
                        too_deep: false,
                    });
                }
            }
        }
    }

    fn escape(&mut self) -> Result<char, SyntaxError> {
        let at = self.pos;
        self.pos += 1;
        let c = match self.src.get(self.pos) {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => {
                self.pos += 1;
                let hi = self.hex4(at)?;
                if (0xD800..0xDC00).contains(&hi) {
                    // A high surrogate must be followed by `\uDC00`–`\uDFFF`.
                    if self.src.get(self.pos..).is_some_and(|rest| rest.starts_with(b"\\u")) {
                        self.pos += 2;
                        let lo = self.hex4(at)?;
                        // A high and a low surrogate always make a scalar value.
                        if (0xDC00..0xE000).contains(&lo)
                            && let Some(c) = char::from_u32(0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00))
                        {
                            return Ok(c);
                        }
                    }
                    return Err(self.bad_escape(at, "unpaired UTF-16 surrogate in a `\\u` escape"));
                }
                return char::from_u32(hi)
                    .ok_or_else(|| self.bad_escape(at, "unpaired UTF-16 surrogate in a `\\u` escape"));
            }
            _ => return Err(self.bad_escape(at, "invalid escape sequence")),
        };
        self.pos += 1;
        Ok(c)
    }

    fn hex4(&mut self, at: usize) -> Result<u32, SyntaxError> {
        let digits = self.src.get(self.pos..self.pos + 4).and_then(|d| std::str::from_utf8(d).ok());
        match digits.and_then(|d| u32::from_str_radix(d, 16).ok().filter(|_| d.bytes().all(|b| b.is_ascii_hexdigit())))
        {
            Some(v) => {
                self.pos += 4;
                Ok(v)
            }
            None => Err(self.bad_escape(at, "`\\u` must be followed by four hex digits")),
        }
    }

    fn bad_escape(&self, at: usize, message: &str) -> SyntaxError {
        // Up to and including the offending character, all of it (it may
        // take several bytes: `\ſ`).
        let mut end = (self.pos + 1).min(self.src.len());
        while !self.text.is_char_boundary(end) {
            end += 1;
        }
        let len = end - at;
        SyntaxError { offset: at, len, message: message.into(), label: "bad escape".into(), too_deep: false }
    }
}

/// Maps a byte offset in the *decoded* value of a string literal to the byte
/// offset in its source text.
///
/// `literal` is the source text between the quotes. Later stages use this to
/// put a pattern or script error on the right characters of the file even when
/// the JSON string contains escapes (`\"`, `\n`, `\u00e9`).
pub fn raw_offset(literal: &str, decoded: usize) -> usize {
    let bytes = literal.as_bytes();
    let (mut raw, mut dec) = (0, 0);
    while let Some(&b) = bytes.get(raw)
        && dec < decoded
    {
        if b == b'\\' {
            let (raw_len, dec_len) = match bytes.get(raw + 1) {
                Some(b'u') => {
                    let hi = literal.get(raw + 2..raw + 6).and_then(|h| u32::from_str_radix(h, 16).ok());
                    match hi {
                        Some(hi) if (0xD800..0xDC00).contains(&hi) => (12, 4),
                        Some(hi) => (6, char::from_u32(hi).map_or(3, char::len_utf8)),
                        None => (2, 1),
                    }
                }
                _ => (2, 1),
            };
            raw += raw_len;
            dec += dec_len;
        } else {
            let len = literal[raw..].chars().next().map_or(1, char::len_utf8);
            raw += len;
            dec += len;
        }
    }
    raw.min(bytes.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(text: &str) -> SyntaxError {
        parse(text).unwrap_err()
    }

    #[test]
    fn values_carry_their_spans() {
        let doc = parse(r#" {"a": [1, "x\n"], "b": null} "#).unwrap().root;
        assert_eq!((doc.start, doc.end), (1, 29));
        let a = doc.get("a").unwrap();
        assert_eq!((a.start, a.end), (7, 17));
        let x = a.at(1).unwrap();
        assert_eq!(x.value, Value::String("x\n".into()));
        assert_eq!((x.start, x.end), (11, 16));
    }

    #[test]
    fn syntax_errors_point_at_the_offending_byte() {
        assert_eq!(err(r#"{"a" 1}"#).offset, 5);
        assert_eq!(err(r#"{"a": 1,}"#).message, "trailing comma before `}`");
        assert_eq!(err("[1,\n]").offset, 2);
        assert_eq!(err(r#"{"a" : }"#).message, "expected a JSON value, found `}`");
        assert_eq!(err("{,}").message, "expected a string key, found `,`");
        assert_eq!(err("[1, 2").message, "expected `,` or `]` after an array element, found the end of the input");
        assert_eq!(err("\"abc").offset, 0);
        assert_eq!(err("01").offset, 1);
        assert_eq!(err("[1] x").offset, 4);
        assert!(err("\"a\tb\"").message.contains("U+0009"));
        assert!(err(r#""\ud800""#).message.contains("surrogate"));
        assert!(err(r#""\x""#).message.contains("invalid escape"));
        assert!(err("1e").message.contains("exponent"));
    }

    #[test]
    fn nesting_is_bounded_without_recursion_blowup() {
        let deep = "[".repeat(100_000);
        let e = err(&deep);
        assert!(e.too_deep);
        assert_eq!(e.offset, MAX_DEPTH);
        let ok = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(parse(&ok).is_ok());
    }

    #[test]
    fn duplicate_keys_are_reported_and_the_last_wins() {
        let p = parse(r#"{"k": 1, "j": 2, "k": 3}"#).unwrap();
        assert_eq!(p.duplicate_keys.len(), 1);
        assert_eq!(p.duplicate_keys[0].span, (17, 20));
        assert_eq!(p.duplicate_keys[0].first, (1, 4));
        assert_eq!(p.root.to_value()["k"], 3);
    }

    #[test]
    fn raw_offsets_account_for_escapes() {
        // decoded: `a"é😀b`; raw: a \" \u00e9 \ud83d\ude00 b
        let lit = r#"a\"\u00e9\ud83d\ude00b"#;
        assert_eq!(raw_offset(lit, 0), 0);
        assert_eq!(raw_offset(lit, 1), 1);
        assert_eq!(raw_offset(lit, 2), 3);
        assert_eq!(raw_offset(lit, 4), 9);
        assert_eq!(raw_offset(lit, 8), 21);
        assert_eq!(&lit[raw_offset(lit, 8)..], "b");
        assert_eq!(raw_offset("héllo", 3), 3);
    }
}
