//! Checking without building: a document read against the run-time
//! description of its shape ([`crate::shape`]) instead of through the
//! generated readers. Each scalar goes to the reader the generated code uses
//! for it (`Str`, `Int`, `Time`, `List`...), so the rules and the messages
//! are the same; structures and enums are read from their descriptions.
//!
//! One reader serves every shape, so nothing here is instantiated per
//! structure, and no value, slot or structure is ever assembled: what
//! [`crate::check_slice`], the registry and `ecr-validate` need.

use crate::parse::{Items, Members, Next, Parser, Syntax};
use crate::read::{
    read_any, Bool, Bytes, Cx, Double, Int, Kind, List, Map, Number, Path, Str, Text, Time,
};
use crate::shape::{EnumShape, ListShape, MapShape, StructShape, Ty};

/// The reader of a [`Ty`], chosen at run time. It keeps nothing: its value
/// is `Some(())` when the value it read is valid, `None` when it is not.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Checker(pub(crate) Ty);

/// Runs `$body` with `$k` bound to the reader of `$ty`, as an `Option<()>`.
macro_rules! with_reader {
    ($ty:expr, |$k:ident| $body:expr) => {
        match $ty {
            Ty::String(rule) => {
                let $k = Str(rule);
                $body.map(drop)
            }
            Ty::Integer(rule) => {
                let $k = Int::<i32>::new(rule);
                $body.map(drop)
            }
            Ty::Long(rule) => {
                let $k = Int::<i64>::new(rule);
                $body.map(drop)
            }
            Ty::Double => {
                let $k = Double;
                $body.map(drop)
            }
            Ty::Boolean => {
                let $k = Bool;
                $body.map(drop)
            }
            Ty::Timestamp => {
                let $k = Time;
                $body.map(drop)
            }
            Ty::Blob(rule) => {
                let $k = Bytes(rule);
                $body.map(drop)
            }
            Ty::Enum(shape) => {
                let $k = EnumValues(shape);
                $body
            }
            Ty::List(shape) => {
                let $k = list_of(shape);
                $body.map(drop)
            }
            Ty::Map(shape) => {
                let $k = map_of(shape);
                $body.map(drop)
            }
            Ty::Structure(shape) => {
                let $k = StructValues(shape);
                $body
            }
        }
    };
}

impl Checker {
    /// Reads the value of a member, `null` standing for an absent optional
    /// one. The pairs of JSON type and shape that valid documents hold go
    /// straight to their reader; any other pair (a wrong type, `null` where
    /// a value is required) takes the general route, which reports it.
    #[inline]
    fn read_member(
        self,
        p: &mut Parser<'_>,
        cx: &mut Cx<'_>,
        path: &Path<'_>,
        required: bool,
    ) -> Result<Option<()>, Syntax> {
        Ok(match (p.next_value()?, self.0) {
            (Next::String, Ty::String(rule)) => Str(rule).text(cx, path, p.string()?).map(drop),
            (Next::String, Ty::Enum(shape)) => EnumValues(shape).text(cx, path, p.string()?),
            (Next::Number, Ty::Timestamp) => Time.number(cx, path, p.number()?).map(drop),
            (Next::Number, Ty::Integer(rule)) => Int::<i32>::new(rule)
                .number(cx, path, p.number()?)
                .map(drop),
            (Next::Number, Ty::Long(rule)) => Int::<i64>::new(rule)
                .number(cx, path, p.number()?)
                .map(drop),
            (Next::Object, Ty::Structure(shape)) => {
                StructValues(shape).map(cx, path, p.object()?)?
            }
            (Next::Array, Ty::List(shape)) => match shape.member {
                Ty::Structure(item) => structures(shape, item, cx, path, p.array()?)?,
                _ => list_of(shape).seq(cx, path, p.array()?)?.map(drop),
            },
            (Next::Object, Ty::Map(shape)) => map_of(shape).map(cx, path, p.object()?)?.map(drop),
            (Next::Null, _) if cx.null_is_non_finite() => {
                p.literal()?;
                cx.non_finite(path);
                None
            }
            (Next::Null, _) if !required => {
                p.literal()?;
                Some(())
            }
            _ => read_any(self, p, cx, path)?,
        })
    }
}

impl Kind for Checker {
    type Value = ();

    fn read(
        self,
        p: &mut Parser<'_>,
        cx: &mut Cx<'_>,
        path: &Path<'_>,
    ) -> Result<Option<()>, Syntax> {
        self.read_member(p, cx, path, true)
    }

    fn expected(&self) -> &'static str {
        with_expected(self.0)
    }

    fn text(self, cx: &mut Cx<'_>, path: &Path<'_>, text: Text<'_>) -> Option<()> {
        with_reader!(self.0, |k| k.text(cx, path, text))
    }

    fn number(self, cx: &mut Cx<'_>, path: &Path<'_>, n: Number) -> Option<()> {
        with_reader!(self.0, |k| k.number(cx, path, n))
    }

    fn boolean(self, cx: &mut Cx<'_>, path: &Path<'_>, b: bool) -> Option<()> {
        with_reader!(self.0, |k| k.boolean(cx, path, b))
    }

    fn null(self, cx: &mut Cx<'_>, path: &Path<'_>) -> Option<()> {
        with_reader!(self.0, |k| k.null(cx, path))
    }

    fn seq(
        self,
        cx: &mut Cx<'_>,
        path: &Path<'_>,
        items: Items<'_, '_>,
    ) -> Result<Option<()>, Syntax> {
        Ok(with_reader!(self.0, |k| k.seq(cx, path, items)?))
    }

    fn map(
        self,
        cx: &mut Cx<'_>,
        path: &Path<'_>,
        members: Members<'_, '_>,
    ) -> Result<Option<()>, Syntax> {
        Ok(with_reader!(self.0, |k| k.map(cx, path, members)?))
    }
}

/// The reader of a list shape: its items checked by their own description.
fn list_of(shape: &'static ListShape) -> List<Checker> {
    List::new(Checker(shape.member), &shape.items)
}

/// Reads a list of structures. Items of one list tend to name their
/// members in the same order, so each item's names are first compared with
/// the names of the item before it, place by place ([`StructValues::members`]).
fn structures(
    shape: &'static ListShape,
    item: &'static StructShape,
    cx: &mut Cx<'_>,
    path: &Path<'_>,
    items: Items<'_, '_>,
) -> Result<Option<()>, Syntax> {
    let mut order = Order::default();
    let read = |p: &mut Parser<'_>, cx: &mut Cx<'_>, path: &Path<'_>| match p.next_value()? {
        Next::Object => StructValues(item).members(cx, path, p.object()?, Some(&mut order)),
        _ => read_any(Checker(shape.member), p, cx, path),
    };
    Ok(list_of(shape).items(cx, path, items, read)?.map(drop))
}

/// The reader of a map shape: keys and values checked by their descriptions.
fn map_of(shape: &'static MapShape) -> Map<Checker, Checker> {
    Map(Checker(shape.key), Checker(shape.value))
}

/// The JSON type the reader of `ty` wants, for messages.
fn with_expected(ty: Ty) -> &'static str {
    match ty {
        Ty::String(rule) => Str(rule).expected(),
        Ty::Integer(rule) | Ty::Long(rule) => Int::<i64>::new(rule).expected(),
        Ty::Double => Double.expected(),
        Ty::Boolean => Bool.expected(),
        Ty::Timestamp => Time.expected(),
        Ty::Blob(rule) => Bytes(rule).expected(),
        Ty::Enum(shape) => EnumValues(shape).expected(),
        Ty::List(shape) => list_of(shape).expected(),
        Ty::Map(shape) => map_of(shape).expected(),
        Ty::Structure(shape) => StructValues(shape).expected(),
    }
}

/// An enum by its description: what `read::Enum<E>` checks, with the same
/// message (and unknown values accepted under `allow_unknown_enums`).
#[derive(Clone, Copy)]
struct EnumValues(&'static EnumShape);

impl Kind for EnumValues {
    type Value = ();

    fn expected(&self) -> &'static str {
        "a string"
    }

    #[inline]
    fn text(self, cx: &mut Cx<'_>, path: &Path<'_>, text: Text<'_>) -> Option<()> {
        if self.0.values.contains(&text.as_str()) || cx.options().allow_unknown_enums {
            return Some(());
        }
        cx.not_one_of(path, &text, self.0.values);
        None
    }
}

/// A structure by its description: what the generated `read_map` checks,
/// in the same order. Members are reported as they come, then the
/// required members that never came, in model order.
#[derive(Clone, Copy)]
struct StructValues(&'static StructShape);

impl Kind for StructValues {
    type Value = ();

    fn expected(&self) -> &'static str {
        "an object"
    }

    fn map(
        self,
        cx: &mut Cx<'_>,
        path: &Path<'_>,
        members: Members<'_, '_>,
    ) -> Result<Option<()>, Syntax> {
        self.members(cx, path, members, None)
    }
}

impl StructValues {
    /// Reads the members of one object. With `order`, the members of the
    /// object before it in the order they came: each name is first
    /// compared with the name at its place there, as written
    /// ([`Members::key_is`]), and only looked up when it differs; `order`
    /// is left holding this object's order.
    #[inline(always)]
    fn members(
        self,
        cx: &mut Cx<'_>,
        path: &Path<'_>,
        mut map: Members<'_, '_>,
        mut order: Option<&mut Order>,
    ) -> Result<Option<()>, Syntax> {
        let shape = self.0;
        let mut seen = Seen::default();
        let mut ok = true;
        let mut place = 0;
        while map.next_member()? {
            let guess = order
                .as_deref()
                .and_then(|order| order.get(place))
                .and_then(|at| Some((at, shape.members.get(at)?)));
            let key;
            let (at, member, name) = match guess {
                Some((at, member)) if map.key_is(member.name)? => (at, member, member.name),
                _ => {
                    key = map.key()?;
                    let found =
                        (shape.index)(&key).and_then(|at| Some((at, shape.members.get(at)?)));
                    let Some((at, member)) = found else {
                        if shape.exception && crate::aws_error::is_envelope(&key) {
                            map.skip_value()?;
                        } else {
                            cx.other_member(&mut map, path, &key)?;
                        }
                        continue;
                    };
                    if let Some(order) = order.as_deref_mut() {
                        order.set(place, at);
                    }
                    (at, member, &*key)
                }
            };
            place += 1;
            let member_path = path.key(name);
            let duplicate = seen.insert(at);
            if duplicate {
                cx.duplicate_member(&member_path);
            }
            let valid = Checker(member.ty)
                .read_member(map.parser(), cx, &member_path, member.required)?
                .is_some();
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
        Ok(ok.then_some(()))
    }
}

/// The members of an object in the order they came, by their place in the
/// shape: the first 32, on the stack (the largest structure of either model
/// has 17 members; past 32, nothing is guessed).
#[derive(Default)]
struct Order {
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
