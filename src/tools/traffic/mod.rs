//! Recorded HTTP traffic, exchange by exchange: HAR 1.2 files (saved from
//! a browser's developer tools, mitmproxy, Charles, Proxyman) and the
//! `NetworkTraffic` JSON that aws-smithy's `dvr::RecordingClient` writes.
//! Feature `traffic`.
//!
//! A reader hands each exchange to a callback as soon as it is complete,
//! its bodies decoded (base64, gzip); nothing else of the recording is
//! kept, so a recording of any size is read in the memory of one exchange
//! (of a few open connections, for dvr). [`check`] then checks an ECR or
//! ECR Public exchange: the request body as the operation's input, a 2xx
//! response body as its output, any other response as one of its errors.
//!
//! ```
//! use ecr_models::traffic::{self, Side};
//! use ecr_models::Options;
//!
//! let har = r#"{"log": {"version": "1.2", "entries": [{
//!     "request": {"method": "POST", "url": "https://api.ecr.us-east-1.amazonaws.com/",
//!         "headers": [{"name": "X-Amz-Target", "value": "AmazonEC2ContainerRegistry_V20150921.CreateRepository"}],
//!         "postData": {"mimeType": "application/x-amz-json-1.1", "text": "{\"repositoryName\": \"MyRepo\"}"}},
//!     "response": {"status": 400,
//!         "headers": [{"name": "X-Amzn-ErrorType", "value": "InvalidParameterException"}],
//!         "content": {"mimeType": "application/x-amz-json-1.1", "text": "{\"message\": \"Invalid parameter\"}"}}
//! }]}}"#;
//! let exchanges = traffic::read_all(har.as_bytes()).unwrap();
//! let checked = traffic::check(&exchanges[0], &Options::new()).unwrap();
//! assert_eq!(checked.operation, "CreateRepository");
//! assert_eq!(checked.sides[0].side, Side::Request);
//! assert!(checked.sides[0].verdict.is_err()); // MyRepo breaks the pattern
//! assert_eq!((checked.sides[1].side, checked.sides[1].status), (Side::Error, Some(400)));
//! assert!(checked.sides[1].verdict.is_ok()); // named by the header
//! ```

/// A reader of one part of a recording that hands its exchanges to the
/// [`Sink`]: the seed serde is given and its own visitor, which asks the
/// deserializer for a value with `$how`, names it `$expecting` in serde's
/// errors and reads it with the visit method given.
macro_rules! sink_reader {
    (
        $(#[$doc:meta])* $vis:vis struct $seed:ident, $how:ident, $expecting:literal,
        $($visit:tt)*
    ) => {
        $(#[$doc])*
        $vis struct $seed<'s, 'f>($vis &'s mut $crate::traffic::Sink<'f>);

        impl<'de> ::serde::de::DeserializeSeed<'de> for $seed<'_, '_> {
            type Value = ();

            fn deserialize<D: ::serde::de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
                d.$how(self)
            }
        }

        impl<'de> ::serde::de::Visitor<'de> for $seed<'_, '_> {
            type Value = ();

            fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str($expecting)
            }

            $($visit)*
        }
    };
}

mod dvr;
mod har;

use std::fmt;
use std::io::Read;
use std::ops::ControlFlow;

use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, Visitor};

use crate::error::{Code, Error, Violation};
use crate::options::Options;
use crate::registry::{self, Target};
use crate::shape::Service;

/// One HTTP exchange of a recording: what the checks need, and nothing
/// else of it (no header but the two below is kept, so no credential).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exchange {
    /// The exchange's place in the recording, from 1, counting every
    /// exchange (other services' traffic too).
    pub index: usize,
    /// The request's `X-Amz-Target` header, which names the operation.
    pub target: Option<String>,
    /// The request body, decoded.
    pub request: Body,
    /// What came back.
    pub reply: Reply,
}

impl Exchange {
    /// The operation the exchange's `X-Amz-Target` names
    /// ([`registry::by_target`]); [`Target::Other`] without one.
    pub fn operation(&self) -> Target<'_> {
        self.target
            .as_deref()
            .map_or(Target::Other, registry::by_target)
    }

    /// The response, when one came.
    pub fn response(&self) -> Option<&Response> {
        match &self.reply {
            Reply::Received(response) => Some(response),
            _ => None,
        }
    }
}

/// A body as the recording holds it, decoded (base64 when the recording
/// says so, then gzip when the `Content-Encoding` says so and the bytes
/// are gzip), or why it could not be.
pub type Body = Result<Vec<u8>, BodyError>;

/// A body that could not be decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BodyError {
    /// `base64`, `syntax` (not gzip as its encoding says) or `limit`.
    pub code: Code,
    /// Why, in words.
    pub message: String,
}

/// What an exchange's request got.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reply {
    /// A response.
    Received(Response),
    /// The call failed before a response came (a dvr `Err` response, a HAR
    /// entry with status 0), with the recording's reason.
    Failed(String),
    /// The recording ends before the response.
    Missing,
}

/// A response of an exchange.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Response {
    /// The HTTP status.
    pub status: u16,
    /// The `X-Amzn-ErrorType` header, which names an error as the SDKs read
    /// it.
    pub error_type: Option<String>,
    /// The body, decoded.
    pub body: Body,
}

/// A recording format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// HAR 1.2.
    Har,
    /// aws-smithy's dvr `NetworkTraffic`, version `V0`.
    Dvr,
}

/// A recording that cannot be read on: truncated, not JSON, or not in its
/// format. The exchanges before it were handed over.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordingError {
    /// `syntax` (not JSON, or not the format), or `io` (the reader failed).
    pub code: Code,
    /// What is wrong, in words. Values of the recording are not quoted: a
    /// header may hold a credential.
    pub message: String,
    /// 1-based line of the recording where reading stopped (0 when the
    /// reader failed before any byte of it).
    pub line: usize,
    /// 1-based column (0 with line 0).
    pub column: usize,
}

impl fmt::Display for RecordingError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)?;
        if self.line > 0 {
            write!(f, " at line {} column {}", self.line, self.column)?;
        }
        Ok(())
    }
}

impl std::error::Error for RecordingError {}

impl From<RecordingError> for Error {
    fn from(e: RecordingError) -> Self {
        Error::new(
            vec![Violation {
                path: String::new(),
                code: e.code,
                message: e.message,
                line: (e.line > 0).then_some(e.line),
                column: (e.line > 0).then_some(e.column),
                span: None,
            }],
            0,
        )
    }
}

/// Reads a recording, HAR or dvr (told apart by their content: a HAR's
/// `log`, a dvr file's `events`), handing each exchange to `each` in the
/// recording's order; `each` may stop the reading. Gives the format.
pub fn read<R: Read>(
    reader: R,
    mut each: impl FnMut(Exchange) -> ControlFlow<()>,
) -> Result<Format, RecordingError> {
    read_as(reader, None, &mut each)
}

/// Reads a HAR 1.2 file as [`read`] does; another format is an error.
pub fn read_har<R: Read>(
    reader: R,
    mut each: impl FnMut(Exchange) -> ControlFlow<()>,
) -> Result<(), RecordingError> {
    read_as(reader, Some(Format::Har), &mut each).map(drop)
}

/// Reads an aws-smithy dvr recording as [`read`] does; another format is
/// an error. Each exchange's request and response bodies are put together
/// from the connection's `Data` events, in order.
pub fn read_dvr<R: Read>(
    reader: R,
    mut each: impl FnMut(Exchange) -> ControlFlow<()>,
) -> Result<(), RecordingError> {
    read_as(reader, Some(Format::Dvr), &mut each).map(drop)
}

/// Every exchange of a recording of either format, for recordings small
/// enough to hold.
pub fn read_all<R: Read>(reader: R) -> Result<Vec<Exchange>, RecordingError> {
    let mut all = Vec::new();
    read(reader, |exchange| {
        all.push(exchange);
        ControlFlow::Continue(())
    })?;
    Ok(all)
}

/// What an exchange's side is checked as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// The request body, as the operation's input.
    Request,
    /// A 2xx response body, as the operation's output.
    Response,
    /// Any other response body, as one of the operation's errors.
    Error,
}

impl Side {
    /// `request`, `response` or `error`.
    pub fn as_str(self) -> &'static str {
        match self {
            Side::Request => "request",
            Side::Response => "response",
            Side::Error => "error",
        }
    }
}

/// The verdict on one side of an exchange.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SideVerdict {
    /// Which side.
    pub side: Side,
    /// The response's HTTP status (`None` for the request, and for a
    /// response that never came).
    pub status: Option<u16>,
    /// Valid, or every violation.
    pub verdict: Result<(), Error>,
}

/// An ECR or ECR Public exchange, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checked<'e> {
    /// The service the target names.
    pub service: Service,
    /// The operation the target names (which the model may lack).
    pub operation: &'e str,
    /// The request's verdict, then the response's (or the error's). An
    /// operation the model lacks has one: the request's, `unknown_operation`.
    pub sides: Vec<SideVerdict>,
}

/// Checks one exchange; `None` for other traffic (no `X-Amz-Target`, or
/// one of another service).
pub fn check<'e>(exchange: &'e Exchange, opts: &Options) -> Option<Checked<'e>> {
    let op = match exchange.operation() {
        Target::Other => return None,
        Target::UnknownOperation { service, operation } => {
            let message = format!(
                "the {service} model has no operation {}",
                crate::rules::quote(operation)
            );
            return Some(Checked {
                service,
                operation,
                sides: vec![SideVerdict {
                    side: Side::Request,
                    status: None,
                    verdict: Err(Error::one("", Code::UnknownOperation, message)),
                }],
            });
        }
        Target::Operation(op) => op,
    };
    let request = SideVerdict {
        side: Side::Request,
        status: None,
        verdict: decoded(&exchange.request).and_then(|body| op.check_input(body, opts)),
    };
    let reply = match &exchange.reply {
        Reply::Received(response) => {
            let success = (200..300).contains(&response.status);
            let verdict = decoded(&response.body).and_then(|body| match success {
                true => op.check_output(body, opts),
                false => op.check_error(body, response.error_type.as_deref(), opts),
            });
            SideVerdict {
                side: if success { Side::Response } else { Side::Error },
                status: Some(response.status),
                verdict,
            }
        }
        Reply::Failed(reason) => SideVerdict {
            side: Side::Response,
            status: None,
            verdict: Err(Error::one(
                "",
                Code::NoResponse,
                format!(
                    "the call failed before a response came: {}",
                    crate::rules::quote(reason)
                ),
            )),
        },
        Reply::Missing => SideVerdict {
            side: Side::Response,
            status: None,
            verdict: Err(Error::one(
                "",
                Code::NoResponse,
                "the recording has no response to this request".into(),
            )),
        },
    };
    Some(Checked {
        service: op.service,
        operation: op.name,
        sides: vec![request, reply],
    })
}

fn decoded(body: &Body) -> Result<&[u8], Error> {
    body.as_deref().map_err(|e| {
        Error::one(
            "",
            e.code,
            format!("the body cannot be decoded: {}", e.message),
        )
    })
}

// ------------------------------------------------------------ the readers

/// The longest body a gzip body is decoded to: far past any ECR payload
/// (an image manifest is at most 4 MiB), and a bound on a gzip bomb.
const MAX_DECODED: u64 = 256 << 20;

/// Decodes a body: base64 when the recording says so, then gzip when the
/// `Content-Encoding` says so.
fn decode(text: String, base64: bool, gzip: bool) -> Body {
    let bytes = match base64 {
        true => from_base64(&text)?,
        false => text.into_bytes(),
    };
    match gzip {
        true => gunzip(bytes),
        false => Ok(bytes),
    }
}

fn from_base64(text: &str) -> Body {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD
        .decode(text.trim())
        .map_err(|e| BodyError {
            code: Code::Base64,
            message: format!("marked base64, but it is not: {e}"),
        })
}

/// A body under `Content-Encoding: gzip`, decompressed when its bytes are
/// gzip: a HAR tool often stores the body already decoded under the header
/// it came with.
fn gunzip(bytes: Vec<u8>) -> Body {
    if !bytes.starts_with(&[0x1f, 0x8b]) {
        return Ok(bytes);
    }
    let mut out = Vec::new();
    let mut decoder = flate2::read::GzDecoder::new(&bytes[..]).take(MAX_DECODED + 1);
    decoder.read_to_end(&mut out).map_err(|e| BodyError {
        code: Code::Syntax,
        message: format!("its Content-Encoding is gzip, but it is not gzip: {e}"),
    })?;
    if out.len() as u64 > MAX_DECODED {
        return Err(BodyError {
            code: Code::Limit,
            message: format!("its gzip decodes to more than {} MiB", MAX_DECODED >> 20),
        });
    }
    Ok(out)
}

/// Whether a `Content-Encoding` value names gzip.
fn names_gzip(value: &str) -> bool {
    value
        .split(',')
        .any(|coding| coding.trim().eq_ignore_ascii_case("gzip"))
}

/// Where a reader hands its exchanges, and whether it was told to stop.
struct Sink<'f> {
    each: &'f mut dyn FnMut(Exchange) -> ControlFlow<()>,
    /// The format, once the recording's top says it.
    format: Option<Format>,
    stopped: bool,
}

/// The error a reader returns to unwind serde when the callback stops it.
const STOPPED: &str = "\u{0}stopped";

impl Sink<'_> {
    fn give<E: de::Error>(&mut self, exchange: Exchange) -> Result<(), E> {
        match (self.each)(exchange) {
            ControlFlow::Continue(()) => Ok(()),
            ControlFlow::Break(()) => {
                self.stopped = true;
                Err(E::custom(STOPPED))
            }
        }
    }
}

fn read_as<R: Read>(
    reader: R,
    want: Option<Format>,
    each: &mut dyn FnMut(Exchange) -> ControlFlow<()>,
) -> Result<Format, RecordingError> {
    let mut sink = Sink {
        each,
        format: None,
        stopped: false,
    };
    let mut de = serde_json::Deserializer::from_reader(std::io::BufReader::new(reader));
    let read = Root {
        want,
        sink: &mut sink,
    }
    .deserialize(&mut de)
    .and_then(|format| de.end().map(|()| format));
    match read {
        Ok(format) => Ok(format),
        Err(_) if sink.stopped => Ok(sink.format.unwrap_or(Format::Har)),
        Err(e) => Err(recording_error(&e)),
    }
}

fn recording_error(e: &serde_json::Error) -> RecordingError {
    let code = match e.classify() {
        serde_json::error::Category::Io => Code::Io,
        _ => Code::Syntax,
    };
    let message = match e.classify() {
        serde_json::error::Category::Eof => "the recording ends too early (truncated?)".to_string(),
        _ => without_values(&e.to_string()),
    };
    RecordingError {
        code,
        message,
        line: e.line(),
        column: e.column(),
    }
}

/// serde's message without the position it appends (given apart) and
/// without the values it quotes: a header value may be a credential.
fn without_values(message: &str) -> String {
    let message = match message.rfind(" at line ") {
        Some(at) => &message[..at],
        None => message,
    };
    let mut out = String::with_capacity(message.len());
    let mut quoted = false;
    let mut escaped = false;
    for c in message.chars() {
        match (quoted, c) {
            (false, '"') => {
                quoted = true;
                out.push_str("a value");
            }
            (false, c) => out.push(c),
            (true, '\\') if !escaped => escaped = true,
            (true, '"') if !escaped => quoted = false,
            (true, _) => escaped = false,
        }
    }
    out
}

/// The top of a recording: an object whose `log` (HAR) or `events` (dvr)
/// says which it is.
struct Root<'s, 'f> {
    want: Option<Format>,
    sink: &'s mut Sink<'f>,
}

impl<'de> DeserializeSeed<'de> for Root<'_, '_> {
    type Value = Format;

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Format, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for Root<'_, '_> {
    type Value = Format;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a recording: a HAR file's object or a dvr recording's")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Format, A::Error> {
        let mut found = None;
        let mut version = None;
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "log" if self.want != Some(Format::Dvr) && found.is_none() => {
                    self.sink.format = Some(Format::Har);
                    map.next_value_seed(har::Log(self.sink))?;
                    found = Some(Format::Har);
                }
                "events" if self.want != Some(Format::Har) && found.is_none() => {
                    self.sink.format = Some(Format::Dvr);
                    map.next_value_seed(dvr::Events(self.sink))?;
                    found = Some(Format::Dvr);
                }
                "version" if self.want != Some(Format::Har) => {
                    version = Some(map.next_value::<serde_json::Value>()?);
                }
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        match found {
            Some(Format::Dvr) => match version.as_ref().and_then(|v| v.as_str()) {
                Some("V0") => Ok(Format::Dvr),
                _ => Err(de::Error::custom(
                    "a dvr recording of a version other than V0 (or of none)",
                )),
            },
            Some(format) => Ok(format),
            None => Err(de::Error::custom(match self.want {
                Some(Format::Har) => "not a HAR file: the object has no `log`",
                Some(Format::Dvr) => "not a dvr recording: the object has no `events`",
                None => "neither a HAR file (no `log`) nor a dvr recording (no `events`)",
            })),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_values_are_left_out_of_serde_messages() {
        assert_eq!(
            without_values(
                r#"invalid type: string "AWS4-HMAC \"x\" secret", expected u16 at line 3 column 9"#
            ),
            "invalid type: string a value, expected u16"
        );
    }
}
