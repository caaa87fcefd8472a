"""`partygraph …` commands. Every command reads the same NEO4J_* settings and uses the local
development engine (started when needed) when NEO4J_URI is unset."""

from __future__ import annotations

import asyncio
import json
import math
import os
import sys
from collections.abc import Awaitable, Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

import typer
from pydantic import ValidationError
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

from partygraph import auth, import_format, published
from partygraph.config import Settings, get_settings, problems
from partygraph.connection import Connection, connection_for
from partygraph.db import Graph
from partygraph.engine import KINDS, EngineError, choose, engine_of
from partygraph.export import export_line, export_records
from partygraph.graph_errors import GraphError
from partygraph.importer import (
    ImportRejected,
    ImportSummary,
    import_lines,
    import_records,
    split_record_bytes,
)
from partygraph.migrate import migrate as apply_schema
from partygraph.seed.profiles import PROFILES, generator
from partygraph.seed.records import to_lines

app = typer.Typer(
    help="partygraph: the relationship service for party-building-led governance",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
engine_app = typer.Typer(
    help="The local graph engine: Neo4j (needs a JDK 17+ and Maven) or ArcadeDB (needs nothing).",
    no_args_is_help=True,
)
app.add_typer(engine_app, name="engine")
out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)
T = TypeVar("T")


def _fail(message: str, code: int = 1) -> typer.Exit:
    err.print(f"[red]error:[/red] {message}", highlight=False)
    return typer.Exit(code)


def _say(message: str) -> None:
    err.print(message, highlight=False)


@app.callback()
def _settings_first() -> None:
    """Settings check themselves (partygraph.config): a bad one stops every command, said
    plainly, before anything starts."""
    try:
        get_settings()
    except ValidationError as exc:
        wrong = "\n  ".join(problems(exc))
        raise _fail(f"the environment's settings are wrong:\n  {wrong}") from None


def _refuse_a_second_engine(settings: Settings, kind: str) -> None:
    """One engine runs in a home: both would want its ports."""
    for other in KINDS:
        running = engine_of(settings, other).pid()
        if other != kind and running is not None:
            raise _fail(
                f"the {other} engine runs in {settings.home} (pid {running}); stop it first: "
                f"partygraph engine stop --engine {other}"
            )


def _connect(settings: Settings) -> Connection:
    """The configured graph; the local engine is started (and announced) when needed."""
    if settings.uses_dev_engine:
        choice = choose(settings)
        _refuse_a_second_engine(settings, choice.kind)
        if engine_of(settings, choice.kind).pid() is None:
            _say(
                f"starting the local {choice.kind} engine (NEO4J_URI is not set; {choice.reason})…"
            )
    return connection_for(settings, announce=_say)


def _with_graph(settings: Settings, work: Callable[[Graph], Awaitable[T]]) -> T:
    async def run() -> T:
        graph = Graph(_connect(settings), settings)
        try:
            return await work(graph)
        finally:
            await graph.close()

    try:
        return asyncio.run(run())
    except EngineError as exc:
        raise _fail(str(exc)) from exc
    except GraphError as exc:
        raise _fail(f"{exc} ({exc.__cause__})") from exc


ENGINE_OPTION = typer.Option(
    None,
    "--engine",
    help="neo4j or arcadedb (default: PARTYGRAPH_ENGINE, else the one running, else neo4j "
    "where a JDK 17+ and Maven are found)",
)


def _checked(kind: str | None) -> str | None:
    if kind is not None and kind not in KINDS:
        raise _fail(f"unknown engine {kind!r}; known: {', '.join(KINDS)}", code=2)
    return kind


@engine_app.command("start")
def engine_start(kind: str | None = ENGINE_OPTION) -> None:
    """Start the local engine (no-op when it runs) and wait until a query answers."""
    settings = get_settings()
    choice = choose(settings, _checked(kind))
    _refuse_a_second_engine(settings, choice.kind)
    engine = engine_of(settings, choice.kind)
    if engine.pid() is None:
        _say(f"starting the {choice.kind} engine ({choice.reason})…")
    try:
        status = engine.start(announce=_say)
    except EngineError as exc:
        raise _fail(str(exc)) from exc
    out.print(
        f"{status.kind} engine running (pid {status.pid}) at {status.bolt_uri}, "
        f"data in {status.folder}",
        highlight=False,
    )


@engine_app.command("stop")
def engine_stop(kind: str | None = ENGINE_OPTION) -> None:
    """Stop the local engine (without --engine: whichever runs)."""
    settings = get_settings()
    kinds = [_checked(kind)] if kind else list(KINDS)
    stopped = [k for k in kinds if k and engine_of(settings, k).stop()]
    if stopped:
        out.print("; ".join(f"{k} engine stopped" for k in stopped))
    else:
        out.print(f"{kind or 'no'} engine was not running")


@engine_app.command("status")
def engine_status(kind: str | None = ENGINE_OPTION) -> None:
    """Say which engine runs and answers, and why it is the one used; exit 1 when it does not
    run."""
    settings = get_settings()
    choice = choose(settings, _checked(kind))
    status = engine_of(settings, choice.kind).status()
    if settings.neo4j_uri:
        out.print(f"note: NEO4J_URI is set ({settings.neo4j_uri}): the commands use that graph")
    if not status.running:
        out.print(
            f"{choice.kind} engine not running (data in {status.folder}); "
            f"it is the one to use because {choice.reason}",
            highlight=False,
        )
        raise typer.Exit(1)
    state = "ready" if status.ready else "starting (not answering yet)"
    out.print(
        f"{status.kind} engine running (pid {status.pid}) at {status.bolt_uri}: {state}; "
        f"used because {choice.reason}",
        highlight=False,
    )


@app.command()
def migrate() -> None:
    """Create the constraints and indexes (idempotent)."""
    count = _with_graph(get_settings(), apply_schema)
    out.print(f"schema in place: {count} constraints and indexes checked")


def _import(
    settings: Settings, lines: Iterable[Any], what: str, as_records: bool = False
) -> ImportSummary:
    settings = settings.model_copy(update={"statement_timeout": settings.import_timeout})
    show_bar = sys.stderr.isatty()
    progress = Progress(
        "[progress.description]{task.description}",
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        disable=not show_bar,
    )

    async def work(graph: Graph) -> ImportSummary:
        await apply_schema(graph)  # constraints first: MERGE without them is slow
        with progress:
            task = progress.add_task(f"importing {what}", total=None)
            load = import_records if as_records else import_lines
            return await load(
                graph, lines, lambda done, total: progress.update(task, completed=done, total=total)
            )

    try:
        summary = _with_graph(settings, work)
    except ImportRejected as exc:
        raise _fail(str(exc), code=2) from exc
    seconds = summary.seconds or 1e-9
    out.print(
        f"nodes: {summary.nodes_created} created, {summary.nodes_updated} updated; "
        f"relationships: {summary.relationships_created} created, "
        f"{summary.relationships_updated} updated; {summary.seconds:.1f}s "
        f"({summary.nodes / seconds:,.0f} nodes/s, "
        f"{summary.relationships / seconds:,.0f} relationships/s)",
        soft_wrap=True,  # one line, also when piped: other tools read it
    )
    return summary


@app.command("import")
def import_file(file: Path = typer.Argument(..., help="JSON Lines file, or - for stdin")) -> None:
    """Import a JSON Lines file (upsert; a file with a bad line writes nothing)."""
    # Bytes, split on "\n" only: each line is decoded on its own, so invalid UTF-8 is a
    # problem with a line number, and line separators inside strings split nothing.
    if str(file) == "-":
        _import(get_settings(), split_record_bytes(sys.stdin.buffer.read()), "stdin")
        return
    if not file.is_file():
        raise _fail(f"no such file: {file}")
    _import(get_settings(), split_record_bytes(file.read_bytes()), file.name)


@app.command()
def seed(
    profile: str = typer.Argument(..., help="profile: " + ", ".join(PROFILES)),
    scale: float = typer.Option(1.0, "--scale", min=0.0001, help="multiply every figure"),
    seed_value: int = typer.Option(1, "--seed", help="another seed gives another graph"),
    out_file: Path | None = typer.Option(None, "--out", help="write JSON Lines here instead"),
    fresh: bool = typer.Option(
        False, "--fresh", help="empty the graph first, so that it holds this profile alone"
    ),
) -> None:
    """Load a seed profile (or write it as JSON Lines with --out)."""
    if profile not in PROFILES:
        known = "\n".join(f"  {name}: {about}" for name, (_, about) in PROFILES.items())
        raise _fail(f"unknown profile {profile!r}; known:\n{known}")
    if fresh and out_file is not None:
        raise _fail("--fresh empties the graph before loading; --out writes a file instead")
    records = generator(profile)(scale, seed_value)
    if out_file is not None:
        count = 0
        with out_file.open("w", encoding="utf-8") as handle:
            for line in to_lines(records):
                handle.write(line + "\n")
                count += 1
        out.print(f"wrote {count} records to {out_file}")
        return
    if fresh:
        _empty(get_settings())
    _import(get_settings(), records, f"profile {profile}", as_records=True)


@app.command("export")
def export_file(
    file: Path = typer.Argument(..., help="JSON Lines file to write, or - for stdout"),
) -> None:
    """Write the whole graph as JSON Lines in the import format."""

    async def work(graph: Graph) -> int:
        count = 0
        handle = sys.stdout if str(file) == "-" else file.open("w", encoding="utf-8")
        try:
            async for record in export_records(graph):
                handle.write(export_line(record) + "\n")
                count += 1
        finally:
            if handle is not sys.stdout:
                handle.close()
        return count

    count = _with_graph(get_settings(), work)
    err.print(f"exported {count} records")


@app.command()
def reset(yes: bool = typer.Option(False, "--yes", help="really delete everything")) -> None:
    """Delete every node and relationship of the configured graph."""
    if not yes:
        raise _fail("this deletes the whole graph; run again with --yes")
    _empty(get_settings())


def _empty(settings: Settings) -> None:
    async def work(graph: Graph) -> None:
        await graph.write("wipe_graph")

    _with_graph(settings, work)
    out.print("graph emptied")


@app.command()
def token(
    role: auth.Role = typer.Option(..., "--role", help="the viewer's role"),
    scope: str | None = typer.Option(None, "--scope", help="id of the node the role covers"),
    ttl: int | None = typer.Option(None, "--ttl", help="minutes until it expires"),
    check: bool = typer.Option(
        True, "--check/--no-check", help="check in the graph that the scope has the role's label"
    ),
) -> None:
    """Print a bearer token signed with the configured secret."""
    settings = get_settings()
    try:
        auth.check_scope(role, scope)
        if scope and check:
            wanted = auth.SCOPE_LABELS[role]

            async def work(graph: Graph) -> str | None:
                label: str | None = await graph.value("label_of", {"id": scope})
                return label

            label = _with_graph(settings, work)
            if label != wanted:
                what = f"a {label}" if label else "not in the graph"
                raise _fail(
                    f"the scope of a {role.value} token must be a {wanted}; {scope!r} is {what}"
                )
        print(auth.mint(settings, role, scope, ttl_minutes=ttl))
    except auth.AuthError as exc:
        raise _fail(str(exc)) from exc


@app.command("import-schema")
def import_schema() -> None:
    """Print the import format (one line of an import file) as JSON Schema, for integrators;
    published in the repository as import.schema.json."""
    sys.stdout.write(json.dumps(import_format.json_schema(), ensure_ascii=False, indent=2) + "\n")


@app.command()
def schema(
    check: bool = typer.Option(
        False, "--check", help="compare with the published schema.graphql; exit 1 on a difference"
    ),
    against: Path = typer.Option(published.PUBLISHED, help="the published schema to compare with"),
) -> None:
    """Print the served GraphQL schema (SDL), or check it against the published one."""
    served = published.served_sdl()
    if not check:
        sys.stdout.write(served)
        return
    if not against.exists():  # a file, or a pipe such as <(git show main:schema.graphql)
        raise _fail(f"no published schema at {against}: write one with `partygraph schema > FILE`")
    found = published.compare(against.read_text(encoding="utf-8"), served)
    for change in found.breaking:
        err.print(f"breaking: {change}", highlight=False)
    for change in found.dangerous:
        err.print(f"dangerous: {change}", highlight=False)
    if not found.same:
        raise _fail(
            f"the served schema differs from {against} ({len(found.breaking)} breaking, "
            f"{len(found.dangerous)} dangerous changes); after deciding, publish it with "
            f"`partygraph schema > {published.PUBLISHED.name}`"
        )
    out.print(f"the served schema is the one published in {against}")


def available_cores() -> int:
    """The cores this process may run on: its CPU affinity, capped by a cgroup v2 CPU quota (a
    container's --cpus), which os.cpu_count() does not see."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    cores = cores or 1
    try:
        quota, period = Path("/sys/fs/cgroup/cpu.max").read_text().split()[:2]
        if quota != "max":
            cores = min(cores, max(1, math.ceil(int(quota) / int(period))))
    except (OSError, ValueError):
        pass
    return cores


def _server_agent(connection: Connection) -> str | None:
    """What the graph server says it is, or None when it does not answer."""
    import neo4j

    try:
        with neo4j.GraphDatabase.driver(
            connection.uri, auth=(connection.user, connection.password), connection_timeout=5.0
        ) as driver:
            return str(driver.get_server_info().agent)
    except (neo4j.exceptions.Neo4jError, neo4j.exceptions.DriverError, OSError):
        return None


def _on_arcadedb(connection: Connection) -> bool:
    """Whether the server at NEO4J_URI is ArcadeDB; serve fails when it does not answer."""
    agent = _server_agent(connection)
    if agent is None:
        raise _fail(
            f"the graph at {connection.uri} does not answer, so serve cannot tell whether it is "
            "ArcadeDB, which takes a single worker process; start the graph first, or serve "
            "with --workers 1"
        )
    return "arcadedb" in agent.lower()


def _one_on_arcadedb(asked: int) -> int:
    """ArcadeDB takes no lock where Neo4j does, so the service orders two reports of one member
    itself, within its process (service.coverage.one_report_at_a_time): one process only."""
    if asked > 1:
        raise _fail(
            f"--workers {asked}: on ArcadeDB the service runs in one process (it orders a "
            "member's reports there, as ArcadeDB takes no lock that would); serve with "
            "--workers 1, or use Neo4j for several"
        )
    if asked == 0:
        _say("ArcadeDB: one worker process (it orders a member's reports within its process)")
    return 1


@app.command()
def serve(
    host: str = typer.Option("127.0.0.1", help="interface to listen on"),
    port: int = typer.Option(8000, help="port to listen on"),
    workers: int | None = typer.Option(
        None,
        min=0,
        help="worker processes (default PARTYGRAPH_WORKERS, else 1); 0: one per available core. "
        "Several need Neo4j",
    ),
) -> None:
    """Serve the GraphQL API (GraphiQL at /graphql, the relationship explorer at /explore)."""
    import uvicorn

    from partygraph.app import GRAPHIQL_TOKEN_VAR

    settings = get_settings()
    asked = settings.workers if workers is None else workers
    try:
        kind = choose(settings).kind if settings.uses_dev_engine else None
        if kind == "arcadedb":
            count = _one_on_arcadedb(asked)  # before the engine starts
        # The engine starts here, once: the workers connect to it (app.factory).
        connection = _connect(settings)
        if kind != "arcadedb":
            count = asked or available_cores()
            if count > 1 and kind is None and _on_arcadedb(connection):
                count = _one_on_arcadedb(asked)
        # An admin token in a server's log outlives it: one only for the local engine.
        admin_token = (
            auth.mint(settings, auth.Role.ADMIN, subject="serve")
            if settings.uses_dev_engine
            else None
        )
        auth.signing_secret(settings)  # a missing secret fails here, not in every worker
    except (EngineError, auth.AuthError) as exc:
        raise _fail(str(exc)) from exc
    if kind is not None:
        os.environ["PARTYGRAPH_ENGINE"] = kind  # the workers pick the engine started here
    # The GraphiQL page is open to whoever reaches it: it holds the token only on loopback,
    # and only when asked for under a loopback name (graphiql.page; against DNS rebinding).
    page_token = admin_token if host in ("127.0.0.1", "localhost", "::1") else None
    os.environ.pop(GRAPHIQL_TOKEN_VAR, None)
    if page_token is not None:
        os.environ[GRAPHIQL_TOKEN_VAR] = page_token
    shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    processes = f"; {count} worker processes" if count > 1 else ""
    out.print(f"GraphiQL: http://{shown}:{port}/graphql  (graph: {connection.uri}{processes})")
    out.print(f"Relationship explorer (关系浏览): http://{shown}:{port}/explore")
    if admin_token is not None:
        if page_token is not None:
            out.print("GraphiQL's Headers tab holds this header (for other clients too):")
        else:
            out.print("Paste this header into GraphiQL's Headers tab:")
        out.print(f'{{"Authorization": "Bearer {admin_token}"}}', soft_wrap=True, highlight=False)
    else:
        out.print("A bearer token for GraphiQL's Headers tab: partygraph token --role admin")
    uvicorn.run(
        "partygraph.app:factory",
        factory=True,
        host=host,
        port=port,
        workers=count,
        log_level="info",
    )
