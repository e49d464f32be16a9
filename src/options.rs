//! How a document is read: strictness, enums, limits, and which rules a
//! document's role is held to. Above the shape descriptions (whose roles it
//! judges) and below every reader.

use crate::shape::Role;

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

    /// Sets [`Options::strict`]: unknown members are violations.
    pub fn strict(mut self, strict: bool) -> Self {
        self.strict = strict;
        self
    }

    /// Sets [`Options::allow_unknown_enums`].
    pub fn allow_unknown_enums(mut self, allow: bool) -> Self {
        self.allow_unknown_enums = allow;
        self
    }

    /// Sets [`Options::max_violations`].
    pub fn max_violations(mut self, max: usize) -> Self {
        self.max_violations = max;
        self
    }

    /// Sets [`Options::exact_outputs`]: responses are held to the model's
    /// list size bounds and closed enums too.
    pub fn exact_outputs(mut self, exact: bool) -> Self {
        self.exact_outputs = exact;
        self
    }

    /// Sets [`Options::max_depth`].
    pub fn max_depth(mut self, depth: usize) -> Self {
        self.max_depth = depth;
        self
    }

    /// Sets [`Options::max_number_length`].
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

    /// Whether a document of `role` is held to its enums' known values: a
    /// value the model does not list is an `enum` violation rather than
    /// kept in the enum's `Unknown` variant. Requests are (AWS's servers
    /// refuse such a value), unless [`Options::allow_unknown_enums`].
    /// Responses and error bodies are not, unless [`Options::exact_outputs`]
    /// asks for the letter of the model: Smithy's enums are open (adding a
    /// value is a backward-compatible change and clients must accept values
    /// they do not know), every AWS SDK keeps them (aws-sdk-ecr's `Unknown`
    /// variants), and AWS answers with values newer than any model:
    /// DescribeImageScanFindings of an enhanced scan counts `UNTRIAGED`
    /// findings in `findingSeverityCounts`, a value no botocore model lists.
    pub fn enums_closed(&self, role: Role) -> bool {
        !self.allow_unknown_enums && (self.exact_outputs || !role.is_response())
    }
}
