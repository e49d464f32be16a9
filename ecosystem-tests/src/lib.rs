//! Nothing of its own: the tests (`tests/`) are a dependent crate's uses of
//! ecr-models with the Rust validation ecosystem.
