#!/usr/bin/env python3
"""Writes what the Rust SDK's types hold, for the generated conversions
between ecr-models and aws-sdk-ecr / aws-sdk-ecrpublic.

AWS's botocore model does not say everything the SDK's Rust types are: the
SDK is generated from the Smithy model, whose default values make some
optional members plain values (`scan_on_push: bool`), and each SDK release
is generated from the model of its day, so it may lack a member or a shape
that botocore has. This script reads the SDK crates' sources (the versions
in Cargo.lock, from cargo's registry) and writes, per crate, every public
structure (nested types, errors, operation inputs and outputs) with each
public field and whether it is an `Option`:

    codegen/model/ecr/aws-sdk-ecr.json
    codegen/model/ecr-public/aws-sdk-ecrpublic.json

Run from the workspace root after `cargo fetch`; then `cargo run -p codegen`.
The generated code compiles only against an SDK that matches these files
(a field said to be plain but held as an `Option`, or missing, does not
type-check), so a stale file cannot go unnoticed.
"""

import json
import pathlib
import re
import subprocess
import sys

CRATES = {"aws-sdk-ecr": "ecr", "aws-sdk-ecrpublic": "ecr-public"}

# `pub struct X {` opens a structure's fields; `pub struct X {}` is one
# without any (the inputs of DescribeRegistry, GetRegistryPolicy...).
STRUCT = re.compile(r"^pub struct (\w+) \{(\})?$")
FIELD = re.compile(r"^    pub (r#)?(\w+): (.+),$")


def structures(path):
    """The public structures of one source file: name -> {field: optional}."""
    found = {}
    current = None
    for line in path.read_text().splitlines():
        if current is None:
            m = STRUCT.match(line)
            # Builders hold their fields privately; they are not values.
            if m and not m.group(1).endswith("Builder"):
                fields = found.setdefault(m.group(1), {})
                current = None if m.group(2) else fields
            continue
        if line == "}":
            current = None
            continue
        m = FIELD.match(line)
        if m:
            current[m.group(2)] = m.group(3).startswith("::std::option::Option<")
    return found


def surface(src):
    out = {}
    for path in sorted((src / "types").glob("_*.rs")):
        for name, fields in structures(path).items():
            out[f"types::{name}"] = fields
    for path in sorted((src / "types" / "error").glob("_*.rs")):
        for name, fields in structures(path).items():
            out[f"types::error::{name}"] = fields
    for op in sorted(p for p in (src / "operation").iterdir() if p.is_dir()):
        for path in sorted(op.glob("_*_[io]*put.rs")):
            for name, fields in structures(path).items():
                out[f"operation::{op.name}::{name}"] = fields
    return out


def main():
    root = pathlib.Path(__file__).resolve().parents[2]
    meta = json.loads(
        subprocess.check_output(
            ["cargo", "metadata", "--format-version", "1", "--locked"], cwd=root
        )
    )
    done = set()
    for package in meta["packages"]:
        name = package["name"]
        if name not in CRATES:
            continue
        if name in done:
            sys.exit(f"two versions of {name} in Cargo.lock")
        done.add(name)
        src = pathlib.Path(package["manifest_path"]).parent / "src"
        doc = {
            "crate": name,
            "version": package["version"],
            "structures": surface(src),
        }
        target = root / "codegen" / "model" / CRATES[name] / f"{name}.json"
        target.write_text(json.dumps(doc, indent=1) + "\n")
        print(f"{target.relative_to(root)}: {name} {package['version']}, "
              f"{len(doc['structures'])} structures")
    if done != set(CRATES):
        sys.exit(f"not in Cargo.lock: {sorted(set(CRATES) - done)}")


if __name__ == "__main__":
    main()
