//! Lifecycle policies: the JSON text of `lifecyclePolicyText`
//! (PutLifecyclePolicy, StartLifecyclePolicyPreview) and of a repository
//! creation template's `lifecyclePolicy`.
//!
//! The rules are those of AWS's user guide, "Lifecycle policy properties"
//! and "How lifecycle policies work"
//! (<https://docs.aws.amazon.com/AmazonECR/latest/userguide/lifecycle_policy_parameters.html>),
//! and of the errors AWS returns (`tests/documents/lifecycle/README.md`
//! quotes them with their sources):
//!
//! - `{"rules": [...]}` with at least one rule; a member a level does not
//!   define is refused ("object instance has properties which are not
//!   allowed by the schema"), and so is `null` anywhere ("instance failed
//!   to match exactly one schema").
//! - A rule: `rulePriority` (an integer from 1, unique across rules),
//!   `description` (a string), `selection` and `action`.
//! - `selection`: `tagStatus` `tagged`, `untagged` or `any`;
//!   `tagPrefixList` or `tagPatternList` (non-empty lists of strings, only
//!   with `tagged`, which needs one of them, never both; a pattern holds at
//!   most four `*`); `countType` `imageCountMoreThan`, `sinceImagePushed`,
//!   `sinceImagePulled` or `sinceImageTransitioned`; `countUnit` `days`,
//!   required with the `since...` types and refused with
//!   `imageCountMoreThan`; `countNumber`, an integer from 1;
//!   `storageClass` `standard` (the default) or `archive`, which
//!   `sinceImageTransitioned` needs.
//! - `action`: `type` `expire` or `transition`; `transition` needs
//!   `targetStorageClass` `archive`, `expire` takes none.
//! - Across rules, per storage class: one rule at most selects untagged
//!   images, and a rule whose `tagStatus` is `any` has the highest
//!   `rulePriority`.
//!
//! Integers are `i32`s (AWS's service is Java; its API's integers are
//! `i32`): a larger one is a `range` violation, never a value cut short.
//!
//! In a response, a policy is held to its JSON types, its members and its
//! values (what AWS's schema validator refuses), not to the rules between
//! members or across rules, which the user guide states: AWS accepted the
//! policy it returns.

use serde::{Deserialize, Serialize};

use super::{all, optional_list, Got, ListOf};
use crate::enums::model_enum;
use crate::error::{Code, Error};
use crate::options::Options;
use crate::read::{Cx, Enum, Int, Path, Str};
use crate::rules::{IntRule, StrRule};
use crate::shape::Role;

model_enum!(
    TagStatus,
    "A lifecycle rule's `tagStatus`: which images it selects by their tags.",
    [Tagged = "tagged", Untagged = "untagged", Any = "any"]
);
model_enum!(
    CountType,
    "A lifecycle rule's `countType`: what `countNumber` counts.",
    [
        ImageCountMoreThan = "imageCountMoreThan",
        SinceImagePushed = "sinceImagePushed",
        SinceImagePulled = "sinceImagePulled",
        SinceImageTransitioned = "sinceImageTransitioned"
    ]
);
model_enum!(
    CountUnit,
    "A lifecycle rule's `countUnit`: the unit of an age.",
    [Days = "days"]
);
model_enum!(
    StorageClass,
    "The storage class a lifecycle rule selects images in (`standard` when not given).",
    [Standard = "standard", Archive = "archive"]
);
model_enum!(
    ActionType,
    "What a lifecycle rule does to the images it selects.",
    [Expire = "expire", Transition = "transition"]
);
model_enum!(
    TargetStorageClass,
    "The storage class a `transition` moves images to.",
    [Archive = "archive"]
);

/// A lifecycle policy: its rules.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LifecyclePolicy {
    /// The rules, at least one.
    pub rules: Vec<LifecycleRule>,
}

/// One rule of a lifecycle policy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LifecycleRule {
    /// The order the rules are applied in, lowest first; unique.
    pub rule_priority: i32,
    /// What the rule is for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Which images the rule selects.
    pub selection: Selection,
    /// What it does to them.
    pub action: Action,
}

/// Which images a lifecycle rule selects.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Selection {
    /// Tagged, untagged or any images.
    pub tag_status: TagStatus,
    /// Images with a tag that starts with one of these (`tagged` only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tag_prefix_list: Option<Vec<String>>,
    /// Images with a tag that matches one of these patterns, `*` standing
    /// for any characters (`tagged` only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tag_pattern_list: Option<Vec<String>>,
    /// What `count_number` counts.
    pub count_type: CountType,
    /// The unit of an age (`since...` count types).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count_unit: Option<CountUnit>,
    /// How many images, or how many units of age.
    pub count_number: i32,
    /// The storage class the rule selects images in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub storage_class: Option<StorageClass>,
}

/// What a lifecycle rule does.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Action {
    /// Expire the images, or move them to another storage class.
    #[serde(rename = "type")]
    pub action_type: ActionType,
    /// Where a `transition` moves them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_storage_class: Option<TargetStorageClass>,
}

impl Selection {
    /// The storage class the rule selects in: `standard` when not given.
    pub fn storage_class_or_default(&self) -> StorageClass {
        self.storage_class.clone().unwrap_or(StorageClass::Standard)
    }
}

impl LifecyclePolicy {
    /// Reads a policy as a request carries it: every rule.
    pub fn from_json(text: &str) -> Result<Self, Error> {
        Self::from_json_with(text, &Options::default())
    }

    /// [`LifecyclePolicy::from_json`] under `opts`.
    pub fn from_json_with(text: &str, opts: &Options) -> Result<Self, Error> {
        super::read_document(text.as_bytes(), opts, Role::Input, PolicyReader)
    }

    /// Reads a policy as part of a document of `role` (a response's: the
    /// rules AWS is seen to enforce), under default options.
    pub(crate) fn read_as(text: &str, role: Role) -> Result<Self, Error> {
        super::read_document(text.as_bytes(), &Options::default(), role, PolicyReader)
    }
}

/// `rulePriority` and `countNumber`: integers from 1.
static POSITIVE: IntRule = IntRule {
    min: 1,
    max: i32::MAX as i64,
};

/// The most `*` a tag pattern may hold.
const MAX_WILDCARDS: usize = 4;

/// The fewest days an archived image is kept: a rule that expires archived
/// images counts at least this many ("Images must be in archive storage
/// for a minimum of 90 days before deletion").
const MIN_ARCHIVE_DAYS: i32 = 90;

fn text() -> Str {
    Str(&StrRule::ANY)
}

fn positive() -> Int<i32> {
    Int::new(&POSITIVE)
}

fn tags() -> ListOf<Str> {
    ListOf {
        item: text(),
        min: 1,
    }
}

object_reader! {
    /// A lifecycle policy.
    #[derive(Default)]
    pub(crate) struct PolicyReader;
    value: LifecyclePolicy, "an object";
    others: Some("a lifecycle policy");
    members: {
        "rules" => rules: ListOf { item: RuleReader, min: 1 },
    }
    finish: |_, cx, path| {
        let rules = rules.required(cx, path, "rules");
        let Some(rules) = rules else { return Ok(None) };
        let seen: Vec<Seen> = rules
            .iter()
            .map(|r| r.as_ref().map_or_else(Seen::default, |r| r.0.clone()))
            .collect();
        across_rules(cx, &path.key("rules"), &seen);
        let rules = all(rules.into_iter().map(|r| r.and_then(|r| r.1)).collect());
        Ok(rules.map(|rules| LifecyclePolicy { rules }))
    }
}

/// What the rules across rules look at in one rule, kept even when the
/// rest of the rule is broken.
#[derive(Debug, Clone, Default)]
struct Seen {
    priority: Option<i32>,
    tag_status: Option<TagStatus>,
    /// `None` when the rule's `storageClass` is broken.
    class: Option<StorageClass>,
}

object_reader! {
    /// A lifecycle rule: what the rules across rules look at in it, kept
    /// even when the rest of it is broken, and the rule if all of it was read.
    struct RuleReader;
    value: (Seen, Option<LifecycleRule>), "an object";
    others: Some("a lifecycle rule");
    members: {
        "rulePriority" => priority: positive(),
        "description" => description: text(),
        "selection" => selection: SelectionReader,
        "action" => action: ActionReader,
    }
    finish: |_, cx, path| {
        let rule_priority = priority.required(cx, path, "rulePriority");
        let selection = selection.required(cx, path, "selection");
        let action = action.required(cx, path, "action");
        let (tag_status, class, selection) = selection.unwrap_or((None, None, None));
        let seen = Seen {
            priority: rule_priority,
            tag_status,
            class,
        };
        if let (Some(selection), Some(action)) = (&selection, &action) {
            if cx.every_document_rule() {
                action_for_count(cx, path, selection, action);
            }
        }
        let rule = (|| {
            Some(LifecycleRule {
                rule_priority: rule_priority?,
                description: description.optional()?,
                selection: selection?,
                action: action?,
            })
        })();
        Ok(Some((seen, rule)))
    }
}

object_reader! {
    /// A rule's selection: the tag status and storage class as far as they
    /// were read, and the selection if all of it was.
    struct SelectionReader;
    value: (Option<TagStatus>, Option<StorageClass>, Option<Selection>), "an object";
    others: Some("a lifecycle rule's selection");
    members: {
        "tagStatus" => status: Enum::<TagStatus>::new(),
        "tagPrefixList" => prefixes: tags(),
        "tagPatternList" => patterns: tags(),
        "countType" => count_type: Enum::<CountType>::new(),
        "countUnit" => unit: Enum::<CountUnit>::new(),
        "countNumber" => number: positive(),
        "storageClass" => class: Enum::<StorageClass>::new(),
    }
    finish: |_, cx, path| {
        let ok = !cx.every_document_rule()
            || selection_rules(
                cx,
                path,
                &status,
                &prefixes,
                &patterns,
                &count_type,
                &unit,
                &number,
                &class,
            );
        let tag_status = status.required(cx, path, "tagStatus");
        let count_type = count_type.required(cx, path, "countType");
        let count_number = number.required(cx, path, "countNumber");
        let storage_class = class.optional();
        let seen_class = storage_class
            .clone()
            .map(|c| c.unwrap_or(StorageClass::Standard));
        let seen_status = tag_status.clone();
        let selection = (|| {
            let selection = Selection {
                tag_status: tag_status?,
                tag_prefix_list: optional_list(prefixes)?,
                tag_pattern_list: optional_list(patterns)?,
                count_type: count_type?,
                count_unit: unit.optional()?,
                count_number: count_number?,
                storage_class: storage_class?,
            };
            ok.then_some(selection)
        })();
        Ok(Some((seen_status, seen_class, selection)))
    }
}

/// The action a count type goes with: images selected by when they were
/// last pulled can only be archived (`transition`), archived images only
/// expired.
fn action_for_count(cx: &mut Cx<'_>, path: &Path<'_>, selection: &Selection, action: &Action) {
    let needed = match selection.count_type {
        CountType::SinceImagePulled => ActionType::Transition,
        CountType::SinceImageTransitioned => ActionType::Expire,
        _ => return,
    };
    if action.action_type != needed {
        cx.report(&path.key("action").key("type"), Code::Conflict, || {
            format!(
                "countType {:?} goes with action type {:?}",
                selection.count_type.as_str(),
                needed.as_str()
            )
        });
    }
}

/// The rules between a selection's members, which the user guide states;
/// whether the selection keeps them.
#[allow(clippy::too_many_arguments)]
fn selection_rules(
    cx: &mut Cx<'_>,
    path: &Path<'_>,
    status: &Got<TagStatus>,
    prefixes: &Got<Vec<Option<String>>>,
    patterns: &Got<Vec<Option<String>>>,
    count_type: &Got<CountType>,
    unit: &Got<CountUnit>,
    number: &Got<i32>,
    class: &Got<StorageClass>,
) -> bool {
    let mut ok = true;
    if let Some(patterns) = patterns.value() {
        for (at, pattern) in patterns.iter().enumerate() {
            let Some(pattern) = pattern else { continue };
            let stars = pattern.matches('*').count();
            if stars > MAX_WILDCARDS {
                ok = false;
                cx.report(&path.key("tagPatternList").index(at), Code::Pattern, || {
                    format!("a tag pattern holds at most {MAX_WILDCARDS} wildcards (*), this one {stars}")
                });
            }
        }
    }
    let mut broken = |cx: &mut Cx<'_>, at: &Path<'_>, code: Code, message: String| {
        ok = false;
        cx.report(at, code, || message);
    };
    match status.value() {
        Some(TagStatus::Tagged) if !prefixes.is_present() && !patterns.is_present() => broken(
            cx,
            path,
            Code::Required,
            "tagStatus \"tagged\" needs tagPrefixList or tagPatternList".into(),
        ),
        Some(TagStatus::Tagged) | None => {}
        Some(other) => {
            for (name, list) in [("tagPrefixList", prefixes), ("tagPatternList", patterns)] {
                if list.is_present() {
                    broken(
                        cx,
                        &path.key(name),
                        Code::Conflict,
                        format!(
                            "{name} is allowed only with tagStatus \"tagged\", not {:?}",
                            other.as_str()
                        ),
                    );
                }
            }
        }
    }
    if prefixes.is_present() && patterns.is_present() {
        broken(
            cx,
            &path.key("tagPatternList"),
            Code::Conflict,
            "a rule takes tagPrefixList or tagPatternList, not both".into(),
        );
    }
    match count_type.value() {
        Some(CountType::ImageCountMoreThan) if unit.is_present() => broken(
            cx,
            &path.key("countUnit"),
            Code::Conflict,
            "countUnit is not allowed with countType \"imageCountMoreThan\"".into(),
        ),
        Some(
            t @ (CountType::SinceImagePushed
            | CountType::SinceImagePulled
            | CountType::SinceImageTransitioned),
        ) if !unit.is_present() => {
            broken(
                cx,
                &path.key("countUnit"),
                Code::Required,
                format!("countType {:?} needs countUnit", t.as_str()),
            );
        }
        _ => {}
    }
    // Archive storage goes with sinceImageTransitioned, both ways.
    match (count_type.value(), class.value()) {
        (Some(CountType::SinceImageTransitioned), Some(StorageClass::Archive)) => {
            if let Some(&days) = number.value() {
                if days < MIN_ARCHIVE_DAYS {
                    broken(
                        cx,
                        &path.key("countNumber"),
                        Code::Range,
                        format!("archived images are kept at least {MIN_ARCHIVE_DAYS} days: a rule cannot expire them after {days}"),
                    );
                }
            }
        }
        (Some(CountType::SinceImageTransitioned), _) => {
            let at = if class.is_present() {
                path.key("storageClass")
            } else {
                path.key("countType")
            };
            broken(
                cx,
                &at,
                Code::Conflict,
                "countType \"sinceImageTransitioned\" selects archived images: it needs storageClass \"archive\"".into(),
            );
        }
        (Some(t), Some(StorageClass::Archive)) => broken(
            cx,
            &path.key("storageClass"),
            Code::Conflict,
            format!("storageClass \"archive\" goes only with countType \"sinceImageTransitioned\", not {:?}", t.as_str()),
        ),
        _ => {}
    }
    ok
}

object_reader! {
    /// A rule's action.
    struct ActionReader;
    value: Action, "an object";
    others: Some("a lifecycle rule's action");
    members: {
        "type" => kind: Enum::<ActionType>::new(),
        "targetStorageClass" => target: Enum::<TargetStorageClass>::new(),
    }
    finish: |_, cx, path| {
        let mut ok = true;
        if cx.every_document_rule() {
            match kind.value() {
                Some(ActionType::Transition) if !target.is_present() => {
                    ok = false;
                    cx.report(&path.key("targetStorageClass"), Code::Required, || {
                        "type \"transition\" needs targetStorageClass".into()
                    });
                }
                Some(ActionType::Expire) if target.is_present() => {
                    ok = false;
                    cx.report(&path.key("targetStorageClass"), Code::Conflict, || {
                        "targetStorageClass is allowed only with type \"transition\"".into()
                    });
                }
                _ => {}
            }
        }
        let action_type = kind.required(cx, path, "type");
        Ok((|| {
            let action = Action {
                action_type: action_type?,
                target_storage_class: target.optional()?,
            };
            ok.then_some(action)
        })())
    }
}

/// The rules across a policy's rules, per storage class: unique
/// priorities, one rule at most for untagged images, and `any` last. Each
/// looks at what was read of every rule, broken or not.
fn across_rules(cx: &mut Cx<'_>, path: &Path<'_>, rules: &[Seen]) {
    if !cx.every_document_rule() {
        return;
    }
    for (at, rule) in rules.iter().enumerate() {
        let here = path.index(at);
        let before = &rules[..at];
        if let Some(priority) = rule.priority {
            if let Some(first) = before.iter().position(|r| r.priority == Some(priority)) {
                cx.report(&here.key("rulePriority"), Code::Duplicate, || {
                    format!("rulePriority {priority} is also the priority of rule {first}: priorities are unique")
                });
            }
        }
        let Some(class) = &rule.class else { continue };
        let same_class = |other: &Seen| other.class.as_ref() == Some(class);
        match rule.tag_status {
            Some(TagStatus::Untagged) => {
                let first = before
                    .iter()
                    .position(|r| same_class(r) && r.tag_status == Some(TagStatus::Untagged));
                if let Some(first) = first {
                    cx.report(&here.key("selection").key("tagStatus"), Code::Conflict, || {
                        format!(
                            "rule {first} already selects untagged images in storage class {:?}: one rule may",
                            class.as_str()
                        )
                    });
                }
            }
            Some(TagStatus::Any) => {
                let (Some(priority), Some((other, higher))) = (
                    rule.priority,
                    rules.iter().enumerate().find_map(|(other, r)| {
                        let p = r.priority?;
                        (other != at && same_class(r) && p >= rule.priority?).then_some((other, p))
                    }),
                ) else {
                    continue;
                };
                cx.report(&here.key("rulePriority"), Code::Conflict, || {
                    format!(
                        "a rule whose tagStatus is \"any\" comes last in its storage class, but its rulePriority {priority} is not above rule {other}'s {higher}"
                    )
                });
            }
            _ => {}
        }
    }
}

/// The JSON Schema (2020-12) of a lifecycle policy, as a request carries
/// it: every rule above that JSON Schema can say. Its description names
/// the others.
pub(crate) fn schema() -> serde_json::Value {
    use serde_json::json;
    let one_of = |values: &[&str]| json!({"type": "string", "enum": values});
    let since = |t: &str| json!({"type": "object", "properties": {"countType": {"const": t}}, "required": ["countType"]});
    let action_type = |t: &str| json!({"properties": {"action": {"type": "object", "properties": {"type": {"const": t}}}}});
    let lists = json!([{"required": ["tagPrefixList"]}, {"required": ["tagPatternList"]}]);
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "LifecyclePolicy",
        "description": "An Amazon ECR lifecycle policy (lifecyclePolicyText), as ecr-models checks it in a request. Not said here, as JSON Schema cannot say them: rulePriority values are unique across rules; per storage class, at most one rule selects untagged images, and a rule whose tagStatus is \"any\" has the highest rulePriority. A policy in a response is held to less: see the guide's documents page.",
        "type": "object",
        "additionalProperties": false,
        "required": ["rules"],
        "properties": {
            "rules": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/Rule"}}
        },
        "$defs": {
            "Rule": {
                "type": "object",
                "additionalProperties": false,
                "required": ["rulePriority", "selection", "action"],
                "properties": {
                    "rulePriority": {"type": "integer", "minimum": 1, "maximum": POSITIVE.max},
                    "description": {"type": "string"},
                    "selection": {"$ref": "#/$defs/Selection"},
                    "action": {"$ref": "#/$defs/Action"}
                },
                "allOf": [
                    {
                        "if": {"properties": {"selection": since("sinceImagePulled")}, "required": ["selection"]},
                        "then": action_type("transition")
                    },
                    {
                        "if": {"properties": {"selection": since("sinceImageTransitioned")}, "required": ["selection"]},
                        "then": action_type("expire")
                    }
                ]
            },
            "Selection": {
                "type": "object",
                "additionalProperties": false,
                "required": ["tagStatus", "countType", "countNumber"],
                "properties": {
                    "tagStatus": one_of(TagStatus::VALUES),
                    "tagPrefixList": {"type": "array", "minItems": 1, "items": {"type": "string"}},
                    "tagPatternList": {
                        "type": "array",
                        "minItems": 1,
                        "items": {"type": "string", "pattern": format!("^[^*]*(?:\\*[^*]*){{0,{MAX_WILDCARDS}}}$")}
                    },
                    "countType": one_of(CountType::VALUES),
                    "countUnit": one_of(CountUnit::VALUES),
                    "countNumber": {"type": "integer", "minimum": 1, "maximum": POSITIVE.max},
                    "storageClass": one_of(StorageClass::VALUES)
                },
                "allOf": [
                    {
                        "if": {"properties": {"tagStatus": {"const": "tagged"}}, "required": ["tagStatus"]},
                        "then": {"anyOf": lists},
                        "else": {"not": {"anyOf": lists}}
                    },
                    {"not": {"required": ["tagPrefixList", "tagPatternList"]}},
                    {
                        "if": {"properties": {"countType": {"const": "imageCountMoreThan"}}},
                        "then": {"not": {"required": ["countUnit"]}},
                        "else": {"required": ["countUnit"]}
                    },
                    {
                        "if": since("sinceImageTransitioned"),
                        "then": {
                            "required": ["storageClass"],
                            "properties": {
                                "storageClass": {"const": "archive"},
                                "countNumber": {"type": "integer", "minimum": MIN_ARCHIVE_DAYS}
                            }
                        },
                        "else": {"properties": {"storageClass": {"const": "standard"}}}
                    }
                ]
            },
            "Action": {
                "type": "object",
                "additionalProperties": false,
                "required": ["type"],
                "properties": {
                    "type": one_of(ActionType::VALUES),
                    "targetStorageClass": one_of(TargetStorageClass::VALUES)
                },
                "if": {"properties": {"type": {"const": "transition"}}, "required": ["type"]},
                "then": {"required": ["targetStorageClass"]},
                "else": {"not": {"required": ["targetStorageClass"]}}
            }
        }
    })
}
