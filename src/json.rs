//! The entry points: JSON in, a typed value or every violation out.

use serde::Serialize;

use crate::check::Checker;
use crate::error::{Code, Error, Violation};
use crate::parse::Parser;
use crate::read::{Cx, Kind, Path, ReadStruct, Struct};
use crate::shape::{StructShape, Ty};

/// How strictly to read.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Options {
    /// Members the model does not define are violations (`unknown_field`)
    /// instead of being ignored.
    pub strict: bool,
    /// Enum values the model does not know are kept (in the enum's
    /// `Unknown` variant) instead of being violations (`enum`).
    pub allow_unknown_enums: bool,
    /// At most this many violations are listed; the rest are only counted.
    pub max_violations: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            strict: false,
            allow_unknown_enums: false,
            max_violations: 1000,
        }
    }
}

impl Options {
    /// Strict mode: unknown members are violations.
    pub fn strict() -> Self {
        Options {
            strict: true,
            ..Options::default()
        }
    }

    /// Sets strict mode.
    pub fn with_strict(mut self, strict: bool) -> Self {
        self.strict = strict;
        self
    }

    /// Sets whether unknown enum values are accepted.
    pub fn with_unknown_enums(mut self, allow: bool) -> Self {
        self.allow_unknown_enums = allow;
        self
    }

    /// Sets how many violations are listed at most.
    pub fn with_max_violations(mut self, max: usize) -> Self {
        self.max_violations = max;
        self
    }
}

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
        // Serializing our own types cannot fail: maps have string keys, and
        // a non-finite double becomes `null`, which the check then reports.
        // Text, not a `Value`, so that violations come in member order.
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
        check_slice::<Self>(&json, opts)
    }
}

/// Reads and validates `T` from JSON text, with default options.
pub fn from_json<T: Model>(json: &str) -> Result<T, Error> {
    from_json_with(json, &Options::default())
}

/// Reads and validates `T` from JSON text.
pub fn from_json_with<T: Model>(json: &str, opts: &Options) -> Result<T, Error> {
    run(Parser::new(json), Struct::<T>::new(), Cx::new(opts))
}

/// Reads and validates `T` from JSON bytes (UTF-8), with default options.
pub fn from_slice<T: Model>(json: &[u8]) -> Result<T, Error> {
    from_slice_with(json, &Options::default())
}

/// Reads and validates `T` from JSON bytes (UTF-8).
pub fn from_slice_with<T: Model>(json: &[u8], opts: &Options) -> Result<T, Error> {
    run_bytes(json, Struct::<T>::new(), Cx::new(opts))
}

/// Reads and validates `T` from a parsed JSON value, with default options.
pub fn from_value<T: Model>(value: &serde_json::Value) -> Result<T, Error> {
    from_value_with(value, &Options::default())
}

/// Reads and validates `T` from a parsed JSON value. The value is written
/// out as text and read as any document is: one reader for every input.
pub fn from_value_with<T: Model>(value: &serde_json::Value, opts: &Options) -> Result<T, Error> {
    run_bytes(&value_text(value), Struct::<T>::new(), Cx::new(opts))
}

/// A value's JSON text. Writing a `Value` cannot fail: its map keys are strings.
pub(crate) fn value_text(value: &serde_json::Value) -> Vec<u8> {
    serde_json::to_vec(value).unwrap_or_default()
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
    run_bytes(json, Checker(Ty::Structure(shape)), Cx::checking(opts))
}

/// Reads one document of `kind` from bytes: UTF-8 is checked once, for the
/// whole input, and a byte that is not UTF-8 is malformed JSON where it is.
pub(crate) fn run_bytes<K: Kind>(json: &[u8], kind: K, cx: Cx<'_>) -> Result<K::Value, Error> {
    run(Parser::from_bytes(json), kind, cx)
}

/// Reads one document of `kind` and nothing after it.
pub(crate) fn run<K: Kind>(mut p: Parser<'_>, kind: K, mut cx: Cx<'_>) -> Result<K::Value, Error> {
    let got = kind
        .read(&mut p, &mut cx, &Path::Root)
        .and_then(|got| p.end().map(|()| got));
    match got {
        Ok(got) => cx.finish(got),
        Err(e) => {
            cx.syntax(&e);
            Err(cx.into_error())
        }
    }
}
