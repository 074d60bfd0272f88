//! `convo`: the test-file parser and compiler (cbot-testkit `parse` and
//! `compile`), which read Botium `.convo.txt`, `.pconvo.txt` and
//! `.utterances.txt` files with cbot's directives.
//!
//! Inputs: test files generated from the format (a name, a description,
//! `#begin`/`#me`/`#bot`/`#end`/`#include` sections holding text, `!`/`?`
//! lines and every hook with plausible and odd arguments), and the
//! project's test files mutated with section headers, hook names and
//! argument separators.
//!
//! Each input is read as a conversation (compiled against a library that
//! holds a partial conversation, an utterance list and the input itself as
//! a partial, so includes and include cycles are reached) and as an
//! utterance list. Checks: no panic; every diagnostic has a code, a span
//! inside the file on character boundaries, and renders.

use crate::mutate::mutate_text;
use crate::rng::Rng;
use crate::targets::{Seeded, check_diagnostics};
use crate::{Env, Finding, Worker};
use cbot_diag::SourceMap;
use cbot_testkit::compile::{self, Library};
use cbot_testkit::parse;
use std::path::Path;
use std::sync::Arc;

/// Names that are hooks in no version: misspellings and near misses.
const NOT_HOOKS: &[&str] = &["TEXT_WILDCARD", "BUTTONS_ANY", "NOT_A_HOOK", "X"];

/// Every hook name the test-file compiler knows, then [`NOT_HOOKS`].
fn hooks() -> &'static [&'static str] {
    static HOOKS: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    HOOKS.get_or_init(|| compile::hook_names().chain(NOT_HOOKS.iter().copied()).collect())
}

const ARGS: &[&str] = &[
    "",
    "x",
    "x|y",
    "a|b|c",
    "lp_sms",
    "web",
    "2025-06-02T10:00:00Z",
    "2025-06-02",
    "2025-13-45T99:99:99+99:99",
    "12:00",
    "42",
    "-1",
    "0",
    "99999999999999999999",
    "1e3",
    "NaN",
    "wildcardIgnoreCase",
    "regexp",
    "equals",
    "\\|",
    "name|200|{\"ok\": true}",
    "name|404|",
    "name|200|@body.json",
    "name|abc|{}",
    "name|500",
    "name|1500",
    "name",
    "$.a.b|1",
    "$..x",
    "$[0]",
    "$.a[",
    "(a|b)+",
    "[",
    "(?i)hi",
    "a{99999}",
    ">= 2",
    "<3",
    "== 1",
    ">",
    "*",
    "greet",
    "GREETINGS",
    "Human",
    "dialog name",
    "var|{\"a\": [1, 2]}",
    "var|",
    "|",
    "||",
    "é|ß",
    "😀",
    "true",
    "false",
];

const DICT: &[&str] = &[
    "#me\n",
    "#bot\n",
    "#begin\n",
    "#end\n",
    "#include greet\n",
    "#include ",
    "\n",
    "!",
    "?",
    "!!",
    "??",
    "|",
    "\\|",
    "@",
    "*",
    " ",
    "INCLUDE greet\n",
    "MOCK_API ",
    "SET_VAR ",
    "CLOCK ",
    "JSON_PATH ",
    "TEXT_REGEXP_ANY ",
    "BUTTONS ",
    "GREETINGS",
    "ASSERT_VAR ",
    "\r\n",
    "\t",
    "#",
];

/// A partial conversation and an utterance list every input can use.
const PARTIAL: &str = "greet\n\n#me\nhi\n\n#bot\nHello!\n";
const UTTERANCES: &str = "GREETINGS\nhi\nhello\nhey there\n";

fn builtin_seeds() -> Vec<String> {
    [
        "welcome\nthe bot greets\n\n#begin\nCHANNEL lp_sms\nCLOCK 2025-06-02T10:00:00Z\n\n#me\nhi\n\n#bot\nHello*\nBUTTONS Yes|No\n\n#me\nagent\n\n#bot\nTRANSFER Human\n\n#end\nASSERT_VAR x|1\n",
        "mocks\n\n#begin\nMOCK_API orders|200|{\"items\": [1, 2]}\nMOCK_API_DELAY orders|1500\n\n#me\nGREETINGS\n\n#bot\nJSON_PATH $.items[0]|1\n!TEXT_CONTAINS_ANY sorry|error\n?DEBUG x\n",
        PARTIAL,
        UTTERANCES,
    ]
    .map(str::to_string)
    .to_vec()
}

/// The target, its seeds read through `env`.
pub(crate) fn target(env: &Env) -> Seeded {
    let mut seeds = builtin_seeds();
    for suffix in [".convo.txt", ".pconvo.txt", ".utterances.txt"] {
        seeds.extend(env.texts("tests/data/convos", suffix, 64 << 10));
        seeds.extend(env.texts("dialogs", suffix, 64 << 10));
    }
    Seeded::new("convo", "txt", seeds, |seeds| Box::new(ConvoWorker { seeds }))
}

struct ConvoWorker {
    seeds: Arc<Vec<String>>,
}

fn generate_file(rng: &mut Rng) -> String {
    let mut out = String::new();
    if rng.chance(7, 8) {
        out.push_str(rng.pick(&["a test", "greet", "welcome: hi → hello", "", "  spaced  ", "GREETINGS", "é"], "t"));
        out.push('\n');
    }
    for _ in 0..rng.small(2) {
        out.push_str("some description\n");
    }
    for _ in 0..rng.range(0, 6) {
        if rng.chance(3, 4) {
            out.push('\n');
        }
        let header = rng.pick(
            &[
                "#me",
                "#bot",
                "#bot",
                "#me",
                "#begin",
                "#end",
                "#include greet",
                "#include",
                "#include nothing",
                "#unknown",
                "#ME",
            ],
            "#me",
        );
        out.push_str(header);
        out.push('\n');
        for _ in 0..rng.range(0, 4) {
            if rng.chance(1, 6) {
                out.push_str(rng.pick(&["!", "?", "!?", "?!", "  ", "\t"], "!"));
            }
            if rng.chance(3, 5) {
                out.push_str(rng.pick(hooks(), "TEXT"));
                if rng.chance(7, 8) {
                    out.push(' ');
                    out.push_str(rng.pick(ARGS, ""));
                }
            } else {
                out.push_str(
                    rng.pick(&["hi", "Hello*", "!!not", "??maybe", "GREETINGS", "*", "", "a|b", "x  y", "é ß"], "hi"),
                );
            }
            out.push_str(if rng.chance(1, 10) { "\r\n" } else { "\n" });
        }
    }
    out
}

impl Worker for ConvoWorker {
    fn generate(&mut self, rng: &mut Rng) -> Vec<u8> {
        let text = if rng.chance(2, 5) {
            generate_file(rng)
        } else {
            let seed = rng.choose(&self.seeds).cloned().unwrap_or_default();
            mutate_text(rng, &seed, DICT, &self.seeds, 6)
        };
        text.into_bytes()
    }

    fn execute(&mut self, input: &[u8]) -> Result<(), Finding> {
        check(&String::from_utf8_lossy(input))
    }
}

/// The parser's and compiler's properties on one file.
pub fn check(text: &str) -> Result<(), Finding> {
    let mut sources = SourceMap::new();
    let partial_id = sources.add("greet.pconvo.txt", PARTIAL.to_string());
    let list_id = sources.add("greetings.utterances.txt", UTTERANCES.to_string());
    let id = sources.add("fuzz.convo.txt", text.to_string());
    let mut library = Library::default();
    if let (Ok(p), Ok(u)) = (parse::convo(&sources, partial_id), parse::utterances(&sources, list_id)) {
        library.partials.insert("greet".into(), p);
        library.utterances.insert(u.name, u.utterances);
    }
    let mut diagnostics = Vec::new();
    // The input as an utterance list (its own file's rules).
    match parse::utterances(&sources, id) {
        Ok(u) => {
            if !u.name.is_empty() && u.name != "GREETINGS" {
                library.utterances.insert(u.name, u.utterances);
            }
        }
        Err(d) => diagnostics.push(d),
    }
    match parse::convo(&sources, id) {
        Ok(convo) => {
            // The input is also a partial of its own name: `#include NAME`
            // of itself must be found as a cycle, not recursed into.
            if !convo.name.trim().is_empty() {
                library.partials.insert(convo.name.trim().to_string(), convo.clone());
            }
            // A directory that does not exist: `@file` mock bodies fail to
            // read instead of reading whatever is there.
            let path = Path::new("/nonexistent/cbot-fuzz/fuzz.convo.txt");
            match compile::compile(&convo, path, &library, &sources) {
                Ok(cases) => {
                    if cases.len() > compile::MAX_EXPANSION {
                        return Err(Finding::new(
                            "utterance expansion over its limit",
                            format!("{} cases", cases.len()),
                        ));
                    }
                }
                Err(ds) => diagnostics.extend(ds),
            }
        }
        Err(d) => diagnostics.push(d),
    }
    check_diagnostics(&diagnostics, &sources, 3)
}
