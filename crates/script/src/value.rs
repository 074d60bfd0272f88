//! NaN-boxed values: how a JavaScript value fits in one wasm `i64`.
//!
//! Numbers are their IEEE-754 bits (every NaN is first turned into the
//! canonical quiet NaN `0x7FF8_0000_0000_0000`), so arithmetic and
//! comparisons on numbers stay in wasm. Everything else lives in the top
//! sixteen bits `0xFFF9`–`0xFFFD`, which no canonical number uses:
//!
//! | top 16 bits | meaning | low 48 bits |
//! |---|---|---|
//! | `0xFFF9` | `undefined` | 0 |
//! | `0xFFFA` | `null` | 0 |
//! | `0xFFFB` | boolean | 0 or 1 |
//! | `0xFFFC` | reference into the run's heap (string, array, object, host object) | index |
//! | `0xFFFD` | "an exception is pending": the return-flag protocol | 0 |
//!
//! A value is a number exactly when its bits, read unsigned, are below
//! `0xFFF9 << 48`.

/// `undefined`.
pub const UNDEFINED: i64 = (0xFFF9u64 << 48) as i64;
/// `null`.
pub const NULL: i64 = (0xFFFAu64 << 48) as i64;
/// `false`.
pub const FALSE: i64 = (0xFFFBu64 << 48) as i64;
/// `true`.
pub const TRUE: i64 = FALSE | 1;
/// Tag of heap references.
pub const REF: i64 = (0xFFFCu64 << 48) as i64;
/// The pending-exception sentinel.
pub const EXCEPTION: i64 = (0xFFFDu64 << 48) as i64;
/// Values at or above this (unsigned) are not numbers.
pub const FIRST_TAG: u64 = 0xFFF9u64 << 48;
const PAYLOAD: i64 = (1 << 48) - 1;
/// The one NaN cbot stores.
pub const CANONICAL_NAN: i64 = 0x7FF8_0000_0000_0000;

/// Boxes a number.
pub fn number(n: f64) -> i64 {
    if n.is_nan() { CANONICAL_NAN } else { n.to_bits() as i64 }
}

/// Whether `v` is a number.
pub fn is_number(v: i64) -> bool {
    (v as u64) < FIRST_TAG
}

/// The number in `v` (call only when [`is_number`]).
pub fn as_number(v: i64) -> f64 {
    f64::from_bits(v as u64)
}

/// Boxes a boolean.
pub fn boolean(b: bool) -> i64 {
    if b { TRUE } else { FALSE }
}

/// A reference to heap slot `index`.
pub fn reference(index: usize) -> i64 {
    REF | (index as i64 & PAYLOAD)
}

/// The heap slot of a reference, if `v` is one.
pub fn as_reference(v: i64) -> Option<usize> {
    (v & !PAYLOAD == REF).then_some((v & PAYLOAD) as usize)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_never_collide_with_numbers() {
        for n in [0.0, -0.0, 1.5, -1.0, f64::INFINITY, f64::NEG_INFINITY, f64::MAX, f64::MIN, f64::NAN, -f64::NAN] {
            assert!(is_number(number(n)), "{n}");
        }
        for tag in [UNDEFINED, NULL, FALSE, TRUE, reference(12345), EXCEPTION] {
            assert!(!is_number(tag));
        }
        assert_eq!(number(-f64::NAN), 0x7FF8_0000_0000_0000);
        assert_eq!(as_reference(reference(7)), Some(7));
        assert_eq!(as_reference(TRUE), None);
    }
}
