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
conversationMessage from dialogs [2, 1, 1]
menus []

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
globalFunctions { methods file "scripts/global-functions.js" }
"dialog" 5
"#;
    assert_eq!(t.text, expected);
    let paths: Vec<&str> = t.scripts.iter().map(|s| s.path.as_str()).collect();
    assert_eq!(paths, ["scripts/welcome/hi-2.pre.js", "scripts/ask/ask.pre.js", "scripts/global-functions.js"]);
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
