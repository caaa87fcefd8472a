"""Neo4j Community 5.26, the engine the service is proven on: the embedded server of
tools/neo4j-server (one class over `org.neo4j:neo4j` from Maven Central) with Bolt on
127.0.0.1, authentication on, run by a JDK 17+ found here."""

from __future__ import annotations

from pathlib import Path

from partygraph.engine import java
from partygraph.engine.process import Announce, EngineError, LocalEngine

# What Neo4j's own neo4j.conf passes to its JVM, less what only a packaged server needs.
# Without the --add-opens, JDK 17 dies at start with a LinkageError on DirectByteBuffer.
JVM_OPTIONS = [
    "-XX:+UseG1GC",
    "-XX:-OmitStackTraceInFastThrow",
    "-XX:+DisableExplicitGC",
    "-XX:+ExitOnOutOfMemoryError",  # a dead server is found and restarted; a sick one is not
    "-Djdk.nio.maxCachedBufferSize=1024",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-Dlog4j2.disable.jmx=true",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
]
MAIN_CLASS = "partygraph.neo4j.Server"


class Neo4jCommunity(LocalEngine):
    kind = "neo4j"
    user = "neo4j"
    database = "neo4j"

    def __init__(self, home: Path, bolt_port: int, heap: str = "2g", pagecache: str = "1g"):
        super().__init__(home, bolt_port, heap)
        self.pagecache = pagecache
        self._classpath: str | None = None
        self._jdk: java.Jdk | None = None

    def ports(self) -> list[int]:
        return [self.bolt_port]

    def prepare(self, announce: Announce) -> None:
        jdk, why = java.find_java()
        if jdk is None:
            raise EngineError(f"the neo4j engine needs a JDK {java.MIN_JAVA}+: {why}")
        self._jdk = jdk
        self._classpath = java.build(jdk, announce)

    def command(self) -> list[str]:
        if self._jdk is None or self._classpath is None:
            raise EngineError("the neo4j engine was not prepared")
        return [
            str(self._jdk.java),
            f"-Xmx{self.heap}",
            *JVM_OPTIONS,
            "-cp",
            self._classpath,
            MAIN_CLASS,
            str(self.folder),  # Neo4j's home: it keeps the graph in data/, its logs in logs/
            str(self.bolt_port),
            str(self.password_file),
            self.pagecache,
        ]
