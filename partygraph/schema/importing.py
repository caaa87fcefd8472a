"""importRecords: the import contract (partygraph.importer) through GraphQL, for small batches."""

from __future__ import annotations

import strawberry

from partygraph.errors import UserError
from partygraph.importer import ImportRejected, import_lines, split_records
from partygraph.schema.info import AppInfo
from partygraph.schema.permissions import ADMIN_ONLY, only

MAX_IMPORT_LINES = 5000  # larger files: `partygraph import FILE`


@strawberry.input(description="要导入的记录")
class ImportRecordsInput:
    records: str = strawberry.field(
        description="JSON Lines：每行一条记录，格式同 `partygraph import`"
    )


@strawberry.type(description="导入结果")
class ImportRecordsPayload:
    nodes_created: int
    nodes_updated: int
    relationships_created: int
    relationships_updated: int


@strawberry.type(description="导入问题：第几行、什么问题")
class ImportProblem:
    line: int
    message: str


@strawberry.type
class ImportMutation:
    @strawberry.mutation(
        description="按 JSON Lines 导入记录（与 `partygraph import` 相同的格式与语义："
        "按 id 更新或创建，有任何一行出错则整批不写入，错误中给出行号）。"
        "仅限小批量，大文件请用命令行。",
        extensions=[only(ADMIN_ONLY)],
    )
    async def import_records(
        self, info: AppInfo, input: ImportRecordsInput
    ) -> ImportRecordsPayload | None:
        lines = split_records(input.records)
        if len(lines) > MAX_IMPORT_LINES:
            raise UserError(
                f"at most {MAX_IMPORT_LINES} lines per request; use `partygraph import FILE`"
            )
        try:
            summary = await import_lines(info.context.graph, lines)
        except ImportRejected as exc:
            problems = [{"line": p.line, "message": p.message} for p in exc.problems]
            raise UserError(
                f"{len(problems)} bad line(s); nothing was imported", problems=problems
            ) from exc
        return ImportRecordsPayload(
            nodes_created=summary.nodes_created,
            nodes_updated=summary.nodes_updated,
            relationships_created=summary.relationships_created,
            relationships_updated=summary.relationships_updated,
        )
