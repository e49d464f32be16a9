//! Real documents written outside this project (`tests/real-documents/`,
//! each with its public source in the README there): boto3 responses that
//! cloud-custodian recorded from AWS in 2016, with the two-member
//! `ResponseMetadata` botocore wrote then; the enhanced-scan
//! `DescribeImageScanFindings` response that moto's tests copy from AWS,
//! with a severity no model lists; and an aws-cli documentation example
//! whose placeholder account id must stay refused.

use std::path::Path;

use ecr_models::ecr::{DescribeImageScanFindingsResponse, FindingSeverity};
use ecr_models::registry::operation;
use ecr_models::{from_json, Code, Options, Service};

mod common;

use common::{ecr_op, pairs};

/// Every fixture: (service folder, operation, file name, text).
fn fixtures() -> Vec<(String, String, String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/real-documents");
    let mut out = Vec::new();
    for service in ["ecr", "ecr-public"] {
        let Ok(dir) = std::fs::read_dir(root.join(service)) else {
            continue;
        };
        for entry in dir {
            let path = entry.expect("a directory entry").path();
            let name = path
                .file_name()
                .and_then(|n| n.to_str())
                .expect("UTF-8")
                .to_string();
            let op = name
                .split('.')
                .next()
                .expect("Operation.source.json")
                .to_string();
            let text = std::fs::read_to_string(&path).expect("readable");
            out.push((service.to_string(), op, name, text));
        }
    }
    out.sort();
    out
}

/// The text of the fixture `name`.
fn fixture(name: &str) -> String {
    let (.., text) = fixtures()
        .into_iter()
        .find(|f| f.2 == name)
        .unwrap_or_else(|| panic!("no fixture {name}"));
    text
}

fn service(folder: &str) -> Service {
    match folder {
        "ecr" => Service::Ecr,
        _ => Service::EcrPublic,
    }
}

#[test]
fn genuine_aws_and_boto3_responses_are_valid_in_default_and_strict_mode() {
    let mut checked = Vec::new();
    for (folder, op, name, text) in fixtures() {
        if name.contains("placeholder") {
            continue;
        }
        let op = operation(service(&folder), &op).unwrap_or_else(|| panic!("{name}: operation"));
        for opts in [Options::default(), Options::default().strict(true)] {
            if let Err(e) = op.check_output(text.as_bytes(), &opts) {
                panic!("{name} (strict {}): {e}", opts.strict);
            }
        }
        checked.push(name);
    }
    assert_eq!(
        checked,
        [
            "CreateRepository.custodian-cross-account.json",
            "DeleteRepository.custodian-cross-account.json",
            "DescribeImageScanFindings.moto-enhanced.json",
            "DescribeRepositories.custodian-cross-account.json",
            "GetRepositoryPolicy.custodian-cross-account.json",
            "SetRepositoryPolicy.custodian-cross-account.json",
        ]
    );
}

#[test]
fn the_letter_of_the_model_still_refuses_what_aws_sent() {
    // Under exact outputs the severity newer than the model is refused, and
    // it is the only fault.
    let text = fixture("DescribeImageScanFindings.moto-enhanced.json");
    let op = ecr_op("DescribeImageScanFindings");
    let err = op
        .check_output(text.as_bytes(), &Options::default().exact_outputs(true))
        .expect_err("UNTRIAGED is no FindingSeverity of the model");
    assert_eq!(
        pairs(&err),
        [(
            "/imageScanFindings/findingSeverityCounts/UNTRIAGED",
            Code::Enum
        )]
    );
    // By default it is kept, as the SDKs keep it.
    let value: DescribeImageScanFindingsResponse = from_json(&text).expect("valid");
    let counts = value
        .image_scan_findings
        .and_then(|f| f.finding_severity_counts)
        .expect("counts");
    assert!(counts.contains_key(&FindingSeverity::Unknown("UNTRIAGED".into())));
}

#[test]
fn response_metadata_as_2016_botocore_and_placebo_recorders_wrote_it() {
    use ecr_models::ecr::CreateRepositoryResponse;
    let text = fixture("CreateRepository.custodian-cross-account.json");
    let value: CreateRepositoryResponse = from_json(&text).expect("valid");
    let meta = value.response_metadata.expect("ResponseMetadata");
    assert_eq!(meta.http_status_code, Some(200));
    assert_eq!(
        meta.request_id.as_deref(),
        Some("c7bef332-3bb8-11e6-85e2-4be215f39d76")
    );
    assert_eq!((meta.http_headers, meta.retry_attempts), (None, None));
    // cloud-custodian's recorder (tests/zpill.py) writes `{}`.
    let empty: CreateRepositoryResponse = from_json(r#"{"ResponseMetadata": {}}"#).expect("valid");
    assert!(empty.response_metadata.is_some());
    // Present members are still typed, and unknown ones refused in strict mode.
    let op = ecr_op("CreateRepository");
    let err = op
        .check_output(
            br#"{"ResponseMetadata": {"HTTPStatusCode": "200", "RetryAttempts": -1.5}}"#,
            &Options::default(),
        )
        .expect_err("wrong types");
    assert_eq!(
        pairs(&err),
        [
            ("/ResponseMetadata/HTTPStatusCode", Code::Type),
            ("/ResponseMetadata/RetryAttempts", Code::Type)
        ]
    );
    let err = op
        .check_output(
            br#"{"ResponseMetadata": {"Elapsed": 1}}"#,
            &Options::default().strict(true),
        )
        .expect_err("not boto3's");
    assert_eq!(err.violations()[0].path, "/ResponseMetadata/Elapsed");
    assert_eq!(err.violations()[0].code, Code::UnknownField);
}

#[test]
fn a_documentation_placeholder_is_still_refused() {
    let text = fixture("PutLifecyclePolicy.awscli-placeholder.json");
    let op = ecr_op("PutLifecyclePolicy");
    let err = op
        .check_output(text.as_bytes(), &Options::default())
        .expect_err("<aws_account_id> is no account id");
    assert_eq!(pairs(&err), [("/registryId", Code::Pattern)]);
}
