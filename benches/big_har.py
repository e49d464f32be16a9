"""Writes a large HAR file for measuring `ecr-validate traffic`: the moto
recording's exchanges (tests/recordings/moto.har), every second one replaced
by its DescribeImages exchange grown to 1,000 images (340 KB a response).

    python3 benches/big_har.py 1200 big.har   # 204 MB
    /usr/bin/time -v target/release/ecr-validate traffic --format json big.har > /dev/null
"""
import copy
import json
import os
import sys


def main(count, path):
    recording = os.path.join(os.path.dirname(__file__), "../tests/recordings/moto.har")
    entries = json.load(open(recording))["log"]["entries"]
    big = copy.deepcopy(entries[9])
    body = json.loads(big["response"]["content"]["text"])
    detail = body["imageDetails"][0]
    body["imageDetails"] = [dict(detail, imageTags=[f"v{i}"]) for i in range(1000)]
    big["response"]["content"]["text"] = json.dumps(body)
    with open(path, "w") as f:
        f.write('{"log": {"version": "1.2", "creator": {"name": "big_har.py"}, "entries": [')
        for i in range(count):
            if i:
                f.write(",")
            json.dump(big if i % 2 else entries[i % len(entries)], f)
        f.write("]}}\n")


if __name__ == "__main__":
    main(int(sys.argv[1]), sys.argv[2])
