//! The builders of the generated structures, as a dependent crate uses
//! them: `build()` checks every rule, `build_unchecked()` only that the
//! required members are set, `to_builder()` changes an existing value.

use ecr_models::ecr::{
    AuthorizationData, CreateRepositoryRequest, EncryptionConfiguration, EncryptionType, Tag,
};
use ecr_models::{Code, Model};

mod common;

use common::pairs;

#[test]
fn build_gives_a_valid_value() {
    let tag = Tag::builder()
        .key("team")
        .value("platform")
        .build()
        .expect("valid");
    let request = CreateRepositoryRequest::builder()
        .repository_name("team/app")
        .tags(vec![tag])
        .encryption_configuration(
            EncryptionConfiguration::builder()
                .encryption_type(EncryptionType::Aes256)
                .build()
                .expect("valid"),
        )
        .build()
        .expect("valid");
    assert_eq!(request.repository_name, "team/app");
    assert_eq!(request.tags.as_deref().map(<[Tag]>::len), Some(1));
    assert_eq!(request.registry_id, None);
}

#[test]
fn build_refuses_every_broken_rule_and_every_required_member_never_set() {
    let err = CreateRepositoryRequest::builder()
        .repository_name("Team/App")
        .registry_id("12345")
        .build()
        .expect_err("two rules");
    assert_eq!(
        pairs(&err),
        [
            ("/registryId", Code::Pattern),
            ("/repositoryName", Code::Pattern)
        ]
    );
    let err = Tag::builder().build().expect_err("nothing set");
    assert_eq!(
        pairs(&err),
        [("/Key", Code::Required), ("/Value", Code::Required)]
    );
    // Unchecked, but the required members still make the value.
    let err = Tag::builder()
        .key("team")
        .build_unchecked()
        .expect_err("no Value");
    assert_eq!(pairs(&err), [("/Value", Code::Required)]);
}

#[test]
fn build_unchecked_keeps_an_invalid_value_for_a_test() {
    let invalid = CreateRepositoryRequest::builder()
        .repository_name("Team/App")
        .build_unchecked()
        .expect("every required member set");
    assert_eq!(
        pairs(&invalid.validate().expect_err("invalid")),
        [("/repositoryName", Code::Pattern)]
    );
}

#[test]
fn to_builder_changes_one_member_of_an_existing_value() {
    let request = CreateRepositoryRequest::builder()
        .repository_name("team/app")
        .registry_id("123456789012")
        .build()
        .expect("valid");
    let moved = request
        .to_builder()
        .repository_name("team/other")
        .build()
        .expect("valid");
    assert_eq!(
        (moved.repository_name.as_str(), moved.registry_id.as_deref()),
        ("team/other", Some("123456789012"))
    );
    let err = request
        .to_builder()
        .repository_name("x")
        .build()
        .expect_err("too short");
    assert_eq!(pairs(&err), [("/repositoryName", Code::Length)]);
}

#[test]
fn a_builder_of_secrets_shows_no_member() {
    let builder = AuthorizationData::builder().authorization_token("QVdTOnNlY3JldA==");
    let shown = format!("{builder:?}");
    assert_eq!(shown, "AuthorizationDataBuilder { .. }");
}
