//! Timestamps from any string, any `f64` and any `i64`: never a panic, and
//!
//! - a string is accepted exactly when it matches `timestamp::PATTERN` (the
//!   pattern the JSON Schemas use);
//! - an accepted value writes (`to_rfc3339`) a string that reads back equal,
//!   and serializes to epoch seconds that read back (to the microsecond);
//! - a number is accepted exactly when it is finite and in
//!   [`EPOCH_MIN`, `EPOCH_END`), and is kept to the microsecond.
#![no_main]

use std::sync::OnceLock;

use ecr_models::timestamp::{EPOCH_END, EPOCH_MIN};
use ecr_models::Timestamp;
use libfuzzer_sys::fuzz_target;
use regex::Regex;

fn pattern() -> &'static Regex {
    static PATTERN: OnceLock<Regex> = OnceLock::new();
    PATTERN.get_or_init(|| {
        Regex::new(&format!("^(?:{})$", ecr_models::timestamp::PATTERN)).expect("pattern compiles")
    })
}

/// What every accepted value must do.
fn check_value(t: &Timestamp) {
    let written = t.to_rfc3339();
    let back = Timestamp::parse_str(&written)
        .unwrap_or_else(|e| panic!("{written:?} does not read back: {e}"));
    assert_eq!(&back, t, "{written:?}");
    assert_eq!(t.to_string(), written);
    let _ = format!("{t:?}");
    assert!(t.subsec_nanos() < 1_000_000_000);
    let secs = t.epoch_seconds();
    // (What this found in the last second of 9999 is in tests/regressions.rs.)
    if (EPOCH_MIN..EPOCH_END).contains(&secs) {
        // An instant in range serializes to epoch seconds that read back.
        let json = serde_json::to_string(t).expect("serializes");
        let wire: Timestamp = serde_json::from_str(&json).unwrap_or_else(|e| {
            panic!("{written:?} serializes to {json}, which does not read back: {e}")
        });
        let diff = (i128::from(wire.epoch_seconds()) * 1_000_000_000
            + i128::from(wire.subsec_nanos()))
            - (i128::from(secs) * 1_000_000_000 + i128::from(t.subsec_nanos()));
        // Off by at most half the f64 spacing at `secs` (writing), one
        // spacing more (serde_json reads floats to within one ulp unless its
        // `float_roundtrip` feature is on), and the rounding to microseconds.
        let x = (secs.unsigned_abs() + 1) as f64;
        let ulp = f64::from_bits(x.to_bits() + 1) - x;
        let tolerance = (ulp * 1e9 * 1.5).ceil() as i128 + 501;
        assert!(diff.abs() <= tolerance, "{written:?} -> {json} -> {wire:?}");
    }
}

fn check_f64(s: f64) {
    match Timestamp::from_epoch_seconds_f64(s) {
        Ok(t) => {
            assert!(
                s.is_finite() && s >= EPOCH_MIN as f64 && s < EPOCH_END as f64,
                "{s:?} accepted"
            );
            assert_eq!(t.subsec_nanos() % 1_000, 0, "{s:?} kept below microseconds");
            let got = t.epoch_seconds() as f64 + f64::from(t.subsec_nanos()) / 1e9;
            let tolerance = 1e-6_f64.max(s.abs() * f64::EPSILON * 2.0);
            assert!((got - s).abs() <= tolerance, "{s:?} became {t:?}");
            check_value(&t);
        }
        Err(e) => {
            assert!(!e.to_string().is_empty());
            if s.is_finite() && s >= EPOCH_MIN as f64 && s < EPOCH_END as f64 {
                panic!("{s:?} refused: {e}");
            }
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    match mode % 4 {
        0 => {
            let text = String::from_utf8_lossy(rest);
            let parsed = Timestamp::parse_str(&text);
            assert_eq!(
                parsed.is_ok(),
                pattern().is_match(&text),
                "parse_str and PATTERN disagree on {text:?}: {parsed:?}"
            );
            if let Ok(t) = parsed {
                check_value(&t);
            }
        }
        1 => {
            let mut bytes = [0u8; 8];
            let n = rest.len().min(8);
            bytes[..n].copy_from_slice(&rest[..n]);
            check_f64(f64::from_le_bytes(bytes));
        }
        2 => {
            let mut bytes = [0u8; 8];
            let n = rest.len().min(8);
            bytes[..n].copy_from_slice(&rest[..n]);
            let s = i64::from_le_bytes(bytes);
            match Timestamp::from_epoch_seconds_i64(s) {
                Ok(t) => {
                    assert!((EPOCH_MIN..EPOCH_END).contains(&s), "{s} accepted");
                    assert_eq!((t.epoch_seconds(), t.subsec_nanos()), (s, 0));
                    check_value(&t);
                }
                Err(_) => assert!(!(EPOCH_MIN..EPOCH_END).contains(&s), "{s} refused"),
            }
        }
        _ => {
            // Epoch seconds as JSON number text, the way the readers see them.
            if let Ok(s) = std::str::from_utf8(rest)
                .unwrap_or("")
                .trim()
                .parse::<f64>()
            {
                check_f64(s);
            }
        }
    }
});
