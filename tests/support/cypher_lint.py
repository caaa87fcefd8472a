"""Neo4j fidelity check: lint Cypher with Neo4j's own parser and semantic analysis.

Wraps ``tools/cypher-lint/lint.mjs`` (npm package ``@neo4j-cypher/language-support``,
which ships the Neo4j front end compiled to JavaScript). Works offline once
``npm ci --prefix tools/cypher-lint`` has run; :func:`ensure_installed` does that on demand.

A helper for tests, not a test module::

    ensure_installed()
    problems = lint([("by_id", "MATCH (n:Entity {id: $id}) RETURN n")],
                    {"labels": ["Entity"], "relationshipTypes": [], "propertyKeys": ["id"]},
                    {"by_id": ["id"]})
    assert problems == []
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

TOOL_DIR = Path(__file__).resolve().parents[2] / "tools" / "cypher-lint"
LINT_SCRIPT = TOOL_DIR / "lint.mjs"
_PACKAGE_DIR = TOOL_DIR / "node_modules" / "@neo4j-cypher" / "language-support"
_TIMEOUT_SECONDS = 600


@dataclass(frozen=True)
class LintProblem:
    """One diagnostic the suite must fail on. ``line`` and ``column`` are 1-based."""

    name: str
    severity: str
    message: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.name}:{self.line}:{self.column}: {self.severity}: {self.message}"


def _require(program: str) -> str:
    path = shutil.which(program)
    if path is None:
        raise RuntimeError(
            f"`{program}` was not found on PATH: the Cypher lint (tools/cypher-lint) needs "
            "Node.js and npm. Install Node.js (which ships npm) and run "
            "`npm ci --prefix tools/cypher-lint`."
        )
    return path


def ensure_installed() -> None:
    """Install the linter's pinned npm dependencies (``npm ci``) if they are missing."""
    _require("node")
    if _PACKAGE_DIR.is_dir():
        return
    npm = _require("npm")
    result = subprocess.run(
        [npm, "ci", "--no-audit", "--no-fund"],
        cwd=TOOL_DIR,
        capture_output=True,
        text=True,
        timeout=_TIMEOUT_SECONDS,
        check=False,
    )
    if result.returncode != 0 or not _PACKAGE_DIR.is_dir():
        raise RuntimeError(
            f"`npm ci` in {TOOL_DIR} failed (exit {result.returncode}):\n"
            f"{result.stdout}\n{result.stderr}"
        )


def _is_parameter_notice(message: str) -> bool:
    # The linter's wording, as in its own `isNotParamError`: "Parameter $x is not defined."
    return message.startswith("Parameter ") and message.endswith(" is not defined.")


def _parameter_of(message: str) -> str:
    name = message.removeprefix("Parameter ").removesuffix(" is not defined.").lstrip("$")
    return name.strip("`")


def lint(
    statements: list[tuple[str, str]],
    schema: dict[str, list[str]],
    parameters: dict[str, list[str]] | None = None,
) -> list[LintProblem]:
    """Lint ``(name, query)`` statements (in one node process per core); return the errors.

    ``schema`` holds ``labels``, ``relationshipTypes`` and ``propertyKeys``. Unknown labels,
    relationship types and property keys are only warnings and are not returned.
    ``parameters`` maps a statement name to the parameters supplied at run time; a
    statement using any other parameter is an error. With ``parameters=None`` parameters
    are not checked at all.
    """
    if not statements:
        return []
    node = _require("node")
    # The analysis is CPU-bound and single-threaded: one node process per core.
    workers = max(1, min(os.cpu_count() or 1, len(statements) // 50 or 1))
    size = -(-len(statements) // workers)
    chunks = [statements[i : i + size] for i in range(0, len(statements), size)]
    with ThreadPoolExecutor(max_workers=len(chunks)) as pool:
        reports = list(pool.map(lambda chunk: raw_report(node, chunk, schema, parameters), chunks))
    report = [entry for chunk_report in reports for entry in chunk_report]
    return problems_in(statements, report, parameters)


def raw_report(
    node: str,
    statements: list[tuple[str, str]],
    schema: dict[str, list[str]],
    parameters: dict[str, list[str]] | None,
) -> list[dict[str, Any]]:
    """lint.mjs's report, one entry per statement with every diagnostic (warnings too)."""
    document: dict[str, Any] = {
        "schema": schema,
        "statements": [
            {
                "name": name,
                "query": query,
                "parameters": list((parameters or {}).get(name, [])),
            }
            for name, query in statements
        ],
    }
    result = subprocess.run(
        [node, str(LINT_SCRIPT)],
        cwd=TOOL_DIR,
        input=json.dumps(document),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=_TIMEOUT_SECONDS,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(
            f"{LINT_SCRIPT} failed (exit {result.returncode}); did ensure_installed() run?\n"
            f"{result.stderr}"
        )
    report: list[dict[str, Any]] = json.loads(result.stdout)
    if len(report) != len(statements):
        raise RuntimeError(
            f"{LINT_SCRIPT} answered for {len(report)} statements, expected {len(statements)}"
        )
    return report


def problems_in(
    statements: list[tuple[str, str]],
    report: list[dict[str, Any]],
    parameters: dict[str, list[str]] | None,
) -> list[LintProblem]:
    problems: list[LintProblem] = []
    for (name, _query), entry in zip(statements, report, strict=True):
        supplied = None if parameters is None else set(parameters.get(name, []))
        for diagnostic in entry["diagnostics"]:
            if diagnostic["severity"] != "error":
                continue
            message = str(diagnostic["message"])
            if _is_parameter_notice(message) and (
                supplied is None or _parameter_of(message) in supplied
            ):
                continue
            problems.append(
                LintProblem(
                    name=name,
                    severity=str(diagnostic["severity"]),
                    message=message,
                    line=int(diagnostic["line"]),
                    column=int(diagnostic["column"]),
                )
            )
    return problems
