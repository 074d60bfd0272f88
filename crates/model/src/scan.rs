//! A light scan of bot JavaScript for `setTriggerNextMessage` calls.
//!
//! Validation only needs to know which interaction names scripts jump to. A
//! full parse arrives with the script compiler; until then a token-level scan
//! finds calls whose argument is a plain string literal, and notes calls with
//! any other argument (a variable, a concatenation) as dynamic, which turns
//! off reachability warnings because any interaction might be the target.
//! Comments are skipped so that commented-out code is not reported.

use std::ops::Range;
use std::sync::LazyLock;

/// One `setTriggerNextMessage(...)` call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TriggerCall {
    /// The literal interaction name, or `None` when the argument is not a
    /// string literal.
    pub name: Option<String>,
    /// Byte range in the script: the literal with its quotes, or the call's
    /// argument text when dynamic.
    pub range: Range<usize>,
}

#[expect(clippy::expect_used, reason = "a constant regex; every unit test compiles it")]
static CALL: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(
        r#"\bsetTriggerNextMessage\s*\(\s*(?:'(?<sq>[^'\\\n]*)'\s*\)|"(?<dq>[^"\\\n]*)"\s*\)|(?<dyn>[^)]*))"#,
    )
    .expect("valid regex")
});

/// Finds every `setTriggerNextMessage` call outside comments.
pub fn trigger_calls(code: &str) -> Vec<TriggerCall> {
    let blanked = blank_comments(code);
    CALL.captures_iter(&blanked)
        .map(|c| {
            if let Some(m) = c.name("sq").or_else(|| c.name("dq")) {
                TriggerCall { name: Some(m.as_str().to_string()), range: m.start() - 1..m.end() + 1 }
            } else {
                // The regex's third alternative: the argument is dynamic.
                TriggerCall { name: None, range: c.name("dyn").map_or(0..0, |m| m.range()) }
            }
        })
        .collect()
}

/// Replaces the text of `//` and `/* */` comments with spaces (keeping byte
/// offsets), leaving string literals alone.
fn blank_comments(code: &str) -> String {
    let bytes = code.as_bytes();
    let mut out = bytes.to_vec();
    let mut i = 0;
    let mut quote: Option<u8> = None;
    while let Some(&b) = bytes.get(i) {
        let rest = bytes.get(i..).unwrap_or_default();
        match quote {
            Some(q) => {
                if b == b'\\' {
                    i += 1;
                } else if b == q || b == b'\n' {
                    quote = None;
                }
                i += 1;
            }
            None if b == b'\'' || b == b'"' => {
                quote = Some(b);
                i += 1;
            }
            None if rest.starts_with(b"//") => {
                let end = rest.iter().position(|&b| b == b'\n').map_or(bytes.len(), |e| i + e);
                for o in out.get_mut(i..end).unwrap_or_default() {
                    *o = b' ';
                }
                i = end;
            }
            None if rest.starts_with(b"/*") => {
                let end = code.get(i + 2..).and_then(|c| c.find("*/")).map_or(bytes.len(), |e| i + 2 + e + 2);
                for o in out.get_mut(i..end).unwrap_or_default() {
                    if *o != b'\n' {
                        *o = b' ';
                    }
                }
                i = end;
            }
            None => i += 1,
        }
    }
    // Only ASCII bytes inside comments were replaced by ASCII spaces, and
    // multi-byte characters inside comments were replaced byte by byte.
    String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literal_and_dynamic_calls() {
        let code = "botContext.setTriggerNextMessage('Welcome Back');\n\
                    // botContext.setTriggerNextMessage('old');\n\
                    botContext.setTriggerNextMessage( \"x y\" );\n\
                    botContext.setTriggerNextMessage(name);";
        let calls = trigger_calls(code);
        assert_eq!(calls.len(), 3);
        assert_eq!(calls[0].name.as_deref(), Some("Welcome Back"));
        assert_eq!(&code[calls[0].range.clone()], "'Welcome Back'");
        assert_eq!(calls[1].name.as_deref(), Some("x y"));
        assert_eq!(calls[2].name, None);
        assert_eq!(&code[calls[2].range.clone()], "name");
    }

    #[test]
    fn comments_with_multibyte_text_keep_offsets() {
        let code = "/* é */ setTriggerNextMessage('a')";
        let calls = trigger_calls(code);
        assert_eq!(&code[calls[0].range.clone()], "'a'");
    }
}
