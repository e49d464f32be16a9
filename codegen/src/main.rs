//! `cargo run -p codegen`: regenerates `src/ecr/` and `src/ecr_public/`.

use std::path::Path;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("codegen sits in the workspace");
    for (path, text) in codegen::generate(root) {
        let full = root.join(&path);
        if let Some(dir) = full.parent() {
            std::fs::create_dir_all(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
        }
        let unchanged = std::fs::read_to_string(&full).is_ok_and(|old| old == text);
        if !unchanged {
            std::fs::write(&full, text).unwrap_or_else(|e| panic!("{}: {e}", full.display()));
            println!("wrote {}", path.display());
        }
    }
}
