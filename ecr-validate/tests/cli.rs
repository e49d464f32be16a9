//! Behaviour of the `ecr-validate` command, run as a process: exit status,
//! the exact JSON Lines records and human lines it prints, and what it says
//! on standard error.

use std::path::Path;
use std::process::Command;

use ecr_models::registry::ShapeRef;
use ecr_models::{inspect, registry, Options, Service};
use serde_json::{json, Value};

mod common;

use common::{path_str, run, Run, TempDir, BIN};

const VALID_REQUEST: &str = r#"{"repositoryName":"my-repo"}"#;
const VALID_RESPONSE: &str =
    r#"{"repository":{"repositoryName":"my-repo","registryId":"123456789012"}}"#;
const BAD_PATTERN_REQUEST: &str = r#"{"repositoryName":"MyRepo"}"#;

/// Runs the main command with `--shape CreateRepositoryRequest` and `args`,
/// `stdin` on standard input.
fn request_shape(args: &[&str], stdin: &[u8]) -> Run {
    run(
        &[&["--shape", "CreateRepositoryRequest"], args].concat(),
        stdin,
    )
}

/// Asserts that `run` exited 0 with the JSON record of one valid document
/// read from standard input.
fn assert_valid_stdin(run: &Run) {
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(
        run.records(),
        [json!({"source": "-", "valid": true, "errors": []})]
    );
}

/// Asserts that `run` exited 1 with the JSON record of one document read
/// from standard input, invalid with one violation: `code` at `path`,
/// saying `message`, placed at 1-based `line` and `column` and the bytes
/// `span` (start, end).
fn assert_one_error_stdin(
    run: &Run,
    path: &str,
    code: &str,
    message: &str,
    (line, column, span): (usize, usize, (usize, usize)),
) {
    assert_eq!(run.code, 1, "{run:?}");
    assert_eq!(
        run.records(),
        [json!({
            "source": "-",
            "valid": false,
            "errors": [{
                "path": path, "code": code, "message": message,
                "line": line, "column": column,
                "span": {"start": span.0, "end": span.1},
            }],
        })]
    );
}

/// Asserts that `text` starts with `start`.
fn assert_starts_with(text: &str, start: &str) {
    assert!(text.starts_with(start), "{text}");
}

/// Asserts that `run` ended in a usage error (exit 2) whose message on
/// standard error contains `says`.
fn assert_usage_error(run: &Run, says: &str) {
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains(says), "{}", run.stderr);
}

/// Asserts that `run` exited 1 and that the first violation of its first
/// JSON record is `code` at `path`.
fn assert_first_error(run: &Run, path: &str, code: &str) {
    assert_eq!(run.code, 1, "{run:?}");
    let error = &run.records()[0]["errors"][0];
    assert_eq!(
        (&error["path"], &error["code"]),
        (&json!(path), &json!(code))
    );
}

/// The violations the library reports for `doc` against the structure
/// `shape` of ECR, serialized as the command prints them.
fn library_errors(shape: &str, doc: &[u8], strict: bool) -> Value {
    let entry = registry::find(Service::Ecr, shape).expect("registered shape");
    let opts = Options::default().strict(strict);
    let err = entry.check(doc, &opts).expect_err("an invalid document");
    serde_json::to_value(err.violations()).expect("violations serialize")
}

/// The message of the single violation the library reports.
fn library_message(shape: &str, doc: &[u8], strict: bool) -> String {
    let errors = library_errors(shape, doc, strict);
    assert_eq!(errors.as_array().map(Vec::len), Some(1), "{errors}");
    errors[0]["message"].as_str().expect("message").to_string()
}

#[test]
fn a_valid_document_exits_0_and_prints_valid_and_the_summary() {
    let (_dir, file) = TempDir::with_file("valid", "req.json", VALID_REQUEST);
    let run = request_shape(&[&file], b"");
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(
        run.lines(),
        [
            format!("{file}: valid"),
            "1 document: 1 valid, 0 invalid".to_string()
        ]
    );
    assert_eq!(run.stderr, "");
}

#[test]
fn an_invalid_document_exits_1_with_the_exact_path_and_code_as_json() {
    let (_dir, file) = TempDir::with_file("invalid-json", "req.json", BAD_PATTERN_REQUEST);
    let run = request_shape(&["--format", "json", &file], b"");
    assert_eq!(run.code, 1, "{run:?}");
    let message = library_message(
        "CreateRepositoryRequest",
        BAD_PATTERN_REQUEST.as_bytes(),
        false,
    );
    assert!(message.contains("\"MyRepo\""), "{message}");
    assert_eq!(
        run.records(),
        [json!({
            "source": file,
            "valid": false,
            // The value `"MyRepo"`: bytes 18 to 26.
            "errors": [{
                "path": "/repositoryName", "code": "pattern", "message": message,
                "line": 1, "column": 19, "span": {"start": 18, "end": 26},
            }],
        })]
    );
}

/// Runs the main command on `doc` (standard input) for people, with
/// `env` set and the colour variables of the caller's environment unset.
fn run_for_people(args: &[&str], doc: &str, env: &[(&str, &str)]) -> String {
    let mut command = Command::new(BIN);
    command
        .args(args)
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("CLICOLOR")
        .envs(env.iter().copied())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped());
    let mut child = command.spawn().expect("ecr-validate starts");
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().expect("stdin");
        stdin.write_all(doc.as_bytes()).expect("written");
    }
    let out = child.wait_with_output().expect("ends");
    assert_eq!(out.status.code(), Some(1));
    String::from_utf8(out.stdout).expect("UTF-8")
}

/// The human report, written out by hand: each violation as the library
/// writes it, then its place (`--> file:line:column`), the source line
/// and the offending bytes underlined; in colour on a terminal (forced
/// here with `CLICOLOR_FORCE`), margins bold bright blue and the underline
/// bold bright red as rustc draws them; `NO_COLOR` wins.
#[test]
fn human_format_shows_each_violation_in_its_source_line() {
    let doc = r#"{"repositoryName":"MyRepo","imageTagMutability":"SOMETIMES"}"#;
    let errors = library_errors("CreateRepositoryRequest", doc.as_bytes(), false);
    let pattern = errors[0]["message"].as_str().expect("a message");
    let allowed = errors[1]["message"].as_str().expect("a message");
    // `"MyRepo"` is 8 bytes from column 19; `"SOMETIMES"` 11 from column 49.
    let expected = |margin: &str, mark: &str, reset: &str| {
        let bar = format!("    {margin}|{reset}");
        let source = format!("  {margin}1{reset} {margin}|{reset} {doc}");
        let under = |column: usize, width: usize| {
            format!(
                "{bar}{}{mark}{}{reset}",
                " ".repeat(column),
                "^".repeat(width)
            )
        };
        [
            "-: invalid (2 violations)".to_string(),
            format!("  /repositoryName: {pattern} [pattern]"),
            format!("   {margin}-->{reset} -:1:19"),
            bar.clone(),
            source.clone(),
            under(19, 8),
            format!("  /imageTagMutability: {allowed} [enum]"),
            format!("   {margin}-->{reset} -:1:49"),
            bar.clone(),
            source,
            under(49, 11),
            "1 document: 0 valid, 1 invalid".to_string(),
        ]
        .join("\n")
            + "\n"
    };
    let args = ["--shape", "CreateRepositoryRequest"];
    assert_eq!(run_for_people(&args, doc, &[]), expected("", "", ""));
    let (margin, mark, reset) = ("\u{1b}[1m\u{1b}[94m", "\u{1b}[1m\u{1b}[91m", "\u{1b}[0m");
    assert_eq!(
        run_for_people(&args, doc, &[("CLICOLOR_FORCE", "1")]),
        expected(margin, mark, reset)
    );
    assert_eq!(
        run_for_people(&args, doc, &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")]),
        expected("", "", "")
    );
}

/// A long line is cut around the offending bytes; the text of a document
/// that may hold a secret is never shown, only where the violation is.
#[test]
fn human_format_cuts_long_lines_and_never_shows_a_secret() {
    let doc = format!(
        r#"{{"repositoryName":"{}","imageTagMutability":"SOMETIMES"}}"#,
        "a".repeat(250)
    );
    let out = run_for_people(&["--shape", "CreateRepositoryRequest"], &doc, &[]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[2], "   --> -:1:293");
    assert!(lines[4].starts_with("  1 | ..."), "{out}");
    assert!(
        lines[4].contains(r#""imageTagMutability":"SOMETIMES""#),
        "{out}"
    );
    assert!(lines[4].chars().count() < 150, "{out}");

    let token = "QVdTOnNlY3JldC10b2tlbi10aGF0LW5ldmVyLXNob3dz";
    let doc = format!(
        r#"{{"authorizationData":[{{"authorizationToken":"{token}","expiresAt":"soon"}}]}}"#
    );
    let out = run_for_people(
        &["--operation", "GetAuthorizationToken", "--output"],
        &doc,
        &[],
    );
    assert!(!out.contains(token), "{out}");
    assert!(out.contains("   --> -:1:"), "{out}");
}

/// The human report writes a violation as the library's `Display` does:
/// one line, a member name's control characters escaped.
#[test]
fn human_format_writes_each_violation_as_the_library_does_escapes_included() {
    let doc = br#"{"repositoryName":"my-repo","\u001b[31m":1}"#;
    let run = request_shape(&["--strict"], doc);
    assert_eq!(run.code, 1, "{run:?}");
    let entry = registry::find(Service::Ecr, "CreateRepositoryRequest").expect("registered");
    let err = entry
        .check(doc, &Options::default().strict(true))
        .expect_err("an unknown member");
    assert_eq!(err.violations()[0].path, "/\u{1b}[31m");
    let line = format!("  {}", err.violations()[0]);
    assert!(line.starts_with("  /\\u{1b}[31m: "), "{line}");
    // The member's name, as written (`"\u001b[31m"`, 12 bytes from
    // column 29), is shown under it.
    let under = format!("    |{}{}", " ".repeat(29), "^".repeat(12));
    assert_eq!(
        run.lines(),
        [
            "-: invalid (1 violation)",
            line.as_str(),
            "   --> -:1:29",
            "    |",
            r#"  1 | {"repositoryName":"my-repo","\u001b[31m":1}"#,
            under.as_str(),
            "1 document: 0 valid, 1 invalid"
        ]
    );
}

#[test]
fn strict_turns_an_unknown_member_into_unknown_field() {
    let doc = r#"{"repositoryName":"my-repo","colour":"blue"}"#;
    let args = ["--shape", "CreateRepositoryRequest", "--format", "json"];
    let lenient = run(&args, doc.as_bytes());
    assert_valid_stdin(&lenient);

    let strict = run(&[&args[..], &["--strict"]].concat(), doc.as_bytes());
    let message = library_message("CreateRepositoryRequest", doc.as_bytes(), true);
    // The member's name: `"colour"`, from the 29th byte.
    let place = (1, 29, (28, 36));
    assert_one_error_stdin(&strict, "/colour", "unknown_field", &message, place);
}

/// Runs `--operation CreateRepository SIDE --format json` on `body`.
fn create_repository(side: &str, body: &str) -> Run {
    let args = ["--operation", "CreateRepository", side, "--format", "json"];
    run(&args, body.as_bytes())
}

#[test]
fn operation_input_checks_request_bodies() {
    assert_valid_stdin(&create_repository("--input", VALID_REQUEST));
    let bad = create_repository("--input", BAD_PATTERN_REQUEST);
    assert_first_error(&bad, "/repositoryName", "pattern");

    // A response is not a request: it lacks the required repositoryName
    // (reported at the member's own path).
    let response = create_repository("--input", VALID_RESPONSE);
    let message = library_message("CreateRepositoryRequest", VALID_RESPONSE.as_bytes(), false);
    // The object that lacks it: the whole document (71 bytes).
    let place = (1, 1, (0, 71));
    assert_one_error_stdin(&response, "/repositoryName", "required", &message, place);
}

#[test]
fn operation_output_checks_response_bodies() {
    assert_valid_stdin(&create_repository("--output", VALID_RESPONSE));
    let bad = create_repository("--output", r#"{"repository":{"repositoryName":"MyRepo"}}"#);
    assert_first_error(&bad, "/repository/repositoryName", "pattern");
}

#[test]
fn operation_error_accepts_declared_and_common_errors_and_flags_undeclared_ones() {
    let declared =
        r#"{"__type":"com.amazonaws.ecr#RepositoryAlreadyExistsException","message":"x"}"#;
    assert_valid_stdin(&create_repository("--error", declared));

    let common = r#"{"__type":"ThrottlingException","message":"Rate exceeded"}"#;
    let run_common = create_repository("--error", common);
    assert_eq!(run_common.code, 0, "{run_common:?}");

    let undeclared = r#"{"__type":"com.amazonaws.ecr#ImageNotFoundException","message":"x"}"#;
    let run_undeclared = create_repository("--error", undeclared);
    assert_eq!(run_undeclared.code, 1, "{run_undeclared:?}");
    let records = run_undeclared.records();
    assert_eq!(records.len(), 1);
    assert_eq!(records[0]["valid"], false);
    let errors = records[0]["errors"].as_array().expect("errors");
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0]["path"], "/__type");
    assert_eq!(errors[0]["code"], "undeclared_error");
}

#[test]
fn service_ecr_public_selects_the_public_model() {
    let ok = run(
        &[
            "--service",
            "ecr-public",
            "--shape",
            "GetRegistryCatalogDataRequest",
        ],
        b"{}",
    );
    assert_eq!(ok.code, 0, "{ok:?}");
    assert_eq!(ok.lines(), ["-: valid", "1 document: 1 valid, 0 invalid"]);

    let op = run(
        &[
            "--service",
            "ecr-public",
            "--operation",
            "CreateRepository",
            "--input",
        ],
        VALID_REQUEST.as_bytes(),
    );
    assert_eq!(op.code, 0, "{op:?}");

    // The same shape name is not one of ECR's: a usage error that says where it is.
    let wrong = run(&["--shape", "GetRegistryCatalogDataRequest"], b"{}");
    assert_usage_error(&wrong, "--service ecr-public");
    assert_eq!(wrong.stdout, "");
}

#[test]
fn jsonl_reports_the_broken_line_by_number_and_judges_the_rest() {
    let dir = TempDir::new("jsonl-broken");
    let mut contents = String::new();
    for n in 1..=2000 {
        if n == 1234 {
            contents.push_str("{\"repositoryName\":\"my-re\n");
        } else {
            contents.push_str(VALID_REQUEST);
            contents.push('\n');
        }
    }
    let file = dir.file("many.jsonl", &contents);

    let run_json = request_shape(&["--jsonl", "--format", "json", &file], b"");
    assert_eq!(run_json.code, 1, "{}", run_json.stderr);
    let records = run_json.records();
    assert_eq!(records.len(), 2000);
    for (i, record) in records.iter().enumerate() {
        let n = i + 1;
        if n == 1234 {
            assert_eq!(
                (&record["source"], &record["line"]),
                (&json!(file), &json!(1234))
            );
            assert_eq!(record["valid"], false);
            let errors = record["errors"].as_array().expect("errors");
            assert_eq!(errors.len(), 1, "{errors:?}");
            assert_eq!(errors[0]["path"], "");
            assert_eq!(errors[0]["code"], "syntax");
            // Its place in the file: the line is the document's line;
            // the column counts from the line's start (the text breaks
            // off after its 24 characters).
            assert_eq!(
                (&errors[0]["line"], &errors[0]["column"]),
                (&json!(1234), &json!(25))
            );
        } else {
            assert_eq!(
                *record,
                json!({"source": file, "line": n, "valid": true, "errors": []})
            );
        }
    }

    let run_human = request_shape(&["--jsonl", &file], b"");
    assert_eq!(run_human.code, 1);
    let lines = run_human.lines();
    assert_eq!(
        lines.len(),
        2000 + 1 + 4 + 1,
        "one violation line, its place in four, and the summary"
    );
    assert_eq!(lines[1232], format!("{file}:1233: valid"));
    assert_eq!(lines[1233], format!("{file}:1234: invalid (1 violation)"));
    assert!(lines[1234].starts_with("  (document): "), "{}", lines[1234]);
    assert!(
        lines[1234].ends_with(" [syntax] at line 1234 column 25"),
        "{}",
        lines[1234]
    );
    // Its place: the file's line 1234, where the text breaks off.
    assert_eq!(lines[1235], format!("   --> {file}:1234:25"));
    assert_eq!(lines[1237], r#"  1234 | {"repositoryName":"my-re"#);
    assert_eq!(lines[1239], format!("{file}:1235: valid"));
    assert_eq!(
        lines.last().copied(),
        Some("2000 documents: 1999 valid, 1 invalid")
    );
}

#[test]
fn jsonl_skips_blank_lines_strips_crlf_and_keeps_physical_line_numbers() {
    let input = format!("{VALID_REQUEST}\r\n\r\n \t \n\n{BAD_PATTERN_REQUEST}\r\n{VALID_REQUEST}");
    let run = request_shape(&["--jsonl", "--format", "json"], input.as_bytes());
    assert_eq!(run.code, 1, "{run:?}");
    let records = run.records();
    let lines: Vec<(&Value, &Value)> = records.iter().map(|r| (&r["source"], &r["line"])).collect();
    let dash = json!("-");
    assert_eq!(
        lines,
        [(&dash, &json!(1)), (&dash, &json!(5)), (&dash, &json!(6))]
    );
    let valid: Vec<&Value> = records.iter().map(|r| &r["valid"]).collect();
    assert_eq!(valid, [&json!(true), &json!(false), &json!(true)]);
    assert_eq!(records[1]["errors"][0]["path"], "/repositoryName");
}

#[test]
fn jsonl_reports_a_line_that_is_not_utf8_as_syntax() {
    let mut input = VALID_REQUEST.as_bytes().to_vec();
    input.extend_from_slice(b"\n{\"repositoryName\":\"my-\xff\"}\n");
    let run = request_shape(&["--jsonl", "--format", "json"], &input);
    assert_eq!(run.code, 1, "{run:?}");
    let records = run.records();
    assert_eq!(records.len(), 2);
    assert_eq!(records[0]["valid"], true);
    assert_eq!(
        (&records[1]["source"], &records[1]["line"]),
        (&json!("-"), &json!(2))
    );
    assert_eq!(records[1]["errors"][0]["code"], "syntax");
}

#[test]
fn stdin_is_read_when_no_file_is_given_or_dash_and_is_named_dash() {
    let args = ["--shape", "CreateRepositoryRequest", "--format", "json"];
    let implicit = run(&args, VALID_REQUEST.as_bytes());
    assert_valid_stdin(&implicit);

    let dash = run(&[&args[..], &["-"]].concat(), VALID_REQUEST.as_bytes());
    assert_valid_stdin(&dash);

    let lines = format!("{VALID_REQUEST}\n{VALID_REQUEST}\n");
    let jsonl = run(&[&args[..], &["--jsonl", "-"]].concat(), lines.as_bytes());
    assert_eq!(jsonl.code, 0, "{jsonl:?}");
    assert_eq!(
        jsonl.records(),
        [
            json!({"source": "-", "line": 1, "valid": true, "errors": []}),
            json!({"source": "-", "line": 2, "valid": true, "errors": []}),
        ]
    );
}

#[test]
fn several_files_are_checked_in_order() {
    let dir = TempDir::new("order");
    let a = dir.file("a.json", VALID_REQUEST);
    let b = dir.file("b.json", BAD_PATTERN_REQUEST);
    let c = dir.file("c.json", VALID_REQUEST);
    let run = request_shape(&["--format", "json", &c, &b, &a], b"");
    assert_eq!(run.code, 1, "{run:?}");
    let sources: Vec<Value> = run.records().iter().map(|r| r["source"].clone()).collect();
    assert_eq!(sources, [json!(c), json!(b), json!(a)]);
}

#[test]
fn an_unknown_shape_is_a_usage_error_suggesting_close_names() {
    let run = run(&["--shape", "CreateRepositry"], VALID_REQUEST.as_bytes());
    assert_eq!(run.code, 2, "{run:?}");
    assert_eq!(run.stdout, "");
    assert_eq!(
        run.stderr,
        "ecr-validate: unknown shape `CreateRepositry` in ecr; did you mean CreateRepositoryRequest, \
         CreateRepositoryResponse, CreateRepositoryCreationTemplateRequest, \
         CreateRepositoryCreationTemplateResponse?\n"
    );
}

#[test]
fn a_shape_name_is_found_in_any_case() {
    let run = run(
        &["--shape", "createrepositoryrequest"],
        VALID_REQUEST.as_bytes(),
    );
    assert_eq!(run.code, 0, "{run:?}");
}

#[test]
fn an_enum_or_scalar_shape_is_a_usage_error() {
    for name in ["ImageTagMutability", "RepositoryName"] {
        let run = run(&["--shape", name], b"{}");
        assert_usage_error(
            &run,
            "not a structure: only structures can be checked as documents",
        );
        assert_eq!(run.stdout, "");
    }
}

#[test]
fn an_unknown_operation_is_a_usage_error() {
    let run = run(&["--operation", "CreateRepo", "--input"], b"{}");
    assert_eq!(run.code, 2, "{run:?}");
    assert_eq!(run.stdout, "");
    assert!(
        run.stderr.starts_with(
            "ecr-validate: unknown operation `CreateRepo` in ecr; did you mean CreateRepository"
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn conflicting_or_missing_target_flags_are_usage_errors() {
    for args in [
        &[
            "--shape",
            "CreateRepositoryRequest",
            "--operation",
            "CreateRepository",
            "--input",
        ][..],
        &["--operation", "CreateRepository"],
        &["--operation", "CreateRepository", "--input", "--output"],
        &["--shape", "CreateRepositoryRequest", "--input"],
        &[],
        &[
            "--service",
            "ecr-private",
            "--shape",
            "CreateRepositoryRequest",
        ],
    ] {
        let run = run(args, VALID_REQUEST.as_bytes());
        assert_eq!(run.code, 2, "{args:?}: {run:?}");
        assert_eq!(run.stdout, "", "{args:?}");
        assert!(!run.stderr.is_empty(), "{args:?}");
    }
}

#[test]
fn an_unreadable_file_is_reported_and_the_others_still_checked_then_exit_2() {
    let dir = TempDir::new("unreadable");
    let good = dir.file("good.json", VALID_REQUEST);
    let missing = path_str(&dir.0.join("missing.json"));
    let directory = path_str(&dir.0);
    for jsonl in [false, true] {
        let mut args = vec!["--shape", "CreateRepositoryRequest"];
        if jsonl {
            args.push("--jsonl");
        }
        args.extend([missing.as_str(), directory.as_str(), good.as_str()]);
        let run = run(&args, b"");
        assert_eq!(run.code, 2, "{run:?}");
        let source = if jsonl {
            format!("{good}:1")
        } else {
            good.clone()
        };
        assert_eq!(
            run.lines(),
            [
                format!("{source}: valid"),
                "1 document: 1 valid, 0 invalid".to_string()
            ]
        );
        let errs: Vec<&str> = run.stderr.lines().collect();
        assert_eq!(errs.len(), 2, "{}", run.stderr);
        assert!(
            errs[0].starts_with(&format!("ecr-validate: {missing}: ")),
            "{}",
            errs[0]
        );
        assert!(
            errs[1].starts_with(&format!("ecr-validate: {directory}: ")),
            "{}",
            errs[1]
        );
    }
}

#[test]
fn an_unreadable_file_is_a_json_record_too_with_code_io() {
    let dir = TempDir::new("unreadable-json");
    let good = dir.file("good.jsonl", format!("{VALID_REQUEST}\n{VALID_REQUEST}\n"));
    let missing = path_str(&dir.0.join("missing.json"));
    for jsonl in [false, true] {
        let mut args = vec!["--shape", "CreateRepositoryRequest", "--format", "json"];
        if jsonl {
            args.push("--jsonl");
        }
        args.extend([missing.as_str(), good.as_str()]);
        let run = run(&args, b"");
        assert_eq!(run.code, 2, "{run:?}");
        let records = run.records();
        assert_eq!(records[0]["source"], missing.as_str());
        assert_eq!(records[0]["valid"], false);
        assert_eq!(records[0]["errors"][0]["code"], "io");
        assert_eq!(records[0]["errors"][0]["path"], "");
        assert!(records[0].get("line").is_none(), "{}", records[0]);
        assert!(run
            .stderr
            .starts_with(&format!("ecr-validate: {missing}: ")));
        // The file stays the source; a JSON Lines document's line is its own
        // member.
        assert_eq!(records[1]["source"], good.as_str());
        match jsonl {
            true => {
                assert_eq!(records.len(), 3);
                assert_eq!(
                    (&records[1]["line"], &records[2]["line"]),
                    (&json!(1), &json!(2))
                );
            }
            false => assert!(records[1].get("line").is_none()),
        }
    }
}

#[test]
fn empty_input_without_jsonl_is_one_invalid_document_with_a_syntax_error() {
    let run = request_shape(&["--format", "json"], b"");
    assert_eq!(run.code, 1, "{run:?}");
    let errors = library_errors("CreateRepositoryRequest", b"", false);
    assert_eq!(errors[0]["code"], "syntax");
    assert_eq!(errors[0]["path"], "");
    assert_eq!(
        run.records(),
        [json!({"source": "-", "valid": false, "errors": errors})]
    );
}

#[test]
fn input_without_documents_with_jsonl_exits_1_unless_allowed_empty() {
    // A CI step fed by a failed upstream command must not pass.
    for input in [&b""[..], b"\n\n", b"  \n\t\n"] {
        let refused = request_shape(&["--jsonl"], input);
        assert_eq!(refused.code, 1, "{refused:?}");
        assert_eq!(refused.lines(), ["0 documents: 0 valid, 0 invalid"]);
        assert_eq!(
            refused.stderr,
            "ecr-validate: no documents (--allow-empty accepts inputs without any)\n"
        );
        let allowed = request_shape(&["--jsonl", "--allow-empty"], input);
        assert_eq!(allowed.code, 0, "{allowed:?}");
        assert_eq!(allowed.lines(), ["0 documents: 0 valid, 0 invalid"]);
        assert_eq!(allowed.stderr, "");
    }
    // One document among empty inputs is enough.
    let dir = TempDir::new("no-documents");
    let empty = dir.file("empty.jsonl", "");
    let one = dir.file("one.jsonl", "{\"repositoryName\":\"my-repo\"}\n");
    let both = request_shape(&["--jsonl", &empty, &one], b"");
    assert_eq!(both.code, 0, "{both:?}");
    // `--allow-empty` belongs to --jsonl.
    let usage = request_shape(&["--allow-empty"], b"{}");
    assert_eq!(usage.code, 2, "{usage:?}");
}

#[test]
fn violations_beyond_1000_are_counted_as_omitted() {
    // 1,500 image ids of the wrong type: each one a violation, plus the
    // list's own size limit.
    let ids = vec!["1"; 1500].join(",");
    let doc = format!(r#"{{"repositoryName":"my-repo","imageIds":[{ids}]}}"#);
    let entry = registry::find(Service::Ecr, "BatchGetImageRequest").expect("shape");
    let expected = entry
        .check(doc.as_bytes(), &Options::default())
        .expect_err("invalid");
    assert_eq!(expected.violations().len(), 1000);
    assert!(expected.omitted() > 0);

    let json_run = run(
        &["--shape", "BatchGetImageRequest", "--format", "json"],
        doc.as_bytes(),
    );
    assert_eq!(json_run.code, 1);
    let records = json_run.records();
    assert_eq!(records.len(), 1);
    assert_eq!(records[0]["errors"].as_array().map(Vec::len), Some(1000));
    assert_eq!(records[0]["omitted"], expected.omitted());
    assert_eq!(
        records[0]["errors"],
        serde_json::to_value(expected.violations()).unwrap()
    );

    let human_run = run(&["--shape", "BatchGetImageRequest"], doc.as_bytes());
    assert_eq!(human_run.code, 1);
    let lines = human_run.lines();
    // The headline, each listed violation with four lines for its place,
    // the count of the rest, the summary.
    assert_eq!(lines.len(), 1 + 1000 * 5 + 1 + 1);
    assert_eq!(
        lines[0],
        format!("-: invalid ({} violations)", expected.total())
    );
    assert_eq!(
        lines[5001],
        format!("  ... and {} more", expected.omitted())
    );
    assert_eq!(lines[5002], "1 document: 0 valid, 1 invalid");
}

#[test]
fn stdin_named_twice_is_a_usage_error() {
    let run = request_shape(&["-", "-"], b"{}");
    assert_eq!(run.code, 2, "{run:?}");
    assert_eq!(run.stdout, "");
}

// ---- generate, inspect, check ----

/// Every line of `run` as a document of the ECR structure `shape`, each
/// valid in strict mode.
fn strictly_valid_lines(run: &Run, shape: &str) -> Vec<Value> {
    let entry = registry::find(Service::Ecr, shape).expect("registered shape");
    run.stdout
        .lines()
        .map(|line| {
            let verdict = entry.check(line.as_bytes(), &Options::default().strict(true));
            assert!(verdict.is_ok(), "{verdict:?}: {line}");
            serde_json::from_str(line).expect("JSON")
        })
        .collect()
}

#[test]
fn generate_prints_valid_documents_deterministic_for_a_seed() {
    let generate = |seed: &[&str]| {
        let args = [
            "generate",
            "--shape",
            "CreateRepositoryRequest",
            "--count",
            "5",
        ];
        run(&[&args[..], seed].concat(), b"")
    };
    let run1 = generate(&[]);
    assert_eq!(run1.code, 0, "{run1:?}");
    assert_eq!(run1.stderr, "");
    let docs = strictly_valid_lines(&run1, "CreateRepositoryRequest");
    assert_eq!(docs.len(), 5);
    assert!(docs.windows(2).all(|w| w[0] != w[1]), "a run varies");
    // Seed 0 is the default; the same seed prints the same documents.
    let again = generate(&["--seed", "0"]);
    assert_eq!(again.stdout, run1.stdout);
    let other = generate(&["--seed", "9"]);
    assert_ne!(other.stdout, run1.stdout);
    // The same as the library draws.
    let mut generator = ecr_models::testdata::Generator::new(9);
    let entry = registry::find(Service::Ecr, "CreateRepositoryRequest").expect("registered");
    let registry::ShapeRef::Structure(shape) = entry.shape else {
        panic!("a structure")
    };
    let library: Vec<Value> = (0..5).map(|_| generator.structure(shape)).collect();
    assert_eq!(
        strictly_valid_lines(&other, "CreateRepositoryRequest"),
        library
    );
    // And what it prints, the document form accepts.
    let checked = request_shape(&["--strict", "--jsonl"], run1.stdout.as_bytes());
    assert_eq!(checked.code, 0, "{checked:?}");
}

#[test]
fn generate_items_gives_a_response_with_1000_images() {
    let run = run(
        &[
            "generate",
            "--shape",
            "DescribeImagesResponse",
            "--items",
            "/imageDetails=1000",
        ],
        b"",
    );
    assert_eq!(run.code, 0, "{run:?}");
    let docs = strictly_valid_lines(&run, "DescribeImagesResponse");
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0]["imageDetails"].as_array().map(Vec::len), Some(1000));
}

#[test]
fn generate_refuses_what_it_cannot_draw() {
    for (args, says) in [
        (
            &["generate", "--shape", "ScanType"][..],
            "`ScanType` is an enum of ecr, not a structure",
        ),
        (
            &["generate", "--shape", "DescribeImagesRespons"],
            "unknown shape `DescribeImagesRespons` in ecr; did you mean DescribeImagesResponse",
        ),
        (
            &[
                "generate",
                "--shape",
                "DescribeImagesResponse",
                "--items",
                "/images=3",
            ],
            "`/images` is not a list of DescribeImagesResponse (its lists: /imageDetails, /imageDetails/imageTags)",
        ),
        (
            &[
                "generate",
                "--shape",
                "DescribeImagesResponse",
                "--items",
                "/imageDetails",
            ],
            "expected POINTER=N",
        ),
        (&["generate"], "--shape"),
    ] {
        let run = run(args, b"");
        assert_eq!(run.code, 2, "{args:?}: {run:?}");
        assert_eq!(run.stdout, "", "{args:?}");
        assert!(run.stderr.contains(says), "{args:?}: {}", run.stderr);
    }
}

#[test]
fn inspect_describes_a_structure_its_rules_and_its_operations() {
    let input = run(&["inspect", "CreateRepositoryRequest"], b"");
    assert_eq!(input.code, 0, "{input:?}");
    let text = &input.stdout;
    for line in [
        "CreateRepositoryRequest: structure of ecr, input of CreateRepository\n",
        "  registryId: RegistryId (string)\n      pattern `^(?:[0-9]{12})$`\n",
        "  repositoryName: RepositoryName (string), required\n      length 2..=256 characters, pattern `^(?:",
        "      one of `MUTABLE`, `IMMUTABLE`, `IMMUTABLE_WITH_EXCLUSION`, `MUTABLE_WITH_EXCLUSION`\n",
        "      items 1..=5\n      item: ImageTagMutabilityExclusionFilter (structure)\n",
        "  tags: TagList (list)\n      item: Tag (structure)\n",
        "Used by 1 operation (directly or nested):\n  CreateRepository  input (this shape)\n",
    ] {
        assert!(text.contains(line), "{line:?} not in:\n{text}");
    }
    // A nested structure: every operation it is in, and on which side.
    let nested = run(&["inspect", "ImageIdentifier"], b"");
    assert!(
        nested.stdout.contains("  BatchGetImage "),
        "{}",
        nested.stdout
    );
    let line = nested
        .lines()
        .into_iter()
        .find(|l| l.trim_start().starts_with("BatchGetImage "))
        .expect("BatchGetImage");
    assert!(line.ends_with(" input, output"), "{line}");
}

#[test]
fn inspect_describes_enums_and_scalars_and_map_types() {
    let run1 = run(&["inspect", "ScanType"], b"");
    assert_eq!(run1.code, 0, "{run1:?}");
    assert_starts_with(
        &run1.stdout,
        "ScanType: enum of ecr\n\nType: enum\n    one of `BASIC`, `ENHANCED`\n",
    );
    assert!(run1.stdout.contains("PutRegistryScanningConfiguration"));

    let run2 = run(&["inspect", "MaxResults"], b"");
    assert_starts_with(
        &run2.stdout,
        "MaxResults: scalar of ecr\n\nType: integer\n    range 1..=1000\n",
    );
    assert!(run2.stdout.contains("  DescribeImages "), "{}", run2.stdout);

    let run3 = run(&["inspect", "ImageScanFindingsSummary"], b"");
    assert!(
        run3.stdout.contains(
            "  findingSeverityCounts: FindingSeverityCounts (map)\n      each key (one of `INFORMATIONAL`, `LOW`, `MEDIUM`, `HIGH`, `CRITICAL`, `UNDEFINED`); each value (range 0..=2147483647)\n      key: FindingSeverity (enum)\n      value: integer\n"
        ),
        "{}",
        run3.stdout
    );

    let run4 = run(
        &[
            "inspect",
            "--service",
            "ecr-public",
            "RepositoryCatalogDataInput",
        ],
        b"",
    );
    assert_eq!(run4.code, 0, "{run4:?}");
    assert!(run4.stdout.contains("of ecr-public"), "{}", run4.stdout);
}

/// Every rule `inspect` prints is the library's words: the line under a
/// member is `inspect::rules` of the member's type, exactly (a member
/// without rules has no rule line), and the lines after it only name the
/// types of list items and map keys and values.
#[test]
fn inspect_states_each_members_rules_as_inspect_rules_says_them() {
    let mut stated = 0;
    for name in ["CreateRepositoryRequest", "DescribeImagesResponse"] {
        let Some(ShapeRef::Structure(shape)) = registry::find(Service::Ecr, name).map(|e| e.shape)
        else {
            panic!("{name} is a structure of ecr");
        };
        let described = run(&["inspect", name], b"");
        assert_eq!(described.code, 0, "{described:?}");
        let text = &described.stdout;
        for m in shape.members {
            let head = format!("\n  {}: ", m.name);
            let at = text
                .find(&head)
                .unwrap_or_else(|| panic!("{head:?} not in:\n{text}"));
            let below: Vec<&str> = text[at + 1..]
                .lines()
                .skip(1)
                .take_while(|l| l.starts_with("      "))
                .collect();
            let (parts, said): (Vec<&str>, Vec<&str>) = below.iter().partition(|l| {
                let l = l.trim_start();
                l.starts_with("item: ") || l.starts_with("key: ") || l.starts_with("value: ")
            });
            let words = inspect::rules(&m.ty);
            let expected = match words.is_empty() {
                true => vec![],
                false => vec![format!("      {words}")],
            };
            assert_eq!(said, expected, "{name}.{}:\n{text}", m.name);
            // The rule line comes first, before the types of the parts.
            assert_eq!(below[..said.len()], said[..], "{name}.{}", m.name);
            assert!(parts.iter().all(|l| !l.contains('`')), "{parts:?}");
            stated += said.len();
        }
    }
    assert!(stated >= 4, "the structures have rules to state: {stated}");
}

#[test]
fn inspect_json_is_one_object_with_the_same_facts() {
    let run = run(
        &["inspect", "--format", "json", "CreateRepositoryRequest"],
        b"",
    );
    assert_eq!(run.code, 0, "{run:?}");
    let records = run.records();
    assert_eq!(records.len(), 1);
    let d = &records[0];
    assert_eq!(d["kind"], "structure");
    assert_eq!(d["role"], "input");
    assert_eq!(d["operation"], "CreateRepository");
    let name = d["members"]
        .as_array()
        .expect("members")
        .iter()
        .find(|m| m["name"] == "repositoryName")
        .expect("repositoryName");
    assert_eq!(
        name,
        &json!({
            "name": "repositoryName",
            "shape": "RepositoryName",
            "required": true,
            "type": {
                "kind": "string",
                "length": {"min": 2, "max": 256},
                "pattern": "^(?:[a-z0-9]+((\\.|_|__|-+)[a-z0-9]+)*(/[a-z0-9]+((\\.|_|__|-+)[a-z0-9]+)*)*)$"
            }
        })
    );
    assert_eq!(
        d["operations"],
        json!([{"operation": "CreateRepository", "uses": [{"as": "input", "shape": "CreateRepositoryRequest", "direct": true}]}])
    );
    let scan = run_json_inspect("ScanType");
    assert_eq!(scan["values"], json!(["BASIC", "ENHANCED"]));
    let max = run_json_inspect("MaxResults");
    assert_eq!(
        max["type"],
        json!({"kind": "integer", "range": {"min": 1, "max": 1000}})
    );
}

fn run_json_inspect(name: &str) -> Value {
    let described = run(&["inspect", "--format", "json", name], b"");
    assert_eq!(described.code, 0, "{described:?}");
    described.records().remove(0)
}

#[test]
fn inspect_an_unknown_name_exits_2_with_suggestions() {
    let run1 = run(&["inspect", "repositry"], b"");
    assert_eq!(run1.code, 2, "{run1:?}");
    assert_eq!(run1.stdout, "");
    assert_eq!(
        run1.stderr,
        "ecr-validate: unknown shape `repositry` in ecr; did you mean Repository?\n"
    );
    let run2 = run(&["inspect", "RepositoryCatalogDataInput"], b"");
    assert_usage_error(&run2, "add `--service ecr-public`");
}

#[test]
fn check_judges_one_bare_value() {
    for (args, code, out) in [
        (&["check", "--shape", "RepositoryName", "my-repo"][..], 0, "valid\n".to_string()),
        (
            &["check", "--shape", "RepositoryName", "MyRepo"],
            1,
            format!(
                "invalid (1 violation)\n  {} [pattern]\n",
                library_message("CreateRepositoryRequest", br#"{"repositoryName":"MyRepo"}"#, false)
            ),
        ),
        (
            &["check", "--shape", "MaxResults", "1001"],
            1,
            "invalid (1 violation)\n  1001 is outside the range 1..=1000 [range]\n".to_string(),
        ),
        (&["check", "--shape", "MaxResults", "1000"], 0, "valid\n".to_string()),
        (
            &["check", "--shape", "MaxResults", "-5"],
            1,
            "invalid (1 violation)\n  -5 is outside the range 1..=1000 [range]\n".to_string(),
        ),
        (&["check", "--shape", "ScanType", "ENHANCED"], 0, "valid\n".to_string()),
        (&["check", "--shape", "ScanType", "\"BASIC\""], 0, "valid\n".to_string()),
        (
            &["check", "--shape", "ScanType", "basic"],
            1,
            "invalid (1 violation)\n  \"basic\" is not one of BASIC, ENHANCED [enum]\n".to_string(),
        ),
        (&["check", "--shape", "ImageTag", "\"1.0\""], 0, "valid\n".to_string()),
        (
            &["check", "--shape", "ImageTag", "1.0"],
            1,
            "invalid (1 violation)\n  expected a string, found a number [type]\n  (the value was read as JSON; to check the text, give it as a JSON string: '\"1.0\"')\n".to_string(),
        ),
        (
            &["check", "--shape", "RegistryId", "12345"],
            1,
            "invalid (1 violation)\n  expected a string, found a number [type]\n  (the value was read as JSON; to check the text, give it as a JSON string: '\"12345\"')\n".to_string(),
        ),
        (&["check", "--shape", "ScanOnPushFlag", "true"], 0, "valid\n".to_string()),
        (
            &["check", "--shape", "PushTimestamp", "2023-02-30T00:00:00Z"],
            1,
            format!(
                "invalid (1 violation)\n  {} [timestamp]\n",
                library_message(
                    "ImageDetail",
                    br#"{"imagePushedAt":"2023-02-30T00:00:00Z"}"#,
                    false
                )
            ),
        ),
        (
            &["check", "--shape", "AccountSettingName", "[1]"],
            0,
            "valid\n".to_string(),
        ),
        (
            &["check", "--shape", "ImageTag", ""],
            1,
            "invalid (1 violation)\n  expected at least 1 character, found 0 [length]\n".to_string(),
        ),
    ] {
        let run = run(args, b"");
        assert_eq!((run.code, run.stdout.as_str()), (code, out.as_str()), "{args:?}: {run:?}");
        assert_eq!(run.stderr, "", "{args:?}");
    }
}

#[test]
fn check_refuses_structures_and_unknown_names() {
    let run1 = run(&["check", "--shape", "Tag", "{}"], b"");
    assert_usage_error(&run1, "`Tag` is a structure of ecr: check documents with");
    let run2 = run(&["check", "--shape", "RepoName", "x"], b"");
    assert_eq!(run2.code, 2, "{run2:?}");
    assert_starts_with(
        &run2.stderr,
        "ecr-validate: unknown shape `RepoName` in ecr",
    );
    let run3 = run(&["check", "--shape", "RepositoryName"], b"");
    assert_eq!(run3.code, 2, "{run3:?}");
}

#[test]
fn a_file_named_like_a_subcommand_is_still_a_file_after_the_options() {
    let (dir, file) = TempDir::with_file("subcommand-name", "check", VALID_REQUEST);
    let run = request_shape(&[&file], b"");
    assert_eq!(run.code, 0, "{run:?}");
    // Relative, right after the options: the document form, not `check`.
    let output = Command::new(BIN)
        .current_dir(&dir.0)
        .args(["--shape", "CreateRepositoryRequest", "check"])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        "check: valid\n1 document: 1 valid, 0 invalid\n"
    );
}

#[test]
fn ref_prints_every_part_as_json_and_null_for_the_parts_a_reference_lacks() {
    let image = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/app:1.4.2";
    let arn = "arn:aws:ecr-public::123456789012:repository/app";
    let run = run(&["ref", "--format", "json", image, arn], b"");
    assert_eq!(run.code, 0, "{run:?}");
    let records = run.records();
    assert_eq!(
        records[0],
        json!({
            "input": image, "valid": true, "kind": "image", "registry": "private",
            "registry_id": "123456789012", "registry_alias": null, "region": "eu-west-1",
            "partition": "aws", "fips": false, "dual_stack": false, "repository": "team/app",
            "tag": "1.4.2", "digest": null, "errors": []
        })
    );
    assert_eq!(
        records[1],
        json!({
            "input": arn, "valid": true, "kind": "arn", "registry": "public",
            "registry_id": "123456789012", "registry_alias": null, "region": null,
            "partition": "aws", "fips": null, "dual_stack": null, "repository": "app",
            "tag": null, "digest": null, "errors": []
        })
    );
}

#[test]
fn ref_lines_checks_an_inventory_and_gives_each_result_its_line() {
    let (_dir, file) = TempDir::with_file(
        "ref-lines",
        "refs.txt",
        "public.ecr.aws/docker/library/python:3.12\n\n123456789012.dkr.ecr.us-east-1.amazonaws.com/Team/App:1\n",
    );
    let run = run(&["ref", "--format", "json", "--lines", &file], b"");
    assert_eq!(run.code, 1, "{run:?}");
    let records = run.records();
    assert_eq!(records.len(), 2);
    assert_eq!(
        (&records[0]["line"], &records[0]["valid"]),
        (&json!(1), &json!(true))
    );
    assert_eq!(
        (&records[1]["line"], &records[1]["valid"]),
        (&json!(3), &json!(false))
    );
    assert_eq!(records[1]["errors"][0]["path"], "/repository");
    assert_eq!(records[1]["errors"][0]["code"], "pattern");
    assert_eq!(records[1]["kind"], Value::Null);
    let human = run_human(&["ref", "--lines", &file]);
    assert!(human.contains(":3: 123456789012.dkr.ecr"), "{human}");
    assert!(
        human.ends_with("2 references: 1 valid, 1 invalid\n"),
        "{human}"
    );
    assert_eq!(self::run(&["ref"], b"").code, 2);
}

fn run_human(args: &[&str]) -> String {
    run(args, b"").stdout
}

#[test]
fn operation_accepts_the_model_boto3_and_aws_cli_spellings_and_suggests_in_kind() {
    for name in ["CreateRepository", "create_repository", "create-repository"] {
        let run = run(&["--operation", name, "--input"], VALID_REQUEST.as_bytes());
        assert_eq!(run.code, 0, "{name}: {run:?}");
    }
    for (wrong, close) in [
        ("describe_imagez", "describe_images"),
        ("describe-imagez", "describe-images"),
        ("DescribeImagez", "DescribeImages"),
    ] {
        let run = run(&["--operation", wrong, "--output"], b"{}");
        assert_usage_error(&run, &format!("did you mean {close}"));
    }
}

#[test]
fn inspect_operation_prints_the_method_paginator_and_waiters_as_json() {
    let run = run(
        &[
            "inspect",
            "--operation",
            "describe-image-scan-findings",
            "--format",
            "json",
        ],
        b"",
    );
    assert_eq!(run.code, 0, "{run:?}");
    let record = &run.records()[0];
    assert_eq!(record["method"], "describe_image_scan_findings");
    assert_eq!(
        record["paginator"]["result_key"],
        json!([
            "imageScanFindings.findings",
            "imageScanFindings.enhancedFindings"
        ])
    );
    assert_eq!(record["waiters"][0]["name"], "image_scan_complete");
    assert_eq!(
        record["waiters"][0]["acceptors"][1],
        json!({"state": "failure", "matcher": "path", "argument": "imageScanStatus.status", "expected": "FAILED"})
    );
    let public = run_human(&[
        "inspect",
        "--service",
        "ecr-public",
        "--operation",
        "DescribeImages",
    ]);
    assert!(public.contains("boto3 method describe_images"), "{public}");
    assert!(public.contains("paginator describe_images"), "{public}");
}

/// The state botocore 1.44.5's waiter reaches on each response, as its own
/// acceptors decide (checked with botocore's `WaiterModel`: the first
/// acceptor whose `matcher_func` matches; none on a response is `retry`,
/// none on an error is `failure`).
#[test]
fn wait_state_gives_botocores_state_on_each_scan_and_preview_status() {
    let dir = TempDir::new("wait-state");
    let scans = [
        (
            r#"{"imageScanStatus":{"status":"COMPLETE"}}"#,
            "success",
            json!(0),
        ),
        (
            r#"{"imageScanStatus":{"status":"FAILED"}}"#,
            "failure",
            json!(1),
        ),
        (
            r#"{"imageScanStatus":{"status":"IN_PROGRESS"}}"#,
            "retry",
            Value::Null,
        ),
        (r#"{"registryId":"123456789012"}"#, "retry", Value::Null),
    ];
    let previews = [
        (r#"{"status":"COMPLETE"}"#, "success", json!(0)),
        (r#"{"status":"FAILED"}"#, "failure", json!(1)),
        (r#"{"status":"IN_PROGRESS"}"#, "retry", Value::Null),
        (r#"{"status":"EXPIRED"}"#, "retry", Value::Null),
    ];
    for (waiter, cases) in [
        ("image_scan_complete", &scans),
        ("LifecyclePolicyPreviewComplete", &previews),
    ] {
        let files: Vec<String> = cases
            .iter()
            .enumerate()
            .map(|(i, (body, ..))| dir.file(&format!("{waiter}-{i}.json"), body))
            .collect();
        let mut args = vec!["wait-state", "--waiter", waiter, "--format", "json"];
        args.extend(files.iter().map(String::as_str));
        let run = run(&args, b"");
        assert_eq!(run.code, 0, "{run:?}");
        let records = run.records();
        for ((file, (_, state, acceptor)), record) in files.iter().zip(cases.iter()).zip(&records) {
            assert_eq!(
                record,
                &json!({"source": file, "state": state, "acceptor": acceptor}),
                "{waiter}"
            );
        }
    }
    // An error body no acceptor names: the waiter fails, as botocore's does.
    let error = dir.file(
        "error.json",
        r#"{"__type":"ScanNotFoundException","message":"no scan"}"#,
    );
    let run = run(
        &[
            "wait-state",
            "--waiter",
            "image_scan_complete",
            "--error",
            &error,
        ],
        b"",
    );
    assert_eq!(
        run.stdout,
        format!("{error}: failure (no acceptor matched)\n")
    );
    // A status newer than the model is kept, as botocore keeps it: no
    // acceptor names it, so the waiter goes on.
    let run = self::run(
        &["wait-state", "--waiter", "image_scan_complete", "-"],
        br#"{"imageScanStatus":{"status":"DONE"}}"#,
    );
    assert_eq!(
        (run.code, run.stdout.as_str()),
        (0, "-: retry (no acceptor matched)\n")
    );
    // A response that is not a valid output is reported, and no state given.
    let run = self::run(
        &["wait-state", "--waiter", "image_scan_complete", "-"],
        br#"{"imageScanStatus":{"status":1}}"#,
    );
    assert_eq!(run.code, 1, "{run:?}");
    assert_starts_with(&run.stdout, "-: invalid (1 violation)");
    let run = self::run(
        &[
            "wait-state",
            "--service",
            "ecr-public",
            "--waiter",
            "x",
            "-",
        ],
        b"{}",
    );
    assert_usage_error(&run, "it has none");
}

/// Pages drawn by `generate`, chained by nextToken, and what botocore
/// 1.44.5's own `build_full_result()` made of them, stored beside them by
/// `tests/recordings/pages/record_pages.py`.
#[test]
fn merge_pages_prints_what_botocores_build_full_result_returns() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/recordings/pages");
    for (name, operation) in [
        ("images-250", "DescribeImages"),
        ("scan-findings", "describe_image_scan_findings"),
        ("lifecycle-preview", "get-lifecycle-policy-preview"),
    ] {
        let pages = path_str(&dir.join(format!("{name}.pages.jsonl")));
        let expected: Value = serde_json::from_str(
            &std::fs::read_to_string(dir.join(format!("{name}.merged.json"))).expect("merged"),
        )
        .expect("botocore's result");
        let run = run(&["merge-pages", "--operation", operation, &pages], b"");
        assert_eq!(run.code, 0, "{name}: {}", run.stderr);
        let merged: Value = serde_json::from_str(&run.stdout).expect("one JSON document");
        assert_eq!(merged, expected, "{name}");
    }
    // One page a file works the same.
    let dir_pages = TempDir::new("merge-pages");
    let text = std::fs::read_to_string(dir.join("lifecycle-preview.pages.jsonl")).expect("pages");
    let files: Vec<String> = text
        .lines()
        .enumerate()
        .map(|(i, l)| dir_pages.file(&format!("page-{i}.json"), l))
        .collect();
    let mut args = vec!["merge-pages", "--operation", "GetLifecyclePolicyPreview"];
    args.extend(files.iter().map(String::as_str));
    let run = self::run(&args, b"");
    let expected: Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join("lifecycle-preview.merged.json")).expect("merged"),
    )
    .expect("json");
    assert_eq!(
        serde_json::from_str::<Value>(&run.stdout).expect("json"),
        expected
    );
}

#[test]
fn merge_pages_reports_an_invalid_page_by_its_index_and_merges_nothing() {
    let pages = "{\"imageIds\":[{\"imageTag\":\"a\"}],\"nextToken\":\"t\"}\n{\"imageIds\":[{\"imageTag\":7}]}\n";
    let run = run(
        &["merge-pages", "--operation", "list_images", "-"],
        pages.as_bytes(),
    );
    assert_eq!(run.code, 1, "{run:?}");
    assert_starts_with(&run.stdout, "page 1 (-):2: invalid (1 violation)");
    // Nothing merged: no JSON document on a line of its own (the broken
    // page's line is shown under its violation, indented).
    assert!(
        !run.stdout.lines().any(|l| l.starts_with('{')),
        "{}",
        run.stdout
    );
    let run = self::run(
        &["merge-pages", "--operation", "CreateRepository", "-"],
        b"{}",
    );
    assert_usage_error(&run, "does not paginate");
}

#[test]
fn an_option_before_a_subcommand_says_that_subcommands_come_first() {
    let run = run(&["--strict", "--shape", "ImageTag", "check", "1.0"], b"");
    assert_usage_error(&run, "`check` is a subcommand: subcommands come first");
}

#[test]
fn unknown_enum_values_pass_in_responses_and_in_requests_with_allow_unknown_enums() {
    let request = br#"{"repositoryName": "app", "imageTagMutability": "SOMEDAY"}"#;
    let refused = run(
        &["--operation", "CreateRepository", "--input", "-"],
        request,
    );
    assert_eq!(refused.code, 1, "{refused:?}");
    assert!(
        refused.stdout.contains("/imageTagMutability: "),
        "{}",
        refused.stdout
    );
    let allowed = run(
        &[
            "--operation",
            "CreateRepository",
            "--input",
            "--allow-unknown-enums",
            "-",
        ],
        request,
    );
    assert_eq!(allowed.code, 0, "{allowed:?}");
    // AWS's answer for an enhanced scan: a severity no model lists.
    let response = br#"{"imageScanFindings": {"findingSeverityCounts": {"UNTRIAGED": 1}}}"#;
    let args = ["--operation", "DescribeImageScanFindings", "--output", "-"];
    assert_eq!(run(&args, response).code, 0);
    let exact = run(&[&args[..3], &["--exact-outputs", "-"]].concat(), response);
    assert_eq!(exact.code, 1, "{exact:?}");
    assert!(
        exact
            .stdout
            .contains("/imageScanFindings/findingSeverityCounts/UNTRIAGED: "),
        "{}",
        exact.stdout
    );
}

/// The lifecycle policy files users keep beside their infrastructure
/// code, checked as PutLifecyclePolicy carries them.
#[test]
fn document_checks_lifecycle_policy_files() {
    let guide = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/documents/lifecycle/aws-guide-image-count.json");
    let run = self::run(&["--document", "lifecycle-policy", &path_str(&guide)], b"");
    assert_eq!(run.code, 0, "{run:?}");
    assert!(
        run.stdout.ends_with("1 document: 1 valid, 0 invalid\n"),
        "{run:?}"
    );

    let broken = br#"{"rules":[{"rulePriority":1,"selection":{"tagStatus":"any","countType":"sinceImagePushed","countNumber":3},"action":{"type":"expire"}}]}"#;
    let run = self::run(
        &["--document", "LifecyclePolicy", "--format", "json", "-"],
        broken,
    );
    assert_eq!(run.code, 1, "{run:?}");
    assert_eq!(
        run.records(),
        // The selection that lacks it: its `{` is the 41st byte, and it
        // is 66 bytes long.
        [json!({"source": "-", "valid": false, "errors": [{
            "path": "/rules/0/selection/countUnit", "code": "required",
            "message": "countType \"sinceImagePushed\" needs countUnit",
            "line": 1, "column": 41, "span": {"start": 40, "end": 106}}]})]
    );

    let run = self::run(&["--document", "lifecycle", "-"], broken);
    assert_usage_error(
        &run,
        "unknown document `lifecycle` in ecr; its documents are ImageManifest, LifecyclePolicy, RegistryPolicy, RepositoryPolicy",
    );
    let run = self::run(&["--document", "lifecycle-policy", "--input", "-"], broken);
    assert_usage_error(&run, "cannot be used with");
}

/// `inspect --document`: the members that carry a document, found in the
/// shape tables, and its schema.
#[test]
fn inspect_describes_a_document_and_the_members_that_carry_it() {
    let run = self::run(
        &[
            "inspect",
            "--service",
            "ecr-public",
            "--document",
            "repository-policy",
            "--format",
            "json",
        ],
        b"",
    );
    assert_eq!(run.code, 0, "{run:?}");
    let d = run.records().remove(0);
    assert_eq!(d["name"], "RepositoryPolicy");
    assert_eq!(
        d["schema_id"],
        "urn:ecr-models:ecr-public:documents:RepositoryPolicy"
    );
    let carriers: Vec<String> = d["carried_by"]
        .as_array()
        .expect("a list")
        .iter()
        .map(|c| {
            format!(
                "{}.{}",
                c["shape"].as_str().unwrap_or(""),
                c["member"].as_str().unwrap_or("")
            )
        })
        .collect();
    assert_eq!(
        carriers,
        [
            "DeleteRepositoryPolicyResponse.policyText",
            "GetRepositoryPolicyResponse.policyText",
            "SetRepositoryPolicyRequest.policyText",
            "SetRepositoryPolicyResponse.policyText",
        ]
    );
    let human = run_human(&["inspect", "--document", "lifecycle-policy"]);
    assert_starts_with(
        &human,
        "LifecyclePolicy: a lifecycle policy, a document of ecr carried in strings\n",
    );
    assert!(
        human.contains("  PutLifecyclePolicyRequest.lifecyclePolicyText (input)\n"),
        "{human}"
    );
    assert!(
        human.contains("  tagStatus: one of \"tagged\", \"untagged\", \"any\", required\n"),
        "{human}"
    );
    let run = self::run(&["inspect", "--document", "manifest"], b"");
    assert_usage_error(&run, "unknown document `manifest` in ecr");
}

/// `--format github`: one `::error` workflow command per violation, at its
/// file, line and column, the reserved characters escaped; then the
/// summary line for the log.
#[test]
fn github_format_annotates_each_violation_at_its_place() {
    let (_dir, file) = TempDir::with_file(
        "github",
        "a,b.json",
        "{\"repositoryName\": \"app\",\n \"imageTagMutability\": \"100%\"}",
    );
    let run = request_shape(&["--format", "github", &file], b"");
    assert_eq!(run.code, 1, "{run:?}");
    // `,` in the file name and `:` in the title are escaped; so is `%` in
    // the message. The value `"100%"` starts at character 24 of line 2.
    let file = file.replace(',', "%2C").replace(':', "%3A");
    assert_eq!(
        run.lines(),
        [
            format!(
                "::error file={file},line=2,col=24,title=ecr-validate enum::/imageTagMutability: \"100%25\" is not one of MUTABLE, IMMUTABLE, IMMUTABLE_WITH_EXCLUSION, MUTABLE_WITH_EXCLUSION [enum]"
            )
            .as_str(),
            "1 document: 0 valid, 1 invalid",
        ]
    );
}

/// `--format sarif`: one SARIF 2.1.0 log at the end, a rule per code
/// found, a result per violation with its region (the log's validity
/// against the SARIF schema is checked by `.ci/run`, with Python's
/// jsonschema).
#[test]
fn sarif_format_writes_one_log_with_a_rule_per_code_and_a_region_per_result() {
    let doc = "{\"repositoryName\": \"MyRepo\",\n \"imageTagMutability\": \"x\"}";
    let run = request_shape(&["--format", "sarif"], doc.as_bytes());
    assert_eq!(run.code, 1, "{run:?}");
    let log: Value = serde_json::from_str(&run.stdout).expect("one JSON document");
    assert_eq!(log["version"], "2.1.0");
    let run0 = &log["runs"][0];
    assert_eq!(run0["tool"]["driver"]["name"], "ecr-validate");
    assert_eq!(run0["columnKind"], "unicodeCodePoints");
    // The codes in the order they were found: pattern, then enum.
    assert_eq!(
        run0["tool"]["driver"]["rules"],
        json!([{"id": "pattern"}, {"id": "enum"}])
    );
    let results = run0["results"].as_array().expect("results");
    let summary: Vec<(Value, Value, Value, Value, Value)> = results
        .iter()
        .map(|r| {
            let region = &r["locations"][0]["physicalLocation"]["region"];
            (
                r["ruleId"].clone(),
                r["ruleIndex"].clone(),
                r["properties"]["pointer"].clone(),
                region["startLine"].clone(),
                region["startColumn"].clone(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            (
                json!("pattern"),
                json!(0),
                json!("/repositoryName"),
                json!(1),
                json!(20)
            ),
            (
                json!("enum"),
                json!(1),
                json!("/imageTagMutability"),
                json!(2),
                json!(24)
            ),
        ]
    );
    assert_eq!(
        results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "-"
    );
}
