//! What the client tests share: a replayed exchange, an ECR client config
//! that talks to the replay client only, and the call they make most.

use aws_credential_types::Credentials;
use aws_sdk_ecr::config::{BehaviorVersion, Region};
use aws_sdk_ecr::operation::create_repository::builders::CreateRepositoryFluentBuilder;
use aws_smithy_http_client::test_util::{ReplayEvent, StaticReplayClient};
use aws_smithy_types::body::SdkBody;

/// One exchange the replay client answers with.
pub fn exchange(status: u16, error_type: Option<&str>, body: &str) -> ReplayEvent {
    let request = http::Request::builder()
        .uri("https://api.ecr.us-east-1.amazonaws.com/")
        .body(SdkBody::from("{}"))
        .unwrap();
    let mut response = http::Response::builder()
        .status(status)
        .header("content-type", "application/x-amz-json-1.1");
    if let Some(error_type) = error_type {
        response = response.header("x-amzn-errortype", error_type);
    }
    ReplayEvent::new(
        request,
        response.body(SdkBody::from(body.to_string())).unwrap(),
    )
}

/// An aws-sdk-ecr config whose HTTP client is `replay`, with test
/// credentials.
pub fn ecr_config(replay: &StaticReplayClient) -> aws_sdk_ecr::config::Builder {
    aws_sdk_ecr::Config::builder()
        .behavior_version(BehaviorVersion::latest())
        .region(Region::new("us-east-1"))
        .credentials_provider(Credentials::for_tests())
        .http_client(replay.clone())
}

/// `CreateRepository` of the repository `name`, ready to send.
pub fn create_repository(
    client: &aws_sdk_ecr::Client,
    name: &str,
) -> CreateRepositoryFluentBuilder {
    client.create_repository().repository_name(name)
}
