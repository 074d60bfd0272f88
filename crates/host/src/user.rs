//! What the platform knows about the user and the engagement: the inputs of
//! the `botContext` getters that LivePerson fills in and cbot cannot know
//! offline. Set them per conversation; the defaults are what a web
//! conversation with no engagement data and no NLU gives (CB-SPEC §4.1–§4.2,
//! §4.8, docs/botcontext.md).

use crate::Value;
use std::collections::BTreeMap;

/// Per-conversation user, engagement and NLU data (docs/botcontext.md,
/// "Per-conversation data").
///
/// Host objects that have methods in CB (a location with `getCityName()`, an
/// entity with `getPhrase()`) are plain objects here; the script engine gives
/// them their methods.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct UserData {
    /// `getUserPlatformType()` (legacy: `FACEBOOK`, `HTMLCLIENT`, …); default
    /// `null`: cbot is no platform.
    pub platform_type: Value,
    /// `getLPUserPersonalInfo()`: the "personal" engagement attribute
    /// (`firstname`, `lastname`, `company`, `contacts`, …). CB returns null
    /// unless one of firstname, lastname or company is set (CB-SPEC §4.2), and
    /// so does cbot, whatever this holds. Default `null`.
    pub personal_info: Value,
    /// `getMetadata(type)`: the latest consumer message's metadata by type
    /// name (`"ExternalId"`, `"SocialMessagingEventData"`, …); a missing type
    /// is `null` (CB-SPEC §4.1).
    pub metadata: BTreeMap<String, Value>,
    /// `getSentiment()` (`"Positive"`, `"Neutral"`, `"Negative"`); default
    /// `null`: there is no NLU offline.
    pub sentiment: Value,
    /// `getNlpResponse()`; default an object with empty `nouns`, `verbs`,
    /// `phrases`, `sentences` and `tokens` arrays, because scripts read
    /// `.nouns` without a guard (JS-USAGE §3.1).
    pub nlp_response: Value,
    /// `getNamedEntities(name)` by entity name: arrays of entity objects
    /// (`{"name", "phrase", "dataValue"}`, see [`UserData::add_entity`]). An
    /// entity with none gives an empty array: scripts read `.length`.
    pub named_entities: BTreeMap<String, Vec<Value>>,
    /// `getUserLocation()` (legacy): `{"cityName", "state", "zipCode",
    /// "latitude", "longitude"}` or `null` (the default: no location was
    /// asked for).
    pub location: Value,
    /// `getDisambiguatedIntentId()`; default `null` (no disambiguation ran).
    pub disambiguated_intent_id: Value,
    /// `getDisambiguatedIntentName()`; default `null`.
    pub disambiguated_intent_name: Value,
    /// `askMaven(…)`: the JSON text Conversation Orchestrator would answer.
    /// Default `"{}"` (no policy matched; scripts `JSON.parse` it).
    pub maven_response: String,
    /// `getUserName()` until a script calls `setUserName`; default `null`.
    pub user_name: Value,
    /// `getEmail()` until a script calls `setEmail`; default `null`.
    pub email: Value,
}

impl Default for UserData {
    fn default() -> Self {
        UserData {
            platform_type: Value::Null,
            personal_info: Value::Null,
            metadata: BTreeMap::new(),
            sentiment: Value::Null,
            nlp_response: empty_nlp_response(),
            named_entities: BTreeMap::new(),
            location: Value::Null,
            disambiguated_intent_id: Value::Null,
            disambiguated_intent_name: Value::Null,
            maven_response: "{}".into(),
            user_name: Value::Null,
            email: Value::Null,
        }
    }
}

/// `{"nouns": [], "verbs": [], "phrases": [], "sentences": [], "tokens": []}`.
pub fn empty_nlp_response() -> Value {
    let empty = |k: &str| (k.to_string(), Value::array(Vec::new()));
    Value::object(vec![empty("nouns"), empty("verbs"), empty("phrases"), empty("sentences"), empty("tokens")])
}

impl UserData {
    /// Adds a recognised entity: `getNamedEntities(name)` then includes
    /// `{"name": name, "phrase": phrase, "dataValue": data_value}`.
    pub fn add_entity(&mut self, name: &str, phrase: &str, data_value: &str) -> &mut Self {
        let entity = Value::object(vec![
            ("name".into(), Value::from(name)),
            ("phrase".into(), Value::from(phrase)),
            ("dataValue".into(), Value::from(data_value)),
        ]);
        self.named_entities.entry(name.to_string()).or_default().push(entity);
        self
    }

    /// Sets the location `getUserLocation()` returns.
    pub fn set_location(&mut self, city: &str, state: &str, zip: &str, latitude: f64, longitude: f64) -> &mut Self {
        self.location = Value::object(vec![
            ("cityName".into(), Value::from(city)),
            ("state".into(), Value::from(state)),
            ("zipCode".into(), Value::from(zip)),
            ("latitude".into(), Value::Number(latitude)),
            ("longitude".into(), Value::Number(longitude)),
        ]);
        self
    }

    /// What `getLPUserPersonalInfo()` returns: the personal info when one of
    /// `firstname`, `lastname` or `company` is set (non-empty), else null
    /// (CB-SPEC §4.2).
    pub fn personal_info(&self) -> Value {
        let Value::Object(props) = &self.personal_info else { return Value::Null };
        let named = props.iter().any(|(k, v)| {
            matches!(k.as_str(), "firstname" | "lastname" | "company")
                && !matches!(v, Value::Null | Value::Undefined)
                && !matches!(v, Value::String(s) if s.is_empty())
        });
        if named { self.personal_info.clone() } else { Value::Null }
    }

    /// What `getNamedEntities(name)` returns: the entities, or an empty array.
    pub fn entities(&self, name: &str) -> Value {
        Value::array(self.named_entities.get(name).cloned().unwrap_or_default())
    }
}
