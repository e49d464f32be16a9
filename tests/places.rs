//! Each violation read from text carries its place: the bytes it is about,
//! and the 1-based line and column (in characters) where they start. The
//! places below are counted by hand from the documents.

use ecr_models::documents::LifecyclePolicy;
use ecr_models::ecr::{
    BatchGetImageRequest, CreateRepositoryRequest, DescribeImagesResponse, ListImagesRequest,
    PutLifecyclePolicyRequest, ServiceError, UploadLayerPartRequest,
};
use ecr_models::{check_slice, from_json_with, registry, Code, Error, Model, Options, Service};

/// A violation's path, code, line, column and span.
type Place = (String, Code, usize, usize, (usize, usize));

fn places_of(error: &Error) -> Vec<Place> {
    error
        .violations()
        .iter()
        .map(|v| {
            let span = v.span.expect("a place");
            (
                v.path.clone(),
                v.code,
                v.line.expect("a line"),
                v.column.expect("a column"),
                (span.start, span.end),
            )
        })
        .collect()
}

/// The places of `doc`'s violations as `T`, the same whether it is read
/// into a typed value or only checked.
fn places<T: Model + std::fmt::Debug>(doc: &str, opts: &Options) -> Vec<Place> {
    let typed = from_json_with::<T>(doc, opts).expect_err("invalid");
    let checked = check_slice::<T>(doc.as_bytes(), opts).expect_err("invalid");
    assert_eq!(places_of(&typed), places_of(&checked), "{doc}");
    places_of(&checked)
}

fn one(path: &str, code: Code, line: usize, column: usize, span: (usize, usize)) -> Vec<Place> {
    vec![(path.to_string(), code, line, column, span)]
}

fn lenient() -> Options {
    Options::new()
}

#[test]
fn a_value_is_placed_at_its_own_bytes() {
    // `{"repositoryName":` is 18 bytes; the value follows.
    for (doc, code, end) in [
        (r#"{"repositoryName":"MyRepo"}"#, Code::Pattern, 26),
        (r#"{"repositoryName":5}"#, Code::Type, 19),
        (r#"{"repositoryName":"a"}"#, Code::Length, 21),
    ] {
        assert_eq!(
            places::<CreateRepositoryRequest>(doc, &lenient()),
            one("/repositoryName", code, 1, 19, (18, end)),
            "{doc}"
        );
    }
    // `{"repositoryName":"app",` is 24 bytes, `"maxResults":` 13 more.
    assert_eq!(
        places::<ListImagesRequest>(r#"{"repositoryName":"app","maxResults":0}"#, &lenient()),
        one("/maxResults", Code::Range, 1, 38, (37, 38))
    );
    // `"imageIds":` is 11 bytes after the 24.
    assert_eq!(
        places::<BatchGetImageRequest>(r#"{"repositoryName":"app","imageIds":[]}"#, &lenient()),
        one("/imageIds", Code::Items, 1, 36, (35, 37))
    );
    // `{"imageDetails":[{"imagePushedAt":` is 34 bytes.
    assert_eq!(
        places::<DescribeImagesResponse>(
            r#"{"imageDetails":[{"imagePushedAt":"yesterday"}]}"#,
            &lenient()
        ),
        one(
            "/imageDetails/0/imagePushedAt",
            Code::Timestamp,
            1,
            35,
            (34, 45)
        )
    );
    // `{"layerPartBlob":` is 17 bytes.
    let blob = r#"{"layerPartBlob":"!!!","repositoryName":"app","uploadId":"0a1b2c3d-0000-4000-8000-00000000000f","partFirstByte":0,"partLastByte":1}"#;
    assert_eq!(
        places::<UploadLayerPartRequest>(blob, &lenient()),
        one("/layerPartBlob", Code::Base64, 1, 18, (17, 22))
    );
    // An enum value, on the second line.
    let doc = "{\"repositoryName\":\"app\",\n \"imageTagMutability\":\"SOMETIMES\"}";
    assert_eq!(
        places::<CreateRepositoryRequest>(doc, &lenient()),
        one("/imageTagMutability", Code::Enum, 2, 23, (47, 58))
    );
}

#[test]
fn columns_count_characters_and_spans_count_bytes() {
    // Before the value: `{"tags":[{"Key":"héllo","Value":"wörld"}],"repositoryName":`
    // is 59 characters and 61 bytes (é and ö take two bytes each).
    let doc = r#"{"tags":[{"Key":"héllo","Value":"wörld"}],"repositoryName":"MyRepo"}"#;
    assert_eq!(
        places::<CreateRepositoryRequest>(doc, &lenient()),
        one("/repositoryName", Code::Pattern, 1, 60, (61, 69))
    );
}

#[test]
fn a_value_with_escapes_is_placed_as_written() {
    // `"My\u0052epo\n"` is 15 bytes as written (it stands for 8).
    let doc = r#"{"repositoryName":"My\u0052epo\n"}"#;
    assert_eq!(
        places::<CreateRepositoryRequest>(doc, &lenient()),
        one("/repositoryName", Code::Pattern, 1, 19, (18, 33))
    );
}

#[test]
fn a_value_at_the_end_of_a_long_line_is_placed() {
    // `{"repositoryName":"` (19 bytes), 250 letters, then
    // `","imageTagMutability":` (23 bytes): the value starts at byte 292.
    let doc = format!(
        r#"{{"repositoryName":"{}","imageTagMutability":"SOMETIMES"}}"#,
        "a".repeat(250)
    );
    assert_eq!(
        places::<CreateRepositoryRequest>(&doc, &lenient()),
        one("/imageTagMutability", Code::Enum, 1, 293, (292, 303))
    );
}

#[test]
fn a_missing_member_is_placed_at_the_object_that_lacks_it() {
    let doc = "{\n  \"tags\": [\n    {\"Key\": \"team\"}\n  ],\n  \"repositoryName\": \"app\"\n}";
    // The third line starts at byte 14; the object after its four spaces.
    assert_eq!(
        places::<CreateRepositoryRequest>(doc, &lenient()),
        one("/tags/0/Value", Code::Required, 3, 5, (18, 33))
    );
    // A required member of the whole document: the document.
    assert_eq!(
        places::<CreateRepositoryRequest>("{}", &lenient()),
        one("/repositoryName", Code::Required, 1, 1, (0, 2))
    );
}

#[test]
fn an_unknown_or_repeated_member_is_placed_at_its_name() {
    // `{"repositoryName":"app",` is 24 bytes; the name `"colour"` follows.
    let doc = r#"{"repositoryName":"app","colour":"blue"}"#;
    assert_eq!(
        places::<CreateRepositoryRequest>(doc, &Options::new().strict(true)),
        one("/colour", Code::UnknownField, 1, 25, (24, 32))
    );
    // The second `"repositoryName"`, not the first; the third for a second
    // repetition.
    let doc = r#"{"repositoryName":"app","repositoryName":"bpp","repositoryName":"cpp"}"#;
    assert_eq!(
        places::<CreateRepositoryRequest>(doc, &lenient()),
        vec![
            (
                "/repositoryName".to_string(),
                Code::Duplicate,
                1,
                25,
                (24, 40)
            ),
            (
                "/repositoryName".to_string(),
                Code::Duplicate,
                1,
                48,
                (47, 63)
            ),
        ]
    );
}

#[test]
fn a_syntax_error_or_a_limit_is_placed_where_reading_stopped() {
    // The `}` after a trailing comma: byte 24.
    assert_eq!(
        places::<CreateRepositoryRequest>(r#"{"repositoryName":"app",}"#, &lenient()),
        one("", Code::Syntax, 1, 25, (24, 24))
    );
    // After `é` (two bytes), the `}` is byte 23 and character 23; what
    // was read before it stands.
    assert_eq!(
        places::<CreateRepositoryRequest>("{\"repositoryName\":\"é\",}", &lenient()),
        vec![
            ("/repositoryName".to_string(), Code::Length, 1, 19, (18, 22)),
            (
                "/repositoryName".to_string(),
                Code::Pattern,
                1,
                19,
                (18, 22)
            ),
            (String::new(), Code::Syntax, 1, 23, (23, 23)),
        ]
    );
    // Nesting past the limit: the third `[` opens the fourth level.
    let deep = Options::new().max_depth(3);
    assert_eq!(
        places::<CreateRepositoryRequest>(r#"{"tags":[[[1]]]}"#, &deep),
        one("", Code::Limit, 1, 11, (10, 10))
    );
}

#[test]
fn a_violation_inside_a_document_a_string_carries_is_placed_in_the_payload() {
    // The policy's text is a string of the payload: `\"` is two bytes as
    // written, and a surrogate pair (`\ud83d\ude00`, 12 bytes as written)
    // stands for one four-byte character of the policy's text.
    let doc = r#"{"repositoryName":"app","lifecyclePolicyText":"{\"rules\":[{\"description\":\"\ud83d\ude00\",\"rulePriority\":0,\"selection\":{\"tagStatus\":\"any\",\"countType\":\"imageCountMoreThan\",\"countNumber\":1},\"action\":{\"type\":\"expire\"}}]}"}"#;
    // The text starts at byte 47 (`{"repositoryName":"app",` is 24 bytes,
    // `"lifecyclePolicyText":"` 23); in it `{\"rules\":[{\"description\":\"`
    // is 31 bytes, the pair 12, and `\",\"rulePriority\":` 20: the value is
    // byte 110 of the payload.
    let needle = r#"\"rulePriority\":"#;
    let start = doc.find(needle).expect("the member") + needle.len();
    assert_eq!(start, 110);
    assert_eq!(
        places::<PutLifecyclePolicyRequest>(doc, &lenient()),
        one(
            "/lifecyclePolicyText/rules/0/rulePriority",
            Code::Range,
            1,
            111,
            (110, 111)
        )
    );
}

#[test]
fn a_conflict_inside_a_document_read_alone_is_placed() {
    // `{"rules":[{"rulePriority":1,"selection":{"tagStatus":"any","countType":"imageCountMoreThan","countNumber":1},"action":{"type":"expire","targetStorageClass":`
    // is 156 bytes: the offending value follows.
    let doc = r#"{"rules":[{"rulePriority":1,"selection":{"tagStatus":"any","countType":"imageCountMoreThan","countNumber":1},"action":{"type":"expire","targetStorageClass":"archive"}}]}"#;
    let error = LifecyclePolicy::from_json(doc).expect_err("a conflict");
    assert_eq!(
        places_of(&error),
        one(
            "/rules/0/action/targetStorageClass",
            Code::Conflict,
            1,
            157,
            (156, 165)
        )
    );
}

#[test]
fn an_undeclared_error_is_placed_at_the_name() {
    // `{"__type":` is 10 bytes; the name follows.
    let body = r#"{"__type":"RepositoryNotFoundException","message":"gone"}"#;
    let op = registry::operation(Service::Ecr, "GetAuthorizationToken").expect("an operation");
    let error =
        ServiceError::from_json_with(body, Some(op), &Options::new()).expect_err("undeclared");
    assert_eq!(
        places_of(&error),
        one("/__type", Code::UndeclaredError, 1, 11, (10, 39))
    );
}

#[test]
fn a_value_built_in_code_has_no_place() {
    let request = CreateRepositoryRequest::builder()
        .repository_name("MyRepo")
        .build_unchecked()
        .expect("every required member");
    let error = request.validate().expect_err("invalid");
    let v = &error.violations()[0];
    assert_eq!((v.line, v.column, v.span), (None, None, None));
}

#[test]
fn a_value_repeated_across_items_is_placed_at_the_repetition() {
    let rule = r#"{"rulePriority":1,"selection":{"tagStatus":"tagged","tagPrefixList":["p"],"countType":"imageCountMoreThan","countNumber":1},"action":{"type":"expire"}}"#;
    let doc = format!(r#"{{"rules":[{rule},{rule}]}}"#);
    // The second rule's priority: after the first rule (its length), the
    // comma, and `{"rulePriority":` (16 bytes).
    let start = r#"{"rules":["#.len() + rule.len() + 1 + r#"{"rulePriority":"#.len();
    let error = LifecyclePolicy::from_json(&doc).expect_err("a repeated priority");
    let duplicates: Vec<Place> = places_of(&error)
        .into_iter()
        .filter(|p| p.1 == Code::Duplicate)
        .collect();
    assert_eq!(
        duplicates,
        one(
            "/rules/1/rulePriority",
            Code::Duplicate,
            1,
            start + 1,
            (start, start + 1)
        )
    );
}
