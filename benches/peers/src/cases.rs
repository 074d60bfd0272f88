//! The four scripts, their inputs and the check of each run's effect, the
//! same for every engine.

use crate::script_inputs::{self, STORE_LOCATOR, STRINGS_USER_MESSAGE, chat_history, fixture_code};
use serde_json::{Value as Json, json};

const SEED: &str = include_str!("../../../scripts/agent-handoff/channel-check.js");

/// One script and everything a run of it needs.
pub struct Case {
    pub name: &'static str,
    /// The bot's global functions (run before the panel), if any.
    pub globals: Option<String>,
    /// The panel's code (a function body, as cbot compiles panels).
    pub panel: String,
    /// `getChannel()`.
    pub channel: &'static str,
    /// `getCurrentUserMessage()`.
    pub user_message: String,
    /// Bot variables set before the run (session scope).
    pub variables: Vec<(String, Json)>,
    /// Conversation-scoped Context Service data (namespace, key, value);
    /// the namespaces are registered.
    pub context: Vec<(&'static str, &'static str, Json)>,
    /// `botContext` calls one run makes.
    pub calls: usize,
    pub expect: Expect,
}

/// A case as the JavaScript peers evaluate it: the globals as they are,
/// the panel as a function body called at once (fresh runs), and both as
/// one function for reused runs.
pub struct Prepared {
    pub globals: Option<String>,
    pub panel: String,
    pub combined: String,
}

impl Prepared {
    pub fn new(case: &Case) -> Prepared {
        Prepared {
            globals: case.globals.clone(),
            panel: format!("(function () {{\n{}\n}})();", case.panel),
            combined: format!("(function () {{\n{}\n;\n{}\n}})", case.globals.as_deref().unwrap_or(""), case.panel),
        }
    }
}

/// The effect a run must have.
pub enum Expect {
    /// Exactly this message sent.
    Sent(&'static str),
    /// `prompt` holds the chat history, the user message and the cue.
    Prompt,
    /// `carousel` is a JSON carousel of 6 tiles; the last debug line is
    /// `0,1,2,3,4,5`.
    Carousel,
    /// `storeArray` is this array, as JSON text.
    StoreArray(Json),
}

impl Expect {
    /// The bot variable the check reads.
    pub fn variable(&self) -> Option<&'static str> {
        match self {
            Expect::Sent(_) => None,
            Expect::Prompt => Some("prompt"),
            Expect::Carousel => Some("carousel"),
            Expect::StoreArray(_) => Some("storeArray"),
        }
    }
}

/// What a run did, as far as the checks look (each engine fills it in from
/// its own output, outside the timed part).
pub struct Effects {
    /// An exception or error that stopped the run.
    pub error: Option<String>,
    pub calls: usize,
    pub sent: Vec<String>,
    pub last_debug: Option<String>,
    /// The value of [`Expect::variable`], if set.
    pub var: Option<Json>,
}

/// Panics unless the run had the case's effect.
pub fn check(engine: &str, case: &Case, e: &Effects) {
    let at = format!("{engine}, {}", case.name);
    assert!(e.error.is_none(), "{at}: {}", e.error.as_deref().unwrap_or_default());
    assert_eq!(e.calls, case.calls, "{at}: botContext calls");
    let var_text = || e.var.as_ref().and_then(Json::as_str).unwrap_or_else(|| panic!("{at}: variable not a string"));
    match &case.expect {
        Expect::Sent(m) => assert_eq!(e.sent, [*m], "{at}"),
        Expect::Prompt => {
            let p = var_text();
            assert!(p.contains("Marie Curie: It began with uranium rays.") && p.ends_with("Marie Curie: "), "{at}");
            assert!(p.contains(STRINGS_USER_MESSAGE), "{at}");
        }
        Expect::Carousel => {
            let parsed: Json = serde_json::from_str(var_text()).expect("carousel JSON");
            assert_eq!(parsed["elements"].as_array().map(Vec::len), Some(6), "{at}: six tiles");
            assert_eq!(e.last_debug.as_deref(), Some("0,1,2,3,4,5"), "{at}");
        }
        Expect::StoreArray(stores) => {
            let parsed: Json = serde_json::from_str(var_text()).expect("storeArray JSON");
            assert_eq!(&parsed, stores, "{at}: storeArray");
        }
    }
}

pub fn cases() -> Vec<Case> {
    let base = |name, panel: String, calls, expect| Case {
        name,
        globals: None,
        panel,
        channel: "web",
        user_message: String::new(),
        variables: Vec::new(),
        context: Vec::new(),
        calls,
        expect,
    };

    // The seed: channel-check.js on channel "web" (bench `script/run/web`).
    let seed = base("seed (channel-check)", SEED.to_string(), 2, Expect::Sent("Transferring you to an agent"));

    // String-heavy: gpt3-character-template's prompt builder (bench
    // `script/fixture/strings`).
    let mut strings = base(
        "strings (gpt3 prompt)",
        fixture_code("gpt3-character-template.json", "preProcessMessage", "GPT3prompt"),
        5,
        Expect::Prompt,
    );
    strings.user_message = STRINGS_USER_MESSAGE.into();
    strings.context =
        vec![("gpt3_char", "character", json!("Marie Curie")), ("gpt3_char", "chat_history", json!(chat_history()))];

    // JSON-heavy: shopify-bot's product carousel with the bot's global
    // functions (bench `script/fixture/json`).
    let mut carousel = base(
        "json (shopify carousel)",
        fixture_code("shopify-bot.json", "preProcessMessage", "tileArray"),
        32,
        Expect::Carousel,
    );
    carousel.globals = Some(fixture_code("shopify-bot.json", "methods", "var log"));
    carousel.variables = vec![
        ("products".into(), script_inputs::products().to_json()),
        ("storeURL".into(), json!("https://shop.example.com")),
    ];

    // An integration transform: api-results-text-only-demo's StoreLocator
    // `transformResultsScript` on a 12-store response, stored as cbot's
    // runtime stores an API response (`api_<RDV>` = {jsonData: '{"api_<RDV>": body}'}).
    let body: Json = serde_json::from_str(STORE_LOCATOR).expect("inputs/store-locator.json");
    let json_data = script_inputs::store_locator_json_data();
    let mut transform = base(
        "transform (store locator API)",
        fixture_code("api-results-text-only-demo.json", "transformResultsScript", "api_StoreLocator"),
        2,
        Expect::StoreArray(body["stores"].clone()),
    );
    transform.variables = vec![("api_StoreLocator".into(), json!({ "jsonData": json_data }))];

    vec![seed, strings, carousel, transform]
}
