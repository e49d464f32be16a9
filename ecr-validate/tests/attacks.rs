//! Hostile input, against the library and the `ecr-validate` command: each
//! attack ends in an `Err` with a clear violation (library) and in exit 1 or
//! 2 with a message (command), never a panic, a signal, a hang, a flood of
//! output, or a leaked credential.

use std::time::{Duration, Instant};

use ecr_models::ecr::{AuthorizationData, GetAuthorizationTokenResponse};
use ecr_models::{from_json, registry, Code, Error, Options, Service};
use serde_json::Value;

mod common;

use common::{spawn, TempDir};

/// A run that takes longer than this has hung: it is killed and the test
/// fails. Generous on purpose: this catches hangs, it does not time anything.
const HANG: Duration = Duration::from_secs(600);

/// Messages stay short whatever the input: a value is quoted to about 100
/// characters, and the rest of a message is the rule.
const SHORT: usize = 1_000;

// ---------------------------------------------------------------------------
// The library

fn check_with(service: Service, shape: &str, doc: &[u8], opts: &Options) -> Result<(), Error> {
    registry::find(service, shape)
        .unwrap_or_else(|| panic!("{shape} is registered"))
        .check(doc, opts)
}

/// The error of `doc`, refused as the ECR structure `shape` with `opts`.
fn refused_with(shape: &str, doc: &[u8], opts: &Options) -> Error {
    check_with(Service::Ecr, shape, doc, opts).expect_err("the document is refused")
}

fn check(shape: &str, doc: &[u8]) -> Result<(), Error> {
    check_with(Service::Ecr, shape, doc, &Options::default())
}

/// The error of a rejected document, with every message short.
fn rejected(shape: &str, doc: &[u8]) -> Error {
    let err = check(shape, doc).expect_err("the document is rejected");
    assert!(err.total() > 0);
    for v in err.violations() {
        assert!(
            v.message.len() <= SHORT,
            "a {} byte message: {}",
            v.message.len(),
            cut(&v.message, 300)
        );
    }
    err
}

/// At most the first `max` bytes of `text`, cut at a character boundary.
fn cut(text: &str, max: usize) -> &str {
    let mut end = max.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// The (path, code) pairs of an error.
fn pairs(err: &Error) -> Vec<(&str, Code)> {
    err.violations()
        .iter()
        .map(|v| (v.path.as_str(), v.code))
        .collect()
}

/// The single violation of a rejected document: its path, code and message.
fn only(shape: &str, doc: &[u8]) -> (String, Code, String) {
    let err = rejected(shape, doc);
    assert_eq!(err.total(), 1, "{err:?}");
    let v = &err.violations()[0];
    (v.path.clone(), v.code, v.message.clone())
}

/// Asserts a `syntax` violation for the whole document.
fn assert_syntax(shape: &str, doc: &[u8]) -> String {
    let (path, code, message) = only(shape, doc);
    assert_eq!((path.as_str(), code), ("", Code::Syntax), "{message}");
    message
}

/// SplitMix64: deterministic bytes for the random-input attack.
fn random_bytes(seed: u64, len: usize) -> Vec<u8> {
    let mut state = seed;
    let mut out = Vec::with_capacity(len + 8);
    while out.len() < len {
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        out.extend((z ^ (z >> 31)).to_le_bytes());
    }
    out.truncate(len);
    out
}

fn nested(depth: usize, open: &str, close: &str) -> Vec<u8> {
    let mut doc = open.repeat(depth).into_bytes();
    doc.extend(close.repeat(depth).into_bytes());
    doc
}

// ---------------------------------------------------------------------------
// The command

/// What one run of the command did.
struct Run {
    /// The exit status; `None` when a signal ended it.
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

/// The first 2,000 bytes of `text` (or a little less), for failure messages.
fn head(text: &str) -> &str {
    cut(text, 2_000)
}

impl std::fmt::Debug for Run {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "exit {:?}\nstdout ({} bytes): {}\nstderr: {}",
            self.code,
            self.stdout.len(),
            head(&self.stdout),
            head(&self.stderr)
        )
    }
}

impl Run {
    /// Asserts the command refused the input the way hostile input must be
    /// refused: exit 1 or 2, something said, no panic.
    fn assert_refused(&self) {
        assert!(
            matches!(self.code, Some(1 | 2)),
            "exit {:?}, stderr {}",
            self.code,
            self.stderr
        );
        assert!(!self.stderr.contains("panicked"), "{}", self.stderr);
        assert!(
            self.stdout.contains("invalid")
                || self.stdout.contains(r#""valid":false"#)
                || !self.stderr.is_empty(),
            "nothing said: {self:?}"
        );
    }

    fn records(&self) -> Vec<Value> {
        self.stdout
            .lines()
            .map(|line| serde_json::from_str(line).expect("a JSON record"))
            .collect()
    }
}

/// Runs the command with `args`, `stdin` on standard input; kills it and
/// fails if it hangs.
fn run(args: &[&str], stdin: &[u8]) -> Run {
    let (mut child, writer) = spawn(args, stdin);
    let mut stdout = child.stdout.take().expect("stdout is piped");
    let mut stderr = child.stderr.take().expect("stderr is piped");
    let out = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = std::io::Read::read_to_end(&mut stdout, &mut buf);
        buf
    });
    let err = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = std::io::Read::read_to_end(&mut stderr, &mut buf);
        buf
    });
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("waiting on ecr-validate") {
            break status;
        }
        if started.elapsed() > HANG {
            let _ = child.kill();
            let _ = child.wait();
            panic!("ecr-validate {args:?} hung");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    writer.join().expect("stdin writer");
    Run {
        code: status.code(),
        stdout: String::from_utf8_lossy(&out.join().expect("stdout reader")).into_owned(),
        stderr: String::from_utf8_lossy(&err.join().expect("stderr reader")).into_owned(),
    }
}

/// Checks `doc` on standard input against `shape` in both formats: refused,
/// with the violation `code` in each.
fn cli_refuses(shape: &str, doc: &[u8], code: Code) -> (Run, Run) {
    let human = run(&["--shape", shape], doc);
    human.assert_refused();
    assert_eq!(human.code, Some(1), "{human:?}");
    assert!(
        human.stdout.contains(&format!("[{code}]")),
        "no [{code}] in {}",
        human.stdout
    );
    let json = run(&["--shape", shape, "--format", "json"], doc);
    json.assert_refused();
    let records = json.records();
    assert_eq!(records.len(), 1, "{}", json.stdout);
    assert_eq!(records[0]["valid"], false);
    assert!(
        records[0]["errors"]
            .as_array()
            .expect("errors")
            .iter()
            .any(|e| e["code"] == code.as_str()),
        "no {code} in {}",
        json.stdout
    );
    (human, json)
}

/// Runs `--shape CreateRepositoryRequest --jsonl` and `args`, `stdin` on
/// standard input.
fn request_jsonl(args: &[&str], stdin: &[u8]) -> Run {
    run(
        &[&["--shape", "CreateRepositoryRequest", "--jsonl"], args].concat(),
        stdin,
    )
}

/// Checks the file `file` against `shape` in both formats: refused (exit
/// 1), the report short and naming `code`.
fn cli_refuses_file(shape: &str, file: &str, code: Code) {
    for format in ["human", "json"] {
        let run = run(&["--shape", shape, "--format", format, file], b"");
        run.assert_refused();
        assert_eq!(run.code, Some(1), "{format}: {run:?}");
        assert!(
            run.stdout.contains(code.as_str()),
            "{format}: {}",
            run.stdout
        );
        assert!(run.stdout.len() < 2_000, "{format}: {}", run.stdout);
    }
}

// ---------------------------------------------------------------------------
// Malformed input

#[test]
fn empty_input_is_a_syntax_violation_at_line_1() {
    let err = rejected("CreateRepositoryRequest", b"");
    assert_eq!(pairs(&err), [("", Code::Syntax)]);
    assert_eq!(err.violations()[0].line, Some(1));
    assert!(err.violations()[0].message.contains("EOF"), "{err}");
    cli_refuses("CreateRepositoryRequest", b"", Code::Syntax);
}

#[test]
fn whitespace_only_input_is_a_syntax_violation() {
    let doc = b" \n\t\r\n   \n";
    let message = assert_syntax("CreateRepositoryRequest", doc);
    assert!(message.contains("EOF"), "{message}");
    cli_refuses("CreateRepositoryRequest", doc, Code::Syntax);
}

#[test]
fn a_byte_order_mark_before_a_valid_document_is_a_syntax_violation_at_column_1() {
    let mut doc = b"\xEF\xBB\xBF".to_vec();
    doc.extend(br#"{"repositoryName":"my-repo"}"#);
    assert!(check("CreateRepositoryRequest", &doc[3..]).is_ok());
    let err = rejected("CreateRepositoryRequest", &doc);
    assert_eq!(pairs(&err), [("", Code::Syntax)]);
    assert_eq!(
        (err.violations()[0].line, err.violations()[0].column),
        (Some(1), Some(1))
    );
    cli_refuses("CreateRepositoryRequest", &doc, Code::Syntax);
}

#[test]
fn invalid_utf8_inside_a_string_or_outside_is_a_syntax_violation() {
    for doc in [
        &b"{\"repositoryName\":\"my-\xff\xfe-repo\"}"[..],
        b"{\"repositoryName\":\"\xc3\"}",
        b"{\"repositoryName\":\"\xed\xa0\x80\"}", // an encoded surrogate
        b"\xff\xfe{}",
        b"{\"unknown\xff\":1}",
    ] {
        assert_syntax("CreateRepositoryRequest", doc);
        cli_refuses("CreateRepositoryRequest", doc, Code::Syntax);
    }
}

#[test]
fn truncated_json_is_a_syntax_violation_saying_eof() {
    let full = br#"{"repositoryName":"my-repo","tags":[{"Key":"k","Value":"v"}]}"#;
    for end in [1, 10, 20, 30, 45, full.len() - 1] {
        let message = assert_syntax("CreateRepositoryRequest", &full[..end]);
        assert!(message.contains("EOF"), "{end}: {message}");
    }
    cli_refuses("CreateRepositoryRequest", &full[..30], Code::Syntax);
}

#[test]
fn trailing_garbage_after_a_document_is_a_syntax_violation() {
    for doc in [
        &br#"{"repositoryName":"my-repo"} x"#[..],
        br#"{"repositoryName":"my-repo"}{}"#,
        br#"{"repositoryName":"my-repo"}]"#,
        b"{\"repositoryName\":\"my-repo\"}\n\n\x00",
    ] {
        let message = assert_syntax("CreateRepositoryRequest", doc);
        assert!(message.contains("trailing"), "{message}");
        cli_refuses("CreateRepositoryRequest", doc, Code::Syntax);
    }
}

#[test]
fn a_megabyte_of_random_bytes_is_a_syntax_violation() {
    let doc = random_bytes(0x5EED, 1 << 20);
    for shape in ["CreateRepositoryRequest", "DescribeImagesResponse"] {
        assert_syntax(shape, &doc);
    }
    let (_dir, file) = TempDir::with_file("random", "random.bin", &doc);
    cli_refuses_file("DescribeImagesResponse", &file, Code::Syntax);
    // As JSON Lines: every line judged, all invalid, nothing printed raw.
    let run = run(
        &[
            "--shape",
            "DescribeImagesResponse",
            "--jsonl",
            "--format",
            "json",
            &file,
        ],
        b"",
    );
    run.assert_refused();
    assert!(run.records().iter().all(|r| r["valid"] == false));
}

// ---------------------------------------------------------------------------
// Depth

/// No depth limit: what the readers do with any depth, without recursing.
fn unlimited() -> Options {
    Options::default().max_depth(usize::MAX)
}

/// The single violation of a document refused at the depth limit.
fn too_deep(shape: &str, doc: &[u8]) {
    let err = refused_with(shape, doc, &Options::default());
    assert_eq!(pairs(&err), [("", Code::Limit)], "{shape}: {err}");
    let message = &err.violations()[0].message;
    assert!(message.contains("1000 levels"), "{message}");
}

#[test]
fn two_hundred_thousand_nested_arrays_are_refused_at_the_depth_limit_and_never_overflow_the_stack()
{
    // Well-formed but not an object: without a depth limit, a type
    // violation, found without recursing (skipped values are walked
    // iteratively); with the default limit, refused at level 1,001.
    let doc = nested(200_000, "[", "]");
    let err = refused_with("CreateRepositoryRequest", &doc, &unlimited());
    assert_eq!(pairs(&err), [("", Code::Type)], "{err}");
    too_deep("CreateRepositoryRequest", &doc);
    // Inside a member of any type, the same.
    let deep = nested(200_000, "[", "]");
    for (shape, before, after, path) in [
        (
            "CreateRepositoryRequest",
            r#"{"repositoryName":"#,
            "}",
            "/repositoryName",
        ),
        (
            "BatchGetImageRequest",
            r#"{"repositoryName":"my-repo","imageIds":["#,
            "]}",
            "/imageIds/0",
        ),
        (
            "DescribeImagesResponse",
            r#"{"imageDetails":["#,
            "]}",
            "/imageDetails/0",
        ),
    ] {
        let doc = [before.as_bytes(), &deep, after.as_bytes()].concat();
        let err = refused_with(shape, &doc, &unlimited());
        assert_eq!(pairs(&err), [(path, Code::Type)], "{shape}: {err}");
        too_deep(shape, &doc);
    }
    // Unclosed: the document ends early, or passes the limit first.
    let doc = "[".repeat(200_000);
    let err = refused_with("CreateRepositoryRequest", doc.as_bytes(), &unlimited());
    assert_eq!(pairs(&err), [("", Code::Syntax)], "{err}");
    too_deep("CreateRepositoryRequest", doc.as_bytes());

    let (_dir, file) = TempDir::with_file("deep-arrays", "deep.json", nested(200_000, "[", "]"));
    let deep = run(&["--shape", "CreateRepositoryRequest", &file], b"");
    deep.assert_refused();
    assert!(deep.stdout.contains("[limit]"), "{}", deep.stdout);
}

#[test]
fn two_hundred_thousand_nested_objects_in_an_unknown_member_are_refused_at_the_depth_limit() {
    let open = r#"{"a":"#.repeat(200_000);
    let close = "}".repeat(200_000);
    let doc = format!("{open}1{close}");
    // Without a limit, an unknown member is skipped (default) or refused
    // (strict), walked without recursion either way; the required member
    // is missing.
    let err = refused_with("CreateRepositoryRequest", doc.as_bytes(), &unlimited());
    assert_eq!(pairs(&err), [("/repositoryName", Code::Required)]);
    let err = refused_with(
        "CreateRepositoryRequest",
        doc.as_bytes(),
        &unlimited().strict(true),
    );
    assert_eq!(
        pairs(&err),
        [
            ("/a", Code::UnknownField),
            ("/repositoryName", Code::Required)
        ]
    );
    // With the default limit, the depth inside a member the model lacks is
    // refused too: it is not `valid` because nothing reads it.
    let doc = format!(
        r#"{{"repositoryName":"abc","x":{}}}"#,
        "[".repeat(200_000) + &"]".repeat(200_000)
    );
    too_deep("CreateRepositoryRequest", doc.as_bytes());
    // As the value of a structure member: the structure reads the outer
    // object, and the depth below its unknown member is skipped.
    let doc =
        format!(r#"{{"repositoryName":"my-repo","encryptionConfiguration":{open}null{close}}}"#);
    let err = refused_with("CreateRepositoryRequest", doc.as_bytes(), &unlimited());
    assert_eq!(
        pairs(&err),
        [("/encryptionConfiguration/encryptionType", Code::Required)]
    );
    too_deep("CreateRepositoryRequest", doc.as_bytes());

    let (_dir, file) = TempDir::with_file("deep-objects", "deep.json", &doc);
    let deep = run(
        &["--shape", "CreateRepositoryRequest", "--strict", &file],
        b"",
    );
    deep.assert_refused();
    assert!(deep.stdout.contains("[limit]"), "{}", deep.stdout);
}

#[test]
fn a_50_mb_repository_name_is_a_length_violation_with_a_short_message() {
    let name = "a".repeat(50_000_000);
    let doc = format!(r#"{{"repositoryName":"{name}"}}"#);
    let (path, code, message) = only("CreateRepositoryRequest", doc.as_bytes());
    assert_eq!((path.as_str(), code), ("/repositoryName", Code::Length));
    assert!(
        message.len() < 200,
        "{}",
        &message[..300.min(message.len())]
    );
    assert!(message.contains("50000000"), "{message}");

    // Breaking the pattern too: both are reported, the quote is cut short.
    let bad = format!(r#"{{"repositoryName":"A{name}"}}"#);
    let err = rejected("CreateRepositoryRequest", bad.as_bytes());
    assert_eq!(
        pairs(&err),
        [
            ("/repositoryName", Code::Length),
            ("/repositoryName", Code::Pattern)
        ]
    );
    let pattern = &err.violations()[1].message;
    assert!(
        pattern.contains("and 49999901 more characters"),
        "{pattern}"
    );

    let (_dir, file) = TempDir::with_file("huge-string", "huge.json", &bad);
    cli_refuses_file("CreateRepositoryRequest", &file, Code::Length);
}

#[test]
fn a_million_image_ids_where_100_are_allowed_is_one_items_violation() {
    let mut doc = br#"{"repositoryName":"my-repo","imageIds":["#.to_vec();
    for i in 0..1_000_000 {
        if i > 0 {
            doc.push(b',');
        }
        doc.extend(br#"{"imageTag":"t"}"#);
    }
    doc.extend(b"]}");
    let (path, code, message) = only("BatchGetImageRequest", &doc);
    assert_eq!((path.as_str(), code), ("/imageIds", Code::Items));
    assert_eq!(message, "expected at most 100 items, found 1000000");

    let (_dir, file) = TempDir::with_file("million-items", "million.json", &doc);
    let run = run(&["--shape", "BatchGetImageRequest", &file], b"");
    run.assert_refused();
    assert!(
        run.stdout
            .contains("/imageIds: expected at most 100 items, found 1000000 [items]"),
        "{}",
        run.stdout
    );
}

#[test]
fn a_hundred_thousand_items_breaking_two_rules_list_1000_violations_and_count_the_rest() {
    let items = vec![r#""A""#; 100_000].join(",");
    let doc = format!(r#"{{"repositoryNames":[{items}]}}"#);
    let err = check("DescribeRepositoriesRequest", doc.as_bytes()).expect_err("refused");
    // Each item: too short and not the pattern; and the list is too long.
    assert_eq!(err.total(), 200_001);
    assert_eq!(err.violations().len(), 1_000);
    assert_eq!(err.omitted(), 199_001);
    assert_eq!(
        pairs(&err)[..2],
        [
            ("/repositoryNames/0", Code::Length),
            ("/repositoryNames/0", Code::Pattern)
        ]
    );
    assert!(format!("{err:#}").ends_with("... and 199001 more"));

    let (_dir, file) = TempDir::with_file("many-violations", "many.json", &doc);
    let human = run(&["--shape", "DescribeRepositoriesRequest", &file], b"");
    human.assert_refused();
    assert!(
        human.stdout.contains("invalid (200001 violations)"),
        "{}",
        &human.stdout[..200]
    );
    assert!(human.stdout.contains("  ... and 199001 more\n"));
    // The headline, each listed violation on a line with four more for its
    // place (`-->`, a margin, the source line, the underline), the count of
    // the rest, the summary.
    assert_eq!(human.stdout.lines().count(), 1 + 1_000 * 5 + 1 + 1);
    let json = run(
        &[
            "--shape",
            "DescribeRepositoriesRequest",
            "--format",
            "json",
            &file,
        ],
        b"",
    );
    json.assert_refused();
    let records = json.records();
    assert_eq!(records[0]["errors"].as_array().map(Vec::len), Some(1_000));
    assert_eq!(records[0]["omitted"], 199_001);
}

// ---------------------------------------------------------------------------
// Numbers

#[test]
fn numbers_beyond_f64_are_syntax_violations() {
    for n in ["1e400", "-1e400", "1.7976931348623157e309"] {
        for doc in [
            format!(r#"{{"maxResults":{n}}}"#),
            format!(r#"{{"imageDetails":[{{"imageSizeInBytes":{n}}}]}}"#),
        ] {
            let shape = if doc.contains("maxResults") {
                "DescribeRepositoriesRequest"
            } else {
                "DescribeImagesResponse"
            };
            let message = assert_syntax(shape, doc.as_bytes());
            assert!(message.contains("number out of range"), "{message}");
        }
    }
    cli_refuses(
        "DescribeRepositoriesRequest",
        br#"{"maxResults":1e400}"#,
        Code::Syntax,
    );
}

#[test]
fn minus_zero_is_the_integer_zero() {
    // 0 is outside maxResults' 1..=1000, and a fine image size.
    let (path, code, message) = only("DescribeRepositoriesRequest", br#"{"maxResults":-0}"#);
    assert_eq!((path.as_str(), code), ("/maxResults", Code::Range));
    assert!(
        message.ends_with("is outside the range 1..=1000"),
        "{message}"
    );
    for n in ["-0", "-0.0", "0e5", "-0E-3"] {
        let doc = format!(r#"{{"imageDetails":[{{"imageSizeInBytes":{n}}}]}}"#);
        assert!(
            check("DescribeImagesResponse", doc.as_bytes()).is_ok(),
            "{n}"
        );
    }
}

/// Asserts that the number `n` is refused with `code` alone both as an
/// image size and as `maxResults`; gives the message of the latter.
fn number_refused(n: &str, code: Code) -> String {
    let size = format!(r#"{{"imageDetails":[{{"imageSizeInBytes":{n}}}]}}"#);
    let (path, got, message) = only("DescribeImagesResponse", size.as_bytes());
    let at = "/imageDetails/0/imageSizeInBytes";
    assert_eq!((path.as_str(), got), (at, code), "{n}: {message}");
    let max = format!(r#"{{"maxResults":{n}}}"#);
    let (path, got, message) = only("DescribeRepositoriesRequest", max.as_bytes());
    assert_eq!(
        (path.as_str(), got),
        ("/maxResults", code),
        "{n}: {message}"
    );
    message
}

#[test]
fn integers_beyond_i64_are_range_violations() {
    for n in [
        "9223372036854775808",
        "18446744073709551616",
        "-9223372036854775809",
        "9223372036854775808.0",
        "1e19",
    ] {
        number_refused(n, Code::Range);
    }
    // The limits themselves are in range.
    for n in ["9223372036854775807", "-9223372036854775808"] {
        let doc = format!(r#"{{"imageDetails":[{{"imageSizeInBytes":{n}}}]}}"#);
        assert!(
            check("DescribeImagesResponse", doc.as_bytes()).is_ok(),
            "{n}"
        );
    }
    cli_refuses(
        "DescribeRepositoriesRequest",
        br#"{"maxResults":9223372036854775808}"#,
        Code::Range,
    );
}

#[test]
fn fractions_where_an_integer_is_required_are_type_violations() {
    for n in ["1.5", "0.1", "999.9999", "1e-3", "-2.5", "1.0000001"] {
        let message = number_refused(n, Code::Type);
        assert!(message.starts_with("expected an integer"), "{message}");
    }
    // An integral fraction is an integer, as JSON Schema sees it.
    assert!(check("DescribeRepositoriesRequest", br#"{"maxResults":1.0}"#).is_ok());
    assert!(check("DescribeRepositoriesRequest", br#"{"maxResults":1e2}"#).is_ok());
    cli_refuses(
        "DescribeRepositoriesRequest",
        br#"{"maxResults":1.5}"#,
        Code::Type,
    );
}

// ---------------------------------------------------------------------------
// Duplicates, escapes

#[test]
fn a_member_given_twice_is_a_duplicate_violation() {
    let doc = br#"{"repositoryName":"my-repo","repositoryName":"my-repo"}"#;
    let (path, code, _) = only("CreateRepositoryRequest", doc);
    assert_eq!((path.as_str(), code), ("/repositoryName", Code::Duplicate));
    // Nested, in a list item, and spelled through an escape.
    let doc = br#"{"repositoryName":"my-repo","imageIds":[{"imageTag":"a","image\u0054ag":"b"}]}"#;
    let (path, code, _) = only("BatchGetImageRequest", doc);
    assert_eq!(
        (path.as_str(), code),
        ("/imageIds/0/imageTag", Code::Duplicate)
    );
    // An error's message given twice (`message` and `Message` are two
    // members, and may both be given: see tests/errors.rs).
    let doc = br#"{"__type":"RepositoryNotFoundException","Message":"a","Message":"b"}"#;
    let (path, code, _) = only("RepositoryNotFoundException", doc);
    assert_eq!((path.as_str(), code), ("/Message", Code::Duplicate));
    cli_refuses(
        "CreateRepositoryRequest",
        br#"{"repositoryName":"my-repo","repositoryName":"other"}"#,
        Code::Duplicate,
    );
}

#[test]
fn a_lone_surrogate_escape_in_a_string_member_is_a_syntax_violation_and_skipped_elsewhere() {
    for escape in [r"\ud800", r"\udfff", r"\ud800\u0041", r"a\udbff"] {
        let doc = format!(r#"{{"repositoryName":"{escape}"}}"#);
        let message = assert_syntax("CreateRepositoryRequest", doc.as_bytes());
        assert!(
            message.contains("surrogate") || message.contains("hex escape"),
            "{message}"
        );
        // In an unconstrained string too: it cannot be held as a string.
        let doc = format!(r#"{{"__type":"RepositoryNotFoundException","message":"{escape}"}}"#);
        assert_syntax("RepositoryNotFoundException", doc.as_bytes());
    }
    // In a member the model does not define, the value is skipped unread,
    // as a JSON Schema validator would accept it: valid by default, and
    // only `unknown_field` in strict mode. The same for 1e400.
    for value in [r#""\ud800""#, "1e400", r#"[1e400,"\udfff"]"#] {
        let doc = format!(r#"{{"repositoryName":"my-repo","x":{value}}}"#);
        assert!(
            check("CreateRepositoryRequest", doc.as_bytes()).is_ok(),
            "{doc}"
        );
        let err = refused_with(
            "CreateRepositoryRequest",
            doc.as_bytes(),
            &Options::default().strict(true),
        );
        assert_eq!(pairs(&err), [("/x", Code::UnknownField)]);
    }
    // A surrogate pair is one character.
    assert!(check(
        "CreateRepositoryRequest",
        br#"{"repositoryName":"my-repo","tags":[{"Key":"\ud83d\ude00","Value":"v"}]}"#
    )
    .is_ok());
    cli_refuses(
        "CreateRepositoryRequest",
        br#"{"repositoryName":"\ud800"}"#,
        Code::Syntax,
    );
}

#[test]
fn a_nul_breaks_the_repository_name_pattern_is_quoted_escaped_and_is_valid_where_unconstrained() {
    let (path, code, message) = only(
        "CreateRepositoryRequest",
        br#"{"repositoryName":"my\u0000repo"}"#,
    );
    assert_eq!((path.as_str(), code), ("/repositoryName", Code::Pattern));
    assert!(
        message.starts_with(r#""my\u0000repo" does not match"#),
        "{message}"
    );
    assert!(!message.contains('\0'));
    // An unconstrained string may hold any character.
    let doc = br#"{"authorizationData":[{"proxyEndpoint":"a\u0000b"}]}"#;
    assert!(check("GetAuthorizationTokenResponse", doc).is_ok());
    let doc = br#"{"__type":"RepositoryNotFoundException","message":"\u0000"}"#;
    assert!(check("RepositoryNotFoundException", doc).is_ok());
    // A raw NUL byte in a string is a control character: not JSON.
    let message = assert_syntax(
        "CreateRepositoryRequest",
        b"{\"repositoryName\":\"my\x00repo\"}",
    );
    assert!(message.contains("control character"), "{message}");

    let (human, json) = cli_refuses(
        "CreateRepositoryRequest",
        br#"{"repositoryName":"my\u0000repo"}"#,
        Code::Pattern,
    );
    assert!(!human.stdout.contains('\0') && !json.stdout.contains('\0'));
    assert!(
        human.stdout.contains(r#""my\u0000repo""#),
        "{}",
        human.stdout
    );
}

// ---------------------------------------------------------------------------
// JSON Lines

#[test]
fn one_broken_line_among_thousands_is_reported_by_number_and_the_rest_are_judged() {
    let lines = 5_000;
    let broken = 2_718;
    let mut input = String::new();
    for line in 1..=lines {
        if line == broken {
            input.push_str("{\"repositoryName\":\"my-repo\",\n");
        } else {
            input.push_str(&format!("{{\"repositoryName\":\"repo-{line}\"}}\n"));
        }
    }
    let (_dir, file) = TempDir::with_file("jsonl", "in.jsonl", &input);
    let human = request_jsonl(&[&file], b"");
    human.assert_refused();
    assert_eq!(human.code, Some(1));
    let invalid: Vec<&str> = human
        .stdout
        .lines()
        .filter(|l| l.contains(": invalid"))
        .collect();
    assert_eq!(invalid, [format!("{file}:{broken}: invalid (1 violation)")]);
    assert!(human
        .stdout
        .contains(&format!("{file}:{}: valid\n", broken + 1)));
    assert!(human.stdout.ends_with(&format!(
        "{lines} documents: {} valid, 1 invalid\n",
        lines - 1
    )));

    let json = request_jsonl(&["--format", "json", "-"], input.as_bytes());
    json.assert_refused();
    let records = json.records();
    assert_eq!(records.len(), lines);
    for (i, record) in records.iter().enumerate() {
        assert_eq!(record["source"], "-");
        assert_eq!(record["line"], i + 1);
        assert_eq!(record["valid"], i + 1 != broken, "{record}");
    }
    assert_eq!(records[broken - 1]["errors"][0]["code"], "syntax");
}

#[test]
fn json_lines_judges_every_line_of_a_long_input_in_order() {
    // 100,000 lines, 25 MB: several of the command's read batches, far more
    // than is ever held at once.
    let line = format!(
        "{{\"repositoryName\":\"my-repo\",\"tags\":[{{\"Key\":\"k\",\"Value\":\"{}\"}}]}}\n",
        "v".repeat(200)
    );
    let lines = 100_000;
    let mut input = line.repeat(lines);
    // One invalid line near the end.
    input.push_str("{\"repositoryName\":\"X\"}\n");
    let (_dir, file) = TempDir::with_file("jsonl-long", "long.jsonl", input);
    let human = request_jsonl(&[&file], b"");
    assert_eq!(human.code, Some(1), "{human:?}");
    assert!(human.stdout.ends_with(&format!(
        "{} documents: {lines} valid, 1 invalid\n",
        lines + 1
    )));
    let json = request_jsonl(&["--format", "json", &file], b"");
    let records = json.records();
    assert_eq!(records.len(), lines + 1);
    for (i, record) in records.iter().enumerate() {
        assert_eq!(record["source"], file.as_str());
        assert_eq!(record["line"], i + 1);
        assert_eq!(record["valid"], i < lines, "{record}");
    }
}

#[test]
fn json_lines_judges_a_line_longer_than_a_read_batch_in_its_place() {
    // 20 MB on one line between short ones: longer than the command's 8 MB
    // batches, judged in its place with its line number.
    let mut input = String::from("{\"repositoryName\":\"first\"}\n");
    input.push_str(&format!(
        "{{\"repositoryName\":\"{}\"}}\n",
        "a".repeat(20_000_000)
    ));
    for _ in 0..1_000 {
        input.push_str("{\"repositoryName\":\"after\"}\n");
    }
    input.push_str("{\"repositoryName\":\"Last\"}");
    let (_dir, file) = TempDir::with_file("jsonl-long-line", "long-line.jsonl", input);
    let run = request_jsonl(&[&file], b"");
    run.assert_refused();
    let invalid: Vec<&str> = run
        .stdout
        .lines()
        .filter(|l| l.contains(": invalid"))
        .collect();
    assert_eq!(
        invalid,
        [
            format!("{file}:2: invalid (1 violation)"),
            format!("{file}:1003: invalid (1 violation)")
        ]
    );
    assert!(run.stdout.len() < 100_000, "{} bytes", run.stdout.len());
    assert!(run
        .stdout
        .ends_with("1003 documents: 1001 valid, 2 invalid\n"));
}

// ---------------------------------------------------------------------------
// Credentials

const TOKEN: &str = "QVdTOnNlY3JldC10b2tlbi1kby1ub3QtbGVhaw==";
const SPACED_TOKEN: &str = "QVdTOnNlY3JldC1 0b2tlbi1kby1ub3QtbGVhaw==";

/// Parts of a token that must not show anywhere.
fn leaks(text: &str, token: &str) -> bool {
    token
        .split(' ')
        .filter(|part| part.len() >= 8)
        .any(|part| text.contains(part))
        || text.contains(&token[..12])
}

fn token_documents(token: &str) -> Vec<(Service, String)> {
    vec![
        (
            Service::Ecr,
            format!(
                r#"{{"authorizationData":[{{"authorizationToken":"{token}","expiresAt":1700043220.562,"proxyEndpoint":"https://123456789012.dkr.ecr.us-east-1.amazonaws.com"}}]}}"#
            ),
        ),
        (
            Service::EcrPublic,
            format!(
                r#"{{"authorizationData":{{"authorizationToken":"{token}","expiresAt":1700043220.562}}}}"#
            ),
        ),
    ]
}

#[test]
fn a_valid_authorization_token_never_shows_in_debug_output() {
    let (_, doc) = &token_documents(TOKEN)[0];
    let response: GetAuthorizationTokenResponse = from_json(doc).expect("valid");
    let data = &response.authorization_data.as_ref().expect("data")[0];
    assert_eq!(data.authorization_token.as_deref(), Some(TOKEN));
    for shown in [
        format!("{response:?}"),
        format!("{response:#?}"),
        format!("{data:?}"),
        format!("{:?}", AuthorizationData::clone(data)),
    ] {
        assert!(!leaks(&shown, TOKEN), "{shown}");
        assert!(shown.contains("redacted"), "{shown}");
    }
    let (_, doc) = &token_documents(TOKEN)[1];
    let response: ecr_models::ecr_public::GetAuthorizationTokenResponse =
        from_json(doc).expect("valid");
    let shown = format!("{response:?}");
    assert!(!leaks(&shown, TOKEN), "{shown}");
}

#[test]
fn an_invalid_authorization_token_is_a_pattern_violation_that_never_quotes_it() {
    for (service, doc) in token_documents(SPACED_TOKEN) {
        for opts in [Options::default(), Options::default().strict(true)] {
            let err = check_with(
                service,
                "GetAuthorizationTokenResponse",
                doc.as_bytes(),
                &opts,
            )
            .expect_err("a token with a space breaks ^\\S+$");
            assert_eq!(err.violations()[0].code, Code::Pattern, "{err}");
            assert!(err.violations()[0].path.ends_with("/authorizationToken"));
            for shown in [err.to_string(), format!("{err:?}"), format!("{err:#?}")] {
                assert!(!leaks(&shown, SPACED_TOKEN), "{shown}");
            }
        }
    }
    // Typed reading says the same.
    let (_, doc) = &token_documents(SPACED_TOKEN)[0];
    let err = from_json::<GetAuthorizationTokenResponse>(doc).expect_err("invalid");
    assert!(!leaks(&format!("{err:?} {err}"), SPACED_TOKEN));
}

#[test]
fn an_authorization_token_never_shows_in_the_command_output_valid_or_not() {
    let dir = TempDir::new("token");
    let tokens = [
        TOKEN.to_string(),
        SPACED_TOKEN.to_string(),
        format!("{TOKEN}\\n"),
        format!(" {}", "x".repeat(150)),
    ];
    for token in &tokens {
        for (service, doc) in token_documents(token) {
            // Broken in other ways too: a duplicate, an unknown member, a bad
            // expiry, and the document cut short inside the token.
            let duplicated = doc.replacen(
                "\"authorizationToken\"",
                &format!("\"authorizationToken\":\"{token}\",\"authorizationToken\""),
                1,
            );
            let extra = doc.replacen(
                "{\"authorizationToken\"",
                "{\"x\":1,\"authorizationToken\"",
                1,
            );
            let expired = doc.replace("1700043220.562", "\"soon\"");
            let cut = &doc[..doc.find(token).expect("token") + token.len() / 2];
            for (i, body) in [doc.as_str(), &duplicated, &extra, &expired, cut]
                .into_iter()
                .enumerate()
            {
                let file = dir.file(&format!("{}-{i}.json", service.name()), body);
                for format in ["human", "json"] {
                    for strict in [false, true] {
                        let mut args = vec![
                            "--service",
                            service.name(),
                            "--operation",
                            "GetAuthorizationToken",
                            "--output",
                            "--format",
                            format,
                            &file,
                        ];
                        if strict {
                            args.push("--strict");
                        }
                        let run = run(&args, b"");
                        assert!(matches!(run.code, Some(0 | 1)), "{run:?}");
                        let token = token.replace("\\n", "");
                        assert!(
                            !leaks(&run.stdout, &token) && !leaks(&run.stderr, &token),
                            "{args:?}: {}{}",
                            run.stdout,
                            run.stderr
                        );
                    }
                }
            }
        }
    }
}
