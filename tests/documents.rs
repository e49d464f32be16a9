//! The documents inside payloads (`ecr_models::documents`): lifecycle
//! policies, read alone and inside the payloads that carry them. The
//! documents under `tests/documents/` are AWS's and aws-cli's own, each
//! with its source in the folder's README.

use std::path::Path;

use ecr_models::documents::{self, LifecyclePolicy, TagStatus};
use ecr_models::ecr::{
    CreateRepositoryCreationTemplateRequest, GetLifecyclePolicyResponse, PutLifecyclePolicyRequest,
};
use ecr_models::{from_json, from_json_with, registry, Code, Error, Model, Options, Service};
use serde_json::{json, Value};

fn pairs(e: &Error) -> Vec<(String, Code)> {
    e.violations()
        .iter()
        .map(|v| (v.path.clone(), v.code))
        .collect()
}

fn policy_violations(policy: &Value) -> Vec<(String, Code)> {
    let verdict = LifecyclePolicy::from_json(&policy.to_string());
    judged("ecr", "LifecyclePolicy", policy, verdict)
}

/// The violations of `verdict`, the verdict on `document` (one of
/// `service`'s `name` documents), each case passed to [`record`].
fn judged<T>(
    service: &str,
    name: &str,
    document: &Value,
    verdict: Result<T, Error>,
) -> Vec<(String, Code)> {
    let found = match verdict {
        Ok(_) => Vec::new(),
        Err(e) => pairs(&e),
    };
    record(service, name, document, &found);
    found
}

/// With `ECR_MODELS_DOCUMENT_CORPUS` set, each document these tests judge
/// is written there with its verdict, one JSON line each, for
/// `tests/crosscheck/` to replay through ajv and Python's jsonschema:
/// unless its verdict rests on a rule that the schema's description says
/// JSON Schema cannot say (unique priorities, the rules across rules, the
/// names an action pattern matches, a descriptor's `data` of `size` bytes).
fn record(service: &str, name: &str, document: &Value, found: &[(String, Code)]) {
    use std::io::Write as _;
    static FILE: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let Some(path) = std::env::var_os("ECR_MODELS_DOCUMENT_CORPUS") else {
        return;
    };
    let beyond_schema = |(path, code): &(String, Code)| match code {
        Code::Duplicate => true,
        Code::Conflict => {
            path.ends_with("/rulePriority")
                || path.ends_with("/selection/tagStatus")
                || path.ends_with("/data")
        }
        Code::Enum => path.contains("/Action") || path.contains("/NotAction"),
        _ => false,
    };
    if found.iter().any(beyond_schema) {
        return;
    }
    let case = json!({"service": service, "shape": format!("documents/{name}"), "mode": "default",
                      "valid": found.is_empty(), "document": document});
    let _guard = FILE.lock().unwrap_or_else(|e| e.into_inner());
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .expect("the corpus opens");
    writeln!(file, "{case}").expect("the corpus is written");
}

fn one(path: &str, code: Code) -> Vec<(String, Code)> {
    vec![(path.to_string(), code)]
}

/// A valid rule: tagged images, a prefix, a count.
fn rule(priority: i64) -> Value {
    json!({
        "rulePriority": priority,
        "description": "keep ten",
        "selection": {
            "tagStatus": "tagged",
            "tagPrefixList": ["v"],
            "countType": "imageCountMoreThan",
            "countNumber": 10
        },
        "action": {"type": "expire"}
    })
}

fn policy(rules: Vec<Value>) -> Value {
    json!({ "rules": rules })
}

/// `policy([rule(1)])` with `change` applied to its one rule.
fn one_rule(change: impl FnOnce(&mut Value)) -> Value {
    let mut r = rule(1);
    change(&mut r);
    policy(vec![r])
}

/// The violations of `policy([rule(1)])` with `value` set at `pointer` of
/// its rule.
fn rule_with(pointer: &str, value: Value) -> Vec<(String, Code)> {
    policy_violations(&one_rule(|r| set(r, pointer, value)))
}

/// The violations of `policy([rule(1)])` without its rule's member at
/// `pointer`.
fn rule_without(pointer: &str) -> Vec<(String, Code)> {
    policy_violations(&one_rule(|r| remove(r, pointer)))
}

fn set(value: &mut Value, pointer: &str, new: Value) {
    let (parent, key) = pointer.rsplit_once('/').expect("a pointer");
    let parent = value.pointer_mut(parent).expect("the parent exists");
    parent
        .as_object_mut()
        .expect("an object")
        .insert(key.to_string(), new);
}

fn remove(value: &mut Value, pointer: &str) {
    let (parent, key) = pointer.rsplit_once('/').expect("a pointer");
    let parent = value.pointer_mut(parent).expect("the parent exists");
    parent.as_object_mut().expect("an object").remove(key);
}

fn files(folder: &str) -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/documents")
        .join(folder);
    let mut out: Vec<(String, String)> = std::fs::read_dir(&dir)
        .expect("the folder")
        .map(|e| e.expect("an entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .map(|p| {
            let name = p
                .file_name()
                .expect("a name")
                .to_string_lossy()
                .into_owned();
            (name, std::fs::read_to_string(&p).expect("readable"))
        })
        .collect();
    out.sort();
    out
}

#[test]
fn every_lifecycle_policy_of_aws_and_aws_cli_is_valid() {
    let all = files("lifecycle");
    // 13 of the user guide's page today, 6 of its 2022 text, 7 of aws-cli.
    assert_eq!(all.len(), 26);
    for (name, text) in all {
        if let Err(e) = LifecyclePolicy::from_json(&text) {
            panic!("{name}:\n{e}");
        }
        let document: Value = serde_json::from_str(&text).expect("JSON");
        assert_eq!(policy_violations(&document), [], "{name}");
    }
}

#[test]
fn aws_guide_archive_and_expire_has_an_any_rule_per_storage_class() {
    // Two `any` rules, the first (standard) at priority 1: the `any`-last
    // rule holds per storage class, or AWS's own example would fail.
    let text = &files("lifecycle")
        .into_iter()
        .find(|(name, _)| name == "aws-guide-archive-and-expire.json")
        .expect("the example")
        .1;
    let policy = LifecyclePolicy::from_json(text).expect("valid");
    let any = policy
        .rules
        .iter()
        .filter(|r| r.selection.tag_status == TagStatus::Any)
        .count();
    assert_eq!(any, 2);
}

#[test]
fn a_policy_has_rules_and_nothing_else() {
    assert_eq!(policy_violations(&json!({})), one("/rules", Code::Required));
    assert_eq!(
        policy_violations(&json!({"rules": []})),
        one("/rules", Code::Items)
    );
    assert_eq!(policy_violations(&policy(vec![rule(1)])), []);
    let mut extra = policy(vec![rule(1)]);
    set(&mut extra, "/Rules", json!([]));
    assert_eq!(policy_violations(&extra), one("/Rules", Code::UnknownField));
    assert_eq!(policy_violations(&json!([])), one("", Code::Type));
    assert_eq!(
        policy_violations(&json!({"rules": [rule(1)], "rules ": 1})),
        one("/rules ", Code::UnknownField)
    );
}

#[test]
fn null_is_refused_for_every_member_even_optional_ones() {
    // AWS: "instance failed to match exactly one schema" for a null
    // countUnit (cloudposse/terraform-aws-ecr#132) and a null
    // targetStorageClass (#158).
    for pointer in [
        "/rules/0/description",
        "/rules/0/selection/countUnit",
        "/rules/0/selection/tagPatternList",
        "/rules/0/action/targetStorageClass",
    ] {
        let mut p = policy(vec![rule(1)]);
        set(&mut p, pointer, Value::Null);
        assert!(
            policy_violations(&p).contains(&(pointer.to_string(), Code::Type)),
            "{pointer}: {:?}",
            policy_violations(&p)
        );
    }
}

#[test]
fn unknown_members_are_refused_at_every_level_in_every_mode() {
    for pointer in [
        "/rules/0/Priority",
        "/rules/0/selection/tagstatus",
        "/rules/0/action/target",
    ] {
        let mut p = policy(vec![rule(1)]);
        set(&mut p, pointer, json!(1));
        assert_eq!(
            policy_violations(&p),
            one(pointer, Code::UnknownField),
            "{pointer}"
        );
    }
}

#[test]
fn rule_priority_is_an_integer_from_one_and_unique() {
    assert_eq!(policy_violations(&policy(vec![rule(1)])), []);
    assert_eq!(
        policy_violations(&policy(vec![rule(0)])),
        one("/rules/0/rulePriority", Code::Range)
    );
    assert_eq!(policy_violations(&policy(vec![rule(2_147_483_647)])), []);
    assert_eq!(
        policy_violations(&policy(vec![rule(2_147_483_648)])),
        one("/rules/0/rulePriority", Code::Range)
    );
    assert_eq!(
        rule_with("/rulePriority", json!(1.5)),
        one("/rules/0/rulePriority", Code::Type)
    );
    assert_eq!(
        rule_without("/rulePriority"),
        one("/rules/0/rulePriority", Code::Required)
    );
    // Need not be consecutive; must be unique.
    let mut second = rule(7);
    set(&mut second, "/selection/tagPrefixList", json!(["w"]));
    assert_eq!(
        policy_violations(&policy(vec![rule(1), second.clone()])),
        []
    );
    set(&mut second, "/rulePriority", json!(1));
    assert_eq!(
        policy_violations(&policy(vec![rule(1), second])),
        one("/rules/1/rulePriority", Code::Duplicate)
    );
}

#[test]
fn selection_action_tag_status_and_count_number_are_required() {
    for (member, expected) in [
        ("/selection", one("/rules/0/selection", Code::Required)),
        ("/action", one("/rules/0/action", Code::Required)),
        (
            "/selection/tagStatus",
            one("/rules/0/selection/tagStatus", Code::Required),
        ),
        (
            "/selection/countNumber",
            one("/rules/0/selection/countNumber", Code::Required),
        ),
    ] {
        assert_eq!(rule_without(member), expected, "{member}");
    }
    assert_eq!(rule_without("/description"), []);
}

#[test]
fn tag_status_is_lower_case_although_the_apis_enums_are_upper_case() {
    for (status, expected) in [
        ("tagged", vec![]),
        ("TAGGED", one("/rules/0/selection/tagStatus", Code::Enum)),
    ] {
        let found = rule_with("/selection/tagStatus", json!(status));
        assert_eq!(found, expected, "{status}");
    }
}

#[test]
fn tag_lists_go_only_with_tagged_which_needs_one_never_both() {
    let sel = "/rules/0/selection";
    // tagged with neither list
    assert_eq!(
        rule_without("/selection/tagPrefixList"),
        one(sel, Code::Required)
    );
    // tagged with the pattern list instead
    let patterns = one_rule(|r| {
        remove(r, "/selection/tagPrefixList");
        set(r, "/selection/tagPatternList", json!(["prod*"]));
    });
    assert_eq!(policy_violations(&patterns), []);
    // both
    assert_eq!(
        rule_with("/selection/tagPatternList", json!(["prod*"])),
        one(&format!("{sel}/tagPatternList"), Code::Conflict)
    );
    // a list with untagged or any
    for status in ["untagged", "any"] {
        assert_eq!(
            rule_with("/selection/tagStatus", json!(status)),
            one(&format!("{sel}/tagPrefixList"), Code::Conflict),
            "{status}"
        );
        let p = one_rule(|r| {
            set(r, "/selection/tagStatus", json!(status));
            remove(r, "/selection/tagPrefixList");
        });
        assert_eq!(policy_violations(&p), [], "{status}");
    }
    // an empty list; a list of a number
    assert_eq!(
        rule_with("/selection/tagPrefixList", json!([])),
        one(&format!("{sel}/tagPrefixList"), Code::Items)
    );
    assert_eq!(
        rule_with("/selection/tagPrefixList", json!([1])),
        one(&format!("{sel}/tagPrefixList/0"), Code::Type)
    );
}

#[test]
fn a_tag_pattern_holds_at_most_four_wildcards() {
    let with = |pattern: &str| {
        one_rule(|r| {
            remove(r, "/selection/tagPrefixList");
            set(r, "/selection/tagPatternList", json!(["v1", pattern]));
        })
    };
    assert_eq!(policy_violations(&with("*a*b*c*")), []);
    assert_eq!(
        policy_violations(&with("*a*b*c*d*")),
        one("/rules/0/selection/tagPatternList/1", Code::Pattern)
    );
}

/// A rule counting days since `count_type`, with `action`.
fn since(count_type: &str, class: Option<&str>, days: i64, action: Value) -> Value {
    let mut selection = json!({
        "tagStatus": "any",
        "countType": count_type,
        "countUnit": "days",
        "countNumber": days
    });
    if let Some(class) = class {
        set(&mut selection, "/storageClass", json!(class));
    }
    policy(vec![
        json!({"rulePriority": 1, "selection": selection, "action": action}),
    ])
}

fn expire() -> Value {
    json!({"type": "expire"})
}

fn archive() -> Value {
    json!({"type": "transition", "targetStorageClass": "archive"})
}

#[test]
fn count_unit_goes_with_the_since_count_types_only() {
    assert_eq!(
        policy_violations(&since("sinceImagePushed", None, 14, expire())),
        []
    );
    let mut no_unit = since("sinceImagePushed", None, 14, expire());
    remove(&mut no_unit, "/rules/0/selection/countUnit");
    assert_eq!(
        policy_violations(&no_unit),
        one("/rules/0/selection/countUnit", Code::Required)
    );
    assert_eq!(
        rule_with("/selection/countUnit", json!("days")),
        one("/rules/0/selection/countUnit", Code::Conflict)
    );
    assert_eq!(
        rule_with("/selection/countUnit", json!("hours")),
        vec![
            ("/rules/0/selection/countUnit".to_string(), Code::Enum),
            ("/rules/0/selection/countUnit".to_string(), Code::Conflict),
        ]
    );
}

#[test]
fn count_number_is_an_integer_from_one() {
    for (n, expected) in [
        (json!(1), vec![]),
        (json!(0), one("/rules/0/selection/countNumber", Code::Range)),
        (
            json!(-1),
            one("/rules/0/selection/countNumber", Code::Range),
        ),
        (
            json!("10"),
            one("/rules/0/selection/countNumber", Code::Type),
        ),
    ] {
        let found = rule_with("/selection/countNumber", n.clone());
        assert_eq!(found, expected, "{n}");
    }
}

#[test]
fn archive_storage_goes_with_since_image_transitioned_both_ways() {
    let expiring =
        |count_type, class, days| policy_violations(&since(count_type, class, days, expire()));
    assert_eq!(expiring("sinceImageTransitioned", Some("archive"), 90), []);
    assert_eq!(
        expiring("sinceImageTransitioned", Some("archive"), 89),
        one("/rules/0/selection/countNumber", Code::Range)
    );
    assert_eq!(
        expiring("sinceImageTransitioned", None, 90),
        one("/rules/0/selection/countType", Code::Conflict)
    );
    assert_eq!(
        expiring("sinceImageTransitioned", Some("standard"), 90),
        one("/rules/0/selection/storageClass", Code::Conflict)
    );
    assert_eq!(
        expiring("sinceImagePushed", Some("archive"), 90),
        one("/rules/0/selection/storageClass", Code::Conflict)
    );
    assert_eq!(expiring("sinceImagePushed", Some("standard"), 90), []);
}

#[test]
fn actions_follow_their_count_types_and_transition_names_its_target() {
    let pulled = |action| policy_violations(&since("sinceImagePulled", None, 30, action));
    let pushed = |action| policy_violations(&since("sinceImagePushed", None, 30, action));
    assert_eq!(pulled(archive()), []);
    assert_eq!(
        pulled(expire()),
        one("/rules/0/action/type", Code::Conflict)
    );
    let transitioned = since("sinceImageTransitioned", Some("archive"), 90, archive());
    assert_eq!(
        policy_violations(&transitioned),
        one("/rules/0/action/type", Code::Conflict)
    );
    assert_eq!(
        pushed(json!({"type": "transition"})),
        one("/rules/0/action/targetStorageClass", Code::Required)
    );
    assert_eq!(
        pushed(json!({"type": "expire", "targetStorageClass": "archive"})),
        one("/rules/0/action/targetStorageClass", Code::Conflict)
    );
    assert_eq!(
        pushed(json!({"type": "delete"})),
        one("/rules/0/action/type", Code::Enum)
    );
}

fn untagged(priority: i64, class: &str) -> Value {
    let days = if class == "archive" { 90 } else { 1 };
    let count = if class == "archive" {
        "sinceImageTransitioned"
    } else {
        "sinceImagePushed"
    };
    json!({
        "rulePriority": priority,
        "selection": {"tagStatus": "untagged", "countType": count, "countUnit": "days",
                      "countNumber": days, "storageClass": class},
        "action": {"type": "expire"}
    })
}

fn any(priority: i64, class: &str) -> Value {
    let mut r = untagged(priority, class);
    set(&mut r, "/selection/tagStatus", json!("any"));
    r
}

#[test]
fn one_rule_per_storage_class_selects_untagged_images() {
    assert_eq!(
        policy_violations(&policy(vec![
            untagged(1, "standard"),
            untagged(2, "archive")
        ])),
        []
    );
    assert_eq!(
        policy_violations(&policy(vec![
            untagged(1, "standard"),
            untagged(2, "standard")
        ])),
        one("/rules/1/selection/tagStatus", Code::Conflict)
    );
}

#[test]
fn an_any_rule_has_the_highest_priority_of_its_storage_class() {
    assert_eq!(
        policy_violations(&policy(vec![rule(1), any(2, "standard")])),
        []
    );
    assert_eq!(
        policy_violations(&policy(vec![any(1, "standard"), rule(2)])),
        one("/rules/0/rulePriority", Code::Conflict)
    );
    // Another storage class's rules do not count.
    assert_eq!(
        policy_violations(&policy(vec![any(1, "standard"), any(2, "archive")])),
        []
    );
}

#[test]
fn every_violation_is_listed_at_once() {
    let mut broken = since("sinceImagePulled", Some("archive"), 0, expire());
    set(&mut broken, "/rules/0/extra", json!(true));
    let found = policy_violations(&broken);
    assert_eq!(
        found,
        vec![
            ("/rules/0/extra".to_string(), Code::UnknownField),
            ("/rules/0/selection/countNumber".to_string(), Code::Range),
            (
                "/rules/0/selection/storageClass".to_string(),
                Code::Conflict
            ),
        ]
    );
}

fn put(policy_text: &str) -> String {
    json!({"repositoryName": "my-repo", "lifecyclePolicyText": policy_text}).to_string()
}

#[test]
fn a_request_is_checked_into_its_policy() {
    let mut p = since("sinceImagePushed", None, 14, expire());
    remove(&mut p, "/rules/0/selection/countUnit");
    let err = from_json::<PutLifecyclePolicyRequest>(&put(&p.to_string())).expect_err("invalid");
    assert_eq!(
        pairs(&err),
        one(
            "/lifecyclePolicyText/rules/0/selection/countUnit",
            Code::Required
        )
    );
    // A creation template's policy too.
    let template = json!({"prefix": "team", "appliedFor": ["CREATE_ON_PUSH"],
                          "lifecyclePolicy": p.to_string()});
    let err = from_json::<CreateRepositoryCreationTemplateRequest>(&template.to_string())
        .expect_err("invalid");
    assert_eq!(
        pairs(&err),
        one(
            "/lifecyclePolicy/rules/0/selection/countUnit",
            Code::Required
        )
    );
    // The option turns it off.
    let opts = Options::new().embedded_documents(false);
    assert!(from_json_with::<PutLifecyclePolicyRequest>(&put(&p.to_string()), &opts).is_ok());
}

#[test]
fn text_that_is_not_json_is_one_syntax_violation_with_its_place_in_the_text() {
    let text =
        "{\n  \"rules\": [\n    {\"rulePriority\": 1,}\n  ]\n}\n".to_string() + &" ".repeat(80);
    let err = from_json::<PutLifecyclePolicyRequest>(&put(&text)).expect_err("not JSON");
    assert_eq!(err.violations().len(), 1, "{err}");
    let v = &err.violations()[0];
    assert_eq!(
        (v.path.as_str(), v.code),
        ("/lifecyclePolicyText", Code::Syntax)
    );
    // Where reading stopped in the policy's own text is in the message;
    // the place is the string in the payload
    // (`{"lifecyclePolicyText":"...`, its quote the 24th character).
    assert!(v.message.contains("at its line 3 column 24"), "{v}");
    assert_eq!((v.line, v.column), (Some(1), Some(24)), "{v}");
    let quoted = serde_json::to_string(&text).expect("a string");
    let span = v.span.expect("a place");
    assert_eq!((span.start, span.end), (23, 23 + quoted.len()));
}

#[test]
fn the_embedded_text_is_read_under_the_same_limits() {
    let deep = format!("{{\"rules\": [{}1{}]}}", "[".repeat(40), "]".repeat(40));
    let opts = Options::new().max_depth(20);
    let err =
        from_json_with::<PutLifecyclePolicyRequest>(&put(&(deep.clone() + &" ".repeat(20))), &opts)
            .expect_err("too deep");
    assert_eq!(pairs(&err), one("/lifecyclePolicyText", Code::Limit));
    // The violations inside count towards the payload's limit.
    let many: Vec<Value> = (0..10).map(|_| rule(0)).collect();
    let opts = Options::new().max_violations(3);
    let err = from_json_with::<PutLifecyclePolicyRequest>(&put(&policy(many).to_string()), &opts)
        .expect_err("invalid");
    assert_eq!(err.violations().len(), 3);
    assert!(err.omitted() > 0);
    // A full list keeps the text's syntax error in its last place, as a
    // payload keeps its own: it says why the text was not read to its end.
    let broken = r#"{"rules":[{"rulePriority":1,"extra":1,"selection":{"tagStatus":"any","countType":"imageCountMoreThan","countNumber":1},"action":{"type""expire"}}]}"#;
    let all = from_json::<PutLifecyclePolicyRequest>(&put(broken)).expect_err("invalid");
    assert_eq!(
        pairs(&all),
        vec![
            (
                "/lifecyclePolicyText/rules/0/extra".to_owned(),
                Code::UnknownField
            ),
            ("/lifecyclePolicyText".to_owned(), Code::Syntax),
        ]
    );
    let first = Options::new().max_violations(1);
    let err =
        from_json_with::<PutLifecyclePolicyRequest>(&put(broken), &first).expect_err("invalid");
    assert_eq!(pairs(&err), one("/lifecyclePolicyText", Code::Syntax));
    assert_eq!((err.total(), err.is_syntax()), (2, false));
}

fn get_response(policy_text: &str) -> String {
    json!({"registryId": "123456789012", "repositoryName": "my-repo",
           "lifecyclePolicyText": policy_text, "lastEvaluatedAt": 1_700_000_000})
    .to_string()
}

#[test]
fn a_response_is_held_to_what_aws_is_seen_to_refuse_only() {
    // Two untagged rules: a rule the user guide states, not one AWS is
    // seen to refuse; AWS returned the policy, so it accepted it.
    let guide_only = policy(vec![untagged(1, "standard"), untagged(2, "standard")]).to_string();
    assert!(from_json::<GetLifecyclePolicyResponse>(&get_response(&guide_only)).is_ok());
    let exact = Options::new().exact_outputs(true);
    let err = from_json_with::<GetLifecyclePolicyResponse>(&get_response(&guide_only), &exact)
        .expect_err("every rule");
    assert_eq!(
        pairs(&err),
        one(
            "/lifecyclePolicyText/rules/1/selection/tagStatus",
            Code::Conflict
        )
    );
    // What AWS's schema refuses, a response is held to.
    let mut null_unit = since("sinceImagePushed", None, 14, expire());
    set(&mut null_unit, "/rules/0/selection/countUnit", Value::Null);
    let err = from_json::<GetLifecyclePolicyResponse>(&get_response(&null_unit.to_string()))
        .expect_err("null");
    assert_eq!(
        pairs(&err),
        one(
            "/lifecyclePolicyText/rules/0/selection/countUnit",
            Code::Type
        )
    );
}

#[test]
fn validate_checks_the_policy_of_a_value_built_in_code() {
    let mut p = since("sinceImagePushed", None, 14, expire());
    remove(&mut p, "/rules/0/selection/countUnit");
    let request: PutLifecyclePolicyRequest = from_json_with(
        &put(&p.to_string()),
        &Options::new().embedded_documents(false),
    )
    .expect("the envelope is valid");
    let err = request.validate().expect_err("the policy is not");
    assert_eq!(
        pairs(&err),
        one(
            "/lifecyclePolicyText/rules/0/selection/countUnit",
            Code::Required
        )
    );
}

#[test]
fn documents_are_found_by_name() {
    let embedded = registry::document(Service::Ecr, "LifecyclePolicy").expect("known");
    assert!(std::ptr::eq(
        embedded,
        &ecr_models::ecr::rules::LIFECYCLE_POLICY
    ));
    assert!(registry::document(Service::Ecr, "lifecycle").is_none());
    let kebab = registry::document(Service::Ecr, "lifecycle-policy").expect("known");
    assert!(std::ptr::eq(kebab, embedded));
    assert!(registry::document(Service::EcrPublic, "lifecycle-policy").is_none());
    let text = policy(vec![rule(1)]).to_string();
    assert!(documents::check_text(embedded, text.as_bytes(), &Options::default(), false).is_ok());
}

// ------------------------------------------------------------------ policies

use ecr_models::documents::{PolicyDocument, PolicyRules};

fn ecr_repository() -> &'static PolicyRules {
    &ecr_models::ecr::rules::REPOSITORY_POLICY_RULES
}

fn ecr_registry() -> &'static PolicyRules {
    &ecr_models::ecr::rules::REGISTRY_POLICY_RULES
}

fn public_repository() -> &'static PolicyRules {
    &ecr_models::ecr_public::rules::REPOSITORY_POLICY_RULES
}

fn under(rules: &'static PolicyRules, policy: &Value) -> Vec<(String, Code)> {
    let verdict = PolicyDocument::from_json(&policy.to_string(), rules);
    let (service, name) = policy_kind(rules);
    judged(service, name, policy, verdict)
}

/// The service and document name of `rules`.
fn policy_kind(rules: &'static PolicyRules) -> (&'static str, &'static str) {
    if std::ptr::eq(rules, public_repository()) {
        ("ecr-public", "RepositoryPolicy")
    } else if std::ptr::eq(rules, ecr_registry()) {
        ("ecr", "RegistryPolicy")
    } else {
        ("ecr", "RepositoryPolicy")
    }
}

/// The rules each policy file of `tests/documents/policy` is published
/// under (its README), and whether it is valid there.
fn policy_file_rules(name: &str) -> (&'static PolicyRules, bool) {
    let rules = if name.contains("registry") {
        ecr_registry()
    } else if name.contains("public") {
        public_repository()
    } else {
        ecr_repository()
    };
    // An IAM policy printed beside a repository policy, with the
    // repository as its Resource: refused as a repository policy.
    (rules, !name.ends_with("iam-policy-with-resource.json"))
}

#[test]
fn every_policy_of_the_user_guides_and_aws_cli_gets_its_published_verdict() {
    let all = files("policy");
    // 16 of the ECR and ECR Public user guides, 11 of aws-cli.
    assert_eq!(all.len(), 27);
    for (name, text) in all {
        let (rules, valid) = policy_file_rules(&name);
        let verdict = PolicyDocument::from_json(&text, rules);
        let document: Value = serde_json::from_str(&text).expect("JSON");
        assert_eq!(under(rules, &document).is_empty(), valid, "{name}");
        match (&verdict, valid) {
            (Ok(_), true) => {}
            (Err(e), false) => assert_eq!(
                pairs(e),
                one("/Statement/0/Resource", Code::UnknownField),
                "{name}"
            ),
            _ => panic!("{name}: {verdict:?}"),
        }
    }
}

fn statement() -> Value {
    json!({
        "Sid": "allow pull",
        "Effect": "Allow",
        "Principal": {"AWS": ["arn:aws:iam::123456789012:root"]},
        "Action": ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"]
    })
}

fn statements(list: Vec<Value>) -> Value {
    json!({"Version": "2012-10-17", "Statement": list})
}

fn with(change: impl FnOnce(&mut Value)) -> Value {
    let mut s = statement();
    change(&mut s);
    statements(vec![s])
}

#[test]
fn a_policy_has_a_version_an_id_and_statements() {
    assert_eq!(under(ecr_repository(), &statements(vec![statement()])), []);
    // One statement without a list; no version (IAM's default).
    assert_eq!(
        under(ecr_repository(), &json!({"Statement": statement()})),
        []
    );
    for (version, expected) in [
        ("2008-10-17", vec![]),
        ("2012-10-17", vec![]),
        ("2012-10-18", one("/Version", Code::Enum)),
    ] {
        let p = json!({"Version": version, "Id": "x", "Statement": [statement()]});
        assert_eq!(under(ecr_repository(), &p), expected, "{version}");
    }
    assert_eq!(
        under(ecr_repository(), &json!({"Version": "2012-10-17"})),
        one("/Statement", Code::Required)
    );
    assert_eq!(
        under(ecr_repository(), &statements(vec![])),
        one("/Statement", Code::Items)
    );
    assert_eq!(
        under(
            ecr_repository(),
            &json!({"Statement": [statement()], "statement": 1})
        ),
        one("/statement", Code::UnknownField)
    );
    assert_eq!(
        under(
            ecr_repository(),
            &json!({"Statement": [statement()], "Id": null})
        ),
        one("/Id", Code::Type)
    );
}

#[test]
fn a_statement_has_an_effect_an_action_and_a_principal_each_one_way() {
    let rules = ecr_repository();
    assert_eq!(
        under(rules, &with(|s| set(s, "/Effect", json!("allow")))),
        one("/Statement/0/Effect", Code::Enum)
    );
    assert_eq!(
        under(rules, &with(|s| remove(s, "/Effect"))),
        one("/Statement/0/Effect", Code::Required)
    );
    assert_eq!(
        under(rules, &with(|s| remove(s, "/Action"))),
        one("/Statement/0/Action", Code::Required)
    );
    assert_eq!(
        under(
            rules,
            &with(|s| set(s, "/NotAction", json!("ecr:PutImage")))
        ),
        one("/Statement/0/NotAction", Code::Conflict)
    );
    assert_eq!(
        under(
            rules,
            &with(|s| {
                remove(s, "/Action");
                set(s, "/NotAction", json!("ecr:PutImage"));
            })
        ),
        []
    );
    assert_eq!(
        under(rules, &with(|s| remove(s, "/Principal"))),
        one("/Statement/0/Principal", Code::Required)
    );
    assert_eq!(
        under(rules, &with(|s| set(s, "/NotPrincipal", json!("*")))),
        one("/Statement/0/NotPrincipal", Code::Conflict)
    );
    for (principal, expected) in [
        (json!("*"), vec![]),
        (json!({"Service": "codebuild.amazonaws.com"}), vec![]),
        (json!("someone"), one("/Statement/0/Principal", Code::Enum)),
        (json!({}), one("/Statement/0/Principal", Code::Required)),
        (
            json!({"User": "x"}),
            vec![
                (
                    "/Statement/0/Principal/User".to_string(),
                    Code::UnknownField,
                ),
                ("/Statement/0/Principal".to_string(), Code::Required),
            ],
        ),
        (
            json!({"AWS": []}),
            one("/Statement/0/Principal/AWS", Code::Items),
        ),
    ] {
        let p = with(|s| set(s, "/Principal", principal.clone()));
        assert_eq!(under(rules, &p), expected, "{principal}");
    }
    assert_eq!(
        under(rules, &with(|s| set(s, "/Effect", Value::Null))),
        one("/Statement/0/Effect", Code::Type)
    );
}

#[test]
fn a_repository_policy_names_no_resource_and_a_registry_policy_may() {
    for member in ["Resource", "NotResource"] {
        let p = with(|s| set(s, &format!("/{member}"), json!("*")));
        assert_eq!(
            under(ecr_repository(), &p),
            one(&format!("/Statement/0/{member}"), Code::UnknownField)
        );
        assert_eq!(
            under(public_repository(), &p),
            one(&format!("/Statement/0/{member}"), Code::UnknownField)
        );
        assert_eq!(under(ecr_registry(), &p), []);
    }
}

#[test]
fn actions_name_the_services_actions_or_match_one() {
    let action = |a: &str| with(|s| set(s, "/Action", json!(a)));
    for (a, expected) in [
        ("*", vec![]),
        ("ecr:*", vec![]),
        ("ecr:Get*", vec![]),
        ("ecr:getauthorizationtoken", vec![]),
        ("ECR:BatchGetImage", vec![]),
        ("ecr:Put?mage", vec![]),
        // Permission-only actions.
        ("ecr:ReplicateImage", vec![]),
        ("ecr:BatchImportUpstreamImage", vec![]),
        ("ecr:PullImage", one("/Statement/0/Action", Code::Enum)),
        ("ecr:Zz*", one("/Statement/0/Action", Code::Enum)),
        ("ecr:", one("/Statement/0/Action", Code::Enum)),
        (
            "ecr-public:GetAuthorizationToken",
            one("/Statement/0/Action", Code::Enum),
        ),
        ("s3:GetObject", one("/Statement/0/Action", Code::Enum)),
        ("BatchGetImage", one("/Statement/0/Action", Code::Enum)),
    ] {
        assert_eq!(under(ecr_repository(), &action(a)), expected, "{a}");
    }
    // ECR Public: its own actions, and ECR's (aws-cli's example).
    for (a, expected) in [
        ("ecr-public:PutImage", vec![]),
        ("ecr-public:GetRegistryCatalogData", vec![]),
        (
            "ecr-public:PutLifecyclePolicy",
            one("/Statement/0/Action", Code::Enum),
        ),
        ("ecr:BatchGetImage", vec![]),
    ] {
        assert_eq!(under(public_repository(), &action(a)), expected, "{a}");
    }
    // In a list, each item on its own.
    let listed = with(|s| set(s, "/Action", json!(["ecr:PutImage", "ecr:Nope"])));
    assert_eq!(
        under(ecr_repository(), &listed),
        one("/Statement/0/Action/1", Code::Enum)
    );
}

#[test]
fn conditions_are_operator_then_key_then_values() {
    let rules = ecr_repository();
    let condition = |c: Value| with(|s| set(s, "/Condition", c.clone()));
    assert_eq!(
        under(
            rules,
            &condition(json!({"StringEquals": {"aws:SourceAccount": ["1", "2"]},
                                       "Bool": {"aws:SecureTransport": false},
                                       "NumericLessThan": {"s3:max-keys": 10}}))
        ),
        []
    );
    assert_eq!(
        under(rules, &condition(json!({"StringEquals": "x"}))),
        one("/Statement/0/Condition/StringEquals", Code::Type)
    );
    assert_eq!(
        under(rules, &condition(json!({"StringEquals": {"k": {"a": 1}}}))),
        one("/Statement/0/Condition/StringEquals/k", Code::Type)
    );
    assert_eq!(
        under(rules, &condition(json!({"StringEquals": {"k": null}}))),
        one("/Statement/0/Condition/StringEquals/k", Code::Type)
    );
}

#[test]
fn a_set_repository_policy_request_is_checked_into_its_policy_in_both_services() {
    let p = with(|s| set(s, "/Resource", json!("*"))).to_string();
    let body = json!({"repositoryName": "my-repo", "policyText": p}).to_string();
    let err =
        from_json::<ecr_models::ecr::SetRepositoryPolicyRequest>(&body).expect_err("Resource");
    assert_eq!(
        pairs(&err),
        one("/policyText/Statement/0/Resource", Code::UnknownField)
    );
    let err = from_json::<ecr_models::ecr_public::SetRepositoryPolicyRequest>(&body)
        .expect_err("Resource");
    assert_eq!(
        pairs(&err),
        one("/policyText/Statement/0/Resource", Code::UnknownField)
    );
    let registry = json!({"policyText": p}).to_string();
    assert!(from_json::<ecr_models::ecr::PutRegistryPolicyRequest>(&registry).is_ok());
    // A response: the grammar holds, the action names are the
    // documentation's rule, not one AWS is seen to enforce.
    let unknown_action = with(|s| set(s, "/Action", json!("ecr:Nope"))).to_string();
    let response = json!({"registryId": "123456789012", "repositoryName": "my-repo",
                          "policyText": unknown_action})
    .to_string();
    assert!(from_json::<ecr_models::ecr::GetRepositoryPolicyResponse>(&response).is_ok());
    assert!(from_json::<ecr_models::ecr::SetRepositoryPolicyRequest>(&response).is_err());
}

#[test]
fn a_payload_gives_its_documents_typed() {
    let text = policy(vec![rule(1)]).to_string();
    let opts = Options::new().embedded_documents(false);
    let request: PutLifecyclePolicyRequest = from_json_with(&put(&text), &opts).expect("valid");
    let policy = request
        .lifecycle_policy_text_document()
        .expect("a valid policy");
    assert_eq!(policy.rules[0].rule_priority, 1);

    // Broken: the violations, paths inside the document.
    let mut broken = since("sinceImagePushed", None, 14, expire());
    remove(&mut broken, "/rules/0/selection/countUnit");
    let request: PutLifecyclePolicyRequest =
        from_json_with(&put(&broken.to_string()), &opts).expect("the envelope is valid");
    let err = request
        .lifecycle_policy_text_document()
        .expect_err("invalid");
    assert_eq!(
        pairs(&err),
        one("/rules/0/selection/countUnit", Code::Required)
    );

    // A response's: the rules AWS is seen to enforce.
    let guide_only = policy_text_of(vec![untagged(1, "standard"), untagged(2, "standard")]);
    let response: GetLifecyclePolicyResponse =
        from_json(&get_response(&guide_only)).expect("valid");
    let held = response.lifecycle_policy_text_document().expect("present");
    assert_eq!(held.expect("valid as a response").rules.len(), 2);

    // An optional member: None when absent.
    let template: CreateRepositoryCreationTemplateRequest =
        from_json(r#"{"prefix": "team", "appliedFor": ["CREATE_ON_PUSH"]}"#).expect("valid");
    assert!(template.lifecycle_policy_document().is_none());
    assert!(template.repository_policy_document().is_none());
}

fn policy_text_of(rules: Vec<Value>) -> String {
    policy(rules).to_string()
}

// ----------------------------------------------------------------- manifests

use ecr_models::documents::{ImageManifest, ManifestMediaType};

fn manifest_violations(manifest: &Value) -> Vec<(String, Code)> {
    let verdict = ImageManifest::from_json(&manifest.to_string());
    judged("ecr", "ImageManifest", manifest, verdict)
}

/// The violations of `manifest` with `value` set at `pointer`.
fn manifest_with(mut manifest: Value, pointer: &str, value: Value) -> Vec<(String, Code)> {
    set(&mut manifest, pointer, value);
    manifest_violations(&manifest)
}

/// The violations of `manifest` without its member at `pointer`.
fn manifest_without(mut manifest: Value, pointer: &str) -> Vec<(String, Code)> {
    remove(&mut manifest, pointer);
    manifest_violations(&manifest)
}

fn layer(digest: &str, size: i64) -> Value {
    json!({
        "mediaType": "application/vnd.oci.image.layer.v1.tar+gzip",
        "digest": digest,
        "size": size
    })
}

const SHA: &str = "sha256:9834876dcfb05cb167a5c24953eba58c4ac89b1adf57f28f2f9d09af107ee8f0";

/// A valid OCI image manifest with one layer.
fn oci_manifest() -> Value {
    json!({
        "schemaVersion": 2,
        "mediaType": "application/vnd.oci.image.manifest.v1+json",
        "config": {
            "mediaType": "application/vnd.oci.image.config.v1+json",
            "digest": "sha256:b5b2b2c507a0944348e0303114d8d93aaaa081732b86451d9bce1f432a537bc7",
            "size": 7023
        },
        "layers": [layer(SHA, 32654)]
    })
}

/// A valid OCI image index with one manifest.
fn oci_index() -> Value {
    json!({
        "schemaVersion": 2,
        "mediaType": "application/vnd.oci.image.index.v1+json",
        "manifests": [{
            "mediaType": "application/vnd.oci.image.manifest.v1+json",
            "digest": SHA,
            "size": 7143,
            "platform": {"architecture": "amd64", "os": "linux"}
        }]
    })
}

/// The verdict of each manifest file (the README's), and the document it
/// is judged as: a descriptor test's descriptor is judged as the one layer
/// of a valid manifest, the grammar it tests being that of a manifest's
/// descriptors.
fn manifest_file(name: &str, text: &str) -> (String, bool) {
    if name.starts_with("oci-descriptor_test-") {
        let descriptor: Value = serde_json::from_str(text).expect("JSON");
        let mut manifest = oci_manifest();
        set(&mut manifest, "/layers", json!([descriptor]));
        return (manifest.to_string(), name.ends_with("-valid.json"));
    }
    // The empty descriptor of manifest.md is a descriptor, not a manifest.
    let valid =
        !name.ends_with("-invalid.json") && name != "oci-spec-manifest-empty-descriptor.json";
    (text.to_string(), valid)
}

#[test]
fn every_manifest_of_the_specifications_and_aws_cli_gets_its_published_verdict() {
    let all = files("manifest");
    // 12 + 12 + 31 schema test cases, 2 backwards-compatibility cases,
    // 7 examples of image-spec, 2 of distribution, 3 of aws-cli.
    assert_eq!(all.len(), 69);
    for (name, text) in all {
        let (document, valid) = manifest_file(&name, &text);
        let verdict = ImageManifest::from_json(&document);
        if let Ok(value) = serde_json::from_str::<Value>(&document) {
            assert_eq!(manifest_violations(&value).is_empty(), valid, "{name}");
        }
        match (&verdict, valid) {
            (Ok(_), true) => {}
            (Err(e), false) => {
                if name.starts_with("oci-descriptor_test-") {
                    assert!(
                        e.violations()
                            .iter()
                            .all(|v| v.path.starts_with("/layers/0")),
                        "{name}: {e}"
                    );
                }
            }
            _ => panic!("{name}: {verdict:?}"),
        }
    }
}

#[test]
fn the_manifest_files_break_the_rules_their_tests_name() {
    let verdict = |name: &str| {
        let text = files("manifest")
            .into_iter()
            .find(|(n, _)| n == name)
            .expect("the file")
            .1;
        let (document, _) = manifest_file(name, &text);
        pairs(&ImageManifest::from_json(&document).expect_err("invalid"))
    };
    assert_eq!(
        verdict("oci-manifest_test-0-invalid.json"),
        one("/config/mediaType", Code::Pattern)
    );
    // Not JSON (`"config": {` twice): the text ends inside the outer
    // config, after what was read of it.
    assert_eq!(
        verdict("oci-manifest_test-1-invalid.json").last(),
        Some(&(String::new(), Code::Syntax))
    );
    assert_eq!(
        verdict("oci-manifest_test-2-invalid.json"),
        one("/layers/0/size", Code::Type)
    );
    assert_eq!(
        verdict("oci-manifest_test-5-invalid.json"),
        one("/layers", Code::Items)
    );
    assert_eq!(
        verdict("oci-manifest_test-8-invalid.json"),
        one("/subject", Code::Type)
    );
    assert_eq!(
        verdict("oci-manifest_test-9-invalid.json"),
        one("/layers/0/digest", Code::Pattern)
    );
    assert_eq!(
        verdict("oci-imageindex_test-2-invalid.json"),
        one("/manifests/0/digest", Code::Required)
    );
    assert_eq!(
        verdict("oci-imageindex_test-3-invalid.json"),
        one("/manifests/0/platform/architecture", Code::Required)
    );
    assert_eq!(
        verdict("oci-imageindex_test-5-invalid.json"),
        one("/manifests/0/mediaType", Code::Pattern)
    );
    assert_eq!(
        verdict("oci-descriptor_test-17-invalid.json"),
        one("/layers/0/urls/0", Code::Pattern)
    );
    assert_eq!(
        verdict("oci-descriptor_test-29-invalid.json"),
        one("/layers/0/data", Code::Base64)
    );
    assert_eq!(
        verdict("oci-descriptor_test-30-invalid.json"),
        one("/layers/0/size", Code::Range)
    );
    assert_eq!(
        verdict("oci-spec-manifest-empty-descriptor.json"),
        vec![
            ("/mediaType".to_string(), Code::Enum),
            ("/schemaVersion".to_string(), Code::Required),
            ("/config".to_string(), Code::Required),
            ("/layers".to_string(), Code::Required),
        ]
    );
}

#[test]
fn the_kinds_are_read_into_their_types() {
    let manifest = ImageManifest::from_json(&oci_manifest().to_string()).expect("valid");
    let ImageManifest::Manifest(m) = &manifest else {
        panic!("{manifest:?}")
    };
    assert_eq!(m.layers[0].digest, SHA);
    assert_eq!(manifest.media_type(), Some(&ManifestMediaType::OciManifest));
    let index = ImageManifest::from_json(&oci_index().to_string()).expect("valid");
    let ImageManifest::Index(i) = &index else {
        panic!("{index:?}")
    };
    let platform = i.manifests[0].platform.as_ref().expect("a platform");
    assert_eq!(
        (platform.architecture.as_str(), platform.os.as_str()),
        ("amd64", "linux")
    );
    // Without a media type, the shape decides.
    let mut bare = oci_index();
    remove(&mut bare, "/mediaType");
    assert!(matches!(
        ImageManifest::from_json(&bare.to_string()),
        Ok(ImageManifest::Index(_))
    ));
    let mut bare = oci_manifest();
    remove(&mut bare, "/mediaType");
    assert!(matches!(
        ImageManifest::from_json(&bare.to_string()),
        Ok(ImageManifest::Manifest(_))
    ));
    // The platform's optional members are kept.
    let mut windows = oci_index();
    set(
        &mut windows,
        "/manifests/0/platform",
        json!({"architecture": "amd64", "os": "windows", "os.version": "10.0.14393.1066",
               "os.features": ["win32k"], "variant": "v1", "features": ["sse4"]}),
    );
    let Ok(ImageManifest::Index(i)) = ImageManifest::from_json(&windows.to_string()) else {
        panic!("valid")
    };
    let platform = i.manifests[0].platform.as_ref().expect("a platform");
    assert_eq!(platform.os_version.as_deref(), Some("10.0.14393.1066"));
    assert_eq!(
        platform.os_features.as_deref(),
        Some(&["win32k".to_string()][..])
    );
    let back = serde_json::to_value(&i.manifests[0].platform).expect("serializable");
    assert_eq!(back["os.version"], "10.0.14393.1066");
}

#[test]
fn a_digest_is_algorithm_colon_encoded_and_sha256_is_64_lower_case_hex_digits() {
    let hex64 = &SHA["sha256:".len()..];
    let with = |digest: String| manifest_with(oci_manifest(), "/layers/0/digest", json!(digest));
    let bad = one("/layers/0/digest", Code::Pattern);
    assert_eq!(with(format!("sha256:{}", &hex64[..63])), bad);
    assert_eq!(with(format!("sha256:{hex64}")), []);
    assert_eq!(with(format!("sha256:{hex64}0")), bad);
    assert_eq!(with(format!("sha256:{}", hex64.to_uppercase())), bad);
    assert_eq!(with(format!("SHA256:{hex64}")), bad);
    assert_eq!(with(format!("sha512:{hex64}{hex64}")), []);
    assert_eq!(with(format!("sha512:{hex64}{}", &hex64[..63])), bad);
    assert_eq!(with(format!("sha512:{hex64}")), bad);
    assert_eq!(with(format!("blake3:{hex64}")), []);
    // Unregistered algorithms pass on the grammar alone.
    assert_eq!(
        with("sha256+b64u:LCa0a2j_xo_5m0U8HTBBNBNCLXBkg7-g-YpeiGJm564".into()),
        []
    );
    assert_eq!(with("sha256+foo+-b:abc".into()), bad);
    assert_eq!(with("sha256:".into()), bad);
    assert_eq!(with(format!(":{hex64}")), bad);
}

#[test]
fn a_size_is_an_integer_from_zero() {
    for (size, expected) in [
        (json!(-1), one("/layers/0/size", Code::Range)),
        (json!(0), vec![]),
        (json!(9_223_372_036_854_775_807_i64), vec![]),
        (json!(1.5), one("/layers/0/size", Code::Type)),
        (json!("10"), one("/layers/0/size", Code::Type)),
        (Value::Null, one("/layers/0/size", Code::Type)),
    ] {
        let found = manifest_with(oci_manifest(), "/layers/0/size", size.clone());
        assert_eq!(found, expected, "{size}");
    }
}

#[test]
fn schema_version_is_the_integer_two() {
    for (version, expected) in [
        (json!(1), one("/schemaVersion", Code::Range)),
        (json!(2), vec![]),
        (json!(3), one("/schemaVersion", Code::Range)),
        (json!("2"), one("/schemaVersion", Code::Type)),
        (json!(2.5), one("/schemaVersion", Code::Type)),
    ] {
        for document in [oci_manifest(), oci_index()] {
            let found = manifest_with(document, "/schemaVersion", version.clone());
            assert_eq!(found, expected, "{version}");
        }
    }
}

#[test]
fn schema_version_size_and_a_platforms_architecture_and_os_are_required() {
    for (document, pointer) in [
        (oci_manifest(), "/schemaVersion"),
        (oci_manifest(), "/layers/0/size"),
        (oci_index(), "/manifests/0/platform/architecture"),
        (oci_index(), "/manifests/0/platform/os"),
    ] {
        assert_eq!(
            manifest_without(document, pointer),
            one(pointer, Code::Required),
            "{pointer}"
        );
    }
}

#[test]
fn schema_1_is_accepted_minimally() {
    let v1 = json!({
        "schemaVersion": 1,
        "name": "hello-world",
        "tag": "latest",
        "architecture": "amd64",
        "fsLayers": [{"blobSum": SHA}],
        "history": [{"v1Compatibility": "{}"}]
    });
    assert!(matches!(
        ImageManifest::from_json(&v1.to_string()),
        Ok(ImageManifest::Schema1(_))
    ));
    let mut signed = v1.clone();
    set(
        &mut signed,
        "/mediaType",
        json!("application/vnd.docker.distribution.manifest.v1+prettyjws"),
    );
    assert_eq!(manifest_violations(&signed), []);
    set(&mut signed, "/schemaVersion", json!(2));
    assert_eq!(
        manifest_violations(&signed),
        one("/schemaVersion", Code::Range)
    );
}

#[test]
fn media_types_follow_the_grammar_without_parameters() {
    let media_type = |value: &str| manifest_with(oci_manifest(), "/mediaType", json!(value));
    assert_eq!(
        media_type("application/vnd.oci.image.manifest.v1+json; charset=utf-8"),
        one("/mediaType", Code::Pattern)
    );
    assert_eq!(
        media_type("application/vnd.oci.image.manifest.v2+json"),
        one("/mediaType", Code::Enum)
    );
    for pointer in [
        "/layers/0/mediaType",
        "/artifactType",
        "/config/artifactType",
    ] {
        let with = |value: &str| manifest_with(oci_manifest(), pointer, json!(value));
        assert_eq!(
            with("application/vnd.dev.sigstore.bundle+json;version=0.2"),
            one(pointer, Code::Pattern),
            "{pointer}"
        );
        assert_eq!(
            with("application/vnd.dev.sigstore.bundle.v0.3+json"),
            [],
            "{pointer}"
        );
    }
}

#[test]
fn an_index_has_manifests_and_a_manifest_config_and_layers() {
    let config = oci_manifest()["config"].clone();
    assert_eq!(
        manifest_with(oci_index(), "/config", config),
        one("/config", Code::Conflict)
    );
    assert_eq!(
        manifest_without(oci_manifest(), "/layers"),
        one("/layers", Code::Required)
    );
    let manifests = oci_index()["manifests"].clone();
    assert_eq!(
        manifest_with(oci_manifest(), "/manifests", manifests),
        one("/manifests", Code::Conflict)
    );
    let mut index = oci_index();
    remove(&mut index, "/manifests");
    set(&mut index, "/layers", json!([layer(SHA, 1)]));
    assert_eq!(
        manifest_violations(&index),
        vec![
            ("/layers".to_string(), Code::Conflict),
            ("/manifests".to_string(), Code::Required),
        ]
    );
}

#[test]
fn unknown_members_are_allowed_and_null_is_refused() {
    let mut m = oci_manifest();
    set(&mut m, "/x-vendor", json!({"any": null}));
    set(&mut m, "/layers/0/x-vendor", json!([1, null]));
    assert_eq!(manifest_violations(&m), []);
    for pointer in [
        "/annotations",
        "/layers/0/urls",
        "/subject",
        "/config/mediaType",
    ] {
        assert_eq!(
            manifest_with(oci_manifest(), pointer, Value::Null),
            one(pointer, Code::Type),
            "{pointer}"
        );
    }
    assert_eq!(
        manifest_with(oci_manifest(), "/annotations", json!({"a": null})),
        one("/annotations/a", Code::Type)
    );
}

#[test]
fn data_is_base64_of_size_bytes() {
    let mut m = oci_manifest();
    set(&mut m, "/layers/0/data", json!("e30="));
    set(&mut m, "/layers/0/size", json!(2));
    assert_eq!(manifest_violations(&m), []);
    set(&mut m, "/layers/0/size", json!(3));
    assert_eq!(
        manifest_violations(&m),
        one("/layers/0/data", Code::Conflict)
    );
}

fn put_image(manifest: &Value) -> String {
    json!({"repositoryName": "my-repo", "imageManifest": manifest.to_string(), "imageTag": "v1"})
        .to_string()
}

#[test]
fn a_put_image_request_is_checked_into_its_manifest_in_both_services() {
    let mut m = oci_manifest();
    set(&mut m, "/layers/0/size", json!(-1));
    let err = from_json::<ecr_models::ecr::PutImageRequest>(&put_image(&m)).expect_err("size");
    assert_eq!(
        pairs(&err),
        one("/imageManifest/layers/0/size", Code::Range)
    );
    let err =
        from_json::<ecr_models::ecr_public::PutImageRequest>(&put_image(&m)).expect_err("size");
    assert_eq!(
        pairs(&err),
        one("/imageManifest/layers/0/size", Code::Range)
    );
    assert!(from_json::<ecr_models::ecr::PutImageRequest>(&put_image(&oci_manifest())).is_ok());
    let opts = Options::new().embedded_documents(false);
    assert!(from_json_with::<ecr_models::ecr::PutImageRequest>(&put_image(&m), &opts).is_ok());
}

/// ECR takes a manifest's media type from its `mediaType` or from the
/// request's `imageManifestMediaType`, and refuses a PutImage with neither:
/// "Invalid parameter at 'ImageManifest' failed to satisfy constraint:
/// 'Invalid JSON syntax'" (aws/aws-sdk issue 193, aws/aws-cli issue 8620).
#[test]
fn a_manifest_without_its_media_type_needs_image_manifest_media_type_beside_it() {
    let mut bare = oci_manifest();
    bare.as_object_mut().expect("an object").remove("mediaType");
    let text = bare.to_string();
    let media_type = "application/vnd.oci.image.manifest.v1+json";
    let put = ecr_models::registry::operation(Service::Ecr, "PutImage").expect("PutImage");
    let opts = Options::default();

    // Neither: refused in both services, typed and check-only alike, with
    // the manifest's other violations beside it.
    let neither = put_image(&bare);
    for err in [
        from_json::<ecr_models::ecr::PutImageRequest>(&neither).expect_err("neither"),
        from_json::<ecr_models::ecr_public::PutImageRequest>(&neither).expect_err("neither"),
        put.check_input(neither.as_bytes(), &opts)
            .expect_err("neither"),
    ] {
        assert_eq!(pairs(&err), one("/imageManifest/mediaType", Code::Required));
        let message = &err.violations()[0].message;
        assert!(message.contains("imageManifestMediaType"), "{message}");
        assert!(message.contains("Invalid JSON syntax"), "{message}");
    }
    let mut broken = bare.clone();
    set(&mut broken, "/layers/0/size", json!(-1));
    let err =
        from_json::<ecr_models::ecr::PutImageRequest>(&put_image(&broken)).expect_err("two rules");
    assert_eq!(
        pairs(&err),
        [
            ("/imageManifest/layers/0/size".to_string(), Code::Range),
            ("/imageManifest/mediaType".to_string(), Code::Required),
        ]
    );

    // The request names the media type, before or after the manifest.
    let quoted = serde_json::to_string(&text).expect("a string");
    for request in [
        format!(
            r#"{{"repositoryName":"my-repo","imageManifest":{quoted},"imageManifestMediaType":"{media_type}"}}"#
        ),
        format!(
            r#"{{"imageManifestMediaType":"{media_type}","repositoryName":"my-repo","imageManifest":{quoted}}}"#
        ),
    ] {
        assert!(put.check_input(request.as_bytes(), &opts).is_ok());
        let typed = from_json::<ecr_models::ecr::PutImageRequest>(&request).expect("named beside");
        assert!(typed.image_manifest_document().is_ok());
    }
    let mut named = bare.clone();
    set(&mut named, "/mediaType", json!(media_type));
    assert!(from_json::<ecr_models::ecr::PutImageRequest>(&put_image(&named)).is_ok());

    // Not held to it: the manifest alone (the request is not known), a
    // response (AWS names the type), and with embedded checks off.
    let embedded = registry::document(Service::Ecr, "ImageManifest").expect("known");
    assert!(documents::check_text(embedded, text.as_bytes(), &opts, false).is_ok());
    assert!(
        from_json::<ecr_models::ecr::BatchGetImageResponse>(&batch_get_response(&text)).is_ok()
    );
    let off = Options::new().embedded_documents(false);
    assert!(from_json_with::<ecr_models::ecr::PutImageRequest>(&neither, &off).is_ok());
}

fn batch_get_response(manifest: &str) -> String {
    json!({"images": [{"registryId": "123456789012", "repositoryName": "my-repo",
                       "imageId": {"imageTag": "v1"}, "imageManifest": manifest}],
           "failures": []})
    .to_string()
}

#[test]
fn a_response_manifest_is_held_to_what_aws_is_seen_to_refuse_only() {
    use ecr_models::ecr::BatchGetImageResponse;
    // Not the specifications' manifest: schema version 3, an upper-case
    // digest, no layers, a null; AWS returned it, so it accepted it.
    let mut odd = oci_manifest();
    set(&mut odd, "/schemaVersion", json!(3));
    set(&mut odd, "/config/digest", json!(SHA.to_uppercase()));
    set(&mut odd, "/layers", json!([]));
    set(&mut odd, "/annotations", Value::Null);
    let response = batch_get_response(&odd.to_string());
    assert!(from_json::<BatchGetImageResponse>(&response).is_ok());
    let exact = Options::new().exact_outputs(true);
    let err = from_json_with::<BatchGetImageResponse>(&response, &exact).expect_err("every rule");
    assert_eq!(err.violations().len(), 4, "{err}");
    // A media type with parameters, which ECR refuses; and text that is
    // not JSON.
    let mut params = oci_manifest();
    set(
        &mut params,
        "/layers/0/mediaType",
        json!("text/plain; charset=utf-8"),
    );
    let err = from_json::<BatchGetImageResponse>(&batch_get_response(&params.to_string()))
        .expect_err("parameters");
    assert_eq!(
        pairs(&err),
        one("/images/0/imageManifest/layers/0/mediaType", Code::Pattern)
    );
    let err = from_json::<BatchGetImageResponse>(&batch_get_response("{\"schemaVersion\": 2,"))
        .expect_err("not JSON");
    assert_eq!(pairs(&err), one("/images/0/imageManifest", Code::Syntax));
}

#[test]
fn the_manifest_is_found_by_name_in_both_services() {
    for service in [Service::Ecr, Service::EcrPublic] {
        let embedded = registry::document(service, "image-manifest").expect("known");
        assert_eq!(embedded.name, "ImageManifest");
        let text = oci_manifest().to_string();
        assert!(
            documents::check_text(embedded, text.as_bytes(), &Options::default(), false).is_ok()
        );
    }
    assert!(std::ptr::eq(
        registry::document(Service::Ecr, "ImageManifest").expect("known"),
        &ecr_models::ecr::rules::IMAGE_MANIFEST_DOCUMENT
    ));
}
