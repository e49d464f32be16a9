//! Every example of AWS's `examples-1.json` (both services), its `input`
//! checked against the operation's input shape and its `output` against the
//! output shape, against a verdict derived by hand from `service-2.json`.
//!
//! Verdicts, from the vendored model:
//!
//! - ecr: all eight examples are valid, inputs and outputs, also in strict
//!   mode, but two outputs whose documents are elided, not JSON, and each
//!   document is checked inside the string that carries it (`syntax`):
//!   - the `policyText` `{ ... }` of DeleteRepositoryPolicy's output, a
//!     repository policy (`/policyText`);
//!   - the `imageManifest` of BatchGetImage's output, a schema 1 manifest
//!     cut short with `...` (the example's comment: "the imageManifest in
//!     the output JSON has been truncated"): an image manifest, of which a
//!     response is held to JSON at least (`/images/0/imageManifest`).
//!
//!   The other values that look wrong are not constrained by the model:
//!   - `imageDigest` `sha256:examplee6d1e5...` / `sha256:example76bdff...`
//!     (BatchDeleteImage, BatchGetImage) are not real sha256 digests, but
//!     ECR's `ImageDigest` is a plain `string` with no pattern or length;
//!   - `failures: []` is fine: `ImageFailureList` has no minimum, while
//!     `imageIds` lists (`ImageIdentifierList`, 1..=100) have 1 item each;
//!   - every `registryId` (`012345678901`, `012345678910`, `244698725403`)
//!     is 12 digits (`RegistryId`: `[0-9]{12}`), and every repository name
//!     (`ubuntu`, `test`, `project-a/nginx-web-app`) matches
//!     `RepositoryName` as a whole and has length 2..=256;
//!   - DescribeRepositories' input `{}` is valid: no member is required.
//! - ecr-public: `examples-1.json` has no examples.
//!
//! The table lists the expected violation paths per example, so that a
//! changed verdict (of the library, or of a refreshed model) fails here.

use std::path::Path;

use ecr_models::registry::operation;
use ecr_models::{Options, Service};
use serde_json::Value;

#[path = "../../tests/common/mod.rs"]
mod common;

use common::pairs;

/// Which half of an example.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Which {
    Input,
    Output,
}

/// What checking an example half must give: whether it is valid, and the
/// paths of its violations.
type Verdict = (bool, &'static [&'static str]);

/// Valid, without a violation.
const VALID: Verdict = (true, &[]);

/// The verdicts of ecr's examples, each the only one (index 0) of its
/// operation: (operation, verdict of its input, verdict of its output).
/// ecr-public has no examples.
const ECR_VERDICTS: &[(&str, Verdict, Verdict)] = &[
    ("BatchDeleteImage", VALID, VALID),
    (
        "BatchGetImage",
        VALID,
        (false, &["/images/0/imageManifest"]),
    ),
    ("CreateRepository", VALID, VALID),
    ("DeleteRepository", VALID, VALID),
    ("DeleteRepositoryPolicy", VALID, (false, &["/policyText"])),
    ("DescribeRepositories", VALID, VALID),
    ("GetRepositoryPolicy", VALID, VALID),
    ("ListImages", VALID, VALID),
];

/// An example half's expected verdict: (service, operation, index, which
/// half, expected valid, expected violation paths).
type Half = (
    Service,
    &'static str,
    usize,
    Which,
    bool,
    &'static [&'static str],
);

/// [`ECR_VERDICTS`] half by half.
fn verdicts() -> Vec<Half> {
    ECR_VERDICTS
        .iter()
        .flat_map(|&(op, (input, inputs), (output, outputs))| {
            [
                (Service::Ecr, op, 0, Which::Input, input, inputs),
                (Service::Ecr, op, 0, Which::Output, output, outputs),
            ]
        })
        .collect()
}

/// Every example half of both services: (service, operation, index, which, JSON).
fn examples() -> Vec<(Service, String, usize, Which, Value)> {
    let mut out = Vec::new();
    for service in [Service::Ecr, Service::EcrPublic] {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("model")
            .join(service.name())
            .join("examples-1.json");
        let text =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let doc: Value = serde_json::from_str(&text).expect("examples-1.json is JSON");
        let examples = doc["examples"].as_object().expect("an `examples` object");
        for (op, list) in examples {
            for (i, example) in list.as_array().expect("a list").iter().enumerate() {
                for (which, key) in [(Which::Input, "input"), (Which::Output, "output")] {
                    if let Some(value) = example.get(key) {
                        out.push((service, op.clone(), i, which, value.clone()));
                    }
                }
            }
        }
    }
    out
}

fn check(
    service: Service,
    op_name: &str,
    which: Which,
    json: &[u8],
    opts: &Options,
) -> Result<(), ecr_models::Error> {
    let op = operation(service, op_name)
        .unwrap_or_else(|| panic!("{service} has no operation {op_name}"));
    match which {
        Which::Input => op.check_input(json, opts),
        Which::Output => op.check_output(json, opts),
    }
}

#[test]
fn every_example_has_exactly_one_expected_verdict() {
    let found: Vec<_> = examples()
        .into_iter()
        .map(|(service, op, i, which, _)| (service, op, i, which))
        .collect();
    let listed: Vec<_> = verdicts()
        .into_iter()
        .map(|(service, op, i, which, _, _)| (service, op.to_string(), i, which))
        .collect();
    for key in &found {
        assert_eq!(
            listed.iter().filter(|k| *k == key).count(),
            1,
            "example {key:?} needs exactly one verdict"
        );
    }
    for key in &listed {
        assert!(found.contains(key), "verdict {key:?} has no example");
    }
    assert_eq!(
        found.len(),
        16,
        "ecr has 8 examples with an input and an output"
    );
}

#[test]
fn ecr_public_has_no_examples() {
    let count = examples()
        .iter()
        .filter(|(service, ..)| *service == Service::EcrPublic)
        .count();
    assert_eq!(count, 0);
}

#[test]
fn every_example_gets_its_expected_verdict_in_default_and_strict_mode() {
    let examples = examples();
    let mut failures = Vec::new();
    for (service, op, index, which, valid, paths) in verdicts() {
        let (.., json) = examples
            .iter()
            .find(|(s, o, i, w, _)| *s == service && o == op && *i == index && *w == which)
            .unwrap_or_else(|| panic!("no example {service} {op} #{index} {which:?}"));
        let bytes = serde_json::to_vec(json).expect("serializes");
        for opts in [Options::default(), Options::default().strict(true)] {
            let got = check(service, op, which, &bytes, &opts);
            let got_paths: Vec<String> = match &got {
                Ok(()) => Vec::new(),
                Err(e) => e.violations().iter().map(|v| v.path.clone()).collect(),
            };
            if got.is_ok() != valid || got_paths != paths {
                failures.push(format!(
                    "{service} {op} #{index} {which:?} ({opts:?}): expected valid={valid} \
                     {paths:?}, got {got:?}"
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn an_example_input_is_not_accepted_as_the_output() {
    // The checks really look at the shape: BatchGetImage's input members
    // (`repositoryName`, `imageIds`) are not members of its output, so strict
    // mode refuses them there, while default mode ignores them.
    let examples = examples();
    let (.., input) = examples
        .iter()
        .find(|(s, o, _, w, _)| *s == Service::Ecr && o == "BatchGetImage" && *w == Which::Input)
        .expect("BatchGetImage input");
    let bytes = serde_json::to_vec(input).expect("serializes");
    assert!(check(
        Service::Ecr,
        "BatchGetImage",
        Which::Output,
        &bytes,
        &Options::default()
    )
    .is_ok());
    let err = check(
        Service::Ecr,
        "BatchGetImage",
        Which::Output,
        &bytes,
        &Options::default().strict(true),
    )
    .expect_err("strict refuses input members in the output");
    // In document order (the example's order, which is also sorted order).
    assert_eq!(
        pairs(&err),
        [
            ("/imageIds", ecr_models::Code::UnknownField),
            ("/repositoryName", ecr_models::Code::UnknownField),
        ]
    );
}
