//! Integrations go through a [`Transport`] (DESIGN §5): tests and offline
//! runs use [`Mocks`], a deployment plugs in a real HTTP client. Nothing in
//! the runtime touches the network by itself.

use std::collections::HashMap;
use std::sync::Mutex;

/// An integration call after templating.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpRequest {
    /// The integration's name (mocks are keyed by it).
    pub integration: String,
    /// `GET`, `POST`, …
    pub method: String,
    /// The URL.
    pub url: String,
    /// Header names and values.
    pub headers: Vec<(String, String)>,
    /// The body, for methods that have one.
    pub body: Option<String>,
}

/// What came back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpResponse {
    /// HTTP status.
    pub status: u16,
    /// The body (JSON for CB's API integrations).
    pub body: String,
}

/// How integration calls leave the bot.
pub trait Transport: Send + Sync {
    /// Makes the call; `Err` when there is no response (network error, no
    /// mock), with a message for the turn's events.
    fn send(&self, request: &HttpRequest) -> Result<HttpResponse, String>;

    /// Whether a call may wait on something outside the process (the
    /// network). A server runs turns that may on threads meant for
    /// blocking, and the rest on its async workers.
    fn may_block(&self) -> bool {
        true
    }
}

/// No network: every call fails with a message naming the integration.
/// The default, so that nothing reaches the network unless asked to.
#[derive(Debug, Default, Clone, Copy)]
pub struct NoNetwork;

impl Transport for NoNetwork {
    fn may_block(&self) -> bool {
        false
    }

    fn send(&self, request: &HttpRequest) -> Result<HttpResponse, String> {
        Err(format!(
            "integration `{}` was not called: no network transport is configured (mock it, or give the conversation a transport)",
            request.integration
        ))
    }
}

/// Canned responses by integration name, and a record of the requests made.
#[derive(Debug, Default)]
pub struct Mocks {
    responses: HashMap<String, HttpResponse>,
    requests: Mutex<Vec<HttpRequest>>,
}

impl Mocks {
    /// No mocks yet.
    pub fn new() -> Mocks {
        Mocks::default()
    }

    /// Answers calls of `integration` with `status` and `body`.
    pub fn with(mut self, integration: &str, status: u16, body: impl Into<String>) -> Mocks {
        self.responses.insert(integration.to_string(), HttpResponse { status, body: body.into() });
        self
    }

    /// The requests made so far.
    pub fn requests(&self) -> Vec<HttpRequest> {
        self.requests.lock().map(|r| r.clone()).unwrap_or_default()
    }
}

impl Transport for Mocks {
    fn may_block(&self) -> bool {
        false
    }

    fn send(&self, request: &HttpRequest) -> Result<HttpResponse, String> {
        if let Ok(mut r) = self.requests.lock() {
            r.push(request.clone());
        }
        self.responses
            .get(&request.integration)
            .cloned()
            .ok_or_else(|| format!("integration `{}` has no mock", request.integration))
    }
}
