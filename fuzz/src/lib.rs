//! What the fuzz targets share: how an input's first bytes choose what the
//! rest is checked against, and the invariants every verdict must keep.
//!
//! Input layouts (the seed maker, `examples/make_seeds.rs`, writes the same):
//!
//! - `from_json`: `[flags, shape_lo, shape_hi, document...]`
//! - `error_body`: `[flags, operation, body...]`
//! - `jsonl`: `[flags, target_lo, target_hi, lines...]`
//! - `timestamp`: `[mode, payload...]`
//! - `lifecycle_policy`, `policy`, `image_manifest`: `[flags, text...]` ([`document`])
//!
//! `flags`: bit 0 the service (`Service::ALL`), bit 1 strict mode, bit 2
//! unknown enum values allowed, bit 3 (`from_json`) also check with a small
//! `max_violations`, bits 4-6 that limit minus one; for `error_body` bit 3
//! means "no operation" (`from_json_with(body, None, ..)`); for `jsonl`
//! bits 3-4 are the number of threads minus one.

use ecr_models::registry::{self, Entry, ShapeRef};
use ecr_models::{Code, Error, Operation, Options, Service};
use ecr_validate::target::{Direction, Target};

/// The longest message any violation may have, in bytes. Values are quoted
/// to about 100 characters; the rest of a message is the rule (a model
/// pattern, an enum's values, a list of declared errors), all bounded by the
/// model, not by the input.
pub const MAX_MESSAGE_BYTES: usize = 4096;

/// The service a flags byte chooses.
pub fn service(flags: u8) -> Service {
    Service::ALL[usize::from(flags & 1) % Service::ALL.len()]
}

/// The options a flags byte chooses (strict and unknown enums).
pub fn options(flags: u8) -> Options {
    Options::default()
        .strict(flags & 2 != 0)
        .allow_unknown_enums(flags & 4 != 0)
}

/// Every structure of `service`: the shapes that can be checked as documents.
pub fn structures(service: Service) -> Vec<&'static Entry> {
    registry::entries(service)
        .iter()
        .filter(|e| matches!(e.shape, ShapeRef::Structure(_)))
        .collect()
}

/// A little-endian `u16` from two bytes (missing bytes are zero).
pub fn u16_at(data: &[u8], at: usize) -> usize {
    let lo = data.get(at).copied().unwrap_or(0);
    let hi = data.get(at + 1).copied().unwrap_or(0);
    usize::from(u16::from_le_bytes([lo, hi]))
}

/// The structure an index chooses, wrapping around.
pub fn structure(service: Service, index: usize) -> &'static Entry {
    let all = structures(service);
    all[index % all.len()]
}

/// The operation an index chooses, wrapping around.
pub fn operation(service: Service, index: usize) -> &'static Operation {
    let all = registry::operations(service);
    &all[index % all.len()]
}

/// What a `jsonl` input is checked against: every structure, then every
/// operation's input, output and errors.
pub fn target(service: Service, index: usize) -> Target<'static> {
    let shapes = structures(service);
    let ops = registry::operations(service);
    let index = index % (shapes.len() + 3 * ops.len());
    if let Some(entry) = shapes.get(index) {
        return Target::Shape(entry);
    }
    let at = index - shapes.len();
    let direction = [Direction::Input, Direction::Output, Direction::Error(None)][at % 3];
    Target::Operation(&ops[at / 3], direction)
}

/// The index of `name` among the structures of `service` (for seeds).
pub fn structure_index(service: Service, name: &str) -> Option<usize> {
    structures(service).iter().position(|e| e.name == name)
}

/// The index of the operation `name` of `service` (for seeds).
pub fn operation_index(service: Service, name: &str) -> Option<usize> {
    registry::operations(service)
        .iter()
        .position(|o| o.name == name)
}

/// The invariants of any rejection under `opts`: at least one violation, at
/// most `max_violations` listed and the rest counted, bounded messages,
/// JSON Pointers, line and column only for `syntax` and `limit`, which end
/// the pass and so come last (unless they are about an embedded document's
/// text, at the member that carries it).
pub fn check_error(error: &Error, opts: &Options) {
    let listed = error.violations().len();
    assert!(error.total() > 0, "a rejection has a violation: {error:?}");
    assert!(
        listed <= opts.max_violations,
        "{listed} violations listed, limit {}",
        opts.max_violations
    );
    if listed < opts.max_violations {
        assert_eq!(error.omitted(), 0, "omitted below the limit: {error:?}");
    }
    for (i, v) in error.violations().iter().enumerate() {
        assert!(
            v.path.is_empty() || v.path.starts_with('/'),
            "not a JSON Pointer: {:?}",
            v.path
        );
        assert!(
            v.message.len() <= MAX_MESSAGE_BYTES,
            "a {} byte message: {:?}...",
            v.message.len(),
            &v.message[..v.message.floor_char_boundary(200)]
        );
        assert!(!v.message.is_empty(), "an empty message: {v:?}");
        if (v.code == Code::Syntax || v.code == Code::Limit) && v.path.is_empty() {
            assert_eq!(i, listed - 1, "{} ends the pass: {error:?}", v.code);
        }
        // A place is a line and a column from 1, and, for a document's
        // text, the bytes the violation is about.
        assert_eq!(v.line.is_some(), v.column.is_some(), "{v:?}");
        assert!(v.line != Some(0) && v.column != Some(0), "{v:?}");
        if let Some(span) = v.span {
            assert!(v.line.is_some() && span.start <= span.end, "{v:?}");
        }
        // Display must not panic and stays bounded by the message and the
        // path as it is written (control characters escaped).
        let shown = v.to_string();
        let path: usize = v
            .path
            .chars()
            .map(|c| match c.is_control() {
                true => c.escape_unicode().len(),
                false => c.len_utf8(),
            })
            .sum();
        assert!(shown.len() <= path + v.message.len() + 100);
    }
    let _ = error.to_string();
}

/// Whether `data` is one well-formed JSON document by `serde_json`'s most
/// lenient reading (what skipping an unknown member accepts), at any depth.
pub fn parses_leniently(data: &[u8]) -> bool {
    use serde::Deserialize as _;
    let mut de = serde_json::Deserializer::from_slice(data);
    de.disable_recursion_limit();
    serde::de::IgnoredAny::deserialize(&mut de).is_ok() && de.end().is_ok()
}

/// The syntax invariants: a document `serde_json` holds as a `Value` has
/// no `syntax` violation of its own, only ones at a member whose string
/// is the text of an embedded document (a policy, a manifest) that is not
/// JSON; one it cannot even skip has one, unless reading stopped at a
/// limit first.
pub fn check_syntax(data: &[u8], verdict: &Result<(), Error>) {
    let violations = verdict.as_ref().err().map_or(&[][..], |e| e.violations());
    let syntax = violations.iter().any(|v| v.code == Code::Syntax);
    let limit = violations.iter().any(|v| v.code == Code::Limit);
    if let Ok(value) = serde_json::from_slice::<serde_json::Value>(data) {
        for v in violations.iter().filter(|v| v.code == Code::Syntax) {
            assert!(
                !v.path.is_empty() && value.pointer(&v.path).is_some_and(|m| m.is_string()),
                "well-formed JSON reported as syntax, not at an embedded document's text: {verdict:?}"
            );
        }
    }
    if !parses_leniently(data) {
        assert!(
            syntax || limit,
            "malformed JSON not reported as syntax: {verdict:?}"
        );
    }
}

/// Reads `recording` as `format` (options from `flags`) and checks every
/// exchange: numbered from 1 in order, each once; an ECR exchange has a
/// request verdict and at most one more, each rejection keeping the
/// invariants of [`check_error`]; a recording error has a position and a
/// message that quotes nothing.
pub fn check_traffic(recording: &[u8], flags: u8, format: ecr_models::traffic::Format) {
    use ecr_models::traffic::{self, Exchange, Format, Side};
    use std::ops::ControlFlow;
    let opts = options(flags);
    let mut last = 0;
    let each = |exchange: Exchange| {
        assert_eq!(exchange.index, last + 1, "exchanges out of order");
        last = exchange.index;
        if let Some(checked) = traffic::check(&exchange, &opts) {
            assert!(!checked.sides.is_empty() && checked.sides.len() <= 2);
            assert_eq!(checked.sides[0].side, Side::Request);
            for side in &checked.sides {
                if let Err(e) = &side.verdict {
                    check_error(e, &opts);
                }
            }
        }
        ControlFlow::Continue(())
    };
    let result = match format {
        Format::Har => traffic::read_har(recording, each),
        Format::Dvr => traffic::read_dvr(recording, each),
    };
    if let Err(e) = result {
        assert!(e.line >= 1, "no line: {e:?}");
        assert!(!e.message.is_empty());
        assert!(!e.message.contains('"'), "a quoted value: {}", e.message);
    }
}

/// The documents payloads carry, fuzzed alone and inside the request that
/// carries them (targets `lifecycle_policy`, `policy`, `image_manifest`):
/// `[flags, text...]`, the flags' high four bits choosing one of the
/// target's carriers (modulo their number), bit 3 a response, bit 0 (image
/// manifests) the request's `imageManifestMediaType`.
pub mod document {
    use ecr_models::documents::check_text;
    use ecr_models::{registry, Code, Service};

    /// A kind of document and a request that carries it: service,
    /// document, operation, member, the member's length bounds.
    pub type Carrier = (
        Service,
        &'static str,
        &'static str,
        &'static str,
        (usize, usize),
    );

    /// Lifecycle policies.
    pub const LIFECYCLE_POLICY: &[Carrier] = &[(
        Service::Ecr,
        "LifecyclePolicy",
        "PutLifecyclePolicy",
        "lifecyclePolicyText",
        (100, 30720),
    )];

    /// ECR's repository and registry policies, ECR Public's repository
    /// policy.
    pub const POLICY: &[Carrier] = &[
        (
            Service::Ecr,
            "RepositoryPolicy",
            "SetRepositoryPolicy",
            "policyText",
            (0, 10240),
        ),
        (
            Service::Ecr,
            "RegistryPolicy",
            "PutRegistryPolicy",
            "policyText",
            (0, 10240),
        ),
        (
            Service::EcrPublic,
            "RepositoryPolicy",
            "SetRepositoryPolicy",
            "policyText",
            (0, 10240),
        ),
    ];

    /// Image manifests of either service.
    pub const IMAGE_MANIFEST: &[Carrier] = &[
        (
            Service::Ecr,
            "ImageManifest",
            "PutImage",
            "imageManifest",
            (1, 4194304),
        ),
        (
            Service::EcrPublic,
            "ImageManifest",
            "PutImage",
            "imageManifest",
            (1, 4194304),
        ),
    ];

    /// Any text as one of `carriers`' documents, alone and inside the
    /// request that carries it: never a panic; a rejection keeps the
    /// invariants of [`check_error`](super::check_error); and the request's
    /// violations at the member are the document's own, their paths
    /// continued (when the text's length is in bounds and neither list is
    /// cut by the limit), and, without the member that stands in for one
    /// of the document's, the one violation that says the document lacks
    /// it.
    pub fn check(data: &[u8], carriers: &[Carrier]) {
        use super as fz;
        let Some(&flags) = data.first() else {
            return;
        };
        let text = data.get(1..).unwrap_or_default();
        let (service, name, operation, member, (min, max)) =
            carriers[usize::from(flags >> 4) % carriers.len()];
        let embedded = registry::document(service, name).expect("a kind of the service");
        let opts = fz::options(flags);
        let response = flags & 8 != 0;
        let verdict = check_text(embedded, text, &opts, response);
        if let Err(e) = &verdict {
            fz::check_error(e, &opts);
        }

        // Inside a request: only text, as a JSON string holds.
        let Ok(text) = std::str::from_utf8(text) else {
            return;
        };
        let op = registry::operation(service, operation).expect("an operation");
        let mut request = serde_json::json!({"repositoryName": "my-repo"});
        request[member] = text.into();
        // Flag bit 0 gives the member that stands in for one of the document's
        // (an image manifest's media type); without it, the request may add
        // the one violation that says it is missing.
        let stand_in = embedded.stand_in.as_ref();
        if let Some(stand_in) = stand_in.filter(|_| flags & 1 != 0) {
            request[stand_in.beside] = "application/vnd.oci.image.manifest.v1+json".into();
        }
        let json = serde_json::to_vec(&request).expect("a Value writes");
        let whole = op.check_input(&json, &opts);
        if let Err(e) = &whole {
            fz::check_error(e, &opts);
        }
        let length = text.chars().count();
        if response || !(min..=max).contains(&length) {
            return;
        }
        let prefix = format!("/{member}");
        let mut inside: Vec<(String, Code)> = whole
            .as_ref()
            .err()
            .map(|e| {
                e.violations()
                    .iter()
                    .filter_map(|v| Some((v.path.strip_prefix(&prefix)?.to_string(), v.code)))
                    .collect()
            })
            .unwrap_or_default();
        if let Some(stand_in) = stand_in.filter(|_| flags & 1 == 0) {
            let missing = (format!("/{}", stand_in.member), Code::Required);
            // A document alone is never held to it.
            if inside.last() == Some(&missing) {
                inside.pop();
            }
        }
        let alone: Vec<(String, Code)> = verdict
            .as_ref()
            .err()
            .map(|e| {
                e.violations()
                    .iter()
                    .map(|v| (v.path.clone(), v.code))
                    .collect()
            })
            .unwrap_or_default();
        let cut =
            |r: &Result<(), ecr_models::Error>| r.as_ref().err().is_some_and(|e| e.omitted() > 0);
        if !cut(&whole) && !cut(&verdict) {
            assert_eq!(inside, alone);
        }
    }
}
