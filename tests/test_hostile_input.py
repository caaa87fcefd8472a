"""Hostile input answered with a documented code, never a 5xx, a traceback or a hint at the
schema: request bodies that are no GraphQL request, documents the limiters choke on, requests
the graph refuses, ids that look like Cypher parameters, suggestions with introspection off;
and what `partygraph serve` prints."""

from __future__ import annotations

import json
import re
import subprocess
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import httpx
import pytest

from partygraph import auth
from partygraph.config import Settings
from partygraph.seed.records import node, rel
from tests.support.suite import Client, Server, Target, reload, serve_subprocess

pytestmark = pytest.mark.both_engines

CODES = {"BAD_USER_INPUT", "GRAPHQL_VALIDATION_FAILED"}
JWT = re.compile(r"eyJ[\w-]+\.[\w-]+\.[\w-]+")


def first_error(response: httpx.Response) -> dict[str, Any]:
    errors: list[dict[str, Any]] = response.json()["errors"]
    return errors[0]


# Bodies that are not a GraphQL request: HTTP 400 with a code, whatever breaks in them.
DEEP = b"[" * 50_000 + b"]" * 50_000
NOT_A_REQUEST = {
    "invalid UTF-8": b'{"query": "{ __typename }", "operationName": "\xff\xfe"}',
    "a JSON string": b'"hello"',
    "a JSON number": b"42",
    "JSON null": b"null",
    "variables nested 50,000 deep": b'{"query": "{ __typename }", "variables": {"v": '
    + DEEP
    + b"}}",
    "not JSON": b"{query",
    "no query": b"{}",
    "a lone surrogate": b'{"query": "query($id: ID!) { node(id: $id) { id } }", '
    b'"variables": {"id": "\\ud800"}}',
}


@pytest.mark.parametrize("body", NOT_A_REQUEST.values(), ids=NOT_A_REQUEST.keys())
def test_a_body_that_is_no_graphql_request_is_refused_with_a_code(
    client: Client, body: bytes
) -> None:
    response = client.http.post(
        "/graphql", content=body, headers={"content-type": "application/json"}
    )
    assert response.status_code == 400, response.text
    error = first_error(response)
    assert error["extensions"]["code"] == "BAD_USER_INPUT", error
    assert "Traceback" not in response.text


def test_an_empty_selection_is_a_validation_error(client: Client) -> None:
    for query in ("{ }", '{ node(id: "x") { } }', '{ node(id: "x") { ... on Person { } } }'):
        error = first_error(client.post(query))
        assert error["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED", (query, error)
        assert "max()" not in error["message"]


def test_a_request_the_graph_refuses_is_an_internal_error(target: Target, admin_token: str) -> None:
    """The graph refuses what the service sends (here the service names a database the graph
    does not have): the service's fault, answered as any unexpected error, details only logged."""
    elsewhere = replace(target.connection, database="nosuchdatabase")
    with Server(target.settings(), elsewhere) as server:
        response = Client(server.url, admin_token).post("{ districts(first: 1) { totalCount } }")
    assert response.status_code == 200
    error = first_error(response)
    assert error["extensions"] == {"code": "INTERNAL_SERVER_ERROR"}
    assert error["message"] == "internal error; it has been logged"


# Introspection off: no message names what the caller did not name.
SUGGESTING: list[tuple[str, dict[str, Any] | None, str]] = [
    ('{ node(id: "x") { ... on Person { phon } } }', None, "phone"),
    ('mutation { updateEntit(input: {id: "x"}) { entity { id } } }', None, "updateEntity"),
    ('{ nod(id: "x") { id } }', None, "'node'"),
    ('{ node(idd: "x") { id } }', None, "Did you mean"),
    ('{ node(id: "x") { ... on Persn { id } } }', None, "Person"),
    ('{ search(text: "x", labels: [Persn]) { id } }', None, "Person"),
    (
        'query($l: [Label!]) { search(text: "x", labels: $l) { id } }',
        {"l": ["Persn"]},
        "Person",
    ),
    ('query($l: [Labl!]) { search(text: "x", labels: $l) { id } }', {"l": []}, "'Label'"),
]


@pytest.fixture(scope="module")
def closed_server(target: Target) -> Iterator[Server]:
    settings: Settings = target.settings().model_copy(update={"introspection": False})
    with Server(settings, target.connection) as running:
        yield running


def test_with_introspection_off_no_error_suggests_a_name(
    closed_server: Server, client: Client, admin_token: str
) -> None:
    closed = Client(closed_server.url, admin_token)
    for query, variables, leaked in SUGGESTING:
        response = closed.post(query, variables)
        assert response.status_code == 200
        for error in response.json()["errors"]:
            assert error["extensions"]["code"] in CODES, (query, error)
            assert leaked not in error["message"], (query, error["message"])
            assert "Did you mean" not in error["message"], (query, error["message"])
    # With introspection on, the schema is public and the suggestions help.
    error = first_error(client.post(SUGGESTING[0][0]))
    assert "Did you mean 'phone'?" in error["message"]


# Ids that look like Cypher parameters are ids like any other, on every engine.
AREA = [
    node("Street", "s-h1", name="街道"),
    node("Community", "c-h1", name="甲社区"),
    node("Community", "c-h2", name="乙社区"),
    rel("IN", "c-h1", "s-h1"),
    rel("IN", "c-h2", "s-h1"),
    node("Grid", "$scope", name="美元网格"),
    node("Grid", "$ids", name="另一网格"),
    rel("IN", "$scope", "c-h1"),
    rel("IN", "$ids", "c-h1"),
]
NODE = "query($id: ID!) { node(id: $id) { id label name } }"
UPDATE = """mutation($id: ID!, $p: JSON!) {
    updateEntity(input: {id: $id, properties: $p}) { entity { id label name } } }"""
IMPORT = """mutation($l: String!) {
    importRecords(input: {records: $l}) { nodesCreated relationshipsCreated } }"""


@pytest.fixture
def area(target: Target) -> Target:
    reload(target, AREA)
    return target


def office(server: Server, target: Target, scope: str) -> Client:
    token = auth.mint(target.settings(), auth.Role.COMMUNITY, scope=scope, subject="tests")
    return Client(server.url, token)


def test_an_id_that_looks_like_a_parameter_is_only_itself(
    server: Server, client: Client, area: Target
) -> None:
    community = office(server, area, "c-h1")
    found = community.query(NODE, {"id": "$scope"})["data"]["node"]
    assert found == {"id": "$scope", "label": "Grid", "name": "美元网格"}
    assert client.query(NODE, {"id": "$ids"})["data"]["node"]["id"] == "$ids"
    assert client.query(NODE, {"id": "$id"})["data"]["node"] is None

    changed = community.query(UPDATE, {"id": "$scope", "p": {"name": "改名网格"}})["data"]
    assert changed["updateEntity"]["entity"] == {
        "id": "$scope",
        "label": "Grid",
        "name": "改名网格",
    }
    unchanged = client.query('{ community(id: "c-h1") { name } }')["data"]
    assert unchanged == {"community": {"name": "甲社区"}}

    # Another community's office does not reach the grid "$scope": it is missing, as any id.
    other = office(server, area, "c-h2").post(UPDATE, {"id": "$scope", "p": {"note": "改"}})
    assert first_error(other)["extensions"]["code"] == "NOT_FOUND"


def test_import_keeps_ids_that_look_like_parameters(client: Client, area: Target) -> None:
    lines = "\n".join(
        json.dumps(r, ensure_ascii=False)
        for r in (node("Grid", "$rows", name="导入网格"), rel("IN", "$rows", "c-h1"))
    )
    imported = client.query(IMPORT, {"l": lines})["data"]["importRecords"]
    assert imported == {"nodesCreated": 1, "relationshipsCreated": 1}
    grid = client.query('{ grid(id: "$rows") { id community { id } } }')["data"]["grid"]
    assert grid == {"id": "$rows", "community": {"id": "c-h1"}}


# `partygraph serve` in a subprocess: what it prints before it serves.
def stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def test_serve_on_a_graph_of_its_own_prints_no_token(target: Target, tmp_path: Path) -> None:
    process, url = serve_subprocess(target.env(tmp_path), tmp_path / "serve.out")
    try:
        printed = (tmp_path / "serve.out").read_text()
        assert f"{url}/graphql" in printed
        assert "partygraph token --role admin" in printed
        assert not JWT.search(printed), printed
    finally:
        stop(process)


def test_serve_on_the_local_engine_prints_a_token_that_works(
    dev_env: dict[str, str], tmp_path: Path
) -> None:
    process, url = serve_subprocess(dev_env, tmp_path / "serve.out")
    try:
        printed = (tmp_path / "serve.out").read_text()
        token = JWT.search(printed)
        assert token is not None, printed
        answer = httpx.post(
            f"{url}/graphql",
            json={"query": "{ __typename }"},
            headers={"Authorization": f"Bearer {token.group()}"},
            timeout=30,
        )
        assert answer.json() == {"data": {"__typename": "Query"}, "extensions": {"statements": 0}}
    finally:
        stop(process)
