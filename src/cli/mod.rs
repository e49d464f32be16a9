//! The machinery behind the `ecr-validate` command: what documents are
//! checked against ([`target`]), how input splits into documents
//! ([`input`]), and how verdicts are printed ([`report`]). Not a stable API.

pub mod input;
pub mod report;
pub mod target;
