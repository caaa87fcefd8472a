"""Bulk import of JSON Lines records (the integration contract of DESIGN.md).

    {"type": "node", "label": "Community", "id": "c-001", "properties": {"name": "云霄路社区"}}
    {"type": "relationship", "rel": "IN", "from": "c-001", "to": "s-01", "properties": {}}

The whole file is checked before anything is written: every bad line is reported with its line
number and then nothing is written. A good file is written in one transaction with UNWIND
batches, as upserts (MERGE on id, and on (from, type, to) for relationships), so importing the
same file twice changes nothing.
"""

from __future__ import annotations

import gc
import json
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import orjson

from partygraph import audit, hierarchy, ids, properties, replanning, vocabulary
from partygraph.cypher.names import Statement
from partygraph.db import Graph, Tx
from partygraph.graph_errors import GraphConflict
from partygraph.statement_log import Step

BATCH_ROWS = 2000
MAX_PROBLEMS = 200
CONFLICT_RETRIES = 2


@dataclass(frozen=True)
class ImportProblem:
    line: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


class ImportRejected(Exception):
    """The file has bad lines; nothing of it was written."""

    def __init__(self, problems: list[ImportProblem]) -> None:
        self.problems = problems
        shown = "\n".join(str(p) for p in problems[:20])
        more = f"\n… and {len(problems) - 20} more" if len(problems) > 20 else ""
        super().__init__(f"{len(problems)} bad line(s), nothing was imported:\n{shown}{more}")


@dataclass
class NodeRecord:
    line: int
    label: str
    id: str
    properties: dict[str, Any]


@dataclass
class RelRecord:
    line: int
    rel: str
    source: str
    target: str
    properties: dict[str, Any]


@dataclass
class ImportSummary:
    nodes_created: int = 0
    nodes_updated: int = 0
    relationships_created: int = 0
    relationships_updated: int = 0
    seconds: float = 0.0

    @property
    def nodes(self) -> int:
        return self.nodes_created + self.nodes_updated

    @property
    def relationships(self) -> int:
        return self.relationships_created + self.relationships_updated


@dataclass
class Parsed:
    nodes: dict[str, NodeRecord] = field(default_factory=dict)
    relationships: dict[tuple[str, ...], RelRecord] = field(default_factory=dict)
    problems: list[ImportProblem] = field(default_factory=list)

    def problem(self, line: int, message: str) -> None:
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(ImportProblem(line, message))


def _properties(record: dict[str, Any], line: int, parsed: Parsed) -> dict[str, Any] | None:
    try:
        return properties.check_object(record.get("properties"))
    except properties.PropertyError as exc:
        parsed.problem(line, str(exc))
        return None


def _id(value: Any, what: str, line: int, parsed: Parsed) -> str | None:
    if not isinstance(value, str) or not value.strip():
        parsed.problem(line, f"{what} must be a non-empty string")
        return None
    try:
        return ids.checked(value, what)
    except properties.PropertyError as exc:
        parsed.problem(line, str(exc))
        return None


def _parse_node(record: dict[str, Any], line: int, parsed: Parsed) -> None:
    label = record.get("label")
    if not isinstance(label, str) or not vocabulary.is_label(label):
        parsed.problem(line, f"unknown label {label!r}; known: {', '.join(vocabulary.LABELS)}")
        return
    node_id = _id(record.get("id"), "id", line, parsed)
    props = _properties(record, line, parsed)
    if node_id is None or props is None:
        return
    try:
        props = properties.node_props(label, props)
    except properties.PropertyError as exc:
        parsed.problem(line, f"{label} property {exc}")
        return
    earlier = parsed.nodes.get(node_id)
    if earlier is None:
        parsed.nodes[node_id] = NodeRecord(line, label, node_id, dict(props))
    elif earlier.label != label:
        parsed.problem(
            line, f"id {node_id!r} is a {earlier.label} on line {earlier.line}, not a {label}"
        )
    else:  # the same node twice: later properties win, as a second import would do
        earlier.properties.update(props)


def _parse_relationship(record: dict[str, Any], line: int, parsed: Parsed) -> None:
    rel = record.get("rel")
    if not isinstance(rel, str) or not vocabulary.is_rel_type(rel):
        known = ", ".join(sorted(vocabulary.REL_TYPES))
        parsed.problem(line, f"unknown relationship type {rel!r}; known: {known}")
        return
    source = _id(record.get("from"), "from", line, parsed)
    target = _id(record.get("to"), "to", line, parsed)
    props = _properties(record, line, parsed)
    if source is None or target is None or props is None:
        return
    try:
        props = properties.rel_props(rel, props)
    except properties.PropertyError as exc:
        parsed.problem(line, f"{rel} property {exc}")
        return
    keys = properties.REL_KEYS.get(rel, ())
    missing = [k for k in keys if props.get(k) is None]
    if missing:
        parsed.problem(line, f"{rel} needs {', '.join(missing)}: it tells its instances apart")
        return
    key = (rel, source, target, *(str(props[k]) for k in keys))
    if key in parsed.relationships:
        parsed.relationships[key].properties.update(props)
    else:
        parsed.relationships[key] = RelRecord(line, rel, source, target, dict(props))


@contextmanager
def _no_gc() -> Iterator[None]:
    """The cyclic collector off while a file's records are built and planned: they hold no
    cycles, and its passes over millions of live objects cost a third of the parse (measured
    on the chengdu profile: parse and plan 12 s of CPU with it, 7 s without)."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def split_records(text: str) -> list[str]:
    """The lines of JSON Lines text. A line ends at "\n" alone (a "\r" before it is dropped),
    never at the other breaks `str.splitlines` knows (U+2028, U+2029, U+0085, \x0b, \x0c,
    \x1c-\x1e), which JSON allows unescaped inside a record's strings."""
    lines = text.split("\n")
    if lines[-1] == "":
        lines.pop()
    return [line.removesuffix("\r") for line in lines]


def split_record_bytes(data: bytes) -> list[bytes]:
    """The same for a file's bytes: `parse` decodes each line, so bad UTF-8 gets its number."""
    lines = data.split(b"\n")
    if lines[-1] == b"":
        lines.pop()
    return [line.removesuffix(b"\r") for line in lines]


def _utf8(line: bytes, number: int, parsed: Parsed) -> str | None:
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError as exc:
        parsed.problem(
            number, f"not valid UTF-8 (byte 0x{line[exc.start]:02x} at byte {exc.start + 1})"
        )
        return None


_PAST_64_BITS = float(2**63)


def _fast_decode(line: str | bytes) -> Any:
    """The line's record as `json.loads` reads it, by orjson (four times faster on the chengdu
    profile: 0.45 s against 1.9 s), or None where the two may differ and `json` must decide:
    what orjson refuses (bad UTF-8, lone surrogates, NaN, a BOM: json's reading gives the
    messages) and whole numbers past 64 bits, which orjson reads as floats."""
    try:
        record = orjson.loads(line)
    except orjson.JSONDecodeError:
        return None
    if type(record) is not dict or float in map(type, record.values()):
        return None
    props = record.get("properties")
    if type(props) is dict:
        for value in props.values():
            kind = type(value)
            if kind is float and not -_PAST_64_BITS < value < _PAST_64_BITS:
                return None
            if kind is list and any(type(item) is float for item in value):
                return None  # rare: one slow line rather than a walk of every list
    return record


def parse(lines: Iterable[str | bytes]) -> Parsed:
    """Check every line on its own; cross-line and graph checks come in `_resolve`."""
    parsed = Parsed()

    def decoded() -> Iterator[tuple[int, Any]]:
        for number, line in enumerate(lines, start=1):
            record = _fast_decode(line)
            if record is not None:
                yield number, record
                continue
            text = _utf8(line, number, parsed) if isinstance(line, bytes) else line
            if text is None or not text.strip():
                continue
            try:
                yield number, json.loads(text)
            except json.JSONDecodeError as exc:
                parsed.problem(number, f"malformed JSON: {exc.msg} (column {exc.colno})")

    with _no_gc():
        _check_records(decoded(), parsed)
    return parsed


def parse_records(records: Iterable[Any]) -> Parsed:
    """The same checks for records already decoded; record N counts as line N."""
    parsed = Parsed()
    with _no_gc():
        _check_records(enumerate(records, start=1), parsed)
    return parsed


def _check_records(numbered: Iterable[tuple[int, Any]], parsed: Parsed) -> None:
    for number, record in numbered:
        if not isinstance(record, dict):
            parsed.problem(number, "a record must be a JSON object")
            continue
        kind = record.get("type")
        if kind == "node":
            _parse_node(record, number, parsed)
        elif kind == "relationship":
            _parse_relationship(record, number, parsed)
        else:
            parsed.problem(number, f"type must be 'node' or 'relationship', not {kind!r}")


def _chunks(rows: list[dict[str, Any]], size: int = BATCH_ROWS) -> Iterator[list[dict[str, Any]]]:
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


async def _stored_labels(tx: Tx, ids: Iterable[str]) -> dict[str, str]:
    found: dict[str, str] = {}
    for chunk in _id_chunks(sorted(set(ids))):
        rows = await tx.run("import_known_ids", {"ids": chunk})
        found.update((row["id"], row["label"]) for row in rows)
    return found


def _id_chunks(ids: list[str], size: int = 5 * BATCH_ROWS) -> Iterator[list[str]]:
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def _area_links(parsed: Parsed, stored: dict[str, str]) -> list[RelRecord]:
    """The file's IN links between areas, in line order."""
    links = []
    for rel in parsed.relationships.values():
        source = parsed.nodes[rel.source].label if rel.source in parsed.nodes else None
        if rel.rel == "IN" and (source or stored.get(rel.source)) in hierarchy.AREAS:
            links.append(rel)
    return sorted(links, key=lambda rel: rel.line)


async def _check_hierarchy(tx: Tx, parsed: Parsed, stored: dict[str, str]) -> None:
    """Each IN link of the file that closes a loop in the area hierarchy, with the file's
    other links and those the graph holds above their ends, is a problem on its line."""
    links = _area_links(parsed, stored)
    if not links:
        return
    parents: dict[str, set[str]] = defaultdict(set)
    for chunk in _id_chunks(sorted({end for rel in links for end in (rel.source, rel.target)})):
        for row in await tx.run("import_stored_hierarchy", {"ids": chunk}):
            parents[row["from"]].add(row["to"])
    for rel in links:
        parents[rel.source].add(rel.target)
    for rel in links:
        chain = hierarchy.chain_up(parents, rel.target, rel.source)
        if chain is not None:
            loop = " → ".join([rel.source, *chain])
            parsed.problem(
                rel.line,
                f"IN from {rel.source!r} to {rel.target!r} makes a cycle in the area "
                f"hierarchy ({loop})",
            )


def _resolve(parsed: Parsed, stored: dict[str, str]) -> None:
    """Check ids against the graph and endpoints against the vocabulary."""
    for node in parsed.nodes.values():
        old = stored.get(node.id)
        if old is not None and old != node.label:
            parsed.problem(
                node.line, f"id {node.id!r} is already a {old} in the graph, not a {node.label}"
            )
    for rel in parsed.relationships.values():
        labels = []
        for end in (rel.source, rel.target):
            label = parsed.nodes[end].label if end in parsed.nodes else stored.get(end)
            if label is None:
                parsed.problem(
                    rel.line,
                    f"{rel.rel} from {rel.source!r} to {rel.target!r}: no node with "
                    f"id {end!r} in the file or the graph",
                )
            labels.append(label)
        source, target = labels
        if source and target and not vocabulary.allows(rel.rel, source, target):
            allowed = ", ".join(f"{s}->{t}" for s, t in vocabulary.endpoints(rel.rel))
            parsed.problem(
                rel.line, f"{rel.rel} cannot join a {source} to a {target} (allowed: {allowed})"
            )
    parsed.problems.sort(key=lambda problem: problem.line)


# The statement variants that also match on a type's key property (properties.REL_KEYS),
# by that property: (counting the relationships there already, merging them).
_BY_KEY: dict[str | None, tuple[Statement, Statement]] = {
    None: ("import_existing_relationships", "import_relationships"),
    "period": ("import_existing_relationships_by_period", "import_relationships_by_period"),
    "role": ("import_existing_relationships_by_role", "import_relationships_by_role"),
}


def _keyed(rel: str) -> tuple[Statement, Statement]:
    keys = properties.REL_KEYS.get(rel, ())
    return _BY_KEY[keys[0] if keys else None]


def plan(parsed: Parsed, stored: dict[str, str]) -> tuple[list[Step], list[Step]]:
    """The counting reads and the writing steps for a checked file.

    Nodes the graph does not hold yet are CREATEd, not MERGEd: on the development engine a
    MERGE batch is an order of magnitude slower, and the uniqueness constraint still guards
    against a concurrent writer. A relationship with a new end cannot exist yet, so it is
    created too and needs no counting.
    """
    nodes: dict[tuple[Statement, str], list[dict[str, Any]]] = defaultdict(list)
    for node in parsed.nodes.values():
        name: Statement = "import_nodes_update" if node.id in stored else "import_nodes_create"
        nodes[(name, node.label)].append({"id": node.id, "properties": node.properties})
    rels: dict[tuple[Statement, str], list[dict[str, Any]]] = defaultdict(list)
    for rel in parsed.relationships.values():
        known = rel.source in stored and rel.target in stored
        name = _keyed(rel.rel)[1] if known else "import_relationships_create"
        rels[(name, rel.rel)].append(
            {"from": rel.source, "to": rel.target, "properties": rel.properties}
        )
    counts = [
        Step(_keyed(rel)[0], {"rows": chunk}, rel=rel)
        for (name, rel), rows in sorted(rels.items())
        if name != "import_relationships_create"
        for chunk in _chunks(rows)
    ]
    writes = [
        # Updates find nodes by id alone; only a create names the label.
        Step(name, {"rows": chunk}, label=label if name == "import_nodes_create" else None)
        for (name, label), rows in sorted(nodes.items())
        for chunk in _chunks(rows)
    ] + [
        Step(name, {"rows": chunk}, rel=rel)
        for (name, rel), rows in sorted(rels.items())
        for chunk in _chunks(rows)
    ]
    return counts, writes


Progress = Callable[[int, int], None]  # (rows written so far, rows in all)


async def import_lines(
    graph: Graph, lines: Iterable[str | bytes], progress: Progress | None = None
) -> ImportSummary:
    """Check and write one file's lines (`split_records`, `split_record_bytes`); raise
    ImportRejected (writing nothing) on bad lines."""
    started = time.perf_counter()
    return await _import(graph, parse(lines), started, progress)


async def import_records(
    graph: Graph, records: Iterable[Any], progress: Progress | None = None
) -> ImportSummary:
    """The same for records as Python objects (seed profiles), without a JSON round trip."""
    started = time.perf_counter()
    return await _import(graph, parse_records(records), started, progress)


async def _import(
    graph: Graph, parsed: Parsed, started: float, progress: Progress | None
) -> ImportSummary:
    endpoint_ids = {
        end for rel in parsed.relationships.values() for end in (rel.source, rel.target)
    }
    audit.touches(set(parsed.nodes) | endpoint_ids)  # importRecords: its entry names them all

    async def work(tx: Tx) -> ImportSummary:
        # What the graph holds is read in the writing transaction itself, so the plan fits
        # what is written. Graph checks run even when some lines are already bad, so one
        # run lists every problem; raising rolls everything back.
        stored = await _stored_labels(tx, set(parsed.nodes) | endpoint_ids)
        await _check_hierarchy(tx, parsed, stored)
        with _no_gc():
            _resolve(parsed, stored)
            if parsed.problems:
                raise ImportRejected(parsed.problems)
            counts, writes = plan(parsed, stored)
        existing_rels = 0
        for step in counts:
            existing_rels += await tx.value(step.name, step.params, rel=step.rel)
        total = sum(len(step.params["rows"]) for step in writes)
        done = 0
        for step in writes:
            await tx.step(step)
            done += len(step.params["rows"])
            if progress is not None:
                progress(done, total)
        nodes_updated = sum(1 for node_id in parsed.nodes if node_id in stored)
        return ImportSummary(
            nodes_created=len(parsed.nodes) - nodes_updated,
            nodes_updated=nodes_updated,
            relationships_created=len(parsed.relationships) - existing_rels,
            relationships_updated=existing_rels,
        )

    for attempt in range(CONFLICT_RETRIES + 1):
        try:
            summary = await graph.transaction(work)
        except GraphConflict:
            # Another writer created one of these ids meanwhile: the next attempt sees it.
            if attempt == CONFLICT_RETRIES:
                raise
        else:
            # Counted to the commit: for a large file committing is half the time.
            summary.seconds = time.perf_counter() - started
            await replanning.after_import(graph, summary.nodes_created)
            return summary
    raise AssertionError("unreachable")
