"""The published schema (`schema.graphql`) is what the service serves, and a change that would
break an integrator is reported as such before it is published."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from graphql import (
    build_client_schema,
    build_schema,
    get_introspection_query,
    lexicographic_sort_schema,
    print_schema,
)

from partygraph.published import PUBLISHED
from tests.support.suite import Client


def _published() -> str:
    return print_schema(
        lexicographic_sort_schema(build_schema(PUBLISHED.read_text(encoding="utf-8")))
    )


@pytest.mark.both_engines
def test_the_served_schema_is_the_published_one(client: Client) -> None:
    # What an integrator's tooling sees through introspection, descriptions included.
    introspected = client.query(get_introspection_query(descriptions=True, specified_by_url=True))[
        "data"
    ]
    served = print_schema(lexicographic_sort_schema(build_client_schema(introspected)))
    assert served == _published(), (
        "the served schema differs from schema.graphql: check the change with "
        "`partygraph schema --check`, then publish it with `partygraph schema > schema.graphql`"
    )


def _check(against: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "partygraph", "schema", "--check", "--against", str(against)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_check_passes_on_the_published_schema() -> None:
    done = _check(PUBLISHED)
    assert done.returncode == 0, done.stderr
    assert "is the one published" in done.stdout


def test_the_check_names_each_breaking_change(tmp_path: Path) -> None:
    # A published schema with a field the service no longer has, and an argument it no longer
    # takes: removing either breaks a client that used it.
    published = PUBLISHED.read_text(encoding="utf-8")
    marker = "type Query {\n"
    assert marker in published
    older = published.replace(
        marker, marker + "  retiredField: String\n  oldLookup(code: String): Node\n", 1
    )
    file = tmp_path / "published.graphql"
    file.write_text(older, encoding="utf-8")
    done = _check(file)
    assert done.returncode == 1
    breaking = [line for line in done.stderr.splitlines() if line.startswith("breaking:")]
    assert any("Query.retiredField was removed" in line for line in breaking), done.stderr
    assert any("Query.oldLookup was removed" in line for line in breaking), done.stderr
    assert "2 breaking" in done.stderr
