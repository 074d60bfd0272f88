//! `text`: the cbot text format (cbot-dsl): its pest parser, the printer
//! (`cbot fmt`) and the conversion to and from CB JSON.
//!
//! Inputs: the project's `.cbot` files and the text of small bots
//! (tests/data/bots, converted at start-up), mutated with the format's
//! tokens; documents generated from the grammar (entries, labels, blocks,
//! lists, strings with escapes, numbers, keywords, `file` references,
//! `from dialogs`, comments, nesting near the depth limit); and generated
//! CB exports converted to text.
//!
//! Checks: no panic; diagnostics inside the file; what parses formats to
//! a fixed point (formatting formatted text changes nothing); and for text
//! that converts to JSON `J`: `to_text(J)` is formatted, converts back to
//! exactly `J` (keys in order, `strict_eq`), and converts to the same text
//! again — the round trip tests/all/dsl.rs asserts on the sample exports.

use crate::mutate::mutate_text;
use crate::rng::Rng;
use crate::targets::{Seeded, cbjson, check_diagnostics};
use crate::{Env, Finding, Worker};
use cbot_diag::SourceMap;
use cbot_dsl::{Script, strict_eq};
use serde_json::Value;
use std::sync::Arc;

const DICT: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    "\"",
    "\\",
    "\\u",
    "\\ud800",
    "#",
    "\n",
    ",",
    " ",
    "dialog ",
    "interaction ",
    "file ",
    "\"scripts/a.js\"",
    "from dialogs",
    "from dialogs [1 2]",
    "true",
    "false",
    "null",
    "-0",
    "1e400",
    "0.5",
    "12345678901234567890",
    "\"x\"",
    "name ",
    "id ",
    "preProcessMessage ",
    "conversationMessage ",
    "groups ",
];

const BUILTIN: &str = "# A small bot.\nbot { id \"b\" name \"demo\" }\nresponder []\ngroups from dialogs\n\
dialog \"Welcome\" {\n  id \"g1\"\n  dialogType \"DIALOG\"\n  interaction \"start\" {\n    id \"i1\"\n    \
interactionType \"DIALOG_STARTER\"\n    pattern [\"hi\" \"hello*\"]\n    preProcessMessage file \"scripts/start.js\"\n  }\n}\n";

/// The target, its seeds read through `env`.
pub(crate) fn target(env: &Env) -> Seeded {
    let mut seeds = vec![BUILTIN.to_string()];
    seeds.extend(env.texts("dialogs", ".cbot", 256 << 10));
    seeds.extend(env.texts("tests/data/dsl", ".cbot", 256 << 10));
    for json in env.texts("tests/data/bots", ".json", 64 << 10) {
        if let Ok(v) = serde_json::from_str::<Value>(&json)
            && let Ok(t) = cbot_dsl::to_text(&v)
        {
            seeds.push(t.text);
        }
    }
    Seeded::new("text", "cbot", seeds, |seeds| Box::new(TextWorker { seeds }))
}

struct TextWorker {
    seeds: Arc<Vec<String>>,
}

fn string_literal(rng: &mut Rng) -> String {
    match rng.below(8) {
        0 => "\"\\ud83d\\ude00 \\u00e9\"".to_string(),
        1 => "\"bad \\x escape\"".to_string(),
        2 => "\"\\ud800\"".to_string(),
        _ => serde_json::to_string(&cbjson::string(rng)).unwrap_or_default(),
    }
}

fn gen_value(rng: &mut Rng, depth: usize, out: &mut String) {
    match rng.below(if depth == 0 { 7 } else { 10 }) {
        0 | 1 => out.push_str(&string_literal(rng)),
        2 => out.push_str(
            rng.pick(&["0", "-1", "2.5", "1e3", "-0", "1E+2", "12345678901234567890", "1e400", "01", "1."], "0"),
        ),
        3 => out.push_str(rng.pick(&["true", "false", "null", "truex", "nul"], "true")),
        4 => out.push_str(rng.pick(
            &["file \"scripts/x.js\"", "file \"/etc/passwd\"", "file \"../x.js\"", "file \"scripts/é.js\"", "file 1"],
            "file \"x.js\"",
        )),
        5 => out.push_str(rng.pick(
            &["from dialogs", "from dialogs [1 2]", "from dialogs [2 1 1]", "from dialogs [0]", "from dialogs []"],
            "from dialogs",
        )),
        6 => out.push_str(rng.pick(&["{}", "[]", "{ a 1, b 2 }", "[1, 2,]"], "{}")),
        7 | 8 => {
            out.push_str("{\n");
            gen_entries(rng, depth - 1, out);
            out.push_str("}\n");
        }
        _ => {
            out.push('[');
            for _ in 0..rng.range(0, 4) {
                gen_value(rng, depth - 1, out);
                out.push(' ');
            }
            out.push(']');
        }
    }
}

fn gen_entries(rng: &mut Rng, depth: usize, out: &mut String) {
    for _ in 0..rng.range(0, 5) {
        if rng.chance(1, 8) {
            out.push_str("# a comment \"{[\n");
        }
        match rng.below(10) {
            0 | 1 => {
                let kw = rng.pick(&["dialog", "interaction"], "dialog");
                out.push_str(&format!("{kw} {} {{\n", string_literal(rng)));
                gen_entries(rng, depth.saturating_sub(1), out);
                out.push_str("}\n");
            }
            _ => {
                let key = rng.pick(
                    &[
                        "id",
                        "name",
                        "group",
                        "interactionType",
                        "pattern",
                        "groups",
                        "conversationMessage",
                        "preProcessMessage",
                        "bot",
                        "responder",
                        "\"quoted key\"",
                        "dialogType",
                        "x-y",
                        "_z",
                        "\"\"",
                    ],
                    "id",
                );
                out.push_str(key);
                out.push(' ');
                gen_value(rng, depth, out);
                out.push('\n');
            }
        }
    }
}

impl Worker for TextWorker {
    fn generate(&mut self, rng: &mut Rng) -> Vec<u8> {
        let text = match rng.below(10) {
            0..=4 => {
                let seed = rng.choose(&self.seeds).cloned().unwrap_or_default();
                mutate_text(rng, &seed, DICT, &self.seeds, 5)
            }
            5..=7 => {
                let mut out = String::new();
                gen_entries(rng, 3, &mut out);
                out
            }
            8 => {
                // Nesting near the depth limit (128).
                let d = rng.range(120, 132);
                let (open, close) = if rng.chance(1, 2) { ("[", "]") } else { ("{ a ", "}") };
                format!("x {}1{}\n", open.repeat(d), close.repeat(d))
            }
            _ => cbot_dsl::to_text(&cbjson::bot(rng)).map(|t| t.text).unwrap_or_default(),
        };
        text.into_bytes()
    }

    fn execute(&mut self, input: &[u8]) -> Result<(), Finding> {
        check(&String::from_utf8_lossy(input))
    }
}

/// What a script file holds when the text names one: the same text for the
/// same path, so conversions are repeatable.
fn script_text(path: &str) -> std::io::Result<String> {
    if path.contains("missing") {
        return Err(std::io::Error::new(std::io::ErrorKind::NotFound, "no such script"));
    }
    Ok(format!("// {path}\nbotContext.sendMessage('hi');\n"))
}

fn lower(text: &str, scripts: Option<&[Script]>) -> (SourceMap, Result<Value, cbot_diag::Diagnostics>) {
    let mut sources = SourceMap::new();
    let id = sources.add("bot.cbot", text.to_string());
    let r = cbot_dsl::to_json(&sources, id, &mut |p| match scripts {
        None => script_text(p),
        Some(s) => s
            .iter()
            .find(|s| s.path == p)
            .map(|s| s.text.clone())
            .ok_or_else(|| std::io::Error::new(std::io::ErrorKind::NotFound, "no such script")),
    });
    (sources, r)
}

fn fmt(text: &str) -> (SourceMap, Result<String, cbot_diag::Diagnostics>) {
    let mut sources = SourceMap::new();
    let id = sources.add("bot.cbot", text.to_string());
    let r = cbot_dsl::format(&sources, id);
    (sources, r)
}

/// The text format's properties on one text.
pub fn check(text: &str) -> Result<(), Finding> {
    let (sources, formatted) = fmt(text);
    match formatted {
        Ok(once) => match fmt(&once).1 {
            Ok(twice) if twice == once => {}
            Ok(twice) => {
                return Err(Finding::new("formatting is not a fixed point", format!("once:\n{once}\ntwice:\n{twice}")));
            }
            Err(d) => return Err(Finding::new("formatted text does not parse", format!("{once}\n{d:?}"))),
        },
        Err(d) => check_diagnostics(&d, &sources, 1)?,
    }
    let (sources, json) = lower(text, None);
    let json = match json {
        Ok(j) => j,
        Err(d) => return check_diagnostics(&d, &sources, 1),
    };
    let t2 = cbot_dsl::to_text(&json)
        .map_err(|d| Finding::new("converted JSON does not convert to text", d.message().to_string()))?;
    match fmt(&t2.text).1 {
        Ok(f) if f == t2.text => {}
        Ok(f) => return Err(Finding::new("converted text is not formatted", format!("{}\nformatted:\n{f}", t2.text))),
        Err(d) => return Err(Finding::new("converted text does not parse", format!("{}\n{d:?}", t2.text))),
    }
    let (s2, back) = lower(&t2.text, Some(&t2.scripts));
    let back = back.map_err(|d| {
        let shown: Vec<String> = d.iter().map(|d| cbot_diag::render::plain(d, &s2)).collect();
        Finding::new("converted text does not convert back to JSON", format!("{}\n{}", t2.text, shown.join("\n")))
    })?;
    if !strict_eq(&back, &json) {
        return Err(Finding::new("JSON → text → JSON differs", format!("{json:#}\n→\n{}\n→\n{back:#}", t2.text)));
    }
    match cbot_dsl::to_text(&back) {
        Ok(t3) if t3 == t2 => Ok(()),
        Ok(t3) => Err(Finding::new("text → JSON → text differs", format!("{}\n→\n{}", t2.text, t3.text))),
        Err(d) => Err(Finding::new("converted JSON does not convert to text", d.message().to_string())),
    }
}
