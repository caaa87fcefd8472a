"""The root query: lookups by id, paged lists per label, and the shortest path."""

from __future__ import annotations

import asyncio
from typing import Annotated

import strawberry

from partygraph import cypher
from partygraph.errors import NOT_FOUND, UserError
from partygraph.paging import MAX_PAGE, id_count, window
from partygraph.resolvers import exploration
from partygraph.resolvers import navigation as nav
from partygraph.resolvers.navigation import AppInfo
from partygraph.schema.nodes import (
    Community,
    District,
    Grid,
    N,
    Node,
    PartyOrganization,
    Person,
    Street,
    Unit,
    entity,
)
from partygraph.schema.pagination import Connection, connection


@strawberry.type(description="路径上的实体")
class PathNode:
    id: strawberry.ID
    label: str
    name: str | None


@strawberry.type(description="路径上的关系（from/to 为关系本来方向的起止实体 id）")
class PathRelationship:
    type: str
    from_: strawberry.ID = strawberry.field(name="from")
    to: strawberry.ID


@strawberry.type(description="两个实体之间的关系路径")
class Path:
    length: int
    nodes: list[PathNode]
    relationships: list[PathRelationship]


async def _typed(info: AppInfo, node_id: str, cls: type[N]) -> N | None:
    row = await nav.by_id(info, node_id)
    if row is None or row["label"] != cls.__name__:
        return None
    return cls.from_row(row)


async def _page(
    info: AppInfo,
    cls: type[N],
    first: int | None,
    after: str | None,
    last: int | None,
    before: str | None,
) -> Connection[N]:
    page = window(first, after, last, before)
    graph = info.context.graph
    label = cls.__name__
    rows = await exploration.page_by_label(graph, label, page)
    return connection(page, rows, cls.from_row, lambda: exploration.count_by_label(graph, label))


@strawberry.type
class Query:
    @strawberry.field(description="按 id 取任一实体，不论其类型")
    async def node(self, info: AppInfo, id: strawberry.ID) -> Node | None:
        row = await nav.by_id(info, id)
        return entity(row) if row else None

    @strawberry.field(
        description=f"按 id 批量取实体（至多 {MAX_PAGE} 个），顺序同 ids；"
        "不存在或无权查看的 id 对应 null（同 node）"
    )
    async def nodes(self, info: AppInfo, ids: list[strawberry.ID]) -> list[Node | None] | None:
        id_count(ids)
        rows = await nav.by_ids(info, ids)
        return [entity(row) if row else None for row in rows]

    @strawberry.field(description="区/县")
    async def district(self, info: AppInfo, id: strawberry.ID) -> District | None:
        return await _typed(info, id, District)

    @strawberry.field(description="街道/镇")
    async def street(self, info: AppInfo, id: strawberry.ID) -> Street | None:
        return await _typed(info, id, Street)

    @strawberry.field(description="社区/村")
    async def community(self, info: AppInfo, id: strawberry.ID) -> Community | None:
        return await _typed(info, id, Community)

    @strawberry.field(description="网格")
    async def grid(self, info: AppInfo, id: strawberry.ID) -> Grid | None:
        return await _typed(info, id, Grid)

    @strawberry.field(description="驻区单位/机关部门")
    async def unit(self, info: AppInfo, id: strawberry.ID) -> Unit | None:
        return await _typed(info, id, Unit)

    @strawberry.field(description="人员")
    async def person(self, info: AppInfo, id: strawberry.ID) -> Person | None:
        return await _typed(info, id, Person)

    @strawberry.field(description="党组织")
    async def party_organization(
        self, info: AppInfo, id: strawberry.ID
    ) -> PartyOrganization | None:
        return await _typed(info, id, PartyOrganization)

    @strawberry.field(description="全部区/县（按 id 分页）")
    async def districts(
        self,
        info: AppInfo,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[District] | None:
        return await _page(info, District, first, after, last, before)

    @strawberry.field(description="全部街道/镇（按 id 分页）")
    async def streets(
        self,
        info: AppInfo,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[Street] | None:
        return await _page(info, Street, first, after, last, before)

    @strawberry.field(description="全部社区/村（按 id 分页）")
    async def communities(
        self,
        info: AppInfo,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[Community] | None:
        return await _page(info, Community, first, after, last, before)

    @strawberry.field(description="全部网格（按 id 分页）")
    async def grids(
        self,
        info: AppInfo,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[Grid] | None:
        return await _page(info, Grid, first, after, last, before)

    @strawberry.field(description="全部单位（按 id 分页）")
    async def units(
        self,
        info: AppInfo,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[Unit] | None:
        return await _page(info, Unit, first, after, last, before)

    @strawberry.field(description="全部党组织（按 id 分页）")
    async def party_organizations(
        self,
        info: AppInfo,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[PartyOrganization] | None:
        return await _page(info, PartyOrganization, first, after, last, before)

    @strawberry.field(
        description="两个实体之间的最短关系路径（任意关系类型、不分方向），"
        "maxHops 步以内没有路径时为 null"
    )
    async def shortest_path(
        self,
        info: AppInfo,
        from_: Annotated[strawberry.ID, strawberry.argument(name="from")],
        to: strawberry.ID,
        max_hops: int = 6,
    ) -> Path | None:
        if not 1 <= max_hops <= cypher.MAX_HOPS:
            raise UserError(f"maxHops must be between 1 and {cypher.MAX_HOPS}")
        # Both ends in one batch: one statement.
        ends = await asyncio.gather(nav.by_id(info, from_), nav.by_id(info, to))
        missing = [i for i, row in zip((from_, to), ends, strict=True) if row is None]
        if missing:
            raise UserError(f"no entity with id {', '.join(missing)}", code=NOT_FOUND)
        if from_ == to:
            row = ends[0]
            assert row is not None
            node = PathNode(id=from_, label=row["label"], name=row["props"].get("name"))
            return Path(length=0, nodes=[node], relationships=[])
        found = await exploration.shortest_path(info.context.graph, from_, to, max_hops)
        if found is None:
            return None
        return Path(
            length=found["length"],
            nodes=[PathNode(id=n["id"], label=n["label"], name=n["name"]) for n in found["nodes"]],
            relationships=[
                PathRelationship(type=r["type"], from_=r["from"], to=r["to"])
                for r in found["relationships"]
            ],
        )
