//! A closed standard output (`ecr-validate ... | head`) ends every
//! subcommand the same way: quietly (nothing on standard error but what
//! the run said before), with the status of what was judged before the
//! pipe closed. Each run below has its reader close the pipe while the
//! command still writes (after the first bytes of a large output), or
//! before it writes anything (the subcommands whose output is small).
//! Each is built so that its status is the same whenever the pipe closes:
//! an invalid item comes first, or every item is valid.

use std::io::Read;

use serde_json::Value;

mod common;

use common::{repository_file, spawn, TempDir};

/// How a run cut short ended: its exit status and standard error.
#[derive(Debug)]
struct Cut {
    code: i32,
    stderr: String,
}

/// Runs `ecr-validate args`, reads the first `read` bytes of its standard
/// output (none: the pipe is closed before it writes), then closes it.
fn closed_after(args: &[&str], read: usize) -> Cut {
    let (mut child, writer) = spawn(args, b"");
    let mut stdout = child.stdout.take().expect("stdout is piped");
    let mut first = vec![0; read];
    stdout.read_exact(&mut first).expect("the first bytes");
    drop(stdout);
    let output = child.wait_with_output().expect("ecr-validate runs");
    writer.join().expect("stdin writer");
    Cut {
        code: output
            .status
            .code()
            .expect("exited, not killed by a signal"),
        stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
    }
}

/// Asserts that `ecr-validate args` ends quietly with `code` when its
/// standard output closes after each of `reads` bytes.
fn ends_quietly(args: &[&str], reads: &[usize], code: i32) {
    for &read in reads {
        let cut = closed_after(args, read);
        assert_eq!(
            (cut.code, cut.stderr.as_str()),
            (code, ""),
            "{:?}, closed after {read} bytes: {cut:?}",
            &args[..args.len().min(8)]
        );
    }
}

/// Before the command writes, and after its first 100 bytes.
const EARLY_AND_LATE: &[usize] = &[0, 100];

const VALID_LINE: &str = "{\"repositoryName\":\"my-repo\"}\n";
const INVALID_LINE: &str = "{\"repositoryName\":\"MyRepo\"}\n";

#[test]
fn the_main_command_exits_0_when_what_it_reported_was_valid() {
    let (_dir, file) = TempDir::with_file("main-valid", "many.jsonl", VALID_LINE.repeat(100_000));
    let args = ["--shape", "CreateRepositoryRequest", "--jsonl", &file];
    ends_quietly(&args, &[100, 0], 0);
}

#[test]
fn the_main_command_exits_1_when_an_invalid_document_came_before_the_pipe_closed() {
    let dir = TempDir::new("main-invalid");
    let text = format!("{INVALID_LINE}{}", VALID_LINE.repeat(100_000));
    let file = dir.file("many.jsonl", text);
    for format in ["human", "json"] {
        let args = [
            "--shape",
            "CreateRepositoryRequest",
            "--jsonl",
            "--format",
            format,
            &file,
        ];
        ends_quietly(&args, EARLY_AND_LATE, 1);
    }
}

#[test]
fn the_main_command_exits_2_after_an_unreadable_input_saying_only_that() {
    let (dir, file) =
        TempDir::with_file("main-unreadable", "many.jsonl", VALID_LINE.repeat(100_000));
    let gone = dir.0.join("gone.json");
    let gone = gone.to_str().expect("UTF-8 temp path");
    let args = ["--shape", "CreateRepositoryRequest", "--jsonl", gone, &file];
    let cut = closed_after(&args, 100);
    assert_eq!(cut.code, 2, "{cut:?}");
    assert_eq!(
        cut.stderr,
        format!("ecr-validate: {gone}: No such file or directory (os error 2)\n")
    );
}

#[test]
fn generate_exits_0() {
    let args = [
        "generate",
        "--shape",
        "DescribeImagesResponse",
        "--count",
        "100000",
    ];
    ends_quietly(&args, EARLY_AND_LATE, 0);
}

#[test]
fn inspect_exits_0() {
    ends_quietly(&["inspect", "DescribeImagesResponse"], &[0], 0);
    let args = [
        "inspect",
        "--format",
        "json",
        "--operation",
        "DescribeImages",
    ];
    ends_quietly(&args, &[0], 0);
}

#[test]
fn check_exits_with_its_verdict() {
    ends_quietly(&["check", "--shape", "RepositoryName", "my-repo"], &[0], 0);
    ends_quietly(&["check", "--shape", "RepositoryName", "MyRepo"], &[0], 1);
}

#[test]
fn ref_exits_with_the_status_of_the_references_checked_before() {
    let dir = TempDir::new("ref");
    let good = "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1\n".repeat(100_000);
    let valid = dir.file("valid.txt", &good);
    let invalid = dir.file("invalid.txt", format!("Not/A/Reference!\n{good}"));
    for format in ["human", "json"] {
        for (file, code) in [(&valid, 0), (&invalid, 1)] {
            let args = ["ref", "--format", format, "--lines", file];
            ends_quietly(&args, EARLY_AND_LATE, code);
        }
    }
}

#[test]
fn wait_state_exits_with_the_status_of_the_responses_checked_before() {
    let dir = TempDir::new("wait-state");
    let complete = repository_file("docs/examples/scan-COMPLETE.json");
    let invalid = dir.file("invalid.json", r#"{"imageScanStatus": {"status": 7}}"#);
    let mut args = vec!["wait-state", "--waiter", "image_scan_complete"];
    args.extend(std::iter::repeat_n(complete.as_str(), 3000));
    ends_quietly(&args, EARLY_AND_LATE, 0);
    args.insert(3, &invalid);
    ends_quietly(&args, EARLY_AND_LATE, 1);
}

#[test]
fn merge_pages_exits_0_while_printing_the_merge_and_1_while_reporting_invalid_pages() {
    let dir = TempDir::new("merge-pages");
    let ids: Vec<String> = (0..1000)
        .map(|i| format!("{{\"imageTag\":\"t{i}\"}}"))
        .collect();
    let page = format!("{{\"imageIds\":[{}],\"nextToken\":\"t\"}}\n", ids.join(","));
    let pages = dir.file("pages.jsonl", page.repeat(100));
    let bad = dir.file(
        "bad.jsonl",
        "{\"imageIds\":[{\"imageTag\":1}]}\n".repeat(10_000),
    );
    for (file, code) in [(&pages, 0), (&bad, 1)] {
        let args = ["merge-pages", "--operation", "list_images", file];
        ends_quietly(&args, EARLY_AND_LATE, code);
    }
}

#[test]
fn traffic_exits_with_the_status_of_the_exchanges_checked_before() {
    let dir = TempDir::new("traffic");
    // The moto recording's first exchange, a valid CreateRepository, alone.
    let har = std::fs::read_to_string(repository_file("tests/recordings/moto.har"))
        .expect("the recording");
    let mut har: Value = serde_json::from_str(&har).expect("a HAR is JSON");
    let entries = har["log"]["entries"].as_array_mut().expect("entries");
    entries.truncate(1);
    let valid = dir.file("valid.har", har.to_string());
    // The same with a repository name in capitals: an invalid request.
    let text = har.to_string();
    let broken = text.replacen("team/app", "Team/App", 1);
    assert_ne!(broken, text, "the exchange names a repository");
    let invalid = dir.file("invalid.har", broken);
    let mut args = vec!["traffic"];
    args.extend(std::iter::repeat_n(valid.as_str(), 3000));
    for format in ["human", "json"] {
        let mut with_format = args.clone();
        with_format.extend(["--format", format]);
        ends_quietly(&with_format, EARLY_AND_LATE, 0);
    }
    args.insert(1, &invalid);
    ends_quietly(&args, EARLY_AND_LATE, 1);
}
