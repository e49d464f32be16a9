//! The places of violations in the text they were read from: a span of
//! bytes, a line and a column for each. They are found after the read, and
//! only for a document that broke a rule, so a valid document pays
//! nothing: one pass over the text follows every violation's JSON Pointer
//! at once and skips whatever no pointer enters.
//!
//! A pointer that goes on inside a string (a document a string carries,
//! such as a lifecycle policy) is followed inside the string's text, and
//! the place found there is mapped back through the string's escapes to
//! the bytes of the outer text.

use crate::error::{Code, Span, Violation};
use crate::parse::{Next, Parser, Syntax};

/// Gives each violation of `violations` that has no place yet its place in
/// `text`: its span, line and column. A violation whose path cannot be
/// followed in the text gets the place of the deepest value on its path
/// that exists; a syntax error keeps where reading stopped.
pub(crate) fn place(text: &str, violations: &mut [Violation]) {
    let wanted: Vec<Wanted> = violations
        .iter()
        .enumerate()
        .filter(|(_, v)| v.span.is_none() && !stopped_here(v))
        .map(|(at, v)| Wanted {
            at,
            segments: segments(&v.path),
            code: v.code,
        })
        .collect();
    let mut found = vec![None; violations.len()];
    if !wanted.is_empty() {
        let all: Vec<usize> = (0..wanted.len()).collect();
        let mut walk = Walk {
            wanted: &wanted,
            found: &mut found,
        };
        // A text that breaks off holds a syntax error of its own, already
        // placed; what was found before it stands.
        let _ = walk.value(&mut Parser::new(text), 0, &all);
    }
    for (v, span) in violations.iter_mut().zip(found) {
        if let Some(span) = span {
            v.span = Some(span);
        } else if let (true, Some(line), Some(column)) = (stopped_here(v), v.line, v.column) {
            // The scanner counts a syntax error's column in bytes.
            let at = offset_of(text, line, column);
            v.span = Some(Span::new(at, at));
        }
    }
    let mut places: Vec<(usize, usize)> = violations
        .iter()
        .enumerate()
        .filter_map(|(i, v)| Some((v.span?.start, i)))
        .collect();
    places.sort_unstable();
    let mut lines = LineCounter::new(text);
    for (start, i) in places {
        let (line, column) = lines.at(start);
        violations[i].line = Some(line);
        violations[i].column = Some(column);
    }
}

/// Whether `v` is where reading this text stopped: a syntax error or a
/// limit, placed by its line and column (one inside a document a string
/// carries has none, and is placed by its path, at the string).
fn stopped_here(v: &Violation) -> bool {
    matches!(v.code, Code::Syntax | Code::Limit) && v.line.is_some()
}

/// A violation to place: its index, its pointer's segments, its code.
struct Wanted {
    at: usize,
    segments: Vec<String>,
    code: Code,
}

/// The segments of a JSON Pointer (RFC 6901): `/a~1b/0` is `a/b`, `0`.
fn segments(pointer: &str) -> Vec<String> {
    pointer
        .split('/')
        .skip(1)
        .map(|s| s.replace("~1", "/").replace("~0", "~"))
        .collect()
}

/// One pass over a text after the places of the violations `wanted`:
/// what it has found so far, by violation.
struct Walk<'w> {
    wanted: &'w [Wanted],
    found: &'w mut [Option<Span>],
}

impl Walk<'_> {
    /// Reads the value at `p`, `depth` segments down every pointer of
    /// `these` (indices into `wanted`), and records the places found. The
    /// span of the value.
    fn value(&mut self, p: &mut Parser<'_>, depth: usize, these: &[usize]) -> Result<Span, Syntax> {
        let next = p.next_value()?;
        let start = p.offset();
        let deeper: Vec<usize> = these
            .iter()
            .copied()
            .filter(|&w| self.wanted[w].segments.len() > depth)
            .collect();
        match next {
            Next::Object if !deeper.is_empty() => self.object(p, depth, &deeper)?,
            Next::Array if !deeper.is_empty() => self.array(p, depth, &deeper)?,
            Next::String if !deeper.is_empty() => self.string(p, depth, &deeper)?,
            _ => p.skip_value()?,
        }
        let span = Span::new(start, p.offset());
        // The value itself, and the pointers that went on below it but
        // found nothing there: a missing member's object, the deepest value
        // that is.
        for &w in these {
            self.found[self.wanted[w].at].get_or_insert(span);
        }
        Ok(span)
    }

    /// The members of an object: each name the pointers of `these` go
    /// through, read further. An unknown member is placed at its name; a
    /// `duplicate` at the name's repetition (the second time a name comes
    /// for the first violation, the third for the second), or, when the
    /// name comes once, at its value (a value repeated across the items of
    /// a list).
    fn object(&mut self, p: &mut Parser<'_>, depth: usize, these: &[usize]) -> Result<(), Syntax> {
        let mut members = p.object()?;
        let mut seen: Vec<String> = Vec::new();
        let mut at_repetition: Vec<usize> = Vec::new();
        while members.next_member()? {
            let p = members.parser();
            let key_start = p.offset();
            let key = p.string()?;
            let key_span = Span::new(key_start, p.offset());
            p.colon()?;
            let name = key.as_str();
            let again = seen.iter().any(|s| s == name);
            if !again {
                seen.push(name.to_string());
            }
            let mut below = Vec::new();
            for &w in these {
                let want = &self.wanted[w];
                if want.segments[depth] != name {
                    continue;
                }
                let last = want.segments.len() == depth + 1;
                match (last, want.code, again) {
                    (true, Code::UnknownField, false) => {
                        self.found[want.at].get_or_insert(key_span);
                    }
                    (true, Code::Duplicate, true) if !at_repetition.contains(&w) => {
                        // One violation per repetition.
                        self.found[want.at] = Some(key_span);
                        at_repetition.push(w);
                        break;
                    }
                    (_, _, false) => below.push(w),
                    _ => {}
                }
            }
            if below.is_empty() {
                p.skip_value()?;
            } else {
                self.value(p, depth + 1, &below)?;
            }
        }
        Ok(())
    }

    /// The items of an array: each index the pointers of `these` go
    /// through, read further.
    fn array(&mut self, p: &mut Parser<'_>, depth: usize, these: &[usize]) -> Result<(), Syntax> {
        let mut items = p.array()?;
        let mut index = 0usize;
        while items.next_item()? {
            let below: Vec<usize> = these
                .iter()
                .copied()
                .filter(|&w| self.wanted[w].segments[depth].parse() == Ok(index))
                .collect();
            if below.is_empty() {
                items.parser().skip_value()?;
            } else {
                self.value(items.parser(), depth + 1, &below)?;
            }
            index += 1;
        }
        Ok(())
    }

    /// A string the pointers of `these` go on inside: a document it
    /// carries. Its text is read as a document of its own, and the places
    /// found in it are mapped back to the outer text through the string's
    /// escapes.
    fn string(&mut self, p: &mut Parser<'_>, depth: usize, these: &[usize]) -> Result<(), Syntax> {
        let start = p.offset();
        let inner = p.string()?;
        let raw = p
            .source()
            .get(start + 1..p.offset() - 1)
            .unwrap_or_default();
        let mut inside = vec![None; self.found.len()];
        let mut walk = Walk {
            wanted: self.wanted,
            found: &mut inside,
        };
        // Inside a broken document, what was found before the break
        // stands; the rest keeps the string's own place.
        let _ = walk.value(&mut Parser::new(inner.as_str()), depth, these);
        for (slot, span) in self.found.iter_mut().zip(inside) {
            if let (None, Some(span)) = (&slot, span) {
                let outer = |at: usize| start + 1 + raw_offset(raw, at);
                *slot = Some(Span::new(outer(span.start), outer(span.end)));
            }
        }
        Ok(())
    }
}

/// The offset in `raw` (a JSON string's text between its quotes, escapes
/// as written) of byte `decoded` of the string it stands for.
fn raw_offset(raw: &str, decoded: usize) -> usize {
    let bytes = raw.as_bytes();
    let (mut r, mut d) = (0, 0);
    while d < decoded && r < bytes.len() {
        if bytes[r] != b'\\' {
            r += 1;
            d += 1;
            continue;
        }
        match bytes.get(r + 1) {
            Some(b'u') => {
                let unit = |at: usize| {
                    raw.get(at..at + 4)
                        .and_then(|h| u32::from_str_radix(h, 16).ok())
                };
                let high = unit(r + 2).unwrap_or(0);
                let paired = (0xD800..0xDC00).contains(&high)
                    && bytes.get(r + 6..r + 8) == Some(b"\\u")
                    && unit(r + 8).is_some_and(|low| (0xDC00..0xE000).contains(&low));
                if paired {
                    r += 12;
                    d += 4;
                } else {
                    r += 6;
                    d += char::from_u32(high).map_or(3, char::len_utf8);
                }
            }
            _ => {
                r += 2;
                d += 1;
            }
        }
    }
    r.min(bytes.len())
}

/// The byte offset of 1-based `line` and byte `column` of `text`.
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let line_start = if line <= 1 {
        0
    } else {
        text.match_indices('\n')
            .nth(line - 2)
            .map_or(text.len(), |(i, _)| i + 1)
    };
    (line_start + column.saturating_sub(1)).min(text.len())
}

/// Lines and columns of increasing offsets of one text, counted in one
/// sweep: lines from 1, columns from 1 in characters.
struct LineCounter<'t> {
    text: &'t str,
    at: usize,
    line: usize,
    line_start: usize,
}

impl<'t> LineCounter<'t> {
    fn new(text: &'t str) -> Self {
        LineCounter {
            text,
            at: 0,
            line: 1,
            line_start: 0,
        }
    }

    /// The line and column of byte `offset` (not before the last asked).
    fn at(&mut self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let bytes = self.text.as_bytes();
        while self.at < offset {
            if bytes[self.at] == b'\n' {
                self.line += 1;
                self.line_start = self.at + 1;
            }
            self.at += 1;
        }
        let before = self.text.get(self.line_start..offset).unwrap_or_default();
        (self.line, before.chars().count() + 1)
    }
}
