//! The offline `botContext`: configurable inputs, recorded outputs.

use crate::{BotContext, BotTransfer, ContextStore, SharedContextStore, UserData, Value};
use std::collections::BTreeMap;
use std::sync::Arc;

/// How long a bot variable lives (CB-SPEC §4.1, §5.4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
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

/// The instant an [`OfflineContext`] reads by default: 2024-01-01T12:00:00Z,
/// a Monday (tests/js/run.js uses the same, so `getHoursType` agrees with
/// node in the differential suite).
pub const OFFLINE_NOW_MS: f64 = 1_704_110_400_000.0;

/// A `botContext` with no LivePerson behind it: inputs are fields you set,
/// effects are fields you read. Defaults match a web conversation with no
/// engagement data (docs/botcontext.md lists them).
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
    pub debug: Vec<Arc<str>>,
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
    /// Whether the account has the Context API (`isContextApiEnabled()`);
    /// default true. Without it every context-service call fails.
    pub context_api_enabled: bool,
    /// User, engagement and NLU data (`getLPUserPersonalInfo`,
    /// `getSentiment`, …); `setUserName`/`setEmail` write here.
    pub user: UserData,
    /// `getButtonPayload()`; default null.
    pub button_payload: Value,
    /// What `getHoursType` and the context service's ttl take as now (ms
    /// since the epoch); default [`OFFLINE_NOW_MS`], so runs repeat.
    pub now_ms: f64,
    /// Quick replies added with `addQuickReplies`, in order.
    pub added_quick_replies: Vec<(String, String)>,
    /// Messages sent with `sendPrivateMessage`.
    pub private_messages: Vec<String>,
    /// `logEscalationEvent` calls: (message, target).
    pub escalation_events: Vec<(String, String)>,
    /// The Transfer Bot Context set with `setBotTransfer…`.
    pub bot_transfer: BotTransfer,
    /// The last `transferToBotDialog(botId, dialogName, message)`.
    pub bot_dialog_transfer: Option<(String, String, String)>,
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
            customer_info: Value::object(Vec::new()),
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
            context_api_enabled: true,
            user: UserData::default(),
            button_payload: Value::Null,
            now_ms: OFFLINE_NOW_MS,
            added_quick_replies: Vec::new(),
            private_messages: Vec::new(),
            escalation_events: Vec::new(),
            bot_transfer: BotTransfer::default(),
            bot_dialog_transfer: None,
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
    fn print_debug_message(&mut self, text: Arc<str>) {
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
        self.context_api_enabled.then(|| self.context_store.clone())
    }
    fn send_message_with_quick_replies(&mut self, text: String, replies: Vec<(String, String)>) {
        self.sent.push(SentMessage { text, immediate: false });
        self.added_quick_replies.extend(replies);
    }
    fn add_quick_replies(&mut self, replies: Vec<(String, String)>) {
        self.added_quick_replies.extend(replies);
    }
    fn send_private_message(&mut self, text: String) {
        self.private_messages.push(text);
    }
    fn log_escalation_event(&mut self, message: String, target: String) {
        self.escalation_events.push((message, target));
    }
    fn get_web_view_variables(&mut self) -> Value {
        Value::Object(self.web_view.iter().map(|(k, v)| (k.clone(), v.clone())).collect())
    }
    fn get_button_payload(&mut self) -> Value {
        self.button_payload.clone()
    }
    fn user_data(&self) -> &UserData {
        &self.user
    }
    fn now_ms(&mut self) -> f64 {
        self.now_ms
    }
    fn set_user_name(&mut self, name: String) {
        self.user.user_name = Value::from(name);
    }
    fn set_email(&mut self, email: String) {
        self.user.email = Value::from(email);
    }
    fn set_bot_transfer_user_message(&mut self, text: String) {
        self.bot_transfer.user_message = Some(text);
    }
    fn set_bot_transfer_intent_id(&mut self, id: String) {
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
}
