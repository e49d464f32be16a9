//! What the tests of the `ecr-validate` command share: starting it, running
//! it to its end, and a directory of input files per test. Included with
//! `mod common;`; each test file uses what it needs.
#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::thread::JoinHandle;

use serde_json::Value;

/// The command under test.
pub const BIN: &str = env!("CARGO_BIN_EXE_ecr-validate");

/// Starts the command with `args`, its three streams piped, and writes
/// `stdin` to it from another thread, so that a large input cannot
/// deadlock against a full stdout pipe (the command may not read it all:
/// usage errors). Join the writer once the command has ended.
pub fn spawn(args: &[&str], stdin: &[u8]) -> (Child, JoinHandle<()>) {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("ecr-validate starts");
    let mut input = child.stdin.take().expect("stdin is piped");
    let stdin = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&stdin);
    });
    (child, writer)
}

/// What one run of the command did.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    pub fn lines(&self) -> Vec<&str> {
        self.stdout.lines().collect()
    }

    /// Standard output as JSON Lines: every line must parse.
    pub fn records(&self) -> Vec<Value> {
        self.stdout
            .lines()
            .map(|line| {
                serde_json::from_str(line)
                    .unwrap_or_else(|e| panic!("not a JSON line ({e}): {line:?}"))
            })
            .collect()
    }
}

/// Runs the command with `args`, `stdin` on standard input, to its end.
pub fn run(args: &[&str], stdin: &[u8]) -> Run {
    let (child, writer) = spawn(args, stdin);
    let output = child.wait_with_output().expect("ecr-validate runs");
    writer.join().expect("stdin writer");
    Run {
        code: output.status.code().expect("exited, not killed"),
        stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
    }
}

/// A directory of its own per test, removed afterwards.
pub struct TempDir(pub PathBuf);

impl TempDir {
    /// An empty directory named after the test file, the process and `test`.
    pub fn new(test: &str) -> TempDir {
        let dir = std::env::temp_dir().join(format!(
            "ecr-validate-{}-{}-{test}",
            env!("CARGO_CRATE_NAME"),
            std::process::id()
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temp dir");
        TempDir(dir)
    }

    /// A directory for `test` holding one file, `name` with `contents`;
    /// gives the directory (the file lives as long as it does) and the
    /// file's path as text.
    pub fn with_file(test: &str, name: &str, contents: impl AsRef<[u8]>) -> (TempDir, String) {
        let dir = TempDir::new(test);
        let file = dir.file(name, contents);
        (dir, file)
    }

    /// Writes `contents` to `name` in the directory; gives its path as text.
    pub fn file(&self, name: &str, contents: impl AsRef<[u8]>) -> String {
        let path = self.0.join(name);
        std::fs::write(&path, contents).expect("write input");
        path_str(&path)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

pub fn path_str(path: &Path) -> String {
    path.to_str().expect("UTF-8 path").to_string()
}

/// A file of the repository, as an argument.
pub fn repository_file(path: &str) -> String {
    path_str(&Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(path))
}
