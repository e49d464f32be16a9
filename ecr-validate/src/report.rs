//! Printing verdicts: a line (or a few) per document for people, or one
//! JSON object per document (JSON Lines) for programs.

use std::fmt;
use std::io::{self, Write};

use serde::Serialize;

use ecr_models::{Error, Violation};

/// How verdicts are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Lines for people, and a summary line at the end.
    Human,
    /// JSON Lines: one object per document.
    Json,
}

/// Where a document came from: a file name (`-` for standard input) and,
/// for JSON Lines, its line number. Displays as `name` or `name:line`.
#[derive(Debug, Clone, Copy)]
pub struct Source<'a> {
    /// The file name as given, `-` for standard input.
    pub name: &'a str,
    /// The 1-based line of a JSON Lines document.
    pub line: Option<usize>,
}

impl fmt::Display for Source<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        Ok(())
    }
}

/// One document's verdict as printed by `--format json`: the file as
/// `source`, and a JSON Lines document's line as `line`.
#[derive(Serialize)]
struct Record<'a> {
    source: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<usize>,
    valid: bool,
    errors: &'a [Violation],
    #[serde(skip_serializing_if = "is_zero")]
    omitted: usize,
}

/// For `skip_serializing_if`: a count of none is left out.
pub fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// Prints verdicts to `out` and counts them.
#[derive(Debug)]
pub struct Reporter<W: Write> {
    out: W,
    format: Format,
    valid: usize,
    invalid: usize,
}

impl<W: Write> Reporter<W> {
    /// A reporter printing to `out` in `format`.
    pub fn new(out: W, format: Format) -> Self {
        Reporter {
            out,
            format,
            valid: 0,
            invalid: 0,
        }
    }

    /// Documents found valid so far.
    pub fn valid(&self) -> usize {
        self.valid
    }

    /// Documents found invalid so far.
    pub fn invalid(&self) -> usize {
        self.invalid
    }

    /// Prints the verdict on one document. A JSON Lines document's places
    /// are on its line of the file ([`Error::on_line`]).
    pub fn document(&mut self, source: Source<'_>, verdict: &Result<(), Error>) -> io::Result<()> {
        let on_line;
        let verdict = match (verdict, source.line) {
            (Err(e), Some(line)) => {
                on_line = Err(e.clone().on_line(line));
                &on_line
            }
            _ => verdict,
        };
        match verdict {
            Ok(()) => self.valid += 1,
            Err(_) => self.invalid += 1,
        }
        match self.format {
            Format::Json => {
                let (errors, omitted) = match verdict {
                    Ok(()) => (&[][..], 0),
                    Err(e) => (e.violations(), e.omitted()),
                };
                let record = Record {
                    source: source.name,
                    line: source.line,
                    valid: verdict.is_ok(),
                    errors,
                    omitted,
                };
                serde_json::to_writer(&mut self.out, &record)?;
                self.out.write_all(b"\n")
            }
            Format::Human => match verdict {
                Ok(()) => writeln!(self.out, "{source}: valid"),
                Err(e) => self.human_errors(source, e),
            },
        }
    }

    /// Reports an input that could not be read: a line on standard error
    /// and, in JSON, a record too (code `io`), so that a consumer of the
    /// records sees every input. Counted as neither valid nor invalid: the
    /// command's status says an input was unreadable. The line on standard
    /// error is written even when the output cannot be.
    pub fn unreadable(&mut self, name: &str, e: io::Error) -> io::Result<()> {
        let message = format!("ecr-validate: {name}: {e}");
        let written = self.unreadable_record(name, e);
        let _ = writeln!(io::stderr(), "{message}");
        written
    }

    /// The record of an unreadable input (JSON only), and what came before
    /// it flushed, so that it precedes the line on standard error.
    fn unreadable_record(&mut self, name: &str, e: io::Error) -> io::Result<()> {
        if self.format == Format::Json {
            let error = Error::from(e);
            let record = Record {
                source: name,
                line: None,
                valid: false,
                errors: error.violations(),
                omitted: 0,
            };
            serde_json::to_writer(&mut self.out, &record)?;
            self.out.write_all(b"\n")?;
        }
        self.out.flush()
    }

    fn human_errors(&mut self, source: Source<'_>, error: &Error) -> io::Result<()> {
        write_invalid(&mut self.out, source, error)
    }

    /// The output, for lines of a command's own between the verdicts.
    pub fn out_mut(&mut self) -> &mut W {
        &mut self.out
    }

    /// Flushes what is printed so far (before a message to standard error,
    /// so the two read in order on a terminal).
    pub fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }

    /// Prints the summary line (human format only) and flushes.
    pub fn finish(&mut self) -> io::Result<()> {
        if self.format == Format::Human {
            let total = self.valid + self.invalid;
            writeln!(
                self.out,
                "{total} document{}: {} valid, {} invalid",
                plural(total),
                self.valid,
                self.invalid
            )?;
        }
        self.out.flush()
    }
}

/// Writes an invalid document's lines for people: `label: invalid (N
/// violations)`, then each violation on a line of its own as the library
/// writes it ([`Error::display_lines`]: indented, the path's control
/// characters escaped), then how many more there were.
pub fn write_invalid<W: Write>(
    out: &mut W,
    label: impl fmt::Display,
    error: &Error,
) -> io::Result<()> {
    let total = error.total();
    let lines = error.display_lines("(document)");
    writeln!(
        out,
        "{label}: invalid ({total} violation{}){lines}",
        plural(total)
    )
}

/// The plural ending for `n` things.
pub fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}
