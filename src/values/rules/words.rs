//! How each rule is said in words: the one text of every rule description.
//!
//! The rule types of `rules` describe themselves with these functions,
//! `inspect::rules` describes a type with them, and the
//! generator writes the same words into the generated docs. The generator
//! may not depend on this crate (data moves one way: model → generator →
//! generated code → runtime), so it compiles this one file as a module of
//! its own (`#[path]`); the file therefore names nothing outside itself,
//! only plain numbers and strings.
//!
//! A phrase is empty when there is no rule to state: callers join the
//! phrases that are not.

/// Inclusive bounds of a size: `1..=128`, `0..=2048` (no lower bound is
/// 0: a size is never negative), `1..` (no upper bound); `None` without
/// bounds.
pub fn bounds(min: Option<u64>, max: Option<u64>) -> Option<String> {
    match (min, max) {
        (None, None) => None,
        (Some(min), None) => Some(format!("{min}..")),
        (None, Some(max)) => Some(format!("0..={max}")),
        (Some(min), Some(max)) => Some(format!("{min}..={max}")),
    }
}

/// A string's length, in Unicode scalar values: `length 2..=256 characters`.
pub fn length(min: Option<u64>, max: Option<u64>) -> Option<String> {
    bounds(min, max).map(|b| format!("length {b} characters"))
}

/// A whole-value pattern, in its anchored form, as code so that rustdoc
/// keeps it as written: ``pattern `^(?:[a-z]+)$` ``.
pub fn pattern(anchored: &str) -> String {
    format!("pattern `{anchored}`")
}

/// A credential.
pub const SECRET: &str = "secret (never quoted in messages or Debug output)";

/// The rules of a string shape, joined: `length 2..=256 characters, pattern
/// `...``.
pub fn string(
    min: Option<u64>,
    max: Option<u64>,
    anchored: Option<&str>,
    secret: bool,
    document: Option<&str>,
) -> String {
    let mut parts = Vec::new();
    parts.extend(length(min, max));
    parts.extend(anchored.map(pattern));
    if secret {
        parts.push(SECRET.to_string());
    }
    parts.extend(document.map(|name| {
        let article = if name.starts_with(['A', 'E', 'I', 'O', 'U']) {
            "an"
        } else {
            "a"
        };
        format!("{article} `{name}` document")
    }));
    parts.join(", ")
}

/// An integer's or long's range, with the limits of its type written out:
/// `range 0..=9223372036854775807`.
pub fn range(min: i64, max: i64) -> String {
    format!("range {min}..={max}")
}

/// A range that states a rule only when it narrows its type (`i32` or
/// `i64`, whose limits are `type_min..=type_max`): a range that is the
/// whole type says nothing the type does not.
pub fn narrowed_range(min: i64, max: i64, type_min: i64, type_max: i64) -> Option<String> {
    (min != type_min || max != type_max).then(|| range(min, max))
}

/// A list's item count: `items 1..=100`.
pub fn items(min: Option<u64>, max: Option<u64>) -> Option<String> {
    bounds(min, max).map(|b| format!("items {b}"))
}

/// A blob's size in decoded bytes: `size 0..=20971520 bytes`.
pub fn size(min: Option<u64>, max: Option<u64>) -> Option<String> {
    bounds(min, max).map(|b| format!("size {b} bytes"))
}

/// An enum's values, case-sensitive: ``one of `BASIC`, `ENHANCED` ``.
pub fn one_of<'a>(values: impl IntoIterator<Item = &'a str>) -> String {
    let shown: Vec<String> = values.into_iter().map(|v| format!("`{v}`")).collect();
    format!("one of {}", shown.join(", "))
}

/// What a timestamp accepts.
pub const TIMESTAMP: &str = "epoch seconds, or an RFC 3339 / Python `str(datetime)` string";

/// The rules of a part of a type (`item`, `key`, `value`), when it has
/// any: `each item (length 1..=300 characters)`.
fn each(part: &str, rules: &str) -> Option<String> {
    (!rules.is_empty()).then(|| format!("each {part} ({rules})"))
}

/// The rules of a list: its item count (`items`), then those of its items:
/// `items 1..=25; each item (length 2..=256 characters)`.
pub fn list(items: &str, item: &str) -> String {
    let items = (!items.is_empty()).then(|| items.to_string());
    let parts: Vec<String> = items.into_iter().chain(each("item", item)).collect();
    parts.join("; ")
}

/// The rules of a map: those of its keys, then those of its values.
pub fn map(key: &str, value: &str) -> String {
    let parts: Vec<String> = each("key", key)
        .into_iter()
        .chain(each("value", value))
        .collect();
    parts.join("; ")
}
