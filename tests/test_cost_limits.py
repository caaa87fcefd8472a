"""One client cannot stall the others: every list is bounded, a document's cost is computed
before it runs (QUERY_TOO_COMPLEX with the cost and the limit), one viewer may run only so
many requests at once, and a request whose client hangs up stops.

The attacks are the ones an attack run found: nested navigation lists seven deep, 190 aliases
of a fragment nesting `members { unit { ... } }`, ten aliases of the largest neighbourhood, and
a client that hangs up while the service works for it.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
import neo4j
import pytest

from partygraph import auth
from partygraph.seed.records import Record, node, rel
from tests.support.suite import Client, Server, Target, reload

MEMBERS = 150  # more than any list returns at once


def world() -> list[Record]:
    records = [
        node("District", "d1", name="宁海区"),
        node("Street", "s1", name="宁海路街道"),
        rel("IN", "s1", "d1"),
        node("Community", "c1", name="云霄路社区"),
        rel("IN", "c1", "s1"),
        node("Unit", "u1", name="区机关"),
        node("PartyOrganization", "o1", name="机关党支部"),
        rel("OF", "o1", "u1"),
    ]
    for i in range(MEMBERS):
        records += [
            node("Person", f"p{i:03d}", name=f"党员{i}", partyMember=True),
            rel("WORKS_AT", f"p{i:03d}", "u1"),
            rel("MEMBER_OF", f"p{i:03d}", "o1"),
            rel("RESIDES_IN", f"p{i:03d}", "c1"),
        ]
    return records


@pytest.fixture(scope="module")
def loaded(target: Target, engine_kind: str) -> Target:
    reload(target, world())
    return target


def refused_as_too_complex(body: dict[str, Any]) -> dict[str, Any]:
    assert body["data"] is None, body
    (error,) = body["errors"]
    assert error["extensions"]["code"] == "QUERY_TOO_COMPLEX", error
    assert error["extensions"]["cost"] > error["extensions"]["limit"] == 25_000
    assert body["extensions"]["statements"] == 0  # nothing ran
    return dict(error)


DEEP = '{ unit(id: "u1") { members { unit { members { unit { members { id } } } } } } }'


def test_nested_navigation_lists_are_refused_before_they_run(
    loaded: Target, client: Client, server: Server
) -> None:
    refused_as_too_complex(client.post(DEEP).json())
    # A unit's own token on its own unit: the same.
    unit = Client(server.url, auth.mint(loaded.settings(), auth.Role.UNIT, "u1"))
    refused_as_too_complex(unit.post(DEEP).json())
    # Asking for smaller lists makes the same shape affordable.
    small = DEEP.replace("members {", "members(first: 10) {")
    body = client.query(small)
    assert len(body["data"]["unit"]["members"]) == 10


def test_one_document_is_costed_by_the_variables_of_each_request(
    loaded: Target, client: Client
) -> None:
    """Documents are checked once per text, but their cost follows each request's variables."""
    nested = """query($n: Int) { unit(id: "u1") { members(first: $n) { unit {
      members(first: $n) { unit { members(first: $n) { id } } } } } } }"""
    body = client.query(nested, {"n": 10})
    assert len(body["data"]["unit"]["members"]) == 10
    refused_as_too_complex(client.post(nested, {"n": 30}).json())  # 30 + 30² + 30³ objects
    again = client.query(nested, {"n": 10})
    assert again["data"] == body["data"]


def test_aliases_of_a_nested_fragment_are_refused(loaded: Target, client: Client) -> None:
    fragment = "fragment M on Unit { members { unit { members { unit { members { id } } } } } }"
    aliases = " ".join(f'a{i}: unit(id: "u1") {{ ...M }}' for i in range(190))
    refused_as_too_complex(client.post(f"{{ {aliases} }} {fragment}").json())


def test_aliases_multiply_heavy_root_fields(loaded: Target, client: Client) -> None:
    one = 'neighborhood(id: "d1", depth: 3, limit: 500) { nodes { id } }'
    assert client.query("{ " + one + " }")["data"]["neighborhood"]["nodes"]
    ten = " ".join(f"n{i}: {one}" for i in range(10))
    error = refused_as_too_complex(client.post("{ " + ten + " }").json())
    assert error["extensions"]["cost"] >= 10 * 3 * 4 * 500


def test_every_list_is_bounded_and_pages_by_id(loaded: Target, client: Client) -> None:
    query = """query($after: ID) { unit(id: "u1") {
      first: members { id } page: members(first: 40, after: $after) { id } } }"""
    got = client.query(query)["data"]["unit"]
    everyone = sorted(f"p{i:03d}" for i in range(MEMBERS))
    assert [m["id"] for m in got["first"]] == everyone[:100]  # a list's default is its most
    seen = [m["id"] for m in got["page"]]
    while len(seen) < MEMBERS:
        page = client.query(query, {"after": seen[-1]})["data"]["unit"]["page"]
        assert page
        seen += [m["id"] for m in page]
    assert seen == everyone
    too_many = client.post('{ unit(id: "u1") { members(first: 101) { id } } }').json()
    assert too_many["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    assert too_many["extensions"]["statements"] == 0


# ---- viewers in flight -----------------------------------------------------------------------

RENAME = (
    'mutation { updateEntity(input: {id: "c1", properties: {households: %d}}) { entity { id } } }'
)


@pytest.fixture
def held(loaded: Target) -> Iterator[neo4j.Transaction]:
    """Another writer holds the community c1 until the test lets go."""
    c = loaded.connection
    with (
        loaded.driver() as driver,
        driver.session(database=c.database) as session,
    ):
        holder = session.begin_transaction()
        holder.run("MATCH (n:Entity {id: 'c1'}) SET n._held = true").consume()  # write-locked
        try:
            yield holder
        finally:
            if holder.closed() is False:
                holder.rollback()


@pytest.fixture
def two_slots(loaded: Target) -> Iterator[Server]:
    settings = loaded.settings().model_copy(update={"max_concurrent": 2, "statement_timeout": 60})
    with Server(settings, loaded.connection) as server:
        yield server


@pytest.mark.neo4j_only  # the waits are Neo4j's write locks
def test_one_viewer_cannot_take_every_slot(
    loaded: Target, two_slots: Server, held: neo4j.Transaction
) -> None:
    settings = loaded.settings()
    greedy = Client(two_slots.url, auth.mint(settings, auth.Role.ADMIN, subject="greedy"))
    other = Client(two_slots.url, auth.mint(settings, auth.Role.ADMIN, subject="other"))
    with ThreadPoolExecutor(2) as pool:
        waiting = [pool.submit(greedy.post, RENAME % n) for n in (1, 2)]
        _until_waiting_on_the_lock(loaded, 2)
        third = greedy.post('{ community(id: "c1") { name } }')
        assert third.status_code == 429
        assert third.json()["errors"][0]["extensions"] == {
            "code": "TOO_MANY_REQUESTS",
            "limit": 2,
        }
        # Anyone else is served at once, while the greedy viewer's two still wait.
        assert other.query('{ community(id: "c1") { name } }')["data"]["community"]
        assert not any(w.done() for w in waiting)
        held.rollback()
        assert all(w.result(timeout=60).status_code == 200 for w in waiting)
    assert greedy.query('{ community(id: "c1") { name } }')  # its slots are free again


@pytest.mark.neo4j_only  # the wait is Neo4j's write lock
def test_a_request_whose_client_hangs_up_stops_and_changes_nothing(
    loaded: Target, server: Server, admin_token: str, held: neo4j.Transaction
) -> None:
    before = _households(loaded)

    async def hang_up() -> None:
        async with httpx.AsyncClient(
            base_url=server.url, headers={"Authorization": f"Bearer {admin_token}"}
        ) as http:
            with pytest.raises(httpx.ReadTimeout):
                await http.post("/graphql", json={"query": RENAME % 4242}, timeout=1.5)

    client = threading.Thread(target=lambda: asyncio.run(hang_up()))
    client.start()
    _until_waiting_on_the_lock(loaded, 1)
    client.join()
    # The service ends its work: no transaction of it is left waiting on the lock...
    _until_waiting_on_the_lock(loaded, 0)
    held.rollback()
    # ...and the change it was making never lands.
    assert _households(loaded) == before


def _waiting(target: Target) -> int:
    c = target.connection
    with target.driver() as driver:
        rows = driver.execute_query(
            "SHOW TRANSACTIONS YIELD status WHERE status STARTS WITH 'Blocked' "
            "RETURN count(*) AS n",
            database_=c.database,
        ).records
    return int(rows[0]["n"])


def _until_waiting_on_the_lock(target: Target, count: int) -> None:
    deadline = time.monotonic() + 60
    while _waiting(target) != count:
        assert time.monotonic() < deadline, f"never {count} transactions waiting"
        time.sleep(0.1)


def _households(target: Target) -> Any:
    c = target.connection
    with target.driver() as driver:
        rows = driver.execute_query(
            "MATCH (n:Entity {id: 'c1'}) RETURN n.households AS h", database_=c.database
        ).records
    return rows[0]["h"]
