"""The `shinan` seed profile (report 000, 两下两上): its records reproduce every figure of the
report at scale 1 (plain Python), and at a small scale the API answers the same figures over
HTTP as a plain-Python reading of the records; loading it twice changes nothing."""

from __future__ import annotations

import datetime as dt
import functools
from collections import Counter, defaultdict
from statistics import fmean
from typing import Any

import pytest

from partygraph import vocabulary
from partygraph.properties import REL_KEYS
from partygraph.seed.profiles import shinan
from partygraph.seed.profiles.common import Seeder
from tests.support.api_walk import ask_each, children, connection, ids
from tests.support.record_index import RecordIndex
from tests.support.suite import Client, Target, load, reload

SCALE = 0.1
AT_LEAST = {"wishes_claimed", "leader_joint_meetings"}  # the report's "余" figures


class Records(RecordIndex):
    """The import records as plain dictionaries: no graph library, no Cypher."""

    def community_of(self, place: str) -> str:
        while self.label[place] == "Grid":
            place = self.targets(place, "IN")[0]
        assert self.label[place] == "Community"
        return place

    def district(self) -> str:
        return self.ids("District")[0]

    def departments(self) -> list[str]:
        return self.ids("Unit", category="DEPARTMENT", level="DISTRICT")

    def leaders(self) -> set[str]:
        return {p for c in self.ids("Community") for p in self.sources(c, "CONTACTS")}

    def street_cadres(self) -> set[str]:
        return {
            p
            for g in self.ids("Grid")
            for p in self.sources(g, "CONTACTS")
            if self.props[p].get("cadre")
        }

    def members(self) -> list[str]:
        return [
            p
            for p in self.ids("Person")
            if any(self.label[o] == "PartyOrganization" for o in self.targets(p, "MEMBER_OF"))
        ]

    def reporting(self) -> dict[str, tuple[int, int]]:
        """Per community: (members residing, of whom reported to it)."""
        found = {c: [0, 0] for c in self.ids("Community")}
        for p in self.members():
            homes = {self.community_of(place) for place in self.targets(p, "RESIDES_IN")}
            for home in homes:
                found[home][0] += 1
                found[home][1] += home in self.targets(p, "REPORTED_TO")
        return {c: (r, k) for c, (r, k) in found.items()}

    def requests_between(self, start: str, end: str) -> list[dict[str, Any]]:
        a, b = _instant(start), _instant(end)
        return [
            self.props[r]
            for r in self.ids("Request")
            if a <= _instant(self.props[r]["raisedAt"]) < b
        ]


def _instant(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))


def _return_rate(requests: list[dict[str, Any]]) -> float:
    return sum(r["status"] == "RETURNED" for r in requests) / len(requests)


def measure(rec: Records) -> dict[str, float]:
    """Every figure of FIGURES, counted from the records as the report means it."""
    grids = rec.ids("Grid", level="COMMUNITY") + rec.ids("Grid", level="COMPOUND")
    cadres = rec.street_cadres()
    departments = set(rec.departments())
    reporting = rec.reporting()
    snow = {a for a in rec.ids("Activity") if rec.props[a]["name"] == "除雪清冰志愿服务"}
    in_2023 = rec.requests_between("2023-01-01T00:00:00+00:00", "2024-01-01T00:00:00+00:00")
    in_2024 = rec.requests_between("2024-01-01T00:00:00+00:00", "2025-01-01T00:00:00+00:00")
    leaders = rec.leaders()
    return {
        "streets": len(rec.ids("Street")),
        "communities": len(rec.ids("Community")),
        "district_leaders": len(leaders),
        "communities_with_contact_leader": sum(
            bool(rec.sources(c, "CONTACTS")) for c in rec.ids("Community")
        ),
        "communities_with_paired_department": sum(
            any(u in departments for u in rec.sources(c, "PAIRED_WITH"))
            for c in rec.ids("Community")
        ),
        "departments": len(departments),
        "projects": sum(
            bool(set(rec.targets(p, "BY")) & departments) and bool(rec.targets(p, "FOR"))
            for p in rec.ids("Project")
        ),
        "red_assault_teams": sum(
            bool(set(rec.targets(t, "OF")) & departments)
            for t in rec.ids("VolunteerTeam", kind="RED_ASSAULT")
        ),
        "snow_clearing_members": len(
            {p for a in snow for p in rec.sources(a, "ATTENDED") if rec.label[p] == "Person"}
        ),
        "reported_members": sum(k for _, k in reporting.values()),
        "unreported_members": sum(r - k for r, k in reporting.values()),
        "wishes_claimed": sum(bool(rec.sources(w, "CLAIMED")) for w in rec.ids("Wish")),
        "leader_joint_meetings": sum(
            bool(set(rec.sources(a, "ATTENDED")) & leaders)
            for a in rec.ids("Activity", type="JOINT_MEETING")
        ),
        "leader_visits": sum(
            bool(set(rec.sources(a, "ATTENDED")) & leaders)
            for a in rec.ids("Activity", type="VISIT")
        ),
        "street_cadres": len(cadres),
        "compounds": len(rec.ids("Grid", level="COMPOUND")),
        "grids": len(rec.ids("Grid", level="COMMUNITY")),
        "grids_contacted_by_street_cadre": sum(
            bool(set(rec.sources(g, "CONTACTS")) & cadres) for g in grids
        ),
        "building_chat_groups": sum(
            bool(rec.props[g].get("chatGroup")) for g in rec.ids("Grid", level="BUILDING")
        ),
        "requests_handled": len(rec.ids("Request")) * shinan.REQUEST_SAMPLE,
        "invalid_return_drop": 1 - _return_rate(in_2024) / _return_rate(in_2023),
        "evaluation_periods": len({p["period"] for r, _, _, p in rec.rels if r == "EVALUATED"}),
        "self_governance_teams": len(rec.ids("VolunteerTeam", kind="VOLUNTEER")),
    }


@functools.cache
def records(scale: float) -> Records:
    return Records(list(shinan.generate(scale)))


def expected(key: str, scale: float) -> int:
    """A figure at `scale`, as the profile scales it."""
    seeder = Seeder("t", scale, 1)
    if key == "requests_handled":
        full = round(shinan.FIGURES[key] / shinan.REQUEST_SAMPLE)
        return seeder.n(full) * shinan.REQUEST_SAMPLE
    return seeder.n(int(shinan.FIGURES[key]))


# ---- plain Python over the records -----------------------------------------------------------


def test_every_figure_at_scale_1() -> None:
    measured = measure(records(1.0))
    assert set(measured) == set(shinan.FIGURES)
    for key, figure in shinan.FIGURES.items():
        if isinstance(figure, float):
            assert measured[key] == pytest.approx(figure, abs=0.005), key
        elif key in AT_LEAST:
            assert figure <= measured[key] <= figure * 1.05, key
        else:
            assert measured[key] == figure, key


@pytest.mark.parametrize("scale", [SCALE, 0.03])
def test_every_count_scales(scale: float) -> None:
    measured = measure(records(scale))
    for key, figure in shinan.FIGURES.items():
        if key in ("invalid_return_drop", "evaluation_periods"):
            continue
        if key in ("communities_with_contact_leader", "communities_with_paired_department"):
            assert measured[key] == measured["communities"], key  # all of them, at any scale
        elif key == "grids_contacted_by_street_cadre":
            assert measured[key] == measured["grids"] + measured["compounds"], key
        elif key in AT_LEAST:
            assert measured[key] >= expected(key, scale), key
        else:
            assert measured[key] == expected(key, scale), (key, figure)


def test_records_are_well_formed_and_stable() -> None:
    rec = records(1.0)
    ids = [r["id"] for r in rec.records if r["type"] == "node"]
    assert len(ids) == len(set(ids))
    # The importer's relationship key: type, ends and the key property (period, role).
    keys = Counter((r, s, t, *(p.get(k) for k in REL_KEYS.get(r, ()))) for r, s, t, p in rec.rels)
    assert max(keys.values()) == 1
    for r, s, t, _ in rec.rels:
        assert vocabulary.allows(r, rec.label[s], rec.label[t]), (r, s, t)
    again = list(shinan.generate(1.0))
    assert again == rec.records  # deterministic
    small = {r["id"] for r in shinan.generate(SCALE) if r["type"] == "node"}
    assert small == {r["id"] for r in records(SCALE).records if r["type"] == "node"}


def test_the_mechanism_holds_together() -> None:
    """Reports go to the residence community, wishes are claimed by members who reported,
    teams are made of their department's staff, evaluations follow the pairings."""
    rec = records(1.0)
    for p in rec.ids("Person"):
        for c in rec.targets(p, "REPORTED_TO"):
            homes = {rec.community_of(h) for h in rec.targets(p, "RESIDES_IN")}
            assert c in homes
    for w in rec.ids("Wish"):
        for p in rec.sources(w, "CLAIMED"):
            assert rec.targets(p, "REPORTED_TO")
    fulfilled = rec.ids("Wish", status="FULFILLED")
    assert len(fulfilled) / measure(rec)["wishes_claimed"] > 0.95
    for t in rec.ids("VolunteerTeam", kind="RED_ASSAULT"):
        (unit,) = rec.targets(t, "OF")
        members = rec.sources(t, "VOLUNTEERS_IN")
        assert members and all(rec.targets(p, "WORKS_AT") == [unit] for p in members)
    pairs = {(u, c) for r, u, c, _ in rec.rels if r == "PAIRED_WITH" and rec.label[u] == "Unit"}
    evaluated = {(u, c) for r, c, u, _ in rec.rels if r == "EVALUATED"}
    assert evaluated == pairs
    for p in rec.ids("Project"):
        assert (rec.targets(p, "BY")[0], rec.targets(p, "FOR")[0]) in pairs
    # Every request has a first-responsible unit; returned ones carry a reason.
    for r in rec.ids("Request"):
        assert len(rec.targets(r, "FIRST_RESPONSIBLE")) == 1
        if rec.props[r]["status"] == "RETURNED":
            assert rec.props[r]["returnReason"]


# ---- the same figures through the API ---------------------------------------------------------


@pytest.fixture(scope="module")
def loaded(target: Target, engine_kind: str) -> Records:
    rec = records(SCALE)
    summary = reload(target, rec.records)
    assert summary.nodes_created == len(rec.label)
    return rec


def test_staffing_has_the_shortfalls_it_is_built_to_show() -> None:
    """At scale 1 the gap report reads like the programme: most grids staffed to the standard
    (6 cadres, 30 volunteers), some short; most buildings with all of 两长四员, the vacancies
    mostly where the property company is missing (物业公司"缺位")."""
    rec = records(1.0)
    staffing = rec.grid_staffing()
    short_cadres = [g for g, (c, _) in staffing.items() if c < 6]
    short_volunteers = [g for g, (_, v) in staffing.items() if v < 30]
    assert len(staffing) == 505
    assert 0.03 < len(short_cadres) / 505 < 0.1 and 0.08 < len(short_volunteers) / 505 < 0.15
    missing = rec.buildings_missing_roles()
    assert 0.15 < len(missing) / 3115 < 0.4
    assert not any(len(roles) == 6 for roles in missing.values())
    vacancies = Counter(role for roles in missing.values() for role in roles)
    assert vacancies.most_common(1)[0][0] == "PROPERTY_MANAGER"
    # Party roles go to in-service members, so the reporting figures hold (the test above).
    seats = {p for r, p, _, props in rec.rels if r == "SITS_ON" and props["role"] == "SECRETARY"}
    residents = {p for r, p, _, _ in rec.rels if r == "RESIDES_IN"}
    assert seats & residents <= {m for m in rec.members() if rec.targets(m, "WORKS_AT")}


def test_coverage_gaps_through_the_api(client: Client, loaded: Records) -> None:
    body = client.query(
        """query ($a: ID!) { coverageGaps(areaId: $a) {
          gridsUnderStaffed { grid { id } cadres volunteers }
          buildingGridsMissingRoles { grid { id } missing } } }""",
        {"a": loaded.district()},
    )["data"]["coverageGaps"]
    staffing = loaded.grid_staffing()
    under = {g: n for g, n in staffing.items() if n[0] < 6 or n[1] < 30}
    got = {
        row["grid"]["id"]: (row["cadres"], row["volunteers"]) for row in body["gridsUnderStaffed"]
    }
    assert got == under
    assert 0 < len(under) < len(staffing) / 4
    missing = {row["grid"]["id"]: row["missing"] for row in body["buildingGridsMissingRoles"]}
    assert missing == loaded.buildings_missing_roles()
    assert 0 < len(missing) < len(loaded.ids("Grid", level="BUILDING")) / 2


def test_contact_leaders_and_coverage(client: Client, loaded: Records) -> None:
    district = loaded.district()
    body = client.query(
        """query ($a: ID!) {
          coverageGaps(areaId: $a) {
            communitiesWithoutContactLeader { id }
            communitiesWithoutPairedUnit { id }
            gridsWithoutPartyBranch { id }
          }
          contactLeaders(areaId: $a) { person { id cadre } communities { id } grids { id } }
        }""",
        {"a": district},
    )["data"]
    gaps = body["coverageGaps"]
    assert gaps == {
        "communitiesWithoutContactLeader": [],
        "communitiesWithoutPairedUnit": [],
        "gridsWithoutPartyBranch": [],
    }
    leaders = {row["person"]["id"] for row in body["contactLeaders"] if row["communities"]}
    assert leaders == loaded.leaders()
    assert len(leaders) == expected("district_leaders", SCALE)
    covered = {c["id"] for row in body["contactLeaders"] for c in row["communities"]}
    assert covered == set(loaded.ids("Community"))
    cadres = {row["person"]["id"] for row in body["contactLeaders"] if row["grids"]}
    assert cadres == loaded.street_cadres()
    assert len(cadres) == expected("street_cadres", SCALE)
    grids = {g["id"] for row in body["contactLeaders"] for g in row["grids"]}
    wanted = loaded.ids("Grid", level="COMMUNITY") + loaded.ids("Grid", level="COMPOUND")
    assert grids == set(wanted)
    assert len(wanted) == expected("grids", SCALE) + expected("compounds", SCALE)


def test_dual_reporting(client: Client, loaded: Records) -> None:
    body = client.query(
        """query ($a: ID!) {
          reportingSummary(areaId: $a) { community { id } residing reported unreported }
          unreportedMembersIn(areaId: $a, first: 1) { totalCount }
        }""",
        {"a": loaded.district()},
    )["data"]
    got = {
        row["community"]["id"]: (row["residing"], row["reported"])
        for row in body["reportingSummary"]
    }
    assert got == loaded.reporting()
    assert sum(k for _, k in got.values()) == expected("reported_members", SCALE)
    unreported = body["unreportedMembersIn"]["totalCount"]
    assert unreported == sum(r - k for r, k in got.values())
    assert unreported == expected("unreported_members", SCALE)


def test_departments_projects_teams_and_wishes(client: Client, loaded: Records) -> None:
    departments = loaded.departments()
    # The units; the departments' paired communities, projects and teams; the teams' members.
    _, listed = connection(client, "units", "id category level")
    units = {u["id"]: u for u in listed}
    got = sorted(
        u for u, n in units.items() if (n["category"], n["level"]) == ("DEPARTMENT", "DISTRICT")
    )
    assert got == departments and len(got) == expected("departments", SCALE)
    for field, selection, first in (  # each list's `first` at its most (short lists: 20)
        ("pairedCommunities", "id", 20),
        ("projects", "id", 100),
        ("volunteerTeams", "id kind", 20),
    ):
        lists = children(client, "Unit", departments, field, selection, first=first)
        for unit, items in lists.items():
            units[unit][field] = items
    paired = {c["id"] for u in departments for c in units[u]["pairedCommunities"]}
    assert paired == set(loaded.ids("Community"))
    total = client.query("{ projects(first: 1) { totalCount } }")["data"]["projects"]
    assert total["totalCount"] == expected("projects", SCALE)
    assert sorted(p["id"] for u in departments for p in units[u]["projects"]) == loaded.ids(
        "Project"
    )
    teams = [t for u in departments for t in units[u]["volunteerTeams"]]
    assert len(teams) == expected("red_assault_teams", SCALE)
    assert {t["kind"] for t in teams} == {"RED_ASSAULT"}
    members = children(client, "VolunteerTeam", ids(teams), "members", "id")
    want_members = sorted(
        p
        for t in loaded.ids("VolunteerTeam", kind="RED_ASSAULT")
        for p in loaded.sources(t, "VOLUNTEERS_IN")
    )
    assert sorted(m["id"] for t in teams for m in members[t["id"]]) == want_members
    # The reverse report (反向通报) of every department, per year: wishes its members claimed.
    # A whole-area report, one an alias, as many to a request as the cost limit allows: its
    # lists take no `first`, so each alias counts 2,000 for the walk, the report, 500 members
    # and 500 x 5 wishes claimed.
    reports = ask_each(
        client,
        {
            (unit, year): f"""reverseReport(unitId: "{unit}", period: "{year}") {{
              reportedCount members {{ wishesClaimed {{ id }} }} }}"""
            for unit in departments
            for year in (2023, 2024)
        },
        cost=2000 + 1 + 500 + 500 * 5,
    )
    claimed = [
        w["id"]
        for report in reports.values()
        for m in report["members"]
        for w in m["wishesClaimed"]
    ]
    assert sorted(claimed) == sorted(w for w in loaded.ids("Wish") if loaded.sources(w, "CLAIMED"))
    assert len(claimed) >= expected("wishes_claimed", SCALE)
    reported = sum(reports[(unit, 2024)]["reportedCount"] for unit in departments)
    assert reported == expected("reported_members", SCALE)


def test_half_yearly_evaluations(client: Client, loaded: Records) -> None:
    for period in shinan.PERIODS:
        body = client.query(
            """query ($p: String!) {
              unitEvaluations(period: $p) { unit { id } count average min max }
            }""",
            {"p": period},
        )["data"]["unitEvaluations"]
        scores: dict[str, list[float]] = defaultdict(list)
        for r, _, u, p in loaded.rels:
            if r == "EVALUATED" and p["period"] == period:
                scores[u].append(p["score"])
        got = {row["unit"]["id"]: row for row in body}
        assert set(got) == set(scores)
        for unit, values in scores.items():
            assert got[unit]["count"] == len(values)
            assert got[unit]["average"] == pytest.approx(fmean(values))
            assert (got[unit]["min"], got[unit]["max"]) == (min(values), max(values))


def test_requests_and_the_fall_in_invalid_returns(client: Client, loaded: Records) -> None:
    years = {
        "y2023": ("2023-01-01T00:00:00Z", "2024-01-01T00:00:00Z"),
        "y2024": ("2024-01-01T00:00:00Z", "2025-01-01T00:00:00Z"),
    }
    fields = "\n".join(
        f"""{key}: requestStats(areaId: $a, from: "{a}", to: "{b}") {{
              total closed returnedInvalid open returnRate }}"""
        for key, (a, b) in years.items()
    )
    body = client.query(f"query ($a: ID!) {{ {fields} }}", {"a": loaded.district()})["data"]
    total = 0
    for key, (a, b) in years.items():
        want = loaded.requests_between(a, b)
        got = body[key]
        total += got["total"]
        assert got["total"] == len(want)
        assert got["closed"] == sum(r["status"] == "CLOSED" for r in want)
        assert got["returnedInvalid"] == sum(r["status"] == "RETURNED" for r in want)
        assert got["open"] == sum(r["status"] in ("OPEN", "ESCALATED") for r in want)
        assert got["returnRate"] == pytest.approx(_return_rate(want))
    assert total * shinan.REQUEST_SAMPLE == expected("requests_handled", SCALE)
    assert body["y2024"]["returnRate"] < body["y2023"]["returnRate"]
    # First responsible (首问负责): one unit for each request, as in the records.
    sample = loaded.ids("Request")[:: max(1, len(loaded.ids("Request")) // 10)]
    fields = "\n".join(f'f{i}: firstResponsible(id: "{r}") {{ id }}' for i, r in enumerate(sample))
    body = client.query(f"{{ {fields} }}")["data"]
    for i, r in enumerate(sample):
        assert body[f"f{i}"]["id"] == loaded.targets(r, "FIRST_RESPONSIBLE")[0]


def test_loading_twice_changes_nothing(target: Target, loaded: Records) -> None:
    summary = load(target, loaded.records)
    assert (summary.nodes_created, summary.relationships_created) == (0, 0)
    assert summary.nodes == len(loaded.label)
