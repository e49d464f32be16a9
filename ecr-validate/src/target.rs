//! What documents are checked against: a registered structure, or an
//! operation's input, output or errors.

use ecr_models::registry::{self, Entry, ShapeRef};
use ecr_models::{Error, Operation, Options, Service};

/// Which side of an operation a document is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// A request body.
    Input,
    /// A response body.
    Output,
    /// An error body: an error the operation may return.
    Error,
}

/// What each document is checked against.
#[derive(Debug, Clone, Copy)]
pub enum Target {
    /// A registered structure (only structures can be checked as documents).
    Shape(&'static Entry),
    /// One side of an operation.
    Operation(&'static Operation, Direction),
}

/// At most this many close names are suggested for an unknown one.
const MAX_SUGGESTIONS: usize = 5;

impl Target {
    /// The structure `name` of `service`; an error message for an unknown
    /// name (with close names) or one that is not a structure.
    pub fn shape(service: Service, name: &str) -> Result<Target, String> {
        let Some(entry) = registry::find(service, name) else {
            let names = registry::entries(service)
                .iter()
                .filter(|e| is_structure(e));
            let mut message = format!("unknown shape `{name}` in {service}");
            add_hints(
                &mut message,
                name,
                names.map(|e| e.name),
                service,
                |other| registry::find(other, name).is_some_and(is_structure),
            );
            return Err(message);
        };
        if !is_structure(entry) {
            let what = match entry.shape {
                ShapeRef::Enum(_) => "an enum",
                _ => "a scalar, list or map shape",
            };
            return Err(format!(
                "`{name}` is {what} of {service}, not a structure: only structures can be checked as documents"
            ));
        }
        Ok(Target::Shape(entry))
    }

    /// The operation `name` of `service`, one side of it; an error message
    /// (with close names) for an unknown name.
    pub fn operation(service: Service, name: &str, direction: Direction) -> Result<Target, String> {
        let Some(op) = registry::operation(service, name) else {
            let mut message = format!("unknown operation `{name}` in {service}");
            add_hints(
                &mut message,
                name,
                registry::operations(service).iter().map(spelled_like(name)),
                service,
                |other| registry::operation(other, name).is_some(),
            );
            return Err(message);
        };
        Ok(Target::Operation(op, direction))
    }

    /// Checks one JSON document; an error body's error is named by
    /// `error_type` (an `X-Amzn-ErrorType` header) when given.
    pub fn check(
        &self,
        json: &[u8],
        error_type: Option<&str>,
        opts: &Options,
    ) -> Result<(), Error> {
        match *self {
            Target::Shape(entry) => entry.check(json, opts),
            Target::Operation(op, Direction::Input) => op.check_input(json, opts),
            Target::Operation(op, Direction::Output) => op.check_output(json, opts),
            Target::Operation(op, Direction::Error) => op.check_error(json, error_type, opts),
        }
    }
}

/// Any registered shape `name` of `service` (structure, enum or scalar); an
/// error message (with close names) for an unknown name.
pub fn entry(service: Service, name: &str) -> Result<&'static Entry, String> {
    registry::find(service, name).ok_or_else(|| {
        let mut message = format!("unknown shape `{name}` in {service}");
        add_hints(
            &mut message,
            name,
            registry::entries(service).iter().map(|e| e.name),
            service,
            |other| registry::find(other, name).is_some(),
        );
        message
    })
}

/// Whether `entry` is a structure, i.e. can check a document.
fn is_structure(entry: &Entry) -> bool {
    matches!(entry.shape, ShapeRef::Structure(_))
}

/// Appends "did you mean" names and, when the name belongs to another
/// service, which `--service` to use.
/// An operation's name in the spelling `query` uses: boto3's
/// (`describe_images`), the AWS CLI's (`describe-images`) or the model's.
fn spelled_like(query: &str) -> impl Fn(&'static Operation) -> &'static str {
    let (snake, kebab) = (query.contains('_'), query.contains('-'));
    move |op| match (snake, kebab) {
        (true, _) => op.method,
        (false, true) => op.cli,
        (false, false) => op.name,
    }
}

fn add_hints<'a>(
    message: &mut String,
    name: &str,
    candidates: impl Iterator<Item = &'a str>,
    service: Service,
    in_other: impl Fn(Service) -> bool,
) {
    if let Some(other) = Service::ALL
        .iter()
        .copied()
        .find(|&s| s != service && in_other(s))
    {
        message.push_str(&format!(" (it is in {other}: add `--service {other}`)"));
        return;
    }
    let close = suggest(name, candidates);
    if !close.is_empty() {
        message.push_str("; did you mean ");
        message.push_str(&close.join(", "));
        message.push('?');
    }
}

/// Close names: equal ignoring case first, then prefix matches either way,
/// then names containing the query; nearest in length first. When none of
/// those exist, names a typo or two away (ignoring case), nearest first.
pub fn suggest<'a>(name: &str, candidates: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    let query = name.to_ascii_lowercase();
    if query.is_empty() {
        return Vec::new();
    }
    let candidates: Vec<&str> = candidates.collect();
    let close = ranked(name, &query, &candidates);
    if !close.is_empty() {
        return close;
    }
    let limit = (query.chars().count() / 4).clamp(1, 3);
    let mut typos: Vec<(usize, &str)> = candidates
        .iter()
        .filter_map(|&candidate| {
            let d = distance(&query, &candidate.to_ascii_lowercase());
            (d <= limit).then_some((d, candidate))
        })
        .collect();
    typos.sort_unstable();
    typos
        .into_iter()
        .take(MAX_SUGGESTIONS)
        .map(|(_, candidate)| candidate)
        .collect()
}

/// The Levenshtein distance between two strings, in characters.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (diagonal + usize::from(ca != cb))
                .min(above + 1)
                .min(row[j] + 1);
            diagonal = above;
        }
    }
    row[b.len()]
}

fn ranked<'a>(name: &str, query: &str, candidates: &[&'a str]) -> Vec<&'a str> {
    let mut ranked: Vec<(u8, usize, &str)> = candidates
        .iter()
        .copied()
        .filter_map(|candidate| {
            let lower = candidate.to_ascii_lowercase();
            let rank = if lower == query {
                0
            } else if lower.starts_with(query) || (lower.len() >= 3 && query.starts_with(&lower)) {
                1
            } else if query.len() >= 3 && lower.contains(query) {
                2
            } else {
                return None;
            };
            Some((rank, candidate.len().abs_diff(name.len()), candidate))
        })
        .collect();
    ranked.sort_unstable();
    ranked
        .into_iter()
        .take(MAX_SUGGESTIONS)
        .map(|(_, _, candidate)| candidate)
        .collect()
}
