//! Integrations over real HTTP (`cbot chat`, `cbot serve`): a blocking
//! client with timeouts, so a slow API cannot hold a conversation forever.

use cbot_runtime::{HttpRequest, HttpResponse, Transport};
use std::time::Duration;

/// Calls integrations over the network.
pub struct HttpTransport {
    agent: ureq::Agent,
}

impl HttpTransport {
    /// A transport whose calls give up after `timeout` (CB allows an
    /// integration a few seconds; 10 s is the default here).
    pub fn new(timeout: Duration) -> HttpTransport {
        HttpTransport { agent: ureq::AgentBuilder::new().timeout(timeout).user_agent("cbot").build() }
    }
}

impl Default for HttpTransport {
    fn default() -> Self {
        HttpTransport::new(Duration::from_secs(10))
    }
}

impl Transport for HttpTransport {
    fn send(&self, request: &HttpRequest) -> Result<HttpResponse, String> {
        let mut r = self.agent.request(&request.method, &request.url);
        for (k, v) in &request.headers {
            r = r.set(k, v);
        }
        let result = match &request.body {
            Some(body) if request.method != "GET" => r.send_string(body),
            _ => r.call(),
        };
        let response = match result {
            Ok(resp) => resp,
            // An error status is still a response: rules see the status.
            Err(ureq::Error::Status(_, resp)) => resp,
            Err(e) => return Err(format!("{} {}: {e}", request.method, request.url)),
        };
        let status = response.status();
        // Bodies are read whole; a limit keeps a huge response from
        // exhausting memory (ureq stops at 10 MB).
        let body = response.into_string().map_err(|e| format!("reading the response: {e}"))?;
        Ok(HttpResponse { status, body })
    }
}
