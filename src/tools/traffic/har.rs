//! HAR 1.2 (`log.entries[]`): each entry is read whole, made an exchange,
//! and handed over before the next is read.

use serde::de::{self, IgnoredAny, MapAccess, SeqAccess};
use serde::Deserialize;

use super::{decode, names_gzip, Exchange, Reply, Response};

/// The parts of an entry an exchange needs. HAR 1.2 requires more (times,
/// cookies, cache...); tools write them, and nothing here needs them.
#[derive(Deserialize)]
struct Entry {
    request: Request,
    response: Option<HarResponse>,
}

#[derive(Deserialize)]
struct Request {
    #[serde(default)]
    headers: Vec<Header>,
    #[serde(rename = "postData")]
    post_data: Option<Content>,
}

#[derive(Deserialize)]
struct HarResponse {
    status: i64,
    #[serde(default)]
    headers: Vec<Header>,
    content: Option<Content>,
    /// Chrome's reason for a request that got no response (status 0).
    #[serde(rename = "_error")]
    error: Option<String>,
}

/// `postData` and `content`: the text, base64 when `encoding` says so.
#[derive(Deserialize)]
struct Content {
    text: Option<String>,
    encoding: Option<String>,
}

#[derive(Deserialize)]
struct Header {
    name: String,
    value: String,
}

/// The first header named `name`, in any case.
fn header<'h>(headers: &'h [Header], name: &str) -> Option<&'h str> {
    headers
        .iter()
        .find(|h| h.name.eq_ignore_ascii_case(name))
        .map(|h| h.value.as_str())
}

fn body(content: Option<Content>, headers: &[Header]) -> super::Body {
    let gzip = header(headers, "content-encoding").is_some_and(names_gzip);
    let Some(content) = content else {
        return Ok(Vec::new());
    };
    let base64 = content
        .encoding
        .as_deref()
        .is_some_and(|e| e.eq_ignore_ascii_case("base64"));
    decode(content.text.unwrap_or_default(), base64, gzip)
}

impl Entry {
    fn into_exchange(self, index: usize) -> Exchange {
        let target = header(&self.request.headers, "x-amz-target").map(str::to_string);
        let request = body(self.request.post_data, &self.request.headers);
        let reply = match self.response {
            None => Reply::Missing,
            Some(r) => match u16::try_from(r.status) {
                Ok(status @ 100..=599) => Reply::Received(Response {
                    status,
                    error_type: header(&r.headers, "x-amzn-errortype").map(str::to_string),
                    body: body(r.content, &r.headers),
                }),
                // Browsers write status 0 for a request that got no answer.
                _ => Reply::Failed(match r.error {
                    Some(reason) if !reason.is_empty() => reason,
                    _ => format!("status {} is not an HTTP status", r.status),
                }),
            },
        };
        Exchange {
            index,
            target,
            request,
            reply,
        }
    }
}

sink_reader! {
    /// `log`: its `entries`, the rest skipped.
    pub(super) struct Log, deserialize_map, "a HAR `log` object",
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut entries = false;
        while let Some(key) = map.next_key::<String>()? {
            if key == "entries" && !entries {
                map.next_value_seed(Entries(&mut *self.0))?;
                entries = true;
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        match entries {
            true => Ok(()),
            false => Err(de::Error::custom("a HAR `log` without `entries`")),
        }
    }
}

sink_reader! {
    struct Entries, deserialize_seq, "a list of HAR entries",
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let mut index = 0;
        while let Some(entry) = seq.next_element::<Entry>()? {
            index += 1;
            self.0.give(entry.into_exchange(index))?;
        }
        Ok(())
    }
}
