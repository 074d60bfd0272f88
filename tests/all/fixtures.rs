//! The real CB exports: every one loads without errors, the counts match
//! what CB-SPEC reports, every key is modelled, and import → export → import
//! is lossless.

use crate::util::{cb_exports, fixtures};
use cbot_diag::SourceMap;
use cbot_model::{Bot, Graph, InteractionType, Summary};

fn load(path: &std::path::Path) -> (Bot, Graph, cbot_diag::Diagnostics) {
    let mut sources = SourceMap::new();
    let bytes = std::fs::read(path).expect("readable fixture");
    let loaded = cbot_model::load(&mut sources, path.display().to_string(), bytes);
    assert!(!loaded.diagnostics.has_errors(), "{}: {:?}", path.display(), loaded.diagnostics);
    (loaded.bot.expect("bot"), loaded.graph.expect("graph"), loaded.diagnostics)
}

#[test]
fn every_export_loads_without_errors() {
    let mut interactions = 0;
    let mut dialogs = 0;
    let mut integrations = 0;
    for path in cb_exports() {
        let (bot, _, _) = load(&path);
        interactions += bot.interactions.len();
        dialogs += bot.dialogs.len();
        integrations += bot.integrations().len();
    }
    // Totals from CB-SPEC §0.3.
    assert_eq!((interactions, dialogs, integrations), (151, 54, 6));
}

#[test]
fn get_bot_patterns_summary() {
    let (bot, _, diags) = load(&fixtures().join("cb-samples/get-bot-patterns.json"));
    let s = Summary::of(&bot);
    assert_eq!(s.name.as_deref(), Some("B.I.G."));
    assert_eq!((s.dialogs, s.fallback_dialogs, s.interactions, s.integrations), (7, 1, 29, 1));
    assert_eq!(s.interactions_by_type.iter().find(|(t, _)| t == "ESCALATION").map(|x| x.1), Some(1));
    // The bot's global code jumps to `Welcome Back`, which this export
    // lacks; a rule lists `Yes` and `yes`, `No` and `no` (one of each pair
    // is redundant with case-insensitive matching).
    assert_eq!(diags.codes(), ["D026", "P021", "P021"]);
}

#[test]
fn shopify_dangling_target_is_reported_as_in_cb_spec() {
    // CB-SPEC §2.6: `fallback_starter` points at a missing id.
    let path = fixtures().join("cb-samples/shopify-bot.json");
    let mut sources = SourceMap::new();
    let loaded = cbot_model::load(&mut sources, "shopify-bot.json", std::fs::read(&path).unwrap());
    let d = loaded.diagnostics.iter().find(|d| d.code() == "D015").expect("D015");
    assert!(d.message().contains("`fallback_starter`"));
    let span = d.primary_span().unwrap();
    assert_eq!(sources.snippet(span), "\"a7d305d096cd19866be24c0b4c5a202a550faecc\"");
    assert_eq!(sources.file(span.file()).line_col(span.start()), (575, 22));
}

#[test]
fn every_key_of_every_export_is_modelled() {
    // Unknown keys are kept (lossless), but in the real exports there should
    // be none: the model covers every key CB writes (CB-SPEC §7).
    for path in cb_exports() {
        let (bot, _, _) = load(&path);
        assert_eq!(bot.unknown_keys(), Vec::<String>::new(), "{}", path.display());
    }
}

#[test]
fn every_export_round_trips() {
    for path in cb_exports() {
        let original_text = std::fs::read_to_string(&path).unwrap();
        let (bot, _, _) = load(&path);
        let exported = cbot_model::export(&bot);
        // 1. import → export → import gives the same model.
        let mut sources = SourceMap::new();
        let again = cbot_model::import(&mut sources, "exported.json", exported.clone().into_bytes());
        assert!(again.diagnostics.is_empty(), "{}: {:?}", path.display(), again.diagnostics);
        assert_eq!(again.bot.as_ref(), Some(&bot), "{}: model changed in a round trip", path.display());
        // 2. The exported JSON equals the original as JSON values: the same
        //    keys, values and array order (object key order and number
        //    spelling may differ; see docs/model.md).
        let original: serde_json::Value = serde_json::from_str(&original_text).unwrap();
        let exported: serde_json::Value = serde_json::from_str(&exported).unwrap();
        assert!(original == exported, "{}: exported JSON differs from the original", path.display());
    }
}

#[test]
fn unknown_keys_survive_a_round_trip() {
    let text = std::fs::read_to_string(crate::util::root().join("tests/data/bots/minimal.json")).unwrap();
    let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
    v["futureTopLevel"] = serde_json::json!({"a": [1, 2.5, "x"]});
    v["conversationMessage"][1]["slotFilling"] = serde_json::json!({"entity": "@color"});
    v["conversationMessage"][1]["responseMatches"][0]["action"]["delay"] = serde_json::json!(3);
    let mut sources = SourceMap::new();
    let imported = cbot_model::import(&mut sources, "x.json", v.to_string().into_bytes());
    let bot = imported.bot.expect("bot");
    assert_eq!(bot.interactions[1].extra["slotFilling"]["entity"], "@color");
    assert_eq!(
        bot.unknown_keys(),
        [
            "/conversationMessage/1/responseMatches/0/action/delay",
            "/conversationMessage/1/slotFilling",
            "/futureTopLevel"
        ]
    );
    let back: serde_json::Value = serde_json::from_str(&cbot_model::export(&bot)).unwrap();
    assert_eq!(back, v);
}

#[test]
fn dialogs_are_in_flow_order() {
    // go-back-bot's "1 Welcome": starter, then the positional chain.
    let (bot, graph, _) = load(&fixtures().join("cb-samples/go-back-bot.json"));
    let d = bot.dialogs.iter().position(|d| d.name.as_deref() == Some("1 Welcome")).unwrap();
    let names: Vec<&str> = graph.flow(d).iter().map(|&i| bot.interactions[i].display_name()).collect();
    assert_eq!(names, ["dialog_starter", "text_6", "text_question_5", "quick_reply_7", "text_question_8", "text_9"]);
    assert_eq!(bot.interactions[graph.head(d).unwrap()].itype(), &InteractionType::DialogStarter);
    // Every dialog of every export is one consistent chain (CB-SPEC §7.3).
    for path in cb_exports() {
        let (bot, graph, diags) = load(&path);
        assert!(!diags.codes().iter().any(|c| ["D017", "D018", "D019"].contains(c)), "{}", path.display());
        let total: usize = (0..bot.dialogs.len()).map(|d| graph.flow(d).len()).sum();
        assert_eq!(total, bot.interactions.len());
    }
}
