//! `ecr-validate traffic`: each ECR and ECR Public exchange of HAR files
//! and aws-smithy dvr recordings ([`ecr_models::traffic`]), each side
//! checked and printed as it is read.

use std::fs::File;
use std::io::{self, Read, Write};
use std::ops::ControlFlow;
use std::path::PathBuf;

use serde::Serialize;

use ecr_models::traffic::{self, Exchange, RecordingError};
use ecr_models::{Options, Service, Violation};

use crate::args::Judging;
use crate::input::is_stdin;
use crate::report::{is_zero, plural, shown_in_text, write_invalid, Format};
use crate::{Outcome, Stop};

/// The options of `traffic`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// How documents are judged.
    #[command(flatten)]
    pub judging: Judging,

    /// How verdicts are printed: human (text) or json (JSON Lines).
    #[arg(long, value_enum, default_value_t = Format::Human, hide_possible_values = true)]
    pub format: Format,

    /// Recordings, HAR or dvr (told apart by their content); `-` is
    /// standard input.
    #[arg(value_name = "FILE", required = true)]
    pub files: Vec<PathBuf>,
}

/// Checks each recording's exchanges, then prints the summary. A recording
/// that cannot be read (on) is reported and the next one checked.
pub fn run<W: Write>(args: &Args, out: &mut W, found: &mut Outcome) -> Result<(), Stop> {
    if args.files.iter().filter(|f| is_stdin(f)).count() > 1 {
        return Err(Stop::Usage(
            "standard input (`-`) can be read only once".to_string(),
        ));
    }
    let opts = args.judging.options();
    let mut tally = Tally::default();
    for path in &args.files {
        let name = path.to_string_lossy();
        let reader: Box<dyn Read> = match is_stdin(path) {
            true => Box::new(io::stdin().lock()),
            false => match File::open(path) {
                Ok(file) => Box::new(file),
                Err(e) => {
                    found.add(Outcome::Failed);
                    recording_failed(out, args.format, &name, e.into())?;
                    continue;
                }
            },
        };
        let checked = check_recording(out, args.format, &name, reader, &opts, &mut tally, found);
        match checked {
            Ok(()) => {}
            Err(Cut::Recording(e)) => {
                found.add(Outcome::Failed);
                recording_failed(out, args.format, &name, e.into())?;
            }
            Err(Cut::Write(e)) => return Err(Stop::Output(e)),
        }
    }
    summary(out, args.format, &tally)?;
    Ok(())
}

/// A recording that cannot be read (on): a line on standard error (even
/// when the output cannot be written) and, in JSON, a record with the
/// violation (`io`, or `syntax` with where).
fn recording_failed<W: Write>(
    out: &mut W,
    format: Format,
    name: &str,
    error: ecr_models::Error,
) -> io::Result<()> {
    let written = match format {
        Format::Json => {
            let record = serde_json::json!({
                "source": name,
                "valid": false,
                "errors": error.violations(),
            });
            writeln!(out, "{record}")
        }
        Format::Human => Ok(()),
    };
    let written = written.and_then(|()| out.flush());
    for v in error.violations() {
        let _ = writeln!(io::stderr(), "ecr-validate: {name}: {v}");
    }
    written
}

/// What the recordings held, counted.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Tally {
    /// Exchanges read, of any service.
    pub exchanges: usize,
    /// Exchanges of other services (or without `X-Amz-Target`), skipped.
    pub skipped: usize,
    /// Sides found valid.
    pub valid: usize,
    /// Sides found invalid.
    pub invalid: usize,
}

/// One side's verdict as `--format json` prints it.
#[derive(Serialize)]
struct Record<'a> {
    source: &'a str,
    exchange: usize,
    operation: &'a str,
    service: &'a str,
    side: &'a str,
    status: Option<u16>,
    valid: bool,
    errors: &'a [Violation],
    #[serde(skip_serializing_if = "is_zero")]
    omitted: usize,
}

/// The summary `--format json` ends with, as `{"summary": ...}`.
#[derive(Serialize)]
struct Summary {
    exchanges: usize,
    checked: usize,
    skipped: usize,
    valid: usize,
    invalid: usize,
}

#[derive(Serialize)]
struct SummaryRecord {
    summary: Summary,
}

/// Why checking a recording stopped early.
#[derive(Debug)]
pub enum Cut {
    /// The recording cannot be read on (the exchanges before were checked).
    Recording(RecordingError),
    /// The output could not be written.
    Write(io::Error),
}

/// Checks every exchange of one recording, printing a verdict per side
/// (each recorded in `found` before it is printed).
pub fn check_recording<W: Write>(
    out: &mut W,
    format: Format,
    source: &str,
    reader: impl Read,
    opts: &Options,
    tally: &mut Tally,
    found: &mut Outcome,
) -> Result<(), Cut> {
    let mut failed = None;
    let read = traffic::read(reader, |exchange| {
        tally.exchanges += 1;
        match print_exchange(out, format, source, &exchange, opts, tally, found) {
            Ok(()) => ControlFlow::Continue(()),
            Err(e) => {
                failed = Some(e);
                ControlFlow::Break(())
            }
        }
    });
    if let Some(e) = failed {
        return Err(Cut::Write(e));
    }
    read.map(drop).map_err(Cut::Recording)
}

fn print_exchange<W: Write>(
    out: &mut W,
    format: Format,
    source: &str,
    exchange: &Exchange,
    opts: &Options,
    tally: &mut Tally,
    found: &mut Outcome,
) -> io::Result<()> {
    let Some(checked) = traffic::check(exchange, opts) else {
        tally.skipped += 1;
        return Ok(());
    };
    for side in &checked.sides {
        found.judged(&side.verdict);
        match side.verdict {
            Ok(()) => tally.valid += 1,
            Err(_) => tally.invalid += 1,
        }
        match format {
            Format::Json => {
                let (errors, omitted) = match &side.verdict {
                    Ok(()) => (&[][..], 0),
                    Err(e) => (e.violations(), e.omitted()),
                };
                let record = Record {
                    source,
                    exchange: exchange.index,
                    operation: checked.operation,
                    service: checked.service.name(),
                    side: side.side.as_str(),
                    status: side.status,
                    valid: side.verdict.is_ok(),
                    errors,
                    omitted,
                };
                serde_json::to_writer(&mut *out, &record)?;
                out.write_all(b"\n")?;
            }
            Format::Human => {
                let service = match checked.service {
                    Service::EcrPublic => "ecr-public ",
                    _ => "",
                };
                let status = side.status.map(|s| format!(" ({s})")).unwrap_or_default();
                let label = format!(
                    "{source}#{} {service}{} {}{status}",
                    exchange.index,
                    shown(checked.operation),
                    side.side.as_str()
                );
                // A violation's place in the body; never the body itself,
                // which may hold a secret (an authorization token).
                let body = format!("{source}#{} {} body", exchange.index, side.side.as_str());
                match &side.verdict {
                    Ok(()) => writeln!(out, "{label}: valid")?,
                    Err(e) => {
                        write_invalid(out, &label, e, |v| shown_in_text(&body, &[], v, false))?
                    }
                }
            }
        }
    }
    Ok(())
}

/// Prints the summary: a line for people, or one JSON object.
pub fn summary<W: Write>(out: &mut W, format: Format, tally: &Tally) -> io::Result<()> {
    let results = tally.valid + tally.invalid;
    let checked = tally.exchanges - tally.skipped;
    match format {
        Format::Json => {
            let summary = Summary {
                exchanges: tally.exchanges,
                checked,
                skipped: tally.skipped,
                valid: tally.valid,
                invalid: tally.invalid,
            };
            serde_json::to_writer(&mut *out, &SummaryRecord { summary })?;
            out.write_all(b"\n")
        }
        Format::Human => writeln!(
            out,
            "{results} result{} of {checked} exchange{}: {} valid, {} invalid; {} other exchange{} skipped",
            plural(results),
            plural(checked),
            tally.valid,
            tally.invalid,
            tally.skipped,
            plural(tally.skipped)
        ),
    }
}

/// An operation name as a recording gives it, for a terminal: control
/// characters escaped (a header could hold any), at most 100 characters.
fn shown(name: &str) -> String {
    let mut out: String = name
        .chars()
        .take(100)
        .map(|c| match c.is_control() {
            true => c.escape_unicode().to_string(),
            false => c.to_string(),
        })
        .collect();
    if name.chars().count() > 100 {
        out.push_str("...");
    }
    out
}
