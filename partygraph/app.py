"""The Starlette app: /graphql (GraphiQL on GET), /healthz and /readyz."""

from __future__ import annotations

import logging
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import orjson
from cross_web import HTTPException
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from strawberry.asgi import GraphQL
from strawberry.http import GraphQLHTTPResponse
from strawberry.schema.exceptions import InvalidOperationTypeError
from strawberry.types import ExecutionResult
from strawberry.types.unset import UNSET

from partygraph import auth, bookmarks, explorer, graphiql, media, messages, request_body
from partygraph.access import NOBODY
from partygraph.auth import Viewer
from partygraph.config import Settings, get_settings
from partygraph.connection import Connection, connection_for
from partygraph.db import Graph
from partygraph.inflight import VIEWER, InFlight
from partygraph.schema import build_schema
from partygraph.service.context import Context, Loaders

log = logging.getLogger("partygraph")


class PartyGraphQL(GraphQL[Context, None]):
    graphiql_token: str | None = None  # prefills GraphiQL's Headers tab: development only

    async def render_graphql_ide(self, request: Any) -> Response:
        return graphiql.page(self.graphiql_token, request.headers.get("host"))

    async def get_context(self, request: Any, response: Any) -> Context:
        viewer: Viewer | None = request.scope.get(VIEWER)
        base: Graph = request.app.state.graph
        # Every statement of this request is rendered for the viewer's access. No viewer only
        # for the GraphiQL page, which runs no operation (see AuthGuard); it would see nothing.
        if viewer is None:
            graph = base.for_viewer(NOBODY, None)
        else:
            graph = base.for_viewer(viewer.access, viewer.scope)
        return Context(graph=graph, viewer=viewer, loaders=Loaders(graph))

    async def run(self, request: Any, context: Any = UNSET, root_value: Any = UNSET) -> Any:
        """Strawberry answers a request it cannot read as GraphQL (not JSON, no query, a
        mutation over GET) in plain text: here it is an error like any other, with a code.
        Answers are in the media type the request accepts (media), the GraphiQL page aside."""
        page = self.should_render_graphql_ide(self.request_adapter_class(request))
        language = messages.language_of(request.scope)
        answered = media.JSON if page else media.accepted(request.headers.get("accept"))
        if answered is None:
            offered = " or ".join(media.ANSWERED)
            return _unreadable(f"the service answers only {offered}", 406, media.JSON, language)
        request.scope[media.MEDIA_TYPE] = answered
        try:
            response = await super().run(request, context, root_value)
        except HTTPException as exc:
            return _unreadable(exc.reason, exc.status_code, answered, language)
        if not page:
            response.headers["content-type"] = answered
        return response

    async def execute_operation(
        self,
        request: Any,
        request_adapter: Any,
        request_data: Any,
        context: Any,
        root_value: Any,
        sub_response: Any,
    ) -> Any:
        result = await super().execute_operation(
            request, request_adapter, request_data, context, root_value, sub_response
        )
        # In the spec's media type a document that did not run (parse, validation, limits,
        # variables) is 400; one that ran is 200, field errors or not.
        if (
            isinstance(result, ExecutionResult)
            and _spec_answer(request)
            and media.did_not_run(result)
        ):
            sub_response.status_code = 400
        return result

    async def execute_single(
        self,
        request: Any,
        request_adapter: Any,
        sub_response: Any,
        context: Any,
        root_value: Any,
        request_data: Any,
    ) -> ExecutionResult:
        """A mutation over GET is refused with 405 (Method Not Allowed), as the spec says."""
        try:
            return await super().execute_single(
                request, request_adapter, sub_response, context, root_value, request_data
            )
        except HTTPException as exc:
            if isinstance(exc.__cause__, InvalidOperationTypeError):
                raise HTTPException(405, exc.reason) from exc.__cause__
            raise

    async def process_result(self, request: Any, result: ExecutionResult) -> GraphQLHTTPResponse:
        answer = await super().process_result(request, result)
        messages.translate_errors(answer.get("errors"), messages.language_of(request.scope))
        if _spec_answer(request) and media.did_not_run(result):
            answer.pop("data", None)  # graphql-response+json: a request error has no data entry
        return answer

    def parse_json(self, data: str | bytes) -> Any:
        """The request's JSON (the body, or a GET's variables), checked (request_body)."""
        try:
            return request_body.checked(super().parse_json(data))
        except UnicodeDecodeError as exc:
            raise HTTPException(400, "the request body is not valid UTF-8") from exc
        except RecursionError as exc:
            raise HTTPException(400, "the request's JSON is nested too deeply") from exc

    def decode_json(self, data: str | bytes) -> object:
        return request_body.decode(data)

    def encode_json(self, data: object) -> str | bytes:
        """orjson: several times faster than json on a large answer. What it will not write
        (a lone surrogate in stored text, an integer past 64 bits) goes the standard way."""
        try:
            return orjson.dumps(data)
        except TypeError:
            return super().encode_json(data)


def _spec_answer(request: Any) -> bool:
    return request.scope.get(media.MEDIA_TYPE) == media.GRAPHQL_RESPONSE


def _unreadable(
    message: str, status: int, media_type: str, language: messages.Language
) -> JSONResponse:
    error = {
        "message": messages.translated(message, language),
        "extensions": {"code": "BAD_USER_INPUT"},
    }
    body: dict[str, Any] = {"errors": [error]}  # a request error: no data entry in the spec
    if media_type == media.JSON:
        body = {"data": None, **body}  # as legacy clients have always had it
    allow = {"Allow": "GET, POST"} if status == 405 else None  # GET for queries only
    return JSONResponse(body, status_code=status, headers=allow, media_type=media_type)


def _unauthenticated(message: str, language: messages.Language) -> JSONResponse:
    error = {
        "message": messages.translated(message, language),
        "extensions": {"code": "UNAUTHENTICATED"},
    }
    body = {"data": None, "errors": [error]}
    return JSONResponse(body, status_code=401, headers={"WWW-Authenticate": "Bearer"})


class AuthGuard:
    """Lets only requests with a valid bearer token reach GraphQL; the GraphiQL page is open."""

    def __init__(self, app: ASGIApp, settings: Settings) -> None:
        self.app = app
        self.tokens = auth.Verifier(settings)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        request = Request(scope, receive)
        wants_page = (
            request.method == "GET"
            and "query" not in request.query_params
            and "text/html" in request.headers.get("accept", "")
        )
        if not wants_page:
            try:
                scope[VIEWER] = self.tokens.from_header(request.headers.get("authorization"))
            except auth.AuthError as exc:
                refusal = _unauthenticated(str(exc), messages.language_of(scope))
                await refusal(scope, receive, send)
                return
        await self.app(scope, receive, send)


class BodyLimit:
    """Refuses request bodies over the limit (HTTP 413) before anything reads them whole."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers", [])).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            await self._refuse(scope, receive, send)
            return
        received = 0

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > self.limit:
                raise _TooLarge
            return message

        try:
            await self.app(scope, counted, send)
        except _TooLarge:
            await self._refuse(scope, receive, send)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        error = {
            "message": messages.translated(
                f"request body over {self.limit} bytes", messages.language_of(scope)
            ),
            "extensions": {"code": "PAYLOAD_TOO_LARGE", "limit": self.limit},
        }
        await JSONResponse({"data": None, "errors": [error]}, status_code=413)(scope, receive, send)


class _TooLarge(Exception):
    pass


async def healthz(request: Request) -> Response:
    return JSONResponse({"status": "ok"})


async def _ping(scope: Scope) -> object:
    """A read of nothing: the wait for a request's bookmarks (partygraph.bookmarks)."""
    graph: Graph = scope["app"].state.graph
    return await graph.value("ping")


async def readyz(request: Request) -> Response:
    graph: Graph = request.app.state.graph
    if await graph.ping():
        return JSONResponse({"status": "ready"})
    return JSONResponse({"status": "graph unavailable"}, status_code=503)


def create_app(
    settings: Settings, connection: Connection, graphiql_token: str | None = None
) -> Starlette:
    """The app, bound to one graph connection (resolved by the caller). `graphiql_token` is
    put into GraphiQL's Headers tab: only `partygraph serve` on the local engine passes one."""
    secret = auth.signing_secret(settings)  # fail at start, not at the first request

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        app.state.graph = Graph(connection, settings)
        try:
            yield
        finally:
            await app.state.graph.close()

    graphql = PartyGraphQL(build_schema(settings), graphql_ide="graphiql")
    graphql.graphiql_token = graphiql_token
    middleware = [Middleware(BodyLimit, limit=settings.max_body_bytes)]
    if graphiql_token is not None:
        # Against DNS rebinding: a remote site's name resolving to 127.0.0.1 gets no answer.
        middleware.insert(
            0, Middleware(TrustedHostMiddleware, allowed_hosts=list(graphiql.LOOPBACK_HOSTS))
        )
    return Starlette(
        routes=[
            Route(
                "/graphql",
                AuthGuard(
                    InFlight(
                        bookmarks.Bookmarked(graphql, bookmarks.key_from(secret), _ping),
                        settings.max_concurrent,
                    ),
                    settings,
                ),
                methods=["GET", "POST"],
            ),
            graphiql.asset_route(),
            *explorer.routes(),
            Route("/healthz", healthz),
            Route("/readyz", readyz),
        ],
        lifespan=lifespan,
        middleware=middleware,
    )


# The GraphiQL token `partygraph serve` minted, for its worker processes (see factory).
GRAPHIQL_TOKEN_VAR = "PARTYGRAPH_SERVE_GRAPHIQL_TOKEN"


def factory() -> Starlette:
    """The app from the environment, for uvicorn's `--factory partygraph.app:factory` (how
    `partygraph serve` starts each worker process, and how a replica can be run). It never
    starts the local engine: `serve` starts it once, before its workers, and they connect to
    it. The GraphiQL token `serve` passes is honoured on the local engine only."""
    settings = get_settings()
    connection = connection_for(settings, start_engine=False)
    token = os.environ.get(GRAPHIQL_TOKEN_VAR) if settings.uses_dev_engine else None
    return create_app(settings, connection, graphiql_token=token or None)
