//! Real traffic is the judge: every request, response and error body that
//! boto3 exchanged with moto (an independent implementation of ECR) in
//! `tests/recordings/moto.jsonl` (recorded by `record_moto.py` beside it)
//! is valid to `ecr-validate --operation OP --input|--output|--error
//! --format json`, in default and strict mode, and to the library.
//!
//! Among them: `ListImages` on an empty repository (`{"imageIds": []}`, a
//! list the model bounds to 1..=100), `BatchDeleteImage` of a missing tag
//! (`"imageIds": []` with a failure), and error bodies whose name also
//! comes in the `X-Amzn-ErrorType` header.

use ecr_models::registry::operation;
use ecr_models::{Options, Service};
use serde_json::Value;

mod common;

use common::run;

const RECORDING: &str = include_str!("recordings/moto.jsonl");

struct Exchange {
    operation: String,
    side: String,
    error_type: Option<String>,
    body: String,
}

fn recording() -> Vec<Exchange> {
    RECORDING
        .lines()
        .map(|line| {
            let r: Value = serde_json::from_str(line).expect("a JSON line");
            assert_eq!(r["service"], "ecr", "{line}");
            Exchange {
                operation: r["operation"].as_str().expect("operation").to_string(),
                side: r["side"].as_str().expect("side").to_string(),
                error_type: r["error_type"].as_str().map(str::to_string),
                body: r["body"].as_str().expect("body").to_string(),
            }
        })
        .collect()
}

#[test]
fn the_recording_covers_requests_responses_and_errors_of_many_operations() {
    let all = recording();
    let count = |side: &str| all.iter().filter(|e| e.side == side).count();
    assert!(count("request") >= 40 && count("response") >= 30 && count("error") >= 8);
    let mut ops: Vec<&str> = all.iter().map(|e| e.operation.as_str()).collect();
    ops.sort_unstable();
    ops.dedup();
    assert!(ops.len() >= 25, "{ops:?}");
    // The documents the model's letter refuses.
    assert!(all
        .iter()
        .any(|e| e.operation == "ListImages" && e.body == r#"{"imageIds": []}"#));
    assert!(all.iter().any(|e| e.operation == "BatchDeleteImage"
        && e.body.starts_with(r#"{"imageIds": [], "failures""#)));
}

#[test]
fn every_recorded_body_is_valid_to_the_library() {
    for exchange in recording() {
        let op = operation(Service::Ecr, &exchange.operation).expect("a model operation");
        for opts in [Options::default(), Options::default().strict(true)] {
            let body = exchange.body.as_bytes();
            let verdict = match exchange.side.as_str() {
                "request" => op.check_input(body, &opts),
                "response" => op.check_output(body, &opts),
                _ => op.check_error(body, exchange.error_type.as_deref(), &opts),
            };
            if let Err(e) = verdict {
                panic!(
                    "{} {} (strict {}): {e}\n{}",
                    exchange.operation, exchange.side, opts.strict, exchange.body
                );
            }
        }
    }
}

#[test]
fn every_recorded_body_is_valid_to_ecr_validate() {
    for exchange in recording() {
        let side = match exchange.side.as_str() {
            "request" => "--input",
            "response" => "--output",
            _ => "--error",
        };
        for strict in [false, true] {
            let mut args = vec![
                "--operation",
                exchange.operation.as_str(),
                side,
                "--format",
                "json",
            ];
            if strict {
                args.push("--strict");
            }
            if let Some(error_type) = &exchange.error_type {
                args.extend(["--error-type", error_type.as_str()]);
            }
            let run = run(&args, exchange.body.as_bytes());
            let stdout = &run.stdout;
            let record: Value = serde_json::from_str(stdout.trim()).expect("one JSON record");
            assert_eq!(
                (run.code, &record["valid"]),
                (0, &Value::Bool(true)),
                "{args:?}: {stdout}\n{}",
                exchange.body
            );
        }
    }
}
