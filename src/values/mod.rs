//! The rule kinds and the values they hold: each rule of the model as data
//! (`rules`, with each rule in words), timestamps, blobs and enum
//! membership. Above the scanner, below the shape descriptions.

pub mod blob;
pub(crate) mod enums;
pub mod rules;
pub mod timestamp;
