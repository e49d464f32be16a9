//! `Validated<T>` where Rust users deserialize: a YAML config file holding
//! an ECR payload is checked as it is read, with every violation's path.

use ecr_models::ecr::{CreateRepositoryRequest, ImageTagMutability};
use ecr_models::{Code, Validated};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct Config {
    #[allow(dead_code)]
    name: String,
    repository: Validated<CreateRepositoryRequest>,
}

#[test]
fn a_yaml_config_with_an_invalid_repository_fails_with_every_violation() {
    let yaml =
        "name: deploy\nrepository:\n  repositoryName: MyRepo!!\n  imageTagMutability: SOMETIMES\n";
    let err = serde_yaml_ng::from_str::<Config>(yaml)
        .unwrap_err()
        .to_string();
    assert!(err.contains("invalid value (2 violations)"), "{err}");
    assert!(err.contains("/repositoryName: "), "{err}");
    assert!(err.contains("[pattern]"), "{err}");
    assert!(
        err.contains("/imageTagMutability: \"SOMETIMES\" is not one of"),
        "{err}"
    );
    // The derived Deserialize alone checks nothing: the same document reads.
    #[derive(Deserialize)]
    struct Plain {
        repository: CreateRepositoryRequest,
    }
    let plain: Plain = serde_yaml_ng::from_str(yaml).expect("no rule is checked");
    assert_eq!(plain.repository.repository_name, "MyRepo!!");
}

#[test]
fn a_valid_config_reads_and_the_value_is_at_hand() {
    let yaml =
        "name: deploy\nrepository:\n  repositoryName: team/app\n  imageTagMutability: IMMUTABLE\n";
    let config: Config = serde_yaml_ng::from_str(yaml).expect("valid");
    assert_eq!(config.repository.repository_name, "team/app");
    assert_eq!(
        config.repository.image_tag_mutability,
        Some(ImageTagMutability::Immutable)
    );
    let json = serde_json::to_string(&config.repository).expect("serializes");
    assert_eq!(
        json,
        r#"{"repositoryName":"team/app","imageTagMutability":"IMMUTABLE"}"#
    );
    let inner: CreateRepositoryRequest = config.repository.into_inner();
    assert!(Validated::new(inner).is_ok());
}

#[test]
fn from_json_takes_the_crates_reader() {
    let err = Validated::<CreateRepositoryRequest>::from_json(r#"{"repositoryName":"MyRepo"}"#)
        .unwrap_err();
    assert_eq!(err.violations()[0].code, Code::Pattern);
    assert_eq!(err.violations()[0].path, "/repositoryName");
    let ok = Validated::<CreateRepositoryRequest>::from_json(r#"{"repositoryName":"my-repo"}"#)
        .expect("valid");
    assert_eq!(ok.repository_name, "my-repo");
}

/// A violation is written for people in one way, `Display`'s: a path's
/// control characters (a map key or member name from the input) are
/// escaped there, so a deserializer's error message cannot drive the
/// terminal it is printed on.
#[test]
fn the_error_escapes_control_characters_in_paths_as_display_does() {
    use ecr_models::ecr::ImageScanFindingsSummary;
    let json = r#"{"findingSeverityCounts": {"\u001b[31m": -1}}"#;
    let err = serde_json::from_str::<Validated<ImageScanFindingsSummary>>(json)
        .unwrap_err()
        .to_string();
    assert!(!err.contains('\u{1b}'), "a raw escape: {err:?}");
    let checked = Validated::<ImageScanFindingsSummary>::from_json(json).unwrap_err();
    let violation = &checked.violations()[0];
    assert_eq!(violation.path, "/findingSeverityCounts/\u{1b}[31m");
    let line = violation.to_string();
    assert!(
        line.starts_with("/findingSeverityCounts/\\u{1b}[31m: "),
        "{line}"
    );
    assert!(
        err.contains(&format!("\n  {line}")),
        "{err:?} lacks {line:?}"
    );
    assert!(
        format!("{checked:#}").contains(&format!("\n  {line}")),
        "{checked:#}"
    );
}
