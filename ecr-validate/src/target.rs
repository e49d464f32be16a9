//! What documents are checked against: a registered structure, or an
//! operation's input, output or errors.

use ecr_models::registry::{self, Entry, ShapeRef};
use ecr_models::{Error, Operation, Options, Service};

/// Which side of an operation a document is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// A request body.
    Input,
    /// A response body.
    Output,
    /// An error body: an error the operation may return.
    Error,
}

/// What each document is checked against.
#[derive(Debug, Clone, Copy)]
pub enum Target {
    /// A registered structure (only structures can be checked as documents).
    Shape(&'static Entry),
    /// One side of an operation.
    Operation(&'static Operation, Direction),
}

impl Target {
    /// The structure `name` of `service`; an error message for an unknown
    /// name (with close names) or one that is not a structure.
    pub fn shape(service: Service, name: &str) -> Result<Target, String> {
        let Some(entry) = registry::find(service, name) else {
            let names = registry::entries(service)
                .iter()
                .filter(|e| is_structure(e));
            let mut message = format!("unknown shape `{name}` in {service}");
            add_hints(
                &mut message,
                registry::close_names(name, names.map(|e| e.name)),
                service,
                |other| registry::find(other, name).is_some_and(is_structure),
            );
            return Err(message);
        };
        if !is_structure(entry) {
            let what = match entry.shape {
                ShapeRef::Enum(_) => "an enum",
                _ => "a scalar, list or map shape",
            };
            return Err(format!(
                "`{name}` is {what} of {service}, not a structure: only structures can be checked as documents"
            ));
        }
        Ok(Target::Shape(entry))
    }

    /// The operation `name` of `service`, one side of it; an error message
    /// (with close names) for an unknown name.
    pub fn operation(service: Service, name: &str, direction: Direction) -> Result<Target, String> {
        let Some(op) = registry::operation(service, name) else {
            let mut message = format!("unknown operation `{name}` in {service}");
            add_hints(
                &mut message,
                registry::suggest_operation(service, name),
                service,
                |other| registry::operation(other, name).is_some(),
            );
            return Err(message);
        };
        Ok(Target::Operation(op, direction))
    }

    /// Checks one JSON document; an error body's error is named by
    /// `error_type` (an `X-Amzn-ErrorType` header) when given.
    pub fn check(
        &self,
        json: &[u8],
        error_type: Option<&str>,
        opts: &Options,
    ) -> Result<(), Error> {
        match *self {
            Target::Shape(entry) => entry.check(json, opts),
            Target::Operation(op, Direction::Input) => op.check_input(json, opts),
            Target::Operation(op, Direction::Output) => op.check_output(json, opts),
            Target::Operation(op, Direction::Error) => op.check_error(json, error_type, opts),
        }
    }
}

/// Any registered shape `name` of `service` (structure, enum or scalar); an
/// error message (with close names) for an unknown name.
pub fn entry(service: Service, name: &str) -> Result<&'static Entry, String> {
    registry::find(service, name).ok_or_else(|| {
        let mut message = format!("unknown shape `{name}` in {service}");
        add_hints(
            &mut message,
            registry::suggest(service, name),
            service,
            |other| registry::find(other, name).is_some(),
        );
        message
    })
}

/// Whether `entry` is a structure, i.e. can check a document.
fn is_structure(entry: &Entry) -> bool {
    matches!(entry.shape, ShapeRef::Structure(_))
}

/// Appends "did you mean" names and, when the name belongs to another
/// service, which `--service` to use.
fn add_hints(
    message: &mut String,
    close: Vec<&str>,
    service: Service,
    in_other: impl Fn(Service) -> bool,
) {
    if let Some(other) = Service::ALL
        .iter()
        .copied()
        .find(|&s| s != service && in_other(s))
    {
        message.push_str(&format!(" (it is in {other}: add `--service {other}`)"));
        return;
    }
    if !close.is_empty() {
        message.push_str("; did you mean ");
        message.push_str(&close.join(", "));
        message.push('?');
    }
}
