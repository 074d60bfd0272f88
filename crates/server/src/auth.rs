//! Who may call the server: LivePerson sends a JWT in `Authorization`
//! (PEERS.md §2, "requests carry an App-JWT"). Its signature (HS256 with a
//! shared secret, or RS256 with a public key), its expiry and, when
//! configured, its scope are checked; anything else is a 401 whose body
//! says only that a valid token is needed (no hint which check failed).

use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use jsonwebtoken::{Algorithm, DecodingKey, Validation};
use std::sync::Arc;

/// How requests are authenticated.
#[derive(Clone)]
pub enum Auth {
    /// Not at all (`--insecure-no-auth`).
    None,
    /// A JWT with a valid signature, not expired, with the scope if one is
    /// required.
    Jwt(Arc<JwtCheck>),
}

/// A JWT check.
pub struct JwtCheck {
    key: DecodingKey,
    validation: Validation,
    scope: Option<String>,
}

impl JwtCheck {
    /// HS256 with a shared secret.
    pub fn hs256(secret: &[u8], scope: Option<String>) -> JwtCheck {
        JwtCheck { key: DecodingKey::from_secret(secret), validation: validation(Algorithm::HS256), scope }
    }

    /// RS256 with a PEM public key.
    pub fn rs256(pem: &[u8], scope: Option<String>) -> Result<JwtCheck, String> {
        let key = DecodingKey::from_rsa_pem(pem).map_err(|e| format!("not an RSA public key in PEM form: {e}"))?;
        Ok(JwtCheck { key, validation: validation(Algorithm::RS256), scope })
    }

    /// Whether `token` passes.
    pub fn accepts(&self, token: &str) -> bool {
        let Ok(data) = jsonwebtoken::decode::<serde_json::Value>(token, &self.key, &self.validation) else {
            return false;
        };
        match &self.scope {
            None => true,
            Some(want) => match data.claims.get("scope") {
                Some(serde_json::Value::String(s)) => s.split_whitespace().any(|x| x == want),
                Some(serde_json::Value::Array(a)) => a.iter().any(|x| x.as_str() == Some(want)),
                _ => false,
            },
        }
    }
}

fn validation(alg: Algorithm) -> Validation {
    let mut v = Validation::new(alg);
    // `exp` must be there and in the future (60 s of clock skew allowed);
    // audience and issuer are LivePerson's and not known here.
    v.set_required_spec_claims(&["exp"]);
    v.validate_aud = false;
    v
}

/// The middleware: `/healthz` is open, everything else needs a token.
pub(crate) async fn check(State(auth): State<Auth>, request: Request, next: Next) -> Response {
    let Auth::Jwt(jwt) = &auth else { return next.run(request).await };
    if request.uri().path() == "/healthz" {
        return next.run(request).await;
    }
    let token = request
        .headers()
        .get(axum::http::header::AUTHORIZATION)
        .and_then(|h| h.to_str().ok())
        .map(|h| h.strip_prefix("Bearer ").unwrap_or(h).trim());
    if token.is_some_and(|t| jwt.accepts(t)) {
        return next.run(request).await;
    }
    (
        StatusCode::UNAUTHORIZED,
        axum::Json(serde_json::json!({
            "error": { "code": "unauthorized", "message": "a valid bearer token is required" }
        })),
    )
        .into_response()
}
