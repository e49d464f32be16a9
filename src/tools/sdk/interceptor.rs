//! [`ValidatingInterceptor`]: the SDK's own traffic checked with the
//! model's rules.

use aws_smithy_runtime_api::box_error::BoxError;
use aws_smithy_runtime_api::client::interceptors::context::{
    AfterDeserializationInterceptorContextRef, BeforeTransmitInterceptorContextRef,
};
use aws_smithy_runtime_api::client::interceptors::Intercept;
use aws_smithy_runtime_api::client::runtime_components::RuntimeComponents;
use aws_smithy_runtime_api::http::Headers;
use aws_smithy_types::config_bag::{ConfigBag, Storable, StoreReplace};

use crate::options::{setters, Options};
use crate::registry::{self, Target};
use crate::shape::Operation;

/// An interceptor for aws-sdk-ecr and aws-sdk-ecrpublic clients that checks
/// each request body against its operation's input before it is sent and,
/// with [`ValidatingInterceptor::with_responses`], each response body
/// against the operation's output or errors.
///
/// Register it on a client's config (`Config::builder().interceptor(...)`)
/// or on one call (`.customize().interceptor(...)`).
///
/// **A refused request is not sent, and not retried.** The check runs in
/// the `read_after_serialization` hook: the first point where the body the
/// SDK will send exists, once per call, before signing and before the retry
/// loop. An error there reaches the caller as `SdkError::DispatchFailure`,
/// whose source is the interceptor error, whose source is the
/// [`crate::Error`] with every violation. (A construction failure would need
/// the check on the typed input, before serialization; this checks the
/// bytes, exactly as the service would.)
///
/// **Responses** are checked, when asked, in `read_after_deserialization`,
/// with the wire rules of this crate: responses are not held to list
/// bounds, and an error body is named as the SDKs name it. A response that
/// breaks a rule fails the call with `SdkError::ResponseError`, its source
/// again the [`crate::Error`]; a valid error body leaves the SDK's own
/// modeled error in place.
#[derive(Debug, Clone, Default)]
pub struct ValidatingInterceptor {
    opts: Options,
    responses: bool,
}

impl ValidatingInterceptor {
    /// Checks requests with the default options; responses are not checked.
    pub fn new() -> Self {
        ValidatingInterceptor::default()
    }

    setters! {
        /// Checks with `opts`: strict mode, unknown enum values, limits.
        fn with_options(opts: Options);

        /// Checks responses too (2xx bodies as the operation's output, others
        /// as its errors).
        fn with_responses(responses: bool);
    }
}

/// The operation of a request, when its `X-Amz-Target` names one of this
/// build's. Other requests (another service's, through a shared config)
/// pass unchecked.
fn operation(headers: &Headers) -> Option<&'static Operation> {
    match registry::by_target(headers.get("x-amz-target")?) {
        Target::Operation(op) => Some(op),
        Target::UnknownOperation { .. } | Target::Other => None,
    }
}

/// The operation a call's request named, kept in the call's config bag for
/// its response: the request itself is gone by then (moved into the HTTP
/// client).
#[derive(Debug, Clone, Copy)]
struct Checked(&'static Operation);

impl Storable for Checked {
    type Storer = StoreReplace<Self>;
}

impl Intercept for ValidatingInterceptor {
    fn name(&self) -> &'static str {
        "ecr_models::sdk::ValidatingInterceptor"
    }

    fn read_after_serialization(
        &self,
        context: &BeforeTransmitInterceptorContextRef<'_>,
        _runtime_components: &RuntimeComponents,
        cfg: &mut ConfigBag,
    ) -> Result<(), BoxError> {
        let request = context.request();
        let Some(op) = operation(request.headers()) else {
            return Ok(());
        };
        cfg.interceptor_state().store_put(Checked(op));
        // ECR's JSON bodies are always in memory; a streaming body is not
        // read here.
        let Some(body) = request.body().bytes() else {
            return Ok(());
        };
        op.check_input(body, &self.opts).map_err(BoxError::from)
    }

    fn read_after_deserialization(
        &self,
        context: &AfterDeserializationInterceptorContextRef<'_>,
        _runtime_components: &RuntimeComponents,
        cfg: &mut ConfigBag,
    ) -> Result<(), BoxError> {
        if !self.responses {
            return Ok(());
        }
        let Some(&Checked(op)) = cfg.load::<Checked>() else {
            return Ok(());
        };
        let response = context.response();
        let Some(body) = response.body().bytes() else {
            return Ok(());
        };
        let verdict = match response.status().is_success() {
            true => op.check_output(body, &self.opts),
            false => op.check_error(body, response.headers().get("x-amzn-errortype"), &self.opts),
        };
        verdict.map_err(BoxError::from)
    }
}
