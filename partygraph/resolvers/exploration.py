"""Root lists, the shortest path, neighbourhoods and name search."""

from __future__ import annotations

from typing import Any

from partygraph.db import Graph, Row


async def page_by_label(graph: Graph, label: str, after: str | None, limit: int) -> list[Row]:
    return await graph.read("page_by_label", {"after": after, "limit": limit}, label=label)


async def count_by_label(graph: Graph, label: str) -> int:
    rows = await graph.read("count_by_label", label=label)
    return int(rows[0]["total"]) if rows else 0


async def shortest_path(
    graph: Graph, source: str, target: str, max_hops: int
) -> dict[str, Any] | None:
    rows = await graph.read("shortest_path", {"from": source, "to": target}, hops=max_hops)
    return rows[0] if rows else None


MAX_NEIGHBOURHOOD_DEPTH = 3
_LUCENE_SPECIAL = set('+-&|!(){}[]^"~*?:\\/')


async def neighbourhood(
    graph: Graph, start: str, depth: int, types: list[str] | None, limit: int
) -> tuple[dict[str, Row], dict[tuple[str, str, str], Row], bool]:
    """Nodes and relationships within `depth` hops of `start`, ring by ring: one statement a
    ring, each for the whole frontier. Stops adding once `limit` nodes are found."""
    nodes: dict[str, Row] = {}
    rels: dict[tuple[str, str, str], Row] = {}
    frontier = [start]
    truncated = False
    for _ in range(depth):
        if not frontier:
            break
        # One row more than could fit says the ring was cut.
        rows = await graph.read(
            "exploration_neighbours", {"ids": frontier, "types": types, "limit": limit * 4 + 1}
        )
        truncated = truncated or len(rows) > limit * 4
        next_frontier: list[str] = []
        for row in rows:
            if row["id"] not in nodes and row["id"] != start:
                if len(nodes) >= limit:
                    truncated = True
                    continue
                nodes[row["id"]] = row
                next_frontier.append(row["id"])
            rels[(row["from"], row["type"], row["to"])] = row
        frontier = next_frontier
    shown = set(nodes) | {start}
    kept = {key: r for key, r in rels.items() if r["from"] in shown and r["to"] in shown}
    return nodes, kept, truncated


def lucene_phrase(text: str) -> str:
    """The user's text as one quoted Lucene phrase: no query syntax gets through."""
    escaped = "".join("\\" + ch if ch in _LUCENE_SPECIAL else ch for ch in text)
    return f'"{escaped}"'


async def search(graph: Graph, text: str, labels: list[str] | None, limit: int) -> list[Row]:
    if "fulltext" not in graph.features:
        rows = await graph.read("exploration_fulltext_ready")
        graph.features["fulltext"] = bool(rows and rows[0]["ready"])
    params = {"text": text, "labels": labels, "limit": limit}
    if graph.features["fulltext"]:
        return await graph.read(
            "exploration_search_fulltext", {**params, "query": lucene_phrase(text)}
        )
    return await graph.read("exploration_search_scan", params)
