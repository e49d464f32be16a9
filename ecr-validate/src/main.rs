//! `ecr-validate`: checks JSON documents against a shape or an operation of
//! the Amazon ECR or ECR Public API and reports every violation. Its
//! subcommands draw valid documents (`generate`), describe a shape
//! (`inspect`), check one bare value (`check`), references (`ref`),
//! waiter states (`wait-state`), paginated calls (`merge-pages`) and
//! recorded traffic (`traffic`).
//!
//! The binary only parses the arguments, runs the subcommand (each is a
//! module of the `ecr_validate` library) and turns how it ended into the
//! exit status, in one place ([`exit_status`]): 0 when everything judged
//! is valid, 1 when something is invalid, 2 on a usage error or when an
//! input cannot be read. A closed standard output ends every subcommand
//! the same way: quietly, with the status of what was judged before.

use std::io::{self, BufWriter, Write};
use std::path::Path;
use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand};
use ecr_validate::{
    check, generate, inspect, merge_pages, refs, traffic, validate, wait_state, Outcome, Stop,
};

/// Checks JSON documents against the Amazon ECR / ECR Public API model.
///
/// Every rule the model sets is checked (required members, lengths, ranges,
/// patterns, enum values, list sizes, timestamps, base64) and every
/// violation is reported with its JSON Pointer. Exit status: 0 all valid,
/// 1 some invalid, 2 usage or read error.
///
/// The subcommands draw valid documents (`generate`), describe a shape
/// (`inspect`) and check one bare value (`check`); each takes its own options.
#[derive(Debug, Parser)]
#[command(name = "ecr-validate", version)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
struct Cli {
    #[command(flatten)]
    documents: validate::Args,

    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Prints valid documents of a structure as JSON Lines (deterministic
    /// for a seed).
    Generate(generate::Args),
    /// Describes a shape: members, types, rules, enum values, and the
    /// operations that use it.
    Inspect(inspect::Args),
    /// Checks one bare value against a scalar or enum shape: exit 0 valid,
    /// 1 invalid.
    Check(check::Args),
    /// Parses and checks image references, repository references and
    /// repository ARNs: exit 0 all valid, 1 any invalid.
    Ref(refs::Args),
    /// The state a waiter reaches on each recorded response of its
    /// operation: success, failure, or retry (no acceptor matched).
    WaitState(wait_state::Args),
    /// Merges the pages of one paginated call as boto3's
    /// `build_full_result()` does, after checking each as the operation's
    /// output.
    MergePages(merge_pages::Args),
    /// Checks every ECR and ECR Public exchange of HAR files and aws-smithy
    /// dvr recordings: each request as its operation's input, each response
    /// as its output or one of its errors. Exit 0 all valid, 1 any invalid.
    Traffic(traffic::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let mut found = Outcome::default();
    let end = try_main(&cli, &mut found);
    exit_status(found, end)
}

/// Runs the subcommand with standard output buffered, and flushes it
/// before anything is said on standard error. What the run judged is
/// recorded in `found` as it goes, whatever stops it.
fn try_main(cli: &Cli, found: &mut Outcome) -> Result<(), Stop> {
    let mut out = BufWriter::new(io::stdout().lock());
    let ran = match &cli.command {
        Some(Command::Generate(args)) => generate::run(args, &mut out),
        Some(Command::Inspect(args)) => inspect::run(args, &mut out),
        Some(Command::Check(args)) => check::run(args, &mut out, found),
        Some(Command::Ref(args)) => refs::run(args, &mut out, found),
        Some(Command::WaitState(args)) => wait_state::run(args, &mut out, found),
        Some(Command::MergePages(args)) => merge_pages::run(args, &mut out, found),
        Some(Command::Traffic(args)) => traffic::run(args, &mut out, found),
        None => match misplaced_subcommand(&cli.documents) {
            Some(stop) => Err(stop),
            None => validate::run(&cli.documents, &mut out, found),
        },
    };
    let flushed = out.flush();
    ran?;
    flushed.map_err(Stop::Output)
}

/// An option before a subcommand makes clap read the subcommand's name as
/// a file to check: a usage error that says how to write it.
fn misplaced_subcommand(args: &validate::Args) -> Option<Stop> {
    let first = args.files.first()?.to_str()?;
    let is_subcommand = Cli::command().find_subcommand(first).is_some();
    (is_subcommand && !Path::new(first).exists()).then(|| {
        Stop::Usage(format!(
            "`{first}` is a subcommand: subcommands come first, their options after them (`ecr-validate {first} ...`)"
        ))
    })
}

/// The one mapping from how a run ended to its exit status.
///
/// A closed standard output (the reader has seen enough: `| head`) ends
/// the run quietly, with the status of what was judged before it closed;
/// any other stop is said on standard error.
fn exit_status(found: Outcome, end: Result<(), Stop>) -> ExitCode {
    let found = match end {
        Ok(()) => found,
        Err(Stop::Output(e)) if e.kind() == io::ErrorKind::BrokenPipe => found,
        Err(stop) => {
            let _ = writeln!(io::stderr(), "ecr-validate: {stop}");
            match stop {
                Stop::NoDocuments => found.max(Outcome::Invalid),
                Stop::Usage(_) | Stop::Output(_) => Outcome::Failed,
            }
        }
    };
    match found {
        Outcome::Valid => ExitCode::SUCCESS,
        Outcome::Invalid => ExitCode::from(1),
        Outcome::Failed => ExitCode::from(2),
    }
}
