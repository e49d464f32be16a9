//! Recorded responses served to SDK clients: through aws-smithy-mocks
//! (`then_output`, `then_error`), through `StaticReplayClient` (the body
//! written back by `ecr_models::sdk::to_json`), and a request built from
//! JSON sent with the SDK's own `send_with`.

use aws_sdk_ecr::operation::create_repository::builders::CreateRepositoryInputBuilder;
use aws_sdk_ecr::operation::create_repository::CreateRepositoryError;
use aws_sdk_ecr::operation::describe_images::builders::DescribeImagesFluentBuilder;
use aws_sdk_ecr::operation::describe_images::DescribeImagesOutput;
use aws_smithy_http_client::test_util::{ReplayEvent, StaticReplayClient};
use aws_smithy_mocks::{mock, mock_client};
use ecr_models::ecr;

mod common;

use common::{create_repository, ecr_config, exchange};

fn fixture(name: &str) -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/ecr/");
    std::fs::read_to_string(format!("{path}{name}")).unwrap()
}

/// `DescribeImages` of the repository the fixtures describe, ready to send.
fn web_frontend_images(client: &aws_sdk_ecr::Client) -> DescribeImagesFluentBuilder {
    client
        .describe_images()
        .repository_name("team-a/web-frontend")
}

#[tokio::test]
async fn a_recorded_response_is_a_mocked_output() {
    let output: DescribeImagesOutput =
        ecr_models::sdk::from_json(&fixture("DescribeImages.wire.json")).unwrap();
    let expected = output.clone();
    let rule = mock!(aws_sdk_ecr::Client::describe_images).then_output(move || output.clone());
    let client = mock_client!(aws_sdk_ecr, [&rule]);
    let got = web_frontend_images(&client).send().await.unwrap();
    assert_eq!(got, expected);
    assert_eq!(got.image_details()[0].image_tags(), ["v1.4.2", "latest"]);
    assert_eq!(rule.num_calls(), 1);
}

#[tokio::test]
async fn a_recorded_error_body_is_a_mocked_error() {
    let body = r#"{"__type": "RepositoryAlreadyExistsException", "message": "The repository with name 'team/app' already exists"}"#;
    let rule = mock!(aws_sdk_ecr::Client::create_repository).then_error(move || {
        ecr_models::sdk::error_from_json::<CreateRepositoryError>(body).unwrap()
    });
    let client = mock_client!(aws_sdk_ecr, [&rule]);
    let err = create_repository(&client, "team/app")
        .send()
        .await
        .unwrap_err()
        .into_service_error();
    assert!(err.is_repository_already_exists_exception());
    assert_eq!(
        aws_smithy_types::error::metadata::ProvideErrorMetadata::code(&err),
        Some("RepositoryAlreadyExistsException")
    );
}

fn client(replay: &StaticReplayClient) -> aws_sdk_ecr::Client {
    aws_sdk_ecr::Client::from_conf(ecr_config(replay).build())
}

fn answer(body: String) -> ReplayEvent {
    exchange(200, None, &body)
}

#[tokio::test]
async fn an_sdk_output_written_back_is_what_the_sdk_reads() {
    let output: DescribeImagesOutput =
        ecr_models::sdk::from_json(&fixture("DescribeImages.boto3.json")).unwrap();
    let replay = StaticReplayClient::new(vec![answer(ecr_models::sdk::to_json(&output).unwrap())]);
    let got = web_frontend_images(&client(&replay)).send().await.unwrap();
    // What the SDK's own deserializer makes of the body is the output it
    // was written from, but for fractional epoch seconds: the SDK reads a
    // JSON number as an f64 (aws-smithy-json's `expect_timestamp_or_null`
    // calls aws-smithy-types' `DateTime::from_secs_f64`), so
    // `1700000000.56` becomes .559999942 s. That is the SDK reading any
    // body, AWS's included; ecr-models reads the digits (.56 exactly).
    let at = |o: &DescribeImagesOutput| o.image_details()[0].image_pushed_at().copied();
    assert_eq!(at(&output).map(|t| t.subsec_nanos()), Some(560_000_000));
    assert_eq!(at(&got).map(|t| t.subsec_nanos()), Some(559_999_942));
    assert_near(
        &ecr_models::sdk::to_value(&got).unwrap(),
        &ecr_models::sdk::to_value(&output).unwrap(),
        "",
    );
}

/// Equal JSON, numbers within a microsecond.
fn assert_near(a: &serde_json::Value, b: &serde_json::Value, at: &str) {
    use serde_json::Value;
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            assert_eq!(
                x.keys().collect::<Vec<_>>(),
                y.keys().collect::<Vec<_>>(),
                "{at}"
            );
            for (k, v) in x {
                assert_near(v, &y[k], &format!("{at}/{k}"));
            }
        }
        (Value::Array(x), Value::Array(y)) => {
            assert_eq!(x.len(), y.len(), "{at}");
            for (i, (v, w)) in x.iter().zip(y).enumerate() {
                assert_near(v, w, &format!("{at}/{i}"));
            }
        }
        (Value::Number(x), Value::Number(y)) => {
            let (x, y) = (x.as_f64().unwrap(), y.as_f64().unwrap());
            assert!((x - y).abs() < 1e-6, "{at}: {x} and {y}");
        }
        _ => assert_eq!(a, b, "{at}"),
    }
}

#[tokio::test]
async fn a_request_from_json_is_sent_by_the_sdk_as_it_was_written() {
    let json = r#"{"repositoryName":"team/app","imageTagMutability":"IMMUTABLE","tags":[{"Key":"team","Value":"a"}],"imageScanningConfiguration":{"scanOnPush":true}}"#;
    let request: ecr::CreateRepositoryRequest = ecr_models::from_json(json).unwrap();
    let replay = StaticReplayClient::new(vec![answer(r#"{"repository":{}}"#.into())]);
    CreateRepositoryInputBuilder::try_from(request)
        .unwrap()
        .send_with(&client(&replay))
        .await
        .unwrap();
    let sent = replay.actual_requests().next().unwrap();
    let sent: serde_json::Value = serde_json::from_slice(sent.body().bytes().unwrap()).unwrap();
    assert_eq!(
        sent,
        serde_json::from_str::<serde_json::Value>(json).unwrap()
    );
}
