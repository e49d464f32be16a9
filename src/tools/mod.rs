//! The top layer: what is built on the generated services and names them
//! through the registry: the registry itself, `inspect`, the schema
//! export, generated test data, references, recorded traffic, pagination,
//! waiters, the SDK bridge and the axum extractor. Nothing below names
//! this layer.

#[cfg(test)]
mod agreement;
#[cfg(feature = "axum")]
pub mod axum;
pub mod inspect;
pub(crate) mod paginate;
#[cfg(any(feature = "ecr", feature = "ecr-public"))]
pub mod refs;
pub mod registry;
#[cfg(feature = "schema")]
pub mod schema;
#[cfg(any(feature = "aws-sdk-ecr", feature = "aws-sdk-ecrpublic"))]
pub mod sdk;
pub mod testdata;
#[cfg(feature = "traffic")]
pub mod traffic;
#[cfg(feature = "waiters")]
pub mod waiter;
