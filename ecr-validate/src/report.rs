//! Printing verdicts: a line (or a few) per document for people, one JSON
//! object per document (JSON Lines) for programs, GitHub Actions workflow
//! commands, or one SARIF 2.1.0 log for code scanning.

use std::fmt;
use std::io::{self, Write};

use serde::Serialize;
use serde_json::{json, Value};

use ecr_models::{Code, Error, Violation};

/// How verdicts are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Lines for people, and a summary line at the end.
    Human,
    /// JSON Lines: one object per document.
    Json,
}

/// How the main command prints its verdicts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum VerdictFormat {
    /// Lines for people, and a summary line at the end.
    Human,
    /// JSON Lines: one object per document.
    Json,
    /// GitHub Actions workflow commands: an `::error` annotation per
    /// violation, at its file, line and column; then the summary line.
    Github,
    /// One SARIF 2.1.0 log, written at the end: a rule per code, a result
    /// per violation with its region, for code scanning.
    Sarif,
}

impl From<Format> for VerdictFormat {
    fn from(format: Format) -> Self {
        match format {
            Format::Human => VerdictFormat::Human,
            Format::Json => VerdictFormat::Json,
        }
    }
}

/// Where a document came from: a file name (`-` for standard input) and,
/// for JSON Lines, its line number; and its text, for showing where each
/// violation is. Displays as `name` or `name:line`.
#[derive(Debug, Clone, Copy)]
pub struct Source<'a> {
    /// The file name as given, `-` for standard input.
    pub name: &'a str,
    /// The 1-based line of a JSON Lines document.
    pub line: Option<usize>,
    /// The document's text (a JSON Lines document's line).
    pub text: &'a [u8],
    /// The file the text is in, where it differs from `name` (`name` is a
    /// label: `page 1 (pages.jsonl)`).
    pub file: Option<&'a str>,
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
    format: VerdictFormat,
    valid: usize,
    invalid: usize,
    /// With SARIF: the results so far, written at the end.
    sarif: Sarif,
    /// Whether the places of violations are shown in colour: only on a
    /// terminal, as `anstream` decides for standard output (`NO_COLOR`,
    /// `CLICOLOR_FORCE`).
    color: bool,
    /// Whether the documents' text may be shown: only when the caller says
    /// so ([`Reporter::showing_text`]), never where it may hold a secret
    /// ([`crate::target::Target::holds_secret`]).
    show_text: bool,
}

impl<W: Write> Reporter<W> {
    /// A reporter printing to `out` in `format`.
    pub fn new(out: W, format: VerdictFormat) -> Self {
        Reporter {
            out,
            format,
            valid: 0,
            invalid: 0,
            sarif: Sarif::default(),
            color: !matches!(
                anstream::AutoStream::choice(&io::stdout()),
                anstream::ColorChoice::Never
            ),
            show_text: false,
        }
    }

    /// The same reporter, showing the documents' text under each violation
    /// when `show` (by default it shows only where each violation is):
    /// never where they may hold a secret.
    pub fn showing_text(mut self, show: bool) -> Self {
        self.show_text = show;
        self
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
            VerdictFormat::Json => {
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
            VerdictFormat::Human => match verdict {
                Ok(()) => writeln!(self.out, "{source}: valid"),
                Err(e) => self.human_errors(source, e),
            },
            VerdictFormat::Github => match verdict {
                Ok(()) => Ok(()),
                Err(e) => e
                    .violations()
                    .iter()
                    .try_for_each(|v| github(&mut self.out, source.name, v)),
            },
            VerdictFormat::Sarif => {
                if let Err(e) = verdict {
                    for v in e.violations() {
                        self.sarif.result(source.name, v);
                    }
                }
                Ok(())
            }
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
        let error = Error::from(e);
        match self.format {
            VerdictFormat::Github => github(&mut self.out, name, &error.violations()[0])?,
            VerdictFormat::Sarif => self.sarif.result(name, &error.violations()[0]),
            VerdictFormat::Human | VerdictFormat::Json => {}
        }
        if self.format == VerdictFormat::Json {
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

    /// An invalid document for people, each violation's place in the file
    /// under it, the source line shown where the text may be.
    fn human_errors(&mut self, source: Source<'_>, error: &Error) -> io::Result<()> {
        let text = if self.show_text { source.text } else { &[] };
        let file = source.file.unwrap_or(source.name);
        let color = self.color;
        write_invalid(&mut self.out, source, error, |v| {
            shown_in_text(file, text, v, color)
        })
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

    /// Prints the summary line (for people and in GitHub's log) or the
    /// SARIF log, and flushes.
    pub fn finish(&mut self) -> io::Result<()> {
        if self.format == VerdictFormat::Sarif {
            serde_json::to_writer(&mut self.out, &self.sarif.log())?;
            self.out.write_all(b"\n")?;
        }
        if matches!(self.format, VerdictFormat::Human | VerdictFormat::Github) {
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
/// writes it ([`Violation::display_with`]: indented, the path's control
/// characters escaped) with the lines of its place under it (`place`),
/// then how many more there were.
pub fn write_invalid<W: Write>(
    out: &mut W,
    label: impl fmt::Display,
    error: &Error,
    place: impl Fn(&Violation) -> Option<String>,
) -> io::Result<()> {
    let total = error.total();
    writeln!(out, "{label}: invalid ({total} violation{})", plural(total))?;
    for v in error.violations() {
        writeln!(out, "  {}", v.display_with("(document)"))?;
        for line in place(v).iter().flat_map(|shown| shown.lines()) {
            writeln!(out, "  {line}")?;
        }
    }
    if let Some(more) = error.display_omitted() {
        writeln!(out, "  {more}")?;
    }
    Ok(())
}

/// The plural ending for `n` things.
pub fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// Writes a violation as a GitHub Actions workflow command:
/// `::error file=F,line=L,col=C,title=CODE::PATH: MESSAGE`, with the
/// characters the command syntax reserves escaped (`%`, line ends, and in
/// properties `:` and `,`).
fn github<W: Write>(out: &mut W, file: &str, v: &Violation) -> io::Result<()> {
    let property = |s: &str| escape_data(s).replace(':', "%3A").replace(',', "%2C");
    write!(out, "::error file={}", property(file))?;
    if let (Some(line), Some(column)) = (v.line, v.column) {
        write!(out, ",line={line},col={column}")?;
    }
    let text = v.display_with("(document)").to_string();
    writeln!(
        out,
        ",title={}::{}",
        property(&format!("ecr-validate {}", v.code)),
        escape_data(&text)
    )
}

/// The data of a workflow command, escaped: `%`, `\r` and `\n`.
fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// The results of a SARIF log, gathered until it is written.
#[derive(Debug, Default)]
struct Sarif {
    results: Vec<Value>,
    /// The codes found, in the order they were first found: the rules.
    codes: Vec<Code>,
}

impl Sarif {
    /// A result for violation `v` of file `file`, naming its rule's place
    /// in the list of rules.
    fn result(&mut self, file: &str, v: &Violation) {
        let rule = match self.codes.iter().position(|c| *c == v.code) {
            Some(at) => at,
            None => {
                self.codes.push(v.code);
                self.codes.len() - 1
            }
        };
        let mut location = json!({"artifactLocation": {"uri": uri(file)}});
        if let (Some(line), Some(column)) = (v.line, v.column) {
            location["region"] = json!({"startLine": line, "startColumn": column});
        }
        self.results.push(json!({
            "ruleId": v.code.as_str(),
            "ruleIndex": rule,
            "level": "error",
            "message": {"text": v.display_with("(document)").to_string()},
            "locations": [{"physicalLocation": location}],
            "properties": {"pointer": v.path},
        }));
    }

    /// The log: one run of the tool, a rule per code found, the results,
    /// columns counted in characters.
    fn log(&self) -> Value {
        let rules: Vec<Value> = self
            .codes
            .iter()
            .map(|c| json!({"id": c.as_str()}))
            .collect();
        json!({
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [{
                "tool": {"driver": {
                    "name": "ecr-validate",
                    "version": env!("CARGO_PKG_VERSION"),
                    "rules": rules,
                }},
                "columnKind": "unicodeCodePoints",
                "results": self.results,
            }],
        })
    }
}

/// A file name as a relative URI reference: `/` between its parts, and
/// what a URI cannot hold percent-encoded.
fn uri(file: &str) -> String {
    let mut out = String::new();
    for b in file.replace('\\', "/").bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(char::from(b))
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// How many bytes of a line around a violation are looked at, each side:
/// more than a terminal shows, and a long line costs no more than a short
/// one.
const WINDOW: usize = 256;

/// Where violation `v` is in its document, for people: `--> file:line:column`,
/// then the source line of `text` with the offending bytes underlined (a
/// long line is cut around them; a span over several lines is underlined
/// on its first). Without the text (empty: not at hand, or not to be
/// shown), the first line alone; `None` when the violation has no place.
pub fn shown_in_text(file: &str, text: &[u8], v: &Violation, color: bool) -> Option<String> {
    use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

    let (span, line, column) = (v.span?, v.line?, v.column?);
    // The arrow in the margin's style, as the snippet's margin is drawn.
    let margin = match color {
        true => anstyle::Style::new()
            .bold()
            .fg_color(Some(anstyle::AnsiColor::BrightBlue.into())),
        false => anstyle::Style::new(),
    };
    let header = format!(" {margin}-->{margin:#} {file}:{line}:{column}");
    if text.is_empty() {
        return Some(header);
    }
    // The text read (a document's valid UTF-8), and the bytes around the
    // span on its line: at most a window each side, cut at character
    // boundaries.
    let text = match std::str::from_utf8(text) {
        Ok(text) => text,
        Err(e) => std::str::from_utf8(text.get(..e.valid_up_to())?).ok()?,
    };
    let floor = |mut at: usize| {
        at = at.min(text.len());
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        at
    };
    let start = floor(span.start);
    let from = floor(start.saturating_sub(WINDOW));
    let from = text[from..start].rfind('\n').map_or(from, |i| from + i + 1);
    let to = floor(start + WINDOW);
    let to = text[start..to].find(['\n', '\r']).map_or(to, |i| start + i);
    // A tab (JSON whitespace) is shown as a space, and any other control
    // character (possible only in text that is not JSON) as `?`s, one per
    // byte: a terminal shows them rather than obeying them, and the
    // offsets still hold.
    let excerpt: String = text[from..to]
        .chars()
        .map(|c| match c {
            '\t' => " ".to_string(),
            c if c.is_control() => "?".repeat(c.len_utf8()),
            c => c.to_string(),
        })
        .collect();
    let end = floor(span.end.clamp(start, to));
    let renderer = match color {
        true => Renderer::styled(),
        false => Renderer::plain(),
    };
    let report = [Group::with_level(Level::ERROR).element(
        Snippet::source(&excerpt)
            .line_start(line)
            .annotation(AnnotationKind::Primary.span(start - from..end - from)),
    )];
    Some(format!("{header}\n{}", renderer.render(&report)))
}
