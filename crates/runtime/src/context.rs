//! The conversation's state as scripts see it: variables, the user's
//! message, integration results, and what scripts asked for (messages,
//! triggers, delays). It implements `botContext` for the script engine.

use cbot_host::{BotContext, Scope, SharedContextStore, Value};
use std::collections::BTreeMap;
use std::sync::Arc;

/// Facts about the conversation that do not change while it runs.
#[derive(Debug, Clone)]
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
            customer_info: Value::Object(Vec::new()),
        }
    }
}

/// Something a script did that the turn turns into events.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Effect {
    Message(String),
    QuickReplies(String, Vec<(String, String)>),
    Debug(String),
}

/// The mutable conversation state handed to each script run (moved in and
/// back out: the script engine owns its context for the run).
#[derive(Debug)]
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
    /// The Conversation Context Service store.
    pub context_store: SharedContextStore,
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
            context_store: cbot_host::ContextStore::shared(),
        }
    }

    pub fn var(&self, name: &str) -> Option<&Value> {
        self.vars.get(name).map(|v| &v.0)
    }

    pub fn set_var(&mut self, name: impl Into<String>, value: Value, scope: Scope) {
        self.vars.insert(name.into(), (value, scope));
    }

    /// Ends the request: request-scoped variables go (CB-SPEC §4.1).
    pub fn end_request(&mut self) {
        self.vars.retain(|_, v| v.1 != Scope::Request);
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

    fn print_debug_message(&mut self, text: String) {
        self.effects.push(Effect::Debug(text));
    }

    fn set_bot_variable(&mut self, name: String, value: Value, scope: Scope) {
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
        self.effects.push(Effect::Debug(format!("custom event {event}: {message} {details}")));
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

    fn get_web_view_variable(&mut self, _name: &str) -> Value {
        Value::Null
    }

    fn get_quick_reply_payload(&mut self) -> Value {
        self.quick_reply_payload.clone()
    }

    fn is_api_execution_successful(&mut self) -> bool {
        matches!(self.api_status, Some(200 | 201))
    }

    fn get_api_status_code(&mut self) -> Value {
        self.api_status.map_or(Value::Null, |s| Value::String(s.to_string()))
    }

    fn set_allow_max_text_response(&mut self, allow: bool) {
        self.allow_max_text = allow;
    }

    fn get_dialog_starter_intent(&mut self) -> Value {
        self.starter_intent.clone()
    }

    fn context_service(&mut self) -> Option<SharedContextStore> {
        Some(self.context_store.clone())
    }
}
