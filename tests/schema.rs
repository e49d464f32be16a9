//! The exported JSON Schemas: current, valid 2020-12, and giving the same
//! verdict as the Rust models on generated documents and their single-fault
//! variants, in default, strict and exact-outputs mode, for both services.
//!
//! Set `ECR_MODELS_CORPUS=<file>` to also write the corpus (with the Rust
//! verdicts) as JSON Lines, for the ajv and Python cross-check in
//! `tests/crosscheck/`.

use std::collections::BTreeMap;
use std::io::Write as _;
use std::path::Path;

use ecr_models::registry::{entries, ShapeRef};
use ecr_models::testdata::{faults, Generator};
use ecr_models::{Options, Service};
use serde_json::{json, Value};

/// Valid documents drawn per structure shape.
const DOCUMENTS_PER_SHAPE: u64 = 3;
/// Faults kept per valid document, spread over its fault sites.
const FAULTS_PER_DOCUMENT: usize = 12;

#[test]
fn checked_in_schemas_are_a_fresh_export() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas");
    let mut stale = Vec::new();
    for (path, text) in ecr_models::schema::export(&Options::default()) {
        if std::fs::read_to_string(root.join(&path)).ok().as_deref() != Some(text.as_str()) {
            stale.push(path);
        }
    }
    assert!(
        stale.is_empty(),
        "run `cargo run --bin export-schemas`; stale: {stale:?}"
    );
}

#[test]
fn every_schema_is_valid_draft_2020_12_in_every_mode() {
    for mode in Mode::ALL {
        for (path, text) in ecr_models::schema::export(&mode.options()) {
            let schema: Value = serde_json::from_str(&text).expect("export writes JSON");
            if path != "index.json" {
                assert_eq!(
                    schema["$schema"], "https://json-schema.org/draft/2020-12/schema",
                    "{path}"
                );
                if let Err(e) = jsonschema::meta::validate(&schema) {
                    panic!("{path} ({mode:?}): {e}");
                }
            }
        }
    }
}

#[test]
fn index_lists_every_schema_with_role_and_operations() {
    let files = ecr_models::schema::export(&Options::default());
    let index: Value = serde_json::from_str(&files.last().expect("index").1).expect("JSON");
    let listed = index["schemas"].as_array().expect("schemas");
    assert_eq!(listed.len(), files.len() - 1);
    let find = |service: &str, name: &str| {
        listed
            .iter()
            .find(|e| e["service"] == service && e["name"] == name)
            .unwrap_or_else(|| panic!("{service} {name} not in index"))
    };
    let input = find("ecr", "CreateRepositoryRequest");
    assert_eq!(input["role"], "input");
    assert_eq!(input["operations"], json!(["CreateRepository"]));
    assert_eq!(
        find("ecr", "DescribeImagesPaginateRequest")["role"],
        "paginate"
    );
    assert_eq!(
        find("ecr", "ImageScanCompleteWaitRequest")["operations"],
        json!(["DescribeImageScanFindings"])
    );
    assert_eq!(
        find("ecr-public", "RepositoryCatalogDataNotFoundException")["role"],
        "error"
    );
    assert_eq!(find("ecr", "ScanType")["role"], "enum");
    let tag = find("ecr", "Tag")["operations"]
        .as_array()
        .expect("ops")
        .clone();
    assert!(
        tag.contains(&json!("CreateRepository")) && tag.contains(&json!("ListTagsForResource"))
    );
}

/// The modes the schemas are exported in, each giving the Rust verdicts
/// under its options.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Mode {
    Default,
    /// `--strict`: unknown members refused.
    Strict,
    /// `--exact-outputs`: responses held to list bounds and closed enums.
    Exact,
}

impl Mode {
    const ALL: [Mode; 3] = [Mode::Default, Mode::Strict, Mode::Exact];

    fn options(self) -> Options {
        match self {
            Mode::Default => Options::default(),
            Mode::Strict => Options::default().strict(true),
            Mode::Exact => Options::default().exact_outputs(true),
        }
    }

    /// As the corpus names it for `tests/crosscheck/`.
    fn name(self) -> &'static str {
        match self {
            Mode::Default => "default",
            Mode::Strict => "strict",
            Mode::Exact => "exact",
        }
    }
}

struct Case {
    service: Service,
    shape: &'static str,
    mode: Mode,
    document: Value,
    /// The (path, code) the Rust side must report, for a fault.
    expect: Option<(String, String)>,
}

/// Documents that real traffic holds and the model's letter refuses, and
/// their request-side counterparts: responses past their lists' bounds,
/// AWS's own empty `BatchDeleteImage` response, a severity newer than the
/// model, error bodies with both `message` and `Message` and a `code`
/// member. Under `Exact`, responses are held to the letter.
fn wire_cases() -> Vec<Case> {
    let ids = |n: usize| -> Value {
        (0..n)
            .map(|i| json!({"imageTag": format!("t{i}")}))
            .collect()
    };
    let items = || Some(("/imageIds".to_string(), "items".to_string()));
    let mut cases = Vec::new();
    for mode in Mode::ALL {
        let exact = mode == Mode::Exact;
        let mut case = |service, shape, document, expect| {
            cases.push(Case {
                service,
                shape,
                mode,
                document,
                expect,
            })
        };
        // Each list is an ImageIdentifierList, 1..=100 in the model.
        let letter = || exact.then(items).flatten();
        for n in [0, 101, 1000] {
            case(
                Service::Ecr,
                "ListImagesResponse",
                json!({"imageIds": ids(n)}),
                letter(),
            );
            case(
                Service::Ecr,
                "BatchDeleteImageResponse",
                json!({"imageIds": ids(n), "failures": []}),
                letter(),
            );
            case(
                Service::EcrPublic,
                "BatchDeleteImageResponse",
                json!({"imageIds": ids(n)}),
                letter(),
            );
            case(
                Service::Ecr,
                "BatchDeleteImageRequest",
                json!({"repositoryName": "my-repo", "imageIds": ids(n)}),
                items(),
            );
        }
        case(
            Service::Ecr,
            "BatchDeleteImageResponse",
            json!({"failures":[{"failureCode":"ImageNotFound","failureReason":"Requested image not found","imageId":{"imageTag":"latest"}}],"imageIds":[]}),
            letter(),
        );
        // Enums: open in a response (a severity AWS sends that no model
        // lists, as a map key and as a member), closed in a request.
        let fault = |path: &str, code: &str| Some((path.to_string(), code.to_string()));
        case(
            Service::Ecr,
            "DescribeImageScanFindingsResponse",
            json!({"imageScanFindings": {"findingSeverityCounts": {"HIGH": 2, "UNTRIAGED": 1}}}),
            exact
                .then(|| fault("/imageScanFindings/findingSeverityCounts/UNTRIAGED", "enum"))
                .flatten(),
        );
        case(
            Service::Ecr,
            "DescribeImageScanFindingsResponse",
            json!({"imageScanStatus": {"status": "QUEUED_FOR_RETRY"}}),
            exact
                .then(|| fault("/imageScanStatus/status", "enum"))
                .flatten(),
        );
        case(
            Service::Ecr,
            "DescribeImageScanFindingsResponse",
            json!({"imageScanStatus": {"status": 1}}),
            fault("/imageScanStatus/status", "type"),
        );
        case(
            Service::Ecr,
            "CreateRepositoryRequest",
            json!({"repositoryName": "app", "imageTagMutability": "SOMEDAY"}),
            fault("/imageTagMutability", "enum"),
        );
        case(
            Service::Ecr,
            "RepositoryNotFoundException",
            json!({"__type": "RepositoryNotFoundException", "message": "a", "Message": "a"}),
            None,
        );
        case(
            Service::EcrPublic,
            "RepositoryNotFoundException",
            json!({"code": "RepositoryNotFoundException", "Message": "a"}),
            None,
        );
        case(
            Service::Ecr,
            "RepositoryNotFoundException",
            json!({"message": "a", "Message": 1}),
            Some(("/Message".to_string(), "type".to_string())),
        );
    }
    cases
}

fn corpus() -> Vec<Case> {
    let mut cases = wire_cases();
    for &service in Service::ALL {
        for entry in entries(service) {
            let ShapeRef::Structure(shape) = entry.shape else {
                continue;
            };
            for seed in 0..DOCUMENTS_PER_SHAPE {
                let mut generator = Generator::new(seed * 7919 + entry.name.len() as u64);
                let valid = generator.structure(shape);
                for mode in Mode::ALL {
                    cases.push(Case {
                        service,
                        shape: entry.name,
                        mode,
                        document: valid.clone(),
                        expect: None,
                    });
                }
                let all: Vec<_> = faults(shape, &valid).collect();
                let step = (all.len() / FAULTS_PER_DOCUMENT).max(1);
                // A fault inside a document a string carries: the payload's
                // schema names the document's schema as a `contentSchema`,
                // an annotation validators do not assert (the documents'
                // own schemas are crosschecked by tests/documents.rs).
                for fault in all.into_iter().step_by(step).filter(|f| !f.in_document) {
                    for mode in Mode::ALL {
                        let faulty = (mode == Mode::Strict || !fault.strict_only)
                            && (mode == Mode::Exact || !fault.exact_outputs_only);
                        let expect =
                            faulty.then(|| (fault.path.clone(), fault.code.as_str().to_string()));
                        cases.push(Case {
                            service,
                            shape: entry.name,
                            mode,
                            document: fault.document.clone(),
                            expect,
                        });
                    }
                }
            }
        }
    }
    cases
}

/// The schemas of the documents that strings carry, which the schemas of
/// the members carrying them name by their `$id` (`contentSchema`).
struct DocumentSchemas;

impl jsonschema::Retrieve for DocumentSchemas {
    fn retrieve(
        &self,
        uri: &jsonschema::Uri<String>,
    ) -> Result<Value, Box<dyn std::error::Error + Send + Sync>> {
        Service::ALL
            .iter()
            .flat_map(|&s| ecr_models::registry::documents(s))
            .find(|d| d.schema_id == uri.as_str())
            .map(|d| (d.schema)())
            .ok_or_else(|| format!("no document schema {}", uri.as_str()).into())
    }
}

#[test]
fn rust_and_json_schema_agree_on_generated_documents_and_faults() {
    let mut validators = BTreeMap::new();
    let mut out = std::env::var_os("ECR_MODELS_CORPUS")
        .map(|p| std::fs::File::create(p).expect("corpus file"));
    let mut disagreements = Vec::new();
    let cases = corpus();
    let (mut valid, mut invalid) = (0, 0);
    for case in &cases {
        let entry = ecr_models::registry::find(case.service, case.shape).expect("registered");
        let validator = validators
            .entry((case.service, case.shape, case.mode))
            .or_insert_with(|| {
                let opts = case.mode.options();
                let schema = entry.schema(&opts).expect("structure schema");
                jsonschema::draft202012::options()
                    .with_retriever(DocumentSchemas)
                    .build(&schema)
                    .expect("schema compiles")
            });
        let text = serde_json::to_string(&case.document).expect("serializes");
        let opts = case.mode.options();
        let rust = entry.check(text.as_bytes(), &opts);
        let schema_valid = validator.is_valid(&case.document);
        match (&case.expect, &rust) {
            (None, Err(e)) => disagreements.push(format!(
                "{} {}: generated document rejected: {e}\n{text}",
                case.service, case.shape
            )),
            (Some((path, code)), Ok(())) => disagreements.push(format!(
                "{} {}: fault {code} at {path} accepted\n{text}",
                case.service, case.shape
            )),
            (Some((path, code)), Err(e))
                if !e
                    .violations()
                    .iter()
                    .any(|v| &v.path == path && v.code.as_str() == code) =>
            {
                disagreements.push(format!(
                    "{} {}: fault {code} at {path} reported as: {e}\n{text}",
                    case.service, case.shape
                ))
            }
            _ => {}
        }
        if schema_valid != rust.is_ok() {
            disagreements.push(format!(
                "{} {} ({:?}): Rust says {}, JSON Schema says {}\n{text}",
                case.service,
                case.shape,
                case.mode,
                if rust.is_ok() { "valid" } else { "invalid" },
                if schema_valid { "valid" } else { "invalid" },
            ));
        }
        if rust.is_ok() {
            valid += 1;
        } else {
            invalid += 1;
        }
        if let Some(out) = out.as_mut() {
            let line = json!({"service": case.service.name(), "shape": case.shape, "mode": case.mode.name(), "valid": rust.is_ok(), "document": case.document});
            writeln!(out, "{line}").expect("corpus written");
        }
    }
    assert!(
        valid > 1000 && invalid > 5000,
        "corpus too small: {valid} valid, {invalid} invalid"
    );
    assert!(
        disagreements.is_empty(),
        "{} of {} cases disagree; first ones:\n{}",
        disagreements.len(),
        cases.len(),
        disagreements
            .iter()
            .take(8)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n\n")
    );
}

/// The schemars impls of the Rust types and the registry's schemas are
/// written by one writer: they give the same document (less the `$id`
/// that the registry adds).
#[test]
fn a_types_json_schema_is_its_registered_schema() {
    use ecr_models::ecr::{CreateRepositoryRequest, DescribeImagesResponse, ScanType};
    use ecr_models::schema::document;
    let registered = |name: &str, opts: &Options| {
        let mut schema = ecr_models::registry::find(Service::Ecr, name)
            .and_then(|e| e.schema(opts))
            .expect("registered");
        schema.as_object_mut().expect("an object").remove("$id");
        schema
    };
    for strict in [false, true] {
        let opts = Options::default().strict(strict);
        assert_eq!(
            document::<CreateRepositoryRequest>(strict, true),
            registered("CreateRepositoryRequest", &opts)
        );
        assert_eq!(
            document::<DescribeImagesResponse>(strict, false),
            registered("DescribeImagesResponse", &opts)
        );
        assert_eq!(
            document::<DescribeImagesResponse>(strict, true),
            registered("DescribeImagesResponse", &opts.clone().exact_outputs(true))
        );
        assert_eq!(
            document::<ScanType>(strict, true),
            registered("ScanType", &opts)
        );
    }
}
