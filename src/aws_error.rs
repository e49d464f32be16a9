//! AWS JSON error bodies as the SDKs read them: which error a body (or the
//! `X-Amzn-ErrorType` header) names, and the common errors that any
//! operation of any service can return.

use serde::{Deserialize, Serialize};

use crate::error::{Code, Error, Violation};
use crate::options::Options;
use crate::parse::{Members, Syntax};
use crate::read::{run_bytes, Cx, Path, ReadStruct, Slot, Str, Struct};
use crate::rules::{quote, StrRule};
use crate::shape::{Operation, Role, Service};

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

/// The members of an error body that name its error, in the order the SDKs
/// read them: `__type` first, then `code` (botocore's JSON parser, the Go
/// and JS SDKs and smithy-rs's `parse_error_metadata` all read both).
pub(crate) const ENVELOPE: [&str; 2] = ["__type", "code"];

/// Whether `key` is a member that names an error body's error
/// ([`ENVELOPE`]): read to find the error, skipped in its shape.
pub(crate) fn is_envelope(key: &str) -> bool {
    ENVELOPE.contains(&key)
}

/// One of AWS's common errors ([`COMMON_ERRORS`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommonError {
    /// The error's name, without a namespace: `ThrottlingException`.
    pub name: String,
    /// The message, if the body has one (`message`, else `Message`).
    pub message: Option<String>,
}

/// The members of a common error's body: `message` and `Message` are two
/// members (moto sends both on every error); the first wins, as in botocore.
struct CommonBody {
    message: Option<String>,
}

impl ReadStruct for CommonBody {
    fn read_map(
        mut map: Members<'_, '_>,
        cx: &mut Cx<'_>,
        path: &Path<'_>,
    ) -> Result<Option<Self>, Syntax> {
        let (mut message, mut upper) = (Slot::Missing, Slot::Missing);
        while let Some(key) = map.next_key()? {
            match &*key {
                "message" => message.read_optional(&mut map, Str(&StrRule::ANY), cx, path, &key)?,
                "Message" => upper.read_optional(&mut map, Str(&StrRule::ANY), cx, path, &key)?,
                _ if is_envelope(&key) => map.skip_value()?,
                _ => cx.other_member(&mut map, path, &key)?,
            }
        }
        let (Some(message), Some(upper)) = (message.optional(), upper.optional()) else {
            return Ok(None);
        };
        Ok(Some(CommonBody {
            message: message.or(upper),
        }))
    }
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

fn violation(path: &str, code: Code, message: String) -> Error {
    Error::new(
        vec![Violation {
            path: path.to_string(),
            code,
            message,
            line: None,
            column: None,
        }],
        0,
    )
}

/// The members of an error body before its error is known: `__type` and
/// `code`, each any string.
struct Envelope {
    type_: Option<String>,
    code: Option<String>,
}

impl ReadStruct for Envelope {
    fn read_map(
        mut map: Members<'_, '_>,
        cx: &mut Cx<'_>,
        path: &Path<'_>,
    ) -> Result<Option<Self>, Syntax> {
        let (mut type_, mut code) = (Slot::Missing, Slot::Missing);
        while let Some(key) = map.next_key()? {
            match &*key {
                "__type" => type_.read_optional(&mut map, Str(&StrRule::ANY), cx, path, &key)?,
                "code" => code.read_optional(&mut map, Str(&StrRule::ANY), cx, path, &key)?,
                _ => map.skip_value()?,
            }
        }
        let (Some(type_), Some(code)) = (type_.optional(), code.optional()) else {
            return Ok(None);
        };
        Ok(Some(Envelope { type_, code }))
    }
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
    let cx = Cx::new(opts).judging(Role::Error);
    let found = run_bytes(body, Struct::<Envelope>::new(), cx)?;
    let named = |name: &str, at| ErrorCode {
        name: error_name(name).to_string(),
        at,
    };
    let code = match (
        header.filter(|h| !error_name(h).is_empty()),
        found.type_,
        found.code,
    ) {
        (Some(header), _, _) => named(header, ""),
        (None, Some(name), _) => named(&name, "/__type"),
        (None, None, Some(name)) => named(&name, "/code"),
        (None, None, None) => {
            return Err(violation(
                "/__type",
                Code::Required,
                "an error body names its error in `__type` or `code`".to_string(),
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
    Err(violation(
        code.at,
        Code::UndeclaredError,
        format!(
            "{}{} is not an error {} declares ({}) nor a common error",
            code.source(),
            quote(&code.name),
            operation.name,
            declared.join(", ")
        ),
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
        return Err(violation(
            code.at,
            Code::UndeclaredError,
            format!(
                "{}{} is not an error of {service} nor a common error",
                code.source(),
                quote(&code.name)
            ),
        ));
    }
    let cx = Cx::new(opts).judging(Role::Error);
    let body = run_bytes(body, Struct::<CommonBody>::new(), cx)?;
    Ok(CommonError {
        name: code.name.clone(),
        message: body.message,
    })
}
