"""The audit trail: every mutation recorded (who, role, what, which ids, when, outcome)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest

from partygraph import auth
from partygraph.seed.records import node, rel
from tests.support.suite import Client, Server, Target, load, reload

TRAIL = """query($op: String, $after: String) {
  auditTrail(operation: $op, first: 100, after: $after) {
  totalCount edges { node { id at actor role operation operationName ids outcome } }
  pageInfo { hasNextPage endCursor } } }"""


@pytest.fixture(scope="module")
def fresh(target: Target, engine_kind: str) -> Target:
    reload(target, [node("Community", "c-a", name="云霄路社区")])
    return target


def test_every_mutation_is_recorded_with_its_outcome(client: Client, fresh: Target) -> None:
    started = dt.datetime.now(dt.UTC)
    client.query(
        'mutation { createEntity(input: {label: Grid, id: "g-a", properties: {name: "第一网格"}}) '
        "{ createdIds } }"
    )
    refused = client.post('mutation { deleteEntity(input: {id: "nowhere"}) { deletedId } }').json()
    assert refused["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    both = client.post("""mutation {
      ok: link(input: {type: IN, from: "g-a", to: "c-a"}) { relationship { type } }
      bad: link(input: {type: IN, from: "c-a", to: "g-a"}) { relationship { type } } }""").json()
    # Mutations run one after the other: `ok` is stored, then `bad` is refused; `ok` keeps
    # its payload.
    assert both["errors"][0]["path"] == ["bad"]
    assert both["data"] == {"ok": {"relationship": {"type": "IN"}}, "bad": None}

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


def entries_for(client: Client, count: int) -> list[dict[str, Any]]:
    """The newest `count` entries, oldest first."""
    trail = client.query(TRAIL)["data"]["auditTrail"]
    return [edge["node"] for edge in trail["edges"]][-count:]


def test_the_entry_names_the_operation_that_ran_not_the_first_of_the_document(
    client: Client, fresh: Target, server: Server
) -> None:
    office = Client(server.url, auth.mint(fresh.settings(), auth.Role.COMMUNITY, "c-a"))
    forged = office.http.post(
        "/graphql",
        json={
            "query": "query Innocent { __typename } "
            'mutation Real { updateEntity(input: {id: "c-a", properties: {households: 12}}) '
            "{ entity { id } } }",
            "operationName": "Real",
        },
    ).json()
    assert not forged.get("errors"), forged
    (entry,) = entries_for(client, 1)
    assert (entry["operation"], entry["operationName"], entry["ids"]) == (
        "updateEntity",
        "Real",
        ["c-a"],
    )
    assert entry["role"] == "community" and entry["outcome"] == "OK"

    load(fresh, [node("Grid", "g-doomed", name="临时网格")])
    decoy = client.http.post(
        "/graphql",
        json={
            "query": "mutation Decoy { updateEntity(input: "
            '{id: "c-a", properties: {households: 1}}) { entity { id } } } '
            'mutation Real { deleteEntity(input: {id: "g-doomed"}) { deletedId } }',
            "operationName": "Real",
        },
    ).json()
    assert not decoy.get("errors"), decoy
    (entry,) = entries_for(client, 1)
    assert (entry["operation"], entry["operationName"], entry["ids"]) == (
        "deleteEntity",
        "Real",
        ["g-doomed"],
    )


def test_ids_sent_as_variables_and_ids_created_are_recorded(client: Client, fresh: Target) -> None:
    made = client.query(
        "mutation($label: Label!, $name: String!) { createEntity(input: {label: $label, "
        "properties: {name: $name}}) { entity { id } } }",
        {"label": "Grid", "name": "第二网格"},
    )["data"]["createEntity"]["entity"]["id"]
    client.query(
        "mutation($from: ID!, $to: ID!) { link(input: {type: IN, from: $from, to: $to}) "
        "{ relationship { type } } }",
        {"from": made, "to": "c-a"},
    )
    refused = client.post(
        "mutation($id: ID!) { deleteEntity(input: {id: $id}) { deletedId } }", {"id": "nowhere"}
    ).json()
    assert refused["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    lines = "\n".join(
        [
            '{"type": "node", "label": "Grid", "id": "g-imp", "properties": {"name": "第三网格"}}',
            '{"type": "relationship", "rel": "IN", "from": "g-imp", "to": "c-a"}',
        ]
    )
    client.query(
        "mutation($lines: String!) { importRecords(input: {records: $lines}) { nodesCreated } }",
        {"lines": lines},
    )
    got = [(e["operation"], e["ids"], e["outcome"]) for e in entries_for(client, 4)]
    assert got == [
        ("createEntity", [made], "OK"),
        ("link", sorted([made, "c-a"]), "OK"),
        ("deleteEntity", ["nowhere"], "NOT_FOUND"),
        ("importRecords", ["c-a", "g-imp"], "OK"),
    ]


@pytest.fixture
def unwritable_trail(fresh: Target) -> Iterator[str]:
    """A trail that refuses every entry of one actor: their changes must not be stored."""
    actor = "no-trail"
    c = fresh.connection
    with fresh.driver() as driver:
        # Only for this test: the service itself never removes an entry.
        driver.execute_query("MATCH (a:AuditEntry) DELETE a", database_=c.database)
        driver.execute_query(
            "CREATE CONSTRAINT audit_actor_once IF NOT EXISTS "
            "FOR (a:AuditEntry) REQUIRE a.actor IS UNIQUE",
            database_=c.database,
        )
        driver.execute_query(
            "CREATE (:AuditEntry {id: 'blocker', actor: $actor})",
            actor=actor,
            database_=c.database,
        )
        try:
            yield actor
        finally:
            driver.execute_query(
                "MATCH (a:AuditEntry {id: 'blocker'}) DELETE a", database_=c.database
            )
            driver.execute_query("DROP CONSTRAINT audit_actor_once", database_=c.database)


@pytest.mark.neo4j_only  # ArcadeDB: uniqueness constraints on other labels behave differently
def test_a_change_whose_entry_cannot_be_written_is_not_made(
    client: Client, fresh: Target, server: Server, unwritable_trail: str
) -> None:
    token = auth.mint(fresh.settings(), auth.Role.ADMIN, subject=unwritable_trail)
    actor = Client(server.url, token)
    body = actor.post(
        'mutation { updateEntity(input: {id: "c-a", properties: {households: 99}}) '
        "{ entity { id } } }"
    )
    assert body.json()["data"] == {"updateEntity": None}
    assert body.json()["errors"][0]["extensions"]["code"] == "CONFLICT"
    households = client.query('{ community(id: "c-a") { households } }')["data"]["community"]
    assert households["households"] != 99  # entry and change commit together, or neither


@pytest.mark.parametrize(
    "mutation",
    [
        'updateEntity(input: {id: "c-a", properties: {households: 77}}) '
        "{ entity { ... on Community { unreportedMembers(first: 500) { totalCount } } } }",
        'raiseRequest(input: {id: "r-dup", gridId: "g-a", category: SAFETY, '
        'description: "楼道堆物"}) { request { id grid { wishes(first: 500) { id } } } }',
    ],
)
def test_a_bad_part_of_the_answer_refuses_the_change_before_it_is_made(
    client: Client, fresh: Target, mutation: str
) -> None:
    load(fresh, [node("Grid", "g-a", name="第一网格"), rel("IN", "g-a", "c-a")])
    before = client.query('{ community(id: "c-a") { households } }')["data"]["community"]
    body = client.post("mutation { " + mutation + " }").json()
    assert body["data"] is None
    assert body["errors"][0]["extensions"]["code"] in ("BAD_USER_INPUT", "QUERY_TOO_COMPLEX")
    after = client.query('{ community(id: "c-a") { households } }')["data"]["community"]
    assert after == before  # refused before anything was written
    assert client.query('{ node(id: "r-dup") { id } }')["data"]["node"] is None
