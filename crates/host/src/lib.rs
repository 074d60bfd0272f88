//! The `botContext` API of Conversation Builder scripts, defined once.
//!
//! CB code panels talk to the platform through a host object, `botContext`
//! (shared CB-SPEC §4). This crate is the single definition of that API for
//! cbot: the [`BotContext`] trait (what each method *means*, in plain Rust,
//! testable without WebAssembly), the [`Value`] type that crosses the
//! boundary, the table of methods scripts may call ([`METHODS`]) with
//! [`dispatch`] from a JS call to the trait, an [`OfflineContext`] that
//! implements the offline semantics, and a [`Transcript`] of calls.
//!
//! It does not know how JavaScript runs (that is `cbot-script`) nor how a
//! conversation flows (`cbot-runtime`).
//!
//! # Example
//!
//! ```
//! use cbot_host::{OfflineContext, Transcript, Value, dispatch};
//!
//! let mut ctx = OfflineContext::default();
//! ctx.channel = "sms".into();
//! let mut transcript = Transcript::default();
//! let ch = dispatch(&mut ctx, "getChannel", vec![], Some(&mut transcript)).unwrap();
//! assert_eq!(ch, Value::from("sms"));
//! let args = vec![Value::from("transferMessage"), Value::from("hi"), Value::Bool(true), Value::Bool(false)];
//! dispatch(&mut ctx, "setBotVariable", args, Some(&mut transcript)).unwrap();
//! assert_eq!(ctx.variable("transferMessage"), Some(&Value::from("hi")));
//! assert_eq!(transcript.calls.len(), 2);
//! ```

#![deny(missing_docs)]

mod context_service;
mod hours;
mod offline;
mod user;
mod value;

pub use context_service::{CONTEXT_STORE_BYTES, ContextKey, ContextScope, ContextStore, SharedContextStore};
pub use hours::{hours_type, zone_offset};
pub use offline::{OFFLINE_NOW_MS, OfflineContext, Scope, SentMessage};
pub use user::{UserData, empty_nlp_response};
pub use value::{Value, number_to_string, push_number, string_to_number};

/// Every `botContext` method, with what it means offline (CB-SPEC §4;
/// the whole list with sources is docs/botcontext.md).
///
/// Arguments arrive already converted from JavaScript the way CB's engine
/// converts them (names with `ToString`, flags with `ToBoolean`); see
/// [`dispatch`]. Methods with a default either derive their answer from
/// other methods ([`BotContext::user_data`], [`BotContext::now_ms`]) or are
/// effects a context may have nowhere to put (a plain script run has no
/// agent to send a private message to).
pub trait BotContext {
    /// `getChannel()` (deprecated in CB): the channel, e.g. `web`, `sms`.
    fn get_channel(&mut self) -> String;
    /// `getUserChannel()`: the LivePerson channel, e.g. `lp_web`, `lp_sms`.
    fn get_user_channel(&mut self) -> String;
    /// `sendMessage(text)`: queue a text message (CB-SPEC §4.4).
    fn send_message(&mut self, text: String);
    /// `sendImmediateReply(text)`: send now, before the interaction's content.
    fn send_immediate_reply(&mut self, text: String);
    /// `sendMessages([text, …])`: several messages, in order.
    fn send_messages(&mut self, texts: Vec<String>) {
        for t in texts {
            self.send_message(t);
        }
    }
    /// `sendMessageWithQuickReplies(text, ['Title~payload', …])`: a message
    /// with quick replies (title, payload; the payload defaults to the
    /// title). Contexts without quick replies send the text.
    fn send_message_with_quick_replies(&mut self, text: String, replies: Vec<(String, String)>) {
        let _ = replies;
        self.send_message(text);
    }
    /// `addQuickReplies(['Title~payload', …])` (and its deprecated spelling
    /// `addQuickReples`): quick replies for the interaction's own message
    /// (CB-SPEC §3.4, §4.3). Contexts without messages ignore them.
    fn add_quick_replies(&mut self, replies: Vec<(String, String)>) {
        let _ = replies;
    }
    /// `sendPrivateMessage(text)`: a message only agents see (CB-SPEC §3.4;
    /// the signature is assumed). Contexts without agents drop it.
    fn send_private_message(&mut self, text: String) {
        let _ = text;
    }
    /// `printDebugMessage(text)`: a line in the bot log. Shared, not
    /// copied: a script string arrives as the script's own (scripts print
    /// whole JSON documents).
    fn print_debug_message(&mut self, text: std::sync::Arc<str>);
    /// `setBotVariable(name, value, persistForSession, persistForever)`;
    /// with only two arguments the variable lives for the request (CB-SPEC §4.1).
    fn set_bot_variable(&mut self, name: String, value: Value, scope: Scope);
    /// `getBotVariable(name)`: the value, or `null` when unset.
    fn get_bot_variable(&mut self, name: &str) -> Value;
    /// `setTriggerNextMessage(name)`: jump to the interaction with this name
    /// after the current one (CB-SPEC §3.3).
    fn set_trigger_next_message(&mut self, name: String);
    /// `getCurrentUserMessage()`: the latest user message.
    fn get_current_user_message(&mut self) -> String;
    /// `getLPEngagementAttribute(key)`: an engagement attribute, or `null`.
    fn get_lp_engagement_attribute(&mut self, key: &str) -> Value;
    /// `getConversationId()`.
    fn get_conversation_id(&mut self) -> String;
    /// `getChatBotId()`.
    fn get_chat_bot_id(&mut self) -> String;
    /// `getLPAccountId()`.
    fn get_lp_account_id(&mut self) -> String;
    /// `getUserPlatformId()`.
    fn get_user_platform_id(&mut self) -> String;
    /// `logCustomEvent(message, eventName, details)`: a reporting event.
    fn log_custom_event(&mut self, message: String, event: String, details: String);
    /// `logEscalationEvent(message, target)`: counts an escalation in CB's
    /// analytics (CB-SPEC §4.6). Contexts without analytics drop it.
    fn log_escalation_event(&mut self, message: String, target: String) {
        let _ = (message, target);
    }
    /// `getLPCustomerInfo()`: the customer-info attributes (an empty object
    /// when there are none: templates read its fields unguarded; CB-SPEC §4.2).
    fn get_lp_customer_info(&mut self) -> Value;
    /// `getEnvVariable(name)`: an environment variable, or `null`.
    fn get_env_variable(&mut self, name: &str) -> Value;
    /// `setMessageDelay(ms)`: delay before the next message; last call wins.
    fn set_message_delay(&mut self, ms: f64);
    /// `getWebViewVariable(name)`, or `null`.
    fn get_web_view_variable(&mut self, name: &str) -> Value;
    /// `getWebViewVariables()`: all of them, as an object.
    fn get_web_view_variables(&mut self) -> Value {
        Value::object(Vec::new())
    }
    /// `getQuickReplyPayload()`: payload of the chosen quick reply.
    fn get_quick_reply_payload(&mut self) -> Value;
    /// `getButtonPayload()`: the callback of the tapped button, or `null`
    /// (CB-SPEC §4.3).
    fn get_button_payload(&mut self) -> Value {
        Value::Null
    }
    /// `isApiExecutionSuccessful()`: whether the latest integration call succeeded.
    fn is_api_execution_successful(&mut self) -> bool;
    /// `getApiStatusCode()`: HTTP status of the latest integration call, as text.
    fn get_api_status_code(&mut self) -> Value;
    /// `setAllowMaxTextResponse(flag)`: turn off the text split.
    fn set_allow_max_text_response(&mut self, allow: bool);
    /// `getDialogStarterIntent()`: the intent that started the dialog.
    fn get_dialog_starter_intent(&mut self) -> Value;
    /// The Conversation Context Service store (CB-SPEC §4.7), if this
    /// context has one: `isContextApiEnabled()` is false without.
    fn context_service(&mut self) -> Option<SharedContextStore> {
        None
    }

    /// What the platform knows about the user and the engagement: the
    /// source of the getters below unless a context overrides them.
    fn user_data(&self) -> &UserData;
    /// Milliseconds since the epoch, for `getHoursType` and the context
    /// service's time to live: the system clock unless a context injects one.
    fn now_ms(&mut self) -> f64 {
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0.0, |d| d.as_millis() as f64)
    }
    /// `getUserPlatformType()` (legacy, CB-SPEC §4.2).
    fn get_user_platform_type(&mut self) -> Value {
        self.user_data().platform_type.clone()
    }
    /// `getLPUserPersonalInfo()`: null unless a first name, last name or
    /// company is known (CB-SPEC §4.2).
    fn get_lp_user_personal_info(&mut self) -> Value {
        self.user_data().personal_info()
    }
    /// `getMetadata(type)`: the latest message's metadata of that type, or null.
    fn get_metadata(&mut self, type_name: &str) -> Value {
        self.user_data().metadata.get(type_name).cloned().unwrap_or(Value::Null)
    }
    /// `getSentiment()` (legacy NLU).
    fn get_sentiment(&mut self) -> Value {
        self.user_data().sentiment.clone()
    }
    /// `getNlpResponse()` (legacy NLU): `{nouns, verbs, phrases, sentences, tokens}`.
    fn get_nlp_response(&mut self) -> Value {
        self.user_data().nlp_response.clone()
    }
    /// `getNamedEntities(name)`: entity objects (`{name, phrase, dataValue}`;
    /// the script engine adds `getPhrase()`/`getDataValue()`).
    fn get_named_entities(&mut self, name: &str) -> Value {
        self.user_data().entities(name)
    }
    /// `getUserLocation()` (legacy): `{cityName, state, zipCode, latitude,
    /// longitude}` or null (the script engine adds `getCityName()` …).
    fn get_user_location(&mut self) -> Value {
        self.user_data().location.clone()
    }
    /// `getDisambiguatedIntentId()`.
    fn get_disambiguated_intent_id(&mut self) -> Value {
        self.user_data().disambiguated_intent_id.clone()
    }
    /// `getDisambiguatedIntentName()`.
    fn get_disambiguated_intent_name(&mut self) -> Value {
        self.user_data().disambiguated_intent_name.clone()
    }
    /// `askMaven([conversationId, consumerId, groupId])`: Conversation
    /// Orchestrator's answer, a JSON string (CB-SPEC §4.8); the arguments
    /// only choose the conversation, which offline is this one.
    fn ask_maven(&mut self) -> String {
        self.user_data().maven_response.clone()
    }
    /// `getUserName()` (legacy, CB-SPEC §4.1).
    fn get_user_name(&mut self) -> Value {
        self.user_data().user_name.clone()
    }
    /// `setUserName(name)` (legacy): a "permanent" value for `getUserName`.
    fn set_user_name(&mut self, name: String) {
        let _ = name;
    }
    /// `getEmail()` (legacy).
    fn get_email(&mut self) -> Value {
        self.user_data().email.clone()
    }
    /// `setEmail(address)` (legacy).
    fn set_email(&mut self, email: String) {
        let _ = email;
    }
    /// `getHoursType(hoursSpec, zoneId)`: the key of the last frame that
    /// holds now, or null (CB-SPEC §4.1; the rules in [`hours_type`]).
    fn get_hours_type(&mut self, spec: Vec<String>, zone: String) -> Value {
        let now = self.now_ms();
        hours_type(&spec, &zone, now).map_or(Value::Null, Value::from)
    }
    /// `evaluateOptions(userText, options)`: the option the text names, or
    /// null (CB-SPEC §4.3; [`evaluate_options`]).
    fn evaluate_options(&mut self, text: String, options: Vec<String>) -> Value {
        evaluate_options(&text, &options).map_or(Value::Null, Value::from)
    }
    /// `setBotTransferUserMessage(text)`: the user message a bot-to-bot
    /// transfer hands over (CB-SPEC §4.1, §6.6).
    fn set_bot_transfer_user_message(&mut self, text: String) {
        let _ = text;
    }
    /// `setBotTransferIntentId(id)`: the intent a bot-to-bot transfer hands over.
    fn set_bot_transfer_intent_id(&mut self, id: String) {
        let _ = id;
    }
    /// `setBotTransferIntentbyDomain(intentName, domainName)`: the same, by
    /// name (CB resolves the id; offline the names are kept).
    fn set_bot_transfer_intent_by_domain(&mut self, intent: String, domain: String) {
        let _ = (intent, domain);
    }
    /// `transferToBotDialog(botId, dialogName, message)`: hand the
    /// conversation to a dialog of another bot (CB-SPEC §4.3, record).
    fn transfer_to_bot_dialog(&mut self, bot_id: String, dialog: String, message: String) {
        let _ = (bot_id, dialog, message);
    }
}

/// What the Transfer Bot Context of a bot-to-bot transfer carries
/// (`setBotTransfer…`, CB-SPEC §6.5–§6.6). The intent is set either by id or
/// by name and domain; the last call wins.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct BotTransfer {
    /// `setBotTransferUserMessage`.
    pub user_message: Option<String>,
    /// `setBotTransferIntentId`.
    pub intent_id: Option<String>,
    /// `setBotTransferIntentbyDomain`: the intent's name …
    pub intent_name: Option<String>,
    /// … and its domain.
    pub domain: Option<String>,
}

impl BotTransfer {
    /// Whether nothing was set.
    pub fn is_empty(&self) -> bool {
        *self == BotTransfer::default()
    }
}

/// `evaluateOptions(userText, options)` (CB-SPEC §4.3): the first option the
/// text names, as written in `options`. CB documents that with `A)Yes`, the
/// texts "A", "A)" and "Yes" all match, and LivePerson staff added that "a",
/// "one" and "A one" match `A) One`; the algorithm itself is an \[UNCLEAR\] item of CB-SPEC, so
/// cbot compares case-insensitively, with runs of spaces as one, the text
/// with: the whole option, its label (what comes before a `)` of at most
/// three characters), the label with `)`, its text (after the `)`), and the
/// label followed by the text.
pub fn evaluate_options(text: &str, options: &[String]) -> Option<String> {
    fn norm(s: &str) -> String {
        s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
    }
    let input = norm(text);
    if input.is_empty() {
        return None;
    }
    options
        .iter()
        .find(|option| {
            if norm(option) == input {
                return true;
            }
            let Some((label, rest)) = option.split_once(')') else { return false };
            let (label, rest) = (norm(label), norm(rest));
            if label.is_empty() || label.chars().count() > 3 {
                return false;
            }
            [label.clone(), format!("{label})"), rest.clone(), format!("{label} {rest}"), format!("{label}) {rest}")]
                .contains(&input)
        })
        .cloned()
}

/// One `botContext` method scripts may call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Method {
    /// The JavaScript name.
    pub name: &'static str,
    /// Fewest arguments CB scripts pass.
    pub min_args: usize,
    /// Most arguments the method reads.
    pub max_args: usize,
}

const fn m(name: &'static str, min_args: usize, max_args: usize) -> Method {
    Method { name, min_args, max_args }
}

/// The methods of this version of the API, sorted by name: every method of
/// JS-USAGE §3 and CB-SPEC §4 (docs/botcontext.md). Extra arguments are
/// ignored and missing ones are `undefined`, as in CB's JavaScript engine.
pub const METHODS: &[Method] = &[
    m("addQuickReples", 1, 1),
    m("addQuickReplies", 1, 1),
    m("askMaven", 0, 3),
    m("deleteAllContextDataForConversation", 1, 1),
    m("deleteAllContextDataForUser", 1, 1),
    m("deleteContextDataForConversation", 2, 2),
    m("deleteContextDataForUser", 2, 2),
    m("deleteContextNamespace", 1, 1),
    m("deleteGlobalContextData", 2, 2),
    m("evaluateOptions", 2, 2),
    m("getApiStatusCode", 0, 0),
    m("getBotVariable", 1, 1),
    m("getButtonPayload", 0, 0),
    m("getChannel", 0, 0),
    m("getChatBotId", 0, 0),
    m("getContextDataForConversation", 1, 2),
    m("getContextDataForUser", 1, 2),
    m("getConversationId", 0, 0),
    m("getCurrentUserMessage", 0, 0),
    m("getDialogStarterIntent", 0, 0),
    m("getDisambiguatedIntentId", 0, 0),
    m("getDisambiguatedIntentName", 0, 0),
    m("getEmail", 0, 0),
    m("getEnvVariable", 1, 1),
    m("getGlobalContextData", 2, 2),
    m("getHoursType", 2, 2),
    m("getLPAccountId", 0, 0),
    m("getLPCustomerInfo", 0, 0),
    m("getLPEngagementAttribute", 1, 1),
    m("getLPUserPersonalInfo", 0, 0),
    m("getMetadata", 1, 1),
    m("getNamedEntities", 1, 1),
    m("getNlpResponse", 0, 0),
    m("getQuickReplyPayload", 0, 0),
    m("getSentiment", 0, 0),
    m("getUserChannel", 0, 0),
    m("getUserLocation", 0, 0),
    m("getUserName", 0, 0),
    m("getUserPlatformId", 0, 0),
    m("getUserPlatformType", 0, 0),
    m("getWebViewVariable", 1, 1),
    m("getWebViewVariables", 0, 0),
    m("isApiExecutionSuccessful", 0, 0),
    m("isContextApiEnabled", 0, 0),
    m("logCustomEvent", 1, 3),
    m("logEscalationEvent", 1, 2),
    m("printDebugMessage", 1, 4),
    m("registerContextNamespace", 1, 2),
    m("sendImmediateReply", 1, 1),
    m("sendMessage", 1, 1),
    m("sendMessageWithQuickReplies", 2, 2),
    m("sendMessages", 1, 1),
    m("sendPrivateMessage", 1, 1),
    m("setAllowMaxTextResponse", 1, 1),
    m("setBotTransferIntentId", 1, 1),
    m("setBotTransferIntentbyDomain", 2, 2),
    m("setBotTransferUserMessage", 1, 1),
    m("setBotVariable", 2, 4),
    m("setContextDataForConversation", 3, 3),
    m("setContextDataForUser", 3, 3),
    m("setEmail", 1, 1),
    m("setGlobalContextData", 3, 3),
    m("setMessageDelay", 1, 1),
    m("setTriggerNextMessage", 1, 1),
    m("setUserName", 1, 1),
    m("transferToBotDialog", 3, 3),
];

/// The method with this JavaScript name.
pub fn method(name: &str) -> Option<&'static Method> {
    // Every call a script makes is looked up here (its transcript entry
    // names it): one hash instead of a binary search's string comparisons.
    static INDEX: std::sync::OnceLock<rustc_hash::FxHashMap<&'static str, &'static Method>> =
        std::sync::OnceLock::new();
    INDEX.get_or_init(|| METHODS.iter().map(|m| (m.name, m)).collect()).get(name).copied()
}

/// A call's arguments: up to four (no method takes more) without an
/// allocation of their own, as a run records each call it makes; more
/// (a script may pass extra ones) go to the heap.
pub type Args = smallvec::SmallVec<[Value; 4]>;

/// One recorded call.
#[derive(Debug, Clone, PartialEq)]
pub struct Call {
    /// The method name (static for the known methods: recording a call
    /// allocates nothing for it).
    pub method: std::borrow::Cow<'static, str>,
    /// The arguments as the script passed them.
    pub args: Args,
    /// What the method returned (`undefined` for none).
    pub result: Value,
}

/// Every call a run made, in order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Transcript {
    /// The calls.
    pub calls: Vec<Call>,
}

impl Transcript {
    /// The transcript as JSON: `[{"method": …, "args": […], "result": …}]`.
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::Value::Array(
            self.calls
                .iter()
                .map(|c| {
                    serde_json::json!({
                        "method": c.method,
                        "args": c.args.iter().map(Value::to_json).collect::<Vec<_>>(),
                        "result": c.result.to_json(),
                    })
                })
                .collect(),
        )
    }
}

/// Why a call failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HostError {
    /// No such method: scripts get a `TypeError` ("… is not a function").
    UnknownMethod(String),
}

impl std::fmt::Display for HostError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            HostError::UnknownMethod(name) => write!(f, "botContext.{name} is not a function"),
        }
    }
}

impl std::error::Error for HostError {}

/// Calls method `name` of `ctx` with JavaScript arguments, converting them
/// as CB's engine would, and records the call when a transcript is given.
pub fn dispatch(
    ctx: &mut dyn BotContext,
    name: &str,
    args: impl Into<Args>,
    transcript: Option<&mut Transcript>,
) -> Result<Value, HostError> {
    call(ctx, name, None, args.into(), transcript)
}

/// [`dispatch`] of a method already found in [`METHODS`] (a caller that
/// calls the same few methods again and again looks each up once).
pub fn dispatch_method(
    ctx: &mut dyn BotContext,
    m: &'static Method,
    args: impl Into<Args>,
    transcript: Option<&mut Transcript>,
) -> Result<Value, HostError> {
    call(ctx, m.name, Some(m), args.into(), transcript)
}

/// [`dispatch`]: method `name`, which is `known` when the caller found it.
fn call(
    ctx: &mut dyn BotContext,
    name: &str,
    known: Option<&'static Method>,
    args: Args,
    transcript: Option<&mut Transcript>,
) -> Result<Value, HostError> {
    let arg = |i: usize| args.get(i).cloned().unwrap_or(Value::Undefined);
    // `text` and `arg` borrow `args`; the transcript takes it at the end.
    let text = |i: usize| args.get(i).map_or_else(|| "undefined".to_string(), Value::to_js_string);
    let optional_text = |i: usize| match args.get(i) {
        None | Some(Value::Undefined) => String::new(),
        Some(v) => v.to_js_string(),
    };
    let result = match name {
        "getChannel" => Value::from(ctx.get_channel()),
        "getUserChannel" => Value::from(ctx.get_user_channel()),
        "sendMessage" => {
            ctx.send_message(text(0));
            Value::Undefined
        }
        "sendMessages" => {
            let texts = match args.first() {
                Some(Value::Array(items)) => items.iter().map(Value::to_js_string).collect(),
                Some(one) => vec![one.to_js_string()],
                None => Vec::new(),
            };
            ctx.send_messages(texts);
            Value::Undefined
        }
        "sendMessageWithQuickReplies" => {
            ctx.send_message_with_quick_replies(text(0), quick_replies(args.get(1)));
            Value::Undefined
        }
        // `addQuickReples` is the deprecated misspelling CB still accepts
        // (CB-SPEC §4.3).
        "addQuickReplies" | "addQuickReples" => {
            ctx.add_quick_replies(quick_replies(args.first()));
            Value::Undefined
        }
        "sendPrivateMessage" => {
            ctx.send_private_message(text(0));
            Value::Undefined
        }
        "sendImmediateReply" => {
            ctx.send_immediate_reply(text(0));
            Value::Undefined
        }
        "printDebugMessage" => {
            ctx.print_debug_message(match args.first() {
                Some(Value::String(s)) => s.clone(),
                _ => text(0).into(),
            });
            Value::Undefined
        }
        "setBotVariable" => {
            // Two arguments: request scope; persistForever wins over the
            // session flag (CB-SPEC §4.1).
            let scope = if arg(3).truthy() {
                Scope::Forever
            } else if arg(2).truthy() {
                Scope::Session
            } else {
                Scope::Request
            };
            ctx.set_bot_variable(text(0), arg(1), scope);
            Value::Undefined
        }
        "getBotVariable" => ctx.get_bot_variable(&text(0)),
        "setTriggerNextMessage" => {
            ctx.set_trigger_next_message(text(0));
            Value::Undefined
        }
        "getCurrentUserMessage" => Value::from(ctx.get_current_user_message()),
        "getLPEngagementAttribute" => ctx.get_lp_engagement_attribute(&text(0)),
        "getConversationId" => Value::from(ctx.get_conversation_id()),
        "getChatBotId" => Value::from(ctx.get_chat_bot_id()),
        "getLPAccountId" => Value::from(ctx.get_lp_account_id()),
        "getUserPlatformId" => Value::from(ctx.get_user_platform_id()),
        "logCustomEvent" => {
            // The details are optional (CB-SPEC §4.6): none, not "undefined".
            ctx.log_custom_event(text(0), text(1), optional_text(2));
            Value::Undefined
        }
        "getLPCustomerInfo" => ctx.get_lp_customer_info(),
        "getEnvVariable" => ctx.get_env_variable(&text(0)),
        "setMessageDelay" => {
            ctx.set_message_delay(arg(0).to_number());
            Value::Undefined
        }
        "getWebViewVariable" => ctx.get_web_view_variable(&text(0)),
        "getQuickReplyPayload" => ctx.get_quick_reply_payload(),
        "isApiExecutionSuccessful" => Value::Bool(ctx.is_api_execution_successful()),
        "getApiStatusCode" => ctx.get_api_status_code(),
        "setAllowMaxTextResponse" => {
            ctx.set_allow_max_text_response(arg(0).truthy());
            Value::Undefined
        }
        "getDialogStarterIntent" => ctx.get_dialog_starter_intent(),
        "getWebViewVariables" => ctx.get_web_view_variables(),
        "getButtonPayload" => ctx.get_button_payload(),
        "logEscalationEvent" => {
            ctx.log_escalation_event(text(0), optional_text(1));
            Value::Undefined
        }
        "getUserPlatformType" => ctx.get_user_platform_type(),
        "getLPUserPersonalInfo" => ctx.get_lp_user_personal_info(),
        "getMetadata" => ctx.get_metadata(&text(0)),
        "getSentiment" => ctx.get_sentiment(),
        "getNlpResponse" => ctx.get_nlp_response(),
        "getNamedEntities" => ctx.get_named_entities(&text(0)),
        "getUserLocation" => ctx.get_user_location(),
        "getDisambiguatedIntentId" => ctx.get_disambiguated_intent_id(),
        "getDisambiguatedIntentName" => ctx.get_disambiguated_intent_name(),
        // Called with no arguments or (conversationId, consumerId, groupId):
        // offline there is only this conversation (CB-SPEC §4.8).
        "askMaven" => Value::from(ctx.ask_maven()),
        "getUserName" => ctx.get_user_name(),
        "getEmail" => ctx.get_email(),
        "setUserName" => {
            ctx.set_user_name(text(0));
            Value::Undefined
        }
        "setEmail" => {
            ctx.set_email(text(0));
            Value::Undefined
        }
        "getHoursType" => {
            // A missing zone is UTC.
            let zone = args.get(1).filter(|z| !matches!(z, Value::Undefined | Value::Null));
            ctx.get_hours_type(strings(args.first()), zone.map_or_else(String::new, Value::to_js_string))
        }
        "evaluateOptions" => ctx.evaluate_options(text(0), strings(args.get(1))),
        "setBotTransferUserMessage" => {
            ctx.set_bot_transfer_user_message(text(0));
            Value::Undefined
        }
        "setBotTransferIntentId" => {
            ctx.set_bot_transfer_intent_id(text(0));
            Value::Undefined
        }
        "setBotTransferIntentbyDomain" => {
            ctx.set_bot_transfer_intent_by_domain(text(0), text(1));
            Value::Undefined
        }
        "transferToBotDialog" => {
            ctx.transfer_to_bot_dialog(text(0), text(1), text(2));
            Value::Undefined
        }
        name if name.contains("Context") => context_service(ctx, name, &args),
        other => return Err(HostError::UnknownMethod(other.to_string())),
    };
    if let Some(t) = transcript {
        let method = known.or_else(|| method(name)).map_or_else(|| name.to_string().into(), |m| m.name.into());
        t.calls.push(Call { method, args, result: result.clone() });
    }
    Ok(result)
}

/// `['Title~payload', …]` as (title, payload) pairs: at most 10, the payload
/// defaulting to the title (CB-SPEC §3.4).
fn quick_replies(arg: Option<&Value>) -> Vec<(String, String)> {
    strings(arg)
        .into_iter()
        .take(10)
        .map(|r| match r.split_once('~') {
            Some((t, p)) => (t.to_string(), p.to_string()),
            None => (r.clone(), r),
        })
        .collect()
}

/// An array argument's items as strings; one non-array value is a list of
/// one; missing, `undefined` or `null` is empty.
fn strings(arg: Option<&Value>) -> Vec<String> {
    match arg {
        Some(Value::Array(items)) => items.iter().map(Value::to_js_string).collect(),
        None | Some(Value::Undefined | Value::Null) => Vec::new(),
        Some(one) => vec![one.to_js_string()],
    }
}

/// The Conversation Context Service methods (CB-SPEC §4.7): updates
/// return whether they worked; without a store, nothing works and reads
/// give null. User-scoped data belongs to the user (`getUserPlatformId`),
/// conversation-scoped data to the conversation (`getConversationId`), so
/// conversations sharing a store share only what CB shares.
fn context_service(ctx: &mut dyn BotContext, name: &str, args: &[Value]) -> Value {
    let store = ctx.context_service();
    if name == "isContextApiEnabled" {
        return Value::Bool(store.is_some());
    }
    let Some(store) = store else {
        return if name.starts_with("get") { Value::Null } else { Value::Bool(false) };
    };
    let (scope, owner) = if name.contains("ForConversation") {
        (ContextScope::Conversation, ctx.get_conversation_id())
    } else if name.contains("ForUser") {
        (ContextScope::User, ctx.get_user_platform_id())
    } else {
        (ContextScope::Global, String::new())
    };
    let now = ctx.now_ms();
    let Ok(mut store) = store.lock() else { return Value::Bool(false) };
    let text = |i: usize| args.get(i).map_or_else(String::new, Value::to_js_string);
    let arg = |i: usize| args.get(i).cloned().unwrap_or(Value::Undefined);
    let at = ContextKey { scope, owner: &owner, namespace: &text(0) };
    match name {
        "registerContextNamespace" => {
            // A ttl that is not a positive number means none.
            let ttl = args.get(1).map(Value::to_number).filter(|t| t.is_finite() && *t > 0.0);
            Value::Bool(store.register(&text(0), ttl))
        }
        "deleteContextNamespace" => Value::Bool(store.delete_namespace(&text(0))),
        n if n.starts_with("set") => Value::Bool(store.set(&at, &text(1), arg(2), now)),
        // `getContextDataForUser/Conversation(ns)` with one argument: the
        // whole namespace (CB gives a java.util.HashMap; the script engine
        // adds its methods).
        n if n.starts_with("get") && args.len() < 2 && scope != ContextScope::Global => store.get_all(&at, now),
        n if n.starts_with("get") => store.get(&at, &text(1), now),
        n if n.starts_with("deleteAll") => Value::Bool(store.delete(&at, None)),
        _ => Value::Bool(store.delete(&at, Some(&text(1)))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn context_service_scopes_and_namespaces() {
        let mut ctx = OfflineContext::default();
        let mut call = |name: &str, args: &[&str]| {
            let args: Vec<Value> = args.iter().map(|a| Value::from(*a)).collect();
            dispatch(&mut ctx, name, args, None).unwrap()
        };
        assert_eq!(call("isContextApiEnabled", &[]), Value::Bool(true));
        // Unregistered namespaces take nothing (CB-SPEC §4.7).
        assert_eq!(call("setContextDataForConversation", &["ns", "k", "v"]), Value::Bool(false));
        assert_eq!(call("registerContextNamespace", &["ns"]), Value::Bool(true));
        assert_eq!(call("setContextDataForConversation", &["ns", "k", "v"]), Value::Bool(true));
        assert_eq!(call("setContextDataForUser", &["ns", "k", "u"]), Value::Bool(true));
        assert_eq!(call("getContextDataForConversation", &["ns", "k"]), Value::from("v"));
        assert_eq!(call("getContextDataForUser", &["ns", "k"]), Value::from("u"));
        assert_eq!(call("getGlobalContextData", &["ns", "k"]), Value::Null);
        assert_eq!(call("getContextDataForUser", &["ns"]), Value::object(vec![("k".into(), Value::from("u"))]));
        assert_eq!(call("deleteContextDataForUser", &["ns", "k"]), Value::Bool(true));
        assert_eq!(call("getContextDataForUser", &["ns", "k"]), Value::Null);
        assert_eq!(call("deleteContextNamespace", &["ns"]), Value::Bool(true));
        assert_eq!(call("getContextDataForConversation", &["ns", "k"]), Value::Null);
    }

    #[test]
    fn methods_are_sorted_and_all_dispatch() {
        assert!(METHODS.windows(2).all(|w| w[0].name < w[1].name));
        assert!(METHODS.len() >= 20);
        let mut ctx = OfflineContext::default();
        for m in METHODS {
            let args = vec![Value::from("x"); m.max_args];
            assert!(dispatch(&mut ctx, m.name, args, None).is_ok(), "{}", m.name);
        }
        assert_eq!(dispatch(&mut ctx, "nope", vec![], None), Err(HostError::UnknownMethod("nope".into())));
    }

    #[test]
    fn a_method_found_beforehand_dispatches_and_records_as_by_name() {
        // Every method, by name and by its table entry: the same result,
        // the same transcript entry, the same effect on the context.
        for m in METHODS {
            let args = vec![Value::from("x"); m.max_args];
            let (mut by_name, mut found) = (OfflineContext::default(), OfflineContext::default());
            let (mut t1, mut t2) = (Transcript::default(), Transcript::default());
            let r1 = dispatch(&mut by_name, m.name, args.clone(), Some(&mut t1));
            let r2 = dispatch_method(&mut found, m, args, Some(&mut t2));
            assert_eq!(r1, r2, "{}", m.name);
            assert_eq!(t1, t2, "{}", m.name);
            assert_eq!(format!("{:?}", by_name.sent), format!("{:?}", found.sent), "{}", m.name);
            assert_eq!(t2.calls.first().map(|c| c.method.as_ref()), Some(m.name));
        }
    }

    #[test]
    fn set_bot_variable_scopes_follow_the_flags() {
        let mut ctx = OfflineContext::default();
        let set =
            |ctx: &mut OfflineContext, args: &[Value]| dispatch(ctx, "setBotVariable", args.to_vec(), None).unwrap();
        set(&mut ctx, &[Value::from("a"), Value::from(1.0)]);
        set(&mut ctx, &[Value::from("b"), Value::from("x"), Value::Bool(true), Value::Bool(false)]);
        set(&mut ctx, &[Value::from("c"), Value::from("y"), Value::Bool(false), Value::Bool(true)]);
        assert_eq!(ctx.scope_of("a"), Some(Scope::Request));
        assert_eq!(ctx.scope_of("b"), Some(Scope::Session));
        assert_eq!(ctx.scope_of("c"), Some(Scope::Forever));
        assert_eq!(dispatch(&mut ctx, "getBotVariable", vec![Value::from("zz")], None), Ok(Value::Null));
    }

    #[test]
    fn evaluate_options_matches_label_or_text() {
        let yes_no = ["A)Yes".to_string(), "B)No".to_string()];
        // CB's docs: "A", "A)" and "Yes" all name A)Yes.
        for input in ["A", "A)", "Yes", " yes ", "a) yes"] {
            assert_eq!(evaluate_options(input, &yes_no).as_deref(), Some("A)Yes"), "{input}");
        }
        let one_two = ["A) One".to_string(), "B) Two".to_string()];
        // LivePerson staff (developer-center #327): "a", "one", "A one".
        for input in ["a", "one", "A one", "B"] {
            assert!(evaluate_options(input, &one_two).is_some(), "{input}");
        }
        assert_eq!(evaluate_options("b", &one_two).as_deref(), Some("B) Two"));
        assert_eq!(evaluate_options("three", &one_two), None);
        assert_eq!(evaluate_options("", &one_two), None);
    }

    #[test]
    fn context_service_ttl_and_owners() {
        let store = ContextStore::shared();
        let mut alice = OfflineContext { context_store: store.clone(), ..OfflineContext::default() };
        alice.user_platform_id = "alice".into();
        let mut bob = OfflineContext { context_store: store, ..OfflineContext::default() };
        bob.user_platform_id = "bob".into();
        bob.conversation_id = "conversation-2".into();
        let call = |ctx: &mut OfflineContext, name: &str, args: Vec<Value>| dispatch(ctx, name, args, None).unwrap();
        let s = |v: &str| Value::from(v);
        call(&mut alice, "registerContextNamespace", vec![s("ns"), Value::Number(60.0)]);
        call(&mut alice, "setContextDataForUser", vec![s("ns"), s("k"), s("a")]);
        call(&mut alice, "setContextDataForConversation", vec![s("ns"), s("c"), s("1")]);
        call(&mut alice, "setGlobalContextData", vec![s("ns"), s("g"), s("shared")]);
        // User and conversation data are the owner's; global data is everyone's.
        assert_eq!(call(&mut bob, "getContextDataForUser", vec![s("ns"), s("k")]), Value::Null);
        assert_eq!(call(&mut bob, "getContextDataForConversation", vec![s("ns"), s("c")]), Value::Null);
        assert_eq!(call(&mut bob, "getGlobalContextData", vec![s("ns"), s("g")]), s("shared"));
        assert_eq!(call(&mut alice, "getContextDataForUser", vec![s("ns"), s("k")]), s("a"));
        // The ttl is in seconds from the set.
        alice.now_ms += 59_999.0;
        assert_eq!(call(&mut alice, "getContextDataForUser", vec![s("ns"), s("k")]), s("a"));
        alice.now_ms += 1.0;
        assert_eq!(call(&mut alice, "getContextDataForUser", vec![s("ns"), s("k")]), Value::Null);
        assert_eq!(call(&mut alice, "getContextDataForUser", vec![s("ns")]), Value::object(Vec::new()));
        // deleteAll… empties one scope of one owner; an unknown namespace fails.
        assert_eq!(call(&mut alice, "deleteAllContextDataForConversation", vec![s("ns")]), Value::Bool(true));
        assert_eq!(call(&mut alice, "getContextDataForConversation", vec![s("ns"), s("c")]), Value::Null);
        assert_eq!(call(&mut alice, "deleteAllContextDataForUser", vec![s("nope")]), Value::Bool(false));
        assert_eq!(call(&mut alice, "getContextDataForUser", vec![s("nope")]), Value::Null);
        // Without the Context API nothing works.
        alice.context_api_enabled = false;
        assert_eq!(call(&mut alice, "isContextApiEnabled", vec![]), Value::Bool(false));
        assert_eq!(call(&mut alice, "getGlobalContextData", vec![s("ns"), s("g")]), Value::Null);
        assert_eq!(call(&mut alice, "registerContextNamespace", vec![s("ns")]), Value::Bool(false));
    }

    #[test]
    fn personal_info_needs_a_name_or_company() {
        let mut ctx = OfflineContext::default();
        ctx.user.personal_info = Value::object(vec![("contacts".into(), Value::array(vec![]))]);
        assert_eq!(dispatch(&mut ctx, "getLPUserPersonalInfo", vec![], None), Ok(Value::Null));
        ctx.user.personal_info = Value::object(vec![("firstname".into(), Value::from("Ann"))]);
        assert_eq!(dispatch(&mut ctx, "getLPUserPersonalInfo", vec![], None), Ok(ctx.user.personal_info.clone()));
    }
}
