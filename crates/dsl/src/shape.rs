//! What the sugar of the text format assumes about CB exports: the order
//! CB writes the keys of its objects in, the values it writes when nothing
//! was set, and the words that stand for its type constants. Both
//! directions use these tables: `lower.rs` fills in what the text leaves
//! out, `raise.rs` leaves out only what `lower.rs` puts back exactly.

use serde_json::{Value, json};

/// The keys of an interaction in the order CB exports them (CB-SPEC §7.3).
pub(crate) const INTERACTION_KEYS: &[&str] = &[
    "id",
    "chatBotId",
    "userInputRequired",
    "name",
    "pattern",
    "intentId",
    "type",
    "content",
    "preProcessMessage",
    "postProcessMessage",
    "processUserResponse",
    "quickReplies",
    "group",
    "status",
    "required",
    "nextMessageId",
    "prevMessageId",
    "responseMatches",
    "interactionType",
    "changeResponse",
    "cancelResponse",
    "interactionDelay",
    "comment",
];

/// The keys of a dialog (`groups[]`) in the order CB exports them.
pub(crate) const DIALOG_KEYS: &[&str] = &[
    "chatBotId",
    "id",
    "name",
    "creationTime",
    "modificationTime",
    "description",
    "dialogType",
    "domainId",
    "status",
    "disambiguteOnlySelectedDomains",
    "dialogTemplateIds",
];

/// The keys of a tile (`content.results.tile.tileData[]`, CB-SPEC §7.5):
/// what an interaction shows. In an interaction with a kind they are written
/// in the interaction's block (`text "Hi"`), since no interaction key is
/// spelt like one.
pub(crate) const TILE_KEYS: &[&str] = &[
    "text",
    "title",
    "subTitle",
    "image",
    "url",
    "buttons",
    "multipleChoice",
    "quickReplyList",
    "quickReplyWidget",
    "escalation",
    "universalWidget",
];

/// Tile keys CB always writes, with the value it writes when empty.
pub(crate) const TILE_DEFAULTS: [&str; 2] = ["buttons", "quickReplyList"];

/// The interaction types on which CB writes `changeResponse` and
/// `cancelResponse` (`{"enabled": true}`): those that wait for the user
/// or call out.
const ASKING_TYPES: [&str; 8] = [
    "TEXT_QUESTION",
    "MULTIPLE_CHOICE_QUESTION",
    "QUICK_REPLY",
    "BUTTON",
    "STRUCTURED",
    "UNIVERSAL",
    "API_INTEGRATION",
    "ESCALATION",
];

/// Whether CB writes `changeResponse`/`cancelResponse` on this type.
pub(crate) fn asks(interaction_type: &str) -> bool {
    ASKING_TYPES.contains(&interaction_type)
}

/// The value of `changeResponse` and `cancelResponse` CB writes.
pub(crate) fn enabled() -> Value {
    json!({ "enabled": true })
}

/// The fixed values an interaction with a kind implies, key by key.
pub(crate) const INTERACTION_FIXED: [(&str, FixedValue); 3] = [
    ("userInputRequired", FixedValue::False),
    ("type", FixedValue::Str("BOT_MESSAGE")),
    ("status", FixedValue::Str("ACTIVE")),
];

/// The fixed values a dialog with a kind implies.
pub(crate) const DIALOG_FIXED: [(&str, FixedValue); 2] =
    [("status", FixedValue::Str("ENABLED")), ("disambiguteOnlySelectedDomains", FixedValue::False)];

/// A constant CB writes.
#[derive(Clone, Copy)]
pub(crate) enum FixedValue {
    False,
    Str(&'static str),
}

impl FixedValue {
    pub(crate) fn value(self) -> Value {
        match self {
            FixedValue::False => Value::Bool(false),
            FixedValue::Str(s) => Value::String(s.to_string()),
        }
    }
}

/// Words that cannot be kinds or operators: they start a value or a
/// target.
const RESERVED: [&str; 5] = ["true", "false", "null", "file", "from"];

/// The word for a CB constant such as `TEXT_QUESTION`: the constant in
/// lower case, when the constant is made of capitals, digits and `_` (so
/// that upper-casing the word gives it back).
pub(crate) fn word_of(constant: &str) -> Option<String> {
    let mut chars = constant.chars();
    let ok = chars.next().is_some_and(|c| c.is_ascii_uppercase())
        && chars.all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_');
    let word = constant.to_ascii_lowercase();
    (ok && !RESERVED.contains(&word.as_str())).then_some(word)
}

/// The CB constant a word stands for.
pub(crate) fn constant_of(word: &str) -> String {
    word.to_ascii_uppercase()
}

/// The kind word of a dialog type: `standard` and `fallback` for CB's two,
/// other types in lower case.
pub(crate) fn dialog_word(dialog_type: &str) -> Option<String> {
    match dialog_type {
        "DIALOG" => Some("standard".into()),
        "FALLBACK_DIALOG" => Some("fallback".into()),
        t => word_of(t).filter(|w| w != "standard" && w != "fallback"),
    }
}

/// The dialog type a kind word stands for.
pub(crate) fn dialog_type(word: &str) -> String {
    match word {
        "standard" => "DIALOG".into(),
        "fallback" => "FALLBACK_DIALOG".into(),
        w => constant_of(w),
    }
}

/// Where a key goes among the keys of an object, by CB's order: after the
/// last key that comes before it, else before the first that comes after
/// it, else at the end. Keys CB does not write are passed over.
pub(crate) fn canonical_position<'a>(keys: impl Iterator<Item = &'a str> + Clone, order: &[&str], key: &str) -> usize {
    let rank = |k: &str| order.iter().position(|o| *o == k);
    let Some(r) = rank(key) else { return keys.count() };
    if let Some(last_before) = keys.clone().enumerate().filter(|(_, k)| rank(k).is_some_and(|x| x < r)).last() {
        return last_before.0 + 1;
    }
    keys.clone().position(|k| rank(k).is_some_and(|x| x > r)).unwrap_or_else(|| keys.count())
}

/// Compares names the way people number dialogs ("2 Go Back" before
/// "10 Fallback"): runs of digits by their value, the rest by text.
pub(crate) fn natural_cmp(a: &str, b: &str) -> std::cmp::Ordering {
    fn chunks(s: &str) -> Vec<(bool, &str)> {
        let mut out = Vec::new();
        let mut start = 0;
        let digit = |i: usize| s.as_bytes().get(i).is_some_and(u8::is_ascii_digit);
        for i in 1..=s.len() {
            if i == s.len() || digit(i) != digit(start) {
                out.push((digit(start), s.get(start..i).unwrap_or_default()));
                start = i;
            }
        }
        out
    }
    let (ca, cb) = (chunks(a), chunks(b));
    for ((da, x), (db, y)) in ca.iter().zip(&cb) {
        let ord = if *da && *db {
            let (x, y) = (x.trim_start_matches('0'), y.trim_start_matches('0'));
            x.len().cmp(&y.len()).then_with(|| x.cmp(y))
        } else {
            x.to_lowercase().cmp(&y.to_lowercase())
        };
        if ord.is_ne() {
            return ord;
        }
    }
    ca.len().cmp(&cb.len()).then_with(|| a.cmp(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_constants() {
        assert_eq!(word_of("TEXT_QUESTION").as_deref(), Some("text_question"));
        assert_eq!(word_of("Text"), None);
        assert_eq!(word_of("TRUE"), None);
        assert_eq!(word_of(""), None);
        assert_eq!(constant_of("api_integration"), "API_INTEGRATION");
        assert_eq!(dialog_word("DIALOG").as_deref(), Some("standard"));
        assert_eq!(dialog_word("STANDARD"), None);
        assert_eq!(dialog_type("fallback"), "FALLBACK_DIALOG");
    }

    #[test]
    fn canonical_positions() {
        let order = ["a", "b", "c", "d"];
        let at = |keys: &[&str], k| canonical_position(keys.iter().copied(), &order, k);
        assert_eq!(at(&["a", "c"], "b"), 1);
        assert_eq!(at(&["c", "d"], "b"), 0);
        assert_eq!(at(&["x", "a"], "b"), 2);
        assert_eq!(at(&["x"], "b"), 1);
        assert_eq!(at(&["a"], "zzz"), 1);
    }

    #[test]
    fn natural_order() {
        let mut names = vec!["10 Fallback", "2 Go Back", "1 Welcome", "1.1 Multiple", "b", "A"];
        names.sort_by(|a, b| natural_cmp(a, b));
        assert_eq!(names, ["1 Welcome", "1.1 Multiple", "2 Go Back", "10 Fallback", "A", "b"]);
    }
}
