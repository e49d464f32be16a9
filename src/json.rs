//! The entry points: JSON in, a typed value or every violation out.

use serde::Serialize;

use crate::check::Checker;
use crate::error::{Code, Error, Violation};
use crate::options::Options;
use crate::parse::Parser;
use crate::read::{run, run_bytes, value_text, Cx, ReadStruct, Struct};
use crate::shape::{StructShape, Ty};

/// A structure of the model: reads and validates itself from JSON, and
/// serializes to the wire form.
pub trait Model: ReadStruct + Serialize + Sized + 'static {
    /// The shape's description.
    const SHAPE: &'static StructShape;

    /// Checks a value built in code, before it is sent: every rule, as
    /// [`from_json`] would check the JSON it serializes to.
    fn validate(&self) -> Result<(), Error> {
        self.validate_with(&Options::default())
    }

    /// [`Model::validate`] under `opts`.
    fn validate_with(&self, opts: &Options) -> Result<(), Error> {
        // Serializing our own types cannot fail: maps have string keys. A
        // NaN or infinite double becomes `null`, and since our types leave
        // every absent member out, any `null` in this text is one: the check
        // reports it where it stands. Text, not a `Value`, so that
        // violations come in member order.
        let json = serde_json::to_vec(self).map_err(|e| {
            Error::new(
                vec![Violation {
                    path: String::new(),
                    code: Code::Type,
                    message: e.to_string(),
                    line: None,
                    column: None,
                }],
                0,
            )
        })?;
        run_bytes(
            &json,
            Checker(Ty::Structure(Self::SHAPE)),
            Cx::checking(opts).judging(Self::SHAPE.role).serialized(),
        )
    }
}

/// Reads and validates `T` from JSON text, with default options.
pub fn from_json<T: Model>(json: &str) -> Result<T, Error> {
    from_json_with(json, &Options::default())
}

/// Reads and validates `T` from JSON text.
pub fn from_json_with<T: Model>(json: &str, opts: &Options) -> Result<T, Error> {
    run(Parser::new(json), Struct::<T>::new(), document::<T>(opts))
}

/// Reads and validates `T` from JSON bytes (UTF-8), with default options.
pub fn from_slice<T: Model>(json: &[u8]) -> Result<T, Error> {
    from_slice_with(json, &Options::default())
}

/// Reads and validates `T` from JSON bytes (UTF-8).
pub fn from_slice_with<T: Model>(json: &[u8], opts: &Options) -> Result<T, Error> {
    run_bytes(json, Struct::<T>::new(), document::<T>(opts))
}

/// Reads and validates `T` from a parsed JSON value, with default options.
pub fn from_value<T: Model>(value: &serde_json::Value) -> Result<T, Error> {
    from_value_with(value, &Options::default())
}

/// Reads and validates `T` from a parsed JSON value. The value is written
/// out as text and read as any document is: one reader for every input.
pub fn from_value_with<T: Model>(value: &serde_json::Value, opts: &Options) -> Result<T, Error> {
    run_bytes(&value_text(value), Struct::<T>::new(), document::<T>(opts))
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
    run_bytes(
        json,
        Checker(Ty::Structure(shape)),
        Cx::checking(opts).judging(shape.role),
    )
}

/// The pass that reads a document of `T`, judged as `T`'s role.
fn document<T: Model>(opts: &Options) -> Cx<'_> {
    Cx::new(opts).judging(T::SHAPE.role)
}
