"""Entity ids: the stable identity other systems key on (the integration contract). One rule
for every id a caller chooses, whichever way it arrives (createEntity, createRequest,
recordActivity, an import line): text of 1 to MAX_ID_LENGTH characters with no surrounding
spaces (" c-1" and "c-1" would print alike and be two entities) and no lone surrogates. An id
the service makes is a prefix and 32 random hex digits."""

from __future__ import annotations

import uuid

from partygraph.properties import PropertyError, check_text

MAX_ID_LENGTH = 200
# The spaces a person types around an id by mistake (ASCII, no-break, ideographic). Other
# characters Python counts as space, such as the line separators, are text an id may end with.
SPACES = " \t\u00a0\u3000"


def new_id(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex}"


def checked(value: str, what: str = "id") -> str:
    """`value` if it may be an id, else PropertyError saying why."""
    if not value.strip() or value != value.strip(SPACES) or len(value) > MAX_ID_LENGTH:
        raise PropertyError(
            f"{what} must be 1 to {MAX_ID_LENGTH} characters without surrounding spaces"
        )
    return check_text(value, what, MAX_ID_LENGTH)


def chosen_or_new(given: str | None, prefix: str) -> str:
    """The id a caller chose (checked), or a new one."""
    return new_id(prefix) if given is None else checked(given)
