//! The accept loop: HTTP/1.1 connections with the bounds an open server
//! needs (docs/security.md, "Untrusted requests").
//!
//! `axum::serve` has neither a connection limit nor read timeouts: a client
//! that opens connections and never finishes a request (slowloris) keeps
//! each one forever, until the process runs out of file descriptors. Here:
//!
//! - at most [`ServeLimits::max_connections`] connections are open; past
//!   that the loop stops accepting and the kernel's backlog holds the rest
//!   (they are served as connections close, not refused);
//! - a request's head must arrive within [`ServeLimits::read_timeout`] of
//!   the server starting to wait for it — which includes an idle keep-alive
//!   connection waiting for its next request (hyper's header read timeout);
//! - a request's body must arrive within the same time from its head: a
//!   late body fails the request (axum answers 400) and the connection
//!   closes.
//!
//! A turn, once its request has arrived, is not bound by these: it is
//! bounded by the script limits and the integration timeouts, and runs to
//! its save even when the client goes away (`App::run`).

use axum::Router;
use axum::body::Bytes;
use hyper::body::{Body as HttpBody, Frame, SizeHint};
use hyper_util::rt::{TokioIo, TokioTimer};
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;
use tokio::net::TcpListener;
use tokio::sync::{Semaphore, watch};
use tower::ServiceExt as _;

/// The bounds of [`serve`].
#[derive(Clone, Copy, Debug)]
pub struct ServeLimits {
    /// Connections open at once.
    pub max_connections: usize,
    /// The time a request's head, and then its body, may take to arrive.
    pub read_timeout: Duration,
    /// After the shutdown signal, how long requests in flight may take
    /// before the server stops regardless (their conversations are stored
    /// before any answer leaves, so a cut request is one LivePerson
    /// resends).
    pub shutdown_grace: Duration,
}

impl Default for ServeLimits {
    fn default() -> Self {
        ServeLimits {
            max_connections: DEFAULT_MAX_CONNECTIONS,
            read_timeout: Duration::from_secs(DEFAULT_READ_TIMEOUT_SECS),
            shutdown_grace: Duration::from_secs(30),
        }
    }
}

/// [`ServeLimits::max_connections`]'s default: far above what LivePerson
/// opens to one bot, far below a process's usual descriptor limit (1,024 is
/// the soft default on Linux; the server also needs files and sockets to
/// its store).
pub const DEFAULT_MAX_CONNECTIONS: usize = 768;

/// [`ServeLimits::read_timeout`]'s default, in seconds (hyper's own default
/// for the request head).
pub const DEFAULT_READ_TIMEOUT_SECS: u64 = 30;

/// Serves `router` on `listener` until `shutdown` resolves, then stops
/// accepting, lets the requests in flight finish (at most
/// `limits.shutdown_grace`) and returns.
pub async fn serve(
    listener: TcpListener,
    router: Router,
    limits: ServeLimits,
    shutdown: impl Future<Output = ()> + Send,
) -> std::io::Result<()> {
    let permits = Arc::new(Semaphore::new(limits.max_connections.max(1)));
    let (stop_tx, stop_rx) = watch::channel(false);
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        // A permit first: at the bound, connections wait in the backlog.
        let permit = tokio::select! {
            permit = permits.clone().acquire_owned() => match permit {
                Ok(p) => p,
                Err(_) => break,
            },
            () = &mut shutdown => break,
        };
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(a) => a,
                Err(e) => {
                    // Out of descriptors or memory (EMFILE, ENOBUFS): wait
                    // for connections to close instead of spinning.
                    tracing::warn!("cbot serve: accept failed: {e}");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        // Answers are small and latency matters more than packet count.
        let _ = stream.set_nodelay(true);
        let router = router.clone();
        let mut stop = stop_rx.clone();
        let read_timeout = limits.read_timeout;
        tokio::spawn(async move {
            let _permit = permit;
            let service = hyper::service::service_fn(move |req: hyper::Request<hyper::body::Incoming>| {
                let req = req.map(|body| axum::body::Body::new(Deadline::new(body, read_timeout)));
                router.clone().oneshot(req)
            });
            let mut builder = hyper::server::conn::http1::Builder::new();
            builder.timer(TokioTimer::new()).header_read_timeout(read_timeout).keep_alive(true);
            let conn = builder.serve_connection(TokioIo::new(stream), service);
            let mut conn = std::pin::pin!(conn);
            tokio::select! {
                done = conn.as_mut() => {
                    if let Err(e) = done {
                        tracing::debug!(%peer, "connection ended: {e}");
                    }
                    return;
                }
                _ = stop.wait_for(|s| *s) => conn.as_mut().graceful_shutdown(),
            }
            if let Err(e) = conn.await {
                tracing::debug!(%peer, "connection ended: {e}");
            }
        });
    }
    drop(listener);
    let _ = stop_tx.send(true);
    // Every connection holds a permit until it ends: all of them back means
    // no request is in flight.
    let all = u32::try_from(limits.max_connections.max(1)).unwrap_or(u32::MAX);
    if tokio::time::timeout(limits.shutdown_grace, permits.acquire_many(all)).await.is_err() {
        tracing::warn!("cbot serve: requests still in flight after {:?}; stopping anyway", limits.shutdown_grace);
    }
    Ok(())
}

/// A request body that must arrive by a deadline (set when the head has
/// arrived): past it, reading the body fails, which fails the request.
struct Deadline<B> {
    body: B,
    timer: Pin<Box<tokio::time::Sleep>>,
    timeout: Duration,
}

impl<B> Deadline<B> {
    fn new(body: B, timeout: Duration) -> Self {
        Deadline { body, timer: Box::pin(tokio::time::sleep(timeout)), timeout }
    }
}

/// The error of a body that missed its deadline.
#[derive(Debug)]
struct LateBody(Duration);

impl std::fmt::Display for LateBody {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "the request body did not arrive within {:?}", self.0)
    }
}

impl std::error::Error for LateBody {}

impl<B> HttpBody for Deadline<B>
where
    B: HttpBody<Data = Bytes> + Unpin,
    B::Error: Into<axum::BoxError>,
{
    type Data = Bytes;
    type Error = axum::BoxError;

    fn poll_frame(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Result<Frame<Bytes>, Self::Error>>> {
        let this = &mut *self;
        match Pin::new(&mut this.body).poll_frame(cx) {
            Poll::Ready(frame) => Poll::Ready(frame.map(|f| f.map_err(Into::into))),
            Poll::Pending => match this.timer.as_mut().poll(cx) {
                Poll::Ready(()) => Poll::Ready(Some(Err(Box::new(LateBody(this.timeout))))),
                Poll::Pending => Poll::Pending,
            },
        }
    }

    fn is_end_stream(&self) -> bool {
        self.body.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.body.size_hint()
    }
}
