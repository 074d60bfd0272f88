//! JavaScript regular expressions: the pattern compiler and matcher behind
//! `RegExp`, regex literals and the String methods that take one.
//!
//! Patterns are parsed and matched by `regress`, an ECMAScript regex engine
//! (Annex B syntax, JavaScript's backtracking semantics: leftmost match,
//! greedy/lazy priority, captures reset per iteration). A backtracking
//! engine can take exponential time (`/(a+)+$/` on `"aaaa…b"`) and regress
//! has no step limit, and host code is not interrupted by the run's fuel. So
//! every pattern is also translated, when it can be, into the syntax of the
//! `regex` crate, whose automata run in time linear in the input, and the
//! match runs there when the pattern nests quantifiers (where exponential
//! backtracking lives) or the input is long (where even polynomial
//! backtracking hurts). The two engines agree on what JavaScript code
//! observes except in corner cases documented in docs/known-differences.md
//! (captures of a quantified group that did not take part in the last
//! iteration). A pattern that needs backtracking (backreferences,
//! lookaround) *and* nests quantifiers is refused when it is compiled.

use crate::runtime::{Host, Obj, op};
use crate::value::{self, EXCEPTION, NULL, UNDEFINED};
use std::collections::HashMap;
use std::ops::Range;
use std::sync::{Arc, Mutex, OnceLock};

/// Inputs longer than this many bytes are matched by the linear engine.
const LONG_INPUT: usize = 2048;

/// Past this many backtracking steps in the worst case (`Shape::cost`), a
/// pattern the linear engine can run runs there.
const BACKTRACK_STEPS: f64 = 1e6;

/// Host work units a search costs besides the text it scans (setting up the
/// engine's state, building the captures).
const SEARCH_WORK: f64 = 64.0;

/// Host work units (`Host::spend`) one backtracking step is charged.
const STEP_WORK: f64 = 4.0;

/// Dynamic patterns (`new RegExp(userText)`) cached per program at most.
const CACHE_LIMIT: usize = 256;

/// Longer dynamic patterns are compiled each time instead of cached.
const CACHE_SOURCE_LIMIT: usize = 1024;

/// The flags of a regular expression.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Flags {
    pub global: bool,
    pub ignore_case: bool,
    pub multiline: bool,
    pub dot_all: bool,
    pub unicode: bool,
    pub sticky: bool,
}

impl Flags {
    fn parse(flags: &str) -> Result<Flags, String> {
        let mut f = Flags::default();
        for c in flags.chars() {
            let slot = match c {
                'g' => &mut f.global,
                'i' => &mut f.ignore_case,
                'm' => &mut f.multiline,
                's' => &mut f.dot_all,
                'u' => &mut f.unicode,
                'y' => &mut f.sticky,
                _ => return Err(format!("Invalid flags supplied to RegExp constructor '{flags}'")),
            };
            if std::mem::replace(slot, true) {
                return Err(format!("Invalid flags supplied to RegExp constructor '{flags}'"));
            }
        }
        Ok(f)
    }

    /// The flags in the canonical order of `RegExp.prototype.flags`.
    pub fn text(&self) -> String {
        let mut s = String::new();
        for (on, c) in [
            (self.global, 'g'),
            (self.ignore_case, 'i'),
            (self.multiline, 'm'),
            (self.dot_all, 's'),
            (self.unicode, 'u'),
            (self.sticky, 'y'),
        ] {
            if on {
                s.push(c);
            }
        }
        s
    }
}

/// A compiled regular expression (shared by every RegExp object made from
/// the same pattern and flags).
pub(crate) struct JsRegex {
    pub source: Arc<str>,
    pub flags: Flags,
    backtracking: regress::Regex,
    /// The pattern in `regex` crate syntax, when it has one.
    translated: Option<String>,
    /// Compiled on first use: most patterns only ever see short inputs.
    linear: OnceLock<Option<regex::Regex>>,
    /// Nested quantifiers: always matched by the linear engine.
    risky: bool,
    /// The pattern's structure, for bounding the backtracking engine's work.
    shape: Shape,
}

impl std::fmt::Debug for JsRegex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "/{}/{}", self.source, self.flags.text())
    }
}

/// One match: byte ranges of the whole match (index 0) and of each group,
/// and the names of named groups.
#[derive(Debug, Clone)]
pub(crate) struct Captures {
    pub spans: Vec<Option<Range<usize>>>,
    pub names: Vec<(Arc<str>, usize)>,
}

impl Captures {
    /// The whole match (group 0).
    pub fn whole(&self) -> Option<Range<usize>> {
        self.spans.first().cloned().flatten()
    }

    /// Group `n`, if it took part in the match.
    pub fn group(&self, n: usize) -> Option<&Range<usize>> {
        self.spans.get(n).and_then(Option::as_ref)
    }
}

impl JsRegex {
    /// Compiles `/source/flags`; the error is a SyntaxError message.
    pub fn new(source: &str, flags: &str) -> Result<JsRegex, String> {
        let f = Flags::parse(flags)?;
        let rf = regress::Flags {
            icase: f.ignore_case,
            multiline: f.multiline,
            dot_all: f.dot_all,
            unicode: f.unicode,
            ..Default::default()
        };
        let backtracking = regress::Regex::with_flags(source, rf)
            .map_err(|e| format!("Invalid regular expression: /{source}/: {e}"))?;
        let t = translate(source, &f);
        if t.risky && t.pattern.is_none() {
            return Err(format!(
                "Invalid regular expression: /{source}/: cbot refuses backreferences or lookaround inside \
                 nested quantifiers (matching could take exponential time)"
            ));
        }
        Ok(JsRegex {
            source: Arc::from(source),
            flags: f,
            backtracking,
            translated: t.pattern,
            linear: OnceLock::new(),
            risky: t.risky,
            shape: Shape::of(source),
        })
    }

    fn linear(&self) -> Option<&regex::Regex> {
        self.linear
            .get_or_init(|| {
                // Size limits keep a huge counted repetition from eating memory;
                // past them the backtracking engine runs instead.
                let p = self.translated.as_deref()?;
                regex::RegexBuilder::new(p).size_limit(4 << 20).build().ok()
            })
            .as_ref()
    }

    /// The first match starting at or after byte `start` (exactly at it
    /// when `anchored`), with its work paid through `meter`; when the run
    /// cannot pay for it, there is no match (and the run stops at its fuel
    /// limit).
    ///
    /// regress has no step limit and host code is not interrupted by fuel,
    /// so the backtracking engine only runs on what the run can pay for in
    /// the worst case (`Shape::cost`, an upper bound): a pattern whose
    /// worst case on this input is large runs on the linear engine when it
    /// can; one only backtracking can run (backreferences, lookaround) must
    /// fit in the fuel left. So `/^(.*?,){11}P/`, `/a*a*a*a*a*a*b/` or
    /// `/((a|a){16}){16}b/` cannot hang the host even on short inputs, where
    /// the nested-quantifier check (`risky`) does not see them. What is
    /// charged afterwards is the bound for the start positions tried.
    pub fn find_at(&self, text: &str, start: usize, anchored: bool, meter: &dyn Meter) -> Option<Captures> {
        if start > text.len() {
            return None;
        }
        let n = text.len() - start;
        let mut linear = if self.risky || text.len() > LONG_INPUT { self.linear() } else { None };
        let mut per_start = 0.0;
        if linear.is_none() {
            per_start = self.shape.cost(n as f64).0.max(1.0);
            let worst = (n as f64 + 1.0) * per_start;
            if worst > BACKTRACK_STEPS {
                linear = self.linear();
            }
            if linear.is_none() && !meter.afford(units(worst * STEP_WORK)) {
                return None;
            }
        }
        let caps = self.search(text, start, linear);
        // Paid afterwards: for the linear engine the text scanned, for
        // backtracking the bound for each start position tried.
        let found = caps.as_ref().and_then(|c| c.whole());
        let work = match linear {
            Some(_) => found.as_ref().map_or(n, |m| m.end - start) as f64 + SEARCH_WORK,
            None => (found.as_ref().map_or(n, |m| m.start - start) as f64 + 1.0) * per_start * STEP_WORK,
        };
        meter.spend(units(work));
        let caps = caps?;
        let at = found.map_or(0, |r| r.start);
        (!anchored || at == start).then_some(caps)
    }

    /// The first match at or after byte `start`, on the linear engine when
    /// given one, else by backtracking.
    fn search(&self, text: &str, start: usize, linear: Option<&regex::Regex>) -> Option<Captures> {
        Some(match linear {
            Some(re) => {
                let c = re.captures_at(text, start)?;
                let spans = (0..c.len()).map(|i| c.get(i).map(|m| m.range())).collect();
                let names = re.capture_names().enumerate().filter_map(|(i, n)| n.map(|n| (Arc::from(n), i))).collect();
                Captures { spans, names }
            }
            None => {
                let m = self.backtracking.find_from(text, start).next()?;
                let mut spans = vec![Some(m.range())];
                spans.extend(m.captures.iter().cloned());
                let mut names: Vec<(Arc<str>, usize)> = Vec::new();
                for (name, range) in m.named_groups() {
                    // The group whose span this is (names are unique).
                    let i = spans.iter().skip(1).position(|s| *s == range).map_or(0, |i| i + 1);
                    names.push((Arc::from(name), i));
                }
                Captures { spans, names }
            }
        })
    }
}

/// How a search pays for its work (see [`JsRegex::find_at`]).
pub(crate) trait Meter {
    /// Whether the run can still pay `units` of host work; when it cannot,
    /// the run stops at its fuel limit after this operation.
    fn afford(&self, units: u64) -> bool;
    /// Records `units` of host work done.
    fn spend(&self, units: u64);
    /// Charges `bytes` the search results take to the heap quota; `false`
    /// when the run is out of quota (or otherwise stopped).
    fn hold(&self, bytes: usize) -> bool;
}

impl Meter for Host {
    fn afford(&self, units: u64) -> bool {
        if self.work.get().saturating_add(units) > self.work_left {
            self.trip(crate::Limit::Fuel);
            return false;
        }
        true
    }

    fn spend(&self, units: u64) {
        self.add_work(units);
    }

    fn hold(&self, bytes: usize) -> bool {
        self.charge_text(bytes);
        self.tripped.get().is_none()
    }
}

/// No metering (tests).
#[cfg(test)]
struct Unmetered;

#[cfg(test)]
impl Meter for Unmetered {
    fn afford(&self, _: u64) -> bool {
        true
    }

    fn spend(&self, _: u64) {}

    fn hold(&self, _: usize) -> bool {
        true
    }
}

/// Work as a whole number of units (saturating: a bound can be 1e30).
fn units(work: f64) -> u64 {
    if work >= u64::MAX as f64 { u64::MAX } else { work as u64 }
}

/// Compiled patterns of one program, shared by its runs: literals are
/// compiled with the program, `new RegExp(text)` on first use.
#[derive(Default)]
pub(crate) struct RegexCache(Mutex<HashMap<RegexKey, Arc<JsRegex>>>);

/// (source, flags)
type RegexKey = (Arc<str>, Arc<str>);

impl RegexCache {
    /// A regex literal of the program: cached whatever its size (it is
    /// part of the bot, not made by a script).
    pub fn literal(&self, source: &str, flags: &str) -> Result<Arc<JsRegex>, String> {
        let re = self.get(source, flags)?;
        let key: RegexKey = (Arc::from(source), Arc::from(flags));
        self.0.lock().unwrap_or_else(|e| e.into_inner()).entry(key).or_insert_with(|| re.clone());
        Ok(re)
    }

    pub fn get(&self, source: &str, flags: &str) -> Result<Arc<JsRegex>, String> {
        let key: RegexKey = (Arc::from(source), Arc::from(flags));
        if let Some(re) = self.0.lock().unwrap_or_else(|e| e.into_inner()).get(&key) {
            return Ok(re.clone());
        }
        let re = Arc::new(JsRegex::new(source, flags)?);
        let mut map = self.0.lock().unwrap_or_else(|e| e.into_inner());
        // The cache outlives runs (every conversation of the bot shares
        // it), so what scripts can put in it is bounded in size too.
        if map.len() < CACHE_LIMIT && source.len() <= CACHE_SOURCE_LIMIT {
            map.insert(key, re.clone());
        }
        Ok(re)
    }
}

/// A pattern's structure as far as backtracking cares: what can match in
/// more than one way, and how often it is tried.
#[derive(Debug, Clone, PartialEq)]
enum Shape {
    /// One character, class or assertion.
    Atom,
    /// A backreference: compares up to the whole input.
    BackRef,
    Seq(Vec<Shape>),
    Alt(Vec<Shape>),
    /// A quantifier: minimum and maximum (`None`: unbounded) iterations.
    Repeat(Box<Shape>, u32, Option<u32>),
    /// Lookahead or lookbehind: explored, then never backtracked into.
    Look(Box<Shape>),
}

impl Shape {
    /// The shape of a pattern regress accepted (so this reader can be
    /// lenient: anything it does not know is one atom).
    fn of(source: &str) -> Shape {
        let chars: Vec<char> = source.chars().collect();
        let mut i = 0;
        Shape::alternatives(&chars, &mut i, 0)
    }

    fn alternatives(chars: &[char], i: &mut usize, depth: usize) -> Shape {
        let mut alts = vec![Shape::sequence(chars, i, depth)];
        while chars.get(*i) == Some(&'|') {
            *i += 1;
            alts.push(Shape::sequence(chars, i, depth));
        }
        if alts.len() == 1 { alts.pop().unwrap_or(Shape::Atom) } else { Shape::Alt(alts) }
    }

    fn sequence(chars: &[char], i: &mut usize, depth: usize) -> Shape {
        let mut items = Vec::new();
        while let Some(&c) = chars.get(*i) {
            if c == '|' || c == ')' {
                break;
            }
            *i += 1;
            let atom = match c {
                '\\' => {
                    let e = chars.get(*i).copied().unwrap_or('\\');
                    *i += 1;
                    let skip_braces = |i: &mut usize| {
                        if chars.get(*i) == Some(&'{') {
                            while chars.get(*i).is_some_and(|c| *c != '}') {
                                *i += 1;
                            }
                            *i += 1;
                        }
                    };
                    match e {
                        '1'..='9' => {
                            while chars.get(*i).is_some_and(char::is_ascii_digit) {
                                *i += 1;
                            }
                            Shape::BackRef
                        }
                        'k' if chars.get(*i) == Some(&'<') => {
                            while chars.get(*i).is_some_and(|c| *c != '>') {
                                *i += 1;
                            }
                            *i += 1;
                            Shape::BackRef
                        }
                        'u' | 'p' | 'P' => {
                            skip_braces(i);
                            Shape::Atom
                        }
                        'c' => {
                            *i += 1;
                            Shape::Atom
                        }
                        _ => Shape::Atom,
                    }
                }
                '[' => {
                    // To the class's closing bracket (a `]` first is a member).
                    let mut first = true;
                    while let Some(&d) = chars.get(*i) {
                        *i += 1;
                        match d {
                            '\\' => *i += 1,
                            ']' if !first => break,
                            _ => {}
                        }
                        first = d == '^' && first;
                    }
                    Shape::Atom
                }
                '(' => {
                    let rest: String = chars.iter().skip(*i).take(3).collect();
                    let look = rest.starts_with("?=")
                        || rest.starts_with("?!")
                        || rest.starts_with("?<=")
                        || rest.starts_with("?<!");
                    if rest.starts_with('?') {
                        // Past `?:`, `?=`, `?!`, `?<=`, `?<!` or `?<name>`.
                        if rest.starts_with("?<") && !look {
                            while chars.get(*i).is_some_and(|c| *c != '>') {
                                *i += 1;
                            }
                            *i += 1;
                        } else {
                            *i += if rest.starts_with("?<") { 3 } else { 2 };
                        }
                    }
                    // regress refuses deep nesting; the bound is a guard.
                    let inner = if depth > 200 { Shape::Atom } else { Shape::alternatives(chars, i, depth + 1) };
                    *i += 1; // `)`
                    if look { Shape::Look(Box::new(inner)) } else { inner }
                }
                _ => Shape::Atom,
            };
            // A quantifier on the atom.
            let q = match chars.get(*i) {
                Some('*') => Some((0, None, 1)),
                Some('+') => Some((1, None, 1)),
                Some('?') => Some((0, Some(1), 1)),
                Some('{') => counted(chars, *i + 1).map(|(a, b, len)| (a, b, len + 1)),
                _ => None,
            };
            match q {
                Some((min, max, len)) => {
                    *i += len;
                    if chars.get(*i) == Some(&'?') {
                        *i += 1;
                    }
                    items.push(Shape::Repeat(Box::new(atom), min, max));
                }
                None => items.push(atom),
            }
        }
        if items.len() == 1 { items.pop().unwrap_or(Shape::Atom) } else { Shape::Seq(items) }
    }

    /// An upper bound on the backtracking engine's work on this part of the
    /// pattern with at most `n` characters left, when whatever follows it
    /// fails: (steps to explore it fully, ways it can succeed, each of
    /// which whatever follows is tried after). Sequences multiply,
    /// alternatives add, a quantifier of k iterations over a part with b
    /// ways tries 1 + b + … + b^(k−1) bodies; an iteration after the
    /// minimum must consume a character, so k ≤ minimum + n.
    fn cost(&self, n: f64) -> (f64, f64) {
        const CAP: f64 = 1e30;
        let (c, b) = match self {
            Shape::Atom => (1.0, 1.0),
            Shape::BackRef => (n + 1.0, 1.0),
            Shape::Look(inner) => (inner.cost(n).0 + 1.0, 1.0),
            Shape::Seq(items) => {
                // From the end: each way the part before succeeds tries
                // what follows it.
                let (mut c, mut b) = (0.0, 1.0);
                for item in items.iter().rev() {
                    let (ci, bi) = item.cost(n);
                    c = ci + bi * c;
                    b *= bi;
                }
                (c, b)
            }
            Shape::Alt(alts) => alts.iter().map(|a| a.cost(n)).fold((0.0, 0.0), |(c, b), (ci, bi)| (c + ci, b + bi)),
            Shape::Repeat(body, min, max) => {
                let (c, b) = body.cost(n);
                let k = max.map_or(f64::INFINITY, f64::from).min(f64::from(*min) + n);
                // 1 + b + … + b^m
                let sum = |m: f64| {
                    if m < 0.0 {
                        0.0
                    } else if b <= 1.0 {
                        m + 1.0
                    } else {
                        ((m + 1.0) * b.ln()).exp() / (b - 1.0)
                    }
                };
                (c * sum(k - 1.0), sum(k))
            }
        };
        (c.min(CAP), b.min(CAP))
    }
}

struct Translation {
    pattern: Option<String>,
    risky: bool,
}

/// JavaScript's `\s` (WhiteSpace and LineTerminator, ES5 §15.10.2.12).
const SPACE: &str = r"\x{9}-\x{D}\x{20}\x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}";
const DIGIT: &str = r"\x{30}-\x{39}";
const WORD: &str = r"\x{30}-\x{39}\x{41}-\x{5A}\x{61}-\x{7A}\x{5F}";

/// Per open group: whether its body has a variable quantifier or an
/// alternation (what makes an enclosing quantifier ambiguous).
struct Frame {
    variable: bool,
}

/// Translates a (regress-validated) JavaScript pattern into `regex` crate
/// syntax; `pattern` is `None` when it needs backtracking (backreferences,
/// lookaround) or uses syntax this translator does not handle.
fn translate(source: &str, flags: &Flags) -> Translation {
    let chars: Vec<char> = source.chars().collect();
    let mut out = String::new();
    if flags.ignore_case {
        out.push_str("(?i)");
    }
    if flags.multiline {
        out.push_str("(?m)");
    }
    let mut ok = true;
    let mut risky = false;
    let mut stack = vec![Frame { variable: false }];
    // What the last atom was: a group (with its body's `variable`) or other.
    let mut last_group: Option<bool> = None;
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        i += 1;
        let mut atom_group = None;
        match c {
            '\\' => {
                let Some(&e) = chars.get(i) else {
                    ok = false;
                    break;
                };
                i += 1;
                match escape(&chars, &mut i, e, false) {
                    Some(Esc::Char(c)) => out.push_str(&hex(c)),
                    Some(Esc::Text(t)) => out.push_str(&t),
                    None => ok = false,
                }
            }
            '.' => out.push_str(if flags.dot_all { r"(?s:.)" } else { r"[^\n\r\x{2028}\x{2029}]" }),
            '(' => {
                if chars.get(i) == Some(&'?') {
                    match (chars.get(i + 1), chars.get(i + 2)) {
                        (Some(':'), _) => {
                            out.push_str("(?:");
                            i += 2;
                        }
                        (Some('<'), Some(n)) if *n != '=' && *n != '!' => {
                            let name: String = chars.iter().skip(i + 2).take_while(|c| **c != '>').collect();
                            // Names the `regex` crate accepts (ASCII words).
                            if !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                                ok = false;
                            }
                            out.push_str(&format!("(?P<{name}>"));
                            i += 2 + name.chars().count() + 1;
                        }
                        _ => {
                            // Lookahead / lookbehind.
                            ok = false;
                            out.push('(');
                        }
                    }
                } else {
                    out.push('(');
                }
                stack.push(Frame { variable: false });
            }
            ')' => {
                out.push(')');
                let inner = stack.pop().is_some_and(|f| f.variable);
                if stack.is_empty() {
                    ok = false;
                    stack.push(Frame { variable: false });
                }
                atom_group = Some(inner);
            }
            '|' => {
                out.push('|');
                if let Some(f) = stack.last_mut() {
                    f.variable = true;
                }
            }
            '[' => match class(&chars, &mut i) {
                Some(s) => out.push_str(&s),
                None => ok = false,
            },
            '*' | '+' | '?' | '{' => {
                let quant = if c == '{' { counted(&chars, i) } else { None };
                let (min, max, len) = match c {
                    '*' => (0, None, 0),
                    '+' => (1, None, 0),
                    '?' => (0, Some(1), 0),
                    _ => match quant {
                        Some(q) => q,
                        None => {
                            // Annex B: a `{` that starts no quantifier is a literal.
                            out.push_str(r"\{");
                            last_group = None;
                            continue;
                        }
                    },
                };
                let text: String = chars.get(i.saturating_sub(1)..i + len).unwrap_or_default().iter().collect();
                i += len;
                out.push_str(&text);
                if chars.get(i) == Some(&'?') {
                    out.push('?');
                    i += 1;
                }
                let unbounded = max.is_none_or(|m| m > 16);
                if unbounded && last_group == Some(true) {
                    risky = true;
                }
                if let Some(f) = stack.last_mut() {
                    f.variable |= max != Some(min) || last_group == Some(true);
                }
                last_group = None;
                continue;
            }
            _ => {
                if c == '^' || c == '$' {
                    out.push(c);
                } else {
                    out.push_str(&hex(c as u32));
                }
            }
        }
        if atom_group == Some(true)
            && let Some(f) = stack.last_mut()
        {
            f.variable = true;
        }
        last_group = atom_group;
    }
    Translation { pattern: ok.then_some(out), risky }
}

/// `{n}`, `{n,}`, `{n,m}` starting after the `{` at `chars[i - 1]`:
/// (min, max, characters after the `{`).
fn counted(chars: &[char], i: usize) -> Option<(u32, Option<u32>, usize)> {
    // Only digits and a comma can come before the `}`: stop at anything
    // else (a pattern of many `{` would otherwise be scanned to its end
    // at each of them).
    let rest: String = chars.iter().skip(i).take_while(|c| c.is_ascii_digit() || **c == ',').collect();
    if chars.get(i + rest.chars().count()) != Some(&'}') {
        return None;
    }
    let len = rest.chars().count() + 1;
    let num = |s: &str| (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok()).flatten();
    match rest.split_once(',') {
        None => num(&rest).map(|n| (n, Some(n), len)),
        Some((a, "")) => num(a).map(|n| (n, None, len)),
        Some((a, b)) => Some((num(a)?, Some(num(b)?), len)),
    }
}

/// What an escape stands for.
enum Esc {
    Char(u32),
    /// A class or an assertion, already in `regex` syntax.
    Text(String),
}

fn hex(c: u32) -> String {
    format!("\\x{{{c:X}}}")
}

/// One escape after a backslash (`e` already consumed), in `regex` syntax;
/// inside a class, class shorthands become class items.
fn escape(chars: &[char], i: &mut usize, e: char, in_class: bool) -> Option<Esc> {
    let set = |items: &str, negated: bool| {
        Esc::Text(if negated {
            format!("[^{items}]")
        } else if in_class {
            items.to_string()
        } else {
            format!("[{items}]")
        })
    };
    Some(match e {
        'd' => set(DIGIT, false),
        'D' => set(DIGIT, true),
        'w' => set(WORD, false),
        'W' => set(WORD, true),
        's' => set(SPACE, false),
        'S' => set(SPACE, true),
        'b' if in_class => Esc::Char(8),
        'b' => Esc::Text(r"(?-u:\b)".into()),
        'B' => Esc::Text(r"(?-u:\B)".into()),
        't' => Esc::Char(9),
        'n' => Esc::Char(10),
        'v' => Esc::Char(11),
        'f' => Esc::Char(12),
        'r' => Esc::Char(13),
        '0' if !chars.get(*i).is_some_and(char::is_ascii_digit) => Esc::Char(0),
        // Backreferences (and legacy octal escapes, which need the group count).
        '0'..='9' | 'k' => return None,
        // Unicode property escapes.
        'p' | 'P' => return None,
        'c' => match chars.get(*i) {
            Some(l) if l.is_ascii_alphabetic() => {
                *i += 1;
                Esc::Char(*l as u32 % 32)
            }
            // Annex B: a `\c` without a letter is a backslash and a `c`.
            _ => return None,
        },
        'x' => {
            let h: String = chars.get(*i..*i + 2).map(|s| s.iter().collect()).unwrap_or_default();
            match u32::from_str_radix(&h, 16) {
                Ok(v) if h.len() == 2 && h.bytes().all(|b| b.is_ascii_hexdigit()) => {
                    *i += 2;
                    Esc::Char(v)
                }
                _ => Esc::Char('x' as u32),
            }
        }
        'u' => {
            if chars.get(*i) == Some(&'{') {
                let end = chars.iter().skip(*i).position(|c| *c == '}')?;
                let h: String = chars.get(*i + 1..*i + end).unwrap_or_default().iter().collect();
                let v = u32::from_str_radix(&h, 16).ok()?;
                *i += end + 1;
                Esc::Char(v)
            } else {
                let h: String = chars.get(*i..*i + 4).map(|s| s.iter().collect()).unwrap_or_default();
                match u32::from_str_radix(&h, 16) {
                    Ok(v) if h.len() == 4 && h.bytes().all(|b| b.is_ascii_hexdigit()) => {
                        *i += 4;
                        // A lone surrogate cannot occur in the (UTF-8) input.
                        if (0xD800..0xE000).contains(&v) {
                            return None;
                        }
                        Esc::Char(v)
                    }
                    _ => Esc::Char('u' as u32),
                }
            }
        }
        // Identity escape.
        other => Esc::Char(other as u32),
    })
}

/// A character class starting after its `[`; consumes through the `]`.
fn class(chars: &[char], i: &mut usize) -> Option<String> {
    let negated = chars.get(*i) == Some(&'^');
    if negated {
        *i += 1;
    }
    // One class atom: a character or a set (shorthand).
    let atom = |i: &mut usize| -> Option<Esc> {
        let c = *chars.get(*i)?;
        *i += 1;
        if c == '\\' {
            let e = *chars.get(*i)?;
            *i += 1;
            escape(chars, i, e, true)
        } else {
            Some(Esc::Char(c as u32))
        }
    };
    let mut items = String::new();
    while *chars.get(*i)? != ']' {
        let a = atom(i)?;
        // `a-b` is a range when both ends are characters; otherwise (Annex
        // B) the `-` is a literal.
        if chars.get(*i) == Some(&'-') && chars.get(*i + 1).is_some_and(|c| *c != ']') {
            *i += 1;
            let b = atom(i)?;
            match (a, b) {
                (Esc::Char(x), Esc::Char(y)) => items.push_str(&format!("{}-{}", hex(x), hex(y))),
                (a, b) => {
                    for e in [a, Esc::Char('-' as u32), b] {
                        items.push_str(&match e {
                            Esc::Char(c) => hex(c),
                            Esc::Text(t) => t,
                        });
                    }
                }
            }
            continue;
        }
        items.push_str(&match a {
            Esc::Char(c) => hex(c),
            Esc::Text(t) => t,
        });
    }
    *i += 1;
    if items.is_empty() {
        // `[]` matches nothing, `[^]` anything.
        return Some(if negated { r"(?s:.)".into() } else { r"[^\x{0}-\x{10FFFF}]".into() });
    }
    Some(format!("[{}{items}]", if negated { "^" } else { "" }))
}

// ---- the RegExp object and the String methods that take one ----

/// A RegExp object: its compiled pattern and its `lastIndex`.
#[derive(Debug, Clone)]
pub(crate) struct RegExpObj {
    pub re: Arc<JsRegex>,
    /// Any value (scripts may assign anything); read with ToInteger.
    pub last_index: i64,
}

/// `source` as a regex literal would spell it: `/` outside classes and
/// line terminators escaped.
fn escape_source(p: &str) -> String {
    let mut out = String::with_capacity(p.len());
    let (mut in_class, mut escaped) = (false, false);
    for c in p.chars() {
        match c {
            '\n' => out.push_str(if escaped { "n" } else { "\\n" }),
            '\r' => out.push_str(if escaped { "r" } else { "\\r" }),
            '\u{2028}' => out.push_str(if escaped { "u2028" } else { "\\u2028" }),
            '\u{2029}' => out.push_str(if escaped { "u2029" } else { "\\u2029" }),
            '/' if !escaped && !in_class => out.push_str("\\/"),
            _ => {
                if !escaped {
                    match c {
                        '[' => in_class = true,
                        ']' => in_class = false,
                        _ => {}
                    }
                }
                out.push(c);
            }
        }
        escaped = !escaped && c == '\\';
    }
    out
}

/// The UTF-16 index of byte offset `byte` of `s` (JavaScript indices).
pub(crate) fn utf16_index(s: &str, byte: usize) -> usize {
    if s.is_ascii() {
        return byte;
    }
    s[..byte].encode_utf16().count()
}

/// The byte offset of UTF-16 index `i` of `s` (the end when past it; an
/// index inside a surrogate pair rounds up to the next character).
pub(crate) fn byte_index(s: &str, i: usize) -> usize {
    if s.is_ascii() {
        return i.min(s.len());
    }
    let mut units = 0;
    for (b, c) in s.char_indices() {
        if units >= i {
            return b;
        }
        units += c.len_utf16();
    }
    s.len()
}

/// The byte offset just after the character at `byte`.
fn next_char(s: &str, byte: usize) -> usize {
    byte + s[byte..].chars().next().map_or(1, char::len_utf8)
}

/// Every match of `re` in `s` from byte `from` (String.prototype.match
/// and replace with the `g` flag, ES5 §15.5.4.10): an empty match moves on
/// by one character.
fn all_matches(re: &JsRegex, s: &str, from: usize, meter: &dyn Meter) -> Vec<Captures> {
    let mut out = Vec::new();
    let mut pos = from;
    while pos <= s.len() {
        let Some(c) = re.find_at(s, pos, re.flags.sticky, meter) else { break };
        let m = c.whole().unwrap_or(0..0);
        pos = if m.is_empty() { next_char(s, m.end) } else { m.end };
        // The matches are held until the caller is done with them: they
        // count against the heap quota (a million one-letter matches).
        if !meter.hold(32 + 16 * c.spans.len()) {
            break;
        }
        out.push(c);
    }
    out
}

/// Expands a replacement template (ES5 §15.5.4.11 table 22): `$$`, `$&`,
/// `` $` ``, `$'`, `$n`/`$nn` (when that group exists) and `$<name>`.
fn expand(template: &str, s: &str, c: &Captures) -> String {
    let m = c.whole().unwrap_or(0..0);
    let groups = c.spans.len() - 1;
    let mut out = String::with_capacity(template.len());
    let b = template.as_bytes();
    let mut i = 0;
    while let Some(&here) = b.get(i) {
        let Some(&next) = b.get(i + 1).filter(|_| here == b'$') else {
            let ch = template[i..].chars().next().unwrap_or('$');
            out.push(ch);
            i += ch.len_utf8();
            continue;
        };
        match next {
            b'$' => {
                out.push('$');
                i += 2;
            }
            b'&' => {
                out.push_str(&s[m.clone()]);
                i += 2;
            }
            b'`' => {
                out.push_str(&s[..m.start]);
                i += 2;
            }
            b'\'' => {
                out.push_str(&s[m.end..]);
                i += 2;
            }
            b'0'..=b'9' => {
                let one = usize::from(next - b'0');
                let two = b.get(i + 2).filter(|d| d.is_ascii_digit()).map(|d| one * 10 + usize::from(d - b'0'));
                let (n, len) = match two {
                    Some(n) if (1..=groups).contains(&n) => (n, 3),
                    _ => (one, 2),
                };
                if (1..=groups).contains(&n) {
                    if let Some(r) = c.group(n) {
                        out.push_str(&s[r.clone()]);
                    }
                    i += len;
                } else {
                    out.push('$');
                    i += 1;
                }
            }
            b'<' if !c.names.is_empty() => match template[i + 2..].find('>') {
                Some(end) => {
                    let name = &template[i + 2..i + 2 + end];
                    if let Some(r) = c.names.iter().find(|n| &*n.0 == name).and_then(|n| c.group(n.1)) {
                        out.push_str(&s[r.clone()]);
                    }
                    i += 3 + end;
                }
                None => {
                    out.push('$');
                    i += 1;
                }
            },
            _ => {
                out.push('$');
                i += 1;
            }
        }
    }
    out
}

impl Host {
    /// `new RegExp(pattern, flags)` / `RegExp(pattern, flags)` (ES5 §15.10.4).
    pub(crate) fn regexp_new(&mut self, pattern: i64, flags: i64) -> i64 {
        let (source, inherited) = match self.obj(pattern) {
            Some(Obj::RegExp(r)) => (r.re.source.to_string(), Some(r.re.flags.text())),
            _ if pattern == UNDEFINED => ("(?:)".to_string(), None),
            _ => (self.to_js_string(pattern), None),
        };
        let flags = match (flags, inherited) {
            (UNDEFINED, Some(f)) => f,
            (UNDEFINED, None) => String::new(),
            (f, _) => self.to_js_string(f),
        };
        // An empty pattern reads back as `(?:)`, and `source` escapes what
        // would end or break a literal (ES2015 §21.2.3.2.4 EscapeRegExpPattern).
        let source = if source.is_empty() { "(?:)".to_string() } else { escape_source(&source) };
        // Compiling a pattern is host work, far more per byte than
        // scanning text (a literal's is compiled with the program, and
        // found in the cache).
        self.add_work(64 * source.len() as u64);
        match self.regexes.get(&source, &flags) {
            Ok(re) => self.alloc(Obj::RegExp(Box::new(RegExpObj { re, last_index: value::number(0.0) })), 64),
            Err(message) => self.throw("SyntaxError", message),
        }
    }

    /// A regex literal: its compiled pattern is in the program's cache.
    pub(crate) fn regexp_literal(&mut self, source: i64, flags: i64) -> i64 {
        self.regexp_new(source, flags)
    }

    fn regexp(&self, v: i64) -> Option<&RegExpObj> {
        match self.obj(v) {
            Some(Obj::RegExp(r)) => Some(r),
            _ => None,
        }
    }

    pub(crate) fn is_regexp(&self, v: i64) -> bool {
        self.regexp(v).is_some()
    }

    fn set_last_index(&mut self, re: i64, i: usize) {
        if let Some(Obj::RegExp(r)) = value::as_reference(re).and_then(|slot| self.heap_mut(slot)) {
            r.last_index = value::number(i as f64);
        }
    }

    /// A property of a RegExp object (`source`, the flags, `lastIndex`).
    pub(crate) fn regexp_get(&mut self, re: i64, key: &str) -> Option<i64> {
        let r = self.regexp(re)?;
        let f = r.re.flags;
        Some(match key {
            "lastIndex" => r.last_index,
            "source" => {
                let s = r.re.source.clone();
                self.string(s)
            }
            "flags" => {
                let s = f.text();
                self.string(s)
            }
            "global" => value::boolean(f.global),
            "ignoreCase" => value::boolean(f.ignore_case),
            "multiline" => value::boolean(f.multiline),
            "dotAll" => value::boolean(f.dot_all),
            "unicode" => value::boolean(f.unicode),
            "sticky" => value::boolean(f.sticky),
            _ => return None,
        })
    }

    /// `re.lastIndex = v` (the only writable property).
    pub(crate) fn regexp_set(&mut self, re: i64, key: &str, v: i64) -> bool {
        if key != "lastIndex" {
            return false;
        }
        if let Some(Obj::RegExp(r)) = value::as_reference(re).and_then(|slot| self.heap_mut(slot)) {
            r.last_index = v;
        }
        true
    }

    /// RegExp.prototype.exec's matching step (ES2015 §21.2.5.2.2): where
    /// to start, what to do with `lastIndex`. Returns the match.
    fn regexp_exec_raw(&mut self, re: i64, s: &str) -> Option<Captures> {
        let r = self.regexp(re)?.clone();
        let f = r.re.flags;
        let from = if f.global || f.sticky {
            let li = self.to_number(r.last_index);
            // ToLength (ES2015 §21.2.5.2.2): negatives count as 0.
            let li = if li.is_nan() { 0.0 } else { li.trunc().max(0.0) };
            // Measuring the string and finding the index in it: host work.
            self.add_work(s.len() as u64);
            let units = if s.is_ascii() { s.len() } else { s.encode_utf16().count() };
            if li > units as f64 {
                self.set_last_index(re, 0);
                return None;
            }
            byte_index(s, li as usize)
        } else {
            0
        };
        match r.re.find_at(s, from, f.sticky, &*self) {
            Some(c) => {
                if f.global || f.sticky {
                    let end = c.whole().map_or(0, |m| m.end);
                    self.set_last_index(re, utf16_index(s, end));
                }
                Some(c)
            }
            None => {
                if f.global || f.sticky {
                    self.set_last_index(re, 0);
                }
                None
            }
        }
    }

    /// The match and each group as strings (`undefined` for a group that
    /// did not take part).
    fn capture_values(&mut self, s: &str, c: &Captures) -> Vec<i64> {
        c.spans
            .iter()
            .map(|r| match r {
                Some(r) => self.string(&s[r.clone()]),
                None => UNDEFINED,
            })
            .collect()
    }

    /// The `groups` object of a match with named groups: each name to its
    /// group's value in `values` (from `capture_values`).
    fn groups_object(&mut self, c: &Captures, values: &[i64]) -> i64 {
        let g = self.alloc_object(NULL);
        for (name, i) in c.names.clone() {
            let v = values.get(i).copied().unwrap_or(UNDEFINED);
            let k = self.string(name);
            self.op3(op::PUT, g, k, v);
        }
        g
    }

    /// The array `exec` and non-global `match` return: the match, the
    /// groups (`undefined` when a group did not take part), and the
    /// `index`, `input` and `groups` properties.
    fn match_array(&mut self, s: &Arc<str>, c: &Captures) -> i64 {
        let items = self.capture_values(s, c);
        let index = c.whole().map_or(0, |m| utf16_index(s, m.start));
        let groups = if c.names.is_empty() { UNDEFINED } else { self.groups_object(c, &items) };
        let arr = self.alloc_array(items);
        let input = self.string(s.clone());
        self.set_array_prop(arr, "index", value::number(index as f64));
        self.set_array_prop(arr, "input", input);
        self.set_array_prop(arr, "groups", groups);
        arr
    }

    /// `test`, `exec` and `toString` of a RegExp object.
    pub(crate) fn regexp_method(&mut self, re: i64, name: &str, argv: &[i64]) -> i64 {
        let arg = argv.first().copied().unwrap_or(UNDEFINED);
        match name {
            "test" | "exec" => {
                let s: Arc<str> = Arc::from(self.to_js_string(arg));
                let m = self.regexp_exec_raw(re, &s);
                match (name, m) {
                    ("test", m) => value::boolean(m.is_some()),
                    (_, Some(c)) => self.match_array(&s, &c),
                    (_, None) => NULL,
                }
            }
            "toString" => {
                let text = self.to_js_string(re);
                self.string(text)
            }
            _ => self.throw("TypeError", format!("RegExp has no method '{name}'")),
        }
    }

    /// The matches a `replace`/`replaceAll` makes, as (captures) in order;
    /// `None` after recording a TypeError.
    pub(crate) fn replace_matches(&mut self, s: &str, pattern: i64, all: bool) -> Option<Vec<Captures>> {
        if let Some(r) = self.regexp(pattern) {
            let global = r.re.flags.global;
            if all && !global {
                self.throw("TypeError", "replaceAll must be called with a global RegExp");
                return None;
            }
            if global {
                let re = r.re.clone();
                self.set_last_index(pattern, 0);
                return Some(all_matches(&re, s, 0, &*self));
            }
            return Some(self.regexp_exec_raw(pattern, s).into_iter().collect());
        }
        // A string pattern: its first occurrence, or every one (replaceAll).
        let needle = self.to_js_string(pattern);
        let mut out = Vec::new();
        let mut pos = 0;
        while pos <= s.len() {
            let Some(at) = s[pos..].find(needle.as_str()).map(|i| i + pos) else { break };
            out.push(Captures { spans: vec![Some(at..at + needle.len())], names: Vec::new() });
            if !all {
                break;
            }
            pos = if needle.is_empty() { next_char(s, at) } else { at + needle.len() };
        }
        Some(out)
    }

    /// Splices `replacements` (one per match) into `s`.
    pub(crate) fn splice_replacements(&mut self, s: &str, matches: &[Captures], replacements: &[String]) -> i64 {
        let mut out = String::with_capacity(s.len());
        let mut last = 0;
        for (c, r) in matches.iter().zip(replacements) {
            let m = c.whole().unwrap_or(0..0);
            out.push_str(&s[last..m.start]);
            out.push_str(r);
            last = m.end;
        }
        out.push_str(&s[last..]);
        if !self.charge(out.len()) {
            return UNDEFINED;
        }
        self.string(out)
    }

    /// The arguments of a replacer function for one match: the match, the
    /// groups, the UTF-16 offset, the whole string, and the named groups
    /// object when the pattern has named groups.
    pub(crate) fn replacer_args(&mut self, s: &Arc<str>, c: &Captures, whole: i64) -> Vec<i64> {
        let mut argv = self.capture_values(s, c);
        // The index is counted from the start of the string: host work.
        self.add_work(c.whole().map_or(0, |m| m.start) as u64);
        let at = c.whole().map_or(0, |m| utf16_index(s, m.start));
        argv.push(value::number(at as f64));
        argv.push(whole);
        if !c.names.is_empty() {
            let g = self.groups_object(c, &argv);
            argv.push(g);
        }
        argv
    }

    /// `replace`/`replaceAll` with a replacement string (a function
    /// replacer is handled in calls.rs, which can call it).
    pub(crate) fn replace_with_template(&mut self, s: &str, pattern: i64, template: i64, all: bool) -> i64 {
        let Some(matches) = self.replace_matches(s, pattern, all) else { return EXCEPTION };
        let template = self.to_js_string(template);
        // Measured as they are made: a long template (or `$'`) for each of
        // many matches could ask for far more than the heap quota.
        let room = self.heap_room();
        let mut size = 0;
        let mut replacements: Vec<String> = Vec::with_capacity(matches.len());
        for c in &matches {
            let r = expand(&template, s, c);
            size += r.len();
            if size > room {
                self.charge(size);
                return UNDEFINED;
            }
            replacements.push(r);
        }
        self.add_work(size as u64);
        self.splice_replacements(s, &matches, &replacements)
    }

    /// `match`, `search` and `split` with a RegExp argument.
    pub(crate) fn string_regexp_method(&mut self, s: &Arc<str>, name: &str, re: i64, argv: &[i64]) -> i64 {
        let Some(r) = self.regexp(re).map(|r| r.re.clone()) else { return UNDEFINED };
        match name {
            "match" if r.flags.global => {
                self.set_last_index(re, 0);
                let found: Vec<Range<usize>> =
                    all_matches(&r, s, 0, &*self).into_iter().filter_map(|c| c.whole()).collect();
                if found.is_empty() {
                    return NULL;
                }
                let items = found.into_iter().map(|m| self.string(&s[m])).collect();
                self.alloc_array(items)
            }
            "match" => match self.regexp_exec_raw(re, s) {
                Some(c) => self.match_array(s, &c),
                None => NULL,
            },
            "search" => {
                // Ignores `g` and `lastIndex` (ES5 §15.5.4.12).
                let at = r.find_at(s, 0, r.flags.sticky, &*self).and_then(|c| c.whole());
                value::number(at.map_or(-1.0, |m| utf16_index(s, m.start) as f64))
            }
            "split" => {
                let limit = match argv.get(1) {
                    None | Some(&UNDEFINED) => u32::MAX,
                    Some(&l) => self.to_number(l) as i64 as u32,
                };
                let parts = split(&r, s, limit, &*self);
                let items = parts
                    .into_iter()
                    .map(|p| match p {
                        Some(r) => self.string(&s[r]),
                        None => UNDEFINED,
                    })
                    .collect();
                self.alloc_array(items)
            }
            _ => UNDEFINED,
        }
    }
}

/// `String.prototype.split` with a RegExp separator (ES5 §15.5.4.14):
/// captures are spliced into the output; an empty match at the previous
/// split point does not split.
fn split(re: &JsRegex, s: &str, limit: u32, meter: &dyn Meter) -> Vec<Option<Range<usize>>> {
    let limit = limit as usize;
    let mut out: Vec<Option<Range<usize>>> = Vec::new();
    if limit == 0 {
        return out;
    }
    if s.is_empty() {
        return if re.find_at(s, 0, true, meter).is_some() { out } else { vec![Some(0..0)] };
    }
    let (mut p, mut q) = (0, 0);
    while q < s.len() {
        let Some(c) = re.find_at(s, q, false, meter) else { break };
        let Some(m) = c.whole() else { break };
        if m.start >= s.len() {
            break;
        }
        if m.end == p || (m.is_empty() && m.start == p) {
            q = next_char(s, m.start);
            continue;
        }
        out.push(Some(p..m.start));
        if out.len() == limit {
            return out;
        }
        for g in c.spans.iter().skip(1) {
            out.push(g.clone());
            if out.len() == limit {
                return out;
            }
        }
        p = m.end;
        q = p;
    }
    out.push(Some(p..s.len()));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(p: &str, f: &str, text: &str) -> Option<Range<usize>> {
        JsRegex::new(p, f).unwrap().find_at(text, 0, false, &Unmetered).and_then(|c| c.whole())
    }

    #[test]
    fn translations_match_like_the_backtracking_engine() {
        let cases = [
            (r"\d+", "", "ab 123 x"),
            (r"[^\s]+$", "", "hello world"),
            (r"\bfoo\b", "i", "a FOO b"),
            (r"[-a-z]+", "", "__a-b-c__"),
            (r"[a-]+", "", "x-a-"),
            (r"a{", "", "ba{"),
            (r"(?:ab)+?", "", "ababab"),
            (r"x.y", "", "x\ny xay"),
            (r"x.y", "s", "x\ny"),
            (r"^b", "m", "a\nb"),
            (r"[\]\\]", "", r"ab\c"),
            (r"\u0041\x42", "", "zAB"),
            (r"[]", "", "abc"),
            (r"[^]", "", "abc"),
            (r"(?<year>\d{4})-(?<m>\d\d)", "", "on 2024-03"),
            (r"^(?:[A-Za-z\d+\/]{4})*?(?:[A-Za-z\d+\/]{2}(?:==)?|[A-Za-z\d+\/]{3}=?)?$", "", "aGVsbG8="),
            (r"[-[\]{}()*+?.,\\^$|#\s]", "g", "a.b"),
        ];
        for (p, f, text) in cases {
            let re = JsRegex::new(p, f).unwrap();
            let t = re.translated.clone().unwrap_or_else(|| panic!("{p} translates"));
            let lin = regex::Regex::new(&t).unwrap_or_else(|e| panic!("{p} -> {t}: {e}"));
            let want = re.backtracking.find(text).map(|m| m.range());
            assert_eq!(lin.find(text).map(|m| m.range()), want, "{p} on {text:?} (as {t})");
        }
    }

    #[test]
    fn nested_quantifiers_run_in_linear_time() {
        // Exponential for a backtracking engine; instant here.
        let text = format!("{}!", "a".repeat(5000));
        assert_eq!(m(r"^(a+)+$", "", &text), None);
        assert_eq!(m(r"(\w+\s?)*$", "", &text), Some(5001..5001));
        assert!(JsRegex::new(r"^(a|aa)+$", "").unwrap().risky);
        // Backtracking-only features inside nested quantifiers are refused.
        assert!(JsRegex::new(r"((a)\2+)+$", "").is_err());
        assert!(JsRegex::new(r"(a)\1", "").is_ok());
    }

    #[test]
    fn flags_are_validated() {
        assert!(JsRegex::new("a", "gg").is_err());
        assert!(JsRegex::new("a", "x").is_err());
        assert_eq!(JsRegex::new("a", "yig").unwrap().flags.text(), "giy");
        assert!(JsRegex::new("a{2,1}", "").is_err());
        assert!(JsRegex::new("(", "").is_err());
    }
}
