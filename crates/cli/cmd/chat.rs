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
    if !args.offline {
        config.transport = std::sync::Arc::new(cbot_engine::HttpTransport::default());
    }
    let mut conversation = bot.start(config);
    let mut turns = Vec::new();
    let interactive = std::io::stdin().is_terminal() && args.format == Format::Plain;
    if interactive {
        repl(args, &bot, &mut conversation, &mut turns)?;
        return record(args, &bot, &turns);
    }
    let stdin = std::io::stdin();
    let mut out = std::io::stdout().lock();
    for line in stdin.lock().lines() {
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
                writeln!(out, "you> {message}")?;
                write_turn(&mut out, &turn, args.trace)?;
            }
        }
        out.flush()?;
        if args.record.is_some() {
            turns.push(turn);
        }
    }
    record(args, &bot, &turns)
}

/// `--record FILE`: the session as a test file.
fn record(args: &ChatArgs, bot: &cbot_engine::Bot, turns: &[cbot_engine::Turn]) -> anyhow::Result<ExitCode> {
    let Some(path) = &args.record else { return Ok(ExitCode::SUCCESS) };
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(std::path::Path::new("."));
    let name = path.file_name().and_then(|f| f.to_str()).unwrap_or("recorded").trim_end_matches(".convo.txt");
    let rec = cbot_testkit::record::Recording {
        name: name.to_string(),
        description: format!("Recorded with `cbot chat --record` from {:?} on channel {}.", bot.name(), args.channel),
        bot: Some(cbot_testkit::record::relative_path(dir, &args.bot)),
        channel: args.channel.clone(),
        variables: args.var.iter().filter_map(|v| v.split_once('=')).map(|(k, v)| (k.into(), v.into())).collect(),
    };
    std::fs::write(path, cbot_testkit::record::convo(&rec, turns))
        .with_context(|| format!("cannot write {}", path.display()))?;
    eprintln!("cbot: recorded {} turns in {} (replay: cbot test {})", turns.len(), path.display(), path.display());
    Ok(ExitCode::SUCCESS)
}

/// The interactive loop: line editing and history (arrow keys), Ctrl-D or
/// Ctrl-C to end.
fn repl(
    args: &ChatArgs,
    bot: &cbot_engine::Bot,
    conversation: &mut cbot_engine::Conversation,
    turns: &mut Vec<cbot_engine::Turn>,
) -> anyhow::Result<()> {
    use rustyline::error::ReadlineError;
    let mut editor = rustyline::DefaultEditor::new().context("cannot set up the terminal")?;
    let mut out = std::io::stdout();
    writeln!(out, "Talking to {:?} on channel {}. Ctrl-D ends.", bot.name(), args.channel)?;
    loop {
        match editor.readline("you> ") {
            Ok(line) => {
                if !line.trim().is_empty() {
                    let _ = editor.add_history_entry(line.as_str());
                }
                let turn = conversation.send(&line);
                write_turn(&mut out, &turn, args.trace)?;
                if args.record.is_some() {
                    turns.push(turn);
                }
            }
            Err(ReadlineError::Eof | ReadlineError::Interrupted) => break,
            Err(e) => return Err(e).context("cannot read the terminal"),
        }
    }
    Ok(())
}

fn write_turn(out: &mut impl Write, turn: &cbot_engine::Turn, trace: bool) -> std::io::Result<()> {
    if trace {
        for t in &turn.trace {
            writeln!(out, "  ~ {t}")?;
        }
    }
    for e in &turn.events {
        write_event(out, e)?;
    }
    out.flush()
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
        Event::Transfer { skill, skill_id, agent_id, message, bot_context } => {
            let mut skill =
                skill.as_deref().map_or_else(|| format!("skill {skill_id}"), |s| format!("{s} ({skill_id})"));
            if let Some(agent) = agent_id {
                skill.push_str(&format!(", agent {agent}"));
            }
            if message.is_empty() {
                writeln!(out, "==> transfer to {skill}")?;
            } else {
                writeln!(out, "==> transfer to {skill} with message: {message}")?;
            }
            match bot_context {
                Some(c) => writeln!(out, "    transfer bot context: {}", serde_json::to_string(c).unwrap_or_default()),
                None => Ok(()),
            }
        }
        Event::BotTransfer { bot_id, dialog, message } => {
            writeln!(out, "==> transfer to dialog `{dialog}` of bot {bot_id} with message: {message}")
        }
        Event::PrivateMessage { text } => writeln!(out, "  · private (agents only): {text}"),
        Event::CustomEvent { name, message, details } => {
            writeln!(out, "  · custom event {name}: {message} {details}")
        }
        Event::EscalationEvent { message, target } => writeln!(out, "  · escalation event ({target}): {message}"),
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
