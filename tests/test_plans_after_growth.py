"""A service is started on an empty database (or a pilot street) and the city is imported into
it. Neo4j plans a statement on the index statistics it last sampled, and keeps the plan: right
after the import the id index, still sampled empty, made a scan of every id look free, and the
explorer's neighbourhood was planned as a scan of the whole graph per node (10 s to draw a
community of the city). Here the first neighbourhood asked after the import is profiled, each
statement as the service sent it: its work follows what it reads and returns, not the size of
the graph (partygraph.replanning)."""

from __future__ import annotations

from typing import Any

import pytest

from partygraph.db import Graph
from partygraph.seed.profiles import chengdu
from partygraph.service import exploration
from partygraph.statement_log import counting_statements
from tests.support.record_index import RecordIndex
from tests.support.suite import Target, load, run_graph, wipe

pytestmark = pytest.mark.neo4j_only  # the plan cache and PROFILE are Neo4j's

# Generous: a lookup per node, its relationships and the properties returned cost a few
# database hits each; a scan of every id per node costs the graph's size per node.
HITS_PER_ROW = 50


def _hits(plan: Any) -> int:
    return int(plan.get("dbHits", 0)) + sum(_hits(child) for child in plan.get("children", []))


def _sent(target: Target, centre: str) -> list[tuple[str, str, dict[str, Any]]]:
    """The statements a depth-3 neighbourhood of `centre` sent: name, text and parameters."""

    async def work(graph: Graph) -> list[tuple[str, str, dict[str, Any]]]:
        with counting_statements(keep_sent=True) as log:
            await exploration.neighbourhood(graph, centre, 3, None, 500)
        return [(name, *sent) for name, sent in zip(log.names, log.sent, strict=True)]

    return run_graph(target, work)


def test_the_first_neighbourhood_after_importing_the_city_is_a_lookup_per_node(
    target: Target,
) -> None:
    # A service started on an empty database: its indexes sampled empty, no plan made yet.
    wipe(target)
    run_graph(target, lambda graph: graph.write("prepare_for_replanning"))
    city = RecordIndex(list(chengdu.generate(0.1)))
    load(target, city.records)
    community = max(city.ids("Community"), key=lambda c: len(city.sources(c, "IN")))
    sent = _sent(target, community)
    assert [name for name, _, _ in sent].count("exploration_neighbours") == 3  # three rings
    with target.driver() as driver:
        for name, text, params in sent:
            summary = driver.execute_query(
                "PROFILE " + text, params, database_=target.connection.database
            ).summary
            assert summary.profile is not None
            given = len(params.get("ids") or [])
            read = 1 + given + int(summary.profile.get("rows", 0))
            assert _hits(summary.profile) <= HITS_PER_ROW * read, (
                f"{name} for {given} nodes cost {_hits(summary.profile)} database hits "
                f"on a graph of {len(city.records)} records"
            )
