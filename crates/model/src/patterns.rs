//! The bot's patterns and regexes: where they are, in which order dialog
//! starters compete, and what is wrong with them (D022, P001–P005,
//! P010–P012, P020, P021).

#![expect(
    clippy::indexing_slicing,
    reason = "indices are positions in the Bot being checked (from enumerating it or from its Graph), and \
              pattern/rule indices were collected from the same interaction"
)]

use crate::codec::{Locator, Seg};
use crate::graph::Graph;
use crate::model::{Bot, DialogType, InteractionType, MatchType};
use cbot_diag::{Diagnostic, Diagnostics, Span};
use cbot_matcher::{MatchOptions, Matcher, MatcherBuilder, PatternId, RegexCondition};
use std::cmp::Ordering;

const CM: &str = "conversationMessage";

/// Product-automaton states explored per pair before the shadowing check
/// gives up on that pair (no warning rather than a slow `check`).
const INCLUSION_LIMIT: usize = 20_000;

/// One dialog-starter pattern, in selection order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StarterPattern {
    /// Index of the dialog in `Bot::dialogs`.
    pub dialog: usize,
    /// Index of the dialog-starter interaction in `Bot::interactions`.
    pub interaction: usize,
    /// Index of the pattern in the starter's `pattern` list.
    pub index: usize,
}

impl StarterPattern {
    /// The pattern text.
    pub fn text<'b>(&self, bot: &'b Bot) -> &'b str {
        &bot.interactions[self.interaction].patterns()[self.index]
    }
}

/// Compares dialog names the way people number them: digit runs by value,
/// so "2 Fallback" comes before "10 Help".
pub fn natural_cmp(a: &str, b: &str) -> Ordering {
    let (mut a, mut b) = (a, b);
    loop {
        match (a.chars().next(), b.chars().next()) {
            (None, None) => return Ordering::Equal,
            (None, _) => return Ordering::Less,
            (_, None) => return Ordering::Greater,
            (Some(x), Some(y)) if x.is_ascii_digit() && y.is_ascii_digit() => {
                let da = a.len() - a.trim_start_matches(|c: char| c.is_ascii_digit()).len();
                let db = b.len() - b.trim_start_matches(|c: char| c.is_ascii_digit()).len();
                let (na, nb) = (a[..da].trim_start_matches('0'), b[..db].trim_start_matches('0'));
                let ord = na.len().cmp(&nb.len()).then_with(|| na.cmp(nb)).then_with(|| da.cmp(&db));
                if ord != Ordering::Equal {
                    return ord;
                }
                (a, b) = (&a[da..], &b[db..]);
            }
            (Some(x), Some(y)) => {
                if x != y {
                    return x.cmp(&y);
                }
                (a, b) = (&a[x.len_utf8()..], &b[y.len_utf8()..]);
            }
        }
    }
}

/// The dialogs whose starters can start them (enabled, not fallback), in
/// starter priority order: by dialog name, naturally (docs/patterns.md).
pub fn starter_dialogs(bot: &Bot) -> Vec<usize> {
    let mut dialogs: Vec<usize> = (0..bot.dialogs.len())
        .filter(|&d| {
            let dialog = &bot.dialogs[d];
            dialog.dtype() != &DialogType::Fallback
                && dialog.status.as_deref().is_none_or(|s| s.eq_ignore_ascii_case("ENABLED"))
        })
        .collect();
    dialogs.sort_by(|&x, &y| natural_cmp(bot.dialogs[x].display_name(), bot.dialogs[y].display_name()));
    dialogs
}

/// The dialog-starter patterns of every enabled dialog, in the order they
/// compete: CB does not define a tie-break when several starters match
/// (CB-SPEC §1.8), so cbot picks one people can predict from CB's own dialog
/// list: dialogs by name in natural order ("1 Welcome", "2 Help", …,
/// "10 Other"), then the starter's interactions in flow order, then each
/// starter's patterns in the order written. The first matching pattern wins.
pub fn starter_patterns(bot: &Bot, graph: &Graph) -> Vec<StarterPattern> {
    let mut out = Vec::new();
    for d in starter_dialogs(bot) {
        for &i in graph.flow(d) {
            let it = &bot.interactions[i];
            if it.itype() == &InteractionType::DialogStarter {
                out.extend((0..it.patterns().len()).map(|index| StarterPattern { dialog: d, interaction: i, index }));
            }
        }
    }
    out
}

/// Compiles the starter patterns (in [`starter_patterns`] order) into one
/// matcher; pattern `k` of the result is `starters[k]`. Patterns that do not
/// parse are left out (`check` reports them).
pub fn starter_matcher(bot: &Bot, starters: &[StarterPattern], options: MatchOptions) -> Matcher {
    let mut b = MatcherBuilder::new(options);
    for (rank, s) in starters.iter().enumerate() {
        let text = s.text(bot);
        // A pattern that does not parse still takes its slot, so ids keep
        // lining up with `starters`.
        match cbot_pattern::parse(text) {
            Ok(p) => b.add_parsed(p, text.to_string(), rank as u32),
            Err(_) => b.add_unmatchable(text.to_string(), rank as u32),
        };
    }
    b.build()
}

/// Where a pattern sits in the file.
struct Site {
    interaction: usize,
    path: Vec<Seg<'static>>,
    /// For rule patterns: (rule index, whether the rule can shadow others).
    rule: Option<(usize, bool)>,
}

pub(crate) fn check(bot: &Bot, graph: &Graph, loc: &Locator, source: &str, out: &mut Diagnostics) {
    let name = |i: usize| bot.interactions[i].display_name();
    let span_in = |path: &[Seg<'_>], range: (usize, usize)| loc.string_span(path, source, range.0..range.1);
    let mut sites: Vec<(Site, &str)> = Vec::new();
    for (i, it) in bot.interactions.iter().enumerate() {
        for (p, text) in it.patterns().iter().enumerate() {
            sites.push((
                Site { interaction: i, path: path(&[CM.into(), i.into(), "pattern".into(), p.into()]), rule: None },
                text,
            ));
        }
        for (r, rule) in it.rules().iter().enumerate() {
            // A rule shadows later ones only if nothing else can stop it:
            // one condition and no variable conditions.
            let can_shadow = rule.conditions().len() == 1 && rule.context_conditions.as_ref().is_none_or(Vec::is_empty);
            for (c, cond) in rule.conditions().iter().enumerate() {
                let base = [CM.into(), i.into(), "responseMatches".into(), r.into(), "conditions".into(), c.into()];
                if let Some(pm) = &cond.pattern_match {
                    for (p, text) in pm.patterns.iter().flatten().enumerate() {
                        let path = path(&[&base[..], &["patternMatch".into(), "patterns".into(), p.into()]].concat());
                        sites.push((Site { interaction: i, path, rule: Some((r, can_shadow)) }, text));
                    }
                }
                if cond.match_type.as_ref() == Some(&MatchType::Regex)
                    && let Some(text) = cond.regex_match.as_ref().and_then(|m| m.regex_text.as_deref())
                {
                    let path = path(&[&base[..], &["regexMatch".into(), "regexText".into()]].concat());
                    if let Err(e) = RegexCondition::new(text) {
                        let mut d = Diagnostic::error(
                            e.code,
                            format!("{} (REGEX rule of interaction `{}`)", e.message, name(i)),
                        )
                        .with_label(
                            span_in(&path, e.span),
                            if e.code == "P011" { "not supported" } else { "this regex" },
                        );
                        if let Some(h) = e.help {
                            d = d.with_help(h);
                        }
                        out.push(d.with_note(
                            "REGEX conditions use find semantics with the `regex` crate's syntax (CB-SPEC §1.7)",
                        ));
                    }
                }
            }
        }
    }

    // Syntax, and emptiness (D022).
    for (site, text) in &sites {
        if text.trim().is_empty() {
            out.push(
                Diagnostic::warning("D022", format!("interaction `{}` has an empty pattern", name(site.interaction)))
                    .with_label(loc.span(&site.path), "matches only an empty message")
                    .with_help("remove it, or write `*` to match any message"),
            );
            continue;
        }
        if let Err(e) = cbot_pattern::parse(text) {
            let mut d = Diagnostic::error(
                e.code,
                format!("{} (pattern of interaction `{}`)", e.message, name(site.interaction)),
            )
            .with_label(span_in(&site.path, (e.span.start, e.span.end)), e.label);
            if let Some(h) = e.help {
                d = d.with_help(h);
            }
            out.push(d);
        }
    }

    // Starters that can never win (P020) or repeat their own dialog (P021).
    let starters = starter_patterns(bot, graph);
    let matcher = starter_matcher(bot, &starters, MatchOptions::default());
    let starter_site = |s: &StarterPattern| path(&[CM.into(), s.interaction.into(), "pattern".into(), s.index.into()]);
    for (later, earlier) in matcher.shadowed(INCLUSION_LIMIT) {
        let (l, e) = (&starters[later.index()], &starters[earlier.index()]);
        if cbot_pattern::parse(l.text(bot)).is_err() || l.text(bot).trim().is_empty() {
            continue;
        }
        out.push(shadow_diagnostic(
            (loc.span(&starter_site(l)), l.text(bot)),
            (loc.span(&starter_site(e)), e.text(bot)),
            (l.dialog == e.dialog).then_some("dialog"),
            format!("dialog `{}`", bot.dialogs[e.dialog].display_name()),
        ));
    }

    // Rule patterns of one interaction, in rule order (CB-SPEC §2.5): a
    // pattern is shadowed by an earlier one whose rule always fires when its
    // pattern matches (one condition, no variable conditions).
    for i in 0..bot.interactions.len() {
        // Each rule pattern that compiles, with its rule and its id.
        let mut b = MatcherBuilder::new(MatchOptions::default());
        let mut rule_sites: Vec<(&Site, &str, (usize, bool))> = Vec::new();
        let mut ids: Vec<PatternId> = Vec::new();
        for (s, t) in sites.iter().filter(|(s, t)| s.interaction == i && !t.trim().is_empty()) {
            if let Some(rule) = s.rule
                && let Ok(id) = b.add(t, 0)
            {
                rule_sites.push((s, t, rule));
                ids.push(id);
            }
        }
        if rule_sites.len() < 2 {
            continue;
        }
        let m = b.build();
        for later in 1..rule_sites.len() {
            let (ls, lt, (lr, _)) = rule_sites[later];
            let cover = (0..later).find(|&earlier| {
                rule_sites[earlier].2.1 && m.covers(ids[earlier], ids[later], INCLUSION_LIMIT) == Some(true)
            });
            let Some(earlier) = cover else { continue };
            let (es, et, (er, _)) = rule_sites[earlier];
            let rule = &bot.interactions[i].rules()[er];
            let rule_name = rule.name.clone().filter(|n| !n.is_empty()).unwrap_or(format!("#{}", er + 1));
            out.push(shadow_diagnostic(
                (loc.span(&ls.path), lt),
                (loc.span(&es.path), et),
                (lr == er).then_some("rule"),
                format!("rule `{rule_name}` of interaction `{}`", name(i)),
            ));
        }
    }
}

fn path(segs: &[Seg<'static>]) -> Vec<Seg<'static>> {
    segs.to_vec()
}

fn shadow_diagnostic(
    (later_span, later): (Span, &str),
    (earlier_span, earlier): (Span, &str),
    same: Option<&str>,
    owner: String,
) -> Diagnostic {
    if let Some(kind) = same {
        Diagnostic::warning(
            "P021",
            format!("pattern `{later}` is redundant: `{earlier}` already matches everything it matches"),
        )
        .with_label(later_span, "never decides anything")
        .with_secondary_label(earlier_span, format!("this earlier pattern of the same {kind} covers it"))
        .with_help("remove it, or make it more general than the earlier pattern")
    } else {
        Diagnostic::warning(
            "P020",
            format!("pattern `{later}` can never win: `{earlier}` of {owner} matches everything it matches first"),
        )
        .with_label(later_span, "never wins")
        .with_secondary_label(earlier_span, "always chosen instead")
        .with_note("dialog starters compete in dialog-name order, rules in rule order (docs/patterns.md)")
    }
}
