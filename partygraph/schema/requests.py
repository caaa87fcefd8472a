"""Request flow (诉求工单, 吹哨报到) in GraphQL: requests by area or unit, the whistle chain,
the first-responsible unit, figures by period and area, and the request's state changes."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import strawberry

from partygraph.db import Row
from partygraph.enums import RequestCategory, RequestStatus
from partygraph.errors import UserError
from partygraph.paging import window
from partygraph.schema.info import AppInfo
from partygraph.schema.nodes import Node, Request, Unit, entity
from partygraph.schema.pagination import Connection, connection
from partygraph.schema.permissions import AREA_FIGURES, OFFICES, OFFICES_AND_UNITS, only
from partygraph.service import navigation as nav
from partygraph.service import requests as flow
from partygraph.service.checks import check_label
from partygraph.values import read_instant

# `from` is a Python keyword: the argument is named from_ in code.
Since = Annotated[dt.datetime | None, strawberry.argument(name="from")]


@strawberry.type(description="吹哨上报链条中的一步（吹哨报到）")
class EscalationStep:
    level: int = strawberry.field(description="响应层级：1 街道，2 区，3 职能部门（吹哨部门报到）")
    at: dt.datetime | None = strawberry.field(description="吹哨时间（UTC）")
    target: Node = strawberry.field(description="被吹哨、前来报到的街道、区或职能部门")


@strawberry.type(
    description="诉求办理统计（按提出时间 raisedAt 落在 [from, to) 的诉求）。"
    "total = closed + returnedInvalid + open。"
)
class RequestStats:
    total: int = strawberry.field(description="诉求总数（含无效退回）")
    closed: int = strawberry.field(description="已办结数")
    returned_invalid: int = strawberry.field(description="无效退回数（无效退单）")
    open: int = strawberry.field(description="在办数：待处理或已吹哨上报、尚未办结")
    escalated: int = strawberry.field(description="在办且已吹哨上报的数量")
    overdue: int = strawberry.field(description="超期数：在办且已过办理时限（按查询时刻判断）")
    closed_late: int = strawberry.field(description="超期办结数：办结时间晚于办理时限")
    closure_rate: float | None = strawberry.field(
        description="办结率 = closed / (total − returnedInvalid)：无效退回的诉求不是有效诉求，"
        "不计入分母；有效诉求为 0 时为 null"
    )
    return_rate: float | None = strawberry.field(
        description="无效退单率 = returnedInvalid / total；total 为 0 时为 null"
    )
    average_hours_to_close: float | None = strawberry.field(
        description="已办结诉求从提出到办结的平均小时数；无办结时为 null"
    )
    average_satisfaction: float | None = strawberry.field(
        description="已办结诉求的平均满意度（1-5，未评价的不计）；无评价时为 null"
    )


@strawberry.type(description="下级区域的诉求办理统计")
class AreaRequestStats(RequestStats):
    area: Node = strawberry.field(description="下级区域：街道、社区或网格")


def _ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _stats(row: Row) -> dict[str, object]:
    total, closed, returned = int(row["total"]), int(row["closed"]), int(row["returned"])
    seconds = row["closeSeconds"]
    return {
        "total": total,
        "closed": closed,
        "returned_invalid": returned,
        "open": int(row["pending"]),
        "escalated": int(row["escalated"]),
        "overdue": int(row["overdue"]),
        "closed_late": int(row["closedLate"]),
        "closure_rate": _ratio(closed, total - returned),
        "return_rate": _ratio(returned, total),
        "average_hours_to_close": None if seconds is None else float(seconds) / 3600,
        "average_satisfaction": row["satisfaction"],
    }


async def _labelled(info: AppInfo, key: str, allowed: tuple[str, ...]) -> str:
    """The domain label of `key`: NOT_FOUND when missing, BAD_USER_INPUT when not allowed."""
    row = await nav.by_id(info.context, key)
    return check_label(key, row["label"] if row else None, allowed)


def _known(key: str, kind: str | None) -> None:
    """Checks the label a request statement found for `key`."""
    check_label(key, kind, "Request")


def _period(start: dt.datetime | None, end: dt.datetime | None) -> tuple[dt.datetime | None, ...]:
    start, end = flow.utc(start), flow.utc(end)
    if start is not None and end is not None and start >= end:
        raise UserError("`from` must be earlier than `to`")
    return start, end


@strawberry.type
class RequestsQuery:
    @strawberry.field(
        description="区域内的诉求工单：areaId 为网格（含其下各级网格）、社区、街道或区时，"
        "取位于其中的网格里的诉求；为单位时，取以其为首问负责单位或向其吹哨的诉求。"
        "status 省略表示不限状态；overdueOnly 只取在办且已超期的。按 id 分页。"
    )
    async def requests(
        self,
        info: AppInfo,
        area_id: strawberry.ID,
        status: list[RequestStatus] | None = None,
        overdue_only: bool | None = False,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[Request] | None:
        page = window(first, after, last, before)
        label = await _labelled(info, area_id, (*flow.AREA_LABELS, flow.UNIT))
        where = flow.RequestFilter(
            statuses=None if status is None else [s.name for s in status],
            overdue_only=bool(overdue_only),
            at=flow.now(),
        )
        found = await flow.requests(info.context.graph, label, area_id, where, page)
        return connection(found, Request.from_row)

    @strawberry.field(description="一件诉求的吹哨上报链条，按层级和时间排序；未吹哨时为空列表")
    async def escalation_chain(
        self, info: AppInfo, id: strawberry.ID
    ) -> list[EscalationStep] | None:
        kind, rows = await flow.escalation_chain(info.context.graph, id)
        _known(id, kind)
        return [EscalationStep(level=r["level"], at=_at(r["at"]), target=entity(r)) for r in rows]

    @strawberry.field(description="诉求的首问负责单位；尚未指定时为 null")
    async def first_responsible(self, info: AppInfo, id: strawberry.ID) -> Unit | None:
        kind, row = await flow.first_responsible(info.context.graph, id)
        _known(id, kind)
        return Unit.from_row(row) if row else None

    @strawberry.field(
        description="区域（网格、社区、街道、区）内提出时间在 [from, to) 的诉求办理统计；"
        "from、to 均可省略",
        extensions=[only(AREA_FIGURES)],
    )
    async def request_stats(
        self,
        info: AppInfo,
        area_id: strawberry.ID,
        from_: Since = None,
        to: dt.datetime | None = None,
    ) -> RequestStats | None:
        start, end = _period(from_, to)
        await _labelled(info, area_id, flow.AREA_LABELS)
        row = await flow.stats(info.context.graph, area_id, start, end)
        return RequestStats(**_stats(row))  # type: ignore[arg-type]

    @strawberry.field(
        description="按下级区域的诉求办理统计：区 → 街道，街道 → 社区，社区 → 社区网格，"
        "网格 → 下级网格（直接位于该网格本身的诉求不归入任何下级）。无诉求的下级也列出。",
        extensions=[only(AREA_FIGURES)],
    )
    async def request_stats_by_area(
        self,
        info: AppInfo,
        area_id: strawberry.ID,
        from_: Since = None,
        to: dt.datetime | None = None,
    ) -> list[AreaRequestStats] | None:
        start, end = _period(from_, to)
        label = await _labelled(info, area_id, flow.AREA_LABELS)
        rows = await flow.stats_by_child(info.context.graph, area_id, label, start, end)
        return [
            AreaRequestStats(area=entity(row), **_stats(row))  # type: ignore[arg-type]
            for row in rows
        ]


def _at(value: object) -> dt.datetime | None:
    """A stored instant as an aware datetime, with its offset where the graph kept one."""
    return read_instant(value)


@strawberry.input(description="在网格内提出诉求")
class RaiseRequestInput:
    grid_id: strawberry.ID
    category: RequestCategory
    description: str
    due_at: dt.datetime | None = strawberry.field(default=None, description="办理时限，默认 7 天")
    id: strawberry.ID | None = strawberry.field(default=None, description="不给则自动生成")


@strawberry.input(description="吹哨上报一级；给出 unitId 时向职能部门吹哨")
class EscalateRequestInput:
    id: strawberry.ID
    unit_id: strawberry.ID | None = None


@strawberry.input(description="指定或更换首问负责单位")
class AssignFirstResponsibleInput:
    id: strawberry.ID
    unit_id: strawberry.ID


@strawberry.input(description="办结诉求")
class CloseRequestInput:
    id: strawberry.ID
    satisfaction: int = strawberry.field(description="满意度 1-5")


@strawberry.input(description="作为无效诉求退回")
class ReturnRequestInput:
    id: strawberry.ID
    reason: str


@strawberry.type(description="提出的诉求")
class RaiseRequestPayload:
    request: Request
    created_ids: list[strawberry.ID] = strawberry.field(description="新诉求的 id")


@strawberry.type(description="上报后的诉求")
class EscalateRequestPayload:
    request: Request


@strawberry.type(description="指定首问负责单位后的诉求")
class AssignFirstResponsiblePayload:
    request: Request


@strawberry.type(description="办结的诉求")
class CloseRequestPayload:
    request: Request


@strawberry.type(description="退回的诉求")
class ReturnRequestPayload:
    request: Request


@strawberry.type
class RequestsMutation:
    @strawberry.mutation(
        description="在网格内提出诉求：状态 OPEN、层级 0（网格），提出时间为当前时刻（UTC），"
        "办理时限默认 7 天；id 省略时自动生成（r- 加随机串），给出的 id 已被占用时报错",
        extensions=[only(OFFICES)],
    )
    async def raise_request(
        self, info: AppInfo, input: RaiseRequestInput
    ) -> RaiseRequestPayload | None:
        new = flow.NewRequest(
            input.grid_id, input.category.name, input.description, input.due_at, input.id
        )
        made = Request.from_row(await flow.raise_request(info.context.graph, new))
        return RaiseRequestPayload(request=made, created_ids=[made.id])

    @strawberry.mutation(
        description="吹哨上报一级：网格 → 所在街道（1）→ 所在区（2）；给出 unitId 时改为向"
        "职能部门吹哨（3，部门报到，须已到街道层级）。已办结、已退回或已到顶层的不能再上报",
        extensions=[only(OFFICES)],
    )
    async def escalate_request(
        self, info: AppInfo, input: EscalateRequestInput
    ) -> EscalateRequestPayload | None:
        row = await flow.escalate(info.context.graph, input.id, input.unit_id)
        return EscalateRequestPayload(request=Request.from_row(row))

    @strawberry.mutation(
        description="指定或更换诉求的首问负责单位（仅限在办的诉求）", extensions=[only(OFFICES)]
    )
    async def assign_first_responsible(
        self, info: AppInfo, input: AssignFirstResponsibleInput
    ) -> AssignFirstResponsiblePayload | None:
        row = await flow.assign_first_responsible(info.context.graph, input.id, input.unit_id)
        return AssignFirstResponsiblePayload(request=Request.from_row(row))

    @strawberry.mutation(
        description="办结诉求，记录满意度（1-5）；仅限在办的诉求",
        extensions=[only(OFFICES_AND_UNITS)],
    )
    async def close_request(
        self, info: AppInfo, input: CloseRequestInput
    ) -> CloseRequestPayload | None:
        row = await flow.close(info.context.graph, input.id, input.satisfaction)
        return CloseRequestPayload(request=Request.from_row(row))

    @strawberry.mutation(
        description="作为无效诉求退回（无效退单），须说明原因；仅限在办的诉求",
        extensions=[only(OFFICES_AND_UNITS)],
    )
    async def return_request(
        self, info: AppInfo, input: ReturnRequestInput
    ) -> ReturnRequestPayload | None:
        row = await flow.return_invalid(info.context.graph, input.id, input.reason)
        return ReturnRequestPayload(request=Request.from_row(row))
