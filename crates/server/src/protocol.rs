//! cbot's events as Custom Endpoint v1 response items (PEERS.md §2):
//! TEXT, STRUCTURED_CONTENT, DELAY and ACTION (TRANSFER,
//! CLOSE_CONVERSATION, CHANGE_TTR, INVOKE_FUNCTION), at most one ACTION per
//! response, as the protocol requires.

use cbot_engine::{Choice, Event};
use serde_json::{Value as Json, json};

/// A button as a structured-content element: a link for URL payloads,
/// else a button that sends its payload as the user's text.
fn button(c: &Choice) -> Json {
    let action = if c.payload.starts_with("http://") || c.payload.starts_with("https://") {
        json!({ "type": "link", "uri": c.payload, "target": "blank" })
    } else {
        json!({ "type": "publishText", "text": c.payload })
    };
    json!({ "type": "button", "title": c.title, "click": { "actions": [action] } })
}

fn structured(content: Json) -> Json {
    json!({ "type": "STRUCTURED_CONTENT", "data": { "structuredContent": content } })
}

/// The response items of a turn's events. Messages keep their order;
/// a transfer's message comes as a TEXT before its ACTION. Only the first
/// action (transfer or close) is kept: the protocol takes one per
/// response, and after it the conversation has left the bot anyway.
/// Logs, analytics and script errors are not sent to the user.
pub fn response_items(events: &[Event]) -> Vec<Json> {
    let mut out = Vec::new();
    let mut action = false;
    for e in events {
        match e {
            Event::Text { text } => out.push(json!({ "type": "TEXT", "data": { "message": text } })),
            Event::PrivateMessage { text } => out.push(json!({
                "type": "TEXT",
                "data": { "message": text, "messageAudience": "AGENTS_AND_MANAGERS" }
            })),
            Event::QuickReplies { text, replies } => {
                let replies: Vec<Json> = replies
                    .iter()
                    .map(|r| {
                        json!({
                            "type": "button",
                            "tooltip": r.title,
                            "title": r.title,
                            "click": { "actions": [{ "type": "publishText", "text": r.payload }] }
                        })
                    })
                    .collect();
                out.push(json!({
                    "type": "STRUCTURED_CONTENT",
                    "data": {
                        "structuredContent": {
                            "quickReplies": { "type": "quickReplies", "itemsPerRow": 8, "replies": replies },
                            "message": text
                        }
                    }
                }));
            }
            Event::Buttons { text, buttons } => {
                let mut elements = Vec::new();
                if !text.is_empty() {
                    elements.push(json!({ "type": "text", "text": text }));
                }
                elements.extend(buttons.iter().map(button));
                out.push(structured(json!({ "type": "vertical", "elements": elements })));
            }
            Event::Image { url } => out.push(structured(json!({ "type": "image", "url": url }))),
            Event::Structured { content } => out.push(structured(content.clone())),
            Event::Delay { ms } => {
                out.push(json!({ "type": "DELAY", "data": { "seconds": *ms as f64 / 1000.0, "typing": true } }))
            }
            Event::Transfer { skill, skill_id, agent_id, message, .. } => {
                if !message.is_empty() {
                    out.push(json!({ "type": "TEXT", "data": { "message": message } }));
                }
                if !action {
                    action = true;
                    // LivePerson transfers by skill name; a bot that names
                    // only the skill id sends the id (docs/serve.md).
                    let name = skill.clone().unwrap_or_else(|| skill_id.clone());
                    let mut parameters = serde_json::Map::new();
                    parameters.insert("skillName".into(), Json::from(name));
                    if let Some(agent) = agent_id {
                        parameters.insert("agentId".into(), Json::from(agent.clone()));
                    }
                    out.push(json!({ "type": "ACTION", "data": { "name": "TRANSFER", "parameters": parameters } }));
                }
            }
            Event::Close { survey } => {
                if !action {
                    action = true;
                    // CB's "close conversation" skips the post-conversation
                    // survey; "close dialog" lets it run (CB-SPEC §2.6).
                    let parameters = if *survey { json!({}) } else { json!({ "withoutPcs": true }) };
                    out.push(json!({
                        "type": "ACTION",
                        "data": { "name": "CLOSE_CONVERSATION", "parameters": parameters }
                    }));
                }
            }
            Event::BotTransfer { bot_id, dialog, message } => {
                tracing::warn!(bot_id, dialog, message, "transferToBotDialog has no Custom Endpoint action: not sent");
            }
            Event::ScriptError { panel, error } => tracing::warn!(panel, error, "script error"),
            Event::Error { message } => tracing::warn!(message, "flow error"),
            // CB has no step for LivePerson's CHANGE_TTR and
            // INVOKE_FUNCTION actions; cbot takes them from custom events
            // of those names (`botContext.logCustomEvent(message, name,
            // details)`, docs/serve.md). Other custom events are analytics.
            Event::CustomEvent { name, message, details } if name == "CHANGE_TTR" || name == "INVOKE_FUNCTION" => {
                let parameters = if name == "CHANGE_TTR" {
                    let ttr = details.trim().to_ascii_uppercase();
                    if !["URGENT", "NORMAL", "PRIORITIZED"].contains(&ttr.as_str()) {
                        tracing::warn!(ttr = %details, "CHANGE_TTR needs URGENT, NORMAL or PRIORITIZED: not sent");
                        continue;
                    }
                    json!({ "ttrType": ttr })
                } else {
                    // The payload: the details as JSON when they are JSON,
                    // else as a string.
                    let payload = serde_json::from_str::<Json>(details).unwrap_or_else(|_| Json::from(details.clone()));
                    json!({ "lambdaUuid": message, "payload": payload })
                };
                if !action {
                    action = true;
                    out.push(json!({ "type": "ACTION", "data": { "name": name, "parameters": parameters } }));
                }
            }
            Event::ApiCall { .. } | Event::Debug { .. } | Event::CustomEvent { .. } | Event::EscalationEvent { .. } => {
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn choice(title: &str, payload: &str) -> Choice {
        Choice { title: title.into(), payload: payload.into() }
    }

    #[test]
    fn every_event_kind_maps_to_its_response_item() {
        let events = vec![
            Event::Delay { ms: 1500 },
            Event::QuickReplies { text: "Sure?".into(), replies: vec![choice("Yes", "yes")] },
            Event::Buttons {
                text: "Pick".into(),
                buttons: vec![choice("Shop", "https://shop.example"), choice("Help", "help")],
            },
            Event::Image { url: "https://x/y.png".into() },
            Event::PrivateMessage { text: "VIP".into() },
            Event::Debug { text: "not sent".into() },
            Event::Close { survey: false },
            Event::Transfer {
                skill: Some("Billing".into()),
                skill_id: "12".into(),
                agent_id: None,
                message: String::new(),
                bot_context: None,
            },
        ];
        let items = response_items(&events);
        assert_eq!(
            serde_json::Value::Array(items),
            json!([
                { "type": "DELAY", "data": { "seconds": 1.5, "typing": true } },
                { "type": "STRUCTURED_CONTENT", "data": { "structuredContent": {
                    "quickReplies": { "type": "quickReplies", "itemsPerRow": 8, "replies": [
                        { "type": "button", "tooltip": "Yes", "title": "Yes",
                          "click": { "actions": [{ "type": "publishText", "text": "yes" }] } }
                    ] },
                    "message": "Sure?"
                } } },
                { "type": "STRUCTURED_CONTENT", "data": { "structuredContent": { "type": "vertical", "elements": [
                    { "type": "text", "text": "Pick" },
                    { "type": "button", "title": "Shop", "click": { "actions": [{ "type": "link", "uri": "https://shop.example", "target": "blank" }] } },
                    { "type": "button", "title": "Help", "click": { "actions": [{ "type": "publishText", "text": "help" }] } }
                ] } } },
                { "type": "STRUCTURED_CONTENT", "data": { "structuredContent": { "type": "image", "url": "https://x/y.png" } } },
                { "type": "TEXT", "data": { "message": "VIP", "messageAudience": "AGENTS_AND_MANAGERS" } },
                // One action per response: the close; the transfer after it is dropped.
                { "type": "ACTION", "data": { "name": "CLOSE_CONVERSATION", "parameters": { "withoutPcs": true } } }
            ])
        );
        let survey = response_items(&[Event::Close { survey: true }]);
        assert_eq!(survey[0]["data"]["parameters"], json!({}));
        let custom = |name: &str, message: &str, details: &str| Event::CustomEvent {
            name: name.into(),
            message: message.into(),
            details: details.into(),
        };
        let ttr = response_items(&[custom("CHANGE_TTR", "", "urgent"), custom("CHANGE_TTR", "", "NORMAL")]);
        assert_eq!(
            serde_json::Value::Array(ttr),
            json!([{ "type": "ACTION", "data": { "name": "CHANGE_TTR", "parameters": { "ttrType": "URGENT" } } }])
        );
        let invoke = response_items(&[
            custom("CHANGE_TTR", "", "soon"),
            custom("analytics", "x", "y"),
            custom("INVOKE_FUNCTION", "2b7f-uuid", r#"{"order":7}"#),
        ]);
        assert_eq!(
            serde_json::Value::Array(invoke),
            json!([{ "type": "ACTION", "data": { "name": "INVOKE_FUNCTION",
                "parameters": { "lambdaUuid": "2b7f-uuid", "payload": { "order": 7 } } } }])
        );
        let to_agent = response_items(&[Event::Transfer {
            skill: Some("Billing".into()),
            skill_id: "12".into(),
            agent_id: Some("agent-7".into()),
            message: String::new(),
            bot_context: None,
        }]);
        assert_eq!(to_agent[0]["data"]["parameters"], json!({ "skillName": "Billing", "agentId": "agent-7" }));
        let by_id = response_items(&[Event::Transfer {
            skill: None,
            skill_id: "12".into(),
            agent_id: None,
            message: "Hold on".into(),
            bot_context: None,
        }]);
        assert_eq!(by_id[0]["data"]["message"], "Hold on");
        assert_eq!(by_id[1]["data"]["parameters"]["skillName"], "12");
    }
}
