"""Who staffs Shinan's grids and buildings (report 000), with the shortfalls a gap report of
such a district finds.

The report's people, and what they become here:
- "227名街道处级干部全覆盖联系…小区、网格": the street cadres who contact a grid also serve it
  as cadres (CADRE); in-service members (在职党员) who are cadres and live in a grid count there;
  departments send cadres down (机关干部下沉) to fill a grid up to the standard.
- in-service members who reported serve where they live (志愿服务, VOLUNTEER), as do the
  residents of the "220余支自管共治队伍" (self-governance teams) and the building group leaders.
- every community grid has a grid leader (网格长) and a dedicated grid worker (专职网格员); every
  grid branch a secretary (50 "最强"网格党支部书记 among them) when a member lives in its grid;
  every community committee a secretary, a deputy and three members.
- buildings (楼院、楼栋): a building group leader (楼组长), a party group leader (党小组长) from
  the members living there or in the same compound, public-welfare posts (公益性岗位: cleaner,
  security guard) and a property manager per compound, a mediator of the community's teams.
- departments' party branches pair with the committees of the communities they pair with.

The shortfalls are the report's own problems, at rates the report does not give (stated here):
grids below the standard of 6 cadres and 30 volunteers that coverageGaps applies, compounds
whose property company is missing (物业公司"缺位"), buildings without a group leader.

Party roles go to in-service members only: a new resident party member would count as a member
who has not reported (双报到) and change the report's 3,372 and 428.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Generator, Iterator
from typing import TYPE_CHECKING

from partygraph.seed.profiles.common import Record, Seeder, node, one_in, rel

if TYPE_CHECKING:
    from partygraph.seed.profiles.shinan import Place, Shape

# The standard coverageGaps applies unless asked otherwise (report 002's: 6 cadres and 30
# volunteers per grid).
CADRES, VOLUNTEERS = 6, 30
SHORT_OF_CADRES = 0.08  # community grids left below the standard of cadres
SHORT_OF_VOLUNTEERS = 0.12  # and of volunteers
NO_BUILDING_LEADER = 0.03  # buildings whose 楼组长 post is vacant
NO_PUBLIC_POSTS = 0.05  # compounds and grids without cleaner and security guard
NO_PROPERTY = 0.12  # compounds and grids without a property company (物业公司"缺位")
NO_MEDIATOR = 0.10  # community grids without a mediator
TEAMS = ("帮到家服务队", "邻里调解队", "楼院议事会", "银发志愿队", "护绿队", "文明劝导队")


def generate(s: Seeder, shape: Shape, team_count: int) -> Iterator[Record]:
    """The staff of `shape`'s grids and buildings; `team_count` self-governance teams."""
    grids = [g for g in shape.grids if g.level == "COMMUNITY"]
    owner = _community_grids(shape)  # every grid -> the community grid it lies in
    teams = yield from _teams(s, shape, team_count)
    yield from _committees(s, shape)
    yield from _branch_pairs(shape)
    yield from _grid_staff(s, grids)
    yield from _secretaries(shape)
    volunteers: dict[str, set[str]] = defaultdict(set)  # community grid -> volunteers
    yield from _in_service_volunteers(shape, owner, volunteers)
    yield from _buildings(s, shape, owner, teams, volunteers)
    yield from _cadres(s, shape, grids, owner)
    yield from _more_volunteers(s, shape, grids, owner, teams, volunteers)


def _community_grids(shape: Shape) -> dict[str, str]:
    owner = {g.id: g.id for g in shape.grids if g.level == "COMMUNITY"}
    for place in [*shape.grids, *shape.buildings]:
        up = place.id
        while up not in owner:
            up = shape.parent[up]
        owner[place.id] = owner[up]
    return owner


def _person(s: Seeder, person: str, **props: object) -> Record:
    return node("Person", person, name=s.person(), gender="女" if s.chance(0.5) else "男", **props)


def _teams(s: Seeder, shape: Shape, count: int) -> Generator[Record, None, dict[str, list[str]]]:
    """The self-governance teams (自管共治队伍), spread over the communities; their ids by
    community."""
    teams: dict[str, list[str]] = {}
    per = s.spread(count, len(shape.communities))
    k = 0
    for (community, _), n in zip(shape.communities, per, strict=True):
        teams[community] = []
        for t in range(n):
            k += 1
            team = s.id(f"zt{k:03d}")
            teams[community].append(team)
            name = shape.names[community] + TEAMS[t % len(TEAMS)]
            yield node("VolunteerTeam", team, name=name, kind="VOLUNTEER")
    return teams


def _committees(s: Seeder, shape: Shape) -> Iterator[Record]:
    """Each community committee's secretary, deputy and three members (community workers)."""
    seats = ("SECRETARY", "DEPUTY_SECRETARY", "MEMBER", "MEMBER", "MEMBER")
    for community, _ in shape.communities:
        for k, role in enumerate(seats, start=1):
            person = f"{community}-cw{k}"
            yield _person(s, person, partyMember=True)
            yield rel("MEMBER_OF", person, f"{community}-po")
            yield rel("SITS_ON", person, f"{community}-po", role=role)


def _branch_pairs(shape: Shape) -> Iterator[Record]:
    """A department paired with a community: its branch with the community's committee."""
    for unit, community in shape.pairs:
        yield rel("PAIRED_WITH", f"{unit}-po", f"{community}-po")


def _grid_staff(s: Seeder, grids: list[Place]) -> Iterator[Record]:
    for grid in grids:
        for suffix, role in (("gl", "GRID_LEADER"), ("gw", "DEDICATED_GRID_WORKER")):
            person = f"{grid.id}-{suffix}"
            yield _person(s, person)
            yield rel("SERVES", person, grid.id, role=role)


def _secretaries(shape: Shape) -> Iterator[Record]:
    """A grid branch's secretary: an in-service member living in its grid (none: vacant)."""
    living: dict[str, list[str]] = defaultdict(list)  # grid -> members living in or below it
    for member in shape.members:
        up: str | None = member.home.id if member.home.level else None
        while up is not None:
            living[up].append(member.id)
            up = shape.parent.get(up)
    taken: set[str] = set()
    for grid in shape.grids:
        chosen = next((m for m in living[grid.id] if m not in taken), None)
        if chosen is not None:
            taken.add(chosen)
            yield rel("SITS_ON", chosen, f"{grid.id}-po", role="SECRETARY")


def _in_service_volunteers(
    shape: Shape, owner: dict[str, str], volunteers: dict[str, set[str]]
) -> Iterator[Record]:
    """Members who reported serve where they live (a community's own residents: its first
    grid)."""
    first_grid: dict[str, str] = {}
    for grid in shape.grids:
        first_grid.setdefault(grid.community, grid.id)
    for member in shape.members:
        if not member.reported:
            continue
        place = member.home.id if member.home.level else first_grid[member.home.community]
        volunteers[owner[place]].add(member.id)
        yield rel("SERVES", member.id, place, role="VOLUNTEER")


def _buildings(
    s: Seeder,
    shape: Shape,
    owner: dict[str, str],
    teams: dict[str, list[str]],
    volunteers: dict[str, set[str]],
) -> Iterator[Record]:
    """两长四员 of each building: group leader, party group leader, cleaner, security guard,
    property manager, mediator; each post vacant where the rates above say."""
    below: dict[str, list[Place]] = defaultdict(list)  # host grid -> its buildings
    for building in shape.buildings:
        below[shape.parent[building.id]].append(building)
    living: dict[str, list[str]] = defaultdict(list)  # building or host grid -> members
    for member in shape.members:
        living[member.home.id].append(member.id)
    leading: dict[str, int] = defaultdict(int)  # member -> buildings whose party group they lead
    for b, building in enumerate(shape.buildings):
        if not one_in(b, NO_BUILDING_LEADER):
            person = f"{building.id}-ld"
            yield _person(s, person)
            yield rel("RESIDES_IN", person, building.id)
            yield rel("SERVES", person, building.id, role="BUILDING_LEADER")
            yield rel("SERVES", person, building.id, role="VOLUNTEER")
            volunteers[owner[building.id]].add(person)
        host = shape.parent[building.id]
        neighbours = [b2.id for b2 in below[host]]
        candidates = [
            *living[building.id],
            *living[host],
            *(m for n in neighbours for m in living[n]),
        ]
        leader = next((m for m in candidates if leading[m] < 2), None)
        if leader is not None:  # none: no member lives in the compound
            leading[leader] += 1
            yield rel("SERVES", leader, building.id, role="PARTY_GROUP_LEADER")
    for h, (host, buildings) in enumerate(sorted(below.items())):
        posts = [] if one_in(h, NO_PUBLIC_POSTS) else [("cl", "CLEANER"), ("sg", "SECURITY_GUARD")]
        if not one_in(h + 3, NO_PROPERTY):  # offset: not the same hosts as the public posts
            posts.append(("pm", "PROPERTY_MANAGER"))
        for suffix, role in posts:
            person = f"{host}-{suffix}"
            yield _person(s, person)
            for building in buildings:
                yield rel("SERVES", person, building.id, role=role)
    by_grid: dict[str, list[Place]] = defaultdict(list)
    for building in shape.buildings:
        by_grid[owner[building.id]].append(building)
    grids = [g for g in shape.grids if g.level == "COMMUNITY"]
    for g, grid in enumerate(grids):
        if one_in(g, NO_MEDIATOR) or not by_grid[grid.id]:
            continue
        person = f"{grid.id}-md"
        yield _person(s, person)
        yield rel("RESIDES_IN", person, grid.id)
        if teams[grid.community]:
            yield rel("VOLUNTEERS_IN", person, teams[grid.community][0])
        for building in by_grid[grid.id]:
            yield rel("SERVES", person, building.id, role="MEDIATOR")


def _cadres(s: Seeder, shape: Shape, grids: list[Place], owner: dict[str, str]) -> Iterator[Record]:
    """Street cadres serve the grids they contact; departments send cadres down to the grids
    still below the standard, except the few left short."""
    counted: dict[str, set[str]] = defaultdict(set)  # community grid -> its cadres
    for member in shape.members:
        if member.cadre and member.home.level:
            counted[owner[member.home.id]].add(member.id)
    for cadre, place in shape.contacts:
        counted[owner[place.id]].add(cadre)
        yield rel("SERVES", cadre, place.id, role="CADRE")
    pool = [m.id for m in shape.members if m.cadre]
    turn = 0
    for g, grid in enumerate(grids):
        short = one_in(g, SHORT_OF_CADRES)
        target = s.rng.randint(2, CADRES - 1) if short else s.rng.randint(CADRES, CADRES + 3)
        tries = 0
        while len(counted[grid.id]) < target and pool and tries < len(pool):
            cadre = pool[turn % len(pool)]
            turn += 1
            tries += 1
            if cadre not in counted[grid.id]:
                counted[grid.id].add(cadre)
                yield rel("SERVES", cadre, grid.id, role="CADRE")


def _more_volunteers(
    s: Seeder,
    shape: Shape,
    grids: list[Place],
    owner: dict[str, str],
    teams: dict[str, list[str]],
    volunteers: dict[str, set[str]],
) -> Iterator[Record]:
    """Residents of the self-governance teams, who fill a grid up to the standard, except the
    few left short."""
    inside: dict[str, list[str]] = defaultdict(list)  # community grid -> grids in it (itself too)
    for place in shape.grids:
        inside[owner[place.id]].append(place.id)
    k = 0
    for g, grid in enumerate(grids):
        short = one_in(g, SHORT_OF_VOLUNTEERS)
        target = (
            s.rng.randint(VOLUNTEERS // 3, VOLUNTEERS - 1)
            if short
            else s.rng.randint(VOLUNTEERS, VOLUNTEERS + 14)
        )
        mine = teams[grid.community]
        for _ in range(target - len(volunteers[grid.id])):
            k += 1
            person = s.id(f"v{k:05d}")
            home = s.rng.choice(inside[grid.id])
            yield _person(s, person)
            yield rel("RESIDES_IN", person, home)
            yield rel("SERVES", person, home, role="VOLUNTEER")
            if mine:
                yield rel("VOLUNTEERS_IN", person, mine[k % len(mine)])
