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

/// Where a value lives: a scope, whose data it is (the user id for
/// [`ContextScope::User`], the conversation id for
/// [`ContextScope::Conversation`], empty for global data) and a namespace.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ContextKey<'a> {
    /// The scope.
    pub scope: ContextScope,
    /// The user or conversation the data belongs to.
    pub owner: &'a str,
    /// The namespace.
    pub namespace: &'a str,
}

/// A stored value and when it expires (ms since the epoch).
#[derive(Debug, Clone)]
struct Entry {
    value: Value,
    expires: Option<f64>,
}

/// The store: registered namespaces with their time to live, and values by
/// (scope, owner, namespace, property).
#[derive(Debug)]
pub struct ContextStore {
    namespaces: BTreeMap<String, Option<f64>>,
    values: BTreeMap<(ContextScope, String, String, String), Entry>,
    /// What the values hold ([`Value::approx_bytes`] plus their keys).
    bytes: usize,
    /// The most `bytes` may reach: a write past it is refused.
    limit: usize,
}

impl Default for ContextStore {
    fn default() -> Self {
        ContextStore { namespaces: BTreeMap::new(), values: BTreeMap::new(), bytes: 0, limit: CONTEXT_STORE_BYTES }
    }
}

/// How many bytes a context store holds at most by default: the store
/// outlives conversations (user and account scopes), so a bot writing
/// new properties on every turn would otherwise grow it without end.
pub const CONTEXT_STORE_BYTES: usize = 64 << 20;

fn entry_bytes(k: &(ContextScope, String, String, String), e: &Entry) -> usize {
    32 + k.1.len() + k.2.len() + k.3.len() + e.value.approx_bytes()
}

/// A store several conversations can share.
pub type SharedContextStore = Arc<Mutex<ContextStore>>;

fn key(at: &ContextKey<'_>, prop: &str) -> (ContextScope, String, String, String) {
    (at.scope, at.owner.to_string(), at.namespace.to_string(), prop.to_string())
}

impl ContextStore {
    /// An empty store, ready to share.
    pub fn shared() -> SharedContextStore {
        Arc::new(Mutex::new(ContextStore::default()))
    }

    /// `registerContextNamespace(ns[, ttlSeconds])`: true. An existing
    /// namespace is reused, as in CB; a new ttl applies to properties set
    /// from now on, existing ones keep theirs (CB's docs).
    pub fn register(&mut self, ns: &str, ttl_seconds: Option<f64>) -> bool {
        let ttl = self.namespaces.entry(ns.to_string()).or_insert(ttl_seconds);
        if ttl_seconds.is_some() {
            *ttl = ttl_seconds;
        }
        true
    }

    /// Whether a namespace is registered.
    pub fn is_registered(&self, ns: &str) -> bool {
        self.namespaces.contains_key(ns)
    }

    /// `deleteContextNamespace(ns)`: drops the namespace and its values;
    /// false when it was not registered.
    pub fn delete_namespace(&mut self, ns: &str) -> bool {
        self.drop_where(|k| k.2 == ns);
        self.namespaces.remove(ns).is_some()
    }

    /// Sets a property at `now` (ms; it expires after the namespace's ttl);
    /// false when the namespace is not registered.
    pub fn set(&mut self, at: &ContextKey<'_>, prop: &str, value: Value, now: f64) -> bool {
        let Some(ttl) = self.namespaces.get(at.namespace) else { return false };
        let expires = ttl.map(|s| now + s * 1000.0);
        let k = key(at, prop);
        let entry = Entry { value, expires };
        let adds = entry_bytes(&k, &entry);
        let frees = self.values.get(&k).map_or(0, |old| entry_bytes(&k, old));
        if self.bytes.saturating_sub(frees).saturating_add(adds) > self.limit {
            // Expired values first make room; past that the write is
            // refused, as a write to an unregistered namespace is.
            self.forget_expired(now);
            let frees = self.values.get(&k).map_or(0, |old| entry_bytes(&k, old));
            if self.bytes.saturating_sub(frees).saturating_add(adds) > self.limit {
                return false;
            }
        }
        self.values.insert(k, entry);
        self.bytes = self.bytes.saturating_sub(frees).saturating_add(adds);
        true
    }

    /// Sets the most bytes the store may hold ([`CONTEXT_STORE_BYTES`] by
    /// default).
    pub fn set_limit(&mut self, bytes: usize) {
        self.limit = bytes;
    }

    /// About how many bytes the stored values take.
    pub fn bytes(&self) -> usize {
        self.bytes
    }

    fn forget_expired(&mut self, now: f64) {
        let mut freed = 0usize;
        self.values.retain(|k, e| {
            let live = e.expires.is_none_or(|x| now < x);
            if !live {
                freed = freed.saturating_add(entry_bytes(k, e));
            }
            live
        });
        self.bytes = self.bytes.saturating_sub(freed);
    }

    /// A property that has not expired at `now`, or null.
    pub fn get(&self, at: &ContextKey<'_>, prop: &str, now: f64) -> Value {
        match self.values.get(&key(at, prop)) {
            Some(e) if e.expires.is_none_or(|x| now < x) => e.value.clone(),
            _ => Value::Null,
        }
    }

    /// All live properties of a namespace, as an object sorted by name (CB
    /// returns a Java map); null when the namespace is not registered.
    pub fn get_all(&self, at: &ContextKey<'_>, now: f64) -> Value {
        if !self.is_registered(at.namespace) {
            return Value::Null;
        }
        Value::Object(
            self.values
                .iter()
                .filter(|(k, e)| {
                    k.0 == at.scope && k.1 == at.owner && k.2 == at.namespace && e.expires.is_none_or(|x| now < x)
                })
                .map(|(k, e)| (k.3.clone(), e.value.clone()))
                .collect(),
        )
    }

    /// Forgets the data one owner has in a scope (a new conversation starts
    /// with an empty conversation scope).
    pub fn clear(&mut self, scope: ContextScope, owner: &str) {
        self.drop_where(|k| k.0 == scope && k.1 == owner);
    }

    /// Drops the values whose keys `gone` picks, keeping the byte count.
    fn drop_where(&mut self, gone: impl Fn(&(ContextScope, String, String, String)) -> bool) {
        let mut freed = 0usize;
        self.values.retain(|k, e| {
            let drop = gone(k);
            if drop {
                freed = freed.saturating_add(entry_bytes(k, e));
            }
            !drop
        });
        self.bytes = self.bytes.saturating_sub(freed);
    }

    /// Deletes one property (`prop = Some`) or all of them: true unless the
    /// namespace is not registered (deleting what is not there succeeds, as
    /// a delete in a key/value service does).
    pub fn delete(&mut self, at: &ContextKey<'_>, prop: Option<&str>) -> bool {
        if !self.is_registered(at.namespace) {
            return false;
        }
        self.drop_where(|k| k.0 == at.scope && k.1 == at.owner && k.2 == at.namespace && prop.is_none_or(|p| k.3 == p));
        true
    }
}
