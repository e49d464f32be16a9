//! The entry points: JSON in, a typed value or every violation out.

use serde::Serialize;

use crate::check::Checker;
use crate::error::{Code, Error, Violation};
use crate::parse::{Limits, Parser};
use crate::read::{Cx, Kind, Path, ReadStruct, Struct};
use crate::shape::{Role, StructShape, Ty};

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
    /// Responses (and error bodies) are also held to the list size bounds
    /// of the model, which AWS writes for requests: see
    /// [`Options::list_bounds_apply`].
    pub exact_outputs: bool,
    /// Arrays and objects nested deeper than this are refused (`limit`),
    /// also inside members the model does not define. 1,000 by default:
    /// Jackson's default (`StreamReadConstraints`), and about where
    /// Python's `json` stops.
    pub max_depth: usize,
    /// A number written with more characters than this is refused
    /// (`limit`). 1,000 by default, Jackson's default.
    pub max_number_length: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            strict: false,
            allow_unknown_enums: false,
            max_violations: 1000,
            exact_outputs: false,
            max_depth: 1000,
            max_number_length: 1000,
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

    /// Sets whether responses are held to the model's list size bounds too.
    pub fn exact_outputs(mut self, exact: bool) -> Self {
        self.exact_outputs = exact;
        self
    }

    /// Sets the deepest nesting of arrays and objects that is read.
    pub fn max_depth(mut self, depth: usize) -> Self {
        self.max_depth = depth;
        self
    }

    /// Sets the longest number, in characters, that is read.
    pub fn max_number_length(mut self, length: usize) -> Self {
        self.max_number_length = length;
        self
    }

    /// Whether a document of `role` is held to the item counts of its lists
    /// (and maps). Requests are. Responses and error bodies are not, unless
    /// [`Options::exact_outputs`] asks for the letter of the model: Smithy's
    /// constraint traits bind what a client sends, servers and SDKs do not
    /// hold responses to them (aws-sdk-rust and botocore check nothing on
    /// the way in), and real responses break them: `ListImages` with
    /// `maxResults` 1,000 returns up to 1,000 `imageIds` in a list shape
    /// that says 1..=100, `BatchDeleteImage` returns `"imageIds": []`, and
    /// boto3's `build_full_result()` merges pages into lists of any length.
    /// Every other rule holds in responses too.
    pub fn list_bounds_apply(&self, role: Role) -> bool {
        self.exact_outputs || !role.is_response()
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

/// Reads one document of `kind` from bytes: UTF-8 is checked once, for the
/// whole input, and a byte that is not UTF-8 is malformed JSON where it is.
pub(crate) fn run_bytes<K: Kind>(json: &[u8], kind: K, cx: Cx<'_>) -> Result<K::Value, Error> {
    run(Parser::from_bytes(json), kind, cx)
}

/// Reads one document of `kind` and nothing after it.
pub(crate) fn run<K: Kind>(p: Parser<'_>, kind: K, mut cx: Cx<'_>) -> Result<K::Value, Error> {
    let opts = cx.options();
    let mut p = p.with_limits(Limits {
        depth: opts.max_depth,
        number_length: opts.max_number_length,
    });
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
