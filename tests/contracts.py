#!/usr/bin/env python3
"""contracts.py: checks punktum's outputs against their published contracts.

  contracts.py json  SCHEMA_DIR FILE.json      the document validates against punktum.schema.json
  contracts.py jsonl SCHEMA_DIR FILE.jsonl N   N lines, each one JSON value valid against
                                               punktum-line.schema.json, ids unique
  contracts.py csv   FILE.csv N                an RFC 4180 table: header and N rows of 18 fields
  contracts.py strict-json FILE                the file is one JSON value (strict parse)

Exit 0 when the contract holds, 1 (with the reason) when it does not."""
import csv
import io
import json
import os
import sys

CSV_COLUMNS = ["id", "source", "municipality", "body", "date", "number", "title", "access",
               "case_number", "first_page", "last_page", "decision", "attachments", "input_form",
               "outcome", "votes_for", "votes_against", "votes_abstain"]


def strict_load(text):
    def no_constants(name):
        raise ValueError("not JSON: %s" % name)
    return json.loads(text, parse_constant=no_constants)


def validators(schema_dir):
    import jsonschema
    schemas = {}
    for name in ("punktum.schema.json", "punktum-line.schema.json"):
        with open(os.path.join(schema_dir, name), encoding="utf-8") as f:
            schemas[name] = json.load(f)
    store = {s["$id"]: s for s in schemas.values()}
    made = {}
    for name, schema in schemas.items():
        cls = jsonschema.validators.validator_for(schema)
        cls.check_schema(schema)
        resolver = jsonschema.RefResolver.from_schema(schema, store=store)
        made[name] = cls(schema, resolver=resolver)
    return made


def first_error(validator, value):
    errors = sorted(validator.iter_errors(value), key=lambda e: list(e.absolute_path))
    if not errors:
        return None
    e = errors[0]
    return "%s: %s" % ("/".join(str(p) for p in e.absolute_path) or "(top)", e.message)


def check_json(schema_dir, path):
    with open(path, encoding="utf-8") as f:
        doc = strict_load(f.read())
    return first_error(validators(schema_dir)["punktum.schema.json"], doc)


def check_jsonl(schema_dir, path, expected):
    validator = validators(schema_dir)["punktum-line.schema.json"]
    with open(path, encoding="utf-8", newline="") as f:
        data = f.read()
    if data and not data.endswith("\n"):
        return "the last line does not end in a line feed"
    lines = data.split("\n")[:-1] if data else []
    if len(lines) != expected:
        return "%d lines, expected %d" % (len(lines), expected)
    ids = set()
    for number, line in enumerate(lines, 1):
        record = strict_load(line)
        problem = first_error(validator, record)
        if problem:
            return "line %d: %s" % (number, problem)
        if record["id"] in ids:
            return "line %d: id %s twice" % (number, record["id"])
        ids.add(record["id"])
    return None


def check_csv(path, expected):
    with open(path, encoding="utf-8", newline="") as f:
        data = f.read()
    if data and not data.endswith("\r\n"):
        return "rows must end in CRLF"
    rows = list(csv.reader(io.StringIO(data, newline=""), strict=True))
    if not rows or rows[0] != CSV_COLUMNS:
        return "header row is %r" % (rows[0] if rows else None)
    if len(rows) - 1 != expected:
        return "%d rows, expected %d" % (len(rows) - 1, expected)
    for number, row in enumerate(rows[1:], 2):
        if len(row) != len(CSV_COLUMNS):
            return "row %d has %d fields" % (number, len(row))
    return None


def main(argv):
    kind = argv[1]
    try:
        if kind == "json":
            problem = check_json(argv[2], argv[3])
        elif kind == "jsonl":
            problem = check_jsonl(argv[2], argv[3], int(argv[4]))
        elif kind == "csv":
            problem = check_csv(argv[2], int(argv[3]))
        elif kind == "strict-json":
            with open(argv[2], encoding="utf-8") as f:
                strict_load(f.read())
            problem = None
        else:
            problem = "unknown check %s" % kind
    except (ValueError, UnicodeDecodeError, csv.Error) as e:
        problem = str(e)
    if problem:
        print("%s: %s" % (argv[-2] if kind in ("jsonl", "csv") else argv[-1], problem))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
