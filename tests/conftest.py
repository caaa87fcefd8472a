"""Shared fixtures: a real graph server (NEO4J_URI, else a local engine of partygraph.engine in
a home of its own: Neo4j where it can run, or the one PARTYGRAPH_ENGINE names), the app served
over real HTTP, tokens, and helpers to load and wipe data.

Markers say where a test runs: `neo4j_only` and `arcadedb_only` for an engine's own behaviour
(skipped on the other), `both_engines` for what `./scripts/test` also runs on ArcadeDB."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from partygraph import auth
from partygraph.connection import Connection
from partygraph.engine import engine_of
from tests.support.suite import (
    _MEMORY_HOMES,
    RUN_FACTS,
    SECRET,
    Client,
    Server,
    Target,
    engine_home,
    engine_settings,
    free_port,
    local_engine,
    suite_engine,
    target_of,
)


def pytest_configure(config: pytest.Config) -> None:
    for marker in (
        "neo4j_only: an engine-specific behaviour of Neo4j; skipped on ArcadeDB",
        "arcadedb_only: an engine-specific behaviour of ArcadeDB; skipped on Neo4j",
        "both_engines: also run on ArcadeDB by ./scripts/test (contract, access, lifecycle)",
    ):
        config.addinivalue_line("markers", marker)


def pytest_report_header(config: pytest.Config) -> str:
    return f"graph engine: {suite_engine().describe()}"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The Cypher fidelity check runs last: it lints every statement the run sent."""
    items.sort(key=lambda item: item.path.name == "test_cypher_fidelity.py")


def pytest_runtest_setup(item: pytest.Item) -> None:
    kind = suite_engine().kind
    for only in ("neo4j", "arcadedb"):
        if only != kind and item.get_closest_marker(f"{only}_only") is not None:
            pytest.skip(f"{only}'s own behaviour; this run is on {kind}")


def pytest_sessionfinish(session: pytest.Session) -> None:
    for home in _MEMORY_HOMES:
        shutil.rmtree(home, ignore_errors=True)


@pytest.fixture(scope="session")
def recorded_cypher(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every statement text sent during the run lands here; the fidelity test lints them."""
    path = tmp_path_factory.mktemp("cypher") / "recorded.jsonl"
    os.environ["PARTYGRAPH_RECORD_CYPHER"] = str(path)
    return path


@pytest.fixture(scope="session")
def target(tmp_path_factory: pytest.TempPathFactory, recorded_cypher: Path) -> Iterator[Target]:
    suite = suite_engine()
    if suite.uri:
        yield Target(
            suite.kind,
            Connection(
                suite.uri,
                os.environ.get("NEO4J_USER", "neo4j"),
                os.environ.get("NEO4J_PASSWORD", ""),
                os.environ.get("NEO4J_DATABASE", "neo4j"),
            ),
        )
        return
    engine = local_engine(engine_home(tmp_path_factory, "engine-home"))
    engine.start()
    try:
        yield target_of(engine)
    finally:
        engine.stop()


def pytest_terminal_summary(terminalreporter: Any) -> None:
    terminalreporter.write_line(f"partygraph: this run's graph engine: {suite_engine().describe()}")
    for key, value in RUN_FACTS.items():
        terminalreporter.write_line(f"partygraph: {key}: {value}")


@pytest.fixture(scope="session")
def engine_kind(target: Target) -> str:
    return target.kind


@pytest.fixture(scope="session")
def server(target: Target) -> Iterator[Server]:
    with Server(target.settings(), target.connection) as running:
        yield running


@pytest.fixture(scope="session")
def admin_token(target: Target) -> str:
    return auth.mint(target.settings(), auth.Role.ADMIN, subject="tests")


@pytest.fixture(scope="session")
def client(server: Server, admin_token: str) -> Iterator[Client]:
    c = Client(server.url, admin_token)
    yield c
    c.http.close()


@pytest.fixture
def dev_env(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[dict[str, str]]:
    """The environment of a command that starts a local engine in a home of its own (a small
    heap), for tests of what `serve` does on the local engine; the engine is stopped after."""
    home = engine_home(tmp_path_factory, request.module.__name__.rsplit(".", 1)[-1])
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "PARTYGRAPH_"))}
    env |= {
        "PARTYGRAPH_HOME": str(home),
        "PARTYGRAPH_ENGINE": suite_engine().kind,
        "PARTYGRAPH_ENGINE_BOLT_PORT": str(free_port()),
        "PARTYGRAPH_ENGINE_HTTP_PORT": str(free_port()),
        "PARTYGRAPH_ENGINE_HEAP": "512m",
        "PARTYGRAPH_ENGINE_PAGECACHE": "64m",
        "PARTYGRAPH_SECRET": SECRET,
    }
    yield env
    engine_of(engine_settings(env), env["PARTYGRAPH_ENGINE"]).stop()
