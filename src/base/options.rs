//! How a document is read: strictness, enums, limits. The bottom layer,
//! beside `error`: it names no other module. The default limits are here,
//! once, for the options and for the scanner (`parse::Limits`). Which rules
//! a document's role is held to ([`Options::list_bounds_apply`],
//! [`Options::enums_closed`]) is answered in `shape`, where roles are.

/// At most this many violations are listed by default ([`Options::max_violations`]).
pub(crate) const DEFAULT_MAX_VIOLATIONS: usize = 1000;

/// The deepest nesting of arrays and objects read by default
/// ([`Options::max_depth`]): Jackson's default (`StreamReadConstraints`),
/// and about where Python's `json` stops.
pub(crate) const DEFAULT_MAX_DEPTH: usize = 1000;

/// The most characters in one number by default
/// ([`Options::max_number_length`]): Jackson's default.
pub(crate) const DEFAULT_MAX_NUMBER_LENGTH: usize = 1000;

/// How strictly to read.
///
/// The struct is `#[non_exhaustive]` so that options can be added without
/// breaking callers: build it from [`Options::new`] (the defaults) and the
/// setters, which bear the names of the fields they set. The fields stay
/// public to read.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Options {
    /// Members the model does not define are violations (`unknown_field`)
    /// instead of being ignored.
    pub strict: bool,
    /// Enum values the model does not know are kept (in the enum's
    /// `Unknown` variant) instead of being violations (`enum`), in every
    /// document. Responses keep them without it: see
    /// [`Options::enums_closed`].
    pub allow_unknown_enums: bool,
    /// At most this many violations are listed; the rest are only counted.
    pub max_violations: usize,
    /// Responses (and error bodies) are held to the letter of the model
    /// too: to its list size bounds, which AWS writes for requests (see
    /// [`Options::list_bounds_apply`]), and to its enums' known values
    /// (see [`Options::enums_closed`]).
    pub exact_outputs: bool,
    /// Arrays and objects nested deeper than this are refused (`limit`),
    /// also inside members the model does not define. 1,000 by default:
    /// Jackson's default (`StreamReadConstraints`), and about where
    /// Python's `json` stops.
    pub max_depth: usize,
    /// A number written with more characters than this is refused
    /// (`limit`). 1,000 by default, Jackson's default.
    pub max_number_length: usize,
    /// The documents that string members carry (lifecycle policies) are
    /// checked inside them, with the same limits: on by default.
    pub embedded_documents: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            strict: false,
            allow_unknown_enums: false,
            max_violations: DEFAULT_MAX_VIOLATIONS,
            exact_outputs: false,
            max_depth: DEFAULT_MAX_DEPTH,
            max_number_length: DEFAULT_MAX_NUMBER_LENGTH,
            embedded_documents: true,
        }
    }
}

/// Builder-style setters, each under its own doc comment: `fn name(field:
/// Type);` writes a public `name` that takes `self`, sets `field` and
/// returns `self`.
macro_rules! setters {
    ($($(#[$doc:meta])* fn $name:ident($field:ident: $ty:ty);)*) => {
        $(
            $(#[$doc])*
            pub fn $name(mut self, $field: $ty) -> Self {
                self.$field = $field;
                self
            }
        )*
    };
}
#[cfg(any(feature = "aws-sdk-ecr", feature = "aws-sdk-ecrpublic"))]
pub(crate) use setters;

impl Options {
    /// The defaults, as [`Options::default`]: the start of a chain of
    /// setters, each named after the field it sets.
    ///
    /// ```
    /// use ecr_models::Options;
    ///
    /// let opts = Options::new().strict(true).allow_unknown_enums(true);
    /// assert!(opts.strict && opts.allow_unknown_enums);
    /// ```
    pub fn new() -> Self {
        Options::default()
    }

    setters! {
        /// Sets [`Options::strict`]: unknown members are violations.
        fn strict(strict: bool);

        /// Sets [`Options::allow_unknown_enums`].
        fn allow_unknown_enums(allow_unknown_enums: bool);

        /// Sets [`Options::max_violations`].
        fn max_violations(max_violations: usize);

        /// Sets [`Options::exact_outputs`]: responses are held to the model's
        /// list size bounds and closed enums too.
        fn exact_outputs(exact_outputs: bool);

        /// Sets [`Options::max_depth`].
        fn max_depth(max_depth: usize);

        /// Sets [`Options::max_number_length`].
        fn max_number_length(max_number_length: usize);

        /// Sets [`Options::embedded_documents`].
        fn embedded_documents(embedded_documents: bool);
    }
}
