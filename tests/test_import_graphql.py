"""The import contract through GraphQL (small batches): same checks, same all-or-nothing."""

from __future__ import annotations

import json

import pytest

from partygraph.seed.records import node, rel
from tests.support.suite import Client, Target, wipe

IMPORT = """mutation($lines: String!) { importRecords(input: {records: $lines}) {
    nodesCreated nodesUpdated relationshipsCreated relationshipsUpdated } }"""

BATCH = "\n".join(
    json.dumps(r, ensure_ascii=False)
    for r in [
        node("Street", "s-9", name="宁海路街道"),
        node("Community", "c-9", name="西康路社区"),
        rel("IN", "c-9", "s-9"),
    ]
)


@pytest.fixture
def fresh(target: Target, engine_kind: str) -> Target:
    wipe(target)
    return target


def test_import_through_graphql_is_an_upsert(client: Client, fresh: Target) -> None:
    first = client.query(IMPORT, {"lines": BATCH})["data"]["importRecords"]
    assert first == {
        "nodesCreated": 2,
        "nodesUpdated": 0,
        "relationshipsCreated": 1,
        "relationshipsUpdated": 0,
    }
    again = client.query(IMPORT, {"lines": BATCH})["data"]["importRecords"]
    assert again == {
        "nodesCreated": 0,
        "nodesUpdated": 2,
        "relationshipsCreated": 0,
        "relationshipsUpdated": 1,
    }
    street = client.query('{ community(id: "c-9") { street { name } } }')["data"]
    assert street == {"community": {"street": {"name": "宁海路街道"}}}


def test_a_bad_batch_reports_lines_and_writes_nothing(client: Client, fresh: Target) -> None:
    bad = BATCH + "\n" + json.dumps(rel("IN", "c-9", "s-404")) + "\n{broken"
    body = client.post(IMPORT, {"lines": bad}).json()
    error = body["errors"][0]
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert [p["line"] for p in error["extensions"]["problems"]] == [4, 5]
    assert "s-404" in error["extensions"]["problems"][0]["message"]
    assert client.query('{ node(id: "c-9") { id } }')["data"] == {"node": None}


def test_large_batches_are_sent_to_the_command_line(client: Client, fresh: Target) -> None:
    lines = "\n".join(json.dumps(node("Person", f"p-{i}", name="张三")) for i in range(5001))
    body = client.post(IMPORT, {"lines": lines}).json()
    assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    assert "partygraph import" in body["errors"][0]["message"]
