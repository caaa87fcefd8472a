"""Co-building (共建): projects, two-way evaluations, the demand menu, micro-wishes, activities.

Reads send a fixed few statements per root field; every mutation is one transaction that
checks its input and the entity's state first, so a refused change writes nothing.
"""

from __future__ import annotations

import datetime as dt
import enum
import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from partygraph import audit, ids, properties, values
from partygraph.access import Reach
from partygraph.cypher.names import Statement
from partygraph.db import Graph, Row, Tx
from partygraph.enums import ActivityType, DemandStatus, ProjectCategory, ProjectStatus, WishStatus
from partygraph.errors import BAD_USER_INPUT, INVALID_STATE, UserError
from partygraph.paging import Page, Window, read_page
from partygraph.service.checks import (
    distinct,
    may_choose_id,
    prop,
    require_ids,
    require_nodes,
)
from partygraph.service.context import Context

# The seeds' calendar is China Standard Time (UTC+8, no daylight saving): "today" is its date.
CHINA = dt.timezone(dt.timedelta(hours=8), "CST")
MAX_HOURS = 24.0
# Two-way evaluation (双向评议): communities evaluate units and units evaluate communities.
# The vocabulary's EVALUATED also admits Community->Community and Unit->Unit; those are not
# evaluations the seeds describe, so they are refused here.
TWO_WAY = {("Community", "Unit"), ("Unit", "Community")}


def today() -> dt.date:
    return dt.datetime.now(CHINA).date()


def check_period(period: str) -> str:
    if not properties.PERIOD.match(period):
        raise UserError(
            f"period must look like 2024, 2024-H1, 2024-Q2 or 2024-05, not {period!r}",
            code=BAD_USER_INPUT,
        )
    return period


def check_hours(hours: float, what: str) -> float:
    if not math.isfinite(hours) or not 0 < hours <= MAX_HOURS:
        raise UserError(f"{what} must be more than 0 and at most {MAX_HOURS:g} hours")
    return float(hours)


async def require_filter_ids(ctx: Context, expected: Mapping[str, str]) -> None:
    """Filter ids must name an entity of the expected label: a typo answers NOT_FOUND rather
    than an empty list. The lookups share one batched statement."""
    await require_ids(ctx, expected)


def _name(value: enum.Enum | None) -> str | None:
    return value.name if value is not None else None


# --- projects -------------------------------------------------------------------------------


@dataclass(frozen=True)
class ProjectFilter:
    unit_id: str | None = None
    community_id: str | None = None
    category: ProjectCategory | None = None
    status: ProjectStatus | None = None

    def anchors(self) -> dict[str, str]:
        distinct(unitId=self.unit_id, communityId=self.community_id)
        found = {self.unit_id: "Unit", self.community_id: "Community"}
        return {k: v for k, v in found.items() if k is not None}

    def statements(self) -> tuple[Statement, Statement]:
        """(page, count) statements. Each starts from the node the caller named, so the id
        index does the narrowing."""
        if self.unit_id is not None:
            return "cobuilding_projects_by_unit_page", "cobuilding_projects_by_unit_count"
        if self.community_id is not None:
            return (
                "cobuilding_projects_by_community_page",
                "cobuilding_projects_by_community_count",
            )
        return "cobuilding_projects_page", "cobuilding_projects_count"

    def params(self) -> dict[str, Any]:
        found: dict[str, Any] = {"category": _name(self.category), "status": _name(self.status)}
        if self.unit_id is not None:
            found["unitId"] = self.unit_id
        if self.unit_id is not None or self.community_id is not None:
            found["communityId"] = self.community_id
        return found


async def projects(graph: Graph, where: ProjectFilter, window: Window) -> Page:
    return await read_page(graph, where.statements(), where.params(), window)


# --- evaluations ----------------------------------------------------------------------------


async def evaluations(
    graph: Graph,
    period: str,
    target_label: str,
    target_id: str | None,
    source_id: str | None,
) -> list[Row]:
    """One row per evaluated node (key, label, props, scores, average, total, low, high),
    best average first, over the EVALUATED scores it received in `period`."""
    source_label = "Community" if target_label == "Unit" else "Unit"
    params: dict[str, Any] = {
        "period": check_period(period),
        "targetLabel": target_label,
        "sourceLabel": source_label,
    }
    name: Statement
    if target_id is not None:
        name = "cobuilding_evaluations_of"
        params.update(targetId=target_id, sourceId=source_id)
    elif source_id is not None:
        name = "cobuilding_evaluations_by"
        params.update(sourceId=source_id)
    else:
        name = "cobuilding_evaluations_in_period"
    return await graph.read(name, params)


# --- demands --------------------------------------------------------------------------------


async def open_demands(graph: Graph, community_id: str) -> list[Row]:
    """The community's OPEN demands (key, label, props, units: [{props, paired, resources}])."""
    params = {"communityId": community_id, "open": DemandStatus.OPEN.name}
    return await graph.read("cobuilding_open_demands", params)


# --- mutations ------------------------------------------------------------------------------


def _state_error(row: Row, expected: enum.Enum, action: str) -> UserError:
    current = prop(row, "status")
    return UserError(
        f"{row['label']} {row['key']!r} is {current or 'without a status'}; "
        f"only a {expected.name} one can be {action}",
        code=INVALID_STATE,
        id=row["key"],
        status=current,
    )


async def _transition(
    tx: Tx, row: Row, expected: enum.Enum, following: enum.Enum, action: str
) -> Row:
    """Check the node's status, then move it on; the guarded write also catches a status
    changed by a concurrent transaction since the check."""
    if prop(row, "status") != expected.name:
        raise _state_error(row, expected, action)
    params = {"id": row["key"], "expected": expected.name, "next": following.name}
    moved = await tx.run("cobuilding_transition", params, label=row["label"])
    if not moved:  # a concurrent transaction moved it first: say where it is now
        now = await require_nodes(tx, {row["key"]: row["label"]}, read_only={row["key"]})
        raise _state_error(now[row["key"]], expected, action)
    return moved[0]


async def take_demand(graph: Graph, unit_id: str, demand_id: str) -> Row:
    async def work(tx: Tx) -> Row:
        distinct(id=demand_id, unitId=unit_id)
        # A unit takes a community's demand: the unit needs only to see the demand, an office
        # only to see the unit.
        taker = graph.access.reach is Reach.UNIT
        found = await require_nodes(
            tx, {unit_id: "Unit", demand_id: "Demand"}, read_only={demand_id if taker else unit_id}
        )
        demand = found[demand_id]
        moved = await _transition(tx, demand, DemandStatus.OPEN, DemandStatus.TAKEN, "taken")
        params = {"unitId": unit_id, "demandId": demand_id, "on": today()}
        await tx.run("cobuilding_took", params)
        return moved

    return await graph.transaction(work)


async def complete_demand(graph: Graph, demand_id: str) -> Row:
    async def work(tx: Tx) -> Row:
        demand = (await require_nodes(tx, {demand_id: "Demand"}))[demand_id]
        return await _transition(tx, demand, DemandStatus.TAKEN, DemandStatus.DONE, "completed")

    return await graph.transaction(work)


async def claim_wish(graph: Graph, person_id: str, wish_id: str) -> Row:
    async def work(tx: Tx) -> Row:
        distinct(id=wish_id, personId=person_id)
        found = await require_nodes(tx, {person_id: "Person", wish_id: "Wish"}, read_only={wish_id})
        wish = found[wish_id]
        moved = await _transition(tx, wish, WishStatus.OPEN, WishStatus.CLAIMED, "claimed")
        params = {"personId": person_id, "wishId": wish_id, "on": today()}
        await tx.run("cobuilding_claimed", params)
        return moved

    return await graph.transaction(work)


async def fulfil_wish(graph: Graph, wish_id: str) -> Row:
    async def work(tx: Tx) -> Row:
        wish = (await require_nodes(tx, {wish_id: "Wish"}))[wish_id]
        moved = await _transition(tx, wish, WishStatus.CLAIMED, WishStatus.FULFILLED, "fulfilled")
        await tx.run("cobuilding_fulfilled", {"wishId": wish_id, "on": today()})
        return moved

    return await graph.transaction(work)


@dataclass(frozen=True)
class Written:
    """A relationship a mutation wrote between two nodes, and the value it replaced."""

    source: Row
    target: Row
    value: float
    previous: float | None


async def submit_evaluation(
    graph: Graph, from_id: str, to_id: str, period: str, score: float
) -> Written:
    check_period(period)
    if not math.isfinite(score) or not 0 <= score <= 100:
        raise UserError("score must be between 0 and 100")

    async def work(tx: Tx) -> Written:
        sides = ("Community", "Unit")
        # The evaluator is the caller's own; the evaluated side need only be seen.
        distinct(**{"from": from_id, "to": to_id})
        found = await require_nodes(tx, {from_id: sides, to_id: sides}, read_only={to_id})
        source, target = found[from_id], found[to_id]
        if (source["label"], target["label"]) not in TWO_WAY:
            raise UserError(
                "a Community evaluates a Unit, or a Unit evaluates a Community; "
                f"not a {source['label']} a {target['label']}",
                code=BAD_USER_INPUT,
            )
        params = {"fromId": from_id, "toId": to_id, "period": period, "score": float(score)}
        row = (await tx.run("cobuilding_evaluation_upsert", params))[0]
        return Written(source, target, float(row["score"]), values.readable(row["previous"]))

    return await graph.transaction(work)


def _new_id(given: str | None) -> str:
    try:
        return ids.chosen_or_new(given, "a")
    except properties.PropertyError as exc:
        raise UserError(str(exc)) from exc


def activity_name(name: str) -> str:
    """The name as stored: not empty, capped like every stored text (properties.MAX_TEXT)."""
    if not name.strip():
        raise UserError("name must not be empty")
    try:
        return properties.check_text(name.strip(), "name")
    except properties.PropertyError as exc:
        raise UserError(str(exc), limit=properties.MAX_TEXT) from exc


async def record_activity(
    graph: Graph,
    place_id: str,
    name: str,
    kind: ActivityType,
    date: dt.date,
    hours: float | None,
    given_id: str | None,
) -> Row:
    may_choose_id(graph, given_id)
    activity_id = _new_id(given_id)
    audit.touches([activity_id])
    props: dict[str, Any] = {"name": activity_name(name), "type": kind.name, "date": date}
    if hours is not None:
        props["hours"] = check_hours(hours, "hours")

    async def work(tx: Tx) -> Row:
        await require_nodes(tx, {place_id: ("Community", "Grid")})
        if given_id is not None and await tx.value("label_of", {"id": activity_id}) is not None:
            raise UserError(f"id {activity_id!r} is already in use", id=activity_id)
        params = {"placeId": place_id, "id": activity_id, "props": props}
        return (await tx.run("cobuilding_activity_create", params))[0]

    return await graph.transaction(work)


async def record_attendance(
    graph: Graph, activity_id: str, person_id: str, hours: float
) -> Written:
    check_hours(hours, "hours")

    async def work(tx: Tx) -> Written:
        distinct(personId=person_id, activityId=activity_id)
        found = await require_nodes(tx, {person_id: "Person", activity_id: "Activity"})
        params = {"personId": person_id, "activityId": activity_id, "hours": float(hours)}
        row = (await tx.run("cobuilding_attendance_upsert", params))[0]
        previous = values.readable(row["previous"])  # NaN stored from before reads as null
        return Written(found[person_id], found[activity_id], float(row["hours"]), previous)

    return await graph.transaction(work)
