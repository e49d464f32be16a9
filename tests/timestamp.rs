//! Behaviour of `ecr_models::timestamp`: accepted string forms, epoch ranges,
//! wire form, and exact agreement between `PATTERN` and `Timestamp::parse_str`.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};

use ecr_models::timestamp::{Timestamp, TimestampError, EPOCH_END, EPOCH_MIN, PATTERN};
use regex::Regex;
use time::{Date, Month, OffsetDateTime, Time, UtcOffset};

/// 2023-11-14T22:13:20Z.
const T1700: i64 = 1_700_000_000;

fn parse(s: &str) -> Timestamp {
    match Timestamp::parse_str(s) {
        Ok(t) => t,
        Err(e) => panic!("{s:?} should parse, got: {e}"),
    }
}

fn parse_err(s: &str) -> TimestampError {
    match Timestamp::parse_str(s) {
        Ok(t) => panic!("{s:?} should be rejected, got {t}"),
        Err(e) => e,
    }
}

fn pattern() -> Regex {
    Regex::new(&format!("^(?:{PATTERN})$")).expect("PATTERN compiles")
}

fn hash_of(t: &Timestamp) -> u64 {
    let mut h = DefaultHasher::new();
    t.hash(&mut h);
    h.finish()
}

fn parts(t: Timestamp) -> (i64, u32) {
    (t.epoch_seconds(), t.subsec_nanos())
}

const ACCEPTED: &[(&str, i64, u32)] = &[
    ("2023-11-14T22:13:20Z", T1700, 0),
    ("2023-11-14T22:13:20.5Z", T1700, 500_000_000),
    // 22:13:20 at +05:30 is 16:43:20 UTC, 5.5 h = 19800 s earlier.
    (
        "2023-11-14T22:13:20.123456789+05:30",
        T1700 - 19_800,
        123_456_789,
    ),
    ("2023-11-14 22:13:20.560000+00:00", T1700, 560_000_000),
    ("2023-11-14 22:13:20+00:00", T1700, 0),
    // 2024-01-01 is 1704067200; Feb 29 is 31 + 28 = 59 days later.
    ("2024-02-29T00:00:00Z", 1_704_067_200 + 59 * 86_400, 0),
    // 2000-01-01 is 946684800.
    ("2000-02-29T00:00:00Z", 946_684_800 + 59 * 86_400, 0),
    ("2023-11-14t22:13:20z", T1700, 0),
    ("2023-11-14T22:13:20-00:00", T1700, 0),
    ("2023-11-14T12:13:20-10:00", T1700, 0),
    ("2023-11-14T22:13:20.000000001Z", T1700, 1),
    ("1970-01-01T00:00:00Z", 0, 0),
    ("1969-12-31T23:59:59.5Z", -1, 500_000_000),
];

const REJECTED: &[&str] = &[
    "2023-13-01T00:00:00Z",
    "2023-11-14T25:00:00Z",
    "2023-02-29T00:00:00Z",
    "1900-02-29T00:00:00Z",
    "2023-02-30T00:00:00Z",
    "2023-11-14T22:13:20",
    "2023-11-14",
    "2023-11-14T22:13:20.Z",
    "2023-11-14T22:13:20.1234567890Z",
    "2023-11-14T22:13:60Z",
    " 2023-11-14T22:13:20Z",
    "2023-11-14T22:13:20Z\n",
    "+2023-11-14T22:13:20Z",
    "2023-11-14T22:13:20+24:00",
    "2023-11-14T22:13:20+05:60",
    "",
    // Non-ASCII digits: Arabic-Indic 2 and fullwidth 3.
    "\u{662}023-11-14T22:13:20Z",
    "2023-11-14T22:13:2\u{ff13}Z",
    // Near misses of the grammar.
    "2023-11-14T22:13:20 Z",
    "2023-11-14T22:13:20+0530",
    "2023-11-14T22:13:20+05",
    "2023-11-14T22:13:20+05:30:00",
    "2023-11-14T22:13Z",
    "2023-11-14_22:13:20Z",
    "2023-11-14  22:13:20Z",
    "2023-11-14\t22:13:20Z",
    "23-11-14T22:13:20Z",
    "02023-11-14T22:13:20Z",
    "2023-1-14T22:13:20Z",
    "2023-11-4T22:13:20Z",
    "2023-11-14T2:13:20Z",
    "2023-11-14T22:13:20,5Z",
    "2023-11-14T22:13:20ZZ",
    "2023-11-14T22:13:20UTC",
    "-0001-01-01T00:00:00Z",
    "10000-01-01T00:00:00Z",
    "1700000000",
];

#[test]
fn accepted_examples_parse_to_the_expected_instant() {
    for &(s, secs, nanos) in ACCEPTED {
        assert_eq!(parts(parse(s)), (secs, nanos), "{s}");
    }
}

#[test]
fn rejected_examples_are_errors() {
    for s in REJECTED {
        parse_err(s);
    }
}

#[test]
fn pattern_agrees_with_the_examples() {
    let re = pattern();
    for &(s, _, _) in ACCEPTED {
        assert!(re.is_match(s), "PATTERN should match {s:?}");
    }
    for s in REJECTED {
        assert!(!re.is_match(s), "PATTERN should not match {s:?}");
    }
}

#[test]
fn pattern_uses_only_portable_syntax() {
    for banned in [
        "\\d", "\\D", "\\s", "\\S", "\\w", "\\W", "\\b", "(?=", "(?!", "(?<", "^", "$",
    ] {
        assert!(!PATTERN.contains(banned), "PATTERN contains {banned}");
    }
    // Every group is non-capturing.
    assert_eq!(PATTERN.matches('(').count(), PATTERN.matches("(?:").count());
}

#[test]
fn error_messages_say_what_is_wrong() {
    let cases = [
        ("2023-13-01T00:00:00Z", "month 13 is out of range"),
        ("2023-00-01T00:00:00Z", "month 00 is out of range"),
        ("2023-02-29T00:00:00Z", "day 29 is out of range for 2023-02"),
        ("2023-04-00T00:00:00Z", "day 00 is out of range for 2023-04"),
        ("2023-11-14T24:00:00Z", "hour 24 is out of range"),
        ("2023-11-14T22:60:00Z", "minute 60 is out of range"),
        (
            "2023-11-14T22:13:60Z",
            "second 60 is out of range (leap seconds are not accepted)",
        ),
        (
            "2023-11-14T22:13:20+24:00",
            "offset hour 24 is out of range",
        ),
        (
            "2023-11-14T22:13:20+05:60",
            "offset minute 60 is out of range",
        ),
        (
            "2023-11-14T22:13:20.Z",
            "a fraction of a second needs 1 to 9 digits after the '.'",
        ),
        (
            "2023-11-14T22:13:20.1234567890Z",
            "a fraction of a second needs 1 to 9 digits after the '.'",
        ),
    ];
    for (s, message) in cases {
        assert_eq!(parse_err(s).to_string(), message, "{s}");
    }
    let syntax = [
        "",
        "2023-11-14",
        "2023-11-14T22:13:20",
        "2023-11-14T22:13:20Z\n",
        " 2023-11-14T22:13:20Z",
        "2023-11-14X22:13:20Z",
    ];
    for s in syntax {
        let message = parse_err(s).to_string();
        assert!(
            message.starts_with("expected an RFC 3339 date-time such as 2023-11-14T22:13:20Z"),
            "{s:?}: {message}"
        );
    }
    assert_eq!(
        parse_err("2023-11-14T22:13:20").to_string(),
        "expected an RFC 3339 date-time such as 2023-11-14T22:13:20Z \
         (expected 'Z' or an offset such as +05:30 at byte 19)"
    );
}

#[test]
fn timestamp_error_is_a_std_error() {
    let e: Box<dyn std::error::Error> = Box::new(parse_err("2023-13-01T00:00:00Z"));
    assert_eq!(e.to_string(), "month 13 is out of range");
}

#[test]
fn every_month_accepts_its_last_day_and_rejects_the_next() {
    const COMMON: [u8; 12] = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    for (year, leap) in [(2023, false), (2024, true)] {
        for (i, &days) in COMMON.iter().enumerate() {
            let month = i + 1;
            let last = if month == 2 && leap { 29 } else { days };
            for day in 28..=31u8 {
                let s = format!("{year:04}-{month:02}-{day:02}T00:00:00Z");
                assert_eq!(
                    Timestamp::parse_str(&s).is_ok(),
                    day <= last,
                    "{s} (last day {last})"
                );
            }
            parse(&format!("{year:04}-{month:02}-01T00:00:00Z"));
            parse_err(&format!("{year:04}-{month:02}-00T00:00:00Z"));
        }
    }
}

#[test]
fn february_29_is_accepted_only_in_leap_years() {
    for year in [0, 4, 96, 400, 1600, 1996, 2000, 2004, 2024, 2400, 9996] {
        parse(&format!("{year:04}-02-29T00:00:00Z"));
    }
    for year in [
        1, 100, 200, 300, 1700, 1800, 1900, 2023, 2100, 2200, 2300, 9999,
    ] {
        parse_err(&format!("{year:04}-02-29T00:00:00Z"));
    }
}

#[test]
fn months_00_and_13_are_rejected_01_and_12_accepted() {
    parse("2023-01-01T00:00:00Z");
    parse("2023-12-31T00:00:00Z");
    parse_err("2023-00-01T00:00:00Z");
    parse_err("2023-13-01T00:00:00Z");
}

#[test]
fn hour_23_minute_59_second_59_are_the_largest_accepted() {
    assert_eq!(
        parts(parse("2023-11-14T23:59:59Z")),
        (T1700 + 3_600 + 46 * 60 + 39, 0)
    );
    parse_err("2023-11-14T24:00:00Z");
    parse_err("2023-11-14T23:60:00Z");
    parse_err("2023-11-14T23:59:60Z");
    parse_err("2023-11-14T99:00:00Z");
}

#[test]
fn offsets_up_to_23_59_are_accepted_and_24_00_rejected() {
    // 23:59 = 86340 s.
    assert_eq!(
        parts(parse("2023-11-14T22:13:20+23:59")),
        (T1700 - 86_340, 0)
    );
    assert_eq!(
        parts(parse("2023-11-14T22:13:20-23:59")),
        (T1700 + 86_340, 0)
    );
    assert_eq!(
        parts(parse("2023-11-14T22:13:20-00:30")),
        (T1700 + 1_800, 0)
    );
    parse_err("2023-11-14T22:13:20+24:00");
    parse_err("2023-11-14T22:13:20-24:00");
    parse_err("2023-11-14T22:13:20+23:60");
    parse_err("2023-11-14T22:13:20+05:60");
}

#[test]
fn fractions_take_1_to_9_digits() {
    assert_eq!(parts(parse("2023-11-14T22:13:20.1Z")), (T1700, 100_000_000));
    assert_eq!(
        parts(parse("2023-11-14T22:13:20.123456789Z")),
        (T1700, 123_456_789)
    );
    assert_eq!(
        parts(parse("2023-11-14T22:13:20.999999999Z")),
        (T1700, 999_999_999)
    );
    assert_eq!(parts(parse("2023-11-14T22:13:20.000000000Z")), (T1700, 0));
    parse_err("2023-11-14T22:13:20.Z");
    parse_err("2023-11-14T22:13:20.1234567890Z");
    parse_err("2023-11-14T22:13:20.0000000000Z");
}

#[test]
fn separator_is_t_lowercase_t_or_one_space() {
    for sep in ["T", "t", " "] {
        assert_eq!(
            parts(parse(&format!("2023-11-14{sep}22:13:20Z"))),
            (T1700, 0)
        );
    }
    for sep in ["", "  ", "\t", "_", "\u{a0}"] {
        parse_err(&format!("2023-11-14{sep}22:13:20Z"));
    }
}

#[test]
fn from_str_is_parse_str() {
    let t: Timestamp = "2023-11-14T22:13:20.5Z".parse().expect("parses");
    assert_eq!(t, parse("2023-11-14T22:13:20.5Z"));
    assert_eq!(
        "2023-13-01T00:00:00Z".parse::<Timestamp>(),
        Timestamp::parse_str("2023-13-01T00:00:00Z")
    );
}

#[test]
fn epoch_constants_are_year_0000_and_year_10000() {
    assert_eq!(parse("0000-01-01T00:00:00Z").epoch_seconds(), EPOCH_MIN);
    assert_eq!(parse("9999-12-31T23:59:59Z").epoch_seconds(), EPOCH_END - 1);
    // 10000 years of the proleptic Gregorian calendar have 3652425 days.
    assert_eq!(EPOCH_END - EPOCH_MIN, 3_652_425 * 86_400);
}

#[test]
fn i64_epoch_seconds_are_accepted_from_epoch_min_to_before_epoch_end() {
    let min = Timestamp::from_epoch_seconds_i64(EPOCH_MIN).expect("EPOCH_MIN");
    assert_eq!(min.to_rfc3339(), "0000-01-01T00:00:00Z");
    assert_eq!(parts(min), (EPOCH_MIN, 0));
    let last = Timestamp::from_epoch_seconds_i64(EPOCH_END - 1).expect("EPOCH_END - 1");
    assert_eq!(last.to_rfc3339(), "9999-12-31T23:59:59Z");
    assert_eq!(
        Timestamp::from_epoch_seconds_i64(T1700)
            .expect("1700000000")
            .to_rfc3339(),
        "2023-11-14T22:13:20Z"
    );
    assert_eq!(
        Timestamp::from_epoch_seconds_i64(EPOCH_MIN - 1)
            .expect_err("EPOCH_MIN - 1")
            .to_string(),
        "epoch seconds -62167219201 are outside years 0000 to 9999"
    );
    assert_eq!(
        Timestamp::from_epoch_seconds_i64(EPOCH_END)
            .expect_err("EPOCH_END")
            .to_string(),
        "epoch seconds 253402300800 are outside years 0000 to 9999"
    );
    assert!(Timestamp::from_epoch_seconds_i64(i64::MIN).is_err());
    assert!(Timestamp::from_epoch_seconds_i64(i64::MAX).is_err());
}

#[test]
fn u64_epoch_seconds_are_accepted_below_epoch_end() {
    let end = EPOCH_END as u64;
    assert_eq!(
        Timestamp::from_epoch_seconds_u64(end - 1)
            .expect("EPOCH_END - 1")
            .epoch_seconds(),
        EPOCH_END - 1
    );
    assert_eq!(
        Timestamp::from_epoch_seconds_u64(0)
            .expect("0")
            .to_rfc3339(),
        "1970-01-01T00:00:00Z"
    );
    assert!(Timestamp::from_epoch_seconds_u64(end).is_err());
    assert_eq!(
        Timestamp::from_epoch_seconds_u64(u64::MAX)
            .expect_err("u64::MAX")
            .to_string(),
        "epoch seconds 18446744073709551615 are outside years 0000 to 9999"
    );
}

#[test]
fn f64_epoch_seconds_round_to_the_nearest_microsecond() {
    let t = Timestamp::from_epoch_seconds_f64(1_700_000_000.56).expect("in range");
    assert_eq!(parts(t), (T1700, 560_000_000));
    let cases = [
        (0.0, (0, 0)),
        (-0.0, (0, 0)),
        (0.000_000_4, (0, 0)),
        (0.000_000_6, (0, 1_000)),
        (0.999_999_6, (1, 0)),
        (-0.000_000_4, (0, 0)),
        (-0.5, (-1, 500_000_000)),
        (-1.25, (-2, 750_000_000)),
        (1.5, (1, 500_000_000)),
        (1_700_000_000.0, (T1700, 0)),
        (1_700_000_000.123_456, (T1700, 123_456_000)),
    ];
    for (input, expected) in cases {
        let t = Timestamp::from_epoch_seconds_f64(input).expect("in range");
        assert_eq!(parts(t), expected, "{input:?}");
    }
}

#[test]
fn f64_epoch_seconds_reject_nan_infinity_and_out_of_range() {
    for bad in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
        let message = Timestamp::from_epoch_seconds_f64(bad)
            .expect_err("not finite")
            .to_string();
        assert!(message.contains("must be a finite number"), "{message}");
    }
    assert_eq!(
        Timestamp::from_epoch_seconds_f64(1e300)
            .expect_err("1e300")
            .to_string(),
        "epoch seconds 1e300 are outside years 0000 to 9999"
    );
    assert!(Timestamp::from_epoch_seconds_f64(-1e300).is_err());
    assert!(Timestamp::from_epoch_seconds_f64(f64::MAX).is_err());
    assert!(Timestamp::from_epoch_seconds_f64(EPOCH_MIN as f64).is_ok());
    assert!(Timestamp::from_epoch_seconds_f64(EPOCH_MIN as f64 - 0.5).is_err());
    assert!(Timestamp::from_epoch_seconds_f64(EPOCH_MIN as f64 - 1.0).is_err());
    let last = Timestamp::from_epoch_seconds_f64((EPOCH_END - 1) as f64 + 0.5).expect("in range");
    assert_eq!(parts(last), (EPOCH_END - 1, 500_000_000));
    assert!(Timestamp::from_epoch_seconds_f64(EPOCH_END as f64).is_err());
}

#[test]
fn equality_ordering_and_hash_compare_instants() {
    let utc = parse("2023-11-14T22:13:20Z");
    let ist = parse("2023-11-15T03:43:20+05:30");
    let epoch = Timestamp::from_epoch_seconds_i64(T1700).expect("in range");
    assert_eq!(utc, ist);
    assert_eq!(utc, epoch);
    assert_eq!(hash_of(&utc), hash_of(&ist));
    assert_eq!(hash_of(&utc), hash_of(&epoch));
    assert!(parse("2023-11-14T22:13:20.000000001Z") > utc);
    assert!(parse("2023-11-14T22:13:21+00:01") < utc);
    assert!(parse("1969-12-31T23:59:59.999Z") < Timestamp::from_epoch_seconds_i64(0).expect("0"));
}

#[test]
fn to_rfc3339_writes_utc_and_trims_the_fraction() {
    let cases = [
        ("2023-11-14T22:13:20Z", "2023-11-14T22:13:20Z"),
        (
            "2023-11-14 22:13:20.560000+00:00",
            "2023-11-14T22:13:20.56Z",
        ),
        (
            "2023-11-14T22:13:20.123456789+05:30",
            "2023-11-14T16:43:20.123456789Z",
        ),
        ("2023-11-14T22:13:20.000Z", "2023-11-14T22:13:20Z"),
        ("2023-12-31T23:30:00-01:00", "2024-01-01T00:30:00Z"),
        ("0001-01-01T00:30:00+01:00", "0000-12-31T23:30:00Z"),
        ("2023-11-14t22:13:20.5z", "2023-11-14T22:13:20.5Z"),
    ];
    for (input, expected) in cases {
        let t = parse(input);
        assert_eq!(t.to_rfc3339(), expected, "{input}");
        assert_eq!(t.to_string(), expected, "{input}");
        assert_eq!(format!("{t:?}"), expected, "{input}");
        assert_eq!(parse(expected), t, "{input}");
    }
}

#[test]
fn as_offset_date_time_keeps_the_written_offset() {
    let t = parse("2023-11-14T22:13:20.5+05:30").as_offset_date_time();
    assert_eq!(
        (
            t.year(),
            t.month(),
            t.day(),
            t.hour(),
            t.minute(),
            t.second()
        ),
        (2023, Month::November, 14, 22, 13, 20)
    );
    assert_eq!(t.nanosecond(), 500_000_000);
    assert_eq!(t.offset().whole_seconds(), 19_800);
    assert_eq!(t.unix_timestamp(), T1700 - 19_800);
}

#[test]
fn from_offset_date_time_accepts_in_range_instants_and_writable_values() {
    let utc = OffsetDateTime::from_unix_timestamp(T1700).expect("valid");
    assert_eq!(
        Timestamp::from_offset_date_time(utc).expect("in range"),
        parse("2023-11-14T22:13:20Z")
    );
    // An offset with seconds is fine when the instant is in range.
    let odd = UtcOffset::from_hms(1, 2, 3).expect("valid offset");
    let t = Timestamp::from_offset_date_time(utc.to_offset(odd)).expect("in range");
    assert_eq!(t.to_rfc3339(), "2023-11-14T22:13:20Z");
    assert_eq!(t.as_offset_date_time().offset(), odd);

    let date = |y, m, d| Date::from_calendar_date(y, m, d).expect("valid date");
    let midnight = Time::MIDNIGHT;
    let late_odd = UtcOffset::from_hms(-1, -2, -3).expect("valid offset");
    for bad in [
        // Year -1 in UTC is outside the range.
        OffsetDateTime::new_utc(date(-1, Month::December, 31), midnight),
        // 9999-12-31T23:00:00-01:02:03 is in year 10000 in UTC, and its
        // offset has seconds.
        OffsetDateTime::new_in_offset(
            date(9999, Month::December, 31),
            Time::from_hms(23, 0, 0).expect("valid time"),
            late_odd,
        ),
        // Local year 0000 with an offset that has seconds: instant before 0000.
        OffsetDateTime::new_in_offset(date(0, Month::January, 1), midnight, odd),
        // Offset 25:00 cannot be written.
        OffsetDateTime::new_in_offset(
            date(0, Month::January, 1),
            midnight,
            UtcOffset::from_hms(25, 0, 0).expect("valid offset"),
        ),
    ] {
        assert!(Timestamp::from_offset_date_time(bad).is_err(), "{bad:?}");
    }
    // Every parsed value, including the extremes, is accepted back.
    for s in ["9999-12-31T23:59:59-23:59", "0000-01-01T00:00:00+01:00"] {
        let t = parse(s);
        assert_eq!(
            Timestamp::from_offset_date_time(t.as_offset_date_time()),
            Ok(t)
        );
    }
}

#[test]
fn extreme_offset_strings_outside_the_utc_range_never_panic() {
    let late = parse("9999-12-31T23:59:59-23:59");
    let early = parse("0000-01-01T00:00:00+01:00");
    assert_eq!(parts(late), (EPOCH_END - 1 + 86_340, 0));
    assert_eq!(parts(early), (EPOCH_MIN - 3_600, 0));

    let last = Timestamp::from_epoch_seconds_i64(EPOCH_END - 1).expect("in range");
    let first = Timestamp::from_epoch_seconds_i64(EPOCH_MIN).expect("in range");
    assert!(late > last);
    assert!(early < first);
    assert_eq!(late, late);
    assert_ne!(late, early);
    assert_eq!(hash_of(&late), hash_of(&parse("9999-12-31T23:59:59-23:59")));

    // Written with their own offset, since UTC would need year 10000 or -0001.
    assert_eq!(late.to_rfc3339(), "9999-12-31T23:59:59-23:59");
    assert_eq!(early.to_rfc3339(), "0000-01-01T00:00:00+01:00");
    assert_eq!(
        format!("{late:?} {early}"),
        "9999-12-31T23:59:59-23:59 0000-01-01T00:00:00+01:00"
    );
    assert_eq!(parse(&late.to_rfc3339()), late);

    assert_eq!(
        serde_json::to_string(&late).expect("serializes"),
        "253402387139"
    );
    assert_eq!(
        serde_json::to_string(&early).expect("serializes"),
        "-62167222800"
    );
    let with_fraction = parse("9999-12-31T23:59:59.5-23:59");
    assert_eq!(
        serde_json::to_string(&with_fraction).expect("serializes"),
        "253402387139.5"
    );
    // As numbers they are outside the accepted epoch range.
    assert!(serde_json::from_str::<Timestamp>("253402387139").is_err());
}

#[test]
fn serialize_writes_epoch_seconds_as_a_json_number() {
    let whole = parse("2023-11-14T22:13:20Z");
    assert_eq!(
        serde_json::to_string(&whole).expect("serializes"),
        "1700000000"
    );
    let fraction = Timestamp::from_epoch_seconds_f64(1_700_000_000.56).expect("in range");
    assert_eq!(
        serde_json::to_string(&fraction).expect("serializes"),
        "1700000000.56"
    );
    assert_eq!(
        serde_json::to_string(&parse("1969-12-31T23:59:59.5Z")).expect("serializes"),
        "-0.5"
    );
    assert_eq!(
        serde_json::to_string(&Timestamp::from_epoch_seconds_i64(EPOCH_MIN).expect("min"))
            .expect("serializes"),
        "-62167219200"
    );
}

#[test]
fn microsecond_timestamps_survive_a_serialize_deserialize_round_trip() {
    // f64 carries microseconds exactly for |seconds| < 2^33 (before 2242).
    let mut checked = 0;
    for secs in [
        -2_208_988_800, // 1900-01-01
        -1,
        0,
        1,
        T1700,
        4_102_444_800, // 2100-01-01
        8_589_934_591, // 2^33 - 1
    ] {
        for micros in [0u32, 1, 10, 499_999, 500_000, 560_000, 999_999] {
            let t = OffsetDateTime::from_unix_timestamp(secs)
                .and_then(|t| t.replace_nanosecond(micros * 1_000))
                .expect("valid");
            let t = Timestamp::from_offset_date_time(t).expect("in range");
            let json = serde_json::to_string(&t).expect("serializes");
            let back: Timestamp = serde_json::from_str(&json).expect("deserializes");
            assert_eq!(back, t, "{json}");
            checked += 1;
        }
    }
    assert_eq!(checked, 49);
}

#[test]
fn deserialize_accepts_numbers_and_strings() {
    let expected = parse("2023-11-14T22:13:20Z");
    for json in [
        "1700000000",
        "1700000000.0",
        "1.7e9",
        "\"2023-11-14T22:13:20Z\"",
        "\"2023-11-14 22:13:20+00:00\"",
        "\"2023-11-15T03:43:20+05:30\"",
    ] {
        let t: Timestamp = serde_json::from_str(json).expect(json);
        assert_eq!(t, expected, "{json}");
    }
    let t: Timestamp =
        serde_json::from_str("\"2023-11-14 22:13:20.560000+00:00\"").expect("string");
    assert_eq!(parts(t), (T1700, 560_000_000));
    let t: Timestamp = serde_json::from_str("1700000000.56").expect("f64");
    assert_eq!(parts(t), (T1700, 560_000_000));
    let t: Timestamp = serde_json::from_str("-62167219200").expect("i64");
    assert_eq!(t.to_rfc3339(), "0000-01-01T00:00:00Z");

    #[derive(serde::Deserialize)]
    struct Image {
        #[serde(rename = "imagePushedAt")]
        pushed_at: Timestamp,
    }
    let image: Image = serde_json::from_str(r#"{"imagePushedAt": 1700000000.5}"#).expect("struct");
    assert_eq!(parts(image.pushed_at), (T1700, 500_000_000));
}

#[test]
fn deserialize_rejects_other_json_values_and_bad_values() {
    for json in [
        "null",
        "true",
        "[]",
        "{}",
        "[1700000000]",
        "\"\"",
        "\"1700000000\"",
        "\"2023-13-01T00:00:00Z\"",
        "1e300",
        "-62167219201",
        "253402300800",
        "18446744073709551615",
        "100000000000000000000000",
    ] {
        assert!(
            serde_json::from_str::<Timestamp>(json).is_err(),
            "{json} should be rejected"
        );
    }
    let message = serde_json::from_str::<Timestamp>("\"2023-13-01T00:00:00Z\"")
        .expect_err("bad month")
        .to_string();
    assert!(message.contains("month 13 is out of range"), "{message}");
    let message = serde_json::from_str::<Timestamp>("true")
        .expect_err("bool")
        .to_string();
    assert!(
        message.contains("epoch seconds as a number, or an RFC 3339 date-time string"),
        "{message}"
    );
}

/// Every day 00-32 of months 00-13 in years around the leap-year rules, with
/// valid and invalid times and offsets: `PATTERN` matches exactly when
/// `parse_str` succeeds, and exactly the real dates are accepted.
#[test]
fn pattern_matches_exactly_when_parse_str_succeeds_for_every_day_of_chosen_years() {
    let re = pattern();
    let years: [(u32, bool); 18] = [
        (0, true),
        (1, false),
        (1899, false),
        (1900, false),
        (1901, false),
        (1999, false),
        (2000, true),
        (2001, false),
        (2023, false),
        (2024, true),
        (2025, false),
        (2099, false),
        (2100, false),
        (2101, false),
        (2399, false),
        (2400, true),
        (2401, false),
        (9999, false),
    ];
    let variants = [
        ("T00:00:00Z", true),
        (" 23:59:59.999999999+23:59", true),
        ("t12:30:45.5-05:30", true),
        ("T22:13:20.560000+00:00", true),
        ("T24:00:00Z", false),
        ("T23:59:60z", false),
        ("T12:00:00+24:00", false),
        ("T12:00:00.1234567890Z", false),
        ("T12:00:00", false),
    ];
    let mut compared = 0;
    for (year, leap) in years {
        let mut real_dates = 0;
        for month in 0..=13u32 {
            for day in 0..=32u32 {
                for (suffix, time_ok) in variants {
                    let s = format!("{year:04}-{month:02}-{day:02}{suffix}");
                    let parsed = Timestamp::parse_str(&s);
                    assert_eq!(re.is_match(&s), parsed.is_ok(), "disagree on {s:?}");
                    if parsed.is_ok() {
                        assert!(time_ok, "{s:?} accepted");
                        if suffix == "T00:00:00Z" {
                            real_dates += 1;
                        }
                    }
                    compared += 1;
                }
            }
        }
        assert_eq!(real_dates, if leap { 366 } else { 365 }, "year {year:04}");
    }
    assert_eq!(compared, 18 * 14 * 33 * variants.len());
}

/// Single-byte substitutions, deletions and insertions around valid strings:
/// `PATTERN` and `parse_str` still agree, and nothing panics.
#[test]
fn pattern_matches_exactly_when_parse_str_succeeds_for_mutated_strings() {
    let re = pattern();
    let bases = [
        "2024-02-29T23:59:59.123456789+23:59",
        "2023-11-14 22:13:20.560000+00:00",
        "0000-01-01t00:00:00z",
        "9999-12-31T23:59:59-23:59",
    ];
    let alphabet = [
        "0", "1", "2", "3", "4", "5", "6", "9", "-", "+", ":", ".", "T", "t", "Z", "z", " ", "\n",
        "\u{662}", "\u{ff10}", "é",
    ];
    let mut compared = 0;
    for base in bases {
        let chars: Vec<char> = base.chars().collect();
        for i in 0..=chars.len() {
            let mut variants = Vec::new();
            for a in alphabet {
                let head: String = chars[..i].iter().collect();
                let tail_from = |k: usize| chars[k.min(chars.len())..].iter().collect::<String>();
                variants.push(format!("{head}{a}{}", tail_from(i)));
                if i < chars.len() {
                    variants.push(format!("{head}{a}{}", tail_from(i + 1)));
                }
            }
            if i < chars.len() {
                let mut deleted = chars.clone();
                deleted.remove(i);
                variants.push(deleted.into_iter().collect());
            }
            for s in variants {
                assert_eq!(
                    re.is_match(&s),
                    Timestamp::parse_str(&s).is_ok(),
                    "disagree on {s:?}"
                );
                compared += 1;
            }
        }
    }
    assert!(compared > 3_000, "{compared}");
}
