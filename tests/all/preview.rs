//! `cbot serve`'s web preview page: its JSON API in process (answers, bad
//! input, the bound on conversations, not served behind token checks), and
//! the real page in a headless Chromium driven over the DevTools protocol
//! (`--remote-debugging-pipe`: NUL-terminated JSON on fds 3 and 4), talking
//! to the agent-handoff bot until it transfers, then to a bot with buttons
//! and quick replies.

use crate::util::root;
use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use cbot_engine::{Config, ConversationConfig, Engine};
use cbot_server::{Auth, MemoryStore, ServerConfig, Store};
use serde_json::{Value, json};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tower::ServiceExt as _;

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap()
}

fn app(bot: &str, auth: Auth, preview: bool, store: Arc<dyn Store>) -> axum::Router {
    let engine = Engine::new(&Config::default()).unwrap();
    let bot = engine.load_bot(root().join(bot)).unwrap();
    cbot_server::router(ServerConfig {
        bot,
        bot_id: "b1".into(),
        version: "test".into(),
        store,
        conversation: ConversationConfig::default(),
        auth,
        max_live: cbot_server::DEFAULT_MAX_LIVE,
        preview,
    })
}

fn preview_app(bot: &str) -> axum::Router {
    app(bot, Auth::None, true, Arc::new(MemoryStore::default()))
}

/// One request: status, content type and body (JSON, else the text as a
/// JSON string; `null` when empty).
async fn request(
    app: &axum::Router,
    method: Method,
    path: &str,
    content_type: Option<&str>,
    body: Option<&str>,
) -> (StatusCode, String, Value) {
    let mut req = Request::builder().method(method).uri(path);
    if let Some(t) = content_type {
        req = req.header("content-type", t);
    }
    let req = req.body(body.map_or_else(Body::empty, |b| Body::from(b.to_string()))).unwrap();
    let res = app.clone().oneshot(req).await.unwrap();
    let status = res.status();
    let kind = res.headers().get("content-type").and_then(|v| v.to_str().ok()).unwrap_or("").to_string();
    let bytes = axum::body::to_bytes(res.into_body(), 1 << 20).await.unwrap();
    let v = if bytes.is_empty() {
        Value::Null
    } else {
        serde_json::from_slice(&bytes).unwrap_or_else(|_| Value::String(String::from_utf8_lossy(&bytes).into()))
    };
    (status, kind, v)
}

async fn call(app: &axum::Router, method: Method, path: &str, body: Option<&str>) -> (StatusCode, Value) {
    let (status, _, v) = request(app, method, path, body.map(|_| "application/json"), body).await;
    (status, v)
}

async fn create(app: &axum::Router, body: Value) -> Value {
    let (status, v) = call(app, Method::POST, "/preview/api/conversations", Some(&body.to_string())).await;
    assert_eq!(status, StatusCode::OK, "{v}");
    v
}

async fn say(app: &axum::Router, id: &str, text: &str) -> (StatusCode, Value) {
    let path = format!("/preview/api/conversations/{id}/messages");
    call(app, Method::POST, &path, Some(&json!({ "text": text }).to_string())).await
}

#[test]
fn preview_api_runs_conversations_per_channel() {
    runtime().block_on(async {
        let store = Arc::new(MemoryStore::default());
        let app = app("dialogs/agent-handoff", Auth::None, true, store.clone());
        let (status, bot) = call(&app, Method::GET, "/preview/api/bot", None).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(bot["name"], "Agent Handoff Demo", "{bot}");
        assert_eq!((&bot["botId"], &bot["environments"]), (&json!("b1"), &json!(["draft"])));
        assert_eq!((&bot["defaultChannel"], &bot["welcome"]), (&json!("web"), &json!("hi")));
        let channels: Vec<&str> =
            bot["channels"].as_array().unwrap().iter().map(|c| c["id"].as_str().unwrap()).collect();
        assert!(channels.starts_with(&["web", "lp_web"]) && channels.contains(&"lp_sms"), "{channels:?}");

        // On CB's Preview channel the bot says the transfer message itself.
        let c = create(&app, json!({ "environment": "draft", "channel": "web", "welcome": true })).await;
        let id = c["id"].as_str().unwrap().to_string();
        assert_eq!(
            (&c["channel"], &c["userChannel"], &c["status"]),
            (&json!("web"), &json!("lp_web"), &json!("active"))
        );
        let welcome = &c["welcome"];
        assert_eq!(welcome["user"], "hi");
        assert_eq!(
            welcome["events"],
            json!([{ "type": "text", "text": "Hi! I'm the demo bot. Ask me for an agent any time." }])
        );
        assert_eq!(welcome["dialog"], "1 Welcome");
        assert!(!welcome["trace"].as_array().unwrap().is_empty(), "the trace is always recorded: {welcome}");
        let (status, turn) = say(&app, &id, "I need a human").await;
        assert_eq!(status, StatusCode::OK, "{turn}");
        assert_eq!(turn["events"][0], json!({ "type": "text", "text": "Transferring you to an agent" }), "{turn}");
        let transfer = turn["events"].as_array().unwrap().iter().find(|e| e["type"] == "transfer").expect("a transfer");
        assert_eq!((&transfer["skill"], &transfer["skillId"]), (&json!("Human"), &json!("12345678901")));
        assert_eq!((&turn["dialog"], &turn["status"]), (&json!("2 Agent Handoff"), &json!("transferred")));
        // With an agent, the bot stays silent.
        let (_, turn) = say(&app, &id, "hello?").await;
        assert_eq!((&turn["events"], &turn["status"]), (&json!([]), &json!("transferred")), "{turn}");

        // On SMS the message travels with the transfer instead.
        let c = create(&app, json!({ "channel": "lp_sms" })).await;
        assert_eq!((&c["environment"], &c["welcome"]), (&json!("draft"), &Value::Null), "{c}");
        let sms = c["id"].as_str().unwrap();
        assert_ne!(sms, id);
        let (_, turn) = say(&app, sms, "agent").await;
        let events = turn["events"].as_array().unwrap();
        assert!(events.iter().all(|e| e["type"] != "text"), "{turn}");
        let transfer = events.iter().find(|e| e["type"] == "transfer").expect("a transfer");
        assert_eq!(transfer["message"], "Transferring you to an agent");

        // Preview conversations never reach the protocol's store.
        assert!(store.load(&id).unwrap().is_none() && store.load(sms).unwrap().is_none());
        // Deleted: gone.
        let path = format!("/preview/api/conversations/{id}");
        assert_eq!(call(&app, Method::DELETE, &path, None).await.0, StatusCode::NO_CONTENT);
        let (status, body) = say(&app, &id, "hi").await;
        assert_eq!((status, &body["error"]["code"]), (StatusCode::NOT_FOUND, &json!("not_found")));
        assert_eq!(call(&app, Method::DELETE, &path, None).await.0, StatusCode::NOT_FOUND);
        // The protocol is untouched by the preview beside it.
        let conv = "/v1/bots/b1/environments/draft/conversations/c-1";
        assert_eq!(call(&app, Method::PUT, conv, Some("{}")).await.0, StatusCode::NO_CONTENT);
    });
}

#[test]
fn preview_page_and_assets_are_served_with_their_types() {
    runtime().block_on(async {
        let app = preview_app("dialogs/agent-handoff");
        for (path, kind, needle) in [
            ("/", "text/html", "<script src=\"/preview/app.js\""),
            ("/preview/app.js", "text/javascript", "/preview/api/conversations"),
            ("/preview/app.css", "text/css", ".notice.transfer"),
            ("/preview/icon.svg", "image/svg+xml", "<svg"),
        ] {
            let (status, content_type, body) = request(&app, Method::GET, path, None, None).await;
            assert_eq!(status, StatusCode::OK, "{path}");
            assert!(content_type.starts_with(kind), "{path}: {content_type}");
            assert!(body.as_str().is_some_and(|b| b.contains(needle)), "{path}");
        }
        let res = app.clone().oneshot(Request::get("/").body(Body::empty()).unwrap()).await.unwrap();
        let csp = res.headers().get("content-security-policy").unwrap().to_str().unwrap();
        assert!(csp.contains("default-src 'self'"), "{csp}");
    });
}

#[test]
fn preview_bad_input_gets_a_4xx_with_a_json_error() {
    runtime().block_on(async {
        let app = preview_app("dialogs/agent-handoff");
        let id = create(&app, json!({})).await["id"].as_str().unwrap().to_string();
        let conversations = "/preview/api/conversations".to_string();
        let messages = format!("/preview/api/conversations/{id}/messages");
        let cases: Vec<(Method, String, Option<&str>, StatusCode, &str)> = vec![
            (Method::POST, conversations.clone(), Some("{not json"), StatusCode::BAD_REQUEST, "bad_request"),
            (Method::POST, conversations.clone(), Some("[]"), StatusCode::BAD_REQUEST, "bad_request"),
            (
                Method::POST,
                conversations.clone(),
                Some(r#"{"channel":"pigeon"}"#),
                StatusCode::BAD_REQUEST,
                "bad_request",
            ),
            (Method::POST, conversations.clone(), Some(r#"{"channel":7}"#), StatusCode::BAD_REQUEST, "bad_request"),
            (
                Method::POST,
                conversations.clone(),
                Some(r#"{"environment":"production"}"#),
                StatusCode::BAD_REQUEST,
                "bad_request",
            ),
            (Method::POST, conversations.clone(), Some(r#"{"welcome":"yes"}"#), StatusCode::BAD_REQUEST, "bad_request"),
            (Method::POST, messages.clone(), Some("{\"text\":"), StatusCode::BAD_REQUEST, "bad_request"),
            (Method::POST, messages.clone(), Some("{}"), StatusCode::BAD_REQUEST, "bad_request"),
            (Method::POST, messages.clone(), Some(r#"{"text":["hi"]}"#), StatusCode::BAD_REQUEST, "bad_request"),
            (
                Method::POST,
                "/preview/api/conversations/nope/messages".into(),
                Some(r#"{"text":"hi"}"#),
                StatusCode::NOT_FOUND,
                "not_found",
            ),
            (Method::DELETE, "/preview/api/conversations/nope".into(), None, StatusCode::NOT_FOUND, "not_found"),
            (Method::GET, "/preview/api/nowhere".into(), None, StatusCode::NOT_FOUND, "not_found"),
            (Method::GET, conversations.clone(), None, StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed"),
        ];
        for (method, path, body, want, code) in cases {
            let (status, v) = call(&app, method.clone(), &path, body).await;
            assert_eq!(status, want, "{method} {path} {body:?}: {v}");
            assert_eq!(v["error"]["code"], code, "{method} {path} {body:?}: {v}");
            assert!(v["error"]["message"].as_str().is_some_and(|m| !m.is_empty()), "{v}");
        }
        // Not JSON at all (a form post from another site): refused.
        let (status, _, v) = request(&app, Method::POST, &messages, Some("text/plain"), Some("hi")).await;
        assert_eq!(status, StatusCode::UNSUPPORTED_MEDIA_TYPE, "{v}");
        assert!(v["error"]["message"].is_string(), "{v}");
        // Too large.
        let big = json!({ "text": "x".repeat(100_000) }).to_string();
        let (status, v) = call(&app, Method::POST, &messages, Some(&big)).await;
        assert_eq!((status, &v["error"]["code"]), (StatusCode::PAYLOAD_TOO_LARGE, &json!("too_large")));
        // The conversation is still fine after all that.
        let (status, turn) = say(&app, &id, "hello").await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(turn["dialog"], "1 Welcome");
    });
}

/// A browser has no LivePerson token: behind token checks there is no
/// preview at all (the requests get the protocol's 401); without the
/// switch, `/` is the protocol's 404.
#[test]
fn preview_is_not_served_behind_token_checks_or_when_off() {
    runtime().block_on(async {
        let jwt = cbot_server::JwtCheck::hs256(b"a-shared-secret-of-some-length", None);
        let app = app("dialogs/agent-handoff", Auth::Jwt(Arc::new(jwt)), true, Arc::new(MemoryStore::default()));
        for (method, path, body) in [
            (Method::GET, "/", None),
            (Method::GET, "/preview/app.js", None),
            (Method::GET, "/preview/api/bot", None),
            (Method::POST, "/preview/api/conversations", Some("{}")),
        ] {
            let (status, v) = call(&app, method, path, body).await;
            assert_eq!((status, &v["error"]["code"]), (StatusCode::UNAUTHORIZED, &json!("unauthorized")), "{path}");
        }
        let off = app_off();
        for path in ["/", "/preview/api/bot"] {
            let (status, v) = call(&off, Method::GET, path, None).await;
            assert_eq!((status, &v["error"]["code"]), (StatusCode::NOT_FOUND, &json!("not_found")), "{path}");
        }
    });
}

fn app_off() -> axum::Router {
    app("dialogs/agent-handoff", Auth::None, false, Arc::new(MemoryStore::default()))
}

/// At most 1,000 preview conversations: one more forgets the least
/// recently used.
#[test]
fn preview_conversations_are_bounded() {
    runtime().block_on(async {
        let app = preview_app("tests/data/bots/minimal.json");
        let mut ids = Vec::new();
        for _ in 0..1000 {
            ids.push(create(&app, json!({})).await["id"].as_str().unwrap().to_string());
        }
        // The first is used again: the second is now the oldest.
        assert_eq!(say(&app, &ids[0], "hi").await.0, StatusCode::OK);
        create(&app, json!({})).await;
        assert_eq!(say(&app, &ids[1], "hi").await.0, StatusCode::NOT_FOUND);
        assert_eq!(say(&app, &ids[0], "hi").await.0, StatusCode::OK);
        assert_eq!(say(&app, &ids[2], "hi").await.0, StatusCode::OK);
    });
}

// ---- In a real browser ------------------------------------------------

const CHROMIUM: &str = "/usr/bin/chromium";

/// How long any one thing may take in the browser (a debug build on two
/// busy cores is slow; nothing waits this long when all is well).
const PATIENCE: Duration = Duration::from_secs(30);

/// `cbot serve` on an ephemeral loopback port, killed when dropped.
struct Server {
    _served: crate::util::Served,
    url: String,
}

impl Server {
    fn start(bot: &str) -> Server {
        let served = crate::util::Served::start(&[bot, "--memory", "--offline", "--addr", "127.0.0.1:0"]);
        let url = served.wait_for("cbot serve: preview on ");
        Server { _served: served, url }
    }
}

/// Chromium over `--remote-debugging-pipe`, with one page attached
/// (flattened session). Closed and killed, with its profile removed, when
/// dropped.
struct Browser {
    child: std::process::Child,
    to_browser: std::process::ChildStdin,
    from_browser: std::sync::mpsc::Receiver<Value>,
    next_id: u64,
    session: Option<String>,
    profile: std::path::PathBuf,
    /// Uncaught exceptions and console errors of the page.
    page_errors: Vec<String>,
}

impl Browser {
    fn launch() -> Browser {
        use std::io::Read;
        use std::os::unix::process::CommandExt as _;
        use std::process::{Command, Stdio};
        let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().subsec_nanos();
        let profile = std::env::temp_dir().join(format!("cbot-preview-chromium-{}-{nanos}", std::process::id()));
        let log = std::fs::File::create(root().join("target/preview-chromium.log")).unwrap();
        // Chromium talks DevTools on fds 3 (commands in) and 4 (replies
        // out); the shell moves our piped stdin/stdout there and execs,
        // so the child is Chromium itself. Its own process group lets
        // Drop end its helper processes too.
        let mut child = Command::new("bash")
            .arg("-c")
            .arg(r#"exec "$0" "$@" 3<&0 4>&1 </dev/null >/dev/null"#)
            .arg(CHROMIUM)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--disable-dev-shm-usage",
                "--no-first-run",
                "--no-default-browser-check",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--hide-scrollbars",
                "--mute-audio",
                "--remote-debugging-pipe",
            ])
            .arg(format!("--user-data-dir={}", profile.display()))
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(log)
            .process_group(0)
            .spawn()
            .unwrap();
        let to_browser = child.stdin.take().unwrap();
        let mut stdout = child.stdout.take().unwrap();
        let (tx, from_browser) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut pending = Vec::new();
            let mut chunk = [0u8; 64 * 1024];
            while let Ok(n @ 1..) = stdout.read(&mut chunk) {
                pending.extend_from_slice(&chunk[..n]);
                while let Some(end) = pending.iter().position(|&b| b == 0) {
                    let message: Vec<u8> = pending.drain(..=end).collect();
                    match serde_json::from_slice(&message[..end]) {
                        Ok(v) => {
                            if tx.send(v).is_err() {
                                return;
                            }
                        }
                        Err(e) => eprintln!("preview test: unreadable DevTools message: {e}"),
                    }
                }
            }
        });
        Browser { child, to_browser, from_browser, next_id: 0, session: None, profile, page_errors: Vec::new() }
    }

    /// One DevTools command (to the page once attached); its result.
    fn call(&mut self, method: &str, params: Value) -> Value {
        use std::io::Write;
        self.next_id += 1;
        let id = self.next_id;
        let mut command = json!({ "id": id, "method": method, "params": params });
        if let Some(s) = &self.session
            && !method.starts_with("Target.")
            && !method.starts_with("Browser.")
        {
            command["sessionId"] = json!(s);
        }
        let mut bytes = serde_json::to_vec(&command).unwrap();
        bytes.push(0);
        self.to_browser.write_all(&bytes).and_then(|()| self.to_browser.flush()).expect("Chromium takes commands");
        let deadline = Instant::now() + PATIENCE;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let message = match self.from_browser.recv_timeout(left) {
                Ok(m) => m,
                Err(e) => panic!("no answer from Chromium to {method} ({e}); see target/preview-chromium.log"),
            };
            if message["id"] == id {
                if let Some(error) = message.get("error") {
                    panic!("Chromium refused {method}: {error}");
                }
                return message["result"].clone();
            }
            self.note(&message);
        }
    }

    /// Keeps what the page reports going wrong.
    fn note(&mut self, event: &Value) {
        match event["method"].as_str() {
            Some("Runtime.exceptionThrown") => {
                let d = &event["params"]["exceptionDetails"];
                self.page_errors.push(format!("exception: {} {}", d["text"], d["exception"]["description"]));
            }
            Some("Runtime.consoleAPICalled") if event["params"]["type"] == "error" => {
                self.page_errors.push(format!("console.error: {}", event["params"]["args"]));
            }
            _ => {}
        }
    }

    /// A new 1280×900 page, attached.
    fn open_page(&mut self) {
        let target = self.call("Target.createTarget", json!({ "url": "about:blank" }));
        let attached = self.call("Target.attachToTarget", json!({ "targetId": target["targetId"], "flatten": true }));
        self.session = Some(attached["sessionId"].as_str().expect("a session id").to_string());
        self.call("Runtime.enable", json!({}));
        self.call("Page.enable", json!({}));
        self.call(
            "Emulation.setDeviceMetricsOverride",
            json!({ "width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": false }),
        );
    }

    fn navigate(&mut self, url: &str) {
        let r = self.call("Page.navigate", json!({ "url": url }));
        assert!(r.get("errorText").is_none(), "cannot load {url}: {r}");
    }

    /// A JavaScript expression's value (promises awaited).
    fn eval(&mut self, expression: &str) -> Value {
        let r = self
            .call("Runtime.evaluate", json!({ "expression": expression, "returnByValue": true, "awaitPromise": true }));
        if let Some(e) = r.get("exceptionDetails") {
            panic!("{expression} threw: {e}");
        }
        r["result"]["value"].clone()
    }

    /// Polls `condition` (a JS expression) until it is true; on timeout,
    /// fails showing what the page says. A condition that throws (the page
    /// is still loading) counts as not yet.
    fn wait_for(&mut self, what: &str, condition: &str) {
        let deadline = Instant::now() + PATIENCE;
        let probe = format!("(() => {{ try {{ return !!({condition}); }} catch (e) {{ return String(e); }} }})()");
        loop {
            let answer = self.eval(&probe);
            if answer == json!(true) {
                return;
            }
            if Instant::now() > deadline {
                let text = self.eval("document.body ? document.body.innerText : '(no body)'");
                panic!(
                    "timed out waiting for {what} ({condition}: {answer}); the page shows:\n{}",
                    text.as_str().unwrap_or("")
                );
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Types `text` into the message box as keystrokes would, then sends
    /// it with Enter, or with the Send button.
    fn type_message(&mut self, text: &str, with_enter: bool) {
        self.eval("document.getElementById('message').focus()");
        self.call("Input.insertText", json!({ "text": text }));
        assert_eq!(self.eval("document.getElementById('message').value"), json!(text));
        if with_enter {
            for kind in ["keyDown", "keyUp"] {
                self.call(
                    "Input.dispatchKeyEvent",
                    json!({ "type": kind, "key": "Enter", "code": "Enter", "windowsVirtualKeyCode": 13, "text": "\r" }),
                );
            }
        } else {
            self.eval("document.getElementById('send').click()");
        }
    }

    /// Chooses `value` in the `<select>` with id `id`, as a user would.
    fn select(&mut self, id: &str, value: &str) {
        let chosen = self.eval(&format!(
            "(() => {{ const s = document.getElementById({id:?}); s.value = {value:?}; \
             s.dispatchEvent(new Event('change')); return s.value; }})()"
        ));
        assert_eq!(chosen, json!(value), "{id} has no option {value}");
    }

    /// The page as a PNG file.
    fn screenshot(&mut self, path: &std::path::Path) {
        let shot = self.call("Page.captureScreenshot", json!({ "format": "png" }));
        let png = base64_decode(shot["data"].as_str().expect("image data"));
        assert!(png.starts_with(b"\x89PNG"), "not a PNG");
        std::fs::write(path, png).unwrap();
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        use std::io::Write;
        // Politely first (Chromium then ends its helpers and flushes the
        // profile), then by force; the group kill sweeps up any helper
        // still there. The leader is not reaped before that, so the
        // group id cannot have been reused.
        let close = format!("{}\0", json!({ "id": u64::MAX, "method": "Browser.close" }));
        let _ = self.to_browser.write_all(close.as_bytes()).and_then(|()| self.to_browser.flush());
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            match self.from_browser.recv_timeout(Duration::from_millis(100)) {
                Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => break,
                _ => continue,
            }
        }
        let _ = std::process::Command::new("kill")
            .args(["-KILL", "--", &format!("-{}", self.child.id())])
            .stderr(std::process::Stdio::null())
            .status();
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}

/// Standard base64 (Chromium's screenshots), without a crate for it.
fn base64_decode(text: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        b'/' => 63,
        _ => panic!("not base64: {c:?}"),
    };
    let mut out = Vec::with_capacity(text.len() / 4 * 3);
    let (mut acc, mut bits) = (0u32, 0);
    for c in text.bytes().filter(|&c| c != b'=' && !c.is_ascii_whitespace()) {
        acc = (acc << 6) | u32::from(value(c));
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    out
}

#[test]
fn base64_decodes_what_chromium_sends() {
    assert_eq!(base64_decode("aGk="), b"hi");
    assert_eq!(base64_decode("Y2JvdA=="), b"cbot");
    assert_eq!(base64_decode("cHJldmlldw"), b"preview");
}

/// The bot's message bubbles (not the typing indicator's).
const BOT_SAYS: &str = ".row.bot:not(.typing) .bubble";

/// JS: the text of every element matching `selector`, as one string.
fn texts(selector: &str) -> String {
    format!("[...document.querySelectorAll({selector:?})].map(e => e.textContent).join(' | ')")
}

/// JS: whether some element matching `selector` contains `text`.
fn shows(selector: &str, text: &str) -> String {
    format!("[...document.querySelectorAll({selector:?})].some(e => e.textContent.includes({text:?}))")
}

/// The page in Chromium: the agent-handoff bot on SMS and on CB's Preview
/// channel, through to the transfer; then a bot's buttons and quick
/// replies, clicked; then every other kind of event rendered.
#[test]
fn preview_page_in_a_headless_browser() {
    if !std::path::Path::new(CHROMIUM).exists() {
        assert!(
            std::env::var_os("CBOT_REQUIRE_BROWSER").is_none_or(|v| v != "1"),
            "{CHROMIUM} is missing and CBOT_REQUIRE_BROWSER=1"
        );
        eprintln!("preview test: {CHROMIUM} not found, browser test skipped (CBOT_REQUIRE_BROWSER=1 makes this fail)");
        return;
    }
    let started = Instant::now();
    let server = Server::start("dialogs/agent-handoff");
    let mut b = Browser::launch();
    b.open_page();
    b.navigate(&server.url);
    b.wait_for(
        "the page to start a conversation",
        "document.body.dataset.state === 'ready' && document.body.dataset.conversation",
    );
    assert_eq!(b.eval("document.getElementById('bot-name').textContent"), json!("Agent Handoff Demo"));
    assert_eq!(b.eval("document.getElementById('channel').value"), json!("web"), "CB's Preview channel by default");
    assert_eq!(b.eval("document.getElementById('environment').value"), json!("draft"));
    b.wait_for("the welcome", &shows(BOT_SAYS, "Hi! I'm the demo bot."));

    // SMS: the transfer carries the message; the bot does not say it.
    b.select("channel", "lp_sms");
    b.wait_for("a conversation on SMS", "document.querySelector('.notice.start')?.textContent.includes('lp_sms') && document.body.dataset.state === 'ready'");
    b.type_message("agent", true);
    b.wait_for("the SMS transfer", &shows(".notice.transfer", "Transferred to Human (skill 12345678901)"));
    assert!(b.eval(&shows(".notice.transfer", "Message to the agent: Transferring you to an agent")) == json!(true));
    assert!(b.eval(&shows(BOT_SAYS, "Transferring")) == json!(false), "{}", b.eval(&texts(BOT_SAYS)));

    // CB's Preview channel: fallback, then the transfer, said by the bot.
    b.select("channel", "web");
    b.wait_for("a conversation on web", "document.querySelector('.notice.start')?.textContent.includes('· web') && document.body.dataset.state === 'ready'");
    b.wait_for("the welcome again", &shows(BOT_SAYS, "Hi! I'm the demo bot."));
    assert_eq!(
        b.eval("document.querySelectorAll('.notice.transfer').length"),
        json!(0),
        "restart clears the transcript"
    );
    b.type_message("what's the weather like?", false);
    b.wait_for("the fallback", &shows(BOT_SAYS, "Sorry, I didn't get that."));
    assert_eq!(b.eval("document.getElementById('message').value"), json!(""), "the box is emptied");
    b.type_message("I need a human", true);
    b.wait_for("the transfer", &shows(".notice.transfer", "Transferred to Human (skill 12345678901)"));
    assert_eq!(
        b.eval(&texts(".row.user .bubble")),
        json!("what's the weather like? | I need a human"),
        "the user's messages, in order"
    );
    assert_eq!(
        b.eval(&texts(BOT_SAYS)),
        json!(
            "Hi! I'm the demo bot. Ask me for an agent any time. | Sorry, I didn't get that. Say 'agent' to talk to a person. | Transferring you to an agent"
        )
    );
    assert_eq!(b.eval("document.getElementById('status').textContent"), json!("Transferred"));
    // The trace: hidden until switched on, then per turn.
    assert_eq!(b.eval("getComputedStyle(document.querySelector('.trace')).display"), json!("none"));
    b.eval("document.getElementById('trace-toggle').click()");
    b.wait_for("the trace", "getComputedStyle(document.querySelector('.trace')).display === 'block'");
    // The switch's slide has ended (for the screenshot).
    b.wait_for("the switch", "getComputedStyle(document.querySelector('.thumb')).left === '16px'");
    assert!(b.eval(&shows(".trace .trace-head", "2 Agent Handoff")) == json!(true), "{}", b.eval(&texts(".trace")));
    assert!(b.eval("document.querySelectorAll('.trace .trace-lines li').length > 0") == json!(true));
    std::fs::create_dir_all(root().join("target")).unwrap();
    let shot = root().join("target/preview-screenshot.png");
    b.screenshot(&shot);
    b.eval("document.getElementById('trace-toggle').click()");
    // With an agent the bot is silent, and the page says so.
    b.type_message("hello? is anyone there?", true);
    b.wait_for("the silence notice", &shows(".notice.silent", "with an agent"));
    // Restart: a new conversation, the welcome again.
    let before = b.eval("document.body.dataset.conversation");
    b.eval("document.getElementById('restart').click()");
    b.wait_for(
        "a new conversation",
        &format!("document.body.dataset.conversation !== {before} && document.body.dataset.state === 'ready'"),
    );
    b.wait_for("the welcome after restart", &shows(BOT_SAYS, "Hi! I'm the demo bot."));
    assert_eq!(b.eval("document.getElementById('status').textContent"), json!("Active"));
    drop(server);

    // Buttons and quick replies: clicking sends the payload.
    let server = Server::start("tests/data/bots/options.json");
    b.navigate(&server.url);
    b.wait_for("the options bot", "document.body.dataset.state === 'ready' && document.body.dataset.conversation && document.getElementById('bot-name').textContent === 'options'");
    b.type_message("pizza", true);
    b.wait_for("the size buttons", "document.querySelectorAll('.card .card-button').length === 2");
    assert_eq!(b.eval(&texts(".card .card-text")), json!("Pick a size"));
    b.eval("[...document.querySelectorAll('.card-button')].find(e => e.textContent === 'Large').click()");
    b.wait_for("the drink quick replies", "document.querySelectorAll('.chips:not(.used) .chip').length === 2");
    assert!(b.eval(&shows(BOT_SAYS, "Large it is.")) == json!(true));
    assert_eq!(b.eval(&texts(".chips .chip")), json!("Cola | Water"));
    b.eval("[...document.querySelectorAll('.chip')].find(e => e.textContent === 'Water').click()");
    b.wait_for("the choice", &shows(BOT_SAYS, "You chose drink_water."));
    // The bubble shows what was tapped and the payload that was sent; the
    // quick replies are spent.
    assert!(
        b.eval(&shows(".row.user .bubble", "Waterpayload: drink_water")) == json!(true),
        "{}",
        b.eval(&texts(".row.user"))
    );
    assert_eq!(b.eval("document.querySelector('.chip.chosen').textContent"), json!("Water"));
    assert_eq!(b.eval("document.querySelectorAll('.chip:not(:disabled)').length"), json!(0));

    // Every other kind of event, as the page renders a turn.
    b.eval(
        r#"window.cbotPreview.renderTurn({
            user: "(rendered by the test)", trace: ["a trace line"], dialog: null, intent: null, status: "closed",
            events: [
                { type: "image", url: "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='160' height='60'%3E%3Crect width='160' height='60' fill='%23f3c77a'/%3E%3C/svg%3E" },
                { type: "structured", content: { type: "vertical", elements: [
                    { type: "text", text: "A card", style: { bold: true } },
                    { type: "button", title: "Open", click: { actions: [{ type: "link", uri: "https://example.com/x" }] } } ] } },
                { type: "structured", content: { type: "unheard-of", x: 1 } },
                { type: "delay", ms: 200 },
                { type: "private_message", text: "For agents" },
                { type: "script_error", panel: "ask/pre", error: "boom" },
                { type: "debug", text: "a debug line" },
                { type: "close", survey: false }
            ] })"#,
    );
    b.wait_for("the close notice", &shows(".notice.close", "Conversation closed by the bot"));
    assert_eq!(b.eval("document.querySelectorAll('.image-bubble img').length"), json!(1));
    assert_eq!(b.eval("document.querySelector('.sc-text.bold').textContent"), json!("A card"));
    assert_eq!(b.eval("document.querySelector('a.card-button').href"), json!("https://example.com/x"));
    assert!(b.eval(&shows(".card pre.raw", "unheard-of")) == json!(true));
    assert!(b.eval(&shows(".notice.private", "For agents")) == json!(true));
    assert!(b.eval(&shows(".notice.error", "boom")) == json!(true));
    assert!(b.eval(&shows(".trace-logs li", "debug: a debug line")) == json!(true));
    assert_eq!(b.eval("document.getElementById('status').textContent"), json!("Closed"));
    b.screenshot(&root().join("target/preview-screenshot-options.png"));
    assert!(b.page_errors.is_empty(), "the page reported errors: {:#?}", b.page_errors);
    eprintln!("preview test: browser run took {:.1?}; screenshot {}", started.elapsed(), shot.display());
}
