"""Benchmark: load each seed profile at full scale into a fresh local engine, for each engine in
turn (interleaved: one profile on every engine before the next profile), and report load time
(checks, writes and the commit), rates and the peak memory of the loader and of the engine.
Reported, not asserted. With --via-file the profile is written as JSON Lines first and loaded
with `partygraph import FILE` (the import path, JSON decoding included) instead of `seed`.
With --warm-with PROFILE each engine first loads that profile, untimed: the timed load then
meets an engine that has run before (its JIT warm, a graph in it), as a long-running one is.

    .venv/bin/python scripts/bench_seeds.py [PROFILE ...] [--engine neo4j arcadedb]
        [--scale S] [--heap SIZE] [--via-file] [--runs N] [--warm-with PROFILE]
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import tempfile
from pathlib import Path

from bench_support import CLI, fresh_engine

from partygraph.engine import KINDS
from partygraph.seed.profiles import PROFILES

SUMMARY = re.compile(
    r"nodes: (\d+) created, (\d+) updated; relationships: (\d+) created, (\d+) updated;\s+"
    r"([\d.]+)s"
)


def peak_kib(pid: int) -> int:
    status = Path(f"/proc/{pid}/status").read_text()
    match = re.search(r"VmHWM:\s+(\d+) kB", status)
    return int(match.group(1)) if match else 0


def bench(
    kind: str,
    profile: str,
    scale: float,
    heap: str | None,
    file: Path | None,
    warm_with: str | None = None,
) -> dict[str, float]:
    command = [CLI, "import", str(file)] if file else [CLI, "seed", profile, "--scale", str(scale)]
    with fresh_engine(kind, heap) as fresh:
        if warm_with:
            subprocess.run([CLI, "seed", warm_with], env=fresh.env, check=True, capture_output=True)
        child = subprocess.Popen(
            command,
            env=fresh.env,
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
        engine_pid = fresh.engine.pid()
        return {
            "nodes": nodes,
            "relationships": rels,
            "seconds": seconds,
            "nodes_per_s": nodes / seconds,
            "rels_per_s": rels / seconds,
            "records_per_s": (nodes + rels) / seconds,
            "loader_mib": usage.ru_maxrss / 1024,
            "engine_mib": peak_kib(engine_pid) / 1024 if engine_pid else 0.0,
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("profiles", nargs="*", default=[p for p in PROFILES if p != "demo"])
    parser.add_argument("--engine", nargs="+", choices=KINDS, default=list(KINDS))
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--heap", default=None, help="engine heap (default: the engine's own)")
    parser.add_argument("--via-file", action="store_true", help="partygraph import of the file")
    parser.add_argument("--runs", type=int, default=1, help="runs per cell (the median shown)")
    parser.add_argument("--warm-with", metavar="PROFILE", help="load this profile first, untimed")
    args = parser.parse_args()
    print(
        "| profile | engine | nodes | relationships | load s | records/s | nodes/s "
        "| relationships/s | loader peak MiB | engine peak MiB |"
    )
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory(prefix="bench-seeds-") as folder:
        for profile in args.profiles:
            file = None
            if args.via_file:
                file = Path(folder) / f"{profile}.jsonl"
                subprocess.run(
                    [CLI, "seed", profile, "--scale", str(args.scale), "--out", str(file)],
                    check=True,
                    capture_output=True,
                )
            for kind in args.engine:
                try:
                    runs = [
                        bench(kind, profile, args.scale, args.heap, file, args.warm_with)
                        for _ in range(args.runs)
                    ]
                except RuntimeError as exc:
                    print(f"| {profile} | {kind} | failed: {str(exc)[:300]} |", flush=True)
                    continue
                r = {key: statistics.median(run[key] for run in runs) for key in runs[0]}
                print(
                    f"| {profile} | {kind} | {r['nodes']:,.0f} | {r['relationships']:,.0f} | "
                    f"{r['seconds']:.1f} | {r['records_per_s']:,.0f} | {r['nodes_per_s']:,.0f} | "
                    f"{r['rels_per_s']:,.0f} | {r['loader_mib']:,.0f} | {r['engine_mib']:,.0f} |",
                    flush=True,
                )


if __name__ == "__main__":
    main()
