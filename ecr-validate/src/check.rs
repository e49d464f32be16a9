//! `ecr-validate check`: one bare value against a scalar or enum shape.

use std::io::Write;

use ecr_models::registry::ShapeRef;
use ecr_models::{inspect, Code, Options};
use serde_json::Value;

use crate::args::ShapeArgs;
use crate::report::plural;
use crate::{Outcome, Stop};

/// The options of `check`.
#[derive(Debug, clap::Args)]
#[command(mut_arg("name", |a| {
    a.help("The scalar or enum shape: RepositoryName, MaxResults, ScanType...")
}))]
pub struct Args {
    #[command(flatten)]
    pub shape: ShapeArgs,

    /// The value: a JSON number, true, false, null or a JSON string literal
    /// (`'"1.0"'`); anything else is taken as a plain string.
    #[arg(value_name = "VALUE", allow_hyphen_values = true)]
    pub value: String,
}

/// Checks the value and prints `valid`, or `invalid` and its violations.
pub fn run<W: Write>(args: &Args, out: &mut W, found: &mut Outcome) -> Result<(), Stop> {
    let entry = args.shape.entry()?;
    if let ShapeRef::Structure(_) = entry.shape {
        let service = args.shape.service;
        return Err(Stop::Usage(format!(
            "`{}` is a structure of {service}: check documents with `ecr-validate --service {service} --shape {} FILE`",
            entry.name, entry.name
        )));
    }
    let value = bare_value(&args.value);
    let verdict = inspect::check_value(entry, &value, &Options::default());
    found.judged(&verdict);
    let Err(e) = verdict else {
        writeln!(out, "valid")?;
        return Ok(());
    };
    // The value is the whole input: its violations have no path to show.
    let total = e.total();
    let lines = e.display_lines("");
    writeln!(out, "invalid ({total} violation{}){lines}", plural(total))?;
    if !value.is_string() && e.violations().iter().any(|v| v.code == Code::Type) {
        let quoted = serde_json::to_string(&args.value).unwrap_or_default();
        writeln!(
            out,
            "  (the value was read as JSON; to check the text, give it as a JSON string: '{quoted}')"
        )?;
    }
    Ok(())
}

/// A JSON number, `true`, `false`, `null` or JSON string literal as that
/// value; anything else as a plain string.
fn bare_value(text: &str) -> Value {
    match serde_json::from_str::<Value>(text) {
        Ok(v) if !v.is_array() && !v.is_object() => v,
        _ => Value::String(text.to_string()),
    }
}
