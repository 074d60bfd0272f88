//! The peers' `botContext` host, engine-neutral: the state of one run and
//! what each method does to it, like cbot's `OfflineContext` +
//! `cbot_host::dispatch`. QuickJS and Boa convert arguments with their own
//! ToString/ToBoolean and values with their own API, then call [`apply`].

use crate::cases::{Case, Effects};
use serde_json::Value as Json;
use std::collections::HashMap;
use std::sync::{Arc, LazyLock, Mutex};

/// Every `botContext` method cbot knows (66), so a fresh context installs as
/// many native functions as a real host on that engine would. Only the ones
/// the scripts call are implemented; the others record the call and return
/// `undefined`.
pub static METHODS: LazyLock<Vec<&'static str>> = LazyLock::new(|| cbot_host::METHODS.iter().map(|m| m.name).collect());

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Request,
    Session,
    Forever,
}

/// One recorded call, like `cbot_host::Call` (arguments and result as host
/// values; JSON has no `undefined`, so it is recorded as null). Stored
/// values are shared (`Arc`), as cbot's host values share their arrays and
/// objects: `getBotVariable` and the transcript copy no catalogue.
#[derive(Debug, Clone)]
pub struct Call {
    pub method: &'static str,
    pub args: Vec<Json>,
    pub result: Arc<Json>,
}

/// The Conversation Context Service, in memory: registered namespaces and
/// (conversation, namespace, key) → value. Shared between clones, like
/// cbot's `SharedContextStore`.
#[derive(Debug, Default)]
pub struct ContextStore {
    namespaces: Vec<String>,
    data: HashMap<(String, String, String), Arc<Json>>,
}

/// The inputs and recorded effects of one run (the `OfflineContext` fields
/// that the scripts touch, plus the transcript).
#[derive(Debug, Clone)]
pub struct HostState {
    channel: String,
    user_message: String,
    conversation_id: String,
    variables: Vec<(String, Arc<Json>, Scope)>,
    sent: Vec<String>,
    debug: Vec<String>,
    context_store: Arc<Mutex<ContextStore>>,
    pub transcript: Vec<Call>,
}

impl HostState {
    /// The state a case's runs start from.
    pub fn for_case(case: &Case) -> HostState {
        let conversation_id = "offline-conversation".to_string();
        let mut store = ContextStore::default();
        for (ns, key, value) in &case.context {
            if !store.namespaces.iter().any(|n| n == ns) {
                store.namespaces.push(ns.to_string());
            }
            store.data.insert((conversation_id.clone(), ns.to_string(), key.to_string()), Arc::new(value.clone()));
        }
        HostState {
            channel: case.channel.to_string(),
            user_message: case.user_message.clone(),
            conversation_id,
            variables: case.variables.iter().map(|(k, v)| (k.clone(), Arc::new(v.clone()), Scope::Session)).collect(),
            sent: Vec::new(),
            debug: Vec::new(),
            context_store: Arc::new(Mutex::new(store)),
            transcript: Vec::new(),
        }
    }

    /// What the case's check looks at.
    pub fn effects(&self, case: &Case) -> Effects {
        Effects {
            error: None,
            calls: self.transcript.len(),
            sent: self.sent.clone(),
            last_debug: self.debug.last().cloned(),
            var: case
                .expect
                .variable()
                .and_then(|name| self.variables.iter().find(|v| v.0 == name))
                .map(|v| (*v.1).clone()),
        }
    }
}

/// One `botContext.name(…)` call: `args` are the arguments as host values
/// (the engine's deep copy, like cbot's `to_host`), `text(i)` is JavaScript
/// ToString of argument i ("undefined" when missing) and `truthy(i)` its
/// ToBoolean, both done by the engine. Applies the method to the state,
/// records the call and returns the result (`None` is `undefined`).
pub fn apply<E>(
    st: &mut HostState,
    name: &'static str,
    args: Vec<Json>,
    mut text: impl FnMut(usize) -> Result<String, E>,
    mut truthy: impl FnMut(usize) -> Result<bool, E>,
) -> Result<Option<Arc<Json>>, E> {
    let result: Option<Arc<Json>> = match name {
        "getChannel" => Some(Arc::new(Json::String(st.channel.clone()))),
        "sendMessage" => {
            st.sent.push(text(0)?);
            None
        }
        "printDebugMessage" => {
            st.debug.push(text(0)?);
            None
        }
        "setBotVariable" => {
            // persistForever wins over the session flag.
            let scope = if truthy(3)? {
                Scope::Forever
            } else if truthy(2)? {
                Scope::Session
            } else {
                Scope::Request
            };
            let var = text(0)?;
            let value = Arc::new(args.get(1).cloned().unwrap_or(Json::Null));
            match st.variables.iter_mut().find(|v| v.0 == var) {
                Some(v) => {
                    v.1 = value;
                    v.2 = scope;
                }
                None => st.variables.push((var, value, scope)),
            }
            None
        }
        "getBotVariable" => {
            let var = text(0)?;
            Some(st.variables.iter().find(|v| v.0 == var).map_or_else(|| Arc::new(Json::Null), |v| v.1.clone()))
        }
        "getCurrentUserMessage" => Some(Arc::new(Json::String(st.user_message.clone()))),
        "getContextDataForConversation" => {
            let (ns, key) = (text(0)?, text(1)?);
            let store = st.context_store.lock().expect("the context store");
            let v = if store.namespaces.contains(&ns) {
                store.data.get(&(st.conversation_id.clone(), ns, key)).cloned()
            } else {
                None
            };
            Some(v.unwrap_or_else(|| Arc::new(Json::Null)))
        }
        // Not called by these scripts.
        _ => None,
    };
    st.transcript.push(Call { method: name, args, result: result.clone().unwrap_or_else(|| Arc::new(Json::Null)) });
    Ok(result)
}
