//! The `cbot` binary: output shape and exit codes (0 ok, 1 denied warnings,
//! 2 errors).

use crate::util::{cbot, fixtures, root};
use std::process::{Command, Output};

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

#[test]
fn check_prints_the_summary_and_exits_0_on_every_export() {
    for path in crate::util::cb_exports() {
        let o = cbot(&["check", path.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(0), "{}\n{}", path.display(), stdout(&o));
    }
    let path = fixtures().join("cb-samples/get-bot-patterns.json");
    let o = cbot(&["check", path.to_str().unwrap()]);
    let out = stdout(&o);
    assert!(out.contains("bot \"B.I.G.\" (CB export version 2)"), "{out}");
    assert!(out.contains("  dialogs          7  (6 standard, 1 fallback)"), "{out}");
    assert!(out.contains("  interactions    29  (DIALOG_STARTER 6, TEXT 12,"), "{out}");
    assert!(out.contains("  integrations     1\n"), "{out}");
    assert!(out.contains("warning[D026]"), "{out}");
    assert!(out.ends_with("get-bot-patterns.json: ok, 0 errors, 3 warnings\n"), "{out}");
    // The summary and the quoted source lines fit 80 columns (paths,
    // messages and labels are not wrapped, as in rustc).
    let summary = out.lines().skip(1).take_while(|l| !l.is_empty());
    let snippets =
        out.lines().filter(|l| l.trim_start().starts_with(|c: char| c.is_ascii_digit()) && l.contains(" | "));
    assert!(summary.chain(snippets).all(|l| l.chars().count() <= 80), "{out}");
}

#[test]
fn warnings_point_at_file_line_col_and_deny_warnings_exits_1() {
    let o = cbot(&["check", "tests/data/errors/D015-missing-target.json"]);
    let out = stdout(&o);
    assert_eq!(o.status.code(), Some(0), "{out}");
    assert!(out.contains("warning[D015]: a rule of interaction `ask` jumps to an interaction that does not exist"));
    assert!(out.contains("--> tests/data/errors/D015-missing-target.json:86:22"), "{out}");
    assert!(out.contains("\"a7d305d096cd19866be24c0b4c5a202a550faecc\""), "{out}");
    let o = cbot(&["check", "--deny-warnings", "tests/data/errors/D015-missing-target.json"]);
    assert_eq!(o.status.code(), Some(1));
    let o = cbot(&["check", "--deny-warnings", "tests/data/bots/minimal.json"]);
    assert_eq!(o.status.code(), Some(0));
}

#[test]
fn structural_errors_exit_2() {
    for case in ["D012-missing-dialog", "D010-duplicate-interaction-id", "D001-truncated", "D002-not-utf8"] {
        let o = cbot(&["check", &format!("tests/data/errors/{case}.json")]);
        let out = stdout(&o);
        assert_eq!(o.status.code(), Some(2), "{case}: {out}");
        assert!(out.contains(&format!("error[{}]", &case[..4])), "{out}");
        assert!(out.contains(": cannot be used, "), "{out}");
    }
    let o = cbot(&["check", "tests/data/errors/D012-missing-dialog.json"]);
    assert!(stdout(&o).contains("--> tests/data/errors/D012-missing-dialog.json:149:16"), "{}", stdout(&o));
}

#[test]
fn a_missing_file_is_an_error_with_a_message() {
    let o = cbot(&["check", "no/such/bot.json"]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.starts_with("cbot: cannot read no/such/bot.json: "), "{err}");
}

#[test]
fn json_format_is_one_document() {
    let o = cbot(&["check", "--format", "json", "tests/data/errors/D015-missing-target.json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("valid JSON");
    assert_eq!(v["errors"], 0);
    assert_eq!(v["warnings"], 2);
    assert_eq!(v["summary"]["interactions"], 4);
    let d = &v["diagnostics"][0];
    assert_eq!(d["code"], "D015");
    assert_eq!((d["line"].as_u64(), d["column"].as_u64()), (Some(86), Some(22)));
    assert_eq!(d["severity"], "warning");
    let o = cbot(&["check", "--format", "json", "tests/data/errors/D004-root-array.json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("valid JSON");
    assert_eq!(v["summary"], serde_json::Value::Null);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn color_is_used_only_when_asked() {
    let path = "tests/data/errors/D015-missing-target.json";
    assert!(!stdout(&cbot(&["check", path])).contains('\x1b'), "not a terminal: no colour");
    assert!(stdout(&cbot(&["check", "--color", "always", path])).contains("\x1b[1;33mwarning[D015]"));
}

#[test]
fn show_prints_the_dialog_tree() {
    let path = fixtures().join("cb-samples/go-back-bot.json");
    let o = cbot(&["show", path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    assert!(out.starts_with("bot \"goBackBot\": 3 dialogs, 9 interactions, 0 integrations\n"), "{out}");
    // Dialogs by name; interactions in flow order; rules with their targets.
    let welcome = out.find("dialog \"1 Welcome\" (DIALOG)").unwrap();
    let back = out.find("dialog \"2 Go Back\" (DIALOG)").unwrap();
    assert!(welcome < back);
    assert!(
        out.contains("  1. dialog_starter [DIALOG_STARTER] patterns `hi` `hello` `howdy` `(hi|hello|hey)*`\n"),
        "{out}"
    );
    assert!(out.contains("       back: pattern `*back*` -> text_5 in dialog \"2 Go Back\"\n"), "{out}");
    assert!(
        out.contains("       no match: no match (says \"Say 'continue' or 'back'\") -> text_question_5 (again)\n"),
        "{out}"
    );
    assert!(out.contains("       always -> close dialog\n"), "{out}");
    let o = cbot(&["show", "tests/data/errors/D001-truncated.json"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stdout(&o).starts_with("error[D001]"));
}

/// `cbot match` on every real export: for each, utterances and the dialog a
/// reader of the export expects (None: no dialog starter matches, so the
/// fallback would answer).
#[test]
fn match_picks_the_expected_dialog_in_every_export() {
    /// (utterance, expected dialog)
    type Cases = &'static [(&'static str, Option<&'static str>)];
    #[rustfmt::skip]
    let expectations: &[(&str, Cases)] = &[
        ("api-results-text-only-demo", &[("hi", Some("1 Welcome")), ("Hello there!", Some("1 Welcome")), ("what's up", None)]),
        ("dynamic-button-bot", &[("Hey", Some("1 Welcome")), ("howdy", Some("1 Welcome")), ("goodbye", None)]),
        ("get-bot-patterns", &[
            ("hi there", Some("Welcome")), ("real person", Some("Human")), ("Quiz me", Some("Quiz me")),
            ("where can I watch", Some("Watch Big Head")), ("sign me up", Some("Become a contestant1")),
            ("geo", Some("GEO TEST")),
            // `human` is a whole-message pattern: it does not match inside a sentence.
            ("I want to speak to a human", None),
        ]),
        ("go-back-bot", &[
            ("hello", Some("1 Welcome")), ("take me back", Some("2 Go Back")),
            // `*back*` has no word boundaries (CB-SPEC §1.4).
            ("backpack", Some("2 Go Back")),
            // Both dialogs match; "1 Welcome" comes first by name (docs/patterns.md).
            ("hi, go back", Some("1 Welcome")),
        ]),
        ("gpt3-character-template", &[
            ("good morning everyone", Some("01 Welcome")), ("g'day mate", Some("01 Welcome")),
            ("nice to meet you", Some("01 Welcome")), ("channel", Some("GPT3 (Channel Character)")),
            ("tell me a joke", None),
        ]),
        // No dialog starters at all: everything goes to the fallback.
        ("instagram-starter-template", &[("hi", None), ("help", None), ("menu", None)]),
        ("qr-sms-template", &[
            ("HELP", Some("HELP")), ("stop", Some("STOP")),
            ("I want to get a text for the next secret show.", Some("1 Welcome")), ("tix please", None),
        ]),
        // Its only starter has an intent and no patterns: nothing matches offline.
        ("replacement-card-helper", &[("I lost my card", None), ("replacement card", None), ("hi", None)]),
        ("shopify-bot", &[
            ("Product #", Some("2 Add to Cart")), ("checkout", Some("3 View Cart")), ("shop", Some("1 Shopping")),
            ("Product #: 123", None),
        ]),
        ("top-level-key-demo", &[("hey", Some("1 Welcome")), ("hello you", Some("1 Welcome")), ("bye", None)]),
        ("universal-tile-demo", &[("hi", Some("1 Welcome")), ("Hiya", Some("1 Welcome")), ("map", None)]),
    ];
    assert_eq!(expectations.len(), crate::util::cb_exports().len());
    for (name, cases) in expectations {
        assert!(cases.len() >= 3);
        let path = fixtures().join(format!("cb-samples/{name}.json"));
        let input: String = cases.iter().map(|(u, _)| format!("{u}\n")).collect();
        let o = cbot_stdin(&["match", "--format", "json", path.to_str().unwrap()], &input);
        let lines: Vec<serde_json::Value> =
            stdout(&o).lines().map(|l| serde_json::from_str(l).expect("one JSON object per line")).collect();
        assert_eq!(lines.len(), cases.len(), "{name}");
        for ((utterance, want), got) in cases.iter().zip(&lines) {
            assert_eq!(got["input"], *utterance);
            assert_eq!(got["dialog"].as_str(), *want, "{name}: {utterance:?} -> {got}");
            assert_eq!(got["matched"], want.is_some());
        }
        let any = cases.iter().any(|c| c.1.is_some());
        assert_eq!(o.status.code(), Some(if any { 0 } else { 1 }), "{name}");
    }
}

fn cbot_stdin(args: &[&str], input: &str) -> Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_cbot"))
        .args(args)
        .current_dir(root())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run cbot");
    child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn match_one_pattern_plain_and_json() {
    let p = "*(agent|representative|help|human)*";
    let o = cbot_stdin(&["match", "--pattern", p], "can I talk to a human please\nno thanks\n");
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(stdout(&o), format!("\"can I talk to a human please\" -> pattern `{p}`\n\"no thanks\" -> no match\n"));
    let o = cbot_stdin(&["match", "--pattern", p, "--format", "json"], "can I talk to a human please\n");
    let v: serde_json::Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    assert_eq!(v, serde_json::json!({"input": "can I talk to a human please", "matched": true, "pattern": p}));
    let o = cbot_stdin(&["match", "--pattern", p], "nothing here\n");
    assert_eq!(o.status.code(), Some(1), "no line matched");
    // A bad pattern: exit 2 with the diagnostic.
    let o = cbot_stdin(&["match", "--pattern", "*(agent|human*"], "x\n");
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.starts_with("error[P001]: group is never closed: expected a closing `)`\n --> <pattern>:1:2"), "{err}");
}

#[test]
fn match_explain_lists_every_candidate() {
    let path = fixtures().join("cb-samples/go-back-bot.json");
    let o = cbot_stdin(&["match", "--format", "json", "--explain", path.to_str().unwrap()], "Hi, go BACK\n");
    let v: serde_json::Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    assert_eq!(v["normalized"], "hi, go back");
    let c = v["candidates"].as_array().unwrap();
    assert_eq!(c.len(), 2);
    assert_eq!((c[0]["dialog"].as_str(), c[0]["pattern"].as_str()), (Some("1 Welcome"), Some("(hi|hello|hey)*")));
    assert_eq!(c[0]["evidence"], "prefix");
    assert_eq!((c[1]["dialog"].as_str(), c[1]["evidence"].as_str()), (Some("2 Go Back"), Some("contains")));
    let o = cbot_stdin(&["match", "--explain", path.to_str().unwrap()], "Hi, go BACK\n");
    let out = stdout(&o);
    assert!(out.contains("    wins: first in priority order: dialog \"1 Welcome\""), "{out}");
    assert!(
        out.contains(
            "    matches too: dialog \"2 Go Back\" (pattern `*back*` of dialog_starter_4) (contains its text)"
        ),
        "{out}"
    );
}
