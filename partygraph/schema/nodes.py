"""GraphQL types for the nodes of the vocabulary, with their navigation fields.

Each relationship field asks a batch loader (partygraph.service), so a level of the query
sends one statement however many parents it has.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from functools import cache
from typing import Any, TypeVar

import strawberry

from partygraph import properties, values
from partygraph.db import Row
from partygraph.enums import (
    ActivityType,
    AllianceKind,
    DemandStatus,
    GridArea,
    GridKind,
    GridLevel,
    OrganizationType,
    ProjectCategory,
    ProjectStatus,
    Rank,
    RequestCategory,
    RequestStatus,
    ResourceCategory,
    SeatRole,
    ServeRole,
    TeamKind,
    UnitCategory,
    UnitLevel,
    WishStatus,
)
from partygraph.paging import window
from partygraph.schema import enums  # noqa: F401  (registers the GraphQL enums)
from partygraph.schema.info import AppInfo
from partygraph.schema.pagination import Connection, connection
from partygraph.schema.windows import LIST_MAX, SMALL_LIST, capped_list, nav_list
from partygraph.service import coverage
from partygraph.service import navigation as nav


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def _value(prop: properties.Prop, value: Any) -> Any:
    """A stored value as the field reads it: graph temporal values as Python ones (instants
    with the offset the graph kept), a non-finite number (stored before they were refused) as
    null, an enum's unknown stored value as null."""
    if value is None:
        return None
    if prop.kind is properties.Kind.DATETIME:
        return values.read_instant(value)
    if prop.kind is properties.Kind.DATE:
        return values.read_date(value)
    if isinstance(value, str | int | bool):
        if prop.enum is not None:
            return prop.enum.__members__.get(value)  # type: ignore[arg-type]
        return value
    return values.readable(values.native(value))


@cache
def _fields_of(type_name: str) -> tuple[tuple[str, str, properties.Prop], ...]:
    """(stored name, attribute, declaration) of each declared property but `name`: worked out
    once per type, not per row."""
    declared = properties.NODE_PROPERTIES.get(type_name, {})
    return tuple((key, _snake(key), prop) for key, prop in declared.items() if key != "name")


def _hours(row: Row) -> float | None:
    """An attendance's hours; non-finite ones, stored before they were refused, read as null."""
    hours: float | None = values.readable(row["rel"].get("hours"))
    return hours


N = TypeVar("N", bound="Node")


@strawberry.interface(
    name="Node",
    description="图中的任一实体。`id` 是稳定的全局唯一标识（其他系统集成用的键）。",
)
class Node:
    id: strawberry.ID
    name: str | None = strawberry.field(description="名称")
    label: str = strawberry.field(description="实体类型（docs/domain.md 中的标签，如 Community）")

    @classmethod
    def from_row(cls: type[N], row: Row) -> N:
        props: dict[str, Any] = row["props"]
        extra = {
            attribute: _value(prop, props.get(key))
            for key, attribute, prop in _fields_of(cls.__name__)
        }
        return cls(
            id=strawberry.ID(props["id"]), name=props.get("name"), label=row["label"], **extra
        )


@strawberry.type(description="区/县")
class District(Node):
    code: str | None = strawberry.field(default=None, description="行政区划代码")

    @nav_list(description="辖区内的街道/镇")
    async def streets(self, info: AppInfo) -> list[Street]:
        return entities(await nav.incoming(info.context, self.id, "IN", "Street"), Street)


@strawberry.type(description="街道/镇")
class Street(Node):
    code: str | None = strawberry.field(default=None, description="行政区划代码")

    @strawberry.field(description="所属区/县")
    async def district(self, info: AppInfo) -> District | None:
        return first(await nav.outgoing(info.context, self.id, "IN", "District"), District)

    @nav_list(description="辖区内的社区/村")
    async def communities(self, info: AppInfo) -> list[Community]:
        return entities(await nav.incoming(info.context, self.id, "IN", "Community"), Community)


@strawberry.type(description="社区/村")
class Community(Node):
    households: int | None = strawberry.field(default=None, description="户数")
    area: GridArea | None = strawberry.field(default=None, description="城市或农村")

    @strawberry.field(description="所属街道/镇")
    async def street(self, info: AppInfo) -> Street | None:
        return first(await nav.outgoing(info.context, self.id, "IN", "Street"), Street)

    @nav_list(description="直接位于本社区的网格（社区网格）")
    async def grids(self, info: AppInfo) -> list[Grid]:
        return entities(await nav.incoming(info.context, self.id, "IN", "Grid"), Grid)

    @nav_list(description="与本社区结对共建的单位", most=SMALL_LIST)
    async def paired_units(self, info: AppInfo) -> list[Unit]:
        return entities(await nav.incoming(info.context, self.id, "PAIRED_WITH", "Unit"), Unit)

    @nav_list(description="包联本社区的领导干部", most=SMALL_LIST)
    async def contacts(self, info: AppInfo) -> list[Person]:
        return entities(await nav.incoming(info.context, self.id, "CONTACTS", "Person"), Person)

    @nav_list(description="社区加入的联盟（如片区联盟）", most=SMALL_LIST)
    async def alliances(self, info: AppInfo) -> list[Alliance]:
        return entities(
            await nav.outgoing(info.context, self.id, "MEMBER_OF", "Alliance"), Alliance
        )

    @nav_list(description="领导本社区的党组织", most=SMALL_LIST)
    async def party_organizations(self, info: AppInfo) -> list[PartyOrganization]:
        rows = await nav.incoming(info.context, self.id, "LEADS", "PartyOrganization")
        return entities(rows, PartyOrganization)

    @strawberry.field(
        description="居住在本社区（或其下网格）、尚未向本社区报到（双报到）的党员",
    )
    async def unreported_members(
        self,
        info: AppInfo,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[Person]:
        page = window(first, after, last, before)
        return connection(
            await coverage.unreported(info.context.graph, self.id, page), Person.from_row
        )

    @nav_list(description="为本社区开展的共建项目")
    async def projects(self, info: AppInfo) -> list[Project]:
        return entities(await nav.incoming(info.context, self.id, "FOR", "Project"), Project)

    @nav_list(description="本社区的需求清单")
    async def demands(self, info: AppInfo) -> list[Demand]:
        return entities(await nav.incoming(info.context, self.id, "IN", "Demand"), Demand)

    @nav_list(description="直接挂在本社区的微心愿")
    async def wishes(self, info: AppInfo) -> list[Wish]:
        return entities(await nav.incoming(info.context, self.id, "IN", "Wish"), Wish)

    @nav_list(description="在本社区开展的活动")
    async def activities(self, info: AppInfo) -> list[Activity]:
        return entities(await nav.incoming(info.context, self.id, "IN", "Activity"), Activity)


@strawberry.type(description="网格（社区网格、小区/单位/片区网格、楼栋微网格）")
class Grid(Node):
    level: GridLevel | None = strawberry.field(default=None, description="层级")
    kind: GridKind | None = strawberry.field(default=None, description="类型：综合/专属")
    area: GridArea | None = strawberry.field(default=None, description="城市或农村网格")

    @strawberry.field(description="直接上级（社区或上级网格）")
    async def parent(self, info: AppInfo) -> Node | None:
        rows = await nav.outgoing(info.context, self.id, "IN")
        return entity(rows[0]) if rows else None

    @strawberry.field(description="网格所在的社区（逐级向上）")
    async def community(self, info: AppInfo) -> Community | None:
        row = await nav.containing_community(info.context, self.id)
        return Community.from_row(row) if row else None

    @nav_list(description="下级网格")
    async def grids(self, info: AppInfo) -> list[Grid]:
        return entities(await nav.incoming(info.context, self.id, "IN", "Grid"), Grid)

    @nav_list(
        description="结对单位：与本网格、其所在的上级网格或所在社区结对共建的单位（去重）",
        most=SMALL_LIST,
    )
    async def paired_units(self, info: AppInfo) -> list[Unit]:
        return entities(await nav.grid_paired_units(info.context, self.id), Unit)

    @capped_list(
        description="结对明细：每个结对单位因何计入（直接结对、通过所在上级网格、通过所在社区）"
    )
    async def pairings(self, info: AppInfo) -> list[GridPairing]:
        return [
            GridPairing(
                unit=Unit.from_row(row),
                via=PairingVia[row["via"]],
                through=entity({"label": row["throughLabel"], "props": row["throughProps"]}),
                since=values.native(row["since"]),
            )
            for row in await nav.grid_pairings(info.context, self.id)
        ]

    @nav_list(description="领导本网格的党组织（网格党支部、功能型党支部）", most=SMALL_LIST)
    async def party_organizations(self, info: AppInfo) -> list[PartyOrganization]:
        rows = await nav.incoming(info.context, self.id, "LEADS", "PartyOrganization")
        return entities(rows, PartyOrganization)

    @capped_list(
        description="在本网格任职的人员及其角色（网格长、网格员、两长四员等）", most=LIST_MAX
    )
    async def staff(self, info: AppInfo) -> list[GridRole]:
        rows = await nav.incoming_edges(info.context, self.id, "SERVES", "Person")
        return [GridRole(person=Person.from_row(r), role=_role(ServeRole, r)) for r in rows]

    @nav_list(description="本网格的微心愿")
    async def wishes(self, info: AppInfo) -> list[Wish]:
        return entities(await nav.incoming(info.context, self.id, "IN", "Wish"), Wish)


@strawberry.type(description="党组织")
class PartyOrganization(Node):
    type: OrganizationType | None = strawberry.field(default=None, description="党组织类型")

    @strawberry.field(description="上级党组织")
    async def parent(self, info: AppInfo) -> PartyOrganization | None:
        rows = await nav.outgoing(info.context, self.id, "UNDER", "PartyOrganization")
        return first(rows, PartyOrganization)

    @strawberry.field(description="所属单位")
    async def unit(self, info: AppInfo) -> Unit | None:
        return first(await nav.outgoing(info.context, self.id, "OF", "Unit"), Unit)

    @nav_list(description="党员")
    async def members(self, info: AppInfo) -> list[Person]:
        return entities(await nav.incoming(info.context, self.id, "MEMBER_OF", "Person"), Person)

    @nav_list(description="领导的社区或网格", most=SMALL_LIST)
    async def leads(self, info: AppInfo) -> list[Node]:
        return [entity(row) for row in await nav.outgoing(info.context, self.id, "LEADS")]

    @nav_list(description="结对的党组织（支部结对，如红心结），不分方向", most=SMALL_LIST)
    async def paired_organizations(self, info: AppInfo) -> list[PartyOrganization]:
        return entities(await nav.paired_organizations(info.context, self.id), PartyOrganization)

    @nav_list(description="加入的联盟", most=SMALL_LIST)
    async def alliances(self, info: AppInfo) -> list[Alliance]:
        return entities(
            await nav.outgoing(info.context, self.id, "MEMBER_OF", "Alliance"), Alliance
        )

    @nav_list(description="下级党组织")
    async def children(self, info: AppInfo) -> list[PartyOrganization]:
        rows = await nav.incoming(info.context, self.id, "UNDER", "PartyOrganization")
        return entities(rows, PartyOrganization)

    @capped_list(description="班子成员：书记、委员、兼职委员")
    async def committee(self, info: AppInfo) -> list[Seat]:
        rows = await nav.incoming_edges(info.context, self.id, "SITS_ON", "Person")
        return [
            Seat(person=Person.from_row(r), organization=self, role=_role(SeatRole, r))
            for r in rows
        ]


@strawberry.type(description="联盟（红心结、片区联盟、商圈联盟）")
class Alliance(Node):
    kind: AllianceKind | None = strawberry.field(default=None, description="联盟类型")

    @nav_list(description="成员党组织和社区")
    async def members(self, info: AppInfo) -> list[Node]:
        return [entity(row) for row in await nav.incoming(info.context, self.id, "MEMBER_OF")]


@strawberry.type(description="驻区单位/机关部门")
class Unit(Node):
    category: UnitCategory | None = strawberry.field(default=None, description="单位类别")
    level: UnitLevel | None = strawberry.field(default=None, description="单位层级")

    @nav_list(description="结对共建的社区", most=SMALL_LIST)
    async def paired_communities(self, info: AppInfo) -> list[Community]:
        rows = await nav.outgoing(info.context, self.id, "PAIRED_WITH", "Community")
        return entities(rows, Community)

    @nav_list(description="结对（分包）的网格", most=SMALL_LIST)
    async def paired_grids(self, info: AppInfo) -> list[Grid]:
        return entities(await nav.outgoing(info.context, self.id, "PAIRED_WITH", "Grid"), Grid)

    @nav_list(description="在本单位工作的人员")
    async def members(self, info: AppInfo) -> list[Person]:
        return entities(await nav.incoming(info.context, self.id, "WORKS_AT", "Person"), Person)

    @nav_list(description="本单位的党组织", most=SMALL_LIST)
    async def party_organizations(self, info: AppInfo) -> list[PartyOrganization]:
        rows = await nav.incoming(info.context, self.id, "OF", "PartyOrganization")
        return entities(rows, PartyOrganization)

    @nav_list(description="本单位承担的共建项目")
    async def projects(self, info: AppInfo) -> list[Project]:
        return entities(await nav.incoming(info.context, self.id, "BY", "Project"), Project)

    @nav_list(description="本单位开放的共享资源", most=SMALL_LIST)
    async def resources(self, info: AppInfo) -> list[Resource]:
        return entities(
            await nav.incoming(info.context, self.id, "OFFERED_BY", "Resource"), Resource
        )

    @nav_list(description="本单位的志愿队伍（如红色突击队）", most=SMALL_LIST)
    async def volunteer_teams(self, info: AppInfo) -> list[VolunteerTeam]:
        return entities(
            await nav.incoming(info.context, self.id, "OF", "VolunteerTeam"), VolunteerTeam
        )

    @nav_list(description="本单位认领的需求")
    async def taken_demands(self, info: AppInfo) -> list[Demand]:
        return entities(await nav.outgoing(info.context, self.id, "TOOK", "Demand"), Demand)


@strawberry.type(description="人员：党员、干部、网格员、志愿者（可兼多种身份）")
class Person(Node):
    party_member: bool | None = strawberry.field(default=None, description="是否党员")
    cadre: bool | None = strawberry.field(default=None, description="是否干部")
    rank: Rank | None = strawberry.field(default=None, description="职级")
    gender: str | None = strawberry.field(default=None, description="性别")
    phone: str | None = strawberry.field(
        default=None, description="联系电话（个人信息；单位与对接系统看到脱敏值，如 138****5678）"
    )
    id_number: str | None = strawberry.field(
        default=None, description="身份证号（个人信息；单位与对接系统看到脱敏值）"
    )
    address: str | None = strawberry.field(
        default=None, description="详细住址（个人信息；单位与对接系统只看到前 6 个字）"
    )
    birth_date: dt.date | None = strawberry.field(
        default=None, description="出生日期（个人信息；单位与对接系统看到 null）"
    )

    personal_data_masked: bool = strawberry.field(
        default=False,
        description="个人信息是否对当前调用者脱敏：为 true 时 birthDate 为 null 表示不可见",
    )

    @classmethod
    def from_row(cls, row: Row) -> Person:
        person = super().from_row(row)
        # Set by the statement itself where it masked the fields (partygraph.access.props).
        person.personal_data_masked = bool(row["props"].get("personalDataMasked"))
        return person

    @nav_list(description="所在党组织", most=SMALL_LIST)
    async def organizations(self, info: AppInfo) -> list[PartyOrganization]:
        rows = await nav.outgoing(info.context, self.id, "MEMBER_OF", "PartyOrganization")
        return entities(rows, PartyOrganization)

    @strawberry.field(description="居住地（网格或社区）")
    async def residence(self, info: AppInfo) -> Node | None:
        rows = await nav.outgoing(info.context, self.id, "RESIDES_IN")
        return entity(rows[0]) if rows else None

    @strawberry.field(description="工作单位")
    async def unit(self, info: AppInfo) -> Unit | None:
        return first(await nav.outgoing(info.context, self.id, "WORKS_AT", "Unit"), Unit)

    @nav_list(description="已报到的社区（双报到）", most=SMALL_LIST)
    async def reported_to(self, info: AppInfo) -> list[Community]:
        rows = await nav.outgoing(info.context, self.id, "REPORTED_TO", "Community")
        return entities(rows, Community)

    @nav_list(description="包联的社区或网格", most=SMALL_LIST)
    async def contacts(self, info: AppInfo) -> list[Node]:
        return [entity(row) for row in await nav.outgoing(info.context, self.id, "CONTACTS")]

    @capped_list(description="在网格中的任职及角色")
    async def serves(self, info: AppInfo) -> list[GridService]:
        rows = await nav.outgoing_edges(info.context, self.id, "SERVES", "Grid")
        return [GridService(grid=Grid.from_row(r), role=_role(ServeRole, r)) for r in rows]

    @capped_list(description="在党组织中的职务（书记、兼职委员等）")
    async def seats(self, info: AppInfo) -> list[Seat]:
        rows = await nav.outgoing_edges(info.context, self.id, "SITS_ON", "PartyOrganization")
        return [
            Seat(person=self, organization=PartyOrganization.from_row(r), role=_role(SeatRole, r))
            for r in rows
        ]

    @nav_list(description="参加的志愿队伍", most=SMALL_LIST)
    async def volunteer_teams(self, info: AppInfo) -> list[VolunteerTeam]:
        return entities(
            await nav.outgoing(info.context, self.id, "VOLUNTEERS_IN", "VolunteerTeam"),
            VolunteerTeam,
        )

    @nav_list(description="认领的微心愿")
    async def claimed_wishes(self, info: AppInfo) -> list[Wish]:
        return entities(await nav.outgoing(info.context, self.id, "CLAIMED", "Wish"), Wish)

    @capped_list(description="参加的活动及时长", most=LIST_MAX)
    async def attended(self, info: AppInfo) -> list[ActivityAttendance]:
        rows = await nav.outgoing_edges(info.context, self.id, "ATTENDED", "Activity")
        return [
            ActivityAttendance(person=self, activity=Activity.from_row(r), hours=_hours(r))
            for r in rows
        ]


@strawberry.type(description="共建项目（项目、协议、责任书）")
class Project(Node):
    category: ProjectCategory | None = strawberry.field(default=None, description="项目类别")
    status: ProjectStatus | None = strawberry.field(default=None, description="项目状态")
    start_date: dt.date | None = strawberry.field(default=None, description="开始日期")
    end_date: dt.date | None = strawberry.field(default=None, description="结束日期")
    budget: float | None = strawberry.field(default=None, description="预算（元）")

    @nav_list(description="承担单位", most=SMALL_LIST)
    async def units(self, info: AppInfo) -> list[Unit]:
        return entities(await nav.outgoing(info.context, self.id, "BY", "Unit"), Unit)

    @nav_list(description="服务的社区", most=SMALL_LIST)
    async def communities(self, info: AppInfo) -> list[Community]:
        return entities(await nav.outgoing(info.context, self.id, "FOR", "Community"), Community)


@strawberry.type(description="志愿队伍（如红色突击队）")
class VolunteerTeam(Node):
    kind: TeamKind | None = strawberry.field(default=None, description="队伍类型")

    @strawberry.field(description="所属单位")
    async def unit(self, info: AppInfo) -> Unit | None:
        return first(await nav.outgoing(info.context, self.id, "OF", "Unit"), Unit)

    @nav_list(description="队员")
    async def members(self, info: AppInfo) -> list[Person]:
        return entities(
            await nav.incoming(info.context, self.id, "VOLUNTEERS_IN", "Person"), Person
        )


@strawberry.type(description="微心愿")
class Wish(Node):
    status: WishStatus | None = strawberry.field(default=None, description="状态")
    created_on: dt.date | None = strawberry.field(default=None, description="提出日期")
    content: str | None = strawberry.field(default=None, description="心愿内容")

    @strawberry.field(description="所在社区或网格")
    async def place(self, info: AppInfo) -> Node | None:
        rows = await nav.outgoing(info.context, self.id, "IN")
        return entity(rows[0]) if rows else None

    @nav_list(description="认领人", most=SMALL_LIST)
    async def claimed_by(self, info: AppInfo) -> list[Person]:
        return entities(await nav.incoming(info.context, self.id, "CLAIMED", "Person"), Person)


@strawberry.type(description="需求清单项")
class Demand(Node):
    category: ResourceCategory | None = strawberry.field(
        default=None, description="需求类别（与资源类别对应）"
    )
    status: DemandStatus | None = strawberry.field(default=None, description="状态")
    created_on: dt.date | None = strawberry.field(default=None, description="提出日期")

    @strawberry.field(description="提出需求的社区")
    async def community(self, info: AppInfo) -> Community | None:
        return first(await nav.outgoing(info.context, self.id, "IN", "Community"), Community)

    @nav_list(description="认领（接单）的单位", most=SMALL_LIST)
    async def taken_by(self, info: AppInfo) -> list[Unit]:
        return entities(await nav.incoming(info.context, self.id, "TOOK", "Unit"), Unit)


@strawberry.type(description="共享资源")
class Resource(Node):
    category: ResourceCategory | None = strawberry.field(default=None, description="资源类别")
    description: str | None = strawberry.field(default=None, description="说明")

    @strawberry.field(description="开放资源的单位")
    async def unit(self, info: AppInfo) -> Unit | None:
        return first(await nav.outgoing(info.context, self.id, "OFFERED_BY", "Unit"), Unit)


@strawberry.type(description="诉求工单")
class Request(Node):
    category: RequestCategory | None = strawberry.field(default=None, description="诉求类别")
    status: RequestStatus | None = strawberry.field(default=None, description="状态")
    description: str | None = strawberry.field(default=None, description="诉求内容")
    raised_at: dt.datetime | None = strawberry.field(default=None, description="提出时间（UTC）")
    due_at: dt.datetime | None = strawberry.field(
        default=None, description="办理时限（保留提交时的时区偏移）"
    )
    closed_at: dt.datetime | None = strawberry.field(default=None, description="办结时间（UTC）")
    returned_at: dt.datetime | None = strawberry.field(default=None, description="退回时间（UTC）")
    return_reason: str | None = strawberry.field(default=None, description="退回原因")
    level: int | None = strawberry.field(
        default=None, description="当前响应层级：0 网格，1 街道，2 区，3 部门"
    )
    satisfaction: int | None = strawberry.field(default=None, description="满意度 1-5")

    @strawberry.field(description="是否超期：未办结且已过办理时限")
    def overdue(self) -> bool:
        open_now = self.status in (RequestStatus.OPEN, RequestStatus.ESCALATED)
        return bool(open_now and self.due_at and self.due_at < dt.datetime.now(dt.UTC))

    @strawberry.field(description="诉求所在网格")
    async def grid(self, info: AppInfo) -> Grid | None:
        return first(await nav.outgoing(info.context, self.id, "IN", "Grid"), Grid)

    @strawberry.field(description="首问负责单位")
    async def first_responsible(self, info: AppInfo) -> Unit | None:
        return first(await nav.outgoing(info.context, self.id, "FIRST_RESPONSIBLE", "Unit"), Unit)


@strawberry.type(description="评议")
class Evaluation(Node):
    period: str | None = strawberry.field(default=None, description="评议期，如 2024-H1")
    score: float | None = strawberry.field(default=None, description="得分 0-100")


@strawberry.type(description="活动/会议（联席会议、党课、走访、志愿服务）")
class Activity(Node):
    type: ActivityType | None = strawberry.field(default=None, description="活动类型")
    date: dt.date | None = strawberry.field(default=None, description="日期")
    hours: float | None = strawberry.field(default=None, description="时长（小时）")

    @strawberry.field(description="活动所在社区或网格")
    async def place(self, info: AppInfo) -> Node | None:
        rows = await nav.outgoing(info.context, self.id, "IN")
        return entity(rows[0]) if rows else None

    @capped_list(description="参加人员及时长", most=LIST_MAX)
    async def attendees(self, info: AppInfo) -> list[ActivityAttendance]:
        rows = await nav.incoming_edges(info.context, self.id, "ATTENDED", "Person")
        return [
            ActivityAttendance(person=Person.from_row(r), activity=self, hours=_hours(r))
            for r in rows
        ]


def _role(enum_type: type[enum.Enum], row: Row) -> Any:
    return enum_type.__members__.get(row["rel"].get("role") or "")


@strawberry.type(description="网格中的一个任职：人员与角色")
class GridRole:
    person: Person
    role: ServeRole | None


@strawberry.type(description="人员在某网格的任职")
class GridService:
    grid: Grid
    role: ServeRole | None


@strawberry.type(description="党组织中的职务（书记、委员、兼职委员）")
class Seat:
    person: Person
    organization: PartyOrganization
    role: SeatRole | None


@strawberry.type(description="活动参加记录")
class ActivityAttendance:
    person: Person
    activity: Activity
    hours: float | None


@strawberry.enum(description="结对计入方式")
class PairingVia(enum.Enum):
    DIRECT = "直接与本网格结对"
    GRID = "与本网格所在的上级网格结对"
    COMMUNITY = "与本网格所在社区结对"


@strawberry.type(description="一条使单位计入网格结对单位的结对关系")
class GridPairing:
    unit: Unit
    via: PairingVia
    through: Node = strawberry.field(description="结对关系所连的网格或社区")
    since: dt.date | None = strawberry.field(description="结对起始日期")


TYPES: dict[str, type[Node]] = {
    cls.__name__: cls
    for cls in (
        District,
        Street,
        Community,
        Grid,
        PartyOrganization,
        Alliance,
        Unit,
        Person,
        Project,
        VolunteerTeam,
        Wish,
        Demand,
        Resource,
        Request,
        Evaluation,
        Activity,
    )
}


def entity(row: Row) -> Node:
    return TYPES[row["label"]].from_row(row)


def entities(rows: list[Row], cls: type[N]) -> list[N]:
    return [cls.from_row(row) for row in rows]


def first(rows: list[Row], cls: type[N]) -> N | None:
    return cls.from_row(rows[0]) if rows else None
