//! `ecr_models::sdk::ValidatingInterceptor` on real aws-sdk-ecr and
//! aws-sdk-ecrpublic clients, with aws-smithy's `StaticReplayClient` in
//! place of the network: what is sent, what is refused, and what the caller
//! gets.

use aws_credential_types::Credentials;
use aws_sdk_ecr::error::SdkError;
use aws_smithy_http_client::test_util::StaticReplayClient;
use aws_smithy_types::retry::RetryConfig;
use ecr_models::sdk::ValidatingInterceptor;
use ecr_models::Code;

mod common;

use common::{create_repository, ecr_config, exchange};

fn ecr_client(
    replay: &StaticReplayClient,
    interceptor: ValidatingInterceptor,
) -> aws_sdk_ecr::Client {
    let config = ecr_config(replay)
        // Retries on, so that "not retried" means something.
        .retry_config(RetryConfig::standard().with_max_attempts(3))
        .interceptor(interceptor)
        .build();
    aws_sdk_ecr::Client::from_conf(config)
}

/// Asserts that the `ecr_models::Error` somewhere in `error`'s chain of
/// sources has exactly the violations `expected`, in order.
fn assert_violations(error: &(dyn std::error::Error + 'static), expected: &[(&str, Code)]) {
    let mut next = Some(error);
    while let Some(e) = next {
        if let Some(found) = e.downcast_ref::<ecr_models::Error>() {
            let got: Vec<_> = found
                .violations()
                .iter()
                .map(|v| (v.path.as_str(), v.code))
                .collect();
            assert_eq!(got, expected);
            return;
        }
        next = e.source();
    }
    panic!("no ecr_models::Error in {error:?}");
}

/// Asserts that `err` is the SDK's response error the interceptor gives
/// for a refused response, with exactly the violations `expected`.
fn assert_response_refused<E, R>(err: &SdkError<E, R>, expected: &[(&str, Code)])
where
    E: std::error::Error + 'static,
    R: std::fmt::Debug + 'static,
{
    assert!(matches!(err, SdkError::ResponseError(_)), "{err:?}");
    assert_violations(err, expected);
}

const REPOSITORY: &str = r#"{"repository": {"repositoryName": "my-repo", "registryId": "123456789012",
    "repositoryArn": "arn:aws:ecr:us-east-1:123456789012:repository/my-repo", "createdAt": 1700000000}}"#;

#[tokio::test]
async fn a_valid_request_is_sent_once() {
    let replay = StaticReplayClient::new(vec![exchange(200, None, REPOSITORY)]);
    let client = ecr_client(&replay, ValidatingInterceptor::new());
    let out = create_repository(&client, "my-repo").send().await.unwrap();
    assert_eq!(
        out.repository().and_then(|r| r.repository_name()),
        Some("my-repo")
    );
    assert_eq!(replay.actual_requests().count(), 1);
}

#[tokio::test]
async fn an_invalid_request_is_refused_unsent_and_unretried_with_every_violation() {
    let replay = StaticReplayClient::new(vec![exchange(200, None, REPOSITORY)]);
    let client = ecr_client(&replay, ValidatingInterceptor::new());
    let err = create_repository(&client, "MyRepo")
        // An enum value the model lacks: the SDK keeps it, the model refuses it.
        .image_tag_mutability(aws_sdk_ecr::types::ImageTagMutability::from("mutable"))
        .send()
        .await
        .unwrap_err();
    assert_eq!(replay.actual_requests().count(), 0, "nothing is sent");
    assert!(
        matches!(err, aws_sdk_ecr::error::SdkError::DispatchFailure(_)),
        "{err:?}"
    );
    assert_violations(
        &err,
        &[
            ("/repositoryName", Code::Pattern),
            ("/imageTagMutability", Code::Enum),
        ],
    );
}

#[tokio::test]
async fn the_same_call_without_the_interceptor_goes_out() {
    // What the interceptor prevents: the SDK itself checks no pattern.
    let replay = StaticReplayClient::new(vec![exchange(200, None, REPOSITORY)]);
    let client = aws_sdk_ecr::Client::from_conf(ecr_config(&replay).build());
    create_repository(&client, "MyRepo").send().await.unwrap();
    assert_eq!(replay.actual_requests().count(), 1);
}

#[tokio::test]
async fn an_invalid_response_is_reported_with_the_response_flag_and_ignored_without() {
    let bad = r#"{"repositories": [{"repositoryName": "Not Valid", "registryId": "12"}]}"#;
    let replay = StaticReplayClient::new(vec![exchange(200, None, bad)]);
    let client = ecr_client(&replay, ValidatingInterceptor::new().with_responses(true));
    let err = client.describe_repositories().send().await.unwrap_err();
    assert_response_refused(
        &err,
        &[
            ("/repositories/0/repositoryName", Code::Pattern),
            ("/repositories/0/registryId", Code::Pattern),
        ],
    );

    // Without the flag the body is the SDK's business, and it takes it.
    let replay = StaticReplayClient::new(vec![exchange(200, None, bad)]);
    let client = ecr_client(&replay, ValidatingInterceptor::new());
    let out = client.describe_repositories().send().await.unwrap();
    assert_eq!(out.repositories()[0].repository_name(), Some("Not Valid"));
}

#[tokio::test]
async fn a_valid_error_body_reaches_the_caller_as_the_sdks_modeled_error() {
    let body = r#"{"__type": "RepositoryNotFoundException", "message": "The repository with name 'gone' does not exist"}"#;
    let replay = StaticReplayClient::new(vec![exchange(
        400,
        Some("RepositoryNotFoundException"),
        body,
    )]);
    let client = ecr_client(&replay, ValidatingInterceptor::new().with_responses(true));
    let request = client.describe_repositories().repository_names("gone");
    let err = request.send().await.unwrap_err().into_service_error();
    assert!(err.is_repository_not_found_exception(), "{err:?}");
    assert_eq!(replay.actual_requests().count(), 1);
}

#[tokio::test]
async fn options_pass_through_strict_mode_refuses_an_unknown_response_member() {
    let body = r#"{"repositories": [], "extra": true}"#;
    let strict = ecr_models::Options::new().strict(true);
    let replay = StaticReplayClient::new(vec![exchange(200, None, body)]);
    let client = ecr_client(
        &replay,
        ValidatingInterceptor::new()
            .with_responses(true)
            .with_options(strict),
    );
    let err = client.describe_repositories().send().await.unwrap_err();
    assert_violations(&err, &[("/extra", Code::UnknownField)]);
}

#[tokio::test]
async fn an_ecr_public_request_is_checked_by_the_same_interceptor() {
    let replay = StaticReplayClient::new(vec![exchange(200, None, "{}")]);
    let config = aws_sdk_ecrpublic::Config::builder()
        .behavior_version(aws_sdk_ecrpublic::config::BehaviorVersion::latest())
        .region(aws_sdk_ecrpublic::config::Region::new("us-east-1"))
        .credentials_provider(Credentials::for_tests())
        .http_client(replay.clone())
        .interceptor(ValidatingInterceptor::new())
        .build();
    let client = aws_sdk_ecrpublic::Client::from_conf(config);
    let request = client.create_repository().repository_name("MyRepo");
    let err = request.send().await.unwrap_err();
    assert_eq!(replay.actual_requests().count(), 0);
    assert_violations(&err, &[("/repositoryName", Code::Pattern)]);
}

#[tokio::test]
async fn an_error_body_the_operation_does_not_declare_is_reported_with_the_response_flag() {
    // DescribeRepositories declares no ImageNotFoundException.
    let body = r#"{"__type": "ImageNotFoundException", "message": "no image"}"#;
    let replay = StaticReplayClient::new(vec![exchange(400, None, body)]);
    let client = ecr_client(&replay, ValidatingInterceptor::new().with_responses(true));
    let err = client.describe_repositories().send().await.unwrap_err();
    assert_response_refused(&err, &[("/__type", Code::UndeclaredError)]);
    // A 400 is not retried by the standard strategy: one request.
    assert_eq!(replay.actual_requests().count(), 1);
}
