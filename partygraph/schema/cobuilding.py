"""Co-building (共建) root fields: projects, two-way evaluations, the demand menu, and the
day-to-day changes (evaluate, take and complete demands, claim and fulfil wishes, activities)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import strawberry

from partygraph.db import Row
from partygraph.enums import ActivityType, ProjectCategory, ProjectStatus
from partygraph.paging import window
from partygraph.schema.info import AppInfo
from partygraph.schema.nodes import (
    Activity,
    Community,
    Demand,
    Node,
    Person,
    Project,
    Resource,
    Unit,
    Wish,
    entity,
)
from partygraph.schema.pagination import Connection, connection
from partygraph.schema.permissions import OFFICES, OFFICES_AND_UNITS, only
from partygraph.service import cobuilding as co
from partygraph.service.checks import distinct

PERIOD_HELP = "评议期：年 2024、半年 2024-H1、季度 2024-Q2 或月 2024-05"


def _node(props: dict[str, Any], label: str) -> Any:
    return entity({"key": props["id"], "label": label, "props": props})


# --- evaluations ----------------------------------------------------------------------------


@strawberry.type(description="一个社区给单位的评分")
class CommunityScore:
    community: Community = strawberry.field(description="评价的社区")
    score: float = strawberry.field(description="得分 0-100")


@strawberry.type(description="一个单位给社区的评分")
class UnitScore:
    unit: Unit = strawberry.field(description="评价的单位")
    score: float = strawberry.field(description="得分 0-100")


@strawberry.type(description="单位在一个评议期内得到的社区评价（社区评部门）")
class UnitEvaluation:
    unit: Unit = strawberry.field(description="被评价的单位")
    average: float = strawberry.field(description="平均分")
    count: int = strawberry.field(description="评价的社区数")
    min: float = strawberry.field(description="最低分")
    max: float = strawberry.field(description="最高分")
    scores: list[CommunityScore] = strawberry.field(description="各社区的评分（按社区 id）")


@strawberry.type(description="社区在一个评议期内得到的单位评价（双向评议的另一方向）")
class CommunityEvaluation:
    community: Community = strawberry.field(description="被评价的社区")
    average: float = strawberry.field(description="平均分")
    count: int = strawberry.field(description="评价的单位数")
    min: float = strawberry.field(description="最低分")
    max: float = strawberry.field(description="最高分")
    scores: list[UnitScore] = strawberry.field(description="各单位的评分（按单位 id）")


def _scores(row: Row, label: str) -> list[tuple[Any, float]]:
    given = sorted(row["scores"], key=lambda s: s["key"])
    return [(_node(s["props"], label), float(s["score"])) for s in given]


def _unit_evaluation(row: Row) -> UnitEvaluation:
    return UnitEvaluation(
        unit=Unit.from_row(row),
        average=float(row["average"]),
        count=int(row["total"]),
        min=float(row["low"]),
        max=float(row["high"]),
        scores=[CommunityScore(community=c, score=s) for c, s in _scores(row, "Community")],
    )


def _community_evaluation(row: Row) -> CommunityEvaluation:
    return CommunityEvaluation(
        community=Community.from_row(row),
        average=float(row["average"]),
        count=int(row["total"]),
        min=float(row["low"]),
        max=float(row["high"]),
        scores=[UnitScore(unit=u, score=s) for u, s in _scores(row, "Unit")],
    )


# --- demands --------------------------------------------------------------------------------


@strawberry.type(description="可承接需求的单位及其对口的共享资源")
class MatchingUnit:
    unit: Unit = strawberry.field(description="提供对口资源的单位")
    paired: bool = strawberry.field(description="该单位是否与需求所在社区结对共建")
    resources: list[Resource] = strawberry.field(description="该单位提供的、类别对口的资源")


@strawberry.type(description="待认领的需求清单项，附可承接的单位（资源类别与需求类别相同）")
class OpenDemand:
    demand: Demand = strawberry.field(description="需求")
    matching_units: list[MatchingUnit] = strawberry.field(
        description="提供同类别资源的单位：结对单位在前，其余按 id"
    )


def _matching(unit: dict[str, Any]) -> MatchingUnit:
    resources = sorted(unit["resources"], key=lambda r: r["id"])
    return MatchingUnit(
        unit=_node(unit["props"], "Unit"),
        paired=bool(unit["paired"]),
        resources=[_node(r, "Resource") for r in resources],
    )


def _open_demand(row: Row) -> OpenDemand:
    units = sorted(row["units"], key=lambda u: (not u["paired"], u["props"]["id"]))
    return OpenDemand(
        demand=Demand.from_row(row),
        matching_units=[_matching(u) for u in units],
    )


def _waiting_longest_first(demand: OpenDemand) -> tuple[bool, dt.date, str]:
    created = demand.demand.created_on
    return (created is None, created or dt.date.min, str(demand.demand.id))


# --- mutation results -----------------------------------------------------------------------


@strawberry.type(description="提交的评议：同一评价方对同一对象在同一评议期只保留一个分数")
class SubmittedEvaluation:
    evaluator: Node = strawberry.field(description="评价方（社区或单位）")
    evaluated: Node = strawberry.field(description="被评价方（单位或社区）")
    period: str = strawberry.field(description="评议期")
    score: float = strawberry.field(description="得分 0-100")
    previous_score: float | None = strawberry.field(
        description="本次提交替换掉的原分数；首次提交为 null"
    )


@strawberry.type(description="活动参加记录")
class Attendance:
    person: Person = strawberry.field(description="参加人")
    activity: Activity = strawberry.field(description="活动")
    hours: float = strawberry.field(description="服务/参加时长（小时）")
    previous_hours: float | None = strawberry.field(
        description="本次记录替换掉的原时长；首次记录为 null"
    )


# --- root fields ----------------------------------------------------------------------------


@strawberry.type
class CobuildingQuery:
    @strawberry.field(
        description="共建项目（按 id 分页）。筛选条件同时生效：承担单位、服务社区、类别、状态"
    )
    async def projects(
        self,
        info: AppInfo,
        unit_id: strawberry.ID | None = None,
        community_id: strawberry.ID | None = None,
        category: ProjectCategory | None = None,
        status: ProjectStatus | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[Project] | None:
        page = window(first, after, last, before)
        where = co.ProjectFilter(unit_id, community_id, category, status)
        await co.require_filter_ids(info.context, where.anchors())
        return connection(await co.projects(info.context.graph, where, page), Project.from_row)

    @strawberry.field(
        description="社区评部门：各单位在一个评议期内得到的社区评分，按平均分从高到低。"
        "可限定某个单位或某个评价社区。" + PERIOD_HELP
    )
    async def unit_evaluations(
        self,
        info: AppInfo,
        period: str,
        unit_id: strawberry.ID | None = None,
        community_id: strawberry.ID | None = None,
    ) -> list[UnitEvaluation] | None:
        co.check_period(period)
        await co.require_filter_ids(
            info.context, _filter(unit_id, "Unit", community_id, "Community")
        )
        rows = await co.evaluations(info.context.graph, period, "Unit", unit_id, community_id)
        return [_unit_evaluation(row) for row in rows]

    @strawberry.field(
        description="单位评社区（双向评议）：各社区在一个评议期内得到的单位评分，"
        "按平均分从高到低。可限定某个社区或某个评价单位。" + PERIOD_HELP
    )
    async def community_evaluations(
        self,
        info: AppInfo,
        period: str,
        community_id: strawberry.ID | None = None,
        unit_id: strawberry.ID | None = None,
    ) -> list[CommunityEvaluation] | None:
        co.check_period(period)
        await co.require_filter_ids(
            info.context, _filter(community_id, "Community", unit_id, "Unit")
        )
        rows = await co.evaluations(info.context.graph, period, "Community", community_id, unit_id)
        return [_community_evaluation(row) for row in rows]

    @strawberry.field(
        description="社区需求清单中待认领的需求（提出最早的在前），"
        "每项附提供同类别共享资源的单位，供单位“接单”"
    )
    async def open_demands(
        self, info: AppInfo, community_id: strawberry.ID
    ) -> list[OpenDemand] | None:
        await co.require_filter_ids(info.context, {community_id: "Community"})
        rows = await co.open_demands(info.context.graph, community_id)
        return sorted((_open_demand(row) for row in rows), key=_waiting_longest_first)


def _filter(a: str | None, a_label: str, b: str | None, b_label: str) -> dict[str, str]:
    distinct(**{f"{a_label.lower()}Id": a, f"{b_label.lower()}Id": b})
    found = {a: a_label, b: b_label}
    return {k: v for k, v in found.items() if k is not None}


@strawberry.input(description="提交双向评议：社区评单位，或单位评社区")
class SubmitEvaluationInput:
    from_: strawberry.ID = strawberry.field(name="from", description="评价方（社区或单位）")
    to: strawberry.ID = strawberry.field(description="被评价方（单位或社区）")
    period: str = strawberry.field(description=PERIOD_HELP)
    score: float = strawberry.field(description="得分 0-100")


@strawberry.input(description="单位接单")
class TakeDemandInput:
    id: strawberry.ID = strawberry.field(description="需求 id")
    unit_id: strawberry.ID = strawberry.field(description="接单的单位")


@strawberry.input(description="需求办结")
class CompleteDemandInput:
    id: strawberry.ID = strawberry.field(description="需求 id")


@strawberry.input(description="认领微心愿")
class ClaimWishInput:
    id: strawberry.ID = strawberry.field(description="心愿 id")
    person_id: strawberry.ID = strawberry.field(description="认领人")


@strawberry.input(description="点亮微心愿")
class FulfilWishInput:
    id: strawberry.ID = strawberry.field(description="心愿 id")


@strawberry.input(description="登记在社区或网格开展的活动/会议")
class RecordActivityInput:
    place_id: strawberry.ID = strawberry.field(description="社区或网格")
    name: str
    type: ActivityType
    date: dt.date
    hours: float | None = strawberry.field(default=None, description="时长（大于 0，至多 24）")
    id: strawberry.ID | None = strawberry.field(default=None, description="不给则自动生成")


@strawberry.input(description="登记人员参加活动及时长")
class RecordAttendanceInput:
    activity_id: strawberry.ID
    person_id: strawberry.ID
    hours: float = strawberry.field(description="时长（大于 0，至多 24）")


@strawberry.type(description="提交的评议")
class SubmitEvaluationPayload:
    evaluation: SubmittedEvaluation


@strawberry.type(description="接单后的需求")
class TakeDemandPayload:
    demand: Demand


@strawberry.type(description="办结的需求")
class CompleteDemandPayload:
    demand: Demand


@strawberry.type(description="认领后的心愿")
class ClaimWishPayload:
    wish: Wish


@strawberry.type(description="实现的心愿")
class FulfilWishPayload:
    wish: Wish


@strawberry.type(description="登记的活动")
class RecordActivityPayload:
    activity: Activity
    created_ids: list[strawberry.ID] = strawberry.field(description="新活动的 id")


@strawberry.type(description="登记的参加记录")
class RecordAttendancePayload:
    attendance: Attendance


@strawberry.type
class CobuildingMutation:
    @strawberry.mutation(
        description="提交双向评议：社区评单位，或单位评社区，得分 0-100。"
        "同一评价方对同一对象在同一评议期只保留一个分数：再次提交会替换原分数"
        "（评议期内可更正），原分数见 previousScore。" + PERIOD_HELP,
        extensions=[only(OFFICES_AND_UNITS)],
    )
    async def submit_evaluation(
        self, info: AppInfo, input: SubmitEvaluationInput
    ) -> SubmitEvaluationPayload | None:
        written = await co.submit_evaluation(
            info.context.graph, input.from_, input.to, input.period, input.score
        )
        evaluation = SubmittedEvaluation(
            evaluator=entity(written.source),
            evaluated=entity(written.target),
            period=input.period,
            score=written.value,
            previous_score=written.previous,
        )
        return SubmitEvaluationPayload(evaluation=evaluation)

    @strawberry.mutation(
        description="单位接单：待认领（OPEN）的需求变为已接单（TAKEN），记录接单日期；"
        "其他状态的需求不能接单（INVALID_STATE）",
        extensions=[only(OFFICES_AND_UNITS)],
    )
    async def take_demand(self, info: AppInfo, input: TakeDemandInput) -> TakeDemandPayload | None:
        row = await co.take_demand(info.context.graph, input.unit_id, input.id)
        return TakeDemandPayload(demand=Demand.from_row(row))

    @strawberry.mutation(
        description="需求办结：已接单（TAKEN）的需求变为已完成（DONE）",
        extensions=[only(OFFICES_AND_UNITS)],
    )
    async def complete_demand(
        self, info: AppInfo, input: CompleteDemandInput
    ) -> CompleteDemandPayload | None:
        row = await co.complete_demand(info.context.graph, input.id)
        return CompleteDemandPayload(demand=Demand.from_row(row))

    @strawberry.mutation(
        description="认领微心愿：待认领（OPEN）的心愿变为已认领（CLAIMED），记录认领日期；"
        "已认领或已实现的心愿不能再认领（INVALID_STATE）",
        extensions=[only(OFFICES_AND_UNITS)],
    )
    async def claim_wish(self, info: AppInfo, input: ClaimWishInput) -> ClaimWishPayload | None:
        row = await co.claim_wish(info.context.graph, input.person_id, input.id)
        return ClaimWishPayload(wish=Wish.from_row(row))

    @strawberry.mutation(
        description="点亮微心愿：已认领（CLAIMED）的心愿变为已实现（FULFILLED），"
        "在认领关系上记录实现日期",
        extensions=[only(OFFICES)],
    )
    async def fulfil_wish(self, info: AppInfo, input: FulfilWishInput) -> FulfilWishPayload | None:
        row = await co.fulfil_wish(info.context.graph, input.id)
        return FulfilWishPayload(wish=Wish.from_row(row))

    @strawberry.mutation(
        description="登记在社区或网格开展的活动/会议（联席会议、党课、走访、志愿服务）。"
        "不给 id 时生成 a- 加随机串；hours 为时长（大于 0，至多 24 小时）",
        extensions=[only(OFFICES)],
    )
    async def record_activity(
        self, info: AppInfo, input: RecordActivityInput
    ) -> RecordActivityPayload | None:
        row = await co.record_activity(
            info.context.graph,
            input.place_id,
            input.name,
            input.type,
            input.date,
            input.hours,
            input.id,
        )
        made = Activity.from_row(row)
        return RecordActivityPayload(activity=made, created_ids=[made.id])

    @strawberry.mutation(
        description="登记人员参加活动及时长（大于 0，至多 24 小时）；"
        "同一人再次登记同一活动时替换原时长",
        extensions=[only(OFFICES)],
    )
    async def record_attendance(
        self, info: AppInfo, input: RecordAttendanceInput
    ) -> RecordAttendancePayload | None:
        written = await co.record_attendance(
            info.context.graph, input.activity_id, input.person_id, input.hours
        )
        attendance = Attendance(
            person=Person.from_row(written.source),
            activity=Activity.from_row(written.target),
            hours=written.value,
            previous_hours=written.previous,
        )
        return RecordAttendancePayload(attendance=attendance)
