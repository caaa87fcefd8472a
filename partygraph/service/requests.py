"""Request flow (诉求工单, 吹哨报到): requests by area or unit, the whistle chain, figures by
period, and the state changes of a request.

A request is raised in a grid (level 0), may be whistled up to the street holding the grid
(level 1), to the district (level 2) and, from level 1 up, to a functional department (level 3:
吹哨部门报到). It ends CLOSED (办结) or RETURNED as invalid (无效退单); only OPEN and ESCALATED
requests are still pending and can change.
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass
from typing import Any

from partygraph import audit, ids
from partygraph.cypher.names import Statement
from partygraph.db import Graph, Row, Tx
from partygraph.errors import BAD_USER_INPUT, INVALID_STATE, UserError
from partygraph.paging import Page, Window, read_page
from partygraph.properties import PropertyError, as_utc, kept_instant
from partygraph.service import hiding
from partygraph.service.checks import distinct, may_choose_id, prop, require_nodes

# Areas whose requests are those of the grids lying in them; units answer for requests too.
AREA_LABELS = ("Grid", "Community", "Street", "District")
UNIT = "Unit"
# The areas lying directly in an area, for figures per child area.
CHILD_LABEL = {"District": "Street", "Street": "Community", "Community": "Grid", "Grid": "Grid"}
PENDING = ("OPEN", "ESCALATED")

STREET_LEVEL, DISTRICT_LEVEL, DEPARTMENT_LEVEL = 1, 2, 3
DEFAULT_DUE = dt.timedelta(days=7)
MAX_DESCRIPTION = 2000
MAX_REASON = 2000
NAME_LENGTH = 30  # a request's name is the start of its description


def utc(moment: dt.datetime | None) -> dt.datetime | None:
    """An instant in UTC, for comparing; a naive one is taken to be UTC already."""
    if moment is None:
        return None
    try:
        return as_utc(moment, moment.isoformat())
    except PropertyError as exc:
        raise UserError(str(exc)) from None


def kept(moment: dt.datetime | None) -> dt.datetime | None:
    """An instant to store, with the offset it was given."""
    if moment is None:
        return None
    try:
        return kept_instant(moment, moment.isoformat())
    except PropertyError as exc:
        raise UserError(str(exc)) from None


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


# ---------------------------------------------------------------- queries


@dataclass(frozen=True)
class RequestFilter:
    statuses: list[str] | None  # None: any status
    overdue_only: bool
    at: dt.datetime  # "overdue" is judged at this instant

    def params(self) -> dict[str, Any]:
        return {"statuses": self.statuses, "overdueOnly": self.overdue_only, "now": self.at}


def _statements(label: str) -> tuple[Statement, Statement]:
    """(page, count) statements for requests of an area or of a unit."""
    if label == UNIT:
        return "requests_page_of_unit", "requests_count_of_unit"
    return "requests_page_in_area", "requests_count_in_area"


async def requests(
    graph: Graph, label: str, key: str, where: RequestFilter, window: Window
) -> Page:
    """The requests of an area or unit (`label` says which), filtered, paged by id."""
    return await read_page(graph, _statements(label), {"id": key, **where.params()}, window)


def _period(start: dt.datetime | None, end: dt.datetime | None) -> dict[str, Any]:
    return {"from": start, "to": end, "now": now()}


async def stats(graph: Graph, key: str, start: dt.datetime | None, end: dt.datetime | None) -> Row:
    row = await graph.one("requests_stats", {"id": key, **_period(start, end)})
    assert row is not None  # an aggregate: always one row
    return row


async def stats_by_child(
    graph: Graph, key: str, label: str, start: dt.datetime | None, end: dt.datetime | None
) -> list[Row]:
    params = {"id": key, **_period(start, end)}
    return await graph.read("requests_stats_by_child", params, label=CHILD_LABEL[label])


async def escalation_chain(graph: Graph, request_id: str) -> tuple[str | None, list[Row]]:
    """(label of the id or None when missing, the whistle steps in order)."""
    started = time.monotonic()
    rows = await graph.read("requests_escalation_chain", {"id": request_id})
    if not rows:
        await hiding.found_nothing(graph.access, started)
        return None, []
    return rows[0]["kind"], [row for row in rows if row["key"] is not None]


async def first_responsible(graph: Graph, request_id: str) -> tuple[str | None, Row | None]:
    """(label of the id or None when missing, the first-responsible unit's row or None)."""
    started = time.monotonic()
    rows = await graph.read("requests_first_responsible", {"id": request_id})
    if not rows:
        await hiding.found_nothing(graph.access, started)
        return None, None
    return rows[0]["kind"], rows[0] if rows[0]["key"] is not None else None


# ---------------------------------------------------------------- mutations


def _invalid_state(message: str, status: Any, **extra: Any) -> UserError:
    return UserError(message, code=INVALID_STATE, status=status, **extra)


def _text(value: str, field: str, limit: int) -> str:
    text = value.strip()
    if not text:
        raise UserError(f"{field} must not be empty")
    if len(text) > limit:
        raise UserError(f"{field} must be at most {limit} characters", limit=limit)
    return text


def _new_id(given: str | None) -> str:
    try:
        return ids.chosen_or_new(given, "r")
    except PropertyError as exc:
        raise UserError(str(exc)) from exc


@dataclass(frozen=True)
class NewRequest:
    grid_id: str
    category: str
    description: str
    due_at: dt.datetime | None
    id: str | None


async def raise_request(graph: Graph, new: NewRequest) -> Row:
    description = _text(new.description, "description", MAX_DESCRIPTION)
    may_choose_id(graph, new.id)
    request_id = _new_id(new.id)  # generated once: a retried transaction reuses it
    audit.touches([request_id])
    raised = now()
    due = kept(new.due_at) or raised + DEFAULT_DUE
    if due <= raised:
        raise UserError("dueAt must be later than the moment the request is raised")
    props = {
        "name": description.splitlines()[0][:NAME_LENGTH],
        "category": new.category,
        "description": description,
        "status": "OPEN",
        "level": 0,
        "raisedAt": raised,
        "dueAt": due,
    }

    async def work(tx: Tx) -> Row:
        await require_nodes(tx, {new.grid_id: "Grid"})
        if await tx.value("label_of", {"id": request_id}) is not None:
            raise UserError(f"id {request_id!r} is already used", code=BAD_USER_INPUT)
        params = {"gridId": new.grid_id, "id": request_id, "props": props}
        return (await tx.run("requests_create", params))[0]

    return await graph.transaction(work)


async def _pending(tx: Tx, request_id: str, others: dict[str, str], action: str) -> Row:
    """The request's row after checking every id and that the request is still pending."""
    row = (await require_nodes(tx, {request_id: "Request"}))[request_id]
    distinct(id=request_id, unitId=next(iter(others), None))
    if others:
        # The unit a request goes to is only read: a street whistles departments it does
        # not run.
        await require_nodes(tx, others, read_only=others)
    status = prop(row, "status")
    if status not in PENDING:
        raise _invalid_state(f"a {status} request cannot be {action}", status, id=request_id)
    return row


def _changed(rows: list[Row], request_id: str) -> Row:
    """The written row; none means the request changed since it was checked: roll back."""
    if not rows:
        raise _invalid_state("the request changed meanwhile; read it again", None, id=request_id)
    return rows[0]


async def _whistle_target(tx: Tx, row: Row, level: int, unit_id: str | None) -> str:
    """The node the next whistle goes to: the street, the district, or the department."""
    status = prop(row, "status")
    if level >= DEPARTMENT_LEVEL:
        message = "the request is already with a functional department (level 3), the top"
        raise _invalid_state(message, status, level=level)
    if unit_id is not None:
        if level < STREET_LEVEL:
            message = "a department is whistled from the street up: escalate to the street first"
            raise _invalid_state(message, status, level=level)
        return unit_id
    if level >= DISTRICT_LEVEL:
        message = "the request is already at the district (level 2); whistle a department (unitId)"
        raise _invalid_state(message, status, level=level)
    targets = await tx.one("requests_escalation_targets", {"id": row["key"]})
    where = "street" if level == 0 else "district"
    target = targets[where] if targets else None
    if target is None:
        raise _invalid_state(f"the request's grid lies in no {where}", status, level=level)
    return str(target)


async def escalate(graph: Graph, request_id: str, unit_id: str | None) -> Row:
    async def work(tx: Tx) -> Row:
        others = {unit_id: UNIT} if unit_id is not None else {}
        row = await _pending(tx, request_id, others, "escalated")
        level = int(prop(row, "level") or 0)
        target = await _whistle_target(tx, row, level, unit_id)
        new_level = DEPARTMENT_LEVEL if unit_id is not None else level + 1
        params = {
            "id": request_id,
            "fromLevel": level,
            "level": new_level,
            "targetId": target,
            "at": now(),
        }
        return _changed(await tx.run("requests_escalate", params), request_id)

    return await graph.transaction(work)


async def assign_first_responsible(graph: Graph, request_id: str, unit_id: str) -> Row:
    async def work(tx: Tx) -> Row:
        await _pending(tx, request_id, {unit_id: UNIT}, "reassigned")
        await tx.run("requests_drop_first_responsible", {"id": request_id})
        rows = await tx.run("requests_set_first_responsible", {"id": request_id, "unitId": unit_id})
        return _changed(rows, request_id)

    return await graph.transaction(work)


async def close(graph: Graph, request_id: str, satisfaction: int) -> Row:
    if not 1 <= satisfaction <= 5:
        raise UserError("satisfaction must be between 1 and 5")

    async def work(tx: Tx) -> Row:
        await _pending(tx, request_id, {}, "closed")
        params = {"id": request_id, "at": now(), "satisfaction": satisfaction}
        return _changed(await tx.run("requests_close", params), request_id)

    return await graph.transaction(work)


async def return_invalid(graph: Graph, request_id: str, reason: str) -> Row:
    text = _text(reason, "reason", MAX_REASON)

    async def work(tx: Tx) -> Row:
        await _pending(tx, request_id, {}, "returned")
        params = {"id": request_id, "at": now(), "reason": text}
        return _changed(await tx.run("requests_return", params), request_id)

    return await graph.transaction(work)
