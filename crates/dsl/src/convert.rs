//! Between a CB export (JSON) and the syntax tree: `raise` writes the tree
//! for an export, `lower` builds the export back from a tree.
//!
//! The mapping is lossless by construction: every JSON object becomes a
//! block with its keys in their order, so fields cbot does not model travel
//! unchanged. On top of that generic form sit a few rewrites for reading:
//!
//! - the flat `conversationMessage` list is split into the dialogs of
//!   `groups` (`dialog "NAME" { … interaction "NAME" { … } }`), the list's
//!   order kept as dialog numbers after `conversationMessage from dialogs`
//!   when it is not simply dialog by dialog;
//! - a dialog's and an interaction's `name` become the block's label, and
//!   an interaction's `group` is implied by its dialog;
//! - code (pre-/post-process code, process-user-response code, global
//!   functions, integration transforms) goes to `scripts/…js` files.
//!
//! A rewrite is applied only when building the export back gives exactly
//! the original, keys in the same places (checked here for each object),
//! so an odd export falls back to the generic form rather than changing.

use crate::syntax::{Comment, Entry, Item, Kind, ListItem, Node};
use cbot_diag::{Diagnostic, Diagnostics, FileId, Span};
use serde_json::{Map, Value};
use std::collections::{HashMap, HashSet};
use std::ops::Range;

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

/// Where `name` goes back into an interaction: CB exports it fourth (after
/// id, chatBotId, userInputRequired).
const INTERACTION_NAME_AT: usize = 3;
/// Where `name` goes back into a dialog (after chatBotId and id).
const DIALOG_NAME_AT: usize = 2;

// ---------------------------------------------------------------------------
// JSON → tree

/// Builds the syntax tree and scripts for a CB export.
pub fn raise(export: &Value) -> Result<(Vec<Item>, Vec<Script>), Diagnostic> {
    let Value::Object(root) = export else {
        return Err(Diagnostic::error("X009", "this is not a Conversation Builder export")
            .with_help("a CB export is a JSON object with `bot`, `conversationMessage`, `groups`, …"));
    };
    let mut r = Raise { scripts: Vec::new(), used: HashSet::new(), targets: targets(root) };
    let mut items = Vec::new();
    let name = root.get("bot").and_then(|b| b.get("name")).and_then(Value::as_str).unwrap_or("");
    items.push(Item::Comment(Comment::line(format!(
        " Conversation Builder bot {} in the cbot text format (docs/text-format.md).",
        crate::syntax::quote(name)
    ))));
    let dialogs = dialog_layout(root);
    for (key, value) in root {
        match (key.as_str(), &dialogs) {
            ("conversationMessage", Some(layout)) => {
                let order = (!layout.order.is_sorted()).then(|| {
                    Box::new(node(Kind::List(
                        layout.order.iter().map(|&d| ListItem::Value(node(Kind::Num((d + 1).into())))).collect(),
                    )))
                });
                items.push(entry(key, node(Kind::FromDialogs(order))));
            }
            ("groups", Some(layout)) => {
                let groups = value.as_array().expect("checked by dialog_layout");
                for (g, group) in groups.iter().enumerate() {
                    let interactions = layout.members[g].iter().map(|&i| &root["conversationMessage"][i]);
                    items.push(r.dialog(group.as_object().expect("checked"), interactions));
                }
            }
            ("globalFunctions", _) => {
                let v = r.value(value, "scripts/global-functions", Some("methods"));
                items.push(entry(key, v));
            }
            ("responder", _) => {
                // Integrations: their transform scripts are named after them.
                let v = match value {
                    Value::Array(list) => node(Kind::List(
                        list.iter()
                            .map(|i| {
                                let name = i.get("name").and_then(Value::as_str).unwrap_or("integration");
                                ListItem::Value(r.value(i, &format!("scripts/integrations/{}", slug(name)), None))
                            })
                            .collect(),
                    )),
                    v => r.value(v, "scripts/integrations/integration", None),
                };
                items.push(entry(key, v));
            }
            _ => {
                let v = r.value(value, &format!("scripts/{}", slug(key)), None);
                items.push(entry(key, v));
            }
        }
    }
    Ok((items, r.scripts))
}

/// How interactions map to dialogs, when every interaction belongs to
/// exactly one dialog of `groups` (else the export keeps its flat form).
struct Layout {
    /// Per dialog, the indices of its interactions in export order.
    members: Vec<Vec<usize>>,
    /// Per interaction in export order, its dialog's index.
    order: Vec<usize>,
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
    let mut members = vec![Vec::new(); groups.len()];
    let mut order = Vec::new();
    for (i, m) in messages.iter().enumerate() {
        let g = *index.get(m.as_object()?.get("group")?.as_str()?)?;
        members[g].push(i);
        order.push(g);
    }
    Some(Layout { members, order })
}

struct Raise {
    scripts: Vec<Script>,
    used: HashSet<String>,
    /// Interaction and dialog ids → how a reader knows them.
    targets: HashMap<String, String>,
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
    fn dialog<'a>(&mut self, group: &Map<String, Value>, interactions: impl Iterator<Item = &'a Value>) -> Item {
        let dialog_slug = slug(group.get("name").and_then(Value::as_str).unwrap_or("dialog"));
        let id = group["id"].as_str().expect("checked by dialog_layout").to_string();
        let (fields, label) = lift_name(group, restore_dialog);
        let mut items = self.fields(&fields, &format!("scripts/{dialog_slug}"), None);
        let mut slugs = HashSet::new();
        for i in interactions {
            let i = i.as_object().expect("checked by dialog_layout");
            let mut s = slug(i.get("name").and_then(Value::as_str).unwrap_or("interaction"));
            // Two interactions of a dialog may share a name; their scripts may not.
            let base = s.clone();
            let mut n = 1;
            while !slugs.insert(s.clone()) {
                n += 1;
                s = format!("{base}-{n}");
            }
            items.push(self.interaction(i, &id, &format!("scripts/{dialog_slug}/{s}")));
        }
        Item::Entry(Entry {
            key: "dialog".into(),
            keyword: true,
            key_span: 0..0,
            label: label.map(|l| (l, 0..0)),
            value: node(Kind::Block(items)),
        })
    }

    fn interaction(&mut self, i: &Map<String, Value>, group: &str, prefix: &str) -> Item {
        // The name becomes the label and the group is implied by the dialog
        // when building the export back puts them where they were.
        let name = i.get("name").and_then(Value::as_str);
        let implied = (i.get("group").and_then(Value::as_str) == Some(group)).then_some(group);
        let (fields, label) = [(name, implied), (name, None), (None, implied), (None, None)]
            .into_iter()
            .find_map(|(name, group)| {
                let mut rest = i.clone();
                if name.is_some() {
                    rest.shift_remove("name");
                }
                if group.is_some() {
                    rest.shift_remove("group");
                }
                same_order(&restore_interaction(&rest, name, group), i).then(|| (rest, name.map(str::to_string)))
            })
            .expect("taking nothing out restores the original");
        let items = self.fields(&fields, prefix, None);
        Item::Entry(Entry {
            key: "interaction".into(),
            keyword: true,
            key_span: 0..0,
            label: label.map(|l| (l, 0..0)),
            value: node(Kind::Block(items)),
        })
    }

    /// An object's entries, code keys as script files named `prefix.SUFFIX.js`
    /// (`extra` names one more code key, written to `prefix.js`).
    fn fields(&mut self, obj: &Map<String, Value>, prefix: &str, extra: Option<&str>) -> Vec<Item> {
        let mut items = Vec::new();
        for (k, v) in obj {
            // A next action names its target by id; say which it is.
            if k == "action"
                && let Some(target) = v.get("value").and_then(Value::as_str).and_then(|id| self.targets.get(id))
            {
                items.push(Item::Comment(Comment::line(format!(" → {target}"))));
            }
            items.push({
                let suffix = CODE_KEYS.iter().find(|(c, _)| c == k).map(|(_, s)| *s);
                let value = match (v, suffix, extra == Some(k.as_str())) {
                    (Value::String(code), Some(_), _) | (Value::String(code), _, true) if !code.is_empty() => {
                        let path = match suffix {
                            Some(s) => format!("{prefix}.{s}.js"),
                            None => format!("{prefix}.js"),
                        };
                        node(Kind::File(self.script(path, code)))
                    }
                    _ => self.value(v, &format!("{prefix}-{}", slug(k)), None),
                };
                entry(k, value)
            });
        }
        items
    }

    fn value(&mut self, v: &Value, prefix: &str, extra: Option<&str>) -> Node {
        node(match v {
            Value::Null => Kind::Null,
            Value::Bool(b) => Kind::Bool(*b),
            Value::Number(n) => Kind::Num(n.clone()),
            Value::String(s) => Kind::Str(s.clone()),
            Value::Array(a) => Kind::List(a.iter().map(|x| ListItem::Value(self.value(x, prefix, None))).collect()),
            Value::Object(o) => Kind::Block(self.fields(o, prefix, extra)),
        })
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

/// Takes `name` out of an object for the label when `restore` puts it back
/// where it was.
fn lift_name(
    obj: &Map<String, Value>,
    restore: impl Fn(&Map<String, Value>, &str) -> Map<String, Value>,
) -> (Map<String, Value>, Option<String>) {
    if let Some(Value::String(name)) = obj.get("name") {
        let mut without = obj.clone();
        without.shift_remove("name");
        if same_order(&restore(&without, name), obj) {
            return (without, Some(name.clone()));
        }
    }
    (obj.clone(), None)
}

fn restore_dialog(m: &Map<String, Value>, name: &str) -> Map<String, Value> {
    let mut m = m.clone();
    insert_at(&mut m, DIALOG_NAME_AT, "name", Value::String(name.into()));
    m
}

/// Puts an interaction's implied `group` back (before `status`, where CB
/// exports it), then its label as `name`.
fn restore_interaction(m: &Map<String, Value>, name: Option<&str>, group: Option<&str>) -> Map<String, Value> {
    let mut m = m.clone();
    if let Some(group) = group {
        let at = m.keys().position(|k| k == "status").unwrap_or(m.len());
        insert_at(&mut m, at, "group", Value::String(group.into()));
    }
    if let Some(name) = name {
        insert_at(&mut m, INTERACTION_NAME_AT, "name", Value::String(name.into()));
    }
    m
}

fn insert_at(m: &mut Map<String, Value>, at: usize, key: &str, value: Value) {
    // A key given twice (reported as X002) must not move an index past the end.
    m.shift_remove(key);
    m.shift_insert(at.min(m.len()), key.to_string(), value);
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
    Item::Entry(Entry { key: key.to_string(), keyword: false, key_span: 0..0, label: None, value })
}

// ---------------------------------------------------------------------------
// tree → JSON

/// Reads a script file named in the text (a path relative to `bot.cbot`).
pub type ReadScript<'a> = dyn FnMut(&str) -> std::io::Result<String> + 'a;

/// Builds the CB export for a syntax tree; every problem is reported.
pub fn lower(file: FileId, items: &[Item], read: &mut ReadScript<'_>) -> Result<Value, Diagnostics> {
    let mut l = Lower { file, diags: Diagnostics::new(), read };
    let v = l.root(items);
    if l.diags.has_errors() { Err(l.diags) } else { Ok(v) }
}

struct Lower<'r, 'a> {
    file: FileId,
    diags: Diagnostics,
    read: &'r mut ReadScript<'a>,
}

/// `conversationMessage from dialogs [order]`: the dialog numbers with
/// their spans (when there is a list), and the span of the value.
type Order = (Option<Vec<(usize, Range<usize>)>>, Range<usize>);

/// A dialog read from the text: its group object and its interactions.
struct Dialog {
    group: Map<String, Value>,
    interactions: Vec<Value>,
}

impl Lower<'_, '_> {
    fn span(&self, r: &Range<usize>) -> Span {
        Span::new(self.file, r.clone())
    }

    fn root(&mut self, items: &[Item]) -> Value {
        let mut fields: Vec<(String, Value)> = Vec::new();
        let mut seen: HashMap<String, Range<usize>> = HashMap::new();
        let mut dialogs: Vec<Dialog> = Vec::new();
        let mut order: Option<Order> = None;
        let mut groups_at = None;
        for e in entries(items) {
            if e.keyword && e.key == "dialog" {
                if let Kind::Block(body) = &e.value.kind {
                    groups_at.get_or_insert(fields.len());
                    if let Some(d) = self.dialog(e, body) {
                        dialogs.push(d);
                    }
                } else {
                    self.misplaced(e, "a dialog is `dialog \"NAME\" { … }`");
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
            self.no_label(e);
            if !self.unique(&mut seen, e) {
                continue;
            }
            if let Kind::FromDialogs(list) = &e.value.kind {
                if e.key != "conversationMessage" {
                    self.misplaced(e, "`from dialogs` is the value of `conversationMessage` only");
                    continue;
                }
                order = Some((list.as_deref().map(|l| self.order(l)), e.value.span.clone()));
                fields.push((e.key.clone(), Value::Null)); // filled below
                continue;
            }
            let v = self.value(&e.value);
            fields.push((e.key.clone(), v));
        }
        if let Some(at) = groups_at {
            if order.is_none()
                && let Some(r) = seen.get("conversationMessage")
            {
                self.diags.push(
                    Diagnostic::error("X002", "`conversationMessage` is given twice")
                        .with_label(self.span(r), "the dialogs already give the interactions")
                        .with_help("write `conversationMessage from dialogs`, or remove this entry"),
                );
            }
            if let Some(r) = seen.get("groups") {
                self.diags.push(
                    Diagnostic::error("X002", "`groups` is given twice")
                        .with_label(self.span(r), "the dialogs already give `groups`")
                        .with_help("remove this entry, or write the dialogs as entries of it"),
                );
            }
            let messages = self.messages(&mut dialogs, order.as_ref());
            let groups = dialogs.into_iter().map(|d| Value::Object(d.group)).collect();
            fields.insert(at, ("groups".into(), Value::Array(groups)));
            match fields.iter_mut().find(|(k, v)| k == "conversationMessage" && v.is_null()) {
                Some(slot) if order.is_some() => slot.1 = messages,
                _ => fields.insert(at, ("conversationMessage".into(), messages)),
            }
        } else if let Some((_, span)) = &order {
            let span = self.span(span);
            self.diags.push(
                Diagnostic::error("X006", "`from dialogs` but there are no dialogs")
                    .with_label(span, "no `dialog` entry follows")
                    .with_help("add `dialog \"NAME\" { … }` entries, or give the interactions as a list"),
            );
        }
        Value::Object(fields.into_iter().collect())
    }

    /// The export's interaction list: dialog by dialog, or in the order
    /// given after `from dialogs`.
    fn messages(&mut self, dialogs: &mut [Dialog], order: Option<&Order>) -> Value {
        let Some((Some(order), span)) = order else {
            return Value::Array(dialogs.iter_mut().flat_map(|d| std::mem::take(&mut d.interactions)).collect());
        };
        let mut queues: Vec<std::collections::VecDeque<Value>> =
            dialogs.iter_mut().map(|d| std::mem::take(&mut d.interactions).into()).collect();
        let mut out = Vec::new();
        for (d, r) in order {
            match d.checked_sub(1).and_then(|d| queues.get_mut(d)) {
                Some(q) => match q.pop_front() {
                    Some(i) => out.push(i),
                    None => {
                        let s = self.span(r);
                        self.diags.push(
                            Diagnostic::error("X006", format!("dialog {d} has fewer interactions than the order says"))
                                .with_label(s, "one too many")
                                .with_help(ORDER_HELP),
                        );
                    }
                },
                None => {
                    let s = self.span(r);
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
        Value::Array(out)
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
        let mut fields = Map::new();
        let mut seen = HashMap::new();
        let mut interactions = Vec::new();
        let mut pending = Vec::new();
        for f in entries(body) {
            if f.keyword && f.key == "interaction" {
                match &f.value.kind {
                    Kind::Block(b) => pending.push((f, b)),
                    _ => self.misplaced(f, "an interaction is `interaction \"NAME\" { … }`"),
                }
                continue;
            }
            if f.keyword {
                self.misplaced(f, "dialogs do not nest");
                continue;
            }
            self.no_label(f);
            if self.unique(&mut seen, f) {
                let v = self.value(&f.value);
                fields.insert(f.key.clone(), v);
            }
        }
        let Some(id) = fields.get("id").and_then(Value::as_str).map(str::to_string) else {
            let s = self.span(&e.key_span);
            self.diags.push(
                Diagnostic::error("X007", "this dialog has no `id`")
                    .with_label(s, "needs `id \"…\"`")
                    .with_help("interactions name their dialog by its id; give the dialog a unique `id` string"),
            );
            return None;
        };
        if let Some((name, _)) = &e.label {
            if let Some(r) = seen.get("name") {
                self.twice(r, "name");
            }
            fields = restore_dialog(&fields, name);
        }
        for (f, b) in pending {
            interactions.push(self.interaction(f, b, &id));
        }
        Some(Dialog { group: fields, interactions })
    }

    fn interaction(&mut self, e: &Entry, body: &[Item], group: &str) -> Value {
        let fields = self.object(body);
        let name = e.label.as_ref().map(|(n, _)| n.as_str());
        if name.is_some()
            && let Some(f) = entries(body).find(|f| f.key == "name")
        {
            let r = f.key_span.clone();
            self.twice(&r, "name");
        }
        let group = (!fields.contains_key("group")).then_some(group);
        Value::Object(restore_interaction(&fields, name, group))
    }

    fn object(&mut self, body: &[Item]) -> Map<String, Value> {
        let mut fields = Map::new();
        let mut seen = HashMap::new();
        for f in entries(body) {
            if f.label.is_some() {
                self.misplaced(f, "only `dialog` and `interaction` take a name before `{`");
                continue;
            }
            if self.unique(&mut seen, f) {
                let v = self.value(&f.value);
                fields.insert(f.key.clone(), v);
            }
        }
        fields
    }

    fn value(&mut self, n: &Node) -> Value {
        match &n.kind {
            Kind::Str(s) => Value::String(s.clone()),
            Kind::Num(x) => Value::Number(x.clone()),
            Kind::Bool(b) => Value::Bool(*b),
            Kind::Null => Value::Null,
            Kind::File(path) => Value::String(self.script(path, &n.span)),
            Kind::FromDialogs(_) => {
                let s = self.span(&n.span);
                self.diags.push(
                    Diagnostic::error("X003", "`from dialogs` cannot be used here")
                        .with_label(s, "only `conversationMessage` at the top takes it")
                        .with_help("write the value itself"),
                );
                Value::Null
            }
            Kind::Block(items) => Value::Object(self.object(items)),
            Kind::List(items) => Value::Array(list_values(items).map(|x| self.value(x)).collect()),
        }
    }

    fn script(&mut self, path: &str, span: &Range<usize>) -> String {
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
            return String::new();
        }
        match (self.read)(path) {
            Ok(text) => text,
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
                String::new()
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

    fn no_label(&mut self, e: &Entry) {
        if e.label.is_some() {
            self.misplaced(e, "only `dialog` and `interaction` take a name before `{`");
        }
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
}

const ORDER_HELP: &str = "after `conversationMessage from dialogs`, the list gives each interaction's \
     dialog number (1 = the first dialog) in the export's order; remove the list to go dialog by dialog";

fn entries(items: &[Item]) -> impl Iterator<Item = &Entry> {
    items.iter().filter_map(|i| match i {
        Item::Entry(e) => Some(e),
        _ => None,
    })
}

fn list_values(items: &[ListItem]) -> impl Iterator<Item = &Node> {
    items.iter().filter_map(|i| match i {
        ListItem::Value(n) => Some(n),
        _ => None,
    })
}
