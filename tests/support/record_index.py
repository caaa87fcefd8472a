"""Plain dictionaries over import records, for tests that compute expected answers without a
graph library and without Cypher."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from partygraph.enums import BUILDING_ROLES
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

    def community_grid_of(self, grid: str) -> str:
        while self.props[grid].get("level") != "COMMUNITY":
            grid = self.targets(grid, "IN")[0]
        return grid

    def grid_staffing(self) -> dict[str, tuple[int, int]]:
        """Per community grid: (cadres, volunteers) as coverageGaps counts them: cadre
        residents of the grid or a grid in it and those serving there as CADRE; those serving
        there as VOLUNTEER; each person once."""
        cadres: dict[str, set[str]] = {g: set() for g in self.ids("Grid", level="COMMUNITY")}
        volunteers: dict[str, set[str]] = {g: set() for g in cadres}
        for rel, person, grid, props in self.rels:
            if self.label[grid] != "Grid":
                continue
            top = self.community_grid_of(grid)
            lives_as_cadre = rel == "RESIDES_IN" and self.props[person].get("cadre") is True
            if lives_as_cadre or (rel == "SERVES" and props["role"] == "CADRE"):
                cadres[top].add(person)
            elif rel == "SERVES" and props["role"] == "VOLUNTEER":
                volunteers[top].add(person)
        return {g: (len(cadres[g]), len(volunteers[g])) for g in cadres}

    def buildings_missing_roles(self) -> dict[str, list[str]]:
        """Building grids without someone serving in each of the 两长四员 roles."""
        held: dict[str, set[str]] = {g: set() for g in self.ids("Grid", level="BUILDING")}
        for rel, _, grid, props in self.rels:
            if rel == "SERVES" and grid in held:
                held[grid].add(props["role"])
        wanted = [role.name for role in BUILDING_ROLES]
        found = {g: [r for r in wanted if r not in roles] for g, roles in held.items()}
        return {g: missing for g, missing in found.items() if missing}
