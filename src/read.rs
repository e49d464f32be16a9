//! Reading while validating: one pass over the JSON that builds the typed
//! value and records every broken rule, with its path, instead of stopping at
//! the first. A rule broken below a value makes that value `None`; only
//! malformed JSON ends the pass early.
//!
//! Each reader ([`Kind`]) accepts the JSON types it wants and reports a `type`
//! violation for any other, consuming the value so the pass goes on.
//! Generated code composes readers per member, e.g.
//! `List::new(Str(&rules::REPOSITORY_NAME), &rules::REPOSITORY_NAME_LIST)`.

use std::collections::BTreeMap;
use std::marker::PhantomData;

use crate::blob::Blob;
use crate::error::{Code, Error, Violation};
use crate::options::Options;
use crate::parse::{Items, Limits, Members, Next, Parser, Syntax};
pub use crate::parse::{Number, Text};
use crate::rules::{quote, BlobRule, IntRule, ItemsRule, StrRule};
use crate::timestamp::Timestamp;

/// Where a value sits in the document, as a chain of segments on the stack:
/// nothing is allocated unless a violation is recorded.
#[derive(Debug, Clone, Copy)]
pub enum Path<'a> {
    /// The whole document.
    Root,
    /// A member or map entry of the parent.
    Key(&'a Path<'a>, &'a str),
    /// An item of the parent list.
    Index(&'a Path<'a>, usize),
}

impl<'a> Path<'a> {
    /// The path of member or map entry `key` below this one.
    pub fn key(&'a self, key: &'a str) -> Path<'a> {
        Path::Key(self, key)
    }

    /// The path of list item `index` below this one.
    pub fn index(&'a self, index: usize) -> Path<'a> {
        Path::Index(self, index)
    }

    /// The JSON Pointer (RFC 6901): `""` for the root, `/a/0/b~1c` below it.
    pub fn pointer(&self) -> String {
        let mut segments = Vec::new();
        let mut at = self;
        loop {
            match at {
                Path::Root => break,
                Path::Key(parent, key) => {
                    segments.push(Segment::Key(key));
                    at = parent;
                }
                Path::Index(parent, index) => {
                    segments.push(Segment::Index(*index));
                    at = parent;
                }
            }
        }
        let mut out = String::new();
        for segment in segments.iter().rev() {
            out.push('/');
            match segment {
                Segment::Key(key) => {
                    for c in key.chars() {
                        match c {
                            '~' => out.push_str("~0"),
                            '/' => out.push_str("~1"),
                            c => out.push(c),
                        }
                    }
                }
                Segment::Index(index) => out.push_str(&index.to_string()),
            }
        }
        out
    }
}

enum Segment<'a> {
    Key(&'a str),
    Index(usize),
}

/// The state of one pass: the options and the violations found so far.
#[derive(Debug)]
pub struct Cx<'o> {
    opts: &'o Options,
    violations: Vec<Violation>,
    omitted: usize,
    /// Whether readers build values; checking alone keeps nothing, so
    /// strings, list items and map entries are never allocated.
    build: bool,
    /// Whether lists are held to their item counts: in requests, not in
    /// responses ([`Options::list_bounds_apply`]).
    list_bounds: bool,
    /// Whether the document is the serialized form of a typed value, where
    /// `null` stands only for a NaN or infinite `f64` (every absent member
    /// is left out).
    serialized: bool,
}

impl<'o> Cx<'o> {
    /// A pass under `opts`.
    pub fn new(opts: &'o Options) -> Self {
        Cx {
            opts,
            violations: Vec::new(),
            omitted: 0,
            build: true,
            list_bounds: true,
            serialized: false,
        }
    }

    /// The pass judges a document of `role`, and every shape nested in it
    /// as part of it: a request's lists are held to their item counts, a
    /// response's are not (unless [`Options::exact_outputs`]).
    pub(crate) fn judging(mut self, role: crate::shape::Role) -> Self {
        self.list_bounds = self.opts.list_bounds_apply(role);
        self
    }

    /// The document is a typed value's own serialized form
    /// ([`crate::Model::validate`]): a `null` in it was a NaN or an
    /// infinite `f64`, which JSON cannot carry.
    pub(crate) fn serialized(mut self) -> Self {
        self.serialized = true;
        self
    }

    /// Whether `null` here stands for a number JSON cannot carry.
    pub(crate) fn null_is_non_finite(&self) -> bool {
        self.serialized
    }

    /// Records a `type` violation: a NaN or infinite number, which JSON
    /// cannot carry (serde_json writes it as `null`).
    pub(crate) fn non_finite(&mut self, path: &Path<'_>) {
        self.report(path, Code::Type, || {
            "a NaN or infinite number, which JSON cannot carry".to_string()
        });
    }

    /// A pass that only checks: the values it returns are empty stand-ins
    /// (empty strings and lists), and only the verdict counts.
    pub fn checking(opts: &'o Options) -> Self {
        Cx {
            build: false,
            ..Cx::new(opts)
        }
    }

    /// Whether this pass builds values.
    pub fn builds(&self) -> bool {
        self.build
    }

    /// The options of this pass.
    pub fn options(&self) -> &Options {
        self.opts
    }

    /// Records a violation; past the limit, only counts it.
    pub fn report(&mut self, path: &Path<'_>, code: Code, message: impl FnOnce() -> String) {
        if self.violations.len() < self.opts.max_violations {
            self.violations.push(Violation {
                path: path.pointer(),
                code,
                message: message(),
                line: None,
                column: None,
            });
        } else {
            self.omitted += 1;
        }
    }

    /// Records malformed JSON (or a limit passed), with its line and column.
    pub(crate) fn syntax(&mut self, error: &Syntax) {
        let violation = Violation {
            path: String::new(),
            code: if error.is_limit() {
                Code::Limit
            } else {
                Code::Syntax
            },
            message: error.message().to_string(),
            line: Some(error.line()),
            column: Some(error.column()),
        };
        if self.violations.len() < self.opts.max_violations {
            self.violations.push(violation);
        } else {
            // The syntax error says why the document ends early: keep it.
            self.omitted += 1;
            if let Some(last) = self.violations.last_mut() {
                *last = violation;
            }
        }
    }

    /// Whether nothing was recorded.
    pub fn is_clean(&self) -> bool {
        self.violations.is_empty() && self.omitted == 0
    }

    /// `Ok(value)` when nothing was recorded, else every violation.
    pub fn finish<T>(self, value: Option<T>) -> Result<T, Error> {
        match value {
            Some(value) if self.is_clean() => Ok(value),
            _ => Err(self.into_error()),
        }
    }

    /// The violations recorded, as an error.
    pub fn into_error(self) -> Error {
        Error::new(self.violations, self.omitted)
    }

    /// Records a `duplicate` violation: the member at `path` came before.
    pub(crate) fn duplicate_member(&mut self, path: &Path<'_>) {
        self.report(path, Code::Duplicate, || {
            "member appears more than once".to_string()
        });
    }

    /// Records a `required` violation: the member at `path` never came.
    pub(crate) fn missing_member(&mut self, path: &Path<'_>) {
        self.report(path, Code::Required, || {
            "required member is missing".to_string()
        });
    }

    /// Records an `enum` violation: `value` is none of `values`.
    pub(crate) fn not_one_of(&mut self, path: &Path<'_>, value: &str, values: &[&str]) {
        self.report(path, Code::Enum, || {
            format!("{} is not one of {}", quote(value), values.join(", "))
        });
    }

    fn wrong_type(&mut self, path: &Path<'_>, expected: &str, found: &str) {
        self.report(path, Code::Type, || {
            format!("expected {expected}, found {found}")
        });
    }

    /// A member the structure does not define: skipped, and in strict mode a violation.
    pub fn other_member(
        &mut self,
        map: &mut Members<'_, '_>,
        path: &Path<'_>,
        key: &str,
    ) -> Result<(), Syntax> {
        if self.opts.strict {
            self.report(&path.key(key), Code::UnknownField, || {
                format!("unknown member {}", quote(key))
            });
        }
        map.skip_value()
    }
}

/// A reader: which JSON types it accepts, what it builds, which rules it checks.
/// Each method handles one JSON type; the defaults report a `type` violation.
pub trait Kind: Copy {
    /// What it builds.
    type Value;

    /// The JSON type it wants, for messages: `a string`.
    fn expected(&self) -> &'static str;

    /// A string.
    fn text(self, cx: &mut Cx<'_>, path: &Path<'_>, text: Text<'_>) -> Option<Self::Value> {
        let _ = text;
        cx.wrong_type(path, self.expected(), "a string");
        None
    }

    /// A number.
    fn number(self, cx: &mut Cx<'_>, path: &Path<'_>, n: Number) -> Option<Self::Value> {
        let _ = n;
        cx.wrong_type(path, self.expected(), "a number");
        None
    }

    /// `true` or `false`.
    fn boolean(self, cx: &mut Cx<'_>, path: &Path<'_>, b: bool) -> Option<Self::Value> {
        let _ = b;
        cx.wrong_type(path, self.expected(), "a boolean");
        None
    }

    /// `null` where a value is required.
    fn null(self, cx: &mut Cx<'_>, path: &Path<'_>) -> Option<Self::Value> {
        cx.wrong_type(path, self.expected(), "null");
        None
    }

    /// An array: the reader is inside it, and must leave it read to its end.
    fn seq(
        self,
        cx: &mut Cx<'_>,
        path: &Path<'_>,
        items: Items<'_, '_>,
    ) -> Result<Option<Self::Value>, Syntax> {
        items.skip_rest()?;
        cx.wrong_type(path, self.expected(), "an array");
        Ok(None)
    }

    /// An object: the reader is inside it, and must leave it read to its end.
    fn map(
        self,
        cx: &mut Cx<'_>,
        path: &Path<'_>,
        members: Members<'_, '_>,
    ) -> Result<Option<Self::Value>, Syntax> {
        members.skip_rest()?;
        cx.wrong_type(path, self.expected(), "an object");
        Ok(None)
    }

    /// Reads one value of any JSON type from `p`.
    #[inline]
    fn read(
        self,
        p: &mut Parser<'_>,
        cx: &mut Cx<'_>,
        path: &Path<'_>,
    ) -> Result<Option<Self::Value>, Syntax> {
        read_any(self, p, cx, path)
    }
}

/// What [`Kind::read`] does unless a reader overrides it: one dispatch on
/// the JSON type, to the method for it.
#[inline]
pub(crate) fn read_any<K: Kind>(
    k: K,
    p: &mut Parser<'_>,
    cx: &mut Cx<'_>,
    path: &Path<'_>,
) -> Result<Option<K::Value>, Syntax> {
    Ok(match p.next_value()? {
        Next::String => {
            let text = p.string()?;
            k.text(cx, path, text)
        }
        Next::Number => {
            let n = p.number()?;
            k.number(cx, path, n)
        }
        Next::Bool | Next::Null => match p.literal()? {
            Some(b) => k.boolean(cx, path, b),
            None => k.null(cx, path),
        },
        Next::Array => return k.seq(cx, path, p.array()?),
        Next::Object => return k.map(cx, path, p.object()?),
    })
}

/// An optional member's reader: `null` means absent (`Some(None)`), any
/// other value goes to the inner reader. One dispatch on the JSON type, not
/// a peek for `null` and then another.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Optional<K>(pub(crate) K);

impl<K: Kind> Kind for Optional<K> {
    type Value = Option<K::Value>;

    fn expected(&self) -> &'static str {
        self.0.expected()
    }

    fn text(self, cx: &mut Cx<'_>, path: &Path<'_>, text: Text<'_>) -> Option<Self::Value> {
        self.0.text(cx, path, text).map(Some)
    }

    fn number(self, cx: &mut Cx<'_>, path: &Path<'_>, n: Number) -> Option<Self::Value> {
        self.0.number(cx, path, n).map(Some)
    }

    fn boolean(self, cx: &mut Cx<'_>, path: &Path<'_>, b: bool) -> Option<Self::Value> {
        self.0.boolean(cx, path, b).map(Some)
    }

    fn null(self, _: &mut Cx<'_>, _: &Path<'_>) -> Option<Self::Value> {
        Some(None)
    }

    fn seq(
        self,
        cx: &mut Cx<'_>,
        path: &Path<'_>,
        items: Items<'_, '_>,
    ) -> Result<Option<Self::Value>, Syntax> {
        Ok(self.0.seq(cx, path, items)?.map(Some))
    }

    fn map(
        self,
        cx: &mut Cx<'_>,
        path: &Path<'_>,
        members: Members<'_, '_>,
    ) -> Result<Option<Self::Value>, Syntax> {
        Ok(self.0.map(cx, path, members)?.map(Some))
    }
}

/// One member of a structure being read.
pub enum Slot<T> {
    /// Not seen.
    Missing,
    /// Seen as `null` (optional members only).
    Null,
    /// Seen, and broke a rule (or appeared twice).
    Invalid,
    /// Seen and valid.
    Valid(T),
}

impl<T> Slot<T> {
    fn seen(&self, cx: &mut Cx<'_>, path: &Path<'_>) -> bool {
        let seen = !matches!(self, Slot::Missing);
        if seen {
            cx.duplicate_member(path);
        }
        seen
    }

    /// Reads a required member's value: `null` is a `type` violation.
    pub fn read_required<K: Kind<Value = T>>(
        &mut self,
        map: &mut Members<'_, '_>,
        kind: K,
        cx: &mut Cx<'_>,
        parent: &Path<'_>,
        name: &str,
    ) -> Result<(), Syntax> {
        let path = parent.key(name);
        let duplicate = self.seen(cx, &path);
        let got = kind.read(map.parser(), cx, &path)?;
        *self = match got {
            Some(value) if !duplicate => Slot::Valid(value),
            _ => Slot::Invalid,
        };
        Ok(())
    }

    /// Reads an optional member's value: `null` means absent.
    pub fn read_optional<K: Kind<Value = T>>(
        &mut self,
        map: &mut Members<'_, '_>,
        kind: K,
        cx: &mut Cx<'_>,
        parent: &Path<'_>,
        name: &str,
    ) -> Result<(), Syntax> {
        let path = parent.key(name);
        let duplicate = self.seen(cx, &path);
        let got = Optional(kind).read(map.parser(), cx, &path)?;
        *self = match got {
            _ if duplicate => Slot::Invalid,
            Some(None) => Slot::Null,
            None => Slot::Invalid,
            Some(Some(value)) => Slot::Valid(value),
        };
        Ok(())
    }

    /// The value of a required member; a `required` violation when absent.
    pub fn required(self, cx: &mut Cx<'_>, parent: &Path<'_>, name: &str) -> Option<T> {
        match self {
            Slot::Valid(value) => Some(value),
            Slot::Missing => {
                cx.missing_member(&parent.key(name));
                None
            }
            Slot::Null | Slot::Invalid => None,
        }
    }

    /// The value of an optional member: `Some(None)` when absent or `null`,
    /// `None` when invalid.
    pub fn optional(self) -> Option<Option<T>> {
        match self {
            Slot::Valid(value) => Some(Some(value)),
            Slot::Missing | Slot::Null => Some(None),
            Slot::Invalid => None,
        }
    }
}

/// A structure that reads itself from a JSON object: generated for every
/// structure shape.
pub trait ReadStruct: Sized {
    /// The JSON type for messages.
    const EXPECTED: &'static str = "an object";

    /// Reads the members of one object.
    fn read_map(
        map: Members<'_, '_>,
        cx: &mut Cx<'_>,
        path: &Path<'_>,
    ) -> Result<Option<Self>, Syntax>;
}

/// An enum that keeps values the model does not know: generated for every
/// enum shape.
pub trait ModelEnum: Sized {
    /// Every known value, in model order.
    const VALUES: &'static [&'static str];

    /// The variant of a known value.
    fn from_known(value: &str) -> Option<Self>;

    /// The variant that keeps an unknown value.
    fn from_unknown(value: String) -> Self;

    /// The value on the wire.
    fn as_str(&self) -> &str;
}

/// A string shape.
#[derive(Debug, Clone, Copy)]
pub struct Str(pub &'static StrRule);

impl Kind for Str {
    type Value = String;

    fn expected(&self) -> &'static str {
        "a string"
    }

    #[inline]
    fn text(self, cx: &mut Cx<'_>, path: &Path<'_>, text: Text<'_>) -> Option<String> {
        let mut ok = true;
        self.0.check(text.as_str(), |code, message| {
            ok = false;
            cx.report(path, code, || message);
        });
        match ok {
            false => None,
            true if cx.build => Some(text.into_string()),
            true => Some(String::new()),
        }
    }
}

/// An integer or long shape, read into `T` (`i32` or `i64`).
#[derive(Debug)]
pub struct Int<T>(pub &'static IntRule, PhantomData<T>);

impl<T> Clone for Int<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Int<T> {}

impl<T> Int<T> {
    /// A reader for a shape with `rule`.
    pub const fn new(rule: &'static IntRule) -> Self {
        Int(rule, PhantomData)
    }
}

impl<T: TryFrom<i64>> Kind for Int<T> {
    type Value = T;

    fn expected(&self) -> &'static str {
        "an integer"
    }

    #[inline]
    fn number(self, cx: &mut Cx<'_>, path: &Path<'_>, n: Number) -> Option<T> {
        match n.integer() {
            Ok(v) if (self.0.min..=self.0.max).contains(&v) => T::try_from(v).ok(),
            Err(false) => {
                cx.report(path, Code::Type, || {
                    format!("expected an integer, found {n}")
                });
                None
            }
            Ok(_) | Err(true) => {
                cx.report(path, Code::Range, || self.0.out_of_range(&n));
                None
            }
        }
    }
}

/// A double or float shape.
#[derive(Debug, Clone, Copy)]
pub struct Double;

impl Kind for Double {
    type Value = f64;

    fn expected(&self) -> &'static str {
        "a number"
    }

    fn number(self, _: &mut Cx<'_>, _: &Path<'_>, n: Number) -> Option<f64> {
        Some(n.as_f64())
    }
}

/// A boolean shape.
#[derive(Debug, Clone, Copy)]
pub struct Bool;

impl Kind for Bool {
    type Value = bool;

    fn expected(&self) -> &'static str {
        "a boolean"
    }

    fn boolean(self, _: &mut Cx<'_>, _: &Path<'_>, b: bool) -> Option<bool> {
        Some(b)
    }
}

/// A timestamp shape: epoch seconds or an accepted date-time string.
#[derive(Debug, Clone, Copy)]
pub struct Time;

impl Kind for Time {
    type Value = Timestamp;

    fn expected(&self) -> &'static str {
        "a timestamp (epoch seconds or a date-time string)"
    }

    fn text(self, cx: &mut Cx<'_>, path: &Path<'_>, text: Text<'_>) -> Option<Timestamp> {
        let s = text.as_str();
        Timestamp::parse_str(s)
            .map_err(|e| cx.report(path, Code::Timestamp, || format!("{}: {e}", quote(s))))
            .ok()
    }

    #[inline]
    fn number(self, cx: &mut Cx<'_>, path: &Path<'_>, n: Number) -> Option<Timestamp> {
        if !cx.build {
            // The verdict needs only the range, not the date.
            if n.as_f64_exact().is_some_and(Timestamp::surely_in_range) {
                return Some(Timestamp::UNIX_EPOCH);
            }
        }
        let parsed = match n {
            Number::I64(v) => Timestamp::from_epoch_seconds_i64(v),
            Number::U64(v) => Timestamp::from_epoch_seconds_u64(v),
            Number::F64(v) => Timestamp::from_epoch_seconds_f64(v),
        };
        parsed
            .map_err(|e| cx.report(path, Code::Timestamp, || e.to_string()))
            .ok()
    }
}

/// A blob shape: canonical padded base64, size checked after decoding.
#[derive(Debug, Clone, Copy)]
pub struct Bytes(pub &'static BlobRule);

impl Kind for Bytes {
    type Value = Blob;

    fn expected(&self) -> &'static str {
        "a base64 string"
    }

    fn text(self, cx: &mut Cx<'_>, path: &Path<'_>, text: Text<'_>) -> Option<Blob> {
        match Blob::from_base64(text.as_str()) {
            Ok(blob) => match self.0.check(blob.len() as u64) {
                None => Some(blob),
                Some(message) => {
                    cx.report(path, Code::Length, || message);
                    None
                }
            },
            Err(e) => {
                cx.report(path, Code::Base64, || e.to_string());
                None
            }
        }
    }
}

/// An enum shape.
#[derive(Debug)]
pub struct Enum<E>(PhantomData<E>);

impl<E> Clone for Enum<E> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<E> Copy for Enum<E> {}

impl<E> Enum<E> {
    /// The reader.
    pub const fn new() -> Self {
        Enum(PhantomData)
    }
}

impl<E> Default for Enum<E> {
    fn default() -> Self {
        Self::new()
    }
}

impl<E: ModelEnum> Kind for Enum<E> {
    type Value = E;

    fn expected(&self) -> &'static str {
        "a string"
    }

    fn text(self, cx: &mut Cx<'_>, path: &Path<'_>, text: Text<'_>) -> Option<E> {
        if let Some(known) = E::from_known(text.as_str()) {
            return Some(known);
        }
        if cx.options().allow_unknown_enums {
            return Some(E::from_unknown(text.into_string()));
        }
        cx.not_one_of(path, text.as_str(), E::VALUES);
        None
    }
}

/// A structure shape.
#[derive(Debug)]
pub struct Struct<T>(PhantomData<T>);

impl<T> Clone for Struct<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Struct<T> {}

impl<T> Struct<T> {
    /// The reader.
    pub const fn new() -> Self {
        Struct(PhantomData)
    }
}

impl<T> Default for Struct<T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<T: ReadStruct> Kind for Struct<T> {
    type Value = T;

    fn expected(&self) -> &'static str {
        T::EXPECTED
    }

    fn map(
        self,
        cx: &mut Cx<'_>,
        path: &Path<'_>,
        members: Members<'_, '_>,
    ) -> Result<Option<T>, Syntax> {
        T::read_map(members, cx, path)
    }
}

/// A list shape: its items' reader and its size rule.
#[derive(Debug, Clone, Copy)]
pub struct List<K>(pub K, pub &'static ItemsRule);

impl<K> List<K> {
    /// A list of `item`s under `rule`.
    pub const fn new(item: K, rule: &'static ItemsRule) -> Self {
        List(item, rule)
    }

    /// Reads the items with `read`, which reads one item at the path it is
    /// given, and checks their number: what [`Kind::seq`] does with the
    /// item reader, for a caller that reads items its own way.
    pub(crate) fn items<V>(
        &self,
        cx: &mut Cx<'_>,
        path: &Path<'_>,
        mut items: Items<'_, '_>,
        mut read: impl FnMut(&mut Parser<'_>, &mut Cx<'_>, &Path<'_>) -> Result<Option<V>, Syntax>,
    ) -> Result<Option<Vec<V>>, Syntax> {
        let max = match self.1.max {
            Some(m) if cx.list_bounds => usize::try_from(m).unwrap_or(usize::MAX),
            _ => usize::MAX,
        };
        let mut items_out = Vec::new();
        let mut ok = true;
        let mut count = 0usize;
        while items.next_item()? {
            let item = read(items.parser(), cx, &path.index(count))?;
            count += 1;
            match item {
                // Past the limit the list is invalid anyway: keep nothing.
                Some(item) if ok && count <= max => {
                    if cx.build {
                        items_out.push(item);
                    }
                }
                _ => ok = false,
            }
        }
        if cx.list_bounds {
            if let Some(message) = self.1.check(count as u64) {
                cx.report(path, Code::Items, || message);
                ok = false;
            }
        }
        Ok(ok.then_some(items_out))
    }
}

impl<K: Kind> Kind for List<K> {
    type Value = Vec<K::Value>;

    fn expected(&self) -> &'static str {
        "an array"
    }

    fn seq(
        self,
        cx: &mut Cx<'_>,
        path: &Path<'_>,
        items: Items<'_, '_>,
    ) -> Result<Option<Self::Value>, Syntax> {
        let item = self.0;
        self.items(cx, path, items, |p, cx, path| item.read(p, cx, path))
    }
}

/// The raw keys of one map, to find a key given twice (by its text, not by
/// the value read from it): the first few borrowed keys in an array on the
/// stack, the rest (and any key that held escapes) in a set.
#[derive(Default)]
struct SeenKeys<'de> {
    small: [&'de str; 8],
    count: usize,
    large: std::collections::BTreeSet<String>,
}

impl<'de> SeenKeys<'de> {
    fn contains(&self, key: &str) -> bool {
        let small = self.small.get(..self.count).unwrap_or(&self.small);
        small.contains(&key) || (!self.large.is_empty() && self.large.contains(key))
    }

    fn insert(&mut self, key: Text<'de>) {
        match (key, self.small.get_mut(self.count)) {
            (Text::Str(key), Some(slot)) => {
                *slot = key;
                self.count += 1;
            }
            (key, _) => {
                self.large.insert(key.into_string());
            }
        }
    }
}

/// A map shape: its keys' reader (a string or enum shape) and its values'.
#[derive(Debug, Clone, Copy)]
pub struct Map<K, V>(pub K, pub V);

impl<K: Kind, V: Kind> Kind for Map<K, V>
where
    K::Value: Ord,
{
    type Value = BTreeMap<K::Value, V::Value>;

    fn expected(&self) -> &'static str {
        "an object"
    }

    fn map(
        self,
        cx: &mut Cx<'_>,
        path: &Path<'_>,
        mut members: Members<'_, '_>,
    ) -> Result<Option<Self::Value>, Syntax> {
        let mut out = BTreeMap::new();
        let mut seen = SeenKeys::default();
        let mut ok = true;
        while let Some(key) = members.next_key()? {
            let entry = path.key(&key);
            let k = self.0.text(cx, &entry, Text::Str(&key));
            let v = self.1.read(members.parser(), cx, &entry)?;
            if seen.contains(&key) {
                cx.report(&entry, Code::Duplicate, || {
                    "map key appears more than once".to_string()
                });
                ok = false;
            }
            match (k, v) {
                (Some(k), Some(v)) if ok && cx.build => {
                    out.insert(k, v);
                }
                (Some(_), Some(_)) => {}
                _ => ok = false,
            }
            seen.insert(key);
        }
        Ok(ok.then_some(out))
    }
}

/// A value's JSON text. Writing a `Value` cannot fail: its map keys are strings.
pub(crate) fn value_text(value: &serde_json::Value) -> Vec<u8> {
    serde_json::to_vec(value).unwrap_or_default()
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
