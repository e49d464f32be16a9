//! The main command: JSON documents checked against a structure or one
//! side of an operation, a verdict printed per document as it is reached,
//! then the summary.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};

use clap::ArgGroup;
use ecr_models::{Options, Service};

use crate::args::Judging;
use crate::input::{is_stdin, Batch, Lines};
use crate::report::{Reporter, Source, VerdictFormat};
use crate::target::{Direction, Target};
use crate::{parse_service, Outcome, Stop};

/// The main command's options.
#[derive(Debug, clap::Args)]
#[group(skip)]
#[command(group(ArgGroup::new("target").required(true).args(["shape", "operation", "document"])))]
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

    /// Check documents that payloads carry, as a request carries them (the
    /// files kept beside infrastructure code): lifecycle-policy,
    /// repository-policy, registry-policy; with --service ecr-public,
    /// repository-policy.
    #[arg(long, value_name = "KIND")]
    pub document: Option<String>,

    /// The documents are the operation's requests.
    #[arg(long, conflicts_with_all = ["shape", "document"])]
    pub input: bool,

    /// The documents are the operation's responses.
    #[arg(long, conflicts_with_all = ["shape", "document"])]
    pub output: bool,

    /// The documents are error bodies the operation may return.
    #[arg(long, conflicts_with_all = ["shape", "document"])]
    pub error: bool,

    /// With --error: the error's name as an `X-Amzn-ErrorType` header gives
    /// it; it wins over the body's `__type` and `code`.
    #[arg(long, value_name = "CODE", requires = "error")]
    pub error_type: Option<String>,

    /// How documents are judged.
    #[command(flatten)]
    pub judging: Judging,

    /// Each non-blank line of each input is one document (JSON Lines).
    #[arg(long)]
    pub jsonl: bool,

    /// With --jsonl: inputs without any document are not a failure (by
    /// default they exit 1 with "no documents").
    #[arg(long, requires = "jsonl")]
    pub allow_empty: bool,

    /// How verdicts are printed.
    #[arg(long, value_enum, default_value_t = VerdictFormat::Human)]
    pub format: VerdictFormat,

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
    let opts = args.judging.options();
    let check = Check {
        target,
        opts: &opts,
    };
    let mut reporter = Reporter::new(out, args.format).showing_text(!target.holds_secret());
    let mut judge = Judge {
        check: &check,
        reporter: &mut reporter,
        found,
        buf: Vec::new(),
    };
    for file in &files {
        let name = file.to_string_lossy();
        let checked = match args.jsonl {
            true => judge.lines(file, &name),
            false => judge.whole(file, &name),
        };
        match checked {
            Ok(()) => {}
            Err(Cut::Read(e)) => {
                judge.found.add(Outcome::Failed);
                judge.reporter.unreadable(&name, e)?;
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
    target: Target<'a>,
    opts: &'a Options,
}

impl Check<'_> {
    fn document(&self, json: &[u8]) -> Result<(), ecr_models::Error> {
        self.target.check(json, self.opts)
    }
}

fn resolve(args: &Args) -> Result<Target<'_>, String> {
    if let Some(name) = &args.shape {
        return Target::shape(args.service, name);
    }
    if let Some(kind) = &args.document {
        return Target::document(args.service, kind);
    }
    let name = args.operation.as_deref().unwrap_or_default();
    let direction = if args.input {
        Direction::Input
    } else if args.output {
        Direction::Output
    } else {
        Direction::Error(args.error_type.as_deref())
    };
    Target::operation(args.service, name, direction)
}

/// Checks inputs against one target, each verdict recorded in `found`,
/// then printed.
struct Judge<'a, W: Write> {
    check: &'a Check<'a>,
    reporter: &'a mut Reporter<W>,
    found: &'a mut Outcome,
    /// The input being checked as one document.
    buf: Vec<u8>,
}

impl<W: Write> Judge<'_, W> {
    /// Records a verdict, then prints it.
    fn report(
        &mut self,
        source: Source<'_>,
        verdict: &Result<(), ecr_models::Error>,
    ) -> Result<(), Cut> {
        self.found.judged(verdict);
        self.reporter.document(source, verdict).map_err(Cut::Write)
    }

    /// Checks one input as one document, read whole.
    fn whole(&mut self, file: &Path, name: &str) -> Result<(), Cut> {
        self.buf.clear();
        let read = if is_stdin(file) {
            io::stdin().lock().read_to_end(&mut self.buf)
        } else {
            File::open(file).and_then(|mut f| f.read_to_end(&mut self.buf))
        };
        read.map_err(Cut::Read)?;
        let verdict = self.check.document(&self.buf);
        let text = std::mem::take(&mut self.buf);
        let reported = self.report(
            Source {
                name,
                line: None,
                text: &text,
                file: None,
            },
            &verdict,
        );
        self.buf = text;
        reported
    }

    /// Checks each non-blank line of one input as a document.
    fn lines(&mut self, file: &Path, name: &str) -> Result<(), Cut> {
        if is_stdin(file) {
            return self.each_line(io::stdin().lock(), name);
        }
        let f = File::open(file).map_err(Cut::Read)?;
        self.each_line(BufReader::with_capacity(64 * 1024, f), name)
    }

    fn each_line<R: BufRead>(&mut self, reader: R, name: &str) -> Result<(), Cut> {
        let check = self.check;
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
            for ((line, text), verdict) in batch.documents().zip(&verdicts) {
                let line = Some(line);
                let source = Source {
                    name,
                    line,
                    text,
                    file: None,
                };
                self.report(source, verdict)?;
            }
            if let Some(e) = failed {
                return Err(Cut::Read(e));
            }
            if !batch.is_full() {
                return Ok(());
            }
        }
    }
}
