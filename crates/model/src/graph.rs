//! The resolved dialog graph: ids to indices, each dialog's interactions in
//! flow order, and every rule's target.
//!
//! The export lists interactions sorted by id, not in flow order (CB-SPEC
//! §7.3). Each dialog is a doubly linked list through `prevMessageId` /
//! `nextMessageId`; [`Graph::build`] walks those links from the dialog's head
//! and records anything that does not fit (a second head, a link into another
//! dialog, a cycle) as a [`LinkIssue`] for validation to report.

#![expect(
    clippy::indexing_slicing,
    reason = "interaction and dialog indices are positions in the Bot the graph is built over (made by enumerating \
              its vectors), and every per-interaction and per-dialog vector here has one slot per interaction or \
              dialog (the public accessors take any index: they use `get`)"
)]

use crate::model::{ActionKind, Bot, DialogType, InteractionType};
use std::collections::HashMap;

/// Where a rule's next action leads (CB-SPEC §2.6).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// `next`: the following interaction of the dialog, or `None` at the
    /// end of the dialog (the dialog completes).
    Next(Option<usize>),
    /// Jump to this interaction (possibly in another dialog).
    Interaction(usize),
    /// Start this dialog at its head.
    Dialog(usize),
    /// `none`: stop; the bot waits for the user.
    End,
    /// `close_conversation`.
    CloseConversation,
    /// `close_dialog` (unclear: CB-SPEC §2.6).
    CloseDialog,
    /// An id that names no interaction or dialog. CB treats it as the end of
    /// the flow (CB-SPEC §2.6); validation warns (D015/D016).
    Missing,
    /// An action name cbot does not know (D027); treated as the end.
    Unknown,
}

/// A problem with the positional links of a dialog.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkIssue {
    /// `nextMessageId` of `from` names no interaction.
    NextMissing {
        /// The interaction whose link is broken.
        from: usize,
    },
    /// `nextMessageId` of `from` names an interaction of another dialog.
    NextOutsideDialog {
        /// The interaction whose link leaves its dialog.
        from: usize,
        /// The interaction it names.
        to: usize,
    },
    /// `from.nextMessageId` is `to` but `to.prevMessageId` is something else.
    Disagree {
        /// The interaction whose `nextMessageId` names `to`.
        from: usize,
        /// The interaction whose `prevMessageId` does not name `from`.
        to: usize,
    },
    /// Following `nextMessageId` from `from` comes back to `to`, which was
    /// already visited.
    Cycle {
        /// The interaction whose link closes the cycle.
        from: usize,
        /// Where the cycle closes.
        to: usize,
    },
    /// A dialog has more than one head (interactions without a predecessor).
    ExtraHead {
        /// The dialog.
        dialog: usize,
        /// The extra head (the first head is the starter, or the first in file).
        head: usize,
    },
}

/// Indices and flow order of a [`Bot`]; borrow-free so it can live beside it.
#[derive(Debug, Clone, Default)]
pub struct Graph {
    interaction_ids: HashMap<String, usize>,
    dialog_ids: HashMap<String, usize>,
    names: HashMap<String, usize>,
    owner: Vec<Option<usize>>,
    flows: Vec<Vec<usize>>,
    next: Vec<Option<usize>>,
    targets: Vec<Vec<Target>>,
}

impl Graph {
    /// Resolves `bot`. Never fails: what cannot be resolved becomes a
    /// [`LinkIssue`] or a [`Target::Missing`]. With duplicate ids, the first
    /// occurrence wins (validation reports the rest).
    pub fn build(bot: &Bot) -> (Graph, Vec<LinkIssue>) {
        let mut g = Graph::default();
        let mut issues = Vec::new();
        for (i, it) in bot.interactions.iter().enumerate() {
            g.interaction_ids.entry(it.id.clone()).or_insert(i);
            if let Some(name) = &it.name {
                g.names.entry(name.clone()).or_insert(i);
            }
        }
        for (d, dialog) in bot.dialogs.iter().enumerate() {
            g.dialog_ids.entry(dialog.id.clone()).or_insert(d);
        }
        g.owner = bot.interactions.iter().map(|it| g.dialog_ids.get(&it.dialog).copied()).collect();

        // Positional links, kept only when they stay inside the dialog.
        g.next = vec![None; bot.interactions.len()];
        for (i, it) in bot.interactions.iter().enumerate() {
            let Some(next_id) = it.next_message_id.as_deref() else { continue };
            match g.interaction_ids.get(next_id) {
                None => issues.push(LinkIssue::NextMissing { from: i }),
                Some(&j) if g.owner[j] != g.owner[i] => issues.push(LinkIssue::NextOutsideDialog { from: i, to: j }),
                Some(&j) => {
                    g.next[i] = Some(j);
                    if bot.interactions[j].prev_message_id.as_deref() != Some(it.id.as_str()) {
                        issues.push(LinkIssue::Disagree { from: i, to: j });
                    }
                }
            }
        }

        let mut members: Vec<Vec<usize>> = vec![Vec::new(); bot.dialogs.len()];
        for (i, owner) in g.owner.iter().enumerate() {
            if let Some(d) = owner {
                members[*d].push(i);
            }
        }
        let mut has_pred = vec![false; bot.interactions.len()];
        for n in g.next.iter().flatten() {
            has_pred[*n] = true;
        }
        let mut visited = vec![false; bot.interactions.len()];
        for (d, members) in members.iter().enumerate() {
            let mut heads: Vec<usize> = members.iter().copied().filter(|&i| !has_pred[i]).collect();
            // The starter leads when there is one (CB-SPEC §7.3); a stable
            // sort keeps file order otherwise.
            heads.sort_by_key(|&i| bot.interactions[i].itype() != &InteractionType::DialogStarter);
            let mut flow = Vec::with_capacity(members.len());
            for (k, &head) in heads.iter().enumerate() {
                if k > 0 {
                    issues.push(LinkIssue::ExtraHead { dialog: d, head });
                }
                g.walk(head, &mut visited, &mut flow, &mut issues);
            }
            // What is left has a predecessor but no head: it sits on a cycle.
            for &i in members {
                if !visited[i] {
                    g.walk(i, &mut visited, &mut flow, &mut issues);
                }
            }
            g.flows.push(flow);
        }

        g.targets = bot
            .interactions
            .iter()
            .enumerate()
            .map(|(i, it)| it.rules().iter().map(|r| g.resolve(i, r.action.as_ref())).collect())
            .collect();
        (g, issues)
    }

    fn walk(&self, from: usize, visited: &mut [bool], flow: &mut Vec<usize>, issues: &mut Vec<LinkIssue>) {
        let mut at = from;
        let walk_start = flow.len();
        loop {
            visited[at] = true;
            flow.push(at);
            match self.next[at] {
                // Back into this walk: a cycle. Into an earlier walk: two
                // interactions share a successor, which `Disagree` reports.
                Some(n) if visited[n] => {
                    if flow[walk_start..].contains(&n) {
                        issues.push(LinkIssue::Cycle { from: at, to: n });
                    }
                    break;
                }
                Some(n) => at = n,
                None => break,
            }
        }
    }

    fn resolve(&self, i: usize, action: Option<&crate::model::Action>) -> Target {
        // A rule without an action falls through like a statement's default
        // "Next Interaction" (CB-SPEC §2.6).
        let Some(action) = action else { return Target::Next(self.next[i]) };
        let value = action.value.as_deref().unwrap_or("");
        match action.name.as_ref().unwrap_or(&ActionKind::Interaction) {
            ActionKind::Interaction => match value {
                "next" => Target::Next(self.next[i]),
                "none" => Target::End,
                "close_conversation" => Target::CloseConversation,
                "close_dialog" => Target::CloseDialog,
                id => self.interaction_ids.get(id).map_or(Target::Missing, |&j| Target::Interaction(j)),
            },
            ActionKind::Dialog => self.dialog_ids.get(value).map_or(Target::Missing, |&d| Target::Dialog(d)),
            _ => Target::Unknown,
        }
    }

    /// The index of the interaction with this id.
    pub fn interaction_by_id(&self, id: &str) -> Option<usize> {
        self.interaction_ids.get(id).copied()
    }

    /// The index of the interaction with this name (what
    /// `setTriggerNextMessage` looks up, CB-SPEC §2.9).
    pub fn interaction_by_name(&self, name: &str) -> Option<usize> {
        self.names.get(name).copied()
    }

    /// The index of the dialog with this id.
    pub fn dialog_by_id(&self, id: &str) -> Option<usize> {
        self.dialog_ids.get(id).copied()
    }

    /// The dialog an interaction belongs to (`None` if its `group` is unknown).
    pub fn dialog_of(&self, interaction: usize) -> Option<usize> {
        self.owner.get(interaction).copied().flatten()
    }

    /// A dialog's interactions in flow order: the head first (the dialog
    /// starter when there is one), then along `nextMessageId`.
    pub fn flow(&self, dialog: usize) -> &[usize] {
        self.flows.get(dialog).map_or(&[], Vec::as_slice)
    }

    /// The dialog's first interaction.
    pub fn head(&self, dialog: usize) -> Option<usize> {
        self.flow(dialog).first().copied()
    }

    /// The positional successor inside the dialog.
    pub fn next_of(&self, interaction: usize) -> Option<usize> {
        self.next.get(interaction).copied().flatten()
    }

    /// The target of each rule of an interaction, in rule order.
    pub fn targets(&self, interaction: usize) -> &[Target] {
        self.targets.get(interaction).map_or(&[], Vec::as_slice)
    }

    /// Interactions the flow can move to from `interaction` through its
    /// rules; an interaction without rules falls through to the next one.
    pub fn successors<'a>(&'a self, bot: &'a Bot, interaction: usize) -> impl Iterator<Item = usize> + 'a {
        let implicit = bot.interactions.get(interaction).is_some_and(|it| it.rules().is_empty());
        let implicit_next = implicit.then(|| self.next_of(interaction)).flatten();
        self.targets(interaction)
            .iter()
            .filter_map(move |t| match *t {
                Target::Next(n) => n,
                Target::Interaction(j) => Some(j),
                Target::Dialog(d) => self.head(d),
                _ => None,
            })
            .chain(implicit_next)
    }

    /// The index of the first fallback dialog, if any.
    pub fn fallback(&self, bot: &Bot) -> Option<usize> {
        bot.dialogs.iter().position(|d| d.dtype() == &DialogType::Fallback)
    }
}
