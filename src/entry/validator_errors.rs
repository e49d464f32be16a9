//! `validator::Validate` for every structure (feature `validator`): the
//! violations of [`Model::validate`](crate::Model::validate) as validator's tree of
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

use crate::error::{Error, Violation};
use crate::shape::{steps, Step, StepKind, StructShape, Ty};

/// Where a violation cannot stand in the tree: validator's key for the
/// errors of a whole value.
const WHOLE: &str = "__all__";

/// The verdict of [`Model::validate`](crate::Model::validate) on a value of
/// structure `shape`, as validator's tree.
pub fn tree(
    shape: &'static StructShape,
    verdict: Result<(), Error>,
) -> Result<(), ValidationErrors> {
    let Err(error) = verdict else {
        return Ok(());
    };
    let mut root = ValidationErrors::new();
    for violation in error.violations() {
        let steps = steps(Ty::Structure(shape), &violation.path);
        place(&mut root, &steps, violation);
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

/// Places `violation` at `steps` below a value whose errors are `errors`.
fn place(errors: &mut ValidationErrors, steps: &[Step], violation: &Violation) {
    let (first, rest) = match steps {
        [] => return field(errors, WHOLE, error_of(violation)),
        [only] => return field(errors, &only.segment, error_of(violation)),
        [first, rest @ ..] => (first, rest),
    };
    let key = Cow::Owned(first.segment.clone());
    let kind = match (first.ty, rest[0].kind, rest[0].ty) {
        (Some(Ty::Structure(_) | Ty::Map(_)), _, _) => ValidationErrorsKind::Struct(Box::default()),
        (Some(Ty::List(_)), StepKind::Item(_), Some(Ty::Structure(_))) => {
            ValidationErrorsKind::List(Default::default())
        }
        // Items of scalars, or the inside of a document: at the member.
        _ => return field(errors, &first.segment, error_of(violation)),
    };
    let entry = errors.0.entry(key).or_insert(kind);
    match (entry, rest[0].kind) {
        (ValidationErrorsKind::Struct(inner), _) => place(inner, rest, violation),
        (ValidationErrorsKind::List(items), StepKind::Item(index)) => {
            place(items.entry(index).or_default(), &rest[1..], violation)
        }
        _ => field(errors, &first.segment, error_of(violation)),
    }
}
