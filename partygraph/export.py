"""The whole graph back out as import records (JSON Lines), for other systems and backups."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any

from partygraph.db import Graph
from partygraph.seed.records import Record, node, rel
from partygraph.values import as_json, readable

PAGE = 2000


def _plain(props: dict[str, Any]) -> dict[str, Any]:
    # A non-finite number stored before they were refused reads as null: it is left out, so
    # the export stays JSON and imports again.
    return {
        key: as_json(value)
        for key, value in props.items()
        if key != "id" and readable(value) is not None
    }


def export_line(record: Record) -> str:
    """One record as a line of the import format: UTF-8 text as it is (a line separator inside
    a string stays raw; the importer splits on "\n" only), and never NaN or Infinity."""
    return json.dumps(record, ensure_ascii=False, allow_nan=False)


async def export_records(graph: Graph) -> AsyncIterator[Record]:
    """Nodes page by page, each page followed by the relationships leaving it."""
    after: str | None = None
    while True:
        rows = await graph.read("export_nodes", {"after": after, "limit": PAGE})
        if not rows:
            return
        for row in rows:
            yield node(row["label"], row["id"], **_plain(row["props"]))
        ids = [row["id"] for row in rows]
        for row in await graph.read("export_relationships", {"ids": ids}):
            yield rel(row["rel"], row["from"], row["to"], **_plain(row["props"]))
        after = ids[-1]
