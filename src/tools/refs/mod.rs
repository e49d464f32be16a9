//! ECR references: image URIs, repository URIs and repository ARNs, parsed
//! and checked with the model's own rules, and AWS's partitions and regions
//! (generated from botocore's `partitions.json`).
//!
//! ```
//! use ecr_models::refs::{ImageRef, Registry};
//!
//! let image = ImageRef::parse("123456789012.dkr.ecr.us-east-1.amazonaws.com/team/app:1.4.2").unwrap();
//! assert_eq!(image.repository.repository, "team/app");
//! assert_eq!(image.tag.as_deref(), Some("1.4.2"));
//! assert!(matches!(image.repository.registry, Registry::Private(ref r) if r.region.as_str() == "us-east-1"));
//!
//! let err = ImageRef::parse("123456789012.dkr.ecr.cn-north-1.amazonaws.com/Team/App:1").unwrap_err();
//! let paths: Vec<&str> = err.violations().iter().map(|v| v.path.as_str()).collect();
//! assert_eq!(paths, ["/region", "/repository"]);
//! ```
//!
//! Every part is checked at once, and each broken one is a [`Violation`]
//! whose path names the part: `/host`, `/registry_id`, `/registry_alias`,
//! `/region`, `/partition`, `/service`, `/repository`, `/tag`, `/digest`.
//! The codes and messages are those of documents: a repository name breaks
//! `RepositoryName`'s pattern as it would in `CreateRepository`.

#[rustfmt::skip]
mod partitions;

use std::fmt;
use std::sync::OnceLock;

use regex::Regex;

pub use partitions::{RegionName, PARTITIONS};

use crate::error::{Code, Error, Violation};
use crate::options::Options;
use crate::rules::{quote, Pattern, StrRule};
use crate::shape::Service;

/// An AWS partition, as botocore's `partitions.json` describes it.
#[derive(Debug, PartialEq, Eq)]
pub struct Partition {
    /// `aws`, `aws-cn`, `aws-us-gov`...
    pub id: &'static str,
    /// The suffix of its IPv4 hosts: `amazonaws.com`.
    pub dns_suffix: &'static str,
    /// The suffix of its dual-stack API hosts: `api.aws`.
    pub dual_stack_dns_suffix: &'static str,
    /// The pattern of its region names, as the file writes it.
    pub region_regex: &'static str,
    /// Whether it has FIPS endpoints.
    pub supports_fips: bool,
    /// Whether it has dual-stack endpoints.
    pub supports_dual_stack: bool,
    /// Its named regions and their descriptions (the `-global` pseudo
    /// regions left out).
    pub regions: &'static [(&'static str, &'static str)],
}

impl Partition {
    /// The partition with id `id`.
    pub fn find(id: &str) -> Option<&'static Partition> {
        PARTITIONS.iter().find(|p| p.id == id)
    }

    /// The partition that names region `region`.
    pub fn of_region(region: &str) -> Option<&'static Partition> {
        PARTITIONS.iter().find(|p| p.has_region(region))
    }

    /// Whether `region` is one of its named regions.
    pub fn has_region(&self, region: &str) -> bool {
        self.regions.iter().any(|(name, _)| *name == region)
    }

    /// Whether `region` has the form of its region names (a region newer
    /// than the vendored table would).
    pub fn matches_region(&self, region: &str) -> bool {
        static COMPILED: OnceLock<Vec<Option<Regex>>> = OnceLock::new();
        let compiled = COMPILED.get_or_init(|| {
            PARTITIONS
                .iter()
                .map(|p| Regex::new(p.region_regex).ok())
                .collect()
        });
        let at = PARTITIONS.iter().position(|p| p == self);
        at.and_then(|at| compiled.get(at))
            .and_then(Option::as_ref)
            .is_some_and(|re| re.is_match(region))
    }
}

/// The [`Pattern`] of a pattern with nothing a regex dialect reads
/// differently: anchored, it is its own portable form.
macro_rules! plain_pattern {
    ($pattern:literal) => {
        Pattern::new(
            $pattern,
            concat!("^(?:", $pattern, ")$"),
            concat!("^(?:", $pattern, ")$"),
        )
    };
}

/// A tag in a reference, as the OCI distribution specification writes it:
/// `[A-Za-z0-9_][A-Za-z0-9._-]{0,127}` (ECR's `ImageTag` allows 300
/// characters in its API, but a reference that a client pulls holds the
/// OCI form).
static TAG: StrRule = StrRule {
    min: Some(1),
    max: Some(128),
    pattern: Some(&TAG_PATTERN),
    ..StrRule::ANY
};
static TAG_PATTERN: Pattern = plain_pattern!("[A-Za-z0-9_][A-Za-z0-9._-]*");

/// An image digest as ECR writes it: `sha256:` and 64 lower-case hex digits.
static DIGEST: StrRule = StrRule {
    pattern: Some(&DIGEST_PATTERN),
    ..StrRule::ANY
};
static DIGEST_PATTERN: Pattern = plain_pattern!("sha256:[a-f0-9]{64}");

/// The host of ECR Public's registry (and of its images).
const PUBLIC_HOST: &str = "public.ecr.aws";
/// ECR Public's dual-stack host for OCI and Docker clients ("Making requests
/// to Amazon ECR Public registries",
/// <https://docs.aws.amazon.com/AmazonECR/latest/public/public-ecr-requests.html>).
const PUBLIC_DUAL_STACK_HOST: &str = "ecr-public.aws.com";
/// The suffix of ECR's dual-stack hosts for OCI and Docker clients,
/// `<registry-id>.dkr-ecr.<region>.on.aws` ("Making requests to Amazon ECR
/// registries", <https://docs.aws.amazon.com/AmazonECR/latest/userguide/ecr-requests.html>),
/// in the partitions whose dual-stack API hosts end in `api.aws`.
const DUAL_STACK_SUFFIX: &str = "on.aws";

/// The registry a reference names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Registry {
    /// A private registry: `<registry id>.dkr.ecr.<region>.<DNS suffix>`.
    Private(PrivateRegistry),
    /// ECR Public: `public.ecr.aws/<registry alias>`.
    Public(PublicRegistry),
}

/// A private registry's host. The forms, from AWS's "Amazon ECR endpoints
/// and quotas" page (<https://docs.aws.amazon.com/general/latest/gr/ecr.html>)
/// and the user guide's "Making requests to Amazon ECR registries":
/// `<id>.dkr.ecr.<region>.<DNS suffix>` (IPv4; `amazonaws.com`,
/// `amazonaws.com.cn` in China...), `<id>.dkr.ecr-fips.<region>.<DNS suffix>`
/// (FIPS), `<id>.dkr-ecr.<region>.on.aws` (dual-stack) and
/// `<id>.dkr-ecr-fips.<region>.on.aws` (dual-stack FIPS).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrivateRegistry {
    /// The registry's account: 12 digits (`RegistryId`).
    pub registry_id: String,
    /// The region.
    pub region: RegionName,
    /// The region's partition.
    pub partition: &'static Partition,
    /// A FIPS host.
    pub fips: bool,
    /// A dual-stack (IPv4 and IPv6) host.
    pub dual_stack: bool,
}

/// ECR Public's registry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicRegistry {
    /// The registry's alias (`RegistryAliasName` of ECR Public).
    pub registry_alias: String,
    /// The dual-stack host, `ecr-public.aws.com`.
    pub dual_stack: bool,
}

/// A repository, as `repositoryUri` writes it: a registry host and a
/// repository name, with no tag or digest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RepositoryRef {
    /// The registry.
    pub registry: Registry,
    /// The repository's name (`RepositoryName` of the registry's service).
    pub repository: String,
}

/// An image: a repository with a tag, a digest, or both.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImageRef {
    /// The repository.
    pub repository: RepositoryRef,
    /// The tag (OCI's form).
    pub tag: Option<String>,
    /// The digest (`sha256:` and 64 lower-case hex digits).
    pub digest: Option<String>,
}

/// A repository's ARN: `arn:<partition>:ecr:<region>:<account>:repository/<name>`
/// or `arn:<partition>:ecr-public::<account>:repository/<name>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RepositoryArn {
    /// The partition.
    pub partition: &'static Partition,
    /// The service: ECR or ECR Public.
    pub service: Service,
    /// The region (ECR only: ECR Public's ARNs name none).
    pub region: Option<RegionName>,
    /// The account: 12 digits (`RegistryId`).
    pub account: String,
    /// The repository's name (`RepositoryName` of the service).
    pub repository: String,
}

/// Any reference: what [`Reference::parse`] finds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reference {
    /// With a tag or a digest.
    Image(ImageRef),
    /// Without either.
    Repository(RepositoryRef),
    /// A repository's ARN.
    Arn(RepositoryArn),
}

/// The violations found so far.
#[derive(Default)]
struct Found(Vec<Violation>);

impl Found {
    fn push(&mut self, path: &str, code: Code, message: String) {
        self.0.push(Violation::new(path.to_string(), code, message));
    }

    /// Checks `value` with `rule`, each broken rule reported at `path`.
    fn check(&mut self, path: &str, rule: &StrRule, value: &str) {
        rule.check(value, |code, message| self.push(path, code, message));
    }

    fn finish<T>(self, value: Option<T>) -> Result<T, Error> {
        match value {
            Some(value) if self.0.is_empty() => Ok(value),
            _ => Err(Error::new(self.0, 0)),
        }
    }
}

/// Each type's `parse`, under its own doc comment: its `parse_with` under
/// the default options.
macro_rules! parse_with_defaults {
    ($($(#[$doc:meta])* $ty:ident;)*) => {
        $(
            impl $ty {
                $(#[$doc])*
                pub fn parse(value: &str) -> Result<$ty, Error> {
                    $ty::parse_with(value, &Options::default())
                }
            }
        )*
    };
}

parse_with_defaults! {
    /// Parses an image reference, a repository reference or an ARN, with
    /// default options.
    Reference;

    /// Parses an image reference: a repository with a tag, a digest or both.
    ImageRef;

    /// Parses a repository reference, as `repositoryUri` writes it.
    RepositoryRef;

    /// Parses a repository ARN.
    RepositoryArn;
}

impl Reference {
    /// [`Reference::parse`] under `opts`: with
    /// [`Options::allow_unknown_enums`], a region the vendored table does
    /// not name is accepted where it has the form of the partition's
    /// regions (and kept as [`RegionName::Unknown`]).
    pub fn parse_with(value: &str, opts: &Options) -> Result<Reference, Error> {
        let mut found = Found::default();
        let parsed = if value.starts_with("arn:") {
            arn(value, opts, &mut found).map(Reference::Arn)
        } else {
            reference(value, opts, &mut found)
        };
        found.finish(parsed)
    }

    /// `image`, `repository` or `arn`.
    pub fn kind(&self) -> &'static str {
        match self {
            Reference::Image(_) => "image",
            Reference::Repository(_) => "repository",
            Reference::Arn(_) => "arn",
        }
    }
}

impl ImageRef {
    /// [`ImageRef::parse`] under `opts` (see [`Reference::parse_with`]).
    pub fn parse_with(value: &str, opts: &Options) -> Result<ImageRef, Error> {
        match Reference::parse_with(value, opts)? {
            Reference::Image(image) => Ok(image),
            Reference::Repository(_) => Err(one(
                "/tag",
                Code::Required,
                "an image reference has a tag (`:<tag>`), a digest (`@sha256:...`) or both".into(),
            )),
            Reference::Arn(_) => Err(one(
                "/host",
                Code::Pattern,
                "an ARN names a repository, not an image".into(),
            )),
        }
    }
}

impl RepositoryRef {
    /// [`RepositoryRef::parse`] under `opts` (see [`Reference::parse_with`]).
    pub fn parse_with(value: &str, opts: &Options) -> Result<RepositoryRef, Error> {
        match Reference::parse_with(value, opts)? {
            Reference::Repository(repository) => Ok(repository),
            Reference::Image(image) => {
                let (path, part) = match image.tag {
                    Some(_) => ("/tag", "tag"),
                    None => ("/digest", "digest"),
                };
                Err(one(
                    path,
                    Code::Pattern,
                    format!("a repository reference has no {part}: this is an image reference"),
                ))
            }
            Reference::Arn(_) => Err(one(
                "/host",
                Code::Pattern,
                "an ARN, not a repository URI: parse it as a RepositoryArn".into(),
            )),
        }
    }
}

impl RepositoryArn {
    /// [`RepositoryArn::parse`] under `opts` (see [`Reference::parse_with`]).
    pub fn parse_with(value: &str, opts: &Options) -> Result<RepositoryArn, Error> {
        let mut found = Found::default();
        let parsed = arn(value, opts, &mut found);
        found.finish(parsed)
    }
}

fn one(path: &str, code: Code, message: String) -> Error {
    let mut found = Found::default();
    found.push(path, code, message);
    Error::new(found.0, 0)
}

/// The rules of the names a service's references hold.
struct Names {
    repository: &'static StrRule,
    registry_id: &'static StrRule,
}

/// The rules of `service`'s names, where this build has the service (its
/// cargo feature); otherwise a violation at `path`: its references cannot
/// be checked.
fn names(service: Service, path: &str, found: &mut Found) -> Option<Names> {
    let names = match service {
        #[cfg(feature = "ecr")]
        Service::Ecr => Some(Names {
            repository: &crate::ecr::rules::REPOSITORY_NAME,
            registry_id: &crate::ecr::rules::REGISTRY_ID,
        }),
        #[cfg(feature = "ecr-public")]
        Service::EcrPublic => Some(Names {
            repository: &crate::ecr_public::rules::REPOSITORY_NAME,
            registry_id: &crate::ecr_public::rules::REGISTRY_ID,
        }),
        #[allow(unreachable_patterns)]
        _ => None,
    };
    if names.is_none() {
        found.push(
            path,
            Code::Enum,
            format!(
                "{} references are not in this build: its `{}` feature is off",
                match service {
                    Service::Ecr => "ECR private registry",
                    Service::EcrPublic => "ECR Public",
                },
                service.name()
            ),
        );
    }
    names
}

/// The ids of `partitions`, for messages: `aws or aws-us-gov`.
fn ids(partitions: &[&'static Partition]) -> String {
    let ids: Vec<&str> = partitions.iter().map(|p| p.id).collect();
    ids.join(" or ")
}

/// Finds `name` among the regions of `partitions`.
fn region(
    name: &str,
    partitions: &[&'static Partition],
    opts: &Options,
    found: &mut Found,
) -> Option<(RegionName, &'static Partition)> {
    if let Some(p) = partitions.iter().find(|p| p.has_region(name)) {
        return Some((RegionName::from(name), p));
    }
    if let Some(other) = Partition::of_region(name) {
        found.push(
            "/region",
            Code::Enum,
            format!(
                "{} is a region of {} (hosts ending in {}), not of {}",
                quote(name),
                other.id,
                other.dns_suffix,
                ids(partitions)
            ),
        );
        return None;
    }
    if opts.allow_unknown_enums {
        if let Some(p) = partitions.iter().find(|p| p.matches_region(name)) {
            return Some((RegionName::from(name), p));
        }
    }
    let known: Vec<&str> = partitions
        .iter()
        .flat_map(|p| p.regions.iter().map(|(r, _)| *r))
        .collect();
    found.push(
        "/region",
        Code::Enum,
        format!(
            "{} is not a region of {} ({})",
            quote(name),
            ids(partitions),
            known.join(", ")
        ),
    );
    None
}

/// An image or repository reference.
fn reference(value: &str, opts: &Options, found: &mut Found) -> Option<Reference> {
    if let Some((scheme, _)) = value.split_once("://") {
        found.push(
            "/host",
            Code::Pattern,
            format!(
                "a reference has no scheme: write it without {}",
                quote(&format!("{scheme}://"))
            ),
        );
        return None;
    }
    let (host, path) = value.split_once('/').unwrap_or((value, ""));
    let (rest, digest) = match path.split_once('@') {
        Some((rest, digest)) => (rest, Some(digest)),
        None => (path, None),
    };
    let (name, tag) = match rest.split_once(':') {
        Some((name, tag)) => (name, Some(tag)),
        None => (rest, None),
    };
    let registry = if host == PUBLIC_HOST || host == PUBLIC_DUAL_STACK_HOST {
        public(host, name, found)
    } else {
        let names = names(Service::Ecr, "/host", found)?;
        let registry = private(host, names.registry_id, opts, found);
        repository_name(name, names.repository, found);
        registry.map(|r| (Registry::Private(r), name))
    };
    if let Some(tag) = tag {
        found.check("/tag", &TAG, tag);
    }
    if let Some(digest) = digest {
        found.check("/digest", &DIGEST, digest);
    }
    let (registry, repository) = registry?;
    let repository = RepositoryRef {
        registry,
        repository: repository.to_string(),
    };
    Some(match (tag, digest) {
        (None, None) => Reference::Repository(repository),
        _ => Reference::Image(ImageRef {
            repository,
            tag: tag.map(str::to_string),
            digest: digest.map(str::to_string),
        }),
    })
}

/// A repository's name under `rule`; a missing one is `required`.
fn repository_name(name: &str, rule: &StrRule, found: &mut Found) {
    if name.is_empty() {
        found.push(
            "/repository",
            Code::Required,
            "a reference names a repository after its host: <host>/<repository>".into(),
        );
    } else {
        found.check("/repository", rule, name);
    }
}

/// ECR Public: `public.ecr.aws/<alias>/<repository>`.
fn public<'v>(host: &str, name: &'v str, found: &mut Found) -> Option<(Registry, &'v str)> {
    let names = names(Service::EcrPublic, "/host", found)?;
    let (alias, repository) = name.split_once('/').unwrap_or((name, ""));
    if alias.is_empty() {
        found.push(
            "/registry_alias",
            Code::Required,
            format!("an ECR Public reference names a registry alias: {host}/<alias>/<repository>"),
        );
    } else {
        #[cfg(feature = "ecr-public")]
        found.check(
            "/registry_alias",
            &crate::ecr_public::rules::REGISTRY_ALIAS_NAME,
            alias,
        );
    }
    repository_name(repository, names.repository, found);
    let registry = Registry::Public(PublicRegistry {
        registry_alias: alias.to_string(),
        dual_stack: host == PUBLIC_DUAL_STACK_HOST,
    });
    Some((registry, repository))
}

/// A private registry's host.
fn private(
    host: &str,
    registry_id: &StrRule,
    opts: &Options,
    found: &mut Found,
) -> Option<PrivateRegistry> {
    let expected = || {
        format!(
            "{} is not an ECR registry host: expected <registry id>.dkr.ecr.<region>.<DNS suffix> (or dkr.ecr-fips, dkr-ecr.<region>.on.aws, dkr-ecr-fips.<region>.on.aws), or {PUBLIC_HOST}",
            quote(host)
        )
    };
    let Some((id, rest)) = host.split_once('.') else {
        found.push("/host", Code::Pattern, expected());
        return None;
    };
    let forms = [
        ("dkr.ecr.", false, false),
        ("dkr.ecr-fips.", true, false),
        ("dkr-ecr.", false, true),
        ("dkr-ecr-fips.", true, true),
    ];
    let Some((rest, fips, dual_stack)) = forms
        .iter()
        .find_map(|(prefix, fips, dual)| Some((rest.strip_prefix(prefix)?, *fips, *dual)))
    else {
        found.push("/host", Code::Pattern, expected());
        return None;
    };
    found.check("/registry_id", registry_id, id);
    let Some((name, suffix)) = rest.split_once('.') else {
        found.push("/host", Code::Pattern, expected());
        return None;
    };
    let partitions: Vec<&'static Partition> = PARTITIONS
        .iter()
        .filter(|p| match dual_stack {
            false => p.dns_suffix == suffix,
            true => {
                suffix == DUAL_STACK_SUFFIX
                    && p.supports_dual_stack
                    && p.dual_stack_dns_suffix == "api.aws"
            }
        })
        .filter(|p| !fips || p.supports_fips)
        .collect();
    if partitions.is_empty() {
        let message = match dual_stack {
            true => format!(
                "{} is not the suffix of ECR's dual-stack hosts ({DUAL_STACK_SUFFIX})",
                quote(suffix)
            ),
            false => {
                let suffixes: Vec<&str> = PARTITIONS.iter().map(|p| p.dns_suffix).collect();
                format!(
                    "{} is not the DNS suffix of an AWS partition ({})",
                    quote(suffix),
                    suffixes.join(", ")
                )
            }
        };
        found.push("/host", Code::Pattern, message);
        return None;
    }
    let (region, partition) = region(name, &partitions, opts, found)?;
    Some(PrivateRegistry {
        registry_id: id.to_string(),
        region,
        partition,
        fips,
        dual_stack,
    })
}

/// `arn:<partition>:ecr:<region>:<account>:repository/<name>` or
/// `arn:<partition>:ecr-public::<account>:repository/<name>`.
fn arn(value: &str, opts: &Options, found: &mut Found) -> Option<RepositoryArn> {
    let parts: Vec<&str> = value.splitn(6, ':').collect();
    let [prefix, partition, service, region_name, account, resource] = parts.as_slice() else {
        found.push(
            "",
            Code::Pattern,
            "a repository ARN is arn:<partition>:ecr:<region>:<account>:repository/<name>".into(),
        );
        return None;
    };
    if *prefix != "arn" {
        found.push("", Code::Pattern, "an ARN starts with `arn:`".into());
    }
    let partition = match Partition::find(partition) {
        Some(p) => Some(p),
        None => {
            let known: Vec<&str> = PARTITIONS.iter().map(|p| p.id).collect();
            found.push(
                "/partition",
                Code::Enum,
                format!(
                    "{} is not an AWS partition ({})",
                    quote(partition),
                    known.join(", ")
                ),
            );
            None
        }
    };
    let service = match *service {
        "ecr" => Service::Ecr,
        "ecr-public" => Service::EcrPublic,
        other => {
            // Another service's ARN: its other parts follow that service's rules.
            found.push(
                "/service",
                Code::Enum,
                format!("{} is not one of ecr, ecr-public", quote(other)),
            );
            return None;
        }
    };
    let names = names(service, "/service", found)?;
    let region = match (service, partition) {
        (Service::EcrPublic, _) if !region_name.is_empty() => {
            found.push(
                "/region",
                Code::Pattern,
                format!("an ECR Public ARN names no region (arn:<partition>:ecr-public::<account>:...), not {}", quote(region_name)),
            );
            None
        }
        (Service::EcrPublic, _) => None,
        (Service::Ecr, Some(p)) => region(region_name, &[p], opts, found).map(|(r, _)| r),
        (Service::Ecr, None) => None,
    };
    found.check("/registry_id", names.registry_id, account);
    let name = match resource.strip_prefix("repository/") {
        Some(name) => {
            repository_name(name, names.repository, found);
            name
        }
        None => {
            found.push(
                "/repository",
                Code::Pattern,
                format!(
                    "a repository ARN's resource is repository/<name>, not {}",
                    quote(resource)
                ),
            );
            ""
        }
    };
    if service == Service::Ecr && region.is_none() {
        return None;
    }
    Some(RepositoryArn {
        partition: partition?,
        service,
        region,
        account: account.to_string(),
        repository: name.to_string(),
    })
}

impl fmt::Display for Registry {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Registry::Private(r) => {
                let form = match (r.fips, r.dual_stack) {
                    (false, false) => "dkr.ecr",
                    (true, false) => "dkr.ecr-fips",
                    (false, true) => "dkr-ecr",
                    (true, true) => "dkr-ecr-fips",
                };
                let suffix = match r.dual_stack {
                    true => DUAL_STACK_SUFFIX,
                    false => r.partition.dns_suffix,
                };
                write!(f, "{}.{form}.{}.{suffix}", r.registry_id, r.region)
            }
            Registry::Public(r) => {
                let host = match r.dual_stack {
                    true => PUBLIC_DUAL_STACK_HOST,
                    false => PUBLIC_HOST,
                };
                write!(f, "{host}/{}", r.registry_alias)
            }
        }
    }
}

impl fmt::Display for RepositoryRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.registry, self.repository)
    }
}

impl fmt::Display for ImageRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.repository)?;
        if let Some(tag) = &self.tag {
            write!(f, ":{tag}")?;
        }
        if let Some(digest) = &self.digest {
            write!(f, "@{digest}")?;
        }
        Ok(())
    }
}

impl fmt::Display for RepositoryArn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let region = self.region.as_ref().map_or("", |r| r.as_str());
        let service = match self.service {
            Service::Ecr => "ecr",
            Service::EcrPublic => "ecr-public",
        };
        write!(
            f,
            "arn:{}:{service}:{region}:{}:repository/{}",
            self.partition.id, self.account, self.repository
        )
    }
}

impl fmt::Display for Reference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Reference::Image(r) => r.fmt(f),
            Reference::Repository(r) => r.fmt(f),
            Reference::Arn(r) => r.fmt(f),
        }
    }
}

/// Methods on generated structures whose members hold references: each
/// member parsed and checked, `None` when absent
/// (`Type { method: field as Parsed, "wireName"; }`).
macro_rules! reference_accessors {
    ($($(#[$cfg:meta])* $ty:path { $($method:ident: $field:ident as $parsed:ident, $name:literal;)+ })+) => {$(
        $(#[$cfg])*
        impl $ty {$(
            #[doc = concat!("`", $name, "`, parsed and checked: `None` when absent.")]
            pub fn $method(&self) -> Option<Result<$parsed, Error>> {
                self.$field.as_deref().map($parsed::parse)
            }
        )+}
    )+};
}

reference_accessors! {
    #[cfg(feature = "ecr")]
    crate::ecr::Repository {
        repository_ref: repository_uri as RepositoryRef, "repositoryUri";
        parsed_arn: repository_arn as RepositoryArn, "repositoryArn";
    }
    #[cfg(feature = "ecr")]
    crate::ecr::RepositoryScanningConfiguration {
        parsed_arn: repository_arn as RepositoryArn, "repositoryArn";
    }
    #[cfg(feature = "ecr-public")]
    crate::ecr_public::Repository {
        repository_ref: repository_uri as RepositoryRef, "repositoryUri";
        parsed_arn: repository_arn as RepositoryArn, "repositoryArn";
    }
}

/// A build with one service: the other's references are refused, saying
/// why (`.ci/run` tests each service alone).
#[cfg(test)]
mod one_service {
    /// Each of `values` is one violation that names `feature`; `own`, a
    /// reference of the build's own service, is read.
    #[cfg(not(all(feature = "ecr", feature = "ecr-public")))]
    fn refused_without(feature: &str, values: [&str; 2], own: &str) {
        for value in values {
            let err = super::Reference::parse(value).expect_err("not in this build");
            assert_eq!(err.violations().len(), 1, "{err}");
            let message = &err.violations()[0].message;
            let said = format!("`{feature}` feature is off");
            assert!(message.contains(&said), "{message}");
        }
        assert!(super::Reference::parse(own).is_ok());
    }

    #[cfg(not(feature = "ecr-public"))]
    #[test]
    fn an_ecr_public_reference_needs_its_feature() {
        refused_without(
            "ecr-public",
            [
                "public.ecr.aws/alias/app:1",
                "arn:aws:ecr-public::123456789012:repository/app",
            ],
            "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1",
        );
    }

    #[cfg(not(feature = "ecr"))]
    #[test]
    fn a_private_registry_reference_needs_the_ecr_feature() {
        refused_without(
            "ecr",
            [
                "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1",
                "arn:aws:ecr:us-east-1:123456789012:repository/app",
            ],
            "public.ecr.aws/alias/app:1",
        );
    }
}
