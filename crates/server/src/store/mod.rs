//! Where conversations live between events: a [`Store`] of
//! [`StoredConversation`]s.
//!
//! - [`LogStore`] (the default): an append-only log file in a directory,
//!   written by one thread that commits the records of many conversations
//!   with one write and one disk sync (group commit); a conversation is
//!   always at its previous or its new state, even after `kill -9` or a
//!   power cut.
//! - [`RedisStore`]: Redis, so that several servers share conversations.
//! - [`MemoryStore`]: for tests and throwaway servers.

use cbot_engine::ConversationState;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

mod log;
mod redis;

pub use log::{LogOptions, LogStats, LogStore};
pub use redis::RedisStore;

/// A conversation as stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredConversation {
    /// The bot id of the URL.
    pub bot_id: String,
    /// The environment of the URL (`draft`, …).
    pub environment: String,
    /// The `sdes` of the PUT that created it (as LivePerson sent them).
    pub sdes: serde_json::Value,
    /// The `context` of that PUT.
    pub context: serde_json::Value,
    /// The conversation's state after its last event.
    pub state: ConversationState,
}

/// Why the store failed.
#[derive(Debug)]
pub struct StoreError(pub String);

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for StoreError {}

/// Conversation storage. Calls for one conversation never overlap (the
/// server orders each conversation's events); calls for different ones may.
pub trait Store: Send + Sync {
    /// The stored conversation, if there is one.
    fn load(&self, id: &str) -> Result<Option<StoredConversation>, StoreError>;
    /// Stores it (replacing what was there), durably before returning.
    fn save(&self, id: &str, conversation: &StoredConversation) -> Result<(), StoreError>;
    /// Forgets it.
    fn delete(&self, id: &str) -> Result<(), StoreError>;
    /// Starts storing it: for a store that waits on a disk (or the
    /// network), the wait can then be awaited instead of blocking a
    /// thread. By default it is [`Store::save`], done at once.
    fn save_begin(&self, id: &str, conversation: &StoredConversation) -> Saving {
        Saving::done(self.save(id, conversation))
    }
    /// Starts forgetting it, like [`Store::save_begin`].
    fn delete_begin(&self, id: &str) -> Saving {
        Saving::done(self.delete(id))
    }
    /// Whether other processes write this store too. Then a conversation
    /// held in memory may be stale: the server reads it back from the
    /// store for every event, under [`Store::lock`].
    fn shared(&self) -> bool {
        false
    }
    /// Holds conversation `id` against other processes until the lock is
    /// dropped, so that its events are handled one at a time across all
    /// servers. A store only this process uses needs nothing (the server
    /// orders events within the process).
    fn lock(&self, id: &str) -> Result<StoreLock, StoreError> {
        let _ = id;
        Ok(StoreLock::none())
    }
}

/// A save under way ([`Store::save_begin`]).
pub struct Saving(Pending);

enum Pending {
    /// Already stored (or failed).
    Done(Result<(), StoreError>),
    /// Stored when answered.
    Waiting(tokio::sync::oneshot::Receiver<Result<(), String>>),
}

/// How far a log has been synced to disk, and the saves waiting for it:
/// `seq` counts every byte ever appended (it does not go back when the log
/// is compacted). Each waiter is answered by the sync that covers it, and
/// only then (no task is woken to find it has to wait on).
pub(crate) struct SyncPoint(Mutex<PointState>);

struct PointState {
    synced: u64,
    /// Set when a sync failed: what was written since may not be on disk,
    /// and nothing more is acknowledged.
    failed: Option<String>,
    waiters: Vec<(u64, tokio::sync::oneshot::Sender<Result<(), String>>)>,
}

impl SyncPoint {
    pub(crate) fn new() -> Arc<SyncPoint> {
        Arc::new(SyncPoint(Mutex::new(PointState { synced: 0, failed: None, waiters: Vec::new() })))
    }

    /// A save waiting for the sync of `seq`.
    pub(crate) fn wait_for(&self, seq: u64) -> Saving {
        let mut s = self.0.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if s.synced >= seq {
            return Saving::done(Ok(()));
        }
        if let Some(e) = &s.failed {
            return Saving::done(Err(StoreError(e.clone())));
        }
        let (tx, rx) = tokio::sync::oneshot::channel();
        s.waiters.push((seq, tx));
        Saving(Pending::Waiting(rx))
    }

    /// Publishes a sync up to `seq` (answering the saves it covers), or a
    /// failure (answering all).
    pub(crate) fn publish(&self, seq: u64, failed: Option<String>) {
        let mut s = self.0.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        s.synced = s.synced.max(seq);
        if let Some(why) = failed {
            for (_, tx) in s.waiters.drain(..) {
                let _ = tx.send(Err(why.clone()));
            }
            s.failed = Some(why);
            return;
        }
        let synced = s.synced;
        for (_, tx) in s.waiters.extract_if(.., |(seq, _)| *seq <= synced) {
            let _ = tx.send(Ok(()));
        }
    }
}

impl Saving {
    /// Already stored, or failed.
    pub fn done(result: Result<(), StoreError>) -> Saving {
        Saving(Pending::Done(result))
    }

    /// Waits for it without blocking the async runtime.
    pub async fn wait(self) -> Result<(), StoreError> {
        match self.0 {
            Pending::Done(r) => r,
            Pending::Waiting(rx) => rx.await.unwrap_or_else(|_| Err(GONE.into())).map_err(StoreError),
        }
    }

    /// Waits for it, blocking the thread (not on an async worker).
    pub fn wait_blocking(self) -> Result<(), StoreError> {
        match self.0 {
            Pending::Done(r) => r,
            Pending::Waiting(rx) => rx.blocking_recv().unwrap_or_else(|_| Err(GONE.into())).map_err(StoreError),
        }
    }
}

/// Why a save was never answered.
const GONE: &str = "the store's writer has stopped";

/// A conversation held by [`Store::lock`]; released when dropped.
pub struct StoreLock(Option<Box<dyn FnOnce() + Send>>);

impl StoreLock {
    /// A lock that holds nothing.
    pub fn none() -> StoreLock {
        StoreLock(None)
    }

    /// A lock released by running `release`.
    pub fn new(release: impl FnOnce() + Send + 'static) -> StoreLock {
        StoreLock(Some(Box::new(release)))
    }
}

impl Drop for StoreLock {
    fn drop(&mut self) {
        if let Some(release) = self.0.take() {
            release();
        }
    }
}

/// In memory: gone when the process ends.
#[derive(Default)]
pub struct MemoryStore(Mutex<HashMap<String, StoredConversation>>);

impl Store for MemoryStore {
    fn load(&self, id: &str) -> Result<Option<StoredConversation>, StoreError> {
        Ok(self.0.lock().map_err(|_| StoreError("store lock poisoned".into()))?.get(id).cloned())
    }

    fn save(&self, id: &str, conversation: &StoredConversation) -> Result<(), StoreError> {
        self.0
            .lock()
            .map_err(|_| StoreError("store lock poisoned".into()))?
            .insert(id.to_string(), conversation.clone());
        Ok(())
    }

    fn delete(&self, id: &str) -> Result<(), StoreError> {
        self.0.lock().map_err(|_| StoreError("store lock poisoned".into()))?.remove(id);
        Ok(())
    }
}
