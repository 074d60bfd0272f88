//! `cbot serve` under load with faults (issue 12; docs/security.md):
//! client connections cut mid-request, the server SIGKILLed and restarted
//! on its state, and (on the Redis store) Redis itself killed and
//! restarted. The witness is tests/data/serve/counter: every answered event
//! advances the conversation's count by one and names the message it
//! answered, so a client knows exactly which counts are possible:
//!
//! - an answered event (2xx) was stored before its answer left
//!   (docs/serve.md, "State"): no later answer may show a count below it —
//!   that would be a **lost** event;
//! - an event whose outcome the client cannot know (its connection was cut
//!   after the request went out, the server died, a 5xx) may or may not
//!   have been applied, once: a count above the answered ones plus the
//!   unknown ones, or an answer naming another message, is **corrupted**;
//! - a request cut before it was complete must change nothing.
//!
//! Run `cargo test --test all stress -- --nocapture` to see the reports.

use crate::util::{Served, root};
use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering::Relaxed};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

const CLIENTS: usize = 6;
const CONVERSATIONS_PER_CLIENT: usize = 4;

/// What the clients saw, summed.
#[derive(Default)]
struct Counters {
    sent: AtomicU64,
    answered: AtomicU64,
    unknown: AtomicU64,
    cut_after_request: AtomicU64,
    cut_mid_request: AtomicU64,
    refused: AtomicU64,
    lost: AtomicU64,
    corrupted: AtomicU64,
}

/// One conversation as its client knows it.
struct Conv {
    id: String,
    /// The highest count an answer has shown.
    answered: u64,
    /// Events that may have been applied without the client seeing it.
    unknown: u64,
}

/// How one request ended.
enum Outcome {
    /// Status and body.
    Answer(u16, String),
    /// The request went out whole and no answer came back.
    Unknown,
    /// Nothing (or an incomplete request) reached the server.
    NotSent,
}

/// A keep-alive HTTP/1.1 client that can cut its connection on purpose.
struct Client {
    addr: Arc<RwLock<String>>,
    conn: Option<TcpStream>,
}

impl Client {
    fn request(&mut self, method: &str, path: &str, body: &str, cut: Cut) -> Outcome {
        let addr = self.addr.read().unwrap().clone();
        if self.conn.is_none() {
            match TcpStream::connect(&addr) {
                Ok(s) => {
                    s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
                    s.set_nodelay(true).unwrap();
                    self.conn = Some(s);
                }
                Err(_) => return Outcome::NotSent,
            }
        }
        let request = format!(
            "{method} {path} HTTP/1.1\r\nhost: {addr}\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n{body}",
            body.len()
        );
        let stream = self.conn.as_mut().unwrap();
        if let Cut::MidRequest = cut {
            // Half the request, then gone: the server must not act on it.
            let _ = stream.write_all(&request.as_bytes()[..request.len() - body.len() / 2 - 1]);
            self.conn = None;
            return Outcome::NotSent;
        }
        if stream.write_all(request.as_bytes()).is_err() {
            // A stale keep-alive connection (the server restarted): nothing
            // or part of the request went out. A part cannot be acted on.
            self.conn = None;
            return Outcome::NotSent;
        }
        if let Cut::AfterRequest = cut {
            self.conn = None;
            return Outcome::Unknown;
        }
        match read_response(stream) {
            Some((status, body, close)) => {
                if close {
                    self.conn = None;
                }
                Outcome::Answer(status, body)
            }
            None => {
                self.conn = None;
                Outcome::Unknown
            }
        }
    }
}

#[derive(Clone, Copy)]
enum Cut {
    No,
    AfterRequest,
    MidRequest,
}

/// Status, body and whether the server closes the connection; `None` if
/// the connection broke first.
fn read_response(stream: &mut TcpStream) -> Option<(u16, String, bool)> {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 4096];
    let head_end = loop {
        if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            break i + 4;
        }
        let n = stream.read(&mut chunk).ok().filter(|&n| n > 0)?;
        buf.extend_from_slice(&chunk[..n]);
    };
    let head = String::from_utf8_lossy(&buf[..head_end]).to_ascii_lowercase();
    let status = head.split_whitespace().nth(1)?.parse().ok()?;
    let len: usize =
        head.lines().find_map(|l| l.strip_prefix("content-length:")).map_or(Some(0), |v| v.trim().parse().ok())?;
    let close = head.lines().any(|l| l.starts_with("connection:") && l.contains("close"));
    while buf.len() < head_end + len {
        let n = stream.read(&mut chunk).ok().filter(|&n| n > 0)?;
        buf.extend_from_slice(&chunk[..n]);
    }
    Some((status, String::from_utf8_lossy(&buf[head_end..head_end + len]).into_owned(), close))
}

/// A tiny deterministic random source per client (xorshift).
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

const BASE: &str = "/v1/bots/b1/environments/draft/conversations";

/// One client's loop: its conversations, events until `stop`, then one
/// clean event per conversation (so every conversation is checked after
/// the last fault).
fn client(
    n: usize,
    addr: Arc<RwLock<String>>,
    stop: Arc<AtomicBool>,
    counters: Arc<Counters>,
    log: Arc<Mutex<Vec<String>>>,
) {
    let mut http = Client { addr, conn: None };
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15 ^ (n as u64 + 1).wrapping_mul(0x2545_f491_4f6c_dd1d));
    let mut convs: Vec<Conv> = (0..CONVERSATIONS_PER_CLIENT)
        .map(|i| Conv { id: format!("c{n}-{i}-{}", std::process::id()), answered: 0, unknown: 0 })
        .collect();
    let retry_until = |what: &mut dyn FnMut() -> bool| {
        let deadline = Instant::now() + Duration::from_secs(60);
        while !what() {
            assert!(Instant::now() < deadline, "the server did not come back within 60 s");
            std::thread::sleep(Duration::from_millis(20));
        }
    };
    for conv in &convs {
        let path = format!("{BASE}/{}", conv.id);
        retry_until(&mut || matches!(http.request("PUT", &path, "{}", Cut::No), Outcome::Answer(204, _)));
    }
    let mut seq = 0u64;
    // true when the conversation's fate is known (answered, or lost).
    let mut event = |conv: &mut Conv, cut: Cut, http: &mut Client| -> bool {
        seq += 1;
        let message = format!("m{seq}");
        let body = format!(r#"{{"type":"TEXT","data":{{"message":"{message}"}}}}"#);
        counters.sent.fetch_add(1, Relaxed);
        match http.request("POST", &format!("{BASE}/{}/events", conv.id), &body, cut) {
            Outcome::Answer(200, body) => {
                counters.answered.fetch_add(1, Relaxed);
                let v: serde_json::Value = serde_json::from_str(&body).unwrap_or_default();
                let text = v["response"][0]["data"]["message"].as_str().unwrap_or("").to_string();
                let (count, after) = text.split_once(" after ").unwrap_or(("", ""));
                let count: u64 = count.parse().unwrap_or(0);
                let low = conv.answered + 1;
                let high = conv.answered + 1 + conv.unknown;
                if count < low {
                    counters.lost.fetch_add(1, Relaxed);
                    log.lock()
                        .unwrap()
                        .push(format!("LOST {}: answered {} before, now {text:?}", conv.id, conv.answered));
                } else if count > high || after != message {
                    counters.corrupted.fetch_add(1, Relaxed);
                    log.lock()
                        .unwrap()
                        .push(format!("CORRUPTED {}: expected {low}..={high} after {message}, got {text:?}", conv.id));
                }
                // What is left unknown: the events that were not applied
                // before this one may still be (they were never answered).
                conv.unknown = high.saturating_sub(count.max(low));
                conv.answered = count.max(conv.answered);
                true
            }
            Outcome::Answer(status, body) if status >= 500 => {
                // 500: the save failed and may or may not have reached the
                // store; 503: the store was unreachable (nothing done).
                counters.unknown.fetch_add(1, Relaxed);
                conv.unknown += 1;
                log.lock().unwrap().push(format!("{} {status}: {body}", conv.id));
                false
            }
            Outcome::Answer(status, body) => {
                // 404: the server forgot a conversation it acknowledged.
                counters.lost.fetch_add(1, Relaxed);
                log.lock().unwrap().push(format!("LOST {}: {status} {body}", conv.id));
                true
            }
            Outcome::Unknown => {
                counters.unknown.fetch_add(1, Relaxed);
                conv.unknown += 1;
                false
            }
            Outcome::NotSent => {
                counters.refused.fetch_add(1, Relaxed);
                false
            }
        }
    };
    while !stop.load(Relaxed) {
        let i = rng.below(convs.len() as u64) as usize;
        let cut = match rng.below(100) {
            0..3 => {
                counters.cut_after_request.fetch_add(1, Relaxed);
                Cut::AfterRequest
            }
            3..5 => {
                counters.cut_mid_request.fetch_add(1, Relaxed);
                Cut::MidRequest
            }
            _ => Cut::No,
        };
        if !event(&mut convs[i], cut, &mut http) && matches!(cut, Cut::No) {
            std::thread::sleep(Duration::from_millis(10));
        }
    }
    for conv in &mut convs {
        retry_until(&mut || event(conv, Cut::No, &mut http));
    }
}

/// The report's line and whether it is clean.
fn report(name: &str, counters: &Counters, faults: &str, seconds: f64) -> (String, bool) {
    let get = |c: &AtomicU64| c.load(Relaxed);
    let line = format!(
        "stress ({name}): {} conversations, {:.1} s, {} events sent, {} answered, {} outcome unknown, {} not sent; \
         faults: {} connections cut after the request, {} cut mid-request, {faults}; LOST {}, CORRUPTED {}",
        CLIENTS * CONVERSATIONS_PER_CLIENT,
        seconds,
        get(&counters.sent),
        get(&counters.answered),
        get(&counters.unknown),
        get(&counters.refused),
        get(&counters.cut_after_request),
        get(&counters.cut_mid_request),
        get(&counters.lost),
        get(&counters.corrupted),
    );
    (line, get(&counters.lost) == 0 && get(&counters.corrupted) == 0)
}

/// Runs the clients for `seconds`, calling `fault(k)` every `every`; then
/// the final clean round. Panics with the log unless nothing was lost or
/// corrupted.
fn run(name: &str, addr: Arc<RwLock<String>>, seconds: f64, every: Duration, mut fault: impl FnMut(usize) -> String) {
    let stop = Arc::new(AtomicBool::new(false));
    let counters = Arc::new(Counters::default());
    let log = Arc::new(Mutex::new(Vec::new()));
    let started = Instant::now();
    let clients: Vec<_> = (0..CLIENTS)
        .map(|n| {
            let (addr, stop, counters, log) = (addr.clone(), stop.clone(), counters.clone(), log.clone());
            std::thread::spawn(move || client(n, addr, stop, counters, log))
        })
        .collect();
    let mut faults = String::new();
    let mut k = 0;
    while started.elapsed().as_secs_f64() < seconds {
        std::thread::sleep(every);
        k += 1;
        faults = fault(k);
    }
    stop.store(true, Relaxed);
    for c in clients {
        c.join().expect("a client panicked");
    }
    let (line, clean) = report(name, &counters, &faults, started.elapsed().as_secs_f64());
    eprintln!("{line}");
    let log = log.lock().unwrap();
    assert!(clean, "{line}\n{}", log.join("\n"));
    assert!(counters.answered.load(Relaxed) > 100, "too few answers to show anything: {line}\n{}", log.join("\n"));
}

fn serve(state: &str, port: u16, extra: &[&str]) -> Served {
    let port = format!("127.0.0.1:{port}");
    let mut args = vec!["tests/data/serve/counter", "--offline", "--addr", &port, "--state", state];
    args.extend(["--bot-id", "b1", "--log-level", "warn"]);
    args.extend(extra);
    Served::start(&args)
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// Waits until something answers on `port`.
fn wait_listening(port: u16) {
    let deadline = Instant::now() + Duration::from_secs(60);
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "nothing listens on {port} after 60 s");
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// The embedded log store: connections cut both ways, and the server
/// SIGKILLed and restarted on its directory every 1.5 s.
#[test]
fn stress_with_faults_loses_no_conversation() {
    log_store_stress("log store", "target/stress-log-state", &[]);
}

/// The same without disk syncs: a save is written by the request's own
/// thread before it is answered, so a killed server loses none either.
#[test]
fn stress_with_faults_loses_no_conversation_without_fsync() {
    log_store_stress("log store, --no-fsync", "target/stress-log-nofsync", &["--no-fsync"]);
}

fn log_store_stress(name: &str, dir: &str, extra: &[&str]) {
    let state = root().join(dir);
    let _ = std::fs::remove_dir_all(&state);
    let state = state.to_str().unwrap().to_string();
    let port = free_port();
    let server = Arc::new(Mutex::new(Some(serve(&state, port, extra))));
    wait_listening(port);
    let addr = Arc::new(RwLock::new(format!("127.0.0.1:{port}")));
    let kills = AtomicU64::new(0);
    run(name, addr, 7.0, Duration::from_millis(1500), |_| {
        let mut server = server.lock().unwrap();
        drop(server.take()); // SIGKILL: no flush, no shutdown.
        kills.fetch_add(1, Relaxed);
        *server = Some(serve(&state, port, extra));
        wait_listening(port);
        format!("{} server SIGKILLs and restarts", kills.load(Relaxed))
    });
}

/// A Redis of the test's own, persistent (append-only file, synced on
/// every write), killed with SIGKILL and restarted.
struct OwnRedis {
    port: u16,
    dir: std::path::PathBuf,
    child: Option<Child>,
}

impl OwnRedis {
    fn start(&mut self) -> bool {
        let child = Command::new("redis-server")
            .args(["--port", &self.port.to_string(), "--bind", "127.0.0.1", "--save", ""])
            .args(["--appendonly", "yes", "--appendfsync", "always", "--dir", self.dir.to_str().unwrap()])
            .stdout(Stdio::null())
            .spawn();
        match child {
            Ok(c) => {
                self.child = Some(c);
                wait_listening(self.port);
                true
            }
            Err(_) => false,
        }
    }

    fn kill(&mut self) {
        if let Some(mut c) = self.child.take() {
            let _ = c.kill();
            let _ = c.wait();
        }
    }
}

impl Drop for OwnRedis {
    fn drop(&mut self) {
        self.kill();
    }
}

/// The Redis store: connections cut, and Redis killed and restarted
/// (every other fault) or the server killed and restarted.
#[test]
fn stress_with_faults_on_redis_loses_no_conversation() {
    let dir = root().join("target/stress-redis");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let mut redis = OwnRedis { port: free_port(), dir, child: None };
    if !redis.start() {
        assert!(
            std::env::var_os("CBOT_REQUIRE_REDIS").is_none(),
            "CBOT_REQUIRE_REDIS is set but redis-server cannot be started"
        );
        eprintln!("skipped: no redis-server");
        return;
    }
    let state = format!("redis://127.0.0.1:{}", redis.port);
    let port = free_port();
    let server = Arc::new(Mutex::new(Some(serve(&state, port, &[]))));
    wait_listening(port);
    let addr = Arc::new(RwLock::new(format!("127.0.0.1:{port}")));
    let redis = Mutex::new(redis);
    let (mut redis_restarts, mut server_restarts) = (0, 0);
    run("redis store", addr, 7.0, Duration::from_millis(1500), |k| {
        if k % 2 == 1 {
            let mut redis = redis.lock().unwrap();
            redis.kill();
            std::thread::sleep(Duration::from_millis(200));
            assert!(redis.start(), "redis-server did not restart");
            redis_restarts += 1;
        } else {
            let mut server = server.lock().unwrap();
            drop(server.take());
            *server = Some(serve(&state, port, &[]));
            wait_listening(port);
            server_restarts += 1;
        }
        format!("{redis_restarts} Redis SIGKILLs and restarts, {server_restarts} server SIGKILLs and restarts")
    });
}

/// Slow and idle clients cannot hold the server (docs/security.md): with
/// `--max-connections 3 --read-timeout 1`, three silent connections fill
/// it, a fourth client waits in the backlog until the read timeout closes
/// one of them, and then is answered; a head dripped a byte at a time and a
/// body that stops halfway are cut off at the timeout too.
#[test]
fn slow_clients_are_cut_off_and_connections_are_bounded() {
    let port = free_port();
    let _server = Served::start(&[
        "tests/data/serve/counter",
        "--offline",
        "--memory",
        "--addr",
        &format!("127.0.0.1:{port}"),
        "--bot-id",
        "b1",
        "--max-connections",
        "3",
        "--read-timeout",
        "1",
    ]);
    wait_listening(port);
    // wait_listening's probe connection took a slot until it timed out.
    std::thread::sleep(Duration::from_millis(1500));
    let connect = || {
        let s = TcpStream::connect(("127.0.0.1", port)).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
        s
    };
    let closed_within = |s: &mut TcpStream| {
        let started = Instant::now();
        let mut buf = [0u8; 256];
        // EOF or a reset, never a hang (the read timeout above is 20 s).
        loop {
            match s.read(&mut buf) {
                Ok(0) | Err(_) => return started.elapsed(),
                Ok(_) => {} // an error answer first (400, 408) is fine
            }
        }
    };
    let mut silent: Vec<TcpStream> = (0..3).map(|_| connect()).collect();
    std::thread::sleep(Duration::from_millis(200));
    let started = Instant::now();
    let mut fourth = Client { addr: Arc::new(RwLock::new(format!("127.0.0.1:{port}"))), conn: None };
    let answer = fourth.request("GET", "/healthz", "", Cut::No);
    let waited = started.elapsed();
    assert!(matches!(answer, Outcome::Answer(200, _)), "the fourth client was not answered");
    assert!(waited >= Duration::from_millis(500), "answered after {waited:?}: the connection bound did not hold");
    for s in &mut silent {
        let t = closed_within(s);
        assert!(t < Duration::from_secs(10), "an idle connection stayed open {t:?}");
    }
    // A head dripped slowly: the timeout is for the whole head.
    let mut drip = connect();
    drip.write_all(b"GET /healthz HTTP/1.1\r\nx-slow: ").unwrap();
    let started = Instant::now();
    let mut cut = false;
    while started.elapsed() < Duration::from_secs(10) {
        if drip.write_all(b"a").is_err() {
            cut = true;
            break;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    assert!(cut || closed_within(&mut drip) < Duration::from_secs(1), "a dripped head was not cut off in 10 s");
    // A body that stops halfway.
    let mut half = connect();
    half.write_all(
        format!("POST {BASE}/x/events HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{{\"type\":")
            .as_bytes(),
    )
    .unwrap();
    let t = closed_within(&mut half);
    assert!(t < Duration::from_secs(10), "a stalled body kept its connection {t:?}");
}
