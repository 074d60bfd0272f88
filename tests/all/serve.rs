//! `cbot serve`: the Custom Endpoint v1 protocol in process (every
//! endpoint, error answers), and a real server killed with SIGKILL and
//! restarted on its file store, continuing the conversation.

use crate::util::root;
use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use cbot_engine::{Config, ConversationConfig, Engine};
use cbot_server::{MemoryStore, ServerConfig};
use serde_json::{Value, json};
use std::sync::Arc;
use tower::ServiceExt as _;

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap()
}

fn app(bot: &str) -> axum::Router {
    app_with(bot, cbot_server::Auth::None)
}

fn app_with(bot: &str, auth: cbot_server::Auth) -> axum::Router {
    app_full(bot, auth, cbot_server::DEFAULT_MAX_LIVE)
}

fn app_full(bot: &str, auth: cbot_server::Auth, max_live: usize) -> axum::Router {
    let engine = Engine::new(&Config::default()).unwrap();
    let bot = engine.load_bot(root().join(bot)).unwrap();
    let mut conversation = ConversationConfig::default();
    conversation.info.channel = "lp_web".into();
    cbot_server::router(ServerConfig {
        bot,
        bot_id: "b1".into(),
        version: "test".into(),
        store: Arc::new(MemoryStore::default()),
        conversation,
        auth,
        max_live,
        preview: false,
    })
}

/// One request: status and JSON body (`null` when empty).
async fn call(app: &axum::Router, method: Method, path: &str, body: Option<&str>) -> (StatusCode, Value) {
    call_as(app, None, method, path, body).await
}

async fn call_as(
    app: &axum::Router,
    token: Option<&str>,
    method: Method,
    path: &str,
    body: Option<&str>,
) -> (StatusCode, Value) {
    let mut req = Request::builder().method(method).uri(path).header("content-type", "application/json");
    if let Some(t) = token {
        req = req.header("authorization", format!("Bearer {t}"));
    }
    let req = req.body(body.map_or_else(Body::empty, |b| Body::from(b.to_string()))).unwrap();
    let res = app.clone().oneshot(req).await.unwrap();
    let status = res.status();
    let bytes = axum::body::to_bytes(res.into_body(), 1 << 20).await.unwrap();
    let v = if bytes.is_empty() { Value::Null } else { serde_json::from_slice(&bytes).unwrap_or(Value::Null) };
    (status, v)
}

const CONV: &str = "/v1/bots/b1/environments/draft/conversations/c-1";

fn text(message: &str) -> String {
    json!({ "type": "TEXT", "source": "CONSUMER", "data": { "message": message } }).to_string()
}

#[test]
fn every_endpoint_answers_as_the_protocol_says() {
    runtime().block_on(async {
        let app = app("dialogs/agent-handoff");
        assert_eq!(call(&app, Method::GET, "/v1/bots/b1/environments", None).await, (StatusCode::OK, json!(["draft"])));
        assert_eq!(
            call(&app, Method::GET, "/v1/bots/b1/environments/draft/state", None).await,
            (StatusCode::OK, json!({ "state": "online", "version": "test" }))
        );
        // Create, twice: idempotent.
        let put = json!({ "context": { "skillId": "77", "visitor": { "language": "en-US" } } }).to_string();
        assert_eq!(call(&app, Method::PUT, CONV, Some(&put)).await.0, StatusCode::NO_CONTENT);
        assert_eq!(call(&app, Method::PUT, CONV, Some(&put)).await.0, StatusCode::NO_CONTENT);
        // START: the welcome (the export's get-started payload, "hi").
        let start = json!({ "type": "START", "source": "CONVERSATION", "data": {} }).to_string();
        let (status, body) = call(&app, Method::POST, &format!("{CONV}/events"), Some(&start)).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(
            body,
            json!({
                "response": [{ "type": "TEXT", "data": { "message": "Hi! I'm the demo bot. Ask me for an agent any time." } }],
                "analytics": { "intents": [{ "id": "1 Welcome", "description": "1 Welcome", "confidenceScore": 1.0 }] }
            })
        );
        // A transfer on a LivePerson channel: the message, then one ACTION.
        let (status, body) = call(&app, Method::POST, &format!("{CONV}/events"), Some(&text("I need a human"))).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(
            body["response"],
            json!([
                { "type": "TEXT", "data": { "message": "Transferring you to an agent" } },
                { "type": "ACTION", "data": { "name": "TRANSFER", "parameters": { "skillName": "Human" } } }
            ])
        );
        // CLOSE_CONVERSATION ends it; events after that are for an unknown
        // conversation.
        let close = json!({ "type": "CLOSE_CONVERSATION", "source": "CONVERSATION", "data": {} }).to_string();
        let (status, body) = call(&app, Method::POST, &format!("{CONV}/events"), Some(&close)).await;
        assert_eq!((status, body["response"].clone()), (StatusCode::OK, json!([])));
        let (status, body) = call(&app, Method::POST, &format!("{CONV}/events"), Some(&text("hi"))).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        assert_eq!(body["error"]["code"], "not_found");
    });
}

#[test]
fn bad_requests_get_a_4xx_with_a_json_error() {
    runtime().block_on(async {
        let app = app("dialogs/agent-handoff");
        let events = format!("{CONV}/events");
        assert_eq!(call(&app, Method::PUT, CONV, Some("{}")).await.0, StatusCode::NO_CONTENT);
        let cases: Vec<(Method, String, Option<String>, StatusCode, &str)> = vec![
            (Method::POST, events.clone(), Some("{not json".into()), StatusCode::BAD_REQUEST, "bad_request"),
            (Method::POST, events.clone(), Some(r#"{"type":"TYPING"}"#.into()), StatusCode::BAD_REQUEST, "bad_event"),
            (
                Method::POST,
                events.clone(),
                Some(r#"{"type":"TEXT","data":{}}"#.into()),
                StatusCode::BAD_REQUEST,
                "bad_event",
            ),
            (
                Method::POST,
                events.clone(),
                Some(text(&"x".repeat(300_000))),
                StatusCode::PAYLOAD_TOO_LARGE,
                "too_large",
            ),
            (Method::GET, "/v1/bots/other/environments".into(), None, StatusCode::NOT_FOUND, "not_found"),
            (Method::GET, "/v1/bots/b1/environments/prod/state".into(), None, StatusCode::NOT_FOUND, "not_found"),
            (
                Method::POST,
                "/v1/bots/b1/environments/draft/conversations/nope/events".into(),
                Some(text("hi")),
                StatusCode::NOT_FOUND,
                "not_found",
            ),
            (Method::GET, "/nowhere".into(), None, StatusCode::NOT_FOUND, "not_found"),
        ];
        for (method, path, body, want, code) in cases {
            let (status, v) = call(&app, method.clone(), &path, body.as_deref()).await;
            assert_eq!(status, want, "{method} {path}: {v}");
            assert_eq!(v["error"]["code"], code, "{method} {path}: {v}");
            assert!(v["error"]["message"].as_str().is_some_and(|m| !m.is_empty()), "{v}");
        }
        // The conversation is still fine after all that.
        let (status, _) = call(&app, Method::POST, &events, Some(&text("hi"))).await;
        assert_eq!(status, StatusCode::OK);
    });
}

/// The real binary on a file store, killed with SIGKILL between two turns
/// of a dialog-stack conversation, then restarted: the next event is
/// answered as if nothing happened (the question waiting below the
/// current dialog comes back).
#[test]
fn a_killed_server_continues_its_conversations() {
    let state = root().join("target/serve-test-state");
    let _ = std::fs::remove_dir_all(&state);
    let start = || {
        let served = crate::util::Served::start(&[
            "tests/data/bots/context-switch.json",
            "--insecure-no-auth",
            "--offline",
            "--addr",
            "127.0.0.1:0",
            "--state",
            state.to_str().unwrap(),
            "--bot-id",
            "b1",
        ]);
        let addr = served.addr();
        (served, format!("http://{addr}/v1/bots/b1/environments/draft/conversations/k-1"))
    };
    let post = |url: &str, message: &str| -> Value {
        let r =
            ureq::post(&format!("{url}/events")).set("content-type", "application/json").send_string(&text(message));
        serde_json::from_str(&r.unwrap().into_string().unwrap()).unwrap()
    };
    let (server, url) = start();
    assert_eq!(ureq::put(&url).set("content-type", "application/json").send_string("{}").unwrap().status(), 204);
    assert_eq!(post(&url, "order")["response"][0]["data"]["message"], "What size?");
    assert_eq!(post(&url, "what are your hours")["response"][0]["data"]["message"], "Weekday or weekend?");
    drop(server); // SIGKILL: no shutdown, no flush.
    let (server, url) = start();
    let body = post(&url, "weekday");
    drop(server);
    assert_eq!(
        body["response"],
        json!([
            { "type": "TEXT", "data": { "message": "Open 9 to 5, weekdays only." } },
            { "type": "TEXT", "data": { "message": "What size?" } }
        ]),
        "{body}"
    );
}

fn token(alg: jsonwebtoken::Algorithm, key: &jsonwebtoken::EncodingKey, exp_in: i64, scope: &str) -> String {
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs() as i64;
    let claims = json!({ "exp": now + exp_in, "scope": scope, "sub": "liveperson" });
    jsonwebtoken::encode(&jsonwebtoken::Header::new(alg), &claims, key).unwrap()
}

/// With a key configured, only a token with a valid signature, not
/// expired and with the scope gets through; every refusal is the same
/// 401 (no hint which check failed). `/healthz` stays open.
#[test]
fn requests_need_a_valid_token() {
    use jsonwebtoken::{Algorithm, EncodingKey};
    runtime().block_on(async {
        let secret = b"a-shared-secret-of-some-length";
        let hs = cbot_server::JwtCheck::hs256(secret, Some("msg.consumer".into()));
        let app = app_with("dialogs/agent-handoff", cbot_server::Auth::Jwt(Arc::new(hs)));
        let good = EncodingKey::from_secret(secret);
        let path = "/v1/bots/b1/environments";
        let ok = token(Algorithm::HS256, &good, 300, "read msg.consumer");
        assert_eq!(call_as(&app, Some(&ok), Method::GET, path, None).await.0, StatusCode::OK);
        let refused = [
            None,
            Some("not.a.jwt".to_string()),
            Some(token(Algorithm::HS256, &EncodingKey::from_secret(b"another-secret-entirely"), 300, "msg.consumer")),
            Some(token(Algorithm::HS256, &good, -600, "msg.consumer")),
            Some(token(Algorithm::HS256, &good, 300, "read")),
        ];
        for t in &refused {
            let (status, body) = call_as(&app, t.as_deref(), Method::GET, path, None).await;
            assert_eq!(status, StatusCode::UNAUTHORIZED, "{t:?}");
            assert_eq!(
                body,
                json!({ "error": { "code": "unauthorized", "message": "a valid bearer token is required" } })
            );
        }
        assert_eq!(call(&app, Method::GET, "/healthz", None).await.0, StatusCode::OK);
        // RS256 with a public key (a key pair made for this test only).
        let public = std::fs::read(root().join("tests/data/serve/test-only-rsa-public.pem")).unwrap();
        let private = std::fs::read(root().join("tests/data/serve/test-only-rsa-private.pem")).unwrap();
        let rs = cbot_server::JwtCheck::rs256(&public, None).unwrap();
        let app = app_with("dialogs/agent-handoff", cbot_server::Auth::Jwt(Arc::new(rs)));
        let key = EncodingKey::from_rsa_pem(&private).unwrap();
        let ok = token(Algorithm::RS256, &key, 300, "");
        assert_eq!(call_as(&app, Some(&ok), Method::GET, path, None).await.0, StatusCode::OK);
        // An HS256 token signed with the public key's text must not pass
        // (the algorithm is fixed by the server, not by the token).
        let confused = token(Algorithm::HS256, &EncodingKey::from_secret(&public), 300, "");
        assert_eq!(call_as(&app, Some(&confused), Method::GET, path, None).await.0, StatusCode::UNAUTHORIZED);
    });
}

/// With room for one live conversation, interleaved dialog-stack
/// conversations are evicted and restored from the store on nearly every
/// event, and each still goes on exactly.
#[test]
fn evicted_conversations_come_back_from_the_store() {
    runtime().block_on(async {
        let app = app_full("tests/data/bots/context-switch.json", cbot_server::Auth::None, 1);
        let conv = |k: usize| format!("/v1/bots/b1/environments/draft/conversations/e-{k}");
        for k in 0..4 {
            assert_eq!(call(&app, Method::PUT, &conv(k), Some("{}")).await.0, StatusCode::NO_CONTENT);
        }
        let say = |k: usize, m: &'static str| {
            let app = app.clone();
            let path = format!("{}/events", conv(k));
            async move { call(&app, Method::POST, &path, Some(&text(m))).await.1["response"].clone() }
        };
        for k in 0..4 {
            assert_eq!(say(k, "order").await[0]["data"]["message"], "What size?");
        }
        for k in 0..4 {
            assert_eq!(say(k, "what are your hours").await[0]["data"]["message"], "Weekday or weekend?");
        }
        for k in 0..4 {
            let r = say(k, "weekday").await;
            assert_eq!(r[0]["data"]["message"], "Open 9 to 5, weekdays only.", "conversation {k}: {r}");
            assert_eq!(r[1]["data"]["message"], "What size?", "conversation {k}: {r}");
        }
    });
}

/// The structured content cbot sends uses only element types, keys and
/// action types that LivePerson's own examples use
/// (shared/fixtures/structured-content): every element's type is known and
/// each of its keys appears on that type somewhere in the examples; the
/// same for click actions.
#[test]
fn structured_content_has_the_shapes_of_liveperson_examples() {
    use std::collections::{BTreeMap, BTreeSet};
    type Shapes = BTreeMap<String, BTreeSet<String>>;
    fn learn(v: &Value, elements: &mut Shapes, actions: &mut Shapes) {
        match v {
            Value::Object(o) => {
                if let Some(t) = o.get("type").and_then(Value::as_str) {
                    elements.entry(t.to_string()).or_default().extend(o.keys().cloned());
                }
                for a in o.get("click").and_then(|c| c.get("actions")).and_then(Value::as_array).into_iter().flatten() {
                    if let Some(t) = a.get("type").and_then(Value::as_str) {
                        actions.entry(t.to_string()).or_default().extend(a.as_object().unwrap().keys().cloned());
                    }
                }
                o.values().for_each(|x| learn(x, elements, actions));
            }
            Value::Array(a) => a.iter().for_each(|x| learn(x, elements, actions)),
            _ => {}
        }
    }
    fn check(v: &Value, elements: &Shapes, actions: &Shapes, problems: &mut Vec<String>) {
        match v {
            Value::Object(o) => {
                if let Some(t) = o.get("type").and_then(Value::as_str) {
                    match elements.get(t) {
                        None => problems.push(format!("element type {t:?} is in no example")),
                        Some(keys) => {
                            for k in o.keys().filter(|k| !keys.contains(*k)) {
                                problems.push(format!("{t:?} elements have no key {k:?} in the examples"));
                            }
                        }
                    }
                }
                for a in o.get("click").and_then(|c| c.get("actions")).and_then(Value::as_array).into_iter().flatten() {
                    let t = a["type"].as_str().unwrap_or("");
                    match actions.get(t) {
                        None => problems.push(format!("action type {t:?} is in no example")),
                        Some(keys) => {
                            for k in a.as_object().unwrap().keys().filter(|k| !keys.contains(*k)) {
                                problems.push(format!("{t:?} actions have no key {k:?} in the examples"));
                            }
                        }
                    }
                }
                o.iter()
                    .filter(|(k, _)| k.as_str() != "click")
                    .for_each(|(_, x)| check(x, elements, actions, problems));
            }
            Value::Array(a) => a.iter().for_each(|x| check(x, elements, actions, problems)),
            _ => {}
        }
    }
    let (mut elements, mut actions) = (Shapes::new(), Shapes::new());
    let dir = crate::util::fixtures().join("structured-content");
    for e in std::fs::read_dir(&dir).unwrap() {
        let v: Value = serde_json::from_slice(&std::fs::read(e.unwrap().path()).unwrap()).unwrap();
        learn(&v, &mut elements, &mut actions);
    }
    assert!(elements.contains_key("button") && actions.contains_key("publishText"), "{elements:?}");
    let choice = |t: &str, p: &str| cbot_engine::Choice { title: t.into(), payload: p.into() };
    let items = cbot_server::response_items(&[
        cbot_engine::Event::Buttons {
            text: "Pick one".into(),
            buttons: vec![choice("Help", "help"), choice("Shop", "https://shop.example")],
        },
        cbot_engine::Event::Image { url: "https://x/y.png".into() },
        cbot_engine::Event::QuickReplies { text: "Sure?".into(), replies: vec![choice("Yes", "yes")] },
    ]);
    let mut problems = Vec::new();
    for item in &items {
        let content = &item["data"]["structuredContent"];
        // The quick-reply container is the Custom Endpoint's own wrapper
        // (PEERS.md §2), not a structured-content element: check its replies.
        let content = content.get("quickReplies").map_or(content, |q| &q["replies"]);
        check(content, &elements, &actions, &mut problems);
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

/// The server does not start on an address other machines can reach
/// without a way to check tokens, nor with a shared secret too short to be
/// one. (On loopback, the default, it runs without tokens: a local tool.)
#[test]
fn serve_refuses_to_start_without_real_authentication() {
    for addr in ["0.0.0.0:0", "[::]:0", "192.0.2.1:8080"] {
        let o = crate::util::cbot(&["serve", "dialogs/agent-handoff", "--memory", "--addr", addr]);
        assert_eq!(o.status.code(), Some(2));
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert!(stderr.contains("--jwt-key FILE") && stderr.contains("reachable from other machines"), "{o:?}");
    }
    let secret = root().join("target/short-secret.txt");
    std::fs::write(&secret, "tooshort\n").unwrap();
    let o =
        crate::util::cbot(&["serve", "dialogs/agent-handoff", "--memory", "--jwt-secret", secret.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("too short (16 characters at least)"), "{o:?}");
}

/// Structured logs: with `--log-format json` every stderr line is a JSON
/// object (start, each event at debug level, shutdown), and SIGTERM stops
/// the server cleanly after the requests in flight.
#[test]
fn serve_writes_json_logs_and_stops_on_sigterm() {
    use std::process::Command;
    let mut served = crate::util::Served::start(&[
        "tests/data/bots/context-switch.json",
        "--memory",
        "--offline",
        "--addr",
        "127.0.0.1:0",
        "--bot-id",
        "b1",
        "--log-format",
        "json",
        "--log-level",
        "debug",
        "--no-preview",
    ]);
    let (addr, mut lines) = served.wait_for_seeing("\"addr\":\"");
    let addr = addr.split('"').next().unwrap().to_string();
    let url = format!("http://{addr}/v1/bots/b1/environments/draft/conversations/log-1");
    assert_eq!(ureq::put(&url).set("content-type", "application/json").send_string("{}").unwrap().status(), 204);
    let r = ureq::post(&format!("{url}/events")).set("content-type", "application/json").send_string(&text("order"));
    assert_eq!(r.unwrap().status(), 200);
    let status = Command::new("kill").args(["-TERM", &served.child.id().to_string()]).status().unwrap();
    assert!(status.success());
    let exit = served.child.wait().unwrap();
    assert!(exit.success(), "{exit:?}");
    lines.extend(served.lines(std::time::Duration::from_secs(5)));
    let lines: Vec<Value> = lines
        .iter()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("not JSON: {line:?}: {e}")))
        .collect();
    let has = |f: &dyn Fn(&Value) -> bool| lines.iter().any(f);
    assert!(has(&|v| v["level"] == "WARN" && v["message"].as_str().is_some_and(|m| m.contains("not authenticated"))));
    assert!(has(&|v| v["message"] == "event answered"
        && v["conversation"] == "log-1"
        && v["event"] == "TEXT"
        && v["micros"].is_u64()));
    assert!(has(&|v| v["message"] == "cbot serve: stopped"), "{lines:#?}");
    assert!(lines.iter().all(|v| v["timestamp"].is_string() && v["level"].is_string()));
}

/// Request/response snapshots of the protocol (tests/data/serve/protocol):
/// each `NAME.requests.json` is replayed against a fresh server of its bot
/// and channel, and the exchange (request, status, response) must equal
/// `NAME.expected.json` (`CBOT_BLESS=1` rewrites it, for review in the
/// diff).
#[test]
fn protocol_exchanges_match_their_snapshots() {
    let dir = root().join("tests/data/serve/protocol");
    let mut failures = Vec::new();
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".requests.json"))
        .collect();
    files.sort();
    assert!(files.len() >= 6, "{files:?}");
    for file in files {
        let spec: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
        let engine = Engine::new(&Config::default()).unwrap();
        let bot = engine.load_bot(root().join(spec["bot"].as_str().unwrap())).unwrap();
        let mut conversation = ConversationConfig::default();
        conversation.info.channel = spec["channel"].as_str().unwrap().into();
        let app = cbot_server::router(ServerConfig {
            bot,
            bot_id: "b1".into(),
            version: "test".into(),
            store: Arc::new(MemoryStore::default()),
            conversation,
            auth: cbot_server::Auth::None,
            max_live: cbot_server::DEFAULT_MAX_LIVE,
            preview: false,
        });
        let exchanges: Vec<Value> = runtime().block_on(async {
            let mut out = Vec::new();
            for r in spec["requests"].as_array().unwrap() {
                let method: Method = r["method"].as_str().unwrap().parse().unwrap();
                let body = match (&r["body"], &r["raw"]) {
                    (Value::Null, Value::String(raw)) => Some(raw.clone()),
                    (Value::Null, _) => None,
                    (b, _) => Some(b.to_string()),
                };
                let (status, response) = call(&app, method, r["path"].as_str().unwrap(), body.as_deref()).await;
                out.push(json!({ "request": r, "status": status.as_u16(), "response": response }));
            }
            out
        });
        let expected =
            dir.join(file.file_name().unwrap().to_string_lossy().replace(".requests.json", ".expected.json"));
        let actual = serde_json::to_string_pretty(&exchanges).unwrap() + "\n";
        if let Err(e) = crate::util::compare_or_bless(&expected, &actual) {
            failures.push(e);
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
