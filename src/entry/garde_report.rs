//! `garde::Validate` for every structure (feature `garde`), with
//! [`Options`](crate::Options) as its context: one report entry per violation, at the
//! violation's exact path (a member or a map's key as a key, a list's item
//! as an index; inside a document a string carries, a segment of digits as
//! an index), its message `[code] message`.

use crate::error::{Error, Violation};
use crate::shape::{steps, StepKind, StructShape, Ty};

/// Adds the violations of a verdict of
/// [`Model::validate_with`](crate::Model::validate_with) on a value of
/// structure `shape` to `report`, each at its path below `parent`.
pub fn append(
    shape: &'static StructShape,
    verdict: Result<(), Error>,
    parent: &mut dyn FnMut() -> garde::Path,
    report: &mut garde::Report,
) {
    let Err(error) = verdict else {
        return;
    };
    let base = parent();
    for violation in error.violations() {
        report.append(path(&base, shape, violation), message(violation));
    }
    if error.omitted() > 0 {
        let more = format!("... and {} more violations", error.omitted());
        report.append(base, garde::Error::new(more));
    }
}

/// The violation's path below `base`.
fn path(
    base: &garde::Path,
    shape: &'static crate::shape::StructShape,
    v: &Violation,
) -> garde::Path {
    let mut path = base.clone();
    for step in steps(Ty::Structure(shape), &v.path) {
        path = match step.kind {
            StepKind::Item(index) => path.join(index),
            StepKind::Inside => match step.segment.parse::<usize>() {
                Ok(index) => path.join(index),
                Err(_) => path.join(step.segment),
            },
            StepKind::Member | StepKind::Key => path.join(step.segment),
        };
    }
    path
}

fn message(v: &Violation) -> garde::Error {
    garde::Error::new(format!("[{}] {}", v.code, v.message))
}
