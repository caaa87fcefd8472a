"""Neo4j fidelity without Neo4j: Neo4j's own parser and semantic analysis
(@neo4j-cypher/language-support) checks every statement the service can send and every
statement it did send during this run. It runs after the others (tests/conftest.py orders it
last)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from partygraph import properties, vocabulary
from partygraph.cypher import renderings
from tests.support.cypher_lint import ensure_installed, lint
from tests.support.suite import RUN_FACTS

PACKAGE = Path(__file__).resolve().parent.parent / "partygraph"
SCHEMA = {
    "labels": [vocabulary.ENTITY, *vocabulary.LABELS],
    "relationshipTypes": sorted(vocabulary.REL_TYPES),
    "propertyKeys": properties.property_keys(),
}


@pytest.fixture(scope="module", autouse=True)
def _installed() -> None:
    ensure_installed()


def parameters_of(query: str) -> list[str]:
    return sorted(set(re.findall(r"\$(\w+)", query)))


def test_every_statement_in_the_files_passes_neo4j_analysis() -> None:
    statements = list(renderings.every_rendering())
    assert len(statements) > 100  # every template, filled every way the code can fill it
    problems = lint(statements, SCHEMA, {name: parameters_of(q) for name, q in statements})
    assert not problems, "\n".join(map(str, problems))


def test_every_statement_sent_during_the_run_passes_with_the_parameters_it_was_given(
    recorded_cypher: Path,
) -> None:
    if not recorded_cypher.exists():
        pytest.skip("no statement was sent in this run (run the whole suite)")
    lines = recorded_cypher.read_text("utf-8").splitlines()
    # Each process (the server, each CLI run) records what it sent: keep one of each.
    distinct = {(e["query"], tuple(e["parameters"])): e["name"] for e in map(json.loads, lines)}
    statements = [(f"{name}#{i}", q) for i, ((q, _), name) in enumerate(distinct.items())]
    given = {f"{name}#{i}": list(p) for i, ((_, p), name) in enumerate(distinct.items())}
    problems = lint(statements, SCHEMA, given)
    assert not problems, "\n".join(map(str, problems))
    rendered = sum(1 for _ in renderings.every_rendering())
    RUN_FACTS["cypher lint"] = (
        f"{len(statements)} statements sent during the run and {rendered} renderings "
        "of the statement files: no errors"
    )


def test_the_lint_catches_what_it_should() -> None:
    # A guard against a lint that passes everything: a statement with a missing parameter
    # and one with a typo'd function must fail.
    bad = [
        ("missing", "MATCH (n:Entity {id: $id}) RETURN n"),
        ("typo", "MATCH (n:Entity) RETURN toUpperr(n.name) AS x"),
    ]
    problems = lint(bad, SCHEMA, {"missing": [], "typo": []})
    assert {p.name for p in problems} == {"missing", "typo"}


def test_no_cypher_outside_the_cypher_folder() -> None:
    pattern = re.compile(r"[\"'](MATCH|MERGE|CREATE|UNWIND|CALL|RETURN) ")
    strays = [
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if "cypher" not in path.parts and pattern.search(path.read_text("utf-8"))
    ]
    assert strays == []
