//! `cbot chat BOT`: talk to a bot. Interactive on a terminal; with piped
//! input, one user message per line and one turn per message on stdout.

use crate::{ChatArgs, Format};
use anyhow::Context as _;
use cbot_engine::{Config, ConversationConfig, Engine, Event, Value};
use std::io::{BufRead, IsTerminal, Write};
use std::process::ExitCode;

pub fn run(args: &ChatArgs) -> anyhow::Result<ExitCode> {
    let engine = Engine::new(&Config::default()).map_err(|e| anyhow::anyhow!("{e}"))?;
    let mut bot = engine.load_bot(&args.bot).map_err(|e| anyhow::anyhow!("{e}"))?;
    if let Some(domain) = &args.domain {
        let d = cbot_engine::load_domain(domain).map_err(|e| anyhow::anyhow!("{e}"))?;
        bot = bot.with_intents(std::sync::Arc::new(d));
    }
    for (panel, why) in bot.script_problems() {
        eprintln!("cbot: warning: code panel {panel} will not run: {why}");
    }
    let mut config = ConversationConfig { trace: args.trace, ..ConversationConfig::default() };
    config.info.channel = args.channel.clone();
    config.info.user_channel =
        if args.channel.starts_with("lp_") { args.channel.clone() } else { format!("lp_{}", args.channel) };
    for v in &args.var {
        let (k, val) = v.split_once('=').with_context(|| format!("--var {v:?}: expected NAME=VALUE"))?;
        config.variables.push((k.to_string(), Value::from(val)));
    }
    let mut conversation = bot.start(config);
    let interactive = std::io::stdin().is_terminal() && args.format == Format::Plain;
    let stdin = std::io::stdin();
    let mut out = std::io::stdout().lock();
    if interactive {
        writeln!(out, "Talking to {:?} on channel {}. Ctrl-D ends.", bot.name(), args.channel)?;
    }
    let mut lines = stdin.lock().lines();
    loop {
        if interactive {
            write!(out, "you> ")?;
            out.flush()?;
        }
        let Some(line) = lines.next() else { break };
        let line = line.context("cannot read stdin")?;
        let message = line.trim_end_matches('\r');
        let turn = conversation.send(message);
        match args.format {
            Format::Json => {
                let mut doc = serde_json::json!({ "user": turn.user, "events": turn.events });
                if args.trace {
                    doc["trace"] = serde_json::json!(turn.trace);
                }
                serde_json::to_writer(&mut out, &doc)?;
                writeln!(out)?;
            }
            Format::Plain => {
                if !interactive {
                    writeln!(out, "you> {message}")?;
                }
                if args.trace {
                    for t in &turn.trace {
                        writeln!(out, "  ~ {t}")?;
                    }
                }
                for e in &turn.events {
                    write_event(&mut out, e)?;
                }
            }
        }
        out.flush()?;
    }
    if interactive {
        writeln!(out)?;
    }
    Ok(ExitCode::SUCCESS)
}

fn write_event(out: &mut impl Write, e: &Event) -> std::io::Result<()> {
    match e {
        Event::Text { text } => writeln!(out, "bot> {text}"),
        Event::Image { url } => writeln!(out, "bot> [image] {url}"),
        Event::QuickReplies { text, replies } => {
            writeln!(out, "bot> {text}")?;
            let titles: Vec<&str> = replies.iter().map(|r| r.title.as_str()).collect();
            writeln!(out, "     quick replies: {}", titles.join(" | "))
        }
        Event::Buttons { text, buttons } => {
            writeln!(out, "bot> {text}")?;
            for (k, b) in buttons.iter().enumerate() {
                writeln!(out, "     [{}] {}", k + 1, b.title)?;
            }
            Ok(())
        }
        Event::Structured { content } => writeln!(out, "bot> [structured] {content}"),
        Event::Delay { ms } => writeln!(out, "     (waits {ms} ms)"),
        Event::Transfer { skill, skill_id, message } => {
            let skill = skill.as_deref().map_or_else(|| format!("skill {skill_id}"), |s| format!("{s} ({skill_id})"));
            if message.is_empty() {
                writeln!(out, "==> transfer to {skill}")
            } else {
                writeln!(out, "==> transfer to {skill} with message: {message}")
            }
        }
        Event::Close { survey } => {
            writeln!(out, "==> conversation closed{}", if *survey { " (with survey)" } else { "" })
        }
        Event::ApiCall { integration, method, url, status, error } => match (status, error) {
            (Some(s), _) => writeln!(out, "  · {integration}: {method} {url} → {s}"),
            (None, Some(e)) => writeln!(out, "  · {integration}: {method} {url} failed: {e}"),
            (None, None) => writeln!(out, "  · {integration}: {method} {url}"),
        },
        Event::Debug { text } => writeln!(out, "  · debug: {text}"),
        Event::ScriptError { panel, error } => writeln!(out, "  ! script error in {panel}: {error}"),
        Event::Error { message } => writeln!(out, "  ! {message}"),
    }
}
