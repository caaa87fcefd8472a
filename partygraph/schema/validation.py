"""How documents are read and checked before anything runs, once per distinct text.

Parsing and validation are pure functions of the document's text (and of the schema and the
limits, fixed when the schema is built), so each text is parsed and validated once per process
and the answer reused: only the cost (partygraph.schema.cost), which also reads the request's
variables, is worked out per request, itself cached for the same text and variables.

The document is read by the grammar of the GraphQL spec (a selection set selects at least one
field; graphql-core 3.3 accepts `{ }`, a draft of the spec, and Strawberry's depth limiter fails
on it), at most `max_tokens` tokens; with introspection off it is checked without graphql-core's
suggestions ("Did you mean 'phone'?"), which would show the schema introspection hides."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import suppress
from functools import lru_cache
from typing import Any

from graphql import DocumentNode, GraphQLError, GraphQLSchema, parse
from graphql.validation import ASTValidationRule, validate
from strawberry.extensions import MaxAliasesLimiter, QueryDepthLimiter, SchemaExtension
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext
from strawberry.schema.validation_rules.maybe_null import MaybeNullValidationRule
from strawberry.schema.validation_rules.one_of import OneOfInputValidationRule

from partygraph.config import Settings
from partygraph.schema.cost import cost_rule

# Distinct documents (and document-variables pairs) remembered per process: clients send a
# few hundred different operations; one more is parsed again, never answered differently.
CACHED_DOCUMENTS = 512
# Variables longer than this (as JSON) are costed without the cache: an import's records
# would make a poor key.
CACHED_VARIABLES_CHARS = 2048


class DocumentRules:
    """The schema's checks of a document, built once with the schema: the parse options, the
    static rules (depth, aliases) and the cost limit. They are hand-made from Strawberry's
    limiters rather than added as its extensions, which would build new rules, and so miss the
    cache, on every request; introspection is switched off by Strawberry's own
    DisableIntrospection, whose rule the cache sees among the request's rules."""

    def __init__(self, settings: Settings) -> None:
        self.max_tokens = settings.max_tokens
        self.max_cost = settings.max_cost
        self.hide_suggestions = not settings.introspection
        rules: list[type[ASTValidationRule]] = [
            *QueryDepthLimiter(max_depth=settings.max_depth).validation_rules,
            *MaxAliasesLimiter(max_alias_count=settings.max_aliases).validation_rules,
            MaybeNullValidationRule,
            OneOfInputValidationRule,
        ]
        self.rules = tuple(rules)
        self.parsed = lru_cache(maxsize=CACHED_DOCUMENTS)(self._parse)
        self.validated = lru_cache(maxsize=CACHED_DOCUMENTS)(self._validate)
        self.costed = lru_cache(maxsize=CACHED_DOCUMENTS)(self._cost)

    @property
    def parse_options(self) -> dict[str, Any]:
        return {"max_tokens": self.max_tokens, "allow_empty_selection_sets": False}

    def _parse(self, query: str) -> DocumentNode:
        return parse(query, **self.parse_options)

    def _validate(
        self,
        schema: GraphQLSchema,
        query: str,
        specified: tuple[type[ASTValidationRule], ...],
    ) -> tuple[GraphQLError, ...]:
        """The spec's rules (`specified`: what Strawberry would check) and ours."""
        rules = (*specified, *self.rules)
        document = self.parsed(query)
        return tuple(validate(schema, document, rules, hide_suggestions=self.hide_suggestions))

    def _cost(
        self, schema: GraphQLSchema, query: str, operation: str | None, variables: str
    ) -> tuple[GraphQLError, ...]:
        return self.cost_errors(schema, query, operation, json.loads(variables))

    def cost_errors(
        self, schema: GraphQLSchema, query: str, operation: str | None, variables: dict[str, Any]
    ) -> tuple[GraphQLError, ...]:
        rule = cost_rule(variables, operation, self.max_cost)
        return tuple(validate(schema, self.parsed(query), [rule]))


class DocumentChecks(SchemaExtension):
    """Puts the cached document and its cached checks in the request's execution context, where
    Strawberry then skips its own parse and validation (as its ParserCache and ValidationCache
    do). A text that does not parse is left to Strawberry, with the same options, to report."""

    def __init__(self, rules: DocumentRules) -> None:
        self.rules = rules

    def on_parse(self) -> Iterator[None]:
        context = self.execution_context
        options: dict[str, Any] = context.parse_options  # type: ignore[assignment]
        options.update(self.rules.parse_options)
        if context.query is not None and context.graphql_document is None:
            # One that does not parse is parsed again by Strawberry, which answers the error.
            with suppress(GraphQLError):
                context.graphql_document = self.rules.parsed(context.query)
        yield

    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        if (
            context.pre_execution_errors is None
            and context.graphql_document is not None
            and context.query is not None
        ):
            schema = context.schema._schema
            errors = list(self.rules.validated(schema, context.query, context.validation_rules))
            if not errors:
                errors = list(self._cost(schema, context.query, context.operation_name))
            context.pre_execution_errors = errors
        yield

    def _cost(
        self, schema: GraphQLSchema, query: str, operation: str | None
    ) -> tuple[GraphQLError, ...]:
        variables = self.execution_context.variables or {}
        try:
            key = json.dumps(variables, sort_keys=True, ensure_ascii=False)
        except (TypeError, ValueError):
            key = None
        if key is None or len(key) > CACHED_VARIABLES_CHARS:
            return self.rules.cost_errors(schema, query, operation, variables)
        return self.rules.costed(schema, query, operation, key)


class NoSuggestionsExecution(StrawberryGraphQLCoreExecutionContext):
    """Variables are checked when execution starts (a misspelt enum value): there too, no
    suggestions."""

    @classmethod
    def build(cls, *args: Any, **kwargs: Any) -> Any:
        return super().build(*args, **{**kwargs, "hide_suggestions": True})
