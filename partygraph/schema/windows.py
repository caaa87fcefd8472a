"""Bounded navigation lists: every list a node's field returns holds at most `first` items, in
id order, after the id given as `after`. `first` defaults to the field's most: LIST_MAX for
lists that grow with the area (members, grids, wishes), SMALL_LIST for what a domain keeps
short (a person's organisations, a unit's resources, a project's units).

`Bounded` is a Strawberry field extension: it adds the two arguments, checks them, lets the
batched statements know the window (partygraph.service.navigation reads it, so each parent
gets at most `first` rows from the graph) and cuts whatever a resolver returns to the window,
so no list of any size can be asked for, however deep it is nested (partygraph.schema.cost
counts each at `first`).
"""

from __future__ import annotations

from typing import Any

import strawberry
from strawberry.annotation import StrawberryAnnotation
from strawberry.extensions import FieldExtension
from strawberry.types.arguments import StrawberryArgument
from strawberry.types.field import StrawberryField

from partygraph.errors import UserError
from partygraph.service.navigation import Window, windowed

LIST_MAX = 100
SMALL_LIST = 20


class Bounded(FieldExtension):
    def __init__(self, most: int = LIST_MAX, keyset: bool = True) -> None:
        self.most = most  # also the default: a list is cut only where it must be
        self.keyset = keyset  # items are nodes, in id order: `after` pages through them

    def apply(self, field: StrawberryField) -> None:
        field.arguments = [
            *field.arguments,
            StrawberryArgument(
                python_name="first",
                graphql_name=None,
                type_annotation=StrawberryAnnotation(int),
                description=f"最多返回多少项（1-{self.most}，默认 {self.most}）",
                default=self.most,
            ),
        ]
        if self.keyset:
            field.arguments.append(
                StrawberryArgument(
                    python_name="after",
                    graphql_name=None,
                    type_annotation=StrawberryAnnotation(strawberry.ID | None),
                    description="从这个 id 之后开始（按 id 排序；取下一批时传上一批最后一项的 id）",
                    default=None,
                )
            )

    async def resolve_async(self, next_: Any, source: Any, info: Any, **kwargs: Any) -> Any:
        first: int = kwargs.pop("first")
        after: str | None = kwargs.pop("after", None)
        check_first(first, self.most)
        with windowed(Window(first, after)):
            items = await next_(source, info, **kwargs)
        if after is not None:
            items = [item for item in items if str(item.id) > after]
        return items[:first]


def check_first(first: int, most: int) -> None:
    if not 1 <= first <= most:
        raise UserError(f"`first` must be between 1 and {most}", limit=most)


def nav_list(description: str, most: int = LIST_MAX) -> Any:
    """A field listing nodes: bounded, paged by id."""
    return strawberry.field(description=description, extensions=[Bounded(most)])


def capped_list(description: str, most: int = SMALL_LIST) -> Any:
    """A field listing things that are not nodes (roles, pairings): bounded by `first`."""
    return strawberry.field(description=description, extensions=[Bounded(most, keyset=False)])
