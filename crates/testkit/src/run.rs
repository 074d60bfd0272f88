//! Running one test case against a bot: the mocked transport and clock,
//! the conversation, and every check (docs/testing.md).

use crate::compile::{Case, Check, MockOutcome, Setup, Step, TextMode, What};
use crate::matching::{cards, json_path, media, message_buttons, message_json, message_text, text_matches};
use cbot_diag::SourceMap;
use cbot_engine::{
    Bot, Conversation, ConversationConfig, Coverage, Event, HttpRequest, HttpResponse, Transport, Turn, Value, text_of,
};
use std::collections::{HashMap, VecDeque};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The clock of a test when it sets none: Monday 2 June 2025, 10:00 UTC
/// (inside usual business hours), so that runs do not depend on the day.
pub const DEFAULT_CLOCK: &str = "2025-06-02T10:00:00Z";
/// `Math.random`'s seed when a test sets none.
pub const DEFAULT_SEED: u64 = 1;
/// A mocked call slower than this fails as a timeout, unless the test sets
/// `API_TIMEOUT`.
pub const DEFAULT_API_TIMEOUT_MS: u64 = 10_000;

/// How a case ended.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum Outcome {
    /// Every step held.
    Passed,
    /// A step did not.
    Failed(Failure),
    /// The case could not run (its bot did not load).
    Error {
        /// Why.
        message: String,
    },
}

/// Where and how a case failed.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Failure {
    /// What was wrong.
    pub message: String,
    /// `file:line:column` of the step.
    pub at: String,
    /// The user message of the turn, when there was one.
    pub user: Option<String>,
    /// The step as written.
    pub expected: Vec<String>,
    /// What the bot did in the turn.
    pub actual: Vec<String>,
    /// How the turn went.
    pub trace: Vec<String>,
}

/// The result of one case.
#[derive(Debug, Clone, serde::Serialize)]
pub struct CaseResult {
    /// The case's name.
    pub name: String,
    /// Its file.
    pub file: String,
    /// The line of its name.
    pub line: usize,
    /// The outcome.
    #[serde(flatten)]
    pub outcome: Outcome,
    /// User messages sent.
    pub turns: usize,
    /// Wall time.
    #[serde(serialize_with = "millis")]
    pub duration: Duration,
    /// What the conversation ran (for coverage).
    #[serde(skip)]
    pub coverage: Option<Coverage>,
}

fn millis<S: serde::Serializer>(d: &Duration, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_f64((d.as_secs_f64() * 1e6).round() / 1e3)
}

/// The mocked network of one conversation: responses by integration
/// name for the conversation and for the current message, delays in
/// virtual time, and the names called in the current turn.
struct TestTransport {
    state: Mutex<MockState>,
    clock: Arc<AtomicU64>,
}

#[derive(Default)]
struct MockState {
    conversation: HashMap<String, MockOutcome>,
    turn: HashMap<String, MockOutcome>,
    delays: HashMap<String, u64>,
    turn_delays: HashMap<String, u64>,
    timeout: u64,
}

fn advance(clock: &AtomicU64, ms: u64) {
    let now = f64::from_bits(clock.load(Ordering::Relaxed));
    clock.store((now + ms as f64).to_bits(), Ordering::Relaxed);
}

impl Transport for TestTransport {
    fn send(&self, request: &HttpRequest) -> Result<HttpResponse, String> {
        let state = self.state.lock().map_err(|_| "mock state poisoned".to_string())?;
        let name = &request.integration;
        let delay = state.turn_delays.get(name).or_else(|| state.delays.get(name)).copied().unwrap_or(0);
        if delay > state.timeout {
            advance(&self.clock, state.timeout);
            return Err(format!("timed out after {} ms (the mock takes {delay} ms)", state.timeout));
        }
        advance(&self.clock, delay);
        match state.turn.get(name).or_else(|| state.conversation.get(name)) {
            Some(MockOutcome::Respond { status, body }) => Ok(HttpResponse { status: *status, body: body.clone() }),
            Some(MockOutcome::Fail(message)) => Err(message.clone()),
            None => Err(format!("integration `{name}` has no mock (add `MOCK_API {name}|200|{{…}}` to the test)")),
        }
    }
}

/// Runs `case` against `bot`.
pub fn run_case(case: &Case, bot: &Bot, sources: &SourceMap) -> CaseResult {
    let started = Instant::now();
    let mut r = Runner::new(case, bot, sources);
    let outcome = match r.run() {
        Ok(()) => Outcome::Passed,
        Err(f) => Outcome::Failed(*f),
    };
    let line = sources.file(case.span.file()).line_col(case.span.start()).0;
    CaseResult {
        name: case.name.clone(),
        file: case.path.display().to_string(),
        line,
        outcome,
        turns: r.turns,
        duration: started.elapsed(),
        coverage: Some(r.conversation.coverage().clone()),
    }
}

struct Runner<'a> {
    case: &'a Case,
    sources: &'a SourceMap,
    conversation: Conversation,
    transport: Arc<TestTransport>,
    clock: Arc<AtomicU64>,
    mode: TextMode,
    allow_errors: bool,
    turn: Option<Turn>,
    /// Where the current turn's `#me` step is.
    turn_at: Option<cbot_diag::Span>,
    /// The bot's messages of this turn that no `#bot` step took yet.
    pending: VecDeque<Event>,
    errors_checked: bool,
    turns: usize,
}

impl<'a> Runner<'a> {
    fn new(case: &'a Case, bot: &Bot, sources: &'a SourceMap) -> Runner<'a> {
        let start = case
            .begin
            .iter()
            .find_map(|s| if let Setup::Clock(t) = s { Some(*t) } else { None })
            .or_else(|| crate::compile::parse_clock(DEFAULT_CLOCK))
            .unwrap_or(0.0);
        let clock = Arc::new(AtomicU64::new(start.to_bits()));
        let transport = Arc::new(TestTransport {
            state: Mutex::new(MockState { timeout: DEFAULT_API_TIMEOUT_MS, ..MockState::default() }),
            clock: clock.clone(),
        });
        let mut config = ConversationConfig { trace: true, seed: Some(DEFAULT_SEED), ..ConversationConfig::default() };
        let read = clock.clone();
        config.clock = Some(Arc::new(move || f64::from_bits(read.load(Ordering::Relaxed))));
        config.transport = transport.clone();
        config.info.conversation_id = "test-conversation".into();
        let mut mode = TextMode::Wildcard { ignore_case: true };
        let mut allow_errors = false;
        {
            let mut mocks = transport.state.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
            for s in &case.begin {
                match s {
                    Setup::Channel(c) => {
                        config.info.channel = c.clone();
                        config.info.user_channel = if c.starts_with("lp_") { c.clone() } else { format!("lp_{c}") };
                    }
                    Setup::SetVar(k, v) => config.variables.push((k.clone(), Value::from(v.as_str()))),
                    Setup::UserProfile(k, v) => user_profile(&mut config.info, k, v),
                    Setup::Engagement(k, v) => {
                        config.info.engagement_attributes.insert(k.clone(), Value::from(v.as_str()));
                    }
                    Setup::CustomerInfo(v) => config.info.customer_info = Value::from_json(v),
                    Setup::UserLocation(v) => config.info.user.location = Value::from_json(v),
                    Setup::Seed(n) => config.seed = Some(*n),
                    Setup::ApiTimeout(ms) => mocks.timeout = *ms,
                    Setup::Mock(name, outcome) => {
                        mocks.conversation.insert(name.clone(), outcome.clone());
                    }
                    Setup::MockDelay(name, ms) => {
                        mocks.delays.insert(name.clone(), *ms);
                    }
                    Setup::Pause(ms) => advance(&clock, *ms),
                    Setup::MatchingMode(m) => mode = *m,
                    Setup::AllowScriptErrors => allow_errors = true,
                    Setup::Clock(_) | Setup::Bot(_) | Setup::ForceIntent(_) => {}
                }
            }
        }
        let conversation = bot.start(config);
        Runner {
            case,
            sources,
            conversation,
            transport,
            clock,
            mode,
            allow_errors,
            turn: None,
            turn_at: None,
            pending: VecDeque::new(),
            errors_checked: false,
            turns: 0,
        }
    }

    fn at(&self, span: cbot_diag::Span) -> String {
        let f = self.sources.file(span.file());
        let (line, col) = f.line_col(span.start());
        format!("{}:{line}:{col}", f.name())
    }

    fn run(&mut self) -> Result<(), Box<Failure>> {
        for step in &self.case.steps {
            match step {
                Step::Me { text, tap, setup, span, .. } => {
                    self.finish_turn()?;
                    self.before_turn(setup);
                    let message = if *tap { self.payload_of(text) } else { text.clone() };
                    let turn = self.conversation.send(&message);
                    self.turns += 1;
                    self.pending = turn.events.iter().filter(|e| e.is_message()).cloned().collect();
                    self.turn = Some(turn);
                    self.turn_at = Some(*span);
                    self.errors_checked = false;
                }
                Step::Bot { checks, optional, span } => self.bot_step(checks, *optional, *span)?,
            }
        }
        self.finish_turn()?;
        for check in &self.case.end {
            if let Some(problem) = self.turn_check(check) {
                return Err(self.failure(problem, check.span, vec![check.line.clone()]));
            }
        }
        Ok(())
    }

    /// What tapping the button or quick reply titled `title` in the bot's
    /// last turn sends: its payload (the title itself when none has it).
    fn payload_of(&self, title: &str) -> String {
        let events: &[Event] = self.turn.as_ref().map_or(&[], |t| &t.events);
        events
            .iter()
            .rev()
            .flat_map(message_buttons)
            .find(|[t, _]| t.trim().eq_ignore_ascii_case(title.trim()))
            .map_or_else(|| title.to_string(), |[_, payload]| payload)
    }

    /// Per-message set-up: mocks, variables, time, the NLU's intent.
    fn before_turn(&mut self, setup: &[Setup]) {
        let mut mocks = self.transport.state.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        mocks.turn.clear();
        mocks.turn_delays.clear();
        for s in setup {
            match s {
                Setup::Mock(name, outcome) => {
                    mocks.turn.insert(name.clone(), outcome.clone());
                }
                Setup::MockDelay(name, ms) => {
                    mocks.turn_delays.insert(name.clone(), *ms);
                }
                Setup::Pause(ms) => advance(&self.clock, *ms),
                Setup::SetVar(k, v) => self.conversation.set_variable(k, Value::from(v.as_str())),
                Setup::UserProfile(k, v) => user_profile(self.conversation.info_mut(), k, v),
                Setup::Engagement(k, v) => {
                    self.conversation.info_mut().engagement_attributes.insert(k.clone(), Value::from(v.as_str()));
                }
                Setup::CustomerInfo(v) => self.conversation.info_mut().customer_info = Value::from_json(v),
                Setup::UserLocation(v) => self.conversation.user_data_mut().location = Value::from_json(v),
                Setup::ForceIntent(i) => self.conversation.force_intent(i),
                _ => {}
            }
        }
    }

    /// The end of a turn: a script error nobody asserted fails the test
    /// (unless the file allows them).
    fn finish_turn(&mut self) -> Result<(), Box<Failure>> {
        let (Some(turn), Some(at)) = (&self.turn, self.turn_at) else { return Ok(()) };
        if self.allow_errors || self.errors_checked {
            return Ok(());
        }
        let error = turn.events.iter().find_map(|e| match e {
            Event::ScriptError { panel, error } => Some(format!("script error in {panel}: {error}")),
            Event::Error { message } => Some(format!("the flow stopped: {message}")),
            _ => None,
        });
        match error {
            Some(e) => {
                let expected = self.me_lines();
                Err(self.failure(
                    format!("{e} (assert it with `SCRIPT_ERROR`, or put `ALLOW_SCRIPT_ERRORS` in #begin)"),
                    at,
                    expected,
                ))
            }
            None => Ok(()),
        }
    }

    fn me_lines(&self) -> Vec<String> {
        let at = self.turn_at;
        self.case
            .steps
            .iter()
            .find_map(|s| match s {
                Step::Me { span, lines, .. } if Some(*span) == at => {
                    Some(std::iter::once("#me".to_string()).chain(lines.iter().cloned()).collect())
                }
                _ => None,
            })
            .unwrap_or_default()
    }

    fn failure(&self, message: String, span: cbot_diag::Span, expected: Vec<String>) -> Box<Failure> {
        let (user, actual, trace) = match &self.turn {
            Some(t) => (Some(t.user.clone()), t.events.iter().map(describe).collect(), t.trace.clone()),
            None => (None, Vec::new(), Vec::new()),
        };
        Box::new(Failure { message, at: self.at(span), user, expected, actual, trace })
    }

    fn bot_step(&mut self, checks: &[Check], optional: bool, span: cbot_diag::Span) -> Result<(), Box<Failure>> {
        let expected: Vec<String> =
            std::iter::once("#bot".to_string()).chain(checks.iter().map(|c| c.line.clone())).collect();
        if self.turn.is_none() {
            return Err(self.failure(
                "a #bot step before any #me: the conversation starts with the user's message".into(),
                span,
                expected,
            ));
        }
        let message = self.pending.pop_front();
        let problem = match &message {
            None if checks.iter().any(|c| c.what.needs_message() && !c.not) => {
                Some((span, "the bot sent no more messages in this turn".to_string()))
            }
            _ => checks.iter().find_map(|c| {
                let p = match (&message, c.what.needs_message()) {
                    (Some(m), true) => self.message_check(c, m),
                    (None, true) => None,
                    (_, false) => self.turn_check(c),
                };
                p.map(|p| (c.span, p))
            }),
        };
        if checks.iter().any(|c| matches!(c.what, What::ScriptError { .. }) && !c.not) {
            self.errors_checked = true;
        }
        match problem {
            None => Ok(()),
            Some(_) if optional => {
                // An optional step that does not hold leaves the message
                // for the next step (Botium's `?`).
                if let Some(m) = message {
                    self.pending.push_front(m);
                }
                Ok(())
            }
            Some((at, p)) => Err(self.failure(p, at, expected)),
        }
    }

    /// Checks one message; `Some(problem)` when the check fails.
    fn message_check(&self, c: &Check, m: &Event) -> Option<String> {
        let mode = self.mode;
        let text = message_text(m);
        // List checks: `X a|b` needs all of them, `!X a|b` none of them;
        // without values, at least one / none at all.
        let list = |names: &[String], got: &[Vec<String>]| -> bool {
            let present = |n: &String| got.iter().any(|g| g.iter().any(|x| text_matches(mode, x, n)));
            match (c.not, names.is_empty()) {
                (false, true) => !got.is_empty(),
                (true, true) => got.is_empty(),
                (false, false) => names.iter().all(present),
                (true, false) => !names.iter().any(present),
            }
        };
        let plain = |holds: bool| holds != c.not;
        let (ok, expected) = match &c.what {
            What::Text { mode, any_of } => (
                plain(any_of.iter().any(|e| text_matches(*mode, &text, e))),
                match any_of.as_slice() {
                    [one] => format!("a message matching {one:?}"),
                    many => format!("a message matching one of {many:?}"),
                },
            ),
            What::TextValues { mode, all, values } => {
                let hit = |e: &String| text_matches(*mode, &text, e);
                let holds = if *all { values.iter().all(hit) } else { values.iter().any(hit) };
                (plain(holds), format!("a text matching {} of {values:?}", if *all { "all" } else { "any" }))
            }
            What::Buttons { names } => {
                let got: Vec<Vec<String>> = message_buttons(m).into_iter().map(|b| b.to_vec()).collect();
                let titles: Vec<&String> = got.iter().filter_map(|b| b.first()).collect();
                (list(names, &got), format!("buttons {names:?} (the message has {titles:?})"))
            }
            What::Cards { names } => {
                let got: Vec<Vec<String>> = cards(m).into_iter().map(|c| vec![c.title]).collect();
                let titles: Vec<&String> = got.iter().filter_map(|b| b.first()).collect();
                (list(names, &got), format!("cards {names:?} (the message has {titles:?})"))
            }
            What::Media { urls } => {
                let got: Vec<Vec<String>> = media(m).into_iter().map(|u| vec![u]).collect();
                let all: Vec<&String> = got.iter().filter_map(|b| b.first()).collect();
                (list(urls, &got), format!("media {urls:?} (the message has {all:?})"))
            }
            What::ButtonsCount { count } => {
                let n = message_buttons(m).len();
                (plain(count.holds(n)), format!("{count} buttons (the message has {n})"))
            }
            What::CardsCount { count } => {
                let n = cards(m).len();
                (plain(count.holds(n)), format!("{count} cards (the message has {n})"))
            }
            What::MediaCount { count } => {
                let n = media(m).len();
                (plain(count.holds(n)), format!("{count} media (the message has {n})"))
            }
            What::JsonPath { path, value } => {
                let json = message_json(m);
                let found = json_path(&json, path);
                let holds = match value {
                    None => !found.is_empty(),
                    Some(v) => found.iter().any(|f| text_matches(mode, &json_text(f), v)),
                };
                let got: Vec<String> = found.iter().map(|f| json_text(f)).collect();
                let what = match value {
                    None => format!("{path} to exist"),
                    Some(v) => format!("{path} to be {v:?} (found {got:?})"),
                };
                (plain(holds), what)
            }
            What::JsonPathCount { path, count } => {
                let json = message_json(m);
                let n = json_path(&json, path).iter().map(|v| v.as_array().map_or(1, Vec::len)).sum::<usize>();
                (plain(count.holds(n)), format!("{count} values at {path} (found {n})"))
            }
            _ => return None,
        };
        if ok {
            return None;
        }
        let said = describe(m);
        Some(if c.not {
            let expected = expected.strip_prefix("a ").unwrap_or(&expected);
            format!("expected no {expected}, but the bot said {said}")
        } else {
            format!("expected {expected}, but the bot said {said}")
        })
    }

    /// Checks the turn (or, in #end, the conversation).
    fn turn_check(&self, c: &Check) -> Option<String> {
        let mode = self.mode;
        let events: &[Event] = self.turn.as_ref().map_or(&[], |t| &t.events);
        let exact = TextMode::WildcardExact { ignore_case: false };
        let (holds, what) = match &c.what {
            What::Intent { name } => {
                let got = self.turn.as_ref().and_then(|t| t.intent.clone());
                (got.as_deref().is_some_and(|g| g.eq_ignore_ascii_case(name)), format!("intent {name:?} (got {got:?})"))
            }
            What::Dialog { name } => {
                let got = self.turn.as_ref().and_then(|t| t.dialog.clone());
                (
                    got.as_deref().is_some_and(|g| g.eq_ignore_ascii_case(name)),
                    format!("dialog {name:?} to start (got {got:?})"),
                )
            }
            What::Transfer { skill } => {
                let holds = events.iter().any(|e| match e {
                    Event::Transfer { skill: name, skill_id, .. } => {
                        skill.as_ref().is_none_or(|s| skill_id == s || name.as_deref() == Some(s.as_str()))
                    }
                    _ => false,
                });
                let what = match skill {
                    Some(s) => format!("a transfer to skill {s:?}"),
                    None => "a transfer to an agent".into(),
                };
                (holds, what)
            }
            What::TransferMessage { text } => (
                events
                    .iter()
                    .any(|e| matches!(e, Event::Transfer { message, .. } if text_matches(mode, message, text))),
                format!("a transfer with the message {text:?}"),
            ),
            What::Close => {
                (events.iter().any(|e| matches!(e, Event::Close { .. })), "the conversation to close".into())
            }
            What::Delay { ms } => (
                events.iter().any(|e| matches!(e, Event::Delay { ms: d } if ms.is_none_or(|m| m.holds(*d as usize)))),
                match ms {
                    Some(m) => format!("a delay of {m} ms"),
                    None => "a delay".into(),
                },
            ),
            What::CustomEvent { name } => (
                events.iter().any(|e| matches!(e, Event::CustomEvent { name: n, .. } if text_matches(mode, n, name))),
                format!("a custom event {name:?}"),
            ),
            What::Debug { text } => (
                events.iter().any(|e| matches!(e, Event::Debug { text: t } if text_matches(mode, t, text))),
                format!("a debug message matching {text:?}"),
            ),
            What::ScriptError { text } => (
                events.iter().any(|e| match e {
                    Event::ScriptError { panel, error } => {
                        text.as_ref().is_none_or(|t| text_matches(mode, &format!("{panel}: {error}"), t))
                    }
                    Event::Error { message } => text.as_ref().is_none_or(|t| text_matches(mode, message, t)),
                    _ => false,
                }),
                match text {
                    Some(t) => format!("a script error matching {t:?}"),
                    None => "a script error".into(),
                },
            ),
            What::ApiCalled { name } => (
                events
                    .iter()
                    .any(|e| matches!(e, Event::ApiCall { integration, .. } if integration.eq_ignore_ascii_case(name))),
                format!("a call of integration {name:?}"),
            ),
            What::Var { name, value } => {
                let got = self.conversation.variable(name).map(text_of);
                let holds = match value {
                    None => got.is_some(),
                    Some(v) => got.as_deref().is_some_and(|g| text_matches(exact, g, v)),
                };
                let now = match &got {
                    Some(g) => format!("it is {g:?}"),
                    None => "it is not set".into(),
                };
                let what = match (value, c.not) {
                    (None, false) => format!("variable {name} to be set ({now})"),
                    (None, true) => format!("variable {name} not to be set ({now})"),
                    (Some(v), false) => format!("variable {name} = {v:?} ({now})"),
                    (Some(v), true) => format!("variable {name} not to be {v:?} ({now})"),
                };
                (holds, what)
            }
            _ => return None,
        };
        if holds != c.not {
            return None;
        }
        Some(match (&c.what, c.not) {
            (What::Var { .. }, _) | (_, false) => format!("expected {what}"),
            (_, true) => format!("expected no {}", what.strip_prefix("a ").unwrap_or(&what)),
        })
    }
}

fn json_text(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn user_profile(info: &mut cbot_engine::Info, field: &str, value: &str) {
    let v = Value::from(value);
    let u = &mut info.user;
    match field {
        "name" => u.user_name = v,
        "email" => u.email = v,
        "platform" => u.platform_type = v,
        other => {
            let mut personal = match &u.personal_info {
                Value::Null => Vec::new(),
                existing => match existing.to_json() {
                    serde_json::Value::Object(m) => m.into_iter().map(|(k, v)| (k, Value::from_json(&v))).collect(),
                    _ => Vec::new(),
                },
            };
            personal.retain(|(k, _)| k != other);
            personal.push((other.to_string(), v));
            u.personal_info = Value::object(personal);
        }
    }
}

/// One event as a line of a failure report.
pub fn describe(e: &Event) -> String {
    match e {
        Event::Text { text } => format!("bot: {text}"),
        Event::Image { url } => format!("bot: [image] {url}"),
        Event::QuickReplies { text, replies } => {
            let r: Vec<&str> = replies.iter().map(|c| c.title.as_str()).collect();
            format!("bot: {text} [quick replies: {}]", r.join(" | "))
        }
        Event::Buttons { text, buttons } => {
            let b: Vec<&str> = buttons.iter().map(|c| c.title.as_str()).collect();
            format!("bot: {text} [buttons: {}]", b.join(" | "))
        }
        Event::Structured { content } => format!("bot: [structured] {content}"),
        Event::Delay { ms } => format!("(delay {ms} ms)"),
        Event::Transfer { skill, skill_id, message, .. } => match skill {
            Some(s) => format!("==> transfer to {s} ({skill_id}): {message}"),
            None => format!("==> transfer to skill {skill_id}: {message}"),
        },
        Event::BotTransfer { bot_id, dialog, message } => format!("==> to dialog {dialog} of bot {bot_id}: {message}"),
        Event::PrivateMessage { text } => format!("(private) {text}"),
        Event::CustomEvent { name, message, .. } => format!("(custom event {name}) {message}"),
        Event::EscalationEvent { message, target } => format!("(escalation event {target}) {message}"),
        Event::Close { survey } => format!("==> close{}", if *survey { " (survey)" } else { "" }),
        Event::ApiCall { integration, method, url, status, error } => match (status, error) {
            (Some(s), _) => format!("(api {integration}: {method} {url} → {s})"),
            (None, Some(e)) => format!("(api {integration}: {method} {url} failed: {e})"),
            (None, None) => format!("(api {integration}: {method} {url})"),
        },
        Event::Debug { text } => format!("(debug) {text}"),
        Event::ScriptError { panel, error } => format!("(script error in {panel}) {error}"),
        Event::Error { message } => format!("(error) {message}"),
    }
}
