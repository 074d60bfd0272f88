//! The typed model of a Conversation Builder export (CB-SPEC §7).
//!
//! Field names are Rust's; the `= "…"` after each is the CB JSON key. Every
//! key seen in the sample exports is modelled; keys cbot does not know are
//! kept in each struct's `extra`. Optional keys are `Option`s so that an
//! absent key stays absent on export (lossless round trip).

use crate::codec::{Extra, Scalar, cb_enum, cb_object};
use serde_json::Value;

cb_object! {
    /// A whole CB bot export: the top-level JSON object (CB-SPEC §7.1).
    pub struct Bot {
        /// Opaque checksum written by CB; not checked.
        opt hash: String = "hash",
        /// Bot-level settings.
        req info: BotInfo = "bot",
        /// Integrations (CB calls them responders).
        opt integrations: Vec<Integration> = "responder",
        /// Legacy "Required Context"; always empty in the samples.
        opt required_context: Vec<Value> = "requiredContext",
        /// All interactions of all dialogs, flat, in file order (sorted by id,
        /// not by flow: see [`crate::Graph`] for flow order).
        req interactions: Vec<Interaction> = "conversationMessage",
        /// Legacy menus; always empty in the samples.
        opt menus: Vec<Value> = "menus",
        /// Dialogs (CB calls them groups).
        req dialogs: Vec<Dialog> = "groups",
        /// Global functions: JavaScript shared by every code panel.
        opt global_functions: GlobalFunctions = "globalFunctions",
        /// Channels the bot is deployed to.
        opt platforms: Vec<Platform> = "platforms",
        /// NLU domains (no training data is exported).
        opt associated_domains: Vec<Domain> = "associatedDomains",
        /// Intents referenced by dialog starters.
        opt associated_intents: Vec<Intent> = "associatedIntents",
        /// Dialog templates the bot was built from.
        opt dialog_templates: Vec<DialogTemplate> = "dialogTemplates",
    }
}

impl Bot {
    /// JSON pointers of every key in the bot that cbot does not model (kept
    /// in an `extra` map and written back on export). Empty for the sample
    /// exports; a non-empty list points at CB features cbot ignores.
    pub fn unknown_keys(&self) -> Vec<String> {
        let mut out = Vec::new();
        crate::codec::UnknownKeys::unknown_keys(self, &mut String::new(), &mut out);
        out
    }

    /// The integrations, empty when the key is absent.
    pub fn integrations(&self) -> &[Integration] {
        self.integrations.as_deref().unwrap_or_default()
    }

    /// The associated intents, empty when the key is absent.
    pub fn intents(&self) -> &[Intent] {
        self.associated_intents.as_deref().unwrap_or_default()
    }
}

cb_object! {
    /// The `bot` object: name, language and settings (CB-SPEC §7.2).
    pub struct BotInfo {
        /// Bot id (`{$chatBotId}`).
        opt id: String = "id",
        /// Display name.
        opt name: String = "name",
        /// `CUSTOMER_FACING_BOT` in the samples.
        opt chat_bot_type: String = "chatBotType",
        /// Free text.
        opt description: String = "description",
        /// Publication status (`NEW`).
        opt status: String = "status",
        /// Text probably auto-sent when a conversation starts (unclear in CB-SPEC).
        opt get_started_button_payload: String = "getStartedButtonPayload",
        /// Creation time (epoch ms).
        opt creation_time: Scalar = "creationTime",
        /// Last modification (epoch ms).
        opt modification_time: Scalar = "modificationTime",
        /// NLU domain used for entities.
        opt entity_data_source_id: String = "entityDataSourceId",
        /// Demo bot flag.
        opt demo: bool = "demo",
        /// Skip intent matching (unclear in CB-SPEC).
        opt skip_nlp: bool = "skipNLP",
        /// Language such as `en-US`.
        opt language: String = "language",
        /// Settings as strings (`ENABLE_DEBUG`, `DEFAULT_ERROR_MESSAGE`, …).
        opt bot_attributes: Extra = "botAttributes",
        /// Session idle timeout; 0 means the default of one hour.
        opt session_length: i64 = "sessionLength",
        /// (unclear in CB-SPEC)
        opt pass_through_mode: bool = "passThroughMode",
        /// "Log Transcripts" turned off.
        opt transcript_disabled: bool = "transcriptDisabled",
        /// Export schema version; `"2"` in every sample.
        opt version: String = "version",
        /// Public bot flag.
        opt public_bot: bool = "publicBot",
        /// Bot group.
        opt transfer_group_id: String = "transferGroupId",
        /// Read-only flag.
        opt read_only: bool = "readOnly",
    }
}

cb_object! {
    /// An integration (`responder[]`, CB-SPEC §6.1, §7.7).
    pub struct Integration {
        /// Owning bot.
        opt chatbot_id: String = "chatbotId",
        /// Id, referenced by `content.responderId`.
        req id: String = "id",
        /// Integration name.
        opt name: String = "name",
        /// URL, templated.
        opt webhook: String = "webhook",
        /// HTTP method.
        opt method: String = "method",
        /// Default tile values (`title`, `subTitle`, `image`, `itemUrl`).
        opt default_values: Vec<KeyValue> = "defaultValues",
        /// Custom data fields (`{$.api_RDV.path}` expressions).
        opt custom_data_fields: Vec<KeyValue> = "customDataFields",
        /// Request headers.
        opt headers: Vec<KeyValue> = "headers",
        /// Request body, templated.
        opt post_body: String = "postBody",
        /// Result tile template.
        opt results: Results = "results",
        /// `Responders` in the samples.
        opt group: String = "group",
        /// `API` in the samples.
        opt integration_type: IntegrationType = "integrationType",
        /// Response Data Variable name (RDV): results land in `api_<RDV>`.
        opt response_data_variable: String = "responseDataVariable",
        /// JavaScript run on the result.
        opt transform_results_script: String = "transformResultsScript",
        /// Pass bot context on transfer.
        opt tango_context_enabled: bool = "tangoContextEnabled",
        /// File integration URL template.
        opt file_url: String = "fileUrl",
    }
}

cb_enum! {
    /// `responder[].integrationType`.
    pub enum IntegrationType {
        /// HTTP API call.
        Api = "API",
    }
}

cb_object! {
    /// A `{key, value}` pair (headers, custom data fields, default values).
    pub struct KeyValue {
        /// Key.
        opt key: String = "key",
        /// Value (templated where used).
        opt value: String = "value",
    }
}

cb_object! {
    /// An interaction (`conversationMessage[]`, CB-SPEC §7.3).
    pub struct Interaction {
        /// 40-hex id; target of jumps.
        req id: String = "id",
        /// Owning bot.
        opt chat_bot_id: String = "chatBotId",
        /// Name, unique in the bot; used by `setTriggerNextMessage`.
        opt name: String = "name",
        /// Always `BOT_MESSAGE`.
        opt kind: String = "type",
        /// What the interaction is (CB-SPEC §2.4).
        opt interaction_type: InteractionType = "interactionType",
        /// `true` on UNIVERSAL interactions that wait for the user.
        opt user_input_required: bool = "userInputRequired",
        /// Id of the owning dialog (`groups[].id`).
        req dialog: String = "group",
        /// `ACTIVE` in the samples.
        opt status: String = "status",
        /// (unclear in CB-SPEC)
        opt required: bool = "required",
        /// Next interaction in the dialog (positional link).
        opt next_message_id: String = "nextMessageId",
        /// Previous interaction in the dialog.
        opt prev_message_id: String = "prevMessageId",
        /// Dialog-starter patterns.
        opt patterns: Vec<String> = "pattern",
        /// Dialog-starter intent (`associatedIntents[].id`).
        opt intent_id: String = "intentId",
        /// What is shown, or which integration is called.
        opt content: Content = "content",
        /// Quick replies of a QUICK_REPLY question.
        opt quick_replies: Vec<QuickReply> = "quickReplies",
        /// Rules and next actions (CB-SPEC §2.5).
        opt rules: Vec<Rule> = "responseMatches",
        /// Pre-process code.
        opt pre_process: String = "preProcessMessage",
        /// Process-user-response code.
        opt process_user_response: String = "processUserResponse",
        /// Post-process code.
        opt post_process: String = "postProcessMessage",
        /// Delay before sending, in ms (a string in the samples).
        opt interaction_delay: Scalar = "interactionDelay",
        /// UI affordance (unclear in CB-SPEC).
        opt change_response: Toggle = "changeResponse",
        /// UI affordance (unclear in CB-SPEC).
        opt cancel_response: Toggle = "cancelResponse",
        /// UI annotation.
        opt comment: Comment = "comment",
    }
}

impl Interaction {
    /// The name, or the id when the interaction has none (for messages).
    pub fn display_name(&self) -> &str {
        self.name.as_deref().filter(|n| !n.is_empty()).unwrap_or(&self.id)
    }

    /// The interaction type, `Empty` when absent.
    pub fn itype(&self) -> &InteractionType {
        static EMPTY: InteractionType = InteractionType::Empty;
        self.interaction_type.as_ref().unwrap_or(&EMPTY)
    }

    /// The rules, empty when absent.
    pub fn rules(&self) -> &[Rule] {
        self.rules.as_deref().unwrap_or_default()
    }

    /// The starter patterns, empty when absent.
    pub fn patterns(&self) -> &[String] {
        self.patterns.as_deref().unwrap_or_default()
    }

    /// The tiles of the content, empty when absent.
    pub fn tiles(&self) -> &[TileData] {
        self.content
            .as_ref()
            .and_then(|c| c.results.as_ref())
            .and_then(|r| r.tile.as_ref())
            .and_then(|t| t.tile_data.as_deref())
            .unwrap_or_default()
    }

    /// The code panels that are present, with their JSON keys.
    pub fn code_panels(&self) -> impl Iterator<Item = (&'static str, &str)> {
        [
            ("preProcessMessage", &self.pre_process),
            ("processUserResponse", &self.process_user_response),
            ("postProcessMessage", &self.post_process),
        ]
        .into_iter()
        .filter_map(|(k, v)| v.as_deref().map(|v| (k, v)))
    }
}

cb_enum! {
    /// `conversationMessage[].interactionType` (CB-SPEC §2.4).
    pub enum InteractionType {
        /// Entry point of a dialog: patterns and/or an intent.
        DialogStarter = "DIALOG_STARTER",
        /// Text statement.
        Text = "TEXT",
        /// Image statement.
        Image = "IMAGE",
        /// Free-text question.
        TextQuestion = "TEXT_QUESTION",
        /// Multiple-choice question.
        MultipleChoiceQuestion = "MULTIPLE_CHOICE_QUESTION",
        /// Quick-reply question.
        QuickReply = "QUICK_REPLY",
        /// Button question.
        Button = "BUTTON",
        /// Structured card or carousel question.
        Structured = "STRUCTURED",
        /// Code (rich message JSON); waits only with `userInputRequired`.
        Universal = "UNIVERSAL",
        /// Integration call.
        ApiIntegration = "API_INTEGRATION",
        /// Agent transfer.
        Escalation = "ESCALATION",
    }
}

impl InteractionType {
    /// Questions wait for the user (CB-SPEC §2.4).
    pub fn is_question(&self) -> bool {
        matches!(
            self,
            InteractionType::TextQuestion
                | InteractionType::MultipleChoiceQuestion
                | InteractionType::QuickReply
                | InteractionType::Button
                | InteractionType::Structured
        )
    }
}

cb_object! {
    /// `content` of an interaction.
    pub struct Content {
        /// `STATIC`, or `DYNAMIC` for integrations and escalations.
        opt content_type: String = "contentType",
        /// Integration to call (`responder[].id`).
        opt responder_id: String = "responderId",
        /// Its name, as shown in the UI.
        opt responder_name: String = "responderName",
        /// The tile(s) to show.
        opt results: Results = "results",
    }
}

cb_object! {
    /// `content.results`.
    pub struct Results {
        /// Usually equal to the interaction type.
        opt kind: String = "type",
        /// The tile.
        opt tile: Tile = "tile",
    }
}

cb_object! {
    /// `content.results.tile`.
    pub struct Tile {
        /// One entry per card; most interactions have one.
        opt tile_data: Vec<TileData> = "tileData",
        /// Sample user input of legacy starters; never sent.
        opt sample_user_input: String = "sampleUserInput",
    }
}

cb_object! {
    /// One tile (CB-SPEC §7.5).
    pub struct TileData {
        /// Message text, templated.
        opt text: String = "text",
        /// Buttons.
        opt buttons: Vec<Button> = "buttons",
        /// Legacy quick replies; always empty in the samples.
        opt quick_reply_list: Vec<Value> = "quickReplyList",
        /// Chip layout of quick replies.
        opt quick_reply_widget: QuickReplyWidget = "quickReplyWidget",
        /// Choices of a multiple-choice question.
        opt multiple_choice: MultipleChoice = "multipleChoice",
        /// Transfer settings of an ESCALATION.
        opt escalation: Escalation = "escalation",
        /// Rich message JSON of a UNIVERSAL interaction.
        opt universal_widget: UniversalWidget = "universalWidget",
        /// Image URL of an IMAGE statement.
        opt url: String = "url",
        /// Card title.
        opt title: String = "title",
        /// Card subtitle.
        opt sub_title: String = "subTitle",
        /// Card image.
        opt image: String = "image",
    }
}

cb_object! {
    /// A button.
    pub struct Button {
        /// Label.
        opt name: String = "name",
        /// `postback` or `web_url`.
        opt kind: String = "type",
        /// Payload or URL.
        opt callback: String = "callback",
        /// Link target (`blank`).
        opt target: String = "target",
        /// Web view height (`full`).
        opt webview_height_ratio: String = "webviewHeightRatio",
    }
}

cb_object! {
    /// `quickReplyWidget`.
    pub struct QuickReplyWidget {
        /// Chips per row.
        opt choices_per_row: i64 = "choicesPerRow",
    }
}

cb_object! {
    /// `multipleChoice`.
    pub struct MultipleChoice {
        /// `BUTTON` or chips.
        opt display_choice: String = "displayChoice",
        /// The choices.
        opt choices: Vec<String> = "multipleChoices",
        /// `NUMBERS` or letters on text-only channels.
        opt text_style: String = "textStyle",
    }
}

cb_object! {
    /// `escalation` of an agent transfer (CB-SPEC §6.5).
    pub struct Escalation {
        /// Skill id, numeric or templated (`{$botContext.skillId}`).
        opt agent_skill_id: String = "agentSkillId",
        /// Optional agent.
        opt agent_id: String = "agentId",
        /// Transfer bot context.
        opt tango_context_enabled: bool = "tangoContextEnabled",
    }
}

cb_object! {
    /// `universalWidget`.
    pub struct UniversalWidget {
        /// LivePerson rich message JSON as a string, templated.
        opt le_message_json: String = "leMessageJson",
    }
}

cb_object! {
    /// A quick reply of a QUICK_REPLY question.
    pub struct QuickReply {
        /// `text` or `location`.
        opt kind: String = "type",
        /// Chip label.
        opt title: String = "title",
        /// Text sent when tapped.
        opt payload: String = "payload",
    }
}

cb_object! {
    /// `{"enabled": …}` settings.
    pub struct Toggle {
        /// On or off.
        opt enabled: bool = "enabled",
    }
}

cb_object! {
    /// A UI comment on an interaction.
    pub struct Comment {
        /// Text.
        opt content: String = "content",
        /// Author id.
        opt last_commenter_id: String = "lastCommenterId",
        /// Author name.
        opt last_commenter_name: String = "lastCommenterName",
        /// Epoch ms.
        opt last_modified_date: Scalar = "lastModifiedDate",
    }
}

cb_object! {
    /// A rule (`responseMatches[]`, CB-SPEC §2.5, §7.6).
    pub struct Rule {
        /// Rule name; absent on default rules.
        opt name: String = "name",
        /// Match conditions; none means "always matches".
        opt conditions: Vec<Condition> = "conditions",
        /// Variable conditions.
        opt context_conditions: Vec<ContextCondition> = "contextConditions",
        /// `ANY` whenever present.
        opt context_match_condition_type: String = "contextMatchConditionType",
        /// The next action.
        opt action: Action = "action",
        /// Variables to set when the rule fires.
        opt context_data_variables: Vec<ContextVariable> = "contextDataVariables",
    }
}

impl Rule {
    /// The conditions, empty when absent.
    pub fn conditions(&self) -> &[Condition] {
        self.conditions.as_deref().unwrap_or_default()
    }
}

cb_object! {
    /// A rule condition; which payload is set depends on `match_type`.
    pub struct Condition {
        /// Kind of condition.
        opt match_type: MatchType = "matchType",
        /// `PATTERN` payload.
        opt pattern_match: PatternMatch = "patternMatch",
        /// `REGEX` payload.
        opt regex_match: RegexMatch = "regexMatch",
        /// `NO_MATCH` payload.
        opt no_match: NoMatch = "noMatch",
        /// `EVAL_OPTION` payload.
        opt evaluate_option_match: EvaluateOptionMatch = "evaluateOptionMatch",
        /// `API_RESULT` payload.
        opt api_results_match: ApiResultsMatch = "apiResultsMatch",
    }
}

cb_enum! {
    /// `conditions[].matchType`.
    pub enum MatchType {
        /// CB pattern (CB-SPEC §1).
        Pattern = "PATTERN",
        /// Regular expression, find semantics (CB-SPEC §1.7).
        Regex = "REGEX",
        /// Fires when nothing else did; always evaluated last.
        NoMatch = "NO_MATCH",
        /// Multiple-choice option.
        EvalOption = "EVAL_OPTION",
        /// Integration result.
        ApiResult = "API_RESULT",
    }
}

cb_object! {
    /// `patternMatch`.
    pub struct PatternMatch {
        /// Patterns; any one may match.
        opt patterns: Vec<String> = "patterns",
        /// Words that veto the match.
        opt exclude_keywords: Vec<String> = "excludeKeywords",
    }
}

cb_object! {
    /// `regexMatch`.
    pub struct RegexMatch {
        /// The regular expression.
        opt regex_text: String = "regexText",
        /// Words that veto the match.
        opt exclude_keywords: Vec<String> = "excludeKeywords",
    }
}

cb_object! {
    /// `noMatch`.
    pub struct NoMatch {
        /// Sent before the next action.
        opt fallback_message: String = "fallbackMessage",
    }
}

cb_object! {
    /// `evaluateOptionMatch`.
    pub struct EvaluateOptionMatch {
        /// The option.
        opt value: String = "value",
    }
}

cb_object! {
    /// `apiResultsMatch`.
    pub struct ApiResultsMatch {
        /// `SUCCESS` or `FAILURE`.
        opt status: String = "status",
    }
}

cb_object! {
    /// A variable condition.
    pub struct ContextCondition {
        /// `CONTAINS`, `NOT_CONTAINS`, …
        opt match_type: String = "matchType",
        /// Variable name or template.
        opt context_name: String = "contextName",
        /// Operand.
        opt value: String = "value",
    }
}

cb_object! {
    /// A variable set when a rule fires.
    pub struct ContextVariable {
        /// Variable name.
        opt name: String = "name",
        /// Value, templated.
        opt value: String = "value",
        /// `SESSION`, …
        opt scope: String = "scope",
    }
}

cb_object! {
    /// A next action (CB-SPEC §2.6).
    pub struct Action {
        /// `INTERACTION` or `DIALOG`.
        opt name: ActionKind = "name",
        /// `next`, `none`, `close_conversation`, `close_dialog`, or an id.
        opt value: String = "value",
    }
}

cb_enum! {
    /// `action.name`.
    pub enum ActionKind {
        /// Go to an interaction (or `next`, `none`, `close_*`).
        Interaction = "INTERACTION",
        /// Start a dialog.
        Dialog = "DIALOG",
    }
}

cb_object! {
    /// A dialog (`groups[]`, CB-SPEC §7.4).
    pub struct Dialog {
        /// Id (target of DIALOG actions and of `conversationMessage[].group`).
        req id: String = "id",
        /// Owning bot.
        opt chat_bot_id: String = "chatBotId",
        /// Name, e.g. `1 Welcome`.
        opt name: String = "name",
        /// Standard or fallback.
        opt dialog_type: DialogType = "dialogType",
        /// `ENABLED` in the samples.
        opt status: String = "status",
        /// (sic) CB's spelling.
        opt disambiguate_only_selected_domains: bool = "disambiguteOnlySelectedDomains",
        /// NLU domain.
        opt domain_id: String = "domainId",
        /// Free text.
        opt description: String = "description",
        /// Templates the dialog came from.
        opt dialog_template_ids: Vec<String> = "dialogTemplateIds",
        /// `2022-03-29 17:49:23` style text.
        opt creation_time: Scalar = "creationTime",
        /// Same format.
        opt modification_time: Scalar = "modificationTime",
    }
}

impl Dialog {
    /// The name, or the id when the dialog has none (for messages).
    pub fn display_name(&self) -> &str {
        self.name.as_deref().filter(|n| !n.is_empty()).unwrap_or(&self.id)
    }

    /// The dialog type, `Empty` when absent.
    pub fn dtype(&self) -> &DialogType {
        static EMPTY: DialogType = DialogType::Empty;
        self.dialog_type.as_ref().unwrap_or(&EMPTY)
    }
}

cb_enum! {
    /// `groups[].dialogType` (CB-SPEC §2.1).
    pub enum DialogType {
        /// Standard dialog.
        Dialog = "DIALOG",
        /// Runs when nothing matches.
        Fallback = "FALLBACK_DIALOG",
    }
}

cb_object! {
    /// `globalFunctions`.
    pub struct GlobalFunctions {
        /// Owning bot.
        opt chat_bot_id: String = "chatBotId",
        /// The JavaScript source.
        opt methods: String = "methods",
        /// Creation time.
        opt creation_time: Scalar = "creationTime",
        /// Modification time.
        opt modification_time: Scalar = "modificationTime",
    }
}

cb_object! {
    /// `platforms[]`.
    pub struct Platform {
        /// Id.
        opt id: String = "id",
        /// Owning bot.
        opt chatbot_id: String = "chatbotId",
        /// `HTMLCLIENT` in the samples.
        opt integration_type: String = "integrationType",
        /// `HTMLCLIENT` in the samples.
        opt platform: String = "platform",
        /// `NEW` in the samples.
        opt status: String = "status",
    }
}

cb_object! {
    /// `associatedDomains[]`: an NLU domain (no training data).
    pub struct Domain {
        /// Id.
        opt id: String = "id",
        /// Name.
        opt name: String = "name",
        /// `LivePersonV2`, …
        opt kind: String = "type",
        /// Language.
        opt language: String = "language",
        /// `USER` or `GLOBAL`.
        opt domain_origin: String = "domainOrigin",
        /// Intent analyzer on.
        opt intent_analyzer_enabled: bool = "intentAnalyzerEnabled",
        /// Primary domain.
        opt primary: bool = "primary",
        /// Status.
        opt status: String = "status",
        /// Vertical.
        opt vertical_name: String = "verticalName",
        /// Vertical type.
        opt vertical_type: String = "verticalType",
        /// Masked messages.
        opt accept_masked_messages: bool = "acceptMaskedMessages",
        /// Platform user.
        opt chat_bot_platform_user_id: String = "chatBotPlatformUserId",
        /// Creation time.
        opt creation_time: Scalar = "creationTime",
        /// Modification time.
        opt modification_time: Scalar = "modificationTime",
        /// Key phrase matching.
        opt enable_key_phrase_match: bool = "enableKeyPhraseMatch",
        /// Live intents.
        opt has_live_intents: bool = "hasLiveIntents",
        /// Key phrase threshold.
        opt key_phrase_match_threshold: Scalar = "keyPhraseMatchThreshold",
        /// Live intent ids.
        opt live_intent_ids: Vec<String> = "liveIntentIds",
        /// Modifier.
        opt modified_by: String = "modifiedBy",
        /// Data sharing consent.
        opt nlu_share_data_agree: bool = "nluShareDataAgree",
        /// Organisation.
        opt organization_id: String = "organizationId",
    }
}

cb_object! {
    /// `associatedIntents[]`.
    pub struct Intent {
        /// Id, referenced by `conversationMessage[].intentId`.
        opt id: String = "id",
        /// Name.
        opt name: String = "name",
        /// Display name.
        opt display_name: String = "displayName",
        /// Domain id.
        opt domain_id: String = "domainId",
        /// Domain name.
        opt domain: String = "domain",
        /// `USER` or `GLOBAL`.
        opt intent_origin: String = "intentOrigin",
        /// Live intent flag.
        opt is_live_intent: bool = "isLiveIntent",
        /// `INTENT`.
        opt kind: String = "type",
        /// Modifier.
        opt modified_by: String = "modifiedBy",
    }
}

cb_object! {
    /// `dialogTemplates[]`.
    pub struct DialogTemplate {
        /// Id.
        opt id: String = "id",
        /// Dialog created from it.
        opt parent_dialog_id: String = "parentDialogId",
        /// Name.
        opt name: String = "name",
        /// Description.
        opt description: String = "description",
        /// JavaScript that came with the template.
        opt global_functions: String = "globalFunctions",
        /// Environment variables.
        opt environment_variables: Vec<Value> = "environmentVariables",
        /// Bot id.
        opt bot_id: String = "botId",
        /// Organisation.
        opt organization_id: String = "organizationId",
        /// Public template.
        opt public_template: bool = "publicTemplate",
        /// Status.
        opt status: String = "status",
        /// `BOT`.
        opt kind: String = "type",
        /// Epoch ms.
        opt created_at: Scalar = "createdAt",
        /// Epoch ms.
        opt updated_at: Scalar = "updatedAt",
    }
}
