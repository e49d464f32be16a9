//! Pages of a paginated call merged as boto3 merges them:
//! [`Paginator::merge`], botocore's `PageIterator.build_full_result()`.
//!
//! ```
//! use ecr_models::{registry, Service};
//! use serde_json::json;
//!
//! let op = registry::operation(Service::Ecr, "list_images").unwrap();
//! let pages = [
//!     json!({"imageIds": [{"imageTag": "a"}], "nextToken": "t"}),
//!     json!({"imageIds": [{"imageTag": "b"}]}),
//! ];
//! let merged = op.paginator.unwrap().merge(&pages);
//! assert_eq!(merged, json!({"imageIds": [{"imageTag": "a"}, {"imageTag": "b"}]}));
//! ```

use serde_json::{Map, Value};

use crate::shape::Paginator;

/// The value at a dotted path (`imageScanFindings.findings`), as JMESPath
/// reads such a path: `None` where a step is missing, not an object, or
/// `null`.
fn get<'v>(value: &'v Value, path: &str) -> Option<&'v Value> {
    get_in(value.as_object()?, path)
}

/// [`get`] in an object.
fn get_in<'v>(mut object: &'v Map<String, Value>, path: &str) -> Option<&'v Value> {
    let (parents, last) = steps(path);
    for step in parents {
        object = object.get(step)?.as_object()?;
    }
    object.get(last).filter(|at| !at.is_null())
}

/// [`get_in`], to change the value.
fn get_in_mut<'v>(mut object: &'v mut Map<String, Value>, path: &str) -> Option<&'v mut Value> {
    let (parents, last) = steps(path);
    for step in parents {
        object = object.get_mut(step)?.as_object_mut()?;
    }
    object.get_mut(last).filter(|at| !at.is_null())
}

/// The steps of a dotted path: the objects on the way, and the name of
/// the value in the last of them.
fn steps(path: &str) -> (impl Iterator<Item = &str>, &str) {
    let (parents, last) = match path.rsplit_once('.') {
        Some((parents, last)) => (Some(parents), last),
        None => (None, path),
    };
    (parents.into_iter().flat_map(|p| p.split('.')), last)
}

/// Sets the value at a dotted path, making objects on the way, as
/// botocore's `set_value_from_jmespath` does (a step that holds something
/// other than an object is left alone, and nothing is set).
fn set(value: &mut Map<String, Value>, path: &str, new: Value) {
    match path.split_once('.') {
        None => {
            value.insert(path.to_string(), new);
        }
        Some((key, rest)) => {
            let next = value
                .entry(key.to_string())
                .or_insert_with(|| Value::Object(Map::new()));
            if let Value::Object(next) = next {
                set(next, rest, new);
            }
        }
    }
}

impl Paginator {
    /// Merges the pages of one paginated call, in order, into what boto3's
    /// `build_full_result()` returns for them:
    ///
    /// - each result key's lists concatenated, page after page (strings
    ///   and numbers are added, as botocore adds them); a page without the
    ///   key adds nothing;
    /// - each non-aggregate key taken from the first page (`null` where
    ///   the first page lacks it, as botocore writes it), merged into the
    ///   result object by object; a result key's merged list is kept where
    ///   the first page held that list (botocore's merge overwrites it with
    ///   the first page's list, which is the very list it extended);
    /// - tokens and every other member dropped.
    pub fn merge(&self, pages: &[Value]) -> Value {
        let mut merged = Map::new();
        // Which result keys' merged values began as the first page's own.
        let mut from_first = Vec::new();
        for (at, page) in pages.iter().enumerate() {
            for &key in self.result_key {
                let Some(value) = get(page, key) else {
                    continue;
                };
                let Some(existing) = get_in_mut(&mut merged, key) else {
                    set(&mut merged, key, value.clone());
                    if at == 0 {
                        from_first.push(key);
                    }
                    continue;
                };
                match (&mut *existing, value) {
                    (Value::Array(all), Value::Array(more)) => all.extend(more.iter().cloned()),
                    (Value::String(all), Value::String(more)) => all.push_str(more),
                    (Value::Number(a), Value::Number(b)) => {
                        let sum = match (a.as_i64(), b.as_i64()) {
                            (Some(x), Some(y)) => x.checked_add(y).map(Value::from),
                            _ => None,
                        };
                        let sum = sum.unwrap_or_else(|| {
                            Value::from(a.as_f64().unwrap_or(0.0) + b.as_f64().unwrap_or(0.0))
                        });
                        *existing = sum;
                    }
                    _ => {}
                }
            }
        }
        let mut first = Map::new();
        if let Some(page) = pages.first() {
            for &key in self.non_aggregate_keys {
                set(
                    &mut first,
                    key,
                    get(page, key).cloned().unwrap_or(Value::Null),
                );
            }
        }
        merge_dicts(&mut merged, first, "", &from_first);
        Value::Object(merged)
    }
}

/// botocore's `merge_dicts(dict1, dict2)`: objects merged key by key, any
/// other value of `add` replacing `into`'s, except a result key's list
/// that began as the first page's (`keep`), which in botocore is the same
/// list.
fn merge_dicts(into: &mut Map<String, Value>, add: Map<String, Value>, at: &str, keep: &[&str]) {
    for (key, value) in add {
        let path = match at {
            "" => key.clone(),
            _ => format!("{at}.{key}"),
        };
        match (into.get_mut(&key), value) {
            (Some(Value::Object(existing)), Value::Object(more)) => {
                merge_dicts(existing, more, &path, keep);
            }
            (Some(_), Value::Array(_)) if keep.contains(&path.as_str()) => {}
            (_, value) => {
                into.insert(key, value);
            }
        }
    }
}
