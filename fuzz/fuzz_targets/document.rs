//! Any text as each document that payloads carry (the flags' high four
//! bits choose the kind, modulo the number of kinds: a lifecycle policy,
//! ECR's repository or registry policy, ECR Public's repository policy, an
//! image manifest of either service, and any added since), alone and
//! inside the request that carries it: never a panic; a rejection keeps
//! the invariants of `ecr_models_fuzz::check_error`; and the request's
//! violations at the member are the document's own, their paths continued
//! (when the text's length is in bounds and neither list is cut by the
//! limit).
#![no_main]

use ecr_models::documents::check_text;
use ecr_models::{registry, Code, Service};
use ecr_models_fuzz as fz;
use libfuzzer_sys::fuzz_target;

/// Each kind of document, and a request that carries it: service,
/// document, operation, member, the member's length bounds.
const CARRIERS: &[(Service, &str, &str, &str, (usize, usize))] = &[
    (Service::Ecr, "LifecyclePolicy", "PutLifecyclePolicy", "lifecyclePolicyText", (100, 30720)),
    (Service::Ecr, "RepositoryPolicy", "SetRepositoryPolicy", "policyText", (0, 10240)),
    (Service::Ecr, "RegistryPolicy", "PutRegistryPolicy", "policyText", (0, 10240)),
    (Service::EcrPublic, "RepositoryPolicy", "SetRepositoryPolicy", "policyText", (0, 10240)),
    (Service::Ecr, "ImageManifest", "PutImage", "imageManifest", (1, 4194304)),
    (Service::EcrPublic, "ImageManifest", "PutImage", "imageManifest", (1, 4194304)),
];

fuzz_target!(|data: &[u8]| {
    let Some(&flags) = data.first() else {
        return;
    };
    let text = data.get(1..).unwrap_or_default();
    let (service, name, operation, member, (min, max)) =
        CARRIERS[usize::from(flags >> 4) % CARRIERS.len()];
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
        .map(|e| e.violations().iter().map(|v| (v.path.clone(), v.code)).collect())
        .unwrap_or_default();
    let cut = |r: &Result<(), ecr_models::Error>| r.as_ref().err().is_some_and(|e| e.omitted() > 0);
    if !cut(&whole) && !cut(&verdict) {
        assert_eq!(inside, alone);
    }
});
