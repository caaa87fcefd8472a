"""Dual reporting (双报到), the reverse report (反向通报) and coverage gaps: docs/domain.md
questions 2 and 3, as root fields and the recordReport mutation."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import strawberry

from partygraph import values
from partygraph.db import Row
from partygraph.enums import ServeRole
from partygraph.paging import window
from partygraph.schema.info import AppInfo
from partygraph.schema.nodes import Community, Grid, Node, Person, Unit, Wish, entities, entity
from partygraph.schema.pagination import Connection, connection
from partygraph.schema.permissions import AREA_FIGURES, OFFICES, only
from partygraph.service import coverage as cov

AREA = "区/县、街道/镇或社区/村的 id"
AreaId = Annotated[strawberry.ID, strawberry.argument(description=AREA)]
MEMBER = "党员：加入了某个党组织（MEMBER_OF）的人员"
RESIDENCE = "居住社区：人员居住（RESIDES_IN）的社区，或其居住网格（逐级向上）所在的社区"


@strawberry.type(description="一个社区的双报到情况")
class CommunityReporting:
    community: Community = strawberry.field(description="社区")
    residing: int = strawberry.field(description=f"居住在本社区（或其下网格）的党员数（{MEMBER}）")
    reported: int = strawberry.field(description="其中已向本社区报到的人数")
    unreported: int = strawberry.field(description="其中尚未向本社区报到的人数")


@strawberry.type(description="反向通报中的一名在职党员")
class ReverseReportEntry:
    person: Person = strawberry.field(description="在职党员")
    residence_community: Community | None = strawberry.field(
        description=f"{RESIDENCE}（有多个时取 id 最小者）；未登记居住地时为 null"
    )
    reported: bool = strawberry.field(
        description="截至本期最后一天是否已向居住社区报到（双报到）：报到日期晚于本期的不计；"
        "未记录日期的报到计为已报到"
    )
    reported_on: dt.date | None = strawberry.field(
        description="报到日期；截至本期末尚未报到（或报到未记录日期）时为 null"
    )
    service_hours: float = strawberry.field(
        description="本期服务时长（小时）：日期在本期内的活动的参加时长（ATTENDED.hours，"
        "未记录时取活动时长）之和"
    )
    wishes_claimed: list[Wish] = strawberry.field(
        description="本期认领（CLAIMED.on 在本期内）的微心愿"
    )
    wishes_fulfilled: list[Wish] = strawberry.field(
        description="本期实现（CLAIMED.fulfilledOn 在本期内）的微心愿"
    )


@strawberry.type(description="反向通报：社区每期向在职党员所在单位通报其报到与服务情况")
class ReverseReport:
    unit: Unit = strawberry.field(description="单位")
    period: str = strawberry.field(description="通报期，如 2024-Q2")
    start: dt.date = strawberry.field(description="本期第一天")
    end: dt.date = strawberry.field(description="本期最后一天")
    members: list[ReverseReportEntry] = strawberry.field(
        description="在本单位工作（WORKS_AT）的每名党员，按 id 排序"
    )

    @strawberry.field(description="截至本期最后一天已向居住社区报到的人数")
    def reported_count(self) -> int:
        return sum(entry.reported for entry in self.members)

    @strawberry.field(description="本期服务时长合计（小时）")
    def service_hours(self) -> float:
        return sum(entry.service_hours for entry in self.members)


@strawberry.type(description="低于配备标准的网格及其干部、志愿者人数")
class GridStaffing:
    grid: Grid = strawberry.field(description="社区网格")
    cadres: int = strawberry.field(
        description="干部数：居住在本网格或其下级网格的干部（cadre=true），以及以 CADRE "
        "角色服务于本网格或其下级网格的人员（每人只计一次）"
    )
    volunteers: int = strawberry.field(
        description="志愿者数：以 VOLUNTEER 角色服务于本网格或其下级网格的人员（每人只计一次）"
    )


@strawberry.type(description="缺少“两长四员”角色的楼栋微网格")
class BuildingGridRoles:
    grid: Grid = strawberry.field(description="楼栋微网格")
    missing: list[ServeRole] = strawberry.field(
        description="没有人以该角色服务（SERVES）本网格的“两长四员”角色"
    )


@strawberry.type(description="覆盖缺口：每个字段各用一条查询，只在选取时查询")
class CoverageGaps:
    area: Node = strawberry.field(description="查询的区域")
    _area_id: strawberry.Private[str]
    _min_cadres: strawberry.Private[int]
    _min_volunteers: strawberry.Private[int]

    @strawberry.field(description="没有任何人员直接包联（CONTACTS）的社区")
    async def communities_without_contact_leader(self, info: AppInfo) -> list[Community]:
        rows = await cov.communities_without_contact(info.context.graph, self._area_id)
        return entities(rows, Community)

    @strawberry.field(description="没有任何单位直接结对共建（PAIRED_WITH）的社区")
    async def communities_without_paired_unit(self, info: AppInfo) -> list[Community]:
        rows = await cov.communities_without_paired_unit(info.context.graph, self._area_id)
        return entities(rows, Community)

    @strawberry.field(
        description="没有党组织领导（LEADS）的社区网格和小区/单位/片区网格。"
        "支部建在网格：每个社区网格、小区网格都应有网格党支部或功能型党支部；"
        "楼栋微网格设党小组长，见 buildingGridsMissingRoles"
    )
    async def grids_without_party_branch(self, info: AppInfo) -> list[Grid]:
        return entities(await cov.grids_without_branch(info.context.graph, self._area_id), Grid)

    @strawberry.field(
        description="干部或志愿者少于标准（minCadres、minVolunteers）的社区网格（level=COMMUNITY），"
        "人数含其下级网格"
    )
    async def grids_under_staffed(self, info: AppInfo) -> list[GridStaffing]:
        rows = await cov.grids_understaffed(
            info.context.graph, self._area_id, self._min_cadres, self._min_volunteers
        )
        return [
            GridStaffing(
                grid=Grid.from_row(row),
                cadres=row["cadres"],
                volunteers=row["volunteers"],
            )
            for row in rows
        ]

    @strawberry.field(
        description="缺少任一“两长四员”角色（党小组长、楼栋网格长、保洁员、保安员、物业管理员、"
        "调解员）的楼栋微网格（level=BUILDING）"
    )
    async def building_grids_missing_roles(self, info: AppInfo) -> list[BuildingGridRoles]:
        rows = await cov.building_grids_missing_roles(info.context.graph, self._area_id)
        return [
            BuildingGridRoles(
                grid=Grid.from_row(row),
                missing=[ServeRole[name] for name in row["missing"]],
            )
            for row in rows
        ]


@strawberry.type(description="包联干部及其在区域内包联的社区和网格")
class ContactLeader:
    person: Person = strawberry.field(description="包联的领导干部")
    communities: list[Community] = strawberry.field(description="在区域内包联的社区（按 id 排序）")
    grids: list[Grid] = strawberry.field(description="在区域内包联的网格（按 id 排序）")


def _reporting(row: Row) -> CommunityReporting:
    residing, reported = int(row["residing"]), int(row["reported"])
    return CommunityReporting(
        community=Community.from_row(row),
        residing=residing,
        reported=reported,
        unreported=residing - reported,
    )


def _entry(row: Row) -> ReverseReportEntry:
    home = row["home"]
    return ReverseReportEntry(
        person=Person.from_row(row),
        residence_community=Community.from_row({"label": "Community", "props": home})
        if home
        else None,
        reported=bool(row["reported"]),
        reported_on=values.read_date(row["reportedOn"]),
        service_hours=float(row["serviceHours"] or 0.0),
        wishes_claimed=entities(cov.node_rows("Wish", row["claimed"]), Wish),
        wishes_fulfilled=entities(cov.node_rows("Wish", row["fulfilled"]), Wish),
    )


def _leader(row: Row) -> ContactLeader:
    return ContactLeader(
        person=Person.from_row(row),
        communities=entities(cov.node_rows("Community", row["communities"]), Community),
        grids=entities(cov.node_rows("Grid", row["grids"]), Grid),
    )


@strawberry.type
class CoverageQuery:
    @strawberry.field(
        description="区域（区/县、街道/镇或社区/村）内尚未向居住社区报到的党员："
        f"{MEMBER}；每人按其自己的居住社区判断（{RESIDENCE}），"
        "没有向该社区报到（REPORTED_TO）即计入。与 Community.unreportedMembers 同一定义"
    )
    async def unreported_members_in(
        self,
        info: AppInfo,
        area_id: AreaId,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[Person] | None:
        page = window(first, after, last, before)
        await cov.require_entity(info.context, area_id, cov.AREA_LABELS)
        return connection(await cov.unreported(info.context.graph, area_id, page), Person.from_row)

    @strawberry.field(
        description="区域内每个社区的双报到情况（按社区 id 排序）：居住党员数、已报到、未报到",
        extensions=[only(AREA_FIGURES)],
    )
    async def reporting_summary(
        self, info: AppInfo, area_id: AreaId
    ) -> list[CommunityReporting] | None:
        await cov.require_entity(info.context, area_id, cov.AREA_LABELS)
        return [_reporting(row) for row in await cov.reporting_summary(info.context.graph, area_id)]

    @strawberry.field(
        description="反向通报：单位每名在职党员在本期（2024、2024-H1、2024-Q2 或 2024-05）"
        "的报到情况（截至本期末）、本期服务时长、本期认领和实现的微心愿"
    )
    async def reverse_report(
        self, info: AppInfo, unit_id: strawberry.ID, period: str
    ) -> ReverseReport | None:
        start, end = cov.period_bounds(period)
        unit = await cov.require_entity(info.context, unit_id, ("Unit",))
        rows = await cov.reverse_report(info.context.graph, unit_id, start, end)
        return ReverseReport(
            unit=Unit.from_row(unit),
            period=period,
            start=start,
            end=end,
            members=[_entry(row) for row in rows],
        )

    @strawberry.field(
        description="覆盖缺口（区/县、街道/镇或社区/村）：无包联领导或无结对单位的社区、"
        "无党支部的网格、低于配备标准（默认每个网格至少 6 名干部、30 名志愿者）的网格、"
        "缺“两长四员”的楼栋微网格",
        extensions=[only(AREA_FIGURES)],
    )
    async def coverage_gaps(
        self,
        info: AppInfo,
        area_id: AreaId,
        min_cadres: int | None = 6,
        min_volunteers: int | None = 30,
    ) -> CoverageGaps | None:
        # An explicit null means the standard (6 cadres, 30 volunteers per grid).
        min_cadres = cov.require_minimum("minCadres", 6 if min_cadres is None else min_cadres)
        min_volunteers = cov.require_minimum(
            "minVolunteers", 30 if min_volunteers is None else min_volunteers
        )
        area = await cov.require_entity(info.context, area_id, cov.AREA_LABELS)
        return CoverageGaps(
            area=entity(area),
            _area_id=area_id,
            _min_cadres=min_cadres,
            _min_volunteers=min_volunteers,
        )

    @strawberry.field(
        description="区域（区/县、街道/镇或社区/村）内的包联干部：包联（CONTACTS）区域内"
        "社区或网格的每个人员（按 id 排序），及其在区域内包联的社区和网格",
        extensions=[only(AREA_FIGURES)],
    )
    async def contact_leaders(self, info: AppInfo, area_id: AreaId) -> list[ContactLeader] | None:
        await cov.require_entity(info.context, area_id, cov.AREA_LABELS)
        return [_leader(row) for row in await cov.contact_leaders(info.context.graph, area_id)]


@strawberry.input(description="登记在职党员向居住社区报到（双报到）")
class RecordReportInput:
    person_id: strawberry.ID = strawberry.field(description="报到的党员")
    community_id: strawberry.ID = strawberry.field(description="居住社区")
    on: dt.date | None = strawberry.field(default=None, description="报到日期，默认今天（UTC）")


@strawberry.type(description="报到的党员")
class RecordReportPayload:
    person: Person


@strawberry.type
class CoverageMutation:
    @strawberry.mutation(
        description="登记在职党员向居住社区报到（双报到）。须为党员（否则 INVALID_STATE），"
        "须居住在该社区或其下网格（否则 BAD_USER_INPUT，并说明其居住地），"
        "不能重复报到（INVALID_STATE）；on 默认为今天（UTC），不得晚于明天。"
        "一个事务内完成，出错则不做任何改动。返回该人员",
        extensions=[only(OFFICES)],
    )
    async def record_report(
        self, info: AppInfo, input: RecordReportInput
    ) -> RecordReportPayload | None:
        day = input.on or dt.datetime.now(dt.UTC).date()
        row = await cov.record_report(info.context.graph, input.person_id, input.community_id, day)
        return RecordReportPayload(person=Person.from_row(row))
