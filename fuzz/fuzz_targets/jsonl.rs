//! The `ecr-validate --jsonl` path: any bytes split into documents by
//! `cli::input::Lines` and gathered in a `cli::input::Batch` exactly as the
//! command does, each checked against a target chosen by two bytes (any
//! structure, or an operation's input, output or errors) on 1 to 4 threads
//! (`Batch::check_all`, flag bits 3-4), and printed by
//! `cli::report::Reporter` in both formats. Never a panic, and:
//!
//! - documents come in order with their physical line numbers, one per
//!   non-blank line;
//! - checking on several threads gives the verdicts of checking one by one,
//!   in input order;
//! - `--format json` prints one JSON object per document;
//! - `--format human` prints lines that each start with the document's
//!   source, or two spaces (a violation), or are the summary: input cannot
//!   forge a verdict line.
#![no_main]

use ecr_models_fuzz as fz;
use ecr_validate::input::{Batch, Lines};
use ecr_validate::report::{Reporter, Source, VerdictFormat};
use libfuzzer_sys::fuzz_target;

const NAME: &str = "in.jsonl";

fuzz_target!(|data: &[u8]| {
    let Some(&flags) = data.first() else {
        return;
    };
    let service = fz::service(flags);
    let opts = fz::options(flags);
    let target = fz::target(service, fz::u16_at(data, 1));
    let input = data.get(3..).unwrap_or_default();

    // The physical lines, as `read_until(b'\n')` cuts them.
    let mut physical: Vec<&[u8]> = input.split(|&b| b == b'\n').collect();
    if input.is_empty() || input.ends_with(b"\n") {
        physical.pop();
    }
    let expected: Vec<usize> = physical
        .iter()
        .enumerate()
        .filter(|(_, l)| !l.iter().all(|b| matches!(b, b' ' | b'\t' | b'\r')))
        .map(|(i, _)| i + 1)
        .collect();

    let mut lines = Lines::new(input);
    let mut batch = Batch::default();
    let mut numbers = Vec::new();
    let mut one_by_one = Vec::new();
    while lines
        .read_into(&mut batch)
        .expect("reading a slice cannot fail")
    {}
    for (line, doc) in batch.documents() {
        let mut want = physical[line - 1];
        if let Some(rest) = want.strip_suffix(b"\r") {
            want = rest;
        }
        assert_eq!(doc, want, "line {line} is the document");
        let verdict = target.check(doc, &opts);
        if let Err(e) = &verdict {
            fz::check_error(e, &opts);
        }
        fz::check_syntax(doc, &verdict);
        one_by_one.push(verdict);
        numbers.push(line);
    }
    assert_eq!(
        numbers, expected,
        "one document per non-blank line, in order"
    );
    assert_eq!(batch.lines().collect::<Vec<_>>(), numbers);
    let workers = 1 + usize::from((flags >> 3) & 3);
    let verdicts = batch.check_all(workers, |doc| target.check(doc, &opts));
    assert_eq!(verdicts, one_by_one, "{workers} threads changed a verdict");

    let (mut human_out, mut json_out) = (Vec::new(), Vec::new());
    let (mut github_out, mut sarif_out) = (Vec::new(), Vec::new());
    let mut human = Reporter::new(&mut human_out, VerdictFormat::Human).showing_text(true);
    let mut json = Reporter::new(&mut json_out, VerdictFormat::Json);
    let mut github = Reporter::new(&mut github_out, VerdictFormat::Github);
    let mut sarif = Reporter::new(&mut sarif_out, VerdictFormat::Sarif);
    for ((line, text), verdict) in batch.documents().zip(&verdicts) {
        let source = Source {
            name: NAME,
            line: Some(line),
            text,
            file: None,
        };
        for reporter in [&mut human, &mut json, &mut github, &mut sarif] {
            reporter
                .document(source, verdict)
                .expect("writing to a Vec");
        }
    }
    for reporter in [&mut human, &mut json, &mut github, &mut sarif] {
        reporter.finish().expect("writing to a Vec");
    }
    let sarif: serde_json::Value = serde_json::from_slice(&sarif_out).expect("one SARIF log");
    assert_eq!(sarif["version"], "2.1.0");
    let github = String::from_utf8(github_out).expect("annotations are UTF-8");
    assert!(
        github
            .lines()
            .all(|l| l.starts_with("::error ") || l.ends_with("invalid")),
        "{github}"
    );

    let json = String::from_utf8(json_out).expect("JSON output is UTF-8");
    let records: Vec<&str> = json.lines().collect();
    assert_eq!(records.len(), numbers.len(), "one record per document");
    for (record, line) in records.iter().zip(&numbers) {
        let value: serde_json::Value = serde_json::from_str(record).expect("a JSON record");
        assert_eq!(
            (&value["source"], &value["line"]),
            (&serde_json::json!(NAME), &serde_json::json!(line))
        );
        assert!(value["valid"].is_boolean());
    }

    let human = String::from_utf8(human_out).expect("human output is UTF-8");
    // Paths come from the input: a raw line break or escape sequence would
    // forge lines or drive a terminal (pinned in tests/regressions.rs).
    assert!(
        !human.chars().any(|c| c.is_control() && c != '\n'),
        "a raw control character: {human:?}"
    );
    let mut verdicts = 0;
    let mut summary = 0;
    for text in human.lines() {
        if text.starts_with(&format!("{NAME}:")) {
            verdicts += 1;
        } else if text.starts_with(&format!("{} document", numbers.len())) {
            summary += 1;
        } else {
            assert!(
                text.starts_with("  "),
                "a human line that input forged: {text:?}"
            );
        }
    }
    assert_eq!(
        (verdicts, summary),
        (numbers.len(), 1),
        "forged lines: {human:?}"
    );
});
