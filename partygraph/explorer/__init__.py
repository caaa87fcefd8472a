"""The relationship explorer (关系浏览) at GET /explore: a page for organisation departments,
who explore relationships but do not write GraphQL.

The page speaks only the public GraphQL API at /graphql, with the viewer's own token, so every
scope and mask holds as for any other client. Everything it loads is served from here: its own
script and style (explorer/page/, in the repository) and the two libraries it draws with,
Cytoscape.js and Apache ECharts (partygraph.web_files, copied from tools/web's pinned npm
packages by ./scripts/setup), so it works with no internet. The vocabulary's Chinese names are
put into the page, so the labels it shows are the service's own.
"""

from __future__ import annotations

import json
from html import escape
from pathlib import Path

from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, PlainTextResponse, Response
from starlette.routing import Route

from partygraph import vocabulary, web_files

PAGE = Path(__file__).parent / "page"
LIBRARIES = Path(__file__).parent.parent / "static" / "explore"
ASSETS_PATH = "/explore/assets"
_OWN = {
    "explore.js": "text/javascript; charset=utf-8",
    "explore.css": "text/css; charset=utf-8",
}
_LIBRARIES = {name: media_type for name, (_, media_type) in web_files.EXPLORER.items()}

_MISSING = """<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><title>关系浏览：文件未安装</title></head>
<body>
<h1>关系浏览所需的文件未安装</h1>
<p>The explorer's libraries are missing: {missing}. Run <code>./scripts/setup</code> in the
partygraph checkout: it installs tools/web's pinned npm packages and copies them into
<code>partygraph/static/explore/</code>.</p>
</body>
</html>
"""


def missing_libraries() -> list[str]:
    return [name for name in _LIBRARIES if not (LIBRARIES / name).is_file()]


def vocabulary_names() -> dict[str, dict[str, str]]:
    """The Chinese names the page shows for labels and relationship types."""
    return {"labels": dict(vocabulary.LABELS), "relationships": dict(vocabulary.REL_NAMES)}


async def page(request: Request) -> Response:
    missing = missing_libraries()
    if missing:
        return HTMLResponse(_MISSING.format(missing=escape(", ".join(missing))), status_code=503)
    names = json.dumps(vocabulary_names(), ensure_ascii=False).replace("<", "\\u003c")
    html = (PAGE / "index.html").read_text(encoding="utf-8")
    return HTMLResponse(
        html.replace("__VOCABULARY__", names).replace("__ASSETS__", ASSETS_PATH),
        headers={"Cache-Control": "no-cache"},
    )


async def asset(request: Request) -> Response:
    name = request.path_params["name"]
    if name in _OWN:
        return FileResponse(PAGE / name, media_type=_OWN[name])
    if name in _LIBRARIES and (LIBRARIES / name).is_file():
        return FileResponse(LIBRARIES / name, media_type=_LIBRARIES[name])
    return PlainTextResponse("not found", status_code=404)


def routes() -> list[Route]:
    return [
        Route("/explore", page, methods=["GET", "HEAD"]),
        Route(ASSETS_PATH + "/{name}", asset, methods=["GET", "HEAD"]),
    ]
