//! The model's simplest patterns matched without an automaton: a pattern
//! that is a sequence of ASCII character classes, each repeated a bounded
//! or open number of times (a registry id `[0-9]{12}`, an image tag
//! `[0-9a-zA-Z._*-]{1,128}`, a UUID `[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-...`).
//!
//! The generator finds these runs in the pattern's syntax (`regex-syntax`,
//! codegen's `pattern::runs`) and writes them beside the pattern. A value
//! is then matched in one pass, each byte tested against its run's set on
//! its own; a DFA walk instead waits, byte after byte, for the state that
//! the byte before led to. `every_model_pattern_has_a_dfa_that_agrees_with_regex`
//! and the `patterns` fuzz target hold the runs to `regex`'s verdict.

/// One class of ASCII bytes, repeated `min..=max` times, as the generator
/// writes it beside a [`Pattern`](super::Pattern) that is a sequence of them.
///
/// The sequence is held to two conditions, which make the greedy pass of
/// [`matches`] decide: every run takes at least one byte, and no class
/// shares a byte with the next one's. A match then leaves no choice: each
/// run takes the longest stretch of its class, since stopping short would
/// leave a byte of its class where the next run must take a byte of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Run {
    /// Bit `b % 64` of word `b / 64` is set for each byte `b` of the class
    /// (all below 128).
    class: [u64; 2],
    min: usize,
    max: usize,
}

impl Run {
    /// The run of the bytes whose bits `class` sets, `min..=max` times
    /// (`usize::MAX`: no limit).
    pub(crate) const fn new(class: [u64; 2], min: usize, max: usize) -> Run {
        Run { class, min, max }
    }

    #[inline]
    fn contains(&self, b: u8) -> bool {
        self.class
            .get(usize::from(b >> 6))
            .is_some_and(|half| (half >> (b & 63)) & 1 == 1)
    }
}

/// Whether the whole value is the sequence of `runs`.
#[inline]
pub(super) fn matches(runs: &[Run], value: &[u8]) -> bool {
    let mut at = 0;
    for run in runs {
        let start = at;
        while value.get(at).is_some_and(|&b| run.contains(b)) {
            at += 1;
        }
        if !(run.min..=run.max).contains(&(at - start)) {
            return false;
        }
    }
    at == value.len()
}

#[cfg(test)]
mod tests {
    use super::{matches, Run};

    /// The set of the bytes in `from..=to`, all ASCII.
    fn class(ranges: &[(u8, u8)]) -> [u64; 2] {
        let mut class = [0u64; 2];
        for &(from, to) in ranges {
            for b in from..=to {
                class[usize::from(b >> 6)] |= 1 << (b & 63);
            }
        }
        class
    }

    #[test]
    fn runs_match_whole_values_within_their_bounds() {
        let id = [Run::new(class(&[(b'0', b'9')]), 12, 12)];
        assert!(matches(&id, b"123456789012"));
        for value in [
            "12345678901",
            "1234567890123",
            "12345678901a",
            "",
            "é23456789012",
        ] {
            assert!(!matches(&id, value.as_bytes()), "{value}");
        }
        let digest = [
            Run::new(class(&[(b'a', b'z'), (b'0', b'9')]), 1, usize::MAX),
            Run::new(class(&[(b':', b':')]), 1, 1),
            Run::new(class(&[(b'a', b'f'), (b'0', b'9')]), 1, usize::MAX),
        ];
        assert!(matches(&digest, b"sha256:0a1b"));
        for value in [
            "sha256:",
            ":0a",
            "sha256:0a:1b",
            "sha256:0g",
            "sha256",
            "sha256:\u{80}",
        ] {
            assert!(!matches(&digest, value.as_bytes()), "{value}");
        }
    }
}
