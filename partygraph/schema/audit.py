"""The audit trail: every mutation, who made it, with which ids, when and how it ended.

Recorded after the operation by a schema extension, one entry per mutation field, whether it
succeeded or was refused; queryable by admin only.
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from collections.abc import AsyncIterator
from typing import Any, cast

import strawberry
from graphql import FieldNode, OperationDefinitionNode
from graphql.execution.values import get_argument_values
from strawberry.extensions import SchemaExtension
from strawberry.types.graphql import OperationType

from partygraph.db import GraphError
from partygraph.resolvers.context import Context
from partygraph.resolvers.navigation import AppInfo
from partygraph.schema.pagination import Connection, connection, decode_cursor, page_size
from partygraph.schema.permissions import ADMIN_ONLY, require

log = logging.getLogger("partygraph")
ID_ARGUMENTS = {"id", "from", "to"}


def _ids(arguments: dict[str, Any]) -> list[str]:
    """The entity ids a mutation names: arguments called id, from, to or …Id."""
    return sorted(
        str(value)
        for name, value in arguments.items()
        if value is not None and (name in ID_ARGUMENTS or name.endswith("Id"))
    )


class AuditExtension(SchemaExtension):
    async def on_execute(self) -> AsyncIterator[None]:
        yield
        ctx = self.execution_context
        if ctx.operation_type is not OperationType.MUTATION or ctx.result is None:
            return
        context = ctx.context
        if not isinstance(context, Context) or context.viewer is None:
            return
        operation = next(
            (d for d in ctx.graphql_document.definitions if isinstance(d, OperationDefinitionNode))
            if ctx.graphql_document
            else iter(()),
            None,
        )
        mutation_type = ctx.schema._schema.mutation_type
        if operation is None or mutation_type is None:
            return
        failed = {
            str(error.path[0]): (error.extensions or {}).get("code", "ERROR")
            for error in ctx.result.errors or []
            if error.path
        }
        now = dt.datetime.now(dt.UTC)
        entries = []
        for index, selection in enumerate(operation.selection_set.selections):
            if not isinstance(selection, FieldNode):
                continue
            name = selection.name.value
            key = selection.alias.value if selection.alias else name
            field = mutation_type.fields.get(name)
            try:
                variables = cast(Any, ctx.variables)
                arguments = get_argument_values(field, selection, variables) if field else {}
            except Exception:  # arguments that did not validate: the operation never ran
                arguments = {}
            entries.append(
                {
                    # Sorts by time, then by the field's place in the operation.
                    "id": f"{now:%Y%m%dT%H%M%S%fZ}-{index:03d}-{uuid.uuid4().hex[:8]}",
                    "at": now,
                    "actor": context.viewer.subject,
                    "role": context.viewer.role.value,
                    "operation": name,
                    "ids": _ids(arguments),
                    "outcome": failed.get(key, "OK"),
                }
            )
        if not entries:
            return
        try:
            await context.graph.write("audit_append", {"entries": entries})
        except GraphError:
            log.error("audit entries could not be written: %s", entries)


@strawberry.type(description="审计记录：一次变更操作")
class AuditEntry:
    id: strawberry.ID
    at: dt.datetime
    actor: str = strawberry.field(description="操作者（令牌的 sub）")
    role: str
    operation: str = strawberry.field(description="变更名，如 closeRequest")
    ids: list[str] = strawberry.field(description="涉及的实体 id")
    outcome: str = strawberry.field(description="OK 或错误代码")


def _entry(props: dict[str, Any]) -> AuditEntry:
    at = props["at"].to_native() if hasattr(props["at"], "to_native") else props["at"]
    return AuditEntry(
        id=strawberry.ID(props["id"]),
        at=at if at.tzinfo else at.replace(tzinfo=dt.UTC),
        actor=props["actor"],
        role=props["role"],
        operation=props["operation"],
        ids=list(props.get("ids") or []),
        outcome=props["outcome"],
    )


@strawberry.type
class AuditQuery:
    @strawberry.field(description="审计记录（仅管理员），按时间先后")
    async def audit_trail(
        self,
        info: AppInfo,
        first: int | None = 20,
        after: str | None = None,
        actor: str | None = None,
        operation: str | None = None,
    ) -> Connection[AuditEntry]:
        require(info, ADMIN_ONLY)
        size = page_size(first)
        graph = info.context.graph
        params = {"actor": actor, "operation": operation}
        rows = await graph.read(
            "audit_page", {**params, "after": decode_cursor(after), "limit": size + 1}
        )

        async def count() -> int:
            found = await graph.read("audit_count", params)
            return int(found[0]["total"]) if found else 0

        return connection([_entry(r["props"]) for r in rows], [r["key"] for r in rows], size, count)
