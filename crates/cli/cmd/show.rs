//! `cbot show BOT`: the dialog tree, for people reading a bot.

use super::{load, plural, print_diagnostics};
use crate::ShowArgs;
use cbot_diag::SourceMap;
use cbot_model::{Bot, Condition, Graph, Interaction, InteractionType, MatchType, Rule, Target};
use std::io::Write;
use std::process::ExitCode;

/// Longest text quoted from a message before it is cut.
const QUOTE: usize = 60;

pub fn run(args: &ShowArgs) -> anyhow::Result<ExitCode> {
    let mut sources = SourceMap::new();
    let loaded = load(&args.bot, &mut sources)?;
    let mut out = std::io::stdout().lock();
    let (Some(bot), Some(graph)) = (&loaded.bot, &loaded.graph) else {
        print_diagnostics(&mut out, &loaded.diagnostics, &sources, args.color.enabled())?;
        return Ok(ExitCode::from(2));
    };
    write_tree(&mut out, bot, graph)?;
    let d = &loaded.diagnostics;
    if !d.is_empty() {
        writeln!(
            out,
            "\n{}, {}: run `cbot check {}` for details",
            plural(d.error_count(), "error"),
            plural(d.warning_count(), "warning"),
            args.bot.display()
        )?;
    }
    out.flush()?;
    Ok(if d.has_errors() { ExitCode::from(2) } else { ExitCode::SUCCESS })
}

fn write_tree(out: &mut impl Write, bot: &Bot, graph: &Graph) -> std::io::Result<()> {
    writeln!(
        out,
        "bot \"{}\": {}, {}, {}",
        bot.info.name.as_deref().unwrap_or("(unnamed)"),
        plural(bot.dialogs.len(), "dialog"),
        plural(bot.interactions.len(), "interaction"),
        plural(bot.integrations().len(), "integration"),
    )?;
    // CB's dialog list is ordered by name ("1 Welcome", "2 Fallback"); the
    // export is ordered by id, which means nothing to a reader.
    let mut order: Vec<usize> = (0..bot.dialogs.len()).collect();
    order.sort_by_key(|&d| bot.dialogs[d].display_name());
    for d in order {
        let dialog = &bot.dialogs[d];
        writeln!(out, "\ndialog \"{}\" ({})", dialog.display_name(), dialog.dtype())?;
        for (pos, &i) in graph.flow(d).iter().enumerate() {
            let it = &bot.interactions[i];
            writeln!(out, "  {}. {} [{}]{}", pos + 1, it.display_name(), it.itype(), describe(bot, it))?;
            let code: Vec<&str> = it
                .code_panels()
                .map(|(k, _)| match k {
                    "preProcessMessage" => "pre-process",
                    "processUserResponse" => "process-user-response",
                    _ => "post-process",
                })
                .collect();
            if !code.is_empty() {
                writeln!(out, "       code: {}", code.join(", "))?;
            }
            for (rule, target) in it.rules().iter().zip(graph.targets(i)) {
                writeln!(out, "       {} -> {}", rule_label(rule), target_label(bot, graph, i, *target))?;
            }
        }
    }
    Ok(())
}

/// What an interaction shows or does, on one line.
fn describe(bot: &Bot, it: &Interaction) -> String {
    let tile = it.tiles().first();
    match it.itype() {
        InteractionType::DialogStarter => {
            let mut parts = Vec::new();
            if !it.patterns().is_empty() {
                let p: Vec<String> = it.patterns().iter().map(|p| format!("`{p}`")).collect();
                parts.push(format!("patterns {}", p.join(" ")));
            }
            if let Some(intent) = &it.intent_id {
                let name = bot.intents().iter().find(|x| x.id.as_deref() == Some(intent)).and_then(|x| x.name.clone());
                parts.push(format!("intent {}", name.unwrap_or_else(|| intent.clone())));
            }
            if parts.is_empty() { " (no patterns or intent)".into() } else { format!(" {}", parts.join(", ")) }
        }
        InteractionType::ApiIntegration => {
            let c = it.content.as_ref();
            let id = c.and_then(|c| c.responder_id.as_deref()).unwrap_or("");
            let name = bot.integrations().iter().find(|x| x.id == id).and_then(|x| x.name.clone());
            format!(
                " calls {}",
                name.or_else(|| c.and_then(|c| c.responder_name.clone())).unwrap_or_else(|| "?".into())
            )
        }
        InteractionType::Escalation => {
            let skill =
                tile.and_then(|t| t.escalation.as_ref()).and_then(|e| e.agent_skill_id.as_deref()).unwrap_or("?");
            let text = tile.and_then(|t| t.text.as_deref()).map(|t| format!(" {}", quote(t))).unwrap_or_default();
            format!(" transfer to skill {skill}{text}")
        }
        InteractionType::Image => tile.and_then(|t| t.url.as_deref()).map(|u| format!(" {u}")).unwrap_or_default(),
        InteractionType::Universal => " (rich message)".into(),
        InteractionType::Structured => {
            let titles: Vec<String> = it.tiles().iter().filter_map(|t| t.title.as_deref()).map(quote).collect();
            format!(" {}", titles.join(", "))
        }
        _ => {
            let mut s = tile.and_then(|t| t.text.as_deref()).map(|t| format!(" {}", quote(t))).unwrap_or_default();
            let choices: Vec<&str> = match it.itype() {
                InteractionType::QuickReply => {
                    it.quick_replies.iter().flatten().filter_map(|q| q.title.as_deref()).collect()
                }
                InteractionType::MultipleChoiceQuestion => tile
                    .and_then(|t| t.multiple_choice.as_ref())
                    .and_then(|m| m.choices.as_deref())
                    .map(|c| c.iter().map(String::as_str).collect())
                    .unwrap_or_default(),
                InteractionType::Button => tile
                    .and_then(|t| t.buttons.as_deref())
                    .unwrap_or_default()
                    .iter()
                    .filter_map(|b| b.name.as_deref())
                    .collect(),
                _ => Vec::new(),
            };
            if !choices.is_empty() {
                s.push_str(&format!(" [{}]", choices.join(" | ")));
            }
            s
        }
    }
}

fn rule_label(rule: &Rule) -> String {
    let conditions: Vec<String> = rule.conditions().iter().map(condition_label).collect();
    let mut label = if conditions.is_empty() { "always".to_string() } else { conditions.join(" and ") };
    for c in rule.context_conditions.iter().flatten() {
        label.push_str(&format!(
            " if {} {} {}",
            c.context_name.as_deref().unwrap_or("?"),
            c.match_type.as_deref().unwrap_or("?"),
            quote(c.value.as_deref().unwrap_or(""))
        ));
    }
    match rule.name.as_deref() {
        Some(name) if !name.is_empty() => format!("{name}: {label}"),
        _ => label,
    }
}

fn condition_label(c: &Condition) -> String {
    match c.match_type.as_ref() {
        Some(MatchType::Pattern) => {
            let p: Vec<String> = c
                .pattern_match
                .as_ref()
                .and_then(|p| p.patterns.as_deref())
                .unwrap_or_default()
                .iter()
                .map(|p| format!("`{p}`"))
                .collect();
            format!("pattern {}", p.join(" "))
        }
        Some(MatchType::Regex) => {
            format!("regex /{}/", c.regex_match.as_ref().and_then(|r| r.regex_text.as_deref()).unwrap_or(""))
        }
        Some(MatchType::NoMatch) => match c.no_match.as_ref().and_then(|n| n.fallback_message.as_deref()) {
            Some(m) if !m.is_empty() => format!("no match (says {})", quote(m)),
            _ => "no match".to_string(),
        },
        Some(MatchType::EvalOption) => {
            format!("option {}", quote(c.evaluate_option_match.as_ref().and_then(|e| e.value.as_deref()).unwrap_or("")))
        }
        Some(MatchType::ApiResult) => {
            format!("API {}", c.api_results_match.as_ref().and_then(|a| a.status.as_deref()).unwrap_or("?"))
        }
        Some(other) => format!("{other}"),
        None => "(no match type)".to_string(),
    }
}

fn target_label(bot: &Bot, graph: &Graph, from: usize, target: Target) -> String {
    let at = |j: usize| {
        let it = &bot.interactions[j];
        if j == from {
            format!("{} (again)", it.display_name())
        } else if graph.dialog_of(j) != graph.dialog_of(from) {
            let dialog = graph.dialog_of(j).map_or("?", |d| bot.dialogs[d].display_name());
            format!("{} in dialog \"{dialog}\"", it.display_name())
        } else {
            it.display_name().to_string()
        }
    };
    match target {
        Target::Next(Some(j)) => format!("next: {}", at(j)),
        Target::Next(None) => "next: end of dialog".into(),
        Target::Interaction(j) => at(j),
        Target::Dialog(d) => format!("dialog \"{}\"", bot.dialogs[d].display_name()),
        Target::End => "end (wait for the user)".into(),
        Target::CloseConversation => "close conversation".into(),
        Target::CloseDialog => "close dialog".into(),
        Target::Missing => "missing target (ends the flow)".into(),
        Target::Unknown => "unknown action (ends the flow)".into(),
    }
}

/// A message in quotes, on one line, cut at QUOTE characters.
fn quote(text: &str) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() > QUOTE {
        format!("\"{}...\"", flat.chars().take(QUOTE).collect::<String>())
    } else {
        format!("\"{flat}\"")
    }
}
