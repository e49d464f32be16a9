//! The typed intermediate form: what the emitter needs, checked once.
//! Built from the model files plus boto3's extra shapes (response metadata,
//! paginator and waiter requests).

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

use crate::botocore::{PaginatorDef, PaginatorsFile, ServiceFile, ShapeDef, WaitersFile};

/// Members whose values are credentials: never quoted, never in Debug output.
const SECRET_MEMBERS: &[&str] = &["authorizationToken"];

/// The documents the runtime reads inside string members
/// (`ecr_models::documents`), with their titles.
pub const DOCUMENTS: &[(&str, &str)] = &[
    ("LifecyclePolicy", "a lifecycle policy"),
    ("RepositoryPolicy", "a repository policy"),
    ("RegistryPolicy", "a registry policy"),
    ("ImageManifest", "an image manifest"),
];

/// The members a document needs unless the structure carrying it gives
/// another beside it: the document, its member, the carrying structure's
/// member, and what AWS answers when neither is given. ECR takes an image
/// manifest's media type from its `mediaType` or from the request's
/// `imageManifestMediaType`, and refuses a PutImage with neither.
pub const STAND_INS: &[(&str, &str, &str, &str)] = &[(
    "ImageManifest",
    "mediaType",
    "imageManifestMediaType",
    "ECR answers \"Invalid parameter at 'ImageManifest' failed to satisfy constraint: 'Invalid JSON syntax'\" (aws/aws-sdk issue 193, aws/aws-cli issue 8620)",
)];

/// The IAM actions of each service that name no operation of its model
/// (permission-only actions), from the Service Authorization Reference as
/// cloud-custodian's `tests/data/iam-actions.json` (commit 78038312) lists
/// it: `tests/documents/policy/ACTIONS.md`.
pub const PERMISSION_ONLY: &[(&str, &[&str])] = &[
    (
        "ecr",
        &[
            "BatchImportUpstreamImage",
            "GetImageCopyStatus",
            "ReplicateImage",
        ],
    ),
    ("ecr-public", &[]),
];

/// Other services' action prefixes a service's policies hold, any name
/// accepted: ECR Public stores a repository policy of `ecr:` actions
/// (aws-cli's `awscli/examples/ecr-public/set-repository-policy.rst`).
pub const OTHER_PREFIXES: &[(&str, &[&str])] = &[("ecr", &[]), ("ecr-public", &["ecr"])];

/// The document a string shape carries, found by the model's names: a
/// policy's text is `<Name>PolicyText` (`LifecyclePolicyText`,
/// `LifecyclePolicyTextForRepositoryCreationTemplate`,
/// `RepositoryPolicyText`, `RegistryPolicyText`), a manifest
/// `ImageManifest`; `None` for a document the runtime does not read.
pub fn document_of(shape: &str) -> Option<String> {
    let name = match shape.find("PolicyText") {
        Some(at) => &shape[..at + "Policy".len()],
        None if shape == "ImageManifest" => shape,
        None => return None,
    };
    DOCUMENTS
        .iter()
        .any(|(known, _)| *known == name)
        .then(|| name.to_string())
}

/// Which service, and how the generated code names it: all but its API
/// reference follows from its key.
pub struct ServiceInfo {
    /// The model directory, the CLI name and the cargo feature: `ecr`,
    /// `ecr-public`.
    pub key: &'static str,
    /// The API reference root.
    pub reference: &'static str,
}

impl ServiceInfo {
    /// The Rust module: `ecr`, `ecr_public`.
    pub fn module(&self) -> String {
        self.key.replace('-', "_")
    }

    /// The `Service` variant: `Ecr`, `EcrPublic`.
    pub fn variant(&self) -> String {
        crate::names::variant(self.key)
    }

    /// The Rust SDK's package, also the cargo feature of its bridge:
    /// `aws-sdk-ecr`, `aws-sdk-ecrpublic`.
    pub fn sdk_package(&self) -> String {
        format!("aws-sdk-{}", self.key.replace('-', ""))
    }

    /// The Rust SDK's crate: `aws_sdk_ecr`.
    pub fn sdk_crate(&self) -> String {
        self.sdk_package().replace('-', "_")
    }
}

pub const SERVICES: &[ServiceInfo] = &[
    ServiceInfo {
        key: "ecr",
        reference: "https://docs.aws.amazon.com/AmazonECR/latest/APIReference/",
    },
    ServiceInfo {
        key: "ecr-public",
        reference: "https://docs.aws.amazon.com/AmazonECRPublic/latest/APIReference/",
    },
];

/// The runtime's roles (`src/shape/role.rs`), compiled here from the same
/// file: the generator may not depend on the runtime crate (data moves one
/// way), and the generated tables name each structure's role by its variant
/// (`Role::Input`). A structure here has one of the first six; `Enum` and
/// `Scalar` are the runtime's roles of the other shapes.
#[path = "../../src/shape/role.rs"]
#[allow(dead_code)]
mod role;
pub use role::Role;

#[derive(Debug, Clone)]
pub enum Kind {
    Structure(Structure),
    Enum(Vec<String>),
    String(StringShape),
    Integer {
        min: Option<i64>,
        max: Option<i64>,
    },
    Long {
        min: Option<i64>,
        max: Option<i64>,
    },
    Double,
    Boolean,
    Timestamp,
    Blob {
        min: Option<u64>,
        max: Option<u64>,
    },
    List {
        member: String,
        min: Option<u64>,
        max: Option<u64>,
    },
    Map {
        key: String,
        value: String,
    },
}

/// A string shape: the rules of its values, and what its text is.
#[derive(Debug, Clone, Default)]
pub struct StringShape {
    pub min: Option<u64>,
    pub max: Option<u64>,
    pub pattern: Option<String>,
    pub secret: bool,
    /// The document the text carries (`LifecyclePolicy`), read by the
    /// runtime's `documents` module.
    pub document: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Structure {
    pub members: Vec<Member>,
    pub exception: bool,
    pub role: Role,
    /// The operation whose input or output this is.
    pub operation: Option<String>,
    /// Where this shape comes from when it is not the model's own.
    pub boto3: Option<&'static str>,
}

#[derive(Debug, Clone)]
pub struct Member {
    pub wire: String,
    pub shape: String,
    pub required: bool,
    pub alias: Option<String>,
    pub secret: bool,
    pub deprecated: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Shape {
    pub name: String,
    pub kind: Kind,
}

pub struct Operation {
    pub name: String,
    pub input: String,
    pub output: String,
    pub errors: Vec<String>,
    /// boto3's method (and paginator) name: `describe_images`.
    pub method: String,
    /// The AWS CLI's command: `describe-images`.
    pub cli: String,
    /// Its paginator, as `paginators-1.json` writes it.
    pub paginator: Option<PaginatorDef>,
    pub waiters: Vec<Waiter>,
}

/// A waiter, as `waiters-2.json` writes it.
pub struct Waiter {
    /// The model's name: `ImageScanComplete`.
    pub name: String,
    /// boto3's: `image_scan_complete`.
    pub boto3: String,
    pub delay: u32,
    pub max_attempts: u32,
    pub acceptors: Vec<crate::botocore::AcceptorDef>,
}

pub struct Service {
    pub info: &'static ServiceInfo,
    pub full_name: String,
    pub api_version: String,
    pub target_prefix: String,
    pub shapes: BTreeMap<String, Shape>,
    pub operations: Vec<Operation>,
    /// What the Rust SDK's types hold (`codegen/model/<key>/<sdk_package>.json`).
    pub sdk: SdkSurface,
}

/// The public structures of one Rust SDK release, as
/// `codegen/model/sdk_surface.py` reads them from its sources: each by its
/// path in the crate (`types::Repository`,
/// `operation::create_repository::CreateRepositoryInput`), each field by
/// its Rust name, `true` when it is an `Option`.
#[derive(serde::Deserialize)]
pub struct SdkSurface {
    #[serde(rename = "crate")]
    pub package: String,
    pub version: String,
    pub structures: BTreeMap<String, BTreeMap<String, bool>>,
}

impl Service {
    pub fn shape(&self, name: &str) -> &Shape {
        self.shapes
            .get(name)
            .unwrap_or_else(|| panic!("{}: no shape {name}", self.info.key))
    }

    pub fn structures(&self) -> impl Iterator<Item = (&Shape, &Structure)> {
        self.shapes.values().filter_map(|s| match &s.kind {
            Kind::Structure(st) => Some((s, st)),
            _ => None,
        })
    }

    /// Whether a value of this shape has a derivable `Default`.
    pub fn has_default(&self, name: &str) -> bool {
        match &self.shape(name).kind {
            Kind::Structure(st) => st
                .members
                .iter()
                .all(|m| !m.required || self.has_default(&m.shape)),
            Kind::Enum(_) | Kind::Timestamp => false,
            _ => true,
        }
    }
}

pub fn load(model_dir: &Path, info: &'static ServiceInfo) -> Service {
    let dir = model_dir.join(info.key);
    let read = |f: &str| {
        fs::read_to_string(dir.join(f)).unwrap_or_else(|e| panic!("{}/{f}: {e}", dir.display()))
    };
    let file: ServiceFile =
        serde_json::from_str(&read("service-2.json")).expect("service-2.json parses");
    let paginators: PaginatorsFile =
        serde_json::from_str(&read("paginators-1.json")).expect("paginators parse");
    let waiters: Option<WaitersFile> = dir
        .join("waiters-2.json")
        .exists()
        .then(|| serde_json::from_str(&read("waiters-2.json")).expect("waiters parse"));

    let mut shapes = BTreeMap::new();
    for (name, def) in &file.shapes {
        shapes.insert(
            name.clone(),
            Shape {
                name: name.clone(),
                kind: kind(name, def),
            },
        );
    }
    let secret_shapes: BTreeSet<String> = shapes
        .values()
        .filter_map(|s| match &s.kind {
            Kind::Structure(st) => Some(
                st.members
                    .iter()
                    .filter(|m| m.secret)
                    .map(|m| m.shape.clone())
                    .collect::<Vec<_>>(),
            ),
            _ => None,
        })
        .flatten()
        .collect();
    for name in &secret_shapes {
        match &mut shapes.get_mut(name).expect("secret shape exists").kind {
            Kind::String(string) => string.secret = true,
            other => panic!("secret member of non-string shape {name}: {other:?}"),
        }
    }

    let mut service = Service {
        info,
        full_name: file.metadata.service_full_name.clone(),
        api_version: file.metadata.api_version.clone(),
        target_prefix: file.metadata.target_prefix.clone(),
        shapes,
        operations: Vec::new(),
        sdk: serde_json::from_str(&read(&format!("{}.json", info.sdk_package())))
            .expect("the SDK surface parses"),
    };

    add_boto3_shapes(&mut service);

    for op in file.operations.values() {
        let input = op
            .input
            .as_ref()
            .map(|r| r.shape.clone())
            .unwrap_or_else(|| panic!("{} has no input", op.name));
        let output = op
            .output
            .as_ref()
            .map(|r| r.shape.clone())
            .unwrap_or_else(|| panic!("{} has no output", op.name));
        set_role(&mut service, &input, Role::Input, Some(&op.name));
        set_role(&mut service, &output, Role::Output, Some(&op.name));
        // boto3 adds ResponseMetadata to every response it returns.
        if let Kind::Structure(st) =
            &mut service.shapes.get_mut(&output).expect("output exists").kind
        {
            st.members.push(Member {
                wire: "ResponseMetadata".into(),
                shape: "ResponseMetadata".into(),
                required: false,
                alias: None,
                secret: false,
                deprecated: None,
            });
        }
        let errors = op.errors.iter().map(|e| e.shape.clone()).collect();
        service.operations.push(Operation {
            name: op.name.clone(),
            input,
            output,
            errors,
            method: crate::names::xform(&op.name, "_"),
            cli: crate::names::xform(&op.name, "-"),
            paginator: None,
            waiters: Vec::new(),
        });
    }
    for (op_name, p) in &paginators.pagination {
        let op = service
            .operations
            .iter()
            .find(|o| &o.name == op_name)
            .expect("paginated operation exists");
        let mut drop = p.input_token.clone();
        drop.extend(p.limit_key.clone());
        let mut members = structure(&service, &op.input).members.clone();
        members.retain(|m| !drop.contains(&m.wire));
        members.push(boto3_member("PaginationConfig", "PaginatorConfig", false));
        add_structure(
            &mut service,
            &format!("{op_name}PaginateRequest"),
            members,
            Role::Paginate,
            Some(op_name.clone()),
        );
        let op = service
            .operations
            .iter_mut()
            .find(|o| &o.name == op_name)
            .expect("paginated operation exists");
        op.paginator = Some(p.clone());
    }
    for (waiter, w) in waiters.iter().flat_map(|w| &w.waiters) {
        let op = service
            .operations
            .iter()
            .find(|o| o.name == w.operation)
            .expect("waited operation exists");
        let mut members = structure(&service, &op.input).members.clone();
        members.push(boto3_member("WaiterConfig", "WaiterConfig", false));
        add_structure(
            &mut service,
            &format!("{waiter}WaitRequest"),
            members,
            Role::Wait,
            Some(w.operation.clone()),
        );
        let op = service
            .operations
            .iter_mut()
            .find(|o| o.name == w.operation)
            .expect("waited operation exists");
        op.waiters.push(Waiter {
            name: waiter.clone(),
            boto3: crate::names::xform(waiter, "_"),
            delay: w.delay,
            max_attempts: w.max_attempts,
            acceptors: w.acceptors.clone(),
        });
    }
    // boto3's literal names (the stubs' `PaginatorName` and `WaiterName`),
    // as enums: ECR Public has no waiters, so no `WaiterName`.
    let paginator_names: Vec<String> = service
        .operations
        .iter()
        .filter(|o| o.paginator.is_some())
        .map(|o| o.method.clone())
        .collect();
    let waiter_names: Vec<String> = service
        .operations
        .iter()
        .flat_map(|o| o.waiters.iter().map(|w| w.boto3.clone()))
        .collect();
    for (name, values) in [
        ("PaginatorName", paginator_names),
        ("WaiterName", waiter_names),
    ] {
        assert!(
            !service.shapes.contains_key(name),
            "{}: boto3's {name} would take the name of a model shape",
            info.key
        );
        if !values.is_empty() {
            service.shapes.insert(
                name.to_string(),
                Shape {
                    name: name.to_string(),
                    kind: Kind::Enum(values),
                },
            );
        }
    }
    check(&service);
    service
}

fn structure<'a>(service: &'a Service, name: &str) -> &'a Structure {
    match &service.shape(name).kind {
        Kind::Structure(st) => st,
        other => panic!("{name} is not a structure: {other:?}"),
    }
}

fn set_role(service: &mut Service, name: &str, role: Role, operation: Option<&str>) {
    if let Some(Shape {
        kind: Kind::Structure(st),
        ..
    }) = service.shapes.get_mut(name)
    {
        assert!(
            st.role == Role::Nested || st.role == role,
            "{name} is both {:?} and {role:?}",
            st.role
        );
        st.role = role;
        st.operation = operation.map(str::to_string);
    }
}

fn kind(name: &str, def: &ShapeDef) -> Kind {
    let uint = |v: Option<f64>| v.map(|v| v as u64);
    let int = |v: Option<f64>| v.map(|v| v as i64);
    match def.kind.as_str() {
        "structure" => {
            let members: Vec<Member> = def
                .members
                .0
                .iter()
                .map(|(wire, m)| Member {
                    wire: wire.clone(),
                    shape: m.shape.clone(),
                    required: def.required.contains(wire),
                    // AWS error bodies spell the message member either way.
                    alias: (def.exception && wire == "message").then(|| "Message".to_string()),
                    secret: SECRET_MEMBERS.contains(&wire.as_str()),
                    deprecated: m
                        .deprecated
                        .then(|| m.deprecated_message.clone().unwrap_or_default()),
                })
                .collect();
            for r in &def.required {
                assert!(
                    def.members.0.iter().any(|(w, _)| w == r),
                    "{name}: required {r} is not a member"
                );
            }
            // Another spelling is read into the member when the model's is
            // absent: a required member could not say which one it needs.
            for m in &members {
                assert!(
                    !(m.required && m.alias.is_some()),
                    "{name}: required {} has another spelling",
                    m.wire
                );
            }
            Kind::Structure(Structure {
                members,
                exception: def.exception,
                role: if def.exception {
                    Role::Error
                } else {
                    Role::Nested
                },
                operation: None,
                boto3: None,
            })
        }
        "string" => match &def.enum_values {
            Some(values) => Kind::Enum(values.clone()),
            None => Kind::String(StringShape {
                min: uint(def.min),
                max: uint(def.max),
                pattern: def.pattern.clone(),
                secret: false,
                document: document_of(name),
            }),
        },
        "integer" => Kind::Integer {
            min: int(def.min),
            max: int(def.max),
        },
        "long" => Kind::Long {
            min: int(def.min),
            max: int(def.max),
        },
        "double" | "float" => Kind::Double,
        "boolean" => Kind::Boolean,
        "timestamp" => Kind::Timestamp,
        "blob" => Kind::Blob {
            min: uint(def.min),
            max: uint(def.max),
        },
        "list" => Kind::List {
            member: def.member.as_ref().expect("list member").shape.clone(),
            min: uint(def.min),
            max: uint(def.max),
        },
        "map" => Kind::Map {
            key: def.key.as_ref().expect("map key").shape.clone(),
            value: def.value.as_ref().expect("map value").shape.clone(),
        },
        other => panic!("{name}: shape type {other} is not supported"),
    }
}

fn boto3_member(wire: &str, shape: &str, required: bool) -> Member {
    Member {
        wire: wire.into(),
        shape: shape.into(),
        required,
        alias: None,
        secret: false,
        deprecated: None,
    }
}

fn add_structure(
    service: &mut Service,
    name: &str,
    members: Vec<Member>,
    role: Role,
    operation: Option<String>,
) {
    let boto3 = match role {
        Role::Paginate => Some("a paginator's `paginate()` arguments"),
        Role::Wait => Some("a waiter's `wait()` arguments"),
        _ => Some("boto3"),
    };
    let shape = Shape {
        name: name.into(),
        kind: Kind::Structure(Structure {
            members,
            exception: false,
            role,
            operation,
            boto3,
        }),
    };
    assert!(
        service.shapes.insert(name.into(), shape).is_none(),
        "{name} is already a model shape"
    );
}

/// boto3's shapes that every service shares, as mypy-boto3 declares them.
fn add_boto3_shapes(service: &mut Service) {
    let scalar = |service: &mut Service, name: &str, kind: Kind| {
        if let Some(existing) = service.shapes.get(name) {
            let same = matches!(
                (&existing.kind, &kind),
                (
                    Kind::String(StringShape {
                        min: None,
                        max: None,
                        pattern: None,
                        ..
                    }),
                    Kind::String(_)
                ) | (
                    Kind::Integer {
                        min: None,
                        max: None
                    },
                    Kind::Integer { .. }
                )
            );
            assert!(same, "model shape {name} differs from boto3's");
        } else {
            service.shapes.insert(
                name.into(),
                Shape {
                    name: name.into(),
                    kind,
                },
            );
        }
    };
    scalar(service, "String", Kind::String(StringShape::default()));
    scalar(
        service,
        "Integer",
        Kind::Integer {
            min: None,
            max: None,
        },
    );
    service.shapes.insert(
        "HTTPHeaders".into(),
        Shape {
            name: "HTTPHeaders".into(),
            kind: Kind::Map {
                key: "String".into(),
                value: "String".into(),
            },
        },
    );
    // Every member optional: boto3's annotation, not AWS's data. Current
    // botocore writes `RequestId` only when the response carries a
    // request-id header and `HostId` only when present; botocore of 2016
    // wrote only `HTTPStatusCode` and `RequestId` (cloud-custodian's placebo
    // recordings, tests/real-documents/); cloud-custodian's recorder empties
    // it to `{}`. The mypy-boto3 stubs mark the first four required, which
    // describes what the newest botocore typically writes, not a rule.
    const NESTED: &[(&str, &[(&str, &str)])] = &[
        (
            "ResponseMetadata",
            &[
                ("RequestId", "String"),
                ("HTTPStatusCode", "Integer"),
                ("HTTPHeaders", "HTTPHeaders"),
                ("RetryAttempts", "Integer"),
                ("HostId", "String"),
            ],
        ),
        (
            "PaginatorConfig",
            &[
                ("MaxItems", "Integer"),
                ("PageSize", "Integer"),
                ("StartingToken", "String"),
            ],
        ),
        (
            "WaiterConfig",
            &[("Delay", "Integer"), ("MaxAttempts", "Integer")],
        ),
    ];
    for (name, members) in NESTED {
        let members = members
            .iter()
            .map(|(wire, shape)| boto3_member(wire, shape, false))
            .collect();
        add_structure(service, name, members, Role::Nested, None);
    }
}

/// What the emitter relies on.
fn check(service: &Service) {
    for shape in service.shapes.values() {
        let refs: Vec<&String> = match &shape.kind {
            Kind::Structure(st) => st.members.iter().map(|m| &m.shape).collect(),
            Kind::List { member, .. } => vec![member],
            Kind::Map { key, value } => {
                assert!(
                    matches!(service.shape(key).kind, Kind::String(_) | Kind::Enum(_)),
                    "{}: map keys must be strings",
                    shape.name
                );
                vec![key, value]
            }
            Kind::Blob { min, .. } => {
                // The schema writer states blob sizes as base64 lengths for a minimum of 0 only.
                assert!(
                    min.unwrap_or(0) == 0,
                    "{}: blob minimum other than 0",
                    shape.name
                );
                vec![]
            }
            _ => vec![],
        };
        for r in refs {
            service.shape(r);
        }
    }
}
