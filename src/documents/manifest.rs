//! Image manifests: the JSON text of `imageManifest` in PutImage's request
//! (ECR and ECR Public) and in the images BatchGetImage and PutImage
//! return.
//!
//! Four kinds of document, with their rules from the specifications
//! (`tests/documents/manifest/README.md` lists the sources, at the commits
//! read):
//!
//! - a Docker image manifest v2 schema 2
//!   (`application/vnd.docker.distribution.manifest.v2+json`) and a Docker
//!   manifest list (`application/vnd.docker.distribution.manifest.list.v2+json`):
//!   distribution/distribution, `docs/content/spec/manifest-v2-2.md`;
//! - an OCI image manifest (`application/vnd.oci.image.manifest.v1+json`)
//!   and an OCI image index (`application/vnd.oci.image.index.v1+json`):
//!   opencontainers/image-spec, `manifest.md`, `image-index.md`,
//!   `descriptor.md` and the JSON schemas of `schema/`.
//!
//! The rules:
//!
//! - `schemaVersion` is required and is the integer 2 (both schemas:
//!   `"minimum": 2, "maximum": 2`). Another integer is a `range` violation,
//!   as the schemas state it as a range; anything but an integer is `type`.
//! - The kind is the one the document's `mediaType` names; without one, its
//!   shape decides: `manifests` makes an index (or list), `config` or
//!   `layers` a manifest. Any other `mediaType` is an `enum` violation (and
//!   the shape decides the rest). A media type with parameters
//!   (`application/vnd.oci.image.manifest.v1+json; charset=utf-8`) is a
//!   `pattern` violation wherever it is, the top level or a descriptor:
//!   the media type grammar has no `;`, and ECR refuses one (sigstore-js
//!   PR 1058, "ECR not accepting content types which contain a `;`";
//!   aws/containers-roadmap issue 2306).
//! - A manifest has `config` and `layers` (at least one: the OCI schema's
//!   `minItems`, which its test `manifest_test` case 5 follows) and no
//!   `manifests`; an index has `manifests` and neither `config` nor
//!   `layers` (`required`, `conflict`).
//! - A descriptor (`config`, each layer, each entry of `manifests`,
//!   `subject`) has `mediaType`, `digest` and `size`:
//!   - a media type matches
//!     `^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}$`
//!     (the descriptor schema), as does `artifactType`;
//!   - a digest is `algorithm:encoded`, the algorithm
//!     `[a-z0-9]+([+._-][a-z0-9]+)*`, the encoded part `[a-zA-Z0-9=_-]+`;
//!     the registered algorithms are held to their encodings: `sha256` and
//!     `blake3` 64 lower-case hex digits, `sha512` 128 (descriptor.md).
//!     Other algorithms pass on the grammar, as descriptor.md asks;
//!   - `size` is an integer from 0 (an `i64`);
//!   - `urls` are URIs (RFC 3986: a scheme, `:`, and URI characters);
//!     `annotations` map strings to strings; `data` is padded base64
//!     (RFC 4648) of exactly `size` bytes;
//!   - `platform` has `architecture` and `os` (strings), and may have
//!     `os.version`, `os.features`, `variant` and `features`.
//! - Members the specifications do not define are allowed at every level,
//!   unread: the OCI schemas have no `additionalProperties: false`, and
//!   image-spec asks implementations to ignore unknown properties. A
//!   member they define is never `null` (`type`), and appears once
//!   (`duplicate`).
//!
//! Docker's schema 1 (`application/vnd.docker.distribution.manifest.v1+json`,
//! `...v1+prettyjws`), or a document with no media type whose
//! `schemaVersion` is 1 and which has none of `config`, `layers` and
//! `manifests`, is accepted minimally ([`Schema1Manifest`]): its
//! `schemaVersion` is 1, and its other members are not read. ECR stores
//! schema 1 manifests (pushed by Docker 1.9 and older) and converts schema
//! 2 ones to schema 1 for old clients (the user guide's "Container image
//! manifest format support in Amazon ECR"), so BatchGetImage may return
//! one and PutImage takes one: refusing it would refuse what AWS accepts.
//!
//! ECR refuses a manifest with no `mediaType` when the request's
//! `imageManifestMediaType` does not name one ("Invalid parameter at
//! 'ImageManifest' failed to satisfy constraint: 'Invalid JSON syntax'",
//! aws/aws-sdk issue 193, aws/aws-cli issue 8620). That rule belongs to
//! the request, which settles it once its members are read
//! ([`StandIn`](crate::rules::StandIn)): a `required` violation at
//! `/imageManifest/mediaType`. A manifest checked alone is not held to it.
//!
//! Not checked: whether a digest is the hash of what it names, or `data`
//! of its digest: the content is not in the document.
//!
//! In a response (unless [`Options::exact_outputs`]), a manifest is held
//! only to what AWS is seen to refuse: JSON itself, and media types with
//! parameters. The other rules are the specifications', and AWS accepted
//! the manifest it returns.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{all, optional_list, ListOf};
use crate::blob::Blob;
use crate::enums::{model_enum, ModelEnum};
use crate::error::{Code, Error};
use crate::options::Options;
use crate::parse::{Items, Members, Number, Text};
use crate::read::{enum_value, Cx, Int, Kind, Map, Path, Read, Str};
use crate::rules::{quote, IntRule, Pattern, StrRule};
use crate::shape::Role;

model_enum!(
    ManifestMediaType,
    "The media type of an image manifest: what kind of document it is.",
    [
        DockerManifest = "application/vnd.docker.distribution.manifest.v2+json",
        DockerManifestList = "application/vnd.docker.distribution.manifest.list.v2+json",
        OciManifest = "application/vnd.oci.image.manifest.v1+json",
        OciIndex = "application/vnd.oci.image.index.v1+json",
        DockerSchema1 = "application/vnd.docker.distribution.manifest.v1+json",
        DockerSchema1Signed = "application/vnd.docker.distribution.manifest.v1+prettyjws"
    ]
);

/// An image manifest, as `imageManifest` carries it (the two larger kinds
/// boxed, so that the value is small whichever it is).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum ImageManifest {
    /// A Docker image manifest v2 schema 2, or an OCI image manifest.
    Manifest(Box<Manifest>),
    /// A Docker manifest list, or an OCI image index.
    Index(Box<ImageIndex>),
    /// A Docker image manifest v2 schema 1, read minimally.
    Schema1(Schema1Manifest),
}

/// A Docker image manifest v2 schema 2, or an OCI image manifest: a
/// configuration and layers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Manifest {
    /// Always 2.
    pub schema_version: i64,
    /// Which kind of manifest (optional in OCI).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub media_type: Option<ManifestMediaType>,
    /// The kind of artifact, for a manifest of an artifact (OCI 1.1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub artifact_type: Option<String>,
    /// The image's configuration.
    pub config: Descriptor,
    /// The layers, at least one.
    pub layers: Vec<Descriptor>,
    /// The manifest this one refers to (OCI 1.1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<Descriptor>,
    /// Free-form metadata.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub annotations: Option<BTreeMap<String, String>>,
}

/// A Docker manifest list, or an OCI image index: manifests, usually one
/// per platform.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ImageIndex {
    /// Always 2.
    pub schema_version: i64,
    /// Which kind of index (optional in OCI).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub media_type: Option<ManifestMediaType>,
    /// The kind of artifact (OCI 1.1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub artifact_type: Option<String>,
    /// The manifests.
    pub manifests: Vec<Descriptor>,
    /// The manifest this index refers to (OCI 1.1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<Descriptor>,
    /// Free-form metadata.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub annotations: Option<BTreeMap<String, String>>,
}

/// A Docker image manifest v2 schema 1: only its version and media type
/// are read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Schema1Manifest {
    /// Always 1.
    pub schema_version: i64,
    /// `application/vnd.docker.distribution.manifest.v1+json` or
    /// `...v1+prettyjws`, when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub media_type: Option<ManifestMediaType>,
}

/// What a manifest points to: content by its media type, digest and size.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Descriptor {
    /// The content's media type.
    pub media_type: String,
    /// `algorithm:encoded`, e.g. `sha256:` and 64 hex digits.
    pub digest: String,
    /// The content's size in bytes.
    pub size: i64,
    /// Where else the content may be downloaded from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub urls: Option<Vec<String>>,
    /// Free-form metadata.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub annotations: Option<BTreeMap<String, String>>,
    /// The content itself, in base64.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data: Option<String>,
    /// The kind of artifact the content is (OCI 1.1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub artifact_type: Option<String>,
    /// The platform a manifest of an index runs on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub platform: Option<Platform>,
}

/// The platform an image runs on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Platform {
    /// The CPU architecture, as Go names it (`amd64`, `arm64`).
    pub architecture: String,
    /// The operating system, as Go names it (`linux`, `windows`).
    pub os: String,
    /// The operating system's version (`10.0.14393.1066`).
    #[serde(
        rename = "os.version",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub os_version: Option<String>,
    /// Operating system features the image needs (`win32k`).
    #[serde(
        rename = "os.features",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub os_features: Option<Vec<String>>,
    /// The CPU's variant (`v7`, `v8`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub variant: Option<String>,
    /// CPU features the image needs (Docker: `sse4`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub features: Option<Vec<String>>,
}

impl ImageManifest {
    /// Reads a manifest as a request carries it: every rule.
    pub fn from_json(text: &str) -> Result<Self, Error> {
        Self::from_json_with(text, &Options::default())
    }

    /// [`ImageManifest::from_json`] under `opts`.
    pub fn from_json_with(text: &str, opts: &Options) -> Result<Self, Error> {
        super::read_document(text.as_bytes(), opts, Role::Input, ManifestReader)
    }

    /// The media type the document names, if any.
    pub fn media_type(&self) -> Option<&ManifestMediaType> {
        match self {
            ImageManifest::Manifest(m) => m.media_type.as_ref(),
            ImageManifest::Index(i) => i.media_type.as_ref(),
            ImageManifest::Schema1(s) => s.media_type.as_ref(),
        }
    }
}

/// The grammar of a media type (the descriptor schema's pattern).
static MEDIA_TYPE: Pattern = Pattern::new(
    "^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}$",
    "^(?:[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126})$",
    "^(?:[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126})$",
);

/// The grammar of a digest (descriptor.md).
static DIGEST: Pattern = Pattern::new(
    "^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$",
    "^(?:[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]+)$",
    "^(?:[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]+)$",
);

/// A URI (RFC 3986): a scheme, `:`, then URI characters.
static URI: Pattern = Pattern::new(
    "^[A-Za-z][A-Za-z0-9+.-]*:[A-Za-z0-9._~:/?#\\[\\]@!$&'()*+,;=%-]*$",
    "^(?:[A-Za-z][A-Za-z0-9+.-]*:[A-Za-z0-9._~:/?#\\[\\]@!$&'()*+,;=%-]*)$",
    "^(?:[A-Za-z][A-Za-z0-9+.-]*:[A-Za-z0-9._~:/?#\\[\\]@!$&'()*+,;=%-]*)$",
);

/// The registered digest algorithms and the length of their lower-case
/// hex encodings (descriptor.md, "Registered algorithms").
const REGISTERED: [(&str, usize); 3] = [("sha256", 64), ("sha512", 128), ("blake3", 64)];

/// A size: an integer from 0.
static SIZE: IntRule = IntRule {
    min: 0,
    max: i64::MAX,
};

/// Where ECR's refusal of media type parameters is seen.
const PARAMETERS_REFUSED: &str =
    "ECR refuses media types with parameters (sigstore-js PR 1058, aws/containers-roadmap 2306)";

fn text() -> Str {
    Str(&StrRule::ANY)
}

fn strings() -> ListOf<Str> {
    ListOf {
        item: text(),
        min: 0,
    }
}

fn annotations() -> Map<Str, Str> {
    Map(text(), text())
}

fn descriptors(min: usize) -> ListOf<DescriptorReader> {
    ListOf {
        item: DescriptorReader,
        min,
    }
}

/// Records a media type with parameters (`;`); whether it had none.
fn no_parameters(cx: &mut Cx<'_>, path: &Path<'_>, media_type: &str) -> bool {
    if !media_type.contains(';') {
        return true;
    }
    cx.report(path, Code::Pattern, || {
        format!(
            "{} carries parameters (;): a media type is type/subtype alone, and {PARAMETERS_REFUSED}",
            quote(media_type)
        )
    });
    false
}

/// A string of a grammar: its pattern, what the text is when it does not
/// match (said after "is not"), and the rules the pattern cannot say.
#[derive(Debug, Clone, Copy)]
struct Grammar {
    pattern: &'static Pattern,
    /// `a digest: algorithm:encoded`.
    what: &'static str,
    /// Whether the message quotes the pattern.
    quote_pattern: bool,
    /// Checks the text before the pattern (recording its violations);
    /// whether it holds.
    before: fn(&mut Cx<'_>, &Path<'_>, &str) -> bool,
    /// Checks the text that matched; whether it holds.
    after: fn(&mut Cx<'_>, &Path<'_>, &str) -> bool,
}

/// A descriptor's `mediaType` or an `artifactType`: the media type grammar,
/// without parameters.
const MEDIA_TYPE_TEXT: Grammar = Grammar {
    pattern: &MEDIA_TYPE,
    what: "a media type: type/subtype, each of 1 to 127 characters",
    quote_pattern: true,
    before: no_parameters,
    after: |_, _, _| true,
};

/// A digest: `algorithm:encoded`, a registered algorithm's encoding exact.
const DIGEST_TEXT: Grammar = Grammar {
    pattern: &DIGEST,
    what: "a digest: algorithm:encoded",
    quote_pattern: true,
    before: |_, _, _| true,
    after: registered_encoding,
};

/// A URL of `urls`: a URI.
const URI_TEXT: Grammar = Grammar {
    pattern: &URI,
    what: "a URI (RFC 3986): a scheme, :, and URI characters",
    quote_pattern: false,
    before: |_, _, _| true,
    after: |_, _, _| true,
};

impl Kind for Grammar {
    type Value = String;

    const EXPECTED: &'static str = "a string";

    fn text(self, cx: &mut Cx<'_>, path: &Path<'_>, text: Text<'_>) -> Option<String> {
        if !(self.before)(cx, path, &text) {
            return None;
        }
        if !self.pattern.is_match(&text) {
            cx.report(path, Code::Pattern, || match self.quote_pattern {
                true => format!(
                    "{} is not {}, matching {}",
                    quote(&text),
                    self.what,
                    self.pattern.anchored
                ),
                false => format!("{} is not {}", quote(&text), self.what),
            });
            return None;
        }
        (self.after)(cx, path, &text).then(|| text.into_string())
    }
}

/// A digest of a registered algorithm has its exact encoding: lower-case
/// hex digits, as many as the algorithm's.
fn registered_encoding(cx: &mut Cx<'_>, path: &Path<'_>, digest: &str) -> bool {
    let (algorithm, encoded) = digest.split_once(':').unwrap_or_default();
    let Some(&(_, length)) = REGISTERED.iter().find(|(a, _)| *a == algorithm) else {
        return true;
    };
    let hex = |c: u8| c.is_ascii_digit() || (b'a'..=b'f').contains(&c);
    if encoded.len() == length && encoded.bytes().all(hex) {
        return true;
    }
    cx.report(path, Code::Pattern, || {
        format!(
            "{} is not a {algorithm} digest: {algorithm}: and {length} lower-case hex digits",
            quote(digest)
        )
    });
    false
}

/// `data`: padded base64; the text and how many bytes it decodes to.
#[derive(Debug, Clone, Copy)]
struct DataReader;

impl Kind for DataReader {
    type Value = (String, usize);

    const EXPECTED: &'static str = "a base64 string";

    fn text(self, cx: &mut Cx<'_>, path: &Path<'_>, text: Text<'_>) -> Option<(String, usize)> {
        match Blob::from_base64(&text) {
            Ok(blob) => Some((text.into_string(), blob.len())),
            Err(e) => {
                cx.report(path, Code::Base64, || {
                    format!("data is not padded base64: {e}")
                });
                None
            }
        }
    }
}

object_reader! {
    /// The platform of an index's manifest.
    struct PlatformReader;
    value: Platform, "an object";
    others: None;
    members: {
        "architecture" => architecture: text(),
        "os" => os: text(),
        "os.version" => os_version: text(),
        "os.features" => os_features: strings(),
        "variant" => variant: text(),
        "features" => features: strings(),
    }
    finish: |_, cx, path| {
        let architecture = architecture.required(cx, path, "architecture");
        let os = os.required(cx, path, "os");
        Ok((|| {
            Some(Platform {
                architecture: architecture?,
                os: os?,
                os_version: os_version.optional()?,
                os_features: optional_list(os_features)?,
                variant: variant.optional()?,
                features: optional_list(features)?,
            })
        })())
    }
}

object_reader! {
    /// A descriptor: what a manifest points to.
    struct DescriptorReader;
    value: Descriptor, "an object (a descriptor)";
    others: None;
    members: {
        "mediaType" => media_type: MEDIA_TYPE_TEXT,
        "digest" => digest: DIGEST_TEXT,
        "size" => size: Int::<i64>::new(&SIZE),
        "urls" => urls: ListOf { item: URI_TEXT, min: 0 },
        "annotations" => notes: annotations(),
        "data" => data: DataReader,
        "artifactType" => artifact_type: MEDIA_TYPE_TEXT,
        "platform" => platform: PlatformReader,
    }
    finish: |_, cx, path| {
        let media_type = media_type.required(cx, path, "mediaType");
        let digest = digest.required(cx, path, "digest");
        let size = size.required(cx, path, "size");
        let mut ok = true;
        // The data is the content itself: as many bytes as the size says.
        if let (Some((_, decoded)), Some(size)) = (data.value(), size) {
            if i64::try_from(*decoded).ok() != Some(size) {
                ok = false;
                cx.report(&path.key("data"), Code::Conflict, || {
                    format!("data decodes to {decoded} bytes, but size is {size}")
                });
            }
        }
        Ok((|| {
            let descriptor = Descriptor {
                media_type: media_type?,
                digest: digest?,
                size: size?,
                urls: optional_list(urls)?,
                annotations: notes.optional()?,
                data: data.optional()?.map(|(text, _)| text),
                artifact_type: artifact_type.optional()?,
                platform: platform.optional()?,
            };
            ok.then_some(descriptor)
        })())
    }
}

/// What a document is, by its media type or its shape.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    Manifest,
    Index,
    Schema1,
}

impl Family {
    fn of(media_type: &ManifestMediaType) -> Option<Family> {
        match media_type {
            ManifestMediaType::DockerManifest | ManifestMediaType::OciManifest => {
                Some(Family::Manifest)
            }
            ManifestMediaType::DockerManifestList | ManifestMediaType::OciIndex => {
                Some(Family::Index)
            }
            ManifestMediaType::DockerSchema1 | ManifestMediaType::DockerSchema1Signed => {
                Some(Family::Schema1)
            }
            ManifestMediaType::Unknown(_) => None,
        }
    }

    fn title(self) -> &'static str {
        match self {
            Family::Manifest => "an image manifest",
            Family::Index => "an image index (manifest list)",
            Family::Schema1 => "a schema 1 manifest",
        }
    }

    fn schema_version(self) -> i64 {
        match self {
            Family::Schema1 => 1,
            _ => 2,
        }
    }
}

object_reader! {
    /// A whole manifest, under every rule.
    pub(super) struct ManifestReader;
    value: ImageManifest, "an object";
    others: None;
    members: {
        "schemaVersion" => version: Int::<i64>::new(&IntRule::I64),
        "mediaType" => media_type: text(),
        "artifactType" => artifact_type: MEDIA_TYPE_TEXT,
        "config" => config: DescriptorReader,
        "layers" => layers: descriptors(1),
        "manifests" => manifests: descriptors(0),
        "subject" => subject: DescriptorReader,
        "annotations" => notes: annotations(),
    }
    finish: |_, cx, path| {
        // The media type, and the kind it names.
        let mut ok = true;
        let (declared, named) = match media_type.value() {
            Some(text) => {
                let at = path.key("mediaType");
                let base = text.split(';').next().unwrap_or_default().trim();
                if no_parameters(cx, &at, text) {
                    match enum_value(ManifestMediaType::VALUES, cx, &at, base) {
                        Some(Some(index)) => {
                            let known = ManifestMediaType::from_index(index);
                            (known.as_ref().and_then(Family::of), known)
                        }
                        Some(None) => (None, Some(ManifestMediaType::Unknown(text.clone()))),
                        None => (None, None),
                    }
                } else {
                    // Refused, but the type before the parameters still
                    // says what the rest of the document is held to.
                    ok = false;
                    let known = crate::enums::position(ManifestMediaType::VALUES, base)
                        .and_then(ManifestMediaType::from_index);
                    (known.as_ref().and_then(Family::of), None)
                }
            }
            None => (None, None),
        };
        let family = declared.unwrap_or_else(|| {
            if manifests.is_present() {
                Family::Index
            } else if config.is_present() || layers.is_present() {
                Family::Manifest
            } else if version.value() == Some(&1) {
                Family::Schema1
            } else {
                Family::Manifest
            }
        });
        // The schema version of the kind.
        let expected = family.schema_version();
        let version = version.required(cx, path, "schemaVersion");
        if let Some(v) = version {
            if v != expected {
                ok = false;
                cx.report(&path.key("schemaVersion"), Code::Range, || {
                    format!("schemaVersion is {expected} in {}, not {v}", family.title())
                });
            }
        }
        // The members of the kind, and those of the other kind.
        let conflict = |cx: &mut Cx<'_>, name: &str, has: &str| {
            cx.report(&path.key(name), Code::Conflict, || {
                format!("{} has {has}, not {name}", family.title())
            });
        };
        match family {
            Family::Manifest if manifests.is_present() => {
                ok = false;
                conflict(cx, "manifests", "config and layers");
            }
            Family::Index => {
                for (name, got) in [
                    ("config", config.is_present()),
                    ("layers", layers.is_present()),
                ] {
                    if got {
                        ok = false;
                        conflict(cx, name, "manifests");
                    }
                }
            }
            _ => {}
        }
        Ok(match family {
            Family::Manifest => {
                let config = config.required(cx, path, "config");
                let layers = layers.required(cx, path, "layers");
                (|| {
                    let manifest = Manifest {
                        schema_version: version?,
                        media_type: named,
                        artifact_type: artifact_type.optional()?,
                        config: config?,
                        layers: all(layers?)?,
                        subject: subject.optional()?,
                        annotations: notes.optional()?,
                    };
                    ok.then_some(ImageManifest::Manifest(Box::new(manifest)))
                })()
            }
            Family::Index => {
                let manifests = manifests.required(cx, path, "manifests");
                (|| {
                    let index = ImageIndex {
                        schema_version: version?,
                        media_type: named,
                        artifact_type: artifact_type.optional()?,
                        manifests: all(manifests?)?,
                        subject: subject.optional()?,
                        annotations: notes.optional()?,
                    };
                    ok.then_some(ImageManifest::Index(Box::new(index)))
                })()
            }
            Family::Schema1 => (|| {
                let manifest = Schema1Manifest {
                    schema_version: version?,
                    media_type: named,
                };
                ok.then_some(ImageManifest::Schema1(manifest))
            })(),
        })
    }
}

/// The check of a manifest's text: every rule ([`ManifestReader`]), or in
/// a response only those AWS is seen to enforce ([`Evidenced`]).
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct CheckReader;

impl Kind for CheckReader {
    type Value = ();

    const EXPECTED: &'static str = "an object";

    fn read(self, p: &mut crate::parse::Parser<'_>, cx: &mut Cx<'_>, path: &Path<'_>) -> Read<()> {
        if cx.every_document_rule() {
            Ok(ManifestReader.read(p, cx, path)?.map(drop))
        } else {
            Evidenced::Top.read(p, cx, path)
        }
    }
}

/// A manifest in a response: any JSON is read, and only the media types
/// are held to a rule, the one AWS is seen to enforce (no parameters).
/// Each value is read as the place it is at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Evidenced {
    /// The document.
    Top,
    /// `config`, `subject`, an item of `layers` or `manifests`.
    Descriptor,
    /// `layers`, `manifests`.
    Descriptors,
    /// A `mediaType` or `artifactType` of the document or a descriptor.
    MediaType,
    /// Anything else.
    Other,
}

impl Kind for Evidenced {
    type Value = ();

    const EXPECTED: &'static str = "any JSON value";

    fn text(self, cx: &mut Cx<'_>, path: &Path<'_>, text: Text<'_>) -> Option<()> {
        if self == Evidenced::MediaType {
            no_parameters(cx, path, &text);
        }
        Some(())
    }

    fn number(self, _: &mut Cx<'_>, _: &Path<'_>, _: Number) -> Option<()> {
        Some(())
    }

    fn boolean(self, _: &mut Cx<'_>, _: &Path<'_>, _: bool) -> Option<()> {
        Some(())
    }

    fn null(self, _: &mut Cx<'_>, _: &Path<'_>) -> Option<()> {
        Some(())
    }

    fn seq(self, cx: &mut Cx<'_>, path: &Path<'_>, mut items: Items<'_, '_>) -> Read<()> {
        let item = match self {
            Evidenced::Descriptors => Evidenced::Descriptor,
            _ => Evidenced::Other,
        };
        let mut at = 0;
        while items.next_item()? {
            item.read(items.parser(), cx, &path.index(at))?;
            at += 1;
        }
        Ok(Some(()))
    }

    fn map(self, cx: &mut Cx<'_>, path: &Path<'_>, mut members: Members<'_, '_>) -> Read<()> {
        while let Some(key) = members.next_key()? {
            let value = match (self, &*key) {
                (Evidenced::Top | Evidenced::Descriptor, "mediaType" | "artifactType") => {
                    Evidenced::MediaType
                }
                (Evidenced::Top, "config" | "subject") => Evidenced::Descriptor,
                (Evidenced::Top, "layers" | "manifests") => Evidenced::Descriptors,
                _ => Evidenced::Other,
            };
            value.read(members.parser(), cx, &path.key(&key))?;
        }
        Ok(Some(()))
    }
}

impl ImageManifest {
    /// Reads a manifest as part of a document of `role`, under default
    /// options (what a payload's `image_manifest_document()` calls).
    pub(crate) fn read_as(text: &str, role: Role) -> Result<Self, Error> {
        super::read_document(text.as_bytes(), &Options::default(), role, ManifestReader)
    }
}

/// The JSON Schema (2020-12) of an image manifest, as a request carries
/// it: every rule above that JSON Schema can say; its description names
/// the others.
pub(crate) fn schema() -> serde_json::Value {
    use serde_json::json;
    let media_type = json!({"type": "string", "pattern": MEDIA_TYPE.portable});
    let registered: Vec<serde_json::Value> = REGISTERED
        .iter()
        .map(|(algorithm, hex)| {
            json!({
                "if": {"pattern": format!("^{algorithm}:")},
                "then": {"pattern": format!("^{algorithm}:[a-f0-9]{{{hex}}}$")}
            })
        })
        .collect();
    let strings = json!({"type": "array", "items": {"type": "string"}});
    let annotations = json!({"type": "object", "additionalProperties": {"type": "string"}});
    let kinds = |values: &[&str]| json!({"enum": values});
    let [docker, docker_list, oci, oci_index, schema1, schema1_signed] = ManifestMediaType::VALUES
    else {
        return json!(false);
    };
    let has = |member: &str| json!({"type": "object", "required": [member]});
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "ImageManifest",
        "description": "An image manifest (imageManifest): a Docker image manifest v2 schema 2 or manifest list, an OCI image manifest or index, as ecr-models checks it in a request; Docker schema 1 is accepted minimally. Members the specifications do not define are allowed. Not said here: a descriptor's data decodes to exactly size bytes. Not checked at all: a manifest without mediaType, which ECR refuses when the request's imageManifestMediaType names none (the rule needs the sibling member).",
        "type": "object",
        "if": has("mediaType"),
        "then": {
            "type": "object",
            "properties": {"mediaType": kinds(ManifestMediaType::VALUES)},
            "allOf": [
                {"if": {"type": "object", "properties": {"mediaType": kinds(&[docker_list, oci_index])}}, "then": {"$ref": "#/$defs/Index"}},
                {"if": {"type": "object", "properties": {"mediaType": kinds(&[docker, oci])}}, "then": {"$ref": "#/$defs/Manifest"}},
                {"if": {"type": "object", "properties": {"mediaType": kinds(&[schema1, schema1_signed])}}, "then": {"$ref": "#/$defs/Schema1"}}
            ]
        },
        "else": {
            "if": has("manifests"),
            "then": {"$ref": "#/$defs/Index"},
            "else": {
                "if": {"anyOf": [has("config"), has("layers")]},
                "then": {"$ref": "#/$defs/Manifest"},
                "else": {
                    "if": {"type": "object", "properties": {"schemaVersion": {"const": 1}}, "required": ["schemaVersion"]},
                    "then": {"$ref": "#/$defs/Schema1"},
                    "else": {"$ref": "#/$defs/Manifest"}
                }
            }
        },
        "$defs": {
            "Manifest": {
                "type": "object",
                "required": ["schemaVersion", "config", "layers"],
                "properties": {
                    "schemaVersion": {"type": "integer", "const": 2},
                    "artifactType": media_type,
                    "config": {"$ref": "#/$defs/Descriptor"},
                    "layers": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/Descriptor"}},
                    "subject": {"$ref": "#/$defs/Descriptor"},
                    "annotations": annotations
                },
                "not": has("manifests")
            },
            "Index": {
                "type": "object",
                "required": ["schemaVersion", "manifests"],
                "properties": {
                    "schemaVersion": {"type": "integer", "const": 2},
                    "artifactType": media_type,
                    "manifests": {"type": "array", "items": {"$ref": "#/$defs/Descriptor"}},
                    "subject": {"$ref": "#/$defs/Descriptor"},
                    "annotations": annotations
                },
                "allOf": [{"not": has("config")}, {"not": has("layers")}]
            },
            "Schema1": {
                "type": "object",
                "required": ["schemaVersion"],
                "properties": {"schemaVersion": {"type": "integer", "const": 1}}
            },
            "Descriptor": {
                "type": "object",
                "required": ["mediaType", "digest", "size"],
                "properties": {
                    "mediaType": media_type,
                    "artifactType": media_type,
                    "digest": {"type": "string", "pattern": DIGEST.portable, "allOf": registered},
                    "size": {"type": "integer", "minimum": SIZE.min, "maximum": SIZE.max},
                    "urls": {"type": "array", "items": {"type": "string", "pattern": URI.portable}},
                    "annotations": annotations,
                    "data": {"type": "string", "pattern": crate::blob::portable_pattern()},
                    "platform": {"$ref": "#/$defs/Platform"}
                }
            },
            "Platform": {
                "type": "object",
                "required": ["architecture", "os"],
                "properties": {
                    "architecture": {"type": "string"},
                    "os": {"type": "string"},
                    "os.version": {"type": "string"},
                    "os.features": strings,
                    "variant": {"type": "string"},
                    "features": strings
                }
            }
        }
    })
}
