//! Splitting input into documents for `--jsonl`: one document per
//! non-blank line, read through one reused buffer, so memory is bounded by
//! the longest line rather than the input.

use std::io::{self, BufRead};

/// The documents of a JSON Lines input, one per non-blank line.
#[derive(Debug)]
pub struct Lines<R> {
    reader: R,
    buf: Vec<u8>,
    line: usize,
}

impl<R: BufRead> Lines<R> {
    /// Reads documents from `reader`.
    pub fn new(reader: R) -> Self {
        Lines {
            reader,
            buf: Vec::new(),
            line: 0,
        }
    }

    /// The next document and its 1-based line number, without the line end
    /// (`\n` or `\r\n`); `None` at the end. Lines holding only JSON
    /// whitespace are skipped (but counted). The bytes need not be UTF-8.
    pub fn next_document(&mut self) -> io::Result<Option<(usize, &[u8])>> {
        loop {
            self.buf.clear();
            if self.reader.read_until(b'\n', &mut self.buf)? == 0 {
                return Ok(None);
            }
            self.line += 1;
            let mut doc = self.buf.as_slice();
            if let Some(rest) = doc.strip_suffix(b"\n") {
                doc = rest;
            }
            if let Some(rest) = doc.strip_suffix(b"\r") {
                doc = rest;
            }
            if !doc
                .iter()
                .all(|b| matches!(b, b' ' | b'\t' | b'\r' | b'\n'))
            {
                let len = doc.len();
                return Ok(Some((self.line, &self.buf[..len])));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(input: &[u8]) -> Vec<(usize, Vec<u8>)> {
        let mut lines = Lines::new(input);
        let mut out = Vec::new();
        while let Some((n, doc)) = lines.next_document().unwrap() {
            out.push((n, doc.to_vec()));
        }
        out
    }

    #[test]
    fn numbers_physical_lines_and_skips_blank_ones() {
        let got = all(b"{}\n\n  \t\r\n{\"a\":1}\r\n\xff\n{}");
        assert_eq!(
            got,
            vec![
                (1, b"{}".to_vec()),
                (4, b"{\"a\":1}".to_vec()),
                (5, b"\xff".to_vec()),
                (6, b"{}".to_vec()),
            ]
        );
    }

    #[test]
    fn empty_input_has_no_documents() {
        assert!(all(b"").is_empty());
        assert!(all(b"\n\n").is_empty());
    }
}
