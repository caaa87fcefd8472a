"""Java and Maven for the Neo4j engine: which JDK runs it, and the build of tools/neo4j-server.

The Maven project there fetches Neo4j Community from Maven Central and copies its jars into
`target/lib` once; later starts reuse them until its pom.xml or its class changes.
"""

from __future__ import annotations

import fcntl
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from partygraph.engine.process import Announce, EngineError

# Neo4j 5.26 runs on Java 17 and 21 (and starts on 25 here).
MIN_JAVA = 17
SERVER_PROJECT = Path(__file__).resolve().parents[2] / "tools" / "neo4j-server"
# Written after a successful build: Maven may leave an up-to-date jar's time alone.
_STAMP = "partygraph-built"
_VERSION = re.compile(r'version "(\d+)(?:\.(\d+))?')


@dataclass(frozen=True)
class Jdk:
    java: Path
    major: int

    @property
    def home(self) -> Path:
        return self.java.resolve().parents[1]


def java_major(java: Path) -> int | None:
    try:
        done = subprocess.run(
            [str(java), "-version"], capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    match = _VERSION.search(done.stderr + done.stdout)
    if match is None:
        return None
    major = int(match.group(1))
    return int(match.group(2) or 0) if major == 1 else major  # "1.8.0" is Java 8


def find_java() -> tuple[Jdk | None, str]:
    """The JDK that runs Neo4j ($JAVA_HOME, else `java` on PATH), or None and why not."""
    candidates: list[tuple[str, Path]] = []
    if os.environ.get("JAVA_HOME"):
        candidates.append(("JAVA_HOME", Path(os.environ["JAVA_HOME"]) / "bin" / "java"))
    on_path = shutil.which("java")
    if on_path:
        candidates.append(("PATH", Path(on_path)))
    if not candidates:
        return None, "no Java found (neither JAVA_HOME nor java on PATH)"
    seen = []
    for where, java in candidates:
        major = java_major(java)
        if major is not None and major >= MIN_JAVA:
            return Jdk(java, major), ""
        seen.append(f"{java} ({where}) is {f'Java {major}' if major else 'not a working Java'}")
    return None, f"no Java {MIN_JAVA}+ found: " + "; ".join(seen)


def built_classpath() -> str | None:
    """The classpath of the built server, or None when it is missing or older than its
    sources."""
    target = SERVER_PROJECT / "target"
    jar, lib, stamp = target / "neo4j-server.jar", target / "lib", target / _STAMP
    if not (jar.is_file() and lib.is_dir() and stamp.is_file()):
        return None
    sources = [SERVER_PROJECT / "pom.xml", *SERVER_PROJECT.glob("src/**/*.java")]
    built = stamp.stat().st_mtime
    if any(source.stat().st_mtime > built for source in sources):
        return None
    return f"{jar}{os.pathsep}{lib / '*'}"


def unavailable() -> str | None:
    """Why the Neo4j engine cannot run here, or None when it can."""
    if not (SERVER_PROJECT / "pom.xml").is_file():
        return f"the Neo4j server project is not beside this installation ({SERVER_PROJECT})"
    jdk, why = find_java()
    if jdk is None:
        return why
    if built_classpath() is None and shutil.which("mvn") is None:
        return "no Maven (mvn) found to fetch Neo4j from Maven Central"
    return None


def build(jdk: Jdk, announce: Announce) -> str:
    """Build tools/neo4j-server unless it is built; its classpath. One build at a time."""
    target = SERVER_PROJECT / "target"
    target.mkdir(exist_ok=True)
    with open(target / ".build.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        classpath = built_classpath()
        if classpath is not None:
            return classpath
        mvn = shutil.which("mvn")
        if mvn is None:
            raise EngineError("the neo4j engine needs Maven (mvn) to fetch Neo4j once")
        announce(
            "building the Neo4j server once (Maven fetches Neo4j Community, about 120 MB, "
            "from Maven Central)…"
        )
        env = dict(os.environ)
        if (jdk.home / "bin" / "javac").exists():
            env["JAVA_HOME"] = str(jdk.home)  # compile with the JDK that will run it
        command = [mvn, "-q", "-B", "-Dstyle.color=never", "package", "-DskipTests"]
        done = subprocess.run(
            command, cwd=SERVER_PROJECT, env=env, capture_output=True, text=True, check=False
        )
        if done.returncode == 0:
            (target / _STAMP).touch()
        classpath = built_classpath()
        if done.returncode != 0 or classpath is None:
            output = "\n".join((done.stdout + done.stderr).splitlines()[-40:])
            raise EngineError(f"building {SERVER_PROJECT} failed ({' '.join(command)}):\n{output}")
        return classpath
