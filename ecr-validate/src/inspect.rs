//! `ecr-validate inspect`: a shape or an operation described, for people
//! (a [`Description`] as indented text) or as one JSON object.

use std::fmt::Write as _;
use std::io;

use ecr_models::inspect::{
    self, Bounds, Description, OperationDescription, OperationUse, TypeInfo,
};
use ecr_models::Service;

use crate::report::Format;
use crate::target::{Direction, Target};
use crate::{parse_service, target, Stop};

/// The options of `inspect`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The service: ecr or ecr-public.
    #[arg(long, value_name = "SERVICE", default_value = "ecr", value_parser = parse_service)]
    pub service: Service,

    /// How the description is printed: human (text) or json (one JSON object).
    #[arg(long, value_enum, default_value_t = Format::Human, hide_possible_values = true)]
    pub format: Format,

    /// Describes an operation instead: its boto3 method, input, output,
    /// declared errors, paginator and waiters. Any spelling:
    /// `DescribeImages`, `describe_images`, `describe-images`.
    #[arg(long, value_name = "NAME", conflicts_with = "name")]
    pub operation: Option<String>,

    /// Any structure, enum or scalar shape of the service.
    #[arg(value_name = "NAME", required_unless_present = "operation")]
    pub name: Option<String>,
}

/// Prints the description of the shape or operation. Nothing is judged.
pub fn run<W: io::Write>(args: &Args, out: &mut W) -> Result<(), Stop> {
    let text = match &args.operation {
        Some(name) => {
            let op = match Target::operation(args.service, name, Direction::Input) {
                Ok(Target::Operation(op, _)) => op,
                Ok(Target::Shape(_)) => return Err(Stop::Usage("not an operation".to_string())),
                Err(message) => return Err(Stop::Usage(message)),
            };
            let description = inspect::describe_operation(op);
            match args.format {
                Format::Human => human_operation(&description),
                Format::Json => json(&description)?,
            }
        }
        None => {
            let name = args.name.as_deref().unwrap_or_default();
            let entry = target::entry(args.service, name).map_err(Stop::Usage)?;
            let description = inspect::describe(entry);
            match args.format {
                Format::Human => human(&description),
                Format::Json => json(&description)?,
            }
        }
    };
    out.write_all(text.as_bytes())?;
    Ok(())
}

/// A description as one line of JSON.
fn json(description: &impl serde::Serialize) -> Result<String, Stop> {
    match serde_json::to_string(description) {
        Ok(json) => Ok(json + "\n"),
        Err(e) => Err(Stop::Usage(e.to_string())),
    }
}

/// The description as text, ending with a newline.
pub fn human(d: &Description) -> String {
    let mut out = String::new();
    let what = match (d.kind, d.operation) {
        ("structure", Some(op)) => format!("structure of {}, {} of {op}", d.service, d.role),
        ("structure", None) => format!("structure of {} ({})", d.service, d.role),
        (kind, _) => format!("{kind} of {}", d.service),
    };
    let _ = writeln!(out, "{}: {what}", d.name);
    if d.exception {
        out.push_str("An error body: `__type` (or `code`) names the error.\n");
    }
    if let Some(members) = &d.members {
        if members.is_empty() {
            out.push_str("\nNo members.\n");
        } else {
            out.push_str("\nMembers (wire names):\n");
        }
        for m in members {
            let required = if m.required { ", required" } else { "" };
            let _ = writeln!(
                out,
                "  {}: {}{required}",
                m.name,
                label(Some(m.shape), &m.ty)
            );
            rules(&mut out, &m.ty, 6);
        }
    }
    if let Some(values) = d.values {
        let _ = writeln!(out, "\nValues: {}", values.join(", "));
    }
    if let Some(ty) = &d.ty {
        let _ = writeln!(out, "\nType: {}", label(None, ty));
        rules(&mut out, ty, 4);
    }
    used_by(&mut out, &d.operations);
    out
}

/// `RepositoryName (string)`, `ImageIdentifierList (list)`, or just the
/// kind when the shape is named after it (`String`).
fn label(shape: Option<&str>, ty: &TypeInfo) -> String {
    match shape.or(ty.name) {
        Some(name) if !name.eq_ignore_ascii_case(ty.kind) => format!("{name} ({})", ty.kind),
        _ => ty.kind.to_string(),
    }
}

fn bounds(b: &Bounds, op: &str) -> String {
    match (b.min, b.max) {
        (Some(min), Some(max)) => format!("{min}{op}{max}"),
        (Some(min), None) => format!("{min}.."),
        (None, Some(max)) => format!("0{op}{max}"),
        (None, None) => "any".to_string(),
    }
}

/// One line per rule of `ty`, `indent` spaces in; list items and map keys
/// and values with their own rules below them.
fn rules(out: &mut String, ty: &TypeInfo, indent: usize) {
    let pad = " ".repeat(indent);
    if let Some(length) = &ty.length {
        let _ = writeln!(out, "{pad}length {} characters", bounds(length, "..="));
    }
    if let Some(pattern) = ty.pattern {
        let _ = writeln!(out, "{pad}pattern {pattern}");
    }
    if ty.secret {
        let _ = writeln!(out, "{pad}secret: never quoted in messages");
    }
    if let Some(range) = &ty.range {
        let _ = writeln!(out, "{pad}range {}..={}", range.min, range.max);
    }
    if let Some(size) = &ty.size {
        let _ = writeln!(out, "{pad}size {} bytes", bounds(size, "..="));
    }
    if let Some(values) = ty.values {
        let _ = writeln!(out, "{pad}values {}", values.join(", "));
    }
    if let Some(items) = &ty.items {
        let _ = writeln!(out, "{pad}items {}", bounds(items, "..="));
    }
    for (what, part) in [("item", &ty.member), ("key", &ty.key), ("value", &ty.value)] {
        if let Some(part) = part {
            let _ = writeln!(out, "{pad}{what}: {}", label(None, part));
            rules(out, part, indent + 2);
        }
    }
}

fn used_by(out: &mut String, operations: &[OperationUse]) {
    match operations.len() {
        0 => {
            out.push_str("\nUsed by no operation.\n");
            return;
        }
        1 => out.push_str("\nUsed by 1 operation (directly or nested):\n"),
        n => {
            let _ = writeln!(out, "\nUsed by {n} operations (directly or nested):");
        }
    }
    let width = operations
        .iter()
        .map(|o| o.operation.len())
        .max()
        .unwrap_or(0);
    for o in operations {
        // One entry per side: `input` when nested in the input, `input (this
        // shape)` when it is the input; errors name the errors it is in.
        let mut sides: Vec<(&str, bool, Vec<&str>)> = Vec::new();
        for u in &o.uses {
            let at = match sides.iter().position(|(side, _, _)| *side == u.side) {
                Some(i) => i,
                None => {
                    sides.push((u.side, false, Vec::new()));
                    sides.len() - 1
                }
            };
            if u.direct {
                sides[at].1 = true;
            } else if u.side == "error" {
                sides[at].2.push(u.shape);
            }
        }
        let text: Vec<String> = sides
            .iter()
            .map(|(side, direct, within)| match (direct, within.is_empty()) {
                (true, true) => format!("{side} (this shape)"),
                (true, false) => format!("{side} (this shape; in {})", within.join(", ")),
                (false, true) => side.to_string(),
                (false, false) => format!("{side} (in {})", within.join(", ")),
            })
            .collect();
        let _ = writeln!(out, "  {:width$}  {}", o.operation, text.join(", "));
    }
}

/// An operation for people: its method, shapes, paginator and waiters.
pub fn human_operation(d: &OperationDescription) -> String {
    let mut out = format!(
        "{} (operation of {}; boto3 method {})\n  input:  {}\n  output: {}\n",
        d.name, d.service, d.method, d.input, d.output
    );
    out.push_str(&format!("  errors: {}\n", d.errors.join(", ")));
    match &d.paginator {
        None => out.push_str("  paginator: none\n"),
        Some(p) => {
            out.push_str(&format!(
                "  paginator {}: input token {}, output token {}, limit key {}, result key {}",
                p.name,
                p.input_token.join(", "),
                p.output_token.join(", "),
                p.limit_key.unwrap_or("none"),
                p.result_key.join(", ")
            ));
            if !p.non_aggregate_keys.is_empty() {
                out.push_str(&format!(
                    ", non-aggregate keys {}",
                    p.non_aggregate_keys.join(", ")
                ));
            }
            out.push('\n');
        }
    }
    for w in &d.waiters {
        out.push_str(&format!(
            "  waiter {}: every {} s, at most {} attempts\n",
            w.name, w.delay, w.max_attempts
        ));
        for a in &w.acceptors {
            let argument = a.argument.map(|x| format!(" {x}")).unwrap_or_default();
            out.push_str(&format!(
                "    {}: {}{argument} == {}\n",
                a.state, a.matcher, a.expected
            ));
        }
    }
    out
}
