"""Statement parameters as ArcadeDB must receive them (DESIGN.md lists its differences from
Neo4j): datetimes in UTC, and no string value that it would read as another parameter."""

from __future__ import annotations

import datetime as dt
import re
from itertools import count
from typing import Any


def in_utc(value: Any) -> Any:
    """Parameters for ArcadeDB, which stores a datetime's instant but drops its offset: every
    datetime in UTC, so that what it answers at once and what it answers later agree."""
    if isinstance(value, dt.datetime) and value.tzinfo is not None:
        return value.astimezone(dt.UTC)
    if isinstance(value, dict):
        return {key: in_utc(item) for key, item in value.items()}
    if isinstance(value, list):
        return [in_utc(item) for item in value]
    return value


def unshadowed(query: str, params: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """The statement and parameters for ArcadeDB, with no value read as another parameter.
    ArcadeDB takes a string "$name" as the parameter `name` where an inline property of a
    MATCH pattern gets its value from a variable (`UNWIND $ids AS key MATCH (n {id: key})`;
    InlineProperties.resolve): the id "$scope" would match the viewer's scope node. Each
    parameter such a string names is sent under a name no string names. Values read from the
    graph are not covered: no statement matches an inline property on one."""
    named = _dollar_strings(params)
    for name in [name for name in params if name in named]:
        taken = named | params.keys()
        fresh = next(f"{name}_{n}" for n in count(1) if f"{name}_{n}" not in taken)
        query = re.sub(rf"\${name}\b", f"${fresh}", query)
        params[fresh] = params.pop(name)
    return query, params


def _dollar_strings(value: Any) -> set[str]:
    """The strings in `value` (nested maps and lists too) that start with "$", without the $."""
    found: set[str] = set()
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if item.startswith("$"):
                found.add(item[1:])
        elif isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return found
