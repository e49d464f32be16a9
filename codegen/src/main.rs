//! The generator's commands, from anywhere in the workspace:
//!
//! - `cargo run -p codegen`: regenerates `src/ecr/`, `src/ecr_public/` and
//!   the other generated files from the vendored model;
//! - `cargo run -p codegen -- refresh --botocore VERSION [--no-schemas]`:
//!   vendors another botocore release, writes the CHANGELOG entry of its
//!   rule changes, regenerates, then runs `cargo run --bin export-schemas`
//!   (with `--no-schemas`, prints it as the next step);
//! - `cargo run -p codegen -- diff OLD_DIR NEW_DIR`: prints the rules that
//!   changed between two model folders, as Markdown.

use std::path::Path;
use std::process::ExitCode;

const USAGE: &str = "usage: codegen
       codegen refresh --botocore VERSION [--no-schemas]
       codegen diff OLD_DIR NEW_DIR";

fn main() -> ExitCode {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("codegen sits in the workspace");
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    match args.as_slice() {
        [] => {
            for path in codegen::write_generated(root) {
                println!("wrote {}", path.display());
            }
            ExitCode::SUCCESS
        }
        ["diff", old, new] => {
            print!(
                "{}",
                codegen::diff::diff(Path::new(old), Path::new(new)).markdown(3)
            );
            ExitCode::SUCCESS
        }
        ["refresh", "--botocore", version] | ["refresh", "--botocore", version, "--no-schemas"] => {
            let schemas = args.len() == 3;
            match codegen::refresh::refresh(root, version, schemas) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("codegen refresh: {e}");
                    ExitCode::FAILURE
                }
            }
        }
        ["-h" | "--help"] => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}
