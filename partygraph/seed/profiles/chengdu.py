"""Chengdu (成都), report 004: "五联" — a whole city, the size at which performance is measured.

联管 (joint management): the party tree city → 22 district (county) committees → 136 street
party working committees → 797 community committees (a few general branches, 党总支, such as
清源社区), and compound party branches (小区党支部) under the community committees.
联建 (joint building): 3,500+ part-time committee members (兼职委员), heads of the party
organisations of resident units (驻区单位, 两新组织, 物业, 业委会), sit on street and community
committees. 联结 (interest linkage): 1,000+ units open resources (共享资源清单); communities
publish a demand "menu" (需求清单) that units take orders from (接单); each unit–community
pairing carries a service-project responsibility book (服务项目责任书). 联动 (responsibility
linkage): communities and units evaluate each other every half year (双向评议), and street
joint meetings (党建联席会议) and community councils (居民议事会) bring the members together.

The 96,000 benefit projects (惠民项目9.6万个) are all generated: together with the
responsibility books they are the `Project` nodes, exactly 96,000 at scale 1. A benefit project
is carried out by the community on the city's special fund (城乡社区发展治理专项资金), so it
has only `FOR` its community (no `BY`), its funding department in the undeclared property
`fundSource`; that keeps it at two records, so the whole profile stays under 400,000 records.

Things the report does not count are sampled at a realistic shape but not a realistic density:
3–6 community grids a community, 0–3 compounds a community grid, 1–4 building micro-grids a
compound; about 20 residents a community (party members, in-service members who reported,
other residents) rather than thousands; 4–8 demands a community. The report's named examples
(致强社区 in 青龙街道, 清源社区 and 西华门社区 with its 党建文博联盟 in 青羊区, 黉门街社区
paired with 华西医院 in 武侯区) appear when their district is in the scaled city; the street a
named community is put in is a position, not a claim about the real map.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

from partygraph.seed.profiles.common import Record, Seeder, node, rel

FIGURES: dict[str, int | float] = {
    # "全市22个区(市)县、136个街道、797个社区与驻区单位开展双向评议"
    "districts": 22,
    "streets": 136,
    "communities": 797,
    # "全市136个街道,797个社区的3500余名兼职委员在街道社区党组织中发挥作用" (3,500+)
    "part_time_members": 3500,
    # "指导全市1000余家企事业单位将公共资源向社区居民群众开放" (1,000+)
    "units_with_resources": 1000,
    # "实施惠民项目9.6万个"
    "benefit_projects": 96000,
    # "已投入资金上百亿元" (10 billion yuan+): the budgets of the projects
    "funding_yuan": 10_000_000_000,
    # "把政法、民政、文化等20多个部门投向社区的项目资金统筹起来" (20+ funding departments)
    "funding_departments": 20,
    # every community took part in the two-way evaluation (双向评议), in each half year
    "evaluating_communities": 797,
}

DISTRICT_COUNT, STREET_COUNT, COMMUNITY_COUNT, PROJECTS = 22, 136, 797, 96000
# Above the "+" figures, as the report's "余" says.
PART_TIME_SEATS = 3562
UNITS = 1680  # resident units and departments in all; 1,046 of them open resources
OPENING_UNITS = 1046
STREET_SEAT_SHARE = 0.16  # of the part-time seats, on street party working committees
PERIODS = ("2017-H2", "2018-H1")
TODAY = dt.date(2018, 10, 31)  # the report's time: the graph stands as of this day

# (name, administrative code or "", streets at scale 1, core urban district, real street names)
DISTRICTS: list[tuple[str, str, int, bool, str]] = [
    (
        "锦江区",
        "510104",
        16,
        True,
        "春熙路 书院街 合江亭 水井坊 牛市口 督院街 盐市口 沙河 东光 狮子山 成龙路 柳江 "
        "三圣 锦华路 莲新 双桂路",
    ),
    (
        "青羊区",
        "510105",
        14,
        True,
        "少城 苏坡 太升路 草市街 西御河 新华西路 汪家拐 府南 光华 金沙 黄田坝 文家 蔡桥 东坡",
    ),
    (
        "金牛区",
        "510106",
        15,
        True,
        "西安路 抚琴 驷马桥 荷花池 营门口 茶店子 金泉 沙湾 九里堤 五块石 天回镇 西华 "
        "凤凰山 人民北路 马鞍",
    ),
    (
        "武侯区",
        "510107",
        13,
        True,
        "浆洗街 望江路 玉林 跳伞塔 火车南站 簇桥 红牌楼 机投桥 晋阳 金花桥 华兴 簇锦 双楠",
    ),
    (
        "成华区",
        "510108",
        14,
        True,
        "猛追湾 青龙 双桥子 府青路 二仙桥 跳蹬河 万年场 保和 白莲池 龙潭 双水碾 圣灯 桃蹊路 建设路",
    ),
    ("成都高新区", "", 8, True, "芳草 肖家河 桂溪 石羊 合作 西园 中和 新川"),
    ("四川天府新区成都直管区", "", 4, False, "华阳 万安 正兴 兴隆"),
    ("龙泉驿区", "510112", 5, False, "龙泉 大面 十陵 同安 东安"),
    ("青白江区", "510113", 4, False, "大弯 红阳 大同 弥牟"),
    ("新都区", "510114", 5, False, "新都 大丰 三河 新繁 桂湖"),
    ("温江区", "510115", 5, False, "柳城 公平 天府 涌泉 金马"),
    ("双流区", "510116", 6, False, "东升 西航港 九江 黄甲 怡心 协和"),
    ("郫都区", "510117", 4, False, "郫筒 犀浦 红光 安德"),
    ("简阳市", "510185", 4, False, "简城 射洪坝 东溪 养马"),
    ("都江堰市", "510181", 4, False, "幸福 灌口 奎光塔 银杏"),
    ("彭州市", "510182", 3, False, "天彭 致和 隆丰"),
    ("邛崃市", "510183", 3, False, "临邛 文君 羊安"),
    ("崇州市", "510184", 3, False, "崇阳 三江 江源"),
    ("金堂县", "510121", 2, False, "赵镇 淮口"),
    ("新津区", "510118", 2, False, "五津 花源"),
    ("大邑县", "510129", 1, False, "晋原"),
    ("蒲江县", "510131", 1, False, "鹤山"),
]


def _split(text: str) -> list[str]:
    return text.split()


# (district, street word) -> the report's community put first in that street
NAMED_COMMUNITIES: dict[tuple[str, str], str] = {
    ("成华区", "青龙"): "致强社区",
    ("青羊区", "苏坡"): "清源社区",
    ("青羊区", "少城"): "西华门社区",
    ("武侯区", "浆洗街"): "黉门街社区",
}
# the report's units, stationed in (paired with) its named communities
NAMED_UNITS: dict[str, list[tuple[str, str, str]]] = {
    "黉门街社区": [("四川大学华西医院", "HOSPITAL", "PROVINCE")],
    "西华门社区": [("四川省图书馆", "AGENCY", "PROVINCE"), ("成都博物馆", "AGENCY", "CITY")],
    "清源社区": [
        ("四川省收藏家协会", "SOCIAL_ORGANIZATION", "PROVINCE"),
        ("四川西部发展研究院", "SOCIAL_ORGANIZATION", "PROVINCE"),
    ],
    "致强社区": [("四川省住房和城乡建设厅", "AGENCY", "PROVINCE")],
}

WORDS = _split(
    "锦城 天府 蜀都 芙蓉 浣花 宽窄 文殊 青城 望江 合江 金沙 玉林 桂溪 交子 太古 春熙 红星 "
    "双林 府河 沙河 西岭 龙泉 凤凰 驷马 九眼桥 万象 丝路 蓉城 锦里 宝光 熊猫 三圣 天回 "
    "桐梓林 神仙树 紫荆 棕北 新鸿 东坡 光华 清水河 永丰 杜鹃 银杏 岷江 龙潭 十陵 大慈 草堂 "
    "琴台 百花 抚琴 营门 荷花 莲花 东湖 白果林 黄忠 府青 建设 双桥 猛追 万年 桃溪 升仙 北湖 "
    "人民 磨子 新南 晋阳 簇锦 太平园 通锦 星辉 花牌坊 茶店 金鱼 解放 文武 盐道 水碾 西安 "
    "营康 培华 永陵 光荣 羊市 马棚 府城 锦绣 和平 幸福 长顺 东门 南府 青华 五桂 望平"
)
DIRECTIONS = ("", "", "东", "西", "南", "北")
COMMUNITY_SUFFIXES = ("", "路", "路", "街", "里", "苑", "桥", "巷")
COMPOUND_SUFFIXES = ("花园", "小区", "家园", "苑", "院落", "名居", "雅居", "新村", "宿舍")

UNIT_CATEGORIES: list[tuple[str, float]] = [
    ("AGENCY", 0.07),
    ("DEPARTMENT", 0.10),
    ("STATE_ENTERPRISE", 0.12),
    ("ENTERPRISE", 0.30),
    ("SOCIAL_ORGANIZATION", 0.15),
    ("HOSPITAL", 0.06),
    ("SCHOOL", 0.14),
    ("OTHER", 0.06),
]
PROVINCE_AGENCIES = _split(
    "四川省疾病预防控制中心 四川省档案馆 四川省气象局 四川省水利厅 四川省交通运输厅 "
    "四川省统计局 四川省社会科学院 四川省农业科学院 四川省地质矿产勘查开发局 "
    "四川省林业和草原局 四川省文化和旅游厅 四川省科学技术厅 四川省生态环境厅 "
    "四川省自然资源厅 四川省总工会 四川省妇女联合会 四川省科学技术协会 四川省审计厅 "
    "四川省民政厅 四川省司法厅 四川省财政厅 四川省商务厅 四川省体育局 四川省机关事务管理局"
)
CITY_AGENCIES = _split(
    "成都图书馆 成都市规划和自然资源局 成都市住房和城乡建设局 成都市教育局 成都市民政局 "
    "成都市文化广电旅游局 成都市体育局 成都市国资委 成都市卫生健康委员会 成都市司法局 "
    "成都市总工会 团成都市委 成都市妇女联合会 成都市档案馆 成都市气象局 成都市城市管理委员会"
)
DISTRICT_AGENCIES = (
    "成都市公安局{d}分局",
    "国家税务总局成都市{d}税务局",
    "{d}消防救援大队",
    "{d}人民法院",
    "{d}人民检察院",
    "{d}烟草专卖局",
    "成都市公安局{d}分局{s}派出所",
    "国家税务总局成都市{d}税务局{s}税务所",
    "{d}人民法院{s}人民法庭",
    "{d}{s}司法所",
    "{d}{s}市场监督管理所",
)
OFFICES = (
    "{s}街道便民服务中心",
    "{s}街道综合行政执法队",
    "{s}街道退役军人服务站",
    "{s}街道劳动就业和社会保障服务所",
    "{s}街道社区发展治理办公室",
)
BUREAUS = _split(
    "民政局 财政局 教育局 卫生健康局 住房和城乡建设局 城市管理局 人力资源和社会保障局 "
    "市场监督管理局 司法局 文化体育和旅游局 生态环境局 应急管理局 退役军人事务局 "
    "商务局 统计局 审计局 规划和自然资源局 交通运输局 农业农村局 医疗保障局 "
    "社区发展治理和社会工作部 政务服务管理局 总工会 妇女联合会"
)
STATE_ENTERPRISES = (
    "中国移动成都{d}分公司",
    "中国电信成都{d}分公司",
    "中国联通成都{d}分公司",
    "国网成都{d}供电中心",
    "成都燃气{d}服务所",
    "成都自来水{d}营业所",
    "中国银行成都{s}支行",
    "中国工商银行成都{s}支行",
    "中国建设银行成都{s}支行",
    "中国农业银行成都{s}支行",
    "中国邮政成都{s}支局",
    "成都农商银行{s}支行",
)
INDUSTRIES = _split(
    "物业服务 商贸 科技 文化传媒 餐饮管理 建筑工程 信息技术 家政服务 物流 医药 "
    "教育咨询 酒店管理 房地产开发 养老服务 环保科技 旅游发展 食品 广告 软件 茶业"
)
SOCIAL_ORGS = (
    "{d}{w}社会工作服务中心",
    "成都市{w}志愿服务协会",
    "{d}{w}社区发展促进会",
    "成都{w}公益服务中心",
    "{d}{w}调解协会",
    "{s}商会",
)
HOSPITALS = (
    "{s}社区卫生服务中心",
    "{d}人民医院",
    "{d}中医医院",
    "{d}妇幼保健院",
    "成都{w}医院",
    "成都{w}口腔医院",
)
BIG_HOSPITALS = ("四川省人民医院", "成都市第一人民医院", "成都市第二人民医院", "成都市第三人民医院")
SCHOOLS = (
    "成都市{w}小学",
    "成都市{w}中学",
    "{d}{w}幼儿园",
    "{d}{w}实验学校",
    "成都{w}职业技术学校",
)
UNIVERSITIES = (
    "成都{w}职业技术学院",
    "四川大学",
    "电子科技大学",
    "西南交通大学",
    "西南财经大学",
    "成都理工大学",
    "四川师范大学",
    "成都中医药大学",
    "西南民族大学",
)
OTHERS = ("{c}{w}小区业主委员会", "{w}商圈商户联合会", "{c}物业管理委员会")

RESOURCE_PREFERENCES: dict[str, tuple[str, ...]] = {
    "AGENCY": ("VENUE", "EXPERTISE", "VOLUNTEERS", "TRAINING"),
    "DEPARTMENT": ("EXPERTISE", "LEGAL", "FUNDING", "VOLUNTEERS", "VENUE"),
    "STATE_ENTERPRISE": ("VENUE", "EQUIPMENT", "FUNDING", "VOLUNTEERS"),
    "ENTERPRISE": ("VENUE", "EQUIPMENT", "FUNDING", "VOLUNTEERS", "TRAINING"),
    "SOCIAL_ORGANIZATION": ("EXPERTISE", "VOLUNTEERS", "TRAINING", "LEGAL"),
    "HOSPITAL": ("MEDICAL", "MEDICAL", "TRAINING", "VENUE"),
    "SCHOOL": ("VENUE", "TRAINING", "VOLUNTEERS"),
    "OTHER": ("VENUE", "VOLUNTEERS"),
}
RESOURCE_NAMES: dict[str, tuple[str, ...]] = {
    "VENUE": ("篮球场错时开放", "会议室共享", "职工食堂向居民开放", "共享停车位", "图书室开放"),
    "EQUIPMENT": ("投影音响设备借用", "应急照明设备", "便民维修工具", "体检设备共享"),
    "EXPERTISE": ("规划设计咨询", "电梯加装技术指导", "心理咨询服务", "社区营造专业支持"),
    "VOLUNTEERS": ("党员志愿服务队", "青年志愿者服务", "周末清洁志愿行动"),
    "FUNDING": ("共建帮扶资金", "院落微更新资助", "社区文化活动赞助"),
    "TRAINING": ("职业技能培训", "智能手机使用培训", "坝坝党课与流动红色讲堂", "急救技能培训"),
    "MEDICAL": ("专家义诊", "慢病健康讲座", "家庭医生签约服务", "免费健康体检"),
    "LEGAL": ("法律顾问进社区", "物业纠纷法律咨询", "公益法律援助"),
}
DEMAND_NAMES: dict[str, tuple[str, ...]] = {
    "VENUE": ("居民议事会场地", "周末儿童活动场地", "老年人文体活动场地", "夜间停车位"),
    "EQUIPMENT": ("院落监控设备", "活动音响设备", "便民服务设施维修"),
    "EXPERTISE": ("老旧院落改造设计", "加装电梯技术咨询", "独居老人心理疏导"),
    "VOLUNTEERS": ("独居老人探访", "背街小巷清洁", "四点半课堂辅导"),
    "FUNDING": ("院落微更新经费", "社区文化节经费", "困难家庭帮扶资金"),
    "TRAINING": ("居民急救技能培训", "老年人智能手机培训", "再就业技能培训"),
    "MEDICAL": ("专家义诊进社区", "慢病管理讲座", "儿童口腔检查"),
    "LEGAL": ("物业矛盾法律咨询", "婚姻家庭法律讲座", "租赁纠纷调解"),
}
DEMAND_STATUSES = (("OPEN", 0.35), ("TAKEN", 0.25), ("DONE", 0.40))
BOOK_KINDS: dict[str, tuple[tuple[str, str], ...]] = {
    "AGENCY": (("组织联建共驻共建", "PARTY_BUILDING"), ("文化资源进社区", "CULTURE")),
    "DEPARTMENT": (("政策服务进社区", "LIVELIHOOD"), ("平安社区共建", "SAFETY")),
    "STATE_ENTERPRISE": (("便民服务进院落", "LIVELIHOOD"), ("就业岗位共享", "EMPLOYMENT")),
    "ENTERPRISE": (("院落环境共治", "ENVIRONMENT"), ("就业服务对接", "EMPLOYMENT")),
    "SOCIAL_ORGANIZATION": (("坝坝党课", "PARTY_BUILDING"), ("邻里互助服务", "LIVELIHOOD")),
    "HOSPITAL": (("专家义诊", "HEALTH"), ("畅行停共享停车", "LIVELIHOOD")),
    "SCHOOL": (("四点半课堂", "EDUCATION"), ("运动场地共享", "CULTURE")),
    "OTHER": (("业主议事协商", "LIVELIHOOD"), ("小区环境整治", "ENVIRONMENT")),
}
# (kind, category, lowest and highest budget in yuan)
BENEFIT_KINDS: list[tuple[str, str, int, int]] = [
    ("惠民超市", "LIVELIHOOD", 60_000, 260_000),
    ("社区长寿食坊", "ELDERLY", 80_000, 300_000),
    ("老旧院落改造", "ENVIRONMENT", 100_000, 400_000),
    ("背街小巷整治", "ENVIRONMENT", 50_000, 250_000),
    ("社区书屋", "CULTURE", 20_000, 90_000),
    ("儿童之家", "EDUCATION", 30_000, 120_000),
    ("日间照料中心", "ELDERLY", 80_000, 320_000),
    ("健身路径更新", "HEALTH", 20_000, 80_000),
    ("微型消防站", "SAFETY", 20_000, 70_000),
    ("就业服务站", "EMPLOYMENT", 30_000, 110_000),
    ("党群服务中心优化提升", "PARTY_BUILDING", 100_000, 350_000),
    ("邻里互助中心", "LIVELIHOOD", 30_000, 120_000),
    ("院落微更新", "ENVIRONMENT", 40_000, 160_000),
    ("社区文化节", "CULTURE", 10_000, 50_000),
    ("天网监控补点", "SAFETY", 30_000, 120_000),
    ("社区卫生服务站改造", "HEALTH", 60_000, 240_000),
]
FUND_SOURCES = _split(
    "市委政法委 市民政局 市文化广电旅游局 市教育局 市卫生健康委 市体育局 市住建局 "
    "市城管委 市人社局 市财政局 市司法局 市商务局 市生态环境局 市应急局 市妇联 市总工会 "
    "团市委 市残联 市退役军人事务局 市农业农村局 市医保局 市规划和自然资源局"
)


def _apportion(total: int, weights: Sequence[float], minimum: int = 1) -> list[int]:
    """`total` split in proportion to `weights` (largest remainder), each at least `minimum`
    when the total allows it."""
    k = len(weights)
    if k == 0:
        return []
    floor = minimum if total >= minimum * k else 0
    rest = total - floor * k
    whole = sum(weights)
    raw = [rest * w / whole for w in weights]
    counts = [int(r) for r in raw]
    order = sorted(range(k), key=lambda i: (counts[i] - raw[i], i))
    for i in order[: rest - sum(counts)]:
        counts[i] += 1
    return [floor + c for c in counts]


@dataclass
class Place:
    id: str
    name: str
    district: int  # index into the scaled district list
    street: int  # index into the flat street list
    households: int = 0
    word: str = ""  # a street's word, for placing the report's named communities
    org: str = ""
    grids: list[str] = field(default_factory=list)  # community grids
    compounds: list[tuple[str, str | None]] = field(default_factory=list)  # (grid, branch)
    buildings: list[tuple[str, str | None]] = field(default_factory=list)  # (grid, branch)
    compound_names: list[str] = field(default_factory=list)
    units: list[str] = field(default_factory=list)  # paired units


@dataclass
class UnitInfo:
    id: str
    name: str
    category: str
    home: int  # index of its home community
    org: str
    quality: float


Maker = Callable[[], tuple[str, str]]  # a random (name, level) candidate


class _Names:
    """Unique names drawn from patterns, with a numbered fallback."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def take(self, makers: Sequence[Maker], fallback: tuple[str, str]) -> tuple[str, str]:
        """The first unused candidate, trying each maker in turn."""
        for make in makers:
            for _ in range(25):
                name, level = make()
                if name not in self.used:
                    self.used.add(name)
                    return name, level
        number = 2
        while f"{fallback[0]}（{number}）" in self.used:
            number += 1
        self.used.add(f"{fallback[0]}（{number}）")
        return f"{fallback[0]}（{number}）", fallback[1]

    def reserve(self, name: str) -> str:
        self.used.add(name)
        return name


def _community_name(s: Seeder) -> str:
    word, suffix = s.rng.choice(WORDS), s.rng.choice(COMMUNITY_SUFFIXES)
    if suffix and word.endswith(suffix):
        suffix = ""
    return f"{word}{s.rng.choice(DIRECTIONS)}{suffix}社区"


def _joined(place: str, kind: str) -> str:
    """社区 + 社区书屋 reads 社区书屋 once."""
    if place.endswith("社区") and kind.startswith("社区"):
        return place + kind[2:]
    return place + kind


def _weighted(seeder: Seeder, options: Sequence[tuple[str, float]]) -> str:
    roll = seeder.rng.random() * sum(w for _, w in options)
    for value, weight in options:
        roll -= weight
        if roll < 0:
            return value
    return options[-1][0]


def _day(start: dt.date, days: int) -> str:
    return (start + dt.timedelta(days=days)).isoformat()


def generate(scale: float = 1.0, seed: int = 1) -> Iterator[Record]:
    s = Seeder("cd", scale, seed)
    rng = s.rng
    names = _Names()

    # ---- 联管: districts, streets, communities, grids, and the party tree -------------------
    districts = DISTRICTS[: min(len(DISTRICTS), s.n(DISTRICT_COUNT))]
    street_counts = _apportion(s.n(STREET_COUNT), [d[2] for d in districts])
    city_org = s.id("city-po")
    yield node("PartyOrganization", city_org, name="中共成都市委员会", type="COMMITTEE")

    streets: list[Place] = []
    for di, ((dname, code, _, _, street_words), count) in enumerate(
        zip(districts, street_counts, strict=True)
    ):
        district_id = s.id(f"d{di + 1:02d}")
        props = {"name": dname, **({"code": code} if code else {})}
        yield node("District", district_id, **props)
        district_org = f"{district_id}-po"
        yield node("PartyOrganization", district_org, name=f"中共{dname}委员会", type="COMMITTEE")
        yield rel("UNDER", district_org, city_org)
        real = street_words.split()
        for si in range(count):
            word = real[si] if si < len(real) else None
            street_name = (
                names.reserve(f"{word}街道")
                if word
                else names.take([lambda: (f"{rng.choice(WORDS)}街道", "")], (f"{dname}街道", ""))[0]
            )
            street_id = f"{district_id}-s{si + 1:02d}"
            yield node("Street", street_id, name=street_name)
            yield rel("IN", street_id, district_id)
            org = f"{street_id}-po"
            yield node(
                "PartyOrganization", org, name=f"中共{street_name}工作委员会", type="COMMITTEE"
            )
            yield rel("UNDER", org, district_org)
            streets.append(
                Place(street_id, street_name, di, len(streets), org=org, word=word or "")
            )

    community_counts = _apportion(s.n(COMMUNITY_COUNT), [rng.uniform(0.6, 1.4) for _ in streets])
    communities: list[Place] = []
    for street, count in zip(streets, community_counts, strict=True):
        dname = districts[street.district][0]
        named = NAMED_COMMUNITIES.get((dname, street.word))
        for ci in range(count):
            cid = f"{street.id}-c{ci + 1:02d}"
            if ci == 0 and named:
                cname = names.reserve(named)
            else:
                cname = names.take(
                    [lambda: (_community_name(s), "")], (f"{street.name[:-2]}社区", "")
                )[0]
            households = rng.randint(20, 60) * 100
            community = Place(cid, cname, street.district, street.street, households)
            communities.append(community)
            yield node("Community", cid, name=cname, households=households, area="URBAN")
            yield rel("IN", cid, street.id)
            community.org = f"{cid}-po"
            general = cname == "清源社区" or (cname not in NAMED_UNITS and rng.random() < 0.1)
            yield node(
                "PartyOrganization",
                community.org,
                name=f"{cname}{'党总支' if general else '党委'}",
                type="GENERAL_BRANCH" if general else "COMMITTEE",
            )
            yield rel("LEADS", community.org, cid)
            yield rel("UNDER", community.org, street.org)
            yield from _grids(s, community)

    # ---- units, their party organisations, pairings ------------------------------------------
    weights = [1.6 if districts[c.district][3] else 1.0 for c in communities]
    unit_counts = _apportion(s.n(UNITS), weights)
    units: list[UnitInfo] = []
    for ci, (community, count) in enumerate(zip(communities, unit_counts, strict=True)):
        named_units = list(NAMED_UNITS.get(community.name, []))
        for k in range(count):
            uid = s.id(f"u{len(units) + 1:04d}")
            if k < len(named_units):
                uname, category, level = named_units[k]
                names.reserve(uname)
            else:
                category = _weighted(s, UNIT_CATEGORIES)
                uname, level = _unit_name(s, names, category, community, streets)
            unit = UnitInfo(uid, uname, category, ci, f"{uid}-po", rng.gauss(86, 5))
            units.append(unit)
            yield node("Unit", uid, name=uname, category=category, level=level)
            big = category in ("AGENCY", "HOSPITAL") or level == "PROVINCE"
            org_type = (
                "COMMITTEE" if big else ("GENERAL_BRANCH" if rng.random() < 0.2 else "BRANCH")
            )
            suffix = {"COMMITTEE": "党委", "GENERAL_BRANCH": "党总支", "BRANCH": "党支部"}[org_type]
            yield node("PartyOrganization", unit.org, name=f"{uname}{suffix}", type=org_type)
            yield rel("OF", unit.org, uid)
            if category in ("ENTERPRISE", "SOCIAL_ORGANIZATION", "OTHER"):
                # 两新 organisations are under the street's party working committee (属地管理)
                yield rel("UNDER", unit.org, streets[community.street].org)

    by_street: dict[int, list[int]] = {}
    for ci, community in enumerate(communities):
        by_street.setdefault(community.street, []).append(ci)
    pairs: list[tuple[UnitInfo, Place, str]] = []
    for unit in units:
        home = communities[unit.home]
        neighbours = [ci for ci in by_street[home.street] if ci != unit.home]
        targets = [home]
        if neighbours and rng.random() < 0.8:
            targets.append(communities[rng.choice(neighbours)])
        for target in targets:
            since = _day(dt.date(2017, 1, 1), rng.randint(0, 180))
            yield rel("PAIRED_WITH", unit.id, target.id, since=since)
            target.units.append(unit.id)
            streets[target.street].units.append(unit.id)
            pairs.append((unit, target, since))
    unit_by_id = {u.id: u for u in units}

    # The report's alliance: 西华门社区 with the museums and libraries (党建文博联盟).
    for community in communities:
        if community.name == "西华门社区":
            alliance = f"{community.id}-al"
            yield node(
                "Alliance", alliance, name="西华门社区党建文博联盟", kind="BUSINESS_DISTRICT"
            )
            yield rel("MEMBER_OF", community.org, alliance)
            yield rel("MEMBER_OF", community.id, alliance)
            museums = {name for name, _, _ in NAMED_UNITS["西华门社区"]}
            for uid in community.units:
                if unit_by_id[uid].name in museums:
                    yield rel("MEMBER_OF", unit_by_id[uid].org, alliance)

    # ---- 联建: committees, part-time members ----------------------------------------------
    people = _People(s)
    for street in streets:
        yield from people.staff(street.org, "SECRETARY", cadre=True, rank="DIVISION")
    for community in communities:
        yield from people.staff(community.org, "SECRETARY")
        for _ in range(2):
            yield from people.staff(community.org, "MEMBER")

    seats = s.n(PART_TIME_SEATS)
    street_seats = _apportion(round(seats * STREET_SEAT_SHARE), [1.0] * len(streets), 0)
    community_seats = _apportion(
        seats - sum(street_seats), [rng.uniform(0.7, 1.3) for _ in communities]
    )
    for place, count in [
        *zip(streets, street_seats, strict=True),
        *zip(communities, community_seats, strict=True),
    ]:
        candidates = list(dict.fromkeys(place.units))
        rng.shuffle(candidates)
        if not candidates:  # no unit pairs with this place: units of its district
            candidates = [u.id for u in units if communities[u.home].district == place.district]
        for k in range(count):
            unit = unit_by_id[candidates[k % len(candidates)]]
            yield from people.part_time(place.org, unit)

    # ---- residents and party members --------------------------------------------------------
    district_units: dict[int, list[UnitInfo]] = {}
    for unit in units:
        district_units.setdefault(communities[unit.home].district, []).append(unit)
    for community in communities:
        nearby = district_units.get(community.district, units)
        yield from people.residents(community, nearby, units)

    # ---- 联结: resources, demands, responsibility books, benefit projects -------------------
    # Departments open resources less often; the report's named units all do.
    report_units = {n for listed in NAMED_UNITS.values() for n, _, _ in listed}
    opening = sorted(
        units,
        key=lambda u: (
            -1.0
            if u.name in report_units
            else rng.random() * (2.0 if u.category == "DEPARTMENT" else 1.0)
        ),
    )[: s.n(OPENING_UNITS)]
    offers: dict[str, set[str]] = {}
    for unit in sorted(opening, key=lambda u: u.id):
        count = 1 + (rng.random() < 0.55) + (rng.random() < 0.2)
        categories = rng.sample(
            RESOURCE_PREFERENCES[unit.category],
            min(count, len(RESOURCE_PREFERENCES[unit.category])),
        )
        for ri, category in enumerate(dict.fromkeys(categories)):
            rid = f"{unit.id}-r{ri + 1}"
            item = rng.choice(RESOURCE_NAMES[category])
            yield node(
                "Resource",
                rid,
                name=f"{unit.name}{item}",
                category=category,
                description=f"{unit.name}向社区居民开放：{item}",
            )
            yield rel("OFFERED_BY", rid, unit.id)
            offers.setdefault(category, set()).add(unit.id)

    for community in communities:
        for di in range(rng.randint(4, 8)):
            did = f"{community.id}-dm{di + 1}"
            category = rng.choice(list(DEMAND_NAMES))
            status = _weighted(s, DEMAND_STATUSES)
            created = dt.date(2018, 1, 1) + dt.timedelta(days=rng.randint(0, 280))
            yield node(
                "Demand",
                did,
                name=f"{community.name}{rng.choice(DEMAND_NAMES[category])}",
                category=category,
                status=status,
                createdOn=created.isoformat(),
            )
            yield rel("IN", did, community.id)
            if status != "OPEN":
                matching = [u for u in community.units if u in offers.get(category, ())]
                pool = matching or community.units or sorted(offers.get(category, ()))
                if pool:
                    taker = rng.choice(pool)
                    on = min(created + dt.timedelta(days=rng.randint(1, 20)), TODAY)
                    yield rel("TOOK", taker, did, on=on.isoformat())

    book_count = 0
    for unit, community, since in pairs:
        book_count += 1
        pid = s.id(f"pj{book_count:05d}")
        kind, category = rng.choice(BOOK_KINDS[unit.category])
        start = dt.date.fromisoformat(since) + dt.timedelta(days=rng.randint(0, 60))
        end = start + dt.timedelta(days=365)
        book: dict[str, object] = {
            "name": f"{community.name}{kind}{'' if kind.endswith('服务') else '服务'}项目"
            f"（{unit.name}）",
            "category": category,
            "status": "COMPLETED" if end <= TODAY else "IN_PROGRESS",
            "startDate": start.isoformat(),
            "endDate": end.isoformat(),
            "budget": float(rng.randint(5, 60) * 1000),
            "programme": "服务项目责任书",
        }
        if unit.name == "四川大学华西医院" and community.name == "黉门街社区":
            book.update(name="黉门街社区专家义诊和畅行停共享停车服务项目（华西医院）")
            book.update(clinicsPerMonth=10, sharedParkingSpaces=530, category="HEALTH")
        yield node("Project", pid, **book)
        yield rel("BY", pid, unit.id)
        yield rel("FOR", pid, community.id)

    benefit_total = max(0, s.n(PROJECTS) - book_count)
    per_community = _apportion(benefit_total, [c.households for c in communities], 0)
    for community, count in zip(communities, per_community, strict=True):
        places = [community.name, *community.compound_names]
        for k in range(count):
            kind, category, low, high = rng.choice(BENEFIT_KINDS)
            start = dt.date(2017, 1, 1) + dt.timedelta(days=rng.randint(0, 637))
            end = start + dt.timedelta(days=rng.randint(60, 360))
            status = "COMPLETED" if end <= TODAY else "IN_PROGRESS"
            if start > dt.date(2018, 9, 1) and rng.random() < 0.5:
                status = "PLANNED"
            yield node(
                "Project",
                f"{community.id}-bp{k + 1:03d}",
                name=f"{start.year}年{_joined(rng.choice(places), kind)}",
                category=category,
                status=status,
                startDate=start.isoformat(),
                endDate=end.isoformat(),
                budget=float(rng.randint(low // 100, high // 100) * 100),
                programme="惠民项目",
                fundSource=rng.choice(FUND_SOURCES),
            )
            yield rel("FOR", f"{community.id}-bp{k + 1:03d}", community.id)

    # ---- 联动: two-way evaluation and meetings ------------------------------------------------
    quality = {c.id: rng.gauss(85, 5) for c in communities}
    for unit, community, _ in pairs:
        for period in PERIODS:
            given = max(60.0, min(100.0, unit.quality + rng.gauss(0, 3)))
            received = max(60.0, min(100.0, quality[community.id] + rng.gauss(0, 3)))
            yield rel("EVALUATED", community.id, unit.id, period=period, score=round(given, 1))
            yield rel("EVALUATED", unit.id, community.id, period=period, score=round(received, 1))

    by_street_first: dict[int, Place] = {}
    for community in communities:
        by_street_first.setdefault(community.street, community)
    for street in streets:
        host = by_street_first.get(street.street)
        if host is None:
            continue
        for quarter in (1, 2, 3):
            aid = f"{street.id}-jm2018q{quarter}"
            yield node(
                "Activity",
                aid,
                name=f"{street.name}2018年第{quarter}季度党建联席会议",
                type="JOINT_MEETING",
                date=dt.date(2018, quarter * 3, 20).isoformat(),
                hours=2.0,
            )
            yield rel("IN", aid, host.id)
            for person in people.seated[street.org]:
                yield rel("ATTENDED", person, aid, hours=2.0)
    for community in communities:
        aid = f"{community.id}-yh2018"
        yield node(
            "Activity",
            aid,
            name=f"{community.name}2018年开放式居民议事会",
            type="JOINT_MEETING",
            date=_day(dt.date(2018, 4, 1), rng.randint(0, 150)),
            hours=1.5,
        )
        yield rel("IN", aid, community.id)
        for person in people.seated[community.org]:
            yield rel("ATTENDED", person, aid, hours=1.5)


def _grids(s: Seeder, community: Place) -> Iterator[Record]:
    """3–6 community grids; 0–3 compounds each (half with a compound party branch); 1–4
    building micro-grids a compound."""
    rng = s.rng
    for g in range(1, rng.randint(3, 6) + 1):
        grid = f"{community.id}-g{g}"
        community.grids.append(grid)
        yield node(
            "Grid",
            grid,
            name=f"{community.name}第{g}网格",
            level="COMMUNITY",
            kind="COMPREHENSIVE",
            area="URBAN",
        )
        yield rel("IN", grid, community.id)
        for k in range(1, rng.randint(0, 3) + 1):
            compound = f"{grid}-k{k}"
            dedicated = rng.random() < 0.08  # a unit's own compound (单位院落)
            cname = f"{rng.choice(WORDS)}{'宿舍' if dedicated else rng.choice(COMPOUND_SUFFIXES)}"
            community.compound_names.append(cname)
            yield node(
                "Grid",
                compound,
                name=cname,
                level="COMPOUND",
                kind="DEDICATED" if dedicated else "COMPREHENSIVE",
                area="URBAN",
            )
            yield rel("IN", compound, grid)
            branch: str | None = None
            if rng.random() < 0.5:
                branch = f"{compound}-po"
                yield node("PartyOrganization", branch, name=f"{cname}小区党支部", type="BRANCH")
                yield rel("LEADS", branch, compound)
                yield rel("UNDER", branch, community.org)
            community.compounds.append((compound, branch))
            for b in range(1, rng.randint(1, 4) + 1):
                building = f"{compound}-b{b}"
                yield node(
                    "Grid",
                    building,
                    name=f"{cname}{b}栋",
                    level="BUILDING",
                    kind="COMPREHENSIVE",
                    area="URBAN",
                )
                yield rel("IN", building, compound)
                community.buildings.append((building, branch))


def _unit_name(
    s: Seeder, names: _Names, category: str, community: Place, streets: list[Place]
) -> tuple[str, str]:
    """A unique, realistic name and the level of a unit stationed in `community`."""
    rng = s.rng
    dname = DISTRICTS[community.district][0]
    short = dname.removeprefix("成都").removeprefix("四川天府新区成都直管区") or "天府新区"
    sword = streets[community.street].name.removesuffix("街道")
    cword = community.name.removesuffix("社区")

    def maker(patterns: Sequence[str], level: str) -> Maker:
        def make() -> tuple[str, str]:
            pattern = rng.choice(patterns)
            name = pattern.format(d=short, s=sword, c=cword, w=rng.choice(WORDS))
            if level == "AUTO":
                province = name.startswith("四川") and not name.startswith("四川天府")
                return name, "PROVINCE" if province else "CITY"
            return name, level

        return make

    makers: list[Maker]
    if category == "AGENCY":
        makers = [maker(DISTRICT_AGENCIES, "CITY")]
        if rng.random() < 0.4:
            makers.insert(0, maker(PROVINCE_AGENCIES + CITY_AGENCIES, "AUTO"))
        fallback = (f"成都市公安局{short}分局{cword}警务室", "CITY")
    elif category == "DEPARTMENT":
        makers = [maker([f"{{d}}{b}" for b in BUREAUS], "DISTRICT"), maker(OFFICES, "STREET")]
        fallback = (f"{sword}街道便民服务中心", "STREET")
    elif category == "STATE_ENTERPRISE":
        makers = [maker(STATE_ENTERPRISES, "CITY")]
        fallback = (f"成都兴城集团{short}公司", "CITY")
    elif category == "ENTERPRISE":
        makers = [maker([f"成都{{w}}{i}有限公司" for i in INDUSTRIES], "DISTRICT")]
        fallback = (f"成都{cword}商贸有限公司", "DISTRICT")
    elif category == "SOCIAL_ORGANIZATION":
        makers = [maker(SOCIAL_ORGS, "DISTRICT")]
        fallback = (f"{cword}社区社会组织联合会", "STREET")
    elif category == "HOSPITAL":
        makers = [maker(HOSPITALS, "DISTRICT")]
        if rng.random() < 0.1:
            makers.insert(0, maker(BIG_HOSPITALS, "AUTO"))
        fallback = (f"{cword}社区卫生服务站", "STREET")
    elif category == "SCHOOL":
        makers = [maker(SCHOOLS, "DISTRICT")]
        if rng.random() < 0.05:
            makers.insert(0, maker(UNIVERSITIES, "AUTO"))
        fallback = (f"{cword}社区幼儿园", "STREET")
    else:
        makers = [maker(OTHERS, "STREET")]
        fallback = (f"{cword}社区居民自治委员会", "STREET")
    return names.take(makers, fallback)


class _People:
    """Persons: committee staff, part-time committee members, residents."""

    def __init__(self, s: Seeder) -> None:
        self.s = s
        self.count = 0
        self.seated: dict[str, list[str]] = {}

    def _person(self, **props: object) -> tuple[str, Record]:
        self.count += 1
        pid = self.s.id(f"p{self.count:06d}")
        gender = "女" if self.s.rng.random() < 0.48 else "男"
        return pid, node("Person", pid, name=self.s.person(), gender=gender, **props)

    def staff(
        self, org: str, role: str, cadre: bool = False, rank: str | None = None
    ) -> Iterator[Record]:
        extra = {"rank": rank} if rank else {}
        pid, record = self._person(partyMember=True, cadre=cadre, **extra)
        yield record
        yield rel("SITS_ON", pid, org, role=role)
        yield rel("MEMBER_OF", pid, org)
        self.seated.setdefault(org, []).append(pid)

    def part_time(self, org: str, unit: UnitInfo) -> Iterator[Record]:
        cadre = unit.category in ("AGENCY", "DEPARTMENT")
        extra = {"rank": "SECTION" if self.s.rng.random() < 0.7 else "DIVISION"} if cadre else {}
        pid, record = self._person(partyMember=True, cadre=cadre, **extra)
        yield record
        yield rel("WORKS_AT", pid, unit.id)
        yield rel("MEMBER_OF", pid, unit.org)
        yield rel("SITS_ON", pid, org, role="PART_TIME_MEMBER")
        self.seated.setdefault(org, []).append(pid)

    def residents(
        self, community: Place, nearby: list[UnitInfo], everywhere: list[UnitInfo]
    ) -> Iterator[Record]:
        """About one sampled resident per 200 households: 35% retired members in the
        community's or compound's branch, 35% in-service members (80% reported, 双报到),
        30% other residents."""
        rng = self.s.rng
        for _ in range(max(1, round(community.households / 200))):
            roll = rng.random()
            if community.buildings and roll < 0.7:
                home, branch = rng.choice(community.buildings)
            elif community.compounds and roll < 0.85:
                home, branch = rng.choice(community.compounds)
            elif roll < 0.95:
                home, branch = rng.choice(community.grids), None
            else:
                home, branch = community.id, None
            kind = rng.random()
            if kind < 0.35:  # retired member, organised where they live
                pid, record = self._person(partyMember=True, cadre=False)
                yield record
                yield rel("MEMBER_OF", pid, branch or community.org)
            elif kind < 0.70:  # in-service member, 双报到 to the residence community
                unit = rng.choice(nearby if rng.random() < 0.7 else everywhere)
                cadre = unit.category in ("AGENCY", "DEPARTMENT") and rng.random() < 0.8
                extra = {"rank": rng.choice(("SECTION", "STAFF", "STAFF"))} if cadre else {}
                pid, record = self._person(partyMember=True, cadre=cadre, **extra)
                yield record
                yield rel("WORKS_AT", pid, unit.id)
                yield rel("MEMBER_OF", pid, unit.org)
                if rng.random() < 0.8:
                    on = _day(dt.date(2017, 6, 1), rng.randint(0, 480))
                    yield rel("REPORTED_TO", pid, community.id, on=on)
            else:
                pid, record = self._person(partyMember=False, cadre=False)
                yield record
                if rng.random() < 0.4:
                    yield rel("WORKS_AT", pid, rng.choice(nearby).id)
            yield rel("RESIDES_IN", pid, home)
