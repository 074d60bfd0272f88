//! Semantic checks of a decoded bot (codes D010–D029, docs/diagnostics.md).
//!
//! Validation runs only on a bot that decoded without errors, so array
//! indices in the model are the indices in the file and every diagnostic can
//! be placed with the [`Locator`].

#![expect(
    clippy::indexing_slicing,
    reason = "indices are positions in the Bot being validated, made by enumerating its vectors or by its Graph \
              (built over the same Bot); `seen` has one slot per interaction"
)]

use crate::codec::{Locator, Seg};
use crate::graph::{Graph, LinkIssue, Target};
use crate::model::{ActionKind, Bot, DialogType, IntegrationType, InteractionType, MatchType};
use crate::scan;
use cbot_diag::{Diagnostic, Diagnostics, SourceMap};
use std::collections::HashMap;

const CM: &str = "conversationMessage";

/// Checks `bot` and returns its resolved graph with every problem found.
pub fn validate(bot: &Bot, locator: &Locator, sources: &SourceMap) -> (Graph, Diagnostics) {
    let (graph, link_issues) = Graph::build(bot);
    let mut v = Validator { bot, graph: &graph, loc: locator, sources, out: Diagnostics::new() };
    v.duplicates();
    v.owners();
    v.links(&link_issues);
    v.rules();
    v.kinds();
    v.patterns();
    v.integrations();
    v.intents();
    if let Some(jumps) = v.triggers() {
        v.reachability(jumps);
    }
    let mut out = v.out;
    out.sort();
    (graph, out)
}

struct Validator<'a> {
    bot: &'a Bot,
    graph: &'a Graph,
    loc: &'a Locator,
    sources: &'a SourceMap,
    out: Diagnostics,
}

/// `(first, later)` index pairs of entries whose key repeats an earlier one;
/// `None` keys never repeat.
fn repeats<'k>(keys: impl Iterator<Item = Option<&'k str>>) -> Vec<(usize, usize)> {
    let mut first: HashMap<&str, usize> = HashMap::new();
    let mut out = Vec::new();
    for (i, key) in keys.enumerate() {
        let Some(key) = key else { continue };
        match first.get(key) {
            Some(&f) => out.push((f, i)),
            None => {
                first.insert(key, i);
            }
        }
    }
    out
}

/// `Some(text)` if the string is present and not just whitespace.
fn non_blank(s: &Option<String>) -> Option<&str> {
    s.as_deref().filter(|s| !s.trim().is_empty())
}

impl Validator<'_> {
    fn name(&self, i: usize) -> &str {
        self.bot.interactions[i].display_name()
    }

    fn duplicates(&mut self) {
        let bot = self.bot;
        for (f, i) in repeats(bot.interactions.iter().map(|it| Some(it.id.as_str()))) {
            let d = Diagnostic::error(
                "D010",
                format!("interactions `{}` and `{}` have the same id", self.name(f), self.name(i)),
            )
            .with_help("every interaction needs its own id: jumps and `nextMessageId` refer to it");
            self.out.push(self.repeated(d, CM, f, i, "id"));
        }
        for (f, k) in repeats(bot.dialogs.iter().map(|d| Some(d.id.as_str()))) {
            let (first, later) = (bot.dialogs[f].display_name(), bot.dialogs[k].display_name());
            let d = Diagnostic::error("D011", format!("dialogs `{first}` and `{later}` have the same id"))
                .with_help("every dialog needs its own id: interactions name their dialog by it");
            self.out.push(self.repeated(d, "groups", f, k, "id"));
        }
        for (f, i) in repeats(bot.interactions.iter().map(|it| it.name.as_deref())) {
            let d = Diagnostic::warning("D013", format!("two interactions are named `{}`", self.name(i))).with_note(
                "CB requires unique interaction names; `setTriggerNextMessage` finds \
                 interactions by name and cbot picks the first (CB-SPEC §2.9)",
            );
            self.out.push(self.repeated(d, CM, f, i, "name"));
        }
        for (f, k) in repeats(bot.dialogs.iter().map(|d| d.name.as_deref())) {
            let d = Diagnostic::warning("D014", format!("two dialogs are named `{}`", bot.dialogs[k].display_name()))
                .with_note("dialogs with the same name cannot be told apart in traces and test reports");
            self.out.push(self.repeated(d, "groups", f, k, "name"));
        }
    }

    /// Labels a repeated `key` of entries `first` and `later` of `list`.
    fn repeated(&self, d: Diagnostic, list: &str, first: usize, later: usize, key: &str) -> Diagnostic {
        d.with_label(self.loc.span(&[list.into(), later.into(), key.into()]), format!("second use of this {key}"))
            .with_secondary_label(self.loc.span(&[list.into(), first.into(), key.into()]), "first used here")
    }

    fn owners(&mut self) {
        for i in 0..self.bot.interactions.len() {
            if self.graph.dialog_of(i).is_none() {
                let d = Diagnostic::error(
                    "D012",
                    format!("interaction `{}` belongs to a dialog that does not exist", self.name(i)),
                )
                .with_label(self.loc.span(&[CM.into(), i.into(), "group".into()]), "no entry in `groups` has this id")
                .with_help(format!("set `group` to the `id` of one of the bot's {} dialogs", self.bot.dialogs.len()));
                self.out.push(d);
            }
        }
    }

    fn links(&mut self, issues: &[LinkIssue]) {
        let next_span = |i: usize| self.loc.span(&[CM.into(), i.into(), "nextMessageId".into()]);
        for issue in issues {
            let d = match *issue {
                LinkIssue::NextMissing { from } => Diagnostic::warning(
                    "D017",
                    format!("`nextMessageId` of interaction `{}` names no interaction", self.name(from)),
                )
                .with_label(next_span(from), "no interaction has this id")
                .with_note("a `next` action from here ends the dialog"),
                LinkIssue::NextOutsideDialog { from, to } => Diagnostic::warning(
                    "D017",
                    format!(
                        "`nextMessageId` of interaction `{}` names `{}`, which is in another dialog",
                        self.name(from),
                        self.name(to)
                    ),
                )
                .with_label(next_span(from), "this interaction belongs to another dialog")
                .with_note("positional links stay inside a dialog; a `next` action from here ends the dialog"),
                LinkIssue::Disagree { from, to } => Diagnostic::warning(
                    "D019",
                    format!(
                        "interaction `{}` links to `{}` as its next, but `{}` does not link back",
                        self.name(from),
                        self.name(to),
                        self.name(to)
                    ),
                )
                .with_label(next_span(from), "next is set here")
                .with_secondary_label(
                    self.loc.key_span(&[CM.into(), to.into(), "prevMessageId".into()]),
                    "`prevMessageId` does not name it",
                )
                .with_note("cbot orders the dialog by `nextMessageId`"),
                LinkIssue::Cycle { from, to } => Diagnostic::error(
                    "D018",
                    format!(
                        "`nextMessageId` links form a cycle: `{}` leads back to `{}`",
                        self.name(from),
                        self.name(to)
                    ),
                )
                .with_label(next_span(from), "this link closes the cycle")
                .with_help("a dialog is a list: its last interaction has no `nextMessageId`"),
                LinkIssue::ExtraHead { dialog, head } => Diagnostic::warning(
                    "D019",
                    format!(
                        "dialog `{}` has more than one first interaction; `{}` follows no other",
                        self.bot.dialogs[dialog].display_name(),
                        self.name(head)
                    ),
                )
                .with_label(self.loc.head_span(&[CM.into(), head.into()]), "no interaction links here")
                .with_note("cbot places it after the dialog's main sequence"),
            };
            self.out.push(d);
        }
    }

    fn rules(&mut self) {
        for (i, it) in self.bot.interactions.iter().enumerate() {
            for (r, target) in self.graph.targets(i).iter().enumerate() {
                let action = it.rules()[r].action.as_ref();
                let path = [CM.into(), i.into(), "responseMatches".into(), r.into(), "action".into()];
                match target {
                    Target::Missing => {
                        let is_dialog = action.and_then(|a| a.name.as_ref()) == Some(&ActionKind::Dialog);
                        let value_path = [path.as_slice(), &["value".into()]].concat();
                        let d = if is_dialog {
                            Diagnostic::warning(
                                "D016",
                                format!("a rule of interaction `{}` starts a dialog that does not exist", self.name(i)),
                            )
                            .with_label(self.loc.span(&value_path), "no entry in `groups` has this id")
                        } else {
                            Diagnostic::warning(
                                "D015",
                                format!(
                                    "a rule of interaction `{}` jumps to an interaction that does not exist",
                                    self.name(i)
                                ),
                            )
                            .with_label(self.loc.span(&value_path), "no interaction has this id")
                        };
                        self.out.push(d.with_note("CB treats a missing target as the end of the flow (CB-SPEC §2.6)"));
                    }
                    Target::Unknown => {
                        let name = action.and_then(|a| a.name.as_ref()).map(|n| n.as_str().to_string());
                        let d = Diagnostic::warning(
                            "D027",
                            format!("unknown next-action kind `{}`", name.unwrap_or_default()),
                        )
                        .with_label(
                            self.loc.span(&[path.as_slice(), &["name".into()]].concat()),
                            "not INTERACTION or DIALOG",
                        )
                        .with_note("cbot treats the action as the end of the flow");
                        self.out.push(d);
                    }
                    _ => {}
                }
            }
        }
    }

    fn kinds(&mut self) {
        let known = |k: &[&str]| k.join(", ");
        for (i, it) in self.bot.interactions.iter().enumerate() {
            if let Some(t) = it.interaction_type.as_ref().filter(|t| !t.is_known()) {
                let list: Vec<&str> = InteractionType::KNOWN.iter().map(|k| k.as_str()).collect();
                self.out.push(
                    Diagnostic::warning("D027", format!("unknown interaction type `{t}`"))
                        .with_label(self.loc.span(&[CM.into(), i.into(), "interactionType".into()]), "not supported")
                        .with_note(format!("cbot knows {}; this interaction sends nothing", known(&list))),
                );
            }
            for (r, rule) in it.rules().iter().enumerate() {
                for (c, cond) in rule.conditions().iter().enumerate() {
                    if let Some(t) = cond.match_type.as_ref().filter(|t| !t.is_known()) {
                        let list: Vec<&str> = MatchType::KNOWN.iter().map(|k| k.as_str()).collect();
                        let path = [
                            CM.into(),
                            i.into(),
                            "responseMatches".into(),
                            r.into(),
                            "conditions".into(),
                            c.into(),
                            "matchType".into(),
                        ];
                        self.out.push(
                            Diagnostic::warning("D027", format!("unknown rule match type `{t}`"))
                                .with_label(self.loc.span(&path), "not supported")
                                .with_note(format!("cbot knows {}; this condition never matches", known(&list))),
                        );
                    }
                }
            }
        }
        for (k, dialog) in self.bot.dialogs.iter().enumerate() {
            if let Some(t) = dialog.dialog_type.as_ref().filter(|t| !t.is_known()) {
                self.out.push(
                    Diagnostic::warning("D027", format!("unknown dialog type `{t}`"))
                        .with_label(self.loc.span(&["groups".into(), k.into(), "dialogType".into()]), "not supported")
                        .with_note("cbot knows DIALOG and FALLBACK_DIALOG; this dialog runs as a standard dialog"),
                );
            }
        }
        let fallbacks: Vec<usize> =
            (0..self.bot.dialogs.len()).filter(|&k| self.bot.dialogs[k].dtype() == &DialogType::Fallback).collect();
        for &k in fallbacks.iter().skip(1) {
            self.out.push(
                Diagnostic::warning("D028", "the bot has more than one fallback dialog")
                    .with_label(self.loc.span(&["groups".into(), k.into(), "dialogType".into()]), "another fallback")
                    .with_secondary_label(
                        self.loc.span(&["groups".into(), fallbacks[0].into(), "dialogType".into()]),
                        "the one cbot uses",
                    )
                    .with_note("CB allows one Fallback dialog per bot (CB-SPEC §2.1)"),
            );
        }
    }

    fn patterns(&mut self) {
        let source = self.sources.file(self.loc.file()).text();
        crate::patterns::check(self.bot, self.graph, self.loc, source, &mut self.out);
    }

    fn integrations(&mut self) {
        let bot = self.bot;
        for (k, integ) in bot.integrations().iter().enumerate() {
            let is_api = integ.integration_type.as_ref().is_none_or(|t| t == &IntegrationType::Api);
            if is_api && non_blank(&integ.webhook).is_none() {
                let name = integ.name.as_deref().unwrap_or(&integ.id);
                self.out.push(
                    Diagnostic::error("D024", format!("API integration `{name}` has no URL"))
                        .with_label(self.loc.key_span(&["responder".into(), k.into(), "webhook".into()]), "empty URL")
                        .with_help("set `webhook` to the URL to call (it may contain `{$botContext.x}` templates)"),
                );
            }
        }
        for (i, it) in bot.interactions.iter().enumerate() {
            match it.itype() {
                InteractionType::ApiIntegration => {
                    let id = it.content.as_ref().and_then(|c| non_blank(&c.responder_id));
                    let found = id.is_some_and(|id| bot.integrations().iter().any(|x| x.id == id));
                    if !found {
                        let path = [CM.into(), i.into(), "content".into(), "responderId".into()];
                        let (label, span) = match id {
                            Some(_) => ("no entry in `responder` has this id", self.loc.span(&path)),
                            None => ("no `responderId` here", self.loc.head_span(&path[..3])),
                        };
                        self.out.push(
                            Diagnostic::error(
                                "D023",
                                format!(
                                    "integration interaction `{}` names an integration that does not exist",
                                    self.name(i)
                                ),
                            )
                            .with_label(span, label)
                            .with_help(format!(
                                "the bot defines {} integration(s); set `content.responderId` to one of their ids",
                                bot.integrations().len()
                            )),
                        );
                    }
                }
                InteractionType::Escalation => {
                    let skill = it
                        .tiles()
                        .first()
                        .and_then(|t| t.escalation.as_ref())
                        .and_then(|e| non_blank(&e.agent_skill_id));
                    if skill.is_none() {
                        let tile = [
                            CM.into(),
                            i.into(),
                            "content".into(),
                            "results".into(),
                            "tile".into(),
                            "tileData".into(),
                            0.into(),
                        ];
                        let path = [tile.as_slice(), &["escalation".into(), "agentSkillId".into()]].concat();
                        self.out.push(
                            Diagnostic::error("D025", format!("agent transfer `{}` has no skill", self.name(i)))
                                .with_label(self.loc.span(&path), "no agent skill id")
                                .with_help(
                                    "set the Agent Skill ID: a number or a template such as `{$botContext.skillId}`",
                                )
                                .with_note("CB sends the fallback message instead of transferring (CB-SPEC §6.5)"),
                        );
                    }
                }
                _ => {}
            }
        }
    }

    fn intents(&mut self) {
        let bot = self.bot;
        for (i, it) in bot.interactions.iter().enumerate() {
            let Some(intent) = it.intent_id.as_deref().filter(|s| !s.is_empty()) else { continue };
            if !bot.intents().iter().any(|x| x.id.as_deref() == Some(intent)) {
                self.out.push(
                    Diagnostic::warning(
                        "D029",
                        format!("dialog starter `{}` names an intent the bot does not list", self.name(i)),
                    )
                    .with_label(self.loc.span(&[CM.into(), i.into(), "intentId".into()]), "not in `associatedIntents`")
                    .with_note("the starter can still match by its patterns; the intent can never match offline"),
                );
            }
        }
    }

    /// Checks literal `setTriggerNextMessage` targets. Returns the
    /// interactions they name, or `None` when some call's argument is not a
    /// literal (then any interaction may be a target).
    fn triggers(&mut self) -> Option<Vec<usize>> {
        let bot = self.bot;
        let mut scripts: Vec<(Vec<Seg<'_>>, &str)> = Vec::new();
        for (i, it) in bot.interactions.iter().enumerate() {
            for (key, code) in it.code_panels() {
                scripts.push((vec![CM.into(), i.into(), key.into()], code));
            }
        }
        if let Some(code) = bot.global_functions.as_ref().and_then(|g| g.methods.as_deref()) {
            scripts.push((vec!["globalFunctions".into(), "methods".into()], code));
        }
        for (k, integ) in bot.integrations().iter().enumerate() {
            if let Some(code) = integ.transform_results_script.as_deref() {
                scripts.push((vec!["responder".into(), k.into(), "transformResultsScript".into()], code));
            }
        }
        let source = self.sources.file(self.loc.file()).text();
        let mut dynamic = false;
        let mut targets = Vec::new();
        for (path, code) in &scripts {
            for call in scan::trigger_calls(code) {
                let Some(name) = call.name else {
                    dynamic = true;
                    continue;
                };
                match self.graph.interaction_by_name(&name) {
                    Some(i) => targets.push(i),
                    None => {
                        let span = self.loc.string_span(path, source, call.range);
                        self.out.push(
                            Diagnostic::warning(
                                "D026",
                                format!("`setTriggerNextMessage` names `{name}`, but no interaction has that name"),
                            )
                            .with_label(span, "no interaction is named this")
                            .with_note("interaction names are case-sensitive; at runtime the call changes nothing"),
                        );
                    }
                }
            }
        }
        (!dynamic).then_some(targets)
    }

    /// D020/D021. Roots: every dialog starter of an enabled dialog, the head
    /// of the fallback dialog, and every interaction a script names
    /// literally (`jumps`); edges: rule targets (CB-SPEC §2.6, §2.9).
    fn reachability(&mut self, jumps: Vec<usize>) {
        let bot = self.bot;
        let n = bot.interactions.len();
        let mut seen = vec![false; n];
        let mut stack: Vec<usize> = Vec::new();
        for (i, it) in bot.interactions.iter().enumerate() {
            let enabled = self
                .graph
                .dialog_of(i)
                .is_some_and(|d| bot.dialogs[d].status.as_deref().is_none_or(|s| s.eq_ignore_ascii_case("ENABLED")));
            if enabled && it.itype() == &InteractionType::DialogStarter {
                stack.push(i);
            }
        }
        for (k, dialog) in bot.dialogs.iter().enumerate() {
            if dialog.dtype() == &DialogType::Fallback {
                stack.extend(self.graph.head(k));
            }
        }
        stack.extend(jumps);
        while let Some(i) = stack.pop() {
            if std::mem::replace(&mut seen[i], true) {
                continue;
            }
            stack.extend(self.graph.successors(bot, i).filter(|&j| !seen[j]));
        }
        for (k, dialog) in bot.dialogs.iter().enumerate() {
            let flow = self.graph.flow(k);
            if flow.is_empty() {
                continue;
            }
            if flow.iter().all(|&i| !seen[i]) {
                self.out.push(
                    Diagnostic::warning("D020", format!("dialog `{}` can never start", dialog.display_name()))
                        .with_label(self.loc.span(&["groups".into(), k.into(), "name".into()]), "unreachable dialog")
                        .with_note(
                            "it has no dialog starter, is not the fallback, and no next action or \
                             `setTriggerNextMessage` leads into it",
                        ),
                );
                continue;
            }
            for &i in flow.iter().filter(|&&i| !seen[i]) {
                self.out.push(
                    Diagnostic::warning("D021", format!("interaction `{}` can never run", self.name(i)))
                        .with_label(self.loc.span(&[CM.into(), i.into(), "name".into()]), "unreachable interaction")
                        .with_note("no next action, dialog starter or `setTriggerNextMessage` leads to it"),
                );
            }
        }
    }
}
