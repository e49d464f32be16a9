//! Recorded-response fixtures (`tests/fixtures/<service>/<Operation>.<form>.json`),
//! each response written in the three forms a response is met in:
//!
//! - `wire`: as the service sends it, timestamps as epoch seconds (integers,
//!   decimal fractions, and the `1.70000000056E9` notation AWS's Java
//!   services write);
//! - `rfc3339`: timestamps as RFC 3339 strings (with `Z` or an offset);
//! - `boto3`: `json.dump(resp, f, default=str)` of a boto3 response:
//!   timestamps as `str(datetime)` in the local zone of the machine that
//!   dumped it (`2023-11-14 14:13:20.560000-08:00`), plus `ResponseMetadata`.
//!
//! The three files of one response denote the same instants, so they read to
//! equal values once boto3's `ResponseMetadata` is set aside. Every fixture
//! uses only members the AWS model defines, so each is valid in strict mode.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use ecr_models::registry::operation;
use ecr_models::{from_json_with, Model, Options, Service};

const FORMS: [&str; 3] = ["wire", "rfc3339", "boto3"];

fn fixture_path(service: &str, op: &str, form: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(service)
        .join(format!("{op}.{form}.json"))
}

fn read_fixture(service: &str, op: &str, form: &str) -> String {
    let path = fixture_path(service, op, form);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Reads the fixture as `T`, panicking with every violation if it is not valid.
fn read_valid<T: Model>(text: &str, opts: &Options, what: &str) -> T {
    match from_json_with::<T>(text, opts) {
        Ok(value) => value,
        Err(e) => panic!("{what} should be valid ({opts:?}), got: {e}"),
    }
}

/// Checks the three forms of one response of `$op` as `$ty`:
/// valid in default and strict mode (typed and through the registry), a
/// serde round trip gives an equal value, serde's own `Deserialize` agrees,
/// and the three forms are equal without `ResponseMetadata`.
macro_rules! fixture_set {
    ($name:ident, $service:expr, $dir:literal, $op:literal, $ty:ty) => {
        #[test]
        fn $name() {
            let op = operation($service, $op).expect("operation exists");
            let mut forms: Vec<(&str, $ty)> = Vec::new();
            for form in FORMS {
                let what = format!("{}/{}.{form}.json", $dir, $op);
                let text = read_fixture($dir, $op, form);

                // Valid in default and strict mode, typed and via the registry.
                let value: $ty = read_valid(&text, &Options::default(), &what);
                let strict: $ty = read_valid(&text, &Options::default().strict(true), &what);
                assert_eq!(value, strict, "{what}: default and strict read differently");
                for opts in [Options::default(), Options::default().strict(true)] {
                    if let Err(e) = op.check_output(text.as_bytes(), &opts) {
                        panic!("{what}: check_output ({opts:?}) failed: {e}");
                    }
                }
                assert!(
                    value.validate().is_ok(),
                    "{what}: validate() of the value failed"
                );

                // Round trip: deserialize, serialize, deserialize again.
                let json = serde_json::to_string(&value).expect("serializes");
                let again: $ty = read_valid(
                    &json,
                    &Options::default().strict(true),
                    &format!("{what} re-serialized"),
                );
                assert_eq!(again, value, "{what}: round trip changed the value");

                // serde's derived `Deserialize` reads the same value.
                let serde_value: $ty = serde_json::from_str(&text)
                    .unwrap_or_else(|e| panic!("{what}: serde_json::from_str failed: {e}"));
                assert_eq!(serde_value, value, "{what}: serde and from_json disagree");

                // The boto3 dump, and only it, carries ResponseMetadata.
                assert_eq!(
                    value.response_metadata.is_some(),
                    form == "boto3",
                    "{what}: ResponseMetadata presence"
                );
                forms.push((form, value));
            }

            let mut without_metadata = forms.into_iter().map(|(form, mut value)| {
                if let Some(meta) = value.response_metadata.take() {
                    assert_eq!(meta.http_status_code, Some(200));
                    assert_eq!(meta.retry_attempts, Some(0));
                    let headers = meta.http_headers.expect("HTTPHeaders");
                    assert_eq!(headers.get("x-amzn-requestid"), meta.request_id.as_ref());
                }
                (form, value)
            });
            let (_, wire) = without_metadata.next().expect("wire form");
            for (form, value) in without_metadata {
                assert_eq!(
                    value, wire,
                    "{}/{}: {form} form differs from wire form",
                    $dir, $op
                );
            }
        }
    };
}

fixture_set!(
    ecr_describe_repositories_three_forms_agree,
    Service::Ecr,
    "ecr",
    "DescribeRepositories",
    ecr_models::ecr::DescribeRepositoriesResponse
);
fixture_set!(
    ecr_describe_images_three_forms_agree,
    Service::Ecr,
    "ecr",
    "DescribeImages",
    ecr_models::ecr::DescribeImagesResponse
);
fixture_set!(
    ecr_describe_image_scan_findings_enhanced_three_forms_agree,
    Service::Ecr,
    "ecr",
    "DescribeImageScanFindings",
    ecr_models::ecr::DescribeImageScanFindingsResponse
);
fixture_set!(
    ecr_get_authorization_token_three_forms_agree,
    Service::Ecr,
    "ecr",
    "GetAuthorizationToken",
    ecr_models::ecr::GetAuthorizationTokenResponse
);
fixture_set!(
    ecr_list_images_three_forms_agree,
    Service::Ecr,
    "ecr",
    "ListImages",
    ecr_models::ecr::ListImagesResponse
);
fixture_set!(
    ecr_batch_get_image_three_forms_agree,
    Service::Ecr,
    "ecr",
    "BatchGetImage",
    ecr_models::ecr::BatchGetImageResponse
);
fixture_set!(
    ecr_get_lifecycle_policy_preview_three_forms_agree,
    Service::Ecr,
    "ecr",
    "GetLifecyclePolicyPreview",
    ecr_models::ecr::GetLifecyclePolicyPreviewResponse
);
fixture_set!(
    ecr_public_describe_repositories_three_forms_agree,
    Service::EcrPublic,
    "ecr-public",
    "DescribeRepositories",
    ecr_models::ecr_public::DescribeRepositoriesResponse
);
fixture_set!(
    ecr_public_describe_images_three_forms_agree,
    Service::EcrPublic,
    "ecr-public",
    "DescribeImages",
    ecr_models::ecr_public::DescribeImagesResponse
);
fixture_set!(
    ecr_public_describe_registries_three_forms_agree,
    Service::EcrPublic,
    "ecr-public",
    "DescribeRegistries",
    ecr_models::ecr_public::DescribeRegistriesResponse
);
fixture_set!(
    ecr_public_get_authorization_token_three_forms_agree,
    Service::EcrPublic,
    "ecr-public",
    "GetAuthorizationToken",
    ecr_models::ecr_public::GetAuthorizationTokenResponse
);

/// The fixture sets above, by service directory and operation.
const SETS: &[(&str, &str)] = &[
    ("ecr", "DescribeRepositories"),
    ("ecr", "DescribeImages"),
    ("ecr", "DescribeImageScanFindings"),
    ("ecr", "GetAuthorizationToken"),
    ("ecr", "ListImages"),
    ("ecr", "BatchGetImage"),
    ("ecr", "GetLifecyclePolicyPreview"),
    ("ecr-public", "DescribeRepositories"),
    ("ecr-public", "DescribeImages"),
    ("ecr-public", "DescribeRegistries"),
    ("ecr-public", "GetAuthorizationToken"),
];

#[test]
fn every_fixture_file_belongs_to_a_tested_set_and_every_set_has_three_forms() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut found = BTreeSet::new();
    for dir in std::fs::read_dir(&root).expect("tests/fixtures exists") {
        let dir = dir.expect("entry");
        let service = dir.file_name().into_string().expect("utf-8 name");
        for file in std::fs::read_dir(dir.path()).expect("service dir") {
            let name = file
                .expect("entry")
                .file_name()
                .into_string()
                .expect("utf-8");
            found.insert(format!("{service}/{name}"));
        }
    }
    let mut expected = BTreeSet::new();
    for (service, op) in SETS {
        for form in FORMS {
            expected.insert(format!("{service}/{op}.{form}.json"));
        }
    }
    assert_eq!(found, expected);
}

#[test]
fn every_fixture_is_valid_through_the_registry_in_strict_mode() {
    for (dir, op_name) in SETS {
        let service = Service::from_name(dir).expect("service name");
        let op = operation(service, op_name).expect("operation exists");
        for form in FORMS {
            let text = read_fixture(dir, op_name, form);
            let result = op.check_output(text.as_bytes(), &Options::default().strict(true));
            assert!(result.is_ok(), "{dir}/{op_name}.{form}.json: {result:?}");
            // A response is not a request: the input shape rejects it.
            let as_input = op.check_input(text.as_bytes(), &Options::default().strict(true));
            assert!(
                as_input.is_err(),
                "{dir}/{op_name}.{form}.json should not pass as {op_name}'s input in strict mode"
            );
        }
    }
}

#[test]
fn timestamps_in_the_three_forms_denote_the_same_instants() {
    use ecr_models::ecr::DescribeImagesResponse;
    let read = |form| {
        read_valid::<DescribeImagesResponse>(
            &read_fixture("ecr", "DescribeImages", form),
            &Options::default().strict(true),
            form,
        )
    };
    for form in FORMS {
        let value = read(form);
        let first = &value.image_details.as_ref().expect("imageDetails")[0];
        // 1.70000000056E9 on the wire, 2023-11-14T22:13:20.56Z, and
        // 2023-11-14 14:13:20.560000-08:00 from boto3.
        let pushed = first.image_pushed_at.expect("imagePushedAt");
        assert_eq!(pushed.epoch_seconds(), 1_700_000_000, "{form}");
        assert_eq!(pushed.subsec_nanos(), 560_000_000, "{form}");
        assert_eq!(pushed.to_rfc3339(), "2023-11-14T22:13:20.56Z", "{form}");
        // 1700086400.005 = 2023-11-15T14:13:20.005-08:00.
        let pulled = first.last_recorded_pull_time.expect("lastRecordedPullTime");
        assert_eq!(pulled.epoch_seconds(), 1_700_086_400, "{form}");
        assert_eq!(pulled.subsec_nanos(), 5_000_000, "{form}");
    }
}

#[test]
fn boto3_response_metadata_is_read_with_its_headers() {
    use ecr_models::ecr::GetAuthorizationTokenResponse;
    let text = read_fixture("ecr", "GetAuthorizationToken", "boto3");
    let value: GetAuthorizationTokenResponse =
        read_valid(&text, &Options::default().strict(true), "boto3");
    let meta = value.response_metadata.expect("ResponseMetadata");
    assert_eq!(
        meta.request_id.as_deref(),
        Some("7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d")
    );
    assert_eq!(meta.http_status_code, Some(200));
    assert_eq!(meta.retry_attempts, Some(0));
    assert_eq!(
        meta.http_headers
            .as_ref()
            .and_then(|h| h.get("content-type"))
            .map(String::as_str),
        Some("application/x-amz-json-1.1")
    );
    assert_eq!(meta.host_id, None);
    // expiresAt was dumped in +05:30: 2023-11-15 15:43:40.562000+05:30.
    let data = &value.authorization_data.expect("authorizationData")[0];
    let expires = data.expires_at.expect("expiresAt");
    assert_eq!(expires.to_rfc3339(), "2023-11-15T10:13:40.562Z");
}
