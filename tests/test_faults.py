"""The graph engine going away under load: mid-import, mid-request, and frozen.

Each test drives a private local engine of the run's kind (its own home and free ports) so it
can kill, stop and freeze it without disturbing the session's engine: an import cut by the engine
going away fails with a clear error and leaves all or nothing of the file, and runs again to the
end; a request in flight gets GRAPH_UNAVAILABLE (no 5xx, no traceback, no hang) and the same
request succeeds once the engine is back, with no restart of the service.
"""

from __future__ import annotations

import contextlib
import os
import pty
import re
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from partygraph import auth
from partygraph.config import Settings
from partygraph.db import Graph
from partygraph.engine import LocalEngine
from partygraph.export import export_records
from partygraph.importer import parse
from partygraph.seed.profiles import generator
from partygraph.seed.records import to_lines
from tests.support.suite import (
    RUN_FACTS,
    SECRET,
    Server,
    Target,
    engine_home,
    local_engine,
    run_graph,
    settings_of,
    target_of,
)

# Both engines ride out faults (ArcadeDB's errors while it shuts down are retried).
pytestmark = pytest.mark.both_engines

# A file whose import (one transaction) takes a few seconds.
PROFILE, SCALE = "chengdu", 0.05
QUERY = {"query": "{ districts(first: 1) { totalCount } }"}

Counts = tuple[Counter[str], Counter[str]]  # nodes by label, relationships by type


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalEngine]:
    engine = local_engine(engine_home(tmp_path_factory, "faults"))
    engine.start()
    try:
        yield engine
    finally:
        pid = engine.pid()
        if pid is not None:
            os.kill(pid, signal.SIGCONT)  # a failed test may have left it frozen
        engine.stop()


@pytest.fixture(scope="module")
def graph(engine: LocalEngine) -> Target:
    return target_of(engine)


def kill(engine: LocalEngine) -> None:
    """SIGKILL: the engine dies as in a crash, in the middle of whatever it does."""
    pid = engine.pid()
    assert pid is not None
    os.kill(pid, signal.SIGKILL)
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pid, 0)  # our child (Engine.start): reap it


def stored(graph: Target) -> Counts:
    async def work(db: Graph) -> Counts:
        labels: Counter[str] = Counter()
        rels: Counter[str] = Counter()
        async for record in export_records(db):
            if record["type"] == "node":
                labels[record["label"]] += 1
            else:
                rels[record["rel"]] += 1
        return labels, rels

    return run_graph(graph, work)


@pytest.fixture(scope="module")
def dataset(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Counts]:
    path = tmp_path_factory.mktemp("faults-data") / f"{PROFILE}.jsonl"
    lines = list(to_lines(generator(PROFILE)(SCALE, 1)))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    parsed = parse(lines)
    labels = Counter(node.label for node in parsed.nodes.values())
    rels = Counter(rel.rel for rel in parsed.relationships.values())
    return path, (labels, rels)


class CliImport:
    """`partygraph import FILE` with its progress bar on a terminal, so the test can see
    when rows are being written."""

    def __init__(self, env: dict[str, str], path: Path) -> None:
        master, terminal = pty.openpty()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "partygraph", "import", str(path)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=terminal,
            text=True,
        )
        os.close(terminal)
        self.master = master
        self.shown: list[str] = []
        self.writing = threading.Event()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        while True:
            try:
                chunk = os.read(self.master, 4096).decode("utf-8", errors="replace")
            except OSError:  # the terminal closed with the process
                break
            if not chunk:
                break
            self.shown.append(chunk)
            done = re.findall(r"(\d+)/(\d+)", chunk)  # the bar's "rows written/rows"
            if done and 0 < int(done[-1][0]) < int(done[-1][1]):
                self.writing.set()

    def finish(self) -> tuple[int, str, str]:
        out, _ = self.process.communicate(timeout=180)
        self.reader.join(timeout=10)
        os.close(self.master)
        shown = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", "".join(self.shown))
        return self.process.returncode, out, shown


def cut_import(
    engine: LocalEngine, graph: Target, path: Path, env: dict[str, str], how: str
) -> Counts:
    """Start importing `path` into an empty graph, take the engine away while rows are being
    written, check the import failed clearly, start the engine again: what the graph holds."""
    run_graph(graph, lambda db: db.write("wipe_graph"))
    started = CliImport(env, path)
    assert started.writing.wait(120), "the import never started writing"
    if how == "kill":
        kill(engine)  # a crash mid-transaction
    else:
        engine.stop()  # a clean shutdown (SIGTERM) with the transaction open
    code, out, shown = started.finish()
    assert code == 1, (out, shown)
    assert "error: the graph database is not reachable" in shown, shown
    assert "Traceback" not in shown and "MATCH" not in shown  # no stack, no Cypher
    assert "nodes:" not in out  # no summary of an import that did not happen
    engine.start()
    return stored(graph)


NOTHING: Counts = (Counter(), Counter())


def test_an_import_cut_by_an_engine_crash_keeps_all_or_nothing_and_runs_again(
    engine: LocalEngine, graph: Target, dataset: tuple[Path, Counts], tmp_path: Path
) -> None:
    path, expected = dataset
    env = graph.env(tmp_path) | {"PARTYGRAPH_RETRY_TIME": "1"}
    found = cut_import(engine, graph, path, env, "kill")
    assert found in (NOTHING, expected), f"part of the import was kept: {found}"

    again = subprocess.run(
        [sys.executable, "-m", "partygraph", "import", str(path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert again.returncode == 0, again.stderr
    nodes, rels = sum(expected[0].values()), sum(expected[1].values())
    if found == NOTHING:
        assert f"nodes: {nodes} created, 0 updated" in again.stdout
    assert stored(graph) == expected
    RUN_FACTS["import cut by an engine crash"] = (
        f"{nodes} nodes and {rels} relationships in one transaction; "
        f"{'nothing' if found == NOTHING else 'everything'} kept; the rerun wrote them all"
    )


def test_an_import_cut_by_an_engine_shutdown_keeps_all_or_nothing(
    engine: LocalEngine, graph: Target, dataset: tuple[Path, Counts], tmp_path: Path
) -> None:
    # While ArcadeDB shuts down the statement in flight fails with a DatabaseError, new
    # connections with Unauthorized: the service retries those and reports the engine gone.
    path, expected = dataset
    env = graph.env(tmp_path) | {"PARTYGRAPH_RETRY_TIME": "3"}  # outlasts the shutdown
    found = cut_import(engine, graph, path, env, "stop")
    assert found in (NOTHING, expected), f"part of the import was kept: {found}"


def _settings(engine: LocalEngine) -> Settings:
    # Short timeouts keep the waits short; the behaviour is the same at the defaults.
    return settings_of(
        NEO4J_URI=engine.bolt_uri,
        NEO4J_USER=engine.user,
        NEO4J_PASSWORD=engine.password,
        NEO4J_DATABASE=engine.database,
        PARTYGRAPH_SECRET=SECRET,
        PARTYGRAPH_STATEMENT_TIMEOUT=1,
        PARTYGRAPH_RETRY_TIME=1,
    )


@pytest.fixture
def service(engine: LocalEngine, graph: Target) -> Iterator[httpx.Client]:
    if engine.pid() is None:
        engine.start()
    settings = _settings(engine)
    token = auth.mint(settings, auth.Role.ADMIN)
    with Server(settings, graph.connection) as server:
        http = httpx.Client(
            base_url=server.url,
            headers={"Authorization": f"Bearer {token}", "Accept-Language": "en"},
            timeout=60,
        )
        yield http
        http.close()


def unavailable(response: httpx.Response) -> None:
    """The answer to a request the graph could not serve: a GraphQL error, not a 5xx."""
    assert response.status_code == 200, response.text
    body = response.json()
    # Nothing answered: the (nullable) root fields are null, or data itself for a non-null one.
    assert body["data"] is None or not any(body["data"].values()), body
    assert body["errors"][0]["extensions"]["code"] == "GRAPH_UNAVAILABLE", body
    assert "Traceback" not in response.text


def answers_again(http: httpx.Client) -> None:
    deadline = time.monotonic() + 60
    while True:  # the same service, reconnecting by itself
        body = http.post("/graphql", json=QUERY).json()
        if not body.get("errors") or time.monotonic() > deadline:
            break
        time.sleep(0.5)
    assert not body.get("errors"), body
    assert body["data"]["districts"]["totalCount"] >= 0


def test_a_request_in_flight_when_the_engine_dies_gets_graph_unavailable(
    engine: LocalEngine, service: httpx.Client
) -> None:
    assert service.post("/graphql", json=QUERY).json()["data"]["districts"]["totalCount"] >= 0
    pid = engine.pid()
    assert pid is not None
    os.kill(pid, signal.SIGSTOP)  # the engine holds the request without answering...
    with ThreadPoolExecutor(1) as pool:
        pending: Future[httpx.Response] = pool.submit(service.post, "/graphql", json=QUERY)
        time.sleep(1.0)
        assert not pending.done(), "the request was answered by a stopped engine"
        kill(engine)  # ...and dies with it
        unavailable(pending.result(timeout=60))
    assert service.get("/readyz").status_code == 503

    engine.start()
    answers_again(service)
    assert service.get("/readyz").status_code == 200


def test_a_frozen_engine_is_given_up_not_waited_on_forever(
    engine: LocalEngine, service: httpx.Client
) -> None:
    assert not service.post("/graphql", json=QUERY).json().get("errors")
    pid = engine.pid()
    assert pid is not None
    os.kill(pid, signal.SIGSTOP)  # alive, connections accepted, nothing answered
    try:
        # Past the statement timeout the service asks the engine whether it still answers;
        # it does not, so the request ends (the engine never says the timeout passed).
        response = service.post("/graphql", json=QUERY)
    finally:
        os.kill(pid, signal.SIGCONT)
    unavailable(response)
    assert "stopped answering" in response.json()["errors"][0]["message"]
    answers_again(service)
