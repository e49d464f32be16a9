//! What the generated conversions to and from the Rust SDK's types
//! (`ecr::sdk`, `ecr_public::sdk`) share: the [`Twin`] and
//! [`OperationError`] traits (public as `sdk::Twin` and
//! `sdk::OperationError`); [`Convert`], implemented once per value type
//! (strings, numbers, timestamps, blobs, lists, maps) and by the generated
//! code for each enum and structure, whose conversions are then a line per
//! member; the macros that write the public `From`/`TryFrom` impls from
//! it; error metadata; and the errors a conversion can end in, each placed
//! at the member it concerns.
//!
//! A module of its own, below both the generated service modules and
//! [`crate::sdk`] (whose interceptor looks operations up in the registry,
//! which the service modules feed).

use std::collections::{BTreeMap, HashMap, HashSet};
use std::convert::Infallible;
use std::hash::Hash;

use aws_smithy_types::error::operation::BuildError;
use aws_smithy_types::error::ErrorMetadata;

use crate::enums::ModelEnum;
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

/// A value of one side converted to its counterpart `T` on the other: this
/// crate's value to the SDK's, or back. Implemented once per value type
/// (strings, numbers, booleans, timestamps, blobs, `Vec`s, maps, options)
/// and for each enum and structure by the generated code, whose
/// conversions are then one line per member. `Error` is
/// [`Infallible`] where nothing can fail, so the generated `From` impls
/// need no unwrap; an error says where, placed under each member, item and
/// key it passes ([`Placed`]).
pub(crate) trait Convert<T>: Sized {
    /// [`Infallible`], or [`Error`].
    type Error: Placed;

    /// The counterpart.
    fn convert(self) -> Result<T, Self::Error>;
}

/// An error that can be placed under a member, item or key: [`Error`]
/// takes the segment into its violations' paths; [`Infallible`] has no
/// value.
pub(crate) trait Placed: Sized {
    /// The error, one level down.
    fn under(self, segment: Path<'_>) -> Self;
}

impl Placed for Infallible {
    fn under(self, _: Path<'_>) -> Self {
        match self {}
    }
}

impl Placed for Error {
    fn under(self, segment: Path<'_>) -> Self {
        Error::under(self, &segment.pointer())
    }
}

impl From<Infallible> for Error {
    fn from(never: Infallible) -> Self {
        match never {}
    }
}

/// The value of a member the SDK holds as an `Option`, or this crate
/// does: converted, errors placed under the member.
pub(crate) fn opt<A: Convert<B>, B>(value: Option<A>, member: &str) -> Result<Option<B>, A::Error> {
    value.map(|x| one(x, member)).transpose()
}

/// The value of a member present on both sides, converted.
pub(crate) fn one<A: Convert<B>, B>(value: A, member: &str) -> Result<B, A::Error> {
    value.convert().map_err(|e| e.under(Path::Root.key(member)))
}

/// A conversion that cannot fail, done.
pub(crate) fn into<A: Convert<B, Error = Infallible>, B>(value: A) -> B {
    let Ok(converted) = value.convert();
    converted
}

/// A required member of this crate's type that the SDK holds as an
/// `Option`: absent is an error (`required`).
pub(crate) fn required<A: Convert<B>, B>(value: Option<A>, member: &str) -> Result<B, Error>
where
    Error: From<A::Error>,
{
    match value {
        Some(x) => Ok(one(x, member)?),
        None => Err(missing(member)),
    }
}

/// A value that is the same type on both sides.
macro_rules! same {
    ($($ty:ty),*) => {
        $(impl Convert<$ty> for $ty {
            type Error = Infallible;

            fn convert(self) -> Result<$ty, Infallible> {
                Ok(self)
            }
        })*
    };
}

same!(String, i32, i64, f64, bool);

impl Convert<aws_smithy_types::DateTime> for Timestamp {
    type Error = Infallible;

    fn convert(self) -> Result<aws_smithy_types::DateTime, Infallible> {
        Ok(datetime(self))
    }
}

impl Convert<Timestamp> for aws_smithy_types::DateTime {
    type Error = Error;

    fn convert(self) -> Result<Timestamp, Error> {
        timestamp(self)
    }
}

impl Convert<aws_smithy_types::Blob> for Blob {
    type Error = Infallible;

    fn convert(self) -> Result<aws_smithy_types::Blob, Infallible> {
        Ok(aws_smithy_types::Blob::new(self.into_bytes()))
    }
}

impl Convert<Blob> for aws_smithy_types::Blob {
    type Error = Infallible;

    fn convert(self) -> Result<Blob, Infallible> {
        Ok(Blob::new(self.into_inner()))
    }
}

impl<A: Convert<B>, B> Convert<Vec<B>> for Vec<A> {
    type Error = A::Error;

    fn convert(self) -> Result<Vec<B>, A::Error> {
        self.into_iter()
            .enumerate()
            .map(|(i, x)| x.convert().map_err(|e| e.under(Path::Root.index(i))))
            .collect()
    }
}

/// String keys, from one map type to the other: they cannot collide.
macro_rules! string_keyed_maps {
    ($($from:ident => $to:ident),*) => {$(
        impl<V: Convert<W>, W> Convert<$to<String, W>> for $from<String, V> {
            type Error = V::Error;

            fn convert(self) -> Result<$to<String, W>, V::Error> {
                self.into_iter()
                    .map(|(k, v)| Ok((k.clone(), one(v, &k)?)))
                    .collect()
            }
        }
    )*};
}

string_keyed_maps!(BTreeMap => HashMap, HashMap => BTreeMap);

/// Enum keys: two keys that are one value on the wire (`HIGH` and an
/// `Unknown("HIGH")` built in code) would become one, which is an error
/// (`duplicate`), not a dropped entry.
impl<K, L, V, W> Convert<HashMap<L, W>> for BTreeMap<K, V>
where
    K: ModelEnum + AsRef<str> + Convert<L, Error = Infallible>,
    L: Eq + Hash,
    V: Convert<W>,
    Error: From<V::Error>,
{
    type Error = Error;

    fn convert(self) -> Result<HashMap<L, W>, Error> {
        keyed(self)
    }
}

/// The same, back.
impl<K, L, V, W> Convert<BTreeMap<L, W>> for HashMap<K, V>
where
    K: AsRef<str> + Convert<L, Error = Infallible>,
    L: ModelEnum + Ord,
    V: Convert<W>,
    Error: From<V::Error>,
{
    type Error = Error;

    fn convert(self) -> Result<BTreeMap<L, W>, Error> {
        keyed(self)
    }
}

/// Each entry of a map with enum keys converted; a key given twice on the
/// wire is an error.
fn keyed<K, L, V, W, M>(entries: impl IntoIterator<Item = (K, V)>) -> Result<M, Error>
where
    K: AsRef<str> + Convert<L, Error = Infallible>,
    V: Convert<W>,
    Error: From<V::Error>,
    M: FromIterator<(L, W)>,
{
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for (k, v) in entries {
        let key = k.as_ref().to_string();
        if !seen.insert(key.clone()) {
            return Err(Error::one(
                &Path::Root.key(&key).pointer(),
                Code::Duplicate,
                format!(
                    "the key {} is given twice (as a known value and as an unknown one)",
                    crate::rules::quote(&key)
                ),
            ));
        }
        let value = one(v, &key)?;
        let Ok(k) = k.convert();
        out.push((k, value));
    }
    Ok(out.into_iter().collect())
}

/// An enum and its SDK twin, through the wire string both ways: a value
/// either side does not know is kept. Writes `Convert`, the public `From`
/// impls and `Twin`.
macro_rules! enum_twins {
    ($($ours:ty => $theirs:ty),* $(,)?) => {
        $(
            impl $crate::convert::Convert<$theirs> for $ours {
                type Error = ::std::convert::Infallible;

                fn convert(self) -> Result<$theirs, Self::Error> {
                    Ok(<$theirs>::from(self.as_str()))
                }
            }

            impl $crate::convert::Convert<$ours> for $theirs {
                type Error = ::std::convert::Infallible;

                fn convert(self) -> Result<$ours, Self::Error> {
                    Ok(<$ours>::from(self.as_str()))
                }
            }

            /// Through the wire string: a value the SDK does not know is
            /// kept in its `Unknown`.
            impl From<$ours> for $theirs {
                fn from(v: $ours) -> Self {
                    Self::from(v.as_str())
                }
            }

            /// Through the wire string: a value this crate does not know is
            /// kept in its `Unknown`.
            impl From<$theirs> for $ours {
                fn from(v: $theirs) -> Self {
                    Self::from(v.as_str())
                }
            }

            $crate::convert::twin!($theirs => $ours);
        )*
    };
}

pub(crate) use enum_twins;

/// [`Twin`] of an SDK type and its model type, through [`Convert`].
macro_rules! twin {
    ($theirs:ty => $ours:ty) => {
        impl $crate::convert::Twin for $theirs {
            type Model = $ours;

            fn from_model(model: $ours) -> Result<Self, $crate::Error> {
                Ok($crate::convert::Convert::convert(model)?)
            }

            fn into_model(self) -> Result<$ours, $crate::Error> {
                Ok($crate::convert::Convert::convert(self)?)
            }
        }
    };
}

pub(crate) use twin;

/// The public conversions of a structure and its SDK twin, in terms of
/// [`Convert`]: `From` where the direction cannot fail (its error is
/// [`Infallible`]), `TryFrom` with an [`Error`] where it can, and [`Twin`].
/// `to`: the doc of the conversion to the SDK; `from`: back.
macro_rules! struct_twins {
    ($ours:ty => $theirs:ty, $to:ident $to_doc:literal, $from:ident $from_doc:literal) => {
        $crate::convert::struct_twins!(@one $to $to_doc, $ours, $theirs);
        $crate::convert::struct_twins!(@one $from $from_doc, $theirs, $ours);
        $crate::convert::twin!($theirs => $ours);
    };
    (@one infallible $doc:literal, $a:ty, $b:ty) => {
        #[doc = $doc]
        impl From<$a> for $b {
            fn from(v: $a) -> Self {
                let Ok(converted) = $crate::convert::Convert::convert(v);
                converted
            }
        }
    };
    (@one fallible $doc:literal, $a:ty, $b:ty) => {
        #[doc = $doc]
        impl TryFrom<$a> for $b {
            type Error = $crate::Error;

            fn try_from(v: $a) -> Result<Self, $crate::Error> {
                Ok($crate::convert::Convert::convert(v)?)
            }
        }
    };
}

pub(crate) use struct_twins;

/// The SDK's `DateTime` of a timestamp: the same instant, to the
/// nanosecond (the offset it was written with is not kept: the SDK holds
/// instants).
fn datetime(t: Timestamp) -> aws_smithy_types::DateTime {
    // `subsec_nanos` is below 1e9, as `from_secs_and_nanos` requires.
    aws_smithy_types::DateTime::from_secs_and_nanos(t.epoch_seconds(), t.subsec_nanos())
}

/// The timestamp of an SDK `DateTime`, to the nanosecond; an instant
/// outside years 0000 to 9999 is an error (`timestamp`): the model's
/// timestamps cannot hold it.
fn timestamp(t: aws_smithy_types::DateTime) -> Result<Timestamp, Error> {
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
fn missing(member: &str) -> Error {
    Error::one(
        &Path::Root.key(member).pointer(),
        Code::Required,
        format!("the SDK value has no `{member}`, which the model requires"),
    )
}

/// A member the SDK release has no field for.
// ECR Public's SDK release lacks no member: only ECR's conversions call
// this.
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
