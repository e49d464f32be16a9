//! The main command: JSON documents checked against a structure or one
//! side of an operation, a verdict printed per document as it is reached,
//! then the summary.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};

use clap::ArgGroup;
use ecr_models::{Options, Service};

use crate::input::{is_stdin, Batch, Lines};
use crate::report::{Format, Reporter, Source};
use crate::target::{Direction, Target};
use crate::{parse_service, Outcome, Stop};

/// The main command's options.
#[derive(Debug, clap::Args)]
#[group(skip)]
#[command(group(ArgGroup::new("target").required(true).args(["shape", "operation"])))]
#[command(group(ArgGroup::new("direction").args(["input", "output", "error"])))]
pub struct Args {
    /// The service: ecr or ecr-public.
    #[arg(long, value_name = "SERVICE", default_value = "ecr", value_parser = parse_service)]
    pub service: Service,

    /// Check against this structure: DescribeImagesResponse, ResponseMetadata...
    #[arg(long, value_name = "NAME")]
    pub shape: Option<String>,

    /// Check against this operation (with --input, --output or --error).
    #[arg(long, value_name = "NAME", requires = "direction")]
    pub operation: Option<String>,

    /// The documents are the operation's requests.
    #[arg(long, conflicts_with = "shape")]
    pub input: bool,

    /// The documents are the operation's responses.
    #[arg(long, conflicts_with = "shape")]
    pub output: bool,

    /// The documents are error bodies the operation may return.
    #[arg(long, conflicts_with = "shape")]
    pub error: bool,

    /// With --error: the error's name as an `X-Amzn-ErrorType` header gives
    /// it; it wins over the body's `__type` and `code`.
    #[arg(long, value_name = "CODE", requires = "error")]
    pub error_type: Option<String>,

    /// Members the model does not define are violations (unknown_field).
    #[arg(long)]
    pub strict: bool,

    /// Responses are held to the letter of the model too: its list item
    /// counts and its enums' known values (by default only requests are,
    /// as AWS's servers and SDKs do).
    #[arg(long)]
    pub exact_outputs: bool,

    /// Enum values the model does not know are accepted in requests too
    /// (responses accept them unless --exact-outputs).
    #[arg(long)]
    pub allow_unknown_enums: bool,

    /// Each non-blank line of each input is one document (JSON Lines).
    #[arg(long)]
    pub jsonl: bool,

    /// With --jsonl: inputs without any document are not a failure (by
    /// default they exit 1 with "no documents").
    #[arg(long, requires = "jsonl")]
    pub allow_empty: bool,

    /// How verdicts are printed.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,

    /// Inputs, checked in order; none or `-` is standard input.
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,
}

/// Checks every input in order, printing each verdict and then the
/// summary; an input that cannot be read is reported and the next one
/// checked.
pub fn run<W: Write>(args: &Args, out: &mut W, found: &mut Outcome) -> Result<(), Stop> {
    let target = resolve(args).map_err(Stop::Usage)?;
    let mut files = args.files.clone();
    if files.is_empty() {
        files.push(PathBuf::from("-"));
    }
    if files.iter().filter(|f| is_stdin(f)).count() > 1 {
        return Err(Stop::Usage(
            "standard input (`-`) can be read only once".to_string(),
        ));
    }
    let opts = Options::default()
        .strict(args.strict)
        .exact_outputs(args.exact_outputs)
        .allow_unknown_enums(args.allow_unknown_enums);
    let check = Check {
        target,
        error_type: args.error_type.as_deref(),
        opts: &opts,
    };
    let mut reporter = Reporter::new(out, args.format);
    let mut buf = Vec::new();
    for file in &files {
        let name = file.to_string_lossy();
        let checked = match args.jsonl {
            true => check_lines(file, &name, &check, &mut reporter, found),
            false => check_whole(file, &name, &check, &mut reporter, found, &mut buf),
        };
        match checked {
            Ok(()) => {}
            Err(Cut::Read(e)) => {
                found.add(Outcome::Failed);
                reporter.unreadable(&name, e)?;
            }
            Err(Cut::Write(e)) => return Err(Stop::Output(e)),
        }
    }
    reporter.finish()?;
    // A CI step fed by a failed upstream command must not pass.
    let judged = reporter.valid() + reporter.invalid();
    if args.jsonl && !args.allow_empty && *found != Outcome::Failed && judged == 0 {
        return Err(Stop::NoDocuments);
    }
    Ok(())
}

/// Why checking an input stopped early.
enum Cut {
    /// The input could not be read: reported, and the next input is checked.
    Read(io::Error),
    /// Standard output could not be written: nothing more can be reported.
    Write(io::Error),
}

/// What each document is checked against, and how.
struct Check<'a> {
    target: Target,
    error_type: Option<&'a str>,
    opts: &'a Options,
}

impl Check<'_> {
    fn document(&self, json: &[u8]) -> Result<(), ecr_models::Error> {
        self.target.check(json, self.error_type, self.opts)
    }
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

/// Records a verdict, then prints it.
fn report<W: Write>(
    reporter: &mut Reporter<W>,
    found: &mut Outcome,
    source: Source<'_>,
    verdict: &Result<(), ecr_models::Error>,
) -> Result<(), Cut> {
    found.judged(verdict);
    reporter.document(source, verdict).map_err(Cut::Write)
}

/// Checks one input as one document, read whole into `buf`.
fn check_whole<W: Write>(
    file: &Path,
    name: &str,
    check: &Check<'_>,
    reporter: &mut Reporter<W>,
    found: &mut Outcome,
    buf: &mut Vec<u8>,
) -> Result<(), Cut> {
    buf.clear();
    let read = if is_stdin(file) {
        io::stdin().lock().read_to_end(buf)
    } else {
        File::open(file).and_then(|mut f| f.read_to_end(buf))
    };
    read.map_err(Cut::Read)?;
    let verdict = check.document(buf);
    let source = Source { name, line: None };
    report(reporter, found, source, &verdict)
}

/// Checks each non-blank line of one input as a document.
fn check_lines<W: Write>(
    file: &Path,
    name: &str,
    check: &Check<'_>,
    reporter: &mut Reporter<W>,
    found: &mut Outcome,
) -> Result<(), Cut> {
    if is_stdin(file) {
        return each_line(io::stdin().lock(), name, check, reporter, found);
    }
    let f = File::open(file).map_err(Cut::Read)?;
    let reader = BufReader::with_capacity(64 * 1024, f);
    each_line(reader, name, check, reporter, found)
}

fn each_line<R: BufRead, W: Write>(
    reader: R,
    name: &str,
    check: &Check<'_>,
    reporter: &mut Reporter<W>,
    found: &mut Outcome,
) -> Result<(), Cut> {
    // Documents are read in batches and checked on every core; verdicts
    // are reported in input order. A read error ends the input after the
    // documents read before it are judged.
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut lines = Lines::new(reader);
    let mut batch = Batch::default();
    loop {
        batch.clear();
        let mut failed = None;
        while !batch.is_full() {
            match lines.read_into(&mut batch) {
                Ok(true) => {}
                Ok(false) => break,
                Err(e) => {
                    failed = Some(e);
                    break;
                }
            }
        }
        if batch.is_empty() && failed.is_none() {
            return Ok(());
        }
        let verdicts = batch.check_all(workers, |doc| check.document(doc));
        for (line, verdict) in batch.lines().zip(&verdicts) {
            let line = Some(line);
            report(reporter, found, Source { name, line }, verdict)?;
        }
        if let Some(e) = failed {
            return Err(Cut::Read(e));
        }
        if !batch.is_full() {
            return Ok(());
        }
    }
}
