"""How documents are read: by the grammar of the GraphQL spec, and, with introspection off,
checked without graphql-core's suggestions ("Did you mean 'phone'?"), which would show the
schema that introspection hides."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from graphql.validation import validate
from strawberry.extensions import SchemaExtension
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext
from strawberry.schema.validation_rules.maybe_null import MaybeNullValidationRule
from strawberry.schema.validation_rules.one_of import OneOfInputValidationRule


class SpecGrammar(SchemaExtension):
    """A selection set selects at least one field, as the spec's grammar says: graphql-core 3.3
    accepts `{ }` by default (a draft of the spec), and Strawberry's depth limiter fails on it."""

    def on_parse(self) -> Iterator[None]:
        options: dict[str, Any] = self.execution_context.parse_options  # type: ignore[assignment]
        options["allow_empty_selection_sets"] = False
        yield


class HideSuggestions(SchemaExtension):
    """Validates the document itself, as Strawberry's ValidationCache does, with Strawberry's
    rules and graphql-core's suggestions left out of the messages."""

    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        if context.pre_execution_errors is None and context.graphql_document is not None:
            rules = (*context.validation_rules, MaybeNullValidationRule, OneOfInputValidationRule)
            context.pre_execution_errors = validate(
                context.schema._schema, context.graphql_document, rules, hide_suggestions=True
            )
        yield


class NoSuggestionsExecution(StrawberryGraphQLCoreExecutionContext):
    """Variables are checked when execution starts (a misspelt enum value): there too, no
    suggestions."""

    @classmethod
    def build(cls, *args: Any, **kwargs: Any) -> Any:
        return super().build(*args, **{**kwargs, "hide_suggestions": True})
