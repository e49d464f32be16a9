//! `ecr-validate wait-state`: each recorded response checked as the
//! waiter's operation's output (or error), then the state the waiter
//! reaches on it ([`ecr_models::waiter`]).

use std::io::Write;
use std::path::PathBuf;

use ecr_models::waiter::Response;
use ecr_models::{registry, Options, Service};

use crate::input::read_file;
use crate::report::{Format, Reporter, Source};
use crate::target::{Direction, Target};
use crate::{parse_service, Outcome, Stop};

/// The options of `wait-state`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The waiter: boto3's name (`image_scan_complete`) or the model's
    /// (`ImageScanComplete`).
    #[arg(long, value_name = "NAME")]
    pub waiter: String,

    /// The service: ecr or ecr-public.
    #[arg(long, value_name = "SERVICE", default_value = "ecr", value_parser = parse_service)]
    pub service: Service,

    /// How verdicts are printed: human (text) or json (JSON Lines).
    #[arg(long, value_enum, default_value_t = Format::Human, hide_possible_values = true)]
    pub format: Format,

    /// The files are error bodies of the operation, not responses.
    #[arg(long)]
    pub error: bool,

    /// One response body a file; `-` is standard input.
    #[arg(value_name = "FILE", required = true)]
    pub files: Vec<PathBuf>,
}

/// Prints, for each file, the waiter's state, or the response's
/// violations when it is not a valid output (or error) of the operation.
pub fn run<W: Write>(args: &Args, out: &mut W, found: &mut Outcome) -> Result<(), Stop> {
    let ops = registry::operations(args.service);
    let waiter = ops
        .iter()
        .flat_map(|op| op.waiters.iter().map(move |w| (op, w)))
        .find(|(_, w)| w.name == args.waiter || w.model_name == args.waiter);
    let Some((op, waiter)) = waiter else {
        let known: Vec<&str> = ops.iter().flat_map(|o| o.waiters).map(|w| w.name).collect();
        let known = match known.is_empty() {
            true => "it has none".to_string(),
            false => format!("its waiters: {}", known.join(", ")),
        };
        return Err(Stop::Usage(format!(
            "unknown waiter `{}` in {} ({known})",
            args.waiter, args.service
        )));
    };
    let opts = Options::default();
    // The reporter prints invalid documents as everywhere else; the states
    // go to the same output, between them.
    let direction = match args.error {
        true => Direction::Error(None),
        false => Direction::Output,
    };
    let shown = !Target::Operation(op, direction).holds_secret();
    let mut reporter = Reporter::new(out, args.format.into()).showing_text(shown);
    for path in &args.files {
        let name = path.display().to_string();
        let bytes = match read_file(path) {
            Ok(bytes) => bytes,
            Err(e) => {
                found.add(Outcome::Failed);
                reporter.unreadable(&name, e)?;
                continue;
            }
        };
        let verdict = match args.error {
            true => op.check_error(&bytes, None, &opts),
            false => op.check_output(&bytes, &opts),
        };
        found.judged(&verdict);
        if verdict.is_err() {
            let source = Source {
                name: &name,
                line: None,
                text: &bytes,
                file: None,
            };
            reporter.document(source, &verdict)?;
            continue;
        }
        // A valid body is valid JSON and, as an error body, names its error.
        let (body, code): (serde_json::Value, String);
        let response = if args.error {
            code = ecr_models::named_error(&bytes, None).unwrap_or_default();
            Response::Error {
                code: &code,
                status: 400,
            }
        } else {
            body = serde_json::from_slice(&bytes).unwrap_or_default();
            Response::Output {
                body: &body,
                status: 200,
            }
        };
        let outcome = waiter.state_of(response);
        let state = outcome.state.as_str();
        let out = reporter.out_mut();
        match (args.format, outcome.acceptor) {
            (Format::Json, acceptor) => {
                let record = serde_json::json!({
                    "source": name,
                    "state": state,
                    "acceptor": acceptor,
                });
                writeln!(out, "{record}")?;
            }
            (Format::Human, Some(at)) => writeln!(out, "{name}: {state} (acceptor {at})")?,
            (Format::Human, None) => writeln!(out, "{name}: {state} (no acceptor matched)")?,
        }
    }
    Ok(())
}
