"""Vendors botocore's ECR and ECR Public models (documentation stripped,
uncompressed) and its partitions.json (AWS's partitions and regions, as is).

Usage: python3 codegen/model/refresh.py VERSION   (from the workspace root)
"""
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


def main(version):
    out = pathlib.Path(__file__).parent
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
                target = out / service / name.removesuffix(".gz")
                target.write_text(json.dumps(data, indent=1) + "\n")
                print("wrote", target)
        partitions = json.loads(wheel.read("botocore/data/partitions.json"))
        target = out / "partitions.json"
        target.write_text(json.dumps(partitions, indent=1) + "\n")
        print("wrote", target)


if __name__ == "__main__":
    main(sys.argv[1])
