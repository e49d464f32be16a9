//! Every shape and operation by service and name, at run time: what the
//! command-line tools look up.

use crate::error::Error;
use crate::json::{check_shape, check_ty};
use crate::options::Options;
pub use crate::shape::ShapeRef;
use crate::shape::{EnumShape, Operation, Role, ScalarShape, Service, StructShape, Ty};

/// A registered shape.
#[derive(Debug)]
pub struct Entry {
    /// The shape's name.
    pub name: &'static str,
    /// What it is for.
    pub role: Role,
    /// Its description.
    pub shape: ShapeRef,
}

impl Entry {
    /// Checks one JSON document against this shape: a structure's object
    /// (judged as its role), or an enum's or scalar's bare value
    /// (`"IMMUTABLE"`, `1001`), as a member of that shape is checked.
    pub fn check(&self, json: &[u8], opts: &Options) -> Result<(), Error> {
        match self.shape {
            ShapeRef::Structure(shape) => check_shape(shape, json, opts),
            ShapeRef::Enum(shape) => check_ty(Ty::Enum(shape), json, opts),
            ShapeRef::Scalar(shape) => check_ty(shape.ty, json, opts),
        }
    }

    /// The self-contained JSON Schema of this structure or enum, giving the
    /// verdicts that [`Entry::check`] gives under `opts`: with `strict`, it
    /// refuses members the model does not define; a response's lists carry
    /// item counts only with `exact_outputs`.
    #[cfg(feature = "schema")]
    pub fn schema(&self, opts: &Options) -> Option<serde_json::Value> {
        let list_bounds = opts.list_bounds_apply(self.role);
        let mut schema = crate::json_schema::of(self.shape, opts.strict, list_bounds)?;
        if let Some(object) = schema.as_object_mut() {
            let id = format!(
                "urn:ecr-models:{}:{}{}{}",
                self.service(),
                if opts.strict { "strict:" } else { "" },
                if opts.exact_outputs && self.role.is_response() {
                    "exact:"
                } else {
                    ""
                },
                self.name
            );
            object.insert("$id".into(), id.into());
        }
        Some(schema)
    }

    /// The service the shape belongs to.
    pub fn service(&self) -> Service {
        match self.shape {
            ShapeRef::Structure(s) => s.service,
            ShapeRef::Enum(e) => e.service,
            ShapeRef::Scalar(s) => s.service,
        }
    }
}

/// Every registered shape of `service`, sorted by name: built once, from
/// the service's shape tables.
pub fn entries(service: Service) -> &'static [Entry] {
    use std::sync::OnceLock;
    match service {
        #[cfg(feature = "ecr")]
        Service::Ecr => {
            static ECR: OnceLock<Vec<Entry>> = OnceLock::new();
            use crate::ecr::shapes::{ENUMS, SCALARS, STRUCTURES};
            ECR.get_or_init(|| table(STRUCTURES, ENUMS, SCALARS))
        }
        #[cfg(feature = "ecr-public")]
        Service::EcrPublic => {
            static ECR_PUBLIC: OnceLock<Vec<Entry>> = OnceLock::new();
            use crate::ecr_public::shapes::{ENUMS, SCALARS, STRUCTURES};
            ECR_PUBLIC.get_or_init(|| table(STRUCTURES, ENUMS, SCALARS))
        }
        #[allow(unreachable_patterns)]
        _ => &[],
    }
}

/// The entries of one service's shapes, sorted by name.
#[cfg_attr(not(any(feature = "ecr", feature = "ecr-public")), allow(dead_code))]
fn table(
    structures: &'static [&'static StructShape],
    enums: &'static [&'static EnumShape],
    scalars: &'static [&'static ScalarShape],
) -> Vec<Entry> {
    let structures = structures.iter().map(|&s| Entry {
        name: s.name,
        role: s.role,
        shape: ShapeRef::Structure(s),
    });
    let enums = enums.iter().map(|&e| Entry {
        name: e.name,
        role: Role::Enum,
        shape: ShapeRef::Enum(e),
    });
    let scalars = scalars.iter().map(|&s| Entry {
        name: s.name,
        role: Role::Scalar,
        shape: ShapeRef::Scalar(s),
    });
    let mut entries: Vec<Entry> = structures.chain(enums).chain(scalars).collect();
    entries.sort_unstable_by_key(|e| e.name);
    entries
}

/// The shape `name` of `service`.
pub fn find(service: Service, name: &str) -> Option<&'static Entry> {
    let entries = entries(service);
    entries
        .binary_search_by(|e| e.name.cmp(name))
        .ok()
        .map(|i| &entries[i])
}

/// Every operation of `service`.
pub fn operations(service: Service) -> &'static [Operation] {
    match service {
        #[cfg(feature = "ecr")]
        Service::Ecr => crate::ecr::OPERATIONS,
        #[cfg(feature = "ecr-public")]
        Service::EcrPublic => crate::ecr_public::OPERATIONS,
        #[allow(unreachable_patterns)]
        _ => &[],
    }
}

impl Operation {
    /// Checks a request body against the operation's input.
    pub fn check_input(&self, json: &[u8], opts: &Options) -> Result<(), Error> {
        check_shape(self.input, json, opts)
    }

    /// Checks a response body against the operation's output, judged as a
    /// response.
    pub fn check_output(&self, json: &[u8], opts: &Options) -> Result<(), Error> {
        check_shape(self.output, json, opts)
    }

    /// Checks an error body: an error this operation may return, named by
    /// `error_type` (the `X-Amzn-ErrorType` header) when given, else by the
    /// body.
    pub fn check_error(
        &self,
        json: &[u8],
        error_type: Option<&str>,
        opts: &Options,
    ) -> Result<(), Error> {
        match self.service {
            #[cfg(feature = "ecr")]
            Service::Ecr => {
                crate::ecr::ServiceError::from_response_with(json, error_type, Some(self), opts)
                    .map(drop)
            }
            #[cfg(feature = "ecr-public")]
            Service::EcrPublic => crate::ecr_public::ServiceError::from_response_with(
                json,
                error_type,
                Some(self),
                opts,
            )
            .map(drop),
            #[allow(unreachable_patterns)]
            service => Err(Error::new(
                vec![crate::Violation {
                    path: String::new(),
                    code: crate::Code::UndeclaredError,
                    message: format!("{service} is not part of this build"),
                    line: None,
                    column: None,
                }],
                0,
            )),
        }
    }
}

/// The operation `name` of `service`, by any of its names:
/// `DescribeImages`, `describe_images` (boto3) or `describe-images` (the
/// AWS CLI).
///
/// ```
/// use ecr_models::{registry, Service};
///
/// let op = registry::operation(Service::Ecr, "describe-image-scan-findings").unwrap();
/// assert_eq!((op.name, op.method), ("DescribeImageScanFindings", "describe_image_scan_findings"));
/// let paginator = op.paginator.unwrap();
/// assert_eq!(paginator.result_key, ["imageScanFindings.findings", "imageScanFindings.enhancedFindings"]);
/// assert_eq!(op.waiters[0].name, "image_scan_complete");
/// ```
pub fn operation(service: Service, name: &str) -> Option<&'static Operation> {
    operations(service).iter().find(|o| o.is_named(name))
}
