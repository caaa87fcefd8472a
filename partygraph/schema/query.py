"""The root query: lookups by id, paged lists per label, and the shortest path."""

from __future__ import annotations

import asyncio
from typing import Annotated, Any

import strawberry

from partygraph import cypher
from partygraph.errors import NOT_FOUND, UserError
from partygraph.paging import MAX_PAGE, id_count, window
from partygraph.schema.info import AppInfo
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
from partygraph.service import exploration
from partygraph.service import navigation as nav


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
    row = await nav.by_id(info.context, node_id)
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
    return connection(
        await exploration.by_label(info.context.graph, cls.__name__, page), cls.from_row
    )


def _lookup(cls: type[N], description: str) -> Any:
    """The root field `cls(id)`: one entity of that label, or null (as `node`)."""

    async def resolve(info: AppInfo, id: strawberry.ID) -> N | None:
        return await _typed(info, id, cls)

    resolve.__annotations__["return"] = cls | None
    return strawberry.field(resolver=resolve, description=description)


def _all(cls: type[N], description: str) -> Any:
    """The root field listing every entity of that label as a Relay connection, by id."""

    async def resolve(
        info: AppInfo,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[N] | None:
        return await _page(info, cls, first, after, last, before)

    resolve.__annotations__["return"] = Connection[cls] | None  # type: ignore[valid-type]
    return strawberry.field(resolver=resolve, description=description)


@strawberry.type(description="当前调用者：令牌所代表的身份、角色和管辖范围")
class Viewer:
    subject: str = strawberry.field(description="令牌的 sub（操作者）")
    role: str = strawberry.field(
        description="角色：admin、district、street、community、unit 或 integration"
    )
    scope_id: strawberry.ID | None = strawberry.field(
        description="管辖范围（区、街道、社区或单位）的 id；admin 与 integration 为 null"
    )

    @strawberry.field(description="管辖范围的实体；admin 与 integration 为 null")
    async def scope(self, info: AppInfo) -> Node | None:
        if self.scope_id is None:
            return None
        row = await nav.by_id(info.context, self.scope_id)
        return entity(row) if row else None


@strawberry.type
class Query:
    @strawberry.field(description="当前调用者是谁：角色与管辖范围（前端据此显示和取数）")
    def viewer(self, info: AppInfo) -> Viewer:
        viewer = info.context.viewer
        assert viewer is not None  # AuthGuard lets no request through without one
        scope = strawberry.ID(viewer.scope) if viewer.scope is not None else None
        return Viewer(subject=viewer.subject, role=viewer.role.value, scope_id=scope)

    @strawberry.field(description="按 id 取任一实体，不论其类型")
    async def node(self, info: AppInfo, id: strawberry.ID) -> Node | None:
        row = await nav.by_id(info.context, id)
        return entity(row) if row else None

    @strawberry.field(
        description=f"按 id 批量取实体（至多 {MAX_PAGE} 个），顺序同 ids；"
        "不存在或无权查看的 id 对应 null（同 node）"
    )
    async def nodes(self, info: AppInfo, ids: list[strawberry.ID]) -> list[Node | None] | None:
        id_count(ids)
        rows = await nav.by_ids(info.context, ids)
        return [entity(row) if row else None for row in rows]

    # One entity of a label by id, and every entity of a label, page by page.
    district = _lookup(District, "区/县")
    street = _lookup(Street, "街道/镇")
    community = _lookup(Community, "社区/村")
    grid = _lookup(Grid, "网格")
    unit = _lookup(Unit, "驻区单位/机关部门")
    person = _lookup(Person, "人员")
    party_organization = _lookup(PartyOrganization, "党组织")
    districts = _all(District, "全部区/县（按 id 分页）")
    streets = _all(Street, "全部街道/镇（按 id 分页）")
    communities = _all(Community, "全部社区/村（按 id 分页）")
    grids = _all(Grid, "全部网格（按 id 分页）")
    units = _all(Unit, "全部单位（按 id 分页）")
    party_organizations = _all(PartyOrganization, "全部党组织（按 id 分页）")

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
        ends = await asyncio.gather(nav.by_id(info.context, from_), nav.by_id(info.context, to))
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
