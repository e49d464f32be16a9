//! aws-smithy's dvr `NetworkTraffic` (version `V0`), as serde writes
//! aws-smithy-http-client's `test_util::dvr` types: `{"events": [{
//! "connection_id": 0, "action": {"Request": {"request": {"uri", "headers":
//! {name: [values]}, "method"}}}}, {"action": {"Data": {"data": {"Utf8":
//! "..."} | {"Base64": "..."}, "direction": "Request"}}}, {"Eof": {"ok",
//! "direction"}}, {"Response": {"response": {"Ok": {"status", "headers"}} |
//! {"Err": "..."}}}, ...], "docs", "version": "V0"}`.
//!
//! Events of several connections may interleave. Each connection's body
//! data is kept until its response ends; exchanges are handed over in the
//! order of their requests.

use std::collections::{BTreeMap, HashMap};

use serde::de::{self, SeqAccess};
use serde::Deserialize;

use super::{from_base64, gunzip, names_gzip, BodyError, Exchange, Reply, Response};
use crate::error::Code;

#[derive(Deserialize)]
struct Event {
    connection_id: u64,
    action: Action,
}

#[derive(Deserialize)]
enum Action {
    Request { request: Head },
    Response { response: Answer },
    Data { data: Data, direction: Direction },
    Eof { ok: bool, direction: Direction },
}

/// A request's or a response's head; the URI and method are not needed.
#[derive(Deserialize)]
struct Head {
    #[serde(default)]
    headers: BTreeMap<String, Vec<String>>,
    status: Option<u16>,
}

#[derive(Deserialize)]
enum Answer {
    Ok(Head),
    Err(String),
}

#[derive(Deserialize)]
enum Data {
    Utf8(String),
    Base64(String),
}

#[derive(Deserialize, Clone, Copy, PartialEq, Eq)]
enum Direction {
    Request,
    Response,
}

fn header(headers: &BTreeMap<String, Vec<String>>, name: &str) -> Option<String> {
    headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(name))
        .and_then(|(_, values)| values.first().cloned())
}

/// One side's body as it arrives: the data so far, or why it broke.
#[derive(Default)]
struct Arriving {
    bytes: Vec<u8>,
    broken: Option<BodyError>,
    ended: bool,
}

impl Arriving {
    fn push(&mut self, data: Data) {
        let piece = match data {
            Data::Utf8(text) => Ok(text.into_bytes()),
            Data::Base64(text) => from_base64(&text),
        };
        match piece {
            Ok(piece) if self.broken.is_none() => self.bytes.extend_from_slice(&piece),
            Ok(_) => {}
            Err(e) => self.broken = Some(e),
        }
    }

    fn finish(self, gzip: bool) -> super::Body {
        match (self.broken, gzip) {
            (Some(e), _) => Err(e),
            (None, true) => gunzip(self.bytes),
            (None, false) => Ok(self.bytes),
        }
    }
}

/// A connection whose exchange is not complete.
struct Open {
    index: usize,
    target: Option<String>,
    request_gzip: bool,
    request: Arriving,
    response: Option<Head>,
    body: Arriving,
    failed: Option<String>,
}

impl Open {
    fn into_exchange(self) -> Exchange {
        let request = self.request.finish(self.request_gzip);
        let reply = match (self.failed, self.response) {
            (Some(reason), _) => Reply::Failed(reason),
            (None, None) => Reply::Missing,
            (None, Some(_)) if !self.body.ended => {
                Reply::Failed("the recording ends before the response body does".into())
            }
            (None, Some(Head { status: None, .. })) => {
                Reply::Failed("the response has no status".into())
            }
            (None, Some(head)) => {
                let gzip =
                    header(&head.headers, "content-encoding").is_some_and(|v| names_gzip(&v));
                Reply::Received(Response {
                    status: head.status.unwrap_or_default(),
                    error_type: header(&head.headers, "x-amzn-errortype"),
                    body: self.body.finish(gzip),
                })
            }
        };
        Exchange {
            index: self.index,
            target: self.target,
            request,
            reply,
        }
    }
}

sink_reader! {
    /// `events`: each event applied to its connection; an exchange is handed
    /// over when its response ends and every earlier request's exchange has
    /// been.
    pub(super) struct Events, deserialize_seq, "a list of dvr events",
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let mut open: HashMap<u64, Open> = HashMap::new();
        let mut done: BTreeMap<usize, Exchange> = BTreeMap::new();
        let mut requests = 0;
        let mut next = 1;
        while let Some(event) = seq.next_element::<Event>()? {
            let id = event.connection_id;
            let finished = match event.action {
                Action::Request { request } => {
                    requests += 1;
                    let replaced = open.insert(
                        id,
                        Open {
                            index: requests,
                            target: header(&request.headers, "x-amz-target"),
                            request_gzip: header(&request.headers, "content-encoding")
                                .is_some_and(|v| names_gzip(&v)),
                            request: Arriving::default(),
                            response: None,
                            body: Arriving::default(),
                            failed: None,
                        },
                    );
                    // A connection reused before its exchange ended: the
                    // earlier exchange is what the recording has of it.
                    if let Some(earlier) = replaced {
                        done.insert(earlier.index, earlier.into_exchange());
                    }
                    false
                }
                action => {
                    let Some(conn) = open.get_mut(&id) else {
                        return Err(de::Error::custom(format!(
                            "an event of connection {id} before its request"
                        )));
                    };
                    match action {
                        Action::Request { .. } => false,
                        Action::Response {
                            response: Answer::Ok(head),
                        } => {
                            conn.response = Some(head);
                            false
                        }
                        Action::Response {
                            response: Answer::Err(reason),
                        } => {
                            conn.failed = Some(reason);
                            true
                        }
                        Action::Data { data, direction } => {
                            match direction {
                                Direction::Request => conn.request.push(data),
                                Direction::Response => conn.body.push(data),
                            }
                            false
                        }
                        Action::Eof { ok, direction } => {
                            let side = match direction {
                                Direction::Request => &mut conn.request,
                                Direction::Response => &mut conn.body,
                            };
                            side.ended = true;
                            if !ok && side.broken.is_none() {
                                side.broken = Some(BodyError {
                                    code: Code::Syntax,
                                    message: "the body's stream ended in an error".into(),
                                });
                            }
                            direction == Direction::Response
                        }
                    }
                }
            };
            if finished {
                if let Some(conn) = open.remove(&id) {
                    done.insert(conn.index, conn.into_exchange());
                }
            }
            while let Some(exchange) = done.remove(&next) {
                next += 1;
                self.0.give(exchange)?;
            }
        }
        for (_, conn) in open.drain() {
            done.insert(conn.index, conn.into_exchange());
        }
        for (_, exchange) in done {
            self.0.give(exchange)?;
        }
        Ok(())
    }
}
