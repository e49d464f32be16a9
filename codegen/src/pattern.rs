//! Model patterns → whole-value regular expressions.
//!
//! The model writes patterns unanchored, in Java's dialect. AWS matches the
//! whole value, and Java's `\w` and `\s` are ASCII. We write one translated
//! body that means the same in Rust's `regex` crate, ECMA-262 (`u` flag, as
//! ajv compiles it) and Python's `re`: the classes spelled out in ASCII,
//! escapes that ECMA rejects in unicode mode (`\-` outside a class) turned
//! into plain characters, and every literal `-` in a class escaped.
//!
//! Rust anchors it as `^(?:body)$`. JSON Schema anchors it as
//! `^(?:body)$(?!\n)`: Python's `$` also matches before a final newline, and
//! the lookahead rules that out in every engine.

/// ASCII word characters, inside a class.
const WORD: &str = r"A-Za-z0-9_";
/// ASCII white space as Java's `\s` means it, inside a class.
const SPACE: &str = r"\t\n\x0B\f\r ";

/// The translated body of a model pattern.
pub fn body(model: &str) -> String {
    let chars: Vec<char> = model.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        match chars[i] {
            '\\' => {
                let c = *chars
                    .get(i + 1)
                    .unwrap_or_else(|| panic!("pattern {model:?} ends in a backslash"));
                match c {
                    'w' => out.push_str(&format!("[{WORD}]")),
                    'S' => out.push_str(&format!("[^{SPACE}]")),
                    's' => out.push_str(&format!("[{SPACE}]")),
                    'd' => out.push_str("[0-9]"),
                    '-' | '/' => out.push(c),
                    '.' | '*' | '+' | '?' | '(' | ')' | '[' | ']' | '{' | '}' | '|' | '\\'
                    | '^' | '$' => {
                        out.push('\\');
                        out.push(c);
                    }
                    other => panic!("pattern {model:?}: escape \\{other} is not translated"),
                }
                i += 2;
            }
            '[' => {
                let (class, next) = class(model, &chars, i);
                out.push_str(&class);
                i = next;
            }
            '.' => panic!("pattern {model:?}: a bare `.` means different things in each engine"),
            c => {
                out.push(c);
                i += 1;
            }
        }
    }
    out
}

/// Translates the class starting at `chars[start] == '['`; returns it and the index after `]`.
fn class(model: &str, chars: &[char], start: usize) -> (String, usize) {
    let mut out = String::from("[");
    let mut i = start + 1;
    if chars.get(i) == Some(&'^') {
        out.push('^');
        i += 1;
    }
    // Items of the class: a single character (already escaped if need be) or a range.
    let mut items: Vec<String> = Vec::new();
    let mut first = true;
    loop {
        let c = *chars
            .get(i)
            .unwrap_or_else(|| panic!("pattern {model:?}: unclosed class"));
        if c == ']' && !first {
            i += 1;
            break;
        }
        first = false;
        let (atom, width) = class_atom(model, chars, i);
        i += width;
        // A range: atom '-' atom, where neither side is a class escape.
        if chars.get(i) == Some(&'-')
            && chars.get(i + 1).is_some_and(|&n| n != ']')
            && atom.len() == 1
        {
            let (end, end_width) = class_atom(model, chars, i + 1);
            if end.len() == 1 {
                items.push(format!("{atom}-{end}"));
                i += 1 + end_width;
                continue;
            }
        }
        items.push(atom);
    }
    for item in items {
        out.push_str(&item);
    }
    out.push(']');
    (out, i)
}

/// One class atom: its translation and how many model characters it took.
/// Single characters come back as one char when they need no escape.
fn class_atom(model: &str, chars: &[char], i: usize) -> (String, usize) {
    match chars[i] {
        '\\' => {
            let c = *chars
                .get(i + 1)
                .unwrap_or_else(|| panic!("pattern {model:?} ends in a backslash"));
            let t = match c {
                'w' => WORD.to_string(),
                's' => SPACE.to_string(),
                'd' => "0-9".to_string(),
                '-' => r"\-".to_string(),
                '/' => "/".to_string(),
                '.' | '*' | '+' | '?' | '(' | ')' | '{' | '}' | '|' | '^' | '$' => c.to_string(),
                '[' | ']' | '\\' => format!("\\{c}"),
                other => panic!("pattern {model:?}: class escape \\{other} is not translated"),
            };
            (t, 2)
        }
        '-' => (r"\-".to_string(), 1),
        '[' => panic!("pattern {model:?}: nested classes are not translated"),
        c => (c.to_string(), 1),
    }
}

/// The whole-value form for Rust's `regex` crate.
pub fn anchored(model: &str) -> String {
    format!("^(?:{})$", body(model))
}

/// The whole-value form for JSON Schema (ECMA-262 `u` and Python `re`).
pub fn portable(model: &str) -> String {
    format!("^(?:{})$(?!\\n)", body(model))
}

/// A run of a pattern: the ASCII bytes of one class (bit `b` set for each
/// byte `b`), repeated `min..=max` times (`None`: no limit).
pub type Run = (u128, u32, Option<u32>);

/// The pattern as runs of ASCII classes, for the matcher the runtime keeps
/// for them (`rules::Run`): when its anchored form is a sequence of classes
/// and literal bytes, each repeated a bounded or open number of times, all
/// ASCII, each run at least once and each class disjoint from the next
/// one's (so that one greedy pass decides a match). `None` for any other.
pub fn runs(model: &str) -> Option<Vec<Run>> {
    use regex_syntax::hir::{HirKind, Look};
    let hir = regex_syntax::parse(&anchored(model)).ok()?;
    let HirKind::Concat(parts) = hir.kind() else {
        return None;
    };
    // The anchors of the whole-value form, and those the model writes
    // itself (`^[0-9a-z]+$`): at the start and the end, they mean the same.
    let start = parts
        .iter()
        .take_while(|p| p.kind() == &HirKind::Look(Look::Start))
        .count();
    let end = parts
        .iter()
        .rev()
        .take_while(|p| p.kind() == &HirKind::Look(Look::End))
        .count();
    if start == 0 || end == 0 {
        return None;
    }
    let middle = parts.get(start..parts.len().checked_sub(end)?)?;
    let mut runs = Vec::new();
    for part in middle {
        push_runs(part, &mut runs)?;
    }
    let disjoint = runs.windows(2).all(|w| w[0].0 & w[1].0 == 0);
    (!runs.is_empty() && disjoint && runs.iter().all(|r| r.1 >= 1)).then_some(runs)
}

/// Appends the runs of `hir`: a class or a literal (a run of one per
/// byte), a repetition of a class or of a one-byte literal, a sequence of
/// these, or a group around them. `None` for anything else.
fn push_runs(hir: &regex_syntax::hir::Hir, runs: &mut Vec<Run>) -> Option<()> {
    use regex_syntax::hir::HirKind;
    match hir.kind() {
        HirKind::Capture(group) => push_runs(&group.sub, runs),
        HirKind::Concat(parts) => parts.iter().try_for_each(|part| push_runs(part, runs)),
        HirKind::Literal(literal) => literal.0.iter().try_for_each(|&b| {
            runs.push((ascii_class(&[(b, b)])?, 1, Some(1)));
            Some(())
        }),
        HirKind::Class(_) => {
            runs.push((class_of(hir)?, 1, Some(1)));
            Some(())
        }
        HirKind::Repetition(rep) => {
            runs.push((class_of(&rep.sub)?, rep.min, rep.max));
            Some(())
        }
        _ => None,
    }
}

/// The bytes of a class, or of a one-byte literal, if all are ASCII.
fn class_of(hir: &regex_syntax::hir::Hir) -> Option<u128> {
    use regex_syntax::hir::{Class, HirKind};
    let ranges: Vec<(u8, u8)> = match hir.kind() {
        HirKind::Class(Class::Unicode(class)) => class
            .ranges()
            .iter()
            .map(|r| Some((u8::try_from(r.start()).ok()?, u8::try_from(r.end()).ok()?)))
            .collect::<Option<_>>()?,
        HirKind::Class(Class::Bytes(class)) => class
            .ranges()
            .iter()
            .map(|r| (r.start(), r.end()))
            .collect(),
        HirKind::Literal(literal) => match &*literal.0 {
            [b] => vec![(*b, *b)],
            _ => return None,
        },
        _ => return None,
    };
    ascii_class(&ranges)
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
    use super::*;

    #[test]
    fn escapes_ecma_rejects_become_plain_characters() {
        assert_eq!(body(r"ecr\-pull\/x"), "ecr-pull/x");
    }

    #[test]
    fn java_classes_are_spelled_out_in_ascii() {
        assert_eq!(body(r"^\S+$"), r"^[^\t\n\x0B\f\r ]+$");
        assert_eq!(body(r"[\w+=,.@-]+"), r"[A-Za-z0-9_+=,.@\-]+");
    }

    #[test]
    fn a_dash_after_a_range_is_a_literal() {
        assert_eq!(body("[a-zA-Z0-9-_+.]+"), r"[a-zA-Z0-9\-_+.]+");
    }

    #[test]
    fn ranges_and_escaped_dots_survive() {
        assert_eq!(body(r"(\.|_|__|-+)[a-z0-9]"), r"(\.|_|__|-+)[a-z0-9]");
        assert_eq!(body(r"[._\-/a-z0-9*]"), r"[._\-/a-z0-9*]");
    }

    #[test]
    fn sequences_of_disjoint_ascii_classes_are_runs_and_nothing_else_is() {
        let digits = (b'0'..=b'9').fold(0u128, |c, b| c | 1 << b);
        assert_eq!(runs("[0-9]{12}"), Some(vec![(digits, 12, Some(12))]));
        assert_eq!(
            runs("ab[0-9]+"),
            Some(vec![
                (1 << b'a', 1, Some(1)),
                (1 << b'b', 1, Some(1)),
                (digits, 1, None)
            ])
        );
        for model in [
            "[0-9a-zA-Z._*-]{1,128}",
            "^[0-9a-zA-Z._*-]{1,128}$",
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}",
            "[a-zA-Z0-9-_+.]+:[a-fA-F0-9]+",
        ] {
            assert!(runs(model).is_some(), "{model}");
        }
        // Unicode classes, alternations, classes that meet the next one,
        // runs that may be empty, a `^` inside.
        for model in [
            "^\\S+$",
            "ab|c",
            "[a-z]+[0-9a-z]+",
            "[a-z]*-",
            "a^b",
            "a$b",
            "é",
            "^$",
        ] {
            assert_eq!(runs(model), None, "{model}");
        }
    }
}
