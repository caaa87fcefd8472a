"""What a caller did wrong, as the service layer says it: plain exceptions with a code.

The GraphQL layer turns them into errors with `extensions.code` (partygraph.schema.errors), as
it does the graph's own (partygraph.graph_errors.GraphError); nothing below it knows of GraphQL.
"""

from __future__ import annotations

from typing import Any

BAD_USER_INPUT = "BAD_USER_INPUT"
NOT_FOUND = "NOT_FOUND"
FORBIDDEN = "FORBIDDEN"
# A change the entity's state does not allow (closing a closed request, claiming a claimed
# wish): nothing is changed.
INVALID_STATE = "INVALID_STATE"
# Over a depth, alias, token or cost limit; the message says which and what the limit is.
TOO_COMPLEX = "QUERY_TOO_COMPLEX"
INTERNAL = "INTERNAL_SERVER_ERROR"


class UserError(Exception):
    """A request the caller can fix; the message says how. `extra` goes beside the code in
    the error's extensions (e.g. the limit a value broke)."""

    def __init__(self, message: str, code: str = BAD_USER_INPUT, **extra: Any) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.extensions: dict[str, Any] = {"code": code, **extra}
