"""Checks that ids name entities of the expected labels, for queries and for mutations.

A missing id is NOT_FOUND and an id of another label BAD_USER_INPUT, so a typo never reads as
an empty answer. An id outside the viewer's reach is missing too: the statements only see what
the viewer may (partygraph.access). Inside a mutation's transaction the error rolls the
transaction back, and a target the viewer sees but may not change is FORBIDDEN.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Collection, Mapping
from typing import Any

from partygraph.db import Graph, Row, Tx
from partygraph.errors import BAD_USER_INPUT, FORBIDDEN, NOT_FOUND, UserError
from partygraph.service import hiding
from partygraph.service import navigation as nav
from partygraph.service.context import Context

Expected = Mapping[str, str | tuple[str, ...]]


def check_label(node_id: str, label: str | None, labels: str | tuple[str, ...]) -> str:
    """`label` (what the graph holds for `node_id`, None when nothing) if it is allowed."""
    allowed = (labels,) if isinstance(labels, str) else labels
    if label is None:
        raise UserError(f"no entity with id {node_id!r}", code=NOT_FOUND, id=node_id)
    if label not in allowed:
        raise UserError(
            f"{node_id!r} is a {label}, not a {' or '.join(allowed)}",
            code=BAD_USER_INPUT,
            id=node_id,
        )
    return label


def may_choose_id(graph: Graph, given: str | None) -> None:
    """Only full access picks the id of a new entity: for a scoped viewer an id already in use
    would tell that an entity it cannot see exists."""
    if given is not None and graph.access.scoped:
        raise UserError(
            "choosing the id of a new entity needs the admin role; leave id out",
            code=FORBIDDEN,
        )


def distinct(**ids: str | None) -> None:
    """Arguments naming two ends must name two entities: one id given for both would pass
    only one of the two checks (the ids are looked up as one set)."""
    seen: dict[str, str] = {}
    for argument, node_id in ids.items():
        if node_id is None:
            continue
        if node_id in seen:
            raise UserError(
                f"{seen[node_id]} and {argument} must name two different entities, "
                f"not both {node_id!r}",
                code=BAD_USER_INPUT,
                id=node_id,
            )
        seen[node_id] = argument


def _checked(expected: Expected, found: Mapping[str, Row]) -> dict[str, Row]:
    for node_id, labels in expected.items():
        row = found.get(node_id)
        check_label(node_id, row["label"] if row else None, labels)
    return dict(found)


async def require_nodes(
    tx: Tx, expected: Expected, *, read_only: Collection[str] = ()
) -> dict[str, Row]:
    """Inside a mutation's transaction: the rows (key, label, props) of the ids, each checked,
    and each one the viewer may change, except those in `read_only` (which it need only see,
    like the unit a request is escalated to)."""
    started = time.monotonic()
    rows = await tx.run("nodes_to_change", {"ids": list(expected)})
    if len(rows) < len(expected):  # hidden or missing: both refused no sooner than the floor
        await hiding.found_nothing(tx.access, started)
    found = _checked(expected, {row["key"]: row for row in rows})
    for node_id, row in found.items():
        if not row["writable"] and node_id not in read_only:
            raise UserError(
                f"{node_id!r} lies outside what your role may change", code=FORBIDDEN, id=node_id
            )
    return found


async def require_ids(ctx: Context, expected: Expected) -> dict[str, Row]:
    """For a query: the same, through the request's batch loader (one statement for all)."""
    ids = list(expected)
    rows = await asyncio.gather(*(nav.by_id(ctx, node_id) for node_id in ids))
    return _checked(expected, {i: row for i, row in zip(ids, rows, strict=True) if row})


def prop(row: Row, name: str) -> Any:
    props: dict[str, Any] = row["props"]
    return props.get(name)
