"""Relay connections with keyset pagination on `id`; the cursor is the opaque last id."""

from __future__ import annotations

import base64
import binascii
from collections.abc import Awaitable, Callable
from typing import Generic, TypeVar

import strawberry

from partygraph.schema.errors import UserError

T = TypeVar("T")

DEFAULT_PAGE = 20
MAX_PAGE = 100


def encode_cursor(node_id: str) -> str:
    return base64.urlsafe_b64encode(f"id:{node_id}".encode()).decode()


def decode_cursor(cursor: str | None) -> str | None:
    if cursor is None:
        return None
    try:
        text = base64.urlsafe_b64decode(cursor.encode()).decode()
    except (binascii.Error, UnicodeDecodeError, ValueError):
        text = ""
    if not text.startswith("id:"):
        raise UserError("`after` is not a cursor this API gave out")
    return text[3:]


def page_size(first: int | None) -> int:
    size = DEFAULT_PAGE if first is None else first
    if not 1 <= size <= MAX_PAGE:
        raise UserError(f"`first` must be between 1 and {MAX_PAGE}", limit=MAX_PAGE)
    return size


@strawberry.type(description="分页信息")
class PageInfo:
    has_next_page: bool
    end_cursor: str | None


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
    nodes: list[T], ids: list[str], size: int, count: Callable[[], Awaitable[int]]
) -> Connection[T]:
    """Build a page from up to size+1 fetched nodes (the extra one only says there is more)."""
    shown = nodes[:size]
    edges = [Edge(node=n, cursor=encode_cursor(i)) for n, i in zip(shown, ids, strict=False)]
    return Connection(
        edges=edges,
        page_info=PageInfo(
            has_next_page=len(nodes) > size, end_cursor=edges[-1].cursor if edges else None
        ),
        _count=count,
    )
