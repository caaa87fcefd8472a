"""Generic mutations: create, update and delete any entity; link and unlink any relationship
of the vocabulary. Each is one transaction, checked before it writes."""

from __future__ import annotations

from typing import Any

import strawberry
from strawberry.scalars import JSON

from partygraph import audit, ids, properties, values, vocabulary
from partygraph.cypher.names import Statement
from partygraph.db import Tx
from partygraph.enums import ServeRole
from partygraph.errors import NOT_FOUND, UserError
from partygraph.schema.info import AppInfo
from partygraph.schema.nodes import Node, entity
from partygraph.schema.permissions import ADMIN_ONLY, OFFICES, only
from partygraph.schema.vocab_enums import Label, RelationshipType
from partygraph.service.checks import distinct, require_nodes

ANY_LABEL = tuple(vocabulary.LABELS)
# Properties that only their workflow mutations may set, so that the generic mutations cannot
# close a request or fulfil a wish behind the workflow's rules.
WORKFLOW: dict[str, tuple[str, str]] = {
    "Request": (
        "status level raisedAt closedAt returnedAt returnReason satisfaction",
        "raiseRequest/escalateRequest/closeRequest/returnRequest",
    ),
    "Wish": ("status", "claimWish/fulfilWish"),
    "Demand": ("status", "takeDemand/completeDemand"),
}

# link's statement for a type with a key property (properties.REL_KEYS), by that property.
LINK_MERGE: dict[str | None, Statement] = {
    None: "link_merge",
    "period": "link_merge_by_period",
    "role": "link_merge_by_role",
}


# Relationships that carry a workflow's state: only its mutations write or remove them.
WORKFLOW_LINKS: dict[str, str] = {
    "ESCALATED_TO": "escalateRequest",
    "FIRST_RESPONSIBLE": "assignFirstResponsible",
    "TOOK": "takeDemand/completeDemand",
    "CLAIMED": "claimWish/fulfilWish",
}


def _not_workflow_link(rel: str) -> None:
    if rel in WORKFLOW_LINKS:
        raise UserError(f"{rel} changes only through {WORKFLOW_LINKS[rel]}")


def _outside_workflow(label: str, keys: set[str]) -> None:
    fields, mutations = WORKFLOW.get(label, ("", ""))
    governed = sorted(keys & set(fields.split()))
    if governed:
        raise UserError(f"{label} {', '.join(governed)} change only through {mutations}")


@strawberry.type(description="关系（from/to 为起止实体 id）")
class Relationship:
    type: str
    from_: strawberry.ID = strawberry.field(name="from")
    to: strawberry.ID
    properties: JSON


def _object(value: Any, what: str) -> dict[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise UserError(f"{what} must be a JSON object")
    for key, item in value.items():
        if key == "id":
            raise UserError(f"{what} may not contain 'id'")
        try:
            properties.check_text(key, "a property name")
            properties.check_storable(item, f"{what}.{key}")
        except properties.PropertyError as exc:
            raise UserError(str(exc)) from exc
    return value


def _coerced(convert: Any, name: str, values: dict[str, Any]) -> dict[str, Any]:
    try:
        result: dict[str, Any] = convert(name, values)
    except properties.PropertyError as exc:
        raise UserError(f"{name} property {exc}") from exc
    return result


def _new_id(label: str, given: str | None) -> str:
    try:
        return ids.chosen_or_new(given, label.lower())
    except properties.PropertyError as exc:
        raise UserError(str(exc)) from exc


def _row_entity(rows: list[dict[str, Any]]) -> Node:
    return entity(rows[0])


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
        label = input.label
        props = _object(input.properties, "properties")
        name = props.get("name")
        if not isinstance(name, str) or not name.strip():
            raise UserError("properties.name is required")
        node_id = _new_id(label.value, input.id)
        audit.touches([node_id])
        # A new request, wish or demand starts OPEN; the workflow moves it on from there.
        starts_open = props.get("status") in (None, "OPEN")
        _outside_workflow(label.value, set(props) - ({"status"} if starts_open else set()))
        values = {**_coerced(_node_props, label.value, props), "id": node_id}

        async def work(tx: Tx) -> Node:
            if await tx.value("label_of", {"id": node_id}) is not None:
                raise UserError(f"id {node_id!r} is already in use", id=node_id)
            return _row_entity(await tx.run("entity_create", {"props": values}, label=label.value))

        made = await info.context.graph.transaction(work)
        return CreateEntityPayload(entity=made, created_ids=[strawberry.ID(node_id)])

    @strawberry.mutation(
        description="修改实体属性；值为 null 的属性被删除（name 与 id 不能删除或修改 id）",
        extensions=[only(OFFICES)],
    )
    async def update_entity(
        self, info: AppInfo, input: UpdateEntityInput
    ) -> UpdateEntityPayload | None:
        id = input.id
        changes = _object(input.properties, "properties")
        if not changes:
            raise UserError("properties must name at least one property")
        if "name" in changes and not (isinstance(changes["name"], str) and changes["name"].strip()):
            raise UserError("name cannot be removed or emptied")

        async def work(tx: Tx) -> Node:
            found = await require_nodes(tx, {id: ANY_LABEL})
            label = found[id]["label"]
            _outside_workflow(label, set(changes))
            present = {k: v for k, v in changes.items() if v is not None}
            values = {**{k: None for k in changes}, **_coerced(_node_props, label, present)}
            return _row_entity(await tx.run("entity_update", {"id": id, "changes": values}))

        return UpdateEntityPayload(entity=await info.context.graph.transaction(work))

    @strawberry.mutation(description="删除实体及其全部关系", extensions=[only(ADMIN_ONLY)])
    async def delete_entity(
        self, info: AppInfo, input: DeleteEntityInput
    ) -> DeleteEntityPayload | None:
        id = input.id

        async def work(tx: Tx) -> DeleteEntityPayload:
            found = await require_nodes(tx, {id: ANY_LABEL})
            removed = await tx.value("entity_delete", {"id": id})
            return DeleteEntityPayload(
                deleted_id=id,
                label=found[id]["label"],
                relationships_removed=removed,
            )

        return await info.context.graph.transaction(work)

    @strawberry.mutation(
        description="建立关系（已存在则更新其属性）；两端类型须符合词表，"
        "如 IN 只能由社区指向街道等",
        extensions=[only(OFFICES)],
    )
    async def link(self, info: AppInfo, input: LinkInput) -> LinkPayload | None:
        rel, from_, to = input.type.value, input.from_, input.to
        _not_workflow_link(rel)
        props = _coerced(_rel_props, rel, _object(input.properties, "properties"))
        keys = _keys(rel, props)

        async def work(tx: Tx) -> Relationship:
            distinct(**{"from": from_, "to": to})
            found = await require_nodes(tx, {from_: ANY_LABEL, to: ANY_LABEL})
            source, target = found[from_]["label"], found[to]["label"]
            if not vocabulary.allows(rel, source, target):
                allowed = ", ".join(f"{s}->{t}" for s, t in vocabulary.endpoints(rel))
                raise UserError(f"{rel} cannot join a {source} to a {target} (allowed: {allowed})")
            if rel == "IN":
                await _no_cycle(tx, from_, to)
            name = LINK_MERGE[keys[0] if keys else None]
            rows = await tx.run(name, {"from": from_, "to": to, "props": props}, rel=rel)
            plain = JSON(_plain(rows[0]["props"]))
            return Relationship(type=rel, from_=from_, to=to, properties=plain)

        return LinkPayload(relationship=await info.context.graph.transaction(work))

    @strawberry.mutation(
        description="删除关系；EVALUATED 需给出 period 指明哪一期，SERVES 可给出 role 只删该角色",
        extensions=[only(OFFICES)],
    )
    async def unlink(self, info: AppInfo, input: UnlinkInput) -> UnlinkPayload | None:
        rel, from_, to, period = input.type.value, input.from_, input.to, input.period
        _not_workflow_link(rel)
        if rel == "EVALUATED" and period is None:
            raise UserError(f"{rel} needs period to say which one to remove")
        role = input.role.name if input.role else None
        params = {"from": from_, "to": to, "period": period, "role": role}

        async def work(tx: Tx) -> int:
            await require_nodes(tx, {from_: ANY_LABEL, to: ANY_LABEL})
            removed = int(await tx.value("link_delete", params, rel=rel) or 0)
            if removed == 0:
                raise UserError(f"no {rel} from {from_!r} to {to!r}", code=NOT_FOUND)
            return removed

        return UnlinkPayload(removed=await info.context.graph.transaction(work))


async def _no_cycle(tx: Tx, from_: str, to: str) -> None:
    """An area never lies in itself: figures by area would count it under its own child."""
    found = await tx.value("link_in_cycle", {"from": from_, "to": to})
    if found is not None:
        chain = " → ".join(found)
        raise UserError(
            f"IN from {from_!r} to {to!r} would make a cycle in the area hierarchy: "
            f"{to!r} already lies in {from_!r} ({chain})"
        )


def _node_props(label: str, values: dict[str, Any]) -> dict[str, Any]:
    return properties.node_props(label, values)


def _rel_props(rel: str, values: dict[str, Any]) -> dict[str, Any]:
    return properties.rel_props(rel, values)


def _keys(rel: str, props: dict[str, Any]) -> tuple[str, ...]:
    keys = properties.REL_KEYS.get(rel, ())
    missing = [k for k in keys if props.get(k) is None]
    if missing:
        raise UserError(f"{rel} needs {', '.join(missing)} in properties")
    return keys


def _plain(props: dict[str, Any]) -> dict[str, Any]:
    """Relationship properties as JSON: temporal values as ISO text, a non-finite number
    (stored before they were refused) as null."""
    return {k: values.as_json(v) for k, v in props.items()}
