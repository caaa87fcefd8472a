"""Benchmark: what scope enforcement costs, on each engine. A fresh engine per engine kind is
loaded with a seed profile and served by `partygraph serve`; the same queries are sent over
HTTP as admin and as scoped roles, the engines and viewers interleaved in every round so that
they share the machine's noise. Each cell: median and p95 in ms, and the ratio to admin's median.

    .venv/bin/python scripts/bench_access.py [--engine neo4j arcadedb] [--profile shinan]
        [--district sn-d --street sn-s01 --unit sn-u01] [--rounds 15]
"""

from __future__ import annotations

import argparse
import subprocess
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass

import httpx
from bench_support import CLI, Fresh, free_port, fresh_engine, median_p95

from partygraph.engine import KINDS

QUERIES = {
    "node by id": '{ node(id: "%(street)s") { id } }',
    "communities page + totalCount": "{ communities(first: 50) "
    "{ totalCount edges { node { id } } } }",
    "unreportedMembersIn(street)": '{ unreportedMembersIn(areaId: "%(street)s", first: 50) '
    "{ totalCount edges { node { id phone } } } }",
    "coverageGaps(street)": '{ coverageGaps(areaId: "%(street)s") { gridsWithoutPartyBranch { id } '
    "gridsUnderStaffed { grid { id } } } }",
    "search 社区": '{ search(text: "社区", first: 20) { id } }',
    "neighborhood(street, 2)": '{ neighborhood(id: "%(street)s", depth: 2) { nodes { id } } }',
    "shortestPath(unit, street)": '{ shortestPath(from: "%(unit)s", to: "%(street)s") { length } }',
    "unit members": '{ unit(id: "%(unit)s") { members { id phone } pairedCommunities { id } } }',
}
VIEWERS = ("admin", "district", "street", "unit")


def serve(fresh: Fresh) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    server = subprocess.Popen(
        [CLI, "serve", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=fresh.env,
    )
    url = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            if httpx.get(url + "/readyz").status_code == 200:
                return server, url
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    server.terminate()
    raise RuntimeError("partygraph serve did not become ready")


@dataclass
class Served:
    """One engine, loaded and served, and a token per viewer."""

    url: str
    tokens: dict[str, str]


@contextmanager
def served(kind: str, profile: str, ids: dict[str, str]) -> Iterator[Served]:
    with fresh_engine(kind) as fresh:
        fresh.cli("seed", profile)
        tokens = {}
        for viewer in VIEWERS:
            scope = ids.get(viewer)
            args = ["token", "--role", viewer] + (["--scope", scope] if scope else [])
            tokens[viewer] = fresh.cli(*args).strip()
        server, url = serve(fresh)
        try:
            yield Served(url, tokens)
        finally:
            server.terminate()
            server.wait()


def ask(http: httpx.Client, at: Served, viewer: str, text: str) -> float | None:
    """Milliseconds for one answer; None when the viewer is refused."""
    headers = {"Authorization": f"Bearer {at.tokens[viewer]}"}
    start = time.perf_counter()
    body = http.post(at.url + "/graphql", json={"query": text}, headers=headers).json()
    elapsed = (time.perf_counter() - start) * 1000
    codes = [e["extensions"]["code"] for e in body.get("errors") or []]
    if codes and not set(codes) <= {"FORBIDDEN", "NOT_FOUND"}:
        raise RuntimeError(f"{viewer}: {body['errors']}")
    return None if codes else elapsed


Samples = dict[str, dict[str, dict[str, list[float] | None]]]  # engine -> query -> viewer


def measure(engines: dict[str, Served], ids: dict[str, str], rounds: int) -> Samples:
    """Every query on every engine as every viewer, the engines and viewers interleaved in
    each round. The first answer of each is not counted: it plans the statement."""
    samples: Samples = {kind: {} for kind in engines}
    with httpx.Client(timeout=300) as http:
        for name, template in QUERIES.items():
            text = template % ids
            for kind, at in engines.items():
                samples[kind][name] = {
                    v: None if ask(http, at, v, text) is None else [] for v in VIEWERS
                }
            for _ in range(rounds):
                for kind, at in engines.items():
                    for viewer in VIEWERS:
                        times = samples[kind][name][viewer]
                        if times is not None:
                            times.append(ask(http, at, viewer, text) or 0.0)
    return samples


def table(kind: str, results: dict[str, dict[str, list[float] | None]]) -> None:
    print(f"\n{kind}: median / p95 ms, and the median's ratio to admin's\n")
    print("| query | " + " | ".join(VIEWERS) + " |")
    print("|---|" + "---:|" * len(VIEWERS))
    for name, samples in results.items():
        admin = samples["admin"]
        base = median_p95(admin)[0] if admin else None
        cells = []
        for viewer in VIEWERS:
            times = samples[viewer]
            if times is None:
                cells.append("refused")
                continue
            median, p95 = median_p95(times)
            ratio = f" ({median / base:.1f}×)" if base and viewer != "admin" else ""
            cells.append(f"{median:.1f} / {p95:.1f}{ratio}")
        print(f"| {name} | " + " | ".join(cells) + " |", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--engine", nargs="+", choices=KINDS, default=list(KINDS))
    parser.add_argument("--profile", default="shinan")
    parser.add_argument("--district", default="sn-d")
    parser.add_argument("--street", default="sn-s01")
    parser.add_argument("--unit", default="sn-u01")
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args()
    ids = {"district": args.district, "street": args.street, "unit": args.unit}
    with ExitStack() as stack:
        engines = {k: stack.enter_context(served(k, args.profile, ids)) for k in args.engine}
        samples = measure(engines, ids, args.rounds)
    for kind, results in samples.items():
        table(kind, results)


if __name__ == "__main__":
    main()
