//! Where the model's letter and real traffic disagree, the wire wins: a
//! response is not held to its lists' item counts nor to its enums' known
//! values, error bodies are read as
//! the SDKs read them, and AWS's JSON limits on depth and number length
//! hold everywhere. Each rule is pinned on both of its sides.

use ecr_models::ecr::{
    BatchDeleteImageRequest, BatchDeleteImageResponse, CreateRepositoryRequest, CvssScore,
    DescribeImageScanFindingsResponse, FindingSeverity, ImageScanFinding, ListImagesRequest,
    ListImagesResponse, ScanStatus, ServiceError,
};
use ecr_models::ecr_public::ServiceError as PublicServiceError;
use ecr_models::registry::{self, operation};
use ecr_models::{
    error_name, from_json, from_json_with, Code, Model, Options, Service, COMMON_ERRORS,
};
use serde_json::{json, Value};

mod common;

use common::{ecr_op, pairs};

fn ids(n: usize) -> Value {
    Value::Array(
        (0..n)
            .map(|i| json!({"imageTag": format!("t{i}")}))
            .collect(),
    )
}

// ---------------------------------------------------------------------------
// 1. Responses are not held to list item counts

#[test]
fn a_response_list_past_its_bound_is_valid_and_the_same_list_in_a_request_is_not() {
    for n in [0, 101, 1000] {
        let response = json!({ "imageIds": ids(n) }).to_string();
        let got = from_json::<ListImagesResponse>(&response).expect("a real ListImages page");
        assert_eq!(got.image_ids.map(|l| l.len()), Some(n));
        assert!(ecr_op("ListImages")
            .check_output(response.as_bytes(), &Options::default())
            .is_ok());
        // The same list (ImageIdentifierList, 1..=100) in a request.
        let request = json!({"repositoryName": "my-repo", "imageIds": ids(n)}).to_string();
        let err = from_json::<BatchDeleteImageRequest>(&request).expect_err("past 1..=100");
        assert_eq!(pairs(&err), [("/imageIds", Code::Items)], "{n}: {err}");
    }
    // Within the bounds, both sides agree.
    let request = json!({"repositoryName": "my-repo", "imageIds": ids(100)}).to_string();
    assert!(from_json::<BatchDeleteImageRequest>(&request).is_ok());
}

#[test]
fn aws_own_empty_batch_delete_image_response_is_valid() {
    // Returned by AWS for a tag that does not exist (quoted in aws-cli issue 6424).
    let body = r#"{"failures":[{"failureCode":"ImageNotFound","failureReason":"Requested image not found","imageId":{"imageTag":"latest"}}],"imageIds":[]}"#;
    let got = from_json::<BatchDeleteImageResponse>(body).expect("AWS sent it");
    assert_eq!(got.image_ids, Some(vec![]));
    assert!(from_json_with::<BatchDeleteImageResponse>(
        body,
        &Options::default().exact_outputs(true)
    )
    .is_err_and(|e| pairs(&e) == [("/imageIds", Code::Items)]));
}

#[test]
fn exact_outputs_holds_responses_to_the_letter_of_the_model() {
    let exact = Options::default().exact_outputs(true);
    let response = json!({ "imageIds": ids(101) }).to_string();
    let err = from_json_with::<ListImagesResponse>(&response, &exact).expect_err("letter");
    assert_eq!(pairs(&err), [("/imageIds", Code::Items)]);
    assert_eq!(
        err.violations()[0].message,
        "expected at most 100 items, found 101"
    );
    // The checker and `validate` judge alike.
    let entry = registry::find(Service::Ecr, "ListImagesResponse").expect("registered");
    assert!(entry.check(response.as_bytes(), &exact).is_err());
    assert!(entry
        .check(response.as_bytes(), &Options::default())
        .is_ok());
    let value = from_json::<ListImagesResponse>(&response).expect("default");
    assert!(value.validate().is_ok());
    assert!(value.validate_with(&exact).is_err());
}

#[test]
fn every_other_rule_still_holds_in_a_response() {
    let body = json!({"imageIds": [{"imageTag": ""}], "nextToken": 5});
    let err = from_json::<ListImagesResponse>(&body.to_string()).expect_err("broken values");
    assert_eq!(
        pairs(&err),
        [
            ("/imageIds/0/imageTag", Code::Length),
            ("/nextToken", Code::Type),
        ],
        "{err}"
    );
}

#[test]
fn a_nested_shape_is_judged_by_the_document_it_is_in() {
    // ImageScanFinding.attributes is an AttributeList of 0..=50.
    let finding =
        json!({"attributes": (0..51).map(|i| json!({"key": format!("k{i}")})).collect::<Vec<_>>()});
    // Alone, a nested shape is judged as in a request.
    let err = from_json::<ImageScanFinding>(&finding.to_string()).expect_err("alone");
    assert_eq!(pairs(&err), [("/attributes", Code::Items)]);
    // In a DescribeImageScanFindings response, as a response.
    let response = json!({"imageScanFindings": {"findings": [finding]}}).to_string();
    let entry = registry::find(Service::Ecr, "DescribeImageScanFindingsResponse").expect("shape");
    assert!(entry
        .check(response.as_bytes(), &Options::default())
        .is_ok());
    // The request side of ListImages has no list; its filter is a structure.
    assert!(from_json::<ListImagesRequest>(r#"{"repositoryName":"my-repo"}"#).is_ok());
}

#[cfg(feature = "schema")]
#[test]
fn output_schemas_carry_no_item_counts_unless_exact() {
    let output = registry::find(Service::Ecr, "ListImagesResponse").expect("shape");
    let input = registry::find(Service::Ecr, "BatchDeleteImageRequest").expect("shape");
    let default = output.schema(&Options::default()).expect("schema");
    let exact = output
        .schema(&Options::default().exact_outputs(true))
        .expect("schema");
    assert!(default["$defs"]["ImageIdentifier"].is_object(), "{default}");
    let text = default.to_string();
    assert!(
        !text.contains("minItems") && !text.contains("maxItems"),
        "{text}"
    );
    assert_eq!(exact["properties"]["imageIds"]["maxItems"], 100, "{exact}");
    assert_eq!(exact["properties"]["imageIds"]["minItems"], 1, "{exact}");
    assert_eq!(exact["$id"], "urn:ecr-models:ecr:exact:ListImagesResponse");
    let request = input.schema(&Options::default()).expect("schema");
    assert_eq!(
        request["properties"]["imageIds"]["maxItems"], 100,
        "{request}"
    );
    assert_eq!(
        input.schema(&Options::default().exact_outputs(true)),
        Some(request),
        "exact outputs leave requests as they are"
    );
}

// ---------------------------------------------------------------------------
// 1b. Responses keep enum values newer than the model

/// What AWS answered for an enhanced scan (the response moto's
/// tests/test_ecr/test_ecr_scan_results.py copies from AWS): a severity,
/// `UNTRIAGED`, that no botocore model lists, as a map key.
const UNTRIAGED: &str = r#"{"imageScanFindings": {"findingSeverityCounts": {"HIGH": 2, "UNTRIAGED": 1}}, "imageScanStatus": {"status": "COMPLETE"}}"#;

#[test]
fn a_response_keeps_an_enum_value_newer_than_the_model() {
    let got = from_json::<DescribeImageScanFindingsResponse>(UNTRIAGED).expect("AWS sent it");
    let counts = got
        .image_scan_findings
        .and_then(|f| f.finding_severity_counts)
        .expect("counts");
    assert_eq!(
        counts.get(&FindingSeverity::Unknown("UNTRIAGED".into())),
        Some(&1)
    );
    assert_eq!(counts.get(&FindingSeverity::High), Some(&2));
    // A nested enum member, not only a map key.
    let body = r#"{"imageScanStatus": {"status": "QUEUED_FOR_RETRY"}}"#;
    let got = from_json::<DescribeImageScanFindingsResponse>(body).expect("open");
    assert_eq!(
        got.image_scan_status.and_then(|s| s.status),
        Some(ScanStatus::Unknown("QUEUED_FOR_RETRY".into()))
    );
    // The checker, the operation and `validate` judge alike.
    let op = ecr_op("DescribeImageScanFindings");
    assert!(op
        .check_output(UNTRIAGED.as_bytes(), &Options::default())
        .is_ok());
    let value = from_json::<DescribeImageScanFindingsResponse>(UNTRIAGED).expect("open");
    assert!(value.validate().is_ok());
}

#[test]
fn exact_outputs_closes_a_responses_enums() {
    let exact = Options::default().exact_outputs(true);
    let err = from_json_with::<DescribeImageScanFindingsResponse>(UNTRIAGED, &exact)
        .expect_err("the letter of the model");
    assert_eq!(
        pairs(&err),
        [(
            "/imageScanFindings/findingSeverityCounts/UNTRIAGED",
            Code::Enum
        )],
        "{err}"
    );
    let op = ecr_op("DescribeImageScanFindings");
    assert!(op.check_output(UNTRIAGED.as_bytes(), &exact).is_err());
    let value = from_json::<DescribeImageScanFindingsResponse>(UNTRIAGED).expect("open");
    assert!(value.validate_with(&exact).is_err());
}

#[test]
fn a_request_still_refuses_an_enum_value_the_model_does_not_know() {
    let body = r#"{"repositoryName": "app", "imageTagMutability": "SOMEDAY"}"#;
    let err = from_json::<CreateRepositoryRequest>(body).expect_err("AWS refuses it");
    assert_eq!(pairs(&err), [("/imageTagMutability", Code::Enum)]);
    // The case is part of the value.
    let err = from_json::<CreateRepositoryRequest>(
        r#"{"repositoryName": "app", "imageTagMutability": "mutable"}"#,
    )
    .expect_err("case-sensitive");
    assert_eq!(pairs(&err), [("/imageTagMutability", Code::Enum)]);
    // On demand, kept.
    let open = Options::default().allow_unknown_enums(true);
    let got = from_json_with::<CreateRepositoryRequest>(body, &open).expect("allowed");
    assert_eq!(
        got.image_tag_mutability.as_ref().map(|m| m.as_str()),
        Some("SOMEDAY")
    );
    assert!(got.validate().is_err(), "a request, under default options");
    assert!(got.validate_with(&open).is_ok());
}

#[test]
fn a_response_enum_of_the_wrong_json_type_is_still_a_type_violation() {
    for exact in [false, true] {
        let opts = Options::default().exact_outputs(exact);
        let err = from_json_with::<DescribeImageScanFindingsResponse>(
            r#"{"imageScanStatus": {"status": 1}}"#,
            &opts,
        )
        .expect_err("a number");
        assert_eq!(pairs(&err), [("/imageScanStatus/status", Code::Type)]);
    }
}

#[cfg(feature = "schema")]
#[test]
fn output_schemas_name_enum_values_as_examples_unless_exact() {
    let output = registry::find(Service::Ecr, "DescribeImageScanFindingsResponse").expect("shape");
    let default = output.schema(&Options::default()).expect("schema");
    let severity = &default["$defs"]["FindingSeverity"];
    assert_eq!(severity["type"], "string", "{severity}");
    assert!(severity.get("enum").is_none(), "{severity}");
    assert_eq!(severity["examples"][0], "INFORMATIONAL", "{severity}");
    let exact = output
        .schema(&Options::default().exact_outputs(true))
        .expect("schema");
    assert_eq!(
        exact["$defs"]["FindingSeverity"]["enum"][0],
        "INFORMATIONAL"
    );
    // A request's enums stay closed; allowing unknown values opens them.
    let input = registry::find(Service::Ecr, "CreateRepositoryRequest").expect("shape");
    let request = input.schema(&Options::default()).expect("schema");
    assert!(request["$defs"]["ImageTagMutability"]["enum"].is_array());
    let open = input
        .schema(&Options::default().allow_unknown_enums(true))
        .expect("schema");
    assert!(open["$defs"]["ImageTagMutability"].get("enum").is_none());
    assert_eq!(
        open["$id"],
        "urn:ecr-models:ecr:open-enums:CreateRepositoryRequest"
    );
}

// ---------------------------------------------------------------------------
// 2. Error bodies as the SDKs read them

#[test]
fn error_codes_are_sanitized_as_the_sdks_sanitize_them() {
    for (code, name) in [
        ("RepositoryNotFoundException", "RepositoryNotFoundException"),
        (
            "com.amazonaws.ecr#RepositoryNotFoundException",
            "RepositoryNotFoundException",
        ),
        (
            "ValidationException:http://internal.amazon.com/coral/com.amazon.coral.validate/",
            "ValidationException",
        ),
        (
            "com.amazonaws.ecr#RepositoryNotFoundException:http://internal.amazon.com/",
            "RepositoryNotFoundException",
        ),
        // Cut at the first `:` before looking for a `#`.
        ("X:http://a#b", "X"),
        ("a#b#c", "b#c"),
        ("", ""),
    ] {
        assert_eq!(error_name(code), name, "{code}");
    }
}

#[test]
fn the_error_code_is_read_from_type_or_else_code_in_every_spelling() {
    let op = Some(ecr_op("DescribeRepositories"));
    for member in ["__type", "code"] {
        for code in [
            "RepositoryNotFoundException",
            "com.amazonaws.ecr#RepositoryNotFoundException",
            "RepositoryNotFoundException:http://internal.amazon.com/coral/",
            "com.amazonaws.ecr#RepositoryNotFoundException:http://internal.amazon.com/",
        ] {
            let body = json!({ member: code, "message": "gone" }).to_string();
            let got = ServiceError::from_slice_with(
                body.as_bytes(),
                op,
                &Options::default().strict(true),
            )
            .unwrap_or_else(|e| panic!("{body}: {e}"));
            assert_eq!(got.name(), "RepositoryNotFoundException", "{body}");
        }
    }
    // `__type` wins over `code`.
    let body = br#"{"code":"ServerException","__type":"RepositoryNotFoundException"}"#;
    let got =
        ServiceError::from_slice_with(body, op, &Options::default().strict(true)).expect("read");
    assert_eq!(got.name(), "RepositoryNotFoundException");
    // Neither: the body does not say which error it is.
    let err = ServiceError::from_slice_with(br#"{"message":"x"}"#, op, &Options::default())
        .expect_err("no code");
    assert_eq!(pairs(&err), [("/__type", Code::Required)]);
    assert_eq!(
        err.violations()[0].message,
        "an error body names its error in `__type` or `code`"
    );
    // An undeclared error named by `code` is reported there.
    let err = ServiceError::from_slice_with(
        br#"{"code":"ImageNotFoundException"}"#,
        op,
        &Options::default(),
    )
    .expect_err("undeclared");
    assert_eq!(pairs(&err), [("/code", Code::UndeclaredError)]);
}

#[test]
fn the_error_type_header_wins_over_the_body() {
    let op = Some(ecr_op("DescribeRepositories"));
    let body = br#"{"__type":"ServerException","message":"x"}"#;
    for header in [
        "RepositoryNotFoundException",
        "RepositoryNotFoundException:http://internal.amazon.com/coral/com.amazon.coral.service/",
    ] {
        let got = ServiceError::from_response_with(body, Some(header), op, &Options::default())
            .expect("the header names it");
        assert_eq!(got.name(), "RepositoryNotFoundException");
    }
    // A body without any code, named by its header.
    let got = ServiceError::from_response_with(
        br#"{"message":"gone"}"#,
        Some("RepositoryNotFoundException"),
        op,
        &Options::default(),
    )
    .expect("named by the header");
    assert_eq!(got.name(), "RepositoryNotFoundException");
    // An undeclared error named by the header is about the whole document.
    let err = ServiceError::from_response_with(
        br#"{}"#,
        Some("ImageNotFoundException"),
        op,
        &Options::default(),
    )
    .expect_err("undeclared");
    assert_eq!(pairs(&err), [("", Code::UndeclaredError)]);
    assert!(err.violations()[0]
        .message
        .starts_with("the X-Amzn-ErrorType header: \"ImageNotFoundException\" is not an error"));
    // No header: the body decides.
    let got = ServiceError::from_response_with(body, None, op, &Options::default()).expect("body");
    assert_eq!(got.name(), "ServerException");
}

#[test]
fn a_malformed_body_is_a_syntax_violation_whatever_the_header_names() {
    // Found by fuzzing (error_body): the header named an undeclared error,
    // and the malformed body was never read.
    let op = Some(ecr_op("DescribeRepositories"));
    for header in ["NoSuchException", "RepositoryNotFoundException"] {
        let err = ServiceError::from_response_with(
            br#"{"__type":"x""#,
            Some(header),
            op,
            &Options::default(),
        )
        .expect_err("malformed");
        assert_eq!(pairs(&err), [("", Code::Syntax)], "{header}: {err}");
    }
}

#[test]
fn message_and_capital_message_are_two_members_and_message_wins() {
    let op = Some(ecr_op("DescribeRepositories"));
    // moto sends both on every error body.
    let body = br#"{"__type":"RepositoryNotFoundException","message":"lower","Message":"upper"}"#;
    for opts in [Options::default(), Options::default().strict(true)] {
        match ServiceError::from_slice_with(body, op, &opts).expect("both may be given") {
            ServiceError::RepositoryNotFoundException(e) => {
                assert_eq!(e.message.as_deref(), Some("lower"))
            }
            other => panic!("{other:?}"),
        }
    }
    let body = br#"{"__type":"RepositoryNotFoundException","Message":"upper"}"#;
    match ServiceError::from_slice_with(body, op, &Options::default().strict(true)).expect("read") {
        ServiceError::RepositoryNotFoundException(e) => {
            assert_eq!(e.message.as_deref(), Some("upper"))
        }
        other => panic!("{other:?}"),
    }
    // And in a common error, of either service.
    let body = br#"{"__type":"ThrottlingException","message":"slow","Message":"down"}"#;
    match ServiceError::from_slice_with(body, op, &Options::default().strict(true)).expect("common")
    {
        ServiceError::Common(e) => assert_eq!(e.message.as_deref(), Some("slow")),
        other => panic!("{other:?}"),
    }
    let public = operation(Service::EcrPublic, "DescribeRepositories");
    match PublicServiceError::from_slice_with(body, public, &Options::default().strict(true))
        .expect("common")
    {
        PublicServiceError::Common(e) => assert_eq!(e.message.as_deref(), Some("slow")),
        other => panic!("{other:?}"),
    }
    // Each spelling still holds its own rules.
    let body = br#"{"__type":"RepositoryNotFoundException","message":"a","Message":1}"#;
    let err = ServiceError::from_slice_with(body, op, &Options::default()).expect_err("type");
    assert_eq!(pairs(&err), [("/Message", Code::Type)]);
}

#[test]
fn the_json_front_end_spellings_of_common_errors_are_common() {
    for name in [
        "MissingAuthenticationTokenException",
        "IncompleteSignatureException",
        "ValidationException",
        "SerializationException",
        "UnknownOperationException",
        "UnrecognizedClientException",
        "AccessDeniedException",
        "ThrottlingException",
    ] {
        assert!(COMMON_ERRORS.contains(&name), "{name}");
        let body = json!({"__type": name, "message": "m"}).to_string();
        // ECR: an operation that does not declare ValidationException.
        let op = ecr_op("CreateRepository");
        assert!(!op.declares("ValidationException"));
        let got = ServiceError::from_slice_with(
            body.as_bytes(),
            Some(op),
            &Options::default().strict(true),
        )
        .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(got.name(), name);
        // ECR Public, which has no ValidationException shape at all.
        let op = operation(Service::EcrPublic, "CreateRepository");
        match PublicServiceError::from_slice_with(
            body.as_bytes(),
            op,
            &Options::default().strict(true),
        ) {
            Ok(PublicServiceError::Common(e)) => assert_eq!(e.name, name),
            other => panic!("{name}: {other:?}"),
        }
    }
    // Neither declared nor common: still undeclared.
    let body = br#"{"__type":"NoSuchThingException"}"#;
    let err =
        ServiceError::from_slice_with(body, Some(ecr_op("CreateRepository")), &Options::default())
            .expect_err("undeclared");
    assert_eq!(pairs(&err), [("/__type", Code::UndeclaredError)]);
}

// ---------------------------------------------------------------------------
// 3. Limits of AWS's JSON stack

fn nested_in_unknown_member(depth: usize) -> String {
    format!(
        r#"{{"repositoryName":"abc","x":{}{}}}"#,
        "[".repeat(depth - 1),
        "]".repeat(depth - 1)
    )
}

#[test]
fn nesting_is_refused_past_1000_levels_also_inside_unknown_members() {
    use ecr_models::ecr::CreateRepositoryRequest;
    // The document's own object is level 1.
    assert!(from_json::<CreateRepositoryRequest>(&nested_in_unknown_member(1000)).is_ok());
    let err = from_json::<CreateRepositoryRequest>(&nested_in_unknown_member(1001))
        .expect_err("too deep");
    assert_eq!(pairs(&err), [("", Code::Limit)]);
    assert_eq!(
        err.violations()[0].message,
        "arrays and objects nested deeper than 1000 levels"
    );
    assert_eq!(err.violations()[0].line, Some(1));
    // The limit is an option.
    let opts = Options::default().max_depth(2000);
    assert!(
        from_json_with::<CreateRepositoryRequest>(&nested_in_unknown_member(1001), &opts).is_ok()
    );
    let opts = Options::default().max_depth(1);
    let err =
        from_json_with::<CreateRepositoryRequest>(r#"{"repositoryName":"abc","x":[]}"#, &opts)
            .expect_err("level 2");
    assert_eq!(pairs(&err), [("", Code::Limit)]);
    // The checker, the same.
    let entry = registry::find(Service::Ecr, "CreateRepositoryRequest").expect("shape");
    let verdict = entry.check(
        nested_in_unknown_member(1001).as_bytes(),
        &Options::default().strict(true),
    );
    assert_eq!(
        pairs(&verdict.expect_err("too deep")),
        [("/x", Code::UnknownField), ("", Code::Limit)]
    );
}

#[test]
fn numbers_are_refused_past_1000_characters() {
    let number = |len: usize| format!("0.{}1", "0".repeat(len - 3));
    let doc = |n: &str| format!(r#"{{"repositoryName":"abc","x":{n}}}"#);
    use ecr_models::ecr::CreateRepositoryRequest;
    assert!(from_json::<CreateRepositoryRequest>(&doc(&number(1000))).is_ok());
    let err = from_json::<CreateRepositoryRequest>(&doc(&number(1001))).expect_err("too long");
    assert_eq!(pairs(&err), [("", Code::Limit)]);
    assert_eq!(
        err.violations()[0].message,
        "a number of more than 1000 characters"
    );
    // In a member that reads it, the same.
    let body = format!(
        r#"{{"imageScanFindings":{{"findings":[{{"score":{}}}]}}}}"#,
        number(1001)
    );
    let entry = registry::find(Service::Ecr, "DescribeImageScanFindingsResponse").expect("shape");
    let err = entry
        .check(body.as_bytes(), &Options::default())
        .expect_err("too long");
    assert_eq!(pairs(&err), [("", Code::Limit)]);
    let opts = Options::default().max_number_length(2000);
    assert!(entry.check(body.as_bytes(), &opts).is_ok());
}

#[test]
fn a_typed_value_holding_nan_or_infinity_does_not_validate() {
    for bad in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
        let cvss = CvssScore::builder().base_score(bad);
        let built = cvss.clone().build_unchecked().expect("nothing required");
        let err = built.validate().expect_err("JSON cannot carry it");
        assert_eq!(
            cvss.build(),
            Err(err.clone()),
            "build checks as validate does"
        );
        assert_eq!(pairs(&err), [("/baseScore", Code::Type)], "{bad}");
        assert_eq!(
            err.violations()[0].message,
            "a NaN or infinite number, which JSON cannot carry"
        );
    }
    assert!(CvssScore::builder().base_score(9.8).build().is_ok());
}

#[test]
fn limit_is_a_stable_code() {
    assert_eq!(Code::Limit.as_str(), "limit");
    assert!(Code::ALL.contains(&Code::Limit));
}
