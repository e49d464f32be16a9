//! A run-time description of every shape of the model: the members of each
//! structure, the rules of each scalar, the values of each enum. Generated
//! code declares one static per shape. The JSON Schema writer, the inspector
//! and the registry read these; the readers use the same rule statics.

use crate::options::Options;
use crate::rules::{BlobRule, IntRule, ItemsRule, StrRule};

mod role;
pub use role::Role;

/// The two services.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Service {
    /// Amazon ECR, API version 2015-09-21.
    Ecr,
    /// Amazon ECR Public, API version 2020-10-30.
    EcrPublic,
}

impl Service {
    /// Every service this build includes.
    pub const ALL: &'static [Service] = &[
        #[cfg(feature = "ecr")]
        Service::Ecr,
        #[cfg(feature = "ecr-public")]
        Service::EcrPublic,
    ];

    /// boto3's name for the service (`boto3.client(name)`, the stubs'
    /// `ECRServiceName`): `ecr`, `ecr-public`; also the command-line name.
    pub fn boto3_name(self) -> &'static str {
        self.name()
    }

    /// The name used on the command line and in schema paths: `ecr`, `ecr-public`.
    pub fn name(self) -> &'static str {
        match self {
            Service::Ecr => "ecr",
            Service::EcrPublic => "ecr-public",
        }
    }

    /// The service for a command-line name.
    pub fn from_name(name: &str) -> Option<Service> {
        Service::ALL.iter().copied().find(|s| s.name() == name)
    }

    /// The root of the service's API reference.
    pub fn reference_url(self) -> &'static str {
        match self {
            Service::Ecr => "https://docs.aws.amazon.com/AmazonECR/latest/APIReference/",
            Service::EcrPublic => {
                "https://docs.aws.amazon.com/AmazonECRPublic/latest/APIReference/"
            }
        }
    }
}

impl std::fmt::Display for Service {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

impl Role {
    /// The role as written in `schemas/index.json`.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Input => "input",
            Role::Output => "output",
            Role::Error => "error",
            Role::Paginate => "paginate",
            Role::Wait => "wait",
            Role::Nested => "nested",
            Role::Enum => "enum",
            Role::Scalar => "scalar",
        }
    }

    /// Whether documents of this role come from AWS: an operation's output
    /// or an error body. Every shape nested in one is judged as part of it.
    pub fn is_response(self) -> bool {
        matches!(self, Role::Output | Role::Error)
    }
}

/// Which rules a document's role is held to: questions of the options
/// ([`Options`], a layer below) about roles, answered here, where both are
/// seen, so that `options` names no module above it.
impl Options {
    /// Whether a document of `role` is held to the item counts of its lists
    /// (and maps). Requests are. Responses and error bodies are not, unless
    /// [`Options::exact_outputs`] asks for the letter of the model: Smithy's
    /// constraint traits bind what a client sends, servers and SDKs do not
    /// hold responses to them (aws-sdk-rust and botocore check nothing on
    /// the way in), and real responses break them: `ListImages` with
    /// `maxResults` 1,000 returns up to 1,000 `imageIds` in a list shape
    /// that says 1..=100, `BatchDeleteImage` returns `"imageIds": []`, and
    /// boto3's `build_full_result()` merges pages into lists of any length.
    /// Every other rule holds in responses too.
    pub fn list_bounds_apply(&self, role: Role) -> bool {
        self.exact_outputs || !role.is_response()
    }

    /// Whether a document of `role` is held to its enums' known values: a
    /// value the model does not list is an `enum` violation rather than
    /// kept in the enum's `Unknown` variant. Requests are (AWS's servers
    /// refuse such a value), unless [`Options::allow_unknown_enums`].
    /// Responses and error bodies are not, unless [`Options::exact_outputs`]
    /// asks for the letter of the model: Smithy's enums are open (adding a
    /// value is a backward-compatible change and clients must accept values
    /// they do not know), every AWS SDK keeps them (aws-sdk-ecr's `Unknown`
    /// variants), and AWS answers with values newer than any model:
    /// DescribeImageScanFindings of an enhanced scan counts `UNTRIAGED`
    /// findings in `findingSeverityCounts`, a value no botocore model lists.
    pub fn enums_closed(&self, role: Role) -> bool {
        !self.allow_unknown_enums && (self.exact_outputs || !role.is_response())
    }
}

/// The type of a member, list item or map entry, with its rules.
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub enum Ty {
    /// A string shape.
    String(&'static StrRule),
    /// A 32-bit integer shape.
    Integer(&'static IntRule),
    /// A 64-bit integer shape.
    Long(&'static IntRule),
    /// A double or float shape.
    Double,
    /// A boolean.
    Boolean,
    /// A timestamp: epoch seconds, or one of the accepted date-time strings.
    Timestamp,
    /// Bytes, as base64 text.
    Blob(&'static BlobRule),
    /// One of the enum's values.
    Enum(&'static EnumShape),
    /// A list.
    List(&'static ListShape),
    /// A map.
    Map(&'static MapShape),
    /// A structure.
    Structure(&'static StructShape),
}

impl Ty {
    /// Whether a value of this type may hold a secret at any depth: a
    /// credential no message quotes ([`StrRule::secret`]), which a tool
    /// that shows a document's text must not show either.
    pub fn holds_secret(self) -> bool {
        self.holds_secret_within(32)
    }

    /// [`Ty::holds_secret`], looking at most `depth` structures down
    /// [`Ty::holds_secret`], looking at most `depth` structures down
    /// (deeper, it may: the answer errs on the side of a secret).
    fn holds_secret_within(self, depth: usize) -> bool {
        match self {
            Ty::String(rule) => rule.secret,
            Ty::List(list) => list.member.holds_secret_within(depth),
            Ty::Map(map) => {
                map.key.holds_secret_within(depth) || map.value.holds_secret_within(depth)
            }
            Ty::Structure(shape) => {
                depth == 0
                    || shape
                        .members
                        .iter()
                        .any(|m| m.ty.holds_secret_within(depth - 1))
            }
            _ => false,
        }
    }
}

/// A shape found by name.
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub enum ShapeRef {
    /// A structure.
    Structure(&'static StructShape),
    /// An enum.
    Enum(&'static EnumShape),
    /// A scalar with rules (or none).
    Scalar(&'static ScalarShape),
}

/// A structure shape.
#[derive(Debug)]
#[non_exhaustive]
pub struct StructShape {
    /// The model's name (or boto3's, for the extra shapes).
    pub name: &'static str,
    /// The service.
    pub service: Service,
    /// Members, in model order.
    pub members: &'static [Member],
    /// Whether this is an error shape: its body may also carry the members
    /// that name the error (`__type`, `code`), and
    /// `message` also as `Message` (a member of its own here).
    pub exception: bool,
    /// What the shape is for.
    pub role: Role,
    /// The operation whose input, output, paginator or waiter this is.
    pub operation: Option<&'static str>,
    /// The index in `members` of the member a name on the wire stands for
    /// ([`StructShape::position`]).
    pub(crate) index: fn(&str) -> Option<usize>,
    /// Which of the first 64 members are required: bit `i` for
    /// `members[i]`, so one comparison tells whether an object has them all.
    pub(crate) required: u64,
}

/// The members of an error body that name its error, in the order the SDKs
/// read them: `__type` first, then `code` (botocore's JSON parser, the Go
/// and JS SDKs and smithy-rs's `parse_error_metadata` all read both).
pub(crate) const ENVELOPE: [&str; 2] = ["__type", "code"];

impl StructShape {
    /// The place in [`StructShape::members`] of the member a name on the
    /// wire stands for (a member, or its other spelling: `Message` for
    /// `message`), compared exactly.
    pub fn position(&self, name: &str) -> Option<usize> {
        (self.index)(name)
    }

    /// Whether `key` is a member that names an error body's error
    /// ([`ENVELOPE`]) in a body of this shape: read to find the error,
    /// skipped in its shape.
    pub(crate) fn names_the_error(&self, key: &str) -> bool {
        self.exception && ENVELOPE.contains(&key)
    }
}

/// A member of a structure.
#[derive(Debug)]
#[non_exhaustive]
pub struct Member {
    /// The name on the wire.
    pub name: &'static str,
    /// The model shape of the member's value.
    pub shape: &'static str,
    /// Whether the member must be present (and not `null`).
    pub required: bool,
    /// The value's type and rules.
    pub ty: Ty,
}

/// A list shape.
#[derive(Debug)]
#[non_exhaustive]
pub struct ListShape {
    /// The model's name.
    pub name: &'static str,
    /// Item count.
    pub items: ItemsRule,
    /// The items' type.
    pub member: Ty,
}

/// A map shape: string keys (possibly an enum's values) to values.
#[derive(Debug)]
#[non_exhaustive]
pub struct MapShape {
    /// The model's name.
    pub name: &'static str,
    /// The keys' type.
    pub key: Ty,
    /// The values' type.
    pub value: Ty,
}

/// An enum shape.
#[derive(Debug)]
#[non_exhaustive]
pub struct EnumShape {
    /// The model's name.
    pub name: &'static str,
    /// The service.
    pub service: Service,
    /// Every known value, case-sensitive, in model order.
    pub values: &'static [&'static str],
}

/// A named scalar, list or map shape of the model: `RepositoryName`, `ImageTag`...
#[derive(Debug)]
#[non_exhaustive]
pub struct ScalarShape {
    /// The model's name.
    pub name: &'static str,
    /// The service.
    pub service: Service,
    /// The type and rules.
    pub ty: Ty,
}

impl Ty {
    /// The model's name of the type for a reader: `string`, `integer`, a shape name...
    pub fn kind(&self) -> &'static str {
        match self {
            Ty::String(_) => "string",
            Ty::Integer(_) => "integer",
            Ty::Long(_) => "long",
            Ty::Double => "double",
            Ty::Boolean => "boolean",
            Ty::Timestamp => "timestamp",
            Ty::Blob(_) => "blob",
            Ty::Enum(e) => e.name,
            Ty::List(l) => l.name,
            Ty::Map(m) => m.name,
            Ty::Structure(s) => s.name,
        }
    }
}

/// An operation of a service.
#[derive(Debug)]
#[non_exhaustive]
pub struct Operation {
    /// The operation's name: `DescribeImages`.
    pub name: &'static str,
    /// The service.
    pub service: Service,
    /// The input shape.
    pub input: &'static StructShape,
    /// The output shape.
    pub output: &'static StructShape,
    /// The error shapes the model declares for it.
    pub errors: &'static [&'static StructShape],
    /// boto3's method for it (botocore's `xform_name`): `describe_images`.
    pub method: &'static str,
    /// The AWS CLI's command for it: `describe-images`.
    pub cli: &'static str,
    /// Its paginator, if it has one (`paginators-1.json`).
    pub paginator: Option<&'static Paginator>,
    /// The waiters that poll it (`waiters-2.json`).
    pub waiters: &'static [Waiter],
}

/// An operation's paginator, as `paginators-1.json` writes it: every token
/// and key as a list, in model order (a result key may be a path:
/// `imageScanFindings.findings`).
#[derive(Debug, serde::Serialize)]
#[non_exhaustive]
pub struct Paginator {
    /// boto3's paginator name (`client.get_paginator(name)`): the
    /// operation's method name.
    pub name: &'static str,
    /// The request members that carry the token.
    pub input_token: &'static [&'static str],
    /// The response members that carry the next token.
    pub output_token: &'static [&'static str],
    /// The request member that limits a page, if any.
    pub limit_key: Option<&'static str>,
    /// The response members whose lists make up the result.
    pub result_key: &'static [&'static str],
    /// The response members that are the same on every page.
    pub non_aggregate_keys: &'static [&'static str],
}

/// A waiter, as `waiters-2.json` writes it.
#[derive(Debug)]
#[non_exhaustive]
pub struct Waiter {
    /// boto3's name (`client.get_waiter(name)`): `image_scan_complete`.
    pub name: &'static str,
    /// The model's name: `ImageScanComplete`.
    pub model_name: &'static str,
    /// The operation it polls.
    pub operation: &'static str,
    /// Seconds between attempts.
    pub delay: u32,
    /// Attempts before it gives up.
    pub max_attempts: u32,
    /// What each response means, tried in order.
    pub acceptors: &'static [Acceptor],
}

/// One acceptor of a waiter: when it matches, the waiter reaches `state`.
#[derive(Debug)]
#[non_exhaustive]
pub struct Acceptor {
    /// Where the waiter goes.
    pub state: WaiterState,
    /// How the response is matched.
    pub matcher: Matcher,
    /// The JMESPath expression (`path` matchers), if any.
    pub argument: Option<&'static str>,
    /// The value matched against.
    pub expected: Expected,
}

/// The states a waiter reaches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum WaiterState {
    /// Done.
    Success,
    /// Given up.
    Failure,
    /// Polled again.
    Retry,
}

impl WaiterState {
    /// As `waiters-2.json` writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            WaiterState::Success => "success",
            WaiterState::Failure => "failure",
            WaiterState::Retry => "retry",
        }
    }
}

/// botocore's acceptor matchers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Matcher {
    /// The expression's value equals `expected`.
    Path,
    /// Every element of the expression's list equals `expected`.
    PathAll,
    /// Some element of the expression's list equals `expected`.
    PathAny,
    /// The HTTP status equals `expected`.
    Status,
    /// The error code equals `expected` (or, with `true`/`false`, any
    /// error or none).
    Error,
}

impl Matcher {
    /// As `waiters-2.json` writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Matcher::Path => "path",
            Matcher::PathAll => "pathAll",
            Matcher::PathAny => "pathAny",
            Matcher::Status => "status",
            Matcher::Error => "error",
        }
    }
}

/// An acceptor's expected value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Expected {
    /// A string.
    Str(&'static str),
    /// A number (an HTTP status).
    Int(i64),
    /// `true` or `false`.
    Bool(bool),
}

impl Expected {
    /// As JSON.
    pub fn to_json(self) -> serde_json::Value {
        match self {
            Expected::Str(s) => s.into(),
            Expected::Int(n) => n.into(),
            Expected::Bool(b) => b.into(),
        }
    }
}

impl Operation {
    /// Whether `name` names this operation: as the model writes it
    /// (`DescribeImages`), as boto3 does (`describe_images`) or as the AWS
    /// CLI does (`describe-images`).
    pub fn is_named(&self, name: &str) -> bool {
        self.name == name || self.method == name || self.cli == name
    }

    /// Whether the model declares the error `name` for this operation.
    pub fn declares(&self, name: &str) -> bool {
        self.errors.iter().any(|e| e.name == name)
    }
}

#[cfg(any(feature = "validator", feature = "garde"))]
/// How a step of a JSON Pointer goes down, as the shape tables read it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum StepKind {
    /// To a member of a structure, by its name on the wire (one the shape
    /// does not have too).
    Member,
    /// To an item of a list.
    Item(usize),
    /// To the value of a map's key.
    Key,
    /// Below a value the shape tables describe no further: inside a
    /// document a string carries, or past a scalar.
    Inside,
}

#[cfg(any(feature = "validator", feature = "garde"))]
/// One step of a JSON Pointer: its segment (unescaped), how it goes down,
/// and the type of the value it reaches, where the shape tables know it.
#[derive(Debug, Clone)]
pub(crate) struct Step {
    pub segment: String,
    pub kind: StepKind,
    // What validator's tree needs (a list of structures, a map); garde's
    // path needs only the kind.
    #[cfg_attr(not(feature = "validator"), allow(dead_code))]
    pub ty: Option<Ty>,
}

#[cfg(any(feature = "validator", feature = "garde"))]
/// The steps of `pointer` (a violation's path) below a value of type
/// `root`: what the adapters to other validation libraries (validator,
/// garde) build their paths from.
pub(crate) fn steps(root: Ty, pointer: &str) -> Vec<Step> {
    let mut at = Some(root);
    let mut steps = Vec::new();
    for segment in pointer.split('/').skip(1) {
        let segment = segment.replace("~1", "/").replace("~0", "~");
        let (kind, ty) = match at {
            Some(Ty::Structure(shape)) => {
                let member = shape.position(&segment).and_then(|i| shape.members.get(i));
                (StepKind::Member, member.map(|m| m.ty))
            }
            Some(Ty::List(list)) => match segment.parse::<usize>() {
                Ok(index) => (StepKind::Item(index), Some(list.member)),
                Err(_) => (StepKind::Inside, None),
            },
            Some(Ty::Map(map)) => (StepKind::Key, Some(map.value)),
            _ => (StepKind::Inside, None),
        };
        at = ty;
        steps.push(Step { segment, kind, ty });
    }
    steps
}
