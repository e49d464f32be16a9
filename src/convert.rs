//! What the generated conversions to and from the Rust SDK's types
//! (`ecr::sdk`, `ecr_public::sdk`) share: the [`Twin`] and
//! [`OperationError`] traits (public as `sdk::Twin` and
//! `sdk::OperationError`), lists, maps, timestamps, blobs and error
//! metadata, and the errors a conversion can end in, each placed at the
//! member it concerns.
//!
//! A module of its own, below both the generated service modules and
//! [`crate::sdk`] (whose interceptor looks operations up in the registry,
//! which the service modules feed).

use std::collections::HashSet;

use aws_smithy_types::error::operation::BuildError;
use aws_smithy_types::error::ErrorMetadata;

use crate::error::{Code, Error};
use crate::options::Options;
use crate::read::Path;
use crate::{Blob, Timestamp};

/// An SDK type and its twin among this crate's types: the pair the
/// generated conversions join.
pub trait Twin: Sized {
    /// This crate's type.
    type Model;

    /// The SDK value of a model value.
    fn from_model(model: Self::Model) -> Result<Self, Error>;

    /// The model value of an SDK value.
    fn into_model(self) -> Result<Self::Model, Error>;
}

/// An SDK operation error (`CreateRepositoryError`), whose twin is its
/// service's `ServiceError`.
pub trait OperationError: Twin {
    /// Reads an error response body of the operation (with its
    /// `X-Amzn-ErrorType` header, when there is one) as the SDK's error:
    /// an error the operation does not declare, and that is not one of
    /// AWS's common errors, is refused (`undeclared_error`).
    fn from_response(body: &[u8], error_type: Option<&str>, opts: &Options) -> Result<Self, Error>;
}

/// Puts an error of a member's value under that member (or list item, or
/// map key): `/rules/0/deleteReplication`.
pub(crate) fn at(segment: &str) -> impl FnOnce(Error) -> Error + '_ {
    move |e| e.under(&Path::Root.key(segment).pointer())
}

/// Each item converted.
pub(crate) fn list<T, U>(items: Vec<T>, f: impl FnMut(T) -> U) -> Vec<U> {
    items.into_iter().map(f).collect()
}

/// Each item converted; an item's error is placed under its index.
pub(crate) fn try_list<T, U>(
    items: Vec<T>,
    mut f: impl FnMut(T) -> Result<U, Error>,
) -> Result<Vec<U>, Error> {
    items
        .into_iter()
        .enumerate()
        .map(|(i, x)| f(x).map_err(|e| e.under(&Path::Root.index(i).pointer())))
        .collect()
}

/// A map with string keys, each value converted: the keys cannot collide.
// ECR Public's model has no map, and its SDK release lacks no member:
// only ECR's conversions call this.
#[cfg_attr(not(feature = "aws-sdk-ecr"), allow(dead_code))]
pub(crate) fn map<V, V2, M: FromIterator<(String, V2)>>(
    entries: impl IntoIterator<Item = (String, V)>,
    mut f: impl FnMut(V) -> V2,
) -> M {
    entries.into_iter().map(|(k, v)| (k, f(v))).collect()
}

/// A map with enum keys, each key and value converted. Two keys that are
/// one value on the wire (`HIGH` and an `Unknown("HIGH")` built in code)
/// would become one: that is an error (`duplicate`), not a dropped entry.
// ECR Public's model has no map, and its SDK release lacks no member:
// only ECR's conversions call this.
#[cfg_attr(not(feature = "aws-sdk-ecr"), allow(dead_code))]
pub(crate) fn keyed_map<K: AsRef<str>, V, K2, V2, M: FromIterator<(K2, V2)>>(
    entries: impl IntoIterator<Item = (K, V)>,
    mut fk: impl FnMut(K) -> K2,
    mut fv: impl FnMut(V) -> V2,
) -> Result<M, Error> {
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for (k, v) in entries {
        if !seen.insert(k.as_ref().to_string()) {
            return Err(Error::one(
                &Path::Root.key(k.as_ref()).pointer(),
                Code::Duplicate,
                format!(
                    "the key {} is given twice (as a known value and as an unknown one)",
                    crate::rules::quote(k.as_ref())
                ),
            ));
        }
        out.push((fk(k), fv(v)));
    }
    Ok(out.into_iter().collect())
}

/// The SDK's `DateTime` of a timestamp: the same instant, to the
/// nanosecond (the offset it was written with is not kept: the SDK holds
/// instants).
pub(crate) fn datetime(t: Timestamp) -> aws_smithy_types::DateTime {
    // `subsec_nanos` is below 1e9, as `from_secs_and_nanos` requires.
    aws_smithy_types::DateTime::from_secs_and_nanos(t.epoch_seconds(), t.subsec_nanos())
}

/// The timestamp of an SDK `DateTime`, to the nanosecond; an instant
/// outside years 0000 to 9999 is an error (`timestamp`): the model's
/// timestamps cannot hold it.
pub(crate) fn timestamp(t: aws_smithy_types::DateTime) -> Result<Timestamp, Error> {
    let nanos = i128::from(t.secs()) * 1_000_000_000 + i128::from(t.subsec_nanos());
    time::OffsetDateTime::from_unix_timestamp_nanos(nanos)
        .ok()
        .and_then(|at| Timestamp::from_offset_date_time(at).ok())
        .ok_or_else(|| {
            Error::one(
                "",
                Code::Timestamp,
                format!(
                    "the SDK's DateTime of {} epoch seconds is outside years 0000 to 9999",
                    t.secs()
                ),
            )
        })
}

/// A blob's bytes, as they are.
pub(crate) fn to_blob(b: Blob) -> aws_smithy_types::Blob {
    aws_smithy_types::Blob::new(b.into_bytes())
}

/// The same, back.
pub(crate) fn from_blob(b: aws_smithy_types::Blob) -> Blob {
    Blob::new(b.into_inner())
}

/// The metadata an SDK error carries: its code (the error's name) and
/// message, as the SDK's own deserializer sets them.
pub(crate) fn error_meta(code: &str, message: Option<&str>) -> ErrorMetadata {
    let mut meta = ErrorMetadata::builder().code(code);
    if let Some(message) = message {
        meta = meta.message(message);
    }
    meta.build()
}

/// An SDK error that is none of its operation's variants, by the code in
/// its metadata: read as the body `{"__type": code, "message": ...}` would
/// be, so that it is named by the one rule of [`crate::error_name`].
pub(crate) fn unhandled<E>(
    meta: &ErrorMetadata,
    read: fn(&str) -> Result<E, Error>,
) -> Result<E, Error> {
    let Some(code) = meta.code() else {
        return Err(Error::one(
            "",
            Code::UndeclaredError,
            "the SDK's error has no code, so it names no error".to_string(),
        ));
    };
    let mut body = serde_json::Map::new();
    body.insert("__type".into(), code.into());
    if let Some(message) = meta.message() {
        body.insert("message".into(), message.into());
    }
    read(&serde_json::Value::Object(body).to_string())
}

/// A required member the SDK value lacks (an SDK input holds every member
/// as an `Option`).
pub(crate) fn required(member: &str) -> Error {
    Error::one(
        &Path::Root.key(member).pointer(),
        Code::Required,
        format!("the SDK value has no `{member}`, which the model requires"),
    )
}

/// A member the SDK release has no field for.
// ECR Public's model has no map, and its SDK release lacks no member:
// only ECR's conversions call this.
#[cfg_attr(not(feature = "aws-sdk-ecr"), allow(dead_code))]
pub(crate) fn not_in_sdk(member: &str, shape: &str, sdk: &str) -> Error {
    Error::one(
        &Path::Root.key(member).pointer(),
        Code::NotInSdk,
        format!("{sdk} has no `{shape}.{member}`: the value cannot be converted without losing it"),
    )
}

/// The SDK's builder refused (it refuses only a required member left
/// unset, which a model value always has).
pub(crate) fn build_error(e: BuildError) -> Error {
    Error::one("", Code::Required, e.to_string())
}
