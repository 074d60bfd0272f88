//! The `botContext` host API (docs/botcontext.md): every method of shared
//! JS-USAGE §3 and CB-SPEC §4 is callable, offline scripts see the
//! documented defaults and arities, and inside a conversation each method
//! family has its documented effect (CB-SPEC §3.4, §4, §6.5).

use crate::util::root;
use cbot_engine::{ConversationConfig, Engine, Event, Status, Value};
use cbot_host::{OfflineContext, Scope};
use cbot_script::{Limits, ScriptKind, ScriptSource};
use serde_json::json;
use std::sync::Arc;

/// The 64 methods real scripts call (JS-USAGE §3), misspellings included.
const JS_USAGE: [&str; 64] = [
    "addQuickReples",
    "addQuickReplies",
    "askMaven",
    "deleteAllContextDataForConversation",
    "deleteAllContextDataForUser",
    "deleteContextDataForConversation",
    "deleteContextDataForUser",
    "deleteContextNamespace",
    "deleteGlobalContextData",
    "evaluateOptions",
    "getApiStatusCode",
    "getBotVariable",
    "getButtonPayload",
    "getChannel",
    "getChatBotId",
    "getContextDataForConversation",
    "getContextDataForUser",
    "getConversationId",
    "getCurrentUserMessage",
    "getDialogStarterIntent",
    "getDisambiguatedIntentId",
    "getDisambiguatedIntentName",
    "getEmail",
    "getEnvVariable",
    "getGlobalContextData",
    "getHoursType",
    "getLPAccountId",
    "getLPCustomerInfo",
    "getLPEngagementAttribute",
    "getLPUserPersonalInfo",
    "getMetadata",
    "getNamedEntities",
    "getNlpResponse",
    "getQuickReplyPayload",
    "getSentiment",
    "getUserChannel",
    "getUserLocation",
    "getUserName",
    "getUserPlatformId",
    "getUserPlatformType",
    "getWebViewVariable",
    "isApiExecutionSuccessful",
    "isContextApiEnabled",
    "logCustomEvent",
    "logEscalationEvent",
    "printDebugMessage",
    "registerContextNamespace",
    "sendImmediateReply",
    "sendMessage",
    "sendMessageWithQuickReplies",
    "sendMessages",
    "sendPrivateMessage",
    "setAllowMaxTextResponse",
    "setBotTransferIntentId",
    "setBotTransferIntentbyDomain",
    "setBotTransferUserMessage",
    "setBotVariable",
    "setContextDataForConversation",
    "setContextDataForUser",
    "setEmail",
    "setGlobalContextData",
    "setMessageDelay",
    "setTriggerNextMessage",
    "setUserName",
];

/// Methods CB-SPEC §4 lists that no surveyed script calls.
const CB_SPEC_ONLY: [&str; 2] = ["getWebViewVariables", "transferToBotDialog"];

/// Runs one code panel against `ctx`; a script error fails the test.
fn run(text: &str, ctx: OfflineContext) -> cbot_script::Run<OfflineContext> {
    let engine = cbot_script::Engine::new(Limits::default()).unwrap();
    let program = engine
        .compile(&[ScriptSource { name: "panel", text, kind: ScriptKind::Panel }])
        .unwrap_or_else(|e| panic!("{e}"));
    let run = program.run("panel", ctx).unwrap();
    assert!(run.error.is_none(), "{:?}", run.error);
    run
}

#[test]
fn every_documented_method_is_in_the_table_and_nothing_else() {
    let mut documented: Vec<&str> = JS_USAGE.iter().chain(&CB_SPEC_ONLY).copied().collect();
    documented.sort_unstable();
    let table: Vec<&str> = cbot_host::METHODS.iter().map(|m| m.name).collect();
    assert_eq!(table, documented);
}

#[test]
fn every_method_runs_from_a_script_with_its_most_arguments() {
    // One call per method, each with as many arguments as it reads.
    // sendImmediateReply ends the script (CB-SPEC §3.4), so it goes last.
    let mut methods: Vec<&cbot_host::Method> = cbot_host::METHODS.iter().collect();
    methods.sort_by_key(|m| m.name == "sendImmediateReply");
    let mut src = String::new();
    for m in &methods {
        let args = vec!["'x'"; m.max_args].join(", ");
        src.push_str(&format!("botContext.{}({args});\n", m.name));
    }
    let run = run(&src, OfflineContext::default());
    let called: Vec<&str> = run.transcript.calls.iter().map(|c| c.method.as_ref()).collect();
    let table: Vec<&str> = methods.iter().map(|m| m.name).collect();
    assert_eq!(called, table);
}

/// CB-SPEC §3.4: sendImmediateReply sends and stops "any other subsequent
/// code": nothing after it runs, not even `catch` or `finally`, and the run
/// ends without an error.
#[test]
fn send_immediate_reply_stops_the_script() {
    let src = "try { botContext.sendMessage('a'); botContext.sendImmediateReply('now'); botContext.sendMessage('b'); }
        catch (e) { botContext.sendMessage('caught'); }
        finally { botContext.sendMessage('finally'); }
        return 1;";
    let run = run(src, OfflineContext::default());
    assert!(run.error.is_none(), "{:?}", run.error);
    assert_eq!(run.value, Value::Undefined);
    let called: Vec<&str> = run.transcript.calls.iter().map(|c| c.method.as_ref()).collect();
    assert_eq!(called, ["sendMessage", "sendImmediateReply"]);
}

#[test]
fn offline_getters_give_the_documented_defaults() {
    let src = "return [botContext.getUserPlatformType(), botContext.getLPUserPersonalInfo(),
        botContext.getMetadata('ExternalId'), botContext.getSentiment(), botContext.getNlpResponse(),
        botContext.getNamedEntities('toppings'), botContext.getUserLocation(),
        botContext.getDisambiguatedIntentId(), botContext.getDisambiguatedIntentName(),
        botContext.askMaven(), botContext.getButtonPayload(), botContext.getWebViewVariables(),
        botContext.getUserName(), botContext.getEmail(), botContext.getLPCustomerInfo(),
        botContext.isContextApiEnabled()];";
    let value = run(src, OfflineContext::default()).value.to_json();
    assert_eq!(
        value,
        json!([null, null, null, null,
               {"nouns": [], "verbs": [], "phrases": [], "sentences": [], "tokens": []},
               [], null, null, null, "{}", null, {}, null, null, {}, true])
    );
}

#[test]
fn extra_arguments_are_ignored_and_missing_ones_defaulted() {
    let src = "botContext.setBotVariable('flowComplete', 'true');
        botContext.setBotVariable('kept', 'yes', true, false);
        botContext.printDebugMessage('Insertion Failed Ann', 'Lee', 'a@b.c', 'summary');
        botContext.logCustomEvent('hi', 'greeting');
        return [botContext.askMaven(), botContext.askMaven('conv', 'consumer', 'group'),
                botContext.registerContextNamespace('one'), botContext.registerContextNamespace('two', 10800),
                botContext.getContextDataForUser('one'), botContext.getContextDataForUser('one', 'missing')];";
    let mut ctx = OfflineContext::default();
    ctx.user.maven_response = r#"{"rule":{"actions":[]}}"#.into();
    let run = run(src, ctx);
    // Two arguments: request scope (CB-SPEC §4.1).
    assert_eq!(run.context.scope_of("flowComplete"), Some(Scope::Request));
    assert_eq!(run.context.scope_of("kept"), Some(Scope::Session));
    // Only the first argument is printed.
    assert_eq!(run.context.debug, [Arc::from("Insertion Failed Ann")]);
    // No details: none, not "undefined".
    assert_eq!(run.context.events, [("hi".to_string(), "greeting".to_string(), String::new())]);
    assert_eq!(
        run.value.to_json(),
        json!([r#"{"rule":{"actions":[]}}"#, r#"{"rule":{"actions":[]}}"#, true, true, {}, null])
    );
}

#[test]
fn offline_data_and_effects_are_fields_of_the_context() {
    let mut ctx = OfflineContext::default();
    ctx.user.personal_info = Value::from_json(&json!({"firstname": "Ann", "lastname": "Lee"}));
    ctx.user.metadata.insert("ExternalId".into(), Value::from_json(&json!([{"id": "42"}])));
    ctx.user.sentiment = Value::from("Positive");
    ctx.user.add_entity("toppings", "extra cheese", "cheese");
    ctx.user.set_location("Austin", "TX", "78701", 30.27, -97.74);
    ctx.web_view.insert("PaymentStatus".into(), Value::from("PROCESSED"));
    ctx.button_payload = Value::from("checkout");
    let src = "botContext.addQuickReplies(['Yes~y', 'No']);
        botContext.addQuickReples(['Maybe']);
        botContext.sendPrivateMessage('VIP customer');
        botContext.logEscalationEvent('agent please', 'LivePerson');
        botContext.setBotTransferUserMessage('order status');
        botContext.setBotTransferIntentbyDomain('billing question', 'Billing');
        botContext.transferToBotDialog('bot-2', 'Main', 'over to you');
        botContext.setUserName('Ann');
        botContext.setEmail('ann@example.com');
        return [botContext.getLPUserPersonalInfo().firstname, botContext.getMetadata('ExternalId')[0].id,
                botContext.getSentiment(), botContext.getNamedEntities('toppings')[0].phrase,
                botContext.getUserLocation().cityName, botContext.getWebViewVariables().PaymentStatus,
                botContext.getButtonPayload(), botContext.getUserName(), botContext.getEmail()];";
    let run = run(src, ctx);
    assert_eq!(
        run.value.to_json(),
        json!(["Ann", "42", "Positive", "extra cheese", "Austin", "PROCESSED", "checkout", "Ann", "ann@example.com"])
    );
    let c = &run.context;
    let pair = |a: &str, b: &str| (a.to_string(), b.to_string());
    assert_eq!(c.added_quick_replies, [pair("Yes", "y"), pair("No", "No"), pair("Maybe", "Maybe")]);
    assert_eq!(c.private_messages, ["VIP customer"]);
    assert_eq!(c.escalation_events, [pair("agent please", "LivePerson")]);
    assert_eq!(c.bot_transfer.user_message.as_deref(), Some("order status"));
    assert_eq!(c.bot_transfer.intent_name.as_deref(), Some("billing question"));
    assert_eq!(c.bot_transfer.domain.as_deref(), Some("Billing"));
    assert_eq!(c.bot_transfer.intent_id, None);
    assert_eq!(c.bot_dialog_transfer, Some(("bot-2".into(), "Main".into(), "over to you".into())));
}

// --- conversations --------------------------------------------------------

/// One interaction of a test bot.
struct It {
    id: &'static str,
    kind: &'static str,
    text: &'static str,
    pre: &'static str,
    pur: &'static str,
    /// A skill id (ESCALATION) or buttons as (name, callback) (BUTTON).
    skill: &'static str,
    buttons: &'static [(&'static str, &'static str)],
    /// The rule's action: `next` unless set.
    action: &'static str,
}

const IT: It = It { id: "", kind: "TEXT", text: "", pre: "", pur: "", skill: "", buttons: &[], action: "next" };

/// A one-dialog bot started by "start": the interactions run in order.
fn bot(items: &[It]) -> cbot_engine::Bot {
    let mut messages = vec![json!({
        "id": "start", "name": "start", "type": "BOT_MESSAGE", "interactionType": "DIALOG_STARTER",
        "userInputRequired": false, "status": "ACTIVE", "group": "g", "pattern": ["start"],
        "nextMessageId": items[0].id,
        "content": {"contentType": "STATIC", "results": {"type": "DIALOG_STARTER", "tile": {"tileData": []}}},
        "responseMatches": [{"conditions": [], "contextConditions": [],
                             "action": {"name": "INTERACTION", "value": "next"}, "contextDataVariables": []}]
    })];
    for (k, it) in items.iter().enumerate() {
        let prev = if k == 0 { "start" } else { items[k - 1].id };
        let buttons: Vec<_> =
            it.buttons.iter().map(|(n, c)| json!({"name": n, "type": "postback", "callback": c})).collect();
        let mut tile = json!({"text": it.text, "buttons": buttons, "quickReplyList": []});
        if it.kind == "ESCALATION" {
            tile["escalation"] = json!({"agentSkillId": it.skill, "tangoContextEnabled": false});
        }
        let mut m = json!({
            "id": it.id, "name": it.id, "type": "BOT_MESSAGE", "interactionType": it.kind,
            "userInputRequired": false, "status": "ACTIVE", "group": "g", "prevMessageId": prev,
            "preProcessMessage": it.pre, "processUserResponse": it.pur,
            "content": {"contentType": "STATIC", "results": {"type": it.kind, "tile": {"tileData": [tile]}}},
            "responseMatches": [{"conditions": [], "contextConditions": [],
                                 "action": {"name": "INTERACTION", "value": it.action}, "contextDataVariables": []}]
        });
        if let Some(next) = items.get(k + 1) {
            m["nextMessageId"] = json!(next.id);
        }
        messages.push(m);
    }
    let doc = json!({
        "hash": "1",
        "bot": {"id": "bot-botcontext", "name": "botcontext", "chatBotType": "CUSTOMER_FACING_BOT",
                "language": "en-US", "version": "2", "sessionLength": 0},
        "responder": [], "requiredContext": [], "conversationMessage": messages, "menus": [],
        "groups": [{"id": "g", "name": "Main", "chatBotId": "bot-botcontext", "dialogType": "DIALOG",
                    "status": "ENABLED"}],
        "platforms": [], "associatedDomains": [], "dialogTemplates": []
    });
    let engine = Engine::new(&cbot_engine::Config::default()).unwrap();
    let bot = engine.load_bot_bytes("botcontext.json", doc.to_string().into_bytes()).unwrap();
    assert!(bot.script_problems().is_empty(), "{:?}", bot.script_problems());
    bot
}

fn events(turn: &cbot_engine::Turn) -> serde_json::Value {
    serde_json::to_value(&turn.events).unwrap()
}

#[test]
fn per_conversation_user_data_reaches_scripts() {
    let b = bot(&[It {
        id: "show",
        text: "BLANK_MESSAGE",
        pre: "var p = botContext.getLPUserPersonalInfo();
              var e = botContext.getNamedEntities('toppings');
              botContext.sendMessage(p.firstname + ' ' + p.lastname + ' on ' + botContext.getUserPlatformType());
              botContext.sendMessage(botContext.getSentiment() + ' ' + botContext.getNlpResponse().nouns.join('+'));
              botContext.sendMessage(e.length + ' ' + e[0].phrase + '=' + e[0].dataValue);
              botContext.sendMessage(botContext.getUserLocation().zipCode + ' ' + botContext.getMetadata('ExternalId'));
              botContext.sendMessage(botContext.getDisambiguatedIntentName() + ' ' + botContext.getDisambiguatedIntentId());
              botContext.sendMessage(JSON.parse(botContext.askMaven()).rule.name + ' ' + botContext.getWebViewVariable('name'));
              botContext.sendMessage(botContext.getLPEngagementAttribute('currentSkillId') + ' ' + botContext.getUserName());",
        ..IT
    }]);
    let mut config = ConversationConfig::default();
    let user = &mut config.info.user;
    user.personal_info = Value::from_json(&json!({"firstname": "Ann", "lastname": "Lee"}));
    user.platform_type = Value::from("HTMLCLIENT");
    user.sentiment = Value::from("Negative");
    user.nlp_response = Value::from_json(&json!({"nouns": ["dog", "fox"], "verbs": [], "phrases": [], "tokens": []}));
    user.add_entity("toppings", "pepperoni", "PEPPERONI");
    user.set_location("Austin", "TX", "78701", 30.27, -97.74);
    user.metadata.insert("ExternalId".into(), Value::from("ext-7"));
    user.disambiguated_intent_name = Value::from("billing");
    user.disambiguated_intent_id = Value::from("i-9");
    user.maven_response = r#"{"rule":{"name":"Refund","actions":[]}}"#.into();
    user.user_name = Value::from("ann_l");
    config.info.web_view.insert("name".into(), Value::from("PaymentId"));
    config.info.engagement_attributes.insert("currentSkillId".into(), Value::from("1234"));
    let mut c = b.start(config);
    let texts: Vec<String> = c
        .send("start")
        .events
        .into_iter()
        .map(|e| match e {
            Event::Text { text } => text,
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(
        texts,
        [
            "Ann Lee on HTMLCLIENT",
            "Negative dog+fox",
            "1 pepperoni=PEPPERONI",
            "78701 ext-7",
            "billing i-9",
            "Refund PaymentId",
            "1234 ann_l"
        ]
    );
    // The data can change between messages (the next message's metadata).
    c.user_data_mut().metadata.insert("ExternalId".into(), Value::from("ext-8"));
    let again = c.send("start");
    assert!(again.events.contains(&Event::Text { text: "78701 ext-8".into() }), "{:?}", again.events);
}

#[test]
fn added_quick_replies_go_on_the_next_message_and_their_payload_comes_back() {
    let b = bot(&[
        // No message of its own: the quick replies wait (CB-SPEC §4.3).
        It { id: "blank", text: "BLANK_MESSAGE", pre: "botContext.addQuickReples(['Maybe']);", ..IT },
        It {
            id: "ask",
            kind: "TEXT_QUESTION",
            text: "Shall we?",
            pre: "botContext.addQuickReplies(['Yes~yes_please', 'No']);",
            pur: "botContext.sendMessage('payload ' + botContext.getQuickReplyPayload());",
            ..IT
        },
        It { id: "done", text: "Done.", action: "none", ..IT },
    ]);
    let mut c = b.start(ConversationConfig::default());
    assert_eq!(
        events(&c.send("start")),
        json!([{"type": "quick_replies", "text": "Shall we?", "replies": [
            {"title": "Maybe", "payload": "Maybe"},
            {"title": "Yes", "payload": "yes_please"},
            {"title": "No", "payload": "No"}]}])
    );
    // Tapping "Yes" sends its title; the script sees the payload.
    assert_eq!(
        events(&c.send("Yes")),
        json!([{"type": "text", "text": "payload yes_please"}, {"type": "text", "text": "Done."}])
    );
}

#[test]
fn added_quick_replies_without_content_go_on_the_scripts_last_message() {
    let b = bot(&[It {
        id: "pick",
        text: "BLANK_MESSAGE",
        pre: "botContext.sendMessage('Hello.'); botContext.sendMessage('Pick:'); botContext.addQuickReplies(['A']);",
        action: "none",
        ..IT
    }]);
    assert_eq!(
        events(&b.start(ConversationConfig::default()).send("start")),
        json!([{"type": "text", "text": "Hello."},
               {"type": "quick_replies", "text": "Pick:", "replies": [{"title": "A", "payload": "A"}]}])
    );
}

#[test]
fn private_messages_and_analytics_are_events() {
    let b = bot(&[It {
        id: "note",
        text: "Let me check.",
        pre: "botContext.sendPrivateMessage('VIP, be nice');
              botContext.logEscalationEvent(botContext.getCurrentUserMessage(), 'LivePerson');
              botContext.logCustomEvent(botContext.getCurrentUserMessage(), 'Checked', 'step 1');
              botContext.logCustomEvent('x', 'NoDetails');",
        action: "none",
        ..IT
    }]);
    let mut c = b.start(ConversationConfig::default());
    assert_eq!(
        events(&c.send("start")),
        json!([
            {"type": "private_message", "text": "VIP, be nice"},
            {"type": "escalation_event", "message": "start", "target": "LivePerson"},
            {"type": "custom_event", "name": "Checked", "message": "start", "details": "step 1"},
            {"type": "custom_event", "name": "NoDetails", "message": "x", "details": ""},
            {"type": "text", "text": "Let me check."}
        ])
    );
    // Private messages are not for the user.
    assert!(!Event::PrivateMessage { text: String::new() }.is_message());
}

#[test]
fn the_transfer_bot_context_goes_with_the_transfer() {
    let b = bot(&[It {
        id: "transfer",
        kind: "ESCALATION",
        text: "Transferring.",
        skill: "12345",
        pre: "botContext.setBotTransferIntentId('d46688d7');
              botContext.setBotTransferUserMessage('order status');
              botContext.setBotTransferIntentbyDomain('billing question', 'Billing');",
        action: "none",
        ..IT
    }]);
    let mut c = b.start(ConversationConfig::default());
    // The last intent call wins (by name over the earlier id).
    assert_eq!(
        events(&c.send("start")),
        json!([
            {"type": "transfer", "skill": null, "skillId": "12345", "message": "Transferring.",
             "transferBotContext": {"userMessage": "order status", "intentName": "billing question",
                                    "domain": "Billing"}}
        ])
    );
    assert_eq!(c.status(), Status::Transferred);
}

#[test]
fn transfer_to_bot_dialog_hands_the_conversation_over() {
    let b = bot(&[It {
        id: "bye",
        text: "Over to my colleague.",
        pre: "botContext.transferToBotDialog('bot-2', 'Billing', 'billing question');",
        ..IT
    }]);
    let mut c = b.start(ConversationConfig::default());
    assert_eq!(
        events(&c.send("start")),
        json!([
            {"type": "text", "text": "Over to my colleague."},
            {"type": "bot_transfer", "botId": "bot-2", "dialog": "Billing", "message": "billing question"}
        ])
    );
    assert_eq!(c.status(), Status::Transferred);
    assert!(c.send("hello?").events.is_empty());
}

#[test]
fn user_name_and_email_outlive_the_conversation() {
    let b = bot(&[It {
        id: "greet",
        text: "BLANK_MESSAGE",
        pre: "botContext.sendMessage('before: ' + botContext.getUserName() + ' ' + botContext.getEmail());
              botContext.setUserName('Ann');
              botContext.setEmail('ann@example.com');",
        action: "close_conversation",
        ..IT
    }]);
    let mut c = b.start(ConversationConfig::default());
    assert_eq!(events(&c.send("start"))[0], json!({"type": "text", "text": "before: null null"}));
    assert_eq!(c.status(), Status::Closed);
    // A new conversation of the same user: "permanent" values (CB-SPEC §4.1).
    assert_eq!(events(&c.send("start"))[0], json!({"type": "text", "text": "before: Ann ann@example.com"}));
}

#[test]
fn hours_type_reads_the_conversation_clock() {
    let b = bot(&[It {
        id: "hours",
        text: "BLANK_MESSAGE",
        pre: "botContext.sendMessage(botContext.getHoursType(
                ['REG_HOURS~8:00~20:00', 'AFTER_HOURS~20:00~8:00', 'SATURDAY|WKEND~8:00~17:00'],
                'America/New_York'));",
        ..IT
    }]);
    let at = |ms: f64| {
        let config = ConversationConfig { clock: Some(Arc::new(move || ms)), ..ConversationConfig::default() };
        b.start(config).send("start").events
    };
    let text = |t: &str| vec![Event::Text { text: t.into() }];
    // 2024-01-15 (Monday) 14:00 UTC = 9:00 EST; 2024-07-15 00:30 UTC = 20:30 EDT;
    // 2024-01-20 (Saturday) 15:00 UTC = 10:00 EST.
    assert_eq!(at(1_705_327_200_000.0), text("REG_HOURS"));
    assert_eq!(at(1_721_003_400_000.0), text("AFTER_HOURS"));
    assert_eq!(at(1_705_762_800_000.0), text("WKEND"));
}

#[test]
fn the_context_api_can_be_off() {
    let b = bot(&[It {
        id: "ctx",
        text: "BLANK_MESSAGE",
        pre: "botContext.sendMessage(botContext.isContextApiEnabled() + ' '
                + botContext.registerContextNamespace('ns') + ' '
                + botContext.setContextDataForConversation('ns', 'k', 'v') + ' '
                + botContext.getContextDataForConversation('ns', 'k'));",
        ..IT
    }]);
    let on = b.start(ConversationConfig::default()).send("start").events;
    assert_eq!(on, vec![Event::Text { text: "true true true v".into() }]);
    let config = ConversationConfig { context_api: false, ..ConversationConfig::default() };
    let off = b.start(config).send("start").events;
    assert_eq!(off, vec![Event::Text { text: "false false false null".into() }]);
}

#[test]
fn the_context_service_keeps_users_and_conversations_apart() {
    let b = bot(&[It {
        id: "visit",
        text: "BLANK_MESSAGE",
        pre: "botContext.registerContextNamespace('visits');
              var n = botContext.getContextDataForUser('visits', 'count') || 0;
              var c = botContext.getContextDataForConversation('visits', 'count') || 0;
              botContext.setContextDataForUser('visits', 'count', n + 1);
              botContext.setContextDataForConversation('visits', 'count', c + 1);
              botContext.sendMessage('user ' + (n + 1) + ', conversation ' + (c + 1));",
        ..IT
    }]);
    let store = cbot_host::ContextStore::shared();
    let start = |user: &str, conversation: &str| {
        let mut config = ConversationConfig { context_store: Some(store.clone()), ..ConversationConfig::default() };
        config.info.user_platform_id = user.into();
        config.info.conversation_id = conversation.into();
        b.start(config)
    };
    let said = |c: &mut cbot_engine::Conversation| events(&c.send("start"))[0]["text"].clone();
    let mut ann1 = start("ann", "c1");
    assert_eq!(said(&mut ann1), "user 1, conversation 1");
    assert_eq!(said(&mut ann1), "user 2, conversation 2");
    // Ann's next conversation: her user data, a new conversation scope.
    assert_eq!(said(&mut start("ann", "c2")), "user 3, conversation 1");
    // Bob shares nothing with Ann but the global scope.
    assert_eq!(said(&mut start("bob", "c3")), "user 1, conversation 1");
}

#[test]
fn button_payload_is_the_tapped_buttons_callback() {
    let b = bot(&[
        It {
            id: "choose",
            kind: "BUTTON",
            text: "Check out or keep shopping?",
            buttons: &[("Check out", "checkout_now"), ("Keep shopping", "Keep shopping")],
            pur: "botContext.sendMessage('button ' + botContext.getButtonPayload());",
            ..IT
        },
        It { id: "done", text: "BLANK_MESSAGE", action: "none", ..IT },
    ]);
    let mut c = b.start(ConversationConfig::default());
    c.send("start");
    assert_eq!(c.send("check out").events, vec![Event::Text { text: "button checkout_now".into() }]);
    let mut c = b.start(ConversationConfig::default());
    c.send("start");
    assert_eq!(c.send("something else").events, vec![Event::Text { text: "button null".into() }]);
}

#[test]
fn evaluate_options_names_an_option_by_label_or_text() {
    let src = "var o = ['A) One', 'B) Two'];
        return [botContext.evaluateOptions('a', o), botContext.evaluateOptions('two', o),
                botContext.evaluateOptions('A one', o), botContext.evaluateOptions('three', o)];";
    assert_eq!(run(src, OfflineContext::default()).value.to_json(), json!(["A) One", "B) Two", "A) One", null]));
}

/// tests/js/run.js (the node reference of the differential suite) answers
/// every method exactly as `OfflineContext` does.
#[test]
fn the_node_reference_runner_mirrors_the_offline_context() {
    let program = r#"
        var r = [];
        var all = ['getUserPlatformType', 'getLPUserPersonalInfo', 'getSentiment', 'getNlpResponse',
                   'getUserLocation', 'getDisambiguatedIntentId', 'getDisambiguatedIntentName', 'askMaven',
                   'getButtonPayload', 'getWebViewVariables', 'getUserName', 'getEmail', 'isContextApiEnabled'];
        for (var i = 0; i < all.length; i++) r.push(botContext[all[i]]());
        r.push(botContext.getMetadata('ExternalId'), botContext.getNamedEntities('x'), botContext.askMaven('a', 'b', 'c'));
        botContext.setUserName('Ann'); botContext.setEmail(7);
        r.push(botContext.getUserName(), botContext.getEmail());
        var spec = ['REG~8:00~20:00', 'AFTER~20:00~8:00', 'MONDAY|MON~3:00~5:00', '01.01.2024|NEWYEAR~12:00~12:30'];
        var zones = ['America/Los_Angeles', 'Europe/Paris', 'UTC', undefined, 'Asia/Kolkata', 'Etc/GMT+9', '+05:30', 'Nowhere'];
        for (var z = 0; z < zones.length; z++) r.push(botContext.getHoursType(spec, zones[z]));
        r.push(botContext.evaluateOptions('a)', ['A)Yes', 'B)No']), botContext.evaluateOptions('nope', ['A)Yes']));
        botContext.addQuickReplies(['Yes~y']); botContext.addQuickReples(['No']);
        botContext.sendMessageWithQuickReplies('Pick', ['A~a']); botContext.sendMessages(['one', 'two']);
        botContext.sendPrivateMessage('p'); botContext.logEscalationEvent('m', 'LivePerson');
        botContext.setBotTransferUserMessage('u'); botContext.setBotTransferIntentId('i');
        botContext.setBotTransferIntentbyDomain('n', 'd'); botContext.transferToBotDialog('b', 'd', 'm');
        r.push(botContext.setContextDataForUser('ns', 'k', 1), botContext.registerContextNamespace('ns', 60),
               botContext.registerContextNamespace('ns'), botContext.setContextDataForUser('ns', 'k', {a: [1, 2]}),
               botContext.setContextDataForUser('ns', 'b', 'x'), botContext.setContextDataForConversation('ns', 'c', true),
               botContext.setGlobalContextData('ns', 'g', 3), botContext.getContextDataForUser('ns'),
               botContext.getContextDataForUser('ns', 'k'), botContext.getContextDataForConversation('ns'),
               botContext.getGlobalContextData('ns', 'g'), botContext.getGlobalContextData('ns'),
               botContext.deleteContextDataForUser('ns', 'zz'), botContext.deleteContextDataForUser('nope', 'zz'),
               botContext.deleteAllContextDataForUser('ns'), botContext.getContextDataForUser('ns'),
               botContext.deleteGlobalContextData('ns', 'g'), botContext.deleteAllContextDataForConversation('ns'),
               botContext.deleteContextNamespace('ns'), botContext.deleteContextNamespace('ns'),
               botContext.getContextDataForConversation('ns'));
        return r;
    "#;
    let dir = std::env::temp_dir().join(format!("cbot-botcontext-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("mirror.js");
    std::fs::write(&file, program).unwrap();
    let out = std::process::Command::new("node")
        .arg(root().join("tests/js/run.js"))
        .arg(&file)
        .env("TZ", "UTC")
        .output()
        .expect("node runs (the differential suite needs it too)");
    let _ = std::fs::remove_dir_all(&dir);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let node: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(node["error"], serde_json::Value::Null, "{node}");
    let cbot = run(program, OfflineContext::default());
    assert_eq!(node["return"], cbot.value.to_json());
    assert_eq!(node["calls"], cbot.transcript.to_json());
}
