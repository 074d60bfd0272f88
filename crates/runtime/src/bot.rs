//! A bot ready to converse: the model, its flow graph, the starter matcher,
//! the compiled rules of every interaction and one script program.

#![expect(
    clippy::indexing_slicing,
    reason = "interaction and integration indices are positions in the model this CompiledBot was built from; the \
              starter list has one entry per pattern id of its matcher"
)]

use cbot_host::Scope;
use cbot_matcher::{MatchOptions, Matcher, RegexCondition};
use cbot_model::{Bot, DialogType, Graph, MatchType, StarterPattern, Target};
use cbot_script::{Program, ScriptDiagnostic, ScriptKind, ScriptSource};
use std::collections::HashMap;

/// The panel that runs `__initConversation` (CB-SPEC §3.5).
pub(crate) const INIT_PANEL: &str = "__init";
const INIT_SOURCE: &str = "if (typeof __initConversation === 'function') { __initConversation(); }\n\
    else if (typeof initConversation === 'function') { initConversation(); }";

/// One condition of a rule.
pub(crate) enum Cond {
    Pattern(Box<Matcher>),
    Regex(RegexCondition),
    /// A multiple-choice option (its text).
    Option(String),
    /// `API_RESULT`: success (true) or failure.
    Api(bool),
    /// A condition cbot cannot evaluate (a bad pattern or regex, an
    /// unknown match type): never true.
    Never,
}

/// A variable condition (`contextConditions`).
pub(crate) struct ContextCond {
    pub op: String,
    pub name: String,
    pub value: String,
}

pub(crate) struct CompiledRule {
    pub name: String,
    /// All must hold (CB-SPEC §2.5 leaves several conditions open; no
    /// export has more than one).
    pub conds: Vec<Cond>,
    /// `NO_MATCH`, with its fallback message: evaluated last.
    pub no_match: Option<Option<String>>,
    /// Words that stop a pattern or regex condition from matching.
    pub excludes: Vec<String>,
    pub context: Vec<ContextCond>,
    /// `contextMatchConditionType`: ALL, else ANY.
    pub context_all: bool,
    pub target: Target,
    pub vars: Vec<(String, String, Scope)>,
}

/// A bot compiled for conversations. Immutable; share it behind an `Arc`.
pub struct CompiledBot {
    pub(crate) bot: Bot,
    pub(crate) graph: Graph,
    pub(crate) starters: Vec<StarterPattern>,
    pub(crate) matcher: Matcher,
    pub(crate) rules: Vec<Vec<CompiledRule>>,
    pub(crate) program: Option<Program>,
    /// Code panels that did not compile: panel → why.
    pub(crate) broken_panels: HashMap<String, String>,
    pub(crate) integrations: HashMap<String, usize>,
    /// Per integration: the transfer fields of a LivePerson agent
    /// escalation (`None` for an ordinary API integration).
    pub(crate) escalations: Vec<Option<EscalationFields>>,
    /// Per interaction, the program's index of its pre-process,
    /// process-user-response and post-process panels.
    pub(crate) panels: Vec<[Option<usize>; 3]>,
    /// Dialog starters with an intent: intent name (lower case) → (dialog,
    /// starter interaction), in starter order.
    pub(crate) intent_starters: Vec<(String, usize, usize)>,
    pub(crate) fallback: Option<usize>,
}

/// The templates of an agent escalation's fields, read once from the post
/// body so that a turn renders three strings instead of parsing JSON.
pub(crate) struct EscalationFields {
    pub skill_name: Option<String>,
    pub skill_id: Option<String>,
    pub message: Option<String>,
    /// The body did not parse as JSON before templating: render, then parse.
    pub parse_at_runtime: bool,
}

/// The legacy LivePerson agent escalation integration posts to bot-central's
/// `livePersonAgent` endpoint (CB-SPEC §6.5 B): a transfer, not a call.
fn escalation_fields(g: &cbot_model::Integration) -> Option<EscalationFields> {
    if !g.webhook.as_deref().is_some_and(|w| w.contains("livePersonAgent")) {
        return None;
    }
    let body: Option<serde_json::Value> = g.post_body.as_deref().and_then(|b| serde_json::from_str(b).ok());
    Some(match &body {
        Some(b) => EscalationFields::read(b),
        None => EscalationFields { skill_name: None, skill_id: None, message: None, parse_at_runtime: true },
    })
}

impl EscalationFields {
    /// The fields of an escalation's post body (CB's and older key names).
    pub(crate) fn read(body: &serde_json::Value) -> EscalationFields {
        let field = |keys: &[&str]| {
            keys.iter().find_map(|k| body.get(*k)).map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_string))
        };
        EscalationFields {
            skill_name: field(&["agentSkillName", "skillName"]),
            skill_id: field(&["agentSkillId", "skillId"]),
            message: field(&["message", "transferMessage"]),
            parse_at_runtime: false,
        }
    }
}

/// An interaction's code panels, in the order of [`CompiledBot::panels`].
pub(crate) const PANELS: [&str; 3] = ["preProcessMessage", "processUserResponse", "postProcessMessage"];

/// The name of an interaction's code panel in the program.
pub(crate) fn panel_name(interaction_id: &str, panel: &str) -> String {
    format!("{interaction_id}/{panel}")
}

pub(crate) fn transform_panel(integration_id: &str) -> String {
    format!("responder/{integration_id}/transformResultsScript")
}

impl CompiledBot {
    /// Compiles `bot` (with the graph `cbot_model::load` built for it).
    /// Scripts that do not compile are left out and reported by
    /// [`CompiledBot::script_problems`]; running one gives a script-error
    /// event, as a failing script does in CB.
    pub fn new(bot: Bot, graph: Graph, engine: &cbot_script::Engine) -> CompiledBot {
        let options = MatchOptions::default();
        let starters = cbot_model::starter_patterns(&bot, &graph);
        let matcher = cbot_model::starter_matcher(&bot, &starters, options);
        let rules = bot
            .interactions
            .iter()
            .enumerate()
            .map(|(i, it)| {
                it.rules().iter().zip(graph.targets(i)).map(|(r, t)| compile_rule(r, *t, &options)).collect()
            })
            .collect();
        let integrations = bot.integrations().iter().enumerate().map(|(k, g)| (g.id.clone(), k)).collect();
        let fallback = bot.dialogs.iter().position(|d| d.dtype() == &DialogType::Fallback);
        let escalations = bot.integrations().iter().map(escalation_fields).collect();
        let (program, broken_panels) = compile_scripts(&bot, engine);
        let intent_starters = intent_starters(&bot, &graph);
        let panels = bot
            .interactions
            .iter()
            .map(|it| PANELS.map(|p| program.as_ref().and_then(|prog| prog.panel_index(&panel_name(&it.id, p)))))
            .collect();
        CompiledBot {
            bot,
            graph,
            starters,
            matcher,
            rules,
            program,
            broken_panels,
            integrations,
            escalations,
            panels,
            intent_starters,
            fallback,
        }
    }

    /// The bot model.
    pub fn model(&self) -> &Bot {
        &self.bot
    }

    /// The bot's compiled scripts, if it has any.
    pub fn program(&self) -> Option<&Program> {
        self.program.as_ref()
    }

    /// The compiled code panels, by the index [`crate::Conversation::panel_runs`]
    /// counts: `{interaction id}/{panel}` for interactions' panels,
    /// `responder/{id}/transformResultsScript` for integrations', and the
    /// global functions.
    pub fn panel_names(&self) -> &[String] {
        self.program.as_ref().map_or(&[], |p| p.panels())
    }

    /// Code panels left out because they do not compile, with the reason.
    pub fn script_problems(&self) -> Vec<(String, String)> {
        let mut v: Vec<(String, String)> = self.broken_panels.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
        v.sort();
        v
    }

    /// The program's index of a panel, if it compiled.
    pub(crate) fn panel(&self, panel: &str) -> Option<usize> {
        self.program.as_ref().and_then(|p| p.panel_index(panel))
    }

    /// Which dialog starter pattern a message starts, if any, with its
    /// index in [`CompiledBot::starters`] (patterns; CB-SPEC §1.8).
    pub(crate) fn starter_for(&self, message: &str) -> Option<(usize, &StarterPattern)> {
        self.matcher.find_best(message).map(|id| (id.index(), &self.starters[id.index()]))
    }

    /// The starter pattern a message starts a dialog with, if any (its index
    /// in [`CompiledBot::starters`]): intent matching alone, as a turn
    /// does it first.
    pub fn match_starter(&self, message: &str) -> Option<usize> {
        self.starter_for(message).map(|(k, _)| k)
    }

    /// The dialog starters' patterns, in the order they compete
    /// (docs/patterns.md); [`crate::Coverage::patterns`] counts by this index.
    pub fn starters(&self) -> &[StarterPattern] {
        &self.starters
    }

    /// Whether interaction `i` calls an agent escalation integration: a
    /// transfer, after which the flow takes no next action (CB-SPEC §6.5).
    pub fn is_escalation(&self, i: usize) -> bool {
        let it = &self.bot.interactions[i];
        let id = it.content.as_ref().and_then(|c| c.responder_id.as_deref()).unwrap_or("");
        self.integrations.get(id).is_some_and(|&k| self.escalations[k].is_some())
    }

    /// The flow graph of the bot (dialog of each interaction, heads).
    pub fn graph(&self) -> &Graph {
        &self.graph
    }
}

fn intent_starters(bot: &Bot, graph: &Graph) -> Vec<(String, usize, usize)> {
    let mut out = Vec::new();
    for d in cbot_model::starter_dialogs(bot) {
        for &i in graph.flow(d) {
            let it = &bot.interactions[i];
            let Some(id) =
                it.intent_id.as_deref().filter(|_| it.itype() == &cbot_model::InteractionType::DialogStarter)
            else {
                continue;
            };
            let intent = bot.intents().iter().find(|x| x.id.as_deref() == Some(id));
            if let Some(name) = intent.and_then(|x| x.name.clone().or_else(|| x.display_name.clone())) {
                out.push((name.to_lowercase(), d, i));
            }
        }
    }
    out
}

fn compile_rule(r: &cbot_model::Rule, target: Target, options: &MatchOptions) -> CompiledRule {
    let mut conds = Vec::new();
    let mut no_match = None;
    let mut excludes = Vec::new();
    for c in r.conditions() {
        match c.match_type.as_ref() {
            Some(MatchType::Pattern) => {
                let pm = c.pattern_match.as_ref();
                let patterns = pm.and_then(|p| p.patterns.clone()).unwrap_or_default();
                excludes.extend(pm.and_then(|p| p.exclude_keywords.clone()).unwrap_or_default());
                conds.push(match Matcher::new(&patterns, *options) {
                    Ok(m) => Cond::Pattern(Box::new(m)),
                    Err(_) => Cond::Never,
                });
            }
            Some(MatchType::Regex) => {
                let rm = c.regex_match.as_ref();
                excludes.extend(rm.and_then(|p| p.exclude_keywords.clone()).unwrap_or_default());
                let text = rm.and_then(|p| p.regex_text.as_deref()).unwrap_or("");
                conds.push(RegexCondition::new(text).map_or(Cond::Never, Cond::Regex));
            }
            Some(MatchType::NoMatch) => {
                no_match = Some(c.no_match.as_ref().and_then(|n| n.fallback_message.clone()).filter(|m| !m.is_empty()));
            }
            Some(MatchType::EvalOption) => conds
                .push(Cond::Option(c.evaluate_option_match.as_ref().and_then(|e| e.value.clone()).unwrap_or_default())),
            Some(MatchType::ApiResult) => {
                let status = c.api_results_match.as_ref().and_then(|a| a.status.as_deref()).unwrap_or("SUCCESS");
                conds.push(Cond::Api(!status.eq_ignore_ascii_case("FAILURE")));
            }
            _ => conds.push(Cond::Never),
        }
    }
    excludes.retain(|e| !e.trim().is_empty());
    let context = r
        .context_conditions
        .iter()
        .flatten()
        .map(|c| ContextCond {
            op: c.match_type.clone().unwrap_or_default().to_ascii_uppercase(),
            name: c.context_name.clone().unwrap_or_default(),
            value: c.value.clone().unwrap_or_default(),
        })
        .collect();
    let vars = r
        .context_data_variables
        .iter()
        .flatten()
        .filter_map(|v| {
            let name = v.name.clone().filter(|n| !n.is_empty())?;
            // Dialog scope is kept for the session (cbot does not clear it
            // when the dialog ends yet).
            let scope = match v.scope.as_deref().map(str::to_ascii_uppercase).as_deref() {
                Some("REQUEST") => Scope::Request,
                _ => Scope::Session,
            };
            Some((name, v.value.clone().unwrap_or_default(), scope))
        })
        .collect();
    CompiledRule {
        name: r.name.clone().unwrap_or_default(),
        conds,
        no_match,
        excludes,
        context,
        context_all: r.context_match_condition_type.as_deref().is_some_and(|t| t.eq_ignore_ascii_case("ALL")),
        target,
        vars,
    }
}

/// Compiles the global functions and every code panel into one program,
/// leaving out what does not compile.
fn compile_scripts(bot: &Bot, engine: &cbot_script::Engine) -> (Option<Program>, HashMap<String, String>) {
    let mut scripts: Vec<(String, String, ScriptKind)> = Vec::new();
    let globals = bot.global_functions.as_ref().and_then(|g| g.methods.clone()).filter(|m| !m.trim().is_empty());
    if let Some(g) = globals {
        scripts.push(("globalFunctions".into(), g, ScriptKind::Globals));
        scripts.push((INIT_PANEL.into(), INIT_SOURCE.into(), ScriptKind::Panel));
    }
    for it in &bot.interactions {
        for (panel, text) in it.code_panels() {
            if !text.trim().is_empty() {
                scripts.push((panel_name(&it.id, panel), text.to_string(), ScriptKind::Panel));
            }
        }
    }
    for g in bot.integrations() {
        if let Some(t) = g.transform_results_script.as_deref().filter(|t| !t.trim().is_empty()) {
            scripts.push((transform_panel(&g.id), t.to_string(), ScriptKind::Panel));
        }
    }
    let mut broken = HashMap::new();
    // Twice at most: a second pass without the scripts that failed.
    for _ in 0..3 {
        if scripts.iter().all(|s| s.2 == ScriptKind::Globals) {
            return (None, broken);
        }
        let sources: Vec<ScriptSource<'_>> =
            scripts.iter().map(|(n, t, k)| ScriptSource { name: n, text: t, kind: *k }).collect();
        match engine.compile(&sources) {
            Ok(p) => return (Some(p), broken),
            Err(cbot_script::Error::Compile(diags)) => {
                let bad = failing(&diags);
                for &i in bad.iter().rev() {
                    let (name, _, kind) = scripts.remove(i);
                    let why = diags
                        .iter()
                        .find(|d| d.script == i)
                        .map_or_else(|| "does not compile".to_string(), |d| format!("{}: {}", d.code, d.message));
                    if kind == ScriptKind::Globals {
                        // Without globals, the init panel has nothing to call.
                        scripts.retain(|s| s.0 != INIT_PANEL);
                    }
                    broken.insert(name, why);
                }
            }
            Err(e) => {
                broken.insert("*".into(), e.to_string());
                return (None, broken);
            }
        }
    }
    (None, broken)
}

fn failing(diags: &[ScriptDiagnostic]) -> Vec<usize> {
    let mut v: Vec<usize> = diags.iter().map(|d| d.script).collect();
    v.sort_unstable();
    v.dedup();
    v
}
