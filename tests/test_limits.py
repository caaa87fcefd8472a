"""Hostile input: depth, alias and token limits, body size, introspection switch."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from partygraph.config import Settings
from tests.support.suite import Client, Server, Target


def deep(levels: int) -> str:
    inner = "id"
    for _ in range(levels):
        inner = f"parent {{ id ... on Grid {{ {inner} }} }}"
    return f'{{ grid(id: "g") {{ {inner} }} }}'


def test_depth_alias_and_token_limits(client: Client) -> None:
    for query, what in (
        (deep(14), "depth"),
        (
            "{ " + " ".join(f'a{i}: node(id: "x") {{ id }}' for i in range(201)) + " }",
            "201 aliases",
        ),
        ('{ node(id: "x") { ' + "id " * 3000 + "} }", "tokens"),
    ):
        body = client.post(query).json()
        assert body["data"] is None
        assert body["errors"][0]["extensions"]["code"] == "QUERY_TOO_COMPLEX", (what, body)
    # Just under the limits is answered.
    assert "errors" not in client.post(deep(4)).json()


def test_request_body_over_the_limit_is_refused(server: Server, client: Client) -> None:
    huge = "#" + "x" * (4 * 1024 * 1024) + "\n{ __typename }"
    response = client.http.post("/graphql", json={"query": huge})
    assert response.status_code == 413
    assert response.json()["errors"][0]["extensions"]["code"] == "PAYLOAD_TOO_LARGE"


@pytest.fixture
def closed_server(target: Target) -> Iterator[Server]:
    settings: Settings = target.settings().model_copy(update={"introspection": False})
    with Server(settings, target.connection) as running:
        yield running


def test_introspection_can_be_switched_off(
    closed_server: Server, client: Client, admin_token: str
) -> None:
    query = {"query": "{ __schema { types { name } } }"}
    assert "errors" not in client.http.post("/graphql", json=query).json()
    closed = httpx.post(
        f"{closed_server.url}/graphql",
        json=query,
        headers={"Authorization": f"Bearer {admin_token}", "Accept-Language": "en"},
        timeout=30,
    ).json()
    assert closed["errors"][0]["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"
    assert "introspection" in closed["errors"][0]["message"].lower()
