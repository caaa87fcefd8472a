"""Read-your-writes across replicas: Neo4j bookmarks carried by a header.

A request's write transactions end with a bookmark (Neo4j's name for "the graph as of this
commit"); the response carries it in the `Partygraph-Bookmark` header. A request that sends it
back has every transaction begin with it (Graph.transaction), so a cluster member serving its
reads first waits until it has that write (on a single server the wait is nil). Within one
request the same holds without a header: a mutation's payload is read after its write.

The header's value is the bookmarks signed by the service (HMAC with the signing secret, which
every replica shares): Neo4j bookmarks are opaque, and one the graph has not reached makes it
wait (db.transaction.bookmark_ready_timeout: 30 s by default, 5 s on the development engine; at
BEGIN and again at the first statement) before failing. So only bookmarks the
service issued reach the graph, anything else is refused at the edge (HTTP 400), and a request
first waits for its bookmark in a statement of its own, so that a graph that never reaches it
(restored from a backup) is told apart from a slow query.
"""

from __future__ import annotations

import base64
import binascii
import contextvars
import hashlib
import hmac
import re
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass

import neo4j
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from partygraph import messages

HEADER = "Partygraph-Bookmark"
_HEADER_KEY = HEADER.lower().encode()
# Checked before the signature: a Neo4j bookmark is some 30 characters, one per database.
MAX_LENGTH = 4096
_MAC_BYTES = 16
_TOKEN = re.compile(r"[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+")

# What Neo4j answers for a bookmark it cannot read, and for one it did not reach in time (a
# transaction with a timeout fails as timed out instead, after the same wait).
_INVALID = "Neo.ClientError.Transaction.InvalidBookmark"
_NOT_REACHED = "Neo.TransientError.Transaction.BookmarkTimeout"
NOT_REACHED = "BOOKMARK_NOT_REACHED"


@dataclass
class Seen:
    """The bookmarks of one request: those it sent, then those of its latest write."""

    bookmarks: neo4j.Bookmarks
    wrote: bool = False
    # While the request waits for the bookmarks it sent (Bookmarked's probe): a wait that
    # failed (twice Neo4j's bookmark_ready_timeout: at BEGIN, then at the statement) is not
    # retried.
    waiting: bool = False

    def after_write(self, bookmarks: neo4j.Bookmarks) -> None:
        # A write's session began with every bookmark held: its own supersedes them.
        if bookmarks.raw_values:
            self.bookmarks = bookmarks
            self.wrote = True


# Set per request by `Bookmarked`; a mutable holder, so the tasks a request spawns (resolvers
# gathered, loaders) share it.
_current: contextvars.ContextVar[Seen | None] = contextvars.ContextVar(
    "partygraph_bookmarks", default=None
)


def current() -> Seen | None:
    return _current.get()


def key_from(secret: str) -> bytes:
    """The signing key of bookmarks, derived from the token secret (not the secret itself)."""
    return hmac.new(secret.encode(), b"partygraph bookmark", hashlib.sha256).digest()


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _mac(key: bytes, payload: bytes) -> bytes:
    return hmac.new(key, payload, hashlib.sha256).digest()[:_MAC_BYTES]


def encode(key: bytes, raw_values: Iterable[str]) -> str:
    """The header's value for these bookmarks."""
    payload = "\n".join(sorted(raw_values)).encode()
    return f"{_b64(payload)}.{_b64(_mac(key, payload))}"


class Malformed(ValueError):
    pass


NOT_ISSUED = "the Partygraph-Bookmark header is not a bookmark this service issued"


def decode(key: bytes, value: str) -> neo4j.Bookmarks:
    """The bookmarks of a header's value; Malformed (the message says why) unless the service
    issued it."""
    if len(value) > MAX_LENGTH:
        raise Malformed(f"the Partygraph-Bookmark header is longer than {MAX_LENGTH} characters")
    if not _TOKEN.fullmatch(value):
        raise Malformed(NOT_ISSUED)
    encoded, mac = value.split(".")
    try:
        payload, signature = _unb64(encoded), _unb64(mac)
    except (binascii.Error, ValueError) as exc:
        raise Malformed(
            "the Partygraph-Bookmark header is not a bookmark this service issued"
        ) from exc
    if not hmac.compare_digest(signature, _mac(key, payload)):
        raise Malformed(NOT_ISSUED)
    return neo4j.Bookmarks.from_raw_values(payload.decode().split("\n"))  # ours: UTF-8


Probe = Callable[[Scope], Awaitable[object]]


def _refused(exc: Exception) -> tuple[int, str, str] | None:
    """Status, code and message when a graph error of the probe is about its bookmarks."""
    cause = getattr(exc.__cause__, "code", None)
    if cause == _INVALID:
        return (
            400,
            "BAD_USER_INPUT",
            "the graph cannot read the bookmark the Partygraph-Bookmark header holds",
        )
    if cause == _NOT_REACHED or getattr(exc, "code", None) == "QUERY_TIMEOUT":
        return (
            503,
            NOT_REACHED,
            "the graph has not reached the write the Partygraph-Bookmark header names; send the "
            "request again later, or without the header",
        )
    return None


class Bookmarked:
    """Reads a request's `Partygraph-Bookmark` header (HTTP 400 when the service did not issue
    it) into the bookmarks its transactions begin with, waits for them with `probe` (a read
    of nothing), and answers the bookmark of the request's latest write in the same header."""

    def __init__(self, app: ASGIApp, key: bytes, probe: Probe) -> None:
        self.app = app
        self.key = key
        self.probe = probe

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        sent = [value for name, value in scope.get("headers", []) if name == _HEADER_KEY]
        try:
            if len(sent) > 1:
                raise Malformed("send one Partygraph-Bookmark header, the latest one received")
            text = sent[0].decode("latin-1").strip() if sent else ""
            start = decode(self.key, text) if text else neo4j.Bookmarks()
        except Malformed as exc:
            await _refuse(400, "BAD_USER_INPUT", str(exc), scope, receive, send)
            return
        seen = Seen(start)
        token = _current.set(seen)
        try:
            if start.raw_values:
                seen.waiting = True
                try:
                    await self.probe(scope)
                except Exception as exc:
                    if not hasattr(exc, "code"):
                        raise  # not the graph's answer: a fault of the service
                    refused = _refused(exc)
                    if refused is not None:
                        await _refuse(*refused, scope, receive, send)
                        return
                    # Any other trouble of the graph: the request meets it, and says so.
                finally:
                    seen.waiting = False

            async def with_bookmark(message: Message) -> None:
                if message["type"] == "http.response.start" and seen.wrote:
                    value = encode(self.key, seen.bookmarks.raw_values).encode("ascii")
                    headers = [*message.get("headers", []), (_HEADER_KEY, value)]
                    message = {**message, "headers": headers}
                await send(message)

            await self.app(scope, receive, with_bookmark)
        finally:
            _current.reset(token)


async def _refuse(
    status: int, code: str, message: str, scope: Scope, receive: Receive, send: Send
) -> None:
    error = {
        "message": messages.translated(message, messages.language_of(scope)),
        "extensions": {"code": code},
    }
    await JSONResponse({"data": None, "errors": [error]}, status_code=status)(scope, receive, send)
