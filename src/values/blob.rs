//! [`Blob`]: bytes, carried in JSON as canonical padded base64.

use std::fmt;

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};

/// Canonical padded base64 as a regular expression: unused trailing bits
/// are zero.
const CANONICAL: &str =
    "(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/][AQgw]==|[A-Za-z0-9+/]{2}[AEIMQUYcgkosw048]=)?";

/// [`CANONICAL`] as a whole-value pattern that means the same in ECMA-262
/// and Python's `re`, as JSON Schemas write it.
pub(crate) fn portable_pattern() -> String {
    format!("^(?:{CANONICAL})$(?!\\n)")
}

/// Bytes of a blob shape. On the wire: standard base64 with padding, and
/// canonical (unused trailing bits zero), as AWS writes it.
#[derive(Clone, Default, PartialEq, Eq, Hash)]
pub struct Blob(Vec<u8>);

/// Why a string is not canonical padded base64.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not canonical padded base64: {0}")]
pub struct Base64Error(String);

impl Blob {
    /// A blob of these bytes.
    pub fn new(bytes: impl Into<Vec<u8>>) -> Self {
        Blob(bytes.into())
    }

    /// Decodes base64 text.
    pub fn from_base64(text: &str) -> Result<Self, Base64Error> {
        STANDARD
            .decode(text)
            .map(Blob)
            .map_err(|e| Base64Error(e.to_string()))
    }

    /// The base64 text.
    pub fn to_base64(&self) -> String {
        STANDARD.encode(&self.0)
    }

    /// The bytes.
    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }

    /// The bytes, owned.
    pub fn into_bytes(self) -> Vec<u8> {
        self.0
    }

    /// How many bytes.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are no bytes.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl fmt::Debug for Blob {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Blob({} bytes)", self.0.len())
    }
}

impl From<Vec<u8>> for Blob {
    fn from(bytes: Vec<u8>) -> Self {
        Blob(bytes)
    }
}

impl Serialize for Blob {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_base64())
    }
}

impl<'de> Deserialize<'de> for Blob {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Base64Visitor;
        impl Visitor<'_> for Base64Visitor {
            type Value = Blob;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a base64 string")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Blob, E> {
                Blob::from_base64(v).map_err(E::custom)
            }
        }
        d.deserialize_str(Base64Visitor)
    }
}
