//! boto3's client surface: every operation's method and AWS CLI names
//! against botocore's own `xform_name` (`codegen/tests/boto3-names.json`,
//! written by botocore 1.44.5), and its paginator and waiters against the
//! vendored `paginators-1.json` and `waiters-2.json`, read here directly.

use std::path::Path;

use ecr_models::{inspect, registry, Service};
use serde_json::{json, Value};

fn read(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A token or key as `paginators-1.json` writes it (a string or a list),
/// as a list.
fn list(v: Option<&Value>) -> Value {
    match v {
        None => json!([]),
        Some(Value::String(s)) => json!([s]),
        Some(other) => other.clone(),
    }
}

#[test]
fn every_operation_is_named_as_botocore_names_it() {
    let names = read(&root().join("tests/boto3-names.json"));
    for &service in Service::ALL {
        let expected = names[service.name()]
            .as_object()
            .expect("the service's names");
        let ops = registry::operations(service);
        assert_eq!(ops.len(), expected.len(), "{service}");
        for op in ops {
            let want = &expected[op.name];
            assert_eq!(json!([op.method, op.cli]), *want, "{service} {}", op.name);
            for spelling in [op.name, op.method, op.cli] {
                let found = registry::operation(service, spelling).map(|o| o.name);
                assert_eq!(found, Some(op.name), "{service} {spelling}");
            }
        }
        if let Some(waiters) = names[format!("{}/waiters", service.name())].as_object() {
            for (model_name, boto3) in waiters {
                let waiter = ops
                    .iter()
                    .flat_map(|o| o.waiters)
                    .find(|w| w.model_name == model_name)
                    .unwrap_or_else(|| panic!("{service}: waiter {model_name}"));
                assert_eq!(waiter.name, boto3.as_str().expect("a name"));
            }
        }
    }
}

#[test]
fn every_operation_describes_its_paginator_and_waiters_as_the_model_files_do() {
    for &service in Service::ALL {
        let dir = root().join("model").join(service.name());
        let paginators = read(&dir.join("paginators-1.json"));
        let waiters_file = dir.join("waiters-2.json");
        let waiters = waiters_file
            .exists()
            .then(|| read(&waiters_file))
            .unwrap_or(json!({"waiters": {}}));
        let mut paginated = 0;
        for op in registry::operations(service) {
            let got = serde_json::to_value(inspect::describe_operation(op)).expect("json");
            let paginator = match paginators["pagination"].get(op.name) {
                None => Value::Null,
                Some(p) => {
                    paginated += 1;
                    json!({
                        "name": op.method,
                        "input_token": list(p.get("input_token")),
                        "output_token": list(p.get("output_token")),
                        "limit_key": p.get("limit_key").cloned().unwrap_or(Value::Null),
                        "result_key": list(p.get("result_key")),
                        "non_aggregate_keys": list(p.get("non_aggregate_keys")),
                    })
                }
            };
            assert_eq!(got["paginator"], paginator, "{service} {}", op.name);
            let mut expected_waiters = Vec::new();
            for (name, w) in waiters["waiters"].as_object().expect("waiters") {
                if w["operation"] != op.name {
                    continue;
                }
                let acceptors: Vec<Value> = w["acceptors"]
                    .as_array()
                    .expect("acceptors")
                    .iter()
                    .map(|a| {
                        json!({
                            "state": a["state"],
                            "matcher": a["matcher"],
                            "argument": a.get("argument").cloned().unwrap_or(Value::Null),
                            "expected": a["expected"],
                        })
                    })
                    .collect();
                let boto3 = op
                    .waiters
                    .iter()
                    .find(|x| x.model_name == name)
                    .map(|x| x.name)
                    .unwrap_or_else(|| panic!("{service}: {name} on {}", op.name));
                expected_waiters.push(json!({
                    "name": boto3,
                    "operation": op.name,
                    "delay": w["delay"],
                    "max_attempts": w["maxAttempts"],
                    "acceptors": acceptors,
                }));
            }
            assert_eq!(
                got["waiters"],
                json!(expected_waiters),
                "{service} {}",
                op.name
            );
            assert_eq!(got["method"], op.method);
            assert_eq!(got["input"], op.input.name);
            assert_eq!(got["output"], op.output.name);
        }
        assert_eq!(
            paginated,
            paginators["pagination"]
                .as_object()
                .expect("paginators")
                .len(),
            "{service}: every paginator belongs to an operation"
        );
    }
}

#[test]
fn the_literal_names_are_enums_of_each_service() {
    use ecr_models::ecr::{PaginatorName, WaiterName};
    let paginated: Vec<&str> = registry::operations(Service::Ecr)
        .iter()
        .filter_map(|o| o.paginator.map(|p| p.name))
        .collect();
    let mut values = PaginatorName::VALUES.to_vec();
    values.sort_unstable();
    let mut expected = paginated.clone();
    expected.sort_unstable();
    assert_eq!(values, expected);
    assert_eq!(
        WaiterName::VALUES,
        ["image_scan_complete", "lifecycle_policy_preview_complete"]
    );
    assert_eq!(
        "describe_images".parse::<PaginatorName>(),
        Ok(PaginatorName::DescribeImages)
    );
    assert!(ecr_models::ecr_public::PaginatorName::VALUES.contains(&"describe_repositories"));
    assert!(
        registry::find(Service::EcrPublic, "WaiterName").is_none(),
        "ECR Public has no waiters"
    );
    assert_eq!(Service::Ecr.boto3_name(), "ecr");
    assert_eq!(Service::EcrPublic.boto3_name(), "ecr-public");
}
