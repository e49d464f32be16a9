//! Typed, validated models of the Amazon ECR (2015-09-21) and ECR Public
//! (2020-10-30) APIs, generated from AWS's own service model: every
//! request, response, error and nested shape as a Rust type, the model's
//! rules checked exactly, and a JSON Schema for each type.
//!
//! ```toml
//! [dependencies]
//! ecr-models = "0.1"
//! ```
//!
//! # Validate a payload
//!
//! Hand any request, response or error body to [`from_json`] (or
//! [`from_slice`], [`from_value`]) and get either the typed value or every
//! rule it breaks, each with a JSON Pointer, a stable [`Code`] and a
//! message:
//!
//! ```
//! use ecr_models::{ecr::CreateRepositoryRequest, from_json, Code};
//!
//! let request: CreateRepositoryRequest = from_json(r#"{"repositoryName": "team/app"}"#).unwrap();
//! assert_eq!(request.repository_name, "team/app");
//!
//! let err = from_json::<CreateRepositoryRequest>(r#"{"repositoryName": "MyRepo", "tags": 1}"#)
//!     .unwrap_err();
//! let found: Vec<(&str, Code)> = err.violations().iter().map(|v| (v.path.as_str(), v.code)).collect();
//! assert_eq!(found, [("/repositoryName", Code::Pattern), ("/tags", Code::Type)]);
//! ```
//!
//! The rules are the model's, as AWS enforces them: required members,
//! lengths in Unicode scalar values, ranges (and the `i32`/`i64` limits),
//! whole-value patterns, enum values, list sizes, timestamps and base64.
//! Where real traffic departs from the model's letter, the wire wins:
//! responses are not held to list sizes (AWS's own responses break them),
//! and error bodies are named as the SDKs name them.
//!
//! [`check_slice`] gives the same verdict without building the value.
//!
//! ## Options
//!
//! The `_with` forms take [`Options`], built from [`Options::new`] and
//! setters named after its fields:
//!
//! ```
//! use ecr_models::ecr::{CreateRepositoryRequest, DescribeImageScanFindingsResponse};
//! use ecr_models::{from_json, from_json_with, Code, Options};
//!
//! let strict = Options::new().strict(true);
//! let err = from_json_with::<CreateRepositoryRequest>(r#"{"repositoryName": "app", "colour": 1}"#, &strict)
//!     .unwrap_err();
//! assert_eq!(err.violations()[0].code, Code::UnknownField);
//!
//! // In a response, an enum value newer than the model is kept (enums are
//! // open, as in every AWS SDK); in a request, only on demand.
//! let counts = r#"{"imageScanFindings": {"findingSeverityCounts": {"UNTRIAGED": 1}}}"#;
//! assert!(from_json::<DescribeImageScanFindingsResponse>(counts).is_ok());
//! let lenient = Options::new().allow_unknown_enums(true);
//! let request: CreateRepositoryRequest =
//!     from_json_with(r#"{"repositoryName": "app", "imageTagMutability": "SOMEDAY"}"#, &lenient).unwrap();
//! assert_eq!(request.image_tag_mutability.unwrap().as_str(), "SOMEDAY");
//! ```
//!
//! ## Values built in code: builders, and [`Model::validate`]
//!
//! Every structure has a builder whose `build()` checks every rule; the
//! structures and enums are `#[non_exhaustive]`, so that what AWS adds to
//! its model is not a breaking change.
//!
//! ```
//! use ecr_models::{ecr::CreateRepositoryRequest, Model};
//!
//! let err = CreateRepositoryRequest::builder().repository_name("MyRepo").build().unwrap_err();
//! assert_eq!(err.violations()[0].path, "/repositoryName");
//!
//! // Without the checks (a test's deliberately invalid value), then checked.
//! let request = CreateRepositoryRequest::builder().repository_name("MyRepo").build_unchecked().unwrap();
//! assert_eq!(request.validate().unwrap_err().violations()[0].path, "/repositoryName");
//! ```
//!
//! `validate` uses the default options: a request read with
//! `allow_unknown_enums` that holds an unknown enum value fails it; check
//! such a value with [`Model::validate_with`] and the options it was read
//! with.
//!
//! ## serde, and [`Validated<T>`]
//!
//! Every type derives `Serialize` and `Deserialize`, in the wire's member
//! names. The derived `Deserialize` is a plain typed parse that **checks no
//! rule**: `serde_json::from_str::<CreateRepositoryRequest>` accepts
//! `"MyRepo"`. Where a payload is read through serde (a config file in
//! YAML or TOML, a field of a larger struct), wrap it in [`Validated<T>`],
//! whose `Deserialize` reads `T` and then checks it, failing with every
//! violation as the format's own error:
//!
//! ```
//! use ecr_models::{ecr::CreateRepositoryRequest, Validated};
//!
//! #[derive(serde::Deserialize)]
//! struct Config {
//!     repository: Validated<CreateRepositoryRequest>,
//! }
//!
//! let err = serde_json::from_str::<Config>(r#"{"repository": {"repositoryName": "MyRepo"}}"#).err().unwrap();
//! assert!(err.to_string().contains("/repositoryName"), "{err}");
//! ```
//!
//! ## Error bodies: `ServiceError`
//!
//! [`ecr::ServiceError`] and [`ecr_public::ServiceError`] read AWS's JSON
//! error bodies into the error the body names, and know which errors each
//! operation declares:
//!
//! ```
//! use ecr_models::ecr::{ServiceError, OPERATIONS};
//! use ecr_models::{registry, Options, Service};
//!
//! let body = r#"{"__type": "RepositoryNotFoundException", "message": "The repository does not exist"}"#;
//! let error = ServiceError::from_json(body).unwrap();
//! assert_eq!(error.name(), "RepositoryNotFoundException");
//!
//! // An error the operation does not declare is a violation.
//! let op = registry::operation(Service::Ecr, "GetAuthorizationToken").unwrap();
//! let err = ServiceError::from_json_with(body, Some(op), &Options::new()).unwrap_err();
//! assert_eq!(err.violations()[0].code, ecr_models::Code::UndeclaredError);
//! # assert!(!OPERATIONS.is_empty());
//! ```
//!
//! # Check recorded responses
//!
//! Each operation of [`ecr::OPERATIONS`] (and [`registry::operation`], by
//! any of its names) checks the documents of its calls: `check_input`,
//! `check_output` (judged as a response) and `check_error`. The
//! `ecr-validate` command does the same for files and JSON Lines streams.
//!
//! ```
//! use ecr_models::{registry, Options, Service};
//!
//! let op = registry::operation(Service::Ecr, "describe_images").unwrap();
//! let opts = Options::new();
//! assert!(op.check_output(br#"{"imageDetails": []}"#, &opts).is_ok());
//! assert!(op.check_error(br#"{"__type": "ImageNotFoundException"}"#, None, &opts).is_ok());
//! ```
//!
//! # Export JSON Schemas
//!
//! With the `schema` feature (on by default), every type implements
//! `schemars::JsonSchema`, and [`registry::Entry::schema`] gives the
//! self-contained JSON Schema (2020-12) of a shape, with the same verdicts
//! in ajv and Python's `jsonschema`. The repository's `schemas/` holds them
//! all, written by `cargo run --bin export-schemas`.
//!
//! ```
//! # #[cfg(feature = "schema")] {
//! use ecr_models::{registry, Options, Service};
//!
//! let entry = registry::find(Service::Ecr, "CreateRepositoryRequest").unwrap();
//! let schema = entry.schema(&Options::new()).unwrap();
//! assert_eq!(schema["required"], serde_json::json!(["repositoryName"]));
//! # }
//! ```
//!
//! # Features
//!
//! | feature | default | what it adds |
//! |---|---|---|
//! | `ecr` | yes | the ECR API: [`ecr`], and [`refs`] of private registries |
//! | `ecr-public` | yes | the ECR Public API: [`ecr_public`], and [`refs`] of ECR Public |
//! | `schema` | yes | `schemars::JsonSchema` for every type, and [`schema`] |
//! | `proptest` | no | `testdata::strategy` and `testdata::typed_strategy`: proptest strategies of valid documents and values |
//! | `waiters` | no | `waiter`: the state boto3's waiters reach on a response (adds `jmespath`) |
//! | `validator` | no | `validator::Validate` for every structure, so that a struct deriving it nests ECR types (`#[validate(nested)]`), each violation in validator's tree (adds `validator`) |
//! | `garde` | no | `garde::Validate` for every structure, with `Options` as its context: one report entry per violation at its exact path (adds `garde`) |
//! | `axum` | no | `axum::Checked<T>`: an axum extractor that reads a body with this crate's reader, answering 422 with an RFC 9457 problem, or 413 (adds `axum-core`) |
//! | `traffic` | no | `traffic`: HAR files and aws-smithy dvr recordings, checked exchange by exchange (adds `flate2`) |
//! | `aws-sdk-ecr`, `aws-sdk-ecrpublic` | no | `sdk`: conversions to and from the Rust SDK's types (`ecr::sdk`, `ecr_public::sdk`), serde for SDK values, and `sdk::ValidatingInterceptor` (adds the SDK's crates without their HTTP stack; Rust 1.94.1) |
//!
//! # Modules
//!
//! - [`ecr`], [`ecr_public`]: the types, `OPERATIONS` and `ServiceError` of
//!   each service;
//! - [`registry`]: every shape and operation by name, at run time;
//! - [`inspect`]: what a shape is and which operations use it;
//! - [`testdata`]: valid documents of any shape, and single-fault variants;
//! - [`refs`]: image URIs, repository URIs and ARNs, parsed and checked;
//! - `traffic` (feature `traffic`): HAR files and aws-smithy dvr
//!   recordings, checked exchange by exchange;
//! - [`shape`], [`rules`]: the run-time description of the model that the
//!   registry hands out.
//!
//! # The guide
//!
//! The repository's `README.md` is the front page, and its `docs/` folder
//! holds a guide with one page per topic (`docs/README.md` is its index),
//! every Rust example of which runs as a doc test of this crate:
//!
//! - `docs/api.md`: this API in more depth: options, `Validated<T>`, error
//!   bodies, the accepted JSON, and where the model's letter and real
//!   traffic disagree (the wire rules);
//! - `docs/cli.md`: the `ecr-validate` command (a crate of its own);
//! - `docs/sdk.md`: the bridge to aws-sdk-ecr and aws-sdk-ecrpublic;
//! - `docs/traffic.md`: HAR and dvr recordings, checked exchange by
//!   exchange;
//! - `docs/testdata.md`: generated documents, faults, `inspect`, proptest;
//! - `docs/boto3.md`: boto3's method names, paginators and waiters;
//! - `docs/refs.md`: image references and ARNs;
//! - `docs/schemas.md`: the exported JSON Schemas and other languages;
//! - `docs/speed.md`: today's figures and how to reproduce them;
//! - `docs/contributing.md`: the repository's layout, CI and fuzzing.
#![forbid(unsafe_code)]
#![warn(missing_docs)]
// docs.rs (nightly, `--cfg docsrs`): each item behind a feature says which.
#![cfg_attr(docsrs, feature(doc_cfg))]
// A build with neither service has the machinery and no models: what only
// the models use is unused there, and that is no defect.
#![cfg_attr(
    not(any(feature = "ecr", feature = "ecr-public")),
    allow(dead_code, unused_imports, unused_macros, unused_variables)
)]

// The runtime, bottom to top: each layer is a folder (or, with one
// module, a file) and names only the layers below it (tests/layers.rs).
mod base;
pub mod documents;
mod entry;
mod parse;
mod readers;
pub mod shape;
mod values;
#[cfg(feature = "ecr")]
#[rustfmt::skip]
pub mod ecr;
#[cfg(feature = "ecr-public")]
#[rustfmt::skip]
pub mod ecr_public;
mod tools;

// Each module by its own name, as users and the crate's paths name it
// (`crate::read`, `ecr_models::registry`): a layer's folder declares its
// modules, each behind its features.
pub use base::*;
use entry::*;
use readers::*;
pub use tools::*;
pub use values::*;

pub use aws_error::{error_name, named_error, CommonError, COMMON_ERRORS};
pub use blob::Blob;
pub use enums::UnknownValue;
pub use error::{Code, Error, Span, Violation};
pub use json::{
    check_slice, from_json, from_json_with, from_slice, from_slice_with, from_value,
    from_value_with,
};
pub use model::Model;
pub use options::Options;
pub use shape::{Operation, Role, Service, WaiterState};
pub use timestamp::Timestamp;
pub use validated::Validated;

/// The Rust examples of the README and of the guide in `docs/`, compiled
/// and run as doc tests, each page with the features its examples need
/// (CI runs them with every feature).
#[cfg(all(doctest, feature = "ecr"))]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;

/// `docs/api.md`.
#[cfg(all(doctest, feature = "ecr"))]
#[doc = include_str!("../docs/api.md")]
pub struct DocsApiDoctests;

/// `docs/sdk.md`.
#[cfg(all(doctest, feature = "aws-sdk-ecr"))]
#[doc = include_str!("../docs/sdk.md")]
pub struct DocsSdkDoctests;

/// `docs/traffic.md`.
#[cfg(all(doctest, feature = "traffic", feature = "ecr"))]
#[doc = include_str!("../docs/traffic.md")]
pub struct DocsTrafficDoctests;

/// `docs/testdata.md`.
#[cfg(all(doctest, feature = "proptest", feature = "ecr"))]
#[doc = include_str!("../docs/testdata.md")]
pub struct DocsTestdataDoctests;

/// `docs/boto3.md`.
#[cfg(all(doctest, feature = "waiters", feature = "ecr"))]
#[doc = include_str!("../docs/boto3.md")]
pub struct DocsBoto3Doctests;

/// `docs/refs.md`.
#[cfg(all(doctest, feature = "ecr", feature = "ecr-public"))]
#[doc = include_str!("../docs/refs.md")]
pub struct DocsRefsDoctests;

/// `docs/documents.md`.
#[cfg(all(doctest, feature = "ecr"))]
#[doc = include_str!("../docs/documents.md")]
pub struct DocsDocumentsDoctests;

/// `docs/schemas.md`.
#[cfg(all(doctest, feature = "schema", feature = "ecr"))]
#[doc = include_str!("../docs/schemas.md")]
pub struct DocsSchemasDoctests;

/// Stands in for a secret in `Debug` output.
#[derive(Clone, Copy)]
pub(crate) struct Redacted;

impl std::fmt::Debug for Redacted {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("\"<redacted>\"")
    }
}
