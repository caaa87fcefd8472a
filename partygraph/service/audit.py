"""The audit trail's operations: the entry of a mutation that needed no write transaction of
its own, and the trail read back (admin only, checked by the GraphQL layer)."""

from __future__ import annotations

import logging

from partygraph import audit
from partygraph.db import Graph
from partygraph.graph_errors import GraphError
from partygraph.paging import Page, Window, read_page

log = logging.getLogger("partygraph")


async def append(graph: Graph, draft: audit.Draft, outcome: str) -> None:
    """The entry of a mutation that wrote nothing, in a transaction of its own. An entry that
    cannot be written is logged: the mutation's answer stands (it changed nothing)."""
    entry = draft.entry(outcome)
    try:
        await graph.write("audit_append", {"entries": [entry]})
    except GraphError:
        log.error("audit entry could not be written: %s", entry)


async def trail(graph: Graph, actor: str | None, operation: str | None, window: Window) -> Page:
    """Entries in the order they were made, optionally of one actor or one mutation."""
    params = {"actor": actor, "operation": operation}
    return await read_page(graph, ("audit_page", "audit_count"), params, window)
