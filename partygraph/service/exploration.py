"""Root lists, the shortest path, neighbourhoods and name search."""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from typing import Any

from partygraph.cypher.names import Statement
from partygraph.db import Graph, Row
from partygraph.errors import NOT_FOUND, UserError
from partygraph.paging import Page, Window, read_page
from partygraph.service import hiding


async def by_label(graph: Graph, label: str, window: Window) -> Page:
    """Every entity of one label, paged by id."""
    return await read_page(graph, ("page_by_label", "count_by_label"), {}, window, label=label)


async def shortest_path(
    graph: Graph, source: str, target: str, max_hops: int
) -> dict[str, Any] | None:
    statement: Statement = (
        "shortest_path_filtered" if await graph.on_arcadedb() else "shortest_path"
    )
    return await graph.one(statement, {"from": source, "to": target}, hops=max_hops)


MAX_NEIGHBOURHOOD_DEPTH = 3


@dataclass(frozen=True)
class Neighbourhood:
    centre: Row  # key, label, props
    nodes: dict[str, Row]  # by id: id, label, name
    relationships: dict[tuple[str, str, str], Row]  # by (from, type, to)
    truncated: bool


async def neighbourhood(
    graph: Graph, start: str, depth: int, types: list[str] | None, limit: int
) -> Neighbourhood:
    """The entity `start` (NOT_FOUND when the viewer cannot see it) and what lies within
    `depth` hops of it, ring by ring: one statement a ring, each for the whole frontier; at
    most `limit` nodes, the centre one of them."""
    started = time.monotonic()
    found = await graph.read("nodes_by_id", {"ids": [start]})  # one row per id found
    if not found:
        await hiding.found_nothing(graph.access, started)
        raise UserError(f"no entity with id {start!r}", code=NOT_FOUND)
    nodes, rels, truncated = await _rings(graph, start, depth, types, limit - 1)
    return Neighbourhood(found[0], nodes, rels, truncated)


async def _rings(
    graph: Graph, start: str, depth: int, types: list[str] | None, limit: int
) -> tuple[dict[str, Row], dict[tuple[str, str, str], Row], bool]:
    """Stops adding nodes once `limit` are found around the centre."""
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


# Han characters of the CJK Unified Ideographs and Extension A blocks: Lucene's CJK analyzer
# indexes a run of them as overlapping bigrams (云霄路社区: 云霄 霄路 路社 社区).
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]+")


def fulltext_query(text: str) -> str | None:
    """A query of the CJK full-text index that finds every name containing `text`, or None
    when the index cannot (text that is not all Han: a word part, a digit, Latin letters).
    Two or more characters are a phrase of their bigrams; a single character is matched inside
    the bigrams (a wildcard). Only Han gets here, so no Lucene syntax can."""
    if not _HAN.fullmatch(text):
        return None
    return f"*{text}*" if len(text) == 1 else f'"{text}"'


async def search(graph: Graph, text: str, labels: list[str] | None, limit: int) -> list[Row]:
    """Entities whose name contains `text`, shortest name first. Through the CJK full-text
    index where it exists and can answer; else a substring match (on Neo4j also indexed)."""
    params = {"text": text, "labels": labels, "limit": limit}
    query = fulltext_query(text)
    if query is not None and await _fulltext_ready(graph):
        return await graph.read("exploration_search_fulltext", {**params, "query": query})
    return await graph.read("exploration_search_scan", params)


async def _fulltext_ready(graph: Graph) -> bool:
    """Whether the full-text index answers; once it does, it stays (asked again until then:
    `partygraph migrate` may make it while the service runs)."""
    if not graph.features.get("fulltext") and not await graph.on_arcadedb():
        graph.features["fulltext"] = bool(await graph.value("exploration_fulltext_ready"))
    return graph.features.get("fulltext", False)
