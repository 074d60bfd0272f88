//! `import`: CB JSON import and validation (cbot-model `load`).
//!
//! Inputs: generated CB-shaped exports (dialogs, interactions of every
//! type, rules and chains pointing at existing and missing ids, odd keys
//! and values); the project's small bots, error cases and fixture exports
//! (up to 32 KiB: big exports stay out of the hot loop) mutated with JSON
//! tokens, byte flips (so invalid UTF-8 too) and line edits; and nesting
//! near the depth limit.
//!
//! Checks: no panic; every diagnostic has a code and a span inside the
//! file on character boundaries, and renders; a bot that imports is
//! summarised, its starter patterns compile, and export → import gives
//! the same bot without diagnostics; and when the file had no duplicate
//! keys, the export equals the input as JSON values (the lossless property
//! tests/all/fixtures.rs asserts on the sample exports).

use crate::mutate::{mutate_bytes, mutate_text};
use crate::rng::Rng;
use crate::targets::{Seeded, cbjson, check_diagnostics};
use crate::{Env, Finding, Worker};
use cbot_diag::SourceMap;
use std::sync::Arc;

const DICT: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    "\"",
    ",",
    ":",
    "null",
    "true",
    "false",
    "0",
    "-0",
    "1e999",
    "1.5e-7",
    "18446744073709551616",
    "\"id\": ",
    "\"group\": ",
    "\"name\": ",
    "\"conversationMessage\": ",
    "\"groups\": ",
    "\"pattern\": [\"hi\"]",
    "\"interactionType\": \"DIALOG_STARTER\"",
    "\"nextMessageId\": ",
    "\"responseMatches\": ",
    "\\u0000",
    "\\ud800",
    "\\\"",
    "{\"a\": 1, \"a\": 2}",
    "\"preProcessMessage\": \"x\"",
];

const BUILTIN: &str = r#"{"bot": {"name": "demo"}, "responder": [], "menus": [],
  "groups": [{"id": "g1", "name": "Welcome", "dialogType": "DIALOG"}],
  "conversationMessage": [
    {"id": "i1", "name": "start", "group": "g1", "interactionType": "DIALOG_STARTER",
     "pattern": ["hi"], "nextMessageId": "i2",
     "responseMatches": [{"action": {"name": "INTERACTION", "value": "next"}}]},
    {"id": "i2", "name": "hello", "group": "g1", "interactionType": "TEXT",
     "prevMessageId": "i1",
     "responseMatches": [{"action": {"name": "INTERACTION", "value": "missing"}}]}]}"#;

/// The target, its seeds read through `env`.
pub(crate) fn target(env: &Env) -> Seeded {
    let mut seeds = vec![BUILTIN.to_string()];
    seeds.extend(env.texts("tests/data/bots", ".json", 32 << 10));
    seeds.extend(env.texts("tests/data/errors", ".json", 32 << 10));
    seeds.extend(env.fixture_exports(32 << 10));
    Seeded::new("import", "json", seeds, |seeds| Box::new(ImportWorker { seeds }))
}

struct ImportWorker {
    seeds: Arc<Vec<String>>,
}

impl Worker for ImportWorker {
    fn generate(&mut self, rng: &mut Rng) -> Vec<u8> {
        match rng.below(10) {
            0..=3 => {
                let v = cbjson::bot(rng);
                let text = if rng.chance(1, 2) { serde_json::to_string_pretty(&v) } else { serde_json::to_string(&v) };
                let text = text.unwrap_or_default();
                if rng.chance(1, 3) {
                    mutate_text(rng, &text, DICT, &self.seeds, 3).into_bytes()
                } else {
                    text.into_bytes()
                }
            }
            4..=7 => {
                let seed = rng.choose(&self.seeds).cloned().unwrap_or_default();
                mutate_text(rng, &seed, DICT, &self.seeds, 4).into_bytes()
            }
            8 => {
                let mut b = rng.choose(&self.seeds).cloned().unwrap_or_default().into_bytes();
                let edits = rng.range(1, 4);
                mutate_bytes(rng, &mut b, edits);
                b
            }
            _ => {
                // Nesting near the depth limit (json::MAX_DEPTH, 128).
                let d = rng.range(cbot_model::json::MAX_DEPTH - 3, cbot_model::json::MAX_DEPTH + 3);
                let inner = format!("{}1{}", "[".repeat(d), "]".repeat(d));
                format!("{{\"bot\": {{\"name\": \"deep\"}}, \"x\": {inner}}}").into_bytes()
            }
        }
    }

    fn execute(&mut self, input: &[u8]) -> Result<(), Finding> {
        check(input)
    }
}

/// The importer's properties on one file.
pub fn check(input: &[u8]) -> Result<(), Finding> {
    let mut sources = SourceMap::new();
    let loaded = cbot_model::load(&mut sources, "bot.json", input.to_vec());
    check_diagnostics(&loaded.diagnostics, &sources, 1)?;
    let Some(bot) = loaded.bot else { return Ok(()) };
    let _ = cbot_model::Summary::of(&bot);
    if let Some(graph) = &loaded.graph {
        let starters = cbot_model::starter_patterns(&bot, graph);
        let _ = cbot_model::starter_matcher(&bot, &starters, Default::default());
    }
    let exported = cbot_model::export(&bot);
    let again = cbot_model::import(&mut sources, "exported.json", exported.clone().into_bytes());
    if !again.diagnostics.is_empty() {
        let shown: Vec<String> = again.diagnostics.iter().map(|d| cbot_diag::render::plain(d, &sources)).collect();
        return Err(Finding::new("the export of an imported bot has diagnostics", shown.join("\n")));
    }
    if again.bot.as_ref() != Some(&bot) {
        return Err(Finding::new("export → import changes the bot", exported));
    }
    let duplicate_keys = loaded.diagnostics.iter().any(|d| d.code() == "D006");
    if !duplicate_keys {
        let original: Result<serde_json::Value, _> = serde_json::from_slice(input);
        let back: Result<serde_json::Value, _> = serde_json::from_str(&exported);
        if let (Ok(original), Ok(back)) = (original, back)
            && original != back
        {
            return Err(Finding::new("the export differs from the input as JSON", format!("{original}\n→\n{back}")));
        }
    }
    Ok(())
}
