"""The qibin seed profile (report 001, 网格有约·一呼即应): its records at full scale reproduce
the report's figures (plain Python), and a small scale loaded into the graph answers the same
figures through the GraphQL API, compared with a plain-Python reading of the records."""

from __future__ import annotations

import datetime as dt
import functools
from collections import Counter, defaultdict
from typing import Any

import pytest

from partygraph import vocabulary
from partygraph.enums import BUILDING_ROLES
from partygraph.seed.profiles import qibin
from partygraph.seed.profiles.common import Seeder
from tests.support.api_walk import children, flat, ids, lookup, whole
from tests.support.record_index import RecordIndex
from tests.support.suite import Client, Target, load, reload

SCALE = 0.05
ROLES = {role.name for role in BUILDING_ROLES}


class Graph(RecordIndex):
    """The records, read for this profile's figures."""

    def parent(self, node_id: str) -> str:
        (target, _), *_ = self.out[(node_id, "IN")]
        return target

    def street_of(self, grid: str) -> str:
        place = grid
        while self.label[place] != "Street":
            place = self.parent(place)
        return place

    def workers(self) -> set[str]:
        return {src for rel, src, _, _ in self.rels if rel == "SERVES"}

    def missing_roles(self) -> dict[str, list[str]]:
        present: dict[str, set[str]] = defaultdict(set)
        for rel, _, grid, props in self.rels:
            if rel == "SERVES":
                present[grid].add(props["role"])
        found = {}
        for grid in self.ids("Grid", level="BUILDING"):
            missing = [role.name for role in BUILDING_ROLES if role.name not in present[grid]]
            if missing:
                found[grid] = missing
        return found

    def without_branch(self) -> list[str]:
        led = {dst for rel, _, dst, _ in self.rels if rel == "LEADS"}
        return [
            g
            for g in self.ids("Grid")
            if self.props[g]["level"] in ("COMMUNITY", "COMPOUND") and g not in led
        ]

    def request_figures(self, requests: list[str]) -> dict[str, Any]:
        status = Counter(self.props[r]["status"] for r in requests)
        total, returned = len(requests), status["RETURNED"]
        return {
            "total": total,
            "closed": status["CLOSED"],
            "returnedInvalid": returned,
            "open": status["OPEN"] + status["ESCALATED"],
            "escalated": status["ESCALATED"],
            "closureRate": status["CLOSED"] / (total - returned) if total > returned else None,
        }


@functools.cache
def full() -> Graph:
    return Graph(list(qibin.generate(1.0)))


@functools.cache
def small() -> Graph:
    return Graph(list(qibin.generate(SCALE)))


def scaled(full_value: int, minimum: int = 1) -> int:
    return Seeder("qb", SCALE, 1).n(full_value, minimum)


# ---- (1) the records at full scale -----------------------------------------------------------


def test_records_are_valid_import_records() -> None:
    g = full()
    assert [i for i, count in g.node_ids.items() if count > 1] == []
    for rel, src, dst, _ in g.rels:
        assert vocabulary.allows(rel, g.label[src], g.label[dst]), (rel, src, dst)


def test_five_level_grid_system_at_full_scale() -> None:
    g = full()
    f = qibin.FIGURES
    assert len(g.ids("District")) == 1
    assert len(g.ids("Street")) == f["streets"]
    assert len(g.ids("Community")) == f["communities"]
    community_grids = g.ids("Grid", level="COMMUNITY")
    compounds = g.ids("Grid", level="COMPOUND")
    buildings = g.ids("Grid", level="BUILDING")
    assert len(community_grids) == f["community_grids"]
    assert len(compounds) == f["compound_grids"]
    assert len(buildings) == f["building_grids"]
    assert all(g.label[g.parent(c)] == "Community" for c in community_grids)
    assert all(g.props[g.parent(k)]["level"] == "COMMUNITY" for k in compounds)
    assert all(g.props[g.parent(b)]["level"] == "COMPOUND" for b in buildings)


def test_grid_workers_and_building_roles_at_full_scale() -> None:
    g = full()
    workers = g.workers()
    assert len(workers) >= qibin.FIGURES["grid_workers"]
    assert len(workers) == qibin.GRID_WORKERS
    missing = g.missing_roles()
    buildings = len(g.ids("Grid", level="BUILDING"))
    # A realistic few building grids miss one or more roles (vacancies, no property company).
    assert 0 < len(missing) < 0.1 * buildings
    # One person may hold two roles of one building (楼栋长 and 党小组长).
    per_pair = Counter((src, dst) for rel, src, dst, _ in g.rels if rel == "SERVES")
    assert sum(1 for count in per_pair.values() if count > 1) > 0.2 * buildings
    roles = {p["role"] for rel, _, _, p in g.rels if rel == "SERVES"}
    assert roles >= ROLES


def test_requests_at_full_scale() -> None:
    g = full()
    requests = g.ids("Request")
    figures = g.request_figures(requests)
    assert figures["total"] >= qibin.FIGURES["requests"]
    assert round(figures["closureRate"], 4) == qibin.FIGURES["closure_rate"]
    start, end = qibin.YEAR_START, qibin.YEAR_END
    steps: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for rel, src, dst, props in g.rels:
        if rel == "ESCALATED_TO":
            steps[src].append((props["level"], dst))
    kinds = {1: "Street", 2: "District", 3: "Unit"}
    for r in requests:
        p = g.props[r]
        raised = dt.datetime.fromisoformat(p["raisedAt"])
        assert start <= raised < end
        (grid, _), *_ = g.out[(r, "IN")]
        assert g.props[grid]["level"] in ("BUILDING", "COMPOUND")
        if p["status"] == "CLOSED":
            assert dt.datetime.fromisoformat(p["closedAt"]) > raised
            assert 1 <= p["satisfaction"] <= 5
        chain = sorted(steps.get(r, []))
        assert p["level"] == (chain[-1][0] if chain else 0)
        assert (p["status"] == "ESCALATED") <= bool(chain)
        for level, target in chain:
            assert g.label[target] == kinds[level]
        if chain:
            assert chain[0] == (1, g.street_of(grid))  # whistled first to its own street
    levels = Counter(g.props[r]["level"] for r in requests)
    assert levels[1] > 0 and levels[2] > 0 and levels[3] > 0


def test_same_scale_gives_the_same_records() -> None:
    assert list(qibin.generate(0.02)) == list(qibin.generate(0.02))


# ---- (2) a small scale through the API -------------------------------------------------------


@pytest.fixture(scope="module")
def loaded(target: Target) -> Graph:
    g = small()
    reload(target, g.records)
    return g


STAFF = 100  # a grid's staff is a capped list: asked at its most, and checked not cut


def test_grid_tree_and_workers_through_the_api(client: Client, loaded: Graph) -> None:
    # Level by level: the district's streets, their communities, the communities' grids, then
    # the grids below those grids until none has any; then every grid's staff.
    district = loaded.ids("District")[0]
    streets = flat(children(client, "District", [district], "streets", "id"))
    communities = flat(children(client, "Street", ids(streets), "communities", "id"))
    grids: list[dict[str, Any]] = []
    level = flat(children(client, "Community", ids(communities), "grids", "id level"))
    while level:
        grids += level
        level = flat(children(client, "Grid", ids(level), "grids", "id level"))
    staff = lookup(client, "Grid", ids(grids), f"staff(first: {STAFF}) {{ role person {{ id }} }}")
    levels = Counter(grid["level"] for grid in grids)
    workers = {
        s["person"]["id"]
        for grid, node in staff.items()
        for s in whole(node["staff"], STAFF, f"staff of {grid}")
    }
    assert len(grids) == len(set(ids(grids)))
    assert len(streets) == scaled(6)
    assert len(communities) == scaled(57)
    assert levels == {
        "COMMUNITY": scaled(56),
        "COMPOUND": scaled(315),
        "BUILDING": scaled(2988),
    }
    assert workers == loaded.workers()
    assert len(workers) == scaled(qibin.GRID_WORKERS)


COVERAGE = """
query($id: ID!) { coverageGaps(areaId: $id) {
  communitiesWithoutContactLeader { id } communitiesWithoutPairedUnit { id }
  gridsWithoutPartyBranch { id } buildingGridsMissingRoles { grid { id } missing } } }
"""


def test_coverage_gaps_through_the_api(client: Client, loaded: Graph) -> None:
    district = loaded.ids("District")[0]
    gaps = client.query(COVERAGE, {"id": district})["data"]["coverageGaps"]
    assert gaps["communitiesWithoutContactLeader"] == []
    assert gaps["communitiesWithoutPairedUnit"] == []
    assert sorted(x["id"] for x in gaps["gridsWithoutPartyBranch"]) == loaded.without_branch()
    got = {x["grid"]["id"]: sorted(x["missing"]) for x in gaps["buildingGridsMissingRoles"]}
    assert got == {g: sorted(m) for g, m in loaded.missing_roles().items()}


STATS = """
query($id: ID!) {
  requestStats(areaId: $id) { total closed returnedInvalid open escalated closureRate }
  requestStatsByArea(areaId: $id) { area { id } total closed returnedInvalid open escalated
    closureRate } }
"""


def test_request_figures_through_the_api(client: Client, loaded: Graph) -> None:
    district = loaded.ids("District")[0]
    data = client.query(STATS, {"id": district})["data"]
    requests = loaded.ids("Request")
    assert data["requestStats"] == pytest.approx(loaded.request_figures(requests))
    assert data["requestStats"]["total"] == scaled(70000) + scaled(560, 0)
    assert data["requestStats"]["closureRate"] == pytest.approx(0.9958, abs=5e-4)
    by_street: dict[str, list[str]] = defaultdict(list)
    for r in requests:
        (grid, _), *_ = loaded.out[(r, "IN")]
        by_street[loaded.street_of(grid)].append(r)
    got = {row["area"]["id"]: row for row in data["requestStatsByArea"]}
    assert set(got) == set(loaded.ids("Street"))
    for street, row in got.items():
        del row["area"]
        assert row == pytest.approx(loaded.request_figures(by_street[street])), street


CHAIN = """
query($id: ID!) { escalationChain(id: $id) { level target { id label } }
  firstResponsible(id: $id) { id } }
"""


def test_whistle_chains_through_the_api(client: Client, loaded: Graph) -> None:
    chains: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for rel, src, dst, props in loaded.rels:
        if rel == "ESCALATED_TO":
            chains[src].append((props["level"], dst))
    first = {src: dst for rel, src, dst, _ in loaded.rels if rel == "FIRST_RESPONSIBLE"}
    by_top: dict[int, str] = {}
    for r in sorted(chains):
        by_top.setdefault(max(chains[r])[0], r)
    never = next(r for r in loaded.ids("Request") if r not in chains)
    for r in [*by_top.values(), never]:
        data = client.query(CHAIN, {"id": r})["data"]
        got = [(step["level"], step["target"]["id"]) for step in data["escalationChain"]]
        assert got == sorted(chains.get(r, [])), r
        assert (data["firstResponsible"] or {}).get("id") == first.get(r)


UNIT_REQUESTS = """
query($id: ID!) { requests(areaId: $id, status: [CLOSED, ESCALATED]) { totalCount } }
"""


def test_requests_of_a_department_through_the_api(client: Client, loaded: Graph) -> None:
    answering: dict[str, set[str]] = defaultdict(set)
    for rel, src, dst, _ in loaded.rels:
        answers = rel in ("FIRST_RESPONSIBLE", "ESCALATED_TO") and loaded.label[dst] == "Unit"
        if answers and loaded.props[src]["status"] in ("CLOSED", "ESCALATED"):
            answering[dst].add(src)
    unit = max(sorted(answering), key=lambda u: len(answering[u]))
    data = client.query(UNIT_REQUESTS, {"id": unit})["data"]
    assert data["requests"]["totalCount"] == len(answering[unit])


# ---- (3) loading again changes nothing ----------------------------------------------------------


def test_loading_twice_changes_nothing(target: Target, loaded: Graph) -> None:
    summary = load(target, loaded.records)
    assert (summary.nodes_created, summary.relationships_created) == (0, 0)
    assert summary.nodes_updated == len(loaded.label)
