"""Hebi Qibin district (鹤壁市淇滨区), report 001: "网格有约·一呼即应".

The five-level grid system (district, street, community grid, compound/unit/block grid,
building micro-grid), the "两长四员" of every building micro-grid, the community and compound
grid staff (网格长, 专职网格员, 兼职网格员 sent down by the pairing district unit), and a year of
requests (诉求) raised in building and compound grids, a few of them whistled (吹哨) up to the
street (level 1), the district (level 2) or a functional department (level 3, 部门报到).

Choices the report leaves open, made here:
- One of the 57 communities has no community grid yet (the report counts 56 community grids).
- "7万余件, 办结率 99.58%": 70,000 valid requests of which 99.58% are closed (69,706), plus 560
  returned as invalid (无效诉求: duplicates, outside the grid's remit), 70,560 received in all.
  The API's closureRate = closed / (total − returnedInvalid) is then exactly 0.9958.
- Building micro-grids share the cleaners, security guards, property managers and mediators of
  their compound (one person serves several buildings); in about 30% of buildings the building
  leader is also the party group leader. A few old compounds have no property company (无物业),
  so their buildings lack a property manager, and a few buildings have a vacant role.
- The community grids' part-time grid workers are cadres of the district unit paired with the
  community (分包单位), filling the count to the report's 8,400+.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterator
from dataclasses import dataclass, field

from partygraph.seed.profiles.common import Record, Seeder, iso, node, rel

FIGURES: dict[str, int | float] = {
    "streets": 6,  # 一、改革背景: 辖 2 乡 2 镇 6 个街道
    "communities": 57,  # 一、改革背景: 132 个行政村、社区（其中 75 个行政村、57 个社区）
    "community_grids": 56,  # 二(一): 将城区街道划分为 56 个社区网格
    "compound_grids": 315,  # 二(一): 315 个小区网格
    "building_grids": 2988,  # 二(一): 2988 个楼栋网格
    "grid_workers": 8400,  # 三(三): 汇聚了专兼职网格员 8400 余名 (+)
    "requests": 70000,  # 三(一): 累计接收便民服务、环境卫生等诉求 7 万余件 (+)
    "closure_rate": 0.9958,  # 三(一): 办结率达 99.58%
}

# Profile choices at scale 1 (see the module docstring).
GRID_WORKERS = 8462  # persons serving some grid, in any role
VALID_REQUESTS = 70000
RETURNED_REQUESTS = 560
CLOSURE_RATE = 0.9958
DISTRICT_LEADERS = 24  # 分包区领导 contacting communities

STREETS = ("金山街道", "九州路街道", "黎阳路街道", "长江路街道", "渤海路街道", "华山路街道")
PLACE_WORDS = (
    "淇水",
    "鹤鸣",
    "朝歌",
    "太行",
    "华夏",
    "黎阳",
    "兴鹤",
    "九州",
    "天赉",
    "泰山",
    "嵩山",
    "黄河",
    "湘江",
    "珠江",
    "淮河",
    "漓江",
    "红旗",
    "阳光",
    "东方",
    "金山",
    "桃园",
    "樱花",
    "牡丹",
    "御景",
    "世纪",
    "锦绣",
    "祥和",
    "丽水",
    "翠园",
    "福田",
    "桂园",
    "淇滨",
    "鹤山",
    "长风",
    "兴业",
    "富士康",
    "金鹤",
    "书香",
    "康乐",
    "和谐",
)
PLACE_ENDINGS = ("", "苑", "园", "湾", "城", "花园", "家园", "佳苑")

# District units (区直单位): (name, is one of the whistle departments).
UNITS = (
    "区委组织部",
    "区委宣传部",
    "区委统战部",
    "区委政法委",
    "区纪委监委",
    "区发展和改革委员会",
    "区财政局",
    "区民政局",
    "区人力资源和社会保障局",
    "区住房和城乡建设局",
    "区城市管理局",
    "区交通运输局",
    "区农业农村局",
    "区水利局",
    "区商务局",
    "区文化广电和旅游局",
    "区卫生健康委员会",
    "区教育体育局",
    "区应急管理局",
    "区市场监督管理局",
    "区审计局",
    "区统计局",
    "区医疗保障局",
    "区信访局",
    "区司法局",
    "区退役军人事务局",
    "市自然资源和规划局淇滨分局",
    "市生态环境局淇滨分局",
    "区城市社会治理和社区服务局",
    "区物业服务指导中心",
    "区园林绿化中心",
    "区市政工程管理处",
    "区环境卫生服务中心",
    "区总工会",
    "团区委",
    "区妇联",
    "区科协",
    "区残联",
    "区机关事务服务中心",
    "区融媒体中心",
    "区政务服务中心",
    "区人民法院",
    "区人民检察院",
    "市公安局淇滨分局",
)

# Request categories: (weight, due days, issues, departments that report when whistled).
CATEGORIES: dict[str, tuple[float, int, tuple[str, ...], tuple[str, ...]]] = {
    "ENVIRONMENT": (
        0.30,
        3,
        ("楼道堆放杂物", "垃圾清运不及时", "绿化带杂草丛生", "下水道堵塞有异味", "楼道小广告"),
        ("区环境卫生服务中心", "区园林绿化中心", "市生态环境局淇滨分局"),
    ),
    "PROPERTY": (
        0.22,
        3,
        ("电梯故障停运", "单元门禁损坏", "物业服务不到位", "车位划分纠纷", "楼顶漏水"),
        ("区物业服务指导中心", "区住房和城乡建设局"),
    ),
    "INFRASTRUCTURE": (
        0.16,
        7,
        ("路灯不亮", "道路破损坑洼", "雨水井盖缺失", "暖气不热", "自来水水压低"),
        ("区市政工程管理处", "区城市管理局", "区住房和城乡建设局"),
    ),
    "SAFETY": (
        0.09,
        3,
        ("电动车楼道充电", "消防通道被占用", "私拉电线", "高空坠物隐患", "易涝点积水"),
        ("区应急管理局", "区城市管理局"),
    ),
    "DISPUTE": (
        0.08,
        7,
        ("邻里噪音纠纷", "楼上漏水邻里纠纷", "宠物扰民", "占用公共区域纠纷"),
        ("区司法局",),
    ),
    "SOCIAL_SECURITY": (
        0.07,
        15,
        ("独居老人帮扶", "低保政策咨询", "医保办理咨询", "残疾人补贴申请", "就业求助"),
        ("区民政局", "区人力资源和社会保障局", "区卫生健康委员会"),
    ),
    "TRAFFIC": (
        0.05,
        7,
        ("小区门口乱停车", "公交站点设置建议", "学校周边交通拥堵"),
        ("区交通运输局", "市公安局淇滨分局"),
    ),
    "OTHER": (
        0.03,
        7,
        ("便民服务咨询", "政策宣传需求", "社区活动建议"),
        ("区城市社会治理和社区服务局",),
    ),
}
RETURN_REASONS = (
    "重复诉求，已合并办理",
    "不属于网格受理范围，已引导至 12345 热线",
    "诉求人信息不实，无法核实",
    "已由其他渠道办结",
)

# Local time (UTC+8) of the year of requests: August 2022 to July 2023.
CST = dt.timezone(dt.timedelta(hours=8))
YEAR_START = dt.datetime(2022, 8, 1, tzinfo=CST)
YEAR_END = dt.datetime(2023, 8, 1, tzinfo=CST)


@dataclass
class Building:
    id: str
    name: str
    compound: Compound


@dataclass
class Compound:
    id: str
    name: str
    kind: str  # 小区, 单位 or 街区
    community: Community
    branch: str | None = None
    buildings: list[Building] = field(default_factory=list)


@dataclass
class Community:
    id: str
    name: str
    street: str
    committee: str
    unit: str = ""  # the paired district unit (分包单位)
    grid: str | None = None
    compounds: list[Compound] = field(default_factory=list)


class Names:
    """Unique local place names (Hebi words)."""

    def __init__(self, seeder: Seeder) -> None:
        self.seeder = seeder
        self.used: set[str] = set()

    def __call__(self, suffix: str) -> str:
        rng = self.seeder.rng
        for _ in range(30):
            name = rng.choice(PLACE_WORDS) + rng.choice(PLACE_ENDINGS) + suffix
            if name not in self.used:
                self.used.add(name)
                return name
        name = f"{rng.choice(PLACE_WORDS)}{len(self.used)}{suffix}"
        self.used.add(name)
        return name


class People:
    """Persons with sequential ids (positions in the generation order)."""

    def __init__(self, seeder: Seeder) -> None:
        self.seeder = seeder
        self.count = 0

    def new(
        self, *, party: bool = False, cadre: bool = False, **props: object
    ) -> tuple[str, Record]:
        self.count += 1
        s = self.seeder
        pid = s.id("p", f"{self.count:05d}")
        gender = "男" if s.rng.random() < 0.52 else "女"
        return pid, node(
            "Person", pid, name=s.person(), gender=gender, partyMember=party, cadre=cadre, **props
        )


def generate(scale: float = 1.0, seed: int = 1) -> Iterator[Record]:
    s = Seeder("qb", scale, seed)
    rng = s.rng
    place = Names(s)
    people = People(s)
    district = s.id("d")
    yield node("District", district, name="淇滨区", code="410611")

    # ---- units (区直单位) and their party branches --------------------------------------------
    units: dict[str, str] = {}
    for u, name in enumerate(UNITS, 1):
        uid = s.id("u", u)
        units[name] = uid
        yield node("Unit", uid, name=name, category="DEPARTMENT", level="DISTRICT")
        yield node("PartyOrganization", f"{uid}-po", name=f"{name}机关党支部", type="BRANCH")
        yield rel("OF", f"{uid}-po", uid)
    pairing_units = list(units.values())

    # ---- streets, communities, the five-level grids ----------------------------------------
    streets = [s.id("s", i) for i in range(1, min(s.n(6), len(STREETS)) + 1)]
    for sid, name in zip(streets, STREETS, strict=False):
        yield node("Street", sid, name=name)
        yield rel("IN", sid, district)
    communities: list[Community] = []
    per_street = s.spread(s.n(57), len(streets))
    for sid, count in zip(streets, per_street, strict=True):
        for _ in range(count):
            cid = s.id("c", len(communities) + 1)
            community = Community(cid, place("社区"), sid, f"{cid}-po")
            communities.append(community)
            yield node(
                "Community",
                cid,
                name=community.name,
                households=rng.randint(1800, 5200),
                area="URBAN",
            )
            yield rel("IN", cid, sid)
            # The community's big party committee (社区大党委) leads it and its community grid.
            yield node(
                "PartyOrganization",
                community.committee,
                name=f"{community.name}大党委",
                type="COMMITTEE",
            )
            yield rel("LEADS", community.committee, cid)
    gridded = communities[: min(s.n(56), len(communities))]
    compounds: list[Compound] = []
    for community in gridded:
        gid = f"{community.id}-g"
        community.grid = gid
        yield node(
            "Grid",
            gid,
            name=f"{community.name}网格",
            level="COMMUNITY",
            kind="COMPREHENSIVE",
            area="URBAN",
        )
        yield rel("IN", gid, community.id)
        yield rel("LEADS", community.committee, gid)
    compound_counts = s.partition(s.n(315), len(gridded), spread=0.5)
    for community, count in zip(gridded, compound_counts, strict=True):
        for _ in range(count):
            kid = s.id("k", len(compounds) + 1)
            roll = rng.random()
            kind = "小区" if roll < 0.75 else "单位" if roll < 0.9 else "街区"
            if kind == "小区":
                name = place("小区")
            elif kind == "单位":
                name = place("家属院")
            else:
                name = place("街区")
            compound = Compound(kid, name, kind, community)
            community.compounds.append(compound)
            compounds.append(compound)
            yield node(
                "Grid",
                kid,
                name=f"{name}网格",
                level="COMPOUND",
                kind="DEDICATED" if kind == "单位" else "COMPREHENSIVE",
                area="URBAN",
            )
            yield rel("IN", kid, community.grid or community.id)
            # The compound council is chaired by the compound branch secretary; a few blocks
            # and compounds have no branch of their own yet.
            has_branch = rng.random() < {"小区": 0.96, "单位": 1.0, "街区": 0.6}[kind]
            if has_branch:
                compound.branch = f"{kid}-po"
                yield node(
                    "PartyOrganization", compound.branch, name=f"{name}党支部", type="BRANCH"
                )
                yield rel("LEADS", compound.branch, kid)
                yield rel("UNDER", compound.branch, community.committee)
    buildings: list[Building] = []
    building_counts = s.partition(s.n(2988), len(compounds), spread=0.85)
    for compound, count in zip(compounds, building_counts, strict=True):
        for b in range(1, count + 1):
            bid = s.id("b", f"{len(buildings) + 1:04d}")
            name = f"{b}号楼" if compound.kind != "街区" else f"第{b}片区"
            building = Building(bid, name, compound)
            compound.buildings.append(building)
            buildings.append(building)
            yield node(
                "Grid",
                bid,
                name=f"{compound.name}{name}",
                level="BUILDING",
                kind="COMPREHENSIVE",
                area="URBAN",
            )
            yield rel("IN", bid, compound.id)

    # ---- pairing (分包单位), contact leaders (分包区领导) -----------------------------------
    for i, community in enumerate(communities):
        community.unit = pairing_units[i % len(pairing_units)]
        yield rel("PAIRED_WITH", community.unit, community.id, since="2022-03-01")
    leaders = min(s.n(DISTRICT_LEADERS), len(communities))
    leader_ids = []
    for _ in range(leaders):
        pid, record = people.new(party=True, cadre=True, rank="DIVISION")
        leader_ids.append(pid)
        yield record
    for i, community in enumerate(communities):
        yield rel("CONTACTS", leader_ids[i % leaders], community.id, since="2022-03-01")

    # ---- the "两长四员" of the building micro-grids, the compound grid leaders --------------
    workers: set[str] = set()

    def serve(pid: str, grid: str, role: str) -> Record:
        workers.add(pid)
        return rel("SERVES", pid, grid, role=role)

    for compound in compounds:
        nb = len(compound.buildings)
        leader, record = people.new(party=compound.branch is not None)
        yield record
        yield serve(leader, compound.id, "GRID_LEADER")
        if compound.branch:
            yield rel("MEMBER_OF", leader, compound.branch)
            yield rel("SITS_ON", leader, compound.branch, role="SECRETARY")
        no_property = compound.kind == "小区" and rng.random() < 0.03  # 无物业老旧小区
        pools: dict[str, list[str]] = {}
        sizes = {
            "CLEANER": math.ceil(nb / 4),
            "SECURITY_GUARD": math.ceil(nb / 6),
            "PROPERTY_MANAGER": 0 if no_property else math.ceil(nb / 12),
            "MEDIATOR": math.ceil(nb / 10),
        }
        for role, size in sizes.items():
            pools[role] = []
            for _ in range(size):
                pid, record = people.new(party=role == "MEDIATOR" and rng.random() < 0.5)
                pools[role].append(pid)
                yield record
        for j, building in enumerate(compound.buildings):
            owner_branch = compound.branch or compound.community.committee
            building_leader: str | None = None
            both = rng.random() < 0.3  # one person holds both 两长
            if rng.random() >= 0.01:  # a vacant building leader post in 1% of buildings
                building_leader, record = people.new(party=both or rng.random() < 0.35)
                yield record
                yield rel("RESIDES_IN", building_leader, building.id)
                yield serve(building_leader, building.id, "BUILDING_LEADER")
            if building_leader is not None and both:
                group_leader = building_leader
            else:
                group_leader, record = people.new(party=True)
                yield record
                yield rel("RESIDES_IN", group_leader, building.id)
            yield rel("MEMBER_OF", group_leader, owner_branch)
            yield serve(group_leader, building.id, "PARTY_GROUP_LEADER")
            for role, pool in pools.items():
                if not pool:
                    continue
                vacancy = {"MEDIATOR": 0.012, "SECURITY_GUARD": 0.006}.get(role, 0.0)
                if rng.random() < vacancy:
                    continue
                yield serve(pool[j % len(pool)], building.id, role)

    # ---- community grid staff: 网格长, 专职网格员, and part-time workers from the paired unit --
    fill = max(0, s.n(GRID_WORKERS) - len(workers) - 4 * len(gridded))
    part_time = s.spread(fill, len(gridded))
    for community, extra in zip(gridded, part_time, strict=True):
        grid = community.grid
        assert grid is not None
        secretary, record = people.new(party=True)
        yield record
        yield rel("MEMBER_OF", secretary, community.committee)
        yield rel("SITS_ON", secretary, community.committee, role="SECRETARY")
        yield serve(secretary, grid, "GRID_LEADER")
        attendees = [secretary]
        for _ in range(3):
            pid, record = people.new(party=rng.random() < 0.6)
            yield record
            yield serve(pid, grid, "DEDICATED_GRID_WORKER")
            attendees.append(pid)
        for _ in range(extra):
            pid, record = people.new(party=True, cadre=True, rank="STAFF")
            yield record
            yield rel("WORKS_AT", pid, community.unit)
            yield rel("MEMBER_OF", pid, f"{community.unit}-po")
            yield serve(pid, grid, "PART_TIME_GRID_WORKER")
        # Monthly community grid joint meetings (社区网格联席会).
        for month in range(12):
            year, mon = (2022, 8 + month) if month < 5 else (2023, month - 4)
            aid = f"{grid}-m{month + 1:02d}"
            yield node(
                "Activity",
                aid,
                name=f"{community.name}网格联席会（{year}年{mon}月）",
                type="JOINT_MEETING",
                date=f"{year}-{mon:02d}-{rng.randint(3, 12):02d}",
                hours=2.0,
            )
            yield rel("IN", aid, grid)
            for pid in attendees:
                yield rel("ATTENDED", pid, aid, hours=2.0)

    yield from _requests(s, district, units, communities, buildings, compounds)


@dataclass(frozen=True)
class Place:
    grid: str
    label: str  # what the description names
    community: Community


def _requests(
    s: Seeder,
    district: str,
    units: dict[str, str],
    communities: list[Community],
    buildings: list[Building],
    compounds: list[Compound],
) -> Iterator[Record]:
    rng = s.rng
    valid = s.n(VALID_REQUESTS)
    returned = s.n(RETURNED_REQUESTS, minimum=0)
    closed = round(valid * CLOSURE_RATE)
    pending = valid - closed
    total = valid + returned
    span = (YEAR_END - YEAR_START).total_seconds()
    # Raised mostly in the daytime (07:00-21:00 local), ids in order of time.
    moments = []
    for _ in range(total):
        day = rng.randrange(int(span // 86400))
        daytime = rng.random() < 0.9
        second = 7 * 3600 + rng.randrange(14 * 3600) if daytime else rng.randrange(86400)
        moments.append(YEAR_START + dt.timedelta(days=day, seconds=second))
    moments.sort()
    # Which are returned (anywhere in the year) and which still pending (the recent ones).
    order = list(range(total))
    returned_set = set(rng.sample(order, returned))
    recent = [
        i for i in order if i not in returned_set and moments[i] >= YEAR_END - dt.timedelta(days=30)
    ]
    if len(recent) < pending:
        recent = [i for i in order if i not in returned_set][-pending:]
    pending_set = set(rng.sample(recent, pending))
    categories = list(CATEGORIES)
    weights = [CATEGORIES[c][0] for c in categories]
    places = [Place(b.id, f"{b.compound.name}{b.name}", b.compound.community) for b in buildings]
    compound_places = [Place(k.id, k.name, k.community) for k in compounds]
    hour = dt.timedelta(hours=1)
    for i, raised in enumerate(moments):
        rid = s.id("r", f"{i + 1:05d}")
        at = compound_places if rng.random() < 0.15 else places
        where = at[rng.randrange(len(at))]
        category = rng.choices(categories, weights)[0]
        _, due_days, issues, departments = CATEGORIES[category]
        issue = rng.choice(issues)
        due = raised + dt.timedelta(days=due_days)
        props: dict[str, object] = {
            "name": issue,
            "category": category,
            "description": f"{where.label}居民反映：{issue}",
            "raisedAt": iso(raised),
            "dueAt": iso(due),
            "level": 0,
        }
        steps: list[tuple[str, int, dt.datetime]] = []
        if i in returned_set:
            props.update(
                status="RETURNED",
                returnedAt=iso(raised + hour * rng.uniform(1, 48)),
                returnReason=rng.choice(RETURN_REASONS),
            )
        else:
            is_pending = i in pending_set
            # Whistled up: to the street (吹哨), on to a department (部门报到) or the district.
            if rng.random() < (0.3 if is_pending else 0.05):
                when = raised + hour * rng.uniform(2, 48)
                steps.append((where.community.street, 1, when))
                if rng.random() < 0.04:
                    when += hour * rng.uniform(4, 48)
                    steps.append((district, 2, when))
                if rng.random() < 0.35:
                    when += hour * rng.uniform(2, 24)
                    steps.append((units[rng.choice(departments)], 3, when))
            last = steps[-1][2] if steps else raised
            if steps:
                props["level"] = max(level for _, level, _ in steps)
            if is_pending:
                props["status"] = "ESCALATED" if steps else "OPEN"
            else:
                took = hour * (rng.uniform(6, 240) if steps else rng.lognormvariate(2.3, 0.9))
                roll = rng.random()
                satisfaction = 5 if roll < 0.7 else 4 if roll < 0.92 else 3 if roll < 0.98 else 2
                props.update(status="CLOSED", closedAt=iso(last + took), satisfaction=satisfaction)
        yield node("Request", rid, **props)
        yield rel("IN", rid, where.grid)
        for target, level, when in steps:
            yield rel("ESCALATED_TO", rid, target, level=level, at=iso(when))
        if steps:  # the community's paired unit answers first (首问负责)
            yield rel("FIRST_RESPONSIBLE", rid, where.community.unit)
