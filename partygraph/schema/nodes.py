"""GraphQL types for the nodes of the vocabulary, with their navigation fields.

Each relationship field asks a batch loader (partygraph.resolvers), so a level of the query
sends one statement however many parents it has.
"""

from __future__ import annotations

from typing import Any, ClassVar

import strawberry
from neo4j.time import Date, DateTime

from partygraph.db import Row
from partygraph.resolvers import exploration
from partygraph.resolvers import navigation as nav
from partygraph.resolvers.navigation import AppInfo
from partygraph.schema.pagination import Connection, connection, decode_cursor, page_size


def _plain(value: Any) -> Any:
    """Graph temporal values as ISO strings: GraphQL clients get text."""
    if isinstance(value, Date | DateTime):
        return value.iso_format()
    return value


@strawberry.interface(
    name="Node",
    description="图中的任一实体。`id` 是稳定的全局唯一标识（其他系统集成用的键）。",
)
class Node:
    id: strawberry.ID
    name: str | None = strawberry.field(description="名称")
    label: str = strawberry.field(description="实体类型（DOMAIN.md 中的标签，如 Community）")
    # Scalar properties a type shows besides id and name: read from the stored node.
    shown: ClassVar[tuple[str, ...]] = ()

    @classmethod
    def from_row(cls, row: Row) -> Node:
        props: dict[str, Any] = row["props"]
        extra = {field: _plain(props.get(field)) for field in cls.shown}
        return cls(
            id=strawberry.ID(props["id"]), name=props.get("name"), label=row["label"], **extra
        )


@strawberry.type(description="区/县")
class District(Node):
    @strawberry.field(description="辖区内的街道/镇")
    async def streets(self, info: AppInfo) -> list[Street]:
        return entities(await nav.incoming(info, self.id, "IN", "Street"), Street)


@strawberry.type(description="街道/镇")
class Street(Node):
    @strawberry.field(description="所属区/县")
    async def district(self, info: AppInfo) -> District | None:
        return first(await nav.outgoing(info, self.id, "IN", "District"), District)

    @strawberry.field(description="辖区内的社区/村")
    async def communities(self, info: AppInfo) -> list[Community]:
        return entities(await nav.incoming(info, self.id, "IN", "Community"), Community)


@strawberry.type(description="社区/村")
class Community(Node):
    @strawberry.field(description="所属街道/镇")
    async def street(self, info: AppInfo) -> Street | None:
        return first(await nav.outgoing(info, self.id, "IN", "Street"), Street)

    @strawberry.field(description="直接位于本社区的网格（社区网格）")
    async def grids(self, info: AppInfo) -> list[Grid]:
        return entities(await nav.incoming(info, self.id, "IN", "Grid"), Grid)

    @strawberry.field(description="与本社区结对共建的单位")
    async def paired_units(self, info: AppInfo) -> list[Unit]:
        return entities(await nav.incoming(info, self.id, "PAIRED_WITH", "Unit"), Unit)

    @strawberry.field(description="包联本社区的领导干部")
    async def contacts(self, info: AppInfo) -> list[Person]:
        return entities(await nav.incoming(info, self.id, "CONTACTS", "Person"), Person)

    @strawberry.field(description="领导本社区的党组织")
    async def party_organizations(self, info: AppInfo) -> list[PartyOrganization]:
        rows = await nav.incoming(info, self.id, "LEADS", "PartyOrganization")
        return entities(rows, PartyOrganization)

    @strawberry.field(
        description="居住在本社区（或其下网格）、尚未向本社区报到（双报到）的党员",
    )
    async def unreported_members(
        self, info: AppInfo, first: int | None = 20, after: str | None = None
    ) -> Connection[Person]:
        size = page_size(first)
        graph = info.context.graph
        rows = await exploration.unreported_members(graph, self.id, decode_cursor(after), size + 1)
        return connection(
            entities(rows, Person),
            [row["key"] for row in rows],
            size,
            lambda: exploration.unreported_members_count(graph, self.id),
        )


@strawberry.type(description="网格（社区网格、小区/单位/片区网格、楼栋微网格）")
class Grid(Node):
    level: str | None = strawberry.field(
        default=None, description="层级：COMMUNITY 社区网格/COMPOUND 小区网格/BUILDING 楼栋微网格"
    )
    kind: str | None = strawberry.field(
        default=None, description="类型：COMPREHENSIVE 综合/DEDICATED 专属"
    )
    shown: ClassVar[tuple[str, ...]] = ("level", "kind")

    @strawberry.field(description="直接上级（社区或上级网格）")
    async def parent(self, info: AppInfo) -> Node | None:
        rows = await nav.outgoing(info, self.id, "IN")
        return entity(rows[0]) if rows else None

    @strawberry.field(description="网格所在的社区（逐级向上）")
    async def community(self, info: AppInfo) -> Community | None:
        row = await nav.containing_community(info, self.id)
        return Community.from_row(row) if row else None  # type: ignore[return-value]

    @strawberry.field(description="下级网格")
    async def grids(self, info: AppInfo) -> list[Grid]:
        return entities(await nav.incoming(info, self.id, "IN", "Grid"), Grid)

    @strawberry.field(
        description="结对单位：与本网格、其所在的上级网格或所在社区结对共建的单位（去重）"
    )
    async def paired_units(self, info: AppInfo) -> list[Unit]:
        return entities(await nav.grid_paired_units(info, self.id), Unit)

    @strawberry.field(description="领导本网格的党组织（网格党支部、功能型党支部）")
    async def party_organizations(self, info: AppInfo) -> list[PartyOrganization]:
        rows = await nav.incoming(info, self.id, "LEADS", "PartyOrganization")
        return entities(rows, PartyOrganization)


@strawberry.type(description="党组织")
class PartyOrganization(Node):
    type: str | None = strawberry.field(
        default=None,
        description="COMMITTEE 党委/GENERAL_BRANCH 党总支/BRANCH 党支部/"
        "FUNCTIONAL_BRANCH 功能型党支部/GRID_BRANCH 网格党支部",
    )
    shown: ClassVar[tuple[str, ...]] = ("type",)

    @strawberry.field(description="上级党组织")
    async def parent(self, info: AppInfo) -> PartyOrganization | None:
        rows = await nav.outgoing(info, self.id, "UNDER", "PartyOrganization")
        return first(rows, PartyOrganization)

    @strawberry.field(description="所属单位")
    async def unit(self, info: AppInfo) -> Unit | None:
        return first(await nav.outgoing(info, self.id, "OF", "Unit"), Unit)

    @strawberry.field(description="党员")
    async def members(self, info: AppInfo) -> list[Person]:
        return entities(await nav.incoming(info, self.id, "MEMBER_OF", "Person"), Person)

    @strawberry.field(description="领导的社区或网格")
    async def leads(self, info: AppInfo) -> list[Node]:
        return [entity(row) for row in await nav.outgoing(info, self.id, "LEADS")]


@strawberry.type(description="联盟（红心结、片区联盟、商圈联盟）")
class Alliance(Node):
    @strawberry.field(description="成员党组织和社区")
    async def members(self, info: AppInfo) -> list[Node]:
        return [entity(row) for row in await nav.incoming(info, self.id, "MEMBER_OF")]


@strawberry.type(description="驻区单位/机关部门")
class Unit(Node):
    category: str | None = strawberry.field(
        default=None, description="类别，如 DEPARTMENT 机关部门、STATE_ENTERPRISE 国有企业"
    )
    level: str | None = strawberry.field(
        default=None, description="层级：PROVINCE 省/CITY 市/DISTRICT 区/STREET 街道"
    )
    shown: ClassVar[tuple[str, ...]] = ("category", "level")

    @strawberry.field(description="结对共建的社区")
    async def paired_communities(self, info: AppInfo) -> list[Community]:
        rows = await nav.outgoing(info, self.id, "PAIRED_WITH", "Community")
        return entities(rows, Community)

    @strawberry.field(description="结对（分包）的网格")
    async def paired_grids(self, info: AppInfo) -> list[Grid]:
        return entities(await nav.outgoing(info, self.id, "PAIRED_WITH", "Grid"), Grid)

    @strawberry.field(description="在本单位工作的人员")
    async def members(self, info: AppInfo) -> list[Person]:
        return entities(await nav.incoming(info, self.id, "WORKS_AT", "Person"), Person)

    @strawberry.field(description="本单位的党组织")
    async def party_organizations(self, info: AppInfo) -> list[PartyOrganization]:
        rows = await nav.incoming(info, self.id, "OF", "PartyOrganization")
        return entities(rows, PartyOrganization)


@strawberry.type(description="人员：党员、干部、网格员、志愿者（可兼多种身份）")
class Person(Node):
    @strawberry.field(description="所在党组织")
    async def organizations(self, info: AppInfo) -> list[PartyOrganization]:
        rows = await nav.outgoing(info, self.id, "MEMBER_OF", "PartyOrganization")
        return entities(rows, PartyOrganization)

    @strawberry.field(description="居住地（网格或社区）")
    async def residence(self, info: AppInfo) -> Node | None:
        rows = await nav.outgoing(info, self.id, "RESIDES_IN")
        return entity(rows[0]) if rows else None

    @strawberry.field(description="工作单位")
    async def unit(self, info: AppInfo) -> Unit | None:
        return first(await nav.outgoing(info, self.id, "WORKS_AT", "Unit"), Unit)

    @strawberry.field(description="已报到的社区（双报到）")
    async def reported_to(self, info: AppInfo) -> list[Community]:
        rows = await nav.outgoing(info, self.id, "REPORTED_TO", "Community")
        return entities(rows, Community)

    @strawberry.field(description="包联的社区或网格")
    async def contacts(self, info: AppInfo) -> list[Node]:
        return [entity(row) for row in await nav.outgoing(info, self.id, "CONTACTS")]


@strawberry.type(description="共建项目（项目、协议、责任书）")
class Project(Node):
    @strawberry.field(description="承担单位")
    async def units(self, info: AppInfo) -> list[Unit]:
        return entities(await nav.outgoing(info, self.id, "BY", "Unit"), Unit)

    @strawberry.field(description="服务的社区")
    async def communities(self, info: AppInfo) -> list[Community]:
        return entities(await nav.outgoing(info, self.id, "FOR", "Community"), Community)


@strawberry.type(description="志愿队伍（如红色突击队）")
class VolunteerTeam(Node):
    @strawberry.field(description="所属单位")
    async def unit(self, info: AppInfo) -> Unit | None:
        return first(await nav.outgoing(info, self.id, "OF", "Unit"), Unit)


@strawberry.type(description="微心愿")
class Wish(Node):
    pass


@strawberry.type(description="需求清单项")
class Demand(Node):
    pass


@strawberry.type(description="共享资源")
class Resource(Node):
    pass


@strawberry.type(description="诉求工单")
class Request(Node):
    pass


@strawberry.type(description="评议")
class Evaluation(Node):
    pass


@strawberry.type(description="活动/会议（联席会议、党课、走访、志愿服务）")
class Activity(Node):
    pass


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


def entities(rows: list[Row], cls: type[Node]) -> list[Any]:
    return [cls.from_row(row) for row in rows]


def first(rows: list[Row], cls: type[Node]) -> Any:
    return cls.from_row(rows[0]) if rows else None
