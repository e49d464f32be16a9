//! A user's struct derives `garde::Validate` and dives into ECR types: one
//! report entry per violation, at its exact path, the options of
//! ecr-models as the context.

use ecr_models::ecr::{CreateRepositoryRequest, PutLifecyclePolicyRequest};
use ecr_models::Options;
use garde::Validate;

/// The context is ecr-models' `Options`: strict mode, say, holds in every
/// ECR type below.
#[derive(Debug, garde::Validate)]
#[garde(context(Options))]
struct Deployment {
    #[garde(length(min = 1))]
    team: String,
    #[garde(dive)]
    repository: CreateRepositoryRequest,
    #[garde(dive)]
    lifecycle: Vec<PutLifecyclePolicyRequest>,
}

fn entries(report: &garde::Report) -> Vec<(String, String)> {
    report
        .iter()
        .map(|(path, error)| (path.to_string(), error.message().to_string()))
        .collect()
}

#[test]
fn each_violation_is_an_entry_at_its_exact_path() {
    let repository: CreateRepositoryRequest = serde_json::from_str(
        r#"{"repositoryName": "Team/App", "imageTagMutability": "IMMUTABLE_WITH_EXCLUSION",
            "imageTagMutabilityExclusionFilters": [{"filterType": "WILDCARD", "filter": "no spaces"}]}"#,
    )
    .expect("the shape of the type");
    let policy = r#"{"rules": [{"rulePriority": 1, "selection": {"tagStatus": "untagged", "countType": "sinceImagePushed", "countNumber": 14}, "action": {"type": "expire"}}]}"#;
    let deployment = Deployment {
        team: String::new(),
        repository,
        lifecycle: vec![PutLifecyclePolicyRequest::builder()
            .repository_name("team/app")
            .lifecycle_policy_text(policy)
            .build_unchecked()
            .expect("every required member set")],
    };
    let report = deployment
        .validate_with(&Options::default())
        .expect_err("invalid");
    // garde orders its report its own way: compared by path.
    let mut found = entries(&report);
    found.sort();
    let paths: Vec<&str> = found.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(
        paths,
        [
            "lifecycle[0].lifecyclePolicyText.rules[0].selection.countUnit",
            "repository.imageTagMutabilityExclusionFilters[0].filter",
            "repository.repositoryName",
            "team",
        ]
    );
    assert!(found[0].1.starts_with("[required] "), "{found:?}");
    assert!(
        found[2]
            .1
            .starts_with("[pattern] \"Team/App\" does not match"),
        "{found:?}"
    );
}

#[test]
fn the_options_are_the_context() {
    let repository: CreateRepositoryRequest =
        serde_json::from_str(r#"{"repositoryName": "team/app"}"#).expect("shape");
    assert!(repository.validate_with(&Options::default()).is_ok());
    // A value built in code has no unknown member to find; the options
    // still reach the check: an enum value newer than the model.
    let lenient: CreateRepositoryRequest =
        serde_json::from_str(r#"{"repositoryName": "team/app", "imageTagMutability": "SOMEDAY"}"#)
            .expect("an unknown value is kept");
    let report = lenient
        .validate_with(&Options::default())
        .expect_err("closed");
    assert_eq!(entries(&report)[0].0, "imageTagMutability");
    assert!(lenient
        .validate_with(&Options::default().allow_unknown_enums(true))
        .is_ok());
}
