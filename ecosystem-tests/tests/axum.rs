//! `ecr_models::axum::Checked<T>` in an axum router, answered in process
//! (tower's `oneshot`, no network): a valid body, an invalid one (422, an
//! RFC 9457 problem with pointers and codes), the rules only the reader
//! holds (members given twice, strict mode from the request's options), and
//! the limits (413). Then a small ECR-compatible endpoint that dispatches on
//! `X-Amz-Target` through the registry, as a test double of ECR would.

use axum::body::{Body, Bytes};
use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderMap, Request, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Extension, Router};
use ecr_models::axum::{Checked, Problem};
use ecr_models::ecr::CreateRepositoryRequest;
use ecr_models::registry::{self, Target};
use ecr_models::Options;
use http_body_util::BodyExt;
use serde_json::Value;
use tower::ServiceExt;

async fn create_repository(Checked(request): Checked<CreateRepositoryRequest>) -> String {
    request.repository_name
}

fn app() -> Router {
    Router::new().route("/repositories", post(create_repository))
}

/// The status, content type and body of `app`'s answer to `body`.
async fn answer(app: Router, body: &str) -> (StatusCode, String, String) {
    let request = Request::post("/repositories")
        .header("content-type", "application/json")
        .body(Body::from(body.to_string()))
        .expect("a request");
    read(app.oneshot(request).await.expect("an answer")).await
}

/// A response's status, content type and body.
async fn read(response: Response) -> (StatusCode, String, String) {
    let status = response.status();
    let content_type = response
        .headers()
        .get("content-type")
        .map(|v| v.to_str().expect("ASCII").to_string())
        .unwrap_or_default();
    let bytes = response
        .into_body()
        .collect()
        .await
        .expect("a body")
        .to_bytes();
    (
        status,
        content_type,
        String::from_utf8(bytes.to_vec()).expect("UTF-8"),
    )
}

/// The `(pointer, code)` of each error of a problem.
fn errors(problem: &str) -> Vec<(String, String)> {
    let problem: Value = serde_json::from_str(problem).expect("JSON");
    problem["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .map(|e| {
            (
                e["pointer"].as_str().unwrap().into(),
                e["code"].as_str().unwrap().into(),
            )
        })
        .collect()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(p, c)| (p.to_string(), c.to_string()))
        .collect()
}

#[tokio::test]
async fn a_valid_body_reaches_the_handler() {
    let (status, _, body) = answer(app(), r#"{"repositoryName": "team/app"}"#).await;
    assert_eq!((status, body.as_str()), (StatusCode::OK, "team/app"));
}

#[tokio::test]
async fn an_invalid_body_is_422_with_a_problem_listing_every_violation() {
    let (status, content_type, body) = answer(
        app(),
        r#"{"repositoryName": "Team/App", "imageTagMutability": "mutable"}"#,
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(content_type, "application/problem+json");
    let problem: Value = serde_json::from_str(&body).expect("JSON");
    assert_eq!(problem["status"], 422);
    assert_eq!(problem["title"], "Unprocessable Entity");
    assert!(problem["detail"]
        .as_str()
        .unwrap()
        .starts_with("2 violations, the first /repositoryName"));
    assert_eq!(
        errors(&body),
        pairs(&[
            ("/repositoryName", "pattern"),
            ("/imageTagMutability", "enum")
        ])
    );
}

#[tokio::test]
async fn the_rules_only_the_reader_holds_hold() {
    // A member given twice: serde_json's `Json<T>` takes the last.
    let (status, _, body) = answer(
        app(),
        r#"{"repositoryName": "team/old", "repositoryName": "team/app"}"#,
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(errors(&body), pairs(&[("/repositoryName", "duplicate")]));

    // Strict mode, from the options a layer puts in the request.
    let strict = app().layer(Extension(Options::new().strict(true)));
    let (status, _, body) = answer(strict, r#"{"repositoryName": "team/app", "colour": 1}"#).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(errors(&body), pairs(&[("/colour", "unknown_field")]));
    let (status, _, _) = answer(app(), r#"{"repositoryName": "team/app", "colour": 1}"#).await;
    assert_eq!(status, StatusCode::OK, "lenient by default");
}

#[tokio::test]
async fn a_body_over_a_limit_is_413() {
    // axum's body limit.
    let small = app().layer(DefaultBodyLimit::max(16));
    let (status, content_type, body) = answer(small, r#"{"repositoryName": "team/app"}"#).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(content_type, "application/problem+json");
    assert!(body.contains("\"status\":413"), "{body}");

    // The reader's depth limit.
    let shallow = app().layer(Extension(Options::new().max_depth(2)));
    let (status, _, body) = answer(
        shallow,
        r#"{"repositoryName": "team/app", "tags": [{"Key": "a", "Value": "b"}]}"#,
    )
    .await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE, "{body}");
    assert_eq!(errors(&body)[0].1, "limit");
}

/// An ECR-compatible endpoint: AWS's JSON protocol, one path, the
/// operation named by `X-Amz-Target`, each request checked by the
/// registry's description of its operation. A test double of ECR answers
/// so before it looks at what the request asks.
async fn ecr(headers: HeaderMap, body: Bytes) -> Response {
    let target = headers
        .get("x-amz-target")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let operation = match registry::by_target(target) {
        Target::Operation(operation) => operation,
        Target::UnknownOperation { operation, .. } => {
            let detail = format!("{operation} is not an operation of the service");
            return Problem::new(StatusCode::BAD_REQUEST, detail).into_response();
        }
        Target::Other => {
            return Problem::new(StatusCode::BAD_REQUEST, "no X-Amz-Target of ECR").into_response()
        }
    };
    match operation.check_input(&body, &Options::default()) {
        Ok(()) => ([("content-type", "application/x-amz-json-1.1")], "{}").into_response(),
        Err(error) => Problem::from(error).into_response(),
    }
}

#[tokio::test]
async fn an_ecr_compatible_endpoint_dispatches_on_the_target() {
    let app = Router::new().route("/", post(ecr));
    let send = |target: &str, body: &str| {
        Request::post("/")
            .header("x-amz-target", target)
            .header("content-type", "application/x-amz-json-1.1")
            .body(Body::from(body.to_string()))
            .expect("a request")
    };
    let policy = r#"{\"rules\": [{\"rulePriority\": 1, \"selection\": {\"tagStatus\": \"untagged\", \"countType\": \"sinceImagePushed\", \"countNumber\": 14}, \"action\": {\"type\": \"expire\"}}]}"#;
    let request = send(
        "AmazonEC2ContainerRegistry_V20150921.PutLifecyclePolicy",
        &format!(r#"{{"repositoryName": "team/app", "lifecyclePolicyText": "{policy}"}}"#),
    );
    let (status, _, body) = read(app.clone().oneshot(request).await.expect("an answer")).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        errors(&body),
        pairs(&[(
            "/lifecyclePolicyText/rules/0/selection/countUnit",
            "required"
        )])
    );

    let ok = send(
        "SpencerFrontendService.CreateRepository",
        r#"{"repositoryName": "app"}"#,
    );
    assert_eq!(
        app.clone().oneshot(ok).await.expect("an answer").status(),
        StatusCode::OK
    );
    let unknown = send("AmazonEC2ContainerRegistry_V20150921.Frobnicate", "{}");
    assert_eq!(
        app.oneshot(unknown).await.expect("an answer").status(),
        StatusCode::BAD_REQUEST
    );
}
