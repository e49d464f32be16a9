//! `ecr-validate`: checks JSON documents against a shape or an operation of
//! the Amazon ECR or ECR Public API and reports every violation. Its
//! subcommands draw valid documents (`generate`), describe a shape
//! (`inspect`) and check one bare value against a scalar or enum shape
//! (`check`).
//!
//! Exit status: 0 when every document is valid, 1 when some are invalid,
//! 2 on a usage error or when an input cannot be read.

use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{ArgGroup, Args as ClapArgs, Parser, Subcommand};
use ecr_models::registry::ShapeRef;
use ecr_models::testdata::{list_pointers, Generator};
use ecr_models::{inspect, Code, Options, Service};
use ecr_validate::input::{Batch, Lines};
use ecr_validate::report::{Format, Reporter, Source};
use ecr_validate::target::{self, Direction, Target};

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

    /// With --error: the error's name as an `X-Amzn-ErrorType` header gives
    /// it; it wins over the body's `__type` and `code`.
    #[arg(long, value_name = "CODE", requires = "error")]
    error_type: Option<String>,

    /// Members the model does not define are violations (unknown_field).
    #[arg(long)]
    strict: bool,

    /// Responses are held to the letter of the model too: its list item
    /// counts and its enums' known values (by default only requests are,
    /// as AWS's servers and SDKs do).
    #[arg(long)]
    exact_outputs: bool,

    /// Enum values the model does not know are accepted in requests too
    /// (responses accept them unless --exact-outputs).
    #[arg(long)]
    allow_unknown_enums: bool,

    /// Each non-blank line of each input is one document (JSON Lines).
    #[arg(long)]
    jsonl: bool,

    /// With --jsonl: inputs without any document are not a failure (by
    /// default they exit 1 with "no documents").
    #[arg(long, requires = "jsonl")]
    allow_empty: bool,

    /// How verdicts are printed.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,

    /// Inputs, checked in order; none or `-` is standard input.
    #[arg(value_name = "FILE")]
    files: Vec<PathBuf>,

    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Prints valid documents of a structure as JSON Lines (deterministic
    /// for a seed).
    Generate(GenerateArgs),
    /// Describes a shape: members, types, rules, enum values, and the
    /// operations that use it.
    Inspect(InspectArgs),
    /// Checks one bare value against a scalar or enum shape: exit 0 valid,
    /// 1 invalid.
    Check(CheckArgs),
    /// Parses and checks image references, repository references and
    /// repository ARNs: exit 0 all valid, 1 any invalid.
    Ref(RefArgs),
    /// The state a waiter reaches on each recorded response of its
    /// operation: success, failure, or retry (no acceptor matched).
    WaitState(WaitStateArgs),
    /// Merges the pages of one paginated call as boto3's
    /// `build_full_result()` does, after checking each as the operation's
    /// output.
    MergePages(MergePagesArgs),
    /// Checks every ECR and ECR Public exchange of HAR files and aws-smithy
    /// dvr recordings: each request as its operation's input, each response
    /// as its output or one of its errors. Exit 0 all valid, 1 any invalid.
    Traffic(TrafficArgs),
}

#[derive(Debug, ClapArgs)]
struct TrafficArgs {
    /// Members the model does not define are violations.
    #[arg(long)]
    strict: bool,

    /// Hold responses to the model's list size bounds and enum values too.
    #[arg(long)]
    exact_outputs: bool,

    /// Accept enum values the model does not know in requests too.
    #[arg(long)]
    allow_unknown_enums: bool,

    /// How verdicts are printed: human (text) or json (JSON Lines).
    #[arg(long, value_enum, default_value_t = Format::Human, hide_possible_values = true)]
    format: Format,

    /// Recordings, HAR or dvr (told apart by their content); `-` is
    /// standard input.
    #[arg(value_name = "FILE", required = true)]
    files: Vec<PathBuf>,
}

#[derive(Debug, ClapArgs)]
struct MergePagesArgs {
    /// The paginated operation, in any spelling.
    #[arg(long, value_name = "NAME")]
    operation: String,

    /// The service: ecr or ecr-public.
    #[arg(long, value_name = "SERVICE", default_value = "ecr", value_parser = parse_service)]
    service: Service,

    /// The pages, in order: JSON Lines (a page a line) or one page a file;
    /// `-` is standard input.
    #[arg(value_name = "FILE", required = true)]
    files: Vec<PathBuf>,
}

#[derive(Debug, ClapArgs)]
struct WaitStateArgs {
    /// The waiter: boto3's name (`image_scan_complete`) or the model's
    /// (`ImageScanComplete`).
    #[arg(long, value_name = "NAME")]
    waiter: String,

    /// The service: ecr or ecr-public.
    #[arg(long, value_name = "SERVICE", default_value = "ecr", value_parser = parse_service)]
    service: Service,

    /// How verdicts are printed: human (text) or json (JSON Lines).
    #[arg(long, value_enum, default_value_t = Format::Human, hide_possible_values = true)]
    format: Format,

    /// The files are error bodies of the operation, not responses.
    #[arg(long)]
    error: bool,

    /// One response body a file; `-` is standard input.
    #[arg(value_name = "FILE", required = true)]
    files: Vec<PathBuf>,
}

#[derive(Debug, ClapArgs)]
struct RefArgs {
    /// How verdicts are printed: human (text) or json (JSON Lines).
    #[arg(long, value_enum, default_value_t = Format::Human, hide_possible_values = true)]
    format: Format,

    /// A file of references, one a line (blank lines skipped); each result
    /// carries its line.
    #[arg(long, value_name = "FILE")]
    lines: Option<PathBuf>,

    /// Regions the vendored table does not name are accepted where they
    /// have the form of the partition's regions.
    #[arg(long)]
    allow_unknown_regions: bool,

    /// References: `123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1`,
    /// `public.ecr.aws/alias/app`, `arn:aws:ecr:...:repository/app`.
    #[arg(value_name = "VALUE")]
    values: Vec<String>,
}

#[derive(Debug, ClapArgs)]
struct GenerateArgs {
    /// The service: ecr or ecr-public.
    #[arg(long, value_name = "SERVICE", default_value = "ecr", value_parser = parse_service)]
    service: Service,

    /// The structure: DescribeImagesResponse, CreateRepositoryRequest...
    #[arg(long, value_name = "NAME")]
    shape: String,

    /// How many documents.
    #[arg(long, value_name = "N", default_value_t = 1)]
    count: u64,

    /// The seed: the same seed prints the same documents.
    #[arg(long, value_name = "K", default_value_t = 0)]
    seed: u64,

    /// Gives the list at POINTER (a JSON Pointer from the document root,
    /// list indices left out) N items, within the list's bounds:
    /// `--items /imageDetails=1000`. Repeatable.
    #[arg(long, value_name = "POINTER=N", value_parser = parse_items)]
    items: Vec<(String, usize)>,
}

#[derive(Debug, ClapArgs)]
struct InspectArgs {
    /// The service: ecr or ecr-public.
    #[arg(long, value_name = "SERVICE", default_value = "ecr", value_parser = parse_service)]
    service: Service,

    /// How the description is printed: human (text) or json (one JSON object).
    #[arg(long, value_enum, default_value_t = Format::Human, hide_possible_values = true)]
    format: Format,

    /// Describes an operation instead: its boto3 method, input, output,
    /// declared errors, paginator and waiters. Any spelling:
    /// `DescribeImages`, `describe_images`, `describe-images`.
    #[arg(long, value_name = "NAME", conflicts_with = "name")]
    operation: Option<String>,

    /// Any structure, enum or scalar shape of the service.
    #[arg(value_name = "NAME", required_unless_present = "operation")]
    name: Option<String>,
}

#[derive(Debug, ClapArgs)]
struct CheckArgs {
    /// The service: ecr or ecr-public.
    #[arg(long, value_name = "SERVICE", default_value = "ecr", value_parser = parse_service)]
    service: Service,

    /// The scalar or enum shape: RepositoryName, MaxResults, ScanType...
    #[arg(long, value_name = "NAME")]
    shape: String,

    /// The value: a JSON number, true, false, null or a JSON string literal
    /// (`'"1.0"'`); anything else is taken as a plain string.
    #[arg(value_name = "VALUE", allow_hyphen_values = true)]
    value: String,
}

fn parse_items(text: &str) -> Result<(String, usize), String> {
    let (pointer, count) = text
        .rsplit_once('=')
        .ok_or_else(|| "expected POINTER=N, e.g. /imageDetails=1000".to_string())?;
    if !pointer.starts_with('/') {
        return Err(format!(
            "`{pointer}` is not a JSON Pointer: it starts with `/`"
        ));
    }
    let count = count
        .parse()
        .map_err(|_| format!("`{count}` is not a number of items"))?;
    Ok((pointer.to_string(), count))
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
    let mut args = Args::parse();
    match args.command.take() {
        Some(Command::Generate(g)) => return generate(&g),
        Some(Command::Inspect(i)) => return inspect_shape(&i),
        Some(Command::Check(c)) => return check_value(&c),
        Some(Command::Ref(r)) => return check_refs(&r),
        Some(Command::WaitState(w)) => return wait_state(&w),
        Some(Command::MergePages(m)) => return merge_pages(&m),
        Some(Command::Traffic(t)) => return check_traffic(&t),
        None => {}
    }
    // An option before a subcommand makes clap read the subcommand's name
    // as a file to check: say how to write it.
    if let Some(first) = args.files.first().and_then(|f| f.to_str()) {
        let is_subcommand = <Args as clap::CommandFactory>::command()
            .find_subcommand(first)
            .is_some();
        if is_subcommand && !Path::new(first).exists() {
            return usage_error(&format!(
                "`{first}` is a subcommand: subcommands come first, their options after them (`ecr-validate {first} ...`)"
            ));
        }
    }
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
    let opts = Options::default()
        .strict(args.strict)
        .exact_outputs(args.exact_outputs)
        .allow_unknown_enums(args.allow_unknown_enums);
    let check = Check {
        target,
        error_type: args.error_type.as_deref(),
        opts: &opts,
    };

    let stdout = io::stdout();
    let mut reporter = Reporter::new(BufWriter::new(stdout.lock()), args.format);
    let mut unreadable = false;
    let mut buf = Vec::new();
    for file in &files {
        let name = file.to_string_lossy();
        let checked = if args.jsonl {
            check_lines(file, &name, &check, &mut reporter)
        } else {
            check_whole(file, &name, &check, &mut reporter, &mut buf)
        };
        match checked {
            Ok(()) => {}
            Err(Stop::Read(e)) => {
                unreadable = true;
                if let Err(e) = reporter.unreadable(&name, e) {
                    return write_failed(&e, &reporter, unreadable);
                }
            }
            Err(Stop::Write(e)) => return write_failed(&e, &reporter, unreadable),
        }
    }
    if let Err(e) = reporter.finish() {
        return write_failed(&e, &reporter, unreadable);
    }
    // A CI step fed by a failed upstream command must not pass.
    if args.jsonl && !args.allow_empty && !unreadable && reporter.valid() + reporter.invalid() == 0
    {
        let _ = writeln!(
            io::stderr(),
            "ecr-validate: no documents (--allow-empty accepts inputs without any)"
        );
        return ExitCode::from(1);
    }
    status(&reporter, unreadable)
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

/// `generate`: documents as JSON Lines on standard output.
fn generate(args: &GenerateArgs) -> ExitCode {
    let entry = match target::entry(args.service, &args.shape) {
        Ok(entry) => entry,
        Err(message) => return usage_error(&message),
    };
    let ShapeRef::Structure(shape) = entry.shape else {
        return usage_error(&format!(
            "`{}` is {} of {}, not a structure: only structures can be generated (`ecr-validate inspect {}` describes it)",
            entry.name,
            kind(entry.shape),
            args.service,
            entry.name
        ));
    };
    let lists = list_pointers(shape);
    let mut generator = Generator::new(args.seed);
    for (pointer, count) in &args.items {
        if !lists.contains(pointer) {
            let known = if lists.is_empty() {
                "it has no lists".to_string()
            } else {
                format!("its lists: {}", lists.join(", "))
            };
            return usage_error(&format!(
                "`{pointer}` is not a list of {} ({known})",
                entry.name
            ));
        }
        generator = generator.with_items(pointer, *count);
    }
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut written = Ok(());
    for _ in 0..args.count {
        let doc = generator.structure(shape);
        written = serde_json::to_writer(&mut out, &doc)
            .map_err(io::Error::from)
            .and_then(|()| out.write_all(b"\n"));
        if written.is_err() {
            break;
        }
    }
    match written.and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            let _ = writeln!(
                io::stderr(),
                "ecr-validate: cannot write to standard output: {e}"
            );
            ExitCode::from(2)
        }
    }
}

/// `inspect`: a shape described, as text or one JSON object.
fn inspect_shape(args: &InspectArgs) -> ExitCode {
    if let Some(name) = &args.operation {
        return inspect_operation(args, name);
    }
    let name = args.name.as_deref().unwrap_or_default();
    let entry = match target::entry(args.service, name) {
        Ok(entry) => entry,
        Err(message) => return usage_error(&message),
    };
    let description = inspect::describe(entry);
    let text = match args.format {
        Format::Human => ecr_validate::inspect::human(&description),
        Format::Json => match serde_json::to_string(&description) {
            Ok(json) => json + "\n",
            Err(e) => return usage_error(&e.to_string()),
        },
    };
    print_all(&text, ExitCode::SUCCESS)
}

/// `inspect --operation NAME`.
fn inspect_operation(args: &InspectArgs, name: &str) -> ExitCode {
    let op = match Target::operation(args.service, name, Direction::Input) {
        Ok(Target::Operation(op, _)) => op,
        Ok(Target::Shape(_)) => return usage_error("not an operation"),
        Err(message) => return usage_error(&message),
    };
    let description = inspect::describe_operation(op);
    let text = match args.format {
        Format::Human => ecr_validate::inspect::human_operation(&description),
        Format::Json => match serde_json::to_string(&description) {
            Ok(json) => json + "\n",
            Err(e) => return usage_error(&e.to_string()),
        },
    };
    print_all(&text, ExitCode::SUCCESS)
}

/// `check`: one bare value against a scalar or enum shape.
fn check_value(args: &CheckArgs) -> ExitCode {
    let entry = match target::entry(args.service, &args.shape) {
        Ok(entry) => entry,
        Err(message) => return usage_error(&message),
    };
    if let ShapeRef::Structure(_) = entry.shape {
        return usage_error(&format!(
            "`{}` is a structure of {}: check documents with `ecr-validate --service {} --shape {} FILE`",
            entry.name, args.service, args.service, entry.name
        ));
    }
    let value = bare_value(&args.value);
    let verdict = inspect::check_value(entry, &value, &Options::default());
    let mut text = String::new();
    let status = match verdict {
        Ok(()) => {
            text.push_str("valid\n");
            ExitCode::SUCCESS
        }
        Err(e) => {
            let total = e.total();
            let s = if total == 1 { "" } else { "s" };
            text.push_str(&format!("invalid ({total} violation{s})\n"));
            for v in e.violations() {
                let at = if v.path.is_empty() {
                    String::new()
                } else {
                    format!("{}: ", v.path)
                };
                text.push_str(&format!("  {at}{} [{}]\n", v.message, v.code));
            }
            if e.omitted() > 0 {
                text.push_str(&format!("  ... and {} more\n", e.omitted()));
            }
            if !value.is_string() && e.violations().iter().any(|v| v.code == Code::Type) {
                let quoted = serde_json::to_string(&args.value).unwrap_or_default();
                text.push_str(&format!(
                    "  (the value was read as JSON; to check the text, give it as a JSON string: '{quoted}')\n"
                ));
            }
            ExitCode::from(1)
        }
    };
    print_all(&text, status)
}

/// A JSON number, `true`, `false`, `null` or JSON string literal as that
/// value; anything else as a plain string.
fn bare_value(text: &str) -> serde_json::Value {
    match serde_json::from_str::<serde_json::Value>(text) {
        Ok(v) if !v.is_array() && !v.is_object() => v,
        _ => serde_json::Value::String(text.to_string()),
    }
}

fn kind(shape: ShapeRef) -> &'static str {
    match shape {
        ShapeRef::Structure(_) => "a structure",
        ShapeRef::Enum(_) => "an enum",
        ShapeRef::Scalar(_) => "a scalar",
    }
}

/// Prints `text` on standard output and exits with `status`; a closed pipe
/// is not an error.
fn print_all(text: &str, status: ExitCode) -> ExitCode {
    let mut out = io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            let _ = writeln!(
                io::stderr(),
                "ecr-validate: cannot write to standard output: {e}"
            );
            ExitCode::from(2)
        }
        _ => status,
    }
}

fn is_stdin(file: &Path) -> bool {
    file.as_os_str() == "-"
}

/// Checks one input as one document, read whole into `buf`.
fn check_whole<W: Write>(
    file: &Path,
    name: &str,
    check: &Check<'_>,
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
    let verdict = check.document(buf);
    let source = Source { name, line: None };
    reporter.document(source, &verdict).map_err(Stop::Write)
}

/// Checks each non-blank line of one input as a document.
fn check_lines<W: Write>(
    file: &Path,
    name: &str,
    check: &Check<'_>,
    reporter: &mut Reporter<W>,
) -> Result<(), Stop> {
    if is_stdin(file) {
        each_line(io::stdin().lock(), name, check, reporter)
    } else {
        let f = File::open(file).map_err(Stop::Read)?;
        each_line(
            BufReader::with_capacity(64 * 1024, f),
            name,
            check,
            reporter,
        )
    }
}

fn each_line<R: BufRead, W: Write>(
    reader: R,
    name: &str,
    check: &Check<'_>,
    reporter: &mut Reporter<W>,
) -> Result<(), Stop> {
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
            let source = Source {
                name,
                line: Some(line),
            };
            reporter.document(source, verdict).map_err(Stop::Write)?;
        }
        if let Some(e) = failed {
            return Err(Stop::Read(e));
        }
        if !batch.is_full() {
            return Ok(());
        }
    }
}

/// `wait-state`: each response checked as the waiter's operation's output
/// (or error), then the state the waiter reaches on it.
fn wait_state(args: &WaitStateArgs) -> ExitCode {
    use ecr_models::waiter::Response;
    let ops = ecr_models::registry::operations(args.service);
    let found = ops
        .iter()
        .flat_map(|op| op.waiters.iter().map(move |w| (op, w)))
        .find(|(_, w)| w.name == args.waiter || w.model_name == args.waiter);
    let Some((op, waiter)) = found else {
        let known: Vec<&str> = ops.iter().flat_map(|o| o.waiters).map(|w| w.name).collect();
        let known = match known.is_empty() {
            true => "it has none".to_string(),
            false => format!("its waiters: {}", known.join(", ")),
        };
        return usage_error(&format!(
            "unknown waiter `{}` in {} ({known})",
            args.waiter, args.service
        ));
    };
    let opts = Options::default();
    // The reporter prints invalid documents as everywhere else; the states
    // go to the same output, between them.
    let mut reporter = Reporter::new(io::stdout().lock(), args.format);
    let mut status = ExitCode::SUCCESS;
    for path in &args.files {
        let name = path.display().to_string();
        let bytes = match read_file(path) {
            Ok(bytes) => bytes,
            Err(e) => {
                status = ExitCode::from(2);
                if reporter.unreadable(&name, e).is_err() {
                    return status;
                }
                continue;
            }
        };
        let verdict = match args.error {
            true => op.check_error(&bytes, None, &opts),
            false => op.check_output(&bytes, &opts),
        };
        let source = Source {
            name: &name,
            line: None,
        };
        if verdict.is_err() {
            if reporter.document(source, &verdict).is_err() {
                return ExitCode::from(2);
            }
            status = ExitCode::from(1);
            continue;
        }
        // A valid document is valid JSON.
        let Ok(body) = serde_json::from_slice::<serde_json::Value>(&bytes) else {
            continue;
        };
        let code = ["__type", "code"]
            .iter()
            .find_map(|k| body.get(*k).and_then(|v| v.as_str()))
            .map(ecr_models::error_name)
            .unwrap_or_default();
        let response = match args.error {
            true => Response::Error { code, status: 400 },
            false => Response::Output {
                body: &body,
                status: 200,
            },
        };
        let outcome = waiter.state_of(response);
        let line = match args.format {
            Format::Json => serde_json::json!({
                "source": name,
                "state": outcome.state.as_str(),
                "acceptor": outcome.acceptor,
            })
            .to_string(),
            Format::Human => match outcome.acceptor {
                Some(at) => format!("{name}: {} (acceptor {at})", outcome.state.as_str()),
                None => format!("{name}: {} (no acceptor matched)", outcome.state.as_str()),
            },
        };
        if writeln!(reporter.out_mut(), "{line}").is_err() {
            return ExitCode::from(2);
        }
    }
    if reporter.flush().is_err() {
        return ExitCode::from(2);
    }
    status
}

/// `merge-pages`: every page checked, then merged; a page that is not a
/// valid output is reported with its index, and nothing is merged.
fn merge_pages(args: &MergePagesArgs) -> ExitCode {
    let op = match Target::operation(args.service, &args.operation, Direction::Output) {
        Ok(Target::Operation(op, _)) => op,
        Ok(Target::Shape(_)) => return usage_error("not an operation"),
        Err(message) => return usage_error(&message),
    };
    let Some(paginator) = op.paginator else {
        return usage_error(&format!(
            "{} of {} does not paginate",
            op.name, args.service
        ));
    };
    let opts = Options::default();
    let mut pages = Vec::new();
    let mut reporter = Reporter::new(io::stdout().lock(), Format::Human);
    let mut invalid = false;
    for path in &args.files {
        let name = path.display().to_string();
        let bytes = match read_file(path) {
            Ok(bytes) => bytes,
            Err(e) => return usage_error(&format!("{name}: {e}")),
        };
        // One page a file, unless the file holds several lines of JSON.
        let whole = serde_json::from_slice::<serde_json::Value>(&bytes).is_ok();
        let docs: Vec<(Option<usize>, &[u8])> = match whole {
            true => vec![(None, &bytes[..])],
            false => bytes
                .split(|&b| b == b'\n')
                .enumerate()
                .filter(|(_, l)| !l.iter().all(u8::is_ascii_whitespace))
                .map(|(at, l)| (Some(at + 1), l))
                .collect(),
        };
        for (line, doc) in docs {
            let index = pages.len();
            match op.check_output(doc, &opts) {
                Ok(()) => match serde_json::from_slice(doc) {
                    Ok(page) => pages.push(page),
                    Err(e) => return usage_error(&format!("{name}: {e}")),
                },
                Err(e) => {
                    invalid = true;
                    pages.push(serde_json::Value::Null);
                    let label = format!("page {index} ({name})");
                    let source = Source { name: &label, line };
                    if reporter.document(source, &Err(e)).is_err() {
                        return ExitCode::from(2);
                    }
                }
            }
        }
    }
    if invalid {
        let _ = reporter.flush();
        return ExitCode::from(1);
    }
    let merged = paginator.merge(&pages);
    match writeln!(reporter.out_mut(), "{merged}") {
        Ok(()) => ExitCode::SUCCESS,
        Err(_) => ExitCode::from(2),
    }
}

/// A file's bytes; `-` is standard input.
fn read_file(path: &Path) -> io::Result<Vec<u8>> {
    if path == Path::new("-") {
        let mut bytes = Vec::new();
        io::stdin().read_to_end(&mut bytes)?;
        return Ok(bytes);
    }
    std::fs::read(path)
}

/// `traffic`: each recording's exchanges, then the summary.
fn check_traffic(args: &TrafficArgs) -> ExitCode {
    use ecr_validate::traffic::{self, Stop, Tally};
    if args.files.iter().filter(|f| is_stdin(f)).count() > 1 {
        return usage_error("standard input (`-`) can be read only once");
    }
    let opts = Options::default()
        .strict(args.strict)
        .exact_outputs(args.exact_outputs)
        .allow_unknown_enums(args.allow_unknown_enums);
    let mut out = BufWriter::new(io::stdout().lock());
    let mut tally = Tally::default();
    let mut broken = false;
    for path in &args.files {
        let name = path.to_string_lossy();
        let reader: Box<dyn Read> = match is_stdin(path) {
            true => Box::new(io::stdin().lock()),
            false => match File::open(path) {
                Ok(file) => Box::new(file),
                Err(e) => {
                    broken = true;
                    if recording_failed(&mut out, args.format, &name, e.into()).is_err() {
                        return ExitCode::from(2);
                    }
                    continue;
                }
            },
        };
        match traffic::check_recording(&mut out, args.format, &name, reader, &opts, &mut tally) {
            Ok(()) => {}
            Err(Stop::Recording(e)) => {
                broken = true;
                if recording_failed(&mut out, args.format, &name, e.into()).is_err() {
                    return ExitCode::from(2);
                }
            }
            Err(Stop::Write(e)) if e.kind() == io::ErrorKind::BrokenPipe => {
                return ExitCode::from(2)
            }
            Err(Stop::Write(e)) => {
                let _ = writeln!(io::stderr(), "ecr-validate: cannot write the output: {e}");
                return ExitCode::from(2);
            }
        }
    }
    if traffic::summary(&mut out, args.format, &tally)
        .and_then(|()| out.flush())
        .is_err()
    {
        return ExitCode::from(2);
    }
    match (broken, tally.invalid) {
        (true, _) => ExitCode::from(2),
        (false, 0) => ExitCode::SUCCESS,
        (false, _) => ExitCode::from(1),
    }
}

/// A recording that cannot be read (on): a line on standard error and, in
/// JSON, a record with the violation (`io`, or `syntax` with where).
fn recording_failed<W: Write>(
    out: &mut W,
    format: Format,
    name: &str,
    error: ecr_models::Error,
) -> io::Result<()> {
    if format == Format::Json {
        let record = serde_json::json!({
            "source": name,
            "valid": false,
            "errors": error.violations(),
        });
        writeln!(out, "{record}")?;
    }
    out.flush()?;
    for v in error.violations() {
        let _ = writeln!(io::stderr(), "ecr-validate: {name}: {v}");
    }
    Ok(())
}

/// `ref`: each value, then each line of `--lines`.
fn check_refs(args: &RefArgs) -> ExitCode {
    let text = match &args.lines {
        Some(path) => match std::fs::read_to_string(path) {
            Ok(text) => Some((path.display().to_string(), text)),
            Err(e) => return usage_error(&format!("{}: {e}", path.display())),
        },
        None => None,
    };
    if args.values.is_empty() && text.is_none() {
        return usage_error("give references to check, or --lines FILE");
    }
    let given = args.values.iter().map(|v| (v.as_str(), None));
    let lines = text.iter().flat_map(|(file, text)| {
        text.lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
            .map(move |(at, l)| (l.trim(), Some((file.as_str(), at + 1))))
    });
    let opts = Options::default().allow_unknown_enums(args.allow_unknown_regions);
    let mut out = io::stdout().lock();
    match ecr_validate::refs::check_all(&mut out, args.format, given.chain(lines), &opts) {
        Ok((_, 0)) => ExitCode::SUCCESS,
        Ok(_) => ExitCode::from(1),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::from(1),
        Err(e) => usage_error(&format!("standard output: {e}")),
    }
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
