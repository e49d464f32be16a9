"""pydantic v2 on a JSON Lines stream of DescribeImages responses: MB/s.
Usage: python3 pydantic_bench.py FILE"""
import sys
import time

from pydantic_models import DescribeImagesResponse

lines = open(sys.argv[1], "rb").read().splitlines()
size = sum(len(line) + 1 for line in lines)
best = None
for _ in range(3):
    start = time.perf_counter()
    valid = sum(1 for line in lines if line.strip() and DescribeImagesResponse.model_validate_json(line))
    elapsed = time.perf_counter() - start
    best = elapsed if best is None else min(best, elapsed)
print(f"pydantic {size / best / 1e6:.0f} MB/s ({valid} documents, {size} bytes, best of 3: {best:.3f} s)")
