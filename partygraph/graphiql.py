"""The GraphiQL page at GET /graphql, with every script and style served by the service itself
(under /graphiql/assets/): the page works offline and loads nothing from another origin.

The files (listed in web_files) come from tools/web's pinned, integrity-checked npm packages;
./scripts/setup (and the Dockerfile's build stage) copies them into partygraph/static/graphiql/."""

from __future__ import annotations

import json
from html import escape
from pathlib import Path

from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, PlainTextResponse, Response
from starlette.routing import Route

from partygraph import web_files

ASSETS = Path(__file__).parent / "static" / "graphiql"
ASSETS_PATH = "/graphiql/assets"
_FOLDER = "partygraph/static/graphiql/"  # ASSETS, as the checkout names it
# The only files served, with their media types: nothing else under ASSETS is reachable.
ASSET_TYPES = {name: media_type for name, (_, media_type) in web_files.GRAPHIQL.items()}
# Names the page is asked for under on a development server: a page asked for under another name
# (DNS rebinding: a remote site's name resolving to 127.0.0.1) never holds the token.
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "[::1]")

DEFAULT_QUERY = """# partygraph's GraphQL API. Every operation needs a bearer token: put
#   {"Authorization": "Bearer <token>"}
# into the Headers tab below (a token: partygraph token --role admin).
# Run with Ctrl-Enter; the Docs button (top left) shows the schema.
{
  __typename
}
"""

_PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>partygraph GraphiQL</title>
<link rel="icon" href="data:,">
<style>body {{ margin: 0; height: 100vh; }} #graphiql {{ height: 100vh; }}</style>
<link rel="stylesheet" href="{assets}/graphiql.min.css">
</head>
<body>
<div id="graphiql">Loading GraphiQL…</div>
<script id="graphiql-options" type="application/json">{options}</script>
<script src="{assets}/react.production.min.js"></script>
<script src="{assets}/react-dom.production.min.js"></script>
<script src="{assets}/graphiql.min.js"></script>
<script>
const options = JSON.parse(document.getElementById("graphiql-options").textContent);
const url = window.location.pathname;

// The Authorization header in the Headers tab; undefined while the text is not JSON.
function authorizationOf(text) {{
  try {{
    return String(JSON.parse(text || "{{}}").Authorization ?? "");
  }} catch {{
    return undefined;
  }}
}}

// GraphiQL fetches the schema (its docs, completion) once per fetcher, with the headers of the
// moment: a new fetcher when the token changes fetches it again with the token.
function PartyGraphiQL() {{
  const [fetcher, setFetcher] = React.useState(() => GraphiQL.createFetcher({{ url }}));
  const authorization = React.useRef(authorizationOf(options.headers));
  const pending = React.useRef(null);
  function onEditHeaders(text) {{
    clearTimeout(pending.current);
    pending.current = setTimeout(() => {{
      const now = authorizationOf(text);
      if (now !== undefined && now !== authorization.current) {{
        authorization.current = now;
        setFetcher(() => GraphiQL.createFetcher({{ url }}));
      }}
    }}, 400);
  }}
  return React.createElement(GraphiQL, {{
    fetcher,
    defaultQuery: options.defaultQuery,
    headers: options.headers,
    onEditHeaders,
    defaultEditorToolsVisibility: "headers",
    isHeadersEditorEnabled: true,
    shouldPersistHeaders: false,
  }});
}}

ReactDOM.createRoot(document.getElementById("graphiql")).render(
  React.createElement(PartyGraphiQL),
);
</script>
</body>
</html>
"""

_MISSING = """<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>partygraph GraphiQL: not installed</title></head>
<body>
<h1>GraphiQL's files are not installed</h1>
<p>The service serves GraphiQL from its own files, which are missing: {missing}.</p>
<p>Run <code>./scripts/setup</code> in the partygraph checkout: it installs the pinned npm
packages of <code>tools/web</code> and copies the files into <code>{folder}</code>.</p>
<p>The API itself works: POST GraphQL requests to this address.</p>
</body>
</html>
"""


def missing_assets() -> list[str]:
    return [name for name in ASSET_TYPES if not (ASSETS / name).is_file()]


def loopback_name(host_header: str | None) -> bool:
    """Whether a Host header ("127.0.0.1:8000", "[::1]:8000", "localhost") names this machine."""
    header = (host_header or "").lower()
    host, _, port = header.rpartition(":")
    return (host if port.isdigit() else header) in LOOPBACK_HOSTS


def page(token: str | None = None, host_header: str | None = None) -> Response:
    """The GraphiQL page; `token` (development only) prefills the Headers tab of a page asked
    for under a loopback name."""
    missing = missing_assets()
    if missing:
        text = _MISSING.format(missing=escape(", ".join(missing)), folder=_FOLDER)
        return HTMLResponse(text, status_code=503)
    if not loopback_name(host_header):
        token = None
    headers = json.dumps({"Authorization": f"Bearer {token}"}, indent=2) if token else None
    options = json.dumps({"defaultQuery": DEFAULT_QUERY, "headers": headers})
    # Inside <script>, "</" would end the element early; JSON reads "\u003c" as "<" all the same.
    options = options.replace("<", "\\u003c")
    return HTMLResponse(
        _PAGE.format(assets=ASSETS_PATH, options=options),
        headers={"Cache-Control": "no-store"},  # it may hold a development token
    )


async def asset(request: Request) -> Response:
    name = request.path_params["name"]
    media_type = ASSET_TYPES.get(name)
    if media_type is None or not (ASSETS / name).is_file():
        return PlainTextResponse("not found", status_code=404)
    return FileResponse(ASSETS / name, media_type=media_type)


def asset_route() -> Route:
    return Route(ASSETS_PATH + "/{name}", asset, methods=["GET", "HEAD"])
