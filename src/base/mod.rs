//! The bottom layer: the error a reading returns (its violations, codes
//! and messages) and the options and limits it runs under. It names
//! nothing else of the crate.

pub mod error;
pub(crate) mod options;
