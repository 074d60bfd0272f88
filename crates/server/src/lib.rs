//! A LivePerson Third-Party Bots **Custom Endpoint v1** server over
//! `cbot-engine` (shared PEERS.md §2; docs/serve.md):
//!
//! - `GET  /v1/bots/{botId}/environments` → `["draft"]`
//! - `GET  /v1/bots/{botId}/environments/{env}/state` → `{"state":"online","version":…}`
//! - `PUT  /v1/bots/{botId}/environments/{env}/conversations/{convId}` → 204 (idempotent)
//! - `POST /v1/bots/{botId}/environments/{env}/conversations/{convId}/events` →
//!   `{"response":[…],"analytics":{"intents":[…]}}`
//! - `GET  /healthz`
//! - `GET  /` and `/preview/…`: the web preview page and its JSON API
//!   (preview.rs), when [`ServerConfig::preview`] is on and there is no
//!   token check
//!
//! Each conversation's events are handled one at a time, in order;
//! different conversations run in parallel. After every event the
//! conversation's state goes to the [`Store`] before the answer leaves, so
//! a restarted server continues every conversation where it was.

#![deny(missing_docs)]

mod auth;
mod listen;
mod preview;
mod protocol;
pub mod store;

pub use auth::{Auth, JwtCheck};
pub use listen::{DEFAULT_MAX_CONNECTIONS, DEFAULT_READ_TIMEOUT_SECS, ServeLimits, serve};
pub use protocol::response_items;
pub use store::{
    LogOptions, LogStats, LogStore, MemoryStore, RedisStore, Saving, Store, StoreError, StoreLock, StoredConversation,
};

use axum::extract::rejection::JsonRejection;
use axum::extract::{DefaultBodyLimit, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, put};
use axum::{Json, Router};
use cbot_engine::{Bot, Conversation, ConversationConfig, Info, Value};
use serde_json::json;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// The largest request body accepted (LivePerson's events are small).
pub const MAX_BODY: usize = 256 * 1024;

/// What the server serves.
pub struct ServerConfig {
    /// The bot.
    pub bot: Bot,
    /// The bot id LivePerson uses in URLs (requests for another id get
    /// 404).
    pub bot_id: String,
    /// The bot's version, for the state endpoint.
    pub version: String,
    /// Where conversations are kept.
    pub store: Arc<dyn Store>,
    /// The base of every conversation's config (transport, clock, …); its
    /// `info` is filled from each conversation's PUT.
    pub conversation: ConversationConfig,
    /// How requests are authenticated.
    pub auth: Auth,
    /// Conversations kept in memory at most; beyond that the idle ones are
    /// dropped from memory (their state is in the store, and their next
    /// event restores them), so memory stays bounded however many
    /// conversations LivePerson opens.
    pub max_live: usize,
    /// Serve the web preview page at `/` and its JSON API under
    /// `/preview/api/` (docs/serve.md). Only when `auth` is [`Auth::None`]:
    /// the page sits outside the token check (a browser has no LivePerson
    /// token), so with token checks on it is not served, whatever this says.
    pub preview: bool,
}

/// The default of [`ServerConfig::max_live`] (about 90 MB of conversations).
pub const DEFAULT_MAX_LIVE: usize = 10_000;

/// One live conversation; the mutex orders its events.
type Slot = Arc<tokio::sync::Mutex<Option<Live>>>;

/// A conversation in memory, with what its stored record carries besides
/// the state (so that an event writes the record without reading it).
struct Live {
    conversation: Conversation,
    bot_id: String,
    environment: String,
    sdes: serde_json::Value,
    context: serde_json::Value,
}

impl Live {
    /// The record to store now.
    fn record(&self) -> StoredConversation {
        StoredConversation {
            bot_id: self.bot_id.clone(),
            environment: self.environment.clone(),
            sdes: self.sdes.clone(),
            context: self.context.clone(),
            state: self.conversation.snapshot(),
        }
    }
}

struct App {
    config: ServerConfig,
    live: Mutex<HashMap<String, Slot>>,
    /// Whether handling an event may block its thread (a shared store, or
    /// integrations over the network): then events run on tokio's blocking
    /// pool; otherwise on the async workers, awaiting the store's disk
    /// sync instead of blocking on it (a thread hand-off per event costs
    /// more than a turn).
    blocking: bool,
}

/// A conversation's slot, held: its events wait for it.
type Held = tokio::sync::OwnedMutexGuard<Option<Live>>;

/// An event handled, its state being stored: the answer may leave once
/// the store has it.
struct Handled {
    /// `None` once the conversation is closed.
    held: Option<Held>,
    _lock: StoreLock,
    saving: Saving,
    answer: serde_json::Value,
}

impl Handled {
    fn done(held: Held, answer: serde_json::Value) -> Handled {
        Handled { held: Some(held), _lock: StoreLock::none(), saving: Saving::done(Ok(())), answer }
    }

    /// The answer once stored; if the store failed, the conversation in
    /// memory (ahead of the store) is forgotten, so the next event starts
    /// again from the stored state (LivePerson resends an unanswered
    /// event).
    fn finish(mut self, stored: Result<(), StoreError>) -> Result<serde_json::Value, ApiError> {
        match stored {
            Ok(()) => Ok(self.answer),
            Err(e) => {
                if let Some(held) = &mut self.held {
                    **held = None;
                }
                Err(internal(e))
            }
        }
    }

    async fn wait(mut self) -> Result<serde_json::Value, ApiError> {
        let saving = std::mem::replace(&mut self.saving, Saving::done(Ok(())));
        let stored = saving.wait().await;
        self.finish(stored)
    }

    fn wait_blocking(mut self) -> Result<serde_json::Value, ApiError> {
        let saving = std::mem::replace(&mut self.saving, Saving::done(Ok(())));
        let stored = saving.wait_blocking();
        self.finish(stored)
    }
}

impl App {
    /// Runs `work` (which may block when `self.blocking`) and waits for
    /// its save, the right way for this server.
    async fn run(
        self: &Arc<Self>,
        work: impl FnOnce(&App) -> Result<Handled, ApiError> + Send + 'static,
    ) -> Result<serde_json::Value, ApiError> {
        // A task of its own either way: when the client goes away, hyper
        // drops this future, and the turn must still end in its save (or,
        // if the save fails, in forgetting the conversation) rather than
        // leave the conversation in memory ahead of the store.
        let app = self.clone();
        if self.blocking {
            tokio::task::spawn_blocking(move || work(&app)?.wait_blocking()).await.map_err(internal)?
        } else {
            tokio::spawn(async move { work(&app)?.wait().await }).await.map_err(internal)?
        }
    }
}

/// An error answer: a status and `{"error":{"code","message"}}` (the
/// message says what was wrong with the request, never how the server
/// works inside).
struct ApiError(StatusCode, &'static str, String);

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.0, Json(json!({ "error": { "code": self.1, "message": self.2 } }))).into_response()
    }
}

fn not_found(what: String) -> ApiError {
    ApiError(StatusCode::NOT_FOUND, "not_found", what)
}

fn internal(e: impl std::fmt::Display) -> ApiError {
    tracing::error!("{e}");
    ApiError(StatusCode::INTERNAL_SERVER_ERROR, "internal", "the server could not handle this event".into())
}

/// The store could not give us the conversation in time (another server
/// holds it, or Redis is down): LivePerson may retry.
fn unavailable(e: StoreError) -> ApiError {
    tracing::warn!("{e}");
    ApiError(StatusCode::SERVICE_UNAVAILABLE, "unavailable", "the conversation is busy or unreachable; retry".into())
}

fn bad_json(r: JsonRejection) -> ApiError {
    let status = r.status();
    let code = if status == StatusCode::PAYLOAD_TOO_LARGE { "too_large" } else { "bad_request" };
    ApiError(status, code, r.body_text())
}

/// The router, ready to serve.
pub fn router(config: ServerConfig) -> Router {
    let auth = config.auth.clone();
    let preview = (config.preview && matches!(auth, Auth::None)).then(|| preview::router(&config));
    let blocking = config.store.shared()
        || (config.conversation.transport.may_block() && !config.bot.compiled().model().integrations().is_empty());
    let app = Arc::new(App { config, live: Mutex::new(HashMap::new()), blocking });
    let router = Router::new()
        .route("/healthz", get(|| async { "ok" }))
        .route("/v1/bots/{bot}/environments", get(environments))
        .route("/v1/bots/{bot}/environments/{env}/state", get(state))
        .route("/v1/bots/{bot}/environments/{env}/conversations/{conv}", put(create))
        .route("/v1/bots/{bot}/environments/{env}/conversations/{conv}/events", post(event))
        .fallback(|| async { not_found("no such endpoint".into()) })
        .method_not_allowed_fallback(|| async {
            ApiError(
                StatusCode::METHOD_NOT_ALLOWED,
                "method_not_allowed",
                "this endpoint does not take that method".into(),
            )
        })
        .layer(DefaultBodyLimit::max(MAX_BODY));
    // Without token checks, no middleware at all: a layer per request is
    // measurable at tens of thousands of events per second.
    let router = match auth {
        Auth::None => router,
        jwt => router.layer(axum::middleware::from_fn_with_state(jwt, auth::check)),
    }
    .with_state(app);
    // Merged after the layers: the preview is outside the token check.
    match preview {
        Some(preview) => router.merge(preview),
        None => router,
    }
}

/// The environments cbot serves: the loaded bot is `draft`.
const ENVIRONMENTS: &[&str] = &[DEFAULT_ENVIRONMENT];

/// The environment of the loaded bot.
const DEFAULT_ENVIRONMENT: &str = "draft";

impl App {
    fn check(&self, bot: &str, env: Option<&str>) -> Result<(), ApiError> {
        if bot != self.config.bot_id {
            return Err(not_found(format!("no bot {bot:?} here")));
        }
        if let Some(env) = env
            && !ENVIRONMENTS.contains(&env)
        {
            return Err(not_found(format!("bot {bot:?} has no environment {env:?}")));
        }
        Ok(())
    }

    fn slot(&self, conv: &str) -> Slot {
        let mut live = self.live.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let slot = live.entry(conv.to_string()).or_default().clone();
        let max = self.config.max_live.max(1);
        // Over the cap by a tenth: drop idle conversations (nobody holds
        // their slot) until back at the cap. Amortised: a scan per
        // max/10 new conversations.
        if live.len() > max + max / 10 {
            let mut excess = live.len() - max;
            live.retain(|_, s| {
                if excess > 0 && Arc::strong_count(s) == 1 {
                    excess -= 1;
                    false
                } else {
                    true
                }
            });
        }
        slot
    }

    fn forget(&self, conv: &str) {
        let mut live = self.live.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        live.remove(conv);
    }
}

async fn environments(
    State(app): State<Arc<App>>,
    Path(bot): Path<String>,
) -> Result<Json<serde_json::Value>, ApiError> {
    app.check(&bot, None)?;
    Ok(Json(json!(ENVIRONMENTS)))
}

async fn state(
    State(app): State<Arc<App>>,
    Path((bot, env)): Path<(String, String)>,
) -> Result<Json<serde_json::Value>, ApiError> {
    app.check(&bot, Some(&env))?;
    Ok(Json(json!({ "state": "online", "version": app.config.version })))
}

/// The facts scripts see, from the PUT's `context` and `sdes` (PEERS.md
/// §2): context fields become engagement attributes (`skillId`,
/// `campaignId`, `engagementId`, `visitorLanguage`, …), the `ctmrinfo`
/// SDE is `getLPCustomerInfo()`, the `personal` SDE
/// `getLPUserPersonalInfo()`.
fn info_for(base: &Info, conv: &str, sdes: &serde_json::Value, context: &serde_json::Value) -> Info {
    let mut info = base.clone();
    info.conversation_id = conv.to_string();
    if let Some(o) = context.as_object() {
        for (k, v) in o {
            match v {
                serde_json::Value::Object(inner) => {
                    // `visitor: {language: …}` → `visitorLanguage`.
                    for (ik, iv) in inner {
                        let mut name = k.clone();
                        let mut chars = ik.chars();
                        if let Some(first) = chars.next() {
                            name.push(first.to_ascii_uppercase());
                            name.push_str(chars.as_str());
                        }
                        info.engagement_attributes.insert(name, Value::from_json(iv));
                    }
                }
                other => {
                    info.engagement_attributes.insert(k.clone(), Value::from_json(other));
                }
            }
        }
    }
    for group in ["authenticatedSdes", "unauthenticatedSdes"] {
        for sde in
            sdes.get(group).and_then(|g| g.get("events").or(Some(g))).and_then(|e| e.as_array()).into_iter().flatten()
        {
            match sde.get("type").and_then(|t| t.as_str()) {
                Some("ctmrinfo") => info.customer_info = Value::from_json(sde.get("info").unwrap_or(sde)),
                Some("personal") => info.user.personal_info = Value::from_json(sde.get("personal").unwrap_or(sde)),
                _ => {}
            }
        }
    }
    info
}

async fn create(
    State(app): State<Arc<App>>,
    Path((bot, env, conv)): Path<(String, String, String)>,
    body: axum::body::Bytes,
) -> Result<StatusCode, ApiError> {
    app.check(&bot, Some(&env))?;
    // The body is optional (an empty one creates a conversation without
    // SDEs or context); when there is one, it must be a JSON object.
    let body = if body.iter().all(u8::is_ascii_whitespace) {
        serde_json::Value::Null
    } else {
        match serde_json::from_slice::<serde_json::Value>(&body) {
            Ok(v @ (serde_json::Value::Object(_) | serde_json::Value::Null)) => v,
            Ok(_) => {
                return Err(ApiError(StatusCode::BAD_REQUEST, "bad_request", "the body must be a JSON object".into()));
            }
            Err(e) => {
                return Err(ApiError(StatusCode::BAD_REQUEST, "bad_request", format!("the body is not JSON: {e}")));
            }
        }
    };
    let held = app.slot(&conv).lock_owned().await;
    app.run(move |app| app.create(held, &bot, &env, &conv, &body)).await?;
    Ok(StatusCode::NO_CONTENT)
}

impl App {
    fn create(
        &self,
        mut held: Held,
        bot: &str,
        env: &str,
        conv: &str,
        body: &serde_json::Value,
    ) -> Result<Handled, ApiError> {
        let store = &self.config.store;
        let lock = store.lock(conv).map_err(unavailable)?;
        // Idempotent: a conversation that exists is left as it is. (In a
        // shared store only the store knows.)
        if (held.is_some() && !store.shared()) || store.load(conv).map_err(internal)?.is_some() {
            return Ok(Handled::done(held, serde_json::Value::Null));
        }
        let sdes = body.get("sdes").cloned().unwrap_or_default();
        let context = body.get("context").cloned().unwrap_or_default();
        let mut config = self.config.conversation.clone();
        config.info = info_for(&config.info, conv, &sdes, &context);
        let conversation = self.config.bot.start(config);
        let created = Live { conversation, bot_id: bot.to_string(), environment: env.to_string(), sdes, context };
        let saving = store.save_begin(conv, &created.record());
        *held = Some(created);
        Ok(Handled { held: Some(held), _lock: lock, saving, answer: serde_json::Value::Null })
    }
}

/// The user message an event carries: TEXT's `data.message`;
/// RICH_CONTENT's text (its `text`, or the content as JSON text).
fn message_of(body: &serde_json::Value) -> Option<String> {
    let data = body.get("data")?;
    if let Some(m) = data.get("message").and_then(|m| m.as_str()) {
        return Some(m.to_string());
    }
    let content = data.get("content")?;
    Some(content.get("text").and_then(|t| t.as_str()).map_or_else(|| content.to_string(), str::to_string))
}

async fn event(
    State(app): State<Arc<App>>,
    Path((bot, env, conv)): Path<(String, String, String)>,
    body: Result<Json<serde_json::Value>, JsonRejection>,
) -> Result<Json<serde_json::Value>, ApiError> {
    app.check(&bot, Some(&env))?;
    let Json(body) = body.map_err(bad_json)?;
    let kind = body.get("type").and_then(|t| t.as_str()).unwrap_or("").to_string();
    if !["TEXT", "RICH_CONTENT", "START", "CLOSE_CONVERSATION"].contains(&kind.as_str()) {
        return Err(ApiError(
            StatusCode::BAD_REQUEST,
            "bad_event",
            format!("unknown event type {kind:?} (TEXT, RICH_CONTENT, START or CLOSE_CONVERSATION)"),
        ));
    }
    let message = match kind.as_str() {
        "CLOSE_CONVERSATION" => None,
        // CB's Preview shows the welcome dialog before the user types: the
        // bot's "get started" payload is sent for the user (CB-SPEC §7.2;
        // "hi" when the export has none).
        "START" => Some(preview::welcome_message(&app.config.bot)),
        _ => Some(message_of(&body).ok_or_else(|| {
            ApiError(StatusCode::BAD_REQUEST, "bad_event", format!("a {kind} event needs data.message or data.content"))
        })?),
    };
    let started = std::time::Instant::now();
    let held = app.slot(&conv).lock_owned().await;
    let id = conv.clone();
    let answer = app.run(move |app| app.event(held, &conv, message.as_deref())).await;
    let micros = started.elapsed().as_micros() as u64;
    match &answer {
        Ok(_) => tracing::debug!(conversation = %id, event = %kind, micros, "event answered"),
        Err(e) => {
            tracing::debug!(conversation = %id, event = %kind, micros, status = e.0.as_u16(), code = e.1, "event refused")
        }
    }
    Ok(Json(answer?))
}

impl App {
    /// Runs one event of `conv` (`None`: close it) while holding its slot.
    fn event(&self, mut held: Held, conv: &str, message: Option<&str>) -> Result<Handled, ApiError> {
        let store = &self.config.store;
        let lock = store.lock(conv).map_err(unavailable)?;
        let unknown = || not_found(format!("no conversation {conv:?} (create it with PUT first)"));
        if store.shared() {
            // Another server may have moved it on since: the store's copy
            // is the one to continue.
            *held = None;
        }
        let Some(message) = message else {
            let exists = held.is_some() || store.load(conv).map_err(internal)?.is_some();
            *held = None;
            drop(held);
            self.forget(conv);
            if !exists {
                return Err(unknown());
            }
            // The slot is forgotten; the deletion is ordered after every
            // earlier save of the conversation all the same (one writer).
            let closed = self.config.store.delete_begin(conv);
            return Ok(Handled {
                held: None,
                _lock: lock,
                saving: closed,
                answer: json!({ "response": [], "analytics": { "intents": [] } }),
            });
        };
        if held.is_none() {
            // Not in memory (a restart, an eviction, another process): from
            // the store. A conversation in memory is the stored one: the
            // store is written after every event, and only read here.
            let Some(stored) = store.load(conv).map_err(internal)? else {
                drop(held);
                self.forget(conv);
                return Err(unknown());
            };
            let StoredConversation { bot_id, environment, sdes, context, state } = stored;
            let mut config = self.config.conversation.clone();
            config.info = state.info.clone();
            let conversation = self.config.bot.restore(config, state).map_err(internal)?;
            *held = Some(Live { conversation, bot_id, environment, sdes, context });
        }
        let Some(entry) = held.as_mut() else { return Err(unknown()) };
        let turn = entry.conversation.send(message);
        let saving = store.save_begin(conv, &entry.record());
        let response = response_items(&turn.events);
        let intents = match (&turn.intent, &turn.dialog) {
            (Some(i), _) => vec![json!({ "id": i, "description": i, "confidenceScore": 1.0 })],
            (None, Some(d)) => vec![json!({ "id": d, "description": d, "confidenceScore": 1.0 })],
            _ => Vec::new(),
        };
        let answer = json!({ "response": response, "analytics": { "intents": intents } });
        Ok(Handled { held: Some(held), _lock: lock, saving, answer })
    }
}
