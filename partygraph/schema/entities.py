"""Generic mutations: create, update and delete any entity; link and unlink any relationship
of the vocabulary (partygraph.service.entities does and checks each)."""

from __future__ import annotations

import strawberry
from strawberry.scalars import JSON

from partygraph import values
from partygraph.enums import ServeRole
from partygraph.schema.info import AppInfo
from partygraph.schema.nodes import Node, entity
from partygraph.schema.permissions import ADMIN_ONLY, OFFICES, only
from partygraph.schema.vocab_enums import Label, RelationshipType
from partygraph.service import entities as changes


@strawberry.type(description="关系（from/to 为起止实体 id）")
class Relationship:
    type: str
    from_: strawberry.ID = strawberry.field(name="from")
    to: strawberry.ID
    properties: JSON


@strawberry.input(description="新建实体")
class CreateEntityInput:
    label: Label
    properties: JSON = strawberry.field(description="属性；name 必填")
    id: strawberry.ID | None = strawberry.field(default=None, description="不给则自动生成")


@strawberry.type(description="新建的实体")
class CreateEntityPayload:
    entity: Node
    created_ids: list[strawberry.ID] = strawberry.field(description="新建实体的 id")


@strawberry.input(description="修改实体属性")
class UpdateEntityInput:
    id: strawberry.ID
    properties: JSON = strawberry.field(description="要修改的属性；值为 null 的属性被删除")


@strawberry.type(description="修改后的实体")
class UpdateEntityPayload:
    entity: Node


@strawberry.input(description="删除实体")
class DeleteEntityInput:
    id: strawberry.ID


@strawberry.type(description="已删除的实体")
class DeleteEntityPayload:
    deleted_id: strawberry.ID = strawberry.field(description="已删除实体的 id")
    label: str
    relationships_removed: int = strawberry.field(description="随之删除的关系数")


@strawberry.input(description="建立关系（from/to 为起止实体 id）")
class LinkInput:
    type: RelationshipType
    from_: strawberry.ID = strawberry.field(name="from")
    to: strawberry.ID
    properties: JSON | None = None


@strawberry.type(description="建立或更新的关系")
class LinkPayload:
    relationship: Relationship


@strawberry.input(
    description="删除关系；EVALUATED 需给出 period 指明哪一期，SERVES 可给出 role 只删该角色"
)
class UnlinkInput:
    type: RelationshipType
    from_: strawberry.ID = strawberry.field(name="from")
    to: strawberry.ID
    period: str | None = None
    role: ServeRole | None = None


@strawberry.type(description="删除关系的结果")
class UnlinkPayload:
    removed: int = strawberry.field(description="删除的关系数")


@strawberry.type
class EntityMutation:
    @strawberry.mutation(
        description="新建任一类型的实体；name 必填，id 不给则自动生成",
        extensions=[only(ADMIN_ONLY)],
    )
    async def create_entity(
        self, info: AppInfo, input: CreateEntityInput
    ) -> CreateEntityPayload | None:
        graph = info.context.graph
        row = await changes.create_entity(graph, input.label.value, input.properties, input.id)
        return CreateEntityPayload(entity=entity(row), created_ids=[strawberry.ID(row["key"])])

    @strawberry.mutation(
        description="修改实体属性；值为 null 的属性被删除（name 与 id 不能删除或修改 id）",
        extensions=[only(OFFICES)],
    )
    async def update_entity(
        self, info: AppInfo, input: UpdateEntityInput
    ) -> UpdateEntityPayload | None:
        row = await changes.update_entity(info.context.graph, input.id, input.properties)
        return UpdateEntityPayload(entity=entity(row))

    @strawberry.mutation(description="删除实体及其全部关系", extensions=[only(ADMIN_ONLY)])
    async def delete_entity(
        self, info: AppInfo, input: DeleteEntityInput
    ) -> DeleteEntityPayload | None:
        gone = await changes.delete_entity(info.context.graph, input.id)
        return DeleteEntityPayload(
            deleted_id=input.id, label=gone.label, relationships_removed=gone.relationships_removed
        )

    @strawberry.mutation(
        description="建立关系（已存在则更新其属性）；两端类型须符合词表，"
        "如 IN 只能由社区指向街道等",
        extensions=[only(OFFICES)],
    )
    async def link(self, info: AppInfo, input: LinkInput) -> LinkPayload | None:
        rel, from_, to = input.type.value, input.from_, input.to
        stored = await changes.link(info.context.graph, rel, from_, to, input.properties)
        # Temporal values as ISO text, a non-finite number (stored before they were refused)
        # as null.
        plain = JSON({k: values.as_json(v) for k, v in stored.items()})
        return LinkPayload(
            relationship=Relationship(type=rel, from_=from_, to=to, properties=plain)
        )

    @strawberry.mutation(
        description="删除关系；EVALUATED 需给出 period 指明哪一期，SERVES 可给出 role 只删该角色",
        extensions=[only(OFFICES)],
    )
    async def unlink(self, info: AppInfo, input: UnlinkInput) -> UnlinkPayload | None:
        role = input.role.name if input.role else None
        removed = await changes.unlink(
            info.context.graph, input.type.value, input.from_, input.to, input.period, role
        )
        return UnlinkPayload(removed=removed)
