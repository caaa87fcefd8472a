"""The import format published as JSON Schema (import.schema.json, `partygraph import-schema`):
the file in the repository is the one the service derives from its declarations; every record
of every seed profile fits it; and the one-line mistakes the importer refuses, it refuses too."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from partygraph import import_format
from partygraph.seed.profiles import PROFILES, generator
from partygraph.seed.records import Record
from tests.test_import import BAD_CASES

ROOT = Path(__file__).resolve().parent.parent
PUBLISHED = ROOT / "import.schema.json"
# Mistakes the importer alone refuses: what one line cannot show (ends in the graph, the labels
# they join, an id's stored label), what JSON cannot hold, and instants the schema leaves as
# text (ISO 8601 with or without an offset).
BEYOND_THE_SCHEMA = {
    "malformed JSON": "not JSON",
    "NaN": "not JSON",
    "lone surrogate": "JSON Schema sees a string",
    "dangling endpoint": "the graph",
    "wrong endpoints": "the labels of the ends",
    "id clash with stored label": "the graph",
    "instant before year 1 in UTC": "the instant's offset",
}
# Records checked of each label and each relationship type, in every profile.
EACH = 40


def sample(records: Iterable[Record]) -> list[Record]:
    """The first EACH records of every label and type: the schema's cost is per record."""
    seen: Counter[str] = Counter()
    kept = []
    for record in records:
        kind = str(record.get("label") or record.get("rel"))
        seen[kind] += 1
        if seen[kind] <= EACH:
            kept.append(record)
    return kept


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = import_format.json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


def test_the_published_file_is_the_derived_schema() -> None:
    printed = subprocess.run(
        [sys.executable, "-m", "partygraph", "import-schema"],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    ).stdout
    assert json.loads(printed) == import_format.json_schema()
    assert PUBLISHED.read_text(encoding="utf-8") == printed, (
        "import.schema.json is stale: `partygraph import-schema > import.schema.json`"
    )


@pytest.mark.parametrize("profile", sorted(PROFILES))
def test_every_seed_record_fits(profile: str, validator: jsonschema.Draft202012Validator) -> None:
    records = sample(generator(profile)(1.0, 1))
    assert {str(r.get("label") or r.get("rel")) for r in records} >= {"Person", "IN"}
    for record in records:
        errors = [e.message for e in validator.iter_errors(json.loads(json.dumps(record)))]
        assert not errors, (record, errors[:3])


@pytest.mark.parametrize("case", sorted(set(BAD_CASES) - set(BEYOND_THE_SCHEMA)))
def test_a_line_the_importer_refuses_does_not_fit(
    case: str, validator: jsonschema.Draft202012Validator
) -> None:
    line, _ = BAD_CASES[case]
    record: Any = json.loads(line)
    assert not validator.is_valid(record), case


def test_every_refused_line_is_classified() -> None:
    # A new bad case in test_import.py is either checked above or named with its reason.
    assert set(BAD_CASES) >= set(BEYOND_THE_SCHEMA)


def test_a_good_line_with_fields_of_its_own_fits(
    validator: jsonschema.Draft202012Validator,
) -> None:
    # Other systems may carry properties of their own (partygraph.properties keeps them).
    record = {
        "type": "node",
        "label": "Unit",
        "id": "u-九",
        "properties": {"name": "市档案馆", "level": "CITY", "sysCode": "A-17", "tags": ["x"]},
    }
    assert validator.is_valid(record)
    assert not validator.is_valid({**record, "properties": {"name": "x", "level": "GALAXY"}})
