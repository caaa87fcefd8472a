"""Which statements a request sent: counted for the request (extensions.statements), kept as
sent for the benchmark, and appended to a file for the Cypher lint when
PARTYGRAPH_RECORD_CYPHER is set."""

from __future__ import annotations

import contextvars
import json
import os
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from partygraph.access import Access
from partygraph.cypher import renderings
from partygraph.cypher.names import Statement


@dataclass
class StatementLog:
    """The statements one request sent, by name, in order, and each as sent (text and
    parameters: what the benchmark replays straight through the driver)."""

    names: list[str] = field(default_factory=list)
    sent: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    outer: StatementLog | None = None  # a log around this one (a benchmark's) sees them too
    keep_sent: bool = False  # only a log that asks keeps `sent`: no copy on every request


_current_log: contextvars.ContextVar[StatementLog | None] = contextvars.ContextVar(
    "partygraph_statement_log", default=None
)


@contextmanager
def counting_statements(keep_sent: bool = False) -> Iterator[StatementLog]:
    log = StatementLog(outer=_current_log.get(), keep_sent=keep_sent)
    token = _current_log.set(log)
    try:
        yield log
    finally:
        _current_log.reset(token)


class _Recorder:
    """Appends each distinct statement text sent to a JSON Lines file (for the Cypher lint)."""

    def __init__(self) -> None:
        self.seen: set[str] = set()
        self.lock = threading.Lock()

    def record(self, step: Step, query: str, params: Mapping[str, Any], access: Access) -> None:
        path = os.environ.get("PARTYGRAPH_RECORD_CYPHER")
        if not path:
            return
        fillings = {"label": step.label, "rel": step.rel, "hops": step.hops, "order": step.order}
        query = renderings.for_lint(step.name, query, access, **fillings)
        if query in self.seen:
            return
        with self.lock:
            self.seen.add(query)
            with open(path, "a", encoding="utf-8") as out:
                line = {"name": step.name, "query": query, "parameters": sorted(params)}
                out.write(json.dumps(line, ensure_ascii=False) + "\n")


_recorder = _Recorder()


@dataclass(frozen=True)
class Step:
    """One statement of a multi-statement transaction."""

    name: Statement
    params: Mapping[str, Any]
    label: str | None = None
    rel: str | None = None
    hops: int | None = None
    order: str | None = None  # ASC or DESC for a statement with __ORDER__ (cypher.render)


def note(step: Step, query: str, params: Mapping[str, Any], access: Access) -> None:
    log = _current_log.get()
    while log is not None:
        log.names.append(step.name)
        if log.keep_sent:
            log.sent.append((query, dict(params)))
        log = log.outer
    _recorder.record(step, query, params, access)
