//! Source files, spans and coded diagnostics for cbot, with three renderers.
//!
//! This crate knows nothing about Conversation Builder. It holds the text of
//! every file cbot reads ([`SourceMap`]), byte-range [`Span`]s into those
//! files, and [`Diagnostic`]s: a severity, a stable code such as `D012`, a
//! message, labelled spans, and optional help and note lines. Every stage of
//! cbot reports problems as data of this shape and collects them all
//! ([`Diagnostics`]) instead of stopping at the first.
//!
//! Rendering is separate from the data ([`render`]): a deterministic, colourless
//! plain form (used by snapshot tests), an ANSI colour form for terminals, and
//! JSON for editors and CI.
//!
//! # Example
//!
//! ```
//! use cbot_diag::{Diagnostic, SourceMap, render};
//!
//! let mut sources = SourceMap::new();
//! let file = sources.add("bot.json", "{\"group\": \"nope\"}".to_string());
//! let span = sources.span(file, 10..16);
//! let diag = Diagnostic::error("D012", "interaction belongs to a dialog that does not exist")
//!     .with_label(span, "no dialog has this id")
//!     .with_help("use the `id` of an entry in `groups`");
//! let text = render::plain(&diag, &sources);
//! assert!(text.starts_with("error[D012]: interaction belongs"));
//! assert!(text.contains("--> bot.json:1:11"));
//! ```

#![deny(missing_docs)]

pub mod render;
mod source;

pub use source::{FileId, SourceFile, SourceMap, Span};

use std::fmt;

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// The input cannot be used as it is (exit code 2 in the CLI).
    Error,
    /// The input works, but probably not as its author meant.
    Warning,
}

impl Severity {
    /// The lower-case name used in rendered output (`error`, `warning`).
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A span with a short message that explains it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    /// Where.
    pub span: Span,
    /// What is wrong there (may be empty).
    pub message: String,
    /// The first label added to a diagnostic is primary: its position is the
    /// diagnostic's position.
    pub primary: bool,
}

/// One problem found in the input.
///
/// Boxed inside so that `Result<T, Diagnostic>` stays one pointer wide.
#[derive(Clone, PartialEq, Eq)]
pub struct Diagnostic(Box<Inner>);

#[derive(Debug, Clone, PartialEq, Eq)]
struct Inner {
    severity: Severity,
    code: &'static str,
    message: String,
    labels: Vec<Label>,
    help: Option<String>,
    note: Option<String>,
}

impl Diagnostic {
    /// A new diagnostic without labels.
    pub fn new(severity: Severity, code: &'static str, message: impl Into<String>) -> Self {
        Diagnostic(Box::new(Inner {
            severity,
            code,
            message: message.into(),
            labels: Vec::new(),
            help: None,
            note: None,
        }))
    }

    /// A new error.
    pub fn error(code: &'static str, message: impl Into<String>) -> Self {
        Self::new(Severity::Error, code, message)
    }

    /// A new warning.
    pub fn warning(code: &'static str, message: impl Into<String>) -> Self {
        Self::new(Severity::Warning, code, message)
    }

    /// Adds a label; the first one added is the primary label.
    pub fn with_label(mut self, span: Span, message: impl Into<String>) -> Self {
        let primary = self.0.labels.is_empty();
        self.0.labels.push(Label { span, message: message.into(), primary });
        self
    }

    /// Adds a secondary label, even if there is no primary one yet.
    pub fn with_secondary_label(mut self, span: Span, message: impl Into<String>) -> Self {
        self.0.labels.push(Label { span, message: message.into(), primary: false });
        self
    }

    /// Sets the help line: how to fix it.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.0.help = Some(help.into());
        self
    }

    /// Sets the note line: background, such as what CB does with this input.
    pub fn with_note(mut self, note: impl Into<String>) -> Self {
        self.0.note = Some(note.into());
        self
    }

    /// Changes the severity (used by `--deny-warnings` style policies).
    pub fn set_severity(&mut self, severity: Severity) {
        self.0.severity = severity;
    }

    /// The severity.
    pub fn severity(&self) -> Severity {
        self.0.severity
    }

    /// The stable code, such as `D012`. Documented in `docs/diagnostics.md`.
    pub fn code(&self) -> &'static str {
        self.0.code
    }

    /// The one-line message.
    pub fn message(&self) -> &str {
        &self.0.message
    }

    /// All labels, primary first.
    pub fn labels(&self) -> &[Label] {
        &self.0.labels
    }

    /// The primary span, if the diagnostic has one.
    pub fn primary_span(&self) -> Option<Span> {
        self.0.labels.iter().find(|l| l.primary).map(|l| l.span)
    }

    /// The help line.
    pub fn help(&self) -> Option<&str> {
        self.0.help.as_deref()
    }

    /// The note line.
    pub fn note(&self) -> Option<&str> {
        self.0.note.as_deref()
    }

    /// `true` for errors.
    pub fn is_error(&self) -> bool {
        self.0.severity == Severity::Error
    }
}

impl fmt::Debug for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl fmt::Display for Diagnostic {
    /// The header line only (`error[D012]: …`); use [`render`] for spans.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}[{}]: {}", self.severity(), self.code(), self.message())
    }
}

impl std::error::Error for Diagnostic {}

/// An ordered collection of diagnostics.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    /// An empty collection.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds one diagnostic.
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.items.push(diagnostic);
    }

    /// Moves all diagnostics of `other` into `self`.
    pub fn append(&mut self, other: &mut Diagnostics) {
        self.items.append(&mut other.items);
    }

    /// `true` if any diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.items.iter().any(Diagnostic::is_error)
    }

    /// Number of errors.
    pub fn error_count(&self) -> usize {
        self.items.iter().filter(|d| d.is_error()).count()
    }

    /// Number of warnings.
    pub fn warning_count(&self) -> usize {
        self.items.len() - self.error_count()
    }

    /// Number of diagnostics.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// `true` if there are none.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Iterates in order.
    pub fn iter(&self) -> std::slice::Iter<'_, Diagnostic> {
        self.items.iter()
    }

    /// Turns every warning into an error.
    pub fn deny_warnings(&mut self) {
        for d in &mut self.items {
            d.set_severity(Severity::Error);
        }
    }

    /// Sorts by position (file, then byte offset; diagnostics without a span
    /// last), keeping the original order among equals, so output is stable
    /// however the checks were scheduled.
    pub fn sort(&mut self) {
        self.items.sort_by_key(|d| match d.primary_span() {
            Some(s) => (0, s.file().index(), s.start(), s.end()),
            None => (1, 0, 0, 0),
        });
    }

    /// The codes, in order (handy in tests).
    pub fn codes(&self) -> Vec<&'static str> {
        self.items.iter().map(Diagnostic::code).collect()
    }
}

impl From<Diagnostic> for Diagnostics {
    fn from(d: Diagnostic) -> Self {
        Diagnostics { items: vec![d] }
    }
}

impl Extend<Diagnostic> for Diagnostics {
    fn extend<I: IntoIterator<Item = Diagnostic>>(&mut self, iter: I) {
        self.items.extend(iter);
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

impl<'a> IntoIterator for &'a Diagnostics {
    type Item = &'a Diagnostic;
    type IntoIter = std::slice::Iter<'a, Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.iter()
    }
}
