"""The local development engine: an ArcadeDB server from the `arcadedb-embedded` wheel.

The wheel bundles a Java runtime and the Bolt plugin, so the neo4j driver and our Cypher work
against it with no Docker and no Java install. The server runs as a detached process whose pid,
password, log and data live under one project-local folder.
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
import secrets
import signal
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import neo4j

from partygraph import cypher

DATABASE = "partygraph"
USER = "root"


class EngineError(RuntimeError):
    """The development engine could not be started, reached or stopped."""


@dataclass(frozen=True)
class EngineStatus:
    running: bool
    ready: bool
    pid: int | None
    bolt_uri: str
    home: Path


def _wheel_dir() -> Path:
    spec = importlib.util.find_spec("arcadedb_embedded")
    if spec is None or not spec.submodule_search_locations:
        raise EngineError(
            "the development engine needs the arcadedb-embedded wheel: "
            "pip install -e '.[dev]' (or set NEO4J_URI to use Neo4j)"
        )
    return Path(next(iter(spec.submodule_search_locations)))


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # A zombie child still answers kill(0); treat it as gone.
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split(")")[-1].split()[0] != "Z"
    except OSError:
        return True


def _port_open(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", port)) == 0


class Engine:
    """One ArcadeDB server bound to 127.0.0.1, its files under `home`."""

    def __init__(self, home: Path, bolt_port: int, http_port: int, heap: str = "1g") -> None:
        self.home = home.resolve()
        self.bolt_port = bolt_port
        self.http_port = http_port
        self.heap = heap

    @property
    def bolt_uri(self) -> str:
        return f"bolt://127.0.0.1:{self.bolt_port}"

    @property
    def _pid_file(self) -> Path:
        return self.home / "engine.pid"

    @property
    def log_file(self) -> Path:
        return self.home / "engine.log"

    @property
    def password(self) -> str:
        """The root password, made once per home and kept there (ArcadeDB wants 8+ chars)."""
        path = self.home / "engine.password"
        if not path.exists():
            self.home.mkdir(parents=True, exist_ok=True)
            path.write_text(secrets.token_urlsafe(18))
            path.chmod(0o600)
        return path.read_text().strip()

    def pid(self) -> int | None:
        try:
            pid = int(self._pid_file.read_text())
        except (OSError, ValueError):
            return None
        return pid if _pid_alive(pid) else None

    def is_ready(self) -> bool:
        """Ready means a real query answers: the Bolt port opens before the database exists."""
        try:
            with (
                neo4j.GraphDatabase.driver(
                    self.bolt_uri, auth=(USER, self.password), connection_timeout=2
                ) as driver,
                driver.session(database=DATABASE) as session,
            ):
                return session.run(cypher.render("ping")).single() is not None
        except Exception:
            return False

    def status(self) -> EngineStatus:
        pid = self.pid()
        return EngineStatus(
            running=pid is not None,
            ready=pid is not None and self.is_ready(),
            pid=pid,
            bolt_uri=self.bolt_uri,
            home=self.home,
        )

    def _command(self) -> list[str]:
        wheel = _wheel_dir()
        java = wheel / "jre" / "bin" / "java"
        if not java.exists():
            raise EngineError(f"the arcadedb-embedded wheel has no bundled Java at {java}")
        data = self.home / "engine"
        settings = {
            "arcadedb.server.plugins": "Bolt:com.arcadedb.bolt.BoltProtocolPlugin",
            "arcadedb.bolt.host": "127.0.0.1",
            "arcadedb.bolt.port": str(self.bolt_port),
            "arcadedb.server.httpIncomingHost": "127.0.0.1",
            "arcadedb.server.httpIncomingPort": str(self.http_port),
            "arcadedb.server.rootPassword": self.password,
            "arcadedb.server.rootPath": str(data),
            "arcadedb.server.databaseDirectory": str(data / "databases"),
            # No braces: with {} ArcadeDB creates no database.
            "arcadedb.server.defaultDatabases": f"{DATABASE}[{USER}]",
        }
        return [
            str(java),
            f"-Xmx{self.heap}",
            "-Dpolyglot.engine.WarnInterpreterOnly=false",
            *(f"-D{key}={value}" for key, value in settings.items()),
            "-cp",
            str(wheel / "jars" / "*"),
            "com.arcadedb.server.ArcadeDBServer",
        ]

    def start(self, timeout: float = 90.0) -> EngineStatus:
        """Start the server unless it already runs; return once a query answers."""
        if self.pid() is not None:
            self.wait_ready(timeout)
            return self.status()
        for port in (self.bolt_port, self.http_port):
            if _port_open(port):
                raise EngineError(
                    f"port {port} on 127.0.0.1 is taken by another process; set "
                    "PARTYGRAPH_ENGINE_BOLT_PORT / PARTYGRAPH_ENGINE_HTTP_PORT to free ports"
                )
        self.home.mkdir(parents=True, exist_ok=True)
        command = self._command()
        with open(self.log_file, "ab") as log:
            process = subprocess.Popen(
                command,
                cwd=self.home,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # outlives the command that started it
            )
        self._pid_file.write_text(str(process.pid))
        try:
            self.wait_ready(timeout, process)
        except EngineError:
            self.stop()
            raise
        return self.status()

    def wait_ready(self, timeout: float, process: subprocess.Popen[bytes] | None = None) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if process is not None and process.poll() is not None:
                raise EngineError(f"the engine exited at start; its log:\n{self._log_tail()}")
            if self.is_ready():
                return
            time.sleep(0.3)
        raise EngineError(f"the engine did not answer within {timeout:.0f}s:\n{self._log_tail()}")

    def _log_tail(self, lines: int = 20) -> str:
        try:
            return "\n".join(self.log_file.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"

    def stop(self, timeout: float = 30.0) -> bool:
        """Stop the server; False when it was not running."""
        pid = self.pid()
        if pid is None:
            self._pid_file.unlink(missing_ok=True)
            return False
        os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + timeout
        while _pid_alive(pid) and time.monotonic() < deadline:
            time.sleep(0.2)
        if _pid_alive(pid):
            os.kill(pid, signal.SIGKILL)
        with contextlib.suppress(ChildProcessError):  # reap it when we are its parent
            os.waitpid(pid, os.WNOHANG)
        self._pid_file.unlink(missing_ok=True)
        return True
