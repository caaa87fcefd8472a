"""Relay connections over keyset pages (partygraph.paging): `connection` cuts the page its
statement fetched, puts it back in id order and says whether there is more in the direction of
paging.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Generic, TypeVar

import strawberry

from partygraph.db import Row
from partygraph.paging import Page, encode_cursor

T = TypeVar("T")


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


def connection(page: Page, node: Callable[[Row], T]) -> Connection[T]:
    """The page of up to size+1 rows fetched for its window (keyed by `key`, nearest the cursor
    first): the extra row only says there is more in the direction of paging. Whether there is
    more the other way would take a second statement; Relay allows false there (PageInfo)."""
    window = page.window
    more = len(page.rows) > window.size
    shown = page.rows[: window.size]
    if window.backward:
        shown.reverse()
    edges = [Edge(node=node(row), cursor=encode_cursor(row["key"])) for row in shown]
    return Connection(
        edges=edges,
        page_info=PageInfo(
            has_next_page=more and not window.backward,
            has_previous_page=more and window.backward,
            start_cursor=edges[0].cursor if edges else None,
            end_cursor=edges[-1].cursor if edges else None,
        ),
        _count=page.count,
    )
