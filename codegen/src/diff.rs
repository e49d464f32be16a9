//! The rule differ: what changed, between two versions of the vendored model
//! folder (`ecr/` and `ecr-public/` with `service-2.json`,
//! `paginators-1.json` and `waiters-2.json` when present, and
//! `partitions.json`), in the rules the validators enforce. Documentation,
//! examples and the SDK surface files are not compared.
//!
//! [`diff`] reads both folders with the serde types of [`crate::botocore`] and
//! gives one [`Section`] per service (and one for AWS's partitions), each a
//! list of sentences in a fixed order: operations, then shapes, then
//! paginators, then waiters, each sorted by name, and the changes within one
//! of them in a fixed order too. [`Diff::markdown`] writes them for
//! `CHANGELOG.md` and `cargo run -p codegen -- diff OLD NEW`.
//!
//! A changed length, range, item count or size says whether it tightens
//! (a value valid before may now be invalid) or loosens the rule.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::Path;

use serde::de::DeserializeOwned;

use crate::botocore::{
    AcceptorDef, OperationDef, PaginatorDef, PaginatorsFile, ServiceFile, ShapeDef, ShapeRef,
    WaiterDef, WaitersFile,
};
use crate::ir::SERVICES;
use crate::partitions;

/// What changed in one part of the model: a service, or AWS's partitions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// The heading: `Amazon ECR (ecr)`.
    pub title: String,
    /// One Markdown sentence per change, in the differ's order.
    pub changes: Vec<String>,
}

/// The changes between two model folders, one [`Section`] per service and
/// one for the partitions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diff {
    pub sections: Vec<Section>,
}

impl Diff {
    /// Whether no rule changed anywhere.
    pub fn is_empty(&self) -> bool {
        self.sections.iter().all(|s| s.changes.is_empty())
    }

    /// The changes as Markdown: each section under a heading of `level`
    /// (`3` gives `### Amazon ECR (ecr)`), then one list item per change,
    /// or "No rule changed.".
    pub fn markdown(&self, level: usize) -> String {
        let hashes = "#".repeat(level);
        let mut out = String::new();
        for (i, section) in self.sections.iter().enumerate() {
            if i > 0 {
                out.push('\n');
            }
            let _ = write!(out, "{hashes} {}\n\n", section.title);
            if section.changes.is_empty() {
                out.push_str("No rule changed.\n");
            }
            for change in &section.changes {
                let _ = writeln!(out, "- {change}");
            }
        }
        out
    }
}

/// Compares the model folder `old` with `new`. Panics with the file's name
/// when a file cannot be read or parsed, or when a service's
/// `service-2.json` or the `partitions.json` is in one folder only.
pub fn diff(old: &Path, new: &Path) -> Diff {
    let mut sections = Vec::new();
    for info in SERVICES {
        let before = Service::load(&old.join(info.key));
        let after = Service::load(&new.join(info.key));
        let name = after.file.metadata.service_abbreviation.as_deref();
        sections.push(Section {
            title: format!(
                "{} ({})",
                name.unwrap_or(&after.file.metadata.service_full_name),
                info.key
            ),
            changes: service(&before, &after),
        });
    }
    let files = (old.join("partitions.json"), new.join("partitions.json"));
    let before: Option<partitions::File> = read_json(&files.0);
    let after: Option<partitions::File> = read_json(&files.1);
    match (before, after) {
        (Some(before), Some(after)) => sections.push(Section {
            title: "AWS partitions (partitions.json)".into(),
            changes: partition_changes(&before, &after),
        }),
        (None, None) => {}
        _ => panic!(
            "partitions.json is in one of {} and {} only",
            old.display(),
            new.display()
        ),
    }
    Diff { sections }
}

/// One service's files.
struct Service {
    file: ServiceFile,
    paginators: BTreeMap<String, PaginatorDef>,
    waiters: BTreeMap<String, WaiterDef>,
}

impl Service {
    fn load(dir: &Path) -> Service {
        let path = dir.join("service-2.json");
        let file: ServiceFile =
            read_json(&path).unwrap_or_else(|| panic!("{}: no such file", path.display()));
        let paginators: Option<PaginatorsFile> = read_json(&dir.join("paginators-1.json"));
        let waiters: Option<WaitersFile> = read_json(&dir.join("waiters-2.json"));
        Service {
            file,
            paginators: paginators.map(|p| p.pagination).unwrap_or_default(),
            waiters: waiters.map(|w| w.waiters).unwrap_or_default(),
        }
    }
}

/// The file at `path`, or `None` when there is none.
fn read_json<T: DeserializeOwned>(path: &Path) -> Option<T> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return None,
        Err(e) => panic!("{}: {e}", path.display()),
    };
    Some(serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display())))
}

/// Every key of either map, sorted.
fn keys<'a, V, W>(a: &'a BTreeMap<String, V>, b: &'a BTreeMap<String, W>) -> BTreeSet<&'a str> {
    a.keys().chain(b.keys()).map(String::as_str).collect()
}

/// Each name of either map, sorted: one that only `b` has is said by
/// `said(name, value, "added")`, one that only `a` has by `said(name,
/// value, "removed")`, one that both have is compared by `changed`.
fn each_name<V>(
    a: &BTreeMap<String, V>,
    b: &BTreeMap<String, V>,
    out: &mut Vec<String>,
    said: impl Fn(&str, &V, &str) -> String,
    mut changed: impl FnMut(&str, &V, &V, &mut Vec<String>),
) {
    for name in keys(a, b) {
        match (a.get(name), b.get(name)) {
            (None, Some(n)) => out.push(said(name, n, "added")),
            (Some(o), None) => out.push(said(name, o, "removed")),
            (Some(o), Some(n)) => changed(name, o, n, out),
            (None, None) => {}
        }
    }
}

fn service(old: &Service, new: &Service) -> Vec<String> {
    let mut out = Vec::new();
    each_name(
        &old.file.operations,
        &new.file.operations,
        &mut out,
        |name, _, how| format!("Operation {} {how}.", code(name)),
        operation,
    );
    each_name(
        &old.file.shapes,
        &new.file.shapes,
        &mut out,
        |name, def, how| format!("Shape {} {how} ({}).", code(name), kind(def)),
        shape,
    );
    each_name(
        &old.paginators,
        &new.paginators,
        &mut out,
        |name, _, how| format!("Paginator {} {how}.", code(name)),
        paginator,
    );
    each_name(
        &old.waiters,
        &new.waiters,
        &mut out,
        |name, _, how| format!("Waiter {} {how}.", code(name)),
        waiter,
    );
    out
}

fn operation(name: &str, old: &OperationDef, new: &OperationDef, out: &mut Vec<String>) {
    let subject = format!("Operation {}", code(name));
    for (what, a, b) in [
        ("input", &old.input, &new.input),
        ("output", &old.output, &new.output),
    ] {
        target_change(&subject, what, a, b, out);
    }
    let before: BTreeSet<&str> = old.errors.iter().map(|e| e.shape.as_str()).collect();
    let after: BTreeSet<&str> = new.errors.iter().map(|e| e.shape.as_str()).collect();
    set_changes(&subject, "error", &before, &after, out);
}

/// `{subject}: {what} X removed.` for each X only `before` holds, and
/// `{subject}: {what} X added.` for each only `after` holds, in order.
fn set_changes<T: Ord + AsRef<str>>(
    subject: &str,
    what: &str,
    before: &BTreeSet<T>,
    after: &BTreeSet<T>,
    out: &mut Vec<String>,
) {
    for one in before.union(after) {
        if !after.contains(one) {
            out.push(format!("{subject}: {what} {} removed.", code(one.as_ref())));
        } else if !before.contains(one) {
            out.push(format!("{subject}: {what} {} added.", code(one.as_ref())));
        }
    }
}

/// `{subject}: {what} changed from A to B.`, where the shapes `old` and
/// `new` refer to differ.
fn target_change(
    subject: &str,
    what: &str,
    old: &Option<ShapeRef>,
    new: &Option<ShapeRef>,
    out: &mut Vec<String>,
) {
    let (a, b) = (target(old), target(new));
    if a != b {
        out.push(format!(
            "{subject}: {what} changed from {} to {}.",
            shape_name(a),
            shape_name(b)
        ));
    }
}

/// The shape a reference names, if any.
fn target(r: &Option<ShapeRef>) -> Option<&str> {
    r.as_ref().map(|r| r.shape.as_str())
}

/// A shape's name as code, or "none".
fn shape_name(name: Option<&str>) -> String {
    name.map_or_else(|| "none".to_string(), code)
}

/// The shape's kind as the model names it, with a string that lists values
/// called an enum.
fn kind(def: &ShapeDef) -> &str {
    if def.kind == "string" && def.enum_values.is_some() {
        "enum"
    } else {
        &def.kind
    }
}

/// What a shape's `min` and `max` bound.
fn bounded(kind: &str) -> &'static str {
    match kind {
        "string" | "enum" => "length",
        "blob" => "size",
        "list" => "item count",
        "map" => "entry count",
        "integer" | "long" | "float" | "double" => "range",
        _ => "bounds",
    }
}

fn shape(name: &str, old: &ShapeDef, new: &ShapeDef, out: &mut Vec<String>) {
    let (was, is) = (kind(old), kind(new));
    if was != is {
        // The rules of two kinds do not compare: the kind says it all.
        out.push(format!("{}: type changed from {was} to {is}.", code(name)));
        return;
    }
    let subject = if is == "enum" {
        format!("Enum {}", code(name))
    } else {
        code(name)
    };
    members(&subject, old, new, out);

    let values = |def: &ShapeDef| -> BTreeSet<String> {
        def.enum_values.iter().flatten().cloned().collect()
    };
    set_changes(&subject, "value", &values(old), &values(new), out);

    if (old.min, old.max) != (new.min, new.max) {
        out.push(format!(
            "{subject}: {} changed from {} to {} ({}).",
            bounded(is),
            range(old.min, old.max),
            range(new.min, new.max),
            verdict(old.min, old.max, new.min, new.max)
        ));
    }

    match (&old.pattern, &new.pattern) {
        (Some(a), Some(b)) if a != b => out.push(format!(
            "{subject}: pattern changed from {} to {}.",
            code(a),
            code(b)
        )),
        (None, Some(b)) => out.push(format!("{subject}: pattern {} added.", code(b))),
        (Some(a), None) => out.push(format!("{subject}: pattern {} removed.", code(a))),
        _ => {}
    }

    for (what, a, b) in [
        ("item shape", &old.member, &new.member),
        ("key shape", &old.key, &new.key),
        ("value shape", &old.value, &new.value),
    ] {
        target_change(&subject, what, a, b, out);
    }
}

/// A structure's members: added, removed, required-ness and target shape.
fn members(subject: &str, old: &ShapeDef, new: &ShapeDef, out: &mut Vec<String>) {
    let before: BTreeMap<&str, &str> = old
        .members
        .0
        .iter()
        .map(|(name, m)| (name.as_str(), m.shape.as_str()))
        .collect();
    let after: BTreeMap<&str, &str> = new
        .members
        .0
        .iter()
        .map(|(name, m)| (name.as_str(), m.shape.as_str()))
        .collect();
    let presence = |def: &ShapeDef, name: &str| {
        if def.required.iter().any(|r| r == name) {
            "required"
        } else {
            "optional"
        }
    };
    let names: BTreeSet<&str> = before.keys().chain(after.keys()).copied().collect();
    for name in names {
        let member = code(name);
        match (before.get(name), after.get(name)) {
            (None, Some(shape)) => out.push(format!(
                "{subject}: member {member} added ({}, {}).",
                presence(new, name),
                code(shape)
            )),
            (Some(_), None) => out.push(format!("{subject}: member {member} removed.")),
            (Some(a), Some(b)) => {
                let (was, is) = (presence(old, name), presence(new, name));
                if was != is {
                    out.push(format!(
                        "{subject}: member {member} changed from {was} to {is}."
                    ));
                }
                if a != b {
                    out.push(format!(
                        "{subject}: member {member} shape changed from {} to {}.",
                        code(a),
                        code(b)
                    ));
                }
            }
            (None, None) => {}
        }
    }
}

/// A model number: the bounds are whole numbers, written as such.
fn number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e19 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

/// Bounds the way the project writes them: `2..=256`, `1..`, `..=100`.
fn range(min: Option<f64>, max: Option<f64>) -> String {
    match (min, max) {
        (Some(a), Some(b)) => format!("{}..={}", number(a), number(b)),
        (Some(a), None) => format!("{}..", number(a)),
        (None, Some(b)) => format!("..={}", number(b)),
        (None, None) => "unbounded".into(),
    }
}

/// How one bound moved: `Some(true)` when it tightens, `Some(false)` when it
/// loosens, `None` when it is unchanged. `raise_tightens` is true for a
/// minimum.
fn tightens(old: Option<f64>, new: Option<f64>, raise_tightens: bool) -> Option<bool> {
    match (old, new) {
        (None, None) => None,
        (None, Some(_)) => Some(true),
        (Some(_), None) => Some(false),
        (Some(a), Some(b)) if a == b => None,
        (Some(a), Some(b)) => Some((b > a) == raise_tightens),
    }
}

/// Whether new bounds tighten or loosen the old ones, or both.
fn verdict(
    old_min: Option<f64>,
    old_max: Option<f64>,
    new_min: Option<f64>,
    new_max: Option<f64>,
) -> &'static str {
    let word = |t: bool| if t { "tightens" } else { "loosens" };
    match (
        tightens(old_min, new_min, true),
        tightens(old_max, new_max, false),
    ) {
        (Some(a), Some(b)) if a != b => {
            if a {
                "tightens the minimum, loosens the maximum"
            } else {
                "loosens the minimum, tightens the maximum"
            }
        }
        (Some(t), _) | (None, Some(t)) => word(t),
        // Unreachable for bounds that differ; kept total.
        (None, None) => "unchanged",
    }
}

/// A field compared between two definitions: what it is called in the
/// notes, and how to read it from a definition of type `T`.
type Field<T, V> = (&'static str, fn(&T) -> V);

fn paginator(name: &str, old: &PaginatorDef, new: &PaginatorDef, out: &mut Vec<String>) {
    let fields: [Field<PaginatorDef, Vec<String>>; 5] = [
        ("input token", |p| p.input_token.clone()),
        ("output token", |p| p.output_token.clone()),
        ("limit key", |p| p.limit_key.iter().cloned().collect()),
        ("result key", |p| p.result_key.clone()),
        ("non-aggregate keys", |p| p.non_aggregate_keys.clone()),
    ];
    for (what, field) in fields {
        let (a, b) = (field(old), field(new));
        if a != b {
            out.push(format!(
                "Paginator {}: {what} changed from {} to {}.",
                code(name),
                list(&a),
                list(&b)
            ));
        }
    }
}

/// Names as code, or "none".
fn list(names: &[String]) -> String {
    if names.is_empty() {
        return "none".into();
    }
    names.iter().map(|n| code(n)).collect::<Vec<_>>().join(", ")
}

fn waiter(name: &str, old: &WaiterDef, new: &WaiterDef, out: &mut Vec<String>) {
    let subject = format!("Waiter {}", code(name));
    if old.operation != new.operation {
        out.push(format!(
            "{subject}: operation changed from {} to {}.",
            code(&old.operation),
            code(&new.operation)
        ));
    }
    if old.delay != new.delay {
        out.push(format!(
            "{subject}: delay changed from {} s to {} s.",
            old.delay, new.delay
        ));
    }
    if old.max_attempts != new.max_attempts {
        out.push(format!(
            "{subject}: maximum attempts changed from {} to {}.",
            old.max_attempts, new.max_attempts
        ));
    }
    let before: Vec<String> = old.acceptors.iter().map(acceptor).collect();
    let after: Vec<String> = new.acceptors.iter().map(acceptor).collect();
    let (a, b): (BTreeSet<&String>, BTreeSet<&String>) =
        (before.iter().collect(), after.iter().collect());
    set_changes(&subject, "acceptor", &a, &b, out);
    if a == b && before != after {
        // The first acceptor that matches decides.
        out.push(format!("{subject}: acceptors reordered."));
    }
}

/// An acceptor as `inspect` writes it: `success: path imageScanStatus.status == "COMPLETE"`.
fn acceptor(a: &AcceptorDef) -> String {
    match &a.argument {
        Some(argument) => format!("{}: {} {argument} == {}", a.state, a.matcher, a.expected),
        None => format!("{}: {} == {}", a.state, a.matcher, a.expected),
    }
}

fn partition_changes(old: &partitions::File, new: &partitions::File) -> Vec<String> {
    fn by_id(f: &partitions::File) -> BTreeMap<String, &partitions::PartitionDef> {
        f.partitions.iter().map(|p| (p.id.clone(), p)).collect()
    }
    let (a, b) = (by_id(old), by_id(new));
    let mut out = Vec::new();
    each_name(
        &a,
        &b,
        &mut out,
        |id, _, how| format!("Partition {} {how}.", code(id)),
        |id, o, n, out| {
            let subject = format!("Partition {}", code(id));
            let fields: [Field<partitions::PartitionDef, String>; 5] = [
                ("region pattern", |p| p.region_regex.clone()),
                ("DNS suffix", |p| p.outputs.dns_suffix.clone()),
                ("dual-stack DNS suffix", |p| {
                    p.outputs.dual_stack_dns_suffix.clone()
                }),
                ("dual-stack support", |p| {
                    p.outputs.supports_dual_stack.to_string()
                }),
                ("FIPS support", |p| p.outputs.supports_fips.to_string()),
            ];
            for (what, field) in fields {
                let (was, is) = (field(o), field(n));
                if was != is {
                    out.push(format!(
                        "{subject}: {what} changed from {} to {}.",
                        code(&was),
                        code(&is)
                    ));
                }
            }
            let regions = |p: &partitions::PartitionDef| -> BTreeSet<String> {
                p.regions.keys().cloned().collect()
            };
            set_changes(&subject, "region", &regions(o), &regions(n), out);
        },
    );
    out
}

/// A Markdown code span that holds `text` as it is, also when `text` holds
/// backticks.
fn code(text: &str) -> String {
    let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    if longest == 0 {
        return format!("`{text}`");
    }
    let fence = "`".repeat(longest + 1);
    format!("{fence} {text} {fence}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_spans_hold_backticks() {
        assert_eq!(code("a"), "`a`");
        assert_eq!(code("a`b"), "`` a`b ``");
        assert_eq!(code("``"), "``` `` ```");
    }

    #[test]
    fn bounds_say_which_way_they_move() {
        assert_eq!(
            verdict(Some(1.0), Some(10.0), Some(2.0), Some(10.0)),
            "tightens"
        );
        assert_eq!(
            verdict(Some(1.0), Some(10.0), Some(1.0), Some(20.0)),
            "loosens"
        );
        assert_eq!(verdict(None, None, Some(0.0), None), "tightens");
        assert_eq!(verdict(Some(0.0), None, None, None), "loosens");
        assert_eq!(
            verdict(None, Some(5.0), Some(1.0), None),
            "tightens the minimum, loosens the maximum"
        );
        assert_eq!(
            verdict(Some(1.0), Some(5.0), Some(0.0), Some(4.0)),
            "loosens the minimum, tightens the maximum"
        );
    }

    #[test]
    fn ranges_read_like_rust() {
        assert_eq!(range(Some(2.0), Some(256.0)), "2..=256");
        assert_eq!(range(Some(-1.0), None), "-1..");
        assert_eq!(
            range(None, Some(9.223372036854776e18)),
            "..=9223372036854775807"
        );
        assert_eq!(range(None, None), "unbounded");
    }
}
