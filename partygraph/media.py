"""GraphQL over HTTP (https://graphql.github.io/graphql-over-http/draft/): which media type a
request's Accept header asks for, and whether a result is a request error.

`application/graphql-response+json` is answered with the spec's status codes: a document that
did not run (it did not parse or validate, or its variables did not coerce) is HTTP 400 with no
`data` entry. `application/json`, the legacy type (and what no Accept, `*/*` or `application/*`
get), answers such a document with HTTP 200 and `"data": null`, as before the spec.
"""

from __future__ import annotations

from strawberry.types import ExecutionResult

GRAPHQL_RESPONSE = "application/graphql-response+json"
JSON = "application/json"
ANSWERED = (GRAPHQL_RESPONSE, JSON)
# Where the app keeps the request's media type (in the ASGI scope, as inflight.VIEWER).
MEDIA_TYPE = "partygraph.media_type"

_RANGES = {GRAPHQL_RESPONSE: GRAPHQL_RESPONSE, JSON: JSON, "application/*": JSON, "*/*": JSON}


def accepted(header: str | None) -> str | None:
    """The media type to answer in: the supported one of highest quality, the first listed
    among equals; application/json without an Accept header; None when none is acceptable."""
    if header is None or not header.strip():
        return JSON
    best: tuple[float, str] | None = None
    for item in header.split(","):
        name, *params = (part.strip() for part in item.split(";"))
        media = _RANGES.get(name.lower())
        quality = _quality(params)
        if media is not None and quality > 0 and (best is None or quality > best[0]):
            best = (quality, media)
    return None if best is None else best[1]


def _quality(params: list[str]) -> float:
    for param in params:
        key, _, value = param.partition("=")
        if key.strip().lower() == "q":
            try:
                return float(value)
            except ValueError:
                return 0.0
    return 1.0


def did_not_run(result: ExecutionResult) -> bool:
    """No data and no error at a field's path: the document was refused before execution
    (parse, validation, the service's limits) or its variables did not coerce. A document
    that ran has data, or errors at the paths whose nulls emptied it."""
    errors = result.errors or []
    return result.data is None and bool(errors) and all(error.path is None for error in errors)
