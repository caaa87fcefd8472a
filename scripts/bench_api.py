"""Benchmark (issue 12): the API against its floor and against naive resolvers, in one
interleaved run, then throughput under concurrent clients.

For each query, in every round, in rotating order:
  A   the API over real HTTP (uvicorn serving partygraph's app; a minimal keep-alive HTTP/1.1
      client, as httpx's own 2 ms a request would count as the service's; an admin token);
  A0  the same from another checkout (--before DIR: a git worktree of an earlier commit);
  B   the floor: the statements A sent for that query (captured once in-process), replayed
      straight through the neo4j async driver, each in a read transaction of its own, in the
      order sent (sequentially: the API may run statements of one level concurrently), every
      record consumed;
  C   naive resolvers (nested queries only): the same service whose batch loaders send one
      statement per parent.
Then requests/s and latency for one query at 1, 4, 16 and 64 concurrent clients (each its own
token: the per-viewer limit PARTYGRAPH_MAX_CONCURRENT stays as configured), for the API with 1
and 2 worker processes and for the driver floor. It reports; it never asserts timings.

    .venv/bin/python scripts/bench_api.py [--engine neo4j] [--profile chengdu,shinan]
        [--home DIR] [--before DIR] [--rounds 30] [--seconds 5] [--json FILE]

A and C run the checkout this process imports partygraph from (PYTHONPATH=DIR measures
another as A); each server is `uvicorn --factory` on scripts/bench_naive.py, which builds the
app with the checkout's `partygraph.app:factory` where it has one, else `create_app`.

--home DIR reuses an engine already seeded (PARTYGRAPH_HOME=DIR and the engine's other
PARTYGRAPH_* variables in the environment, as `partygraph` itself reads them); nothing is
written there (the servers sign tokens with a secret of the benchmark's own).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import os
import secrets
import subprocess
import sys
import tempfile
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import AsyncExitStack, ExitStack, asynccontextmanager, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import neo4j
from bench_support import Fresh, free_port, fresh_engine, median_p95

import partygraph
from partygraph import auth
from partygraph.app import create_app
from partygraph.config import Settings
from partygraph.connection import Connection, connection_for
from partygraph.engine import KINDS, engine_of
from partygraph.statement_log import counting_statements

SCRIPTS = Path(__file__).resolve().parent
# The checkout A and C are served from: the one this process imports (PYTHONPATH may name
# another, e.g. a copy of a commit, to measure it as A).
REPO = Path(partygraph.__file__).resolve().parent.parent
RAISED_COST = 10_000_000  # when a query of the table is refused at the configured limit


@dataclass(frozen=True)
class Query:
    name: str
    text: str  # %(key)s: ids picked from the graph (pick_ids)
    nested: bool = False  # whether naive resolvers (C) differ: lists below lists


QUERIES = [
    # Issue 12's table.
    Query("node(id) of a grid", '{ node(id: "%(grid)s") { id label name ... on Grid { level } } }'),
    Query(
        "grid.pairedUnits",
        '{ grid(id: "%(grid)s") { id name pairedUnits { id name category } } }',
        nested=True,
    ),
    Query(
        "100 communities → grids → pairedUnits",
        "{ communities(first: 100) { edges { node { id name "
        "grids { id name pairedUnits { id name } } } } } }",
        nested=True,
    ),
    Query(
        "community.unreportedMembers(first: 100)",
        '{ community(id: "%(community)s") { unreportedMembers(first: 100) '
        "{ edges { node { id name residence { id name } } } } } }",
        nested=True,
    ),
    Query(
        "shortestPath, length %(path_length)s",
        '{ shortestPath(from: "%(path_from)s", to: "%(path_to)s", maxHops: 6) '
        "{ length nodes { id label name } relationships { type from to } } }",
    ),
    Query(
        "coverageGaps of a district",
        '{ coverageGaps(areaId: "%(district)s") { communitiesWithoutContactLeader { id name } '
        "communitiesWithoutPairedUnit { id name } gridsWithoutPartyBranch { id name } "
        "gridsUnderStaffed { grid { id name } cadres volunteers } "
        "buildingGridsMissingRoles { grid { id name } missing } } }",
    ),
    Query(
        "100 streets → communities → projects",
        "{ streets(first: 100) { edges { node { id name communities { id name "
        "projects { id name category status startDate endDate budget } } } } } }",
        nested=True,
    ),
    # A few more of each question group.
    Query(
        "nodes(100 grid ids)",
        "{ nodes(ids: [%(grid_ids)s]) { id label name ... on Grid { level kind } } }",
    ),
    Query(
        "unit → pairedCommunities, projects → communities",
        '{ unit(id: "%(unit)s") { id name pairedCommunities { id name } '
        "projects { id name communities { id name } } } }",
        nested=True,
    ),
    Query(
        "requests of a street (first: 100)",
        '{ requests(areaId: "%(request_area)s", first: 100) { totalCount edges { node '
        "{ id status raisedAt overdue grid { id name } firstResponsible { id name } } } } }",
        nested=True,
    ),
    Query(
        "requestStatsByArea of a district",
        '{ requestStatsByArea(areaId: "%(district)s") { area { id name } total closed '
        "overdue closureRate averageHoursToClose } }",
    ),
    Query(
        "openDemands of a community",
        '{ openDemands(communityId: "%(demand_community)s") { demand { id name category } '
        "matchingUnits { unit { id name } paired resources { id name } } } }",
    ),
    Query(
        "reportingSummary of a street",
        '{ reportingSummary(areaId: "%(street)s") { community { id name } residing reported '
        "unreported } }",
    ),
    Query(
        "contactLeaders of a district",
        '{ contactLeaders(areaId: "%(district)s") { person { id name } '
        "communities { id } grids { id } } }",
    ),
    Query(
        "neighborhood of a community, depth 2",
        '{ neighborhood(id: "%(community)s", depth: 2) { nodes { id label name } '
        "relationships { type from to } truncated } }",
    ),
    Query(
        "search a name",
        '{ search(text: "%(search)s", first: 20) { id label name } }',
    ),
]

# Ids the queries ask about, picked from the graph: the first statement that answers wins.
PICKS: dict[str, list[str]] = {
    "grid": [
        "MATCH (g:Grid)-[:IN*0..8]->(p)<-[:PAIRED_WITH]-(u:Unit) WHERE p:Grid OR p:Community "
        "WITH g.id AS id, count(DISTINCT u) AS n RETURN id ORDER BY n DESC, id LIMIT 1",
        "MATCH (g:Grid) RETURN g.id AS id ORDER BY id LIMIT 1",
    ],
    "community": [
        "MATCH (p:Person)-[:RESIDES_IN]->()-[:IN*0..8]->(c:Community) "
        "WITH c.id AS id, count(DISTINCT p) AS n RETURN id ORDER BY n DESC, id LIMIT 1",
        "MATCH (c:Community) RETURN c.id AS id ORDER BY id LIMIT 1",
    ],
    "district": [
        "MATCH (c:Community)-[:IN]->(:Street)-[:IN]->(d:District) "
        "WITH d.id AS id, count(c) AS n RETURN id ORDER BY n DESC, id LIMIT 1",
    ],
    "street": [
        "MATCH (c:Community)-[:IN]->(s:Street) "
        "WITH s.id AS id, count(c) AS n RETURN id ORDER BY n DESC, id LIMIT 1",
    ],
    "request_area": [
        "MATCH (r:Request)-[:IN]->(:Grid)-[:IN*0..8]->(:Community)-[:IN]->(s:Street) "
        "WITH s.id AS id, count(DISTINCT r) AS n RETURN id ORDER BY n DESC, id LIMIT 1",
        "MATCH (c:Community)-[:IN]->(s:Street) RETURN s.id AS id ORDER BY id LIMIT 1",
    ],
    "unit": [
        "MATCH (u:Unit)<-[:BY]-(:Project) WITH u.id AS id, count(*) AS n "
        "RETURN id ORDER BY n DESC, id LIMIT 1",
        "MATCH (u:Unit)-[:PAIRED_WITH]->() WITH u.id AS id, count(*) AS n "
        "RETURN id ORDER BY n DESC, id LIMIT 1",
    ],
    "demand_community": [
        "MATCH (:Demand)-[:IN]->(c:Community) WITH c.id AS id, count(*) AS n "
        "RETURN id ORDER BY n DESC, id LIMIT 1",
        "MATCH (c:Community) RETURN c.id AS id ORDER BY id LIMIT 1",
    ],
}
GRID_IDS = "MATCH (g:Grid) RETURN g.id AS id ORDER BY id LIMIT 100"
PATH_FROM = "MATCH (p:Person)-[:MEMBER_OF]->() RETURN p.id AS id ORDER BY id LIMIT 1"
PATH_TARGETS = (
    "MATCH (u:Unit) WITH u.id AS id ORDER BY id WITH collect(id) AS ids "
    "UNWIND range(0, size(ids) - 1, toInteger(ceil(size(ids) / 12.0))) AS i RETURN ids[i] AS id"
)
PATH_WANTED = 6


# ---- the graph: ids, statements, the floor -------------------------------------------------


async def first_id(driver: neo4j.AsyncDriver, database: str, statements: list[str]) -> str:
    for statement in statements:
        found = await driver.execute_query(statement, database_=database)
        if found.records and found.records[0]["id"] is not None:
            return str(found.records[0]["id"])
    raise SystemExit(f"the graph has nothing to ask about ({statements[0]})")


async def pick_ids(
    driver: neo4j.AsyncDriver, database: str, ask: Callable[[str], Awaitable[dict[str, Any]]]
) -> dict[str, str]:
    ids = {key: await first_id(driver, database, choices) for key, choices in PICKS.items()}
    grids = await driver.execute_query(GRID_IDS, database_=database)
    ids["grid_ids"] = ", ".join(json.dumps(r["id"]) for r in grids.records)
    found = await driver.execute_query(
        "MATCH (c:Community {id: $id}) RETURN c.name AS name",
        id=ids["community"],
        database_=database,
    )
    name = str(found.records[0]["name"] or "社区") if found.records else "社区"
    ids["search"] = name[:2]
    # A path as close to PATH_WANTED hops as the first candidates give, asked of the API.
    source = await first_id(driver, database, [PATH_FROM, PICKS["community"][-1]])
    targets = [
        r["id"] for r in (await driver.execute_query(PATH_TARGETS, database_=database)).records
    ]
    best = (0, source)
    for target in targets or [ids["community"]]:
        text = f'{{ shortestPath(from: "{source}", to: "{target}", maxHops: 6) {{ length }} }}'
        path = ((await ask(text)).get("data") or {}).get("shortestPath")
        length = path["length"] if path else 0
        if length > best[0]:
            best = (length, target)
        if length >= PATH_WANTED:
            break
    ids.update(path_from=source, path_to=best[1], path_length=str(best[0]))
    return ids


Statements = list[tuple[str, dict[str, Any]]]


def for_engine(statements: Statements, arcadedb: bool) -> Statements:
    """As the service sends them: on ArcadeDB a parameter a "$…" string names is renamed."""
    if not arcadedb:
        return statements
    from partygraph.arcadedb_params import unshadowed  # the service's own, not a copy of it

    return [unshadowed(query, dict(params)) for query, params in statements]


async def replay(driver: neo4j.AsyncDriver, database: str, statements: Statements) -> int:
    """Each statement as the driver's own execute_query runs it: a managed read transaction,
    retried like the service's, BEGIN sent with the statement, every record read."""
    rows = 0
    for query, params in statements:
        found = await driver.execute_query(
            query, params, database_=database, routing_=neo4j.RoutingControl.READ
        )
        rows += len(found.records)
    return rows


# ---- HTTP ----------------------------------------------------------------------------------


@dataclass
class Answer:
    status: int
    body: dict[str, Any]
    size: int

    @property
    def codes(self) -> list[str]:
        errors = self.body.get("errors") or []
        return [str((e.get("extensions") or {}).get("code")) for e in errors]

    @property
    def statements(self) -> int | None:
        return (self.body.get("extensions") or {}).get("statements")


async def post(http: httpx.AsyncClient, url: str, token: str, text: str) -> Answer:
    response = await http.post(
        url + "/graphql",
        content=json.dumps({"query": text}),
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
    )
    try:
        body = response.json()
    except ValueError:  # not GraphQL's answer (a crash answered in plain text)
        error = {"message": response.text[:300], "extensions": {"code": "NOT_JSON"}}
        body = {"errors": [error]}
    return Answer(response.status_code, body, len(response.content))


class Http11:
    """A minimal keep-alive HTTP/1.1 client for the timings: httpx spends some 2 ms of its own
    on each request (measured against this client on `{ __typename }`: 3.0 ms against 1.0),
    which would be counted as the service's. One connection, one request at a time."""

    def __init__(self, url: str) -> None:
        host, _, port = url.removeprefix("http://").partition(":")
        self.host, self.port = host, int(port)
        self.streams: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None = None

    async def post(self, token: str, text: str) -> Answer:
        body = json.dumps({"query": text}).encode()
        head = (
            f"POST /graphql HTTP/1.1\r\nHost: {self.host}\r\n"
            f"Authorization: Bearer {token}\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(body)}\r\n\r\n"
        ).encode()
        reused = self.streams is not None
        try:
            return await self._exchange(head + body)
        except (OSError, asyncio.IncompleteReadError):
            await self.close()
            if not reused:
                raise
            # The server closed the idle connection (uvicorn keeps one 5 s): once more, anew.
            return await self._exchange(head + body)

    async def _exchange(self, request: bytes) -> Answer:
        if self.streams is None:
            self.streams = await asyncio.open_connection(self.host, self.port)
        reader, writer = self.streams
        writer.write(request)
        await writer.drain()
        status_line, *lines = (await reader.readuntil(b"\r\n\r\n")).decode().split("\r\n")
        headers = {
            name.strip().lower(): value.strip()
            for name, _, value in (line.partition(":") for line in lines if line)
        }
        content = await reader.readexactly(int(headers["content-length"]))
        if headers.get("connection", "").lower() == "close":
            await self.close()
        try:
            answer = json.loads(content)
        except ValueError:
            answer = {"errors": [{"message": content[:300].decode(errors="replace")}]}
        return Answer(int(status_line.split()[1]), answer, len(content))

    async def close(self) -> None:
        if self.streams is not None:
            self.streams[1].close()
            self.streams = None


def objects(value: Any) -> int:
    """JSON objects in an answer's data (the data object itself not counted)."""
    if isinstance(value, dict):
        return 1 + sum(objects(v) for v in value.values())
    if isinstance(value, list):
        return sum(objects(v) for v in value)
    return 0


@dataclass
class Server:
    name: str
    process: subprocess.Popen[bytes]
    url: str
    log: Path

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def start_server(
    name: str, factory: str, env: dict[str, str], workers: int, checkout: Path, logs: Path
) -> Server:
    """uvicorn serving scripts/bench_naive.py's `factory` with `checkout`'s partygraph."""
    port = free_port()
    log = logs / f"{name}-{workers}.log"
    command = [
        sys.executable, "-m", "uvicorn", "--factory", f"bench_naive:{factory}",
        "--app-dir", str(SCRIPTS), "--host", "127.0.0.1", "--port", str(port),
        "--workers", str(workers), "--log-level", "warning", "--no-access-log",
    ]  # fmt: skip
    process = subprocess.Popen(
        command,
        cwd=checkout,
        env={**env, "PYTHONPATH": str(checkout)},
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
    )
    server = Server(name, process, f"http://127.0.0.1:{port}", log)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            break
        try:
            if httpx.get(server.url + "/readyz", timeout=5).status_code == 200:
                return server
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    server.stop()
    raise SystemExit(f"{name} did not become ready:\n{log.read_text()[-3000:]}")


def partygraph_of(checkout: Path, env: dict[str, str]) -> str:
    """Where `checkout`'s servers import partygraph from (it must be the checkout's own)."""
    done = subprocess.run(
        [sys.executable, "-c", "import partygraph; print(partygraph.__file__)"],
        cwd=checkout,
        env={**env, "PYTHONPATH": str(checkout)},
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.strip()


# ---- CPU accounting (Linux /proc) ------------------------------------------------------------


def _descendants(pid: int) -> list[int]:
    found = [pid]
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return found
    for child in children:
        found.extend(_descendants(int(child)))
    return found


def cpu_seconds(pid: int | None) -> float:
    """CPU time of a process and its descendants (what uvicorn's workers use)."""
    if pid is None:
        return 0.0
    total = 0
    for one in _descendants(pid):
        try:
            fields = Path(f"/proc/{one}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / os.sysconf("SC_CLK_TCK")


# ---- the run -------------------------------------------------------------------------------


@dataclass
class Row:
    query: Query
    text: str
    name: str
    statements: int
    floor: Statements
    objects: int
    size: int
    systems: list[str]
    naive_statements: int | None = None
    before_statements: int | None = None
    samples: dict[str, list[float]] = field(default_factory=dict)
    note: str = ""


@dataclass
class Setup:
    kind: str
    settings: Settings
    env: dict[str, str]  # for the servers
    label: str  # what graph this is


def settings_of(env: dict[str, str]) -> Settings:
    values: dict[str, Any] = {
        k: v for k, v in env.items() if k.startswith(("PARTYGRAPH_", "NEO4J_"))
    }
    return Settings(**values)


@asynccontextmanager
async def in_process(
    settings: Settings, connection: Connection
) -> AsyncIterator[httpx.AsyncClient]:
    """The current checkout's app without a server: to capture the statements a query sends."""
    app = create_app(settings, connection)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as http:
            yield http


async def capture(
    settings: Settings,
    connection: Connection,
    token: str,
    wanted: list[Query],
    texts: dict[str, str],
    ids: dict[str, str],
    arcadedb: bool,
) -> list[Row]:
    """What each query sends (replayed as B), run once in-process; its answer checked."""
    rows: list[Row] = []
    async with in_process(settings, connection) as http:
        for q in wanted:
            with counting_statements(keep_sent=True) as log:  # the service's logs nest in it
                answer = await post(http, "", token, texts[q.name])
            sent: Statements = log.sent
            if answer.status != 200 or answer.codes:
                raise SystemExit(f"{q.name % ids}: {answer.status} {answer.body.get('errors')}")
            systems = ["A", "B"] + (["C"] if q.nested else [])
            rows.append(
                Row(
                    q, texts[q.name], q.name % ids, len(sent),
                    for_engine(sent, arcadedb),
                    objects(answer.body.get("data")) - 1, answer.size, systems,
                )
            )  # fmt: skip
    return rows


STARTED = time.monotonic()


def progress(message: str) -> None:
    print(f"[{time.monotonic() - STARTED:6.1f} s] {message}", file=sys.stderr, flush=True)


def ms(start: float) -> float:
    return (time.perf_counter() - start) * 1000


async def run(args: argparse.Namespace, setup: Setup, logs: Path) -> dict[str, Any]:
    settings = setup.settings
    connection = connection_for(settings, start_engine=False)
    token = auth.mint(settings, auth.Role.ADMIN, subject="bench")
    driver = neo4j.AsyncGraphDatabase.driver(
        connection.uri,
        auth=(connection.user, connection.password),
        notifications_min_severity="OFF",  # as the service's driver
    )
    database = connection.database
    arcadedb = "arcadedb" in (await driver.get_server_info()).agent.lower()
    notes: list[str] = []
    try:
        async with in_process(settings, connection) as http0:

            async def ask0(text: str) -> dict[str, Any]:
                return (await post(http0, "", token, text)).body

            progress("picking ids…")
            ids = await pick_ids(driver, database, ask0)
            wanted = [
                q for q in QUERIES if not args.queries or any(s in q.name for s in args.queries)
            ]
            texts = {q.name: q.text % ids for q in wanted}
            # The configured cost limit first: a query of the table it refuses raises it.
            max_cost = args.max_cost
            if max_cost is None:
                refused = []
                for q in wanted:
                    answer = await post(http0, "", token, texts[q.name])
                    if "QUERY_TOO_COMPLEX" in answer.codes:
                        refused.append(q.name % ids)
                if refused:
                    max_cost = RAISED_COST
                    notes.append(
                        f"PARTYGRAPH_MAX_COST raised from {settings.max_cost:,} to "
                        f"{max_cost:,} for the bench's servers; refused at "
                        f"{settings.max_cost:,}: {'; '.join(refused)}"
                    )
        env = dict(setup.env)
        if setup.kind == "arcadedb" and args.workers != [1]:
            args.workers = [1]
            notes.append(
                "ArcadeDB: one service process, as `partygraph serve` allows there (it orders a "
                "member's reports within its process)"
            )
        if args.statement_timeout is not None:
            env["PARTYGRAPH_STATEMENT_TIMEOUT"] = str(args.statement_timeout)
            settings = settings.model_copy(update={"statement_timeout": args.statement_timeout})
            notes.append(
                f"PARTYGRAPH_STATEMENT_TIMEOUT {args.statement_timeout:g} s for the bench's servers"
            )
        if max_cost is not None:
            env["PARTYGRAPH_MAX_COST"] = str(max_cost)
            settings = settings.model_copy(update={"max_cost": max_cost})
        rows = await capture(settings, connection, token, wanted, texts, ids, arcadedb)

        progress("starting the servers…")
        servers: dict[str, Server] = {}
        with ExitStack() as running:
            for name, factory, checkout in [
                ("A", "api", REPO),
                ("C", "naive", REPO),
                *([("A0", "api", args.before)] if args.before else []),
            ]:
                server = start_server(name, factory, env, 1, checkout, logs)
                running.callback(server.stop)
                servers[name] = server
            limits = httpx.Limits(max_connections=100, max_keepalive_connections=100)
            async with httpx.AsyncClient(timeout=600, limits=limits) as http:
                await check_answers(http, servers, token, rows)
                await interleaved(driver, database, servers, token, rows, args)
                throughput = await measure_throughput(
                    env, settings, setup, rows, args, logs, servers
                )
    finally:
        await driver.close()
    return report(args, setup, ids, rows, throughput, notes)


async def check_answers(
    http: httpx.AsyncClient, servers: dict[str, Server], token: str, rows: list[Row]
) -> None:
    """Each answer without errors; the naive one the same as the API's."""
    for row in rows:
        answers = {}
        for name in row.systems + (["A0"] if "A0" in servers else []):
            if name == "B":
                continue
            answer = await post(http, servers[name].url, token, row.text)
            answers[name] = answer
            if answer.status != 200 or answer.codes:
                if name == "A0":  # the earlier checkout may not have it
                    row.note = f"A0: {answer.status} {','.join(answer.codes)}"
                    continue
                log = servers[name].log.read_text(errors="replace")[-4000:]
                raise SystemExit(f"{row.name} ({name}): {answer.status} {answer.body}\n{log}")
            if name == "A0":
                row.systems.insert(1, "A0")
        if "C" in answers and answers["C"].body.get("data") != answers["A"].body.get("data"):
            raise SystemExit(f"{row.name}: the naive service answers differently")
        row.naive_statements = answers["C"].statements if "C" in answers else None
        row.before_statements = answers["A0"].statements if "A0" in answers else None


async def interleaved(
    driver: neo4j.AsyncDriver,
    database: str,
    servers: dict[str, Server],
    token: str,
    rows: list[Row],
    args: argparse.Namespace,
) -> None:
    total = args.warmup + args.rounds
    clients = {name: Http11(server.url) for name, server in servers.items()}
    for round_ in range(total):
        progress(f"round {round_ + 1}/{total}")
        for index, row in enumerate(rows):
            turn = (round_ + index) % len(row.systems)
            for name in row.systems[turn:] + row.systems[:turn]:
                start = time.perf_counter()
                if name == "B":
                    await replay(driver, database, row.floor)
                else:
                    await clients[name].post(token, row.text)
                elapsed = ms(start)
                if round_ >= args.warmup:
                    row.samples.setdefault(name, []).append(elapsed)
    for client in clients.values():
        await client.close()


@dataclass
class Load:
    system: str
    workers: int | None
    clients: int
    requests: int
    errors: int
    seconds: float
    latencies: list[float]
    cpu: dict[str, float]  # share of one core: client, service, engine
    error: str | None  # the first one


# One load process drives at most this many clients: a single Python process is itself the
# bottleneck well before 64 keep-alive clients (measured: 97 requests/s from one process
# against 417 from four, on the same service).
CLIENTS_PER_PROCESS = 16


@dataclass(frozen=True)
class Target:
    """What a load process calls: the API over HTTP (`url`, one token per client) or, with no
    url, the floor's statements through the driver."""

    text: str
    url: str | None = None
    tokens: tuple[str, ...] = ()
    connection: Connection | None = None
    statements: Statements = field(default_factory=list)


def _load_process(
    target: Target, first: int, clients: int, start_at: float, seconds: float
) -> tuple[list[float], list[str], float]:
    """One load process: clients `first`… call the target until `start_at` (warming up) and
    then for `seconds`; their latencies and errors in that window, and the CPU it took."""
    return asyncio.run(_load_clients(target, first, clients, start_at, seconds))


async def _load_clients(
    target: Target, first: int, clients: int, start_at: float, seconds: float
) -> tuple[list[float], list[str], float]:
    latencies: list[float] = []
    errors: list[str] = []
    cpu = 0.0
    connections = [Http11(target.url or "http://127.0.0.1:0") for _ in range(clients)]
    async with AsyncExitStack() as stack:
        for connection in connections:
            stack.push_async_callback(connection.close)
        driver: neo4j.AsyncDriver | None = None
        if target.connection is not None:
            c = target.connection
            driver = neo4j.AsyncGraphDatabase.driver(c.uri, auth=(c.user, c.password))
            stack.push_async_callback(driver.close)

        async def call(client: int) -> str | None:
            if driver is not None and target.connection is not None:
                await replay(driver, target.connection.database, target.statements)
                return None
            try:
                connection = connections[client - first]
                answer = await connection.post(target.tokens[client], target.text)
            except (OSError, asyncio.IncompleteReadError) as exc:  # counted, as a refusal is
                await connection.close()
                return f"{type(exc).__name__}: {exc}"
            if answer.status == 200 and not answer.codes:
                return None
            return f"HTTP {answer.status}: {(answer.body.get('errors') or [None])[0]}"

        end = start_at + seconds

        async def client(number: int) -> None:
            while time.time() < end:
                started = time.perf_counter()
                error = await call(number)
                if start_at <= time.time() <= end:
                    latencies.append(ms(started))
                    if error is not None:
                        errors.append(error)

        while time.time() < start_at - 0.5:  # a client each before the window: connections
            await call(first)
        cpu = time.process_time()
        await asyncio.gather(*(client(first + n) for n in range(clients)))
        cpu = time.process_time() - cpu
    return latencies, errors, cpu


async def load(
    target: Target, clients: int, seconds: float, warm: float
) -> tuple[int, list[str], list[float], float]:
    """`clients` loops calling the target for `seconds` after `warm` seconds of warming up,
    spread over load processes: requests, errors, latencies, and the load processes' CPU."""
    counts = [CLIENTS_PER_PROCESS] * (clients // CLIENTS_PER_PROCESS)
    if clients % CLIENTS_PER_PROCESS:
        counts.append(clients % CLIENTS_PER_PROCESS)
    start_at = time.time() + warm + 2.0  # every process started and warm by then
    loop = asyncio.get_running_loop()
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(len(counts), mp_context=context) as pool:
        runs = [
            loop.run_in_executor(
                pool, _load_process, target, sum(counts[:n]), count, start_at, seconds
            )
            for n, count in enumerate(counts)
        ]
        done = await asyncio.gather(*runs)
    latencies = [value for found, _, _ in done for value in found]
    errors = [error for _, found, _ in done for error in found]
    return len(latencies), errors, latencies, sum(cpu for _, _, cpu in done)


async def measure_throughput(
    env: dict[str, str],
    settings: Settings,
    setup: Setup,
    rows: list[Row],
    args: argparse.Namespace,
    logs: Path,
    servers: dict[str, Server],
) -> list[Load]:
    if args.seconds <= 0:
        return []
    row = next((r for r in rows if r.query.name == args.throughput_query), None)
    if row is None:
        return []
    # One token per client: the per-viewer limit counts a viewer's requests in flight.
    tokens = [
        auth.mint(settings, auth.Role.ADMIN, subject=f"bench-{n}") for n in range(max(args.clients))
    ]
    engine_pid = engine_of(settings, setup.kind).pid()
    results: list[Load] = []

    async def measured(
        system: str, workers: int | None, server: Server | None, target: Target
    ) -> None:
        pid = server.process.pid if server else None
        for clients in args.clients:
            progress(f"throughput {system} ×{workers or '-'}: {clients} clients")
            warm = min(args.seconds / 2, 1.0)  # connections, plans
            window = asyncio.ensure_future(load(target, clients, args.seconds, warm))
            await asyncio.sleep(warm + 2.0)  # the load processes' window starts
            before = (cpu_seconds(pid), cpu_seconds(engine_pid))
            await asyncio.sleep(args.seconds)
            after = (cpu_seconds(pid), cpu_seconds(engine_pid))
            done, errors, latencies, client_cpu = await window
            wall = args.seconds
            cpu = {"client": round(100 * client_cpu / wall, 1)}
            for part, a, b in zip(("service", "engine"), before, after, strict=True):
                cpu[part] = round(100 * (b - a) / wall, 1)
            if pid is None:
                cpu.pop("service")
            first = errors[0] if errors else None
            if first and server:  # what the service said about it
                tail = server.log.read_text(errors="replace").strip().splitlines()[-3:]
                first += " | service log: " + " / ".join(tail)
            results.append(
                Load(system, workers, clients, done, len(errors), wall, latencies, cpu, first)
            )

    def over_http(url: str) -> Target:
        return Target(row.text, url=url, tokens=tuple(tokens))

    floor = Target(
        row.text, connection=connection_for(settings, start_engine=False), statements=row.floor
    )

    await measured("B", None, None, floor)
    for workers in args.workers:
        for name, checkout in [("A", REPO), *([("A0", args.before)] if args.before else [])]:
            if workers == 1:
                server = servers[name]
                await measured(name, workers, server, over_http(server.url))
                continue
            server = start_server(name, "api", env, workers, checkout, logs)
            try:
                await measured(name, workers, server, over_http(server.url))
            finally:
                server.stop()
    return results


# ---- the report ----------------------------------------------------------------------------


def _cell(samples: list[float] | None) -> str:
    if not samples:
        return "–"
    median, p95 = median_p95(samples)
    return f"{median:.1f} / {p95:.1f}"


def _ratio(top: list[float] | None, bottom: list[float] | None) -> str:
    if not top or not bottom:
        return "–"
    return f"{median_p95(top)[0] / median_p95(bottom)[0]:.2f}×"


def _figures(samples: list[float] | None) -> dict[str, float] | None:
    if not samples:
        return None
    median, p95 = median_p95(samples)
    return {"p50_ms": round(median, 2), "p95_ms": round(p95, 2), "n": len(samples)}


def report(
    args: argparse.Namespace,
    setup: Setup,
    ids: dict[str, str],
    rows: list[Row],
    throughput: list[Load],
    notes: list[str],
) -> dict[str, Any]:
    before = bool(args.before)
    print(f"\n{setup.label}; {args.rounds} rounds after {args.warmup} warm-up, interleaved")
    print("A: API over HTTP, B: its statements through the driver (sequential), C: naive")
    print(
        "resolvers (one statement per parent); p50 / p95 in ms"
        + ("; A0: --before" if before else "")
    )
    built = "partygraph.app:factory" if _project_factory() else "create_app"
    print(f"A, C: {REPO}" + (f"; A0: {args.before}" if before else ""))
    print(f"served by uvicorn --factory scripts/bench_naive.py (which calls {built})")
    for note in notes:
        print(f"note: {note}")
    head = "| query | statements | objects | KB | A | B | C | A/B | C/A |"
    rule = "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
    if before:
        head += " A0 | A0/A |"
        rule += "---:|---:|"
    print("\n" + head + "\n" + rule)
    for row in rows:
        s = row.samples
        statements = str(row.statements)
        if row.naive_statements is not None:
            statements += f" (C {row.naive_statements})"
        cells = [
            row.name, statements, str(row.objects), f"{row.size / 1024:.0f}",
            _cell(s.get("A")), _cell(s.get("B")), _cell(s.get("C")),
            _ratio(s.get("A"), s.get("B")), _ratio(s.get("C"), s.get("A")),
        ]  # fmt: skip
        if before:
            cells += [_cell(s.get("A0")) if "A0" in s else row.note or "–",
                      _ratio(s.get("A0"), s.get("A"))]  # fmt: skip
        print("| " + " | ".join(cells) + " |", flush=True)
    if throughput:
        print(f"\nthroughput: {args.throughput_query}, {args.seconds:g} s per cell; CPU in % of")
        print("one core (the bench's client, the service's processes, the engine)\n")
        print("| system | workers | clients | requests/s | p50 ms | p95 ms | errors | CPU c/s/e |")
        print("|---|---:|---:|---:|---:|---:|---:|---|")
        for cell in throughput:
            p50, p95 = median_p95(cell.latencies) if cell.latencies else (0.0, 0.0)
            cpu = "/".join(f"{v:.0f}" for v in cell.cpu.values())
            print(
                f"| {cell.system} | {cell.workers or '–'} | {cell.clients} | "
                f"{cell.requests / cell.seconds:.0f} | {p50:.1f} | {p95:.1f} | {cell.errors} | "
                f"{cpu} |",
                flush=True,
            )
        for cell in throughput:
            if cell.error:
                print(f"first error of {cell.system} ×{cell.workers}, {cell.clients}: {cell.error}")
    return {
        "graph": setup.label,
        "engine": setup.kind,
        "rounds": args.rounds,
        "workers": args.workers,
        "warmup": args.warmup,
        "before": str(args.before) if args.before else None,
        "project_factory": _project_factory(),
        "notes": notes,
        "ids": ids,
        "queries": [
            {
                "query": row.name,
                "text": row.text,
                "statements": row.statements,
                "naive_statements": row.naive_statements,
                "before_statements": row.before_statements,
                "objects": row.objects,
                "bytes": row.size,
                **{name: _figures(row.samples.get(name)) for name in ("A", "A0", "B", "C")},
                "note": row.note or None,
            }
            for row in rows
        ],
        "throughput": [
            {
                "system": c.system,
                "workers": c.workers,
                "clients": c.clients,
                "requests_per_s": round(c.requests / c.seconds, 1),
                "p50_ms": round(median_p95(c.latencies)[0], 2) if c.latencies else None,
                "p95_ms": round(median_p95(c.latencies)[1], 2) if c.latencies else None,
                "errors": c.errors,
                "cpu_percent": c.cpu,
                "first_error": c.error,
            }
            for c in throughput
        ],
    }


def _project_factory() -> bool:
    sys.path.insert(0, str(SCRIPTS))
    from bench_naive import uses_project_factory

    return uses_project_factory()


# ---- engines -------------------------------------------------------------------------------


@contextmanager
def engine_setup(args: argparse.Namespace) -> Iterator[Setup]:
    secret = "bench-" + secrets.token_hex(24)  # nothing written into the engine's home
    if args.home:
        env = dict(os.environ)
        env.update(PARTYGRAPH_HOME=str(args.home), PARTYGRAPH_SECRET=secret)
        if args.engine:
            env["PARTYGRAPH_ENGINE"] = args.engine
        kind = env.get("PARTYGRAPH_ENGINE")
        if kind not in KINDS:
            raise SystemExit("--home needs PARTYGRAPH_ENGINE (or --engine): neo4j or arcadedb")
        yield Setup(kind, settings_of(env), env, f"{kind}, the graph at {args.home}")
        return
    kind = args.engine or "neo4j"
    with fresh_engine(kind) as fresh:
        seeded = seed(fresh, args.profile)
        env = {**fresh.env, "PARTYGRAPH_SECRET": secret}
        yield Setup(kind, settings_of(env), env, f"{kind}, a fresh engine with {seeded}")


def seed(fresh: Fresh, profiles: list[str]) -> str:
    for profile in profiles:
        progress(f"seed {profile}…")
        fresh.cli("seed", profile)
    return " + ".join(profiles)


def _list(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def _ints(text: str) -> list[int]:
    return [int(part) for part in _list(text)]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--engine", choices=KINDS, help="default: neo4j (--home: its env)")
    parser.add_argument(
        "--profile", type=_list, default=["chengdu"], help="seed profiles, comma-separated"
    )
    parser.add_argument("--home", type=Path, help="reuse the seeded engine of this home")
    parser.add_argument("--before", type=Path, help="another checkout, served as column A0")
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--warmup", type=int, default=3, help="rounds not counted")
    parser.add_argument("--queries", type=_list, help="only queries whose name contains these")
    parser.add_argument("--max-cost", type=int, help="PARTYGRAPH_MAX_COST for the servers")
    parser.add_argument(
        "--statement-timeout",
        type=float,
        default=300.0,
        help="PARTYGRAPH_STATEMENT_TIMEOUT for the servers (seconds; the big lists of a loaded "
        "machine can pass the default 30)",
    )
    parser.add_argument("--seconds", type=float, default=5.0, help="per throughput cell; 0: none")
    parser.add_argument("--clients", type=_ints, default=[1, 4, 16, 64])
    parser.add_argument("--workers", type=_ints, default=[1, 2], help="service processes")
    parser.add_argument("--throughput-query", default="grid.pairedUnits")
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()
    if args.before:
        args.before = args.before.resolve()
    with engine_setup(args) as setup, tempfile.TemporaryDirectory(prefix="bench-api-") as logs:
        if args.before:
            where = partygraph_of(args.before, setup.env)
            if not where.startswith(str(args.before)):
                raise SystemExit(f"--before {args.before}: partygraph is imported from {where}")
        results = asyncio.run(run(args, setup, Path(logs)))
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n")


if __name__ == "__main__":
    main()
