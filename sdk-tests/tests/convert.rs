//! The generated conversions between ecr-models and the SDK's types, case
//! by case: what each direction keeps, where it refuses, and the public
//! one-call forms (`ecr_models::sdk::{from_json, to_json, error_from_json}`)
//! on the recorded responses in `tests/fixtures/`.

use std::path::Path;

use aws_sdk_ecr::operation::create_repository::{CreateRepositoryError, CreateRepositoryInput};
use aws_sdk_ecr::operation::describe_images::DescribeImagesOutput;
use aws_sdk_ecr::operation::put_replication_configuration::PutReplicationConfigurationInput;
use aws_sdk_ecr::types as sdk;
use aws_smithy_types::error::metadata::ProvideErrorMetadata;
use aws_smithy_types::{Blob, DateTime};
use ecr_models::sdk::Twin;
use ecr_models::{ecr, ecr_public, Code, Model, Options};
use serde_json::{json, Value};

/// The (path, code) of every violation of `e`, in order.
fn codes(e: &ecr_models::Error) -> Vec<(&str, Code)> {
    e.violations()
        .iter()
        .map(|v| (v.path.as_str(), v.code))
        .collect()
}

#[test]
fn a_member_the_sdk_lacks_is_refused_at_its_place_and_absent_it_converts() {
    // botocore 1.44.5 has ReplicationRule.deleteReplication; aws-sdk-ecr
    // 1.138.0 does not.
    let with = json!({"replicationConfiguration": {"rules": [
        {"destinations": [{"region": "us-west-2", "registryId": "123456789012"}]},
        {"destinations": [{"region": "eu-west-1", "registryId": "123456789012"}],
         "deleteReplication": {"enabled": true}}
    ]}});
    let request: ecr::PutReplicationConfigurationRequest =
        ecr_models::from_json(&with.to_string()).unwrap();
    let err = PutReplicationConfigurationInput::try_from(request).unwrap_err();
    assert_eq!(
        codes(&err),
        [(
            "/replicationConfiguration/rules/1/deleteReplication",
            Code::NotInSdk
        )]
    );
    assert!(err.to_string().contains("aws-sdk-ecr 1.138.0"), "{err}");
    assert!(ecr_models::ecr::sdk::SDK.starts_with("aws-sdk-ecr "));

    let without = json!({"replicationConfiguration": {"rules": [
        {"destinations": [{"region": "us-west-2", "registryId": "123456789012"}]}
    ]}});
    let request: ecr::PutReplicationConfigurationRequest =
        ecr_models::from_json(&without.to_string()).unwrap();
    let input = PutReplicationConfigurationInput::try_from(request.clone()).unwrap();
    let rules = input.replication_configuration().unwrap().rules();
    assert_eq!(rules[0].destinations()[0].region(), "us-west-2");
    assert_eq!(
        ecr::PutReplicationConfigurationRequest::try_from(input).unwrap(),
        request
    );
}

#[test]
fn an_enum_value_newer_than_the_sdk_survives_as_its_unknown() {
    // ScanStatus IMAGE_SIZE_EXCEEDED is in botocore 1.44.5, not in
    // aws-sdk-ecr 1.138.0: it goes through as the SDK's Unknown, as the
    // SDK itself would read it from AWS, and comes back.
    let status = ecr::ScanStatus::from("IMAGE_SIZE_EXCEEDED");
    assert!(status.is_known());
    let theirs = sdk::ScanStatus::from(status.clone());
    assert_eq!(theirs.as_str(), "IMAGE_SIZE_EXCEEDED");
    assert!(!sdk::ScanStatus::values().contains(&"IMAGE_SIZE_EXCEEDED"));
    assert_eq!(ecr::ScanStatus::from(theirs), status);

    // A value neither knows, read with unknown enums allowed.
    let repo: ecr::Repository = ecr_models::from_json_with(
        r#"{"imageTagMutability": "MUTABLE_SOMEDAY"}"#,
        &Options::new().allow_unknown_enums(true),
    )
    .unwrap();
    let theirs = sdk::Repository::from_model(repo.clone()).unwrap();
    assert_eq!(
        theirs.image_tag_mutability().map(|m| m.as_str()),
        Some("MUTABLE_SOMEDAY")
    );
    assert_eq!(theirs.into_model().unwrap(), repo);
}

#[test]
fn timestamps_are_exact_to_the_nanosecond_and_out_of_range_is_an_error() {
    let repo: ecr::Repository =
        ecr_models::from_json(r#"{"createdAt": "2023-11-14T14:13:20.123456789-08:00"}"#).unwrap();
    let theirs = sdk::Repository::from_model(repo.clone()).unwrap();
    let at = theirs.created_at().unwrap();
    assert_eq!((at.secs(), at.subsec_nanos()), (1_700_000_000, 123_456_789));
    let back = theirs.into_model().unwrap();
    // The same instant; the -08:00 it was written with is not kept.
    assert_eq!(back, repo);
    let created = back.created_at.unwrap();
    assert_eq!(created.subsec_nanos(), 123_456_789);
    assert_eq!(created.to_rfc3339(), "2023-11-14T22:13:20.123456789Z");

    let far = sdk::Repository::builder()
        .created_at(DateTime::from_secs(300_000_000_000))
        .build();
    let err = far.into_model().unwrap_err();
    assert_eq!(codes(&err), [("/createdAt", Code::Timestamp)]);
}

#[test]
fn blobs_are_the_same_bytes() {
    let bytes: Vec<u8> = (0..=255).collect();
    let request = ecr::UploadLayerPartRequest::builder()
        .repository_name("team/app")
        .upload_id("0b2e7c3a-7b5a-4d1e-9a43-5ad2a0f1b111")
        .part_first_byte(0)
        .part_last_byte(255)
        .layer_part_blob(ecr_models::Blob::new(bytes.clone()))
        .build()
        .expect("valid");
    let input =
        aws_sdk_ecr::operation::upload_layer_part::UploadLayerPartInput::try_from(request.clone())
            .unwrap();
    assert_eq!(input.layer_part_blob(), Some(&Blob::new(bytes)));
    assert_eq!(
        ecr::UploadLayerPartRequest::try_from(input).unwrap(),
        request
    );
}

#[test]
fn smithy_defaults_fill_an_absent_member_and_come_back_as_a_value() {
    let config: ecr::ImageScanningConfiguration = ecr_models::from_json("{}").unwrap();
    assert_eq!(config.scan_on_push, None);
    let theirs = sdk::ImageScanningConfiguration::from(config);
    assert!(!theirs.scan_on_push);
    assert_eq!(
        ecr::ImageScanningConfiguration::from(theirs).scan_on_push,
        Some(false)
    );
}

#[test]
fn an_sdk_input_without_a_required_member_is_an_error() {
    let input = CreateRepositoryInput::builder().build().unwrap();
    let err = ecr::CreateRepositoryRequest::try_from(input).unwrap_err();
    assert_eq!(codes(&err), [("/repositoryName", Code::Required)]);
}

#[test]
fn enum_keys_that_are_one_wire_value_are_refused_not_merged() {
    let mut summary: ecr::ImageScanFindingsSummary =
        ecr_models::from_json(r#"{"findingSeverityCounts": {"HIGH": 2, "LOW": 1}}"#).unwrap();
    let theirs = sdk::ImageScanFindingsSummary::try_from(summary.clone()).unwrap();
    assert_eq!(
        theirs.finding_severity_counts().unwrap()[&sdk::FindingSeverity::High],
        2
    );
    let counts = summary.finding_severity_counts.as_mut().unwrap();
    counts.insert(ecr::FindingSeverity::Unknown("HIGH".into()), 5);
    let err = sdk::ImageScanFindingsSummary::try_from(summary).unwrap_err();
    assert_eq!(
        codes(&err),
        [("/findingSeverityCounts/HIGH", Code::Duplicate)]
    );
}

#[test]
fn errors_convert_both_ways_with_their_code_and_message() {
    // Declared by CreateRepository: its own variant, with code and message.
    let body = r#"{"__type": "RepositoryAlreadyExistsException", "message": "The repository already exists"}"#;
    let e: CreateRepositoryError = ecr_models::sdk::error_from_json(body).unwrap();
    assert!(e.is_repository_already_exists_exception());
    assert_eq!(e.code(), Some("RepositoryAlreadyExistsException"));
    assert_eq!(e.message(), Some("The repository already exists"));
    let ours = ecr::ServiceError::try_from(e).unwrap();
    assert_eq!(ours.name(), "RepositoryAlreadyExistsException");
    assert_eq!(ours.message(), Some("The repository already exists"));

    // A common error: the SDK's generic error, and back as Common.
    let body = r#"{"__type": "ThrottlingException", "message": "Rate exceeded"}"#;
    let e: CreateRepositoryError = ecr_models::sdk::error_from_json(body).unwrap();
    assert_eq!(e.code(), Some("ThrottlingException"));
    assert_eq!(e.message(), Some("Rate exceeded"));
    match ecr::ServiceError::try_from(e).unwrap() {
        ecr::ServiceError::Common(c) => {
            assert_eq!(
                (c.name.as_str(), c.message.as_deref()),
                ("ThrottlingException", Some("Rate exceeded"))
            )
        }
        other => panic!("{other:?}"),
    }

    // An error of another operation: refused when read as CreateRepository's,
    let body = r#"{"__type": "RepositoryNotFoundException", "message": "no such repository"}"#;
    let err = ecr_models::sdk::error_from_json::<CreateRepositoryError>(body).unwrap_err();
    assert_eq!(codes(&err), [("/__type", Code::UndeclaredError)]);
    // but a ServiceError holding it becomes the generic error, and comes back.
    let ours = ecr::ServiceError::from_json(body).unwrap();
    let e = CreateRepositoryError::from(ours.clone());
    assert_eq!(e.code(), Some("RepositoryNotFoundException"));
    assert_eq!(ecr::ServiceError::try_from(e).unwrap(), ours);

    // An SDK error with no code names no error.
    let e = CreateRepositoryError::unhandled("a connection reset");
    let err = ecr::ServiceError::try_from(e).unwrap_err();
    assert_eq!(codes(&err), [("", Code::UndeclaredError)]);
}

/// Every recorded response in `tests/fixtures/`, as the API sends it and
/// as boto3 dumps it, read into the SDK's output and written back: the
/// same JSON, but for boto3's `ResponseMetadata`, which the SDK's output
/// has no place for.
#[test]
fn every_recorded_response_becomes_the_sdk_output_and_comes_back() {
    /// Reads every form of the recorded response of `S`'s operation into
    /// `S` and writes it back; gives how many forms it read.
    fn check<S>() -> usize
    where
        S: Twin + Clone,
        S::Model: Model + serde::Serialize,
    {
        let shape = S::Model::SHAPE;
        let service = shape.service.name();
        let operation = shape.name.strip_suffix("Response").expect("a response");
        let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../tests/fixtures")
            .join(service);
        let mut checked = 0;
        for form in ["wire", "boto3", "rfc3339"] {
            let text =
                std::fs::read_to_string(dir.join(format!("{operation}.{form}.json"))).unwrap();
            let output: S = ecr_models::sdk::from_json(&text)
                .unwrap_or_else(|e| panic!("{service}/{operation}.{form}: {e}"));
            let mut expected =
                serde_json::to_value(ecr_models::from_json::<S::Model>(&text).unwrap()).unwrap();
            expected.as_object_mut().unwrap().remove("ResponseMetadata");
            let back: Value =
                serde_json::from_str(&ecr_models::sdk::to_json(&output).unwrap()).unwrap();
            assert_eq!(back, expected, "{service}/{operation}.{form}");
            checked += 1;
        }
        checked
    }
    use aws_sdk_ecr::operation as op;
    use aws_sdk_ecrpublic::operation as public;
    let checked = check::<op::batch_get_image::BatchGetImageOutput>()
        + check::<op::describe_image_scan_findings::DescribeImageScanFindingsOutput>()
        + check::<DescribeImagesOutput>()
        + check::<op::describe_repositories::DescribeRepositoriesOutput>()
        + check::<op::get_authorization_token::GetAuthorizationTokenOutput>()
        + check::<op::get_lifecycle_policy_preview::GetLifecyclePolicyPreviewOutput>()
        + check::<op::list_images::ListImagesOutput>()
        + check::<public::describe_images::DescribeImagesOutput>()
        + check::<public::describe_registries::DescribeRegistriesOutput>()
        + check::<public::describe_repositories::DescribeRepositoriesOutput>()
        + check::<public::get_authorization_token::GetAuthorizationTokenOutput>();
    assert_eq!(checked, 33);
}

/// Converts any recorded request generically, as a user replaying traffic
/// does: it must compile for every input, those without members included.
fn to_sdk<M, S>(model: M) -> S
where
    M: TryInto<S, Error = ecr_models::Error>,
{
    model.try_into().expect("converts")
}

#[test]
fn inputs_without_members_convert_both_ways_like_every_other() {
    use aws_sdk_ecr::operation::describe_registry::DescribeRegistryInput;
    use aws_sdk_ecr::operation::get_registry_policy::GetRegistryPolicyInput;
    use aws_sdk_ecrpublic::operation::get_registry_catalog_data::GetRegistryCatalogDataInput;
    let input: DescribeRegistryInput = to_sdk(ecr::DescribeRegistryRequest::default());
    assert_eq!(
        ecr::DescribeRegistryRequest::from(input),
        ecr::DescribeRegistryRequest::default()
    );
    let _: GetRegistryPolicyInput = to_sdk(ecr::GetRegistryPolicyRequest::default());
    let _: GetRegistryCatalogDataInput =
        to_sdk(ecr_public::GetRegistryCatalogDataRequest::default());
    // Through JSON, as `sdk::from_json` reads a recorded request.
    let read: DescribeRegistryInput = ecr_models::sdk::from_json("{}").expect("from_json");
    assert_eq!(ecr_models::sdk::to_json(&read).expect("to_json"), "{}");
}
