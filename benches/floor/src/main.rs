//! How far the checker is from the parsing floor: ecr-models against
//! sonic-rs, measured alternately in one process (`benches/alternate.rs`).
//! Validate-only (b) `check_slice` against sonic-rs (f) skipping the text
//! (`IgnoredAny`) and (p) parsing it into its document (`sonic_rs::Value`,
//! its fastest path on these payloads); typed (a) `from_slice` against (g)
//! sonic-rs reading the same types through their derived `Deserialize`,
//! with no validation.
//!
//! Usage: `cargo run --release --manifest-path benches/floor/Cargo.toml [images|findings|stream|small]`

#[path = "../../alternate.rs"]
mod alternate;

use alternate::{alternate, pass, Compare};
use ecr_models::{Model, Options};
use serde::de::{DeserializeOwned, IgnoredAny};

/// The paths.
struct AgainstSonic;

impl Compare for AgainstSonic {
    fn documents<T: Model + DeserializeOwned>(&self, name: &str, documents: &[&[u8]], len: usize) {
        let opts = Options::default();
        let check = |d: &[u8]| ecr_models::check_slice::<T>(d, &opts).is_ok();
        let skip = |d: &[u8]| sonic_rs::from_slice::<IgnoredAny>(d).is_ok();
        let parse = |d: &[u8]| sonic_rs::from_slice::<sonic_rs::Value>(d).is_ok();
        let typed = |d: &[u8]| ecr_models::from_slice_with::<T>(d, &opts).is_ok();
        let derived = |d: &[u8]| sonic_rs::from_slice::<T>(d).is_ok();
        for (path, read) in [
            ("check_slice", &check as &dyn Fn(&[u8]) -> bool),
            ("sonic-rs skipping", &skip),
            ("sonic-rs parsing", &parse),
            ("sonic-rs typed", &derived),
        ] {
            assert!(
                pass(documents, read)(),
                "{name}: {path} accepts every document"
            );
        }
        alternate(name, ["b", "f"], documents, len, check, skip);
        alternate(name, ["b", "p"], documents, len, check, parse);
        alternate(name, ["a", "g"], documents, len, typed, derived);
    }
}

fn main() {
    let which = std::env::args().nth(1);
    alternate::each_payload(which.as_deref(), &AgainstSonic);
}
