"""What the benchmarks share: a fresh local engine of either kind in a home of its own, and the
`partygraph` commands run against it."""

from __future__ import annotations

import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from partygraph.config import Settings
from partygraph.engine import KINDS, LocalEngine, engine_of

CLI = str(Path(sys.executable).parent / "partygraph")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Fresh:
    engine: LocalEngine
    env: dict[str, str]  # for `partygraph …` against this engine

    def cli(self, *args: str) -> str:
        done = subprocess.run(
            [CLI, *args], env=self.env, capture_output=True, text=True, check=False
        )
        if done.returncode != 0:
            raise RuntimeError(f"partygraph {' '.join(args)} failed:\n{done.stderr[-2000:]}")
        return done.stdout


@contextmanager
def fresh_engine(kind: str, heap: str | None = None) -> Iterator[Fresh]:
    """A new, empty engine of `kind`, started; stopped and removed afterwards."""
    if kind not in KINDS:
        raise SystemExit(f"unknown engine {kind!r}; known: {', '.join(KINDS)}")
    home = Path(tempfile.mkdtemp(prefix=f"bench-{kind}-"))
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "PARTYGRAPH_"))}
    env.update(
        PARTYGRAPH_ENGINE=kind,
        PARTYGRAPH_HOME=str(home),
        PARTYGRAPH_ENGINE_BOLT_PORT=str(free_port()),
        PARTYGRAPH_ENGINE_HTTP_PORT=str(free_port()),
    )
    if heap:
        env["PARTYGRAPH_ENGINE_HEAP"] = heap
    settings = Settings(
        PARTYGRAPH_HOME=home,
        PARTYGRAPH_ENGINE_BOLT_PORT=int(env["PARTYGRAPH_ENGINE_BOLT_PORT"]),
        PARTYGRAPH_ENGINE_HTTP_PORT=int(env["PARTYGRAPH_ENGINE_HTTP_PORT"]),
        PARTYGRAPH_ENGINE_HEAP=heap,
    )
    engine = engine_of(settings, kind)
    engine.start(announce=lambda message: print(message, file=sys.stderr))
    try:
        yield Fresh(engine, env)
    finally:
        engine.stop()
        shutil.rmtree(home, ignore_errors=True)


def median_p95(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered), p95
