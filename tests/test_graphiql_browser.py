"""GraphiQL at /graphql is served by the service itself: in headless Chromium with every request
off 127.0.0.1 blocked, the editor renders, a query runs with a token in the Headers tab, and the
schema's docs open. Development servers prefill the token; others do not."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import httpx
import pytest

from partygraph import auth, graphiql
from partygraph.seed.records import node
from tests.support.browser import artifacts, run_script
from tests.support.suite import RUN_FACTS, Server, Target, load

STREET = node("Street", "graphiql-s1", name="石板桥街道")
QUERY = '{ node(id: "graphiql-s1") { id ... on Street { name } } }'


def open_graphiql(server: Server, token: str | None, screenshot: Path) -> dict[str, Any]:
    """What tests/js/graphiql.mjs saw: `token` typed into the Headers tab, or none typed."""
    options = {
        "url": server.url,
        "query": QUERY,
        "token": token,
        "expect": "石板桥街道",
        "docsType": "Street",
        "screenshot": str(screenshot),
    }
    report = run_script("graphiql.mjs", options, timeout=240)
    print(f"GraphiQL screenshot: {screenshot}")
    RUN_FACTS[f"GraphiQL screenshot ({screenshot.stem})"] = str(screenshot)
    return report


def assert_offline_run(report: dict[str, Any]) -> None:
    assert report["external"] == [], "the page asked for other origins"
    assert report["failure"] is None, f"{report['failure']} (see {report['screenshot']})"
    assert report["status"] == 200
    assert report["query"] == QUERY
    answer = json.loads(report["result"])
    assert answer["data"] == {"node": {"id": "graphiql-s1", "name": "石板桥街道"}}
    assert "Street" in report["docs"] and "街道" in report["docs"]


def test_graphiql_runs_a_query_with_a_typed_token_and_opens_docs_offline(
    server: Server, target: Target, tmp_path: Path
) -> None:
    load(target, [STREET])
    token = auth.mint(target.settings(), auth.Role.ADMIN, subject="graphiql")
    report = open_graphiql(server, token, artifacts(tmp_path) / "graphiql.png")
    assert report["initialHeaders"] == "", "a production server's page holds no token"
    assert_offline_run(report)
    assert json.loads(report["headers"]) == {"Authorization": f"Bearer {token}"}


def test_graphiql_on_a_development_server_has_the_token_in_its_headers(
    target: Target, tmp_path: Path
) -> None:
    load(target, [STREET])
    token = auth.mint(target.settings(), auth.Role.ADMIN, subject="serve")
    with Server(target.settings(), target.connection, graphiql_token=token) as dev:
        report = open_graphiql(dev, None, artifacts(tmp_path) / "graphiql-development.png")
    assert json.loads(report["initialHeaders"]) == {"Authorization": f"Bearer {token}"}
    assert_offline_run(report)


def test_graphiql_gives_its_development_token_only_to_pages_asked_for_by_loopback_name(
    target: Target,
) -> None:
    """DNS rebinding: a remote site whose name resolves to 127.0.0.1 reads nothing from a
    development server; the names of this machine get the page with the token."""
    token = auth.mint(target.settings(), auth.Role.ADMIN, subject="serve")
    with Server(target.settings(), target.connection, graphiql_token=token) as dev:

        def page(host: str) -> httpx.Response:
            headers = {"Accept": "text/html", "Host": host}
            return httpx.get(f"{dev.url}/graphql", headers=headers, timeout=30)

        local = {host: page(f"{host}:{dev.port}") for host in ("127.0.0.1", "localhost", "[::1]")}
        rebound = page(f"evil.example:{dev.port}")
    for host, answer in local.items():
        assert answer.status_code == 200 and token in answer.text, host
    assert rebound.status_code == 400 and token not in rebound.text


def test_graphiql_page_and_assets_come_from_the_service(server: Server) -> None:
    page = httpx.get(f"{server.url}/graphql", headers={"Accept": "text/html"}, timeout=30)
    assert page.status_code == 200
    assert not re.search(r"\b(?:https?|wss?):", page.text, re.IGNORECASE), "an external address"
    linked = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert sorted(linked) == sorted(
        ["data:,", *[f"/graphiql/assets/{n}" for n in graphiql.ASSET_TYPES]]
    )
    for name, media_type in graphiql.ASSET_TYPES.items():
        asset = httpx.get(f"{server.url}/graphiql/assets/{name}", timeout=30)
        assert asset.status_code == 200 and asset.headers["content-type"] == media_type
        assert asset.content == (graphiql.ASSETS / name).read_bytes()
    assert httpx.get(f"{server.url}/graphiql/assets/..%2Fgraphiql.py").status_code == 404


def test_without_its_files_graphiql_says_how_to_install_them(
    target: Target, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(graphiql, "ASSETS", tmp_path)
    with Server(target.settings(), target.connection) as bare:
        page = httpx.get(f"{bare.url}/graphql", headers={"Accept": "text/html"}, timeout=30)
        asset = httpx.get(f"{bare.url}/graphiql/assets/graphiql.min.js", timeout=30)
    assert page.status_code == 503 and "./scripts/setup" in page.text
    assert "partygraph/static/graphiql/" in page.text and str(tmp_path) not in page.text
    assert not re.search(r"\b(?:https?|wss?):", page.text), "no fallback to another origin"
    assert asset.status_code == 404
