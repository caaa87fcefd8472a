"""Where graph values become Python values: the one boundary, used wherever rows are read
(nodes, payloads, reports, the audit trail, the export). Dates and instants arrive as ISO text
(access.props sends a node's that way), as the driver's Date and DateTime, or as Python ones;
a non-finite number stored before they were refused reads as null."""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

from neo4j.time import Date, DateTime


def readable(value: Any) -> Any:
    """A stored value as it is read: a non-finite number (stored before they were refused)
    reads as null, and so does a list holding one."""
    items = value if isinstance(value, list) else [value]
    if any(isinstance(item, float) and not math.isfinite(item) for item in items):
        return None
    return value


def native(value: Any) -> Any:
    """A value as Python holds it: the driver's temporal values as Python ones, instants with the
    offset the graph kept (UTC where it kept none); anything else as it is."""
    if isinstance(value, DateTime):
        return stored_instant(value.to_native())
    if isinstance(value, Date):
        return value.to_native()
    return value


def read_date(value: Any) -> dt.date | None:
    """A date as a statement answers it: ISO text (access.props sends a node's dates as text)
    or a driver Date."""
    if isinstance(value, str):
        return dt.date.fromisoformat(value)
    if isinstance(value, dt.date):
        return value
    native = getattr(value, "to_native", None)
    return native() if native is not None else None


def read_instant(value: Any) -> dt.datetime | None:
    """An instant as a statement answers it: ISO text (access.props sends a node's instants as
    text, which the driver reads some 50 times faster than its DateTime), a driver DateTime or
    a datetime; aware, in UTC when the engine kept no offset."""
    if isinstance(value, str):
        moment = dt.datetime.fromisoformat(value.split("[", 1)[0])  # no zone name: offsets only
    elif isinstance(value, dt.datetime):
        moment = value
    elif hasattr(value, "to_native"):
        moment = value.to_native()
    else:
        return None
    return stored_instant(moment)


def stored_instant(moment: dt.datetime) -> dt.datetime:
    """An instant read from the graph: aware as stored (Neo4j keeps its offset); a naive one
    (ArcadeDB drops offsets and answers in UTC) is UTC."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)


def as_json(value: Any) -> Any:
    """A stored value as JSON holds it: dates and instants as the ISO text they came as (an
    instant with its offset, UTC where the graph kept none), a non-finite number as null."""
    value = native(readable(value))
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return value
