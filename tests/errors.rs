//! AWS JSON error bodies (`{"__type": ..., "message": ...}`) of both
//! services, read with `ServiceError::from_json_with` and through the
//! registry's `Operation::check_error`.
//!
//! The declared errors come from each operation's `errors` list in
//! `codegen/model/*/service-2.json`, e.g. ecr `DescribeRepositories`:
//! ServerException, InvalidParameterException, RepositoryNotFoundException;
//! ecr `DescribeImages` adds ImageNotFoundException; ecr-public
//! `GetRepositoryCatalogData`: ServerException, InvalidParameterException,
//! RepositoryCatalogDataNotFoundException, RepositoryNotFoundException,
//! UnsupportedCommandException. Every error shape has a `message` member
//! (`ExceptionMessage`, a plain string); `InvalidLayerPartException` also has
//! registryId, repositoryName, uploadId and lastValidByteReceived (`PartSize`:
//! long, min 0), and ecr's `KmsException` has `kmsError`.

use ecr_models::ecr::{
    InvalidLayerPartException, KmsException, RepositoryNotFoundException, ServiceError,
};
use ecr_models::ecr_public::{
    RepositoryCatalogDataNotFoundException, ServiceError as PublicServiceError,
};
use ecr_models::registry::operation;
use ecr_models::{Code, CommonError, Error, Operation, Options, Service};

mod common;

use common::{ecr_op, pairs};

fn public_op(name: &str) -> &'static Operation {
    operation(Service::EcrPublic, name).unwrap_or_else(|| panic!("ecr-public has {name}"))
}

fn ecr_error(body: &str, op: Option<&str>, opts: &Options) -> Result<ServiceError, Error> {
    ServiceError::from_slice_with(body.as_bytes(), op.map(ecr_op), opts)
}

fn public_error(body: &str, op: Option<&str>, opts: &Options) -> Result<PublicServiceError, Error> {
    PublicServiceError::from_slice_with(body.as_bytes(), op.map(public_op), opts)
}

/// The error of `body`, an ECR error body of `op`, which must be refused.
fn ecr_refused(body: &str, op: Option<&str>, opts: &Options) -> Error {
    ecr_error(body, op, opts).expect_err(body)
}

/// The error of `body`, an ECR Public error body of `op`, which must be refused.
fn public_refused(body: &str, op: Option<&str>, opts: &Options) -> Error {
    public_error(body, op, opts).expect_err(body)
}

fn strict() -> Options {
    Options::default().strict(true)
}

const NOT_FOUND_MESSAGE: &str =
    "The repository with name 'ubuntu' does not exist in the registry with id '123456789012'";

// ------------------------------------------------------------------ __type and message spellings

/// The error both bodies below name, built.
fn not_found() -> ServiceError {
    let error = RepositoryNotFoundException::builder()
        .message(NOT_FOUND_MESSAGE)
        .build();
    ServiceError::RepositoryNotFoundException(error.expect("valid"))
}

#[test]
fn type_with_the_namespace_prefix_is_read() {
    let body = format!(
        r#"{{"__type": "com.amazonaws.ecr#RepositoryNotFoundException", "message": "{NOT_FOUND_MESSAGE}"}}"#
    );
    let got = ecr_error(&body, Some("DescribeRepositories"), &Options::default()).expect("valid");
    assert_eq!(got, not_found());
    assert_eq!(got.name(), "RepositoryNotFoundException");
}

#[test]
fn type_without_the_namespace_prefix_is_read() {
    let body =
        format!(r#"{{"__type": "RepositoryNotFoundException", "message": "{NOT_FOUND_MESSAGE}"}}"#);
    let got = ecr_error(&body, Some("DescribeRepositories"), &Options::default()).expect("valid");
    assert_eq!(got, not_found());
}

#[test]
fn message_may_be_spelled_message_or_capital_message() {
    for key in ["message", "Message"] {
        let body = format!(r#"{{"__type": "ServerException", "{key}": "Internal error"}}"#);
        for opts in [Options::default(), strict()] {
            let got = ecr_error(&body, Some("ListImages"), &opts).expect("valid");
            let ServiceError::ServerException(e) = got else {
                panic!("{key}: expected ServerException, got {got:?}");
            };
            assert_eq!(e.message.as_deref(), Some("Internal error"), "{key}");
        }
    }
}

#[test]
fn message_is_optional() {
    let got = ecr_error(
        r#"{"__type": "LimitExceededException"}"#,
        Some("BatchGetImage"),
        &strict(),
    )
    .expect("valid");
    assert_eq!(got.name(), "LimitExceededException");
}

#[test]
fn message_of_the_wrong_type_is_a_type_error() {
    let err = ecr_refused(
        r#"{"__type": "ServerException", "message": 500}"#,
        Some("ListImages"),
        &Options::default(),
    );
    assert_eq!(pairs(&err), [("/message", Code::Type)]);
}

// ------------------------------------------------------------------ declared and undeclared

#[test]
fn every_declared_error_of_every_operation_is_accepted() {
    for (service, ops) in [
        (Service::Ecr, ecr_models::registry::operations(Service::Ecr)),
        (
            Service::EcrPublic,
            ecr_models::registry::operations(Service::EcrPublic),
        ),
    ] {
        for op in ops {
            assert!(
                !op.errors.is_empty(),
                "{service} {} declares errors",
                op.name
            );
            for error in op.errors {
                let body = format!(r#"{{"__type": "{}", "message": "m"}}"#, error.name);
                let got = op.check_error(body.as_bytes(), None, &strict());
                assert!(
                    got.is_ok(),
                    "{service} {}: {}: {got:?}",
                    op.name,
                    error.name
                );
            }
        }
    }
}

#[test]
fn declared_errors_are_the_models() {
    let names = |op: &Operation| -> Vec<&str> { op.errors.iter().map(|e| e.name).collect() };
    assert_eq!(
        names(ecr_op("DescribeRepositories")),
        [
            "ServerException",
            "InvalidParameterException",
            "RepositoryNotFoundException"
        ]
    );
    assert_eq!(
        names(ecr_op("GetAuthorizationToken")),
        ["ServerException", "InvalidParameterException"]
    );
    assert_eq!(
        names(public_op("GetRepositoryCatalogData")),
        [
            "ServerException",
            "InvalidParameterException",
            "RepositoryCatalogDataNotFoundException",
            "RepositoryNotFoundException",
            "UnsupportedCommandException"
        ]
    );
}

#[test]
fn undeclared_error_is_reported_at_type() {
    // ImageNotFoundException is declared for DescribeImages, not for
    // DescribeRepositories.
    let body = r#"{"__type": "com.amazonaws.ecr#ImageNotFoundException", "message": "x"}"#;
    assert!(ecr_error(body, Some("DescribeImages"), &Options::default()).is_ok());
    let err = ecr_refused(body, Some("DescribeRepositories"), &Options::default());
    assert_eq!(pairs(&err), [("/__type", Code::UndeclaredError)]);
    // Through the registry too.
    let op = ecr_op("DescribeRepositories");
    let err = op
        .check_error(body.as_bytes(), None, &Options::default())
        .expect_err("undeclared");
    assert_eq!(pairs(&err), [("/__type", Code::UndeclaredError)]);
}

#[test]
fn without_an_operation_any_error_of_the_service_is_accepted() {
    let got = ecr_error(
        r#"{"__type": "ImageNotFoundException", "message": "x"}"#,
        None,
        &strict(),
    )
    .expect("an ecr error");
    assert_eq!(got.name(), "ImageNotFoundException");
}

#[test]
fn an_error_of_the_other_service_is_undeclared() {
    // RepositoryCatalogDataNotFoundException and UnsupportedCommandException
    // exist only in ecr-public; TemplateNotFoundException only in ecr.
    for name in [
        "RepositoryCatalogDataNotFoundException",
        "UnsupportedCommandException",
    ] {
        let body = format!(r#"{{"__type": "{name}"}}"#);
        let err = ecr_refused(&body, None, &Options::default());
        assert_eq!(pairs(&err), [("/__type", Code::UndeclaredError)], "{name}");
    }
    let err = public_refused(
        r#"{"__type": "TemplateNotFoundException"}"#,
        None,
        &Options::default(),
    );
    assert_eq!(pairs(&err), [("/__type", Code::UndeclaredError)]);
}

#[test]
fn error_names_are_case_sensitive() {
    let err = ecr_refused(
        r#"{"__type": "repositorynotfoundexception"}"#,
        Some("DescribeRepositories"),
        &Options::default(),
    );
    assert_eq!(pairs(&err), [("/__type", Code::UndeclaredError)]);
}

// ------------------------------------------------------------------ common errors

#[test]
fn throttling_exception_is_accepted_for_any_operation() {
    let body = r#"{"__type": "ThrottlingException", "message": "Rate exceeded"}"#;
    for op in ecr_models::registry::operations(Service::Ecr) {
        let got = ServiceError::from_slice_with(body.as_bytes(), Some(op), &strict())
            .unwrap_or_else(|e| panic!("{}: {e}", op.name));
        assert_eq!(
            got,
            ServiceError::Common(CommonError {
                name: "ThrottlingException".to_string(),
                message: Some("Rate exceeded".to_string()),
            }),
            "{}",
            op.name
        );
    }
    for op in ecr_models::registry::operations(Service::EcrPublic) {
        assert!(
            op.check_error(body.as_bytes(), None, &strict()).is_ok(),
            "{}",
            op.name
        );
    }
}

#[test]
fn access_denied_exception_is_accepted_with_any_prefix_and_message_spelling() {
    for body in [
        r#"{"__type": "AccessDeniedException", "Message": "User: arn:aws:iam::123456789012:user/ci is not authorized to perform: ecr:GetAuthorizationToken"}"#,
        r#"{"__type": "com.amazon.coral.service#AccessDeniedException", "Message": "User: arn:aws:iam::123456789012:user/ci is not authorized to perform: ecr:GetAuthorizationToken"}"#,
        r#"{"__type": "AccessDeniedException", "message": "User: arn:aws:iam::123456789012:user/ci is not authorized to perform: ecr:GetAuthorizationToken"}"#,
    ] {
        let got = ecr_error(body, Some("GetAuthorizationToken"), &strict())
            .unwrap_or_else(|e| panic!("{body}: {e}"));
        let ServiceError::Common(common) = &got else {
            panic!("{body}: expected a common error, got {got:?}");
        };
        assert_eq!(common.name, "AccessDeniedException");
        assert!(common
            .message
            .as_deref()
            .is_some_and(|m| m.ends_with("ecr:GetAuthorizationToken")));
        assert_eq!(got.name(), "AccessDeniedException");
    }
}

#[test]
fn type_with_a_colon_suffix_names_the_error_before_the_colon() {
    // Some AWS error types carry a URL after a colon.
    let got = ecr_error(
        r#"{"__type": "ThrottlingException:http://internal.amazon.com/coral/com.amazon.coral.availability/"}"#,
        Some("ListImages"),
        &Options::default(),
    )
    .expect("common error");
    assert_eq!(got.name(), "ThrottlingException");
}

#[test]
fn an_unknown_error_name_is_undeclared_even_without_an_operation() {
    let err = ecr_refused(
        r#"{"__type": "com.amazonaws.ecr#FluxCapacitorException", "message": "x"}"#,
        None,
        &Options::default(),
    );
    assert_eq!(pairs(&err), [("/__type", Code::UndeclaredError)]);
}

// ------------------------------------------------------------------ body shape

#[test]
fn missing_type_is_required_at_type() {
    for body in [r#"{"message": "Rate exceeded"}"#, "{}"] {
        let err = ecr_refused(body, Some("ListImages"), &Options::default());
        assert_eq!(pairs(&err), [("/__type", Code::Required)], "{body}");
        let err = public_refused(body, Some("DescribeRegistries"), &Options::default());
        assert_eq!(pairs(&err), [("/__type", Code::Required)], "{body}");
    }
}

#[test]
fn type_that_is_not_a_string_is_a_type_error() {
    for body in [
        r#"{"__type": 5}"#,
        r#"{"__type": ["ServerException"]}"#,
        r#"{"code": 5}"#,
    ] {
        let err = ecr_refused(body, Some("ListImages"), &Options::default());
        let at = if body.contains("code") {
            "/code"
        } else {
            "/__type"
        };
        assert_eq!(pairs(&err), [(at, Code::Type)], "{body}");
    }
    // `null` is absent, as for any optional member (botocore's
    // `body.get("__type")` reads it so too): then nothing names the error.
    let err = ecr_refused(
        r#"{"__type": null}"#,
        Some("ListImages"),
        &Options::default(),
    );
    assert_eq!(pairs(&err), [("/__type", Code::Required)]);
}

#[test]
fn body_that_is_not_an_object_is_a_type_error() {
    for body in ["[]", "\"ServerException\"", "null"] {
        let err = ecr_refused(body, Some("ListImages"), &Options::default());
        assert_eq!(pairs(&err), [("", Code::Type)], "{body}");
    }
}

#[test]
fn malformed_body_is_a_syntax_error_with_line_and_column() {
    // The `}` that ends the object early is on line 2, column 12.
    let err = ecr_error(
        "{\"__type\": \"ServerException\",\n \"message\":}",
        Some("ListImages"),
        &Options::default(),
    )
    .expect_err("malformed");
    assert!(err.is_syntax());
    let v = &err.violations()[0];
    assert_eq!(
        (v.code, v.line, v.column),
        (Code::Syntax, Some(2), Some(12))
    );
}

// ------------------------------------------------------------------ strict mode

#[test]
fn strict_mode_refuses_an_extra_member_in_an_error_body() {
    let body = r#"{"__type": "com.amazonaws.ecr#RepositoryNotFoundException", "message": "x", "requestId": "abc"}"#;
    assert!(ecr_error(body, Some("DescribeRepositories"), &Options::default()).is_ok());
    let err = ecr_refused(body, Some("DescribeRepositories"), &strict());
    assert_eq!(pairs(&err), [("/requestId", Code::UnknownField)]);
}

#[test]
fn strict_mode_refuses_an_extra_member_in_a_common_error_body() {
    let body = r#"{"__type": "ThrottlingException", "message": "Rate exceeded", "retryAfter": 3}"#;
    assert!(ecr_error(body, Some("ListImages"), &Options::default()).is_ok());
    let err = ecr_refused(body, Some("ListImages"), &strict());
    assert_eq!(pairs(&err), [("/retryAfter", Code::UnknownField)]);
}

#[test]
fn type_itself_is_never_an_unknown_member() {
    for body in [
        r#"{"__type": "com.amazonaws.ecr#ServerException"}"#,
        r#"{"__type": "ServerException", "message": "x"}"#,
        r#"{"message": "x", "__type": "ServerException"}"#,
        r#"{"__type": "ThrottlingException", "Message": "x"}"#,
    ] {
        assert!(
            ecr_error(body, Some("ListImages"), &strict()).is_ok(),
            "{body}"
        );
    }
    // Nor when the error shape is read on its own.
    let got = ecr_models::from_json_with::<RepositoryNotFoundException>(
        r#"{"__type": "RepositoryNotFoundException", "message": "x"}"#,
        &strict(),
    )
    .expect("__type is part of every error body");
    assert_eq!(got.message.as_deref(), Some("x"));
}

#[test]
fn error_members_beyond_message_follow_their_rules() {
    let valid = r#"{"__type": "InvalidLayerPartException", "message": "The layer part is invalid",
        "registryId": "123456789012", "repositoryName": "ubuntu",
        "uploadId": "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0", "lastValidByteReceived": 10485759}"#;
    let got = ecr_error(valid, Some("UploadLayerPart"), &strict()).expect("valid");
    let ServiceError::InvalidLayerPartException(InvalidLayerPartException {
        last_valid_byte_received,
        registry_id,
        ..
    }) = got
    else {
        panic!("expected InvalidLayerPartException, got {got:?}");
    };
    assert_eq!(last_valid_byte_received, Some(10_485_759));
    assert_eq!(registry_id.as_deref(), Some("123456789012"));

    let invalid = r#"{"__type": "InvalidLayerPartException", "registryId": "1234", "lastValidByteReceived": -1}"#;
    let err = ecr_refused(invalid, Some("UploadLayerPart"), &Options::default());
    let mut got = pairs(&err);
    got.sort();
    assert_eq!(
        got,
        [
            ("/lastValidByteReceived", Code::Range),
            ("/registryId", Code::Pattern)
        ]
    );

    let kms = r#"{"__type": "KmsException", "message": "KMS key is disabled", "kmsError": "DisabledException"}"#;
    let got = ecr_error(kms, Some("CreateRepository"), &strict()).expect("valid");
    assert_eq!(
        got,
        ServiceError::KmsException(
            KmsException::builder()
                .message("KMS key is disabled")
                .kms_error("DisabledException")
                .build()
                .expect("valid")
        )
    );
}

#[test]
fn duplicate_member_in_an_error_body_is_a_duplicate_violation() {
    let err = ecr_refused(
        r#"{"__type": "ServerException", "message": "a", "message": "b"}"#,
        Some("ListImages"),
        &Options::default(),
    );
    assert_eq!(pairs(&err), [("/message", Code::Duplicate)]);
}

#[test]
fn violations_in_an_error_body_come_in_document_order() {
    let err = ecr_refused(
        r#"{"__type": "InvalidLayerPartException", "registryId": "1234", "lastValidByteReceived": -1}"#,
        Some("UploadLayerPart"),
        &Options::default(),
    );
    assert_eq!(
        pairs(&err),
        [
            ("/registryId", Code::Pattern),
            ("/lastValidByteReceived", Code::Range)
        ]
    );
}

// ------------------------------------------------------------------ ecr-public

#[test]
fn ecr_public_declared_error_is_accepted_with_and_without_prefix() {
    for prefix in ["", "com.amazonaws.ecrpublic#", "com.amazonaws.ecr#"] {
        let body = format!(
            r#"{{"__type": "{prefix}RepositoryCatalogDataNotFoundException", "message": "The repository catalog data does not exist"}}"#
        );
        let got = public_error(&body, Some("GetRepositoryCatalogData"), &strict())
            .unwrap_or_else(|e| panic!("{body}: {e}"));
        assert_eq!(
            got,
            PublicServiceError::RepositoryCatalogDataNotFoundException(
                RepositoryCatalogDataNotFoundException::builder()
                    .message("The repository catalog data does not exist")
                    .build()
                    .expect("valid")
            )
        );
    }
}

#[test]
fn ecr_public_undeclared_error_is_reported_at_type() {
    // RepositoryCatalogDataNotFoundException is not declared for DescribeRepositories.
    let err = public_refused(
        r#"{"__type": "RepositoryCatalogDataNotFoundException", "message": "x"}"#,
        Some("DescribeRepositories"),
        &Options::default(),
    );
    assert_eq!(pairs(&err), [("/__type", Code::UndeclaredError)]);
    // RegistryNotFoundException is declared for UploadLayerPart, not GetAuthorizationToken.
    let body = r#"{"__type": "RegistryNotFoundException", "Message": "x"}"#;
    assert!(public_error(body, Some("UploadLayerPart"), &strict()).is_ok());
    let err = public_refused(body, Some("GetAuthorizationToken"), &strict());
    assert_eq!(pairs(&err), [("/__type", Code::UndeclaredError)]);
}

#[test]
fn ecr_public_unsupported_command_and_common_errors() {
    let got = public_error(
        r#"{"__type": "UnsupportedCommandException", "message": "This command is only supported in us-east-1"}"#,
        Some("DescribeRegistries"),
        &strict(),
    )
    .expect("declared");
    assert_eq!(got.name(), "UnsupportedCommandException");
    let got = public_error(
        r#"{"__type": "AccessDeniedException", "Message": "denied"}"#,
        Some("GetAuthorizationToken"),
        &strict(),
    )
    .expect("common");
    assert_eq!(
        got,
        PublicServiceError::Common(CommonError {
            name: "AccessDeniedException".into(),
            message: Some("denied".into()),
        })
    );
    let err = public_refused(
        r#"{"__type": "UnsupportedCommandException", "message": "x", "extra": true}"#,
        Some("DescribeRegistries"),
        &strict(),
    );
    assert_eq!(pairs(&err), [("/extra", Code::UnknownField)]);
}

#[test]
fn a_byte_order_mark_is_refused_and_named() {
    let err = ecr_models::from_json::<ecr_models::ecr::CreateRepositoryRequest>(
        "\u{feff}{\"repositoryName\":\"a-b\"}",
    )
    .unwrap_err();
    let v = &err.violations()[0];
    assert_eq!((v.code, v.line, v.column), (Code::Syntax, Some(1), Some(1)));
    assert!(
        v.message.starts_with("a UTF-8 byte order mark (U+FEFF)"),
        "{}",
        v.message
    );
    // Any other stray byte is what it was.
    let err = ecr_models::from_json::<ecr_models::ecr::CreateRepositoryRequest>("x{}").unwrap_err();
    assert_eq!(err.violations()[0].message, "expected value");
}

/// An application's function that calls ECR and reads its error: `?` takes
/// each error of this crate into `Box<dyn Error>`, written as the SDKs
/// write AWS's errors (`Name: message`).
fn describe(body: &str) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    let error = ServiceError::from_json(body)?;
    Err(error)?
}

#[test]
fn service_errors_are_std_errors_written_as_the_sdks_write_them() {
    let body = r#"{"__type": "RepositoryNotFoundException", "message": "The repository with name 'app' does not exist in the registry with id '123456789012'"}"#;
    let err = describe(body).expect_err("an error");
    assert_eq!(
        err.to_string(),
        "RepositoryNotFoundException: The repository with name 'app' does not exist in the registry with id '123456789012'"
    );
    assert!(err.downcast_ref::<ServiceError>().is_some());

    // The exception structure alone, a common error, a message-less body,
    // and ECR Public's.
    let ServiceError::RepositoryNotFoundException(inner) =
        ServiceError::from_json(body).expect("read")
    else {
        panic!("the declared error");
    };
    let boxed: Box<dyn std::error::Error> = Box::new(inner);
    assert!(boxed
        .to_string()
        .starts_with("RepositoryNotFoundException: The repository"));
    let throttled =
        ServiceError::from_json(r#"{"__type": "ThrottlingException", "message": "Rate exceeded"}"#)
            .expect("a common error");
    assert_eq!(throttled.to_string(), "ThrottlingException: Rate exceeded");
    let ServiceError::Common(common) = throttled else {
        panic!("a common error");
    };
    assert_eq!(common.to_string(), "ThrottlingException: Rate exceeded");
    let bare = ServiceError::from_json(r#"{"__type": "ServerException"}"#).expect("read");
    assert_eq!(bare.to_string(), "ServerException");
    let public = PublicServiceError::from_json(
        r#"{"__type": "RepositoryCatalogDataNotFoundException", "message": "none"}"#,
    )
    .expect("read");
    assert_eq!(
        public.to_string(),
        "RepositoryCatalogDataNotFoundException: none"
    );

    // A body that breaks the rules: this crate's `Error`, one line, and
    // every violation in the alternate form.
    let err = describe(r#"{"__type": "RepositoryNotFoundException", "message": 5}"#)
        .expect_err("refused");
    let error = err.downcast_ref::<Error>().expect("a violation");
    assert_eq!(
        err.to_string(),
        "1 violation: /message: expected a string, found a number [type]"
    );
    assert!(format!("{error:#}").starts_with("1 violation\n  /message:"));
}
