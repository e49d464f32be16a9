"""Writes paginated calls' pages and what botocore's build_full_result()
makes of them, for tests/merge_pages (ecr-validate's CLI tests).

The pages are drawn by `ecr-validate generate` (valid outputs), chained with
nextToken as AWS chains them, and handed to botocore's own Paginator through
a stand-in for the client method; the merged result is botocore's.

Usage (botocore 1.44.5 installed, e.g. `pip install botocore==1.44.5`):
    python3 record_pages.py path/to/ecr-validate
"""
import json
import pathlib
import subprocess
import sys

import botocore.session
from botocore.paginate import Paginator

CALLS = [
    # name, operation, output shape, the result list's pointer, items per page
    ("images-250", "DescribeImages", "DescribeImagesResponse", "/imageDetails", [100, 100, 50]),
    ("scan-findings", "DescribeImageScanFindings", "DescribeImageScanFindingsResponse",
     "/imageScanFindings/findings", [3, 2, 4]),
    ("lifecycle-preview", "GetLifecyclePolicyPreview", "GetLifecyclePolicyPreviewResponse",
     "/previewResults", [2, 2]),
]


def page(tool, shape, pointer, items, seed):
    out = subprocess.run(
        [tool, "generate", "--shape", shape, "--seed", str(seed), "--items", f"{pointer}={items}"],
        check=True, capture_output=True, text=True,
    ).stdout
    return json.loads(out)


def main(tool):
    here = pathlib.Path(__file__).parent
    session = botocore.session.get_session()
    model = session.get_service_model("ecr")
    paginators = session.get_paginator_model("ecr")
    for name, operation, shape, pointer, sizes in CALLS:
        pages = [page(tool, shape, pointer, n, seed) for seed, n in enumerate(sizes)]
        for at, p in enumerate(pages):
            p.pop("nextToken", None)
            if at + 1 < len(pages):
                p["nextToken"] = f"token-{at + 1}"
        served = iter(json.loads(json.dumps(pages)))
        paginator = Paginator(
            lambda **kwargs: next(served),
            paginators.get_paginator(operation),
            model.operation_model(operation),
        )
        merged = paginator.paginate().build_full_result()
        (here / f"{name}.pages.jsonl").write_text("".join(json.dumps(p) + "\n" for p in pages))
        (here / f"{name}.merged.json").write_text(json.dumps(merged, indent=1, default=str) + "\n")
        print("wrote", name)


if __name__ == "__main__":
    main(sys.argv[1])
