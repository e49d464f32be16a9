//! Any text as ECR's repository and registry policies and ECR Public's repository policy, alone and inside the request that carries it
//! (`ecr_models_fuzz::document::check`).
#![no_main]

use ecr_models_fuzz::document::{check, POLICY};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| check(data, POLICY));
