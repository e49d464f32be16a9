//! The botocore data files, as serde reads them. Only the parts the
//! generator uses are declared; the vendored files carry no documentation.

use std::collections::BTreeMap;

use serde::Deserialize;

/// `service-2.json`.
#[derive(Debug, Deserialize)]
pub struct ServiceFile {
    pub metadata: Metadata,
    pub operations: BTreeMap<String, OperationDef>,
    pub shapes: BTreeMap<String, ShapeDef>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Metadata {
    pub api_version: String,
    pub service_full_name: String,
    /// The short name: `Amazon ECR`, `Amazon ECR Public`.
    #[serde(default)]
    pub service_abbreviation: Option<String>,
    /// The `X-Amz-Target` header's prefix (the JSON protocol's): the
    /// operation's name follows it after a `.`.
    pub target_prefix: String,
}

#[derive(Debug, Deserialize)]
pub struct OperationDef {
    pub name: String,
    pub input: Option<ShapeRef>,
    pub output: Option<ShapeRef>,
    #[serde(default)]
    pub errors: Vec<ShapeRef>,
}

#[derive(Debug, Deserialize)]
pub struct ShapeRef {
    pub shape: String,
}

#[derive(Debug, Deserialize)]
pub struct MemberDef {
    pub shape: String,
    #[serde(default)]
    pub deprecated: bool,
    #[serde(rename = "deprecatedMessage")]
    pub deprecated_message: Option<String>,
}

/// A shape; which fields are present depends on `type`.
#[derive(Debug, Deserialize)]
pub struct ShapeDef {
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(default)]
    pub members: BTreeMapInOrder,
    #[serde(default)]
    pub required: Vec<String>,
    pub member: Option<ShapeRef>,
    pub key: Option<ShapeRef>,
    pub value: Option<ShapeRef>,
    pub min: Option<f64>,
    pub max: Option<f64>,
    pub pattern: Option<String>,
    #[serde(rename = "enum")]
    pub enum_values: Option<Vec<String>>,
    #[serde(default)]
    pub exception: bool,
}

/// Members in the order the model lists them.
#[derive(Debug, Default)]
pub struct BTreeMapInOrder(pub Vec<(String, MemberDef)>);

impl<'de> Deserialize<'de> for BTreeMapInOrder {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = BTreeMapInOrder;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a map of members")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut m: A,
            ) -> Result<Self::Value, A::Error> {
                let mut out = Vec::new();
                while let Some((k, v)) = m.next_entry::<String, MemberDef>()? {
                    out.push((k, v));
                }
                Ok(BTreeMapInOrder(out))
            }
        }
        d.deserialize_map(V)
    }
}

/// `paginators-1.json`.
#[derive(Debug, Deserialize)]
pub struct PaginatorsFile {
    pub pagination: BTreeMap<String, PaginatorDef>,
}

/// An operation's paginator. Every token and key is read as a list, in
/// model order: the file writes a single name as a string.
#[derive(Debug, Clone, Deserialize)]
pub struct PaginatorDef {
    #[serde(deserialize_with = "names")]
    pub input_token: Vec<String>,
    #[serde(deserialize_with = "names")]
    pub output_token: Vec<String>,
    pub limit_key: Option<String>,
    #[serde(default, deserialize_with = "names")]
    pub result_key: Vec<String>,
    #[serde(default)]
    pub non_aggregate_keys: Vec<String>,
}

/// One name or a list of names, read as a list.
fn names<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum OneOrMany {
        One(String),
        Many(Vec<String>),
    }
    Ok(match OneOrMany::deserialize(d)? {
        OneOrMany::One(name) => vec![name],
        OneOrMany::Many(names) => names,
    })
}

/// `waiters-2.json`.
#[derive(Debug, Deserialize)]
pub struct WaitersFile {
    pub waiters: BTreeMap<String, WaiterDef>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WaiterDef {
    pub operation: String,
    pub delay: u32,
    pub max_attempts: u32,
    pub acceptors: Vec<AcceptorDef>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct AcceptorDef {
    pub state: String,
    pub matcher: String,
    pub argument: Option<String>,
    pub expected: serde_json::Value,
}
