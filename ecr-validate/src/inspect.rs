//! `ecr-validate inspect`: a shape or an operation described, for people
//! (indented text, each rule in the library's words) or as one JSON object.

use std::fmt::Write as _;
use std::io;

use ecr_models::inspect::{self, OperationDescription, OperationUse, TypeInfo};
use ecr_models::registry::{Entry, ShapeRef};
use ecr_models::shape::Ty;
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

    /// Describes a document that the service's strings carry instead:
    /// lifecycle-policy, repository-policy, registry-policy.
    #[arg(long, value_name = "KIND", conflicts_with_all = ["name", "operation"])]
    pub document: Option<String>,

    /// Any structure, enum or scalar shape of the service.
    #[arg(value_name = "NAME", required_unless_present_any = ["operation", "document"])]
    pub name: Option<String>,
}

/// Prints the description of the shape or operation. Nothing is judged.
pub fn run<W: io::Write>(args: &Args, out: &mut W) -> Result<(), Stop> {
    let text = match &args.operation {
        Some(name) => {
            let op = match Target::operation(args.service, name, Direction::Input) {
                Ok(Target::Operation(op, _)) => op,
                Ok(_) => return Err(Stop::Usage("not an operation".to_string())),
                Err(message) => return Err(Stop::Usage(message)),
            };
            let description = inspect::describe_operation(op);
            match args.format {
                Format::Human => human_operation(&description),
                Format::Json => json(&description)?,
            }
        }
        None if args.document.is_some() => {
            let kind = args.document.as_deref().unwrap_or_default();
            let Target::Document(document) =
                Target::document(args.service, kind).map_err(Stop::Usage)?
            else {
                return Err(Stop::Usage(format!("`{kind}` is not a document")));
            };
            let description = inspect::describe_document(args.service, document);
            match args.format {
                Format::Human => human_document(&description),
                Format::Json => json(&description)?,
            }
        }
        None => {
            let name = args.name.as_deref().unwrap_or_default();
            let entry = target::entry(args.service, name).map_err(Stop::Usage)?;
            match args.format {
                Format::Human => human(entry),
                Format::Json => json(&inspect::describe(entry))?,
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

/// The description of a document as text, ending with a newline: what it
/// is, its schema, the members that carry it, and each object's members
/// as its schema states them.
fn human_document(d: &inspect::DocumentDescription) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}: {}, a document of {} carried in strings",
        d.name, d.title, d.service
    );
    let _ = writeln!(out, "Schema: schemas/{} ({})", d.schema_file, d.schema_id);
    out.push_str("\nCarried by:\n");
    for c in &d.carried_by {
        let _ = writeln!(out, "  {}.{} ({})", c.shape, c.member, c.role);
    }
    if let Some(text) = d.schema["description"].as_str() {
        let _ = writeln!(out, "\n{text}");
    }
    out.push_str("The rules between members are the schema's `if`/`then`, and in words on the guide's page docs/documents.md.\n");
    let mut objects = vec![(d.name.to_string(), &d.schema)];
    if let Some(defs) = d.schema["$defs"].as_object() {
        objects.extend(defs.iter().map(|(name, schema)| (name.clone(), schema)));
    }
    for (name, schema) in objects {
        let Some(properties) = schema["properties"].as_object() else {
            continue;
        };
        let required: Vec<&str> = schema["required"]
            .as_array()
            .map(|r| r.iter().filter_map(|v| v.as_str()).collect())
            .unwrap_or_default();
        let _ = writeln!(out, "\n{name}:");
        for (member, schema) in properties {
            let required = if required.contains(&member.as_str()) {
                ", required"
            } else {
                ""
            };
            let _ = writeln!(out, "  {member}: {}{required}", schema_words(schema));
        }
    }
    out
}

/// A property's schema in a few words: its values, type, bounds, items.
fn schema_words(schema: &serde_json::Value) -> String {
    if let Some(values) = schema["enum"].as_array() {
        let values: Vec<String> = values.iter().map(|v| v.to_string()).collect();
        return format!("one of {}", values.join(", "));
    }
    if let Some(def) = schema["$ref"].as_str() {
        return def.rsplit('/').next().unwrap_or(def).to_string();
    }
    if let Some(options) = schema["anyOf"].as_array() {
        let options: Vec<String> = options.iter().map(schema_words).collect();
        return options.join(" or ");
    }
    if let Some(value) = schema.get("const") {
        return value.to_string();
    }
    let mut words = match &schema["type"] {
        serde_json::Value::String(t) => t.clone(),
        serde_json::Value::Array(types) => {
            let types: Vec<String> = types
                .iter()
                .filter_map(|t| t.as_str().map(str::to_string))
                .collect();
            types.join(" or ")
        }
        _ => "any value".to_string(),
    };
    if words == "array" {
        words = format!("list of {}", schema_words(&schema["items"]));
        if let Some(min) = schema["minItems"].as_u64() {
            words.push_str(&format!(", at least {min}"));
        }
    }
    if let (Some(min), Some(max)) = (schema["minimum"].as_i64(), schema["maximum"].as_i64()) {
        words.push_str(&format!(" {min}..={max}"));
    }
    if let Some(p) = schema["pattern"].as_str() {
        words.push_str(&format!(", pattern {p}"));
    }
    if words == "object" && schema["additionalProperties"].is_object() {
        words = format!(
            "object of {}",
            schema_words(&schema["additionalProperties"])
        );
    }
    words
}

/// The description of a registered shape as text, ending with a newline.
/// Every rule is stated in the library's words ([`inspect::rules`]), one
/// line per member (or per enum or scalar), as the generated docs state it.
pub fn human(entry: &'static Entry) -> String {
    let d = inspect::describe(entry);
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
    match entry.shape {
        ShapeRef::Structure(s) if s.members.is_empty() => out.push_str("\nNo members.\n"),
        ShapeRef::Structure(s) => {
            out.push_str("\nMembers (wire names):\n");
            for m in s.members {
                let required = if m.required { ", required" } else { "" };
                let info = inspect::type_info(&m.ty);
                let _ = writeln!(
                    out,
                    "  {}: {}{required}",
                    m.name,
                    label(Some(m.shape), &info)
                );
                rules(&mut out, &m.ty, &info, 6);
            }
        }
        ShapeRef::Enum(e) => typed(&mut out, &Ty::Enum(e)),
        ShapeRef::Scalar(s) => typed(&mut out, &s.ty),
        _ => {}
    }
    used_by(&mut out, &d.operations);
    out
}

/// `Type:` and the rules of an enum or scalar shape.
fn typed(out: &mut String, ty: &Ty) {
    let info = inspect::type_info(ty);
    let _ = writeln!(out, "\nType: {}", info.kind);
    rules(out, ty, &info, 4);
}

/// `RepositoryName (string)`, `ImageIdentifierList (list)`, or just the
/// kind when the shape is named after it (`String`).
fn label(shape: Option<&str>, ty: &TypeInfo) -> String {
    match shape.or(ty.name) {
        Some(name) if !name.eq_ignore_ascii_case(ty.kind) => format!("{name} ({})", ty.kind),
        _ => ty.kind.to_string(),
    }
}

/// The rules of `ty` (`info` is its type) on one line, `indent` spaces in,
/// in the library's words; then the types of its list items or map keys
/// and values, whose rules that line has stated.
fn rules(out: &mut String, ty: &Ty, info: &TypeInfo, indent: usize) {
    let rules = inspect::rules(ty);
    if !rules.is_empty() {
        let _ = writeln!(out, "{:indent$}{rules}", "");
    }
    parts(out, info, indent);
}

/// `item: Tag (structure)`, `key: FindingSeverity (enum)`...: the parts
/// of a list or map, each with its own parts below it.
fn parts(out: &mut String, info: &TypeInfo, indent: usize) {
    for (what, part) in [
        ("item", &info.member),
        ("key", &info.key),
        ("value", &info.value),
    ] {
        if let Some(part) = part {
            let _ = writeln!(out, "{:indent$}{what}: {}", "", label(None, part));
            parts(out, part, indent + 2);
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
