//! Writing a conversation as a test file (`cbot chat --record`): each user
//! message a `#me`, each bot message a `#bot` with its text and buttons,
//! and the turn's transfer, close and script errors as checks, so that
//! replaying the file passes.

use crate::matching::{cards, media, message_buttons, message_text};
use cbot_engine::{Event, Turn};
use std::fmt::Write as _;

/// Where the recorded conversation ran.
#[derive(Debug, Clone, Default)]
pub struct Recording {
    /// The test's name.
    pub name: String,
    /// The description lines.
    pub description: String,
    /// `BOT` directive (relative to the file), if any.
    pub bot: Option<String>,
    /// The channel (`web` is the default and is not written).
    pub channel: String,
    /// Session variables set before the first message.
    pub variables: Vec<(String, String)>,
}

/// A line of text as a test line that reads back as the same text. In a
/// `#me`, a line that would read as a section or a directive is written as
/// `BUTTON text` (which sends its text as it is); in a `#bot`, its first
/// character becomes `*` (the default matching finds the rest anywhere, so
/// it still matches the message). `!` and `?` are doubled.
fn text_line(line: &str, me: bool) -> String {
    let t = line.trim();
    let first_word = t.split_whitespace().next().unwrap_or("");
    let hook_shaped = crate::compile::reads_as_hook(first_word);
    if (t.starts_with('#') || hook_shaped) && me {
        return format!("BUTTON {t}");
    }
    if t.starts_with('#') || hook_shaped {
        let mut chars = t.chars();
        chars.next();
        return format!("*{}", chars.as_str());
    }
    if t.starts_with('!') || t.starts_with('?') {
        return format!("{}{t}", &t[..1]);
    }
    t.to_string()
}

fn list(items: &[String]) -> Option<String> {
    (!items.is_empty() && items.iter().all(|i| !i.contains('|') && !i.trim().is_empty() && !i.contains('\n')))
        .then(|| items.iter().map(|i| i.trim()).collect::<Vec<_>>().join("|"))
}

/// The test file of a recorded conversation.
pub fn convo(rec: &Recording, turns: &[Turn]) -> String {
    let mut out = format!("{}\n", rec.name.trim());
    if !rec.description.is_empty() {
        let _ = writeln!(out, "{}", rec.description.trim());
    }
    let mut begin = Vec::new();
    if let Some(b) = &rec.bot {
        begin.push(format!("BOT {b}"));
    }
    if !rec.channel.is_empty() && rec.channel != "web" {
        begin.push(format!("CHANNEL {}", rec.channel));
    }
    for (k, v) in &rec.variables {
        begin.push(format!("SET_VAR {k}|{v}"));
    }
    if !begin.is_empty() {
        let _ = write!(out, "\n#begin\n{}\n", begin.join("\n"));
    }
    for turn in turns {
        out.push_str("\n#me\n");
        for l in turn.user.lines() {
            out.push_str(&text_line(l, true));
            out.push('\n');
        }
        let mut blocks: Vec<Vec<String>> = Vec::new();
        for e in turn.events.iter().filter(|e| e.is_message()) {
            let mut b = Vec::new();
            let text = message_text(e);
            b.extend(text.lines().filter(|l| !l.trim().is_empty()).map(|l| text_line(l, false)));
            let buttons: Vec<String> = message_buttons(e).into_iter().map(|[t, _]| t).collect();
            if let Some(l) = list(&buttons) {
                b.push(format!("BUTTONS {l}"));
            }
            if let Some(l) = list(&media(e)) {
                b.push(format!("MEDIA {l}"));
            }
            let cs = cards(e);
            if !cs.is_empty() {
                b.push(format!("CARDS_COUNT {}", cs.len()));
            }
            if matches!(e, Event::Image { .. }) && b.is_empty() {
                b.push("MEDIA".into());
            }
            blocks.push(b);
        }
        let mut facts = Vec::new();
        for e in &turn.events {
            match e {
                Event::Transfer { skill_id, message, .. } => {
                    facts.push(if skill_id.is_empty() {
                        "TRANSFER".to_string()
                    } else {
                        format!("TRANSFER {skill_id}")
                    });
                    if let Some(m) = message.lines().find(|l| !l.trim().is_empty()) {
                        facts.push(format!("TRANSFER_MESSAGE {}", m.trim().trim_start_matches(['!', '?'])));
                    }
                }
                Event::Close { .. } => facts.push("CLOSE".into()),
                Event::ScriptError { .. } | Event::Error { .. } if !facts.iter().any(|f| f == "SCRIPT_ERROR") => {
                    facts.push("SCRIPT_ERROR".into())
                }
                _ => {}
            }
        }
        if !facts.is_empty() {
            match blocks.last_mut() {
                Some(b) => b.extend(facts),
                None => blocks.push(facts),
            }
        }
        for b in blocks {
            out.push_str("\n#bot\n");
            for l in b {
                out.push_str(&l);
                out.push('\n');
            }
        }
    }
    out
}

/// `to` relative to the directory `from` (both made absolute first), for
/// a `BOT` line that works wherever the repository is.
pub fn relative_path(from_dir: &std::path::Path, to: &std::path::Path) -> String {
    let abs = |p: &std::path::Path| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
    let (from, to) = (abs(from_dir), abs(to));
    let a: Vec<_> = from.components().collect();
    let b: Vec<_> = to.components().collect();
    let common = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let mut parts: Vec<String> = std::iter::repeat_n("..".to_string(), a.len() - common).collect();
    parts.extend(b.iter().skip(common).map(|c| c.as_os_str().to_string_lossy().into_owned()));
    if parts.is_empty() { ".".into() } else { parts.join("/") }
}

#[cfg(test)]
mod tests {
    use super::text_line;

    #[test]
    fn lines_that_would_read_otherwise_are_escaped() {
        assert_eq!(text_line("!hello", false), "!!hello");
        assert_eq!(text_line("?what", true), "??what");
        assert_eq!(text_line("CLOSE the door", true), "BUTTON CLOSE the door");
        assert_eq!(text_line("CLOSE the door", false), "*LOSE the door");
        assert_eq!(text_line("#me too", false), "*me too");
        assert_eq!(text_line("OK then", false), "OK then");
    }
}
