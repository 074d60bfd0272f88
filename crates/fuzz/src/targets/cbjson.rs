//! A generator of CB-shaped bot exports (JSON values): dialogs
//! (`groups`), interactions of every type with patterns, rules, jumps
//! (to existing and missing ids), chains, code panels, and odd keys and
//! values mixed in. Shared by the `import` and `text` targets.

use crate::mutate::random_char;
use crate::rng::Rng;
use serde_json::{Map, Value, json};

const TYPES: &[&str] = &[
    "DIALOG_STARTER",
    "TEXT",
    "TEXT_QUESTION",
    "MULTIPLE_CHOICE_QUESTION",
    "BUTTON",
    "BUTTON_QUESTION",
    "UNIVERSAL",
    "API_INTEGRATION",
    "AGENT_TRANSFER",
    "FILE_INTEGRATION",
    "STRUCTURED",
    "QUICK_REPLY",
    "IMAGE",
    "UNKNOWN_TYPE",
];
const ACTIONS: &[&str] = &["INTERACTION", "DIALOG", "END", "NEXT", "INTERACTION", "BOGUS"];
const KEYS: &[&str] = &[
    "dialog",
    "interaction",
    "preProcessMessage",
    "postProcessMessage",
    "group",
    "name",
    "id",
    "from",
    "file",
    "null",
    "true",
    "x-y",
    "_z",
    "key with spaces",
    "é",
    "",
    "slotFilling",
    "delay",
];
const PATTERNS: &[&str] = &["hi", "*(agent|human)*", "(hi|hello)*", "(a|", "a|b", ")", "", "*", "REGEX:^h.*$", "é*"];
const CODE: &[&str] = &[
    "botContext.sendMessage('hi');",
    "var x = botContext.getBotVariable('x');\nif (x) { botContext.setBotVariable('y', x + 1, true, false); }",
    "function f() {\n  return 1;\n}\n",
    "",
    "// only a comment",
    "botContext.printDebugMessage(\"\\u00e9 \\\" quote\");\r\n",
];

/// A random string: sometimes empty, with escapes-needing characters.
pub fn string(rng: &mut Rng) -> String {
    match rng.below(6) {
        0 => String::new(),
        1 => (0..rng.range(1, 8)).map(|_| random_char(rng)).collect(),
        2 => rng.pick(KEYS, "k").to_string(),
        _ => {
            rng.pick(&["Welcome", "hello there", "1 Welcome", "Fallback", "a/b", "..", "scripts", "x"], "x").to_string()
        }
    }
}

/// A random JSON value, `depth` levels deep at most.
pub fn value(rng: &mut Rng, depth: usize) -> Value {
    match rng.below(if depth == 0 { 6 } else { 8 }) {
        0 => Value::Null,
        1 => Value::Bool(rng.chance(1, 2)),
        2 => match rng.below(5) {
            0 => json!(rng.next_u64() as i64),
            1 => json!(rng.next_u64()),
            2 => json!(f64::from(rng.below(2000) as u32) / 8.0 - 100.0),
            3 => json!(1e300),
            _ => json!(rng.below(10)),
        },
        3..=5 => Value::String(string(rng)),
        6 => Value::Array((0..rng.range(0, 3)).map(|_| value(rng, depth - 1)).collect()),
        _ => {
            let mut m = Map::new();
            for _ in 0..rng.range(0, 3) {
                m.insert(string(rng), value(rng, depth - 1));
            }
            Value::Object(m)
        }
    }
}

fn extra(rng: &mut Rng, m: &mut Map<String, Value>) {
    for _ in 0..rng.small(2) {
        let k = if rng.chance(1, 2) { rng.pick(KEYS, "k").to_string() } else { string(rng) };
        if !m.contains_key(&k) {
            m.insert(k, value(rng, 2));
        }
    }
}

/// A CB export.
pub fn bot(rng: &mut Rng) -> Value {
    let groups = rng.range(0, 3);
    let messages = rng.range(0, 6);
    let id = |rng: &mut Rng, prefix: &str, n: usize| -> Value {
        // Mostly existing ids, sometimes missing or of the wrong type.
        match rng.below(12) {
            0 => json!("missing"),
            1 => json!(7),
            2 => Value::Null,
            _ => json!(format!("{prefix}{}", rng.below(n.max(1)))),
        }
    };
    let mut root = Map::new();
    root.insert("bot".into(), json!({"id": "b", "name": string(rng), "version": "2"}));
    root.insert("responder".into(), json!([]));
    let group_values: Vec<Value> = (0..groups)
        .map(|i| {
            let mut g = Map::new();
            g.insert("id".into(), json!(format!("g{i}")));
            g.insert("name".into(), json!(string(rng)));
            g.insert("dialogType".into(), json!(rng.pick(&["DIALOG", "FALLBACK_DIALOG", "OTHER"], "DIALOG")));
            extra(rng, &mut g);
            Value::Object(g)
        })
        .collect();
    let message_values: Vec<Value> = (0..messages)
        .map(|i| {
            let mut m = Map::new();
            m.insert("id".into(), json!(format!("m{}", if rng.chance(1, 10) { 0 } else { i })));
            m.insert("name".into(), json!(string(rng)));
            m.insert("group".into(), id(rng, "g", groups));
            let kind = rng.pick(TYPES, "TEXT");
            m.insert("interactionType".into(), json!(kind));
            if kind == "DIALOG_STARTER" || rng.chance(1, 8) {
                let ps: Vec<Value> = (0..rng.range(0, 3)).map(|_| json!(rng.pick(PATTERNS, "hi"))).collect();
                m.insert("pattern".into(), Value::Array(ps));
            }
            if rng.chance(1, 2) {
                m.insert("nextMessageId".into(), id(rng, "m", messages));
            }
            if rng.chance(1, 3) {
                m.insert("prevMessageId".into(), id(rng, "m", messages));
            }
            if rng.chance(1, 3) {
                m.insert(rng.pick(&["preProcessMessage", "postProcessMessage", "processUserResponse"], "preProcessMessage").into(), json!(rng.pick(CODE, "")));
            }
            let rules: Vec<Value> = (0..rng.range(0, 2))
                .map(|_| {
                    let action = rng.pick(ACTIONS, "INTERACTION");
                    let target = if action == "DIALOG" { id(rng, "g", groups) } else { id(rng, "m", messages) };
                    let mut r = Map::new();
                    r.insert("conditions".into(), json!([]));
                    r.insert("action".into(), json!({"name": action, "value": target}));
                    extra(rng, &mut r);
                    Value::Object(r)
                })
                .collect();
            m.insert("responseMatches".into(), Value::Array(rules));
            if rng.chance(1, 2) {
                m.insert(
                    "content".into(),
                    json!({"contentType": "STATIC", "results": {"type": kind, "tile": {"tileData": [{"text": string(rng), "buttons": []}]}}}),
                );
            }
            extra(rng, &mut m);
            Value::Object(m)
        })
        .collect();
    // Sometimes the dialogs come after the interactions, as in some exports.
    if rng.chance(1, 2) {
        root.insert("groups".into(), Value::Array(group_values));
        root.insert("conversationMessage".into(), Value::Array(message_values));
    } else {
        root.insert("conversationMessage".into(), Value::Array(message_values));
        root.insert("groups".into(), Value::Array(group_values));
    }
    if rng.chance(1, 2) {
        root.insert("menus".into(), json!([]));
    }
    extra(rng, &mut root);
    Value::Object(root)
}
