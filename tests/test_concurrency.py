"""Concurrent writers on the same nodes lose nothing and double nothing.

Eight HTTP clients with a real admin token send their mutations at once against a few shared
communities: members report (双报到) to their residence community, each report sent by two
clients at the same moment, and every client races the others to claim the same micro-wishes
and to create the same ids. Afterwards every report is stored exactly once, every wish has
exactly one claimer and every id one node, each the one the API told it won; every losing
attempt was told why (INVALID_STATE, or BAD_USER_INPUT "already in use"), and no request got
a 5xx, an internal error or a "graph busy" error.

On Neo4j the same race runs across two service processes (twins in different ones): the
writing statements' locks alone keep it single, with no lock inside the service. Concurrent
upserts of one pair (link, submitEvaluation, recordAttendance) make one relationship there.
"""

from __future__ import annotations

import asyncio
import random
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest

from partygraph import auth
from partygraph.db import Graph
from partygraph.export import export_records
from partygraph.seed.records import Record, node, rel
from tests.support.suite import RUN_FACTS, Server, Target, free_port, load, reload, run_graph, wipe

CLIENTS = 8
REPORTS_PER_CLIENT = 150
CLAIMS_PER_CLIENT = 50  # 200 operations per client
COMMUNITIES = 4
# Clients k and k + PAIR send the same reports in the same order: every report races its twin.
PAIR = CLIENTS // 2
MEMBERS = PAIR * REPORTS_PER_CLIENT
WISHES = CLAIMS_PER_CLIENT  # every client tries to claim every wish
NEW_IDS = 40  # every client creates each of these ids, in the same order

REPORT = """mutation($person: ID!, $community: ID!) {
  recordReport(input: {personId: $person, communityId: $community}) { person { id } } }"""
CLAIM = """mutation($person: ID!, $wish: ID!) {
  claimWish(input: {id: $wish, personId: $person}) { wish { id status } } }"""
CREATE = """mutation($id: ID!, $name: String!) {
  createEntity(input: {label: Unit, id: $id, properties: {name: $name}}) {
    entity { id name } } }"""


def member(i: int) -> str:
    return f"cc-m{i:04d}"


def community(i: int) -> str:
    return f"cc-c{i % COMMUNITIES}"


def wish(i: int) -> str:
    return f"cc-w{i:03d}"


def claimer(client: int) -> str:
    return f"cc-v{client}"


def new_id(i: int) -> str:
    return f"cc-new-{i:03d}"


def dataset() -> list[Record]:
    records = [node("District", "cc-d", name="并发区"), node("Street", "cc-s", name="并发街道")]
    records.append(rel("IN", "cc-s", "cc-d"))
    for c in range(COMMUNITIES):
        records += [
            node("Community", community(c), name=f"并发社区{c}"),
            rel("IN", community(c), "cc-s"),
        ]
    records += [
        node("Unit", "cc-u", name="区机关"),
        node("PartyOrganization", "cc-o", name="机关党支部"),
        rel("OF", "cc-o", "cc-u"),
    ]
    for i in range(MEMBERS):
        records += [
            node("Person", member(i), name=f"党员{i}", partyMember=True),
            rel("MEMBER_OF", member(i), "cc-o"),
            rel("RESIDES_IN", member(i), community(i)),
        ]
    for k in range(CLIENTS):
        records.append(node("Person", claimer(k), name=f"志愿者{k}"))
    for w in range(WISHES):
        records += [
            node("Wish", wish(w), name=f"微心愿{w}", status="OPEN", createdOn="2025-03-01"),
            rel("IN", wish(w), community(w)),
        ]
    return records


@dataclass(frozen=True)
class Op:
    kind: str  # "report", "claim" or "create"
    key: str  # the member, wish or new id
    query: str
    variables: dict[str, Any]
    refusal: str  # the error code a loser of the race gets
    says: str  # and what its message says


@dataclass
class Seen:
    """What the clients were told, by operation kind."""

    won: dict[str, list[tuple[str, int]]] = field(default_factory=dict)  # kind -> (key, client)
    refused: Counter[str] = field(default_factory=Counter)  # kind -> count
    bad: list[str] = field(default_factory=list)  # anything a client must never see

    def winners(self, kind: str) -> Counter[str]:
        return Counter(key for key, _ in self.won.get(kind, []))


def report(k: int, person: str) -> Op:
    variables = {"person": person, "community": community(int(person[-4:]))}
    return Op("report", person, REPORT, variables, "INVALID_STATE", "has already reported")


def claim(k: int, key: str) -> Op:
    variables = {"person": claimer(k), "wish": key}
    return Op("claim", key, CLAIM, variables, "INVALID_STATE", f"Wish {key!r} is CLAIMED")


def create(k: int, key: str) -> Op:
    variables = {"id": key, "name": f"单位{k}"}
    return Op("create", key, CREATE, variables, "BAD_USER_INPUT", "is already in use")


def reports_and_claims(k: int) -> list[Op]:
    """Client k's 200 operations: its pair's reports in the pair's order, every wish in its
    own order, interleaved the same way for both twins so they stay in step."""
    pair = k % PAIR
    members = [member(pair + PAIR * j) for j in range(REPORTS_PER_CLIENT)]
    random.Random(pair).shuffle(members)
    wishes = [wish(w) for w in range(WISHES)]
    random.Random(1000 + k).shuffle(wishes)
    kinds = ["report"] * REPORTS_PER_CLIENT + ["claim"] * CLAIMS_PER_CLIENT
    random.Random(2000 + pair).shuffle(kinds)
    reports, claims = iter(members), iter(wishes)
    return [
        report(k, next(reports)) if kind == "report" else claim(k, next(claims)) for kind in kinds
    ]


async def _client(url: str, token: str, k: int, ops: list[Op], start: asyncio.Event) -> Seen:
    seen = Seen()
    headers = {"Authorization": f"Bearer {token}", "Accept-Language": "en"}
    async with httpx.AsyncClient(base_url=url, headers=headers, timeout=120) as http:
        await start.wait()
        for op in ops:
            payload = {"query": op.query, "variables": op.variables}
            response = await http.post("/graphql", json=payload)
            if response.status_code != 200:
                seen.bad.append(f"{op.kind} {op.key}: HTTP {response.status_code} {response.text}")
                continue
            body = response.json()
            errors = body.get("errors")
            if not errors:
                seen.won.setdefault(op.kind, []).append((op.key, k))
                written: dict[str, Any] = next(iter(body["data"].values()))
                answer = next(iter(written.values()))  # the node the payload holds
                assert answer.get("id", op.key) == op.key  # the id it won, where it has one
            elif (
                errors[0].get("extensions", {}).get("code") == op.refusal
                and op.says in errors[0]["message"]
            ):
                seen.refused[op.kind] += 1
            else:
                seen.bad.append(f"{op.kind} {op.key}: {errors}")
    return seen


def race(
    urls: list[str], token: str | list[str], plan: Callable[[int], list[Op]], clients: int = CLIENTS
) -> Seen:
    """Every client's plan sent at once, one request at a time per client; all they saw.
    Clients k and k + PAIR (twins) talk to different services when there are several; client k
    holds token[k] when each has its own (a viewer may have only so many requests running)."""

    def token_of(k: int) -> str:
        return token if isinstance(token, str) else token[k]

    async def go() -> list[Seen]:
        start = asyncio.Event()
        runs = [
            _client(urls[(k // PAIR) % len(urls)], token_of(k), k, plan(k), start)
            for k in range(clients)
        ]
        tasks = [asyncio.create_task(run) for run in runs]
        await asyncio.sleep(0.2)  # every client ready
        start.set()
        return list(await asyncio.gather(*tasks))

    total = Seen()
    for seen in asyncio.run(go()):
        for kind, won in seen.won.items():
            total.won.setdefault(kind, []).extend(won)
        total.refused.update(seen.refused)
        total.bad += seen.bad
    assert total.bad == [], (
        f"{len(total.bad)} requests answered neither data nor the refusal:\n"
        + ("\n".join(total.bad[:20]))
    )
    return total


def stored(target: Target) -> tuple[dict[str, dict[str, Any]], Counter[tuple[str, str, str]]]:
    """Nodes by id (their properties) and how many relationships join each (type, from, to)."""

    async def work(graph: Graph) -> tuple[dict[str, dict[str, Any]], Counter[tuple[str, str, str]]]:
        nodes: dict[str, dict[str, Any]] = {}
        rels: Counter[tuple[str, str, str]] = Counter()
        async for record in export_records(graph):
            if record["type"] == "node":
                nodes[record["id"]] = record["properties"]
            else:
                rels[(record["rel"], record["from"], record["to"])] += 1
        return nodes, rels

    return run_graph(target, work)


@pytest.fixture
def shared(target: Target, engine_kind: str) -> None:
    reload(target, dataset())


@pytest.mark.both_engines  # on ArcadeDB: its conflicts retried, reports ordered in-process
def test_concurrent_reports_and_claims_lose_and_double_nothing(
    server: Server, admin_token: str, target: Target, shared: None
) -> None:
    seen = race([server.url], admin_token, reports_and_claims)
    check_reports_and_claims(seen, target)


def check_reports_and_claims(seen: Seen, target: Target, where: str = "") -> None:
    nodes, rels = stored(target)

    # Reports: each member reported by two clients at once; one is recorded, the other told.
    reported = seen.winners("report")
    doubled = sorted(key for key, times in reported.items() if times > 1)
    assert doubled == [], f"{len(doubled)} members reported twice, e.g. {doubled[:5]}"
    assert sorted(reported) == [member(i) for i in range(MEMBERS)]
    attempts = CLIENTS * REPORTS_PER_CLIENT
    assert seen.refused["report"] == attempts - MEMBERS
    found = {pair: n for pair, n in rels.items() if pair[0] == "REPORTED_TO"}
    assert found == {("REPORTED_TO", member(i), community(i)): 1 for i in range(MEMBERS)}

    # Claims: every client tried every wish; each wish has the one winner it was told of.
    claimed = seen.winners("claim")
    assert claimed == Counter({wish(w): 1 for w in range(WISHES)}), "a wish claimed twice"
    attempted = CLIENTS * CLAIMS_PER_CLIENT
    assert seen.refused["claim"] == attempted - WISHES
    claims = {pair: n for pair, n in rels.items() if pair[0] == "CLAIMED"}
    winners = {("CLAIMED", claimer(k), key): 1 for key, k in seen.won["claim"]}
    assert claims == winners
    assert {nodes[wish(w)]["status"] for w in range(WISHES)} == {"CLAIMED"}

    RUN_FACTS["concurrent writes" + where] = (
        f"{CLIENTS} clients x {REPORTS_PER_CLIENT + CLAIMS_PER_CLIENT} operations: {attempts} "
        f"reports sent for {MEMBERS} members (each by two clients at once), {len(reported)} "
        f"recorded, {sum(found.values())} found, {seen.refused['report']} refused "
        f"(INVALID_STATE); {attempted} claim attempts on {WISHES} wishes, {len(claimed)} won, "
        f"{sum(claims.values())} found"
    )


@pytest.mark.both_engines
def test_concurrent_creations_of_one_id_make_one_node_and_tell_the_others(
    server: Server, admin_token: str, target: Target, engine_kind: str
) -> None:
    # The uniqueness constraint stops the later creations at their commit; run again, each
    # sees the first one's node and says the id is in use, as it would have (not CONFLICT).
    wipe(target)
    seen = race([server.url], admin_token, lambda k: [create(k, new_id(i)) for i in range(NEW_IDS)])
    made = seen.winners("create")
    assert made == Counter({new_id(i): 1 for i in range(NEW_IDS)}), "an id created twice"
    assert seen.refused["create"] == (CLIENTS - 1) * NEW_IDS
    nodes, _ = stored(target)
    names = {key: props["name"] for key, props in nodes.items() if key.startswith("cc-new-")}
    assert names == {key: f"单位{k}" for key, k in seen.won["create"]}  # the winners' nodes
    RUN_FACTS["concurrent creations of one id"] = (
        f"{CLIENTS * NEW_IDS} createEntity requests for {NEW_IDS} ids: {len(made)} made, "
        f"{seen.refused['create']} told the id is in use"
    )


@contextmanager
def serving(target: Target, home: Path) -> Iterator[str]:
    """`partygraph serve` in a process of its own on the run's graph; its URL."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "partygraph", "serve", "--port", str(port)],
        env=target.env(home),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(url + "/healthz", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert process.poll() is None and time.monotonic() < deadline, "serve did not start"
            time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=30)


@pytest.mark.neo4j_only
def test_reports_and_claims_race_across_two_service_processes(
    admin_token: str, target: Target, shared: None, tmp_path: Path
) -> None:
    # No lock inside the service holds here: each report's twin goes to the other process.
    with ExitStack() as stack:
        urls = [stack.enter_context(serving(target, tmp_path / f"p{i}")) for i in range(2)]
        seen = race(urls, admin_token, reports_and_claims)
    check_reports_and_claims(seen, target, " (two service processes)")


PAIRS = 25  # of each kind; every client upserts every pair, in its own order
LINK = """mutation($unit: ID!, $community: ID!) {
  link(input: {type: PAIRED_WITH, from: $unit, to: $community,
               properties: {since: "2024-03-01"}}) { relationship { type } } }"""
EVALUATE = """mutation($unit: ID!, $community: ID!, $score: Float!) {
  submitEvaluation(input: {from: $unit, to: $community, period: "2025-H1", score: $score}) {
    evaluation { score } } }"""
ATTEND = """mutation($person: ID!, $activity: ID!, $hours: Float!) {
  recordAttendance(input: {activityId: $activity, personId: $person, hours: $hours}) {
    attendance { hours } } }"""


def unit(i: int) -> str:
    return f"cc-u{i:02d}"


def activity(i: int) -> str:
    return f"cc-a{i:02d}"


def upserts(k: int) -> list[Op]:
    ops = []
    for i in range(PAIRS):
        pair = {"unit": unit(i), "community": community(i)}
        ops += [
            Op("link", f"{unit(i)}>{community(i)}", LINK, pair, "", ""),
            Op("evaluate", f"{unit(i)}>{community(i)}", EVALUATE, pair | {"score": k}, "", ""),
            Op(
                "attend",
                f"{member(i)}>{activity(i)}",
                ATTEND,
                {"person": member(i), "activity": activity(i), "hours": k + 1},
                "",
                "",
            ),
        ]
    random.Random(3000 + k).shuffle(ops)
    return ops


@pytest.mark.neo4j_only
def test_concurrent_upserts_of_one_pair_make_one_relationship(
    server: Server, admin_token: str, target: Target, shared: None
) -> None:
    extra = []
    for i in range(PAIRS):
        extra += [
            node("Unit", unit(i), name=f"驻区单位{i}"),
            node(
                "Activity",
                activity(i),
                name=f"志愿服务{i}",
                type="VOLUNTEER_SERVICE",
                date="2025-03-01",
            ),
            rel("IN", activity(i), community(i)),
        ]
    load(target, extra)
    seen = race([server.url], admin_token, upserts)
    for kind in ("link", "evaluate", "attend"):
        assert seen.winners(kind) == Counter({key: CLIENTS for key in seen.winners(kind)})
        assert len(seen.winners(kind)) == PAIRS
    _, rels = stored(target)
    for rel_type, key in (("PAIRED_WITH", unit), ("EVALUATED", unit), ("ATTENDED", member)):
        made = {pair: n for pair, n in rels.items() if pair[0] == rel_type}
        ends = activity if rel_type == "ATTENDED" else community
        assert made == {(rel_type, key(i), ends(i)): 1 for i in range(PAIRS)}, rel_type
    RUN_FACTS["concurrent upserts"] = (
        f"{CLIENTS} clients each upserted {PAIRS} pairings, evaluations and attendances "
        f"({3 * PAIRS * CLIENTS} requests): one relationship per pair"
    )


# ---- whistles (吹哨): each level recorded once ---------------------------------------------------

WHISTLERS = 16
WHISTLED = 40  # requests, each escalated by every whistler, twice
ESCALATE = """mutation($id: ID!) { escalateRequest(input: {id: $id}) { request { id level } } }"""


def whistled(i: int) -> str:
    return f"cc-r{i:03d}"


def whistle_world() -> list[Record]:
    records = [
        node("District", "cc-d", name="并发区"),
        node("Street", "cc-s", name="并发街道"),
        node("Community", "cc-c0", name="并发社区"),
        node("Grid", "cc-g", name="并发网格", level="COMMUNITY"),
        rel("IN", "cc-s", "cc-d"),
        rel("IN", "cc-c0", "cc-s"),
        rel("IN", "cc-g", "cc-c0"),
    ]
    for i in range(WHISTLED):
        records += [
            node(
                "Request",
                whistled(i),
                name=f"诉求{i}",
                category="SAFETY",
                status="OPEN",
                level=0,
                raisedAt="2025-03-01T08:00:00+00:00",
                dueAt="2099-01-01T00:00:00+00:00",
            ),
            rel("IN", whistled(i), "cc-g"),
        ]
    return records


def whistles(k: int) -> list[Op]:
    """Every request twice, in the client's own order: each whistle races the others'."""
    keys = [whistled(i) for i in range(WHISTLED)] * 2
    random.Random(4000 + k).shuffle(keys)
    # Losers are told the request moved on meanwhile, or that it already is at the top.
    return [
        Op("escalate", key, ESCALATE, {"id": key}, "INVALID_STATE", "the request") for key in keys
    ]


@pytest.mark.both_engines
def test_concurrent_whistles_record_each_level_once(
    server: Server, target: Target, engine_kind: str
) -> None:
    reload(target, whistle_world())
    # Sixteen offices, each with a token of its own (one viewer may run only so many at once).
    tokens = [
        auth.mint(target.settings(), auth.Role.ADMIN, subject=f"whistler-{k}")
        for k in range(WHISTLERS)
    ]
    seen = race([server.url], tokens, whistles, clients=WHISTLERS)
    nodes, rels = stored(target)
    won = seen.winners("escalate")
    for i in range(WHISTLED):
        key = whistled(i)
        level = nodes[key]["level"]
        # One answer, and one ESCALATED_TO, per level reached: level 1 the street, 2 the district.
        assert won[key] == level, (key, won[key], level)
        steps = {
            to: n for (kind, src, to), n in rels.items() if kind == "ESCALATED_TO" and src == key
        }
        assert steps == {target: 1 for target in ("cc-s", "cc-d")[:level]}, (key, steps)
    attempts = WHISTLERS * WHISTLED * 2
    assert seen.refused["escalate"] == attempts - sum(won.values())
    RUN_FACTS["concurrent whistles"] = (
        f"{WHISTLERS} clients escalated each of {WHISTLED} requests twice ({attempts} requests): "
        f"{sum(won.values())} whistles recorded, one per level, "
        f"{seen.refused['escalate']} refused (INVALID_STATE)"
    )


CLOSE = """mutation($id: ID!) { closeRequest(input: {id: $id, satisfaction: 4}) {
  request { id status } } }"""
RETURN = """mutation($id: ID!) { returnRequest(input: {id: $id, reason: "重复诉求"}) {
  request { id status } } }"""


def endings(k: int) -> list[Op]:
    """Every request once, in the client's own order: even clients close, odd ones return."""
    keys = [whistled(i) for i in range(WHISTLED)]
    random.Random(5000 + k).shuffle(keys)
    query, kind = (CLOSE, "close") if k % 2 == 0 else (RETURN, "return")
    return [Op(kind, key, query, {"id": key}, "INVALID_STATE", "request") for key in keys]


@pytest.mark.both_engines
def test_concurrent_closes_and_returns_end_each_request_once(
    server: Server, target: Target, engine_kind: str
) -> None:
    reload(target, whistle_world())
    tokens = [
        auth.mint(target.settings(), auth.Role.ADMIN, subject=f"closer-{k}")
        for k in range(WHISTLERS)
    ]
    seen = race([server.url], tokens, endings, clients=WHISTLERS)
    nodes, _ = stored(target)
    won = seen.winners("close") + seen.winners("return")
    assert won == Counter({whistled(i): 1 for i in range(WHISTLED)}), "a request ended twice"
    assert sum(seen.refused.values()) == WHISTLERS * WHISTLED - WHISTLED
    for key in seen.winners("close"):
        props = nodes[key]
        assert props["status"] == "CLOSED" and props["satisfaction"] == 4, props
        assert "returnedAt" not in props and "returnReason" not in props, props
    for key in seen.winners("return"):
        props = nodes[key]
        assert props["status"] == "RETURNED" and props["returnReason"] == "重复诉求", props
        assert "closedAt" not in props and "satisfaction" not in props, props
