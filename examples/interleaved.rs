//! Two paths measured alternately in one process, for their ratio on a
//! machine whose speed drifts (`benches/alternate.rs`): validate-only (b)
//! `check_slice` against (d) serde_json `IgnoredAny`, and typed (a)
//! `from_slice` against (c) serde_json's derived `Deserialize` of the same
//! type.
//!
//! Usage: `cargo run --release --example interleaved [images|findings|stream|small]`

#[path = "../benches/alternate.rs"]
mod alternate;

use alternate::{alternate, pass, Compare};
use ecr_models::{Model, Options};
use serde::de::{DeserializeOwned, IgnoredAny};

/// The four paths.
struct AgainstSerde;

impl Compare for AgainstSerde {
    fn documents<T: Model + DeserializeOwned>(&self, name: &str, documents: &[&[u8]], len: usize) {
        let opts = Options::default();
        let check = |d: &[u8]| ecr_models::check_slice::<T>(d, &opts).is_ok();
        let skip = |d: &[u8]| serde_json::from_slice::<IgnoredAny>(d).is_ok();
        let typed = |d: &[u8]| ecr_models::from_slice_with::<T>(d, &opts).is_ok();
        let derived = |d: &[u8]| serde_json::from_slice::<T>(d).is_ok();
        assert!(pass(documents, check)(), "{name}: every document is valid");
        alternate(name, ["b", "d"], documents, len, check, skip);
        alternate(name, ["a", "c"], documents, len, typed, derived);
    }
}

fn main() {
    let which = std::env::args().nth(1);
    alternate::each_payload(which.as_deref(), &AgainstSerde);
}
