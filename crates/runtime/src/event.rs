//! What a turn produces: typed, serialisable events (DESIGN §5).

use serde::{Deserialize, Serialize};

/// One thing the bot did in a turn, in order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Event {
    /// A text message to the user.
    Text {
        /// The text.
        text: String,
    },
    /// An image.
    Image {
        /// Its URL.
        url: String,
    },
    /// A question with quick replies.
    QuickReplies {
        /// The question.
        text: String,
        /// The choices.
        replies: Vec<Choice>,
    },
    /// A question with buttons (button questions, multiple choice).
    Buttons {
        /// The question.
        text: String,
        /// The buttons.
        buttons: Vec<Choice>,
    },
    /// Structured content: cards, carousels, rich messages (JSON as the
    /// channel would get it).
    Structured {
        /// The content.
        content: serde_json::Value,
    },
    /// A pause before the next message.
    Delay {
        /// Milliseconds.
        ms: u64,
    },
    /// The conversation goes to a human agent (CB-SPEC §6.5).
    Transfer {
        /// Skill name, when the bot names it.
        skill: Option<String>,
        /// Skill id.
        #[serde(rename = "skillId")]
        skill_id: String,
        /// The agent the escalation names, if any (`escalation.agentId`).
        #[serde(rename = "agentId", default, skip_serializing_if = "Option::is_none")]
        agent_id: Option<String>,
        /// The message handed to the agent (empty for none).
        message: String,
        /// The Transfer Bot Context a script set with `setBotTransfer…`
        /// (CB-SPEC §6.5 step 3), for a receiving bot; absent when unset.
        #[serde(rename = "transferBotContext", skip_serializing_if = "Option::is_none")]
        bot_context: Option<TransferBotContext>,
    },
    /// `transferToBotDialog`: the conversation goes to a dialog of another
    /// bot (CB-SPEC §4.3); the bot stops answering, as after a transfer.
    BotTransfer {
        /// The receiving bot's id.
        #[serde(rename = "botId")]
        bot_id: String,
        /// The dialog to start there.
        dialog: String,
        /// The transfer message.
        message: String,
    },
    /// `sendPrivateMessage`: a message only agents see (CB-SPEC §3.4).
    PrivateMessage {
        /// The text.
        text: String,
    },
    /// `logCustomEvent`: a reporting event (CB-SPEC §4.6).
    CustomEvent {
        /// The event name.
        name: String,
        /// The user message the script passed.
        message: String,
        /// The details (empty when not given).
        details: String,
    },
    /// `logEscalationEvent`: an escalation counted in CB's analytics
    /// (CB-SPEC §4.6).
    EscalationEvent {
        /// The user message the script passed.
        message: String,
        /// Where the escalation goes (`LivePerson` in CB's docs).
        target: String,
    },
    /// The bot closed the conversation.
    Close {
        /// Whether a post-conversation survey follows (`close_dialog`).
        survey: bool,
    },
    /// An integration call.
    ApiCall {
        /// Integration name.
        integration: String,
        /// HTTP method.
        method: String,
        /// The URL after templating.
        url: String,
        /// The HTTP status, when there was a response.
        status: Option<u16>,
        /// Why there was no response.
        #[serde(skip_serializing_if = "Option::is_none")]
        error: Option<String>,
    },
    /// `printDebugMessage` output (bot logs).
    Debug {
        /// The text.
        text: String,
    },
    /// A script failed; the conversation goes on (CB-SPEC §8).
    ScriptError {
        /// Which code panel (`interaction name/panel`).
        panel: String,
        /// What went wrong.
        error: String,
    },
    /// The flow stopped on a limit or a broken bot (CB-SPEC §2.8).
    Error {
        /// The message, as CB words it where CB has one.
        message: String,
    },
}

/// The Transfer Bot Context of a transfer: what a receiving bot tries
/// first (its intent, then the user message; CB-SPEC §6.6).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TransferBotContext {
    /// `setBotTransferUserMessage`.
    #[serde(rename = "userMessage", skip_serializing_if = "Option::is_none")]
    pub user_message: Option<String>,
    /// `setBotTransferIntentId`.
    #[serde(rename = "intentId", skip_serializing_if = "Option::is_none")]
    pub intent_id: Option<String>,
    /// `setBotTransferIntentbyDomain`: the intent's name (CB resolves it to
    /// an id with the domain) …
    #[serde(rename = "intentName", skip_serializing_if = "Option::is_none")]
    pub intent_name: Option<String>,
    /// … and the domain.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub domain: Option<String>,
}

/// A button or quick reply.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    /// What the user sees.
    pub title: String,
    /// What comes back when it is chosen (a URL for link buttons).
    pub payload: String,
}

impl Event {
    /// Whether this is something the user sees.
    pub fn is_message(&self) -> bool {
        matches!(
            self,
            Event::Text { .. }
                | Event::Image { .. }
                | Event::QuickReplies { .. }
                | Event::Buttons { .. }
                | Event::Structured { .. }
        )
    }
}
