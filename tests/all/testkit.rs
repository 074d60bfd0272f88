//! `cbot test` (docs/testing.md): the example bot's conversations, our own
//! suite under tests/data/convos (passing files, deliberately failing ones
//! with their reports snapshotted, one file per diagnostic), coverage
//! numbers, and record → replay.

use crate::util::{cbot, compare_or_bless, root};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn scratch(name: &str) -> PathBuf {
    let dir = root().join("target/testkit-scratch");
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

fn convo_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            convo_files(&p, out);
        } else if p.to_string_lossy().ends_with(".convo.txt") {
            out.push(p);
        }
    }
}

/// The "done when": the example bot's tests pass with JUnit and
/// coverage, and this runs in CI because it is part of `cargo test`.
#[test]
fn agent_handoff_convos_pass_with_junit_and_coverage() {
    let junit = scratch("agent-handoff.xml");
    let o = cbot(&["test", "dialogs/agent-handoff", "--junit", junit.to_str().unwrap(), "--coverage"]);
    let text = out(&o);
    assert_eq!(o.status.code(), Some(0), "{text}{}", err(&o));
    assert!(text.contains("test result: ok. 11 passed; 0 failed; 0 errors"), "{text}");
    assert!(text.contains("coverage of dialogs/agent-handoff/bot.json: 100.0%"), "{text}");
    let xml = std::fs::read_to_string(&junit).unwrap();
    assert!(xml.starts_with("<?xml"), "{xml}");
    assert!(xml.contains("<testsuites name=\"cbot test\" tests=\"11\" failures=\"0\" errors=\"0\""), "{xml}");
    assert_eq!(xml.matches("<testcase ").count(), 11, "{xml}");
}

#[test]
fn our_own_suite_passes() {
    let dir = root().join("tests/data/convos/pass");
    let mut files = Vec::new();
    convo_files(&dir, &mut files);
    assert!(
        files.len() >= 60,
        "tests/data/convos/pass has {} conversation files; the suite needs at least 60",
        files.len()
    );
    let o = cbot(&["test", "tests/data/convos/pass", "--no-timing", "--json"]);
    assert_eq!(o.status.code(), Some(0), "{}{}", out(&o), err(&o));
    let v: serde_json::Value = serde_json::from_str(&out(&o)).unwrap();
    assert_eq!(v["summary"]["failed"], 0);
    assert!(v["summary"]["passed"].as_u64().unwrap() >= 60, "{}", v["summary"]);
}

/// Deliberately failing conversations: exit status 1, and each report
/// format is snapshotted (tests/data/convos/fail/expected/, `CBOT_BLESS=1`).
#[test]
fn failing_conversations_exit_1_with_readable_reports() {
    let expected = root().join("tests/data/convos/fail/expected");
    std::fs::create_dir_all(&expected).unwrap();
    let o = cbot(&["test", "tests/data/convos/fail", "--no-timing", "-j", "2"]);
    assert_eq!(o.status.code(), Some(1), "{}{}", out(&o), err(&o));
    let text = out(&o);
    assert!(text.contains("expected") && text.contains("actual (this turn)"), "{text}");
    let mut problems = Vec::new();
    problems.extend(compare_or_bless(&expected.join("report.txt"), &text).err());
    let o = cbot(&["test", "tests/data/convos/fail", "--no-timing", "--json"]);
    assert_eq!(o.status.code(), Some(1));
    problems.extend(compare_or_bless(&expected.join("report.json"), &out(&o)).err());
    let junit = scratch("fail.xml");
    let o = cbot(&["test", "tests/data/convos/fail", "--no-timing", "--junit", junit.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    problems.extend(compare_or_bless(&expected.join("report.xml"), &std::fs::read_to_string(&junit).unwrap()).err());
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
}

/// Every diagnostic code has a test input; each exits 2 without running
/// anything, and its rendering is snapshotted beside it (`.expected`).
#[test]
fn bad_test_files_get_coded_diagnostics() {
    let dir = root().join("tests/data/convos/errors");
    let mut entries: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir() || p.to_string_lossy().ends_with(".convo.txt"))
        .collect();
    entries.sort();
    let mut problems = Vec::new();
    let mut codes = Vec::new();
    for e in &entries {
        let name = e.file_name().unwrap().to_string_lossy().into_owned();
        let code = &name[..4];
        codes.push(code.to_string());
        let rel = e.strip_prefix(root()).unwrap().to_string_lossy().into_owned();
        let o = cbot(&["test", &rel, "--color", "never"]);
        assert_eq!(o.status.code(), Some(2), "{rel}: {}{}", out(&o), err(&o));
        let stderr = err(&o);
        assert!(
            stderr.contains(&format!("[{code}]")) || stderr.contains(code),
            "{rel} should report {code}:\n{stderr}"
        );
        assert!(!stderr.contains("panicked"), "{rel}: {stderr}");
        let snap = dir.join(format!("{}.expected", name.trim_end_matches(".convo.txt")));
        problems.extend(compare_or_bless(&snap, &stderr).err());
    }
    codes.sort();
    codes.dedup();
    for c in ["T001", "T002", "T003", "T004", "T005", "T006", "T007", "T009"] {
        assert!(codes.iter().any(|x| x == c), "no test input for {c} in tests/data/convos/errors");
    }
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
}

fn coverage_json(args: &[&str]) -> serde_json::Value {
    let mut all = vec!["test"];
    all.extend_from_slice(args);
    all.extend(["--json", "--coverage", "--no-timing"]);
    let o = cbot(&all);
    assert_eq!(o.status.code(), Some(0), "{}{}", out(&o), err(&o));
    let v: serde_json::Value = serde_json::from_str(&out(&o)).unwrap();
    v["coverage"][0].clone()
}

fn part(c: &serde_json::Value, kind: &str) -> (u64, u64) {
    let p = c["parts"].as_array().unwrap().iter().find(|p| p["kind"] == kind).unwrap();
    (p["hit"].as_u64().unwrap(), p["total"].as_u64().unwrap())
}

/// Coverage on the agent-handoff bot (3 dialogs; 5 interactions: two
/// starters, the welcome text, the transfer integration, the fallback
/// text; 5 starter patterns; no rules: the integration is an agent
/// escalation, which takes no next action; 4 next actions).
#[test]
fn coverage_counts_what_the_conversations_ran() {
    // Only the greeting: dialog 1, its starter and text, the pattern
    // `hello`, and their two next actions.
    let c = coverage_json(&["dialogs/agent-handoff/convos/welcome.convo.txt"]);
    assert_eq!(part(&c, "dialogs"), (1, 3));
    assert_eq!(part(&c, "interactions"), (2, 5));
    assert_eq!(part(&c, "patterns"), (1, 5));
    assert_eq!(part(&c, "rules"), (0, 0));
    assert_eq!(part(&c, "next_actions"), (2, 4));
    let missed: Vec<&str> = c["parts"][2]["missed"].as_array().unwrap().iter().map(|m| m.as_str().unwrap()).collect();
    assert!(missed.contains(&"1 Welcome `hi`"), "{missed:?}");
    // (1 + 2 + 1 + 0 + 2) / (3 + 5 + 5 + 0 + 4) = 6 / 17.
    assert_eq!(c["percent"], 35.3);
    // Only the transfer conversations: (1 + 2 + 1 + 0 + 1) / 17 = 29.4 %,
    // and --coverage-min fails the run although every test passed.
    let o = cbot(&["test", "dialogs/agent-handoff", "--filter", "transfer", "--coverage-min", "90"]);
    assert_eq!(o.status.code(), Some(1), "{}", err(&o));
    assert!(out(&o).contains("test result: ok. 4 passed"), "{}", out(&o));
    assert!(err(&o).contains("is 29.4%, under --coverage-min 90%"), "{}", err(&o));
    // All of them: everything.
    let c = coverage_json(&["dialogs/agent-handoff"]);
    assert_eq!(part(&c, "patterns"), (5, 5));
    assert_eq!(c["percent"], 100.0);
    let html = scratch("coverage.html");
    let o =
        cbot(&["test", "dialogs/agent-handoff/convos/welcome.convo.txt", "--coverage-html", html.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(page.contains("<table>") && page.contains("35.3%") && page.contains("1 Welcome `hi`"), "{page}");
    assert!(!page.contains("<script") && !page.contains("<link"), "the page must be self-contained");
}

/// A chat session recorded with `--record` replays as a passing test.
#[test]
fn record_then_replay() {
    use std::io::Write;
    let file = scratch("recorded.convo.txt");
    let mut child = Command::new(env!("CARGO_BIN_EXE_cbot"))
        .args(["chat", "dialogs/agent-handoff", "--channel", "lp_web", "--offline", "--record", file.to_str().unwrap()])
        .current_dir(root())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(b"hey\n!what?\nCLOSE the door\nget me an agent\n").unwrap();
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let text = std::fs::read_to_string(&file).unwrap();
    for want in [
        "#begin\nBOT ../../dialogs/agent-handoff\nCHANNEL lp_web\n",
        "#me\nhey\n\n#bot\nHi! I'm the demo bot. Ask me for an agent any time.\n",
        // A message starting with `!` is escaped; one starting with a
        // directive's name is sent through BUTTON, which takes it as is.
        "#me\n!!what?\n",
        "#me\nBUTTON CLOSE the door\n",
        "#me\nget me an agent\n\n#bot\nTRANSFER 12345678901\nTRANSFER_MESSAGE Transferring you to an agent\n",
    ] {
        assert!(text.contains(want), "missing {want:?} in\n{text}");
    }
    let o = cbot(&["test", file.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}{}\n{text}", out(&o), err(&o));
    // A changed expectation fails with the diff.
    let broken = scratch("recorded-broken.convo.txt");
    std::fs::write(&broken, text.replace("TRANSFER 12345678901", "TRANSFER 999")).unwrap();
    let o = cbot(&["test", broken.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(out(&o).contains("expected a transfer to skill \"999\""), "{}", out(&o));
}

/// `cbot bench` runs and reports every measurement (nothing about speed
/// is asserted: machines differ). The generated utterances are the bot's
/// own patterns filled in: 8 of the agent-handoff bot's 10 start a dialog.
#[test]
fn bench_reports_every_measurement() {
    let o = cbot(&["bench", "dialogs/agent-handoff", "--duration", "0.6", "--conversations", "50", "--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let v: serde_json::Value = serde_json::from_str(&out(&o)).unwrap();
    let r = &v["results"];
    assert_eq!(r["matching"]["utterances"], 10);
    assert_eq!(r["matching"]["matched"], 8);
    assert_eq!(r["matching"]["generated"], true);
    for key in ["per_sec", "ns_per_message"] {
        assert!(r["matching"][key].as_f64().unwrap() > 0.0, "{key}: {r}");
    }
    assert!(r["turns"]["turns"].as_u64().unwrap() > 0, "{r}");
    let (p50, p99, max) = (&r["turns"]["p50_us"], &r["turns"]["p99_us"], &r["turns"]["max_us"]);
    assert!(p50.as_f64() <= p99.as_f64() && p99.as_f64() <= max.as_f64(), "{r}");
    assert!(r["load"]["cold_ms"].as_f64().unwrap() > 0.0 && r["load"]["cached_ms"].as_f64().unwrap() > 0.0);
    assert!(v["baseline"].is_null());
    // A missing baseline is an error that says how to make one.
    let o = cbot(&["bench", "dialogs/agent-handoff", "--baseline", "no-such-run"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(err(&o).contains("--save no-such-run"), "{}", err(&o));
}
