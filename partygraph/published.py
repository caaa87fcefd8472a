"""The published schema: `schema.graphql` in the repository is the schema integrators build
against. `partygraph schema` prints the served schema; `partygraph schema --check` compares it
with the published file and names every breaking change (a field removed, a type changed, an
argument made required), so a change that would break a client is a decision, not an accident.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from graphql import GraphQLSchema, build_schema, lexicographic_sort_schema, print_schema
from graphql.utilities import find_breaking_changes, find_dangerous_changes

from partygraph.config import Settings

# Beside pyproject.toml: where a clone (and the README) has it.
PUBLISHED = Path(__file__).resolve().parent.parent / "schema.graphql"


def served_sdl() -> str:
    """The SDL of the schema the service serves (settings do not change its types)."""
    from partygraph.schema import build_schema as build_served

    return build_served(Settings()).as_str() + "\n"


@dataclass(frozen=True)
class Comparison:
    """The served schema against a published one."""

    same: bool
    breaking: list[str]
    dangerous: list[str]


def compare(published_sdl: str, served: str) -> Comparison:
    old, new = build_schema(published_sdl), build_schema(served)
    return Comparison(
        same=_printed(old) == _printed(new),
        breaking=[f"{c.type.name}: {c.description}" for c in find_breaking_changes(old, new)],
        dangerous=[f"{c.type.name}: {c.description}" for c in find_dangerous_changes(old, new)],
    )


def _printed(schema: GraphQLSchema) -> str:
    """The schema as text in one order, so that moving a type is no difference."""
    return print_schema(lexicographic_sort_schema(schema))
