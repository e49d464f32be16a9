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

#[test]
fn every_shape_is_found_in_any_case_and_no_two_differ_only_in_case() {
    for service in Service::ALL.iter().copied() {
        for entry in registry::entries(service) {
            for spelling in [
                entry.name.to_ascii_lowercase(),
                entry.name.to_ascii_uppercase(),
            ] {
                let found = registry::find(service, &spelling).map(|e| e.name);
                assert_eq!(found, Some(entry.name), "{service} {spelling}");
            }
        }
    }
}

#[test]
fn suggestions_find_case_slips_prefixes_and_dropped_letters() {
    let shapes = |name| registry::suggest(Service::Ecr, name);
    // A letter dropped from the middle of a whole name.
    assert_eq!(
        shapes("CreateRepositoryReqest"),
        ["CreateRepositoryRequest"]
    );
    // A letter dropped from a start of the names: the operation's name
    // written where a shape is wanted.
    assert_eq!(
        shapes("CreateRepositry"),
        [
            "CreateRepositoryRequest",
            "CreateRepositoryResponse",
            "CreateRepositoryCreationTemplateRequest",
            "CreateRepositoryCreationTemplateResponse"
        ]
    );
    assert_eq!(shapes("repositry"), ["Repository"]);
    // A start, in any case; nearest in length first, at most five.
    assert_eq!(
        shapes("describeimages"),
        [
            "DescribeImagesFilter",
            "DescribeImagesRequest",
            "DescribeImagesResponse",
            "DescribeImagesPaginateRequest",
            "DescribeImageScanFindingsRequest"
        ]
    );
    // Too short to guess a typo in, and nothing close.
    assert!(shapes("Tga").is_empty());
    assert!(shapes("Zzzzzzzzzzzz").is_empty());
    assert!(shapes("").is_empty());

    let ops = |name| registry::suggest_operation(Service::Ecr, name);
    assert_eq!(ops("CreateRepositry")[0], "CreateRepository");
    assert_eq!(ops("describe_imagez")[0], "describe_images");
    assert_eq!(ops("describe-imagez")[0], "describe-images");
    assert_eq!(
        registry::suggest_operation(Service::EcrPublic, "PutRegistryCatalogDat"),
        ["PutRegistryCatalogData"]
    );
}
