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
