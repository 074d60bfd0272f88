//! `cbot loadtest BOT`: `cbot serve` under load on loopback (docs/serve.md).
//!
//! The server (the same router `cbot serve` runs, on the chosen store) and
//! N clients share one process and its runtime, as a server and a load
//! generator would share this machine. Each client keeps one HTTP/1.1
//! connection and goes through conversations: PUT, its messages as TEXT
//! events until the bot transfers or closes, CLOSE_CONVERSATION, the next
//! one. Every answer is checked (status, JSON); the latencies are those
//! the clients saw.

use crate::{BenchFormat, LoadtestArgs};
use anyhow::Context as _;
use cbot_engine::{Config, ConversationConfig, Engine};
use cbot_server::{Auth, LogStats, ServerConfig};
use serde_json::json;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
use tokio::net::TcpStream;

/// What one client saw.
#[derive(Default)]
struct Tally {
    /// Latency of every event (TEXT and CLOSE) answered in the measured
    /// window, in microseconds.
    latencies: Vec<u32>,
    puts: u64,
    conversations: u64,
    transfers: u64,
    errors: u64,
    first_error: Option<String>,
}

pub fn run(args: &LoadtestArgs) -> anyhow::Result<ExitCode> {
    anyhow::ensure!(args.connections >= 1, "--connections must be at least 1");
    anyhow::ensure!(
        args.duration.is_finite() && args.duration > 0.0 && args.duration <= 3600.0,
        "--duration {}: give seconds between 0 and 3600",
        args.duration
    );
    let engine = Engine::new(&Config::default()).map_err(|e| anyhow::anyhow!("{e}"))?;
    let bot = engine.load_bot(&args.bot).map_err(|e| anyhow::anyhow!("{e}"))?;
    // Each conversation's event bodies, made once: its messages as TEXT
    // events, then CLOSE_CONVERSATION.
    let conversations: Vec<Vec<String>> =
        cbot_testkit::bench::conversations_from(&cbot_testkit::bench::generate_utterances(&bot))
            .iter()
            .map(|messages| {
                let mut bodies: Vec<String> = messages
                    .iter()
                    .map(|m| json!({ "type": "TEXT", "source": "CONSUMER", "data": { "message": m } }).to_string())
                    .collect();
                bodies.push(r#"{"type":"CLOSE_CONVERSATION"}"#.into());
                bodies
            })
            .collect();
    let bot_name = bot.name().to_string();

    // A throwaway log directory unless one is given, so each run starts
    // from an empty store.
    let scratch = std::env::temp_dir().join(format!("cbot-loadtest-{}", std::process::id()));
    let state = args.state.clone().unwrap_or_else(|| scratch.to_string_lossy().into_owned());
    let namespace = format!("loadtest-{}", std::process::id());
    let (store, log) = super::serve::open_store(&state, args.memory, &args.log, &namespace)?;
    let store_name = match (&log, args.memory) {
        (_, true) => "memory".to_string(),
        (None, false) => "redis".to_string(),
        (Some(_), false) => {
            let sync = if args.log.no_fsync { "no fsync" } else { "fdatasync per commit" };
            format!("log in {state} ({sync})")
        }
    };
    let router = cbot_server::router(ServerConfig {
        bot,
        bot_id: "load".into(),
        version: "loadtest".into(),
        store,
        conversation: ConversationConfig::default(),
        auth: Auth::None,
        max_live: cbot_server::DEFAULT_MAX_LIVE,
        preview: false,
    });
    let threads = args.threads.unwrap_or_else(|| std::thread::available_parallelism().map_or(2, |n| n.get()));
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(threads)
        .enable_all()
        .build()
        .context("cannot start the runtime")?;
    let warmup = Duration::from_secs_f64(args.warmup.max(0.0));
    let measured = Duration::from_secs_f64(args.duration);
    eprintln!(
        "cbot loadtest: {bot_name}, {} connections, {:.1} s (+{:.1} s warm-up), {threads} runtime threads, store: {store_name}",
        args.connections,
        measured.as_secs_f64(),
        warmup.as_secs_f64()
    );
    let stats_before = std::cell::Cell::new(LogStats::default());
    let (cpu_before, cpu_after) = (std::cell::Cell::new(None), std::cell::Cell::new(None));
    let (tallies, elapsed) = runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.context("cannot listen on loopback")?;
        let addr = listener.local_addr()?;
        let server = tokio::spawn(async move { axum::serve(listener, router).await });
        let start = Instant::now() + warmup;
        let end = start + measured;
        let conversations = Arc::new(conversations);
        let clients: Vec<_> =
            (0..args.connections).map(|c| tokio::spawn(client(addr, c, conversations.clone(), start, end))).collect();
        tokio::time::sleep_until(start.into()).await;
        cpu_before.set(cpu_seconds());
        if let Some(log) = &log {
            stats_before.set(log.stats());
        }
        let mut tallies = Vec::new();
        for c in clients {
            tallies.push(c.await.context("a client failed")?);
        }
        cpu_after.set(cpu_seconds());
        let elapsed = Instant::now().saturating_duration_since(start).min(measured + Duration::from_secs(5));
        server.abort();
        anyhow::Ok((tallies, elapsed.max(measured)))
    })?;
    let mut latencies: Vec<u32> = tallies.iter().flat_map(|t| t.latencies.iter().copied()).collect();
    latencies.sort_unstable();
    let sum = |f: fn(&Tally) -> u64| tallies.iter().map(f).sum::<u64>();
    let (puts, convs, transfers, errors) =
        (sum(|t| t.puts), sum(|t| t.conversations), sum(|t| t.transfers), sum(|t| t.errors));
    let pct = |p: f64| -> f64 {
        if latencies.is_empty() {
            return 0.0;
        }
        let i = ((latencies.len() as f64 * p).ceil() as usize).clamp(1, latencies.len()) - 1;
        f64::from(latencies[i]) / 1000.0
    };
    let events = latencies.len() as f64;
    let rate = events / elapsed.as_secs_f64();
    let commits = log.as_ref().map(|l| {
        let (a, b) = (stats_before.get(), l.stats());
        (b.commits - a.commits, b.records - a.records)
    });
    // CPU time of the whole process (server and clients) per event: less
    // sensitive than the rate to other work on the machine.
    let cpu_per_event = match (cpu_before.get(), cpu_after.get()) {
        (Some(a), Some(b)) if events > 0.0 => Some((b - a) / events * 1e6),
        _ => None,
    };
    let report = json!({
        "bot": bot_name,
        "connections": args.connections,
        "threads": threads,
        "seconds": elapsed.as_secs_f64(),
        "store": store_name,
        "events": latencies.len(),
        "events_per_second": rate,
        "latency_ms": { "p50": pct(0.50), "p90": pct(0.90), "p99": pct(0.99), "max": pct(1.0) },
        "conversations_created": puts,
        "conversations_closed": convs,
        "transfers": transfers,
        "errors": errors,
        "cpu_us_per_event": cpu_per_event,
        "store_commits": commits.map(|c| c.0),
        "store_records": commits.map(|c| c.1),
    });
    match args.format {
        BenchFormat::Json => println!("{}", serde_json::to_string_pretty(&report)?),
        BenchFormat::Table => {
            println!("events          {:>10}   {:>10.0} /s", latencies.len(), rate);
            println!(
                "latency         p50 {:.2} ms   p90 {:.2} ms   p99 {:.2} ms   max {:.2} ms",
                pct(0.5),
                pct(0.9),
                pct(0.99),
                pct(1.0)
            );
            println!("conversations   {puts} created, {convs} closed, {transfers} ended in a transfer");
            match commits {
                Some((0, r)) => println!("store           {r} records, not synced to disk (--no-fsync)"),
                Some((c, r)) => {
                    println!(
                        "store           {r} records, {c} disk syncs ({:.1} records per sync)",
                        r as f64 / c as f64
                    )
                }
                None => {}
            }
            if let Some(c) = cpu_per_event {
                println!("cpu             {c:.0} µs per event (server and clients)");
            }
            println!("errors          {errors}");
        }
    }
    if let Some(e) = tallies.iter().find_map(|t| t.first_error.as_ref()) {
        eprintln!("cbot loadtest: first error: {e}");
    }
    drop(log);
    if args.state.is_none() && !args.memory {
        let _ = std::fs::remove_dir_all(&scratch);
    }
    Ok(if errors == 0 { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

/// One client: conversations one after another on one connection.
async fn client(
    addr: std::net::SocketAddr,
    id: usize,
    conversations: Arc<Vec<Vec<String>>>,
    start: Instant,
    end: Instant,
) -> Tally {
    let mut tally = Tally::default();
    let mut http = match Http::connect(addr).await {
        Ok(h) => h,
        Err(e) => {
            tally.errors += 1;
            tally.first_error = Some(format!("connect: {e}"));
            return tally;
        }
    };
    let mut n = 0usize;
    while Instant::now() < end {
        let conv = format!("/v1/bots/load/environments/draft/conversations/c{id}-{n}");
        let bodies = &conversations[(id + n) % conversations.len()];
        n += 1;
        let fail = |tally: &mut Tally, what: String| {
            tally.errors += 1;
            tally.first_error.get_or_insert(what);
        };
        match http.request("PUT", &conv, b"{\"context\":{\"skillId\":\"1\"}}").await {
            Ok((204, _)) => tally.puts += 1,
            Ok((status, body)) => fail(&mut tally, format!("PUT {conv}: {status} {}", String::from_utf8_lossy(&body))),
            Err(e) => {
                fail(&mut tally, format!("PUT {conv}: {e}"));
                break;
            }
        }
        let events = format!("{conv}/events");
        let last = bodies.len() - 1;
        let mut i = 0;
        while i <= last {
            let sent = Instant::now();
            let answer = http.request("POST", &events, bodies[i].as_bytes()).await;
            let done = Instant::now();
            match answer {
                Ok((200, body)) => {
                    // The answer's shape, checked cheaply: the generator
                    // shares the server's cores, and a full JSON parse of
                    // every answer would take a twentieth of them.
                    if !(body.starts_with(b"{\"response\":[") && body.ends_with(b"}")) {
                        fail(&mut tally, format!("POST {events}: not an answer: {}", String::from_utf8_lossy(&body)));
                    }
                    if sent >= start && done <= end {
                        tally.latencies.push(done.duration_since(sent).as_micros().min(u128::from(u32::MAX)) as u32);
                    }
                    // The bot handed the conversation over: close it next.
                    if i < last && (contains(&body, b"\"TRANSFER\"") || contains(&body, b"\"CLOSE_CONVERSATION\"")) {
                        tally.transfers += 1;
                        i = last;
                        continue;
                    }
                }
                Ok((status, body)) => {
                    fail(&mut tally, format!("POST {events}: {status} {}", String::from_utf8_lossy(&body)))
                }
                Err(e) => {
                    fail(&mut tally, format!("POST {events}: {e}"));
                    return tally;
                }
            }
            i += 1;
        }
        tally.conversations += 1;
    }
    tally
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// A minimal HTTP/1.1 keep-alive client for the server's own answers
/// (bodies with Content-Length), parsing straight from its read buffer:
/// it shares the cores with the server it measures, so it should cost
/// little.
struct Http {
    stream: TcpStream,
    out: Vec<u8>,
    buf: Vec<u8>,
}

impl Http {
    async fn connect(addr: std::net::SocketAddr) -> std::io::Result<Http> {
        let stream = TcpStream::connect(addr).await?;
        stream.set_nodelay(true)?;
        Ok(Http { stream, out: Vec::with_capacity(512), buf: Vec::with_capacity(4096) })
    }

    async fn request(&mut self, method: &str, path: &str, body: &[u8]) -> std::io::Result<(u16, Vec<u8>)> {
        use std::io::Write as _;
        self.out.clear();
        write!(
            self.out,
            "{method} {path} HTTP/1.1\r\nhost: loadtest\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n",
            body.len()
        )?;
        self.out.extend_from_slice(body);
        self.stream.write_all(&self.out).await?;
        let bad = |what: &str| std::io::Error::new(std::io::ErrorKind::InvalidData, what.to_string());
        self.buf.clear();
        let head = loop {
            if let Some(at) = self.buf.windows(4).position(|w| w == b"\r\n\r\n") {
                break at;
            }
            if self.fill().await? == 0 {
                return Err(bad("connection closed in the headers"));
            }
        };
        let text = std::str::from_utf8(&self.buf[..head]).map_err(|_| bad("headers are not text"))?;
        let mut lines = text.split("\r\n");
        let status: u16 = lines
            .next()
            .and_then(|l| l.split(' ').nth(1))
            .and_then(|s| s.parse().ok())
            .ok_or_else(|| bad("no status line"))?;
        let mut length = 0usize;
        for line in lines {
            if let Some((name, value)) = line.split_once(':')
                && name.eq_ignore_ascii_case("content-length")
            {
                length = value.trim().parse().map_err(|_| bad("bad content-length"))?;
            }
        }
        let end = head + 4 + length;
        while self.buf.len() < end {
            if self.fill().await? == 0 {
                return Err(bad("connection closed in the body"));
            }
        }
        Ok((status, self.buf[head + 4..end].to_vec()))
    }

    /// Reads what the socket has into the buffer.
    async fn fill(&mut self) -> std::io::Result<usize> {
        let at = self.buf.len();
        self.buf.resize(at + 4096, 0);
        let n = self.stream.read(&mut self.buf[at..]).await;
        self.buf.truncate(at + *n.as_ref().unwrap_or(&0));
        n
    }
}

/// User and system CPU seconds of this process so far (Linux: from
/// /proc/self/stat, in clock ticks of 1/100 s).
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name (which may hold spaces) start at 3.
    let rest = stat.rsplit_once(')')?.1;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| fields.get(i).and_then(|f| f.parse::<f64>().ok());
    Some((ticks(11)? + ticks(12)?) / 100.0)
}
