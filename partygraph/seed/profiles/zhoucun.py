"""Zibo Zhoucun district (淄博市周村区), report 002: "支部建在网格，干部沉到一线".

486 basic grids (基础网格, level COMMUNITY): 303 urban grids in the communities of the five
streets, 183 rural grids in the villages of the four towns. A functional party branch
(功能型党支部) leads every grid; its secretary is a cadre (机关党员干部): for an urban grid one
from a district department (区直部门单位), for a rural grid one from the town (镇/街道) the grid
lies in (包村干部). Every cadre living in the district is assigned to the grid they live in
(RESIDES_IN, SERVES as CADRE, MEMBER_OF the grid's functional branch); volunteers (doctors,
teachers, company staff, delivery riders, residents) serve their grid as VOLUNTEER.

The standard is at least 6 cadres and 30 volunteers per grid. Weak grids (mostly rural ones
with few resident cadres) get cadres sent from elsewhere in their town (就近统一调配: they
SERVES the weak grid as CADRE besides their own). The report says every grid meets the
standard; this profile keeps a few grids still below it, so the coverage check has something
to find: UNDERSTAFFED_* below, counted exactly as coverageGaps.gridsUnderStaffed counts
(distinct cadre=true residents of the grid and persons serving it as CADRE; distinct persons
serving it as VOLUNTEER).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from partygraph.seed.profiles.common import Record, Seeder, node, rel

FIGURES: dict[str, int | float] = {
    "grids": 486,  # 全区划分为 486 个基础网格
    "urban_grids": 303,  # 其中 303 个城市社区网格逐一建立功能型党支部
    "rural_grids": 183,  # 183 个农村网格由镇(街道)包村党员干部指导
    "branch_secretaries": 486,  # 共确定功能型党支部书记 486 名
    "secretaries_from_departments": 303,  # 其中区直部门单位党员干部 303 名
    "secretaries_from_towns": 183,  # 镇(街道)党员干部 183 名
    "secretaries_deputy_section_or_above": 182,  # 副科级以上干部 182 名
    "cadres": 5000,  # 在周村辖区内居住的 5000 余名党员干部全部编入网格 (+)
    "volunteers": 15000,  # 已凝聚各类志愿服务力量超过 1.5 万人 (+)
    "min_cadres": 6,  # 确保每个网格至少有 6 名以上机关党员干部
    "min_volunteers": 30,  # 30 名以上志愿者
}

# Profile choices at scale 1.
CADRES = 5086  # persons with cadre=true, each living in a grid of the district
VOLUNTEERS = 15230
URBAN_COMMUNITIES = 61
VILLAGES = 150  # 183 rural grids in 150 villages
# Grids below the standard (the report's "确保" is a target): short of cadres only, of
# volunteers only, and of both. 21 at scale 1.
UNDERSTAFFED_CADRES = 13
UNDERSTAFFED_VOLUNTEERS = 6
UNDERSTAFFED_BOTH = 2
MIN_CADRES = 6
MIN_VOLUNTEERS = 30

STREETS = ("丝绸路街道", "大街街道", "青年路街道", "永安街街道", "城北路街道")
TOWNS = ("北郊镇", "南郊镇", "王村镇", "萌水镇")
COMMUNITY_WORDS = (
    "凤鸣",
    "荣和",
    "丝绸",
    "正阳",
    "新建",
    "东门",
    "西门",
    "北门",
    "南门",
    "青年",
    "永安",
    "大街",
    "银子市",
    "商城",
    "文昌",
    "朝阳",
    "光明",
    "和平",
    "香园",
    "锦绣",
    "汇龙",
    "玉龙",
    "樱园",
    "桃园",
    "福园",
    "康乐",
    "盛世",
    "书香",
    "于家",
    "恒泰",
)
VILLAGE_WORDS = (
    "王",
    "李",
    "张",
    "刘",
    "孙",
    "马",
    "邢",
    "韩",
    "萌",
    "南",
    "北",
    "东",
    "西",
    "前",
    "后",
    "大",
    "小",
    "河",
    "山",
    "石",
    "柳",
    "杏",
    "槐",
    "梨",
)
VILLAGE_ENDINGS = ("家村", "庄村", "家庄村", "家岭村", "峪村", "官村", "店村", "桥村")
DEPARTMENTS = (
    "区委办公室",
    "区政府办公室",
    "区委组织部",
    "区委宣传部",
    "区委统战部",
    "区委政法委",
    "区纪委监委",
    "区委编办",
    "区发展和改革局",
    "区教育和体育局",
    "区科技局",
    "区工业和信息化局",
    "区民政局",
    "区司法局",
    "区财政局",
    "区人力资源和社会保障局",
    "区住房和城乡建设局",
    "区交通运输局",
    "区农业农村局",
    "区水利局",
    "区商务局",
    "区文化和旅游局",
    "区卫生健康局",
    "区退役军人事务局",
    "区应急管理局",
    "区审计局",
    "区市场监督管理局",
    "区统计局",
    "区医疗保障局",
    "区综合行政执法局",
    "区行政审批服务局",
    "区信访局",
    "区大数据中心",
    "区机关事务服务中心",
    "区融媒体中心",
    "区总工会",
    "团区委",
    "区妇联",
    "区科协",
    "区残联",
    "区人民法院",
    "区人民检察院",
    "市公安局周村分局",
    "市自然资源和规划局周村分局",
    "市生态环境局周村分局",
)
CITY_UNITS = (
    "淄博市委组织部",
    "淄博市住房和城乡建设局",
    "淄博市教育局",
    "淄博市卫生健康委员会",
    "淄博市交通运输局",
    "淄博市市场监督管理局",
    "淄博市税务局周村分局",
    "淄博市供电公司周村供电中心",
)
VOLUNTEER_UNITS = (
    ("周村区人民医院", "HOSPITAL"),
    ("周村区中医院", "HOSPITAL"),
    ("周村区实验小学", "SCHOOL"),
    ("周村区第一中学", "SCHOOL"),
    ("丝绸路小学", "SCHOOL"),
    ("周村古商城旅游公司", "STATE_ENTERPRISE"),
    ("同城外卖周村站", "ENTERPRISE"),
    ("周村快递网点联合党支部", "ENTERPRISE"),
)


@dataclass
class Grid:
    id: str
    name: str
    rural: bool
    street: int  # index of its street or town unit
    branch: str
    residents: list[str] = field(default_factory=list)  # cadres living here
    sent: list[str] = field(default_factory=list)  # cadres sent here from elsewhere


def distribute(seeder: Seeder, minimums: list[int], weights: list[float], total: int) -> list[int]:
    """Each bucket its minimum, the rest of `total` spread by weight (never below minimum)."""
    counts = list(minimums)
    rest = total - sum(counts)
    if rest > 0:
        chosen = [i for i, w in enumerate(weights) if w > 0]
        picks = seeder.rng.choices(chosen, [weights[i] for i in chosen], k=rest)
        for i in picks:
            counts[i] += 1
    return counts


def understaffed_plan(s: Seeder, urban: int, rural: int) -> tuple[set[int], set[int]]:
    """(grids short of cadres, grids short of volunteers), by index, rural grids first.

    Cadre-short grids are rural (few cadres live in villages); volunteer-short ones urban."""
    only_cadres = s.n(UNDERSTAFFED_CADRES, minimum=0)
    only_volunteers = s.n(UNDERSTAFFED_VOLUNTEERS, minimum=0)
    both = s.n(UNDERSTAFFED_BOTH, minimum=0)
    rng = s.rng
    rural_ids = list(range(rural))
    urban_ids = list(range(rural, rural + urban))
    short_cadres = rng.sample(rural_ids, min(rural, only_cadres + both))
    short_volunteers = rng.sample(urban_ids, min(urban, only_volunteers))
    short_volunteers += short_cadres[:both]
    return set(short_cadres), set(short_volunteers)


def generate(scale: float = 1.0, seed: int = 1) -> Iterator[Record]:
    s = Seeder("zc", scale, seed)
    rng = s.rng
    used: set[str] = set()

    def unique(words: tuple[str, ...], endings: tuple[str, ...]) -> str:
        for _ in range(30):
            name = rng.choice(words) + rng.choice(endings)
            if name not in used:
                used.add(name)
                return name
        name = f"{rng.choice(words)}{len(used)}{rng.choice(endings)}"
        used.add(name)
        return name

    district = s.id("d")
    yield node("District", district, name="周村区", code="370306")

    # ---- units: district departments, city units, street/town offices; their branches --------
    units: list[tuple[str, str, str]] = []  # (id, name, level)
    for name in DEPARTMENTS:
        units.append((s.id("u", len(units) + 1), name, "DISTRICT"))
    for name in CITY_UNITS:
        units.append((s.id("u", len(units) + 1), name, "CITY"))
    departments = [u for u, _, level in units if level == "DISTRICT"]
    city_units = [u for u, _, level in units if level == "CITY"]
    streets = [s.id("s", i + 1) for i in range(min(s.n(5), len(STREETS)))]
    towns = [s.id("t", i + 1) for i in range(min(s.n(4), len(TOWNS)))]
    areas = [(sid, STREETS[i], "办事处") for i, sid in enumerate(streets)]
    areas += [(tid, TOWNS[i], "人民政府") for i, tid in enumerate(towns)]
    offices: list[str] = []  # the street/town office of each area, same order
    for area_id, name, office in areas:
        yield node("Street", area_id, name=name)
        yield rel("IN", area_id, district)
        uid = f"{area_id}-u"
        offices.append(uid)
        units.append((uid, f"周村区{name}{office}", "STREET"))
    for uid, name, level in units:
        yield node("Unit", uid, name=name, category="DEPARTMENT", level=level)
        yield node("PartyOrganization", f"{uid}-po", name=f"{name}机关党支部", type="BRANCH")
        yield rel("OF", f"{uid}-po", uid)
    volunteer_units = []
    for i, (name, category) in enumerate(VOLUNTEER_UNITS, 1):
        uid = s.id("v", i)
        volunteer_units.append(uid)
        yield node("Unit", uid, name=name, category=category, level="DISTRICT")

    # ---- communities and villages, their grids and functional branches ---------------------
    urban_total, rural_total = s.n(303), s.n(183)
    grids: list[Grid] = []  # rural grids first, then urban (the plan indexes them so)
    places: list[tuple[str, str, bool, int, str]] = []  # (id, name, rural, area index, org)
    village_count = min(s.n(VILLAGES), rural_total)
    community_count = min(s.n(URBAN_COMMUNITIES), urban_total)
    for i, count in enumerate(s.spread(village_count, len(towns))):
        for _ in range(count):
            cid = s.id("cv", len(places) + 1)
            places.append(
                (cid, unique(VILLAGE_WORDS, VILLAGE_ENDINGS), True, len(streets) + i, f"{cid}-po")
            )
    first_urban = len(places)
    for i, count in enumerate(s.spread(community_count, len(streets))):
        for _ in range(count):
            cid = s.id("c", len(places) - first_urban + 1)
            places.append((cid, unique(COMMUNITY_WORDS, ("社区",)), False, i, f"{cid}-po"))
    rural_places = places[:first_urban]
    urban_places = places[first_urban:]
    for cid, name, rural, area, org in places:
        yield node(
            "Community",
            cid,
            name=name,
            households=rng.randint(300, 900) if rural else rng.randint(1500, 4500),
            area="RURAL" if rural else "URBAN",
        )
        yield rel("IN", cid, areas[area][0])
        if rural:
            kind, org_name = (
                ("BRANCH", f"{name}党支部")
                if rng.random() < 0.7
                else ("GENERAL_BRANCH", f"{name}党总支")
            )
        else:
            kind, org_name = "COMMITTEE", f"{name}党委"
        yield node("PartyOrganization", org, name=org_name, type=kind)
        yield rel("LEADS", org, cid)
    for group, total in ((rural_places, rural_total), (urban_places, urban_total)):
        for (cid, name, rural, area, org), count in zip(
            group, s.partition(total, len(group), spread=0.5), strict=True
        ):
            for k in range(1, count + 1):
                gid = f"{cid}-g{k:02d}"
                grid = Grid(gid, f"{name}第{k}网格", rural, area, f"{gid}-po")
                grids.append(grid)
                yield node(
                    "Grid",
                    gid,
                    name=grid.name,
                    level="COMMUNITY",
                    kind="COMPREHENSIVE",
                    area="RURAL" if rural else "URBAN",
                )
                yield rel("IN", gid, cid)
                yield node(
                    "PartyOrganization",
                    grid.branch,
                    name=f"{grid.name}功能型党支部",
                    type="FUNCTIONAL_BRANCH",
                )
                yield rel("LEADS", grid.branch, gid)
                yield rel("UNDER", grid.branch, org)

    # ---- how many cadres live in each grid, who is sent where ------------------------------
    rural_n = sum(g.rural for g in grids)
    short_cadres, short_volunteers = understaffed_plan(s, len(grids) - rural_n, rural_n)
    minimums, weights, sent_need = [], [], []
    for i, grid in enumerate(grids):
        if i in short_cadres:  # few cadres live here, none sent yet
            minimums.append(rng.randint(2, MIN_CADRES - 1))
            weights.append(0.0)
            sent_need.append(0)
        elif grid.rural and rng.random() < 0.35:  # weak grid, topped up from its town
            living = rng.randint(1, MIN_CADRES - 1)
            minimums.append(living)
            weights.append(0.0)
            sent_need.append(MIN_CADRES - living + rng.randint(0, 2))
        else:
            minimums.append(MIN_CADRES)
            weights.append(0.3 if grid.rural else 1.0)
            sent_need.append(0)
    living_counts = distribute(s, minimums, weights, max(s.n(CADRES), sum(minimums)))

    # Cadres: the first one living in each grid is its functional branch's secretary.
    senior = set(rng.sample(range(len(grids)), min(len(grids), s.n(182, minimum=0))))
    people = 0

    def person_id() -> str:
        nonlocal people
        people += 1
        return s.id("p", f"{people:05d}")

    for i, (grid, living) in enumerate(zip(grids, living_counts, strict=True)):
        office = offices[grid.street]
        for j in range(living):
            pid = person_id()
            grid.residents.append(pid)
            if j == 0:
                # The secretary: from the town office for a rural grid (包村干部), from a
                # district department for an urban one; 182 of them deputy section or above.
                unit = office if grid.rural else departments[i % len(departments)]
                rank = "STAFF"
                if i in senior:
                    rank = "DIVISION" if rng.random() < 0.08 else "SECTION"
            else:
                roll = rng.random()
                unit = (
                    departments[rng.randrange(len(departments))]
                    if roll < 0.7
                    else city_units[rng.randrange(len(city_units))]
                    if roll < 0.85
                    else office
                )
                rank = "SECTION" if rng.random() < 0.12 else "STAFF"
            yield node(
                "Person",
                pid,
                name=s.person(),
                gender="男" if rng.random() < 0.6 else "女",
                partyMember=True,
                cadre=True,
                rank=rank,
            )
            yield rel("WORKS_AT", pid, unit)
            yield rel("MEMBER_OF", pid, f"{unit}-po")
            yield rel("RESIDES_IN", pid, grid.id)
            yield rel("SERVES", pid, grid.id, role="CADRE")
            yield rel("MEMBER_OF", pid, grid.branch)
            if j == 0:
                yield rel("SITS_ON", pid, grid.branch, role="SECRETARY")
    # 就近统一调配: cadres living in well-staffed grids of the same town (or, failing that,
    # anywhere) also serve a weak grid.
    donors_by_area: dict[int, list[str]] = {}
    for grid, living in zip(grids, living_counts, strict=True):
        if living > MIN_CADRES:
            donors_by_area.setdefault(grid.street, []).extend(grid.residents[1:])
    everyone = [p for group in donors_by_area.values() for p in group]
    for grid, need in zip(grids, sent_need, strict=True):
        if not need:
            continue
        pool = donors_by_area.get(grid.street, [])
        if len(pool) < need:
            pool = everyone
        for pid in rng.sample(pool, min(need, len(pool))):
            grid.sent.append(pid)
            yield rel("SERVES", pid, grid.id, role="CADRE")
            yield rel("MEMBER_OF", pid, grid.branch)

    # ---- grid workers and volunteers -------------------------------------------------------
    for grid in grids:
        pid = person_id()
        yield node(
            "Person",
            pid,
            name=s.person(),
            gender="女" if rng.random() < 0.6 else "男",
            partyMember=rng.random() < 0.5,
            cadre=False,
        )
        yield rel("RESIDES_IN", pid, grid.id)
        yield rel("SERVES", pid, grid.id, role="GRID_WORKER")
    v_minimums = [
        rng.randint(18, MIN_VOLUNTEERS - 1) if i in short_volunteers else MIN_VOLUNTEERS
        for i in range(len(grids))
    ]
    v_weights = [
        0.0 if i in short_volunteers else 0.7 if g.rural else 1.0 for i, g in enumerate(grids)
    ]
    volunteer_counts = distribute(s, v_minimums, v_weights, max(s.n(VOLUNTEERS), sum(v_minimums)))
    for grid, count in zip(grids, volunteer_counts, strict=True):
        for _ in range(count):
            pid = person_id()
            party = rng.random() < 0.25
            yield node(
                "Person",
                pid,
                name=s.person(),
                gender="女" if rng.random() < 0.55 else "男",
                partyMember=party,
                cadre=False,
            )
            yield rel("SERVES", pid, grid.id, role="VOLUNTEER")
            roll = rng.random()
            if roll < 0.8:  # most volunteers live in the grid they serve
                yield rel("RESIDES_IN", pid, grid.id)
            if roll > 0.85:  # doctors, teachers, company staff, delivery riders
                yield rel("WORKS_AT", pid, volunteer_units[rng.randrange(len(volunteer_units))])
