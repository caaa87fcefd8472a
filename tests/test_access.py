"""Roles and scopes over real HTTP with real tokens: who may read what, and who may change what.

Every viewer below holds a token minted like `partygraph token --role ROLE --scope ID`. The
expected reach of each is written out in tests/access_data.py; these tests check every
entity through every kind of read (lookups, lists and their counts, navigation, search,
neighbourhoods, paths, aggregates) and every mutation for every role.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator
from typing import Any

import networkx as nx
import pytest

from partygraph import auth
from partygraph.access import RENDERINGS
from partygraph.db import Graph
from partygraph.export import export_records
from tests.support.access_data import ALL, PERIOD, VISIBLE, dataset
from tests.support.suite import (
    RUN_FACTS,
    Client,
    Server,
    Target,
    reload,
    run_graph,
    suite_engine,
)

pytestmark = pytest.mark.both_engines  # scopes and masks hold on both engines

VIEWERS: dict[str, tuple[auth.Role, str | None]] = {
    "admin": (auth.Role.ADMIN, None),
    "integration": (auth.Role.INTEGRATION, None),
    "district:d1": (auth.Role.DISTRICT, "d1"),
    "street:s1": (auth.Role.STREET, "s1"),
    "community:c1": (auth.Role.COMMUNITY, "c1"),
    "unit:u1": (auth.Role.UNIT, "u1"),
    "street:s2": (auth.Role.STREET, "s2"),  # a neighbour: s1's data is outside its reach
}
CELLS: dict[str, int] = {"read": 0, "mutation": 0}


def snapshot(target: Target) -> list[str]:
    async def work(graph: Graph) -> list[str]:
        return sorted(
            [json.dumps(r, sort_keys=True, ensure_ascii=False) async for r in export_records(graph)]
        )

    return run_graph(target, work)


def reset(target: Target) -> None:
    reload(target, dataset())


@pytest.fixture(scope="module")
def world(target: Target, engine_kind: str) -> Iterator[Target]:
    reset(target)
    yield target
    RUN_FACTS["role x operation cells"] = (
        f"{CELLS['read']} read cells (entity or query x viewer), "
        f"{CELLS['mutation']} mutation cells (mutation x viewer)"
    )


@pytest.fixture(scope="module")
def viewers(world: Target, server: Server) -> Iterator[dict[str, Client]]:
    settings = world.settings()
    clients = {
        name: Client(server.url, auth.mint(settings, role, scope, subject=name))
        for name, (role, scope) in VIEWERS.items()
    }
    yield clients
    for c in clients.values():
        c.http.close()


def answer(client: Client, query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
    response = client.post(query, variables)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def codes(body: dict[str, Any]) -> list[str]:
    return [e["extensions"]["code"] for e in body.get("errors") or []]


def reach(name: str) -> set[str]:
    if name == "street:s2":
        return VISIBLE["district:d1"] - VISIBLE["street:s1"] | {"d1"}
    return VISIBLE[name]


def test_every_role_is_rendered_the_way_the_cypher_lint_checks() -> None:
    assert {auth.access_of(role) for role in auth.Role} <= set(RENDERINGS)


def test_each_viewer_reads_exactly_its_reach_by_id(viewers: dict[str, Client]) -> None:
    ids = sorted(ALL | {"nowhere"})
    query = "{ " + " ".join(f'n{i}: node(id: "{x}") {{ id }}' for i, x in enumerate(ids)) + " }"
    for name, client in viewers.items():
        data = answer(client, query)["data"]
        seen = {data[f"n{i}"]["id"] for i, _ in enumerate(ids) if data[f"n{i}"]}
        assert seen == reach(name), name
        CELLS["read"] += len(ids)


LISTS = ["districts", "streets", "communities", "grids", "units", "partyOrganizations"]
LABEL_OF_LIST = {
    "districts": "District",
    "streets": "Street",
    "communities": "Community",
    "grids": "Grid",
    "units": "Unit",
    "partyOrganizations": "PartyOrganization",
}


def test_lists_and_their_counts_hold_only_what_the_viewer_may_see(
    viewers: dict[str, Client],
) -> None:
    labels = {str(r["id"]): str(r["label"]) for r in dataset() if r["type"] == "node"}
    fields = " ".join(f"{f}(first: 100) {{ totalCount edges {{ node {{ id }} }} }}" for f in LISTS)
    for name, client in viewers.items():
        data = answer(client, "{ " + fields + " }")["data"]
        for field in LISTS:
            expected = {i for i in reach(name) if labels.get(i) == LABEL_OF_LIST[field]}
            got = {e["node"]["id"] for e in data[field]["edges"]}
            assert got == expected, (name, field)
            assert data[field]["totalCount"] == len(expected), (name, field)
            CELLS["read"] += 1


def test_navigation_never_steps_outside_the_reach(viewers: dict[str, Client]) -> None:
    query = """{ district(id: "d1") { streets { id } }
                 unit(id: "u1") { pairedCommunities { id } members { id } } }"""
    for name, client in viewers.items():
        data = answer(client, query)["data"]
        if "d1" in reach(name):
            assert {s["id"] for s in data["district"]["streets"]} == {"s1", "s2"} & reach(name)
        else:
            assert data["district"] is None
        if "u1" in reach(name):
            assert {c["id"] for c in data["unit"]["pairedCommunities"]} == {"c1"} & reach(name)
            assert {p["id"] for p in data["unit"]["members"]} == {"p1", "p3"} & reach(name)
        else:
            assert data["unit"] is None
        CELLS["read"] += 1


def test_counts_and_contract_fields_count_only_visible_rows(viewers: dict[str, Client]) -> None:
    # c4 has three unreported members: p3 (works at u1), p4 and p5 (none of u1's).
    query = """{ community(id: "c4") {
                   unreportedMembers(first: 10) { totalCount edges { node { id } } } } }"""
    admin = answer(viewers["admin"], query)["data"]["community"]["unreportedMembers"]
    assert admin["totalCount"] == 3
    unit = answer(viewers["unit:u1"], query)["data"]["community"]["unreportedMembers"]
    assert unit["totalCount"] == 1
    assert [e["node"]["id"] for e in unit["edges"]] == ["p3"]
    assert answer(viewers["street:s1"], query)["data"]["community"] is None
    CELLS["read"] += 3


def test_search_and_neighbourhood_show_only_the_reach(viewers: dict[str, Client]) -> None:
    for name, client in viewers.items():
        search = '{ search(text: "社区", labels: [Community], first: 50) { id } }'
        found = answer(client, search)["data"]["search"]
        assert {n["id"] for n in found} == {"c1", "c2", "c3", "c4"} & reach(name), name
        body = answer(
            client,
            '{ neighborhood(id: "u1", depth: 3) { nodes { id } relationships { from to } } }',
        )
        if "u1" not in reach(name):
            assert codes(body) == ["NOT_FOUND"], name
        else:
            around = body["data"]["neighborhood"]
            ids = {n["id"] for n in around["nodes"]}
            assert ids <= reach(name), (name, ids - reach(name))
            for r in around["relationships"]:
                assert {r["from"], r["to"]} <= ids
        CELLS["read"] += 2


PATH = (
    "query($a: ID!, $b: ID!) { shortestPath(from: $a, to: $b, maxHops: 8) { length nodes { id } } }"
)


def test_paths_never_pass_through_what_the_viewer_cannot_see(viewers: dict[str, Client]) -> None:
    # p1 (s1) and p3 (d2) are linked only through u1 and its party organisation.
    admin = answer(viewers["admin"], PATH, {"a": "p1", "b": "p3"})["data"]["shortestPath"]
    assert admin["length"] == 2
    for name, client in viewers.items():
        body = answer(client, PATH, {"a": "c1", "b": "c3"})
        path = body["data"]["shortestPath"]
        if path is not None:
            assert {n["id"] for n in path["nodes"]} <= reach(name), name
        if not {"c1", "c3"} <= reach(name):
            assert path is None, name
        CELLS["read"] += 1
    # Out of reach reads exactly like nothing at all: same answer as for an unknown id.
    s1 = viewers["street:s1"]
    hidden = answer(s1, PATH, {"a": "c1", "b": "p5"})
    missing = answer(s1, PATH, {"a": "c1", "b": "no-such-id"})
    assert json.dumps(hidden).replace("p5", "X") == json.dumps(missing).replace("no-such-id", "X")


PATH_ENDS = ["c1", "c3", "p1", "p3", "u1", "g1", "r3", "w4"]


def test_paths_are_the_shortest_through_what_the_viewer_sees(
    viewers: dict[str, Client],
) -> None:
    # Each viewer's answer is a shortest path of the graph cut down to its reach. Neo4j finds
    # it whenever one exists; ArcadeDB may answer null where the overall shortest path passes
    # through something hidden, but never a longer path.
    graph = nx.Graph()
    graph.add_edges_from((r["from"], r["to"]) for r in dataset() if r["type"] == "relationship")
    for name, client in viewers.items():
        seen = graph.subgraph(reach(name))
        for a, b in itertools.combinations(PATH_ENDS, 2):
            body = answer(client, PATH, {"a": a, "b": b})
            if not {a, b} <= reach(name):
                assert codes(body) == ["NOT_FOUND"], (name, a, b, body)
                continue
            assert codes(body) == [], (name, a, b, body)
            path = body["data"]["shortestPath"]
            try:
                want: int | None = nx.shortest_path_length(seen, a, b)
            except nx.NetworkXNoPath:
                want = None
            if want is not None and want > 8:
                want = None
            if path is None:
                assert want is None or suite_engine().kind == "arcadedb", (name, a, b, want)
            else:
                assert path["length"] == want, (name, a, b)
                assert {n["id"] for n in path["nodes"]} <= reach(name)
            CELLS["read"] += 1


def test_unknown_and_out_of_reach_ids_get_the_same_error(viewers: dict[str, Client]) -> None:
    s1 = viewers["street:s1"]
    query = "query($id: ID!) { requests(areaId: $id) { totalCount } }"
    hidden, missing = answer(s1, query, {"id": "s2"}), answer(s1, query, {"id": "s9"})
    assert codes(hidden) == codes(missing) == ["NOT_FOUND"]
    assert hidden["errors"][0]["message"].replace("s2", "X") == missing["errors"][0][
        "message"
    ].replace("s9", "X")


PERSON = '{ person(id: "p1") { phone idNumber address birthDate personalDataMasked } }'


def test_personal_fields_are_masked_for_units_and_integrations(
    viewers: dict[str, Client],
) -> None:
    full = {
        "phone": "13812345678",
        "idNumber": "110101199001011234",
        "address": "北京市东城区某某路1号院2号楼301",
        "birthDate": "1990-01-01",
        "personalDataMasked": False,
    }
    masked = {
        "phone": "138****5678",
        "idNumber": "1****4",
        "address": "北京市东城区****",
        "birthDate": None,
        "personalDataMasked": True,
    }
    for name, client in viewers.items():
        person = answer(client, PERSON)["data"]["person"]
        if name in ("unit:u1", "integration"):
            assert person == masked, name
        elif "p1" in reach(name):
            assert person == full, name
        else:
            assert person is None, name
        CELLS["read"] += 1
    # Masked wherever a person appears, not only at the root.
    unit = answer(viewers["unit:u1"], '{ unit(id: "u1") { members { id phone } } }')
    assert {m["phone"] for m in unit["data"]["unit"]["members"]} == {"138****5678", "137****2222"}


def test_aggregates_count_only_visible_rows_and_units_get_none(
    viewers: dict[str, Client],
) -> None:
    query = (
        '{ requestStats(areaId: "d1") { total } unreportedMembersIn(areaId: "d1") { totalCount } }'
    )
    expected = {
        "admin": (2, 3),  # r1, r3; p6, p7 and p2 unreported in d1
        "integration": (2, 3),
        "district:d1": (2, 3),
        "street:s1": (1, 2),  # d1 is above it: it sees its own part only
        "community:c1": (1, 1),  # p6; it sees p7, but not c2 where he lives
        "street:s2": (1, 1),
    }
    for name, client in viewers.items():
        body = answer(client, query)
        if name == "unit:u1":
            assert "FORBIDDEN" in codes(body) or "NOT_FOUND" in codes(body)
            continue
        assert not body.get("errors"), (name, body)
        data = body["data"]
        got = (data["requestStats"]["total"], data["unreportedMembersIn"]["totalCount"])
        assert got == expected[name], name
        CELLS["read"] += 2
    gaps = answer(
        viewers["unit:u1"], '{ coverageGaps(areaId: "c1") { gridsWithoutPartyBranch { id } } }'
    )
    assert codes(gaps) == ["FORBIDDEN"]


ROLL_UPS = {
    "unreportedMembersIn": "(areaId: $id, first: 10) { totalCount edges { node { id } } }",
    "reportingSummary": "(areaId: $id) { community { id } residing reported }",
    "contactLeaders": "(areaId: $id) { person { id } }",
    "coverageGaps": """(areaId: $id) {
      communitiesWithoutContactLeader { id } communitiesWithoutPairedUnit { id }
      gridsWithoutPartyBranch { id } gridsUnderStaffed { grid { id } cadres volunteers }
      buildingGridsMissingRoles { grid { id } missing } }""",
    "requests": "(areaId: $id, first: 10) { totalCount edges { node { id } } }",
    "requestStats": "(areaId: $id) { total open }",
}


def roll_up(client: Client, field: str, area: str) -> Any:
    body = answer(client, f"query($id: ID!) {{ {field}{ROLL_UPS[field]} }}", {"id": area})
    assert not body.get("errors"), (field, area, body)
    return body["data"][field]


def test_roll_ups_over_areas_above_the_scope_walk_only_what_the_viewer_sees(
    viewers: dict[str, Client],
) -> None:
    # p7 contacts c1, so c1's office sees him, but he lives in g2 of c2, which it cannot see:
    # a roll-up over the street must not tell it that he lives there and has not reported.
    c1 = viewers["community:c1"]
    seen = answer(c1, '{ person(id: "p7") { id residence { id } } }')["data"]["person"]
    assert seen == {"id": "p7", "residence": None}
    street = roll_up(viewers["street:s1"], "unreportedMembersIn", "s1")
    assert {e["node"]["id"] for e in street["edges"]} == {"p6", "p7"}
    # Over an area above its scope, an office gets exactly what it gets over its own area.
    for name, own, above in (
        ("community:c1", "c1", "s1"),
        ("community:c1", "c1", "d1"),
        ("street:s1", "s1", "d1"),
    ):
        for field in ROLL_UPS:
            mine = roll_up(viewers[name], field, own)
            assert roll_up(viewers[name], field, above) == mine, (name, above, field)
            CELLS["read"] += 2
    # The figures per child area likewise list only the child it sees, with its own figures.
    by_area = answer(c1, '{ requestStatsByArea(areaId: "s1") { area { id } total open } }')
    assert by_area["data"]["requestStatsByArea"] == [{"area": {"id": "c1"}, "total": 1, "open": 1}]


def test_the_audit_trail_is_for_admin_only(viewers: dict[str, Client]) -> None:
    for name, client in viewers.items():
        body = answer(client, "{ auditTrail(first: 1) { totalCount } }")
        assert codes(body) == ([] if name == "admin" else ["FORBIDDEN"]), name
        CELLS["read"] += 1


OK, FORBIDDEN, NOT_FOUND = "ok", "FORBIDDEN", "NOT_FOUND"
OFFICES_OK = {"admin": OK, "district:d1": OK, "street:s1": OK, "community:c1": OK}
EVERYONE_ELSE_FORBIDDEN = {"integration": FORBIDDEN, "unit:u1": FORBIDDEN}


def offices(**others: str) -> dict[str, str]:
    """Admin and the offices over s1 may; units and integrations may not; s2 cannot see it."""
    outcome = {**OFFICES_OK, **EVERYONE_ELSE_FORBIDDEN, "street:s2": NOT_FOUND}
    outcome.update({k.replace("_", ":"): v for k, v in others.items()})
    return outcome


ADMIN_ONLY = {name: (OK if name == "admin" else FORBIDDEN) for name in VIEWERS}

MUTATIONS: list[tuple[str, str, dict[str, str]]] = [
    (
        "recordReport",
        'recordReport(input: {personId: "p6", communityId: "c1"}) { person { id } }',
        offices(),
    ),
    (
        "raiseRequest",
        'raiseRequest(input: {gridId: "g1", category: SAFETY, description: "漏水"}) '
        "{ request { id } }",
        offices(),
    ),
    ("escalateRequest", 'escalateRequest(input: {id: "r1"}) { request { id } }', offices()),
    (
        "assignFirstResponsible",
        'assignFirstResponsible(input: {id: "r1", unitId: "u1"}) { request { id } }',
        offices(),
    ),
    (
        "closeRequest",
        'closeRequest(input: {id: "r1", satisfaction: 5}) { request { id } }',
        offices(unit_u1=OK),
    ),
    (
        "returnRequest",
        'returnRequest(input: {id: "r1", reason: "重复诉求"}) { request { id } }',
        offices(unit_u1=OK),
    ),
    (
        "submitEvaluation community→unit",
        f'submitEvaluation(input: {{from: "c1", to: "u1", period: "{PERIOD}", score: 80}}) '
        "{ evaluation { score } }",
        offices(),
    ),
    (
        "submitEvaluation unit→community",
        f'submitEvaluation(input: {{from: "u1", to: "c1", period: "{PERIOD}", score: 70}}) '
        "{ evaluation { score } }",
        # Only the unit speaks for itself; the offices see it but do not keep it.
        offices(unit_u1=OK, district_d1=FORBIDDEN, street_s1=FORBIDDEN, community_c1=FORBIDDEN),
    ),
    (
        "takeDemand",
        'takeDemand(input: {id: "dm1", unitId: "u1"}) { demand { id } }',
        offices(unit_u1=OK),
    ),
    (
        "completeDemand",
        'completeDemand(input: {id: "dm2"}) { demand { id } }',
        offices(unit_u1=OK),
    ),
    (
        "claimWish",
        'claimWish(input: {id: "w1", personId: "p1"}) { wish { id } }',
        offices(unit_u1=OK),
    ),
    ("fulfilWish", 'fulfilWish(input: {id: "w2"}) { wish { id } }', offices()),
    (
        "recordActivity",
        'recordActivity(input: {placeId: "g1", name: "议事会", type: JOINT_MEETING, '
        'date: "2024-07-01"}) { activity { id } }',
        offices(),
    ),
    (
        "recordAttendance",
        'recordAttendance(input: {activityId: "act1", personId: "p6", hours: 1.5}) '
        "{ attendance { hours } }",
        offices(),
    ),
    # The street is above the community: the community office sees it but may not change it.
    (
        "updateEntity",
        'updateEntity(input: {id: "s1", properties: {code: "110101"}}) { entity { id } }',
        offices(community_c1=FORBIDDEN),
    ),
    (
        "link",
        'link(input: {type: CONTACTS, from: "p6", to: "c1"}) { relationship { type } }',
        offices(),
    ),
    (
        "unlink",
        'unlink(input: {type: REPORTED_TO, from: "p1", to: "c1"}) { removed }',
        offices(),
    ),
    # ou1 (u1's organisation) is only linked to s1's areas: linking it would widen their reach.
    (
        "link outward",
        'link(input: {type: LEADS, from: "ou1", to: "g1"}) { relationship { type } }',
        offices(district_d1=FORBIDDEN, street_s1=FORBIDDEN, community_c1=FORBIDDEN),
    ),
    (
        "raiseRequest with a chosen id",
        'raiseRequest(input: {gridId: "g1", category: SAFETY, description: "漏水", id: "r9"}) '
        "{ createdIds }",
        ADMIN_ONLY,
    ),
    (
        "createEntity",
        'createEntity(input: {label: Wish, properties: {name: "新心愿"}}) { entity { id } }',
        ADMIN_ONLY,
    ),
    ("deleteEntity", 'deleteEntity(input: {id: "w1"}) { deletedId }', ADMIN_ONLY),
    (
        "importRecords",
        "importRecords(input: {records: "
        + json.dumps(
            json.dumps({"type": "node", "label": "Wish", "id": "w9", "properties": {"name": "新"}})
        )
        + "}) { nodesCreated }",
        ADMIN_ONLY,
    ),
]


@pytest.mark.parametrize("mutation", MUTATIONS, ids=[m[0] for m in MUTATIONS])
def test_each_role_may_make_exactly_its_changes(
    world: Target, viewers: dict[str, Client], mutation: tuple[str, str, dict[str, str]]
) -> None:
    _, field, outcomes = mutation
    assert set(outcomes) == set(VIEWERS)
    reset(world)
    before = snapshot(world)
    # Refusals first: each must leave the graph exactly as it was.
    for name in sorted(outcomes, key=lambda n: outcomes[n] == OK):
        body = answer(viewers[name], "mutation { " + field + " }")
        expected = outcomes[name]
        if expected == OK:
            assert not body.get("errors"), (name, body)
            reset(world)
        else:
            assert codes(body) == [expected], (name, body)
            assert snapshot(world) == before, name
        CELLS["mutation"] += 1


def test_a_whistle_does_not_open_the_areas_above(world: Target, viewers: dict[str, Client]) -> None:
    reset(world)
    c1 = viewers["community:c1"]
    assert not answer(c1, 'mutation { escalateRequest(input: {id: "r1"}) { request { id } } }').get(
        "errors"
    )
    # r1 is now ESCALATED_TO s1: s1 stays read-only for the community office.
    rename = answer(
        c1,
        'mutation { updateEntity(input: {id: "s1", properties: {name: "改名"}}) '
        "{ entity { id } } }",
    )
    assert codes(rename) == ["FORBIDDEN"]
    detach = answer(c1, 'mutation { unlink(input: {type: IN, from: "c1", to: "s1"}) { removed } }')
    assert codes(detach) == ["FORBIDDEN"]


def test_a_unit_cannot_hand_its_members_data_to_an_office(
    world: Target, viewers: dict[str, Client]
) -> None:
    reset(world)
    claim = 'mutation { claimWish(input: {id: "w1", personId: "p3"}) { wish { id } } }'
    assert not answer(viewers["unit:u1"], claim).get("errors")
    # p3 (living in d2) claimed c1's wish: c1 now sees who did, masked, and may not change them.
    seen = answer(viewers["community:c1"], '{ person(id: "p3") { phone personalDataMasked } }')
    assert seen["data"]["person"] == {"phone": "137****2222", "personalDataMasked": True}
    change = (
        'mutation { updateEntity(input: {id: "p3", properties: {phone: "1"}}) { entity { id } } }'
    )
    assert codes(answer(viewers["community:c1"], change)) == ["FORBIDDEN"]


def test_refusals_name_nothing_the_viewer_cannot_see(
    world: Target, viewers: dict[str, Client]
) -> None:
    reset(world)
    # p4 is a member of c1's grid branch but lives in c4, which c1 cannot see.
    report = (
        'mutation { recordReport(input: {personId: "p4", communityId: "c1"}) { person { id } } }'
    )
    body = answer(viewers["community:c1"], report)
    assert codes(body) == ["BAD_USER_INPUT"]
    shown = json.dumps(body, ensure_ascii=False)
    assert "c4" not in shown and "丙一社区" not in shown
