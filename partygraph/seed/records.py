"""Building import records (the JSON Lines contract) in Python."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

Record = dict[str, Any]


def node(label: str, node_id: str, **properties: Any) -> Record:
    return {"type": "node", "label": label, "id": node_id, "properties": properties}


def rel(rel_type: str, source: str, target: str, **properties: Any) -> Record:
    return {
        "type": "relationship",
        "rel": rel_type,
        "from": source,
        "to": target,
        "properties": properties,
    }


def to_lines(records: Iterable[Record]) -> Iterator[str]:
    for record in records:
        yield json.dumps(record, ensure_ascii=False)
