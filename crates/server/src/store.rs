//! Where conversations live between events: a [`Store`] of
//! [`StoredConversation`]s. [`FileStore`] (the default) keeps one JSON file
//! per conversation, written to a temporary file, flushed to disk and
//! renamed over the old one, so a conversation is always either at its
//! previous or its new state, even after `kill -9` or a power cut.
//! [`MemoryStore`] is for tests and throwaway servers.

use cbot_engine::ConversationState;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::io::Write as _;
use std::path::PathBuf;
use std::sync::Mutex;

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

/// One JSON file per conversation in a directory.
pub struct FileStore {
    dir: PathBuf,
}

impl FileStore {
    /// Uses `dir`, creating it if needed.
    pub fn open(dir: impl Into<PathBuf>) -> Result<FileStore, StoreError> {
        let dir = dir.into();
        std::fs::create_dir_all(&dir).map_err(|e| StoreError(format!("cannot create {}: {e}", dir.display())))?;
        Ok(FileStore { dir })
    }

    /// The file of conversation `id`: its id hex-encoded, so that any id
    /// LivePerson sends is a safe file name (no `/`, no `..`).
    fn path(&self, id: &str) -> PathBuf {
        let name: String = id.bytes().map(|b| format!("{b:02x}")).collect();
        self.dir.join(format!("{name}.json"))
    }
}

impl Store for FileStore {
    fn load(&self, id: &str) -> Result<Option<StoredConversation>, StoreError> {
        let path = self.path(id);
        match std::fs::read(&path) {
            Ok(bytes) => serde_json::from_slice(&bytes)
                .map(Some)
                .map_err(|e| StoreError(format!("{} is damaged: {e}", path.display()))),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(StoreError(format!("cannot read {}: {e}", path.display()))),
        }
    }

    fn save(&self, id: &str, conversation: &StoredConversation) -> Result<(), StoreError> {
        let path = self.path(id);
        let tmp = path.with_extension("json.tmp");
        let io = |e: std::io::Error| StoreError(format!("cannot write {}: {e}", path.display()));
        let bytes = serde_json::to_vec(conversation).map_err(|e| StoreError(e.to_string()))?;
        let mut f = std::fs::File::create(&tmp).map_err(io)?;
        f.write_all(&bytes).map_err(io)?;
        // On disk before the rename, so that the rename never exposes a
        // file whose contents are still in flight.
        f.sync_all().map_err(io)?;
        drop(f);
        std::fs::rename(&tmp, &path).map_err(io)?;
        Ok(())
    }

    fn delete(&self, id: &str) -> Result<(), StoreError> {
        match std::fs::remove_file(self.path(id)) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(StoreError(format!("cannot delete conversation {id:?}: {e}"))),
        }
    }
}
