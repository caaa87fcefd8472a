"""The development engine's lifecycle, and the service riding out the graph going away."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import neo4j
import pytest
from conftest import SECRET, Server, free_port

from partygraph import auth
from partygraph.config import Settings
from partygraph.db import connection_for
from partygraph.engine import DATABASE, USER, Engine


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    path = tmp_path_factory.mktemp("lifecycle")
    yield path
    Engine(path, 1, 1).stop()  # whatever a failed test left running


@pytest.fixture(scope="module")
def env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "PARTYGRAPH_"))}
    env.update(
        PARTYGRAPH_HOME=str(home),
        PARTYGRAPH_ENGINE_BOLT_PORT=str(free_port()),
        PARTYGRAPH_ENGINE_HTTP_PORT=str(free_port()),
        PARTYGRAPH_SECRET=SECRET,
    )
    return env


def cli(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "partygraph", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )


def settings_for(env: dict[str, str]) -> Settings:
    return Settings(  # type: ignore[call-arg]
        PARTYGRAPH_HOME=env["PARTYGRAPH_HOME"],
        PARTYGRAPH_SECRET=SECRET,
        PARTYGRAPH_ENGINE_BOLT_PORT=env["PARTYGRAPH_ENGINE_BOLT_PORT"],
        PARTYGRAPH_ENGINE_HTTP_PORT=env["PARTYGRAPH_ENGINE_HTTP_PORT"],
    )


def test_engine_start_status_stop(env: dict[str, str], home: Path) -> None:
    assert cli(env, "engine", "status").returncode == 1
    started = cli(env, "engine", "start")
    assert started.returncode == 0, started.stderr
    assert "engine running" in started.stdout
    status = cli(env, "engine", "status")
    assert status.returncode == 0 and "ready" in status.stdout
    pid = (home / "engine.pid").read_text()
    assert cli(env, "engine", "start").returncode == 0
    assert (home / "engine.pid").read_text() == pid  # starting twice keeps the one server

    # Ready means a real query answers, on loopback only, with the kept password.
    bolt = f"bolt://127.0.0.1:{env['PARTYGRAPH_ENGINE_BOLT_PORT']}"
    password = (home / "engine.password").read_text().strip()
    with neo4j.GraphDatabase.driver(bolt, auth=(USER, password)) as driver:
        assert driver.execute_query("RETURN 1 AS one", database_=DATABASE).records[0]["one"] == 1
    assert (home / "engine" / "databases" / DATABASE).is_dir()  # data under the project folder

    stopped = cli(env, "engine", "stop")
    assert stopped.returncode == 0 and "engine stopped" in stopped.stdout
    assert cli(env, "engine", "status").returncode == 1
    assert "not running" in cli(env, "engine", "stop").stdout


def test_commands_start_the_engine_when_needed(env: dict[str, str]) -> None:
    migrated = cli(env, "migrate")
    assert migrated.returncode == 0, migrated.stderr
    assert cli(env, "engine", "status").returncode == 0
    assert cli(env, "engine", "stop").returncode == 0


def test_a_taken_port_is_a_clear_error(env: dict[str, str]) -> None:
    with socket.socket() as squatter:
        squatter.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # past TIME_WAIT
        squatter.bind(("127.0.0.1", int(env["PARTYGRAPH_ENGINE_BOLT_PORT"])))
        squatter.listen()
        result = cli(env, "engine", "start")
    assert result.returncode == 1
    assert "is taken by another process" in result.stderr


def test_service_answers_errors_while_the_graph_is_down_and_recovers(env: dict[str, str]) -> None:
    settings = settings_for(env)
    engine = Engine(settings.home, settings.engine_bolt_port, settings.engine_http_port)
    connection = connection_for(settings)  # starts the engine
    token = auth.mint(settings, auth.Role.ADMIN)
    headers = {"Authorization": f"Bearer {token}"}
    query = {"query": "{ districts(first: 1) { totalCount } }"}
    try:
        with Server(settings, connection) as server:
            http = httpx.Client(base_url=server.url, headers=headers, timeout=60)
            assert http.post("/graphql", json=query).json()["data"]["districts"]["totalCount"] >= 0
            assert http.get("/readyz").status_code == 200

            engine.stop()
            down = http.post("/graphql", json=query)
            assert down.status_code == 200
            body = down.json()
            assert body["data"] is None
            assert body["errors"][0]["extensions"]["code"] == "GRAPH_UNAVAILABLE"
            assert "Traceback" not in down.text
            assert http.get("/readyz").status_code == 503
            assert http.get("/healthz").status_code == 200

            engine.start()
            deadline = time.monotonic() + 60
            while True:  # no restart of the service: it reconnects by itself
                body = http.post("/graphql", json=query).json()
                if not body.get("errors") or time.monotonic() > deadline:
                    break
                time.sleep(0.5)
            assert not body.get("errors"), body
            assert http.get("/readyz").status_code == 200
            http.close()
    finally:
        engine.stop()
