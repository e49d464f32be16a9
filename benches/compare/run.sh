#!/usr/bin/env bash
# The side-by-side run: the same 29 MB JSON Lines stream of DescribeImages
# responses through pydantic v2 (same constraints), ajv (the exported
# schema) and `ecr-validate --jsonl`; then ecr-validate's peak memory on a
# 1 GB stream, whole and in parts (rss.sh); last, the parsing floor (benches/floor: sonic-rs on the same
# stream, one core). Usage: benches/compare/run.sh [PAGES_FOR_THE_BIG_STREAM]
set -euo pipefail
cd "$(dirname "$0")/../.."
data=target/bench-data
cargo build --release --bin ecr-validate --example bench-data
./target/release/examples/bench-data "$data" 400 >/dev/null
stream="$data/describe-images.jsonl"
python3 -m pip install --quiet --disable-pip-version-check 'pydantic==2.13.4'
(cd benches/compare && npm install --no-audit --no-fund --silent)

# Three rounds, each tool once per round (its own best of 3 or 5 runs), so
# that the machine's drift falls on all three alike; the ratios are taken
# within each round. Each tool runs on one core (taskset -c 0): pydantic and
# ajv use one, and ecr-validate, which checks batches on every core, is
# pinned to one for the comparison and measured again on every core, a row
# of its own.
one_core=(taskset -c 0)
command -v taskset >/dev/null || { echo "taskset (util-linux) is needed to pin each tool to one core" >&2; exit 1; }
results="$data/compare.txt"
for round in 1 2 3; do
  (cd benches/compare && "${one_core[@]}" python3 pydantic_bench.py "../../$stream")
  "${one_core[@]}" node benches/compare/ajv_bench.mjs "$stream" schemas/ecr/DescribeImagesResponse.json
  for cores in one all; do
    python3 - "$stream" "$cores" <<'PY'
import os, subprocess, sys, time
stream, cores = sys.argv[1], sys.argv[2]
size = os.path.getsize(stream)
command = ["./target/release/ecr-validate", "--operation", "DescribeImages", "--output", "--jsonl", "--format", "json", stream]
if cores == "one":
    command = ["taskset", "-c", "0"] + command
best = None
for _ in range(5):
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    elapsed = time.perf_counter() - start
    best = elapsed if best is None else min(best, elapsed)
name = "ecr-validate" if cores == "one" else "ecr-validate-all-cores"
print(f"{name} {size / best / 1e6:.0f} MB/s ({size} bytes, best of 5: {best:.3f} s, {os.cpu_count() if cores == 'all' else 1} core(s))")
PY
  done
done | tee "$results"
python3 - "$results" <<'PY'
import sys
rounds, current = [], {}
for line in open(sys.argv[1]):
    tool, mbps = line.split()[:2]
    current[tool] = float(mbps)
    if tool == "ecr-validate-all-cores":
        rounds.append(current)
        current = {}
for i, r in enumerate(rounds, 1):
    ours = r["ecr-validate"]
    print(f"round {i}, one core each: pydantic {r['pydantic']:.0f}, ajv {r['ajv']:.0f}, ecr-validate {ours:.0f} MB/s:"
          f" {ours / r['pydantic']:.1f}x pydantic, {ours / r['ajv']:.1f}x ajv;"
          f" ecr-validate on every core {r['ecr-validate-all-cores']:.0f} MB/s")
PY

pages=${1:-14000}
big="$data/describe-images-big.jsonl"
./target/release/examples/bench-data "$data/big" "$pages" >/dev/null
mv "$data/big/describe-images.jsonl" "$big"
/usr/bin/time -f "ecr-validate on $(stat -c %s "$big") bytes: peak RSS %M KB, %e s" \
  ./target/release/ecr-validate --operation DescribeImages --output --jsonl --format json "$big" >/dev/null
# The same peak in its two parts: what the run allocates, and the pages of
# the binary and the libraries it touches.
benches/compare/rss.sh ./target/release/ecr-validate --operation DescribeImages --output --jsonl --format json "$big"
rm -f "$big"

# The parsing floor: the checker against sonic-rs, alternately in one
# process, on the stream of the interleaved example, one core, glibc's heap
# kept (docs/speed.md: what both sides would otherwise pay in page faults).
cargo build --release --manifest-path benches/floor/Cargo.toml
GLIBC_TUNABLES=glibc.malloc.trim_threshold=1073741824 \
  "${one_core[@]}" benches/floor/target/release/ecr-models-floor stream
