"""Relay-complete connections over real HTTP: every connection pages forward (first/after) and
backward (last/before) with the PageInfo Relay asks for, a scoped viewer's pages hold only what
it sees, the caps and the cost limit hold for `last` too; `nodes(ids)` answers many ids in one
statement. relay-compiler accepts the exported schema, and Apollo Client's
relayStylePagination merges the pages the served API gives (tests/js/relay)."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from partygraph import auth
from partygraph.published import PUBLISHED
from partygraph.seed.records import Record, node, rel
from tests.support.suite import Client, Server, Target, reload

ROOT = Path(__file__).resolve().parent.parent
RELAY = ROOT / "tests" / "js" / "relay"
NODE_MODULES = ROOT / "tools" / "web" / "node_modules"

pytestmark = pytest.mark.both_engines  # DESC pages and both bounds hold on ArcadeDB too

COMMUNITIES = [f"c{i:02}" for i in range(1, 16)]
IN_S1 = COMMUNITIES[::2]  # c01, c03, ... c15: a street:s1 viewer sees these, not the others
MEMBERS = [f"m{i:02}" for i in range(1, 12)]
REPORTED = {"m03", "m07"}  # reported to c01: not unreported
UNREPORTED = [m for m in MEMBERS if m not in REPORTED]


def world() -> list[Record]:
    records = [
        node("District", "d1", name="市南区"),
        node("Street", "s1", name="八大湖街道"),
        node("Street", "s2", name="金门路街道"),
        rel("IN", "s1", "d1"),
        rel("IN", "s2", "d1"),
        node("Unit", "u1", name="市公安局"),
        node("PartyOrganization", "o1", name="市公安局党支部"),
        rel("OF", "o1", "u1"),
    ]
    for c in COMMUNITIES:
        street = "s1" if c in IN_S1 else "s2"
        records += [node("Community", c, name=f"社区{c}"), rel("IN", c, street)]
    for m in MEMBERS:
        records += [
            node("Person", m, name=f"党员{m}", partyMember=True),
            rel("RESIDES_IN", m, "c01"),
            rel("MEMBER_OF", m, "o1"),
        ]
        if m in REPORTED:
            records.append(rel("REPORTED_TO", m, "c01"))
    return records


@pytest.fixture(scope="module")
def loaded(target: Target, engine_kind: str) -> Target:
    reload(target, world())
    return target


@pytest.fixture(scope="module")
def admin(loaded: Target, client: Client) -> Client:
    return client


@pytest.fixture(scope="module")
def street(loaded: Target, server: Server) -> Iterator[Client]:
    token = auth.mint(loaded.settings(), auth.Role.STREET, "s1", subject="relay-street")
    viewer = Client(server.url, token)
    yield viewer
    viewer.http.close()


def codes(body: dict[str, Any]) -> list[str]:
    return [e["extensions"]["code"] for e in body.get("errors") or []]


# ---- paging both ways --------------------------------------------------------------------------

ROOT_LIST = """query($first: Int, $after: String, $last: Int, $before: String) {
  communities(first: $first, after: $after, last: $last, before: $before) {
    totalCount edges { cursor node { id } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }"""

UNREPORTED_MEMBERS = """query($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {
  community(id: $id) {
    unreportedMembers(first: $first, after: $after, last: $last, before: $before) {
      totalCount edges { cursor node { id } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } } }"""


def connection_of(body: dict[str, Any]) -> dict[str, Any]:
    data = body["data"]
    found: dict[str, Any] = (
        data["community"]["unreportedMembers"] if "community" in data else data["communities"]
    )
    return found


def walk(
    client: Client, query: str, size: int, backward: bool, **variables: Any
) -> tuple[list[str], list[int], int]:
    """Every id of a connection in id order, paging one way; the page sizes in fetch order and
    totalCount. Checks each page's PageInfo on the way."""
    ids: list[str] = []
    sizes: list[int] = []
    cursor: str | None = None
    while True:
        bound = {"last": size, "before": cursor} if backward else {"first": size, "after": cursor}
        conn = connection_of(client.query(query, {**variables, **bound}))
        page = [edge["node"]["id"] for edge in conn["edges"]]
        info = conn["pageInfo"]
        assert page == sorted(page)  # a backward page too reads in id order
        assert info["startCursor"] == conn["edges"][0]["cursor"]
        assert info["endCursor"] == conn["edges"][-1]["cursor"]
        # The other direction is not looked at (Relay allows false there).
        assert not (info["hasNextPage"] if backward else info["hasPreviousPage"])
        sizes.append(len(page))
        ids = page + ids if backward else ids + page
        if not (info["hasPreviousPage"] if backward else info["hasNextPage"]):
            return ids, sizes, conn["totalCount"]
        cursor = info["startCursor"] if backward else info["endCursor"]


def test_a_root_connection_pages_forward_and_backward(admin: Client) -> None:
    assert walk(admin, ROOT_LIST, 4, backward=False) == (COMMUNITIES, [4, 4, 4, 3], 15)
    assert walk(admin, ROOT_LIST, 4, backward=True) == (COMMUNITIES, [4, 4, 4, 3], 15)


def test_the_contract_field_pages_forward_and_backward(admin: Client) -> None:
    forward = walk(admin, UNREPORTED_MEMBERS, 4, backward=False, id="c01")
    assert forward == (UNREPORTED, [4, 4, 1], 9)
    backward = walk(admin, UNREPORTED_MEMBERS, 4, backward=True, id="c01")
    assert backward == (UNREPORTED, [4, 4, 1], 9)
    # The integration contract's own selection pages as before.
    query = """query($after: String) { community(id: "c01") { unreportedMembers(first: 5,
      after: $after) { totalCount edges { node { id } cursor } pageInfo { hasNextPage endCursor }
    } } }"""
    first = admin.query(query)["data"]["community"]["unreportedMembers"]
    assert first["totalCount"] == 9 and first["pageInfo"]["hasNextPage"]
    after = first["pageInfo"]["endCursor"]
    rest = admin.query(query, {"after": after})["data"]["community"]["unreportedMembers"]
    assert [e["node"]["id"] for e in first["edges"] + rest["edges"]] == UNREPORTED
    assert not rest["pageInfo"]["hasNextPage"]


def test_a_scoped_viewer_pages_only_what_it_sees(street: Client) -> None:
    # Hidden communities lie between every two it sees: pages stay full all the same, and
    # totalCount counts only what it sees.
    assert walk(street, ROOT_LIST, 3, backward=False) == (IN_S1, [3, 3, 2], 8)
    assert walk(street, ROOT_LIST, 3, backward=True) == (IN_S1, [3, 3, 2], 8)


def cursor_of(client: Client, community: str) -> str:
    """The cursor of a community in the admin's root list."""
    edges = client.query(ROOT_LIST, {"first": 100})["data"]["communities"]["edges"]
    return str(next(e["cursor"] for e in edges if e["node"]["id"] == community))


def test_after_and_before_bound_a_page_together(admin: Client) -> None:
    after, before = cursor_of(admin, "c03"), cursor_of(admin, "c08")
    both = {"after": after, "before": before}
    forward = admin.query(ROOT_LIST, {"first": 2, **both})["data"]["communities"]
    assert [e["node"]["id"] for e in forward["edges"]] == ["c04", "c05"]
    assert forward["pageInfo"]["hasNextPage"]
    backward = admin.query(ROOT_LIST, {"last": 2, **both})["data"]["communities"]
    assert [e["node"]["id"] for e in backward["edges"]] == ["c06", "c07"]
    assert backward["pageInfo"]["hasPreviousPage"]


def test_nothing_before_the_first_cursor_is_an_empty_page(admin: Client) -> None:
    before = cursor_of(admin, "c01")
    conn = admin.query(ROOT_LIST, {"last": 5, "before": before})["data"]["communities"]
    assert conn["edges"] == []
    assert conn["pageInfo"] == {
        "hasNextPage": False,
        "hasPreviousPage": False,
        "startCursor": None,
        "endCursor": None,
    }


@pytest.mark.parametrize(
    "arguments",
    ["first: 2, last: 2", "last: 0", "last: 101", 'before: "bogus"'],
)
def test_bad_paging_arguments_are_refused(admin: Client, arguments: str) -> None:
    for query in (
        f"{{ communities({arguments}) {{ edges {{ cursor }} }} }}",
        f'{{ community(id: "c01") {{ unreportedMembers({arguments}) {{ totalCount }} }} }}',
        f'{{ requests(areaId: "d1", {arguments}) {{ totalCount }} }}',
        f"{{ projects({arguments}) {{ totalCount }} }}",
        f"{{ auditTrail({arguments}) {{ totalCount }} }}",
    ):
        assert codes(admin.post(query).json()) == ["BAD_USER_INPUT"], query


def test_first_and_last_together_are_refused_in_variables_too(admin: Client) -> None:
    body = admin.post(ROOT_LIST, {"first": 2, "last": 2}).json()
    assert codes(body) == ["BAD_USER_INPUT"]
    assert "first" in body["errors"][0]["message"] and "last" in body["errors"][0]["message"]


def test_the_cost_limit_counts_last_like_first(admin: Client) -> None:
    def nested(kind: str, inner: int) -> str:
        return (
            f"{{ communities({kind}: 100) {{ edges {{ node {{ "
            f"unreportedMembers({kind}: {inner}) {{ edges {{ node {{ id }} }} }} }} }} }} }}"
        )

    for kind in ("first", "last"):
        # 100 communities x 100 members x (connection, edge, node): over 25,000
        body = admin.post(nested(kind, 100)).json()
        assert codes(body) == ["QUERY_TOO_COMPLEX"], kind
        assert body["errors"][0]["extensions"]["cost"] == 300 + 30_000
        assert not admin.post(nested(kind, 50)).json().get("errors"), kind


# ---- nodes(ids) --------------------------------------------------------------------------------

NODES = "query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }"


def test_nodes_answers_in_the_order_asked_in_one_statement(admin: Client) -> None:
    ids = ["c05", "nowhere", "u1", "m01", "c05", "d1"]
    body = admin.query(NODES, {"ids": ids})
    assert body["data"]["nodes"] == [
        {"__typename": "Community", "id": "c05"},
        None,
        {"__typename": "Unit", "id": "u1"},
        {"__typename": "Person", "id": "m01"},
        {"__typename": "Community", "id": "c05"},
        {"__typename": "District", "id": "d1"},
    ]
    assert body["extensions"]["statements"] == 1
    assert admin.query(NODES, {"ids": []})["data"]["nodes"] == []


def test_nodes_hides_what_node_hides(street: Client) -> None:
    found = street.query(NODES, {"ids": COMMUNITIES})["data"]["nodes"]
    one_by_one = [
        street.query("query($id: ID!) { node(id: $id) { __typename id } }", {"id": c})["data"][
            "node"
        ]
        for c in COMMUNITIES
    ]
    assert found == one_by_one
    assert [n["id"] for n in found if n] == IN_S1
    assert found[1] is None  # c02 lies in s2


def test_nodes_takes_at_most_100_ids(admin: Client) -> None:
    many = [f"x{i}" for i in range(100)]
    assert admin.query(NODES, {"ids": many})["data"]["nodes"] == [None] * 100
    body = admin.post(NODES, {"ids": [*many, "x100"]}).json()
    assert codes(body) == ["BAD_USER_INPUT"]
    assert body["errors"][0]["extensions"]["limit"] == 100


def test_nodes_count_toward_the_cost_limit(admin: Client) -> None:
    query = """query($ids: [ID!]!) { nodes(ids: $ids) { ... on Community {
      unreportedMembers(first: 100) { edges { node { id } } } } } }"""
    ids = [f"c{i:03}" for i in range(100)]
    body = admin.post(query, {"ids": ids}).json()
    assert codes(body) == ["QUERY_TOO_COMPLEX"]
    assert body["errors"][0]["extensions"]["cost"] == 100 + 30_000
    assert not admin.post(query, {"ids": ids[:50]}).json().get("errors")


# ---- Relay and Apollo, as their own tools see the API -------------------------------------------


def node_tool(name: str) -> Path:
    tool = NODE_MODULES / name
    if not tool.exists():
        pytest.fail(f"{tool} is missing: run `npm ci --prefix tools/web`")
    return tool


def test_relay_compiler_accepts_the_schema_with_connections_and_refetchable_fragments(
    tmp_path: Path,
) -> None:
    compiler = node_tool(".bin/relay-compiler")
    shutil.copytree(RELAY / "src", tmp_path / "src")
    shutil.copy(RELAY / "relay.config.json", tmp_path)
    shutil.copy(PUBLISHED, tmp_path / "schema.graphql")  # the exported schema
    done = subprocess.run(
        [str(compiler)], cwd=tmp_path, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stdout + done.stderr
    generated = {p.name for p in (tmp_path / "src" / "__generated__").iterdir()}
    assert {
        "UnreportedMembersQuery.graphql.js",
        "UnreportedMembersPaginationQuery.graphql.js",  # the @refetchable connection fragment
        "UnitCardRefetchQuery.graphql.js",  # refetched through Query.node(id:)
        "UnitCardCommunitiesQuery.graphql.js",  # a root connection paged backward
    } <= generated


def test_apollo_relay_style_pagination_merges_the_served_pages(
    loaded: Target, server: Server
) -> None:
    node_tool("@apollo/client")
    token = auth.mint(loaded.settings(), auth.Role.ADMIN, subject="relay-apollo")
    done = subprocess.run(
        ["node", str(RELAY / "apollo_pagination.mjs"), server.url, token, "c01", "4"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout)

    forward = seen["forward"]
    assert forward["one"]["ids"] == UNREPORTED[:4]
    assert forward["page"]["ids"] == UNREPORTED[4:8]
    merged = forward["merged"]
    assert merged["ids"] == UNREPORTED[:8]  # both pages, in order
    assert merged["cursors"] == forward["one"]["cursors"] + forward["page"]["cursors"]
    assert merged["totalCount"] == 9
    assert merged["pageInfo"]["startCursor"] == forward["one"]["pageInfo"]["startCursor"]
    assert merged["pageInfo"]["endCursor"] == forward["page"]["pageInfo"]["endCursor"]
    assert merged["pageInfo"]["hasNextPage"] is True  # m11 is left
    assert merged["pageInfo"]["hasPreviousPage"] is False

    backward = seen["backward"]
    assert backward["one"]["ids"] == UNREPORTED[-4:]
    assert backward["page"]["ids"] == UNREPORTED[-8:-4]
    merged = backward["merged"]
    assert merged["ids"] == UNREPORTED[-8:]  # the earlier page put in front
    assert merged["pageInfo"]["startCursor"] == backward["page"]["pageInfo"]["startCursor"]
    assert merged["pageInfo"]["endCursor"] == backward["one"]["pageInfo"]["endCursor"]
    assert merged["pageInfo"]["hasPreviousPage"] is True  # m01 is left
