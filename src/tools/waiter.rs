//! What a waiter does with a response: the state botocore's waiter would
//! reach on it ([`Waiter::state`]), its acceptors' JMESPath arguments
//! evaluated by the `jmespath` crate. Behind the `waiters` feature.
//!
//! ```
//! use ecr_models::{registry, Service, WaiterState};
//!
//! let op = registry::operation(Service::Ecr, "DescribeImageScanFindings").unwrap();
//! let waiter = &op.waiters[0];
//! let done = serde_json::json!({"imageScanStatus": {"status": "COMPLETE"}});
//! assert_eq!(waiter.state(&done).state, WaiterState::Success);
//! let busy = serde_json::json!({"imageScanStatus": {"status": "IN_PROGRESS"}});
//! assert_eq!(waiter.state(&busy).state, WaiterState::Retry);
//! ```

use serde_json::Value;

use crate::shape::{Acceptor, Expected, Matcher, Waiter, WaiterState};

/// One response, as a waiter sees it.
#[derive(Debug, Clone, Copy)]
pub enum Response<'a> {
    /// A successful response: its body and HTTP status.
    Output {
        /// The parsed body.
        body: &'a Value,
        /// The HTTP status (200 unless known otherwise).
        status: u16,
    },
    /// An error response: the error's code (`__type` or `code` of the
    /// body, or the `X-Amzn-ErrorType` header, sanitized as the SDKs do)
    /// and the HTTP status.
    Error {
        /// The error's name: `ScanNotFoundException`.
        code: &'a str,
        /// The HTTP status (400 unless known otherwise).
        status: u16,
    },
}

/// Where a waiter goes on one response, and which acceptor sent it there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Outcome {
    /// `success`, `failure`, or `retry`.
    pub state: WaiterState,
    /// The index of the acceptor that matched; `None` when none did (the
    /// waiter then polls again, or fails on an error response, as
    /// botocore's does).
    pub acceptor: Option<usize>,
}

impl Waiter {
    /// The state on a successful response with body `body` (HTTP 200).
    pub fn state(&self, body: &Value) -> Outcome {
        self.state_of(Response::Output { body, status: 200 })
    }

    /// The state on any response, as botocore's `Waiter.wait` decides it:
    /// the first acceptor that matches, in order; when none does, `retry`
    /// for a successful response and `failure` for an error.
    pub fn state_of(&self, response: Response<'_>) -> Outcome {
        for (at, acceptor) in self.acceptors.iter().enumerate() {
            if matches(acceptor, response) {
                return Outcome {
                    state: acceptor.state,
                    acceptor: Some(at),
                };
            }
        }
        let state = match response {
            Response::Output { .. } => WaiterState::Retry,
            Response::Error { .. } => WaiterState::Failure,
        };
        Outcome {
            state,
            acceptor: None,
        }
    }
}

/// Whether `acceptor` matches `response`, as botocore's matchers decide.
fn matches(acceptor: &Acceptor, response: Response<'_>) -> bool {
    match (acceptor.matcher, response) {
        (Matcher::Status, Response::Output { status, .. } | Response::Error { status, .. }) => {
            acceptor.expected == Expected::Int(i64::from(status))
        }
        (Matcher::Error, Response::Error { code, .. }) => match acceptor.expected {
            Expected::Bool(any) => any,
            Expected::Str(expected) => code == expected,
            Expected::Int(_) => false,
        },
        (Matcher::Error, Response::Output { .. }) => acceptor.expected == Expected::Bool(false),
        // Path matchers never match an error response.
        (Matcher::Path | Matcher::PathAll | Matcher::PathAny, Response::Error { .. }) => false,
        (matcher, Response::Output { body, .. }) => {
            let Some(found) = acceptor.argument.and_then(|arg| search(arg, body)) else {
                return false;
            };
            let expected = acceptor.expected.to_json();
            match matcher {
                Matcher::PathAll => match &found {
                    Value::Array(items) if !items.is_empty() => {
                        items.iter().all(|v| python_eq(v, &expected))
                    }
                    _ => false,
                },
                Matcher::PathAny => match &found {
                    Value::Array(items) => items.iter().any(|v| python_eq(v, &expected)),
                    _ => false,
                },
                _ => python_eq(&found, &expected),
            }
        }
    }
}

/// The value of JMESPath expression `expression` in `body`; `None` when it
/// does not compile or fails (no model expression does: a test compiles
/// every one). Each expression is compiled once a thread (`jmespath`'s
/// expressions are not `Sync` without its `sync` feature).
fn search(expression: &'static str, body: &Value) -> Option<Value> {
    use std::cell::RefCell;
    use std::collections::HashMap;
    thread_local! {
        static COMPILED: RefCell<HashMap<&'static str, Option<jmespath::Expression<'static>>>> =
            RefCell::new(HashMap::new());
    }
    let data = jmespath::Variable::from_serializable(body).ok()?;
    let found = COMPILED.with(|compiled| {
        let mut compiled = compiled.borrow_mut();
        let expr = compiled
            .entry(expression)
            .or_insert_with(|| jmespath::compile(expression).ok())
            .as_ref()?;
        expr.search(data).ok()
    })?;
    serde_json::to_value(&*found).ok()
}

/// Python's `==` on decoded JSON, as botocore compares: numbers by value
/// (`1 == 1.0`), `true == 1`, lists and objects element by element.
fn python_eq(a: &Value, b: &Value) -> bool {
    let number = |v: &Value| match v {
        Value::Number(n) => n.as_f64(),
        Value::Bool(b) => Some(f64::from(u8::from(*b))),
        _ => None,
    };
    match (a, b) {
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(a, b)| python_eq(a, b))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .all(|(k, v)| y.get(k).is_some_and(|w| python_eq(v, w)))
        }
        (Value::Number(_) | Value::Bool(_), Value::Number(_) | Value::Bool(_)) => {
            number(a) == number(b)
        }
        _ => a == b,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// A waiter of one acceptor.
    fn one(matcher: Matcher, argument: Option<&'static str>, expected: Expected) -> Waiter {
        let acceptor = Box::leak(Box::new([Acceptor {
            state: WaiterState::Success,
            matcher,
            argument,
            expected,
        }]));
        Waiter {
            name: "test",
            model_name: "Test",
            operation: "Test",
            delay: 1,
            max_attempts: 1,
            acceptors: acceptor,
        }
    }

    /// A successful response with `body`, status 200.
    fn output(body: &Value) -> Response<'_> {
        Response::Output { body, status: 200 }
    }

    /// An error response: `code` with `status`.
    fn error(code: &str, status: u16) -> Response<'_> {
        Response::Error { code, status }
    }

    fn hit(waiter: &Waiter, response: Response<'_>) -> bool {
        waiter.state_of(response).acceptor == Some(0)
    }

    #[test]
    fn path_all_and_path_any_read_lists_as_botocore_does() {
        let all = one(Matcher::PathAll, Some("items[].s"), Expected::Str("A"));
        let any = one(Matcher::PathAny, Some("items[].s"), Expected::Str("A"));
        let body = |items: Value| json!({ "items": items });
        let cases = [
            (json!([]), false, false),
            (json!([{"s": "A"}, {"s": "A"}]), true, true),
            (json!([{"s": "A"}, {"s": "B"}]), false, true),
            (json!([{"s": "B"}]), false, false),
        ];
        for (items, want_all, want_any) in cases {
            let b = body(items.clone());
            assert_eq!(hit(&all, output(&b)), want_all, "{items}");
            assert_eq!(hit(&any, output(&b)), want_any, "{items}");
        }
        // A path matcher never matches an error response.
        assert!(!hit(&all, error("X", 400)));
    }

    #[test]
    fn status_and_error_matchers() {
        let ok = json!({});
        let status = one(Matcher::Status, None, Expected::Int(200));
        assert!(hit(&status, output(&ok)));
        assert!(!hit(&status, error("X", 404)));
        let any_error = one(Matcher::Error, None, Expected::Bool(true));
        assert!(hit(&any_error, error("X", 400)));
        assert!(!hit(&any_error, output(&ok)));
        let no_error = one(Matcher::Error, None, Expected::Bool(false));
        assert!(hit(&no_error, output(&ok)));
        let named = one(Matcher::Error, None, Expected::Str("ScanNotFoundException"));
        assert!(hit(&named, error("ScanNotFoundException", 400)));
        assert!(!hit(&named, error("Other", 400)));
        // No acceptor matched: retry on a response, failure on an error.
        assert_eq!(named.state_of(output(&ok)).state, WaiterState::Retry);
        assert_eq!(
            named.state_of(error("Other", 400)).state,
            WaiterState::Failure
        );
    }

    #[test]
    fn values_compare_as_python_compares_them() {
        assert!(python_eq(&json!(1), &json!(1.0)));
        assert!(python_eq(&json!(true), &json!(1)));
        assert!(!python_eq(&json!("1"), &json!(1)));
        assert!(python_eq(&json!({"a": [1, 2]}), &json!({"a": [1.0, 2]})));
    }

    #[test]
    fn every_model_acceptor_compiles() {
        for &service in crate::Service::ALL {
            for op in crate::registry::operations(service) {
                for waiter in op.waiters {
                    for a in waiter.acceptors {
                        if let Some(arg) = a.argument {
                            assert!(jmespath::compile(arg).is_ok(), "{}: {arg}", waiter.name);
                        }
                    }
                }
            }
        }
    }
}
