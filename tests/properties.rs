//! Properties over arbitrary input (proptest):
//!
//! - arbitrary JSON values, with keys drawn mostly from the model's real
//!   member names, and valid documents with arbitrary values grafted in,
//!   against arbitrary structures of both services, default and strict:
//!   never a panic;
//! - the verdict (valid or not, and the violations as (path, code) pairs)
//!   does not depend on the order of keys in objects;
//! - error bodies, likewise, for an arbitrary operation;
//! - `check_slice` (checking without building, what the registry and the
//!   command use) and `from_slice_with` (building the typed value) agree on
//!   every violation.

use std::sync::OnceLock;

use ecr_models::registry::{self, Entry, ShapeRef};
use ecr_models::shape::{StructShape, Ty};
use ecr_models::testdata::{self, Fault, Generator};
use ecr_models::{check_slice, from_slice_with, Code, Error, Model, Options, Service};
use proptest::prelude::*;
use proptest::sample::{select, Index};
use serde_json::Value;

/// A JSON value whose objects keep their members in a chosen order (and may
/// be written in another).
#[derive(Debug, Clone)]
enum Json {
    Null,
    Bool(bool),
    Int(i64),
    /// An integer beyond `i64`.
    Big(u64),
    Float(f64),
    Str(String),
    Arr(Vec<Json>),
    Obj(Vec<(String, Json)>),
}

/// The order in which object members are written.
#[derive(Debug, Clone, Copy)]
enum Order {
    AsDrawn,
    Reversed,
    Sorted,
}

impl Json {
    fn text(&self, order: Order) -> String {
        let mut out = String::new();
        self.write(&mut out, order);
        out
    }

    fn write(&self, out: &mut String, order: Order) {
        match self {
            Json::Null => out.push_str("null"),
            Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Json::Int(n) => out.push_str(&n.to_string()),
            Json::Big(n) => out.push_str(&n.to_string()),
            Json::Float(f) => out.push_str(&serde_json::to_string(f).expect("finite")),
            Json::Str(s) => out.push_str(&serde_json::to_string(s).expect("a string")),
            Json::Arr(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    item.write(out, order);
                }
                out.push(']');
            }
            Json::Obj(members) => {
                let mut members: Vec<&(String, Json)> = members.iter().collect();
                match order {
                    Order::AsDrawn => {}
                    Order::Reversed => members.reverse(),
                    Order::Sorted => members.sort_by(|a, b| a.0.cmp(&b.0)),
                }
                out.push('{');
                for (i, (key, value)) in members.into_iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    out.push_str(&serde_json::to_string(key).expect("a string"));
                    out.push(':');
                    value.write(out, order);
                }
                out.push('}');
            }
        }
    }

    fn from_value(value: &Value) -> Json {
        match value {
            Value::Null => Json::Null,
            Value::Bool(b) => Json::Bool(*b),
            Value::Number(n) => match (n.as_i64(), n.as_u64(), n.as_f64()) {
                (Some(i), _, _) => Json::Int(i),
                (None, Some(u), _) => Json::Big(u),
                (None, None, Some(f)) => Json::Float(f),
                _ => Json::Null,
            },
            Value::String(s) => Json::Str(s.clone()),
            Value::Array(items) => Json::Arr(items.iter().map(Json::from_value).collect()),
            Value::Object(members) => Json::Obj(
                members
                    .iter()
                    .map(|(k, v)| (k.clone(), Json::from_value(v)))
                    .collect(),
            ),
        }
    }

    /// How many values the tree holds (itself included).
    fn size(&self) -> usize {
        1 + match self {
            Json::Arr(items) => items.iter().map(Json::size).sum(),
            Json::Obj(members) => members.iter().map(|(_, v)| v.size()).sum(),
            _ => 0,
        }
    }

    /// Replaces the value at pre-order position `at` with `graft`.
    fn graft(&mut self, at: usize, graft: Json) {
        fn walk(node: &mut Json, at: &mut usize, graft: &mut Option<Json>) {
            if graft.is_none() {
                return;
            }
            if *at == 0 {
                *node = graft.take().expect("checked");
                return;
            }
            *at -= 1;
            match node {
                Json::Arr(items) => items.iter_mut().for_each(|i| walk(i, at, graft)),
                Json::Obj(members) => members.iter_mut().for_each(|(_, v)| walk(v, at, graft)),
                _ => {}
            }
        }
        walk(self, &mut { at }, &mut Some(graft));
    }
}

/// Every structure of both services.
fn structures() -> &'static [&'static Entry] {
    static ALL: OnceLock<Vec<&'static Entry>> = OnceLock::new();
    ALL.get_or_init(|| {
        Service::ALL
            .iter()
            .flat_map(|&s| registry::entries(s))
            .filter(|e| matches!(e.shape, ShapeRef::Structure(_)))
            .collect()
    })
}

/// Every member name (and alias) of the model, and the names error bodies
/// use.
fn member_names() -> Vec<String> {
    static NAMES: OnceLock<Vec<String>> = OnceLock::new();
    NAMES
        .get_or_init(|| {
            let mut names = vec!["__type".to_string(), "message".to_string()];
            for entry in structures() {
                if let ShapeRef::Structure(shape) = entry.shape {
                    names.extend(reachable_names(shape));
                }
            }
            names.sort();
            names.dedup();
            names
        })
        .clone()
}

/// The member names (and aliases) of `shape` and of every structure below it.
fn reachable_names(shape: &'static StructShape) -> Vec<String> {
    fn walk_ty(ty: &Ty, seen: &mut Vec<&'static str>, out: &mut Vec<String>) {
        match ty {
            Ty::Structure(s) => walk(s, seen, out),
            Ty::List(l) => walk_ty(&l.member, seen, out),
            Ty::Map(m) => walk_ty(&m.value, seen, out),
            _ => {}
        }
    }
    fn walk(shape: &'static StructShape, seen: &mut Vec<&'static str>, out: &mut Vec<String>) {
        if seen.contains(&shape.name) {
            return;
        }
        seen.push(shape.name);
        for m in shape.members {
            out.push(m.name.to_string());
            walk_ty(&m.ty, seen, out);
        }
    }
    let mut out = Vec::new();
    walk(shape, &mut Vec::new(), &mut out);
    if shape.exception {
        out.extend(["__type".to_string(), "code".to_string()]);
    }
    out.sort();
    out.dedup();
    if out.is_empty() {
        out.push("x".to_string());
    }
    out
}

fn shape_of(entry: &Entry) -> &'static StructShape {
    match entry.shape {
        ShapeRef::Structure(shape) => shape,
        _ => unreachable!("structures only"),
    }
}

/// Strings that some rule accepts, so that values get past the type check.
fn plausible_strings() -> Vec<String> {
    let mut out: Vec<String> = [
        "",
        "my-repo",
        "123456789012",
        "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
        "latest",
        "2023-11-14T22:13:20Z",
        "2023-11-14 22:13:20.560000+00:00",
        "QUJD",
        "arn:aws:ecr:us-east-1:123456789012:repository/my-repo",
        "com.amazonaws.ecr#RepositoryNotFoundException",
        "ThrottlingException",
        "MyRepo",
        "a b",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    for &service in Service::ALL {
        for entry in registry::entries(service) {
            if let ShapeRef::Enum(e) = entry.shape {
                out.extend(e.values.iter().map(|v| v.to_string()));
            }
            if matches!(entry.shape, ShapeRef::Structure(s) if s.exception) {
                out.push(entry.name.to_string());
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

/// Keys: mostly `names` (the shape's own), sometimes any member name of the
/// model, sometimes anything.
fn key(names: Vec<String>) -> impl Strategy<Value = String> {
    prop_oneof![
        6 => select(names),
        1 => select(member_names()),
        1 => "[a-zA-Z_]{0,8}",
        1 => any::<String>(),
    ]
}

fn leaf() -> impl Strategy<Value = Json> {
    let ints = select(vec![
        0_i64,
        1,
        -1,
        2,
        100,
        101,
        1000,
        1001,
        i64::from(i32::MAX),
        i64::from(i32::MAX) + 1,
        i64::MIN,
        i64::MAX,
        1_700_000_000,
        -62_167_219_201,
        253_402_300_800,
    ]);
    prop_oneof![
        1 => Just(Json::Null),
        1 => any::<bool>().prop_map(Json::Bool),
        1 => ints.prop_map(Json::Int),
        1 => any::<i64>().prop_map(Json::Int),
        1 => (i64::MAX as u64 + 1..=u64::MAX).prop_map(Json::Big),
        1 => any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Json::Float),
        1 => (0_i64..2_000_000_000, 0_u32..1000)
            .prop_map(|(s, ms)| Json::Float(s as f64 + f64::from(ms) / 1000.0)),
        2 => select(plausible_strings()).prop_map(Json::Str),
        1 => "[a-z0-9./_-]{0,12}".prop_map(Json::Str),
        1 => any::<String>().prop_map(Json::Str),
    ]
}

/// Objects with unique keys (`message` and `Message` are two members).
fn object(value: impl Strategy<Value = Json>, names: Vec<String>) -> impl Strategy<Value = Json> {
    prop::collection::vec((key(names), value), 0..8).prop_map(|members| {
        let mut seen = std::collections::HashSet::new();
        Json::Obj(
            members
                .into_iter()
                .filter(|(k, _)| seen.insert(k.clone()))
                .collect(),
        )
    })
}

fn json(names: Vec<String>) -> impl Strategy<Value = Json> {
    leaf().prop_recursive(5, 96, 8, move |inner| {
        prop_oneof![
            1 => prop::collection::vec(inner.clone(), 0..6).prop_map(Json::Arr),
            2 => object(inner, names.clone()),
        ]
    })
}

/// Mostly objects at the top, since every document is one.
fn document(names: Vec<String>) -> impl Strategy<Value = Json> {
    prop_oneof![
        1 => json(names.clone()),
        4 => object(json(names.clone()), names),
    ]
}

/// A structure of either service, and a document biased to its members.
fn structure_and_document() -> impl Strategy<Value = (&'static Entry, Json)> {
    any::<Index>().prop_flat_map(|i| {
        let entries = structures();
        let entry = entries[i.index(entries.len())];
        (Just(entry), document(reachable_names(shape_of(entry))))
    })
}

/// A valid document of `entry` drawn with `seed`, with some of its
/// single-fault variants (`testdata::faults`) applied together, and `grafts`
/// of arbitrary values put in at arbitrary places.
fn grafted(entry: &Entry, seed: u64, faults: &[Index], grafts: &[(Index, Json)]) -> Json {
    let shape = shape_of(entry);
    let valid = Generator::new(seed).structure(shape);
    let mut doc = valid.clone();
    let all: Vec<Fault> = testdata::faults(shape, &valid).collect();
    if !all.is_empty() {
        for at in faults {
            apply(&mut doc, at.get(&all));
        }
    }
    let mut doc = Json::from_value(&doc);
    for (at, graft) in grafts {
        let at = at.index(doc.size());
        doc.graft(at, graft.clone());
    }
    doc
}

/// Puts the faulty value of `fault` (or its absence) into `doc`.
fn apply(doc: &mut Value, fault: &Fault) {
    let Some((parent, last)) = fault.path.rsplit_once('/') else {
        return;
    };
    let key = last.replace("~1", "/").replace("~0", "~");
    let faulty = fault.document.pointer(&fault.path).cloned();
    match (doc.pointer_mut(parent), faulty) {
        (Some(Value::Object(members)), Some(value)) => {
            members.insert(key, value);
        }
        (Some(Value::Object(members)), None) => {
            members.remove(&key);
        }
        (Some(Value::Array(items)), Some(value)) => {
            if let Some(item) = key.parse::<usize>().ok().and_then(|i| items.get_mut(i)) {
                *item = value;
            }
        }
        _ => {}
    }
}

/// The violations as sorted (path, code) pairs; `None` when valid.
fn verdict(result: &Result<(), Error>) -> Option<Vec<(String, Code)>> {
    result.as_ref().err().map(|e| {
        assert!(e.omitted() == 0, "small documents list every violation");
        let mut pairs: Vec<(String, Code)> = e
            .violations()
            .iter()
            .map(|v| (v.path.clone(), v.code))
            .collect();
        pairs.sort();
        pairs
    })
}

/// Checks `doc` written in each order: the same verdict every time.
fn assert_order_free(doc: &Json, check: impl Fn(&[u8]) -> Result<(), Error>) {
    let drawn = doc.text(Order::AsDrawn);
    let expected = verdict(&check(drawn.as_bytes()));
    for order in [Order::Reversed, Order::Sorted] {
        let text = doc.text(order);
        let got = verdict(&check(text.as_bytes()));
        assert_eq!(
            got, expected,
            "key order changed the verdict:\n{drawn}\n{text}"
        );
    }
}

fn options(strict: bool, unknown_enums: bool) -> Options {
    Options::default()
        .strict(strict)
        .allow_unknown_enums(unknown_enums)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_json_against_any_structure_never_panics_and_ignores_key_order(
        (entry, doc) in structure_and_document(),
        strict in any::<bool>(),
        unknown_enums in any::<bool>(),
    ) {
        let opts = options(strict, unknown_enums);
        assert_order_free(&doc, |bytes| {
            entry.check(bytes, &opts)
        });
    }

    #[test]
    fn valid_documents_with_faults_and_grafts_never_panic_and_ignore_key_order(
        shape in any::<Index>(),
        seed in any::<u64>(),
        faults in prop::collection::vec(any::<Index>(), 0..4),
        grafts in prop::collection::vec((any::<Index>(), json(member_names())), 0..2),
        strict in any::<bool>(),
    ) {
        let entry = shape.get(structures());
        let doc = grafted(entry, seed, &faults, &grafts);
        let opts = options(strict, false);
        let check = |bytes: &[u8]| entry.check(bytes, &opts);
        if faults.is_empty() && grafts.is_empty() {
            let text = doc.text(Order::AsDrawn);
            prop_assert!(check(text.as_bytes()).is_ok(), "{}: {text}", entry.name);
        }
        assert_order_free(&doc, check);
    }

    #[test]
    fn arbitrary_error_bodies_never_panic_and_ignore_key_order(
        service in any::<Index>(),
        operation in any::<Index>(),
        declared in any::<bool>(),
        body in object(json(member_names()), member_names()),
        strict in any::<bool>(),
    ) {
        let service = *service.get(Service::ALL);
        let op = operation.get(registry::operations(service));
        let op = declared.then_some(op);
        let opts = options(strict, false);
        assert_order_free(&body, |bytes| match service {
            Service::Ecr => ecr_models::ecr::ServiceError::from_slice_with(bytes, op, &opts).map(drop),
            Service::EcrPublic => {
                ecr_models::ecr_public::ServiceError::from_slice_with(bytes, op, &opts).map(drop)
            }
        });
    }

    #[test]
    fn checking_and_reading_a_typed_value_report_the_same_violations(
        which in 0..TYPED.len(),
        seed in any::<u64>(),
        faults in prop::collection::vec(any::<Index>(), 0..4),
        grafts in prop::collection::vec((any::<Index>(), json(member_names())), 0..2),
        strict in any::<bool>(),
    ) {
        let case = Case { seed, faults: &faults, grafts: &grafts };
        typed_agree(which, &case, &options(strict, false));
    }
}

/// A document to draw: a seed, faults and grafts (see [`grafted`]).
struct Case<'a> {
    seed: u64,
    faults: &'a [Index],
    grafts: &'a [(Index, Json)],
}

/// `check_slice::<T>` and `from_slice_with::<T>` on a drawn document.
fn typed_agree(which: usize, case: &Case<'_>, opts: &Options) {
    let (shape, agree) = typed(which);
    let entry = registry::find(shape.service, shape.name).expect("registered");
    let doc = grafted(entry, case.seed, case.faults, case.grafts).text(Order::AsDrawn);
    agree(&doc, opts);
}

/// `check_slice::<T>` and `from_slice_with::<T>` on the same bytes.
fn agree<T: Model>(doc: &str, opts: &Options) {
    let checked = check_slice::<T>(doc.as_bytes(), opts);
    let read = from_slice_with::<T>(doc.as_bytes(), opts).map(drop);
    assert_eq!(checked, read, "{}: {doc}", T::SHAPE.name);
}

/// A typed shape, and [`agree`] for it.
type Typed = (&'static StructShape, fn(&str, &Options));

/// The typed shapes.
const TYPED: [fn() -> Typed; 14] = {
    use ecr_models::{ecr, ecr_public};
    fn of<T: Model>() -> Typed {
        (T::SHAPE, agree::<T>)
    }
    [
        of::<ecr::CreateRepositoryRequest>,
        of::<ecr::BatchGetImageRequest>,
        of::<ecr::DescribeImagesResponse>,
        of::<ecr::DescribeImageScanFindingsResponse>,
        of::<ecr::GetAuthorizationTokenResponse>,
        of::<ecr::GetLifecyclePolicyPreviewResponse>,
        of::<ecr::ImageReferrer>,
        of::<ecr::ResponseMetadata>,
        of::<ecr::PutImageRequest>,
        of::<ecr::ListImagesResponse>,
        of::<ecr::RepositoryNotFoundException>,
        of::<ecr_public::DescribeRegistriesResponse>,
        of::<ecr_public::PutImageRequest>,
        of::<ecr_public::GetAuthorizationTokenResponse>,
    ]
};

/// The typed shape `which` of [`TYPED`], and [`agree`] for it.
fn typed(which: usize) -> Typed {
    TYPED[which]()
}

/// Every member of each typed shape, `__type`, `Message` and a name no
/// shape has, given a value of each JSON type, once and then twice:
/// checking and reading agree, default and strict.
#[test]
fn checking_and_reading_agree_on_every_member_given_every_json_type() {
    let values = [
        "null",
        "true",
        "7",
        "-1.5",
        "\"x\"",
        "[]",
        "[null]",
        "{}",
        "{\"a\":1}",
    ];
    for which in 0..TYPED.len() {
        let (shape, agree) = typed(which);
        let names =
            shape
                .members
                .iter()
                .map(|m| m.name)
                .chain(["__type", "code", "Message", "notAMember"]);
        for name in names {
            for value in values {
                for strict in [false, true] {
                    let opts = options(strict, false);
                    agree(&format!("{{\"{name}\":{value}}}"), &opts);
                    agree(&format!("{{\"{name}\":{value},\"{name}\":{value}}}"), &opts);
                }
            }
        }
    }
}

/// Numbers at the edges of every rule a number meets (a timestamp's range,
/// an integer's from 0 or from 1, a long's, a double's), at members of
/// each kind inside structures, lists and maps: checking, which settles
/// most numbers by their digits without their value, agrees with reading.
#[test]
fn checking_and_reading_agree_on_numbers_at_the_edges_of_every_range() {
    let numbers = [
        "0",
        "-0",
        "1",
        "-1",
        "0.5",
        "1.0",
        "1e3",
        "1E+3",
        "1e-3",
        "1e400",
        "99",
        "1000",
        "1001",
        "99999999999",
        "99999999999.9999999",
        "100000000000",
        "253402300799",
        "253402300799.9999999",
        "253402300800",
        "-62167219200",
        "-62167219201",
        "2147483647",
        "2147483648",
        "9223372036854775807",
        "9223372036854775808",
        "18446744073709551616",
        "123456789012345678901234567890",
    ];
    use ecr_models::ecr;
    for n in numbers {
        let images = format!(
            r#"{{"imageDetails":[{{"imagePushedAt":{n},"imageSizeInBytes":{n},"imageScanFindingsSummary":{{"findingSeverityCounts":{{"LOW":{n}}}}}}}]}}"#
        );
        let preview = format!(
            r#"{{"previewResults":[{{"appliedRulePriority":{n},"imagePushedAt":{n}}}],"summary":{{"expiringImageTotalCount":{n}}}}}"#
        );
        let findings = format!(
            r#"{{"imageScanFindings":{{"enhancedFindings":[{{"score":{n},"updatedAt":{n}}}]}}}}"#
        );
        for strict in [false, true] {
            let opts = options(strict, false);
            agree::<ecr::DescribeImagesResponse>(&images, &opts);
            agree::<ecr::GetLifecyclePolicyPreviewResponse>(&preview, &opts);
            agree::<ecr::DescribeImageScanFindingsResponse>(&findings, &opts);
        }
    }
}

/// Items of a list of structures are checked with the member order of the
/// item before as a guess. Items that keep that order, change it, repeat a
/// member, add unknown names, or write a known name with an escape or as
/// the start of a longer one, are reported as the typed reader reports
/// them, and as listed here.
#[test]
fn list_items_that_change_their_member_order_are_checked_like_any_other() {
    let items = [
        r#"{"registryId":"123456789012","repositoryName":"web/app","imageTags":["a"]}"#,
        // The same order; a bad value where the guess holds.
        r#"{"registryId":"12","repositoryName":"web/app","imageTags":["a"]}"#,
        // Another order.
        r#"{"registryId":"123456789012","imageTags":["b"],"repositoryName":"x"}"#,
        // An unknown name first, an escaped name, a member given twice.
        r#"{"registryIdX":"1","repo\u0073itoryName":"web/app","registryId":"123456789012","registryId":"123456789012"}"#,
        r#"{"registryId":"123456789012","repositoryName":"web/app","imageTags":"no"}"#,
        // A known name as the start of a longer one.
        r#"{"registryId":"123456789012","repositoryNameX":"web/app"}"#,
    ];
    let doc = format!(r#"{{"imageDetails":[{}]}}"#, items.join(","));
    let expected = vec![
        ("/imageDetails/1/registryId".to_owned(), Code::Pattern),
        ("/imageDetails/2/repositoryName".to_owned(), Code::Length),
        ("/imageDetails/3/registryId".to_owned(), Code::Duplicate),
        ("/imageDetails/3/registryIdX".to_owned(), Code::UnknownField),
        ("/imageDetails/4/imageTags".to_owned(), Code::Type),
        (
            "/imageDetails/5/repositoryNameX".to_owned(),
            Code::UnknownField,
        ),
    ];
    type Images = ecr_models::ecr::DescribeImagesResponse;
    let opts = options(true, false);
    let checked = check_slice::<Images>(doc.as_bytes(), &opts);
    assert_eq!(verdict(&checked), Some(expected), "{doc}");
    agree::<Images>(&doc, &opts);
    // Every item valid, in orders that change: valid.
    let valid = [
        items[0],
        r#"{"imageTags":["a"],"registryId":"123456789012"}"#,
        items[0],
    ];
    let doc = format!(r#"{{"imageDetails":[{}]}}"#, valid.join(","));
    assert_eq!(
        check_slice::<Images>(doc.as_bytes(), &opts),
        Ok(()),
        "{doc}"
    );
}
