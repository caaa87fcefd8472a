"""The `shinan` profile: Qingdao Shinan district (青岛市市南区), report 000, "两下两上".

"两下": 30 district leaders contact (包联) all 50 communities; district departments pair
(结对共建) with every community, agree co-building projects and form red assault teams
(红色突击队); in-service party members of the departments report (双报到) to the community they
live in and claim micro-wishes (微心愿); 227 street cadres contact (联系) every compound and
grid. "两上": requests go straight up from the grid (直报) to the street and the departments,
the first unit that receives one is its first-responsible unit (首问负责), and the platform's
invalid-return rate fell 86% year on year; communities evaluate their paired departments every
half year.

Requests are a 1-in-20 sample (REQUEST_SAMPLE) of the 106,000 handled from January 2023 to
August 2024 (the report is dated 2024-09-11): 5,300 at scale 1, 3,180 raised in 2023 and 2,120
in 2024 (Jan-Aug), with the invalid-return rate 5.0% in 2023 and 0.7% in 2024 (down 86%).
Half-yearly evaluations cover 2023-H2 and 2024-H1, the two periods closed by the report's date.

Ids come from positions only (`sn-c07-g03-k1`), names and dates from the seeded generator.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field

from partygraph.seed.profiles import shinan_staffing as staffing
from partygraph.seed.profiles.common import Record, Seeder, iso, node, one_in, rel

PREFIX = "sn"

FIGURES: dict[str, int | float] = {
    # 市南区 has 10 streets (街道); the report does not count them.
    "streets": 10,
    # "30名区级领导同志全覆盖包联全区50个社区"
    "communities": 50,
    "district_leaders": 30,
    "communities_with_contact_leader": 50,
    # "区机关部门与全区50个社区常态化结对共建"; the number of departments is not given:
    # 市南区 has about fifty district departments and bodies (区直部门).
    "communities_with_paired_department": 50,
    "departments": 52,
    # "协商确定结对共建项目64个"
    "projects": 64,
    # "各部门组建61支红色突击队"
    "red_assault_teams": 61,
    # "1978名党员干部以'雪'为令…奔赴结对社区除雪清冰" (2023年年底寒潮暴雪)
    "snow_clearing_members": 1978,
    # "推动3372名机关在职党员到居住地社区报到" (the members who have not reported are not
    # counted in the report: about one in nine here)
    "reported_members": 3372,
    "unreported_members": 428,
    # "认领解决群众'微心愿'1600余件" (at least this many claimed)
    "wishes_claimed": 1600,
    # "区领导列席社区联席会议480余次" (at least), "'四不两直'走访居民823户"
    "leader_joint_meetings": 480,
    "leader_visits": 823,
    # "227名街道处级干部全覆盖联系全区238个小区、505个网格"
    "street_cadres": 227,
    "compounds": 238,
    "grids": 505,
    "grids_contacted_by_street_cadre": 743,
    # "线上建立3115个楼院、楼栋居民微信群": one building grid (楼院/楼栋) per chat group
    "building_chat_groups": 3115,
    # "培育出…220余支自管共治队伍": residents' teams, whose members volunteer in their grids
    # (partygraph.seed.profiles.shinan_staffing)
    "self_governance_teams": 220,
    # "累计处理群众诉求10.6万件" (January 2023 - August 2024; a 1-in-20 sample is generated)
    "requests_handled": 106_000,
    # "平台无效退单率同比下降86%" (2024 against 2023)
    "invalid_return_drop": 0.86,
    # "社区每半年对机关部门结对工作成效进行综合评价": 2023-H2 and 2024-H1
    "evaluation_periods": 2,
}

REQUEST_SAMPLE = 20  # one generated request stands for this many handled
RETURN_RATE_2023 = 0.05
RETURN_RATE_2024 = RETURN_RATE_2023 * (1 - 0.86)
PERIODS = ("2023-H2", "2024-H1")

STREETS = (
    ("八大峡街道", "370202001"),
    ("云南路街道", "370202002"),
    ("中山路街道", "370202003"),
    ("江苏路街道", "370202004"),
    ("八大关街道", "370202005"),
    ("湛山街道", "370202006"),
    ("香港中路街道", "370202007"),
    ("八大湖街道", "370202008"),
    ("金门路街道", "370202009"),
    ("珠海路街道", "370202010"),
)

# District departments (区直部门) with the request category each is first responsible for.
DEPARTMENTS = (
    ("区委办公室", None),
    ("区政府办公室", None),
    ("区纪委监委机关", None),
    ("区委组织部", None),
    ("区委宣传部", None),
    ("区委统战部", None),
    ("区委政法委", "DISPUTE"),
    ("区委社会工作部", None),
    ("区委编办", None),
    ("区委党校", None),
    ("区直机关工委", None),
    ("区发展和改革局", None),
    ("区教育和体育局", None),
    ("区科技局", None),
    ("区工业和信息化局", None),
    ("公安市南分局", "SAFETY"),
    ("区民政局", "SOCIAL_SECURITY"),
    ("区司法局", "DISPUTE"),
    ("区财政局", None),
    ("区人力资源和社会保障局", "SOCIAL_SECURITY"),
    ("市南自然资源分局", None),
    ("市南生态环境分局", "ENVIRONMENT"),
    ("区住房和城乡建设局", "PROPERTY"),
    ("区交通运输局", "TRAFFIC"),
    ("区水务局", "INFRASTRUCTURE"),
    ("区商务局", None),
    ("区文化和旅游局", None),
    ("区卫生健康局", None),
    ("区退役军人事务局", "SOCIAL_SECURITY"),
    ("区应急管理局", "SAFETY"),
    ("区审计局", None),
    ("区市场监督管理局", "OTHER"),
    ("区统计局", None),
    ("区医疗保障局", "SOCIAL_SECURITY"),
    ("区城市管理局", "ENVIRONMENT"),
    ("区综合行政执法局", "ENVIRONMENT"),
    ("区行政审批服务局", None),
    ("区信访局", "DISPUTE"),
    ("区大数据发展管理局", None),
    ("区投资促进局", None),
    ("区机关事务服务中心", None),
    ("区融媒体中心", None),
    ("区档案馆", None),
    ("区总工会", None),
    ("团区委", None),
    ("区妇联", None),
    ("区科协", None),
    ("区工商联", None),
    ("区残联", "SOCIAL_SECURITY"),
    ("区红十字会", None),
    ("区城市更新服务中心", "INFRASTRUCTURE"),
    ("区物业管理服务中心", "PROPERTY"),
)

# The four leading bodies (四套班子) the district leaders work in, and their posts.
BODIES = (
    ("中共青岛市市南区委员会", "区委"),
    ("青岛市市南区人民政府", "区政府"),
    ("青岛市市南区人大常委会", "区人大常委会"),
    ("政协青岛市市南区委员会", "区政协"),
)
POSTS = (
    (0, "区委书记", "DEPARTMENT_BUREAU"),
    (1, "区长", "DEPARTMENT_BUREAU"),
    (2, "区人大常委会主任", "DIVISION"),
    (3, "区政协主席", "DIVISION"),
    (0, "区委副书记", "DIVISION"),
    *((0, "区委常委", "DIVISION") for _ in range(8)),
    *((1, "副区长", "DIVISION") for _ in range(7)),
    *((2, "区人大常委会副主任", "DIVISION") for _ in range(4)),
    *((3, "区政协副主席", "DIVISION") for _ in range(5)),
)

PROJECTS = (
    ("PARTY_BUILDING", "红色阵地共建"),
    ("LIVELIHOOD", "便民服务驿站"),
    ("ENVIRONMENT", "老旧楼院环境整治"),
    ("CULTURE", "邻里文化节"),
    ("EDUCATION", "四点半课堂"),
    ("HEALTH", "健康义诊进社区"),
    ("ELDERLY", "长者食堂助餐"),
    ("SAFETY", "楼道消防安全改造"),
    ("EMPLOYMENT", "家门口就业服务站"),
)
WISHES = (
    "助老轮椅一台",
    "儿童学习台灯",
    "冬季棉被两床",
    "电子血压计",
    "助听器一副",
    "书包和文具",
    "楼道声控灯维修",
    "老花镜",
    "陪同就医一次",
    "家电义务维修",
    "课外辅导",
    "智能手机使用教学",
    "米面粮油",
    "防滑扶手安装",
)
REQUESTS = {
    "ENVIRONMENT": ("楼院垃圾清运不及时", "绿化带杂草清理", "油烟扰民"),
    "PROPERTY": ("物业公司缺位无人管理", "楼道堆物清理", "电梯维保不到位"),
    "INFRASTRUCTURE": ("雨水管道堵塞", "路灯不亮", "老旧楼院加装电梯"),
    "SAFETY": ("飞线充电安全隐患", "消防通道被占用", "外墙瓷砖脱落"),
    "DISPUTE": ("邻里漏水纠纷", "噪音扰民纠纷", "停车位纠纷"),
    "SOCIAL_SECURITY": ("高龄补贴咨询", "低保申请", "居家养老服务申请"),
    "TRAFFIC": ("小区周边停车难", "公交站点设置", "占道经营影响通行"),
    "OTHER": ("政策咨询", "证明开具", "其他事项"),
}
REQUEST_WEIGHTS = (30, 22, 16, 10, 8, 6, 5, 3)
RETURN_REASONS = ("重复诉求", "不属于受理范围", "诉求人信息不全无法联系", "已在其他渠道办结")


@dataclass
class Place:
    """Somewhere people live and requests are raised: a community or one of its grids."""

    id: str
    community: str
    street: int
    level: str | None  # grid level, None for the community itself


@dataclass
class Member:
    """An in-service party member (在职党员) of a department."""

    id: str
    unit: str
    home: Place
    cadre: bool
    reported: bool


@dataclass
class Shape:
    streets: list[str] = field(default_factory=list)
    names: dict[str, str] = field(default_factory=dict)  # of streets, communities and grids
    street_units: list[str] = field(default_factory=list)
    communities: list[tuple[str, int]] = field(default_factory=list)  # (id, street index)
    grids: list[Place] = field(default_factory=list)  # community grids and compounds
    buildings: list[Place] = field(default_factory=list)
    departments: list[str] = field(default_factory=list)
    department_names: dict[str, str] = field(default_factory=dict)
    responsible: dict[str, list[str]] = field(default_factory=dict)  # category -> departments
    parent: dict[str, str] = field(default_factory=dict)  # compound or building -> its grid
    pairs: list[tuple[str, str]] = field(default_factory=list)  # (department, community)
    members: list[Member] = field(default_factory=list)
    contacts: list[tuple[str, Place]] = field(default_factory=list)  # (street cadre, grid)


def _n(s: Seeder, figure: str, extra: int = 0) -> int:
    """A figure of FIGURES (plus `extra` for the report's "余") at the seeder's scale."""
    return s.n(int(FIGURES[figure]) + extra)


def _year_start(year: int) -> dt.datetime:
    return dt.datetime(year, 1, 1, tzinfo=dt.UTC)


def generate(scale: float = 1.0, seed: int = 1) -> Iterator[Record]:
    s = Seeder(PREFIX, scale, seed)
    shape = Shape()
    yield from _blocks(s, shape)
    yield from _organisations(s, shape)
    yield from _leaders(s, shape)
    yield from _departments(s, shape)
    yield from _street_cadres(s, shape)
    yield from _requests(s, shape)
    # Drawn last, so every figure above comes out as before these were added.
    yield from staffing.generate(s, shape, _n(s, "self_governance_teams"))


def _blocks(s: Seeder, shape: Shape) -> Iterator[Record]:
    """District, streets, communities, community grids, compounds and building grids."""
    district = s.id("d")
    yield node("District", district, name="市南区", code="370202")
    streets = _n(s, "streets")
    for i in range(streets):
        name, code = STREETS[i] if i < len(STREETS) else (f"第{i + 1}街道", f"3702021{i:02d}")
        street = s.id(f"s{i + 1:02d}")
        shape.streets.append(street)
        shape.names[street] = name
        yield node("Street", street, name=name, code=code)
        yield rel("IN", street, district)
        # The street office (街道办事处): responds to whistles and is first responsible.
        office = f"{street}-u"
        shape.street_units.append(office)
        yield node("Unit", office, name=f"{name}办事处", category="DEPARTMENT", level="STREET")

    counts = s.spread(_n(s, "communities"), streets)
    k = 0
    for street_index, count in enumerate(counts):
        for _ in range(count):
            k += 1
            community = s.id(f"c{k:02d}")
            shape.communities.append((community, street_index))
            shape.names[community] = s.place("社区")
            yield node(
                "Community",
                community,
                name=shape.names[community],
                households=s.rng.randint(2200, 6800),
                area="URBAN",
            )
            yield rel("IN", community, shape.streets[street_index])

    community_grids: list[Place] = []
    per_community = s.spread(_n(s, "grids"), len(shape.communities))
    for (community, street_index), count in zip(shape.communities, per_community, strict=True):
        for g in range(1, count + 1):
            grid = f"{community}-g{g:02d}"
            place = Place(grid, community, street_index, "COMMUNITY")
            community_grids.append(place)
            shape.names[grid] = f"第{g}网格"
            yield node("Grid", grid, name=f"第{g}网格", level="COMMUNITY", kind="COMPREHENSIVE")
            yield rel("IN", grid, community)
    # Compounds (小区) lie in community grids, spread over the district.
    compounds: list[Place] = []
    compound_count = _n(s, "compounds")
    seen: dict[str, int] = {}
    for i in range(compound_count):
        parent = community_grids[i * len(community_grids) // compound_count]
        seen[parent.id] = seen.get(parent.id, 0) + 1
        compound = f"{parent.id}-k{seen[parent.id]}"
        compounds.append(Place(compound, parent.community, parent.street, "COMPOUND"))
        shape.parent[compound] = parent.id
        shape.names[compound] = s.place("小区")
        yield node(
            "Grid", compound, name=shape.names[compound], level="COMPOUND", kind="COMPREHENSIVE"
        )
        yield rel("IN", compound, parent.id)
    shape.grids = community_grids + compounds
    # Building grids (楼院/楼栋), each with its residents' chat group run by the street cadre.
    numbers: dict[str, int] = {}
    for i in range(_n(s, "building_chat_groups")):
        parent = shape.grids[i % len(shape.grids)]
        numbers[parent.id] = numbers.get(parent.id, 0) + 1
        building = f"{parent.id}-b{numbers[parent.id]}"
        number = numbers[parent.id]
        shape.buildings.append(Place(building, parent.community, parent.street, "BUILDING"))
        shape.parent[building] = parent.id
        yield node(
            "Grid",
            building,
            name=f"{number}号楼",
            level="BUILDING",
            kind="COMPREHENSIVE",
            chatGroup=f"{number}号楼居民微信群",
        )
        yield rel("IN", building, parent.id)


def _organisations(s: Seeder, shape: Shape) -> Iterator[Record]:
    """District committee, street working committees, community committees, grid branches."""
    top = s.id("po")
    yield node("PartyOrganization", top, name="中共青岛市市南区委员会", type="COMMITTEE")
    for street in shape.streets:
        name = f"中共{shape.names[street]}工作委员会"
        yield node("PartyOrganization", f"{street}-po", name=name, type="COMMITTEE")
        yield rel("UNDER", f"{street}-po", top)
        name = f"{shape.names[street]}机关党支部"
        yield node("PartyOrganization", f"{street}-u-po", name=name, type="BRANCH")
        yield rel("OF", f"{street}-u-po", f"{street}-u")
        yield rel("UNDER", f"{street}-u-po", f"{street}-po")
    for community, street_index in shape.communities:
        name = f"中共{shape.names[community]}委员会"
        yield node("PartyOrganization", f"{community}-po", name=name, type="COMMITTEE")
        yield rel("LEADS", f"{community}-po", community)
        yield rel("UNDER", f"{community}-po", f"{shape.streets[street_index]}-po")
    for place in shape.grids:
        branch = f"{place.id}-po"
        name = shape.names[place.id]
        if place.level == "COMMUNITY":
            name = shape.names[place.community] + name
        name += "党支部"
        yield node("PartyOrganization", branch, name=name, type="GRID_BRANCH")
        yield rel("LEADS", branch, place.id)
        yield rel("UNDER", branch, f"{place.community}-po")


def _leaders(s: Seeder, shape: Shape) -> Iterator[Record]:
    """District leaders contact (包联) communities, sit in their joint meetings, visit homes."""
    bodies = []
    for b, (name, _) in enumerate(BODIES, start=1):
        unit = s.id(f"lead{b}")
        bodies.append(unit)
        yield node("Unit", unit, name=name, category="OTHER", level="DISTRICT")
        yield node("PartyOrganization", f"{unit}-po", name="机关党支部", type="BRANCH")
        yield rel("OF", f"{unit}-po", unit)
        yield rel("UNDER", f"{unit}-po", s.id("po"))
    leaders = [s.id(f"l{i + 1:02d}") for i in range(_n(s, "district_leaders"))]
    for i, leader in enumerate(leaders):
        body, post, rank = POSTS[i] if i < len(POSTS) else (i % 4, "区级领导", "DIVISION")
        yield node(
            "Person",
            leader,
            name=s.person(),
            partyMember=True,
            cadre=True,
            rank=rank,
            post=post,
            gender="女" if s.chance(0.25) else "男",
        )
        yield rel("WORKS_AT", leader, bodies[body])
        yield rel("MEMBER_OF", leader, f"{bodies[body]}-po")
    communities = [c for c, _ in shape.communities]
    contacts: dict[str, list[str]] = {}
    for i in range(max(len(leaders), len(communities))):
        leader, community = leaders[i % len(leaders)], communities[i % len(communities)]
        contacts.setdefault(community, []).append(leader)
        since = s.date(dt.date(2023, 2, 1), dt.date(2023, 3, 31))
        yield rel("CONTACTS", leader, community, since=since)
    # Joint meetings (社区联席会议) the contact leader sat in, monthly in turn; home visits.
    grids_of: dict[str, list[str]] = {}
    for place in shape.grids:
        grids_of.setdefault(place.community, []).append(place.id)
    meetings = _n(s, "leader_joint_meetings", 6)
    for i in range(meetings):
        community = communities[i % len(communities)]
        meeting = s.id(f"jm{i + 1:04d}")
        date = s.date(dt.date(2023, 3, 1), dt.date(2024, 8, 31))
        yield node(
            "Activity", meeting, name="社区联席会议", type="JOINT_MEETING", date=date, hours=2.0
        )
        yield rel("IN", meeting, community)
        leader = contacts[community][i // len(communities) % len(contacts[community])]
        yield rel("ATTENDED", leader, meeting, hours=2.0)
    for i in range(_n(s, "leader_visits")):
        community = communities[i % len(communities)]
        visit = s.id(f"vs{i + 1:04d}")
        spot = s.rng.choice(grids_of.get(community) or [community])
        date = s.date(dt.date(2023, 3, 1), dt.date(2024, 8, 31))
        yield node("Activity", visit, name="“四不两直”走访居民", type="VISIT", date=date, hours=1.0)
        yield rel("IN", visit, spot)
        leader = contacts[community][i % len(contacts[community])]
        yield rel("ATTENDED", leader, visit, hours=1.0)


def _departments(s: Seeder, shape: Shape) -> Iterator[Record]:
    """Departments: pairing, projects, evaluations, red assault teams, in-service members
    (dual reporting, micro-wishes, the snow clearing of December 2023)."""
    committee = s.id("po-jg")
    yield node("PartyOrganization", committee, name="市南区直属机关工作委员会", type="COMMITTEE")
    yield rel("UNDER", committee, s.id("po"))
    count = _n(s, "departments")
    for d in range(count):
        name, category = DEPARTMENTS[d] if d < len(DEPARTMENTS) else (f"区直单位{d + 1}", None)
        unit = s.id(f"u{d + 1:02d}")
        shape.departments.append(unit)
        shape.department_names[unit] = name
        if category:
            shape.responsible.setdefault(category, []).append(unit)
        yield node("Unit", unit, name=name, category="DEPARTMENT", level="DISTRICT")
        yield node("PartyOrganization", f"{unit}-po", name=f"{name}机关党支部", type="BRANCH")
        yield rel("OF", f"{unit}-po", unit)
        yield rel("UNDER", f"{unit}-po", committee)
    departments = shape.departments
    communities = [c for c, _ in shape.communities]

    # Pairing (结对共建): every department and every community at least once, then a second
    # community for about two in five departments.
    pairs: list[tuple[str, str]] = []
    paired: set[tuple[str, str]] = set()

    def pair(unit: str, community: str) -> None:
        if (unit, community) not in paired:
            paired.add((unit, community))
            pairs.append((unit, community))

    for i in range(max(len(departments), len(communities))):
        pair(departments[i % len(departments)], communities[i % len(communities)])
    for i in range(s.n(20, minimum=0)):
        pair(
            departments[(i * 5 + 2) % len(departments)],
            communities[(i * 7 + 11) % len(communities)],
        )
    shape.pairs = pairs
    first_pair: dict[str, str] = {}
    for unit, community in pairs:
        first_pair.setdefault(unit, community)
        yield rel(
            "PAIRED_WITH", unit, community, since=s.date(dt.date(2023, 3, 1), dt.date(2023, 4, 30))
        )
        # Communities evaluate their paired departments every half year.
        for period in PERIODS:
            score = round(s.rng.triangular(72, 99, 91), 1)
            yield rel("EVALUATED", community, unit, period=period, score=score)

    # Co-building projects (结对共建项目), one per pairing in turn.
    for p in range(_n(s, "projects")):
        unit, community = pairs[p % len(pairs)]
        category, title = PROJECTS[s.rng.randrange(len(PROJECTS))]
        project = s.id(f"pj{p + 1:03d}")
        start = dt.date(2023, 4, 1) + dt.timedelta(days=s.rng.randint(0, 420))
        status = "COMPLETED" if start < dt.date(2023, 12, 1) else "IN_PROGRESS"
        if s.chance(0.05):
            status = "PLANNED"
        yield node(
            "Project",
            project,
            name=f"{shape.names[community]}{title}项目",
            category=category,
            status=status,
            startDate=start.isoformat(),
            endDate=(start + dt.timedelta(days=s.rng.randint(60, 240))).isoformat(),
            budget=float(s.rng.randint(2, 40) * 5000),
        )
        yield rel("BY", project, unit)
        yield rel("FOR", project, community)

    # In-service members (在职党员): member i works at department i mod D.
    reported = _n(s, "reported_members")
    total = reported + _n(s, "unreported_members")
    homes = [Place(c, c, street, None) for c, street in shape.communities]
    homes += shape.grids + shape.buildings
    staff: dict[str, list[str]] = {unit: [] for unit in departments}
    reporters: list[tuple[str, Place]] = []
    for i in range(total):
        person = s.id(f"p{i + 1:05d}")
        unit = departments[i % len(departments)]
        staff[unit].append(person)
        home = s.rng.choice(homes)
        name, cadre = s.person(), s.chance(0.35)  # drawn in this order, as always
        yield node(
            "Person",
            person,
            name=name,
            partyMember=True,
            cadre=cadre,
            rank=s.rng.choice(("SECTION", "STAFF", "STAFF", "STAFF")),
            gender="女" if s.chance(0.45) else "男",
        )
        yield rel("WORKS_AT", person, unit)
        yield rel("MEMBER_OF", person, f"{unit}-po")
        yield rel("RESIDES_IN", person, home.id)
        # Who has not reported: spread evenly over the list (and so over the departments).
        reports = not one_in(i, (total - reported) / total)
        shape.members.append(Member(person, unit, home, cadre, reports))
        if reports:
            on = s.date(dt.date(2023, 3, 1), dt.date(2024, 8, 31))
            yield rel("REPORTED_TO", person, home.community, on=on)
            reporters.append((person, home))

    # Micro-wishes (微心愿): posted where the claiming member lives; most are fulfilled.
    claimed = _n(s, "wishes_claimed", 30)
    for w in range(claimed + s.n(70)):
        wish = s.id(f"w{w + 1:04d}")
        created = dt.date(2023, 3, 1) + dt.timedelta(days=s.rng.randint(0, 500))
        if w < claimed:
            person, home = reporters[(w * 37) % len(reporters)]
            claimed_on = created + dt.timedelta(days=s.rng.randint(0, 10))
            fulfilled = w % 80 != 79
            status = "FULFILLED" if fulfilled else "CLAIMED"
            place = home.id if home.level != "BUILDING" else home.community
        else:
            status, place = "OPEN", s.rng.choice(communities)
        content = s.rng.choice(WISHES)
        yield node(
            "Wish",
            wish,
            name=content,
            status=status,
            createdOn=created.isoformat(),
            content=content,
        )
        yield rel("IN", wish, place)
        if status != "OPEN":
            props = {"on": claimed_on.isoformat()}
            if status == "FULFILLED":
                props["fulfilledOn"] = (
                    claimed_on + dt.timedelta(days=s.rng.randint(1, 30))
                ).isoformat()
            yield rel("CLAIMED", person, wish, **props)

    # Red assault teams (红色突击队): team t of department t mod D, members from its staff.
    teams = _n(s, "red_assault_teams")
    for t in range(teams):
        unit = departments[t % len(departments)]
        order = t // len(departments)  # the department's first, second… team
        team = s.id(f"rt{t + 1:02d}")
        name = shape.department_names[unit] + ("" if order == 0 else f"第{order + 1}")
        yield node("VolunteerTeam", team, name=f"{name}红色突击队", kind="RED_ASSAULT")
        yield rel("OF", team, unit)
        for person in staff[unit][order::2][:25]:
            yield rel("VOLUNTEERS_IN", person, team)

    # The snow clearing of December 2023 (寒潮暴雪, 除雪清冰): the first 1,978 members, each in
    # the activity of their department in its first paired community.
    for unit in departments:
        activity = f"{unit}-snow"
        date = s.date(dt.date(2023, 12, 19), dt.date(2023, 12, 23))
        yield node(
            "Activity",
            activity,
            name="除雪清冰志愿服务",
            type="VOLUNTEER_SERVICE",
            date=date,
            hours=4.0,
        )
        yield rel("IN", activity, first_pair[unit])
    for i in range(min(_n(s, "snow_clearing_members"), total)):
        person = s.id(f"p{i + 1:05d}")
        unit = departments[i % len(departments)]
        yield rel("ATTENDED", person, f"{unit}-snow", hours=float(s.rng.randint(3, 6)))


def _street_cadres(s: Seeder, shape: Shape) -> Iterator[Record]:
    """Street cadres (街道处级干部) contact every compound and community grid of their street."""
    cadres = _n(s, "street_cadres")
    by_street: list[list[Place]] = [[] for _ in shape.streets]
    for place in shape.grids:
        by_street[place.street].append(place)
    shares = _apportion(cadres, [len(grids) for grids in by_street])
    c = 0
    for street_index, (grids, share) in enumerate(zip(by_street, shares, strict=True)):
        street = shape.streets[street_index]
        people = []
        for _ in range(share):
            c += 1
            person = s.id(f"sc{c:03d}")
            people.append(person)
            yield node(
                "Person",
                person,
                name=s.person(),
                partyMember=True,
                cadre=True,
                rank="DIVISION",
                gender="女" if s.chance(0.3) else "男",
            )
            yield rel("WORKS_AT", person, f"{street}-u")
            yield rel("MEMBER_OF", person, f"{street}-u-po")
        if not people or not grids:
            continue
        for i in range(max(len(people), len(grids))):
            since = s.date(dt.date(2023, 2, 1), dt.date(2023, 4, 30))
            yield rel("CONTACTS", people[i % len(people)], grids[i % len(grids)].id, since=since)
            shape.contacts.append((people[i % len(people)], grids[i % len(grids)]))


def _apportion(total: int, weights: list[int]) -> list[int]:
    """`total` split in proportion to `weights` (largest remainders), at least 1 where the
    weight is not 0 and there is enough to go round."""
    weight = sum(weights)
    if weight == 0:
        return [0 for _ in weights]
    exact = [total * w / weight for w in weights]
    shares = [int(x) for x in exact]
    order = sorted(range(len(weights)), key=lambda i: (-(exact[i] - shares[i]), i))
    for i in order[: total - sum(shares)]:
        shares[i] += 1
    for i, w in enumerate(weights):
        if w and shares[i] == 0:
            donor = max(range(len(shares)), key=lambda j: (shares[j], -j))
            if shares[donor] > 1:
                shares[donor] -= 1
                shares[i] = 1
    return shares


def _requests(s: Seeder, shape: Shape) -> Iterator[Record]:
    """Requests raised in grids and compounds, January 2023 to August 2024."""
    total = s.n(round(FIGURES["requests_handled"] / REQUEST_SAMPLE))
    in_2023 = round(total * 12 / 20)
    categories = list(REQUESTS)
    end_2024 = dt.datetime(2024, 9, 1, tzinfo=dt.UTC)
    for i in range(total):
        request = s.id(f"r{i + 1:05d}")
        first_year = i < in_2023
        index = i if first_year else i - in_2023
        start = _year_start(2023 if first_year else 2024)
        raised = s.instant(start, _year_start(2024) if first_year else end_2024)
        rate = RETURN_RATE_2023 if first_year else RETURN_RATE_2024
        place = s.rng.choice(shape.grids)
        category = s.rng.choices(categories, weights=REQUEST_WEIGHTS)[0]
        due = raised + dt.timedelta(days=7)
        props: dict[str, object] = {
            "name": s.rng.choice(REQUESTS[category]),
            "category": category,
            "raisedAt": iso(raised),
            "dueAt": iso(due),
            "level": 0,
        }
        street = shape.streets[place.street]
        office = shape.street_units[place.street]
        chain: list[tuple[str, int, dt.datetime]] = []
        if one_in(index, rate):
            returned = raised + dt.timedelta(hours=s.rng.randint(2, 48))
            props.update(
                status="RETURNED",
                returnedAt=iso(returned),
                returnReason=s.rng.choice(RETURN_REASONS),
            )
        else:
            # Most are settled in the grid; some are whistled up to the street (吹哨), and
            # some of those on to the department concerned (部门报到).
            if s.chance(0.14):
                chain.append((street, 1, raised + dt.timedelta(hours=s.rng.randint(1, 24))))
                units = shape.responsible.get(category)
                if units and s.chance(0.4):
                    at = chain[-1][2] + dt.timedelta(hours=s.rng.randint(2, 48))
                    chain.append((s.rng.choice(units), 3, at))
            props["level"] = max((lvl for _, lvl, _ in chain), default=0)
            hours = s.rng.randint(2, 100) + 60 * len(chain)
            if s.chance(0.06):
                hours += 24 * 7  # late
            closed = raised + dt.timedelta(hours=hours)
            if closed >= end_2024 - dt.timedelta(days=1):
                props["status"] = "ESCALATED" if chain else "OPEN"
            else:
                props.update(
                    status="CLOSED",
                    closedAt=iso(closed),
                    satisfaction=s.rng.choices((5, 4, 3, 2), weights=(70, 22, 6, 2))[0],
                )
        yield node("Request", request, **props)
        yield rel("IN", request, place.id)
        # First responsible (首问负责): the first unit the request was handed to, the street
        # office, or the department concerned when the platform (12345) sent it straight there.
        units = shape.responsible.get(category)
        first = s.rng.choice(units) if units and s.chance(0.3) else office
        yield rel("FIRST_RESPONSIBLE", request, first)
        for target, level, at in chain:
            yield rel("ESCALATED_TO", request, target, level=level, at=iso(at))
