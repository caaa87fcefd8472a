"""Where the graph is: NEO4J_* when NEO4J_URI is set, else the local engine."""

from __future__ import annotations

from dataclasses import dataclass

from partygraph.config import Settings
from partygraph.engine import Announce, engine_for


@dataclass(frozen=True)
class Connection:
    uri: str
    user: str
    password: str
    database: str


def connection_for(
    settings: Settings, start_engine: bool = True, announce: Announce = lambda _: None
) -> Connection:
    """NEO4J_* when NEO4J_URI is set; else the local engine (partygraph.engine), started if
    needed."""
    if settings.neo4j_uri:
        return Connection(
            settings.neo4j_uri,
            settings.neo4j_user,
            settings.neo4j_password.get_secret_value(),
            settings.neo4j_database,
        )
    engine = engine_for(settings)
    if start_engine:
        engine.start(announce=announce)
    return Connection(engine.bolt_uri, engine.user, engine.password, engine.database)
