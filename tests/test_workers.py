"""`partygraph serve --workers N`: several processes serve one port (uvicorn's supervisor,
each worker built by partygraph.app:factory), all on one graph; the local engine is started
once, by serve; ArcadeDB takes one process. Processes are seen through /proc, as an operator
would see them, not through anything the service adds to its answers."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest

from partygraph.cli import available_cores
from partygraph.engine import engine_of
from tests.support.suite import (
    Target,
    engine_settings,
    serve_subprocess,
)

pytestmark = pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc")

QUERY = {"query": "{ districts(first: 1) { totalCount } }"}


def workers_of(pid: int) -> list[int]:
    """The worker processes uvicorn's supervisor `pid` spawned (not its resource tracker)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ")
        except OSError:
            continue  # gone meanwhile
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        if parent == pid and b"spawn_main" in command:
            found.append(int(entry.name))
    return sorted(found)


def _sockets_to(port: int) -> set[str]:
    """Inodes of the machine's established TCP connections to `port`."""
    inodes = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            remote, state, inode = fields[2], fields[3], fields[9]
            if state == "01" and int(remote.rsplit(":", 1)[1], 16) == port:
                inodes.add(inode)
    return inodes


def talks_to_graph(pid: int, port: int) -> bool:
    """Whether process `pid` holds a connection to the graph's Bolt port."""
    inodes = _sockets_to(port)
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            link = os.readlink(fd)
        except OSError:
            continue
        if link.startswith("socket:[") and link[8:-1] in inodes:
            return True
    return False


def busy(url: str, token: str, port: int, workers: list[int]) -> None:
    """Send requests, each on a connection of its own, until every worker has answered one
    that reached the graph (the kernel hands each new connection to one of them)."""

    def one(_: int) -> None:
        answer = httpx.post(
            f"{url}/graphql",
            json=QUERY,
            headers={"Authorization": f"Bearer {token}"},
            timeout=60,
        )
        assert answer.status_code == 200 and "errors" not in answer.json(), answer.text

    deadline = time.monotonic() + 120
    with ThreadPoolExecutor(8) as pool:
        while not all(talks_to_graph(pid, port) for pid in workers):
            assert time.monotonic() < deadline, "a worker never served a request"
            list(pool.map(one, range(16)))


def stop(process: subprocess.Popen[bytes], workers: list[int]) -> int:
    """SIGTERM, as a container runtime sends it; the exit code once every worker is gone."""
    process.send_signal(signal.SIGTERM)
    try:
        code = process.wait(timeout=60)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
        raise
    assert not [pid for pid in workers if Path(f"/proc/{pid}").exists()], "a worker outlived"
    return code


def bolt_port(uri: str) -> int:
    port = urlsplit(uri).port
    assert port is not None, uri
    return port


@pytest.mark.neo4j_only
def test_two_workers_answer_from_two_processes_and_stop_on_sigterm(
    target: Target, admin_token: str, tmp_path: Path
) -> None:
    out = tmp_path / "serve.out"
    process, url = serve_subprocess(target.env(tmp_path), out, "--workers", "2")
    try:
        workers = workers_of(process.pid)
        assert len(workers) == 2, out.read_text()
        busy(url, admin_token, bolt_port(target.connection.uri), workers)
        assert "2 worker processes" in out.read_text()
    finally:
        code = stop(process, workers_of(process.pid))
    assert code == 0, out.read_text()
    printed = out.read_text()
    assert printed.count("Application shutdown complete") == 2, printed


@pytest.mark.neo4j_only
def test_workers_on_the_local_engine_share_the_engine_serve_started(
    dev_env: dict[str, str], tmp_path: Path
) -> None:
    # PARTYGRAPH_WORKERS=0: one worker per core this process may use.
    cores = available_cores()
    out = tmp_path / "serve.out"
    process, url = serve_subprocess(dev_env | {"PARTYGRAPH_WORKERS": "0"}, out)
    try:
        printed = out.read_text()
        assert printed.count("starting the local neo4j engine") == 1, printed
        token = printed.split('"Bearer ', 1)[1].split('"', 1)[0]
        workers = workers_of(process.pid)
        assert len(workers) == (cores if cores > 1 else 0), printed
        engine = engine_of(engine_settings(dev_env), "neo4j")
        busy(url, token, engine.bolt_port, workers or [process.pid])
        # Each worker's GraphiQL page holds the token serve printed (loopback only, as before).
        page = httpx.get(f"{url}/graphql", headers={"Accept": "text/html"}, timeout=30)
        assert token in page.text
    finally:
        code = stop(process, workers_of(process.pid))
    assert code == 0
    assert engine.pid() is not None  # the engine outlives serve, as with one process


def test_several_workers_on_arcadedb_are_refused_before_the_engine_starts(
    tmp_path: Path,
) -> None:
    home = tmp_path / "home"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "PARTYGRAPH_"))}
    env |= {"PARTYGRAPH_HOME": str(home), "PARTYGRAPH_ENGINE": "arcadedb", "COLUMNS": "500"}
    done = subprocess.run(
        [sys.executable, "-m", "partygraph", "serve", "--workers", "2"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1
    assert "--workers 2: on ArcadeDB the service runs in one process" in done.stderr
    assert not (home / "arcadedb").exists()  # nothing started


@pytest.mark.arcadedb_only
def test_several_workers_on_an_arcadedb_server_are_refused(target: Target, tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "partygraph", "serve", "--workers", "2"],
        env=target.env(tmp_path) | {"COLUMNS": "500"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1
    assert "on ArcadeDB the service runs in one process" in done.stderr
