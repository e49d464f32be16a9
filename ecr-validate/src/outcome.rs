//! How a run ends: what it found ([`Outcome`]) and why it stopped early
//! ([`Stop`]). The binary turns the two into the exit status in one place.

use std::fmt;
use std::io;

/// What a run found so far; the exit status follows from it. It only
/// grows worse: a subcommand records each verdict as it reaches it, before
/// printing it, so that a run cut short (a closed pipe) still has the
/// status of everything judged until then.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
pub enum Outcome {
    /// Everything judged is valid, or there was nothing to judge: exit 0.
    #[default]
    Valid,
    /// Something judged is invalid: exit 1.
    Invalid,
    /// A usage error, or an input that could not be read: exit 2.
    Failed,
}

impl Outcome {
    /// Records `other`: the outcome becomes the worse of the two.
    pub fn add(&mut self, other: Outcome) {
        *self = (*self).max(other);
    }

    /// Records one verdict: an error is [`Outcome::Invalid`].
    pub fn judged<T, E>(&mut self, verdict: &Result<T, E>) {
        if verdict.is_err() {
            self.add(Outcome::Invalid);
        }
    }
}

/// Why a run stopped before its end, or ended in a failure of its own.
#[derive(Debug)]
pub enum Stop {
    /// A usage error, or an input the subcommand cannot go on without: exit
    /// 2, the message on standard error.
    Usage(String),
    /// With `--jsonl`, the inputs held no document (and `--allow-empty` was
    /// not given): exit 1, said on standard error.
    NoDocuments,
    /// Standard output could not be written. A closed pipe
    /// ([`io::ErrorKind::BrokenPipe`]: the reader has seen enough) ends the
    /// run quietly with the status of what it found so far; any other
    /// error is exit 2, said on standard error.
    Output(io::Error),
}

/// A write to standard output failed (reads are reported where they fail).
impl From<io::Error> for Stop {
    fn from(e: io::Error) -> Self {
        Stop::Output(e)
    }
}

/// The line for standard error, after `ecr-validate: `.
impl fmt::Display for Stop {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Stop::Usage(message) => f.write_str(message),
            Stop::NoDocuments => {
                f.write_str("no documents (--allow-empty accepts inputs without any)")
            }
            Stop::Output(e) => write!(f, "cannot write to standard output: {e}"),
        }
    }
}
