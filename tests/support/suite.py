"""The suite's shared support: the graph server a run uses (NEO4J_URI, else a local engine of
partygraph.engine in a home of its own), the app served over real HTTP and a client for it,
and helpers to load and wipe data. Fixtures and hooks that use them are in tests/conftest.py."""

from __future__ import annotations

import asyncio
import json
import os
import secrets
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import httpx
import neo4j
import pytest
import uvicorn

from partygraph.config import Settings
from partygraph.connection import Connection
from partygraph.db import Graph
from partygraph.engine import LocalEngine, engine_of, preferred
from partygraph.export import export_records
from partygraph.importer import ImportSummary, import_lines
from partygraph.migrate import migrate
from partygraph.seed.records import Record, to_lines

T = TypeVar("T")


SECRET = "test-secret-" + secrets.token_hex(24)


def settings_of(**values: Any) -> Settings:
    """Settings from `values` (by their environment names, as a deployment sets them) over the
    process environment, as a command reads them: typed as what the environment holds."""
    return Settings(**values)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass(frozen=True)
class SuiteEngine:
    """The engine the whole run uses, and why."""

    kind: str  # "neo4j" or "arcadedb"
    reason: str
    uri: str | None = None  # NEO4J_URI, when the run uses a server of its own

    def describe(self) -> str:
        where = f"the server at NEO4J_URI={self.uri}" if self.uri else "a local engine"
        return f"{self.kind} ({where}; {self.reason})"


def _server_kind(uri: str) -> str:
    """What the server at NEO4J_URI is: its agent names ArcadeDB when it is."""
    auth_ = (os.environ.get("NEO4J_USER", "neo4j"), os.environ.get("NEO4J_PASSWORD", ""))
    with neo4j.GraphDatabase.driver(uri, auth=auth_) as driver:
        agent = driver.get_server_info().agent
    return "arcadedb" if "arcadedb" in agent.lower() else "neo4j"


_SUITE_ENGINE: list[SuiteEngine] = []


def suite_engine() -> SuiteEngine:
    if not _SUITE_ENGINE:
        uri = os.environ.get("NEO4J_URI")
        if uri:
            _SUITE_ENGINE.append(SuiteEngine(_server_kind(uri), "NEO4J_URI is set", uri))
        else:
            choice = preferred(Settings())
            _SUITE_ENGINE.append(SuiteEngine(choice.kind, choice.reason))
    return _SUITE_ENGINE[0]


@dataclass
class Target:
    """The graph server the suite runs against."""

    kind: str  # "neo4j" or "arcadedb"
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

    def driver(self) -> neo4j.Driver:
        """A raw driver of this graph, for what a test reads or does beside the service."""
        c = self.connection
        return neo4j.GraphDatabase.driver(c.uri, auth=(c.user, c.password))

    def settings(self) -> Settings:
        c = self.connection
        return settings_of(
            NEO4J_URI=c.uri,
            NEO4J_USER=c.user,
            NEO4J_PASSWORD=c.password,
            NEO4J_DATABASE=c.database,
            PARTYGRAPH_SECRET=SECRET,
        )


_MEMORY_HOMES: list[Path] = []


def engine_home(tmp_path_factory: pytest.TempPathFactory, name: str) -> Path:
    """A folder for a test engine, in memory where the machine has /dev/shm: the suite wipes
    and reloads the graph hundreds of times, and Neo4j syncs its log to disk at every commit."""
    memory = Path("/dev/shm")
    if memory.is_dir() and os.access(memory, os.W_OK):
        home = Path(tempfile.mkdtemp(prefix=f"partygraph-{name}-", dir=memory))
        _MEMORY_HOMES.append(home)
        return home
    return tmp_path_factory.mktemp(name)


def local_engine(home: Path, kind: str | None = None) -> LocalEngine:
    """A local engine of the run's kind (or `kind`) in `home`, on free ports."""
    settings = settings_of(
        PARTYGRAPH_HOME=home,
        PARTYGRAPH_ENGINE_BOLT_PORT=free_port(),
        PARTYGRAPH_ENGINE_HTTP_PORT=free_port(),
    )
    return engine_of(settings, kind or suite_engine().kind)


def target_of(engine: LocalEngine) -> Target:
    return Target(
        engine.kind,
        Connection(engine.bolt_uri, engine.user, engine.password, engine.database),
    )


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


def reload(target: Target, records: Iterable[Record] | Iterable[str]) -> ImportSummary:
    """The graph holding exactly `records`: wiped, migrated, then loaded."""
    wipe(target)
    return load(target, records)


# Facts the run reports at its end (engine, statement counts, lint size).
RUN_FACTS: dict[str, str] = {}


class Server:
    """The app under uvicorn in a thread, spoken to over real HTTP."""

    def __init__(
        self, settings: Settings, connection: Connection, graphiql_token: str | None = None
    ) -> None:
        from partygraph.app import create_app

        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(
            create_app(settings, connection, graphiql_token),
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


class Client:
    def __init__(self, url: str, token: str | None) -> None:
        # English messages, which the tests assert on; the service answers Chinese by default.
        headers = {"Accept-Language": "en"}
        if token:
            headers["Authorization"] = f"Bearer {token}"
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


def serve_subprocess(
    env: dict[str, str], out: Path, *args: str
) -> tuple[subprocess.Popen[bytes], str]:
    """`partygraph serve` (with `args`) in a subprocess on a free port, its output in `out`;
    the process and its URL once it answers."""
    port = free_port()
    with open(out, "wb") as sink:
        process = subprocess.Popen(
            [sys.executable, "-m", "partygraph", "serve", "--port", str(port), *args],
            env=env | {"PYTHONUNBUFFERED": "1", "COLUMNS": "500"},
            stdout=sink,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline and process.poll() is None:
        try:
            if httpx.get(f"{url}/healthz", timeout=2).status_code == 200:
                return process, url
        except httpx.TransportError:
            time.sleep(0.3)
    process.kill()
    process.wait()
    raise AssertionError(f"serve did not answer:\n{out.read_text()}")


def engine_settings(env: dict[str, str]) -> Settings:
    """The settings of the local engine a command run with `env` starts (to stop it after)."""
    return settings_of(
        PARTYGRAPH_HOME=env["PARTYGRAPH_HOME"],
        PARTYGRAPH_ENGINE_BOLT_PORT=env["PARTYGRAPH_ENGINE_BOLT_PORT"],
        PARTYGRAPH_ENGINE_HTTP_PORT=env["PARTYGRAPH_ENGINE_HTTP_PORT"],
    )


def snapshot(target: Target) -> list[str]:
    """The whole graph as sorted export lines: what a test compares before and after."""

    async def work(graph: Graph) -> list[str]:
        return sorted(
            [json.dumps(r, sort_keys=True, ensure_ascii=False) async for r in export_records(graph)]
        )

    return run_graph(target, work)
