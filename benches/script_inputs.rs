//! The inputs of the script benches' fixture panels, shared by
//! benches/script.rs and benches/peers so that all engines run
//! exactly the same work. The including crate defines `REPO_ROOT`, the
//! repository's directory (../shared/fixtures is found from there).

use cbot_host::Value;

/// The user message of the string-heavy panel (gpt3-character-template).
pub const STRINGS_USER_MESSAGE: &str = "What was your greatest discovery?";

/// The ~1.5 KB chat history the string-heavy panel reads from the Context
/// Service and builds its prompt from.
pub fn chat_history() -> String {
    "Human: Tell me about your work on radioactivity. Marie Curie: It began with uranium rays. ".repeat(16)
}

/// The code of the first panel `key` in a shared CB sample whose text
/// contains `marker` (`$CBOT_FIXTURES`, or ../shared/fixtures next to the
/// repository).
pub fn fixture_code(file: &str, key: &str, marker: &str) -> String {
    fn find(v: &serde_json::Value, key: &str, marker: &str) -> Option<String> {
        match v {
            serde_json::Value::Object(m) => m.iter().find_map(|(k, x)| match x {
                serde_json::Value::String(s) if k == key && s.contains(marker) => Some(s.clone()),
                _ => find(x, key, marker),
            }),
            serde_json::Value::Array(xs) => xs.iter().find_map(|x| find(x, key, marker)),
            _ => None,
        }
    }
    let dir = std::env::var("CBOT_FIXTURES").unwrap_or_else(|_| format!("{}/../shared/fixtures", super::REPO_ROOT));
    let path = format!("{dir}/cb-samples/{file}");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    find(&json, key, marker).unwrap_or_else(|| panic!("no {key} with {marker:?} in {file}"))
}

/// A catalogue like Shopify's products API returns (what the shopify-bot
/// panel reads from its `products` variable).
pub fn products() -> Value {
    let product = |i: usize| {
        let variants = (0..3)
            .map(|j| {
                Value::object(vec![
                    ("id".into(), Value::Number((i * 100 + j) as f64)),
                    ("option2".into(), Value::from(["Classic", "Bold", "Retro"][j])),
                    ("inventory_quantity".into(), Value::Number(((i + j) % 3) as f64)),
                    ("image_id".into(), Value::Number((i * 10 + j % 2) as f64)),
                ])
            })
            .collect();
        let images = (0..2)
            .map(|k| {
                Value::object(vec![
                    ("id".into(), Value::Number((i * 10 + k) as f64)),
                    ("src".into(), Value::from(format!("https://cdn.example.com/p{i}-{k}.jpg"))),
                    ("height".into(), Value::Number(1200.0)),
                    ("width".into(), Value::Number(if k == 0 { 800.0 } else { 1600.0 })),
                ])
            })
            .collect();
        Value::object(vec![
            ("id".into(), Value::Number(i as f64)),
            ("title".into(), Value::from(format!("Tee number {i}"))),
            ("handle".into(), Value::from(format!("tee-{i}"))),
            ("image".into(), Value::object(vec![("src".into(), Value::from("x"))])),
            ("variants".into(), Value::array(variants)),
            ("images".into(), Value::array(images)),
        ])
    };
    Value::Array((0..6).map(product).collect())
}

/// The StoreLocator API's response body of the transform panel (written
/// for benches/peers: 12 stores with the fields the integration's custom
/// data fields read).
pub const STORE_LOCATOR: &str = include_str!("peers/inputs/store-locator.json");

/// The `jsonData` of the transform panel's `api_StoreLocator` variable, as
/// cbot's runtime stores an API response: `{"api_StoreLocator": body}`.
pub fn store_locator_json_data() -> String {
    let body: serde_json::Value = serde_json::from_str(STORE_LOCATOR).unwrap();
    serde_json::json!({ "api_StoreLocator": body }).to_string()
}
