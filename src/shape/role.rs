//! What a shape is for: the one list of roles, for the runtime and the
//! generator alike. The generator may not depend on the runtime crate
//! (data moves one way), so it compiles this one file as a module of its own
//! (`#[path]`, as `src/values/rules/words.rs`); the file therefore names nothing
//! outside itself. The runtime's methods on [`Role`] are in `shape`.

/// What a shape is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Role {
    /// An operation's input.
    Input,
    /// An operation's output.
    Output,
    /// An error (exception) shape.
    Error,
    /// boto3's `<Operation>PaginateRequest`.
    Paginate,
    /// boto3's `<Waiter>WaitRequest`.
    Wait,
    /// A structure used inside other shapes (or one of boto3's own).
    Nested,
    /// An enum.
    Enum,
    /// A scalar, list or map shape with rules.
    Scalar,
}
