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
}
