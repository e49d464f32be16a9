//! `ecr-validate`: checks JSON documents against a shape or an operation of
//! the Amazon ECR or ECR Public API and reports every violation.
//!
//! Exit status: 0 when every document is valid, 1 when some are invalid,
//! 2 on a usage error or when an input cannot be read.

use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{ArgGroup, Parser};
use ecr_models::cli::input::Lines;
use ecr_models::cli::report::{Format, Reporter, Source};
use ecr_models::cli::target::{Direction, Target};
use ecr_models::{Options, Service};

/// Checks JSON documents against the Amazon ECR / ECR Public API model.
///
/// Every rule the model sets is checked (required members, lengths, ranges,
/// patterns, enum values, list sizes, timestamps, base64) and every
/// violation is reported with its JSON Pointer. Exit status: 0 all valid,
/// 1 some invalid, 2 usage or read error.
#[derive(Debug, Parser)]
#[command(name = "ecr-validate", version)]
#[command(group(ArgGroup::new("target").required(true).args(["shape", "operation"])))]
#[command(group(ArgGroup::new("direction").args(["input", "output", "error"])))]
struct Args {
    /// The service: ecr or ecr-public.
    #[arg(long, value_name = "SERVICE", default_value = "ecr", value_parser = parse_service)]
    service: Service,

    /// Check against this structure: DescribeImagesResponse, ResponseMetadata...
    #[arg(long, value_name = "NAME")]
    shape: Option<String>,

    /// Check against this operation (with --input, --output or --error).
    #[arg(long, value_name = "NAME", requires = "direction")]
    operation: Option<String>,

    /// The documents are the operation's requests.
    #[arg(long, conflicts_with = "shape")]
    input: bool,

    /// The documents are the operation's responses.
    #[arg(long, conflicts_with = "shape")]
    output: bool,

    /// The documents are error bodies the operation may return.
    #[arg(long, conflicts_with = "shape")]
    error: bool,

    /// Members the model does not define are violations (unknown_field).
    #[arg(long)]
    strict: bool,

    /// Each non-blank line of each input is one document (JSON Lines).
    #[arg(long)]
    jsonl: bool,

    /// How verdicts are printed.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,

    /// Inputs, checked in order; none or `-` is standard input.
    #[arg(value_name = "FILE")]
    files: Vec<PathBuf>,
}

fn parse_service(name: &str) -> Result<Service, String> {
    Service::from_name(name).ok_or_else(|| {
        let known: Vec<&str> = Service::ALL.iter().map(|s| s.name()).collect();
        format!("expected one of: {}", known.join(", "))
    })
}

/// Why checking an input stopped early.
enum Stop {
    /// The input could not be read: reported, and the next input is checked.
    Read(io::Error),
    /// Standard output could not be written: nothing more can be reported.
    Write(io::Error),
}

fn main() -> ExitCode {
    let args = Args::parse();
    let target = match resolve(&args) {
        Ok(target) => target,
        Err(message) => return usage_error(&message),
    };
    let mut files = args.files;
    if files.is_empty() {
        files.push(PathBuf::from("-"));
    }
    if files.iter().filter(|f| is_stdin(f)).count() > 1 {
        return usage_error("standard input (`-`) can be read only once");
    }
    let opts = Options::default().with_strict(args.strict);

    let stdout = io::stdout();
    let mut reporter = Reporter::new(BufWriter::new(stdout.lock()), args.format);
    let mut unreadable = false;
    let mut buf = Vec::new();
    for file in &files {
        let name = file.to_string_lossy();
        let checked = if args.jsonl {
            check_lines(file, &name, &target, &opts, &mut reporter)
        } else {
            check_whole(file, &name, &target, &opts, &mut reporter, &mut buf)
        };
        match checked {
            Ok(()) => {}
            Err(Stop::Read(e)) => {
                unreadable = true;
                if let Err(e) = reporter.flush() {
                    return write_failed(&e, &reporter, unreadable);
                }
                let _ = writeln!(io::stderr(), "ecr-validate: {name}: {e}");
            }
            Err(Stop::Write(e)) => return write_failed(&e, &reporter, unreadable),
        }
    }
    if let Err(e) = reporter.finish() {
        return write_failed(&e, &reporter, unreadable);
    }
    status(&reporter, unreadable)
}

fn resolve(args: &Args) -> Result<Target, String> {
    if let Some(name) = &args.shape {
        return Target::shape(args.service, name);
    }
    let name = args.operation.as_deref().unwrap_or_default();
    let direction = if args.input {
        Direction::Input
    } else if args.output {
        Direction::Output
    } else {
        Direction::Error
    };
    Target::operation(args.service, name, direction)
}

fn is_stdin(file: &Path) -> bool {
    file.as_os_str() == "-"
}

/// Checks one input as one document, read whole into `buf`.
fn check_whole<W: Write>(
    file: &Path,
    name: &str,
    target: &Target,
    opts: &Options,
    reporter: &mut Reporter<W>,
    buf: &mut Vec<u8>,
) -> Result<(), Stop> {
    buf.clear();
    let read = if is_stdin(file) {
        io::stdin().lock().read_to_end(buf)
    } else {
        File::open(file).and_then(|mut f| f.read_to_end(buf))
    };
    read.map_err(Stop::Read)?;
    let verdict = target.check(buf, opts);
    let source = Source { name, line: None };
    reporter.document(source, &verdict).map_err(Stop::Write)
}

/// Checks each non-blank line of one input as a document.
fn check_lines<W: Write>(
    file: &Path,
    name: &str,
    target: &Target,
    opts: &Options,
    reporter: &mut Reporter<W>,
) -> Result<(), Stop> {
    if is_stdin(file) {
        each_line(io::stdin().lock(), name, target, opts, reporter)
    } else {
        let f = File::open(file).map_err(Stop::Read)?;
        each_line(
            BufReader::with_capacity(64 * 1024, f),
            name,
            target,
            opts,
            reporter,
        )
    }
}

fn each_line<R: BufRead, W: Write>(
    reader: R,
    name: &str,
    target: &Target,
    opts: &Options,
    reporter: &mut Reporter<W>,
) -> Result<(), Stop> {
    let mut lines = Lines::new(reader);
    while let Some((line, doc)) = lines.next_document().map_err(Stop::Read)? {
        let verdict = target.check(doc, opts);
        let source = Source {
            name,
            line: Some(line),
        };
        reporter.document(source, &verdict).map_err(Stop::Write)?;
    }
    Ok(())
}

fn usage_error(message: &str) -> ExitCode {
    let _ = writeln!(io::stderr(), "ecr-validate: {message}");
    ExitCode::from(2)
}

/// Standard output failed. A closed pipe (the reader has seen enough) ends
/// quietly with the status of what was checked so far; anything else is
/// reported and exits 2.
fn write_failed<W: Write>(e: &io::Error, reporter: &Reporter<W>, unreadable: bool) -> ExitCode {
    if e.kind() == io::ErrorKind::BrokenPipe {
        return status(reporter, unreadable);
    }
    let _ = writeln!(
        io::stderr(),
        "ecr-validate: cannot write to standard output: {e}"
    );
    ExitCode::from(2)
}

fn status<W: Write>(reporter: &Reporter<W>, unreadable: bool) -> ExitCode {
    if unreadable {
        ExitCode::from(2)
    } else if reporter.invalid() > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
