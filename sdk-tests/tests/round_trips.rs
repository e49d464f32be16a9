//! Every structure, operation input, output, error and enum of both
//! services through the round trip JSON → ecr-models → SDK → ecr-models →
//! JSON. The lists of pairs are generated (`cargo run -p codegen`) beside
//! the harness in `round_trip/`.

mod round_trip;

#[rustfmt::skip]
#[path = "round_trip/ecr.rs"]
mod ecr;

#[rustfmt::skip]
#[path = "round_trip/ecr_public.rs"]
mod ecr_public;
