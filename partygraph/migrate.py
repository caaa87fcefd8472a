"""Constraints and indexes: a uniqueness constraint on id for every label, name indexes."""

from __future__ import annotations

from partygraph import vocabulary
from partygraph.cypher.names import Statement
from partygraph.db import Graph
from partygraph.statement_log import Step

# Indexes only Neo4j has: the CJK full-text index and the TEXT index behind name search.
NEO4J_ONLY: tuple[Statement, ...] = ("fulltext_entity_names", "text_entity_names")


def steps() -> list[Step]:
    """Every schema statement; each is `IF NOT EXISTS`, so running them again changes nothing."""
    return (
        [Step("constraint_entity_id", {})]
        + [Step("constraint_label_id", {}, label=label) for label in vocabulary.LABELS]
        + [Step("index_label_name", {}, label=label) for label in vocabulary.LABELS]
    )


async def migrate(graph: Graph) -> int:
    """Apply the schema; returns how many statements ran. Schema changes run one per
    transaction: Neo4j does not allow schema and data changes, or several, in one."""
    done = 0
    for step in steps():
        await graph.write(step.name, step.params, label=step.label)
        done += 1
    if not await graph.on_arcadedb():  # ArcadeDB has neither: name search scans there
        for name in NEO4J_ONLY:
            await graph.write(name)
            done += 1
        await graph.read("await_indexes")  # new indexes answer once this returns
    return done
