//! The cbot text format (cbot-dsl, docs/text-format.md): round trips on
//! every CB export, `fmt` idempotence on perturbed and generated bots,
//! parser and error snapshots (tests/data/dsl/, `CBOT_BLESS=1` rewrites
//! them), and `cbot convert` / `cbot fmt` on the command line.

use crate::util::{cb_exports, cbot, compare_or_bless, data_files, rel, root};
use cbot_diag::{SourceMap, render};
use cbot_dsl::{Script, TextBot, strict_eq};
use proptest::prelude::*;
use serde_json::{Map, Value, json};
use std::path::{Path, PathBuf};

/// A fresh directory under target/.
fn scratch(name: &str) -> PathBuf {
    let dir = root().join("target/dsl-tests").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

fn read_json(path: &Path) -> Value {
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

/// Text → JSON with the scripts taken from `scripts`; diagnostics rendered.
fn lower(text: &str, scripts: &[Script]) -> Result<Value, String> {
    let mut sources = SourceMap::new();
    let id = sources.add("bot.cbot", text.to_string());
    cbot_dsl::to_json(&sources, id, &mut |p| {
        scripts
            .iter()
            .find(|s| s.path == p)
            .map(|s| s.text.clone())
            .ok_or_else(|| std::io::Error::new(std::io::ErrorKind::NotFound, "no such script"))
    })
    .map_err(|d| d.iter().map(|d| render::plain(d, &sources)).collect::<Vec<_>>().join("\n"))
}

fn fmt(text: &str) -> String {
    let mut sources = SourceMap::new();
    let id = sources.add("bot.cbot", text.to_string());
    cbot_dsl::format(&sources, id)
        .unwrap_or_else(|d| panic!("{}", d.iter().map(|d| render::plain(d, &sources)).collect::<String>()))
}

fn text_of(export: &Value) -> TextBot {
    cbot_dsl::to_text(export).unwrap()
}

/// JSON → text → JSON gives the export back (keys in their order, unknown
/// fields included), and text → JSON → text the same bytes; through files
/// on disk as `cbot convert` writes them.
#[test]
fn every_export_round_trips() {
    for path in cb_exports() {
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        let export = read_json(&path);
        let text = text_of(&export);
        let back = lower(&text.text, &text.scripts).unwrap_or_else(|e| panic!("{name}:\n{e}"));
        assert!(strict_eq(&back, &export), "{name}: JSON → text → JSON differs");
        assert_eq!(text_of(&back), text, "{name}: text → JSON → text differs");
        assert_eq!(fmt(&text.text), text.text, "{name}: converted text is not formatted");

        let dir = scratch(&name);
        cbot_dsl::write(&text, &dir).unwrap();
        let mut sources = SourceMap::new();
        let loaded = cbot_dsl::load(&dir, &mut sources).unwrap().unwrap();
        assert!(strict_eq(&loaded, &export), "{name}: through files, the export differs");
    }
}

/// Every id of the export is in the text (so a reviewer sees them and they
/// are stable across conversions), and every code panel went to a file.
#[test]
fn ids_are_kept_and_code_goes_to_scripts() {
    let export = read_json(&cb_exports().into_iter().find(|p| p.ends_with("go-back-bot.json")).unwrap());
    let text = text_of(&export);
    for m in export["conversationMessage"].as_array().unwrap() {
        assert!(text.text.contains(&format!("id {}", m["id"])), "{}", m["id"]);
    }
    assert!(!text.text.contains("botContext"), "code stayed inline");
    assert!(text.scripts.iter().any(|s| s.path == "scripts/global-functions.js"));
    for s in &text.scripts {
        assert!(s.path.starts_with("scripts/") && s.path.ends_with(".js") && !s.path.contains(".."), "{}", s.path);
        assert!(text.text.contains(&format!("file \"{}\"", s.path)), "{} is not referenced", s.path);
    }
}

/// The dialog-by-dialog form: each dialog holds its interactions, named,
/// in the order of the dialog's flow (so `-> next` goes to the one below);
/// the short forms leave out what CB always writes.
#[test]
fn the_big_bot_reads_dialog_by_dialog() {
    let export = read_json(&cb_exports().into_iter().find(|p| p.ends_with("get-bot-patterns.json")).unwrap());
    let text = text_of(&export).text;
    let messages = export["conversationMessage"].as_array().unwrap();
    for g in export["groups"].as_array().unwrap() {
        let kind = if g["dialogType"] == "FALLBACK_DIALOG" { "fallback" } else { "standard" };
        let header = format!("\ndialog {} {kind} {{\n", g["name"]);
        let at = text.find(&header).unwrap_or_else(|| panic!("{header} missing")) + header.len();
        let end = text[at..].find("\ndialog ").map_or(text.len(), |e| at + e);
        let inside = &text[at..end];
        // Follow the flow from the interaction nothing links to.
        let members: Vec<&Value> = messages.iter().filter(|m| m["group"] == g["id"]).collect();
        let mut at = members.iter().find(|m| m.get("prevMessageId").is_none()).copied();
        let mut last = 0;
        while let Some(m) = at {
            let kind = m["interactionType"].as_str().unwrap().to_ascii_lowercase();
            let header = format!("interaction {} {kind} {{", m["name"]);
            let found = inside.find(&header).unwrap_or_else(|| panic!("{header} not in {}", g["name"]));
            assert!(found >= last, "{header} out of flow order");
            last = found;
            at = members.iter().find(|n| Some(&n["id"]) == m.get("nextMessageId")).copied();
        }
    }
    assert!(text.contains("conversationMessage from dialogs by id"), "CB's order is kept");
    for noise in ["chatBotId", "userInputRequired", "BOT_MESSAGE", "changeResponse", "responseMatches", "nextMessageId"]
    {
        assert!(!text.contains(noise), "{noise} is implied by the short forms");
    }
    let lines = text.lines().count();
    assert!(lines < 1271 * 6 / 10, "{lines} lines: the short forms should save 40 % of the 1271");
}

/// The lines of a formatted text, perturbed without changing its meaning:
/// indentation, commas, lines joined, spaces; with `comments`, also blank
/// lines and comments at the ends of lines (which `fmt` keeps where they
/// are). Returns the text and the numbers of the lines that got a comment
/// at their end.
fn perturb(text: &str, choices: &[u8], comments: bool) -> (String, Vec<usize>) {
    let lines: Vec<&str> = text.lines().collect();
    let is_comment = |line: &str| line.trim_start().starts_with('#');
    let (mut out, mut commented) = (String::new(), Vec::new());
    for (i, &line) in lines.iter().enumerate() {
        let c = choices.get(i % choices.len().max(1)).copied().unwrap_or(0);
        // A comment runs to the end of its line: only its indentation (and
        // the blank lines after it) may change.
        let c = match is_comment(line) {
            true if comments => [0, 1, 3][usize::from(c) % 3],
            true => [0, 1][usize::from(c) % 2],
            false => c,
        };
        match c % 6 {
            0 => out.push_str(line),
            1 => out.push_str(&format!("\t{}", line.trim_start())),
            2 => out.push_str(&format!("{line},")),
            3 if comments => out.push_str(&format!("{line}\n\n")),
            4 if comments => {
                out.push_str(&format!("{line} # note {i}"));
                if !line.trim().is_empty() {
                    commented.push(i);
                }
            }
            _ => out.push_str(&format!("   {line}   ")),
        }
        // Joining lines is whitespace too, except after a comment or before
        // one (which would then be at the end of a line).
        let c2 = choices.get((i + 1) % choices.len().max(1)).copied().unwrap_or(0);
        let next_is_comment = lines.get(i + 1).is_some_and(|l| is_comment(l));
        let joins = c2 % 7 == 3 && !(comments && c % 6 == 4);
        if joins && !is_comment(line) && !next_is_comment { out.push(' ') } else { out.push('\n') }
    }
    (out, commented)
}

/// The exports with their names and texts, read once for all test cases.
fn exports() -> &'static [(String, Value, TextBot)] {
    static EXPORTS: std::sync::OnceLock<Vec<(String, Value, TextBot)>> = std::sync::OnceLock::new();
    EXPORTS.get_or_init(|| {
        cb_exports()
            .iter()
            .map(|p| {
                let export = read_json(p);
                let text = text_of(&export);
                (p.file_stem().unwrap().to_string_lossy().to_string(), export, text)
            })
            .collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, failure_persistence: None, ..ProptestConfig::default() })]

    /// Whitespace changes nothing once formatted; comments and blank lines
    /// survive `fmt` (formatting twice = once), a comment at the end of a
    /// line stays there, and neither changes the JSON.
    #[test]
    fn fmt_is_idempotent_on_perturbed_exports(which in 0usize..11, choices in prop::collection::vec(any::<u8>(), 1..64)) {
        let (name, export, text) = &exports()[which];
        let (spaced, _) = perturb(&text.text, &choices, false);
        prop_assert_eq!(fmt(&spaced), text.text.clone(), "{}", name);
        let (commented, at_ends) = perturb(&text.text, &choices, true);
        let once = fmt(&commented);
        prop_assert_eq!(fmt(&once), once.clone(), "{}", name);
        for i in at_ends {
            let note = format!("# note {i}");
            let line = once.lines().find(|l| l.ends_with(&note)).unwrap_or_default();
            prop_assert!(!line.trim_start().starts_with('#'), "{}: {} left its line", name, note);
        }
        let back = lower(&once, &text.scripts).unwrap();
        prop_assert!(strict_eq(&back, export), "{}: comments changed the JSON", name);
    }

    /// Generated bots (dialogs, interactions in any order, odd keys and
    /// values) round-trip, and their text is formatted.
    #[test]
    fn generated_bots_round_trip(bot in generated_bot()) {
        let text = text_of(&bot);
        prop_assert_eq!(fmt(&text.text), text.text.clone());
        let back = lower(&text.text, &text.scripts).map_err(TestCaseError::fail)?;
        prop_assert!(strict_eq(&back, &bot), "{}\n{:#}", text.text, back);
        prop_assert_eq!(text_of(&back), text);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, failure_persistence: None, ..ProptestConfig::default() })]

    /// Exports with some of their objects changed (a key removed, two keys
    /// swapped, a value replaced, a key added that the short forms use
    /// themselves) still convert exactly: a short form gives way wherever
    /// it would not give the object back.
    #[test]
    fn changed_exports_round_trip(
        which in 0usize..11,
        edits in prop::collection::vec((any::<prop::sample::Index>(), any::<prop::sample::Index>(), 0u8..4, change_key(), json_value()), 1..5),
    ) {
        let mut export = exports()[which].1.clone();
        for (object, key, op, new_key, value) in edits {
            change(&mut export, object, key, op, new_key, value);
        }
        let text = text_of(&export);
        let back = lower(&text.text, &text.scripts).map_err(TestCaseError::fail)?;
        prop_assert!(strict_eq(&back, &export), "{}", text.text);
        prop_assert_eq!(text_of(&back), text);
    }
}

/// Changes one object of `v` (chosen by `object` among all of them): removes
/// a key, swaps two neighbouring keys, replaces a value or adds `new_key`.
fn change(v: &mut Value, object: prop::sample::Index, key: prop::sample::Index, op: u8, new_key: String, value: Value) {
    enum Step {
        Key(String),
        At(usize),
    }
    fn paths(v: &Value, path: &mut Vec<(bool, String)>, out: &mut Vec<Vec<(bool, String)>>) {
        match v {
            Value::Object(o) => {
                out.push(path.clone());
                for (k, x) in o {
                    path.push((true, k.clone()));
                    paths(x, path, out);
                    path.pop();
                }
            }
            Value::Array(a) => {
                for (i, x) in a.iter().enumerate() {
                    path.push((false, i.to_string()));
                    paths(x, path, out);
                    path.pop();
                }
            }
            _ => {}
        }
    }
    let mut all = Vec::new();
    paths(v, &mut Vec::new(), &mut all);
    let path = &all[object.index(all.len())];
    let mut at = v;
    for (is_key, step) in path {
        let step = if *is_key { Step::Key(step.clone()) } else { Step::At(step.parse().unwrap()) };
        at = match step {
            Step::Key(k) => &mut at[k.as_str()],
            Step::At(i) => &mut at[i],
        };
    }
    let Value::Object(o) = at else { return };
    let keys: Vec<String> = o.keys().cloned().collect();
    let k = key.index(keys.len().max(1));
    match op {
        0 if !keys.is_empty() => {
            o.shift_remove(&keys[k]);
        }
        1 if k + 1 < keys.len() => {
            let mut entries: Vec<(String, Value)> = std::mem::take(o).into_iter().collect();
            entries.swap(k, k + 1);
            *o = entries.into_iter().collect();
        }
        2 if !keys.is_empty() => {
            if let Some(x) = o.get_mut(&keys[k]) {
                *x = value;
            }
        }
        _ => {
            o.shift_insert(k.min(o.len()), new_key, value);
        }
    }
}

/// Keys for `change`: any, and those the short forms give meaning to.
fn change_key() -> impl Strategy<Value = String> {
    prop_oneof![
        json_key(),
        prop::sample::select(vec![
            "text",
            "call",
            "rule",
            "resultsType",
            "contentType",
            "sampleUserInput",
            "interactionType",
            "id",
            "required",
            "status",
            "chatBotId",
            "nextMessageId",
            "buttons",
            "excludeKeywords",
            "scope",
            "value",
        ])
        .prop_map(str::to_string),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    /// No text panics the parser, the converter, the formatter or the map
    /// from the converted export back to the text: exports' text with bytes
    /// of the grammar inserted and ranges deleted.
    #[test]
    fn mangled_text_never_panics(
        which in 0usize..11,
        edits in prop::collection::vec((any::<prop::sample::Index>(), 0usize..40, "[{}\\[\\]\"#,\\\\ a-z0-9é\n-]{0,3}"), 1..6),
    ) {
        let mut text = exports()[which].2.text.clone();
        for (at, delete, insert) in edits {
            let mut i = at.index(text.len() + 1);
            while !text.is_char_boundary(i) {
                i -= 1;
            }
            let mut j = (i + delete).min(text.len());
            while !text.is_char_boundary(j) {
                j -= 1;
            }
            text.replace_range(i..j, &insert);
        }
        let mut sources = SourceMap::new();
        let id = sources.add("bot.cbot", text.clone());
        if let Ok(once) = cbot_dsl::format(&sources, id) {
            // What parses formats to a fixed point.
            prop_assert_eq!(fmt(&once), once.clone());
        }
        // What converts is checked as a bot, its diagnostics moved to the
        // text and rendered.
        if let Ok(lowered) = cbot_dsl::lower(&sources, id, &mut |_| Ok("var x = ;".to_string())) {
            let (json, map) = lowered.json();
            let mut loaded = cbot_model::load(&mut sources, "bot.cbot (as JSON)", json.into_bytes());
            let json_file = loaded.locator.as_ref().map(cbot_model::Locator::file);
            prop_assert!(json_file.is_some(), "the converted export is JSON");
            map.relabel(&sources, json_file.unwrap(), &mut loaded.diagnostics);
            for d in &loaded.diagnostics {
                prop_assert!(d.labels().iter().all(|l| l.span.file() == id), "{}", d);
                let _ = render::plain(d, &sources);
            }
        }
    }
}

fn json_leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        (-1000i32..1000).prop_map(|x| Value::from(f64::from(x) / 8.0)),
        "\\PC{0,12}".prop_map(Value::String),
        "[\t\n\"\\\\a-z]{0,6}".prop_map(Value::String),
    ]
}

fn json_value() -> impl Strategy<Value = Value> {
    json_leaf().prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::vec((json_key(), inner), 0..4).prop_map(|kv| Value::Object(kv.into_iter().collect())),
        ]
    })
}

fn json_key() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z_][a-zA-Z0-9_-]{0,8}",
        "\\PC{0,6}",
        Just("dialog".to_string()),
        Just("interaction".to_string()),
        Just("preProcessMessage".to_string()),
        Just("group".to_string()),
        Just("name".to_string()),
    ]
}

/// A CB-shaped export: groups with ids, interactions naming them in any
/// order, fields in any order, extra keys and code panels.
fn generated_bot() -> impl Strategy<Value = Value> {
    let groups = prop::collection::vec(("\\PC{0,8}", prop::collection::vec((json_key(), json_value()), 0..3)), 1..4);
    let messages = prop::collection::vec(
        (
            any::<prop::sample::Index>(),
            "\\PC{0,8}",
            prop::option::of("[a-z ;()\n]{1,20}"),
            prop::collection::vec((json_key(), json_value()), 0..3),
            any::<bool>(),
        ),
        0..8,
    );
    (groups, messages, prop::collection::vec((json_key(), json_value()), 0..3)).prop_map(|(groups, messages, top)| {
        let group_values: Vec<Value> = groups
            .iter()
            .enumerate()
            .map(|(i, (name, extra))| {
                let mut g = Map::new();
                g.insert("chatBotId".into(), json!("bot"));
                g.insert("id".into(), json!(format!("g{i}")));
                g.insert("name".into(), json!(name));
                for (k, v) in extra {
                    if !g.contains_key(k) {
                        g.insert(k.clone(), v.clone());
                    }
                }
                Value::Object(g)
            })
            .collect();
        let message_values: Vec<Value> = messages
            .iter()
            .enumerate()
            .map(|(i, (g, name, code, extra, group_late))| {
                let mut m = Map::new();
                m.insert("id".into(), json!(format!("m{i}")));
                m.insert("chatBotId".into(), json!("bot"));
                m.insert("userInputRequired".into(), json!(false));
                m.insert("name".into(), json!(name));
                let group = json!(format!("g{}", g.index(groups.len())));
                if !group_late {
                    m.insert("group".into(), group.clone());
                }
                if let Some(code) = code {
                    m.insert("preProcessMessage".into(), json!(code));
                }
                m.insert("status".into(), json!("ACTIVE"));
                for (k, v) in extra {
                    if !m.contains_key(k) {
                        m.insert(k.clone(), v.clone());
                    }
                }
                if *group_late && !m.contains_key("group") {
                    m.insert("group".into(), group);
                }
                Value::Object(m)
            })
            .collect();
        let mut root = Map::new();
        root.insert("bot".into(), json!({ "id": "bot", "name": "generated" }));
        root.insert("conversationMessage".into(), Value::Array(message_values));
        root.insert("groups".into(), Value::Array(group_values));
        for (k, v) in top {
            if !root.contains_key(&k) {
                root.insert(k, v);
            }
        }
        Value::Object(root)
    })
}

/// tests/data/dsl/parse/*.cbot: the export each gives and its formatted
/// text, snapshotted beside it.
#[test]
fn parser_snapshots() {
    let files = data_files("tests/data/dsl/parse", "cbot");
    assert!(files.len() >= 4, "parser inputs missing");
    let mut problems = Vec::new();
    for file in files {
        let mut sources = SourceMap::new();
        let loaded = cbot_dsl::load(&file, &mut sources).unwrap();
        let json = loaded.unwrap_or_else(|d| panic!("{}: {}", rel(&file), d.codes().join(" ")));
        let text = std::fs::read_to_string(&file).unwrap();
        let actual = format!("--- json\n{}\n--- fmt\n{}", serde_json::to_string_pretty(&json).unwrap(), fmt(&text));
        problems.extend(compare_or_bless(&file.with_extension("expected"), &actual).err());
    }
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
}

/// tests/data/dsl/errors/CODE-what.cbot: each gives its code, rendered as
/// snapshotted beside it; none panics.
#[test]
fn error_snapshots() {
    let files = data_files("tests/data/dsl/errors", "cbot");
    assert!(files.len() >= 8, "error inputs missing");
    let mut problems = Vec::new();
    for file in files {
        let code = file.file_name().unwrap().to_string_lossy()[..4].to_string();
        let text = std::fs::read_to_string(&file).unwrap();
        let mut sources = SourceMap::new();
        let id = sources.add(rel(&file), text);
        let dir = file.parent().unwrap().to_path_buf();
        let diags =
            cbot_dsl::to_json(&sources, id, &mut |p| std::fs::read_to_string(dir.join(p))).expect_err(&rel(&file));
        assert!(diags.codes().contains(&code.as_str()), "{}: {:?}", rel(&file), diags.codes());
        let actual: String = diags.iter().map(|d| render::plain(d, &sources) + "\n").collect();
        problems.extend(compare_or_bless(&file.with_extension("expected"), &actual).err());
    }
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
}

/// tests/data/dsl/model/*.cbot: bots in text form with problems of the
/// bot itself (cbot-model's D codes, found in the converted export): every
/// label points into the text or its script files, never into the JSON;
/// snapshotted beside each.
#[test]
fn model_diagnostics_point_into_the_text() {
    let files = data_files("tests/data/dsl/model", "cbot");
    assert!(files.len() >= 2, "model inputs missing");
    let mut problems = Vec::new();
    for file in files {
        let mut sources = SourceMap::new();
        let loaded = cbot_engine::load_file(Path::new(&rel(&file)), &mut sources)
            .unwrap_or_else(|e| panic!("{}: {e}", rel(&file)))
            .loaded;
        assert!(!loaded.diagnostics.is_empty(), "{}: no diagnostics", rel(&file));
        for d in &loaded.diagnostics {
            for l in d.labels() {
                let name = sources.file(l.span.file()).name();
                assert!(name.ends_with(".cbot") || name.ends_with(".js"), "{}: {} points into {name}", rel(&file), d);
            }
        }
        let actual: String = loaded.diagnostics.iter().map(|d| render::plain(d, &sources) + "\n").collect();
        problems.extend(compare_or_bless(&file.with_extension("expected"), &actual).err());
    }
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
}

/// Every sample export has the same diagnostics (codes and messages) read
/// from its text as from its JSON, and from its text they all point into
/// bot.cbot or its scripts.
#[test]
fn samples_have_the_same_diagnostics_as_text() {
    for path in cb_exports() {
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        let dir = scratch(&format!("diagnostics-{name}"));
        cbot_dsl::write(&text_of(&read_json(&path)), &dir).unwrap();
        let said = |bot: &Path| {
            let mut sources = SourceMap::new();
            let loaded = cbot_engine::load_file(bot, &mut sources).unwrap().loaded;
            for d in &loaded.diagnostics {
                for l in d.labels() {
                    let file = sources.file(l.span.file()).name().to_string();
                    assert!(!file.ends_with("(as JSON)"), "{name}: {d} points into {file}");
                }
            }
            let mut said: Vec<String> = loaded.diagnostics.iter().map(|d| d.to_string()).collect();
            said.sort();
            said
        };
        assert_eq!(said(&dir), said(&path), "{name}");
    }
}

/// `cbot check` on a text bot reports a syntax error in a code panel kept
/// in a script file at its line in that file, and the bot's problems in
/// bot.cbot; so do the commands that run the bot.
#[test]
fn check_points_into_text_and_scripts() {
    let dir = scratch("check-text");
    std::fs::create_dir_all(dir.join("scripts")).unwrap();
    std::fs::write(
        dir.join("bot.cbot"),
        "bot { id \"b\" }\n\ndialog \"D\" standard {\n  id \"d\"\n\n  interaction \"hi\" dialog_starter {\n    \
         id \"i\"\n    pattern [\"hi\"]\n    preProcessMessage file \"scripts/hi.pre.js\"\n    -> id \"gone\"\n  }\n}\n",
    )
    .unwrap();
    std::fs::write(dir.join("scripts/hi.pre.js"), "// greets\nvar x = ;\n").unwrap();
    let o = cbot(&["check", "--color", "never", &dir.to_string_lossy()]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(!out.contains("(as JSON)"), "{out}");
    assert!(out.contains("scripts/hi.pre.js:2:"), "{out}");
    assert!(out.contains("bot.cbot:10:") && out.contains("-> id \"gone\""), "{out}");
    assert_eq!(o.status.code(), Some(2), "{out}");
    // The engine (chat, test, serve) refuses a bot with errors with the
    // same places: here two interactions with one id (D010).
    let engine = cbot_engine::Engine::new(&cbot_engine::Config::default()).unwrap();
    std::fs::write(dir.join("scripts/hi.pre.js"), "// greets\n").unwrap();
    let text = std::fs::read_to_string(dir.join("bot.cbot")).unwrap();
    let text = text.replace("  }\n}\n", "  }\n\n  interaction \"again\" text { id \"i\" }\n}\n");
    std::fs::write(dir.join("bot.cbot"), text).unwrap();
    let err = engine.load_bot(&dir).err().expect("the bot has an error").to_string();
    assert!(err.contains("[D010]") && err.contains("bot.cbot:13:") && !err.contains("(as JSON)"), "{err}");
}

/// `cbot convert` both ways gives the export back; `cbot fmt --check`
/// says 0 for formatted text, 1 for unformatted (changing nothing), 2 for
/// text it cannot read.
#[test]
fn convert_and_fmt_on_the_command_line() {
    let dir = scratch("cli");
    let fixture = cb_exports().into_iter().find(|p| p.ends_with("go-back-bot.json")).unwrap();
    let text_dir = dir.join("text");
    let o = cbot(&["convert", &fixture.to_string_lossy(), "--to", "text", &text_dir.to_string_lossy()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(text_dir.join("bot.cbot").is_file() && text_dir.join("scripts/global-functions.js").is_file());
    assert!(!String::from_utf8_lossy(&o.stderr).contains("warning"), "{}", String::from_utf8_lossy(&o.stderr));
    // Converting again over a directory holding a script the bot does not
    // name: kept, and said.
    std::fs::write(text_dir.join("scripts/old.js"), "// an earlier panel\n").unwrap();
    let o = cbot(&["convert", &fixture.to_string_lossy(), "--to", "text", &text_dir.to_string_lossy()]);
    assert!(o.status.success());
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(stderr.contains("old.js is not used by the converted bot") && text_dir.join("scripts/old.js").is_file());
    assert_eq!(stderr.matches("warning").count(), 1, "{stderr}");
    let out = dir.join("back.json");
    let o = cbot(&["convert", &text_dir.to_string_lossy(), "--to", "json", &out.to_string_lossy()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(strict_eq(&read_json(&out), &read_json(&fixture)));

    // Every command takes the text form: check through cmd::load, the
    // others through Engine::load_bot.
    let o = cbot(&["check", "--color", "never", &text_dir.to_string_lossy()]);
    assert!(o.status.success() && String::from_utf8_lossy(&o.stdout).contains("ok, 0 errors"));
    let engine = cbot_engine::Engine::new(&cbot_engine::Config::default()).unwrap();
    let from_text = engine.load_bot(&text_dir).unwrap();
    let from_json = engine.load_bot(&fixture).unwrap();
    assert_eq!(from_text.compiled().model().interactions.len(), from_json.compiled().model().interactions.len());

    let bot = text_dir.join("bot.cbot");
    let o = cbot(&["fmt", "--check", &bot.to_string_lossy()]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stdout));
    let formatted = std::fs::read_to_string(&bot).unwrap();
    std::fs::write(&bot, formatted.replace("\n  ", "\n    ")).unwrap();
    let o = cbot(&["fmt", "--check", &text_dir.to_string_lossy()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stdout).contains("not formatted"));
    let o = cbot(&["fmt", &bot.to_string_lossy()]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(std::fs::read_to_string(&bot).unwrap(), formatted);

    std::fs::write(&bot, "bot {").unwrap();
    let o = cbot(&["fmt", "--check", "--color", "never", &bot.to_string_lossy()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("X001"), "{}", String::from_utf8_lossy(&o.stderr));
    let o = cbot(&["convert", &text_dir.to_string_lossy(), "--to", "json", &out.to_string_lossy(), "--color", "never"]);
    assert_eq!(o.status.code(), Some(2));
}

/// Every X code the crate emits is documented in docs/diagnostics.md and
/// has an input in tests/data/dsl/errors, and the other way round.
#[test]
fn every_x_code_is_documented_and_tested() {
    use std::collections::BTreeSet;
    let docs = std::fs::read_to_string(root().join("docs/diagnostics.md")).unwrap();
    let documented: BTreeSet<String> = docs
        .lines()
        .filter_map(|l| l.strip_prefix("## X"))
        .map(|l| format!("X{}", l.split_whitespace().next().unwrap()))
        .collect();
    let tested: BTreeSet<String> = data_files("tests/data/dsl/errors", "cbot")
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy()[..4].to_string())
        .collect();
    let mut emitted = BTreeSet::new();
    for file in data_files("crates/dsl/src", "rs") {
        let src = std::fs::read_to_string(&file).unwrap();
        for (i, _) in src.match_indices("\"X0") {
            emitted.insert(src[i + 1..i + 5].to_string());
        }
    }
    // X009 (not an object) comes from JSON → text, not from a text file;
    // the crate's unit tests cover it.
    assert!(emitted.remove("X009") && documented.contains("X009"));
    let mut documented = documented;
    documented.remove("X009");
    assert_eq!(documented, tested);
    assert_eq!(emitted, tested);
}

/// dialogs/agent-handoff/bot.cbot is that bot's source: its committed CB
/// export is exactly what the text converts to (as `cbot convert` writes
/// it), and the text is formatted.
#[test]
fn the_agent_handoff_export_does_not_drift_from_its_text() {
    let dir = root().join("dialogs/agent-handoff");
    let mut sources = SourceMap::new();
    let export = cbot_dsl::load(&dir.join("bot.cbot"), &mut sources)
        .unwrap()
        .unwrap_or_else(|d| panic!("{}", d.iter().map(|d| render::plain(d, &sources)).collect::<String>()));
    let committed = std::fs::read_to_string(dir.join("bot.json")).unwrap();
    let generated = serde_json::to_string_pretty(&export).unwrap() + "\n";
    assert!(
        generated == committed,
        "dialogs/agent-handoff/bot.json differs from bot.cbot converted; run\n  \
         cargo run --release -- convert dialogs/agent-handoff/bot.cbot --to json dialogs/agent-handoff/bot.json"
    );
    let text = std::fs::read_to_string(dir.join("bot.cbot")).unwrap();
    assert_eq!(fmt(&text), text, "run cbot fmt dialogs/agent-handoff");
}
