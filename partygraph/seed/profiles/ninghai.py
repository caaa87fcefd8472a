"""The `ninghai` profile: Ninghai Road street (宁海路街道), Gulou district, Nanjing (南京市鼓楼区),
report 003, "四级联动".

Province, city, district and street party organisations are linked: the branches of the
provincial agencies stationed in the street pair (结对) with the communities' second-level
branches in the "红心结" branch alliance, hold joint party lessons and sign co-building
agreements; the nine communities form three area alliances (片区联盟); the street's 85 grids
(76 comprehensive, each with its grid party branch; 9 dedicated to the agencies' compounds)
are staffed by full-time grid workers and leaders, dedicated and part-time grid workers, and
red building leaders (红色楼栋长) in the buildings; in-service members of the agencies report
(双报到) to the community they live in, and over a hundred units' organisations reported to
the communities during the epidemic (组织报到).

The 124 community second-level branches (社区二级党支部) are every branch under a community
party committee: the 76 grid party branches and 48 others (retired members, compounds,
non-public enterprises). The report is undated; its activities (党史学习教育, "我为群众办实事")
place it in 2021, and the dates here run from 2020 (epidemic reporting) to 2021.

Ids come from positions only (`nh-c03-g07-b2`), names and dates from the seeded generator.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field

from partygraph.seed.profiles.common import Record, Seeder, node, one_in, rel

PREFIX = "nh"

FIGURES: dict[str, int | float] = {
    # "鼓楼区宁海路街道": one street of Gulou district
    "streets": 1,
    # "街道9个社区、3.68平方公里区域内"
    "communities": 9,
    "area_km2": 3.68,
    # "将辖区9个社区划分为三个片区联盟"
    "area_alliances": 3,
    # "247个省级机关党支部与124个社区二级党支部结对" (every one of them in a pair)
    "provincial_branches": 247,
    "community_branches": 124,
    "paired_provincial_branches": 247,
    "paired_community_branches": 124,
    # "组建'红心结'百对支部联盟": one alliance of all those branches
    "branch_alliances": 1,
    # "同上党课82场"
    "party_lessons": 82,
    # "签订党建引领、小区治理、志愿服务等共建项目协议77个"
    "projects": 77,
    # "共划分网格85个，其中综合网格76个、专属网格9个"
    "grids": 85,
    "comprehensive_grids": 76,
    "dedicated_grids": 9,
    # "配备专职网格员和网格长96名，专属网格员9名，各要素兼职网格员600名"
    "grid_workers_and_leaders": 96,
    "dedicated_grid_workers": 9,
    "part_time_grid_workers": 600,
    # "共建网格党支部76个"
    "grid_branches": 76,
    # "选任350余名'红色楼栋长'" (at least)
    "red_building_leaders": 350,
    # "百余家省市区机关和企业单位党组织、1700余名在职党员…到社区'战疫'一线报到" (at least)
    "reported_members": 1700,
    "reporting_organisations": 100,
    # "…350名社会志愿者、540名居民志愿者到社区'战疫'一线报到": with the members who reported,
    # they serve (SERVES VOLUNTEER) the grids, which is what coverageGaps counts
    "social_volunteers": 350,
    "resident_volunteers": 540,
}

# The full-time grid staff: 76 grid workers (one per comprehensive grid) and 20 grid leaders.
GRID_LEADERS = 20
# In-service members who live in the street and have not reported (not in the report).
UNREPORTED = 300
# Branches under the community committees that are not grid branches (124 - 76).
OTHER_BRANCHES = ("离退休党支部", "小区党支部", "非公企业联合党支部", "老干部党支部", "楼宇党支部")

COMMUNITIES = (
    "颐和路社区",
    "江苏路社区",
    "北京西路社区",
    "宁海路社区",
    "琅琊路社区",
    "山西路社区",
    "青云巷社区",
    "金银街社区",
    "西康路社区",
)
ALLIANCES = ("颐和片区联盟", "山西路片区联盟", "北京西路片区联盟")

PROVINCIAL = (
    "江苏省委组织部",
    "江苏省委宣传部",
    "江苏省委统战部",
    "江苏省委政法委",
    "江苏省委网信办",
    "江苏省委老干部局",
    "江苏省发展和改革委员会",
    "江苏省教育厅",
    "江苏省科学技术厅",
    "江苏省工业和信息化厅",
    "江苏省民政厅",
    "江苏省司法厅",
    "江苏省财政厅",
    "江苏省人力资源和社会保障厅",
    "江苏省自然资源厅",
    "江苏省生态环境厅",
    "江苏省住房和城乡建设厅",
    "江苏省交通运输厅",
    "江苏省水利厅",
    "江苏省农业农村厅",
    "江苏省商务厅",
    "江苏省文化和旅游厅",
    "江苏省卫生健康委员会",
    "江苏省退役军人事务厅",
    "江苏省应急管理厅",
    "江苏省审计厅",
    "江苏省外事办公室",
    "江苏省国资委",
    "江苏省市场监督管理局",
    "江苏省广播电视局",
    "江苏省体育局",
    "江苏省统计局",
    "江苏省医疗保障局",
    "江苏省机关事务管理局",
    "江苏省信访局",
    "江苏省档案馆",
    "江苏省总工会",
    "共青团江苏省委",
    "江苏省妇女联合会",
    "江苏省科学技术协会",
)
# Other units whose organisations reported to the communities (省市区机关和企业单位).
OTHERS = (
    *(
        ("AGENCY", "CITY", f"南京市{name}")
        for name in (
            "发展和改革委员会",
            "教育局",
            "民政局",
            "财政局",
            "人力资源和社会保障局",
            "规划和自然资源局",
            "生态环境局",
            "住房保障和房产局",
            "城乡建设委员会",
            "交通运输局",
            "水务局",
            "商务局",
            "文化和旅游局",
            "卫生健康委员会",
            "市场监督管理局",
            "城市管理局",
            "应急管理局",
            "档案馆",
            "总工会",
            "妇女联合会",
        )
    ),
    *(
        ("DEPARTMENT", "DISTRICT", name)
        for name in (
            "鼓楼区委组织部",
            "鼓楼区委政法委",
            "鼓楼区民政局",
            "鼓楼区城市管理局",
            "鼓楼区应急管理局",
            "鼓楼区综合行政执法局",
            "鼓楼区住房保障和房产局",
            "鼓楼区卫生健康委员会",
            "鼓楼区教育局",
            "鼓楼区司法局",
            "鼓楼区市场监督管理局",
            "鼓楼区人力资源和社会保障局",
            "鼓楼区文化和旅游局",
            "鼓楼区退役军人事务局",
            "鼓楼区财政局",
            "南京市公安局鼓楼分局",
            "鼓楼区政务服务管理办公室",
            "鼓楼区总工会",
            "共青团鼓楼区委",
            "鼓楼区妇女联合会",
        )
    ),
    ("SCHOOL", "PROVINCE", "南京师范大学"),
    ("SCHOOL", "PROVINCE", "河海大学"),
    ("SCHOOL", "PROVINCE", "南京艺术学院"),
    ("SCHOOL", "CITY", "南京市第五中学"),
    ("SCHOOL", "DISTRICT", "南京市琅琊路小学"),
    ("HOSPITAL", "PROVINCE", "江苏省人民医院"),
    ("HOSPITAL", "CITY", "南京鼓楼医院"),
    ("STATE_ENTERPRISE", "CITY", "国网南京供电公司鼓楼营业部"),
    ("STATE_ENTERPRISE", "CITY", "南京水务集团鼓楼分公司"),
    ("STATE_ENTERPRISE", "CITY", "中国电信南京分公司"),
    ("STATE_ENTERPRISE", "CITY", "南京地铁运营公司"),
    ("STATE_ENTERPRISE", "CITY", "江苏银行南京鼓楼支行"),
    ("STATE_ENTERPRISE", "PROVINCE", "江苏广电网络南京分公司"),
    ("ENTERPRISE", "STREET", "宁海物业服务有限公司"),
    ("ENTERPRISE", "STREET", "颐和文化发展有限公司"),
    ("ENTERPRISE", "STREET", "山西路商贸有限公司"),
    ("ENTERPRISE", "STREET", "随园科技有限公司"),
    ("ENTERPRISE", "STREET", "金银街餐饮管理有限公司"),
    ("ENTERPRISE", "STREET", "北京西路文化传媒有限公司"),
    ("ENTERPRISE", "STREET", "江苏路科技孵化器有限公司"),
    ("SOCIAL_ORGANIZATION", "STREET", "宁海路街道社会组织服务中心"),
    ("SOCIAL_ORGANIZATION", "STREET", "和事佬调解工作室"),
    ("SOCIAL_ORGANIZATION", "STREET", "鲁班能量屋志愿服务社"),
    ("SOCIAL_ORGANIZATION", "DISTRICT", "鼓楼区社工服务中心"),
    ("SOCIAL_ORGANIZATION", "DISTRICT", "鼓楼区志愿者联合会"),
)
# The elements (要素) part-time grid workers come from: 党建、城管、综治、民政、安监、综合执法.
ELEMENTS = (
    "鼓楼区委组织部",
    "鼓楼区城市管理局",
    "鼓楼区委政法委",
    "鼓楼区民政局",
    "鼓楼区应急管理局",
    "鼓楼区综合行政执法局",
)
PROJECTS = (
    ("PARTY_BUILDING", "党建引领共建协议"),
    ("ENVIRONMENT", "小区治理共建协议"),
    ("LIVELIHOOD", "志愿服务共建协议"),
    ("SAFETY", "老旧小区消险共建协议"),
    ("CULTURE", "红色阵地共建协议"),
)
LESSONS = ("“将军讲党史”系列党课", "音乐党课", "“红心结”联学党课", "党史学习教育主题讲座")


@dataclass
class Place:
    id: str
    community: str
    name: str


@dataclass
class Shape:
    street: str = ""
    communities: list[Place] = field(default_factory=list)
    grids: list[Place] = field(default_factory=list)  # comprehensive grids
    dedicated: list[Place] = field(default_factory=list)
    buildings: list[Place] = field(default_factory=list)
    agencies: list[str] = field(default_factory=list)
    provincial: list[str] = field(default_factory=list)  # provincial agency branches
    community_branches: list[tuple[str, str]] = field(default_factory=list)  # (id, community)
    grid_branch: dict[str, str] = field(default_factory=dict)  # grid -> its branch
    members: dict[str, list[str]] = field(default_factory=dict)  # branch -> members
    pairs: list[tuple[str, str, str]] = field(
        default_factory=list
    )  # (provincial, local, community)
    units: dict[str, str] = field(default_factory=dict)  # unit name -> id
    reporters: list[tuple[str, Place]] = field(default_factory=list)  # (member, home)


def _n(s: Seeder, figure: str, extra: int = 0) -> int:
    """A figure of FIGURES (plus `extra` for the report's "余") at the seeder's scale."""
    return s.n(int(FIGURES[figure]) + extra)


def generate(scale: float = 1.0, seed: int = 1) -> Iterator[Record]:
    s = Seeder(PREFIX, scale, seed)
    shape = Shape()
    yield from _blocks(s, shape)
    yield from _units(s, shape)
    yield from _branches(s, shape)
    yield from _grid_staff(s, shape)
    yield from _members(s, shape)
    yield from _cobuilding(s, shape)
    # Drawn last, so every record above comes out as before they were added.
    yield from _volunteers(s, shape)


def _blocks(s: Seeder, shape: Shape) -> Iterator[Record]:
    """District, the street, communities, area alliances, grids and buildings."""
    district = s.id("d")
    yield node("District", district, name="鼓楼区", code="320106")
    shape.street = s.id("s01")
    yield node("Street", shape.street, name="宁海路街道", code="320106002", areaKm2=3.68)
    yield rel("IN", shape.street, district)
    for k in range(_n(s, "communities")):
        cid = s.id(f"c{k + 1:02d}")
        name = COMMUNITIES[k] if k < len(COMMUNITIES) else s.place("社区")
        shape.communities.append(Place(cid, cid, name))
        households = s.rng.randint(2400, 5200)
        yield node("Community", cid, name=name, households=households, area="URBAN")
        yield rel("IN", cid, shape.street)
    alliances = _n(s, "area_alliances")
    for a in range(alliances):
        alliance = s.id(f"al{a + 1}")
        name = ALLIANCES[a] if a < len(ALLIANCES) else f"第{a + 1}片区联盟"
        yield node("Alliance", alliance, name=name, kind="AREA")
    count = len(shape.communities)
    for k, community in enumerate(shape.communities):
        yield rel("MEMBER_OF", community.id, s.id(f"al{k * alliances // count + 1}"))

    # Comprehensive grids (综合网格), spread over the communities.
    per_community = s.spread(_n(s, "comprehensive_grids"), count)
    for owner, grids in zip(shape.communities, per_community, strict=True):
        for g in range(1, grids + 1):
            grid = f"{owner.id}-g{g:02d}"
            shape.grids.append(Place(grid, owner.id, f"{owner.name}第{g}网格"))
            yield node("Grid", grid, name=f"第{g}网格", level="COMMUNITY", kind="COMPREHENSIVE")
            yield rel("IN", grid, owner.id)
    # Dedicated grids (专属网格): the compounds of the first provincial agencies.
    for d in range(_n(s, "dedicated_grids")):
        owner = shape.communities[d % count]
        grid = f"{owner.id}-x{d // count + 1}"
        agency = PROVINCIAL[d % len(PROVINCIAL)].removeprefix("江苏省")
        shape.dedicated.append(Place(grid, owner.id, f"{agency}专属网格"))
        yield node("Grid", grid, name=f"{agency}专属网格", level="COMMUNITY", kind="DEDICATED")
        yield rel("IN", grid, owner.id)
    # Building grids (楼栋) in the comprehensive grids: the old compounds' residential blocks.
    numbers: dict[str, int] = {}
    for b in range(_n(s, "red_building_leaders", 30)):
        parent = shape.grids[b % len(shape.grids)]
        numbers[parent.id] = numbers.get(parent.id, 0) + 1
        building = f"{parent.id}-b{numbers[parent.id]}"
        road = s.rng.choice(("宁海路", "颐和路", "江苏路", "北京西路", "琅琊路", "虎踞北路"))
        name = f"{road}{s.rng.randint(1, 80)}号{numbers[parent.id]:02d}幢"
        shape.buildings.append(Place(building, parent.community, name))
        yield node("Grid", building, name=name, level="BUILDING", kind="COMPREHENSIVE")
        yield rel("IN", building, parent.id)


def _units(s: Seeder, shape: Shape) -> Iterator[Record]:
    """Provincial agencies and the other units stationed in or serving the street."""
    for a in range(s.n(len(PROVINCIAL))):
        name = PROVINCIAL[a] if a < len(PROVINCIAL) else f"江苏省直单位{a + 1}"
        unit = s.id(f"pa{a + 1:02d}")
        shape.agencies.append(unit)
        shape.units[name] = unit
        yield node("Unit", unit, name=name, category="AGENCY", level="PROVINCE")
        committee = f"{unit}-po"
        yield node("PartyOrganization", committee, name=f"中共{name}机关委员会", type="COMMITTEE")
        yield rel("OF", committee, unit)
    others = s.n(len(OTHERS))
    for o in range(others):
        category, level, name = OTHERS[o]
        unit = s.id(f"u{o + 1:02d}")
        shape.units[name] = unit
        yield node("Unit", unit, name=name, category=category, level=level)
    # The element units of the part-time grid workers exist at every scale.
    for e, name in enumerate(ELEMENTS):
        if name not in shape.units:
            unit = s.id(f"ue{e + 1}")
            shape.units[name] = unit
            yield node("Unit", unit, name=name, category="DEPARTMENT", level="DISTRICT")


def _branches(s: Seeder, shape: Shape) -> Iterator[Record]:
    """Street and community committees, grid and other second-level branches, provincial
    branches, the 红心结 pairs and alliance, organisation-level reporting."""
    street_committee = f"{shape.street}-po"
    yield node(
        "PartyOrganization", street_committee, name="中共宁海路街道工作委员会", type="COMMITTEE"
    )
    for community in shape.communities:
        committee = f"{community.id}-po"
        yield node(
            "PartyOrganization", committee, name=f"中共{community.name}委员会", type="COMMITTEE"
        )
        yield rel("LEADS", committee, community.id)
        yield rel("UNDER", committee, street_committee)
    # Grid party branches (网格党支部): one in every comprehensive grid.
    for grid in shape.grids:
        branch = f"{grid.id}-po"
        shape.grid_branch[grid.id] = branch
        shape.community_branches.append((branch, grid.community))
        yield node("PartyOrganization", branch, name=f"{grid.name}党支部", type="GRID_BRANCH")
        yield rel("LEADS", branch, grid.id)
        yield rel("UNDER", branch, f"{grid.community}-po")
    # The other second-level branches of the communities.
    others = max(0, _n(s, "community_branches") - len(shape.grids))
    count = len(shape.communities)
    for o in range(others):
        community = shape.communities[o % count]
        branch = f"{community.id}-o{o // count + 1:02d}"
        shape.community_branches.append((branch, community.id))
        kind = OTHER_BRANCHES[(o // count) % len(OTHER_BRANCHES)]
        number = o // count // len(OTHER_BRANCHES) + 1
        name = f"{community.name}{kind}" if number == 1 else f"{community.name}第{number}{kind}"
        yield node("PartyOrganization", branch, name=name, type="BRANCH")
        yield rel("UNDER", branch, f"{community.id}-po")
    # Dedicated grids are led by the agency whose compound they are, which also pairs with them.
    for d, grid in enumerate(shape.dedicated):
        agency = shape.agencies[d % len(shape.agencies)]
        yield rel("LEADS", f"{agency}-po", grid.id)
        yield rel(
            "PAIRED_WITH", agency, grid.id, since=s.date(dt.date(2020, 3, 1), dt.date(2020, 6, 30))
        )

    # Provincial agency branches (省级机关党支部): branch j belongs to agency j mod A.
    for j in range(_n(s, "provincial_branches")):
        agency = shape.agencies[j % len(shape.agencies)]
        branch = f"{agency}-b{j // len(shape.agencies) + 1:02d}"
        shape.provincial.append(branch)
        yield node(
            "PartyOrganization",
            branch,
            name=f"机关第{j // len(shape.agencies) + 1}党支部",
            type="BRANCH",
        )
        yield rel("OF", branch, agency)
        yield rel("UNDER", branch, f"{agency}-po")
    # 红心结: every branch of both sides in a pair, all in one branch alliance.
    heart = s.id("heart")
    yield node("Alliance", heart, name="“红心结”百对支部联盟", kind="BRANCH_ALLIANCE")
    for branch in shape.provincial + [b for b, _ in shape.community_branches]:
        yield rel("MEMBER_OF", branch, heart)
    paired: set[tuple[str, str]] = set()
    for i in range(max(len(shape.provincial), len(shape.community_branches))):
        provincial = shape.provincial[i % len(shape.provincial)]
        local, home = shape.community_branches[i % len(shape.community_branches)]
        yield rel("PAIRED_WITH", provincial, local)
        shape.pairs.append((provincial, local, home))
        agency = provincial.rsplit("-b", 1)[0]
        if (agency, home) not in paired:  # the agency pairs with the community too
            paired.add((agency, home))
            since = s.date(dt.date(2020, 3, 1), dt.date(2021, 3, 31))
            yield rel("PAIRED_WITH", agency, home, since=since)

    # Organisation-level reporting (组织报到, "战疫" 2020): the agencies' committees and the
    # other units' organisations, each to one community.
    reporting = [f"{a}-po" for a in shape.agencies]
    for o in range(s.n(len(OTHERS))):
        unit = s.id(f"u{o + 1:02d}")
        org = f"{unit}-po"
        category, _, name = OTHERS[o]
        kind = "COMMITTEE" if category in ("AGENCY", "SCHOOL", "HOSPITAL") else "BRANCH"
        yield node(
            "PartyOrganization",
            org,
            name=f"中共{name}委员会" if kind == "COMMITTEE" else f"{name}党支部",
            type=kind,
        )
        yield rel("OF", org, unit)
        reporting.append(org)
    for r, org in enumerate(reporting[: _n(s, "reporting_organisations", 5)]):
        community = shape.communities[r % count]
        yield rel(
            "REPORTED_TO", org, community.id, on=s.date(dt.date(2020, 2, 1), dt.date(2020, 3, 15))
        )
    # "红创汇" business alliance: the enterprises and social organisations of the street.
    business = s.id("hch")
    yield node("Alliance", business, name="“红创汇”楼宇发展联盟", kind="BUSINESS_DISTRICT")
    for o in range(s.n(len(OTHERS))):
        if OTHERS[o][1] == "STREET":
            yield rel("MEMBER_OF", f"{s.id(f'u{o + 1:02d}')}-po", business)


def _person(s: Seeder, person: str, **props: object) -> Record:
    gender = "女" if s.chance(0.5) else "男"
    return node("Person", person, name=s.person(), gender=gender, **props)


def _grid_staff(s: Seeder, shape: Shape) -> Iterator[Record]:
    """Grid leaders and workers, dedicated and part-time grid workers, red building leaders."""
    grids = shape.grids
    full_time = _n(s, "grid_workers_and_leaders")
    leaders = min(s.n(GRID_LEADERS), max(full_time - len(grids), 1))
    workers = full_time - leaders
    # Grid workers (网格员): one per comprehensive grid, in order.
    for w in range(workers):
        person = s.id(f"gw{w + 1:03d}")
        yield _person(s, person, partyMember=s.chance(0.6), cadre=False)
        yield rel("SERVES", person, grids[w % len(grids)].id, role="GRID_WORKER")
    # Grid leaders (网格长): community cadres, each leading the grids of a community in turn.
    by_community: dict[str, list[str]] = {}
    for grid in grids:
        by_community.setdefault(grid.community, []).append(grid.id)
    heads: dict[str, list[str]] = {}
    for g in range(leaders):
        community = shape.communities[g % len(shape.communities)].id
        person = s.id(f"gl{g + 1:02d}")
        heads.setdefault(community, []).append(person)
        yield _person(s, person, partyMember=True, cadre=True, rank="STAFF")
        yield rel("MEMBER_OF", person, f"{community}-po")
    for community, ids in by_community.items():
        people = heads.get(community) or heads[next(iter(heads))]
        for i, grid_id in enumerate(ids):
            yield rel("SERVES", people[i % len(people)], grid_id, role="GRID_LEADER")
    # Dedicated grid workers (专属网格员): staff of the agency whose compound it is.
    for d, grid in enumerate(shape.dedicated):
        person = s.id(f"dw{d + 1:02d}")
        yield _person(s, person, partyMember=True, cadre=False)
        yield rel("SERVES", person, grid.id, role="DEDICATED_GRID_WORKER")
        yield rel("WORKS_AT", person, shape.agencies[d % len(shape.agencies)])
    # Part-time grid workers (兼职网格员) from the six elements, over all 85 grids.
    every = grids + shape.dedicated
    elements = [shape.units[name] for name in ELEMENTS]
    for p in range(_n(s, "part_time_grid_workers")):
        person = s.id(f"pt{p + 1:03d}")
        yield _person(s, person, partyMember=s.chance(0.5), cadre=s.chance(0.3))
        yield rel("SERVES", person, every[p % len(every)].id, role="PART_TIME_GRID_WORKER")
        yield rel("WORKS_AT", person, elements[p % len(elements)])
    # Red building leaders (红色楼栋长): party members living in the building they lead,
    # members of their grid's branch.
    for b in range(_n(s, "red_building_leaders", 6)):
        building = shape.buildings[b]
        branch = shape.grid_branch[building.id.rsplit("-b", 1)[0]]
        person = s.id(f"bl{b + 1:03d}")
        yield _person(s, person, partyMember=True, cadre=False)
        yield rel("SERVES", person, building.id, role="BUILDING_LEADER")
        yield rel("RESIDES_IN", person, building.id)
        yield rel("MEMBER_OF", person, branch)
        shape.members.setdefault(branch, []).append(person)


def _members(s: Seeder, shape: Shape) -> Iterator[Record]:
    """In-service members of the provincial branches (双报到) and retired members of the
    communities' other branches."""
    homes = shape.communities + shape.grids + shape.dedicated + shape.buildings
    reported = _n(s, "reported_members", 20)
    total = reported + s.n(UNREPORTED)
    for i in range(total):
        person = s.id(f"m{i + 1:04d}")
        branch = shape.provincial[i % len(shape.provincial)]
        agency = branch.rsplit("-b", 1)[0]
        home = s.rng.choice(homes)
        rank = s.rng.choice(("DIVISION", "SECTION", "SECTION", "STAFF", "STAFF"))
        yield _person(s, person, partyMember=True, cadre=s.chance(0.6), rank=rank)
        yield rel("WORKS_AT", person, agency)
        yield rel("MEMBER_OF", person, branch)
        yield rel("RESIDES_IN", person, home.id)
        shape.members.setdefault(branch, []).append(person)
        if one_in(i, reported / total):
            on = s.date(dt.date(2020, 2, 1), dt.date(2021, 6, 30))
            yield rel("REPORTED_TO", person, home.community, on=on)
            shape.reporters.append((person, home))
    # Retired members (离退休党员) in the non-grid branches, living in their community.
    grids_of: dict[str, list[str]] = {}
    for grid in shape.grids:
        grids_of.setdefault(grid.community, []).append(grid.id)
    r = 0
    for branch, community in shape.community_branches:
        if branch in shape.grid_branch.values():
            continue
        for _ in range(s.rng.randint(6, 12)):
            r += 1
            person = s.id(f"rm{r:04d}")
            where = s.rng.choice(grids_of.get(community) or [community])
            yield _person(s, person, partyMember=True, cadre=False)
            yield rel("MEMBER_OF", person, branch)
            yield rel("RESIDES_IN", person, where)
            shape.members.setdefault(branch, []).append(person)


def _cobuilding(s: Seeder, shape: Shape) -> Iterator[Record]:
    """Joint party lessons (同上党课) and co-building agreements (共建项目协议) of the pairs."""
    pairs = shape.pairs
    for k in range(_n(s, "party_lessons")):
        provincial, local, community = pairs[(k * 3) % len(pairs)]
        lesson = s.id(f"pl{k + 1:02d}")
        date = s.date(dt.date(2021, 3, 1), dt.date(2021, 12, 20))
        hours = s.rng.choice((1.5, 2.0))
        yield node(
            "Activity",
            lesson,
            name=s.rng.choice(LESSONS),
            type="PARTY_LESSON",
            date=date,
            hours=hours,
        )
        yield rel("IN", lesson, community)
        for person in shape.members.get(provincial, [])[:12] + shape.members.get(local, [])[:12]:
            yield rel("ATTENDED", person, lesson, hours=hours)
    for k in range(_n(s, "projects")):
        provincial, _, community = pairs[(k * 5 + 1) % len(pairs)]
        agency = provincial.rsplit("-b", 1)[0]
        category, title = PROJECTS[k % len(PROJECTS)]
        project = s.id(f"pj{k + 1:02d}")
        start = s.date(dt.date(2021, 3, 1), dt.date(2021, 10, 31))
        yield node(
            "Project",
            project,
            name=title,
            category=category,
            status=s.rng.choice(("COMPLETED", "COMPLETED", "IN_PROGRESS")),
            startDate=start,
            endDate=(dt.date.fromisoformat(start) + dt.timedelta(days=365)).isoformat(),
        )
        yield rel("BY", project, agency)
        yield rel("FOR", project, community)


def _volunteers(s: Seeder, shape: Shape) -> Iterator[Record]:
    """The volunteers who came to the grids (到社区一线报到): the in-service members who
    reported, where they live (a community's own residents: its first grid); social
    volunteers; resident volunteers living in the grid they serve. Spread as the report's
    numbers fall, about 30 a grid: the standard of 30 is met in some grids, not in others."""
    grids = shape.grids + shape.dedicated
    first: dict[str, str] = {}
    for grid in grids:
        first.setdefault(grid.community, grid.id)
    places = {p.id for p in [*grids, *shape.buildings]}
    for person, home in shape.reporters:
        place = home.id if home.id in places else first[home.community]
        yield rel("SERVES", person, place, role="VOLUNTEER")
    for v in range(_n(s, "social_volunteers")):
        person = s.id(f"sv{v + 1:03d}")
        yield _person(s, person, cadre=False)
        yield rel("SERVES", person, s.rng.choice(grids).id, role="VOLUNTEER")
    for v in range(_n(s, "resident_volunteers")):
        person = s.id(f"rv{v + 1:03d}")
        where = s.rng.choice(grids).id
        yield _person(s, person, cadre=False)
        yield rel("RESIDES_IN", person, where)
        yield rel("SERVES", person, where, role="VOLUNTEER")
