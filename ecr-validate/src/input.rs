//! Reading inputs: a file whole (`-` for standard input), and for
//! `--jsonl` one document per non-blank line, read straight into a reused
//! batch buffer, so memory is bounded by the batch size and the longest
//! line rather than the input.

use std::io::{self, BufRead, Read};
use std::path::Path;

/// Whether `file` names standard input (`-`).
pub fn is_stdin(file: &Path) -> bool {
    file.as_os_str() == "-"
}

/// A file's bytes; `-` is standard input.
pub fn read_file(file: &Path) -> io::Result<Vec<u8>> {
    if is_stdin(file) {
        let mut bytes = Vec::new();
        io::stdin().lock().read_to_end(&mut bytes)?;
        return Ok(bytes);
    }
    std::fs::read(file)
}

/// The documents of a JSON Lines input, one per non-blank line.
#[derive(Debug)]
pub struct Lines<R> {
    reader: R,
    line: usize,
}

impl<R: BufRead> Lines<R> {
    /// Reads documents from `reader`.
    pub fn new(reader: R) -> Self {
        Lines { reader, line: 0 }
    }

    /// Adds the next document to `batch`, with its 1-based line number and
    /// without its line end (`\n` or `\r\n`); `false` at the end. Lines
    /// holding only JSON whitespace are skipped (but counted). The bytes
    /// need not be UTF-8. The line is read into the batch's own buffer, not
    /// copied there.
    pub fn read_into(&mut self, batch: &mut Batch) -> io::Result<bool> {
        loop {
            let start = batch.text.len();
            if self.reader.read_until(b'\n', &mut batch.text)? == 0 {
                return Ok(false);
            }
            self.line += 1;
            let mut doc = batch.text.get(start..).unwrap_or_default();
            if let Some(rest) = doc.strip_suffix(b"\n") {
                doc = rest;
            }
            if let Some(rest) = doc.strip_suffix(b"\r") {
                doc = rest;
            }
            let blank = doc
                .iter()
                .all(|b| matches!(b, b' ' | b'\t' | b'\r' | b'\n'));
            let end = start + if blank { 0 } else { doc.len() };
            batch.text.truncate(end);
            if !blank {
                batch.docs.push((self.line, start..end));
                return Ok(true);
            }
        }
    }
}

/// How many bytes of documents a batch holds before it is checked (plus,
/// at most, one longer line): what bounds memory, with the longest line.
pub const BATCH_BYTES: usize = 8 << 20;

/// Documents read ahead, to be checked together.
#[derive(Debug, Default)]
pub struct Batch {
    text: Vec<u8>,
    docs: Vec<(usize, std::ops::Range<usize>)>,
}

impl Batch {
    /// Empties the batch, keeping its memory.
    pub fn clear(&mut self) {
        self.text.clear();
        self.docs.clear();
    }

    /// Whether the batch holds enough to be checked.
    pub fn is_full(&self) -> bool {
        self.text.len() >= BATCH_BYTES
    }

    /// Whether it holds no document.
    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// The documents with their line numbers, in order.
    pub fn documents(&self) -> impl Iterator<Item = (usize, &[u8])> + '_ {
        self.docs
            .iter()
            .map(|(line, r)| (*line, self.text.get(r.clone()).unwrap_or_default()))
    }

    /// The line numbers of the documents, in order.
    pub fn lines(&self) -> impl Iterator<Item = usize> + '_ {
        self.docs.iter().map(|(line, _)| *line)
    }

    /// Checks every document with `check`, on up to `workers` threads, each
    /// taking a run of documents of about the same size; the verdicts come
    /// back in document order.
    pub fn check_all<V: Send>(&self, workers: usize, check: impl Fn(&[u8]) -> V + Sync) -> Vec<V> {
        let run = |docs: &[(usize, std::ops::Range<usize>)]| -> Vec<V> {
            docs.iter()
                .map(|(_, r)| check(&self.text[r.clone()]))
                .collect()
        };
        if workers <= 1 || self.docs.len() < 2 {
            return run(&self.docs);
        }
        // Contiguous runs of about total/workers bytes each.
        let share = self.text.len().div_ceil(workers).max(1);
        let mut runs = Vec::new();
        let mut start = 0;
        for (i, (_, r)) in self.docs.iter().enumerate() {
            if r.end >= share * (runs.len() + 1) && runs.len() + 1 < workers {
                runs.push(&self.docs[start..=i]);
                start = i + 1;
            }
        }
        runs.push(&self.docs[start..]);
        std::thread::scope(|scope| {
            let handles: Vec<_> = runs
                .into_iter()
                .map(|docs| scope.spawn(move || run(docs)))
                .collect();
            handles
                .into_iter()
                .flat_map(|h| {
                    h.join()
                        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
                })
                .collect()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(input: &[u8]) -> Vec<(usize, Vec<u8>)> {
        let mut lines = Lines::new(input);
        let mut batch = Batch::default();
        while lines.read_into(&mut batch).unwrap() {}
        batch
            .documents()
            .map(|(n, doc)| (n, doc.to_vec()))
            .collect()
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
    fn a_batch_checked_on_several_threads_keeps_document_order() {
        let text: String = (0..1000)
            .map(|i| format!("doc {i} {}\n", "x".repeat(i % 37)))
            .collect();
        let mut lines = Lines::new(text.as_bytes());
        let mut batch = Batch::default();
        while lines.read_into(&mut batch).unwrap() {}
        let expected: Vec<usize> = (0..1000)
            .map(|i| format!("doc {i} {}", "x".repeat(i % 37)).len())
            .collect();
        for workers in [1, 2, 3, 8] {
            assert_eq!(
                batch.check_all(workers, |doc| doc.len()),
                expected,
                "{workers} workers"
            );
        }
        assert_eq!(batch.lines().take(3).collect::<Vec<_>>(), vec![1, 2, 3]);
    }

    #[test]
    fn empty_input_has_no_documents() {
        assert!(all(b"").is_empty());
        assert!(all(b"\n\n").is_empty());
    }
}
