//! The typed model of LivePerson Conversation Builder bots, with a lossless
//! CB JSON importer/exporter and validation.
//!
//! Use this crate to read a CB bot export (`bot.json`) into Rust types, to
//! find what is wrong with it (every problem is a coded
//! [`Diagnostic`] with the exact span in the file), to
//! walk its dialogs in flow order ([`Graph`]), or to write it back. It does
//! not run bots: matching, scripts and conversation flow live in later
//! crates.
//!
//! # Example
//!
//! ```
//! use cbot_diag::SourceMap;
//!
//! let json = br#"{"bot": {"name": "demo"}, "responder": [], "menus": [],
//!   "groups": [{"id": "g1", "name": "Welcome", "dialogType": "DIALOG"}],
//!   "conversationMessage": [
//!     {"id": "i1", "name": "start", "group": "g1", "interactionType": "DIALOG_STARTER",
//!      "pattern": ["hi"], "nextMessageId": "i2",
//!      "responseMatches": [{"action": {"name": "INTERACTION", "value": "next"}}]},
//!     {"id": "i2", "name": "hello", "group": "g1", "interactionType": "TEXT",
//!      "prevMessageId": "i1",
//!      "responseMatches": [{"action": {"name": "INTERACTION", "value": "missing"}}]}]}"#;
//! let mut sources = SourceMap::new();
//! let loaded = cbot_model::load(&mut sources, "bot.json", json.to_vec());
//! assert_eq!(loaded.diagnostics.codes(), ["D015"]); // jump to a missing interaction
//! let bot = loaded.bot.unwrap();
//! let graph = loaded.graph.unwrap();
//! assert_eq!(graph.flow(0), [0, 1]);
//! // Lossless: export and re-import give the same model.
//! let again = cbot_model::import(&mut sources, "again.json", cbot_model::export(&bot).into_bytes());
//! assert_eq!(again.bot.unwrap(), bot);
//! ```
//!
//! # Errors
//!
//! Import never panics and never stops at the first problem it can recover
//! from. Codes D001–D006 are about the file (syntax, encoding, nesting, shape);
//! D010–D029 about the bot (see `docs/diagnostics.md`). Validation runs only
//! when the shape is right, so its indices match the file.
//!
//! # Untrusted input
//!
//! Nesting is bounded ([`json::MAX_DEPTH`]); everything else is linear in the
//! size of the file.

#![deny(missing_docs)]

mod codec;
mod graph;
pub mod json;
mod model;
mod patterns;
pub mod scan;
mod summary;
mod validate;

pub use codec::{Extra, Locator, Scalar, Seg, pointer};
pub use graph::{Graph, LinkIssue, Target};
pub use model::*;
pub use patterns::{StarterPattern, natural_cmp, starter_dialogs, starter_matcher, starter_patterns};
pub use summary::Summary;
pub use validate::validate;

use cbot_diag::{Diagnostic, Diagnostics, SourceMap, Span};
use codec::{Cx, FromJson, ToJson};

/// The result of [`import`]: the bot when the file had the right shape, and
/// everything found on the way.
#[derive(Debug)]
pub struct Imported {
    /// The bot, unless the file could not be read as one (then
    /// `diagnostics` has errors).
    pub bot: Option<Bot>,
    /// Maps JSON pointers to spans; present whenever the JSON parsed.
    pub locator: Option<Locator>,
    /// Problems with the file.
    pub diagnostics: Diagnostics,
}

/// Reads a CB JSON export. `name` is how diagnostics refer to the file.
///
/// The bot is returned only if it decoded without errors; warnings (such as
/// duplicate keys) may accompany it.
pub fn import(sources: &mut SourceMap, name: impl Into<String>, bytes: Vec<u8>) -> Imported {
    let mut diagnostics = Diagnostics::new();
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let bad = e.as_bytes().get(at).copied().unwrap_or_default();
            let lossy = String::from_utf8_lossy(e.as_bytes()).into_owned();
            let file = sources.add(name, lossy);
            // Offsets before the first bad byte are the same in the lossy text,
            // where the bad byte became U+FFFD: the span covers that
            // character (3 bytes), not one byte inside it.
            let d = Diagnostic::error("D002", "the file is not valid UTF-8")
                .with_label(
                    sources.span(file, at..at + char::REPLACEMENT_CHARACTER.len_utf8()),
                    format!("byte 0x{bad:02X} at offset {at} is not UTF-8"),
                )
                .with_help("CB exports are UTF-8; re-export the bot, or convert the file (e.g. `iconv -t UTF-8`)");
            diagnostics.push(d);
            return Imported { bot: None, locator: None, diagnostics };
        }
    };
    let file = sources.add(name, text);
    let parsed = match json::parse(sources.file(file).text()) {
        Ok(parsed) => parsed,
        Err(e) => {
            let span = sources.span(file, e.offset..e.offset + e.len);
            let d = if e.too_deep {
                Diagnostic::error("D003", e.message)
                    .with_label(span, e.label)
                    .with_note(format!("cbot refuses deeper input so that it cannot exhaust the stack; CB exports nest about ten levels (limit {})", json::MAX_DEPTH))
            } else {
                Diagnostic::error("D001", format!("invalid JSON: {}", e.message)).with_label(span, e.label)
            };
            diagnostics.push(d);
            return Imported { bot: None, locator: None, diagnostics };
        }
    };
    for dup in &parsed.duplicate_keys {
        let d = Diagnostic::warning("D006", format!("key `{}` appears twice in one object", dup.key))
            .with_label(Span::new(file, dup.span.0..dup.span.1), "this value is used")
            .with_secondary_label(Span::new(file, dup.first.0..dup.first.1), "this one is ignored")
            .with_help("remove one of them");
        diagnostics.push(d);
    }
    let mut cx = Cx::new(file);
    let bot = Bot::from_json(&parsed.root, &mut cx);
    let decode_failed = cx.diagnostics.has_errors();
    diagnostics.append(&mut cx.diagnostics);
    diagnostics.sort();
    let locator = Locator::new(file, parsed.root);
    Imported { bot: bot.filter(|_| !decode_failed), locator: Some(locator), diagnostics }
}

/// The result of [`load`]: import plus validation.
#[derive(Debug)]
pub struct Loaded {
    /// The bot, when its shape was right (it may still have validation errors).
    pub bot: Option<Bot>,
    /// Its resolved graph, when the bot is present.
    pub graph: Option<Graph>,
    /// Maps JSON pointers to spans, when the JSON parsed.
    pub locator: Option<Locator>,
    /// Everything found, sorted by position.
    pub diagnostics: Diagnostics,
}

/// Imports and validates a CB JSON export.
pub fn load(sources: &mut SourceMap, name: impl Into<String>, bytes: Vec<u8>) -> Loaded {
    let Imported { bot, locator, mut diagnostics } = import(sources, name, bytes);
    let mut graph = None;
    if let (Some(bot), Some(locator)) = (&bot, &locator) {
        let (g, mut found) = validate(bot, locator, sources);
        diagnostics.append(&mut found);
        diagnostics.sort();
        graph = Some(g);
    }
    Loaded { bot, graph, locator, diagnostics }
}

/// The bot as a CB JSON value.
///
/// Modelled keys come out in CB's usual order, followed by the keys cbot
/// keeps without modelling them, in their original order.
pub fn to_json(bot: &Bot) -> serde_json::Value {
    bot.to_json()
}

/// The bot as CB JSON text, indented by two spaces like CB's own exports.
pub fn export(bot: &Bot) -> String {
    // `{:#}` is serde_json's pretty printer, without a fallible Result.
    format!("{:#}\n", bot.to_json())
}
