"""Error shapes: every error a client sees has `extensions.code` (the service layer's UserError
and the graph's GraphError mapped here); internals never leak."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

from graphql import GraphQLError
from strawberry.extensions import MaskErrors, SchemaExtension

from partygraph.errors import BAD_USER_INPUT, INTERNAL, TOO_COMPLEX, UserError
from partygraph.graph_errors import GraphError
from partygraph.statement_log import counting_statements

log = logging.getLogger("partygraph")

VALIDATION_FAILED = "GRAPHQL_VALIDATION_FAILED"
# How Strawberry's limiters word their refusals.
_LIMIT_MARKS = (
    "exceeds maximum operation depth",
    "aliases found. Allowed",
    "tokens. Parsing aborted",
)


def _shaped(error: GraphQLError) -> GraphQLError:
    original = error.original_error
    if isinstance(original, UserError):  # the service layer's refusal: its words, its code
        error.extensions = {**(error.extensions or {}), **original.extensions}
        error.message = original.message
        return error
    # A statement the graph refused (code INTERNAL) is the service's fault: logged, below.
    if isinstance(original, GraphError) and original.code != INTERNAL:
        error.extensions = {**(error.extensions or {}), "code": original.code}
        error.message = str(original)
        return error
    if original is None or isinstance(original, GraphQLError):
        if not (error.extensions or {}).get("code"):
            # No original error: the document failed to parse or validate, or a variable's
            # value does not fit its type (a bad date, an unknown enum value): the input's fault.
            bad_variable = error.message.startswith("Variable '$")
            code = BAD_USER_INPUT if bad_variable else VALIDATION_FAILED
            if any(mark in error.message for mark in _LIMIT_MARKS):
                code = TOO_COMPLEX
            error.extensions = {**(error.extensions or {}), "code": code}
        return error
    return error  # unexpected: MaskUnexpected has logged and masked it already


def _unexpected(error: GraphQLError) -> bool:
    """An error the caller did not cause: neither a refusal with a code nor the document's."""
    original = error.original_error
    if original is None or isinstance(original, GraphQLError | UserError):
        return False
    return not (isinstance(original, GraphError) and original.code != INTERNAL)


class MaskUnexpected(MaskErrors):
    """Strawberry's MaskErrors for what the caller did not cause (a bug, a statement the graph
    refused): logged with its traceback, answered as an internal error with its code."""

    def __init__(self) -> None:
        super().__init__(_unexpected, "internal error; it has been logged")

    def anonymise_error(self, error: GraphQLError) -> GraphQLError:
        log.error("unexpected error in %s", error.path, exc_info=error.original_error)
        masked = super().anonymise_error(error)
        masked.extensions = {"code": INTERNAL}
        return masked


def _after_commit(error: GraphQLError, committed: set[str]) -> GraphQLError:
    """An error below a mutation whose change committed is about reading its result back:
    the client must not take it for a refusal and send the change again."""
    if error.path and str(error.path[0]) in committed:
        error.message = (
            f"the change was made and committed; reading its result failed: {error.message}"
        )
        error.extensions = {**(error.extensions or {}), "committed": True}
    return error


class ServiceExtension(SchemaExtension):
    """Counts the statements an operation sends (extensions.statements) and shapes errors."""

    statements = 0

    def on_operation(self) -> Iterator[None]:
        with counting_statements() as sent:
            yield
        self.statements = len(sent.names)
        result = self.execution_context.result
        if result is not None and result.errors:
            committed: set[str] = getattr(self.execution_context.context, "committed", set())
            result.errors = [_after_commit(_shaped(e), committed) for e in result.errors]
        pre = self.execution_context.pre_execution_errors
        if pre:
            self.execution_context.pre_execution_errors = [_shaped(e) for e in pre]

    def get_results(self) -> dict[str, Any]:
        return {"statements": self.statements}
