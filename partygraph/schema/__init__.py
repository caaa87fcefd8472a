"""The GraphQL schema object: the root types of each area merged into one Query and Mutation."""

from __future__ import annotations

import strawberry
from strawberry.tools import merge_types

from partygraph.schema.cobuilding import CobuildingMutation, CobuildingQuery
from partygraph.schema.coverage import CoverageMutation, CoverageQuery
from partygraph.schema.entities import EntityMutation
from partygraph.schema.errors import ServiceExtension
from partygraph.schema.exploration import ExplorationQuery
from partygraph.schema.mutation import Mutation
from partygraph.schema.nodes import TYPES
from partygraph.schema.query import Query
from partygraph.schema.requests import RequestsMutation, RequestsQuery

# Each area of the domain adds its root fields here.
QUERIES: tuple[type, ...] = (Query, ExplorationQuery, CobuildingQuery, RequestsQuery, CoverageQuery)
MUTATIONS: tuple[type, ...] = (
    Mutation,
    EntityMutation,
    CobuildingMutation,
    RequestsMutation,
    CoverageMutation,
)


def build_schema() -> strawberry.Schema:
    # Every node type is listed: node(id) can return types no root field names.
    return strawberry.Schema(
        query=merge_types("Query", QUERIES),
        mutation=merge_types("Mutation", MUTATIONS),
        types=list(TYPES.values()),
        extensions=[ServiceExtension],
    )
