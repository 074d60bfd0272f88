//! The Conversation Context Service (CB-SPEC §4.7): a key/value store with
//! namespaces, in three scopes. CB keeps it in the cloud; cbot keeps it in
//! memory, shared by whatever shares the store (a conversation by default).

use crate::Value;
use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

/// The three scopes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ContextScope {
    /// All conversations of the bot.
    Global,
    /// All conversations of one user.
    User,
    /// One conversation.
    Conversation,
}

/// The store: registered namespaces, and values by (scope, namespace,
/// property).
#[derive(Debug, Default)]
pub struct ContextStore {
    namespaces: BTreeMap<String, Option<f64>>,
    values: BTreeMap<(ContextScope, String, String), Value>,
}

/// A store several conversations can share.
pub type SharedContextStore = Arc<Mutex<ContextStore>>;

impl ContextStore {
    /// An empty store, ready to share.
    pub fn shared() -> SharedContextStore {
        Arc::new(Mutex::new(ContextStore::default()))
    }

    /// `registerContextNamespace(ns, ttl)`: true (an existing namespace is
    /// reused, as in CB).
    pub fn register(&mut self, ns: &str, ttl_seconds: Option<f64>) -> bool {
        self.namespaces.entry(ns.to_string()).or_insert(ttl_seconds);
        true
    }

    /// `deleteContextNamespace(ns)`: drops the namespace and its values.
    pub fn delete_namespace(&mut self, ns: &str) -> bool {
        self.values.retain(|k, _| k.1 != ns);
        self.namespaces.remove(ns).is_some()
    }

    /// Sets a property; false when the namespace is not registered.
    pub fn set(&mut self, scope: ContextScope, ns: &str, prop: &str, value: Value) -> bool {
        if !self.namespaces.contains_key(ns) {
            return false;
        }
        self.values.insert((scope, ns.to_string(), prop.to_string()), value);
        true
    }

    /// A property, or null.
    pub fn get(&self, scope: ContextScope, ns: &str, prop: &str) -> Value {
        self.values.get(&(scope, ns.to_string(), prop.to_string())).cloned().unwrap_or(Value::Null)
    }

    /// All properties of a namespace in a scope, as an object (CB returns a
    /// Java map; scripts read it by key).
    pub fn get_all(&self, scope: ContextScope, ns: &str) -> Value {
        Value::Object(
            self.values
                .iter()
                .filter(|(k, _)| k.0 == scope && k.1 == ns)
                .map(|(k, v)| (k.2.clone(), v.clone()))
                .collect(),
        )
    }

    /// Forgets every value of a scope (a new conversation starts with an
    /// empty conversation scope).
    pub fn clear_scope(&mut self, scope: ContextScope) {
        self.values.retain(|k, _| k.0 != scope);
    }

    /// Deletes one property (`prop = Some`) or all of them.
    pub fn delete(&mut self, scope: ContextScope, ns: &str, prop: Option<&str>) -> bool {
        let before = self.values.len();
        self.values.retain(|k, _| !(k.0 == scope && k.1 == ns && prop.is_none_or(|p| k.2 == p)));
        before != self.values.len() || prop.is_none()
    }
}
