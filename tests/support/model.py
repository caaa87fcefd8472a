"""An independent model of the contract fields: networkx over the same import records.

The tests compare what the API answers with what this computes from the records alone.
"""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx

from partygraph.seed.records import Record


class Model:
    def __init__(self, records: Iterable[Record]) -> None:
        self.g = nx.MultiDiGraph()
        for r in records:
            if r["type"] == "node":
                self.g.add_node(r["id"], label=r["label"], **r["properties"])
        for r in records:
            if r["type"] == "relationship":
                self.g.add_edge(r["from"], r["to"], key=r["rel"], rel=r["rel"], **r["properties"])

    def label(self, node: str) -> str:
        return str(self.g.nodes[node]["label"])

    def ids(self, label: str) -> list[str]:
        return sorted(n for n, data in self.g.nodes(data=True) if data["label"] == label)

    def out(self, node: str, rel: str) -> list[str]:
        return [t for _, t, k in self.g.out_edges(node, keys=True) if k == rel]

    def into(self, node: str, rel: str) -> list[str]:
        return [s for s, _, k in self.g.in_edges(node, keys=True) if k == rel]

    def containers(self, grid: str) -> set[str]:
        """The grid itself and every grid or community it lies in, following IN upwards."""
        seen, todo = {grid}, [grid]
        while todo:
            for up in self.out(todo.pop(), "IN"):
                if self.label(up) in ("Grid", "Community") and up not in seen:
                    seen.add(up)
                    todo.append(up)
        return seen

    def paired_units(self, grid: str) -> list[str]:
        return sorted(
            {
                u
                for place in self.containers(grid)
                for u in self.into(place, "PAIRED_WITH")
                if self.label(u) == "Unit"
            }
        )

    def places_in(self, community: str) -> set[str]:
        return {community} | {g for g in self.ids("Grid") if community in self.containers(g)}

    def unreported_members(self, community: str) -> list[str]:
        places = self.places_in(community)
        return sorted(
            p
            for p in self.ids("Person")
            if set(self.out(p, "RESIDES_IN")) & places
            and any(self.label(o) == "PartyOrganization" for o in self.out(p, "MEMBER_OF"))
            and community not in self.out(p, "REPORTED_TO")
        )

    def hops(self, a: str, b: str) -> int | None:
        undirected = nx.Graph(self.g)
        try:
            return int(nx.shortest_path_length(undirected, a, b))
        except nx.NetworkXNoPath:
            return None

    def linked(self, a: str, b: str, rel: str) -> bool:
        return self.g.has_edge(a, b, key=rel)

    def pairings(self, grid: str) -> list[tuple[str, str, str]]:
        """(unit, via, through) for every pairing that makes a unit count for the grid."""
        found = []
        for place in self.containers(grid):
            via = "DIRECT" if place == grid else self.label(place).upper()
            for unit in self.into(place, "PAIRED_WITH"):
                if self.label(unit) == "Unit":
                    found.append((unit, via, place))
        return sorted(found)

    def neighbourhood(
        self, start: str, depth: int, types: set[str] | None
    ) -> tuple[set[str], set[tuple[str, str, str]]]:
        """Nodes within `depth` hops (any direction, only `types`), and the relationships
        followed from the nodes closer than `depth`."""
        seen, ring = {start}, {start}
        rels: set[tuple[str, str, str]] = set()
        for _ in range(depth):
            next_ring = set()
            for node in ring:
                edges = [(a, k, b) for a, b, k in self.g.out_edges(node, keys=True)] + [
                    (a, k, b) for a, b, k in self.g.in_edges(node, keys=True)
                ]
                for a, k, b in edges:
                    if types is None or k in types:
                        rels.add((a, k, b))
                        other = b if a == node else a
                        if other not in seen:
                            next_ring.add(other)
            seen |= next_ring
            ring = next_ring
        return seen, rels
