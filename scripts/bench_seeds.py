"""Benchmark: load each seed profile at full scale into a fresh development engine and report
load time, rates and the peak memory of the loader and of the engine. Reported, not asserted.

    .venv/bin/python scripts/bench_seeds.py [PROFILE ...] [--scale S] [--heap 1g]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

from partygraph.engine import Engine
from partygraph.seed.profiles import PROFILES

SUMMARY = re.compile(
    r"nodes: (\d+) created, (\d+) updated; relationships: (\d+) created, (\d+) updated;\s+"
    r"([\d.]+)s"
)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def peak_kib(pid: int) -> int:
    status = Path(f"/proc/{pid}/status").read_text()
    match = re.search(r"VmHWM:\s+(\d+) kB", status)
    return int(match.group(1)) if match else 0


def bench(profile: str, scale: float, heap: str) -> dict[str, float]:
    home = Path(tempfile.mkdtemp(prefix=f"bench-{profile}-"))
    bolt, http = free_port(), free_port()
    engine = Engine(home, bolt, http, heap)
    engine.start()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "PARTYGRAPH_"))}
    env.update(
        PARTYGRAPH_HOME=str(home),
        PARTYGRAPH_ENGINE_BOLT_PORT=str(bolt),
        PARTYGRAPH_ENGINE_HTTP_PORT=str(http),
        PARTYGRAPH_ENGINE_HEAP=heap,
    )
    try:
        child = subprocess.Popen(
            [sys.executable, "-m", "partygraph", "seed", profile, "--scale", str(scale)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        _, status, usage = os.wait4(child.pid, 0)
        out = (child.stdout.read() if child.stdout else "").replace("\n", " ")
        err = child.stderr.read() if child.stderr else ""
        if status != 0:
            raise RuntimeError(f"{profile}: seed failed:\n{out}\n{err[-2000:]}")
        match = SUMMARY.search(out)
        if not match:
            raise RuntimeError(f"{profile}: no summary in {out!r}")
        nodes = int(match.group(1)) + int(match.group(2))
        rels = int(match.group(3)) + int(match.group(4))
        seconds = float(match.group(5))
        engine_pid = engine.pid()
        return {
            "nodes": nodes,
            "relationships": rels,
            "seconds": seconds,
            "nodes_per_s": nodes / seconds,
            "rels_per_s": rels / seconds,
            "loader_mib": usage.ru_maxrss / 1024,
            "engine_mib": peak_kib(engine_pid) / 1024 if engine_pid else 0.0,
        }
    finally:
        engine.stop()
        shutil.rmtree(home, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("profiles", nargs="*", default=[p for p in PROFILES if p != "demo"])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--heap", default="1g")
    args = parser.parse_args()
    print(
        f"| profile | nodes | relationships | load s | nodes/s | relationships/s "
        f"| loader peak MiB | engine peak MiB (heap {args.heap}) |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for profile in args.profiles:
        try:
            r = bench(profile, args.scale, args.heap)
        except RuntimeError as exc:
            print(f"| {profile} | failed: {str(exc)[:300]} |", flush=True)
            continue
        print(
            f"| {profile} | {r['nodes']:,.0f} | {r['relationships']:,.0f} | "
            f"{r['seconds']:.1f} | {r['nodes_per_s']:,.0f} | {r['rels_per_s']:,.0f} | "
            f"{r['loader_mib']:,.0f} | {r['engine_mib']:,.0f} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
