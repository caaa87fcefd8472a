"""Benchmark: what scope enforcement costs. The same queries as admin and as scoped roles over
a loaded seed profile, through `partygraph serve` over HTTP; median of 5 runs.

    partygraph reset --yes && partygraph seed shinan
    .venv/bin/python scripts/bench_access.py --district sn-d --street sn-s01 --unit sn-u01
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx

CLI = str(Path(sys.executable).parent / "partygraph")

QUERIES = {
    "node by id": '{ node(id: "%(street)s") { id } }',
    "communities page + totalCount": "{ communities(first: 50) { totalCount edges { node { id } } } }",
    "unreportedMembersIn(street)": '{ unreportedMembersIn(areaId: "%(street)s", first: 50) '
    "{ totalCount edges { node { id phone } } } }",
    "coverageGaps(street)": '{ coverageGaps(areaId: "%(street)s") { gridsWithoutPartyBranch { id } '
    "gridsUnderStaffed { grid { id } } } }",
    "search 社区": '{ search(text: "社区", first: 20) { id } }',
    "neighborhood(street, 2)": '{ neighborhood(id: "%(street)s", depth: 2) { nodes { id } } }',
    "unit members": '{ unit(id: "%(unit)s") { members { id phone } pairedCommunities { id } } }',
}


def token(role: str, scope: str | None) -> str:
    args = [CLI, "token", "--role", role]
    if scope:
        args += ["--scope", scope]
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout.strip()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--district", required=True)
    parser.add_argument("--street", required=True)
    parser.add_argument("--unit", required=True)
    ids = vars(parser.parse_args())
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = subprocess.Popen(
        [CLI, "serve", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=os.environ,
    )
    try:
        url = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                if httpx.get(url + "/readyz").status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.2)
        viewers = {
            "admin": token("admin", None),
            "district": token("district", ids["district"]),
            "street": token("street", ids["street"]),
            "unit": token("unit", ids["unit"]),
        }
        print("| query | " + " | ".join(f"{v} ms" for v in viewers) + " |")
        print("|---|" + "---:|" * len(viewers))
        for name, text in QUERIES.items():
            cells = []
            for tok in viewers.values():
                headers = {"Authorization": f"Bearer {tok}"}
                times = []
                for _ in range(5):
                    start = time.perf_counter()
                    answer = httpx.post(
                        url + "/graphql", json={"query": text % ids}, headers=headers, timeout=120
                    ).json()
                    times.append((time.perf_counter() - start) * 1000)
                forbidden = any(
                    e["extensions"]["code"] in ("FORBIDDEN", "NOT_FOUND")
                    for e in answer.get("errors") or []
                )
                cells.append("refused" if forbidden else f"{statistics.median(times):.0f}")
            print(f"| {name} | " + " | ".join(cells) + " |")
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
