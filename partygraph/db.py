"""The graph connection: driver lifecycle, managed transactions, and the named-statement runner.

Resolvers and commands never hold Cypher: they call `Graph.read/write` with a statement name
from partygraph/cypher and parameters. Each call is one managed transaction (transient errors
retried by the driver) with a timeout. Every statement sent is counted for the current request,
and recorded to a file when PARTYGRAPH_RECORD_CYPHER is set, so the suite can lint them.
"""

from __future__ import annotations

import contextvars
import copy
import json
import os
import threading
from collections.abc import Awaitable, Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, TypeVar

import neo4j
from neo4j import AsyncManagedTransaction
from neo4j.exceptions import (
    ConstraintError,
    DriverError,
    Neo4jError,
    ServiceUnavailable,
    SessionExpired,
    TransientError,
)

from partygraph import cypher
from partygraph.access import FULL, Access
from partygraph.config import Settings
from partygraph.engine import DATABASE as ENGINE_DATABASE
from partygraph.engine import USER as ENGINE_USER
from partygraph.engine import Engine

Row = dict[str, Any]


class GraphError(Exception):
    """A graph failure a caller can act on; `code` goes to GraphQL extensions.code."""

    code = "GRAPH_ERROR"


class GraphUnavailable(GraphError):
    code = "GRAPH_UNAVAILABLE"


class GraphConflict(GraphError):
    code = "CONFLICT"


@dataclass(frozen=True)
class Connection:
    uri: str
    user: str
    password: str
    database: str


def engine_for(settings: Settings) -> Engine:
    return Engine(
        settings.home, settings.engine_bolt_port, settings.engine_http_port, settings.engine_heap
    )


def connection_for(settings: Settings, start_engine: bool = True) -> Connection:
    """NEO4J_* when NEO4J_URI is set; else the development engine, started if needed."""
    if settings.neo4j_uri:
        return Connection(
            settings.neo4j_uri,
            settings.neo4j_user,
            settings.neo4j_password,
            settings.neo4j_database,
        )
    engine = engine_for(settings)
    if start_engine:
        engine.start()
    return Connection(engine.bolt_uri, ENGINE_USER, engine.password, ENGINE_DATABASE)


@dataclass
class StatementLog:
    """The statements one request sent, by name, in order."""

    names: list[str] = field(default_factory=list)


_current_log: contextvars.ContextVar[StatementLog | None] = contextvars.ContextVar(
    "partygraph_statement_log", default=None
)


@contextmanager
def counting_statements() -> Iterator[StatementLog]:
    log = StatementLog()
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

    def record(self, name: str, query: str, params: Mapping[str, Any]) -> None:
        path = os.environ.get("PARTYGRAPH_RECORD_CYPHER")
        if not path or query in self.seen:
            return
        with self.lock:
            self.seen.add(query)
            with open(path, "a", encoding="utf-8") as out:
                line = {"name": name, "query": query, "parameters": sorted(params)}
                out.write(json.dumps(line, ensure_ascii=False) + "\n")


_recorder = _Recorder()


@dataclass(frozen=True)
class Step:
    """One statement of a multi-statement transaction."""

    name: str
    params: Mapping[str, Any]
    label: str | None = None
    rel: str | None = None
    hops: int | None = None


def _note(name: str, query: str, params: Mapping[str, Any]) -> None:
    log = _current_log.get()
    if log is not None:
        log.names.append(name)
    _recorder.record(name, query, params)


T = TypeVar("T")


class Tx:
    """One open transaction, speaking named statements (see Graph.transaction)."""

    def __init__(self, graph: Graph, tx: AsyncManagedTransaction) -> None:
        self._graph = graph
        self._tx = tx

    async def run(
        self,
        name: str,
        params: Mapping[str, Any] | None = None,
        *,
        label: str | None = None,
        rel: str | None = None,
        hops: int | None = None,
    ) -> list[Row]:
        return await self._graph._run(self._tx, Step(name, params or {}, label, rel, hops))


class Graph:
    """An async driver bound to one database, speaking only named statements, rendered for
    one viewer's access (the commands act with full access; the API binds each request's
    viewer with `for_viewer`)."""

    def __init__(self, connection: Connection, settings: Settings) -> None:
        self.access: Access = FULL
        self.scope: str | None = None
        self.connection = connection
        self.timeout = settings.statement_timeout
        # What this graph can do, learnt on first use (e.g. whether a full-text index exists).
        self.features: dict[str, bool] = {}
        self.driver = neo4j.AsyncGraphDatabase.driver(
            connection.uri,
            auth=(connection.user, connection.password),
            max_transaction_retry_time=settings.retry_time,
            connection_acquisition_timeout=10.0,
            connection_timeout=5.0,
            liveness_check_timeout=30.0,  # drop pooled connections that died with a restart
        )

    def for_viewer(self, access: Access, scope: str | None) -> Graph:
        """The same driver, every statement rendered for `access` with `scope` as $scope."""
        if access.scoped and not scope:
            raise ValueError("a scoped access needs a scope id")
        bound = copy.copy(self)
        bound.access, bound.scope = access, scope
        return bound

    async def close(self) -> None:
        await self.driver.close()

    async def _run(self, tx: AsyncManagedTransaction, step: Step) -> list[Row]:
        query = cypher.render(
            step.name, label=step.label, rel=step.rel, hops=step.hops, access=self.access
        )
        params = dict(step.params)
        if "$scope" in query:
            params["scope"] = self.scope
        _note(step.name, query, params)
        result = await tx.run(query, params)
        return [record.data() async for record in result]

    async def _transaction(self, steps: Sequence[Step], write: bool) -> list[list[Row]]:
        async def work(tx: Tx) -> list[list[Row]]:
            results = []
            for step in steps:
                results.append(
                    await tx.run(
                        step.name, step.params, label=step.label, rel=step.rel, hops=step.hops
                    )
                )
            return results

        return await self.transaction(work, write)

    async def read(
        self,
        name: str,
        params: Mapping[str, Any] | None = None,
        *,
        label: str | None = None,
        rel: str | None = None,
        hops: int | None = None,
    ) -> list[Row]:
        step = Step(name, params or {}, label, rel, hops)
        return (await self._transaction([step], write=False))[0]

    async def write(
        self,
        name: str,
        params: Mapping[str, Any] | None = None,
        *,
        label: str | None = None,
        rel: str | None = None,
    ) -> list[Row]:
        step = Step(name, params or {}, label, rel)
        return (await self._transaction([step], write=True))[0]

    async def transaction(self, work: Callable[[Tx], Awaitable[T]], write: bool = True) -> T:
        """Run `work` in one managed transaction. Whatever `work` raises rolls the whole
        transaction back (so a mutation that finds its input invalid changes nothing);
        transient errors make the driver run `work` again from the start."""

        async def unit(tx: AsyncManagedTransaction) -> T:
            return await work(Tx(self, tx))

        unit_with_timeout = neo4j.unit_of_work(timeout=self.timeout)(unit)
        try:
            async with self.driver.session(database=self.connection.database) as session:
                if write:
                    return await session.execute_write(unit_with_timeout)
                return await session.execute_read(unit_with_timeout)
        except (ServiceUnavailable, SessionExpired, OSError) as exc:
            raise GraphUnavailable(
                "the graph database is not reachable; the service retries by itself, "
                "try again shortly"
            ) from exc
        except TransientError as exc:
            raise GraphUnavailable("the graph database is busy; try again shortly") from exc
        except ConstraintError as exc:
            raise GraphConflict("the change conflicts with data already stored") from exc
        except (Neo4jError, DriverError) as exc:
            raise GraphError("the graph database refused the request") from exc

    async def ping(self) -> bool:
        try:
            rows = await self.read("ping")
        except GraphError:
            return False
        return bool(rows) and rows[0].get("ok") == 1
