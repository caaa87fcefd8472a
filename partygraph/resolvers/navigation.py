"""Relationship fields: neighbours of a node along one relationship type, batched."""

from __future__ import annotations

from strawberry.types import Info

from partygraph.db import Row
from partygraph.resolvers.context import Context

AppInfo = Info[Context, None]


async def outgoing(info: AppInfo, key: str, rel: str, label: str | None = None) -> list[Row]:
    """(key)-[:rel]->(m[:label])."""
    name = "out_neighbours" if label else "out_any"
    return await info.context.loaders.rows(name, label=label, rel=rel).load(key)


async def incoming(info: AppInfo, key: str, rel: str, label: str | None = None) -> list[Row]:
    """(key)<-[:rel]-(m[:label])."""
    name = "in_neighbours" if label else "in_any"
    return await info.context.loaders.rows(name, label=label, rel=rel).load(key)


async def by_id(info: AppInfo, key: str) -> Row | None:
    rows = await info.context.loaders.rows("nodes_by_id").load(key)
    return rows[0] if rows else None


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
    return await info.context.loaders.rows("out_edges", label=label, rel=rel).load(key)


async def incoming_edges(info: AppInfo, key: str, rel: str, label: str) -> list[Row]:
    return await info.context.loaders.rows("in_edges", label=label, rel=rel).load(key)
