"""The local graph engines: a real graph server on 127.0.0.1, used by every command and by the
tests when NEO4J_URI is unset.

- `neo4j`: Neo4j Community 5.26 from Maven Central (tools/neo4j-server), the engine the
  service is proven on; needs a JDK 17+ and, once, Maven.
- `arcadedb`: ArcadeDB from the arcadedb-embedded wheel, which brings its own Java; for
  machines without one.

`choose` says which one a command uses and why: the one asked for (`--engine`,
PARTYGRAPH_ENGINE), else the one running in PARTYGRAPH_HOME, else Neo4j wherever it can run.
"""

from __future__ import annotations

from dataclasses import dataclass

from partygraph.config import Settings
from partygraph.engine import java
from partygraph.engine.arcadedb import ArcadeDB
from partygraph.engine.neo4j_community import Neo4jCommunity
from partygraph.engine.process import Announce, EngineError, EngineStatus, LocalEngine

__all__ = [
    "KINDS",
    "Announce",
    "ArcadeDB",
    "Choice",
    "EngineError",
    "EngineStatus",
    "LocalEngine",
    "Neo4jCommunity",
    "choose",
    "engine_for",
    "engine_of",
    "preferred",
]

KINDS = ("neo4j", "arcadedb")
HEAP = {"neo4j": "2g", "arcadedb": "1g"}


@dataclass(frozen=True)
class Choice:
    kind: str
    reason: str


def engine_of(settings: Settings, kind: str) -> LocalEngine:
    """The engine `kind` with the settings' home, ports and memory."""
    heap = settings.engine_heap or HEAP[kind]
    if kind == "neo4j":
        return Neo4jCommunity(
            settings.home, settings.engine_bolt_port, heap, settings.engine_pagecache
        )
    if kind == "arcadedb":
        return ArcadeDB(settings.home, settings.engine_bolt_port, settings.engine_http_port, heap)
    raise EngineError(f"unknown engine {kind!r}; known: {', '.join(KINDS)}")


def choose(settings: Settings, requested: str | None = None) -> Choice:
    """Which engine the commands use here, and why: the one asked for, else the one running
    in the home, else the preferred one."""
    if requested:
        return Choice(requested, "asked for with --engine")
    if not settings.engine:
        for kind in KINDS:
            if engine_of(settings, kind).pid() is not None:
                return Choice(kind, f"it is the engine running in {settings.home}")
    return preferred(settings)


def preferred(settings: Settings) -> Choice:
    """PARTYGRAPH_ENGINE, else Neo4j wherever it can run, else ArcadeDB."""
    if settings.engine:
        return Choice(settings.engine, f"PARTYGRAPH_ENGINE={settings.engine}")
    why_not = java.unavailable()
    if why_not is None:
        jdk, _ = java.find_java()
        assert jdk is not None
        server = "the Neo4j server is built" if java.built_classpath() else "Maven can build it"
        return Choice("neo4j", f"Java {jdk.major} ({jdk.java}) is here and {server}")
    return Choice("arcadedb", f"Neo4j cannot run here: {why_not}")


def engine_for(settings: Settings, requested: str | None = None) -> LocalEngine:
    return engine_of(settings, choose(settings, requested).kind)
