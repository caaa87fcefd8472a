"""The `ninghai` seed profile (report 003, 四级联动): its records reproduce every figure of the
report at scale 1 (plain Python), and at a small scale the API answers the same figures over
HTTP as a plain-Python reading of the records; loading it twice changes nothing."""

from __future__ import annotations

import functools
from collections import Counter, defaultdict

import pytest

from partygraph import vocabulary
from partygraph.seed.profiles import ninghai
from partygraph.seed.profiles.common import Seeder
from tests.support.api_walk import children, connection, flat, ids, lookup, whole
from tests.support.record_index import RecordIndex
from tests.support.suite import Client, Target, load, reload

SCALE = 0.5
AT_LEAST = {"red_building_leaders", "reported_members", "reporting_organisations"}  # "余"
GRID_STAFF = ("GRID_LEADER", "GRID_WORKER")


class Records(RecordIndex):
    """The import records as plain dictionaries: no graph library, no Cypher."""

    def street(self) -> str:
        return self.ids("Street")[0]

    def community_of(self, place: str) -> str:
        while self.label[place] == "Grid":
            place = self.targets(place, "IN")[0]
        assert self.label[place] == "Community"
        return place

    def provincial_branches(self) -> set[str]:
        return {
            o
            for o in self.ids("PartyOrganization", type="BRANCH")
            for u in self.targets(o, "OF")
            if (self.props[u]["category"], self.props[u]["level"]) == ("AGENCY", "PROVINCE")
        }

    def community_branches(self) -> set[str]:
        committees = {
            o
            for o in self.ids("PartyOrganization")
            if any(self.label[t] == "Community" for t in self.targets(o, "LEADS"))
        }
        return {
            o for o in self.ids("PartyOrganization") if set(self.targets(o, "UNDER")) & committees
        }

    def serving(self, role: str, level: str | None = None) -> set[str]:
        return {
            p
            for r, p, g, props in self.rels
            if r == "SERVES"
            and props["role"] == role
            and (level is None or self.props[g]["level"] == level)
        }

    def reporting(self) -> dict[str, tuple[int, int]]:
        """Per community, as the API counts: (members residing, of whom reported to it)."""
        found = {c: [0, 0] for c in self.ids("Community")}
        for p in self.ids("Person"):
            if not any(self.label[o] == "PartyOrganization" for o in self.targets(p, "MEMBER_OF")):
                continue
            for home in {self.community_of(h) for h in self.targets(p, "RESIDES_IN")}:
                found[home][0] += 1
                found[home][1] += home in self.targets(p, "REPORTED_TO")
        return {c: (r, k) for c, (r, k) in found.items()}


def measure(rec: Records) -> dict[str, float]:
    """Every figure of FIGURES, counted from the records as the report means it."""
    provincial = rec.provincial_branches()
    local = rec.community_branches()
    volunteers = {
        p for r, p, _, props in rec.rels if r == "SERVES" and props["role"] == "VOLUNTEER"
    }
    grids = rec.ids("Grid", level="COMMUNITY")
    return {
        "streets": len(rec.ids("Street")),
        "communities": len(rec.ids("Community")),
        "area_km2": rec.props[rec.street()]["areaKm2"],
        "area_alliances": sum(
            any(rec.label[m] == "Community" for m in rec.sources(a, "MEMBER_OF"))
            for a in rec.ids("Alliance", kind="AREA")
        ),
        "provincial_branches": len(provincial),
        "community_branches": len(local),
        "paired_provincial_branches": sum(
            bool(set(rec.targets(b, "PAIRED_WITH")) & local) for b in provincial
        ),
        "paired_community_branches": sum(
            bool(set(rec.sources(b, "PAIRED_WITH")) & provincial) for b in local
        ),
        "branch_alliances": sum(
            set(rec.sources(a, "MEMBER_OF")) >= provincial | local
            for a in rec.ids("Alliance", kind="BRANCH_ALLIANCE")
        ),
        "party_lessons": sum(
            bool(rec.sources(a, "ATTENDED"))
            and any(rec.label[c] == "Community" for c in rec.targets(a, "IN"))
            for a in rec.ids("Activity", type="PARTY_LESSON")
        ),
        "projects": sum(
            any(rec.props[u]["category"] == "AGENCY" for u in rec.targets(p, "BY"))
            and bool(rec.targets(p, "FOR"))
            for p in rec.ids("Project")
        ),
        "grids": len(grids),
        "comprehensive_grids": len(rec.ids("Grid", level="COMMUNITY", kind="COMPREHENSIVE")),
        "dedicated_grids": len(rec.ids("Grid", level="COMMUNITY", kind="DEDICATED")),
        "grid_workers_and_leaders": len(rec.serving("GRID_LEADER") | rec.serving("GRID_WORKER")),
        "dedicated_grid_workers": len(rec.serving("DEDICATED_GRID_WORKER")),
        "part_time_grid_workers": len(rec.serving("PART_TIME_GRID_WORKER")),
        "grid_branches": sum(
            any(rec.label[g] == "Grid" for g in rec.targets(o, "LEADS"))
            for o in rec.ids("PartyOrganization", type="GRID_BRANCH")
        ),
        "red_building_leaders": len(rec.serving("BUILDING_LEADER", level="BUILDING")),
        "reported_members": sum(k for _, k in rec.reporting().values()),
        "reporting_organisations": sum(
            bool(rec.targets(o, "REPORTED_TO")) for o in rec.ids("PartyOrganization")
        ),
        # Volunteers who are neither members nor residents came from outside (社会志愿者);
        # those who live in the grid and belong to no party organisation are residents'.
        "social_volunteers": sum(
            not rec.targets(p, "RESIDES_IN") and not rec.targets(p, "MEMBER_OF") for p in volunteers
        ),
        "resident_volunteers": sum(
            bool(rec.targets(p, "RESIDES_IN")) and not rec.targets(p, "MEMBER_OF")
            for p in volunteers
        ),
    }


@functools.cache
def records(scale: float) -> Records:
    return Records(list(ninghai.generate(scale)))


def expected(key: str, scale: float) -> int:
    return Seeder("t", scale, 1).n(int(ninghai.FIGURES[key]))


# ---- plain Python over the records -----------------------------------------------------------


def test_every_figure_at_scale_1() -> None:
    measured = measure(records(1.0))
    assert set(measured) == set(ninghai.FIGURES)
    for key, figure in ninghai.FIGURES.items():
        if key in AT_LEAST:
            assert figure <= measured[key] <= figure * 1.1, key
        else:
            assert measured[key] == figure, key


@pytest.mark.parametrize("scale", [SCALE, 0.2, 0.05])
def test_every_count_scales(scale: float) -> None:
    measured = measure(records(scale))
    derived = {
        "paired_provincial_branches": "provincial_branches",
        "paired_community_branches": "community_branches",
        "grids": None,
    }
    for key in ninghai.FIGURES:
        if key in ("area_km2", "branch_alliances", "streets"):
            assert measured[key] == ninghai.FIGURES[key], key  # not scaled
        elif key == "grids":
            assert measured[key] == measured["comprehensive_grids"] + measured["dedicated_grids"]
        elif key in derived:
            assert measured[key] == measured[str(derived[key])], key  # all of them
        elif key in AT_LEAST:
            assert measured[key] >= expected(key, scale), key
        else:
            assert measured[key] == expected(key, scale), key


def test_records_are_well_formed_and_stable() -> None:
    rec = records(1.0)
    ids = [r["id"] for r in rec.records if r["type"] == "node"]
    assert len(ids) == len(set(ids))
    keys = Counter((r, s, t, p.get("role")) for r, s, t, p in rec.rels)  # the importer's key
    assert max(keys.values()) == 1
    for r, s, t, _ in rec.rels:
        assert vocabulary.allows(r, rec.label[s], rec.label[t]), (r, s, t)
    assert list(ninghai.generate(1.0)) == rec.records  # deterministic
    small = {r["id"] for r in ninghai.generate(SCALE) if r["type"] == "node"}
    assert small == {r["id"] for r in records(SCALE).records if r["type"] == "node"}


def test_the_mechanism_holds_together() -> None:
    """Reports go to the residence community, lessons are attended by both branches of a pair,
    every grid has someone in charge, building leaders live in their building."""
    rec = records(1.0)
    for p in rec.ids("Person"):
        for c in rec.targets(p, "REPORTED_TO"):
            assert c in {rec.community_of(h) for h in rec.targets(p, "RESIDES_IN")}
    provincial = rec.provincial_branches()
    for lesson in rec.ids("Activity", type="PARTY_LESSON"):
        branches = {o for p in rec.sources(lesson, "ATTENDED") for o in rec.targets(p, "MEMBER_OF")}
        assert branches & provincial and branches - provincial
    for g in rec.ids("Grid", level="COMMUNITY", kind="COMPREHENSIVE"):
        roles = {props["role"] for _, props in rec.into[(g, "SERVES")]}
        assert {"GRID_LEADER", "GRID_WORKER", "PART_TIME_GRID_WORKER"} <= roles, g
        assert [rec.props[o]["type"] for o in rec.sources(g, "LEADS")] == ["GRID_BRANCH"]
    for g in rec.ids("Grid", kind="DEDICATED"):
        roles = {props["role"] for _, props in rec.into[(g, "SERVES")]}
        assert "DEDICATED_GRID_WORKER" in roles
        assert rec.sources(g, "LEADS") and rec.sources(g, "PAIRED_WITH")
    for p in rec.serving("BUILDING_LEADER"):
        assert rec.targets(p, "RESIDES_IN") == [
            g for g, props in rec.out[(p, "SERVES")] if props["role"] == "BUILDING_LEADER"
        ]
    for c in rec.ids("Community"):
        kinds = [rec.props[a]["kind"] for a in rec.targets(c, "MEMBER_OF")]
        assert kinds == ["AREA"]


# ---- the same figures through the API ---------------------------------------------------------


@pytest.fixture(scope="module")
def loaded(target: Target, engine_kind: str) -> Records:
    rec = records(SCALE)
    summary = reload(target, rec.records)
    assert summary.nodes_created == len(rec.label)
    return rec


def test_area_alliances_and_pairing(client: Client, loaded: Records) -> None:
    _, communities = connection(
        client, "communities", "id alliances { id kind } pairedUnits { id }"
    )
    assert len(communities) == expected("communities", SCALE)
    alliances = {a["id"] for c in communities for a in c["alliances"] if a["kind"] == "AREA"}
    assert len(alliances) == expected("area_alliances", SCALE)
    for c in communities:
        assert [a["kind"] for a in c["alliances"]] == ["AREA"]
        assert sorted(u["id"] for u in c["pairedUnits"]) == sorted(
            loaded.sources(c["id"], "PAIRED_WITH")
        )
    gaps = client.query(
        """query ($a: ID!) { coverageGaps(areaId: $a) {
             communitiesWithoutPairedUnit { id } gridsWithoutPartyBranch { id } } }""",
        {"a": loaded.street()},
    )["data"]["coverageGaps"]
    assert gaps == {"communitiesWithoutPairedUnit": [], "gridsWithoutPartyBranch": []}


def test_red_heart_knot_branch_pairs(client: Client, loaded: Records) -> None:
    _, orgs = connection(
        client,
        "partyOrganizations",
        """id type unit { category level } parent { id } leads { id label }
           pairedOrganizations { id } alliances { id kind }""",
    )
    by_id = {o["id"]: o for o in orgs}
    provincial = {
        o["id"]
        for o in orgs
        if o["type"] == "BRANCH"
        and o["unit"]
        and o["unit"]["category"] == "AGENCY"
        and o["unit"]["level"] == "PROVINCE"
    }
    assert provincial == loaded.provincial_branches()
    assert len(provincial) == expected("provincial_branches", SCALE)
    committees = {o["id"] for o in orgs if any(x["label"] == "Community" for x in o["leads"])}
    local = {o["id"] for o in orgs if o["parent"] and o["parent"]["id"] in committees}
    assert local == loaded.community_branches()
    assert len(local) == expected("community_branches", SCALE)
    for branch in provincial:
        partners = {p["id"] for p in by_id[branch]["pairedOrganizations"]}
        assert partners and partners <= local
        assert partners == set(loaded.targets(branch, "PAIRED_WITH"))
    assert all(by_id[b]["pairedOrganizations"] for b in local)
    heart = {a["id"] for b in provincial | local for a in by_id[b]["alliances"]}
    assert len(heart) == 1
    assert {a["kind"] for b in provincial for a in by_id[b]["alliances"]} == {"BRANCH_ALLIANCE"}
    grid_branches = [
        o
        for o in orgs
        if o["type"] == "GRID_BRANCH" and [x["label"] for x in o["leads"]] == ["Grid"]
    ]
    assert len(grid_branches) == expected("grid_branches", SCALE)


def test_grids_and_their_staff(client: Client, loaded: Records) -> None:
    _, grids = connection(client, "grids", "id level kind staff { person { id } role }")
    assert sorted(g["id"] for g in grids) == loaded.ids("Grid")
    community = [g for g in grids if g["level"] == "COMMUNITY"]
    kinds = Counter(g["kind"] for g in community)
    assert kinds == {
        "COMPREHENSIVE": expected("comprehensive_grids", SCALE),
        "DEDICATED": expected("dedicated_grids", SCALE),
    }
    roles: dict[str, set[str]] = defaultdict(set)
    for g in grids:
        for s in g["staff"]:
            roles[s["role"]].add(s["person"]["id"])
            if s["role"] == "BUILDING_LEADER":
                assert g["level"] == "BUILDING"
    assert len(roles["GRID_LEADER"] | roles["GRID_WORKER"]) == expected(
        "grid_workers_and_leaders", SCALE
    )
    assert len(roles["DEDICATED_GRID_WORKER"]) == expected("dedicated_grid_workers", SCALE)
    assert len(roles["PART_TIME_GRID_WORKER"]) == expected("part_time_grid_workers", SCALE)
    assert len(roles["BUILDING_LEADER"]) >= expected("red_building_leaders", SCALE)
    for role, people in roles.items():
        assert people == loaded.serving(role), role


def test_volunteers_against_the_standard(client: Client, loaded: Records) -> None:
    """The report's volunteers (members who reported, social and resident volunteers) serve
    the grids, about 30 a grid as its numbers fall: some grids meet the standard, some not."""
    body = client.query(
        """query ($a: ID!) { coverageGaps(areaId: $a) {
          gridsUnderStaffed { grid { id } cadres volunteers } } }""",
        {"a": loaded.ids("Street")[0]},
    )["data"]["coverageGaps"]["gridsUnderStaffed"]
    staffing = loaded.grid_staffing()
    under = {g: n for g, n in staffing.items() if n[0] < 6 or n[1] < 30}
    assert {row["grid"]["id"]: (row["cadres"], row["volunteers"]) for row in body} == under
    assert 0 < len(under) < len(staffing)
    assert 20 < sum(v for _, v in staffing.values()) / len(staffing) < 40


def test_dual_and_organisation_reporting(client: Client, loaded: Records) -> None:
    street = loaded.street()
    body = client.query(
        """query ($a: ID!) {
          reportingSummary(areaId: $a) { community { id } residing reported }
          unreportedMembersIn(areaId: $a, first: 1) { totalCount }
        }""",
        {"a": street},
    )["data"]
    got = {r["community"]["id"]: (r["residing"], r["reported"]) for r in body["reportingSummary"]}
    assert got == loaded.reporting()
    assert sum(k for _, k in got.values()) >= expected("reported_members", SCALE)
    assert body["unreportedMembersIn"]["totalCount"] == sum(r - k for r, k in got.values())
    # Organisations reporting (组织报到): the REPORTED_TO neighbours of each community.
    fields = "\n".join(
        f"""c{i}: neighborhood(id: "{c}", types: [REPORTED_TO], limit: 500) {{
              truncated nodes {{ id label }} }}"""
        for i, c in enumerate(loaded.ids("Community"))
    )
    body = client.query(f"{{ {fields} }}")["data"]
    organisations = set()
    for hood in body.values():
        assert not hood["truncated"]
        organisations |= {n["id"] for n in hood["nodes"] if n["label"] == "PartyOrganization"}
    assert organisations == {
        o for o in loaded.ids("PartyOrganization") if loaded.targets(o, "REPORTED_TO")
    }
    assert len(organisations) >= expected("reporting_organisations", SCALE)


ATTENDEES = 100  # a capped list (no `after`): asked at its most, and checked not cut


def test_lessons_and_agreements(client: Client, loaded: Records) -> None:
    total = client.query("{ projects(first: 1) { totalCount } }")["data"]["projects"]
    assert total["totalCount"] == expected("projects", SCALE)
    # The communities, their activities, then the party lessons' attendees.
    _, communities = connection(client, "communities", "id")
    activities = flat(children(client, "Community", ids(communities), "activities", "id type"))
    lessons = sorted({a["id"] for a in activities if a["type"] == "PARTY_LESSON"})
    attendees = lookup(
        client, "Activity", lessons, f"attendees(first: {ATTENDEES}) {{ person {{ id }} hours }}"
    )
    people = {
        lesson: {x["person"]["id"] for x in whole(a["attendees"], ATTENDEES, lesson)}
        for lesson, a in attendees.items()
    }
    assert len(people) == expected("party_lessons", SCALE)
    for lesson, attending in people.items():
        assert attending == set(loaded.sources(lesson, "ATTENDED"))


def test_loading_twice_changes_nothing(target: Target, loaded: Records) -> None:
    summary = load(target, loaded.records)
    assert (summary.nodes_created, summary.relationships_created) == (0, 0)
    assert summary.nodes == len(loaded.label)
