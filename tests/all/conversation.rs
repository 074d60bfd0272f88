//! The conversation runtime: scripted conversations with exact events.
//!
//! - tests/data/bots/NAME.convo.json runs against tests/data/bots/NAME.json
//!   (or the bot named by its `"bot"` key, relative to the repository):
//!   `{"channel": "web", "vars": {..}, "mocks": {"Integration": {"status": 200, "body": ..}},
//!     "turns": [{"user": "hi", "events": [..exact events..]}]}`
//! - the agent-handoff bot on web, lp_web and lp_sms;
//! - every sample export holds a short conversation without breaking.

use crate::util::{cb_exports, data_files, fixtures, rel, root};
use cbot_engine::{Config, ConversationConfig, Engine, Event, Mocks, Value};
use serde_json::json;
use std::sync::Arc;

fn engine() -> Engine {
    Engine::new(&Config::default()).unwrap()
}

fn config(channel: &str) -> ConversationConfig {
    let mut c = ConversationConfig::default();
    c.info.channel = channel.to_string();
    c.info.user_channel = if channel.starts_with("lp_") { channel.to_string() } else { format!("lp_{channel}") };
    c
}

fn events_json(events: &[Event]) -> serde_json::Value {
    serde_json::to_value(events).unwrap()
}

#[test]
fn agent_handoff_transfers_with_the_message_on_livperson_channels() {
    let bot = engine().load_bot(root().join("dialogs/agent-handoff")).unwrap();
    assert!(bot.script_problems().is_empty(), "{:?}", bot.script_problems());
    for channel in ["lp_web", "lp_sms"] {
        let mut c = bot.start(config(channel));
        let hi = c.send("hi");
        assert_eq!(
            events_json(&hi.events),
            json!([{"type": "text", "text": "Hi! I'm the demo bot. Ask me for an agent any time."}]),
            "{channel}"
        );
        let t = c.send("I want to talk to a human");
        // The channel check stores the message; the escalation
        // integration's post body carries it to the Human skill.
        assert_eq!(
            events_json(&t.events),
            json!([{"type": "transfer", "skill": "Human", "skillId": "12345678901",
                    "message": "Transferring you to an agent"}]),
            "{channel}"
        );
        assert_eq!(c.status(), cbot_engine::Status::Transferred);
        // With an agent, the bot no longer answers.
        assert!(c.send("hello?").events.is_empty());
        // A failed escalation comes back to the bot as a message (CB-SPEC §6.5).
        // Here it contains "agent", so the handoff dialog starts again.
        let back = c.send("__agent_escalation_failed__");
        assert!(back.events.iter().any(|e| matches!(e, Event::Transfer { .. })), "{:?}", back.events);
    }
}

#[test]
fn agent_handoff_on_web_sends_the_message_to_the_user() {
    let bot = engine().load_bot(root().join("dialogs/agent-handoff")).unwrap();
    let mut traced = config("web");
    traced.trace = true;
    let mut c = bot.start(traced);
    let t = c.send("I need a human please");
    assert_eq!(
        events_json(&t.events),
        json!([
            {"type": "text", "text": "Transferring you to an agent"},
            {"type": "transfer", "skill": "Human", "skillId": "12345678901", "message": ""}
        ])
    );
    // The transfer message was never stored: the trace says the template was empty.
    assert!(t.trace.iter().any(|l| l.contains("transferMessage")), "{:?}", t.trace);
    let mut c = bot.start(config("web"));
    let t = c.send("what is this");
    assert_eq!(
        events_json(&t.events),
        json!([{"type": "text", "text": "Sorry, I didn't get that. Say 'agent' to talk to a person."}])
    );
}

/// Each sample bot takes a greeting, an unknown message and a request for
/// an agent without an engine error or a script error. Integrations answer
/// 200 with data shaped like the real services' (the samples' scripts read
/// it): the store locator's `stores`, the buttons API's record from
/// shared/fixtures/cb-samples/dynamic-button-api-data.json; `{}` otherwise.
/// Most bots answer something.
#[test]
fn sample_bots_hold_a_short_conversation() {
    let engine = engine();
    let mut report = Vec::new();
    let paths: serde_json::Value =
        serde_json::from_slice(&std::fs::read(root().join("tests/data/sample-paths.json")).unwrap()).unwrap();
    for path in cb_exports() {
        let bot = engine.load_bot(&path).unwrap_or_else(|e| panic!("{}: {e}", rel(&path)));
        let mut mocks = Mocks::new();
        for g in bot_integrations(&path) {
            let body = match g.as_str() {
                "StoreLocator" => r#"{"stores":[{"id":"1","city":"Austin","address":"1 Congress Ave"},
                    {"id":"2","city":"Boston","address":"2 Main St"}]}"#
                    .to_string(),
                "Buttons" => {
                    let data = std::fs::read(fixtures().join("cb-samples/dynamic-button-api-data.json")).unwrap();
                    let all: serde_json::Value = serde_json::from_slice(&data).unwrap();
                    all[1].to_string()
                }
                // Shaped like the real services' answers (jService's clue
                // list, OpenAI's completion, Shopify's products list).
                "jService" => {
                    r#"[{"category":{"title":"science"},"answer":"Ohm","question":"Unit of resistance"}]"#.to_string()
                }
                "GPT3" => r#"{"choices":[{"text":"Hello, I am glad you asked."}]}"#.to_string(),
                "getProducts" => r#"{"products":[{"id":1,"title":"Shirt","handle":"shirt","image":null,"images":[],
                    "variants":[{"id":11,"inventory_quantity":3,"option2":"Blue","image_id":null}]}]}"#
                    .to_string(),
                _ => "{}".to_string(),
            };
            mocks = mocks.with(&g, 200, &body);
        }
        // The five messages every bot gets, then the bot's own paths from
        // tests/data/sample-paths.json (written to reach every code panel),
        // each in a fresh conversation; panel runs add up over all of them.
        let file = path.file_name().unwrap().to_string_lossy().to_string();
        let spec = &paths[file.as_str()];
        let mut conversations: Vec<Vec<String>> =
            vec![["hi", "zzz qqq", "agent", "help", "1"].iter().map(|m| m.to_string()).collect()];
        // A message is its text, or `{"intent": …, "text": …}` for what an
        // NLU would have classified it as (bots whose dialogs start only on
        // an intent).
        for convo in spec["conversations"].as_array().into_iter().flatten() {
            let messages = convo.as_array().expect("a conversation is a list of messages");
            conversations.push(
                messages
                    .iter()
                    .map(|m| match m.as_str() {
                        Some(text) => text.to_string(),
                        None => format!("{}\u{0}{}", m["intent"].as_str().unwrap(), m["text"].as_str().unwrap()),
                    })
                    .collect(),
            );
        }
        let mocks = Arc::new(mocks);
        let names = bot.panel_names().to_vec();
        let mut runs = vec![0u32; names.len()];
        let (mut said, mut script_errors) = (0, 0);
        for messages in &conversations {
            let mut c = config("lp_web");
            c.transport = mocks.clone();
            let mut conversation = bot.start(c);
            // A location the user shared (`getUserLocation()`), when the
            // bot's paths need one.
            if let Some(at) = spec.get("location") {
                let text = |k: &str| at[k].as_str().unwrap_or_default().to_string();
                let number = |k: &str| at[k].as_f64().unwrap_or_default();
                conversation.user_data_mut().set_location(
                    &text("city"),
                    &text("state"),
                    &text("zip"),
                    number("latitude"),
                    number("longitude"),
                );
            }
            for message in messages {
                let message = match message.split_once('\u{0}') {
                    Some((intent, text)) => {
                        conversation.force_intent(intent);
                        text
                    }
                    None => message.as_str(),
                };
                let turn = conversation.send(message);
                said += turn.events.iter().filter(|e| e.is_message()).count();
                for e in &turn.events {
                    if let Event::ScriptError { panel, error } = e {
                        script_errors += 1;
                        eprintln!("{}: {message:?}: script error in {panel}: {error}", rel(&path));
                    }
                    assert!(!matches!(e, Event::Error { .. }), "{}: {message:?}: {e:?}", rel(&path));
                }
            }
            for (n, r) in runs.iter_mut().zip(conversation.panel_runs()) {
                *n += r;
            }
        }
        let ran = runs.iter().filter(|&&n| n > 0).count();
        let missed: Vec<&str> = names.iter().zip(&runs).filter(|(_, n)| **n == 0).map(|(p, _)| p.as_str()).collect();
        report.push(format!(
            "{}: {said} messages, {script_errors} script errors, {ran} of {} panels ran{}",
            rel(&path),
            names.len(),
            if missed.is_empty() { String::new() } else { format!(" (not reached: {})", missed.join(", ")) }
        ));
        assert_eq!(script_errors, 0, "{}: script errors", rel(&path));
        // Every compiled panel runs, unless sample-paths.json says why not.
        let excused: Vec<&str> = missed.iter().copied().filter(|p| spec["why_not_reached"].get(*p).is_some()).collect();
        assert_eq!(missed, excused, "{}: panels no conversation reaches", rel(&path));
        // The Instagram template routes on customer info that offline
        // conversations do not have (its one panel runs, it sends nothing).
        let silent = ["instagram-starter-template.json"];
        if !silent.iter().any(|s| path.ends_with(s)) {
            assert!(said > 0, "{}: the bot said nothing", rel(&path));
        }
    }
    eprintln!("{}", report.join("\n"));
}

fn bot_integrations(path: &std::path::Path) -> Vec<String> {
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
    v["responder"].as_array().into_iter().flatten().filter_map(|g| g["name"].as_str().map(str::to_string)).collect()
}

/// A scripted conversation: its spec, its bot, and a config maker (each
/// call gives the same channel, variables and mocks).
struct Scripted {
    path: std::path::PathBuf,
    spec: serde_json::Value,
    bot: cbot_engine::Bot,
}

impl Scripted {
    fn load(engine: &Engine, path: &std::path::Path) -> Result<Scripted, String> {
        let spec: serde_json::Value = serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
        let bot_path = match spec["bot"].as_str() {
            Some(b) => root().join(b),
            None => path.with_file_name(path.file_name().unwrap().to_string_lossy().replace(".convo.json", ".json")),
        };
        let bot = engine.load_bot(&bot_path).map_err(|e| format!("{}: {e}", rel(path)))?;
        Ok(Scripted { path: path.to_path_buf(), spec, bot })
    }

    fn config(&self) -> ConversationConfig {
        let mut c = config(self.spec["channel"].as_str().unwrap_or("web"));
        for (k, v) in self.spec["vars"].as_object().into_iter().flatten() {
            c.variables.push((k.clone(), Value::from(v.as_str().unwrap_or_default())));
        }
        let mut mocks = Mocks::new();
        for (name, m) in self.spec["mocks"].as_object().into_iter().flatten() {
            let body = match &m["body"] {
                serde_json::Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            mocks = mocks.with(name, m["status"].as_u64().unwrap_or(200) as u16, body);
        }
        c.transport = Arc::new(mocks);
        c
    }

    fn turns(&self) -> &[serde_json::Value] {
        self.spec["turns"].as_array().unwrap()
    }

    /// Runs turns `from..` in `conversation`; the first difference.
    fn check(&self, conversation: &mut cbot_engine::Conversation, from: usize, what: &str) -> Result<(), String> {
        for (k, turn) in self.turns().iter().enumerate().skip(from) {
            let user = turn["user"].as_str().unwrap();
            let got = conversation.send(user);
            let got_json = events_json(&got.events);
            if got_json != turn["events"] {
                return Err(format!(
                    "{}{what} turn {} ({user:?}):\n  want: {}\n  got:  {}\n  trace: {:?}",
                    rel(&self.path),
                    k + 1,
                    turn["events"],
                    got_json,
                    got.trace
                ));
            }
        }
        Ok(())
    }
}

fn scripted_specs() -> Vec<std::path::PathBuf> {
    let files = data_files("tests/data/bots", "json");
    files.into_iter().filter(|p| p.to_string_lossy().ends_with(".convo.json")).collect()
}

#[test]
fn scripted_conversations() {
    let engine = engine();
    let convos = scripted_specs();
    assert!(convos.len() >= 16, "{} conversations", convos.len());
    let mut failures = Vec::new();
    for path in &convos {
        let s = match Scripted::load(&engine, path) {
            Ok(s) => s,
            Err(e) => {
                failures.push(e);
                continue;
            }
        };
        let mut conversation = s.bot.start(s.config());
        failures.extend(s.check(&mut conversation, 0, "").err());
    }
    assert!(
        failures.is_empty(),
        "{} of {} conversations differ:\n{}",
        failures.len(),
        convos.len(),
        failures.join("\n")
    );
}

/// Every scripted conversation, stopped after each turn: its state goes
/// through JSON text (as a server would store it) into a new
/// conversation, which must go on exactly as the uninterrupted one.
#[test]
fn conversations_survive_a_snapshot_after_any_turn() {
    let engine = engine();
    let mut failures = Vec::new();
    let mut cuts = 0;
    for path in scripted_specs() {
        let s = Scripted::load(&engine, &path).unwrap();
        for cut in 1..s.turns().len() {
            let mut first = s.bot.start(s.config());
            s.check(&mut first, 0, "").unwrap_or_else(|e| panic!("{e}"));
            // Replay the first `cut` turns, then move the conversation.
            let mut before = s.bot.start(s.config());
            for turn in &s.turns()[..cut] {
                before.send(turn["user"].as_str().unwrap());
            }
            let text = serde_json::to_string(&before.snapshot()).unwrap();
            let state: cbot_engine::ConversationState = serde_json::from_str(&text).unwrap();
            assert_eq!(state, before.snapshot(), "{}: the state changes through JSON", rel(&path));
            let mut after = s.bot.restore(s.config(), state).unwrap();
            failures.extend(s.check(&mut after, cut, &format!(" (restored after turn {cut})")).err());
            cuts += 1;
        }
    }
    assert!(cuts >= 40, "only {cuts} cut points");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A state is refused for another bot or a newer format, with a reason.
#[test]
fn restoring_checks_the_bot_and_the_version() {
    let engine = engine();
    let handoff = engine.load_bot(root().join("dialogs/agent-handoff")).unwrap();
    let mut c = handoff.start(config("lp_web"));
    c.send("hi");
    let mut state = c.snapshot();
    assert_eq!(state.status, "active");
    assert_eq!(state.stack.len(), 1);
    let other = engine.load_bot(fixtures().join("cb-samples/go-back-bot.json")).unwrap();
    let e = other.restore(config("web"), state.clone()).err().unwrap();
    assert!(e.to_string().starts_with("the conversation belongs to bot"), "{e}");
    state.version = 99;
    let e = handoff.restore(config("web"), state.clone()).err().unwrap();
    assert_eq!(e.to_string(), "conversation state version 99 is newer than this cbot's (1)");
    // A dialog the bot no longer has is dropped, not an error.
    state.version = 1;
    state.stack[0].dialog = "no-such-dialog".into();
    let mut c = handoff.restore(config("lp_web"), state).unwrap();
    assert!(c.snapshot().stack.is_empty());
    let turn = c.send("I need a human");
    assert!(turn.events.iter().any(|e| matches!(e, Event::Transfer { .. })), "{:?}", turn.events);
}

/// Intent starters: a dialog whose starter has only an intent starts on a
/// GOOD or better score, or on a forced intent; patterns win over intents.
#[test]
fn intents_start_dialogs_patterns_win() {
    let engine = engine();
    let path = fixtures().join("cb-samples/replacement-card-helper.json");
    let mut domain = cbot_engine::DomainClassifier::new();
    domain.add("ask about replacement card", "i lost my credit card");
    domain.add("ask about replacement card", "i need a new debit card");
    let bot = engine.load_bot(&path).unwrap().with_intents(Arc::new(domain));
    let mut c = bot.start(config("lp_web"));
    let t = c.send("I lost my card");
    assert!(
        t.events.iter().any(|e| matches!(e, Event::QuickReplies { text, .. } if text.contains("Which card"))),
        "{:?}",
        t.events
    );
    // A FAIR score does not start it.
    let mut c = bot.start(config("lp_web"));
    let t = c.send("card");
    assert!(!t.events.iter().any(|e| matches!(e, Event::QuickReplies { .. })), "{:?}", t.events);
    // A forced intent does.
    let mut c = bot.start(config("lp_web"));
    c.force_intent("ask about replacement card");
    let t = c.send("whatever");
    assert!(t.events.iter().any(|e| matches!(e, Event::QuickReplies { .. })), "{:?}", t.events);
    // Patterns win: the agent-handoff pattern beats a forced intent that
    // has no dialog there (and the intent is not used up by a pattern match).
    let handoff = engine.load_bot(root().join("dialogs/agent-handoff")).unwrap();
    let mut c = handoff.start(config("lp_web"));
    c.force_intent("something else");
    let t = c.send("agent please");
    assert!(t.events.iter().any(|e| matches!(e, Event::Transfer { .. })), "{:?}", t.events);
}

/// What embedders rely on: bots are shared across threads, conversations
/// move between them.
#[test]
fn bots_are_send_sync_and_conversations_send() {
    fn send_sync<T: Send + Sync>() {}
    fn send<T: Send>() {}
    send_sync::<cbot_engine::Bot>();
    send::<cbot_engine::Conversation>();
}

/// Clock and `Math.random` are injected per conversation: the same seed
/// gives the same script results.
#[test]
fn clock_and_random_are_injected() {
    let engine = engine();
    let bot = engine.load_bot(root().join("tests/data/bots/clock-and-random.json")).unwrap();
    let run = |seed: u64| {
        let mut c = config("web");
        c.seed = Some(seed);
        c.clock = Some(Arc::new(|| 1_700_000_000_000.0));
        let mut conversation = bot.start(c);
        events_json(&conversation.send("roll").events)
    };
    let a = run(7);
    assert_eq!(a, run(7));
    assert_ne!(a, run(8));
    let text = a[0]["text"].as_str().unwrap();
    assert!(text.starts_with("2023-11-14T22:13:20.000Z "), "{text}");
}
