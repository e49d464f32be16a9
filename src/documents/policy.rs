//! Policy documents: a repository's policy (`policyText` of
//! SetRepositoryPolicy, ECR and ECR Public; a creation template's
//! `repositoryPolicy`) and a registry's (`policyText` of
//! PutRegistryPolicy), in IAM's policy grammar
//! (<https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html>):
//!
//! - `Version` `2012-10-17` or `2008-10-17` (optional, as in IAM), an
//!   optional `Id`, and `Statement`: one statement or a non-empty list.
//! - A statement: `Effect` `Allow` or `Deny`; `Action` or `NotAction`
//!   (one of them: a string or a non-empty list); `Principal` or
//!   `NotPrincipal` (one of them, as every resource-based policy has: `"*"`
//!   or an object of `AWS`, `Service`, `Federated`, `CanonicalUser`, each
//!   a string or a non-empty list); optionally `Sid` and `Condition`
//!   (operator, then condition key, then a value or a non-empty list of
//!   strings, numbers or booleans). No other member, and no `null`.
//! - A repository policy has no `Resource` or `NotResource`: the
//!   repository is the resource, and AWS refuses one ("Invalid parameter at
//!   'PolicyText' failed to satisfy constraint: 'Invalid repository policy
//!   provided'", aws-cdk issues 3583 and 24314, awsdocs/amazon-ecr-user-guide
//!   PR 20). A registry policy may name resources (a string or a list).
//! - Each action is `*`, or the service's prefix, `:`, and an action name
//!   or a pattern (`*`, `?`) that matches at least one of the service's
//!   actions, case aside as IAM compares them. An ECR Public repository
//!   policy may also hold `ecr:` actions: aws-cli's example
//!   (`awscli/examples/ecr-public/set-repository-policy.rst`) shows ECR
//!   Public storing one.
//!
//! What is not in a document is not checked: whether a principal exists
//! (AWS: "Principal not found"), the condition operators' and keys' names,
//! and a registry policy's scope (V1 allows three actions; the account
//! setting `REGISTRY_POLICY_SCOPE` is not in the policy).
//!
//! A policy in a response is held to its grammar (JSON types, members,
//! `null`, `Resource` in a repository policy), not to the action names,
//! which only the documentation states.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{members_of, read_into, Got};
use crate::enums::model_enum;
use crate::error::{Code, Error};
use crate::options::Options;
use crate::parse::{Items, Members, Number, Text};
use crate::read::{Bool, Cx, Enum, Kind, Path, Read, Str};
use crate::rules::{quote, StrRule};
use crate::shape::Role;

/// What a kind of policy allows: whether statements name resources, and
/// the actions of its service.
#[derive(Debug)]
pub struct PolicyRules {
    /// The document's title, for messages: `a repository policy`.
    pub title: &'static str,
    /// Whether statements may have `Resource` and `NotResource`.
    pub resources: bool,
    /// The service prefixes of the actions (`ecr`, `ecr-public`), each
    /// with its service's actions (its operations and its permission-only
    /// actions); an empty list takes any action name of its prefix.
    pub actions: &'static [(&'static str, &'static [&'static str])],
}

model_enum!(
    PolicyVersion,
    "The policy language's version: `2012-10-17`, or the older `2008-10-17`.",
    [V2012_10_17 = "2012-10-17", V2008_10_17 = "2008-10-17"]
);
model_enum!(
    Effect,
    "Whether a statement allows or denies.",
    [Allow = "Allow", Deny = "Deny"]
);

/// One value, or a list of them, as a policy writes either.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum OneOrMany<T> {
    /// A single value.
    One(T),
    /// A list.
    Many(Vec<T>),
}

impl<T> OneOrMany<T> {
    /// The values, one or many.
    pub fn as_slice(&self) -> &[T] {
        match self {
            OneOrMany::One(v) => std::slice::from_ref(v),
            OneOrMany::Many(v) => v,
        }
    }
}

/// A policy document: a repository's or a registry's.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PolicyDocument {
    /// The policy language's version.
    #[serde(rename = "Version", default, skip_serializing_if = "Option::is_none")]
    pub version: Option<PolicyVersion>,
    /// An identifier.
    #[serde(rename = "Id", default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The statements.
    #[serde(rename = "Statement")]
    pub statement: OneOrMany<Statement>,
}

/// Who a statement is about: everyone (`"*"`), or principals by kind.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Principal {
    /// `"*"`: everyone.
    Everyone(String),
    /// Principals by kind: `AWS`, `Service`, `Federated`, `CanonicalUser`.
    Named(BTreeMap<String, OneOrMany<String>>),
}

/// A condition's value: a string, a number or a boolean.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum ConditionValue {
    /// A string.
    String(String),
    /// A boolean.
    Bool(bool),
    /// A number, as written.
    Number(serde_json::Number),
}

/// One statement of a policy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Statement {
    /// The statement's identifier.
    #[serde(rename = "Sid", default, skip_serializing_if = "Option::is_none")]
    pub sid: Option<String>,
    /// Allow or deny.
    #[serde(rename = "Effect")]
    pub effect: Effect,
    /// Who it is about.
    #[serde(rename = "Principal", default, skip_serializing_if = "Option::is_none")]
    pub principal: Option<Principal>,
    /// Who it is not about.
    #[serde(
        rename = "NotPrincipal",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub not_principal: Option<Principal>,
    /// The actions.
    #[serde(rename = "Action", default, skip_serializing_if = "Option::is_none")]
    pub action: Option<OneOrMany<String>>,
    /// The actions it is not about.
    #[serde(rename = "NotAction", default, skip_serializing_if = "Option::is_none")]
    pub not_action: Option<OneOrMany<String>>,
    /// The resources (registry policies only).
    #[serde(rename = "Resource", default, skip_serializing_if = "Option::is_none")]
    pub resource: Option<OneOrMany<String>>,
    /// The resources it is not about (registry policies only).
    #[serde(
        rename = "NotResource",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub not_resource: Option<OneOrMany<String>>,
    /// Conditions: operator, then condition key, then values.
    #[serde(rename = "Condition", default, skip_serializing_if = "Option::is_none")]
    pub condition: Option<BTreeMap<String, BTreeMap<String, OneOrMany<ConditionValue>>>>,
}

impl PolicyDocument {
    /// Reads a policy as a request carries it (every rule), under `rules`:
    /// `ecr::rules::REPOSITORY_POLICY_RULES`, `ecr::rules::REGISTRY_POLICY_RULES`,
    /// `ecr_public::rules::REPOSITORY_POLICY_RULES`.
    pub fn from_json(text: &str, rules: &'static PolicyRules) -> Result<Self, Error> {
        Self::from_json_with(text, rules, &Options::default())
    }

    /// [`PolicyDocument::from_json`] under `opts`.
    pub fn from_json_with(
        text: &str,
        rules: &'static PolicyRules,
        opts: &Options,
    ) -> Result<Self, Error> {
        super::read_document(text.as_bytes(), opts, Role::Input, PolicyReader(rules))
    }

    /// Reads a policy as part of a document of `role` (a response's: the
    /// grammar only), under default options.
    pub(crate) fn read_as(
        text: &str,
        rules: &'static PolicyRules,
        role: Role,
    ) -> Result<Self, Error> {
        super::read_document(
            text.as_bytes(),
            &Options::default(),
            role,
            PolicyReader(rules),
        )
    }
}

/// Checks a policy's text under `rules` (what the generated documents call).
pub(crate) fn check(
    text: &[u8],
    opts: &Options,
    response: bool,
    rules: &'static PolicyRules,
) -> Result<(), Error> {
    super::check_with(text, opts, response, PolicyReader(rules))
}

fn text() -> Str {
    Str(&StrRule::ANY)
}

/// One value of `K`, or a list of them (non-empty: a rule the
/// documentation states, so not in responses).
#[derive(Debug, Clone, Copy)]
struct OneOrList<K>(K);

impl<K: Kind> Kind for OneOrList<K> {
    type Value = OneOrMany<K::Value>;

    const EXPECTED: &'static str = K::EXPECTED;

    fn text(self, cx: &mut Cx<'_>, path: &Path<'_>, text: Text<'_>) -> Option<Self::Value> {
        self.0.text(cx, path, text).map(OneOrMany::One)
    }

    fn number(self, cx: &mut Cx<'_>, path: &Path<'_>, n: Number) -> Option<Self::Value> {
        self.0.number(cx, path, n).map(OneOrMany::One)
    }

    fn boolean(self, cx: &mut Cx<'_>, path: &Path<'_>, b: bool) -> Option<Self::Value> {
        self.0.boolean(cx, path, b).map(OneOrMany::One)
    }

    fn map(self, cx: &mut Cx<'_>, path: &Path<'_>, members: Members<'_, '_>) -> Read<Self::Value> {
        Ok(self.0.map(cx, path, members)?.map(OneOrMany::One))
    }

    fn seq(self, cx: &mut Cx<'_>, path: &Path<'_>, mut items: Items<'_, '_>) -> Read<Self::Value> {
        let mut out = Vec::new();
        let mut ok = true;
        let mut count = 0;
        while items.next_item()? {
            match self.0.read(items.parser(), cx, &path.index(count))? {
                Some(v) => out.push(v),
                None => ok = false,
            }
            count += 1;
        }
        if count == 0 && cx.every_document_rule() {
            cx.report(path, Code::Items, || "an empty list".to_string());
            return Ok(None);
        }
        Ok(ok.then_some(OneOrMany::Many(out)))
    }
}

object_reader! {
    /// A policy document under its rules.
    struct PolicyReader(&'static PolicyRules);
    value: PolicyDocument, "an object";
    others: Some(reader.0.title);
    members: {
        "Version" => version: Enum::<PolicyVersion>::new(),
        "Id" => id: text(),
        "Statement" => statement: OneOrList(StatementReader(reader.0)),
    }
    finish: |reader, cx, path| {
        let statement = statement.required(cx, path, "Statement");
        Ok((|| {
            Some(PolicyDocument {
                version: version.optional()?,
                id: id.optional()?,
                statement: statement?,
            })
        })())
    }
}

object_reader! {
    /// A statement of a policy.
    struct StatementReader(&'static PolicyRules);
    value: Statement, "an object";
    others: Some("a policy statement");
    members: {
        "Sid" => sid: text(),
        "Effect" => effect: Enum::<Effect>::new(),
        "Principal" => principal: PrincipalReader,
        "NotPrincipal" => not_principal: PrincipalReader,
        "Action" => action: OneOrList(ActionReader(reader.0)),
        "NotAction" => not_action: OneOrList(ActionReader(reader.0)),
        "Resource" => resource: OneOrList(text()),
        "NotResource" => not_resource: OneOrList(text()),
        "Condition" => condition: ConditionReader,
    }
    finish: |reader, cx, path| {
        let rules = reader.0;
        let mut ok = true;
        for (a, b, what) in [
            (
                &principal.is_present(),
                &not_principal.is_present(),
                ("Principal", "NotPrincipal"),
            ),
            (
                &action.is_present(),
                &not_action.is_present(),
                ("Action", "NotAction"),
            ),
        ] {
            match (a, b) {
                (true, true) => {
                    ok = false;
                    cx.report(&path.key(what.1), Code::Conflict, || {
                        format!("a statement has {} or {}, not both", what.0, what.1)
                    });
                }
                (false, false) => {
                    ok = false;
                    cx.report(&path.key(what.0), Code::Required, || {
                        format!("a statement needs {} or {}", what.0, what.1)
                    });
                }
                _ => {}
            }
        }
        if !rules.resources {
            for (name, got) in [("Resource", &resource), ("NotResource", &not_resource)] {
                if got.is_present() {
                    ok = false;
                    cx.report(&path.key(name), Code::UnknownField, || {
                        format!("{} names no {name}: the repository is the resource (AWS: \"Invalid repository policy provided\")", rules.title)
                    });
                }
            }
        }
        let effect = effect.required(cx, path, "Effect");
        Ok((|| {
            let statement = Statement {
                sid: sid.optional()?,
                effect: effect?,
                principal: principal.optional()?,
                not_principal: not_principal.optional()?,
                action: action.optional()?,
                not_action: not_action.optional()?,
                resource: resource.optional()?,
                not_resource: not_resource.optional()?,
                condition: condition.optional()?,
            };
            ok.then_some(statement)
        })())
    }
}

/// The kinds of principal a resource-based policy names.
const PRINCIPAL_KINDS: [&str; 4] = ["AWS", "Service", "Federated", "CanonicalUser"];

#[derive(Debug, Clone, Copy)]
struct PrincipalReader;

impl Kind for PrincipalReader {
    type Value = Principal;

    const EXPECTED: &'static str = "\"*\" or an object";

    fn text(self, cx: &mut Cx<'_>, path: &Path<'_>, text: Text<'_>) -> Option<Principal> {
        if &*text == "*" {
            return Some(Principal::Everyone(text.as_str().to_string()));
        }
        cx.report(path, Code::Enum, || {
            format!(
                "{} is not a principal: \"*\", or an object of {}",
                quote(&text),
                PRINCIPAL_KINDS.join(", ")
            )
        });
        None
    }

    fn map(self, cx: &mut Cx<'_>, path: &Path<'_>, object: Members<'_, '_>) -> Read<Principal> {
        let mut slots: [Got<OneOrMany<String>>; 4] = Default::default();
        members_of(
            cx,
            path,
            object,
            Some("a principal"),
            &PRINCIPAL_KINDS,
            |at, p, cx, here| read_into(&mut slots[at], OneOrList(text()), p, cx, here),
        )?;
        let mut named = BTreeMap::new();
        let mut ok = true;
        for (kind, slot) in PRINCIPAL_KINDS.iter().zip(slots) {
            match slot.optional() {
                Some(Some(value)) => {
                    named.insert(kind.to_string(), value);
                }
                Some(None) => {}
                None => ok = false,
            }
        }
        if !ok {
            return Ok(None);
        }
        if named.is_empty() && cx.every_document_rule() {
            cx.report(path, Code::Required, || {
                format!(
                    "a principal names at least one of {}",
                    PRINCIPAL_KINDS.join(", ")
                )
            });
            return Ok(None);
        }
        Ok(Some(Principal::Named(named)))
    }
}

#[derive(Debug, Clone, Copy)]
struct ActionReader(&'static PolicyRules);

impl Kind for ActionReader {
    type Value = String;

    const EXPECTED: &'static str = "a string";

    fn text(self, cx: &mut Cx<'_>, path: &Path<'_>, text: Text<'_>) -> Option<String> {
        if !cx.every_document_rule() || known_action(self.0, &text) {
            return Some(text.into_string());
        }
        let prefixes: Vec<&str> = self.0.actions.iter().map(|(p, _)| *p).collect();
        cx.report(path, Code::Enum, || {
            format!(
                "{} is no action of {}: \"*\", or {}: and an action name or a pattern (*, ?) that matches one",
                quote(&text),
                self.0.title,
                prefixes.join(":, ")
            )
        });
        None
    }
}

/// Whether `action` is `*` or names at least one of the actions `rules`
/// allow, case aside.
fn known_action(rules: &PolicyRules, action: &str) -> bool {
    if action == "*" {
        return true;
    }
    let Some((prefix, name)) = action.split_once(':') else {
        return false;
    };
    rules.actions.iter().any(|(p, names)| {
        p.eq_ignore_ascii_case(prefix)
            && !name.is_empty()
            && (names.is_empty() || names.iter().any(|n| glob(name.as_bytes(), n.as_bytes())))
    })
}

/// Whether `pattern` (`*` any run, `?` one character) matches `name`,
/// ASCII case aside: the usual two-pointer match, linear in practice and
/// never worse than the product of the lengths.
fn glob(pattern: &[u8], name: &[u8]) -> bool {
    let (mut p, mut n) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while n < name.len() {
        match pattern.get(p) {
            Some(b'*') => {
                star = Some((p, n));
                p += 1;
            }
            Some(&c) if c == b'?' || c.eq_ignore_ascii_case(&name[n]) => {
                p += 1;
                n += 1;
            }
            _ => match star {
                Some((sp, sn)) => {
                    p = sp + 1;
                    n = sn + 1;
                    star = Some((sp, sn + 1));
                }
                None => return false,
            },
        }
    }
    pattern[p..].iter().all(|&c| c == b'*')
}

#[derive(Debug, Clone, Copy)]
struct ConditionReader;

type Conditions = BTreeMap<String, BTreeMap<String, OneOrMany<ConditionValue>>>;

impl Kind for ConditionReader {
    type Value = Conditions;

    const EXPECTED: &'static str = "an object";

    fn map(self, cx: &mut Cx<'_>, path: &Path<'_>, object: Members<'_, '_>) -> Read<Conditions> {
        keyed(cx, path, object, ConditionKeys)
    }
}

#[derive(Debug, Clone, Copy)]
struct ConditionKeys;

impl Kind for ConditionKeys {
    type Value = BTreeMap<String, OneOrMany<ConditionValue>>;

    const EXPECTED: &'static str = "an object";

    fn map(self, cx: &mut Cx<'_>, path: &Path<'_>, object: Members<'_, '_>) -> Read<Self::Value> {
        keyed(cx, path, object, OneOrList(ConditionScalar))
    }
}

/// An object whose members are names of the user's (condition operators,
/// condition keys), each value read with `value`; a name given twice is a
/// `duplicate` violation.
fn keyed<K: Kind>(
    cx: &mut Cx<'_>,
    path: &Path<'_>,
    mut object: Members<'_, '_>,
    value: K,
) -> Read<BTreeMap<String, K::Value>> {
    let mut out = BTreeMap::new();
    let mut ok = true;
    while let Some(key) = object.next_key()? {
        let here = path.key(&key);
        let got = value.read(object.parser(), cx, &here)?;
        if out.contains_key(&*key) {
            cx.duplicate_member(&here);
            ok = false;
            continue;
        }
        match got {
            Some(v) => {
                out.insert(key.into_string(), v);
            }
            None => ok = false,
        }
    }
    Ok(ok.then_some(out))
}

#[derive(Debug, Clone, Copy)]
struct ConditionScalar;

impl Kind for ConditionScalar {
    type Value = ConditionValue;

    const EXPECTED: &'static str = "a string, number or boolean";

    fn text(self, _: &mut Cx<'_>, _: &Path<'_>, text: Text<'_>) -> Option<ConditionValue> {
        Some(ConditionValue::String(text.into_string()))
    }

    fn number(self, cx: &mut Cx<'_>, path: &Path<'_>, n: Number) -> Option<ConditionValue> {
        // An integer past 64 bits reaches here as a rounded float: refused
        // rather than kept as another number.
        let number = match n {
            Number::I64(v) => Some(serde_json::Number::from(v)),
            Number::U64(v) => Some(serde_json::Number::from(v)),
            Number::F64(v) if v.fract() == 0.0 && v.abs() >= 9.2e18 => None,
            Number::F64(v) => serde_json::Number::from_f64(v),
        };
        if number.is_none() {
            cx.report(path, Code::Range, || {
                format!(
                    "{n} is beyond what a number here holds (a 64-bit integer or a finite double)"
                )
            });
        }
        number.map(ConditionValue::Number)
    }

    fn boolean(self, cx: &mut Cx<'_>, path: &Path<'_>, b: bool) -> Option<ConditionValue> {
        Bool.boolean(cx, path, b).map(ConditionValue::Bool)
    }
}

/// The JSON Schema (2020-12) of a policy under `rules`, as a request
/// carries it: its grammar, and each action's form (`*`, or a prefix, `:`
/// and a name or pattern); which names a pattern matches is said in the
/// description, as JSON Schema cannot compare case-insensitive patterns
/// with a list of names.
pub(crate) fn schema(rules: &PolicyRules) -> serde_json::Value {
    use serde_json::json;
    let one_or_list = |item: serde_json::Value| json!({"anyOf": [item, {"type": "array", "minItems": 1, "items": item}]});
    let strings = one_or_list(json!({"type": "string"}));
    // A prefix written in any case, as IAM compares it.
    let prefixes: Vec<String> = rules
        .actions
        .iter()
        .map(|(prefix, _)| {
            prefix
                .chars()
                .map(|c| match c.is_ascii_alphabetic() {
                    true => format!("[{}{}]", c.to_ascii_lowercase(), c.to_ascii_uppercase()),
                    false => c.to_string(),
                })
                .collect()
        })
        .collect();
    let action = json!({
        "type": "string",
        "pattern": format!("^(?:\\*|(?:{}):[A-Za-z0-9*?]+)$", prefixes.join("|"))
    });
    let principal = json!({
        "anyOf": [
            {"const": "*"},
            {
                "type": "object",
                "minProperties": 1,
                "additionalProperties": false,
                "properties": PRINCIPAL_KINDS.iter().map(|k| (k.to_string(), strings.clone())).collect::<serde_json::Map<_, _>>()
            }
        ]
    });
    let scalar = json!({"type": ["string", "number", "boolean"]});
    let mut properties = json!({
        "Sid": {"type": "string"},
        "Effect": {"type": "string", "enum": Effect::VALUES},
        "Principal": principal,
        "NotPrincipal": principal,
        "Action": one_or_list(action.clone()),
        "NotAction": one_or_list(action),
        "Condition": {
            "type": "object",
            "additionalProperties": {
                "type": "object",
                "additionalProperties": one_or_list(scalar)
            }
        }
    });
    if rules.resources {
        properties["Resource"] = strings.clone();
        properties["NotResource"] = strings;
    }
    let names: Vec<String> = rules
        .actions
        .iter()
        .map(|(prefix, names)| match names.is_empty() {
            true => format!("{prefix}: any name"),
            false => format!("{prefix}: {}", names.join(", ")),
        })
        .collect();
    let statement = json!({
        "type": "object",
        "additionalProperties": false,
        "required": ["Effect"],
        "properties": properties,
        "allOf": [
            {"oneOf": [{"required": ["Principal"]}, {"required": ["NotPrincipal"]}]},
            {"oneOf": [{"required": ["Action"]}, {"required": ["NotAction"]}]}
        ]
    });
    let name = match rules.resources {
        true => "RegistryPolicy",
        false => "RepositoryPolicy",
    };
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": name,
        "description": format!(
            "{} (IAM's policy grammar), as ecr-models checks it in a request. Not said here: each action's name or pattern matches at least one action, case aside ({}).{}",
            rules.title,
            names.join("; "),
            match rules.resources {
                true => "",
                false => " It names no Resource or NotResource: the repository is the resource.",
            }
        ),
        "type": "object",
        "additionalProperties": false,
        "required": ["Statement"],
        "properties": {
            "Version": {"type": "string", "enum": PolicyVersion::VALUES},
            "Id": {"type": "string"},
            "Statement": one_or_list(json!({"$ref": "#/$defs/Statement"}))
        },
        "$defs": {"Statement": statement}
    })
}

#[cfg(test)]
mod tests {
    use super::glob;

    #[test]
    fn glob_matches_stars_and_question_marks_case_aside() {
        for (pattern, name, expected) in [
            ("Get*", "GetAuthorizationToken", true),
            ("get*", "GetAuthorizationToken", true),
            ("*Image", "PutImage", true),
            ("*Image", "PutImages", false),
            ("Put?mage", "PutImage", true),
            ("Put?mage", "PutIImage", false),
            ("*", "X", true),
            ("Describe*s", "DescribeImages", true),
            ("Describe*s", "DescribeImage", false),
            ("a*b*c", "aXbYbZc", true),
            ("", "", true),
            ("x", "", false),
        ] {
            assert_eq!(
                glob(pattern.as_bytes(), name.as_bytes()),
                expected,
                "{pattern} {name}"
            );
        }
    }
}
