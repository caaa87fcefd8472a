"""The closed vocabularies of property values: each enum's members are what the graph stores,
their values the Chinese the GraphQL enums describe them with (partygraph.schema.enums)."""

from __future__ import annotations

import enum


class GridLevel(enum.Enum):
    COMMUNITY = "社区网格"
    COMPOUND = "小区/单位/片区网格"
    BUILDING = "楼栋微网格"


class GridKind(enum.Enum):
    COMPREHENSIVE = "综合网格"
    DEDICATED = "专属网格"


class GridArea(enum.Enum):
    URBAN = "城市网格"
    RURAL = "农村网格"


class OrganizationType(enum.Enum):
    COMMITTEE = "党委"
    GENERAL_BRANCH = "党总支"
    BRANCH = "党支部"
    FUNCTIONAL_BRANCH = "功能型党支部"
    GRID_BRANCH = "网格党支部"


class AllianceKind(enum.Enum):
    BRANCH_ALLIANCE = "支部联盟（红心结）"
    AREA = "片区联盟"
    BUSINESS_DISTRICT = "商圈联盟"


class UnitCategory(enum.Enum):
    DEPARTMENT = "机关部门"
    AGENCY = "驻区机关"
    STATE_ENTERPRISE = "国有企业"
    ENTERPRISE = "企业"
    SOCIAL_ORGANIZATION = "社会组织"
    HOSPITAL = "医院"
    SCHOOL = "学校"
    OTHER = "其他"


class UnitLevel(enum.Enum):
    PROVINCE = "省级"
    CITY = "市级"
    DISTRICT = "区级"
    STREET = "街道级"


class Rank(enum.Enum):
    DEPARTMENT_BUREAU = "厅局级"
    DIVISION = "县处级"
    SECTION = "乡科级"
    STAFF = "科员及以下"


class ServeRole(enum.Enum):
    GRID_LEADER = "网格长"
    GRID_WORKER = "网格员"
    DEDICATED_GRID_WORKER = "专职网格员"
    PART_TIME_GRID_WORKER = "兼职网格员"
    PARTY_GROUP_LEADER = "党小组长（两长）"
    BUILDING_LEADER = "楼栋长（两长）"
    CLEANER = "保洁员（四员）"
    SECURITY_GUARD = "保安员（四员）"
    PROPERTY_MANAGER = "物业管理员（四员）"
    MEDIATOR = "调解员（四员）"
    CADRE = "下沉/报到干部"
    VOLUNTEER = "志愿者"


# The six roles every building micro-grid should have (两长四员).
BUILDING_ROLES: tuple[ServeRole, ...] = (
    ServeRole.PARTY_GROUP_LEADER,
    ServeRole.BUILDING_LEADER,
    ServeRole.CLEANER,
    ServeRole.SECURITY_GUARD,
    ServeRole.PROPERTY_MANAGER,
    ServeRole.MEDIATOR,
)


class SeatRole(enum.Enum):
    SECRETARY = "书记"
    DEPUTY_SECRETARY = "副书记"
    MEMBER = "委员"
    PART_TIME_MEMBER = "兼职委员"


class ProjectCategory(enum.Enum):
    PARTY_BUILDING = "党建共建"
    LIVELIHOOD = "民生服务"
    ENVIRONMENT = "环境治理"
    CULTURE = "文化活动"
    EDUCATION = "教育"
    HEALTH = "医疗健康"
    ELDERLY = "养老"
    SAFETY = "平安建设"
    EMPLOYMENT = "就业"


class ProjectStatus(enum.Enum):
    PLANNED = "计划中"
    IN_PROGRESS = "实施中"
    COMPLETED = "已完成"
    SUSPENDED = "已中止"


class TeamKind(enum.Enum):
    RED_ASSAULT = "红色突击队"
    VOLUNTEER = "志愿服务队"


class WishStatus(enum.Enum):
    OPEN = "待认领"
    CLAIMED = "已认领"
    FULFILLED = "已实现"


class ResourceCategory(enum.Enum):
    VENUE = "场地"
    EQUIPMENT = "设备"
    EXPERTISE = "专业服务"
    VOLUNTEERS = "志愿力量"
    FUNDING = "资金"
    TRAINING = "培训"
    MEDICAL = "医疗"
    LEGAL = "法律"


class DemandStatus(enum.Enum):
    OPEN = "待认领"
    TAKEN = "已接单"
    DONE = "已完成"


class RequestCategory(enum.Enum):
    ENVIRONMENT = "环境卫生"
    PROPERTY = "物业管理"
    INFRASTRUCTURE = "基础设施"
    SAFETY = "安全隐患"
    DISPUTE = "矛盾纠纷"
    SOCIAL_SECURITY = "社会保障"
    TRAFFIC = "交通出行"
    OTHER = "其他"


class RequestStatus(enum.Enum):
    OPEN = "待处理（网格内）"
    ESCALATED = "已吹哨上报"
    CLOSED = "已办结"
    RETURNED = "无效退回"


class ActivityType(enum.Enum):
    JOINT_MEETING = "联席会议"
    PARTY_LESSON = "党课"
    VISIT = "走访"
    VOLUNTEER_SERVICE = "志愿服务"
    OTHER = "其他"


ENUMS: tuple[type[enum.Enum], ...] = (
    GridLevel,
    GridKind,
    GridArea,
    OrganizationType,
    AllianceKind,
    UnitCategory,
    UnitLevel,
    Rank,
    ServeRole,
    SeatRole,
    ProjectCategory,
    ProjectStatus,
    TeamKind,
    WishStatus,
    ResourceCategory,
    DemandStatus,
    RequestCategory,
    RequestStatus,
    ActivityType,
)
