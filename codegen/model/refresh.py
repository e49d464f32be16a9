"""Vendors botocore's ECR and ECR Public models (documentation stripped,
uncompressed) and its partitions.json (AWS's partitions and regions, as is).

Usage: python3 codegen/model/refresh.py VERSION [--out DIR]

`cargo run -p codegen -- refresh --botocore VERSION` (from the workspace
root) runs this with `--out` into a temporary folder, compares the rules of
the two models, writes the files here, regenerates the code and writes the
CHANGELOG entry: use that. Without `--out`, the files are written beside
this script.
"""
import argparse
import gzip
import io
import json
import pathlib
import subprocess
import sys
import tempfile
import zipfile

FILES = {
    "ecr": ("2015-09-21", ["service-2.json.gz", "paginators-1.json", "waiters-2.json", "examples-1.json"]),
    "ecr-public": ("2020-10-30", ["service-2.json.gz", "paginators-1.json", "examples-1.json"]),
}


def strip(value):
    if isinstance(value, dict):
        return {k: strip(v) for k, v in value.items() if k != "documentation"}
    if isinstance(value, list):
        return [strip(v) for v in value]
    return value


def write(target, data):
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(data, indent=1) + "\n")
    print("wrote", target)


def main(version, out):
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", tmp, f"botocore=={version}"],
            check=True,
        )
        wheel = zipfile.ZipFile(next(pathlib.Path(tmp).glob("botocore-*.whl")))
        for service, (api, files) in FILES.items():
            for name in files:
                raw = wheel.read(f"botocore/data/{service}/{api}/{name}")
                if name.endswith(".gz"):
                    raw = gzip.decompress(raw)
                data = strip(json.load(io.BytesIO(raw)))
                write(out / service / name.removesuffix(".gz"), data)
        write(out / "partitions.json", json.loads(wheel.read("botocore/data/partitions.json")))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("version", help="botocore's version on PyPI: 1.44.8")
    parser.add_argument(
        "--out", type=pathlib.Path, default=pathlib.Path(__file__).parent,
        help="the folder to write ecr/, ecr-public/ and partitions.json into (default: beside this script)",
    )
    args = parser.parse_args()
    main(args.version, args.out)
