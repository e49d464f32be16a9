//! The feature tables of the crate docs (`src/lib.rs`, which docs.rs
//! shows) and of the README name the features of `Cargo.toml`, each with
//! its default, so that neither drifts from the manifest.

use std::collections::BTreeMap;

fn read(file: &str) -> String {
    let path = format!("{}/{file}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The manifest's features (but `default`), each with whether `default`
/// names it. Read as written here and as `cargo package` rewrites the
/// manifest (an array over several lines).
fn manifest() -> BTreeMap<String, bool> {
    let text = read("Cargo.toml");
    let section = text
        .split("\n[features]\n")
        .nth(1)
        .expect("a [features] table")
        .split("\n[")
        .next()
        .unwrap_or_default();
    let entry = regex::Regex::new(r#"(?m)^"?([a-z0-9-]+)"? = \[([^\]]*)\]"#).expect("a regex");
    let mut features = BTreeMap::new();
    let mut default = Vec::new();
    for found in entry.captures_iter(section) {
        match &found[1] {
            "default" => {
                default = found[2]
                    .split(',')
                    .map(|f| f.trim().trim_matches('"').to_string())
                    .filter(|f| !f.is_empty())
                    .collect()
            }
            name => {
                features.insert(name.to_string(), false);
            }
        }
    }
    for name in default {
        *features
            .get_mut(&name)
            .expect("a default that is a feature") = true;
    }
    features
}

/// The features a Markdown table names (its first column, each in
/// backquotes, several per row), each with its `default` column.
fn table(text: &str, heading: &str) -> BTreeMap<String, bool> {
    let rows = text.split(heading).nth(1).expect("the feature table");
    let mut features = BTreeMap::new();
    for row in rows
        .lines()
        .map(|l| l.trim_start_matches("//!").trim())
        .skip_while(|l| !l.starts_with('|'))
        .take_while(|l| l.starts_with('|'))
        .skip(2)
    {
        let cells: Vec<&str> = row.split('|').map(str::trim).collect();
        let default = match cells[2] {
            "yes" => true,
            "no" => false,
            other => panic!("default {other:?} in {row}"),
        };
        for name in cells[1].split('`').skip(1).step_by(2) {
            features.insert(name.to_string(), default);
        }
    }
    features
}

#[test]
fn the_crate_docs_and_the_readme_name_every_feature_with_its_default() {
    let manifest = manifest();
    assert!(manifest["ecr"] && !manifest["waiters"], "{manifest:?}");
    assert_eq!(table(&read("src/lib.rs"), "# Features"), manifest);
    assert_eq!(table(&read("README.md"), "## Features"), manifest);
}
