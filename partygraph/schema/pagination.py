"""Relay connections with keyset pagination on `id`; a cursor is the opaque id of its node.

Every connection pages through `window` and `connection`: the arguments (first/after or
last/before) become a Window, its statement fetches one row more than the page from the bound
in the window's order (ascending ids forward, descending backward), and `connection` cuts the
page, puts it back in id order and says whether there is more in the direction of paging.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, Generic, Literal, TypeVar

import strawberry

from partygraph.db import Row
from partygraph.schema.errors import UserError

T = TypeVar("T")

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


@strawberry.type(description="分页信息（Relay）")
class PageInfo:
    has_next_page: bool = strawberry.field(
        description="向后翻页（first/after）时：其后是否还有；向前翻页（last/before）时总为 false"
    )
    has_previous_page: bool = strawberry.field(
        description="向前翻页（last/before）时：其前是否还有；向后翻页（first/after）时总为 false"
    )
    start_cursor: str | None = strawberry.field(description="本页第一条的游标；空页为 null")
    end_cursor: str | None = strawberry.field(description="本页最后一条的游标；空页为 null")


@strawberry.type
class Edge(Generic[T]):
    node: T
    cursor: str


@strawberry.type
class Connection(Generic[T]):
    edges: list[Edge[T]]
    page_info: PageInfo
    # Counted by its own statement, only when the client asks for it.
    _count: strawberry.Private[Callable[[], Awaitable[int]]]

    @strawberry.field(description="符合条件的总数（与分页无关）")
    async def total_count(self) -> int:
        return await self._count()


def connection(
    page: Window, rows: list[Row], node: Callable[[Row], T], count: Callable[[], Awaitable[int]]
) -> Connection[T]:
    """The page of up to size+1 rows fetched for `page` (keyed by `key`, nearest the cursor
    first): the extra row only says there is more in the direction of paging. Whether there is
    more the other way would take a second statement; Relay allows false there (PageInfo)."""
    more = len(rows) > page.size
    shown = rows[: page.size]
    if page.backward:
        shown.reverse()
    edges = [Edge(node=node(row), cursor=encode_cursor(row["key"])) for row in shown]
    return Connection(
        edges=edges,
        page_info=PageInfo(
            has_next_page=more and not page.backward,
            has_previous_page=more and page.backward,
            start_cursor=edges[0].cursor if edges else None,
            end_cursor=edges[-1].cursor if edges else None,
        ),
        _count=count,
    )
