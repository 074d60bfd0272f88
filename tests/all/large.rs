//! A generated 50 MB bot: it loads, every interaction is there, and a defect
//! at the very end is still placed on the right line.

use cbot_diag::SourceMap;
use serde_json::json;
use std::fmt::Write as _;

/// One dialog of five interactions (starter, text, question, two answers),
/// one interaction per line.
fn dialog(out: &mut String, d: usize, filler: &str) {
    let g = format!("g-{d:06}");
    let id = |k: usize| format!("{d:06}{k:02}{}", "0".repeat(32));
    let rule = |value: &str| {
        json!({"conditions": [], "contextConditions": [], "action": {"name": "INTERACTION", "value": value},
               "contextDataVariables": []})
    };
    let text = |t: &str| {
        json!({"contentType": "STATIC",
               "results": {"type": "TEXT", "tile": {"tileData": [{"text": t, "buttons": [], "quickReplyList": []}]}}})
    };
    let yes = json!({"name": "yes", "conditions": [{"matchType": "PATTERN",
                       "patternMatch": {"patterns": ["yes*"], "excludeKeywords": []}}],
                     "contextConditions": [], "action": {"name": "INTERACTION", "value": "next"},
                     "contextDataVariables": []});
    let interactions = [
        json!({"id": id(0), "name": format!("start {d}"), "type": "BOT_MESSAGE", "interactionType": "DIALOG_STARTER",
               "group": g, "pattern": [format!("*topic {d:06}*"), format!("(ask|tell) about {d:06}")],
               "nextMessageId": id(1), "responseMatches": [rule("next")]}),
        json!({"id": id(1), "name": format!("intro {d}"), "type": "BOT_MESSAGE", "interactionType": "TEXT",
               "group": g, "prevMessageId": id(0), "nextMessageId": id(2), "content": text(filler),
               "responseMatches": [rule("next")]}),
        json!({"id": id(2), "name": format!("ask {d}"), "type": "BOT_MESSAGE", "interactionType": "TEXT_QUESTION",
               "group": g, "prevMessageId": id(1), "nextMessageId": id(3), "content": text("Shall I go on?"),
               "preProcessMessage": format!("botContext.setBotVariable('seen{d}', 'yes', true, false);"),
               "responseMatches": [yes, rule(&id(4))]}),
        json!({"id": id(3), "name": format!("yes {d}"), "type": "BOT_MESSAGE", "interactionType": "TEXT",
               "group": g, "prevMessageId": id(2), "nextMessageId": id(4), "content": text("Great."),
               "responseMatches": [rule("next")]}),
        json!({"id": id(4), "name": format!("bye {d}"), "type": "BOT_MESSAGE", "interactionType": "TEXT",
               "group": g, "prevMessageId": id(3), "content": text("Bye."), "responseMatches": [rule("none")]}),
    ];
    for it in interactions {
        let _ = writeln!(out, "{it},");
    }
}

#[test]
fn a_50_mb_bot_loads_and_its_last_defect_is_located() {
    const TARGET: usize = 50 * 1024 * 1024;
    let filler = "Lorem ipsum dolor sit amet, consectetur adipiscing elit. ".repeat(20);
    let mut interactions = String::with_capacity(TARGET + (1 << 20));
    let mut dialogs = String::new();
    let mut n = 0;
    while interactions.len() < TARGET {
        dialog(&mut interactions, n, &filler);
        let _ = writeln!(
            dialogs,
            r#"{{"id": "g-{n:06}", "name": "dialog {n}", "dialogType": "DIALOG", "status": "ENABLED"}},"#
        );
        n += 1;
    }
    // A defect at the very end: the last rule jumps to a missing interaction.
    let missing = "ffffffffffffffffffffffffffffffffffffffff";
    let last_rule = r#""value":"none""#;
    let cut = interactions.rfind(last_rule).unwrap();
    interactions.replace_range(cut..cut + last_rule.len(), &format!(r#""value":"{missing}""#));
    interactions.truncate(interactions.len() - 2); // ",\n" after the last one
    dialogs.pop(); // newline
    dialogs.pop(); // comma
    let doc = format!(
        "{{\"bot\": {{\"name\": \"large\", \"version\": \"2\"}}, \"responder\": [], \"menus\": [],\n\"conversationMessage\": [\n{interactions}\n],\n\"groups\": [\n{dialogs}\n]}}\n"
    );
    assert!(doc.len() >= TARGET, "{} bytes", doc.len());
    let offset = doc.rfind(missing).unwrap();
    let line = doc[..offset].matches('\n').count() + 1;

    let mut sources = SourceMap::new();
    let loaded = cbot_model::load(&mut sources, "large.json", doc.into_bytes());
    let bot = loaded.bot.expect("the large bot loads");
    assert_eq!(bot.interactions.len(), 5 * n);
    assert_eq!(bot.dialogs.len(), n);
    assert_eq!(loaded.diagnostics.codes(), ["D015"]);
    let span = loaded.diagnostics.iter().next().unwrap().primary_span().unwrap();
    assert_eq!(span.start(), offset - 1, "the span starts at the opening quote");
    assert_eq!(sources.file(span.file()).line_col(span.start()).0, line);
    let graph = loaded.graph.unwrap();
    assert_eq!(graph.flow(n - 1).len(), 5);
}
