//! Writes the seed corpus, `fuzz/corpus/<target>/`: valid documents of
//! several shapes drawn by `ecr_models::testdata::Generator`, the response
//! fixtures of `tests/fixtures/`, error bodies, JSON Lines and timestamps,
//! each behind the selector bytes its target reads (see `src/lib.rs`).
//!
//! `cargo run --example make_seeds` from `fuzz/`; deterministic, so running
//! it again rewrites the same files.

use std::fs;
use std::path::{Path, PathBuf};

use ecr_models::registry::ShapeRef;
use ecr_models::testdata::Generator;
use ecr_models::Service;
use ecr_models_fuzz as fz;

/// Structures seeded for `from_json` and `jsonl`: requests, responses,
/// nested shapes, errors and boto3's shapes of both services.
const SHAPES: &[(Service, &[&str])] = &[
    (
        Service::Ecr,
        &[
            "CreateRepositoryRequest",
            "BatchGetImageRequest",
            "PutLifecyclePolicyRequest",
            "DescribeImagesResponse",
            "DescribeImageScanFindingsResponse",
            "GetAuthorizationTokenResponse",
            "ImageReferrer",
            "RepositoryNotFoundException",
            "ListImagesPaginateRequest",
            "ResponseMetadata",
        ],
    ),
    (
        Service::EcrPublic,
        &[
            "PutImageRequest",
            "DescribeRegistriesResponse",
            "CreateRepositoryRequest",
        ],
    ),
];

/// [`SHAPES`], one (service, structure) at a time.
fn shapes() -> impl Iterator<Item = (Service, &'static str)> {
    SHAPES
        .iter()
        .flat_map(|&(service, names)| names.iter().map(move |&name| (service, name)))
}

fn flags(service: Service, strict: bool) -> u8 {
    let bit = Service::ALL.iter().position(|&s| s == service).unwrap_or(0) as u8;
    bit | if strict { 2 } else { 0 }
}

fn shape_prefix(service: Service, name: &str, strict: bool) -> Vec<u8> {
    let index = fz::structure_index(service, name)
        .unwrap_or_else(|| panic!("no structure {name} in {service}"));
    let [lo, hi] = (index as u16).to_le_bytes();
    vec![flags(service, strict), lo, hi]
}

fn document(service: Service, name: &str, seed: u64) -> Vec<u8> {
    let entry = ecr_models::registry::find(service, name).expect("registered");
    let ShapeRef::Structure(shape) = entry.shape else {
        panic!("{name} is not a structure")
    };
    let value = Generator::new(seed).structure(shape);
    serde_json::to_vec(&value).expect("serializes")
}

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    fs::create_dir_all(dir).expect("corpus directory");
    fs::write(dir.join(name), bytes).expect("seed written");
}

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let corpus = root.join("corpus");
    let fixtures = root.join("../tests/fixtures");

    // from_json: generated documents, default and strict mode.
    let dir = corpus.join("from_json");
    for (i, (service, name)) in shapes().enumerate() {
        let strict = i % 3 == 0;
        let mut bytes = shape_prefix(service, name, strict);
        bytes.extend(document(service, name, i as u64));
        write(&dir, &format!("{service}-{name}"), &bytes);
    }
    // ... and the recorded responses of tests/fixtures (one form each).
    for (service, op, form) in [
        (Service::Ecr, "DescribeImages", "wire"),
        (Service::Ecr, "DescribeImageScanFindings", "boto3"),
        (Service::Ecr, "GetAuthorizationToken", "rfc3339"),
        (Service::Ecr, "GetLifecyclePolicyPreview", "wire"),
        (Service::EcrPublic, "DescribeRepositories", "boto3"),
        (Service::EcrPublic, "DescribeImages", "rfc3339"),
    ] {
        let path = fixtures
            .join(service.name())
            .join(format!("{op}.{form}.json"));
        let text = fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let mut bytes = shape_prefix(service, &format!("{op}Response"), false);
        bytes.extend(text);
        write(&dir, &format!("fixture-{service}-{op}.{form}"), &bytes);
    }

    // error_body: declared, common, undeclared and unnamespaced errors.
    let dir = corpus.join("error_body");
    for (service, op, body) in [
        (
            Service::Ecr,
            "DescribeRepositories",
            r#"{"__type":"com.amazonaws.ecr#RepositoryNotFoundException","message":"The repository with name 'x' does not exist"}"#,
        ),
        (
            Service::Ecr,
            "CreateRepository",
            r#"{"__type":"ImageNotFoundException","Message":"gone"}"#,
        ),
        (
            Service::Ecr,
            "BatchGetImage",
            r#"{"__type":"ThrottlingException:http://internal","message":"Rate exceeded"}"#,
        ),
        (
            Service::Ecr,
            "PutImage",
            r#"{"__type":"com.amazonaws.ecr#ImageAlreadyExistsException","message":null}"#,
        ),
        (
            Service::EcrPublic,
            "DescribeImages",
            r#"{"__type":"com.amazonaws.ecrpublic#ImageNotFoundException","message":"no"}"#,
        ),
        (
            Service::EcrPublic,
            "GetAuthorizationToken",
            r#"{"__type":"AccessDeniedException"}"#,
        ),
    ] {
        let index = fz::operation_index(service, op).expect("operation") as u8;
        let mut bytes = vec![flags(service, false), index];
        bytes.extend(body.as_bytes());
        write(&dir, &format!("{service}-{op}"), &bytes);
    }

    // jsonl: a few lines of one shape each, one of them broken, blank lines.
    let dir = corpus.join("jsonl");
    for (i, (service, name)) in shapes().enumerate().step_by(3) {
        let mut bytes = shape_prefix(service, name, false);
        for seed in 0..3 {
            bytes.extend(document(service, name, seed));
            bytes.extend(b"\n");
        }
        bytes.extend(b"\r\n  \n{\"broken\": [\n");
        bytes.extend(document(service, name, 99));
        write(&dir, &format!("{i}-{service}-{name}"), &bytes);
    }

    // refs: mode bit 0 allows unknown regions; each host form, ARNs, and
    // a few broken ones.
    let dir = corpus.join("refs");
    let refs = [
        "123456789012.dkr.ecr.us-east-1.amazonaws.com/team/app:1.4.2",
        "123456789012.dkr.ecr-fips.us-gov-west-1.amazonaws.com/app@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
        "123456789012.dkr-ecr.eu-west-1.on.aws/a/b:latest",
        "123456789012.dkr-ecr-fips.us-east-2.on.aws/app",
        "123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn/app:v1",
        "123456789012.dkr.ecr.us-east-7.amazonaws.com/app:v1",
        "public.ecr.aws/docker/library/python:3.12",
        "ecr-public.aws.com/nginx/nginx",
        "arn:aws:ecr:us-east-1:123456789012:repository/team/app",
        "arn:aws:ecr-public::123456789012:repository/app",
        "https://12345678901.dkr.ecr.cn-north-1.amazonaws.com/Team/App:v1/x",
    ];
    for (i, r) in refs.iter().enumerate() {
        write(
            &dir,
            &format!("ref-{i}"),
            &[&[(i % 2) as u8][..], r.as_bytes()].concat(),
        );
    }

    // timestamp: mode 0 strings, 1 f64 bits, 2 i64 bits, 3 number text.
    let dir = corpus.join("timestamp");
    let strings = [
        "2023-11-14T22:13:20Z",
        "2023-11-14 22:13:20.560000+00:00",
        "2024-02-29t00:00:00.123456789-05:30",
        "0000-01-01T00:00:00+23:59",
        "9999-12-31T23:59:59.999999999z",
    ];
    for (i, s) in strings.iter().enumerate() {
        write(
            &dir,
            &format!("str-{i}"),
            &[&[0u8][..], s.as_bytes()].concat(),
        );
    }
    for (i, s) in [1_700_000_000.56_f64, -0.5, 253_402_300_799.999_97]
        .iter()
        .enumerate()
    {
        write(
            &dir,
            &format!("f64-{i}"),
            &[&[1u8][..], &s.to_le_bytes()].concat(),
        );
    }
    for (i, s) in [0_i64, -62_167_219_200, 253_402_300_799].iter().enumerate() {
        write(
            &dir,
            &format!("i64-{i}"),
            &[&[2u8][..], &s.to_le_bytes()].concat(),
        );
    }
    for (i, s) in ["1700000000.123456", "-62167219200", "2.534023008e11"]
        .iter()
        .enumerate()
    {
        write(
            &dir,
            &format!("text-{i}"),
            &[&[3u8][..], s.as_bytes()].concat(),
        );
    }

    // har, dvr: a flags byte (the options), then a recording: the moto
    // recordings of tests/recordings/, and small ones, one case each.
    let recordings = root.join("../tests/recordings");
    for (target, file) in [("har", "moto.har"), ("dvr", "moto.dvr.json")] {
        let bytes = fs::read(recordings.join(file)).expect("a moto recording");
        write(&corpus.join(target), "moto", &[&[0u8][..], &bytes].concat());
    }
    let entry = |target: &str, request: &str, status: u16, headers: &str, content: &str| {
        format!(
            r#"{{"request":{{"headers":[{{"name":"x-amz-target","value":"{target}"}}],"postData":{{"text":{request:?}}}}},"response":{{"status":{status},"headers":[{headers}],"content":{content}}}}}"#
        )
    };
    let hars = [
        entry(
            "AmazonEC2ContainerRegistry_V20150921.CreateRepository",
            r#"{"repositoryName":"MyRepo"}"#,
            400,
            r#"{"name":"X-Amzn-ErrorType","value":"InvalidParameterException"}"#,
            r#"{"text":"{}"}"#,
        ),
        entry(
            "SpencerFrontendService.DescribeRegistries",
            "{}",
            200,
            "",
            r#"{"text":"eyJyZWdpc3RyaWVzIjpbXX0=","encoding":"base64"}"#,
        ),
        entry(
            "AmazonEC2ContainerRegistry_V20150921.ListImages",
            r#"{"repositoryName":"app"}"#,
            200,
            r#"{"name":"Content-Encoding","value":"gzip"}"#,
            r#"{"text":"H4sIAAAAAAACA6tWysxNTE/1TClWsoquhnBCEtOVrJRyEktSi0uUamNrAWSO/CMkAAAA","encoding":"base64"}"#,
        ),
        entry("DynamoDB_20120810.GetItem", "{}", 0, "", "null"),
    ];
    for (i, e) in hars.iter().enumerate() {
        let har = format!(r#"{{"log":{{"version":"1.2","entries":[{e}]}}}}"#);
        write(
            &corpus.join("har"),
            &format!("entry-{i}"),
            &[&[i as u8][..], har.as_bytes()].concat(),
        );
    }
    let event = |id: u8, action: &str| format!(r#"{{"connection_id":{id},"action":{action}}}"#);
    let request = |id: u8, op: &str| {
        event(
            id,
            &format!(
                r#"{{"Request":{{"request":{{"uri":"https://api.ecr.us-east-1.amazonaws.com/","headers":{{"x-amz-target":["AmazonEC2ContainerRegistry_V20150921.{op}"]}},"method":"POST"}}}}}}"#
            ),
        )
    };
    let data = |id: u8, dir: &str, data: &str| {
        event(
            id,
            &format!(r#"{{"Data":{{"data":{data},"direction":"{dir}"}}}}"#),
        )
    };
    let eof = |id: u8, dir: &str, ok: bool| {
        event(
            id,
            &format!(r#"{{"Eof":{{"ok":{ok},"direction":"{dir}"}}}}"#),
        )
    };
    let response = |id: u8, status: u16| {
        event(
            id,
            &format!(
                r#"{{"Response":{{"response":{{"Ok":{{"status":{status},"headers":{{}}}}}}}}}}"#
            ),
        )
    };
    let dvrs = [
        vec![
            request(0, "DescribeRegistry"),
            request(1, "GetRegistryPolicy"),
            data(0, "Request", r#"{"Utf8":"{}"}"#),
            eof(0, "Request", true),
            data(1, "Request", r#"{"Base64":"e30="}"#),
            eof(1, "Request", true),
            response(1, 200),
            data(1, "Response", r#"{"Utf8":"{}"}"#),
            eof(1, "Response", true),
            response(0, 400),
            data(
                0,
                "Response",
                r#"{"Utf8":"{\"__type\":\"ServerException\"}"}"#,
            ),
            eof(0, "Response", false),
        ],
        vec![
            request(5, "ListImages"),
            event(5, r#"{"Response":{"response":{"Err":"timeout"}}}"#),
        ],
    ];
    for (i, events) in dvrs.iter().enumerate() {
        let dvr = format!(
            r#"{{"events":[{}],"docs":null,"version":"V0"}}"#,
            events.join(",")
        );
        write(
            &corpus.join("dvr"),
            &format!("events-{i}"),
            &[&[i as u8][..], dvr.as_bytes()].concat(),
        );
    }
}
