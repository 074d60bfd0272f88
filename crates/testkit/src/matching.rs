//! What checks read from a bot message (text, buttons, cards, media, its
//! JSON) and how texts compare (Botium's matching modes).

use crate::compile::TextMode;
use cbot_engine::Event;
use serde_json::Value as Json;

/// `*`-only glob matching, linear in practice (greedy with one
/// backtrack point, the classic algorithm): `*` matches any run of
/// characters, line breaks included.
fn glob(text: &[char], pattern: &[char]) -> bool {
    let (mut t, mut p) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while let Some(&c) = text.get(t) {
        if pattern.get(p) == Some(&'*') {
            star = Some((p, t));
            p += 1;
        } else if pattern.get(p) == Some(&c) {
            p += 1;
            t += 1;
        } else if let Some((sp, st)) = star {
            p = sp + 1;
            t = st + 1;
            star = Some((sp, st + 1));
        } else {
            return false;
        }
    }
    pattern.iter().skip(p).all(|&c| c == '*')
}

fn fold(s: &str, ignore_case: bool) -> Vec<char> {
    if ignore_case { s.to_lowercase().chars().collect() } else { s.chars().collect() }
}

/// Whether `text` (the bot's) matches `expected` in `mode` (Botium's
/// MatchFunctions: `wildcard` looks for the pattern anywhere in the text,
/// `wildcardExact` needs all of it; surrounding spaces are ignored).
pub fn text_matches(mode: TextMode, text: &str, expected: &str) -> bool {
    let text = text.trim();
    let expected = expected.trim();
    match mode {
        TextMode::Wildcard { ignore_case } => {
            let mut p = vec!['*'];
            p.extend(fold(expected, ignore_case));
            p.push('*');
            glob(&fold(text, ignore_case), &p)
        }
        TextMode::WildcardExact { ignore_case } => glob(&fold(text, ignore_case), &fold(expected, ignore_case)),
        TextMode::Include { ignore_case } => {
            if ignore_case {
                text.to_lowercase().contains(&expected.to_lowercase())
            } else {
                text.contains(expected)
            }
        }
        TextMode::Equals { ignore_case } => {
            if ignore_case {
                text.to_lowercase() == expected.to_lowercase()
            } else {
                text == expected
            }
        }
        TextMode::Regexp { ignore_case } => {
            regex::RegexBuilder::new(expected).case_insensitive(ignore_case).build().is_ok_and(|re| re.is_match(text))
        }
    }
}

/// The text of a message (a card or an image has none).
pub fn message_text(m: &Event) -> String {
    match m {
        Event::Text { text } | Event::QuickReplies { text, .. } | Event::Buttons { text, .. } => text.clone(),
        _ => String::new(),
    }
}

/// A card of structured content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Card {
    /// Its title (`title`, or its first text element).
    pub title: String,
    /// Its buttons' titles and payloads.
    pub buttons: Vec<[String; 2]>,
    /// Its images' URLs.
    pub images: Vec<String>,
}

fn str_of(v: Option<&Json>) -> Option<String> {
    v.and_then(Json::as_str).map(str::to_string)
}

/// Walks a LivePerson structured-content element (vertical/horizontal
/// layouts with text, button and image elements) or a CB card.
fn collect(v: &Json, card: &mut Card) {
    match v {
        Json::Array(items) => items.iter().for_each(|i| collect(i, card)),
        Json::Object(o) => {
            match o.get("type").and_then(Json::as_str) {
                Some("text") if card.title.is_empty() => card.title = str_of(o.get("text")).unwrap_or_default(),
                Some("button") => {
                    let title = str_of(o.get("title")).unwrap_or_default();
                    let payload = o
                        .get("click")
                        .and_then(|c| c.get("actions"))
                        .and_then(Json::as_array)
                        .and_then(|a| a.iter().find_map(|x| str_of(x.get("text")).or_else(|| str_of(x.get("uri")))))
                        .unwrap_or_else(|| title.clone());
                    card.buttons.push([title, payload]);
                }
                Some("image") => card.images.extend(str_of(o.get("url"))),
                _ => {}
            }
            if let Some(es) = o.get("elements") {
                collect(es, card);
            }
        }
        _ => {}
    }
}

fn card_of(v: &Json) -> Card {
    let mut card = Card { title: String::new(), buttons: Vec::new(), images: Vec::new() };
    if let Some(o) = v.as_object() {
        card.title = str_of(o.get("title")).unwrap_or_default();
        for b in o.get("buttons").and_then(Json::as_array).into_iter().flatten() {
            let title = str_of(b.get("title")).unwrap_or_default();
            let payload = str_of(b.get("payload")).unwrap_or_else(|| title.clone());
            card.buttons.push([title, payload]);
        }
        for key in ["image", "imageUrl"] {
            card.images.extend(str_of(o.get(key)).filter(|s| !s.is_empty()));
        }
    }
    collect(v, &mut card);
    card
}

/// The cards of a message: each entry of a CB card list, each element of
/// a carousel, or the one card a layout makes.
pub fn cards(m: &Event) -> Vec<Card> {
    let Event::Structured { content } = m else { return Vec::new() };
    match content {
        Json::Array(items) => items.iter().map(card_of).collect(),
        Json::Object(o) if o.get("type").and_then(Json::as_str) == Some("carousel") => {
            o.get("elements").and_then(Json::as_array).into_iter().flatten().map(card_of).collect()
        }
        Json::Object(_) => vec![card_of(content)],
        _ => Vec::new(),
    }
}

/// The buttons and quick replies of a message, cards' buttons included,
/// as `[title, payload]`.
pub fn message_buttons(m: &Event) -> Vec<[String; 2]> {
    match m {
        Event::QuickReplies { replies: cs, .. } | Event::Buttons { buttons: cs, .. } => {
            cs.iter().map(|c| [c.title.clone(), c.payload.clone()]).collect()
        }
        Event::Structured { .. } => cards(m).into_iter().flat_map(|c| c.buttons).collect(),
        _ => Vec::new(),
    }
}

/// The image URLs of a message (an image, or the cards' images).
pub fn media(m: &Event) -> Vec<String> {
    match m {
        Event::Image { url } => vec![url.clone()],
        Event::Structured { .. } => cards(m).into_iter().flat_map(|c| c.images).collect(),
        _ => Vec::new(),
    }
}

/// A message as JSON: structured content as the channel gets it, other
/// messages as cbot's event JSON (`{"type": "text", "text": …}`).
pub fn message_json(m: &Event) -> Json {
    match m {
        Event::Structured { content } => content.clone(),
        other => serde_json::to_value(other).unwrap_or(Json::Null),
    }
}

/// The values at a JSON path: `$`, `.name`, `['name']`, `[n]`, `[*]`,
/// `.*` and `..name` (any depth).
pub fn json_path<'j>(root: &'j Json, path: &str) -> Vec<&'j Json> {
    let mut cur = vec![root];
    let s = path.trim();
    let mut rest = s.strip_prefix('$').unwrap_or(s);
    while !rest.is_empty() {
        let mut next = Vec::new();
        if let Some(r) = rest.strip_prefix("..") {
            let end = r.find(['.', '[']).unwrap_or(r.len());
            let name = &r[..end];
            for v in &cur {
                descend(v, name, &mut next);
            }
            rest = &r[end..];
        } else if let Some(r) = rest.strip_prefix('.') {
            let end = r.find(['.', '[']).unwrap_or(r.len());
            let name = &r[..end];
            for v in &cur {
                member(v, name, &mut next);
            }
            rest = &r[end..];
        } else if let Some(r) = rest.strip_prefix('[') {
            let Some(end) = r.find(']') else { return Vec::new() };
            let inner = r[..end].trim();
            let name = inner.trim_matches(|c| c == '\'' || c == '"');
            for v in &cur {
                match inner.parse::<usize>() {
                    Ok(k) => next.extend(v.get(k)),
                    Err(_) => member(v, name, &mut next),
                }
            }
            rest = &r[end + 1..];
        } else {
            return Vec::new();
        }
        cur = next;
    }
    cur
}

fn member<'j>(v: &'j Json, name: &str, out: &mut Vec<&'j Json>) {
    if name == "*" {
        match v {
            Json::Array(a) => out.extend(a),
            Json::Object(o) => out.extend(o.values()),
            _ => {}
        }
    } else if let Some(x) = v.get(name) {
        out.push(x);
    }
}

fn descend<'j>(v: &'j Json, name: &str, out: &mut Vec<&'j Json>) {
    member(v, name, out);
    match v {
        Json::Array(a) => a.iter().for_each(|x| descend(x, name, out)),
        Json::Object(o) => o.values().for_each(|x| descend(x, name, out)),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const WILD: TextMode = TextMode::Wildcard { ignore_case: true };

    #[test]
    fn botium_default_mode_finds_the_pattern_anywhere() {
        assert!(text_matches(WILD, "You said: So.....", "so..."));
        assert!(text_matches(WILD, "this is a long text", "this is a * text"));
        assert!(!text_matches(WILD, "This is a long text", "*notthere*"));
        assert!(text_matches(WILD, "anything", "*"));
        assert!(!text_matches(TextMode::Wildcard { ignore_case: false }, "THIS IS A LONG TEXT", "this is a * text"));
    }

    #[test]
    fn exact_and_equals_need_the_whole_text() {
        let exact = TextMode::WildcardExact { ignore_case: false };
        assert!(text_matches(exact, "Hello there", "Hello*"));
        assert!(!text_matches(exact, "Oh, Hello there", "Hello*"));
        assert!(text_matches(TextMode::Equals { ignore_case: true }, "Yes", "yes"));
        assert!(!text_matches(TextMode::Equals { ignore_case: false }, "Yes", "yes"));
        assert!(text_matches(TextMode::Regexp { ignore_case: false }, "order 1234", r"\d{4}"));
    }

    #[test]
    fn json_paths() {
        let v: Json = serde_json::json!({"a": {"b": [{"c": 1}, {"c": 2}]}, "t": "x"});
        assert_eq!(json_path(&v, "$.a.b[1].c"), [&serde_json::json!(2)]);
        assert_eq!(json_path(&v, "$.a.b[*].c").len(), 2);
        assert_eq!(json_path(&v, "$..c").len(), 2);
        assert_eq!(json_path(&v, "$['t']"), [&serde_json::json!("x")]);
        assert!(json_path(&v, "$.nope").is_empty());
    }

    #[test]
    fn cards_of_a_carousel() {
        let content = serde_json::json!({"type": "carousel", "elements": [
            {"type": "vertical", "elements": [
                {"type": "image", "url": "https://x/1.jpg"},
                {"type": "text", "text": "Tee 1"},
                {"type": "button", "title": "Buy", "click": {"actions": [{"type": "publishText", "text": "buy 1"}]}}
            ]},
            {"type": "vertical", "elements": [{"type": "text", "text": "Tee 2"}]}
        ]});
        let m = Event::Structured { content };
        let cs = cards(&m);
        assert_eq!(cs.len(), 2);
        assert_eq!(cs[0].title, "Tee 1");
        assert_eq!(cs[0].buttons, [["Buy".to_string(), "buy 1".to_string()]]);
        assert_eq!(media(&m), ["https://x/1.jpg"]);
    }
}
