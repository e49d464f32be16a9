//! Generated test data: valid documents of every structure of both services
//! (strict mode), varied and deterministic; single-fault variants that each
//! produce the violation they promise; large lists on request; the
//! `proptest` strategies; bare values checked like document members; and
//! the lookup tables each structure's description carries.

use ecr_models::inspect::check_value;
use ecr_models::registry::{self, entries, Entry, ShapeRef};
use ecr_models::shape::{StructShape, Ty};
use ecr_models::testdata::{faults, list_pointers, Generator};
use ecr_models::{Code, Options, Service};
use serde_json::Value;

const SEEDS: u64 = 20;
/// Seeds whose documents' faults are all checked.
const FAULT_SEEDS: u64 = 3;

fn structures() -> impl Iterator<Item = (&'static Entry, &'static StructShape)> {
    Service::ALL.iter().flat_map(|&service| {
        entries(service).iter().filter_map(|e| match e.shape {
            ShapeRef::Structure(s) => Some((e, s)),
            _ => None,
        })
    })
}

#[test]
fn every_member_is_found_by_its_names() {
    for (entry, shape) in structures() {
        for (at, member) in shape.members.iter().enumerate() {
            let name = member.name;
            assert_eq!(shape.position(name), Some(at), "{}.{name}", entry.name);
            // Names differ from their neighbours by a byte or a length.
            let longer = format!("{name}x");
            assert_eq!(shape.position(&longer), None, "{}.{longer}", entry.name);
            assert_eq!(shape.position(&name[1..]), None, "{}.{name}", entry.name);
        }
        assert_eq!(shape.position(""), None, "{}", entry.name);
    }
}

fn check(entry: &Entry, doc: &Value, opts: &Options) -> Result<(), ecr_models::Error> {
    let text = serde_json::to_vec(doc).expect("serializes");
    entry.check(&text, opts)
}

/// Whether documents of this type can differ: something optional, or a value
/// with more than one choice, somewhere in what is always there.
fn can_vary(ty: &Ty) -> bool {
    match ty {
        Ty::Structure(s) => s.members.iter().any(|m| !m.required || can_vary(&m.ty)),
        Ty::Enum(e) => e.values.len() > 1,
        Ty::Integer(r) | Ty::Long(r) => r.min < r.max,
        Ty::List(l) => l.items.min != l.items.max || can_vary(&l.member),
        _ => true,
    }
}

/// Asserts that nothing is in `failures`; else fails with their count,
/// `what` they are, and the first five.
fn assert_none(failures: &[String], what: &str) {
    assert!(
        failures.is_empty(),
        "{} {what}:\n{}",
        failures.len(),
        failures[..failures.len().min(5)].join("\n\n")
    );
}

#[test]
fn every_structure_gives_valid_strict_documents_that_vary_across_seeds() {
    let strict = Options::default().strict(true);
    let (mut shapes, mut invalid, mut same) = (0, Vec::new(), Vec::new());
    for (entry, shape) in structures() {
        shapes += 1;
        let docs: Vec<Value> = (0..SEEDS)
            .map(|seed| Generator::new(seed).structure(shape))
            .collect();
        for (seed, doc) in docs.iter().enumerate() {
            if let Err(e) = check(entry, doc, &strict) {
                invalid.push(format!(
                    "{} {} seed {seed}: {e}\n{doc}",
                    shape.service, entry.name
                ));
            }
        }
        if can_vary(&Ty::Structure(shape)) && docs.iter().all(|d| *d == docs[0]) {
            same.push(format!("{} {}", shape.service, entry.name));
        }
    }
    assert!(shapes > 300, "only {shapes} structures");
    assert_none(&invalid, "invalid documents");
    assert!(same.is_empty(), "{SEEDS} seeds, one document: {same:?}");
}

#[test]
fn the_same_seed_gives_the_same_documents_and_one_run_varies() {
    for (entry, shape) in structures() {
        for seed in [0, 1, 42, u64::MAX] {
            let a = Generator::new(seed).structure(shape);
            let b = Generator::new(seed).structure(shape);
            assert_eq!(a, b, "{} seed {seed}", entry.name);
        }
        // A run draws on: document i+1 is not document i again.
        let mut run = Generator::new(7);
        let docs: Vec<Value> = (0..10).map(|_| run.structure(shape)).collect();
        if can_vary(&Ty::Structure(shape)) {
            assert!(
                docs.windows(2).any(|w| w[0] != w[1]),
                "{}: ten identical documents in one run",
                entry.name
            );
        }
        // And the run is deterministic too.
        let mut again = Generator::new(7);
        let second: Vec<Value> = (0..10).map(|_| again.structure(shape)).collect();
        assert_eq!(docs, second, "{}", entry.name);
    }
    let mut run = Generator::new(0);
    let shape = structure("CreateRepositoryRequest");
    let docs: Vec<Value> = (0..20).map(|_| run.structure(shape)).collect();
    assert!(docs.windows(2).all(|w| w[0] != w[1]), "{docs:?}");
}

#[test]
fn every_fault_produces_its_path_and_code_in_its_mode() {
    let (default, strict) = (Options::default(), Options::default().strict(true));
    let exact = Options::default().exact_outputs(true);
    let (mut checked, mut wrong) = (0, Vec::new());
    for (entry, shape) in structures() {
        for seed in 0..FAULT_SEEDS {
            let valid = Generator::new(seed).structure(shape);
            for fault in faults(shape, &valid) {
                checked += 1;
                // An unknown member: a fault in strict mode only. A list's
                // item count in a response: a fault with exact outputs only.
                // Any other: a fault in default mode (and so in strict mode,
                // which only adds unknown members to what it checks).
                let (opts, lenient) = if fault.strict_only {
                    (&strict, Some(&default))
                } else if fault.exact_outputs_only {
                    (&exact, Some(&default))
                } else {
                    (&default, None)
                };
                let verdict = check(entry, &fault.document, opts);
                let found = verdict.as_ref().err().is_some_and(|e| {
                    e.violations()
                        .iter()
                        .any(|v| v.path == fault.path && v.code == fault.code)
                });
                let passes_lenient =
                    lenient.is_none_or(|opts| check(entry, &fault.document, opts).is_ok());
                if !found || !passes_lenient {
                    wrong.push(format!(
                        "{} {} ({}): expected {} at {} (strict {}), got {verdict:?}; valid in default mode: {passes_lenient}\n{}",
                        shape.service,
                        entry.name,
                        fault.description,
                        fault.code,
                        fault.path,
                        opts.strict,
                        fault.document
                    ));
                }
            }
        }
    }
    assert!(checked > 10_000, "only {checked} faults");
    assert_none(&wrong, &format!("of {checked} faults wrong"));
}

fn ecr(name: &str) -> &'static Entry {
    registry::find(Service::Ecr, name).expect("registered")
}

fn structure(name: &str) -> &'static StructShape {
    match ecr(name).shape {
        ShapeRef::Structure(s) => s,
        _ => panic!("{name} is not a structure"),
    }
}

#[test]
fn items_gives_a_list_that_many_items_each_valid() {
    let strict = Options::default().strict(true);
    let shape = structure("DescribeImagesResponse");
    let doc = Generator::new(0)
        .with_items("/imageDetails", 1000)
        .structure(shape);
    check(ecr("DescribeImagesResponse"), &doc, &strict).expect("valid");
    let images = doc["imageDetails"].as_array().expect("a list");
    assert_eq!(images.len(), 1000);
    for image in images {
        check(ecr("ImageDetail"), image, &strict).expect("each image valid");
    }
    // Varied images, and deterministic.
    assert!(images.windows(2).all(|w| w[0] != w[1]));
    let again = Generator::new(0)
        .with_items("/imageDetails", 1000)
        .structure(shape);
    assert_eq!(doc, again);
    // A nested list, every image's tags.
    let doc = Generator::new(3)
        .with_items("/imageDetails", 4)
        .with_items("/imageDetails/imageTags", 50)
        .structure(shape);
    let images = doc["imageDetails"].as_array().expect("a list");
    assert_eq!(images.len(), 4);
    for image in images {
        assert_eq!(image["imageTags"].as_array().map(Vec::len), Some(50));
    }
    check(ecr("DescribeImagesResponse"), &doc, &strict).expect("valid");
}

#[test]
fn items_are_clamped_to_the_lists_bounds() {
    // imageIds: 1..=100 items.
    let shape = structure("BatchGetImageRequest");
    for (asked, got) in [(1000, 100), (0, 1), (7, 7)] {
        let doc = Generator::new(1)
            .with_items("/imageIds", asked)
            .structure(shape);
        assert_eq!(
            doc["imageIds"].as_array().map(Vec::len),
            Some(got),
            "{asked}"
        );
        check(
            ecr("BatchGetImageRequest"),
            &doc,
            &Options::default().strict(true),
        )
        .expect("valid");
    }
    // A prefix of a member's name is not that member.
    let doc = Generator::new(2)
        .with_items("/imageIdsX", 5)
        .structure(shape);
    assert!(doc["imageIds"].as_array().is_some_and(|a| a.len() <= 4));
}

#[test]
fn list_pointers_name_every_list_items_accepts() {
    let shape = structure("DescribeImagesResponse");
    assert_eq!(
        list_pointers(shape),
        ["/imageDetails", "/imageDetails/imageTags"]
    );
    for (entry, shape) in structures() {
        for pointer in list_pointers(shape) {
            let doc = Generator::new(5).with_items(&pointer, 2).structure(shape);
            check(entry, &doc, &Options::default().strict(true)).expect("valid");
            let mut lengths = Vec::new();
            lists_at(&doc, pointer.trim_start_matches('/'), &mut lengths);
            // Two items, or one where the list allows no more; every time.
            assert!(
                !lengths.is_empty()
                    && lengths
                        .iter()
                        .all(|&n| n == lengths[0] && (1..=2).contains(&n)),
                "{} {pointer}: {lengths:?} {doc}",
                entry.name
            );
        }
    }
}

/// The lengths of the lists at `pointer` (indices left out) in `doc`.
fn lists_at(doc: &Value, pointer: &str, out: &mut Vec<usize>) {
    match doc {
        Value::Array(items) => {
            for item in items {
                lists_at(item, pointer, out);
            }
        }
        Value::Object(o) => {
            let (head, rest) = pointer.split_once('/').unwrap_or((pointer, ""));
            match o.get(head) {
                Some(Value::Array(items)) if rest.is_empty() => out.push(items.len()),
                Some(here) if !rest.is_empty() => lists_at(here, rest, out),
                Some(_) => {}
                // Map values: the generator leaves their keys out of pointers.
                None => {
                    for v in o.values() {
                        lists_at(v, pointer, out);
                    }
                }
            }
        }
        _ => {}
    }
}

/// Checking a bare value against a member's scalar or enum shape gives what
/// checking the document gives at that member: the same codes and messages.
#[test]
fn a_bare_value_is_judged_as_the_member_it_would_be() {
    let default = Options::default();
    let (mut valid, mut invalid) = (0, 0);
    for (entry, shape) in structures() {
        for seed in 0..2 {
            let doc = Generator::new(seed).structure(shape);
            // The valid document (every member), and each fault at a member.
            let mut cases: Vec<(Option<String>, Value)> = vec![(None, doc.clone())];
            cases.extend(
                faults(shape, &doc)
                    .filter(|f| {
                        !f.strict_only && !f.exact_outputs_only && f.path.rfind('/') == Some(0)
                    })
                    .map(|f| (Some(f.path), f.document)),
            );
            for (only, document) in cases {
                let verdict = check(entry, &document, &default);
                for m in shape.members {
                    let at = format!("/{}", m.name);
                    if only.as_ref().is_some_and(|path| *path != at) {
                        continue;
                    }
                    let Some(value) = document.get(m.name) else {
                        continue;
                    };
                    let Some(scalar) = registry::find(shape.service, m.shape)
                        .filter(|e| !matches!(e.shape, ShapeRef::Structure(_)))
                    else {
                        continue;
                    };
                    let want: Vec<(Code, String)> = match &verdict {
                        Ok(()) => Vec::new(),
                        Err(e) => e
                            .violations()
                            .iter()
                            .filter(|v| v.path == at)
                            .map(|v| (v.code, v.message.clone()))
                            .collect(),
                    };
                    let got: Vec<(Code, String)> = match check_value(scalar, value, &default) {
                        Ok(()) => Vec::new(),
                        Err(e) => {
                            assert!(e.violations().iter().all(|v| v.path.is_empty()));
                            e.violations()
                                .iter()
                                .map(|v| (v.code, v.message.clone()))
                                .collect()
                        }
                    };
                    assert_eq!(got, want, "{} {at} = {value}", entry.name);
                    if got.is_empty() {
                        valid += 1;
                    } else {
                        invalid += 1;
                    }
                }
            }
        }
    }
    assert!(
        valid > 500 && invalid > 1000,
        "{valid} valid, {invalid} invalid"
    );
}

#[test]
fn unknown_enum_values_pass_a_bare_check_only_when_allowed() {
    let scan_type = ecr("ScanType");
    let value = Value::from("basic");
    let err = check_value(scan_type, &value, &Options::default()).unwrap_err();
    assert_eq!(err.violations()[0].code, Code::Enum);
    assert_eq!(
        err.violations()[0].message,
        "\"basic\" is not one of BASIC, ENHANCED"
    );
    let lenient = Options::default().allow_unknown_enums(true);
    assert!(check_value(scan_type, &value, &lenient).is_ok());
    // A structure is checked as a document.
    let tag = ecr("Tag");
    let err = check_value(tag, &serde_json::json!({"Key": "k"}), &Options::default()).unwrap_err();
    assert_eq!(err.violations()[0].path, "/Value");
}

#[cfg(feature = "proptest")]
mod strategies {
    use ecr_models::ecr::{CreateRepositoryRequest, DescribeImagesResponse, PutImageRequest};
    use ecr_models::testdata::{strategy, typed_strategy};
    use ecr_models::{Model, Options};
    use proptest::prelude::*;

    fn strict_valid(service: ecr_models::Service, name: &str, doc: &serde_json::Value) -> bool {
        let entry = ecr_models::registry::find(service, name).expect("registered");
        let text = serde_json::to_vec(doc).expect("serializes");
        entry.check(&text, &Options::default().strict(true)).is_ok()
    }

    proptest! {
        #![proptest_config(ProptestConfig {
            cases: 64,
            failure_persistence: None,
            ..ProptestConfig::default()
        })]

        #[test]
        fn strategy_documents_are_valid_in_strict_mode(
            create in strategy(CreateRepositoryRequest::SHAPE),
            images in strategy(DescribeImagesResponse::SHAPE),
            put in strategy(PutImageRequest::SHAPE),
            public in strategy(ecr_models::ecr_public::DescribeImagesResponse::SHAPE),
        ) {
            use ecr_models::Service::{Ecr, EcrPublic};
            prop_assert!(strict_valid(Ecr, "CreateRepositoryRequest", &create), "{create}");
            prop_assert!(strict_valid(Ecr, "DescribeImagesResponse", &images), "{images}");
            prop_assert!(strict_valid(Ecr, "PutImageRequest", &put), "{put}");
            prop_assert!(strict_valid(EcrPublic, "DescribeImagesResponse", &public), "{public}");
        }

        #[test]
        fn typed_strategy_values_validate(
            request in typed_strategy::<CreateRepositoryRequest>(),
            response in typed_strategy::<DescribeImagesResponse>(),
        ) {
            prop_assert!(request.validate_with(&Options::default().strict(true)).is_ok());
            prop_assert!(response.validate_with(&Options::default().strict(true)).is_ok());
        }
    }

    /// Shrinking keeps documents valid: run a property that fails on any
    /// document with a tag, and look at what it shrinks to.
    #[test]
    fn shrunk_documents_stay_valid() {
        use proptest::test_runner::{Config, TestError, TestRunner};
        let mut runner = TestRunner::new(Config {
            failure_persistence: None,
            ..Config::default()
        });
        let result = runner.run(&strategy(CreateRepositoryRequest::SHAPE), |doc| {
            prop_assert!(doc
                .get("tags")
                .is_none_or(|t| t.as_array().is_some_and(Vec::is_empty)));
            Ok(())
        });
        match result {
            Err(TestError::Fail(_, minimal)) => {
                assert!(
                    strict_valid(
                        ecr_models::Service::Ecr,
                        "CreateRepositoryRequest",
                        &minimal
                    ),
                    "{minimal}"
                );
                // Shrunk to the required members and the one tag.
                let members: Vec<&String> = minimal.as_object().expect("object").keys().collect();
                assert_eq!(members, ["repositoryName", "tags"], "{minimal}");
                assert_eq!(
                    minimal["tags"].as_array().map(Vec::len),
                    Some(1),
                    "{minimal}"
                );
            }
            other => panic!("expected a failure to shrink, got {other:?}"),
        }
    }
}

/// The Rust example of the README section "Test data and inspection".
#[test]
fn the_readme_example_runs() {
    use ecr_models::ecr::{CreateRepositoryRequest, DescribeImagesResponse};
    use ecr_models::{
        inspect, registry,
        testdata::{faults, Generator},
        Model, Options, Service,
    };

    let big = Generator::new(0)
        .with_items("/imageDetails", 1000)
        .structure(DescribeImagesResponse::SHAPE);
    let doc = Generator::new(0).structure(CreateRepositoryRequest::SHAPE);
    let broken: Vec<_> = faults(CreateRepositoryRequest::SHAPE, &doc).collect(); // each with the (path, code) it must produce

    let max_results = registry::find(Service::Ecr, "MaxResults").unwrap();
    assert!(inspect::check_value(max_results, &1001.into(), &Options::default()).is_err());
    let about = inspect::describe(max_results); // what `inspect --format json` prints

    assert_eq!(big["imageDetails"].as_array().map(Vec::len), Some(1000));
    assert!(broken.iter().all(|f| f.document != doc));
    assert_eq!(about.kind, "scalar");
}
