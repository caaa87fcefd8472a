"""What Neo4j and ArcadeDB answer differently, each proven on the engine where it holds.

On Neo4j: name search through the CJK full-text index; the shortest path through what the
viewer sees even when a hidden shortcut exists; statement timeouts enforced by the graph;
datetimes keeping their offsets; migrations that change nothing the second time. On ArcadeDB:
the same instants come back in UTC, and the shortest path is the shortest one, filtered.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import pytest

from partygraph import auth
from partygraph.db import Graph
from partygraph.export import export_records
from partygraph.migrate import migrate
from partygraph.seed.demo import demo
from partygraph.seed.records import Record, node, rel, to_lines
from partygraph.service import exploration
from partygraph.statement_log import counting_statements
from tests.support.suite import Client, Server, Target, load, reload, run_graph, wipe

NAMES = [
    "云霄路社区",
    "金湖路社区",
    "第12网格",
    "A座楼栋网格",
    "市公安局",
    "局",
    "社区服务中心",
    "网格员",
]


def world() -> list[Record]:
    """A district with two streets. Two residents of street s1 live in communities c1 and c3
    and belong to one party organisation of a unit that has nothing to do with s1: for an
    office of s1 that organisation is hidden, so the shortcut between them (2 hops) is too."""
    records = [
        node("District", "d1", name="市南区"),
        node("Street", "s1", name="八大湖街道"),
        node("Street", "s2", name="金门路街道"),
        rel("IN", "s1", "d1"),
        rel("IN", "s2", "d1"),
        node("Unit", "u-x", name="区外单位"),
        node("PartyOrganization", "o-x", name="区外单位党支部"),
        rel("OF", "o-x", "u-x"),
        node("Person", "pa", name="张三", partyMember=True),
        node("Person", "pb", name="李四", partyMember=True),
        rel("MEMBER_OF", "pa", "o-x"),
        rel("MEMBER_OF", "pb", "o-x"),
    ]
    for i, name in enumerate(NAMES):
        street = "s1" if i < 4 else "s2"
        records += [node("Community", f"c{i + 1}", name=name), rel("IN", f"c{i + 1}", street)]
    records += [rel("RESIDES_IN", "pa", "c1"), rel("RESIDES_IN", "pb", "c3")]
    return records


@pytest.fixture(scope="module")
def loaded(target: Target, engine_kind: str) -> Target:
    reload(target, world())
    return target


def viewer(server: Server, target: Target, role: auth.Role, scope: str | None) -> Client:
    return Client(server.url, auth.mint(target.settings(), role, scope))


# ---- name search -----------------------------------------------------------------------------

SEARCH = "query($text: String!) { search(text: $text, first: 50) { id name } }"


@pytest.mark.neo4j_only
def test_the_full_text_index_splits_chinese(loaded: Target) -> None:
    c = loaded.connection
    with loaded.driver() as driver:
        (index,) = driver.execute_query(
            "SHOW FULLTEXT INDEXES YIELD name, options WHERE name = 'entity_names' "
            "RETURN options.indexConfig['fulltext.analyzer'] AS analyzer",
            database_=c.database,
        ).records
        assert index["analyzer"] == "cjk"
        # 社区 is one bigram of 云霄路社区 (云霄 霄路 路社 社区): the index finds it by itself.
        found = driver.execute_query(
            "CALL db.index.fulltext.queryNodes('entity_names', '社区') YIELD node "
            "RETURN collect(node.name) AS names",
            database_=c.database,
        ).records[0]["names"]
    assert {"云霄路社区", "金湖路社区", "社区服务中心"} <= set(found)


@pytest.mark.neo4j_only
@pytest.mark.parametrize("text", ["社区", "路社区", "局", "网格", "12", "A座", "服务中"])
def test_search_answers_substrings_through_the_indexes(
    loaded: Target, client: Client, text: str
) -> None:
    expected = sorted((n for n in NAMES if text in n), key=lambda n: (len(n), n))
    got = client.query(SEARCH, {"text": text})["data"]["search"]
    assert [n["name"] for n in got] == expected

    async def statements(graph: Graph) -> list[str]:
        with counting_statements() as sent:
            await exploration.search(graph, text, None, 50)
        return sent.names

    sent = run_graph(loaded, statements)
    # All-Han text goes through the CJK index; digits and Latin letters through the TEXT index.
    route = "fulltext" if all("\u4e00" <= ch <= "\u9fff" for ch in text) else "scan"
    assert sent[-1] == f"exploration_search_{route}", sent


@pytest.mark.neo4j_only
def test_search_through_the_index_stays_within_the_viewers_scope(
    loaded: Target, server: Server
) -> None:
    street = viewer(server, loaded, auth.Role.STREET, "s1")
    got = street.query(SEARCH, {"text": "社区"})["data"]["search"]
    assert [n["id"] for n in got] == ["c1", "c2"]  # 社区服务中心 (c7) lies in s2


# ---- shortest path through what the viewer sees ----------------------------------------------

PATH = """query($a: ID!, $b: ID!) { shortestPath(from: $a, to: $b, maxHops: 6) {
  length nodes { id } } }"""


@pytest.mark.neo4j_only
def test_a_hidden_shortcut_does_not_hide_a_longer_visible_path(
    loaded: Target, client: Client, server: Server
) -> None:
    admin = client.query(PATH, {"a": "pa", "b": "pb"})["data"]["shortestPath"]
    assert admin == {"length": 2, "nodes": [{"id": "pa"}, {"id": "o-x"}, {"id": "pb"}]}
    street = viewer(server, loaded, auth.Role.STREET, "s1")
    found = street.query(PATH, {"a": "pa", "b": "pb"})["data"]["shortestPath"]
    assert found == {
        "length": 4,
        "nodes": [{"id": "pa"}, {"id": "c1"}, {"id": "s1"}, {"id": "c3"}, {"id": "pb"}],
    }


@pytest.mark.arcadedb_only
def test_on_arcadedb_the_shortest_path_is_filtered_not_searched(
    loaded: Target, server: Server
) -> None:
    # Documented: ArcadeDB finds the shortest path, then drops it for passing a hidden node.
    street = viewer(server, loaded, auth.Role.STREET, "s1")
    assert street.query(PATH, {"a": "pa", "b": "pb"})["data"]["shortestPath"] is None


# ---- statement timeouts ----------------------------------------------------------------------

RENAME = """mutation($name: String!) {
  updateEntity(input: {id: "c2", properties: {name: $name}}) { entity { id name } } }"""


@pytest.fixture
def impatient(loaded: Target) -> Iterator[Client]:
    """The service with a statement timeout of one second."""
    settings = loaded.settings().model_copy(update={"statement_timeout": 1.0})
    with Server(settings, loaded.connection) as server:
        yield Client(server.url, auth.mint(settings, auth.Role.ADMIN))


@pytest.mark.neo4j_only
def test_neo4j_stops_a_statement_past_the_timeout_and_the_graph_stays_usable(
    loaded: Target, impatient: Client
) -> None:
    c = loaded.connection
    with (
        loaded.driver() as driver,
        driver.session(database=c.database) as session,
    ):
        holder = session.begin_transaction()  # another writer holds c2 and does not let go
        holder.run("MATCH (n:Entity {id: 'c2'}) SET n.name = n.name").consume()
        try:
            with ThreadPoolExecutor(1) as pool:
                pending: Future[httpx.Response] = pool.submit(
                    impatient.post, RENAME, {"name": "等不及"}
                )
                # Only the graph can end this wait: the holder commits nothing until it does.
                response = pending.result(timeout=60)
        finally:
            holder.rollback()
    body = response.json()
    assert response.status_code == 200
    assert body["data"] == {"updateEntity": None}
    assert body["errors"][0]["extensions"]["code"] == "QUERY_TIMEOUT"
    assert "statement timeout (1 s)" in body["errors"][0]["message"]
    assert "Neo." not in response.text and "Traceback" not in response.text
    # The graph is usable at once, and the stopped change left nothing behind.
    assert impatient.query('{ node(id: "c2") { name } }')["data"]["node"]["name"] == "金湖路社区"
    renamed = impatient.query(RENAME, {"name": "金湖路第二社区"})["data"]["updateEntity"]["entity"]
    assert renamed == {"id": "c2", "name": "金湖路第二社区"}
    impatient.query(RENAME, {"name": "金湖路社区"})


# ---- datetimes -------------------------------------------------------------------------------

RAISE = """mutation($due: DateTime!) {
  raiseRequest(input: {id: "r-tz", gridId: "g1", category: SAFETY, description: "楼道堆物",
                       dueAt: $due}) { request { id dueAt } } }"""
DUE = "2099-03-01T09:30:00+08:00"


def _requests(target: Target) -> dict[str, Any]:
    async def work(graph: Graph) -> dict[str, Any]:
        return {
            r["id"]: r["properties"]
            async for r in export_records(graph)
            if r["type"] == "node" and r["label"] == "Request"
        }

    return run_graph(target, work)


@pytest.fixture
def grid(loaded: Target) -> Iterator[None]:
    load(loaded, [node("Grid", "g1", name="第一网格", level="COMMUNITY"), rel("IN", "g1", "c1")])
    imported = node("Request", "r-import", name="路灯", category="SAFETY", status="OPEN")
    imported["properties"]["raisedAt"] = "2025-05-01T08:00:00+08:00"
    load(loaded, [imported, rel("IN", "r-import", "g1")])
    yield
    wipe(loaded)
    load(loaded, world())


@pytest.mark.neo4j_only
def test_datetimes_keep_their_offsets_in_and_out(
    loaded: Target, client: Client, grid: None
) -> None:
    raised = client.query(RAISE, {"due": DUE})["data"]["raiseRequest"]["request"]
    again = client.query('{ node(id: "r-tz") { ... on Request { dueAt } } }')["data"]["node"]
    assert raised["dueAt"] == again["dueAt"] == DUE
    read = client.query('{ node(id: "r-import") { ... on Request { raisedAt } } }')["data"]
    assert read["node"]["raisedAt"] == "2025-05-01T08:00:00+08:00"
    exported = _requests(loaded)
    assert exported["r-tz"]["dueAt"] == DUE
    assert exported["r-import"]["raisedAt"] == "2025-05-01T08:00:00+08:00"


@pytest.mark.arcadedb_only
def test_on_arcadedb_datetimes_come_back_as_the_same_instant_in_utc(
    client: Client, grid: None
) -> None:
    raised = client.query(RAISE, {"due": DUE})["data"]["raiseRequest"]["request"]
    read = client.query('{ node(id: "r-tz") { ... on Request { dueAt } } }')["data"]["node"]
    assert raised["dueAt"] == read["dueAt"] == "2099-03-01T01:30:00+00:00"
    assert dt.datetime.fromisoformat(read["dueAt"]) == dt.datetime.fromisoformat(DUE)


# ---- migrations --------------------------------------------------------------------------------


@pytest.mark.neo4j_only
def test_migrations_change_nothing_the_second_time(loaded: Target) -> None:
    c = loaded.connection

    def schema() -> list[tuple[Any, ...]]:
        with loaded.driver() as driver:
            indexes = driver.execute_query(
                "SHOW INDEXES YIELD name, type, labelsOrTypes, properties, state "
                "RETURN name, type, labelsOrTypes, properties, state ORDER BY name",
                database_=c.database,
            ).records
            constraints = driver.execute_query(
                "SHOW CONSTRAINTS YIELD name, type RETURN name, type ORDER BY name",
                database_=c.database,
            ).records
        return [tuple(r.values()) for r in [*indexes, *constraints]]

    before = schema()
    assert ("entity_names", "FULLTEXT", ["Entity"], ["name"], "ONLINE") in before
    assert ("entity_names_text", "TEXT", ["Entity"], ["name"], "ONLINE") in before
    assert ("entity_id", "UNIQUENESS") in before
    counts = [run_graph(loaded, migrate) for _ in range(2)]
    assert counts[0] == counts[1]
    assert schema() == before


@pytest.mark.neo4j_only
def test_an_import_takes_its_own_timeout_not_a_requests(loaded: Target, tmp_path: Path) -> None:
    # Neo4j enforces every transaction's timeout; a file is one transaction, which may take
    # far longer than a request (the chengdu city profile: about 30 s). PARTYGRAPH_IMPORT_TIMEOUT.
    path = tmp_path / "demo.jsonl"
    path.write_text("\n".join(to_lines(demo(seed=5))) + "\n", encoding="utf-8")
    env = loaded.env(tmp_path) | {"PARTYGRAPH_STATEMENT_TIMEOUT": "0.01"}
    done = subprocess.run(
        [sys.executable, "-m", "partygraph", "import", str(path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert "nodes: " in done.stdout
    wipe(loaded)
    load(loaded, world())
