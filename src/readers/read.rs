//! Reading while validating: one pass over the JSON that builds the typed
//! value and records every broken rule, with its path, instead of stopping at
//! the first. A rule broken below a value makes that value `None`; only
//! malformed JSON ends the pass early.
//!
//! Each reader ([`Kind`]) accepts the JSON types it wants and reports a `type`
//! violation for any other, consuming the value so the pass goes on. Each
//! Rust value type has one reader, built from a shape description
//! ([`Typed`]): a `Vec<String>` member described as a list of repository
//! names is read by `List::new(Str(&rules::REPOSITORY_NAME), ...)`, its
//! rules taken from the shape tables, so generated code names types only.
//!
//! Every object of a structure is read by one routine, [`read_struct`],
//! which holds every structure-level rule and hands each member's value to
//! a sink ([`Fields`]): a structure's generated slots, the checker's
//! (`check.rs`), or an error body's (`aws_error.rs`). What a reader keeps
//! is its value type: the checker's readers yield `()`.

use std::collections::BTreeMap;
use std::marker::PhantomData;

use crate::blob::Blob;
use crate::enums::ModelEnum;
use crate::error::{Code, Error, Violation};
use crate::options::Options;
use crate::parse::{Items, Limits, Members, Next, Parser, Syntax};
pub use crate::parse::{Number, Text};
use crate::rules::{quote, BlobRule, Embedded, IntRule, ItemsRule, StandIn, StrRule};
use crate::shape::{Member, StructShape, Ty};
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
    /// Whether lists are held to their item counts: in requests, not in
    /// responses ([`Options::list_bounds_apply`]).
    list_bounds: bool,
    /// Whether enums are held to their known values: in requests, not in
    /// responses ([`Options::enums_closed`]).
    closed_enums: bool,
    /// Whether the document is a response or an error body: an embedded
    /// document in it is held only to the rules AWS is seen to enforce.
    response: bool,
    /// Whether the document is the serialized form of a typed value, where
    /// `null` stands only for a NaN or infinite `f64` (every absent member
    /// is left out).
    serialized: bool,
    /// The documents read so far that lack a member the structure carrying
    /// them may give instead ([`StandIn`]): where the member belongs, and
    /// the rule. The structure settles them once its members are read
    /// ([`read_struct`]).
    stand_ins: Vec<(String, &'static StandIn)>,
}

impl<'o> Cx<'o> {
    /// A pass under `opts`.
    pub fn new(opts: &'o Options) -> Self {
        Cx {
            opts,
            violations: Vec::new(),
            omitted: 0,
            list_bounds: true,
            closed_enums: !opts.allow_unknown_enums,
            response: false,
            serialized: false,
            stand_ins: Vec::new(),
        }
    }

    /// The pass judges a document of `role`, and every shape nested in it
    /// as part of it: a request's lists are held to their item counts and
    /// its enums to their known values, a response's are not (unless
    /// [`Options::exact_outputs`]).
    pub(crate) fn judging(mut self, role: crate::shape::Role) -> Self {
        self.list_bounds = self.opts.list_bounds_apply(role);
        self.closed_enums = self.opts.enums_closed(role);
        self.response = role.is_response();
        self
    }

    /// Whether an embedded document is held to every rule its kind has: in
    /// a request, or under [`Options::exact_outputs`]. A response's is held
    /// only to the rules AWS is seen to enforce: AWS accepted it once.
    pub(crate) fn every_document_rule(&self) -> bool {
        !self.response || self.opts.exact_outputs
    }

    /// Checks the document `text` carries at `path` (unless
    /// [`Options::embedded_documents`] is off), as part of this pass: its
    /// violations continue `path` into the document, count towards
    /// [`Options::max_violations`], and a syntax error keeps its line and
    /// column inside the text. Whether the document keeps its rules.
    #[cold]
    pub(crate) fn embedded(
        &mut self,
        path: &Path<'_>,
        document: &'static Embedded,
        text: &str,
    ) -> bool {
        if !self.opts.embedded_documents {
            return true;
        }
        let mut opts = self.opts.clone();
        opts.max_violations = self
            .opts
            .max_violations
            .saturating_sub(self.violations.len());
        let verdict = (document.check)(text.as_bytes(), &opts, self.response);
        if let Some(stand_in) = &document.stand_in {
            if !self.response && lacks_member(text, stand_in.member, self.opts) {
                self.stand_ins
                    .push((path.key(stand_in.member).pointer(), stand_in));
            }
        }
        let Err(error) = verdict else {
            return true;
        };
        let at = path.pointer();
        self.omitted += error.omitted();
        for mut v in error.into_violations() {
            v.path.insert_str(0, &at);
            // Placed in the document's own text: the place is found again
            // in the outer text ([`crate::locate`]), where a syntax error
            // can only point to the string, so its message keeps where in
            // the document's text reading stopped.
            if let (Code::Syntax | Code::Limit, Some(line), Some(column)) =
                (v.code, v.line, v.column)
            {
                v.message = format!(
                    "{} inside the text, at its line {line} column {column}: {}",
                    document.title, v.message
                );
            }
            (v.line, v.column, v.span) = (None, None, None);
            self.violations.push(v);
        }
        false
    }

    /// The structure whose members were read since `mark` (the number of
    /// [`Cx::stand_ins`] when it began) settles its documents' missing
    /// members: a `required` violation for each whose stand-in it lacks
    /// (`given` tells which members it has); whether there was none.
    #[cold]
    fn settle_stand_ins(&mut self, mark: usize, given: &dyn Fn(&str) -> bool) -> bool {
        let mut ok = true;
        for (at, stand_in) in self.stand_ins.split_off(mark) {
            if given(stand_in.beside) {
                continue;
            }
            ok = false;
            if self.violations.len() < self.opts.max_violations {
                self.violations.push(Violation {
                    path: at,
                    code: Code::Required,
                    message: format!(
                        "required member is missing, as {} is not given beside the document: {}",
                        stand_in.beside, stand_in.evidence
                    ),
                    line: None,
                    column: None,
                    span: None,
                });
            } else {
                self.omitted += 1;
            }
        }
        ok
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

    /// The options of this pass.
    pub fn options(&self) -> &Options {
        self.opts
    }

    /// Records a violation; past the limit, only counts it.
    pub fn report(&mut self, path: &Path<'_>, code: Code, message: impl FnOnce() -> String) {
        if self.violations.len() < self.opts.max_violations {
            self.violations
                .push(Violation::new(path.pointer(), code, message()));
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
            span: None,
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

    /// Records an `enum` violation: `value` is none of `values`.
    #[cold]
    fn not_one_of(&mut self, path: &Path<'_>, value: &str, values: &[&str]) {
        self.report(path, Code::Enum, || {
            format!("{} is not one of {}", quote(value), values.join(", "))
        });
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

/// What reading a value gives: the value; `None` when it breaks a rule (the
/// violation is recorded and reading goes on); or the text's syntax error,
/// which ends the read.
pub type Read<T> = Result<Option<T>, Syntax>;

/// A reader: which JSON types it accepts, what it builds, which rules it checks.
/// Each method handles one JSON type; the defaults report a `type` violation.
pub trait Kind: Copy {
    /// What it builds.
    type Value;

    /// The JSON type it wants, for messages: `a string`.
    const EXPECTED: &'static str;

    /// A string.
    fn text(self, cx: &mut Cx<'_>, path: &Path<'_>, text: Text<'_>) -> Option<Self::Value> {
        let _ = text;
        cx.wrong_type(path, Self::EXPECTED, "a string");
        None
    }

    /// A number.
    fn number(self, cx: &mut Cx<'_>, path: &Path<'_>, n: Number) -> Option<Self::Value> {
        let _ = n;
        cx.wrong_type(path, Self::EXPECTED, "a number");
        None
    }

    /// `true` or `false`.
    fn boolean(self, cx: &mut Cx<'_>, path: &Path<'_>, b: bool) -> Option<Self::Value> {
        let _ = b;
        cx.wrong_type(path, Self::EXPECTED, "a boolean");
        None
    }

    /// `null` where a value is required.
    fn null(self, cx: &mut Cx<'_>, path: &Path<'_>) -> Option<Self::Value> {
        cx.wrong_type(path, Self::EXPECTED, "null");
        None
    }

    /// An array: the reader is inside it, and must leave it read to its end.
    fn seq(self, cx: &mut Cx<'_>, path: &Path<'_>, items: Items<'_, '_>) -> Read<Self::Value> {
        items.skip_rest()?;
        cx.wrong_type(path, Self::EXPECTED, "an array");
        Ok(None)
    }

    /// An object: the reader is inside it, and must leave it read to its end.
    fn map(self, cx: &mut Cx<'_>, path: &Path<'_>, members: Members<'_, '_>) -> Read<Self::Value> {
        members.skip_rest()?;
        cx.wrong_type(path, Self::EXPECTED, "an object");
        Ok(None)
    }

    /// Reads one value of any JSON type from `p`.
    #[inline]
    fn read(self, p: &mut Parser<'_>, cx: &mut Cx<'_>, path: &Path<'_>) -> Read<Self::Value> {
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
) -> Read<K::Value> {
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

    const EXPECTED: &'static str = K::EXPECTED;

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

    fn seq(self, cx: &mut Cx<'_>, path: &Path<'_>, items: Items<'_, '_>) -> Read<Self::Value> {
        Ok(self.0.seq(cx, path, items)?.map(Some))
    }

    fn map(self, cx: &mut Cx<'_>, path: &Path<'_>, members: Members<'_, '_>) -> Read<Self::Value> {
        Ok(self.0.map(cx, path, members)?.map(Some))
    }
}

/// What the structure reader ([`read_struct`]) does with the value of each
/// member it finds: a typed structure's slots (generated for each
/// structure), the checker's (which keep nothing) or an error body's.
pub trait Fields {
    /// What the members of a valid object make.
    type Value;

    /// The place in the shape's members of the member `key` names on the
    /// wire (the shape's generated index).
    fn index(&self, key: &str) -> Option<usize>;

    /// Reads the value of the member at place `at` (`member`, always one
    /// of the shape's) into its slot, checking its rules; whether it is
    /// valid. A required member's `null` is a `type` violation; an
    /// optional member's means absent.
    fn read(
        &mut self,
        at: usize,
        member: &'static Member,
        p: &mut Parser<'_>,
        cx: &mut Cx<'_>,
        path: &Path<'_>,
    ) -> Result<bool, Syntax>;

    /// The value of an object that broke no rule: every required member's
    /// slot is filled.
    fn build(self) -> Option<Self::Value>;
}

/// Reads the members of one object of `shape` into `fields`. This is where
/// every structure-level rule lives, once, for every reader: each member
/// found by its name on the wire, a member given twice (`duplicate`), a
/// member the shape does not have (skipped; `unknown_field` in strict
/// mode), the members that name an error body's error (skipped in error
/// shapes), and the required members that never came (`required`, in model
/// order, after the members in the order they came).
///
/// With `order`, the members of the object before this one (an earlier
/// item of the same list) in the order they came: each name is first
/// compared with the name at its place there, as written
/// ([`Members::key_is`]), and only looked up when it differs; `order` is
/// left holding this object's order.
#[inline(always)]
pub(crate) fn read_struct<F: Fields>(
    shape: &'static StructShape,
    mut fields: F,
    cx: &mut Cx<'_>,
    path: &Path<'_>,
    mut map: Members<'_, '_>,
    mut order: Option<&mut Order>,
) -> Read<F::Value> {
    let mut seen = Seen::default();
    let mut ok = true;
    let mut place = 0;
    let stand_ins = cx.stand_ins.len();
    while map.next_member()? {
        let guess = order
            .as_deref()
            .and_then(|order| order.get(place))
            .and_then(|at| Some((at, shape.members.get(at)?)));
        let (at, member) = match guess {
            Some((at, member)) if map.key_is(member.name)? => (at, member),
            _ => {
                let key = map.key()?;
                let found = fields
                    .index(&key)
                    .and_then(|at| Some((at, shape.members.get(at)?)));
                let Some((at, member)) = found else {
                    if shape.names_the_error(&key) {
                        map.skip_value()?;
                    } else {
                        cx.other_member(&mut map, path, &key)?;
                    }
                    continue;
                };
                if let Some(order) = order.as_deref_mut() {
                    order.set(place, at);
                }
                (at, member)
            }
        };
        place += 1;
        let member_path = path.key(member.name);
        let duplicate = seen.insert(at);
        if duplicate {
            cx.duplicate_member(&member_path);
        }
        let valid = fields.read(at, member, map.parser(), cx, &member_path)?;
        ok &= valid && !duplicate;
    }
    if seen.first & shape.required != shape.required || shape.members.len() > 64 {
        for (at, member) in shape.members.iter().enumerate() {
            if member.required && !seen.contains(at) {
                cx.missing_member(&path.key(member.name));
                ok = false;
            }
        }
    }
    if cx.stand_ins.len() > stand_ins {
        ok &= cx.settle_stand_ins(stand_ins, &|beside| {
            shape.position(beside).is_some_and(|at| seen.contains(at))
        });
    }
    Ok(if ok { fields.build() } else { None })
}

/// A Rust value type of the generated models, and the reader that builds it
/// from a shape description ([`Ty`]): implemented once per value type
/// (strings, integers, doubles, booleans, timestamps, blobs, lists, maps,
/// every [`ModelEnum`]), and for every structure by the macro that writes
/// it (`model_struct!`). The shape tables are the one
/// description of every rule: a structure's generated code names only its
/// members' Rust types.
pub trait Typed: Sized {
    /// The reader that builds a value of this type.
    type Reader: Kind<Value = Self>;

    /// The reader of a value of shape `ty`.
    fn reader(ty: Ty) -> Self::Reader;
}

/// The shape tables paired a Rust type with a shape of another kind: the
/// generator writes both from one model, so this is a bug in it, not in any
/// input.
#[cold]
#[track_caller]
fn mismatch(ty: Ty, rust: &str) -> ! {
    panic!("the generated shape tables describe a {rust} as {ty:?}")
}

/// [`Typed`] for a scalar value type. `ruled`: its reader is made from the
/// rule of its one kind of shape (`Ty::$variant(rule)`; any other shape is
/// a [`mismatch`]). `plain`: its reader needs no rule.
macro_rules! typed_scalar {
    (ruled $rust:ty: $variant:ident => $reader:ty = $make:expr) => {
        impl Typed for $rust {
            type Reader = $reader;

            #[inline]
            fn reader(ty: Ty) -> $reader {
                match ty {
                    Ty::$variant(rule) => $make(rule),
                    other => mismatch(other, stringify!($rust)),
                }
            }
        }
    };
    (plain $rust:ty => $reader:ident) => {
        impl Typed for $rust {
            type Reader = $reader;

            #[inline]
            fn reader(_: Ty) -> $reader {
                $reader
            }
        }
    };
}

typed_scalar!(ruled String: String => Str = Str);
typed_scalar!(ruled i32: Integer => Int<i32> = Int::new);
typed_scalar!(ruled i64: Long => Int<i64> = Int::new);
typed_scalar!(ruled Blob: Blob => Bytes = Bytes);
typed_scalar!(plain f64 => Double);
typed_scalar!(plain bool => Bool);
typed_scalar!(plain Timestamp => Time);

impl<E: ModelEnum> Typed for E {
    type Reader = Enum<E>;

    #[inline]
    fn reader(_: Ty) -> Enum<E> {
        Enum::new()
    }
}

impl<T: Typed> Typed for Vec<T> {
    type Reader = List<T::Reader>;

    #[inline]
    fn reader(ty: Ty) -> Self::Reader {
        match ty {
            Ty::List(list) => List::new(T::reader(list.member), &list.items),
            other => mismatch(other, "Vec"),
        }
    }
}

impl<K: Typed + Ord, V: Typed> Typed for BTreeMap<K, V> {
    type Reader = Map<K::Reader, V::Reader>;

    #[inline]
    fn reader(ty: Ty) -> Self::Reader {
        match ty {
            Ty::Map(map) => Map(K::reader(map.key), V::reader(map.value)),
            other => mismatch(other, "BTreeMap"),
        }
    }
}

/// Reads a member's value into `slot`: `null` is a `type` violation when
/// the member is `required`, and means absent when it is not. Whether it
/// is valid.
#[inline]
pub fn member<K: Kind>(
    slot: &mut Option<K::Value>,
    kind: K,
    required: bool,
    p: &mut Parser<'_>,
    cx: &mut Cx<'_>,
    path: &Path<'_>,
) -> Result<bool, Syntax> {
    if required {
        *slot = kind.read(p, cx, path)?;
        return Ok(slot.is_some());
    }
    match Optional(kind).read(p, cx, path)? {
        Some(value) => {
            *slot = value;
            Ok(true)
        }
        None => Ok(false),
    }
}

/// The members of an object in the order they came, by their place in the
/// shape: the first 32, on the stack (the largest structure of either model
/// has 17 members; past 32, nothing is guessed).
#[derive(Default)]
pub(crate) struct Order {
    at: [u8; 32],
    len: usize,
}

impl Order {
    /// The member that came at `place`.
    fn get(&self, place: usize) -> Option<usize> {
        self.at
            .get(..self.len)?
            .get(place)
            .map(|&at| usize::from(at))
    }

    /// Member `at` came at `place`: what came after it is forgotten.
    fn set(&mut self, place: usize, at: usize) {
        match (self.at.get_mut(place), u8::try_from(at)) {
            (Some(slot), Ok(at)) if place <= self.len => {
                *slot = at;
                self.len = place + 1;
            }
            _ => self.len = self.len.min(place),
        }
    }
}

/// Which members of one object were seen: a bit each, on the stack for the
/// first 64 (every structure of both models has fewer).
#[derive(Default)]
struct Seen {
    first: u64,
    rest: Vec<usize>,
}

impl Seen {
    /// Marks member `at` as seen; whether it already was.
    fn insert(&mut self, at: usize) -> bool {
        match Self::bit(at) {
            Some(bit) => {
                let seen = self.first & bit != 0;
                self.first |= bit;
                seen
            }
            None if self.rest.contains(&at) => true,
            None => {
                self.rest.push(at);
                false
            }
        }
    }

    fn contains(&self, at: usize) -> bool {
        match Self::bit(at) {
            Some(bit) => self.first & bit != 0,
            None => self.rest.contains(&at),
        }
    }

    /// Member `at`'s bit in `first`, for the first 64.
    fn bit(at: usize) -> Option<u64> {
        u32::try_from(at).ok().and_then(|at| 1u64.checked_shl(at))
    }
}

/// A string shape.
#[derive(Debug, Clone, Copy)]
pub struct Str(pub &'static StrRule);

impl Kind for Str {
    type Value = String;

    const EXPECTED: &'static str = "a string";

    #[inline]
    fn text(self, cx: &mut Cx<'_>, path: &Path<'_>, text: Text<'_>) -> Option<String> {
        self.holds(cx, path, text.as_str())
            .then(|| text.into_string())
    }
}

impl Str {
    /// Whether `s` keeps the string's rules; each one it breaks is recorded.
    #[inline]
    pub(crate) fn holds(self, cx: &mut Cx<'_>, path: &Path<'_>, s: &str) -> bool {
        let mut ok = true;
        self.0.check(s, |code, message| {
            ok = false;
            cx.report(path, code, || message);
        });
        if let Some(document) = self.0.document {
            ok &= cx.embedded(path, document, s);
        }
        ok
    }
}

/// `Clone` and `Copy` for a reader that holds a `PhantomData` of the type
/// it builds, whatever that type is (a derive would ask it to be `Copy`
/// too).
macro_rules! copy_for_any {
    ($($reader:ident),*) => {$(
        impl<T> Clone for $reader<T> {
            fn clone(&self) -> Self {
                *self
            }
        }

        impl<T> Copy for $reader<T> {}
    )*};
}

copy_for_any!(Int, Enum, Struct);

/// An integer or long shape, read into `T` (`i32` or `i64`).
#[derive(Debug)]
pub struct Int<T>(pub &'static IntRule, PhantomData<T>);

impl<T> Int<T> {
    /// A reader for a shape with `rule`.
    pub const fn new(rule: &'static IntRule) -> Self {
        Int(rule, PhantomData)
    }
}

impl<T: TryFrom<i64>> Kind for Int<T> {
    type Value = T;

    const EXPECTED: &'static str = "an integer";

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

/// A reader of a shape that takes one JSON type as it is, with no rule:
/// the reader, the method that takes the JSON value, what it builds, and
/// the JSON type it wants.
macro_rules! plain_reader {
    ($(#[$doc:meta])* $reader:ident: $method:ident($arg:ident: $json:ty) -> $value:ty = $make:expr, $expected:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy)]
        pub struct $reader;

        impl Kind for $reader {
            type Value = $value;

            const EXPECTED: &'static str = $expected;

            fn $method(self, _: &mut Cx<'_>, _: &Path<'_>, $arg: $json) -> Option<$value> {
                Some($make)
            }
        }
    };
}

plain_reader!(
    /// A double or float shape: any number.
    Double: number(n: Number) -> f64 = n.as_f64(), "a number"
);
plain_reader!(
    /// A boolean shape.
    Bool: boolean(b: bool) -> bool = b, "a boolean"
);

/// A timestamp shape: epoch seconds or an accepted date-time string.
#[derive(Debug, Clone, Copy)]
pub struct Time;

impl Kind for Time {
    type Value = Timestamp;

    const EXPECTED: &'static str = "a timestamp (epoch seconds or a date-time string)";

    fn text(self, cx: &mut Cx<'_>, path: &Path<'_>, text: Text<'_>) -> Option<Timestamp> {
        let s = text.as_str();
        Timestamp::parse_str(s)
            .map_err(|e| cx.report(path, Code::Timestamp, || format!("{}: {e}", quote(s))))
            .ok()
    }

    #[inline]
    fn number(self, cx: &mut Cx<'_>, path: &Path<'_>, n: Number) -> Option<Timestamp> {
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

impl Time {
    /// Whether epoch seconds `n` make a timestamp; if not, it is recorded.
    /// The verdict needs only the range, not the date.
    #[inline]
    pub(crate) fn number_holds(self, cx: &mut Cx<'_>, path: &Path<'_>, n: Number) -> bool {
        n.as_f64_exact().is_some_and(Timestamp::surely_in_range)
            || self.number(cx, path, n).is_some()
    }
}

/// A blob shape: canonical padded base64, size checked after decoding.
#[derive(Debug, Clone, Copy)]
pub struct Bytes(pub &'static BlobRule);

impl Kind for Bytes {
    type Value = Blob;

    const EXPECTED: &'static str = "a base64 string";

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

    const EXPECTED: &'static str = "a string";

    #[inline]
    fn text(self, cx: &mut Cx<'_>, path: &Path<'_>, text: Text<'_>) -> Option<E> {
        match enum_value(E::VALUES, cx, path, text.as_str())? {
            Some(at) => E::from_index(at),
            None => Some(E::from_unknown(text.into_string())),
        }
    }
}

/// The enum rule, for every reader: `Some(Some(at))` for the known value at
/// `at` in `values` (case-sensitive), `Some(None)` for an unknown value
/// where enums are open (a response's, or under
/// [`Options::allow_unknown_enums`]: [`Options::enums_closed`]), `None`
/// (and an `enum` violation) for any other.
#[inline]
pub(crate) fn enum_value(
    values: &'static [&'static str],
    cx: &mut Cx<'_>,
    path: &Path<'_>,
    value: &str,
) -> Option<Option<usize>> {
    if let Some(at) = crate::enums::position(values, value) {
        return Some(Some(at));
    }
    if !cx.closed_enums {
        return Some(None);
    }
    cx.not_one_of(path, value, values);
    None
}

/// A structure shape, read into the slots `F` by [`read_struct`].
#[derive(Debug)]
pub struct Struct<F>(&'static StructShape, PhantomData<F>);

impl<F> Struct<F> {
    /// The reader of `shape` into `F`.
    pub const fn new(shape: &'static StructShape) -> Self {
        Struct(shape, PhantomData)
    }
}

impl<F: Fields + Default> Kind for Struct<F> {
    type Value = F::Value;

    const EXPECTED: &'static str = "an object";

    fn map(self, cx: &mut Cx<'_>, path: &Path<'_>, members: Members<'_, '_>) -> Read<F::Value> {
        read_struct(self.0, F::default(), cx, path, members, None)
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
        mut read: impl FnMut(&mut Parser<'_>, &mut Cx<'_>, &Path<'_>) -> Read<V>,
    ) -> Read<Vec<V>> {
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
                Some(item) if ok && count <= max => items_out.push(item),
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

    const EXPECTED: &'static str = "an array";

    fn seq(self, cx: &mut Cx<'_>, path: &Path<'_>, items: Items<'_, '_>) -> Read<Self::Value> {
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

impl<K: Kind, V: Kind> Map<K, V> {
    /// Whether keys and values are both of a type with nothing in it.
    const KEEPS_NOTHING: bool =
        std::mem::size_of::<K::Value>() == 0 && std::mem::size_of::<V::Value>() == 0;
}

impl<K: Kind, V: Kind> Kind for Map<K, V>
where
    K::Value: Ord,
{
    type Value = BTreeMap<K::Value, V::Value>;

    const EXPECTED: &'static str = "an object";

    fn map(
        self,
        cx: &mut Cx<'_>,
        path: &Path<'_>,
        mut members: Members<'_, '_>,
    ) -> Read<Self::Value> {
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
                // A check-only read (unit keys and values) keeps nothing:
                // its map would hold one entry at most, allocated for it.
                (Some(_), Some(_)) if ok && Self::KEEPS_NOTHING => {}
                (Some(k), Some(v)) if ok => {
                    out.insert(k, v);
                }
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

/// Whether `text` is a JSON object without a member named `name` (false
/// for text that is not an object, or not JSON: its own check says so).
fn lacks_member(text: &str, name: &str, opts: &Options) -> bool {
    let mut p = Parser::from_bytes(text.as_bytes()).with_limits(Limits {
        depth: opts.max_depth,
        number_length: opts.max_number_length,
    });
    let mut lacks = || -> Result<bool, Syntax> {
        if !matches!(p.next_value()?, Next::Object) {
            return Ok(false);
        }
        let mut members = p.object()?;
        while let Some(key) = members.next_key()? {
            if *key == *name {
                return Ok(false);
            }
            members.skip_value()?;
        }
        Ok(true)
    };
    lacks().unwrap_or(false)
}

/// Reads one document of `kind` from bytes: UTF-8 is checked once, for the
/// whole input, and a byte that is not UTF-8 is malformed JSON where it is.
pub(crate) fn run_bytes<K: Kind>(json: &[u8], kind: K, cx: Cx<'_>) -> Result<K::Value, Error> {
    run(Parser::from_bytes(json), kind, cx)
}

/// Reads one document of `kind` and nothing after it.
pub(crate) fn run<K: Kind>(p: Parser<'_>, kind: K, mut cx: Cx<'_>) -> Result<K::Value, Error> {
    // The serialized form of a value built in code is no text of the
    // user's: its violations have no place.
    let text = (!cx.serialized).then(|| p.source());
    let opts = cx.options();
    let mut p = p.with_limits(Limits {
        depth: opts.max_depth,
        number_length: opts.max_number_length,
    });
    let got = kind
        .read(&mut p, &mut cx, &Path::Root)
        .and_then(|got| p.end().map(|()| got));
    let error = match got {
        Ok(got) => cx.finish(got),
        Err(e) => {
            cx.syntax(&e);
            Err(cx.into_error())
        }
    };
    match text {
        Some(text) => error.map_err(|e| placed(e, text)),
        None => error,
    }
}

/// `error`, each violation placed in `text` ([`crate::locate`]): out of
/// line, for a document that broke a rule.
#[cold]
#[inline(never)]
fn placed(mut error: Error, text: &str) -> Error {
    crate::locate::place(text, error.violations_mut());
    error
}

/// `error`, found in the JSON text `json` after it was read (an error body
/// whose error the operation does not declare), each violation placed in
/// it.
#[cold]
pub(crate) fn placed_in(json: &[u8], error: Error) -> Error {
    placed(error, Parser::from_bytes(json).source())
}
