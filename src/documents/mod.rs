//! The documents users write inside payloads: AWS's model types each as a
//! plain string with a length bound, and AWS checks each as a document of
//! its own. Each is read here with the crate's readers and the
//! same limits as the payload around it, into a typed value or every
//! violated rule, with JSON Pointer paths inside the document.
//!
//! - [`LifecyclePolicy`]: `lifecyclePolicyText` of PutLifecyclePolicy and
//!   StartLifecyclePolicyPreview, and the `lifecyclePolicy` of repository
//!   creation templates.
//! - [`PolicyDocument`]: a repository's policy (`policyText` of
//!   SetRepositoryPolicy in ECR and ECR Public, a creation template's
//!   `repositoryPolicy`) and a registry's (`policyText` of
//!   PutRegistryPolicy), each under its [`PolicyRules`].
//! - [`ImageManifest`]: `imageManifest` of PutImage (ECR and ECR Public)
//!   and of the images BatchGetImage and PutImage return: a Docker or OCI
//!   image manifest, manifest list or image index.
//!
//! The members that carry a document are found from the model's names
//! (`<Name>PolicyText`, `ImageManifest`), by the generator; `registry::documents` lists
//! each service's kinds.
//!
//! A payload that carries a document is checked into it: the path of a
//! violation goes on inside the text (`/lifecyclePolicyText/rules/1/selection/countUnit`).
//! [`Options::embedded_documents`] turns that off. A document in a
//! response is one AWS accepted, perhaps years ago: it is held only to the
//! rules AWS is seen to enforce (each document's module says which), unless
//! [`Options::exact_outputs`].

use crate::error::{Code, Error};
use crate::options::Options;
use crate::parse::{Members, Parser, Syntax};
use crate::read::{run_bytes, Cx, Kind, Path, Read};
use crate::rules::{quote, Embedded};
use crate::shape::Role;

/// The reader of one object of a document, from the object's members as
/// data: each name with the slot it is read into ([`Got`]) and the reader
/// of its value; the names a document's object defines come once each
/// ([`members_of`]); `others` names the object when other names are
/// refused (`Some("a lifecycle rule")`), `None` when they are skipped.
/// `finish` then applies the rules between members and builds the value
/// from the slots, which it names as the members list does.
macro_rules! object_reader {
    (
        $(#[$attr:meta])*
        $vis:vis struct $reader:ident $(($field:ty))?;
        value: $value:ty, $expected:literal;
        others: $others:expr;
        members: { $($name:literal => $slot:ident: $kind:expr,)+ }
        finish: |$this:pat_param, $cx:ident, $path:ident| $finish:block
    ) => {
        $(#[$attr])*
        #[derive(Debug, Clone, Copy)]
        $vis struct $reader $(($field))?;

        impl crate::read::Kind for $reader {
            type Value = $value;

            const EXPECTED: &'static str = $expected;

            fn map(
                self,
                $cx: &mut crate::read::Cx<'_>,
                $path: &crate::read::Path<'_>,
                object: crate::parse::Members<'_, '_>,
            ) -> crate::read::Read<$value> {
                let $this = self;
                $(let mut $slot = super::Got::Absent;)+
                super::members_of($cx, $path, object, $others, &[$($name),+], |at, p, cx, here| {
                    // The slots in the order of the names.
                    let mut place = 0usize..;
                    $(
                        if place.next() == Some(at) {
                            return super::read_into(&mut $slot, $kind, p, cx, here);
                        }
                    )+
                    Ok(())
                })?;
                $finish
            }
        }
    };
}

#[cfg(feature = "ecr")]
pub(crate) mod lifecycle;
pub(crate) mod manifest;
pub(crate) mod policy;

#[cfg(feature = "ecr")]
pub use lifecycle::{
    Action, ActionType, CountType, CountUnit, LifecyclePolicy, LifecycleRule, Selection,
    StorageClass, TagStatus, TargetStorageClass,
};
pub use manifest::{
    Descriptor, ImageIndex, ImageManifest, Manifest, ManifestMediaType, Platform, Schema1Manifest,
};
pub use policy::{
    ConditionValue, Effect, OneOrMany, PolicyDocument, PolicyRules, PolicyVersion, Principal,
    Statement,
};

/// A method `<member>_document()` on a generated structure whose member
/// carries a document: the document read from it and checked, as part of
/// a response when the structure is one (the rules AWS is seen to
/// enforce), else as a request carries it (every rule):
/// `document_accessor!(Type, method, field, req|opt, "Name", DocType, read)`.
macro_rules! document_accessor {
    ($ty:ident, $method:ident, $field:ident, req, $name:literal, $doc:ty, $read:expr) => {
        impl $ty {
            #[doc = concat!("The `", $name, "` that `", stringify!($field), "` carries, read and checked (see [`crate::documents`]).")]
            pub fn $method(&self) -> Result<$doc, $crate::Error> {
                ($read)(&self.$field, <Self as $crate::Model>::SHAPE.role)
            }
        }
    };
    ($ty:ident, $method:ident, $field:ident, opt, $name:literal, $doc:ty, $read:expr) => {
        impl $ty {
            #[doc = concat!("The `", $name, "` that `", stringify!($field), "` carries, if it is present, read and checked (see [`crate::documents`]).")]
            pub fn $method(&self) -> Option<Result<$doc, $crate::Error>> {
                let role = <Self as $crate::Model>::SHAPE.role;
                self.$field.as_deref().map(|text| ($read)(text, role))
            }
        }
    };
}
pub(crate) use document_accessor;

/// Checks `text` (UTF-8) as one document of `embedded`'s kind, as a
/// request carries it (`response: false`) or a response (`true`). The kinds
/// of each service are `registry::documents`.
pub fn check_text(
    embedded: &Embedded,
    text: &[u8],
    opts: &Options,
    response: bool,
) -> Result<(), Error> {
    (embedded.check)(text, opts, response)
}

/// Reads one document of `kind`, judged as part of a document of `role`,
/// under the limits of `opts`.
pub(crate) fn read_document<K: Kind>(
    text: &[u8],
    opts: &Options,
    role: Role,
    kind: K,
) -> Result<K::Value, Error> {
    run_bytes(text, kind, Cx::new(opts).judging(role))
}

/// Checks a document's text with the reader `K`: the check a generated
/// [`Embedded`] names (`check_as::<lifecycle::PolicyReader>`).
pub(crate) fn check_as<K: Kind + Default>(
    text: &[u8],
    opts: &Options,
    response: bool,
) -> Result<(), Error> {
    check_with(text, opts, response, K::default())
}

/// Checks a document's text with `kind`, as a request carries it or, with
/// `response`, a response.
fn check_with<K: Kind>(text: &[u8], opts: &Options, response: bool, kind: K) -> Result<(), Error> {
    let role = if response { Role::Output } else { Role::Input };
    read_document(text, opts, role, kind).map(drop)
}

/// A member of a document object, and where it was read: absent, present
/// but broken (its violations recorded), or read.
#[derive(Debug, Default)]
pub(crate) enum Got<T> {
    #[default]
    Absent,
    Broken,
    Read(T),
}

impl<T> Got<T> {
    fn is_present(&self) -> bool {
        !matches!(self, Got::Absent)
    }

    fn value(&self) -> Option<&T> {
        match self {
            Got::Read(v) => Some(v),
            _ => None,
        }
    }

    fn into_option(self) -> Option<T> {
        match self {
            Got::Read(v) => Some(v),
            _ => None,
        }
    }

    /// A required member: `required` when absent.
    fn required(self, cx: &mut Cx<'_>, path: &Path<'_>, name: &str) -> Option<T> {
        if let Got::Absent = self {
            cx.missing_member(&path.key(name));
        }
        self.into_option()
    }

    /// An optional member: `Some(None)` when absent, `None` when broken.
    fn optional(self) -> Option<Option<T>> {
        match self {
            Got::Absent => Some(None),
            Got::Broken => None,
            Got::Read(v) => Some(Some(v)),
        }
    }
}

/// Reads one member's value into its slot with `kind`: `null` is refused
/// (`type`), as AWS refuses it in every document ("instance failed to
/// match exactly one schema").
fn read_into<K: Kind>(
    slot: &mut Got<K::Value>,
    kind: K,
    p: &mut Parser<'_>,
    cx: &mut Cx<'_>,
    path: &Path<'_>,
) -> Result<(), Syntax> {
    *slot = match kind.read(p, cx, path)? {
        Some(v) => Got::Read(v),
        None => Got::Broken,
    };
    Ok(())
}

/// Reads the members of one object of a document: each name of `names` to
/// `read(place, parser, cx, path)`, once (`duplicate` the second time).
/// Any other name is skipped when `closed` is `None` (an image manifest's
/// objects allow them); when `closed` names the object (`a lifecycle
/// rule`), it is an `unknown_field` violation in every mode, as AWS
/// refuses it ("object instance has properties which are not allowed by
/// the schema").
fn members_of(
    cx: &mut Cx<'_>,
    path: &Path<'_>,
    mut members: Members<'_, '_>,
    closed: Option<&str>,
    names: &[&str],
    mut read: impl FnMut(usize, &mut Parser<'_>, &mut Cx<'_>, &Path<'_>) -> Result<(), Syntax>,
) -> Result<(), Syntax> {
    // The members come once each: a bit per name (a document's objects
    // define fewer than 64), no allocation per object.
    let bit = |at: usize| {
        u32::try_from(at)
            .ok()
            .and_then(|at| 1u64.checked_shl(at))
            .unwrap_or(0)
    };
    let mut seen = 0u64;
    while let Some(key) = members.next_key()? {
        let here = path.key(&key);
        match names.iter().position(|n| *n == &*key) {
            Some(at) if seen & bit(at) != 0 => {
                cx.duplicate_member(&here);
                members.skip_value()?;
            }
            Some(at) => {
                seen |= bit(at);
                read(at, members.parser(), cx, &here)?;
            }
            None => {
                if let Some(what) = closed {
                    cx.report(&here, Code::UnknownField, || {
                        format!(
                            "{} is not a member of {what}, whose members are {}",
                            quote(&key),
                            names.join(", ")
                        )
                    });
                }
                members.skip_value()?;
            }
        }
    }
    Ok(())
}

/// A list of a document: its items read with `item`, at least `min` of
/// them (`items`; a rule the user guide states, so not in responses).
#[derive(Debug, Clone, Copy)]
struct ListOf<K> {
    item: K,
    min: usize,
}

impl<K: Kind> Kind for ListOf<K> {
    type Value = Vec<Option<K::Value>>;

    const EXPECTED: &'static str = "an array";

    fn seq(
        self,
        cx: &mut Cx<'_>,
        path: &Path<'_>,
        mut items: crate::parse::Items<'_, '_>,
    ) -> Read<Self::Value> {
        let mut out = Vec::new();
        while items.next_item()? {
            let at = path.index(out.len());
            out.push(self.item.read(items.parser(), cx, &at)?);
        }
        // The user guide's rule: no AWS error is seen for an empty list.
        if out.len() < self.min && cx.every_document_rule() {
            cx.report(path, Code::Items, || {
                format!("{} items, fewer than {}", out.len(), self.min)
            });
            return Ok(None);
        }
        Ok(Some(out))
    }
}

/// All of a list's items, if every one was read.
fn all<T>(items: Vec<Option<T>>) -> Option<Vec<T>> {
    items.into_iter().collect()
}

/// An optional list member: `Some(None)` when absent, `None` when it or
/// one of its items is broken.
fn optional_list<T>(got: Got<Vec<Option<T>>>) -> Option<Option<Vec<T>>> {
    match got.optional()? {
        None => Some(None),
        Some(items) => all(items).map(Some),
    }
}
