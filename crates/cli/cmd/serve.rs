//! `cbot serve BOT`: the Custom Endpoint v1 server (docs/serve.md).

use crate::{LogArgs, LogFormat, ServeArgs};
use anyhow::Context as _;
use cbot_engine::{Config, ConversationConfig, Engine};
use cbot_server::{Auth, JwtCheck, LogStore, MemoryStore, RedisStore, ServerConfig, Store};
use std::process::ExitCode;
use std::sync::Arc;

pub fn run(args: &ServeArgs) -> anyhow::Result<ExitCode> {
    let read = |p: &std::path::Path| std::fs::read(p).with_context(|| format!("cannot read {}", p.display()));
    let auth = match (&args.jwt_key, &args.jwt_secret) {
        (Some(key), _) => Auth::Jwt(Arc::new(
            JwtCheck::rs256(&read(key)?, args.jwt_scope.clone())
                .map_err(|e| anyhow::anyhow!("{}: {e}", key.display()))?,
        )),
        (None, Some(secret)) => {
            let bytes = read(secret)?;
            let text = String::from_utf8_lossy(&bytes);
            anyhow::ensure!(
                text.trim().len() >= 16,
                "{}: the shared secret is too short (16 characters at least)",
                secret.display()
            );
            Auth::Jwt(Arc::new(JwtCheck::hs256(text.trim().as_bytes(), args.jwt_scope.clone())))
        }
        (None, None) if args.insecure_no_auth || loopback(&args.addr) => Auth::None,
        (None, None) => anyhow::bail!(
            "{} is reachable from other machines, and LivePerson's requests carry a JWT: give the key to verify it \
             with --jwt-key FILE (RS256 public key) or --jwt-secret FILE (HS256), or pass --insecure-no-auth on a \
             trusted network",
            args.addr
        ),
    };
    let engine = Engine::new(&Config::default()).map_err(|e| anyhow::anyhow!("{e}"))?;
    let bot = engine.load_bot(&args.bot).map_err(|e| anyhow::anyhow!("{e}"))?;
    for (panel, why) in bot.script_problems() {
        eprintln!("cbot serve: warning: code panel {panel} will not run: {why}");
    }
    let model = bot.compiled().model();
    let bot_id = args.bot_id.clone().or_else(|| model.info.id.clone()).unwrap_or_else(|| "cbot".into());
    let state = args.state.to_string_lossy();
    let (store, _) = open_store(&state, args.memory, &args.log, &bot_id)?;
    let mut conversation = ConversationConfig::default();
    if !args.offline {
        conversation.transport = Arc::new(cbot_engine::HttpTransport::default());
    }
    let version = format!("cbot {} ({})", env!("CARGO_PKG_VERSION"), bot.name());
    let insecure = matches!(auth, Auth::None);
    // A browser has no LivePerson token: the preview only exists without
    // token checks (cbot_server::ServerConfig::preview).
    let preview = insecure && !args.no_preview;
    let router = cbot_server::router(ServerConfig {
        bot,
        bot_id: bot_id.clone(),
        version,
        store,
        conversation,
        auth,
        max_live: args.max_live,
        preview,
    });
    init_logs(args);
    let runtime =
        tokio::runtime::Builder::new_multi_thread().enable_all().build().context("cannot start the runtime")?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(&args.addr)
            .await
            .with_context(|| format!("cannot listen on {}", args.addr))?;
        let local = listener.local_addr()?;
        if insecure {
            let why = if args.insecure_no_auth { "--insecure-no-auth" } else { "no --jwt-key or --jwt-secret" };
            tracing::warn!("cbot serve: WARNING: requests are not authenticated ({why})");
        }
        let store = if args.memory { "memory".to_string() } else { redacted(&state) };
        tracing::info!(
            bot_id = %bot_id,
            addr = %local,
            store = %store,
            "cbot serve: bot {bot_id:?} on http://{local}/v1/bots/{bot_id}/environments/draft (state: {store})"
        );
        if preview {
            tracing::info!("cbot serve: preview on http://{local}/");
        }
        let limits = cbot_server::ServeLimits {
            max_connections: args.max_connections,
            read_timeout: std::time::Duration::from_secs(args.read_timeout.max(1)),
            ..Default::default()
        };
        cbot_server::serve(listener, router, limits, shutdown()).await.context("the server stopped")?;
        // Every answered event was stored before its answer left; the
        // store's writer finishes its queue when the store is dropped.
        tracing::info!("cbot serve: stopped");
        anyhow::Ok(())
    })?;
    Ok(ExitCode::SUCCESS)
}

/// Whether `addr` only accepts connections from this machine: then a
/// server without token checking is a local tool (CB's Preview), not an
/// open door, and needs no `--insecure-no-auth`.
fn loopback(addr: &str) -> bool {
    let host = addr.rsplit_once(':').map_or(addr, |(h, _)| h).trim_start_matches('[').trim_end_matches(']');
    host.eq_ignore_ascii_case("localhost") || host.parse::<std::net::IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

/// The store as it may be printed: a Redis URL without its password.
fn redacted(state: &str) -> String {
    match state.strip_prefix("redis://").and_then(|rest| rest.split_once('@')) {
        Some((_, host)) => format!("redis://…@{host}"),
        None => state.to_string(),
    }
}

/// Resolves on Ctrl-C or SIGTERM (what service managers send): the
/// server then stops accepting, finishes the requests in flight and
/// exits.
async fn shutdown() {
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    tokio::select! {
        _ = tokio::signal::ctrl_c() => {}
        () = term => {}
    }
    tracing::info!("cbot serve: shutting down (finishing requests in flight)");
}

/// Logs on stderr, as text or JSON lines (`--log-format`), from
/// `--log-level` up.
fn init_logs(args: &ServeArgs) {
    let builder = tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_max_level(args.log_level)
        .with_target(false)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()));
    let _ = match args.log_format {
        LogFormat::Text => builder.try_init(),
        LogFormat::Json => builder.json().flatten_event(true).try_init(),
    };
}

/// A store, and the log store it is when it is one (for its statistics).
pub type Opened = (Arc<dyn Store>, Option<Arc<LogStore>>);

/// The conversation store `state` names (`serve` and `loadtest`): memory,
/// a `redis://` URL (keys under `namespace`), or a log directory.
pub fn open_store(state: &str, memory: bool, log: &LogArgs, namespace: &str) -> anyhow::Result<Opened> {
    if memory {
        return Ok((Arc::new(MemoryStore::default()), None));
    }
    if state.starts_with("redis://") {
        return Ok((Arc::new(RedisStore::open(state, namespace).map_err(|e| anyhow::anyhow!("{e}"))?), None));
    }
    let options = cbot_server::LogOptions {
        sync: !log.no_fsync,
        sync_interval: std::time::Duration::from_micros(log.sync_interval),
        ..Default::default()
    };
    let store = Arc::new(LogStore::open_with(state, options).map_err(|e| anyhow::anyhow!("{e}"))?);
    Ok((store.clone(), Some(store)))
}
