//! Coverage: which dialogs, interactions, starter patterns, rules and next
//! actions of a bot the test conversations ran, and which they never did.

use cbot_engine::{CompiledBot, Coverage};
use serde::Serialize;

/// One kind of item (e.g. rules): how many there are, how many ran, and
/// the ones that never did.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Part {
    /// `dialogs`, `interactions`, `patterns`, `rules`, `next_actions`.
    pub kind: &'static str,
    /// How many the bot has.
    pub total: usize,
    /// How many ran at least once.
    pub hit: usize,
    /// Those that never ran, named for people (`dialog › interaction`).
    pub missed: Vec<String>,
}

/// The coverage of one bot.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct BotCoverage {
    /// The bot's file.
    pub bot: String,
    /// Per kind.
    pub parts: Vec<Part>,
    /// Items hit over all items, in percent.
    pub percent: f64,
}

impl BotCoverage {
    /// Builds the report from the merged counts of every conversation.
    #[expect(
        clippy::indexing_slicing,
        reason = "interaction, dialog and starter indices are positions in this bot's model and lists"
    )]
    pub fn new(name: &str, bot: &CompiledBot, counts: &Coverage) -> BotCoverage {
        let model = bot.model();
        let graph = bot.graph();
        let where_ = |i: usize| {
            let it = &model.interactions[i];
            let dialog = graph.dialog_of(i).map(|d| model.dialogs[d].display_name()).unwrap_or("(no dialog)");
            format!("{dialog} › {}", it.display_name())
        };
        let hit = |v: &[u32], k: usize| v.get(k).is_some_and(|n| *n > 0);
        // Dialogs: hit when any of their interactions ran.
        let mut dialog_hit = vec![false; model.dialogs.len()];
        for i in 0..model.interactions.len() {
            if hit(&counts.interactions, i)
                && let Some(d) = graph.dialog_of(i)
            {
                dialog_hit[d] = true;
            }
        }
        let dialogs = Part {
            kind: "dialogs",
            total: model.dialogs.len(),
            hit: dialog_hit.iter().filter(|h| **h).count(),
            missed: model
                .dialogs
                .iter()
                .zip(&dialog_hit)
                .filter(|(_, h)| !**h)
                .map(|(d, _)| d.display_name().to_string())
                .collect(),
        };
        let n = model.interactions.len();
        let interactions = Part {
            kind: "interactions",
            total: n,
            hit: (0..n).filter(|&i| hit(&counts.interactions, i)).count(),
            missed: (0..n).filter(|&i| !hit(&counts.interactions, i)).map(where_).collect(),
        };
        let starters = bot.starters();
        let patterns = Part {
            kind: "patterns",
            total: starters.len(),
            hit: (0..starters.len()).filter(|&k| hit(&counts.patterns, k)).count(),
            missed: (0..starters.len())
                .filter(|&k| !hit(&counts.patterns, k))
                .map(|k| format!("{} `{}`", model.dialogs[starters[k].dialog].display_name(), starters[k].text(model)))
                .collect(),
        };
        let mut rules = Part { kind: "rules", total: 0, hit: 0, missed: Vec::new() };
        for (i, it) in model.interactions.iter().enumerate() {
            // A statement's single rule is its next action, counted below;
            // an agent escalation transfers and takes none (CB-SPEC §6.5).
            if !is_branching(bot, i) || bot.is_escalation(i) {
                continue;
            }
            for (k, r) in it.rules().iter().enumerate() {
                rules.total += 1;
                if counts.rules.get(i).is_some_and(|v| hit(v, k)) {
                    rules.hit += 1;
                } else {
                    let name = r.name.as_deref().filter(|n| !n.is_empty()).unwrap_or("(unnamed rule)");
                    rules.missed.push(format!("{} › rule `{name}`", where_(i)));
                }
            }
        }
        let mut next_actions = Part { kind: "next_actions", total: 0, hit: 0, missed: Vec::new() };
        for i in 0..n {
            if is_branching(bot, i) || bot.is_escalation(i) {
                continue;
            }
            next_actions.total += 1;
            if hit(&counts.next_actions, i) {
                next_actions.hit += 1;
            } else {
                next_actions.missed.push(where_(i));
            }
        }
        let parts = vec![dialogs, interactions, patterns, rules, next_actions];
        let total: usize = parts.iter().map(|p| p.total).sum();
        let hit_all: usize = parts.iter().map(|p| p.hit).sum();
        let percent = if total == 0 { 100.0 } else { (hit_all as f64 * 1000.0 / total as f64).round() / 10.0 };
        BotCoverage { bot: name.to_string(), parts, percent }
    }

    /// The plain-text report.
    pub fn text(&self) -> String {
        let mut out = format!("coverage of {}: {:.1}%\n", self.bot, self.percent);
        for p in &self.parts {
            let counts = format!("{}/{}", p.hit, p.total);
            if p.missed.is_empty() {
                out.push_str(&format!("  {:<13} {counts}\n", p.kind.replace('_', " ")));
            } else {
                out.push_str(&format!(
                    "  {:<13} {counts:<9} never: {}\n",
                    p.kind.replace('_', " "),
                    p.missed.join("; ")
                ));
            }
        }
        out
    }

    /// A self-contained HTML page (no scripts, no external files).
    pub fn html(reports: &[BotCoverage]) -> String {
        let mut out = String::from(
            "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>cbot coverage</title>\n<style>\
             body{font:14px/1.4 system-ui,sans-serif;margin:2em;color:#222}\
             table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{padding:.25em .8em;border-bottom:1px solid #ddd;text-align:left}\
             .bar{width:12em;height:.8em;background:#eee;display:inline-block}.bar span{display:block;height:100%;background:#3a7}\
             .missed{color:#a33}</style></head><body>\n<h1>cbot test coverage</h1>\n",
        );
        for r in reports {
            out.push_str(&format!(
                "<h2>{} — {:.1}%</h2>\n<table><tr><th>part</th><th>hit</th><th></th><th>never run</th></tr>\n",
                esc(&r.bot),
                r.percent
            ));
            for p in &r.parts {
                let pct = if p.total == 0 { 100.0 } else { p.hit as f64 * 100.0 / p.total as f64 };
                let missed: Vec<String> = p.missed.iter().map(|m| esc(m)).collect();
                out.push_str(&format!(
                    "<tr><td>{}</td><td>{}/{}</td><td><span class=\"bar\"><span style=\"width:{pct:.0}%\"></span></span></td><td class=\"missed\">{}</td></tr>\n",
                    p.kind.replace('_', " "),
                    p.hit,
                    p.total,
                    missed.join("<br>")
                ));
            }
            out.push_str("</table>\n");
        }
        out.push_str("</body></html>\n");
        out
    }
}

/// Whether an interaction goes on by rules that choose (questions,
/// integrations): those rules are counted; other interactions have one
/// next action.
fn is_branching(bot: &CompiledBot, i: usize) -> bool {
    let Some(it) = bot.model().interactions.get(i) else { return false };
    it.itype().is_question()
        || it.itype() == &cbot_model::InteractionType::ApiIntegration
        || (it.itype() == &cbot_model::InteractionType::Universal && it.user_input_required == Some(true))
}

/// Escapes text for HTML.
pub fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}
