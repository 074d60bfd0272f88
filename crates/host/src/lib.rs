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
mod offline;
mod value;

pub use context_service::{ContextScope, ContextStore, SharedContextStore};
pub use offline::{OfflineContext, Scope, SentMessage};
pub use value::{Value, number_to_string, string_to_number};

/// Every `botContext` method, with what it means offline (CB-SPEC §4).
///
/// Arguments arrive already converted from JavaScript the way CB's engine
/// converts them (names with `ToString`, flags with `ToBoolean`); see
/// [`dispatch`].
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
    /// `printDebugMessage(text)`: a line in the bot log.
    fn print_debug_message(&mut self, text: String);
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
    /// `getLPCustomerInfo()`: the customer-info attributes (an empty object
    /// when there are none: templates read its fields unguarded; CB-SPEC §4.2).
    fn get_lp_customer_info(&mut self) -> Value;
    /// `getEnvVariable(name)`: an environment variable, or `null`.
    fn get_env_variable(&mut self, name: &str) -> Value;
    /// `setMessageDelay(ms)`: delay before the next message; last call wins.
    fn set_message_delay(&mut self, ms: f64);
    /// `getWebViewVariable(name)`, or `null`.
    fn get_web_view_variable(&mut self, name: &str) -> Value;
    /// `getQuickReplyPayload()`: payload of the chosen quick reply.
    fn get_quick_reply_payload(&mut self) -> Value;
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

/// The methods of this version of the API, sorted by name.
pub const METHODS: &[Method] = &[
    m("deleteAllContextDataForConversation", 1, 1),
    m("deleteAllContextDataForUser", 1, 1),
    m("deleteContextDataForConversation", 2, 2),
    m("deleteContextDataForUser", 2, 2),
    m("deleteContextNamespace", 1, 1),
    m("deleteGlobalContextData", 2, 2),
    m("getApiStatusCode", 0, 0),
    m("getBotVariable", 1, 1),
    m("getChannel", 0, 0),
    m("getChatBotId", 0, 0),
    m("getContextDataForConversation", 1, 2),
    m("getContextDataForUser", 1, 2),
    m("getConversationId", 0, 0),
    m("getCurrentUserMessage", 0, 0),
    m("getDialogStarterIntent", 0, 0),
    m("getEnvVariable", 1, 1),
    m("getGlobalContextData", 2, 2),
    m("getLPAccountId", 0, 0),
    m("getLPCustomerInfo", 0, 0),
    m("getLPEngagementAttribute", 1, 1),
    m("getQuickReplyPayload", 0, 0),
    m("getUserChannel", 0, 0),
    m("getUserPlatformId", 0, 0),
    m("getWebViewVariable", 1, 1),
    m("isApiExecutionSuccessful", 0, 0),
    m("isContextApiEnabled", 0, 0),
    m("logCustomEvent", 1, 3),
    m("printDebugMessage", 1, 4),
    m("registerContextNamespace", 1, 2),
    m("sendImmediateReply", 1, 1),
    m("sendMessage", 1, 1),
    m("sendMessageWithQuickReplies", 2, 2),
    m("sendMessages", 1, 1),
    m("setAllowMaxTextResponse", 1, 1),
    m("setBotVariable", 2, 4),
    m("setContextDataForConversation", 3, 3),
    m("setContextDataForUser", 3, 3),
    m("setGlobalContextData", 3, 3),
    m("setMessageDelay", 1, 1),
    m("setTriggerNextMessage", 1, 1),
];

/// The method with this JavaScript name.
pub fn method(name: &str) -> Option<&'static Method> {
    METHODS.binary_search_by(|m| m.name.cmp(name)).ok().map(|i| &METHODS[i])
}

/// One recorded call.
#[derive(Debug, Clone, PartialEq)]
pub struct Call {
    /// The method name (static for the known methods: recording a call
    /// allocates nothing for it).
    pub method: std::borrow::Cow<'static, str>,
    /// The arguments as the script passed them.
    pub args: Vec<Value>,
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
    args: Vec<Value>,
    transcript: Option<&mut Transcript>,
) -> Result<Value, HostError> {
    let arg = |i: usize| args.get(i).cloned().unwrap_or(Value::Undefined);
    // `text` and `arg` borrow `args`; the transcript takes it at the end.
    let text = |i: usize| args.get(i).map_or_else(|| "undefined".to_string(), Value::to_js_string);
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
            // At most 10 replies; `Title~payload` (CB-SPEC §3.4).
            let replies = match args.get(1) {
                Some(Value::Array(items)) => items
                    .iter()
                    .take(10)
                    .map(|r| {
                        let r = r.to_js_string();
                        match r.split_once('~') {
                            Some((t, p)) => (t.to_string(), p.to_string()),
                            None => (r.clone(), r),
                        }
                    })
                    .collect(),
                _ => Vec::new(),
            };
            ctx.send_message_with_quick_replies(text(0), replies);
            Value::Undefined
        }
        "sendImmediateReply" => {
            ctx.send_immediate_reply(text(0));
            Value::Undefined
        }
        "printDebugMessage" => {
            ctx.print_debug_message(text(0));
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
            ctx.log_custom_event(text(0), text(1), text(2));
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
        name if name.contains("Context") => context_service(ctx, name, &args),
        other => return Err(HostError::UnknownMethod(other.to_string())),
    };
    if let Some(t) = transcript {
        let method = method(name).map_or_else(|| name.to_string().into(), |m| m.name.into());
        t.calls.push(Call { method, args, result: result.clone() });
    }
    Ok(result)
}

/// The Conversation Context Service methods (CB-SPEC §4.7): updates
/// return whether they worked; without a store, nothing works and reads
/// give null.
fn context_service(ctx: &mut dyn BotContext, name: &str, args: &[Value]) -> Value {
    let store = ctx.context_service();
    if name == "isContextApiEnabled" {
        return Value::Bool(store.is_some());
    }
    let Some(store) = store else {
        return if name.starts_with("get") { Value::Null } else { Value::Bool(false) };
    };
    let Ok(mut store) = store.lock() else { return Value::Bool(false) };
    let text = |i: usize| args.get(i).map_or_else(String::new, Value::to_js_string);
    let arg = |i: usize| args.get(i).cloned().unwrap_or(Value::Undefined);
    let scope = if name.contains("ForConversation") {
        ContextScope::Conversation
    } else if name.contains("ForUser") {
        ContextScope::User
    } else {
        ContextScope::Global
    };
    match name {
        "registerContextNamespace" => {
            let ttl = args.get(1).map(Value::to_number).filter(|t| t.is_finite());
            Value::Bool(store.register(&text(0), ttl))
        }
        "deleteContextNamespace" => Value::Bool(store.delete_namespace(&text(0))),
        n if n.starts_with("set") => Value::Bool(store.set(scope, &text(0), &text(1), arg(2))),
        n if n.starts_with("get") && args.len() >= 2 => store.get(scope, &text(0), &text(1)),
        n if n.starts_with("get") => store.get_all(scope, &text(0)),
        n if n.starts_with("deleteAll") => Value::Bool(store.delete(scope, &text(0), None)),
        _ => Value::Bool(store.delete(scope, &text(0), Some(&text(1)))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn context_service_scopes_and_namespaces() {
        let mut ctx = OfflineContext::default();
        let mut call = |name: &str, args: &[&str]| {
            let args = args.iter().map(|a| Value::from(*a)).collect();
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
        assert_eq!(call("getContextDataForUser", &["ns"]), Value::Object(vec![("k".into(), Value::from("u"))]));
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
}
