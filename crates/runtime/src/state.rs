//! A conversation's state between turns as data: what a server stores so
//! that a conversation survives a restart or moves to another process
//! (`Conversation::snapshot`, `Conversation::restore`).
//!
//! Dialogs and interactions are named by their ids, not positions, so a
//! state still applies after the bot is re-exported with unrelated
//! changes; what no longer exists is dropped (a frame of a deleted dialog,
//! an awaited question that is gone), as if the user had come back to a
//! new version of the bot.

use crate::event::{Choice, Event};
use crate::{Info, Status};
use cbot_host::{BotTransfer, Scope, Value};
use serde::{Deserialize, Serialize};

/// The version of [`ConversationState`]'s format.
pub const STATE_VERSION: u32 = 1;

/// One dialog on the stack.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FrameState {
    /// The dialog's id.
    pub dialog: String,
    /// The id of the last interaction the bot ran in it.
    pub last: Option<String>,
}

/// A bot variable.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VariableState {
    /// Its name.
    pub name: String,
    /// Its value (lossless: `undefined`, NaN and −0 survive).
    pub value: Value,
    /// How long it lives.
    pub scope: Scope,
}

/// Everything a conversation needs to go on from where it is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConversationState {
    /// [`STATE_VERSION`] when written.
    pub version: u32,
    /// The bot's id (`bot.id` of the export), to refuse another bot's state.
    pub bot: String,
    /// `active`, `transferred` or `closed`.
    pub status: String,
    /// The dialog stack, bottom first.
    pub stack: Vec<FrameState>,
    /// The question waiting for the user's answer (interaction id).
    pub awaiting: Option<String>,
    /// Events that go out with the next turn (`__initConversation`'s).
    pub pending: Vec<Event>,
    /// An intent forced for the next message.
    pub forced_intent: Option<String>,
    /// Quick replies the bot offered last (a tap sends their payload).
    pub offered: Vec<Choice>,
    /// Bot variables.
    pub variables: Vec<VariableState>,
    /// The conversation's facts as they are now (scripts may have changed
    /// the user data).
    pub info: Info,
    /// `setUserName`/`setEmail`.
    pub user_name: Option<String>,
    /// See `user_name`.
    pub email: Option<String>,
    /// The Transfer Bot Context set for the next transfer.
    pub bot_transfer: BotTransfer,
    /// `Math.random`'s state.
    pub rng: Option<u64>,
}

/// Why a state cannot be restored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RestoreError {
    /// Written by a newer cbot.
    Version(u32),
    /// It is another bot's conversation.
    OtherBot {
        /// The state's bot.
        state: String,
        /// The bot given.
        bot: String,
    },
    /// `status` is not one cbot writes.
    Status(String),
}

impl std::fmt::Display for RestoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RestoreError::Version(v) => {
                write!(f, "conversation state version {v} is newer than this cbot's ({STATE_VERSION})")
            }
            RestoreError::OtherBot { state, bot } => {
                write!(f, "the conversation belongs to bot {state:?}, not {bot:?}")
            }
            RestoreError::Status(s) => write!(f, "unknown conversation status {s:?}"),
        }
    }
}

impl std::error::Error for RestoreError {}

pub(crate) fn status_name(s: Status) -> &'static str {
    match s {
        Status::Active => "active",
        Status::Transferred => "transferred",
        Status::Closed => "closed",
    }
}

pub(crate) fn status_of(s: &str) -> Result<Status, RestoreError> {
    match s {
        "active" => Ok(Status::Active),
        "transferred" => Ok(Status::Transferred),
        "closed" => Ok(Status::Closed),
        other => Err(RestoreError::Status(other.to_string())),
    }
}
