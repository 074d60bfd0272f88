//! `cbot script FILE.js`: compile one code panel, run it against an offline
//! botContext, print the transcript of botContext calls.

use crate::{Format, ScriptArgs};
use anyhow::Context as _;
use cbot_diag::{Diagnostic, SourceMap, render};
use cbot_host::{OfflineContext, Scope, Value};
use cbot_script::{Engine, Limits, RunError, ScriptKind, ScriptSource};
use std::io::Write;
use std::process::ExitCode;

pub fn run(args: &ScriptArgs) -> anyhow::Result<ExitCode> {
    let text = std::fs::read_to_string(&args.file).with_context(|| format!("cannot read {}", args.file.display()))?;
    let name = args.file.display().to_string();
    let sources = [ScriptSource { name: &name, text: &text, kind: ScriptKind::Panel }];
    let mut out = std::io::stdout().lock();
    let compiled = if args.emit_wat {
        Engine::wat(&sources).map(|wat| {
            let _ = write!(out, "{wat}");
        })
    } else {
        Ok(())
    };
    if let Err(cbot_script::Error::Compile(diags)) = &compiled {
        report(&name, &text, diags);
        return Ok(ExitCode::from(2));
    }
    compiled.map_err(|e| anyhow::anyhow!("{e}"))?;
    if args.emit_wat {
        return Ok(ExitCode::SUCCESS);
    }
    let engine = Engine::new(Limits::default()).map_err(|e| anyhow::anyhow!("{e}"))?;
    let program = match engine.compile(&sources) {
        Ok(p) => p,
        Err(cbot_script::Error::Compile(diags)) => {
            report(&name, &text, &diags);
            return Ok(ExitCode::from(2));
        }
        Err(e) => return Err(anyhow::anyhow!("{e}")),
    };
    let mut ctx = OfflineContext::default();
    if let Some(ch) = &args.channel {
        ctx.channel = ch.clone();
    }
    if let Some(m) = &args.user_message {
        ctx.user_message = m.clone();
    }
    for v in &args.var {
        let (k, val) = v.split_once('=').with_context(|| format!("--var {v:?}: expected NAME=VALUE"))?;
        ctx.variables.push((k.to_string(), Value::from(val), Scope::Session));
    }
    let run = program.run(&name, ctx).map_err(|e| anyhow::anyhow!("{e}"))?;
    let sources_map = {
        let mut m = SourceMap::new();
        let f = m.add(name.clone(), text.clone());
        (m, f)
    };
    let error_json = run.error.as_ref().map(|e| {
        let (kind, message) = match e {
            RunError::Js { error, .. } => (error.name.clone(), error.message.clone()),
            RunError::Limit(l) => ("LimitExceeded".to_string(), format!("the script exceeded its {}", l.name())),
            RunError::Internal(m) => ("InternalError".to_string(), m.clone()),
        };
        let mut j = serde_json::json!({"kind": kind, "message": message});
        if let RunError::Js { at: (_, offset), .. } = e {
            let (line, column) = sources_map.0.file(sources_map.1).line_col(*offset);
            j["line"] = line.into();
            j["column"] = column.into();
        }
        j
    });
    match args.format {
        Format::Json => {
            let doc = serde_json::json!({
                "calls": run.transcript.to_json(),
                "return": run.value.to_json(),
                "error": error_json,
            });
            writeln!(out, "{}", serde_json::to_string_pretty(&doc)?)?;
        }
        Format::Plain => {
            for c in &run.transcript.calls {
                let args: Vec<String> = c.args.iter().map(|a| a.to_json().to_string()).collect();
                write!(out, "botContext.{}({})", c.method, args.join(", "))?;
                if c.result != Value::Undefined {
                    write!(out, " -> {}", c.result.to_json())?;
                }
                writeln!(out)?;
            }
            if run.value != Value::Undefined {
                writeln!(out, "return {}", run.value.to_json())?;
            }
            if let Some(e) = &error_json {
                let at = match (e.get("line"), e.get("column")) {
                    (Some(l), Some(c)) => format!(" at {name}:{l}:{c}"),
                    _ => String::new(),
                };
                writeln!(
                    out,
                    "error: {}: {}{at}",
                    e["kind"].as_str().unwrap_or(""),
                    e["message"].as_str().unwrap_or("")
                )?;
            }
        }
    }
    Ok(if run.error.is_some() { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

fn report(name: &str, text: &str, diags: &[cbot_script::ScriptDiagnostic]) {
    let mut sources = SourceMap::new();
    let file = sources.add(name.to_string(), text.to_string());
    for d in diags {
        let mut diag = Diagnostic::error(d.code, d.message.clone())
            .with_label(sources.span(file, d.span.0 as usize..d.span.1 as usize), "");
        if let Some(h) = &d.help {
            diag = diag.with_help(h.clone());
        }
        eprintln!("{}", render::plain(&diag, &sources));
    }
}
