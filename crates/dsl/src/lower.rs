//! Text → JSON: the CB export a syntax tree stands for, each part with the
//! span of the text that gives it (`origin.rs`).
//!
//! Entries are object keys, in the order written. On top of that:
//!
//! - `dialog` entries make `groups` and their `interaction` entries make
//!   `conversationMessage` (`conversationMessage from dialogs …` and
//!   `groups from dialogs …` say where the two lists go and in which
//!   order); a label is the `name`, and an interaction's `group` is its
//!   dialog's id;
//! - a dialog or interaction with a kind word (`dialog "Welcome" standard`,
//!   `interaction "ask" text_question`) is written the short way: what CB
//!   always writes (`chatBotId`, `status` …, `nextMessageId` and
//!   `prevMessageId` from the order of the dialog's interactions) is filled
//!   in where CB puts it, the message is written as the tile's own entries
//!   (`text "Hi"`) or as `call "INTEGRATION"`, and rules as `rule` clauses;
//!   any key given as an entry is taken as written, where written;
//! - `file "…"` is the text of a script file.
//!
//! `raise.rs` writes the short forms only where this gives the export back
//! exactly, and checks it by calling these functions.

use crate::origin::{Member, SNode, SVal, ScriptRead};
use crate::shape::{self, DIALOG_KEYS, INTERACTION_KEYS, TILE_DEFAULTS, TILE_KEYS};
use crate::syntax::{
    ClauseItem, ClauseKind, Condition, DialogOrder, Entry, Item, Kind, ListItem, Node, Rule, RuleBody, Str, Target,
    TargetKind,
};
use cbot_diag::{Diagnostic, Diagnostics, FileId, Span};
use serde_json::{Map, Value};
use std::collections::HashMap;
use std::ops::Range;
use std::rc::Rc;

/// Reads a script file named in the text (a path relative to `bot.cbot`).
pub type ReadScript<'a> = dyn FnMut(&str) -> std::io::Result<String> + 'a;

/// Where `name` goes back into an interaction without a kind: CB exports
/// it fourth (after id, chatBotId, userInputRequired).
const INTERACTION_NAME_AT: usize = 3;
/// Where `name` goes back into a dialog without a kind (after chatBotId
/// and id).
const DIALOG_NAME_AT: usize = 2;

/// The names a bot's rules and integration calls may use, gathered before
/// lowering: the same from the text as from the export it gives.
#[derive(Debug, Default, Clone)]
pub(crate) struct Names {
    /// The bot's id (`bot.id`): an interaction's and a dialog's `chatBotId`.
    pub bot_id: Option<String>,
    pub interactions: HashMap<String, Vec<String>>,
    pub dialogs: HashMap<String, Vec<String>>,
    pub integrations: HashMap<String, Vec<String>>,
}

impl Names {
    /// The names in a syntax tree.
    pub fn of_text(items: &[Item]) -> Names {
        let mut names = Names::default();
        for e in entries(items) {
            match (e.keyword, e.key.as_str(), &e.value.kind) {
                (false, "bot", Kind::Block(body)) if names.bot_id.is_none() => {
                    names.bot_id = entry_str(body, "id").map(str::to_string)
                }
                (false, "responder", Kind::List(list)) => {
                    for n in list_values(list) {
                        if let Kind::Block(body) = &n.kind {
                            add(&mut names.integrations, entry_str(body, "name"), entry_str(body, "id"));
                        }
                    }
                }
                (true, "dialog", Kind::Block(body)) => {
                    add(&mut names.dialogs, label_or_name(e, body), entry_str(body, "id"));
                    for i in entries(body).filter(|i| i.keyword && i.key == "interaction") {
                        if let Kind::Block(b) = &i.value.kind {
                            add(&mut names.interactions, label_or_name(i, b), entry_str(b, "id"));
                        }
                    }
                }
                _ => {}
            }
        }
        names
    }

    /// The names in a CB export.
    pub fn of_export(root: &Map<String, Value>) -> Names {
        let list = |key: &str| root.get(key).and_then(Value::as_array).into_iter().flatten();
        fn s<'v>(v: &'v Value, k: &str) -> Option<&'v str> {
            v.get(k).and_then(Value::as_str)
        }
        let mut names =
            Names { bot_id: root.get("bot").and_then(|b| s(b, "id")).map(str::to_string), ..Names::default() };
        for i in list("responder") {
            add(&mut names.integrations, s(i, "name"), s(i, "id"));
        }
        for g in list("groups") {
            add(&mut names.dialogs, s(g, "name"), s(g, "id"));
        }
        for m in list("conversationMessage") {
            add(&mut names.interactions, s(m, "name"), s(m, "id"));
        }
        names
    }
}

fn add(map: &mut HashMap<String, Vec<String>>, name: Option<&str>, id: Option<&str>) {
    if let (Some(name), Some(id)) = (name, id) {
        map.entry(name.to_string()).or_default().push(id.to_string());
    }
}

fn label_or_name<'a>(e: &'a Entry, body: &'a [Item]) -> Option<&'a str> {
    e.label.as_ref().map(|(l, _)| l.as_str()).or_else(|| entry_str(body, "name"))
}

/// The string value of the first entry `key` of a block.
pub(crate) fn entry_str<'a>(body: &'a [Item], key: &str) -> Option<&'a str> {
    entries(body).find(|f| f.key == key && !f.keyword).and_then(|f| match &f.value.kind {
        Kind::Str(s) => Some(s.as_str()),
        _ => None,
    })
}

/// Where an interaction stands: its dialog's id and the ids of the
/// interactions written before and after it in the dialog.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Place<'a> {
    pub dialog: Option<&'a str>,
    pub prev: Option<&'a str>,
    pub next: Option<&'a str>,
}

pub(crate) struct Lower<'r, 'a> {
    pub file: FileId,
    pub diags: Diagnostics,
    read: &'r mut ReadScript<'a>,
    pub scripts: Vec<ScriptRead>,
    pub names: Rc<Names>,
}

/// A dialog read from the text: its group object and its interactions.
struct Dialog {
    group: SNode,
    interactions: Vec<SNode>,
}

/// How the dialogs give one of the export's two lists: the order asked
/// for and where it was asked.
type Order = (DialogOrder, Range<usize>);

impl<'r, 'a> Lower<'r, 'a> {
    pub fn new(file: FileId, names: Rc<Names>, read: &'r mut ReadScript<'a>) -> Self {
        Lower { file, diags: Diagnostics::new(), read, scripts: Vec::new(), names }
    }

    fn span(&self, r: &Range<usize>) -> Span {
        Span::new(self.file, r.clone())
    }

    pub fn root(&mut self, items: &[Item]) -> SNode {
        let mut fields: Vec<Member> = Vec::new();
        let mut seen: HashMap<String, Range<usize>> = HashMap::new();
        let mut dialogs: Vec<Dialog> = Vec::new();
        let (mut messages_order, mut groups_order): (Option<Order>, Option<Order>) = (None, None);
        let mut groups_at = None;
        for item in items {
            let e = match item {
                Item::Entry(e) => e,
                Item::Rule(r) => {
                    self.misplaced_rule(r);
                    continue;
                }
                _ => continue,
            };
            if e.keyword && e.key == "dialog" {
                if let Kind::Block(body) = &e.value.kind {
                    groups_at.get_or_insert(fields.len());
                    if let Some(d) = self.dialog(e, body) {
                        dialogs.push(d);
                    }
                } else {
                    self.misplaced(e, "a dialog is `dialog \"NAME\" KIND { … }`");
                }
                continue;
            }
            if e.keyword && e.key == "interaction" {
                self.misplaced(
                    e,
                    "an interaction goes inside its dialog: `dialog \"NAME\" { interaction \"NAME\" { … } }`",
                );
                continue;
            }
            if !self.plain_entry(e) || !self.unique(&mut seen, e) {
                continue;
            }
            if let Kind::FromDialogs(order) = &e.value.kind {
                let slot = match e.key.as_str() {
                    "conversationMessage" => &mut messages_order,
                    "groups" if !matches!(order, DialogOrder::Listed(_)) => &mut groups_order,
                    "groups" => {
                        self.diags.push(
                            Diagnostic::error("X006", "the dialogs' order is written or by id")
                                .with_label(self.span(&e.value.span), "no list here")
                                .with_help("write `groups from dialogs` or `groups from dialogs by id`"),
                        );
                        continue;
                    }
                    _ => {
                        self.misplaced(e, "`from dialogs` is the value of `conversationMessage` or `groups` only");
                        continue;
                    }
                };
                *slot = Some((order.clone(), e.value.span.clone()));
                // A place held for the list, filled below.
                fields.push(Member::new(&e.key, e.key_span.clone(), SNode::scalar(Value::Null, e.value.span.clone())));
                continue;
            }
            let v = self.value(&e.value);
            fields.push(Member::new(&e.key, e.key_span.clone(), v));
        }
        let Some(at) = groups_at else {
            for (_, span) in messages_order.iter().chain(&groups_order) {
                self.diags.push(
                    Diagnostic::error("X006", "`from dialogs` but there are no dialogs")
                        .with_label(self.span(span), "no `dialog` entry follows")
                        .with_help("add `dialog \"NAME\" { … }` entries, or give the list itself"),
                );
            }
            return SNode::object(fields, 0..0);
        };
        for (key, order) in [("conversationMessage", &messages_order), ("groups", &groups_order)] {
            if order.is_none()
                && let Some(r) = seen.get(key)
            {
                self.diags.push(
                    Diagnostic::error("X002", format!("`{key}` is given twice"))
                        .with_label(self.span(r), format!("the dialogs already give `{key}`"))
                        .with_help(format!("write `{key} from dialogs`, or remove this entry")),
                );
            }
        }
        let messages = self.messages(&mut dialogs, messages_order.as_ref());
        if matches!(groups_order, Some((DialogOrder::ById, _))) {
            dialogs.sort_by(|a, b| a.group.get_str("id").unwrap_or("").cmp(b.group.get_str("id").unwrap_or("")));
        }
        let span = |o: &Option<Order>| o.as_ref().map_or(0..0, |(_, s)| s.clone());
        let groups = SNode::array(dialogs.into_iter().map(|d| d.group).collect(), span(&groups_order));
        let messages = SNode::array(messages, span(&messages_order));
        let held = |fields: &[Member], key: &str| {
            fields.iter().position(|m| m.key == key && m.value.v == SVal::Scalar(Value::Null))
        };
        let groups_at = match (groups_order.is_some(), held(&fields, "groups")) {
            (true, Some(i)) if let Some(field) = fields.get_mut(i) => {
                field.value = groups;
                i
            }
            _ => {
                fields.insert(at.min(fields.len()), Member::new("groups", 0..0, groups));
                at.min(fields.len() - 1)
            }
        };
        match (messages_order.is_some(), held(&fields, "conversationMessage")) {
            (true, Some(i)) if let Some(field) = fields.get_mut(i) => field.value = messages,
            _ => fields.insert(groups_at, Member::new("conversationMessage", 0..0, messages)),
        }
        SNode::object(fields, 0..0)
    }

    /// The export's interaction list: dialog by dialog, sorted by id, or in
    /// the order of the dialog numbers after `from dialogs`.
    fn messages(&mut self, dialogs: &mut [Dialog], order: Option<&Order>) -> Vec<SNode> {
        let all = |dialogs: &mut [Dialog]| -> Vec<SNode> {
            dialogs.iter_mut().flat_map(|d| std::mem::take(&mut d.interactions)).collect()
        };
        let (list, span) = match order {
            Some((DialogOrder::Listed(list), span)) => (list, span),
            Some((DialogOrder::ById, _)) => {
                let mut out = all(dialogs);
                out.sort_by(|a, b| a.get_str("id").unwrap_or("").cmp(b.get_str("id").unwrap_or("")));
                return out;
            }
            _ => return all(dialogs),
        };
        let order = self.order(list);
        let mut queues: Vec<std::collections::VecDeque<SNode>> =
            dialogs.iter_mut().map(|d| std::mem::take(&mut d.interactions).into()).collect();
        let mut out = Vec::new();
        for (d, r) in order {
            match d.checked_sub(1).and_then(|d| queues.get_mut(d)) {
                Some(q) => match q.pop_front() {
                    Some(i) => out.push(i),
                    None => {
                        let s = self.span(&r);
                        self.diags.push(
                            Diagnostic::error("X006", format!("dialog {d} has fewer interactions than the order says"))
                                .with_label(s, "one too many")
                                .with_help(ORDER_HELP),
                        );
                    }
                },
                None => {
                    let s = self.span(&r);
                    self.diags.push(
                        Diagnostic::error("X006", format!("there is no dialog {d}"))
                            .with_label(s, format!("dialogs are numbered 1 to {}", queues.len()))
                            .with_help(ORDER_HELP),
                    );
                }
            }
        }
        let left: usize = queues.iter().map(|q| q.len()).sum();
        if left > 0 {
            let s = self.span(span);
            self.diags.push(
                Diagnostic::error("X006", format!("the order leaves out {left} interaction(s)"))
                    .with_label(s, "each interaction needs its dialog's number here")
                    .with_help(ORDER_HELP),
            );
        }
        out
    }

    /// The numbers of a `from dialogs` order list.
    fn order(&mut self, list: &Node) -> Vec<(usize, Range<usize>)> {
        let mut out = Vec::new();
        let Kind::List(items) = &list.kind else { return out };
        for n in list_values(items) {
            match &n.kind {
                Kind::Num(x) if x.as_u64().is_some() => {
                    out.push((usize::try_from(x.as_u64().unwrap_or(0)).unwrap_or(usize::MAX), n.span.clone()))
                }
                _ => {
                    let s = self.span(&n.span);
                    self.diags.push(
                        Diagnostic::error("X006", "the order holds dialog numbers")
                            .with_label(s, "not a dialog number")
                            .with_help(ORDER_HELP),
                    );
                }
            }
        }
        out
    }

    fn dialog(&mut self, e: &Entry, body: &[Item]) -> Option<Dialog> {
        let (group, id) = self.dialog_object(e, body)?;
        let pending: Vec<(&Entry, &[Item])> = entries(body)
            .filter(|f| f.keyword && f.key == "interaction")
            .filter_map(|f| match &f.value.kind {
                Kind::Block(b) => Some((f, b.as_slice())),
                _ => {
                    self.misplaced(f, "an interaction is `interaction \"NAME\" KIND { … }`");
                    None
                }
            })
            .collect();
        let ids: Vec<Option<&str>> = pending.iter().map(|(_, b)| entry_str(b, "id")).collect();
        let mut interactions = Vec::new();
        for (k, (f, b)) in pending.iter().enumerate() {
            let place = Place {
                dialog: Some(&id),
                prev: k.checked_sub(1).and_then(|p| ids.get(p).copied().flatten()),
                next: ids.get(k + 1).copied().flatten(),
            };
            interactions.push(self.interaction(f, b, place));
        }
        Some(Dialog { group, interactions })
    }

    /// A dialog's own object (without its interactions) and its id.
    pub fn dialog_object(&mut self, e: &Entry, body: &[Item]) -> Option<(SNode, String)> {
        let mut fields = Vec::new();
        let mut seen = HashMap::new();
        for item in body {
            match item {
                Item::Rule(r) => self.misplaced_rule(r),
                Item::Entry(f) if f.keyword && f.key == "interaction" => {}
                Item::Entry(f) if f.keyword => self.misplaced(f, "dialogs do not nest"),
                Item::Entry(f) if self.plain_entry(f) && self.unique(&mut seen, f) => {
                    let v = self.value(&f.value);
                    fields.push(Member::new(&f.key, f.key_span.clone(), v));
                }
                _ => {}
            }
        }
        let Some(id) = entry_str(body, "id").map(str::to_string) else {
            let s = self.span(&e.key_span);
            self.diags.push(
                Diagnostic::error("X007", "this dialog has no `id`")
                    .with_label(s, "needs `id \"…\"`")
                    .with_help("interactions name their dialog by its id; give the dialog a unique `id` string"),
            );
            return None;
        };
        if let (Some(_), Some(r)) = (&e.label, seen.get("name")) {
            self.twice(r, "name");
        }
        let head = header_span(e);
        let fields = match &e.kind {
            None => {
                if let Some((name, span)) = &e.label {
                    insert_at(&mut fields, DIALOG_NAME_AT, Member::implied("name", Value::String(name.clone()), span));
                }
                fields
            }
            Some((word, word_span)) => {
                let mut implied = Vec::new();
                if let Some(bot) = &self.names.bot_id {
                    implied.push(Member::implied("chatBotId", Value::String(bot.clone()), &head));
                }
                if let Some((name, span)) = &e.label {
                    implied.push(Member::implied("name", Value::String(name.clone()), span));
                }
                implied.push(Member::implied("dialogType", Value::String(shape::dialog_type(word)), word_span));
                for (k, v) in shape::DIALOG_FIXED {
                    implied.push(Member::implied(k, v.value(), &head));
                }
                fill(fields, implied, DIALOG_KEYS)
            }
        };
        Some((SNode::object(fields, head), id))
    }

    /// An interaction, with its place in its dialog.
    pub fn interaction(&mut self, e: &Entry, body: &[Item], place: Place<'_>) -> SNode {
        let head = header_span(e);
        let name = e.label.as_ref().map(|(n, _)| n.as_str());
        if name.is_some()
            && let Some(f) = entries(body).find(|f| f.key == "name" && !f.keyword)
        {
            let r = f.key_span.clone();
            self.twice(&r, "name");
        }
        let Some((word, word_span)) = &e.kind else {
            let mut fields = self.object(body);
            if let (false, Some(group)) = (fields.iter().any(|m| m.key == "group"), place.dialog) {
                let at = fields.iter().position(|m| m.key == "status").unwrap_or(fields.len());
                insert_at(&mut fields, at, Member::implied("group", Value::String(group.into()), &head));
            }
            if let Some((name, span)) = &e.label {
                insert_at(&mut fields, INTERACTION_NAME_AT, Member::implied("name", Value::String(name.clone()), span));
            }
            return SNode::object(fields, head);
        };
        let itype = shape::constant_of(word);
        let mut explicit: Vec<Member> = Vec::new();
        let mut tile: Vec<Member> = Vec::new();
        let mut wrapper: Vec<Member> = Vec::new();
        let mut call: Option<&Entry> = None;
        let mut rules: Vec<SNode> = Vec::new();
        let mut rules_span: Option<Range<usize>> = None;
        let mut seen = HashMap::new();
        for item in body {
            match item {
                Item::Rule(r) => {
                    rules.push(self.rule(r));
                    let s = rules_span.get_or_insert(r.span.clone());
                    s.end = r.span.end;
                }
                Item::Entry(f) if f.keyword => self.misplaced(f, "an interaction holds no dialogs or interactions"),
                Item::Entry(f) => {
                    if !self.plain_entry(f) || !self.unique(&mut seen, f) {
                        continue;
                    }
                    match f.key.as_str() {
                        "interactionType" => {
                            let s = self.span(&f.key_span);
                            self.diags.push(
                                Diagnostic::error("X002", "`interactionType` is given twice")
                                    .with_label(s, "the kind after the name already gives it")
                                    .with_secondary_label(self.span(word_span), "given here")
                                    .with_help("remove this entry, or change the kind"),
                            );
                        }
                        "call" => call = Some(f),
                        k if WRAPPER_KEYS.contains(&k) => {
                            let v = self.value(&f.value);
                            wrapper.push(Member::new(k, f.key_span.clone(), v));
                        }
                        k if TILE_KEYS.contains(&k) => {
                            let v = self.value(&f.value);
                            tile.push(Member::new(k, f.key_span.clone(), v));
                        }
                        k => {
                            let v = self.value(&f.value);
                            explicit.push(Member::new(k, f.key_span.clone(), v));
                        }
                    }
                }
                _ => {}
            }
        }
        let given = |key: &str| explicit.iter().find(|m| m.key == key).map(|m| m.key_span.clone());
        // The message is the tile's entries, or an integration to call, or
        // a `content` entry: one of the three.
        let message_span = call.map(|c| c.key_span.clone()).or_else(|| tile.first().map(|m| m.key_span.clone()));
        if let (Some(content), Some(other)) = (given("content"), message_span.clone()) {
            self.message_twice(&other, &content, "`content`");
        }
        if let (Some(c), Some(t)) = (call, tile.first()) {
            self.message_twice(&t.key_span, &c.key_span, "`call`");
        }
        if let (Some(w), Some(other)) = (wrapper.first(), call.map(|c| &c.key_span).or(given("content").as_ref())) {
            let s = self.span(&w.key_span);
            self.diags.push(
                Diagnostic::error("X003", format!("`{}` cannot be used here", w.key))
                    .with_label(s, "this goes with the tile's entries")
                    .with_secondary_label(self.span(other), "but the message is given here")
                    .with_help("write it inside `content { … }`, or give the message as the tile's entries"),
            );
        }
        if let (Some(r), Some(m)) = (rules_span.clone(), given("responseMatches")) {
            let s = self.span(&r);
            self.diags.push(
                Diagnostic::error("X002", "`responseMatches` is given twice")
                    .with_label(s, "the rules already give it")
                    .with_secondary_label(self.span(&m), "given here")
                    .with_help("write the rules as `rule …` or as `responseMatches [ … ]`, not both"),
            );
        }
        let mut implied = Vec::new();
        if let Some(bot) = &self.names.bot_id {
            implied.push(Member::implied("chatBotId", Value::String(bot.clone()), &head));
        }
        if let Some((name, span)) = &e.label {
            implied.push(Member::implied("name", Value::String(name.clone()), span));
        }
        for (k, v) in shape::INTERACTION_FIXED {
            implied.push(Member::implied(k, v.value(), &head));
        }
        let content = match call {
            Some(c) => self.call(c),
            None => static_content(tile, wrapper, &itype, message_span.unwrap_or_else(|| head.clone())),
        };
        implied.push(Member::new("content", content.span.clone(), content));
        if let Some(group) = place.dialog {
            implied.push(Member::implied("group", Value::String(group.into()), &head));
        }
        for (key, id) in [("nextMessageId", place.next), ("prevMessageId", place.prev)] {
            if let Some(id) = id {
                implied.push(Member::implied(key, Value::String(id.into()), &head));
            }
        }
        let rules_span = rules_span.unwrap_or_else(|| head.clone());
        implied.push(Member::new("responseMatches", rules_span.clone(), SNode::array(rules, rules_span)));
        implied.push(Member::implied("interactionType", Value::String(itype.clone()), word_span));
        if shape::asks(&itype) {
            for key in ["changeResponse", "cancelResponse"] {
                implied.push(Member::implied(key, shape::enabled(), &head));
            }
        }
        SNode::object(fill(explicit, implied, INTERACTION_KEYS), head)
    }

    fn message_twice(&mut self, again: &Range<usize>, first: &Range<usize>, what: &str) {
        let s = self.span(again);
        self.diags.push(
            Diagnostic::error("X002", "the message is given twice")
                .with_label(s, "this gives the message")
                .with_secondary_label(self.span(first), format!("and so does {what}"))
                .with_help("an interaction shows its tile's entries (`text \"…\"`), `call \"INTEGRATION\"` or `content { … }`: one of them"),
        );
    }

    /// `call "NAME"`: the content of an integration interaction.
    fn call(&mut self, c: &Entry) -> SNode {
        let span = c.value.span.clone();
        let Kind::Str(name) = &c.value.kind else {
            let s = self.span(&span);
            self.diags.push(
                Diagnostic::error("X003", "`call` takes the name of an integration")
                    .with_label(s, "not a string")
                    .with_help("write `call \"NAME\"` with the `name` of an entry of `responder`"),
            );
            return SNode::object(Vec::new(), span);
        };
        let lit = Str { text: name.clone(), span: span.clone() };
        let id = self.resolve(&lit, Named::Integration);
        let members = vec![
            Member::implied("contentType", Value::String("DYNAMIC".into()), &c.key_span),
            Member::new("responderName", c.key_span.clone(), SNode::string(name.clone(), span.clone())),
            Member::new("responderId", c.key_span.clone(), SNode::string(id, span.clone())),
        ];
        SNode::object(members, c.key_span.start..span.end)
    }

    pub fn rule(&mut self, r: &Rule) -> SNode {
        let (name, clauses, target) = match &r.body {
            RuleBody::Object(node) => return self.value(node),
            RuleBody::Clauses { name, clauses, target } => (name, clauses, target),
        };
        let mut members = Vec::new();
        if let Some(n) = name {
            members.push(Member::new("name", n.span.clone(), str_node(n)));
        }
        let (mut conditions, mut context, mut variables) = (Vec::new(), Vec::new(), Vec::new());
        let mut combinator: Option<&Str> = None;
        let mut if_span: Option<Range<usize>> = None;
        for c in clauses {
            let ClauseItem::Clause(c) = c else { continue };
            match &c.kind {
                ClauseKind::When(cond) => conditions.push(condition(cond, &c.span)),
                ClauseKind::If { combinator: w, conditions: conds } => {
                    if let Some(first) = &if_span {
                        let s = self.span(&c.span);
                        self.diags.push(
                            Diagnostic::error("X002", "`if` is given twice in one rule")
                                .with_label(s, "given again here")
                                .with_secondary_label(self.span(first), "first given here")
                                .with_help("give all the variable conditions after one `if`"),
                        );
                        continue;
                    }
                    if_span = Some(c.span.clone());
                    combinator = w.as_ref();
                    for cc in conds {
                        let span = cc.name.span.start..cc.value.span.end;
                        let members = vec![
                            Member::new(
                                "matchType",
                                cc.operator.span.clone(),
                                SNode::string(shape::constant_of(&cc.operator.text), cc.operator.span.clone()),
                            ),
                            Member::new("contextName", cc.name.span.clone(), str_node(&cc.name)),
                            Member::new("value", cc.value.span.clone(), str_node(&cc.value)),
                        ];
                        context.push(SNode::object(members, span));
                    }
                }
                ClauseKind::Set { name, value, scope } => {
                    let scope = match scope {
                        Some(w) => SNode::string(shape::constant_of(&w.text), w.span.clone()),
                        None => SNode::string("SESSION", c.span.clone()),
                    };
                    let members = vec![
                        Member::new("name", name.span.clone(), str_node(name)),
                        Member::new("value", value.span.clone(), str_node(value)),
                        Member::new("scope", scope.span.clone(), scope),
                    ];
                    variables.push(SNode::object(members, c.span.clone()));
                }
            }
        }
        let list_span = |items: &[SNode], or: &Range<usize>| match (items.first(), items.last()) {
            (Some(a), Some(b)) => a.span.start..b.span.end,
            _ => or.clone(),
        };
        let has_conditions = !conditions.is_empty();
        let cs = list_span(&conditions, &r.span);
        members.push(Member::new("conditions", cs.clone(), SNode::array(conditions, cs)));
        let xs = if_span.clone().unwrap_or_else(|| r.span.clone());
        members.push(Member::new("contextConditions", xs.clone(), SNode::array(context, xs.clone())));
        // CB writes `ANY` on rules with conditions, nothing on the others.
        match combinator {
            Some(w) => members.push(Member::new(
                "contextMatchConditionType",
                w.span.clone(),
                SNode::string(shape::constant_of(&w.text), w.span.clone()),
            )),
            None if has_conditions => {
                members.push(Member::implied("contextMatchConditionType", Value::String("ANY".into()), &xs))
            }
            None => {}
        }
        let action = self.action(target);
        members.push(Member::new("action", target.span.clone(), action));
        let vs = list_span(&variables, &r.span);
        members.push(Member::new("contextDataVariables", vs.clone(), SNode::array(variables, vs)));
        SNode::object(members, r.span.clone())
    }

    fn action(&mut self, t: &Target) -> SNode {
        let word = |w: &str| SNode::string(w, t.span.clone());
        let (kind, value) = match &t.kind {
            TargetKind::Next => ("INTERACTION", word("next")),
            TargetKind::End => ("INTERACTION", word("none")),
            TargetKind::CloseConversation => ("INTERACTION", word("close_conversation")),
            TargetKind::CloseDialog => ("INTERACTION", word("close_dialog")),
            TargetKind::Interaction(s) => {
                ("INTERACTION", SNode::string(self.resolve(s, Named::Interaction), s.span.clone()))
            }
            TargetKind::InteractionId(s) => ("INTERACTION", str_node(s)),
            TargetKind::Dialog(s) => ("DIALOG", SNode::string(self.resolve(s, Named::Dialog), s.span.clone())),
            TargetKind::DialogId(s) => ("DIALOG", str_node(s)),
        };
        let members = vec![
            Member::implied("name", Value::String(kind.into()), &t.span),
            Member::new("value", t.span.clone(), value),
        ];
        SNode::object(members, t.span.clone())
    }

    /// The id of the interaction, dialog or integration called `name`;
    /// X010 unless exactly one has that name.
    fn resolve(&mut self, name: &Str, what: Named) -> String {
        let (map, noun) = match what {
            Named::Interaction => (&self.names.interactions, "interaction"),
            Named::Dialog => (&self.names.dialogs, "dialog"),
            Named::Integration => (&self.names.integrations, "integration"),
        };
        let found = map.get(&name.text).map_or(0, Vec::len);
        if let (1, Some(id)) = (found, map.get(&name.text).and_then(|ids| ids.first())) {
            return id.clone();
        }
        let (message, label) = if found == 0 {
            (format!("no {noun} is named `{}`", name.text), format!("not the name of an {noun} of this bot"))
        } else {
            (format!("{found} {noun}s are named `{}`", name.text), "which one is meant is unclear".to_string())
        };
        let help = match what {
            Named::Interaction => "name an interaction of the bot, or give its id: `-> id \"…\"`",
            Named::Dialog => "name a dialog of the bot, or give its id: `-> dialog id \"…\"`",
            Named::Integration => "name an entry of `responder`, or write `content { … }` with its `responderId`",
        };
        let s = self.span(&name.span);
        self.diags.push(Diagnostic::error("X010", message).with_label(s, label).with_help(help));
        String::new()
    }

    /// An object written as entries, taken as it is.
    fn object(&mut self, body: &[Item]) -> Vec<Member> {
        let mut fields = Vec::new();
        let mut seen = HashMap::new();
        for item in body {
            match item {
                Item::Entry(f) if self.plain_entry(f) && self.unique(&mut seen, f) => {
                    let v = self.value(&f.value);
                    fields.push(Member::new(&f.key, f.key_span.clone(), v));
                }
                Item::Rule(r) => self.misplaced_rule(r),
                _ => {}
            }
        }
        fields
    }

    pub fn value(&mut self, n: &Node) -> SNode {
        let span = n.span.clone();
        match &n.kind {
            Kind::Str(s) => SNode::string(s.clone(), span),
            Kind::Num(x) => SNode::scalar(Value::Number(x.clone()), span),
            Kind::Bool(b) => SNode::scalar(Value::Bool(*b), span),
            Kind::Null => SNode::scalar(Value::Null, span),
            Kind::File(path) => {
                let (text, index) = self.script(path, &span);
                SNode { script: index, ..SNode::string(text, span) }
            }
            Kind::FromDialogs(_) => {
                let s = self.span(&span);
                self.diags.push(
                    Diagnostic::error("X003", "`from dialogs` cannot be used here")
                        .with_label(s, "only `conversationMessage` and `groups` at the top take it")
                        .with_help("write the value itself"),
                );
                SNode::scalar(Value::Null, span)
            }
            Kind::Block(items) => SNode::object(self.object(items), span),
            Kind::List(items) => SNode::array(list_values(items).map(|x| self.value(x)).collect(), span),
        }
    }

    /// A script's text and its index among the scripts read.
    fn script(&mut self, path: &str, span: &Range<usize>) -> (String, Option<usize>) {
        // Relative, `/`-separated paths only, so a bot directory reads the
        // same on every system. `..` is allowed: sample bots share scripts/
        // at the top of the repository (STYLE §2), as a C include would.
        let portable = !path.is_empty()
            && !path.starts_with('/')
            && !path.contains('\\')
            && !path.contains(':')
            && path.split('/').all(|c| !c.is_empty() && c != ".");
        if !portable {
            let s = self.span(span);
            self.diags.push(
                Diagnostic::error("X005", "a script path must be relative, with `/` between its parts")
                    .with_label(s, "not a relative path from bot.cbot")
                    .with_help("write it relative to bot.cbot with `/`, e.g. `file \"scripts/welcome/greet.pre.js\"`"),
            );
            return (String::new(), None);
        }
        if let Some(i) = self.scripts.iter().position(|s| s.path == path) {
            return (self.scripts.get(i).map(|s| s.text.clone()).unwrap_or_default(), Some(i));
        }
        match (self.read)(path) {
            Ok(text) => {
                self.scripts.push(ScriptRead { path: path.to_string(), text: text.clone() });
                (text, Some(self.scripts.len() - 1))
            }
            Err(e) => {
                let s = self.span(span);
                self.diags.push(
                    Diagnostic::error("X004", format!("cannot read the script {path}"))
                        .with_label(
                            s,
                            if e.kind() == std::io::ErrorKind::NotFound {
                                "no such file".to_string()
                            } else {
                                e.to_string()
                            },
                        )
                        .with_help("paths are relative to the directory holding bot.cbot"),
                );
                (String::new(), None)
            }
        }
    }

    /// Reports a key given twice in one block (X002); true when it is new.
    fn unique(&mut self, seen: &mut HashMap<String, Range<usize>>, e: &Entry) -> bool {
        if let Some(first) = seen.get(&e.key).cloned() {
            let s = self.span(&e.key_span);
            let f = self.span(&first);
            self.diags.push(
                Diagnostic::error("X002", format!("`{}` is given twice", e.key))
                    .with_label(s, "given again here")
                    .with_secondary_label(f, "first given here")
                    .with_help("an object has each key once; remove one of them"),
            );
            return false;
        }
        seen.insert(e.key.clone(), e.key_span.clone());
        true
    }

    fn twice(&mut self, r: &Range<usize>, key: &str) {
        let s = self.span(r);
        self.diags.push(
            Diagnostic::error("X002", format!("`{key}` is given twice"))
                .with_label(s, "the label before `{` already gives it")
                .with_help("remove this entry or the label"),
        );
    }

    /// Reports a label or kind on an entry that takes neither (X003);
    /// true for a plain `key value`.
    fn plain_entry(&mut self, e: &Entry) -> bool {
        if e.label.is_some() || e.kind.is_some() {
            self.misplaced(e, "only `dialog` and `interaction` take a name and a kind before `{`");
            return false;
        }
        true
    }

    fn misplaced(&mut self, e: &Entry, help: &str) {
        let s = self.span(&e.key_span);
        let what = if e.keyword { format!("`{}`", e.key) } else { format!("a name after `{}`", e.key) };
        self.diags.push(
            Diagnostic::error("X003", format!("{what} cannot be used here"))
                .with_label(s, "not allowed here")
                .with_help(help.to_string()),
        );
    }

    fn misplaced_rule(&mut self, r: &Rule) {
        let s = self.span(&r.span);
        self.diags.push(
            Diagnostic::error("X003", "a rule cannot be used here")
                .with_label(s, "not in an interaction with a kind")
                .with_help(
                    "rules go in an interaction written with its kind: `interaction \"NAME\" text_question { … }`",
                ),
        );
    }
}

#[derive(Clone, Copy)]
enum Named {
    Interaction,
    Dialog,
    Integration,
}

const ORDER_HELP: &str = "after `conversationMessage from dialogs`, the list gives each interaction's \
     dialog number (1 = the first dialog) in the export's order; remove the list to go dialog by dialog";

/// From a dialog's or interaction's keyword to its kind (or label): what
/// implied values point at.
fn header_span(e: &Entry) -> Range<usize> {
    let end = e.kind.as_ref().map(|k| k.1.end).or(e.label.as_ref().map(|l| l.1.end)).unwrap_or(e.key_span.end);
    e.key_span.start..end.max(e.key_span.start)
}

fn str_node(s: &Str) -> SNode {
    SNode::string(s.text.clone(), s.span.clone())
}

/// Entries of an interaction with a kind that set the parts of `content`
/// around the tile: `content.contentType` (`STATIC` unless given),
/// `content.results.type` (the interaction's type unless given) and
/// `content.results.tile.sampleUserInput`.
pub(crate) const WRAPPER_KEYS: [&str; 3] = ["contentType", "resultsType", "sampleUserInput"];

/// The content of a static interaction: its tile, with the lists CB always
/// writes, as the message of its type.
pub(crate) fn static_content(mut tile: Vec<Member>, wrapper: Vec<Member>, itype: &str, span: Range<usize>) -> SNode {
    for key in TILE_DEFAULTS {
        if !tile.iter().any(|m| m.key == key) {
            let at = shape::canonical_position(tile.iter().map(|m| m.key.as_str()), TILE_KEYS, key);
            tile.insert(at, Member::new(key, span.clone(), SNode::array(Vec::new(), span.clone())));
        }
    }
    let given = |key: &str| wrapper.iter().find(|m| m.key == key).cloned();
    let content_type =
        given("contentType").unwrap_or_else(|| Member::implied("contentType", Value::String("STATIC".into()), &span));
    let results_type = match given("resultsType") {
        Some(m) => Member { key: "type".into(), ..m },
        None => Member::implied("type", Value::String(itype.into()), &span),
    };
    let tile = SNode::object(tile, span.clone());
    let mut tile_members = vec![Member::new("tileData", span.clone(), SNode::array(vec![tile], span.clone()))];
    tile_members.extend(given("sampleUserInput"));
    let tile = SNode::object(tile_members, span.clone());
    let results = SNode::object(vec![results_type, Member::new("tile", span.clone(), tile)], span.clone());
    SNode::object(vec![content_type, Member::new("results", span.clone(), results)], span)
}

fn condition(c: &Condition, span: &Range<usize>) -> SNode {
    let list = |items: &[Str]| SNode::array(items.iter().map(str_node).collect(), span.clone());
    let (match_type, key, payload) = match c {
        Condition::Pattern { patterns, except } => (
            "PATTERN",
            "patternMatch",
            vec![
                Member::new("patterns", span.clone(), list(patterns)),
                Member::new("excludeKeywords", span.clone(), list(except)),
            ],
        ),
        Condition::Regex { regex, except } => (
            "REGEX",
            "regexMatch",
            vec![
                Member::new("regexText", regex.span.clone(), str_node(regex)),
                Member::new("excludeKeywords", span.clone(), list(except)),
            ],
        ),
        Condition::Option(s) => {
            ("EVAL_OPTION", "evaluateOptionMatch", vec![Member::new("value", s.span.clone(), str_node(s))])
        }
        Condition::NoMatch(s) => {
            ("NO_MATCH", "noMatch", vec![Member::new("fallbackMessage", s.span.clone(), str_node(s))])
        }
        Condition::ApiResult(s) => {
            ("API_RESULT", "apiResultsMatch", vec![Member::new("status", s.span.clone(), str_node(s))])
        }
    };
    SNode::object(
        vec![
            Member::implied("matchType", Value::String(match_type.into()), span),
            Member::new(key, span.clone(), SNode::object(payload, span.clone())),
        ],
        span.clone(),
    )
}

/// The entries given (in the order given) and, for each key the short form
/// implies that is not given, the implied value where CB's order puts it.
fn fill(mut fields: Vec<Member>, implied: Vec<Member>, order: &[&str]) -> Vec<Member> {
    for m in implied {
        if !fields.iter().any(|f| f.key == m.key) {
            let at = shape::canonical_position(fields.iter().map(|f| f.key.as_str()), order, &m.key);
            fields.insert(at, m);
        }
    }
    fields
}

fn insert_at(fields: &mut Vec<Member>, at: usize, m: Member) {
    // A key given twice (reported as X002) must not move an index past the end.
    fields.retain(|f| f.key != m.key);
    fields.insert(at.min(fields.len()), m);
}

pub(crate) fn entries(items: &[Item]) -> impl Iterator<Item = &Entry> {
    items.iter().filter_map(|i| match i {
        Item::Entry(e) => Some(e),
        _ => None,
    })
}

pub(crate) fn list_values(items: &[ListItem]) -> impl Iterator<Item = &Node> {
    items.iter().filter_map(|i| match i {
        ListItem::Value(n) => Some(n),
        _ => None,
    })
}
