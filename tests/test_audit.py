"""The audit trail: every mutation recorded (who, role, what, which ids, when, outcome)."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import Client, Target, load, wipe

from partygraph.seed.records import node

TRAIL = """query($op: String, $after: String) {
  auditTrail(operation: $op, first: 100, after: $after) {
  totalCount edges { node { id at actor role operation ids outcome } }
  pageInfo { hasNextPage endCursor } } }"""


@pytest.fixture(scope="module")
def fresh(target: Target, engine_kind: str) -> Target:
    wipe(target)
    load(target, [node("Community", "c-a", name="云霄路社区")])
    return target


def test_every_mutation_is_recorded_with_its_outcome(client: Client, fresh: Target) -> None:
    started = dt.datetime.now(dt.UTC)
    client.query(
        'mutation { createEntity(label: Grid, id: "g-a", properties: {name: "第一网格"}) { id } }'
    )
    refused = client.post('mutation { deleteEntity(id: "nowhere") { id } }').json()
    assert refused["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    both = client.post("""mutation {
      ok: link(type: IN, from: "g-a", to: "c-a") { type }
      bad: link(type: IN, from: "c-a", to: "g-a") { type } }""").json()
    # Mutations run one after the other: `ok` is stored, then `bad` is refused (and, its
    # field being non-null, the response data is null).
    assert both["errors"][0]["path"] == ["bad"]

    entries = client.query(TRAIL)["data"]["auditTrail"]
    got = [
        (e["operation"], e["ids"], e["outcome"])
        for e in (edge["node"] for edge in entries["edges"])
    ]
    assert got[-4:] == [
        ("createEntity", ["g-a"], "OK"),
        ("deleteEntity", ["nowhere"], "NOT_FOUND"),
        ("link", ["c-a", "g-a"], "OK"),
        ("link", ["c-a", "g-a"], "BAD_USER_INPUT"),
    ]
    for edge in entries["edges"][-4:]:
        entry = edge["node"]
        assert entry["actor"] == "tests" and entry["role"] == "admin"
        assert dt.datetime.fromisoformat(entry["at"]) >= started - dt.timedelta(seconds=1)
    links = client.query(TRAIL, {"op": "link"})["data"]["auditTrail"]
    assert links["totalCount"] == 2


def test_queries_are_not_recorded_and_entries_are_not_entities(
    client: Client, fresh: Target
) -> None:
    before = client.query(TRAIL)["data"]["auditTrail"]["totalCount"]
    client.query('{ community(id: "c-a") { name } }')
    after = client.query(TRAIL)["data"]["auditTrail"]
    assert after["totalCount"] == before
    some = after["edges"][0]["node"]["id"]
    assert client.query(f'{{ node(id: "{some}") {{ id }} }}')["data"]["node"] is None
    # No mutation can change or remove an entry: the trail is append-only.
    names = client.query("{ __schema { mutationType { fields { name } } } }")["data"]
    assert not [f for f in names["__schema"]["mutationType"]["fields"] if "udit" in f["name"]]
