"""Reading a whole seed profile back through the API as a client must under the service's limits
(README: "Cost:" and "Limits"): root connections followed by their cursor; navigation lists
walked level by level, the lists of many parents in one request (one alias a parent), each list
paged with `after: <its last id>` until a page comes back shorter than its `first`; and capped
lists (they take `first` but no `after`) checked to have come back shorter than their `first`,
so that nothing is cut without the test noticing.

A request is filled with aliases while it stays within the cost limit, the alias limit and the
token limit. What an alias costs is counted as the service counts it: every field that returns
objects counts the product of the `first`s along its path (an object counts 1). That needs every
list in a selection to name its `first`; lists that take none (whole-area reports) are costed by
the caller."""

from __future__ import annotations

import json
from collections.abc import Hashable, Mapping
from typing import Any, TypeVar

from graphql import (
    FieldNode,
    InlineFragmentNode,
    IntValueNode,
    OperationDefinitionNode,
    SelectionSetNode,
    parse,
)
from graphql.language import Lexer, Source, TokenKind

from tests.support.suite import Client

COST_LIMIT = 25_000  # PARTYGRAPH_MAX_COST's default, the test server's
MAX_ALIASES = 200  # PARTYGRAPH_MAX_ALIASES
MAX_TOKENS = 3_000  # PARTYGRAPH_MAX_TOKENS
PAGE = 100  # the most a `first` may be

Item = dict[str, Any]
K = TypeVar("K", bound=Hashable)


def token_count(text: str) -> int:
    """The tokens of a document, as the service's token limit counts them."""
    lexer = Lexer(Source(text))
    count = 0
    while lexer.advance().kind is not TokenKind.EOF:
        count += 1
    return count


def cost_of(field: str) -> int:
    """What one root field (`alias: field(...) { ... }` text) costs, as the service counts it,
    when every list in it names its `first`."""

    def selections(selection_set: SelectionSetNode | None, multiplier: int) -> int:
        total = 0
        for selection in selection_set.selections if selection_set else ():
            if isinstance(selection, InlineFragmentNode):
                total += selections(selection.selection_set, multiplier)
            elif isinstance(selection, FieldNode) and selection.selection_set is not None:
                size = 1
                for arg in selection.arguments or ():
                    if arg.name.value == "first":
                        assert isinstance(arg.value, IntValueNode), "`first` as a literal"
                        size = int(arg.value.value)
                inside = multiplier * size
                total += inside + selections(selection.selection_set, inside)
        return total

    operation = parse("{ " + field + " }").definitions[0]
    assert isinstance(operation, OperationDefinitionNode)
    return selections(operation.selection_set, 1)


def ask_each(client: Client, fields: Mapping[K, str], cost: int | None = None) -> dict[K, Any]:
    """Each root field of `fields` (key -> field text), as many to a request as the limits
    allow: key -> its answer. `cost`: what each field costs, when the fields hold lists that
    take no `first` (else counted from the text)."""
    answers: dict[K, Any] = {}
    batch: list[K] = []
    spent, tokens = 0, 2  # the document's braces

    def send() -> None:
        text = "{ " + " ".join(f"a{i}: {fields[key]}" for i, key in enumerate(batch)) + " }"
        assert token_count(text) <= MAX_TOKENS
        data = client.query(text)["data"]
        answers.update((key, data[f"a{i}"]) for i, key in enumerate(batch))

    for key, field in fields.items():
        weight = cost_of(field) if cost is None else cost
        size = token_count(f"a{len(batch)}: {field}")
        assert weight <= COST_LIMIT and 2 + size <= MAX_TOKENS, (
            f"one field is over a limit: {field}"
        )
        if batch and (
            spent + weight > COST_LIMIT or tokens + size > MAX_TOKENS or len(batch) == MAX_ALIASES
        ):
            send()
            batch, spent, tokens = [], 0, 2
        batch.append(key)
        spent += weight
        tokens += size
    if batch:
        send()
    return answers


def connection(
    client: Client, field: str, selection: str, first: int = PAGE
) -> tuple[int, list[Item]]:
    """Every node of a root connection, following its cursor, and its totalCount."""
    nodes: list[Item] = []
    after: str | None = None
    while True:
        page = client.query(
            f"query ($after: String) {{ {field}(first: {first}, after: $after) {{ totalCount "
            f"edges {{ node {{ {selection} }} }} pageInfo {{ hasNextPage endCursor }} }} }}",
            {"after": after},
        )["data"][field]
        nodes += [edge["node"] for edge in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            return page["totalCount"], nodes
        after = page["pageInfo"]["endCursor"]


def children(
    client: Client,
    label: str,
    parents: list[str],
    field: str,
    selection: str,
    first: int = PAGE,
) -> dict[str, list[Item]]:
    """Every item of the navigation list `field` of each parent (`label` nodes): the lists of
    many parents to a request, each paged with `after` until a page comes back short.
    `selection` selects the items' `id` (the next page starts after the last one) and names
    the `first` of every list in it."""
    assert "id" in selection.split(), "pages follow the items' ids"
    found: dict[str, list[Item]] = {parent: [] for parent in parents}
    after: dict[str, str | None] = dict.fromkeys(found)
    pending = list(found)
    while pending:
        fields = {}
        for parent in pending:
            window = f"first: {first}"
            if after[parent] is not None:
                window += f", after: {json.dumps(after[parent])}"
            fields[parent] = (
                f"node(id: {json.dumps(parent)}) {{ ... on {label} "
                f"{{ {field}({window}) {{ {selection} }} }} }}"
            )
        answers = ask_each(client, fields)
        pending = []
        for parent, node in answers.items():
            assert node is not None, f"{label} {parent} not found"
            page = node[field]
            assert len(page) <= first
            found[parent] += page
            if len(page) == first:  # there may be more
                after[parent] = page[-1]["id"]
                pending.append(parent)
    return found


def lookup(client: Client, label: str, ids: list[str], selection: str) -> dict[str, Item]:
    """`selection` of each of the `label` nodes `ids`, many to a request (every list in it
    names its `first`; page lists of more than one page with `children`)."""
    fields = {i: f"node(id: {json.dumps(i)}) {{ ... on {label} {{ {selection} }} }}" for i in ids}
    found = ask_each(client, fields)
    for i, node in found.items():
        assert node is not None, f"{label} {i} not found"
    return found


def whole(items: list[Item], first: int, what: str) -> list[Item]:
    """A capped list (it takes `first`, no `after`): fewer than `first` came back, so it was not
    cut."""
    assert len(items) < first, f"{what}: {len(items)} items, as many as asked: it may be cut"
    return items


def flat(lists: Mapping[str, list[Item]]) -> list[Item]:
    """The items of every parent's list, in order."""
    return [item for items in lists.values() for item in items]


def ids(items: list[Item]) -> list[str]:
    """The items' ids, in order."""
    return [item["id"] for item in items]
