//! The syntax tree of a `.cbot` file: the pest grammar (`cbot.pest`), the
//! tree it gives (entries, rules, values, comments, with byte ranges) and
//! the canonical printer. What they mean is decided in `lower.rs` (text →
//! JSON) and `raise.rs` (JSON → text).

use cbot_diag::{Diagnostic, Diagnostics, FileId, SourceMap, Span};
use pest::Parser as _;
use pest::iterators::Pair;
use std::ops::Range;

mod grammar {
    #![allow(missing_docs, reason = "pest generates the Rule enum")]
    #[derive(pest_derive::Parser)]
    #[grammar = "cbot.pest"]
    pub(super) struct Grammar;
}
use grammar::{Grammar, Rule as G};

/// Keys that start a construct rather than an object field when written
/// bare; a JSON key spelt like one is printed quoted.
pub(crate) const KEYWORDS: [&str; 3] = ["dialog", "interaction", "rule"];

/// Lines longer than this are split (blocks and lists one item a line).
const WIDTH: usize = 100;

/// One item of a block or of the document: an entry, a comment, or a
/// blank line the author put between items.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// `# text`.
    Comment(Comment),
    /// One or more empty lines between two items (kept as one).
    Blank,
    /// `key value` or `keyword "label" kind { … }`.
    Entry(Entry),
    /// `rule "NAME" when … -> TARGET`, `-> TARGET` or `rule { … }`.
    Rule(Rule),
}

/// A comment: the text after `#`, kept verbatim.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comment {
    /// The text after `#`, without the line break.
    pub text: String,
    /// Written at the end of a line after something else (`key 1 # why`),
    /// rather than on a line of its own; `cbot fmt` keeps it there.
    pub trailing: bool,
}

impl Comment {
    /// A comment on a line of its own.
    pub fn line(text: impl Into<String>) -> Self {
        Comment { text: text.into(), trailing: false }
    }
}

/// One item of a list.
#[derive(Debug, Clone, PartialEq)]
pub enum ListItem {
    /// A value.
    Value(Node),
    /// A comment between values.
    Comment(Comment),
    /// Empty lines between two values (kept as one).
    Blank,
}

/// `key value`, or `key "label" { … }`.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The key, decoded.
    pub key: String,
    /// Written bare and one of the keywords (`dialog`, `interaction`).
    pub keyword: bool,
    /// Where the key is.
    pub key_span: Range<usize>,
    /// The label (a dialog's or interaction's name) and where it is.
    pub label: Option<(String, Range<usize>)>,
    /// The kind word after the label (`standard`, `text_question` …).
    pub kind: Option<(String, Range<usize>)>,
    /// The value.
    pub value: Node,
}

/// The order of the list `from dialogs` makes.
#[derive(Debug, Clone, PartialEq)]
pub enum DialogOrder {
    /// `from dialogs`: as written, dialog by dialog.
    Written,
    /// `from dialogs by id`: sorted by id, as CB exports them.
    ById,
    /// `from dialogs [2, 1, 1]`: each interaction's dialog number, in the
    /// export's order.
    Listed(Box<Node>),
}

/// A string literal, decoded, and where it is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Str {
    /// The decoded text.
    pub text: String,
    /// The literal, quotes included (or the bare word it was written as).
    pub span: Range<usize>,
}

/// A rule of an interaction (an entry of `responseMatches`).
#[derive(Debug, Clone, PartialEq)]
pub struct Rule {
    /// From `rule` (or `->`) to the end.
    pub span: Range<usize>,
    /// What it is.
    pub body: RuleBody,
}

/// The two forms of a rule.
#[derive(Debug, Clone, PartialEq)]
pub enum RuleBody {
    /// `rule { … }`: the rule's object, as written.
    Object(Node),
    /// `rule "NAME" clauses -> TARGET`.
    Clauses {
        /// The rule's name.
        name: Option<Str>,
        /// `when`, `if` and `set` clauses, and comments between them.
        clauses: Vec<ClauseItem>,
        /// Where it goes.
        target: Target,
    },
}

/// A clause of a rule, or a comment between clauses.
#[derive(Debug, Clone, PartialEq)]
pub enum ClauseItem {
    /// A clause.
    Clause(Clause),
    /// A comment.
    Comment(Comment),
}

/// A clause of a rule with its span.
#[derive(Debug, Clone, PartialEq)]
pub struct Clause {
    /// What it says.
    pub kind: ClauseKind,
    /// Where it is.
    pub span: Range<usize>,
}

/// The clauses of a rule.
#[derive(Debug, Clone, PartialEq)]
pub enum ClauseKind {
    /// `when …`: an entry of `conditions`.
    When(Condition),
    /// `if any "{$x}" contains "y", …`: `contextConditions`, and
    /// `contextMatchConditionType` when a word follows `if`.
    If {
        /// `any`, `all` …
        combinator: Option<Str>,
        /// The conditions.
        conditions: Vec<ContextCondition>,
    },
    /// `set name = "value" in scope`: an entry of `contextDataVariables`.
    Set {
        /// The variable.
        name: Str,
        /// Its value.
        value: Str,
        /// `in request` …; the session when absent.
        scope: Option<Str>,
    },
}

/// What the user's message must match.
#[derive(Debug, Clone, PartialEq)]
pub enum Condition {
    /// `pattern "a", "b" except "c"`.
    Pattern {
        /// The patterns.
        patterns: Vec<Str>,
        /// Words that veto the match.
        except: Vec<Str>,
    },
    /// `regex "…" except "c"`.
    Regex {
        /// The regular expression.
        regex: Str,
        /// Words that veto the match.
        except: Vec<Str>,
    },
    /// `option "…"`: a multiple-choice option.
    Option(Str),
    /// `no_match "…"`: when nothing else matched, with the message to send.
    NoMatch(Str),
    /// `api_result "SUCCESS"`.
    ApiResult(Str),
}

/// `"{$userMessage}" contains "answer"`.
#[derive(Debug, Clone, PartialEq)]
pub struct ContextCondition {
    /// The variable or template.
    pub name: Str,
    /// `contains`, `not_contains` … (CB's match type in lower case).
    pub operator: Str,
    /// The operand.
    pub value: Str,
}

/// Where a rule goes, with its span.
#[derive(Debug, Clone, PartialEq)]
pub struct Target {
    /// Which.
    pub kind: TargetKind,
    /// Where it is written.
    pub span: Range<usize>,
}

/// The targets of a rule.
#[derive(Debug, Clone, PartialEq)]
pub enum TargetKind {
    /// `next`: the next interaction of the dialog.
    Next,
    /// `end`: none (CB's `none`).
    End,
    /// `close_conversation`.
    CloseConversation,
    /// `close_dialog`.
    CloseDialog,
    /// `"NAME"`: the interaction of that name.
    Interaction(Str),
    /// `id "…"`: the interaction with that id (or any other value).
    InteractionId(Str),
    /// `dialog "NAME"`: the dialog of that name.
    Dialog(Str),
    /// `dialog id "…"`: the dialog with that id.
    DialogId(Str),
}

/// A value with its byte range.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// What it is.
    pub kind: Kind,
    /// Where it is.
    pub span: Range<usize>,
}

/// The kinds of value.
#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    /// A string.
    Str(String),
    /// A number.
    Num(serde_json::Number),
    /// `true` or `false`.
    Bool(bool),
    /// `null`.
    Null,
    /// `file "scripts/x.js"`: the file's text.
    File(String),
    /// `from dialogs …`: the interactions (or the dialogs) of the dialogs.
    FromDialogs(DialogOrder),
    /// `{ entries }`: an object.
    Block(Vec<Item>),
    /// `[ values ]`: an array, with its comments and blank lines.
    List(Vec<ListItem>),
}

impl Kind {
    /// Fits on a line by itself (no nested structure).
    fn is_scalar(&self) -> bool {
        matches!(self, Kind::Str(_) | Kind::Num(_) | Kind::Bool(_) | Kind::Null | Kind::File(_))
    }

    /// May stand in a one-line block or list: a scalar, `{}` or `[]`.
    fn is_simple(&self) -> bool {
        match self {
            Kind::Block(items) => items.is_empty(),
            Kind::List(items) => items.is_empty(),
            k => k.is_scalar(),
        }
    }
}

/// A number literal (JSON syntax, checked by the grammar) as a JSON number:
/// integers that fit 64 bits exactly, others as the nearest double. Not
/// serde_json's parser: without its `float_roundtrip` feature it may miss
/// the nearest double by one bit, so `fmt` would not be a fixed point
/// (`123456789901234567890` printed as `1.2345678990123457e+20`, read back
/// as `…455e+20`; found by `cbot fuzz text`). `None` when out of range.
fn number(text: &str) -> Option<serde_json::Number> {
    if !text.contains(['.', 'e', 'E']) {
        if let Ok(n) = text.parse::<u64>() {
            return Some(n.into());
        }
        // `-0` stays a double, as serde_json reads it.
        if let Ok(n) = text.parse::<i64>()
            && n != 0
        {
            return Some(n.into());
        }
    }
    text.parse::<f64>().ok().and_then(serde_json::Number::from_f64)
}

/// Parses the `.cbot` file `file` into its items. Every problem found is
/// reported; the tree is returned only without errors.
pub fn parse(sources: &SourceMap, file: FileId) -> Result<Vec<Item>, Diagnostics> {
    let text = sources.file(file).text();
    let mut diags = Diagnostics::new();
    if let Some(at) = too_deep(text) {
        let end = at + 1; // `{` or `[`
        diags.push(
            Diagnostic::error("X001", "this bot text cannot be read")
                .with_label(Span::new(file, at..end), format!("nested more than {MAX_DEPTH} levels deep"))
                .with_help("CB exports nest about ten levels; this is not a bot"),
        );
        return Err(diags);
    }
    let pairs = match Grammar::parse(G::document, text) {
        Ok(pairs) => pairs,
        Err(e) => {
            diags.push(syntax_error(file, text, &e));
            return Err(diags);
        }
    };
    let mut p = Parse { file, text, diags };
    let items = p.items(pairs.flat_map(|root| root.into_inner()));
    if p.diags.has_errors() { Err(p.diags) } else { Ok(items) }
}

/// Blocks and lists nest at most this deep (the parser and the printer
/// recurse; serde_json stops at 128 too).
const MAX_DEPTH: usize = 128;

/// Where a `{` or `[` opens one level more than MAX_DEPTH, outside strings
/// and comments: checked before parsing so that no input exhausts the stack.
fn too_deep(text: &str) -> Option<usize> {
    let (mut depth, mut in_string, mut escaped, mut in_comment) = (0usize, false, false, false);
    for (i, b) in text.bytes().enumerate() {
        if in_comment {
            in_comment = b != b'\n';
        } else if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' | b'\n' => in_string = false,
                _ => {}
            }
        } else {
            match b {
                b'"' => in_string = true,
                b'#' => in_comment = true,
                b'{' | b'[' => {
                    depth += 1;
                    if depth > MAX_DEPTH {
                        return Some(i);
                    }
                }
                b'}' | b']' => depth = depth.saturating_sub(1),
                _ => {}
            }
        }
    }
    None
}

/// A syntax error (X001) at the position pest stopped, saying what could
/// come there.
fn syntax_error(file: FileId, text: &str, e: &pest::error::Error<G>) -> Diagnostic {
    let at = match e.location {
        pest::error::InputLocation::Pos(p) => p,
        pest::error::InputLocation::Span((s, _)) => s,
    }
    .min(text.len());
    let end = text[at..].chars().next().map_or(at, |c| at + c.len_utf8());
    let mut expected: Vec<&str> = match &e.variant {
        pest::error::ErrorVariant::ParsingError { positives, .. } => {
            positives.iter().filter_map(|r| rule_name(*r)).collect()
        }
        pest::error::ErrorVariant::CustomError { .. } => Vec::new(),
    };
    // Where any value may come, "a value" says it all.
    if expected.contains(&"a value") {
        expected.retain(|e| !matches!(*e, "`[`" | "`{`" | "a string"));
    }
    expected.sort_unstable();
    expected.dedup();
    let found = match text[at..].chars().next() {
        None => "the end of the file".to_string(),
        Some('\n') => "the end of the line".to_string(),
        Some(c) => format!("`{c}`"),
    };
    let label = if expected.is_empty() {
        format!("unexpected {found}")
    } else {
        format!("expected {}, found {found}", expected.join(" or "))
    };
    Diagnostic::error("X001", "this bot text cannot be read").with_label(Span::new(file, at..end), label).with_help(
        "an entry is `key value`; values are strings in double quotes, numbers, true, false, \
             null, `{ … }`, `[ … ]` or `file \"scripts/….js\"`; a rule is \
             `rule \"NAME\" when pattern \"…\" -> next` (docs/text-format.md)",
    )
}

/// How a rule is named in "expected …"; `None` for rules never worth naming.
fn rule_name(r: G) -> Option<&'static str> {
    Some(match r {
        G::EOI => "the end of the file",
        G::entry | G::key | G::ident => "a key",
        G::rule | G::kw_rule => "a rule",
        G::arrow => "`->`",
        G::target
        | G::kw_next
        | G::kw_end
        | G::kw_close_conversation
        | G::kw_close_dialog
        | G::dialog_target
        | G::id_target => "where the rule goes (`next`, `end`, a name …)",
        G::when_clause | G::if_clause | G::set_clause | G::kw_when | G::kw_if | G::kw_set => {
            "a clause (`when`, `if`, `set`)"
        }
        G::pattern_cond
        | G::regex_cond
        | G::option_cond
        | G::no_match_cond
        | G::api_result_cond
        | G::kw_pattern
        | G::kw_regex
        | G::kw_option
        | G::kw_no_match
        | G::kw_api_result => "a condition (`pattern`, `regex`, `option`, `no_match`, `api_result`)",
        G::context_cond => "a condition (`\"{$x}\" contains \"y\"`)",
        G::operator | G::combinator => "a word",
        G::kind => "a kind (`text`, `text_question` …)",
        G::by_id | G::kw_by => "`by id`",
        G::comment => "a comment",
        G::label => "a name",
        G::string => "a string",
        G::number | G::kw_true | G::kw_false | G::kw_null | G::file_ref | G::from_dialogs => "a value",
        G::block => "`{`",
        G::list => "`[`",
        G::close_brace => "`}`",
        G::close_bracket => "`]`",
        _ => return None,
    })
}

struct Parse<'t> {
    file: FileId,
    text: &'t str,
    diags: Diagnostics,
}

/// The whitespace before a token: how many line breaks it holds, and
/// whether it runs back to the start of the file.
struct Gap {
    newlines: usize,
    at_start: bool,
}

impl Gap {
    fn before(text: &str, at: usize) -> Gap {
        let before = text.as_bytes().get(..at.min(text.len())).unwrap_or_default();
        let gap = before.iter().rev().take_while(|b| matches!(b, b' ' | b'\t' | b'\r' | b'\n' | b','));
        let (run, newlines) = gap.fold((0, 0), |(run, nl), &b| (run + 1, nl + usize::from(b == b'\n')));
        Gap { newlines, at_start: run == before.len() }
    }

    /// An empty line separates the token from what precedes it.
    fn blank(&self) -> bool {
        self.newlines >= 2
    }

    /// The token is on the same line as something before it.
    fn trailing(&self) -> bool {
        self.newlines == 0 && !self.at_start
    }
}

impl Parse<'_> {
    fn comment(&self, p: &Pair<'_, G>) -> Comment {
        Comment { text: comment_text(p), trailing: Gap::before(self.text, p.as_span().start()).trailing() }
    }

    /// Whether an author's blank line comes before `p` (one that is not the
    /// first item of its block, list or file: blank lines there are dropped).
    fn blank_before(&self, p: &Pair<'_, G>, first: bool) -> bool {
        !first && Gap::before(self.text, p.as_span().start()).blank()
    }

    fn items<'a>(&mut self, pairs: impl Iterator<Item = Pair<'a, G>>) -> Vec<Item> {
        let mut items = Vec::new();
        for p in pairs {
            if !matches!(p.as_rule(), G::comment | G::entry | G::rule) {
                continue; // EOI, `}`
            }
            if self.blank_before(&p, items.is_empty()) {
                items.push(Item::Blank);
            }
            match p.as_rule() {
                G::comment => items.push(Item::Comment(self.comment(&p))),
                G::rule => items.push(Item::Rule(self.rule(p))),
                _ => items.push(Item::Entry(self.entry(p))),
            }
        }
        items
    }

    fn entry(&mut self, p: Pair<'_, G>) -> Entry {
        let (mut key, mut keyword, mut key_span) = (String::new(), false, 0..0);
        let (mut label, mut kind, mut value) = (None, None, None);
        for q in p.into_inner() {
            match q.as_rule() {
                G::keyword => {
                    key = q.as_str().to_string();
                    keyword = true;
                    key_span = range(&q);
                }
                G::key => {
                    key_span = range(&q);
                    if let Some(tok) = q.into_inner().next() {
                        if tok.as_rule() == G::ident {
                            key = tok.as_str().to_string();
                            keyword = KEYWORDS.contains(&key.as_str());
                        } else {
                            key = self.string(&tok);
                        }
                    }
                }
                G::label => label = q.into_inner().next().map(|s| (self.string(&s), range(&s))),
                G::kind => kind = Some((q.as_str().to_string(), range(&q))),
                _ => value = Some(self.value(q)),
            }
        }
        let value = value.unwrap_or(Node { kind: Kind::Null, span: key_span.clone() });
        Entry { key, keyword, key_span, label, kind, value }
    }

    fn str(&mut self, p: &Pair<'_, G>) -> Str {
        Str { text: self.string(p), span: range(p) }
    }

    /// A bare word (a kind, an operator) as a `Str`.
    fn word(p: &Pair<'_, G>) -> Str {
        Str { text: p.as_str().to_string(), span: range(p) }
    }

    fn rule(&mut self, p: Pair<'_, G>) -> Rule {
        let span = range(&p);
        let (mut name, mut clauses, mut target, mut object) = (None, Vec::new(), None, None);
        for q in p.into_inner() {
            match q.as_rule() {
                G::block => object = Some(self.value(q)),
                G::label => name = q.into_inner().next().map(|s| self.str(&s)),
                G::comment => clauses.push(ClauseItem::Comment(self.comment(&q))),
                G::when_clause | G::if_clause | G::set_clause => {
                    let c = self.clause(q);
                    clauses.push(ClauseItem::Clause(c));
                }
                G::arrow => target = q.into_inner().next().map(|t| self.target(t)),
                _ => {} // `rule`
            }
        }
        let body = match (object, target) {
            (Some(node), _) => RuleBody::Object(node),
            (None, target) => RuleBody::Clauses {
                name,
                clauses,
                target: target.unwrap_or(Target { kind: TargetKind::Next, span: span.clone() }),
            },
        };
        Rule { span, body }
    }

    fn clause(&mut self, p: Pair<'_, G>) -> Clause {
        let span = range(&p);
        let which = p.as_rule();
        let mut inner = p.into_inner().filter(|q| !matches!(q.as_rule(), G::kw_when | G::kw_if | G::kw_set));
        let kind = match which {
            G::when_clause => ClauseKind::When(match inner.next() {
                Some(c) => self.condition(c),
                None => Condition::Pattern { patterns: Vec::new(), except: Vec::new() },
            }),
            G::if_clause => {
                let (mut combinator, mut conditions) = (None, Vec::new());
                for q in inner {
                    if q.as_rule() == G::combinator {
                        combinator = Some(Self::word(&q));
                        continue;
                    }
                    let mut parts = q.into_inner();
                    if let (Some(n), Some(o), Some(v)) = (parts.next(), parts.next(), parts.next()) {
                        let (name, operator, value) = (self.str(&n), Self::word(&o), self.str(&v));
                        conditions.push(ContextCondition { name, operator, value });
                    }
                }
                ClauseKind::If { combinator, conditions }
            }
            _ => {
                let (mut name, mut value, mut scope) = (None, None, None);
                for q in inner {
                    match q.as_rule() {
                        G::key => {
                            name = q.into_inner().next().map(|t| match t.as_rule() {
                                G::ident => Self::word(&t),
                                _ => self.str(&t),
                            })
                        }
                        G::string => value = Some(self.str(&q)),
                        G::scope => scope = q.into_inner().nth(1).map(|w| Self::word(&w)),
                        _ => {}
                    }
                }
                let empty = || Str { text: String::new(), span: span.clone() };
                ClauseKind::Set { name: name.unwrap_or_else(empty), value: value.unwrap_or_else(empty), scope }
            }
        };
        Clause { kind, span }
    }

    fn condition(&mut self, p: Pair<'_, G>) -> Condition {
        let which = p.as_rule();
        let (mut strings, mut except) = (Vec::new(), Vec::new());
        for q in p.into_inner() {
            match q.as_rule() {
                G::string => strings.push(self.str(&q)),
                G::except => {
                    except = q.into_inner().filter(|s| s.as_rule() == G::string).map(|s| self.str(&s)).collect()
                }
                _ => {} // the keyword
            }
        }
        let first = |strings: Vec<Str>| strings.into_iter().next().unwrap_or_default();
        match which {
            G::pattern_cond => Condition::Pattern { patterns: strings, except },
            G::regex_cond => Condition::Regex { regex: first(strings), except },
            G::option_cond => Condition::Option(first(strings)),
            G::no_match_cond => Condition::NoMatch(first(strings)),
            _ => Condition::ApiResult(first(strings)),
        }
    }

    fn target(&mut self, p: Pair<'_, G>) -> Target {
        let span = range(&p);
        let kind = match p.into_inner().next() {
            Some(q) => match q.as_rule() {
                G::kw_end => TargetKind::End,
                G::kw_close_conversation => TargetKind::CloseConversation,
                G::kw_close_dialog => TargetKind::CloseDialog,
                G::string => TargetKind::Interaction(self.str(&q)),
                G::id_target => TargetKind::InteractionId(self.id_target(q)),
                G::dialog_target => match q.into_inner().nth(1) {
                    Some(t) if t.as_rule() == G::id_target => TargetKind::DialogId(self.id_target(t)),
                    Some(t) => TargetKind::Dialog(self.str(&t)),
                    None => TargetKind::Next,
                },
                _ => TargetKind::Next,
            },
            None => TargetKind::Next,
        };
        Target { kind, span }
    }

    fn id_target(&mut self, p: Pair<'_, G>) -> Str {
        match p.into_inner().nth(1) {
            Some(s) => self.str(&s),
            None => Str::default(),
        }
    }

    fn value(&mut self, p: Pair<'_, G>) -> Node {
        let span = range(&p);
        let kind = match p.as_rule() {
            G::string => Kind::Str(self.string(&p)),
            G::number => match number(p.as_str()) {
                Some(n) => Kind::Num(n),
                None => {
                    self.diags.push(
                        Diagnostic::error("X008", "this number cannot be represented")
                            .with_label(Span::new(self.file, span.clone()), "out of range")
                            .with_help("numbers are JSON numbers within the range of a 64-bit float"),
                    );
                    Kind::Null
                }
            },
            G::kw_true => Kind::Bool(true),
            G::kw_false => Kind::Bool(false),
            G::kw_null => Kind::Null,
            G::file_ref => match p.into_inner().next() {
                Some(s) => Kind::File(self.string(&s)),
                None => Kind::Null,
            },
            G::from_dialogs => Kind::FromDialogs(match p.into_inner().next() {
                Some(q) if q.as_rule() == G::by_id => DialogOrder::ById,
                Some(l) => DialogOrder::Listed(Box::new(self.value(l))),
                None => DialogOrder::Written,
            }),
            G::block => Kind::Block(self.items(p.into_inner())),
            G::list => {
                let mut items = Vec::new();
                for q in p.into_inner().filter(|q| q.as_rule() != G::close_bracket) {
                    if self.blank_before(&q, items.is_empty()) {
                        items.push(ListItem::Blank);
                    }
                    items.push(match q.as_rule() {
                        G::comment => ListItem::Comment(self.comment(&q)),
                        _ => ListItem::Value(self.value(q)),
                    });
                }
                Kind::List(items)
            }
            _ => Kind::Null, // the grammar has no other value
        };
        Node { kind, span }
    }

    /// Decodes a string literal (JSON's escapes), reporting a bad one (X008).
    fn string(&mut self, p: &Pair<'_, G>) -> String {
        serde_json::from_str::<String>(p.as_str()).unwrap_or_else(|e| {
            self.diags.push(
                Diagnostic::error("X008", "this string has a bad escape or control character")
                    .with_label(Span::new(self.file, range(p)), bad_string(p.as_str(), &e))
                    .with_help(
                        "strings use JSON's escapes: \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX; \
                         write a tab or other control character as an escape",
                    ),
            );
            String::new()
        })
    }
}

/// What is wrong in a string literal serde_json refused: its column
/// counts within the literal, which is on one line.
fn bad_string(literal: &str, e: &serde_json::Error) -> String {
    let at = literal.chars().take(e.column().saturating_sub(1)).map(char::len_utf8).sum::<usize>();
    match literal[at.min(literal.len())..].chars().next() {
        Some(c) if c.is_control() => format!("raw control character U+{:04X}", u32::from(c)),
        next => match literal[..at.min(literal.len())].rfind('\\') {
            Some(k) => {
                let end = (at + next.map_or(0, char::len_utf8)).min(literal.len());
                format!("bad escape `{}`", &literal[k..end])
            }
            None => "not a valid string".to_string(),
        },
    }
}

fn range(p: &Pair<'_, G>) -> Range<usize> {
    p.as_span().start()..p.as_span().end()
}

/// A comment's text after `#`, without a trailing carriage return.
fn comment_text(p: &Pair<'_, G>) -> String {
    p.as_str()[1..].trim_end_matches('\r').to_string()
}

// ---------------------------------------------------------------------------
// The printer. One canonical layout, so `cbot fmt` is idempotent and the
// text of a converted bot depends only on its JSON: two-space indentation;
// a block or list on one line when it holds only scalars, no comments, and
// fits in WIDTH; blank lines before dialogs and interactions.

/// Prints a document canonically.
pub fn print(items: &[Item]) -> String {
    let mut out = String::new();
    print_items(&mut out, items, 0, true);
    out
}

fn print_items(out: &mut String, items: &[Item], indent: usize, top: bool) {
    // The item printed last, and whether the author left a blank line since.
    let mut last: Option<&Item> = None;
    let mut blank = false;
    for (i, item) in items.iter().enumerate() {
        match item {
            Item::Blank => {
                blank = true;
                continue;
            }
            Item::Comment(c) if c.trailing && last.is_some() => {
                trail(out, c);
                last = Some(item);
                continue;
            }
            _ => {}
        }
        if let Some(prev) = last {
            // A blank line where the author left one; and one separating
            // dialogs and interactions (and, at the top, multi-line entries)
            // from what comes before, except that comments on the lines
            // right before an item go with it.
            let comment_above = matches!(prev, Item::Comment(c) if !c.trailing);
            let next = items.iter().skip(i).find_map(|it| match it {
                Item::Entry(e) => Some(e),
                _ => None,
            });
            if blank || (!comment_above && next.is_some_and(|e| wants_gap(e, indent, top))) {
                out.push('\n');
            }
        }
        blank = false;
        pad(out, indent);
        match item {
            Item::Comment(c) => {
                out.push('#');
                out.push_str(&c.text);
            }
            Item::Entry(e) => print_entry(out, e, indent, quote_key_after(last, e)),
            Item::Rule(r) => print_rule(out, r, indent),
            Item::Blank => {}
        }
        out.push('\n');
        last = Some(item);
    }
}

/// Puts a comment at the end of the line just printed.
fn trail(out: &mut String, c: &Comment) {
    if out.ends_with('\n') {
        out.pop();
    }
    out.push_str(" #");
    out.push_str(&c.text);
    out.push('\n');
}

/// After an opening `{` or `[`: a comment written on its line stays there;
/// returns the items after it.
fn opening_comment<'a, T>(out: &mut String, items: &'a [T], comment: impl Fn(&T) -> Option<&Comment>) -> &'a [T] {
    match items.first().and_then(&comment) {
        Some(c) if c.trailing => {
            out.push_str(" #");
            out.push_str(&c.text);
            items.get(1..).unwrap_or_default()
        }
        _ => items,
    }
}

fn wants_gap(e: &Entry, indent: usize, top: bool) -> bool {
    e.keyword || (top && !fits_inline(&e.value, indent + e.key.len() + 1))
}

fn pad(out: &mut String, indent: usize) {
    out.extend(std::iter::repeat_n(' ', indent));
}

/// Whether `e`'s key must be quoted though it could be bare: after a
/// keyword written with a string value (`interaction "x"`), a bare key and
/// a block would be read as that string's kind and block
/// (`interaction "x" i { … }`), one entry instead of two.
fn quote_key_after(prev: Option<&Item>, e: &Entry) -> bool {
    !e.keyword && matches!(prev, Some(Item::Entry(p)) if p.keyword && matches!(p.value.kind, Kind::Str(_)))
}

fn print_entry(out: &mut String, e: &Entry, indent: usize, quote_key: bool) {
    let start = out.len();
    if quote_key {
        out.push_str(&quote(&e.key));
    } else {
        print_key(out, &e.key, e.keyword);
    }
    if let Some((label, _)) = &e.label {
        out.push(' ');
        out.push_str(&quote(label));
    }
    if let Some((kind, _)) = &e.kind {
        out.push(' ');
        out.push_str(kind);
    }
    out.push(' ');
    let column = indent + (out.len() - start);
    match &e.value.kind {
        // A dialog or interaction always opens a block of its own: they are
        // what a reader scans for.
        Kind::Block(items) if e.keyword && !items.is_empty() => print_block(out, items, indent),
        _ => print_value(out, &e.value, indent, column),
    }
}

fn print_block(out: &mut String, items: &[Item], indent: usize) {
    out.push('{');
    let items = opening_comment(out, items, |it| match it {
        Item::Comment(c) => Some(c),
        _ => None,
    });
    out.push('\n');
    print_items(out, items, indent + 2, false);
    pad(out, indent);
    out.push('}');
}

fn print_key(out: &mut String, key: &str, keyword: bool) {
    if keyword || (is_ident(key) && !KEYWORDS.contains(&key) && !is_value_word(key)) {
        out.push_str(key);
    } else {
        out.push_str(&quote(key));
    }
}

/// Words that start a value; bare keys may be spelt so, but quoting them
/// keeps a reader from wondering.
fn is_value_word(key: &str) -> bool {
    matches!(key, "true" | "false" | "null" | "file" | "from")
}

/// Whether `key` can be written bare (the grammar's `ident`).
pub(crate) fn is_ident(key: &str) -> bool {
    let mut chars = key.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}

/// A string as a literal (JSON's escapes).
pub(crate) fn quote(s: &str) -> String {
    // serde_json's Display of a string value: its quoting, infallibly.
    serde_json::Value::String(s.to_string()).to_string()
}

/// The one-line form of a value, if it has one and fits from `column`.
fn inline(node: &Node, column: usize) -> Option<String> {
    inline_at(node, column, 1)
}

/// `inline`, where blocks and lists may hold blocks and lists `depth`
/// levels down (one: `[{ text "Hi", buttons [] }]` reads well on a line;
/// more does not).
fn inline_at(node: &Node, column: usize, depth: usize) -> Option<String> {
    let s = match &node.kind {
        Kind::Str(s) => quote(s),
        Kind::Num(n) => n.to_string(),
        Kind::Bool(b) => b.to_string(),
        Kind::Null => "null".to_string(),
        Kind::File(p) => format!("file {}", quote(p)),
        Kind::FromDialogs(DialogOrder::Written) => "from dialogs".to_string(),
        Kind::FromDialogs(DialogOrder::ById) => "from dialogs by id".to_string(),
        Kind::FromDialogs(DialogOrder::Listed(list)) => format!("from dialogs {}", inline_at(list, column + 13, 0)?),
        Kind::Block(items) if items.is_empty() => "{}".to_string(),
        Kind::List(items) if items.is_empty() => "[]".to_string(),
        Kind::Block(items) => {
            let mut parts = Vec::new();
            for it in items {
                match it {
                    // Dialogs and interactions (which may have a kind, and
                    // may be followed by what reads as one) are written out
                    // in full, by `print_items`.
                    Item::Entry(e) if !e.keyword && e.label.is_none() && nestable(&e.value.kind, depth) => {
                        let mut s = String::new();
                        print_key(&mut s, &e.key, e.keyword);
                        s.push(' ');
                        s.push_str(&inline_at(&e.value, 0, depth.saturating_sub(1))?);
                        parts.push(s);
                    }
                    _ => return None,
                }
            }
            format!("{{ {} }}", parts.join(", "))
        }
        Kind::List(items) => {
            let mut parts = Vec::new();
            for it in items {
                match it {
                    ListItem::Value(n) if nestable(&n.kind, depth) => {
                        parts.push(inline_at(n, 0, depth.saturating_sub(1))?)
                    }
                    _ => return None,
                }
            }
            format!("[{}]", parts.join(", "))
        }
    };
    (column + s.len() <= WIDTH || node.kind.is_scalar()).then_some(s)
}

fn nestable(kind: &Kind, depth: usize) -> bool {
    kind.is_simple() || (depth > 0 && matches!(kind, Kind::Block(_) | Kind::List(_)))
}

fn fits_inline(node: &Node, column: usize) -> bool {
    inline(node, column).is_some()
}

fn print_value(out: &mut String, node: &Node, indent: usize, column: usize) {
    if let Some(s) = inline(node, column) {
        out.push_str(&s);
        return;
    }
    match &node.kind {
        Kind::Block(items) => print_block(out, items, indent),
        Kind::List(items) => {
            out.push('[');
            let items = opening_comment(out, items, |it| match it {
                ListItem::Comment(c) => Some(c),
                _ => None,
            });
            out.push('\n');
            // Blank lines at the start or end are never printed, so they
            // must not decide the layout either (`cbot fmt` would then
            // change its own output).
            let is_blank = |it: &ListItem| matches!(it, ListItem::Blank);
            let first = items.iter().position(|it| !is_blank(it)).unwrap_or(items.len());
            let last = items.iter().rposition(|it| !is_blank(it)).map_or(first, |i| i + 1);
            let items = items.get(first..last).unwrap_or_default();
            let values: Option<Vec<&Node>> = items
                .iter()
                .map(|it| match it {
                    ListItem::Value(n @ Node { kind: Kind::Num(_), .. }) => Some(n),
                    _ => None,
                })
                .collect();
            if let Some(numbers) = values {
                // Numbers fill lines: an order list of a big bot stays short.
                let mut line = String::new();
                for n in numbers {
                    let s = inline(n, 0).unwrap_or_default();
                    if !line.is_empty() && indent + 2 + line.len() + 2 + s.len() > WIDTH {
                        pad(out, indent + 2);
                        out.push_str(&line);
                        out.push_str(",\n");
                        line.clear();
                    }
                    if !line.is_empty() {
                        line.push_str(", ");
                    }
                    line.push_str(&s);
                }
                pad(out, indent + 2);
                out.push_str(&line);
                out.push('\n');
            } else {
                let (mut printed, mut blank) = (false, false);
                for it in items {
                    match it {
                        ListItem::Blank => blank = true,
                        ListItem::Comment(c) if c.trailing && printed => trail(out, c),
                        _ => {
                            if blank && printed {
                                out.push('\n');
                            }
                            blank = false;
                            pad(out, indent + 2);
                            match it {
                                ListItem::Comment(c) => {
                                    out.push('#');
                                    out.push_str(&c.text);
                                }
                                ListItem::Value(n) => print_value(out, n, indent + 2, indent + 2),
                                ListItem::Blank => {}
                            }
                            out.push('\n');
                            printed = true;
                        }
                    }
                }
            }
            pad(out, indent);
            out.push(']');
        }
        Kind::FromDialogs(DialogOrder::Listed(list)) => {
            out.push_str("from dialogs ");
            print_value(out, list, indent, column + 13);
        }
        // Scalars: `inline` always gives them (it returned above).
        _ => {}
    }
}

/// Prints a rule on one line when it fits and has no comments, else one
/// clause a line under `rule "NAME"`.
fn print_rule(out: &mut String, r: &Rule, indent: usize) {
    let (name, clauses, target) = match &r.body {
        RuleBody::Object(node) => {
            out.push_str("rule ");
            print_value(out, node, indent, indent + 5);
            return;
        }
        RuleBody::Clauses { name, clauses, target } => (name, clauses, target),
    };
    let head = match name {
        Some(n) => format!("rule {}", quote(&n.text)),
        None => "rule".to_string(),
    };
    let arrow = format!("-> {}", target_text(&target.kind));
    if clauses.iter().all(|c| matches!(c, ClauseItem::Clause(_))) {
        let mut parts: Vec<String> = Vec::new();
        // A rule without a name or conditions is just where it goes.
        if name.is_some() || !clauses.is_empty() {
            parts.push(head.clone());
        }
        parts.extend(clauses.iter().filter_map(|c| match c {
            ClauseItem::Clause(c) => Some(clause_text(&c.kind)),
            ClauseItem::Comment(_) => None,
        }));
        parts.push(arrow.clone());
        let line = parts.join(" ");
        if indent + line.chars().count() <= WIDTH || clauses.is_empty() {
            out.push_str(&line);
            return;
        }
    }
    out.push_str(&head);
    let clauses = opening_comment(out, clauses, |c| match c {
        ClauseItem::Comment(c) => Some(c),
        ClauseItem::Clause(_) => None,
    });
    for c in clauses {
        match c {
            ClauseItem::Comment(c) if c.trailing => {
                out.push_str(" #");
                out.push_str(&c.text);
            }
            ClauseItem::Comment(c) => {
                out.push('\n');
                pad(out, indent + 2);
                out.push('#');
                out.push_str(&c.text);
            }
            ClauseItem::Clause(c) => {
                out.push('\n');
                pad(out, indent + 2);
                out.push_str(&clause_text(&c.kind));
            }
        }
    }
    out.push('\n');
    pad(out, indent + 2);
    out.push_str(&arrow);
}

fn quoted_list(strings: &[Str]) -> String {
    strings.iter().map(|s| quote(&s.text)).collect::<Vec<_>>().join(", ")
}

fn clause_text(c: &ClauseKind) -> String {
    let with_except = |mut s: String, except: &[Str]| {
        if !except.is_empty() {
            s.push_str(" except ");
            s.push_str(&quoted_list(except));
        }
        s
    };
    match c {
        ClauseKind::When(Condition::Pattern { patterns, except }) => {
            let mut s = "when pattern".to_string();
            if !patterns.is_empty() {
                s.push(' ');
                s.push_str(&quoted_list(patterns));
            }
            with_except(s, except)
        }
        ClauseKind::When(Condition::Regex { regex, except }) => {
            with_except(format!("when regex {}", quote(&regex.text)), except)
        }
        ClauseKind::When(Condition::Option(s)) => format!("when option {}", quote(&s.text)),
        ClauseKind::When(Condition::NoMatch(s)) => format!("when no_match {}", quote(&s.text)),
        ClauseKind::When(Condition::ApiResult(s)) => format!("when api_result {}", quote(&s.text)),
        ClauseKind::If { combinator, conditions } => {
            let mut s = "if".to_string();
            if let Some(w) = combinator {
                s.push(' ');
                s.push_str(&w.text);
            }
            if !conditions.is_empty() {
                s.push(' ');
                let conds: Vec<String> = conditions
                    .iter()
                    .map(|c| format!("{} {} {}", quote(&c.name.text), c.operator.text, quote(&c.value.text)))
                    .collect();
                s.push_str(&conds.join(", "));
            }
            s
        }
        ClauseKind::Set { name, value, scope } => {
            let name = if is_ident(&name.text) { name.text.clone() } else { quote(&name.text) };
            let mut s = format!("set {name} = {}", quote(&value.text));
            if let Some(w) = scope {
                s.push_str(" in ");
                s.push_str(&w.text);
            }
            s
        }
    }
}

fn target_text(t: &TargetKind) -> String {
    match t {
        TargetKind::Next => "next".to_string(),
        TargetKind::End => "end".to_string(),
        TargetKind::CloseConversation => "close_conversation".to_string(),
        TargetKind::CloseDialog => "close_dialog".to_string(),
        TargetKind::Interaction(s) => quote(&s.text),
        TargetKind::InteractionId(s) => format!("id {}", quote(&s.text)),
        TargetKind::Dialog(s) => format!("dialog {}", quote(&s.text)),
        TargetKind::DialogId(s) => format!("dialog id {}", quote(&s.text)),
    }
}
