"""The GraphQL schema object: the root types of each area merged into one Query and Mutation."""

from __future__ import annotations

from typing import Any

import strawberry
from strawberry.extensions import DisableIntrospection
from strawberry.tools import merge_types

from partygraph.config import Settings
from partygraph.schema.audit import AuditQuery, audit_every_field
from partygraph.schema.cobuilding import CobuildingMutation, CobuildingQuery
from partygraph.schema.coverage import CoverageMutation, CoverageQuery
from partygraph.schema.entities import EntityMutation
from partygraph.schema.errors import MaskUnexpected, ServiceExtension
from partygraph.schema.exploration import ExplorationQuery
from partygraph.schema.importing import ImportMutation
from partygraph.schema.nodes import TYPES
from partygraph.schema.query import Query
from partygraph.schema.requests import RequestsMutation, RequestsQuery
from partygraph.schema.validation import DocumentChecks, DocumentRules, NoSuggestionsExecution

# Each area of the domain adds its root fields here.
QUERIES: tuple[type, ...] = (
    Query,
    AuditQuery,
    ExplorationQuery,
    CobuildingQuery,
    RequestsQuery,
    CoverageQuery,
)
MUTATIONS: tuple[type, ...] = (
    ImportMutation,
    EntityMutation,
    CobuildingMutation,
    RequestsMutation,
    CoverageMutation,
)
for _mutation_type in MUTATIONS:
    audit_every_field(_mutation_type)


class _Schema(strawberry.Schema):
    def process_errors(self, errors: list[Any], execution_context: Any = None) -> None:
        """Strawberry logs every error with a traceback; a caller's mistake is not worth one.
        Unexpected errors are logged where they are masked (schema.errors)."""


def build_schema(settings: Settings | None = None) -> strawberry.Schema:
    settings = settings or Settings()
    # The checks are built once: a request's extensions are made afresh, its rules are not, so
    # each document text is parsed and validated once per process (schema.validation).
    rules = DocumentRules(settings)
    # Order: an extension listed later runs inside those before it, so errors are masked
    # (MaskUnexpected) before they are shaped (ServiceExtension), and introspection is switched
    # off (Strawberry's DisableIntrospection adds its rule) before the cached validation runs.
    extensions: list[Any] = [ServiceExtension, MaskUnexpected]
    if not settings.introspection:
        extensions.append(DisableIntrospection)
    extensions.append(lambda: DocumentChecks(rules))
    # Every node type is listed: node(id) can return types no root field names.
    return _Schema(
        query=merge_types("Query", QUERIES),
        mutation=merge_types("Mutation", MUTATIONS),
        types=list(TYPES.values()),
        extensions=extensions,
        execution_context_class=None if settings.introspection else NoSuggestionsExecution,
    )
