"""Root lists, the unreported-members connection and the shortest path."""

from __future__ import annotations

from typing import Any

from partygraph.db import Graph, Row


async def page_by_label(graph: Graph, label: str, after: str | None, limit: int) -> list[Row]:
    return await graph.read("page_by_label", {"after": after, "limit": limit}, label=label)


async def count_by_label(graph: Graph, label: str) -> int:
    rows = await graph.read("count_by_label", label=label)
    return int(rows[0]["total"]) if rows else 0


async def unreported_members(
    graph: Graph, community_id: str, after: str | None, limit: int
) -> list[Row]:
    params = {"id": community_id, "after": after, "limit": limit}
    return await graph.read("unreported_members_page", params)


async def unreported_members_count(graph: Graph, community_id: str) -> int:
    rows = await graph.read("unreported_members_count", {"id": community_id})
    return int(rows[0]["total"]) if rows else 0


async def shortest_path(
    graph: Graph, source: str, target: str, max_hops: int
) -> dict[str, Any] | None:
    rows = await graph.read("shortest_path", {"from": source, "to": target}, hops=max_hops)
    return rows[0] if rows else None
