"""Request flow (诉求工单, 吹哨报到): every query checked against a plain-Python computation over
the same import records, and every mutation's effect, illegal transition and bad input."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import pytest

from partygraph.seed.records import Record
from tests.support.requests_data import dataset, sandbox
from tests.support.suite import RUN_FACTS, Client, Target, reload, suite_engine

UTC = dt.UTC
AREAS = ("District", "Street", "Community", "Grid")
CHILD = {"District": "Street", "Street": "Community", "Community": "Grid", "Grid": "Grid"}
PENDING = ("OPEN", "ESCALATED")


def instant(text: str | None) -> dt.datetime | None:
    if text is None:
        return None
    moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


# ------------------------------------------------------------------ the independent model


@dataclass
class Req:
    id: str
    props: dict[str, Any]
    grid: str = ""
    chain: list[tuple[int, dt.datetime, str]] = field(default_factory=list)
    first: str | None = None

    def at(self, key: str) -> dt.datetime | None:
        return instant(self.props.get(key))

    @property
    def status(self) -> str:
        return str(self.props["status"])

    def overdue(self, now: dt.datetime) -> bool:
        due = self.at("dueAt")
        return self.status in PENDING and due is not None and due < now


class Flow:
    """The records as plain dictionaries: who lies in what, and each request's facts."""

    def __init__(self, records: list[Record]) -> None:
        self.labels: dict[str, str] = {}
        self.parent: dict[str, str] = {}
        self.requests: dict[str, Req] = {}
        for r in records:
            if r["type"] == "node":
                self.labels[r["id"]] = r["label"]
                if r["label"] == "Request":
                    self.requests[r["id"]] = Req(r["id"], r["properties"])
        for r in records:
            if r["type"] != "relationship":
                continue
            source, target, props = r["from"], r["to"], r["properties"]
            if r["rel"] == "IN" and source in self.requests:
                self.requests[source].grid = target
            elif r["rel"] == "IN":
                self.parent[source] = target
            elif r["rel"] == "ESCALATED_TO":
                step = (props["level"], instant(props["at"]), target)
                self.requests[source].chain.append(step)  # type: ignore[arg-type]
            elif r["rel"] == "FIRST_RESPONSIBLE":
                self.requests[source].first = target
        for req in self.requests.values():
            req.chain.sort()

    def ids(self, label: str) -> list[str]:
        return sorted(i for i, lab in self.labels.items() if lab == label)

    def lies_in(self, place: str, area: str) -> bool:
        while place != area and place in self.parent:
            place = self.parent[place]
        return place == area

    def of(self, area: str) -> list[Req]:
        if self.labels[area] == "Unit":
            return [
                r
                for r in self.requests.values()
                if r.first == area or any(t == area for _, _, t in r.chain)
            ]
        return [r for r in self.requests.values() if self.lies_in(r.grid, area)]

    def children(self, area: str) -> list[str]:
        wanted = CHILD[self.labels[area]]
        return sorted(c for c, p in self.parent.items() if p == area and self.labels[c] == wanted)

    def stats(
        self, area: str, start: dt.datetime | None, end: dt.datetime | None, now: dt.datetime
    ) -> dict[str, Any]:
        rs = [
            r
            for r in self.of(area)
            if (start is None or r.at("raisedAt") >= start)  # type: ignore[operator]
            and (end is None or r.at("raisedAt") < end)  # type: ignore[operator]
        ]
        closed = [r for r in rs if r.status == "CLOSED"]
        returned = sum(r.status == "RETURNED" for r in rs)
        hours = [(r.at("closedAt") - r.at("raisedAt")).total_seconds() / 3600 for r in closed]  # type: ignore[operator]
        rated = [r.props["satisfaction"] for r in closed if "satisfaction" in r.props]
        due = [(r.at("closedAt"), r.at("dueAt")) for r in closed]
        return {
            "total": len(rs),
            "closed": len(closed),
            "returnedInvalid": returned,
            "open": sum(1 for r in rs if r.status in PENDING),
            "escalated": sum(1 for r in rs if r.status == "ESCALATED"),
            "overdue": sum(1 for r in rs if r.overdue(now)),
            "closedLate": len([c for c, d in due if c is not None and d is not None and c > d]),
            "closureRate": len(closed) / (len(rs) - returned) if len(rs) > returned else None,
            "returnRate": returned / len(rs) if rs else None,
            "averageHoursToClose": sum(hours) / len(hours) if hours else None,
            "averageSatisfaction": sum(rated) / len(rated) if rated else None,
        }


# ------------------------------------------------------------------ fixtures

# Which graph is loaded: the mutation tests load their own small one, so the query tests
# load theirs again when needed, whatever order the tests run in.
_loaded: dict[str, str] = {}


@pytest.fixture(scope="module")
def records(engine_kind: str) -> list[Record]:
    return dataset()


@pytest.fixture(scope="module")
def model(records: list[Record]) -> Flow:
    return Flow(records)


@pytest.fixture
def flow(target: Target, records: list[Record], model: Flow) -> Flow:
    if _loaded.get("graph") != "dataset":
        reload(target, records)
        _loaded["graph"] = "dataset"
    return model


@pytest.fixture
def box(target: Target, engine_kind: str) -> Flow:
    """The sandbox graph as loaded: loaded again unless the last test proved it unchanged."""
    records = sandbox()
    if _loaded.get("graph") != "sandbox":
        reload(target, records)
    _loaded["graph"] = "sandbox, maybe changed"
    return Flow(records)


def error_code(client: Client, query: str, variables: dict[str, Any] | None = None) -> str:
    response = client.post(query, variables)
    body = response.json()
    assert body.get("errors"), body
    assert "Traceback" not in response.text and "MATCH" not in response.text
    return str(body["errors"][0]["extensions"]["code"])


# ------------------------------------------------------------------ requests(areaId)

PAGE = """query($id: ID!, $first: Int, $after: String, $status: [RequestStatus!],
                 $overdue: Boolean) {
  requests(areaId: $id, first: $first, after: $after, status: $status, overdueOnly: $overdue) {
    totalCount edges { cursor node { id status level raisedAt dueAt overdue } }
    pageInfo { hasNextPage endCursor } } }"""


def every_request(client: Client, area: str, first: int = 100, **args: Any) -> list[dict]:
    """All pages; checks totalCount and cursors on the way."""
    nodes: list[dict[str, Any]] = []
    after, total = None, None
    while True:
        variables = {"id": area, "first": first, "after": after, **args}
        page = client.query(PAGE, variables)["data"]["requests"]
        assert total is None or page["totalCount"] == total
        total = page["totalCount"]
        assert len(page["edges"]) <= first
        nodes += [edge["node"] for edge in page["edges"]]
        if page["edges"]:
            assert page["pageInfo"]["endCursor"] == page["edges"][-1]["cursor"]
        if not page["pageInfo"]["hasNextPage"]:
            assert total == len(nodes)
            return nodes
        after = page["pageInfo"]["endCursor"]


def test_requests_of_every_area_and_unit(client: Client, flow: Flow) -> None:
    now = dt.datetime.now(UTC)
    nonempty = 0
    for label in (*AREAS, "Unit"):
        for area in flow.ids(label):
            expected = sorted(r.id for r in flow.of(area))
            got = every_request(client, area)
            assert [n["id"] for n in got] == expected, area
            for n in got:
                req = flow.requests[n["id"]]
                assert n["status"] == req.status and n["level"] == req.props["level"]
                assert instant(n["raisedAt"]) == req.at("raisedAt")
                assert instant(n["dueAt"]) == req.at("dueAt")
                assert n["overdue"] == req.overdue(now)
            nonempty += bool(expected)
    assert nonempty > 100  # the data really exercises it
    # Some unit is both first responsible for and whistled to the same request: listed once.
    assert any(r.first in {t for _, _, t in r.chain} for r in flow.requests.values())


@pytest.mark.parametrize(
    ("status", "overdue"),
    [
        (["OPEN", "ESCALATED"], False),
        (["RETURNED"], False),
        (["CLOSED", "OPEN"], False),
        (None, True),
        (["ESCALATED"], True),
        (["CLOSED"], True),  # never overdue: only pending requests are
        ([], False),  # an empty list of statuses matches nothing
    ],
)
def test_requests_filtered_by_status_and_overdue(
    client: Client, flow: Flow, status: list[str] | None, overdue: bool
) -> None:
    now = dt.datetime.now(UTC)
    areas = flow.ids("District") + flow.ids("Street") + flow.ids("Community") + flow.ids("Unit")
    for area in areas:
        expected = sorted(
            r.id
            for r in flow.of(area)
            if (status is None or r.status in status) and (not overdue or r.overdue(now))
        )
        got = every_request(client, area, status=status, overdue=overdue)
        assert [n["id"] for n in got] == expected, area


def test_requests_page_by_page(client: Client, flow: Flow) -> None:
    district = flow.ids("District")[0]
    expected = sorted(r.id for r in flow.of(district))
    assert len(expected) > 200
    got = every_request(client, district, first=37)
    assert [n["id"] for n in got] == expected


def test_requests_statement_count_does_not_grow_with_first(client: Client, flow: Flow) -> None:
    district = flow.ids("District")[0]
    counts = []
    for first in (1, 20, 100):
        body = client.query(PAGE, {"id": district, "first": first})
        assert len(body["data"]["requests"]["edges"]) == first
        counts.append(body["extensions"]["statements"])
    # The id lookup, the page and the count.
    assert counts == [3, 3, 3]
    RUN_FACTS["requests"] = f"{counts[-1]} statements for a page of 100 requests, as for 1"


@pytest.mark.parametrize(
    ("args", "code"),
    [
        ('areaId: "no-such-area"', "NOT_FOUND"),
        ('areaId: "r-rq0001"', "BAD_USER_INPUT"),  # a request is not an area
        ('areaId: "d-rq1", first: 0', "BAD_USER_INPUT"),
        ('areaId: "d-rq1", first: 101', "BAD_USER_INPUT"),
        ('areaId: "d-rq1", after: "bm90LWEtY3Vyc29y"', "BAD_USER_INPUT"),
        ('areaId: "d-rq1", status: [LOST]', "GRAPHQL_VALIDATION_FAILED"),
    ],
)
def test_requests_bad_input(client: Client, flow: Flow, args: str, code: str) -> None:
    assert error_code(client, f"{{ requests({args}) {{ totalCount }} }}") == code


# ------------------------------------------------------------------ stats

PERIODS: dict[str, tuple[str | None, str | None]] = {
    "always": (None, None),
    "h1": ("2024-01-01T00:00:00Z", "2024-07-01T00:00:00Z"),
    "q2": ("2024-04-01T08:00:00+08:00", "2024-07-01T00:00:00Z"),  # same instant as 00:00Z
    "since": ("2024-10-01T00:00:00Z", None),
    "until": (None, "2024-04-01T00:00:00Z"),
    "naive": ("2024-07-01T00:00:00", "2024-10-01T00:00:00"),  # no offset: UTC
}
FIGURES = (
    "total closed returnedInvalid open escalated overdue closedLate closureRate returnRate "
    "averageHoursToClose averageSatisfaction"
)


def _args(start: str | None, end: str | None) -> str:
    given = [f'from: "{start}"' if start else "", f'to: "{end}"' if end else ""]
    return ", ".join(a for a in given if a)


def same_figures(got: dict[str, Any], expected: dict[str, Any], where: str) -> None:
    for key, value in expected.items():
        if isinstance(value, float):
            # Durations are summed in whole seconds by the graph.
            assert got[key] == pytest.approx(value, abs=1e-3), (where, key)
        else:
            assert got[key] == value, (where, key)


def test_request_stats_of_every_area_and_period(client: Client, flow: Flow) -> None:
    # All periods of an area in one document (aliases): its lookups are batched together.
    fields = " ".join(
        f"{name}: requestStats(areaId: $id, {_args(*bounds)}) {{ {FIGURES} }}".replace(
            "(areaId: $id, )", "(areaId: $id)"
        )
        for name, bounds in PERIODS.items()
    )
    query = f"query($id: ID!) {{ {fields} }}"
    seen_rate = False
    for label in AREAS:
        for area in flow.ids(label):
            data = client.query(query, {"id": area})["data"]
            now = dt.datetime.now(UTC)
            for name, (start, end) in PERIODS.items():
                expected = flow.stats(area, instant(start), instant(end), now)
                same_figures(data[name], expected, f"{area} {name}")
                seen_rate = seen_rate or expected["closureRate"] not in (None, 0.0, 1.0)
    assert seen_rate
    totals = client.query(query, {"id": flow.ids("District")[0]})["data"]["always"]
    assert totals["total"] > 200 and totals["overdue"] > 10 and totals["closedLate"] > 10
    assert totals["closed"] + totals["returnedInvalid"] + totals["open"] == totals["total"]


def test_request_stats_by_child_area(client: Client, flow: Flow) -> None:
    fields = " ".join(
        f"{name}: requestStatsByArea(areaId: $id, {_args(*bounds)}) "
        f"{{ area {{ id label name }} {FIGURES} }}".replace("(areaId: $id, )", "(areaId: $id)")
        for name, bounds in PERIODS.items()
        if name in ("always", "h1", "since")
    )
    query = f"query($id: ID!) {{ {fields} }}"
    empty_children = 0
    for label in AREAS:
        for area in flow.ids(label):
            data = client.query(query, {"id": area})["data"]
            now = dt.datetime.now(UTC)
            for name in ("always", "h1", "since"):
                start, end = PERIODS[name]
                rows = data[name]
                children = flow.children(area)
                assert [r["area"]["id"] for r in rows] == children, (area, name)
                for row in rows:
                    child = row["area"]["id"]
                    assert row["area"]["label"] == flow.labels[child]
                    expected = flow.stats(child, instant(start), instant(end), now)
                    same_figures(row, expected, f"{area} > {child} {name}")
                    empty_children += expected["total"] == 0
    assert empty_children > 0  # children with no request are listed too


def test_stats_statement_count_is_fixed(client: Client, flow: Flow) -> None:
    small, big = sorted(flow.ids("District"), key=lambda d: len(flow.children(d)))[:2]
    counts = {
        d: client.query(
            f'{{ requestStatsByArea(areaId: "{d}") {{ area {{ id }} total }} '
            f'requestStats(areaId: "{d}") {{ total }} }}'
        )["extensions"]["statements"]
        for d in (small, big)
    }
    assert len(flow.children(small)) != len(flow.children(big))
    # One batched id lookup, then one statement for each field.
    assert counts[small] == counts[big] == 3


@pytest.mark.parametrize(
    ("args", "code"),
    [
        ('areaId: "no-such-area"', "NOT_FOUND"),
        ('areaId: "u-rq01"', "BAD_USER_INPUT"),  # units have no figures by area
        ('areaId: "r-rq0001"', "BAD_USER_INPUT"),
        (
            'areaId: "d-rq1", from: "2024-05-01T00:00:00Z", to: "2024-05-01T00:00:00Z"',
            "BAD_USER_INPUT",
        ),
        (
            'areaId: "d-rq1", from: "2024-06-01T00:00:00Z", to: "2024-05-01T00:00:00Z"',
            "BAD_USER_INPUT",
        ),
        # Instants at the calendar's ends whose UTC time lies outside years 1-9999 (fuzz).
        ('areaId: "d-rq1", from: "0001-01-01T00:00:00+08:00"', "BAD_USER_INPUT"),
        ('areaId: "d-rq1", to: "9999-12-31T23:00:00-12:00"', "BAD_USER_INPUT"),
    ],
)
def test_request_stats_bad_input(client: Client, flow: Flow, args: str, code: str) -> None:
    for field_name in ("requestStats", "requestStatsByArea"):
        query = f"{{ {field_name}({args}) {{ total }} }}"
        assert error_code(client, query) == code, field_name


def test_request_stats_rejects_a_malformed_instant(client: Client, flow: Flow) -> None:
    code = error_code(client, '{ requestStats(areaId: "d-rq1", from: "last May") { total } }')
    assert code == "GRAPHQL_VALIDATION_FAILED"  # a literal in the document: it fails validation


# ------------------------------------------------------------------ chain and first unit


def test_escalation_chain_and_first_responsible_of_every_request(
    client: Client, flow: Flow
) -> None:
    ids = sorted(flow.requests)
    levels: set[tuple[int, ...]] = set()
    for start in range(0, len(ids), 60):
        batch = ids[start : start + 60]
        fields = " ".join(
            f'c{i}: escalationChain(id: "{rid}") {{ level at target {{ id label }} }} '
            f'f{i}: firstResponsible(id: "{rid}") {{ id label }}'
            for i, rid in enumerate(batch)
        )
        data = client.query(f"{{ {fields} }}")["data"]
        for i, rid in enumerate(batch):
            req = flow.requests[rid]
            got = [(s["level"], instant(s["at"]), s["target"]["id"]) for s in data[f"c{i}"]]
            assert got == req.chain, rid
            for step in data[f"c{i}"]:
                assert step["target"]["label"] == flow.labels[step["target"]["id"]]
            expected_first = {"id": req.first, "label": "Unit"} if req.first else None
            assert data[f"f{i}"] == expected_first, rid
            levels.add(tuple(level for level, _, _ in req.chain))
    assert {(), (1,), (1, 2), (1, 3), (1, 2, 3)} <= levels


@pytest.mark.parametrize("field_name", ["escalationChain", "firstResponsible"])
@pytest.mark.parametrize(("key", "code"), [("no-such", "NOT_FOUND"), ("g-sb", "BAD_USER_INPUT")])
def test_chain_and_first_responsible_bad_id(
    client: Client, box: Flow, field_name: str, key: str, code: str
) -> None:
    selection = "{ level }" if field_name == "escalationChain" else "{ id }"
    query = f'{{ {field_name}(id: "{key}") {selection} }}'
    assert error_code(client, query) == code


# ------------------------------------------------------------------ mutations

REQUEST = """node(id: "{rid}") {{ id name ... on Request {{
    status level category description raisedAt dueAt closedAt returnedAt returnReason
    satisfaction overdue }} }}
  {alias}c: escalationChain(id: "{rid}") {{ level at target {{ id label }} }}
  {alias}f: firstResponsible(id: "{rid}") {{ id }}"""
COUNTS = """a: requests(areaId: "d-sb") { totalCount }
  b: requests(areaId: "c-stray") { totalCount }
  u1: requests(areaId: "u-sb1") { totalCount } u2: requests(areaId: "u-sb2") { totalCount }"""


def snapshot(client: Client, rid: str) -> dict[str, Any]:
    data = client.query("{ n: " + REQUEST.format(rid=rid, alias="") + " }")["data"]
    return {"node": data["n"], "escalationChain": data["c"], "firstResponsible": data["f"]}


def untouched(client: Client, box: Flow, before: dict[str, Any]) -> None:
    """Asserts the sandbox is as it was; then the next test may use it without reloading."""
    assert everything(client, box) == before
    _loaded["graph"] = "sandbox"


def everything(client: Client, box: Flow) -> dict[str, Any]:
    """Every sandbox request as the API shows it, and the per-area counts: one document."""
    fields = [
        f"r{i}: " + REQUEST.format(rid=rid, alias=f"r{i}") for i, rid in enumerate(box.requests)
    ]
    return dict(client.query("{ " + COUNTS + " " + " ".join(fields) + " }")["data"])


RAISE = """mutation($grid: ID!, $category: RequestCategory!, $text: String!, $due: DateTime,
                    $id: ID) {
  raiseRequest(input: {gridId: $grid, category: $category, description: $text, dueAt: $due,
                       id: $id}) {
    request { id label name status level category description raisedAt dueAt closedAt overdue }
    createdIds } }"""
ESCALATE = """mutation($id: ID!, $unit: ID) {
  escalateRequest(input: {id: $id, unitId: $unit}) { request { id status level } } }"""
ASSIGN = """mutation($id: ID!, $unit: ID!) {
  assignFirstResponsible(input: {id: $id, unitId: $unit}) { request { id status } } }"""
CLOSE = """mutation($id: ID!, $s: Int!) {
  closeRequest(input: {id: $id, satisfaction: $s}) {
    request { id status closedAt satisfaction overdue } } }"""
RETURN = """mutation($id: ID!, $reason: String!) {
  returnRequest(input: {id: $id, reason: $reason}) {
    request { id status returnedAt returnReason } } }"""


def within(text: str, before: dt.datetime, after: dt.datetime) -> dt.datetime:
    moment = instant(text)
    assert moment is not None and before - dt.timedelta(seconds=1) <= moment <= after
    return moment


def test_raise_request_with_defaults(client: Client, box: Flow) -> None:
    before = dt.datetime.now(UTC)
    variables = {"grid": "g-sb-b", "category": "SAFETY", "text": " 楼道堆放杂物，消防隐患 \n三楼"}
    raised = client.query(RAISE, variables)["data"]["raiseRequest"]
    made = raised["request"]
    assert raised["createdIds"] == [made["id"]]
    after = dt.datetime.now(UTC)
    assert made["id"].startswith("r-") and len(made["id"]) == 34
    assert made["label"] == "Request" and made["status"] == "OPEN" and made["level"] == 0
    assert made["category"] == "SAFETY" and made["description"] == "楼道堆放杂物，消防隐患 \n三楼"
    assert made["name"] == "楼道堆放杂物，消防隐患 "[:30]
    raised = within(made["raisedAt"], before, after)
    assert instant(made["dueAt"]) == raised + dt.timedelta(days=7)
    assert made["closedAt"] is None and made["overdue"] is False
    for area in ("g-sb-b", "g-sb", "c-sb", "s-sb", "d-sb"):
        found = every_request(client, area)
        assert made["id"] in [n["id"] for n in found], area
    shown = snapshot(client, made["id"])
    assert shown["escalationChain"] == [] and shown["firstResponsible"] is None


def test_raise_request_with_id_and_due_date(client: Client, box: Flow) -> None:
    variables = {
        "grid": "g-sb",
        "category": "DISPUTE",
        "text": "邻里纠纷",
        "due": "2099-01-02T08:00:00+08:00",
        "id": "r-网格-0001",
    }
    made = client.query(RAISE, variables)["data"]["raiseRequest"]["request"]
    assert made["id"] == "r-网格-0001"
    assert instant(made["dueAt"]) == dt.datetime(2099, 1, 2, tzinfo=UTC)
    # Neo4j keeps the offset given; ArcadeDB gives the same instant back in UTC.
    kept = (
        "2099-01-02T08:00:00+08:00"
        if suite_engine().kind == "neo4j"
        else "2099-01-02T00:00:00+00:00"
    )
    assert made["dueAt"] == kept
    before = everything(client, box)
    assert error_code(client, RAISE, variables) == "BAD_USER_INPUT"  # the id is taken
    assert error_code(client, RAISE, {**variables, "id": "g-sb-b"}) == "BAD_USER_INPUT"
    assert everything(client, box) == before


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"grid": "g-nowhere"}, "NOT_FOUND"),
        ({"grid": "c-sb"}, "BAD_USER_INPUT"),  # a community is not a grid
        ({"text": ""}, "BAD_USER_INPUT"),
        ({"text": " \n "}, "BAD_USER_INPUT"),
        ({"text": "长" * 2001}, "BAD_USER_INPUT"),
        ({"due": "2024-01-01T00:00:00Z"}, "BAD_USER_INPUT"),  # already past
        ({"id": ""}, "BAD_USER_INPUT"),
        ({"id": " r-1"}, "BAD_USER_INPUT"),
        ({"id": "r" * 201}, "BAD_USER_INPUT"),
        ({"category": "NOISE"}, "BAD_USER_INPUT"),
        ({"due": "soon"}, "BAD_USER_INPUT"),
        ({"due": "9999-12-31T23:00:00-12:00"}, "BAD_USER_INPUT"),  # past year 9999 in UTC
    ],
)
def test_raise_request_bad_input_changes_nothing(
    client: Client, box: Flow, changes: dict[str, Any], code: str
) -> None:
    before = everything(client, box)
    variables = {"grid": "g-sb", "category": "OTHER", "text": "路灯不亮", **changes}
    got = error_code(client, RAISE, variables)
    assert got == code
    untouched(client, box, before)


def test_description_of_exactly_the_limit_is_taken(client: Client, box: Flow) -> None:
    text = "长" * 2000
    made = client.query(RAISE, {"grid": "g-sb", "category": "OTHER", "text": text})
    assert made["data"]["raiseRequest"]["request"]["description"] == text


def chain(client: Client, rid: str) -> list[tuple[int, str]]:
    steps = snapshot(client, rid)["escalationChain"]
    return [(s["level"], s["target"]["id"]) for s in steps]


def test_whistle_up_to_street_district_and_department(client: Client, box: Flow) -> None:
    before = dt.datetime.now(UTC)
    first = client.query(ESCALATE, {"id": "r-open"})["data"]["escalateRequest"]["request"]
    assert first == {"id": "r-open", "status": "ESCALATED", "level": 1}
    assert chain(client, "r-open") == [(1, "s-sb")]
    second = client.query(ESCALATE, {"id": "r-open"})["data"]["escalateRequest"]["request"]
    assert second["level"] == 2 and second["status"] == "ESCALATED"
    steps = snapshot(client, "r-open")["escalationChain"]
    assert [(s["level"], s["target"]["id"], s["target"]["label"]) for s in steps] == [
        (1, "s-sb", "Street"),
        (2, "d-sb", "District"),
    ]
    moments = [within(s["at"], before, dt.datetime.now(UTC)) for s in steps]
    assert moments == sorted(moments)
    # The district is the top of the blocks: only a department can be whistled now.
    unchanged = everything(client, box)
    assert error_code(client, ESCALATE, {"id": "r-open"}) == "INVALID_STATE"
    assert everything(client, box) == unchanged
    third = client.query(ESCALATE, {"id": "r-open", "unit": "u-sb2"})["data"]["escalateRequest"][
        "request"
    ]
    assert third["level"] == 3
    assert chain(client, "r-open") == [(1, "s-sb"), (2, "d-sb"), (3, "u-sb2")]
    assert "r-open" in [n["id"] for n in every_request(client, "u-sb2")]
    unchanged = everything(client, box)
    assert error_code(client, ESCALATE, {"id": "r-open", "unit": "u-sb1"}) == "INVALID_STATE"
    assert error_code(client, ESCALATE, {"id": "r-open"}) == "INVALID_STATE"
    assert everything(client, box) == unchanged


def test_whistle_a_department_straight_from_the_street(client: Client, box: Flow) -> None:
    done = client.query(ESCALATE, {"id": "r-street", "unit": "u-sb2"})["data"]
    assert done["escalateRequest"]["request"] == {
        "id": "r-street",
        "status": "ESCALATED",
        "level": 3,
    }
    assert chain(client, "r-street") == [(1, "s-sb"), (3, "u-sb2")]


@pytest.mark.parametrize(
    ("rid", "unit", "code"),
    [
        ("r-closed", None, "INVALID_STATE"),
        ("r-returned", None, "INVALID_STATE"),
        ("r-returned", "u-sb1", "INVALID_STATE"),
        ("r-open", "u-sb1", "INVALID_STATE"),  # a department only from the street up
        ("r-district", None, "INVALID_STATE"),  # already at the district
        ("r-top", None, "INVALID_STATE"),
        ("r-top", "u-sb2", "INVALID_STATE"),
        ("r-stray", None, "INVALID_STATE"),  # its grid lies in no street
        ("r-missing", None, "NOT_FOUND"),
        ("g-sb", None, "BAD_USER_INPUT"),
        ("r-street", "s-sb", "BAD_USER_INPUT"),  # a street is not a unit
        ("r-street", "u-missing", "NOT_FOUND"),
    ],
)
def test_escalate_illegal_changes_nothing(
    client: Client, box: Flow, rid: str, unit: str | None, code: str
) -> None:
    before = everything(client, box)
    assert error_code(client, ESCALATE, {"id": rid, "unit": unit}) == code
    untouched(client, box, before)


def test_assign_and_replace_first_responsible(client: Client, box: Flow) -> None:
    done = client.query(ASSIGN, {"id": "r-open", "unit": "u-sb1"})["data"]
    assert done["assignFirstResponsible"]["request"] == {"id": "r-open", "status": "OPEN"}
    assert snapshot(client, "r-open")["firstResponsible"] == {"id": "u-sb1"}
    assert "r-open" in [n["id"] for n in every_request(client, "u-sb1")]
    client.query(ASSIGN, {"id": "r-open", "unit": "u-sb2"})
    assert snapshot(client, "r-open")["firstResponsible"] == {"id": "u-sb2"}
    assert "r-open" not in [n["id"] for n in every_request(client, "u-sb1")]
    assert "r-open" in [n["id"] for n in every_request(client, "u-sb2")]
    # An escalated request can change hands too.
    client.query(ASSIGN, {"id": "r-top", "unit": "u-sb2"})
    assert snapshot(client, "r-top")["firstResponsible"] == {"id": "u-sb2"}


@pytest.mark.parametrize(
    ("rid", "unit", "code"),
    [
        ("r-closed", "u-sb1", "INVALID_STATE"),
        ("r-returned", "u-sb2", "INVALID_STATE"),
        ("r-top", "s-sb", "BAD_USER_INPUT"),
        ("r-top", "u-missing", "NOT_FOUND"),
        ("r-missing", "u-sb1", "NOT_FOUND"),
        ("u-sb1", "u-sb1", "BAD_USER_INPUT"),
    ],
)
def test_assign_illegal_changes_nothing(
    client: Client, box: Flow, rid: str, unit: str, code: str
) -> None:
    before = everything(client, box)
    assert error_code(client, ASSIGN, {"id": rid, "unit": unit}) == code
    untouched(client, box, before)


def test_close_request(client: Client, box: Flow) -> None:
    stats = '{ requestStats(areaId: "c-sb") { closed open averageSatisfaction } }'
    figures = client.query(stats)["data"]["requestStats"]
    before = dt.datetime.now(UTC)
    done = client.query(CLOSE, {"id": "r-district", "s": 5})["data"]["closeRequest"]["request"]
    assert done["status"] == "CLOSED" and done["satisfaction"] == 5 and done["overdue"] is False
    within(done["closedAt"], before, dt.datetime.now(UTC))
    after = client.query(stats)["data"]["requestStats"]
    assert after["closed"] == figures["closed"] + 1 and after["open"] == figures["open"] - 1
    assert after["averageSatisfaction"] == pytest.approx((4 + 5) / 2)
    # The chain stays as it was: closing is not a whistle.
    assert chain(client, "r-district") == [(1, "s-sb"), (2, "d-sb")]
    unchanged = everything(client, box)
    assert error_code(client, CLOSE, {"id": "r-district", "s": 3}) == "INVALID_STATE"
    assert everything(client, box) == unchanged


@pytest.mark.parametrize(
    ("rid", "satisfaction", "code"),
    [
        ("r-open", 0, "BAD_USER_INPUT"),
        ("r-open", 6, "BAD_USER_INPUT"),
        ("r-open", -1, "BAD_USER_INPUT"),
        ("r-closed", 5, "INVALID_STATE"),
        ("r-returned", 5, "INVALID_STATE"),
        ("r-missing", 5, "NOT_FOUND"),
        ("c-sb", 5, "BAD_USER_INPUT"),
    ],
)
def test_close_illegal_changes_nothing(
    client: Client, box: Flow, rid: str, satisfaction: int, code: str
) -> None:
    before = everything(client, box)
    assert error_code(client, CLOSE, {"id": rid, "s": satisfaction}) == code
    untouched(client, box, before)


def test_return_request_as_invalid(client: Client, box: Flow) -> None:
    before = dt.datetime.now(UTC)
    done = client.query(RETURN, {"id": "r-street", "reason": " 重复诉求 "})["data"]
    returned = done["returnRequest"]["request"]
    assert returned["status"] == "RETURNED" and returned["returnReason"] == "重复诉求"
    within(returned["returnedAt"], before, dt.datetime.now(UTC))
    figures = client.query('{ requestStats(areaId: "s-sb") { returnedInvalid total } }')
    assert figures["data"]["requestStats"] == {"returnedInvalid": 2, "total": 6}
    unchanged = everything(client, box)
    assert error_code(client, RETURN, {"id": "r-street", "reason": "再退"}) == "INVALID_STATE"
    assert error_code(client, ESCALATE, {"id": "r-street"}) == "INVALID_STATE"
    assert error_code(client, CLOSE, {"id": "r-street", "s": 5}) == "INVALID_STATE"
    assert everything(client, box) == unchanged


@pytest.mark.parametrize(
    ("rid", "reason", "code"),
    [
        ("r-open", "", "BAD_USER_INPUT"),
        ("r-open", "   ", "BAD_USER_INPUT"),
        ("r-open", "因" * 2001, "BAD_USER_INPUT"),
        ("r-closed", "不属于受理范围", "INVALID_STATE"),
        ("r-returned", "不属于受理范围", "INVALID_STATE"),
        ("r-missing", "不属于受理范围", "NOT_FOUND"),
        ("s-sb", "不属于受理范围", "BAD_USER_INPUT"),
    ],
)
def test_return_illegal_changes_nothing(
    client: Client, box: Flow, rid: str, reason: str, code: str
) -> None:
    before = everything(client, box)
    assert error_code(client, RETURN, {"id": rid, "reason": reason}) == code
    untouched(client, box, before)


def test_sandbox_chain_and_stats_after_a_whole_flow(client: Client, box: Flow) -> None:
    """Raise, assign, whistle twice and close: the queries tell the same story."""
    made = client.query(RAISE, {"grid": "g-sb-b", "category": "PROPERTY", "text": "电梯故障"})
    rid = made["data"]["raiseRequest"]["request"]["id"]
    client.query(ASSIGN, {"id": rid, "unit": "u-sb1"})
    client.query(ESCALATE, {"id": rid})
    client.query(ESCALATE, {"id": rid})
    client.query(CLOSE, {"id": rid, "s": 2})
    shown = snapshot(client, rid)
    assert shown["node"]["status"] == "CLOSED" and shown["node"]["level"] == 2
    assert [(s["level"], s["target"]["id"]) for s in shown["escalationChain"]] == [
        (1, "s-sb"),
        (2, "d-sb"),
    ]
    assert shown["firstResponsible"] == {"id": "u-sb1"}
    by_area = client.query(
        '{ requestStatsByArea(areaId: "s-sb") { area { id } total closed closureRate } }'
    )["data"]["requestStatsByArea"]
    # c-sb: r-open, r-street, r-district, r-top, r-closed, r-returned and the new one.
    assert by_area == [{"area": {"id": "c-sb"}, "total": 7, "closed": 2, "closureRate": 2 / 6}]


def test_statements_per_request_are_counted(client: Client, box: Flow) -> None:
    """Each lookup of a request's flow is one statement."""
    body = client.query('{ escalationChain(id: "r-top") { level } }')
    assert body["extensions"]["statements"] == 1
    body = client.query('{ firstResponsible(id: "r-top") { id } }')
    assert body["extensions"]["statements"] == 1
