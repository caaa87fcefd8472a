"""Checks every mutation makes inside its transaction before it writes anything."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from partygraph.db import Row, Tx
from partygraph.schema.errors import BAD_USER_INPUT, NOT_FOUND, UserError


async def require_nodes(tx: Tx, expected: Mapping[str, str | tuple[str, ...]]) -> dict[str, Row]:
    """The rows (key, label, props) of the given ids, each checked to exist with one of the
    expected labels; raises NOT_FOUND or BAD_USER_INPUT (wrong label), which rolls back."""
    rows = await tx.run("nodes_by_id", {"ids": list(expected)})
    found = {row["key"]: row for row in rows}
    for node_id, labels in expected.items():
        allowed = (labels,) if isinstance(labels, str) else labels
        row = found.get(node_id)
        if row is None:
            raise UserError(f"no entity with id {node_id!r}", code=NOT_FOUND, id=node_id)
        if row["label"] not in allowed:
            raise UserError(
                f"{node_id!r} is a {row['label']}, not a {' or '.join(allowed)}",
                code=BAD_USER_INPUT,
                id=node_id,
            )
    return found


def prop(row: Row, name: str) -> Any:
    props: dict[str, Any] = row["props"]
    return props.get(name)
