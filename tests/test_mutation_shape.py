"""The shape of mutations and root fields: every mutation takes one `input` and answers a
nullable payload, and a refused root field (a mutation, or a figure asked for a missing or
forbidden id) answers null with its error while the document's other fields keep theirs."""

from __future__ import annotations

from typing import Any

import pytest

from partygraph import auth
from partygraph.seed.records import node, rel
from tests.support.suite import Client, Server, Target, load, wipe

# Deep enough for `[ID!]!`: NON_NULL of LIST of NON_NULL of ID.
TYPE = "type { kind name ofType { kind name ofType { kind name ofType { kind name } } } }"
INTROSPECT = f"""{{ __schema {{
  mutationType {{ fields {{ name type {{ kind name }} args {{ name {TYPE} }} }} }}
  queryType {{ fields {{ name type {{ kind name }} args {{ name {TYPE} }} }} }} }} }}"""


@pytest.fixture(scope="module")
def graph(target: Target, engine_kind: str) -> Target:
    wipe(target)
    load(
        target,
        [
            node("Street", "ms-s", name="湛山街道"),
            node("Community", "ms-c", name="湛山社区"),
            rel("IN", "ms-c", "ms-s"),
            node("Grid", "ms-g", name="第一网格", level="COMMUNITY"),
            rel("IN", "ms-g", "ms-c"),
            node("Unit", "ms-u", name="区卫健局"),
        ],
    )
    return target


def _code(error: dict[str, Any]) -> str:
    return str(error["extensions"]["code"])


def test_a_refused_mutation_keeps_the_payload_of_the_one_before(
    client: Client, graph: Target
) -> None:
    body = client.post("""mutation {
      made: createEntity(input: {label: Grid, id: "ms-g2", properties: {name: "第二网格"}}) {
        entity { id name } createdIds }
      gone: deleteEntity(input: {id: "nowhere"}) { deletedId } }""").json()
    assert body["data"] == {
        "made": {"entity": {"id": "ms-g2", "name": "第二网格"}, "createdIds": ["ms-g2"]},
        "gone": None,
    }
    (error,) = body["errors"]
    assert error["path"] == ["gone"] and _code(error) == "NOT_FOUND"
    again = client.query('{ grid(id: "ms-g2") { name } }')
    assert again["data"]["grid"] == {"name": "第二网格"}


def test_a_forbidden_mutation_keeps_the_allowed_ones_payload(graph: Target, server: Server) -> None:
    office = Client(server.url, auth.mint(graph.settings(), auth.Role.STREET, "ms-s"))
    body = office.post("""mutation {
      raised: raiseRequest(input: {gridId: "ms-g", category: SAFETY, description: "楼道堆物"}) {
        request { status level } }
      made: createEntity(input: {label: Grid, properties: {name: "越权网格"}}) {
        createdIds } }""").json()
    assert body["data"] == {"raised": {"request": {"status": "OPEN", "level": 0}}, "made": None}
    (error,) = body["errors"]
    assert error["path"] == ["made"] and _code(error) == "FORBIDDEN"


def test_a_refused_statistics_field_leaves_the_good_one(
    client: Client, graph: Target, server: Server
) -> None:
    body = client.post("""{
      good: requestStats(areaId: "ms-c") { total }
      missing: reverseReport(unitId: "nowhere", period: "2024") { period }
      gaps: coverageGaps(areaId: "nowhere") { area { id } } }""").json()
    assert body["data"]["missing"] is None and body["data"]["gaps"] is None
    assert isinstance(body["data"]["good"]["total"], int)
    assert sorted((e["path"][0], _code(e)) for e in body["errors"]) == [
        ("gaps", "NOT_FOUND"),
        ("missing", "NOT_FOUND"),
    ]
    unit = Client(server.url, auth.mint(graph.settings(), auth.Role.UNIT, "ms-u"))
    refused = unit.post("""{ unit(id: "ms-u") { name }
      requestStats(areaId: "ms-c") { total } }""").json()
    assert refused["data"] == {"unit": {"name": "区卫健局"}, "requestStats": None}
    (error,) = refused["errors"]
    assert error["path"] == ["requestStats"] and _code(error) == "FORBIDDEN"


def test_every_mutation_takes_one_input_and_answers_a_nullable_payload(client: Client) -> None:
    fields = client.query(INTROSPECT)["data"]["__schema"]["mutationType"]["fields"]
    assert len(fields) >= 19
    for field in fields:
        name = field["name"][0].upper() + field["name"][1:]
        (argument,) = field["args"]
        assert argument["name"] == "input", field
        assert argument["type"]["kind"] == "NON_NULL", field
        assert argument["type"]["ofType"]["kind"] == "INPUT_OBJECT", field
        assert argument["type"]["ofType"]["name"] == f"{name}Input", field
        assert field["type"] == {"kind": "OBJECT", "name": f"{name}Payload"}, field


def test_root_fields_that_take_an_id_are_nullable(client: Client) -> None:
    fields = client.query(INTROSPECT)["data"]["__schema"]["queryType"]["fields"]
    taking_ids = [f for f in fields if any(_named(a["type"]) == "ID" for a in f["args"])]
    assert {"requestStats", "coverageGaps", "reportingSummary", "reverseReport", "nodes"} <= {
        f["name"] for f in taking_ids
    }
    assert [f["name"] for f in taking_ids if f["type"]["kind"] == "NON_NULL"] == []


def _named(kind: dict[str, Any]) -> str:
    """The named type inside NON_NULL and LIST wrappers."""
    while kind.get("ofType") is not None:
        kind = kind["ofType"]
    return str(kind["name"])


def test_a_bad_cursor_in_a_mutations_answer_refuses_it_before_the_change(
    client: Client, graph: Target
) -> None:
    body = client.post("""mutation {
      createEntity(input: {label: Community, id: "ms-c2", properties: {name: "新社区"}}) {
        entity { ... on Community { unreportedMembers(first: 1, after: "bogus") { totalCount } } }
      } }""").json()
    assert body.get("data") is None
    (error,) = body["errors"]
    assert _code(error) == "BAD_USER_INPUT" and "after" in error["message"]
    assert client.query('{ community(id: "ms-c2") { name } }')["data"]["community"] is None


def test_a_bad_cursor_in_a_list_leaves_the_other_fields(client: Client, graph: Target) -> None:
    body = client.post('{ __typename districts(after: "bad") { totalCount } }').json()
    assert body["data"] == {"__typename": "Query", "districts": None}
    (error,) = body["errors"]
    assert error["path"] == ["districts"] and _code(error) == "BAD_USER_INPUT"


def test_a_search_without_text_leaves_the_other_fields(client: Client, graph: Target) -> None:
    body = client.post('{ community(id: "ms-c") { name } search(text: "  ") { id } }').json()
    assert body["data"] == {"community": {"name": "湛山社区"}, "search": None}
    (error,) = body["errors"]
    assert error["path"] == ["search"] and _code(error) == "BAD_USER_INPUT"
