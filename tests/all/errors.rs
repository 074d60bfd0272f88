//! Malformed bots: each file in tests/data/errors is named after the code it
//! must produce (`D015-missing-target.json` → D015). The plain rendering of
//! all its diagnostics must equal the `.txt` beside it; that pins the code,
//! the message and the exact span (file:line:col and the marked text).

use crate::util::{compare_or_bless, rel, root};
use cbot_diag::{SourceMap, render};
use std::collections::BTreeSet;

fn cases() -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir(root().join("tests/data/errors"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
}

/// Loads a file the way `cbot check` does and renders every diagnostic.
fn render_all(path: &std::path::Path) -> (Vec<&'static str>, String) {
    let mut sources = SourceMap::new();
    let loaded = cbot_model::load(&mut sources, rel(path), std::fs::read(path).unwrap());
    let mut out = String::new();
    for d in &loaded.diagnostics {
        out.push_str(&render::plain(d, &sources));
        out.push('\n');
    }
    (loaded.diagnostics.codes(), out)
}

#[test]
fn each_malformed_bot_gives_its_code_and_span() {
    let files = cases();
    assert!(files.len() >= 15, "the issue asks for at least 15 malformed inputs");
    let mut failures = Vec::new();
    for path in &files {
        let name = path.file_name().unwrap().to_string_lossy();
        let expected_code = &name[..4];
        let (codes, rendered) = render_all(path);
        if !codes.contains(&expected_code) {
            failures.push(format!("{name}: expected {expected_code}, got {codes:?}"));
            continue;
        }
        if let Err(e) = compare_or_bless(&path.with_extension("txt"), &rendered) {
            failures.push(e);
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn every_documented_code_has_a_case_and_every_case_is_documented() {
    let docs = std::fs::read_to_string(root().join("docs/diagnostics.md")).unwrap();
    let documented: BTreeSet<String> = docs
        .lines()
        .filter_map(|l| l.strip_prefix("## "))
        .map(|l| l.split_whitespace().next().unwrap().to_string())
        .filter(|c| c.starts_with('D'))
        .collect();
    let tested: BTreeSet<String> =
        cases().iter().map(|p| p.file_name().unwrap().to_string_lossy()[..4].to_string()).collect();
    assert_eq!(documented, tested);
    // And every code the model crate can emit is documented.
    let mut emitted = BTreeSet::new();
    for file in ["lib.rs", "codec.rs", "validate.rs"] {
        let src = std::fs::read_to_string(root().join("crates/model/src").join(file)).unwrap();
        for (i, _) in src.match_indices("\"D0") {
            emitted.insert(src[i + 1..i + 5].to_string());
        }
    }
    assert_eq!(emitted, documented);
}

#[test]
fn the_minimal_bot_is_clean() {
    let (codes, _) = render_all(&root().join("tests/data/bots/minimal.json"));
    assert_eq!(codes, Vec::<&str>::new());
}
