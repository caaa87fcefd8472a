"""The graph connection: driver lifecycle, managed transactions, and the named-statement runner.

Resolvers and commands never hold Cypher: they call `Graph.read/write` with a statement name
from partygraph/cypher and parameters. Each call is one managed transaction (transient errors
retried, see `Graph.transaction`) with a timeout. Every statement sent is counted for the
current request, and recorded to a file when PARTYGRAPH_RECORD_CYPHER is set, so the suite can
lint them.
"""

from __future__ import annotations

import asyncio
import contextvars
import copy
import datetime as dt
import json
import os
import random
import re
import threading
import time
from collections.abc import Awaitable, Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from itertools import count
from typing import Any, TypeVar

import neo4j
from neo4j import AsyncManagedTransaction
from neo4j.exceptions import (
    ConnectionAcquisitionTimeoutError,
    ConstraintError,
    DatabaseError,
    DriverError,
    Neo4jError,
    ServiceUnavailable,
    SessionExpired,
    TransientError,
)

from partygraph import audit, bookmarks, cypher
from partygraph.access import FULL, Access
from partygraph.config import Settings
from partygraph.cypher import Shape
from partygraph.cypher.names import Statement
from partygraph.engine import Announce, engine_for

Row = dict[str, Any]


class GraphError(Exception):
    """A graph failure; `code` goes to GraphQL extensions.code. The subclasses are failures a
    caller can act on; this class itself is a statement the graph refused: the service sent
    something wrong, so the client is told of an internal error and the details are logged."""

    code = "INTERNAL_SERVER_ERROR"


class GraphUnavailable(GraphError):
    code = "GRAPH_UNAVAILABLE"


class GraphConflict(GraphError):
    code = "CONFLICT"


class GraphTimeout(GraphError):
    """The graph stopped a transaction that ran past the statement timeout."""

    code = "QUERY_TIMEOUT"


# Retry pacing. ArcadeDB reports two transactions changing one record (or filling one edge
# chunk) as a TransientError, Neo.TransientError.Transaction.DeadlockDetected, which the driver
# retries; such a conflict clears in milliseconds, so start at 20 ms rather than the driver's
# 1 s, doubling, with jitter so racing writers do not collide again in step.
RETRY_FIRST_DELAY = 0.02
RETRY_MULTIPLIER = 2.0
RETRY_JITTER = 0.5
# Errors the driver does not retry that are transient all the same, and how often each is run
# again. A ConstraintError from a concurrent creation of the same id: the next run sees the other
# node and answers as it would have ("already in use"); once, so a real conflict still surfaces.
# While ArcadeDB shuts down, a statement in flight fails with a DatabaseError (message "Error
# executing Cypher command", cause DatabaseIsClosedException), a new connection with
# Security.Unauthorized and a BEGIN with Request.Invalid; a few retries (about 1.3 s) outlast
# that, after which the engine refuses connections (ServiceUnavailable, retried by the driver).
OTHER_TRANSIENT_RETRIES = {"constraint": 1, "engine": 6}
_SHUTDOWN_CODES = frozenset(
    {"Neo.ClientError.Security.Unauthorized", "Neo.ClientError.Request.Invalid"}
)
# Neo4j enforces the statement timeout; a frozen or cut-off engine never says it passed.
# This long past it, the service asks the engine whether it still answers (PROBE_TIMEOUT).
# ArcadeDB does not enforce it (measured: a statement with a 5 s timeout ran 91 s): there the
# service gives up a statement still running at the timeout itself, looking again every
# WATCH_TICK while a transaction past it is between statements or committing.
WATCH_GRACE = 2.0
PROBE_TIMEOUT = 5.0
WATCH_TICK = 0.1

# Neo4j stops a transaction past its timeout with TransactionTimedOut (or
# TransactionTimedOutClientConfiguration: the timeout the driver asked for); one stopped while
# it waits for a lock says LockClientStopped instead.
_TIMED_OUT = (
    "Neo.ClientError.Transaction.TransactionTimedOut",
    "Neo.ClientError.Transaction.LockClientStopped",
)
# Neo4j answers this, transient, while its database is stopping or not yet started.
_DATABASE_UNAVAILABLE = "Neo.TransientError.General.DatabaseUnavailable"
UNREACHABLE = (
    "the graph database is not reachable; the service retries by itself, try again shortly"
)


def _other_transient(exc: BaseException, arcadedb: bool) -> str | None:
    """The kind (a key of OTHER_TRANSIENT_RETRIES) of a transient error the driver does not
    retry by itself, or None. The shutdown errors only once the server is known to be ArcadeDB:
    on Neo4j they mean what they say, and retrying a refused login could lock the account."""
    if isinstance(exc, ConstraintError):
        return "constraint"
    if not arcadedb:
        return None
    if isinstance(exc, DatabaseError) or getattr(exc, "code", None) in _SHUTDOWN_CODES:
        return "engine"
    return None


def _timed_out(timeout: float) -> GraphTimeout:
    return GraphTimeout(
        f"the query ran past the statement timeout ({timeout:g} s) and was stopped; ask "
        "for less (a smaller page or area, fewer hops) or try again when the graph is less busy"
    )


def _graph_error(exc: BaseException, timeout: float) -> GraphError:
    """What a caller is told about a driver or server error that was not retried (again)."""
    if str(getattr(exc, "code", None) or "").startswith(_TIMED_OUT):
        return _timed_out(timeout)
    if isinstance(exc, ServiceUnavailable | SessionExpired | OSError):
        return GraphUnavailable(UNREACHABLE)
    if getattr(exc, "code", None) == _DATABASE_UNAVAILABLE:  # Neo4j stopping or starting
        return GraphUnavailable(UNREACHABLE)
    if isinstance(exc, TransientError | ConnectionAcquisitionTimeoutError):
        # No connection of the pool came free in time: every one is busy with other work.
        return GraphUnavailable("the graph database is busy; try again shortly")
    if isinstance(exc, ConstraintError):
        return GraphConflict("the change conflicts with data already stored")
    return GraphError("the graph database refused the request")


def _in_utc(value: Any) -> Any:
    """Parameters for ArcadeDB, which stores a datetime's instant but drops its offset: every
    datetime in UTC, so that what it answers at once and what it answers later agree."""
    if isinstance(value, dt.datetime) and value.tzinfo is not None:
        return value.astimezone(dt.UTC)
    if isinstance(value, dict):
        return {key: _in_utc(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_in_utc(item) for item in value]
    return value


def _unshadowed(query: str, params: dict[str, Any]) -> tuple[str, dict[str, Any]]:
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


@dataclass(frozen=True)
class Connection:
    uri: str
    user: str
    password: str
    database: str


def connection_for(
    settings: Settings, start_engine: bool = True, announce: Announce = lambda _: None
) -> Connection:
    """NEO4J_* when NEO4J_URI is set; else the local engine (partygraph.engine), started if
    needed."""
    if settings.neo4j_uri:
        return Connection(
            settings.neo4j_uri,
            settings.neo4j_user,
            settings.neo4j_password.get_secret_value(),
            settings.neo4j_database,
        )
    engine = engine_for(settings)
    if start_engine:
        engine.start(announce=announce)
    return Connection(engine.bolt_uri, engine.user, engine.password, engine.database)


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
        query = cypher.for_lint(step.name, query, access, **fillings)
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


def _note(step: Step, query: str, params: Mapping[str, Any], access: Access) -> None:
    log = _current_log.get()
    while log is not None:
        log.names.append(step.name)
        if log.keep_sent:
            log.sent.append((query, dict(params)))
        log = log.outer
    _recorder.record(step, query, params, access)


@dataclass
class _Attempt:
    """The attempt of a transaction the watchdog watches (Graph._watched): the driver object of
    the attempt, when its first statement started, and whether a statement runs now."""

    tx: object | None = None
    started: float = 0.0
    running: bool = False


_watching: contextvars.ContextVar[_Attempt | None] = contextvars.ContextVar(
    "partygraph_watched_attempt", default=None
)


@contextmanager
def _statement_of(tx: object) -> Iterator[None]:
    """Marks a statement of `tx` running, for the watchdog of its transaction (if any)."""
    attempt = _watching.get()
    if attempt is None:
        yield
        return
    if attempt.tx is not tx:  # the first statement of an attempt: a retry starts the clock again
        attempt.tx, attempt.started = tx, time.monotonic()
    attempt.running = True
    try:
        yield
    finally:
        attempt.running = False


T = TypeVar("T")


class Tx:
    """One open transaction, speaking named statements (see Graph.transaction)."""

    def __init__(self, graph: Graph, tx: AsyncManagedTransaction) -> None:
        self._graph = graph
        self._tx = tx

    @property
    def access(self) -> Access:
        """What the statements of this transaction are rendered for."""
        return self._graph.access

    async def run(
        self,
        name: Statement,
        params: Mapping[str, Any] | None = None,
        *,
        label: str | None = None,
        rel: str | None = None,
        hops: int | None = None,
        order: str | None = None,
    ) -> list[Row]:
        step = Step(name, params or {}, label, rel, hops, order)
        return await self._graph._run(self._tx, step)

    async def one(
        self, name: Statement, params: Mapping[str, Any] | None = None, **fill: Any
    ) -> Row | None:
        """The one row of a `^` statement (partygraph.cypher), or None."""
        step = Step(name, params or {}, **fill)
        return _one(name, await self._graph._run(self._tx, step, Shape.ONE))

    async def value(
        self, name: Statement, params: Mapping[str, Any] | None = None, **fill: Any
    ) -> Any:
        """The one value of a `$` statement, or None when it returns no row."""
        step = Step(name, params or {}, **fill)
        return _value(name, await self._graph._run(self._tx, step, Shape.VALUE))


def _one(name: str, rows: list[Row]) -> Row | None:
    if len(rows) > 1:
        raise ValueError(f"statement {name} returned {len(rows)} rows, not one")
    return rows[0] if rows else None


def _value(name: str, rows: list[Row]) -> Any:
    row = _one(name, rows)
    if row is None:
        return None
    if len(row) != 1:
        raise ValueError(f"statement {name} returned {len(row)} columns, not one value")
    return next(iter(row.values()))


class Graph:
    """An async driver bound to one database, speaking only named statements, rendered for
    one viewer's access (the commands act with full access; the API binds each request's
    viewer with `for_viewer`)."""

    def __init__(self, connection: Connection, settings: Settings) -> None:
        self.access: Access = FULL
        self.scope: str | None = None
        self.connection = connection
        self.timeout = settings.statement_timeout
        self.retry_time = settings.retry_time
        # What this graph can do, learnt on first use (e.g. whether a full-text index exists).
        self.features: dict[str, bool] = {}
        self.driver = neo4j.AsyncGraphDatabase.driver(
            connection.uri,
            auth=(connection.user, connection.password),
            max_transaction_retry_time=settings.retry_time,
            connection_acquisition_timeout=10.0,
            connection_timeout=5.0,
            liveness_check_timeout=30.0,  # drop pooled connections that died with a restart
            # Neo4j's hints (e.g. "relationship type not in the graph yet") are for people
            # writing queries; ours are linted, so the server need not make them.
            notifications_min_severity="OFF",
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

    async def _run(
        self, tx: AsyncManagedTransaction, step: Step, shape: Shape = Shape.ROWS
    ) -> list[Row]:
        cypher.check_shape(step.name, shape)
        query = cypher.render(
            step.name,
            label=step.label,
            rel=step.rel,
            hops=step.hops,
            order=step.order,
            access=self.access,
        )
        params = dict(step.params)
        if self.features.get("arcadedb"):
            params = _in_utc(params)
        if "$scope" in query:
            params["scope"] = self.scope
        _note(step, query, params, self.access)
        if self.features.get("arcadedb"):
            query, params = _unshadowed(query, params)
        with _statement_of(tx):
            result = await tx.run(query, params)
            # Values as the driver decoded them, keyed by column: Record.data() would walk
            # every value again to convert graph nodes, which no statement returns.
            keys = result.keys()
            return [dict(zip(keys, values, strict=True)) async for values in result]

    async def _transaction(self, steps: Sequence[Step], write: bool) -> list[list[Row]]:
        async def work(tx: Tx) -> list[list[Row]]:
            results = []
            for step in steps:
                results.append(
                    await tx.run(
                        step.name,
                        step.params,
                        label=step.label,
                        rel=step.rel,
                        hops=step.hops,
                        order=step.order,
                    )
                )
            return results

        return await self.transaction(work, write)

    async def read(
        self,
        name: Statement,
        params: Mapping[str, Any] | None = None,
        *,
        label: str | None = None,
        rel: str | None = None,
        hops: int | None = None,
        order: str | None = None,
    ) -> list[Row]:
        step = Step(name, params or {}, label, rel, hops, order)
        return (await self._transaction([step], write=False))[0]

    async def one(
        self, name: Statement, params: Mapping[str, Any] | None = None, **fill: Any
    ) -> Row | None:
        """The one row of a `^` statement, read in a transaction of its own (or None)."""
        return await self.transaction(lambda tx: tx.one(name, params, **fill), write=False)

    async def value(
        self, name: Statement, params: Mapping[str, Any] | None = None, **fill: Any
    ) -> Any:
        """The one value of a `$` statement, read in a transaction of its own."""
        return await self.transaction(lambda tx: tx.value(name, params, **fill), write=False)

    async def write(
        self,
        name: Statement,
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
        transient errors run `work` again from the start, with jittered backoff, for at most
        the configured retry time (PARTYGRAPH_RETRY_TIME). The first write transaction of a
        mutation also writes the mutation's audit entry (partygraph.audit): one commit. The
        request's bookmarks (partygraph.bookmarks) begin the session; a write's replaces them."""
        draft = audit.current() if write else None
        if draft is not None and draft.committed:
            draft = None  # its entry went with an earlier transaction of the same mutation

        seen = bookmarks.current()  # the request's bookmarks: its reads wait for its writes

        async def unit(tx: AsyncManagedTransaction) -> T:
            result = await work(Tx(self, tx))
            if draft is not None:
                await self._run(tx, Step("audit_append", {"entries": [draft.entry("OK")]}))
            return result

        unit_with_timeout = neo4j.unit_of_work(timeout=self.timeout)(unit)
        await self.on_arcadedb()  # learnt once, before the statements that depend on it
        deadline = time.monotonic() + self.retry_time
        retried: dict[str, int] = {}
        while True:
            try:
                # The driver retries what it knows to be transient (TransientError, a lost
                # connection), paced for ArcadeDB's conflicts, within the time left.
                async with self.driver.session(
                    database=self.connection.database,
                    # Every row is read at once: answers are bounded by the cost limit, and
                    # the driver's batches of 1,000 would each cost a round trip.
                    fetch_size=-1,
                    bookmarks=seen.bookmarks if seen is not None else None,
                    max_transaction_retry_time=(
                        0.0
                        if seen is not None and seen.waiting
                        else max(deadline - time.monotonic(), 0.0)
                    ),
                    initial_retry_delay=RETRY_FIRST_DELAY,
                    retry_delay_multiplier=RETRY_MULTIPLIER,
                    retry_delay_jitter_factor=RETRY_JITTER,
                ) as session:
                    run = session.execute_write if write else session.execute_read
                    # BEGIN goes with the first statement in one round trip, as in the driver's
                    # own execute_query, rather than in one of its own (a private switch of the
                    # driver, whose version constraints.txt pins).
                    with session._pipelined_begin:
                        result = await self._watched(run(unit_with_timeout))
                    if write and seen is not None:
                        seen.after_write(await session.last_bookmarks())
                if draft is not None:
                    draft.committed = True
                return result
            except (Neo4jError, DriverError, OSError) as exc:
                kind = _other_transient(exc, self.features.get("arcadedb", False))
                left = deadline - time.monotonic()
                if (
                    kind is None
                    or retried.get(kind, 0) >= OTHER_TRANSIENT_RETRIES[kind]
                    or left <= 0
                ):
                    raise _graph_error(exc, self.timeout) from exc
                pause = RETRY_FIRST_DELAY * RETRY_MULTIPLIER ** sum(retried.values())
                await asyncio.sleep(
                    min(pause * random.uniform(1 - RETRY_JITTER, 1 + RETRY_JITTER), left)
                )
                retried[kind] = retried.get(kind, 0) + 1

    async def on_arcadedb(self) -> bool:
        """Whether the server is ArcadeDB (asked once): a few statements and locks differ
        there."""
        if "arcadedb" not in self.features:
            await self._learn_server()
        return self.features.get("arcadedb", False)

    async def _learn_server(self) -> None:
        """Whether the server is ArcadeDB (it answers "Neo4j/5.26.0 compatible (ArcadeDB …)"),
        learnt once: its shutdown errors are retried."""
        try:
            info = await self.driver.get_server_info()
        except (Neo4jError, DriverError, OSError):
            return  # asked again after the next transaction
        self.features["arcadedb"] = "arcadedb" in info.agent.lower()

    async def _watched(self, call: Awaitable[T]) -> T:
        """Await `call`; once it has run past the statement timeout, give it up (as
        unavailable) as soon as the engine no longer answers a new connection. On ArcadeDB,
        which does not stop a transaction at the timeout, a statement still running when its
        attempt has run that long is given up (QUERY_TIMEOUT) and its connection dropped, so
        nothing of it is committed and the engine stops when it notices. A commit in flight is
        never given up: it may land."""
        attempt = _Attempt()
        token = _watching.set(attempt)
        try:
            task = asyncio.ensure_future(call)  # the task's statements see `attempt`
        finally:
            _watching.reset(token)
        enforce = self.features.get("arcadedb", False)
        probe_at = time.monotonic() + self.timeout + WATCH_GRACE
        try:
            while True:
                now = time.monotonic()
                wake = probe_at
                if enforce:  # an attempt not started yet ends no sooner than a timeout from now
                    due = (attempt.started if attempt.tx is not None else now) + self.timeout
                    wake = min(wake, due if due > now else now + WATCH_TICK)
                done, _ = await asyncio.wait({task}, timeout=max(wake - now, 0.0))
                if done:
                    return task.result()
                now = time.monotonic()
                past_due = attempt.running and now >= attempt.started + self.timeout
                if (enforce and past_due) or now >= probe_at:
                    if not await self._answers():
                        raise GraphUnavailable(
                            "the graph database stopped answering; the service retries by "
                            "itself, try again shortly"
                        )
                    if enforce and past_due:
                        raise _timed_out(self.timeout)
                    probe_at = time.monotonic() + self.timeout + WATCH_GRACE
        finally:
            if not task.done():
                task.cancel()
                await asyncio.wait({task})  # let the driver drop the connection it was using

    async def _answers(self) -> bool:
        """Whether the engine answers a connection of its own: not one from the pool, which
        long transactions may all hold."""
        c = self.connection
        probe = neo4j.AsyncGraphDatabase.driver(
            c.uri, auth=(c.user, c.password), connection_timeout=PROBE_TIMEOUT
        )
        try:
            await asyncio.wait_for(probe.verify_connectivity(), PROBE_TIMEOUT)
        except (TimeoutError, Neo4jError, DriverError, OSError):
            return False
        finally:
            with suppress(Exception):
                await asyncio.wait_for(probe.close(), PROBE_TIMEOUT)
        return True

    async def ping(self) -> bool:
        try:
            return bool(await self.value("ping") == 1)
        except GraphError:
            return False
