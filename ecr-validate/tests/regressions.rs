//! Regressions: inputs the fuzz targets (`fuzz/`) or the attack tests found
//! to break a promise, each pinned with the behaviour the promise implies.
//! The input that found each one is kept verbatim.

use ecr_models::ecr::AuthorizationData;
use ecr_models::{from_json, Model, Timestamp};

mod common;

use common::run;

/// Found by `fuzz/fuzz_targets/timestamp.rs` (its own seed
/// `corpus/timestamp/str-4`, input `b"\x009999-12-31T23:59:59.999999999z"`):
/// an instant in range whose fraction makes `secs as f64 + nanos / 1e9`
/// round up to `253402300800.0`, `EPOCH_END`, which reading refuses. So a
/// value `from_json` accepts fails `validate()`, and its serialized form is
/// refused by the same library.
#[test]
fn a_timestamp_in_the_last_second_of_9999_serializes_to_epoch_seconds_that_read_back() {
    for text in [
        "9999-12-31T23:59:59.999999999z",
        "9999-12-31T23:59:59.99999Z",
        "9999-12-31T23:59:59.9999999+00:00",
    ] {
        let t = Timestamp::parse_str(text).expect("an accepted string");
        let wire = serde_json::to_string(&t).expect("serializes");
        let back = serde_json::from_str::<Timestamp>(&wire);
        assert!(back.is_ok(), "{text} serializes to {wire}: {back:?}");

        let doc = format!(r#"{{"expiresAt":"{text}"}}"#);
        let value: AuthorizationData = from_json(&doc).expect("valid");
        assert_eq!(value.validate(), Ok(()), "{text}");
    }
}

/// Found by the attack review of `ecr-validate`'s human report (and what
/// `fuzz/fuzz_targets/jsonl.rs` checks): a JSON Pointer is printed raw, so a
/// member name (strict mode) or a map key (a duplicate) holding a line break
/// or a terminal escape forges report lines or drives the terminal. Messages
/// already escape control characters (`rules::quote`); paths must too, in
/// the human report (the JSON report escapes them as JSON does).
#[test]
fn the_human_report_escapes_control_characters_in_paths() {
    let forged = "x\\nreq.json: valid\\u001b[2J\\r";
    for (args, doc) in [
        (
            vec!["--shape", "CreateRepositoryRequest", "--strict"],
            format!(r#"{{"repositoryName":"my-repo","{forged}":1}}"#),
        ),
        (
            vec!["--shape", "DescribeRepositoriesResponse"],
            format!(
                r#"{{"ResponseMetadata":{{"RequestId":"r","HTTPStatusCode":200,"RetryAttempts":0,"HTTPHeaders":{{"{forged}":"1","{forged}":"2"}}}}}}"#
            ),
        ),
    ] {
        let run = run(&args, doc.as_bytes());
        assert_eq!(run.code, 1, "{run:?}");
        let stdout = run.stdout;
        assert!(
            !stdout.chars().any(|c| c.is_control() && c != '\n'),
            "a raw control character: {stdout:?}"
        );
        let lines: Vec<&str> = stdout.lines().collect();
        assert_eq!(
            lines.len(),
            7,
            "one violation, one line, and its place: {stdout:?}"
        );
        assert_eq!(lines[0], "-: invalid (1 violation)");
        assert!(lines[1].starts_with("  /"), "{stdout:?}");
        assert!(lines[2].starts_with("   --> -:1:"), "{stdout:?}");
        assert_eq!(lines[6], "1 document: 0 valid, 1 invalid");
    }
}
