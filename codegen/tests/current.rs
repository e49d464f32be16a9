//! The checked-in generated code is what the generator writes now.

use std::path::Path;

#[test]
fn checked_in_generated_code_is_current() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("workspace root");
    let mut stale = Vec::new();
    for (path, text) in codegen::generate(root) {
        match std::fs::read_to_string(root.join(&path)) {
            Ok(old) if old == text => {}
            _ => stale.push(path.display().to_string()),
        }
    }
    assert!(
        stale.is_empty(),
        "stale generated files (run `cargo run -p codegen`): {stale:?}"
    );
}
