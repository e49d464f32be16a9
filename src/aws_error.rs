//! AWS JSON error bodies: which error a body names, and the common errors
//! that any operation of any service can return.

use serde::{Deserialize, Serialize};

use crate::error::{Code, Error, Violation};
use crate::json::{run_bytes, Options};
use crate::parse::{Members, Syntax};
use crate::read::{Cx, Path, ReadStruct, Slot, Str, Struct};
use crate::rules::{quote, StrRule};
use crate::shape::{Operation, Service};

/// AWS's common errors: any operation may return them, whatever its model
/// declares. From the "Common Errors" pages of the AWS API references.
pub const COMMON_ERRORS: &[&str] = &[
    "AccessDeniedException",
    "ExpiredTokenException",
    "IncompleteSignature",
    "InternalFailure",
    "InternalServerError",
    "InvalidAction",
    "InvalidClientTokenId",
    "InvalidParameterCombination",
    "InvalidParameterValue",
    "InvalidQueryParameter",
    "InvalidSignatureException",
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
    "RequestTimeout",
    "RequestTimeoutException",
    "SerializationException",
    "ServiceUnavailable",
    "ServiceUnavailableException",
    "ThrottlingException",
    "TooManyRequestsException",
    "UnknownOperationException",
    "UnrecognizedClientException",
    "ValidationError",
];

/// One of AWS's common errors ([`COMMON_ERRORS`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommonError {
    /// The error's name, without a namespace: `ThrottlingException`.
    pub name: String,
    /// The message, if the body has one.
    pub message: Option<String>,
}

/// The members of a common error's body.
struct CommonBody {
    message: Option<String>,
}

impl ReadStruct for CommonBody {
    fn read_map(
        mut map: Members<'_, '_>,
        cx: &mut Cx<'_>,
        path: &Path<'_>,
    ) -> Result<Option<Self>, Syntax> {
        let mut message = Slot::Missing;
        while let Some(key) = map.next_key()? {
            match &*key {
                "message" | "Message" => {
                    message.read_optional(&mut map, Str(&StrRule::ANY), cx, path, &key)?
                }
                "__type" => {
                    map.skip_value()?;
                }
                _ => cx.other_member(&mut map, path, &key)?,
            }
        }
        Ok(message.optional().map(|message| CommonBody { message }))
    }
}

/// The error's name in a `__type` value: without a namespace
/// (`com.amazonaws.ecr#`) and without anything after a colon.
pub fn error_name(type_value: &str) -> &str {
    let name = type_value.rsplit('#').next().unwrap_or(type_value);
    name.split(':').next().unwrap_or(name)
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

/// The members of an error body before its error is known: only `__type`.
struct TypeOnly(Option<String>);

impl ReadStruct for TypeOnly {
    fn read_map(
        mut map: Members<'_, '_>,
        cx: &mut Cx<'_>,
        path: &Path<'_>,
    ) -> Result<Option<Self>, Syntax> {
        let mut name = Slot::Missing;
        while let Some(key) = map.next_key()? {
            match &*key {
                "__type" => name.read_required(&mut map, Str(&StrRule::ANY), cx, path, &key)?,
                _ => {
                    map.skip_value()?;
                }
            }
        }
        Ok(Some(TypeOnly(name.required(cx, path, "__type"))))
    }
}

/// Finds the error an error body names: the first of two passes over it
/// (the second reads the body as that error's shape).
pub(crate) fn read_body(body: &[u8], opts: &Options) -> Result<String, Error> {
    let found = run_bytes(body, Struct::<TypeOnly>::new(), Cx::new(opts))?;
    match found.0 {
        Some(name) => Ok(error_name(&name).to_string()),
        None => Err(violation(
            "/__type",
            Code::Required,
            "an error body names its error in `__type`".to_string(),
        )),
    }
}

/// An `undeclared_error` violation unless `operation` may return `name`.
pub(crate) fn check_declared(operation: &Operation, name: &str) -> Result<(), Error> {
    if operation.declares(name) || COMMON_ERRORS.contains(&name) {
        return Ok(());
    }
    let declared: Vec<&str> = operation.errors.iter().map(|e| e.name).collect();
    Err(violation(
        "/__type",
        Code::UndeclaredError,
        format!(
            "{} is not an error {} declares ({}) nor a common error",
            quote(name),
            operation.name,
            declared.join(", ")
        ),
    ))
}

/// Reads the body of a common error; any other name is `undeclared_error`.
pub(crate) fn read_common(
    body: &[u8],
    name: &str,
    service: Service,
    opts: &Options,
) -> Result<CommonError, Error> {
    if !COMMON_ERRORS.contains(&name) {
        return Err(violation(
            "/__type",
            Code::UndeclaredError,
            format!(
                "{} is not an error of {service} nor a common error",
                quote(name)
            ),
        ));
    }
    let body = run_bytes(body, Struct::<CommonBody>::new(), Cx::new(opts))?;
    Ok(CommonError {
        name: name.to_string(),
        message: body.message,
    })
}
