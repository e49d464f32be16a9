//! The Rust SDK bridge (features `aws-sdk-ecr`, `aws-sdk-ecrpublic`): this
//! crate's types as the JSON face of aws-sdk-ecr and aws-sdk-ecrpublic.
//!
//! - **Conversions**, generated from the model for every structure, enum,
//!   operation input, output and error, in [`crate::ecr::sdk`] and
//!   [`crate::ecr_public::sdk`]: `From` where nothing can fail, `TryFrom`
//!   with a [`crate::Error`] otherwise, both ways; and [`Twin`] on every SDK
//!   type that has one here.
//! - **serde for SDK values**: [`to_json`] writes an SDK value as the API's
//!   JSON, through its twin; [`from_json`] reads JSON, with every rule of
//!   the model, into an SDK value. A recorded response becomes an SDK output
//!   (for `aws-smithy-mocks`' `then_output`) in one call, and
//!   [`error_from_json`] makes a recorded error body the SDK's operation
//!   error (for `then_error`).
//! - **Validation of the SDK's own traffic**: [`ValidatingInterceptor`].
//!
//! ```ignore
//! // A recorded DescribeImages response, checked and made the SDK's output:
//! let output: aws_sdk_ecr::operation::describe_images::DescribeImagesOutput =
//!     ecr_models::sdk::from_json(&std::fs::read_to_string("describe_images.json")?)?;
//! // ... and written back as the JSON AWS sends:
//! let json = ecr_models::sdk::to_json(&output)?;
//! ```
//!
//! (A sketch: this crate does not depend on an SDK client. The repository's
//! `sdk-tests/`, with `sdk-tests/examples/sdk_fixture.rs`, holds the compiled forms.)
//!
//! # What each direction keeps
//!
//! - **Enums** go through the wire string: a value the SDK does not know
//!   becomes its `Unknown` and comes back; a value this crate does not
//!   know is kept in `Unknown` too.
//! - **Timestamps** are exact to the nanosecond both ways. The offset a
//!   timestamp was written with is not kept (the SDK's `DateTime` is an
//!   instant; equal instants compare equal here). An SDK `DateTime`
//!   outside years 0000 to 9999 is an error (`timestamp`).
//! - **Blobs** are the same bytes.
//! - **Smithy defaults.** Where the SDK holds a plain value for a member
//!   the model leaves optional (`ImageScanningConfiguration.scanOnPush`,
//!   `CvssScore.baseScore`, `ValidatePullThroughCacheRuleResponse.isValid`
//!   ...), an absent member becomes the SDK's default (`false`, `0.0`), and
//!   comes back as `Some` of it: the SDK value cannot say it was absent.
//!   Each such conversion says so in its documentation.
//! - **What the SDK release lacks** (aws-sdk-ecr 1.138 has no
//!   `ReplicationRule.deleteReplication`): converting a value that has it
//!   is an error with code `not_in_sdk` at the member, never a dropped
//!   value. The SDK's values of it come back without it.
//! - **Required members.** An SDK input holds every member as an `Option`:
//!   one the model requires that is absent is an error (`required`).
//! - **boto3's `ResponseMetadata`**, which this crate's outputs accept from
//!   boto3 dumps, is not part of the API; the SDK output has no place for
//!   it, so it is left out, and comes back as `None`.

mod interceptor;

pub use crate::convert::{OperationError, Twin};
pub use interceptor::ValidatingInterceptor;

use serde::Serialize;

use crate::error::Error;
use crate::model::Model;
use crate::options::Options;

/// Reads JSON with every rule of the model (default options) into an SDK
/// value: a recorded response into the SDK's output, a request into its
/// input, any nested structure.
pub fn from_json<T: Twin>(json: &str) -> Result<T, Error>
where
    T::Model: Model,
{
    from_slice_with(json.as_bytes(), &Options::default())
}

/// [`from_json`] for bytes.
pub fn from_slice<T: Twin>(json: &[u8]) -> Result<T, Error>
where
    T::Model: Model,
{
    from_slice_with(json, &Options::default())
}

/// [`from_slice`] with options.
pub fn from_slice_with<T: Twin>(json: &[u8], opts: &Options) -> Result<T, Error>
where
    T::Model: Model,
{
    T::from_model(crate::from_slice_with(json, opts)?)
}

/// Reads an error body of an operation into the SDK's operation error
/// (`CreateRepositoryError`): the error it names as its variant, or a
/// common error as the SDK's generic error with its code and message.
pub fn error_from_json<E: OperationError>(json: &str) -> Result<E, Error> {
    E::from_response(json.as_bytes(), None, &Options::default())
}

/// Writes an SDK value as the API's JSON, through its twin.
pub fn to_json<T: Twin + Clone>(value: &T) -> Result<String, Error>
where
    T::Model: Serialize,
{
    let model = value.clone().into_model()?;
    // The model's types serialize infallibly (no map has non-string keys).
    serde_json::to_string(&model).map_err(|e| Error::one("", crate::Code::Type, e.to_string()))
}

/// [`to_json`] as a `serde_json::Value`.
pub fn to_value<T: Twin + Clone>(value: &T) -> Result<serde_json::Value, Error>
where
    T::Model: Serialize,
{
    let model = value.clone().into_model()?;
    serde_json::to_value(&model).map_err(|e| Error::one("", crate::Code::Type, e.to_string()))
}
