//! [`LogStore`]: every conversation in one append-only file, committed in
//! groups.
//!
//! `DIR/conversations.log` starts with [`MAGIC`]; then records, each
//! `key length: u32 LE | value length: u32 LE (u32::MAX: the key was
//! deleted) | CRC-32 of the two lengths, the key and the value: u32 LE |
//! key | value`. The latest record of a key is its value. An index in
//! memory maps each live key to where its value is, so a load is one
//! positional read.
//!
//! A save encodes its record into a buffer in memory, from the caller's
//! thread. When the log is synced, one flush thread takes whatever the
//! buffer holds, writes it with one `write`, calls `fdatasync` and
//! acknowledges every save that batch held (group commit): a save is
//! answered once its record is on disk, and a busy server pays one disk
//! sync per group of events, not per event. Only that thread touches the
//! file, so a save never waits on a sync in progress (on ext4, appending to
//! a file that is being synced can block for the whole sync). Without
//! syncing ([`LogOptions::sync`] false) the saver writes its record itself,
//! under the lock, and is done: the record is then in the operating
//! system, which a killed server does not lose.
//!
//! A crash can only cut the last batch short. On open, the first record
//! that is incomplete or fails its CRC ends the log: the bytes from there
//! are moved aside to `conversations.log.damaged-<unix time>` (never just
//! dropped) and the log is cut there, so every conversation is at a state
//! it had after one of its events.
//!
//! When the file is more than twice the size of its live records (and
//! past [`LogOptions::compact_at`]), the flush thread (or, unsynced, the
//! saver that made it so) rewrites it with only
//! the live records, syncs the copy and renames it over the log (saves
//! wait meanwhile; it copies only live records).

use super::{Saving, Store, StoreError, StoredConversation, SyncPoint};
use std::collections::HashMap;
use std::fs::File;
use std::io::Write as _;
use std::os::unix::fs::FileExt as _;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex};

/// The first bytes of a log file: its format and version.
const MAGIC: &[u8; 16] = b"cbot-store-log1\n";
/// Bytes before a record's key.
const HEADER: usize = 12;
/// The value length of a deletion.
const DELETED: u32 = u32::MAX;

/// How a [`LogStore`] writes.
#[derive(Debug, Clone, Copy)]
pub struct LogOptions {
    /// Sync every batch to disk before acknowledging it (survives a power
    /// cut). Without it a save is in the operating system once
    /// acknowledged: it survives the server being killed, not the machine
    /// losing power.
    pub sync: bool,
    /// The log is compacted only once it is at least this many bytes.
    pub compact_at: u64,
    /// Syncs start at least this long apart: under load the saves of the
    /// meantime join the next one. A disk sync costs the machine far more
    /// CPU than a few hundred microseconds of a save's latency.
    pub sync_interval: std::time::Duration,
}

impl Default for LogOptions {
    fn default() -> Self {
        LogOptions { sync: true, compact_at: 64 << 20, sync_interval: std::time::Duration::from_micros(1000) }
    }
}

/// Where a live key's value is.
#[derive(Debug, Clone, Copy)]
struct Loc {
    offset: u64,
    len: u32,
}

/// The log's state, shared by savers, loaders and the flush thread.
struct Shared {
    /// The log (read and append); replaced by compaction.
    file: Arc<File>,
    path: PathBuf,
    dir: PathBuf,
    index: HashMap<String, Loc>,
    /// Bytes of the live keys' records.
    live: u64,
    /// Where the next record goes: the file's length plus what is
    /// buffered or being written.
    end: u64,
    /// The file's length: records below it can be read from the file.
    flushed: u64,
    /// Records not handed to the flush thread yet (they start at
    /// `end - pending.len()`).
    pending: Vec<u8>,
    /// Bytes ever appended (compaction does not lower it): what a save
    /// waits to see synced.
    appended: u64,
    /// Set when a write or sync failed: what the file holds past
    /// `flushed` is unknown, so nothing more is written.
    broken: Option<String>,
    stats: LogStats,
    options: LogOptions,
}

/// What a [`LogStore`] has written since it was opened.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LogStats {
    /// Saves and deletions written.
    pub records: u64,
    /// Disk syncs that acknowledged them (fewer than `records` when saves
    /// were grouped; none without syncing).
    pub commits: u64,
    /// Compactions.
    pub compactions: u64,
}

/// Between savers and the flush thread.
struct Syncer {
    /// Set when something is pending; the flush thread sleeps while not.
    wake: Mutex<bool>,
    cond: Condvar,
    stop: AtomicBool,
    point: Arc<SyncPoint>,
}

/// The embedded conversation store: one append-only log file in a
/// directory (module docs). One process at a time may use a directory.
pub struct LogStore {
    path: PathBuf,
    shared: Arc<Mutex<Shared>>,
    syncer: Arc<Syncer>,
    flush_thread: Option<std::thread::JoinHandle<()>>,
    /// Held (locked) for the store's life.
    _dir_lock: File,
}

fn io_error(what: &str, path: &Path) -> impl Fn(std::io::Error) -> StoreError {
    move |e| StoreError(format!("cannot {what} {}: {e}", path.display()))
}

fn encode(out: &mut Vec<u8>, key: &str, value: Option<&[u8]>) {
    let key_len = key.len() as u32;
    let value_len = value.map_or(DELETED, |v| v.len() as u32);
    let mut crc = crc32fast::Hasher::new();
    crc.update(&key_len.to_le_bytes());
    crc.update(&value_len.to_le_bytes());
    crc.update(key.as_bytes());
    crc.update(value.unwrap_or_default());
    out.extend_from_slice(&key_len.to_le_bytes());
    out.extend_from_slice(&value_len.to_le_bytes());
    out.extend_from_slice(&crc.finalize().to_le_bytes());
    out.extend_from_slice(key.as_bytes());
    out.extend_from_slice(value.unwrap_or_default());
}

/// One record read from the log.
struct Record<'a> {
    key: &'a str,
    /// Where its value is and how long (`None`: the key was deleted).
    value: Option<(usize, usize)>,
    /// The whole record's length.
    len: usize,
}

/// The record of `data` at `at`; `None` if it is incomplete or damaged.
fn decode(data: &[u8], at: usize) -> Option<Record<'_>> {
    let head: &[u8; HEADER] = data.get(at..at.checked_add(HEADER)?)?.try_into().ok()?;
    let [k0, k1, k2, k3, v0, v1, v2, v3, c0, c1, c2, c3] = *head;
    let key_len = u32::from_le_bytes([k0, k1, k2, k3]) as usize;
    let value_len = u32::from_le_bytes([v0, v1, v2, v3]);
    let crc = u32::from_le_bytes([c0, c1, c2, c3]);
    let body_len = if value_len == DELETED { 0 } else { value_len as usize };
    let key_at = at + HEADER;
    let body = data.get(key_at..key_at.checked_add(key_len)?.checked_add(body_len)?)?;
    let mut check = crc32fast::Hasher::new();
    check.update(&[k0, k1, k2, k3, v0, v1, v2, v3]);
    check.update(body);
    if check.finalize() != crc {
        return None;
    }
    let key = std::str::from_utf8(body.get(..key_len)?).ok()?;
    let value = (value_len != DELETED).then_some((key_at + key_len, body_len));
    Some(Record { key, value, len: HEADER + key_len + body_len })
}

fn sync_dir(dir: &Path) -> std::io::Result<()> {
    File::open(dir)?.sync_all()
}

impl LogStore {
    /// Opens (or creates) the store in `dir`, with the default options:
    /// every batch synced to disk.
    pub fn open(dir: impl Into<PathBuf>) -> Result<LogStore, StoreError> {
        LogStore::open_with(dir, LogOptions::default())
    }

    /// Opens (or creates) the store in `dir`, repairing a log that a crash
    /// cut short (module docs).
    pub fn open_with(dir: impl Into<PathBuf>, options: LogOptions) -> Result<LogStore, StoreError> {
        let dir = dir.into();
        std::fs::create_dir_all(&dir).map_err(io_error("create", &dir))?;
        let lock_path = dir.join("LOCK");
        let dir_lock = File::create(&lock_path).map_err(io_error("create", &lock_path))?;
        if dir_lock.try_lock().is_err() {
            return Err(StoreError(format!("{} is in use by another cbot process", dir.display())));
        }
        let path = dir.join("conversations.log");
        let file = File::options().read(true).append(true).create(true).open(&path).map_err(io_error("open", &path))?;
        let data = std::fs::read(&path).map_err(io_error("read", &path))?;
        if data.is_empty() {
            (&file).write_all(MAGIC).map_err(io_error("write", &path))?;
            file.sync_all().map_err(io_error("sync", &path))?;
            sync_dir(&dir).map_err(io_error("sync", &dir))?;
        } else if !data.starts_with(MAGIC) {
            return Err(StoreError(format!(
                "{} is not a cbot conversation log (it does not start with {:?})",
                path.display(),
                String::from_utf8_lossy(MAGIC).trim_end()
            )));
        }
        let mut index = HashMap::new();
        let mut sizes: HashMap<String, u64> = HashMap::new();
        let mut at = MAGIC.len().min(data.len());
        while at < data.len() {
            let Some(Record { key, value, len }) = decode(&data, at) else { break };
            match value {
                Some((offset, value_len)) => {
                    index.insert(key.to_string(), Loc { offset: offset as u64, len: value_len as u32 });
                    sizes.insert(key.to_string(), len as u64);
                }
                None => {
                    index.remove(key);
                    sizes.remove(key);
                }
            }
            at += len;
        }
        if !data.is_empty() && at < data.len() {
            let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
            let aside = dir.join(format!("conversations.log.damaged-{secs}"));
            std::fs::write(&aside, data.get(at..).unwrap_or_default()).map_err(io_error("write", &aside))?;
            File::open(&aside).and_then(|f| f.sync_all()).map_err(io_error("sync", &aside))?;
            file.set_len(at as u64).map_err(io_error("truncate", &path))?;
            file.sync_all().map_err(io_error("sync", &path))?;
            tracing::warn!(
                "{}: the last {} bytes were not a complete record (a write cut short); moved to {}",
                path.display(),
                data.len() - at,
                aside.display()
            );
        }
        let end = data.len().min(at).max(MAGIC.len()) as u64;
        let live = sizes.values().sum();
        let shared = Arc::new(Mutex::new(Shared {
            file: Arc::new(file),
            path: path.clone(),
            dir: dir.clone(),
            index,
            live,
            end,
            flushed: end,
            pending: Vec::new(),
            appended: 0,
            broken: None,
            stats: LogStats::default(),
            options,
        }));
        let syncer = Arc::new(Syncer {
            wake: Mutex::new(false),
            cond: Condvar::new(),
            stop: AtomicBool::new(false),
            point: SyncPoint::new(),
        });
        let flush_thread = {
            let (shared, syncer) = (shared.clone(), syncer.clone());
            std::thread::Builder::new()
                .name("cbot-store".into())
                .spawn(move || flush_loop(&shared, &syncer))
                .map_err(|e| StoreError(format!("cannot start the store's flush thread: {e}")))?
        };
        Ok(LogStore { path, shared, syncer, flush_thread: Some(flush_thread), _dir_lock: dir_lock })
    }

    /// Conversations stored.
    pub fn len(&self) -> usize {
        self.shared.lock().map_or(0, |s| s.index.len())
    }

    /// Whether no conversation is stored.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// What it has written since it was opened.
    pub fn stats(&self) -> LogStats {
        self.shared.lock().map_or(LogStats::default(), |s| s.stats)
    }

    /// The size of the log file in bytes.
    pub fn file_len(&self) -> u64 {
        self.shared.lock().ok().and_then(|s| s.file.metadata().ok()).map_or(0, |m| m.len())
    }

    /// Buffers a record; it is stored once the flush thread has written
    /// (and, when syncing, synced) it.
    fn submit(&self, key: &str, value: Option<&[u8]>) -> Saving {
        let seq = {
            let Ok(mut shared) = self.shared.lock() else {
                return Saving::done(Err(StoreError("store lock poisoned".into())));
            };
            let seq = match shared.append(key, value) {
                Ok(seq) => seq,
                Err(e) => return Saving::done(Err(StoreError(e))),
            };
            if !shared.options.sync {
                // Without a sync there is nothing to wait for but the
                // write: done here, under the lock, rather than handed to
                // the flush thread with the caller woken back (two thread
                // switches per save cost more than the write itself).
                if let Err(why) = shared.write_pending() {
                    shared.fail(why.clone(), &self.syncer);
                    return Saving::done(Err(StoreError(why)));
                }
                if shared.compaction_due()
                    && let Err(e) = shared.compact()
                {
                    // The log is still whole (see `compact`).
                    tracing::error!("{e}");
                }
                return Saving::done(Ok(()));
            }
            seq
        };
        let mut wake = self.syncer.wake.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if !*wake {
            *wake = true;
            self.syncer.cond.notify_one();
        }
        drop(wake);
        self.syncer.point.wait_for(seq)
    }
}

impl Drop for LogStore {
    fn drop(&mut self) {
        // The flush thread writes what is pending, then ends.
        self.syncer.stop.store(true, Ordering::Release);
        *self.syncer.wake.lock().unwrap_or_else(std::sync::PoisonError::into_inner) = true;
        self.syncer.cond.notify_one();
        if let Some(t) = self.flush_thread.take() {
            let _ = t.join();
        }
    }
}

impl Store for LogStore {
    fn load(&self, id: &str) -> Result<Option<StoredConversation>, StoreError> {
        let mut waited = 0;
        let (file, loc) = loop {
            let shared = self.shared.lock().map_err(|_| StoreError("store lock poisoned".into()))?;
            let Some(&loc) = shared.index.get(id) else { return Ok(None) };
            let end = loc.offset + u64::from(loc.len);
            if end <= shared.flushed {
                break (shared.file.clone(), loc);
            }
            let pending_at = shared.end - shared.pending.len() as u64;
            if loc.offset >= pending_at {
                // Saved a moment ago, not handed to the flush thread yet.
                let at = (loc.offset - pending_at) as usize;
                let bytes = shared.pending.get(at..at + loc.len as usize).unwrap_or_default();
                return serde_json::from_slice(bytes).map(Some).map_err(|e| StoreError(format!("{id:?}: {e}")));
            }
            if let Some(why) = &shared.broken {
                return Err(StoreError(why.clone()));
            }
            // Being written right now: a moment.
            drop(shared);
            waited += 1;
            if waited > 10_000 {
                return Err(StoreError(format!("{}: a write is taking over 10 s", self.path.display())));
            }
            std::thread::sleep(std::time::Duration::from_millis(1));
        };
        // Outside the lock: a compaction may replace the file meanwhile,
        // and this one stays readable while we hold it.
        let mut bytes = vec![0; loc.len as usize];
        file.read_exact_at(&mut bytes, loc.offset).map_err(io_error("read", &self.path))?;
        serde_json::from_slice(&bytes)
            .map(Some)
            .map_err(|e| StoreError(format!("{}: conversation {id:?} is damaged: {e}", self.path.display())))
    }

    fn save(&self, id: &str, conversation: &StoredConversation) -> Result<(), StoreError> {
        self.save_begin(id, conversation).wait_blocking()
    }

    fn save_begin(&self, id: &str, conversation: &StoredConversation) -> Saving {
        let bytes = match serde_json::to_vec(conversation) {
            Ok(b) if b.len() < DELETED as usize => b,
            Ok(b) => {
                let why = format!("conversation {id:?} is too large to store ({} bytes)", b.len());
                return Saving::done(Err(StoreError(why)));
            }
            Err(e) => return Saving::done(Err(StoreError(e.to_string()))),
        };
        self.submit(id, Some(&bytes))
    }

    fn delete(&self, id: &str) -> Result<(), StoreError> {
        self.submit(id, None).wait_blocking()
    }

    fn delete_begin(&self, id: &str) -> Saving {
        self.submit(id, None)
    }
}

impl Shared {
    /// Buffers one record and updates the index; the byte count the save
    /// waits for.
    fn append(&mut self, key: &str, value: Option<&[u8]>) -> Result<u64, String> {
        if let Some(why) = &self.broken {
            return Err(why.clone());
        }
        let before = self.pending.len();
        encode(&mut self.pending, key, value);
        let len = (self.pending.len() - before) as u64;
        let offset = self.end + (HEADER + key.len()) as u64;
        let old = match value {
            Some(v) => self.index.insert(key.to_string(), Loc { offset, len: v.len() as u32 }),
            None => self.index.remove(key),
        };
        if let Some(old) = old {
            self.live -= (HEADER + key.len()) as u64 + u64::from(old.len);
        }
        if value.is_some() {
            self.live += len;
        }
        self.end += len;
        self.appended += len;
        self.stats.records += 1;
        Ok(self.appended)
    }

    /// Writes what is pending at once, without syncing (the caller's
    /// thread does this when the log is not synced). A failed write is cut
    /// off again.
    fn write_pending(&mut self) -> Result<(), String> {
        if self.pending.is_empty() {
            return Ok(());
        }
        let file = self.file.clone();
        let written = (&*file).write_all(&self.pending);
        let len = self.pending.len() as u64;
        self.pending.clear();
        match written {
            Ok(()) => {
                self.flushed += len;
                Ok(())
            }
            Err(e) => {
                let mut why = format!("cannot write {}: {e}", self.path.display());
                if let Err(e2) = file.set_len(self.flushed) {
                    why.push_str(&format!("; and cannot undo the partial write: {e2}"));
                }
                Err(why)
            }
        }
    }

    /// Whether the log is due for compaction (module docs).
    fn compaction_due(&self) -> bool {
        self.broken.is_none() && self.end >= self.options.compact_at && self.end >= 2 * (self.live + MAGIC.len() as u64)
    }

    /// Marks the log broken (nothing more is written) and says so.
    fn fail(&mut self, why: String, syncer: &Syncer) {
        tracing::error!("{why}");
        self.broken = Some(why.clone());
        syncer.point.publish(0, Some(why));
    }

    /// Rewrites the log with only its live records (module docs). Called
    /// by the flush thread with nothing pending; the copy is synced before
    /// it replaces the log.
    fn compact(&mut self) -> Result<(), String> {
        let tmp = self.path.with_extension("log.compact");
        let fail = |what: &str, e: std::io::Error| format!("cannot {what} {}: {e}", tmp.display());
        let mut out = std::io::BufWriter::new(File::create(&tmp).map_err(|e| fail("create", e))?);
        out.write_all(MAGIC).map_err(|e| fail("write", e))?;
        let mut at = MAGIC.len() as u64;
        let mut index = HashMap::with_capacity(self.index.len());
        let mut value = Vec::new();
        let mut record = Vec::new();
        for (key, loc) in &self.index {
            value.resize(loc.len as usize, 0);
            self.file
                .read_exact_at(&mut value, loc.offset)
                .map_err(|e| format!("cannot read {}: {e}", self.path.display()))?;
            record.clear();
            encode(&mut record, key, Some(&value));
            out.write_all(&record).map_err(|e| fail("write", e))?;
            index.insert(key.clone(), Loc { offset: at + (HEADER + key.len()) as u64, len: loc.len });
            at += record.len() as u64;
        }
        let out = out.into_inner().map_err(|e| fail("write", e.into_error()))?;
        out.sync_all().map_err(|e| fail("sync", e))?;
        drop(out);
        std::fs::rename(&tmp, &self.path).map_err(|e| fail("rename", e))?;
        sync_dir(&self.dir).map_err(|e| format!("cannot sync {}: {e}", self.dir.display()))?;
        let file = File::options()
            .read(true)
            .append(true)
            .open(&self.path)
            .map_err(|e| format!("cannot open {}: {e}", self.path.display()))?;
        tracing::info!("{}: compacted from {} to {at} bytes", self.path.display(), self.end);
        self.file = Arc::new(file);
        self.index = index;
        self.live = at - MAGIC.len() as u64;
        self.end = at;
        self.flushed = at;
        self.stats.compactions += 1;
        Ok(())
    }
}

/// The flush thread: takes what is pending, writes it, syncs it (unless
/// told not to) and acknowledges it; compacts the log when it is due.
fn flush_loop(shared: &Mutex<Shared>, syncer: &Syncer) {
    let mut batch = Vec::new();
    let mut last_sync: Option<std::time::Instant> = None;
    loop {
        {
            let mut wake = syncer.wake.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
            while !*wake {
                wake = syncer.cond.wait(wake).unwrap_or_else(std::sync::PoisonError::into_inner);
            }
            *wake = false;
        }
        if let (Some(at), Ok(s)) = (last_sync, shared.lock()) {
            let interval = s.options.sync_interval;
            drop(s);
            if let Some(rest) = interval.checked_sub(at.elapsed()) {
                std::thread::sleep(rest);
            }
        }
        let (file, target, sync) = {
            let Ok(mut s) = shared.lock() else { return };
            if s.broken.is_some() {
                s.pending.clear();
            }
            std::mem::swap(&mut s.pending, &mut batch);
            (s.file.clone(), s.appended, s.options.sync)
        };
        if !batch.is_empty() {
            // The file only grows here, so a write is never interleaved
            // with another; a failed one is cut off again.
            let written = (&*file).write_all(&batch);
            let Ok(mut s) = shared.lock() else { return };
            match written {
                Ok(()) => {
                    s.flushed += batch.len() as u64;
                    drop(s);
                    if sync {
                        last_sync = Some(std::time::Instant::now());
                    }
                    let synced = if sync { file.sync_data() } else { Ok(()) };
                    let Ok(mut s) = shared.lock() else { return };
                    match synced {
                        Ok(()) => {
                            if sync {
                                s.stats.commits += 1;
                            }
                            drop(s);
                            syncer.point.publish(target, None);
                        }
                        Err(e) => {
                            let why = format!("cannot sync {}: {e}", s.path.display());
                            s.fail(why, syncer);
                        }
                    }
                }
                Err(e) => {
                    let mut why = format!("cannot write {}: {e}", s.path.display());
                    let flushed = s.flushed;
                    if let Err(e2) = file.set_len(flushed) {
                        why.push_str(&format!("; and cannot undo the partial write: {e2}"));
                    }
                    s.fail(why, syncer);
                }
            }
            batch.clear();
        }
        // Compaction, when due: under the lock, so saves wait for it; what
        // is pending is written and synced first (the copy holds it all).
        if let Ok(mut s) = shared.lock()
            && s.compaction_due()
        {
            if !s.pending.is_empty() {
                let rest = std::mem::take(&mut s.pending);
                let target = s.appended;
                let file = s.file.clone();
                match (&*file).write_all(&rest).and_then(|()| file.sync_data()) {
                    Ok(()) => {
                        s.flushed += rest.len() as u64;
                        if s.options.sync {
                            s.stats.commits += 1;
                        }
                        syncer.point.publish(target, None);
                    }
                    Err(e) => {
                        let why = format!("cannot write {}: {e}", s.path.display());
                        s.fail(why, syncer);
                        continue;
                    }
                }
            }
            if let Err(e) = s.compact() {
                // The log is still whole: only a complete, synced copy
                // ever replaces it.
                tracing::error!("{e}");
            }
        }
        if syncer.stop.load(Ordering::Acquire) && shared.lock().map_or(true, |s| s.pending.is_empty()) {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_round_trip_and_damage_is_detected() {
        let mut buf = MAGIC.to_vec();
        encode(&mut buf, "k1", Some(b"{\"a\":1}"));
        encode(&mut buf, "k1", None);
        let r = decode(&buf, MAGIC.len()).unwrap();
        assert_eq!((r.key, r.value.map(|(at, n)| &buf[at..at + n])), ("k1", Some(&b"{\"a\":1}"[..])));
        let len = r.len;
        let r = decode(&buf, MAGIC.len() + len).unwrap();
        assert_eq!((r.key, r.value), ("k1", None));
        // Any flipped byte fails the check; a cut record is incomplete.
        for i in MAGIC.len()..MAGIC.len() + len {
            let mut bad = buf.clone();
            bad[i] ^= 0x20;
            assert!(decode(&bad, MAGIC.len()).is_none(), "byte {i}");
        }
        assert!(decode(&buf[..MAGIC.len() + len - 1], MAGIC.len()).is_none());
    }
}
