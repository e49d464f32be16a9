//! What a shape is and where it is used, for people and tools: the members
//! of a structure with their rules, the values of an enum, the rules of a
//! scalar, and the operations whose input, output or errors contain it
//! ([`describe`]); and checking one bare value against a scalar or enum
//! shape with the same readers, rules and messages as documents
//! ([`check_value`]).
//!
//! ```
//! use ecr_models::{inspect, registry, Code, Options, Service};
//!
//! let name = registry::find(Service::Ecr, "RepositoryName").unwrap();
//! let err = inspect::check_value(name, &"MyRepo".into(), &Options::default()).unwrap_err();
//! assert_eq!(err.violations()[0].code, Code::Pattern);
//!
//! let about = inspect::describe(name);
//! assert!(about.operations.iter().any(|o| o.operation == "CreateRepository"));
//! ```

use std::collections::BTreeSet;

use serde::Serialize;
use serde_json::Value;

use crate::error::Error;
use crate::options::Options;
use crate::read::value_text;
use crate::registry::{self, Entry, ShapeRef};
use crate::rules::{words, IntRule};
use crate::shape::{Member, Paginator, Role, ScalarShape, StructShape, Ty};

/// A shape described: what [`describe`] returns, and what
/// `ecr-validate inspect --format json` prints.
#[derive(Debug, Clone, Serialize)]
pub struct Description {
    /// The service: `ecr` or `ecr-public`.
    pub service: &'static str,
    /// The shape's name.
    pub name: &'static str,
    /// `structure`, `enum` or `scalar`.
    pub kind: &'static str,
    /// What the shape is for: `input`, `output`, `error`, `paginate`,
    /// `wait`, `nested`, `enum`, `scalar`.
    pub role: &'static str,
    /// The operation whose input, output, paginator or waiter request this is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub operation: Option<&'static str>,
    /// An error body: it also carries `__type`.
    #[serde(skip_serializing_if = "is_false")]
    pub exception: bool,
    /// A structure's members, in model order.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub members: Option<Vec<MemberInfo>>,
    /// An enum's values, case-sensitive, in model order.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub values: Option<&'static [&'static str]>,
    /// A scalar's type and rules.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub ty: Option<TypeInfo>,
    /// The operations whose input, output or errors contain the shape,
    /// directly or nested, in model order.
    pub operations: Vec<OperationUse>,
}

/// A member of a structure.
#[derive(Debug, Clone, Serialize)]
pub struct MemberInfo {
    /// The name on the wire.
    pub name: &'static str,
    /// The model shape of its value.
    pub shape: &'static str,
    /// Whether it must be present (and not `null`).
    pub required: bool,
    /// The value's type and rules.
    #[serde(rename = "type")]
    pub ty: TypeInfo,
}

/// A type and its rules.
#[derive(Debug, Clone, Default, Serialize)]
pub struct TypeInfo {
    /// `string`, `integer`, `long`, `double`, `boolean`, `timestamp`,
    /// `blob`, `enum`, `list`, `map` or `structure`.
    pub kind: &'static str,
    /// The shape's name, for enums, lists, maps and structures.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<&'static str>,
    /// A string's length, in Unicode scalar values.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub length: Option<Bounds>,
    /// The whole-value pattern of a string (the `anchored` form).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pattern: Option<&'static str>,
    /// A credential: no message quotes it.
    #[serde(skip_serializing_if = "is_false")]
    pub secret: bool,
    /// An integer's or long's range, including the limits of its type.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub range: Option<Range>,
    /// A blob's size in decoded bytes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub size: Option<Bounds>,
    /// An enum's values.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub values: Option<&'static [&'static str]>,
    /// A list's item count.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub items: Option<Bounds>,
    /// A list's items.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub member: Option<Box<TypeInfo>>,
    /// A map's keys.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key: Option<Box<TypeInfo>>,
    /// A map's values.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<Box<TypeInfo>>,
}

/// Inclusive bounds; either may be absent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Bounds {
    /// The least.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min: Option<u64>,
    /// The most.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max: Option<u64>,
}

/// An inclusive integer range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Range {
    /// The smallest value.
    pub min: i64,
    /// The largest value.
    pub max: i64,
}

/// How one operation uses a shape.
#[derive(Debug, Clone, Serialize)]
pub struct OperationUse {
    /// The operation.
    pub operation: &'static str,
    /// Each side of it that contains the shape.
    pub uses: Vec<Use>,
}

/// One side of an operation that contains a shape.
#[derive(Debug, Clone, Serialize)]
pub struct Use {
    /// `input`, `output` or `error`; `paginate` or `wait` for boto3's
    /// paginator and waiter requests, when no other side contains it.
    #[serde(rename = "as")]
    pub side: &'static str,
    /// The structure of that side: the input or output shape, the error
    /// shape, or the paginator or waiter request.
    pub shape: &'static str,
    /// Whether that structure is the shape itself (else it is nested in it).
    pub direct: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// Describes a registered shape: members, types, rules, values, and the
/// operations that use it.
pub fn describe(entry: &'static Entry) -> Description {
    let mut d = Description {
        service: entry.service().name(),
        name: entry.name,
        kind: "",
        role: entry.role.as_str(),
        operation: None,
        exception: false,
        members: None,
        values: None,
        ty: None,
        operations: uses(entry),
    };
    match entry.shape {
        ShapeRef::Structure(s) => {
            d.kind = "structure";
            d.operation = s.operation;
            d.exception = s.exception;
            d.members = Some(s.members.iter().map(member_info).collect());
        }
        ShapeRef::Enum(e) => {
            d.kind = "enum";
            d.values = Some(e.values);
        }
        ShapeRef::Scalar(s) => {
            d.kind = "scalar";
            d.ty = Some(type_info(&s.ty));
        }
    }
    d
}

fn member_info(m: &'static Member) -> MemberInfo {
    MemberInfo {
        name: m.name,
        shape: m.shape,
        required: m.required,
        ty: type_info(&m.ty),
    }
}

fn bounds(min: Option<u64>, max: Option<u64>) -> Option<Bounds> {
    (min.is_some() || max.is_some()).then_some(Bounds { min, max })
}

/// The type and rules of `ty`; a structure is named, not expanded.
pub fn type_info(ty: &Ty) -> TypeInfo {
    let kind = ty.kind();
    match *ty {
        Ty::String(r) => TypeInfo {
            kind,
            length: bounds(r.min, r.max),
            pattern: r.pattern.map(|p| p.anchored),
            secret: r.secret,
            ..TypeInfo::default()
        },
        Ty::Integer(r) | Ty::Long(r) => TypeInfo {
            kind,
            range: Some(Range {
                min: r.min,
                max: r.max,
            }),
            ..TypeInfo::default()
        },
        Ty::Double | Ty::Boolean | Ty::Timestamp => TypeInfo {
            kind,
            ..TypeInfo::default()
        },
        Ty::Blob(r) => TypeInfo {
            kind,
            size: bounds(r.min, r.max),
            ..TypeInfo::default()
        },
        Ty::Enum(e) => TypeInfo {
            kind: "enum",
            name: Some(e.name),
            values: Some(e.values),
            ..TypeInfo::default()
        },
        Ty::List(l) => TypeInfo {
            kind: "list",
            name: Some(l.name),
            items: bounds(l.items.min, l.items.max),
            member: Some(Box::new(type_info(&l.member))),
            ..TypeInfo::default()
        },
        Ty::Map(m) => TypeInfo {
            kind: "map",
            name: Some(m.name),
            key: Some(Box::new(type_info(&m.key))),
            value: Some(Box::new(type_info(&m.value))),
            ..TypeInfo::default()
        },
        Ty::Structure(s) => TypeInfo {
            kind: "structure",
            name: Some(s.name),
            ..TypeInfo::default()
        },
    }
}

/// The rules of `ty` in words: what the generated docs of a member of that
/// type state after its shape's name, from the rule types' own words
/// ([`StrRule::describe`](crate::rules::StrRule::describe) and the others).
/// A list states its item count, then `each item (...)`; a map `each key
/// (...)` and `each value (...)`; an integer its range only when the range
/// narrows `i32` or `i64`; a structure nothing (its members have their
/// own). `""` when there is no rule.
///
/// ```
/// use ecr_models::{inspect, registry, Service};
/// use ecr_models::registry::ShapeRef;
///
/// let Some(ShapeRef::Structure(request)) =
///     registry::find(Service::Ecr, "BatchGetRepositoryScanningConfigurationRequest").map(|e| e.shape)
/// else {
///     unreachable!()
/// };
/// let rules = inspect::rules(&request.members[0].ty);
/// assert!(rules.starts_with("items 1..=25; each item (length 2..=256 characters, pattern `^(?:[a-z0-9]+"));
/// ```
pub fn rules(ty: &Ty) -> String {
    match *ty {
        Ty::String(r) => r.describe(),
        Ty::Integer(r) => r.describe_within(&IntRule::I32),
        Ty::Long(r) => r.describe_within(&IntRule::I64),
        Ty::Double | Ty::Boolean | Ty::Structure(_) => String::new(),
        Ty::Timestamp => words::TIMESTAMP.to_string(),
        Ty::Blob(r) => r.describe(),
        Ty::Enum(e) => words::one_of(e.values.iter().copied()),
        Ty::List(l) => words::list(&l.items.describe(), &rules(&l.member)),
        Ty::Map(m) => words::map(&rules(&m.key), &rules(&m.value)),
    }
}

/// What a walk looks for.
#[derive(Clone, Copy)]
enum Wanted {
    Structure(&'static str),
    Enum(&'static str),
    Scalar(&'static ScalarShape),
}

/// The operations of the entry's service whose input, output or declared
/// errors contain the shape, directly or nested (through members, list items
/// and map keys and values), in model order. boto3's paginator and waiter
/// requests count as `paginate` and `wait` sides when no other side of the
/// operation contains the shape.
///
/// A scalar is found as the value of a member of that shape, and, when it has
/// rules of its own, as a list item or map key or value with those rules; a
/// scalar without rules (a plain `String`) that is only ever a list item is
/// not found.
pub fn uses(entry: &Entry) -> Vec<OperationUse> {
    let wanted = match entry.shape {
        ShapeRef::Structure(s) => Wanted::Structure(s.name),
        ShapeRef::Enum(e) => Wanted::Enum(e.name),
        ShapeRef::Scalar(s) => Wanted::Scalar(s),
    };
    let service = entry.service();
    let extra: Vec<&'static StructShape> = registry::entries(service)
        .iter()
        .filter_map(|e| match e.shape {
            ShapeRef::Structure(s) if matches!(s.role, Role::Paginate | Role::Wait) => Some(s),
            _ => None,
        })
        .collect();
    let mut out = Vec::new();
    for op in registry::operations(service) {
        let mut found = Vec::new();
        let sides = [("input", op.input), ("output", op.output)]
            .into_iter()
            .chain(op.errors.iter().map(|&e| ("error", e)));
        for (side, shape) in sides {
            if let Some(direct) = contains(shape, wanted) {
                found.push(Use {
                    side,
                    shape: shape.name,
                    direct,
                });
            }
        }
        if found.is_empty() {
            for s in extra.iter().filter(|s| s.operation == Some(op.name)) {
                if let Some(direct) = contains(s, wanted) {
                    let side = if s.role == Role::Wait {
                        "wait"
                    } else {
                        "paginate"
                    };
                    found.push(Use {
                        side,
                        shape: s.name,
                        direct,
                    });
                }
            }
        }
        if !found.is_empty() {
            out.push(OperationUse {
                operation: op.name,
                uses: found,
            });
        }
    }
    out
}

/// `Some(true)` when `root` is the wanted shape, `Some(false)` when it
/// contains it, `None` otherwise.
fn contains(root: &'static StructShape, wanted: Wanted) -> Option<bool> {
    if matches!(wanted, Wanted::Structure(name) if name == root.name) {
        return Some(true);
    }
    let mut seen = BTreeSet::new();
    walk_structure(root, wanted, &mut seen).then_some(false)
}

fn walk_structure(
    s: &'static StructShape,
    wanted: Wanted,
    seen: &mut BTreeSet<&'static str>,
) -> bool {
    // Seen before in this walk means already searched (or being searched).
    if !seen.insert(s.name) {
        return false;
    }
    s.members.iter().any(|m| {
        matches!(wanted, Wanted::Scalar(sc) if m.shape == sc.name) || walk(&m.ty, wanted, seen)
    })
}

fn walk(ty: &Ty, wanted: Wanted, seen: &mut BTreeSet<&'static str>) -> bool {
    match (*ty, wanted) {
        (Ty::Structure(s), Wanted::Structure(name)) if s.name == name => true,
        (Ty::Structure(s), _) => walk_structure(s, wanted, seen),
        (Ty::List(l), _) => walk(&l.member, wanted, seen),
        (Ty::Map(m), _) => walk(&m.key, wanted, seen) || walk(&m.value, wanted, seen),
        (Ty::Enum(e), Wanted::Enum(name)) => e.name == name,
        (leaf, Wanted::Scalar(sc)) => same_rules(&leaf, &sc.ty),
        _ => false,
    }
}

/// Whether `a` is the scalar `b` by its rules: the same rule static, when
/// `b` has rules of its own (each constrained scalar has its own static).
fn same_rules(a: &Ty, b: &Ty) -> bool {
    match (*a, *b) {
        (Ty::String(x), Ty::String(y)) => {
            std::ptr::eq(x, y) && (y.min.is_some() || y.max.is_some() || y.pattern.is_some())
        }
        (Ty::Integer(x), Ty::Integer(y)) | (Ty::Long(x), Ty::Long(y)) => {
            std::ptr::eq(x, y) && *y != IntRule::I32 && *y != IntRule::I64
        }
        (Ty::Blob(x), Ty::Blob(y)) => std::ptr::eq(x, y) && (y.min.is_some() || y.max.is_some()),
        _ => false,
    }
}

/// Checks one bare JSON value against a registered shape: a scalar or an
/// enum (a structure is checked as a document). The readers, rules, codes
/// and messages are those of document validation; the violations' paths are
/// relative to the value (`""` for the value itself).
///
/// ```
/// use ecr_models::{inspect::check_value, registry::find, Options, Service};
/// use serde_json::json;
///
/// let max_results = find(Service::Ecr, "MaxResults").unwrap();
/// let err = check_value(max_results, &json!(1001), &Options::default()).unwrap_err();
/// assert_eq!(err.violations()[0].message, "1001 is outside the range 1..=1000");
///
/// let scan_type = find(Service::Ecr, "ScanType").unwrap();
/// assert!(check_value(scan_type, &json!("ENHANCED"), &Options::default()).is_ok());
/// ```
pub fn check_value(entry: &Entry, value: &Value, opts: &Options) -> Result<(), Error> {
    entry.check(&value_text(value), opts)
}

/// Checks one JSON value against a type and its rules, as a document's
/// member of that type is checked.
pub fn check_ty(ty: &Ty, value: &Value, opts: &Options) -> Result<(), Error> {
    crate::json::check_ty(*ty, &value_text(value), opts)
}

/// An operation described: what [`describe_operation`] returns, and what
/// `ecr-validate inspect --operation NAME --format json` prints. Tokens and
/// keys are always lists, in model order.
#[derive(Debug, Clone, Serialize)]
pub struct OperationDescription {
    /// The model's name: `DescribeImages`.
    pub name: &'static str,
    /// The service: `ecr` or `ecr-public`.
    pub service: &'static str,
    /// boto3's method: `describe_images`.
    pub method: &'static str,
    /// The input shape.
    pub input: &'static str,
    /// The output shape.
    pub output: &'static str,
    /// The declared error shapes, in model order.
    pub errors: Vec<&'static str>,
    /// The paginator, or `null`.
    pub paginator: Option<&'static Paginator>,
    /// The waiters that poll the operation.
    pub waiters: Vec<WaiterInfo>,
}

/// A waiter.
#[derive(Debug, Clone, Serialize)]
pub struct WaiterInfo {
    /// boto3's waiter name: `image_scan_complete`.
    pub name: &'static str,
    /// The operation it polls.
    pub operation: &'static str,
    /// Seconds between attempts.
    pub delay: u32,
    /// Attempts before it gives up.
    pub max_attempts: u32,
    /// Its acceptors, in order.
    pub acceptors: Vec<AcceptorInfo>,
}

/// A waiter's acceptor.
#[derive(Debug, Clone, Serialize)]
pub struct AcceptorInfo {
    /// `success`, `failure` or `retry`.
    pub state: &'static str,
    /// `path`, `pathAll`, `pathAny`, `status` or `error`.
    pub matcher: &'static str,
    /// The JMESPath expression, or `null`.
    pub argument: Option<&'static str>,
    /// The value matched against.
    pub expected: Value,
}

/// Describes an operation: its boto3 method, shapes, paginator and waiters.
pub fn describe_operation(op: &'static crate::shape::Operation) -> OperationDescription {
    OperationDescription {
        name: op.name,
        service: op.service.name(),
        method: op.method,
        input: op.input.name,
        output: op.output.name,
        errors: op.errors.iter().map(|e| e.name).collect(),
        paginator: op.paginator,
        waiters: op
            .waiters
            .iter()
            .map(|w| WaiterInfo {
                name: w.name,
                operation: w.operation,
                delay: w.delay,
                max_attempts: w.max_attempts,
                acceptors: w
                    .acceptors
                    .iter()
                    .map(|a| AcceptorInfo {
                        state: a.state.as_str(),
                        matcher: a.matcher.as_str(),
                        argument: a.argument,
                        expected: a.expected.to_json(),
                    })
                    .collect(),
            })
            .collect(),
    }
}

/// A kind of document that strings carry, described: what
/// [`describe_document`] returns, and what `ecr-validate inspect
/// --document NAME --format json` prints.
#[derive(Debug, Clone, Serialize)]
pub struct DocumentDescription {
    /// The service: `ecr` or `ecr-public`.
    pub service: &'static str,
    /// The document's name: `LifecyclePolicy`.
    pub name: &'static str,
    /// What it is: `a lifecycle policy`.
    pub title: &'static str,
    /// Its JSON Schema's file under `schemas/`, and `$id`.
    pub schema_file: String,
    /// The `$id` of its schema.
    pub schema_id: &'static str,
    /// The members that carry it, in registry order.
    pub carried_by: Vec<Carrier>,
    /// Its JSON Schema (2020-12): every rule JSON Schema can say, its
    /// description naming the rest.
    pub schema: Value,
}

/// A member that carries a document.
#[derive(Debug, Clone, Serialize)]
pub struct Carrier {
    /// The structure.
    pub shape: &'static str,
    /// The member's name on the wire.
    pub member: &'static str,
    /// The structure's role: `input`, `output`, `nested`...
    pub role: &'static str,
}

/// Describes a kind of document of `service` ([`registry::documents`]):
/// the members that carry it, found in the shape tables, and its schema.
pub fn describe_document(
    service: crate::Service,
    document: &'static crate::rules::Embedded,
) -> DocumentDescription {
    let carried_by = registry::entries(service)
        .iter()
        .filter_map(|e| match e.shape {
            ShapeRef::Structure(s) => Some(s),
            _ => None,
        })
        .flat_map(|s| s.members.iter().map(move |m| (s, m)))
        .filter(|(_, m)| match m.ty {
            Ty::String(rule) => rule.document.is_some_and(|d| std::ptr::eq(d, document)),
            _ => false,
        })
        .map(|(s, m)| Carrier {
            shape: s.name,
            member: m.name,
            role: s.role.as_str(),
        })
        .collect();
    DocumentDescription {
        service: service.name(),
        name: document.name,
        title: document.title,
        schema_file: format!("{}/documents/{}.json", service.name(), document.name),
        schema_id: document.schema_id,
        carried_by,
        schema: (document.schema)(),
    }
}
