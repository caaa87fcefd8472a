"""Pairing details, branch pairs and alliances (question 1) and exploration (question 6):
neighbourhood and name search, checked against networkx and plain Python."""

from __future__ import annotations

from typing import Any

import pytest

from partygraph.seed.demo import DemoSize, demo
from partygraph.seed.records import Record, rel
from tests.support.model import Model
from tests.support.suite import Client, Target, load, wipe

SIZE = DemoSize(streets=2, communities_per_street=3, grids_per_community=2, units=10)


@pytest.fixture(scope="module")
def model(target: Target, engine_kind: str) -> Model:
    wipe(target)
    records: list[Record] = list(demo(seed=31, size=SIZE))
    # A unit paired with a grid that has grids inside it: they count it through that grid.
    parent = next(r["to"] for r in records if r.get("rel") == "IN" and "-k" in r["from"])
    records.append(rel("PAIRED_WITH", "u-001", parent, since="2024-09-01"))
    load(target, records)
    return Model(records)


def test_each_paired_unit_says_how_it_counts(client: Client, model: Model) -> None:
    query = """query($id: ID!) { grid(id: $id) {
        pairedUnits { id } pairings { unit { id } via through { id label } since } } }"""
    checked = set()
    for grid in model.ids("Grid"):
        got = client.query(query, {"id": grid})["data"]["grid"]
        pairings = sorted((p["unit"]["id"], p["via"], p["through"]["id"]) for p in got["pairings"])
        assert pairings == model.pairings(grid), grid
        # pairedUnits is exactly the distinct units of the pairings
        assert [u["id"] for u in got["pairedUnits"]] == sorted({p[0] for p in pairings})
        for p in got["pairings"]:
            assert p["through"]["label"] == model.label(p["through"]["id"])
            edge = model.g.edges[p["unit"]["id"], p["through"]["id"], "PAIRED_WITH"]
            assert p["since"] == edge["since"]
        checked |= {via for _, via, _ in pairings}
    assert checked == {"DIRECT", "GRID", "COMMUNITY"}  # the data exercises every way


def test_branch_pairs_and_alliances(client: Client, model: Model) -> None:
    orgs: list[dict[str, Any]] = []
    after = None
    while True:
        page = client.query(
            """query($after: String) { partyOrganizations(first: 50, after: $after) {
              edges { node { id pairedOrganizations { id } alliances { id kind } } }
              pageInfo { hasNextPage endCursor } } }""",
            {"after": after},
        )["data"]["partyOrganizations"]
        orgs += [e["node"] for e in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    paired = 0
    for org in orgs:
        both = {
            o
            for o in model.out(org["id"], "PAIRED_WITH") + model.into(org["id"], "PAIRED_WITH")
            if model.label(o) == "PartyOrganization"
        }
        assert [o["id"] for o in org["pairedOrganizations"]] == sorted(both)
        assert [a["id"] for a in org["alliances"]] == sorted(
            model.out(org["id"], "MEMBER_OF")
            if False
            else [a for a in model.out(org["id"], "MEMBER_OF") if model.label(a) == "Alliance"]
        )
        paired += bool(both)
    assert paired >= 4
    body = client.query(
        """{ node(id: "al-s-01") { ... on Alliance { kind members { id label } } } }"""
    )["data"]["node"]
    assert body["kind"] == "AREA"
    assert [m["id"] for m in body["members"]] == sorted(model.into("al-s-01", "MEMBER_OF"))
    community = model.into("al-s-01", "MEMBER_OF")[0]
    got = client.query(f'{{ community(id: "{community}") {{ alliances {{ id }} }} }}')
    assert got["data"]["community"]["alliances"] == [{"id": "al-s-01"}]


NEIGHBOURHOOD = """query($id: ID!, $depth: Int, $types: [RelationshipType!], $limit: Int) {
  neighborhood(id: $id, depth: $depth, types: $types, limit: $limit) {
    nodes { id label name } relationships { type from to } truncated } }"""


@pytest.mark.parametrize(
    ("start", "depth", "types"),
    [
        ("s-01-c01", 1, None),
        ("s-01-c01", 2, None),
        ("s-01-c02-g1", 2, ["IN", "PAIRED_WITH"]),
        ("d-01", 3, ["IN"]),
        ("u-003", 2, ["PAIRED_WITH", "WORKS_AT"]),
    ],
)
def test_neighbourhood_matches_breadth_first_search(
    client: Client, model: Model, start: str, depth: int, types: list[str] | None
) -> None:
    got = client.query(NEIGHBOURHOOD, {"id": start, "depth": depth, "types": types, "limit": 500})[
        "data"
    ]["neighborhood"]
    nodes, rels = model.neighbourhood(start, depth, set(types) if types else None)
    assert not got["truncated"]
    assert {n["id"] for n in got["nodes"]} == nodes
    assert got["nodes"][0]["id"] == start
    for n in got["nodes"]:
        assert (n["label"], n["name"]) == (model.label(n["id"]), model.g.nodes[n["id"]]["name"])
    assert {(r["from"], r["type"], r["to"]) for r in got["relationships"]} == rels


def test_neighbourhood_is_bounded(client: Client, model: Model) -> None:
    got = client.query(NEIGHBOURHOOD, {"id": "d-01", "depth": 3, "types": None, "limit": 10})
    hood = got["data"]["neighborhood"]
    assert hood["truncated"] and len(hood["nodes"]) == 10  # the start and nine more
    assert hood["nodes"][0]["id"] == "d-01"
    shown = {n["id"] for n in hood["nodes"]}
    assert all(r["from"] in shown and r["to"] in shown for r in hood["relationships"])


def test_the_limit_counts_the_centre(client: Client, model: Model) -> None:
    whole, _ = model.neighbourhood("s-01-c01", 1, None)

    def hood(limit: int) -> dict[str, Any]:
        variables = {"id": "s-01-c01", "depth": 1, "types": None, "limit": limit}
        found: dict[str, Any] = client.query(NEIGHBOURHOOD, variables)["data"]["neighborhood"]
        return found

    exactly = hood(len(whole))  # room for every node: nothing cut
    assert not exactly["truncated"] and {n["id"] for n in exactly["nodes"]} == whole
    one_short = hood(len(whole) - 1)
    assert one_short["truncated"] and len(one_short["nodes"]) == len(whole) - 1
    alone = hood(1)
    assert alone["truncated"] and [n["id"] for n in alone["nodes"]] == ["s-01-c01"]
    assert alone["relationships"] == []


@pytest.mark.parametrize(
    ("variables", "code"),
    [
        ({"id": "d-01", "depth": 4}, "BAD_USER_INPUT"),
        ({"id": "d-01", "depth": 0}, "BAD_USER_INPUT"),
        ({"id": "d-01", "limit": 501}, "BAD_USER_INPUT"),
        ({"id": "nowhere"}, "NOT_FOUND"),
        ({"id": "d-01", "types": ["LIKES"]}, "BAD_USER_INPUT"),
    ],
)
def test_neighbourhood_bad_input(
    client: Client, model: Model, variables: dict[str, Any], code: str
) -> None:
    body = client.post(NEIGHBOURHOOD, variables).json()
    assert body["errors"][0]["extensions"]["code"] == code


SEARCH = """query($text: String!, $labels: [Label!], $first: Int) {
  search(text: $text, labels: $labels, first: $first) { id label name } }"""


@pytest.mark.parametrize(
    ("text", "labels"), [("社区", None), ("网格", ["Grid"]), ("局", ["Unit", "PartyOrganization"])]
)
def test_search_finds_chinese_substrings(
    client: Client, model: Model, text: str, labels: list[str] | None
) -> None:
    got = client.query(SEARCH, {"text": text, "labels": labels, "first": 50})["data"]["search"]
    expected = sorted(
        (
            n
            for n, data in model.g.nodes(data=True)
            if text in data.get("name", "") and (labels is None or data["label"] in labels)
        ),
        key=lambda n: (len(model.g.nodes[n]["name"]), n),
    )[:50]
    assert expected  # the data has matches
    assert [n["id"] for n in got] == expected
    assert all(text in n["name"] for n in got)


def test_search_bad_input(client: Client, model: Model) -> None:
    for variables in ({"text": " "}, {"text": "x" * 51}, {"text": "社区", "first": 0}):
        body = client.post(SEARCH, variables).json()
        assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    # Lucene or regex syntax is just text: it matches nothing here, and breaks nothing.
    assert client.query(SEARCH, {"text": '"*) OR (x'})["data"]["search"] == []
