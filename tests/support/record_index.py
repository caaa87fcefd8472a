"""Plain dictionaries over import records, for tests that compute expected answers without a
graph library and without Cypher."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from partygraph.seed.records import Record

Edges = dict[tuple[str, str], list[tuple[str, dict[str, Any]]]]


class RecordIndex:
    def __init__(self, records: list[Record]) -> None:
        self.records = records
        self.label: dict[str, str] = {}
        self.props: dict[str, dict[str, Any]] = {}
        self.node_ids: Counter[str] = Counter()
        self.rels: list[tuple[str, str, str, dict[str, Any]]] = []
        self.out: Edges = defaultdict(list)  # (from, type) -> [(to, properties)]
        self.into: Edges = defaultdict(list)  # (to, type) -> [(from, properties)]
        for r in records:
            if r["type"] == "node":
                self.node_ids[r["id"]] += 1
                self.label[r["id"]] = r["label"]
                self.props[r["id"]] = r["properties"]
            else:
                self.rels.append((r["rel"], r["from"], r["to"], r["properties"]))
                self.out[(r["from"], r["rel"])].append((r["to"], r["properties"]))
                self.into[(r["to"], r["rel"])].append((r["from"], r["properties"]))

    def ids(self, label: str, **where: Any) -> list[str]:
        """Ids of `label` whose properties equal `where`, sorted."""
        return sorted(
            i
            for i, lab in self.label.items()
            if lab == label and all(self.props[i].get(k) == v for k, v in where.items())
        )

    def targets(self, source: str, rel: str) -> list[str]:
        return [t for t, _ in self.out.get((source, rel), [])]

    def sources(self, target: str, rel: str) -> list[str]:
        return [s for s, _ in self.into.get((target, rel), [])]
