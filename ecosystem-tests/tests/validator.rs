//! A user's config struct derives `validator::Validate` and nests ECR types
//! (`#[validate(nested)]`): each violation of the ECR types lands in
//! validator's tree with its code, message and JSON Pointer.

use std::borrow::Cow;

use ecr_models::ecr::{CreateRepositoryRequest, PutLifecyclePolicyRequest};
use ecr_models::from_json;
use validator::{Validate, ValidationError, ValidationErrors, ValidationErrorsKind};

/// What a service keeps in its configuration: a name of its own, checked by
/// validator's rules, and the ECR requests it sends.
#[derive(Debug, Validate)]
struct Deployment {
    #[validate(length(min = 1))]
    team: String,
    #[validate(nested)]
    repository: CreateRepositoryRequest,
    #[validate(nested)]
    lifecycle: Option<PutLifecyclePolicyRequest>,
}

/// The one `Field` error at `key` of `errors`.
fn only<'e>(errors: &'e ValidationErrors, key: &str) -> &'e ValidationError {
    match errors.errors().get(key) {
        Some(ValidationErrorsKind::Field(list)) if list.len() == 1 => &list[0],
        other => panic!("{key}: {other:?}"),
    }
}

fn nested<'e>(errors: &'e ValidationErrors, key: &str) -> &'e ValidationErrors {
    match errors.errors().get(key) {
        Some(ValidationErrorsKind::Struct(inner)) => inner,
        other => panic!("{key}: {other:?}"),
    }
}

fn pointer(error: &ValidationError) -> &str {
    error.params["pointer"].as_str().expect("a pointer")
}

fn repository(json: &str) -> CreateRepositoryRequest {
    // Read leniently: a value built or read elsewhere, checked by validate().
    serde_json::from_str(json).expect("the shape of the type")
}

#[test]
fn a_valid_deployment_is_valid() {
    let deployment = Deployment {
        team: "platform".into(),
        repository: from_json(
            r#"{"repositoryName": "team/app", "tags": [{"Key": "team", "Value": "platform"}]}"#,
        )
        .expect("valid"),
        lifecycle: None,
    };
    assert!(deployment.validate().is_ok());
}

#[test]
fn each_violation_lands_where_its_pointer_leads_with_its_code_and_message() {
    let policy = r#"{"rules": [{"rulePriority": 1, "selection": {"tagStatus": "untagged", "countType": "sinceImagePushed", "countNumber": 14}, "action": {"type": "expire"}}]}"#;
    let deployment = Deployment {
        team: String::new(),
        repository: repository(
            r#"{"repositoryName": "Team/App", "imageTagMutability": "IMMUTABLE_WITH_EXCLUSION",
                "imageTagMutabilityExclusionFilters": [{"filterType": "WILDCARD", "filter": "release-*"}, {"filterType": "WILDCARD", "filter": "no spaces"}],
                "encryptionConfiguration": {"encryptionType": "AES256", "kmsKey": ""}}"#,
        ),
        lifecycle: Some(
            PutLifecyclePolicyRequest::builder()
                .repository_name("team/app")
                .lifecycle_policy_text(policy)
                .build_unchecked()
                .expect("every required member set"),
        ),
    };
    let errors = deployment.validate().expect_err("invalid");

    // validator's own rule beside ours.
    assert_eq!(only(&errors, "team").code, Cow::Borrowed("length"));

    // A member: a Field error under its name on the wire.
    let repository = nested(&errors, "repository");
    let name = only(repository, "repositoryName");
    assert_eq!(name.code, "pattern");
    assert_eq!(pointer(name), "/repositoryName");
    assert!(name
        .message
        .as_deref()
        .is_some_and(|m| m.contains("does not match the pattern")));

    // A list of structures: List, by index, then the item's members.
    let filters = repository
        .errors()
        .get("imageTagMutabilityExclusionFilters");
    let Some(ValidationErrorsKind::List(items)) = filters else {
        panic!("filters: {repository:?}");
    };
    assert_eq!(items.keys().copied().collect::<Vec<_>>(), [1]);
    let filter = only(&items[&1], "filter");
    assert_eq!(
        (filter.code.as_ref(), pointer(filter)),
        ("pattern", "/imageTagMutabilityExclusionFilters/1/filter")
    );

    // A nested structure: Struct.
    let kms = only(nested(repository, "encryptionConfiguration"), "kmsKey");
    assert_eq!(
        (kms.code.as_ref(), pointer(kms)),
        ("length", "/encryptionConfiguration/kmsKey")
    );

    // Inside the document a string carries: at the member, the pointer
    // going on into the document.
    let text = only(nested(&errors, "lifecycle"), "lifecyclePolicyText");
    assert_eq!(text.code, "required");
    assert_eq!(
        pointer(text),
        "/lifecyclePolicyText/rules/0/selection/countUnit"
    );
}

#[test]
fn an_item_of_a_list_of_strings_stands_at_the_list_its_pointer_naming_the_item() {
    use ecr_models::ecr::BatchGetRepositoryScanningConfigurationRequest;
    let request: BatchGetRepositoryScanningConfigurationRequest =
        serde_json::from_str(r#"{"repositoryNames": ["ok", "Not OK"]}"#).expect("shape");
    let errors = request.validate().expect_err("invalid");
    let item = only(&errors, "repositoryNames");
    assert_eq!(
        (item.code.as_ref(), pointer(item)),
        ("pattern", "/repositoryNames/1")
    );
}
