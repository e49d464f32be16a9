//! The rule differ on two small hand-written model folders,
//! `tests/diff/old` and `tests/diff/new`, that between them make every kind
//! of change the differ reports:
//!
//! - ecr, operations: `PutScanSettings` added, `LegacyPing` removed,
//!   `GetAuthorizationToken`'s input and `CreateRepository`'s output renamed,
//!   `CreateRepository`'s errors `LimitExceededException` out and
//!   `TooManyTagsException` in;
//! - ecr, shapes: structures, enums and a structure added and removed;
//!   `CreateRepositoryRequest` gains a required and an optional member,
//!   loses `scanOnPush`, `registryId` becomes required, `kmsKey` targets
//!   `KmsKey` instead of `String`; `DescribeImagesRequest.repositoryName`
//!   becomes optional; `EncryptionType` turns from a string into an enum;
//!   `ScanStatus` swaps `PENDING` for `UNTRIAGED`; bounds of a string
//!   (`ImageTag` tighter, `RepositoryName` looser, `KmsKey` both ways), an
//!   integer (`Priority` both ways), a long (`LayerSize`), a list
//!   (`ImageIdList`), a map (`Labels`) and a blob (`LayerPartBlob`);
//!   patterns changed (`RepositoryName`), added (`KmsKey`), removed
//!   (`RegistryId`); a list's item shape and a map's key and value shapes;
//! - ecr, paginators: one added, one removed, one with its limit key gone,
//!   its result keys grown and non-aggregate keys given;
//! - ecr, waiters: one added, one removed, one with a new operation, delay,
//!   maximum attempts and an acceptor swapped, one with its acceptors
//!   reordered;
//! - ecr-public: the same in both folders (no `waiters-2.json`);
//! - partitions: a partition added and removed, a region pattern, DNS
//!   suffixes and support flags changed, regions added and removed.
//!
//! The expected text was written from those files by hand.

use std::path::Path;

use codegen::diff::diff;

fn fixtures() -> (std::path::PathBuf, std::path::PathBuf) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/diff");
    (dir.join("old"), dir.join("new"))
}

const EXPECTED: &str = r#"### Amazon ECR (ecr)

- Operation `CreateRepository`: output changed from `CreateRepositoryResponse` to `CreateRepositoryResult`.
- Operation `CreateRepository`: error `LimitExceededException` removed.
- Operation `CreateRepository`: error `TooManyTagsException` added.
- Operation `GetAuthorizationToken`: input changed from `GetAuthorizationTokenRequest` to `AuthorizationTokenRequest`.
- Operation `LegacyPing` removed.
- Operation `PutScanSettings` added.
- Shape `AuthorizationTokenRequest` added (structure).
- `CreateRepositoryRequest`: member `clientToken` added (required, `String`).
- `CreateRepositoryRequest`: member `imageTagMutability` added (optional, `ImageTagMutability`).
- `CreateRepositoryRequest`: member `kmsKey` shape changed from `String` to `KmsKey`.
- `CreateRepositoryRequest`: member `registryId` changed from optional to required.
- `CreateRepositoryRequest`: member `scanOnPush` removed.
- Shape `CreateRepositoryResponse` removed (structure).
- Shape `CreateRepositoryResult` added (structure).
- `DescribeImagesRequest`: member `repositoryName` changed from required to optional.
- `EncryptionType`: type changed from string to enum.
- Shape `GetAuthorizationTokenRequest` removed (structure).
- `ImageIdList`: item count changed from 1..=100 to 1..=1000 (loosens).
- `ImageTag`: length changed from 1..=300 to 1..=128 (tightens).
- `ImageTagList`: item shape changed from `String` to `ImageTag`.
- Shape `ImageTagMutability` added (enum).
- `KmsKey`: length changed from ..=2048 to 1.. (tightens the minimum, loosens the maximum).
- `KmsKey`: pattern `arn:aws:kms:.*` added.
- `Labels`: entry count changed from ..=50 to 1..=10 (tightens).
- `Labels`: key shape changed from `String` to `LabelKey`.
- `Labels`: value shape changed from `String` to `LabelValue`.
- `LayerPartBlob`: size changed from 0..=20971520 to 0..=10485760 (tightens).
- `LayerSize`: range changed from 0.. to 1.. (tightens).
- Shape `LegacyPingRequest` removed (structure).
- Shape `LegacyPingResponse` removed (structure).
- `Priority`: range changed from 1..=100 to 0..=50 (loosens the minimum, tightens the maximum).
- Shape `PutScanSettingsRequest` added (structure).
- Shape `PutScanSettingsResponse` added (structure).
- `RegistryId`: pattern `[0-9]{12}` removed.
- `RepositoryName`: length changed from 2..=256 to 2..=512 (loosens).
- `RepositoryName`: pattern changed from `(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*` to `[a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*(\/[a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*)*`.
- Enum `ScanStatus`: value `PENDING` removed.
- Enum `ScanStatus`: value `UNTRIAGED` added.
- Shape `TooManyTagsException` added (structure).
- Paginator `DescribeImages`: limit key changed from `maxResults` to none.
- Paginator `DescribeImages`: result key changed from `imageIds` to `imageIds`, `imageDetails`.
- Paginator `DescribeImages`: non-aggregate keys changed from none to `scanStatus`.
- Paginator `LegacyPing` removed.
- Paginator `ListImages` added.
- Waiter `ImageScanComplete`: operation changed from `DescribeImages` to `ListImages`.
- Waiter `ImageScanComplete`: delay changed from 5 s to 10 s.
- Waiter `ImageScanComplete`: maximum attempts changed from 60 to 30.
- Waiter `ImageScanComplete`: acceptor `failure: error == "ImageNotFoundException"` added.
- Waiter `ImageScanComplete`: acceptor `failure: path imageScanStatus.status == "FAILED"` removed.
- Waiter `LegacyReady` removed.
- Waiter `LifecyclePolicyPreviewComplete`: acceptors reordered.
- Waiter `RepositoryReady` added.

### Amazon ECR Public (ecr-public)

No rule changed.

### AWS partitions (partitions.json)

- Partition `aws`: region pattern changed from `^(us|eu)\-\w+\-\d+$` to `^(us|eu|ap)\-\w+\-\d+$`.
- Partition `aws`: region `ap-south-1` added.
- Partition `aws`: region `us-west-1` removed.
- Partition `aws-cn`: DNS suffix changed from `amazonaws.com.cn` to `amazonaws.cn`.
- Partition `aws-cn`: dual-stack DNS suffix changed from `amazonwebservices.com.cn` to `api.amazonwebservices.com.cn`.
- Partition `aws-cn`: dual-stack support changed from `false` to `true`.
- Partition `aws-cn`: FIPS support changed from `false` to `true`.
- Partition `aws-eusc` added.
- Partition `aws-iso` removed.
"#;

#[test]
fn every_kind_of_rule_change_is_listed_in_a_fixed_order() {
    let (old, new) = fixtures();
    let diff = diff(&old, &new);
    assert!(!diff.is_empty());
    let markdown = diff.markdown(3);
    if markdown != EXPECTED {
        // Line by line first: the first difference is easier to read than
        // the two texts.
        for (got, want) in markdown.lines().zip(EXPECTED.lines()) {
            assert_eq!(got, want);
        }
        assert_eq!(markdown, EXPECTED);
    }
}

#[test]
fn the_changelog_level_nests_services_under_the_model_heading() {
    let (old, new) = fixtures();
    let markdown = diff(&old, &new).markdown(4);
    assert!(markdown.starts_with("#### Amazon ECR (ecr)\n\n- Operation "));
    assert!(markdown.contains("\n#### Amazon ECR Public (ecr-public)\n\nNo rule changed.\n"));
}

#[test]
fn a_folder_against_itself_changes_nothing() {
    let (old, _) = fixtures();
    let diff = diff(&old, &old);
    assert!(diff.is_empty());
    assert!(diff.sections.iter().all(|s| s.changes.is_empty()));
    assert_eq!(diff.sections.len(), 3);
}

/// What a second refresh to the vendored release finds: no change, so no
/// second CHANGELOG entry.
#[test]
fn the_vendored_model_against_itself_changes_nothing() {
    let model = Path::new(env!("CARGO_MANIFEST_DIR")).join("model");
    let diff = diff(&model, &model);
    assert!(diff.is_empty(), "{}", diff.markdown(3));
}
