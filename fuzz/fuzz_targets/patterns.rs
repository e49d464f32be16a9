//! Every model pattern's matcher (`Pattern::is_match`: its runs of ASCII
//! classes, or its DFA walk) gives the `regex` crate's verdict on any
//! string: never a panic, never another answer.
//!
//! The first byte chooses the pattern; the rest, read as UTF-8 with
//! replacement characters, is the value.
#![no_main]

use std::sync::OnceLock;

use ecr_models::registry::{self, ShapeRef};
use ecr_models::rules::Pattern;
use ecr_models::shape::Ty;
use libfuzzer_sys::fuzz_target;

/// Every pattern of both services' shape tables.
fn patterns() -> &'static [&'static Pattern] {
    static PATTERNS: OnceLock<Vec<&'static Pattern>> = OnceLock::new();
    PATTERNS.get_or_init(|| {
        ecr_models::Service::ALL
            .iter()
            .flat_map(|&service| registry::entries(service))
            .filter_map(|entry| match entry.shape {
                ShapeRef::Scalar(scalar) => match scalar.ty {
                    Ty::String(rule) => rule.pattern,
                    _ => None,
                },
                _ => None,
            })
            .collect()
    })
}

fuzz_target!(|data: &[u8]| {
    let Some((&choice, rest)) = data.split_first() else {
        return;
    };
    let patterns = patterns();
    let pattern = patterns[usize::from(choice) % patterns.len()];
    let value = String::from_utf8_lossy(rest);
    assert_eq!(
        pattern.is_match(&value),
        pattern.regex().is_match(&value),
        "{}: {value:?}",
        pattern.anchored
    );
});
