"""GraphQL over HTTP (https://graphql.github.io/graphql-over-http/draft/): the service passes
graphql-http's audit suite, answers `application/graphql-response+json` with that media type
and the spec's status codes, and keeps answering `application/json` clients as before."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.support.suite import Client, Server

ROOT = Path(__file__).resolve().parent.parent
AUDIT = Path(__file__).resolve().parent / "js" / "http_audit.mjs"
GRAPHQL_HTTP = ROOT / "tools" / "web" / "node_modules" / "graphql-http"
RESPONSE_JSON = "application/graphql-response+json"


def post(client: Client, body: dict[str, Any], accept: str) -> httpx.Response:
    return client.http.post("/graphql", json=body, headers={"Accept": accept})


def test_the_graphql_http_audit_suite_passes(server: Server, admin_token: str) -> None:
    node = shutil.which("node")
    if node is None or not GRAPHQL_HTTP.is_dir():
        pytest.fail("node and tools/web/node_modules are needed: npm ci --prefix tools/web")
    run = subprocess.run(
        [node, str(AUDIT), f"{server.url}/graphql"],
        env={**os.environ, "PARTYGRAPH_TOKEN": admin_token},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    report = json.loads(run.stdout)
    counts = report["counts"]
    print(
        f"graphql-http audit: {counts['ok']} ok, {counts['notice']} notice, "
        f"{counts['warn']} warn, {counts['error']} error"
    )
    assert counts["warn"] == 0 and counts["error"] == 0, json.dumps(report["failures"], indent=1)
    assert counts["ok"] > 50


def test_graphql_response_json_is_answered_with_that_media_type(client: Client) -> None:
    response = post(client, {"query": "{ __typename }"}, RESPONSE_JSON)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(RESPONSE_JSON)
    assert response.json()["data"] == {"__typename": "Query"}


def test_a_parse_error_is_400_for_graphql_response_json(client: Client) -> None:
    response = post(client, {"query": "{"}, RESPONSE_JSON)
    assert response.status_code == 400
    assert response.headers["content-type"].startswith(RESPONSE_JSON)
    body = response.json()
    assert "data" not in body
    assert body["errors"][0]["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"


def test_a_validation_error_is_400_for_graphql_response_json(client: Client) -> None:
    response = post(client, {"query": "{ noSuchField }"}, RESPONSE_JSON)
    assert response.status_code == 400
    assert response.json()["errors"][0]["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"


def test_a_variable_that_does_not_coerce_is_400_for_graphql_response_json(
    client: Client,
) -> None:
    body = {"query": "query($id: ID!) { node(id: $id) { id } }", "variables": {"id": None}}
    response = post(client, body, RESPONSE_JSON)
    assert response.status_code == 400
    assert response.headers["content-type"].startswith(RESPONSE_JSON)
    answer = response.json()
    assert "data" not in answer
    assert answer["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


def test_a_document_that_ran_is_200_with_its_field_errors(client: Client) -> None:
    body = {"query": '{ shortestPath(from: "no-such-a", to: "no-such-b") { length } }'}
    for accept in (RESPONSE_JSON, "application/json"):
        response = post(client, body, accept)
        assert response.status_code == 200, accept
        answer = response.json()
        assert answer["data"] == {"shortestPath": None}
        assert answer["errors"][0]["extensions"]["code"] == "NOT_FOUND"


def test_application_json_keeps_200_for_a_parse_error(client: Client) -> None:
    response = post(client, {"query": "{"}, "application/json")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert body["errors"][0]["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"


def test_an_accept_the_service_cannot_answer_is_406(client: Client) -> None:
    response = post(client, {"query": "{ __typename }"}, "text/csv")
    assert response.status_code == 406
    assert response.json()["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


def test_the_services_own_codes_keep_their_status(server: Server, client: Client) -> None:
    anonymous = httpx.post(
        f"{server.url}/graphql",
        json={"query": "{ __typename }"},
        headers={"Accept": RESPONSE_JSON},
    )
    assert anonymous.status_code == 401
    assert anonymous.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    unreadable = client.http.post(
        "/graphql",
        content=b"{query",
        headers={"Content-Type": "application/json", "Accept": RESPONSE_JSON},
    )
    assert unreadable.status_code == 400
    assert unreadable.json()["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


def test_a_query_over_get_runs_and_a_mutation_over_get_is_405(client: Client) -> None:
    query = client.http.get(
        "/graphql", params={"query": "{ __typename }"}, headers={"Accept": RESPONSE_JSON}
    )
    assert query.status_code == 200
    assert query.json()["data"] == {"__typename": "Query"}
    mutation = client.http.get(
        "/graphql",
        params={"query": 'mutation { deleteEntity(input: {id: "x"}) { deletedId } }'},
        headers={"Accept": RESPONSE_JSON},
    )
    assert mutation.status_code == 405
    assert mutation.headers["allow"] == "GET, POST"
    assert mutation.json()["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
