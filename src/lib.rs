//! Typed, validated models of the Amazon ECR and ECR Public APIs, generated
//! from AWS's own service model.
//!
//! Hand any request, response or error body to [`from_json`] and get either
//! the typed value or every rule it breaks, each with a JSON Pointer, a
//! stable [`Code`] and a message:
//!
//! ```
//! use ecr_models::{ecr::CreateRepositoryRequest, from_json};
//!
//! let err = from_json::<CreateRepositoryRequest>(r#"{"repositoryName": "MyRepo"}"#).unwrap_err();
//! assert_eq!(err.violations()[0].path, "/repositoryName");
//! assert_eq!(err.violations()[0].code, ecr_models::Code::Pattern);
//! ```
//!
//! The rules are the model's, as AWS enforces them: required members,
//! lengths in Unicode scalar values, ranges (and the `i32`/`i64` limits),
//! whole-value patterns, enum values, list sizes, timestamps and base64.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

#[cfg(test)]
mod agreement;
mod aws_error;
pub mod blob;
mod check;
mod enums;
pub mod error;
pub mod inspect;
mod json;
#[cfg(feature = "schema")]
mod json_schema;
mod model;
mod options;
mod paginate;
mod parse;
mod read;
#[cfg(all(feature = "ecr", feature = "ecr-public"))]
pub mod refs;
pub mod registry;
pub mod rules;
#[cfg(feature = "schema")]
pub mod schema;
pub mod shape;
pub mod testdata;
pub mod timestamp;
mod validated;
#[cfg(feature = "waiters")]
pub mod waiter;

#[cfg(feature = "ecr")]
#[rustfmt::skip]
pub mod ecr;
#[cfg(feature = "ecr-public")]
#[rustfmt::skip]
pub mod ecr_public;

pub use aws_error::{error_name, CommonError, COMMON_ERRORS};
pub use blob::Blob;
pub use enums::UnknownValue;
pub use error::{Code, Error, Violation};
pub use json::{
    check_slice, from_json, from_json_with, from_slice, from_slice_with, from_value,
    from_value_with,
};
pub use model::Model;
pub use options::Options;
pub use shape::{Operation, Role, Service, WaiterState};
pub use timestamp::Timestamp;
pub use validated::Validated;

/// The JSON scanner, for the crate's own tests of it against serde_json:
/// not part of the API.
#[doc(hidden)]
pub mod testing {
    pub use crate::parse::{Next, Number, Parser, Text};
}

/// Stands in for a secret in `Debug` output.
#[derive(Clone, Copy)]
pub struct Redacted;

impl std::fmt::Debug for Redacted {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("\"<redacted>\"")
    }
}
