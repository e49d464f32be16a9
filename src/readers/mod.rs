//! The readers: one per Rust value type (`read`), the check-only sink that
//! reads by description (`check`), and the reader of error bodies
//! (`aws_error`). Above the shape descriptions, below the entry points.

pub(crate) mod aws_error;
pub(crate) mod check;
pub(crate) mod locate;
pub(crate) mod read;
