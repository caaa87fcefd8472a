"""Constraints and indexes: a uniqueness constraint on id for every label, name indexes."""

from __future__ import annotations

import logging

from partygraph import vocabulary
from partygraph.db import Graph, GraphError, Step

log = logging.getLogger("partygraph")


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
    try:
        await graph.write("fulltext_entity_names")
        done += 1
    except GraphError:
        # The development engine has no full-text indexes: name search scans there.
        log.info("no full-text index on this engine; name search will scan")
    return done
