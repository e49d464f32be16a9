//! AWS JSON error bodies as the SDKs read them: which error a body (or the
//! `X-Amzn-ErrorType` header) names, and the common errors that any
//! operation of any service can return.

use std::fmt;
use std::marker::PhantomData;

use serde::{Deserialize, Serialize};

use crate::error::{Code, Error};
use crate::options::Options;
use crate::parse::{Parser, Syntax};
use crate::read::{member, placed_in, run_bytes, Cx, Fields, Path, Str, Struct};
use crate::rules::{quote, StrRule};
use crate::shape::{Member, Operation, Role, Service, StructShape, Ty, ENVELOPE};

/// AWS's common errors: any operation may return them, whatever its model
/// declares. Each name is spelled as it arrives on the wire; where it comes
/// from is said beside it.
pub const COMMON_ERRORS: &[&str] = &[
    // The "Common Errors" page of the ECR and ECR Public API references
    // (the spellings of AWS's query protocol included, as the page lists them).
    "AccessDeniedException",
    "ExpiredTokenException",
    "IncompleteSignature",
    "InternalFailure",
    "InvalidAction",
    "InvalidClientTokenId",
    "InvalidParameterCombination",
    "InvalidParameterValue",
    "InvalidQueryParameter",
    "MalformedHttpRequestException",
    "MalformedQueryString",
    "MissingAction",
    "MissingAuthenticationToken",
    "MissingParameter",
    "NotAuthorized",
    "OptInRequired",
    "RequestAbortedException",
    "RequestEntityTooLargeException",
    "RequestExpired",
    "RequestTimeoutException",
    "ServiceUnavailable",
    "ThrottlingException",
    "UnknownOperationException",
    "UnrecognizedClientException",
    "ValidationError",
    // What AWS's JSON-protocol front end sends for the same failures, and the
    // SDKs classify (aws-sdk-cpp's CoreErrors mapper lists each; DynamoDB's
    // "Error handling" page lists them as the JSON services' error types):
    // no credentials at all,
    "MissingAuthenticationTokenException",
    // a signature without all of its parts,
    "IncompleteSignatureException",
    // a signature that does not match,
    "InvalidSignatureException",
    // a body the service cannot deserialize,
    "SerializationException",
    // and a request that breaks a constraint, on operations that do not
    // declare ValidationException (ECR declares it for some; ECR Public
    // for none).
    "ValidationException",
    // Server and throttling spellings that the SDKs' retry classifiers
    // (smithy-rs aws-runtime, botocore's _retry.json, aws-sdk-js-v3
    // service-error-classification) treat as transient.
    "InternalServerError",
    "RequestTimeout",
    "ServiceUnavailableException",
    "TooManyRequestsException",
];

/// One of AWS's common errors ([`COMMON_ERRORS`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommonError {
    /// The error's name, without a namespace: `ThrottlingException`.
    pub name: String,
    /// The message, if the body has one (`message`, else `Message`).
    pub message: Option<String>,
}

/// `Name: message`, or the name alone: how an error of AWS is written for
/// people (its exception structure, a service's `ServiceError`, a
/// [`CommonError`]), as the SDKs write theirs.
pub(crate) fn write_error(
    f: &mut fmt::Formatter<'_>,
    name: &str,
    message: Option<&str>,
) -> fmt::Result {
    match message {
        Some(message) => write!(f, "{name}: {message}"),
        None => f.write_str(name),
    }
}

/// `ThrottlingException: Rate exceeded`.
impl fmt::Display for CommonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_error(f, &self.name, self.message.as_deref())
    }
}

impl std::error::Error for CommonError {}

/// A member of an error body that is any string, optional.
const fn any_string(name: &'static str) -> Member {
    Member {
        name,
        shape: "String",
        required: false,
        ty: Ty::String(&StrRule::ANY),
    }
}

/// The slots of an error-body shape `S` whose two members are optional
/// strings of any value ([`COMMON_BODY`], [`ENVELOPE_SHAPE`]): their values,
/// in the shape's order.
struct Strings<S>([Option<String>; 2], PhantomData<S>);

/// An error-body shape read into [`Strings`].
trait StringsShape {
    const SHAPE: &'static StructShape;
}

impl<S> Default for Strings<S> {
    fn default() -> Self {
        Strings([None, None], PhantomData)
    }
}

impl<S: StringsShape> Fields for Strings<S> {
    type Value = [Option<String>; 2];

    fn index(&self, key: &str) -> Option<usize> {
        (S::SHAPE.index)(key)
    }

    fn read(
        &mut self,
        at: usize,
        _: &'static Member,
        p: &mut Parser<'_>,
        cx: &mut Cx<'_>,
        path: &Path<'_>,
    ) -> Result<bool, Syntax> {
        let mut slot = None;
        let valid = member(&mut slot, Str(&StrRule::ANY), false, p, cx, path)?;
        if let Some(target) = self.0.get_mut(at) {
            *target = slot;
        }
        Ok(valid)
    }

    fn build(self) -> Option<[Option<String>; 2]> {
        Some(self.0)
    }
}

/// The body of a common error, as a shape: `message` and `Message` are two
/// members (moto sends both on every error); the first wins, as in
/// botocore. An error shape, so the members that name the error are
/// skipped like any error body's.
static COMMON_BODY: StructShape = StructShape {
    name: "CommonError",
    // Read for both services alike; the reader never asks.
    service: Service::Ecr,
    members: &[any_string("message"), any_string("Message")],
    exception: true,
    role: Role::Error,
    operation: None,
    index: |key| ["message", "Message"].iter().position(|name| *name == key),
    required: 0,
};

/// [`COMMON_BODY`] for [`Strings`]: its two messages.
struct CommonBody;

impl StringsShape for CommonBody {
    const SHAPE: &'static StructShape = &COMMON_BODY;
}

/// The error's name in an error code as AWS sends it, in `__type`, `code` or
/// the `X-Amzn-ErrorType` header, sanitized as the SDKs do (smithy-rs's
/// `sanitize_error_code`, botocore's JSON parser): cut at the first `:`
/// (AWS may append a URL:
/// `ValidationException:http://internal.amazon.com/coral/com.amazon.coral.validate/`),
/// then what follows the first `#` (`com.amazonaws.ecr#RepositoryNotFoundException`).
pub fn error_name(code: &str) -> &str {
    let code = code.split(':').next().unwrap_or(code);
    match code.split_once('#') {
        Some((_, name)) => name,
        None => code,
    }
}

/// The error an AWS JSON error body names, as the SDKs find it: the
/// `X-Amzn-ErrorType` header `error_type` when given, else the body's
/// `__type`, else its `code`, sanitized by [`error_name`]
/// (`RepositoryNotFoundException`). A body that is not one JSON object, or
/// names no error, is an [`Error`] (`syntax`, `type`, or `required` at
/// `/__type`); the body's other members are not read.
///
/// ```
/// let body = br#"{"__type": "com.amazonaws.ecr#ScanNotFoundException", "message": "none"}"#;
/// assert_eq!(ecr_models::named_error(body, None).unwrap(), "ScanNotFoundException");
/// assert!(ecr_models::named_error(br#"{"message": "none"}"#, None).is_err());
/// ```
pub fn named_error(body: &[u8], error_type: Option<&str>) -> Result<String, Error> {
    identify(body, error_type, None, &Options::default()).map(|code| code.name)
}

/// The members of an error body before its error is known: `__type` and
/// `code` ([`ENVELOPE`]), each any string. The body's other members are
/// its error shape's, read once the error is known, so they are skipped
/// here whatever the options.
static ENVELOPE_SHAPE: StructShape = StructShape {
    name: "ErrorEnvelope",
    // Read for both services alike; the reader never asks.
    service: Service::Ecr,
    members: &[any_string(ENVELOPE[0]), any_string(ENVELOPE[1])],
    exception: false,
    role: Role::Error,
    operation: None,
    index: |key| ENVELOPE.iter().position(|name| *name == key),
    required: 0,
};

/// [`ENVELOPE_SHAPE`] for [`Strings`]: `__type`, then `code`.
struct Envelope;

impl StringsShape for Envelope {
    const SHAPE: &'static StructShape = &ENVELOPE_SHAPE;
}

/// The error an error body names, and where it was named.
#[derive(Debug)]
pub(crate) struct ErrorCode {
    /// The sanitized name ([`error_name`]).
    pub(crate) name: String,
    /// The JSON Pointer of the member that named it; `""` for the header.
    at: &'static str,
}

impl ErrorCode {
    fn source(&self) -> &'static str {
        match self.at {
            "" => "the X-Amzn-ErrorType header: ",
            _ => "",
        }
    }
}

/// Finds the error a response names: the `X-Amzn-ErrorType` header when
/// given (it wins, as in the SDKs), else the body's `__type`, else its
/// `code`. With an operation, an error it does not declare (and that is not
/// a common error) is `undeclared_error`.
pub(crate) fn identify(
    body: &[u8],
    header: Option<&str>,
    operation: Option<&Operation>,
    opts: &Options,
) -> Result<ErrorCode, Error> {
    // The body is read even when the header names the error, so that a
    // malformed body is reported as such whatever its error.
    let lenient = Options {
        strict: false,
        ..opts.clone()
    };
    let cx = Cx::new(&lenient).judging(Role::Error);
    let [type_, code] = run_bytes(body, Struct::<Strings<Envelope>>::new(Envelope::SHAPE), cx)?;
    let named = |name: &str, at| ErrorCode {
        name: error_name(name).to_string(),
        at,
    };
    let code = match (header.filter(|h| !error_name(h).is_empty()), type_, code) {
        (Some(header), _, _) => named(header, ""),
        (None, Some(name), _) => named(&name, "/__type"),
        (None, None, Some(name)) => named(&name, "/code"),
        (None, None, None) => {
            return Err(placed_in(
                body,
                Error::one(
                    "/__type",
                    Code::Required,
                    "an error body names its error in `__type` or `code`".to_string(),
                ),
            ))
        }
    };
    let Some(operation) = operation else {
        return Ok(code);
    };
    if operation.declares(&code.name) || COMMON_ERRORS.contains(&code.name.as_str()) {
        return Ok(code);
    }
    let declared: Vec<&str> = operation.errors.iter().map(|e| e.name).collect();
    let message = format!(
        "{}{} is not an error {} declares ({}) nor a common error",
        code.source(),
        quote(&code.name),
        operation.name,
        declared.join(", ")
    );
    Err(placed_in(
        body,
        Error::one(code.at, Code::UndeclaredError, message),
    ))
}

/// Reads the body of a common error; any other name is `undeclared_error`.
pub(crate) fn read_common(
    body: &[u8],
    code: &ErrorCode,
    service: Service,
    opts: &Options,
) -> Result<CommonError, Error> {
    if !COMMON_ERRORS.contains(&code.name.as_str()) {
        let message = format!(
            "{}{} is not an error of {service} nor a common error",
            code.source(),
            quote(&code.name)
        );
        return Err(placed_in(
            body,
            Error::one(code.at, Code::UndeclaredError, message),
        ));
    }
    let cx = Cx::new(opts).judging(Role::Error);
    let [message, upper] = run_bytes(
        body,
        Struct::<Strings<CommonBody>>::new(CommonBody::SHAPE),
        cx,
    )?;
    Ok(CommonError {
        name: code.name.clone(),
        message: message.or(upper),
    })
}
