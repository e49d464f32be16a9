//! Any text as a lifecycle policy, alone and inside the request that carries it
//! (`ecr_models_fuzz::document::check`).
#![no_main]

use ecr_models_fuzz::document::{check, LIFECYCLE_POLICY};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| check(data, LIFECYCLE_POLICY));
