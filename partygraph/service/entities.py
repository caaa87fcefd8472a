"""Generic changes: create, update and delete any entity; link and unlink any relationship of
the vocabulary. Each is one transaction, checked before it writes, so a refused change writes
nothing. Workflow state (a request's status, a wish's claim…) changes only through its own
operations (partygraph.service.requests, partygraph.service.cobuilding)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from partygraph import audit, ids, properties, vocabulary
from partygraph.cypher.names import Statement
from partygraph.db import Graph, Row, Tx
from partygraph.errors import NOT_FOUND, UserError
from partygraph.service.checks import distinct, may_choose_id, require_nodes

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

# Relationships that carry a workflow's state: only its mutations write or remove them.
WORKFLOW_LINKS: dict[str, str] = {
    "ESCALATED_TO": "escalateRequest",
    "FIRST_RESPONSIBLE": "assignFirstResponsible",
    "TOOK": "takeDemand/completeDemand",
    "CLAIMED": "claimWish/fulfilWish",
}

# link's statement for a type with a key property (properties.REL_KEYS), by that property.
LINK_MERGE: dict[str | None, Statement] = {
    None: "link_merge",
    "period": "link_merge_by_period",
    "role": "link_merge_by_role",
}


def _not_workflow_link(rel: str) -> None:
    if rel in WORKFLOW_LINKS:
        raise UserError(f"{rel} changes only through {WORKFLOW_LINKS[rel]}")


def _outside_workflow(label: str, keys: set[str]) -> None:
    fields, mutations = WORKFLOW.get(label, ("", ""))
    governed = sorted(keys & set(fields.split()))
    if governed:
        raise UserError(f"{label} {', '.join(governed)} change only through {mutations}")


def _object(value: Any, what: str) -> dict[str, Any]:
    try:
        return properties.check_object(value, what)
    except properties.PropertyError as exc:
        raise UserError(str(exc)) from exc


def _node_props(label: str, values: dict[str, Any]) -> dict[str, Any]:
    try:
        return properties.node_props(label, values)
    except properties.PropertyError as exc:
        raise UserError(f"{label} property {exc}") from exc


def _rel_props(rel: str, values: dict[str, Any]) -> dict[str, Any]:
    try:
        return properties.rel_props(rel, values)
    except properties.PropertyError as exc:
        raise UserError(f"{rel} property {exc}") from exc


def _new_id(label: str, given: str | None) -> str:
    try:
        return ids.chosen_or_new(given, label.lower())
    except properties.PropertyError as exc:
        raise UserError(str(exc)) from exc


async def create_entity(graph: Graph, label: str, given: Any, chosen_id: str | None) -> Row:
    """A new entity of `label`; `name` is required, the id made unless an admin chose it."""
    props = _object(given, "properties")
    name = props.get("name")
    if not isinstance(name, str) or not name.strip():
        raise UserError("properties.name is required")
    may_choose_id(graph, chosen_id)
    node_id = _new_id(label, chosen_id)
    audit.touches([node_id])
    # A new request, wish or demand starts OPEN; the workflow moves it on from there.
    starts_open = props.get("status") in (None, "OPEN")
    _outside_workflow(label, set(props) - ({"status"} if starts_open else set()))
    stored = {**_node_props(label, props), "id": node_id}

    async def work(tx: Tx) -> Row:
        if await tx.value("label_of", {"id": node_id}) is not None:
            raise UserError(f"id {node_id!r} is already in use", id=node_id)
        return (await tx.run("entity_create", {"props": stored}, label=label))[0]

    return await graph.transaction(work)


async def update_entity(graph: Graph, node_id: str, given: Any) -> Row:
    """Set the given properties; a property given as null is removed (name cannot be)."""
    changes = _object(given, "properties")
    if not changes:
        raise UserError("properties must name at least one property")
    if "name" in changes and not (isinstance(changes["name"], str) and changes["name"].strip()):
        raise UserError("name cannot be removed or emptied")

    async def work(tx: Tx) -> Row:
        found = await require_nodes(tx, {node_id: ANY_LABEL})
        label = found[node_id]["label"]
        _outside_workflow(label, set(changes))
        present = {k: v for k, v in changes.items() if v is not None}
        stored = {**{k: None for k in changes}, **_node_props(label, present)}
        return (await tx.run("entity_update", {"id": node_id, "changes": stored}))[0]

    return await graph.transaction(work)


@dataclass(frozen=True)
class Deleted:
    label: str
    relationships_removed: int


async def delete_entity(graph: Graph, node_id: str) -> Deleted:
    """The entity and every relationship it has."""

    async def work(tx: Tx) -> Deleted:
        found = await require_nodes(tx, {node_id: ANY_LABEL})
        removed = await tx.value("entity_delete", {"id": node_id})
        return Deleted(found[node_id]["label"], int(removed or 0))

    return await graph.transaction(work)


def _keys(rel: str, props: dict[str, Any]) -> tuple[str, ...]:
    keys = properties.REL_KEYS.get(rel, ())
    missing = [k for k in keys if props.get(k) is None]
    if missing:
        raise UserError(f"{rel} needs {', '.join(missing)} in properties")
    return keys


async def _no_cycle(tx: Tx, from_: str, to: str) -> None:
    """An area never lies in itself: figures by area would count it under its own child."""
    found = await tx.value("link_in_cycle", {"from": from_, "to": to})
    if found is not None:
        chain = " → ".join(found)
        raise UserError(
            f"IN from {from_!r} to {to!r} would make a cycle in the area hierarchy: "
            f"{to!r} already lies in {from_!r} ({chain})"
        )


async def link(graph: Graph, rel: str, from_: str, to: str, given: Any) -> dict[str, Any]:
    """The relationship's properties as stored, after writing it (or updating the one there,
    matched by its key property, such as EVALUATED's period)."""
    _not_workflow_link(rel)
    props = _rel_props(rel, _object(given, "properties"))
    keys = _keys(rel, props)

    async def work(tx: Tx) -> dict[str, Any]:
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
        stored: dict[str, Any] = rows[0]["props"]
        return stored

    return await graph.transaction(work)


async def unlink(
    graph: Graph, rel: str, from_: str, to: str, period: str | None, role: str | None
) -> int:
    """How many relationships were removed (NOT_FOUND when none)."""
    _not_workflow_link(rel)
    if rel == "EVALUATED" and period is None:
        raise UserError(f"{rel} needs period to say which one to remove")
    params = {"from": from_, "to": to, "period": period, "role": role}

    async def work(tx: Tx) -> int:
        await require_nodes(tx, {from_: ANY_LABEL, to: ANY_LABEL})
        removed = int(await tx.value("link_delete", params, rel=rel) or 0)
        if removed == 0:
            raise UserError(f"no {rel} from {from_!r} to {to!r}", code=NOT_FOUND)
        return removed

    return await graph.transaction(work)
