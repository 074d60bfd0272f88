//! Run LivePerson Conversation Builder bots.
//!
//! ```no_run
//! use cbot_engine::{Config, ConversationConfig, Engine, Event};
//!
//! let engine = Engine::new(&Config::default())?;
//! let bot = engine.load_bot("dialogs/agent-handoff")?;
//! let mut conversation = bot.start(ConversationConfig::default());
//! let turn = conversation.send("I want to talk to a human");
//! for event in &turn.events {
//!     if let Event::Transfer { skill, skill_id, message, .. } = event {
//!         println!("to {skill:?} ({skill_id}): {message}");
//!     }
//! }
//! # Ok::<(), cbot_engine::Error>(())
//! ```
//!
//! An [`Engine`] per process; a [`Bot`] per bot (immutable, `Send + Sync`,
//! cheap to clone); a [`Conversation`] per user conversation.

#![deny(missing_docs)]

mod http;

pub use cbot_host::{UserData, Value};
pub use cbot_runtime::{
    Band, Choice, CompiledBot, Conversation, ConversationConfig, ConversationState, Coverage, DomainClassifier,
    DomainError, Event, HttpRequest, HttpResponse, Info, IntentClassifier, IntentScore, MAX_TEMPLATE_GROWTH, Mocks,
    NoNetwork, RestoreError, STATE_VERSION, Status, TURN_SCRIPT_RUNS, TransferBotContext, Transport, Turn,
    VARIABLES_BYTES, text_of,
};
pub use cbot_script::{Clock, Limits, days_from_civil};
pub use http::HttpTransport;

use cbot_diag::{SourceMap, render};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Engine settings.
#[derive(Clone, Default)]
pub struct Config {
    /// Limits of every script run.
    pub limits: Limits,
    /// The clock scripts read (`new Date()`); the system clock by default.
    pub clock: Option<Clock>,
}

/// Why a bot could not be loaded.
#[derive(Debug)]
pub enum Error {
    /// The file could not be read.
    Io(PathBuf, std::io::Error),
    /// The bot has errors; the text lists them as `cbot check` does.
    Invalid(String),
    /// The script engine could not start.
    Script(String),
    /// The intent domain next to the bot could not be read.
    Domain(PathBuf, DomainError),
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::Io(p, e) => write!(f, "cannot read {}: {e}", p.display()),
            Error::Invalid(report) => write!(f, "the bot has errors:\n{report}"),
            Error::Script(m) => write!(f, "script engine: {m}"),
            Error::Domain(p, e) => write!(f, "{}: {e}", p.display()),
        }
    }
}

impl std::error::Error for Error {}

/// Loads bots and holds what they share (the wasmtime engine).
pub struct Engine {
    scripts: cbot_script::Engine,
}

impl Engine {
    /// A new engine.
    pub fn new(config: &Config) -> Result<Engine, Error> {
        let mut scripts = cbot_script::Engine::new(config.limits).map_err(|e| Error::Script(e.to_string()))?;
        if let Some(clock) = &config.clock {
            scripts.set_clock(clock.clone());
        }
        Ok(Engine { scripts })
    }

    /// Loads a bot from a CB export file, from a bot in the cbot text
    /// format (a `.cbot` file), or from a directory holding either
    /// (`bot.json`, else `bot.cbot`; see [`load_file`]). An intent domain
    /// next to it (`domain.csv` in the directory, or `NAME.domain.csv`
    /// beside `NAME.json`) is loaded too.
    pub fn load_bot(&self, path: impl AsRef<Path>) -> Result<Bot, Error> {
        let given = path.as_ref();
        let path = bot_file(given);
        let mut sources = SourceMap::new();
        let loaded = load_file(given, &mut sources)?.loaded;
        let mut bot = self.compile(loaded, &sources)?;
        let domain = if given.is_dir() { given.join("domain.csv") } else { path.with_extension("domain.csv") };
        if domain.is_file() {
            bot = bot.with_intents(Arc::new(load_domain(&domain)?));
        }
        Ok(bot)
    }

    /// Loads a bot from the bytes of a CB export; `name` is used in
    /// messages.
    pub fn load_bot_bytes(&self, name: &str, bytes: Vec<u8>) -> Result<Bot, Error> {
        let mut sources = SourceMap::new();
        let loaded = cbot_model::load(&mut sources, name, bytes);
        self.compile(loaded, &sources)
    }

    /// The bot of a loaded file, or its errors as `cbot check` shows them.
    fn compile(&self, loaded: cbot_model::Loaded, sources: &SourceMap) -> Result<Bot, Error> {
        let (Some(bot), Some(graph), false) = (loaded.bot, loaded.graph, loaded.diagnostics.has_errors()) else {
            let errors = loaded.diagnostics.iter().filter(|d| d.severity() == cbot_diag::Severity::Error);
            return Err(Error::Invalid(report(errors, sources)));
        };
        Ok(Bot { compiled: Arc::new(CompiledBot::new(bot, graph, &self.scripts)), intents: None })
    }
}

fn report<'a>(diagnostics: impl Iterator<Item = &'a cbot_diag::Diagnostic>, sources: &SourceMap) -> String {
    diagnostics.map(|d| render::plain(d, sources)).collect::<Vec<_>>().join("\n")
}

/// A bot file read and checked (see [`cbot_model::load`]), its diagnostics
/// pointing into the files its author wrote.
#[derive(Debug)]
pub struct LoadedFile {
    /// The bot, its graph and its diagnostics. For a bot in the text form,
    /// the bot is that of the CB export converted from the text, and the
    /// diagnostics point into `bot.cbot` and its script files.
    pub loaded: cbot_model::Loaded,
    /// For the text form: where the converted export came from, and the
    /// converted export's file in the source map.
    text: Option<(cbot_dsl::TextMap, cbot_diag::FileId)>,
}

impl LoadedFile {
    /// Points diagnostics found later in the converted export (spans from
    /// `loaded.locator`, as `cbot check` finds script errors) at the text
    /// they came from; a bot read as JSON keeps them as they are.
    pub fn relabel(&self, sources: &SourceMap, diagnostics: &mut cbot_diag::Diagnostics) {
        if let Some((map, json_file)) = &self.text {
            map.relabel(sources, *json_file, diagnostics);
        }
    }
}

/// Reads the bot file at `path` (see [`bot_file`]) into `sources` and
/// checks it. A CB export is read as it is. A bot in the text form is
/// converted to its export first (docs/text-format.md): problems in the
/// text are [`Error::Invalid`]; problems in the bot are reported at the
/// text and script files that make the parts of the export concerned.
pub fn load_file(path: &Path, sources: &mut SourceMap) -> Result<LoadedFile, Error> {
    let file = bot_file(path);
    if !is_text_bot(&file) {
        let bytes = std::fs::read(&file).map_err(|e| Error::Io(file.clone(), e))?;
        return Ok(LoadedFile { loaded: cbot_model::load(sources, file.display().to_string(), bytes), text: None });
    }
    let lowered = match cbot_dsl::load_lowered(&file, sources).map_err(|e| Error::Io(file.clone(), e))? {
        Ok(lowered) => lowered,
        Err(diags) => return Err(Error::Invalid(report(diags.iter(), sources))),
    };
    // The export is checked as JSON, and what is found there is moved to
    // the text.
    let (json, map) = lowered.json();
    let mut loaded = cbot_model::load(sources, format!("{} (as JSON)", file.display()), json.into_bytes());
    let json_file = loaded.locator.as_ref().map(cbot_model::Locator::file);
    if let Some(json_file) = json_file {
        map.relabel(sources, json_file, &mut loaded.diagnostics);
    }
    Ok(LoadedFile { loaded, text: json_file.map(|f| (map, f)) })
}

/// `path`, or for a directory the bot in it: `bot.json`, else `bot.cbot`
/// when only that is there.
pub fn bot_file(path: &Path) -> PathBuf {
    if !path.is_dir() {
        return path.to_path_buf();
    }
    let json = path.join("bot.json");
    let text = path.join(cbot_dsl::BOT_FILE);
    if !json.is_file() && text.is_file() { text } else { json }
}

/// Whether a bot file (as [`bot_file`] gives it) is in the cbot text
/// format rather than a CB export.
pub fn is_text_bot(file: &Path) -> bool {
    file.extension().is_some_and(|e| e == "cbot")
}

/// The bot file at `path` (see [`bot_file`]) and the bytes of its CB
/// export: the file itself, or for the text form the export converted
/// from it (docs/text-format.md), whose problems are [`Error::Invalid`].
/// To check the bot with its problems pointing into the text, use
/// [`load_file`].
pub fn read_bot(path: &Path) -> Result<(PathBuf, Vec<u8>), Error> {
    let file = bot_file(path);
    if !is_text_bot(&file) {
        let bytes = std::fs::read(&file).map_err(|e| Error::Io(file.clone(), e))?;
        return Ok((file, bytes));
    }
    let mut sources = SourceMap::new();
    match cbot_dsl::load(&file, &mut sources).map_err(|e| Error::Io(file.clone(), e))? {
        Ok(export) => {
            let bytes = serde_json::to_vec_pretty(&export).map_err(|e| Error::Invalid(e.to_string()))?;
            Ok((file, bytes))
        }
        Err(diags) => {
            let report = diags.iter().map(|d| render::plain(d, &sources)).collect::<Vec<_>>().join("\n");
            Err(Error::Invalid(report))
        }
    }
}

/// Reads an intent domain (CSV, see [`DomainClassifier::from_csv`]).
pub fn load_domain(path: &Path) -> Result<DomainClassifier, Error> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::Io(path.to_path_buf(), e))?;
    DomainClassifier::from_csv(&text).map_err(|e| Error::Domain(path.to_path_buf(), e))
}

/// A loaded bot: immutable, shareable across threads.
#[derive(Clone)]
pub struct Bot {
    compiled: Arc<CompiledBot>,
    intents: Option<Arc<dyn IntentClassifier>>,
}

impl Bot {
    /// Starts a conversation (with the bot's intents unless the config
    /// brings its own).
    pub fn start(&self, mut config: ConversationConfig) -> Conversation {
        if config.intents.is_none() {
            config.intents = self.intents.clone();
        }
        Conversation::new(self.compiled.clone(), config)
    }

    /// Continues a conversation from its [`Conversation::snapshot`] (see
    /// [`Conversation::restore`]), with the bot's intents unless the
    /// config brings its own.
    pub fn restore(
        &self,
        mut config: ConversationConfig,
        state: ConversationState,
    ) -> Result<Conversation, RestoreError> {
        if config.intents.is_none() {
            config.intents = self.intents.clone();
        }
        Conversation::restore(self.compiled.clone(), config, state)
    }

    /// The same bot with an intent classifier for its intent starters.
    pub fn with_intents(mut self, intents: Arc<dyn IntentClassifier>) -> Bot {
        self.intents = Some(intents);
        self
    }

    /// The compiled bot: its model, flow graph and starter patterns (what
    /// test coverage is reported against).
    pub fn compiled(&self) -> &CompiledBot {
        &self.compiled
    }

    /// The bot's name.
    pub fn name(&self) -> &str {
        self.compiled.model().info.name.as_deref().unwrap_or("")
    }

    /// Code panels that did not compile (they fail when they run), with why.
    pub fn script_problems(&self) -> Vec<(String, String)> {
        self.compiled.script_problems()
    }

    /// The compiled code panels, in the order
    /// [`Conversation::panel_runs`](cbot_runtime::Conversation::panel_runs)
    /// counts them.
    pub fn panel_names(&self) -> &[String] {
        self.compiled.panel_names()
    }
}
