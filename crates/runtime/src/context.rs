//! The conversation's state as scripts see it: variables, the user's
//! message, integration results, and what scripts asked for (messages,
//! triggers, delays). It implements `botContext` for the script engine.

use cbot_host::{BotContext, BotTransfer, Scope, SharedContextStore, UserData, Value};
use std::collections::BTreeMap;
use std::sync::Arc;

/// Facts about the conversation that do not change while it runs.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Info {
    /// `getChannel()`: `web` in CB's preview, `lp_web`, `lp_sms`, … on LivePerson.
    pub channel: String,
    /// `getUserChannel()`.
    pub user_channel: String,
    /// `getConversationId()`, `{$conversationId}`.
    pub conversation_id: String,
    /// `getChatBotId()`, `{$chatBotId}`.
    pub chat_bot_id: String,
    /// `getLPAccountId()`.
    pub account_id: String,
    /// `getUserPlatformId()`, `{$chatBotUserPlatformId}`.
    pub user_platform_id: String,
    /// Engagement attributes.
    pub engagement_attributes: BTreeMap<String, Value>,
    /// Environment variables (`getEnvVariable`, `{$env.x}`).
    pub env: BTreeMap<String, Value>,
    /// `getLPCustomerInfo()`.
    pub customer_info: Value,
    /// Web-view variables (`getWebViewVariable`, `getWebViewVariables`),
    /// set in CB through the Web View API.
    pub web_view: BTreeMap<String, Value>,
    /// User, engagement and NLU data: personal info, metadata, sentiment,
    /// NLP response, named entities, location, disambiguated intent,
    /// `askMaven`'s answer, user name and email (docs/botcontext.md).
    pub user: UserData,
}

impl Default for Info {
    fn default() -> Self {
        Info {
            channel: String::new(),
            user_channel: String::new(),
            conversation_id: String::new(),
            chat_bot_id: String::new(),
            account_id: String::new(),
            user_platform_id: String::new(),
            engagement_attributes: BTreeMap::new(),
            env: BTreeMap::new(),
            customer_info: Value::object(Vec::new()),
            web_view: BTreeMap::new(),
            user: UserData::default(),
        }
    }
}

/// Something a script did that the turn turns into events.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Effect {
    Message(String),
    QuickReplies(String, Vec<(String, String)>),
    Debug(String),
    Private(String),
    CustomEvent { name: String, message: String, details: String },
    EscalationEvent { message: String, target: String },
}

/// The mutable conversation state handed to each script run (moved in and
/// back out: the script engine owns its context for the run).
pub(crate) struct ScriptEnv {
    pub info: Arc<Info>,
    /// Bot variables with their scope, by name.
    pub vars: BTreeMap<String, (Value, Scope)>,
    pub user_message: String,
    pub quick_reply_payload: Value,
    /// HTTP status of the latest integration call.
    pub api_status: Option<u16>,
    pub starter_intent: Value,
    pub effects: Vec<Effect>,
    /// A pending `setTriggerNextMessage` (the last call wins).
    pub trigger: Option<String>,
    pub delay: Option<f64>,
    pub allow_max_text: bool,
    /// The Conversation Context Service store; none when the account has
    /// no Context API.
    pub context_store: Option<SharedContextStore>,
    /// `getButtonPayload()` for this message.
    pub button_payload: Value,
    /// What `new Date()` reads, for `getHoursType` and the context
    /// service's ttl; the system clock when none.
    pub clock: Option<cbot_script::Clock>,
    /// `setUserName`/`setEmail`: "permanent" values (CB-SPEC §4.1) that
    /// outlive the conversation, as persistent variables do.
    pub user_name: Option<String>,
    pub email: Option<String>,
    /// Quick replies from `addQuickReplies` waiting for a message.
    pub added_replies: Vec<(String, String)>,
    /// The Transfer Bot Context for the next transfer.
    pub bot_transfer: BotTransfer,
    /// A pending `transferToBotDialog(botId, dialog, message)`.
    pub bot_dialog_transfer: Option<(String, String, String)>,
    /// What the variables hold: [`var_bytes`] of each.
    variables_bytes: usize,
    /// The most `variables_bytes` may reach through `setBotVariable`
    /// (`ConversationConfig::variables_bytes`).
    pub variables_limit: usize,
    /// The first variable the limit refused in this run, and the limit.
    pub refused: Option<(String, usize)>,
}

/// What one variable counts against the budget.
fn var_bytes(name: &str, value: &Value) -> usize {
    (16 + name.len()).saturating_add(value.approx_bytes())
}

impl std::fmt::Debug for ScriptEnv {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The clock is a closure: not printable.
        f.debug_struct("ScriptEnv")
            .field("vars", &self.vars)
            .field("user_message", &self.user_message)
            .field("trigger", &self.trigger)
            .field("effects", &self.effects)
            .finish_non_exhaustive()
    }
}

impl ScriptEnv {
    pub fn new(info: Arc<Info>) -> ScriptEnv {
        ScriptEnv {
            info,
            vars: BTreeMap::new(),
            user_message: String::new(),
            quick_reply_payload: Value::Null,
            api_status: None,
            starter_intent: Value::Null,
            effects: Vec::new(),
            trigger: None,
            delay: None,
            allow_max_text: false,
            context_store: Some(cbot_host::ContextStore::shared()),
            button_payload: Value::Null,
            clock: None,
            user_name: None,
            email: None,
            added_replies: Vec::new(),
            bot_transfer: BotTransfer::default(),
            bot_dialog_transfer: None,
            variables_bytes: 0,
            variables_limit: crate::conversation::VARIABLES_BYTES,
            refused: None,
        }
    }

    pub fn var(&self, name: &str) -> Option<&Value> {
        self.vars.get(name).map(|v| &v.0)
    }

    /// Sets a variable (the bot's own writes: integration results, slots,
    /// restored state), counting it against the budget without refusing.
    pub fn set_var(&mut self, name: impl Into<String>, value: Value, scope: Scope) {
        let name = name.into();
        let adds = var_bytes(&name, &value);
        if let Some((old, _)) = self.vars.insert(name.clone(), (value, scope)) {
            self.variables_bytes = self.variables_bytes.saturating_sub(var_bytes(&name, &old));
        }
        self.variables_bytes = self.variables_bytes.saturating_add(adds);
    }

    /// What the variables hold now (about; [`cbot_host::Value::approx_bytes`]).
    pub fn variables_bytes(&self) -> usize {
        self.variables_bytes
    }

    /// Ends the request: request-scoped variables go (CB-SPEC §4.1).
    pub fn end_request(&mut self) {
        let mut freed = 0usize;
        self.vars.retain(|name, v| {
            let keep = v.1 != Scope::Request;
            if !keep {
                freed = freed.saturating_add(var_bytes(name, &v.0));
            }
            keep
        });
        self.variables_bytes = self.variables_bytes.saturating_sub(freed);
    }
}

impl BotContext for ScriptEnv {
    fn get_channel(&mut self) -> String {
        self.info.channel.clone()
    }

    fn get_user_channel(&mut self) -> String {
        self.info.user_channel.clone()
    }

    fn send_message(&mut self, text: String) {
        self.effects.push(Effect::Message(text));
    }

    fn send_immediate_reply(&mut self, text: String) {
        self.effects.push(Effect::Message(text));
    }

    fn send_message_with_quick_replies(&mut self, text: String, replies: Vec<(String, String)>) {
        self.effects.push(Effect::QuickReplies(text, replies));
    }

    fn print_debug_message(&mut self, text: Arc<str>) {
        self.effects.push(Effect::Debug(String::from(&*text)));
    }

    fn set_bot_variable(&mut self, name: String, value: Value, scope: Scope) {
        // A script's write is refused past the budget (replacing a value
        // counts only the difference).
        let frees = self.vars.get(&name).map_or(0, |(old, _)| var_bytes(&name, old));
        let after = self.variables_bytes.saturating_sub(frees).saturating_add(var_bytes(&name, &value));
        if after > self.variables_limit {
            if self.refused.is_none() {
                self.refused = Some((name, self.variables_limit));
            }
            return;
        }
        self.set_var(name, value, scope);
    }

    fn get_bot_variable(&mut self, name: &str) -> Value {
        self.var(name).cloned().unwrap_or(Value::Null)
    }

    fn set_trigger_next_message(&mut self, name: String) {
        self.trigger = Some(name);
    }

    fn get_current_user_message(&mut self) -> String {
        self.user_message.clone()
    }

    fn get_lp_engagement_attribute(&mut self, key: &str) -> Value {
        self.info.engagement_attributes.get(key).cloned().unwrap_or(Value::Null)
    }

    fn get_conversation_id(&mut self) -> String {
        self.info.conversation_id.clone()
    }

    fn get_chat_bot_id(&mut self) -> String {
        self.info.chat_bot_id.clone()
    }

    fn get_lp_account_id(&mut self) -> String {
        self.info.account_id.clone()
    }

    fn get_user_platform_id(&mut self) -> String {
        self.info.user_platform_id.clone()
    }

    fn log_custom_event(&mut self, message: String, event: String, details: String) {
        self.effects.push(Effect::CustomEvent { name: event, message, details });
    }

    fn log_escalation_event(&mut self, message: String, target: String) {
        self.effects.push(Effect::EscalationEvent { message, target });
    }

    fn send_private_message(&mut self, text: String) {
        self.effects.push(Effect::Private(text));
    }

    fn add_quick_replies(&mut self, replies: Vec<(String, String)>) {
        self.added_replies.extend(replies);
    }

    fn get_web_view_variables(&mut self) -> Value {
        Value::Object(self.info.web_view.iter().map(|(k, v)| (k.clone(), v.clone())).collect())
    }

    fn get_button_payload(&mut self) -> Value {
        self.button_payload.clone()
    }

    fn user_data(&self) -> &UserData {
        &self.info.user
    }

    fn now_ms(&mut self) -> f64 {
        match &self.clock {
            Some(clock) => clock(),
            None => {
                std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0.0, |d| d.as_millis() as f64)
            }
        }
    }

    fn get_user_name(&mut self) -> Value {
        self.user_name.clone().map_or_else(|| self.info.user.user_name.clone(), Value::from)
    }

    fn set_user_name(&mut self, name: String) {
        self.user_name = Some(name);
    }

    fn get_email(&mut self) -> Value {
        self.email.clone().map_or_else(|| self.info.user.email.clone(), Value::from)
    }

    fn set_email(&mut self, email: String) {
        self.email = Some(email);
    }

    fn set_bot_transfer_user_message(&mut self, text: String) {
        self.bot_transfer.user_message = Some(text);
    }

    fn set_bot_transfer_intent_id(&mut self, id: String) {
        // One intent: the last call wins, by id or by name.
        self.bot_transfer.intent_id = Some(id);
        self.bot_transfer.intent_name = None;
        self.bot_transfer.domain = None;
    }

    fn set_bot_transfer_intent_by_domain(&mut self, intent: String, domain: String) {
        self.bot_transfer.intent_id = None;
        self.bot_transfer.intent_name = Some(intent);
        self.bot_transfer.domain = Some(domain);
    }

    fn transfer_to_bot_dialog(&mut self, bot_id: String, dialog: String, message: String) {
        self.bot_dialog_transfer = Some((bot_id, dialog, message));
    }

    fn get_lp_customer_info(&mut self) -> Value {
        self.info.customer_info.clone()
    }

    fn get_env_variable(&mut self, name: &str) -> Value {
        self.info.env.get(name).cloned().unwrap_or(Value::Null)
    }

    fn set_message_delay(&mut self, ms: f64) {
        self.delay = Some(ms);
    }

    fn get_web_view_variable(&mut self, name: &str) -> Value {
        self.info.web_view.get(name).cloned().unwrap_or(Value::Null)
    }

    fn get_quick_reply_payload(&mut self) -> Value {
        self.quick_reply_payload.clone()
    }

    fn is_api_execution_successful(&mut self) -> bool {
        matches!(self.api_status, Some(200 | 201))
    }

    fn get_api_status_code(&mut self) -> Value {
        self.api_status.map_or(Value::Null, |s| Value::from(s.to_string()))
    }

    fn set_allow_max_text_response(&mut self, allow: bool) {
        self.allow_max_text = allow;
    }

    fn get_dialog_starter_intent(&mut self) -> Value {
        self.starter_intent.clone()
    }

    fn context_service(&mut self) -> Option<SharedContextStore> {
        self.context_store.clone()
    }
}
