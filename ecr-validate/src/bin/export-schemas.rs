//! `export-schemas`: writes a JSON Schema (2020-12) for every type under
//! `schemas/`, or checks that the tree there is current.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use ecr_models::Options;

/// Write (or check) the JSON Schemas of every ECR and ECR Public type.
#[derive(Parser)]
#[command(version)]
struct Args {
    /// The output folder [default: the repository's `schemas/`, wherever
    /// the tool is started from].
    #[arg(long)]
    out: Option<PathBuf>,
    /// Write nothing; exit 1 and name the files that differ from a fresh export.
    #[arg(long)]
    check: bool,
    /// Schemas that refuse members the model does not define (the CLI's strict mode).
    #[arg(long)]
    strict: bool,
    /// Response schemas that keep the model's list item counts too (the
    /// CLI's --exact-outputs).
    #[arg(long)]
    exact_outputs: bool,
}

/// The repository's `schemas/`: beside this crate's folder.
fn repository_schemas() -> PathBuf {
    let tools = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    tools.parent().unwrap_or(tools).join("schemas")
}

fn main() -> ExitCode {
    let args = Args::parse();
    let out = args.out.clone().unwrap_or_else(repository_schemas);
    let opts = Options::default()
        .strict(args.strict)
        .exact_outputs(args.exact_outputs);
    let files = ecr_models::schema::export(&opts);
    let mut stale = Vec::new();
    let mut written = 0;
    for (path, text) in &files {
        let full = out.join(path);
        if std::fs::read_to_string(&full).is_ok_and(|old| &old == text) {
            continue;
        }
        if args.check {
            stale.push(full);
            continue;
        }
        let written_ok = full
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| std::fs::write(&full, text));
        if let Err(e) = written_ok {
            eprintln!("export-schemas: {}: {e}", full.display());
            return ExitCode::from(2);
        }
        written += 1;
    }
    // Files from an earlier export that this one no longer writes.
    let expected: std::collections::BTreeSet<PathBuf> =
        files.iter().map(|(p, _)| out.join(p)).collect();
    let extra: Vec<PathBuf> = std::fs::read_dir(&out)
        .into_iter()
        .flatten()
        .flatten()
        .flat_map(|d| match d.file_type() {
            Ok(t) if t.is_dir() => std::fs::read_dir(d.path())
                .into_iter()
                .flatten()
                .flatten()
                .map(|e| e.path())
                .collect(),
            _ => vec![d.path()],
        })
        .filter(|p| p.extension().is_some_and(|e| e == "json") && !expected.contains(p))
        .collect();
    if args.check {
        stale.extend(extra);
        if stale.is_empty() {
            println!(
                "{} schema files in {} are current",
                files.len(),
                out.display()
            );
            return ExitCode::SUCCESS;
        }
        for path in &stale {
            println!("differs: {}", path.display());
        }
        println!(
            "{} of {} files differ; run `cargo run --bin export-schemas`",
            stale.len(),
            files.len()
        );
        return ExitCode::from(1);
    }
    for path in &extra {
        if let Err(e) = std::fs::remove_file(path) {
            eprintln!("export-schemas: {}: {e}", path.display());
            return ExitCode::from(2);
        }
    }
    println!(
        "wrote {written} of {} schema files to {} ({} removed)",
        files.len(),
        out.display(),
        extra.len()
    );
    ExitCode::SUCCESS
}
