//! The machinery behind the `ecr-validate` command: what documents are
//! checked against ([`target`]), how input splits into documents
//! ([`input`]), how verdicts are printed ([`report`]), and how shapes are
//! described by `ecr-validate inspect` ([`inspect`]), and how references
//! are checked by `ecr-validate ref` ([`refs`]), and how recordings are
//! checked by `ecr-validate traffic` ([`traffic`]). Not a stable API: the
//! library is `ecr-models`.
#![forbid(unsafe_code)]

pub mod input;
pub mod inspect;
pub mod refs;
pub mod report;
pub mod target;
pub mod traffic;
