"""The declared rust-version stays true: no locked dependency of a
package's default build (normal dependencies) declares a higher one.

Usage: python3 .ci/rust-version.py PACKAGE...
"""

import json
import subprocess
import sys


def version(text):
    """`1.88` as (1, 88, 0), to compare with `1.88.0`."""
    parts = [int(part) for part in text.split(".")]
    return tuple(parts + [0] * (3 - len(parts)))


def main(names):
    metadata = json.loads(
        subprocess.check_output(["cargo", "metadata", "--format-version", "1", "--locked"])
    )
    declared = {(p["name"], p["version"]): p.get("rust_version") for p in metadata["packages"]}
    failed = False
    for name in names:
        ours = next(v for (n, _), v in declared.items() if n == name)
        tree = subprocess.check_output(
            ["cargo", "tree", "--locked", "-p", name, "-e", "normal", "--prefix", "none",
             "--format", "{p}"],
            text=True,
        )
        above = []
        for line in sorted(set(tree.splitlines())):
            dep, _, rest = line.partition(" v")
            key = (dep, rest.split()[0])
            theirs = declared.get(key)
            if theirs and version(theirs) > version(ours):
                above.append(f"{dep} {key[1]} needs Rust {theirs}")
        print(f"{name}: rust-version {ours}, {len(set(tree.splitlines()))} packages in its default build")
        for line in above:
            print(f"  {line}, above {ours}")
        failed |= bool(above)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main(sys.argv[1:])
