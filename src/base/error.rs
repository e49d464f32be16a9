//! What a rejected document reports: every [`Violation`], each with a JSON
//! Pointer, a stable [`Code`] and a message.

use std::fmt;

use serde::Serialize;

/// The kind of rule a [`Violation`] breaks: a small, stable vocabulary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Code {
    /// The input is not one well-formed JSON document (line and column given).
    Syntax,
    /// A value has the wrong JSON type (a string where an object belongs, a
    /// `null` for a required member or a list item, a fraction for an integer).
    Type,
    /// A required member is absent.
    Required,
    /// A string is not one of the enum's values.
    Enum,
    /// A string (in Unicode scalar values) or a blob (in bytes) is too short or too long.
    Length,
    /// A number is outside its range, including the limits of `i32` and `i64`.
    Range,
    /// A string does not match its pattern as a whole.
    Pattern,
    /// A list has too few or too many items.
    Items,
    /// A member the model does not define (strict mode only), or a member
    /// an embedded document does not allow (in every mode).
    UnknownField,
    /// A timestamp is neither epoch seconds nor an accepted date-time string.
    Timestamp,
    /// A blob is not canonical, padded base64.
    Base64,
    /// An error body names an error the operation does not declare.
    UndeclaredError,
    /// A member name or map key appears twice in one object.
    Duplicate,
    /// The document passes a limit of what is read: nesting deeper than
    /// [`crate::Options::max_depth`] or a number longer than
    /// [`crate::Options::max_number_length`] (line and column given).
    Limit,
    /// An input could not be read: a file the command-line tool was given,
    /// or the reader a recording was read from (see `From<io::Error>` for
    /// [`Error`]).
    Io,
    /// An exchange of recorded traffic names an operation (in its
    /// `X-Amz-Target` header) that the service's model lacks.
    UnknownOperation,
    /// An exchange of recorded traffic has no response to check: the
    /// recording lacks it, or the call failed before one came.
    NoResponse,
    /// A value cannot be converted to the Rust SDK's type without loss:
    /// the SDK release lacks the member that holds it (features
    /// `aws-sdk-ecr`, `aws-sdk-ecrpublic`).
    NotInSdk,
    /// Parts of an embedded document that contradict each other: a member
    /// its siblings rule out (`countUnit` with `imageCountMoreThan`), or
    /// rules of a lifecycle policy that cannot hold together (two rules
    /// selecting untagged images).
    Conflict,
}

impl Code {
    /// Every code, in a stable order.
    pub const ALL: &'static [Code] = &[
        Code::Syntax,
        Code::Type,
        Code::Required,
        Code::Enum,
        Code::Length,
        Code::Range,
        Code::Pattern,
        Code::Items,
        Code::UnknownField,
        Code::Timestamp,
        Code::Base64,
        Code::UndeclaredError,
        Code::Duplicate,
        Code::Limit,
        Code::Io,
        Code::UnknownOperation,
        Code::NoResponse,
        Code::NotInSdk,
        Code::Conflict,
    ];

    /// The code as it appears in reports, e.g. `unknown_field`.
    pub fn as_str(self) -> &'static str {
        match self {
            Code::Syntax => "syntax",
            Code::Type => "type",
            Code::Required => "required",
            Code::Enum => "enum",
            Code::Length => "length",
            Code::Range => "range",
            Code::Pattern => "pattern",
            Code::Items => "items",
            Code::UnknownField => "unknown_field",
            Code::Timestamp => "timestamp",
            Code::Base64 => "base64",
            Code::UndeclaredError => "undeclared_error",
            Code::Duplicate => "duplicate",
            Code::Limit => "limit",
            Code::Io => "io",
            Code::UnknownOperation => "unknown_operation",
            Code::NoResponse => "no_response",
            Code::NotInSdk => "not_in_sdk",
            Code::Conflict => "conflict",
        }
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One broken rule: where (a JSON Pointer, RFC 6901), which rule, and why.
/// Its `Display` ([`Violation::display_with`]) is the one way a violation
/// is written for people, by [`Error`]'s `Display`, by
/// [`Validated`](crate::Validated)'s errors and by the command:
/// `/repositoryName: ... [pattern]`, and for a syntax error
/// ` at line L column C`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Violation {
    /// JSON Pointer to the offending value; `""` is the whole document.
    pub path: String,
    /// The rule kind.
    pub code: Code,
    /// What is wrong, in words; quotes at most about 100 characters of the
    /// offending value, and never a secret.
    pub message: String,
    /// 1-based line of the violation's place in the text it was read from
    /// ([`Violation::span`]); `None` for a value built in code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// 1-based column of the place, counted in characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
    /// The bytes of the text the violation is about: the offending value;
    /// the member's name for `unknown_field` and `duplicate`; the object
    /// for `required` (a missing member has no text of its own); the
    /// string for what is wrong inside a document a string carries, where
    /// the place inside it cannot be read; where reading stopped for
    /// `syntax` and `limit` (an empty span). `None` for a value built in
    /// code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
}

/// A range of bytes of a text: `start..end`, offsets from its first byte.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Span {
    /// The offset of the first byte.
    pub start: usize,
    /// The offset just past the last byte (`start` for an empty span).
    pub end: usize,
}

impl Span {
    /// The bytes `start..end`.
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
}

impl Violation {
    /// A violation at `path` (a JSON Pointer) with no place in a text yet.
    pub(crate) fn new(path: String, code: Code, message: String) -> Self {
        Violation {
            path,
            code,
            message,
            line: None,
            column: None,
            span: None,
        }
    }

    /// The violation written for people, as its `Display` writes it, with
    /// `whole` standing for the path of the whole input (`""`): `Display`
    /// writes `(document)`; an empty `whole` writes the message alone for
    /// the whole input. The path's control characters are written escaped
    /// (`\u{1b}`), so that a terminal shows a member name that holds them
    /// instead of obeying it.
    pub fn display_with<'a>(&'a self, whole: &'a str) -> impl fmt::Display + 'a {
        Written {
            violation: self,
            whole,
        }
    }
}

/// A [`Violation`] written for people: [`Violation::display_with`].
struct Written<'a> {
    violation: &'a Violation,
    whole: &'a str,
}

impl fmt::Display for Written<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let v = self.violation;
        let path = match v.path.as_str() {
            "" => self.whole,
            path => path,
        };
        for c in path.chars() {
            match c.is_control() {
                true => write!(f, "{}", c.escape_unicode())?,
                false => write!(f, "{c}")?,
            }
        }
        if !path.is_empty() {
            f.write_str(": ")?;
        }
        write!(f, "{} [{}]", v.message, v.code)?;
        // Where reading stopped is part of what a syntax error says; other
        // violations name their place by their path.
        if let (Code::Syntax | Code::Limit, Some(line), Some(column)) = (v.code, v.line, v.column) {
            write!(f, " at line {line} column {column}")?;
        }
        Ok(())
    }
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.display_with("(document)").fmt(f)
    }
}

/// A document that broke one or more rules: every violation found, in
/// document order, up to the configured limit, and how many more there were.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct Error {
    violations: Vec<Violation>,
    omitted: usize,
}

impl Error {
    pub(crate) fn new(violations: Vec<Violation>, omitted: usize) -> Self {
        Error {
            violations,
            omitted,
        }
    }

    /// An error of one violation at `path`, without a position.
    pub(crate) fn one(path: &str, code: Code, message: String) -> Self {
        Error::new(vec![Violation::new(path.to_string(), code, message)], 0)
    }

    /// The same violations, each under `pointer`: the error of a value,
    /// placed where the value sits in a larger one.
    #[cfg_attr(
        not(any(feature = "aws-sdk-ecr", feature = "aws-sdk-ecrpublic")),
        allow(dead_code)
    )]
    pub(crate) fn under(mut self, pointer: &str) -> Self {
        for v in &mut self.violations {
            v.path.insert_str(0, pointer);
        }
        self
    }

    /// The same error of a document that is line `line` of a larger text
    /// (a JSON Lines file): each placed violation's line becomes `line`
    /// (a JSON Lines document has one line); its column and its span stay
    /// counted from the start of that line.
    pub fn on_line(mut self, line: usize) -> Self {
        for v in &mut self.violations {
            if v.line.is_some() {
                v.line = Some(line);
            }
        }
        self
    }

    /// The violations, to be placed in the text they were read from.
    pub(crate) fn violations_mut(&mut self) -> &mut [Violation] {
        &mut self.violations
    }

    /// The violations listed, in document order.
    pub fn violations(&self) -> &[Violation] {
        &self.violations
    }

    /// How many further violations were found but not listed.
    pub fn omitted(&self) -> usize {
        self.omitted
    }

    /// Listed plus omitted.
    pub fn total(&self) -> usize {
        self.violations.len() + self.omitted
    }

    /// Whether the document failed to parse as JSON at all (not a
    /// document embedded in one of its strings: that `syntax` violation
    /// has the member's path).
    pub fn is_syntax(&self) -> bool {
        self.violations
            .iter()
            .any(|v| v.code == Code::Syntax && v.path.is_empty())
    }

    /// Consumes the error, giving its violations.
    pub fn into_violations(self) -> Vec<Violation> {
        self.violations
    }
}

/// An input that could not be read, as one violation of the whole input:
/// code [`Code::Io`], the I/O error's text as the message.
impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Self {
        Error::one("", Code::Io, e.to_string())
    }
}

impl Error {
    /// The violations written for people, as `Display` writes them after
    /// the count: each listed violation on a line of its own, indented two
    /// spaces ([`Violation::display_with`], `whole` standing for the path
    /// of the whole input), then `... and N more` when some were omitted.
    /// Each line starts with its line break, so that the list follows a
    /// headline: `write!(f, "invalid ({} violations){}", e.total(),
    /// e.display_lines("(value)"))`.
    pub fn display_lines<'a>(&'a self, whole: &'a str) -> impl fmt::Display + 'a {
        Lines { error: self, whole }
    }

    /// How many violations were left out of the list, written for people
    /// (`... and 12 more`), when some were: the last of
    /// [`Error::display_lines`], for a caller that writes the list its own
    /// way.
    pub fn display_omitted(&self) -> Option<String> {
        (self.omitted > 0).then(|| format!("... and {} more", self.omitted))
    }
}

/// An [`Error`]'s violations written for people: [`Error::display_lines`].
struct Lines<'a> {
    error: &'a Error,
    whole: &'a str,
}

impl fmt::Display for Lines<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for v in &self.error.violations {
            write!(f, "\n  {}", v.display_with(self.whole))?;
        }
        if let Some(more) = self.error.display_omitted() {
            write!(f, "\n  {more}")?;
        }
        Ok(())
    }
}

/// One line: how many violations, and the first (`2 violations, the first
/// /repositoryName: ...`), as `?` into an application's error shows it.
/// The alternate form (`{:#}`) writes the count, then each violation on a
/// line of its own ([`Error::display_lines`]).
impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let total = self.total();
        let s = if total == 1 { "" } else { "s" };
        if f.alternate() {
            return write!(
                f,
                "{total} violation{s}{}",
                self.display_lines("(document)")
            );
        }
        match self.violations.first() {
            Some(first) if total > 1 => write!(
                f,
                "{total} violations, the first {}",
                first.display_with("(document)")
            ),
            Some(first) => write!(f, "1 violation: {}", first.display_with("(document)")),
            None => write!(f, "{total} violation{s}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn violation(path: &str, code: Code, message: &str) -> Violation {
        Violation::new(path.to_string(), code, message.to_string())
    }

    #[test]
    fn display_escapes_control_characters_in_the_path_and_names_the_whole() {
        let v = violation("/\u{1b}[31m", Code::UnknownField, "not a member");
        assert_eq!(v.to_string(), "/\\u{1b}[31m: not a member [unknown_field]");
        let whole = violation("", Code::Syntax, "EOF while parsing a list");
        let whole = Violation {
            line: Some(1),
            column: Some(18),
            ..whole
        };
        assert_eq!(
            whole.to_string(),
            "(document): EOF while parsing a list [syntax] at line 1 column 18"
        );
        assert_eq!(
            whole.display_with("(value)").to_string(),
            "(value): EOF while parsing a list [syntax] at line 1 column 18"
        );
        assert_eq!(
            whole.display_with("").to_string(),
            "EOF while parsing a list [syntax] at line 1 column 18"
        );
        assert_eq!(
            v.display_with("").to_string(),
            "/\\u{1b}[31m: not a member [unknown_field]"
        );
    }

    #[test]
    fn an_error_is_one_line_and_its_alternate_form_a_line_per_violation() {
        let error = Error::new(
            vec![
                violation("/a\nb", Code::Required, "required member is missing"),
                violation("", Code::Type, "expected an object, found a string"),
            ],
            3,
        );
        let lines = "\n  /a\\u{a}b: required member is missing [required]\
                     \n  (document): expected an object, found a string [type]\
                     \n  ... and 3 more";
        assert_eq!(format!("{error:#}"), format!("5 violations{lines}"));
        assert_eq!(
            error.to_string(),
            "5 violations, the first /a\\u{a}b: required member is missing [required]"
        );
        assert_eq!(error.display_lines("(document)").to_string(), lines);
        let one = Error::one("", Code::Io, "gone".to_string());
        assert_eq!(format!("{one:#}"), "1 violation\n  (document): gone [io]");
        assert_eq!(one.to_string(), "1 violation: (document): gone [io]");
        assert_eq!(one.display_lines("").to_string(), "\n  gone [io]");
    }
}
