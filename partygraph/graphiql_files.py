"""GraphiQL's files, which the service serves itself: the one list of them. Standard library only,
so the Dockerfile's build stage runs it before any dependency is installed.

`python -m partygraph.graphiql_files` prints one "source name" line per file: its path under
tools/web/node_modules, and its name in partygraph/static/graphiql/ (./scripts/setup and the
Dockerfile copy them so)."""

from __future__ import annotations

_JS = "text/javascript; charset=utf-8"
_CSS = "text/css; charset=utf-8"

# name served: (file of tools/web's npm packages, media type)
FILES = {
    "react.production.min.js": ("react/umd/react.production.min.js", _JS),
    "react-dom.production.min.js": ("react-dom/umd/react-dom.production.min.js", _JS),
    "graphiql.min.js": ("graphiql/graphiql.min.js", _JS),
    "graphiql.min.css": ("graphiql/graphiql.min.css", _CSS),
}

if __name__ == "__main__":
    for name, (source, _) in FILES.items():
        print(source, name)
