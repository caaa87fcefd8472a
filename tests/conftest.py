"""Shared fixtures: a real graph server (NEO4J_URI, else Neo4j in Docker, else the development
engine), the app served over real HTTP, tokens, and helpers to load and wipe data."""

from __future__ import annotations

import asyncio
import os
import secrets
import socket
import threading
import time
from collections.abc import Awaitable, Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import httpx
import pytest
import uvicorn

from partygraph import auth
from partygraph.config import Settings
from partygraph.db import Connection, Graph
from partygraph.engine import DATABASE, USER, Engine
from partygraph.importer import ImportSummary, import_lines
from partygraph.migrate import migrate
from partygraph.seed.records import Record, to_lines

T = TypeVar("T")
SECRET = "test-secret-" + secrets.token_hex(24)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _docker_answers() -> bool:
    try:
        import docker

        docker.from_env(timeout=3).ping()
        return True
    except Exception:
        return False


@dataclass
class Target:
    """The graph server the suite runs against."""

    kind: str  # "NEO4J_URI", "neo4j-testcontainers" or "arcadedb-dev-engine"
    connection: Connection

    def env(self, home: Path) -> dict[str, str]:
        """Environment for a `partygraph` subprocess that must use this graph."""
        env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "PARTYGRAPH_"))}
        env.update(
            NEO4J_URI=self.connection.uri,
            NEO4J_USER=self.connection.user,
            NEO4J_PASSWORD=self.connection.password,
            NEO4J_DATABASE=self.connection.database,
            PARTYGRAPH_SECRET=SECRET,
            PARTYGRAPH_HOME=str(home),
        )
        recorded = os.environ.get("PARTYGRAPH_RECORD_CYPHER")
        if recorded:
            env["PARTYGRAPH_RECORD_CYPHER"] = recorded
        return env

    def settings(self) -> Settings:
        c = self.connection
        return Settings(  # type: ignore[call-arg]
            NEO4J_URI=c.uri,
            NEO4J_USER=c.user,
            NEO4J_PASSWORD=c.password,
            NEO4J_DATABASE=c.database,
            PARTYGRAPH_SECRET=SECRET,
        )


@pytest.fixture(scope="session")
def recorded_cypher(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every statement text sent during the run lands here; the fidelity test lints them."""
    path = tmp_path_factory.mktemp("cypher") / "recorded.jsonl"
    os.environ["PARTYGRAPH_RECORD_CYPHER"] = str(path)
    return path


@pytest.fixture(scope="session")
def target(tmp_path_factory: pytest.TempPathFactory, recorded_cypher: Path) -> Iterator[Target]:
    if os.environ.get("NEO4J_URI"):
        yield Target(
            "NEO4J_URI",
            Connection(
                os.environ["NEO4J_URI"],
                os.environ.get("NEO4J_USER", "neo4j"),
                os.environ.get("NEO4J_PASSWORD", ""),
                os.environ.get("NEO4J_DATABASE", "neo4j"),
            ),
        )
        return
    if _docker_answers():
        from testcontainers.neo4j import Neo4jContainer

        with Neo4jContainer("neo4j:5.26-community") as neo4j:
            yield Target(
                "neo4j-testcontainers",
                Connection(neo4j.get_connection_url(), "neo4j", neo4j.password, "neo4j"),
            )
        return
    engine = Engine(tmp_path_factory.mktemp("engine-home"), free_port(), free_port())
    engine.start()
    try:
        yield Target(
            "arcadedb-dev-engine", Connection(engine.bolt_uri, USER, engine.password, DATABASE)
        )
    finally:
        engine.stop()


def pytest_report_header(config: pytest.Config) -> str:
    if os.environ.get("NEO4J_URI"):
        return "graph: NEO4J_URI"
    return "graph: Neo4j via testcontainers if Docker answers, else the ArcadeDB dev engine"


def run_graph(target: Target, work: Callable[[Graph], Awaitable[T]]) -> T:
    """Run `work` with a fresh Graph on its own event loop."""

    async def go() -> T:
        graph = Graph(target.connection, target.settings())
        try:
            return await work(graph)
        finally:
            await graph.close()

    return asyncio.run(go())


def wipe(target: Target) -> None:
    async def work(graph: Graph) -> None:
        await graph.write("wipe_graph")
        await migrate(graph)

    run_graph(target, work)


def load(target: Target, records: Iterable[Record] | Iterable[str]) -> ImportSummary:
    lines = [r if isinstance(r, str) else next(iter(to_lines([r]))) for r in records]

    async def work(graph: Graph) -> ImportSummary:
        return await import_lines(graph, lines)

    return run_graph(target, work)


# Facts the run reports at its end (engine, statement counts, lint size).
RUN_FACTS: dict[str, str] = {}


def pytest_terminal_summary(terminalreporter: Any) -> None:
    for key, value in RUN_FACTS.items():
        terminalreporter.write_line(f"partygraph: {key}: {value}")


@pytest.fixture(scope="session")
def engine_kind(target: Target) -> str:
    RUN_FACTS["graph engine"] = f"{target.kind} ({target.connection.uri})"
    return target.kind


class Server:
    """The app under uvicorn in a thread, spoken to over real HTTP."""

    def __init__(self, settings: Settings, connection: Connection) -> None:
        from partygraph.app import create_app

        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(
            create_app(settings, connection),
            host="127.0.0.1",
            port=self.port,
            log_level="warning",
            lifespan="on",
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> Server:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture(scope="session")
def server(target: Target) -> Iterator[Server]:
    with Server(target.settings(), target.connection) as running:
        yield running


@pytest.fixture(scope="session")
def admin_token(target: Target) -> str:
    return auth.mint(target.settings(), auth.Role.ADMIN, subject="tests")


class Client:
    def __init__(self, url: str, token: str | None) -> None:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        self.http = httpx.Client(base_url=url, headers=headers, timeout=60)

    def post(self, query: str, variables: dict[str, Any] | None = None) -> httpx.Response:
        return self.http.post("/graphql", json={"query": query, "variables": variables or {}})

    def query(self, query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
        """The whole response body of a successful request; fails the test on any error."""
        response = self.post(query, variables)
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        assert not body.get("errors"), body["errors"]
        return body


@pytest.fixture(scope="session")
def client(server: Server, admin_token: str) -> Iterator[Client]:
    c = Client(server.url, admin_token)
    yield c
    c.http.close()
