"""The audit trail: every mutation, who made it, which operation of the document ran it,
the ids it touched or created, when, and how it ended.

Every mutation field resolves inside `Audited`, a field extension: the entry is drafted from
the field's converted arguments (so ids sent as variables count like literals) and written by
the graph in the mutation's own write transaction (partygraph.audit, partygraph.db). A
mutation that is refused writes nothing but its entry, with the code the client got.
Queryable by admin only.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import strawberry
from graphql import GraphQLError
from strawberry.extensions import FieldExtension

from partygraph import audit, values
from partygraph.errors import INTERNAL, UserError
from partygraph.graph_errors import GraphError
from partygraph.paging import window
from partygraph.schema.info import AppInfo
from partygraph.schema.pagination import Connection, connection
from partygraph.schema.permissions import ADMIN_ONLY, only
from partygraph.service import audit as audit_trail

ID_ARGUMENTS = {"id", "from_", "to"}


def _ids(arguments: dict[str, Any]) -> set[str]:
    """The entity ids a mutation names: arguments, or fields of its `input`, called id,
    from, to or …Id."""
    found: set[str] = set()
    for name, value in arguments.items():
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            found |= _ids(vars(value))  # an input object: its fields, by their Python names
        elif value is not None and (name in ID_ARGUMENTS or name.endswith("_id")):
            found.add(str(value))
    return found


def _code(error: BaseException) -> str:
    if isinstance(error, UserError):
        return error.code
    if isinstance(error, GraphQLError):
        return str((error.extensions or {}).get("code", INTERNAL))
    if isinstance(error, GraphError):
        return error.code
    return INTERNAL


class Audited(FieldExtension):
    """Resolves one mutation field inside its audit draft; see the module's description."""

    async def resolve_async(self, next_: Any, source: Any, info: AppInfo, **kwargs: Any) -> Any:
        context = info.context
        viewer = context.viewer
        if viewer is None:  # AuthGuard lets no operation through without one
            return await next_(source, info, **kwargs)
        name = info.operation.name.value if info.operation.name else None
        draft = audit.Draft(viewer.subject, viewer.role.value, info.field_name, name, _ids(kwargs))
        try:
            with audit.drafting(draft):
                result = await next_(source, info, **kwargs)
        except Exception as error:
            if draft.committed:
                context.committed.add(str(info.path.key))
            else:
                await audit_trail.append(context.graph, draft, _code(error))
            raise
        if draft.committed:
            context.committed.add(str(info.path.key))
        else:  # the mutation changed nothing that needed a transaction
            await audit_trail.append(context.graph, draft, "OK")
        return result


def audit_every_field(mutation_type: type) -> None:
    """Give every field of a mutation type the Audited extension (once)."""
    for field in mutation_type.__strawberry_definition__.fields:  # type: ignore[attr-defined]
        if not any(isinstance(e, Audited) for e in field.extensions):
            field.extensions.append(Audited())


@strawberry.type(description="审计记录：一次变更操作")
class AuditEntry:
    id: strawberry.ID
    at: dt.datetime
    actor: str = strawberry.field(description="操作者（令牌的 sub）")
    role: str
    operation: str = strawberry.field(description="变更名，如 closeRequest")
    operation_name: str | None = strawberry.field(
        description="执行的文档操作名（请求的 operationName；匿名操作为 null）"
    )
    ids: list[str] = strawberry.field(description="涉及的实体 id")
    outcome: str = strawberry.field(description="OK 或错误代码")


def _entry(props: dict[str, Any]) -> AuditEntry:
    at = values.read_instant(props["at"])
    assert at is not None  # every entry has its time
    return AuditEntry(
        id=strawberry.ID(props["id"]),
        at=at,
        actor=props["actor"],
        role=props["role"],
        operation=props["operation"],
        operation_name=props.get("operationName"),
        ids=list(props.get("ids") or []),
        outcome=props["outcome"],
    )


@strawberry.type
class AuditQuery:
    @strawberry.field(description="审计记录（仅管理员），按时间先后", extensions=[only(ADMIN_ONLY)])
    async def audit_trail(
        self,
        info: AppInfo,
        first: int | None = None,
        after: str | None = None,
        actor: str | None = None,
        operation: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[AuditEntry] | None:
        page = window(first, after, last, before)
        found = await audit_trail.trail(info.context.graph, actor, operation, page)
        return connection(found, lambda row: _entry(row["props"]))
