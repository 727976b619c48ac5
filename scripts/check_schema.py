#!/usr/bin/env python3
"""Checks www/heluo.schema.json against the datasets Heluo accepts: the schema is
itself valid, and every sample (www/data/) and good fixture (tests/fixtures/good/)
validates. The parser is the authority; this keeps the documented schema honest."""
import glob
import json
import sys

import jsonschema

schema = json.load(open("www/heluo.schema.json", encoding="utf-8"))
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)
files = sorted(glob.glob("www/data/*.json") + glob.glob("tests/fixtures/good/*.json"))
bad = 0
for path in files:
    errors = list(validator.iter_errors(json.load(open(path, encoding="utf-8-sig"))))
    for e in errors[:3]:
        print(f"{path}: {'/'.join(map(str, e.absolute_path))}: {e.message}")
    bad += bool(errors)
# And it refuses what the reader refuses (a schema that accepts everything would pass the above).
refused = [
    {},
    {"trend": []},
    {"trend": [[1799, 1]]},
    {"trend": {"title": "no series"}},
    {"ranking": {"metrics": [], "villages": []}},
    {"ranking": {"metrics": [{"key": " "}], "villages": [{"name": "a", "values": {}}]}},
    {"ranking": {"metrics": [{"key": "k"}], "villages": [{"name": "a", "values": {"k": "3.1%"}}]}},
]
for doc in refused:
    if validator.is_valid(doc):
        print(f"the schema accepts {json.dumps(doc, ensure_ascii=False)}, which the reader refuses")
        bad += 1
print(f"schema: {len(files)} files and {len(refused)} refusals checked, {bad} wrong")
sys.exit(1 if bad else 0)
