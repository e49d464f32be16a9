//! Checking without building: a document read against the run-time
//! description of its shape ([`crate::shape`]) instead of through the
//! generated readers. Each scalar goes to the reader the generated code uses
//! for it (`Str`, `Int`, `Time`, `List`...), so the rules and the messages
//! are the same; structures and enums are read from their descriptions.
//!
//! One reader serves every shape, so nothing here is instantiated per
//! structure, and no value, string, list or structure is ever assembled
//! (the reader's values are `()`): what
//! [`crate::check_slice`], the registry and `ecr-validate` need.

use crate::parse::{Items, Members, Next, Parser, Syntax};
use crate::read::{
    enum_value, read_any, read_struct, Bool, Bytes, Cx, Double, Fields, Int, Kind, List, Map,
    Number, Order, Path, Read, Str, Text, Time,
};
use crate::rules::{IntRule, StrRule};
use crate::shape::{EnumShape, ListShape, MapShape, Member, StructShape, Ty};
use crate::timestamp::Timestamp;

/// The reader of a [`Ty`], chosen at run time. It keeps nothing: its value
/// is `Some(())` when the value it read is valid, `None` when it is not.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Checker(pub(crate) Ty);

/// Runs `$body` with `$k` bound to the reader of `$ty`, as an `Option<()>`.
macro_rules! with_reader {
    ($ty:expr, |$k:ident| $body:expr) => {
        with_reader!(@each $ty, $k, $body,
            Ty::String(rule) => StrValues(rule),
            Ty::Integer(rule) => Int::<i32>::new(rule),
            Ty::Long(rule) => Int::<i64>::new(rule),
            Ty::Double => Double,
            Ty::Boolean => Bool,
            Ty::Timestamp => TimeValues,
            Ty::Blob(rule) => Bytes(rule),
            Ty::Enum(shape) => EnumValues(shape),
            Ty::List(shape) => list_of(shape),
            Ty::Map(shape) => map_of(shape),
            Ty::Structure(shape) => StructValues(shape),
        )
    };
    (@each $ty:expr, $k:ident, $body:expr, $($kind:pat => $reader:expr,)*) => {
        match $ty {
            $($kind => {
                let $k = $reader;
                $body.map(drop)
            })*
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
    ) -> Read<()> {
        Ok(match (p.next_value()?, self.0) {
            (Next::String, Ty::String(rule)) => StrValues(rule).text(cx, path, p.string()?),
            (Next::String, Ty::Enum(shape)) => EnumValues(shape).text(cx, path, p.string()?),
            // Numbers: most are settled by their sign and size, skimmed
            // without their value; the rest are read again for it.
            (Next::Number, Ty::Timestamp) => {
                let n = p.skim_number()?;
                match n.below_power_of_ten() {
                    Some(digits) if Timestamp::surely_in_range_below(digits) => Some(()),
                    _ => TimeValues.number(cx, path, p.number_at(n)?),
                }
            }
            (Next::Number, Ty::Integer(rule)) => integer::<i32>(rule, p, cx, path)?,
            (Next::Number, Ty::Long(rule)) => integer::<i64>(rule, p, cx, path)?,
            (Next::Number, Ty::Double) => {
                let n = p.skim_number()?;
                match n.is_surely_finite() {
                    true => Some(()),
                    false => Double.number(cx, path, p.number_at(n)?).map(drop),
                }
            }
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

    fn read(self, p: &mut Parser<'_>, cx: &mut Cx<'_>, path: &Path<'_>) -> Read<()> {
        self.read_member(p, cx, path, true)
    }

    /// Never in a message: each method goes to the reader of the shape,
    /// which says what it wants.
    const EXPECTED: &'static str = "a value of its shape";

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

    fn seq(self, cx: &mut Cx<'_>, path: &Path<'_>, items: Items<'_, '_>) -> Read<()> {
        Ok(with_reader!(self.0, |k| k.seq(cx, path, items)?))
    }

    fn map(self, cx: &mut Cx<'_>, path: &Path<'_>, members: Members<'_, '_>) -> Read<()> {
        Ok(with_reader!(self.0, |k| k.map(cx, path, members)?))
    }
}

/// An integer by its rule: settled by its size when it is written without
/// a sign, a fraction or an exponent and every number of its digits is in
/// range, else by its value.
#[inline]
fn integer<T: TryFrom<i64>>(
    rule: &'static IntRule,
    p: &mut Parser<'_>,
    cx: &mut Cx<'_>,
    path: &Path<'_>,
) -> Read<()> {
    let n = p.skim_number()?;
    Ok(match n.below_power_of_ten() {
        Some(digits) if n.is_integer() && rule.holds_below(digits) => Some(()),
        _ => Int::<T>::new(rule)
            .number(cx, path, p.number_at(n)?)
            .map(drop),
    })
}

/// The reader of a list shape: its items checked by their own description.
fn list_of(shape: &'static ListShape) -> List<Checker> {
    List::new(Checker(shape.member), &shape.items)
}

/// Reads a list of structures. Items of one list tend to name their
/// members in the same order, so each item's names are first compared with
/// the names of the item before it, place by place ([`read_struct`]).
fn structures(
    shape: &'static ListShape,
    item: &'static StructShape,
    cx: &mut Cx<'_>,
    path: &Path<'_>,
    items: Items<'_, '_>,
) -> Read<()> {
    let mut order = Order::default();
    let read = |p: &mut Parser<'_>, cx: &mut Cx<'_>, path: &Path<'_>| match p.next_value()? {
        Next::Object => {
            let item = StructValues(item);
            read_struct(item.0, item, cx, path, p.object()?, Some(&mut order))
        }
        _ => read_any(Checker(shape.member), p, cx, path),
    };
    Ok(list_of(shape).items(cx, path, items, read)?.map(drop))
}

/// The reader of a map shape: keys and values checked by their descriptions.
fn map_of(shape: &'static MapShape) -> Map<Checker, Checker> {
    Map(Checker(shape.key), Checker(shape.value))
}

/// An enum by its description: the rule `read::Enum<E>` reads with
/// ([`enum_value`]), unknown values accepted under `allow_unknown_enums`.
#[derive(Clone, Copy)]
struct EnumValues(&'static EnumShape);

impl Kind for EnumValues {
    type Value = ();

    const EXPECTED: &'static str = "a string";

    #[inline]
    fn text(self, cx: &mut Cx<'_>, path: &Path<'_>, text: Text<'_>) -> Option<()> {
        enum_value(self.0.values, cx, path, text.as_str()).map(drop)
    }
}

/// A string by its rule, kept nowhere.
#[derive(Clone, Copy)]
struct StrValues(&'static StrRule);

impl Kind for StrValues {
    type Value = ();

    const EXPECTED: &'static str = Str::EXPECTED;

    #[inline]
    fn text(self, cx: &mut Cx<'_>, path: &Path<'_>, text: Text<'_>) -> Option<()> {
        Str(self.0).holds(cx, path, text.as_str()).then_some(())
    }
}

/// A timestamp whose date is never needed: epoch seconds are settled by
/// their range.
#[derive(Clone, Copy)]
struct TimeValues;

impl Kind for TimeValues {
    type Value = ();

    const EXPECTED: &'static str = Time::EXPECTED;

    fn text(self, cx: &mut Cx<'_>, path: &Path<'_>, text: Text<'_>) -> Option<()> {
        Time.text(cx, path, text).map(drop)
    }

    #[inline]
    fn number(self, cx: &mut Cx<'_>, path: &Path<'_>, n: Number) -> Option<()> {
        Time.number_holds(cx, path, n).then_some(())
    }
}

/// A structure by its description, read by the one structure reader
/// ([`read_struct`]) into slots that keep nothing: each member is checked
/// by its own description.
#[derive(Clone, Copy)]
struct StructValues(&'static StructShape);

impl Kind for StructValues {
    type Value = ();

    const EXPECTED: &'static str = "an object";

    fn map(self, cx: &mut Cx<'_>, path: &Path<'_>, members: Members<'_, '_>) -> Read<()> {
        read_struct(self.0, self, cx, path, members, None)
    }
}

impl Fields for StructValues {
    type Value = ();

    #[inline]
    fn index(&self, key: &str) -> Option<usize> {
        (self.0.index)(key)
    }

    #[inline]
    fn read(
        &mut self,
        _: usize,
        member: &'static Member,
        p: &mut Parser<'_>,
        cx: &mut Cx<'_>,
        path: &Path<'_>,
    ) -> Result<bool, Syntax> {
        Ok(Checker(member.ty)
            .read_member(p, cx, path, member.required)?
            .is_some())
    }

    fn build(self) -> Option<()> {
        Some(())
    }
}
