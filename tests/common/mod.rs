//! What several test files share: the violations of an error as
//! (path, code) pairs, and an operation of ECR by name. Included with
//! `mod common;` (codegen's tests include it by path); each file uses
//! what it needs.
#![allow(dead_code)]

use ecr_models::registry::operation;
use ecr_models::{Code, Error, Operation, Service};

/// The (path, code) of every violation of `err`, in order.
pub fn pairs(err: &Error) -> Vec<(&str, Code)> {
    err.violations()
        .iter()
        .map(|v| (v.path.as_str(), v.code))
        .collect()
}

/// The ECR operation `name`.
pub fn ecr_op(name: &str) -> &'static Operation {
    operation(Service::Ecr, name).unwrap_or_else(|| panic!("ecr has {name}"))
}
