//! ECR references: every host form, both services' ARNs, the model's rules
//! on each part, and round trips through `Display`.

use ecr_models::refs::{
    ImageRef, Partition, Reference, RegionName, Registry, RepositoryArn, RepositoryRef, PARTITIONS,
};
use ecr_models::{Code, Options, Service};

mod common;

use common::pairs;

/// A private registry's host, for the references that vary after it.
const HOST: &str = "123456789012.dkr.ecr.us-east-1.amazonaws.com";

const DIGEST: &str = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

/// Asserts that each value is refused with exactly its violations, in
/// order.
fn refused(cases: &[(&str, &[(&str, Code)])]) {
    for &(value, expected) in cases {
        let err = Reference::parse(value)
            .map(|r| panic!("{value} parsed as {r:?}"))
            .unwrap_err();
        assert_eq!(pairs(&err), expected, "{value}");
    }
}

/// Parses, displays and parses again: the same value and the same text.
fn round_trip(value: &str) -> Reference {
    let parsed = Reference::parse(value).unwrap_or_else(|e| panic!("{value}: {e}"));
    assert_eq!(parsed.to_string(), value);
    assert_eq!(Reference::parse(&parsed.to_string()).as_ref(), Ok(&parsed));
    parsed
}

fn private(value: &str) -> (ecr_models::refs::PrivateRegistry, String, Option<String>) {
    match round_trip(value) {
        Reference::Image(ImageRef {
            repository:
                RepositoryRef {
                    registry: Registry::Private(r),
                    repository,
                },
            tag,
            ..
        }) => (r, repository, tag),
        other => panic!("{value}: {other:?}"),
    }
}

#[test]
fn every_private_host_form_parses_and_round_trips() {
    let (r, repo, tag) = private("123456789012.dkr.ecr.us-east-1.amazonaws.com/team/app:1.4.2");
    assert_eq!(
        (
            r.registry_id.as_str(),
            &r.region,
            r.partition.id,
            r.fips,
            r.dual_stack
        ),
        ("123456789012", &RegionName::UsEast1, "aws", false, false)
    );
    assert_eq!((repo.as_str(), tag.as_deref()), ("team/app", Some("1.4.2")));
    let (r, ..) = private("123456789012.dkr.ecr-fips.us-east-2.amazonaws.com/app:v1");
    assert!(r.fips && !r.dual_stack);
    let (r, ..) = private("123456789012.dkr-ecr.eu-west-1.on.aws/app:v1");
    assert!(!r.fips && r.dual_stack && r.partition.id == "aws");
    let (r, ..) = private("123456789012.dkr-ecr-fips.us-west-2.on.aws/app:v1");
    assert!(r.fips && r.dual_stack);
    // China's suffix, and GovCloud on amazonaws.com.
    let (r, ..) = private("123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn/app:v1");
    assert_eq!(
        (r.partition.id, r.region.as_str()),
        ("aws-cn", "cn-north-1")
    );
    let (r, ..) = private("123456789012.dkr.ecr.us-gov-west-1.amazonaws.com/app:v1");
    assert_eq!(r.partition.id, "aws-us-gov");
}

#[test]
fn tags_digests_and_both() {
    let value = format!("{HOST}/app@{DIGEST}");
    let Reference::Image(image) = round_trip(&value) else {
        panic!("an image")
    };
    assert_eq!((image.tag, image.digest.as_deref()), (None, Some(DIGEST)));
    round_trip(&format!("{HOST}/app:latest@{DIGEST}"));
    let tag = "a".repeat(128);
    round_trip(&format!("{HOST}/app:{tag}"));
    let short = &DIGEST[..DIGEST.len() - 1];
    let upper = DIGEST.to_uppercase().replace("SHA256", "sha256");
    refused(&[
        (&format!("{HOST}/app:{tag}a"), &[("/tag", Code::Length)]),
        (&format!("{HOST}/app:v1/x"), &[("/tag", Code::Pattern)]),
        (&format!("{HOST}/app:.v1"), &[("/tag", Code::Pattern)]),
        (
            &format!("{HOST}/app@{short}"),
            &[("/digest", Code::Pattern)],
        ),
        (
            &format!("{HOST}/app@{upper}"),
            &[("/digest", Code::Pattern)],
        ),
    ]);
}

#[test]
fn each_broken_part_is_reported_where_it_is_and_all_at_once() {
    refused(&[
        (
            "12345678901.dkr.ecr.us-east-1.amazonaws.com/app:1",
            &[("/registry_id", Code::Pattern)],
        ),
        // A region of another partition, and the model's repository pattern.
        (
            "123456789012.dkr.ecr.cn-north-1.amazonaws.com/Team/App:1",
            &[("/region", Code::Enum), ("/repository", Code::Pattern)],
        ),
        (
            "123456789012.dkr.ecr.us-east-9.amazonaws.com/app:1",
            &[("/region", Code::Enum)],
        ),
        (
            "123456789012.dkr.ecr.us-east-1.example.com/app:1",
            &[("/host", Code::Pattern)],
        ),
        ("registry.example.com/app:1", &[("/host", Code::Pattern)]),
        (HOST, &[("/repository", Code::Required)]),
    ]);
    let err =
        Reference::parse("https://123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1").unwrap_err();
    assert_eq!(err.violations()[0].path, "/host");
    assert!(
        err.violations()[0].message.contains("without \"https://\""),
        "{}",
        err.violations()[0].message
    );
}

#[test]
fn a_region_newer_than_the_table_is_accepted_only_when_unknown_values_are() {
    let value = "123456789012.dkr.ecr.us-east-7.amazonaws.com/app:1";
    assert!(Reference::parse(value).is_err());
    let lenient = Options::default().allow_unknown_enums(true);
    let Ok(Reference::Image(image)) = Reference::parse_with(value, &lenient) else {
        panic!("accepted")
    };
    let Registry::Private(r) = image.repository.registry else {
        panic!("private")
    };
    assert_eq!(
        (r.region, r.partition.id),
        (RegionName::Unknown("us-east-7".into()), "aws")
    );
    // Not the form of any region of the partition: refused even so.
    assert!(
        Reference::parse_with("123456789012.dkr.ecr.mars-1.amazonaws.com/app:1", &lenient).is_err()
    );
}

#[test]
fn public_references_with_nested_repositories_and_the_dual_stack_host() {
    let Reference::Image(image) = round_trip("public.ecr.aws/docker/library/python:3.12") else {
        panic!("an image")
    };
    assert_eq!(
        image.repository.registry,
        Registry::Public(ecr_models::refs::PublicRegistry {
            registry_alias: "docker".into(),
            dual_stack: false
        })
    );
    assert_eq!(image.repository.repository, "library/python");
    round_trip("ecr-public.aws.com/docker/library/python:3.12");
    round_trip("public.ecr.aws/nginx/nginx");
    refused(&[
        (
            "public.ecr.aws/Docker/python:1",
            &[("/registry_alias", Code::Pattern)],
        ),
        (
            "public.ecr.aws/docker:1",
            &[("/repository", Code::Required)],
        ),
    ]);
}

#[test]
fn arns_of_both_services_and_partitions() {
    let value = "arn:aws:ecr:us-east-1:123456789012:repository/team/app";
    let Reference::Arn(arn) = round_trip(value) else {
        panic!("an ARN")
    };
    assert_eq!(
        (
            arn.partition.id,
            arn.service,
            arn.region.clone(),
            arn.account.as_str()
        ),
        (
            "aws",
            Service::Ecr,
            Some(RegionName::UsEast1),
            "123456789012"
        )
    );
    assert_eq!(RepositoryArn::parse(value), Ok(arn));
    round_trip("arn:aws-cn:ecr:cn-northwest-1:123456789012:repository/app");
    round_trip("arn:aws-us-gov:ecr:us-gov-east-1:123456789012:repository/app");
    let Reference::Arn(public) = round_trip("arn:aws:ecr-public::123456789012:repository/app")
    else {
        panic!("an ARN")
    };
    assert_eq!((public.service, public.region), (Service::EcrPublic, None));
    refused(&[
        (
            "arn:aws:ecr:cn-north-1:123456789012:repository/app",
            &[("/region", Code::Enum)],
        ),
        (
            "arn:aws:ecr-public:us-east-1:123456789012:repository/app",
            &[("/region", Code::Pattern)],
        ),
        (
            "arn:aws-moon:ecr:us-east-1:12345678901:image/App",
            &[
                ("/partition", Code::Enum),
                ("/registry_id", Code::Pattern),
                ("/repository", Code::Pattern),
            ],
        ),
        ("arn:aws:s3:::bucket", &[("/service", Code::Enum)]),
        ("arn:aws:ecr:us-east-1", &[("", Code::Pattern)]),
    ]);
}

#[test]
fn the_typed_parsers_keep_to_their_kind() {
    let image = "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1";
    let repository = "123456789012.dkr.ecr.us-east-1.amazonaws.com/app";
    assert!(ImageRef::parse(image).is_ok());
    assert_eq!(
        ImageRef::parse(repository).unwrap_err().violations()[0].path,
        "/tag"
    );
    assert!(RepositoryRef::parse(repository).is_ok());
    assert_eq!(
        RepositoryRef::parse(image).unwrap_err().violations()[0].path,
        "/tag"
    );
}

#[test]
fn a_repository_response_parses_its_uri_and_arn() {
    let repository: ecr_models::ecr::Repository = ecr_models::from_json(
        r#"{"repositoryArn":"arn:aws:ecr:eu-west-1:123456789012:repository/web","repositoryUri":"123456789012.dkr.ecr.eu-west-1.amazonaws.com/web"}"#,
    )
    .expect("a repository");
    let uri = repository
        .repository_ref()
        .expect("present")
        .expect("valid");
    assert_eq!(uri.repository, "web");
    let arn = repository.parsed_arn().expect("present").expect("valid");
    assert_eq!(arn.region, Some(RegionName::EuWest1));
    let public: ecr_models::ecr_public::Repository =
        ecr_models::from_json(r#"{"repositoryUri":"public.ecr.aws/team/web"}"#).expect("valid");
    assert!(public.repository_ref().expect("present").is_ok());
    assert!(public.parsed_arn().is_none());
    let scanning: ecr_models::ecr::RepositoryScanningConfiguration = ecr_models::from_json(
        r#"{"repositoryArn":"arn:aws:ecr:eu-west-1:123456789012:repository/Web"}"#,
    )
    .expect("valid: the model has no rule for an Arn");
    let err = scanning.parsed_arn().expect("present").unwrap_err();
    assert_eq!(err.violations()[0].path, "/repository");
}

#[test]
fn the_partition_table_is_botocores() {
    let ids: Vec<&str> = PARTITIONS.iter().map(|p| p.id).collect();
    for id in [
        "aws",
        "aws-cn",
        "aws-us-gov",
        "aws-iso",
        "aws-iso-b",
        "aws-eusc",
    ] {
        assert!(ids.contains(&id), "{id} in {ids:?}");
    }
    let cn = Partition::find("aws-cn").expect("aws-cn");
    assert_eq!(cn.dns_suffix, "amazonaws.com.cn");
    assert!(cn.has_region("cn-north-1") && !cn.has_region("aws-cn-global"));
    assert!(RegionName::VALUES.contains(&"us-east-1"));
    assert!(!RegionName::VALUES.iter().any(|r| r.ends_with("-global")));
    assert_eq!("eu-west-1".parse::<RegionName>(), Ok(RegionName::EuWest1));
    assert!("aws-global".parse::<RegionName>().is_err());
}
