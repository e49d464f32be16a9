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
        run_bytes(
            &json,
            Checker(Ty::Structure(Self::SHAPE)),
            Cx::new(opts).judging(Self::SHAPE.role).serialized(),
        )
    }
}
