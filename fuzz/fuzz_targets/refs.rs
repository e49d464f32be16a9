//! References from any string: never a panic, and
//!
//! - whatever parses displays as a string that parses back to the same
//!   value and displays the same (the canonical form is a fixed point);
//! - the typed parsers agree with `Reference::parse` on the kind;
//! - a refusal lists at least one violation, each with a path that names a
//!   part of a reference.
//!
//! The first byte chooses the options (bit 0: unknown regions allowed).
#![no_main]

use ecr_models::refs::{ImageRef, Reference, RepositoryArn, RepositoryRef};
use ecr_models::Options;
use libfuzzer_sys::fuzz_target;

const PARTS: &[&str] = &[
    "",
    "/host",
    "/registry_id",
    "/registry_alias",
    "/region",
    "/partition",
    "/service",
    "/repository",
    "/tag",
    "/digest",
];

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let opts = Options::default().allow_unknown_enums(mode & 1 == 1);
    let text = String::from_utf8_lossy(rest);
    match Reference::parse_with(&text, &opts) {
        Ok(reference) => {
            let shown = reference.to_string();
            let again = Reference::parse_with(&shown, &opts)
                .unwrap_or_else(|e| panic!("{text:?} displays as {shown:?}, which fails: {e}"));
            assert_eq!(again, reference, "{text:?} -> {shown:?}");
            assert_eq!(again.to_string(), shown);
            let kind = reference.kind();
            assert_eq!(ImageRef::parse_with(&text, &opts).is_ok(), kind == "image");
            assert_eq!(
                RepositoryRef::parse_with(&text, &opts).is_ok(),
                kind == "repository"
            );
            assert_eq!(
                RepositoryArn::parse_with(&text, &opts).is_ok(),
                kind == "arn"
            );
        }
        Err(e) => {
            assert!(
                !e.violations().is_empty(),
                "{text:?} refused with nothing said"
            );
            for v in e.violations() {
                assert!(PARTS.contains(&v.path.as_str()), "{text:?}: {v:?}");
                assert!(!v.message.is_empty());
            }
        }
    }
});
