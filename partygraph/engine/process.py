"""A local graph server as a detached process: its files under one folder, started, checked
and stopped the same way whichever engine it is (see arcadedb.py and neo4j_community.py).

The server outlives the command that started it; its pid, password, log and data live in
`HOME/<kind>/`, so `partygraph engine stop` (or any later command) finds it again.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import signal
import socket
import subprocess
import time
from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

import neo4j

from partygraph import cypher

Announce = Callable[[str], None]


class EngineError(RuntimeError):
    """A local engine could not be prepared, started, reached or stopped."""


@dataclass(frozen=True)
class EngineStatus:
    kind: str
    running: bool
    ready: bool
    pid: int | None
    bolt_uri: str
    folder: Path


def pid_alive(pid: int) -> bool:
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


def port_open(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", port)) == 0


class LocalEngine(ABC):
    """One graph server bound to 127.0.0.1, speaking Bolt, its files under `home/<kind>`."""

    kind: ClassVar[str]
    user: ClassVar[str]
    database: ClassVar[str]
    # Seconds to wait for a clean shutdown before SIGKILL (Neo4j checkpoints on the way out).
    stop_timeout: ClassVar[float] = 60.0

    def __init__(self, home: Path, bolt_port: int, heap: str) -> None:
        self.home = home.resolve()
        self.bolt_port = bolt_port
        self.heap = heap

    # ---- what each engine says for itself ----

    @abstractmethod
    def ports(self) -> list[int]:
        """Every port the server listens on (Bolt first)."""

    @abstractmethod
    def command(self) -> list[str]:
        """The command line that runs the server in the foreground."""

    def prepare(self, announce: Announce) -> None:  # noqa: B027 (optional step)
        """Whatever must exist before `command` can run (e.g. a build); quick once done."""

    # ---- files ----

    @property
    def folder(self) -> Path:
        return self.home / self.kind

    @property
    def data(self) -> Path:
        """Where the server keeps the graph."""
        return self.folder / "data"

    @property
    def log_file(self) -> Path:
        return self.folder / "server.log"

    @property
    def _pid_file(self) -> Path:
        return self.folder / "server.pid"

    @property
    def password_file(self) -> Path:
        """The password, made once per folder and kept there (never on a command line)."""
        path = self.folder / "password"
        if not path.exists():
            self.folder.mkdir(parents=True, exist_ok=True)
            path.write_text(secrets.token_urlsafe(18))  # both engines want 8+ characters
            path.chmod(0o600)
        return path

    @property
    def password(self) -> str:
        return self.password_file.read_text().strip()

    @property
    def bolt_uri(self) -> str:
        return f"bolt://127.0.0.1:{self.bolt_port}"

    # ---- lifecycle ----

    def pid(self) -> int | None:
        try:
            pid = int(self._pid_file.read_text())
        except (OSError, ValueError):
            return None
        return pid if pid_alive(pid) else None

    def is_ready(self) -> bool:
        """Ready means a real query answers: the Bolt port opens before the database exists."""
        try:
            with (
                neo4j.GraphDatabase.driver(
                    self.bolt_uri, auth=(self.user, self.password), connection_timeout=2
                ) as driver,
                driver.session(database=self.database) as session,
            ):
                return session.run(cypher.render("ping")).single() is not None
        except Exception:
            return False

    def status(self) -> EngineStatus:
        pid = self.pid()
        return EngineStatus(
            kind=self.kind,
            running=pid is not None,
            ready=pid is not None and self.is_ready(),
            pid=pid,
            bolt_uri=self.bolt_uri,
            folder=self.folder,
        )

    def start(self, timeout: float = 180.0, announce: Announce = lambda _: None) -> EngineStatus:
        """Start the server unless it already runs; return once a query answers."""
        if self.pid() is not None:
            self.wait_ready(timeout)
            return self.status()
        for port in self.ports():
            if port_open(port):
                raise EngineError(
                    f"port {port} on 127.0.0.1 is taken by another process; set "
                    "PARTYGRAPH_ENGINE_BOLT_PORT / PARTYGRAPH_ENGINE_HTTP_PORT to free ports"
                )
        self.prepare(announce)
        self.folder.mkdir(parents=True, exist_ok=True)
        command = self.command()
        with open(self.log_file, "ab") as log:
            process = subprocess.Popen(
                command,
                cwd=self.folder,
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
                raise EngineError(
                    f"the {self.kind} engine exited at start; its log ({self.log_file}):\n"
                    f"{self.log_tail()}"
                )
            if self.is_ready():
                return
            time.sleep(0.3)
        raise EngineError(
            f"the {self.kind} engine did not answer within {timeout:.0f}s:\n{self.log_tail()}"
        )

    def log_tail(self, lines: int = 20) -> str:
        try:
            return "\n".join(self.log_file.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"

    def stop(self) -> bool:
        """Stop the server (SIGTERM, then SIGKILL after `stop_timeout`); False when it was
        not running."""
        pid = self.pid()
        if pid is None:
            self._pid_file.unlink(missing_ok=True)
            return False
        os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + self.stop_timeout
        while pid_alive(pid) and time.monotonic() < deadline:
            time.sleep(0.2)
        if pid_alive(pid):
            os.kill(pid, signal.SIGKILL)
        with contextlib.suppress(ChildProcessError):  # reap it when we are its parent
            os.waitpid(pid, os.WNOHANG)
        self._pid_file.unlink(missing_ok=True)
        return True
