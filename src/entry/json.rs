//! The entry points: JSON in, a typed value or every violation out.

use crate::check::Checker;
use crate::error::Error;
use crate::model::Model;
use crate::options::Options;
use crate::parse::Parser;
use crate::read::{run, run_bytes, value_text, Cx, Struct};
use crate::shape::{StructShape, Ty};

/// Reads and validates `T` from JSON text, with default options.
pub fn from_json<T: Model>(json: &str) -> Result<T, Error> {
    from_json_with(json, &Options::default())
}

/// Reads and validates `T` from JSON text.
pub fn from_json_with<T: Model>(json: &str, opts: &Options) -> Result<T, Error> {
    run(Parser::new(json), reader::<T>(), document::<T>(opts))
}

/// Reads and validates `T` from JSON bytes (UTF-8), with default options.
pub fn from_slice<T: Model>(json: &[u8]) -> Result<T, Error> {
    from_slice_with(json, &Options::default())
}

/// Reads and validates `T` from JSON bytes (UTF-8).
pub fn from_slice_with<T: Model>(json: &[u8], opts: &Options) -> Result<T, Error> {
    run_bytes(json, reader::<T>(), document::<T>(opts))
}

/// Reads and validates `T` from a parsed JSON value, with default options.
pub fn from_value<T: Model>(value: &serde_json::Value) -> Result<T, Error> {
    from_value_with(value, &Options::default())
}

/// Reads and validates `T` from a parsed JSON value. The value is written
/// out as text and read as any document is: one reader for every input.
pub fn from_value_with<T: Model>(value: &serde_json::Value, opts: &Options) -> Result<T, Error> {
    run_bytes(&value_text(value), reader::<T>(), document::<T>(opts))
}

/// Checks JSON bytes against `T` without building the value: the same
/// rules and violations as [`from_slice_with`], read against `T`'s shape
/// description, with nothing allocated for strings, lists or timestamps.
pub fn check_slice<T: Model>(json: &[u8], opts: &Options) -> Result<(), Error> {
    check_shape(T::SHAPE, json, opts)
}

/// [`check_slice`] for a structure known by its description: one reader
/// for every shape, that builds nothing.
pub(crate) fn check_shape(
    shape: &'static StructShape,
    json: &[u8],
    opts: &Options,
) -> Result<(), Error> {
    check_ty(Ty::Structure(shape), json, opts)
}

/// Checks a JSON document against any type by its description: a
/// structure judged as its role, an enum's or scalar's bare value as a
/// member of that type is checked.
pub(crate) fn check_ty(ty: Ty, json: &[u8], opts: &Options) -> Result<(), Error> {
    let role = match ty {
        Ty::Structure(shape) => shape.role,
        _ => crate::shape::Role::Nested,
    };
    run_bytes(json, Checker(ty), Cx::new(opts).judging(role))
}

/// The reader of `T`.
fn reader<T: Model>() -> Struct<T::Fields> {
    Struct::new(T::SHAPE)
}

/// The pass that reads a document of `T`, judged as `T`'s role.
fn document<T: Model>(opts: &Options) -> Cx<'_> {
    Cx::new(opts).judging(T::SHAPE.role)
}

/// Typed reading of each listed structure, as a table by shape description:
/// what the agreement test (`agreement.rs`) holds the checker to.
#[cfg(test)]
macro_rules! typed_readers {
    ($($name:ident),* $(,)?) => {
        /// Each structure's description, and its typed reading.
        pub(crate) static TYPED: &[crate::json::TypedReader] = &[
            $((
                <$name as crate::Model>::SHAPE,
                |json, opts| crate::json::from_slice_with::<$name>(json, opts).map(drop),
            ),)*
        ];
    };
}

#[cfg(test)]
pub(crate) use typed_readers;

/// A structure's description, and a typed reading of it that keeps only
/// the verdict.
#[cfg(test)]
pub(crate) type TypedReader = (
    &'static StructShape,
    fn(&[u8], &Options) -> Result<(), Error>,
);
