//! Each rule kind of the AWS model, both sides of each boundary, read through
//! `from_json` on real shapes. Every expectation comes from
//! `codegen/model/*/service-2.json`:
//!
//! - ecr `RepositoryName`: string, min 2, max 256, pattern
//!   `[a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*(\/[a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*)*`
//! - ecr-public `RepositoryName`: min 2, max 205, pattern
//!   `(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*`
//! - `RegistryId`: pattern `[0-9]{12}`
//! - `ImageTag`: min 1, max 300, no pattern
//! - `LifecyclePolicyText`: min 100, max 30720, no pattern
//! - `KmsKey`: min 1, max 2048
//! - `MaxResults`: integer 1..=1000
//! - `Epoch` (`VulnerablePackage.epoch`): integer without range (so `i32`)
//! - `ImageSizeInBytes` (`ImageDetail.imageSizeInBytes`): long without range (`i64`)
//! - `PartSize`: long, min 0
//! - `SeverityCount`: integer, min 0
//! - `ImageIdentifierList`: list, min 1, max 100
//! - `ScanType`: enum `BASIC`, `ENHANCED`; `TagStatus`: `TAGGED`, `UNTAGGED`, `ANY`
//! - `FindingSeverityCounts`: map from enum `FindingSeverity` to `SeverityCount`
//! - `Tags` (`Resource.tags`): map from `TagKey` (free string) to `TagValue`
//! - `Annotations` (`ImageReferrer.annotations`): map `String` to `String`
//! - `LayerPartBlob` (`UploadLayerPartRequest.layerPartBlob`): blob, 0..=20971520 bytes
//! - `UploadId`: pattern `[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}`
//! - `Base64` (`AuthorizationData.authorizationToken`): pattern `^\S+$`

use ecr_models::ecr::{
    AuthorizationData, BatchGetImageRequest, CreateRepositoryRequest, DeleteRepositoryRequest,
    DescribeImagesPaginateRequest, DescribeImagesRequest, DescribeRepositoriesRequest,
    EncryptionConfiguration, EncryptionType, FindingSeverity, GetAuthorizationTokenResponse,
    ImageDetail, ImageIdentifier, ImageReferrer, ImageScanCompleteWaitRequest,
    ImageScanFindingsSummary, ImageTagMutability, PutLifecyclePolicyRequest,
    PutRegistryScanningConfigurationRequest, Resource, ResponseMetadata, ScanType,
    UploadLayerPartRequest, VulnerablePackage,
};
use ecr_models::{from_json, from_json_with, Code, Error, Model, Options};

mod common;

use common::pairs;

/// The (path, code) of every violation, in order; empty when valid.
fn violations<T: Model>(json: &str) -> Vec<(String, Code)> {
    violations_with::<T>(json, &Options::default())
}

fn violations_with<T: Model>(json: &str, opts: &Options) -> Vec<(String, Code)> {
    match from_json_with::<T>(json, opts) {
        Ok(_) => Vec::new(),
        Err(e) => e
            .violations()
            .iter()
            .map(|v| (v.path.clone(), v.code))
            .collect(),
    }
}

fn one(path: &str, code: Code) -> Vec<(String, Code)> {
    vec![(path.to_string(), code)]
}

/// Asserts that each of `values`, put in place by `document`, breaks
/// exactly one rule: `code` at `path`.
fn each_breaks<T: Model>(
    values: &[&str],
    document: impl Fn(&str) -> String,
    path: &str,
    code: Code,
) {
    for value in values {
        breaks::<T>(&document(value), path, code);
    }
}

/// Asserts that `json` breaks exactly one rule: `code` at `path`.
fn breaks<T: Model>(json: &str, path: &str, code: Code) {
    assert_eq!(violations::<T>(json), one(path, code), "{json}");
}

fn ok<T: Model>(json: &str) -> T {
    from_json::<T>(json).unwrap_or_else(|e| panic!("{json} should be valid, got: {e}"))
}

/// Where a `CreateRepositoryRequest`'s name is.
const NAME: &str = "/repositoryName";

fn create_repository(name: &str) -> String {
    serde_json::json!({ "repositoryName": name }).to_string()
}

/// Asserts that a repository name of `max` characters passes and one of
/// `max + 1` fails length.
fn longest_name_is<T: Model>(max: usize) {
    ok::<T>(&create_repository(&"a".repeat(max)));
    breaks::<T>(&create_repository(&"a".repeat(max + 1)), NAME, Code::Length);
}

fn image_tag_request(tag: &str) -> String {
    serde_json::json!({ "repositoryName": "ubuntu", "imageIds": [{ "imageTag": tag }] }).to_string()
}

// ------------------------------------------------------------------ length

#[test]
fn repository_name_of_2_characters_passes_and_of_1_fails_length() {
    ok::<CreateRepositoryRequest>(&create_repository("ab"));
    breaks::<CreateRepositoryRequest>(&create_repository("a"), NAME, Code::Length);
}

#[test]
fn repository_name_of_256_characters_passes_and_of_257_fails_length() {
    longest_name_is::<CreateRepositoryRequest>(256);
}

#[test]
fn empty_repository_name_breaks_both_length_and_pattern() {
    assert_eq!(
        violations::<CreateRepositoryRequest>(&create_repository("")),
        vec![
            ("/repositoryName".to_string(), Code::Length),
            ("/repositoryName".to_string(), Code::Pattern),
        ]
    );
}

#[test]
fn ecr_public_repository_name_allows_205_characters_not_206() {
    use ecr_models::ecr_public::CreateRepositoryRequest as PublicCreate;
    longest_name_is::<PublicCreate>(205);
}

#[test]
fn image_tag_length_counts_unicode_scalar_values_not_bytes() {
    let tag = "/imageIds/0/imageTag";
    // 'é' is 2 bytes in UTF-8 but one scalar value: 300 of them (600 bytes) pass.
    ok::<BatchGetImageRequest>(&image_tag_request(&"é".repeat(300)));
    breaks::<BatchGetImageRequest>(&image_tag_request(&"é".repeat(301)), tag, Code::Length);
    // 4-byte scalar values: 300 pass (1200 bytes), 301 fail.
    ok::<BatchGetImageRequest>(&image_tag_request(&"😀".repeat(300)));
    breaks::<BatchGetImageRequest>(&image_tag_request(&"😀".repeat(301)), tag, Code::Length);
    // Written as JSON escapes (a surrogate pair per character), the same count.
    let escaped = |n: usize| {
        format!(
            r#"{{"repositoryName": "ubuntu", "imageIds": [{{"imageTag": "{}"}}]}}"#,
            "\\ud83d\\ude00".repeat(n)
        )
    };
    ok::<BatchGetImageRequest>(&escaped(300));
    breaks::<BatchGetImageRequest>(&escaped(301), tag, Code::Length);
    // 'e' + U+0301 COMBINING ACUTE ACCENT is one grapheme but two scalar values.
    let combined = "e\u{301}".repeat(150);
    ok::<BatchGetImageRequest>(&image_tag_request(&combined));
    breaks::<BatchGetImageRequest>(
        &image_tag_request(&format!("{combined}e")),
        tag,
        Code::Length,
    );
}

#[test]
fn image_tag_of_1_character_passes_and_empty_fails_length() {
    ok::<BatchGetImageRequest>(&image_tag_request("é"));
    ok::<BatchGetImageRequest>(&image_tag_request("x"));
    breaks::<BatchGetImageRequest>(&image_tag_request(""), "/imageIds/0/imageTag", Code::Length);
}

#[test]
fn minimum_length_counts_scalar_values_so_100_bytes_of_50_characters_is_too_short() {
    // LifecyclePolicyText: min 100. 50 'é' are 100 bytes but 50 characters.
    // The text's length alone is judged here: the policy inside it is
    // another rule (tests/documents.rs).
    let opts = Options::new().embedded_documents(false);
    let policy = |text: &str| {
        serde_json::json!({ "repositoryName": "ubuntu", "lifecyclePolicyText": text }).to_string()
    };
    let text = || one("/lifecyclePolicyText", Code::Length);
    let judge = |chars: &str, n: usize| {
        violations_with::<PutLifecyclePolicyRequest>(&policy(&chars.repeat(n)), &opts)
    };
    assert_eq!(judge("é", 50), text());
    assert_eq!(judge("é", 99), text());
    assert_eq!(judge("é", 100), []);
    assert_eq!(judge("x", 100), []);
    assert_eq!(judge("x", 99), text());
    assert_eq!(judge("x", 30720), []);
    assert_eq!(judge("x", 30721), text());
}

// ------------------------------------------------------------------ pattern

#[test]
fn repository_name_broken_at_its_end_fails_pattern() {
    // A trailing line break too: `$` must not match before a final newline.
    each_breaks::<CreateRepositoryRequest>(
        &[
            "my-repo-",
            "my-repo!",
            "my-repo/",
            "my-repo.",
            "my-repo_",
            "my-repo\n",
        ],
        create_repository,
        NAME,
        Code::Pattern,
    );
}

#[test]
fn repository_name_broken_at_its_start_fails_pattern() {
    each_breaks::<CreateRepositoryRequest>(
        &["-my-repo", "/my-repo", ".my-repo", "_my-repo"],
        create_repository,
        NAME,
        Code::Pattern,
    );
}

#[test]
fn my_repository_fails_pattern_although_the_unanchored_model_pattern_matches_inside_it() {
    // The model's pattern as written is unanchored; a search finds `y` (and
    // `epository`) inside `MyRepository`. AWS applies patterns to the whole
    // value, so the name is refused.
    let model = model_pattern(ecr_models::Service::Ecr, "RepositoryName");
    assert_eq!(
        model,
        r"[a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*(\/[a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*)*"
    );
    // Rust's `regex` does not need (or, depending on version, accept) the
    // Java escape `\/`; it means `/`.
    let unanchored = regex::Regex::new(&model.replace("\\/", "/")).expect("compiles");
    let found = unanchored.find("MyRepository").expect("a match inside");
    assert_eq!(found.as_str(), "y");
    breaks::<CreateRepositoryRequest>(&create_repository("MyRepository"), NAME, Code::Pattern);
    ok::<CreateRepositoryRequest>(&create_repository("myrepository"));
}

#[test]
fn repository_name_separators_follow_each_service_pattern() {
    use ecr_models::ecr_public::CreateRepositoryRequest as PublicCreate;
    // ecr: `(\.|_|__|-+)` between components, `/` between path segments.
    for name in [
        "a__b",
        "a--b",
        "a.b",
        "a_b",
        "project-a/nginx-web-app",
        "a/b/c",
    ] {
        ok::<CreateRepositoryRequest>(&create_repository(name));
    }
    each_breaks::<CreateRepositoryRequest>(
        &["a___b", "a..b", "a//b", "a._b", "a-_b"],
        create_repository,
        NAME,
        Code::Pattern,
    );
    // ecr-public: a single `[._-]` between components.
    for name in ["a.b", "a_b", "a-b", "project-a/nginx-web-app"] {
        ok::<PublicCreate>(&create_repository(name));
    }
    each_breaks::<PublicCreate>(
        &["a__b", "a--b", "a//b"],
        create_repository,
        NAME,
        Code::Pattern,
    );
}

#[test]
fn registry_id_must_be_exactly_12_digits() {
    let request =
        |id: &str| serde_json::json!({ "registryId": id, "repositoryName": "ubuntu" }).to_string();
    ok::<CreateRepositoryRequest>(&request("012345678901"));
    each_breaks::<CreateRepositoryRequest>(
        &[
            "01234567890",
            "0123456789012",
            "01234567890a",
            " 012345678901",
            "",
        ],
        request,
        "/registryId",
        Code::Pattern,
    );
}

#[test]
fn upload_id_pattern_accepts_either_hex_case_and_nothing_else() {
    let request = |upload_id: &str| {
        serde_json::json!({
            "repositoryName": "ubuntu",
            "uploadId": upload_id,
            "partFirstByte": 0,
            "partLastByte": 4,
            "layerPartBlob": "aGVsbG8=",
        })
        .to_string()
    };
    ok::<UploadLayerPartRequest>(&request("0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0"));
    ok::<UploadLayerPartRequest>(&request("0F1E2D3C-4B5A-6978-8796-A5B4C3D2E1F0"));
    each_breaks::<UploadLayerPartRequest>(
        &[
            "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f",
            "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0a",
            "0g1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0",
            "0f1e2d3c4b5a697887 96a5b4c3d2e1f0",
        ],
        request,
        "/uploadId",
        Code::Pattern,
    );
}

// ------------------------------------------------------------------ range

#[test]
fn max_results_range_is_1_to_1000_inclusive() {
    let request = |n: &str| format!(r#"{{"maxResults": {n}}}"#);
    for n in ["1", "1000", "500"] {
        ok::<DescribeRepositoriesRequest>(&request(n));
    }
    each_breaks::<DescribeRepositoriesRequest>(
        &["0", "1001", "-1", "2147483647", "-2147483648"],
        request,
        "/maxResults",
        Code::Range,
    );
}

#[test]
fn max_results_value_is_kept() {
    let got: DescribeRepositoriesRequest = ok(r#"{"maxResults": 1000}"#);
    assert_eq!(got.max_results, Some(1000));
}

#[test]
fn unconstrained_integer_accepts_the_i32_limits_and_nothing_beyond() {
    unconstrained::<VulnerablePackage, i32>(
        "epoch",
        |package| package.epoch,
        [("2147483647", i32::MAX), ("-2147483648", i32::MIN)],
        &["2147483648", "-2147483649", "9223372036854775807", "1e10"],
    );
}

#[test]
fn unconstrained_long_accepts_the_i64_maximum_and_fails_one_beyond() {
    unconstrained::<ImageDetail, i64>(
        "imageSizeInBytes",
        |detail| detail.image_size_in_bytes,
        [
            ("9223372036854775807", i64::MAX),
            ("-9223372036854775808", i64::MIN),
        ],
        &[
            "9223372036854775808",
            "18446744073709551615",
            "18446744073709551616",
            "1e19",
        ],
    );
}

/// Asserts that `member` of `T`, a number without a range, reads each of
/// `limits` as its value and breaks its range with each of `beyond`.
fn unconstrained<T: Model, N: PartialEq + std::fmt::Debug>(
    member: &str,
    value: fn(&T) -> Option<N>,
    limits: [(&str, N); 2],
    beyond: &[&str],
) {
    let document = |n: &str| format!(r#"{{"{member}": {n}}}"#);
    for (text, limit) in limits {
        assert_eq!(value(&ok::<T>(&document(text))), Some(limit), "{text}");
    }
    each_breaks::<T>(beyond, document, &format!("/{member}"), Code::Range);
}

#[test]
fn unconstrained_long_fails_one_below_the_i64_minimum() {
    let detail = |n: &str| format!(r#"{{"imageSizeInBytes": {n}}}"#);
    breaks::<ImageDetail>(
        &detail("-9223372036854775809"),
        "/imageSizeInBytes",
        Code::Range,
    );
}

#[test]
fn long_with_minimum_0_refuses_negative_values() {
    let request = |first: &str| {
        format!(
            r#"{{"repositoryName": "ubuntu", "uploadId": "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0",
                "partFirstByte": {first}, "partLastByte": 9223372036854775807, "layerPartBlob": ""}}"#
        )
    };
    let got: UploadLayerPartRequest = ok(&request("0"));
    assert_eq!((got.part_first_byte, got.part_last_byte), (0, i64::MAX));
    breaks::<UploadLayerPartRequest>(&request("-1"), "/partFirstByte", Code::Range);
}

#[test]
fn integral_float_is_an_integer_but_a_fraction_is_a_type_error() {
    let got: DescribeRepositoriesRequest = ok(r#"{"maxResults": 1.0}"#);
    assert_eq!(got.max_results, Some(1));
    let got: DescribeRepositoriesRequest = ok(r#"{"maxResults": 1e2}"#);
    assert_eq!(got.max_results, Some(100));
    let got: DescribeRepositoriesRequest = ok(r#"{"maxResults": 1000.0}"#);
    assert_eq!(got.max_results, Some(1000));
    breaks::<DescribeRepositoriesRequest>(r#"{"maxResults": 1.5}"#, "/maxResults", Code::Type);
    breaks::<DescribeRepositoriesRequest>(r#"{"maxResults": 0.5}"#, "/maxResults", Code::Type);
    // A whole number out of range is a range violation, not a type one.
    breaks::<DescribeRepositoriesRequest>(r#"{"maxResults": 1001.0}"#, "/maxResults", Code::Range);
}

#[test]
fn numbers_as_strings_and_booleans_as_strings_are_type_errors() {
    breaks::<DescribeRepositoriesRequest>(r#"{"maxResults": "10"}"#, "/maxResults", Code::Type);
    breaks::<DeleteRepositoryRequest>(
        r#"{"repositoryName": "ubuntu", "force": "true"}"#,
        "/force",
        Code::Type,
    );
    breaks::<CreateRepositoryRequest>(r#"{"repositoryName": 12}"#, NAME, Code::Type);
    breaks::<BatchGetImageRequest>(
        r#"{"repositoryName": "ubuntu", "imageIds": {}}"#,
        "/imageIds",
        Code::Type,
    );
}

// ------------------------------------------------------------------ items

fn image_ids(count: usize) -> String {
    let ids: Vec<_> = (0..count)
        .map(|i| serde_json::json!({ "imageTag": format!("v{i}") }))
        .collect();
    serde_json::json!({ "repositoryName": "ubuntu", "imageIds": ids }).to_string()
}

#[test]
fn image_identifier_list_takes_1_to_100_items() {
    let one_item: BatchGetImageRequest = ok(&image_ids(1));
    assert_eq!(one_item.image_ids.len(), 1);
    let hundred: BatchGetImageRequest = ok(&image_ids(100));
    assert_eq!(hundred.image_ids.len(), 100);
    breaks::<BatchGetImageRequest>(&image_ids(0), "/imageIds", Code::Items);
    breaks::<BatchGetImageRequest>(&image_ids(101), "/imageIds", Code::Items);
}

#[test]
fn item_violations_are_reported_with_the_list_size_violation() {
    let mut request: serde_json::Value = serde_json::from_str(&image_ids(101)).expect("json");
    request["imageIds"][100]["imageTag"] = "".into();
    assert_eq!(
        violations::<BatchGetImageRequest>(&request.to_string()),
        vec![
            ("/imageIds/100/imageTag".to_string(), Code::Length),
            ("/imageIds".to_string(), Code::Items),
        ]
    );
}

// ------------------------------------------------------------------ enums

#[test]
fn enum_membership_is_case_sensitive() {
    let got: PutRegistryScanningConfigurationRequest = ok(r#"{"scanType": "BASIC"}"#);
    assert_eq!(got.scan_type, Some(ScanType::Basic));
    let got: PutRegistryScanningConfigurationRequest = ok(r#"{"scanType": "ENHANCED"}"#);
    assert_eq!(got.scan_type, Some(ScanType::Enhanced));
    each_breaks::<PutRegistryScanningConfigurationRequest>(
        &["basic", "Basic", "BASIC ", "ENHANCED_", ""],
        |value| serde_json::json!({ "scanType": value }).to_string(),
        "/scanType",
        Code::Enum,
    );
}

#[test]
fn unknown_enum_value_is_kept_when_allowed() {
    let opts = Options::default().allow_unknown_enums(true);
    let got = from_json_with::<PutRegistryScanningConfigurationRequest>(
        r#"{"scanType": "basic"}"#,
        &opts,
    )
    .expect("unknown enum values are allowed");
    assert_eq!(got.scan_type, Some(ScanType::Unknown("basic".to_string())));
    assert!(!got.scan_type.as_ref().is_some_and(ScanType::is_known));
    // Known values still read as themselves.
    let got = from_json_with::<PutRegistryScanningConfigurationRequest>(
        r#"{"scanType": "BASIC"}"#,
        &opts,
    )
    .expect("valid");
    assert_eq!(got.scan_type, Some(ScanType::Basic));
    // The value is written back unchanged.
    assert_eq!(
        serde_json::to_string(&ScanType::Unknown("basic".into())).expect("serializes"),
        r#""basic""#
    );
}

#[test]
fn enum_map_key_violation_points_at_the_entry() {
    assert_eq!(
        violations::<ImageScanFindingsSummary>(
            r#"{"findingSeverityCounts": {"HIGH": 1, "SEVERE": 2, "low": 3}}"#
        ),
        vec![
            ("/findingSeverityCounts/SEVERE".to_string(), Code::Enum),
            ("/findingSeverityCounts/low".to_string(), Code::Enum),
        ]
    );
    let got: ImageScanFindingsSummary =
        ok(r#"{"findingSeverityCounts": {"HIGH": 1, "CRITICAL": 0, "UNDEFINED": 4}}"#);
    let counts = got.finding_severity_counts.expect("present");
    assert_eq!(counts.get(&FindingSeverity::High), Some(&1));
    assert_eq!(counts.get(&FindingSeverity::Critical), Some(&0));
    assert_eq!(counts.get(&FindingSeverity::Undefined), Some(&4));
}

#[test]
fn enum_map_key_unknown_value_is_kept_when_allowed() {
    let got = from_json_with::<ImageScanFindingsSummary>(
        r#"{"findingSeverityCounts": {"SEVERE": 2}}"#,
        &Options::default().allow_unknown_enums(true),
    )
    .expect("unknown enum keys are allowed");
    let counts = got.finding_severity_counts.expect("present");
    assert_eq!(
        counts.get(&FindingSeverity::Unknown("SEVERE".into())),
        Some(&2)
    );
}

#[test]
fn map_value_range_violation_points_at_the_entry() {
    // SeverityCount: integer, min 0.
    breaks::<ImageScanFindingsSummary>(
        r#"{"findingSeverityCounts": {"LOW": -1, "HIGH": 0}}"#,
        "/findingSeverityCounts/LOW",
        Code::Range,
    );
}

// ------------------------------------------------------------------ null, required, unknown, duplicate

#[test]
fn null_for_an_optional_member_is_the_same_as_absent() {
    let with_null: DescribeRepositoriesRequest =
        ok(r#"{"maxResults": null, "registryId": null, "repositoryNames": null}"#);
    let empty: DescribeRepositoriesRequest = ok("{}");
    assert_eq!(with_null, empty);
    assert_eq!(with_null.max_results, None);
    // Also in strict mode.
    assert_eq!(
        violations_with::<DescribeRepositoriesRequest>(
            r#"{"maxResults": null}"#,
            &Options::default().strict(true)
        ),
        vec![]
    );
}

#[test]
fn null_for_a_required_member_is_a_type_error_not_required() {
    breaks::<CreateRepositoryRequest>(r#"{"repositoryName": null}"#, NAME, Code::Type);
    breaks::<CreateRepositoryRequest>(
        r#"{"repositoryName": "ubuntu", "encryptionConfiguration": {"encryptionType": null}}"#,
        "/encryptionConfiguration/encryptionType",
        Code::Type,
    );
}

#[test]
fn null_list_item_is_a_type_error() {
    breaks::<BatchGetImageRequest>(
        r#"{"repositoryName": "ubuntu", "imageIds": [{"imageTag": "a"}, null]}"#,
        "/imageIds/1",
        Code::Type,
    );
    breaks::<DescribeRepositoriesRequest>(
        r#"{"repositoryNames": ["ab", null]}"#,
        "/repositoryNames/1",
        Code::Type,
    );
}

#[test]
fn null_map_value_is_a_type_error() {
    breaks::<Resource>(
        r#"{"tags": {"team": "web", "owner": null}}"#,
        "/tags/owner",
        Code::Type,
    );
}

#[test]
fn missing_required_member_points_at_the_member() {
    breaks::<CreateRepositoryRequest>("{}", NAME, Code::Required);
    assert_eq!(
        violations::<BatchGetImageRequest>("{}"),
        vec![
            ("/repositoryName".to_string(), Code::Required),
            ("/imageIds".to_string(), Code::Required),
        ]
    );
    breaks::<CreateRepositoryRequest>(
        r#"{"repositoryName": "ubuntu", "encryptionConfiguration": {"kmsKey": "alias/ecr"}}"#,
        "/encryptionConfiguration/encryptionType",
        Code::Required,
    );
    breaks::<CreateRepositoryRequest>(
        r#"{"repositoryName": "ubuntu", "tags": [{"Key": "team"}]}"#,
        "/tags/0/Value",
        Code::Required,
    );
}

#[test]
fn the_document_must_be_an_object() {
    each_breaks::<CreateRepositoryRequest>(
        &["[]", "null", "\"ubuntu\"", "1"],
        str::to_string,
        "",
        Code::Type,
    );
}

#[test]
fn unknown_members_are_ignored_by_default_and_refused_in_strict_mode() {
    let json = r#"{"repositoryName": "ubuntu", "colour": "red", "nested": {"a": [1, 2]}}"#;
    let got: CreateRepositoryRequest = ok(json);
    assert_eq!(got.repository_name, "ubuntu");
    assert_eq!(
        violations_with::<CreateRepositoryRequest>(json, &Options::default().strict(true)),
        vec![
            ("/colour".to_string(), Code::UnknownField),
            ("/nested".to_string(), Code::UnknownField),
        ]
    );
    // Member names are case-sensitive: `RepositoryName` is not `repositoryName`.
    assert_eq!(
        violations_with::<CreateRepositoryRequest>(
            r#"{"RepositoryName": "ubuntu"}"#,
            &Options::default().strict(true)
        ),
        vec![
            ("/RepositoryName".to_string(), Code::UnknownField),
            ("/repositoryName".to_string(), Code::Required),
        ]
    );
}

#[test]
fn unknown_members_in_nested_structures_are_refused_in_strict_mode() {
    let json = r#"{"repositoryName": "ubuntu", "imageIds": [{"imageTag": "a", "digest": "x"}]}"#;
    ok::<BatchGetImageRequest>(json);
    assert_eq!(
        violations_with::<BatchGetImageRequest>(json, &Options::default().strict(true)),
        one("/imageIds/0/digest", Code::UnknownField)
    );
}

#[test]
fn duplicate_member_is_a_duplicate_violation() {
    breaks::<CreateRepositoryRequest>(
        r#"{"repositoryName": "ab", "repositoryName": "cd"}"#,
        NAME,
        Code::Duplicate,
    );
    breaks::<DescribeRepositoriesRequest>(
        r#"{"maxResults": 5, "maxResults": 5}"#,
        "/maxResults",
        Code::Duplicate,
    );
}

#[test]
fn duplicate_map_key_is_a_duplicate_violation() {
    breaks::<Resource>(
        r#"{"tags": {"team": "web", "team": "api"}}"#,
        "/tags/team",
        Code::Duplicate,
    );
    breaks::<ImageScanFindingsSummary>(
        r#"{"findingSeverityCounts": {"HIGH": 1, "HIGH": 1}}"#,
        "/findingSeverityCounts/HIGH",
        Code::Duplicate,
    );
}

// ------------------------------------------------------------------ blob

fn upload_part(blob: &str) -> String {
    serde_json::json!({
        "repositoryName": "ubuntu",
        "uploadId": "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0",
        "partFirstByte": 0,
        "partLastByte": 4,
        "layerPartBlob": blob,
    })
    .to_string()
}

#[test]
fn blob_accepts_canonical_padded_base64() {
    let got: UploadLayerPartRequest = ok(&upload_part("aGVsbG8="));
    assert_eq!(got.layer_part_blob.as_bytes(), b"hello");
    let got: UploadLayerPartRequest = ok(&upload_part("aGVsbA=="));
    assert_eq!(got.layer_part_blob.as_bytes(), b"hell");
    let got: UploadLayerPartRequest = ok(&upload_part("aGVs"));
    assert_eq!(got.layer_part_blob.as_bytes(), b"hel");
    let got: UploadLayerPartRequest = ok(&upload_part("+/+/"));
    assert_eq!(got.layer_part_blob.as_bytes(), [0xfb, 0xff, 0xbf]);
    // LayerPartBlob: min 0, so an empty blob is fine.
    let got: UploadLayerPartRequest = ok(&upload_part(""));
    assert!(got.layer_part_blob.is_empty());
}

#[test]
fn blob_refuses_unpadded_non_canonical_and_other_alphabets() {
    each_breaks::<UploadLayerPartRequest>(
        &[
            "aGVsbG8",      // padding missing
            "aGVsbA=",      // padding short
            "aGVsbG9=",     // trailing bits not zero (non-canonical "hello")
            "aGVsbB==",     // trailing bits not zero (non-canonical "hell")
            "aGVs\nbG8=",   // line break
            "aGVs bG8=",    // space
            "-_-_",         // URL-safe alphabet
            "aGVsbG8=====", // too much padding
            "=",
        ],
        upload_part,
        "/layerPartBlob",
        Code::Base64,
    );
}

#[test]
fn blob_serializes_back_to_canonical_base64() {
    let got: UploadLayerPartRequest = ok(&upload_part("aGVsbG8="));
    let json: serde_json::Value = serde_json::to_value(&got).expect("serializes");
    assert_eq!(json["layerPartBlob"], "aGVsbG8=");
}

#[test]
fn blob_size_counts_decoded_bytes_up_to_the_maximum() {
    // ecr-public LogoImageBlob: 0..=512000 bytes (decoded, not base64 characters).
    use base64::Engine as _;
    use ecr_models::ecr_public::RepositoryCatalogDataInput;
    let logo = |len: usize| {
        let text = base64::engine::general_purpose::STANDARD.encode(vec![0x89u8; len]);
        serde_json::json!({ "logoImageBlob": text }).to_string()
    };
    let got: RepositoryCatalogDataInput = ok(&logo(512_000));
    assert_eq!(got.logo_image_blob.map(|b| b.len()), Some(512_000));
    breaks::<RepositoryCatalogDataInput>(&logo(512_001), "/logoImageBlob", Code::Length);
    ok::<RepositoryCatalogDataInput>(&logo(0));
}

#[test]
fn list_with_only_a_maximum_takes_0_to_max_items() {
    // ecr-public ArchitectureList: max 50, no minimum.
    use ecr_models::ecr_public::RepositoryCatalogDataInput;
    let architectures =
        |n: usize| serde_json::json!({ "architectures": vec!["ARM 64"; n] }).to_string();
    ok::<RepositoryCatalogDataInput>(&architectures(0));
    ok::<RepositoryCatalogDataInput>(&architectures(50));
    breaks::<RepositoryCatalogDataInput>(&architectures(51), "/architectures", Code::Items);
}

// ------------------------------------------------------------------ timestamps

fn pushed_at(value: &str) -> String {
    format!(r#"{{"imagePushedAt": {value}}}"#)
}

/// The instant 2023-11-14T22:13:20.56Z as (epoch seconds, nanoseconds).
const INSTANT: (i64, u32) = (1_700_000_000, 560_000_000);

fn instant_of(json: &str) -> (i64, u32) {
    let detail: ImageDetail = ok(json);
    let t = detail.image_pushed_at.expect("imagePushedAt");
    (t.epoch_seconds(), t.subsec_nanos())
}

/// Asserts that each `(value, instant)`, the JSON text of an
/// `imagePushedAt`, reads as that instant.
fn reads_as(cases: &[(&str, (i64, u32))]) {
    for &(value, instant) in cases {
        assert_eq!(instant_of(&pushed_at(value)), instant, "{value}");
    }
}

#[test]
fn timestamp_accepts_epoch_seconds_integer_and_fraction() {
    reads_as(&[
        ("1700000000", (1_700_000_000, 0)),
        ("1700000000.56", INSTANT),
        ("1.70000000056E9", INSTANT),
        ("0", (0, 0)),
        ("-1.5", (-2, 500_000_000)),
    ]);
}

#[test]
fn timestamp_accepts_rfc3339_with_z_offset_and_fraction() {
    reads_as(&[
        (r#""2023-11-14T22:13:20Z""#, (1_700_000_000, 0)),
        (r#""2023-11-14T22:13:20.56Z""#, INSTANT),
        (r#""2023-11-14T22:13:20.560000000Z""#, INSTANT),
        (r#""2023-11-15T03:43:20.56+05:30""#, INSTANT),
        (r#""2023-11-14T14:13:20.56-08:00""#, INSTANT),
        (r#""2023-11-14t22:13:20.56z""#, INSTANT),
    ]);
}

#[test]
fn timestamp_accepts_python_str_datetime_form() {
    reads_as(&[
        (r#""2023-11-14 22:13:20.560000+00:00""#, INSTANT),
        (r#""2023-11-14 22:13:20+00:00""#, (1_700_000_000, 0)),
        (r#""2023-11-14 14:13:20.560000-08:00""#, INSTANT),
    ]);
}

#[test]
fn timestamp_accepts_february_29_of_leap_years_only() {
    reads_as(&[
        (r#""2024-02-29T00:00:00Z""#, (1_709_164_800, 0)),
        (r#""2000-02-29T00:00:00Z""#, (951_782_400, 0)),
    ]);
    each_breaks::<ImageDetail>(
        &[r#""2023-02-29T00:00:00Z""#, r#""1900-02-29T00:00:00Z""#],
        pushed_at,
        "/imagePushedAt",
        Code::Timestamp,
    );
}

#[test]
fn timestamp_refuses_impossible_dates_and_times() {
    each_breaks::<ImageDetail>(
        &[
            r#""2023-13-14T22:13:20Z""#,      // month 13
            r#""2023-00-14T22:13:20Z""#,      // month 0
            r#""2023-11-14T25:13:20Z""#,      // hour 25
            r#""2023-11-14T24:00:00Z""#,      // hour 24
            r#""2023-02-30T00:00:00Z""#,      // February 30
            r#""2023-04-31T00:00:00Z""#,      // April 31
            r#""2023-11-14T22:60:20Z""#,      // minute 60
            r#""2023-11-14T22:13:61Z""#,      // second 61
            r#""2023-11-14T22:13:20+24:00""#, // offset hour 24
            r#""2023-11-14""#,                // no time
            r#""2023-11-14T22:13:20.Z""#,     // empty fraction
            r#""not a date""#,
            r#""""#,
        ],
        pushed_at,
        "/imagePushedAt",
        Code::Timestamp,
    );
}

#[test]
fn timestamp_of_the_wrong_json_type_is_a_type_error() {
    each_breaks::<ImageDetail>(
        &["true", "[]", "{}"],
        pushed_at,
        "/imagePushedAt",
        Code::Type,
    );
}

// ------------------------------------------------------------------ all violations, pointers, limits

#[test]
fn every_violation_of_a_document_is_reported_in_document_order() {
    // Members in an order other than the model's, each breaking one rule.
    let json = r#"{
        "maxResults": 0,
        "filter": {"tagStatus": "tagged"},
        "imageIds": [{"imageTag": "v1"}, {"imageTag": ""}],
        "repositoryName": "x",
        "registryId": "12345"
    }"#;
    let err = from_json::<DescribeImagesRequest>(json).expect_err("invalid");
    assert_eq!(
        pairs(&err),
        [
            ("/maxResults", Code::Range),
            ("/filter/tagStatus", Code::Enum),
            ("/imageIds/1/imageTag", Code::Length),
            ("/repositoryName", Code::Length),
            ("/registryId", Code::Pattern),
        ]
    );
    assert_eq!(err.total(), 5);
    assert_eq!(err.omitted(), 0);
    assert!(!err.is_syntax());
}

#[test]
fn json_pointer_escapes_slash_and_tilde_in_map_keys() {
    // Tags (Resource.tags) keys are free strings.
    breaks::<Resource>(
        r#"{"tags": {"aws:cloudformation/stack~name": 5}}"#,
        "/tags/aws:cloudformation~1stack~0name",
        Code::Type,
    );
    // Annotations (ImageReferrer.annotations): String to String.
    breaks::<ImageReferrer>(
        r#"{"digest": "sha256:0a", "mediaType": "application/vnd.oci.image.manifest.v1+json",
                "size": 10, "annotations": {"org.opencontainers/~created": false}}"#,
        "/annotations/org.opencontainers~1~0created",
        Code::Type,
    );
    // boto3's ResponseMetadata.HTTPHeaders.
    assert_eq!(
        violations::<ResponseMetadata>(
            r#"{"RequestId": "r", "HTTPStatusCode": 200, "RetryAttempts": 0,
                "HTTPHeaders": {"x/y~z": 1, "~1": null}}"#
        ),
        vec![
            ("/HTTPHeaders/x~1y~0z".to_string(), Code::Type),
            ("/HTTPHeaders/~01".to_string(), Code::Type),
        ]
    );
    // Member names too, in strict mode.
    assert_eq!(
        violations_with::<CreateRepositoryRequest>(
            r#"{"repositoryName": "ubuntu", "a/b": 1, "~": 2, "": 3}"#,
            &Options::default().strict(true)
        ),
        vec![
            ("/a~1b".to_string(), Code::UnknownField),
            ("/~0".to_string(), Code::UnknownField),
            ("/".to_string(), Code::UnknownField),
        ]
    );
}

#[test]
fn map_keys_with_slash_and_tilde_are_read_unchanged() {
    let got: Resource = ok(r#"{"tags": {"a/b": "1", "c~d": "2"}}"#);
    let tags = got.tags.expect("tags");
    assert_eq!(tags.get("a/b").map(String::as_str), Some("1"));
    assert_eq!(tags.get("c~d").map(String::as_str), Some("2"));
}

/// A request breaking five rules, each in a member of its own, as parsed
/// from its JSON and as validated.
fn five_faults() -> (ecr_models::Error, ecr_models::Error) {
    let encryption = EncryptionConfiguration::builder()
        .encryption_type(EncryptionType::Kms)
        .kms_key("")
        .build_unchecked()
        .expect("every required member set");
    let request = CreateRepositoryRequest::builder()
        .registry_id("12345678901")
        .repository_name("Team/App")
        .image_tag_mutability(ImageTagMutability::Unknown("mutable".into()))
        .image_tag_mutability_exclusion_filters(Vec::new())
        .encryption_configuration(encryption)
        .build_unchecked()
        .expect("every required member set");
    let json = serde_json::to_string(&request).expect("serializes");
    let parsed = from_json::<CreateRepositoryRequest>(&json).expect_err("invalid JSON");
    let validated = request.validate().expect_err("invalid value");
    (parsed, validated)
}

#[test]
fn validate_on_a_built_struct_reports_the_same_violations_as_parsing_its_json() {
    let (parsed, validated) = five_faults();
    fn sorted(err: &ecr_models::Error) -> Vec<(&str, Code)> {
        let mut got = pairs(err);
        got.sort();
        got
    }
    let mut expected = vec![
        ("/registryId", Code::Pattern),
        ("/repositoryName", Code::Pattern),
        ("/imageTagMutability", Code::Enum),
        ("/imageTagMutabilityExclusionFilters", Code::Items),
        ("/encryptionConfiguration/kmsKey", Code::Length),
    ];
    expected.sort();
    assert_eq!(sorted(&parsed), expected);
    assert_eq!(sorted(&validated), expected);

    // A valid value validates; an unknown enum value only when allowed.
    let valid = CreateRepositoryRequest::builder()
        .repository_name("team/app")
        .image_tag_mutability(ImageTagMutability::Unknown("mutable".into()))
        .build_unchecked()
        .expect("every required member set");
    let err = valid.validate().expect_err("unknown enum");
    assert_eq!(pairs(&err), [("/imageTagMutability", Code::Enum)]);
    assert!(valid
        .validate_with(&Options::default().allow_unknown_enums(true))
        .is_ok());
}

#[test]
fn validate_reports_violations_in_the_order_of_the_serialized_document() {
    let (parsed, validated) = five_faults();
    // The same violations, but a value built in code has no place in a
    // text.
    let said = |e: &Error| -> Vec<(String, Code, String)> {
        e.violations()
            .iter()
            .map(|v| (v.path.clone(), v.code, v.message.clone()))
            .collect()
    };
    assert_eq!(said(&validated), said(&parsed));
    assert!(validated.violations().iter().all(|v| v.span.is_none()));
    assert!(parsed.violations().iter().all(|v| v.span.is_some()));
}

#[test]
fn max_violations_caps_the_list_and_counts_the_rest() {
    let ids: Vec<_> = (0..100)
        .map(|_| serde_json::json!({ "imageTag": "" }))
        .collect();
    let json = serde_json::json!({ "repositoryName": "ubuntu", "imageIds": ids }).to_string();
    let all = from_json::<BatchGetImageRequest>(&json).expect_err("invalid");
    assert_eq!(all.violations().len(), 100);
    assert_eq!(all.omitted(), 0);

    let capped =
        from_json_with::<BatchGetImageRequest>(&json, &Options::default().max_violations(10))
            .expect_err("invalid");
    assert_eq!(capped.violations().len(), 10);
    assert_eq!(capped.omitted(), 90);
    assert_eq!(capped.total(), 100);
    let paths: Vec<&str> = capped
        .violations()
        .iter()
        .map(|v| v.path.as_str())
        .collect();
    let expected: Vec<String> = (0..10).map(|i| format!("/imageIds/{i}/imageTag")).collect();
    assert_eq!(paths, expected);
    assert!(format!("{capped:#}").contains("and 90 more"), "{capped:#}");
}

#[test]
fn max_violations_of_zero_still_fails_the_document() {
    let err = from_json_with::<CreateRepositoryRequest>(
        r#"{"repositoryName": "A"}"#,
        &Options::default().max_violations(0),
    )
    .expect_err("invalid");
    assert!(err.violations().is_empty());
    assert_eq!(err.total(), 2);
}

#[test]
fn syntax_error_carries_line_and_column() {
    // The `@` is on line 3, column 12.
    let json = "{\n  \"repositoryName\": \"ubuntu\",\n  \"force\": @\n}";
    let err = from_json::<DeleteRepositoryRequest>(json).expect_err("malformed");
    assert!(err.is_syntax());
    let v = err.violations().last().expect("a violation");
    assert_eq!(v.code, Code::Syntax);
    assert_eq!(v.path, "");
    assert_eq!((v.line, v.column), (Some(3), Some(12)));
}

#[test]
fn trailing_text_after_the_document_is_a_syntax_error() {
    let err = from_json::<DeleteRepositoryRequest>("{\"repositoryName\": \"ubuntu\"}\n x")
        .expect_err("trailing characters");
    assert!(err.is_syntax());
    let v = err.violations().last().expect("a violation");
    assert_eq!((v.code, v.line, v.column), (Code::Syntax, Some(2), Some(2)));
}

#[test]
fn violations_before_a_syntax_error_are_kept() {
    let err = from_json::<DescribeRepositoriesRequest>(r#"{"maxResults": 0, "registryId": }"#)
        .expect_err("malformed");
    assert_eq!(
        pairs(&err),
        [("/maxResults", Code::Range), ("", Code::Syntax)]
    );
}

// ------------------------------------------------------------------ secrets

const TOKEN: &str = "QVdTOnN1cGVyLXNlY3JldC10b2tlbi12YWx1ZQ==";

#[test]
fn authorization_token_never_appears_in_debug_output() {
    let json = serde_json::json!({
        "authorizationData": [{
            "authorizationToken": TOKEN,
            "expiresAt": 1700043220,
            "proxyEndpoint": "https://123456789012.dkr.ecr.us-east-1.amazonaws.com",
        }]
    })
    .to_string();
    let response: GetAuthorizationTokenResponse = ok(&json);
    let data: &AuthorizationData = &response.authorization_data.as_ref().expect("data")[0];
    assert_eq!(data.authorization_token.as_deref(), Some(TOKEN));
    let debug = format!("{data:?} {response:?} {data:#?}");
    assert!(!debug.contains(TOKEN), "{debug}");
    assert!(!debug.contains("QVdTOnN1cGVy"), "{debug}");
    assert!(
        debug.contains("proxy_endpoint"),
        "other members are shown: {debug}"
    );

    let public: ecr_models::ecr_public::GetAuthorizationTokenResponse = ok(&serde_json::json!({
        "authorizationData": { "authorizationToken": TOKEN, "expiresAt": 1700043220 }
    })
    .to_string());
    let debug = format!("{public:?}");
    assert!(!debug.contains(TOKEN), "{debug}");
}

#[test]
fn authorization_token_never_appears_in_a_violation_message() {
    // `Base64`: `^\S+$`; a space breaks it. The token must not be quoted.
    let secret = "QVdTOnN1cGVy LXNlY3JldC10b2tlbi12YWx1ZQ==";
    let json = serde_json::json!({
        "authorizationData": [{ "authorizationToken": secret }]
    })
    .to_string();
    let err = from_json::<GetAuthorizationTokenResponse>(&json).expect_err("pattern");
    assert_eq!(
        pairs(&err),
        [("/authorizationData/0/authorizationToken", Code::Pattern)]
    );
    let shown = format!("{err} {err:?}");
    for part in ["QVdTOnN1cGVy", "LXNlY3JldC10b2tlbi12YWx1ZQ"] {
        assert!(!shown.contains(part), "{shown}");
    }
    // ecr-public's token has the same rule and the same protection.
    let json =
        serde_json::json!({ "authorizationData": { "authorizationToken": secret } }).to_string();
    let err = from_json::<ecr_models::ecr_public::GetAuthorizationTokenResponse>(&json)
        .expect_err("pattern");
    assert_eq!(
        err.violations()[0].path,
        "/authorizationData/authorizationToken"
    );
    let shown = format!("{err} {err:?}");
    assert!(!shown.contains("QVdTOnN1cGVy"), "{shown}");
}

#[test]
fn an_ordinary_pattern_violation_quotes_the_value() {
    // The contrast to the secret: a repository name is quoted.
    let err = from_json::<CreateRepositoryRequest>(&create_repository("MyRepository"))
        .expect_err("pattern");
    assert!(err.violations()[0].message.contains("MyRepository"));
}

// ------------------------------------------------------------------ boto3 extras

#[test]
fn paginate_request_has_no_page_token_or_size_but_a_pagination_config() {
    // paginators-1.json: DescribeImages' input_token is nextToken and its
    // limit_key maxResults; boto3's paginator takes PaginationConfig instead.
    let got: DescribeImagesPaginateRequest = ok(
        r#"{"repositoryName": "ubuntu", "PaginationConfig": {"MaxItems": 10, "PageSize": 5, "StartingToken": "abc"}}"#,
    );
    let config = got.pagination_config.expect("PaginationConfig");
    assert_eq!((config.max_items, config.page_size), (Some(10), Some(5)));
    assert_eq!(
        violations_with::<DescribeImagesPaginateRequest>(
            r#"{"repositoryName": "ubuntu", "maxResults": 5, "nextToken": "t"}"#,
            &Options::default().strict(true)
        ),
        vec![
            ("/maxResults".to_string(), Code::UnknownField),
            ("/nextToken".to_string(), Code::UnknownField),
        ]
    );
    // The operation's own rules still apply.
    assert_eq!(
        violations::<DescribeImagesPaginateRequest>(r#"{"repositoryName": "U"}"#),
        vec![
            ("/repositoryName".to_string(), Code::Length),
            ("/repositoryName".to_string(), Code::Pattern),
        ]
    );
}

#[test]
fn wait_request_is_the_operation_input_plus_waiter_config() {
    // waiters-2.json: ImageScanComplete waits on DescribeImageScanFindings,
    // whose input requires repositoryName and imageId.
    let got: ImageScanCompleteWaitRequest = ok(
        r#"{"repositoryName": "ubuntu", "imageId": {"imageTag": "latest"},
            "WaiterConfig": {"Delay": 5, "MaxAttempts": 60}}"#,
    );
    assert_eq!(
        got.image_id,
        ImageIdentifier::builder()
            .image_tag("latest")
            .build()
            .expect("valid")
    );
    let config = got.waiter_config.expect("WaiterConfig");
    assert_eq!((config.delay, config.max_attempts), (Some(5), Some(60)));
    breaks::<ImageScanCompleteWaitRequest>(
        r#"{"repositoryName": "ubuntu"}"#,
        "/imageId",
        Code::Required,
    );
}

// ------------------------------------------------------------------ helpers

/// The pattern of a string shape, as `service-2.json` writes it (the
/// generated `Pattern::model`, which codegen/tests/current.rs keeps equal
/// to the vendored model).
fn model_pattern(service: ecr_models::Service, shape: &str) -> &'static str {
    use ecr_models::registry::{self, ShapeRef};
    use ecr_models::shape::Ty;
    let entry = registry::find(service, shape).expect("a shape");
    match entry.shape {
        ShapeRef::Scalar(scalar) => match scalar.ty {
            Ty::String(rule) => rule.pattern.expect("a pattern").model,
            _ => panic!("{shape} is not a string shape"),
        },
        _ => panic!("{shape} is not a scalar shape"),
    }
}

/// Every model pattern has a full DFA, and its matcher (its runs of ASCII
/// classes where it is one, else the DFA) gives the `regex` crate's
/// verdict on values made to match it and on near misses: cut short,
/// extended, with a space, a non-ASCII letter or a changed case.
#[test]
fn every_model_pattern_has_a_dfa_that_agrees_with_regex() {
    use ecr_models::registry::{self, ShapeRef};
    use ecr_models::shape::Ty;
    use ecr_models::testdata::Generator;
    let mut generator = Generator::new(11);
    let mut patterns = 0;
    for &service in ecr_models::Service::ALL {
        for entry in registry::entries(service) {
            let ShapeRef::Scalar(scalar) = entry.shape else {
                continue;
            };
            let Ty::String(rule) = scalar.ty else {
                continue;
            };
            let Some(pattern) = rule.pattern else {
                continue;
            };
            patterns += 1;
            assert!(pattern.dfa().is_some(), "{}: no DFA", entry.name);
            let mut values = vec![String::new(), " ".into(), "é".into()];
            for _ in 0..20 {
                let valid = generator.string(rule);
                assert!(pattern.is_match(&valid), "{}: {valid:?}", entry.name);
                let mut chars = valid.chars();
                chars.next_back();
                values.push(chars.as_str().to_string());
                values.push(format!("{valid}x"));
                values.push(format!("{valid} "));
                values.push(format!("é{valid}"));
                values.push(valid.to_uppercase());
                values.push(valid.to_lowercase());
                values.push(valid);
            }
            for value in values {
                assert_eq!(
                    pattern.is_match(&value),
                    pattern.regex().is_match(&value),
                    "{}: {value:?}",
                    entry.name
                );
            }
        }
    }
    assert!(patterns >= 20, "{patterns} patterns");
}
