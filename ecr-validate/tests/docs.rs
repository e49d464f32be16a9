//! The command-line examples of the README and of the guide (`docs/*.md`),
//! run: each `$ ` line of a `console` block is given to `sh -c`, with the
//! built `ecr-validate` and `export-schemas` first on `PATH` and
//! `docs/examples/` as the current folder, and what it prints on standard
//! output must be the lines that follow it, up to the next `$ ` line or the
//! end of the block, exactly (blank lines that end an output only separate
//! it from the next command). `$ echo $?` shows the exit status of the
//! command before it. Blocks that are not runnable examples are `text`.
#![cfg(unix)]

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// One `$ ` line of a `console` block and what the page shows for it.
#[derive(Debug)]
struct Example {
    /// The page and the line of the command, for messages.
    place: String,
    command: String,
    /// The lines shown after the command.
    stdout: Vec<String>,
    /// The status a following `$ echo $?` shows, and its line.
    status: Option<(String, Vec<String>)>,
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("ecr-validate lives in the workspace")
        .to_path_buf()
}

/// README.md, then docs/*.md in name order.
fn pages(root: &Path) -> Vec<PathBuf> {
    let mut docs: Vec<PathBuf> = std::fs::read_dir(root.join("docs"))
        .expect("docs/ is readable")
        .map(|entry| entry.expect("docs/ lists").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "md"))
        .collect();
    docs.sort();
    let mut all = vec![root.join("README.md")];
    all.extend(docs);
    all
}

/// The examples of one page, in order.
fn examples(name: &str, text: &str) -> Vec<Example> {
    let mut found: Vec<Example> = Vec::new();
    let mut in_console = false;
    // Where the lines that follow go: the last command's output, or the
    // status an `echo $?` shows.
    let mut after_status = false;
    for (at, line) in text.lines().enumerate() {
        let place = format!("{name}:{}", at + 1);
        if !in_console {
            if line.trim_end() == "```console" {
                in_console = true;
                after_status = false;
                found.push(Example {
                    place: place.clone(),
                    command: String::new(),
                    stdout: Vec::new(),
                    status: None,
                });
            }
            continue;
        }
        if line.trim_end() == "```" {
            in_console = false;
            let last = found.last().expect("a block was opened");
            assert!(
                !last.command.is_empty(),
                "{}: a console block without a `$ ` command (use ```text for a synopsis)",
                last.place
            );
            continue;
        }
        if let Some(command) = line.strip_prefix("$ ") {
            let last = found.last_mut().expect("a block was opened");
            if command.trim() == "echo $?" {
                assert!(
                    !last.command.is_empty() && last.status.is_none(),
                    "{place}: `echo $?` follows no command"
                );
                last.status = Some((place, Vec::new()));
                after_status = true;
                continue;
            }
            after_status = false;
            if last.command.is_empty() {
                // The block's first command takes the placeholder.
                last.place = place;
                last.command = command.to_string();
            } else {
                found.push(Example {
                    place,
                    command: command.to_string(),
                    stdout: Vec::new(),
                    status: None,
                });
            }
            continue;
        }
        let last = found.last_mut().expect("a block was opened");
        assert!(
            !last.command.is_empty(),
            "{place}: output before any `$ ` command in a console block"
        );
        match (&mut last.status, after_status) {
            (Some((_, lines)), true) => lines.push(line.to_string()),
            _ => last.stdout.push(line.to_string()),
        }
    }
    assert!(!in_console, "{name}: a console block is not closed");
    found
}

/// The lines as the command would print them: blank lines at the end are
/// the page's separators.
fn shown(lines: &[String]) -> String {
    let end = lines
        .iter()
        .rposition(|line| !line.is_empty())
        .map_or(0, |i| i + 1);
    lines[..end]
        .iter()
        .map(|line| format!("{line}\n"))
        .collect()
}

/// `PATH` with the folders of the built commands first.
fn path_with_binaries() -> OsString {
    let mut folders: Vec<PathBuf> = Vec::new();
    for binary in [
        env!("CARGO_BIN_EXE_ecr-validate"),
        env!("CARGO_BIN_EXE_export-schemas"),
    ] {
        let folder = Path::new(binary)
            .parent()
            .expect("a binary has a folder")
            .to_path_buf();
        if !folders.contains(&folder) {
            folders.push(folder);
        }
    }
    if let Some(path) = std::env::var_os("PATH") {
        folders.extend(std::env::split_paths(&path));
    }
    std::env::join_paths(folders).expect("the folders join into a PATH")
}

/// What differs, line by line, for a failure message.
fn difference(expected: &str, actual: &str) -> String {
    let (e, a): (Vec<&str>, Vec<&str>) = (expected.lines().collect(), actual.lines().collect());
    let first = (0..e.len().max(a.len()))
        .find(|&i| e.get(i) != a.get(i))
        .unwrap_or(0);
    format!(
        "  first difference at output line {}:\n    shown:   {:?}\n    printed: {:?}\n  --- shown ---\n{expected}  --- printed ---\n{actual}",
        first + 1,
        e.get(first).copied().unwrap_or("(nothing)"),
        a.get(first).copied().unwrap_or("(nothing)"),
    )
}

#[test]
fn every_console_example_prints_what_the_docs_show() {
    let root = root();
    let folder = root.join("docs/examples");
    let path = path_with_binaries();
    let mut failures = Vec::new();
    let mut count = 0;
    for page in pages(&root) {
        let name = page
            .strip_prefix(&root)
            .expect("pages are in the workspace")
            .display()
            .to_string();
        let text = std::fs::read_to_string(&page).expect("the page is readable");
        for example in examples(&name, &text) {
            count += 1;
            let output = Command::new("sh")
                .arg("-c")
                .arg(&example.command)
                .current_dir(&folder)
                .env("PATH", &path)
                .stdin(Stdio::null())
                .output()
                .expect("sh runs");
            let printed = String::from_utf8_lossy(&output.stdout);
            let expected = shown(&example.stdout);
            if printed != expected {
                failures.push(format!(
                    "{}: $ {}\n{}  (standard error: {:?})",
                    example.place,
                    example.command,
                    difference(&expected, &printed),
                    String::from_utf8_lossy(&output.stderr),
                ));
            }
            if let Some((place, lines)) = &example.status {
                let status = output.status.code().map(|code| format!("{code}\n"));
                if status.as_deref() != Some(shown(lines).as_str()) {
                    failures.push(format!(
                        "{place}: `$ {}` exits with {}, the page shows {}",
                        example.command,
                        output
                            .status
                            .code()
                            .map_or_else(|| "a signal".to_string(), |code| code.to_string()),
                        shown(lines).trim_end(),
                    ));
                }
            }
        }
    }
    assert!(count > 0, "no console examples found");
    assert!(
        failures.is_empty(),
        "{} of {count} documented commands print something else than their page shows \
         (run the command in docs/examples/ and paste its output):\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
    eprintln!("{count} documented commands print what their pages show");
}

#[test]
fn examples_are_read_from_console_blocks_only() {
    let page = "intro\n```text\n$ not run\n```\n```console\n$ one\na\n\n$ two\n$ echo $?\n1\n```\n";
    let found = examples("page.md", page);
    let seen: Vec<(&str, &str, String, Option<String>)> = found
        .iter()
        .map(|e| {
            (
                e.place.as_str(),
                e.command.as_str(),
                shown(&e.stdout),
                e.status.as_ref().map(|(_, lines)| shown(lines)),
            )
        })
        .collect();
    assert_eq!(
        seen,
        [
            ("page.md:6", "one", "a\n".to_string(), None),
            ("page.md:9", "two", String::new(), Some("1\n".to_string())),
        ]
    );
}
