"""What the graph's failures become: the errors a caller is told of (each with the code that
goes to GraphQL's extensions.code), and which driver and server errors are transient beyond
what the driver itself retries."""

from __future__ import annotations

from neo4j.exceptions import (
    ConnectionAcquisitionTimeoutError,
    ConstraintError,
    DatabaseError,
    ServiceUnavailable,
    SessionExpired,
    TransientError,
)


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


def other_transient(exc: BaseException, arcadedb: bool) -> str | None:
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


def timed_out(timeout: float) -> GraphTimeout:
    return GraphTimeout(
        f"the query ran past the statement timeout ({timeout:g} s) and was stopped; ask "
        "for less (a smaller page or area, fewer hops) or try again when the graph is less busy"
    )


def graph_error(exc: BaseException, timeout: float) -> GraphError:
    """What a caller is told about a driver or server error that was not retried (again)."""
    if str(getattr(exc, "code", None) or "").startswith(_TIMED_OUT):
        return timed_out(timeout)
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
