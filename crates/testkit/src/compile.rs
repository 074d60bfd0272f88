//! From parsed text to runnable test cases: which lines are hooks, their
//! arguments, partial conversations spliced in, utterance lists expanded.
//! Every problem is a diagnostic at its line (docs/testing.md, T0xx).

use crate::parse::{ConvoText, Kind, Line, LineKind};
use cbot_diag::{Diagnostic, Span};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// How a text is compared with the bot's (Botium's matching modes; the
/// default is Botium's `wildcardIgnoreCase`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum TextMode {
    /// `*` matches any text; the expectation may match anywhere in the
    /// message.
    Wildcard {
        /// Ignore case.
        ignore_case: bool,
    },
    /// `*` matches any text; the expectation must match the whole message.
    WildcardExact {
        /// Ignore case.
        ignore_case: bool,
    },
    /// The message contains the expectation.
    Include {
        /// Ignore case.
        ignore_case: bool,
    },
    /// The message is the expectation.
    Equals {
        /// Ignore case.
        ignore_case: bool,
    },
    /// The expectation is a regular expression found in the message.
    Regexp {
        /// Ignore case.
        ignore_case: bool,
    },
}

impl TextMode {
    /// Botium's name of a mode (`SCRIPTING_MATCHING_MODE`).
    pub fn from_botium(name: &str) -> Option<TextMode> {
        let lower = name.trim().to_ascii_lowercase();
        let (base, ic) = match lower.strip_suffix("ignorecase") {
            Some(b) => (b, true),
            None => (lower.as_str(), false),
        };
        Some(match base {
            "wildcard" => TextMode::Wildcard { ignore_case: ic },
            "wildcardexact" => TextMode::WildcardExact { ignore_case: ic },
            "include" => TextMode::Include { ignore_case: ic },
            "equals" => TextMode::Equals { ignore_case: ic },
            "regexp" => TextMode::Regexp { ignore_case: ic },
            _ => return None,
        })
    }
}

/// A number comparison (`BUTTONS_COUNT >=2`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Count {
    /// `<`, `<=`, `=`, `>=`, `>`.
    pub op: &'static str,
    /// The number.
    pub n: usize,
}

impl Count {
    fn parse(s: &str) -> Option<Count> {
        let s = s.trim();
        let (op, rest) = ["<=", ">=", "==", "<", ">", "="]
            .iter()
            .find_map(|op| s.strip_prefix(op).map(|r| (*op, r)))
            .unwrap_or(("=", s));
        let op = if op == "==" { "=" } else { op };
        Some(Count { op, n: rest.trim().parse().ok()? })
    }

    /// Whether `n` satisfies it.
    pub fn holds(&self, n: usize) -> bool {
        match self.op {
            "<" => n < self.n,
            "<=" => n <= self.n,
            ">" => n > self.n,
            ">=" => n >= self.n,
            _ => n == self.n,
        }
    }
}

impl std::fmt::Display for Count {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.op == "=" { write!(f, "{}", self.n) } else { write!(f, "{}{}", self.op, self.n) }
    }
}

/// Something set before a turn (in `#begin`: for the conversation; in
/// `#me`: for that message).
#[derive(Debug, Clone, PartialEq)]
pub enum Setup {
    /// `BOT path`: the bot the file tests (relative to the file).
    Bot(PathBuf),
    /// `CHANNEL name`.
    Channel(String),
    /// `SET_VAR name|value`: a session variable.
    SetVar(String, String),
    /// `USER_PROFILE field|value`: name, email, firstname, lastname,
    /// company, platform.
    UserProfile(String, String),
    /// `ENGAGEMENT_ATTRIBUTE name|value`.
    Engagement(String, String),
    /// `CUSTOMER_INFO {json}`: what `getLPCustomerInfo()` returns.
    CustomerInfo(serde_json::Value),
    /// `USER_LOCATION {json}`: what `getUserLocation()` returns.
    UserLocation(serde_json::Value),
    /// `CLOCK 2025-06-02T10:00:00Z`: what `new Date()` says at the start.
    Clock(f64),
    /// `SEED n`: `Math.random`'s seed.
    Seed(u64),
    /// `API_TIMEOUT ms`: a mocked call slower than this fails.
    ApiTimeout(u64),
    /// `MOCK_API name|status|body`, `MOCK_API_FAIL name|message`.
    Mock(String, MockOutcome),
    /// `MOCK_API_DELAY name|ms`: the call takes this long (virtual time).
    MockDelay(String, u64),
    /// `PAUSE ms`: time passes before the message (virtual time).
    Pause(u64),
    /// `FORCE_INTENT name`: what the NLU says of the next message.
    ForceIntent(String),
    /// `MATCHING_MODE mode`: how text lines compare.
    MatchingMode(TextMode),
    /// `ALLOW_SCRIPT_ERRORS`: script errors do not fail the test.
    AllowScriptErrors,
}

/// What a mocked integration does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MockOutcome {
    /// Answers with this status and body.
    Respond {
        /// HTTP status.
        status: u16,
        /// Body text.
        body: String,
    },
    /// No response (a network failure), with this message.
    Fail(String),
}

/// What a check looks at.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(tag = "check", rename_all = "snake_case")]
pub enum What {
    /// The message's text matches one of these (a text line, or an
    /// utterance list's entries).
    Text {
        /// How.
        mode: TextMode,
        /// Any of them.
        any_of: Vec<String>,
    },
    /// `TEXT_*`: the text against several values, any or all of them.
    TextValues {
        /// How.
        mode: TextMode,
        /// All must match (else any).
        all: bool,
        /// The values.
        values: Vec<String>,
    },
    /// `BUTTONS a|b`: these buttons or quick replies (title or payload).
    Buttons {
        /// The buttons (none: at least one).
        names: Vec<String>,
    },
    /// `BUTTONS_COUNT n`.
    ButtonsCount {
        /// The count.
        count: Count,
    },
    /// `CARDS a|b`: cards with these titles.
    Cards {
        /// The titles (none: at least one card).
        names: Vec<String>,
    },
    /// `CARDS_COUNT n`.
    CardsCount {
        /// The count.
        count: Count,
    },
    /// `MEDIA url|…`: images with these URLs.
    Media {
        /// The URLs (none: at least one).
        urls: Vec<String>,
    },
    /// `MEDIA_COUNT n`.
    MediaCount {
        /// The count.
        count: Count,
    },
    /// `JSON_PATH $.a.b|value`: the message as JSON has this at `path`.
    JsonPath {
        /// The path.
        path: String,
        /// The value (none: the path exists).
        value: Option<String>,
    },
    /// `JSON_PATH_COUNT $.a[*]|n`.
    JsonPathCount {
        /// The path.
        path: String,
        /// The count.
        count: Count,
    },
    /// `INTENT name`: the intent that started a dialog in this turn.
    Intent {
        /// The intent.
        name: String,
    },
    /// `DIALOG name`: the dialog this message started.
    Dialog {
        /// The dialog.
        name: String,
    },
    /// `TRANSFER [skill]`: the turn transfers to an agent (skill name or
    /// id, if given).
    Transfer {
        /// The skill.
        skill: Option<String>,
    },
    /// `TRANSFER_MESSAGE text`: the transfer's message (wildcards).
    TransferMessage {
        /// The text.
        text: String,
    },
    /// `CLOSE`: the turn closes the conversation.
    Close,
    /// `DELAY [ms]`: the turn has a pause (of this length; `>=400` and
    /// the other comparisons work).
    Delay {
        /// The length.
        ms: Option<Count>,
    },
    /// `CUSTOM_EVENT name`: a `logCustomEvent` with this name.
    CustomEvent {
        /// The event's name (wildcards).
        name: String,
    },
    /// `DEBUG text`: a `printDebugMessage` matching the text (wildcards).
    Debug {
        /// The text.
        text: String,
    },
    /// `SCRIPT_ERROR [text]`: a script failed in this turn.
    ScriptError {
        /// What the error says (wildcards).
        text: Option<String>,
    },
    /// `API_CALLED name`: the integration was called in this turn.
    ApiCalled {
        /// The integration.
        name: String,
    },
    /// `ASSERT_VAR name|value`: a bot variable's value (wildcards; `!`
    /// with no value: not set).
    Var {
        /// The variable.
        name: String,
        /// The value.
        value: Option<String>,
    },
}

impl What {
    /// Whether the check is about one message (else about the turn).
    pub fn needs_message(&self) -> bool {
        matches!(
            self,
            What::Text { .. }
                | What::TextValues { .. }
                | What::Buttons { .. }
                | What::ButtonsCount { .. }
                | What::Cards { .. }
                | What::CardsCount { .. }
                | What::Media { .. }
                | What::MediaCount { .. }
                | What::JsonPath { .. }
                | What::JsonPathCount { .. }
        )
    }
}

/// One check of a `#bot` or `#end` section.
#[derive(Debug, Clone, PartialEq)]
pub struct Check {
    /// What.
    pub what: What,
    /// `!`: must not hold.
    pub not: bool,
    /// The line.
    pub span: Span,
    /// The line as written.
    pub line: String,
}

/// One step of a conversation.
#[derive(Debug, Clone, PartialEq)]
pub enum Step {
    /// The user says `text` (after `setup`).
    Me {
        /// The message.
        text: String,
        /// It is a tap (`BUTTON title`): the payload of the button or
        /// quick reply with that title in the bot's last turn is sent, if
        /// there is one.
        tap: bool,
        /// Set for this message.
        setup: Vec<Setup>,
        /// The `#me` line.
        span: Span,
        /// The lines as written.
        lines: Vec<String>,
    },
    /// The bot's next message must pass `checks`.
    Bot {
        /// The checks.
        checks: Vec<Check>,
        /// `?`: skipped when it does not hold.
        optional: bool,
        /// The `#bot` line.
        span: Span,
    },
}

/// A runnable test: one conversation.
#[derive(Debug, Clone, PartialEq)]
pub struct Case {
    /// Its name (the file's first line; utterance expansions add which
    /// utterance).
    pub name: String,
    /// The lines after the name.
    pub description: String,
    /// The file.
    pub path: PathBuf,
    /// The name's position.
    pub span: Span,
    /// Set once before the first message.
    pub begin: Vec<Setup>,
    /// The steps.
    pub steps: Vec<Step>,
    /// Checks of the conversation's end state.
    pub end: Vec<Check>,
}

/// Where a hook may be written.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Place {
    Begin,
    Me,
    Bot,
    End,
}

const SETUP_BEGIN: &[&str] =
    &["BOT", "CHANNEL", "CLOCK", "SEED", "API_TIMEOUT", "MATCHING_MODE", "ALLOW_SCRIPT_ERRORS"];
const SETUP_ANY: &[&str] = &[
    "SET_VAR",
    "USER_PROFILE",
    "ENGAGEMENT_ATTRIBUTE",
    "CUSTOMER_INFO",
    "USER_LOCATION",
    "MOCK_API",
    "MOCK_API_FAIL",
    "MOCK_API_DELAY",
    "PAUSE",
];
const ME_ONLY: &[&str] = &["FORCE_INTENT", "BUTTON"];
const MESSAGE_CHECKS: &[&str] = &[
    "TEXT",
    "TEXT_IC",
    "TEXT_EQUALS",
    "TEXT_EQUALS_IC",
    "TEXT_CONTAINS_ANY",
    "TEXT_CONTAINS_ANY_IC",
    "TEXT_CONTAINS_ALL",
    "TEXT_CONTAINS_ALL_IC",
    "TEXT_WILDCARD_ANY",
    "TEXT_WILDCARD_ANY_IC",
    "TEXT_WILDCARD_ALL",
    "TEXT_WILDCARD_ALL_IC",
    "TEXT_WILDCARDEXACT_ANY",
    "TEXT_WILDCARDEXACT_ANY_IC",
    "TEXT_WILDCARDEXACT_ALL",
    "TEXT_WILDCARDEXACT_ALL_IC",
    "TEXT_REGEXP_ANY",
    "TEXT_REGEXP_ANY_IC",
    "TEXT_REGEXP_ALL",
    "TEXT_REGEXP_ALL_IC",
    "BUTTONS",
    "BUTTONS_COUNT",
    "CARDS",
    "CARDS_COUNT",
    "MEDIA",
    "MEDIA_COUNT",
    "JSON_PATH",
    "JSON_PATH_COUNT",
];
const TURN_CHECKS: &[&str] = &[
    "INTENT",
    "DIALOG",
    "TRANSFER",
    "TRANSFER_MESSAGE",
    "CLOSE",
    "DELAY",
    "DEBUG",
    "CUSTOM_EVENT",
    "SCRIPT_ERROR",
    "API_CALLED",
    "ASSERT_VAR",
];
const END_CHECKS: &[&str] = &["ASSERT_VAR", "API_CALLED"];

/// Every hook name (for suggestions, and for `cbot fuzz convo`).
pub fn hook_names() -> impl Iterator<Item = &'static str> {
    SETUP_BEGIN
        .iter()
        .chain(SETUP_ANY)
        .chain(ME_ONLY)
        .chain(MESSAGE_CHECKS)
        .chain(TURN_CHECKS)
        .chain(["INCLUDE"].iter())
        .copied()
}

fn known(name: &str) -> bool {
    hook_names().any(|n| n == name)
}

/// Whether a line whose first word is `word` is not read as text: the
/// word has the grammar's `hook_name` shape (an upper-case letter, then
/// upper-case letters, digits or `_`) and is a known name, or is taken for
/// a misspelt one (`Compiler::hook` decides).
pub(crate) fn reads_as_hook(word: &str) -> bool {
    let mut chars = word.chars();
    let shaped = word.len() >= 2
        && chars.next().is_some_and(|c| c.is_ascii_uppercase())
        && chars.all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_');
    shaped && (known(word) || looks_like_hook(word))
}

fn allowed(name: &str, place: Place) -> bool {
    match place {
        Place::Begin => SETUP_BEGIN.contains(&name) || SETUP_ANY.contains(&name),
        Place::Me => SETUP_ANY.contains(&name) || ME_ONLY.contains(&name),
        Place::Bot => MESSAGE_CHECKS.contains(&name) || TURN_CHECKS.contains(&name),
        Place::End => END_CHECKS.contains(&name),
    }
}

#[expect(clippy::indexing_slicing, reason = "`row` has b.len() + 1 slots and j < b.len()")]
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(row[j + 1] + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

/// The known name closest to `name`, if any is close.
fn suggest(name: &str) -> Option<&'static str> {
    hook_names().map(|n| (edit_distance(name, n), n)).filter(|(d, _)| *d <= 3).min().map(|(_, n)| n)
}

/// Whether a hook-shaped name that is not a hook is meant as one (it has
/// an underscore, as every multi-word hook does): then it is an error,
/// not text.
fn looks_like_hook(name: &str) -> bool {
    name.contains('_')
}

fn place_name(p: Place) -> &'static str {
    match p {
        Place::Begin => "#begin",
        Place::Me => "#me",
        Place::Bot => "#bot",
        Place::End => "#end",
    }
}

/// The partial conversations and utterance lists a suite knows, by name.
#[derive(Default)]
pub struct Library {
    /// Partial conversations (`.pconvo.txt`) by name.
    pub partials: HashMap<String, ConvoText>,
    /// Utterance lists by reference name.
    pub utterances: HashMap<String, Vec<String>>,
}

/// At most this many cases come from one file's utterance expansion.
pub const MAX_EXPANSION: usize = 1000;

/// A section flattened: `#include` and `INCLUDE` spliced in.
struct Flat<'a> {
    kind: Kind,
    span: Span,
    lines: Vec<&'a Line>,
}

fn flatten<'a>(
    convo: &'a ConvoText,
    library: &'a Library,
    sources: &cbot_diag::SourceMap,
    stack: &mut Vec<String>,
    out: &mut Vec<Flat<'a>>,
    errors: &mut Vec<Diagnostic>,
) {
    for s in &convo.sections {
        if s.kind == Kind::Include {
            include(&s.arg, s.span, library, sources, stack, out, errors);
            continue;
        }
        let mut cur = Flat { kind: s.kind, span: s.span, lines: Vec::new() };
        let mut included = false;
        for l in &s.lines {
            if let LineKind::Hook { name, args, .. } = &l.kind
                && name == "INCLUDE"
            {
                if l.not || l.optional {
                    errors.push(
                        Diagnostic::error("T003", "an INCLUDE cannot be negated or optional")
                            .with_label(l.span, "remove the `!` or `?`"),
                    );
                }
                included = true;
                let done = std::mem::replace(&mut cur, Flat { kind: s.kind, span: s.span, lines: Vec::new() });
                if !done.lines.is_empty() {
                    out.push(done);
                }
                include(args, l.span, library, sources, stack, out, errors);
                continue;
            }
            cur.lines.push(l);
        }
        // An empty `#me` sends an empty message, but what is left of a
        // section after an INCLUDE is only a step if it has lines.
        if !cur.lines.is_empty() || (!included && !matches!(s.kind, Kind::Begin | Kind::End)) {
            out.push(cur);
        }
    }
}

fn include<'a>(
    name: &str,
    at: Span,
    library: &'a Library,
    sources: &cbot_diag::SourceMap,
    stack: &mut Vec<String>,
    out: &mut Vec<Flat<'a>>,
    errors: &mut Vec<Diagnostic>,
) {
    let name = name.trim();
    if name.is_empty() {
        errors.push(
            Diagnostic::error("T003", "an include needs the name of a partial conversation")
                .with_label(at, "no name")
                .with_help("write `#include NAME` (NAME: the first line of a .pconvo.txt file)"),
        );
        return;
    }
    let Some(partial) = library.partials.get(name) else {
        let mut known: Vec<&String> = library.partials.keys().collect();
        known.sort();
        let help = if known.is_empty() {
            "no partial conversation (.pconvo.txt) was found next to the tests".to_string()
        } else {
            format!("known partial conversations: {}", known.iter().map(|k| k.as_str()).collect::<Vec<_>>().join(", "))
        };
        errors.push(
            Diagnostic::error("T005", format!("no partial conversation named `{name}`"))
                .with_label(at, "included here")
                .with_help(help),
        );
        return;
    };
    if stack.iter().any(|s| s == name) {
        errors.push(
            Diagnostic::error("T005", format!("partial conversation `{name}` includes itself"))
                .with_label(at, format!("include chain: {} → {name}", stack.join(" → "))),
        );
        return;
    }
    stack.push(name.to_string());
    flatten(partial, library, sources, stack, out, errors);
    stack.pop();
}

/// Splits arguments at `|` (at most `n` parts; the last takes the rest);
/// `\|` is a literal `|`.
fn split_args(args: &str, n: usize) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut chars = args.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek() == Some(&'|') => {
                chars.next();
                out.last_mut().into_iter().for_each(|part| part.push('|'));
            }
            '|' if out.len() < n => out.push(String::new()),
            c => out.last_mut().into_iter().for_each(|part| part.push(c)),
        }
    }
    out.into_iter().map(|a| a.trim().to_string()).collect()
}

fn all_args(args: &str) -> Vec<String> {
    if args.trim().is_empty() { Vec::new() } else { split_args(args, usize::MAX) }
}

/// Reads an ISO date-time (`2025-06-02T10:00:00Z`, offsets, or a date
/// alone) as milliseconds since the epoch.
pub fn parse_clock(s: &str) -> Option<f64> {
    let s = s.trim();
    let (date, time) = s.split_once(['T', ' ']).unwrap_or((s, "00:00:00Z"));
    let mut d = date.splitn(3, '-');
    let y: i64 = d.next()?.parse().ok()?;
    let m: i64 = d.next()?.parse().ok()?;
    let day: i64 = d.next()?.parse().ok()?;
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days_in_month = [31, if leap { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    let &month_days = usize::try_from(m - 1).ok().and_then(|i| days_in_month.get(i))?;
    if day < 1 || day > month_days {
        return None;
    }
    let (clock, offset_min) = if let Some(t) = time.strip_suffix(['Z', 'z']) {
        (t, 0)
    } else if let Some(pos) = time.rfind(['+', '-']).filter(|&p| p >= 5) {
        let (t, off) = time.split_at(pos);
        let sign = if off.starts_with('-') { -1 } else { 1 };
        let (h, mi) = off[1..].split_once(':').unwrap_or((&off[1..], "0"));
        (t, sign * (h.parse::<i64>().ok()? * 60 + mi.parse::<i64>().ok()?))
    } else {
        (time, 0)
    };
    let mut c = clock.split(':');
    let h: i64 = c.next()?.parse().ok()?;
    let mi: i64 = c.next().unwrap_or("0").parse().ok()?;
    let sec: f64 = c.next().unwrap_or("0").parse().ok()?;
    if !(0..24).contains(&h) || !(0..60).contains(&mi) || !(0.0..61.0).contains(&sec) || c.next().is_some() {
        return None;
    }
    let days = cbot_engine::days_from_civil(y, m as u32, day as u32);
    let secs = days * 86_400 + h * 3600 + mi * 60 - offset_min * 60;
    Some(secs as f64 * 1000.0 + sec * 1000.0)
}

struct Compiler<'a> {
    file_dir: &'a Path,
    library: &'a Library,
    errors: Vec<Diagnostic>,
}

impl Compiler<'_> {
    fn bad(&mut self, line: &Line, message: impl Into<String>, help: &str) {
        self.errors.push(Diagnostic::error("T003", message).with_label(line.span, "here").with_help(help.to_string()));
    }

    /// A setup hook's meaning.
    fn setup(&mut self, line: &Line, name: &str, args: &str) -> Option<Setup> {
        let two = |c: &mut Self, what: &str| -> Option<(String, String)> {
            let a = split_args(args, 2);
            match a.as_slice() {
                [k, v] if !k.is_empty() => Some((k.clone(), v.clone())),
                _ => {
                    c.bad(line, format!("{name} needs {what}"), &format!("write `{name} {what}`"));
                    None
                }
            }
        };
        let number = |c: &mut Self, what: &str| -> Option<u64> {
            match args.trim().parse() {
                Ok(n) => Some(n),
                Err(_) => {
                    c.bad(line, format!("{name} needs {what}, not {:?}", args.trim()), &format!("write `{name} 500`"));
                    None
                }
            }
        };
        Some(match name {
            "BOT" if !args.is_empty() => Setup::Bot(self.file_dir.join(args.trim())),
            "CHANNEL" if !args.is_empty() => Setup::Channel(args.trim().to_string()),
            "BOT" | "CHANNEL" => {
                self.bad(line, format!("{name} needs a value"), "e.g. `CHANNEL lp_sms`, `BOT ../bot.json`");
                return None;
            }
            "SET_VAR" => {
                let (k, v) = two(self, "NAME|VALUE")?;
                Setup::SetVar(k, v)
            }
            "USER_PROFILE" => {
                let (k, v) = two(self, "FIELD|VALUE")?;
                const FIELDS: &[&str] = &["name", "email", "firstname", "lastname", "company", "platform"];
                if !FIELDS.contains(&k.to_ascii_lowercase().as_str()) {
                    self.bad(
                        line,
                        format!("USER_PROFILE has no field `{k}`"),
                        "fields: name, email, firstname, lastname, company, platform",
                    );
                    return None;
                }
                Setup::UserProfile(k.to_ascii_lowercase(), v)
            }
            "ENGAGEMENT_ATTRIBUTE" => {
                let (k, v) = two(self, "NAME|VALUE")?;
                Setup::Engagement(k, v)
            }
            "CUSTOMER_INFO" | "USER_LOCATION" => match serde_json::from_str::<serde_json::Value>(args) {
                Ok(v) if v.is_object() => {
                    if name == "CUSTOMER_INFO" {
                        Setup::CustomerInfo(v)
                    } else {
                        Setup::UserLocation(v)
                    }
                }
                _ => {
                    self.bad(
                        line,
                        format!("{name} needs a JSON object"),
                        &format!("e.g. `{name} {{\"customerId\": \"42\"}}`"),
                    );
                    return None;
                }
            },
            "CLOCK" => match parse_clock(args) {
                Some(t) => Setup::Clock(t),
                None => {
                    self.bad(
                        line,
                        format!("CLOCK needs an ISO date-time, not {:?}", args.trim()),
                        "e.g. `CLOCK 2025-06-02T10:00:00Z`",
                    );
                    return None;
                }
            },
            "SEED" => Setup::Seed(number(self, "a number")?),
            "API_TIMEOUT" => Setup::ApiTimeout(number(self, "milliseconds")?),
            "PAUSE" => Setup::Pause(number(self, "milliseconds")?),
            "MOCK_API" => {
                let a = split_args(args, 3);
                let (Some(name), Some(status)) = (a.first().filter(|n| !n.is_empty()), a.get(1)) else {
                    self.bad(
                        line,
                        "MOCK_API needs an integration and a status",
                        "write `MOCK_API name|200|{\"ok\":true}` or `MOCK_API name|200|@file.json`",
                    );
                    return None;
                };
                let Ok(status) = status.parse::<u16>() else {
                    self.bad(line, format!("MOCK_API: {status:?} is not an HTTP status"), "e.g. 200, 404, 500");
                    return None;
                };
                let body = a.get(2).cloned().unwrap_or_default();
                let body = match body.strip_prefix('@') {
                    Some(file) => {
                        let path = self.file_dir.join(file.trim());
                        match std::fs::read_to_string(&path) {
                            Ok(b) => b,
                            Err(e) => {
                                self.errors.push(
                                    Diagnostic::error("T006", format!("mock body {}: {e}", path.display()))
                                        .with_label(line.span, "read here"),
                                );
                                return None;
                            }
                        }
                    }
                    None => body,
                };
                Setup::Mock(name.clone(), MockOutcome::Respond { status, body })
            }
            "MOCK_API_FAIL" => {
                let a = split_args(args, 2);
                let Some(name) = a.first().filter(|n| !n.is_empty()) else {
                    self.bad(
                        line,
                        "MOCK_API_FAIL needs an integration",
                        "write `MOCK_API_FAIL name|connection refused`",
                    );
                    return None;
                };
                let msg =
                    a.get(1).filter(|m| !m.is_empty()).cloned().unwrap_or_else(|| "network failure (mocked)".into());
                Setup::Mock(name.clone(), MockOutcome::Fail(msg))
            }
            "MOCK_API_DELAY" => {
                let (k, v) = two(self, "NAME|MILLISECONDS")?;
                let Ok(ms) = v.parse() else {
                    self.bad(
                        line,
                        format!("MOCK_API_DELAY: {v:?} is not a number of milliseconds"),
                        "write `MOCK_API_DELAY name|1500`",
                    );
                    return None;
                };
                Setup::MockDelay(k, ms)
            }
            "FORCE_INTENT" if !args.is_empty() => Setup::ForceIntent(args.trim().to_string()),
            "FORCE_INTENT" => {
                self.bad(line, "FORCE_INTENT needs an intent name", "write `FORCE_INTENT billing_question`");
                return None;
            }
            "MATCHING_MODE" => match TextMode::from_botium(args) {
                Some(m) => Setup::MatchingMode(m),
                None => {
                    self.bad(
                        line,
                        format!("unknown matching mode {:?}", args.trim()),
                        "modes: wildcard, wildcardExact, include, equals, regexp, each also with the suffix IgnoreCase",
                    );
                    return None;
                }
            },
            "ALLOW_SCRIPT_ERRORS" => Setup::AllowScriptErrors,
            _ => return None,
        })
    }

    /// A check hook's meaning.
    fn check(&mut self, line: &Line, name: &str, args: &str) -> Option<What> {
        let values = all_args(args);
        let count = |c: &mut Self, s: &str| -> Option<Count> {
            let n = Count::parse(s);
            if n.is_none() {
                c.bad(line, format!("{name} needs a count, not {s:?}"), &format!("write `{name} 2` or `{name} >=1`"));
            }
            n
        };
        let need = |c: &mut Self, ok: bool, what: &str| -> Option<()> {
            if ok {
                Some(())
            } else {
                c.bad(line, format!("{name} needs {what}"), &format!("write `{name} {what}`"));
                None
            }
        };
        if let Some(rest) = name.strip_prefix("TEXT") {
            let ic = rest.ends_with("_IC");
            let rest = rest.trim_end_matches("_IC");
            let (mode, all) = match rest {
                "" | "_EQUALS" => (TextMode::Equals { ignore_case: ic }, false),
                "_CONTAINS_ANY" => (TextMode::Include { ignore_case: ic }, false),
                "_CONTAINS_ALL" => (TextMode::Include { ignore_case: ic }, true),
                "_WILDCARD_ANY" => (TextMode::Wildcard { ignore_case: ic }, false),
                "_WILDCARD_ALL" => (TextMode::Wildcard { ignore_case: ic }, true),
                "_WILDCARDEXACT_ANY" => (TextMode::WildcardExact { ignore_case: ic }, false),
                "_WILDCARDEXACT_ALL" => (TextMode::WildcardExact { ignore_case: ic }, true),
                "_REGEXP_ANY" => (TextMode::Regexp { ignore_case: ic }, false),
                _ => (TextMode::Regexp { ignore_case: ic }, true),
            };
            if matches!(mode, TextMode::Regexp { .. }) {
                for v in &values {
                    if let Err(e) = regex::Regex::new(v) {
                        self.bad(
                            line,
                            format!("{name}: {v:?} is not a regular expression: {e}"),
                            "the syntax is Rust's regex crate (close to JavaScript's)",
                        );
                        return None;
                    }
                }
            }
            // `TEXT x` compares the whole text, as one value.
            let values = if rest.is_empty() || rest == "_EQUALS" { vec![args.trim().to_string()] } else { values };
            need(self, !values.is_empty(), "VALUE|VALUE…")?;
            return Some(What::TextValues { mode, all, values });
        }
        Some(match name {
            "BUTTONS" => What::Buttons { names: values },
            "CARDS" => What::Cards { names: values },
            "MEDIA" => What::Media { urls: values },
            "BUTTONS_COUNT" => What::ButtonsCount { count: count(self, args)? },
            "CARDS_COUNT" => What::CardsCount { count: count(self, args)? },
            "MEDIA_COUNT" => What::MediaCount { count: count(self, args)? },
            "JSON_PATH" | "JSON_PATH_COUNT" => {
                let a = split_args(args, 2);
                let path = a.first().cloned().unwrap_or_default();
                if !path.starts_with('$') {
                    self.bad(
                        line,
                        format!("{name} needs a JSON path starting with `$`"),
                        &format!("write `{name} $.items[0].title|Shirt`"),
                    );
                    return None;
                }
                if name == "JSON_PATH" {
                    What::JsonPath { path, value: a.get(1).cloned() }
                } else {
                    let Some(c) = a.get(1) else {
                        self.bad(line, "JSON_PATH_COUNT needs a path and a count", "write `JSON_PATH_COUNT $.items|3`");
                        return None;
                    };
                    What::JsonPathCount { path, count: count(self, c)? }
                }
            }
            "INTENT" | "DIALOG" | "TRANSFER_MESSAGE" | "DEBUG" | "API_CALLED" | "CUSTOM_EVENT" => {
                need(self, !args.trim().is_empty(), "a value")?;
                let v = args.trim().to_string();
                match name {
                    "INTENT" => What::Intent { name: v },
                    "DIALOG" => What::Dialog { name: v },
                    "TRANSFER_MESSAGE" => What::TransferMessage { text: v },
                    "DEBUG" => What::Debug { text: v },
                    "CUSTOM_EVENT" => What::CustomEvent { name: v },
                    _ => What::ApiCalled { name: v },
                }
            }
            "TRANSFER" => What::Transfer { skill: Some(args.trim().to_string()).filter(|s| !s.is_empty()) },
            "CLOSE" => What::Close,
            "DELAY" => {
                let ms = if args.trim().is_empty() { None } else { Some(count(self, args)?) };
                What::Delay { ms }
            }
            "SCRIPT_ERROR" => What::ScriptError { text: Some(args.trim().to_string()).filter(|s| !s.is_empty()) },
            "ASSERT_VAR" => {
                let a = split_args(args, 2);
                let Some(var) = a.first().filter(|v| !v.is_empty()) else {
                    self.bad(
                        line,
                        "ASSERT_VAR needs a variable",
                        "write `ASSERT_VAR name|value`, or `!ASSERT_VAR name` for not set",
                    );
                    return None;
                };
                What::Var { name: var.clone(), value: a.get(1).cloned() }
            }
            _ => return None,
        })
    }

    /// A line that is a hook in `place`, or `None` when it is text.
    fn hook<'l>(&mut self, line: &'l Line, place: Place) -> Option<Option<(&'l str, &'l str)>> {
        let LineKind::Hook { name, name_span, args, raw } = &line.kind else { return Some(None) };
        // An utterance list's name (`UTT_GREETING`) is text.
        if self.library.utterances.contains_key(raw.trim()) {
            return Some(None);
        }
        if !known(name) {
            if looks_like_hook(name) {
                let mut d = Diagnostic::error("T002", format!("unknown asserter or directive `{name}`"))
                    .with_label(*name_span, "not a name cbot knows");
                if let Some(s) = suggest(name) {
                    d = d.with_help(format!("did you mean `{s}`?"));
                } else {
                    d = d.with_help("docs/testing.md lists the asserters and directives");
                }
                self.errors.push(d);
                return None;
            }
            return Some(None);
        }
        if !allowed(name, place) {
            let wheres: Vec<&str> = [Place::Begin, Place::Me, Place::Bot, Place::End]
                .into_iter()
                .filter(|p| allowed(name, *p))
                .map(place_name)
                .collect();
            self.errors.push(
                Diagnostic::error("T004", format!("`{name}` cannot be used in a {} section", place_name(place)))
                    .with_label(*name_span, "misplaced")
                    .with_help(format!("it belongs in {}", wheres.join(" or "))),
            );
            return None;
        }
        Some(Some((name.as_str(), args.as_str())))
    }
}

fn text_of_line(line: &Line) -> String {
    match &line.kind {
        LineKind::Text(t) => t.clone(),
        LineKind::Hook { raw, .. } => raw.clone(),
    }
}

/// Compiles a parsed conversation into cases (several when it uses
/// utterance lists in `#me` steps).
pub fn compile(
    convo: &ConvoText,
    path: &Path,
    library: &Library,
    sources: &cbot_diag::SourceMap,
) -> Result<Vec<Case>, Vec<Diagnostic>> {
    let mut flat = Vec::new();
    let mut errors = Vec::new();
    flatten(convo, library, sources, &mut Vec::new(), &mut flat, &mut errors);
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut c = Compiler { file_dir: dir, library, errors };
    let mut begin = Vec::new();
    let mut steps = Vec::new();
    let mut end = Vec::new();
    let mode = std::cell::Cell::new(TextMode::Wildcard { ignore_case: true });
    let text_check = |line: &Line, text: String| -> Check {
        let any_of = library.utterances.get(text.trim()).cloned().unwrap_or_else(|| vec![text.clone()]);
        Check { what: What::Text { mode: mode.get(), any_of }, not: line.not, span: line.span, line: text }
    };
    for s in &flat {
        match s.kind {
            Kind::Begin => {
                for l in &s.lines {
                    match c.hook(l, Place::Begin) {
                        Some(Some((name, args))) => {
                            if let Some(setup) = c.setup(l, name, args) {
                                if let Setup::MatchingMode(m) = setup {
                                    mode.set(m);
                                }
                                begin.push(setup);
                            }
                        }
                        Some(None) => c.errors.push(
                            Diagnostic::error("T004", "text in a #begin section")
                                .with_label(l.span, "not a directive")
                                .with_help("#begin holds directives such as `CHANNEL lp_sms`; messages go in #me"),
                        ),
                        None => {}
                    }
                }
            }
            Kind::Me => {
                let mut text = Vec::new();
                let mut setup = Vec::new();
                let mut tap = false;
                for l in &s.lines {
                    match c.hook(l, Place::Me) {
                        Some(Some(("BUTTON", args))) => {
                            tap = true;
                            text.push(args.trim().to_string());
                        }
                        Some(Some((name, args))) => setup.extend(c.setup(l, name, args)),
                        Some(None) => text.push(text_of_line(l)),
                        None => {}
                    }
                }
                let lines = s.lines.iter().map(|l| sources.snippet(l.span).to_string()).collect();
                let tap = tap && text.len() == 1;
                steps.push(Step::Me { text: text.join("\n"), tap, setup, span: s.span, lines });
            }
            Kind::Bot => {
                let mut checks = Vec::new();
                let mut texts: Vec<&Line> = Vec::new();
                let mut optional = None;
                for l in &s.lines {
                    match c.hook(l, Place::Bot) {
                        Some(Some((name, args))) => {
                            if let Some(what) = c.check(l, name, args) {
                                checks.push(Check {
                                    what,
                                    not: l.not,
                                    span: l.span,
                                    line: sources.snippet(l.span).to_string(),
                                });
                            }
                            optional = optional.or(Some(l.optional));
                        }
                        Some(None) => texts.push(l),
                        None => {}
                    }
                }
                // Botium: the text lines of a step are one text, joined by
                // line breaks; `!`/`?` are read on its first line only.
                for l in texts.iter().skip(1).filter(|l| l.not || l.optional) {
                    c.errors.push(
                        Diagnostic::error("T003", "`!` and `?` apply to a step's whole text: only its first line takes them")
                            .with_label(l.span, "not the first text line of this #bot")
                            .with_help("move the prefix to the first text line, split the step in two, or write `!!`/`??` for a literal character"),
                    );
                }
                if let Some(first) = texts.first() {
                    let joined: Vec<String> = texts.iter().map(|l| text_of_line(l)).collect();
                    let mut check = text_check(first, joined.join("\n"));
                    check.span =
                        Span::new(first.span.file(), first.span.start()..texts.last().unwrap_or(first).span.end());
                    check.line = texts.iter().map(|l| sources.snippet(l.span)).collect::<Vec<_>>().join("\n");
                    checks.insert(0, check);
                    optional = Some(first.optional);
                }
                steps.push(Step::Bot { checks, optional: optional.unwrap_or(false), span: s.span });
            }
            Kind::End => {
                for l in &s.lines {
                    match c.hook(l, Place::End) {
                        Some(Some((name, args))) => {
                            if let Some(what) = c.check(l, name, args) {
                                end.push(Check {
                                    what,
                                    not: l.not,
                                    span: l.span,
                                    line: sources.snippet(l.span).to_string(),
                                });
                            }
                        }
                        Some(None) => c.errors.push(
                            Diagnostic::error("T004", "text in an #end section")
                                .with_label(l.span, "not a check")
                                .with_help("#end holds checks of the final state, such as `ASSERT_VAR name|value`"),
                        ),
                        None => {}
                    }
                }
            }
            Kind::Include => {}
        }
    }
    if !c.errors.is_empty() {
        return Err(c.errors);
    }
    let name = if convo.name.is_empty() {
        path.file_name().and_then(|f| f.to_str()).unwrap_or("").trim_end_matches(".convo.txt").to_string()
    } else {
        convo.name.clone()
    };
    let base = Case {
        name,
        description: convo.description.clone(),
        path: path.to_path_buf(),
        span: convo.name_span,
        begin,
        steps,
        end,
    };
    expand(base, library).map_err(|d| vec![d])
}

/// One case per combination of the utterances of the lists `#me` steps
/// name (Botium's utterance expansion), at most [`MAX_EXPANSION`].
fn expand(base: Case, library: &Library) -> Result<Vec<Case>, Diagnostic> {
    let refs: Vec<(usize, &Vec<String>, String)> = base
        .steps
        .iter()
        .enumerate()
        .filter_map(|(k, s)| match s {
            Step::Me { text, .. } => library.utterances.get(text.trim()).map(|u| (k, u, text.trim().to_string())),
            _ => None,
        })
        .collect();
    if refs.is_empty() {
        return Ok(vec![base]);
    }
    let total = refs.iter().try_fold(1usize, |acc, (_, u, _)| acc.checked_mul(u.len().max(1)));
    if total.is_none_or(|t| t > MAX_EXPANSION) {
        return Err(Diagnostic::error(
            "T007",
            format!("the utterance lists of this conversation make more than {MAX_EXPANSION} cases"),
        )
        .with_label(base.span, "this conversation")
        .with_help("split the conversation, or shorten the utterance lists"));
    }
    let mut out = Vec::new();
    let mut idx = vec![0usize; refs.len()];
    #[expect(clippy::indexing_slicing, reason = "`idx` has one counter per entry of `refs`, and r < refs.len()")]
    loop {
        let mut case = base.clone();
        let mut label = Vec::new();
        for (r, (k, u, name)) in refs.iter().enumerate() {
            if let Some(Step::Me { text, .. }) = case.steps.get_mut(*k) {
                *text = u.get(idx[r]).cloned().unwrap_or_default();
            }
            label.push(format!("{name} {}/{}", idx[r] + 1, u.len()));
        }
        case.name = format!("{} [{}]", base.name, label.join(", "));
        out.push(case);
        // Next combination (last list fastest).
        let mut r = refs.len();
        loop {
            if r == 0 {
                return Ok(out);
            }
            r -= 1;
            idx[r] += 1;
            if idx[r] < refs[r].1.len() {
                break;
            }
            idx[r] = 0;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use cbot_diag::SourceMap;

    fn compile_text(text: &str) -> Result<Vec<Case>, Vec<Diagnostic>> {
        let mut sources = SourceMap::new();
        let f = sources.add("t.convo.txt", text.to_string());
        let c = crate::parse::convo(&sources, f).unwrap();
        let mut library = Library::default();
        library.utterances.insert("HELLO".into(), vec!["hi".into(), "hey".into()]);
        compile(&c, Path::new("t.convo.txt"), &library, &sources)
    }

    #[test]
    fn unknown_asserters_are_errors_with_a_suggestion() {
        let e = compile_text("t\n#me\nhi\n#bot\nTEXT_CONTAIN_ANY hello\n").unwrap_err();
        assert_eq!(e[0].code(), "T002");
        assert_eq!(e[0].help(), Some("did you mean `TEXT_CONTAINS_ANY`?"));
        // Upper-case words without an underscore are text.
        let cases = compile_text("t\n#me\nOK then\n#bot\nOK THEN\n").unwrap();
        assert!(matches!(&cases[0].steps[0], Step::Me { text, .. } if text == "OK then"));
    }

    #[test]
    fn misplaced_and_malformed_hooks() {
        let e = compile_text("t\n#me\nTRANSFER 12\n").unwrap_err();
        assert_eq!(e[0].code(), "T004");
        assert_eq!(e[0].help(), Some("it belongs in #bot"));
        let e = compile_text("t\n#begin\nMOCK_API api|abc\n").unwrap_err();
        assert_eq!(e[0].code(), "T003");
        let e = compile_text("t\n#begin\nCLOCK tomorrow\n").unwrap_err();
        assert_eq!(e[0].code(), "T003");
    }

    #[test]
    fn text_lines_join_and_take_the_first_lines_flags() {
        let cases = compile_text("t\n#me\nhi\n#bot\n!line one\nline two\nBUTTONS a|b\n").unwrap();
        let Step::Bot { checks, .. } = &cases[0].steps[1] else { panic!() };
        assert!(checks[0].not);
        assert!(matches!(&checks[0].what, What::Text { any_of, .. } if any_of == &["line one\nline two".to_string()]));
        assert!(matches!(&checks[1].what, What::Buttons { names } if names == &["a".to_string(), "b".to_string()]));
    }

    #[test]
    fn utterance_lists_expand_me_steps() {
        let cases = compile_text("greet\n#me\nHELLO\n#bot\nHELLO\n").unwrap();
        let names: Vec<&str> = cases.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["greet [HELLO 1/2]", "greet [HELLO 2/2]"]);
        assert!(matches!(&cases[1].steps[0], Step::Me { text, .. } if text == "hey"));
        // In a #bot step the list is a set of alternatives.
        let Step::Bot { checks, .. } = &cases[0].steps[1] else { panic!() };
        assert!(matches!(&checks[0].what, What::Text { any_of, .. } if any_of.len() == 2));
    }

    #[test]
    fn clocks() {
        assert_eq!(parse_clock("1970-01-01T00:00:00Z"), Some(0.0));
        assert_eq!(parse_clock("2025-06-02T10:00:00Z"), Some(1_748_858_400_000.0));
        assert_eq!(parse_clock("2025-06-02T12:00:00+02:00"), Some(1_748_858_400_000.0));
        assert_eq!(parse_clock("2025-06-02"), Some(1_748_822_400_000.0));
        assert_eq!(parse_clock("soon"), None);
    }
}
