//! JSON Schemas (draft 2020-12) of every structure and enum: written from
//! the shape descriptions by one writer (each rule kind said in one place),
//! and exported as a tree of files.

pub use crate::json_schema::{document, enumeration, structure};

use serde_json::{json, Value};

use crate::options::Options;

/// The exported schema tree: `<service>/<Name>.json` for every structure and
/// enum of every service, `<service>/documents/<Name>.json` for every
/// document its strings carry (the same in every mode), and `index.json`,
/// written for `opts` (its `strict` and `exact_outputs`). Paths are relative to the output folder; texts are
/// pretty-printed with sorted keys, so a regenerated tree diffs cleanly.
pub fn export(opts: &Options) -> Vec<(String, String)> {
    use crate::registry::entries;
    use crate::shape::Service;

    let mut files = Vec::new();
    let mut index = Vec::new();
    for &service in Service::ALL {
        for entry in entries(service) {
            let Some(schema) = entry.schema(opts) else {
                continue;
            };
            let path = format!("{service}/{}.json", entry.name);
            let mut ops: Vec<&str> = crate::inspect::uses(entry)
                .iter()
                .map(|u| u.operation)
                .collect();
            ops.sort_unstable();
            index.push(json!({
                "service": service.name(),
                "name": entry.name,
                "file": path,
                "role": entry.role.as_str(),
                "operations": ops,
            }));
            files.push((path, pretty(&schema)));
        }
    }
    for &service in Service::ALL {
        for document in crate::registry::documents(service) {
            let mut schema = (document.schema)();
            schema["$id"] = document.schema_id.into();
            let path = format!("{service}/documents/{}.json", document.name);
            index.push(json!({
                "service": service.name(),
                "name": document.name,
                "file": path,
                "role": "document",
                "operations": [],
            }));
            files.push((path, pretty(&crate::json_schema::sorted(schema))));
        }
    }
    files.push((
        "index.json".to_string(),
        pretty(&json!({ "schemas": index })),
    ));
    files
}

fn pretty(value: &Value) -> String {
    let mut text = serde_json::to_string_pretty(value).unwrap_or_default();
    text.push('\n');
    text
}
