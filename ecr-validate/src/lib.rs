//! The machinery behind the `ecr-validate` command, a module per
//! subcommand: the main command ([`validate`]), [`generate`],
//! [`inspect`], [`check`], [`ref`](refs), [`wait-state`](wait_state),
//! [`merge-pages`](merge_pages) and [`traffic`]. Each takes its options and
//! standard output, records what it found in an [`Outcome`] and returns
//! why it stopped early, if it did ([`Stop`]); the binary maps the two to
//! the exit status, in one place. Beneath them: the options several share
//! ([`args`]), what documents are checked against ([`target`]), how input
//! splits into documents ([`input`]), and how verdicts are printed
//! ([`report`]). Not a stable API: the library is `ecr-models`.
#![forbid(unsafe_code)]

pub mod args;
pub mod check;
pub mod generate;
pub mod input;
pub mod inspect;
pub mod merge_pages;
mod outcome;
pub mod refs;
pub mod report;
pub mod target;
pub mod traffic;
pub mod validate;
pub mod wait_state;

pub use outcome::{Outcome, Stop};

use ecr_models::Service;

/// The value of `--service`: `ecr` or `ecr-public`.
pub fn parse_service(name: &str) -> Result<Service, String> {
    Service::from_name(name).ok_or_else(|| {
        let known: Vec<&str> = Service::ALL.iter().map(|s| s.name()).collect();
        format!("expected one of: {}", known.join(", "))
    })
}
