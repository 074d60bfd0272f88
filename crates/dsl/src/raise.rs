//! JSON → text: the syntax tree and script files for a CB export.
//!
//! Every object can be written as a block with its keys in their order, so
//! the export always converts. On top of that generic form:
//!
//! - the flat `conversationMessage` and `groups` lists become `dialog`
//!   entries holding their interactions, in the order of the dialog's flow
//!   (`nextMessageId`) when the export's own order can be rebuilt from it
//!   (`from dialogs by id`, the order CB exports in), dialogs by name;
//! - a dialog or interaction shaped as CB writes them gets its kind word
//!   and leaves out what that implies (`lower.rs`): its message as tile
//!   entries or `call`, its rules as `rule … -> …` with targets by name;
//! - code (pre-/post-process code, process-user-response code, global
//!   functions, integration transforms) goes to `scripts/…js` files.
//!
//! A short form is used only when lowering it gives back exactly the
//! original object, keys in the same places; this is checked here, object
//! by object, with the lowering's own code, so an odd export falls back to
//! the generic form rather than changing.

use crate::lower::{Lower, Names, Place, entry_str, static_content};
use crate::origin::{Member, SNode};
use crate::shape::{self, INTERACTION_KEYS, TILE_DEFAULTS, TILE_KEYS, natural_cmp};
use crate::syntax::{
    ClauseItem, ClauseKind, Comment, Condition, ContextCondition, DialogOrder, Entry, Item, Kind, ListItem, Node, Rule,
    RuleBody, Str, Target, TargetKind,
};
use cbot_diag::{Diagnostic, FileId, SourceMap};
use serde_json::{Map, Value};
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

/// A script file of a bot in text form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Script {
    /// Its path relative to the directory of `bot.cbot`, `/`-separated.
    pub path: String,
    /// Its text (the code panel's string, byte for byte).
    pub text: String,
}

/// Keys whose string value is JavaScript, and the suffix of their file.
/// CB-SPEC §3.1 (code panels), §3.5 (global functions), §6.1 (integration
/// transforms).
const CODE_KEYS: [(&str, &str); 4] = [
    ("preProcessMessage", "pre"),
    ("postProcessMessage", "post"),
    ("processUserResponse", "process"),
    ("transformResultsScript", "transform"),
];

/// Builds the syntax tree and scripts for a CB export.
pub fn raise(export: &Value) -> Result<(Vec<Item>, Vec<Script>), Diagnostic> {
    let Value::Object(root) = export else {
        return Err(Diagnostic::error("X009", "this is not a Conversation Builder export")
            .with_help("a CB export is a JSON object with `bot`, `conversationMessage`, `groups`, …"));
    };
    let check_file = SourceMap::new().add("", String::new());
    let names = Names::of_export(root);
    let mut r = Raise {
        scripts: Vec::new(),
        used: HashSet::new(),
        targets: targets(root),
        interaction_names: unique_names(&names.interactions),
        dialog_names: unique_names(&names.dialogs),
        names: Rc::new(names),
        check_file,
    };
    let mut items = Vec::new();
    let name = root.get("bot").and_then(|b| b.get("name")).and_then(Value::as_str).unwrap_or("");
    items.push(Item::Comment(Comment::line(format!(
        " Conversation Builder bot {} in the cbot text format (docs/text-format.md).",
        crate::syntax::quote(name)
    ))));
    let layout = dialog_layout(root);
    for (key, value) in root {
        let mut node = match (key.as_str(), &layout) {
            ("conversationMessage", Some(layout)) => node(Kind::FromDialogs(layout.messages_order())),
            ("groups", Some(layout)) => node(Kind::FromDialogs(layout.groups_order.clone())),
            _ => plain_node(value),
        };
        match key.as_str() {
            "globalFunctions" => r.finish_node(&mut node, "scripts/global-functions", Some("methods")),
            "responder" => {
                // Integrations: their transform scripts are named after them.
                if let Kind::List(list) = &mut node.kind {
                    for (item, i) in list.iter_mut().zip(value.as_array().into_iter().flatten()) {
                        let name = i.get("name").and_then(Value::as_str).unwrap_or("integration");
                        if let ListItem::Value(n) = item {
                            r.finish_node(n, &format!("scripts/integrations/{}", slug(name)), None);
                        }
                    }
                } else {
                    r.finish_node(&mut node, "scripts/integrations/integration", None);
                }
            }
            _ => r.finish_node(&mut node, &format!("scripts/{}", slug(key)), None),
        }
        items.push(entry(key, node));
    }
    if let Some(layout) = &layout {
        let groups = root.get("groups").and_then(Value::as_array).into_iter().flatten();
        let groups: Vec<&Map<String, Value>> = groups.filter_map(Value::as_object).collect();
        let messages = root.get("conversationMessage").and_then(Value::as_array).into_iter().flatten();
        let messages: Vec<&Map<String, Value>> = messages.filter_map(Value::as_object).collect();
        // The layout was computed from these same lists (`layout`).
        for &g in &layout.dialogs {
            let members = layout.members.get(g).into_iter().flatten();
            let members: Vec<&Map<String, Value>> = members.filter_map(|&i| messages.get(i).copied()).collect();
            if let Some(group) = groups.get(g) {
                items.push(r.dialog(group, &members));
            }
        }
    }
    Ok((items, r.scripts))
}

/// How interactions map to dialogs, when every interaction belongs to
/// exactly one dialog of `groups` (else the export keeps its flat form),
/// and the order the dialog form writes them in.
struct Layout {
    /// The dialogs (indices into `groups`) in the order written.
    dialogs: Vec<usize>,
    /// Per dialog, the indices of its interactions in the order written.
    members: Vec<Vec<usize>>,
    /// How `groups` is rebuilt from the dialogs.
    groups_order: DialogOrder,
    /// How `conversationMessage` is rebuilt: `None` for the list of dialog
    /// numbers, given per interaction in export order (1 = first written).
    messages_by: Option<DialogOrder>,
    /// Per interaction in export order, its dialog's place in `dialogs`.
    numbers: Vec<usize>,
}

impl Layout {
    fn messages_order(&self) -> DialogOrder {
        match &self.messages_by {
            Some(o) => o.clone(),
            None => DialogOrder::Listed(Box::new(node(Kind::List(
                self.numbers.iter().map(|&d| ListItem::Value(node(Kind::Num((d + 1).into())))).collect(),
            )))),
        }
    }
}

fn dialog_layout(root: &Map<String, Value>) -> Option<Layout> {
    let groups = root.get("groups")?.as_array()?;
    let messages = root.get("conversationMessage")?.as_array()?;
    if groups.is_empty() {
        return None;
    }
    let mut index = HashMap::new();
    for (g, group) in groups.iter().enumerate() {
        let id = group.as_object()?.get("id")?.as_str()?;
        if index.insert(id, g).is_some() {
            return None;
        }
    }
    let mut export_members = vec![Vec::new(); groups.len()];
    let mut group_of = Vec::new();
    for (i, m) in messages.iter().enumerate() {
        let g = *index.get(m.as_object()?.get("group")?.as_str()?)?;
        export_members.get_mut(g)?.push(i);
        group_of.push(g);
    }
    let id = |v: &Value| v.get("id").and_then(Value::as_str).unwrap_or("").to_string();
    // Dialogs: by name when CB's order (by id) can be rebuilt, else as
    // exported.
    let groups_by_id = groups.iter().zip(groups.iter().skip(1)).all(|(a, b)| id(a) <= id(b));
    let mut dialogs: Vec<usize> = (0..groups.len()).collect();
    if groups_by_id {
        let name = |g: usize| groups.get(g).and_then(|g| g.get("name")).and_then(Value::as_str).unwrap_or("");
        dialogs.sort_by(|&a, &b| natural_cmp(name(a), name(b)));
    }
    let groups_order =
        if dialogs.iter().enumerate().all(|(i, &g)| i == g) { DialogOrder::Written } else { DialogOrder::ById };
    // Interactions: in the order of each dialog's flow when the export's
    // order can be rebuilt from it, else in export order.
    let flow: Vec<Vec<usize>> =
        export_members.iter().map(|m| flow_order(m, messages).unwrap_or_else(|| m.clone())).collect();
    let identity: Vec<usize> = (0..messages.len()).collect();
    let written = |members: &[Vec<usize>]| -> Vec<usize> {
        dialogs.iter().flat_map(|&g| members.get(g).into_iter().flatten().copied()).collect()
    };
    let by_id = |members: &[Vec<usize>]| {
        let mut all = written(members);
        all.sort_by_key(|&i| messages.get(i).map(id));
        all
    };
    let (members, messages_by) = if by_id(&flow) == identity {
        (flow, Some(DialogOrder::ById))
    } else if written(&flow) == identity {
        (flow, Some(DialogOrder::Written))
    } else if written(&export_members) == identity {
        (export_members, Some(DialogOrder::Written))
    } else {
        (export_members, None)
    };
    let place: HashMap<usize, usize> = dialogs.iter().enumerate().map(|(p, &g)| (g, p)).collect();
    let numbers = group_of.iter().map(|g| place.get(g).copied().unwrap_or(0)).collect();
    Some(Layout { dialogs, members, groups_order, messages_by, numbers })
}

/// A dialog's interactions in the order of its flow: when they form one
/// chain from the one no other links to, each `nextMessageId` naming the
/// next and its `prevMessageId` naming back.
fn flow_order(members: &[usize], messages: &[Value]) -> Option<Vec<usize>> {
    let s = |i: usize, k: &str| messages.get(i).and_then(|m| m.get(k)).and_then(Value::as_str);
    let by_id: HashMap<&str, usize> = members.iter().filter_map(|&i| Some((s(i, "id")?, i))).collect();
    if by_id.len() != members.len() {
        return None;
    }
    let mut heads = members.iter().filter(|&&i| s(i, "prevMessageId").is_none_or(|p| !by_id.contains_key(p)));
    let (Some(&head), None) = (heads.next(), heads.next()) else { return None };
    let mut order = vec![head];
    let mut at = head;
    while let Some(&next) = s(at, "nextMessageId").and_then(|n| by_id.get(n)) {
        if order.contains(&next) || s(next, "prevMessageId") != s(at, "id") {
            return None;
        }
        order.push(next);
        at = next;
    }
    (order.len() == members.len()).then_some(order)
}

struct Raise {
    scripts: Vec<Script>,
    used: HashSet<String>,
    /// Interaction and dialog ids → how a reader knows them, for comments
    /// beside actions that name them by id.
    targets: HashMap<String, String>,
    names: Rc<Names>,
    /// Ids → the name a rule can give them by: one only they have.
    interaction_names: HashMap<String, String>,
    dialog_names: HashMap<String, String>,
    /// A file id for the lowerings that check a short form.
    check_file: FileId,
}

/// For each id that is the only one with its name, that name (unless it
/// has several such names).
fn unique_names(names: &HashMap<String, Vec<String>>) -> HashMap<String, String> {
    let mut out: HashMap<String, Option<String>> = HashMap::new();
    for (name, ids) in names {
        if let [id] = ids.as_slice() {
            out.entry(id.clone()).and_modify(|n| *n = None).or_insert_with(|| Some(name.clone()));
        }
    }
    out.into_iter().filter_map(|(id, name)| Some((id, name?))).collect()
}

/// What next actions' ids name: `interaction "NAME" in dialog "NAME"`,
/// `dialog "NAME"` (CB-SPEC §2.6: INTERACTION and DIALOG actions carry ids).
fn targets(root: &Map<String, Value>) -> HashMap<String, String> {
    let name = |v: &Value| v.get("name").and_then(Value::as_str).map(crate::syntax::quote);
    let mut out = HashMap::new();
    let mut dialogs = HashMap::new();
    for g in root.get("groups").and_then(Value::as_array).into_iter().flatten() {
        if let (Some(id), Some(n)) = (g.get("id").and_then(Value::as_str), name(g)) {
            dialogs.insert(id.to_string(), n.clone());
            out.insert(id.to_string(), format!("dialog {n}"));
        }
    }
    for m in root.get("conversationMessage").and_then(Value::as_array).into_iter().flatten() {
        if let (Some(id), Some(n)) = (m.get("id").and_then(Value::as_str), name(m)) {
            let d = m.get("group").and_then(Value::as_str).and_then(|g| dialogs.get(g));
            let text = match d {
                Some(d) => format!("interaction {n} in dialog {d}"),
                None => format!("interaction {n}"),
            };
            out.entry(id.to_string()).or_insert(text);
        }
    }
    out
}

impl Raise {
    /// Lowers a candidate with the lowering's own code: the value it gives,
    /// or `None` if the lowering reports anything.
    fn lowered(&self, f: impl FnOnce(&mut Lower<'_, '_>) -> Option<SNode>) -> Option<Value> {
        let mut no_files = |_: &str| Err(std::io::Error::other("candidates hold no script files"));
        let mut l = Lower::new(self.check_file, self.names.clone(), &mut no_files);
        let n = f(&mut l)?;
        (!l.diags.has_errors()).then(|| n.to_value())
    }

    fn gives(&self, original: &Map<String, Value>, f: impl FnOnce(&mut Lower<'_, '_>) -> Option<SNode>) -> bool {
        self.lowered(f).is_some_and(|v| matches!(&v, Value::Object(o) if same_order(o, original)))
    }

    fn dialog(&mut self, group: &Map<String, Value>, members: &[&Map<String, Value>]) -> Item {
        let dialog_slug = slug(group.get("name").and_then(Value::as_str).unwrap_or("dialog"));
        let id = group.get("id").and_then(Value::as_str).unwrap_or("").to_string();
        let mut e = self.standard_dialog(group).unwrap_or_else(|| self.generic_dialog(group));
        let Kind::Block(items) = &mut e.value.kind else { return Item::Entry(e) };
        self.finish(items, &format!("scripts/{dialog_slug}"), None);
        let mut slugs = HashSet::new();
        for (k, m) in members.iter().enumerate() {
            let mut s = slug(m.get("name").and_then(Value::as_str).unwrap_or("interaction"));
            // Two interactions of a dialog may share a name; their scripts may not.
            let base = s.clone();
            let mut n = 1;
            while !slugs.insert(s.clone()) {
                n += 1;
                s = format!("{base}-{n}");
            }
            let id_of =
                |j: Option<usize>| j.and_then(|j| members.get(j)).and_then(|m| m.get("id")).and_then(Value::as_str);
            let place = Place { dialog: Some(&id), prev: id_of(k.checked_sub(1)), next: id_of(Some(k + 1)) };
            let mut i = self.standard_interaction(m, place).unwrap_or_else(|| self.generic_interaction(m, place));
            if let Kind::Block(body) = &mut i.value.kind {
                self.finish(body, &format!("scripts/{dialog_slug}/{s}"), None);
            }
            items.push(Item::Entry(i));
        }
        Item::Entry(e)
    }

    /// A dialog with its kind, leaving out what that implies.
    fn standard_dialog(&self, group: &Map<String, Value>) -> Option<Entry> {
        let word = shape::dialog_word(group.get("dialogType")?.as_str()?)?;
        let label = group.get("name").and_then(Value::as_str);
        let mut implied: Vec<(&str, Value)> = Vec::new();
        if let Some(bot) = &self.names.bot_id {
            implied.push(("chatBotId", Value::String(bot.clone())));
        }
        if let Some(l) = label {
            implied.push(("name", Value::String(l.into())));
        }
        for (k, v) in shape::DIALOG_FIXED {
            implied.push((k, v.value()));
        }
        let build = |drop: &[&str]| -> Entry {
            let items = group
                .iter()
                .filter(|(k, _)| *k != "dialogType" && !drop.contains(&k.as_str()))
                .map(|(k, v)| entry(k, plain_node(v)))
                .collect();
            keyword_entry("dialog", drop.contains(&"name").then(|| label.unwrap_or("")), Some(&word), items)
        };
        let check = |drop: &[&str]| {
            let e = build(drop);
            let Kind::Block(body) = &e.value.kind else { return false };
            self.gives(group, |l| l.dialog_object(&e, body).map(|(n, _)| n))
        };
        self.fewest(group, &implied, check).map(|drop| build(&drop))
    }

    /// Of the keys in `implied` the object holds with the implied value,
    /// the most that can be left out with `check` still giving the object
    /// back: all of them, or as many as can be in CB's order. `None` when
    /// the short form cannot give the object back at all (an implied key
    /// the object lacks would be added).
    fn fewest<'k>(
        &self,
        obj: &Map<String, Value>,
        implied: &[(&'k str, Value)],
        check: impl Fn(&[&'k str]) -> bool,
    ) -> Option<Vec<&'k str>> {
        if implied.iter().any(|(k, _)| !obj.contains_key(*k)) {
            return None;
        }
        let droppable: Vec<&str> =
            implied.iter().filter(|(k, v)| obj.get(*k).is_some_and(|o| strict_eq(o, v))).map(|(k, _)| *k).collect();
        if check(&droppable) {
            return Some(droppable);
        }
        let mut drop = Vec::new();
        if !check(&drop) {
            return None;
        }
        for k in droppable {
            drop.push(k);
            if !check(&drop) {
                drop.pop();
            }
        }
        Some(drop)
    }

    fn generic_dialog(&self, group: &Map<String, Value>) -> Entry {
        let label = group.get("name").and_then(Value::as_str);
        let build = |lift: bool| {
            let items =
                group.iter().filter(|(k, _)| !(lift && *k == "name")).map(|(k, v)| entry(k, plain_node(v))).collect();
            keyword_entry("dialog", if lift { label } else { None }, None, items)
        };
        let lifts = label.is_some() && {
            let e = build(true);
            let Kind::Block(body) = &e.value.kind else { return build(false) };
            self.gives(group, |l| l.dialog_object(&e, body).map(|(n, _)| n))
        };
        build(lifts)
    }

    /// An interaction with its kind, leaving out what that implies.
    fn standard_interaction(&self, m: &Map<String, Value>, place: Place<'_>) -> Option<Entry> {
        let itype = m.get("interactionType")?.as_str()?;
        let word = shape::word_of(itype)?;
        let label = m.get("name").and_then(Value::as_str);
        let message = m.get("content").and_then(|c| self.message(c, itype));
        let rules = m.get("responseMatches").and_then(|r| self.rules(r));
        // What the kind implies, key by key; `content` and `responseMatches`
        // are left out when they have a short form.
        let mut implied: Vec<(&str, Value)> = Vec::new();
        if let Some(bot) = &self.names.bot_id {
            implied.push(("chatBotId", Value::String(bot.clone())));
        }
        if let Some(l) = label {
            implied.push(("name", Value::String(l.into())));
        }
        for (k, v) in shape::INTERACTION_FIXED {
            implied.push((k, v.value()));
        }
        fn here(k: &'static str, v: Option<&str>) -> Option<(&'static str, Value)> {
            v.map(|v| (k, Value::String(v.into())))
        }
        implied.extend(here("group", place.dialog));
        implied.extend(here("nextMessageId", place.next));
        implied.extend(here("prevMessageId", place.prev));
        if shape::asks(itype) {
            implied.push(("changeResponse", shape::enabled()));
            implied.push(("cancelResponse", shape::enabled()));
        }
        for (key, short) in [("content", message.is_some()), ("responseMatches", rules.is_some())] {
            match (short, m.get(key)) {
                (true, Some(v)) => implied.push((key, v.clone())),
                // Without a short form the kind still implies the key (as
                // the empty message, no rules): it must be given.
                (false, None) => return None,
                _ => {}
            }
        }
        implied.sort_by_key(|(k, _)| INTERACTION_KEYS.iter().position(|o| o == k));
        let build = |drop: &[&str]| -> Entry {
            let mut items = Vec::new();
            for (k, v) in m {
                match k.as_str() {
                    "content" if drop.contains(&"content") => items.extend(message.clone().unwrap_or_default()),
                    "interactionType" => {}
                    k if drop.contains(&k) => {}
                    k => items.push(entry(k, plain_node(v))),
                }
            }
            if drop.contains(&"responseMatches") {
                items.extend(rules.clone().unwrap_or_default());
            }
            keyword_entry("interaction", drop.contains(&"name").then(|| label.unwrap_or("")), Some(&word), items)
        };
        let check = |drop: &[&str]| {
            let e = build(drop);
            let Kind::Block(body) = &e.value.kind else { return false };
            self.gives(m, |l| Some(l.interaction(&e, body, place)))
        };
        self.fewest(m, &implied, check).map(|drop| build(&drop))
    }

    fn generic_interaction(&self, m: &Map<String, Value>, place: Place<'_>) -> Entry {
        // The name becomes the label and the group is implied by the dialog
        // when building the export back puts them where they were.
        let name = m.get("name").and_then(Value::as_str);
        let build = |lift: bool, group: bool| {
            let items = m
                .iter()
                .filter(|(k, _)| !((lift && *k == "name") || (group && *k == "group")))
                .map(|(k, v)| entry(k, plain_node(v)))
                .collect();
            keyword_entry("interaction", if lift { name } else { None }, None, items)
        };
        let grouped = m.get("group").and_then(Value::as_str) == place.dialog;
        for (lift, group) in [(true, true), (true, false), (false, true)] {
            if (lift && name.is_none()) || (group && !grouped) {
                continue;
            }
            let e = build(lift, group);
            let Kind::Block(body) = &e.value.kind else { continue };
            if self.gives(m, |l| Some(l.interaction(&e, body, place))) {
                return e;
            }
        }
        build(false, false)
    }

    /// The short form of an interaction's content: the tile's entries, or
    /// `call "INTEGRATION"`.
    fn message(&self, content: &Value, itype: &str) -> Option<Vec<Item>> {
        let c = content.as_object()?;
        let keys: Vec<&str> = c.keys().map(String::as_str).collect();
        match (keys.as_slice(), c.get("contentType").and_then(Value::as_str)) {
            (["contentType", "responderName", "responderId"], Some("DYNAMIC")) => {
                let name = c.get("responderName")?.as_str()?;
                let id = c.get("responderId")?.as_str()?;
                let unique = self.names.integrations.get(name).is_some_and(|ids| ids.as_slice() == [id]);
                unique.then(|| vec![entry("call", node(Kind::Str(name.into())))])
            }
            (["contentType", "results"], Some(content_type)) => {
                // The parts around the tile, where not what CB usually
                // writes.
                let results = c.get("results")?;
                let results_type = results.get("type")?.as_str()?;
                let mut wrapper = Vec::new();
                if content_type != "STATIC" {
                    wrapper.push(("contentType", Value::String(content_type.into())));
                }
                if results_type != itype {
                    wrapper.push(("resultsType", Value::String(results_type.into())));
                }
                if let Some(sample) = results.get("tile")?.get("sampleUserInput") {
                    wrapper.push(("sampleUserInput", sample.clone()));
                }
                let tile = results.get("tile")?.get("tileData")?.as_array()?.first()?.as_object()?;
                if !tile.keys().all(|k| TILE_KEYS.contains(&k.as_str())) {
                    return None;
                }
                let gives = |drop: &[&str]| {
                    let members = tile
                        .iter()
                        .filter(|(k, _)| !drop.contains(&k.as_str()))
                        .map(|(k, v)| Member::new(k, 0..0, snode(v)))
                        .collect();
                    let wrapper = wrapper.iter().map(|(k, v)| Member::new(*k, 0..0, snode(v))).collect();
                    strict_eq(&static_content(members, wrapper, itype, 0..0).to_value(), content)
                };
                let empty: Vec<&str> = TILE_DEFAULTS
                    .into_iter()
                    .filter(|k| tile.get(*k).is_some_and(|v| v.as_array().is_some_and(Vec::is_empty)))
                    .collect();
                let drop = [
                    empty.clone(),
                    vec![],
                    empty.iter().take(1).copied().collect(),
                    empty.iter().skip(1).copied().collect(),
                ]
                .into_iter()
                .find(|d| gives(d))?;
                let wrapper = wrapper.iter().map(|(k, v)| entry(k, plain_node(v)));
                let tile =
                    tile.iter().filter(|(k, _)| !drop.contains(&k.as_str())).map(|(k, v)| entry(k, plain_node(v)));
                Some(wrapper.chain(tile).collect())
            }
            _ => None,
        }
    }

    /// An interaction's rules, each in its short form when it has one.
    fn rules(&self, rules: &Value) -> Option<Vec<Item>> {
        rules
            .as_array()?
            .iter()
            .map(|r| {
                let r = r.as_object()?;
                let short = self.rule(r).filter(|rule| self.gives(r, |l| Some(l.rule(rule))));
                Some(Item::Rule(short.unwrap_or_else(|| Rule {
                    span: 0..0,
                    body: RuleBody::Object(node(Kind::Block(r.iter().map(|(k, v)| entry(k, plain_node(v))).collect()))),
                })))
            })
            .collect()
    }

    /// The short form of a rule, if it is shaped as CB writes rules (the
    /// caller checks that it gives the rule back).
    fn rule(&self, r: &Map<String, Value>) -> Option<Rule> {
        let s = |v: &Value| v.as_str().map(lit);
        let strs = |v: Option<&Value>| -> Option<Vec<Str>> { v?.as_array()?.iter().map(s).collect() };
        let name = match r.get("name") {
            Some(v) => Some(s(v)?),
            None => None,
        };
        let mut clauses = Vec::new();
        for c in r.get("conditions")?.as_array()? {
            let payload = |key: &str| c.get(key);
            let cond = match c.get("matchType")?.as_str()? {
                "PATTERN" => Condition::Pattern {
                    patterns: strs(payload("patternMatch")?.get("patterns"))?,
                    except: strs(payload("patternMatch")?.get("excludeKeywords"))?,
                },
                "REGEX" => Condition::Regex {
                    regex: s(payload("regexMatch")?.get("regexText")?)?,
                    except: strs(payload("regexMatch")?.get("excludeKeywords"))?,
                },
                "EVAL_OPTION" => Condition::Option(s(payload("evaluateOptionMatch")?.get("value")?)?),
                "NO_MATCH" => Condition::NoMatch(s(payload("noMatch")?.get("fallbackMessage")?)?),
                "API_RESULT" => Condition::ApiResult(s(payload("apiResultsMatch")?.get("status")?)?),
                _ => return None,
            };
            clauses.push(ClauseItem::Clause(clause(ClauseKind::When(cond))));
        }
        let mut context = Vec::new();
        for c in r.get("contextConditions")?.as_array()? {
            context.push(ContextCondition {
                name: s(c.get("contextName")?)?,
                operator: lit(&shape::word_of(c.get("matchType")?.as_str()?)?),
                value: s(c.get("value")?)?,
            });
        }
        // `ANY` goes without saying on a rule with conditions, unless
        // several variable conditions make a reader ask.
        let combinator = match r.get("contextMatchConditionType") {
            Some(Value::String(t)) if t == "ANY" && !clauses.is_empty() && context.len() < 2 => None,
            Some(v) => Some(lit(&shape::word_of(v.as_str()?)?)),
            None => None,
        };
        if combinator.is_some() || !context.is_empty() {
            clauses.push(ClauseItem::Clause(clause(ClauseKind::If { combinator, conditions: context })));
        }
        for v in r.get("contextDataVariables")?.as_array()? {
            let scope = match v.get("scope")?.as_str()? {
                "SESSION" => None,
                other => Some(lit(&shape::word_of(other)?)),
            };
            clauses.push(ClauseItem::Clause(clause(ClauseKind::Set {
                name: s(v.get("name")?)?,
                value: s(v.get("value")?)?,
                scope,
            })));
        }
        let action = r.get("action")?;
        let value = action.get("value")?.as_str()?;
        let unique = |names: &HashMap<String, String>| names.get(value).map(|n| lit(n));
        let kind = match (action.get("name")?.as_str()?, value) {
            ("INTERACTION", "next") => TargetKind::Next,
            ("INTERACTION", "none") => TargetKind::End,
            ("INTERACTION", "close_conversation") => TargetKind::CloseConversation,
            ("INTERACTION", "close_dialog") => TargetKind::CloseDialog,
            ("INTERACTION", v) => {
                unique(&self.interaction_names).map_or(TargetKind::InteractionId(lit(v)), TargetKind::Interaction)
            }
            ("DIALOG", v) => unique(&self.dialog_names).map_or(TargetKind::DialogId(lit(v)), TargetKind::Dialog),
            _ => return None,
        };
        Some(Rule { span: 0..0, body: RuleBody::Clauses { name, clauses, target: Target { kind, span: 0..0 } } })
    }

    /// Moves code to script files and names the targets of actions given by
    /// id, in what an object's entries became; `prefix` names its scripts
    /// (`extra` is one more key holding code, written to `prefix.js`).
    fn finish(&mut self, items: &mut Vec<Item>, prefix: &str, extra: Option<&str>) {
        let mut out = Vec::with_capacity(items.len());
        for item in std::mem::take(items) {
            match item {
                Item::Entry(mut e) => {
                    if e.key == "action"
                        && let Kind::Block(b) = &e.value.kind
                        && let Some(target) = entry_str(b, "value").and_then(|id| self.targets.get(id))
                    {
                        out.push(Item::Comment(Comment::line(format!(" → {target}"))));
                    }
                    let suffix = CODE_KEYS.iter().find(|(c, _)| *c == e.key).map(|(_, s)| *s);
                    match (&e.value.kind, suffix, extra == Some(e.key.as_str())) {
                        (Kind::Str(code), Some(_), _) | (Kind::Str(code), _, true) if !code.is_empty() => {
                            let path = match suffix {
                                Some(s) => format!("{prefix}.{s}.js"),
                                None => format!("{prefix}.js"),
                            };
                            let code = code.clone();
                            e.value.kind = Kind::File(self.script(path, &code));
                        }
                        _ => self.finish_node(&mut e.value, &format!("{prefix}-{}", slug(&e.key)), None),
                    }
                    out.push(Item::Entry(e));
                }
                Item::Rule(mut r) => {
                    if let RuleBody::Object(n) = &mut r.body {
                        self.finish_node(n, prefix, None);
                    }
                    out.push(Item::Rule(r));
                }
                other => out.push(other),
            }
        }
        *items = out;
    }

    fn finish_node(&mut self, n: &mut Node, prefix: &str, extra: Option<&str>) {
        match &mut n.kind {
            Kind::Block(items) => self.finish(items, prefix, extra),
            Kind::List(items) => {
                for item in items {
                    if let ListItem::Value(v) = item {
                        self.finish_node(v, prefix, None);
                    }
                }
            }
            _ => {}
        }
    }

    /// Records a script under a unique path and returns the path.
    fn script(&mut self, path: String, text: &str) -> String {
        let stem = path.trim_end_matches(".js").to_string();
        let mut path = path;
        let mut n = 1;
        while !self.used.insert(path.clone()) {
            n += 1;
            path = format!("{stem}-{n}.js");
        }
        self.scripts.push(Script { path: path.clone(), text: text.to_string() });
        path
    }
}

/// A JSON value as a node, every object a block with its keys in order.
fn plain_node(v: &Value) -> Node {
    node(match v {
        Value::Null => Kind::Null,
        Value::Bool(b) => Kind::Bool(*b),
        Value::Number(n) => Kind::Num(n.clone()),
        Value::String(s) => Kind::Str(s.clone()),
        Value::Array(a) => Kind::List(a.iter().map(|x| ListItem::Value(plain_node(x))).collect()),
        Value::Object(o) => Kind::Block(o.iter().map(|(k, v)| entry(k, plain_node(v))).collect()),
    })
}

/// A JSON value as the lowering builds it.
fn snode(v: &Value) -> SNode {
    match v {
        Value::Array(a) => SNode::array(a.iter().map(snode).collect(), 0..0),
        Value::Object(o) => SNode::object(o.iter().map(|(k, v)| Member::new(k, 0..0, snode(v))).collect(), 0..0),
        v => SNode::scalar(v.clone(), 0..0),
    }
}

fn lit(s: &str) -> Str {
    Str { text: s.to_string(), span: 0..0 }
}

fn clause(kind: ClauseKind) -> crate::syntax::Clause {
    crate::syntax::Clause { kind, span: 0..0 }
}

fn keyword_entry(key: &str, label: Option<&str>, kind: Option<&str>, items: Vec<Item>) -> Entry {
    Entry {
        key: key.into(),
        keyword: true,
        key_span: 0..0,
        label: label.map(|l| (l.to_string(), 0..0)),
        kind: kind.map(|k| (k.to_string(), 0..0)),
        value: node(Kind::Block(items)),
    }
}

/// Equal with keys in the same order, all the way down.
pub fn same_order(a: &Map<String, Value>, b: &Map<String, Value>) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|((ka, va), (kb, vb))| ka == kb && strict_eq(va, vb))
}

/// JSON equality that also compares the order of object keys.
pub fn strict_eq(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => same_order(x, y),
        (Value::Array(x), Value::Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(p, q)| strict_eq(p, q)),
        _ => a == b,
    }
}

/// A file-name-safe form of a name: lowercase ASCII letters and digits,
/// runs of anything else as one `-`.
pub fn slug(name: &str) -> String {
    let mut s = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            s.push(c.to_ascii_lowercase());
        } else if !s.ends_with('-') && !s.is_empty() {
            s.push('-');
        }
    }
    let s = s.trim_end_matches('-');
    if s.is_empty() { "unnamed".to_string() } else { s.chars().take(60).collect() }
}

fn node(kind: Kind) -> Node {
    Node { kind, span: 0..0 }
}

fn entry(key: &str, value: Node) -> Item {
    Item::Entry(Entry { key: key.to_string(), keyword: false, key_span: 0..0, label: None, kind: None, value })
}
