//! Issue 12's hostile suites: scripts and bots written to hurt the host.
//!
//! **Hostile scripts** (tests/data/hostile/scripts/*.js) run in
//! conversations, each as the pre-process code of its own dialog of one
//! compiled bot (and the infinite loop also as post-process,
//! process-user-response, a global function, the global functions' own code
//! and `__initConversation`). For each the test checks that
//! - the turn ends within [`DEADLINE`], stopped by the limit the case names
//!   (`script_error` "the script exceeded its …"), or by a JavaScript error
//!   the script could have caught, or not at all where the host's bound
//!   leaves nothing to stop (a regex the linear engine runs);
//! - the conversation reports it as CB reports a failed script (CB-SPEC §8:
//!   the error is logged and the flow goes on: the interaction's content is
//!   still sent, after what the script sent before it failed), and its next
//!   messages are answered normally;
//! - a new conversation on the same compiled bot sees exactly what a
//!   conversation on a freshly loaded bot sees (tests/data/hostile/probe.js
//!   looks at the built-ins, globals and variables).
//!
//! **Hostile bots**: flows that never end (tests/data/hostile/flow.json),
//! 100,000 patterns, 20,000 dialogs, JSON and scripts nested 100,000 deep,
//! enormous templates. Each is bounded by CB's chain limits or by a limit of
//! cbot's with a clear error or diagnostic.
//!
//! Every case prints its time (`cargo test --test all hostile --
//! --nocapture`); docs/security.md lists the limits.

use crate::util::root;
use cbot_engine::{Bot, Config, Conversation, ConversationConfig, Engine, Event};
use cbot_script::Limit;
use serde_json::{Value as J, json};
use std::time::{Duration, Instant};

/// CB's text when nothing matches and there is no fallback dialog
/// (CB-SPEC §2.2).
const DEFAULT_FALLBACK: &str = "Not able to understand your question. Can you please re-phrase it?";

/// How long one hostile turn may take, generous even for a debug build on
/// a busy machine (the slowest case takes about 2 s in a debug build): a
/// hang detector, not a speed target (those live in benches/).
const DEADLINE: Duration = Duration::from_secs(30);

/// How long reading and compiling a huge bot may take: 100,000 patterns
/// took 47 s in a debug build on a machine busy with three other builds
/// (a few seconds when alone); anything unbounded would take hours.
const LOAD_DEADLINE: Duration = Duration::from_secs(240);

/// What a hostile script's turn must show.
enum Want {
    /// Stopped by this limit, after sending these messages.
    Limit(Limit, Sent),
    /// Stopped by an uncaught JavaScript error of this name.
    Js(&'static str),
    /// Not stopped: it runs to its end and sends these messages.
    Done(&'static [&'static str]),
}

/// The messages a script sends before it is stopped.
enum Sent {
    None,
    Exactly(&'static [&'static str]),
    /// Some number of messages in this range (how many megabyte messages
    /// fit the heap quota is the quota's business), each this long.
    Some(std::ops::RangeInclusive<usize>, usize),
    /// `message 0`, `message 1`, … this many.
    Numbered(usize),
}

/// Each script of tests/data/hostile/scripts and what it must do.
const CASES: &[(&str, Want)] = &[
    ("infinite-loop", Want::Limit(Limit::Fuel, Sent::None)),
    ("empty-try-loop", Want::Limit(Limit::Fuel, Sent::None)),
    ("try-catch-loop", Want::Limit(Limit::Fuel, Sent::None)),
    ("throw-error-loop", Want::Limit(Limit::Heap, Sent::None)),
    ("catch-the-limit", Want::Limit(Limit::Fuel, Sent::None)),
    ("deep-recursion", Want::Limit(Limit::Stack, Sent::None)),
    ("recursion-through-callbacks", Want::Limit(Limit::Stack, Sent::None)),
    ("recursion-catching", Want::Limit(Limit::Stack, Sent::None)),
    ("ten-million-allocations", Want::Limit(Limit::Heap, Sent::None)),
    ("string-doubling", Want::Limit(Limit::Heap, Sent::None)),
    ("concat-chain-abandoned", Want::Limit(Limit::Heap, Sent::None)),
    ("repeat-huge", Want::Limit(Limit::Heap, Sent::None)),
    ("array-join-huge", Want::Limit(Limit::Heap, Sent::None)),
    ("split-everything", Want::Limit(Limit::Heap, Sent::None)),
    ("replace-template-huge", Want::Limit(Limit::Heap, Sent::None)),
    ("indexof-loop", Want::Limit(Limit::Fuel, Sent::None)),
    ("string-index-loop", Want::Limit(Limit::Fuel, Sent::None)),
    ("big-map", Want::Limit(Limit::Fuel, Sent::None)),
    ("json-parse-huge", Want::Limit(Limit::Heap, Sent::Exactly(&["parsed 1000000 100001"]))),
    ("json-parse-deep", Want::Js("SyntaxError")),
    ("json-stringify-cyclic", Want::Js("TypeError")),
    ("json-stringify-shared", Want::Limit(Limit::Fuel, Sent::None)),
    ("join-cyclic", Want::Done(&["1,|1-"])),
    ("join-deep", Want::Limit(Limit::Stack, Sent::None)),
    ("join-shared", Want::Limit(Limit::Fuel, Sent::None)),
    ("regex-nested-quantifiers", Want::Done(&["false"])),
    ("regex-short-catastrophic", Want::Done(&["false,false,false"])),
    ("regex-backreference", Want::Limit(Limit::Fuel, Sent::None)),
    ("regex-refused", Want::Js("SyntaxError")),
    ("sendmessage-flood", Want::Limit(Limit::Calls, Sent::Numbered(10_000))),
    ("sendmessage-huge", Want::Limit(Limit::Heap, Sent::Some(1..=15, 1_000_000))),
    ("setbotvariable-flood", Want::Limit(Limit::Calls, Sent::None)),
    ("setbotvariable-huge", Want::Limit(Limit::Heap, Sent::Exactly(&["ready"]))),
    ("setbotvariable-huge-key", Want::Limit(Limit::Heap, Sent::Exactly(&["ready"]))),
    ("setbotvariable-shared", Want::Limit(Limit::Heap, Sent::None)),
    ("prototype-tampering", Want::Done(&["hijacked,yes"])),
    ("implicit-global", Want::Done(&["string"])),
];

fn script(name: &str) -> String {
    let path = root().join("tests/data/hostile/scripts").join(format!("{name}.js"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn rule(action: &str, value: &str) -> J {
    json!({"conditions": [], "contextConditions": [], "action": {"name": action, "value": value},
           "contextDataVariables": []})
}

fn text(t: &str) -> J {
    json!({"contentType": "STATIC",
           "results": {"type": "TEXT", "tile": {"tileData": [{"text": t, "buttons": [], "quickReplyList": []}]}}})
}

/// A dialog: a starter with `patterns`, then `steps` (interactions without
/// id, group or links: they are added here), the last one ending the flow.
fn dialog(id: &str, patterns: &[&str], steps: Vec<J>) -> (J, Vec<J>) {
    let mut out = vec![json!({"id": format!("{id}-start"), "name": format!("{id}-start"), "type": "BOT_MESSAGE",
        "interactionType": "DIALOG_STARTER", "group": id, "pattern": patterns, "responseMatches": [rule("INTERACTION", "next")]})];
    let n = steps.len();
    for (k, mut step) in steps.into_iter().enumerate() {
        let this = if k == 0 { id.to_string() } else { format!("{id}-{k}") };
        let o = step.as_object_mut().unwrap();
        o.insert("id".into(), json!(this));
        o.entry("name").or_insert_with(|| json!(this));
        o.insert("type".into(), json!("BOT_MESSAGE"));
        o.insert("group".into(), json!(id));
        o.insert(
            "prevMessageId".into(),
            json!(if k == 0 {
                format!("{id}-start")
            } else if k == 1 {
                id.to_string()
            } else {
                format!("{id}-{}", k - 1)
            }),
        );
        if k + 1 < n {
            o.insert("nextMessageId".into(), json!(format!("{id}-{}", k + 1)));
        }
        o.entry("responseMatches")
            .or_insert_with(|| json!([rule("INTERACTION", if k + 1 < n { "next" } else { "none" })]));
        out.push(step);
    }
    out[0].as_object_mut().unwrap().insert("nextMessageId".into(), json!(id));
    (json!({"id": id, "name": id, "dialogType": "DIALOG", "status": "ENABLED"}), out)
}

fn statement(t: &str) -> J {
    json!({"interactionType": "TEXT", "content": text(t)})
}

/// A CB export of these dialogs and global functions.
fn export(name: &str, dialogs: Vec<(J, Vec<J>)>, globals: Option<&str>) -> Vec<u8> {
    let (groups, messages): (Vec<J>, Vec<Vec<J>>) = dialogs.into_iter().unzip();
    let mut doc = json!({"bot": {"id": name, "name": name, "chatBotType": "CUSTOMER_FACING_BOT", "language": "en-US",
                                 "version": "2", "sessionLength": 0},
                         "responder": [], "requiredContext": [], "menus": [],
                         "conversationMessage": messages.concat(), "groups": groups});
    if let Some(g) = globals {
        doc["globalFunctions"] = json!({"methods": g});
    }
    serde_json::to_vec(&doc).unwrap()
}

/// The bot every hostile script runs in: a dialog per case (its name with
/// spaces for dashes starts it), the infinite loop in each other place a
/// script can be, `ping`, and `probe`.
fn hostile_script_bot() -> Vec<u8> {
    let mut dialogs = Vec::new();
    for (name, _) in CASES {
        let mut work = statement(&format!("{name} done."));
        work["name"] = json!(name);
        work["preProcessMessage"] = json!(script(name));
        dialogs.push(dialog(&format!("d-{name}"), &[&name.replace('-', " ")], vec![work]));
    }
    let spin = script("infinite-loop");
    let mut post = statement("post loop done.");
    post["name"] = json!("post-loop");
    post["postProcessMessage"] = json!(spin);
    dialogs.push(dialog("d-post", &["post loop"], vec![post]));
    let mut ask = json!({"name": "answer-loop", "interactionType": "TEXT_QUESTION", "content": text("Say anything."),
                         "processUserResponse": spin,
                         "responseMatches": [{"name": "any", "conditions": [], "contextConditions": [],
                                              "action": {"name": "INTERACTION", "value": "next"}, "contextDataVariables": []}]});
    ask["userInputRequired"] = json!(true);
    dialogs.push(dialog("d-answer", &["answer loop"], vec![ask, statement("answered.")]));
    let mut global = statement("global loop done.");
    global["name"] = json!("global-loop");
    global["preProcessMessage"] = json!("spinForever();");
    dialogs.push(dialog("d-global", &["global loop"], vec![global]));
    dialogs.push(dialog("d-ping", &["ping"], vec![statement("pong")]));
    let mut probe = statement("probe: {$botContext.probe}");
    probe["name"] = json!("probe");
    probe["preProcessMessage"] = json!(std::fs::read_to_string(root().join("tests/data/hostile/probe.js")).unwrap());
    dialogs.push(dialog("d-probe", &["probe"], vec![probe]));
    export("hostile-scripts", dialogs, Some("function spinForever() {\n  while (true) {}\n}\n"))
}

fn engine() -> Engine {
    Engine::new(&Config::default()).unwrap()
}

fn events(c: &mut Conversation, message: &str) -> (Vec<Event>, Duration) {
    let started = Instant::now();
    let turn = c.send(message);
    (turn.events, started.elapsed())
}

fn texts(events: &[Event]) -> Vec<&str> {
    events
        .iter()
        .filter_map(|e| match e {
            Event::Text { text } => Some(text.as_str()),
            _ => None,
        })
        .collect()
}

fn script_errors(events: &[Event]) -> Vec<(&str, &str)> {
    events
        .iter()
        .filter_map(|e| match e {
            Event::ScriptError { panel, error } => Some((panel.as_str(), error.as_str())),
            _ => None,
        })
        .collect()
}

fn limit_error(limit: Limit) -> String {
    format!("the script exceeded its {}", limit.name())
}

/// A conversation's answers to `messages`, as JSON (for comparing two).
fn transcript(bot: &Bot, messages: &[&str]) -> J {
    let mut c = bot.start(ConversationConfig { seed: Some(7), ..ConversationConfig::default() });
    J::Array(messages.iter().map(|m| serde_json::to_value(&c.send(m).events).unwrap()).collect())
}

#[test]
fn hostile_scripts_are_stopped_by_their_limits_and_the_bot_carries_on() {
    let bytes = hostile_script_bot();
    let bot = engine().load_bot_bytes("hostile-scripts.json", bytes.clone()).unwrap();
    assert!(bot.script_problems().is_empty(), "{:?}", bot.script_problems());
    let fresh = engine().load_bot_bytes("hostile-scripts.json", bytes).unwrap();
    let baseline = transcript(&fresh, &["ping", "probe"]);
    // The probe sees JavaScript as it is.
    assert_eq!(
        baseline[1],
        json!([{"type": "text", "text": "probe: 1|1|undefined|abc|{\"k\":[1,2]}|2|x,y|true|233|2|undefined|object"}])
    );
    let mut times = Vec::new();
    for (name, want) in CASES {
        let mut c = bot.start(ConversationConfig::default());
        let (ev, took) = events(&mut c, &name.replace('-', " "));
        times.push((name.to_string(), took));
        assert!(took < DEADLINE, "{name}: took {took:?}");
        // The flow goes on after the script: the content is sent, last.
        let done = format!("{name} done.");
        assert_eq!(
            ev.last(),
            Some(&Event::Text { text: done.clone() }),
            "{name}: {:?}",
            &ev[ev.len().saturating_sub(3)..]
        );
        let errors = script_errors(&ev);
        let sent: Vec<&str> = texts(&ev[..ev.len() - 1]);
        let panel = format!("{name}/preProcessMessage");
        match want {
            Want::Limit(limit, expected) => {
                assert_eq!(errors, vec![(panel.as_str(), limit_error(*limit).as_str())], "{name}");
                // The script error comes after what the script sent.
                assert!(matches!(ev[ev.len() - 2], Event::ScriptError { .. }), "{name}");
                match expected {
                    Sent::None => assert!(sent.is_empty(), "{name}: {sent:?}"),
                    Sent::Exactly(m) => assert_eq!(&sent, m, "{name}"),
                    Sent::Some(range, len) => {
                        assert!(range.contains(&sent.len()), "{name}: {} messages", sent.len());
                        assert!(sent.iter().all(|m| m.len() == *len), "{name}");
                    }
                    Sent::Numbered(n) => {
                        assert_eq!(sent.len(), *n, "{name}");
                        assert!(sent.iter().enumerate().all(|(i, m)| *m == format!("message {i}")), "{name}");
                    }
                }
            }
            Want::Js(kind) => {
                assert_eq!(errors.len(), 1, "{name}: {errors:?}");
                assert_eq!(errors[0].0, panel, "{name}");
                assert!(errors[0].1.starts_with(&format!("{kind}: ")), "{name}: {}", errors[0].1);
                assert!(sent.is_empty(), "{name}: {sent:?}");
            }
            Want::Done(m) => {
                assert!(errors.is_empty(), "{name}: {errors:?}");
                assert_eq!(&sent, m, "{name}");
            }
        }
        // The same conversation carries on as if nothing had happened.
        assert_eq!(texts(&events(&mut c, "ping").0), ["pong"], "{name}: ping after");
        let probe = serde_json::to_value(&events(&mut c, "probe").0).unwrap();
        assert_eq!(probe, baseline[1], "{name}: probe after");
    }
    // A new conversation on the bot that ran them all is a fresh bot's.
    assert_eq!(transcript(&bot, &["ping", "probe"]), baseline);
    times.sort_by_key(|t| std::cmp::Reverse(t.1));
    eprintln!("hostile scripts, slowest first:");
    for (name, took) in &times {
        eprintln!("  {took:>10.2?}  {name}");
    }
}

/// The infinite loop in every other place a script can be: each stops at
/// the CPU budget and the flow goes on as it would after that code.
#[test]
fn a_runaway_script_anywhere_is_stopped_and_the_flow_goes_on() {
    let bot = engine().load_bot_bytes("hostile-scripts.json", hostile_script_bot()).unwrap();
    let fuel = limit_error(Limit::Fuel);
    let mut c = bot.start(ConversationConfig::default());
    let (ev, took) = events(&mut c, "post loop");
    assert!(took < DEADLINE, "{took:?}");
    // Post-process runs before the content goes out (CB-SPEC §3.2).
    assert_eq!(script_errors(&ev), [("post-loop/postProcessMessage", fuel.as_str())]);
    assert_eq!(texts(&ev), ["post loop done."]);
    assert_eq!(texts(&events(&mut c, "answer loop").0), ["Say anything."]);
    let (ev, took) = events(&mut c, "anything at all");
    assert!(took < DEADLINE, "{took:?}");
    assert_eq!(script_errors(&ev), [("answer-loop/processUserResponse", fuel.as_str())]);
    assert_eq!(texts(&ev), ["answered."], "the rule's next action is still taken");
    let (ev, _) = events(&mut c, "global loop");
    assert_eq!(script_errors(&ev), [("global-loop/preProcessMessage", fuel.as_str())]);
    assert_eq!(texts(&ev), ["global loop done."]);
    assert_eq!(texts(&events(&mut c, "ping").0), ["pong"]);

    // `__initConversation` and the global functions' own code: every
    // conversation starts with the error, and then works. The global code
    // runs before each panel (and the start of a conversation, which looks
    // for `__initConversation`), so each reports it.
    let init: &[&str] = &["__initConversation"];
    let both: &[&str] = &["__initConversation", "ping/preProcessMessage"];
    for (globals, panels) in [
        ("function __initConversation() {\n  while (true) {}\n}\n", init),
        ("var ready = true;\nwhile (true) {}\n", both),
    ] {
        let mut ping = statement("pong");
        ping["name"] = json!("ping");
        ping["preProcessMessage"] = json!("var x = 1;");
        let bytes = export("hostile-init", vec![dialog("d-ping", &["ping"], vec![ping])], Some(globals));
        let bot = engine().load_bot_bytes("hostile-init.json", bytes).unwrap();
        for _ in 0..2 {
            let started = Instant::now();
            let mut c = bot.start(ConversationConfig::default());
            let (ev, _) = events(&mut c, "ping");
            assert!(started.elapsed() < DEADLINE);
            let want: Vec<(&str, &str)> = panels.iter().map(|p| (*p, fuel.as_str())).collect();
            assert_eq!(script_errors(&ev), want, "{globals}");
            assert_eq!(texts(&ev), ["pong"], "{globals}");
        }
    }
}

/// Cyclic flows end at CB's limits (CB-SPEC §2.8), a next action into
/// nothing ends the flow (with a warning when the bot is read), and a
/// starter that leads to itself (which CB's limits do not count) stops at
/// cbot's 1,000 interactions a turn. The next message is answered.
#[test]
fn cyclic_and_dangling_flows_end_with_clear_errors() {
    let path = root().join("tests/data/hostile/flow.json");
    let bot = engine().load_bot(&path).unwrap();
    // CB's own messages (CB-SPEC §2.8).
    let chain = "BREAKING THE INTERACTION FLOW. Reached max limit on daisy chaining of interactions: 10";
    let hops = "Breaking the interaction flow because iteration count exceeded 5";
    let mut c = bot.start(ConversationConfig::default());
    let cases: [(&str, Vec<&str>, Option<&str>); 5] = [
        ("cycle", ["A", "B"].repeat(5), Some(chain)),
        ("self", vec!["Again."; 10], Some(chain)),
        ("ping pong", ["Ping.", "Pong."].repeat(3), Some(hops)),
        ("missing", vec!["Going nowhere."], None),
        ("starter loop", vec!["around"; 1000], Some("the flow ran more than 1000 interactions in one turn")),
    ];
    for (message, want, error) in cases {
        let (ev, took) = events(&mut c, message);
        eprintln!("  {took:>10.2?}  flow: {message}");
        assert!(took < DEADLINE, "{message}: {took:?}");
        assert_eq!(texts(&ev), want, "{message}");
        let errors: Vec<&str> = ev
            .iter()
            .filter_map(|e| match e {
                Event::Error { message } => Some(message.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(errors, error.into_iter().collect::<Vec<_>>(), "{message}");
        assert_eq!(texts(&events(&mut c, "hello").0), ["Hello!"], "after {message}");
    }
    // The dangling target is reported where it is.
    let mut sources = cbot_diag::SourceMap::new();
    let loaded = cbot_model::load(&mut sources, "flow.json", std::fs::read(&path).unwrap());
    let d015: Vec<String> = loaded
        .diagnostics
        .iter()
        .filter(|d| d.code() == "D015")
        .map(|d| cbot_diag::render::plain(d, &sources))
        .collect();
    assert_eq!(d015.len(), 1, "{d015:?}");
    assert!(d015[0].contains("no-such-interaction") && d015[0].contains("flow.json:"), "{}", d015[0]);
}

/// 100,000 patterns: a thousand dialogs of a hundred starter patterns each
/// (literal, wildcard and alternative ones; 13,000 of them redundant, which
/// the checks report). The bot is read, checked and compiled in well under
/// half a minute even in a debug build (about 20 s on two busy cores), and
/// answers in microseconds.
#[test]
fn a_bot_of_100_000_patterns_loads_and_matches_in_time() {
    let many_dialogs: Vec<(J, Vec<J>)> = (0..1000)
        .map(|d| {
            let patterns: Vec<String> = (0..100)
                .map(|k| match k % 3 {
                    0 => format!("order {d} {k}"),
                    1 => format!("*track {d} {k}*"),
                    _ => format!("(ask|tell) about {d} {k}"),
                })
                .collect();
            let patterns: Vec<&str> = patterns.iter().map(String::as_str).collect();
            dialog(&format!("d{d}"), &patterns, vec![statement(&format!("dialog {d}"))])
        })
        .collect();
    let bots = [(
        "100k-patterns",
        export("p", many_dialogs, None),
        vec![("order 999 99", "dialog 999"), ("please track 500 1 now", "dialog 500"), ("tell about 3 2", "dialog 3")],
    )];
    for (name, bytes, turns) in bots {
        let started = Instant::now();
        let bot = engine().load_bot_bytes(name, bytes).unwrap();
        let loaded = started.elapsed();
        eprintln!("  {loaded:>10.2?}  {name}: read, checked and compiled");
        assert!(loaded < LOAD_DEADLINE, "{name}: loading took {loaded:?}");
        let mut c = bot.start(ConversationConfig::default());
        for (message, answer) in turns.into_iter().chain([("nothing like it", DEFAULT_FALLBACK)]) {
            let (ev, took) = events(&mut c, message);
            eprintln!("  {took:>10.2?}  {name}: {message:?}");
            assert!(took < DEADLINE, "{name}: {message:?} took {took:?}");
            assert_eq!(texts(&ev), [answer], "{name}: {message:?}");
        }
    }
}

/// 20,000 dialogs: read, checked, compiled and answered in time.
#[test]
fn a_bot_of_20_000_dialogs_loads_and_answers_in_time() {
    let dialogs: Vec<(J, Vec<J>)> = (0..20_000)
        .map(|d| dialog(&format!("d{d}"), &[&format!("topic {d}")], vec![statement(&format!("dialog {d}"))]))
        .collect();
    let started = Instant::now();
    let bot = engine().load_bot_bytes("20k-dialogs", export("dialogs", dialogs, None)).unwrap();
    let loaded = started.elapsed();
    eprintln!("  {loaded:>10.2?}  20,000 dialogs: read, checked and compiled");
    assert!(loaded < LOAD_DEADLINE, "{loaded:?}");
    let mut c = bot.start(ConversationConfig::default());
    for d in [0, 12_345, 19_999] {
        let (ev, took) = events(&mut c, &format!("topic {d}"));
        assert!(took < DEADLINE, "{took:?}");
        assert_eq!(texts(&ev), [format!("dialog {d}")]);
    }
}

/// JSON, the text format and scripts nested 100,000 deep: a diagnostic
/// with a location, never a stack overflow. A script that nests too deep
/// for the compiler leaves the rest of the bot working.
#[test]
fn deeply_nested_bots_are_refused_with_located_diagnostics() {
    for depth in [129, 100_000] {
        let doc = format!("{{\"bot\": {{\"name\": \"deep\", \"x\": {}{}}}}}", "[".repeat(depth), "]".repeat(depth));
        let mut sources = cbot_diag::SourceMap::new();
        let loaded = cbot_model::load(&mut sources, "deep.json", doc.into_bytes());
        assert!(loaded.bot.is_none(), "{depth}");
        let d003: Vec<_> = loaded.diagnostics.iter().filter(|d| d.code() == "D003").collect();
        assert_eq!(d003.len(), 1, "{depth}");
        let text = cbot_diag::render::plain(d003[0], &sources);
        // Located where the 129th level opens: two objects, then the
        // 127th bracket of "x".
        let column = r#"{"bot": {"name": "deep", "x": "#.len() + 127;
        assert!(text.contains(&format!("deep.json:1:{column}")), "{text}");
        let err = engine().load_bot_bytes(
            "deep.json",
            format!("{{\"x\": {}{}}}", "{\"a\": ".repeat(depth), "}".repeat(depth)).into_bytes(),
        );
        assert!(matches!(err, Err(cbot_engine::Error::Invalid(ref r)) if r.contains("D003")), "{depth}");

        let text = format!("bot {{\n  x {}{}\n}}\n", "[".repeat(depth), "]".repeat(depth));
        let mut sources = cbot_diag::SourceMap::new();
        let f = sources.add("deep.cbot", text);
        let diags = cbot_dsl::format(&sources, f).expect_err("too deep");
        let rendered: Vec<String> = diags.iter().map(|d| cbot_diag::render::plain(d, &sources)).collect();
        assert!(
            rendered.iter().any(|r| r.contains("nested more than 128 levels deep") && r.contains("deep.cbot:2:")),
            "{rendered:?}"
        );
    }
    // A code panel 100,000 levels deep: S002 at the place it gets too deep;
    // the panel does not run, the bot does.
    let mut deep = statement("still here.");
    deep["name"] = json!("deep");
    deep["preProcessMessage"] = json!(format!("var x = {}1{};", "(".repeat(100_000), ")".repeat(100_000)));
    let mut sum = statement("sum here.");
    sum["name"] = json!("sum");
    sum["preProcessMessage"] = json!(format!("var x = {};", vec!["1"; 100_000].join("+")));
    let bytes = export(
        "deep-script",
        vec![
            dialog("d-deep", &["deep"], vec![deep]),
            dialog("d-sum", &["sum"], vec![sum]),
            dialog("d-ping", &["ping"], vec![statement("pong")]),
        ],
        None,
    );
    let bot = engine().load_bot_bytes("deep-script.json", bytes).unwrap();
    let problems = bot.script_problems();
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(problems.iter().all(|(_, why)| why.starts_with("S002: the script nests too deeply")), "{problems:?}");
    let mut c = bot.start(ConversationConfig::default());
    for (message, panel, answer) in
        [("deep", "deep/preProcessMessage", "still here."), ("sum", "sum/preProcessMessage", "sum here.")]
    {
        let ev = c.send(message).events;
        let errors = script_errors(&ev);
        assert_eq!(errors.len(), 1, "{ev:?}");
        assert_eq!(errors[0].0, panel);
        assert!(errors[0].1.starts_with("not run: S002"), "{}", errors[0].1);
        assert_eq!(texts(&ev), [answer]);
    }
    assert_eq!(texts(&c.send("ping").events), ["pong"]);
}

/// Templates: a 10 MB text goes out as it is; 100,000 forms naming a
/// 100 KB value stop at 16 MiB of values with an error; a value that looks
/// like a template is not expanded again (CB-SPEC §5).
#[test]
fn enormous_templates_are_bounded() {
    let big = "x".repeat(10 << 20);
    let mut many = statement(&"{$botContext.v}".repeat(100_000));
    many["preProcessMessage"] = json!("botContext.setBotVariable('v', 'y'.repeat(100000), false, false);");
    let mut again = statement("{$botContext.loop}|{$botContext.loop}");
    again["preProcessMessage"] =
        json!("botContext.setBotVariable('loop', '{$botContext.loop}{$botContext.loop}', false, false);");
    let bytes = export(
        "templates",
        vec![
            dialog("d-big", &["big"], vec![statement(&big)]),
            dialog("d-many", &["many"], vec![many]),
            dialog("d-again", &["again"], vec![again]),
            dialog("d-ping", &["ping"], vec![statement("pong")]),
        ],
        None,
    );
    let bot = engine().load_bot_bytes("templates.json", bytes).unwrap();
    let mut c = bot.start(ConversationConfig::default());
    let (ev, took) = events(&mut c, "big");
    eprintln!("  {took:>10.2?}  a 10 MB message");
    assert!(took < DEADLINE);
    assert_eq!(texts(&ev), [big.as_str()]);
    let (ev, took) = events(&mut c, "many");
    eprintln!("  {took:>10.2?}  100,000 forms of a 100 KB value");
    assert!(took < DEADLINE);
    let limit = cbot_engine::MAX_TEMPLATE_GROWTH;
    let sent = texts(&ev);
    assert_eq!(sent.len(), 1);
    // As many whole values as fit; the rest are left out.
    assert_eq!(sent[0].len(), limit / 100_000 * 100_000);
    assert!(sent[0].bytes().all(|b| b == b'y'));
    assert!(ev.contains(&Event::Error {
        message: "a template's values add more than 16 MiB to it: the rest of them are left out".into()
    }));
    assert_eq!(
        texts(&c.send("again").events),
        ["{$botContext.loop}{$botContext.loop}|{$botContext.loop}{$botContext.loop}"]
    );
    assert_eq!(texts(&c.send("ping").events), ["pong"]);
}

/// A dialog starter that leads to itself runs its code each time, and CB's
/// chain limits do not count starters: the turn's scripts share four runs'
/// worth of fuel, after which its panels do not run, and the turn ends at
/// cbot's 1,000 interactions.
#[test]
fn a_turn_of_runaway_scripts_stops_at_the_turn_budget() {
    let mut start = json!({"id": "loop-start", "name": "loop-start", "type": "BOT_MESSAGE",
        "interactionType": "DIALOG_STARTER", "group": "d-loop", "pattern": ["spin"],
        "preProcessMessage": "while (true) {}", "responseMatches": [rule("INTERACTION", "loop-start")]});
    start["userInputRequired"] = json!(false);
    let (ping_group, ping) = dialog("d-ping", &["ping"], vec![statement("pong")]);
    let loop_group = json!({"id": "d-loop", "name": "d-loop", "dialogType": "DIALOG", "status": "ENABLED"});
    let bytes = export("turn-budget", vec![(loop_group, vec![start]), (ping_group, ping)], None);
    let bot = engine().load_bot_bytes("turn-budget.json", bytes).unwrap();
    let mut c = bot.start(ConversationConfig::default());
    let (ev, took) = events(&mut c, "spin");
    eprintln!("  {took:>10.2?}  1,000 starters running a runaway script");
    assert!(took < DEADLINE, "{took:?}");
    let errors = script_errors(&ev);
    assert_eq!(errors.len(), 1000);
    let fuel = limit_error(Limit::Fuel);
    let runs = cbot_engine::TURN_SCRIPT_RUNS as usize;
    assert!(
        errors[..runs].iter().all(|(p, e)| *p == "loop-start/preProcessMessage" && *e == fuel),
        "{:?}",
        &errors[..runs + 1]
    );
    assert!(
        errors[runs..]
            .iter()
            .all(|(_, e)| *e == format!("not run: this turn's scripts have used {runs} runs' worth of their limits")),
        "{:?}",
        &errors[runs..runs + 1]
    );
    assert_eq!(
        ev.last(),
        Some(&Event::Error { message: "the flow ran more than 1000 interactions in one turn".into() })
    );
    // The next turn has a budget of its own.
    assert_eq!(texts(&events(&mut c, "ping").0), ["pong"]);
    let (ev, _) = events(&mut c, "spin");
    assert_eq!(script_errors(&ev)[0], ("loop-start/preProcessMessage", fuel.as_str()));
}

/// A bot that grows its state on every turn: a new 1 MB bot variable per
/// "grow", and a new 1 MB context-service property. Both stop at their
/// budgets with a clear error (the variable) or a refused write (`false`
/// from the context service, as for an unregistered namespace); the
/// conversation goes on and what was stored before stays.
#[test]
fn state_that_grows_across_turns_is_bounded() {
    let grow = json!({"interactionType": "TEXT", "content": text("grown"),
        "preProcessMessage": "var n = Number(botContext.getBotVariable('n') || 0) + 1;\n\
            botContext.setBotVariable('n', n, true, false);\n\
            var big = new Array(1 << 20).join('x');\n\
            botContext.setBotVariable('v' + n, big, true, false);\n\
            botContext.sendMessage('ctx ' + botContext.setContextDataForConversation('ns', 'p' + n, big));"});
    let (group, steps) = dialog("d-grow", &["grow"], vec![grow]);
    let bytes = export(
        "grow",
        vec![(group, steps)],
        Some("function __initConversation() { botContext.registerContextNamespace('ns'); }"),
    );
    let bot = engine().load_bot_bytes("grow.json", bytes).unwrap();
    let store = cbot_host::ContextStore::shared();
    store.lock().unwrap().set_limit(8 << 20);
    let config = ConversationConfig {
        variables_bytes: 4 << 20,
        context_store: Some(store.clone()),
        ..ConversationConfig::default()
    };
    let mut c = bot.start(config);
    let mut refused_at = None;
    for turn in 1..=12 {
        let (ev, took) = events(&mut c, "grow");
        assert!(took < DEADLINE, "{took:?}");
        assert!(texts(&ev).contains(&"grown"), "turn {turn}: {ev:?}");
        let errors = script_errors(&ev);
        if let Some((_, e)) = errors.first() {
            assert!(e.contains(&format!("setBotVariable('v{turn}')")) && e.contains("4194304 bytes"), "{e}");
            refused_at.get_or_insert(turn);
        }
        assert!(c.variables_bytes() <= 4 << 20, "turn {turn}: {}", c.variables_bytes());
        assert!(store.lock().unwrap().bytes() <= 8 << 20);
        // The context service takes 1 MB properties until its 8 MB are used.
        let ctx_ok = texts(&ev).contains(&"ctx true");
        assert_eq!(ctx_ok, turn <= 7, "turn {turn}: {:?}", texts(&ev));
    }
    // Three 1 MB variables (and `n`) fit in 4 MB; every later one is refused.
    assert_eq!(refused_at, Some(4));
    let (ev, _) = events(&mut c, "grow");
    assert_eq!(script_errors(&ev).len(), 1);
}
