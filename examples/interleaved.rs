//! (b) `check_slice` and (d) serde_json `IgnoredAny` measured alternately in
//! one process, for the ratio (b)/(d) on a machine whose speed drifts:
//! criterion measures the two seconds apart, this takes 31 rounds of one
//! pass each (about 20 MB per pass) and prints the medians and the median
//! of the per-round ratios.
//!
//! Usage: `cargo run --release --example interleaved [images|findings|stream|small]`

#[path = "../benches/payloads.rs"]
mod payloads;

use ecr_models::ecr::{
    CreateRepositoryRequest, DescribeImageScanFindingsResponse, DescribeImagesResponse,
};
use ecr_models::{Model, Options};
use serde::de::IgnoredAny;
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

fn compare<T: Model>(name: &str, text: &[u8]) {
    let opts = Options::default();
    assert!(
        ecr_models::check_slice::<T>(text, &opts).is_ok(),
        "{name}: the payload is valid"
    );
    alternate(
        name,
        text.len(),
        || ecr_models::check_slice::<T>(black_box(text), &opts).is_ok(),
        || serde_json::from_slice::<IgnoredAny>(black_box(text)).is_ok(),
    );
}

/// The JSON Lines stream, line by line, as the criterion bench reads it.
fn compare_lines<T: Model>(name: &str, stream: &[u8]) {
    let opts = Options::default();
    let lines = payloads::lines(stream);
    let lines = || lines.iter().copied();
    assert!(
        lines().all(|l| ecr_models::check_slice::<T>(l, &opts).is_ok()),
        "{name}: every line is valid"
    );
    alternate(
        name,
        stream.len(),
        || lines().all(|l| ecr_models::check_slice::<T>(black_box(l), &opts).is_ok()),
        || lines().all(|l| serde_json::from_slice::<IgnoredAny>(black_box(l)).is_ok()),
    );
}

/// Runs `check` and `skip` alternately over `len` bytes, and prints the
/// medians and the median of the per-round ratios.
fn alternate(
    name: &str,
    len: usize,
    mut check: impl FnMut() -> bool,
    mut skip: impl FnMut() -> bool,
) {
    let (mut b, mut d, mut ratio) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..ROUNDS {
        let checked = speed(len, &mut check);
        let skipped = speed(len, &mut skip);
        b.push(checked);
        d.push(skipped);
        ratio.push(checked / skipped);
    }
    println!(
        "{name:20} (b) {:5.0} MB/s  (d) {:5.0} MB/s  (b)/(d) {:.2}",
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
