//! Unit tests on small bots; the fixture-wide properties are in
//! tests/all/dsl.rs.

use super::*;
use serde_json::json;

fn text_of(v: &Value) -> TextBot {
    to_text(v).expect("an object converts")
}

fn json_of(text: &str, scripts: &[Script]) -> Result<Value, String> {
    let mut sources = SourceMap::new();
    let id = sources.add("bot.cbot", text.to_string());
    to_json(&sources, id, &mut |p| {
        scripts
            .iter()
            .find(|s| s.path == p)
            .map(|s| s.text.clone())
            .ok_or_else(|| std::io::Error::new(std::io::ErrorKind::NotFound, "no such script"))
    })
    .map_err(|d| d.iter().map(|d| cbot_diag::render::plain(d, &sources)).collect::<Vec<_>>().join("\n"))
}

fn small_bot() -> Value {
    json!({
        "hash": "1",
        "bot": { "id": "b1", "name": "Small", "botAttributes": { "ENABLE_DEBUG": "true" } },
        "responder": [],
        "conversationMessage": [
            { "id": "i2", "chatBotId": "b1", "userInputRequired": true, "name": "ask", "type": "BOT_MESSAGE",
              "content": { "contentType": "STATIC" }, "group": "g2", "status": "ACTIVE",
              "preProcessMessage": "botContext.setBotVariable('x', 1, true, false);\n",
              "responseMatches": [] },
            { "id": "i1", "chatBotId": "b1", "userInputRequired": false, "name": "hi", "pattern": ["hi", "(hello)"],
              "group": "g1", "status": "ACTIVE", "weird key!": [1, 2.5, null, {"a": {}}] },
            { "id": "i3", "chatBotId": "b1", "userInputRequired": false, "name": "hi", "group": "g1",
              "status": "ACTIVE", "preProcessMessage": "var a = 1;" },
        ],
        "menus": [],
        "groups": [
            { "chatBotId": "b1", "id": "g1", "name": "Welcome" },
            { "chatBotId": "b1", "id": "g2", "name": "Ask" },
        ],
        "globalFunctions": { "methods": "function f() {}\n" },
        "dialog": 5,
    })
}

#[test]
fn round_trip_keeps_values_and_key_order() {
    let bot = small_bot();
    let t = text_of(&bot);
    let back = json_of(&t.text, &t.scripts).unwrap();
    assert!(strict_eq(&back, &bot), "{}\n---\n{back:#}", t.text);
    assert_eq!(text_of(&back), t);
}

#[test]
fn the_small_bot_prints_so() {
    let t = text_of(&small_bot());
    let expected = r#"# Conversation Builder bot "Small" in the cbot text format (docs/text-format.md).
hash "1"
bot { id "b1", name "Small", botAttributes { ENABLE_DEBUG "true" } }
responder []
conversationMessage from dialogs
menus []
groups from dialogs by id
globalFunctions { methods file "scripts/global-functions.js" }
"dialog" 5

dialog "Ask" {
  chatBotId "b1"
  id "g2"

  interaction "ask" {
    id "i2"
    chatBotId "b1"
    userInputRequired true
    type "BOT_MESSAGE"
    content { contentType "STATIC" }
    status "ACTIVE"
    preProcessMessage file "scripts/ask/ask.pre.js"
    responseMatches []
  }
}

dialog "Welcome" {
  chatBotId "b1"
  id "g1"

  interaction "hi" {
    id "i1"
    chatBotId "b1"
    userInputRequired false
    pattern ["hi", "(hello)"]
    status "ACTIVE"
    "weird key!" [1, 2.5, null, { a {} }]
  }

  interaction "hi" {
    id "i3"
    chatBotId "b1"
    userInputRequired false
    status "ACTIVE"
    preProcessMessage file "scripts/welcome/hi-2.pre.js"
  }
}
"#;
    assert_eq!(t.text, expected);
    let paths: Vec<&str> = t.scripts.iter().map(|s| s.path.as_str()).collect();
    assert_eq!(paths, ["scripts/global-functions.js", "scripts/ask/ask.pre.js", "scripts/welcome/hi-2.pre.js"]);
}

#[test]
fn fmt_is_canonical_and_keeps_comments() {
    let messy = "# top\nhash   \"1\"  # why\nbot{id \"b\"\n name \"n\"}\n\n\n dialog \"D\" {id \"g\", # the id\n interaction \"I\" { id \"i\" pattern [\n\"a\"\n\"b\"] } }\n";
    let mut sources = SourceMap::new();
    let id = sources.add("x.cbot", messy.into());
    let once = format(&sources, id).unwrap();
    assert_eq!(
        once,
        "# top\nhash \"1\" # why\nbot { id \"b\", name \"n\" }\n\ndialog \"D\" {\n  id \"g\" # the id\n\n  \
         interaction \"I\" {\n    id \"i\"\n    pattern [\"a\", \"b\"]\n  }\n}\n"
    );
    let id2 = sources.add("y.cbot", once.clone());
    assert_eq!(format(&sources, id2).unwrap(), once);
}

#[test]
fn hand_written_dialogs_go_dialog_by_dialog() {
    let v = json_of(
        "dialog \"A\" { id \"a\" interaction \"x\" { id \"1\" } }\ndialog \"B\" { id \"b\" interaction { id \"2\" } }",
        &[],
    )
    .unwrap();
    assert_eq!(
        v,
        json!({
            "conversationMessage": [{ "id": "1", "name": "x", "group": "a" }, { "id": "2", "group": "b" }],
            "groups": [{ "id": "a", "name": "A" }, { "id": "b", "name": "B" }],
        })
    );
}

#[test]
fn errors_are_coded() {
    let cases = [
        ("bot {", "X001"),
        ("a 1\na 2", "X002"),
        ("interaction \"x\" { }", "X003"),
        ("code file \"/x.js\"", "X005"),
        ("code file \"x.js\"", "X004"),
        ("conversationMessage from dialogs [3]\ndialog \"A\" { id \"a\" }", "X006"),
        ("dialog \"A\" { name2 1 }", "X007"),
        ("s \"\\q\"", "X008"),
        ("n 1e999", "X008"),
        ("s \"\\é\"", "X008"),
        (&format!("deep {}", "[".repeat(100_000)), "X001"),
    ];
    for (text, code) in cases {
        let err = json_of(text, &[]).expect_err(text);
        let text: String = text.chars().take(40).collect();
        assert!(err.contains(&format!("[{code}]")), "{text}: {err}");
    }
}

#[test]
fn non_objects_are_not_exports() {
    assert_eq!(to_text(&json!([1])).unwrap_err().code(), "X009");
}

#[test]
fn slugs_are_safe() {
    assert_eq!(slug("2 Go Back!"), "2-go-back");
    assert_eq!(slug("../.."), "unnamed");
    assert_eq!(slug("Ünïcode"), "n-code");
}

#[test]
fn odd_layouts_round_trip() {
    let bots = [
        // groups before conversationMessage, and an empty dialog
        (
            json!({ "groups": [{ "id": "g", "name": "G" }, { "id": "h" }],
                "x": 1,
                "conversationMessage": [{ "id": "i", "group": "g", "name": "n", "status": "A" }] }),
            "dialog \"G\"",
        ),
        // an interaction in no dialog: the flat form is kept
        (
            json!({ "conversationMessage": [{ "id": "i", "group": "nowhere" }], "groups": [{ "id": "g" }] }),
            "conversationMessage [{ id \"i\", group \"nowhere\" }]",
        ),
        // duplicate dialog ids, a non-string name, group after status
        (
            json!({ "conversationMessage": [{ "id": "i", "status": "A", "group": "g", "name": 5 }],
                "groups": [{ "id": "g" }, { "id": "g", "name": ["x"] }] }),
            "groups [",
        ),
        // name not where CB puts it; group implied but status absent
        (
            json!({ "conversationMessage": [{ "name": "first", "id": "i", "group": "g" }],
                "groups": [{ "name": "G", "id": "g" }] }),
            "interaction {\n    name \"first\"",
        ),
        (json!({}), "\n"),
    ];
    for (bot, shows) in bots {
        let t = text_of(&bot);
        assert!(t.text.contains(shows), "{shows:?} not in\n{}", t.text);
        let back = json_of(&t.text, &t.scripts).unwrap_or_else(|e| panic!("{}\n{e}", t.text));
        assert!(strict_eq(&back, &bot), "{}\n---\n{back:#}", t.text);
        assert_eq!(text_of(&back), t);
    }
}

#[test]
fn fmt_keeps_end_of_line_comments_and_blank_lines() {
    let cases = [
        // Runs of blank lines collapse to one; none at the start or end of a block.
        ("a 1\n\n\n\nb 2\n", "a 1\n\nb 2\n"),
        ("x {\n\n  a 1\n\n  b 2\n\n}\n", "x {\n  a 1\n\n  b 2\n}\n"),
        // A comment after `{` or `[` stays on that line; so does one after `}`.
        ("x { # opens\n a 1 } # closes\ny 2\n", "x { # opens\n  a 1\n} # closes\ny 2\n"),
        ("l [ # first\n 1\n\n 2 # two\n]\n", "l [ # first\n  1\n\n  2 # two\n]\n"),
        // A comment on its own line stays on its own line.
        ("a 1\n  # own line\nb 2\n", "a 1\n# own line\nb 2\n"),
        // A blank line before a comment that goes with the next entry.
        ("a 1\n\n# about b\nb 2\n", "a 1\n\n# about b\nb 2\n"),
        // After a keyword with a string value, a bare key would read as its
        // kind: quoted. A keyword is never a kind.
        ("x { interaction \"\" \"i\" { d 1 } }\n", "x {\n  interaction \"\"\n  \"i\" { d 1 }\n}\n"),
        ("x { interaction \"\" dialog { d 1 } }\n", "x {\n  interaction \"\"\n\n  dialog {\n    d 1\n  }\n}\n"),
        // A blank line at the start of a list of numbers does not change its layout.
        ("s [ #\n\n2 3]\n", "s [ #\n  2, 3\n]\n"),
        // An interaction inside a short block keeps its kind.
        ("x { interaction standard { a 1 } }\n", "x {\n  interaction standard {\n    a 1\n  }\n}\n"),
    ];
    for (text, expected) in cases {
        let mut sources = SourceMap::new();
        let id = sources.add("x.cbot", text.to_string());
        let once = format(&sources, id).unwrap();
        assert_eq!(once, expected, "{text:?}");
        let id2 = sources.add("y.cbot", once.clone());
        assert_eq!(format(&sources, id2).unwrap(), once);
    }
}

/// A bot shaped as CB exports them: every dialog and interaction has its
/// short form.
fn cb_bot() -> Value {
    let any = |name: &str, condition: Value, action: Value| {
        json!({ "name": name, "conditions": [condition], "contextConditions": [],
                "contextMatchConditionType": "ANY", "action": action, "contextDataVariables": [] })
    };
    let go = |value: &str| json!({ "name": "INTERACTION", "value": value });
    let plain = |action: Value| json!({ "conditions": [], "contextConditions": [], "action": action, "contextDataVariables": [] });
    let tile = |t: &str, tile: Value| json!({ "contentType": "STATIC", "results": { "type": t, "tile": { "tileData": [tile] } } });
    let interaction = |id: &str, name: &str, t: &str, group: &str| {
        json!({ "id": id, "chatBotId": "b1", "userInputRequired": false, "name": name, "type": "BOT_MESSAGE",
                "group": group, "status": "ACTIVE", "interactionType": t })
    };
    let mut sku = any(
        "sku",
        json!({ "matchType": "REGEX", "regexMatch": { "regexText": "[0-9]+", "excludeKeywords": ["0"] } }),
        go("zz"),
    );
    sku["contextConditions"] = json!([{ "matchType": "CONTAINS", "contextName": "{$userMessage}", "value": "1" }]);
    sku["contextDataVariables"] = json!([{ "name": "sku", "value": "{$userMessage}", "scope": "SESSION" }]);
    let mut start = interaction("a4", "start", "DIALOG_STARTER", "g2");
    let mut ask = interaction("a1", "ask", "TEXT_QUESTION", "g2");
    let mut check = interaction("a3", "check", "API_INTEGRATION", "g2");
    let mut sorry = interaction("a2", "sorry", "TEXT", "g1");
    for (m, fields) in [
        (
            &mut start,
            json!({ "pattern": ["hi", "hello"], "content": tile("DIALOG_STARTER", json!({ "buttons": [], "quickReplyList": [] })),
            "nextMessageId": "a1", "responseMatches": [plain(go("next"))] }),
        ),
        (
            &mut ask,
            json!({ "content": tile("TEXT_QUESTION", json!({ "text": "Which product?", "buttons": [], "quickReplyList": [] })),
            "required": true, "nextMessageId": "a3", "prevMessageId": "a4",
            "responseMatches": [
                any("yes", json!({ "matchType": "PATTERN", "patternMatch": { "patterns": ["yes", "y"], "excludeKeywords": [] } }), go("next")),
                sku,
                any("other", json!({ "matchType": "NO_MATCH", "noMatch": { "fallbackMessage": "Say yes" } }), go("a1")),
            ],
            "changeResponse": { "enabled": true }, "cancelResponse": { "enabled": true } }),
        ),
        (
            &mut check,
            json!({ "content": { "contentType": "DYNAMIC", "responderName": "Stock", "responderId": "r1" },
            "prevMessageId": "a1",
            "responseMatches": [
                any("ok", json!({ "matchType": "API_RESULT", "apiResultsMatch": { "status": "SUCCESS" } }),
                    json!({ "name": "DIALOG", "value": "g1" })),
                plain(go("none")),
            ],
            "changeResponse": { "enabled": true }, "cancelResponse": { "enabled": true } }),
        ),
        (
            &mut sorry,
            json!({ "content": tile("TEXT", json!({ "text": "Sorry!", "buttons": [], "quickReplyList": [] })),
            "preProcessMessage": "botContext.sendMessage('…');\n",
            "quickReplies": [{ "type": "text", "title": "Start again", "payload": "hi" }],
            "responseMatches": [plain(go("close_conversation"))] }),
        ),
    ] {
        // Put the fields where CB writes them.
        let order = shape::INTERACTION_KEYS;
        let mut all = m.as_object().unwrap().clone();
        all.extend(fields.as_object().unwrap().clone());
        *m = Value::Object(order.iter().filter_map(|k| Some((k.to_string(), all.get(*k)?.clone()))).collect());
    }
    let dialog = |id: &str, name: &str, t: &str| {
        json!({ "chatBotId": "b1", "id": id, "name": name, "creationTime": "2026-01-01 00:00:00",
                "dialogType": t, "status": "ENABLED", "disambiguteOnlySelectedDomains": false })
    };
    json!({
        "bot": { "id": "b1", "name": "Shop" },
        "responder": [{ "chatbotId": "b1", "id": "r1", "name": "Stock", "webhook": "https://example.com/stock" }],
        "conversationMessage": [ask, sorry, check, start],
        "groups": [dialog("g1", "2 Sorry", "FALLBACK_DIALOG"), dialog("g2", "1 Shop", "DIALOG")],
    })
}

#[test]
fn cb_shaped_bots_read_short() {
    let bot = cb_bot();
    let t = text_of(&bot);
    let expected = r#"# Conversation Builder bot "Shop" in the cbot text format (docs/text-format.md).
bot { id "b1", name "Shop" }
responder [{ chatbotId "b1", id "r1", name "Stock", webhook "https://example.com/stock" }]
conversationMessage from dialogs by id
groups from dialogs by id

dialog "1 Shop" standard {
  id "g2"
  creationTime "2026-01-01 00:00:00"

  interaction "start" dialog_starter {
    id "a4"
    pattern ["hi", "hello"]
    -> next
  }

  interaction "ask" text_question {
    id "a1"
    text "Which product?"
    required true
    rule "yes" when pattern "yes", "y" -> next
    rule "sku"
      when regex "[0-9]+" except "0"
      if "{$userMessage}" contains "1"
      set sku = "{$userMessage}"
      -> id "zz"
    rule "other" when no_match "Say yes" -> "ask"
  }

  interaction "check" api_integration {
    id "a3"
    call "Stock"
    rule "ok" when api_result "SUCCESS" -> dialog "2 Sorry"
    -> end
  }
}

dialog "2 Sorry" fallback {
  id "g1"
  creationTime "2026-01-01 00:00:00"

  interaction "sorry" text {
    id "a2"
    text "Sorry!"
    preProcessMessage file "scripts/2-sorry/sorry.pre.js"
    quickReplies [{ type "text", title "Start again", payload "hi" }]
    -> close_conversation
  }
}
"#;
    assert_eq!(t.text, expected);
    let back = json_of(&t.text, &t.scripts).unwrap();
    assert!(strict_eq(&back, &bot), "{}\n---\n{back:#}", t.text);
    assert_eq!(text_of(&back), t);
}

#[test]
fn hand_written_short_forms_fill_in_what_cb_writes() {
    let text = r#"
bot { id "b" }
responder [{ id "r", name "Shop API" }]
dialog "Welcome" standard {
  id "d1"
  interaction "hi" dialog_starter {
    id "i1"
    pattern ["hi"]
    -> next
  }
  interaction "ask" text_question {
    id "i2"
    text "Name?"
    rule "named" when regex "\\w+" set name = "{$userMessage}" in dialog -> "bye"
    rule when no_match "Say a name" -> end # no name
    rule { action { name "INTERACTION", value "next" } }
  }
  interaction "bye" api_integration { id "i3", call "Shop API" }
}
"#;
    let v = json_of(text, &[]).unwrap();
    let m = &v["conversationMessage"];
    assert_eq!(
        v["groups"],
        json!([{ "chatBotId": "b", "id": "d1", "name": "Welcome", "dialogType": "DIALOG",
        "status": "ENABLED", "disambiguteOnlySelectedDomains": false }])
    );
    assert_eq!(
        m[0],
        json!({ "id": "i1", "chatBotId": "b", "userInputRequired": false, "name": "hi", "pattern": ["hi"],
            "type": "BOT_MESSAGE",
            "content": { "contentType": "STATIC", "results": { "type": "DIALOG_STARTER",
                "tile": { "tileData": [{ "buttons": [], "quickReplyList": [] }] } } },
            "group": "d1", "status": "ACTIVE", "nextMessageId": "i2",
            "responseMatches": [{ "conditions": [], "contextConditions": [],
                "action": { "name": "INTERACTION", "value": "next" }, "contextDataVariables": [] }],
            "interactionType": "DIALOG_STARTER" })
    );
    assert_eq!(m[1]["prevMessageId"], "i1");
    assert_eq!(m[1]["nextMessageId"], "i3");
    assert_eq!(m[1]["changeResponse"], json!({ "enabled": true }));
    assert_eq!(
        m[1]["content"]["results"]["tile"]["tileData"][0],
        json!({ "text": "Name?", "buttons": [], "quickReplyList": [] })
    );
    assert_eq!(
        m[1]["responseMatches"],
        json!([
            { "name": "named",
              "conditions": [{ "matchType": "REGEX", "regexMatch": { "regexText": "\\w+", "excludeKeywords": [] } }],
              "contextConditions": [], "contextMatchConditionType": "ANY",
              "action": { "name": "INTERACTION", "value": "i3" },
              "contextDataVariables": [{ "name": "name", "value": "{$userMessage}", "scope": "DIALOG" }] },
            { "conditions": [{ "matchType": "NO_MATCH", "noMatch": { "fallbackMessage": "Say a name" } }],
              "contextConditions": [], "contextMatchConditionType": "ANY",
              "action": { "name": "INTERACTION", "value": "none" }, "contextDataVariables": [] },
            { "action": { "name": "INTERACTION", "value": "next" } },
        ])
    );
    assert_eq!(m[2]["content"], json!({ "contentType": "DYNAMIC", "responderName": "Shop API", "responderId": "r" }));
    assert_eq!(m[2]["prevMessageId"], "i2");
    assert!(m[2].get("nextMessageId").is_none());
    assert_eq!(m[2]["responseMatches"], json!([]));
    // Converting back gives the short forms again.
    let t = text_of(&v);
    assert!(
        t.text.contains(r#"rule "named" when regex "\\w+" set name = "{$userMessage}" in dialog -> "bye""#),
        "{}",
        t.text
    );
    assert!(
        t.text.contains("interaction \"bye\" api_integration {\n    id \"i3\"\n    call \"Shop API\"\n  }"),
        "{}",
        t.text
    );
}

#[test]
fn short_forms_report_what_they_cannot_resolve() {
    let cases = [
        // A rule to an interaction nobody is called.
        (
            "dialog \"D\" standard { id \"d\" interaction \"a\" text { id \"1\" -> \"nobody\" } }",
            "X010",
            "no interaction is named `nobody`",
        ),
        // Two interactions of that name.
        (
            "dialog \"D\" standard { id \"d\" interaction \"a\" text { id \"1\" -> \"b\" } interaction \"b\" text { id \"2\" } interaction \"b\" text { id \"3\" } }",
            "X010",
            "2 interactions are named `b`",
        ),
        (
            "dialog \"D\" standard { id \"d\" interaction \"a\" text { id \"1\" -> dialog \"E\" } }",
            "X010",
            "no dialog is named `E`",
        ),
        (
            "dialog \"D\" standard { id \"d\" interaction \"a\" api_integration { id \"1\" call \"api\" } }",
            "X010",
            "no integration is named `api`",
        ),
        // The message twice.
        (
            "dialog \"D\" standard { id \"d\" interaction \"a\" text { id \"1\" text \"hi\" content {} } }",
            "X002",
            "the message is given twice",
        ),
        (
            "dialog \"D\" standard { id \"d\" interaction \"a\" text { id \"1\" interactionType \"TEXT\" } }",
            "X002",
            "`interactionType` is given twice",
        ),
        (
            "dialog \"D\" standard { id \"d\" interaction \"a\" text { id \"1\" -> next responseMatches [] } }",
            "X002",
            "`responseMatches` is given twice",
        ),
        (
            "dialog \"D\" standard { id \"d\" interaction \"a\" text { id \"1\" rule if \"a\" x \"b\" if \"c\" y \"d\" -> next } }",
            "X002",
            "`if` is given twice",
        ),
        // Rules only in interactions with a kind.
        ("-> next", "X003", "a rule cannot be used here"),
        ("dialog \"D\" { id \"d\" interaction \"a\" { id \"1\" -> next } }", "X003", "a rule cannot be used here"),
        (
            "dialog \"D\" standard { id \"d\" interaction \"a\" text { id \"1\" call \"x\" resultsType \"TEXT\" } }",
            "X003",
            "`resultsType` cannot be used here",
        ),
        ("groups from dialogs [1]\ndialog \"D\" { id \"d\" }", "X006", "the dialogs' order is written or by id"),
        ("groups from dialogs by id", "X006", "`from dialogs` but there are no dialogs"),
    ];
    for (text, code, message) in cases {
        let err = json_of(text, &[]).expect_err(text);
        assert!(err.contains(&format!("error[{code}]: {message}")), "{text}:\n{err}");
    }
}
