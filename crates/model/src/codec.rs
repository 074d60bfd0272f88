//! Reading spanned JSON into the typed model and writing it back.
//!
//! Every model struct is declared with [`cb_object!`], which generates the
//! struct, its decoder and its encoder from one field list, so the three can
//! never disagree about a key. Decoding never stops at the first problem: a
//! value of the wrong type becomes a `D004` diagnostic and the field is left
//! empty; a missing required key becomes `D005`. Keys the model does not know
//! are kept in `extra` in source order and written back on export.

use crate::json::{self, Node, Value};
use cbot_diag::{Diagnostic, Diagnostics, FileId, Span};
use std::fmt::Write as _;

/// Keys cbot does not model, kept so that export writes them back.
pub type Extra = serde_json::Map<String, serde_json::Value>;

/// One step of a JSON pointer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Seg<'a> {
    /// An object key.
    Key(&'a str),
    /// An array index.
    Index(usize),
}

impl<'a> From<&'a str> for Seg<'a> {
    fn from(key: &'a str) -> Self {
        Seg::Key(key)
    }
}

impl From<usize> for Seg<'_> {
    fn from(index: usize) -> Self {
        Seg::Index(index)
    }
}

/// Formats a path as an RFC 6901 JSON pointer (`/conversationMessage/3/id`).
pub fn pointer(path: &[Seg<'_>]) -> String {
    let mut out = String::new();
    for seg in path {
        match seg {
            Seg::Key(k) => {
                out.push('/');
                out.push_str(&k.replace('~', "~0").replace('/', "~1"));
            }
            Seg::Index(i) => {
                let _ = write!(out, "/{i}");
            }
        }
    }
    if out.is_empty() { "/".to_string() } else { out }
}

/// Decoding state: where we are (for pointers) and what went wrong.
pub(crate) struct Cx<'a> {
    file: FileId,
    path: Vec<Seg<'a>>,
    pub(crate) diagnostics: Diagnostics,
}

impl<'a> Cx<'a> {
    pub(crate) fn new(file: FileId) -> Self {
        Cx { file, path: Vec::new(), diagnostics: Diagnostics::new() }
    }

    pub(crate) fn span(&self, node: &Node) -> Span {
        Span::new(self.file, node.start..node.end)
    }

    /// Decodes `node` as the value of `seg` inside the current path.
    pub(crate) fn child<T: FromJson>(&mut self, seg: Seg<'a>, node: &'a Node) -> Option<T> {
        self.path.push(seg);
        let v = T::from_json(node, self);
        self.path.pop();
        v
    }

    pub(crate) fn wrong_type(&mut self, node: &Node, expected: &str) {
        let found = json::kind_name(&node.value);
        let at = pointer(&self.path);
        let d = Diagnostic::error("D004", format!("expected {expected} at `{at}`, found {found}"))
            .with_label(self.span(node), format!("expected {expected}"));
        self.diagnostics.push(d);
    }

    pub(crate) fn missing(&mut self, object: &Node, key: &str, hint: &str) {
        let at = pointer(&self.path);
        // Point at the opening brace: the whole object may span pages.
        let span = Span::new(self.file, object.start..object.start + 1);
        let d = Diagnostic::error("D005", format!("missing required key `{key}` in `{at}`"))
            .with_label(span, format!("this object has no `{key}`"))
            .with_help(hint.to_string());
        self.diagnostics.push(d);
    }

    pub(crate) fn object(&mut self, node: &'a Node) -> Option<&'a [json::Member]> {
        match &node.value {
            Value::Object(members) => Some(members),
            _ => {
                self.wrong_type(node, "an object");
                None
            }
        }
    }
}

/// Decoding from a spanned JSON node.
pub(crate) trait FromJson: Sized {
    fn from_json<'a>(node: &'a Node, cx: &mut Cx<'a>) -> Option<Self>;
}

/// Encoding back to JSON.
pub(crate) trait ToJson {
    fn to_json(&self) -> serde_json::Value;
}

/// Lists the JSON pointers of keys kept in `extra` (not modelled).
pub(crate) trait UnknownKeys {
    fn unknown_keys(&self, _path: &mut String, _out: &mut Vec<String>) {}
}

impl UnknownKeys for String {}
impl UnknownKeys for bool {}
impl UnknownKeys for i64 {}
impl UnknownKeys for Scalar {}
impl UnknownKeys for serde_json::Value {}
/// An opaque map is data, not unknown keys.
impl UnknownKeys for Extra {}

impl<T: UnknownKeys> UnknownKeys for Vec<T> {
    fn unknown_keys(&self, path: &mut String, out: &mut Vec<String>) {
        for (i, item) in self.iter().enumerate() {
            let len = path.len();
            let _ = write!(path, "/{i}");
            item.unknown_keys(path, out);
            path.truncate(len);
        }
    }
}

impl FromJson for String {
    fn from_json<'a>(node: &'a Node, cx: &mut Cx<'a>) -> Option<Self> {
        match &node.value {
            Value::String(s) => Some(s.clone()),
            _ => {
                cx.wrong_type(node, "a string");
                None
            }
        }
    }
}

impl ToJson for String {
    fn to_json(&self) -> serde_json::Value {
        serde_json::Value::String(self.clone())
    }
}

impl FromJson for bool {
    fn from_json<'a>(node: &'a Node, cx: &mut Cx<'a>) -> Option<Self> {
        match &node.value {
            Value::Bool(b) => Some(*b),
            _ => {
                cx.wrong_type(node, "a boolean");
                None
            }
        }
    }
}

impl ToJson for bool {
    fn to_json(&self) -> serde_json::Value {
        serde_json::Value::Bool(*self)
    }
}

impl FromJson for i64 {
    fn from_json<'a>(node: &'a Node, cx: &mut Cx<'a>) -> Option<Self> {
        match &node.value {
            Value::Number(n) if n.is_i64() => n.as_i64(),
            _ => {
                cx.wrong_type(node, "an integer");
                None
            }
        }
    }
}

impl ToJson for i64 {
    fn to_json(&self) -> serde_json::Value {
        serde_json::Value::from(*self)
    }
}

/// Opaque JSON: any value is accepted and kept as it is.
impl FromJson for serde_json::Value {
    fn from_json<'a>(node: &'a Node, _: &mut Cx<'a>) -> Option<Self> {
        Some(node.to_value())
    }
}

impl ToJson for serde_json::Value {
    fn to_json(&self) -> serde_json::Value {
        self.clone()
    }
}

/// An opaque JSON object (e.g. `botAttributes`).
impl FromJson for Extra {
    fn from_json<'a>(node: &'a Node, cx: &mut Cx<'a>) -> Option<Self> {
        match node.to_value() {
            serde_json::Value::Object(map) => Some(map),
            _ => {
                cx.wrong_type(node, "an object");
                None
            }
        }
    }
}

impl ToJson for Extra {
    fn to_json(&self) -> serde_json::Value {
        serde_json::Value::Object(self.clone())
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json<'a>(node: &'a Node, cx: &mut Cx<'a>) -> Option<Self> {
        match &node.value {
            // Elements that fail to decode are dropped (and reported), so one
            // bad interaction does not hide the problems of the others.
            Value::Array(items) => {
                Some(items.iter().enumerate().filter_map(|(i, item)| cx.child(Seg::Index(i), item)).collect())
            }
            _ => {
                cx.wrong_type(node, "an array");
                None
            }
        }
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn to_json(&self) -> serde_json::Value {
        serde_json::Value::Array(self.iter().map(ToJson::to_json).collect())
    }
}

/// A value CB writes sometimes as a number and sometimes as a string: the
/// same export has `creationTime: 1616441745600` on the bot and
/// `"2022-03-29 17:49:23"` on its dialogs (CB-SPEC §7.2, §7.4), and
/// `interactionDelay` is a string of milliseconds.
#[derive(Debug, Clone, PartialEq)]
pub enum Scalar {
    /// A JSON number, exactly as read.
    Number(serde_json::Number),
    /// A JSON string.
    Text(String),
}

impl Scalar {
    /// The value as an integer, if it is one (in either form).
    pub fn as_i64(&self) -> Option<i64> {
        match self {
            Scalar::Number(n) => n.as_i64(),
            Scalar::Text(s) => s.trim().parse().ok(),
        }
    }
}

impl FromJson for Scalar {
    fn from_json<'a>(node: &'a Node, cx: &mut Cx<'a>) -> Option<Self> {
        match &node.value {
            Value::Number(n) => Some(Scalar::Number(n.clone())),
            Value::String(s) => Some(Scalar::Text(s.clone())),
            _ => {
                cx.wrong_type(node, "a number or a string");
                None
            }
        }
    }
}

impl ToJson for Scalar {
    fn to_json(&self) -> serde_json::Value {
        match self {
            Scalar::Number(n) => serde_json::Value::Number(n.clone()),
            Scalar::Text(s) => serde_json::Value::String(s.clone()),
        }
    }
}

/// Declares a model struct: its fields, their JSON keys, and whether a key is
/// required (`req`, decoded as `T`) or optional (`opt`, decoded as
/// `Option<T>`, absent stays absent on export). Unknown keys go to `extra`.
macro_rules! cb_object {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $( $(#[$fmeta:meta])* $kind:ident $field:ident : $ty:ty = $key:literal, )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Default)]
        pub struct $name {
            $( $(#[$fmeta])* pub $field: cb_object!(@ty $kind $ty), )*
            /// Keys cbot does not model, in source order; written back on export.
            pub extra: $crate::codec::Extra,
        }

        impl $crate::codec::FromJson for $name {
            fn from_json<'a>(
                node: &'a $crate::json::Node,
                cx: &mut $crate::codec::Cx<'a>,
            ) -> Option<Self> {
                let members = cx.object(node)?;
                $( let mut $field: Option<$ty> = None; )*
                let mut extra = $crate::codec::Extra::new();
                for member in members {
                    match member.key.as_str() {
                        $( $key => $field = cx.child($crate::codec::Seg::Key($key), &member.value), )*
                        _ => {
                            extra.insert(member.key.clone(), member.value.to_value());
                        }
                    }
                }
                $( cb_object!(@check $kind cx node members $key $field); )*
                Some($name { $( $field: cb_object!(@finish $kind $field), )* extra })
            }
        }

        impl $crate::codec::UnknownKeys for $name {
            fn unknown_keys(&self, path: &mut String, out: &mut Vec<String>) {
                $( cb_object!(@visit $kind path out $key self.$field); )*
                for key in self.extra.keys() {
                    out.push(format!("{path}/{}", key.replace('~', "~0").replace('/', "~1")));
                }
            }
        }

        impl $crate::codec::ToJson for $name {
            fn to_json(&self) -> serde_json::Value {
                let mut map = serde_json::Map::new();
                $( cb_object!(@put $kind map $key self.$field); )*
                for (k, v) in &self.extra {
                    map.insert(k.clone(), v.clone());
                }
                serde_json::Value::Object(map)
            }
        }
    };
    (@ty req $ty:ty) => { $ty };
    (@ty opt $ty:ty) => { Option<$ty> };
    (@check req $cx:ident $node:ident $members:ident $key:literal $field:ident) => {
        // Only report a key that is absent; a present key of the wrong type
        // was already reported as D004.
        if $field.is_none() && !$members.iter().any(|m| m.key == $key) {
            $cx.missing($node, $key, concat!("CB exports always write `", $key, "` here"));
        }
    };
    (@check opt $cx:ident $node:ident $members:ident $key:literal $field:ident) => {};
    (@finish req $field:ident) => { $field.unwrap_or_default() };
    (@finish opt $field:ident) => { $field };
    (@visit req $path:ident $out:ident $key:literal $value:expr) => {{
        let len = $path.len();
        $path.push_str(concat!("/", $key));
        $crate::codec::UnknownKeys::unknown_keys(&$value, $path, $out);
        $path.truncate(len);
    }};
    (@visit opt $path:ident $out:ident $key:literal $value:expr) => {
        if let Some(v) = &$value {
            cb_object!(@visit req $path $out $key *v);
        }
    };
    (@put req $map:ident $key:literal $value:expr) => {
        $map.insert($key.to_string(), $crate::codec::ToJson::to_json(&$value));
    };
    (@put opt $map:ident $key:literal $value:expr) => {
        if let Some(v) = &$value {
            $map.insert($key.to_string(), $crate::codec::ToJson::to_json(v));
        }
    };
}

/// Declares a string enum with the CB spellings of its known values; any
/// other string is kept as `Other` (reported by validation, written back
/// unchanged on export).
macro_rules! cb_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident { $( $(#[$vmeta:meta])* $variant:ident = $text:literal, )* }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )*
            /// A value cbot does not know, kept verbatim.
            Other(String),
            /// The empty string (also the default).
            #[default]
            Empty,
        }

        impl $name {
            /// Every known value, in declaration order.
            pub const KNOWN: &'static [$name] = &[$( $name::$variant, )*];

            /// The CB spelling.
            pub fn as_str(&self) -> &str {
                match self {
                    $( $name::$variant => $text, )*
                    $name::Other(s) => s,
                    $name::Empty => "",
                }
            }

            /// Parses the CB spelling; unknown text becomes `Other`.
            pub fn parse(text: &str) -> Self {
                match text {
                    $( $text => $name::$variant, )*
                    "" => $name::Empty,
                    other => $name::Other(other.to_string()),
                }
            }

            /// `true` unless the value is `Other` or `Empty`.
            pub fn is_known(&self) -> bool {
                !matches!(self, $name::Other(_) | $name::Empty)
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl $crate::codec::FromJson for $name {
            fn from_json<'a>(
                node: &'a $crate::json::Node,
                cx: &mut $crate::codec::Cx<'a>,
            ) -> Option<Self> {
                <String as $crate::codec::FromJson>::from_json(node, cx).map(|s| $name::parse(&s))
            }
        }

        impl $crate::codec::ToJson for $name {
            fn to_json(&self) -> serde_json::Value {
                serde_json::Value::String(self.as_str().to_string())
            }
        }

        impl $crate::codec::UnknownKeys for $name {}
    };
}

pub(crate) use {cb_enum, cb_object};

/// Finds the span of a JSON pointer in the parsed document; used to place
/// validation diagnostics. When the path does not exist (an optional key is
/// absent) the deepest existing ancestor is returned instead.
#[derive(Debug)]
pub struct Locator {
    file: FileId,
    root: Node,
}

impl Locator {
    pub(crate) fn new(file: FileId, root: Node) -> Self {
        Locator { file, root }
    }

    /// The file the bot was read from.
    pub fn file(&self) -> FileId {
        self.file
    }

    /// The node at `path`, if it exists.
    pub fn node(&self, path: &[Seg<'_>]) -> Option<&Node> {
        let mut node = &self.root;
        for seg in path {
            node = match seg {
                Seg::Key(k) => node.get(k)?,
                Seg::Index(i) => node.at(*i)?,
            };
        }
        Some(node)
    }

    /// The span of the value at `path`, or of its deepest existing ancestor.
    pub fn span(&self, path: &[Seg<'_>]) -> Span {
        let mut node = &self.root;
        for seg in path {
            let next = match seg {
                Seg::Key(k) => node.get(k),
                Seg::Index(i) => node.at(*i),
            };
            match next {
                Some(n) => node = n,
                None => break,
            }
        }
        self.node_span(node)
    }

    /// The span of the key (with quotes) of the member at `path`; falls back
    /// to [`Locator::span`].
    pub fn key_span(&self, path: &[Seg<'_>]) -> Span {
        if let Some((Seg::Key(key), parent)) = path.split_last()
            && let Some(Value::Object(members)) = self.node(parent).map(|n| &n.value)
            && let Some(m) = members.iter().rev().find(|m| m.key == *key)
        {
            return Span::new(self.file, m.key_start..m.key_end);
        }
        self.span(path)
    }

    /// The span of bytes `range` of the *decoded* string at `path` (e.g. a
    /// literal inside a script), mapped through the JSON escapes.
    pub fn string_span(&self, path: &[Seg<'_>], source: &str, range: std::ops::Range<usize>) -> Span {
        match self.node(path) {
            Some(node @ Node { value: Value::String(_), .. }) => {
                let literal = &source[node.start + 1..node.end - 1];
                let start = node.start + 1 + json::raw_offset(literal, range.start);
                let end = node.start + 1 + json::raw_offset(literal, range.end);
                Span::new(self.file, start..end)
            }
            _ => self.span(path),
        }
    }

    /// A span for an object: its opening brace only (objects can be long).
    pub fn head_span(&self, path: &[Seg<'_>]) -> Span {
        let s = self.span(path);
        Span::new(self.file, s.start()..(s.start() + 1).min(s.end()))
    }

    fn node_span(&self, node: &Node) -> Span {
        Span::new(self.file, node.start..node.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pointers_escape_tilde_and_slash() {
        assert_eq!(pointer(&[]), "/");
        assert_eq!(pointer(&[Seg::Key("a/b"), Seg::Index(3), Seg::Key("~x")]), "/a~1b/3/~0x");
    }
}
