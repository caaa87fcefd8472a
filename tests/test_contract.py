"""The contract fields of DESIGN.md, answered over HTTP and checked against networkx."""

from __future__ import annotations

import random
from typing import Any

import pytest

from partygraph.seed.demo import DemoSize, demo
from partygraph.seed.records import Record, node, rel
from tests.support.model import Model
from tests.support.suite import Client, Target, reload

pytestmark = pytest.mark.both_engines  # the integration contract holds on both

SIZE = DemoSize(
    streets=2,
    communities_per_street=3,
    grids_per_community=3,
    compounds_per_grid=3,
    buildings_per_compound=3,
    residents_per_place=4,
    units=12,
)


def dataset() -> list[Record]:
    records = list(demo(seed=2024, size=SIZE))
    # An island, for paths that do not exist, and a name with quotes and backslashes.
    records += [
        node("Unit", "u-island", name='孤岛"单位"\\测试', category="ENTERPRISE"),
        node("Person", "p-island", name="欧阳 娜娜"),
        rel("WORKS_AT", "p-island", "u-island"),
    ]
    return records


@pytest.fixture(scope="module")
def model(target: Target, engine_kind: str) -> Model:
    records = dataset()
    reload(target, records)
    return Model(records)


def all_pages(client: Client, field: str, selection: str, first: int = 100) -> list[dict[str, Any]]:
    nodes: list[dict[str, Any]] = []
    after = None
    while True:
        body = client.query(
            f"query($after: String) {{ {field}(first: {first}, after: $after) "
            f"{{ edges {{ node {{ {selection} }} }} pageInfo {{ hasNextPage endCursor }} }} }}",
            {"after": after},
        )
        page = body["data"][field]
        nodes += [edge["node"] for edge in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            return nodes
        after = page["pageInfo"]["endCursor"]


def test_paired_units_of_every_grid(client: Client, model: Model) -> None:
    grids = all_pages(client, "grids", "id pairedUnits { id label }", first=50)
    assert [g["id"] for g in grids] == model.ids("Grid")
    nonempty = 0
    for grid in grids:
        got = sorted(u["id"] for u in grid["pairedUnits"])
        assert got == model.paired_units(grid["id"]), grid["id"]
        assert all(u["label"] == "Unit" for u in grid["pairedUnits"])
        nonempty += bool(got)
    assert nonempty > len(grids) // 2  # the data really exercises the field


def test_grid_lookup_with_its_chinese_names(client: Client, model: Model) -> None:
    building = next(g for g in model.ids("Grid") if model.g.nodes[g]["level"] == "BUILDING")
    body = client.query(
        "query($id: ID!) { grid(id: $id) { id name level community { id name } } }",
        {"id": building},
    )
    grid = body["data"]["grid"]
    community = building.split("-g")[0]
    assert grid["name"] == model.g.nodes[building]["name"] and grid["level"] == "BUILDING"
    assert grid["community"] == {"id": community, "name": model.g.nodes[community]["name"]}
    assert any("\u4e00" <= ch <= "\u9fff" for ch in grid["community"]["name"])


def test_unreported_members_of_every_community_page_by_page(client: Client, model: Model) -> None:
    query = """query($id: ID!, $after: String) { community(id: $id) {
        unreportedMembers(first: 2, after: $after) {
          totalCount edges { cursor node { id name } } pageInfo { hasNextPage endCursor } } } }"""
    total_expected = 0
    for community in model.ids("Community"):
        expected = model.unreported_members(community)
        total_expected += len(expected)
        seen: list[str] = []
        after = None
        while True:
            page = client.query(query, {"id": community, "after": after})["data"]["community"][
                "unreportedMembers"
            ]
            assert page["totalCount"] == len(expected)
            assert len(page["edges"]) <= 2
            seen += [edge["node"]["id"] for edge in page["edges"]]
            if page["edges"]:
                assert page["pageInfo"]["endCursor"] == page["edges"][-1]["cursor"]
            if not page["pageInfo"]["hasNextPage"]:
                break
            after = page["pageInfo"]["endCursor"]
        assert seen == expected, community
    assert total_expected > 5


@pytest.mark.parametrize(
    ("args", "code"),
    [
        ("first: 0", "BAD_USER_INPUT"),
        ("first: 101", "BAD_USER_INPUT"),
        ('after: "not-a-cursor"', "BAD_USER_INPUT"),
    ],
)
def test_unreported_members_rejects_bad_page_arguments(
    client: Client, model: Model, args: str, code: str
) -> None:
    community = model.ids("Community")[0]
    response = client.post(
        f'{{ community(id: "{community}") {{ unreportedMembers({args}) {{ totalCount }} }} }}'
    )
    errors = response.json()["errors"]
    assert errors[0]["extensions"]["code"] == code
    assert "Traceback" not in response.text and "MATCH" not in response.text


PATH = """query($from: ID!, $to: ID!, $hops: Int) {
  shortestPath(from: $from, to: $to, maxHops: $hops) {
    length nodes { id label name } relationships { type from to } } }"""


def check_path(model: Model, path: dict[str, Any], a: str, b: str) -> None:
    nodes = [n["id"] for n in path["nodes"]]
    assert nodes[0] == a and nodes[-1] == b
    assert path["length"] == len(path["relationships"]) == len(nodes) - 1
    for n in path["nodes"]:
        assert n["label"] == model.label(n["id"]) and n["name"] == model.g.nodes[n["id"]]["name"]
    for step, r in enumerate(path["relationships"]):
        assert {r["from"], r["to"]} == {nodes[step], nodes[step + 1]}
        assert model.linked(r["from"], r["to"], r["type"])  # real direction and type


def test_shortest_path_matches_networkx(client: Client, model: Model) -> None:
    rng = random.Random(5)
    everything = sorted(model.g.nodes)
    found = 0
    for _ in range(30):
        a, b = rng.sample(everything, 2)
        expected = model.hops(a, b)
        path = client.query(PATH, {"from": a, "to": b, "hops": 6})["data"]["shortestPath"]
        if expected is None or expected > 6:
            assert path is None, (a, b)
            continue
        assert path is not None and path["length"] == expected, (a, b)
        check_path(model, path, a, b)
        found += 1
    assert found >= 15


def test_shortest_path_respects_max_hops_and_says_none(client: Client, model: Model) -> None:
    a = "p-island"
    far = next(n for n in sorted(model.g.nodes) if (model.hops("s-01-c01", n) or 0) >= 3)
    hops = model.hops("s-01-c01", far)
    assert hops is not None
    within = client.query(PATH, {"from": "s-01-c01", "to": far, "hops": hops})["data"]
    assert within["shortestPath"]["length"] == hops
    beyond = client.query(PATH, {"from": "s-01-c01", "to": far, "hops": hops - 1})["data"]
    assert beyond["shortestPath"] is None
    island = client.query(PATH, {"from": a, "to": "s-01-c01", "hops": 12})["data"]
    assert island["shortestPath"] is None
    same = client.query(PATH, {"from": a, "to": a, "hops": 3})["data"]["shortestPath"]
    assert same == {
        "length": 0,
        "nodes": [{"id": a, "label": "Person", "name": "欧阳 娜娜"}],
        "relationships": [],
    }


@pytest.mark.parametrize(
    ("variables", "code"),
    [
        ({"from": "p-island", "to": "nowhere", "hops": 3}, "NOT_FOUND"),
        ({"from": "p-island", "to": "u-island", "hops": 0}, "BAD_USER_INPUT"),
        ({"from": "p-island", "to": "u-island", "hops": 99}, "BAD_USER_INPUT"),
    ],
)
def test_shortest_path_bad_input(
    client: Client, model: Model, variables: dict[str, Any], code: str
) -> None:
    body = client.post(PATH, variables).json()
    assert body["data"]["shortestPath"] is None
    assert body["errors"][0]["extensions"]["code"] == code


def test_node_by_id_returns_any_label(client: Client, model: Model) -> None:
    query = "query($id: ID!) { node(id: $id) { id label name __typename } }"
    for label in ("District", "Street", "Community", "Grid", "Unit", "PartyOrganization", "Person"):
        some = model.ids(label)[-1]
        got = client.query(query, {"id": some})["data"]["node"]
        assert got == {
            "id": some,
            "label": label,
            "__typename": label,
            "name": model.g.nodes[some]["name"],
        }
    assert client.query(query, {"id": "no-such-id"})["data"]["node"] is None
    island = client.query(query, {"id": "u-island"})["data"]["node"]
    assert island["name"] == '孤岛"单位"\\测试'


def test_typed_lookup_of_another_label_is_null(client: Client, model: Model) -> None:
    grid = model.ids("Grid")[0]
    body = client.query(
        "query($id: ID!) { community(id: $id) { id } grid(id: $id) { id } }", {"id": grid}
    )
    assert body["data"] == {"community": None, "grid": {"id": grid}}


def test_navigation_fields(client: Client, model: Model) -> None:
    communities = all_pages(
        client,
        "communities",
        "id street { id district { id } } grids { id } pairedUnits { id } "
        "partyOrganizations { id }",
    )
    for c in communities:
        street = model.out(c["id"], "IN")[0]
        assert c["street"] == {"id": street, "district": {"id": model.out(street, "IN")[0]}}
        grids = sorted(g for g in model.into(c["id"], "IN") if model.label(g) == "Grid")
        assert [g["id"] for g in c["grids"]] == grids
        assert [u["id"] for u in c["pairedUnits"]] == sorted(model.into(c["id"], "PAIRED_WITH"))
        assert [o["id"] for o in c["partyOrganizations"]] == sorted(model.into(c["id"], "LEADS"))
    # Small pages: a page of units costs their nested lists (partygraph.schema.cost).
    units = all_pages(
        client,
        "units",
        "id pairedCommunities { id } pairedGrids { id } "
        "members { id residence { id label } unit { id } organizations { id } }",
        first=10,
    )
    members_checked = 0
    for u in units:
        paired = model.out(u["id"], "PAIRED_WITH")
        assert [c["id"] for c in u["pairedCommunities"]] == sorted(
            p for p in paired if model.label(p) == "Community"
        )
        assert [g["id"] for g in u["pairedGrids"]] == sorted(
            p for p in paired if model.label(p) == "Grid"
        )
        for m in u["members"]:
            home = model.out(m["id"], "RESIDES_IN")
            assert m["residence"] == (
                {"id": home[0], "label": model.label(home[0])} if home else None
            )
            assert m["unit"] == {"id": u["id"]}
            assert [o["id"] for o in m["organizations"]] == sorted(model.out(m["id"], "MEMBER_OF"))
            members_checked += 1
    assert members_checked > 20


def test_error_codes_for_documents_and_variables(client: Client, model: Model) -> None:
    unknown_field = client.post('{ grid(id: "x") { nope } }').json()
    assert unknown_field["errors"][0]["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"
    syntax = client.post("{ grid(id: ").json()
    assert syntax["errors"][0]["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"
    # A variable that does not fit its type is the caller's input: BAD_USER_INPUT.
    bad_variable = client.post(PATH, {"from": "a", "to": "b", "hops": "six"}).json()
    assert bad_variable["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
