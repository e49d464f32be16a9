//! The model's simplest patterns matched without an automaton: a pattern
//! that is a sequence of ASCII character classes, each repeated a bounded
//! number of times (a registry id `[0-9]{12}`, an image tag
//! `[0-9a-zA-Z._*-]{1,128}`, a UUID `[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-...`).
//!
//! A value is matched in one pass, each byte tested against its run's set
//! on its own: a DFA walk instead waits, byte after byte, for the state
//! that the byte before it led to. The runs are read from the pattern's
//! syntax ([`regex_syntax`]), so they mean what the pattern means, and the
//! `patterns` fuzz target holds them to `regex`'s verdict.

use regex_syntax::hir::{Class, Hir, HirKind, Look};

/// One class of ASCII bytes, repeated `min..=max` times.
#[derive(Debug, Clone, Copy)]
struct Run {
    /// Bit `b` is set for each byte `b` of the class (all below 128).
    class: u128,
    /// The class as a table, a lookup per byte.
    table: [bool; 256],
    min: usize,
    max: usize,
}

impl Run {
    fn new(class: u128, min: usize, max: usize) -> Run {
        let mut table = [false; 256];
        for (b, slot) in table.iter_mut().enumerate().take(128) {
            *slot = (class >> b) & 1 == 1;
        }
        Run {
            class,
            table,
            min,
            max,
        }
    }

    #[inline]
    fn contains(&self, b: u8) -> bool {
        self.table[usize::from(b)]
    }
}

/// A pattern as runs, each at least once, each class disjoint from the
/// next one's. Then a match leaves no choice: every run takes the longest
/// stretch of its class (a shorter one would leave a byte of its class
/// where the next run, which must take at least one byte, takes none of
/// them), so one greedy pass decides.
#[derive(Debug)]
pub(super) struct Runs(Vec<Run>);

impl Runs {
    /// The runs of `anchored` (`^(?:...)$`), if it is such a sequence.
    pub(super) fn of(anchored: &str) -> Option<Runs> {
        let hir = regex_syntax::parse(anchored).ok()?;
        let HirKind::Concat(parts) = hir.kind() else {
            return None;
        };
        let (first, rest) = parts.split_first()?;
        let (last, middle) = rest.split_last()?;
        if first.kind() != &HirKind::Look(Look::Start) || last.kind() != &HirKind::Look(Look::End) {
            return None;
        }
        let mut runs = Vec::new();
        for part in middle {
            push_runs(part, &mut runs)?;
        }
        let disjoint = runs.windows(2).all(|w| match w {
            [a, b] => a.class & b.class == 0,
            _ => true,
        });
        (!runs.is_empty() && disjoint && runs.iter().all(|r| r.min >= 1)).then_some(Runs(runs))
    }

    /// Whether the whole value matches.
    #[inline]
    pub(super) fn is_match(&self, value: &[u8]) -> bool {
        let mut at = 0;
        for run in &self.0 {
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
}

/// Appends the runs of `hir`: a class or a literal (a run of one per
/// byte), a bounded or open repetition of a class or of a one-byte literal,
/// a sequence of these, or a group around them. `None` for anything else.
fn push_runs(hir: &Hir, runs: &mut Vec<Run>) -> Option<()> {
    match hir.kind() {
        HirKind::Capture(group) => push_runs(&group.sub, runs),
        HirKind::Concat(parts) => parts.iter().try_for_each(|part| push_runs(part, runs)),
        HirKind::Literal(literal) => literal.0.iter().try_for_each(|&b| {
            runs.push(Run::new(ascii_class(&[(b, b)])?, 1, 1));
            Some(())
        }),
        HirKind::Class(_) => {
            runs.push(Run::new(class_of(hir)?, 1, 1));
            Some(())
        }
        HirKind::Repetition(rep) => {
            let max = match rep.max {
                Some(max) => usize::try_from(max).ok()?,
                None => usize::MAX,
            };
            runs.push(Run::new(
                class_of(&rep.sub)?,
                usize::try_from(rep.min).ok()?,
                max,
            ));
            Some(())
        }
        _ => None,
    }
}

/// The bytes of a class, or of a one-byte literal, if all are ASCII.
fn class_of(hir: &Hir) -> Option<u128> {
    match hir.kind() {
        HirKind::Class(Class::Unicode(class)) => {
            let ranges: Option<Vec<(u8, u8)>> = class
                .ranges()
                .iter()
                .map(|r| Some((u8::try_from(r.start()).ok()?, u8::try_from(r.end()).ok()?)))
                .collect();
            ascii_class(&ranges?)
        }
        HirKind::Class(Class::Bytes(class)) => {
            let ranges: Vec<(u8, u8)> = class
                .ranges()
                .iter()
                .map(|r| (r.start(), r.end()))
                .collect();
            ascii_class(&ranges)
        }
        HirKind::Literal(literal) => match &*literal.0 {
            [b] => ascii_class(&[(*b, *b)]),
            _ => None,
        },
        _ => None,
    }
}

/// The set of the bytes in `ranges`, if all are below 128.
fn ascii_class(ranges: &[(u8, u8)]) -> Option<u128> {
    let mut class = 0u128;
    for &(start, end) in ranges {
        if end >= 128 {
            return None;
        }
        for b in start..=end {
            class |= 1 << b;
        }
    }
    Some(class)
}

#[cfg(test)]
mod tests {
    use super::Runs;

    #[test]
    fn sequences_of_disjoint_ascii_classes_are_runs_and_nothing_else_is() {
        for pattern in [
            "^(?:[0-9]{12})$",
            "^(?:[0-9a-zA-Z._*-]{1,128})$",
            "^(?:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$",
            "^(?:[a-zA-Z0-9-_+.]+:[a-fA-F0-9]+)$",
            "^(?:ab[0-9]+)$",
        ] {
            assert!(Runs::of(pattern).is_some(), "{pattern}");
        }
        for pattern in [
            // Unicode classes, alternations, classes that meet the next,
            // runs that may be empty, no anchors, a `^` inside.
            "^(?:\\S+)$",
            "^(?:ab|c)$",
            "^(?:[a-z]+[0-9a-z]+)$",
            "^(?:[a-z]*-)$",
            "[0-9]{12}",
            "^(?:a^b)$",
            "^(?:é)$",
        ] {
            assert!(Runs::of(pattern).is_none(), "{pattern}");
        }
    }

    #[test]
    fn runs_match_whole_values_within_their_bounds() {
        let id = Runs::of("^(?:[0-9]{12})$").expect("runs");
        assert!(id.is_match(b"123456789012"));
        for value in [
            "12345678901",
            "1234567890123",
            "12345678901a",
            "",
            "é23456789012",
        ] {
            assert!(!id.is_match(value.as_bytes()), "{value}");
        }
        let digest = Runs::of("^(?:[a-zA-Z0-9-_+.]+:[a-fA-F0-9]+)$").expect("runs");
        assert!(digest.is_match(b"sha256:0a1b"));
        for value in ["sha256:", ":0a", "sha256:0a:1b", "sha256:0g", "sha256"] {
            assert!(!digest.is_match(value.as_bytes()), "{value}");
        }
    }
}
