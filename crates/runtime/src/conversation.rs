//! The turn loop (CB-SPEC §9, with the choices documented on each step).

#![expect(
    clippy::indexing_slicing,
    reason = "interaction, dialog, rule, integration and panel indices come from this conversation's CompiledBot \
              (its Graph, matcher and per-interaction tables, all built over the same model, with one slot per \
              interaction), and a restored state's ids are resolved to indices by `restore`, which drops unknown ones"
)]

use crate::bot::{CompiledBot, CompiledRule, Cond, EscalationFields, INIT_PANEL, PANELS, panel_name, transform_panel};
use crate::context::{Effect, Info, ScriptEnv};
use crate::event::{Choice, Event, TransferBotContext};
use crate::integration::{HttpRequest, NoNetwork, Transport};
use crate::intent::{Band, IntentClassifier};
use crate::state::{ConversationState, FrameState, RestoreError, STATE_VERSION, VariableState, status_name, status_of};
use crate::template::{MAX_TEMPLATE_GROWTH, json_path, render, render_bounded, text_of};
use cbot_host::{Scope, Value};
use cbot_model::{InteractionType, Target};
use std::sync::Arc;

/// CB's text when nothing matched and the bot has no fallback dialog
/// (CB-SPEC §2.2).
pub const DEFAULT_FALLBACK: &str = "Not able to understand your question. Can you please re-phrase it?";
/// CB's text when an integration call failed and no rule handles it
/// (CB-SPEC §6.2).
pub const INTEGRATION_FAILED: &str = "Sorry, I could not find anything for that.";
/// CB's message when a transfer cannot be made (CB-SPEC §6.5).
pub const TRANSFER_FAILED: &str = "Not able to transfer to Agent at this time. Please try later.";

/// Interactions one turn may run at most, whatever the flow.
const MAX_INTERACTIONS_PER_TURN: u32 = 1000;

/// The scripts of one turn share this many runs' worth of the limits whose
/// use outlives a run: fuel (`Limits::fuel` each), `botContext` calls
/// (`Limits::calls`) and bytes handed to `botContext` (`Limits::heap_bytes`);
/// a panel that would start after one is used up does not run. Each run is
/// bounded by itself, but a flow that loops through dialog starters (which
/// CB's chain limits do not count) runs up to `MAX_INTERACTIONS_PER_TURN`
/// interactions of three panels each: a thousand runaway scripts, or a
/// thousand floods of messages, for one user message.
pub const TURN_SCRIPT_RUNS: u64 = 4;

/// CB's daisy-chain limit messages (CB-SPEC §2.8).
pub const CHAIN_LIMIT: &str = "BREAKING THE INTERACTION FLOW. Reached max limit on daisy chaining of interactions: 10";
/// CB's limit on dialog hops in one turn.
pub const DIALOG_LIMIT: &str = "Breaking the interaction flow because iteration count exceeded 5";

// Indices into `PANELS`.
const PRE: usize = 0;
const PUR: usize = 1;
const POST: usize = 2;

/// How a conversation starts: who the user is and where they are.
#[derive(Clone)]
pub struct ConversationConfig {
    /// Conversation facts scripts and templates read.
    pub info: Info,
    /// Session variables set before the first message (`--var`).
    pub variables: Vec<(String, Value)>,
    /// Where integration calls go.
    pub transport: Arc<dyn Transport>,
    /// Record how each turn went in [`Turn::trace`].
    pub trace: bool,
    /// Intents, for dialog starters that have one (patterns win; only GOOD
    /// and VERY GOOD start a dialog, CB-SPEC §1.8).
    pub intents: Option<Arc<dyn IntentClassifier>>,
    /// The clock scripts read (`new Date()`); the engine's by default.
    pub clock: Option<cbot_script::Clock>,
    /// Seed of `Math.random` in scripts, for reproducible conversations;
    /// random by default.
    pub seed: Option<u64>,
    /// The Conversation Context Service store (CB-SPEC §4.7). Give
    /// conversations the same store to share its global and user scopes;
    /// by default each conversation has its own.
    pub context_store: Option<cbot_host::SharedContextStore>,
    /// Whether the account has the Context API (`isContextApiEnabled()`,
    /// CB-SPEC §4.7); true by default. Without it every context-service call
    /// fails (`false`, reads `null`).
    pub context_api: bool,
    /// Time every script run, for [`Conversation::script_time`] (two clock
    /// reads per run; off by default).
    pub time_scripts: bool,
    /// The most bytes the conversation's bot variables may hold
    /// ([`cbot_host::Value::approx_bytes`] of every value plus its name):
    /// past it `setBotVariable` stores nothing and the run reports a script
    /// error. Variables outlive turns, so without a bound a bot adding a
    /// new one every turn would grow a conversation (and its stored record)
    /// without end. [`VARIABLES_BYTES`] by default.
    pub variables_bytes: usize,
}

/// The default of [`ConversationConfig::variables_bytes`]: as much as one
/// script run's heap may hold.
pub const VARIABLES_BYTES: usize = 16 << 20;

impl Default for ConversationConfig {
    fn default() -> Self {
        ConversationConfig {
            info: Info {
                channel: "web".into(),
                user_channel: "lp_web".into(),
                conversation_id: "offline-conversation".into(),
                chat_bot_id: String::new(),
                account_id: "offline-account".into(),
                user_platform_id: "offline-user".into(),
                customer_info: Value::object(Vec::new()),
                ..Info::default()
            },
            variables: Vec::new(),
            transport: Arc::new(NoNetwork),
            trace: false,
            intents: None,
            clock: None,
            seed: None,
            context_store: None,
            context_api: true,
            time_scripts: false,
            variables_bytes: VARIABLES_BYTES,
        }
    }
}

/// What one user message produced.
#[derive(Debug, Clone, PartialEq)]
pub struct Turn {
    /// The user's message.
    pub user: String,
    /// What the bot did, in order.
    pub events: Vec<Event>,
    /// How it got there: matched starters and rules, jumps, missing
    /// template values (when [`ConversationConfig::trace`] is on).
    pub trace: Vec<String>,
    /// The dialog this message started (by a pattern, an intent or the
    /// fallback), if it started one.
    pub dialog: Option<String>,
    /// The intent that started it, when an intent did (CB-SPEC §1.8).
    pub intent: Option<String>,
}

/// What a conversation has run so far, counted per part of the bot: the
/// raw data of test coverage. Indices are those of the bot model
/// (`interactions`, each interaction's `rules`) and of
/// [`CompiledBot::starters`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Coverage {
    /// Per interaction: how many times it ran.
    pub interactions: Vec<u32>,
    /// Per starter pattern: how many times it started its dialog.
    pub patterns: Vec<u32>,
    /// Per interaction, per rule: how many times the rule was taken.
    pub rules: Vec<Vec<u32>>,
    /// Per interaction: how many times its own next action was followed
    /// (statements, starters and integrations no rule took; questions go
    /// on by their rules).
    pub next_actions: Vec<u32>,
}

impl Coverage {
    /// All zero, shaped for `bot`.
    pub fn new(bot: &CompiledBot) -> Coverage {
        let n = bot.bot.interactions.len();
        Coverage {
            interactions: vec![0; n],
            patterns: vec![0; bot.starters.len()],
            rules: bot.rules.iter().map(|r| vec![0; r.len()]).collect(),
            next_actions: vec![0; n],
        }
    }

    /// Adds `other`'s counts (of the same bot) to these.
    pub fn merge(&mut self, other: &Coverage) {
        fn add(a: &mut Vec<u32>, b: &[u32]) {
            if a.len() < b.len() {
                a.resize(b.len(), 0);
            }
            for (x, y) in a.iter_mut().zip(b) {
                *x = x.saturating_add(*y);
            }
        }
        add(&mut self.interactions, &other.interactions);
        add(&mut self.patterns, &other.patterns);
        add(&mut self.next_actions, &other.next_actions);
        if self.rules.len() < other.rules.len() {
            self.rules.resize(other.rules.len(), Vec::new());
        }
        for (a, b) in self.rules.iter_mut().zip(&other.rules) {
            add(a, b);
        }
    }
}

/// Where the conversation stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// The bot handles the user's messages.
    Active,
    /// Handed to an agent; the bot ignores messages until
    /// `__agent_escalation_failed__` comes back (CB-SPEC §6.5).
    Transferred,
    /// Closed; the next message starts a new conversation.
    Closed,
}

struct Frame {
    dialog: usize,
    /// The last interaction the bot ran in this dialog: repeated when the
    /// user comes back to it (CB-SPEC §2.3).
    last: Option<usize>,
}

/// One conversation with a bot.
pub struct Conversation {
    bot: Arc<CompiledBot>,
    config: ConversationConfig,
    session: Option<cbot_script::Session>,
    env: Option<ScriptEnv>,
    stack: Vec<Frame>,
    awaiting: Option<usize>,
    status: Status,
    pending: Vec<Event>,
    forced_intent: Option<String>,
    /// Quick replies of the bot's last turn: a message that names one
    /// carries its payload.
    offered: Vec<Choice>,
    /// How many times each of the program's panels has run (by
    /// [`CompiledBot::panel_names`] index): coverage for tests.
    panel_runs: Vec<u32>,
    coverage: Coverage,
    /// Time spent in script runs (with [`ConversationConfig::time_scripts`]).
    script_time: std::time::Duration,
}

/// The state of one turn being processed.
#[derive(Default)]
struct TurnState {
    events: Vec<Event>,
    /// Whether to keep a trace (formatting it costs more than the rest
    /// of a simple turn).
    tracing: bool,
    trace: Vec<String>,
    /// Statements in a row in `chain_dialog`.
    chained: u32,
    chain_dialog: Option<usize>,
    total: u32,
    hops: u32,
    /// What the turn's scripts have used so far: fuel, `botContext` calls
    /// and bytes handed to it (`TURN_SCRIPT_RUNS`).
    script_fuel: u64,
    script_calls: u64,
    script_bytes: u64,
    stop: bool,
    dialog: Option<String>,
    intent: Option<String>,
}

impl TurnState {
    fn note(&mut self, line: impl FnOnce() -> String) {
        if self.tracing {
            self.trace.push(line());
        }
    }
}

/// Whether `message` names a choice: its title or payload, ignoring case
/// and surrounding spaces (a tap sends one of them).
fn same_choice(c: &Choice, message: &str) -> bool {
    let m = message.trim();
    c.title.trim().eq_ignore_ascii_case(m) || c.payload.trim().eq_ignore_ascii_case(m)
}

/// Puts `replies` on a message: a text becomes a text with quick replies;
/// a quick-reply question gets more (at most 10 in all, CB-SPEC §3.4).
/// Other messages take none.
fn attach_replies(event: &mut Event, replies: &[(String, String)]) -> bool {
    let choices = replies.iter().map(|(title, payload)| Choice { title: title.clone(), payload: payload.clone() });
    match event {
        Event::Text { text } => {
            *event = Event::QuickReplies { text: std::mem::take(text), replies: choices.take(10).collect() };
            true
        }
        Event::QuickReplies { replies: existing, .. } => {
            let room = 10usize.saturating_sub(existing.len());
            existing.extend(choices.take(room));
            true
        }
        _ => false,
    }
}

/// What to do after an interaction.
enum Flow {
    Wait,
    Stop,
    Go(Target),
}

impl Conversation {
    /// Starts a conversation: evaluates the global functions and runs
    /// `__initConversation` (its events come with the first turn).
    pub fn new(bot: Arc<CompiledBot>, config: ConversationConfig) -> Conversation {
        let mut c = Conversation::build(bot, config);
        c.begin();
        c
    }

    /// The conversation object without its start (`__initConversation`).
    fn build(bot: Arc<CompiledBot>, mut config: ConversationConfig) -> Conversation {
        if config.info.chat_bot_id.is_empty() {
            config.info.chat_bot_id = bot.bot.info.id.clone().unwrap_or_default();
        }
        let mut session = bot.program.as_ref().map(cbot_script::Program::session);
        // The store is made now, so that turns do not pay for it; if that
        // fails, the first script run reports it.
        if let Some(s) = session.as_mut() {
            if let Some(seed) = config.seed {
                s.set_seed(seed);
            }
            if let Some(clock) = &config.clock {
                s.set_clock(clock.clone());
            }
            let _ = s.prepare();
        }
        let panel_runs = vec![0; bot.panel_names().len()];
        let coverage = Coverage::new(&bot);
        Conversation {
            bot,
            env: None,
            session,
            stack: Vec::new(),
            awaiting: None,
            status: Status::Active,
            pending: Vec::new(),
            forced_intent: None,
            offered: Vec::new(),
            panel_runs,
            coverage,
            script_time: std::time::Duration::ZERO,
            config,
        }
    }

    /// A fresh script environment for this conversation's config: its
    /// facts, clock and Context Service store.
    fn fresh_env(&self, info: Info) -> ScriptEnv {
        let mut env = ScriptEnv::new(Arc::new(info));
        env.variables_limit = self.config.variables_bytes;
        env.clock.clone_from(&self.config.clock);
        if self.config.context_api {
            env.context_store = self.config.context_store.clone().or(env.context_store);
        } else {
            env.context_store = None;
        }
        env
    }

    /// About how many bytes the bot variables hold, as
    /// [`ConversationConfig::variables_bytes`] counts them.
    pub fn variables_bytes(&self) -> usize {
        self.env.as_ref().map_or(0, ScriptEnv::variables_bytes)
    }

    /// The conversation's state between turns, as data to store (see
    /// [`ConversationState`]). Take it after a turn, not during one.
    pub fn snapshot(&self) -> ConversationState {
        let model = &self.bot.bot;
        let env = self.env.as_ref();
        ConversationState {
            version: STATE_VERSION,
            bot: model.info.id.clone().unwrap_or_default(),
            status: status_name(self.status).to_string(),
            stack: self
                .stack
                .iter()
                .map(|f| FrameState {
                    dialog: model.dialogs[f.dialog].id.clone(),
                    last: f.last.map(|i| model.interactions[i].id.clone()),
                })
                .collect(),
            awaiting: self.awaiting.map(|q| model.interactions[q].id.clone()),
            pending: self.pending.clone(),
            forced_intent: self.forced_intent.clone(),
            offered: self.offered.clone(),
            variables: env
                .map(|e| {
                    e.vars
                        .iter()
                        .map(|(name, (value, scope))| VariableState {
                            name: name.clone(),
                            value: value.clone(),
                            scope: *scope,
                        })
                        .collect()
                })
                .unwrap_or_default(),
            info: env.map_or_else(|| self.config.info.clone(), |e| (*e.info).clone()),
            user_name: env.and_then(|e| e.user_name.clone()),
            email: env.and_then(|e| e.email.clone()),
            bot_transfer: env.map(|e| e.bot_transfer.clone()).unwrap_or_default(),
            rng: self.session.as_ref().map(cbot_script::Session::rng_state),
        }
    }

    /// Continues a conversation from a [`Conversation::snapshot`], with
    /// `config`'s transport, clock, classifier and stores (its `info` and
    /// `variables` are the state's). `__initConversation` does not run
    /// again. Dialogs and interactions the bot no longer has are dropped.
    pub fn restore(
        bot: Arc<CompiledBot>,
        config: ConversationConfig,
        state: ConversationState,
    ) -> Result<Conversation, RestoreError> {
        if state.version > STATE_VERSION {
            return Err(RestoreError::Version(state.version));
        }
        let id = bot.bot.info.id.clone().unwrap_or_default();
        if !state.bot.is_empty() && !id.is_empty() && state.bot != id {
            return Err(RestoreError::OtherBot { state: state.bot, bot: id });
        }
        let status = status_of(&state.status)?;
        let mut c = Conversation::build(bot, config);
        let model = &c.bot.bot;
        let interaction = |id: &str| model.interactions.iter().position(|it| it.id == id);
        c.stack = state
            .stack
            .iter()
            .filter_map(|f| {
                let dialog = model.dialogs.iter().position(|d| d.id == f.dialog)?;
                Some(Frame { dialog, last: f.last.as_deref().and_then(interaction) })
            })
            .collect();
        c.awaiting = state.awaiting.as_deref().and_then(interaction);
        c.status = status;
        c.pending = state.pending;
        c.forced_intent = state.forced_intent;
        c.offered = state.offered;
        let mut env = c.fresh_env(state.info);
        for v in state.variables {
            env.set_var(v.name, v.value, v.scope);
        }
        env.user_name = state.user_name;
        env.email = state.email;
        env.bot_transfer = state.bot_transfer;
        c.env = Some(env);
        if let (Some(s), Some(rng)) = (c.session.as_mut(), state.rng) {
            s.set_seed(rng);
        }
        Ok(c)
    }

    fn begin(&mut self) {
        let mut env = self.fresh_env(self.config.info.clone());
        if let Some(old) = self.env.take() {
            // Persistent variables outlive the conversation (CB-SPEC §5.4),
            // and so do the context service's user and global scopes, and
            // the "permanent" user name and email (CB-SPEC §4.1).
            env.vars.extend(old.vars.into_iter().filter(|(_, v)| v.1 == Scope::Forever));
            if let Some(store) = &old.context_store
                && let Ok(mut store) = store.lock()
            {
                store.clear(cbot_host::ContextScope::Conversation, &old.info.conversation_id);
            }
            env.context_store = old.context_store;
            env.user_name = old.user_name;
            env.email = old.email;
        }
        if !self.config.context_api {
            env.context_store = None;
        }
        for (name, value) in &self.config.variables {
            env.set_var(name.clone(), value.clone(), Scope::Session);
        }
        self.env = Some(env);
        self.stack.clear();
        self.awaiting = None;
        self.status = Status::Active;
        let mut t = TurnState::default();
        if let Some(k) = self.bot.panel(INIT_PANEL) {
            self.run_panel(k, &|| "__initConversation".to_string(), &mut t);
            self.flush_effects(&mut t);
        }
        self.pending = t.events;
    }

    /// Makes the next message be classified as `intent` (for tests: what
    /// an NLU would have said).
    pub fn force_intent(&mut self, intent: &str) {
        self.forced_intent = Some(intent.to_string());
    }

    /// How many times each code panel has run in this conversation, by the
    /// index of [`CompiledBot::panel_names`] (panels that did not compile
    /// never run).
    pub fn panel_runs(&self) -> &[u32] {
        &self.panel_runs
    }

    /// What this conversation has run so far (dialogs, interactions,
    /// patterns, rules, next actions), for test coverage.
    pub fn coverage(&self) -> &Coverage {
        &self.coverage
    }

    /// Time spent running scripts so far (zero unless
    /// [`ConversationConfig::time_scripts`] is on).
    pub fn script_time(&self) -> std::time::Duration {
        self.script_time
    }

    /// Where the conversation stands.
    pub fn status(&self) -> Status {
        self.status
    }

    /// The user, engagement and NLU data scripts read, to change for the
    /// rest of this conversation (e.g. the metadata or sentiment of the next
    /// message; docs/botcontext.md).
    pub fn user_data_mut(&mut self) -> &mut cbot_host::UserData {
        &mut Arc::make_mut(&mut self.env_mut().info).user
    }

    /// The conversation facts scripts and templates read (channel,
    /// engagement attributes, …), to change for the rest of this
    /// conversation.
    pub fn info_mut(&mut self) -> &mut Info {
        Arc::make_mut(&mut self.env_mut().info)
    }

    /// Sets a session variable, as a script's `setBotVariable` would.
    pub fn set_variable(&mut self, name: &str, value: Value) {
        self.env_mut().set_var(name.to_string(), value, Scope::Session);
    }

    /// A bot variable's current value.
    pub fn variable(&self, name: &str) -> Option<&Value> {
        self.env.as_ref().and_then(|e| e.var(name))
    }

    /// The bot's answer to one user message.
    pub fn send(&mut self, message: &str) -> Turn {
        let _span = tracing::debug_span!("turn", message).entered();
        let mut t =
            TurnState { events: std::mem::take(&mut self.pending), tracing: self.config.trace, ..TurnState::default() };
        match self.status {
            Status::Transferred if message != "__agent_escalation_failed__" => {
                t.note(|| "the conversation is with an agent: the bot does not answer".into());
                return Turn {
                    user: message.to_string(),
                    events: t.events,
                    trace: t.trace,
                    dialog: None,
                    intent: None,
                };
            }
            Status::Transferred => self.status = Status::Active,
            Status::Closed => {
                self.begin();
                t.events.append(&mut self.pending);
                t.note(|| "the previous conversation was closed: a new one starts".into());
            }
            Status::Active => {}
        }
        {
            let env = self.env_mut();
            env.user_message = message.to_string();
            env.trigger = None;
            env.quick_reply_payload = Value::Null;
            env.button_payload = Value::Null;
        }
        // The payload of a tapped quick reply or button: the question's own,
        // or those scripts offered in the previous turn (CB-SPEC §4.1, §4.3).
        let offered = std::mem::take(&mut self.offered);
        let payload = self
            .awaiting
            .and_then(|q| self.quick_reply_payload(q, message))
            .or_else(|| offered.iter().find(|c| same_choice(c, message)).map(|c| c.payload.clone()));
        if let Some(payload) = payload {
            self.env_mut().quick_reply_payload = Value::from(payload);
        }
        if let Some(q) = self.awaiting
            && let Some(payload) = self.button_payload(q, message)
        {
            self.env_mut().button_payload = Value::from(payload);
        }
        self.handle(message, &mut t);
        t.note(|| {
            let waiting = self.awaiting.map_or_else(|| "nothing".to_string(), |q| format!("`{}`", self.name(q)));
            format!("dialog stack {}; waiting for {waiting}", self.stack_names())
        });
        let unused = std::mem::take(&mut self.env_mut().added_replies);
        if !unused.is_empty() {
            t.note(|| format!("addQuickReplies: no message in this turn took {} quick replies", unused.len()));
        }
        self.offered = t
            .events
            .iter()
            .rev()
            .find_map(|e| match e {
                Event::QuickReplies { replies, .. } => Some(replies.clone()),
                _ => None,
            })
            .unwrap_or_default();
        self.env_mut().end_request();
        Turn { user: message.to_string(), events: t.events, trace: t.trace, dialog: t.dialog, intent: t.intent }
    }

    fn env_mut(&mut self) -> &mut ScriptEnv {
        self.env.get_or_insert_with(|| ScriptEnv::new(Arc::new(Info::default())))
    }

    #[expect(clippy::expect_used, reason = "`env` is set by `build` and only taken for the length of a script run")]
    fn env(&self) -> &ScriptEnv {
        self.env.as_ref().expect("the conversation state exists between script runs")
    }

    /// The callback of the awaiting question's button the user tapped (by
    /// title or callback), for `getButtonPayload` (CB-SPEC §4.3).
    fn button_payload(&self, q: usize, message: &str) -> Option<String> {
        let it = &self.bot.bot.interactions[q];
        let env = self.env();
        it.tiles().iter().flat_map(|d| d.buttons.iter().flatten()).find_map(|b| {
            let mut missing = Vec::new();
            let title = render(b.name.as_deref().unwrap_or(""), env, &mut missing);
            let callback = render(b.callback.as_deref().unwrap_or(""), env, &mut missing);
            let choice = Choice { payload: if callback.is_empty() { title.clone() } else { callback }, title };
            same_choice(&choice, message).then_some(choice.payload)
        })
    }

    fn quick_reply_payload(&self, q: usize, message: &str) -> Option<String> {
        let it = &self.bot.bot.interactions[q];
        it.quick_replies.iter().flatten().find_map(|r| {
            let payload = r.payload.clone().or_else(|| r.title.clone())?;
            let hit = r.title.as_deref().is_some_and(|t| t.eq_ignore_ascii_case(message.trim()))
                || payload.eq_ignore_ascii_case(message.trim());
            hit.then_some(payload)
        })
    }

    /// Rules of the question awaiting an answer first, then dialog
    /// starters, then fallback (CB-SPEC §2.3, §2.7).
    fn handle(&mut self, message: &str, t: &mut TurnState) {
        if let Some(q) = self.awaiting.take() {
            if let Some(k) = self.match_rule(q, message, false) {
                self.coverage.rules[q][k] += 1;
                let rule = &self.bot.rules[q][k];
                t.note(|| format!("rule `{}` of `{}` matched", rule.name, self.name(q)));
                self.apply_rule_vars(q, k, t);
                let bot = self.bot.clone();
                let rule = &bot.rules[q][k];
                if let Some(Some(msg)) = &rule.no_match {
                    let text = self.render(msg, t);
                    t.events.push(Event::Text { text });
                }
                // Process-user-response runs after the rule matched and may
                // override its action with a trigger (CB-SPEC §3.2).
                self.run_interaction_panel(q, PUR, t);
                self.flush_effects(t);
                let target = self.take_trigger(t).unwrap_or(rule.target);
                self.follow(q, target, t);
                return;
            }
            if self.start_dialog(message, t) {
                return;
            }
            // Back to the question after the fallback (CB-SPEC §2.7).
            self.fallback(t);
            if self.awaiting.is_none() && self.status == Status::Active {
                self.awaiting = Some(q);
            }
            return;
        }
        if !self.start_dialog(message, t) {
            self.fallback(t);
        }
    }

    fn name(&self, i: usize) -> &str {
        self.bot.bot.interactions[i].display_name()
    }

    fn start_dialog(&mut self, message: &str, t: &mut TurnState) -> bool {
        let forced = self.forced_intent.take();
        let Some((k, s)) = self.bot.starter_for(message) else { return self.start_by_intent(message, forced, t) };
        let s = s.clone();
        self.coverage.patterns[k] += 1;
        t.dialog = Some(self.bot.bot.dialogs[s.dialog].display_name().to_string());
        t.note(|| {
            format!(
                "dialog `{}` starts: pattern `{}`",
                self.bot.bot.dialogs[s.dialog].display_name(),
                s.text(&self.bot.bot)
            )
        });
        if self.stack.last().is_some_and(|f| f.dialog == s.dialog) {
            self.stack.pop();
        }
        self.push_dialog(s.dialog);
        self.run_from(s.interaction, t);
        true
    }

    /// Patterns did not match: an intent in a starting band starts its
    /// dialog (CB-SPEC §1.8).
    fn start_by_intent(&mut self, message: &str, forced: Option<String>, t: &mut TurnState) -> bool {
        if self.bot.intent_starters.is_empty() {
            return false;
        }
        let best = match forced {
            Some(name) => Some((name, 1.0)),
            None => self.config.intents.as_ref().and_then(|c| {
                c.classify(message)
                    .into_iter()
                    .find(|s| {
                        s.band() >= Band::Good
                            && self.bot.intent_starters.iter().any(|x| x.0 == s.intent.to_lowercase())
                    })
                    .map(|s| (s.intent, s.score))
            }),
        };
        let Some((intent, score)) = best else { return false };
        let key = intent.to_lowercase();
        let Some(&(_, dialog, starter)) = self.bot.intent_starters.iter().find(|x| x.0 == key) else {
            t.note(|| format!("intent `{intent}` has no dialog starter"));
            return false;
        };
        t.note(|| {
            format!(
                "dialog `{}` starts: intent `{intent}` ({:.2}, {:?})",
                self.bot.bot.dialogs[dialog].display_name(),
                score,
                Band::of(score)
            )
        });
        t.dialog = Some(self.bot.bot.dialogs[dialog].display_name().to_string());
        t.intent = Some(intent.clone());
        self.env_mut().starter_intent = Value::from(intent);
        if self.stack.last().is_some_and(|f| f.dialog == dialog) {
            self.stack.pop();
        }
        self.push_dialog(dialog);
        self.run_from(starter, t);
        true
    }

    fn fallback(&mut self, t: &mut TurnState) {
        let head = self.bot.fallback.and_then(|d| self.bot.graph.head(d).map(|h| (d, h)));
        match head {
            Some((d, h)) => {
                t.note(|| "nothing matched: the fallback dialog runs".into());
                t.dialog = Some(self.bot.bot.dialogs[d].display_name().to_string());
                self.push_dialog(d);
                self.run_from(h, t);
            }
            None => {
                t.note(|| "nothing matched and the bot has no fallback dialog".into());
                t.events.push(Event::Text { text: DEFAULT_FALLBACK.into() });
            }
        }
    }

    /// Runs interactions from `start` until the bot waits or stops.
    fn run_from(&mut self, start: usize, t: &mut TurnState) {
        let mut at = Some(start);
        while let Some(i) = at.take() {
            if t.stop {
                return;
            }
            // A guard against cycles the CB limits do not see (through
            // starters, which are not statements).
            t.total += 1;
            if t.total > MAX_INTERACTIONS_PER_TURN {
                t.events.push(Event::Error {
                    message: format!("the flow ran more than {MAX_INTERACTIONS_PER_TURN} interactions in one turn"),
                });
                t.stop = true;
                return;
            }
            let dialog = self.bot.graph.dialog_of(i);
            // CB's daisy-chain limit counts statements and integrations in
            // a row in one dialog (CB-SPEC §2.8): the 11th is not run.
            if t.chain_dialog != dialog {
                t.chain_dialog = dialog;
                t.chained = 0;
            }
            let it = &self.bot.bot.interactions[i];
            let statement = !(it.itype() == &InteractionType::DialogStarter
                || it.itype().is_question()
                || (it.itype() == &InteractionType::Universal && it.user_input_required == Some(true)));
            if statement {
                if t.chained == 10 {
                    t.events.push(Event::Error { message: CHAIN_LIMIT.into() });
                    t.stop = true;
                    return;
                }
                t.chained += 1;
            }
            match (self.stack.last_mut(), dialog) {
                (Some(top), Some(d)) if top.dialog != d => {
                    t.hops += 1;
                    if t.hops > 5 {
                        t.events.push(Event::Error { message: DIALOG_LIMIT.into() });
                        t.stop = true;
                        return;
                    }
                    top.dialog = d;
                    top.last = None;
                }
                (None, Some(d)) => self.push_dialog(d),
                _ => {}
            }
            if self.bot.bot.interactions[i].itype() != &InteractionType::DialogStarter
                && let Some(top) = self.stack.last_mut()
            {
                top.last = Some(i);
            }
            match self.run_interaction(i, t) {
                Flow::Wait => {
                    self.awaiting = Some(i);
                    return;
                }
                Flow::Stop => return,
                Flow::Go(target) => {
                    t.note(|| format!("`{}`: next action {}", self.name(i), self.describe(target)));
                    at = self.resolve(i, target, t);
                }
            }
        }
    }

    /// Follows a rule's target from a question that got its answer.
    fn follow(&mut self, from: usize, target: Target, t: &mut TurnState) {
        if let Some(next) = self.resolve(from, target, t) {
            self.run_from(next, t);
        }
    }

    /// The interaction a target leads to, handling the ends of dialogs and
    /// conversations on the way.
    fn resolve(&mut self, from: usize, target: Target, t: &mut TurnState) -> Option<usize> {
        match target {
            Target::Next(Some(j)) | Target::Interaction(j) => Some(j),
            Target::Dialog(d) => {
                let head = self.bot.graph.head(d);
                if head.is_none() {
                    t.note(|| format!("dialog `{}` is empty", self.bot.bot.dialogs[d].display_name()));
                }
                head
            }
            Target::Next(None) => self.dialog_complete(t),
            Target::End => None,
            Target::CloseConversation | Target::CloseDialog => {
                t.events.push(Event::Close { survey: target == Target::CloseDialog });
                self.status = Status::Closed;
                None
            }
            Target::Missing | Target::Unknown => {
                t.note(|| format!("`{}`: its next action points nowhere; the flow ends", self.name(from)));
                None
            }
        }
    }

    /// The current dialog ended: back to the one below, repeating the last
    /// interaction it ran unless `skipPreviousDialog` is "true" (CB-SPEC §2.3).
    fn dialog_complete(&mut self, t: &mut TurnState) -> Option<usize> {
        self.stack.pop();
        // "If the conversation enters the Fallback dialog and then jumps to
        // another dialog, the consumer isn't returned to the Fallback
        // dialog" (CB docs, Dialog basics › Context switching).
        while self.stack.last().is_some_and(|f| Some(f.dialog) == self.bot.fallback) {
            self.stack.pop();
        }
        let skip = self.env().var("skipPreviousDialog").is_some_and(|v| text_of(v) == "true");
        let top = self.stack.last()?;
        if skip {
            self.stack.clear();
            return None;
        }
        let last = top.last?;
        t.note(|| {
            format!("back to dialog `{}`: `{}` again", self.bot.bot.dialogs[top.dialog].display_name(), self.name(last))
        });
        Some(last)
    }

    fn run_interaction(&mut self, i: usize, t: &mut TurnState) -> Flow {
        let bot = self.bot.clone();
        let it = &bot.bot.interactions[i];
        let _span = tracing::debug_span!("interaction", name = it.display_name()).entered();
        self.coverage.interactions[i] += 1;
        self.env_mut().trigger = None;
        self.env_mut().delay = None;
        // Where this interaction's events start, for addQuickReplies.
        let mark = t.events.len();
        self.run_interaction_panel(i, PRE, t);
        // Content is prepared after pre-process, so its variables show
        // (CB-SPEC §3.2).
        let tile = it.tiles().first();
        let text = |c: &mut Self, t: &mut TurnState| c.render(tile.and_then(|d| d.text.as_deref()).unwrap_or(""), t);
        let mut content = Vec::new();
        let mut wait = false;
        let mut terminal = None;
        let mut api_ok = None;
        match it.itype() {
            InteractionType::DialogStarter => {}
            InteractionType::Text => {
                let body = text(self, t);
                match body.trim() {
                    "BLANK_MESSAGE" | "" => {}
                    "LP_CLOSECONVERSATION" => terminal = Some(Event::Close { survey: false }),
                    "LP_CLOSEDIALOG" => terminal = Some(Event::Close { survey: true }),
                    _ => content.push(Event::Text { text: body }),
                }
            }
            InteractionType::Image => {
                let url = self.render(tile.and_then(|d| d.url.as_deref()).unwrap_or(""), t);
                content.push(Event::Image { url });
                let caption = text(self, t);
                if !caption.trim().is_empty() && caption.trim() != "BLANK_MESSAGE" {
                    content.push(Event::Text { text: caption });
                }
            }
            InteractionType::TextQuestion => {
                content.push(Event::Text { text: text(self, t) });
                wait = true;
            }
            InteractionType::QuickReply => {
                let body = text(self, t);
                let replies = it
                    .quick_replies
                    .iter()
                    .flatten()
                    .map(|r| {
                        let title = self.render(r.title.as_deref().unwrap_or(""), t);
                        let payload = r.payload.as_deref().map_or_else(|| title.clone(), |p| self.render(p, t));
                        Choice { title, payload }
                    })
                    .collect();
                content.push(Event::QuickReplies { text: body, replies });
                wait = true;
            }
            InteractionType::MultipleChoiceQuestion => {
                let body = text(self, t);
                let choices = tile.and_then(|d| d.multiple_choice.as_ref()).and_then(|m| m.choices.clone());
                let buttons = choices
                    .unwrap_or_default()
                    .iter()
                    .map(|c| {
                        let title = self.render(c, t);
                        Choice { payload: title.clone(), title }
                    })
                    .collect();
                content.push(Event::Buttons { text: body, buttons });
                wait = true;
            }
            InteractionType::Button => {
                let body = text(self, t);
                let buttons = self.buttons(tile.and_then(|d| d.buttons.as_deref()).unwrap_or_default(), t);
                content.push(Event::Buttons { text: body, buttons });
                wait = true;
            }
            InteractionType::Structured => {
                let cards: Vec<serde_json::Value> = it
                    .tiles()
                    .iter()
                    .map(|d| {
                        let buttons = self.buttons(d.buttons.as_deref().unwrap_or_default(), t);
                        serde_json::json!({
                            "title": self.render(d.title.as_deref().unwrap_or(""), t),
                            "subtitle": self.render(d.sub_title.as_deref().unwrap_or(""), t),
                            "image": self.render(d.image.as_deref().unwrap_or(""), t),
                            "buttons": buttons.iter().map(|b| serde_json::json!({"title": b.title, "payload": b.payload})).collect::<Vec<_>>(),
                        })
                    })
                    .collect();
                content.push(Event::Structured { content: serde_json::Value::Array(cards) });
                wait = true;
            }
            InteractionType::Universal => {
                let json = tile.and_then(|d| d.universal_widget.as_ref()).and_then(|w| w.le_message_json.as_deref());
                let body = self.render(json.unwrap_or(""), t);
                let value = serde_json::from_str(&body).unwrap_or(serde_json::Value::String(body));
                content.push(Event::Structured { content: value });
                wait = it.user_input_required == Some(true);
            }
            InteractionType::ApiIntegration => match self.integration(i, t) {
                Some(Ok(transfer)) => terminal = Some(transfer),
                Some(Err(ok)) => api_ok = Some(ok),
                None => {}
            },
            InteractionType::Escalation => {
                let message = text(self, t);
                let message = if message.trim() == "BLANK_MESSAGE" { String::new() } else { message };
                let escalation = tile.and_then(|d| d.escalation.as_ref());
                let skill = escalation.and_then(|e| e.agent_skill_id.as_deref());
                let skill_id = self.render(skill.unwrap_or(""), t);
                let agent_id = escalation
                    .and_then(|e| e.agent_id.as_deref())
                    .map(|a| self.render(a, t))
                    .filter(|a| !a.trim().is_empty());
                terminal = Some(Event::Transfer { skill: None, skill_id, agent_id, message, bot_context: None });
            }
            other => t.note(|| format!("`{}`: interaction type {other:?} is not run by this version", self.name(i))),
        }
        self.run_interaction_panel(i, POST, t);
        // Messages scripts queued go before the content (CB-SPEC §3.4).
        self.flush_effects(t);
        // addQuickReplies adds to "an existing message" (CB-SPEC §4.3): the
        // interaction's own, else the last one its scripts sent; with
        // neither (an integration, BLANK_MESSAGE) they wait for the next
        // interaction's message in this turn.
        let added = std::mem::take(&mut self.env_mut().added_replies);
        if !added.is_empty() {
            let taken = content.iter_mut().any(|e| attach_replies(e, &added))
                || t.events[mark..]
                    .iter_mut()
                    .rev()
                    .find(|e| e.is_message())
                    .is_some_and(|e| attach_replies(e, &added));
            if !taken {
                self.env_mut().added_replies = added;
            }
        }
        let delay =
            self.env().delay.or_else(|| it.interaction_delay.as_ref().and_then(|d| d.as_i64()).map(|d| d as f64));
        if let Some(ms) = delay.filter(|&ms| ms > 0.0)
            && (!content.is_empty() || terminal.is_some())
        {
            t.events.push(Event::Delay { ms: ms as u64 });
        }
        t.events.append(&mut content);
        if let Some(mut ev) = terminal {
            // A skill id that is not a number after templating cannot be
            // transferred to: the failure message instead (CB-SPEC §6.5 A).
            if let Event::Transfer { skill_id, .. } = &ev
                && (skill_id.is_empty() || !skill_id.trim().chars().all(|c| c.is_ascii_digit()))
            {
                let id = skill_id.clone();
                t.note(|| format!("transfer not made: skill id {id:?} is not a number"));
                t.events.push(Event::Text { text: TRANSFER_FAILED.into() });
                return Flow::Stop;
            }
            // The Transfer Bot Context scripts set goes with the transfer
            // and is used up by it (CB-SPEC §6.5 step 3).
            if let Event::Transfer { bot_context, .. } = &mut ev {
                let b = std::mem::take(&mut self.env_mut().bot_transfer);
                if !b.is_empty() {
                    *bot_context = Some(TransferBotContext {
                        user_message: b.user_message,
                        intent_id: b.intent_id,
                        intent_name: b.intent_name,
                        domain: b.domain,
                    });
                }
            }
            self.status = if matches!(ev, Event::Transfer { .. }) { Status::Transferred } else { Status::Closed };
            t.events.push(ev);
            return Flow::Stop;
        }
        // transferToBotDialog: after the content, the conversation leaves
        // this bot (CB-SPEC §4.3, recorded).
        if let Some((bot_id, dialog, message)) = self.env_mut().bot_dialog_transfer.take() {
            t.events.push(Event::BotTransfer { bot_id, dialog, message });
            self.status = Status::Transferred;
            return Flow::Stop;
        }
        if let Some(target) = self.take_trigger(t) {
            return Flow::Go(target);
        }
        if wait {
            return Flow::Wait;
        }
        // Statements carry one unconditional rule with their next action;
        // integrations choose by their rules (API_RESULT, CB-SPEC §2.5).
        let rules = &bot.rules[i];
        if it.itype() == &InteractionType::ApiIntegration {
            let ok = api_ok.unwrap_or(false);
            match self.match_rule(i, "", ok) {
                Some(k) => {
                    self.coverage.rules[i][k] += 1;
                    self.apply_rule_vars(i, k, t);
                    return Flow::Go(bot.rules[i][k].target);
                }
                None if !ok => {
                    // No rule takes the failure: CB's text, and the flow
                    // stops there (CB-SPEC §6.2).
                    t.events.push(Event::Text { text: INTEGRATION_FAILED.into() });
                    return Flow::Stop;
                }
                None => {}
            }
            self.coverage.next_actions[i] += 1;
            return Flow::Go(Target::Next(bot.graph.next_of(i)));
        }
        self.coverage.next_actions[i] += 1;
        Flow::Go(rules.first().map_or(Target::Next(bot.graph.next_of(i)), |r| r.target))
    }

    fn buttons(&mut self, buttons: &[cbot_model::Button], t: &mut TurnState) -> Vec<Choice> {
        buttons
            .iter()
            .map(|b| {
                let title = self.render(b.name.as_deref().unwrap_or(""), t);
                let payload = self.render(b.callback.as_deref().unwrap_or(""), t);
                Choice { payload: if payload.is_empty() { title.clone() } else { payload }, title }
            })
            .collect()
    }

    /// A pending `setTriggerNextMessage` as a target (unknown names end up
    /// in the trace and are ignored, CB-SPEC §3.3).
    fn take_trigger(&mut self, t: &mut TurnState) -> Option<Target> {
        let name = self.env_mut().trigger.take()?;
        match self.bot.graph.interaction_by_name(&name) {
            Some(j) => {
                t.note(|| format!("setTriggerNextMessage: `{name}`"));
                Some(Target::Interaction(j))
            }
            None => {
                t.note(|| format!("setTriggerNextMessage(`{name}`): no interaction has that name; ignored"));
                None
            }
        }
    }

    /// Calls interaction `i`'s integration. `Ok(event)` when it is an agent
    /// escalation (a transfer, no network); `Err(success)` otherwise.
    fn integration(&mut self, i: usize, t: &mut TurnState) -> Option<Result<Event, bool>> {
        let bot = self.bot.clone();
        let it = &bot.bot.interactions[i];
        let id = it.content.as_ref().and_then(|c| c.responder_id.as_deref()).unwrap_or("");
        let Some(&k) = bot.integrations.get(id) else {
            t.events
                .push(Event::Error { message: format!("`{}`: its integration `{id}` does not exist", self.name(i)) });
            return Some(Err(false));
        };
        let g = &bot.bot.integrations()[k];
        let name = g.name.clone().unwrap_or_else(|| g.id.clone());
        // An agent escalation (CB-SPEC §6.5 B): a transfer, not a call. Its
        // three fields are templates read when the bot was loaded; a body
        // that only becomes JSON once rendered is rendered and read now.
        if let Some(esc) = &bot.escalations[k] {
            let (skill, skill_id, message) = if esc.parse_at_runtime {
                let body = g.post_body.as_deref().map(|b| self.render(b, t));
                let fields: serde_json::Value =
                    body.as_deref().and_then(|b| serde_json::from_str(b).ok()).unwrap_or(serde_json::Value::Null);
                let f = EscalationFields::read(&fields);
                (f.skill_name, f.skill_id, f.message)
            } else {
                let mut render = |v: &Option<String>| v.as_deref().map(|v| self.render(v, t));
                (render(&esc.skill_name), render(&esc.skill_id), render(&esc.message))
            };
            let message = message.unwrap_or_default();
            let message = if message.trim() == "BLANK_MESSAGE" { String::new() } else { message };
            return Some(Ok(Event::Transfer {
                skill,
                skill_id: skill_id.unwrap_or_default(),
                agent_id: None,
                message,
                bot_context: None,
            }));
        }
        let url = self.render(g.webhook.as_deref().unwrap_or(""), t);
        let method = g.method.clone().unwrap_or_else(|| "GET".into()).to_ascii_uppercase();
        let headers: Vec<(String, String)> = g
            .headers
            .iter()
            .flatten()
            .filter_map(|h| Some((h.key.clone()?, self.render(h.value.as_deref().unwrap_or(""), t))))
            .collect();
        let body = g.post_body.as_deref().filter(|b| !b.is_empty()).map(|b| self.render(b, t));
        let request =
            HttpRequest { integration: name.clone(), method: method.clone(), url: url.clone(), headers, body };
        let rdv = g.response_data_variable.clone().filter(|r| !r.is_empty()).unwrap_or_else(|| name.clone());
        let outcome = self.config.transport.send(&request);
        let ok = match outcome {
            Ok(resp) => {
                t.events.push(Event::ApiCall {
                    integration: name,
                    method,
                    url,
                    status: Some(resp.status),
                    error: None,
                });
                let body: serde_json::Value =
                    serde_json::from_str(&resp.body).unwrap_or(serde_json::Value::String(resp.body.clone()));
                let json_data = serde_json::json!({ format!("api_{rdv}"): body }).to_string();
                let env = self.env_mut();
                env.api_status = Some(resp.status);
                env.set_var(
                    format!("api_{rdv}"),
                    Value::object(vec![("jsonData".into(), Value::from(json_data))]),
                    Scope::Session,
                );
                env.set_var(format!("api_{rdv}Status"), Value::from(resp.status.to_string()), Scope::Session);
                matches!(resp.status, 200 | 201)
            }
            Err(e) => {
                t.events.push(Event::ApiCall { integration: name, method, url, status: None, error: Some(e) });
                self.env_mut().api_status = None;
                false
            }
        };
        // The transform runs before custom data fields are read (CB-SPEC §3.2).
        if ok && let Some(k) = bot.panel(&transform_panel(&g.id)) {
            self.run_panel(k, &|| format!("{rdv}/transformResultsScript"), t);
        }
        if ok {
            // The response is parsed once for all the fields.
            let mut parsed = crate::template::Parsed::new();
            for f in g.custom_data_fields.iter().flatten() {
                let (Some(key), Some(value)) = (&f.key, &f.value) else { continue };
                let path = value.trim().trim_start_matches('{').trim_end_matches('}');
                let Some(path) = path.strip_prefix("$.") else { continue };
                let values = json_path(path, self.env(), &mut parsed).unwrap_or_default();
                let env = self.env_mut();
                env.set_var(format!("{rdv}.{key}.count"), Value::Number(values.len() as f64), Scope::Session);
                let v = match values.as_slice() {
                    [one] => Value::from_json(one),
                    many => Value::Array(many.iter().map(Value::from_json).collect()),
                };
                env.set_var(format!("{rdv}.{key}"), v, Scope::Session);
            }
        }
        Some(Err(ok))
    }

    /// The first rule of interaction `i` that matches `message` (or, for
    /// integrations, the call's outcome): every rule but NO_MATCH in order,
    /// then NO_MATCH (CB-SPEC §2.5).
    fn match_rule(&self, i: usize, message: &str, api_ok: bool) -> Option<usize> {
        let rules = &self.bot.rules[i];
        let lower = message.to_lowercase();
        let holds = |r: &CompiledRule| -> bool {
            if r.excludes.iter().any(|x| lower.contains(&x.to_lowercase())) {
                return false;
            }
            r.conds.iter().all(|c| match c {
                Cond::Pattern(m) => m.find_best(message).is_some(),
                Cond::Regex(re) => re.is_match(message),
                Cond::Option(value) => self.option_matches(i, value, message),
                Cond::Api(success) => *success == api_ok,
                Cond::Never => false,
            }) && self.context_holds(r)
        };
        rules
            .iter()
            .position(|r| r.no_match.is_none() && holds(r))
            .or_else(|| rules.iter().position(|r| r.no_match.is_some() && self.context_holds(r)))
    }

    /// EVAL_OPTION: the option's text, or its number or letter among the
    /// question's choices, case-insensitively (CB-SPEC §2.5, §4.3).
    fn option_matches(&self, i: usize, value: &str, message: &str) -> bool {
        let m = message.trim();
        if m.eq_ignore_ascii_case(value.trim()) {
            return true;
        }
        let it = &self.bot.bot.interactions[i];
        let choices = it.tiles().first().and_then(|d| d.multiple_choice.as_ref()).and_then(|mc| mc.choices.clone());
        let Some(pos) = choices.unwrap_or_default().iter().position(|c| c.trim().eq_ignore_ascii_case(value.trim()))
        else {
            return false;
        };
        let number = (pos + 1).to_string();
        let letter = char::from(b'a' + (pos as u8 % 26)).to_string();
        m == number || m.eq_ignore_ascii_case(&letter)
    }

    fn context_holds(&self, r: &CompiledRule) -> bool {
        if r.context.is_empty() {
            return true;
        }
        let env = self.env();
        let check = |c: &crate::bot::ContextCond| {
            let mut missing = Vec::new();
            let name = if c.name.contains('{') {
                render(&c.name, env, &mut missing)
            } else {
                env.var(&c.name).map(text_of).unwrap_or_default()
            };
            let value = render(&c.value, env, &mut missing);
            let (n, v) = (name.to_lowercase(), value.to_lowercase());
            match c.op.as_str() {
                "CONTAINS" => n.contains(&v),
                "NOT_CONTAINS" => !n.contains(&v),
                "EQUALS" => n == v,
                "NOT_EQUALS" => n != v,
                "STARTS_WITH" => n.starts_with(&v),
                "ENDS_WITH" => n.ends_with(&v),
                _ => false,
            }
        };
        if r.context_all { r.context.iter().all(check) } else { r.context.iter().any(check) }
    }

    fn apply_rule_vars(&mut self, i: usize, k: usize, t: &mut TurnState) {
        let bot = self.bot.clone();
        for (name, value, scope) in &bot.rules[i][k].vars {
            let v = self.render(value, t);
            t.note(|| format!("rule variable {name} = {v:?} ({scope:?})"));
            self.env_mut().set_var(name.clone(), Value::from(v), *scope);
        }
    }

    /// Pushes a dialog. The stack keeps the 32 most recent dialogs: a long
    /// conversation must not grow without bound, and nobody returns 32
    /// dialogs deep.
    fn push_dialog(&mut self, dialog: usize) {
        if self.stack.len() >= 32 {
            self.stack.remove(0);
        }
        self.stack.push(Frame { dialog, last: None });
    }

    /// A target in words, for the trace.
    fn describe(&self, target: Target) -> String {
        let dialog = |d: usize| self.bot.bot.dialogs[d].display_name().to_string();
        match target {
            Target::Next(Some(j)) => format!("next: `{}`", self.name(j)),
            Target::Next(None) => "next: the dialog ends".into(),
            Target::Interaction(j) => format!("to `{}`", self.name(j)),
            Target::Dialog(d) => format!("to dialog `{}`", dialog(d)),
            Target::End => "end interaction (wait for the user)".into(),
            Target::CloseConversation => "close the conversation".into(),
            Target::CloseDialog => "close the dialog".into(),
            Target::Missing | Target::Unknown => "to a missing target".into(),
        }
    }

    /// The dialog stack, bottom first, for the trace.
    fn stack_names(&self) -> String {
        let names: Vec<&str> = self.stack.iter().map(|f| self.bot.bot.dialogs[f.dialog].display_name()).collect();
        format!("[{}]", names.join(" > "))
    }

    fn render(&mut self, text: &str, t: &mut TurnState) -> String {
        let mut missing = Vec::new();
        let (out, full) = render_bounded(text, self.env(), &mut missing);
        for m in missing {
            t.note(|| format!("template value `{{{m}}}` is not set: rendered empty"));
        }
        if full {
            t.events.push(Event::Error {
                message: format!(
                    "a template's values add more than {} MiB to it: the rest of them are left out",
                    MAX_TEMPLATE_GROWTH >> 20
                ),
            });
        }
        out
    }

    /// Runs code panel `PANELS[slot]` of interaction `i`, if it has one.
    fn run_interaction_panel(&mut self, i: usize, slot: usize, t: &mut TurnState) {
        let panel = PANELS[slot];
        let bot = self.bot.clone();
        let it = &bot.bot.interactions[i];
        let label = || format!("{}/{panel}", it.display_name());
        match bot.panels[i][slot] {
            Some(k) => self.run_panel(k, &label, t),
            None => {
                let has_code = it.code_panels().any(|(p, text)| p == panel && !text.trim().is_empty());
                if has_code {
                    let why = bot.broken_panels.get(&panel_name(&it.id, panel));
                    let why = why.map_or("it did not compile", String::as_str);
                    t.events.push(Event::ScriptError { panel: label(), error: format!("not run: {why}") });
                }
            }
        }
    }

    /// Runs one compiled panel; a script error becomes an event and the
    /// conversation goes on (CB-SPEC §8).
    fn run_panel(&mut self, k: usize, label: &dyn Fn() -> String, t: &mut TurnState) {
        let Some(session) = self.session.as_mut() else { return };
        let spent = self.bot.program.as_ref().is_some_and(|p| {
            let l = p.limits();
            t.script_fuel >= l.fuel.saturating_mul(TURN_SCRIPT_RUNS)
                || t.script_calls >= u64::from(l.calls).saturating_mul(TURN_SCRIPT_RUNS)
                || t.script_bytes >= (l.heap_bytes as u64).saturating_mul(TURN_SCRIPT_RUNS)
        });
        if spent {
            t.events.push(Event::ScriptError {
                panel: label(),
                error: format!("not run: this turn's scripts have used {TURN_SCRIPT_RUNS} runs' worth of their limits"),
            });
            return;
        }
        let Some(env) = self.env.take() else { return };
        if let Some(n) = self.panel_runs.get_mut(k) {
            *n += 1;
        }
        let _span = tracing::trace_span!("script", panel = k).entered();
        let started = self.config.time_scripts.then(std::time::Instant::now);
        let result = session.run_index(k, env);
        if let Some(t) = started {
            self.script_time += t.elapsed();
        }
        match result {
            Ok(run) => {
                t.script_fuel = t.script_fuel.saturating_add(run.fuel);
                t.script_calls = t.script_calls.saturating_add(run.transcript.calls.len() as u64);
                t.script_bytes = t.script_bytes.saturating_add(run.handed as u64);
                self.env = Some(run.context);
                if t.tracing {
                    for c in &run.transcript.calls {
                        let args: Vec<String> = c.args.iter().map(|a| a.to_json().to_string()).collect();
                        t.trace.push(format!("{}: botContext.{}({})", label(), c.method, args.join(", ")));
                    }
                }
                // A variable the budget refused fails the run as a thrown
                // error would, after what the script sent.
                let refused = self.env.as_mut().and_then(|env| env.refused.take()).map(|(name, limit)| {
                    format!(
                        "botContext.setBotVariable('{name}'): the conversation's bot variables would exceed \
                         {limit} bytes, so it was not set"
                    )
                });
                if let Some(e) = run.error.map(|e| e.to_string()).or(refused) {
                    // What the script sent before it failed comes first.
                    self.flush_effects(t);
                    t.events.push(Event::ScriptError { panel: label(), error: e });
                }
            }
            Err(e) => {
                // The context is lost with the run only if the engine
                // itself failed; start from a clean state rather than panic.
                self.env = Some(self.fresh_env(self.config.info.clone()));
                t.events.push(Event::ScriptError { panel: label(), error: e.to_string() });
            }
        }
    }

    fn flush_effects(&mut self, t: &mut TurnState) {
        for e in std::mem::take(&mut self.env_mut().effects) {
            match e {
                Effect::Message(text) => t.events.push(Event::Text { text }),
                Effect::QuickReplies(text, replies) => t.events.push(Event::QuickReplies {
                    text,
                    replies: replies.into_iter().map(|(title, payload)| Choice { title, payload }).collect(),
                }),
                Effect::Debug(text) => t.events.push(Event::Debug { text }),
                Effect::Private(text) => t.events.push(Event::PrivateMessage { text }),
                Effect::CustomEvent { name, message, details } => {
                    t.events.push(Event::CustomEvent { name, message, details })
                }
                Effect::EscalationEvent { message, target } => {
                    t.events.push(Event::EscalationEvent { message, target })
                }
            }
        }
    }
}
