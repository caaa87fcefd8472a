"""Keyset pages on `id`: a connection's arguments (first/after or last/before) as a Window, and
the opaque cursors. A page statement fetches one row more than the page from the bound, in the
window's order (ascending ids forward, descending backward), and a count statement counts
them all, only when asked (`read_page`); partygraph.schema.pagination cuts the page and builds
the Relay connection.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from partygraph.cypher.names import Statement
from partygraph.db import Graph, Row
from partygraph.errors import UserError

DEFAULT_PAGE = 20
MAX_PAGE = 100


def encode_cursor(node_id: str) -> str:
    return base64.urlsafe_b64encode(f"id:{node_id}".encode()).decode()


def decode_cursor(cursor: str | None, argument: str = "after") -> str | None:
    if cursor is None:
        return None
    try:
        text = base64.urlsafe_b64decode(cursor.encode()).decode()
    except (binascii.Error, UnicodeDecodeError, ValueError):
        text = ""
    if not text.startswith("id:"):
        raise UserError(f"`{argument}` is not a cursor this API gave out")
    return text[3:]


def page_size(value: int | None, argument: str = "first") -> int:
    size = DEFAULT_PAGE if value is None else value
    if not 1 <= size <= MAX_PAGE:
        raise UserError(f"`{argument}` must be between 1 and {MAX_PAGE}", limit=MAX_PAGE)
    return size


@dataclass(frozen=True)
class Window:
    """What a connection's arguments ask for: `size` nodes between the bounds, the first ones
    after `after` (forward) or the last ones before `before` (backward)."""

    size: int
    after: str | None
    before: str | None
    backward: bool

    @property
    def order(self) -> Literal["ASC", "DESC"]:
        """The order of the page statement (its `__ORDER__`): nearest the cursor first."""
        return "DESC" if self.backward else "ASC"

    def params(self) -> dict[str, Any]:
        """The page statement's parameters: both bounds, and one row more than the page."""
        return {"after": self.after, "before": self.before, "limit": self.size + 1}


def one_direction(first: int | None, last: int | None) -> None:
    """A page is taken forward or backward, not both (checked here and by the cost rule)."""
    if first is not None and last is not None:
        raise UserError("`first` and `last` cannot be given together", limit=MAX_PAGE)


def id_count(ids: list[Any]) -> int:
    """How many ids `nodes` is asked for: at most a page (checked here and by the cost rule)."""
    if len(ids) > MAX_PAGE:
        raise UserError(f"`ids` holds at most {MAX_PAGE} ids", limit=MAX_PAGE)
    return len(ids)


def window(first: int | None, after: str | None, last: int | None, before: str | None) -> Window:
    """The Window of a connection's arguments (BAD_USER_INPUT when they do not make one)."""
    one_direction(first, last)
    backward = last is not None
    size = page_size(last, "last") if backward else page_size(first)
    return Window(size, decode_cursor(after), decode_cursor(before, "before"), backward)


@dataclass(frozen=True)
class Page:
    """The rows a page statement fetched for `window` (up to size+1, nearest the cursor first),
    and the count of everything the window pages through, sent only if awaited."""

    window: Window
    rows: list[Row]
    count: Callable[[], Awaitable[int]]


async def read_page(
    graph: Graph,
    statements: tuple[Statement, Statement],
    params: Mapping[str, Any],
    window: Window,
    label: str | None = None,
) -> Page:
    """A (page, count) pair of statements sharing `params` (and the `label` of a template):
    the page read now, in the window's order; the count when the client selects totalCount."""
    page, count = statements
    rows = await graph.read(page, {**params, **window.params()}, order=window.order, label=label)

    async def total() -> int:
        return int(await graph.value(count, params, label=label) or 0)

    return Page(window, rows, total)
