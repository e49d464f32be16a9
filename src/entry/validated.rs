//! [`Validated<T>`]: a model value read with any serde deserializer and
//! then checked, so that a config file or any other serde format holding
//! ECR payloads is validated where it is read.
//!
//! ```
//! use ecr_models::{ecr::CreateRepositoryRequest, Validated};
//!
//! #[derive(serde::Deserialize)]
//! struct Config {
//!     repository: Validated<CreateRepositoryRequest>,
//! }
//!
//! let err = serde_json::from_str::<Config>(r#"{"repository": {"repositoryName": "MyRepo"}}"#)
//!     .err()
//!     .unwrap();
//! assert!(err.to_string().contains("/repositoryName"));
//! let ok: Config = serde_json::from_str(r#"{"repository": {"repositoryName": "my-repo"}}"#).unwrap();
//! assert_eq!(ok.repository.repository_name, "my-repo");
//! ```

use std::ops::Deref;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::Error;
use crate::model::Model;
use crate::options::Options;

/// A value of `T` that kept every rule of the model when it was read.
///
/// Its `Deserialize` reads `T` with the deserializer at hand (JSON, YAML,
/// TOML...), then checks it as [`Model::validate`] does; a value that
/// breaks a rule fails with the deserializer's error, whose message lists
/// every violation with its path from the value (`/repositoryName: ...`).
/// What the format's reader drops before the check cannot be judged:
/// unknown members (serde skips them) and duplicate keys (the format
/// decides). To read JSON with every rule, strict mode included, use
/// [`Validated::from_json_with`], which takes the crate's own reader.
#[derive(Debug, Clone, PartialEq)]
pub struct Validated<T>(T);

impl<T: Model> Validated<T> {
    /// Checks `value` (as [`Model::validate`]) and wraps it.
    pub fn new(value: T) -> Result<Self, Error> {
        value.validate()?;
        Ok(Validated(value))
    }

    /// Reads JSON text with the crate's reader: every rule, every violation.
    pub fn from_json(json: &str) -> Result<Self, Error> {
        crate::from_json(json).map(Validated)
    }

    /// [`Validated::from_json`] under `opts`.
    pub fn from_json_with(json: &str, opts: &Options) -> Result<Self, Error> {
        crate::from_json_with(json, opts).map(Validated)
    }

    /// Reads JSON bytes with the crate's reader.
    pub fn from_slice(json: &[u8]) -> Result<Self, Error> {
        crate::from_slice(json).map(Validated)
    }

    /// The value.
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T> Deref for Validated<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T> AsRef<T> for Validated<T> {
    fn as_ref(&self) -> &T {
        &self.0
    }
}

impl<T: Serialize> Serialize for Validated<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

impl<'de, T: Model + Deserialize<'de>> Deserialize<'de> for Validated<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = T::deserialize(deserializer)?;
        match value.validate() {
            Ok(()) => Ok(Validated(value)),
            Err(e) => Err(serde::de::Error::custom(describe(&e))),
        }
    }
}

/// Every violation on a line of its own, for a deserializer's error
/// message, written as everywhere ([`Error::display_lines`]).
fn describe(error: &Error) -> String {
    let total = error.total();
    let s = if total == 1 { "" } else { "s" };
    format!(
        "invalid value ({total} violation{s}):{}",
        error.display_lines("(value)")
    )
}
