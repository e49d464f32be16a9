//! A closed standard output (`ecr-validate ... | head`) ends every
//! subcommand the same way: quietly (nothing on standard error but what
//! the run said before), with the status of what was judged before the
//! pipe closed. Each run below has its reader close the pipe while the
//! command still writes (after the first bytes of a large output), or
//! before it writes anything (the subcommands whose output is small).
//! Each is built so that its status is the same whenever the pipe closes:
//! an invalid item comes first, or every item is valid.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_ecr-validate");

/// How a run cut short ended: its exit status and standard error.
#[derive(Debug)]
struct Cut {
    code: i32,
    stderr: String,
}

/// Runs `ecr-validate args`, reads the first `read` bytes of its standard
/// output (none: the pipe is closed before it writes), then closes it.
fn closed_after(args: &[&str], read: usize) -> Cut {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("ecr-validate starts");
    let mut stdout = child.stdout.take().expect("stdout is piped");
    let mut first = vec![0; read];
    stdout.read_exact(&mut first).expect("the first bytes");
    drop(stdout);
    let output = child.wait_with_output().expect("ecr-validate runs");
    Cut {
        code: output
            .status
            .code()
            .expect("exited, not killed by a signal"),
        stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
    }
}

/// A directory of its own per test, removed afterwards.
struct TempDir(PathBuf);

impl TempDir {
    fn new(test: &str) -> TempDir {
        let dir = std::env::temp_dir().join(format!(
            "ecr-validate-closed-pipe-{}-{test}",
            std::process::id()
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temp dir");
        TempDir(dir)
    }

    /// Writes `contents` to `name` in the directory; gives its path.
    fn file(&self, name: &str, contents: impl AsRef<[u8]>) -> String {
        let path = self.0.join(name);
        std::fs::write(&path, contents).expect("write input");
        path.to_str().expect("UTF-8 temp path").to_string()
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A file of the repository, as an argument.
fn repository_file(path: &str) -> String {
    let full = Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(path);
    full.to_str().expect("UTF-8 path").to_string()
}

const VALID_LINE: &str = "{\"repositoryName\":\"my-repo\"}\n";
const INVALID_LINE: &str = "{\"repositoryName\":\"MyRepo\"}\n";

#[test]
fn the_main_command_exits_0_when_what_it_reported_was_valid() {
    let dir = TempDir::new("main-valid");
    let file = dir.file("many.jsonl", VALID_LINE.repeat(100_000));
    let cut = closed_after(
        &["--shape", "CreateRepositoryRequest", "--jsonl", &file],
        100,
    );
    assert_eq!((cut.code, cut.stderr.as_str()), (0, ""), "{cut:?}");
    let cut = closed_after(&["--shape", "CreateRepositoryRequest", "--jsonl", &file], 0);
    assert_eq!((cut.code, cut.stderr.as_str()), (0, ""), "{cut:?}");
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
        for read in [0, 100] {
            let cut = closed_after(&args, read);
            assert_eq!(
                (cut.code, cut.stderr.as_str()),
                (1, ""),
                "{format}: {cut:?}"
            );
        }
    }
}

#[test]
fn the_main_command_exits_2_after_an_unreadable_input_saying_only_that() {
    let dir = TempDir::new("main-unreadable");
    let file = dir.file("many.jsonl", VALID_LINE.repeat(100_000));
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
    for read in [0, 100] {
        let cut = closed_after(&args, read);
        assert_eq!((cut.code, cut.stderr.as_str()), (0, ""), "{cut:?}");
    }
}

#[test]
fn inspect_exits_0() {
    for args in [
        &["inspect", "DescribeImagesResponse"][..],
        &[
            "inspect",
            "--format",
            "json",
            "--operation",
            "DescribeImages",
        ],
    ] {
        let cut = closed_after(args, 0);
        assert_eq!(
            (cut.code, cut.stderr.as_str()),
            (0, ""),
            "{args:?}: {cut:?}"
        );
    }
}

#[test]
fn check_exits_with_its_verdict() {
    let valid = closed_after(&["check", "--shape", "RepositoryName", "my-repo"], 0);
    assert_eq!((valid.code, valid.stderr.as_str()), (0, ""), "{valid:?}");
    let invalid = closed_after(&["check", "--shape", "RepositoryName", "MyRepo"], 0);
    assert_eq!(
        (invalid.code, invalid.stderr.as_str()),
        (1, ""),
        "{invalid:?}"
    );
}

#[test]
fn ref_exits_with_the_status_of_the_references_checked_before() {
    let dir = TempDir::new("ref");
    let good = "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1\n".repeat(100_000);
    let valid = dir.file("valid.txt", &good);
    let invalid = dir.file("invalid.txt", format!("Not/A/Reference!\n{good}"));
    for format in ["human", "json"] {
        for read in [0, 100] {
            let cut = closed_after(&["ref", "--format", format, "--lines", &valid], read);
            assert_eq!((cut.code, cut.stderr.as_str()), (0, ""), "{cut:?}");
            let cut = closed_after(&["ref", "--format", format, "--lines", &invalid], read);
            assert_eq!((cut.code, cut.stderr.as_str()), (1, ""), "{cut:?}");
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
    for read in [0, 100] {
        let cut = closed_after(&args, read);
        assert_eq!((cut.code, cut.stderr.as_str()), (0, ""), "{cut:?}");
    }
    args.insert(3, &invalid);
    for read in [0, 100] {
        let cut = closed_after(&args, read);
        assert_eq!((cut.code, cut.stderr.as_str()), (1, ""), "{cut:?}");
    }
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
    for read in [0, 100] {
        let args = ["merge-pages", "--operation", "list_images", &pages];
        let cut = closed_after(&args, read);
        assert_eq!((cut.code, cut.stderr.as_str()), (0, ""), "{cut:?}");
        let args = ["merge-pages", "--operation", "list_images", &bad];
        let cut = closed_after(&args, read);
        assert_eq!((cut.code, cut.stderr.as_str()), (1, ""), "{cut:?}");
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
        for read in [0, 100] {
            let cut = closed_after(&with_format, read);
            assert_eq!(
                (cut.code, cut.stderr.as_str()),
                (0, ""),
                "{format}: {cut:?}"
            );
        }
    }
    args.insert(1, &invalid);
    for read in [0, 100] {
        let cut = closed_after(&args, read);
        assert_eq!((cut.code, cut.stderr.as_str()), (1, ""), "{cut:?}");
    }
}
