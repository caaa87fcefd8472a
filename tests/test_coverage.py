"""Dual reporting (双报到), the reverse report (反向通报), coverage gaps and contact leaders,
answered over HTTP and checked against a plain-Python reading of the same import records, for
every district, street and community; and the recordReport mutation with each bad input."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

import pytest

from partygraph.enums import BUILDING_ROLES
from partygraph.seed.records import Record
from tests.support.coverage_data import dataset, mutation_dataset
from tests.support.record_index import RecordIndex
from tests.support.suite import Client, Target, reload

# ---- the independent reading of the records --------------------------------------------------


class Records(RecordIndex):
    """Plain dictionaries over the import records; no graph library, no Cypher."""

    def __init__(self, records: list[Record]) -> None:
        super().__init__(records)
        self._staffing: dict[str, tuple[int, int]] = {}

    def community_of(self, place: str) -> str | None:
        """The community a place is or lies in, climbing the grid chain."""
        for _ in range(10):
            if self.label[place] == "Community":
                return place
            if self.label[place] != "Grid":
                return None
            parents = [t for t, _ in self.out[(place, "IN")]]
            if not parents:
                return None
            place = parents[0]
        return None

    def ancestors(self, grid: str) -> set[str]:
        """The grid and every grid above it."""
        seen = {grid}
        while True:
            parents = [t for t, _ in self.out[(grid, "IN")] if self.label[t] == "Grid"]
            if not parents or parents[0] in seen:
                return seen
            grid = parents[0]
            seen.add(grid)

    def communities_in(self, area: str) -> list[str]:
        kind = self.label[area]
        if kind == "Community":
            return [area]
        streets = [area] if kind == "Street" else self.sources(area, "IN")
        return sorted(c for s in streets for c in self.sources(s, "IN"))

    def grids_in(self, area: str) -> list[str]:
        communities = set(self.communities_in(area))
        return [g for g in self.ids("Grid") if self.community_of(g) in communities]

    def is_member(self, person: str) -> bool:
        orgs = self.out[(person, "MEMBER_OF")]
        return any(self.label[o] == "PartyOrganization" for o, _ in orgs)

    def homes(self, person: str) -> set[str]:
        found = {self.community_of(place) for place, _ in self.out[(person, "RESIDES_IN")]}
        return {c for c in found if c}

    def reported(self, person: str) -> dict[str, str | None]:
        return {c: p.get("on") for c, p in self.out[(person, "REPORTED_TO")]}

    def members(self) -> list[str]:
        return [p for p in self.ids("Person") if self.is_member(p)]

    # question 2

    def unreported_in(self, area: str) -> list[str]:
        communities = set(self.communities_in(area))
        return sorted(
            p
            for p in self.members()
            if any(c not in self.reported(p) for c in self.homes(p) & communities)
        )

    def summary(self, area: str) -> list[dict[str, Any]]:
        rows = []
        for c in self.communities_in(area):
            residing = [p for p in self.members() if c in self.homes(p)]
            reported = [p for p in residing if c in self.reported(p)]
            rows.append(
                {
                    "community": {"id": c},
                    "residing": len(residing),
                    "reported": len(reported),
                    "unreported": len(residing) - len(reported),
                }
            )
        return rows

    def reverse_report(self, unit: str, period: str) -> list[dict[str, Any]]:
        entries = []
        for p in sorted(set(self.sources(unit, "WORKS_AT"))):
            if not self.is_member(p):
                continue
            homes = sorted(self.homes(p))
            home = homes[0] if homes else None
            # Reported by the end of the period; a report without a date counts in every one.
            reports = self.reported(p)
            on = reports.get(home) if home else None
            reported = home in reports and (on is None or by_end_of(on, period))
            on = on if reported else None
            hours = 0.0
            for activity, props in self.out[(p, "ATTENDED")]:
                if in_period(self.props[activity]["date"], period):
                    hours += props.get("hours", self.props[activity].get("hours", 0.0))
            claims = self.out[(p, "CLAIMED")]
            entries.append(
                {
                    "person": {"id": p},
                    "residenceCommunity": {"id": home} if home else None,
                    "reported": reported,
                    "reportedOn": on,
                    "serviceHours": hours,
                    "wishesClaimed": sorted(
                        ({"id": w} for w, c in claims if in_period(c["on"], period)),
                        key=lambda w: w["id"],
                    ),
                    "wishesFulfilled": sorted(
                        (
                            {"id": w}
                            for w, c in claims
                            if c.get("fulfilledOn") and in_period(c["fulfilledOn"], period)
                        ),
                        key=lambda w: w["id"],
                    ),
                }
            )
        return entries

    # question 3

    def without_contact(self, area: str) -> list[str]:
        return [
            c
            for c in self.communities_in(area)
            if not any(self.label[p] == "Person" for p in self.sources(c, "CONTACTS"))
        ]

    def without_paired_unit(self, area: str) -> list[str]:
        return [
            c
            for c in self.communities_in(area)
            if not any(self.label[u] == "Unit" for u in self.sources(c, "PAIRED_WITH"))
        ]

    def without_branch(self, area: str) -> list[str]:
        return [
            g
            for g in self.grids_in(area)
            if self.props[g].get("level") in ("COMMUNITY", "COMPOUND")
            and not any(self.label[o] == "PartyOrganization" for o in self.sources(g, "LEADS"))
        ]

    def staffing(self, grid: str) -> tuple[int, int]:
        if grid not in self._staffing:
            self._staffing[grid] = self._count_staff(grid)
        return self._staffing[grid]

    def _count_staff(self, grid: str) -> tuple[int, int]:
        cadres: set[str] = set()
        volunteers: set[str] = set()
        for rel, person, place, props in self.rels:
            if self.label.get(place) != "Grid" or grid not in self.ancestors(place):
                continue
            if rel == "RESIDES_IN" and self.props[person].get("cadre") is True:
                cadres.add(person)
            if rel == "SERVES" and props.get("role") == "CADRE":
                cadres.add(person)
            if rel == "SERVES" and props.get("role") == "VOLUNTEER":
                volunteers.add(person)
        return len(cadres), len(volunteers)

    def understaffed(self, area: str, min_cadres: int, min_volunteers: int) -> list[dict[str, Any]]:
        found = []
        for g in self.grids_in(area):
            if self.props[g].get("level") != "COMMUNITY":
                continue
            cadres, volunteers = self.staffing(g)
            if cadres < min_cadres or volunteers < min_volunteers:
                found.append({"grid": {"id": g}, "cadres": cadres, "volunteers": volunteers})
        return found

    def missing_roles(self, area: str) -> list[dict[str, Any]]:
        found = []
        for g in self.grids_in(area):
            if self.props[g].get("level") != "BUILDING":
                continue
            present = {
                props.get("role") for r, _, t, props in self.rels if r == "SERVES" and t == g
            }
            missing = [role.name for role in BUILDING_ROLES if role.name not in present]
            if missing:
                found.append({"grid": {"id": g}, "missing": missing})
        return found

    def contact_leaders(self, area: str) -> list[dict[str, Any]]:
        communities = set(self.communities_in(area))
        grids = set(self.grids_in(area))
        covered: dict[str, set[str]] = defaultdict(set)
        for rel, person, place, _ in self.rels:
            if rel == "CONTACTS" and (place in communities or place in grids):
                covered[person].add(place)
        return [
            {
                "person": {"id": p},
                "communities": [{"id": x} for x in sorted(covered[p]) if x in communities],
                "grids": [{"id": x} for x in sorted(covered[p]) if x in grids],
            }
            for p in sorted(covered)
        ]


def by_end_of(day: str, period: str) -> bool:
    """Whether an ISO date falls on or before the last day of a period."""
    part = period[5:]
    last = {"": 12, "H": 6 * int(part[1:] or 0), "Q": 3 * int(part[1:] or 0)}.get(part[:1])
    month = int(part) if last is None else last
    return (int(day[:4]), int(day[5:7])) <= (int(period[:4]), month)


def in_period(day: str, period: str) -> bool:
    """Whether an ISO date falls in 2024, 2024-H1, 2024-Q3 or 2024-05 (string arithmetic)."""
    year, month = day[:4], int(day[5:7])
    if year != period[:4]:
        return False
    part = period[5:]
    if not part:
        return True
    if part.startswith("H"):
        return (month <= 6) == (part == "H1")
    if part.startswith("Q"):
        return (month + 2) // 3 == int(part[1])
    return month == int(part)


# ---- fixtures --------------------------------------------------------------------------------

LOADED: dict[str, str] = {}  # which dataset the graph holds now: tests here reload when needed


@pytest.fixture(scope="module")
def records() -> Records:
    return Records(dataset())


@pytest.fixture
def data(target: Target, engine_kind: str, records: Records) -> Records:
    if LOADED.get("now") != "coverage":
        reload(target, dataset())
        LOADED["now"] = "coverage"
    return records


@pytest.fixture
def small(target: Target, engine_kind: str) -> Records:
    reload(target, mutation_dataset())
    LOADED["now"] = "mutation"
    return Records(mutation_dataset())


def areas(r: Records) -> list[str]:
    return r.ids("District") + r.ids("Street") + r.ids("Community")


def errors(client: Client, query: str, variables: dict[str, Any]) -> list[dict[str, Any]]:
    body = client.post(query, variables).json()
    assert body.get("errors"), body
    return list(body["errors"])


def code(client: Client, query: str, variables: dict[str, Any]) -> str:
    return str(errors(client, query, variables)[0]["extensions"]["code"])


# ---- question 2: unreported members and the reporting summary ---------------------------------

UNREPORTED = """query($area: ID!, $first: Int, $after: String) {
  unreportedMembersIn(areaId: $area, first: $first, after: $after) {
    totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }"""


def all_unreported(client: Client, area: str, first: int) -> tuple[list[str], int]:
    seen: list[str] = []
    after = None
    while True:
        page = client.query(UNREPORTED, {"area": area, "first": first, "after": after})
        conn = page["data"]["unreportedMembersIn"]
        assert len(conn["edges"]) <= first
        seen += [edge["node"]["id"] for edge in conn["edges"]]
        if not conn["pageInfo"]["hasNextPage"]:
            return seen, conn["totalCount"]
        after = conn["pageInfo"]["endCursor"]


def test_unreported_members_in_every_area(client: Client, data: Records) -> None:
    checked = 0
    for area in areas(data):
        expected = data.unreported_in(area)
        seen, total = all_unreported(client, area, first=4)
        assert seen == expected, area
        assert total == len(expected), area
        checked += len(expected)
    district = data.ids("District")[0]
    assert len(data.unreported_in(district)) > 8 and checked > 20


def test_unreported_members_in_a_community_match_the_contract_field(
    client: Client, data: Records
) -> None:
    query = """query($id: ID!) { community(id: $id) { unreportedMembers(first: 100) {
        edges { node { id } } } }
      unreportedMembersIn(areaId: $id, first: 100) { edges { node { id } } } }"""
    for community in data.ids("Community"):
        body = client.query(query, {"id": community})["data"]
        contract = body["community"]["unreportedMembers"]["edges"]
        assert body["unreportedMembersIn"]["edges"] == contract, community


def test_unreported_statement_count_does_not_grow_with_first(client: Client, data: Records) -> None:
    district = data.ids("District")[0]
    counts = []
    for first in (1, 5, 100):
        body = client.query(UNREPORTED, {"area": district, "first": first})
        assert len(body["data"]["unreportedMembersIn"]["edges"]) == min(
            first, len(data.unreported_in(district))
        )
        counts.append(body["extensions"]["statements"])
    # The area lookup, the page and the count.
    assert counts == [3, 3, 3]
    without_total = client.query(
        "query($a: ID!) { unreportedMembersIn(areaId: $a, first: 100) { edges { node { id } } } }",
        {"a": district},
    )
    assert without_total["extensions"]["statements"] == 2


SUMMARY = """query($area: ID!) { reportingSummary(areaId: $area) {
  community { id } residing reported unreported } }"""


def test_reporting_summary_of_every_area(client: Client, data: Records) -> None:
    for area in areas(data):
        body = client.query(SUMMARY, {"area": area})
        assert body["data"]["reportingSummary"] == data.summary(area), area
        assert body["extensions"]["statements"] == 2
    rows = data.summary(data.ids("District")[0])
    assert any(r["reported"] for r in rows) and any(r["unreported"] for r in rows)


# ---- question 2: the reverse report ----------------------------------------------------------

REVERSE = """query($unit: ID!, $period: String!) { reverseReport(unitId: $unit, period: $period) {
  unit { id } period start end reportedCount serviceHours
  members { person { id } residenceCommunity { id } reported reportedOn serviceHours
            wishesClaimed { id } wishesFulfilled { id } } } }"""

PERIODS = ("2024", "2023", "2024-H1", "2024-H2", "2024-Q1", "2024-Q2", "2024-Q4", "2024-02")


def test_reverse_report_of_every_unit_and_period(client: Client, data: Records) -> None:
    hours_seen = wishes_seen = 0
    for unit in data.ids("Unit"):
        for period in PERIODS:
            body = client.query(REVERSE, {"unit": unit, "period": period})
            report = body["data"]["reverseReport"]
            assert body["extensions"]["statements"] == 2
            expected = data.reverse_report(unit, period)
            members = report["members"]
            for entry in members:
                entry["serviceHours"] = round(entry["serviceHours"], 6)
            for entry in expected:
                entry["serviceHours"] = round(entry["serviceHours"], 6)
            assert members == expected, (unit, period)
            assert report["unit"] == {"id": unit} and report["period"] == period
            assert report["reportedCount"] == sum(e["reported"] for e in expected)
            assert report["serviceHours"] == pytest.approx(sum(e["serviceHours"] for e in expected))
            hours_seen += sum(e["serviceHours"] > 0 for e in expected)
            wishes_seen += sum(len(e["wishesFulfilled"]) for e in expected)
    assert hours_seen > 10 and wishes_seen > 5


@pytest.mark.parametrize(
    ("period", "start", "end"),
    [
        ("2024", "2024-01-01", "2024-12-31"),
        ("2024-H2", "2024-07-01", "2024-12-31"),
        ("2024-Q1", "2024-01-01", "2024-03-31"),
        ("2024-02", "2024-02-01", "2024-02-29"),
        ("2023-02", "2023-02-01", "2023-02-28"),
    ],
)
def test_reverse_report_period_bounds(
    client: Client, data: Records, period: str, start: str, end: str
) -> None:
    report = client.query(REVERSE, {"unit": "cv-u-empty", "period": period})["data"]
    assert report["reverseReport"]["start"] == start and report["reverseReport"]["end"] == end
    assert report["reverseReport"]["members"] == []


@pytest.mark.parametrize(
    ("unit", "period", "expected"),
    [
        ("cv-u1", "2024-Q5", "BAD_USER_INPUT"),
        ("cv-u1", "2024-13", "BAD_USER_INPUT"),
        ("cv-u1", "2024-00", "BAD_USER_INPUT"),
        ("cv-u1", "2024-h1", "BAD_USER_INPUT"),
        ("cv-u1", "24", "BAD_USER_INPUT"),
        ("cv-u1", "0000", "BAD_USER_INPUT"),
        ("cv-u1", "2024-Q1 ", "BAD_USER_INPUT"),
        ("no-such-unit", "2024", "NOT_FOUND"),
        ("cv-d1", "2024", "BAD_USER_INPUT"),
    ],
)
def test_reverse_report_bad_input(
    client: Client, data: Records, unit: str, period: str, expected: str
) -> None:
    found = errors(client, REVERSE, {"unit": unit, "period": period})
    assert found[0]["extensions"]["code"] == expected
    assert "MATCH" not in found[0]["message"]


# ---- question 3: coverage gaps and contact leaders -------------------------------------------

GAPS = """query($area: ID!, $cadres: Int, $volunteers: Int) {
  coverageGaps(areaId: $area, minCadres: $cadres, minVolunteers: $volunteers) {
    area { id label }
    communitiesWithoutContactLeader { id }
    communitiesWithoutPairedUnit { id }
    gridsWithoutPartyBranch { id }
    gridsUnderStaffed { grid { id } cadres volunteers }
    buildingGridsMissingRoles { grid { id level } missing } } }"""


def expected_gaps(r: Records, area: str, cadres: int, volunteers: int) -> dict[str, Any]:
    return {
        "area": {"id": area, "label": r.label[area]},
        "communitiesWithoutContactLeader": [{"id": c} for c in r.without_contact(area)],
        "communitiesWithoutPairedUnit": [{"id": c} for c in r.without_paired_unit(area)],
        "gridsWithoutPartyBranch": [{"id": g} for g in r.without_branch(area)],
        "gridsUnderStaffed": r.understaffed(area, cadres, volunteers),
        "buildingGridsMissingRoles": [
            {"grid": {**m["grid"], "level": "BUILDING"}, "missing": m["missing"]}
            for m in r.missing_roles(area)
        ],
    }


@pytest.mark.parametrize(("cadres", "volunteers"), [(6, 30), (4, 28), (0, 0), (9, 40)])
def test_coverage_gaps_of_every_area(
    client: Client, data: Records, cadres: int, volunteers: int
) -> None:
    for area in areas(data):
        body = client.query(GAPS, {"area": area, "cadres": cadres, "volunteers": volunteers})
        assert body["data"]["coverageGaps"] == expected_gaps(data, area, cadres, volunteers), area
        # The lookup and one statement per gap list, whatever the size of the area.
        assert body["extensions"]["statements"] == 6


def test_coverage_gaps_defaults_are_the_zhoucun_standard(client: Client, data: Records) -> None:
    district = data.ids("District")[0]
    expected = data.understaffed(district, 6, 30)
    assert expected
    for args in ("", ", minCadres: null, minVolunteers: null"):
        body = client.query(
            f"query($a: ID!) {{ coverageGaps(areaId: $a{args}) {{ gridsUnderStaffed {{ "
            "grid { id } cadres volunteers } } }",
            {"a": district},
        )
        assert body["data"]["coverageGaps"]["gridsUnderStaffed"] == expected
        assert body["extensions"]["statements"] == 2  # the lookup and the one list asked for


def test_coverage_gaps_data_has_every_kind_of_gap(data: Records) -> None:
    district = data.ids("District")[0]
    grids = [g for g in data.grids_in(district) if data.props[g].get("level") == "COMMUNITY"]
    staffing = [data.staffing(g) for g in grids]
    assert any(c >= 6 for c, _ in staffing) and any(c < 6 for c, _ in staffing)
    assert any(v >= 30 for _, v in staffing) and any(v < 30 for _, v in staffing)
    assert 0 < len(data.without_branch(district)) < len(data.grids_in(district))
    assert 0 < len(data.without_contact(district)) < len(data.communities_in(district))
    assert 0 < len(data.without_paired_unit(district)) < len(data.communities_in(district))
    missing = data.missing_roles(district)
    buildings = [g for g in data.grids_in(district) if data.props[g].get("level") == "BUILDING"]
    assert 0 < len(missing) < len(buildings)
    assert any(len(m["missing"]) == 6 for m in missing)


@pytest.mark.parametrize(
    ("variables", "expected"),
    [
        ({"area": "cv-d1", "cadres": -1, "volunteers": 30}, "BAD_USER_INPUT"),
        ({"area": "cv-d1", "cadres": 6, "volunteers": -5}, "BAD_USER_INPUT"),
        ({"area": "nowhere", "cadres": 6, "volunteers": 30}, "NOT_FOUND"),
        ({"area": "cv-d1-s1-c1-g1", "cadres": 6, "volunteers": 30}, "BAD_USER_INPUT"),
        ({"area": "cv-u1", "cadres": 6, "volunteers": 30}, "BAD_USER_INPUT"),
    ],
)
def test_coverage_gaps_bad_input(
    client: Client, data: Records, variables: dict[str, Any], expected: str
) -> None:
    assert code(client, GAPS, variables) == expected


CONTACTS = """query($area: ID!) { contactLeaders(areaId: $area) {
  person { id } communities { id } grids { id } } }"""


def test_contact_leaders_of_every_area(client: Client, data: Records) -> None:
    for area in areas(data):
        body = client.query(CONTACTS, {"area": area})
        assert body["data"]["contactLeaders"] == data.contact_leaders(area), area
        assert body["extensions"]["statements"] == 2
    leaders = data.contact_leaders(data.ids("District")[0])
    assert any(x["communities"] for x in leaders) and any(x["grids"] for x in leaders)


@pytest.mark.parametrize(
    ("query", "area", "expected"),
    [
        (CONTACTS, "nowhere", "NOT_FOUND"),
        (CONTACTS, "cv-u1", "BAD_USER_INPUT"),
        (SUMMARY, "nowhere", "NOT_FOUND"),
        (SUMMARY, "cv-d1-s1-c1-g1", "BAD_USER_INPUT"),
        (UNREPORTED, "cv-a01", "BAD_USER_INPUT"),
        (UNREPORTED, "nowhere", "NOT_FOUND"),
    ],
)
def test_area_fields_reject_what_is_not_an_area(
    client: Client, data: Records, query: str, area: str, expected: str
) -> None:
    assert code(client, query, {"area": area}) == expected


@pytest.mark.parametrize("args", ["first: 0", "first: 101", 'after: "bogus"'])
def test_unreported_members_in_rejects_bad_pages(client: Client, data: Records, args: str) -> None:
    query = f'{{ unreportedMembersIn(areaId: "cv-d1", {args}) {{ totalCount }} }}'
    assert code(client, query, {}) == "BAD_USER_INPUT"


# ---- recordReport ----------------------------------------------------------------------------

RECORD = """mutation($person: ID!, $community: ID!, $on: Date) {
  recordReport(input: {personId: $person, communityId: $community, on: $on}) {
    person { id reportedTo { id } } } }"""

STATE = """query($period: String!) {
  unreportedMembersIn(areaId: "m-d", first: 100) { edges { node { id } } }
  reportingSummary(areaId: "m-d") { community { id } residing reported }
  reverseReport(unitId: "m-u", period: $period) { members { person { id } reported reportedOn } }
  p1: person(id: "m-p1") { reportedTo { id } } p2: person(id: "m-p2") { reportedTo { id } }
  p3: person(id: "m-p3") { reportedTo { id } } p4: person(id: "m-p4") { reportedTo { id } } }"""


def state(client: Client, period: str = "2024") -> dict[str, Any]:
    return dict(client.query(STATE, {"period": period})["data"])


def test_record_report_defaults_to_today(client: Client, small: Records) -> None:
    before = state(client)
    assert [e["node"]["id"] for e in before["unreportedMembersIn"]["edges"]] == ["m-p1", "m-p2"]
    today = dt.datetime.now(dt.UTC).date()
    body = client.query(RECORD, {"person": "m-p1", "community": "m-c1"})
    assert body["data"]["recordReport"]["person"] == {"id": "m-p1", "reportedTo": [{"id": "m-c1"}]}
    after = state(client)
    assert [e["node"]["id"] for e in after["unreportedMembersIn"]["edges"]] == ["m-p2"]
    assert after["reportingSummary"][0] == {
        "community": {"id": "m-c1"},
        "residing": 1,
        "reported": 1,
    }
    # In 2024's reverse report the member had not reported yet; in this year's, they have.
    assert after["reverseReport"]["members"][0] == {
        "person": {"id": "m-p1"},
        "reported": False,
        "reportedOn": None,
    }
    this_year = state(client, str(today.year))["reverseReport"]["members"][0]
    later = dt.datetime.now(dt.UTC).date()
    assert this_year["reported"] is True
    assert this_year["reportedOn"] in {today.isoformat(), later.isoformat()}


def test_record_report_with_a_date_and_twice(client: Client, small: Records) -> None:
    body = client.query(RECORD, {"person": "m-p2", "community": "m-c2", "on": "2024-05-20"})
    assert body["data"]["recordReport"]["person"]["reportedTo"] == [{"id": "m-c2"}]
    recorded = state(client)
    entry = next(e for e in recorded["reverseReport"]["members"] if e["person"]["id"] == "m-p2")
    assert entry == {"person": {"id": "m-p2"}, "reported": True, "reportedOn": "2024-05-20"}
    again = errors(client, RECORD, {"person": "m-p2", "community": "m-c2", "on": "2024-06-01"})
    assert again[0]["extensions"]["code"] == "INVALID_STATE"
    assert state(client) == recorded  # still one report, still dated 2024-05-20


@pytest.mark.parametrize(
    ("variables", "expected", "says"),
    [
        ({"person": "m-p3", "community": "m-c1"}, "INVALID_STATE", "not a party member"),
        ({"person": "m-p1", "community": "m-c2"}, "BAD_USER_INPUT", "朝阳社区"),
        ({"person": "m-p2", "community": "m-c1"}, "BAD_USER_INPUT", "湘江社区"),
        ({"person": "m-p4", "community": "m-c1"}, "BAD_USER_INPUT", "no residence"),
        ({"person": "nobody", "community": "m-c1"}, "NOT_FOUND", "nobody"),
        ({"person": "m-p1", "community": "nowhere"}, "NOT_FOUND", "nowhere"),
        ({"person": "m-p1", "community": "m-g1"}, "BAD_USER_INPUT", "not a Community"),
        ({"person": "m-c1", "community": "m-c1"}, "BAD_USER_INPUT", "both"),
        ({"person": "m-p1", "community": "m-c1", "on": "2999-01-01"}, "BAD_USER_INPUT", "future"),
    ],
)
def test_record_report_bad_input_changes_nothing(
    client: Client, small: Records, variables: dict[str, Any], expected: str, says: str
) -> None:
    before = state(client)
    found = errors(client, RECORD, variables)
    assert found[0]["extensions"]["code"] == expected
    assert says in found[0]["message"]
    assert state(client) == before


def test_record_report_rejects_a_malformed_date(client: Client, small: Records) -> None:
    before = state(client)
    found = errors(client, RECORD, {"person": "m-p1", "community": "m-c1", "on": "2024-02-30"})
    assert found[0]["extensions"]["code"] == "BAD_USER_INPUT"
    assert state(client) == before
