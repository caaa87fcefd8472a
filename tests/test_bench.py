"""scripts/bench_api.py runs on a tiny graph: every query gets a row with figures for the API,
its floor and (nested ones) naive resolvers, then throughput. Timings are never asserted."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.suite import Target, wipe

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "bench_api.py"
FIGURES = re.compile(r"\d+\.\d / \d+\.\d")  # "p50 / p95"


@pytest.mark.both_engines
def test_bench_api_reports_every_query_and_throughput(target: Target, tmp_path: Path) -> None:
    # On the suite's own graph (no engine of its own to start), holding the demo profile.
    wipe(target)
    env = {**target.env(tmp_path), "PARTYGRAPH_ENGINE": target.kind}
    seeded = subprocess.run(
        [sys.executable, "-m", "partygraph", "seed", "demo"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert seeded.returncode == 0, seeded.stderr[-3000:]
    out = tmp_path / "bench.json"
    options = "--rounds 2 --warmup 0 --seconds 1 --clients 1,4 --workers 1,2"
    done = subprocess.run(
        [
            sys.executable,
            str(SCRIPT),
            "--home",
            str(tmp_path),
            *options.split(),
            "--json",
            str(out),
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    results = json.loads(out.read_text())
    sys.path.insert(0, str(ROOT / "scripts"))
    from bench_api import QUERIES

    assert len(results["queries"]) == len(QUERIES)
    table = {line.split(" | ")[0].removeprefix("| "): line for line in done.stdout.splitlines()}
    for query in results["queries"]:
        assert query["statements"] >= 1, query
        assert query["A"]["n"] == 2 and query["B"]["n"] == 2, query
        row = table[query["query"]]
        assert len(FIGURES.findall(row)) >= 2, row  # A and B
        if query["naive_statements"] is not None:
            assert query["C"]["n"] == 2, query
            assert len(FIGURES.findall(row)) == 3, row
    assert results["workers"] == ([1] if target.kind == "arcadedb" else [1, 2])
    cells = {(c["system"], c["workers"], c["clients"]) for c in results["throughput"]}
    assert cells == {
        (system, workers, clients)
        for system, workers in [("B", None), *(("A", n) for n in results["workers"])]
        for clients in (1, 4)
    }
    assert all(c["requests_per_s"] > 0 and c["errors"] == 0 for c in results["throughput"])
