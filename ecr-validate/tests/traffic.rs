//! `ecr-validate traffic`, run as a process on the moto recordings
//! (`tests/recordings/` of ecr-models: the same exchanges as a HAR file and
//! as an aws-smithy dvr recording) and on broken copies of them.

use std::path::{Path, PathBuf};

use serde_json::Value;

mod common;

use common::{Run, TempDir};

fn recording(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/recordings")
        .join(name)
}

/// Runs `ecr-validate traffic` with `args`, nothing on standard input.
fn run(args: &[&str]) -> Run {
    common::run(&[&["traffic"], args].concat(), b"")
}

/// The secrets the recordings hold: boto3's signature and the token moto
/// hands out.
fn secrets() -> [String; 2] {
    let har: Value =
        serde_json::from_slice(&std::fs::read(recording("moto.har")).unwrap()).unwrap();
    let entries = har["log"]["entries"].as_array().unwrap();
    let authorization = entries[0]["request"]["headers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["name"] == "Authorization")
        .expect("boto3 signs")["value"]
        .as_str()
        .unwrap()
        .to_string();
    let token_body: Value =
        serde_json::from_str(entries[5]["response"]["content"]["text"].as_str().unwrap()).unwrap();
    let token = token_body["authorizationData"][0]["authorizationToken"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(
        authorization.starts_with("AWS4-HMAC-SHA256 "),
        "{authorization}"
    );
    [authorization, token]
}

fn assert_no_secret(run: &Run) {
    for secret in secrets() {
        // The signature's own part is what must never leak.
        let secret = secret.rsplit("Signature=").next().unwrap();
        assert!(!run.stdout.contains(secret), "leaked to stdout: {secret}");
        assert!(!run.stderr.contains(secret), "leaked to stderr: {secret}");
    }
}

#[test]
fn a_har_is_checked_exchange_by_exchange_for_people() {
    let har = recording("moto.har");
    let har = har.to_str().unwrap();
    let run = run(&[har]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines[0], format!("{har}#1 CreateRepository request: valid"));
    assert_eq!(
        lines[1],
        format!("{har}#1 CreateRepository response (200): valid")
    );
    assert_eq!(
        lines[3],
        format!("{har}#2 CreateRepository error (400): valid")
    );
    assert_eq!(
        lines[4],
        format!("{har}#3 CreateRepository request: invalid (1 violation)")
    );
    assert!(lines[5].starts_with("  /repositoryName: \"MyRepo\" does not match the pattern"));
    // Exchange 7 is STS: skipped, so 6 is followed by 8.
    assert!(lines
        .iter()
        .any(|l| l.starts_with(&format!("{har}#8 PutImage request"))));
    assert!(!lines.iter().any(|l| l.contains("#7 ")));
    assert_eq!(
        *lines.last().unwrap(),
        "29 results of 15 exchanges: 26 valid, 3 invalid; 1 other exchange skipped"
    );
    assert_no_secret(&run);
}

#[test]
fn json_lines_give_every_exchange_and_side_of_both_formats_alike() {
    let mut verdicts = Vec::new();
    for name in ["moto.har", "moto.dvr.json"] {
        let path = recording(name);
        let run = run(&["--format", "json", path.to_str().unwrap()]);
        assert_eq!(run.code, 1, "{}", run.stderr);
        assert_no_secret(&run);
        let mut records = run.records();
        let summary = records.pop().unwrap();
        assert_eq!(
            summary,
            serde_json::json!({"summary": {"exchanges": 16, "checked": 15, "skipped": 1, "valid": 26, "invalid": 3}})
        );
        // The members in the documented order (a parsed Value sorts them).
        let line = run.stdout.lines().next().unwrap();
        let at: Vec<usize> = [
            "source",
            "exchange",
            "operation",
            "service",
            "side",
            "status",
            "valid",
            "errors",
        ]
        .iter()
        .map(|k| {
            line.find(&format!("\"{k}\":"))
                .unwrap_or_else(|| panic!("{k}: {line}"))
        })
        .collect();
        assert!(at.windows(2).all(|w| w[0] < w[1]), "{line}");
        let first = &records[0];
        assert_eq!(first["source"], path.to_str().unwrap());
        verdicts.push(
            records
                .iter()
                .map(|r| {
                    let codes: Vec<Value> = r["errors"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|e| e["code"].clone())
                        .collect();
                    (
                        r["exchange"].clone(),
                        r["operation"].clone(),
                        r["side"].clone(),
                        r["status"].clone(),
                        codes,
                    )
                })
                .collect::<Vec<_>>(),
        );
    }
    assert_eq!(verdicts[0], verdicts[1]);
    let invalid: Vec<String> = verdicts[0]
        .iter()
        .filter(|v| !v.4.is_empty())
        .map(|v| format!("{} {} {} {:?}", v.0, v.1, v.2, v.4))
        .collect();
    assert_eq!(
        invalid,
        [
            r#"3 "CreateRepository" "request" [String("pattern")]"#,
            r#"15 "DescribeRepositoriez" "request" [String("unknown_operation")]"#,
            r#"16 "ListImages" "response" [String("no_response")]"#,
        ]
    );
}

#[test]
fn a_truncated_recording_is_reported_with_where_after_its_first_exchanges_and_exits_2() {
    let dir = TempDir::new("truncated");
    for name in ["moto.har", "moto.dvr.json"] {
        let bytes = std::fs::read(recording(name)).unwrap();
        let cut = dir.file(name, &bytes[..bytes.len() / 3]);
        let cut = cut.as_str();
        let human = run(&[cut]);
        assert_eq!(human.code, 2, "{}", human.stderr);
        assert!(
            human.stdout.contains("#1 CreateRepository request: valid"),
            "{}",
            human.stdout
        );
        assert!(
            human.stderr.starts_with(&format!(
                "ecr-validate: {cut}: (document): the recording ends too early (truncated?) [syntax] at line "
            )),
            "{}",
            human.stderr
        );
        assert_no_secret(&human);
        let json = run(&["--format", "json", cut]);
        assert_eq!(json.code, 2);
        let records = json.records();
        let failure = &records[records.len() - 2];
        assert_eq!(failure["source"], cut);
        assert_eq!(failure["errors"][0]["code"], "syntax");
        assert!(failure["errors"][0]["line"].as_u64().unwrap() > 1);
        assert_no_secret(&json);
    }
}

#[test]
fn a_missing_recording_is_an_io_record_and_the_others_are_still_checked() {
    let har = recording("moto.har");
    let run = run(&["--format", "json", "no-such.har", har.to_str().unwrap()]);
    assert_eq!(run.code, 2);
    let records = run.records();
    assert_eq!(records[0]["source"], "no-such.har");
    assert_eq!(records[0]["errors"][0]["code"], "io");
    assert_eq!(records.len(), 1 + 29 + 1);
}

#[test]
fn an_operation_name_from_a_recording_is_escaped_and_bounded_in_every_output() {
    let name = format!("\u{1b}[31m{}", "X".repeat(5000));
    let har = serde_json::json!({"log": {"entries": [{
        "request": {"headers": [{"name": "X-Amz-Target",
            "value": format!("AmazonEC2ContainerRegistry_V20150921.{name}")}],
            "postData": {"text": "{}"}},
        "response": {"status": 200, "headers": [], "content": {"text": "{}"}}
    }]}});
    let (_dir, file) = TempDir::with_file("name", "odd.har", har.to_string());
    let file = file.as_str();
    let human = run(&[file]);
    assert_eq!(human.code, 1);
    assert!(
        !human.stdout.contains('\u{1b}'),
        "a raw escape reached the terminal"
    );
    assert!(human.stdout.contains("\\u{1b}[31m"), "{}", human.stdout);
    assert!(
        human.stdout.lines().all(|l| l.len() < 400),
        "{}",
        human.stdout
    );
    let json = run(&["--format", "json", file]);
    let records = json.records();
    let message = records[0]["errors"][0]["message"].as_str().unwrap();
    assert!(message.len() < 400, "{message}");
    assert!(message.ends_with("(and 4905 more characters)"), "{message}");
}

#[test]
fn unknown_enums_are_kept_in_responses_and_in_requests_on_demand() {
    // A request with a tag mutability newer than the model, and a response
    // counting a severity no model lists (as AWS answers enhanced scans).
    let exchange = |target: &str, request: &str, response: &str| {
        serde_json::json!({
            "request": {"headers": [{"name": "X-Amz-Target",
                "value": format!("AmazonEC2ContainerRegistry_V20150921.{target}")}],
                "postData": {"text": request}},
            "response": {"status": 200, "headers": [], "content": {"text": response}}
        })
    };
    let har = serde_json::json!({"log": {"entries": [
        exchange(
            "CreateRepository",
            r#"{"repositoryName": "app", "imageTagMutability": "SOMEDAY"}"#,
            "{}",
        ),
        exchange(
            "DescribeImageScanFindings",
            r#"{"repositoryName": "app", "imageId": {"imageTag": "v1"}}"#,
            r#"{"imageScanFindings": {"findingSeverityCounts": {"UNTRIAGED": 1}}}"#,
        ),
    ]}});
    let (_dir, file) = TempDir::with_file("enums", "enums.har", har.to_string());
    let file = file.as_str();
    let paths = |run: &Run| -> Vec<String> {
        run.records()
            .iter()
            .flat_map(|r| r["errors"].as_array().cloned().unwrap_or_default())
            .map(|e| {
                format!(
                    "{} {}",
                    e["path"].as_str().unwrap(),
                    e["code"].as_str().unwrap()
                )
            })
            .collect()
    };
    let default = run(&["--format", "json", file]);
    assert_eq!(default.code, 1);
    assert_eq!(paths(&default), ["/imageTagMutability enum"]);
    let allowed = run(&["--format", "json", "--allow-unknown-enums", file]);
    assert_eq!(allowed.code, 0, "{}", allowed.stdout);
    assert_eq!(paths(&allowed), Vec::<String>::new());
    let exact = run(&[
        "--format",
        "json",
        "--allow-unknown-enums",
        "--exact-outputs",
        file,
    ]);
    assert_eq!(exact.code, 0, "allowing unknown values opens every enum");
    let exact = run(&["--format", "json", "--exact-outputs", file]);
    assert_eq!(
        paths(&exact),
        [
            "/imageTagMutability enum",
            "/imageScanFindings/findingSeverityCounts/UNTRIAGED enum"
        ]
    );
}
