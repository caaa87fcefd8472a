"""Requests in flight: how many one viewer may have at once, and none outliving its client.

`InFlight` wraps the GraphQL app behind AuthGuard (which names the viewer). A viewer with
`limit` requests running gets HTTP 429 (TOO_MANY_REQUESTS) for the next one, so no token can
take every slot of the service. A request whose client hangs up is cancelled: its statements
are abandoned (the driver drops their connection and the graph ends their transaction) and a
mutation in flight is rolled back, since nobody is left to be told it was made.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections import Counter
from collections.abc import Hashable

from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from partygraph import messages
from partygraph.auth import Viewer

VIEWER = "partygraph.viewer"  # set by app.AuthGuard
TOO_MANY = "TOO_MANY_REQUESTS"


def _key(viewer: Viewer | None) -> Hashable:
    if viewer is None:
        return None
    return (viewer.subject, viewer.role, viewer.scope)


class InFlight:
    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit
        self.running: Counter[Hashable] = Counter()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        key = _key(scope.get(VIEWER))
        if key is not None and self.running[key] >= self.limit:
            await self._refuse(scope, receive, send)
            return
        self.running[key] += 1
        try:
            await _cancelled_on_hang_up(self.app, scope, receive, send)
        finally:
            self.running[key] -= 1
            if not self.running[key]:
                del self.running[key]

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        error = {
            "message": messages.translated(
                f"you have {self.limit} requests running; wait for one to finish",
                messages.language_of(scope),
            ),
            "extensions": {"code": TOO_MANY, "limit": self.limit},
        }
        response = JSONResponse({"data": None, "errors": [error]}, status_code=429)
        await response(scope, receive, send)


async def _cancelled_on_hang_up(app: ASGIApp, scope: Scope, receive: Receive, send: Send) -> None:
    """Run the app; once it has read the request, listen for the client going away and
    cancel the app when it does."""
    read = asyncio.Event()
    if scope.get("method") in ("GET", "HEAD"):
        read.set()

    async def app_receive() -> Message:
        message = await receive()
        if message["type"] == "http.disconnect" or not message.get("more_body", False):
            read.set()
        return message

    handling = asyncio.ensure_future(app(scope, app_receive, send))

    async def watch() -> None:
        await read.wait()
        while (await receive())["type"] != "http.disconnect":
            pass
        handling.cancel()

    watching = asyncio.ensure_future(watch())
    try:
        await handling
    except asyncio.CancelledError:
        if not watching.done():
            raise  # cancelled from outside (shutdown), not by the client leaving
    finally:
        for task in (handling, watching):
            task.cancel()  # no-op once done
        with contextlib.suppress(asyncio.CancelledError):
            await watching
