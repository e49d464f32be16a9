//! The registry checks a document against any kind of shape: a structure's
//! object, an enum's or a scalar's bare value.

use ecr_models::{registry, Code, Options, Service};

#[test]
fn entry_check_takes_every_kind_of_shape() {
    let opts = Options::default();
    let check = |name: &str, json: &str| {
        registry::find(Service::Ecr, name)
            .unwrap_or_else(|| panic!("{name}"))
            .check(json.as_bytes(), &opts)
            .map_err(|e| e.violations().iter().map(|v| v.code).collect::<Vec<_>>())
    };
    assert_eq!(
        check("CreateRepositoryRequest", r#"{"repositoryName":"a-b"}"#),
        Ok(())
    );
    assert_eq!(
        check("CreateRepositoryRequest", r#"{"repositoryName":"A"}"#),
        Err(vec![Code::Length, Code::Pattern])
    );
    assert_eq!(check("ImageTagMutability", r#""IMMUTABLE""#), Ok(()));
    assert_eq!(
        check("ImageTagMutability", r#""immutable""#),
        Err(vec![Code::Enum])
    );
    assert_eq!(check("MaxResults", "1000"), Ok(()));
    assert_eq!(check("MaxResults", "1001"), Err(vec![Code::Range]));
    assert_eq!(
        check("RepositoryName", r#""MyRepo""#),
        Err(vec![Code::Pattern])
    );
    assert_eq!(check("RepositoryName", "7"), Err(vec![Code::Type]));
    assert_eq!(
        check("RepositoryName", r#""ok" x"#),
        Err(vec![Code::Syntax])
    );
}
