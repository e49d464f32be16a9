//! One path read `N` times, for counting instructions with callgrind, which
//! does not drift as wall-clock time does: the count of `2N` runs less the
//! count of `N` is the cost of `N` documents, the one-time set-up (the
//! payloads, the patterns' automata) left out of both.
//!
//! Usage: `cargo build --release --example instructions`, then for each of
//! `typed-small`, `typed-images`, `check-small`, `check-images`,
//! `skip-small` and `skip-images`:
//!
//! ```sh
//! valgrind --tool=callgrind --callgrind-out-file=/dev/null \
//!     target/release/examples/instructions typed-small 2000   # and with 1000
//! ```
//!
//! `small` is the bench's `CreateRepositoryRequest`, `images` a
//! `DescribeImagesResponse` of 100 images; `typed` is `from_slice_with`,
//! `check` is `check_slice`; `skip` is serde_json skipping the same bytes
//! (`IgnoredAny`), the reference the speed goals name.

#[path = "../benches/payloads.rs"]
mod payloads;

use ecr_models::ecr::{CreateRepositoryRequest, DescribeImagesResponse};
use ecr_models::{check_slice, from_slice_with, Options};
use std::hint::black_box;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let (Some(path), Some(Ok(count))) = (args.next(), args.next().map(|n| n.parse::<usize>()))
    else {
        eprintln!("usage: instructions typed-small|typed-images|check-small|check-images|skip-small|skip-images COUNT");
        return ExitCode::from(2);
    };
    let opts = Options::default();
    let small = serde_json::to_vec(&payloads::create_repository()).expect("json");
    let images = serde_json::to_vec(&payloads::describe_images(7, 100)).expect("json");
    let run: Box<dyn Fn() -> bool> = match path.as_str() {
        "typed-small" => Box::new(|| {
            from_slice_with::<CreateRepositoryRequest>(black_box(&small), &opts).is_ok()
        }),
        "typed-images" => Box::new(|| {
            from_slice_with::<DescribeImagesResponse>(black_box(&images), &opts).is_ok()
        }),
        "check-small" => {
            Box::new(|| check_slice::<CreateRepositoryRequest>(black_box(&small), &opts).is_ok())
        }
        "check-images" => {
            Box::new(|| check_slice::<DescribeImagesResponse>(black_box(&images), &opts).is_ok())
        }
        "skip-small" => {
            Box::new(|| serde_json::from_slice::<serde::de::IgnoredAny>(black_box(&small)).is_ok())
        }
        "skip-images" => {
            Box::new(|| serde_json::from_slice::<serde::de::IgnoredAny>(black_box(&images)).is_ok())
        }
        other => {
            eprintln!("unknown path {other:?}");
            return ExitCode::from(2);
        }
    };
    for _ in 0..count {
        assert!(black_box(run()), "the payload is valid");
    }
    ExitCode::SUCCESS
}
