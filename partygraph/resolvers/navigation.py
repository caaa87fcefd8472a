"""Relationship fields: neighbours of a node along one relationship type, batched, each
parent's list cut to the window its field asked for (partygraph.schema.windows)."""

from __future__ import annotations

import contextvars
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from strawberry.types import Info

from partygraph.cypher.names import Statement
from partygraph.db import Row
from partygraph.resolvers import hiding
from partygraph.resolvers.context import Context

AppInfo = Info[Context, None]


@dataclass(frozen=True)
class Window:
    first: int
    after: str | None = None


_window: contextvars.ContextVar[Window | None] = contextvars.ContextVar(
    "partygraph_window", default=None
)


@contextmanager
def windowed(window: Window) -> Iterator[None]:
    """While a bounded field resolves: the window its neighbour statements use."""
    token = _window.set(window)
    try:
        yield
    finally:
        _window.reset(token)


def _windowed_rows(info: AppInfo, name: Statement, key: str, label: str | None, rel: str) -> Any:
    window = _window.get() or Window(NEIGHBOURS_MAX)
    loader = info.context.loaders.rows(
        name, label=label, rel=rel, first=window.first, after=window.after
    )
    return loader.load(key)


# A neighbour statement outside a bounded field (a single parent, a unit's own party
# organisation) still reads no more than this many rows per parent.
NEIGHBOURS_MAX = 100


async def outgoing(info: AppInfo, key: str, rel: str, label: str | None = None) -> list[Row]:
    """(key)-[:rel]->(m[:label])."""
    name: Statement = "out_neighbours" if label else "out_any"
    rows: list[Row] = await _windowed_rows(info, name, key, label, rel)
    return rows


async def incoming(info: AppInfo, key: str, rel: str, label: str | None = None) -> list[Row]:
    """(key)<-[:rel]-(m[:label])."""
    name: Statement = "in_neighbours" if label else "in_any"
    rows: list[Row] = await _windowed_rows(info, name, key, label, rel)
    return rows


async def by_id(info: AppInfo, key: str) -> Row | None:
    started = time.monotonic()
    rows = await info.context.loaders.rows("nodes_by_id").load(key)
    if not rows:  # hidden or missing: both answered no sooner than the floor
        await hiding.found_nothing(info.context.graph.access, started)
    return rows[0] if rows else None


async def by_ids(info: AppInfo, keys: Sequence[str]) -> list[Row | None]:
    """The rows of `keys` in their order (None for a hidden or missing id), in one batch."""
    started = time.monotonic()
    found = await info.context.loaders.rows("nodes_by_id").load_many(keys)
    if not all(found):  # as by_id: nothing found is answered no sooner than the floor
        await hiding.found_nothing(info.context.graph.access, started)
    return [rows[0] if rows else None for rows in found]


async def containing_community(info: AppInfo, key: str) -> Row | None:
    rows = await info.context.loaders.rows("containing_community").load(key)
    return rows[0] if rows else None


async def grid_paired_units(info: AppInfo, key: str) -> list[Row]:
    return await info.context.loaders.rows("grid_paired_units").load(key)


async def grid_pairings(info: AppInfo, key: str) -> list[Row]:
    return await info.context.loaders.rows("grid_pairings").load(key)


async def paired_organizations(info: AppInfo, key: str) -> list[Row]:
    return await info.context.loaders.rows("paired_organizations").load(key)


async def outgoing_edges(info: AppInfo, key: str, rel: str, label: str) -> list[Row]:
    """Like `outgoing`, each row also carrying the relationship's properties under `rel`."""
    rows: list[Row] = await _windowed_rows(info, "out_edges", key, label, rel)
    return rows


async def incoming_edges(info: AppInfo, key: str, rel: str, label: str) -> list[Row]:
    rows: list[Row] = await _windowed_rows(info, "in_edges", key, label, rel)
    return rows
