//! Any text as a lifecycle policy, alone and inside the request that
//! carries it: never a panic; a rejection keeps the invariants of
//! `ecr_models_fuzz::check_error`; the typed reader and the check agree;
//! and the request's violations at `/lifecyclePolicyText` are the
//! document's own, their paths continued (when the text's length is in
//! bounds and the list is not cut by the limit).
#![no_main]

use ecr_models::documents::{check_text, LifecyclePolicy};
use ecr_models::ecr::PutLifecyclePolicyRequest;
use ecr_models::{check_slice, Code};
use ecr_models_fuzz as fz;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some(&flags) = data.first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(data.get(1..).unwrap_or_default()) else {
        return;
    };
    let opts = fz::options(flags);
    let response = flags & 64 != 0;
    let embedded = &ecr_models::ecr::rules::LIFECYCLE_POLICY;
    let verdict = check_text(embedded, text.as_bytes(), &opts, response);
    if let Err(e) = &verdict {
        fz::check_error(e, &opts);
    }
    if !response {
        let typed = LifecyclePolicy::from_json_with(text, &opts);
        assert_eq!(typed.is_ok(), verdict.is_ok(), "{typed:?} vs {verdict:?}");
    }

    let request = serde_json::json!({"repositoryName": "my-repo", "lifecyclePolicyText": text});
    let json = serde_json::to_vec(&request).expect("a Value writes");
    let whole = check_slice::<PutLifecyclePolicyRequest>(&json, &opts);
    if let Err(e) = &whole {
        fz::check_error(e, &opts);
    }
    let length = text.chars().count();
    if response || !(100..=30720).contains(&length) {
        return;
    }
    let inside: Vec<(String, Code)> = whole
        .as_ref()
        .err()
        .map(|e| {
            e.violations()
                .iter()
                .filter_map(|v| {
                    let rest = v.path.strip_prefix("/lifecyclePolicyText")?;
                    Some((rest.to_string(), v.code))
                })
                .collect()
        })
        .unwrap_or_default();
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
