//! Counts that describe a bot at a glance (what `cbot check` prints first).

use crate::model::{Bot, DialogType};

/// What a bot contains, counted.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Summary {
    /// The bot's name.
    pub name: Option<String>,
    /// The export schema version.
    pub version: Option<String>,
    /// Number of dialogs.
    pub dialogs: usize,
    /// How many of them are fallback dialogs.
    pub fallback_dialogs: usize,
    /// Number of interactions.
    pub interactions: usize,
    /// Interactions per type, in order of first appearance of the type in
    /// `InteractionType::KNOWN`, then unknown types alphabetically.
    pub interactions_by_type: Vec<(String, usize)>,
    /// Number of rules (`responseMatches` entries).
    pub rules: usize,
    /// Patterns of dialog starters.
    pub starter_patterns: usize,
    /// Patterns in PATTERN rule conditions.
    pub rule_patterns: usize,
    /// Regular expressions in REGEX rule conditions.
    pub regexes: usize,
    /// Number of integrations.
    pub integrations: usize,
    /// Code panels: pre-process, process-user-response, post-process.
    pub code_panels: [usize; 3],
    /// Integration transform scripts.
    pub transform_scripts: usize,
    /// Whether the bot has global functions (non-empty `methods`).
    pub global_functions: bool,
}

impl Summary {
    /// Counts `bot`.
    pub fn of(bot: &Bot) -> Summary {
        let mut by_type: Vec<(String, usize)> = Vec::new();
        let mut s = Summary {
            name: bot.info.name.clone(),
            version: bot.info.version.clone(),
            dialogs: bot.dialogs.len(),
            fallback_dialogs: bot.dialogs.iter().filter(|d| d.dtype() == &DialogType::Fallback).count(),
            interactions: bot.interactions.len(),
            integrations: bot.integrations().len(),
            transform_scripts: bot.integrations().iter().filter(|i| i.transform_results_script.is_some()).count(),
            global_functions: bot
                .global_functions
                .as_ref()
                .and_then(|g| g.methods.as_deref())
                .is_some_and(|m| !m.trim().is_empty()),
            ..Summary::default()
        };
        for it in &bot.interactions {
            let t = it.itype().as_str();
            match by_type.iter_mut().find(|(k, _)| k == t) {
                Some((_, n)) => *n += 1,
                None => by_type.push((t.to_string(), 1)),
            }
            s.starter_patterns += it.patterns().len();
            s.rules += it.rules().len();
            for cond in it.rules().iter().flat_map(|r| r.conditions()) {
                s.rule_patterns += cond.pattern_match.as_ref().and_then(|p| p.patterns.as_ref()).map_or(0, Vec::len);
                s.regexes += usize::from(cond.regex_match.as_ref().is_some_and(|r| r.regex_text.is_some()));
            }
            s.code_panels[0] += usize::from(it.pre_process.is_some());
            s.code_panels[1] += usize::from(it.process_user_response.is_some());
            s.code_panels[2] += usize::from(it.post_process.is_some());
        }
        let rank = |t: &str| crate::InteractionType::KNOWN.iter().position(|k| k.as_str() == t).unwrap_or(usize::MAX);
        by_type.sort_by(|a, b| rank(&a.0).cmp(&rank(&b.0)).then_with(|| a.0.cmp(&b.0)));
        s.interactions_by_type = by_type;
        s
    }
}
