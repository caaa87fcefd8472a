"""The graph: driver lifecycle, managed transactions, and the named-statement runner.

Resolvers and commands never hold Cypher: they call `Graph.read/one/value/write` with a
statement name from partygraph/cypher and parameters. Each call is one managed transaction
(transient errors retried, see `Graph.transaction`) with a timeout, watched where the engine
does not enforce it. What failures become is partygraph.graph_errors; where the graph is,
partygraph.connection; the statements a request sent, partygraph.statement_log.
"""

from __future__ import annotations

import asyncio
import contextvars
import copy
import random
import time
from collections.abc import Awaitable, Callable, Iterator, Mapping
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from typing import Any, TypedDict, TypeVar, Unpack

import neo4j
from neo4j import AsyncManagedTransaction
from neo4j.exceptions import (
    DriverError,
    Neo4jError,
)

from partygraph import audit, bookmarks, cypher
from partygraph.access import FULL, Access
from partygraph.arcadedb_params import in_utc, unshadowed
from partygraph.config import Settings
from partygraph.connection import Connection
from partygraph.cypher import Shape
from partygraph.cypher.names import Statement
from partygraph.graph_errors import (
    OTHER_TRANSIENT_RETRIES,
    GraphError,
    GraphUnavailable,
    graph_error,
    other_transient,
    timed_out,
)
from partygraph.statement_log import Step, note

Row = dict[str, Any]


class Fill(TypedDict, total=False):
    """What fills a template statement's tokens (partygraph.cypher.render)."""

    label: str | None
    rel: str | None
    hops: int | None
    order: str | None


# Retry pacing. ArcadeDB reports two transactions changing one record (or filling one edge
# chunk) as a TransientError, Neo.TransientError.Transaction.DeadlockDetected, which the driver
# retries; such a conflict clears in milliseconds, so start at 20 ms rather than the driver's
# 1 s, doubling, with jitter so racing writers do not collide again in step.
RETRY_FIRST_DELAY = 0.02
RETRY_MULTIPLIER = 2.0
RETRY_JITTER = 0.5
# Neo4j enforces the statement timeout; a frozen or cut-off engine never says it passed.
# This long past it, the service asks the engine whether it still answers (PROBE_TIMEOUT).
# ArcadeDB does not enforce it (measured: a statement with a 5 s timeout ran 91 s): there the
# service gives up a statement still running at the timeout itself, looking again every
# WATCH_TICK while a transaction past it is between statements or committing.
WATCH_GRACE = 2.0
PROBE_TIMEOUT = 5.0
WATCH_TICK = 0.1


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

    async def step(self, step: Step, shape: Shape = Shape.ROWS) -> list[Row]:
        """The rows of one statement, named with its template fillings."""
        return await self._graph._run(self._tx, step, shape)

    async def run(
        self, name: Statement, params: Mapping[str, Any] | None = None, **fill: Unpack[Fill]
    ) -> list[Row]:
        return await self.step(Step(name, params or {}, **fill))

    async def one(
        self, name: Statement, params: Mapping[str, Any] | None = None, **fill: Unpack[Fill]
    ) -> Row | None:
        """The one row of a `^` statement (partygraph.cypher), or None."""
        return _one(name, await self.step(Step(name, params or {}, **fill), Shape.ONE))

    async def value(
        self, name: Statement, params: Mapping[str, Any] | None = None, **fill: Unpack[Fill]
    ) -> Any:
        """The one value of a `$` statement, or None when it returns no row."""
        return _value(name, await self.step(Step(name, params or {}, **fill), Shape.VALUE))


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
            params = in_utc(params)
        if "$scope" in query:
            params["scope"] = self.scope
        note(step, query, params, self.access)
        if self.features.get("arcadedb"):
            query, params = unshadowed(query, params)
        with _statement_of(tx):
            result = await tx.run(query, params)
            # Values as the driver decoded them, keyed by column: Record.data() would walk
            # every value again to convert graph nodes, which no statement returns.
            keys = result.keys()
            return [dict(zip(keys, values, strict=True)) async for values in result]

    async def read(
        self, name: Statement, params: Mapping[str, Any] | None = None, **fill: Unpack[Fill]
    ) -> list[Row]:
        """The rows of a statement, read in a transaction of its own."""
        return await self.transaction(lambda tx: tx.run(name, params, **fill), write=False)

    async def one(
        self, name: Statement, params: Mapping[str, Any] | None = None, **fill: Unpack[Fill]
    ) -> Row | None:
        """The one row of a `^` statement, read in a transaction of its own (or None)."""
        return await self.transaction(lambda tx: tx.one(name, params, **fill), write=False)

    async def value(
        self, name: Statement, params: Mapping[str, Any] | None = None, **fill: Unpack[Fill]
    ) -> Any:
        """The one value of a `$` statement, read in a transaction of its own."""
        return await self.transaction(lambda tx: tx.value(name, params, **fill), write=False)

    async def write(
        self, name: Statement, params: Mapping[str, Any] | None = None, **fill: Unpack[Fill]
    ) -> list[Row]:
        """The rows of a statement, written in a transaction of its own."""
        return await self.transaction(lambda tx: tx.run(name, params, **fill), write=True)

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
                kind = other_transient(exc, self.features.get("arcadedb", False))
                left = deadline - time.monotonic()
                if (
                    kind is None
                    or retried.get(kind, 0) >= OTHER_TRANSIENT_RETRIES[kind]
                    or left <= 0
                ):
                    raise graph_error(exc, self.timeout) from exc
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
                        raise timed_out(self.timeout)
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
