//! How deeply a script nests, estimated before it is parsed.
//!
//! oxc's parser, and the passes of this compiler over its syntax tree, are
//! recursive: `((((…1…))))`, `-------1`, `1+1+…+1` or `if (a) if (a) …`
//! a few thousand levels deep overflowed the native stack while a bot was
//! loaded, which aborts the whole process (`cbot serve` with it). So every
//! script is measured first by this token scan, and one that may nest
//! deeper than [`MAX_NESTING`] is refused with S002 before oxc sees it. The
//! estimate errs high: inside brackets it counts every token since the last
//! `,` or `;` (or line break that ends a statement) as a level, which bounds
//! the depth of left-deep chains (`a + b + c`, `a.b.c`, `else if`) as well as
//! of brackets. Compilation also runs on a thread with a large stack
//! ([`COMPILE_STACK`]), which holds a hundred times the depth this allows:
//! the margin for scripts that fool the scan (it tells a regular expression
//! from a division the way most tools do, by the token before it).

/// The deepest a script may nest, in the estimate's units (tokens). Real
/// code stays far below: CB's scripts are a few kilobytes (CB-SPEC §8),
/// and even a 300-branch `else if` chain estimates at about 1,200.
pub(crate) const MAX_NESTING: usize = 2000;

/// The stack of the thread that parses and compiles scripts (virtual
/// memory: only what is used is ever touched).
pub(crate) const COMPILE_STACK: usize = 256 << 20;

/// What the last token was, for telling a regular expression from a
/// division and a statement break from a continued expression.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Prev {
    /// Nothing yet, an operator, an opening bracket, `,` or `;`: an
    /// expression may start (a `/` starts a regular expression).
    Start,
    /// An identifier, a literal, or `)`/`]`: an expression may end (a `/`
    /// divides).
    Operand,
    /// `)` of `if (…)`, `while (…)`, `for (…)`, `with (…)`, or `}`: a
    /// statement may start.
    Statement,
}

struct Level {
    /// The estimated depth where this bracket opened.
    base: usize,
    /// Tokens since the last separator at this level.
    chain: usize,
    /// `(` after `if`, `while`, `for` or `with`.
    statement_paren: bool,
    /// `${` of a template literal: its `}` goes back to the template's text.
    template: bool,
}

/// The byte offset where `text` first nests deeper than [`MAX_NESTING`]
/// (by the estimate), if it does.
#[expect(
    clippy::indexing_slicing,
    clippy::expect_used,
    reason = "every `b[i]` is behind an `i < b.len()` test of the same loop or condition; `levels` starts with \
              the root level and pops only levels it pushed"
)]
pub(crate) fn too_deep(text: &str) -> Option<usize> {
    let b = text.as_bytes();
    let mut levels = vec![Level { base: 0, chain: 0, statement_paren: false, template: false }];
    let mut prev = Prev::Start;
    let mut newline = false;
    let mut last_word: &str = "";
    let mut i = 0;
    // Counts a token at the current level; the depth it reaches.
    let count = |levels: &mut Vec<Level>| -> usize {
        let top = levels.last_mut().expect("the root level is never popped");
        top.chain += 1;
        top.base + top.chain
    };
    while i < b.len() {
        let c = b[i];
        let start = i;
        match c {
            b'\n' | b'\r' => {
                newline = true;
                i += 1;
                continue;
            }
            _ if c.is_ascii_whitespace() => {
                i += 1;
                continue;
            }
            b'/' if b.get(i + 1) == Some(&b'/') => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
                continue;
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                i += 2;
                while i < b.len() && !(b[i] == b'*' && b.get(i + 1) == Some(&b'/')) {
                    newline |= b[i] == b'\n';
                    i += 1;
                }
                i += 2;
                continue;
            }
            _ => {}
        }
        // A line break between an expression's end and the start of
        // another ends the statement (ASI): a new chain.
        let starts_operand = c == b'_'
            || c == b'$'
            || c.is_ascii_alphanumeric()
            || c >= 0x80
            || matches!(c, b'\'' | b'"' | b'`')
            || (c == b'/' && prev != Prev::Operand);
        if newline && prev != Prev::Start && starts_operand {
            levels.last_mut().expect("root").chain = 0;
        }
        newline = false;
        match c {
            b'\'' | b'"' => {
                i += 1;
                while i < b.len() && b[i] != c && b[i] != b'\n' {
                    i += if b[i] == b'\\' { 2 } else { 1 };
                }
                i += 1;
                prev = Prev::Operand;
            }
            b'`' => {
                i = template_text(b, i + 1, &mut levels);
                prev = Prev::Operand;
            }
            b'/' if prev != Prev::Operand => {
                // A regular expression literal: to its closing `/`.
                i += 1;
                let mut class = false;
                while i < b.len() && b[i] != b'\n' {
                    match b[i] {
                        b'\\' => i += 1,
                        b'[' => class = true,
                        b']' => class = false,
                        b'/' if !class => break,
                        _ => {}
                    }
                    i += 1;
                }
                i += 1;
                while i < b.len() && b[i].is_ascii_alphabetic() {
                    i += 1;
                }
                prev = Prev::Operand;
            }
            b'(' | b'[' | b'{' => {
                let depth = count(&mut levels);
                if depth > MAX_NESTING {
                    return Some(start);
                }
                let statement_paren = c == b'(' && matches!(last_word, "if" | "while" | "for" | "with");
                levels.push(Level { base: depth, chain: 0, statement_paren, template: false });
                i += 1;
                prev = Prev::Start;
                last_word = "";
                continue;
            }
            b')' | b']' | b'}' => {
                let closed = if levels.len() > 1 { levels.pop() } else { None };
                i += 1;
                prev = match (c, closed) {
                    (b'}', Some(l)) if l.template => {
                        // Back in the template literal's text.
                        i = template_text(b, i, &mut levels);
                        Prev::Operand
                    }
                    (b'}', _) => Prev::Statement,
                    (b')', Some(l)) if l.statement_paren => Prev::Statement,
                    _ => Prev::Operand,
                };
            }
            b',' | b';' => {
                levels.last_mut().expect("root").chain = 0;
                i += 1;
                prev = Prev::Start;
            }
            _ if c == b'_' || c == b'$' || c.is_ascii_alphanumeric() || c >= 0x80 => {
                while i < b.len()
                    && (b[i] == b'_' || b[i] == b'$' || b[i].is_ascii_alphanumeric() || b[i] >= 0x80 || b[i] == b'.')
                {
                    // A dot inside a number (`1.5`), not a member access.
                    if b[i] == b'.' && !(c.is_ascii_digit() && b.get(i + 1).is_some_and(u8::is_ascii_digit)) {
                        break;
                    }
                    i += 1;
                }
                let word = &text[start..i];
                prev = match word {
                    "return" | "typeof" | "instanceof" | "in" | "of" | "new" | "delete" | "void" | "throw" | "case"
                    | "do" | "else" | "yield" | "await" => Prev::Start,
                    _ => Prev::Operand,
                };
                last_word = word;
                if count(&mut levels) > MAX_NESTING {
                    return Some(start);
                }
                continue;
            }
            _ => {
                // An operator or other punctuation: one token.
                i += 1;
                prev = Prev::Start;
            }
        }
        last_word = "";
        if count(&mut levels) > MAX_NESTING {
            return Some(start);
        }
    }
    None
}

/// Skips a template literal's text from `i` (after the `` ` `` or a `}`)
/// to its end, or into a `${`, which opens a level (returns the position
/// after it).
#[expect(
    clippy::indexing_slicing,
    clippy::expect_used,
    reason = "`b[i]` is behind the loop's `i < b.len()`; `levels` always holds the root level"
)]
fn template_text(b: &[u8], mut i: usize, levels: &mut Vec<Level>) -> usize {
    while i < b.len() {
        match b[i] {
            b'\\' => i += 2,
            b'`' => return i + 1,
            b'$' if b.get(i + 1) == Some(&b'{') => {
                let top = levels.last().expect("root");
                let base = top.base + top.chain;
                levels.push(Level { base, chain: 0, statement_paren: false, template: true });
                return i + 2;
            }
            _ => i += 1,
        }
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deep_scripts_are_found_and_ordinary_ones_pass() {
        let deep = [
            format!("return {}1{};", "(".repeat(3000), ")".repeat(3000)),
            format!("return {};", vec!["1"; 3000].join("+")),
            format!("var x = {}1;", "-".repeat(3000)),
            format!("var x = 1;{}x++;", "if (x) ".repeat(3000)),
            format!("return a{};", ".b".repeat(3000)),
            format!("var f = {}1{};", "function(){return ".repeat(1000), "}".repeat(1000)),
            format!("var s = `{}`;", "${`".repeat(3000)),
            // Closing brackets inside strings, regexes and comments do not
            // hide what follows.
            format!("var s = ')))', r = /[)]/; // )\n/* ) */ return {}1;", "(".repeat(3000)),
        ];
        for src in &deep {
            assert!(too_deep(src).is_some(), "{}", &src[..60.min(src.len())]);
        }
        let fine = [
            "var a = 1;\n".repeat(10_000),
            "var a = 1\nvar b = a + 2\n".repeat(5_000),
            format!("var s = {};", vec!["'x'"; 500].join(" + ")),
            format!(
                "var o = {{{}}};",
                (0..5000).map(|i| format!("k{i}: [{i}, {{v: f({i})}}]")).collect::<Vec<_>>().join(", ")
            ),
            format!(
                "if (x == 0) {{ a(); }}{}",
                (1..300).map(|i| format!(" else if (x == {i}) {{ a({i}); }}")).collect::<String>()
            ),
            "function f(a) {\n  return a / 2 / 3;\n}\nvar r = /(((x)))/g;\nvar t = `a ${f(1)} b ${[1, [2]]}`;"
                .to_string(),
        ];
        for src in &fine {
            assert_eq!(too_deep(src), None, "{}", &src[..60.min(src.len())]);
        }
    }
}
