//! `getHoursType(hoursSpec, zoneId)` (CB-SPEC §4.1): which kind of hours it
//! is now in a call centre's time zone.
//!
//! CB's docs define the spec entries (`"KEY~8:00~20:00"`,
//! `"FRIDAY|KEY~8:00~17:00"`, `"12.25.2018|KEY~0:00~23:59"`) and say that when
//! two frames overlap "the later time frame is used". The rest is cbot's
//! reading, written down in docs/botcontext.md:
//! - a frame is half-open, `[start, end)`, at minute precision, so
//!   `8:00~20:00` and `20:00~8:00` do not both hold at 8:00 or 20:00; an end
//!   of `23:59` means the end of the day; `start > end` wraps past midnight
//!   (on the same local day: `17:00~8:00` holds from 0:00 to 8:00 and from
//!   17:00 on);
//! - "later" is later in the array; no frame → `null`;
//! - the time zone comes from a built-in table (cbot adds no time-zone
//!   database): the common IANA zones with the US, EU, Australian and New
//!   Zealand daylight-saving rules of today, `UTC`/`GMT`, `Etc/GMT±N` and
//!   fixed offsets (`+05:30`, `UTC-3`); any other zone is UTC.

/// Daylight-saving rules (the current ones; history is not modelled).
#[derive(Clone, Copy)]
enum Dst {
    None,
    /// Second Sunday of March 2:00 local → first Sunday of November 2:00.
    Us,
    /// Last Sunday of March → last Sunday of October, at 1:00 UTC.
    Eu,
    /// First Sunday of October 2:00 standard → first Sunday of April 3:00 daylight.
    Au,
    /// Last Sunday of September 2:00 standard → first Sunday of April 3:00 daylight.
    Nz,
}

/// IANA name, standard offset in minutes east of UTC, DST rule.
const ZONES: &[(&str, i32, Dst)] = &[
    ("Africa/Cairo", 120, Dst::None),
    ("Africa/Johannesburg", 120, Dst::None),
    ("Africa/Lagos", 60, Dst::None),
    ("Africa/Nairobi", 180, Dst::None),
    ("America/Anchorage", -540, Dst::Us),
    ("America/Argentina/Buenos_Aires", -180, Dst::None),
    ("America/Bogota", -300, Dst::None),
    ("America/Chicago", -360, Dst::Us),
    ("America/Denver", -420, Dst::Us),
    ("America/Detroit", -300, Dst::Us),
    ("America/Edmonton", -420, Dst::Us),
    ("America/Halifax", -240, Dst::Us),
    ("America/Lima", -300, Dst::None),
    ("America/Los_Angeles", -480, Dst::Us),
    ("America/Mexico_City", -360, Dst::None),
    ("America/New_York", -300, Dst::Us),
    ("America/Phoenix", -420, Dst::None),
    ("America/Sao_Paulo", -180, Dst::None),
    ("America/St_Johns", -210, Dst::Us),
    ("America/Toronto", -300, Dst::Us),
    ("America/Vancouver", -480, Dst::Us),
    ("America/Winnipeg", -360, Dst::Us),
    ("Asia/Bangkok", 420, Dst::None),
    ("Asia/Calcutta", 330, Dst::None),
    ("Asia/Dhaka", 360, Dst::None),
    ("Asia/Dubai", 240, Dst::None),
    ("Asia/Hong_Kong", 480, Dst::None),
    ("Asia/Jakarta", 420, Dst::None),
    ("Asia/Karachi", 300, Dst::None),
    ("Asia/Kolkata", 330, Dst::None),
    ("Asia/Manila", 480, Dst::None),
    ("Asia/Seoul", 540, Dst::None),
    ("Asia/Shanghai", 480, Dst::None),
    ("Asia/Singapore", 480, Dst::None),
    ("Asia/Taipei", 480, Dst::None),
    ("Asia/Tokyo", 540, Dst::None),
    ("Atlantic/Canary", 0, Dst::Eu),
    ("Australia/Adelaide", 570, Dst::Au),
    ("Australia/Brisbane", 600, Dst::None),
    ("Australia/Hobart", 600, Dst::Au),
    ("Australia/Melbourne", 600, Dst::Au),
    ("Australia/Perth", 480, Dst::None),
    ("Australia/Sydney", 600, Dst::Au),
    ("Europe/Amsterdam", 60, Dst::Eu),
    ("Europe/Athens", 120, Dst::Eu),
    ("Europe/Berlin", 60, Dst::Eu),
    ("Europe/Brussels", 60, Dst::Eu),
    ("Europe/Bucharest", 120, Dst::Eu),
    ("Europe/Budapest", 60, Dst::Eu),
    ("Europe/Copenhagen", 60, Dst::Eu),
    ("Europe/Dublin", 0, Dst::Eu),
    ("Europe/Helsinki", 120, Dst::Eu),
    ("Europe/Istanbul", 180, Dst::None),
    ("Europe/Kiev", 120, Dst::Eu),
    ("Europe/Kyiv", 120, Dst::Eu),
    ("Europe/Lisbon", 0, Dst::Eu),
    ("Europe/London", 0, Dst::Eu),
    ("Europe/Madrid", 60, Dst::Eu),
    ("Europe/Moscow", 180, Dst::None),
    ("Europe/Oslo", 60, Dst::Eu),
    ("Europe/Paris", 60, Dst::Eu),
    ("Europe/Prague", 60, Dst::Eu),
    ("Europe/Rome", 60, Dst::Eu),
    ("Europe/Stockholm", 60, Dst::Eu),
    ("Europe/Vienna", 60, Dst::Eu),
    ("Europe/Warsaw", 60, Dst::Eu),
    ("Europe/Zurich", 60, Dst::Eu),
    ("Pacific/Auckland", 720, Dst::Nz),
    ("Pacific/Honolulu", -600, Dst::None),
    ("US/Central", -360, Dst::Us),
    ("US/Eastern", -300, Dst::Us),
    ("US/Mountain", -420, Dst::Us),
    ("US/Pacific", -480, Dst::Us),
];

const MINUTE: i64 = 60_000;
const DAY: i64 = 86_400_000;

/// Days since 1970-01-01 of a civil date (proleptic Gregorian).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date of a day number.
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// 0 = Sunday.
fn weekday(days: i64) -> i64 {
    (days + 4).rem_euclid(7)
}

/// The day number of the `n`th Sunday (1-based; 0 = the last) of a month.
fn sunday(y: i64, m: i64, n: i64) -> i64 {
    if n == 0 {
        let next = if m == 12 { days_from_civil(y + 1, 1, 1) } else { days_from_civil(y, m + 1, 1) };
        let last = next - 1;
        return last - weekday(last);
    }
    let first = days_from_civil(y, m, 1);
    first + (7 - weekday(first)) % 7 + 7 * (n - 1)
}

/// Whether daylight time is in force at `utc` (ms) for a zone of standard
/// offset `std` (minutes).
fn in_dst(rule: Dst, std: i32, utc: i64) -> bool {
    let std = i64::from(std) * MINUTE;
    let (y, _, _) = civil_from_days((utc + std).div_euclid(DAY));
    // Transition instants in UTC.
    let at = |day: i64, local_ms: i64| day * DAY + local_ms - std;
    match rule {
        Dst::None => false,
        Dst::Us => {
            let start = at(sunday(y, 3, 2), 2 * 60 * MINUTE);
            let end = at(sunday(y, 11, 1), 60 * MINUTE); // 2:00 daylight = 1:00 standard
            start <= utc && utc < end
        }
        Dst::Eu => {
            let start = sunday(y, 3, 0) * DAY + 60 * MINUTE;
            let end = sunday(y, 10, 0) * DAY + 60 * MINUTE;
            start <= utc && utc < end
        }
        // Southern hemisphere: daylight time spans the new year.
        Dst::Au => {
            let end = at(sunday(y, 4, 1), 2 * 60 * MINUTE);
            let start = at(sunday(y, 10, 1), 2 * 60 * MINUTE);
            utc < end || start <= utc
        }
        Dst::Nz => {
            let end = at(sunday(y, 4, 1), 2 * 60 * MINUTE);
            let start = at(sunday(y, 9, 0), 2 * 60 * MINUTE);
            utc < end || start <= utc
        }
    }
}

/// `+05:30`, `-3`, `+0200` → minutes east of UTC.
fn fixed_offset(s: &str) -> Option<i32> {
    let (sign, rest) = match s.as_bytes().first()? {
        b'+' => (1, &s[1..]),
        b'-' => (-1, &s[1..]),
        _ => return None,
    };
    let (h, m) = match rest.split_once(':') {
        Some((h, m)) => (h, m),
        None if rest.len() == 4 => rest.split_at(2),
        None => (rest, "0"),
    };
    let (h, m): (i32, i32) = (h.parse().ok()?, m.parse().ok()?);
    (h <= 18 && m < 60).then_some(sign * (h * 60 + m))
}

/// The zone's offset from UTC (minutes) at `utc` (ms); unknown zones are UTC.
pub fn zone_offset(zone: &str, utc: i64) -> i32 {
    let zone = zone.trim();
    if let Some(&(_, std, rule)) = ZONES.iter().find(|z| z.0.eq_ignore_ascii_case(zone)) {
        return if in_dst(rule, std, utc) { std + 60 } else { std };
    }
    let upper = zone.to_ascii_uppercase();
    // POSIX-style Etc zones count westward: Etc/GMT+5 is UTC-5.
    if let Some(rest) = upper.strip_prefix("ETC/GMT").filter(|r| !r.is_empty()) {
        return fixed_offset(rest).map_or(0, |m| -m);
    }
    let rest = ["UTC", "GMT", "ETC/UTC", "ETC/GMT", "Z"]
        .iter()
        .filter_map(|p| upper.strip_prefix(p))
        .min_by_key(|r| r.len())
        .unwrap_or(&upper);
    if rest.is_empty() {
        return 0;
    }
    fixed_offset(rest).unwrap_or(0)
}

const DAYS: [&str; 7] = ["SUNDAY", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY"];

fn minutes(hm: &str) -> Option<i64> {
    let (h, m) = hm.trim().split_once(':')?;
    let (h, m): (i64, i64) = (h.trim().parse().ok()?, m.trim().parse().ok()?);
    (h <= 24 && m < 60).then_some(h * 60 + m)
}

/// The key of the last entry of `spec` whose frame holds at `now_ms` in
/// `zone`, or `None` (see the module documentation).
pub fn hours_type(spec: &[String], zone: &str, now_ms: f64) -> Option<String> {
    if !now_ms.is_finite() {
        return None;
    }
    let utc = now_ms.floor() as i64;
    let local = utc + i64::from(zone_offset(zone, utc)) * MINUTE;
    let day = local.div_euclid(DAY);
    let minute = local.rem_euclid(DAY) / MINUTE;
    let (y, m, d) = civil_from_days(day);
    // weekday() is in 0..7.
    let today = DAYS.get(weekday(day) as usize).copied().unwrap_or_default();
    let mut found = None;
    for entry in spec {
        let (qualifier, frame) = match entry.split_once('|') {
            Some((q, f)) => (Some(q.trim()), f),
            None => (None, entry.as_str()),
        };
        let mut parts = frame.split('~');
        let (Some(key), Some(start), Some(end)) = (parts.next(), parts.next(), parts.next()) else { continue };
        let (Some(start), Some(mut end)) = (minutes(start), minutes(end)) else { continue };
        let applies = match qualifier {
            None => true,
            Some(q) if q.contains('.') => {
                let mut date = q.split('.').map(|p| p.trim().parse::<i64>().ok());
                matches!((date.next(), date.next(), date.next()), (Some(Some(mm)), Some(Some(dd)), Some(Some(yy))) if (yy, mm, dd) == (y, m, d))
            }
            Some(q) => q.eq_ignore_ascii_case(today),
        };
        if end == 23 * 60 + 59 {
            end = 24 * 60;
        }
        let holds = if start == end {
            true
        } else if start < end {
            start <= minute && minute < end
        } else {
            minute >= start || minute < end
        };
        if applies && holds {
            found = Some(key.trim().to_string());
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ms(y: i64, mo: i64, d: i64, h: i64, mi: i64) -> f64 {
        (days_from_civil(y, mo, d) * DAY + (h * 60 + mi) * MINUTE) as f64
    }

    fn spec() -> Vec<String> {
        // The example of CB's "Get type of hours" docs.
        [
            "REG_HOURS~8:00~20:00",
            "AFTER_HOURS~20:00~8:00",
            "FRIDAY|WKEND_REG_HOURS~8:00~17:00",
            "FRIDAY|WKEND_AFTER_HOURS~17:00~08:00",
            "SATURDAY|WKEND_REG_HOURS~8:00~17:00",
            "SATURDAY|WKEND_AFTER_HOURS~17:00~08:00",
            "SUNDAY|WKEND_REG_HOURS~8:00~17:00",
            "SUNDAY|WKEND_AFTER_HOURS~17:00~08:00",
            "11.22.2018|HOLIDAY_THANKS~0:00~23:59",
            "12.25.2018|HOLIDAY_XMAS~0:00~23:59",
        ]
        .map(String::from)
        .to_vec()
    }

    #[test]
    fn civil_dates_round_trip() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(civil_from_days(days_from_civil(2024, 2, 29)), (2024, 2, 29));
        assert_eq!(weekday(days_from_civil(2024, 1, 1)), 1); // a Monday
        assert_eq!(sunday(2024, 3, 2), days_from_civil(2024, 3, 10));
        assert_eq!(sunday(2024, 3, 0), days_from_civil(2024, 3, 31));
    }

    #[test]
    fn zones_follow_their_daylight_rules() {
        assert_eq!(zone_offset("America/Los_Angeles", ms(2024, 1, 15, 12, 0) as i64), -480);
        assert_eq!(zone_offset("America/Los_Angeles", ms(2024, 7, 1, 12, 0) as i64), -420);
        // US DST starts 2024-03-10 at 2:00 PST = 10:00 UTC.
        assert_eq!(zone_offset("America/New_York", ms(2024, 3, 10, 6, 59) as i64), -300);
        assert_eq!(zone_offset("America/New_York", ms(2024, 3, 10, 7, 0) as i64), -240);
        assert_eq!(zone_offset("Europe/Paris", ms(2024, 3, 31, 0, 59) as i64), 60);
        assert_eq!(zone_offset("Europe/Paris", ms(2024, 3, 31, 1, 0) as i64), 120);
        assert_eq!(zone_offset("Australia/Sydney", ms(2024, 1, 1, 0, 0) as i64), 660);
        assert_eq!(zone_offset("Australia/Sydney", ms(2024, 7, 1, 0, 0) as i64), 600);
        assert_eq!(zone_offset("Etc/GMT+5", 0), -300);
        assert_eq!(zone_offset("UTC+05:30", 0), 330);
        assert_eq!(zone_offset("Mars/Olympus_Mons", 0), 0);
    }

    #[test]
    fn later_frames_win_and_frames_are_half_open() {
        let la = "America/Los_Angeles";
        // Monday 2024-01-15 (PST, UTC-8).
        assert_eq!(hours_type(&spec(), la, ms(2024, 1, 15, 16, 0)).as_deref(), Some("REG_HOURS")); // 8:00
        assert_eq!(hours_type(&spec(), la, ms(2024, 1, 15, 15, 59)).as_deref(), Some("AFTER_HOURS")); // 7:59
        assert_eq!(hours_type(&spec(), la, ms(2024, 1, 16, 4, 0)).as_deref(), Some("AFTER_HOURS")); // 20:00
        // Friday 2024-01-19 10:00 local: the Friday frame comes later.
        assert_eq!(hours_type(&spec(), la, ms(2024, 1, 19, 18, 0)).as_deref(), Some("WKEND_REG_HOURS"));
        assert_eq!(hours_type(&spec(), la, ms(2024, 1, 20, 2, 0)).as_deref(), Some("WKEND_AFTER_HOURS"));
        // Christmas 2018 (a Tuesday) at 23:59:30 local.
        let xmas = ms(2018, 12, 26, 7, 59) + 30_000.0;
        assert_eq!(hours_type(&spec(), la, xmas).as_deref(), Some("HOLIDAY_XMAS"));
        assert_eq!(hours_type(&["X~9:00~10:00".to_string()], la, ms(2024, 1, 15, 12, 0)), None);
    }
}
