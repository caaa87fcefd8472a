"""What every resolver gets: the graph, the viewer and the request's batch loaders."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from strawberry.dataloader import DataLoader

from partygraph.auth import Viewer
from partygraph.cypher.names import Statement
from partygraph.db import Graph, Row

LoaderKey = tuple[str, str | None, str | None, int | None, str | None]


@dataclass
class Loaders:
    """One DataLoader per (statement, label, rel, window): each batches the ids a level asks
    for; a window (first, after) cuts each parent's rows in the statement itself."""

    graph: Graph
    _loaders: dict[LoaderKey, DataLoader[str, list[Row]]] = field(default_factory=dict)

    def rows(
        self,
        name: Statement,
        *,
        label: str | None = None,
        rel: str | None = None,
        first: int | None = None,
        after: str | None = None,
    ) -> DataLoader[str, list[Row]]:
        key = (name, label, rel, first, after)
        if key not in self._loaders:
            graph = self.graph
            window = {} if first is None else {"first": first, "after": after}

            async def load(ids: list[str]) -> list[list[Row]]:
                params = {"ids": list(ids), **window}
                found = await graph.read(name, params, label=label, rel=rel)
                by_key: dict[str, list[Row]] = defaultdict(list)
                for row in found:
                    by_key[row["key"]].append(row)
                return [by_key.get(i, []) for i in ids]

            self._loaders[key] = DataLoader(load_fn=load)
        return self._loaders[key]


@dataclass
class Context:
    graph: Graph
    viewer: Viewer | None
    loaders: Loaders
    # Mutation fields (by response key) whose change committed: an error below one of them
    # is about reading its result back, never a refusal (partygraph.schema.errors).
    committed: set[str] = field(default_factory=set)
