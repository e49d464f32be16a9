//! Any text as an image manifest of either service, alone and inside the request that carries it
//! (`ecr_models_fuzz::document::check`).
#![no_main]

use ecr_models_fuzz::document::{check, IMAGE_MANIFEST};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| check(data, IMAGE_MANIFEST));
