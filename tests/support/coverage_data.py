"""A deterministic graph for dual reporting (双报到), the reverse report (反向通报) and
coverage gaps: two districts, nested grids down to building micro-grids, party branches on
some grids, cadres and volunteers around the 6/30 standard, the 两长四员 roles partly filled,
contact leaders and paired units on some communities, members reported to their residence
community, to another one or nowhere, and activities and wish claims around period edges.

Edge cases on purpose: a community with no grids, a compound grid directly in a community, a
grid with no level, a member with no residence, a member residing in two communities, a
person marked partyMember but in no organisation, a unit without members, volunteers serving
two grids of one community grid, a cadre both residing in and serving a grid, attendances
without hours, a leader contacting communities in both districts.
"""

from __future__ import annotations

import datetime as dt
import random

from partygraph.enums import BUILDING_ROLES, Rank
from partygraph.seed import names
from partygraph.seed.records import Record, node, rel

# Dates on and around period edges (quarter, half-year, month, year ends, a leap day).
EDGE_DAYS = (
    "2023-12-31",
    "2024-01-01",
    "2024-02-29",
    "2024-03-31",
    "2024-04-01",
    "2024-05-31",
    "2024-06-30",
    "2024-07-01",
    "2024-09-30",
    "2024-12-31",
    "2025-01-01",
)


def _day(rng: random.Random) -> str:
    if rng.random() < 0.4:
        return rng.choice(EDGE_DAYS)
    return (dt.date(2023, 10, 1) + dt.timedelta(days=rng.randrange(500))).isoformat()


class _Builder:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.out: list[Record] = []
        self.used: set[str] = set()
        self.count = 0
        self.linked: set[tuple[str, str, str]] = set()

    def add(self, record: Record) -> None:
        # The import keeps one relationship of a type between two nodes (a second SERVES
        # would overwrite the first one's role): keep the records the same as the graph.
        if record["type"] == "relationship":
            key = (record["rel"], record["from"], record["to"])
            if key in self.linked:
                return
            self.linked.add(key)
        self.out.append(record)

    def person(self, prefix: str, **props: object) -> str:
        self.count += 1
        person_id = f"cv-{prefix}{self.count:03d}"
        self.add(node("Person", person_id, name=names.person(self.rng), **props))
        return person_id


def _area(b: _Builder) -> tuple[list[str], dict[str, list[str]], dict[str, str]]:
    """Districts, streets and communities; the grids of each community; each grid's level."""
    rng = b.rng
    communities: list[str] = []
    grids_of: dict[str, list[str]] = {}
    level: dict[str, str] = {}
    for d, streets in (("cv-d1", 3), ("cv-d2", 1)):
        b.add(node("District", d, name=names.place(rng, "区", b.used)))
        for s in range(1, streets + 1):
            street = f"{d}-s{s}"
            b.add(node("Street", street, name=names.place(rng, "街道", b.used)))
            b.add(rel("IN", street, d))
            for c in range(1, (4 if d == "cv-d1" else 3)):
                community = f"{street}-c{c}"
                communities.append(community)
                b.add(node("Community", community, name=names.place(rng, "社区", b.used)))
                b.add(rel("IN", community, street))
                grids_of[community] = []
                # The last community of the third street has no grids at all.
                count = 0 if community == "cv-d1-s3-c3" else rng.randint(1, 2)
                for g in range(1, count + 1):
                    _grid_tree(b, community, f"{community}-g{g}", grids_of[community], level)
    # A compound grid directly in a community, and a grid with no level under a community grid.
    odd = "cv-d1-s1-c1-k9"
    b.add(node("Grid", odd, name="直属小区网格", level="COMPOUND", kind="COMPREHENSIVE"))
    b.add(rel("IN", odd, "cv-d1-s1-c1"))
    grids_of["cv-d1-s1-c1"].append(odd)
    level[odd] = "COMPOUND"
    parent = grids_of["cv-d1-s2-c1"][0]
    b.add(node("Grid", "cv-d1-s2-c1-x1", name="临时专属网格", kind="DEDICATED"))
    b.add(rel("IN", "cv-d1-s2-c1-x1", parent))
    grids_of["cv-d1-s2-c1"].append("cv-d1-s2-c1-x1")
    level["cv-d1-s2-c1-x1"] = ""
    return communities, grids_of, level


def _grid_tree(
    b: _Builder, parent: str, grid: str, grids: list[str], level: dict[str, str]
) -> None:
    rng = b.rng
    b.add(node("Grid", grid, name=f"第{grid[-1]}网格", level="COMMUNITY", kind="COMPREHENSIVE"))
    b.add(rel("IN", grid, parent))
    grids.append(grid)
    level[grid] = "COMMUNITY"
    for k in range(1, rng.randint(1, 2) + 1):
        compound = f"{grid}-k{k}"
        b.add(node("Grid", compound, name=names.place(rng, "小区", b.used), level="COMPOUND"))
        b.add(rel("IN", compound, grid))
        grids.append(compound)
        level[compound] = "COMPOUND"
        for n in range(1, rng.randint(1, 3) + 1):
            building = f"{compound}-b{n}"
            b.add(node("Grid", building, name=f"{n}号楼微网格", level="BUILDING"))
            b.add(rel("IN", building, compound))
            grids.append(building)
            level[building] = "BUILDING"


def _organisations(
    b: _Builder, communities: list[str], grids_of: dict[str, list[str]], level: dict[str, str]
) -> tuple[list[str], list[str]]:
    """Units with their branches, community committees, grid branches, pairings."""
    rng = b.rng
    units = [f"cv-u{i}" for i in range(1, 8)]
    orgs: list[str] = []
    for i, unit in enumerate(units):
        category, name = names.UNIT_KINDS[i]
        b.add(node("Unit", unit, name=name, category=category, level="DISTRICT"))
        branch = f"{unit}-o"
        b.add(node("PartyOrganization", branch, name=f"{name}党支部", type="BRANCH"))
        b.add(rel("OF", branch, unit))
        orgs.append(branch)
    for community in communities:
        for unit in rng.sample(units, rng.choice([0, 0, 1, 1, 2])):
            b.add(rel("PAIRED_WITH", unit, community, since="2023-03-01"))
    b.add(node("Unit", "cv-u-empty", name="无党员单位", category="ENTERPRISE"))
    # A unit paired with a grid only: the grid's community still counts as unpaired.
    b.add(rel("PAIRED_WITH", "cv-u-empty", grids_of["cv-d1-s1-c2"][0], since="2024-01-01"))
    for community in communities:
        committee = f"{community}-o"
        b.add(node("PartyOrganization", committee, name="社区党委", type="COMMITTEE"))
        b.add(rel("LEADS", committee, community))
        orgs.append(committee)
        for grid in grids_of[community]:
            if level[grid] in ("COMMUNITY", "COMPOUND", "BUILDING") and rng.random() < 0.55:
                branch = f"{grid}-o"
                kind = rng.choice(["GRID_BRANCH", "FUNCTIONAL_BRANCH"])
                b.add(node("PartyOrganization", branch, name="网格党支部", type=kind))
                b.add(rel("LEADS", branch, grid))
                b.add(rel("UNDER", branch, committee))
    # One functional branch leading two grids at once.
    shared = "cv-shared-o"
    b.add(node("PartyOrganization", shared, name="联合功能型党支部", type="FUNCTIONAL_BRANCH"))
    for grid in grids_of["cv-d1-s2-c2"][:2]:
        b.add(rel("LEADS", shared, grid))
    return units, orgs


def _residents(
    b: _Builder,
    communities: list[str],
    grids_of: dict[str, list[str]],
    units: list[str],
    orgs: list[str],
) -> list[str]:
    """Residents, members or not, reported to their community, another one or none."""
    rng = b.rng
    members: list[str] = []
    for community in communities:
        for _ in range(rng.randint(4, 8)):
            member = rng.random() < 0.75
            person = b.person(
                "p",
                partyMember=member,
                cadre=rng.random() < 0.3,
                rank=rng.choice([r.name for r in Rank]),
                gender=rng.choice("男女"),
            )
            places = grids_of[community] or [community]
            home = community if rng.random() < 0.2 else rng.choice(places)
            b.add(rel("RESIDES_IN", person, home))
            if member:
                b.add(rel("MEMBER_OF", person, rng.choice(orgs)))
                members.append(person)
            if rng.random() < 0.7:
                b.add(rel("WORKS_AT", person, rng.choice(units)))
            roll = rng.random()
            if roll < 0.5:
                b.add(rel("REPORTED_TO", person, community, on=_day(rng)))
            elif roll < 0.65:
                other = rng.choice([c for c in communities if c != community])
                b.add(rel("REPORTED_TO", person, other, on=_day(rng)))
    # A member with no residence, one residing in two communities (reported to one), and one
    # marked partyMember but in no organisation.
    nowhere = b.person("p", partyMember=True)
    b.add(rel("MEMBER_OF", nowhere, orgs[0]))
    b.add(rel("WORKS_AT", nowhere, units[0]))
    b.add(rel("REPORTED_TO", nowhere, communities[0], on="2024-04-01"))
    two = b.person("p", partyMember=True)
    b.add(rel("MEMBER_OF", two, orgs[1]))
    b.add(rel("RESIDES_IN", two, grids_of["cv-d1-s1-c2"][-1]))
    b.add(rel("RESIDES_IN", two, "cv-d2-s1-c1"))
    b.add(rel("REPORTED_TO", two, "cv-d2-s1-c1", on="2024-06-30"))
    b.add(rel("WORKS_AT", two, units[0]))
    marked = b.person("p", partyMember=True, cadre=True)
    b.add(rel("RESIDES_IN", marked, "cv-d1-s1-c1"))
    b.add(rel("WORKS_AT", marked, units[0]))
    return [*members, nowhere, two]


def _staffing(b: _Builder, grids_of: dict[str, list[str]], level: dict[str, str]) -> None:
    """Sunk cadres (下沉干部) and volunteers around the 6/30 standard per community grid."""
    rng = b.rng
    cadres = [b.person("k", cadre=True, partyMember=True) for _ in range(16)]
    volunteers = [b.person("v") for _ in range(40)]
    for grids in grids_of.values():
        for grid in (g for g in grids if level[g] == "COMMUNITY"):
            below = [g for g in grids if g == grid or g.startswith(grid + "-")]
            for cadre in rng.sample(cadres, rng.randint(2, 7)):
                b.add(rel("SERVES", cadre, rng.choice(below), role="CADRE"))
            chosen = rng.sample(volunteers, rng.randint(26, 34))
            for volunteer in chosen:
                b.add(rel("SERVES", volunteer, rng.choice(below), role="VOLUNTEER"))
            for volunteer in chosen[:3]:  # serving two grids of one community grid
                b.add(rel("SERVES", volunteer, rng.choice(below), role="VOLUNTEER"))
            # A resident cadre who also serves the grid as CADRE counts once.
            local = b.person("k", cadre=True)
            b.add(rel("RESIDES_IN", local, rng.choice(below)))
            b.add(rel("SERVES", local, grid, role="CADRE"))
    # A cadre serving the compound grid that lies directly in a community: no community grid
    # holds it, so it staffs none.
    b.add(rel("SERVES", cadres[0], "cv-d1-s1-c1-k9", role="CADRE"))


def _building_roles(b: _Builder, grids_of: dict[str, list[str]], level: dict[str, str]) -> None:
    """两长四员 on building micro-grids: complete, partly missing, or empty."""
    rng = b.rng
    workers = [b.person("w") for _ in range(24)]
    roles = [role.name for role in BUILDING_ROLES]
    for grids in grids_of.values():
        for grid in (g for g in grids if level[g] == "BUILDING"):
            roll = rng.random()
            if roll < 0.35:
                filled = roles
            elif roll < 0.85:
                filled = rng.sample(roles, rng.randint(3, 5))
            else:
                filled = rng.sample(roles, rng.randint(0, 1))
            for role, worker in zip(filled, rng.sample(workers, len(filled)), strict=True):
                b.add(rel("SERVES", worker, grid, role=role))
            if rng.random() < 0.5:  # other roles do not fill a 两长四员 gap
                b.add(rel("SERVES", rng.choice(workers), grid, role="GRID_WORKER"))


def _contacts(b: _Builder, communities: list[str], grids_of: dict[str, list[str]]) -> None:
    """District leaders contact communities, street cadres contact grids (包联)."""
    rng = b.rng
    first_district = [c for c in communities if c.startswith("cv-d1")]
    for _ in range(5):
        leader = b.person("l", cadre=True, rank="DIVISION", partyMember=True)
        for community in rng.sample(first_district, rng.randint(1, 2)):
            b.add(rel("CONTACTS", leader, community, since="2023-01-01"))
    both = b.person("l", cadre=True, rank="DEPARTMENT_BUREAU")
    b.add(rel("CONTACTS", both, "cv-d1-s3-c1", since="2023-01-01"))
    b.add(rel("CONTACTS", both, "cv-d2-s1-c2", since="2023-01-01"))
    all_grids = sorted(g for grids in grids_of.values() for g in grids)
    for _ in range(4):
        street_cadre = b.person("l", cadre=True, rank="SECTION")
        for grid in rng.sample(all_grids, rng.randint(1, 4)):
            b.add(rel("CONTACTS", street_cadre, grid, since="2023-06-01"))


def _service(b: _Builder, members: list[str], communities: list[str]) -> None:
    """Activities (with and without hours) and wish claims around period edges."""
    rng = b.rng
    activities = []
    for i in range(1, 19):
        activity = f"cv-a{i:02d}"
        props: dict[str, object] = {"name": f"志愿服务活动{i}", "type": "VOLUNTEER_SERVICE"}
        props["date"] = _day(rng)
        if i != 7:
            props["hours"] = rng.choice([1.0, 1.5, 2.0, 3.0, 4.0])
        b.add(node("Activity", activity, **props))
        b.add(rel("IN", activity, rng.choice(communities)))
        activities.append(activity)
    for member in members:
        for activity in rng.sample(activities, rng.randint(0, 4)):
            hours = {} if rng.random() < 0.3 else {"hours": rng.choice([0.5, 1.0, 2.5, 3.0])}
            b.add(rel("ATTENDED", member, activity, **hours))
    for i in range(1, 31):
        wish = f"cv-w{i:02d}"
        b.add(node("Wish", wish, name=f"微心愿{i}", status="CLAIMED", createdOn="2023-09-01"))
        b.add(rel("IN", wish, rng.choice(communities)))
        claimed = _day(rng)
        props = {"on": claimed}
        if rng.random() < 0.6:
            done = dt.date.fromisoformat(claimed) + dt.timedelta(days=rng.randrange(0, 120))
            props["fulfilledOn"] = done.isoformat()
        b.add(rel("CLAIMED", rng.choice(members), wish, **props))


def dataset(seed: int = 2026) -> list[Record]:
    b = _Builder(seed)
    communities, grids_of, level = _area(b)
    units, orgs = _organisations(b, communities, grids_of, level)
    members = _residents(b, communities, grids_of, units, orgs)
    _staffing(b, grids_of, level)
    _building_roles(b, grids_of, level)
    _contacts(b, communities, grids_of)
    _service(b, members, communities)
    return b.out


def mutation_dataset() -> list[Record]:
    """A small graph for recordReport: each test loads it afresh."""
    return [
        node("District", "m-d", name="淇滨区"),
        node("Street", "m-s", name="九州路街道"),
        rel("IN", "m-s", "m-d"),
        node("Community", "m-c1", name="朝阳社区"),
        node("Community", "m-c2", name="湘江社区"),
        rel("IN", "m-c1", "m-s"),
        rel("IN", "m-c2", "m-s"),
        node("Grid", "m-g1", name="第一网格", level="COMMUNITY"),
        node("Grid", "m-g1-b1", name="1号楼微网格", level="BUILDING"),
        rel("IN", "m-g1", "m-c1"),
        rel("IN", "m-g1-b1", "m-g1"),
        node("Unit", "m-u", name="区民政局", category="DEPARTMENT"),
        node("PartyOrganization", "m-o", name="区民政局党支部", type="BRANCH"),
        rel("OF", "m-o", "m-u"),
        # A member living in a building grid of c1, and one living in c2 itself.
        node("Person", "m-p1", name="王建国", partyMember=True),
        rel("MEMBER_OF", "m-p1", "m-o"),
        rel("RESIDES_IN", "m-p1", "m-g1-b1"),
        rel("WORKS_AT", "m-p1", "m-u"),
        node("Person", "m-p2", name="李秀英", partyMember=True),
        rel("MEMBER_OF", "m-p2", "m-o"),
        rel("RESIDES_IN", "m-p2", "m-c2"),
        rel("WORKS_AT", "m-p2", "m-u"),
        # Not a member (though marked so), a member with no residence.
        node("Person", "m-p3", name="张伟", partyMember=True),
        rel("RESIDES_IN", "m-p3", "m-g1"),
        node("Person", "m-p4", name="赵敏"),
        rel("MEMBER_OF", "m-p4", "m-o"),
    ]
