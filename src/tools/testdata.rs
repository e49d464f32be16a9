//! Valid documents for any shape, and single-fault variants of them, for
//! tests: drawn from the same shape descriptions and rules the readers check.
//! Deterministic for a seed. With the `proptest` feature, `strategy` and
//! `typed_strategy` draw them for property tests.

use serde_json::{json, Map, Value};

use crate::error::Code;
use crate::options::Options;
use crate::rules::{BlobRule, Embedded, IntRule, ItemsRule, Pattern, StrRule};
use crate::shape::{StructShape, Ty};

/// How many draws a string gets to meet both its pattern and its length.
const ATTEMPTS: usize = 64;

/// The members of `ResponseMetadata` that current botocore writes on every
/// response it returns (`HostId` only when AWS sends the header). None is
/// required: botocore of 2016 wrote only `HTTPStatusCode` and `RequestId`,
/// and recorders built on placebo empty it to `{}`.
const BOTO3_METADATA: [&str; 4] = [
    "RequestId",
    "HTTPStatusCode",
    "HTTPHeaders",
    "RetryAttempts",
];

/// Draws valid values. Strings are drawn from their pattern's syntax tree and
/// kept only when they meet every rule of their shape.
#[derive(Debug, Clone)]
pub struct Generator {
    state: u64,
    /// Parsed patterns, by the address of their static.
    parsed: std::collections::HashMap<usize, regex_syntax::hir::Hir>,
    /// Lists that get a set number of items, by JSON Pointer with the list
    /// indices left out (`/imageScanFindings/enhancedFindings`).
    items: Vec<(String, usize)>,
    /// Where the value being drawn sits, list indices left out.
    at: String,
}

impl Generator {
    /// A generator for `seed`: the same seed gives the same documents.
    pub fn new(seed: u64) -> Self {
        Generator {
            state: seed ^ 0x9E37_79B9_7F4A_7C15,
            parsed: std::collections::HashMap::new(),
            items: Vec::new(),
            at: String::new(),
        }
    }

    /// Gives the list at `pointer` (a JSON Pointer from the document root,
    /// list indices left out, e.g. `/imageDetails`) `count` items, within the
    /// list's own bounds: for large payloads such as a `DescribeImagesResponse`
    /// with 1,000 images. The members leading to the list are present, and
    /// the lists it is in have at least one item (where their bounds allow).
    /// [`list_pointers`] names every list of a shape.
    pub fn with_items(mut self, pointer: &str, count: usize) -> Self {
        self.items.push((pointer.to_string(), count));
        self
    }

    /// SplitMix64.
    fn next(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `lo..=hi`.
    fn between(&mut self, lo: u64, hi: u64) -> u64 {
        if hi <= lo {
            return lo;
        }
        let span = hi - lo;
        if span == u64::MAX {
            return self.next();
        }
        lo + self.next() % (span + 1)
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    /// A valid document of a structure shape: every required member, each
    /// optional one about half of the time. boto3's `ResponseMetadata` is
    /// drawn as today's botocore mostly writes it, three times in four
    /// (the members of `BOTO3_METADATA`, `HostId` half of the time), and otherwise as
    /// older botocore or a recorder leaves it: any of its members, or none.
    pub fn structure(&mut self, shape: &StructShape) -> Value {
        let mut object = Map::new();
        let complete = shape.name == "ResponseMetadata" && self.chance(75);
        for m in shape.members {
            let len = self.at.len();
            self.at.push('/');
            self.at.push_str(m.name);
            let wanted = self.items.iter().any(|(p, _)| leads_to(p, &self.at));
            let written = complete && BOTO3_METADATA.contains(&m.name);
            if m.required || wanted || written || self.chance(50) {
                let value = self.value(&m.ty);
                object.insert(m.name.to_string(), value);
            }
            self.at.truncate(len);
        }
        Value::Object(object)
    }

    /// A valid value of a type.
    pub fn value(&mut self, ty: &Ty) -> Value {
        match ty {
            Ty::String(rule) => Value::String(self.string(rule)),
            Ty::Integer(rule) | Ty::Long(rule) => json!(self.integer(rule)),
            Ty::Double => json!((self.between(0, 100_000) as f64) / 10.0),
            Ty::Boolean => Value::Bool(self.chance(50)),
            Ty::Timestamp => self.timestamp(),
            Ty::Blob(rule) => Value::String(self.blob(rule)),
            Ty::Enum(e) => {
                let i = self.between(0, e.values.len().saturating_sub(1) as u64) as usize;
                Value::String(e.values.get(i).copied().unwrap_or_default().to_string())
            }
            Ty::List(l) => {
                let set = self
                    .items
                    .iter()
                    .find(|(p, _)| *p == self.at)
                    .map(|&(_, n)| n as u64);
                let (min, max) = (l.items.min.unwrap_or(0), l.items.max.unwrap_or(u64::MAX));
                let n = match set {
                    Some(n) => n.clamp(min, max) as usize,
                    // A list set below this one needs an item to be in.
                    None if self.items.iter().any(|(p, _)| leads_to(p, &self.at)) => {
                        self.count(&l.items).max(1).min(max as usize)
                    }
                    None => self.count(&l.items),
                };
                Value::Array((0..n).map(|_| self.value(&l.member)).collect())
            }
            Ty::Map(m) => {
                let mut object = Map::new();
                for _ in 0..self.between(0, 3) {
                    if let Value::String(key) = self.value(&m.key) {
                        let value = self.value(&m.value);
                        object.insert(key, value);
                    }
                }
                Value::Object(object)
            }
            Ty::Structure(s) => self.structure(s),
        }
    }

    fn count(&mut self, rule: &ItemsRule) -> usize {
        let min = rule.min.unwrap_or(0);
        let max = rule.max.unwrap_or(u64::MAX).min(min + 3);
        self.between(min, max) as usize
    }

    fn integer(&mut self, rule: &IntRule) -> i64 {
        // Mostly small numbers; now and then a bound itself.
        match self.next() % 8 {
            0 => rule.min,
            1 => rule.max,
            _ => {
                let lo = rule.min.max(-1000);
                let hi = rule.max.min(100_000).max(lo);
                lo + self.between(0, (hi - lo) as u64) as i64
            }
        }
    }

    fn timestamp(&mut self) -> Value {
        // 2001-09-09 .. 2033-05-18, in each accepted form.
        let secs = self.between(1_000_000_000, 2_000_000_000) as i64;
        let micros = self.between(0, 999_999);
        match self.next() % 4 {
            0 => json!(secs),
            1 => json!(secs as f64 + micros as f64 / 1e6),
            form => {
                let t = time::OffsetDateTime::from_unix_timestamp(secs)
                    .unwrap_or(time::OffsetDateTime::UNIX_EPOCH);
                let (y, mo, d) = (t.year(), u8::from(t.month()), t.day());
                let (h, mi, s) = (t.hour(), t.minute(), t.second());
                if form == 2 {
                    Value::String(format!(
                        "{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}.{:03}Z",
                        micros / 1000
                    ))
                } else {
                    Value::String(format!(
                        "{y:04}-{mo:02}-{d:02} {h:02}:{mi:02}:{s:02}.{micros:06}+00:00"
                    ))
                }
            }
        }
    }

    fn blob(&mut self, rule: &BlobRule) -> String {
        let max = rule.max.unwrap_or(64).min(64);
        let n = self.between(rule.min.unwrap_or(0), max);
        let bytes: Vec<u8> = (0..n).map(|_| self.next() as u8).collect();
        crate::Blob::new(bytes).to_base64()
    }

    /// A string that meets every rule of its shape.
    pub fn string(&mut self, rule: &'static StrRule) -> String {
        if let Some(document) = rule.document {
            return self.document(document, rule);
        }
        let mut last = String::new();
        for attempt in 0..ATTEMPTS {
            let candidate = match rule.pattern {
                Some(p) => {
                    self.draw_pattern(p, attempt, rule.max.unwrap_or(256).min(4096) as usize)
                }
                None => self.free_text(rule),
            };
            let mut ok = true;
            rule.check(&candidate, |_, _| ok = false);
            if ok {
                return candidate;
            }
            last = candidate;
        }
        last
    }

    /// A valid document of `embedded`'s kind, as text within `rule`'s
    /// length (padded with spaces after its last member).
    fn document(&mut self, embedded: &Embedded, rule: &StrRule) -> String {
        let text = match embedded.name {
            "LifecyclePolicy" => self.lifecycle_policy().to_string(),
            "ImageManifest" => self.image_manifest().to_string(),
            // Repository and registry policies: one statement of every
            // action, as any service's policy may write it.
            _ => json!({
                "Version": "2012-10-17",
                "Statement": [{
                    "Sid": format!("statement {}", self.between(0, 99)),
                    "Effect": if self.chance(50) { "Allow" } else { "Deny" },
                    "Principal": {"AWS": "arn:aws:iam::123456789012:root"},
                    "Action": "*"
                }]
            })
            .to_string(),
        };
        let min = rule.min.unwrap_or(0) as usize;
        let short = min.saturating_sub(text.chars().count());
        pad_document(&text, short)
    }

    /// A valid lifecycle policy: up to four rules with rising priorities,
    /// at most one of them for untagged images, and, as often as not, a
    /// last rule for any image.
    fn lifecycle_policy(&mut self) -> Value {
        let count = self.between(1, 4);
        let mut priority = 0;
        let mut untagged = false;
        let mut rules = Vec::new();
        for at in 0..count {
            priority += self.between(1, 5);
            let status = if at + 1 == count && self.chance(50) {
                "any"
            } else if !untagged && self.chance(30) {
                untagged = true;
                "untagged"
            } else {
                "tagged"
            };
            let mut selection = Map::new();
            selection.insert("tagStatus".into(), json!(status));
            if status == "tagged" {
                let (list, tag) = if self.chance(50) {
                    ("tagPrefixList", "v")
                } else {
                    ("tagPatternList", "prod*")
                };
                selection.insert(list.into(), json!([tag, format!("{tag}{at}")]));
            }
            // Images selected by their last pull can only be archived.
            let mut action = json!({"type": "expire"});
            if self.chance(50) {
                selection.insert("countType".into(), json!("imageCountMoreThan"));
            } else if self.chance(50) {
                selection.insert("countType".into(), json!("sinceImagePushed"));
                selection.insert("countUnit".into(), json!("days"));
            } else {
                selection.insert("countType".into(), json!("sinceImagePulled"));
                selection.insert("countUnit".into(), json!("days"));
                action = json!({"type": "transition", "targetStorageClass": "archive"});
            }
            selection.insert("countNumber".into(), json!(self.between(1, 1000)));
            let mut rule = Map::new();
            rule.insert("rulePriority".into(), json!(priority));
            if self.chance(50) {
                rule.insert("description".into(), json!(format!("rule {at}")));
            }
            rule.insert("selection".into(), Value::Object(selection));
            rule.insert("action".into(), action);
            rules.push(Value::Object(rule));
        }
        json!({ "rules": rules })
    }

    /// A valid image manifest: a Docker v2 schema 2 or an OCI image
    /// manifest, a config and one or two layers, sha256 digests.
    fn image_manifest(&mut self) -> Value {
        let (manifest, config, layer) = if self.chance(50) {
            (
                "application/vnd.docker.distribution.manifest.v2+json",
                "application/vnd.docker.container.image.v1+json",
                "application/vnd.docker.image.rootfs.diff.tar.gzip",
            )
        } else {
            (
                "application/vnd.oci.image.manifest.v1+json",
                "application/vnd.oci.image.config.v1+json",
                "application/vnd.oci.image.layer.v1.tar+gzip",
            )
        };
        let descriptor = |media_type: &str, this: &mut Self| {
            let digest: String = (0..64)
                .map(|_| char::from(b"0123456789abcdef"[this.between(0, 15) as usize]))
                .collect();
            json!({
                "mediaType": media_type,
                "size": this.between(1, 50_000_000),
                "digest": format!("sha256:{digest}")
            })
        };
        let config = descriptor(config, self);
        let layers: Vec<Value> = (0..self.between(1, 2))
            .map(|_| descriptor(layer, self))
            .collect();
        json!({
            "schemaVersion": 2,
            "mediaType": manifest,
            "config": config,
            "layers": layers
        })
    }

    fn free_text(&mut self, rule: &StrRule) -> String {
        const POOL: &[char] = &[
            'a', 'b', 'c', 'x', 'y', 'z', 'A', 'Q', 'Z', '0', '5', '9', '-', '_', '.', '/', ' ',
            'é', 'ß', '日', '本', '😀',
        ];
        let min = rule.min.unwrap_or(0);
        let max = rule.max.unwrap_or(u64::MAX).min(min + 24);
        let n = self.between(min.max(u64::from(rule.min.is_none())), max);
        (0..n)
            .map(|_| POOL[self.between(0, POOL.len() as u64 - 1) as usize])
            .collect()
    }

    /// A string drawn from the pattern, at most about `budget` characters.
    fn draw_pattern(&mut self, pattern: &'static Pattern, attempt: usize, budget: usize) -> String {
        let key = pattern as *const Pattern as usize;
        let hir = match self.parsed.remove(&key) {
            Some(hir) => hir,
            None => match regex_syntax::Parser::new().parse(pattern.anchored) {
                Ok(hir) => hir,
                Err(_) => return String::new(),
            },
        };
        let mut out = Draw {
            text: String::new(),
            chars: 0,
        };
        self.hir(&hir, attempt, budget, &mut out);
        self.parsed.insert(key, hir);
        out.text
    }

    fn hir(&mut self, hir: &regex_syntax::hir::Hir, attempt: usize, budget: usize, out: &mut Draw) {
        use regex_syntax::hir::{Class, HirKind};
        match hir.kind() {
            HirKind::Empty | HirKind::Look(_) => {}
            HirKind::Literal(lit) => out.push_str(&String::from_utf8_lossy(&lit.0)),
            HirKind::Class(Class::Unicode(class)) => {
                let ranges = class.ranges();
                // Mostly printable ASCII when the class has it; sometimes anything it allows.
                let ascii: Vec<(char, char)> = ranges
                    .iter()
                    .filter_map(|r| {
                        let (s, e) = (r.start().max('!'), r.end().min('~'));
                        (s <= e).then_some((s, e))
                    })
                    .collect();
                let pick = if !ascii.is_empty() && self.chance(90) {
                    ascii
                } else {
                    ranges
                        .iter()
                        .map(|r| (r.start(), r.end().min('\u{FFFF}')))
                        .filter(|(s, e)| s <= e)
                        .collect()
                };
                if pick.is_empty() {
                    return;
                }
                let (s, e) = pick[self.between(0, pick.len() as u64 - 1) as usize];
                let c = self.between(u64::from(s), u64::from(e)) as u32;
                out.push(char::from_u32(c).unwrap_or(s));
            }
            HirKind::Class(Class::Bytes(_)) => out.push('b'),
            HirKind::Repetition(rep) => {
                // Later attempts allow longer runs, for shapes with a long
                // minimum; optional runs stop once the budget is spent.
                let extra = 4 + 2 * attempt as u64;
                let max = rep
                    .max
                    .map_or(u64::from(rep.min) + extra, u64::from)
                    .min(u64::from(rep.min) + extra);
                let n = self.between(u64::from(rep.min), max);
                for i in 0..n {
                    if i >= u64::from(rep.min) && out.chars >= budget {
                        break;
                    }
                    self.hir(&rep.sub, attempt, budget, out);
                }
            }
            HirKind::Capture(cap) => self.hir(&cap.sub, attempt, budget, out),
            HirKind::Concat(parts) => {
                for part in parts {
                    self.hir(part, attempt, budget, out);
                }
            }
            HirKind::Alternation(branches) => {
                let i = self.between(0, branches.len() as u64 - 1) as usize;
                self.hir(&branches[i], attempt, budget, out);
            }
        }
    }
}

/// Whether the list at `pointer` is `at` or below it.
fn leads_to(pointer: &str, at: &str) -> bool {
    pointer
        .strip_prefix(at)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

/// The JSON Pointer of every list in documents of `shape`, list indices
/// (and map keys) left out, as [`Generator::with_items`] takes them:
/// `["/failures", "/imageDetails", "/imageDetails/imageTags", ...]`.
pub fn list_pointers(shape: &StructShape) -> Vec<String> {
    fn walk(ty: &Ty, at: &mut String, out: &mut Vec<String>) {
        match ty {
            Ty::Structure(s) => {
                for m in s.members {
                    let len = at.len();
                    at.push('/');
                    at.push_str(m.name);
                    walk(&m.ty, at, out);
                    at.truncate(len);
                }
            }
            Ty::List(l) => {
                out.push(at.clone());
                walk(&l.member, at, out);
            }
            Ty::Map(m) => walk(&m.value, at, out),
            _ => {}
        }
    }
    let mut out = Vec::new();
    for m in shape.members {
        let mut at = format!("/{}", m.name);
        walk(&m.ty, &mut at, &mut out);
    }
    out
}

/// A string being drawn, and its length in characters.
struct Draw {
    text: String,
    chars: usize,
}

impl Draw {
    fn push(&mut self, c: char) {
        self.text.push(c);
        self.chars += 1;
    }

    fn push_str(&mut self, s: &str) {
        self.text.push_str(s);
        self.chars += s.chars().count();
    }
}

/// A document with one fault, and the violation it must produce.
#[derive(Debug, Clone)]
pub struct Fault {
    /// What was broken, in words.
    pub description: String,
    /// The faulty document.
    pub document: Value,
    /// Where the violation must be reported.
    pub path: String,
    /// Which rule it breaks.
    pub code: Code,
    /// Whether it is a fault only in strict mode (an unknown member).
    pub strict_only: bool,
    /// Whether it is a fault only under [`Options::exact_outputs`]: a list's
    /// item count ([`Options::list_bounds_apply`]) or an unknown enum value
    /// ([`Options::enums_closed`]) in a response.
    pub exact_outputs_only: bool,
    /// Whether the fault is inside a document a string carries (a
    /// lifecycle policy): JSON Schema's `contentSchema` is an annotation,
    /// which validators do not assert, so the payload's schema accepts it.
    pub in_document: bool,
}

/// Every single-fault variant of a valid document of `shape` that this
/// module knows how to make: one per rule that each present value could
/// break. Lazy: each variant is a copy of the document, made when it is
/// taken, so a large document does not cost its size times its fault count.
pub fn faults<'a>(shape: &StructShape, valid: &'a Value) -> impl Iterator<Item = Fault> + 'a {
    let mut edits = Vec::new();
    collect_structure(shape, valid, "", &mut edits);
    let defaults = Options::default();
    let list_bounds = defaults.list_bounds_apply(shape.role);
    let enums_closed = defaults.enums_closed(shape.role);
    edits.into_iter().filter_map(move |edit| {
        let mut document = valid.clone();
        apply(&mut document, &edit.target, edit.change).then(|| Fault {
            description: edit.description,
            document,
            path: edit.path,
            code: edit.code,
            strict_only: edit.code == Code::UnknownField && !edit.in_document,
            in_document: edit.in_document,
            exact_outputs_only: match edit.code {
                Code::Items => !list_bounds,
                Code::Enum => !enums_closed,
                _ => false,
            },
        })
    })
}

/// One change to one place.
struct Edit {
    /// The JSON Pointer of the value the change applies to (its parent for
    /// removals and insertions).
    target: String,
    change: Change,
    path: String,
    code: Code,
    description: String,
    /// The violation is inside a document the string carries.
    in_document: bool,
}

enum Change {
    Replace(Value),
    Remove(String),
    Insert(String, Value),
    Push(Value),
}

fn escape(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

fn apply(document: &mut Value, target: &str, change: Change) -> bool {
    let Some(at) = document.pointer_mut(target) else {
        return false;
    };
    match (change, at) {
        (Change::Replace(v), at) => *at = v,
        (Change::Remove(k), Value::Object(o)) => return o.remove(&k).is_some(),
        (Change::Insert(k, v), Value::Object(o)) => {
            o.insert(k, v);
        }
        (Change::Push(v), Value::Array(a)) => a.push(v),
        _ => return false,
    }
    true
}

fn collect_structure(shape: &StructShape, value: &Value, at: &str, edits: &mut Vec<Edit>) {
    let Value::Object(object) = value else {
        return;
    };
    edits.push(Edit {
        target: at.to_string(),
        change: Change::Insert("zzUnknownMember".into(), json!(1)),
        path: format!("{at}/zzUnknownMember"),
        code: Code::UnknownField,
        description: format!("{} gets a member the model does not define", shape.name),
        in_document: false,
    });
    for m in shape.members {
        let path = format!("{at}/{}", escape(m.name));
        match object.get(m.name) {
            None => {}
            Some(v) => {
                if m.required {
                    edits.push(Edit {
                        target: at.to_string(),
                        change: Change::Remove(m.name.to_string()),
                        path: path.clone(),
                        code: Code::Required,
                        description: format!("required member {} removed", m.name),
                        in_document: false,
                    });
                    edits.push(Edit {
                        target: path.clone(),
                        change: Change::Replace(Value::Null),
                        path: path.clone(),
                        code: Code::Type,
                        description: format!("required member {} is null", m.name),
                        in_document: false,
                    });
                }
                collect_value(&m.ty, v, &path, edits);
            }
        }
    }
}

fn collect_value(ty: &Ty, value: &Value, at: &str, edits: &mut Vec<Edit>) {
    fn here(edits: &mut Vec<Edit>, at: &str, change: Change, code: Code, description: String) {
        edits.push(Edit {
            target: at.to_string(),
            change,
            path: at.to_string(),
            code,
            description,
            in_document: false,
        });
    }
    // An edit that replaces the value here: `replace!(value, Code, description)`.
    macro_rules! replace {
        ($value:expr, $code:ident, $description:expr) => {
            here(
                edits,
                at,
                Change::Replace($value),
                Code::$code,
                $description.into(),
            )
        };
    }
    match ty {
        Ty::String(rule) => {
            let s = value.as_str().unwrap_or_default();
            // Inside a document the text carries: a member the document
            // does not define, refused in every mode (image manifests
            // allow them, as the OCI specification does).
            let closed = rule.document.filter(|d| d.name != "ImageManifest");
            if let (Some(_), Some(body)) = (closed, s.strip_prefix('{')) {
                edits.push(Edit {
                    target: at.to_string(),
                    change: Change::Replace(Value::String(format!("{{\"notAMember\": 1, {body}"))),
                    path: format!("{at}/notAMember"),
                    code: Code::UnknownField,
                    description: "a member the document does not define".into(),
                    in_document: true,
                });
            }
            replace!(json!(12345), Type, "a number for a string");
            if let Some(max) = rule.max {
                // Repeat the value's own characters, so that a pattern still
                // matches where it can; a document's, spaces inside it, so
                // that it stays the same document.
                let want = max as usize + 1;
                let long = if rule.document.is_some() {
                    pad_document(s, want.saturating_sub(s.chars().count()))
                } else {
                    let mut long: String = s.chars().take(want).collect();
                    let have = long.chars().count();
                    long.push_str(&"a".repeat(want - have));
                    long
                };
                replace!(
                    Value::String(long),
                    Length,
                    format!("a string of {} characters", max + 1)
                );
            }
            if let Some(p) = rule.pattern {
                let count = s.chars().count() as u64;
                if rule.max.is_none_or(|m| count < m) {
                    // A newline always: Python's `$` matches before a final one.
                    let first = ["!", " ", "é"]
                        .into_iter()
                        .find(|t| !p.is_match(&format!("{s}{t}")));
                    for tail in first.into_iter().chain(["\n"]) {
                        let broken = format!("{s}{tail}");
                        if !p.is_match(&broken) {
                            replace!(
                                Value::String(broken),
                                Pattern,
                                format!("pattern broken at the end with {tail:?}")
                            );
                        }
                    }
                }
            }
        }
        Ty::Integer(rule) | Ty::Long(rule) => {
            replace!(json!("12"), Type, "a string for an integer");
            replace!(json!(1.5), Type, "a fraction for an integer");
            if let Some(over) = rule.max.checked_add(1) {
                replace!(json!(over), Range, "one past the maximum");
            } else {
                replace!(json!(u64::MAX), Range, "past the i64 maximum");
            }
            if let Some(under) = rule.min.checked_sub(1) {
                replace!(json!(under), Range, "one below the minimum");
            }
        }
        Ty::Double => replace!(json!("1.5"), Type, "a string for a number"),
        Ty::Boolean => replace!(json!("true"), Type, "a string for a boolean"),
        Ty::Timestamp => {
            replace!(json!("2023-13-01T00:00:00Z"), Timestamp, "month 13");
            replace!(json!("2023-02-30T00:00:00Z"), Timestamp, "February 30");
            replace!(json!("2023-11-14 25:00:00+00:00"), Timestamp, "hour 25");
            replace!(json!(true), Type, "a boolean for a timestamp");
        }
        Ty::Blob(_) => replace!(json!("abc"), Base64, "unpadded base64"),
        Ty::Enum(_) => {
            replace!(json!("NOT_A_KNOWN_VALUE"), Enum, "an unknown enum value");
            if let Some(s) = value.as_str() {
                let flipped: String = s
                    .chars()
                    .map(|c| {
                        if c.is_ascii_uppercase() {
                            c.to_ascii_lowercase()
                        } else {
                            c.to_ascii_uppercase()
                        }
                    })
                    .collect();
                replace!(
                    Value::String(flipped),
                    Enum,
                    "an enum value in the wrong case"
                );
            }
        }
        Ty::List(l) => {
            replace!(json!({}), Type, "an object for a list");
            let items = value.as_array().map_or(&[][..], |a| a.as_slice());
            edits.push(Edit {
                target: at.to_string(),
                change: Change::Push(Value::Null),
                path: format!("{at}/{}", items.len()),
                code: Code::Type,
                description: "null in a list".into(),
                in_document: false,
            });
            if let (Some(max), Some(first)) = (l.items.max, items.first()) {
                if max <= 1000 {
                    let too_many = vec![first.clone(); max as usize + 1];
                    replace!(Value::Array(too_many), Items, format!("{} items", max + 1));
                }
            }
            if let Some(min) = l.items.min.filter(|&m| m > 0) {
                let too_few = items.iter().take(min as usize - 1).cloned().collect();
                replace!(Value::Array(too_few), Items, format!("{} items", min - 1));
            }
            for (i, item) in items.iter().enumerate() {
                collect_value(&l.member, item, &format!("{at}/{i}"), edits);
            }
        }
        Ty::Map(m) => {
            replace!(json!([]), Type, "an array for a map");
            if let Ty::Enum(_) = m.key {
                let mut bad = value.as_object().cloned().unwrap_or_default();
                if let Some(v) = bad.values().next().cloned() {
                    bad.insert("NOT_A_KNOWN_KEY".into(), v);
                    edits.push(Edit {
                        target: at.to_string(),
                        change: Change::Replace(Value::Object(bad)),
                        path: format!("{at}/NOT_A_KNOWN_KEY"),
                        code: Code::Enum,
                        description: "a map key that is not an enum value".into(),
                        in_document: false,
                    });
                }
            }
            for (k, v) in value.as_object().into_iter().flatten() {
                collect_value(&m.value, v, &format!("{at}/{}", escape(k)), edits);
            }
        }
        Ty::Structure(s) => {
            replace!(json!("x"), Type, "a string for a structure");
            collect_structure(s, value, at, edits);
        }
    }
}

/// Deeper than this, a strategy draws a whole value from a [`Generator`]
/// instead of composing one strategy per part (no shape of the model nests
/// this deep; the bound only keeps a recursive shape from recursing forever).
#[cfg(feature = "proptest")]
const STRATEGY_DEPTH: usize = 32;

/// A `proptest` strategy that draws valid documents of a structure shape,
/// as JSON: every required member, optional ones present or not, lists
/// within their bounds. Shrinking drops optional members, shortens lists
/// (never below their minimum), moves integers towards zero within their
/// range and enum values towards the first; strings, doubles, timestamps and
/// blobs are drawn by a [`Generator`] from a seed, and shrink to the draw of
/// a smaller seed. Every value it draws, shrunk or not, is valid (in strict
/// mode too).
///
/// ```
/// use ecr_models::{ecr::CreateRepositoryRequest, testdata::strategy, Model};
/// use proptest::prelude::*;
///
/// proptest! {
///     // In a test module, add `#[test]` here.
///     fn valid_requests_are_accepted(doc in strategy(CreateRepositoryRequest::SHAPE)) {
///         prop_assert!(ecr_models::from_value::<CreateRepositoryRequest>(&doc).is_ok());
///     }
/// }
/// valid_requests_are_accepted();
/// ```
#[cfg(feature = "proptest")]
pub fn strategy(shape: &'static StructShape) -> impl proptest::strategy::Strategy<Value = Value> {
    strategies::structure(shape, 0)
}

/// A `proptest` strategy that draws valid values of a model type: documents
/// from [`strategy`]`(T::SHAPE)`, read into `T`.
///
/// ```
/// use ecr_models::{ecr::DescribeImagesResponse, testdata::typed_strategy, Model};
/// use proptest::prelude::*;
///
/// proptest! {
///     // In a test module, add `#[test]` here.
///     fn responses_validate(response in typed_strategy::<DescribeImagesResponse>()) {
///         prop_assert!(response.validate().is_ok());
///     }
/// }
/// responses_validate();
/// ```
#[cfg(feature = "proptest")]
pub fn typed_strategy<T: crate::Model + std::fmt::Debug>(
) -> impl proptest::strategy::Strategy<Value = T> {
    use proptest::strategy::Strategy;
    strategy(T::SHAPE).prop_map(|doc| match crate::from_value::<T>(&doc) {
        Ok(value) => value,
        // The strategy draws valid documents only; `tests/testdata.rs` pins it.
        Err(e) => panic!("a drawn {} is invalid: {e}\n{doc}", T::SHAPE.name),
    })
}

#[cfg(feature = "proptest")]
mod strategies {
    use proptest::prelude::*;
    use serde_json::{json, Map, Value};

    use super::{Generator, STRATEGY_DEPTH};
    use crate::shape::{StructShape, Ty};

    pub(super) fn structure(shape: &'static StructShape, depth: usize) -> BoxedStrategy<Value> {
        let members: Vec<BoxedStrategy<Option<(&'static str, Value)>>> = shape
            .members
            .iter()
            .map(|m| {
                let name = m.name;
                let value = ty(&m.ty, depth + 1);
                if m.required {
                    value.prop_map(move |v| Some((name, v))).boxed()
                } else {
                    proptest::option::of(value)
                        .prop_map(move |v| v.map(|v| (name, v)))
                        .boxed()
                }
            })
            .collect();
        members
            .prop_map(|members| {
                Value::Object(
                    members
                        .into_iter()
                        .flatten()
                        .map(|(k, v)| (k.to_string(), v))
                        .collect(),
                )
            })
            .boxed()
    }

    fn ty(of: &'static Ty, depth: usize) -> BoxedStrategy<Value> {
        if depth > STRATEGY_DEPTH {
            return seeded(of);
        }
        match of {
            Ty::Boolean => any::<bool>().prop_map(Value::Bool).boxed(),
            Ty::Integer(rule) | Ty::Long(rule) => {
                (rule.min..=rule.max).prop_map(|n| json!(n)).boxed()
            }
            Ty::Enum(e) if !e.values.is_empty() => proptest::sample::select(e.values)
                .prop_map(|v| Value::String(v.to_string()))
                .boxed(),
            Ty::List(l) => {
                let min = l.items.min.unwrap_or(0);
                let max = l.items.max.unwrap_or(u64::MAX).min(min + 3).max(min);
                proptest::collection::vec(ty(&l.member, depth + 1), min as usize..=max as usize)
                    .prop_map(Value::Array)
                    .boxed()
            }
            Ty::Map(m) => {
                proptest::collection::vec((ty(&m.key, depth + 1), ty(&m.value, depth + 1)), 0..=3)
                    .prop_map(|entries| {
                        let mut object = Map::new();
                        for (k, v) in entries {
                            if let Value::String(k) = k {
                                object.insert(k, v);
                            }
                        }
                        Value::Object(object)
                    })
                    .boxed()
            }
            Ty::Structure(s) => structure(s, depth + 1),
            _ => seeded(of),
        }
    }

    /// A value drawn by a generator from a seed.
    fn seeded(of: &'static Ty) -> BoxedStrategy<Value> {
        any::<u64>()
            .prop_map(move |seed| Generator::new(seed).value(of))
            .boxed()
    }
}

/// A document's JSON text with `spaces` more spaces before its closing
/// brace: the same document, longer.
fn pad_document(text: &str, spaces: usize) -> String {
    match text.strip_suffix('}') {
        Some(body) if spaces > 0 => format!("{body}{}}}", " ".repeat(spaces)),
        _ => text.to_string(),
    }
}
