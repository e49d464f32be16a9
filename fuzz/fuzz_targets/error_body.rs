//! Any bytes as an AWS JSON error body, for an operation chosen by a byte
//! (or none), of either service, with an `X-Amzn-ErrorType` header (the
//! first line, with flag bit 4) or without: never a panic; an accepted body names an
//! error the operation may return; a rejection keeps the invariants of
//! `ecr_models_fuzz::check_error`.
#![no_main]

use ecr_models::{Service, COMMON_ERRORS};
use ecr_models_fuzz as fz;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let [flags, op, body @ ..] = data else {
        return;
    };
    let service = fz::service(*flags);
    let opts = fz::options(*flags);
    let operation = (flags & 8 == 0).then(|| fz::operation(service, usize::from(*op)));
    let (header, body) = match body.iter().position(|&b| b == b'\n') {
        Some(at) if flags & 16 != 0 => (std::str::from_utf8(&body[..at]).ok(), &body[at + 1..]),
        _ => (None, body),
    };
    let verdict = match service {
        Service::Ecr => {
            ecr_models::ecr::ServiceError::from_response_with(body, header, operation, &opts)
                .map(|e| e.name().to_string())
        }
        Service::EcrPublic => {
            ecr_models::ecr_public::ServiceError::from_response_with(body, header, operation, &opts)
                .map(|e| e.name().to_string())
        }
    };
    match &verdict {
        Ok(name) => {
            if let Some(op) = operation {
                assert!(
                    op.declares(name) || COMMON_ERRORS.contains(&name.as_str()),
                    "{} does not declare {name}",
                    op.name
                );
            }
        }
        Err(e) => fz::check_error(e, &opts),
    }
    fz::check_syntax(body, &verdict.map(drop));
});
