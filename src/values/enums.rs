//! What every generated enum shares: text conversions and serde, written once.

/// An enum that keeps values the model does not know: generated for every
/// enum shape by [`model_enum!`].
pub trait ModelEnum: Sized {
    /// Every known value, in model order.
    const VALUES: &'static [&'static str];

    /// The variant of the known value at `at` in [`ModelEnum::VALUES`].
    fn from_index(at: usize) -> Option<Self>;

    /// The variant that keeps an unknown value.
    fn from_unknown(value: String) -> Self;

    /// The variant of a known value.
    fn from_known(value: &str) -> Option<Self> {
        Self::from_index(position(Self::VALUES, value)?)
    }
}

/// Where `value` is among an enum's known `values`, compared exactly
/// (case-sensitive): enum membership, for the typed enums and for the
/// checker alike.
#[inline]
pub(crate) fn position(values: &[&str], value: &str) -> Option<usize> {
    values.iter().position(|known| *known == value)
}

/// A string that is not one of an enum's known values.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{value:?} is not one of {expected}")]
pub struct UnknownValue {
    /// The value given.
    pub value: String,
    /// The known values, comma-separated.
    pub expected: String,
}

/// A generated enum: its variants (each a known value, and `Unknown` for
/// any other), `VALUES`, `as_str`, `values`, `is_known`, the reader's
/// [`ModelEnum`], and the traits of [`model_enum_traits`]:
/// `model_enum!(Name, "docs", [Variant = "VALUE", ...])`.
///
/// A value's variant is found by its place in `VALUES` ([`position`]), so
/// the one membership rule serves the typed enums and the checker.
macro_rules! model_enum {
    ($name:ident, $doc:literal, [$($variant:ident = $value:literal),* $(,)?]) => {
        #[doc = $doc]
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[non_exhaustive]
        pub enum $name {
            $(
                #[doc = concat!("`", $value, "`")]
                $variant,
            )*
            /// A value this version of the model does not know.
            Unknown(String),
        }

        impl $name {
            /// Every known value, in model order.
            pub const VALUES: &'static [&'static str] = &[$($value),*];

            /// The value on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    $(Self::$variant => $value,)*
                    Self::Unknown(value) => value,
                }
            }

            /// Every known value, in model order.
            pub fn values() -> &'static [&'static str] {
                Self::VALUES
            }

            /// Whether the value is one the model knows.
            pub fn is_known(&self) -> bool {
                !matches!(self, Self::Unknown(_))
            }
        }

        impl $crate::enums::ModelEnum for $name {
            const VALUES: &'static [&'static str] = Self::VALUES;

            fn from_index(at: usize) -> Option<Self> {
                // The variants in model order, counted as they are tried.
                let mut place = 0;
                $(
                    if at == place {
                        return Some(Self::$variant);
                    }
                    place += 1;
                )*
                let _ = place;
                None
            }

            fn from_unknown(value: String) -> Self {
                Self::Unknown(value)
            }
        }

        $crate::enums::model_enum_traits!($name);
    };
}

pub(crate) use model_enum;

/// Implements `Display`, `AsRef<str>`, `FromStr` (known values only), `From<&str>` and
/// `From<String>` (keeping unknown values), `Serialize` and `Deserialize`
/// (keeping unknown values) for a generated enum.
macro_rules! model_enum_traits {
    ($name:ident) => {
        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::std::convert::AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                self.as_str()
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = $crate::enums::UnknownValue;

            /// Parses a known value; an unknown one is an error.
            fn from_str(value: &str) -> Result<Self, Self::Err> {
                <Self as $crate::enums::ModelEnum>::from_known(value).ok_or_else(|| {
                    $crate::enums::UnknownValue {
                        value: value.to_string(),
                        expected: Self::VALUES.join(", "),
                    }
                })
            }
        }

        impl From<&str> for $name {
            fn from(value: &str) -> Self {
                <Self as $crate::enums::ModelEnum>::from_known(value)
                    .unwrap_or_else(|| Self::Unknown(value.to_string()))
            }
        }

        impl From<String> for $name {
            fn from(value: String) -> Self {
                <Self as $crate::enums::ModelEnum>::from_known(&value)
                    .unwrap_or(Self::Unknown(value))
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let value = <::std::borrow::Cow<'de, str> as ::serde::Deserialize>::deserialize(d)?;
                Ok(Self::from(&*value))
            }
        }
    };
}

pub(crate) use model_enum_traits;
