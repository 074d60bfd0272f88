//! Values that cross the `botContext` boundary.

use std::sync::Arc;

/// A JavaScript value as the host sees it: primitives, and plain arrays and
/// objects (property order kept, as JavaScript keeps it).
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// `undefined`
    Undefined,
    /// `null`
    Null,
    /// `true` / `false`
    Bool(bool),
    /// A number.
    Number(f64),
    /// A string.
    String(Arc<str>),
    /// An array. Shared, so handing a value to a script, recording it in
    /// the transcript and keeping it in a variable copy no items.
    Array(Arc<[Value]>),
    /// A plain object (shared, like arrays).
    Object(Arc<[(String, Value)]>),
}

impl Value {
    /// An array of these items.
    pub fn array(items: Vec<Value>) -> Value {
        Value::Array(items.into())
    }

    /// An object with these properties, in this order.
    pub fn object(props: Vec<(String, Value)>) -> Value {
        Value::Object(props.into())
    }

    /// About how many bytes the value holds: its text, plus 16 for every
    /// value and property. What the state budgets count (a shared array
    /// counts each time it appears, as it would once stored).
    pub fn approx_bytes(&self) -> usize {
        match self {
            Value::String(s) => 16 + s.len(),
            Value::Array(items) => items.iter().fold(16, |n, v| n.saturating_add(v.approx_bytes())),
            Value::Object(props) => {
                props.iter().fold(16, |n, (k, v)| n.saturating_add(16 + k.len()).saturating_add(v.approx_bytes()))
            }
            _ => 16,
        }
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Self {
        Value::String(s.into())
    }
}

impl From<String> for Value {
    fn from(s: String) -> Self {
        Value::String(s.into())
    }
}

impl From<f64> for Value {
    fn from(n: f64) -> Self {
        Value::Number(n)
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Self {
        Value::Bool(b)
    }
}

/// ECMAScript Number::toString(10) (ES5 §9.8.1): `1`, `0.1`, `1e+21`, `NaN`.
pub fn number_to_string(n: f64) -> String {
    let mut out = String::new();
    push_number(&mut out, n);
    out
}

/// Appends Number::toString(10) of `n` to `out` (concatenating and
/// serialising numbers is hot: no formatting machinery, no temporary).
pub fn push_number(out: &mut String, n: f64) {
    // An integer survives the round trip through i64 (-0 too, as "0", which
    // JavaScript prints it as; checked without libm's `trunc`, which `fract`
    // calls on baseline x86-64); below 10^15 it prints alike in Rust and
    // JavaScript, digit by digit, without ryu.
    let i = n as i64;
    if i as f64 == n && i.unsigned_abs() < 1_000_000_000_000_000 {
        push_integer(out, i);
    } else if n.is_nan() {
        out.push_str("NaN");
    } else if n.is_infinite() {
        out.push_str(if n > 0.0 { "Infinity" } else { "-Infinity" });
    } else {
        out.push_str(ryu_js::Buffer::new().format_finite(n));
    }
}

/// Appends the decimal digits of `i` (what `write!(out, "{i}")` writes),
/// two at a time from a table (`itoa`): a division and a `push` per digit
/// cost ~150 instructions per small integer (json panel, 36 per run).
fn push_integer(out: &mut String, i: i64) {
    out.push_str(itoa::Buffer::new().format(i));
}

impl Value {
    /// ToBoolean (ES5 §9.2).
    pub fn truthy(&self) -> bool {
        match self {
            Value::Undefined | Value::Null => false,
            Value::Bool(b) => *b,
            Value::Number(n) => *n != 0.0 && !n.is_nan(),
            Value::String(s) => !s.is_empty(),
            Value::Array(_) | Value::Object(_) => true,
        }
    }

    /// ToString (ES5 §9.8), with arrays joined by commas and objects as
    /// `[object Object]`, as JavaScript prints them.
    pub fn to_js_string(&self) -> String {
        let mut out = String::new();
        self.append_js_string(&mut out);
        out
    }

    /// Appends [`Value::to_js_string`] to `out` (an array's items straight
    /// into it, no string per item).
    pub fn append_js_string(&self, out: &mut String) {
        match self {
            Value::Undefined => out.push_str("undefined"),
            Value::Null => out.push_str("null"),
            Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Value::Number(n) => push_number(out, *n),
            Value::String(s) => out.push_str(s),
            Value::Array(items) => {
                for (i, v) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    if !matches!(v, Value::Undefined | Value::Null) {
                        v.append_js_string(out);
                    }
                }
            }
            Value::Object(_) => out.push_str("[object Object]"),
        }
    }

    /// ToNumber (ES5 §9.3), for primitives; objects give NaN.
    pub fn to_number(&self) -> f64 {
        match self {
            Value::Undefined => f64::NAN,
            Value::Null => 0.0,
            Value::Bool(b) => f64::from(u8::from(*b)),
            Value::Number(n) => *n,
            Value::String(s) => string_to_number(s),
            Value::Array(items) if items.is_empty() => 0.0,
            Value::Array(items) if let [only] = &**items => Value::from(only.to_js_string()).to_number(),
            _ => f64::NAN,
        }
    }

    /// A JSON value as a script value (numbers as doubles).
    pub fn from_json(j: &serde_json::Value) -> Value {
        match j {
            serde_json::Value::Null => Value::Null,
            serde_json::Value::Bool(b) => Value::Bool(*b),
            serde_json::Value::Number(n) => Value::Number(n.as_f64().unwrap_or(f64::NAN)),
            serde_json::Value::String(s) => Value::String(s.as_str().into()),
            serde_json::Value::Array(a) => Value::Array(a.iter().map(Value::from_json).collect()),
            serde_json::Value::Object(o) => {
                Value::Object(o.iter().map(|(k, v)| (k.clone(), Value::from_json(v))).collect())
            }
        }
    }

    /// As JSON for transcripts: `undefined` becomes `null`, non-finite
    /// numbers become `null` (as `JSON.stringify` does).
    pub fn to_json(&self) -> serde_json::Value {
        use serde_json::Value as J;
        match self {
            Value::Undefined | Value::Null => J::Null,
            Value::Bool(b) => J::Bool(*b),
            Value::Number(n) => serde_json::Number::from_f64(*n).map_or(J::Null, |x| {
                // Integral numbers print without `.0`, as in JavaScript.
                if n.fract() == 0.0 && n.abs() < 9.0e15 { J::from(*n as i64) } else { J::Number(x) }
            }),
            Value::String(s) => J::String(String::from(&**s)),
            Value::Array(items) => J::Array(items.iter().map(Value::to_json).collect()),
            Value::Object(props) => J::Object(props.iter().map(|(k, v)| (k.clone(), v.to_json())).collect()),
        }
    }
}

/// The key that marks the few values JSON cannot hold in [`Value`]'s
/// stored form.
const STORED_TAG: &str = "$cbot";

impl Value {
    /// A lossless JSON form, for storing conversation state: JSON values
    /// as themselves, and `{"$cbot": …}` objects for `undefined`, NaN,
    /// ±Infinity, −0, and objects that themselves have a `$cbot` key.
    pub fn to_stored(&self) -> serde_json::Value {
        use serde_json::Value as J;
        let tagged = |t: &str| serde_json::json!({ STORED_TAG: t });
        match self {
            Value::Undefined => tagged("undefined"),
            Value::Null => J::Null,
            Value::Bool(b) => J::Bool(*b),
            Value::Number(n) if n.is_nan() => tagged("NaN"),
            Value::Number(n) if n.is_infinite() => tagged(if *n > 0.0 { "Infinity" } else { "-Infinity" }),
            Value::Number(n) if *n == 0.0 && n.is_sign_negative() => tagged("-0"),
            Value::Number(n) => {
                if n.fract() == 0.0 && n.abs() < 9.0e15 {
                    J::from(*n as i64)
                } else {
                    serde_json::Number::from_f64(*n).map_or(J::Null, J::Number)
                }
            }
            Value::String(s) => J::String(String::from(&**s)),
            Value::Array(items) => J::Array(items.iter().map(Value::to_stored).collect()),
            Value::Object(props) if props.iter().any(|(k, _)| k == STORED_TAG) => serde_json::json!({
                STORED_TAG: "object",
                "entries": props.iter().map(|(k, v)| serde_json::json!([k, v.to_stored()])).collect::<Vec<_>>(),
            }),
            Value::Object(props) => J::Object(props.iter().map(|(k, v)| (k.clone(), v.to_stored())).collect()),
        }
    }

    /// Reads the form [`Value::to_stored`] writes.
    pub fn from_stored(j: &serde_json::Value) -> Value {
        use serde_json::Value as J;
        match j {
            J::Object(o) if o.contains_key(STORED_TAG) => match o[STORED_TAG].as_str().unwrap_or("") {
                "undefined" => Value::Undefined,
                "NaN" => Value::Number(f64::NAN),
                "Infinity" => Value::Number(f64::INFINITY),
                "-Infinity" => Value::Number(f64::NEG_INFINITY),
                "-0" => Value::Number(-0.0),
                _ => Value::Object(
                    o.get("entries")
                        .and_then(J::as_array)
                        .into_iter()
                        .flatten()
                        .filter_map(|e| Some((e.get(0)?.as_str()?.to_string(), Value::from_stored(e.get(1)?))))
                        .collect(),
                ),
            },
            J::Array(a) => Value::Array(a.iter().map(Value::from_stored).collect()),
            J::Object(o) => Value::Object(o.iter().map(|(k, v)| (k.clone(), Value::from_stored(v))).collect()),
            other => Value::from_json(other),
        }
    }
}

impl serde::Serialize for Value {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.to_stored().serialize(s)
    }
}

impl<'de> serde::Deserialize<'de> for Value {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Value, D::Error> {
        serde_json::Value::deserialize(d).map(|j| Value::from_stored(&j))
    }
}

/// The number `digits` (no sign, at least one) written in a power-of-two
/// `radix`, correctly rounded however many digits there are (a 24-digit
/// hexadecimal string is a finite number, ~3.5e28, not NaN); `None` when a
/// digit is not one of the radix.
fn radix_digits_to_number(digits: &str, radix: u32) -> Option<f64> {
    let bits = radix.trailing_zeros();
    if digits.is_empty() {
        return None;
    }
    // The leading digits in an integer; past its width only how many bits
    // follow and whether any is set (enough to round: the integer then
    // holds far more than a double's 53 bits).
    let (mut acc, mut extra, mut sticky) = (0u128, 0i32, false);
    for c in digits.chars() {
        let d = c.to_digit(radix)?;
        if acc >> (128 - bits) == 0 {
            acc = (acc << bits) | u128::from(d);
        } else {
            extra = extra.saturating_add(bits as i32);
            sticky |= d != 0;
        }
    }
    if sticky {
        acc |= 1;
    }
    // The integer converts rounding to nearest, ties to even; scaling by a
    // power of two is exact (or overflows to Infinity, as in JavaScript).
    Some(acc as f64 * 2f64.powi(extra))
}

/// StringToNumber (ES5 §9.3.1): trimmed decimal, hex `0x…`, `Infinity`;
/// empty or blank is 0; anything else NaN.
pub fn string_to_number(s: &str) -> f64 {
    let t = s.trim_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}');
    if t.is_empty() {
        return 0.0;
    }
    // Hexadecimal (ES5), binary and octal (ES2015 §7.1.3.1) literals.
    for (prefixes, radix) in [(["0x", "0X"], 16), (["0b", "0B"], 2), (["0o", "0O"], 8)] {
        if let Some(digits) = prefixes.iter().find_map(|p| t.strip_prefix(p)) {
            return radix_digits_to_number(digits, radix).unwrap_or(f64::NAN);
        }
    }
    match t {
        "Infinity" | "+Infinity" => return f64::INFINITY,
        "-Infinity" => return f64::NEG_INFINITY,
        _ => {}
    }
    // Rust's parser also accepts "inf", "nan" and "1_0"-free forms; JS only
    // decimal literals with optional exponent.
    let ok = t.bytes().all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'E' | b'+' | b'-'));
    if ok { t.parse::<f64>().unwrap_or(f64::NAN) } else { f64::NAN }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_strings_follow_ecmascript() {
        for (n, s) in
            [(1.0, "1"), (0.1, "0.1"), (-0.0, "0"), (1e21, "1e+21"), (123456789.125, "123456789.125"), (1e-7, "1e-7")]
        {
            assert_eq!(number_to_string(n), s);
        }
        // Integers digit by digit below 10^15, ryu from there (both as
        // node prints them).
        for (n, s) in [
            (-42.0, "-42"),
            (999_999_999_999_999.0, "999999999999999"),
            (-999_999_999_999_999.0, "-999999999999999"),
            (1e15, "1000000000000000"),
            (2f64.powi(63), "9223372036854776000"),
            (-1e300, "-1e+300"),
            (f64::NAN, "NaN"),
            (f64::NEG_INFINITY, "-Infinity"),
        ] {
            assert_eq!(number_to_string(n), s);
        }
        let nested = Value::array(vec![
            Value::Number(1.0),
            Value::array(vec![Value::Number(2.5), Value::Null]),
            Value::from("x"),
            Value::Undefined,
            Value::Bool(false),
        ]);
        assert_eq!(nested.to_js_string(), "1,2.5,,x,,false");
        for i in
            [0, 7, -7, 10, 99, 100, -100, 123_456_789, 999_999_999_999_999, -999_999_999_999_999, i64::MAX, i64::MIN]
        {
            let mut out = String::from("x");
            push_integer(&mut out, i);
            assert_eq!(out, format!("x{i}"));
        }
        assert_eq!(string_to_number(" 42 "), 42.0);
        assert_eq!(string_to_number("0x1F"), 31.0);
        // Past 64 bits: still the number, correctly rounded (found by cbot
        // fuzz js: it was NaN).
        assert_eq!(string_to_number("0x012345012345012345012345"), 0x0123_4501_2345_0123_4501_2345_u128 as f64);
        assert_eq!(string_to_number("0x1fffffffffffff800000000000000001"), 2f64.powi(125));
        assert_eq!(string_to_number("0b101"), 5.0);
        assert_eq!(string_to_number(&format!("0x1{}", "0".repeat(300))), f64::INFINITY);
        assert!(string_to_number("0x").is_nan());
        assert!(string_to_number("0x+1").is_nan());
        assert!(string_to_number("0xg").is_nan());
        assert!(string_to_number("12px").is_nan());
        assert_eq!(string_to_number(""), 0.0);
        assert!(string_to_number("inf").is_nan());
    }

    #[test]
    fn the_stored_form_is_lossless() {
        let tricky = Value::object(vec![
            ("u".into(), Value::Undefined),
            ("n".into(), Value::Null),
            ("nan".into(), Value::Number(f64::NAN)),
            ("inf".into(), Value::Number(f64::NEG_INFINITY)),
            ("neg0".into(), Value::Number(-0.0)),
            ("big".into(), Value::Number(1e300)),
            ("frac".into(), Value::Number(0.1)),
            ("list".into(), Value::array(vec![Value::Bool(true), Value::from("x")])),
            ("fake".into(), Value::object(vec![("$cbot".into(), Value::from("undefined"))])),
        ]);
        let text = serde_json::to_string(&tricky).unwrap();
        let back: Value = serde_json::from_str(&text).unwrap();
        // NaN is not equal to itself: compare the stored forms.
        assert_eq!(back.to_stored(), tricky.to_stored(), "{text}");
        let Value::Object(props) = &back else { panic!() };
        assert!(matches!(props[0].1, Value::Undefined));
        assert!(matches!(props[2].1, Value::Number(n) if n.is_nan()));
        assert!(matches!(props[4].1, Value::Number(n) if n == 0.0 && n.is_sign_negative()));
        assert!(matches!(&props[8].1, Value::Object(o) if o[0].1 == Value::from("undefined")));
    }
}
