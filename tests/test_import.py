"""`partygraph import FILE`: the JSON Lines contract, run as a user runs it (a subprocess)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from partygraph.seed.records import Record, node, rel
from tests.support.suite import Client, Target, load, snapshot, wipe

CLI = [sys.executable, "-m", "partygraph"]

GOOD: list[Record] = [
    node("District", "d-1", name="市南区"),
    node("Street", "s-1", name="八大关街道"),
    node("Community", "c-1", name="云霄路社区", households=3120),
    node("Grid", "g-1", name="第一网格", level="COMMUNITY", kind="COMPREHENSIVE"),
    node("Unit", "u-1", name="区财政局", category="DEPARTMENT", level="DISTRICT"),
    rel("IN", "s-1", "d-1"),
    rel("IN", "c-1", "s-1"),
    rel("IN", "g-1", "c-1"),
    rel("PAIRED_WITH", "u-1", "c-1", since="2023-03-01"),
]


def write(path: Path, records: list[Record] | list[str]) -> Path:
    lines = [r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def run_import(target: Target, tmp_path: Path, file: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*CLI, "import", str(file)],
        env=target.env(tmp_path / "home"),
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture
def fresh(target: Target, engine_kind: str) -> Target:
    wipe(target)
    return target


def test_import_creates_then_changes_nothing(fresh: Target, tmp_path: Path) -> None:
    file = write(tmp_path / "good.jsonl", GOOD)
    first = run_import(fresh, tmp_path, file)
    assert first.returncode == 0, first.stderr
    assert "nodes: 5 created, 0 updated; relationships: 4 created, 0 updated" in first.stdout
    after_first = snapshot(fresh)
    assert len(after_first) == 9
    assert any(
        '"name": "云霄路社区"' in line and '"households": 3120' in line for line in after_first
    )

    second = run_import(fresh, tmp_path, file)
    assert second.returncode == 0, second.stderr
    assert "nodes: 0 created, 5 updated; relationships: 0 created, 4 updated" in second.stdout
    assert snapshot(fresh) == after_first


def test_import_updates_properties_and_links_to_nodes_already_stored(
    fresh: Target, tmp_path: Path
) -> None:
    assert run_import(fresh, tmp_path, write(tmp_path / "a.jsonl", GOOD)).returncode == 0
    more = [
        node("Community", "c-1", name="云霄路社区（新）"),
        node("Grid", "g-2", name="第二网格", level="COMMUNITY"),
        rel("IN", "g-2", "c-1"),  # c-1 is in the graph, g-2 in this file
        rel("PAIRED_WITH", "u-1", "g-2"),  # both ends: one stored, one new
    ]
    result = run_import(fresh, tmp_path, write(tmp_path / "b.jsonl", more))
    assert result.returncode == 0, result.stderr
    assert "nodes: 1 created, 1 updated; relationships: 2 created, 0 updated" in result.stdout
    lines = snapshot(fresh)
    assert any(
        '"name": "云霄路社区（新）"' in line and '"households": 3120' in line for line in lines
    )  # upsert keeps the properties the new record does not name


BAD_CASES = {
    "malformed JSON": ('{"type": "node", "label": "Grid", "id": "g-9"', "malformed JSON"),
    "unknown label": (json.dumps(node("Village", "v-1", name="x")), "unknown label 'Village'"),
    "unknown type": (json.dumps(rel("LIKES", "g-1", "c-1")), "unknown relationship type"),
    "missing id": (
        '{"type": "node", "label": "Grid", "properties": {"name": "x"}}',
        "id must be a non-empty string",
    ),
    "dangling endpoint": (json.dumps(rel("IN", "g-1", "c-404")), "no node with id 'c-404'"),
    "wrong endpoints": (json.dumps(rel("IN", "d-1", "g-1")), "IN cannot join a District"),
    "not a record": ("[1, 2, 3]", "must be a JSON object"),
    "nested property": (json.dumps(node("Grid", "g-8", meta={"a": 1})), "property 'meta'"),
    "bad enum value": (
        json.dumps(node("Grid", "g-7", name="x", level="HUGE")),
        "Grid property level must be one of COMMUNITY, COMPOUND, BUILDING",
    ),
    "bad date": (
        json.dumps(rel("PAIRED_WITH", "u-1", "g-1", since="2023-13-45")),
        "PAIRED_WITH property since must be a date",
    ),
    "evaluation without period": (
        json.dumps(rel("EVALUATED", "c-1", "u-1", score=90)),
        "EVALUATED needs period",
    ),
    # Found by the fuzz (test_fuzz.py): values the graph cannot hold were sent to it.
    "whole number over 64 bits": (
        json.dumps(node("Grid", "g-6", name="x", population=2**63)),
        "property 'population'",
    ),
    # Lines the fast decoder (orjson) reads otherwise than json, or refuses: json decides.
    "whole number past 64 bits, undeclared": (
        json.dumps(node("Grid", "g-5", name="x", note=10**30)),
        "property 'note' must be a string, number",
    ),
    "whole number past 64 bits in a list": (
        json.dumps(node("Grid", "g-4", name="x", tags=[10**30, 10**31])),
        "property 'tags' must be a string, number",
    ),
    "NaN": (
        '{"type": "node", "label": "Grid", "id": "g-3", "properties": {"note": NaN}}',
        "finite",
    ),
    "lone surrogate": (
        '{"type": "node", "label": "Grid", "id": "g-2", "properties": {"name": "a\\ud800"}}',
        "lone surrogate",
    ),
    "id with surrounding spaces": (
        json.dumps(node("Grid", " g-sp", name="x")),
        "id must be 1 to 200 characters without surrounding spaces",
    ),
    "instant before year 1 in UTC": (
        json.dumps(node("Request", "r-9", name="x", raisedAt="0001-01-01T00:00:00+08:00")),
        "Request property raisedAt lies outside the years 1 to 9999 in UTC",
    ),
    "id clash with stored label": (
        json.dumps(node("Unit", "s-1", name="x")),
        "already a Street in the graph",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_CASES))
def test_bad_line_is_reported_with_its_number_and_nothing_is_written(
    fresh: Target, tmp_path: Path, case: str
) -> None:
    assert run_import(fresh, tmp_path, write(tmp_path / "base.jsonl", GOOD)).returncode == 0
    before = snapshot(fresh)
    bad_line, message = BAD_CASES[case]
    good_news = [
        node("Grid", "g-new", name="新网格", level="COMPOUND"),
        rel("IN", "g-new", "g-1"),
        node("Community", "c-1", name="改了名字"),
    ]
    # Good lines before and after the bad one: none of them may be written.
    lines = (
        [json.dumps(r, ensure_ascii=False) for r in good_news[:2]]
        + [bad_line]
        + [json.dumps(good_news[2], ensure_ascii=False)]
    )
    result = run_import(fresh, tmp_path, write(tmp_path / "bad.jsonl", lines))
    assert result.returncode == 2, result.stdout + result.stderr
    assert "line 3:" in result.stderr and message in result.stderr, result.stderr
    assert "nothing was imported" in result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot(fresh) == before


def test_every_bad_line_is_listed(fresh: Target, tmp_path: Path) -> None:
    lines = [json.dumps(r, ensure_ascii=False) for r in GOOD] + [
        "{oops",
        json.dumps(node("Village", "v", name="x")),
        "",
        json.dumps(rel("IN", "g-1", "nowhere")),
    ]
    result = run_import(fresh, tmp_path, write(tmp_path / "bad.jsonl", lines))
    assert result.returncode == 2
    for number in (10, 11, 13):
        assert f"line {number}:" in result.stderr, result.stderr
    assert snapshot(fresh) == []


def test_same_id_with_two_labels_in_one_file(fresh: Target, tmp_path: Path) -> None:
    lines = [node("Grid", "x-1", name="a"), node("Unit", "x-1", name="b")]
    result = run_import(fresh, tmp_path, write(tmp_path / "twice.jsonl", lines))
    assert result.returncode == 2
    assert "line 2: id 'x-1' is a Grid on line 1, not a Unit" in result.stderr


def test_missing_file_is_a_clear_error(fresh: Target, tmp_path: Path) -> None:
    result = run_import(fresh, tmp_path, tmp_path / "nope.jsonl")
    assert result.returncode == 1 and "no such file" in result.stderr


def test_seed_out_then_import_is_the_same_graph_as_seed(fresh: Target, tmp_path: Path) -> None:
    env = fresh.env(tmp_path / "home")
    out = tmp_path / "demo.jsonl"
    done = subprocess.run(
        [*CLI, "seed", "demo", "--out", str(out)],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert {r["label"] for r in records if r["type"] == "node"} >= {
        "District",
        "Street",
        "Community",
        "Grid",
        "Unit",
        "PartyOrganization",
        "Person",
    }
    loaded = subprocess.run(
        [*CLI, "seed", "demo"], env=env, capture_output=True, text=True, timeout=300
    )
    assert loaded.returncode == 0, loaded.stderr
    seeded = snapshot(fresh)
    assert len(seeded) == len(records)
    again = run_import(fresh, tmp_path, out)
    assert again.returncode == 0 and " 0 created" in again.stdout
    assert snapshot(fresh) == seeded


def test_seed_fresh_holds_one_profile_alone(fresh: Target, tmp_path: Path, client: Client) -> None:
    """Staff compare one programme's figures at a time: `seed PROFILE --fresh` empties the
    graph first. Without it a profile adds to what the graph holds."""
    env = fresh.env(tmp_path / "home")
    load(fresh, [node("District", "x-d", name="别的区"), node("Street", "x-s", name="别的街道")])

    def seed(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*CLI, "seed", "shinan", "--scale", "0.02", *args],
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )

    districts = "{ districts(first: 5) { totalCount edges { node { name } } } }"
    assert seed().returncode == 0
    names = client.query(districts)["data"]["districts"]
    assert sorted(e["node"]["name"] for e in names["edges"]) == ["别的区", "市南区"]
    done = seed("--fresh")
    assert done.returncode == 0, done.stderr
    assert "graph emptied" in done.stdout
    names = client.query(districts)["data"]["districts"]
    assert names == {"totalCount": 1, "edges": [{"node": {"name": "市南区"}}]}
    written = subprocess.run(
        [*CLI, "seed", "shinan", "--scale", "0.02", "--out", str(tmp_path / "x.jsonl")],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert written.returncode == 0, written.stderr
    lines = (tmp_path / "x.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(snapshot(fresh)) == len(lines)  # the graph holds the profile, nothing else
    refused = seed("--fresh", "--out", str(tmp_path / "y.jsonl"))
    assert refused.returncode == 1 and "--out writes a file instead" in refused.stderr
    assert not (tmp_path / "y.jsonl").exists()
