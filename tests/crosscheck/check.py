"""Replays a corpus (see check.mjs) through Python's jsonschema
(Draft202012Validator) and compares each verdict with the Rust one.

Usage: python3 check.py CORPUS SCHEMAS STRICT_SCHEMAS EXACT_SCHEMAS
"""
import json
import pathlib
import sys

from jsonschema import Draft202012Validator


def compile_all(root):
    validators = {}
    for service in ("ecr", "ecr-public"):
        # The service's schemas, and those of the documents its strings carry.
        for folder in (service, f"{service}/documents"):
            for path in sorted(pathlib.Path(root, folder).glob("*.json")):
                schema = json.loads(path.read_text())
                Draft202012Validator.check_schema(schema)
                validators[f"{folder}/{path.stem}"] = Draft202012Validator(schema)
    return validators


def main(corpus, default_dir, strict_dir, exact_dir):
    modes = {
        "default": compile_all(default_dir),
        "strict": compile_all(strict_dir),
        "exact": compile_all(exact_dir),
    }
    print("compiled " + " + ".join(str(len(m)) for m in modes.values()) + " schemas")
    passed = failed = 0
    with open(corpus) as lines:
        for line in lines:
            if not line.strip():
                continue
            case = json.loads(line)
            validator = modes[case["mode"]][f"{case['service']}/{case['shape']}"]
            verdict = validator.is_valid(case["document"])
            if verdict == case["valid"]:
                passed += 1
                continue
            failed += 1
            if failed <= 10:
                first = next(validator.iter_errors(case["document"]), None)
                print(f"DIFFERS {case['service']} {case['shape']} mode={case['mode']}: "
                      f"rust {case['valid']}, python {verdict}: {first and first.message[:200]}")
    print(f"python: {passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:5]))
