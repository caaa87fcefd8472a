"""Relationship fields: neighbours of a node along one relationship type, batched, each
parent's list cut to the window its field asked for (partygraph.schema.windows)."""

from __future__ import annotations

import contextvars
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from partygraph.cypher.names import Statement
from partygraph.db import Row
from partygraph.service import hiding
from partygraph.service.context import Context


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


def _windowed_rows(ctx: Context, name: Statement, key: str, label: str | None, rel: str) -> Any:
    window = _window.get() or Window(NEIGHBOURS_MAX)
    loader = ctx.loaders.rows(name, label=label, rel=rel, first=window.first, after=window.after)
    return loader.load(key)


# A neighbour statement outside a bounded field (a single parent, a unit's own party
# organisation) still reads no more than this many rows per parent.
NEIGHBOURS_MAX = 100


async def outgoing(ctx: Context, key: str, rel: str, label: str | None = None) -> list[Row]:
    """(key)-[:rel]->(m[:label])."""
    name: Statement = "out_neighbours" if label else "out_any"
    rows: list[Row] = await _windowed_rows(ctx, name, key, label, rel)
    return rows


async def incoming(ctx: Context, key: str, rel: str, label: str | None = None) -> list[Row]:
    """(key)<-[:rel]-(m[:label])."""
    name: Statement = "in_neighbours" if label else "in_any"
    rows: list[Row] = await _windowed_rows(ctx, name, key, label, rel)
    return rows


async def by_id(ctx: Context, key: str) -> Row | None:
    started = time.monotonic()
    rows = await ctx.loaders.rows("nodes_by_id").load(key)
    if not rows:  # hidden or missing: both answered no sooner than the floor
        await hiding.found_nothing(ctx.graph.access, started)
    return rows[0] if rows else None


async def by_ids(ctx: Context, keys: Sequence[str]) -> list[Row | None]:
    """The rows of `keys` in their order (None for a hidden or missing id), in one batch."""
    started = time.monotonic()
    found = await ctx.loaders.rows("nodes_by_id").load_many(keys)
    if not all(found):  # as by_id: nothing found is answered no sooner than the floor
        await hiding.found_nothing(ctx.graph.access, started)
    return [rows[0] if rows else None for rows in found]


async def containing_community(ctx: Context, key: str) -> Row | None:
    rows = await ctx.loaders.rows("containing_community").load(key)
    return rows[0] if rows else None


async def grid_paired_units(ctx: Context, key: str) -> list[Row]:
    return await ctx.loaders.rows("grid_paired_units").load(key)


async def grid_pairings(ctx: Context, key: str) -> list[Row]:
    return await ctx.loaders.rows("grid_pairings").load(key)


async def paired_organizations(ctx: Context, key: str) -> list[Row]:
    return await ctx.loaders.rows("paired_organizations").load(key)


async def outgoing_edges(ctx: Context, key: str, rel: str, label: str) -> list[Row]:
    """Like `outgoing`, each row also carrying the relationship's properties under `rel`."""
    rows: list[Row] = await _windowed_rows(ctx, "out_edges", key, label, rel)
    return rows


async def incoming_edges(ctx: Context, key: str, rel: str, label: str) -> list[Row]:
    rows: list[Row] = await _windowed_rows(ctx, "in_edges", key, label, rel)
    return rows
