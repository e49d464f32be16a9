//! The JSON scanner against serde_json, on texts built from JSON's tokens
//! and near-misses (proptest): both accept exactly the same texts when
//! skipping, and read the same strings and numbers.

use super::{Next, Number, Parser, Syntax, Text};
use proptest::prelude::*;
use serde::de::IgnoredAny;

/// Strings that are scalars, and tokens too: plain, empty, non-ASCII,
/// escaped, `\u` escapes (a surrogate pair and a lone surrogate).
const STRINGS: &[&str] = &[
    "\"a\"",
    "\"\"",
    "\"é😀\"",
    "\"\\n\\t\\\"\"",
    "\"\\u00e9\"",
    "\"\\ud83d\\ude00\"",
    "\"\\ud800\"",
];

/// Tokens and near-misses: any sequence of them is a candidate text.
fn tokens() -> Vec<&'static str> {
    [STRUCTURAL, STRINGS, OTHER_TOKENS].concat()
}

/// Structural characters and whitespace.
const STRUCTURAL: &[&str] = &["{", "}", "[", "]", ",", ":", " ", "\n", "\t", "\r"];

/// The tokens after [`STRINGS`]: near-miss strings, numbers and near
/// misses, literals and near misses.
const OTHER_TOKENS: &[&str] = &[
    "\"\\udfff\"",
    "\"\\x\"",
    "\"\\u12\"",
    "\"\u{1}\"",
    "\"",
    "\\",
    "0",
    "-0",
    "1",
    "-1",
    "01",
    "1.",
    "1.5",
    ".5",
    "1.25e-7",
    "123456789.123456789",
    "99999999999.9999999",
    "253402300800",
    "-62167219201.5",
    "1e5",
    "1E+5",
    "1e-5",
    "1e",
    "1e+",
    "1.e5",
    "-01",
    "-",
    "+1",
    "1e400",
    "18446744073709551616",
    "9223372036854775808",
    "true",
    "false",
    "null",
    "nul",
    "tru",
    "x",
    "\u{feff}",
];

/// Scalars as tokens.
fn scalars() -> Vec<&'static str> {
    [STRINGS, OTHER_SCALARS].concat()
}

/// The scalars after [`STRINGS`]: numbers and literals.
const OTHER_SCALARS: &[&str] = &[
    "0",
    "-0",
    "1",
    "-1",
    "1.5",
    "1e5",
    "1E+5",
    "1e-5",
    "1e400",
    "18446744073709551616",
    "123456789.123456789",
    "true",
    "false",
    "null",
];

/// A well-formed JSON value, as tokens (whitespace between some of them).
fn value() -> impl Strategy<Value = Vec<&'static str>> {
    let leaf = prop::sample::select(scalars()).prop_map(|t| vec![t]);
    leaf.prop_recursive(4, 48, 5, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(|items| {
                let mut out = vec!["["];
                for (i, item) in items.into_iter().enumerate() {
                    if i > 0 {
                        out.push(",");
                    }
                    out.extend(item);
                }
                out.push("]");
                out
            }),
            prop::collection::vec(
                (
                    prop::sample::select(&["\"a\"", "\"b\"", "\"\\u0061\""][..]),
                    inner
                ),
                0..5
            )
            .prop_map(|members| {
                let mut out = vec!["{"];
                for (i, (key, value)) in members.into_iter().enumerate() {
                    if i > 0 {
                        out.push(",");
                    }
                    out.extend([key, " ", ":"]);
                    out.extend(value);
                }
                out.push("}");
                out
            }),
        ]
    })
}

/// A well-formed value, or a near miss: one token deleted, inserted or
/// replaced; or a run of arbitrary tokens.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        (
            value(),
            0..4usize,
            any::<prop::sample::Index>(),
            prop::sample::select(tokens())
        )
            .prop_map(|(mut tokens, change, at, token)| {
                let i = at.index(tokens.len() + 1);
                match change {
                    1 if i < tokens.len() => {
                        tokens.remove(i);
                    }
                    2 => tokens.insert(i, token),
                    3 if i < tokens.len() => tokens[i] = token,
                    _ => {}
                }
                tokens.concat()
            }),
        prop::collection::vec(prop::sample::select(tokens()), 0..24).prop_map(|t| t.concat()),
    ]
}

/// Whether our scanner skips `text` as one JSON document.
fn ours(text: &str) -> bool {
    let mut p = Parser::new(text);
    p.skip_value().and_then(|()| p.end()).is_ok()
}

/// Skims the number at the start of `text` and reads it: the skim ends
/// where [`Parser::number`] ends and fails as it fails (but for a number
/// beyond `f64`, which only its value shows), what the extent says of the
/// value holds, and reading it again from the extent gives the same number.
fn skim_agrees(text: &str) -> Result<(), TestCaseError> {
    let mut read = Parser::new(text);
    if !matches!(read.next_value(), Ok(Next::Number)) {
        return Ok(());
    }
    let mut skimmed = Parser::new(text);
    skimmed.next_value().ok();
    match (skimmed.skim_number(), read.number()) {
        (Ok(extent), Ok(n)) => {
            prop_assert_eq!(skimmed.pos, read.pos, "{:?}", text);
            if let Some(digits) = extent.below_power_of_ten() {
                let f = n.as_f64();
                prop_assert!(f >= 0.0 && f <= 10f64.powi(digits as i32), "{:?}", text);
                if extent.is_integer() && digits <= 19 {
                    prop_assert!(matches!(n, Number::U64(_)), "{:?}", text);
                }
            }
            if matches!(n, Number::U64(_) | Number::I64(_)) {
                prop_assert!(extent.is_integer(), "{:?}", text);
            }
            let again = skimmed.number_at(extent);
            prop_assert_eq!(format!("{again:?}"), format!("{:?}", Ok::<_, Syntax>(n)));
            prop_assert_eq!(skimmed.pos, read.pos, "{:?}", text);
        }
        (Err(a), Err(b)) => prop_assert_eq!(a, b, "{:?}", text),
        (Ok(extent), Err(e)) if e.message() == "number out of range" => {
            prop_assert!(!extent.is_surely_finite(), "{:?}", text);
        }
        (a, b) => prop_assert!(false, "{:?}: {:?} vs {:?}", text, a, b),
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(20_000))]

    #[test]
    fn skimming_a_number_agrees_with_reading_it(text in text()) {
        skim_agrees(&text)?;
    }

    #[test]
    fn skipping_accepts_exactly_what_serde_json_accepts(text in text()) {
        let theirs = serde_json::from_str::<IgnoredAny>(&text).is_ok();
        prop_assert_eq!(ours(&text), theirs, "{:?}", text);
    }

    #[test]
    fn strings_and_numbers_read_as_serde_json_reads_them(text in text()) {
        let mut p = Parser::new(&text);
        let theirs: Result<serde_json::Value, _> = serde_json::from_str(&text);
        let read = match p.next_value() {
            Ok(Next::String) => p.string().map(|t| match t {
                Text::Str(s) => serde_json::Value::from(s),
                Text::Owned(s) => serde_json::Value::from(s),
            }),
            Ok(Next::Number) => p.number().map(|n| match n {
                Number::U64(n) => serde_json::Value::from(n),
                Number::I64(n) => serde_json::Value::from(n),
                Number::F64(f) => serde_json::Value::from(f),
            }),
            _ => return Ok(()),
        };
        match (read.and_then(|v| p.end().map(|()| v)), theirs) {
            (Ok(ours), Ok(theirs)) => prop_assert_eq!(ours, theirs, "{:?}", text),
            (Err(_), Err(_)) => {}
            (ours, theirs) => prop_assert!(false, "{:?}: {:?} vs {:?}", text, ours, theirs),
        }
    }
}
