//! The round trip every converted pair goes through: valid documents drawn
//! by the project's generator (`ecr_models::testdata`), JSON → ecr-models →
//! SDK → ecr-models → JSON, compared member by member with the document
//! they came from.

use std::collections::BTreeSet;
use std::fmt::Debug;

use ecr_models::sdk::Twin;
use ecr_models::shape::{StructShape, Ty};
use ecr_models::testdata::Generator;
use ecr_models::{Code, Model};
use serde_json::Value;

/// Documents drawn per structure: each optional member is present in about
/// half of them, so both its presence and its absence are met.
const SEEDS: u64 = 24;

/// What the round trips met beyond equality, against what the SDK surface
/// says they must meet.
pub struct Seen {
    defaults: BTreeSet<&'static str>,
    missing: BTreeSet<&'static str>,
    empty: BTreeSet<&'static str>,
    met_defaults: BTreeSet<String>,
    met_missing: BTreeSet<String>,
    /// The structures that made the whole round trip at least once.
    converted: BTreeSet<&'static str>,
}

impl Seen {
    /// `defaults`: `Shape.member`s the SDK holds as plain values though the
    /// model leaves them optional; `missing`: those the SDK lacks; `empty`:
    /// the structures whose SDK twin has no field (`DescribeRegistryInput`).
    pub fn new(
        defaults: &[&'static str],
        missing: &[&'static str],
        empty: &[&'static str],
    ) -> Self {
        Seen {
            defaults: defaults.iter().copied().collect(),
            missing: missing.iter().copied().collect(),
            empty: empty.iter().copied().collect(),
            met_defaults: BTreeSet::new(),
            met_missing: BTreeSet::new(),
            converted: BTreeSet::new(),
        }
    }

    /// Every Smithy default and every missing member was met, every
    /// structure without SDK fields made the round trip, and nothing else
    /// differed (that is checked as it is met). Returns how many
    /// structures made it, and how many of them have no SDK field.
    pub fn finish(self) -> (usize, usize) {
        let defaults: BTreeSet<String> = self.defaults.iter().map(|s| s.to_string()).collect();
        let missing: BTreeSet<String> = self.missing.iter().map(|s| s.to_string()).collect();
        assert_eq!(self.met_defaults, defaults, "Smithy defaults met");
        assert_eq!(self.met_missing, missing, "members the SDK lacks, met");
        let met_empty: BTreeSet<&str> = self.converted.intersection(&self.empty).copied().collect();
        assert_eq!(
            met_empty, self.empty,
            "structures without SDK fields, converted"
        );
        assert!(!self.converted.is_empty());
        (self.converted.len(), met_empty.len())
    }
}

/// The round trip of structure `M` and its SDK twin `S`.
pub fn structure<M, S>(seen: &mut Seen)
where
    M: Model + Clone + PartialEq + Debug,
    S: Twin<Model = M> + Clone + Debug,
{
    for seed in 0..SEEDS {
        let doc = Generator::new(seed).structure(M::SHAPE);
        let text = doc.to_string();
        let model: M = ecr_models::from_json(&text)
            .unwrap_or_else(|e| panic!("{}: a drawn document is invalid: {e}", M::SHAPE.name));
        let sdk = match S::from_model(model.clone()) {
            Ok(sdk) => sdk,
            Err(e) => {
                // Only a member the SDK lacks may refuse, and it names it.
                for v in e.violations() {
                    assert_eq!(v.code, Code::NotInSdk, "{}: {v}", M::SHAPE.name);
                    let (shape, member) = lacking(M::SHAPE, &doc, &v.path);
                    let name = format!("{shape}.{member}");
                    assert!(seen.missing.contains(name.as_str()), "{name}: refused");
                    seen.met_missing.insert(name);
                }
                continue;
            }
        };
        let back = sdk
            .clone()
            .into_model()
            .unwrap_or_else(|e| panic!("{}: back from the SDK: {e}", M::SHAPE.name));
        let json = serde_json::to_value(&back).expect("serializes");
        // Compared as this crate writes both (a drawn timestamp string is
        // written as epoch seconds either way).
        let original = serde_json::to_value(&model).expect("serializes");
        compare(M::SHAPE, &original, &json, "", seen);
        // The public one-call forms say the same.
        let read: S = ecr_models::sdk::from_json(&text).expect("from_json");
        assert_eq!(
            ecr_models::sdk::to_value(&read).expect("to_value"),
            json,
            "{}",
            M::SHAPE.name
        );
        seen.converted.insert(M::SHAPE.name);
    }
}

/// The shape and member a refusal's pointer leads to in `doc`.
fn lacking(shape: &'static StructShape, doc: &Value, pointer: &str) -> (String, String) {
    let mut shape = shape;
    let mut ty: Option<&Ty> = None;
    let mut value = doc;
    let mut last = String::new();
    for segment in pointer.split('/').skip(1) {
        if let Some(t) = ty.take() {
            match t {
                Ty::Structure(s) => shape = s,
                Ty::List(l) => {
                    ty = Some(&l.member);
                    value = &value[segment.parse::<usize>().expect("an index")];
                    continue;
                }
                other => panic!("{pointer}: into {other:?}"),
            }
        }
        let m = shape
            .members
            .iter()
            .find(|m| m.name == segment)
            .unwrap_or_else(|| panic!("{pointer}: no member {segment} in {}", shape.name));
        value = &value[segment];
        ty = Some(&m.ty);
        last = segment.to_string();
        if value.is_null() {
            panic!("{pointer}: refused a member the document lacks");
        }
    }
    (shape.name.to_string(), last)
}

/// `back` is `doc` member by member, but for what the SDK cannot hold:
/// Smithy defaults (absent in `doc`, the default in `back`) and boto3's
/// `ResponseMetadata`.
fn compare(shape: &'static StructShape, doc: &Value, back: &Value, at: &str, seen: &mut Seen) {
    let (Some(doc), Some(back)) = (doc.as_object(), back.as_object()) else {
        panic!("{at}: not objects");
    };
    for key in back.keys() {
        assert!(
            shape.members.iter().any(|m| m.name == key),
            "{at}/{key}: not a member of {}",
            shape.name
        );
    }
    for m in shape.members {
        let here = format!("{at}/{}", m.name);
        let name = format!("{}.{}", shape.name, m.name);
        match (doc.get(m.name), back.get(m.name)) {
            (Some(a), Some(b)) => value(&m.ty, a, b, &here, seen),
            (None, None) => {}
            (None, Some(b)) => {
                assert!(
                    seen.defaults.contains(name.as_str()),
                    "{here}: appeared as {b}"
                );
                assert!(
                    matches!(b, Value::Bool(false)) || b.as_f64() == Some(0.0),
                    "{here}: a default that is not zero: {b}"
                );
                seen.met_defaults.insert(name);
            }
            (Some(a), None) => {
                assert_eq!(m.name, "ResponseMetadata", "{here}: {a} was dropped");
            }
        }
    }
}

fn value(ty: &Ty, a: &Value, b: &Value, at: &str, seen: &mut Seen) {
    match ty {
        Ty::Structure(s) => compare(s, a, b, at, seen),
        Ty::List(l) => {
            let (a, b) = (a.as_array().expect("a list"), b.as_array().expect("a list"));
            assert_eq!(a.len(), b.len(), "{at}: items");
            for (i, (x, y)) in a.iter().zip(b).enumerate() {
                value(&l.member, x, y, &format!("{at}/{i}"), seen);
            }
        }
        Ty::Map(m) => {
            let (a, b) = (a.as_object().expect("a map"), b.as_object().expect("a map"));
            assert_eq!(
                a.keys().collect::<BTreeSet<_>>(),
                b.keys().collect::<BTreeSet<_>>(),
                "{at}: keys"
            );
            for (k, x) in a {
                value(&m.value, x, &b[k], &format!("{at}/{k}"), seen);
            }
        }
        // A drawn timestamp may be a string; it comes back as epoch seconds.
        Ty::Timestamp => {
            let a: ecr_models::Timestamp = serde_json::from_value(a.clone()).expect("a timestamp");
            let b: ecr_models::Timestamp = serde_json::from_value(b.clone()).expect("a timestamp");
            assert_eq!(a, b, "{at}");
            assert_eq!(a.subsec_nanos(), b.subsec_nanos(), "{at}: nanoseconds");
        }
        _ => assert_eq!(a, b, "{at}"),
    }
}

/// The round trip of an enum: every known value, and one neither side
/// knows, through the wire string both ways.
pub fn enumeration<M, S>(values: &[&str])
where
    M: for<'a> From<&'a str> + AsRef<str> + Clone + PartialEq + Debug,
    S: Twin<Model = M> + AsRef<str> + Clone + Debug,
{
    for value in values.iter().copied().chain(["NOT_A_VALUE_OF_ANY_RELEASE"]) {
        let model = M::from(value);
        let sdk = S::from_model(model.clone()).expect("an enum converts");
        assert_eq!(sdk.as_ref(), value);
        let back = sdk.into_model().expect("an enum converts back");
        assert_eq!(back, model);
        assert_eq!(back.as_ref(), value);
    }
}
