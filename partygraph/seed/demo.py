"""The `demo` profile: a small district with every relationship of the contract in it.

Grids nest at varying depth (community grid, compound, building), some residents live straight
in a community, some members have reported and some not, units pair with communities and grids.
The same `seed` gives the same graph; the test suite uses other seeds and sizes.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass

from partygraph.seed import names
from partygraph.seed.records import Record, node, rel


@dataclass(frozen=True)
class DemoSize:
    streets: int = 2
    communities_per_street: int = 3
    grids_per_community: int = 2
    compounds_per_grid: int = 2
    buildings_per_compound: int = 2
    residents_per_place: int = 3
    units: int = 8


def demo(seed: int = 7, size: DemoSize | None = None) -> Iterator[Record]:
    size = size or DemoSize()
    rng = random.Random(seed)
    used: set[str] = set()
    yield node("District", "d-01", name="市南区")
    places: list[tuple[str, str]] = []  # (id, community id) of every place people live in
    communities: list[str] = []
    grids: list[str] = []
    for s in range(1, size.streets + 1):
        street = f"s-{s:02d}"
        yield node("Street", street, name=names.place(rng, "街道", used))
        yield rel("IN", street, "d-01")
        for c in range(1, size.communities_per_street + 1):
            community = f"{street}-c{c:02d}"
            communities.append(community)
            yield node("Community", community, name=names.place(rng, "社区", used))
            yield rel("IN", community, street)
            places.append((community, community))
            for g in range(1, size.grids_per_community + 1):
                grid = f"{community}-g{g}"
                yield node(
                    "Grid",
                    grid,
                    name=f"第{g}网格",
                    level="COMMUNITY",
                    kind="COMPREHENSIVE" if rng.random() < 0.9 else "DEDICATED",
                )
                yield rel("IN", grid, community)
                # Every community grid has its grid party branch (网格党支部).
                yield node(
                    "PartyOrganization", f"{grid}-po", name=f"第{g}网格党支部", type="GRID_BRANCH"
                )
                yield rel("LEADS", f"{grid}-po", grid)
                yield rel("UNDER", f"{grid}-po", f"{community}-po")
                grids.append(grid)
                places.append((grid, community))
                for k in range(1, rng.randint(0, size.compounds_per_grid) + 1):
                    compound = f"{grid}-k{k}"
                    yield node(
                        "Grid",
                        compound,
                        name=f"{names.place(rng, '小区', used)}",
                        level="COMPOUND",
                        kind="COMPREHENSIVE",
                    )
                    yield rel("IN", compound, grid)
                    grids.append(compound)
                    places.append((compound, community))
                    for b in range(1, rng.randint(0, size.buildings_per_compound) + 1):
                        building = f"{compound}-b{b}"
                        yield node(
                            "Grid",
                            building,
                            name=f"{b}号楼",
                            level="BUILDING",
                            kind="COMPREHENSIVE",
                        )
                        yield rel("IN", building, compound)
                        grids.append(building)
                        places.append((building, community))

    units = []
    branch_pairs: list[tuple[str, str]] = []
    for u in range(1, size.units + 1):
        category, kind = rng.choice(names.UNIT_KINDS)
        unit = f"u-{u:03d}"
        units.append(unit)
        yield node(
            "Unit",
            unit,
            name=f"{rng.choice(names.PLACE_WORDS)}{kind}",
            category=category,
            level="DISTRICT",
        )
        branch = f"{unit}-po"
        yield node("PartyOrganization", branch, name=f"{kind}机关党支部", type="BRANCH")
        yield rel("OF", branch, unit)
        for target in rng.sample(communities, k=min(2, len(communities))):
            yield rel("PAIRED_WITH", unit, target, since="2023-03-01")
            branch_pairs.append((branch, f"{target}-po"))
        if rng.random() < 0.6:
            yield rel("PAIRED_WITH", unit, rng.choice(grids), since="2024-01-15")

    for community in communities:
        branch = f"{community}-po"
        yield node("PartyOrganization", branch, name="社区党委", type="COMMITTEE")
        yield rel("LEADS", branch, community)
    # Branch pairs (红心结): a unit's branch with the committee of a community it pairs with,
    # every other one; the first unit's branch also joins the branch alliance.
    yield node("Alliance", "al-heart", name="红心结支部联盟", kind="BRANCH_ALLIANCE")
    for index, (unit_branch, community_branch) in enumerate(branch_pairs):
        if index % 2 == 0:
            yield rel("PAIRED_WITH", unit_branch, community_branch)
            yield rel("MEMBER_OF", unit_branch, "al-heart")
    # Area alliances (片区联盟): the communities of each street.
    for s in range(1, size.streets + 1):
        alliance = f"al-s-{s:02d}"
        yield node("Alliance", alliance, name=f"第{s}片区联盟", kind="AREA")
        for community in communities:
            if community.startswith(f"s-{s:02d}-"):
                yield rel("MEMBER_OF", community, alliance)

    n = 0
    for place_id, community in places:
        for _ in range(rng.randint(0, size.residents_per_place)):
            n += 1
            person = f"p-{n:05d}"
            yield node("Person", person, name=names.person(rng))
            yield rel("RESIDES_IN", person, place_id)
            if rng.random() < 0.7:
                unit = rng.choice(units)
                yield rel("WORKS_AT", person, unit)
                if rng.random() < 0.8:
                    yield rel("MEMBER_OF", person, f"{unit}-po")
                    chance = rng.random()
                    if chance < 0.5:
                        yield rel("REPORTED_TO", person, community, on="2024-05-01")
                    elif chance < 0.6:  # reported, but not where they live: still unreported
                        yield rel("REPORTED_TO", person, rng.choice(communities), on="2024-06-01")
            elif rng.random() < 0.4:  # a retired member, in the branch where they live
                home_grid = place_id.split("-k")[0]
                branch = f"{home_grid}-po" if home_grid != community else f"{community}-po"
                yield rel("MEMBER_OF", person, branch)
            if rng.random() < 0.05:
                yield rel("CONTACTS", person, community, since="2023-01-01")
