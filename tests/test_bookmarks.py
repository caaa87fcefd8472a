"""Read-your-writes across replicas (partygraph.bookmarks): a mutation's response carries its
bookmark in the Partygraph-Bookmark header; a request that sends it back has its reads wait for
that write. On one server the wait is nil, so what is checked is the path: the header issued,
checked, and handed to the graph (a bookmark it has not reached makes it wait, or fail with a
code). Also: the service over `neo4j://` (the routing driver a cluster needs)."""

from __future__ import annotations

import base64
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import httpx
import pytest

from partygraph import bookmarks
from tests.support.suite import SECRET, Client, Server, Target, wipe

HEADER = bookmarks.HEADER
KEY = bookmarks.key_from(SECRET)
CREATE = """mutation ($id: ID!) {
  createEntity(input: {label: District, id: $id, properties: {name: "区"}}) { entity { id } }
}"""
READ = "query ($id: ID!) { node(id: $id) { id } }"


@pytest.fixture(scope="module")
def fresh(target: Target) -> Target:
    wipe(target)
    return target


def post(
    url: str, token: str, query: str, variables: dict[str, Any], headers: dict[str, str]
) -> httpx.Response:
    return httpx.post(
        f"{url}/graphql",
        json={"query": query, "variables": variables},
        headers={"Authorization": f"Bearer {token}", "Accept-Language": "en", **headers},
        timeout=180,
    )


def create(server: Server, token: str, key: str, headers: dict[str, str] | None = None) -> str:
    """Create a district; the bookmark its response carries."""
    answer = post(server.url, token, CREATE, {"id": key}, headers or {})
    assert answer.status_code == 200 and "errors" not in answer.json(), answer.text
    return answer.headers[HEADER]


def read(server: Server, token: str, key: str, bookmark: str | None) -> httpx.Response:
    return post(server.url, token, READ, {"id": key}, {HEADER: bookmark} if bookmark else {})


def refusal(answer: httpx.Response) -> tuple[int, str, str]:
    error = answer.json()["errors"][0]
    return answer.status_code, error["extensions"]["code"], error["message"]


@pytest.mark.both_engines
def test_a_mutation_answers_its_bookmark_and_reads_sent_with_it_see_the_write(
    fresh: Target, server: Server, admin_token: str
) -> None:
    bookmark = create(server, admin_token, "bm-d1")
    assert bookmarks.decode(KEY, bookmark).raw_values  # issued by the service, signed
    seen = read(server, admin_token, "bm-d1", bookmark)
    assert seen.status_code == 200
    assert seen.json()["data"] == {"node": {"id": "bm-d1"}}
    assert HEADER not in seen.headers  # a request that wrote nothing issues none
    # A write sent with a bookmark answers a newer one, which reads see through as well.
    later = create(server, admin_token, "bm-d2", {HEADER: bookmark})
    assert later != bookmark
    assert read(server, admin_token, "bm-d2", later).json()["data"] == {"node": {"id": "bm-d2"}}


@pytest.mark.both_engines
def test_a_bookmark_the_service_did_not_issue_is_refused_with_400(
    fresh: Target, server: Server, admin_token: str
) -> None:
    issued = create(server, admin_token, "bm-d3")
    payload, mac = issued.split(".")
    raw = next(iter(bookmarks.decode(KEY, issued).raw_values))
    not_issued = {
        "not a bookmark": "garbage value",
        "the graph's own bookmark, unsigned": raw,
        "signed with another secret": bookmarks.encode(bookmarks.key_from("x" * 40), [raw]),
        "a signature changed": f"{payload}.{mac[:-2]}AA",
        "a bookmark changed": f"{payload[:-2]}AA.{mac}",
        "no signature": payload,
    }
    for what, value in not_issued.items():
        answer = read(server, admin_token, "bm-d3", value)
        assert refusal(answer) == (
            400,
            "BAD_USER_INPUT",
            f"the {HEADER} header is not a bookmark this service issued",
        ), what
    too_long = read(server, admin_token, "bm-d3", "a" * 5000)
    assert refusal(too_long) == (
        400,
        "BAD_USER_INPUT",
        f"the {HEADER} header is longer than 4096 characters",
    )
    two = httpx.post(
        f"{server.url}/graphql",
        json={"query": READ, "variables": {"id": "bm-d3"}},
        headers=[
            ("Authorization", f"Bearer {admin_token}"),
            ("Accept-Language", "en"),
            (HEADER, issued),
            (HEADER, issued),
        ],
        timeout=60,
    )
    assert refusal(two)[:2] == (400, "BAD_USER_INPUT")
    # Chinese unless English is asked for, like every refusal.
    chinese = httpx.post(
        f"{server.url}/graphql",
        json={"query": READ, "variables": {"id": "bm-d3"}},
        headers={"Authorization": f"Bearer {admin_token}", HEADER: "garbage"},
        timeout=60,
    )
    assert chinese.status_code == 400 and "Partygraph-Bookmark" in refusal(chinese)[2]
    # An empty header is no bookmark; without a valid token the answer is 401 as ever.
    empty = post(server.url, admin_token, READ, {"id": "bm-d3"}, {HEADER: ""})
    assert empty.status_code == 200, empty.text
    anonymous = httpx.post(
        f"{server.url}/graphql", json={"query": READ}, headers={HEADER: "garbage"}, timeout=60
    )
    assert anonymous.status_code == 401


# Neo4j 5's bookmark: "FB:" and the base64 of a PackStream list: the database's id (16 bytes)
# and the id of the last transaction applied, then an empty list.
_PREFIX = bytes.fromhex("91cc10")


def _packstream_int(value: int) -> bytes:
    if -16 <= value <= 127:
        return value.to_bytes(1, "big", signed=True)
    for marker, size in ((0xC9, 2), (0xCA, 4), (0xCB, 8)):
        if -(2 ** (8 * size - 1)) <= value < 2 ** (8 * size - 1):
            return bytes([marker]) + value.to_bytes(size, "big", signed=True)
    raise ValueError(value)


def _read_int(data: bytes) -> tuple[int, int]:
    """A PackStream integer at the start of `data`, and its length."""
    sizes = {0xC8: 1, 0xC9: 2, 0xCA: 4, 0xCB: 8}
    if data[0] in sizes:
        size = sizes[data[0]]
        return int.from_bytes(data[1 : 1 + size], "big", signed=True), 1 + size
    return int.from_bytes(data[:1], "big", signed=True), 1


def transaction_of(raw: str, later_by: int) -> str:
    """The bookmark of the transaction `later_by` after the one `raw` names (Neo4j 5 layout;
    the test is skipped for another)."""
    if not raw.startswith("FB:"):
        pytest.skip(f"not a Neo4j 5 bookmark: {raw!r}")
    data = base64.b64decode(raw[3:] + "=" * (-len(raw[3:]) % 4))
    if not data.startswith(_PREFIX) or len(data) < 21:
        pytest.skip(f"a bookmark layout this test does not know: {raw!r}")
    head = data[:19]
    tx, size = _read_int(data[19:])
    tail = data[19 + size :]
    return "FB:" + base64.b64encode(head + _packstream_int(tx + later_by) + tail).decode()


@pytest.mark.neo4j_only
def test_a_read_sent_with_a_bookmark_waits_for_the_write_it_names(
    fresh: Target, server: Server, admin_token: str
) -> None:
    # The bookmark of the next write, signed as the service would sign it once made: a read
    # sent with it before that write waits for it, and then sees it.
    issued = create(server, admin_token, "bm-d4")
    raw = next(iter(bookmarks.decode(KEY, issued).raw_values))
    upcoming = bookmarks.encode(KEY, [transaction_of(raw, 1)])
    answers: list[httpx.Response] = []
    waiting = threading.Thread(
        target=lambda: answers.append(read(server, admin_token, "bm-d5", upcoming))
    )
    waiting.start()
    # A read without the bookmark, sent after it, answers before the write is made...
    assert read(server, admin_token, "bm-d5", None).json()["data"] == {"node": None}
    assert waiting.is_alive()
    time.sleep(1)  # not a timing check: room for the waiting read to reach the graph
    create(server, admin_token, "bm-d5")  # ...the next write
    waiting.join(timeout=120)
    assert answers and answers[0].status_code == 200
    assert answers[0].json()["data"] == {"node": {"id": "bm-d5"}}


@pytest.mark.neo4j_only
def test_a_bookmark_the_graph_never_reaches_is_a_clear_error(
    fresh: Target, server: Server, admin_token: str
) -> None:
    # Signed as the service would sign it, but of a transaction the graph never had (a graph
    # restored from a backup): Neo4j waits for it (db.transaction.bookmark_ready_timeout, 5 s
    # on the development engine, at BEGIN and again at the statement) and gives up; the
    # request is refused as a whole, once, not retried.
    issued = create(server, admin_token, "bm-d6")
    raw = next(iter(bookmarks.decode(KEY, issued).raw_values))
    future = bookmarks.encode(KEY, [transaction_of(raw, 10_000_000)])
    answer = post(
        server.url,
        admin_token,
        "query ($id: ID!) { a: node(id: $id) { id } b: node(id: $id) { id } }",
        {"id": "bm-d6"},
        {HEADER: future},
    )
    assert refusal(answer) == (
        503,
        "BOOKMARK_NOT_REACHED",
        f"the graph has not reached the write the {HEADER} header names; send the request "
        "again later, or without the header",
    )
    assert answer.json()["data"] is None
    # A bookmark the graph cannot read at all: told at once, as bad input.
    unreadable = read(server, admin_token, "bm-d6", bookmarks.encode(KEY, ["FB:abc"]))
    assert refusal(unreadable) == (
        400,
        "BAD_USER_INPUT",
        f"the graph cannot read the bookmark the {HEADER} header holds",
    )


@pytest.fixture(scope="module")
def routed(target: Target) -> Iterator[Server]:
    """The service over the routing driver (neo4j://), as for a cluster: a single server
    answers the routing table with itself for reads and writes."""
    uri = target.connection.uri
    if not uri.startswith("bolt://"):
        pytest.skip(f"the run's graph is at {uri}, not a bolt:// address to route")
    connection = replace(target.connection, uri="neo4j://" + uri.removeprefix("bolt://"))
    settings = target.settings().model_copy(update={"neo4j_uri": connection.uri})
    with Server(settings, connection) as running:
        yield running


@pytest.mark.both_engines
def test_the_service_works_over_neo4j_routing(
    fresh: Target, routed: Server, admin_token: str
) -> None:
    bookmark = create(routed, admin_token, "bm-r1")
    client = Client(routed.url, admin_token)
    client.http.headers[HEADER] = bookmark
    assert client.query(READ, {"id": "bm-r1"})["data"] == {"node": {"id": "bm-r1"}}
    page = client.query("{ districts(first: 10) { totalCount } }")
    assert page["data"]["districts"]["totalCount"] >= 1
