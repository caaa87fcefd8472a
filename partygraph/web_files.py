"""The npm files the service serves itself, the one list of them: GraphiQL's (partygraph.graphiql)
and the relationship explorer's libraries (partygraph.explorer). Standard library only, so the
Dockerfile's build stage runs it before any dependency is installed.

`python -m partygraph.web_files` prints one "source target" line per file: its path under
tools/web/node_modules, and its path under partygraph/static/ (./scripts/setup and the
Dockerfile copy them so; partygraph/static/ is gitignored)."""

from __future__ import annotations

_JS = "text/javascript; charset=utf-8"
_CSS = "text/css; charset=utf-8"

# name served: (file of tools/web's npm packages, media type)
GRAPHIQL = {
    "react.production.min.js": ("react/umd/react.production.min.js", _JS),
    "react-dom.production.min.js": ("react-dom/umd/react-dom.production.min.js", _JS),
    "graphiql.min.js": ("graphiql/graphiql.min.js", _JS),
    "graphiql.min.css": ("graphiql/graphiql.min.css", _CSS),
}
EXPLORER = {
    "cytoscape.min.js": ("cytoscape/dist/cytoscape.min.js", _JS),
    "echarts.min.js": ("echarts/dist/echarts.min.js", _JS),
}
FOLDERS = {"graphiql": GRAPHIQL, "explore": EXPLORER}

if __name__ == "__main__":
    for folder, files in FOLDERS.items():
        for name, (source, _) in files.items():
            print(source, f"{folder}/{name}")
