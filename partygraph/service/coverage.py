"""Dual reporting (双报到), the reverse report (反向通报), coverage gaps and contact leaders.

Every field here checks its area or unit by id first (one batched lookup), then sends one
statement per list it answers, so the cost of a request follows its shape, not its rows.
"""

from __future__ import annotations

import asyncio
import calendar
import datetime as dt
import weakref
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from partygraph.cypher.names import Statement
from partygraph.db import Graph, Row, Tx
from partygraph.enums import BUILDING_ROLES, GridLevel
from partygraph.errors import BAD_USER_INPUT, INVALID_STATE, UserError
from partygraph.paging import Page, Window, read_page
from partygraph.properties import PERIOD
from partygraph.service.checks import distinct, require_ids, require_nodes
from partygraph.service.context import Context

AREA_LABELS = ("District", "Street", "Community")

# Grid levels that should each have a party branch: community grids (Zhoucun: a functional
# branch in every grid; Gulou: grid party branches) and compound grids (Qibin: the compound
# council is chaired by the compound branch secretary). Building micro-grids have a party
# group leader (党小组长) instead, checked among the 两长四员 roles.
BRANCH_LEVELS = (GridLevel.COMMUNITY, GridLevel.COMPOUND)

# A report dated up to a day after today in UTC is accepted: it is already that day in China.
REPORT_DATE_SLACK = dt.timedelta(days=1)


async def require_entity(ctx: Context, node_id: str, labels: tuple[str, ...]) -> Row:
    """The row of `node_id`, which must exist with one of `labels` (NOT_FOUND, BAD_USER_INPUT)."""
    return (await require_ids(ctx, {node_id: labels}))[node_id]


# ---- unreported members and the reporting summary -------------------------------------------


async def unreported(graph: Graph, area_id: str, window: Window) -> Page:
    """Members residing in the area who have not reported to their own residence community."""
    pair: tuple[Statement, Statement] = ("coverage_unreported_page", "coverage_unreported_count")
    return await read_page(graph, pair, {"id": area_id}, window)


async def reporting_summary(graph: Graph, area_id: str) -> list[Row]:
    return await graph.read("coverage_reporting_summary", {"id": area_id})


# ---- the reverse report ----------------------------------------------------------------------


def period_bounds(period: str) -> tuple[dt.date, dt.date]:
    """First and last day of a period: 2024, 2024-H1/H2, 2024-Q1..Q4 or 2024-05."""
    if not PERIOD.match(period) or int(period[:4]) < 1:
        raise UserError(
            f"period {period!r} is not a period like 2024, 2024-H1, 2024-Q2 or 2024-05",
            code=BAD_USER_INPUT,
        )
    year, part = int(period[:4]), period[5:]
    if not part:
        first, last = 1, 12
    elif part[0] == "H":
        first = 1 + 6 * (int(part[1]) - 1)
        last = first + 5
    elif part[0] == "Q":
        first = 1 + 3 * (int(part[1]) - 1)
        last = first + 2
    else:
        first = last = int(part)
    return dt.date(year, first, 1), dt.date(year, last, calendar.monthrange(year, last)[1])


async def reverse_report(graph: Graph, unit_id: str, start: dt.date, end: dt.date) -> list[Row]:
    params = {"id": unit_id, "start": start, "end": end}
    return await graph.read("coverage_reverse_report", params)


# ---- coverage gaps and contact leaders -------------------------------------------------------


def require_minimum(name: str, value: int) -> int:
    if value < 0:
        raise UserError(f"{name} must be 0 or more, not {value}", code=BAD_USER_INPUT)
    return value


async def communities_without_contact(graph: Graph, area_id: str) -> list[Row]:
    return await graph.read("coverage_communities_without_contact", {"id": area_id})


async def communities_without_paired_unit(graph: Graph, area_id: str) -> list[Row]:
    return await graph.read("coverage_communities_without_paired_unit", {"id": area_id})


async def grids_without_branch(graph: Graph, area_id: str) -> list[Row]:
    levels = [level.name for level in BRANCH_LEVELS]
    return await graph.read("coverage_grids_without_branch", {"id": area_id, "levels": levels})


async def grids_understaffed(
    graph: Graph, area_id: str, min_cadres: int, min_volunteers: int
) -> list[Row]:
    params = {"id": area_id, "minCadres": min_cadres, "minVolunteers": min_volunteers}
    return await graph.read("coverage_grids_understaffed", params)


async def building_grids_missing_roles(graph: Graph, area_id: str) -> list[Row]:
    roles = [role.name for role in BUILDING_ROLES]
    return await graph.read(
        "coverage_building_grids_missing_roles", {"id": area_id, "roles": roles}
    )


async def contact_leaders(graph: Graph, area_id: str) -> list[Row]:
    return await graph.read("coverage_contact_leaders", {"id": area_id})


def node_rows(label: str, props_list: list[dict[str, Any]]) -> list[Row]:
    """Nested node properties as rows for `from_row`, sorted by id."""
    return [
        {"key": props["id"], "label": label, "props": props}
        for props in sorted(props_list, key=lambda props: str(props["id"]))
    ]


# ---- recordReport ----------------------------------------------------------------------------


def _residence_text(homes: list[dict[str, Any]]) -> str:
    if not homes:
        return "no residence in a community you can see is recorded for them"
    places = "、".join(f"{home.get('name') or ''}（{home['id']}）" for home in homes)
    return f"they reside in {places}"


# On ArcadeDB, reports of one member go one at a time through this process. On Neo4j the
# writing statement's lock on the member orders them, across any number of service processes;
# ArcadeDB takes no such lock and merges edges appended concurrently to one node, so two reports
# of one member sent at once would both pass the "already reported" check and both be written.
# Several service processes on ArcadeDB could still do that: `partygraph serve` runs one there
# (it refuses --workers above 1), and replicas on ArcadeDB are not supported.
# A lock lives while some request holds or awaits it, then drops out of the registry.
_reporting: weakref.WeakValueDictionary[str, asyncio.Lock] = weakref.WeakValueDictionary()


@asynccontextmanager
async def one_report_at_a_time(graph: Graph, person_id: str) -> AsyncIterator[None]:
    if not await graph.on_arcadedb():
        yield
        return
    async with _reporting.setdefault(person_id, asyncio.Lock()):
        yield


async def record_report(graph: Graph, person_id: str, community_id: str, on: dt.date) -> Row:
    """REPORTED_TO from a member to their residence community, after every check, in one
    transaction (one at a time per member); the member's row."""

    async def work(tx: Tx) -> Row:
        return await _record_report(tx, person_id, community_id, on)

    async with one_report_at_a_time(graph, person_id):
        return await graph.transaction(work)


async def _record_report(tx: Tx, person_id: str, community_id: str, on: dt.date) -> Row:
    distinct(personId=person_id, communityId=community_id)
    await require_nodes(tx, {person_id: "Person", community_id: "Community"})
    latest = dt.datetime.now(dt.UTC).date() + REPORT_DATE_SLACK
    if on > latest:
        raise UserError(f"the report date {on} lies in the future", code=BAD_USER_INPUT)
    ids = {"person": person_id, "community": community_id}
    state = (await tx.run("coverage_report_state", ids))[0]
    if not state["member"]:
        raise UserError(
            f"{person_id!r} is not a party member (member of no party organization); "
            "only party members report (双报到)",
            code=INVALID_STATE,
        )
    homes: list[dict[str, Any]] = sorted(state["homes"], key=lambda home: str(home["id"]))
    if community_id not in {home["id"] for home in homes}:
        raise UserError(
            f"{person_id!r} must report to the community they reside in, not {community_id!r}: "
            f"{_residence_text(homes)}",
            code=BAD_USER_INPUT,
            residence=[home["id"] for home in homes],
        )
    already = UserError(
        f"{person_id!r} has already reported to {community_id!r}", code=INVALID_STATE
    )
    if state["reported"]:
        raise already
    row = await tx.one("coverage_record_report", {**ids, "on": on})
    if row is None:  # a concurrent request recorded it after the check above
        raise already
    return row
