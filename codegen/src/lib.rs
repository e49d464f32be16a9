//! The generator of `src/ecr/` and `src/ecr_public/`: reads the vendored AWS
//! service model into a typed intermediate form ([`ir`]) and writes Rust
//! ([`emit`]). `cargo run -p codegen` writes the files; the test in
//! `tests/current.rs` fails when the checked-in files differ.
//! `cargo run -p codegen -- refresh --botocore VERSION` moves the vendored
//! model to another botocore release ([`refresh`]), and
//! `cargo run -p codegen -- diff OLD NEW` lists the rules that changed
//! between two model folders ([`diff`]).

pub mod botocore;
pub mod diff;
pub mod emit;
pub mod ir;
pub mod names;
pub mod partitions;
pub mod pattern;
pub mod refresh;
pub mod sdk;

use std::path::{Path, PathBuf};

/// Writes one file of a service module.
type Writer = fn(&ir::Service) -> String;

/// Every generated file (path relative to the workspace root) and its text.
pub fn generate(root: &Path) -> Vec<(PathBuf, String)> {
    let mut files = Vec::new();
    for info in ir::SERVICES {
        let service = ir::load(&root.join("codegen/model"), info);
        let dir = PathBuf::from("src").join(info.module());
        let parts: [(&str, Writer); 8] = [
            ("mod.rs", emit::module),
            ("types.rs", emit::types),
            ("structures.rs", emit::model),
            ("rules.rs", emit::rules),
            ("shapes.rs", emit::shapes),
            ("operations.rs", emit::operations),
            ("schema.rs", emit::schema),
            ("sdk.rs", sdk::emit),
        ];
        for (file, write) in parts {
            let source = write(&service);
            let text = match file {
                "structures.rs" | "shapes.rs" | "sdk.rs" => emit::laid_out(&service, &source),
                _ => emit::format(&service, &source),
            };
            files.push((dir.join(file), text));
        }
        // The bridge's round-trip tests, over every converted pair.
        files.push((
            PathBuf::from(format!("sdk-tests/tests/round_trip/{}.rs", info.module())),
            emit::format(&service, &sdk::round_trips(&service)),
        ));
    }
    let partitions = partitions::emit(&root.join("codegen/model"));
    files.push((
        PathBuf::from("src/tools/refs/partitions.rs"),
        emit::pretty(partitions::HEADER, &partitions),
    ));
    files
}

/// Writes every generated file under the workspace `root` whose text
/// changed, and returns their paths (relative to `root`). Panics, naming the
/// file, when one cannot be written.
pub fn write_generated(root: &Path) -> Vec<PathBuf> {
    let mut written = Vec::new();
    for (path, text) in generate(root) {
        let full = root.join(&path);
        if let Some(dir) = full.parent() {
            std::fs::create_dir_all(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
        }
        let unchanged = std::fs::read_to_string(&full).is_ok_and(|old| old == text);
        if !unchanged {
            std::fs::write(&full, text).unwrap_or_else(|e| panic!("{}: {e}", full.display()));
            written.push(path);
        }
    }
    written
}
