"""ArcadeDB, the zero-install engine: a server from the `arcadedb-embedded` wheel.

The wheel bundles a Java runtime and the Bolt plugin, so the neo4j driver and our Cypher work
against it with nothing but pip. Where it answers differently from Neo4j, the service knows
(partygraph.db learns the server from its agent string).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from partygraph.engine.process import EngineError, LocalEngine


def wheel_dir() -> Path | None:
    spec = importlib.util.find_spec("arcadedb_embedded")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


class ArcadeDB(LocalEngine):
    kind = "arcadedb"
    user = "root"
    database = "partygraph"
    stop_timeout = 30.0

    def __init__(self, home: Path, bolt_port: int, http_port: int, heap: str = "1g") -> None:
        super().__init__(home, bolt_port, heap)
        self.http_port = http_port

    def ports(self) -> list[int]:
        return [self.bolt_port, self.http_port]

    def command(self) -> list[str]:
        wheel = wheel_dir()
        if wheel is None:
            raise EngineError(
                "the arcadedb engine needs the arcadedb-embedded wheel: "
                "pip install -e '.[dev]' (or set NEO4J_URI to use your own Neo4j)"
            )
        java = wheel / "jre" / "bin" / "java"
        if not java.exists():
            raise EngineError(f"the arcadedb-embedded wheel has no bundled Java at {java}")
        settings = {
            "arcadedb.server.plugins": "Bolt:com.arcadedb.bolt.BoltProtocolPlugin",
            "arcadedb.bolt.host": "127.0.0.1",
            "arcadedb.bolt.port": str(self.bolt_port),
            "arcadedb.server.httpIncomingHost": "127.0.0.1",
            "arcadedb.server.httpIncomingPort": str(self.http_port),
            "arcadedb.server.rootPassword": self.password,
            "arcadedb.server.rootPath": str(self.data),
            "arcadedb.server.databaseDirectory": str(self.data / "databases"),
            # No braces: with {} ArcadeDB creates no database.
            "arcadedb.server.defaultDatabases": f"{self.database}[{self.user}]",
        }
        return [
            str(java),
            f"-Xmx{self.heap}",
            "-Dpolyglot.engine.WarnInterpreterOnly=false",
            *(f"-D{key}={value}" for key, value in settings.items()),
            "-cp",
            str(wheel / "jars" / "*"),
            "com.arcadedb.server.ArcadeDBServer",
        ]
