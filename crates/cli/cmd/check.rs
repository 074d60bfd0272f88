//! `cbot check BOT`: summary and diagnostics.

use super::{load_file, plural, print_diagnostics};
use crate::{CheckArgs, Format};
use cbot_diag::{SourceMap, render};
use cbot_model::Summary;
use std::io::Write;
use std::process::ExitCode;

pub fn run(args: &CheckArgs) -> anyhow::Result<ExitCode> {
    let mut sources = SourceMap::new();
    let mut file = load_file(&args.bot, &mut sources)?;
    if let (Some(bot), Some(locator)) = (&file.loaded.bot, &file.loaded.locator) {
        let mut found = script_diagnostics(bot, locator, &sources);
        // In a text bot, the code comes from its script files.
        file.relabel(&sources, &mut found);
        file.loaded.diagnostics.append(&mut found);
        file.loaded.diagnostics.sort();
    }
    let loaded = file.loaded;
    let summary = loaded.bot.as_ref().map(Summary::of);
    let diags = &loaded.diagnostics;
    let name = args.bot.display().to_string();
    let mut out = std::io::stdout().lock();
    match args.format {
        Format::Plain => {
            if let Some(s) = &summary {
                write_summary(&mut out, &name, s)?;
                writeln!(out)?;
            }
            print_diagnostics(&mut out, diags, &sources, args.color.enabled())?;
            let verdict = if diags.has_errors() { "cannot be used" } else { "ok" };
            writeln!(
                out,
                "{name}: {verdict}, {}, {}",
                plural(diags.error_count(), "error"),
                plural(diags.warning_count(), "warning")
            )?;
        }
        Format::Json => {
            let doc = serde_json::json!({
                "file": name,
                "summary": summary.as_ref().map(summary_json),
                "diagnostics": diags.iter().map(|d| render::json(d, &sources)).collect::<Vec<_>>(),
                "errors": diags.error_count(),
                "warnings": diags.warning_count(),
            });
            serde_json::to_writer_pretty(&mut out, &doc)?;
            writeln!(out)?;
        }
    }
    out.flush()?;
    Ok(if diags.has_errors() {
        ExitCode::from(2)
    } else if args.deny_warnings && diags.warning_count() > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Compiles the bot's scripts (global functions and every code panel, as one
/// module) and reports what cbot cannot compile. Syntax errors (S001) are
/// errors; code outside the dialect (S010) or not supported yet (S020) are
/// warnings: the bot loads, and those panels fail when they run.
fn script_diagnostics(
    bot: &cbot_model::Bot,
    locator: &cbot_model::Locator,
    sources: &SourceMap,
) -> cbot_diag::Diagnostics {
    use cbot_model::Seg;
    use cbot_script::{Engine, ScriptKind, ScriptSource};
    let mut scripts: Vec<(Vec<Seg<'static>>, &str, ScriptKind)> = Vec::new();
    if let Some(code) = bot.global_functions.as_ref().and_then(|g| g.methods.as_deref()) {
        scripts.push((vec![Seg::Key("globalFunctions"), Seg::Key("methods")], code, ScriptKind::Globals));
    }
    for (i, it) in bot.interactions.iter().enumerate() {
        for (key, code) in it.code_panels() {
            scripts.push((
                vec![Seg::Key("conversationMessage"), Seg::Index(i), Seg::Key(key)],
                code,
                ScriptKind::Panel,
            ));
        }
    }
    for (k, integ) in bot.integrations().iter().enumerate() {
        if let Some(code) = integ.transform_results_script.as_deref() {
            scripts.push((
                vec![Seg::Key("responder"), Seg::Index(k), Seg::Key("transformResultsScript")],
                code,
                ScriptKind::Panel,
            ));
        }
    }
    let names: Vec<String> = (0..scripts.len()).map(|i| format!("script{i}")).collect();
    let list: Vec<ScriptSource<'_>> =
        scripts.iter().zip(&names).map(|((_, text, kind), name)| ScriptSource { name, text, kind: *kind }).collect();
    let text = sources.file(locator.file()).text();
    let mut out = cbot_diag::Diagnostics::new();
    for d in Engine::check(&list) {
        let path = &scripts[d.script].0;
        let span = locator.string_span(path, text, d.span.0 as usize..d.span.1 as usize);
        let mut diag = if matches!(d.code, "S001" | "S002") {
            cbot_diag::Diagnostic::error(d.code, d.message)
        } else {
            cbot_diag::Diagnostic::warning(d.code, d.message)
                .with_note("cbot reports this when the panel runs; the rest of the bot works")
        };
        diag = diag.with_label(span, "");
        if let Some(h) = d.help {
            diag = diag.with_help(h);
        }
        out.push(diag);
    }
    out
}

fn write_summary(out: &mut impl Write, file: &str, s: &Summary) -> std::io::Result<()> {
    let name = s.name.as_deref().unwrap_or("(unnamed)");
    let version = s.version.as_deref().map(|v| format!(" (CB export version {v})")).unwrap_or_default();
    writeln!(out, "{file}: bot \"{name}\"{version}")?;
    let standard = s.dialogs - s.fallback_dialogs;
    writeln!(out, "  dialogs       {:>4}  ({standard} standard, {} fallback)", s.dialogs, s.fallback_dialogs)?;
    let types: Vec<String> = s.interactions_by_type.iter().map(|(t, n)| format!("{t} {n}")).collect();
    write!(out, "  interactions  {:>4}", s.interactions)?;
    if !types.is_empty() {
        // Wrap the type list so the summary stays within 80 columns.
        let mut line = String::from("  (");
        let mut col = 22;
        for (k, t) in types.iter().enumerate() {
            let piece = if k + 1 == types.len() { format!("{t})") } else { format!("{t}, ") };
            if col + piece.len() > 80 {
                write!(out, "{}\n                       ", line.trim_end())?;
                line.clear();
                col = 23;
            }
            col += piece.len();
            line.push_str(&piece);
        }
        write!(out, "{line}")?;
    }
    writeln!(out)?;
    writeln!(out, "  rules         {:>4}", s.rules)?;
    let regexes = match s.regexes {
        0 => String::new(),
        1 => ", 1 regex".to_string(),
        n => format!(", {n} regexes"),
    };
    writeln!(
        out,
        "  patterns      {:>4}  ({} in dialog starters, {} in rules){regexes}",
        s.starter_patterns + s.rule_patterns,
        s.starter_patterns,
        s.rule_patterns
    )?;
    writeln!(out, "  integrations  {:>4}", s.integrations)?;
    let [pre, pur, post] = s.code_panels;
    let mut extra = String::new();
    if s.transform_scripts > 0 {
        extra.push_str(&format!(", {}", plural(s.transform_scripts, "transform script")));
    }
    if s.global_functions {
        extra.push_str(", global functions");
    }
    writeln!(
        out,
        "  code panels   {:>4}  ({pre} pre-process, {pur} process-user-response, {post} post-process)",
        pre + pur + post
    )?;
    if !extra.is_empty() {
        writeln!(out, "                       and{}", &extra[1..])?;
    }
    Ok(())
}

fn summary_json(s: &Summary) -> serde_json::Value {
    let by_type: serde_json::Map<String, serde_json::Value> =
        s.interactions_by_type.iter().map(|(t, n)| (t.clone(), (*n).into())).collect();
    serde_json::json!({
        "name": s.name, "version": s.version,
        "dialogs": s.dialogs, "fallback_dialogs": s.fallback_dialogs,
        "interactions": s.interactions, "interactions_by_type": by_type,
        "rules": s.rules, "starter_patterns": s.starter_patterns, "rule_patterns": s.rule_patterns,
        "regexes": s.regexes, "integrations": s.integrations,
        "code_panels": {"pre_process": s.code_panels[0], "process_user_response": s.code_panels[1],
                        "post_process": s.code_panels[2], "transform_scripts": s.transform_scripts,
                        "global_functions": s.global_functions},
    })
}
