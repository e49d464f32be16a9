//! `validator::Validate` for every structure (feature `validator`): the
//! violations of [`Model::validate`] as validator's tree of
//! `ValidationErrors`, so that a user's struct that derives `Validate` can
//! nest ECR types (`#[validate(nested)]`), and the web extractors built on
//! it check them.
//!
//! Each violation is a `ValidationError` whose code is the violation's
//! [`Code`](crate::Code) (`pattern`, `required`...), whose message is its
//! message, and whose `pointer` parameter is its JSON Pointer. It stands
//! where its path leads through the shape tables: a member of a structure
//! under its name on the wire (`Struct` for a structure, `List` for a list
//! of structures, by index, `Struct` for a map, by key), its own errors as
//! `Field`. Where the tree cannot hold a violation there, it stands at the
//! nearest place that can, its pointer saying where it is: an item of a
//! list of scalars, or a value inside a document a string carries, at the
//! member that holds them; an error of a list or map beside its items'
//! (the member holds the items), or of the whole value, under `__all__`,
//! as validator's own schema-level errors. Nothing is dropped.

use std::borrow::Cow;

use validator::{ValidationError, ValidationErrors, ValidationErrorsKind};

use crate::error::Violation;
use crate::model::Model;
use crate::shape::Ty;

/// Where a violation cannot stand in the tree: validator's key for the
/// errors of a whole value.
const WHOLE: &str = "__all__";

/// [`Model::validate`]'s violations as validator's tree.
pub fn validate<T: Model>(value: &T) -> Result<(), ValidationErrors> {
    let Err(error) = value.validate() else {
        return Ok(());
    };
    let mut root = ValidationErrors::new();
    for violation in error.violations() {
        let segments = segments(&violation.path);
        place(&mut root, Ty::Structure(T::SHAPE), &segments, violation);
    }
    if error.omitted() > 0 {
        let mut more = ValidationError::new("omitted");
        more.message = Some(Cow::Owned(format!(
            "... and {} more violations",
            error.omitted()
        )));
        field(&mut root, WHOLE, more);
    }
    Err(root)
}

/// The segments of a JSON Pointer, unescaped (`~1` is `/`, `~0` is `~`).
fn segments(pointer: &str) -> Vec<String> {
    pointer
        .split('/')
        .skip(1)
        .map(|s| s.replace("~1", "/").replace("~0", "~"))
        .collect()
}

/// A violation as validator's error: its code, message and pointer.
fn error_of(violation: &Violation) -> ValidationError {
    let mut error = ValidationError::new(violation.code.as_str());
    error.message = Some(Cow::Owned(violation.message.clone()));
    error
        .params
        .insert(Cow::Borrowed("pointer"), violation.path.clone().into());
    error
}

/// Adds `error` to the `Field` errors of `key` in `errors`, or, where `key`
/// holds a structure's or items' errors, to the whole value's (`__all__`,
/// or `__all__1`, `__all__2`... where a map's key took that name).
fn field(errors: &mut ValidationErrors, key: &str, error: ValidationError) {
    let mut keys = std::iter::once(key.to_string())
        .chain(std::iter::once(WHOLE.to_string()))
        .chain((1..).map(|n| format!("{WHOLE}{n}")));
    let free = keys
        .find(|k| {
            !matches!(
                errors.0.get(k.as_str()),
                Some(ValidationErrorsKind::Struct(_) | ValidationErrorsKind::List(_))
            )
        })
        .unwrap_or_default();
    if let ValidationErrorsKind::Field(list) = errors
        .0
        .entry(Cow::Owned(free))
        .or_insert_with(|| ValidationErrorsKind::Field(Vec::new()))
    {
        list.push(error);
    }
}

/// Places `violation`, at `segments` below a value of `ty` whose errors are
/// `errors`.
fn place(errors: &mut ValidationErrors, ty: Ty, segments: &[String], violation: &Violation) {
    let Ty::Structure(shape) = ty else {
        return field(errors, WHOLE, error_of(violation));
    };
    let Some((name, rest)) = segments.split_first() else {
        return field(errors, WHOLE, error_of(violation));
    };
    let member = shape.position(name).and_then(|at| shape.members.get(at));
    let Some(member) = member.filter(|_| !rest.is_empty()) else {
        // The member itself, one the shape does not have (`unknown_field`),
        // or one whose value holds no tree (a scalar, a document).
        return field(errors, name, error_of(violation));
    };
    below(errors, name, member.ty, rest, violation);
}

/// Places `violation` at `rest` below member `name` (of type `ty`).
fn below(
    errors: &mut ValidationErrors,
    name: &str,
    ty: Ty,
    rest: &[String],
    violation: &Violation,
) {
    let key = Cow::Owned(name.to_string());
    match ty {
        Ty::Structure(_) => {
            let entry = errors
                .0
                .entry(key)
                .or_insert_with(|| ValidationErrorsKind::Struct(Box::default()));
            match entry {
                ValidationErrorsKind::Struct(inner) => place(inner, ty, rest, violation),
                _ => field(errors, name, error_of(violation)),
            }
        }
        Ty::List(list) => {
            let item = rest[0].parse::<usize>().ok();
            match (item, list.member) {
                (Some(index), Ty::Structure(_)) => {
                    let entry = errors
                        .0
                        .entry(key)
                        .or_insert_with(|| ValidationErrorsKind::List(Default::default()));
                    match entry {
                        ValidationErrorsKind::List(items) => {
                            let inner = items.entry(index).or_default();
                            match &rest[1..] {
                                [] => field(inner, WHOLE, error_of(violation)),
                                deeper => place(inner, list.member, deeper, violation),
                            }
                        }
                        _ => field(errors, name, error_of(violation)),
                    }
                }
                _ => field(errors, name, error_of(violation)),
            }
        }
        Ty::Map(map) => {
            let entry = errors
                .0
                .entry(key)
                .or_insert_with(|| ValidationErrorsKind::Struct(Box::default()));
            match entry {
                ValidationErrorsKind::Struct(inner) => match &rest[1..] {
                    [] => field(inner, &rest[0], error_of(violation)),
                    deeper => below(inner, &rest[0], map.value, deeper, violation),
                },
                _ => field(errors, name, error_of(violation)),
            }
        }
        _ => field(errors, name, error_of(violation)),
    }
}
