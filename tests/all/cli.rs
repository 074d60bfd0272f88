//! The `cbot` binary: output shape and exit codes (0 ok, 1 denied warnings,
//! 2 errors).

use crate::util::{fixtures, root};
use std::process::{Command, Output};

fn cbot(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cbot"))
        .args(args)
        .current_dir(root())
        .env_remove("CLICOLOR_FORCE")
        .output()
        .expect("run cbot")
}

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
