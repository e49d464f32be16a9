//! A test's fixture, the way a service that calls ECR through aws-sdk-ecr
//! would use one: a recorded DescribeImages response is loaded, checked
//! against the model (every violation reported, with where and why),
//! turned into the SDK's output, and served to an SDK client through
//! aws-smithy-mocks; the code under test then reads it as it would read
//! AWS's answer.
//!
//! ```text
//! cargo run -p sdk-tests --example sdk_fixture [FILE]
//! ```
//!
//! FILE defaults to `tests/fixtures/ecr/DescribeImages.wire.json`.

use aws_sdk_ecr::operation::describe_images::DescribeImagesOutput;
use aws_smithy_mocks::{mock, mock_client};

/// The code under test: the tags of a repository's newest tagged image.
async fn newest_tags(client: &aws_sdk_ecr::Client, repository: &str) -> Vec<String> {
    let images = client
        .describe_images()
        .repository_name(repository)
        .send()
        .await
        .expect("DescribeImages answers");
    images
        .image_details()
        .iter()
        .filter(|d| !d.image_tags().is_empty())
        .max_by_key(|d| d.image_pushed_at().map(|t| (t.secs(), t.subsec_nanos())))
        .map(|d| d.image_tags().to_vec())
        .unwrap_or_default()
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let path = std::env::args().nth(1).unwrap_or_else(|| {
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../tests/fixtures/ecr/DescribeImages.wire.json"
        )
        .into()
    });
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));

    // Checked and converted in one call: a fixture that AWS could not have
    // sent is refused here, not halfway through the test.
    let output: DescribeImagesOutput = match ecr_models::sdk::from_json(&text) {
        Ok(output) => output,
        Err(e) => {
            for v in e.violations() {
                eprintln!("{path}: {v}");
            }
            std::process::exit(1);
        }
    };

    let rule = mock!(aws_sdk_ecr::Client::describe_images).then_output(move || output.clone());
    let client = mock_client!(aws_sdk_ecr, [&rule]);
    let tags = newest_tags(&client, "team-a/web-frontend").await;
    assert_eq!(rule.num_calls(), 1);
    println!("{path}: newest image tagged {tags:?}");
}
