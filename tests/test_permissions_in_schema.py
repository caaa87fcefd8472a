"""The roles each operation needs are part of the schema a client reads: every guarded field
carries its permission's directive in the SDL (the role x operation matrix of test_access.py
checks that the directive's roles are the ones let through)."""

from __future__ import annotations

import graphql

from partygraph.auth import Role
from partygraph.schema import build_schema

DIRECTIVES = {"adminOnly", "offices", "officesAndUnits", "areaFigures"}


def fields_of(document: graphql.DocumentNode, type_name: str) -> dict[str, set[str]]:
    for definition in document.definitions:
        if (
            isinstance(definition, graphql.ObjectTypeDefinitionNode)
            and definition.name.value == type_name
        ):
            return {
                field.name.value: {d.name.value for d in field.directives or ()}
                for field in definition.fields or ()
            }
    raise AssertionError(f"no type {type_name}")


def test_every_mutation_shows_the_roles_it_needs() -> None:
    document = graphql.parse(str(build_schema()))
    unguarded = {
        name: found
        for name, found in fields_of(document, "Mutation").items()
        if len(found & DIRECTIVES) != 1
    }
    assert not unguarded, unguarded


def test_each_directive_is_declared_with_the_roles_it_lets_through() -> None:
    document = graphql.parse(str(build_schema()))
    declared = {
        d.name.value: d.description.value if d.description else ""
        for d in document.definitions
        if isinstance(d, graphql.DirectiveDefinitionNode)
    }
    assert set(declared) >= DIRECTIVES

    def roles(directive: str) -> set[str]:
        return set(declared[directive].split("：", 1)[1].split("（", 1)[0].split(", "))

    offices = {"admin", "district", "street", "community"}
    assert roles("adminOnly") == {"admin"}
    assert roles("offices") == offices
    assert roles("officesAndUnits") == offices | {"unit"}
    assert roles("areaFigures") == offices | {"integration"}
    assert roles("areaFigures") | {"unit"} == {role.value for role in Role}
    query = fields_of(document, "Query")
    assert "adminOnly" in query["auditTrail"] and "areaFigures" in query["coverageGaps"]
