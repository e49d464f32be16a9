//! `ecr-validate merge-pages`: the pages of one paginated call, each
//! checked as the operation's output, merged as boto3's
//! `build_full_result()` merges them.

use std::io::Write;
use std::path::PathBuf;

use ecr_models::{Options, Service};
use serde_json::Value;

use crate::input::read_file;
use crate::report::{Reporter, Source, VerdictFormat};
use crate::target::{Direction, Target};
use crate::{parse_service, Outcome, Stop};

/// The options of `merge-pages`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The paginated operation, in any spelling.
    #[arg(long, value_name = "NAME")]
    pub operation: String,

    /// The service: ecr or ecr-public.
    #[arg(long, value_name = "SERVICE", default_value = "ecr", value_parser = parse_service)]
    pub service: Service,

    /// The pages, in order: JSON Lines (a page a line) or one page a file;
    /// `-` is standard input.
    #[arg(value_name = "FILE", required = true)]
    pub files: Vec<PathBuf>,
}

/// Checks every page, then prints the merged result; a page that is not a
/// valid output is reported with its index, and nothing is merged.
pub fn run<W: Write>(args: &Args, out: &mut W, found: &mut Outcome) -> Result<(), Stop> {
    let op = match Target::operation(args.service, &args.operation, Direction::Output) {
        Ok(Target::Operation(op, _)) => op,
        Ok(_) => return Err(Stop::Usage("not an operation".to_string())),
        Err(message) => return Err(Stop::Usage(message)),
    };
    let Some(paginator) = op.paginator else {
        return Err(Stop::Usage(format!(
            "{} of {} does not paginate",
            op.name, args.service
        )));
    };
    let opts = Options::default();
    let mut pages = Vec::new();
    let output = Target::Operation(op, Direction::Output);
    let mut reporter =
        Reporter::new(out, VerdictFormat::Human).showing_text(!output.holds_secret());
    let mut invalid = false;
    for path in &args.files {
        let name = path.display().to_string();
        let bytes = read_file(path).map_err(|e| Stop::Usage(format!("{name}: {e}")))?;
        // One page a file, unless the file holds several lines of JSON.
        let whole = serde_json::from_slice::<Value>(&bytes).is_ok();
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
            let verdict = op.check_output(doc, &opts);
            found.judged(&verdict);
            if verdict.is_err() {
                invalid = true;
                pages.push(Value::Null);
                let label = format!("page {index} ({name})");
                let source = Source {
                    name: &label,
                    line,
                    text: doc,
                    file: Some(&name),
                };
                reporter.document(source, &verdict)?;
                continue;
            }
            let page =
                serde_json::from_slice(doc).map_err(|e| Stop::Usage(format!("{name}: {e}")))?;
            pages.push(page);
        }
    }
    if !invalid {
        writeln!(reporter.out_mut(), "{}", paginator.merge(&pages))?;
    }
    Ok(())
}
