//! Conversation stores of `cbot serve`: the embedded log (reopened, cut
//! short by a crash, compacted, written from many threads at once) and
//! Redis shared by two real server processes.

use crate::util::root;
use cbot_engine::{Config, ConversationConfig, Engine};
use cbot_server::{LogOptions, LogStore, RedisStore, Store, StoredConversation};
use serde_json::{Value, json};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};

/// A fresh directory under target/.
fn scratch(name: &str) -> PathBuf {
    let dir = root().join("target/store-tests").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

/// Records of real conversations: the context-switch bot after `turns`
/// of its messages, so records differ in stack and variables.
fn record(turns: usize, tag: &str) -> StoredConversation {
    let engine = Engine::new(&Config::default()).unwrap();
    let bot = engine.load_bot(root().join("tests/data/bots/context-switch.json")).unwrap();
    let mut conversation = bot.start(ConversationConfig::default());
    for m in ["order", "what are your hours", "weekday", "large"].iter().take(turns) {
        conversation.send(m);
    }
    StoredConversation {
        bot_id: "b1".into(),
        environment: "draft".into(),
        sdes: json!({ "tag": tag }),
        context: Value::Null,
        state: conversation.snapshot(),
    }
}

#[test]
fn the_log_keeps_conversations_across_reopening() {
    let dir = scratch("reopen");
    let (a, b, c) = (record(1, "a"), record(2, "b"), record(3, "c"));
    {
        let store = LogStore::open(&dir).unwrap();
        assert!(store.load("a").unwrap().is_none());
        store.save("a", &record(0, "old a")).unwrap();
        store.save("a", &a).unwrap();
        store.save("b", &b).unwrap();
        store.save("c", &c).unwrap();
        store.delete("c").unwrap();
        store.delete("never-there").unwrap();
        assert_eq!(store.load("a").unwrap().as_ref(), Some(&a));
        assert_eq!(store.len(), 2);
    }
    let store = LogStore::open(&dir).unwrap();
    assert_eq!(store.load("a").unwrap(), Some(a));
    assert_eq!(store.load("b").unwrap(), Some(b));
    assert_eq!(store.load("c").unwrap(), None);
    assert_eq!(store.len(), 2);
}

/// A crash in the middle of a write leaves a record cut short at the end
/// of the log: on open it is moved aside (not lost), the log is cut there,
/// and every earlier record is intact and writable after.
#[test]
fn a_write_cut_short_is_set_aside_and_the_rest_kept() {
    let dir = scratch("torn");
    let (a, b) = (record(1, "a"), record(2, "b"));
    {
        let store = LogStore::open(&dir).unwrap();
        store.save("a", &a).unwrap();
        store.save("b", &b).unwrap();
    }
    let log = dir.join("conversations.log");
    let whole = std::fs::metadata(&log).unwrap().len();
    // The start of a record (a key of 3 bytes, a value of 900) whose end
    // never reached the disk.
    let torn = [&3u32.to_le_bytes()[..], &900u32.to_le_bytes(), &[0xab; 4], b"k-3", b"{\"bot_id\":"].concat();
    std::io::Write::write_all(&mut std::fs::OpenOptions::new().append(true).open(&log).unwrap(), &torn).unwrap();
    {
        let store = LogStore::open(&dir).unwrap();
        assert_eq!(store.load("a").unwrap().as_ref(), Some(&a));
        assert_eq!(store.load("b").unwrap().as_ref(), Some(&b));
        assert_eq!(store.load("k-3").unwrap(), None);
        assert_eq!(std::fs::metadata(&log).unwrap().len(), whole);
        store.save("c", &a).unwrap();
    }
    let aside: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with("conversations.log.damaged-"))
        .collect();
    assert_eq!(aside.len(), 1, "{aside:?}");
    assert_eq!(std::fs::read(&aside[0]).unwrap(), torn);
    let store = LogStore::open(&dir).unwrap();
    assert_eq!(store.load("c").unwrap(), Some(a));
    assert_eq!(store.len(), 3);
}

#[test]
fn the_log_is_compacted_to_its_live_records() {
    let dir = scratch("compact");
    let records: Vec<StoredConversation> = (0..4).map(|t| record(t, "x")).collect();
    let options = LogOptions { sync: false, compact_at: 16 << 10, ..LogOptions::default() };
    {
        let store = LogStore::open_with(&dir, options).unwrap();
        for round in 0..300 {
            for id in 0..5 {
                store.save(&format!("c{id}"), &records[(round + id) % 4]).unwrap();
            }
        }
        store.delete("c4").unwrap();
        let stats = store.stats();
        assert!(stats.compactions >= 10, "{stats:?}");
        // Never much more than twice the live records, or the threshold.
        let live: u64 = (0..4).map(|i| serde_json::to_vec(&records[i]).unwrap().len() as u64 + 14).sum();
        assert!(store.file_len() < (2 * live).max(16 << 10) + 8 * 1024, "{} vs {live}", store.file_len());
    }
    let store = LogStore::open_with(&dir, options).unwrap();
    for id in 0..4 {
        assert_eq!(store.load(&format!("c{id}")).unwrap().as_ref(), Some(&records[(299 + id) % 4]), "c{id}");
    }
    assert_eq!(store.load("c4").unwrap(), None);
}

/// Saves from many threads at once are committed in groups (fewer disk
/// syncs than saves), and each thread's last save is what is read back.
#[test]
fn concurrent_saves_are_committed_together() {
    let dir = scratch("group");
    let records: Vec<StoredConversation> = (0..4).map(|t| record(t, "g")).collect();
    let store = LogStore::open(&dir).unwrap();
    std::thread::scope(|s| {
        for t in 0..16 {
            let (store, records) = (&store, &records);
            s.spawn(move || {
                for i in 0..40 {
                    store.save(&format!("t{t}"), &records[(t + i) % 4]).unwrap();
                }
            });
        }
    });
    let stats = store.stats();
    assert_eq!(stats.records, 640);
    assert!(stats.commits < stats.records, "{stats:?}");
    drop(store);
    let store = LogStore::open(&dir).unwrap();
    for t in 0..16 {
        assert_eq!(store.load(&format!("t{t}")).unwrap().as_ref(), Some(&records[(t + 39) % 4]));
    }
}

#[test]
fn a_store_directory_serves_one_process_and_only_cbot_logs() {
    let dir = scratch("exclusive");
    let first = LogStore::open(&dir).unwrap();
    let second = LogStore::open(&dir).err().expect("a second opener is refused");
    assert!(second.to_string().contains("in use by another cbot process"), "{second}");
    drop(first);
    LogStore::open(&dir).unwrap();
    let other = scratch("not-a-log");
    std::fs::create_dir_all(&other).unwrap();
    std::fs::write(other.join("conversations.log"), "hello").unwrap();
    let e = LogStore::open(&other).err().expect("refused");
    assert!(e.to_string().contains("is not a cbot conversation log"), "{e}");
}

/// A Redis for the test: `$CBOT_TEST_REDIS` (what `.ci/run` starts), else
/// a `redis-server` of our own on a free port, else none (the test is
/// skipped, unless `CBOT_REQUIRE_REDIS=1` says it must run).
struct Redis {
    url: String,
    child: Option<Child>,
}

impl Drop for Redis {
    fn drop(&mut self) {
        if let Some(c) = &mut self.child {
            let _ = c.kill();
            let _ = c.wait();
        }
    }
}

fn redis() -> Option<Redis> {
    if let Ok(url) = std::env::var("CBOT_TEST_REDIS") {
        return Some(Redis { url, child: None });
    }
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let child = Command::new("redis-server")
        .args(["--port", &port.to_string(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"])
        .stdout(Stdio::null())
        .spawn();
    let Ok(child) = child else {
        assert!(
            std::env::var("CBOT_REQUIRE_REDIS").is_err(),
            "redis-server is required (CBOT_REQUIRE_REDIS) but missing"
        );
        eprintln!("skipped: no redis-server (set CBOT_TEST_REDIS=redis://… or install redis-server)");
        return None;
    };
    let redis = Redis { url: format!("redis://127.0.0.1:{port}"), child: Some(child) };
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while RedisStore::open(&redis.url, "probe").is_err() {
        assert!(std::time::Instant::now() < deadline, "redis-server did not start on {port}");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    Some(redis)
}

/// A namespace no other test run uses (a shared CI Redis outlives runs).
fn namespace(test: &str) -> String {
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos();
    format!("{test}-{}-{nanos}", std::process::id())
}

#[test]
fn redis_stores_and_locks_conversations() {
    let Some(redis) = redis() else { return };
    let ns = namespace("locks");
    let store = RedisStore::open(&redis.url, &ns).unwrap();
    assert!(store.shared());
    let a = record(2, "a");
    assert_eq!(store.load("a").unwrap(), None);
    store.save("a", &a).unwrap();
    assert_eq!(store.load("a").unwrap().as_ref(), Some(&a));
    // Another namespace (another bot) does not see it.
    assert_eq!(RedisStore::open(&redis.url, &format!("{ns}-other")).unwrap().load("a").unwrap(), None);
    store.delete("a").unwrap();
    assert_eq!(store.load("a").unwrap(), None);

    // A held conversation waits for its holder, in another "server".
    let other = RedisStore::open(&redis.url, &ns).unwrap();
    let order = std::sync::Mutex::new(Vec::new());
    let held = store.lock("a").unwrap();
    std::thread::scope(|s| {
        s.spawn(|| {
            let _l = other.lock("a").unwrap();
            order.lock().unwrap().push("second holds");
        });
        std::thread::sleep(std::time::Duration::from_millis(100));
        order.lock().unwrap().push("first releases");
        drop(held);
    });
    assert_eq!(*order.lock().unwrap(), ["first releases", "second holds"]);
    // Other conversations are not held.
    let _x = store.lock("x").unwrap();
    let _y = other.lock("y").unwrap();
}

/// Two real servers on one Redis take turns answering one conversation:
/// each continues where the other left it (a question waiting below the
/// current dialog comes back on the other server).
#[test]
fn two_servers_share_a_conversation_through_redis() {
    let Some(redis) = redis() else { return };
    let ns = namespace("share");
    let a = Server::start(&redis.url, &ns);
    let b = Server::start(&redis.url, &ns);
    assert_eq!(
        ureq::put(&a.conv("k-1")).set("content-type", "application/json").send_string("{}").unwrap().status(),
        204
    );
    // The PUT is idempotent across servers too.
    assert_eq!(
        ureq::put(&b.conv("k-1")).set("content-type", "application/json").send_string("{}").unwrap().status(),
        204
    );
    assert_eq!(a.post("k-1", "order")["response"][0]["data"]["message"], "What size?");
    assert_eq!(b.post("k-1", "what are your hours")["response"][0]["data"]["message"], "Weekday or weekend?");
    let body = a.post("k-1", "weekday");
    assert_eq!(
        body["response"],
        json!([
            { "type": "TEXT", "data": { "message": "Open 9 to 5, weekdays only." } },
            { "type": "TEXT", "data": { "message": "What size?" } }
        ]),
        "{body}"
    );
    let closed = ureq::post(&format!("{}/events", b.conv("k-1")))
        .set("content-type", "application/json")
        .send_string(r#"{"type":"CLOSE_CONVERSATION"}"#)
        .unwrap();
    assert_eq!(closed.status(), 200);
    let gone = ureq::post(&format!("{}/events", a.conv("k-1")))
        .set("content-type", "application/json")
        .send_string(&json!({ "type": "TEXT", "data": { "message": "large" } }).to_string());
    assert!(matches!(gone, Err(ureq::Error::Status(404, _))), "{gone:?}");
}

/// A real `cbot serve` on loopback, killed when dropped.
struct Server {
    _served: crate::util::Served,
    base: String,
}

impl Server {
    fn start(state: &str, bot_id: &str) -> Server {
        let served = crate::util::Served::start(&[
            "tests/data/bots/context-switch.json",
            "--offline",
            "--addr",
            "127.0.0.1:0",
            "--state",
            state,
            "--bot-id",
            bot_id,
        ]);
        let addr = served.addr();
        Server { _served: served, base: format!("http://{addr}/v1/bots/{bot_id}/environments/draft/conversations") }
    }

    fn conv(&self, id: &str) -> String {
        format!("{}/{id}", self.base)
    }

    fn post(&self, id: &str, message: &str) -> Value {
        let r = ureq::post(&format!("{}/events", self.conv(id)))
            .set("content-type", "application/json")
            .send_string(&json!({ "type": "TEXT", "data": { "message": message } }).to_string());
        serde_json::from_str(&r.unwrap().into_string().unwrap()).unwrap()
    }
}
