"""The Cypher each role really sends, kept in tests/golden/cypher/FILE.ROLE.cypher: every
statement of FILE.cypher with that role's scope predicates and masked properties in place
(its __LABEL__ and other template tokens as written). A change to a statement or to the access
rules shows in review as a change to these files; the test fails until they are rewritten:

    PARTYGRAPH_WRITE_GOLDEN=1 .venv/bin/pytest tests/test_golden_cypher.py
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from partygraph import cypher
from partygraph.auth import Role, access_of

GOLDEN = Path(__file__).parent / "golden" / "cypher"
WRITE = os.environ.get("PARTYGRAPH_WRITE_GOLDEN") == "1"


def rendered(stem: str, role: Role) -> str:
    access = access_of(role)
    parts = [f"// {stem}.cypher as the role {role.value} sends it (tests/test_golden_cypher.py)\n"]
    for name in cypher.files()[stem]:
        parts.append(f"\n// name: {name}\n{cypher.with_access(name, access)}\n")
    return "".join(parts)


def expected_files() -> dict[str, str]:
    return {
        f"{stem}.{role.value}.cypher": rendered(stem, role)
        for stem in cypher.files()
        for role in Role
    }


@pytest.mark.parametrize("stem", sorted(cypher.files()))
def test_each_role_sends_the_statements_its_golden_file_shows(stem: str) -> None:
    for role in Role:
        path = GOLDEN / f"{stem}.{role.value}.cypher"
        text = rendered(stem, role)
        if WRITE:
            GOLDEN.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        assert path.is_file(), f"{path.name} is missing: set PARTYGRAPH_WRITE_GOLDEN=1"
        assert path.read_text(encoding="utf-8") == text, (
            f"{path.name} differs from what {role.value} sends: review the change, then "
            "rewrite it with PARTYGRAPH_WRITE_GOLDEN=1"
        )


def test_the_literal_of_statement_names_lists_every_statement() -> None:
    path = Path(cypher.__file__).parent / "names.py"
    if WRITE:
        path.write_text(cypher.names_module(), encoding="utf-8")
    assert path.read_text(encoding="utf-8") == cypher.names_module(), (
        "partygraph/cypher/names.py is stale: rewrite it with PARTYGRAPH_WRITE_GOLDEN=1"
    )


def test_no_golden_file_is_left_from_a_statement_file_or_role_gone() -> None:
    expected = set(expected_files())
    if WRITE:
        for path in GOLDEN.glob("*.cypher"):
            if path.name not in expected:
                path.unlink()
    assert {path.name for path in GOLDEN.glob("*.cypher")} == expected
