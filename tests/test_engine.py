"""The local engines' lifecycle through `partygraph engine …`, which engine is chosen and why,
and the service riding out the graph going away. Runs on each engine the suite runs on."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import neo4j
import pytest

from partygraph import auth
from partygraph.config import Settings
from partygraph.connection import connection_for
from partygraph.engine import engine_of
from tests.support.suite import SECRET, Server, engine_home, free_port, settings_of, suite_engine

pytestmark = pytest.mark.both_engines


@pytest.fixture(scope="module")
def kind() -> str:
    return suite_engine().kind


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory, kind: str) -> Iterator[Path]:
    path = engine_home(tmp_path_factory, "lifecycle")
    yield path
    for other in ("neo4j", "arcadedb"):  # whatever a failed test left running
        engine_of(settings_of(PARTYGRAPH_HOME=path), other).stop()


def base_env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "PARTYGRAPH_"))}
    env.update(
        PARTYGRAPH_HOME=str(home),
        PARTYGRAPH_ENGINE_BOLT_PORT=str(free_port()),
        PARTYGRAPH_ENGINE_HTTP_PORT=str(free_port()),
        PARTYGRAPH_SECRET=SECRET,
    )
    return env


@pytest.fixture(scope="module")
def env(home: Path, kind: str) -> dict[str, str]:
    return base_env(home) | {"PARTYGRAPH_ENGINE": kind}


def cli(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "partygraph", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def settings_for(env: dict[str, str]) -> Settings:
    return settings_of(
        PARTYGRAPH_HOME=env["PARTYGRAPH_HOME"],
        PARTYGRAPH_SECRET=SECRET,
        PARTYGRAPH_ENGINE=env["PARTYGRAPH_ENGINE"],
        PARTYGRAPH_ENGINE_BOLT_PORT=env["PARTYGRAPH_ENGINE_BOLT_PORT"],
        PARTYGRAPH_ENGINE_HTTP_PORT=env["PARTYGRAPH_ENGINE_HTTP_PORT"],
    )


def test_engine_start_status_stop(env: dict[str, str], home: Path, kind: str) -> None:
    status = cli(env, "engine", "status")
    assert status.returncode == 1
    assert f"{kind} engine not running" in status.stdout
    assert f"because PARTYGRAPH_ENGINE={kind}" in status.stdout
    started = cli(env, "engine", "start")
    assert started.returncode == 0, started.stderr
    assert f"{kind} engine running" in started.stdout
    status = cli(env, "engine", "status")
    assert status.returncode == 0 and "ready" in status.stdout
    folder = home / kind
    pid = (folder / "server.pid").read_text()
    assert cli(env, "engine", "start").returncode == 0
    assert (folder / "server.pid").read_text() == pid  # starting twice keeps the one server

    # Ready means a real query answers, on loopback only, with the kept password.
    engine = engine_of(settings_for(env), kind)
    bolt = f"bolt://127.0.0.1:{env['PARTYGRAPH_ENGINE_BOLT_PORT']}"
    password = (folder / "password").read_text().strip()
    with neo4j.GraphDatabase.driver(bolt, auth=(engine.user, password)) as driver:
        records = driver.execute_query("RETURN 1 AS one", database_=engine.database).records
        assert records[0]["one"] == 1
        agent = driver.get_server_info().agent.lower()
    assert ("arcadedb" in agent) == (kind == "arcadedb")
    assert any(engine.data.iterdir())  # data under the project folder
    with (
        neo4j.GraphDatabase.driver(bolt, auth=(engine.user, "wrong-password")) as driver,
        pytest.raises(neo4j.exceptions.AuthError),
    ):
        driver.verify_connectivity()  # authentication stays on

    # Without PARTYGRAPH_ENGINE, the engine that runs is the one used.
    status = cli(base_env(home) | {k: env[k] for k in env if "PORT" in k}, "engine", "status")
    assert status.returncode == 0
    assert f"{kind} engine running" in status.stdout
    assert f"because it is the engine running in {home}" in status.stdout

    # One engine runs in a home: the other is refused, for the engine commands and the rest.
    other = {"neo4j": "arcadedb", "arcadedb": "neo4j"}[kind]
    for command in (["engine", "start"], ["migrate"]):
        refused = cli(env | {"PARTYGRAPH_ENGINE": other}, *command)
        assert refused.returncode == 1
        assert f"the {kind} engine runs in {home}" in refused.stderr
        assert f"stop it first: partygraph engine stop --engine {kind}" in refused.stderr

    stopped = cli(env, "engine", "stop")
    assert stopped.returncode == 0 and f"{kind} engine stopped" in stopped.stdout
    if kind == "neo4j":  # SIGTERM stops it cleanly: a last checkpoint, the databases closed
        debug = (folder / "logs" / "debug.log").read_text()
        assert 'Checkpoint triggered by "Database shutdown"' in debug
        assert re.search(r"Stopped 'DatabaseId\{\w+\[neo4j\]\}' successfully", debug)
    assert cli(env, "engine", "status").returncode == 1
    assert "not running" in cli(env, "engine", "stop").stdout


def test_commands_start_the_engine_when_needed(env: dict[str, str], kind: str) -> None:
    migrated = cli(env, "migrate")
    assert migrated.returncode == 0, migrated.stderr
    assert f"starting the local {kind} engine" in migrated.stderr
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


def test_without_java_the_default_is_arcadedb_and_status_says_why(tmp_path: Path) -> None:
    # A machine without Java: no JAVA_HOME, and a PATH that holds Python but no java.
    bare = tmp_path / "bin"
    bare.mkdir()
    (bare / "python").symlink_to(sys.executable)
    env = base_env(tmp_path) | {"PATH": str(bare)}
    env.pop("JAVA_HOME", None)
    status = cli(env, "engine", "status")
    assert status.returncode == 1
    assert "arcadedb engine not running" in status.stdout
    assert "Neo4j cannot run here: no Java found" in status.stdout


@pytest.mark.skipif(shutil.which("java") is None, reason="needs a JDK on PATH")
def test_with_java_and_maven_the_default_is_neo4j(tmp_path: Path) -> None:
    env = base_env(tmp_path)
    env.pop("JAVA_HOME", None)
    status = cli(env, "engine", "status")
    assert "neo4j engine not running" in status.stdout, status.stdout
    assert "because Java " in status.stdout


def test_an_unknown_engine_is_refused(env: dict[str, str]) -> None:
    result = cli(env, "engine", "start", "--engine", "postgres")
    assert result.returncode == 2
    assert "unknown engine 'postgres'; known: neo4j, arcadedb" in result.stderr


def test_service_answers_errors_while_the_graph_is_down_and_recovers(
    env: dict[str, str], kind: str
) -> None:
    settings = settings_for(env)
    engine = engine_of(settings, kind)
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
            assert body["data"] == {"districts": None}
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
