//! The offline `botContext`: configurable inputs, recorded outputs.

use crate::{BotContext, ContextStore, SharedContextStore, Value};
use std::collections::BTreeMap;

/// How long a bot variable lives (CB-SPEC §4.1, §5.4).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Until the bot answers the current message.
    Request,
    /// For the session.
    Session,
    /// Persistent (180 days in CB).
    Forever,
}

/// A message a script sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SentMessage {
    /// The text.
    pub text: String,
    /// Sent with `sendImmediateReply` rather than `sendMessage`.
    pub immediate: bool,
}

/// A `botContext` with no LivePerson behind it: inputs are fields you set,
/// effects are fields you read. Defaults match a web conversation with no
/// engagement data.
#[derive(Debug, Clone)]
pub struct OfflineContext {
    /// `getChannel()`; default `web`.
    pub channel: String,
    /// `getUserChannel()`; default `lp_web`.
    pub user_channel: String,
    /// `getCurrentUserMessage()`.
    pub user_message: String,
    /// `getConversationId()`.
    pub conversation_id: String,
    /// `getChatBotId()`.
    pub chat_bot_id: String,
    /// `getLPAccountId()`.
    pub account_id: String,
    /// `getUserPlatformId()`.
    pub user_platform_id: String,
    /// Engagement attributes by key.
    pub engagement_attributes: BTreeMap<String, Value>,
    /// Environment variables.
    pub env: BTreeMap<String, Value>,
    /// Web-view variables.
    pub web_view: BTreeMap<String, Value>,
    /// `getLPCustomerInfo()`; default an empty object.
    pub customer_info: Value,
    /// `getQuickReplyPayload()`.
    pub quick_reply_payload: Value,
    /// Latest integration status code, if any call was made.
    pub api_status: Option<u16>,
    /// `getDialogStarterIntent()`.
    pub dialog_starter_intent: Value,
    /// Variables and their scopes, in the order first set.
    pub variables: Vec<(String, Value, Scope)>,
    /// Messages sent.
    pub sent: Vec<SentMessage>,
    /// Debug lines printed.
    pub debug: Vec<String>,
    /// The last `setTriggerNextMessage` target.
    pub trigger: Option<String>,
    /// Custom events logged: (message, event, details).
    pub events: Vec<(String, String, String)>,
    /// The last `setMessageDelay`.
    pub message_delay: Option<f64>,
    /// `setAllowMaxTextResponse`.
    pub allow_max_text_response: bool,
    /// The Conversation Context Service store (in memory).
    pub context_store: SharedContextStore,
}

impl Default for OfflineContext {
    fn default() -> Self {
        OfflineContext {
            channel: "web".into(),
            user_channel: "lp_web".into(),
            user_message: String::new(),
            conversation_id: "offline-conversation".into(),
            chat_bot_id: "offline-bot".into(),
            account_id: "offline-account".into(),
            user_platform_id: "offline-user".into(),
            engagement_attributes: BTreeMap::new(),
            env: BTreeMap::new(),
            web_view: BTreeMap::new(),
            customer_info: Value::Object(Vec::new()),
            quick_reply_payload: Value::Null,
            api_status: None,
            dialog_starter_intent: Value::Null,
            variables: Vec::new(),
            sent: Vec::new(),
            debug: Vec::new(),
            trigger: None,
            events: Vec::new(),
            message_delay: None,
            allow_max_text_response: false,
            context_store: ContextStore::shared(),
        }
    }
}

impl OfflineContext {
    /// The current value of a bot variable.
    pub fn variable(&self, name: &str) -> Option<&Value> {
        self.variables.iter().find(|v| v.0 == name).map(|v| &v.1)
    }

    /// The scope a bot variable was last set with.
    pub fn scope_of(&self, name: &str) -> Option<Scope> {
        self.variables.iter().find(|v| v.0 == name).map(|v| v.2)
    }
}

fn lookup(map: &BTreeMap<String, Value>, key: &str) -> Value {
    map.get(key).cloned().unwrap_or(Value::Null)
}

impl BotContext for OfflineContext {
    fn get_channel(&mut self) -> String {
        self.channel.clone()
    }
    fn get_user_channel(&mut self) -> String {
        self.user_channel.clone()
    }
    fn send_message(&mut self, text: String) {
        self.sent.push(SentMessage { text, immediate: false });
    }
    fn send_immediate_reply(&mut self, text: String) {
        self.sent.push(SentMessage { text, immediate: true });
    }
    fn print_debug_message(&mut self, text: String) {
        self.debug.push(text);
    }
    fn set_bot_variable(&mut self, name: String, value: Value, scope: Scope) {
        match self.variables.iter_mut().find(|v| v.0 == name) {
            Some(v) => {
                v.1 = value;
                v.2 = scope;
            }
            None => self.variables.push((name, value, scope)),
        }
    }
    fn get_bot_variable(&mut self, name: &str) -> Value {
        self.variable(name).cloned().unwrap_or(Value::Null)
    }
    fn set_trigger_next_message(&mut self, name: String) {
        self.trigger = Some(name);
    }
    fn get_current_user_message(&mut self) -> String {
        self.user_message.clone()
    }
    fn get_lp_engagement_attribute(&mut self, key: &str) -> Value {
        lookup(&self.engagement_attributes, key)
    }
    fn get_conversation_id(&mut self) -> String {
        self.conversation_id.clone()
    }
    fn get_chat_bot_id(&mut self) -> String {
        self.chat_bot_id.clone()
    }
    fn get_lp_account_id(&mut self) -> String {
        self.account_id.clone()
    }
    fn get_user_platform_id(&mut self) -> String {
        self.user_platform_id.clone()
    }
    fn log_custom_event(&mut self, message: String, event: String, details: String) {
        self.events.push((message, event, details));
    }
    fn get_lp_customer_info(&mut self) -> Value {
        self.customer_info.clone()
    }
    fn get_env_variable(&mut self, name: &str) -> Value {
        lookup(&self.env, name)
    }
    fn set_message_delay(&mut self, ms: f64) {
        self.message_delay = Some(ms);
    }
    fn get_web_view_variable(&mut self, name: &str) -> Value {
        lookup(&self.web_view, name)
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
        self.allow_max_text_response = allow;
    }
    fn get_dialog_starter_intent(&mut self) -> Value {
        self.dialog_starter_intent.clone()
    }

    fn context_service(&mut self) -> Option<SharedContextStore> {
        Some(self.context_store.clone())
    }
}
