//! [`Model`]: what every generated structure is.

use serde::Serialize;

use crate::check::Checker;
use crate::error::{Code, Error};
use crate::options::Options;
use crate::read::{run_bytes, Cx, Fields};
use crate::shape::{StructShape, Ty};

/// A structure of the model: reads and validates itself from JSON, and
/// serializes to the wire form.
pub trait Model: Serialize + Sized + 'static {
    /// The shape's description.
    const SHAPE: &'static StructShape;

    /// The slots the structure reader fills as it reads one (generated).
    #[doc(hidden)]
    type Fields: Fields<Value = Self> + Default;

    /// Checks a value built in code, before it is sent: every rule, as
    /// [`from_json`](crate::from_json) would check the JSON it serializes to.
    ///
    /// Under default options: a request read with
    /// [`Options::allow_unknown_enums`] that holds an enum's `Unknown`
    /// variant fails here (`enum`); check it with [`Model::validate_with`]
    /// and the options it was read with. A response keeps unknown values
    /// by default ([`Options::enums_closed`]).
    fn validate(&self) -> Result<(), Error> {
        self.validate_with(&Options::default())
    }

    /// [`Model::validate`] under `opts`.
    fn validate_with(&self, opts: &Options) -> Result<(), Error> {
        // Serializing our own types cannot fail: maps have string keys. A
        // NaN or infinite double becomes `null`, and since our types leave
        // every absent member out, any `null` in this text is one: the check
        // reports it where it stands. Text, not a `Value`, so that
        // violations come in member order.
        let json =
            serde_json::to_vec(self).map_err(|e| Error::one("", Code::Type, e.to_string()))?;
        check_serialized(&json, Self::SHAPE, opts)
    }
}

/// Checks a structure's own serialized form: the part of
/// [`Model::validate_with`] that needs no type, built once for them all.
fn check_serialized(json: &[u8], shape: &'static StructShape, opts: &Options) -> Result<(), Error> {
    run_bytes(
        json,
        Checker(Ty::Structure(shape)),
        Cx::new(opts).judging(shape.role).serialized(),
    )
}

/// A generated structure as a [`Model`]: the slots it is read into (one per
/// spelling of a member on the wire), its [`Fields`], its `Model` and its
/// [`Typed`](crate::read::Typed) impls, from the places and Rust types of
/// its members:
///
/// ```text
/// model_struct!(Name, NameFields, NameBuilder, shapes::NAME, shapes::name_index, {
///     0 repository_name: req String,
///     1 tags: opt Vec<Tag>,
///     2 message: opt String | 3 message_alias,
/// });
/// ```
///
/// `req` members are filled in every valid object; `opt` ones may be
/// absent. A member's other spelling (`| 3 message_alias`) has a slot of its
/// own, which loses to the member's when a body has both. Every rule comes
/// from the member's description in the shape tables
/// ([`crate::read::Typed`]).
macro_rules! model_struct {
    ($name:ident, $fields:ident, $builder:ident, $shape:path, $index:path, {
        $($at:literal $f:ident: $req:ident $t:ty $(| $alias_at:literal $alias:ident)?),* $(,)?
    }) => {
        #[doc = concat!("The slots of [`", stringify!($name), "`] as it is read.")]
        #[derive(Default)]
        pub struct $fields {
            $($f: Option<$t>, $($alias: Option<$t>,)?)*
        }

        impl $crate::read::Fields for $fields {
            type Value = $name;

            #[inline]
            fn index(&self, key: &str) -> Option<usize> {
                $index(key)
            }

            #[inline(always)]
            fn read(
                &mut self,
                at: usize,
                member: &'static $crate::shape::Member,
                p: &mut $crate::parse::Parser<'_>,
                cx: &mut $crate::read::Cx<'_>,
                path: &$crate::read::Path<'_>,
            ) -> Result<bool, $crate::parse::Syntax> {
                // Each member's description from the static table, not
                // `member`: the same one, but known when compiled, so its
                // reader folds into the code.
                #[allow(unused_variables)]
                let members = $shape.members;
                match at {
                    $(
                        $at => $crate::model::model_struct!(@read $req self.$f, $t, members[$at], p, cx, path),
                        $($alias_at => $crate::model::model_struct!(@read opt self.$alias, $t, members[$alias_at], p, cx, path),)?
                    )*
                    // The index finds no other place.
                    _ => {
                        let _ = (member, cx, path);
                        p.skip_value().map(|()| false)
                    }
                }
            }

            fn build(self) -> Option<$name> {
                Some($name {
                    $($f: $crate::model::model_struct!(@value $req self.$f $(, self.$alias)?),)*
                })
            }
        }

        impl $crate::Model for $name {
            const SHAPE: &'static $crate::shape::StructShape = &$shape;
            type Fields = $fields;
        }

        impl $crate::read::Typed for $name {
            type Reader = $crate::read::Struct<$fields>;

            #[inline]
            fn reader(_: $crate::shape::Ty) -> Self::Reader {
                $crate::read::Struct::new(&$shape)
            }
        }

        #[doc = concat!("A [`", stringify!($name), "`] being built ([`", stringify!($name), "::builder`], [`", stringify!($name), "::to_builder`]): a setter per member, then [`build`](Self::build), which checks every rule.")]
        #[derive(Clone, Default)]
        #[must_use]
        pub struct $builder {
            $($f: Option<$t>,)*
        }

        /// The builder's name alone: the members it holds may be secret.
        impl ::std::fmt::Debug for $builder {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_struct(stringify!($builder)).finish_non_exhaustive()
            }
        }

        impl $name {
            #[doc = concat!("A builder of [`", stringify!($name), "`] with no member set.")]
            #[inline]
            pub fn builder() -> $builder {
                $builder::default()
            }

            /// A builder holding this value's members: change some, then
            /// build again.
            #[inline]
            pub fn to_builder(&self) -> $builder {
                $builder {
                    $($f: $crate::model::model_struct!(@member $req self.$f.clone()),)*
                }
            }
        }

        impl $builder {
            $(
                #[doc = concat!("Sets `", stringify!($f), "`.")]
                // Named after its member, whatever the member's name says
                // (`is_valid`).
                #[allow(clippy::wrong_self_convention)]
                #[inline]
                pub fn $f(mut self, value: impl Into<$t>) -> Self {
                    self.$f = Some(value.into());
                    self
                }
            )*

            /// The value, checked by every rule, as
            /// [`Model::validate`](crate::Model::validate) checks it: a
            /// required member never set is a `required` violation.
            #[inline]
            pub fn build(self) -> Result<$name, $crate::Error> {
                let value = self.build_unchecked()?;
                $crate::Model::validate(&value)?;
                Ok(value)
            }

            /// The value, when every required member is set.
            #[inline]
            fn made(self) -> Option<$name> {
                Some($name {
                    $($f: $crate::model::model_struct!(@value $req self.$f),)*
                })
            }

            /// The value as set, no rule checked but that each required
            /// member is set (the value cannot be made without it): for
            /// tests that build invalid values on purpose.
            #[inline]
            pub fn build_unchecked(self) -> Result<$name, $crate::Error> {
                let missing: &[(usize, bool)] =
                    &[$(($at, $crate::model::model_struct!(@missing $req self.$f))),*];
                self.made().ok_or_else(|| {
                    let missing = missing.iter().filter(|(_, m)| *m).map(|(at, _)| *at);
                    $crate::model::unset(&$shape, missing)
                })
            }
        }

        #[cfg(feature = "validator")]
        impl ::validator::Validate for $name {
            fn validate(&self) -> Result<(), ::validator::ValidationErrors> {
                $crate::validator_errors::tree(
                    <Self as $crate::Model>::SHAPE,
                    $crate::Model::validate(self),
                )
            }
        }

        #[cfg(feature = "garde")]
        impl ::garde::Validate for $name {
            type Context = $crate::Options;

            fn validate_into(
                &self,
                ctx: &$crate::Options,
                parent: &mut dyn FnMut() -> ::garde::Path,
                report: &mut ::garde::Report,
            ) {
                $crate::garde_report::append(
                    <Self as $crate::Model>::SHAPE,
                    $crate::Model::validate_with(self, ctx),
                    parent,
                    report,
                )
            }
        }
    };
    (@read req $slot:expr, $t:ty, $member:expr, $p:ident, $cx:ident, $path:ident) => {
        $crate::read::member(&mut $slot, <$t as $crate::read::Typed>::reader($member.ty), true, $p, $cx, $path)
    };
    (@read opt $slot:expr, $t:ty, $member:expr, $p:ident, $cx:ident, $path:ident) => {
        $crate::read::member(&mut $slot, <$t as $crate::read::Typed>::reader($member.ty), false, $p, $cx, $path)
    };
    (@member req $value:expr) => { Some($value) };
    (@member opt $value:expr) => { $value };
    (@missing req $slot:expr) => { $slot.is_none() };
    (@missing opt $slot:expr) => { false };
    (@value req $slot:expr $(, $alias:expr)?) => { $slot $(.or($alias))? ? };
    (@value opt $slot:expr $(, $alias:expr)?) => { $slot $(.or($alias))? };
}

pub(crate) use model_struct;

/// The `required` violations of a builder of structure `shape` whose
/// members at places `missing` were never set.
pub(crate) fn unset(shape: &StructShape, missing: impl Iterator<Item = usize>) -> Error {
    let violations = missing
        .filter_map(|at| shape.members.get(at))
        .map(|member| {
            crate::error::Violation::new(
                crate::read::Path::Root.key(member.name).pointer(),
                Code::Required,
                "required member is missing: the builder never set it".to_string(),
            )
        })
        .collect();
    Error::new(violations, 0)
}

/// `Display` (`Name: message`, as the SDKs write an error) and
/// `std::error::Error` for a service's errors: `exceptions` for its
/// exception structures (each has a `message`), `service` for its
/// `ServiceError` (which names its error and gives its message).
macro_rules! error_traits {
    (exceptions $($name:ident),* $(,)?) => {$(
        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                $crate::aws_error::write_error(f, <Self as $crate::Model>::SHAPE.name, self.message.as_deref())
            }
        }

        impl ::std::error::Error for $name {}
    )*};
    (service $name:ident) => {
        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                $crate::aws_error::write_error(f, self.name(), self.message())
            }
        }

        impl ::std::error::Error for $name {}
    };
}

pub(crate) use error_traits;
