//! The entry points and what the generated code calls besides the readers:
//! `from_json` and friends (`json`), the `Model` trait and `model_struct!`
//! (`model`), `Validated<T>`, the JSON Schema writer, the SDK conversions,
//! and the trees of validator and garde that `model_struct!` hands a
//! verdict to. Generated code depends only on this layer and those below.

#[cfg(any(feature = "aws-sdk-ecr", feature = "aws-sdk-ecrpublic"))]
pub(crate) mod convert;
#[cfg(feature = "garde")]
pub(crate) mod garde_report;
pub(crate) mod json;
#[cfg(feature = "schema")]
pub(crate) mod json_schema;
pub(crate) mod model;
pub(crate) mod validated;
#[cfg(feature = "validator")]
pub(crate) mod validator_errors;
