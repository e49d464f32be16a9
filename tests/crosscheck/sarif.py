"""Checks SARIF logs written by `ecr-validate --format sarif` against the
SARIF 2.1.0 schema (the copy @microsoft/jest-sarif ships), with Python's
jsonschema: `python3 sarif.py SCHEMA LOG...`. Exits 1 on the first log
that does not hold, printing why."""

import json
import sys

import jsonschema


def main() -> int:
    schema_path, *logs = sys.argv[1:]
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    validator = validator_class(schema)
    for path in logs:
        with open(path, encoding="utf-8") as f:
            log = json.load(f)
        results = sum(len(run["results"]) for run in log["runs"])
        if results == 0:
            print(f"{path}: no results: nothing was checked")
            return 1
        errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
        for e in errors:
            print(f"{path}: {'/'.join(map(str, e.path))}: {e.message}")
        if errors:
            return 1
        print(f"{path}: valid SARIF 2.1.0 ({results} results)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
