//! [`RedisStore`]: conversations in Redis, shared by several servers.
//!
//! Each conversation is one string key, `cbot:{namespace}:conv:{id}`,
//! holding its record as JSON. While a server handles one of its events it
//! holds `cbot:{namespace}:lock:{id}` (`SET … NX PX`, released only by its
//! holder through a compare-and-delete script), so that two servers never
//! run events of one conversation at the same time; a crashed holder's
//! lock expires after [`LOCK_TTL`].
//!
//! The client is a small RESP2 one over blocking TCP (the store's calls are
//! made off the async runtime), with a pool of connections, timeouts on
//! every read and write, and one retry on a fresh connection when a pooled
//! one turns out to be dead.

use super::{Store, StoreError, StoreLock, StoredConversation};
use std::io::{BufRead as _, BufReader, Read as _, Write as _};
use std::net::TcpStream;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How long a lock outlives a server that died holding it.
pub const LOCK_TTL: Duration = Duration::from_secs(30);
/// How long an event waits for another server to finish with its
/// conversation.
const LOCK_WAIT: Duration = Duration::from_secs(10);
/// Bound on every network read and write.
const IO_TIMEOUT: Duration = Duration::from_secs(5);
/// Bound on one reply: far above any conversation record.
const MAX_REPLY: usize = 64 << 20;
/// Deletes the lock only if it still holds our token.
const UNLOCK: &str =
    "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

/// A Redis reply.
#[derive(Debug, PartialEq)]
enum Reply {
    Nil,
    Ok(String),
    Int(i64),
    Bulk(Vec<u8>),
    Array(Vec<Reply>),
    /// An error reply: the command failed, the connection is fine.
    Error(String),
}

/// Where and how to connect, from a `redis://` URL.
#[derive(Debug, Clone, PartialEq)]
struct Target {
    addr: String,
    user: Option<String>,
    password: Option<String>,
    db: u32,
}

fn parse_url(url: &str) -> Result<Target, String> {
    let rest = url.strip_prefix("redis://").ok_or_else(|| format!("{url:?} is not a redis:// URL"))?;
    let (authority, path) = rest.split_once('/').unwrap_or((rest, ""));
    let (credentials, host) = match authority.rsplit_once('@') {
        Some((c, h)) => (Some(c), h),
        None => (None, authority),
    };
    let (user, password) = match credentials {
        None => (None, None),
        Some(c) => match c.split_once(':') {
            Some((u, p)) => ((!u.is_empty()).then(|| u.to_string()), Some(p.to_string())),
            None => (Some(c.to_string()), None),
        },
    };
    let host = if host.is_empty() { "127.0.0.1" } else { host };
    let addr = if host.rsplit_once(':').is_some_and(|(_, p)| p.parse::<u16>().is_ok()) && !host.ends_with(']') {
        host.to_string()
    } else {
        format!("{host}:6379")
    };
    let db = if path.is_empty() {
        0
    } else {
        path.parse().map_err(|_| format!("{url:?}: {path:?} is not a database number"))?
    };
    Ok(Target { addr, user, password, db })
}

struct Conn {
    reader: BufReader<TcpStream>,
    out: Vec<u8>,
}

impl Conn {
    fn open(target: &Target) -> Result<Conn, String> {
        use std::net::ToSocketAddrs as _;
        let fail = |e: std::io::Error| format!("cannot connect to Redis at {}: {e}", target.addr);
        let addr = target
            .addr
            .to_socket_addrs()
            .map_err(fail)?
            .next()
            .ok_or_else(|| format!("{} resolves to no address", target.addr))?;
        let stream = TcpStream::connect_timeout(&addr, IO_TIMEOUT).map_err(fail)?;
        stream.set_read_timeout(Some(IO_TIMEOUT)).map_err(fail)?;
        stream.set_write_timeout(Some(IO_TIMEOUT)).map_err(fail)?;
        let _ = stream.set_nodelay(true);
        let mut conn = Conn { reader: BufReader::new(stream), out: Vec::new() };
        let setup = |reply: Reply| match reply {
            Reply::Error(e) => Err(format!("Redis at {}: {e}", target.addr)),
            _ => Ok(()),
        };
        if let Some(password) = &target.password {
            setup(match &target.user {
                Some(user) => conn.call(&[b"AUTH", user.as_bytes(), password.as_bytes()])?,
                None => conn.call(&[b"AUTH", password.as_bytes()])?,
            })?;
        }
        if target.db != 0 {
            setup(conn.call(&[b"SELECT", target.db.to_string().as_bytes()])?)?;
        }
        Ok(conn)
    }

    fn call(&mut self, args: &[&[u8]]) -> Result<Reply, String> {
        self.out.clear();
        self.out.extend_from_slice(format!("*{}\r\n", args.len()).as_bytes());
        for a in args {
            self.out.extend_from_slice(format!("${}\r\n", a.len()).as_bytes());
            self.out.extend_from_slice(a);
            self.out.extend_from_slice(b"\r\n");
        }
        self.reader.get_mut().write_all(&self.out).map_err(|e| format!("Redis: {e}"))?;
        read_reply(&mut self.reader, 0)
    }
}

fn read_line(r: &mut BufReader<TcpStream>) -> Result<String, String> {
    let mut line = Vec::new();
    r.by_ref().take(MAX_REPLY as u64).read_until(b'\n', &mut line).map_err(|e| format!("Redis: {e}"))?;
    if !line.ends_with(b"\r\n") {
        return Err("Redis closed the connection or sent a broken reply".into());
    }
    line.truncate(line.len() - 2);
    String::from_utf8(line).map_err(|_| "Redis sent a reply that is not text".into())
}

fn read_reply(r: &mut BufReader<TcpStream>, depth: usize) -> Result<Reply, String> {
    let line = read_line(r)?;
    let (kind, rest) = line.split_at_checked(1).ok_or("Redis sent an empty reply line")?;
    let number = || rest.parse::<i64>().map_err(|_| format!("Redis sent a bad length {rest:?}"));
    match kind {
        "+" => Ok(Reply::Ok(rest.to_string())),
        "-" => Ok(Reply::Error(rest.to_string())),
        ":" => Ok(Reply::Int(number()?)),
        "$" => {
            let n = number()?;
            if n < 0 {
                return Ok(Reply::Nil);
            }
            let n = usize::try_from(n).ok().filter(|&n| n <= MAX_REPLY).ok_or("Redis sent an oversized value")?;
            let mut data = vec![0; n + 2];
            r.read_exact(&mut data).map_err(|e| format!("Redis: {e}"))?;
            data.truncate(n);
            Ok(Reply::Bulk(data))
        }
        "*" if depth < 4 => {
            let n = number()?;
            if n < 0 {
                return Ok(Reply::Nil);
            }
            let n = usize::try_from(n).ok().filter(|&n| n <= 1 << 16).ok_or("Redis sent an oversized array")?;
            (0..n).map(|_| read_reply(r, depth + 1)).collect::<Result<_, _>>().map(Reply::Array)
        }
        _ => Err(format!("Redis sent a reply this client does not read: {line:?}")),
    }
}

struct Inner {
    target: Target,
    prefix: String,
    pool: Mutex<Vec<Conn>>,
}

impl Inner {
    /// Runs a command on a pooled connection; a connection that fails is
    /// dropped, and the command tried once more on a new one (all
    /// commands here are safe to repeat).
    fn call(&self, args: &[&[u8]]) -> Result<Reply, StoreError> {
        let pooled = self.pool.lock().ok().and_then(|mut p| p.pop());
        let mut last = String::new();
        for conn in [pooled, None] {
            let mut conn = match conn {
                Some(c) => c,
                None => Conn::open(&self.target).map_err(StoreError)?,
            };
            match conn.call(args) {
                Ok(Reply::Error(e)) => return Err(StoreError(format!("Redis: {e}"))),
                Ok(reply) => {
                    if let Ok(mut pool) = self.pool.lock()
                        && pool.len() < 64
                    {
                        pool.push(conn);
                    }
                    return Ok(reply);
                }
                Err(e) => last = e,
            }
        }
        Err(StoreError(last))
    }

    fn key(&self, kind: &str, id: &str) -> Vec<u8> {
        format!("{}{kind}:{id}", self.prefix).into_bytes()
    }
}

/// Conversations in Redis (module docs).
pub struct RedisStore(Arc<Inner>);

impl RedisStore {
    /// Connects to `url` (`redis://[[user]:password@]host[:port][/db]`) and
    /// checks that Redis answers. `namespace` (the bot id) keeps bots that
    /// share a Redis apart.
    pub fn open(url: &str, namespace: &str) -> Result<RedisStore, StoreError> {
        let target = parse_url(url).map_err(StoreError)?;
        let inner = Inner { target, prefix: format!("cbot:{namespace}:"), pool: Mutex::new(Vec::new()) };
        match inner.call(&[b"PING"])? {
            Reply::Ok(pong) if pong == "PONG" => Ok(RedisStore(Arc::new(inner))),
            other => Err(StoreError(format!("{url}: PING answered {other:?}"))),
        }
    }
}

impl Store for RedisStore {
    fn load(&self, id: &str) -> Result<Option<StoredConversation>, StoreError> {
        match self.0.call(&[b"GET", &self.0.key("conv", id)])? {
            Reply::Nil => Ok(None),
            Reply::Bulk(bytes) => serde_json::from_slice(&bytes)
                .map(Some)
                .map_err(|e| StoreError(format!("Redis: conversation {id:?} is damaged: {e}"))),
            other => Err(StoreError(format!("Redis: GET answered {other:?}"))),
        }
    }

    fn save(&self, id: &str, conversation: &StoredConversation) -> Result<(), StoreError> {
        let bytes = serde_json::to_vec(conversation).map_err(|e| StoreError(e.to_string()))?;
        self.0.call(&[b"SET", &self.0.key("conv", id), &bytes])?;
        Ok(())
    }

    fn delete(&self, id: &str) -> Result<(), StoreError> {
        self.0.call(&[b"DEL", &self.0.key("conv", id)])?;
        Ok(())
    }

    fn shared(&self) -> bool {
        true
    }

    fn lock(&self, id: &str) -> Result<StoreLock, StoreError> {
        let key = self.0.key("lock", id);
        let token = lock_token();
        let ttl = LOCK_TTL.as_millis().to_string();
        let deadline = Instant::now() + LOCK_WAIT;
        let mut pause = Duration::from_millis(1);
        loop {
            if let Reply::Ok(_) = self.0.call(&[b"SET", &key, token.as_bytes(), b"NX", b"PX", ttl.as_bytes()])? {
                break;
            }
            if Instant::now() >= deadline {
                return Err(StoreError(format!(
                    "conversation {id:?} has been held by another server for over {} s",
                    LOCK_WAIT.as_secs()
                )));
            }
            std::thread::sleep(pause);
            pause = (pause * 2).min(Duration::from_millis(20));
        }
        let inner = self.0.clone();
        Ok(StoreLock::new(move || {
            if let Err(e) = inner.call(&[b"EVAL", UNLOCK.as_bytes(), b"1", &key, token.as_bytes()]) {
                // It expires by itself after LOCK_TTL.
                tracing::warn!("cannot release a conversation lock: {e}");
            }
        }))
    }
}

/// A token no other holder has: this process, a counter, the time.
fn lock_token() -> String {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos());
    format!("{}-{}-{nanos}", std::process::id(), NEXT.fetch_add(1, Ordering::Relaxed))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls() {
        let t = |addr: &str, user: Option<&str>, password: Option<&str>, db| Target {
            addr: addr.into(),
            user: user.map(Into::into),
            password: password.map(Into::into),
            db,
        };
        assert_eq!(parse_url("redis://127.0.0.1:6380"), Ok(t("127.0.0.1:6380", None, None, 0)));
        assert_eq!(parse_url("redis://cache"), Ok(t("cache:6379", None, None, 0)));
        assert_eq!(parse_url("redis://:s3cret@cache:7000/2"), Ok(t("cache:7000", None, Some("s3cret"), 2)));
        assert_eq!(parse_url("redis://bot:pw@cache/1"), Ok(t("cache:6379", Some("bot"), Some("pw"), 1)));
        assert_eq!(parse_url("redis://[::1]:6379"), Ok(t("[::1]:6379", None, None, 0)));
        assert_eq!(parse_url("redis://[::1]"), Ok(t("[::1]:6379", None, None, 0)));
        assert!(parse_url("http://x").is_err());
        assert!(parse_url("redis://x/notanumber").is_err());
    }
}
