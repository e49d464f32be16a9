//! Any bytes as an aws-smithy dvr recording (the seeds are the moto
//! recording and small ones with interleaved connections, base64 pieces,
//! failed calls): never a panic or a hang; exchanges come in the order of
//! their requests, each once; each ECR exchange's verdicts keep the
//! invariants of `ecr_models_fuzz::check_traffic`; a recording error says
//! where and quotes nothing of the recording.
#![no_main]

use ecr_models_fuzz as fz;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&flags, recording)) = data.split_first() else {
        return;
    };
    fz::check_traffic(recording, flags, ecr_models::traffic::Format::Dvr);
});
