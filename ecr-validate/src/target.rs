//! What documents are checked against: a registered structure, an
//! operation's input, output or errors, or a document that payloads carry
//! (a lifecycle policy).

use ecr_models::documents;
use ecr_models::registry::{self, Entry, ShapeRef};
use ecr_models::rules::Embedded;
use ecr_models::{Error, Operation, Options, Service};

/// Which side of an operation a document is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction<'a> {
    /// A request body.
    Input,
    /// A response body.
    Output,
    /// An error body: an error the operation may return, named by the
    /// error type (an `X-Amzn-ErrorType` header) when one is given.
    Error(Option<&'a str>),
}

/// What each document is checked against.
#[derive(Debug, Clone, Copy)]
pub enum Target<'a> {
    /// A registered structure (only structures can be checked as documents).
    Shape(&'static Entry),
    /// One side of an operation.
    Operation(&'static Operation, Direction<'a>),
    /// A document that payloads carry, as a request carries it: the
    /// files users keep beside their infrastructure code.
    Document(&'static Embedded),
}

impl<'a> Target<'a> {
    /// The structure `name` of `service`; an error message for an unknown
    /// name (with close names) or one that is not a structure.
    pub fn shape(service: Service, name: &str) -> Result<Target<'a>, String> {
        let Some(entry) = registry::find(service, name) else {
            return Err(Lookup::Structure.unknown(service, name));
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
    pub fn operation(
        service: Service,
        name: &str,
        direction: Direction<'a>,
    ) -> Result<Target<'a>, String> {
        let Some(op) = registry::operation(service, name) else {
            return Err(Lookup::Operation.unknown(service, name));
        };
        Ok(Target::Operation(op, direction))
    }

    /// Whether the documents may hold a secret (an authorization token):
    /// their text is then never shown, only where a violation is.
    pub fn holds_secret(&self) -> bool {
        use ecr_models::shape::Ty;
        match self {
            Target::Shape(entry) => match entry.shape {
                ShapeRef::Structure(shape) => Ty::Structure(shape).holds_secret(),
                _ => false,
            },
            Target::Operation(op, direction) => {
                let shapes = match direction {
                    Direction::Input => std::slice::from_ref(&op.input),
                    Direction::Output => std::slice::from_ref(&op.output),
                    Direction::Error(_) => op.errors,
                };
                shapes.iter().any(|s| Ty::Structure(s).holds_secret())
            }
            Target::Document(_) => false,
        }
    }

    /// The kind of document `name` of `service` (`lifecycle-policy`); an
    /// error message that lists the kinds for an unknown name.
    pub fn document(service: Service, name: &str) -> Result<Target<'a>, String> {
        registry::document(service, name)
            .map(Target::Document)
            .ok_or_else(|| {
                let known: Vec<&str> = registry::documents(service)
                    .iter()
                    .map(|d| d.name)
                    .collect();
                format!(
                    "unknown document `{name}` in {service}; its documents are {}",
                    known.join(", ")
                )
            })
    }

    /// Checks one JSON document.
    pub fn check(&self, json: &[u8], opts: &Options) -> Result<(), Error> {
        match *self {
            Target::Shape(entry) => entry.check(json, opts),
            Target::Operation(op, Direction::Input) => op.check_input(json, opts),
            Target::Operation(op, Direction::Output) => op.check_output(json, opts),
            Target::Operation(op, Direction::Error(error_type)) => {
                op.check_error(json, error_type, opts)
            }
            Target::Document(embedded) => documents::check_text(embedded, json, opts, false),
        }
    }
}

/// Any registered shape `name` of `service` (structure, enum or scalar); an
/// error message (with close names) for an unknown name.
pub fn entry(service: Service, name: &str) -> Result<&'static Entry, String> {
    registry::find(service, name).ok_or_else(|| Lookup::Shape.unknown(service, name))
}

/// Whether `entry` is a structure, i.e. can check a document.
fn is_structure(entry: &Entry) -> bool {
    matches!(entry.shape, ShapeRef::Structure(_))
}

/// What a name is looked up as.
#[derive(Clone, Copy)]
enum Lookup {
    /// A structure: what documents are checked against.
    Structure,
    /// Any registered shape.
    Shape,
    /// An operation.
    Operation,
}

impl Lookup {
    /// Whether `service` has `name` as this.
    fn has(self, service: Service, name: &str) -> bool {
        match self {
            Lookup::Structure => registry::find(service, name).is_some_and(is_structure),
            Lookup::Shape => registry::find(service, name).is_some(),
            Lookup::Operation => registry::operation(service, name).is_some(),
        }
    }

    /// Names of `service` close to `name`, as this.
    fn close(self, service: Service, name: &str) -> Vec<&'static str> {
        match self {
            Lookup::Structure => {
                let names = registry::entries(service)
                    .iter()
                    .filter(|e| is_structure(e));
                registry::close_names(name, names.map(|e| e.name))
            }
            Lookup::Shape => registry::suggest(service, name),
            Lookup::Operation => registry::suggest_operation(service, name),
        }
    }

    /// The message for a `name` that `service` does not have as this:
    /// which `--service` to use when another service has it, else the
    /// close names ("did you mean").
    fn unknown(self, service: Service, name: &str) -> String {
        let noun = match self {
            Lookup::Operation => "operation",
            Lookup::Structure | Lookup::Shape => "shape",
        };
        let mut message = format!("unknown {noun} `{name}` in {service}");
        let other = Service::ALL
            .iter()
            .copied()
            .find(|&s| s != service && self.has(s, name));
        if let Some(other) = other {
            message.push_str(&format!(" (it is in {other}: add `--service {other}`)"));
            return message;
        }
        let close = self.close(service, name);
        if !close.is_empty() {
            message.push_str("; did you mean ");
            message.push_str(&close.join(", "));
            message.push('?');
        }
        message
    }
}
