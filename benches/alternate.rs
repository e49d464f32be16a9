//! Paths measured alternately in one process, for their ratio on a machine
//! whose speed drifts: criterion measures two paths seconds apart, this
//! takes 31 rounds of one pass each (about 20 MB per pass) and prints the
//! medians and the median of the per-round ratios. Shared by the
//! `interleaved` example (against serde_json) and `benches/floor` (against
//! sonic-rs); each says which paths it compares through [`Compare`].

#![allow(dead_code)]

#[path = "payloads.rs"]
mod payloads;

use ecr_models::ecr::{
    CreateRepositoryRequest, DescribeImageScanFindingsResponse, DescribeImagesResponse,
};
use ecr_models::Model;
use serde::de::DeserializeOwned;
use std::hint::black_box;
use std::time::Instant;

const ROUNDS: usize = 31;
const BYTES_PER_PASS: usize = 20_000_000;

/// What one program compares on each payload: `documents` (`len` bytes in
/// all) are one payload's documents, each pass reads every one.
pub trait Compare {
    fn documents<T: Model + DeserializeOwned>(&self, name: &str, documents: &[&[u8]], len: usize);
}

/// Runs `compare` on each benchmark payload, or on the one `which` names
/// (`images`, `findings`, `stream` or `small`).
pub fn each_payload(which: Option<&str>, compare: &impl Compare) {
    let wants = |name: &str| which.is_none_or(|w| w == name);
    if wants("images") {
        let text = serde_json::to_vec(&payloads::describe_images(7, 1000)).expect("json");
        let documents = [text.as_slice()];
        compare.documents::<DescribeImagesResponse>("describe_images_1000", &documents, text.len());
    }
    if wants("findings") {
        let text =
            serde_json::to_vec(&payloads::describe_image_scan_findings(7, 500)).expect("json");
        let documents = [text.as_slice()];
        compare.documents::<DescribeImageScanFindingsResponse>(
            "scan_findings_500",
            &documents,
            text.len(),
        );
    }
    if wants("stream") {
        // Line by line, as the criterion bench reads it.
        let stream = payloads::describe_images_stream(40);
        let documents = payloads::lines(&stream);
        compare.documents::<DescribeImagesResponse>(
            "describe_images_stream",
            &documents,
            stream.len(),
        );
    }
    if wants("small") {
        let text = serde_json::to_vec(&payloads::create_repository()).expect("json");
        let documents = [text.as_slice()];
        compare.documents::<CreateRepositoryRequest>("create_repository", &documents, text.len());
    }
}

/// MB/s of `f` over one pass of about `BYTES_PER_PASS` bytes.
fn speed(len: usize, mut f: impl FnMut() -> bool) -> f64 {
    let reps = (BYTES_PER_PASS / len).max(1);
    let start = Instant::now();
    for _ in 0..reps {
        black_box(f());
    }
    (len * reps) as f64 / start.elapsed().as_secs_f64() / 1e6
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

/// One pass over `documents` (each behind `black_box`): whether `read`
/// accepts every one.
pub fn pass<'a>(
    documents: &'a [&'a [u8]],
    read: impl Fn(&[u8]) -> bool + 'a,
) -> impl FnMut() -> bool + 'a {
    move || documents.iter().all(|&d| read(black_box(d)))
}

/// Runs passes of `ours` and `theirs` over `documents` (`len` bytes)
/// alternately, and prints the medians and the median of the per-round
/// ratios, with the paths' labels.
pub fn alternate(
    name: &str,
    [x, y]: [&str; 2],
    documents: &[&[u8]],
    len: usize,
    ours: impl Fn(&[u8]) -> bool,
    theirs: impl Fn(&[u8]) -> bool,
) {
    let (mut ours, mut theirs) = (pass(documents, ours), pass(documents, theirs));
    let (mut b, mut d, mut ratio) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..ROUNDS {
        let first = speed(len, &mut ours);
        let second = speed(len, &mut theirs);
        b.push(first);
        d.push(second);
        ratio.push(first / second);
    }
    println!(
        "{name:22} ({x}) {:5.0} MB/s  ({y}) {:5.0} MB/s  ({x})/({y}) {:.2}",
        median(b),
        median(d),
        median(ratio)
    );
}
