"""The audit entry of the mutation being resolved: drafted before it runs, written by the
graph inside the mutation's own write transaction, so no change commits without its entry.

A mutation field's resolver runs inside `drafting` (see partygraph.schema.audit, which opens
it for every mutation field); partygraph.db appends the draft to the first write transaction
the field runs and marks it committed once that transaction commits. Resolvers that create ids
name them with `touches`.
"""

from __future__ import annotations

import contextvars
import datetime as dt
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Draft:
    actor: str
    role: str
    operation: str  # the mutation field, e.g. closeRequest
    operation_name: str | None  # the document's operation that ran (operationName)
    ids: set[str] = field(default_factory=set)
    committed: bool = False  # its write transaction committed, with this entry in it

    def entry(self, outcome: str) -> dict[str, Any]:
        now = dt.datetime.now(dt.UTC)
        return {
            # Sorts by time; the random tail keeps entries of one instant apart.
            "id": f"{now:%Y%m%dT%H%M%S%fZ}-{uuid.uuid4().hex[:12]}",
            "at": now,
            "actor": self.actor,
            "role": self.role,
            "operation": self.operation,
            "operationName": self.operation_name,
            "ids": sorted(self.ids),
            "outcome": outcome,
        }


_current: contextvars.ContextVar[Draft | None] = contextvars.ContextVar(
    "partygraph_audit_draft", default=None
)


@contextmanager
def drafting(draft: Draft) -> Iterator[Draft]:
    token = _current.set(draft)
    try:
        yield draft
    finally:
        _current.reset(token)


def current() -> Draft | None:
    return _current.get()


def touches(ids: Iterable[str]) -> None:
    """Name ids the running mutation touches or creates beyond its arguments."""
    draft = _current.get()
    if draft is not None:
        draft.ids.update(str(i) for i in ids)
