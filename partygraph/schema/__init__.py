"""The GraphQL schema object."""

from __future__ import annotations

import strawberry

from partygraph.schema.errors import ServiceExtension
from partygraph.schema.mutation import Mutation
from partygraph.schema.nodes import TYPES
from partygraph.schema.query import Query


def build_schema() -> strawberry.Schema:
    # Every node type is listed: node(id) can return types no root field names.
    return strawberry.Schema(
        query=Query, mutation=Mutation, types=list(TYPES.values()), extensions=[ServiceExtension]
    )
