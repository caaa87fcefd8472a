"""Benchmark: whether the time of an answer tells an id hidden from the viewer from one that
does not exist. A fresh engine is loaded with a seed profile and served by `partygraph serve`;
`node(id)` is asked as a community office for hidden ids (a hub among them), a missing id and a
visible one, interleaved in random order every round. Prints median and p95 in ms, the median's
difference to the missing id's, and the statements each answer sent.

    .venv/bin/python scripts/bench_hidden_ids.py [--engine neo4j] [--profile shinan]
        [--scope sn-c01] [--rounds 200]
"""

from __future__ import annotations

import argparse
import random
import time

import httpx
from bench_access import serve
from bench_support import fresh_engine, median_p95

from partygraph.engine import KINDS

IDS = {
    "hidden hub (another street's office)": "sn-s02-u",
    "hidden (another street)": "sn-s02",
    "hidden (another street's community)": "sn-c50",
    "missing": "sn-no-such-id",
    "visible (its own community)": "sn-c01",
}


def ask(http: httpx.Client, url: str, token: str, node_id: str) -> tuple[float, int]:
    """Milliseconds for one answer, and the statements it sent."""
    query = {"query": "query($id: ID!) { node(id: $id) { id } }", "variables": {"id": node_id}}
    start = time.perf_counter()
    body = http.post(url + "/graphql", json=query, headers={"Authorization": f"Bearer {token}"})
    elapsed = (time.perf_counter() - start) * 1000
    answer = body.json()
    if answer.get("errors"):
        raise RuntimeError(answer["errors"])
    return elapsed, int(answer["extensions"]["statements"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--engine", choices=KINDS, default="neo4j")
    parser.add_argument("--profile", default="shinan")
    parser.add_argument("--scope", default="sn-c01")
    parser.add_argument("--rounds", type=int, default=200)
    args = parser.parse_args()
    with fresh_engine(args.engine) as fresh:
        fresh.cli("seed", args.profile)
        token = fresh.cli("token", "--role", "community", "--scope", args.scope).strip()
        server, url = serve(fresh)
        try:
            times: dict[str, list[float]] = {name: [] for name in IDS}
            statements: dict[str, set[int]] = {name: set() for name in IDS}
            with httpx.Client(timeout=60) as http:
                for node_id in IDS.values():  # the first answers plan the statements
                    for _ in range(3):
                        ask(http, url, token, node_id)
                order = list(IDS)
                for _ in range(args.rounds):
                    random.shuffle(order)
                    for name in order:
                        elapsed, sent = ask(http, url, token, IDS[name])
                        times[name].append(elapsed)
                        statements[name].add(sent)
        finally:
            server.terminate()
            server.wait()
    missing = median_p95(times["missing"])[0]
    print(f"\n{args.engine}, {args.profile}, community office {args.scope}, {args.rounds} rounds\n")
    print("| id | median ms | p95 ms | median − missing | statements |")
    print("|---|---:|---:|---:|---|")
    for name, node_id in IDS.items():
        median, p95 = median_p95(times[name])
        sent_counts = ", ".join(str(n) for n in sorted(statements[name]))
        cells = f"{median:.1f} | {p95:.1f} | {median - missing:+.1f} | {sent_counts}"
        print(f"| {name} `{node_id}` | {cells} |")


if __name__ == "__main__":
    main()
