"""The Neo4j fidelity check is real: Neo4j's parser and semantic analysis, run offline."""

from __future__ import annotations

import shutil
from typing import Any

import pytest

from tests.support.cypher_lint import LintProblem, ensure_installed, lint, raw_report

SCHEMA: dict[str, list[str]] = {
    "labels": ["Entity", "Grid", "Community"],
    "relationshipTypes": ["IN", "RESIDES_IN"],
    "propertyKeys": ["id", "name"],
}

IN_COMMUNITY = "MATCH (n:Entity {id: $id})-[:IN*0..6]->(c:Community) RETURN DISTINCT c.id AS id"

# (name, query, parameters supplied at run time)
SERVICE_STATEMENTS: list[tuple[str, str, list[str]]] = [
    ("in_community", IN_COMMUNITY, ["id"]),
    (
        "upsert_grid",
        "UNWIND $rows AS row MERGE (n:Entity:Grid {id: row.id}) SET n += row.properties",
        ["rows"],
    ),
    (
        "shortest_path",
        "MATCH p = shortestPath((a:Entity {id: $from})-[*..6]-(b:Entity {id: $to})) "
        "RETURN length(p) AS length, [n IN nodes(p) | n {.id, .name}] AS nodes, "
        "[r IN relationships(p) | {type: type(r), from: startNode(r).id, to: endNode(r).id}]"
        " AS rels",
        ["from", "to"],
    ),
    (
        "grid_constraint",
        "CREATE CONSTRAINT grid_id IF NOT EXISTS FOR (n:Grid) REQUIRE n.id IS UNIQUE",
        [],
    ),
    (
        "subqueries",
        "MATCH (g:Entity {id: $id}) "
        "RETURN COUNT { (g)<-[:RESIDES_IN]-() } AS n, EXISTS { (g)-[:IN]->() } AS e",
        ["id"],
    ),
    ("temporal", "RETURN date('2024-01-01') AS d, datetime() AS t", []),
    (
        "builtins",
        "MATCH (n:Entity) WHERE toLower(n.name) STARTS WITH toLower($prefix) "
        "RETURN coalesce(n.name, n.id) AS label, count(*) AS c",
        ["prefix"],
    ),
    (
        "label_template",
        "MATCH (n:__LABEL__)\nWHERE n.id IN $keys\n"
        "RETURN n.id AS key, '__LABEL__' AS label, properties(n) AS props",
        ["keys"],
    ),
]


@pytest.fixture(scope="module", autouse=True)
def _installed() -> None:
    ensure_installed()


def _raw(query: str, parameters: list[str]) -> list[dict[str, Any]]:
    """Every diagnostic (warnings included) that lint.mjs reports for one statement."""
    node = shutil.which("node")
    assert node is not None
    report = raw_report(node, [("q", query)], SCHEMA, {"q": parameters})
    assert [entry["name"] for entry in report] == ["q"]
    return list(report[0]["diagnostics"])


def test_valid_statement_lints_clean() -> None:
    assert lint([("in_community", IN_COMMUNITY)], SCHEMA, {"in_community": ["id"]}) == []


def test_syntax_error_is_reported_with_its_position() -> None:
    problems = lint(
        [("one_line", "MATCH (n RETURN n"), ("two_lines", "MATCH (n\nRETURN n")], SCHEMA
    )
    assert [(p.name, p.severity, p.line) for p in problems] == [
        ("one_line", "error", 1),
        ("two_lines", "error", 2),
    ]
    assert all("Invalid input 'RETURN'" in p.message for p in problems)
    assert problems[1].column == 1


def test_semantic_error_is_reported() -> None:
    problems = lint([("undefined", "MATCH (n) RETURN m")], SCHEMA)
    assert problems == [
        LintProblem("undefined", "error", "Variable `m` not defined", line=1, column=18)
    ]


def test_statements_of_the_service_lint_clean() -> None:
    problems = lint(
        [(name, query) for name, query, _ in SERVICE_STATEMENTS],
        SCHEMA,
        {name: params for name, _, params in SERVICE_STATEMENTS},
    )
    assert problems == [], "\n".join(map(str, problems))


def test_parameters_must_be_supplied() -> None:
    statement = [("in_community", IN_COMMUNITY)]
    missing = lint(statement, SCHEMA, {"in_community": []})
    assert [(p.severity, p.message) for p in missing] == [
        ("error", "Parameter $id is not defined.")
    ]
    assert lint(statement, SCHEMA, {}) == missing
    # parameters=None: parameters are not checked at all.
    assert lint(statement, SCHEMA) == []


def test_unknown_functions_and_plugin_procedures_are_errors() -> None:
    problems = lint(
        [("typo", "RETURN toLowr('A') AS a"), ("apoc", "CALL apoc.help('merge')")], SCHEMA
    )
    assert [(p.name, p.message.split(" is not present")[0]) for p in problems] == [
        ("typo", "Function toLowr"),
        ("apoc", "Procedure apoc.help"),
    ]


def test_unknown_labels_types_and_properties_are_only_warnings() -> None:
    query = "MATCH (n:__LABEL__)-[:__REL__]->(m:Entity) RETURN n.id AS id, m.nickname AS nick"
    diagnostics = _raw(query, [])
    assert {d["severity"] for d in diagnostics} == {"warning"}
    messages = " | ".join(d["message"] for d in diagnostics)
    assert "Label __LABEL__ is not present" in messages
    assert "Relationship type __REL__ is not present" in messages
    assert "nickname is not present" in messages
    assert lint([("template", query)], SCHEMA) == []


def test_statements_are_checked_one_by_one_in_one_batch() -> None:
    problems = lint(
        [("good", IN_COMMUNITY), ("bad", "MATCH (n) RETURN n ORDER BY x"), ("good2", "RETURN 1")],
        SCHEMA,
    )
    assert {p.name for p in problems} == {"bad"}
