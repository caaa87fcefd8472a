"""Exploration: the neighbourhood of an entity (for drawing) and name search."""

from __future__ import annotations

import strawberry

from partygraph.errors import UserError
from partygraph.schema.info import AppInfo
from partygraph.schema.nodes import Node, entity
from partygraph.schema.query import PathNode, PathRelationship
from partygraph.schema.vocab_enums import Label, RelationshipType
from partygraph.service import exploration

MAX_NEIGHBOURS = 500
MAX_SEARCH = 50
MAX_SEARCH_TEXT = 50


def search_text(text: str) -> str:
    """The text `search` looks for, trimmed (checked here and by the cost rule, so that a
    mutation's answer is not refused after its change was made)."""
    text = text.strip()
    if not 1 <= len(text) <= MAX_SEARCH_TEXT:
        raise UserError(f"text must be 1 to {MAX_SEARCH_TEXT} characters")
    return text


@strawberry.type(description="一个实体的邻域：节点与关系，供前端绘图")
class Neighborhood:
    nodes: list[PathNode]
    relationships: list[PathRelationship]
    truncated: bool = strawberry.field(description="是否因数量上限而截断")


@strawberry.type
class ExplorationQuery:
    @strawberry.field(
        description="实体的邻域：depth 步以内（1-3）经由指定关系类型（不指定则全部，不分方向）"
        "可达的节点和关系；最多 limit 个节点（1-500，含中心实体本身，中心实体排在第一个），"
        "超出时 truncated 为 true"
    )
    async def neighborhood(
        self,
        info: AppInfo,
        id: strawberry.ID,
        depth: int = 1,
        types: list[RelationshipType] | None = None,
        limit: int = 200,
    ) -> Neighborhood | None:
        if not 1 <= depth <= exploration.MAX_NEIGHBOURHOOD_DEPTH:
            raise UserError(f"depth must be between 1 and {exploration.MAX_NEIGHBOURHOOD_DEPTH}")
        if not 1 <= limit <= MAX_NEIGHBOURS:
            raise UserError(f"limit must be between 1 and {MAX_NEIGHBOURS}")
        wanted = [t.value for t in types] if types else None
        found = await exploration.neighbourhood(info.context.graph, id, depth, wanted, limit)
        centre = found.centre
        return Neighborhood(
            nodes=[PathNode(id=id, label=centre["label"], name=centre["props"].get("name"))]
            + [
                PathNode(id=n["id"], label=n["label"], name=n["name"]) for n in found.nodes.values()
            ],
            relationships=[
                PathRelationship(type=t, from_=strawberry.ID(f), to=strawberry.ID(to))
                for (f, t, to) in sorted(found.relationships)
            ],
            truncated=found.truncated,
        )

    @strawberry.field(
        description="按名称搜索实体（中文子串匹配），可限定类型；"
        "按名称长度（越短越贴近）再按 id 排序"
    )
    async def search(
        self,
        info: AppInfo,
        text: str,
        labels: list[Label] | None = None,
        first: int = 20,
    ) -> list[Node] | None:
        text = search_text(text)
        if not 1 <= first <= MAX_SEARCH:
            raise UserError(f"first must be between 1 and {MAX_SEARCH}")
        wanted = [label.value for label in labels] if labels else None
        rows = await exploration.search(info.context.graph, text, wanted, first)
        return [entity(row) for row in rows]
