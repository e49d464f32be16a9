//! `sdk.rs`: conversions between the generated types and the Rust SDK's
//! (aws-sdk-ecr, aws-sdk-ecrpublic), and the list of every converted pair
//! for the bridge's round-trip tests.
//!
//! What the SDK's types hold comes from `codegen/model/<service>/<sdk>.json`
//! (see `codegen/model/sdk_surface.py`): which structures exist, which
//! fields, and which fields are plain values rather than `Option`s. The
//! model and that file are checked against each other here: an SDK field
//! the model lacks would be dropped on the way back, so it stops the
//! generator.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use crate::ir::{Kind, Member, Role, Service, Structure};
use crate::names::{field, snake};

/// A name in UpperCamel case as the SDK writes type names: word by word,
/// each capitalized (`RCTAppliedFor` → `RctAppliedFor`).
pub fn pascal(name: &str) -> String {
    snake(name)
        .split('_')
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut chars = w.chars();
            match chars.next() {
                Some(first) => first.to_ascii_uppercase().to_string() + chars.as_str(),
                None => String::new(),
            }
        })
        .collect()
}

/// Where a member of a structure goes in the SDK's twin.
#[derive(Clone, Copy, PartialEq)]
enum Place {
    /// A field of the SDK type; `optional` when it is an `Option`.
    Field { optional: bool },
    /// A member boto3 adds (`ResponseMetadata`): not part of the API.
    Boto3,
    /// A member the SDK release lacks.
    Missing,
}

struct Gen<'a> {
    s: &'a Service,
    /// `::aws_sdk_ecr`.
    aws: String,
}

impl<'a> Gen<'a> {
    fn structure(&self, name: &str) -> Option<&'a Structure> {
        match &self.s.shape(name).kind {
            Kind::Structure(st) => Some(st),
            _ => None,
        }
    }

    /// The path of a structure's SDK twin within the SDK crate, whether
    /// the SDK has it or not; `None` for boto3's own shapes.
    fn path(&self, name: &str, st: &Structure) -> Option<String> {
        if st.boto3.is_some() {
            return None;
        }
        let op = || st.operation.as_deref().expect("an operation's shape");
        Some(match st.role {
            Role::Input => format!("operation::{}::{}Input", snake(op()), pascal(op())),
            Role::Output => format!("operation::{}::{}Output", snake(op()), pascal(op())),
            Role::Error => format!("types::error::{}", pascal(name)),
            Role::Nested => format!("types::{}", pascal(name)),
            Role::Paginate | Role::Wait | Role::Enum | Role::Scalar => return None,
        })
    }

    /// The structure's twin and its fields, when the SDK has it.
    fn twin(&self, name: &str) -> Option<(String, &'a BTreeMap<String, bool>)> {
        let st = self.structure(name)?;
        let path = self.path(name, st)?;
        let fields = self.s.sdk.structures.get(&path)?;
        Some((path, fields))
    }

    fn place(&self, fields: &BTreeMap<String, bool>, m: &Member) -> Place {
        if self
            .structure(&m.shape)
            .is_some_and(|st| st.boto3.is_some())
        {
            return Place::Boto3;
        }
        match fields.get(&snake(&m.wire)) {
            Some(&optional) => Place::Field { optional },
            None => Place::Missing,
        }
    }

    /// Whether the conversion of a value of `name` can fail, to the SDK
    /// (`to`) or from it.
    fn fallible(&self, name: &str, to: bool) -> bool {
        match &self.s.shape(name).kind {
            Kind::Timestamp => !to,
            Kind::List { member, .. } => self.fallible(member, to),
            // Enum keys can collide on the wire (`convert::keyed_map`).
            Kind::Map { key, value } => {
                matches!(self.s.shape(key).kind, Kind::Enum(_))
                    || self.fallible(key, to)
                    || self.fallible(value, to)
            }
            Kind::Structure(st) => {
                let (_, fields) = self.twin(name).expect("a converted structure has a twin");
                (to && self.builds_fallibly(st, fields)) || self.members_fallible(st, fields, to)
            }
            _ => false,
        }
    }

    /// Whether converting the members of a structure can fail: a member
    /// whose value can, a member the SDK lacks (to it), a required member
    /// the SDK holds as an `Option` (from it).
    fn members_fallible(&self, st: &Structure, fields: &BTreeMap<String, bool>, to: bool) -> bool {
        st.members.iter().any(|m| match self.place(fields, m) {
            Place::Field { optional } => {
                (!to && optional && m.required) || self.fallible(&m.shape, to)
            }
            Place::Missing => to,
            Place::Boto3 => false,
        })
    }

    /// Whether the SDK's `build()` returns a `Result`: for a structure with
    /// a required member held as a plain value; for every operation input.
    fn builds_fallibly(&self, st: &Structure, fields: &BTreeMap<String, bool>) -> bool {
        st.role == Role::Input
            || st
                .members
                .iter()
                .any(|m| m.required && self.place(fields, m) == (Place::Field { optional: false }))
    }

    /// The builder calls that set every member of `v`, a value of the
    /// structure, one a line; and the checks, first, that refuse a value
    /// of a member the SDK lacks.
    fn setters(
        &self,
        name: &str,
        st: &Structure,
        fields: &BTreeMap<String, bool>,
    ) -> (String, String) {
        let mut checks = String::new();
        let mut calls = String::new();
        for m in &st.members {
            let f = field(&m.wire);
            match self.place(fields, m) {
                Place::Field { .. } => {
                    let value = if m.required {
                        format!("Some(convert::one(v.{f}, {:?})?)", m.wire)
                    } else {
                        format!("convert::opt(v.{f}, {:?})?", m.wire)
                    };
                    let _ = write!(calls, "\n            .set_{}({value})", snake(&m.wire));
                }
                Place::Missing => {
                    assert!(
                        !m.required,
                        "{name}.{}: required, and the SDK lacks it",
                        m.wire
                    );
                    let _ = writeln!(
                        checks,
                        "        if v.{f}.is_some() {{ return Err(convert::not_in_sdk({:?}, {name:?}, SDK)); }}",
                        m.wire
                    );
                }
                Place::Boto3 => {}
            }
        }
        (checks, calls)
    }

    /// The fields of `super::{name}` from `v`, a value of the SDK's twin,
    /// one a line.
    fn fields(&self, st: &Structure, fields: &BTreeMap<String, bool>) -> String {
        let mut out = String::new();
        for m in &st.members {
            let f = field(&m.wire);
            let wire = format!("{:?}", m.wire);
            let value = match (self.place(fields, m), m.required) {
                (Place::Field { optional: true }, false) => format!("convert::opt(v.{f}, {wire})?"),
                (Place::Field { optional: false }, false) => {
                    format!("Some(convert::one(v.{f}, {wire})?)")
                }
                (Place::Field { optional: false }, true) => format!("convert::one(v.{f}, {wire})?"),
                (Place::Field { optional: true }, true) => {
                    format!("convert::required(v.{f}, {wire})?")
                }
                (Place::Missing | Place::Boto3, _) => "None".to_string(),
            };
            let _ = writeln!(out, "            {f}: {value},");
        }
        out
    }
}

/// The error type of a conversion: `Infallible` where it cannot fail.
fn error_type(fallible: bool) -> &'static str {
    if fallible {
        "crate::Error"
    } else {
        "::std::convert::Infallible"
    }
}

/// `infallible` or `fallible`, as `convert::struct_twins!` takes it.
fn kind(fallible: bool) -> &'static str {
    if fallible {
        "fallible"
    } else {
        "infallible"
    }
}

/// Writes `impl convert::Convert<$to> for $from` with `body`.
fn convert_impl(out: &mut String, from: &str, to: &str, fallible: bool, body: &str) {
    let _ = writeln!(
        out,
        "impl convert::Convert<{to}> for {from} {{\n    type Error = {};\n    fn convert(self) -> Result<{to}, Self::Error> {{\n        let v = self;\n{body}    }}\n}}",
        error_type(fallible)
    );
}

/// `sdk.rs`: every conversion, both ways: one `Convert` impl per
/// structure and direction, a line per member, and the public `From` or
/// `TryFrom` impls and `Twin` in terms of it (`convert::struct_twins!`);
/// the enums through `convert::enum_twins!`.
pub fn emit(service: &Service) -> String {
    let info = service.info;
    let gen = Gen {
        s: service,
        aws: format!("::{}", info.sdk_crate()),
    };
    let aws = &gen.aws;
    check(&gen);
    let enums = reachable(&gen);
    let sdk = format!("{} {}", service.sdk.package, service.sdk.version);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "//! Conversions between the types of the {} and those of {sdk} (feature `{}`): `From` where nothing can fail, `TryFrom` with a [`crate::Error`] otherwise, both ways, and [`crate::sdk::Twin`] for every SDK type with a twin here. See [`crate::sdk`] for what each direction keeps.",
        crate::emit::title(service),
        info.sdk_package()
    );
    // Deprecated members are converted like any other (the model still has
    // them); a structure with no member the SDK holds leaves `v` unused.
    out.push_str("#![allow(deprecated, unused_variables, clippy::needless_question_mark)]\n");
    out.push_str("use crate::convert;\n");
    let _ = writeln!(
        out,
        "/// The SDK release these conversions were generated for.\npub const SDK: &str = {sdk:?};"
    );
    let twins: Vec<String> = service
        .shapes
        .iter()
        .filter(|(name, shape)| matches!(shape.kind, Kind::Enum(_)) && enums.contains(*name))
        .map(|(name, _)| format!("    super::{name} => {aws}::types::{},\n", pascal(name)))
        .collect();
    if !twins.is_empty() {
        let _ = writeln!(out, "convert::enum_twins!(\n{});", twins.concat());
    }
    for (name, shape) in &service.shapes {
        let Kind::Structure(st) = &shape.kind else {
            continue;
        };
        let Some((path, fields)) = gen.twin(name) else {
            continue;
        };
        let theirs = format!("{aws}::{path}");
        let ours = format!("super::{name}");
        let to = gen.fallible(name, true);
        let from = gen.fallible(name, false);
        let (checks, calls) = gen.setters(name, st, fields);
        let notes = notes(&gen, st, fields);
        let doc = |text: &str| format!("{:?}", format!("{text}{notes}"));
        if st.role == Role::Input {
            // The builder, which `send_with` sends; and the input, which
            // the builder builds.
            let (module, input) = path.rsplit_once("::").expect("a path has a module");
            let builder = format!("{aws}::{module}::builders::{input}Builder");
            let members_fallible = gen.members_fallible(st, fields, true);
            convert_impl(
                &mut out,
                &ours,
                &builder,
                members_fallible,
                &format!("{checks}        Ok({theirs}::builder(){calls})\n"),
            );
            convert_impl(
                &mut out,
                &ours,
                &theirs,
                true,
                &format!("        convert::Convert::<{builder}>::convert(v)?.build().map_err(convert::build_error)\n"),
            );
            let _ = writeln!(
                out,
                "convert::struct_twins!(@one {} {}, {ours}, {builder});",
                kind(members_fallible),
                doc("The builder of the SDK's input, to send with `send_with(&client)`.")
            );
        } else {
            let meta = if st.role == Role::Error {
                let message = if st.members.iter().any(|m| m.wire == "message") {
                    "v.message.as_deref()"
                } else {
                    "None"
                };
                format!("        let meta = convert::error_meta({name:?}, {message});\n")
            } else {
                String::new()
            };
            let meta_call = if st.role == Role::Error {
                "\n            .meta(meta)"
            } else {
                ""
            };
            let build = if gen.builds_fallibly(st, fields) {
                format!("        {theirs}::builder(){calls}{meta_call}\n            .build()\n            .map_err(convert::build_error)\n")
            } else {
                format!("        Ok({theirs}::builder(){calls}{meta_call}\n            .build())\n")
            };
            convert_impl(
                &mut out,
                &ours,
                &theirs,
                to,
                &format!("{checks}{meta}{build}"),
            );
        }
        let fields_text = gen.fields(st, fields);
        convert_impl(
            &mut out,
            &theirs,
            &ours,
            from,
            &format!("        Ok({ours} {{\n{fields_text}        }})\n"),
        );
        let to_doc = if st.role == Role::Input {
            doc("The SDK's input.")
        } else {
            doc("To the SDK's twin.")
        };
        let to_kind = kind(to || st.role == Role::Input);
        let _ = writeln!(
            out,
            "convert::struct_twins!({ours} => {theirs}, {to_kind} {to_doc}, {} {});",
            kind(from),
            doc("From the SDK's twin.")
        );
    }
    for op in &service.operations {
        let module = format!("{aws}::operation::{}", snake(&op.name));
        let theirs = format!("{module}::{}Error", pascal(&op.name));
        let to = op.errors.iter().any(|e| gen.fallible(e, true));
        let mut arms = String::new();
        let mut back = String::new();
        for e in &op.errors {
            // An error's conversion, to the SDK (`to`) or back.
            let call = |to: bool| match gen.fallible(e, to) {
                true => "convert::Convert::convert(e)?",
                false => "convert::into(e)",
            };
            let _ = writeln!(
                arms,
                "            super::ServiceError::{e}(e) => {theirs}::{}({}),",
                pascal(e),
                call(true)
            );
            let _ = writeln!(
                back,
                "            {theirs}::{}(e) => Ok(super::ServiceError::{e}({})),",
                pascal(e),
                call(false)
            );
        }
        let generic = format!(
            "            other => {theirs}::generic(convert::error_meta(other.name(), other.message())),\n"
        );
        let body = format!("        Ok(match v {{\n{arms}{generic}        }})\n");
        convert_impl(&mut out, "super::ServiceError", &theirs, to, &body);
        let body = format!(
            "        match v {{\n{back}            other => convert::unhandled(::aws_smithy_types::error::metadata::ProvideErrorMetadata::meta(&other), super::ServiceError::from_json),\n        }}\n"
        );
        convert_impl(&mut out, &theirs, "super::ServiceError", true, &body);
        let _ = writeln!(
            out,
            "convert::struct_twins!(super::ServiceError => {theirs}, {} {:?}, fallible {:?});",
            kind(to),
            format!("`{}`'s error for the SDK: an error the operation declares as its variant, any other (a common error, or one of another operation) as `generic`, with its code and message.", op.name),
            "From the SDK's error: a variant as its error; any other by the code in its metadata, as [`super::ServiceError::from_json`] names it (an error with no code is `undeclared_error`)."
        );
        let _ = writeln!(
            out,
            "impl convert::OperationError for {theirs} {{\n    fn from_response(body: &[u8], error_type: Option<&str>, opts: &crate::Options) -> Result<Self, crate::Error> {{\n        let operation = super::OPERATIONS.iter().find(|o| o.name == {:?});\n        <Self as convert::Twin>::from_model(super::ServiceError::from_response_with(body, error_type, operation, opts)?)\n    }}\n}}",
            op.name
        );
    }
    out
}

/// What a conversion of the structure does beyond copying: members held
/// as plain values by the SDK, members it lacks, boto3's members.
fn notes(gen: &Gen<'_>, st: &Structure, fields: &BTreeMap<String, bool>) -> String {
    let mut out = String::new();
    for m in &st.members {
        let note = match gen.place(fields, m) {
            Place::Field { optional: false } if !m.required => format!(
                "`{}`: the SDK holds a plain value (a Smithy default): an absent value becomes the SDK's default, and comes back as `Some` of it.",
                m.wire
            ),
            Place::Missing => format!(
                "`{}`: the SDK release lacks it; converting a value that has it is an error (`not_in_sdk`).",
                m.wire
            ),
            Place::Boto3 => format!(
                "`{}`: boto3's, not the API's; the SDK has no place for it, so it is left out, and comes back as `None`.",
                m.wire
            ),
            _ => continue,
        };
        let _ = write!(out, "\n\n{note}");
    }
    out
}

/// The enums a converted structure uses.
fn reachable(gen: &Gen<'_>) -> BTreeSet<String> {
    fn walk(gen: &Gen<'_>, name: &str, out: &mut BTreeSet<String>) {
        if !out.insert(name.to_string()) {
            return;
        }
        match &gen.s.shape(name).kind {
            Kind::List { member, .. } => walk(gen, member, out),
            Kind::Map { key, value } => {
                walk(gen, key, out);
                walk(gen, value, out);
            }
            Kind::Structure(st) => {
                if let Some((_, fields)) = gen.twin(name) {
                    for m in &st.members {
                        if let Place::Field { .. } = gen.place(fields, m) {
                            walk(gen, &m.shape, out);
                        }
                    }
                }
            }
            _ => {}
        }
    }
    let mut out = BTreeSet::new();
    for (name, _) in gen.s.structures() {
        if gen.twin(&name.name).is_some() {
            walk(gen, &name.name, &mut out);
        }
    }
    out
}

/// The model and the SDK surface agree: every SDK structure is a model
/// structure, every SDK field a member, and a member's shape has a twin
/// wherever the SDK holds it.
fn check(gen: &Gen<'_>) {
    let s = gen.s;
    let mut matched = BTreeSet::new();
    for (shape, st) in s.structures() {
        let Some((path, fields)) = gen.twin(&shape.name) else {
            continue;
        };
        matched.insert(path.clone());
        let members: BTreeSet<String> = st.members.iter().map(|m| snake(&m.wire)).collect();
        for f in fields.keys() {
            assert!(
                members.contains(f),
                "{}: {path}.{f} has no member in the model: it would be dropped",
                s.sdk.package
            );
        }
        for m in &st.members {
            if let Place::Field { .. } = gen.place(fields, m) {
                if let Kind::Structure(_) = &s.shape(&m.shape).kind {
                    assert!(
                        gen.twin(&m.shape).is_some(),
                        "{}.{}: the SDK holds it, but {} has no twin",
                        shape.name,
                        m.wire,
                        m.shape
                    );
                }
            }
        }
    }
    for path in s.sdk.structures.keys() {
        assert!(
            matched.contains(path),
            "{}: {path} is no structure of the model",
            s.sdk.package
        );
    }
}

/// `sdk-tests/tests/round_trip/<module>.rs` lists every converted pair
/// (a module of `sdk-tests/tests/round_trips.rs`).
pub fn round_trips(service: &Service) -> String {
    let info = service.info;
    let gen = Gen {
        s: service,
        aws: format!("::{}", info.sdk_crate()),
    };
    let module = info.module();
    let mut out = format!(
        "//! Every pair of types the {} bridge converts, each through the round trip of `round_trip::structure` or `round_trip::enumeration`.\n",
        info.sdk_package()
    );
    out.push_str("use crate::round_trip;\n");
    let _ = writeln!(out, "use ecr_models::{module};");
    // What the SDK holds as plain values though the model leaves them
    // optional, and what it lacks: the round trips must meet exactly these.
    let mut defaults = Vec::new();
    let mut missing = Vec::new();
    // Pairs whose SDK type has no field (`DescribeRegistryInput {}`): each
    // must convert too, and the round trips count them.
    let mut empty = Vec::new();
    for (shape, st) in service.structures() {
        if let Some((_, fields)) = gen.twin(&shape.name) {
            if fields.is_empty() {
                empty.push(shape.name.clone());
            }
            for m in &st.members {
                match gen.place(fields, m) {
                    Place::Field { optional: false } if !m.required => {
                        defaults.push(format!("{}.{}", shape.name, m.wire))
                    }
                    Place::Missing => missing.push(format!("{}.{}", shape.name, m.wire)),
                    _ => {}
                }
            }
        }
    }
    let _ = writeln!(
        out,
        "#[test] fn structures() {{ let mut seen = round_trip::Seen::new(&{defaults:?}, &{missing:?}, &{empty:?});"
    );
    let mut pairs = 0;
    for (shape, _) in service.structures() {
        if let Some((path, _)) = gen.twin(&shape.name) {
            pairs += 1;
            let _ = writeln!(
                out,
                "round_trip::structure::<{module}::{}, ::{}::{path}>(&mut seen);",
                shape.name,
                info.sdk_crate()
            );
        }
    }
    // Every pair made the round trip, the empty ones counted apart.
    let _ = writeln!(
        out,
        "assert_eq!(seen.finish(), ({pairs}, {})); }}",
        empty.len()
    );
    let _ = writeln!(out, "#[test] fn enumerations() {{");
    let enums = reachable(&gen);
    for (name, shape) in &service.shapes {
        if matches!(shape.kind, Kind::Enum(_)) && enums.contains(name) {
            let _ = writeln!(
                out,
                "round_trip::enumeration::<{module}::{name}, ::{}::types::{}>({module}::{name}::VALUES);",
                info.sdk_crate(),
                pascal(name)
            );
        }
    }
    out.push_str("}\n");
    out
}
