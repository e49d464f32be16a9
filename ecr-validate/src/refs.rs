//! `ecr-validate ref`: image references, repository references and ARNs,
//! each parsed and checked ([`ecr_models::refs`]), printed for people or as
//! one JSON object each.

use std::io::{self, Write};
use std::path::PathBuf;

use serde_json::{json, Value};

use ecr_models::refs::{Reference, Registry};
use ecr_models::{Error, Options};

use crate::report::{plural, Format};
use crate::{Outcome, Stop};

/// The options of `ref`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// How verdicts are printed: human (text) or json (JSON Lines).
    #[arg(long, value_enum, default_value_t = Format::Human, hide_possible_values = true)]
    pub format: Format,

    /// A file of references, one a line (blank lines skipped); each result
    /// carries its line.
    #[arg(long, value_name = "FILE")]
    pub lines: Option<PathBuf>,

    /// Regions the vendored table does not name are accepted where they
    /// have the form of the partition's regions.
    #[arg(long)]
    pub allow_unknown_regions: bool,

    /// References: `123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1`,
    /// `public.ecr.aws/alias/app`, `arn:aws:ecr:...:repository/app`.
    #[arg(value_name = "VALUE")]
    pub values: Vec<String>,
}

/// Checks each value, then each line of `--lines`, and prints the verdicts.
pub fn run<W: Write>(args: &Args, out: &mut W, found: &mut Outcome) -> Result<(), Stop> {
    let text = match &args.lines {
        Some(path) => match std::fs::read_to_string(path) {
            Ok(text) => Some((path.display().to_string(), text)),
            Err(e) => return Err(Stop::Usage(format!("{}: {e}", path.display()))),
        },
        None => None,
    };
    if args.values.is_empty() && text.is_none() {
        return Err(Stop::Usage(
            "give references to check, or --lines FILE".to_string(),
        ));
    }
    let given = args.values.iter().map(|v| (v.as_str(), None));
    let lines = text.iter().flat_map(|(file, text)| {
        text.lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
            .map(move |(at, l)| (l.trim(), Some((file.as_str(), at + 1))))
    });
    let opts = Options::default().allow_unknown_enums(args.allow_unknown_regions);
    check_all(out, args.format, given.chain(lines), &opts, found)?;
    Ok(())
}

/// One reference's verdict as `--format json` prints it: every part, null
/// where the reference has none (or is invalid), and the violations.
pub fn record(input: &str, line: Option<usize>, verdict: &Result<Reference, Error>) -> Value {
    let mut record = json!({
        "input": input,
        "valid": verdict.is_ok(),
        "kind": null, "registry": null, "registry_id": null, "registry_alias": null,
        "region": null, "partition": null, "fips": null, "dual_stack": null,
        "repository": null, "tag": null, "digest": null,
        "errors": verdict.as_ref().err().map_or(&[][..], |e| e.violations()),
    });
    if let Some(line) = line {
        record["line"] = json!(line);
    }
    let Ok(reference) = verdict else {
        return record;
    };
    record["kind"] = json!(reference.kind());
    let (registry, repository) = match reference {
        Reference::Image(image) => {
            record["tag"] = json!(image.tag);
            record["digest"] = json!(image.digest);
            (&image.repository.registry, &image.repository.repository)
        }
        Reference::Repository(r) => (&r.registry, &r.repository),
        Reference::Arn(arn) => {
            record["registry"] = json!(match arn.service {
                ecr_models::Service::Ecr => "private",
                ecr_models::Service::EcrPublic => "public",
            });
            record["registry_id"] = json!(arn.account);
            record["region"] = json!(arn.region.as_ref().map(|r| r.as_str()));
            record["partition"] = json!(arn.partition.id);
            record["repository"] = json!(arn.repository);
            return record;
        }
    };
    record["repository"] = json!(repository);
    match registry {
        Registry::Private(r) => {
            record["registry"] = json!("private");
            record["registry_id"] = json!(r.registry_id);
            record["region"] = json!(r.region.as_str());
            record["partition"] = json!(r.partition.id);
            record["fips"] = json!(r.fips);
            record["dual_stack"] = json!(r.dual_stack);
        }
        Registry::Public(r) => {
            record["registry"] = json!("public");
            record["registry_alias"] = json!(r.registry_alias);
            record["dual_stack"] = json!(r.dual_stack);
        }
    }
    record
}

/// One reference's verdict for people: its parts, or its violations.
pub fn human(input: &str, source: Option<&str>, verdict: &Result<Reference, Error>) -> String {
    let name = source.map_or_else(|| input.to_string(), |s| format!("{s}: {input}"));
    match verdict {
        Ok(reference) => {
            let parts = record(input, None, verdict);
            let keys = [
                "registry",
                "registry_id",
                "registry_alias",
                "region",
                "partition",
                "repository",
                "tag",
                "digest",
            ];
            let mut said: Vec<String> = keys
                .iter()
                .filter_map(|k| Some(format!("{k} {}", parts[*k].as_str()?)))
                .collect();
            for flag in ["fips", "dual_stack"] {
                if parts[flag] == json!(true) {
                    said.push(flag.replace('_', "-"));
                }
            }
            format!("{name}: valid {}: {}\n", reference.kind(), said.join(", "))
        }
        Err(e) => {
            let total = e.total();
            let lines = e.display_lines("(reference)");
            format!(
                "{name}: invalid ({total} violation{}){lines}\n",
                plural(total)
            )
        }
    }
}

/// Checks each of `values` (with, for `--lines`, the file and line each
/// came from) and prints the verdicts, each recorded in `found` before it
/// is printed; the counts of valid and invalid.
pub fn check_all<'a, W: Write>(
    out: &mut W,
    format: Format,
    values: impl IntoIterator<Item = (&'a str, Option<(&'a str, usize)>)>,
    opts: &Options,
    found: &mut Outcome,
) -> io::Result<(usize, usize)> {
    let (mut valid, mut invalid) = (0, 0);
    for (value, from) in values {
        let verdict = Reference::parse_with(value, opts);
        found.judged(&verdict);
        match verdict {
            Ok(_) => valid += 1,
            Err(_) => invalid += 1,
        }
        match format {
            Format::Json => {
                serde_json::to_writer(&mut *out, &record(value, from.map(|f| f.1), &verdict))?;
                out.write_all(b"\n")?;
            }
            Format::Human => {
                let source = from.map(|(file, line)| format!("{file}:{line}"));
                out.write_all(human(value, source.as_deref(), &verdict).as_bytes())?;
            }
        }
    }
    if format == Format::Human {
        let total = valid + invalid;
        writeln!(
            out,
            "{total} reference{}: {valid} valid, {invalid} invalid",
            plural(total)
        )?;
    }
    out.flush()?;
    Ok((valid, invalid))
}
