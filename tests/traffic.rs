//! Recorded traffic: HAR files and aws-smithy dvr recordings read exchange
//! by exchange and checked. The moto recordings
//! (`tests/recordings/`, written by its
//! `record_traffic.py`) hold the same exchanges in both formats; the rest
//! are recordings written here, each for one case.
#![cfg(feature = "traffic")]

use std::io::Read;
use std::ops::ControlFlow;
use std::path::Path;

use ecr_models::traffic::{self, Exchange, Format, Reply, Side};
use ecr_models::{Code, Error, Options, Service};
use serde_json::{json, Value};

fn recording(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/recordings")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Each exchange as (index, operation, [(side, status, codes)]), `None`
/// for skipped traffic.
type Verdicts = Vec<(usize, Option<(String, Vec<(Side, Option<u16>, Vec<Code>)>)>)>;

/// The code of each violation of a verdict; none when it is valid.
fn verdict_codes(verdict: &Result<(), Error>) -> Vec<Code> {
    match verdict {
        Ok(()) => vec![],
        Err(e) => e.violations().iter().map(|v| v.code).collect(),
    }
}

fn verdicts(bytes: &[u8], opts: &Options) -> Verdicts {
    let exchanges = traffic::read_all(bytes).expect("a readable recording");
    exchanges
        .iter()
        .map(|exchange| {
            let checked = traffic::check(exchange, opts).map(|c| {
                let sides = c
                    .sides
                    .iter()
                    .map(|s| (s.side, s.status, verdict_codes(&s.verdict)))
                    .collect();
                (c.operation.to_string(), sides)
            });
            (exchange.index, checked)
        })
        .collect()
}

/// What the moto recordings must give, exchange by exchange, from what
/// `record_traffic.py` recorded and edited (see its docs).
fn moto_expected() -> Verdicts {
    use Side::{Error as E, Request as Q, Response as R};
    let ok = |op: &str, side: Side, status: u16| {
        Some((
            op.to_string(),
            vec![(Q, None, vec![]), (side, Some(status), vec![])],
        ))
    };
    vec![
        (1, ok("CreateRepository", R, 200)),
        // RepositoryAlreadyExistsException.
        (2, ok("CreateRepository", E, 400)),
        // "MyRepo" breaks RepositoryName's pattern; moto refuses it with an
        // InvalidParameterException, which the operation declares.
        (
            3,
            Some((
                "CreateRepository".into(),
                vec![(Q, None, vec![Code::Pattern]), (E, Some(400), vec![])],
            )),
        ),
        (4, ok("DescribeRepositories", R, 200)),
        (5, ok("DescribeRepositories", E, 400)),
        (6, ok("GetAuthorizationToken", R, 200)),
        // STS: no X-Amz-Target.
        (7, None),
        (8, ok("PutImage", R, 200)),
        (9, ok("ListImages", R, 200)),
        (10, ok("DescribeImages", R, 200)),
        (11, ok("DeleteRepository", E, 400)),
        // The response stored base64.
        (12, ok("ListImages", R, 200)),
        // The response gzip-encoded.
        (13, ok("DescribeImages", R, 200)),
        // The error named only by X-Amzn-ErrorType.
        (14, ok("DeleteRepository", E, 400)),
        (
            15,
            Some((
                "DescribeRepositoriez".into(),
                vec![(Q, None, vec![Code::UnknownOperation])],
            )),
        ),
        (
            16,
            Some((
                "ListImages".into(),
                vec![(Q, None, vec![]), (R, None, vec![Code::NoResponse])],
            )),
        ),
    ]
}

#[test]
fn the_moto_har_gives_the_expected_verdict_for_every_exchange_and_side() {
    let har = recording("moto.har");
    assert_eq!(verdicts(&har, &Options::new()), moto_expected());
    // The recorded exchanges are valid in strict mode too.
    assert_eq!(
        verdicts(&har, &Options::new().strict(true)),
        moto_expected()
    );
}

#[test]
fn the_moto_dvr_recording_gives_the_same_verdicts_as_the_har() {
    let dvr = recording("moto.dvr.json");
    assert_eq!(verdicts(&dvr, &Options::new()), moto_expected());
}

#[test]
fn both_formats_decode_the_same_bodies() {
    let har = traffic::read_all(&recording("moto.har")[..]).unwrap();
    let dvr = traffic::read_all(&recording("moto.dvr.json")[..]).unwrap();
    assert_eq!(har.len(), 16);
    // The HAR's lost exchange says why; the dvr recording just ends.
    for (h, d) in har.iter().zip(&dvr).take(15) {
        assert_eq!(h, d, "exchange {}", h.index);
    }
    assert_eq!(
        har[15].reply,
        Reply::Failed("net::ERR_CONNECTION_RESET".into())
    );
    assert_eq!(dvr[15].reply, Reply::Missing);
    // The gzip-encoded body decodes to the plain one recorded before it.
    let body = |e: &Exchange| match &e.reply {
        Reply::Received(r) => r.body.clone().unwrap(),
        other => panic!("{other:?}"),
    };
    assert_eq!(body(&har[12]), body(&har[9]));
    assert_eq!(body(&har[11]), body(&har[8]));
}

/// A HAR of the given entries.
fn har(entries: Value) -> Vec<u8> {
    serde_json::to_vec(
        &json!({"log": {"version": "1.2", "creator": {"name": "t"}, "entries": entries}}),
    )
    .unwrap()
}

fn entry(target: &str, request: &str, status: u16, headers: Value, content: Value) -> Value {
    json!({
        "request": {"method": "POST", "url": "https://api.ecr.eu-west-1.amazonaws.com/",
            "headers": [{"name": "x-amz-target", "value": target},
                        {"name": "authorization", "value": "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/secret"}],
            "postData": {"mimeType": "application/x-amz-json-1.1", "text": request}},
        "response": {"status": status, "headers": headers, "content": content},
    })
}

fn codes(exchange: &Exchange) -> Vec<(Side, Vec<Code>)> {
    traffic::check(exchange, &Options::new())
        .expect("ECR traffic")
        .sides
        .iter()
        .map(|s| (s.side, verdict_codes(&s.verdict)))
        .collect()
}

/// Asserts that the request of `exchange` is valid and that its reply, on
/// `side`, has exactly the violations `expected`.
fn assert_reply(exchange: &Exchange, side: Side, expected: &[Code]) {
    assert_eq!(
        codes(exchange),
        [(Side::Request, vec![]), (side, expected.to_vec())],
        "exchange {}",
        exchange.index
    );
}

#[test]
fn headers_are_found_in_any_case_and_an_ecr_public_exchange_is_checked_too() {
    let bytes = har(json!([entry(
        "SpencerFrontendService.CreateRepository",
        r#"{"repositoryName": "team/app"}"#,
        400,
        json!([{"name": "X-AMZN-ERRORTYPE", "value": "RepositoryAlreadyExistsException"}]),
        json!({"mimeType": "application/x-amz-json-1.1", "text": r#"{"message": "exists"}"#}),
    )]));
    let exchanges = traffic::read_all(&bytes[..]).unwrap();
    let checked = traffic::check(&exchanges[0], &Options::new()).unwrap();
    assert_eq!(
        (checked.service, checked.operation),
        (Service::EcrPublic, "CreateRepository")
    );
    assert_reply(&exchanges[0], Side::Error, &[]);
}

#[test]
fn a_body_marked_base64_that_is_not_and_a_gzip_body_that_is_not_are_violations_of_their_side() {
    let bytes = har(json!([
        entry(
            "AmazonEC2ContainerRegistry_V20150921.ListImages",
            r#"{"repositoryName": "app"}"#,
            200,
            json!([]),
            json!({"mimeType": "", "text": "not base64!", "encoding": "base64"}),
        ),
        entry(
            "AmazonEC2ContainerRegistry_V20150921.ListImages",
            r#"{"repositoryName": "app"}"#,
            200,
            json!([{"name": "Content-Encoding", "value": "gzip"}]),
            // The gzip magic, then nothing a gzip stream can be.
            json!({"mimeType": "", "text": "H4sIAAAAAAAAA///", "encoding": "base64"}),
        ),
    ]));
    let exchanges = traffic::read_all(&bytes[..]).unwrap();
    assert_reply(&exchanges[0], Side::Response, &[Code::Base64]);
    assert_reply(&exchanges[1], Side::Response, &[Code::Syntax]);
}

#[test]
fn a_gzip_body_stored_already_decoded_under_its_header_is_read_as_it_is() {
    let bytes = har(json!([entry(
        "AmazonEC2ContainerRegistry_V20150921.ListImages",
        r#"{"repositoryName": "app"}"#,
        200,
        json!([{"name": "content-encoding", "value": "gzip"}]),
        json!({"mimeType": "application/x-amz-json-1.1", "text": r#"{"imageIds": []}"#}),
    )]));
    let exchanges = traffic::read_all(&bytes[..]).unwrap();
    assert_reply(&exchanges[0], Side::Response, &[]);
}

/// A dvr recording of the given events.
fn dvr(events: Value) -> Vec<u8> {
    serde_json::to_vec(&json!({"events": events, "docs": null, "version": "V0"})).unwrap()
}

fn request_event(connection: u64, target: &str) -> Value {
    json!({"connection_id": connection, "action": {"Request": {"request": {
        "uri": "https://api.ecr.us-east-1.amazonaws.com/",
        "headers": {"x-amz-target": [target], "authorization": ["AWS4-HMAC-SHA256 secret"]},
        "method": "POST"}}}})
}

fn data_event(connection: u64, direction: &str, data: Value) -> Value {
    json!({"connection_id": connection, "action": {"Data": {"data": data, "direction": direction}}})
}

fn eof_event(connection: u64, direction: &str, ok: bool) -> Value {
    json!({"connection_id": connection, "action": {"Eof": {"ok": ok, "direction": direction}}})
}

fn response_event(connection: u64, status: u16, headers: Value) -> Value {
    json!({"connection_id": connection, "action": {"Response": {"response": {"Ok": {"status": status, "headers": headers}}}}})
}

#[test]
fn dvr_bodies_are_put_together_from_utf8_and_base64_pieces_in_order() {
    // `{"repositoryName": "app"}` in three pieces, the middle one base64.
    let bytes = dvr(json!([
        request_event(7, "AmazonEC2ContainerRegistry_V20150921.CreateRepository"),
        data_event(7, "Request", json!({"Utf8": "{\"repositoryName\""})),
        data_event(7, "Request", json!({"Base64": "OiAi"})), // `: "`
        data_event(7, "Request", json!({"Utf8": "app\"}"})),
        eof_event(7, "Request", true),
        response_event(
            7,
            400,
            json!({"x-amzn-errortype": ["RepositoryAlreadyExistsException:http://internal.amazon.com/"]})
        ),
        data_event(7, "Response", json!({"Utf8": "{}"})),
        eof_event(7, "Response", true),
    ]));
    let exchanges = traffic::read_all(&bytes[..]).unwrap();
    assert_eq!(exchanges.len(), 1);
    assert_eq!(
        exchanges[0].request.as_deref().unwrap(),
        br#"{"repositoryName": "app"}"#
    );
    assert_reply(&exchanges[0], Side::Error, &[]);
}

#[test]
fn a_failed_dvr_call_and_a_response_stream_that_broke_are_reported() {
    let bytes = dvr(json!([
        request_event(0, "AmazonEC2ContainerRegistry_V20150921.DescribeRegistry"),
        data_event(0, "Request", json!({"Utf8": "{}"})),
        eof_event(0, "Request", true),
        {"connection_id": 0, "action": {"Response": {"response": {"Err": "dispatch failure: io error"}}}},
        request_event(1, "AmazonEC2ContainerRegistry_V20150921.DescribeRegistry"),
        data_event(1, "Request", json!({"Utf8": "{}"})),
        eof_event(1, "Request", true),
        response_event(1, 200, json!({})),
        data_event(1, "Response", json!({"Utf8": "{\"registryId\""})),
        eof_event(1, "Response", false),
    ]));
    let exchanges = traffic::read_all(&bytes[..]).unwrap();
    assert_eq!(
        exchanges[0].reply,
        Reply::Failed("dispatch failure: io error".into())
    );
    assert_reply(&exchanges[0], Side::Response, &[Code::NoResponse]);
    assert_reply(&exchanges[1], Side::Response, &[Code::Syntax]);
}

#[test]
fn interleaved_dvr_connections_come_out_in_the_order_of_their_requests() {
    let bytes = dvr(json!([
        request_event(0, "AmazonEC2ContainerRegistry_V20150921.DescribeRegistry"),
        request_event(1, "AmazonEC2ContainerRegistry_V20150921.GetRegistryPolicy"),
        eof_event(1, "Request", true),
        response_event(1, 200, json!({})),
        data_event(1, "Response", json!({"Utf8": "{}"})),
        eof_event(1, "Response", true),
        eof_event(0, "Request", true),
        response_event(0, 200, json!({})),
        data_event(0, "Response", json!({"Utf8": "{}"})),
        eof_event(0, "Response", true),
    ]));
    let targets: Vec<(usize, String)> = traffic::read_all(&bytes[..])
        .unwrap()
        .into_iter()
        .map(|e| (e.index, e.target.unwrap()))
        .collect();
    assert_eq!(
        targets,
        [
            (
                1,
                "AmazonEC2ContainerRegistry_V20150921.DescribeRegistry".to_string()
            ),
            (
                2,
                "AmazonEC2ContainerRegistry_V20150921.GetRegistryPolicy".to_string()
            ),
        ]
    );
}

#[test]
fn the_format_is_told_by_the_content_and_anything_else_is_refused_with_where() {
    let mut formats = Vec::new();
    for bytes in [recording("moto.har"), recording("moto.dvr.json")] {
        formats.push(traffic::read(&bytes[..], |_| ControlFlow::Continue(())).unwrap());
    }
    assert_eq!(formats, [Format::Har, Format::Dvr]);
    let err = traffic::read_all(&br#"{"entries": []}"#[..]).unwrap_err();
    assert_eq!(err.code, Code::Syntax);
    assert!(err.message.contains("neither a HAR file"), "{err}");
    assert_eq!((err.line, err.column), (1, 15));
    let err = traffic::read_har(&recording("moto.dvr.json")[..], |_| {
        ControlFlow::Continue(())
    })
    .unwrap_err();
    assert!(err.message.contains("not a HAR file"), "{err}");
    let err = traffic::read_all(&br#"{"events": [], "version": "V1"}"#[..]).unwrap_err();
    assert!(err.message.contains("other than V0"), "{err}");
    let err = traffic::read_all(&b"[1, 2]"[..]).unwrap_err();
    assert_eq!(err.code, Code::Syntax);
}

#[test]
fn a_truncated_recording_is_an_error_with_where_after_the_exchanges_before_it() {
    for name in ["moto.har", "moto.dvr.json"] {
        let bytes = recording(name);
        let cut = &bytes[..bytes.len() / 2];
        let mut seen = 0;
        let err = traffic::read(cut, |_| {
            seen += 1;
            ControlFlow::Continue(())
        })
        .unwrap_err();
        assert!(seen > 0 && seen < 16, "{name}: {seen}");
        assert_eq!(err.code, Code::Syntax, "{name}");
        assert!(err.message.contains("truncated"), "{name}: {err}");
        let lines = cut.iter().filter(|&&b| b == b'\n').count() + 1;
        assert_eq!(err.line, lines, "{name}: {err}");
    }
}

#[test]
fn a_dvr_event_before_its_request_is_an_error() {
    let bytes = dvr(json!([data_event(3, "Request", json!({"Utf8": "{}"}))]));
    let err = traffic::read_all(&bytes[..]).unwrap_err();
    assert!(
        err.message.contains("connection 3 before its request"),
        "{err}"
    );
}

#[test]
fn values_of_the_recording_are_not_quoted_in_its_errors() {
    // A header value where a number belongs: serde would quote it.
    let bytes = br#"{"log": {"entries": [{"request": {"headers": []}, "response": {"status": "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE"}}]}}"#;
    let err = traffic::read_all(&bytes[..]).unwrap_err();
    assert!(!err.to_string().contains("AKIDEXAMPLE"), "{err}");
    assert!(err.message.contains("invalid type"), "{err}");
}

#[test]
fn no_header_but_the_target_and_the_error_type_is_kept() {
    let exchanges = traffic::read_all(&recording("moto.har")[..]).unwrap();
    let kept = format!("{exchanges:?}");
    assert!(
        !kept.contains("AWS4-HMAC-SHA256"),
        "the Authorization header was kept"
    );
}

/// A reader that gives `bytes` and then fails.
struct FailingAfter<'a>(&'a [u8]);

impl Read for FailingAfter<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.0.is_empty() {
            return Err(std::io::Error::other("the disk went away"));
        }
        let n = self.0.len().min(buf.len());
        buf[..n].copy_from_slice(&self.0[..n]);
        self.0 = &self.0[n..];
        Ok(n)
    }
}

#[test]
fn exchanges_are_handed_over_as_they_are_read_and_the_reader_may_be_stopped() {
    let bytes = recording("moto.har");
    // Streaming: the exchanges before a failing read arrive before it does.
    let mut seen = 0;
    let err = traffic::read(FailingAfter(&bytes[..bytes.len() * 3 / 4]), |_| {
        seen += 1;
        ControlFlow::Continue(())
    })
    .unwrap_err();
    assert_eq!(err.code, Code::Io);
    assert!(seen >= 8, "{seen}");
    // Stopping after the third exchange reads no further.
    let mut seen = 0;
    let format = traffic::read(FailingAfter(&bytes), |_| {
        seen += 1;
        match seen {
            3 => ControlFlow::Break(()),
            _ => ControlFlow::Continue(()),
        }
    })
    .unwrap();
    assert_eq!((format, seen), (Format::Har, 3));
}
