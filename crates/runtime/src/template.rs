//! `{$botContext.x}` and friends (CB-SPEC §5).
//!
//! Only CB's forms are substituted; any other `{…}` (Universal JSON is full
//! of braces) is left as it is. A form whose value is missing renders as
//! the empty string and is reported back to the caller (CB-SPEC §5.3 leaves
//! this open; empty is what a user would see least of, and the turn trace
//! names the missing value).

use crate::context::ScriptEnv;
use cbot_host::{Value, number_to_string};

/// A value as template text: strings as they are, numbers as JavaScript
/// prints them, objects and arrays as JSON, null/undefined as nothing.
pub fn text_of(v: &Value) -> String {
    match v {
        Value::String(s) => String::from(&**s),
        Value::Undefined | Value::Null => String::new(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => number_to_string(*n),
        other => other.to_json().to_string(),
    }
}

/// How much the values substituted into one template may add to it: as
/// much as a script's heap quota (16 MiB), so the longest value a script
/// can make fits, but a template that names a long value 100,000 times
/// cannot ask for gigabytes. Past it, the remaining forms render empty and
/// the turn reports an error (`Conversation::render`).
pub const MAX_TEMPLATE_GROWTH: usize = 16 << 20;

/// Renders `text`; names of missing values go to `missing`.
pub(crate) fn render(text: &str, env: &ScriptEnv, missing: &mut Vec<String>) -> String {
    render_bounded(text, env, missing).0
}

/// [`render`], and whether the values stopped at [`MAX_TEMPLATE_GROWTH`].
/// A value is substituted as it is, never rendered again (a variable whose
/// value holds `{$botContext.x}` shows those characters).
pub(crate) fn render_bounded(text: &str, env: &ScriptEnv, missing: &mut Vec<String>) -> (String, bool) {
    if !text.contains('{') {
        return (text.to_string(), false);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    let mut added = 0usize;
    let mut full = false;
    let mut parsed = Parsed::new();
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let close = after.find(['}', '{', '\n']).filter(|&c| after.as_bytes().get(c) == Some(&b'}'));
        let Some(close) = close else {
            out.push('{');
            rest = after;
            continue;
        };
        let inner = &after[..close];
        // Once full, CB's forms (`{$…}`) are not even looked up.
        let looked =
            if full && inner.starts_with('$') { Lookup::Value(String::new()) } else { lookup(inner, env, &mut parsed) };
        match looked {
            Lookup::Value(v) if added + v.len() > MAX_TEMPLATE_GROWTH => full = true,
            Lookup::Value(v) => {
                added += v.len();
                out.push_str(&v);
            }
            Lookup::Missing => missing.push(inner.to_string()),
            Lookup::NotATemplate => {
                out.push('{');
                out.push_str(inner);
                out.push('}');
            }
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    (out, full)
}

/// Integration responses parsed for one rendering, by variable: a template
/// naming `{$.api_X.…}` many times parses the response once.
pub(crate) type Parsed = std::collections::HashMap<String, Option<serde_json::Value>>;

enum Lookup {
    Value(String),
    Missing,
    NotATemplate,
}

fn found(v: Option<&Value>) -> Lookup {
    match v {
        Some(v) if !matches!(v, Value::Null | Value::Undefined) => Lookup::Value(text_of(v)),
        _ => Lookup::Missing,
    }
}

fn lookup(inner: &str, env: &ScriptEnv, parsed: &mut Parsed) -> Lookup {
    let info = &env.info;
    if let Some(name) = inner.strip_prefix("$botContext.") {
        return found(env.var(name));
    }
    if let Some(name) = inner.strip_prefix("$env.") {
        return found(info.env.get(name));
    }
    if let Some(path) = inner.strip_prefix("$.") {
        return match json_path_in(path, env, parsed) {
            Some(values) if !values.is_empty() => {
                Lookup::Value(values.iter().map(|v| json_text(v)).collect::<Vec<_>>().join(", "))
            }
            _ => Lookup::Missing,
        };
    }
    let text = |s: &str| if s.is_empty() { Lookup::Missing } else { Lookup::Value(s.to_string()) };
    match inner {
        "$userMessage" | "$query" => Lookup::Value(env.user_message.clone()),
        "$quickReplyPayload" => found(Some(&env.quick_reply_payload)),
        "$conversationId" => text(&info.conversation_id),
        "$chatBotId" => text(&info.chat_bot_id),
        "$chatBotUserId" | "$chatBotUserPlatformId" => text(&info.user_platform_id),
        _ => {
            // `{RDV.field}`: a custom data field of an integration result.
            let is_field = inner.split_once('.').is_some_and(|(rdv, field)| {
                !rdv.is_empty()
                    && !field.is_empty()
                    && rdv.chars().all(|c| c.is_alphanumeric() || c == '_')
                    && !rdv.starts_with(|c: char| c.is_ascii_digit())
            });
            if is_field && env.vars.contains_key(&format!("api_{}", inner.split('.').next().unwrap_or(""))) {
                found(env.var(inner))
            } else {
                Lookup::NotATemplate
            }
        }
    }
}

fn json_text(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Null => String::new(),
        other => other.to_string(),
    }
}

/// `api_X.a.b[0].c` or `api_X.items[i].name` over the stored response of
/// integration X (its `jsonData`, CB-SPEC §6.2). `[i]` iterates.
pub(crate) fn json_path(path: &str, env: &ScriptEnv, parsed: &mut Parsed) -> Option<Vec<serde_json::Value>> {
    Some(json_path_in(path, env, parsed)?.into_iter().cloned().collect())
}

/// [`json_path`] without copies: the values found inside the parsed
/// response (a path into a big response, many times, copies nothing).
fn json_path_in<'p>(path: &str, env: &ScriptEnv, parsed: &'p mut Parsed) -> Option<Vec<&'p serde_json::Value>> {
    let (root, rest) = match path.find(['.', '[']) {
        Some(k) => (&path[..k], &path[k..]),
        None => (path, ""),
    };
    let data = parsed
        .entry(root.to_string())
        .or_insert_with(|| {
            let data = match env.var(root)? {
                Value::Object(props) => props.iter().find(|p| p.0 == "jsonData").map(|p| &p.1)?,
                _ => return None,
            };
            let Value::String(json) = data else { return None };
            serde_json::from_str(json).ok()
        })
        .as_ref()?;
    let start = data.get(root)?;
    let mut current = vec![start];
    let mut rest = rest;
    while !rest.is_empty() {
        let (step, tail) = if let Some(r) = rest.strip_prefix('.') {
            let end = r.find(['.', '[']).unwrap_or(r.len());
            (Step::Key(&r[..end]), &r[end..])
        } else if let Some(r) = rest.strip_prefix('[') {
            let end = r.find(']')?;
            let idx = &r[..end];
            let step = if idx == "i" { Step::Each } else { Step::Index(idx.parse().ok()?) };
            (step, &r[end + 1..])
        } else {
            return None;
        };
        current = current
            .into_iter()
            .flat_map(|v| match step {
                Step::Key(k) => v.get(k).into_iter().collect::<Vec<_>>(),
                Step::Index(i) => v.get(i).into_iter().collect(),
                Step::Each => v.as_array().map(|a| a.iter().collect()).unwrap_or_default(),
            })
            .collect();
        rest = tail;
    }
    Some(current)
}

#[derive(Clone, Copy)]
enum Step<'a> {
    Key(&'a str),
    Index(usize),
    Each,
}
