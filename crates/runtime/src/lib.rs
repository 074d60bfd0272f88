//! Conversation Builder's dialog semantics: a [`CompiledBot`] holds
//! [`Conversation`]s; each user message gives a [`Turn`] of typed
//! [`Event`]s.
//!
//! The turn loop follows shared CB-SPEC §9: the rules of the question
//! awaiting an answer, then dialog starters, then fallback; interactions
//! run pre-process, content, post-process and their next action, until the
//! bot waits for the user or stops. Scripts run in `cbot-script`'s sandbox
//! against this crate's `botContext`; integrations go through a
//! [`Transport`].

#![deny(missing_docs)]

mod bot;
mod context;
mod conversation;
mod event;
mod integration;
mod intent;
mod state;
mod template;

pub use bot::CompiledBot;
pub use context::Info;
pub use conversation::{
    CHAIN_LIMIT, Conversation, ConversationConfig, Coverage, DEFAULT_FALLBACK, DIALOG_LIMIT, INTEGRATION_FAILED,
    Status, TRANSFER_FAILED, TURN_SCRIPT_RUNS, Turn, VARIABLES_BYTES,
};
pub use event::{Choice, Event, TransferBotContext};
pub use integration::{HttpRequest, HttpResponse, Mocks, NoNetwork, Transport};
pub use intent::{Band, DomainClassifier, DomainError, IntentClassifier, IntentScore};
pub use state::{ConversationState, FrameState, RestoreError, STATE_VERSION, VariableState};
pub use template::{MAX_TEMPLATE_GROWTH, text_of};
