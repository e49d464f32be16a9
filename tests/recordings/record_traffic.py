"""Records ECR calls made with boto3 against moto (an independent
implementation of ECR) as HTTP exchanges, headers and all, and writes them
in the two recording formats `ecr-validate traffic` reads:

- `moto.har`: HAR 1.2, as a browser's developer tools or mitmproxy save it;
- `moto.dvr.json`: aws-smithy's dvr `NetworkTraffic` (version V0), as
  `RecordingClient` writes it: events per connection, bodies as `Data`
  events (`Utf8`, or `Base64` for bytes that are not UTF-8).

    python3 -m venv env && env/bin/pip install 'moto[ecr]' boto3
    env/bin/python tests/recordings/record_traffic.py tests/recordings

Besides what moto answers, the recordings hold the cases a recording meets
in the wild, made from recorded exchanges (each is marked in the HAR's
`comment`):
- a response body stored base64 (`content.encoding`), and one gzip-encoded
  (`Content-Encoding: gzip`, the bytes base64 in HAR, a `Base64` data event
  in dvr);
- a 400 whose error is named only by `X-Amzn-ErrorType` (no `__type`);
- an operation the model lacks (`X-Amz-Target` edited);
- a request whose response never came (HAR status 0 with `_error`; dvr: the
  last request, with no response events);
- traffic of another service (STS, no `X-Amz-Target`), to be skipped.
Each request carries boto3's `Authorization` header and the
`GetAuthorizationToken` response its token: neither may reach any output.
"""
import base64
import copy
import gzip
import json
import os
import sys

import boto3
import moto
from moto import mock_aws

exchanges = []


def record(client):
    pending = {}

    def before_send(request, **kw):
        headers = {k: (v.decode() if isinstance(v, bytes) else v) for k, v in request.headers.items()}
        body = request.body
        if isinstance(body, str):
            body = body.encode()
        pending['request'] = {"method": request.method, "url": request.url,
                              "headers": headers, "body": body or b""}

    def after(http_response, parsed, model, **kw):
        exchanges.append({
            "request": pending.pop('request'),
            "response": {"status": http_response.status_code,
                         "headers": dict(http_response.headers),
                         "body": http_response.content},
            "comment": model.name,
        })

    client.meta.events.register('before-send', before_send)
    client.meta.events.register('after-call', after)


@mock_aws
def calls():
    ecr = boto3.client('ecr', region_name='us-east-1')
    sts = boto3.client('sts', region_name='us-east-1')
    record(ecr)
    record(sts)

    def call(c, name, **kw):
        try:
            getattr(c, name)(**kw)
        except Exception:
            pass

    call(ecr, 'create_repository', repositoryName='team/app', imageTagMutability='MUTABLE')
    call(ecr, 'create_repository', repositoryName='team/app')           # RepositoryAlreadyExistsException
    call(ecr, 'create_repository', repositoryName='MyRepo')             # breaks the pattern; moto accepts it
    call(ecr, 'describe_repositories')
    call(ecr, 'describe_repositories', repositoryNames=['missing'])     # RepositoryNotFoundException
    call(ecr, 'get_authorization_token')
    call(sts, 'get_caller_identity')
    manifest = json.dumps({"schemaVersion": 2, "mediaType": "application/vnd.docker.distribution.manifest.v2+json",
        "config": {"mediaType": "application/vnd.docker.container.image.v1+json", "size": 7023, "digest": "sha256:" + "a" * 64},
        "layers": [{"mediaType": "application/vnd.docker.image.rootfs.diff.tar.gzip", "size": 32654, "digest": "sha256:" + "b" * 64}]})
    call(ecr, 'put_image', repositoryName='team/app', imageManifest=manifest, imageTag='v1')
    call(ecr, 'list_images', repositoryName='team/app')
    call(ecr, 'describe_images', repositoryName='team/app')
    call(ecr, 'delete_repository', repositoryName='nope')               # RepositoryNotFoundException


def target(exchange):
    return exchange["request"]["headers"].get("X-Amz-Target")


def edited(recorded):
    """The recorded exchanges, with the cases of the wild added."""
    out = [dict(e, encoding=None) for e in recorded]
    by_op = {e["comment"]: e for e in recorded}
    # A response stored base64.
    b64 = copy.deepcopy(by_op["ListImages"])
    b64["comment"] = "ListImages, response body stored base64"
    b64["encoding"] = "base64"
    out.append(b64)
    # A gzip-encoded response.
    gz = copy.deepcopy(by_op["DescribeImages"])
    gz["comment"] = "DescribeImages, response body gzip-encoded"
    gz["response"]["headers"]["Content-Encoding"] = "gzip"
    gz["response"]["body"] = gzip.compress(gz["response"]["body"], mtime=0)
    out.append(gz)
    # An error named only by its header.
    header_only = copy.deepcopy([e for e in recorded if e["comment"] == "DeleteRepository"][0])
    header_only["comment"] = "DeleteRepository 400, error named only by X-Amzn-ErrorType"
    body = json.loads(header_only["response"]["body"])
    body.pop("__type", None)
    header_only["response"]["body"] = json.dumps(body).encode()
    out.append(header_only)
    # An operation the model lacks.
    unknown = copy.deepcopy(by_op["DescribeRepositories"])
    unknown["comment"] = "an operation the model lacks"
    unknown["request"]["headers"]["X-Amz-Target"] = "AmazonEC2ContainerRegistry_V20150921.DescribeRepositoriez"
    out.append(unknown)
    # A request that got no response.
    lost = copy.deepcopy(by_op["ListImages"])
    lost["comment"] = "ListImages, no response"
    lost["response"] = None
    out.append(lost)
    return out


def har_headers(headers):
    return [{"name": k, "value": v} for k, v in headers.items()]


def to_har(exchanges):
    entries = []
    for e in exchanges:
        req = e["request"]
        entry = {
            "startedDateTime": "2026-12-02T00:00:00.000Z",
            "time": 1,
            "comment": e["comment"],
            "request": {
                "method": req["method"], "url": req["url"], "httpVersion": "HTTP/1.1",
                "cookies": [], "headers": har_headers(req["headers"]), "queryString": [],
                "headersSize": -1, "bodySize": len(req["body"]),
                "postData": {"mimeType": req["headers"].get("Content-Type", ""), "text": req["body"].decode()},
            },
            "cache": {}, "timings": {"send": 0, "wait": 1, "receive": 0},
        }
        resp = e["response"]
        if resp is None:
            entry["response"] = {"status": 0, "statusText": "", "httpVersion": "", "cookies": [],
                                 "headers": [], "content": {"size": 0, "mimeType": ""},
                                 "redirectURL": "", "headersSize": -1, "bodySize": -1,
                                 "_error": "net::ERR_CONNECTION_RESET"}
        else:
            body = resp["body"]
            content = {"size": len(body), "mimeType": resp["headers"].get("Content-Type", "")}
            if e.get("encoding") == "base64" or resp["headers"].get("Content-Encoding") == "gzip":
                content["text"] = base64.b64encode(body).decode()
                content["encoding"] = "base64"
            else:
                content["text"] = body.decode()
            entry["response"] = {"status": resp["status"], "statusText": "", "httpVersion": "HTTP/1.1",
                                 "cookies": [], "headers": har_headers(resp["headers"]), "content": content,
                                 "redirectURL": "", "headersSize": -1, "bodySize": len(body)}
        entries.append(entry)
    return {"log": {"version": "1.2", "creator": {"name": "record_traffic.py", "version": "1"},
                    "entries": entries}}


def data(body):
    try:
        return {"Utf8": body.decode()}
    except UnicodeDecodeError:
        return {"Base64": base64.b64encode(body).decode()}


def to_dvr(exchanges):
    """One connection per exchange, as RecordingClient numbers them. The
    first two connections interleave; bodies come in two pieces."""
    events = []
    lowered = lambda headers: {k.lower(): [v] for k, v in headers.items()}
    per_connection = []
    # The lost exchange goes last: its connection never answers.
    ordered = [e for e in exchanges if e["response"] is not None] + [e for e in exchanges if e["response"] is None]
    for cid, e in enumerate(ordered):
        req = e["request"]
        evs = [{"connection_id": cid, "action": {"Request": {"request": {
            "uri": req["url"], "headers": lowered(req["headers"]), "method": req["method"]}}}}]
        body = req["body"]
        half = len(body) // 2
        for piece in (body[:half], body[half:]):
            evs.append({"connection_id": cid, "action": {"Data": {"data": data(piece), "direction": "Request"}}})
        evs.append({"connection_id": cid, "action": {"Eof": {"ok": True, "direction": "Request"}}})
        resp = e["response"]
        if resp is not None:
            evs.append({"connection_id": cid, "action": {"Response": {"response": {"Ok": {
                "status": resp["status"], "headers": lowered(resp["headers"])}}}}})
            body = resp["body"]
            half = len(body) // 2
            for piece in (body[:half], body[half:]):
                evs.append({"connection_id": cid, "action": {"Data": {"data": data(piece), "direction": "Response"}}})
            evs.append({"connection_id": cid, "action": {"Eof": {"ok": True, "direction": "Response"}}})
        per_connection.append(evs)
    # Connections 0 and 1 interleave: 1's request starts before 0's response.
    first, second = per_connection[0], per_connection[1]
    events += first[:4] + second[:4] + first[4:] + second[4:]
    for evs in per_connection[2:]:
        events += evs
    return {"events": events, "docs": f"boto3 {boto3.__version__} against moto {moto.__version__}",
            "version": "V0"}


def main(out_dir):
    calls()
    all_exchanges = edited(exchanges)
    with open(os.path.join(out_dir, "moto.har"), "w") as f:
        json.dump(to_har(all_exchanges), f, indent=1)
        f.write("\n")
    with open(os.path.join(out_dir, "moto.dvr.json"), "w") as f:
        json.dump(to_dvr(all_exchanges), f, indent=1)
        f.write("\n")
    for i, e in enumerate(all_exchanges, 1):
        print(i, e["comment"], target(e), e["response"] and e["response"]["status"], file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1])
