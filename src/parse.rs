//! The JSON reader under every entry point: a byte-level scanner that hands
//! each value to a reader ([`crate::read::Kind`]) as it goes, so reading,
//! checking and building happen in one pass with nothing in between.
//!
//! It accepts exactly RFC 8259 JSON. Strings are borrowed from the input
//! unless they hold escapes; their end is found eight bytes at a time.
//! Numbers are classified as `serde_json` does (`u64`, `i64`, else `f64`),
//! and a number beyond `f64` is malformed. Values no reader wants (unknown
//! members, values of the wrong type) are skipped without recursion, their
//! syntax checked but their strings not decoded, as a JSON Schema validator
//! would skip them.

use std::borrow::Cow;
use std::fmt;

use crate::options::{DEFAULT_MAX_DEPTH, DEFAULT_MAX_NUMBER_LENGTH};

/// A string from the input: borrowed when the input allows it.
#[derive(Debug)]
pub enum Text<'a> {
    /// Borrowed from the input.
    Str(&'a str),
    /// Unescaped into a new string by the parser.
    Owned(String),
}

impl Text<'_> {
    /// The text.
    pub fn as_str(&self) -> &str {
        match self {
            Text::Str(s) => s,
            Text::Owned(s) => s,
        }
    }

    pub(crate) fn into_string(self) -> String {
        match self {
            Text::Str(s) => s.to_owned(),
            Text::Owned(s) => s,
        }
    }
}

impl std::ops::Deref for Text<'_> {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

/// A JSON number as the parser gives it.
#[derive(Debug, Clone, Copy)]
pub enum Number {
    /// A negative integer, or any that fits `i64`.
    I64(i64),
    /// A non-negative integer.
    U64(u64),
    /// A number with a fraction or an exponent.
    F64(f64),
}

impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Number::I64(n) => write!(f, "{n}"),
            Number::U64(n) => write!(f, "{n}"),
            Number::F64(n) => write!(f, "{n}"),
        }
    }
}

impl Number {
    /// The integer this number is, if it is one (JSON Schema's view: `1.0`
    /// is an integer), or `Err(true)` when it is an integer beyond `i64`,
    /// `Err(false)` when it has a fraction.
    pub(crate) fn integer(self) -> Result<i64, bool> {
        match self {
            Number::I64(n) => Ok(n),
            Number::U64(n) => i64::try_from(n).map_err(|_| true),
            Number::F64(f) if f.fract() != 0.0 || !f.is_finite() => Err(false),
            // -2^63 < f < 2^63: the cast is exact for integral values. The
            // parser hands over integers beyond i64 as rounded floats, and
            // -9223372036854775809 rounds to exactly -2^63: so -2^63 as a
            // float counts as out of range (i64::MIN written as an integer
            // arrives as `I64` and is in range).
            Number::F64(f)
                if f > -9_223_372_036_854_775_808.0 && f < 9_223_372_036_854_775_808.0 =>
            {
                Ok(f as i64)
            }
            Number::F64(_) => Err(true),
        }
    }

    /// The number as an `f64` when that is exact enough to judge a
    /// timestamp's range (integers beyond 2^53 are not).
    pub(crate) fn as_f64_exact(self) -> Option<f64> {
        match self {
            Number::I64(n) if n.unsigned_abs() < (1 << 53) => Some(n as f64),
            Number::U64(n) if n < (1 << 53) => Some(n as f64),
            Number::F64(f) => Some(f),
            _ => None,
        }
    }

    pub(crate) fn as_f64(self) -> f64 {
        match self {
            Number::I64(n) => n as f64,
            Number::U64(n) => n as f64,
            Number::F64(f) => f,
        }
    }
}

/// Malformed JSON: what is wrong, and where. One word wide, so that every
/// result of the scanner is returned in registers; the details are boxed,
/// made at most once per document.
/// A number read for its syntax and size alone ([`Parser::skim_number`]):
/// where it starts, and what its text says of its value.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Extent {
    start: usize,
    negative: bool,
    /// The digits before the point (or before the exponent).
    integer_digits: usize,
    fraction: bool,
    exponent: bool,
}

impl Extent {
    /// `Some(d)` when the number is at least 0 and below `10^d`, for
    /// numbers written without a sign or an exponent (`d` their integer
    /// digits); `None` for any other (its value settles it).
    pub(crate) fn below_power_of_ten(self) -> Option<usize> {
        (!self.negative && !self.exponent).then_some(self.integer_digits)
    }

    /// Written as an integer: no fraction, no exponent (as `serde_json`
    /// classifies numbers, `-0` aside, which has a sign).
    pub(crate) fn is_integer(self) -> bool {
        !self.fraction && !self.exponent
    }

    /// Certainly finite as an `f64`: written without an exponent, and
    /// below `10^308` (`f64::MAX` is about `1.8e308`).
    pub(crate) fn is_surely_finite(self) -> bool {
        !self.exponent && self.integer_digits <= 308
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Syntax(Box<Where>);

#[derive(Debug, Clone, PartialEq, Eq)]
struct Where {
    message: Cow<'static, str>,
    line: usize,
    column: usize,
    /// A limit of [`Limits`] was passed: the text may be well-formed.
    limit: bool,
}

impl Syntax {
    /// What is wrong, as `serde_json` words it: `EOF while parsing a string`.
    pub fn message(&self) -> &str {
        &self.0.message
    }

    /// Whether reading stopped at a limit ([`Limits`]) rather than at
    /// malformed JSON.
    pub fn is_limit(&self) -> bool {
        self.0.limit
    }

    /// The line of the offending byte, from 1.
    pub fn line(&self) -> usize {
        self.0.line
    }

    /// The column of the offending byte, from 1, in bytes.
    pub fn column(&self) -> usize {
        self.0.column
    }
}

impl fmt::Display for Syntax {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} at line {} column {}",
            self.message(),
            self.line(),
            self.column()
        )
    }
}

impl std::error::Error for Syntax {}

/// How deep and how long what is read may be: past either, reading stops
/// with an error that [`Syntax::is_limit`] tells apart. AWS's JSON stack
/// refuses the same (Jackson's `StreamReadConstraints` defaults).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// The deepest nesting of arrays and objects: a top-level array is at 1.
    pub depth: usize,
    /// The most characters in one number.
    pub number_length: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            depth: DEFAULT_MAX_DEPTH,
            number_length: DEFAULT_MAX_NUMBER_LENGTH,
        }
    }
}

/// A reader over one JSON text.
#[derive(Debug)]
pub struct Parser<'de> {
    text: &'de str,
    pos: usize,
    /// The input goes on past `text` with a byte that is not UTF-8.
    bad_utf8: bool,
    /// The arrays and objects entered and not yet left.
    depth: usize,
    limits: Limits,
}

/// Eight bytes at `i`, little-endian, if there are eight.
#[inline]
fn word(bytes: &[u8], i: usize) -> Option<u64> {
    let lanes: [u8; 8] = bytes.get(i..i + 8)?.try_into().ok()?;
    Some(u64::from_le_bytes(lanes))
}

/// How many of the eight bytes of a little-endian word, from the first,
/// are ASCII digits before the first that is not (8 when all are). A lane
/// is a digit when its high nibble is 3 and adding 6 keeps it so; a carry
/// out of a lane only reaches lanes after it, which do not count.
#[inline]
fn leading_digits(w: u64) -> usize {
    const HIGH_NIBBLES: u64 = 0xF0F0_F0F0_F0F0_F0F0;
    let lanes = (w & HIGH_NIBBLES) | ((w.wrapping_add(0x0606_0606_0606_0606) & HIGH_NIBBLES) >> 4);
    ((lanes ^ 0x3333_3333_3333_3333).trailing_zeros() / 8) as usize
}

/// The index of the first byte at or after `i` that is not an ASCII digit
/// (or `bytes.len()`), eight bytes per step.
#[inline]
fn digits_end(bytes: &[u8], mut i: usize) -> usize {
    while let Some(w) = word(bytes, i) {
        let n = leading_digits(w);
        i += n;
        if n < 8 {
            return i;
        }
    }
    while bytes.get(i).is_some_and(u8::is_ascii_digit) {
        i += 1;
    }
    i
}

/// The value of the first `n` (1 to 8) bytes of a word, all ASCII digits:
/// the digits moved to the top lanes (zeros fill those below), then summed
/// in pairs, fours and all (three multiplications, no loop).
#[inline]
fn digits_value(w: u64, n: usize) -> u64 {
    let v = (w & 0x0F0F_0F0F_0F0F_0F0F) << (8 * (8 - n));
    let v = (v.wrapping_mul(2561)) >> 8;
    let v = ((v & 0x00FF_00FF_00FF_00FF).wrapping_mul(6_553_601)) >> 16;
    ((v & 0x0000_FFFF_0000_FFFF).wrapping_mul(42_949_672_960_001)) >> 32
}

/// Whether `a` and `b` are equal: for the short strings of member names,
/// a few word comparisons inline (the last word overlapping the one before
/// it), not a call to `memcmp`.
#[inline]
fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    fn half(bytes: &[u8], i: usize) -> Option<u32> {
        let lanes: [u8; 4] = bytes.get(i..i + 4)?.try_into().ok()?;
        Some(u32::from_le_bytes(lanes))
    }
    let n = a.len();
    if n != b.len() {
        return false;
    }
    if n < 4 {
        return a == b;
    }
    if n < 8 {
        return half(a, 0) == half(b, 0) && half(a, n - 4) == half(b, n - 4);
    }
    let mut i = 0;
    while i + 8 < n {
        if word(a, i) != word(b, i) {
            return false;
        }
        i += 8;
    }
    word(a, n - 8) == word(b, n - 8)
}

/// Powers of ten up to 10^8, for the digits of one word.
const POW10_U64: [u64; 9] = [
    1,
    10,
    100,
    1_000,
    10_000,
    100_000,
    1_000_000,
    10_000_000,
    100_000_000,
];

/// The index of the first `"`, `\\` or control character at or after `i`,
/// or `bytes.len()`: eight bytes per step, each lane tested without branches
/// (a lane's high bit is set where it matches; lanes above the first match
/// may be set wrongly by borrows, so only the lowest counts). Measured here,
/// this beats sixteen-byte vector steps: most strings of API payloads are
/// short, and a vector's found lane costs more to locate than a word's.
#[inline]
fn plain_run_end(bytes: &[u8], mut i: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    while let Some(w) = word(bytes, i) {
        let quote = w ^ (ONES * u64::from(b'"'));
        let backslash = w ^ (ONES * u64::from(b'\\'));
        let found = (quote.wrapping_sub(ONES) & !quote)
            | (backslash.wrapping_sub(ONES) & !backslash)
            | (w.wrapping_sub(ONES * 0x20) & !w);
        let found = found & HIGHS;
        if found != 0 {
            return i + (found.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while let Some(&b) = bytes.get(i) {
        if b == b'"' || b == b'\\' || b < 0x20 {
            break;
        }
        i += 1;
    }
    i
}

/// Powers of ten that `f64` holds exactly.
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

impl<'de> Parser<'de> {
    /// A reader over `text`.
    pub fn new(text: &'de str) -> Self {
        Parser {
            text,
            pos: 0,
            bad_utf8: false,
            depth: 0,
            limits: Limits::default(),
        }
    }

    /// The text read.
    pub(crate) fn source(&self) -> &'de str {
        self.text
    }

    /// The offset of the next byte to read: after [`Parser::next_value`],
    /// the first byte of the value.
    pub(crate) fn offset(&self) -> usize {
        self.pos
    }

    /// The same reader under `limits`.
    pub fn with_limits(mut self, limits: Limits) -> Self {
        self.limits = limits;
        self
    }

    /// A reader over bytes: what is valid UTF-8 is read, and reaching the
    /// first byte that is not is malformed JSON at that byte.
    pub fn from_bytes(bytes: &'de [u8]) -> Self {
        match std::str::from_utf8(bytes) {
            Ok(text) => Parser::new(text),
            Err(e) => {
                let valid = bytes.get(..e.valid_up_to()).unwrap_or_default();
                Parser {
                    bad_utf8: true,
                    ..Parser::new(std::str::from_utf8(valid).unwrap_or_default())
                }
            }
        }
    }

    fn bytes(&self) -> &'de [u8] {
        self.text.as_bytes()
    }

    /// Malformed JSON at byte `at`.
    #[cold]
    #[inline(never)]
    fn error_at(&self, at: usize, message: &'static str) -> Syntax {
        let before = self.bytes().get(..at).unwrap_or(self.bytes());
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        Syntax(Box::new(Where {
            message: Cow::Borrowed(message),
            line: 1 + before.iter().filter(|&&b| b == b'\n').count(),
            column: 1 + at - line_start.min(at),
            limit: false,
        }))
    }

    /// A limit passed at byte `at`.
    #[cold]
    #[inline(never)]
    fn limit_at(&self, at: usize, message: String) -> Syntax {
        let mut error = self.error_at(at, "");
        error.0.message = Cow::Owned(message);
        error.0.limit = true;
        error
    }

    /// Enters an array or object at `self.pos`: one level deeper.
    #[inline]
    fn enter(&mut self) -> Result<(), Syntax> {
        self.depth += 1;
        if self.depth > self.limits.depth {
            return Err(self.limit_at(
                self.pos,
                format!(
                    "arrays and objects nested deeper than {} levels",
                    self.limits.depth
                ),
            ));
        }
        self.pos += 1;
        Ok(())
    }

    /// Leaves an array or object, after its closing bracket.
    #[inline]
    fn leave(&mut self) {
        self.pos += 1;
        self.depth = self.depth.saturating_sub(1);
    }

    /// The number from `start` to `end` is not too long.
    #[inline]
    fn number_length(&self, start: usize, end: usize) -> Result<(), Syntax> {
        match end - start > self.limits.number_length {
            false => Ok(()),
            true => Err(self.limit_at(
                start,
                format!(
                    "a number of more than {} characters",
                    self.limits.number_length
                ),
            )),
        }
    }

    #[cold]
    #[inline(never)]
    fn error(&self, message: &'static str) -> Syntax {
        self.error_at(self.pos, message)
    }

    /// The input ended early (`message` says inside what): or, when a byte
    /// that is not UTF-8 cut it short, that byte is the error.
    #[cold]
    #[inline(never)]
    fn eof(&self, message: &'static str) -> Syntax {
        let message = if self.bad_utf8 {
            "invalid unicode code point"
        } else {
            message
        };
        self.error_at(self.text.len(), message)
    }

    /// The next byte that is not whitespace, without consuming it.
    #[inline]
    fn peek(&mut self) -> Option<u8> {
        let bytes = self.bytes();
        while let Some(&b) = bytes.get(self.pos) {
            match b {
                // Every byte that may start a token is above the space:
                // one comparison settles most calls.
                0x21.. => return Some(b),
                b' ' | b'\n' | b'\r' | b'\t' => self.pos += 1,
                _ => return Some(b),
            }
        }
        None
    }

    /// Ends the document: nothing but whitespace may follow.
    pub fn end(&mut self) -> Result<(), Syntax> {
        match self.peek() {
            None if !self.bad_utf8 => Ok(()),
            _ => Err(self.error("trailing characters")),
        }
    }

    /// What the next value is, without consuming it.
    #[inline]
    pub fn next_value(&mut self) -> Result<Next, Syntax> {
        Ok(match self.peek() {
            Some(b'"') => Next::String,
            Some(b'-' | b'0'..=b'9') => Next::Number,
            Some(b't' | b'f') => Next::Bool,
            Some(b'n') => Next::Null,
            Some(b'[') => Next::Array,
            Some(b'{') => Next::Object,
            Some(_) => return Err(self.unexpected()),
            None => return Err(self.eof("EOF while parsing a value")),
        })
    }

    /// No value starts here: `expected value`, or, for a byte order mark
    /// (mostly before the document, as some editors write it), a message
    /// that says so (JSON text has none:
    /// RFC 8259, section 8.1; AWS refuses one as any other stray byte).
    #[cold]
    #[inline(never)]
    fn unexpected(&self) -> Syntax {
        const BOM: &[u8] = "\u{feff}".as_bytes();
        match self.bytes().get(self.pos..) {
            Some(rest) if rest.starts_with(BOM) => self.error(
                "a UTF-8 byte order mark (U+FEFF) where a value should be: JSON text has none (RFC 8259, section 8.1)",
            ),
            _ => self.error("expected value"),
        }
    }

    /// Reads the string that [`Parser::next_value`] found.
    #[inline]
    pub fn string(&mut self) -> Result<Text<'de>, Syntax> {
        self.pos += 1;
        let start = self.pos;
        let end = plain_run_end(self.bytes(), start);
        match self.bytes().get(end) {
            Some(b'"') => {
                self.pos = end + 1;
                Ok(Text::Str(self.text.get(start..end).unwrap_or_default()))
            }
            _ => {
                // Escapes (or an error): the rest is read by the general loop.
                let mut out = String::from(self.text.get(start..end).unwrap_or_default());
                self.pos = end;
                self.string_rest(Some(&mut out))?;
                Ok(Text::Owned(out))
            }
        }
    }

    /// Reads a string from `self.pos` to its closing quote: into `out`,
    /// escapes decoded; or, without `out`, only checked (escapes checked
    /// for syntax but not decoded, as a skipped value is).
    fn string_rest(&mut self, mut out: Option<&mut String>) -> Result<(), Syntax> {
        loop {
            let end = plain_run_end(self.bytes(), self.pos);
            if let Some(out) = out.as_deref_mut() {
                out.push_str(self.text.get(self.pos..end).unwrap_or_default());
            }
            self.pos = end;
            match self.bytes().get(end) {
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(());
                }
                Some(b'\\') => {
                    self.pos += 1;
                    match out.as_deref_mut() {
                        Some(out) => out.push(self.escape()?),
                        None => self.skip_escape()?,
                    }
                }
                Some(_) => {
                    return Err(self
                        .error("control character (\\u0000-\\u001F) found while parsing a string"))
                }
                None => return Err(self.eof("EOF while parsing a string")),
            }
        }
    }

    /// Checks one escape, after its `\`, without decoding it.
    fn skip_escape(&mut self) -> Result<(), Syntax> {
        match self.bytes().get(self.pos) {
            Some(b'u') => {
                self.pos += 1;
                self.hex4().map(drop)
            }
            Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => {
                self.pos += 1;
                Ok(())
            }
            Some(_) => Err(self.error("invalid escape")),
            None => Err(self.eof("EOF while parsing a string")),
        }
    }

    /// One escape, after its `\`.
    fn escape(&mut self) -> Result<char, Syntax> {
        let Some(&b) = self.bytes().get(self.pos) else {
            return Err(self.eof("EOF while parsing a string"));
        };
        self.pos += 1;
        Ok(match b {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let first = self.hex4()?;
                match first {
                    0xD800..=0xDBFF => {
                        if self.bytes().get(self.pos..self.pos + 2) != Some(b"\\u") {
                            return Err(self.error("lone leading surrogate in hex escape"));
                        }
                        self.pos += 2;
                        let second = self.hex4()?;
                        if !(0xDC00..=0xDFFF).contains(&second) {
                            return Err(self.error("lone leading surrogate in hex escape"));
                        }
                        let c = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00);
                        char::from_u32(c).ok_or_else(|| self.error("invalid unicode code point"))?
                    }
                    0xDC00..=0xDFFF => {
                        return Err(self.error("lone trailing surrogate in hex escape"))
                    }
                    c => {
                        char::from_u32(c).ok_or_else(|| self.error("invalid unicode code point"))?
                    }
                }
            }
            _ => return Err(self.error_at(self.pos - 1, "invalid escape")),
        })
    }

    /// Four hex digits of a `\u` escape.
    fn hex4(&mut self) -> Result<u32, Syntax> {
        let mut value = 0;
        for _ in 0..4 {
            let Some(&b) = self.bytes().get(self.pos) else {
                return Err(self.eof("EOF while parsing a string"));
            };
            let digit = match b {
                b'0'..=b'9' => b - b'0',
                b'a'..=b'f' => b - b'a' + 10,
                b'A'..=b'F' => b - b'A' + 10,
                _ => return Err(self.error("invalid escape")),
            };
            value = value * 16 + u32::from(digit);
            self.pos += 1;
        }
        Ok(value)
    }

    /// Skips a string, from its opening quote: escapes are checked for
    /// syntax but not decoded.
    fn skip_string(&mut self) -> Result<(), Syntax> {
        self.pos += 1;
        self.string_rest(None)
    }

    fn digits(&mut self) -> usize {
        let start = self.pos;
        let bytes = self.bytes();
        while bytes.get(self.pos).is_some_and(u8::is_ascii_digit) {
            self.pos += 1;
        }
        self.pos - start
    }

    /// Scans a number's syntax (and its length): whether it has a fraction
    /// or an exponent.
    fn scan_number(&mut self) -> Result<bool, Syntax> {
        let start = self.pos;
        let float = self.scan_number_syntax()?;
        self.number_length(start, self.pos)?;
        Ok(float)
    }

    fn scan_number_syntax(&mut self) -> Result<bool, Syntax> {
        if self.bytes().get(self.pos) == Some(&b'-') {
            self.pos += 1;
        }
        match self.bytes().get(self.pos) {
            Some(b'0') => self.pos += 1,
            Some(b'1'..=b'9') => {
                self.digits();
            }
            Some(_) => return Err(self.error("invalid number")),
            None => return Err(self.eof("EOF while parsing a number")),
        }
        let mut float = false;
        if self.bytes().get(self.pos) == Some(&b'.') {
            float = true;
            self.pos += 1;
            if self.digits() == 0 {
                return match self.bytes().get(self.pos) {
                    Some(_) => Err(self.error("invalid number")),
                    None => Err(self.eof("EOF while parsing a number")),
                };
            }
        }
        if let Some(b'e' | b'E') = self.bytes().get(self.pos) {
            float = true;
            self.pos += 1;
            if let Some(b'+' | b'-') = self.bytes().get(self.pos) {
                self.pos += 1;
            }
            if self.digits() == 0 {
                return match self.bytes().get(self.pos) {
                    Some(_) => Err(self.error("invalid number")),
                    None => Err(self.eof("EOF while parsing a number")),
                };
            }
        }
        Ok(float)
    }

    /// Reads the number that [`Parser::next_value`] found, in one pass:
    /// the digits are gathered while their syntax is checked.
    pub fn number(&mut self) -> Result<Number, Syntax> {
        let start = self.pos;
        let bytes = self.bytes();
        let negative = bytes.get(start) == Some(&b'-');
        let mut at = start + usize::from(negative);
        // Up to 19 digits cannot overflow: wrapping only past that, when
        // the count sends the number to the slow path anyway.
        let mut mantissa: u64 = 0;
        let mut digits = 0usize;
        let mut gather = |at: &mut usize| {
            let from = *at;
            // A word at a time: its leading digits, then on only if all
            // eight were digits.
            while let Some(w) = word(bytes, *at) {
                let n = leading_digits(w);
                if n == 0 {
                    return *at - from;
                }
                mantissa = mantissa
                    .wrapping_mul(POW10_U64[n])
                    .wrapping_add(digits_value(w, n));
                *at += n;
                if n < 8 {
                    return *at - from;
                }
            }
            // The last few bytes of the input.
            while let Some(&b) = bytes.get(*at) {
                if !b.is_ascii_digit() {
                    break;
                }
                mantissa = mantissa.wrapping_mul(10).wrapping_add(u64::from(b - b'0'));
                *at += 1;
            }
            *at - from
        };
        match bytes.get(at) {
            Some(b'0') => at += 1,
            Some(b'1'..=b'9') => digits = gather(&mut at),
            _ => return Err(self.malformed_number(start)),
        }
        let mut exponent: i64 = 0;
        let mut float = false;
        if bytes.get(at) == Some(&b'.') {
            at += 1;
            let fraction = gather(&mut at);
            if fraction == 0 {
                return Err(self.malformed_number(start));
            }
            digits += fraction;
            exponent -= fraction as i64;
            float = true;
        }
        if let Some(b'e' | b'E') = bytes.get(at) {
            at += 1;
            let sign = match bytes.get(at) {
                Some(b'-') => -1,
                Some(b'+') => 1,
                _ => 0,
            };
            at += usize::from(sign != 0);
            let from = at;
            let mut e: i64 = 0;
            while let Some(&b) = bytes.get(at).filter(|b| b.is_ascii_digit()) {
                e = (e * 10 + i64::from(b - b'0')).min(1 << 40);
                at += 1;
            }
            if at == from {
                return Err(self.malformed_number(start));
            }
            exponent += if sign < 0 { -e } else { e };
            float = true;
        }
        self.number_length(start, at)?;
        self.pos = at;
        if digits <= 19 {
            if !float {
                // As serde_json: `-0` and negatives beyond i64 are floats.
                return Ok(match negative {
                    false => Number::U64(mantissa),
                    true => match (mantissa as i64).wrapping_neg() {
                        n if n < 0 => Number::I64(n),
                        _ => Number::F64(-(mantissa as f64)),
                    },
                });
            }
            // Clinger's fast path: an exact mantissa and an exact power of
            // ten, so one rounding gives the correctly rounded value.
            if mantissa <= 1 << 53 && (-22..=22).contains(&exponent) {
                let m = mantissa as f64;
                let f = match usize::try_from(exponent) {
                    Ok(e) => m * POW10[e],
                    Err(_) => m / POW10[exponent.unsigned_abs() as usize],
                };
                return Ok(Number::F64(if negative { -f } else { f }));
            }
        }
        if !float {
            let text = self.text.get(start..at).unwrap_or_default();
            if let Ok(n) = text.parse::<u64>() {
                return Ok(Number::U64(n));
            }
        }
        match self.text.get(start..at).unwrap_or_default().parse::<f64>() {
            Ok(f) if f.is_finite() => Ok(Number::F64(f)),
            _ => Err(self.error_at(start, "number out of range")),
        }
    }

    /// The error for a number whose syntax is wrong: where and why.
    #[cold]
    #[inline(never)]
    fn malformed_number(&mut self, start: usize) -> Syntax {
        self.pos = start;
        match self.scan_number_syntax() {
            Err(e) => e,
            Ok(_) => self.error_at(start, "invalid number"),
        }
    }

    /// Reads the number that [`Parser::next_value`] found for its syntax
    /// and size alone, without its value: what a check that builds nothing
    /// needs to settle most rules (a timestamp's range, an integer's) at the
    /// cost of finding the number's end. The syntax and the length limit are
    /// checked as [`Parser::number`] checks them; a number whose value is
    /// needed after all is read again by [`Parser::number_at`].
    #[inline]
    pub(crate) fn skim_number(&mut self) -> Result<Extent, Syntax> {
        let start = self.pos;
        let bytes = self.bytes();
        let negative = bytes.get(start) == Some(&b'-');
        let first = start + usize::from(negative);
        let mut at = match bytes.get(first) {
            Some(b'0') => first + 1,
            Some(b'1'..=b'9') => digits_end(bytes, first + 1),
            _ => return Err(self.malformed_number(start)),
        };
        let integer_digits = at - first;
        let fraction = bytes.get(at) == Some(&b'.');
        if fraction {
            let end = digits_end(bytes, at + 1);
            if end == at + 1 {
                return Err(self.malformed_number(start));
            }
            at = end;
        }
        let exponent = matches!(bytes.get(at), Some(b'e' | b'E'));
        if exponent {
            at += 1;
            at += usize::from(matches!(bytes.get(at), Some(b'+' | b'-')));
            let end = digits_end(bytes, at);
            if end == at {
                return Err(self.malformed_number(start));
            }
            at = end;
        }
        self.number_length(start, at)?;
        self.pos = at;
        Ok(Extent {
            start,
            negative,
            integer_digits,
            fraction,
            exponent,
        })
    }

    /// The value of the number that [`Parser::skim_number`] read, read
    /// again from its start.
    pub(crate) fn number_at(&mut self, extent: Extent) -> Result<Number, Syntax> {
        self.pos = extent.start;
        self.number()
    }

    /// Reads `true`, `false` or `null`, whichever [`Parser::next_value`] found.
    pub fn literal(&mut self) -> Result<Option<bool>, Syntax> {
        let (word, value): (&[u8], _) = match self.bytes().get(self.pos) {
            Some(b't') => (b"true", Some(true)),
            Some(b'f') => (b"false", Some(false)),
            _ => (b"null", None),
        };
        for &expected in word {
            match self.bytes().get(self.pos) {
                Some(&b) if b == expected => self.pos += 1,
                Some(_) => return Err(self.error("expected ident")),
                None => return Err(self.eof("EOF while parsing a value")),
            }
        }
        Ok(value)
    }

    /// Enters the array that [`Parser::next_value`] found.
    #[inline]
    pub fn array(&mut self) -> Result<Items<'_, 'de>, Syntax> {
        self.enter()?;
        Ok(Items {
            p: self,
            first: true,
        })
    }

    /// Enters the object that [`Parser::next_value`] found.
    #[inline]
    pub fn object(&mut self) -> Result<Members<'_, 'de>, Syntax> {
        let start = self.pos;
        self.enter()?;
        Ok(Members {
            p: self,
            first: true,
            start,
        })
    }

    /// Skips one value of any type, checking its syntax, without recursion.
    pub fn skip_value(&mut self) -> Result<(), Syntax> {
        self.skip(Vec::new(), Skip::Value)
    }

    /// The skipping machine: `open` holds the containers entered so far and
    /// not left (`true` for an object), each counted in `depth`; `state`
    /// what comes next.
    fn skip(&mut self, mut open: Vec<bool>, mut state: Skip) -> Result<(), Syntax> {
        loop {
            state = match state {
                Skip::Value => match self.next_value()? {
                    Next::String => {
                        self.skip_string()?;
                        Skip::After
                    }
                    Next::Number => {
                        self.scan_number()?;
                        Skip::After
                    }
                    Next::Bool | Next::Null => {
                        self.literal()?;
                        Skip::After
                    }
                    Next::Array => {
                        self.enter()?;
                        open.push(false);
                        Skip::First
                    }
                    Next::Object => {
                        self.enter()?;
                        open.push(true);
                        Skip::First
                    }
                },
                Skip::First => match (self.peek(), open.last()) {
                    (Some(b']'), Some(false)) | (Some(b'}'), Some(true)) => {
                        self.leave();
                        open.pop();
                        Skip::After
                    }
                    (_, Some(true)) => Skip::Key,
                    _ => Skip::Value,
                },
                Skip::Key => {
                    self.key_start()?;
                    self.skip_string()?;
                    self.colon()?;
                    Skip::Value
                }
                Skip::After => {
                    let Some(&object) = open.last() else {
                        return Ok(());
                    };
                    match self.peek() {
                        Some(b',') => {
                            self.pos += 1;
                            if object {
                                Skip::Key
                            } else {
                                self.no_trailing_comma(b']')?;
                                Skip::Value
                            }
                        }
                        Some(b']') if !object => {
                            self.leave();
                            open.pop();
                            Skip::After
                        }
                        Some(b'}') if object => {
                            self.leave();
                            open.pop();
                            Skip::After
                        }
                        Some(_) if object => return Err(self.error("expected `,` or `}`")),
                        Some(_) => return Err(self.error("expected `,` or `]`")),
                        None if object => return Err(self.eof("EOF while parsing an object")),
                        None => return Err(self.eof("EOF while parsing a list")),
                    }
                }
            }
        }
    }

    fn no_trailing_comma(&mut self, close: u8) -> Result<(), Syntax> {
        match self.peek() {
            Some(b) if b == close => Err(self.error("trailing comma")),
            _ => Ok(()),
        }
    }

    /// Moves to the next element of an array or object: past the `,`
    /// before it (none before the first, which `first` says and this
    /// clears), or past the container's close at the end (`false`).
    #[inline(always)]
    fn next_element(&mut self, first: &mut bool, container: Container) -> Result<bool, Syntax> {
        let first = std::mem::replace(first, false);
        match self.peek() {
            Some(b) if b == container.close => {
                self.leave();
                Ok(false)
            }
            Some(b',') if !first => {
                self.pos += 1;
                Ok(true)
            }
            Some(_) if first => Ok(true),
            Some(_) => Err(self.error(container.expected)),
            None => Err(self.eof(container.eof)),
        }
    }

    /// Expects the opening quote of a member name.
    #[inline]
    fn key_start(&mut self) -> Result<(), Syntax> {
        match self.peek() {
            Some(b'"') => Ok(()),
            Some(b'}') => Err(self.error("trailing comma")),
            Some(_) => Err(self.error("key must be a string")),
            None => Err(self.eof("EOF while parsing an object")),
        }
    }

    #[inline]
    pub(crate) fn colon(&mut self) -> Result<(), Syntax> {
        match self.peek() {
            Some(b':') => {
                self.pos += 1;
                Ok(())
            }
            Some(_) => Err(self.error("expected `:`")),
            None => Err(self.eof("EOF while parsing an object")),
        }
    }
}

/// Where the skipping machine is.
#[derive(Clone, Copy)]
enum Skip {
    /// A value comes next.
    Value,
    /// Just inside a container: its end or its first item or member.
    First,
    /// A member name, then `:`.
    Key,
    /// After a value: `,`, or the end of the container.
    After,
}

/// The type of the next value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Next {
    /// A string.
    String,
    /// A number.
    Number,
    /// `true` or `false`.
    Bool,
    /// `null`.
    Null,
    /// An array.
    Array,
    /// An object.
    Object,
}

/// An array or an object, for moving between its elements: its closing
/// byte, and the errors of reading one.
#[derive(Clone, Copy)]
struct Container {
    /// The byte that ends it.
    close: u8,
    /// Neither a `,` nor the close where one is due.
    expected: &'static str,
    /// The input ended inside it.
    eof: &'static str,
}

/// An array.
const ARRAY: Container = Container {
    close: b']',
    expected: "expected `,` or `]`",
    eof: "EOF while parsing a list",
};

/// An object.
const OBJECT: Container = Container {
    close: b'}',
    expected: "expected `,` or `}`",
    eof: "EOF while parsing an object",
};

/// The items of an array being read.
pub struct Items<'p, 'de> {
    p: &'p mut Parser<'de>,
    first: bool,
}

impl<'de> Items<'_, 'de> {
    /// Moves to the next item: `false` at the end of the array.
    #[inline]
    pub fn next_item(&mut self) -> Result<bool, Syntax> {
        let more = self.p.next_element(&mut self.first, ARRAY)?;
        if more {
            self.p.no_trailing_comma(b']')?;
        }
        Ok(more)
    }

    /// The reader, at the item [`Items::next_item`] moved to.
    pub fn parser(&mut self) -> &mut Parser<'de> {
        self.p
    }

    /// Skips the rest of the array.
    pub fn skip_rest(self) -> Result<(), Syntax> {
        let state = if self.first { Skip::First } else { Skip::After };
        self.p.skip(vec![false], state)
    }
}

/// The members of an object being read.
pub struct Members<'p, 'de> {
    p: &'p mut Parser<'de>,
    first: bool,
    start: usize,
}

impl<'p, 'de> Members<'p, 'de> {
    /// The next member's name, with the reader at its value: `None` at the
    /// end of the object.
    #[inline(always)]
    pub fn next_key(&mut self) -> Result<Option<Text<'de>>, Syntax> {
        Ok(match self.next_member()? {
            true => Some(self.key()?),
            false => None,
        })
    }

    /// Moves to the next member, at its name: `false` at the end of the
    /// object. [`Members::key`] or [`Members::key_is`] reads the name.
    #[inline(always)]
    pub fn next_member(&mut self) -> Result<bool, Syntax> {
        let more = self.p.next_element(&mut self.first, OBJECT)?;
        if more {
            self.p.key_start()?;
        }
        Ok(more)
    }

    /// The name of the member [`Members::next_member`] moved to, with the
    /// reader at its value.
    #[inline(always)]
    pub fn key(&mut self) -> Result<Text<'de>, Syntax> {
        let key = self.p.string()?;
        self.p.colon()?;
        Ok(key)
    }

    /// Whether the name of the member [`Members::next_member`] moved to is
    /// written exactly as `name`: if it is, the name is taken, with the
    /// reader at the value; if not, nothing is. One comparison instead of a
    /// scan, for a name that is likely to come. `name` must be plain (no
    /// `"`, `\` or control characters), as the model's member names are:
    /// then the written name equals `name` exactly when its text does.
    #[inline]
    pub fn key_is(&mut self, name: &str) -> Result<bool, Syntax> {
        let p = &mut *self.p;
        let start = p.pos + 1;
        let end = start + name.len();
        let bytes = p.bytes();
        let written = bytes.get(start..end).unwrap_or_default();
        if same_bytes(written, name.as_bytes()) && bytes.get(end) == Some(&b'"') {
            p.pos = end + 1;
            p.colon()?;
            return Ok(true);
        }
        Ok(false)
    }

    /// The reader, at the value of the member [`Members::next_key`] named.
    pub fn parser(&mut self) -> &mut Parser<'de> {
        self.p
    }

    /// Skips the value of the member [`Members::next_key`] named.
    pub fn skip_value(&mut self) -> Result<(), Syntax> {
        self.p.skip_value()
    }

    /// Skips the rest of the object.
    pub fn skip_rest(self) -> Result<(), Syntax> {
        self.read_rest().map(drop)
    }

    /// Skips the rest of the object, and gives back the reader after it.
    fn read_rest(self) -> Result<&'p mut Parser<'de>, Syntax> {
        let state = if self.first { Skip::First } else { Skip::After };
        self.p.skip(vec![true], state)?;
        Ok(self.p)
    }

    /// Skips the rest of the object, and gives the whole object's text.
    pub fn rest_as_text(self) -> Result<&'de str, Syntax> {
        let start = self.start;
        let p = self.read_rest()?;
        Ok(p.text.get(start..p.pos).unwrap_or_default())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn skip(json: &str) -> Result<(), Syntax> {
        let mut p = Parser::new(json);
        p.skip_value()?;
        p.end()
    }

    #[test]
    fn the_plain_run_ends_at_the_first_quote_backslash_or_control_character_in_any_lane() {
        for len in 0..40 {
            for special in [b'"', b'\\', 0x00, 0x1f] {
                let mut bytes = vec![b'a'; len];
                bytes.extend([special, b'"', b'\\', 0]);
                for at in [0, 3] {
                    assert_eq!(plain_run_end(&bytes, at), len.max(at), "{len} {special}");
                }
            }
            // Bytes just above the boundaries, and multi-byte characters, are plain.
            let bytes = " !#[]~\u{7f}é€😀".repeat(len);
            assert_eq!(plain_run_end(bytes.as_bytes(), 0), bytes.len());
        }
    }

    #[test]
    fn numbers_are_classified_as_serde_json_classifies_them() {
        for text in [
            "0",
            "-0",
            "1",
            "-1",
            "9223372036854775807",
            "9223372036854775808",
            "-9223372036854775808",
            "-9223372036854775809",
            "18446744073709551615",
            "18446744073709551616",
            "12345678901234567890",
            "99999999999999999999",
            "-12345678901234567890",
            "1.00000000000000000000001",
            "9007199254740993.0",
            "9007199254740993e-3",
            "1.5",
            "-0.0",
            "1e5",
            "1E+5",
            "1e-5",
            "1700000000.123456",
            "1700015834.047",
            "0.12345678901234567",
            "123456781234567812",
            "0.1",
            "123456789012345.6",
            "1234567890123456.7",
            "2.2250738585072014e-308",
            "4.9e-324",
            "1.7976931348623157e308",
            "0e999",
            "0.000000000000000000000000000001e30",
        ] {
            let ours = Parser::new(text).number().expect(text);
            let theirs: serde_json::Number = serde_json::from_str(text).expect(text);
            let same = match ours {
                Number::U64(n) => theirs.as_u64() == Some(n),
                Number::I64(n) => theirs.as_i64() == Some(n) && theirs.as_u64().is_none(),
                Number::F64(f) => {
                    theirs.is_f64() && text.parse::<f64>().map(f64::to_bits) == Ok(f.to_bits())
                }
            };
            assert!(same, "{text}: {ours:?} vs {theirs:?}");
        }
        for text in ["1e400", "-1e400", "1.7976931348623157e309"] {
            let err = Parser::new(text).number().expect_err(text);
            assert_eq!(err.message(), "number out of range");
        }
    }

    #[test]
    fn a_word_gives_its_leading_digits_and_their_value() {
        let word = |s: &[u8; 8]| u64::from_le_bytes(*s);
        for (text, n, value) in [
            (b"12345678", 8, 12_345_678),
            (b"00000000", 8, 0),
            (b"99999999", 8, 99_999_999),
            (b"1234567.", 7, 1_234_567),
            (b"047,\"ima", 3, 47),
            (b"9}      ", 1, 9),
            (b"12345 78", 5, 12_345),
            (b"1234567\xff", 7, 1_234_567),
            (b"1\xfa345678", 1, 1),
        ] {
            let w = word(text);
            assert_eq!(leading_digits(w), n, "{text:?}");
            assert_eq!(digits_value(w, n), value, "{text:?}");
        }
        for not in [
            b"/2345678",
            b":2345678",
            b" 1234567",
            b"\xff2345678",
            b"-1234567",
        ] {
            assert_eq!(leading_digits(word(not)), 0, "{not:?}");
        }
        // Every byte value in every lane, after digits: the count stops there.
        for lane in 0..8 {
            for b in 0..=255u8 {
                let mut text = *b"55555555";
                text[lane] = b;
                let expected = if b.is_ascii_digit() { 8 } else { lane };
                assert_eq!(leading_digits(word(&text)), expected, "{text:?}");
            }
        }
    }

    #[test]
    fn malformed_numbers_are_refused() {
        for text in [
            "01", "-", "1.", "1.e5", "1e", "1e+", ".5", "+1", "-a", "1.5.5",
        ] {
            assert!(skip(text).is_err(), "{text}");
        }
    }

    #[test]
    fn strings_unescape_every_escape_and_refuse_broken_ones() {
        let mut p = Parser::new(r#""a\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00z""#);
        match p.string().expect("string") {
            Text::Owned(s) => assert_eq!(s, "a\"\\/\u{8}\u{c}\n\r\té😀z"),
            Text::Str(s) => panic!("borrowed {s:?}"),
        }
        for (text, message) in [
            (r#""\x""#, "invalid escape"),
            (r#""\u12""#, "invalid escape"),
            (r#""\ud800""#, "lone leading surrogate in hex escape"),
            (r#""\ud800\u0041""#, "lone leading surrogate in hex escape"),
            (r#""\udc00""#, "lone trailing surrogate in hex escape"),
            (
                "\"a\u{1}\"",
                "control character (\\u0000-\\u001F) found while parsing a string",
            ),
            (r#""abc"#, "EOF while parsing a string"),
        ] {
            let err = Parser::new(text).string().expect_err(text);
            assert_eq!(err.message(), message, "{text}");
        }
        // Skipped, a lone surrogate is well-formed JSON.
        assert!(skip(r#"["\ud800", "\udfff"]"#).is_ok());
        assert!(skip(r#""\x""#).is_err());
    }

    #[test]
    fn skipping_checks_the_syntax_of_every_container() {
        for ok in [
            "[]",
            "{}",
            " [ 1 , [ ] , { } , { \"a\" : [ null , true , false ] } ] ",
            r#"{"a":{"b":{"c":[1e400]}}}"#,
        ] {
            assert_eq!(skip(ok), Ok(()), "{ok}");
        }
        for (bad, message) in [
            ("[1,]", "trailing comma"),
            (r#"{"a":1,}"#, "trailing comma"),
            ("[1 2]", "expected `,` or `]`"),
            (r#"{"a":1 "b":2}"#, "expected `,` or `}`"),
            (r#"{"a" 1}"#, "expected `:`"),
            ("{1:2}", "key must be a string"),
            ("[1}", "expected `,` or `]`"),
            ("[", "EOF while parsing a value"),
            ("[1", "EOF while parsing a list"),
            (r#"{"a":1"#, "EOF while parsing an object"),
            ("tru", "EOF while parsing a value"),
            ("trve", "expected ident"),
            ("[] []", "trailing characters"),
        ] {
            assert_eq!(
                skip(bad).map_err(|e| e.message().to_string()),
                Err(message.to_string()),
                "{bad}"
            );
        }
    }

    #[test]
    fn errors_give_the_line_and_column_of_the_offending_byte() {
        let err = skip("[1,\n 2,\n x]").expect_err("x");
        assert_eq!((err.line(), err.column()), (3, 2));
        let err = skip("").expect_err("empty");
        assert_eq!((err.line(), err.column()), (1, 1));
    }

    #[test]
    fn bytes_that_are_not_utf8_end_the_text_where_they_start() {
        let mut p = Parser::from_bytes(b"[\"a\xffb\"]");
        let err = p.skip_value().expect_err("bad byte");
        assert_eq!(
            (err.message(), err.column()),
            ("invalid unicode code point", 4)
        );
        let mut p = Parser::from_bytes(b"[] \xff");
        p.skip_value().expect("the array");
        assert_eq!(
            p.end().map_err(|e| e.message().to_string()),
            Err("trailing characters".to_string())
        );
    }

    #[test]
    fn deep_nesting_is_skipped_without_recursion() {
        let unlimited = Limits {
            depth: usize::MAX,
            ..Limits::default()
        };
        let skip_all = |json: &str| {
            let mut p = Parser::new(json).with_limits(unlimited);
            p.skip_value().and_then(|()| p.end())
        };
        let deep = format!("{}{}", "[".repeat(1_000_000), "]".repeat(1_000_000));
        assert_eq!(skip_all(&deep), Ok(()));
        let deep = format!("{}1{}", r#"{"a":"#.repeat(500_000), "}".repeat(500_000));
        assert_eq!(skip_all(&deep), Ok(()));
    }

    #[test]
    fn nesting_is_refused_past_the_depth_limit_where_it_passes_it() {
        for (open, close) in [("[", "]"), (r#"{"a":"#, "}")] {
            let at = |depth: usize| format!("{}1{}", open.repeat(depth), close.repeat(depth));
            assert_eq!(skip(&at(1000)), Ok(()));
            let err = skip(&at(1001)).expect_err("1001 levels");
            assert!(err.is_limit());
            assert_eq!(
                err.message(),
                "arrays and objects nested deeper than 1000 levels"
            );
            assert_eq!(err.column(), 1000 * open.len() + 1);
        }
        // Levels left are levels no longer counted.
        let wide = format!("[{}]", vec!["[[]]"; 2000].join(","));
        assert_eq!(skip(&wide), Ok(()));
    }

    #[test]
    fn numbers_are_refused_past_the_length_limit() {
        // A fraction, a negative fraction and an exponent, padded with zeros
        // to 1,000 characters and to 1,001.
        for (head, tail) in [("0.", "1"), ("-0.", "1"), ("1e", "5")] {
            let number = |len: usize| format!("{head}{}{tail}", "0".repeat(len - head.len() - 1));
            let (fits, long) = (number(1000), number(1001));
            assert_eq!((fits.len(), long.len()), (1000, 1001));
            assert!(Parser::new(&fits).number().is_ok(), "{head}");
            assert_eq!(skip(&fits), Ok(()), "{head}");
            for err in [
                Parser::new(&long).number().expect_err("read"),
                skip(&long).expect_err("skipped"),
            ] {
                assert!(err.is_limit(), "{head}");
                assert_eq!(err.message(), "a number of more than 1000 characters");
            }
        }
    }

    #[test]
    fn bytes_are_the_same_only_when_every_byte_is() {
        for n in 0..40 {
            let a: Vec<u8> = (0..n).map(|i| b'a' + (i % 26) as u8).collect();
            assert!(same_bytes(&a, &a.clone()), "{n}");
            for at in 0..n {
                let mut b = a.clone();
                b[at] ^= 0x20;
                assert!(!same_bytes(&a, &b), "{n} {at}");
            }
            assert!(!same_bytes(&a, &a[..n.saturating_sub(1)]) || n == 0, "{n}");
        }
    }

    #[test]
    fn a_guessed_name_is_taken_only_when_written_exactly_so() {
        // A member named some way, then `:`, then `1`; the name when it
        // is not taken.
        for (text, other) in [
            (r#"{"ab":1}"#, None),
            (r#"{ "ab" : 1}"#, None),
            (r#"{"abc":1}"#, Some("abc")),
            (r#"{"a":1}"#, Some("a")),
            (r#"{"ba":1}"#, Some("ba")),
            (r#"{"a\\b":1}"#, Some("a\\b")),
        ] {
            let mut p = Parser::new(text);
            let mut members = p.object().expect("an object");
            assert!(members.next_member().expect(text), "{text}");
            assert_eq!(members.key_is("ab").expect(text), other.is_none(), "{text}");
            if let Some(other) = other {
                // Nothing was taken: the name is still there to read.
                assert_eq!(&*members.key().expect(text), other, "{text}");
            }
            let p = members.parser();
            assert_eq!(p.next_value(), Ok(Next::Number), "{text}");
            let one = p.number().expect(text);
            assert!(matches!(one, Number::U64(1)), "{text}");
            assert!(!members.next_member().expect(text), "{text}");
        }
        // An escaped name equal to the guess is read, and decoded, by `key`.
        let mut p = Parser::new(r#"{"a\u0062":1}"#);
        let mut members = p.object().expect("an object");
        assert!(members.next_member().expect("a member"));
        assert!(!members.key_is("ab").expect("no syntax error"));
        assert_eq!(&*members.key().expect("a name"), "ab");
        // A taken name still needs its `:`; and a name cut short is not taken.
        let mut p = Parser::new(r#"{"ab" 1}"#);
        let mut members = p.object().expect("an object");
        assert!(members.next_member().expect("a member"));
        let err = members.key_is("ab").expect_err("no colon");
        assert_eq!(err.message(), "expected `:`");
        let mut p = Parser::new(r#"{"ab"#);
        let mut members = p.object().expect("an object");
        assert!(members.next_member().expect("a member"));
        assert!(!members.key_is("ab").expect("nothing taken"));
    }
}

#[cfg(test)]
mod against_serde_json;
