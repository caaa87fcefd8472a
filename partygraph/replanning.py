"""Plans made afresh after an import that grew the graph.

Neo4j plans a statement on the index statistics it last sampled, and keeps the plan. Right
after a bulk import those statistics still describe the smaller graph: an id index sampled
(nearly) empty prices a scan of every id as free, so a lookup by id for each of a list of
nodes is planned as a scan per node, and that plan outlives the import (a ring of the
explorer's neighbourhood took seconds on the city where it takes milliseconds). An import
that grew a graph past a small one by a tenth or more has the indexes sampled again and the
plan cache emptied. ArcadeDB keeps no such plans."""

from __future__ import annotations

import logging

from partygraph.db import Graph
from partygraph.graph_errors import GraphError

log = logging.getLogger("partygraph")

# Neo4j itself resamples an index once a twentieth of it changed, but not before the next
# statement is planned; a tenth keeps small imports into a large graph from paying for it.
GROWTH = 0.1
# Below this many entities a scan of every id costs about what planning the statements afresh
# does (up to a second or more for each one rendered for an office): the plans are kept.
SMALL_GRAPH = 10_000


async def after_import(graph: Graph, nodes_created: int) -> None:
    """Plans made afresh, only after an import of nodes that are at least GROWTH of what a
    graph of SMALL_GRAPH entities or more now holds. The import has committed whatever happens
    here."""
    if nodes_created == 0 or await graph.on_arcadedb():
        return
    entities = await graph.value("import_entity_count")
    if entities < SMALL_GRAPH or nodes_created < GROWTH * entities:
        return
    try:
        await graph.write("prepare_for_replanning")
    except GraphError as refused:  # e.g. a server account without the right to ask it
        log.warning("plans not made afresh after the import: %s", refused)
