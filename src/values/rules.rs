//! The rule kinds of the AWS model, one type each: what a rule is, how it is
//! checked, and how it is said in words. Generated code declares one static
//! per constrained model shape; the readers, the JSON Schema writer and the
//! inspector all use these same statics.

use std::fmt::{self, Write as _};
use std::sync::OnceLock;

use regex::Regex;
use regex_automata::dfa::dense::{self, DFA};
use regex_automata::dfa::{Automaton, StartKind};
use regex_automata::util::primitives::StateID;
use regex_automata::util::start;
use regex_automata::Anchored;

mod runs;
pub(crate) mod words;

pub(crate) use runs::Run;

/// How many characters of an offending value a message quotes.
const QUOTE_CHARS: usize = 100;

/// A model pattern, in the three forms it is used in.
#[derive(Debug)]
pub struct Pattern {
    /// The pattern exactly as the AWS model writes it (unanchored).
    pub model: &'static str,
    /// A whole-value form for Rust's `regex` crate: `^(?:...)$`.
    pub anchored: &'static str,
    /// A whole-value form that means the same in ECMA-262 (`u` flag) and
    /// Python's `re`, as JSON Schema validators use it.
    pub portable: &'static str,
    compiled: OnceLock<Regex>,
    /// The DFA and its anchored start state (at the start of a value).
    dfa: OnceLock<Option<(DFA<Vec<u32>>, StateID)>>,
    /// The pattern as runs of ASCII classes, when it is one ([`Run`]);
    /// empty when it is not.
    runs: &'static [Run],
}

/// The largest DFA built for one pattern: a pattern whose DFA would be
/// larger is matched by `regex` alone (no model pattern comes close).
const DFA_SIZE_LIMIT: usize = 1 << 20;

impl Pattern {
    /// A pattern; the generator writes these, and a test compiles every one.
    pub const fn new(model: &'static str, anchored: &'static str, portable: &'static str) -> Self {
        Pattern::with_runs(model, anchored, portable, &[])
    }

    /// A pattern that is `runs` of ASCII classes, and is matched by them:
    /// the generator writes these where it finds a pattern to be one (see
    /// [`Run`] for what the runs must hold).
    pub(crate) const fn with_runs(
        model: &'static str,
        anchored: &'static str,
        portable: &'static str,
        runs: &'static [Run],
    ) -> Self {
        Pattern {
            model,
            anchored,
            portable,
            compiled: OnceLock::new(),
            dfa: OnceLock::new(),
            runs,
        }
    }

    /// The compiled whole-value regex (compiled once, on first use).
    pub fn regex(&self) -> &Regex {
        self.compiled.get_or_init(|| {
            // The patterns come from the vendored model, not from input, and
            // `every_model_pattern_compiles` pins that each one does.
            Regex::new(self.anchored).expect("model pattern compiles")
        })
    }

    /// The pattern as a fully built DFA, anchored at the start (built once,
    /// on first use): it answers a short value in one step per byte, with
    /// no cache to fetch or fill as `regex`'s lazy engine has.
    pub fn dfa(&self) -> Option<&DFA<Vec<u32>>> {
        self.dfa_start().map(|(dfa, _)| dfa)
    }

    fn dfa_start(&self) -> Option<(&DFA<Vec<u32>>, StateID)> {
        self.dfa
            .get_or_init(|| {
                let config = dense::Config::new()
                    .start_kind(StartKind::Anchored)
                    .dfa_size_limit(Some(DFA_SIZE_LIMIT))
                    .determinize_size_limit(Some(DFA_SIZE_LIMIT));
                let dfa = dense::Builder::new()
                    .configure(config)
                    .build(self.anchored)
                    .ok()?;
                let start = dfa
                    .start_state(&start::Config::new().anchored(Anchored::Yes))
                    .ok()?;
                Some((dfa, start))
            })
            .as_ref()
            .map(|(dfa, start)| (dfa, *start))
    }

    /// Whether the whole value matches: by the pattern's runs of ASCII
    /// classes where it is one (a registry id, a tag, a UUID), else by its
    /// DFA, else by `regex`.
    pub fn is_match(&self, value: &str) -> bool {
        if !self.runs.is_empty() {
            return runs::matches(self.runs, value.as_bytes());
        }
        match self.dfa_start() {
            Some((dfa, start)) => {
                // A step per byte from the anchored start; the pattern ends
                // in `$`, so the value matches when the state after its end
                // is a match state. The dead state and the quit state (a
                // byte the DFA cannot decide, as for Unicode word
                // boundaries) lead only to themselves (regex-automata's
                // `Automaton::is_quit_state`), so the walk tests neither on
                // the way: a value that ends dead does not match, and one
                // that ends in the quit state is left to `regex`.
                let mut state = start;
                for &b in value.as_bytes() {
                    state = dfa.next_state(state, b);
                }
                if dfa.is_quit_state(state) {
                    return self.regex().is_match(value);
                }
                dfa.is_match_state(dfa.next_eoi_state(state))
            }
            None => self.regex().is_match(value),
        }
    }
}

/// Rules of a string shape: length in Unicode scalar values, and a pattern.
#[derive(Debug)]
pub struct StrRule {
    /// Fewest characters.
    pub min: Option<u64>,
    /// Most characters.
    pub max: Option<u64>,
    /// The whole value must match.
    pub pattern: Option<&'static Pattern>,
    /// Whether the value is a credential that no message may quote.
    pub secret: bool,
    /// The document the text carries (a lifecycle policy, a policy, an
    /// image manifest), checked inside it unless
    /// [`Options::embedded_documents`](crate::Options::embedded_documents)
    /// is off.
    pub document: Option<&'static Embedded>,
}

/// A kind of document that a string member carries as JSON text, and how
/// it is checked: the rules live with the document (`crate::documents`);
/// this layer only holds the way there, so that a string's rule can name
/// its document without the readers naming the layer above them.
#[derive(Debug)]
pub struct Embedded {
    /// The document's name: `LifecyclePolicy`, `RepositoryPolicy`,
    /// `RegistryPolicy`, `ImageManifest`; its schema is
    /// `schemas/<service>/documents/<name>.json`.
    pub name: &'static str,
    /// What it is, in words: `a lifecycle policy`.
    pub title: &'static str,
    /// Checks a text (UTF-8; a byte that is not is malformed JSON where it
    /// is) under the options; whether the document is held to
    /// every rule (a request, or [`Options::exact_outputs`](crate::Options::exact_outputs))
    /// or only to those AWS is seen to enforce (a response). The
    /// violations' paths are relative to the document.
    pub check: fn(&[u8], &crate::Options, bool) -> Result<(), crate::Error>,
    /// The document's JSON Schema (2020-12), every rule JSON Schema can
    /// say, as a request carries it; its description names the rest.
    pub schema: fn() -> serde_json::Value,
    /// The `$id` of that schema, which the schemas of the members carrying
    /// the document name as their `contentSchema`:
    /// `urn:ecr-models:ecr:documents:LifecyclePolicy`.
    pub schema_id: &'static str,
    /// A member of the document that the structure carrying it may give
    /// beside it instead (an image manifest's `mediaType`, which
    /// `imageManifestMediaType` stands in for).
    pub stand_in: Option<StandIn>,
}

/// A member a document needs unless the request carrying it gives another
/// beside it: a rule of the carrying structure, which only it can settle
/// once all its members are read. Requests are held to it; a response's
/// structure gave AWS's own answer.
#[derive(Debug)]
#[non_exhaustive]
pub struct StandIn {
    /// The document's member: `mediaType`.
    pub member: &'static str,
    /// The member of the carrying structure that stands in for it:
    /// `imageManifestMediaType`.
    pub beside: &'static str,
    /// What AWS answers when neither is given, and where that is seen.
    pub evidence: &'static str,
}

impl StrRule {
    /// A string with no rules.
    pub const ANY: StrRule = StrRule {
        min: None,
        max: None,
        pattern: None,
        secret: false,
        document: None,
    };

    /// Checks `value`, calling `report` for each broken rule.
    #[inline]
    pub(crate) fn check(&self, value: &str, mut report: impl FnMut(crate::Code, String)) {
        if self.min.is_some() || self.max.is_some() {
            let bytes = value.len() as u64;
            // chars <= bytes <= 4 * chars: most values are settled without counting.
            let settled = self.max.is_none_or(|max| bytes <= max)
                && self.min.is_none_or(|min| bytes.div_ceil(4) >= min);
            if !settled {
                let chars = value.chars().count() as u64;
                if let Some(msg) = length_message(chars, self.min, self.max, "character") {
                    report(crate::Code::Length, msg);
                }
            }
        }
        if let Some(p) = self.pattern {
            if !p.is_match(value) {
                let shown = if self.secret {
                    "the value".to_string()
                } else {
                    quote(value)
                };
                report(
                    crate::Code::Pattern,
                    format!("{shown} does not match the pattern {}", p.anchored),
                );
            }
        }
    }

    /// The rules in words, as the generated docs and `inspect` state
    /// them: ``length 2..=256 characters, pattern `^(?:[a-z]+)$` ``, then
    /// `secret (...)` for a credential; `""` for no rule.
    ///
    /// ```
    /// use ecr_models::rules::StrRule;
    ///
    /// let rule = StrRule { min: None, max: Some(2048), ..StrRule::ANY };
    /// assert_eq!(rule.describe(), "length 0..=2048 characters");
    /// ```
    pub fn describe(&self) -> String {
        words::string(
            self.min,
            self.max,
            self.pattern.map(|p| p.anchored),
            self.secret,
            self.document.map(|d| d.name),
        )
    }
}

/// `10^n`, for `n` up to 18 (the powers an `i64` holds).
#[inline]
pub(crate) fn power_of_ten(n: usize) -> Option<i64> {
    const POWERS: [i64; 19] = {
        let mut powers = [1; 19];
        let mut i = 1;
        while i < 19 {
            powers[i] = powers[i - 1] * 10;
            i += 1;
        }
        powers
    };
    POWERS.get(n).copied()
}

/// The range of an integer or long shape, including the limits of its type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IntRule {
    /// Smallest value.
    pub min: i64,
    /// Largest value.
    pub max: i64,
}

impl IntRule {
    /// Any `i32`.
    pub const I32: IntRule = IntRule {
        min: i32::MIN as i64,
        max: i32::MAX as i64,
    };
    /// Any `i64`.
    pub const I64: IntRule = IntRule {
        min: i64::MIN,
        max: i64::MAX,
    };

    /// Whether every integer of at least 0 and below `10^digits` is in
    /// range: how a check that skips numbers' values settles most of them.
    #[inline]
    pub(crate) fn holds_below(&self, digits: usize) -> bool {
        self.min <= 0 && power_of_ten(digits).is_some_and(|p| p - 1 <= self.max)
    }

    pub(crate) fn out_of_range(&self, shown: &dyn std::fmt::Display) -> String {
        format!("{shown} is outside the {}", self.describe())
    }

    /// The range in words, the limits of its type written out:
    /// `range 1..=1000`, `range 0..=9223372036854775807`.
    pub fn describe(&self) -> String {
        words::range(self.min, self.max)
    }

    /// The range in words when it narrows `ty` ([`IntRule::I32`] or
    /// [`IntRule::I64`]), as a member's docs state it; `""` for the whole type.
    pub(crate) fn describe_within(&self, ty: &IntRule) -> String {
        words::narrowed_range(self.min, self.max, ty.min, ty.max).unwrap_or_default()
    }
}

/// A rule on how many of something a value holds (a list's items, a
/// blob's bytes): the fewest and the most, each optional. `$unit` names
/// one of what is counted, in the field docs and the messages.
macro_rules! count_rule {
    ($(#[$doc:meta])* $rule:ident counts $unit:literal, $any:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub struct $rule {
            #[doc = concat!("Fewest ", $unit, "s.")]
            pub min: Option<u64>,
            #[doc = concat!("Most ", $unit, "s.")]
            pub max: Option<u64>,
        }

        impl $rule {
            #[doc = $any]
            pub const ANY: $rule = $rule {
                min: None,
                max: None,
            };

            /// The message for a value of `count` items (or bytes), when
            /// that breaks the rule.
            #[inline]
            pub(crate) fn check(&self, count: u64) -> Option<String> {
                length_message(count, self.min, self.max, $unit)
            }
        }
    };
}

count_rule! {
    /// Item count of a list shape.
    ItemsRule counts "item", "A list of any size."
}

impl ItemsRule {
    /// The rule in words, e.g. `items 1..=100`, `items 0..=50`, or `""`.
    pub fn describe(&self) -> String {
        words::items(self.min, self.max).unwrap_or_default()
    }
}

count_rule! {
    /// Size of a blob shape, in decoded bytes.
    BlobRule counts "byte", "A blob of any size."
}

impl BlobRule {
    /// The rule in words, e.g. `size 0..=20971520 bytes`, or `""`.
    pub fn describe(&self) -> String {
        words::size(self.min, self.max).unwrap_or_default()
    }
}

/// Each rule type is displayed as it describes itself (`describe`).
macro_rules! displayed_as_described {
    ($($rule:ident),*) => {$(
        impl fmt::Display for $rule {
            #[doc = concat!("[`", stringify!($rule), "::describe`].")]
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.describe())
            }
        }
    )*};
}

displayed_as_described!(StrRule, IntRule, ItemsRule, BlobRule);

/// The message for a size `n` outside `min..=max`; `None` inside it, which
/// is settled inline (every list, blob and counted string asks).
#[inline]
fn length_message(n: u64, min: Option<u64>, max: Option<u64>, unit: &str) -> Option<String> {
    if min.is_none_or(|min| n >= min) && max.is_none_or(|max| n <= max) {
        return None;
    }
    out_of_bounds(n, min, max, unit)
}

#[cold]
#[inline(never)]
fn out_of_bounds(n: u64, min: Option<u64>, max: Option<u64>, unit: &str) -> Option<String> {
    let plural = |k: u64| if k == 1 { "" } else { "s" };
    match (min, max) {
        (Some(min), _) if n < min => Some(format!(
            "expected at least {min} {unit}{}, found {n}",
            plural(min)
        )),
        (_, Some(max)) if n > max => Some(format!(
            "expected at most {max} {unit}{}, found {n}",
            plural(max)
        )),
        _ => None,
    }
}

/// A value for a message: JSON-quoted, at most about 100 characters.
pub(crate) fn quote(value: &str) -> String {
    let mut out = String::with_capacity(value.len().min(QUOTE_CHARS * 2) + 8);
    out.push('"');
    let mut chars = value.chars();
    for c in chars.by_ref().take(QUOTE_CHARS) {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    let rest = chars.count();
    if rest > 0 {
        let _ = write!(out, " (and {rest} more characters)");
    }
    out
}
