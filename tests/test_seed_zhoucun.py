"""The zhoucun seed profile (report 002, 支部建在网格): its records at full scale reproduce the
report's figures (plain Python), and a small scale loaded into the graph answers the same
figures through the GraphQL API (functional branches and their secretaries, cadres and
volunteers per grid, the grids below the 6-cadre/30-volunteer standard), compared with a
plain-Python reading of the records."""

from __future__ import annotations

import functools
from collections import Counter, defaultdict
from typing import Any

import pytest

from partygraph import vocabulary
from partygraph.seed.profiles import zhoucun
from partygraph.seed.profiles.common import Seeder
from tests.support.api_walk import children, flat, ids, lookup, whole
from tests.support.record_index import RecordIndex
from tests.support.suite import Client, Target, load, reload

SCALE = 0.1
SENIOR = {"SECTION", "DIVISION", "DEPARTMENT_BUREAU"}  # 副科级以上


class Graph(RecordIndex):
    """The records, read for this profile's figures."""

    def servers(self, role: str) -> set[str]:
        return {s for rel, s, _, p in self.rels if rel == "SERVES" and p["role"] == role}

    def secretaries(self) -> dict[str, str]:
        """Grid id → the secretary of the functional branch leading it."""
        found = {}
        for rel, branch, grid, _ in self.rels:
            if rel == "LEADS" and self.props[branch]["type"] == "FUNCTIONAL_BRANCH":
                seats = self.into[(branch, "SITS_ON")]
                (person,) = [p for p, props in seats if props["role"] == "SECRETARY"]
                found[grid] = person
        return found

    def unit_of(self, person: str) -> dict[str, Any]:
        (unit, _), *_ = self.out[(person, "WORKS_AT")]
        return self.props[unit]

    def staffing(self) -> dict[str, tuple[int, int]]:
        """Per grid, counted as coverageGaps counts: distinct cadre=true residents and CADRE
        servers; distinct VOLUNTEER servers (the grids here have no grids below them)."""
        cadres: dict[str, set[str]] = defaultdict(set)
        volunteers: dict[str, set[str]] = defaultdict(set)
        for rel, person, grid, props in self.rels:
            if rel == "RESIDES_IN" and self.props[person].get("cadre") is True:
                cadres[grid].add(person)
            if rel == "SERVES" and props["role"] == "CADRE":
                cadres[grid].add(person)
            if rel == "SERVES" and props["role"] == "VOLUNTEER":
                volunteers[grid].add(person)
        return {g: (len(cadres[g]), len(volunteers[g])) for g in self.ids("Grid")}

    def understaffed(self) -> dict[str, tuple[int, int]]:
        return {
            g: (c, v)
            for g, (c, v) in self.staffing().items()
            if c < zhoucun.MIN_CADRES or v < zhoucun.MIN_VOLUNTEERS
        }


@functools.cache
def full() -> Graph:
    return Graph(list(zhoucun.generate(1.0)))


@functools.cache
def small() -> Graph:
    return Graph(list(zhoucun.generate(SCALE)))


def intended_understaffed(scale: float) -> int:
    s = Seeder("zc", scale, 1)
    return (
        s.n(zhoucun.UNDERSTAFFED_CADRES, 0)
        + s.n(zhoucun.UNDERSTAFFED_VOLUNTEERS, 0)
        + s.n(zhoucun.UNDERSTAFFED_BOTH, 0)
    )


# ---- (1) the records at full scale -----------------------------------------------------------


def test_records_are_valid_import_records() -> None:
    g = full()
    assert [i for i, count in g.node_ids.items() if count > 1] == []
    for rel, src, dst, _ in g.rels:
        assert vocabulary.allows(rel, g.label[src], g.label[dst]), (rel, src, dst)


def test_grids_and_functional_branches_at_full_scale() -> None:
    g, f = full(), zhoucun.FIGURES
    grids = g.ids("Grid")
    assert len(grids) == f["grids"]
    assert all(g.props[x]["level"] == "COMMUNITY" for x in grids)
    assert len(g.ids("Grid", area="URBAN")) == f["urban_grids"]
    assert len(g.ids("Grid", area="RURAL")) == f["rural_grids"]
    secretaries = g.secretaries()
    assert sorted(secretaries) == grids  # a functional branch with a secretary in every grid
    assert len(set(secretaries.values())) == f["branch_secretaries"]
    from_departments = [
        p
        for grid, p in secretaries.items()
        if g.props[grid]["area"] == "URBAN"
        and g.unit_of(p)["category"] == "DEPARTMENT"
        and g.unit_of(p)["level"] == "DISTRICT"
    ]
    from_towns = [
        p
        for grid, p in secretaries.items()
        if g.props[grid]["area"] == "RURAL" and g.unit_of(p)["level"] == "STREET"
    ]
    assert len(from_departments) == f["secretaries_from_departments"]
    assert len(from_towns) == f["secretaries_from_towns"]
    senior = [p for p in secretaries.values() if g.props[p]["rank"] in SENIOR]
    assert len(senior) == f["secretaries_deputy_section_or_above"]
    # A rural grid's secretary works at the office of the town the grid lies in.
    for grid, p in secretaries.items():
        if g.props[grid]["area"] == "RURAL":
            (village, _), *_ = g.out[(grid, "IN")]
            (town, _), *_ = g.out[(village, "IN")]
            (unit, _), *_ = g.out[(p, "WORKS_AT")]
            assert unit == f"{town}-u"


def test_cadres_volunteers_and_the_standard_at_full_scale() -> None:
    g, f = full(), zhoucun.FIGURES
    cadres = g.ids("Person", cadre=True)
    assert len(cadres) >= f["cadres"]
    # Every cadre lives in a grid and serves that grid as CADRE.
    for p in cadres:
        ((home, _),) = g.out[(p, "RESIDES_IN")]
        assert home in {grid for grid, props in g.out[(p, "SERVES")] if props["role"] == "CADRE"}
    assert g.servers("CADRE") == set(cadres)
    volunteers = g.servers("VOLUNTEER")
    assert len(volunteers) >= f["volunteers"]
    assert not volunteers & set(cadres)
    under = g.understaffed()
    assert len(under) == intended_understaffed(1.0) == 21
    assert sum(1 for c, _ in under.values() if c < f["min_cadres"]) == 15
    assert sum(1 for _, v in under.values() if v < f["min_volunteers"]) == 8


def test_same_scale_gives_the_same_records() -> None:
    assert list(zhoucun.generate(0.05)) == list(zhoucun.generate(0.05))


# ---- (2) a small scale through the API -------------------------------------------------------


@pytest.fixture(scope="module")
def loaded(target: Target) -> Graph:
    g = small()
    reload(target, g.records)
    return g


def scaled(full_value: int, minimum: int = 1) -> int:
    return Seeder("zc", SCALE, 1).n(full_value, minimum)


UNDERSTAFFED = """
query($id: ID!) { coverageGaps(areaId: $id, minCadres: 6, minVolunteers: 30) {
  gridsUnderStaffed { grid { id } cadres volunteers } gridsWithoutPartyBranch { id } } }
"""


def test_understaffed_grids_through_the_api(client: Client, loaded: Graph) -> None:
    district = loaded.ids("District")[0]
    gaps = client.query(UNDERSTAFFED, {"id": district})["data"]["coverageGaps"]
    got = {x["grid"]["id"]: (x["cadres"], x["volunteers"]) for x in gaps["gridsUnderStaffed"]}
    expected = loaded.understaffed()
    assert got == expected
    assert len(got) == intended_understaffed(SCALE)
    assert any(c < 6 for c, _ in got.values()) and any(v < 30 for _, v in got.values())
    assert gaps["gridsWithoutPartyBranch"] == []
    # The same per street/town: each grid is found in exactly one of them.
    per_street: dict[str, tuple[int, int]] = {}
    for street in loaded.ids("Street"):
        part = client.query(UNDERSTAFFED, {"id": street})["data"]["coverageGaps"]
        for x in part["gridsUnderStaffed"]:
            assert x["grid"]["id"] not in per_street
            per_street[x["grid"]["id"]] = (x["cadres"], x["volunteers"])
    assert per_street == expected


STAFF = 100  # capped lists (no `after`): asked at their most, and checked not cut
SEATS = 20
GRID = f"""
  partyOrganizations(first: 2) {{
    type committee(first: {SEATS}) {{ role person {{ id rank unit {{ id category level }} }} }} }}
  staff(first: {STAFF}) {{ role person {{ id cadre }} }}
"""  # one branch leads a grid: two are asked for, so that a second would show


def test_branches_cadres_and_volunteers_through_the_api(client: Client, loaded: Graph) -> None:
    # Level by level: the district's streets, their communities, the communities' grids; then
    # each grid's branch and staff.
    district = loaded.ids("District")[0]
    streets = flat(children(client, "District", [district], "streets", "id"))
    communities = flat(children(client, "Street", ids(streets), "communities", "id"))
    grids = flat(children(client, "Community", ids(communities), "grids", "id level area"))
    details = lookup(client, "Grid", ids(grids), GRID)
    for grid in grids:
        grid.update(details[grid["id"]])
        whole(grid["staff"], STAFF, f"staff of {grid['id']}")
        for branch in grid["partyOrganizations"]:
            whole(branch["committee"], SEATS, f"committee of a branch of {grid['id']}")
    areas = Counter(grid["area"] for grid in grids)
    assert areas == {"URBAN": scaled(303), "RURAL": scaled(183)}
    assert {grid["level"] for grid in grids} == {"COMMUNITY"}
    secretaries: dict[str, dict[str, Any]] = {}
    cadres: set[str] = set()
    volunteers: set[str] = set()
    for grid in grids:
        (branch,) = grid["partyOrganizations"]
        assert branch["type"] == "FUNCTIONAL_BRANCH"
        (seat,) = [s for s in branch["committee"] if s["role"] == "SECRETARY"]
        secretaries[grid["id"]] = seat["person"]
        unit = seat["person"]["unit"]
        if grid["area"] == "URBAN":
            assert (unit["category"], unit["level"]) == ("DEPARTMENT", "DISTRICT")
        else:
            assert unit["level"] == "STREET"
        for staff in grid["staff"]:
            if staff["role"] == "CADRE":
                assert staff["person"]["cadre"] is True
                cadres.add(staff["person"]["id"])
            if staff["role"] == "VOLUNTEER":
                volunteers.add(staff["person"]["id"])
    assert {g: p["id"] for g, p in secretaries.items()} == loaded.secretaries()
    senior = sum(1 for p in secretaries.values() if p["rank"] in SENIOR)
    assert senior == sum(
        1 for p in loaded.secretaries().values() if loaded.props[p]["rank"] in SENIOR
    )
    assert cadres == set(loaded.ids("Person", cadre=True))
    assert len(cadres) == scaled(zhoucun.CADRES)
    assert volunteers == loaded.servers("VOLUNTEER")
    assert len(volunteers) == scaled(zhoucun.VOLUNTEERS)


# ---- (3) loading again changes nothing ----------------------------------------------------------


def test_loading_twice_changes_nothing(target: Target, loaded: Graph) -> None:
    summary = load(target, loaded.records)
    assert (summary.nodes_created, summary.relationships_created) == (0, 0)
    assert summary.nodes_updated == len(loaded.label)
