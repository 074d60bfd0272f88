//! The calendar side of the `Date` built-in (ES5 §15.9): time arithmetic,
//! the setters, `Date.parse` and the string forms.
//!
//! Everything works on time values: `f64` milliseconds since the epoch, NaN
//! for an invalid date (ES5 §15.9.1.1). The local time zone is a fixed offset
//! of `tz` minutes east of UTC, so LocalTime(t) = t + tz·60 000 and
//! UTC(t) = t − tz·60 000 (ES5 §15.9.1.7–9 with no daylight saving time).
//!
//! Where ES5 leaves a choice to the implementation (which strings parse, what
//! `toString` prints) this module does what V8 does, since bots were written
//! and tested against node; the expected values in the tests come from node.

const MS_PER_SECOND: f64 = 1000.0;
const MS_PER_MINUTE: f64 = 60_000.0;
const MS_PER_HOUR: f64 = 3_600_000.0;
const MS_PER_DAY: f64 = 86_400_000.0;
/// The largest magnitude of a time value (ES5 §15.9.1.1): ±100 000 000 days.
const MAX_TIME: f64 = 8.64e15;

const WEEKDAYS: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const INVALID_DATE: &str = "Invalid Date";

// ---------------------------------------------------------------------------
// Time arithmetic (ES5 §15.9.1).

/// Days since the epoch → (year, month 0–11, day 1–31): Howard Hinnant's
/// `civil_from_days`, exact for every day count a time value can reach.
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m - 1, d)
}

/// (year, month 0–11, day) → days since the epoch; the inverse of
/// [`civil_from_days`] for in-range months and days.
pub(crate) fn days_from_civil(y: i64, m0: i64, d: i64) -> i64 {
    let m = m0 + 1;
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let mp = if m > 2 { m - 3 } else { m + 9 };
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// `t` if it is a time value a Date can hold, `None` for NaN or anything
/// outside ±8.64e15 (which keeps the integer arithmetic below in range).
fn time_value(t: f64) -> Option<f64> {
    (t.abs() <= MAX_TIME).then_some(t)
}

/// The local zone's offset in milliseconds (LocalTZA, ES5 §15.9.1.7).
fn offset_ms(tz: i32) -> f64 {
    f64::from(tz) * MS_PER_MINUTE
}

/// A (local or UTC) time value split into its calendar fields
/// (Day, YearFromTime, MonthFromTime, DateFromTime, TimeWithinDay:
/// ES5 §15.9.1.2–5).
#[derive(Clone, Copy, Debug)]
struct Civil {
    /// Days since the epoch.
    day: i64,
    year: i64,
    /// 0 = January.
    month: i64,
    /// 1–31.
    date: i64,
    ms_in_day: i64,
}

impl Civil {
    /// `t` must be finite and not far beyond ±8.64e15 (a time value shifted
    /// by a zone offset); integer milliseconds are assumed.
    fn of(t: f64) -> Self {
        let day = (t / MS_PER_DAY).floor();
        let ms_in_day = (t - day * MS_PER_DAY) as i64;
        let day = day as i64;
        let (year, month, date) = civil_from_days(day);
        Civil { day, year, month, date, ms_in_day }
    }

    fn hours(&self) -> i64 {
        self.ms_in_day / 3_600_000
    }

    fn minutes(&self) -> i64 {
        self.ms_in_day / 60_000 % 60
    }

    fn seconds(&self) -> i64 {
        self.ms_in_day / 1000 % 60
    }

    fn millis(&self) -> i64 {
        self.ms_in_day % 1000
    }

    /// WeekDay (ES5 §15.9.1.6): the epoch was a Thursday.
    fn weekday(&self) -> i64 {
        (self.day + 4).rem_euclid(7)
    }

    fn weekday_name(&self) -> &'static str {
        WEEKDAYS.get(self.weekday() as usize).copied().unwrap_or_default()
    }

    fn month_name(&self) -> &'static str {
        MONTHS.get(self.month as usize).copied().unwrap_or_default()
    }
}

/// The local calendar fields of `t`, or `None` for an invalid date.
fn local(t: f64, tz: i32) -> Option<Civil> {
    time_value(t).map(|t| Civil::of(t + offset_ms(tz)))
}

/// MakeTime (ES5 §15.9.1.11): milliseconds from hours, minutes, seconds and
/// milliseconds, each truncated towards zero; NaN if any is not finite.
pub(crate) fn make_time(hour: f64, min: f64, sec: f64, ms: f64) -> f64 {
    if !(hour.is_finite() && min.is_finite() && sec.is_finite() && ms.is_finite()) {
        return f64::NAN;
    }
    hour.trunc() * MS_PER_HOUR + min.trunc() * MS_PER_MINUTE + sec.trunc() * MS_PER_SECOND + ms.trunc()
}

/// MakeDay (ES5 §15.9.1.12): the day number of `date` in `month` of `year`,
/// months overflowing into years and dates into months.
///
/// ES5 returns NaN when no day fits; like V8, years beyond ±1 000 000 and
/// months beyond ±10 000 000 are refused outright (they can only produce
/// days TimeClip rejects, short of a huge `date` pulling them back).
pub(crate) fn make_day(year: f64, month: f64, date: f64) -> f64 {
    if !(year.abs() <= 1e6 && month.abs() <= 1e7 && date.is_finite()) {
        return f64::NAN;
    }
    let month = month.trunc();
    let y = year.trunc() + (month / 12.0).floor();
    let m = month.rem_euclid(12.0);
    days_from_civil(y as i64, m as i64, 1) as f64 + date.trunc() - 1.0
}

/// MakeDate (ES5 §15.9.1.13); a non-finite result stays non-finite and
/// TimeClip turns it into NaN.
fn make_date_value(day: f64, time: f64) -> f64 {
    day * MS_PER_DAY + time
}

/// TimeClip (ES5 §15.9.1.14): NaN outside ±8.64e15, otherwise the integer
/// part, and +0 rather than −0 (as V8 does and later editions require).
pub(crate) fn time_clip(t: f64) -> f64 {
    if t.abs() <= MAX_TIME { t.trunc() + 0.0 } else { f64::NAN }
}

// ---------------------------------------------------------------------------
// Constructors, getters and setters.

/// `new Date(y, m[, d, h, mi, s, ms])` (ES5 §15.9.3.1, local time) and
/// `Date.UTC(...)` (ES5 §15.9.4.3, `utc`). The caller passes the defaults
/// for missing arguments (month 0 for ES2017's one-argument `Date.UTC`,
/// date 1, the rest 0). A year whose integer part is 0–99 means 1900–1999.
#[allow(clippy::too_many_arguments, reason = "the seven Date arguments, the zone and which of the two forms")]
pub(crate) fn make_date(y: f64, mo: f64, d: f64, h: f64, mi: f64, s: f64, ms: f64, tz: i32, utc: bool) -> f64 {
    let year = if (0.0..=99.0).contains(&y.trunc()) { 1900.0 + y.trunc() } else { y };
    let t = make_date_value(make_day(year, mo, d), make_time(h, mi, s, ms));
    time_clip(if utc { t } else { t - offset_ms(tz) })
}

/// The local getters (ES5 §15.9.5.10–26): [year, month (0–11), date,
/// hours, minutes, seconds, milliseconds, weekday (0 = Sunday)], all NaN for
/// an invalid date. The UTC getters are `local_fields(t, 0)`.
pub(crate) fn local_fields(t: f64, tz: i32) -> [f64; 8] {
    let Some(c) = local(t, tz) else { return [f64::NAN; 8] };
    [c.year, c.month, c.date, c.hours(), c.minutes(), c.seconds(), c.millis(), c.weekday()].map(|v| v as f64)
}

/// getTimezoneOffset (ES5 §15.9.5.26): minutes to add to local time to get
/// UTC, NaN for an invalid date.
pub(crate) fn timezone_offset(t: f64, tz: i32) -> f64 {
    // `0 - tz` rather than `-tz`: UTC's offset is +0, not −0.
    if time_value(t).is_some() { 0.0 - f64::from(tz) } else { f64::NAN }
}

/// The setters (ES5 §15.9.5.27–41 and Annex B.2.5 `setYear`), `field`
/// being the method name and `args` its arguments already converted with
/// ToNumber. Arguments left out are taken from the date (local or UTC as
/// the method is); a missing first argument is `undefined`, so NaN. Returns
/// the new time value (NaN for an unknown method name).
pub(crate) fn set(t: f64, field: &str, args: &[f64], tz: i32) -> f64 {
    let first = args.first().copied().unwrap_or(f64::NAN);
    let arg_or = |i: usize, current: f64| args.get(i).copied().unwrap_or(current);
    if field == "setTime" {
        // §15.9.5.27: no calendar arithmetic, just TimeClip.
        return time_clip(first);
    }
    let (name, offset) = match field.strip_prefix("setUTC") {
        Some(name) => (name, 0.0),
        None => (field.strip_prefix("set").unwrap_or(field), offset_ms(tz)),
    };
    let start = match time_value(t) {
        Some(t) => t + offset,
        // §15.9.5.40 and B.2.5: setFullYear and setYear on an invalid date
        // start from +0 in local time rather than staying invalid.
        None if matches!(name, "FullYear" | "Year") => 0.0,
        None => return f64::NAN,
    };
    let c = Civil::of(start);
    let [day, year, month, date, h, m, s, ms] =
        [c.day, c.year, c.month, c.date, c.hours(), c.minutes(), c.seconds(), c.millis()].map(|v| v as f64);
    let within_day = c.ms_in_day as f64;
    let new = match name {
        "Milliseconds" => make_date_value(day, make_time(h, m, s, first)),
        "Seconds" => make_date_value(day, make_time(h, m, first, arg_or(1, ms))),
        "Minutes" => make_date_value(day, make_time(h, first, arg_or(1, s), arg_or(2, ms))),
        "Hours" => make_date_value(day, make_time(first, arg_or(1, m), arg_or(2, s), arg_or(3, ms))),
        "Date" => make_date_value(make_day(year, month, first), within_day),
        "Month" => make_date_value(make_day(year, first, arg_or(1, date)), within_day),
        "FullYear" => make_date_value(make_day(first, arg_or(1, month), arg_or(2, date)), within_day),
        // Annex B.2.5: a two-digit year means 19xx; NaN invalidates the date.
        "Year" if field == "setYear" => {
            let y = first.trunc();
            let y = if (0.0..=99.0).contains(&y) { 1900.0 + y } else { first };
            make_date_value(make_day(y, month, date), within_day)
        }
        _ => return f64::NAN,
    };
    time_clip(new - offset)
}

// ---------------------------------------------------------------------------
// String forms (ES5 §15.9.5.2–7, §15.9.5.42–43). ES5 leaves their format to
// the implementation; these are V8's, with node's en-US locale.

/// V8 prints years with `%04d`, or `%05d` when negative (a sign and at least
/// four digits).
fn year4(y: i64) -> String {
    if y < 0 { format!("-{:04}", y.unsigned_abs()) } else { format!("{y:04}") }
}

/// `GMT+0100 (GMT+01:00)`: V8's offset and, in parentheses, ICU's name for
/// the zone; ICU names a fixed-offset zone by its offset, and UTC itself
/// "Coordinated Universal Time".
fn zone_suffix(tz: i32) -> String {
    if tz == 0 {
        return "GMT+0000 (Coordinated Universal Time)".into();
    }
    let sign = if tz < 0 { '-' } else { '+' };
    let (h, m) = (tz.unsigned_abs() / 60, tz.unsigned_abs() % 60);
    format!("GMT{sign}{h:02}{m:02} (GMT{sign}{h:02}:{m:02})")
}

fn date_part(c: &Civil) -> String {
    format!("{} {} {:02} {}", c.weekday_name(), c.month_name(), c.date, year4(c.year))
}

fn time_part(c: &Civil, tz: i32) -> String {
    format!("{:02}:{:02}:{:02} {}", c.hours(), c.minutes(), c.seconds(), zone_suffix(tz))
}

/// Date.prototype.toString (ES5 §15.9.5.2):
/// `Thu Mar 07 2024 10:30:15 GMT+0100 (GMT+01:00)`.
pub(crate) fn to_string(t: f64, tz: i32) -> String {
    local(t, tz).map_or_else(|| INVALID_DATE.into(), |c| format!("{} {}", date_part(&c), time_part(&c, tz)))
}

/// Date.prototype.toDateString (ES5 §15.9.5.3): `Thu Mar 07 2024`.
pub(crate) fn to_date_string(t: f64, tz: i32) -> String {
    local(t, tz).map_or_else(|| INVALID_DATE.into(), |c| date_part(&c))
}

/// Date.prototype.toTimeString (ES5 §15.9.5.4):
/// `10:30:15 GMT+0000 (Coordinated Universal Time)`.
pub(crate) fn to_time_string(t: f64, tz: i32) -> String {
    local(t, tz).map_or_else(|| INVALID_DATE.into(), |c| time_part(&c, tz))
}

/// Date.prototype.toUTCString (ES5 §15.9.5.42), in the RFC 1123 form
/// ES2018 §20.3.4.43 settled on: `Thu, 07 Mar 2024 10:30:15 GMT`.
pub(crate) fn to_utc_string(t: f64) -> String {
    let Some(c) = local(t, 0) else { return INVALID_DATE.into() };
    let (h, m, s) = (c.hours(), c.minutes(), c.seconds());
    format!("{}, {:02} {} {} {h:02}:{m:02}:{s:02} GMT", c.weekday_name(), c.date, c.month_name(), year4(c.year))
}

/// Date.prototype.toISOString (ES5 §15.9.5.43): `2024-03-07T10:30:15.000Z`,
/// with the expanded `±YYYYYY` year (ES5 §15.9.1.15.1) outside 0–9999;
/// `None` for an invalid date (a RangeError, or `null` from toJSON).
pub(crate) fn to_iso_string(t: f64) -> Option<String> {
    let c = local(t, 0)?;
    let year = if (0..=9999).contains(&c.year) {
        format!("{:04}", c.year)
    } else {
        format!("{}{:06}", if c.year < 0 { '-' } else { '+' }, c.year.unsigned_abs())
    };
    let (month, date, h, m, s, ms) = (c.month + 1, c.date, c.hours(), c.minutes(), c.seconds(), c.millis());
    Some(format!("{year}-{month:02}-{date:02}T{h:02}:{m:02}:{s:02}.{ms:03}Z"))
}

/// en-US `M/D/Y`. ICU prints the year of the era without the era, so
/// 1 BC (year 0) is "1" and 2 BC "2".
fn locale_date(c: &Civil) -> String {
    let year = if c.year <= 0 { 1 - c.year } else { c.year };
    format!("{}/{}/{year}", c.month + 1, c.date)
}

/// en-US `h:mm:ss AM`, midnight and noon being 12.
fn locale_time(c: &Civil) -> String {
    let h = c.hours();
    let h12 = if h % 12 == 0 { 12 } else { h % 12 };
    format!("{h12}:{:02}:{:02} {}", c.minutes(), c.seconds(), if h < 12 { "AM" } else { "PM" })
}

/// Date.prototype.toLocaleString (ES5 §15.9.5.5) as node prints it in
/// en-US: `3/7/2024, 10:30:15 AM`.
pub(crate) fn to_locale_string(t: f64, tz: i32) -> String {
    local(t, tz).map_or_else(|| INVALID_DATE.into(), |c| format!("{}, {}", locale_date(&c), locale_time(&c)))
}

/// Date.prototype.toLocaleDateString (ES5 §15.9.5.6): `3/7/2024`.
pub(crate) fn to_locale_date_string(t: f64, tz: i32) -> String {
    local(t, tz).map_or_else(|| INVALID_DATE.into(), |c| locale_date(&c))
}

/// Date.prototype.toLocaleTimeString (ES5 §15.9.5.7): `10:30:15 AM`.
pub(crate) fn to_locale_time_string(t: f64, tz: i32) -> String {
    local(t, tz).map_or_else(|| INVALID_DATE.into(), |c| locale_time(&c))
}

// ---------------------------------------------------------------------------
// Date.parse (ES5 §15.9.4.2).
//
// ES5 requires the Date Time String Format (§15.9.1.15) and lets an
// implementation accept anything else. Bots rely on what V8 accepts, so this
// is V8's DateParser (src/date/dateparser*): the input is cut into tokens, an
// ES5 date-time scanner takes as much as it can, and V8's "legacy" rules take
// the rest ("March 7, 2024", "2024/03/07 10:30", RFC 1123, toString output).

/// Parses `s` as `Date.parse` does and returns the time value (NaN when it
/// does not parse). Forms without an offset are local time, except the
/// ES5 date-only forms (`2024`, `2024-03`, `2024-03-07`), which are UTC
/// (ES2016 §20.3.1.16).
pub(crate) fn parse(s: &str, tz: i32) -> f64 {
    let Some(Parsed { date: (y, mo, d), time: (h, mi, sec, ms), offset }) = parse_fields(s) else {
        return f64::NAN;
    };
    let local = make_date_value(
        make_day(f64::from(y), f64::from(mo), f64::from(d)),
        make_time(f64::from(h), f64::from(mi), f64::from(sec), f64::from(ms)),
    );
    let offset = offset.map_or_else(|| offset_ms(tz), |secs| f64::from(secs) * MS_PER_SECOND);
    time_clip(local - offset)
}

/// What the parser read: (year, month 0–11, date), (hours, minutes,
/// seconds, ms) and the offset in seconds east of UTC, if the string had one.
struct Parsed {
    date: (i32, i32, i32),
    time: (i32, i32, i32, i32),
    offset: Option<i32>,
}

fn is_month(n: i32) -> bool {
    (1..=12).contains(&n)
}

fn is_day(n: i32) -> bool {
    (1..=31).contains(&n)
}

fn is_hour(n: i32) -> bool {
    (0..=23).contains(&n)
}

fn is_minute(n: i32) -> bool {
    (0..=59).contains(&n)
}

/// ECMAScript WhiteSpace (ES5 §7.2). V8 ends a word at one of these but not
/// at U+2028 or U+2029 (LineTerminators ≥ 'A'), which thus join the word.
fn is_white_space(c: char) -> bool {
    // TAB, VT, FF, BOM and the Unicode space separators (category Zs).
    matches!(
        c,
        '\t' | '\u{B}' | '\u{C}' | '\u{FEFF}' | ' ' | '\u{A0}' | '\u{1680}' | '\u{202F}' | '\u{205F}' | '\u{3000}'
    ) || ('\u{2000}'..='\u{200A}').contains(&c)
}

/// ECMAScript LineTerminator (ES5 §7.3).
fn is_line_terminator(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}')
}

/// What a word's first three letters (case-insensitively) name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Word {
    /// Anything else: ignored before the first number, an error after it.
    Other,
    /// `jan`…`dec`; any longer word with such a prefix counts too
    /// ("March", "Sept", "Marchxyz").
    Month,
    /// `ut`, `utc`, `z`, `gmt` and the North American zones.
    Zone,
    /// `t`, between an ES5 date and time.
    TimeSeparator,
    /// `am` (value 0) or `pm` (value 12).
    AmPm,
}

/// V8's keyword table: prefix, kind and value (month 1–12, zone offset in
/// hours, hours added for am/pm).
const KEYWORDS: [(&str, Word, i32); 27] = [
    ("jan", Word::Month, 1),
    ("feb", Word::Month, 2),
    ("mar", Word::Month, 3),
    ("apr", Word::Month, 4),
    ("may", Word::Month, 5),
    ("jun", Word::Month, 6),
    ("jul", Word::Month, 7),
    ("aug", Word::Month, 8),
    ("sep", Word::Month, 9),
    ("oct", Word::Month, 10),
    ("nov", Word::Month, 11),
    ("dec", Word::Month, 12),
    ("am", Word::AmPm, 0),
    ("pm", Word::AmPm, 12),
    ("ut", Word::Zone, 0),
    ("utc", Word::Zone, 0),
    ("z", Word::Zone, 0),
    ("gmt", Word::Zone, 0),
    ("cdt", Word::Zone, -5),
    ("cst", Word::Zone, -6),
    ("edt", Word::Zone, -4),
    ("est", Word::Zone, -5),
    ("mdt", Word::Zone, -6),
    ("mst", Word::Zone, -7),
    ("pdt", Word::Zone, -7),
    ("pst", Word::Zone, -8),
    ("t", Word::TimeSeparator, 0),
];

/// Looks a word up by its lower-cased three-character prefix (NUL-padded)
/// and its length: only month names may be longer than their keyword.
fn keyword(prefix: [char; 3], len: usize) -> (Word, i32) {
    KEYWORDS
        .iter()
        .find(|(name, kind, _)| {
            name.chars().chain(std::iter::repeat('\0')).take(3).eq(prefix) && (len <= 3 || *kind == Word::Month)
        })
        .map_or((Word::Other, 0), |&(_, kind, value)| (kind, value))
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Token {
    /// A malformed ES5 date-time string: the whole parse fails.
    Invalid,
    /// A character with no meaning here, or a parenthesised comment.
    Unknown,
    /// An unsigned numeral: its value (from its first nine digits) and its
    /// number of digits.
    Number(i32, usize),
    /// One of `: - + . )`.
    Symbol(char),
    WhiteSpace,
    /// A run of characters ≥ 'A' (letters, and anything outside ASCII
    /// but white space): kind, keyword value and length.
    Word(Word, i32, usize),
    End,
}

impl Token {
    fn sign(self) -> Option<i32> {
        match self {
            Token::Symbol('+') => Some(1),
            Token::Symbol('-') => Some(-1),
            _ => None,
        }
    }

    fn is_z(self) -> bool {
        matches!(self, Token::Word(Word::Zone, 0, 1))
    }
}

/// The tokenizer, with one token of lookahead.
struct Scanner<'a> {
    chars: std::str::Chars<'a>,
    /// The current character; `None` at the end. V8 reads the strings as
    /// NUL-terminated, so a NUL ends the input too.
    ch: Option<char>,
    next: Token,
}

impl<'a> Scanner<'a> {
    fn new(s: &'a str) -> Self {
        let mut chars = s.chars();
        let ch = chars.next().filter(|&c| c != '\0');
        let mut scanner = Scanner { chars, ch, next: Token::End };
        scanner.next = scanner.scan();
        scanner
    }

    fn advance(&mut self) {
        if self.ch.is_some() {
            self.ch = self.chars.next().filter(|&c| c != '\0');
        }
    }

    fn scan(&mut self) -> Token {
        let Some(c) = self.ch else { return Token::End };
        if c.is_ascii_digit() {
            // Leading zeros count towards the length only, and so do the
            // digits after the ninth significant one.
            let (mut value, mut len, mut significant) = (0i32, 0usize, 0usize);
            while let Some(d) = self.ch.and_then(|c| c.to_digit(10)) {
                if (value > 0 || d > 0) && significant < 9 {
                    value = value * 10 + d as i32;
                    significant += 1;
                }
                len += 1;
                self.advance();
            }
            return Token::Number(value, len);
        }
        if matches!(c, ':' | '-' | '+' | '.' | ')') {
            self.advance();
            return Token::Symbol(c);
        }
        if c >= 'A' && !is_white_space(c) {
            let mut prefix = ['\0'; 3];
            let mut len = 0;
            while let Some(c) = self.ch
                && c >= 'A'
                && !is_white_space(c)
            {
                if let Some(slot) = prefix.get_mut(len) {
                    *slot = c.to_ascii_lowercase();
                }
                len += 1;
                self.advance();
            }
            let (kind, value) = keyword(prefix, len);
            return Token::Word(kind, value, len);
        }
        if is_white_space(c) || is_line_terminator(c) {
            self.advance();
            return Token::WhiteSpace;
        }
        if c == '(' {
            // A comment, nesting, running to its `)` or the end.
            let mut depth = 0usize;
            while let Some(c) = self.ch {
                match c {
                    '(' => depth += 1,
                    ')' => depth -= 1,
                    _ => {}
                }
                self.advance();
                if depth == 0 {
                    break;
                }
            }
            return Token::Unknown;
        }
        self.advance();
        Token::Unknown
    }

    fn peek(&self) -> Token {
        self.next
    }

    fn next(&mut self) -> Token {
        let following = self.scan();
        std::mem::replace(&mut self.next, following)
    }

    fn skip_symbol(&mut self, c: char) -> bool {
        let skip = self.next == Token::Symbol(c);
        if skip {
            self.next = self.scan();
        }
        skip
    }

    /// The next token's value if it is a numeral of exactly `len` digits
    /// whose value passes `ok`; consumed only then.
    fn take_fixed(&mut self, len: usize, ok: impl Fn(i32) -> bool) -> Option<i32> {
        match self.next {
            Token::Number(n, l) if l == len && ok(n) => {
                self.next = self.scan();
                Some(n)
            }
            _ => None,
        }
    }
}

/// The first three significant digits of a fraction of a second with
/// `len` digits: `.5` is 500 ms, `.123456` is 123 ms.
fn read_milliseconds(n: i32, len: usize) -> i32 {
    match len {
        0 | 3 => n,
        1 => n * 100,
        2 => n * 10,
        // `n` holds at most nine digits.
        _ => n / 10i32.pow(len.min(9) as u32 - 3),
    }
}

/// Year, month and day numbers in the order they came.
#[derive(Default)]
struct DayParts {
    comp: [i32; 3],
    len: usize,
    named_month: Option<i32>,
    /// Read by the ES5 scanner: always year-month-day, and years are not
    /// two-digit abbreviations.
    iso: bool,
}

impl DayParts {
    fn add(&mut self, n: i32) -> bool {
        let Some(slot) = self.comp.get_mut(self.len) else { return false };
        *slot = n;
        self.len += 1;
        true
    }

    /// (year, month 0–11, day). Missing parts are 1; three numbers are
    /// year-month-day when the first cannot be a day, else month-day-year;
    /// with a month name, the first number is the day when it can be one.
    /// (V8 fills the missing parts before looking at how many there were,
    /// so "3/7" is March 7 of year 1, i.e. 2001.) Years 0–49 mean 20xx and
    /// 50–99 19xx outside ISO strings.
    fn write(&self) -> Option<(i32, i32, i32)> {
        if self.len == 0 {
            return None;
        }
        let mut comp = self.comp;
        comp.iter_mut().skip(self.len).for_each(|c| *c = 1);
        let [a, b, c] = comp;
        let (year, month, day) = match self.named_month {
            None if self.iso || !is_day(a) => (a, b, c),
            None => (c, a, b),
            Some(m) if !is_day(a) => (a, m, b),
            Some(m) => (b, m, a),
        };
        let year = match year {
            0..=49 if !self.iso => year + 2000,
            50..=99 if !self.iso => year + 1900,
            _ => year,
        };
        (is_month(month) && is_day(day)).then_some((year, month - 1, day))
    }
}

/// Hours, minutes, seconds and milliseconds in the order they came.
#[derive(Default)]
struct TimeParts {
    comp: [i32; 4],
    len: usize,
    /// 0 after "am", 12 after "pm".
    hour_offset: Option<i32>,
}

impl TimeParts {
    fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Whether `n` can be the next part of a time already begun.
    fn is_expecting(&self, n: i32) -> bool {
        match self.len {
            1 | 2 => is_minute(n),
            3 => (0..=999).contains(&n),
            _ => false,
        }
    }

    fn add(&mut self, n: i32) -> bool {
        let Some(slot) = self.comp.get_mut(self.len) else { return false };
        *slot = n;
        self.len += 1;
        true
    }

    /// Adds the last part: the rest are zero.
    fn add_final(&mut self, n: i32) {
        if self.add(n) {
            self.comp.iter_mut().skip(self.len).for_each(|c| *c = 0);
            self.len = self.comp.len();
        }
    }

    /// (hours, minutes, seconds, ms), with 24:00:00.000 allowed for the
    /// end of the day.
    fn write(&self) -> Option<(i32, i32, i32, i32)> {
        let mut comp = self.comp;
        comp.iter_mut().skip(self.len).for_each(|c| *c = 0);
        let [mut hour, minute, second, ms] = comp;
        if let Some(offset) = self.hour_offset {
            if !(0..=12).contains(&hour) {
                return None;
            }
            hour = hour % 12 + offset;
        }
        let valid = is_hour(hour) && is_minute(minute) && is_minute(second) && (0..=999).contains(&ms);
        (valid || (hour, minute, second, ms) == (24, 0, 0, 0)).then_some((hour, minute, second, ms))
    }
}

/// A UTC offset: sign, hours and minutes.
#[derive(Default)]
struct ZoneParts {
    sign: Option<i32>,
    hour: Option<i32>,
    minute: Option<i32>,
}

impl ZoneParts {
    /// A named zone, `offset` hours from UTC.
    fn set(&mut self, offset: i32) {
        self.sign = Some(if offset < 0 { -1 } else { 1 });
        self.hour = Some(offset.abs());
        self.minute = Some(0);
    }

    fn is_empty(&self) -> bool {
        self.hour.is_none()
    }

    fn is_utc(&self) -> bool {
        self.hour == Some(0) && self.minute == Some(0)
    }

    /// Whether `n` is the minutes of an `hh:` offset.
    fn is_expecting(&self, n: i32) -> bool {
        self.hour.is_some() && self.minute.is_none() && is_minute(n)
    }

    /// The offset in seconds east of UTC (`Some(None)` when there is none).
    /// V8 sums the seconds in wrapping 32-bit unsigned arithmetic and
    /// refuses a total above `i32::MAX`; an absurd `GMT+1193047:00` thus
    /// wraps round to a small offset, as in node.
    fn write(&self) -> Option<Option<i32>> {
        let Some(sign) = self.sign else { return Some(None) };
        let hours = self.hour.unwrap_or(0).unsigned_abs();
        let minutes = self.minute.unwrap_or(0).unsigned_abs();
        let total = i32::try_from(hours.wrapping_mul(3600).wrapping_add(minutes.wrapping_mul(60))).ok()?;
        Some(Some(sign * total))
    }
}

/// The ES5 date-time scanner: `[+-YY]YYYY[-MM[-DD]][THH:mm[:ss[.s+]][Z|±hh:mm|±hhmm]]`.
/// Returns `Token::End` when the whole string was one, `Token::Invalid`
/// when it went wrong after the `T` (no other reading is possible then),
/// and otherwise the first token it could not use, for the legacy rules to
/// go on from (with the numbers already read kept in `day`).
fn parse_es5(sc: &mut Scanner<'_>, day: &mut DayParts, time: &mut TimeParts, zone: &mut ZoneParts) -> Token {
    if let Some(sign) = sc.peek().sign() {
        let sign_token = sc.next();
        let Token::Number(year, 6) = sc.peek() else { return sign_token };
        sc.next();
        // -000000 is not a year (ES2018 §20.3.1.15.1). The numeral is
        // consumed all the same, as in V8, so "-000000-01-01" goes on as
        // the legacy date "-01-01" (January 1, 2001).
        if sign < 0 && year == 0 {
            return sign_token;
        }
        day.add(sign * year);
    } else if let Token::Number(year, 4) = sc.peek() {
        sc.next();
        day.add(year);
    } else {
        return sc.next();
    }
    if sc.skip_symbol('-') {
        let Some(month) = sc.take_fixed(2, is_month) else { return sc.next() };
        day.add(month);
        if sc.skip_symbol('-') {
            let Some(date) = sc.take_fixed(2, is_day) else { return sc.next() };
            day.add(date);
        }
    }
    if let Token::Word(Word::TimeSeparator, ..) = sc.peek() {
        sc.next();
        if parse_es5_time(sc, time, zone).is_none() {
            return Token::Invalid;
        }
    } else if sc.peek() != Token::End {
        return sc.next();
    }
    // ES2016 §20.3.1.16: a date-only form is UTC, a date-time form without
    // an offset local time.
    if zone.is_empty() && time.is_empty() {
        zone.set(0);
    }
    day.iso = true;
    Token::End
}

/// The part of an ES5 date-time string after the `T`, up to the end.
fn parse_es5_time(sc: &mut Scanner<'_>, time: &mut TimeParts, zone: &mut ZoneParts) -> Option<()> {
    // 24:00, 24:00:00 and 24:00:00.000 are midnight at the end of the day.
    let hour = sc.take_fixed(2, |h| (0..=24).contains(&h))?;
    let end_of_day = hour == 24;
    time.add(hour);
    sc.skip_symbol(':').then_some(())?;
    time.add(sc.take_fixed(2, |m| is_minute(m) && !(end_of_day && m > 0))?);
    if sc.skip_symbol(':') {
        time.add(sc.take_fixed(2, |s| is_minute(s) && !(end_of_day && s > 0))?);
        if sc.skip_symbol('.') {
            // Any number of digits, not just the three ES5 asks for.
            let Token::Number(frac, len) = sc.peek() else { return None };
            if end_of_day && frac > 0 {
                return None;
            }
            sc.next();
            time.add(read_milliseconds(frac, len));
        }
    }
    if sc.peek().is_z() {
        sc.next();
        zone.set(0);
    } else if let Some(sign) = sc.peek().sign() {
        sc.next();
        zone.sign = Some(sign);
        if let Token::Number(hhmm, 4) = sc.peek() {
            // V8 also takes `±hhmm`.
            sc.next();
            let (h, m) = (hhmm / 100, hhmm % 100);
            if !is_hour(h) || !is_minute(m) {
                return None;
            }
            (zone.hour, zone.minute) = (Some(h), Some(m));
        } else {
            zone.hour = Some(sc.take_fixed(2, is_hour)?);
            sc.skip_symbol(':').then_some(())?;
            zone.minute = Some(sc.take_fixed(2, is_minute)?);
        }
    }
    (sc.peek() == Token::End).then_some(())
}

/// The whole parse: the ES5 scanner, then V8's legacy rules for what is
/// left. Those rules, token by token:
/// - a number followed by `:` is a time part (`::` adds a zero seconds
///   part); one followed by `.` inside a time is the seconds, and the next
///   number its fraction; one completing `hh:` of an offset is its minutes;
///   one completing a time ends it; any other is a date part;
/// - a month name sets the month; `am`/`pm` after a time shifts its hour;
///   a zone name after a number sets the offset; any other word is skipped
///   before the first number and an error after it;
/// - `+`/`-` after a time or a UTC zone name starts an offset (`+h`, `+hh`,
///   `+hmm`, `+hhmm` or `+hh:mm`); otherwise a sign or `)` after a number
///   is an error;
/// - anything else (white space, `,`, `/`, parenthesised text) is skipped.
fn parse_fields(s: &str) -> Option<Parsed> {
    let mut sc = Scanner::new(s);
    let (mut day, mut time, mut zone) = (DayParts::default(), TimeParts::default(), ZoneParts::default());
    let mut token = parse_es5(&mut sc, &mut day, &mut time, &mut zone);
    if token == Token::Invalid {
        return None;
    }
    let mut has_read_number = day.len > 0;
    while token != Token::End {
        match token {
            Token::Number(n, _) => {
                has_read_number = true;
                if sc.skip_symbol(':') {
                    if sc.skip_symbol(':') {
                        if !time.is_empty() {
                            return None;
                        }
                        time.add(n);
                        time.add(0);
                    } else {
                        if !time.add(n) {
                            return None;
                        }
                        if sc.peek() == Token::Symbol('.') {
                            sc.next();
                        }
                    }
                // The `.` is consumed even when no time is under way.
                } else if sc.skip_symbol('.') && time.is_expecting(n) {
                    time.add(n);
                    let Token::Number(frac, len) = sc.next() else { return None };
                    time.add_final(read_milliseconds(frac, len));
                } else if zone.is_expecting(n) {
                    zone.minute = Some(n);
                } else if time.is_expecting(n) {
                    time.add_final(n);
                    // A finished time must be followed by the end, white
                    // space, `Z` or an offset sign.
                    let next = sc.peek();
                    if !(matches!(next, Token::End | Token::WhiteSpace) || next.is_z() || next.sign().is_some()) {
                        return None;
                    }
                } else {
                    if !day.add(n) {
                        return None;
                    }
                    sc.skip_symbol('-');
                }
            }
            Token::Word(kind, value, _) => match kind {
                Word::AmPm if !time.is_empty() => time.hour_offset = Some(value),
                Word::Month => {
                    day.named_month = Some(value);
                    sc.skip_symbol('-');
                }
                Word::Zone if has_read_number => zone.set(value),
                // Garbage words may only come before the first number, and
                // not right against it.
                _ => {
                    if has_read_number || matches!(sc.peek(), Token::Number(..)) {
                        return None;
                    }
                }
            },
            Token::Symbol('+' | '-') if zone.is_utc() || !time.is_empty() => {
                zone.sign = token.sign();
                let (n, len) = match sc.peek() {
                    Token::Number(n, len) => {
                        sc.next();
                        (n, len)
                    }
                    _ => (0, 0),
                };
                has_read_number = true;
                if sc.peek() == Token::Symbol(':') {
                    // `+hh:mm`: the minutes come as the next number.
                    (zone.hour, zone.minute) = (Some(n), None);
                } else if matches!(len, 1 | 2) {
                    (zone.hour, zone.minute) = (Some(n), Some(0));
                } else if matches!(len, 3 | 4) {
                    (zone.hour, zone.minute) = (Some(n / 100), Some(n % 100));
                } else {
                    return None;
                }
            }
            Token::Symbol('+' | '-' | ')') if has_read_number => return None,
            _ => {}
        }
        token = sc.next();
    }
    Some(Parsed { date: day.write()?, time: time.write()?, offset: zone.write()? })
}

#[cfg(test)]
mod tests {
    //! The expected values are node's (v20.20, V8 11.3, ICU 78), printed in
    //! each of three zones by, for example,
    //! `TZ=Etc/GMT-2 node -e 'const d = new Date(t); console.log(Date.parse(s), d.setHours(25), new Date(2024, 2, 7).getTime(), Date.UTC(99, 0), d.toString(), d.toLocaleString(), d.getDay())'`
    //! with TZ=UTC, TZ=Etc/GMT-2 (UTC+2) and TZ=Etc/GMT+5 (UTC−5).
    //! Tables have one column per zone, in the order of `ZONES`.

    use super::*;

    const N: f64 = f64::NAN;
    const ZONES: [i32; 3] = [0, 120, -300];

    /// Equal bit for bit (so +0 is not −0), or both NaN.
    fn same(a: f64, b: f64) -> bool {
        a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan())
    }

    fn check(failures: Vec<String>) {
        assert!(failures.is_empty(), "{} mismatches:\n{}", failures.len(), failures.join("\n"));
    }

    /// (input, Date.parse with TZ=UTC, TZ=Etc/GMT-2, TZ=Etc/GMT+5)
    #[rustfmt::skip]
    const PARSE: &[(&str, [f64; 3])] = &[
        ("2024", [1704067200000.0, 1704067200000.0, 1704067200000.0]),
        ("2024-03", [1709251200000.0, 1709251200000.0, 1709251200000.0]),
        ("2024-03-07", [1709769600000.0, 1709769600000.0, 1709769600000.0]),
        ("2024-03-07T10:30", [1709807400000.0, 1709800200000.0, 1709825400000.0]),
        ("2024-03-07T10:30:15", [1709807415000.0, 1709800215000.0, 1709825415000.0]),
        ("2024-03-07T10:30:15.123", [1709807415123.0, 1709800215123.0, 1709825415123.0]),
        ("2024-03-07T10:30:15.1", [1709807415100.0, 1709800215100.0, 1709825415100.0]),
        ("2024-03-07T10:30:15.12", [1709807415120.0, 1709800215120.0, 1709825415120.0]),
        ("2024-03-07T10:30:15.123456", [1709807415123.0, 1709800215123.0, 1709825415123.0]),
        ("2024-03-07T10:30:15.123456789012Z", [1709807415123.0, 1709807415123.0, 1709807415123.0]),
        ("2024-03-07T10:30:15Z", [1709807415000.0, 1709807415000.0, 1709807415000.0]),
        ("2024-03-07T10:30:15.5Z", [1709807415500.0, 1709807415500.0, 1709807415500.0]),
        ("2024-03-07T10:30:15+05:30", [1709787615000.0, 1709787615000.0, 1709787615000.0]),
        ("2024-03-07T10:30:15-08:00", [1709836215000.0, 1709836215000.0, 1709836215000.0]),
        ("2024-03-07T10:30+0100", [1709803800000.0, 1709803800000.0, 1709803800000.0]),
        ("2024-03-07T10:30Z", [1709807400000.0, 1709807400000.0, 1709807400000.0]),
        ("2024-03-07T24:00:00Z", [1709856000000.0, 1709856000000.0, 1709856000000.0]),
        ("2024-03-07T24:00", [1709856000000.0, 1709848800000.0, 1709874000000.0]),
        ("2024-03-07T24:00:01Z", [N, N, N]),
        ("2024-03-07T25:00Z", [N, N, N]),
        ("2024-03-07T10:60Z", [N, N, N]),
        ("2024-03-07T10:30:60Z", [N, N, N]),
        ("2024-13-01", [N, N, N]),
        ("2024-00-01", [N, N, N]),
        ("2024-02-30", [1709251200000.0, 1709251200000.0, 1709251200000.0]),
        ("2024-02-31", [1709337600000.0, 1709337600000.0, 1709337600000.0]),
        ("2024-03-32", [N, N, N]),
        ("+002024-03-07", [1709769600000.0, 1709769600000.0, 1709769600000.0]),
        ("-000001-01-01T00:00:00Z", [-62198755200000.0, -62198755200000.0, -62198755200000.0]),
        ("+275760-09-13T00:00:00Z", [8640000000000000.0, 8640000000000000.0, 8640000000000000.0]),
        ("+275760-09-13T00:00:00.001Z", [N, N, N]),
        ("-271821-04-20T00:00:00Z", [-8640000000000000.0, -8640000000000000.0, -8640000000000000.0]),
        ("-271821-04-19T23:59:59.999Z", [N, N, N]),
        ("-271821-04-20T02:00", [-8639999992800000.0, -8640000000000000.0, -8639999974800000.0]),
        ("-000000-01-01", [978307200000.0, 978300000000.0, 978325200000.0]),
        ("+000000-01-01", [-62167219200000.0, -62167219200000.0, -62167219200000.0]),
        ("2024-03-07T10", [N, N, N]),
        ("2024-03-07T10:30:15+05", [N, N, N]),
        ("2024-03-07T10:30:15 Z", [N, N, N]),
        ("2024-03-07t10:30z", [1709807400000.0, 1709807400000.0, 1709807400000.0]),
        ("2024-03-07 10:30:15Z", [1709807415000.0, 1709807415000.0, 1709807415000.0]),
        ("2024-03-07T10:30:15.Z", [N, N, N]),
        ("0000-01-01", [-62167219200000.0, -62167219200000.0, -62167219200000.0]),
        ("0099-01-01", [-59042995200000.0, -59042995200000.0, -59042995200000.0]),
        ("2024-3-7", [1709769600000.0, 1709762400000.0, 1709787600000.0]),
        ("2024-03-7", [1709769600000.0, 1709762400000.0, 1709787600000.0]),
        ("20240307", [N, N, N]),
        ("2024-03-07T10:30:15.123+05:30", [1709787615123.0, 1709787615123.0, 1709787615123.0]),
        ("2024-03-07T10:30:15.123456+01:00", [1709803815123.0, 1709803815123.0, 1709803815123.0]),
        (" 2024-03-07", [1709769600000.0, 1709762400000.0, 1709787600000.0]),
        ("2024-03-07 ", [1709769600000.0, 1709762400000.0, 1709787600000.0]),
        ("2024-03-07T10:30:15+2400", [N, N, N]),
        ("2024-03-07T10:30:15+0560", [N, N, N]),
        ("275760-09-13", [8640000000000000.0, 8639999992800000.0, N]),
        ("2024-03-07\u{0}10:30", [1709769600000.0, 1709769600000.0, 1709769600000.0]),
        ("March 7, 2024", [1709769600000.0, 1709762400000.0, 1709787600000.0]),
        ("Mar 7 2024 10:30", [1709807400000.0, 1709800200000.0, 1709825400000.0]),
        ("7 March 2024", [1709769600000.0, 1709762400000.0, 1709787600000.0]),
        ("2024/03/07", [1709769600000.0, 1709762400000.0, 1709787600000.0]),
        ("2024/3/7 10:30:15", [1709807415000.0, 1709800215000.0, 1709825415000.0]),
        ("03/07/2024", [1709769600000.0, 1709762400000.0, 1709787600000.0]),
        ("03/07/2024 10:30", [1709807400000.0, 1709800200000.0, 1709825400000.0]),
        ("Thu, 07 Mar 2024 10:00:00 GMT", [1709805600000.0, 1709805600000.0, 1709805600000.0]),
        ("Thu Mar 07 2024 10:30:15 GMT+0000 (Coordinated Universal Time)", [1709807415000.0, 1709807415000.0, 1709807415000.0]),
        ("Thu Mar 07 2024 10:30:15 GMT+0200 (GMT+02:00)", [1709800215000.0, 1709800215000.0, 1709800215000.0]),
        ("Thu Mar 07 2024 10:30:15 GMT-0530", [1709827215000.0, 1709827215000.0, 1709827215000.0]),
        ("Mar 7 2024 10:30 UTC", [1709807400000.0, 1709807400000.0, 1709807400000.0]),
        ("Mar 7 2024 10:30 UT", [1709807400000.0, 1709807400000.0, 1709807400000.0]),
        ("Mar 7 2024 10:30 Z", [1709807400000.0, 1709807400000.0, 1709807400000.0]),
        ("Mar 7 2024 10:30 +0530", [1709787600000.0, 1709787600000.0, 1709787600000.0]),
        ("Mar 7 2024 10:30 GMT-5", [1709825400000.0, 1709825400000.0, 1709825400000.0]),
        ("Mar 7 2024 10:30:15 GMT+05:30", [1709787615000.0, 1709787615000.0, 1709787615000.0]),
        ("Mar 7 2024 10:30 PM", [1709850600000.0, 1709843400000.0, 1709868600000.0]),
        ("Mar 7 2024 12:00 AM", [1709769600000.0, 1709762400000.0, 1709787600000.0]),
        ("Mar 7 2024 12:30 pm", [1709814600000.0, 1709807400000.0, 1709832600000.0]),
        ("Mar 7 2024 10:30 EST", [1709825400000.0, 1709825400000.0, 1709825400000.0]),
        ("Mar 7 2024 10:30 EDT", [1709821800000.0, 1709821800000.0, 1709821800000.0]),
        ("Mar 7 2024 10:30 CST", [1709829000000.0, 1709829000000.0, 1709829000000.0]),
        ("Mar 7 2024 10:30 CDT", [1709825400000.0, 1709825400000.0, 1709825400000.0]),
        ("Mar 7 2024 10:30 MST", [1709832600000.0, 1709832600000.0, 1709832600000.0]),
        ("Mar 7 2024 10:30 MDT", [1709829000000.0, 1709829000000.0, 1709829000000.0]),
        ("Mar 7 2024 10:30 PST", [1709836200000.0, 1709836200000.0, 1709836200000.0]),
        ("Mar 7 2024 10:30 PDT", [1709832600000.0, 1709832600000.0, 1709832600000.0]),
        ("Mar 7 24", [1709769600000.0, 1709762400000.0, 1709787600000.0]),
        ("Mar 7 49", [2498688000000.0, 2498680800000.0, 2498706000000.0]),
        ("Mar 7 50", [-625536000000.0, -625543200000.0, -625518000000.0]),
        ("Mar 7 99", [920764800000.0, 920757600000.0, 920782800000.0]),
        ("3/7/24", [1709769600000.0, 1709762400000.0, 1709787600000.0]),
        ("3/7/75", [163382400000.0, 163375200000.0, 163400400000.0]),
        ("12/31/1999 23:59:59", [946684799000.0, 946677599000.0, 946702799000.0]),
        ("1/1/2000 0:0:0", [946684800000.0, 946677600000.0, 946702800000.0]),
        ("Sun, 06 Nov 1994 08:49:37 GMT", [784111777000.0, 784111777000.0, 784111777000.0]),
        ("Sunday, 06-Nov-94 08:49:37 GMT", [784111777000.0, 784111777000.0, 784111777000.0]),
        ("Sun Nov  6 08:49:37 1994", [784111777000.0, 784104577000.0, 784129777000.0]),
        ("March 7", [983923200000.0, 983916000000.0, 983941200000.0]),
        ("3/7", [983923200000.0, 983916000000.0, 983941200000.0]),
        ("Mar 2024", [1709251200000.0, 1709244000000.0, 1709269200000.0]),
        ("7-Mar-2024", [1709769600000.0, 1709762400000.0, 1709787600000.0]),
        ("March 7th, 2024", [N, N, N]),
        ("2024-03-07 10:30:15.123", [1709807415123.0, 1709800215123.0, 1709825415123.0]),
        ("2024/03/07 10:30:15.5", [1709807415500.0, 1709800215500.0, 1709825415500.0]),
        ("Mar 7 2024 10:30:15.123", [1709807415123.0, 1709800215123.0, 1709825415123.0]),
        ("Mar 7 2024 10::", [1709805600000.0, 1709798400000.0, 1709823600000.0]),
        ("10:30 Mar 7 2024", [1709807400000.0, 1709800200000.0, 1709825400000.0]),
        ("Thursday, March 7, 2024", [1709769600000.0, 1709762400000.0, 1709787600000.0]),
        ("Thursday, March 7, 2024 10:30 AM", [1709807400000.0, 1709800200000.0, 1709825400000.0]),
        ("", [N, N, N]),
        ("  ", [N, N, N]),
        ("hello", [N, N, N]),
        ("NaN", [N, N, N]),
        ("Invalid Date", [N, N, N]),
        ("0", [946684800000.0, 946677600000.0, 946702800000.0]),
        ("1", [978307200000.0, 978300000000.0, 978325200000.0]),
        ("12", [1007164800000.0, 1007157600000.0, 1007182800000.0]),
        ("123", [-58285699200000.0, -58285706400000.0, -58285681200000.0]),
        ("12345", [327403382400000.0, 327403375200000.0, 327403400400000.0]),
        ("2024 03 07", [1709769600000.0, 1709762400000.0, 1709787600000.0]),
        ("Mar 7 2024 24:00", [1709856000000.0, 1709848800000.0, 1709874000000.0]),
        ("Mar 7 2024 24:01", [N, N, N]),
        ("Mar 7 2024 13:00 PM", [N, N, N]),
        ("Mar 7 2024 0:30 AM", [1709771400000.0, 1709764200000.0, 1709789400000.0]),
        ("Mar 32 2024", [N, N, N]),
        ("Feb 30 2024", [1709251200000.0, 1709244000000.0, 1709269200000.0]),
        ("Mar 7 2024 10:30 GMT+1", [1709803800000.0, 1709803800000.0, 1709803800000.0]),
        ("Mar 7 2024 10:30 GMT+123", [1709802420000.0, 1709802420000.0, 1709802420000.0]),
        ("Mar 7 2024 10:30 GMT+12345", [N, N, N]),
        ("Mar 7 2024 10:30 GMT+", [N, N, N]),
        ("Mar 7 2024 10:30 +05:30", [1709787600000.0, 1709787600000.0, 1709787600000.0]),
        ("Mar 7 2024 10:30 (PST)", [1709807400000.0, 1709800200000.0, 1709825400000.0]),
        ("Mar 7 2024 10:30 GMT+0100 (CET)", [1709803800000.0, 1709803800000.0, 1709803800000.0]),
        ("(comment) Mar 7 2024", [1709769600000.0, 1709762400000.0, 1709787600000.0]),
        ("Mar 7 2024 10:30 )", [N, N, N]),
        ("7.3.2024", [1719964800000.0, 1719957600000.0, 1719982800000.0]),
        ("2024.03.07", [1709769600000.0, 1709762400000.0, 1709787600000.0]),
        ("Mar 7, 2024, 10:30:15 AM", [1709807415000.0, 1709800215000.0, 1709825415000.0]),
        ("3/7/2024, 10:30:15 AM", [1709807415000.0, 1709800215000.0, 1709825415000.0]),
        ("Mar-07-2024", [1709769600000.0, 1709762400000.0, 1709787600000.0]),
        ("07-Mar-2024 10:30", [1709807400000.0, 1709800200000.0, 1709825400000.0]),
        ("1 1 1", [978307200000.0, 978300000000.0, 978325200000.0]),
        ("1 2 3 4", [N, N, N]),
        ("Jan 1 10000", [253402300800000.0, 253402293600000.0, 253402318800000.0]),
        ("Sep 13 275760 00:00:00 GMT", [8640000000000000.0, 8640000000000000.0, 8640000000000000.0]),
        ("Sep 13 275760 00:00:01 GMT", [N, N, N]),
        ("Apr 20 -271821", [N, N, N]),
        ("Jan 1 1970 GMT+596523:00", [-2147482800000.0, -2147482800000.0, -2147482800000.0]),
        ("Jan 1 1970 GMT+596524:00", [N, N, N]),
        ("Jan 1 1970 10:00 GMT+1193047:00", [34096000.0, 34096000.0, 34096000.0]),
        ("12:30 2024-03-07", [1709814600000.0, 1709807400000.0, 1709832600000.0]),
        ("2024-03-07 10:30 GMT\u{a0}+0100", [1709803800000.0, 1709803800000.0, 1709803800000.0]),
        ("2024-03-07\u{2028}10:30", [N, N, N]),
        ("2024-03-07\u{a0}10:30", [1709807400000.0, 1709800200000.0, 1709825400000.0]),
        ("2024-03-07\u{feff}10:30", [1709807400000.0, 1709800200000.0, 1709825400000.0]),
        ("Mar\u{e9} 7 2024", [1709769600000.0, 1709762400000.0, 1709787600000.0]),
        ("Jan 1 1970 (foo (bar) baz) 10:00", [36000000.0, 28800000.0, 54000000.0]),
        ("Jan 1 1970 10:00 (foo", [36000000.0, 28800000.0, 54000000.0]),
        ("Mar 7 2024 10:30:15:123", [1709807415123.0, 1709800215123.0, 1709825415123.0]),
        ("Mar 7 2024 10:30.5", [N, N, N]),
        ("Mar 7 2024 10:30:15.5.6", [1709807415500.0, 1709800215500.0, 1709825415500.0]),
        ("Mar 7 2024 10:30:15.", [N, N, N]),
        ("Mar 7 2024 10 : 30", [N, N, N]),
        ("Mar 7 2024 10:30am", [N, N, N]),
        ("Mar 7 2024 10:30:15Z", [1709807415000.0, 1709807415000.0, 1709807415000.0]),
        ("Mar 7 2024 10:30:15+01", [1709803815000.0, 1709803815000.0, 1709803815000.0]),
        ("Mar 7 2024 10:30:15x", [N, N, N]),
        ("Mar 7 2024 am 10:30", [N, N, N]),
        ("Mar 7 2024 T10:30", [N, N, N]),
        ("2024-03-07 T10:30", [N, N, N]),
        ("Jan Feb 1 2024", [1706745600000.0, 1706738400000.0, 1706763600000.0]),
        ("1 Mar 2024 Apr", [1711929600000.0, 1711922400000.0, 1711947600000.0]),
        ("Mar 7 2024 10:30 GMT+01:30 ", [1709802000000.0, 1709802000000.0, 1709802000000.0]),
        ("Mar 7 2024 GMT 10:30", [1709807400000.0, 1709807400000.0, 1709807400000.0]),
        ("GMT Mar 7 2024", [1709769600000.0, 1709762400000.0, 1709787600000.0]),
        ("Mar 7 2024 UTC+3", [1709758800000.0, 1709758800000.0, 1709758800000.0]),
        ("Mar 7 2024 -3", [N, N, N]),
        ("Mar 7 2024 10:30 -3", [1709818200000.0, 1709818200000.0, 1709818200000.0]),
        ("+1 Mar 7 2024", [1172707200000.0, 1172700000000.0, 1172725200000.0]),
        ("Mar 7 2024 10:30 z", [1709807400000.0, 1709807400000.0, 1709807400000.0]),
        ("Mar 7 2024 10:30 zulu", [N, N, N]),
        ("2024-03-07Tfoo", [N, N, N]),
        ("2024-03-07T", [N, N, N]),
        ("2024-03-07Tuesday", [N, N, N]),
        ("2024-03-07x", [N, N, N]),
        ("2024-03-07 x", [N, N, N]),
        ("x 2024-03-07", [1709769600000.0, 1709762400000.0, 1709787600000.0]),
        ("x2024", [N, N, N]),
        ("2024x", [N, N, N]),
        ("Mar 7 2024 10:30:15 +0100 (CET)", [1709803815000.0, 1709803815000.0, 1709803815000.0]),
        ("Mar 7 2024 10:30:15 GMT+0100 (Central European Standard Time)", [1709803815000.0, 1709803815000.0, 1709803815000.0]),
        ("Fri Jan 01 -0001 00:00:00 GMT+0000", [N, N, N]),
        ("-0001-01-01", [978307200000.0, 978300000000.0, 978325200000.0]),
        ("-1-01-01", [978307200000.0, 978300000000.0, 978325200000.0]),
        ("+2024-01-01", [1704067200000.0, 1704060000000.0, 1704085200000.0]),
        ("Mar 7 2024 1:2:3", [1709773323000.0, 1709766123000.0, 1709791323000.0]),
        ("Mar 7 2024 01:02:03.004", [1709773323004.0, 1709766123004.0, 1709791323004.0]),
        ("2024-03-07T10:30:15,123Z", [N, N, N]),
        ("99999999999999999999", [N, N, N]),
        ("Mar 7 999999999", [N, N, N]),
        ("Mar 7 1000000", [N, N, N]),
        ("May 7 2024 10:30:00 GMT+0000", [1715077800000.0, 1715077800000.0, 1715077800000.0]),
        ("Jun 31 2024", [1719792000000.0, 1719784800000.0, 1719810000000.0]),
        ("12/25/2024 11:59:59 PM", [1735171199000.0, 1735163999000.0, 1735189199000.0]),
        ("12/25/2024 12:00:00 PM", [1735128000000.0, 1735120800000.0, 1735146000000.0]),
        ("12/25/2024 12:00:00 AM", [1735084800000.0, 1735077600000.0, 1735102800000.0]),
        ("\t2024-03-07\n", [1709769600000.0, 1709762400000.0, 1709787600000.0]),
        ("2024-03-07T10:30:15.0001234567891Z", [1709807415123.0, 1709807415123.0, 1709807415123.0]),
        ("2024-03-07T10:30:15.000000000001Z", [1709807415000.0, 1709807415000.0, 1709807415000.0]),
        ("Mar 7 2024 00000010:0030", [1709807400000.0, 1709800200000.0, 1709825400000.0]),
        ("Mar 0000000000007 2024", [1709769600000.0, 1709762400000.0, 1709787600000.0]),
        ("mar00000000000020242", [576613728000000.0, 576613720800000.0, 576613746000000.0]),
    ];

    /// (method, arguments, time value before, result in the three zones)
    #[rustfmt::skip]
    const SET: &[(&str, &[f64], f64, [f64; 3])] = &[
        ("setMilliseconds", &[0.0], 1709807415123.0, [1709807415000.0, 1709807415000.0, 1709807415000.0]),
        ("setMilliseconds", &[0.0], -1.0, [-1000.0, -1000.0, -1000.0]),
        ("setMilliseconds", &[0.0], N, [N, N, N]),
        ("setMilliseconds", &[0.0], 1711843200000.0, [1711843200000.0, 1711843200000.0, 1711843200000.0]),
        ("setMilliseconds", &[0.0], 8640000000000000.0, [8640000000000000.0, 8640000000000000.0, 8640000000000000.0]),
        ("setMilliseconds", &[1000.0], 1709807415123.0, [1709807416000.0, 1709807416000.0, 1709807416000.0]),
        ("setMilliseconds", &[1000.0], -1.0, [0.0, 0.0, 0.0]),
        ("setMilliseconds", &[1000.0], N, [N, N, N]),
        ("setMilliseconds", &[1000.0], 1711843200000.0, [1711843201000.0, 1711843201000.0, 1711843201000.0]),
        ("setMilliseconds", &[1000.0], 8640000000000000.0, [N, N, N]),
        ("setMilliseconds", &[-1.0], 1709807415123.0, [1709807414999.0, 1709807414999.0, 1709807414999.0]),
        ("setMilliseconds", &[-1.0], -1.0, [-1001.0, -1001.0, -1001.0]),
        ("setMilliseconds", &[-1.0], N, [N, N, N]),
        ("setMilliseconds", &[-1.0], 1711843200000.0, [1711843199999.0, 1711843199999.0, 1711843199999.0]),
        ("setMilliseconds", &[-1.0], 8640000000000000.0, [8639999999999999.0, 8639999999999999.0, 8639999999999999.0]),
        ("setMilliseconds", &[N], 1709807415123.0, [N, N, N]),
        ("setMilliseconds", &[N], -1.0, [N, N, N]),
        ("setMilliseconds", &[N], N, [N, N, N]),
        ("setMilliseconds", &[N], 1711843200000.0, [N, N, N]),
        ("setMilliseconds", &[N], 8640000000000000.0, [N, N, N]),
        ("setMilliseconds", &[], 1709807415123.0, [N, N, N]),
        ("setMilliseconds", &[], -1.0, [N, N, N]),
        ("setMilliseconds", &[], N, [N, N, N]),
        ("setMilliseconds", &[], 1711843200000.0, [N, N, N]),
        ("setMilliseconds", &[], 8640000000000000.0, [N, N, N]),
        ("setUTCMilliseconds", &[999.0], 1709807415123.0, [1709807415999.0, 1709807415999.0, 1709807415999.0]),
        ("setUTCMilliseconds", &[999.0], -1.0, [-1.0, -1.0, -1.0]),
        ("setUTCMilliseconds", &[999.0], N, [N, N, N]),
        ("setUTCMilliseconds", &[999.0], 1711843200000.0, [1711843200999.0, 1711843200999.0, 1711843200999.0]),
        ("setUTCMilliseconds", &[999.0], 8640000000000000.0, [N, N, N]),
        ("setSeconds", &[75.0], 1709807415123.0, [1709807475123.0, 1709807475123.0, 1709807475123.0]),
        ("setSeconds", &[75.0], -1.0, [15999.0, 15999.0, 15999.0]),
        ("setSeconds", &[75.0], N, [N, N, N]),
        ("setSeconds", &[75.0], 1711843200000.0, [1711843275000.0, 1711843275000.0, 1711843275000.0]),
        ("setSeconds", &[75.0], 8640000000000000.0, [N, N, N]),
        ("setSeconds", &[30.0, 500.0], 1709807415123.0, [1709807430500.0, 1709807430500.0, 1709807430500.0]),
        ("setSeconds", &[30.0, 500.0], -1.0, [-29500.0, -29500.0, -29500.0]),
        ("setSeconds", &[30.0, 500.0], N, [N, N, N]),
        ("setSeconds", &[30.0, 500.0], 1711843200000.0, [1711843230500.0, 1711843230500.0, 1711843230500.0]),
        ("setSeconds", &[30.0, 500.0], 8640000000000000.0, [N, N, N]),
        ("setSeconds", &[], 1709807415123.0, [N, N, N]),
        ("setSeconds", &[], -1.0, [N, N, N]),
        ("setSeconds", &[], N, [N, N, N]),
        ("setSeconds", &[], 1711843200000.0, [N, N, N]),
        ("setSeconds", &[], 8640000000000000.0, [N, N, N]),
        ("setUTCSeconds", &[0.0], 1709807415123.0, [1709807400123.0, 1709807400123.0, 1709807400123.0]),
        ("setUTCSeconds", &[0.0], -1.0, [-59001.0, -59001.0, -59001.0]),
        ("setUTCSeconds", &[0.0], N, [N, N, N]),
        ("setUTCSeconds", &[0.0], 1711843200000.0, [1711843200000.0, 1711843200000.0, 1711843200000.0]),
        ("setUTCSeconds", &[0.0], 8640000000000000.0, [8640000000000000.0, 8640000000000000.0, 8640000000000000.0]),
        ("setUTCSeconds", &[-61.0, 1.0], 1709807415123.0, [1709807339001.0, 1709807339001.0, 1709807339001.0]),
        ("setUTCSeconds", &[-61.0, 1.0], -1.0, [-120999.0, -120999.0, -120999.0]),
        ("setUTCSeconds", &[-61.0, 1.0], N, [N, N, N]),
        ("setUTCSeconds", &[-61.0, 1.0], 1711843200000.0, [1711843139001.0, 1711843139001.0, 1711843139001.0]),
        ("setUTCSeconds", &[-61.0, 1.0], 8640000000000000.0, [8639999999939001.0, 8639999999939001.0, 8639999999939001.0]),
        ("setMinutes", &[90.0], 1709807415123.0, [1709811015123.0, 1709811015123.0, 1709811015123.0]),
        ("setMinutes", &[90.0], -1.0, [1859999.0, 1859999.0, 1859999.0]),
        ("setMinutes", &[90.0], N, [N, N, N]),
        ("setMinutes", &[90.0], 1711843200000.0, [1711848600000.0, 1711848600000.0, 1711848600000.0]),
        ("setMinutes", &[90.0], 8640000000000000.0, [N, N, N]),
        ("setMinutes", &[1.0, 2.0, 3.0], 1709807415123.0, [1709805662003.0, 1709805662003.0, 1709805662003.0]),
        ("setMinutes", &[1.0, 2.0, 3.0], -1.0, [-3537997.0, -3537997.0, -3537997.0]),
        ("setMinutes", &[1.0, 2.0, 3.0], N, [N, N, N]),
        ("setMinutes", &[1.0, 2.0, 3.0], 1711843200000.0, [1711843262003.0, 1711843262003.0, 1711843262003.0]),
        ("setMinutes", &[1.0, 2.0, 3.0], 8640000000000000.0, [N, N, N]),
        ("setMinutes", &[-1.0], 1709807415123.0, [1709805555123.0, 1709805555123.0, 1709805555123.0]),
        ("setMinutes", &[-1.0], -1.0, [-3600001.0, -3600001.0, -3600001.0]),
        ("setMinutes", &[-1.0], N, [N, N, N]),
        ("setMinutes", &[-1.0], 1711843200000.0, [1711843140000.0, 1711843140000.0, 1711843140000.0]),
        ("setMinutes", &[-1.0], 8640000000000000.0, [8639999999940000.0, 8639999999940000.0, 8639999999940000.0]),
        ("setUTCMinutes", &[59.0, 59.0], 1709807415123.0, [1709809199123.0, 1709809199123.0, 1709809199123.0]),
        ("setUTCMinutes", &[59.0, 59.0], -1.0, [-1.0, -1.0, -1.0]),
        ("setUTCMinutes", &[59.0, 59.0], N, [N, N, N]),
        ("setUTCMinutes", &[59.0, 59.0], 1711843200000.0, [1711846799000.0, 1711846799000.0, 1711846799000.0]),
        ("setUTCMinutes", &[59.0, 59.0], 8640000000000000.0, [N, N, N]),
        ("setHours", &[25.0], 1709807415123.0, [1709861415123.0, 1709854215123.0, 1709879415123.0]),
        ("setHours", &[25.0], -1.0, [7199999.0, 86399999.0, 25199999.0]),
        ("setHours", &[25.0], N, [N, N, N]),
        ("setHours", &[25.0], 1711843200000.0, [1711933200000.0, 1711926000000.0, 1711864800000.0]),
        ("setHours", &[25.0], 8640000000000000.0, [N, N, N]),
        ("setHours", &[0.0], 1709807415123.0, [1709771415123.0, 1709764215123.0, 1709789415123.0]),
        ("setHours", &[0.0], -1.0, [-82800001.0, -3600001.0, -64800001.0]),
        ("setHours", &[0.0], N, [N, N, N]),
        ("setHours", &[0.0], 1711843200000.0, [1711843200000.0, 1711836000000.0, 1711774800000.0]),
        ("setHours", &[0.0], 8640000000000000.0, [8640000000000000.0, 8639999992800000.0, 8639999931600000.0]),
        ("setHours", &[23.0, 59.0, 59.0, 999.0], 1709807415123.0, [1709855999999.0, 1709848799999.0, 1709873999999.0]),
        ("setHours", &[23.0, 59.0, 59.0, 999.0], -1.0, [-1.0, 79199999.0, 17999999.0]),
        ("setHours", &[23.0, 59.0, 59.0, 999.0], N, [N, N, N]),
        ("setHours", &[23.0, 59.0, 59.0, 999.0], 1711843200000.0, [1711929599999.0, 1711922399999.0, 1711861199999.0]),
        ("setHours", &[23.0, 59.0, 59.0, 999.0], 8640000000000000.0, [N, N, N]),
        ("setHours", &[-1.0, 30.0], 1709807415123.0, [1709767815123.0, 1709760615123.0, 1709785815123.0]),
        ("setHours", &[-1.0, 30.0], -1.0, [-88140001.0, -8940001.0, -70140001.0]),
        ("setHours", &[-1.0, 30.0], N, [N, N, N]),
        ("setHours", &[-1.0, 30.0], 1711843200000.0, [1711841400000.0, 1711834200000.0, 1711773000000.0]),
        ("setHours", &[-1.0, 30.0], 8640000000000000.0, [8639999998200000.0, 8639999991000000.0, 8639999929800000.0]),
        ("setHours", &[1.9], 1709807415123.0, [1709775015123.0, 1709767815123.0, 1709793015123.0]),
        ("setHours", &[1.9], -1.0, [-79200001.0, -1.0, -61200001.0]),
        ("setHours", &[1.9], N, [N, N, N]),
        ("setHours", &[1.9], 1711843200000.0, [1711846800000.0, 1711839600000.0, 1711778400000.0]),
        ("setHours", &[1.9], 8640000000000000.0, [N, 8639999996400000.0, 8639999935200000.0]),
        ("setHours", &[1.0, N], 1709807415123.0, [N, N, N]),
        ("setHours", &[1.0, N], -1.0, [N, N, N]),
        ("setHours", &[1.0, N], N, [N, N, N]),
        ("setHours", &[1.0, N], 1711843200000.0, [N, N, N]),
        ("setHours", &[1.0, N], 8640000000000000.0, [N, N, N]),
        ("setUTCHours", &[25.0], 1709807415123.0, [1709861415123.0, 1709861415123.0, 1709861415123.0]),
        ("setUTCHours", &[25.0], -1.0, [7199999.0, 7199999.0, 7199999.0]),
        ("setUTCHours", &[25.0], N, [N, N, N]),
        ("setUTCHours", &[25.0], 1711843200000.0, [1711933200000.0, 1711933200000.0, 1711933200000.0]),
        ("setUTCHours", &[25.0], 8640000000000000.0, [N, N, N]),
        ("setUTCHours", &[0.0, 0.0, 0.0, 0.0], 1709807415123.0, [1709769600000.0, 1709769600000.0, 1709769600000.0]),
        ("setUTCHours", &[0.0, 0.0, 0.0, 0.0], -1.0, [-86400000.0, -86400000.0, -86400000.0]),
        ("setUTCHours", &[0.0, 0.0, 0.0, 0.0], N, [N, N, N]),
        ("setUTCHours", &[0.0, 0.0, 0.0, 0.0], 1711843200000.0, [1711843200000.0, 1711843200000.0, 1711843200000.0]),
        ("setUTCHours", &[0.0, 0.0, 0.0, 0.0], 8640000000000000.0, [8640000000000000.0, 8640000000000000.0, 8640000000000000.0]),
        ("setDate", &[32.0], 1709807415123.0, [1711967415123.0, 1711967415123.0, 1711967415123.0]),
        ("setDate", &[32.0], -1.0, [86399999.0, 2678399999.0, 86399999.0]),
        ("setDate", &[32.0], N, [N, N, N]),
        ("setDate", &[32.0], 1711843200000.0, [1711929600000.0, 1711929600000.0, 1712016000000.0]),
        ("setDate", &[32.0], 8640000000000000.0, [N, N, N]),
        ("setDate", &[0.0], 1709807415123.0, [1709202615123.0, 1709202615123.0, 1709202615123.0]),
        ("setDate", &[0.0], -1.0, [-2678400001.0, -86400001.0, -2678400001.0]),
        ("setDate", &[0.0], N, [N, N, N]),
        ("setDate", &[0.0], 1711843200000.0, [1709164800000.0, 1709164800000.0, 1709251200000.0]),
        ("setDate", &[0.0], 8640000000000000.0, [8639998876800000.0, 8639998876800000.0, 8639998963200000.0]),
        ("setDate", &[-1.0], 1709807415123.0, [1709116215123.0, 1709116215123.0, 1709116215123.0]),
        ("setDate", &[-1.0], -1.0, [-2764800001.0, -172800001.0, -2764800001.0]),
        ("setDate", &[-1.0], N, [N, N, N]),
        ("setDate", &[-1.0], 1711843200000.0, [1709078400000.0, 1709078400000.0, 1709164800000.0]),
        ("setDate", &[-1.0], 8640000000000000.0, [8639998790400000.0, 8639998790400000.0, 8639998876800000.0]),
        ("setDate", &[1.0], 1709807415123.0, [1709289015123.0, 1709289015123.0, 1709289015123.0]),
        ("setDate", &[1.0], -1.0, [-2592000001.0, -1.0, -2592000001.0]),
        ("setDate", &[1.0], N, [N, N, N]),
        ("setDate", &[1.0], 1711843200000.0, [1709251200000.0, 1709251200000.0, 1709337600000.0]),
        ("setDate", &[1.0], 8640000000000000.0, [8639998963200000.0, 8639998963200000.0, 8639999049600000.0]),
        ("setDate", &[31.0], 1709807415123.0, [1711881015123.0, 1711881015123.0, 1711881015123.0]),
        ("setDate", &[31.0], -1.0, [-1.0, 2591999999.0, -1.0]),
        ("setDate", &[31.0], N, [N, N, N]),
        ("setDate", &[31.0], 1711843200000.0, [1711843200000.0, 1711843200000.0, 1711929600000.0]),
        ("setDate", &[31.0], 8640000000000000.0, [N, N, N]),
        ("setDate", &[N], 1709807415123.0, [N, N, N]),
        ("setDate", &[N], -1.0, [N, N, N]),
        ("setDate", &[N], N, [N, N, N]),
        ("setDate", &[N], 1711843200000.0, [N, N, N]),
        ("setDate", &[N], 8640000000000000.0, [N, N, N]),
        ("setDate", &[f64::INFINITY], 1709807415123.0, [N, N, N]),
        ("setDate", &[f64::INFINITY], -1.0, [N, N, N]),
        ("setDate", &[f64::INFINITY], N, [N, N, N]),
        ("setDate", &[f64::INFINITY], 1711843200000.0, [N, N, N]),
        ("setDate", &[f64::INFINITY], 8640000000000000.0, [N, N, N]),
        ("setUTCDate", &[15.0], 1709807415123.0, [1710498615123.0, 1710498615123.0, 1710498615123.0]),
        ("setUTCDate", &[15.0], -1.0, [-1382400001.0, -1382400001.0, -1382400001.0]),
        ("setUTCDate", &[15.0], N, [N, N, N]),
        ("setUTCDate", &[15.0], 1711843200000.0, [1710460800000.0, 1710460800000.0, 1710460800000.0]),
        ("setUTCDate", &[15.0], 8640000000000000.0, [N, N, N]),
        ("setMonth", &[-1.0], 1709807415123.0, [1701945015123.0, 1701945015123.0, 1701945015123.0]),
        ("setMonth", &[-1.0], -1.0, [-31536000001.0, -2678400001.0, -31536000001.0]),
        ("setMonth", &[-1.0], N, [N, N, N]),
        ("setMonth", &[-1.0], 1711843200000.0, [1703980800000.0, 1703980800000.0, 1703980800000.0]),
        ("setMonth", &[-1.0], 8640000000000000.0, [8639976240000000.0, 8639976240000000.0, 8639976240000000.0]),
        ("setMonth", &[12.0], 1709807415123.0, [1736245815123.0, 1736245815123.0, 1736245815123.0]),
        ("setMonth", &[12.0], -1.0, [2678399999.0, 31535999999.0, 2678399999.0]),
        ("setMonth", &[12.0], N, [N, N, N]),
        ("setMonth", &[12.0], 1711843200000.0, [1738281600000.0, 1738281600000.0, 1738281600000.0]),
        ("setMonth", &[12.0], 8640000000000000.0, [N, N, N]),
        ("setMonth", &[1.0], 1709807415123.0, [1707301815123.0, 1707301815123.0, 1707301815123.0]),
        ("setMonth", &[1.0], -1.0, [-26179200001.0, 2678399999.0, -26179200001.0]),
        ("setMonth", &[1.0], N, [N, N, N]),
        ("setMonth", &[1.0], 1711843200000.0, [1709337600000.0, 1709337600000.0, 1709337600000.0]),
        ("setMonth", &[1.0], 8640000000000000.0, [8639981596800000.0, 8639981596800000.0, 8639981596800000.0]),
        ("setMonth", &[1.0, 30.0], 1709807415123.0, [1709289015123.0, 1709289015123.0, 1709289015123.0]),
        ("setMonth", &[1.0, 30.0], -1.0, [-26265600001.0, 5183999999.0, -26265600001.0]),
        ("setMonth", &[1.0, 30.0], N, [N, N, N]),
        ("setMonth", &[1.0, 30.0], 1711843200000.0, [1709251200000.0, 1709251200000.0, 1709337600000.0]),
        ("setMonth", &[1.0, 30.0], 8640000000000000.0, [8639983065600000.0, 8639983065600000.0, 8639983152000000.0]),
        ("setMonth", &[0.0, 31.0], 1709807415123.0, [1706697015123.0, 1706697015123.0, 1706697015123.0]),
        ("setMonth", &[0.0, 31.0], -1.0, [-28857600001.0, 2591999999.0, -28857600001.0]),
        ("setMonth", &[0.0, 31.0], N, [N, N, N]),
        ("setMonth", &[0.0, 31.0], 1711843200000.0, [1706659200000.0, 1706659200000.0, 1706745600000.0]),
        ("setMonth", &[0.0, 31.0], 8640000000000000.0, [8639980473600000.0, 8639980473600000.0, 8639980560000000.0]),
        ("setMonth", &[13.0, 0.0], 1709807415123.0, [1738319415123.0, 1738319415123.0, 1738319415123.0]),
        ("setMonth", &[13.0, 0.0], -1.0, [2678399999.0, 34127999999.0, 2678399999.0]),
        ("setMonth", &[13.0, 0.0], N, [N, N, N]),
        ("setMonth", &[13.0, 0.0], 1711843200000.0, [1738281600000.0, 1738281600000.0, 1738368000000.0]),
        ("setMonth", &[13.0, 0.0], 8640000000000000.0, [N, N, N]),
        ("setUTCMonth", &[1.0, 29.0], 1709807415123.0, [1709202615123.0, 1709202615123.0, 1709202615123.0]),
        ("setUTCMonth", &[1.0, 29.0], -1.0, [-26352000001.0, -26352000001.0, -26352000001.0]),
        ("setUTCMonth", &[1.0, 29.0], N, [N, N, N]),
        ("setUTCMonth", &[1.0, 29.0], 1711843200000.0, [1709164800000.0, 1709164800000.0, 1709164800000.0]),
        ("setUTCMonth", &[1.0, 29.0], 8640000000000000.0, [8639982979200000.0, 8639982979200000.0, 8639982979200000.0]),
        ("setUTCMonth", &[-13.0], 1709807415123.0, [1670409015123.0, 1670409015123.0, 1670409015123.0]),
        ("setUTCMonth", &[-13.0], -1.0, [-63158400001.0, -63158400001.0, -63158400001.0]),
        ("setUTCMonth", &[-13.0], N, [N, N, N]),
        ("setUTCMonth", &[-13.0], 1711843200000.0, [1672444800000.0, 1672444800000.0, 1672444800000.0]),
        ("setUTCMonth", &[-13.0], 8640000000000000.0, [8639944704000000.0, 8639944704000000.0, 8639944704000000.0]),
        ("setFullYear", &[2023.0], 1709807415123.0, [1678185015123.0, 1678185015123.0, 1678185015123.0]),
        ("setFullYear", &[2023.0], -1.0, [1704067199999.0, 1672531199999.0, 1704067199999.0]),
        ("setFullYear", &[2023.0], N, [1672531200000.0, 1672524000000.0, 1672549200000.0]),
        ("setFullYear", &[2023.0], 1711843200000.0, [1680220800000.0, 1680220800000.0, 1680220800000.0]),
        ("setFullYear", &[2023.0], 8640000000000000.0, [1694563200000.0, 1694563200000.0, 1694563200000.0]),
        ("setFullYear", &[2024.0, 1.0, 29.0], 1709807415123.0, [1709202615123.0, 1709202615123.0, 1709202615123.0]),
        ("setFullYear", &[2024.0, 1.0, 29.0], -1.0, [1709251199999.0, 1709164799999.0, 1709251199999.0]),
        ("setFullYear", &[2024.0, 1.0, 29.0], N, [1709164800000.0, 1709157600000.0, 1709182800000.0]),
        ("setFullYear", &[2024.0, 1.0, 29.0], 1711843200000.0, [1709164800000.0, 1709164800000.0, 1709251200000.0]),
        ("setFullYear", &[2024.0, 1.0, 29.0], 8640000000000000.0, [1709164800000.0, 1709164800000.0, 1709251200000.0]),
        ("setFullYear", &[-1.0], 1709807415123.0, [-62193101384877.0, -62193101384877.0, -62193101384877.0]),
        ("setFullYear", &[-1.0], -1.0, [-62167219200001.0, -62198755200001.0, -62167219200001.0]),
        ("setFullYear", &[-1.0], N, [-62198755200000.0, -62198762400000.0, -62198737200000.0]),
        ("setFullYear", &[-1.0], 1711843200000.0, [-62191065600000.0, -62191065600000.0, -62191065600000.0]),
        ("setFullYear", &[-1.0], 8640000000000000.0, [-62176723200000.0, -62176723200000.0, -62176723200000.0]),
        ("setFullYear", &[99.0], 1709807415123.0, [-59037341384877.0, -59037341384877.0, -59037341384877.0]),
        ("setFullYear", &[99.0], -1.0, [-59011459200001.0, -59042995200001.0, -59011459200001.0]),
        ("setFullYear", &[99.0], N, [-59042995200000.0, -59043002400000.0, -59042977200000.0]),
        ("setFullYear", &[99.0], 1711843200000.0, [-59035305600000.0, -59035305600000.0, -59035305600000.0]),
        ("setFullYear", &[99.0], 8640000000000000.0, [-59020963200000.0, -59020963200000.0, -59020963200000.0]),
        ("setFullYear", &[275760.0, 8.0, 13.0], 1709807415123.0, [N, N, N]),
        ("setFullYear", &[275760.0, 8.0, 13.0], -1.0, [N, 8639999999999999.0, N]),
        ("setFullYear", &[275760.0, 8.0, 13.0], N, [8640000000000000.0, 8639999992800000.0, N]),
        ("setFullYear", &[275760.0, 8.0, 13.0], 1711843200000.0, [8640000000000000.0, 8640000000000000.0, N]),
        ("setFullYear", &[275760.0, 8.0, 13.0], 8640000000000000.0, [8640000000000000.0, 8640000000000000.0, N]),
        ("setFullYear", &[275760.0, 8.0, 14.0], 1709807415123.0, [N, N, N]),
        ("setFullYear", &[275760.0, 8.0, 14.0], -1.0, [N, N, N]),
        ("setFullYear", &[275760.0, 8.0, 14.0], N, [N, N, N]),
        ("setFullYear", &[275760.0, 8.0, 14.0], 1711843200000.0, [N, N, N]),
        ("setFullYear", &[275760.0, 8.0, 14.0], 8640000000000000.0, [N, N, N]),
        ("setFullYear", &[2020.0, 5.0], 1709807415123.0, [1591525815123.0, 1591525815123.0, 1591525815123.0]),
        ("setFullYear", &[2020.0, 5.0], -1.0, [1593647999999.0, 1590969599999.0, 1593647999999.0]),
        ("setFullYear", &[2020.0, 5.0], N, [1590969600000.0, 1590962400000.0, 1590987600000.0]),
        ("setFullYear", &[2020.0, 5.0], 1711843200000.0, [1593561600000.0, 1593561600000.0, 1593561600000.0]),
        ("setFullYear", &[2020.0, 5.0], 8640000000000000.0, [1592006400000.0, 1592006400000.0, 1592006400000.0]),
        ("setFullYear", &[N], 1709807415123.0, [N, N, N]),
        ("setFullYear", &[N], -1.0, [N, N, N]),
        ("setFullYear", &[N], N, [N, N, N]),
        ("setFullYear", &[N], 1711843200000.0, [N, N, N]),
        ("setFullYear", &[N], 8640000000000000.0, [N, N, N]),
        ("setUTCFullYear", &[2000.0, 0.0, 1.0], 1709807415123.0, [946722615123.0, 946722615123.0, 946722615123.0]),
        ("setUTCFullYear", &[2000.0, 0.0, 1.0], -1.0, [946771199999.0, 946771199999.0, 946771199999.0]),
        ("setUTCFullYear", &[2000.0, 0.0, 1.0], N, [946684800000.0, 946684800000.0, 946684800000.0]),
        ("setUTCFullYear", &[2000.0, 0.0, 1.0], 1711843200000.0, [946684800000.0, 946684800000.0, 946684800000.0]),
        ("setUTCFullYear", &[2000.0, 0.0, 1.0], 8640000000000000.0, [946684800000.0, 946684800000.0, 946684800000.0]),
        ("setUTCFullYear", &[2021.0], 1709807415123.0, [1615113015123.0, 1615113015123.0, 1615113015123.0]),
        ("setUTCFullYear", &[2021.0], -1.0, [1640995199999.0, 1640995199999.0, 1640995199999.0]),
        ("setUTCFullYear", &[2021.0], N, [1609459200000.0, 1609459200000.0, 1609459200000.0]),
        ("setUTCFullYear", &[2021.0], 1711843200000.0, [1617148800000.0, 1617148800000.0, 1617148800000.0]),
        ("setUTCFullYear", &[2021.0], 8640000000000000.0, [1631491200000.0, 1631491200000.0, 1631491200000.0]),
        ("setTime", &[0.0], 1709807415123.0, [0.0, 0.0, 0.0]),
        ("setTime", &[0.0], -1.0, [0.0, 0.0, 0.0]),
        ("setTime", &[0.0], N, [0.0, 0.0, 0.0]),
        ("setTime", &[0.0], 1711843200000.0, [0.0, 0.0, 0.0]),
        ("setTime", &[0.0], 8640000000000000.0, [0.0, 0.0, 0.0]),
        ("setTime", &[8640000000000000.0], 1709807415123.0, [8640000000000000.0, 8640000000000000.0, 8640000000000000.0]),
        ("setTime", &[8640000000000000.0], -1.0, [8640000000000000.0, 8640000000000000.0, 8640000000000000.0]),
        ("setTime", &[8640000000000000.0], N, [8640000000000000.0, 8640000000000000.0, 8640000000000000.0]),
        ("setTime", &[8640000000000000.0], 1711843200000.0, [8640000000000000.0, 8640000000000000.0, 8640000000000000.0]),
        ("setTime", &[8640000000000000.0], 8640000000000000.0, [8640000000000000.0, 8640000000000000.0, 8640000000000000.0]),
        ("setTime", &[8640000000000001.0], 1709807415123.0, [N, N, N]),
        ("setTime", &[8640000000000001.0], -1.0, [N, N, N]),
        ("setTime", &[8640000000000001.0], N, [N, N, N]),
        ("setTime", &[8640000000000001.0], 1711843200000.0, [N, N, N]),
        ("setTime", &[8640000000000001.0], 8640000000000000.0, [N, N, N]),
        ("setTime", &[0.0], 1709807415123.0, [0.0, 0.0, 0.0]),
        ("setTime", &[0.0], -1.0, [0.0, 0.0, 0.0]),
        ("setTime", &[0.0], N, [0.0, 0.0, 0.0]),
        ("setTime", &[0.0], 1711843200000.0, [0.0, 0.0, 0.0]),
        ("setTime", &[0.0], 8640000000000000.0, [0.0, 0.0, 0.0]),
        ("setTime", &[1.5], 1709807415123.0, [1.0, 1.0, 1.0]),
        ("setTime", &[1.5], -1.0, [1.0, 1.0, 1.0]),
        ("setTime", &[1.5], N, [1.0, 1.0, 1.0]),
        ("setTime", &[1.5], 1711843200000.0, [1.0, 1.0, 1.0]),
        ("setTime", &[1.5], 8640000000000000.0, [1.0, 1.0, 1.0]),
        ("setTime", &[-1.5], 1709807415123.0, [-1.0, -1.0, -1.0]),
        ("setTime", &[-1.5], -1.0, [-1.0, -1.0, -1.0]),
        ("setTime", &[-1.5], N, [-1.0, -1.0, -1.0]),
        ("setTime", &[-1.5], 1711843200000.0, [-1.0, -1.0, -1.0]),
        ("setTime", &[-1.5], 8640000000000000.0, [-1.0, -1.0, -1.0]),
        ("setTime", &[N], 1709807415123.0, [N, N, N]),
        ("setTime", &[N], -1.0, [N, N, N]),
        ("setTime", &[N], N, [N, N, N]),
        ("setTime", &[N], 1711843200000.0, [N, N, N]),
        ("setTime", &[N], 8640000000000000.0, [N, N, N]),
        ("setTime", &[], 1709807415123.0, [N, N, N]),
        ("setTime", &[], -1.0, [N, N, N]),
        ("setTime", &[], N, [N, N, N]),
        ("setTime", &[], 1711843200000.0, [N, N, N]),
        ("setTime", &[], 8640000000000000.0, [N, N, N]),
        ("setYear", &[99.0], 1709807415123.0, [920802615123.0, 920802615123.0, 920802615123.0]),
        ("setYear", &[99.0], -1.0, [946684799999.0, 915148799999.0, 946684799999.0]),
        ("setYear", &[99.0], N, [915148800000.0, 915141600000.0, 915166800000.0]),
        ("setYear", &[99.0], 1711843200000.0, [922838400000.0, 922838400000.0, 922838400000.0]),
        ("setYear", &[99.0], 8640000000000000.0, [937180800000.0, 937180800000.0, 937180800000.0]),
        ("setYear", &[2000.0], 1709807415123.0, [952425015123.0, 952425015123.0, 952425015123.0]),
        ("setYear", &[2000.0], -1.0, [978307199999.0, 946684799999.0, 978307199999.0]),
        ("setYear", &[2000.0], N, [946684800000.0, 946677600000.0, 946702800000.0]),
        ("setYear", &[2000.0], 1711843200000.0, [954460800000.0, 954460800000.0, 954460800000.0]),
        ("setYear", &[2000.0], 8640000000000000.0, [968803200000.0, 968803200000.0, 968803200000.0]),
        ("setYear", &[5.0], 1709807415123.0, [-2045568584877.0, -2045568584877.0, -2045568584877.0]),
        ("setYear", &[5.0], -1.0, [-2019686400001.0, -2051222400001.0, -2019686400001.0]),
        ("setYear", &[5.0], N, [-2051222400000.0, -2051229600000.0, -2051204400000.0]),
        ("setYear", &[5.0], 1711843200000.0, [-2043532800000.0, -2043532800000.0, -2043532800000.0]),
        ("setYear", &[5.0], 8640000000000000.0, [-2029190400000.0, -2029190400000.0, -2029190400000.0]),
        ("setYear", &[N], 1709807415123.0, [N, N, N]),
        ("setYear", &[N], -1.0, [N, N, N]),
        ("setYear", &[N], N, [N, N, N]),
        ("setYear", &[N], 1711843200000.0, [N, N, N]),
        ("setYear", &[N], 8640000000000000.0, [N, N, N]),
    ];

    /// (arguments, new Date(...) in the three zones, Date.UTC(...))
    #[rustfmt::skip]
    const MAKE: &[([f64; 7], [f64; 3], f64)] = &[
        ([2024.0, 2.0, 7.0, 10.0, 30.0, 15.0, 123.0], [1709807415123.0, 1709800215123.0, 1709825415123.0], 1709807415123.0),
        ([99.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0], [915148800000.0, 915141600000.0, 915166800000.0], 915148800000.0),
        ([0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0], [-2208988800000.0, -2208996000000.0, -2208970800000.0], -2208988800000.0),
        ([100.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0], [-59011459200000.0, -59011466400000.0, -59011441200000.0], -59011459200000.0),
        ([-1.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0], [-62198755200000.0, -62198762400000.0, -62198737200000.0], -62198755200000.0),
        ([99.5, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0], [915148800000.0, 915141600000.0, 915166800000.0], 915148800000.0),
        ([-0.5, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0], [-2208988800000.0, -2208996000000.0, -2208970800000.0], -2208988800000.0),
        ([2024.0, 12.0, 1.0, 0.0, 0.0, 0.0, 0.0], [1735689600000.0, 1735682400000.0, 1735707600000.0], 1735689600000.0),
        ([2024.0, -1.0, 1.0, 0.0, 0.0, 0.0, 0.0], [1701388800000.0, 1701381600000.0, 1701406800000.0], 1701388800000.0),
        ([2024.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0], [1703980800000.0, 1703973600000.0, 1703998800000.0], 1703980800000.0),
        ([2024.0, 0.0, 1.0, 24.0, 0.0, 0.0, 0.0], [1704153600000.0, 1704146400000.0, 1704171600000.0], 1704153600000.0),
        ([2024.0, 0.0, 1.0, 0.0, 0.0, 0.0, -1.0], [1704067199999.0, 1704059999999.0, 1704085199999.0], 1704067199999.0),
        ([N, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0], [N, N, N], N),
        ([2024.0, N, 1.0, 0.0, 0.0, 0.0, 0.0], [N, N, N], N),
        ([275760.0, 8.0, 13.0, 0.0, 0.0, 0.0, 0.0], [8640000000000000.0, 8639999992800000.0, N], 8640000000000000.0),
        ([275760.0, 8.0, 13.0, 0.0, 0.0, 0.0, 1.0], [N, 8639999992800001.0, N], N),
        ([275760.0, 8.0, 12.0, 23.0, 0.0, 0.0, 0.0], [8639999996400000.0, 8639999989200000.0, N], 8639999996400000.0),
        ([-271821.0, 3.0, 20.0, 0.0, 0.0, 0.0, 0.0], [-8640000000000000.0, N, -8639999982000000.0], -8640000000000000.0),
        ([-271821.0, 3.0, 19.0, 23.0, 59.0, 59.0, 999.0], [N, N, -8639999982000001.0], N),
        ([1000000.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0], [N, N, N], N),
        ([-1000000.0, 10000000.0, 1.0, 0.0, 0.0, 0.0, 0.0], [-5321659305600000.0, -5321659312800000.0, -5321659287600000.0], -5321659305600000.0),
        ([-1000001.0, 10000012.0, 1.0, 0.0, 0.0, 0.0, 0.0], [N, N, N], N),
        ([2024.0, 0.0, 1.9, 0.0, 0.0, 0.0, 0.0], [1704067200000.0, 1704060000000.0, 1704085200000.0], 1704067200000.0),
        ([f64::INFINITY, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0], [N, N, N], N),
        ([1970.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.9], [0.0, -7200000.0, 18000000.0], 0.0),
        ([1970.0, 0.0, 1.0, 0.0, 0.0, 0.0, -0.9], [0.0, -7200000.0, 18000000.0], 0.0),
        ([2024.0, 10000000.0, 1.0, 0.0, 0.0, 0.0, 0.0], [N, N, N], N),
        ([2024.0, 0.0, 1.0, 0.0, 0.0, 0.0, 8640000000000000.0], [N, N, N], N),
        ([1970.0, 0.0, 100000001.0, 0.0, 0.0, 0.0, 0.0], [8640000000000000.0, 8639999992800000.0, N], 8640000000000000.0),
        ([2000.0, 1.0, 29.0, 12.0, 0.0, 0.0, 0.0], [951825600000.0, 951818400000.0, 951843600000.0], 951825600000.0),
        ([1900.0, 1.0, 29.0, 0.0, 0.0, 0.0, 0.0], [-2203891200000.0, -2203898400000.0, -2203873200000.0], -2203891200000.0),
        ([2024.0, 0.0, 1.0, 10000000000.0, 0.0, 0.0, 0.0], [N, N, N], N),
    ];

    /// toString, toLocaleString, the getters and getTimezoneOffset in one zone.
    type ZoneForms = (&'static str, &'static str, [f64; 8], f64);

    /// (time value, toUTCString, toISOString, the forms in each zone)
    #[rustfmt::skip]
    const FORMAT: &[(f64, &str, Option<&str>, [ZoneForms; 3])] = &[
        (1709807415123.0, "Thu, 07 Mar 2024 10:30:15 GMT", Some("2024-03-07T10:30:15.123Z"), [
            ("Thu Mar 07 2024 10:30:15 GMT+0000 (Coordinated Universal Time)", "3/7/2024, 10:30:15 AM", [2024.0, 2.0, 7.0, 10.0, 30.0, 15.0, 123.0, 4.0], 0.0),
            ("Thu Mar 07 2024 12:30:15 GMT+0200 (GMT+02:00)", "3/7/2024, 12:30:15 PM", [2024.0, 2.0, 7.0, 12.0, 30.0, 15.0, 123.0, 4.0], -120.0),
            ("Thu Mar 07 2024 05:30:15 GMT-0500 (GMT-05:00)", "3/7/2024, 5:30:15 AM", [2024.0, 2.0, 7.0, 5.0, 30.0, 15.0, 123.0, 4.0], 300.0),
        ]),
        (0.0, "Thu, 01 Jan 1970 00:00:00 GMT", Some("1970-01-01T00:00:00.000Z"), [
            ("Thu Jan 01 1970 00:00:00 GMT+0000 (Coordinated Universal Time)", "1/1/1970, 12:00:00 AM", [1970.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 4.0], 0.0),
            ("Thu Jan 01 1970 02:00:00 GMT+0200 (GMT+02:00)", "1/1/1970, 2:00:00 AM", [1970.0, 0.0, 1.0, 2.0, 0.0, 0.0, 0.0, 4.0], -120.0),
            ("Wed Dec 31 1969 19:00:00 GMT-0500 (GMT-05:00)", "12/31/1969, 7:00:00 PM", [1969.0, 11.0, 31.0, 19.0, 0.0, 0.0, 0.0, 3.0], 300.0),
        ]),
        (-1.0, "Wed, 31 Dec 1969 23:59:59 GMT", Some("1969-12-31T23:59:59.999Z"), [
            ("Wed Dec 31 1969 23:59:59 GMT+0000 (Coordinated Universal Time)", "12/31/1969, 11:59:59 PM", [1969.0, 11.0, 31.0, 23.0, 59.0, 59.0, 999.0, 3.0], 0.0),
            ("Thu Jan 01 1970 01:59:59 GMT+0200 (GMT+02:00)", "1/1/1970, 1:59:59 AM", [1970.0, 0.0, 1.0, 1.0, 59.0, 59.0, 999.0, 4.0], -120.0),
            ("Wed Dec 31 1969 18:59:59 GMT-0500 (GMT-05:00)", "12/31/1969, 6:59:59 PM", [1969.0, 11.0, 31.0, 18.0, 59.0, 59.0, 999.0, 3.0], 300.0),
        ]),
        (-62198755200000.0, "Fri, 01 Jan -0001 00:00:00 GMT", Some("-000001-01-01T00:00:00.000Z"), [
            ("Fri Jan 01 -0001 00:00:00 GMT+0000 (Coordinated Universal Time)", "1/1/2, 12:00:00 AM", [-1.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 5.0], 0.0),
            ("Fri Jan 01 -0001 02:00:00 GMT+0200 (GMT+02:00)", "1/1/2, 2:00:00 AM", [-1.0, 0.0, 1.0, 2.0, 0.0, 0.0, 0.0, 5.0], -120.0),
            ("Thu Dec 31 -0002 19:00:00 GMT-0500 (GMT-05:00)", "12/31/3, 7:00:00 PM", [-2.0, 11.0, 31.0, 19.0, 0.0, 0.0, 0.0, 4.0], 300.0),
        ]),
        (-100000000000000.0, "Thu, 15 Feb -1199 14:13:20 GMT", Some("-001199-02-15T14:13:20.000Z"), [
            ("Thu Feb 15 -1199 14:13:20 GMT+0000 (Coordinated Universal Time)", "2/15/1200, 2:13:20 PM", [-1199.0, 1.0, 15.0, 14.0, 13.0, 20.0, 0.0, 4.0], 0.0),
            ("Thu Feb 15 -1199 16:13:20 GMT+0200 (GMT+02:00)", "2/15/1200, 4:13:20 PM", [-1199.0, 1.0, 15.0, 16.0, 13.0, 20.0, 0.0, 4.0], -120.0),
            ("Thu Feb 15 -1199 09:13:20 GMT-0500 (GMT-05:00)", "2/15/1200, 9:13:20 AM", [-1199.0, 1.0, 15.0, 9.0, 13.0, 20.0, 0.0, 4.0], 300.0),
        ]),
        (-8640000000000000.0, "Tue, 20 Apr -271821 00:00:00 GMT", Some("-271821-04-20T00:00:00.000Z"), [
            ("Tue Apr 20 -271821 00:00:00 GMT+0000 (Coordinated Universal Time)", "4/20/271822, 12:00:00 AM", [-271821.0, 3.0, 20.0, 0.0, 0.0, 0.0, 0.0, 2.0], 0.0),
            ("Tue Apr 20 -271821 02:00:00 GMT+0200 (GMT+02:00)", "4/20/271822, 2:00:00 AM", [-271821.0, 3.0, 20.0, 2.0, 0.0, 0.0, 0.0, 2.0], -120.0),
            ("Mon Apr 19 -271821 19:00:00 GMT-0500 (GMT-05:00)", "4/19/271822, 7:00:00 PM", [-271821.0, 3.0, 19.0, 19.0, 0.0, 0.0, 0.0, 1.0], 300.0),
        ]),
        (8640000000000000.0, "Sat, 13 Sep 275760 00:00:00 GMT", Some("+275760-09-13T00:00:00.000Z"), [
            ("Sat Sep 13 275760 00:00:00 GMT+0000 (Coordinated Universal Time)", "9/13/275760, 12:00:00 AM", [275760.0, 8.0, 13.0, 0.0, 0.0, 0.0, 0.0, 6.0], 0.0),
            ("Sat Sep 13 275760 02:00:00 GMT+0200 (GMT+02:00)", "9/13/275760, 2:00:00 AM", [275760.0, 8.0, 13.0, 2.0, 0.0, 0.0, 0.0, 6.0], -120.0),
            ("Fri Sep 12 275760 19:00:00 GMT-0500 (GMT-05:00)", "9/12/275760, 7:00:00 PM", [275760.0, 8.0, 12.0, 19.0, 0.0, 0.0, 0.0, 5.0], 300.0),
        ]),
        (253402300800000.0, "Sat, 01 Jan 10000 00:00:00 GMT", Some("+010000-01-01T00:00:00.000Z"), [
            ("Sat Jan 01 10000 00:00:00 GMT+0000 (Coordinated Universal Time)", "1/1/10000, 12:00:00 AM", [10000.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 6.0], 0.0),
            ("Sat Jan 01 10000 02:00:00 GMT+0200 (GMT+02:00)", "1/1/10000, 2:00:00 AM", [10000.0, 0.0, 1.0, 2.0, 0.0, 0.0, 0.0, 6.0], -120.0),
            ("Fri Dec 31 9999 19:00:00 GMT-0500 (GMT-05:00)", "12/31/9999, 7:00:00 PM", [9999.0, 11.0, 31.0, 19.0, 0.0, 0.0, 0.0, 5.0], 300.0),
        ]),
        (-62135596800001.0, "Sun, 31 Dec 0000 23:59:59 GMT", Some("0000-12-31T23:59:59.999Z"), [
            ("Sun Dec 31 0000 23:59:59 GMT+0000 (Coordinated Universal Time)", "12/31/1, 11:59:59 PM", [0.0, 11.0, 31.0, 23.0, 59.0, 59.0, 999.0, 0.0], 0.0),
            ("Mon Jan 01 0001 01:59:59 GMT+0200 (GMT+02:00)", "1/1/1, 1:59:59 AM", [1.0, 0.0, 1.0, 1.0, 59.0, 59.0, 999.0, 1.0], -120.0),
            ("Sun Dec 31 0000 18:59:59 GMT-0500 (GMT-05:00)", "12/31/1, 6:59:59 PM", [0.0, 11.0, 31.0, 18.0, 59.0, 59.0, 999.0, 0.0], 300.0),
        ]),
        (951782400000.0, "Tue, 29 Feb 2000 00:00:00 GMT", Some("2000-02-29T00:00:00.000Z"), [
            ("Tue Feb 29 2000 00:00:00 GMT+0000 (Coordinated Universal Time)", "2/29/2000, 12:00:00 AM", [2000.0, 1.0, 29.0, 0.0, 0.0, 0.0, 0.0, 2.0], 0.0),
            ("Tue Feb 29 2000 02:00:00 GMT+0200 (GMT+02:00)", "2/29/2000, 2:00:00 AM", [2000.0, 1.0, 29.0, 2.0, 0.0, 0.0, 0.0, 2.0], -120.0),
            ("Mon Feb 28 2000 19:00:00 GMT-0500 (GMT-05:00)", "2/28/2000, 7:00:00 PM", [2000.0, 1.0, 28.0, 19.0, 0.0, 0.0, 0.0, 1.0], 300.0),
        ]),
        (1709856000000.0, "Fri, 08 Mar 2024 00:00:00 GMT", Some("2024-03-08T00:00:00.000Z"), [
            ("Fri Mar 08 2024 00:00:00 GMT+0000 (Coordinated Universal Time)", "3/8/2024, 12:00:00 AM", [2024.0, 2.0, 8.0, 0.0, 0.0, 0.0, 0.0, 5.0], 0.0),
            ("Fri Mar 08 2024 02:00:00 GMT+0200 (GMT+02:00)", "3/8/2024, 2:00:00 AM", [2024.0, 2.0, 8.0, 2.0, 0.0, 0.0, 0.0, 5.0], -120.0),
            ("Thu Mar 07 2024 19:00:00 GMT-0500 (GMT-05:00)", "3/7/2024, 7:00:00 PM", [2024.0, 2.0, 7.0, 19.0, 0.0, 0.0, 0.0, 4.0], 300.0),
        ]),
        (1709899200000.0, "Fri, 08 Mar 2024 12:00:00 GMT", Some("2024-03-08T12:00:00.000Z"), [
            ("Fri Mar 08 2024 12:00:00 GMT+0000 (Coordinated Universal Time)", "3/8/2024, 12:00:00 PM", [2024.0, 2.0, 8.0, 12.0, 0.0, 0.0, 0.0, 5.0], 0.0),
            ("Fri Mar 08 2024 14:00:00 GMT+0200 (GMT+02:00)", "3/8/2024, 2:00:00 PM", [2024.0, 2.0, 8.0, 14.0, 0.0, 0.0, 0.0, 5.0], -120.0),
            ("Fri Mar 08 2024 07:00:00 GMT-0500 (GMT-05:00)", "3/8/2024, 7:00:00 AM", [2024.0, 2.0, 8.0, 7.0, 0.0, 0.0, 0.0, 5.0], 300.0),
        ]),
        (1709852400000.0, "Thu, 07 Mar 2024 23:00:00 GMT", Some("2024-03-07T23:00:00.000Z"), [
            ("Thu Mar 07 2024 23:00:00 GMT+0000 (Coordinated Universal Time)", "3/7/2024, 11:00:00 PM", [2024.0, 2.0, 7.0, 23.0, 0.0, 0.0, 0.0, 4.0], 0.0),
            ("Fri Mar 08 2024 01:00:00 GMT+0200 (GMT+02:00)", "3/8/2024, 1:00:00 AM", [2024.0, 2.0, 8.0, 1.0, 0.0, 0.0, 0.0, 5.0], -120.0),
            ("Thu Mar 07 2024 18:00:00 GMT-0500 (GMT-05:00)", "3/7/2024, 6:00:00 PM", [2024.0, 2.0, 7.0, 18.0, 0.0, 0.0, 0.0, 4.0], 300.0),
        ]),
        (N, "Invalid Date", None, [
            ("Invalid Date", "Invalid Date", [N, N, N, N, N, N, N, N], N),
            ("Invalid Date", "Invalid Date", [N, N, N, N, N, N, N, N], N),
            ("Invalid Date", "Invalid Date", [N, N, N, N, N, N, N, N], N),
        ]),
        (-62167219200000.0, "Sat, 01 Jan 0000 00:00:00 GMT", Some("0000-01-01T00:00:00.000Z"), [
            ("Sat Jan 01 0000 00:00:00 GMT+0000 (Coordinated Universal Time)", "1/1/1, 12:00:00 AM", [0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 6.0], 0.0),
            ("Sat Jan 01 0000 02:00:00 GMT+0200 (GMT+02:00)", "1/1/1, 2:00:00 AM", [0.0, 0.0, 1.0, 2.0, 0.0, 0.0, 0.0, 6.0], -120.0),
            ("Fri Dec 31 -0001 19:00:00 GMT-0500 (GMT-05:00)", "12/31/2, 7:00:00 PM", [-1.0, 11.0, 31.0, 19.0, 0.0, 0.0, 0.0, 5.0], 300.0),
        ]),
        (1000000000000.0, "Sun, 09 Sep 2001 01:46:40 GMT", Some("2001-09-09T01:46:40.000Z"), [
            ("Sun Sep 09 2001 01:46:40 GMT+0000 (Coordinated Universal Time)", "9/9/2001, 1:46:40 AM", [2001.0, 8.0, 9.0, 1.0, 46.0, 40.0, 0.0, 0.0], 0.0),
            ("Sun Sep 09 2001 03:46:40 GMT+0200 (GMT+02:00)", "9/9/2001, 3:46:40 AM", [2001.0, 8.0, 9.0, 3.0, 46.0, 40.0, 0.0, 0.0], -120.0),
            ("Sat Sep 08 2001 20:46:40 GMT-0500 (GMT-05:00)", "9/8/2001, 8:46:40 PM", [2001.0, 8.0, 8.0, 20.0, 46.0, 40.0, 0.0, 6.0], 300.0),
        ]),
    ];

    #[test]
    fn parse_matches_node() {
        let mut failures = Vec::new();
        for &(input, expected) in PARSE {
            for (tz, want) in ZONES.into_iter().zip(expected) {
                let got = parse(input, tz);
                if !same(got, want) {
                    failures.push(format!("parse({input:?}, {tz}) = {got}, node {want}"));
                }
            }
        }
        check(failures);
    }

    #[test]
    fn the_forms_in_the_brief_parse() {
        // 2024-03-07 10:30 local in UTC+1.
        let t = 1_709_803_800_000.0;
        for s in [
            "Mar 7 2024 10:30",
            "2024/3/7 10:30",
            "03/07/2024 10:30",
            "2024-03-07T10:30",
            "Thu, 07 Mar 2024 09:30:00 GMT",
        ] {
            assert_eq!(parse(s, 60), t, "{s}");
        }
        assert_eq!(parse("Thu Mar 07 2024 10:30:00 GMT+0100 (GMT+01:00)", -300), t);
        assert_eq!(parse("2024-03-07", 60), 1_709_769_600_000.0, "ISO dates are UTC");
        assert!(parse("not a date", 0).is_nan());
    }

    #[test]
    fn setters_match_node() {
        let mut failures = Vec::new();
        for &(method, args, before, expected) in SET {
            for (tz, want) in ZONES.into_iter().zip(expected) {
                let got = set(before, method, args, tz);
                if !same(got, want) {
                    failures.push(format!("new Date({before}).{method}({args:?}) in {tz} = {got}, node {want}"));
                }
            }
        }
        check(failures);
    }

    #[test]
    fn unknown_setters_give_nan() {
        assert!(set(0.0, "setUTCTime", &[1.0], 0).is_nan());
        assert!(set(0.0, "setUTCYear", &[1.0], 0).is_nan());
        assert!(set(0.0, "frobnicate", &[1.0], 0).is_nan());
    }

    #[test]
    fn constructors_match_node() {
        let mut failures = Vec::new();
        for &([y, mo, d, h, mi, s, ms], local, utc) in MAKE {
            for (tz, want) in ZONES.into_iter().zip(local) {
                let got = make_date(y, mo, d, h, mi, s, ms, tz, false);
                if !same(got, want) {
                    failures
                        .push(format!("new Date({y}, {mo}, {d}, {h}, {mi}, {s}, {ms}) in {tz} = {got}, node {want}"));
                }
            }
            for tz in ZONES {
                let got = make_date(y, mo, d, h, mi, s, ms, tz, true);
                if !same(got, utc) {
                    failures.push(format!("Date.UTC({y}, {mo}, {d}, {h}, {mi}, {s}, {ms}) = {got}, node {utc}"));
                }
            }
        }
        check(failures);
    }

    #[test]
    fn formatting_and_getters_match_node() {
        let mut failures = Vec::new();
        let mut expect = |what: &str, t: f64, got: String, want: &str| {
            if got != want {
                failures.push(format!("{what}({t}) = {got:?}, node {want:?}"));
            }
        };
        for &(t, utc, iso, zones) in FORMAT {
            expect("toUTCString", t, to_utc_string(t), utc);
            expect("toISOString", t, format!("{:?}", to_iso_string(t)), &format!("{:?}", iso.map(String::from)));
            for (tz, (string, locale, fields, offset)) in ZONES.into_iter().zip(zones) {
                expect("toString", t, to_string(t, tz), string);
                // node's toString is toDateString, a space and toTimeString
                // (and toLocaleString likewise with ", "), or all three are
                // "Invalid Date".
                let words: Vec<&str> = string.splitn(5, ' ').collect();
                let (date, time) = match words[..] {
                    [_, _, _, _, time] => (&string[..string.len() - time.len() - 1], time),
                    _ => (string, string),
                };
                expect("toDateString", t, to_date_string(t, tz), date);
                expect("toTimeString", t, to_time_string(t, tz), time);
                expect("toLocaleString", t, to_locale_string(t, tz), locale);
                let (date, time) = locale.split_once(", ").unwrap_or((locale, locale));
                expect("toLocaleDateString", t, to_locale_date_string(t, tz), date);
                expect("toLocaleTimeString", t, to_locale_time_string(t, tz), time);
                let got = local_fields(t, tz);
                if !got.iter().zip(fields).all(|(&a, b)| same(a, b)) {
                    expect("getters", t, format!("{got:?}"), &format!("{fields:?}"));
                }
                if !same(timezone_offset(t, tz), offset) {
                    expect("getTimezoneOffset", t, timezone_offset(t, tz).to_string(), &offset.to_string());
                }
            }
        }
        check(failures);
    }

    #[test]
    fn invalid_dates_print_as_invalid_date() {
        for t in [N, f64::INFINITY, 8.64e15 + 1.0] {
            assert_eq!(to_string(t, 60), "Invalid Date");
            assert_eq!(to_utc_string(t), "Invalid Date");
            assert_eq!(to_locale_time_string(t, 60), "Invalid Date");
            assert_eq!(to_iso_string(t), None);
            assert!(local_fields(t, 60).iter().all(|f| f.is_nan()));
        }
    }

    /// A small xorshift generator: the tests stay deterministic.
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }

        fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }
    }

    #[test]
    fn printed_dates_parse_back() {
        let mut rng = Rng(0x2545_F491_4F6C_DD1D);
        for _ in 0..5000 {
            // Years 100–9999: two-digit years and signs do not survive the
            // legacy forms (neither in V8).
            let t = -59_011_459_200_000.0 + (rng.next() % 312_413_760_000_000) as f64;
            let tz = [0, 60, -300, 330, -570, 840][rng.below(6)];
            let seconds = (t / 1000.0).floor() * 1000.0;
            assert_eq!(parse(&to_iso_string(t).unwrap_or_default(), tz), t);
            assert_eq!(parse(&to_string(t, tz), tz), seconds, "{}", to_string(t, tz));
            assert_eq!(parse(&to_utc_string(t), tz), seconds, "{}", to_utc_string(t));
            assert_eq!(parse(&to_locale_string(t, tz), tz), seconds, "{}", to_locale_string(t, tz));
        }
        for t in [-8.64e15, 8.64e15, -62_198_755_200_000.0] {
            assert_eq!(parse(&to_iso_string(t).unwrap_or_default(), 0), t);
        }
    }

    #[test]
    fn no_input_panics() {
        const PIECES: [&str; 40] = [
            "0",
            "1",
            "2",
            "9",
            "12",
            "24",
            "59",
            "99",
            "2024",
            "275760",
            "123456789012",
            "-",
            "+",
            ":",
            ".",
            ",",
            "/",
            "(",
            ")",
            " ",
            "\t",
            "\u{0}",
            "\u{a0}",
            "\u{2028}",
            "T",
            "Z",
            "z",
            "AM",
            "pm",
            "Mar",
            "March",
            "GMT",
            "UTC",
            "EST",
            "Thu",
            "é",
            "😀",
            "t",
            "x",
            "000000",
        ];
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        for _ in 0..50_000 {
            let s: String = (0..rng.below(16)).map(|_| PIECES[rng.below(PIECES.len())]).collect();
            let tz = [0, 120, -300, i32::MAX, i32::MIN][rng.below(5)];
            let t = parse(&s, tz);
            assert!(t.is_nan() || (t.abs() <= 8.64e15 && t.fract() == 0.0), "{s:?} → {t}");
        }
        let numbers =
            [N, 0.0, -0.0, 1.5, -1.0, 1e300, -1e300, f64::INFINITY, f64::NEG_INFINITY, 8.64e15, -8.64e15, 1e7, 99.0];
        let names = [
            "setTime",
            "setMilliseconds",
            "setUTCSeconds",
            "setMinutes",
            "setUTCHours",
            "setDate",
            "setMonth",
            "setFullYear",
            "setUTCFullYear",
            "setYear",
            "set",
            "",
        ];
        for &t in &numbers {
            for tz in [0, 120, i32::MAX, i32::MIN] {
                for name in names {
                    for n in 0..5 {
                        let args: Vec<f64> = (0..n).map(|_| numbers[rng.below(numbers.len())]).collect();
                        let r = set(t, name, &args, tz);
                        assert!(r.is_nan() || r.abs() <= 8.64e15, "{t}.{name}({args:?})");
                    }
                }
                let _ = (
                    local_fields(t, tz),
                    to_string(t, tz),
                    to_locale_string(t, tz),
                    to_utc_string(t),
                    to_iso_string(t),
                );
                let a: Vec<f64> = (0..7).map(|_| numbers[rng.below(numbers.len())]).collect();
                let r = make_date(a[0], a[1], a[2], a[3], a[4], a[5], a[6], tz, rng.below(2) == 0);
                assert!(r.is_nan() || r.abs() <= 8.64e15);
            }
        }
    }
}
