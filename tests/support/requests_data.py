"""Deterministic graphs for the request-flow tests (诉求工单, 吹哨报到).

`dataset()`: two districts with streets (one with no community), communities (one with no
grid), grids nested up to three deep (community, compound, building), units, and a few
hundred requests raised over 2024 (and a few just outside it, some at period boundaries, some
written with a +08:00 offset) with every status: closed (some late, some unrated), returned as
invalid, still open or whistled up (some overdue, some due in 2099, some with no due date),
with whistle chains street → district → department (some skipping the district) and
first-responsible units.

`sandbox()`: a small graph the mutation tests change, with one request in each state.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from partygraph.seed.names import PLACE_WORDS, UNIT_KINDS, place
from partygraph.seed.records import Record, node, rel

UTC = dt.UTC
YEAR = dt.datetime(2024, 1, 1, tzinfo=UTC)
FAR = dt.datetime(2099, 12, 31, tzinfo=UTC)  # a due date no test run reaches
CST = dt.timezone(dt.timedelta(hours=8))
# Requests raised exactly on period boundaries (a period is [from, to)).
BOUNDARIES = (
    dt.datetime(2024, 1, 1, tzinfo=UTC),
    dt.datetime(2024, 4, 1, tzinfo=UTC),
    dt.datetime(2024, 7, 1, tzinfo=UTC),
    dt.datetime(2025, 1, 1, tzinfo=UTC),
)

PROBLEMS = [
    "楼道堆放杂物，存在消防隐患",
    "小区路灯损坏，夜间出行不便",
    "楼上漏水，与邻居协商未果",
    "垃圾清运不及时，异味严重",
    "电梯频繁故障，老人出行困难",
    "物业收费不透明，居民有意见",
    '占道经营影响通行，"早市"噪音扰民',
    "井盖缺失，存在安全隐患",
    "低保申请材料咨询",
    "公交站台遮雨棚破损",
    "广场舞噪音扰民\\夜间",
]
RETURN_REASONS = ["重复诉求", "不属于受理范围", "诉求人撤回", "信息不全无法联系"]
CATEGORIES = [
    "ENVIRONMENT",
    "PROPERTY",
    "INFRASTRUCTURE",
    "SAFETY",
    "DISPUTE",
    "SOCIAL_SECURITY",
    "TRAFFIC",
    "OTHER",
]


def iso(moment: dt.datetime, offset: dt.tzinfo = UTC) -> str:
    return moment.astimezone(offset).isoformat()


@dataclass
class Places:
    """The hierarchy as it is generated: who lies in what."""

    records: list[Record] = field(default_factory=list)
    grids: list[str] = field(default_factory=list)
    street_of: dict[str, str] = field(default_factory=dict)  # grid -> street
    district_of: dict[str, str] = field(default_factory=dict)  # street -> district

    def add(self, label: str, node_id: str, parent: str | None, **props: object) -> None:
        self.records.append(node(label, node_id, **props))
        if parent is not None:
            self.records.append(rel("IN", node_id, parent))


def _grids(rng: random.Random, places: Places, community: str, street: str, used: set[str]) -> None:
    levels = ["COMMUNITY", "COMPOUND", "BUILDING"]

    def grid(parent: str, node_id: str, depth: int) -> None:
        suffix = ["网格", "小区网格", "号楼微网格"][depth]
        kind = "DEDICATED" if rng.random() < 0.1 else "COMPREHENSIVE"
        name = place(rng, suffix, used)
        places.add("Grid", node_id, parent, name=name, level=levels[depth], kind=kind)
        places.grids.append(node_id)
        places.street_of[node_id] = street
        if depth < 2:
            for k in range(rng.randint(0, 3)):
                grid(node_id, f"{node_id}-{k + 1}", depth + 1)

    for j in range(rng.randint(1, 3)):
        grid(community, f"{community}-g{j + 1}", 0)


def hierarchy(rng: random.Random) -> Places:
    places = Places()
    used: set[str] = set()
    layout = {"d-rq1": ["淇滨区", 4], "d-rq2": ["周村区", 1]}
    street_no = 0
    for district, (name, streets) in layout.items():
        places.add("District", district, None, name=name, code=f"41061{len(places.records)}")
        for _ in range(int(str(streets))):
            street_no += 1
            street = f"s-rq{street_no}"
            places.district_of[street] = district
            places.add("Street", street, district, name=place(rng, "街道", used))
            if street == "s-rq4":
                continue  # a street with no community yet
            for c in range(rng.randint(2, 4)):
                community = f"{street}-c{c + 1}"
                places.add("Community", community, street, name=place(rng, "社区", used))
                if community == "s-rq1-c2":
                    continue  # a community with no grid yet
                _grids(rng, places, community, street, used)
    return places


def units() -> list[Record]:
    return [
        node("Unit", f"u-rq{i + 1:02d}", name=name, category=category, level="DISTRICT")
        for i, (category, name) in enumerate(UNIT_KINDS[:10])
    ]


def _raised(rng: random.Random, index: int) -> dt.datetime:
    if index < len(BOUNDARIES):
        return BOUNDARIES[index]
    if rng.random() < 0.05:  # just outside 2024
        return YEAR - dt.timedelta(days=rng.uniform(0, 40))
    return YEAR + dt.timedelta(seconds=rng.randrange(366 * 24 * 3600))


def _status(rng: random.Random) -> str:
    return rng.choices(["CLOSED", "OPEN", "ESCALATED", "RETURNED"], [50, 15, 20, 15])[0]


def _level(rng: random.Random, status: str) -> int:
    if status == "OPEN":
        return 0
    if status == "ESCALATED":
        return rng.choice([1, 1, 2, 3])
    if status == "RETURNED":
        return rng.choice([0, 0, 0, 1])
    return rng.choice([0, 0, 0, 1, 2, 3])


def _chain(
    rng: random.Random, places: Places, grid: str, level: int, raised: dt.datetime
) -> list[tuple[str, int, dt.datetime]]:
    """(target, level, at) of a whistle chain reaching `level`."""
    if level == 0:
        return []
    street = places.street_of[grid]
    targets = [(street, 1)]
    if level == 2 or (level == 3 and rng.random() < 0.6):
        targets.append((places.district_of[street], 2))
    if level == 3:
        targets.append((f"u-rq{rng.randint(1, 10):02d}", 3))
    at, steps = raised, []
    for target, step in targets:
        at += dt.timedelta(hours=rng.uniform(1, 72))
        steps.append((target, step, at))
    return steps


def requests(rng: random.Random, places: Places, count: int) -> list[Record]:
    records: list[Record] = []
    for i in range(count):
        rid = f"r-rq{i + 1:04d}"
        grid = rng.choice(places.grids)
        raised = _raised(rng, i)
        status = _status(rng)
        level = _level(rng, status)
        offset = CST if rng.random() < 0.2 else UTC
        props: dict[str, object] = {
            "name": f"诉求{i + 1}",
            "category": rng.choice(CATEGORIES),
            "description": rng.choice(PROBLEMS),
            "status": status,
            "level": level,
            "raisedAt": iso(raised, offset),
        }
        due = raised + dt.timedelta(days=rng.randint(3, 15))
        if status in ("OPEN", "ESCALATED") and rng.random() < 0.35:
            due = FAR
        if not (status == "OPEN" and rng.random() < 0.1):  # a few with no due date
            props["dueAt"] = iso(due, offset)
        if status == "CLOSED":
            closed = raised + dt.timedelta(hours=rng.uniform(0.5, 24 * 25))
            props["closedAt"] = iso(closed, offset)
            if rng.random() < 0.85:
                props["satisfaction"] = rng.randint(1, 5)
        if status == "RETURNED":
            props["returnedAt"] = iso(raised + dt.timedelta(hours=rng.uniform(1, 48)))
            props["returnReason"] = rng.choice(RETURN_REASONS)
        records += [node("Request", rid, **props), rel("IN", rid, grid)]
        for target, step, at in _chain(rng, places, grid, level, raised):
            records.append(rel("ESCALATED_TO", rid, target, level=step, at=iso(at)))
        if rng.random() < 0.6:
            records.append(rel("FIRST_RESPONSIBLE", rid, f"u-rq{rng.randint(1, 10):02d}"))
    return records


def dataset(seed: int = 2024, count: int = 420) -> list[Record]:
    rng = random.Random(seed)
    places = hierarchy(rng)
    return places.records + units() + requests(rng, places, count)


def sandbox() -> list[Record]:
    """One district, street and community; a grid with a building grid under it; a grid in a
    community that lies in no street; two units; one request in each state."""
    due = iso(FAR)
    raised = iso(dt.datetime(2024, 3, 1, 8, tzinfo=UTC))
    at = iso(dt.datetime(2024, 3, 2, 8, tzinfo=UTC))

    def request(rid: str, grid: str, status: str, level: int, **extra: object) -> list[Record]:
        props: dict[str, object] = {
            "name": rid,
            "category": "ENVIRONMENT",
            "description": f"{PLACE_WORDS[0]}路积水",
        }
        props.update(status=status, level=level, raisedAt=raised, dueAt=due, **extra)
        return [node("Request", rid, **props), rel("IN", rid, grid)]

    return [
        node("District", "d-sb", name="市南区"),
        node("Street", "s-sb", name="八大关街道"),
        rel("IN", "s-sb", "d-sb"),
        node("Community", "c-sb", name="湛山社区"),
        rel("IN", "c-sb", "s-sb"),
        node("Grid", "g-sb", name="湛山第一网格", level="COMMUNITY"),
        rel("IN", "g-sb", "c-sb"),
        node("Grid", "g-sb-b", name="湛山路3号楼微网格", level="BUILDING"),
        rel("IN", "g-sb-b", "g-sb"),
        node("Community", "c-stray", name="未划入街道的社区"),
        node("Grid", "g-stray", name="孤立网格", level="COMMUNITY"),
        rel("IN", "g-stray", "c-stray"),
        node("Unit", "u-sb1", name="区城管局", category="DEPARTMENT"),
        node("Unit", "u-sb2", name="区住建局", category="DEPARTMENT"),
        *request("r-open", "g-sb-b", "OPEN", 0),
        *request("r-street", "g-sb", "ESCALATED", 1),
        rel("ESCALATED_TO", "r-street", "s-sb", level=1, at=at),
        *request("r-district", "g-sb", "ESCALATED", 2),
        rel("ESCALATED_TO", "r-district", "s-sb", level=1, at=at),
        rel("ESCALATED_TO", "r-district", "d-sb", level=2, at=at),
        *request("r-top", "g-sb", "ESCALATED", 3),
        rel("ESCALATED_TO", "r-top", "s-sb", level=1, at=at),
        rel("ESCALATED_TO", "r-top", "u-sb1", level=3, at=at),
        rel("FIRST_RESPONSIBLE", "r-top", "u-sb1"),
        *request("r-closed", "g-sb", "CLOSED", 0, closedAt=at, satisfaction=4),
        *request("r-returned", "g-sb", "RETURNED", 0, returnedAt=at, returnReason="重复诉求"),
        *request("r-stray", "g-stray", "OPEN", 0),
    ]
