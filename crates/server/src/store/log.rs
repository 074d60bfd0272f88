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
//! One writer thread takes the saves of all conversations that arrive
//! while it is busy and commits them with one `write` and one
//! `fdatasync` (group commit): a save returns once its record is on disk,
//! and a busy server pays one disk sync per batch, not per event.
//!
//! A crash can only cut the last batch short. On open, the first record
//! that is incomplete or fails its CRC ends the log: the bytes from there
//! are moved aside to `conversations.log.damaged-<unix time>` (never just
//! dropped) and the log is cut there, so every conversation is at a state
//! it had after one of its events.
//!
//! When the file is more than twice the size of its live records (and
//! past [`LogOptions::compact_at`]), the writer rewrites it with only the
//! live records, syncs the copy and renames it over the log.

use super::{GONE, Saving, Store, StoreError, StoredConversation};
use std::collections::HashMap;
use std::fs::File;
use std::io::Write as _;
use std::os::unix::fs::FileExt as _;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, mpsc};

/// The first bytes of a log file: its format and version.
const MAGIC: &[u8; 16] = b"cbot-store-log1\n";
/// Bytes before a record's key.
const HEADER: usize = 12;
/// The value length of a deletion.
const DELETED: u32 = u32::MAX;
/// Saves committed together at most.
const MAX_BATCH: usize = 4096;

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
}

impl Default for LogOptions {
    fn default() -> Self {
        LogOptions { sync: true, compact_at: 64 << 20 }
    }
}

/// Where a live key's value is.
#[derive(Debug, Clone, Copy)]
struct Loc {
    offset: u64,
    len: u32,
}

/// What readers and the writer share.
struct Shared {
    /// The log (read and append); replaced by compaction.
    file: Arc<File>,
    index: HashMap<String, Loc>,
    /// Bytes of the live keys' records.
    live: u64,
    /// Set when a failed write could not be undone: the file's end is
    /// unknown, so nothing more is written.
    broken: Option<String>,
    stats: LogStats,
}

/// What a [`LogStore`] has written since it was opened.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LogStats {
    /// Saves and deletions committed.
    pub records: u64,
    /// Writes (each followed by a disk sync when syncing) that committed
    /// them: fewer than `records` when saves were grouped.
    pub commits: u64,
    /// Compactions.
    pub compactions: u64,
}

struct Job {
    key: String,
    /// `None` deletes.
    value: Option<Vec<u8>>,
    done: tokio::sync::oneshot::Sender<Result<(), String>>,
}

/// The embedded conversation store: one append-only log file in a
/// directory (module docs). One process at a time may use a directory.
pub struct LogStore {
    path: PathBuf,
    shared: Arc<Mutex<Shared>>,
    jobs: Option<mpsc::Sender<Job>>,
    writer: Option<std::thread::JoinHandle<()>>,
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
    let head = data.get(at..at + HEADER)?;
    let word = |i: usize| u32::from_le_bytes([head[i], head[i + 1], head[i + 2], head[i + 3]]);
    let (key_len, value_len, crc) = (word(0) as usize, word(4), word(8));
    let body_len = if value_len == DELETED { 0 } else { value_len as usize };
    let key_at = at + HEADER;
    let body = data.get(key_at..key_at.checked_add(key_len)?.checked_add(body_len)?)?;
    let mut check = crc32fast::Hasher::new();
    check.update(&head[..8]);
    check.update(body);
    if check.finalize() != crc {
        return None;
    }
    let key = std::str::from_utf8(&body[..key_len]).ok()?;
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
            std::fs::write(&aside, &data[at..]).map_err(io_error("write", &aside))?;
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
            index,
            live,
            broken: None,
            stats: LogStats::default(),
        }));
        let (jobs, queue) = mpsc::channel();
        let writer = Writer { path: path.clone(), dir: dir.clone(), shared: shared.clone(), options, end };
        let writer = std::thread::Builder::new()
            .name("cbot-store".into())
            .spawn(move || writer.run(queue))
            .map_err(|e| StoreError(format!("cannot start the store's writer: {e}")))?;
        Ok(LogStore { path, shared, jobs: Some(jobs), writer: Some(writer), _dir_lock: dir_lock })
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

    fn submit(&self, key: &str, value: Option<Vec<u8>>) -> Saving {
        let (done, wait) = tokio::sync::oneshot::channel();
        let job = Job { key: key.to_string(), value, done };
        match self.jobs.as_ref().map(|jobs| jobs.send(job)) {
            Some(Ok(())) => Saving::Pending(wait),
            _ => Saving::Done(Err(StoreError(GONE.into()))),
        }
    }
}

impl Drop for LogStore {
    fn drop(&mut self) {
        // The writer ends when its queue closes, after the jobs in it.
        self.jobs = None;
        if let Some(w) = self.writer.take() {
            let _ = w.join();
        }
    }
}

impl Store for LogStore {
    fn load(&self, id: &str) -> Result<Option<StoredConversation>, StoreError> {
        let (file, loc) = {
            let shared = self.shared.lock().map_err(|_| StoreError("store lock poisoned".into()))?;
            match shared.index.get(id) {
                Some(&loc) => (shared.file.clone(), loc),
                None => return Ok(None),
            }
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
                return Saving::Done(Err(StoreError(why)));
            }
            Err(e) => return Saving::Done(Err(StoreError(e.to_string()))),
        };
        self.submit(id, Some(bytes))
    }

    fn delete(&self, id: &str) -> Result<(), StoreError> {
        self.submit(id, None).wait_blocking()
    }

    fn delete_begin(&self, id: &str) -> Saving {
        self.submit(id, None)
    }
}

/// The thread that appends to the log.
struct Writer {
    path: PathBuf,
    dir: PathBuf,
    shared: Arc<Mutex<Shared>>,
    options: LogOptions,
    /// Where the next record goes.
    end: u64,
}

impl Writer {
    fn run(mut self, queue: mpsc::Receiver<Job>) {
        let mut batch = Vec::new();
        let mut buf = Vec::new();
        let mut locs = Vec::new();
        while let Ok(first) = queue.recv() {
            batch.push(first);
            while batch.len() < MAX_BATCH {
                match queue.try_recv() {
                    Ok(job) => batch.push(job),
                    Err(_) => break,
                }
            }
            let result = self.commit(&batch, &mut buf, &mut locs);
            for job in batch.drain(..) {
                let _ = job.done.send(result.clone());
            }
            if result.is_ok()
                && let Err(e) = self.maybe_compact()
            {
                // The log is still whole: compaction only renames a
                // complete, synced copy over it.
                tracing::error!("{e}");
            }
        }
    }

    /// Appends the batch's records and updates the index.
    fn commit(&mut self, batch: &[Job], buf: &mut Vec<u8>, locs: &mut Vec<u64>) -> Result<(), String> {
        let file = {
            let shared = self.shared.lock().map_err(|_| "store lock poisoned".to_string())?;
            if let Some(why) = &shared.broken {
                return Err(why.clone());
            }
            shared.file.clone()
        };
        buf.clear();
        locs.clear();
        for job in batch {
            locs.push(self.end + (buf.len() + HEADER + job.key.len()) as u64);
            encode(buf, &job.key, job.value.as_deref());
        }
        let written = (&*file).write_all(buf).and_then(|()| if self.options.sync { file.sync_data() } else { Ok(()) });
        let mut shared = self.shared.lock().map_err(|_| "store lock poisoned".to_string())?;
        if let Err(e) = written {
            // Cut a partial write off, or later records would follow
            // garbage and be lost on the next open.
            let why = format!("cannot write {}: {e}", self.path.display());
            if let Err(e2) = file.set_len(self.end) {
                shared.broken = Some(format!("{why}; and cannot undo the partial write: {e2}"));
            }
            return Err(why);
        }
        for (job, &offset) in batch.iter().zip(locs.iter()) {
            let size = (HEADER + job.key.len() + job.value.as_ref().map_or(0, Vec::len)) as u64;
            let old = match &job.value {
                Some(v) => shared.index.insert(job.key.clone(), Loc { offset, len: v.len() as u32 }),
                None => shared.index.remove(&job.key),
            };
            if let Some(old) = old {
                shared.live -= (HEADER + job.key.len()) as u64 + u64::from(old.len);
            }
            if job.value.is_some() {
                shared.live += size;
            }
        }
        self.end += buf.len() as u64;
        shared.stats.records += batch.len() as u64;
        shared.stats.commits += 1;
        Ok(())
    }

    fn maybe_compact(&mut self) -> Result<(), String> {
        let (file, entries) = {
            let shared = self.shared.lock().map_err(|_| "store lock poisoned".to_string())?;
            if self.end < self.options.compact_at || self.end < 2 * (shared.live + MAGIC.len() as u64) {
                return Ok(());
            }
            let entries: Vec<(String, Loc)> = shared.index.iter().map(|(k, &l)| (k.clone(), l)).collect();
            (shared.file.clone(), entries)
        };
        let tmp = self.path.with_extension("log.compact");
        let fail = |what: &str, e: std::io::Error| format!("cannot {what} {}: {e}", tmp.display());
        let mut out = std::io::BufWriter::new(File::create(&tmp).map_err(|e| fail("create", e))?);
        out.write_all(MAGIC).map_err(|e| fail("write", e))?;
        let mut at = MAGIC.len() as u64;
        let mut index = HashMap::with_capacity(entries.len());
        let mut value = Vec::new();
        let mut record = Vec::new();
        for (key, loc) in entries {
            value.resize(loc.len as usize, 0);
            file.read_exact_at(&mut value, loc.offset)
                .map_err(|e| format!("cannot read {}: {e}", self.path.display()))?;
            record.clear();
            encode(&mut record, &key, Some(&value));
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
        let mut shared = self.shared.lock().map_err(|_| "store lock poisoned".to_string())?;
        tracing::info!("{}: compacted from {} to {at} bytes", self.path.display(), self.end);
        shared.file = Arc::new(file);
        shared.index = index;
        shared.live = at - MAGIC.len() as u64;
        shared.stats.compactions += 1;
        self.end = at;
        Ok(())
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
