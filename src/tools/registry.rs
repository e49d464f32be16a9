//! Every shape and operation by service and name, at run time: what the
//! command-line tools look up.

use crate::error::Error;
use crate::json::{check_shape, check_ty};
use crate::options::Options;
use crate::rules::Embedded;
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
    /// item counts, and its enums are closed to their known values, only
    /// with `exact_outputs`; `allow_unknown_enums` opens every enum.
    #[cfg(feature = "schema")]
    pub fn schema(&self, opts: &Options) -> Option<serde_json::Value> {
        let mut schema = crate::json_schema::of(
            self.shape,
            opts.strict,
            opts.list_bounds_apply(self.role),
            opts.enums_closed(self.role),
        )?;
        if let Some(object) = schema.as_object_mut() {
            let id = format!(
                "urn:ecr-models:{}:{}{}{}{}",
                self.service(),
                if opts.strict { "strict:" } else { "" },
                if opts.exact_outputs && self.role.is_response() {
                    "exact:"
                } else {
                    ""
                },
                if opts.allow_unknown_enums {
                    "open-enums:"
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

/// The shape `name` of `service`: the shape so named, else the one whose
/// name differs from `name` only in ASCII case (no two shapes of a service
/// differ only in case, which a test keeps true).
///
/// ```
/// use ecr_models::{registry, Service};
///
/// let entry = registry::find(Service::Ecr, "createrepositoryrequest").unwrap();
/// assert_eq!(entry.name, "CreateRepositoryRequest");
/// ```
pub fn find(service: Service, name: &str) -> Option<&'static Entry> {
    let entries = entries(service);
    match entries.binary_search_by(|e| e.name.cmp(name)) {
        Ok(i) => Some(&entries[i]),
        Err(_) => entries.iter().find(|e| e.name.eq_ignore_ascii_case(name)),
    }
}

/// At most this many close names are suggested for an unknown one.
const MAX_SUGGESTIONS: usize = 5;

/// Names of `service`'s shapes close to `name`, which names none: for "did
/// you mean" messages. See [`close_names`] for what is close.
///
/// ```
/// use ecr_models::{registry, Service};
///
/// assert_eq!(registry::suggest(Service::Ecr, "CreateRepositoryReqest"), ["CreateRepositoryRequest"]);
/// assert!(registry::suggest(Service::Ecr, "CreateRepositry").contains(&"CreateRepositoryRequest"));
/// ```
pub fn suggest(service: Service, name: &str) -> Vec<&'static str> {
    close_names(name, entries(service).iter().map(|e| e.name))
}

/// Names of `service`'s operations close to `name`, in the spelling `name`
/// is written in: boto3's (`describe_images`) when it holds a `_`, the AWS
/// CLI's (`describe-images`) when it holds a `-`, else the model's.
///
/// ```
/// use ecr_models::{registry, Service};
///
/// assert_eq!(registry::suggest_operation(Service::Ecr, "describe_imagez"), ["describe_images"]);
/// ```
pub fn suggest_operation(service: Service, name: &str) -> Vec<&'static str> {
    let (snake, kebab) = (name.contains('_'), name.contains('-'));
    let spelled = operations(service).iter().map(|op| match (snake, kebab) {
        (true, _) => op.method,
        (false, true) => op.cli,
        (false, false) => op.name,
    });
    close_names(name, spelled)
}

/// The candidates close to `name`, ignoring ASCII case, at most five:
///
/// 1. equal to it;
/// 2. starting with it, or (for candidates of 3 characters or more) a
///    start of it;
/// 3. containing it (for a query of 3 characters or more);
///
/// nearest in length first within each rank. When none of those exist,
/// the candidates the fewest typos away (a letter dropped, added or
/// changed), if that is at most a quarter of the query's length and at
/// most 3: whole names (`repositry` finds `Repository`) and, when none is
/// so near, names with a start so near (`CreateRepositry` finds
/// `CreateRepositoryRequest`). Nearest in length first.
pub fn close_names<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let query: Vec<char> = name.to_lowercase().chars().collect();
    if query.is_empty() {
        return Vec::new();
    }
    let candidates: Vec<(&str, Vec<char>)> = candidates
        .into_iter()
        .map(|c| (c, c.to_lowercase().chars().collect()))
        .collect();
    let mut ranked: Vec<(usize, usize, &str)> = candidates
        .iter()
        .filter_map(|(candidate, lower)| {
            let rank = if *lower == query {
                0
            } else if lower.starts_with(&query) || (lower.len() >= 3 && query.starts_with(lower)) {
                1
            } else if query.len() >= 3 && lower.windows(query.len()).any(|w| w == query) {
                2
            } else {
                return None;
            };
            Some((rank, lower.len().abs_diff(query.len()), *candidate))
        })
        .collect();
    if ranked.is_empty() {
        let limit = (query.len() / 4).min(3);
        let typos: Vec<((usize, usize), &str, usize)> = candidates
            .iter()
            .map(|(candidate, lower)| (distances(&query, lower), *candidate, lower.len()))
            .collect();
        // Whole names a few typos away, else names with a start so near.
        for pick in [|d: (usize, usize)| d.1, |d: (usize, usize)| d.0] {
            let fewest = typos.iter().map(|t| pick(t.0)).min().unwrap_or(usize::MAX);
            if fewest <= limit {
                ranked = typos
                    .iter()
                    .filter(|t| pick(t.0) == fewest)
                    .map(|&(_, candidate, len)| (fewest, len.abs_diff(query.len()), candidate))
                    .collect();
                break;
            }
        }
    }
    ranked.sort_unstable();
    ranked
        .into_iter()
        .take(MAX_SUGGESTIONS)
        .map(|(_, _, candidate)| candidate)
        .collect()
}

/// The fewest single-character edits (insert, delete, replace) that turn
/// `query` into a start of `candidate`, and into the whole of it: the
/// Levenshtein distances to the nearest prefix and to the candidate.
fn distances(query: &[char], candidate: &[char]) -> (usize, usize) {
    // row[j]: the distance between the query's first i characters and the
    // candidate's first j.
    let mut row: Vec<usize> = (0..=candidate.len()).collect();
    for (i, &q) in query.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &c) in candidate.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (diagonal + usize::from(q != c))
                .min(above + 1)
                .min(row[j] + 1);
            diagonal = above;
        }
    }
    let whole = row[candidate.len()];
    (row.into_iter().min().unwrap_or(whole), whole)
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

/// Every kind of document that strings of `service` carry: ECR's lifecycle,
/// repository and registry policies, ECR Public's repository policies
/// (`crate::documents`).
pub fn documents(service: Service) -> &'static [&'static Embedded] {
    match service {
        #[cfg(feature = "ecr")]
        Service::Ecr => crate::ecr::rules::DOCUMENTS,
        #[cfg(feature = "ecr-public")]
        Service::EcrPublic => crate::ecr_public::rules::DOCUMENTS,
        #[allow(unreachable_patterns)]
        _ => &[],
    }
}

/// The kind of document of `service` named `name`: `LifecyclePolicy`, or
/// as the command line writes it, `lifecycle-policy` (case, `-` and `_`
/// aside).
pub fn document(service: Service, name: &str) -> Option<&'static Embedded> {
    let plain = |s: &str| -> String {
        s.chars()
            .filter(|c| *c != '-' && *c != '_')
            .flat_map(char::to_lowercase)
            .collect()
    };
    documents(service)
        .iter()
        .copied()
        .find(|e| plain(e.name) == plain(name))
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
            service => Err(Error::one(
                "",
                crate::Code::UndeclaredError,
                format!("{service} is not part of this build"),
            )),
        }
    }
}

/// The `X-Amz-Target` header's prefix of `service`'s requests, as the model
/// gives it (`AmazonEC2ContainerRegistry_V20150921` for ECR,
/// `SpencerFrontendService` for ECR Public); `None` when the service is not
/// part of this build.
pub fn target_prefix(service: Service) -> Option<&'static str> {
    match service {
        #[cfg(feature = "ecr")]
        Service::Ecr => Some(crate::ecr::TARGET_PREFIX),
        #[cfg(feature = "ecr-public")]
        Service::EcrPublic => Some(crate::ecr_public::TARGET_PREFIX),
        #[allow(unreachable_patterns)]
        _ => None,
    }
}

/// What an `X-Amz-Target` header names.
#[derive(Debug, Clone, Copy)]
pub enum Target<'a> {
    /// An operation of a service of this build.
    Operation(&'static Operation),
    /// A service of this build, but an operation its model lacks.
    UnknownOperation {
        /// The service the prefix names.
        service: Service,
        /// The name after the prefix.
        operation: &'a str,
    },
    /// Another service's traffic (or no target at all).
    Other,
}

/// The operation an `X-Amz-Target` header names: the service by the prefix
/// before the `.` (exactly, as AWS routes it), then the operation by its
/// model name.
///
/// ```
/// use ecr_models::registry::{self, Target};
///
/// let Target::Operation(op) = registry::by_target("SpencerFrontendService.CreateRepository") else {
///     panic!()
/// };
/// assert_eq!((op.service.name(), op.name), ("ecr-public", "CreateRepository"));
/// assert!(matches!(
///     registry::by_target("AmazonEC2ContainerRegistry_V20150921.Frobnicate"),
///     Target::UnknownOperation { operation: "Frobnicate", .. }
/// ));
/// assert!(matches!(registry::by_target("DynamoDB_20120810.GetItem"), Target::Other));
/// ```
pub fn by_target(target: &str) -> Target<'_> {
    let Some((prefix, name)) = target.split_once('.') else {
        return Target::Other;
    };
    let Some(service) = Service::ALL
        .iter()
        .copied()
        .find(|&s| target_prefix(s) == Some(prefix))
    else {
        return Target::Other;
    };
    match operations(service).iter().find(|op| op.name == name) {
        Some(op) => Target::Operation(op),
        None => Target::UnknownOperation {
            service,
            operation: name,
        },
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The bitmask the structure reader compares in one step holds exactly
    /// the members' `required` flags.
    #[test]
    fn the_required_bits_are_the_members_flags() {
        let mut required_seen = 0;
        for &service in Service::ALL {
            for entry in entries(service) {
                let ShapeRef::Structure(shape) = entry.shape else {
                    continue;
                };
                assert!(shape.members.len() <= 64, "{}: over 64 members", entry.name);
                for (at, member) in shape.members.iter().enumerate() {
                    let bit = shape.required >> at & 1 == 1;
                    assert_eq!(bit, member.required, "{}.{}", entry.name, member.name);
                    required_seen += usize::from(bit);
                }
                let beyond = u32::try_from(shape.members.len())
                    .ok()
                    .and_then(|n| shape.required.checked_shr(n));
                assert_eq!(
                    beyond.unwrap_or(0),
                    0,
                    "{}: bits past the members",
                    entry.name
                );
            }
        }
        assert!(required_seen > 100, "the models have required members");
    }
}
