"""A deterministic co-building (共建) graph: communities and units, projects, two-way
evaluations over several periods, the demand menu with shared resources, micro-wishes and
activities, with the edge cases the API must handle (a category no unit offers, joint
projects, projects for no community, demands without a date, scores of 0 and 100)."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from partygraph.enums import (
    ActivityType,
    DemandStatus,
    ProjectCategory,
    ProjectStatus,
    ResourceCategory,
    WishStatus,
)
from partygraph.seed import names
from partygraph.seed.records import Record, node, rel

PERIODS = ("2023-H2", "2024-H1", "2024-H2", "2024-Q2", "2024")
# Units offer resources of these categories only: demands of the others match nobody.
OFFERED = tuple(ResourceCategory)[:5]
WISHES = ("助老轮椅一台", "儿童绘本二十册", "楼道照明维修", "独居老人陪诊", "社区小菜园工具")
DEMANDS = ("活动场地", "义诊服务", "法律咨询", "电脑培训", "志愿者支援", "助学资金")


@dataclass(frozen=True)
class Size:
    communities: int = 6
    units: int = 10
    persons: int = 40
    projects: int = 64
    demands: int = 45
    resources: int = 28
    wishes: int = 36
    activities: int = 14


def _day(rng: random.Random) -> str:
    return (dt.date(2023, 1, 1) + dt.timedelta(days=rng.randrange(700))).isoformat()


def _pick(rng: random.Random, values: list[str], low: int, high: int) -> list[str]:
    return rng.sample(values, rng.randint(low, min(high, len(values))))


def dataset(seed: int = 2025, size: Size | None = None) -> list[Record]:
    size = size or Size()
    rng = random.Random(seed)
    used: set[str] = set()
    out: list[Record] = [
        node("District", "d-1", name="市南区"),
        node("Street", "s-1", name="八大关街道"),
        rel("IN", "s-1", "d-1"),
    ]
    communities = [f"c-{i:02d}" for i in range(1, size.communities + 1)]
    grids: list[str] = []
    for c in communities:
        out += [node("Community", c, name=names.place(rng, "社区", used)), rel("IN", c, "s-1")]
        for j in (1, 2):
            g = f"{c}-g{j}"
            grids.append(g)
            out += [
                node("Grid", g, name=f"第{j}网格", level="COMMUNITY", kind="COMPREHENSIVE"),
                rel("IN", g, c),
            ]
    units = [f"u-{i:02d}" for i in range(1, size.units + 1)]
    for u in units:
        category, name = rng.choice(names.UNIT_KINDS)
        out.append(node("Unit", u, name=f"{name}{u[-2:]}", category=category, level="DISTRICT"))
        out += [rel("PAIRED_WITH", u, c) for c in _pick(rng, communities, 0, 2)]
    persons = [f"p-{i:03d}" for i in range(1, size.persons + 1)]
    for p in persons:
        out += [
            node("Person", p, name=names.person(rng), partyMember=rng.random() < 0.7),
            rel("RESIDES_IN", p, rng.choice(grids)),
            rel("WORKS_AT", p, rng.choice(units)),
        ]
    out += _projects(rng, size, units, communities)
    out += _evaluations(rng, units, communities)
    out += _demands(rng, size, units, communities)
    out += _wishes(rng, size, persons, communities + grids)
    out += _activities(rng, size, persons, communities + grids, units)
    return out


def _projects(
    rng: random.Random, size: Size, units: list[str], communities: list[str]
) -> list[Record]:
    out: list[Record] = []
    for i in range(1, size.projects + 1):
        pid = f"pj-{i:03d}"
        category = rng.choice(list(ProjectCategory))
        props: dict[str, object] = {
            "name": f"{category.value}共建项目{i}号",
            "category": category.name,
            "status": rng.choice(list(ProjectStatus)).name,
            "startDate": _day(rng),
        }
        if rng.random() < 0.7:
            props["budget"] = round(rng.uniform(0, 200000), 2)
        out.append(node("Project", pid, **props))
        out += [rel("BY", pid, u) for u in _pick(rng, units, 1, 2)]  # joint projects too
        out += [rel("FOR", pid, c) for c in _pick(rng, communities, 0, 2)]  # some serve none
    return out


def _score(rng: random.Random) -> float:
    roll = rng.random()
    if roll < 0.05:
        return 0.0
    if roll < 0.1:
        return 100.0
    return round(rng.uniform(55, 99), 1)


def _evaluations(rng: random.Random, units: list[str], communities: list[str]) -> list[Record]:
    out: list[Record] = []
    for period in PERIODS:
        for c in communities:
            for u in units:
                if rng.random() < 0.45:  # communities evaluate departments
                    out.append(rel("EVALUATED", c, u, period=period, score=_score(rng)))
                if rng.random() < 0.3:  # and units evaluate communities
                    out.append(rel("EVALUATED", u, c, period=period, score=_score(rng)))
    return out


def _demands(
    rng: random.Random, size: Size, units: list[str], communities: list[str]
) -> list[Record]:
    out: list[Record] = []
    for i in range(1, size.resources + 1):
        rid = f"r-{i:03d}"
        category = rng.choice(OFFERED)  # several units offer each category
        out += [
            node("Resource", rid, name=f"{category.value}资源{i}", category=category.name),
            rel("OFFERED_BY", rid, rng.choice(units[:-1])),  # the last unit offers nothing
        ]
    for i in range(1, size.demands + 1):
        did = f"dm-{i:03d}"
        category = rng.choice(list(ResourceCategory))
        status = rng.choice(list(DemandStatus))
        props: dict[str, object] = {
            "name": f"{rng.choice(DEMANDS)}需求{i}",
            "category": category.name,
            "status": status.name,
        }
        if rng.random() < 0.85:
            props["createdOn"] = _day(rng)
        out += [node("Demand", did, **props), rel("IN", did, rng.choice(communities))]
        if status is not DemandStatus.OPEN:
            out.append(rel("TOOK", rng.choice(units), did, on=_day(rng)))
    return out


def _wishes(rng: random.Random, size: Size, persons: list[str], places: list[str]) -> list[Record]:
    out: list[Record] = []
    for i in range(1, size.wishes + 1):
        wid = f"w-{i:03d}"
        status = rng.choice(list(WishStatus))
        content = rng.choice(WISHES)
        out += [
            node(
                "Wish",
                wid,
                name=f"微心愿{i}",
                status=status.name,
                content=content,
                createdOn=_day(rng),
            ),
            rel("IN", wid, rng.choice(places)),
        ]
        if status is WishStatus.CLAIMED:
            out.append(rel("CLAIMED", rng.choice(persons), wid, on=_day(rng)))
        elif status is WishStatus.FULFILLED:
            out.append(
                rel("CLAIMED", rng.choice(persons), wid, on="2024-01-02", fulfilledOn="2024-02-03")
            )
    return out


def _activities(
    rng: random.Random, size: Size, persons: list[str], places: list[str], units: list[str]
) -> list[Record]:
    out: list[Record] = []
    for i in range(1, size.activities + 1):
        aid = f"a-{i:03d}"
        kind = rng.choice(list(ActivityType))
        out += [
            node(
                "Activity",
                aid,
                name=f"{kind.value}{i}",
                type=kind.name,
                date=_day(rng),
                hours=rng.choice([1.0, 2.0, 3.5]),
            ),
            rel("IN", aid, rng.choice(places)),
        ]
        out += [
            rel("ATTENDED", p, aid, hours=rng.choice([0.5, 1.0, 2.0]))
            for p in _pick(rng, persons, 0, 6)
        ]
    for i, u in enumerate(units[:4], start=1):
        team = f"vt-{i:02d}"
        out += [
            node("VolunteerTeam", team, name=f"红色突击队{i}队", kind="RED_ASSAULT"),
            rel("OF", team, u),
        ]
        out += [rel("VOLUNTEERS_IN", p, team) for p in _pick(rng, persons, 2, 5)]
    return out
