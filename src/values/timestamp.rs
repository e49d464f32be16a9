//! The ECR `Timestamp` shape: the one place that decides which JSON timestamp
//! forms are accepted.
//!
//! On the wire AWS sends timestamps as epoch seconds (a JSON number, possibly
//! with a fraction). Tools such as the AWS CLI and Python's `str(datetime)`
//! write them as strings, so a [`Timestamp`] also accepts exactly one family
//! of strings, described by [`PATTERN`] and parsed by [`Timestamp::parse_str`]:
//!
//! ```text
//! YYYY-MM-DD ( 'T' | 't' | ' ' ) HH:MM:SS [ '.' 1 to 9 digits ] ( 'Z' | 'z' | ('+' | '-') HH:MM )
//! ```
//!
//! with year `0000`-`9999`, a real calendar date (proleptic Gregorian leap
//! years), hour `00`-`23`, minute `00`-`59`, second `00`-`59` (no leap second)
//! and an offset of at most `23:59`.
//!
//! # Range
//!
//! Epoch numbers must lie in [`EPOCH_MIN`, `EPOCH_END`), i.e. from
//! `0000-01-01T00:00:00Z` up to but excluding `10000-01-01T00:00:00Z`.
//!
//! Strings are judged by their written fields only (that is all a JSON Schema
//! pattern can check), so `9999-12-31T23:59:59-23:59` and
//! `0000-01-01T00:00:00+01:00` are accepted even though their instants fall
//! just outside that UTC range. Such values are stored with their offset, and
//! every method on [`Timestamp`] handles them without panicking.

use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::str::FromStr;

use serde::de::{self, Deserialize, Deserializer, Visitor};
use serde::ser::{Serialize, Serializer};
use time::{Date, Month, OffsetDateTime, Time, UtcOffset};

/// Epoch seconds of `0000-01-01T00:00:00Z`, the first instant accepted from a
/// number.
pub const EPOCH_MIN: i64 = -62_167_219_200;

/// Epoch seconds of `10000-01-01T00:00:00Z`, the first instant past the range
/// accepted from a number (exclusive bound).
pub const EPOCH_END: i64 = 253_402_300_800;

/// The accepted string forms as a regular expression, with the same meaning in
/// Rust's `regex` crate, ECMA-262 (with the `u` flag) and Python's `re`.
///
/// It has no anchors: wrap it as `^(?:PATTERN)$`. It is exact, including
/// month lengths and leap years, so it matches a string exactly when
/// [`Timestamp::parse_str`] accepts it.
pub const PATTERN: &str = concat!(
    // Date: any year with a day that exists in every year ...
    "(?:[0-9]{4}-(?:",
    "(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])",
    "|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)",
    "|02-(?:0[1-9]|1[0-9]|2[0-8])",
    ")",
    // ... or February 29 of a leap year.
    "|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)-02-29",
    ")",
    // Separator.
    "[Tt ]",
    // Time of day, optional fraction.
    "(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]",
    "(?:[.][0-9]{1,9})?",
    // Offset.
    "(?:[Zz]|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])",
);

/// The Julian day number of 1970-01-01.
const UNIX_EPOCH_JULIAN_DAY: i64 = 2_440_588;
const SECONDS_PER_DAY: i64 = 86_400;
const RFC3339_EXAMPLE: &str = "expected an RFC 3339 date-time such as 2023-11-14T22:13:20Z";

/// A point in time as carried by the ECR API.
///
/// Equality, ordering and hashing compare instants: `2023-11-14T22:13:20Z` and
/// `2023-11-15T03:43:20+05:30` are equal.
///
/// Serializes to the AWS wire form (epoch seconds as a JSON number) and
/// deserializes from a JSON number or from a string in the forms described in
/// the [module documentation](self).
#[derive(Clone, Copy)]
pub struct Timestamp(OffsetDateTime);

/// Why a value was not accepted as a [`Timestamp`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimestampError {
    message: String,
}

impl TimestampError {
    fn new(message: impl Into<String>) -> Self {
        Self {
            message: message.into(),
        }
    }

    fn syntax(detail: &str) -> Self {
        Self::new(format!("{RFC3339_EXAMPLE} ({detail})"))
    }
}

impl fmt::Display for TimestampError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for TimestampError {}

impl Timestamp {
    /// 1970-01-01T00:00:00Z: the stand-in a checking pass returns.
    pub const UNIX_EPOCH: Timestamp = Timestamp(OffsetDateTime::UNIX_EPOCH);

    /// Whether epoch seconds `s` certainly make a valid timestamp, judged
    /// without building one: everything in `[EPOCH_MIN, EPOCH_END - 1]` does
    /// (rounding to microseconds cannot carry it past the end). Anything else
    /// goes through [`Timestamp::from_epoch_seconds_f64`].
    pub(crate) fn surely_in_range(s: f64) -> bool {
        s >= EPOCH_MIN as f64 && s <= (EPOCH_END - 1) as f64
    }

    /// Whether every number of at least 0 and below `10^digits` certainly
    /// makes a valid timestamp (up to 11 digits): as an `f64` it rounds to
    /// at most `10^digits`, within [`Timestamp::surely_in_range`]'s bounds.
    pub(crate) fn surely_in_range_below(digits: usize) -> bool {
        crate::rules::power_of_ten(digits).is_some_and(|p| p < EPOCH_END)
    }

    /// Wraps an [`OffsetDateTime`], keeping its offset.
    ///
    /// Accepted when its instant lies in [`EPOCH_MIN`, `EPOCH_END`), or when it
    /// could have been written as an accepted string: local year `0000`-`9999`
    /// and an offset of whole minutes, at most `23:59` either way.
    pub fn from_offset_date_time(t: OffsetDateTime) -> Result<Self, TimestampError> {
        let candidate = Self(t);
        let offset = t.offset();
        let writable = (0..=9999).contains(&t.year())
            && offset.seconds_past_minute() == 0
            && offset.whole_hours().abs() <= 23;
        if candidate.instant_in_range() || writable {
            Ok(candidate)
        } else {
            Err(TimestampError::new(format!(
                "{} is outside years 0000 to 9999 in UTC and cannot be written \
                 with year 0000 to 9999 and a whole-minute offset of at most 23:59",
                candidate.local_form()
            )))
        }
    }

    /// The wrapped [`OffsetDateTime`], with the offset it was written with
    /// (UTC for values built from epoch seconds).
    pub fn as_offset_date_time(&self) -> OffsetDateTime {
        self.0
    }

    /// From whole epoch seconds in [`EPOCH_MIN`, `EPOCH_END`).
    pub fn from_epoch_seconds_i64(s: i64) -> Result<Self, TimestampError> {
        Self::from_epoch_parts(s, 0, || s.to_string())
    }

    /// From whole epoch seconds below `EPOCH_END`.
    pub fn from_epoch_seconds_u64(s: u64) -> Result<Self, TimestampError> {
        match i64::try_from(s) {
            Ok(secs) => Self::from_epoch_seconds_i64(secs),
            Err(_) => Err(out_of_range(&s.to_string())),
        }
    }

    /// From fractional epoch seconds in [`EPOCH_MIN`, `EPOCH_END`), rounded to
    /// the nearest microsecond (the precision an `f64` can carry for current
    /// dates). NaN and infinities are errors.
    pub fn from_epoch_seconds_f64(s: f64) -> Result<Self, TimestampError> {
        if !s.is_finite() {
            return Err(TimestampError::new(format!(
                "epoch seconds must be a finite number, not {s:?}"
            )));
        }
        // Both bounds are exactly representable as f64.
        if !(s >= EPOCH_MIN as f64 && s < EPOCH_END as f64) {
            return Err(out_of_range(&format!("{s:?}")));
        }
        let (mut secs, mut micros) = split_seconds(s);
        if micros >= 1_000_000 {
            micros = 0;
            secs += 1;
        }
        Self::from_epoch_parts(secs, micros * 1_000, || format!("{s:?}"))
    }

    /// Parses one of the accepted string forms (see the
    /// [module documentation](self)); anything else is an error saying what is
    /// wrong.
    pub fn parse_str(s: &str) -> Result<Self, TimestampError> {
        let fields = Fields::parse(s.as_bytes())?;
        fields.check()?;
        fields.build().map(Self)
    }

    /// Whole seconds since 1970-01-01T00:00:00Z, rounded towards negative
    /// infinity (so `-0.5` s is `-1` with [`subsec_nanos`](Self::subsec_nanos)
    /// `500_000_000`).
    pub fn epoch_seconds(&self) -> i64 {
        let t = self.0;
        let days = i64::from(t.to_julian_day()) - UNIX_EPOCH_JULIAN_DAY;
        days * SECONDS_PER_DAY
            + i64::from(t.hour()) * 3_600
            + i64::from(t.minute()) * 60
            + i64::from(t.second())
            - i64::from(t.offset().whole_seconds())
    }

    /// Nanoseconds past [`epoch_seconds`](Self::epoch_seconds), in
    /// `0..1_000_000_000`.
    pub fn subsec_nanos(&self) -> u32 {
        self.0.nanosecond()
    }

    /// The RFC 3339 form in UTC with a `Z`, e.g. `2023-11-14T22:13:20.56Z`: the
    /// fraction appears only when non-zero, without trailing zeros.
    ///
    /// A value parsed from a string whose instant lies outside years 0000 to
    /// 9999 in UTC (such as `9999-12-31T23:59:59-23:59`) cannot be written in
    /// UTC with four year digits; it is written with its own offset instead,
    /// so the result always parses back to an equal value.
    pub fn to_rfc3339(&self) -> String {
        if self.instant_in_range() {
            if let Some(utc) = self.0.checked_to_offset(UtcOffset::UTC) {
                return Self(utc).local_form();
            }
        }
        self.local_form()
    }

    /// `shown` writes the input for a message: called only on the error path.
    fn from_epoch_parts(
        secs: i64,
        nanos: u32,
        shown: impl Fn() -> String,
    ) -> Result<Self, TimestampError> {
        if !(EPOCH_MIN..EPOCH_END).contains(&secs) {
            return Err(out_of_range(&shown()));
        }
        OffsetDateTime::from_unix_timestamp(secs)
            .and_then(|t| t.replace_nanosecond(nanos))
            .map(Self)
            .map_err(|e| TimestampError::new(format!("epoch seconds {}: {e}", shown())))
    }

    fn instant_in_range(&self) -> bool {
        (EPOCH_MIN..EPOCH_END).contains(&self.epoch_seconds())
    }

    /// The stored fields with the stored offset (`Z` when UTC).
    fn local_form(&self) -> String {
        let t = self.0;
        let mut out = format!(
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}",
            t.year(),
            u8::from(t.month()),
            t.day(),
            t.hour(),
            t.minute(),
            t.second()
        );
        let nanos = t.nanosecond();
        if nanos != 0 {
            let digits = format!("{nanos:09}");
            out.push('.');
            out.push_str(digits.trim_end_matches('0'));
        }
        let offset = t.offset();
        if offset.is_utc() {
            out.push('Z');
        } else {
            let sign = if offset.is_negative() { '-' } else { '+' };
            out.push_str(&format!(
                "{sign}{:02}:{:02}",
                offset.whole_hours().unsigned_abs(),
                offset.minutes_past_hour().unsigned_abs()
            ));
            let seconds = offset.seconds_past_minute().unsigned_abs();
            if seconds != 0 {
                // Only reachable for in-range instants, which are written in
                // UTC instead; kept so nothing is silently dropped.
                out.push_str(&format!(":{seconds:02}"));
            }
        }
        out
    }
}

/// Epoch seconds `s` in [`EPOCH_MIN`, `EPOCH_END`) as whole seconds (the
/// floor) and microseconds past them, rounded half up (`1_000_000` when
/// they round up to the next second): `s.floor()` and `.round()` done with
/// casts, which are exact in this range, instead of the calls to libm that
/// they are on targets without SSE4.1.
fn split_seconds(s: f64) -> (i64, u32) {
    let truncated = s as i64;
    let secs = truncated - i64::from((truncated as f64) > s);
    // `s - floor(s)` is exact and lies in [0, 1].
    let scaled = (s - secs as f64) * 1e6;
    let whole = scaled as u32;
    // The fraction of a value below 2^20 is exact.
    let micros = whole + u32::from(scaled - f64::from(whole) >= 0.5);
    (secs, micros)
}

fn out_of_range(shown: &str) -> TimestampError {
    TimestampError::new(format!(
        "epoch seconds {shown} are outside years 0000 to 9999"
    ))
}

fn is_leap_year(year: u16) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// The written fields of an accepted string, before range checks.
struct Fields {
    year: u16,
    month: u8,
    day: u8,
    hour: u8,
    minute: u8,
    second: u8,
    nanos: u32,
    /// `-1`, `0` (for `Z`) or `1`.
    offset_sign: i8,
    offset_hour: u8,
    offset_minute: u8,
}

/// A byte cursor over the input.
struct Cursor<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl Cursor<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn eat(&mut self, wanted: u8) -> bool {
        if self.peek() == Some(wanted) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn expect(&mut self, wanted: u8) -> Result<(), TimestampError> {
        if self.eat(wanted) {
            Ok(())
        } else {
            Err(TimestampError::syntax(&format!(
                "expected '{}' at byte {}",
                char::from(wanted),
                self.pos
            )))
        }
    }

    /// Exactly `n` ASCII digits as a number (`n` is at most 4).
    fn digits(&mut self, n: usize) -> Result<u16, TimestampError> {
        let mut value = 0u16;
        for _ in 0..n {
            match self.peek() {
                Some(b @ b'0'..=b'9') => {
                    value = value * 10 + u16::from(b - b'0');
                    self.pos += 1;
                }
                _ => {
                    return Err(TimestampError::syntax(&format!(
                        "expected a digit at byte {}",
                        self.pos
                    )))
                }
            }
        }
        Ok(value)
    }

    /// Two ASCII digits.
    fn two_digits(&mut self) -> Result<u8, TimestampError> {
        // At most 99, so the conversion cannot fail.
        self.digits(2).map(|v| u8::try_from(v).unwrap_or(u8::MAX))
    }
}

impl Fields {
    /// Checks the shape of the string and reads its fields.
    fn parse(bytes: &[u8]) -> Result<Self, TimestampError> {
        if bytes.is_empty() {
            return Err(TimestampError::new(format!(
                "{RFC3339_EXAMPLE}, found an empty string"
            )));
        }
        let mut c = Cursor { bytes, pos: 0 };
        let year = c.digits(4)?;
        c.expect(b'-')?;
        let month = c.two_digits()?;
        c.expect(b'-')?;
        let day = c.two_digits()?;
        if !(c.eat(b'T') || c.eat(b't') || c.eat(b' ')) {
            return Err(TimestampError::syntax(&format!(
                "expected 'T' or a space between date and time at byte {}",
                c.pos
            )));
        }
        let hour = c.two_digits()?;
        c.expect(b':')?;
        let minute = c.two_digits()?;
        c.expect(b':')?;
        let second = c.two_digits()?;

        let mut nanos = 0u32;
        if c.eat(b'.') {
            let mut count = 0usize;
            while let Some(b @ b'0'..=b'9') = c.peek() {
                count += 1;
                if count > 9 {
                    break;
                }
                nanos = nanos * 10 + u32::from(b - b'0');
                c.pos += 1;
            }
            if count == 0 || count > 9 {
                return Err(TimestampError::new(
                    "a fraction of a second needs 1 to 9 digits after the '.'",
                ));
            }
            for _ in count..9 {
                nanos *= 10;
            }
        }

        let (offset_sign, offset_hour, offset_minute) = match c.peek() {
            Some(b'Z' | b'z') => {
                c.pos += 1;
                (0, 0, 0)
            }
            Some(sign @ (b'+' | b'-')) => {
                c.pos += 1;
                let h = c.two_digits()?;
                c.expect(b':')?;
                let m = c.two_digits()?;
                (if sign == b'-' { -1 } else { 1 }, h, m)
            }
            _ => {
                return Err(TimestampError::syntax(&format!(
                    "expected 'Z' or an offset such as +05:30 at byte {}",
                    c.pos
                )))
            }
        };
        if c.pos != bytes.len() {
            return Err(TimestampError::syntax(&format!(
                "unexpected text after the offset at byte {}",
                c.pos
            )));
        }
        Ok(Self {
            year,
            month,
            day,
            hour,
            minute,
            second,
            nanos,
            offset_sign,
            offset_hour,
            offset_minute,
        })
    }

    /// Checks every field's range, including the calendar.
    fn check(&self) -> Result<(), TimestampError> {
        let err = |m: String| Err(TimestampError::new(m));
        if !(1..=12).contains(&self.month) {
            return err(format!("month {:02} is out of range", self.month));
        }
        if !(1..=days_in_month(self.year, self.month)).contains(&self.day) {
            return err(format!(
                "day {:02} is out of range for {:04}-{:02}",
                self.day, self.year, self.month
            ));
        }
        if self.hour > 23 {
            return err(format!("hour {:02} is out of range", self.hour));
        }
        if self.minute > 59 {
            return err(format!("minute {:02} is out of range", self.minute));
        }
        if self.second > 59 {
            return err(format!(
                "second {:02} is out of range (leap seconds are not accepted)",
                self.second
            ));
        }
        if self.offset_hour > 23 {
            return err(format!(
                "offset hour {:02} is out of range",
                self.offset_hour
            ));
        }
        if self.offset_minute > 59 {
            return err(format!(
                "offset minute {:02} is out of range",
                self.offset_minute
            ));
        }
        Ok(())
    }

    /// Builds the value from checked fields, keeping the written offset.
    fn build(&self) -> Result<OffsetDateTime, TimestampError> {
        let internal = |e: time::error::ComponentRange| TimestampError::new(e.to_string());
        let month = Month::try_from(self.month).map_err(internal)?;
        let date =
            Date::from_calendar_date(i32::from(self.year), month, self.day).map_err(internal)?;
        let time = Time::from_hms_nano(self.hour, self.minute, self.second, self.nanos)
            .map_err(internal)?;
        let sign = self.offset_sign;
        // Hours and minutes are at most 23 and 59, so these fit in i8.
        let offset = UtcOffset::from_hms(
            sign * self.offset_hour as i8,
            sign * self.offset_minute as i8,
            0,
        )
        .map_err(internal)?;
        Ok(OffsetDateTime::new_in_offset(date, time, offset))
    }
}

impl PartialEq for Timestamp {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Timestamp {}

impl PartialOrd for Timestamp {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Timestamp {
    fn cmp(&self, other: &Self) -> Ordering {
        (self.epoch_seconds(), self.subsec_nanos())
            .cmp(&(other.epoch_seconds(), other.subsec_nanos()))
    }
}

impl Hash for Timestamp {
    fn hash<H: Hasher>(&self, state: &mut H) {
        (self.epoch_seconds(), self.subsec_nanos()).hash(state);
    }
}

impl fmt::Debug for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_rfc3339())
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_rfc3339())
    }
}

impl FromStr for Timestamp {
    type Err = TimestampError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse_str(s)
    }
}

impl Serialize for Timestamp {
    /// Epoch seconds as a JSON number: an integer when there is no fraction,
    /// otherwise an `f64` (which holds microseconds exactly only up to about
    /// 2^33 seconds, i.e. dates before the year 2242).
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let secs = self.epoch_seconds();
        let nanos = self.subsec_nanos();
        if nanos == 0 {
            serializer.serialize_i64(secs)
        } else {
            // Near the year 9999 an f64 cannot hold the fraction, and the sum
            // may round up into the next second (past the end of the range):
            // keep it inside its own second.
            let next = (secs + 1) as f64;
            let value = secs as f64 + f64::from(nanos) / 1e9;
            serializer.serialize_f64(if value >= next {
                next.next_down()
            } else {
                value
            })
        }
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(TimestampVisitor)
    }
}

struct TimestampVisitor;

impl Visitor<'_> for TimestampVisitor {
    type Value = Timestamp;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("epoch seconds as a number, or an RFC 3339 date-time string")
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Timestamp, E> {
        Timestamp::from_epoch_seconds_i64(v).map_err(E::custom)
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Timestamp, E> {
        Timestamp::from_epoch_seconds_u64(v).map_err(E::custom)
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Timestamp, E> {
        Timestamp::from_epoch_seconds_f64(v).map_err(E::custom)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Timestamp, E> {
        Timestamp::parse_str(v).map_err(E::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::{split_seconds, EPOCH_END, EPOCH_MIN};

    /// What `split_seconds` stands for: `floor`, and `round` of the
    /// microseconds.
    fn by_libm(s: f64) -> (i64, u32) {
        let whole = s.floor();
        (whole as i64, ((s - whole) * 1e6).round() as u32)
    }

    #[test]
    fn seconds_split_as_floor_and_round_split_them() {
        let mut values = vec![
            0.0,
            -0.0,
            0.5,
            -0.5,
            1.0000005,
            -1.0000005,
            0.4999995,
            0.0000005,
            0.9999995,
            -0.9999995,
            1_700_000_000.123,
            -1_700_000_000.123,
            EPOCH_MIN as f64,
            (EPOCH_END - 1) as f64 + 0.9999999,
            f64::from_bits(0.5f64.to_bits() - 1),
        ];
        // Every value a microsecond apart and a half microsecond off, over
        // a few seconds either side of 0 and of today, and a spread of others.
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..200_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let span = (EPOCH_END - EPOCH_MIN) as f64;
            values.push(EPOCH_MIN as f64 + (x >> 11) as f64 / (1u64 << 53) as f64 * span);
            let micro = (x % 4_000_000) as f64 / 1e6 - 2.0;
            values.push(micro);
            values.push(micro + 5e-7);
            values.push(1_700_000_000.0 + micro + 5e-7);
        }
        for s in values {
            assert_eq!(split_seconds(s), by_libm(s), "{s:?}");
        }
    }
}
