"""Turns criterion's results (target/criterion) into the README's table
(Markdown, on stdout) and a chart (benches/results.svg).

Usage: python3 benches/report.py [CRITERION_DIR] [SVG_OUT]"""
import json
import pathlib
import sys

PATHS = {
    "a_from_slice": "(a) from_slice: parse + validate",
    "b_check_slice": "(b) check_slice: validate only",
    "c_serde_typed": "(c) serde_json typed, no validation",
    "d_serde_ignored": "(d) serde_json IgnoredAny (floor)",
    "e_value_jsonschema": "(e) serde_json Value + jsonschema",
}
COLORS = {"a_from_slice": "#1f77b4", "b_check_slice": "#2ca02c", "c_serde_typed": "#ff7f0e",
          "d_serde_ignored": "#7f7f7f", "e_value_jsonschema": "#d62728"}


def load(root):
    results = {}
    for estimates in sorted(root.glob("*/*/new/estimates.json")):
        bench = estimates.parent.parent
        group, path = bench.parent.name, bench.name
        if path not in PATHS:
            continue
        meta = json.loads((estimates.parent / "benchmark.json").read_text())
        size = (meta.get("throughput") or {}).get("Bytes")
        mean_ns = json.loads(estimates.read_text())["mean"]["point_estimate"]
        if size:
            results.setdefault(group, {})[path] = size / mean_ns * 1e9 / 1e6
    return results


def table(results):
    lines = ["| payload | path | MB/s | vs (c) | vs (d) | vs (e) |", "|---|---|---:|---:|---:|---:|"]
    for group, paths in results.items():
        for path, label in PATHS.items():
            if path not in paths:
                continue
            mbps = paths[path]
            ratio = lambda other: f"{mbps / paths[other]:.2f}x" if other in paths else ""
            lines.append(f"| {group} | {label} | {mbps:.0f} | {ratio('c_serde_typed')} | {ratio('d_serde_ignored')} | {ratio('e_value_jsonschema')} |")
    return "\n".join(lines)


def chart(results):
    groups = list(results)
    top = max(v for paths in results.values() for v in paths.values())
    bar, gap, left, height = 18, 26, 250, 300
    width = left + 520
    rows = sum(len(results[g]) for g in groups)
    total = 40 + rows * bar + len(groups) * gap + 60
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{total}" font-family="sans-serif" font-size="12">',
           f'<text x="10" y="20" font-size="14">Throughput, MB/s (one criterion run, this machine)</text>']
    y = 40
    for group in groups:
        out.append(f'<text x="10" y="{y + 12}" font-weight="bold">{group}</text>')
        y += 18
        for path, label in PATHS.items():
            if path not in results[group]:
                continue
            v = results[group][path]
            w = max(1, int(v / top * (width - left - 70)))
            out.append(f'<text x="20" y="{y + 13}">{label}</text>')
            out.append(f'<rect x="{left}" y="{y}" width="{w}" height="{bar - 4}" fill="{COLORS[path]}"/>')
            out.append(f'<text x="{left + w + 5}" y="{y + 12}">{v:.0f}</text>')
            y += bar
        y += gap - 18
    out.append("</svg>")
    return "\n".join(out) + "\n"


def main():
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "target/criterion")
    svg = pathlib.Path(sys.argv[2] if len(sys.argv) > 2 else "benches/results.svg")
    results = load(root)
    if not results:
        sys.exit(f"no criterion results under {root}: run `cargo bench` first")
    print(table(results))
    svg.write_text(chart(results))
    print(f"\nchart: {svg}")


if __name__ == "__main__":
    main()
