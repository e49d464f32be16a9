//! JSON Schemas (draft 2020-12) written from the shape descriptions: the one
//! place where each rule kind is said in JSON Schema. Generated
//! `schemars::JsonSchema` impls call [`structure`] and [`enumeration`].
//!
//! Each rule means what the Rust readers check (default mode):
//! - patterns are whole-value (`^(?:...)$(?!\n)`, portable to ECMA-262 with
//!   the `u` flag and Python's `re`); lengths count Unicode scalar values;
//! - integers carry their range, including the `i32`/`i64` limits;
//! - an optional member also accepts `null`; a required one does not;
//! - a timestamp is epoch seconds in range, or a string matching
//!   [`crate::timestamp::PATTERN`], which is exact to the calendar;
//! - a blob is canonical padded base64 whose decoded size is in range;
//! - map keys are checked with `propertyNames`;
//! - in a response (unless `exact_outputs`), lists carry no item counts and
//!   enums accept any string, naming their known values as `examples`;
//! - an error shape also allows `__type` and `code`, and `Message` as well
//!   as `message`.
//!
//! What JSON Schema cannot see: a member name given twice in one object
//! (the Rust side reports `duplicate`; a parser keeps one of them before any
//! schema validator looks).

use schemars::generate::SchemaSettings;
use schemars::transform::{transform_subschemas, Transform};
use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde_json::{json, Map, Value};

use crate::rules::{BlobRule, IntRule, ItemsRule, StrRule};
use crate::shape::{EnumShape, ShapeRef, StructShape, Ty};
use crate::timestamp;

/// `schemars::JsonSchema` for a generated type, written from its shape
/// description by `structure` or `enumeration`:
/// `impl_json_schema!(Type, writer, shapes::STATIC, "schema id")`.
macro_rules! impl_json_schema {
    ($ty:ident, $writer:ident, $shape:path, $id:literal) => {
        impl schemars::JsonSchema for $ty {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                std::borrow::Cow::Borrowed(stringify!($ty))
            }
            fn schema_id() -> std::borrow::Cow<'static, str> {
                std::borrow::Cow::Borrowed($id)
            }
            fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
                $crate::json_schema::$writer(generator, &$shape)
            }
        }
    };
}
pub(crate) use impl_json_schema;

/// The schema of a structure, its nested shapes under `$defs`.
pub fn structure(generator: &mut SchemaGenerator, shape: &StructShape) -> Schema {
    let mut properties = Map::new();
    let mut required = Vec::new();
    for m in shape.members {
        let mut schema = ty(generator, &m.ty);
        describe(&mut schema, m.required, m.shape);
        if !m.required {
            schema = nullable(schema);
        }
        if m.required {
            required.push(Value::from(m.name));
        }
        properties.insert(m.name.to_string(), schema);
    }
    if shape.exception {
        for name in crate::shape::ENVELOPE {
            properties.insert(
                name.to_string(),
                json!({"type": "string", "description": "The error's name, with or without a namespace."}),
            );
        }
    }
    let mut object = Map::new();
    object.insert("type".into(), "object".into());
    let mut description = format!("Structure `{}` of {}.", shape.name, shape.service);
    if shape.exception {
        description.push_str(" An error body: `__type` (or `code`) names the error.");
    }
    object.insert("description".into(), description.into());
    object.insert("properties".into(), properties.into());
    if !required.is_empty() {
        object.insert("required".into(), required.into());
    }
    Schema::from(object)
}

/// The schema of an enum: its known values (open in a response: see
/// `open_enums`).
pub fn enumeration(_: &mut SchemaGenerator, shape: &EnumShape) -> Schema {
    Schema::from(
        json!({
            "type": "string",
            "description": format!("Enum `{}` of {}: one of its values, case-sensitive.", shape.name, shape.service),
            "enum": shape.values,
        })
        .as_object()
        .cloned()
        .unwrap_or_default(),
    )
}

/// The self-contained schema document of `T`: `$schema`, `title`, `$defs`.
/// `strict` refuses members the model does not define. With `letter`, the
/// document is held to the letter of the model (a request, or a response
/// under [`crate::Options::exact_outputs`]); without it, it is judged as a
/// response: lists carry no item counts
/// ([`crate::Options::list_bounds_apply`]) and enums name their known
/// values as `examples` but accept any string
/// ([`crate::Options::enums_closed`]).
pub fn document<T: JsonSchema>(strict: bool, letter: bool) -> Value {
    let mut settings = SchemaSettings::draft2020_12();
    if strict {
        settings = settings.with_transform(EachObject(closed_structures));
    }
    if !letter {
        settings = settings
            .with_transform(EachObject(no_list_bounds))
            .with_transform(EachObject(open_enums));
    }
    sorted(
        settings
            .into_generator()
            .into_root_schema_for::<T>()
            .to_value(),
    )
}

/// The self-contained schema document of a registered structure or enum,
/// written from its description alone: what [`document`] gives for its
/// Rust type. Without `list_bounds`, lists carry no item counts; without
/// `closed_enums`, enums accept any string. `None` for a scalar shape.
pub(crate) fn of(
    shape: ShapeRef,
    strict: bool,
    list_bounds: bool,
    closed_enums: bool,
) -> Option<Value> {
    let mut generator = SchemaSettings::draft2020_12().into_generator();
    let (schema, title) = match shape {
        ShapeRef::Structure(s) => (structure(&mut generator, s), s.name),
        ShapeRef::Enum(e) => (enumeration(&mut generator, e), e.name),
        ShapeRef::Scalar(_) => return None,
    };
    let mut schema = schema.to_value();
    let object = schema.as_object_mut()?;
    object.insert("title".into(), title.into());
    if let Some(meta) = &generator.settings().meta_schema {
        object.insert("$schema".into(), meta.to_string().into());
    }
    let definitions = generator.take_definitions(false);
    if !definitions.is_empty() {
        object.insert("$defs".into(), definitions.into());
    }
    let mut schema = Schema::try_from(schema).ok()?;
    if strict {
        EachObject(closed_structures).transform(&mut schema);
    }
    if !list_bounds {
        EachObject(no_list_bounds).transform(&mut schema);
    }
    if !closed_enums {
        EachObject(open_enums).transform(&mut schema);
    }
    Some(sorted(schema.to_value()))
}

/// A transform that edits every object schema, the nested ones too, with
/// its function.
#[derive(Debug, Clone, Copy)]
struct EachObject(fn(&mut Map<String, Value>));

impl Transform for EachObject {
    fn transform(&mut self, schema: &mut Schema) {
        if let Some(object) = schema.as_object_mut() {
            (self.0)(object);
        }
        transform_subschemas(self, schema);
    }
}

/// Adds `additionalProperties: false` to every structure's object schema.
fn closed_structures(object: &mut Map<String, Value>) {
    if object.contains_key("properties") && !object.contains_key("additionalProperties") {
        object.insert("additionalProperties".into(), false.into());
    }
}

/// Takes the item counts that [`items`] writes off every list: in a
/// response, the Rust side does not check them.
fn no_list_bounds(object: &mut Map<String, Value>) {
    // A list's schema, nullable or not: it has `items`.
    if object.contains_key("items") {
        for key in ITEM_COUNTS {
            object.remove(key);
        }
    }
}

/// Turns every enum's `enum` into `examples`: its known values, named for
/// readers and editors, with any string accepted (a response's enums are
/// open: [`crate::Options::enums_closed`]).
fn open_enums(object: &mut Map<String, Value>) {
    if let Some(values) = object.remove("enum") {
        object.insert("examples".into(), values);
        let description = match object.get("description") {
            Some(Value::String(text)) => format!("{text} {OPEN_ENUM}"),
            _ => OPEN_ENUM.to_string(),
        };
        object.insert("description".into(), description.into());
    }
}

/// What an open enum's schema says of itself.
const OPEN_ENUM: &str = "Open: any other string is accepted too, as AWS's enums are open and a response may carry a value added after this model; the known values are the `examples`.";

/// The value with every object's keys sorted, so that output is stable
/// whatever map order serde_json was built with.
pub(crate) fn sorted(value: Value) -> Value {
    match value {
        Value::Object(map) => {
            let mut entries: Vec<(String, Value)> = map.into_iter().collect();
            entries.sort_by(|a, b| a.0.cmp(&b.0));
            Value::Object(entries.into_iter().map(|(k, v)| (k, sorted(v))).collect())
        }
        Value::Array(items) => Value::Array(items.into_iter().map(sorted).collect()),
        other => other,
    }
}

/// A `$ref` to the definition `name`, writing it first if it is new.
fn reference(
    generator: &mut SchemaGenerator,
    name: &str,
    write: impl FnOnce(&mut SchemaGenerator) -> Schema,
) -> Value {
    if !generator.definitions().contains_key(name) {
        // A placeholder first, so a shape that refers to itself ends.
        generator
            .definitions_mut()
            .insert(name.to_string(), Value::Bool(true));
        let schema = write(generator);
        generator
            .definitions_mut()
            .insert(name.to_string(), schema.to_value());
    }
    json!({"$ref": format!("#/$defs/{name}")})
}

fn ty(generator: &mut SchemaGenerator, of: &Ty) -> Value {
    match of {
        Ty::String(rule) => string(rule),
        Ty::Integer(rule) | Ty::Long(rule) => integer(rule),
        // Finite: Python reads 1e400 as inf, which would pass a bare "number".
        Ty::Double => json!({"type": "number", "minimum": f64::MIN, "maximum": f64::MAX}),
        Ty::Boolean => json!({"type": "boolean"}),
        Ty::Timestamp => timestamp(),
        Ty::Blob(rule) => blob(rule),
        Ty::Enum(e) => reference(generator, e.name, |g| enumeration(g, e)),
        Ty::List(l) => {
            let mut schema = json!({"type": "array", "items": ty(generator, &l.member)});
            items(&mut schema, &l.items);
            schema
        }
        Ty::Map(m) => json!({
            "type": "object",
            "propertyNames": ty(generator, &m.key),
            "additionalProperties": ty(generator, &m.value),
        }),
        Ty::Structure(s) => reference(generator, s.name, |g| structure(g, s)),
    }
}

fn string(rule: &StrRule) -> Value {
    let mut schema = json!({"type": "string"});
    if let Some(min) = rule.min {
        schema["minLength"] = min.into();
    }
    if let Some(max) = rule.max {
        schema["maxLength"] = max.into();
    }
    if let Some(p) = rule.pattern {
        schema["pattern"] = p.portable.into();
    }
    // The document the text carries, for editors and validators that read
    // content: an annotation, which validators do not assert by default.
    if let Some(document) = rule.document {
        schema["contentMediaType"] = "application/json".into();
        schema["contentSchema"] = json!({ "$ref": document.schema_id });
    }
    schema
}

fn integer(rule: &IntRule) -> Value {
    json!({"type": "integer", "minimum": rule.min, "maximum": rule.max})
}

/// The keywords of a list's item counts, written by [`items`].
const ITEM_COUNTS: [&str; 2] = ["minItems", "maxItems"];

fn items(schema: &mut Value, rule: &ItemsRule) {
    let [min_items, max_items] = ITEM_COUNTS;
    if let Some(min) = rule.min {
        schema[min_items] = min.into();
    }
    if let Some(max) = rule.max {
        schema[max_items] = max.into();
    }
}

/// The whole-value, portable form of a bare pattern body.
fn whole(body: &str) -> String {
    format!("^(?:{body})$(?!\\n)")
}

fn timestamp() -> Value {
    json!({"anyOf": [
        {"type": "number", "minimum": timestamp::EPOCH_MIN, "exclusiveMaximum": timestamp::EPOCH_END},
        {"type": "string", "pattern": whole(timestamp::PATTERN)},
    ]})
}

/// A blob as base64 text. A decoded size of at most `max` bytes is a text of
/// at most 4·⌈max/3⌉ characters; at that very length the last group must be
/// padded enough (`=` when max % 3 == 2, `==` when max % 3 == 1).
fn blob(rule: &BlobRule) -> Value {
    let mut schema = json!({"type": "string", "pattern": crate::blob::portable_pattern()});
    if let Some(max) = rule.max {
        let longest = max.div_ceil(3) * 4;
        schema["maxLength"] = longest.into();
        let padding = match max % 3 {
            0 => None,
            1 => Some("==$"),
            _ => Some("=$"),
        };
        if let Some(padding) = padding {
            schema["anyOf"] = json!([{"maxLength": longest - 4}, {"pattern": padding}]);
        }
    }
    schema
}

/// Also accepts `null` (an optional member).
fn nullable(schema: Value) -> Value {
    match schema {
        Value::Object(mut object)
            if !object.contains_key("$ref") && !object.contains_key("anyOf") =>
        {
            if let Some(Value::String(t)) = object.get("type").cloned() {
                object.insert("type".into(), json!([t, "null"]));
                return Value::Object(object);
            }
            json!({"anyOf": [Value::Object(object), {"type": "null"}]})
        }
        other => json!({"anyOf": [other, {"type": "null"}]}),
    }
}

fn describe(schema: &mut Value, required: bool, shape: &str) {
    if let Value::Object(object) = schema {
        let text = format!(
            "{} (shape `{shape}`).",
            if required {
                "Required"
            } else {
                "Optional; null means absent"
            }
        );
        if !object.contains_key("$ref") {
            object.insert("description".into(), text.into());
        }
    }
}
