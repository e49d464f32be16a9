//! `cargo run -p codegen -- refresh --botocore VERSION`: moves the vendored
//! model to another botocore release in one step.
//!
//! 1. `python3 codegen/model/refresh.py VERSION --out TMP` downloads the
//!    wheel and writes the model files into a temporary folder (the one
//!    implementation of vendoring);
//! 2. [`crate::diff`] compares the vendored model with it;
//! 3. the files are copied into `codegen/model/`, and the version line of
//!    `codegen/model/README.md` is updated;
//! 4. `CHANGELOG.md` gets `### Model: botocore OLD → NEW` and the diff under
//!    `## [Unreleased]`, unless nothing changed (same version, no rule
//!    changed: a second run with the same version writes nothing);
//! 5. the code is regenerated ([`crate::write_generated`]);
//! 6. `cargo run --bin export-schemas` runs as a child process (the
//!    generator does not depend on the runtime crate that writes the
//!    schemas), or is printed as the next step.
//!
//! The model, its README and the CHANGELOG are written before the code is
//! generated: if the generator stops on the new model, they say what
//! changed, and `cargo run -p codegen` finishes the job once it is fixed.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The model README's line that names the vendored release.
const VERSION_LINE: &str = "- Package: botocore ";

/// The release `codegen/model/README.md` names (`- Package: botocore
/// 1.44.5 (PyPI)`).
pub fn vendored_version(readme: &str) -> Option<&str> {
    readme
        .lines()
        .find_map(|line| line.strip_prefix(VERSION_LINE))
        .and_then(|rest| rest.split_whitespace().next())
}

/// The README with its version line naming `version`.
pub fn set_version(readme: &str, version: &str) -> Option<String> {
    let old = vendored_version(readme)?;
    let from = format!("{VERSION_LINE}{old}");
    Some(readme.replacen(&from, &format!("{VERSION_LINE}{version}"), 1))
}

/// `changelog` with `entry` first under `## [Unreleased]`, a blank line
/// either side; `None` when there is no such heading.
pub fn add_entry(changelog: &str, entry: &str) -> Option<String> {
    let mut at = 0;
    for line in changelog.split_inclusive('\n') {
        at += line.len();
        if line.trim_end() == "## [Unreleased]" {
            let (head, rest) = changelog.split_at(at);
            let mut out = head.to_string();
            if !out.ends_with('\n') {
                out.push('\n');
            }
            out.push('\n');
            out.push_str(entry.trim_end());
            out.push('\n');
            let rest = rest.trim_start_matches('\n');
            if !rest.is_empty() {
                out.push('\n');
                out.push_str(rest);
            }
            return Some(out);
        }
    }
    None
}

/// A folder under the system's temporary folder, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new() -> Result<TempDir, String> {
        let path = std::env::temp_dir().join(format!("ecr-models-refresh-{}", std::process::id()));
        // A folder left by an earlier run with the same process id.
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        Ok(TempDir(path))
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn write(path: &Path, text: &[u8]) -> Result<(), String> {
    std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}

/// Runs a child process in `root`, printing its command line first.
fn run(root: &Path, program: &str, args: &[&str]) -> Result<(), String> {
    let line = std::iter::once(program)
        .chain(args.iter().copied())
        .collect::<Vec<_>>()
        .join(" ");
    println!("running: {line}");
    let status = Command::new(program)
        .args(args)
        .current_dir(root)
        .status()
        .map_err(|e| format!("{line}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{line}: {status}"))
    }
}

/// Every file under `dir`, as paths relative to it, sorted.
fn files(dir: &Path, under: &Path, out: &mut Vec<PathBuf>) -> Result<(), String> {
    let entries =
        std::fs::read_dir(dir.join(under)).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in entries {
        let entry = entry.map_err(|e| format!("{}: {e}", dir.display()))?;
        let path = under.join(entry.file_name());
        if entry.path().is_dir() {
            files(dir, &path, out)?;
        } else {
            out.push(path);
        }
    }
    out.sort();
    Ok(())
}

/// The refresh, from the workspace `root` to botocore `version`; with
/// `schemas`, ends by running `cargo run --bin export-schemas`.
pub fn refresh(root: &Path, version: &str, schemas: bool) -> Result<(), String> {
    let model = root.join("codegen/model");
    let readme_path = model.join("README.md");
    let readme = read(&readme_path)?;
    let old = vendored_version(&readme)
        .ok_or_else(|| {
            format!(
                "{}: no line `{VERSION_LINE}VERSION (PyPI)`",
                readme_path.display()
            )
        })?
        .to_string();
    let changelog_path = root.join("CHANGELOG.md");
    let changelog = read(&changelog_path)?;
    // Checked before anything is written.
    add_entry(&changelog, "")
        .ok_or_else(|| format!("{}: no `## [Unreleased]` heading", changelog_path.display()))?;

    let tmp = TempDir::new()?;
    let out = tmp
        .0
        .to_str()
        .ok_or("the temporary folder's path is not UTF-8")?;
    run(
        root,
        "python3",
        &["codegen/model/refresh.py", version, "--out", out],
    )?;

    let diff = crate::diff::diff(&model, &tmp.0);
    let mut written = Vec::new();
    files(&tmp.0, Path::new(""), &mut written)?;
    for file in written {
        let new =
            std::fs::read(tmp.0.join(&file)).map_err(|e| format!("{}: {e}", file.display()))?;
        let target = model.join(&file);
        if std::fs::read(&target).ok().as_deref() != Some(&new[..]) {
            write(&target, &new)?;
            println!("wrote codegen/model/{}", file.display());
        }
    }
    if old != version {
        let text = set_version(&readme, version).unwrap_or(readme);
        write(&readme_path, text.as_bytes())?;
        println!("wrote codegen/model/README.md");
    }

    if old != version || !diff.is_empty() {
        let entry = format!(
            "### Model: botocore {old} → {version}\n\n{}",
            diff.markdown(4)
        );
        println!("\n{entry}");
        let text = add_entry(&changelog, &entry).unwrap_or(changelog);
        write(&changelog_path, text.as_bytes())?;
        println!("wrote CHANGELOG.md");
    } else {
        println!("botocore {version} is the vendored release and no rule changed: CHANGELOG.md left as it is");
    }

    println!(
        "generating the code (if the generator stops on the new model, fix it, then run \
         `cargo run -p codegen` and `cargo run --bin export-schemas`)"
    );
    for path in crate::write_generated(root) {
        println!("wrote {}", path.display());
    }

    if schemas {
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
        run(root, &cargo, &["run", "--bin", "export-schemas"])?;
    } else {
        println!("next: cargo run --bin export-schemas");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_version_line_is_read_and_rewritten() {
        let readme = "# Model\n\n- Package: botocore 1.44.5 (PyPI)\n- License: Apache-2.0\n";
        assert_eq!(vendored_version(readme), Some("1.44.5"));
        assert_eq!(
            set_version(readme, "1.44.8").as_deref(),
            Some("# Model\n\n- Package: botocore 1.44.8 (PyPI)\n- License: Apache-2.0\n")
        );
        assert_eq!(vendored_version("# Model\n"), None);
    }

    #[test]
    fn an_entry_goes_first_under_unreleased() {
        let changelog = "# Changelog\n\n## [Unreleased]\n\n### Added\n\n- x\n\n## [0.1.0]\n";
        assert_eq!(
            add_entry(changelog, "### Model: botocore 1 → 2\n\n#### S\n\nNo rule changed.\n")
                .as_deref(),
            Some(
                "# Changelog\n\n## [Unreleased]\n\n### Model: botocore 1 → 2\n\n#### S\n\nNo rule changed.\n\n### Added\n\n- x\n\n## [0.1.0]\n"
            )
        );
        assert_eq!(
            add_entry("## [Unreleased]", "### M\n").as_deref(),
            Some("## [Unreleased]\n\n### M\n")
        );
        assert_eq!(add_entry("# Changelog\n", "### M\n"), None);
    }
}
