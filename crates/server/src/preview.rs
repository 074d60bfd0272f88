//! The web preview page (docs/serve.md, "Preview page"): CB's Preview for
//! a bot cbot serves. `GET /` is a page without a build step or external
//! resources (the HTML, CSS and JS beside this file, compiled in); it
//! talks to a small JSON API under `/preview/api/`:
//!
//! - `GET    /preview/api/bot` → name, bot id, environments, channels
//! - `POST   /preview/api/conversations` `{environment, channel, welcome}` → `{id, …}`
//! - `POST   /preview/api/conversations/{id}/messages` `{text}` → the turn
//! - `DELETE /preview/api/conversations/{id}` → 204
//!
//! Preview conversations live in this process's memory only, as in CB's
//! Preview: apart from the protocol's stored conversations, never written
//! to the store, at most [`MAX_CONVERSATIONS`] of them (the least recently
//! used go first).

use crate::{ApiError, ENVIRONMENTS, ServerConfig, bad_json, internal, not_found};
use axum::extract::rejection::JsonRejection;
use axum::extract::{DefaultBodyLimit, Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use cbot_engine::{Bot, Conversation, ConversationConfig, Status, Turn};
use serde_json::{Value, json};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// Preview conversations kept at most; creating one more forgets the one
/// used least recently (a tab left open for days should not pin memory).
pub(crate) const MAX_CONVERSATIONS: usize = 1_000;

/// The largest request body: a typed message is small.
const MAX_BODY: usize = 64 * 1024;

/// The channels the page offers: `(getChannel(), getUserChannel(), label)`.
/// `web` is what CB's own Preview reports; the others are LivePerson
/// channels (CB-SPEC §4, `getUserChannel()`), where bots that check the
/// channel take another path (dialogs/agent-handoff does). The pairing is
/// `cbot chat --channel`'s.
/// The channel the preview starts on (the first of [`CHANNELS`]).
const DEFAULT_CHANNEL: &str = "web";

const CHANNELS: &[(&str, &str, &str)] = &[
    ("web", "lp_web", "CB Preview"),
    ("lp_web", "lp_web", "Web messaging"),
    ("lp_inapp", "lp_inapp", "In-app messaging"),
    ("lp_sms", "lp_sms", "SMS"),
    ("lp_whatsapp", "lp_whatsapp", "WhatsApp"),
    ("lp_fb", "lp_fb", "Facebook Messenger"),
    ("lp_abc", "lp_abc", "Apple Messages for Business"),
    ("lp_rcs", "lp_rcs", "RCS"),
    ("twilio_sms", "twilio_sms", "Twilio SMS"),
];

const INDEX_HTML: &str = include_str!("preview/index.html");
const APP_JS: &str = include_str!("preview/app.js");
const APP_CSS: &str = include_str!("preview/app.css");
const ICON_SVG: &str = include_str!("preview/icon.svg");

/// What the preview needs of the server's config (copied: the protocol's
/// handlers own the config).
struct Preview {
    bot: Bot,
    bot_id: String,
    version: String,
    conversation: ConversationConfig,
    /// A prefix unique to this process, so that a tab still open from an
    /// earlier run gets "not found" rather than somebody else's
    /// conversation with the same number.
    run: String,
    conversations: Mutex<Conversations>,
}

#[derive(Default)]
struct Conversations {
    next: u64,
    /// Each conversation with the tick of its last use (for eviction).
    by_id: HashMap<String, (Arc<tokio::sync::Mutex<Conversation>>, u64)>,
}

impl Preview {
    fn lock(&self) -> std::sync::MutexGuard<'_, Conversations> {
        self.conversations.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    fn get(&self, id: &str) -> Result<Arc<tokio::sync::Mutex<Conversation>>, ApiError> {
        let mut all = self.lock();
        all.next += 1;
        let tick = all.next;
        let (slot, last) = all.by_id.get_mut(id).ok_or_else(|| not_found(format!("no preview conversation {id:?}")))?;
        *last = tick;
        Ok(slot.clone())
    }
}

/// The page, its assets and its API, merged into the server's router
/// outside its token check (lib.rs decides when).
pub(crate) fn router(config: &ServerConfig) -> Router {
    let started = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
    let preview = Arc::new(Preview {
        bot: config.bot.clone(),
        bot_id: config.bot_id.clone(),
        version: config.version.clone(),
        conversation: config.conversation.clone(),
        run: format!("{:x}", started.as_micros() & 0xff_ffff_ffff),
        conversations: Mutex::new(Conversations::default()),
    });
    Router::new()
        .route("/", get(|| async { asset("text/html; charset=utf-8", INDEX_HTML) }))
        .route("/preview/app.js", get(|| async { asset("text/javascript; charset=utf-8", APP_JS) }))
        .route("/preview/app.css", get(|| async { asset("text/css; charset=utf-8", APP_CSS) }))
        .route("/preview/icon.svg", get(|| async { asset("image/svg+xml", ICON_SVG) }))
        .route("/preview/api/bot", get(bot))
        .route("/preview/api/conversations", post(create))
        .route("/preview/api/conversations/{id}", axum::routing::delete(delete))
        .route("/preview/api/conversations/{id}/messages", post(message))
        .method_not_allowed_fallback(|| async {
            ApiError(StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed", "this path takes another method".into())
        })
        .layer(DefaultBodyLimit::max(MAX_BODY))
        .with_state(preview)
}

/// A compiled-in file. Not cached by the browser (a rebuilt server serves
/// a new page); the CSP keeps bot content, which the page only ever puts
/// in as text, from loading scripts or styles from anywhere else.
fn asset(content_type: &'static str, body: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type),
            (header::CACHE_CONTROL, "no-cache"),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
            (
                header::CONTENT_SECURITY_POLICY,
                "default-src 'self'; img-src 'self' http: https: data:; frame-ancestors 'none'; base-uri 'none'",
            ),
        ],
        body,
    )
        .into_response()
}

fn bad_request(message: String) -> ApiError {
    ApiError(StatusCode::BAD_REQUEST, "bad_request", message)
}

async fn bot(State(p): State<Arc<Preview>>) -> Json<Value> {
    let channels: Vec<Value> = CHANNELS.iter().map(|(id, _, label)| json!({ "id": id, "label": label })).collect();
    Json(json!({
        "name": p.bot.name(),
        "botId": p.bot_id,
        "version": p.version,
        "environments": ENVIRONMENTS,
        "channels": channels,
        "defaultChannel": DEFAULT_CHANNEL,
        "welcome": welcome_message(&p.bot),
    }))
}

/// What "start" sends for the user: the bot's get-started payload, "hi"
/// when it has none (CB-SPEC §7.2). The protocol's START event sends the
/// same.
pub(crate) fn welcome_message(bot: &Bot) -> String {
    let model = bot.compiled().model();
    model.info.get_started_button_payload.clone().filter(|p| !p.trim().is_empty()).unwrap_or_else(|| "hi".into())
}

/// A string field of a request body: absent is `None`; anything but a
/// string is a 400.
fn string_field<'a>(body: &'a Value, name: &str) -> Result<Option<&'a str>, ApiError> {
    match body.get(name) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(_) => Err(bad_request(format!("{name:?} must be a string"))),
    }
}

async fn create(
    State(p): State<Arc<Preview>>,
    body: Result<Json<Value>, JsonRejection>,
) -> Result<Json<Value>, ApiError> {
    let Json(body) = body.map_err(bad_json)?;
    if !body.is_object() {
        return Err(bad_request("the body must be a JSON object".into()));
    }
    let environment = string_field(&body, "environment")?.unwrap_or(crate::DEFAULT_ENVIRONMENT);
    if !ENVIRONMENTS.contains(&environment) {
        return Err(bad_request(format!("no environment {environment:?} (there is {:?})", ENVIRONMENTS)));
    }
    let channel = string_field(&body, "channel")?.unwrap_or(DEFAULT_CHANNEL);
    let Some(&(channel, user_channel, _)) = CHANNELS.iter().find(|c| c.0 == channel) else {
        let known: Vec<&str> = CHANNELS.iter().map(|c| c.0).collect();
        return Err(bad_request(format!("no channel {channel:?} (one of {})", known.join(", "))));
    };
    let welcome = match body.get("welcome") {
        None | Some(Value::Null) => false,
        Some(Value::Bool(b)) => *b,
        Some(_) => return Err(bad_request("\"welcome\" must be true or false".into())),
    };
    let id = {
        let mut all = p.lock();
        all.next += 1;
        format!("preview-{}-{}", p.run, all.next)
    };
    let mut config = p.conversation.clone();
    config.info.channel = channel.into();
    config.info.user_channel = user_channel.into();
    config.info.conversation_id = id.clone();
    // Always recorded: the page's trace switch then shows every turn,
    // including those before it was switched on.
    config.trace = true;
    let bot = p.bot.clone();
    let welcome = welcome.then(|| welcome_message(&p.bot));
    // Starting instantiates the bot's scripts, and the welcome is a turn:
    // both off the async workers.
    let (conversation, turn) = tokio::task::spawn_blocking(move || {
        let mut conversation = bot.start(config);
        let turn = welcome.map(|message| conversation.send(&message));
        (conversation, turn)
    })
    .await
    .map_err(internal)?;
    let status = conversation.status();
    let turn = turn.map(|t| turn_json(&t, status));
    {
        let mut all = p.lock();
        if all.by_id.len() >= MAX_CONVERSATIONS
            && let Some(oldest) = all.by_id.iter().min_by_key(|(_, (_, last))| *last).map(|(k, _)| k.clone())
        {
            all.by_id.remove(&oldest);
        }
        all.next += 1;
        let tick = all.next;
        all.by_id.insert(id.clone(), (Arc::new(tokio::sync::Mutex::new(conversation)), tick));
    }
    Ok(Json(json!({
        "id": id,
        "environment": environment,
        "channel": channel,
        "userChannel": user_channel,
        "status": status_name(status),
        "welcome": turn,
    })))
}

async fn message(
    State(p): State<Arc<Preview>>,
    Path(id): Path<String>,
    body: Result<Json<Value>, JsonRejection>,
) -> Result<Json<Value>, ApiError> {
    let Json(body) = body.map_err(bad_json)?;
    let Some(text) = string_field(&body, "text")?.map(str::to_string) else {
        return Err(bad_request("a message needs \"text\" (a string)".into()));
    };
    let slot = p.get(&id)?;
    // One turn at a time per conversation, in arrival order; the turn
    // itself (scripts in wasm) runs off the async workers.
    let mut conversation = slot.lock_owned().await;
    let (turn, status) = tokio::task::spawn_blocking(move || {
        let turn = conversation.send(&text);
        (turn, conversation.status())
    })
    .await
    .map_err(internal)?;
    Ok(Json(turn_json(&turn, status)))
}

async fn delete(State(p): State<Arc<Preview>>, Path(id): Path<String>) -> Result<StatusCode, ApiError> {
    match p.lock().by_id.remove(&id) {
        Some(_) => Ok(StatusCode::NO_CONTENT),
        None => Err(not_found(format!("no preview conversation {id:?}"))),
    }
}

fn status_name(status: Status) -> &'static str {
    match status {
        Status::Active => "active",
        Status::Transferred => "transferred",
        Status::Closed => "closed",
    }
}

/// A turn for the page. `events` are the runtime's events as `cbot chat
/// --format json` prints them (`{"type":"text","text":…}`,
/// `{"type":"transfer","skill":…,"skillId":…,"message":…}`, …), so the
/// page sees everything the bot did, logs and errors included.
fn turn_json(turn: &Turn, status: Status) -> Value {
    json!({
        "user": turn.user,
        "events": turn.events,
        "trace": turn.trace,
        "dialog": turn.dialog,
        "intent": turn.intent,
        "status": status_name(status),
    })
}
