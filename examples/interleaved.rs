//! Two paths measured alternately in one process, for their ratio on a
//! machine whose speed drifts: criterion measures the two seconds apart,
//! this takes 31 rounds of one pass each (about 20 MB per pass) and prints
//! the medians and the median of the per-round ratios. Validate-only (b)
//! `check_slice` against (d) serde_json `IgnoredAny`, and typed (a)
//! `from_slice` against (c) serde_json's derived `Deserialize` of the same
//! type.
//!
//! Usage: `cargo run --release --example interleaved [images|findings|stream|small]`

#[path = "../benches/payloads.rs"]
mod payloads;

use ecr_models::ecr::{
    CreateRepositoryRequest, DescribeImageScanFindingsResponse, DescribeImagesResponse,
};
use ecr_models::{Model, Options};
use serde::de::{DeserializeOwned, IgnoredAny};
use std::hint::black_box;
use std::time::Instant;

const ROUNDS: usize = 31;
const BYTES_PER_PASS: usize = 20_000_000;

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

/// One payload, read whole.
fn compare<T: Model + DeserializeOwned>(name: &str, text: &[u8]) {
    compare_documents::<T>(name, &[text], text.len());
}

/// The JSON Lines stream, line by line, as the criterion bench reads it.
fn compare_lines<T: Model + DeserializeOwned>(name: &str, stream: &[u8]) {
    compare_documents::<T>(name, &payloads::lines(stream), stream.len());
}

/// The four paths over `documents`, `len` bytes in all: each pass reads
/// every document.
fn compare_documents<T: Model + DeserializeOwned>(name: &str, documents: &[&[u8]], len: usize) {
    let opts = Options::default();
    let check = |d: &[u8]| ecr_models::check_slice::<T>(d, &opts).is_ok();
    let skip = |d: &[u8]| serde_json::from_slice::<IgnoredAny>(d).is_ok();
    let typed = |d: &[u8]| ecr_models::from_slice_with::<T>(d, &opts).is_ok();
    let derived = |d: &[u8]| serde_json::from_slice::<T>(d).is_ok();
    assert!(pass(documents, check)(), "{name}: every document is valid");
    alternate(name, ["b", "d"], documents, len, check, skip);
    alternate(name, ["a", "c"], documents, len, typed, derived);
}

/// One pass over `documents` (each behind `black_box`): whether `read`
/// accepts every one.
fn pass<'a>(
    documents: &'a [&'a [u8]],
    read: impl Fn(&[u8]) -> bool + 'a,
) -> impl FnMut() -> bool + 'a {
    move || documents.iter().all(|&d| read(black_box(d)))
}

/// Runs passes of `ours` and `theirs` over `documents` (`len` bytes)
/// alternately, and prints the medians and the median of the per-round
/// ratios, with the paths' labels.
fn alternate(
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

fn main() {
    let which = std::env::args().nth(1);
    let wants = |name: &str| which.as_deref().is_none_or(|w| w == name);
    if wants("images") {
        let text = serde_json::to_vec(&payloads::describe_images(7, 1000)).expect("json");
        compare::<DescribeImagesResponse>("describe_images_1000", &text);
    }
    if wants("findings") {
        let text =
            serde_json::to_vec(&payloads::describe_image_scan_findings(7, 500)).expect("json");
        compare::<DescribeImageScanFindingsResponse>("scan_findings_500", &text);
    }
    if wants("stream") {
        let stream = payloads::describe_images_stream(40);
        compare_lines::<DescribeImagesResponse>("describe_images_stream", &stream);
    }
    if wants("small") {
        let text = serde_json::to_vec(&payloads::create_repository()).expect("json");
        compare::<CreateRepositoryRequest>("create_repository", &text);
    }
}
