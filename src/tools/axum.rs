//! An axum extractor that reads a request body with this crate's reader
//! (feature `axum`): [`Checked<T>`]. Unlike `Json<T>` followed by
//! `validate()`, it holds the rules only the reader can: strict mode
//! (unknown members), members given twice, and the limits of depth and
//! number length. [`Options`] come from the request's extensions (an
//! `Extension(options)` layer), else the defaults.
//!
//! An invalid body is answered 422 with an RFC 9457 problem
//! (`application/problem+json`) that lists every violation with its JSON
//! Pointer and code; a body over a limit (axum's body limit, or a limit of
//! the reader) 413; a body that could not be read, the status axum gives.
//!
//! ```rust,ignore
//! use ecr_models::axum::Checked;
//! use ecr_models::ecr::CreateRepositoryRequest;
//!
//! async fn create_repository(Checked(request): Checked<CreateRepositoryRequest>) -> String {
//!     request.repository_name
//! }
//! let app = axum::Router::new().route("/", axum::routing::post(create_repository));
//! ```
//!
//! `ecosystem-tests/tests/axum.rs` answers requests in process, and shows
//! an ECR-compatible endpoint that dispatches on `X-Amz-Target` through
//! the registry.

use axum_core::body::Body;
use axum_core::extract::{FromRequest, Request};
use axum_core::response::{IntoResponse, Response};
use bytes::Bytes;
use http::{header, StatusCode};
use serde_json::{json, Value};

use crate::error::{Code, Error};
use crate::model::Model;
use crate::options::Options;

/// A request body of type `T`, read and checked by this crate's reader
/// under the request's [`Options`] (see the [module](self) docs).
#[derive(Debug, Clone)]
pub struct Checked<T>(pub T);

impl<S: Send + Sync, T: Model> FromRequest<S> for Checked<T> {
    type Rejection = Problem;

    async fn from_request(request: Request, state: &S) -> Result<Self, Problem> {
        let opts = request
            .extensions()
            .get::<Options>()
            .cloned()
            .unwrap_or_default();
        let body = Bytes::from_request(request, state)
            .await
            .map_err(|e| Problem::new(e.status(), e.body_text()))?;
        crate::from_slice_with::<T>(&body, &opts)
            .map(Checked)
            .map_err(Problem::from)
    }
}

/// An RFC 9457 problem: the answer to a request whose body this crate
/// refused, as `application/problem+json`.
#[derive(Debug, Clone)]
pub struct Problem {
    status: StatusCode,
    detail: String,
    errors: Option<Error>,
}

impl Problem {
    /// A problem of `status` with `detail`, no violations.
    pub fn new(status: StatusCode, detail: impl Into<String>) -> Self {
        Problem {
            status,
            detail: detail.into(),
            errors: None,
        }
    }

    /// Its status: 422 for violations, 413 for a limit passed.
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// The body: `type`, `title`, `status`, `detail`, and for violations
    /// `errors`, each with its `pointer`, `code` and `detail` (RFC 9457's
    /// own example names them so).
    pub fn body(&self) -> Value {
        let mut body = json!({
            "type": "about:blank",
            "title": self.status.canonical_reason().unwrap_or("Error"),
            "status": self.status.as_u16(),
            "detail": self.detail,
        });
        if let Some(error) = &self.errors {
            let errors: Vec<Value> = error
                .violations()
                .iter()
                .map(|v| json!({"pointer": v.path, "code": v.code, "detail": v.message}))
                .collect();
            body["errors"] = errors.into();
            if error.omitted() > 0 {
                body["omitted"] = error.omitted().into();
            }
        }
        body
    }
}

/// Violations are 422 (Unprocessable Content); a limit of the reader
/// passed (depth, number length) is 413 (Content Too Large).
impl From<Error> for Problem {
    fn from(error: Error) -> Self {
        let status = match error.violations().iter().any(|v| v.code == Code::Limit) {
            true => StatusCode::PAYLOAD_TOO_LARGE,
            false => StatusCode::UNPROCESSABLE_ENTITY,
        };
        Problem {
            status,
            detail: error.to_string(),
            errors: Some(error),
        }
    }
}

impl IntoResponse for Problem {
    fn into_response(self) -> Response {
        let body = Body::from(self.body().to_string());
        let mut response = Response::new(body);
        *response.status_mut() = self.status;
        response.headers_mut().insert(
            header::CONTENT_TYPE,
            header::HeaderValue::from_static("application/problem+json"),
        );
        response
    }
}
