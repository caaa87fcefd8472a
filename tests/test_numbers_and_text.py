"""Numbers stay finite and text stays whole: non-finite numbers are refused on every way in
(JSON variables, GraphQL literals, imports) and read as null when stored from before; records
are split on "\\n" only, so any Unicode text survives export and import; invalid UTF-8 and lone
surrogates are refused with their line; every string, in lists too, is capped."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from partygraph import auth
from partygraph.db import Graph
from partygraph.export import export_line, export_records
from partygraph.importer import ImportRejected, import_lines, split_records
from partygraph.properties import MAX_TEXT
from partygraph.seed.records import Record, node, rel
from tests.support.suite import Client, Server, Target, load, reload, run_graph, wipe

pytestmark = pytest.mark.both_engines

CLI = [sys.executable, "-m", "partygraph"]

PLACES: list[Record] = [
    node("Street", "s-1", name="八大关街道"),
    node("Community", "c-1", name="云霄路社区"),
    node("Community", "c-2", name="八大关社区"),
    node("Unit", "u-1", name="区财政局", category="DEPARTMENT"),
    node("PartyOrganization", "o-1", name="区财政局党支部", type="BRANCH"),
    node("Person", "p-1", name="张三", partyMember=True),
    node("Project", "pr-1", name="共建项目", budget=1000.0),
    node("Activity", "a-1", name="清扫", type="VOLUNTEER_SERVICE", date="2024-03-01"),
    rel("IN", "c-1", "s-1"),
    rel("IN", "c-2", "s-1"),
    rel("WORKS_AT", "p-1", "u-1"),
    rel("MEMBER_OF", "p-1", "o-1"),
    rel("RESIDES_IN", "p-1", "c-1"),
    rel("IN", "a-1", "c-1"),
    rel("FOR", "pr-1", "c-1"),
]


@pytest.fixture
def places(target: Target, engine_kind: str) -> Target:
    reload(target, PLACES)
    return target


def _no_constant(name: str) -> Any:
    raise AssertionError(f"the response holds {name}, which is not JSON")


def strict(response: httpx.Response) -> dict[str, Any]:
    """The body as strict JSON (RFC 8259): NaN and Infinity fail the test."""
    body: dict[str, Any] = json.loads(response.text, parse_constant=_no_constant)
    return body


def post_raw(client: Client, query: str, variables: str) -> httpx.Response:
    """A request whose variables are written out by hand (Python's json would not send NaN)."""
    body = '{"query": ' + json.dumps(query) + ', "variables": ' + variables + "}"
    return client.http.post(
        "/graphql", content=body.encode(), headers={"content-type": "application/json"}
    )


def refused(response: httpx.Response) -> dict[str, Any]:
    assert response.status_code in (200, 400), response.text
    body = strict(response)
    assert body.get("errors"), body
    assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT", body
    return body


def exported(target: Target) -> list[Record]:
    async def work(graph: Graph) -> list[Record]:
        return [r async for r in export_records(graph)]

    return run_graph(target, work)


def snapshot(target: Target) -> list[str]:
    """The graph as its export, in an order of its own."""
    return sorted(json.dumps(r, sort_keys=True, ensure_ascii=False) for r in exported(target))


def run_cli(
    target: Target, tmp_path: Path, *args: str, stdin: bytes | None = None
) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [*CLI, *args],
        env=target.env(tmp_path / "home"),
        input=stdin,
        capture_output=True,
        timeout=300,
    )
    return subprocess.CompletedProcess(
        done.args, done.returncode, done.stdout.decode(), done.stderr.decode()
    )


CREATE = """mutation($label: Label!, $p: JSON!) {
  createEntity(input: {label: $label, properties: $p}) { entity { id } } }"""
UPDATE = """mutation($p: JSON!) {
  updateEntity(input: {id: "pr-1", properties: $p}) { entity { id } } }"""
LINK = """mutation($p: JSON) {
  link(input: {type: ATTENDED, from: "p-1", to: "a-1", properties: $p}) {
    relationship { properties } } }"""
ATTEND = """mutation($h: Float!) {
  recordAttendance(input: {activityId: "a-1", personId: "p-1", hours: $h}) {
    attendance { hours } } }"""
IMPORT = """mutation($lines: String!) {
  importRecords(input: {records: $lines}) { nodesCreated } }"""


# ------------------------------------------------------------------ 5. finite numbers


@pytest.mark.parametrize(
    ("query", "variables"),
    [
        (CREATE, '{"label": "Project", "p": {"name": "x", "budget": NaN}}'),
        (CREATE, '{"label": "Project", "p": {"name": "x", "weight": Infinity}}'),
        (CREATE, '{"label": "Project", "p": {"name": "x", "weight": -Infinity}}'),
        (CREATE, '{"label": "Project", "p": {"name": "x", "weight": 1e999}}'),
        (CREATE, '{"label": "Project", "p": {"name": "x", "readings": [1.5, NaN]}}'),
        (UPDATE, '{"p": {"budget": NaN}}'),
        (UPDATE, '{"p": {"weight": Infinity}}'),
        (LINK, '{"p": {"hours": NaN}}'),
        (LINK, '{"p": {"note": "x", "weight": -1e999}}'),
        (ATTEND, '{"h": NaN}'),
        (ATTEND, '{"h": Infinity}'),
        ("{ __typename }", '{"unused": [NaN]}'),
    ],
)
def test_non_finite_numbers_in_json_variables_are_refused(
    client: Client, places: Target, query: str, variables: str
) -> None:
    before = snapshot(places)
    body = refused(post_raw(client, query, variables))
    assert body.get("data") is None or not any(body["data"].values())
    assert snapshot(places) == before


@pytest.mark.parametrize(
    "mutation",
    [
        'createEntity(input: {label: Project, properties: {name: "x", budget: 1e999}}) '
        "{ createdIds }",
        'createEntity(input: {label: Project, properties: {name: "x", weight: -1e999}}) '
        "{ createdIds }",
        'updateEntity(input: {id: "pr-1", properties: {weight: 1e400}}) { entity { id } }',
        'link(input: {type: ATTENDED, from: "p-1", to: "a-1", properties: {hours: 1e999}}) '
        "{ relationship { type } }",
        'recordAttendance(input: {activityId: "a-1", personId: "p-1", hours: 1e999}) '
        "{ attendance { hours } }",
    ],
)
def test_non_finite_numbers_in_graphql_literals_are_refused(
    client: Client, places: Target, mutation: str
) -> None:
    before = snapshot(places)
    refused(client.post("mutation { " + mutation + " }"))
    assert snapshot(places) == before


NON_FINITE_LINES = [
    '{"type": "node", "label": "Street", "id": "s-9", "properties": {"name": "宁海路街道"}}',
    '{"type": "node", "label": "Project", "id": "pr-2", "properties": {"budget": NaN}}',
    '{"type": "node", "label": "Street", "id": "s-8", "properties": {"name": "y", "w": Infinity}}',
    '{"type": "node", "label": "Street", "id": "s-7", "properties": {"name": "y", "w": -1e999}}',
    '{"type": "node", "label": "Street", "id": "s-6", "properties": {"name": "y", "w": [1, NaN]}}',
    '{"type": "relationship", "rel": "ATTENDED", "from": "p-1", "to": "a-1",'
    ' "properties": {"hours": NaN}}',
]


def test_importing_non_finite_numbers_is_refused_with_line_numbers(
    client: Client, places: Target, tmp_path: Path
) -> None:
    before = snapshot(places)
    body = refused(client.post(IMPORT, {"lines": "\n".join(NON_FINITE_LINES)}))
    problems = body["errors"][0]["extensions"]["problems"]
    assert [p["line"] for p in problems] == [2, 3, 4, 5, 6]
    assert all("finite" in p["message"] for p in problems), problems

    file = tmp_path / "nan.jsonl"
    file.write_text("\n".join(NON_FINITE_LINES) + "\n", encoding="utf-8")
    done = run_cli(places, tmp_path, "import", str(file))
    assert done.returncode == 2, done.stderr
    for line in (2, 3, 4, 5, 6):
        assert f"line {line}:" in done.stderr
    assert "Traceback" not in done.stderr
    assert snapshot(places) == before


def _write_through_driver(target: Target) -> None:
    """Non-finite numbers as an older version stored them, written past every check."""
    c = target.connection
    with target.driver() as driver:
        statements: list[tuple[str, dict[str, Any]]] = [
            ("MATCH (n:Entity {id: 'pr-1'}) SET n.budget = $nan, n.weight = $inf", {}),
            ("MATCH (n:Entity {id: 'a-1'}) SET n.hours = $inf, n.readings = [1.0, $nan]", {}),
            (
                "MATCH (p:Entity {id: 'p-1'}), (a:Entity {id: 'a-1'}) "
                "CREATE (p)-[:ATTENDED {hours: $nan}]->(a)",
                {},
            ),
            (
                "MATCH (p:Entity {id: 'p-1'}) "
                "CREATE (a:Entity:Activity {id: 'a-2', name: '走访', type: 'VISIT', "
                "date: date('2024-04-01')}) "
                "CREATE (p)-[:ATTENDED {hours: 2.5}]->(a)",
                {},
            ),
            (
                "MATCH (c:Entity {id: 'c-1'}), (d:Entity {id: 'c-2'}), (u:Entity {id: 'u-1'}) "
                "CREATE (c)-[:EVALUATED {period: '2024', score: $nan}]->(u) "
                "CREATE (d)-[:EVALUATED {period: '2024', score: 80.0}]->(u)",
                {},
            ),
        ]
        for statement, params in statements:
            driver.execute_query(
                statement,
                {"nan": math.nan, "inf": math.inf, **params},
                database_=c.database,
            )


REVERSE = """query { reverseReport(unitId: "u-1", period: "2024") {
  serviceHours members { person { id } serviceHours } } }"""


def test_stored_non_finite_numbers_read_as_null(
    client: Client, server: Server, places: Target
) -> None:
    _write_through_driver(places)

    body = strict(
        client.post(
            """{ project: node(id: "pr-1") { ... on Project { budget } }
                 activity: node(id: "a-1") { ... on Activity { hours
                   attendees { person { id } hours } } } }"""
        )
    )
    assert "errors" not in body, body
    assert body["data"]["project"] == {"budget": None}
    assert body["data"]["activity"]["hours"] is None
    assert body["data"]["activity"]["attendees"] == [{"person": {"id": "p-1"}, "hours": None}]

    # The reverse report counts a non-finite hour as no hour, for admin and for the unit.
    unit = auth.mint(places.settings(), auth.Role.UNIT, scope="u-1", subject="tests")
    for viewer in (client, Client(server.url, unit)):
        report = strict(viewer.post(REVERSE))
        assert "errors" not in report, report
        assert report["data"]["reverseReport"]["serviceHours"] == 2.5
        assert report["data"]["reverseReport"]["members"] == [
            {"person": {"id": "p-1"}, "serviceHours": 2.5}
        ]

    evaluations = strict(
        client.post('{ unitEvaluations(period: "2024") { unit { id } average count min max } }')
    )
    assert evaluations["data"]["unitEvaluations"] == [
        {"unit": {"id": "u-1"}, "average": 80.0, "count": 1, "min": 80.0, "max": 80.0}
    ]

    linked = strict(client.post(LINK, {"p": None}))
    assert "errors" not in linked, linked
    assert linked["data"]["link"]["relationship"]["properties"] == {"hours": None}

    # The export leaves them out, so it stays JSON and imports again.
    records = exported(places)
    nodes = {r["id"]: r["properties"] for r in records if r["type"] == "node"}
    assert nodes["pr-1"] == {"name": "共建项目"}
    assert "hours" not in nodes["a-1"] and "readings" not in nodes["a-1"]
    attended = [r["properties"] for r in records if r.get("rel") == "ATTENDED"]
    assert sorted(map(str, attended)) == ["{'hours': 2.5}", "{}"]
    for record in records:
        json.loads(export_line(record), parse_constant=_no_constant)

    # Recording the attendance again replaces the NaN, which reads back as no previous hours.
    again = strict(client.post(ATTEND.replace("hours }", "hours previousHours }"), {"h": 1.5}))
    assert again == {
        "data": {"recordAttendance": {"attendance": {"hours": 1.5, "previousHours": None}}},
        "extensions": again["extensions"],
    }


# ------------------------------------------------------------------ 6. one record a line

SEPARATORS = "\u2028\u2029\u0085\x1c\x1d\x1e\x0b\x0c"


def test_line_separators_inside_text_keep_one_record_a_line(
    client: Client, places: Target, tmp_path: Path
) -> None:
    name = f"云霄路{SEPARATORS}社区\r"
    lines = [
        json.dumps(node("Street", "s-9", name=name), ensure_ascii=False),
        json.dumps(node("Community", f"c-9{SEPARATORS}", name=name), ensure_ascii=False),
        json.dumps(rel("IN", f"c-9{SEPARATORS}", "s-9"), ensure_ascii=False),
    ]
    assert all(len(line.splitlines()) > 1 for line in lines[:2])  # what used to break them

    # A bad fourth line is reported as line 4, not as a line further down.
    bad = "\r\n".join([*lines, '{"type": "node"}']) + "\r\n"
    body = refused(client.post(IMPORT, {"lines": bad}))
    assert [p["line"] for p in body["errors"][0]["extensions"]["problems"]] == [4]
    file = tmp_path / "bad.jsonl"
    file.write_bytes(bad.encode())
    done = run_cli(places, tmp_path, "import", str(file))
    assert done.returncode == 2 and "line 4:" in done.stderr, done.stderr
    assert "line 1:" not in done.stderr

    good = "\r\n".join(lines) + "\r\n"
    file.write_bytes(good.encode())
    done = run_cli(places, tmp_path, "import", str(file))
    assert done.returncode == 0, done.stderr
    assert "nodes: 2 created" in done.stdout
    got = client.query('{ node(id: "s-9") { name } }')["data"]
    assert got == {"node": {"name": name}}

    wipe(places)
    done = run_cli(places, tmp_path, "import", "-", stdin=good.encode())
    assert done.returncode == 0, done.stderr
    got = client.query("query($id: ID!) { node(id: $id) { name } }", {"id": f"c-9{SEPARATORS}"})
    assert got["data"] == {"node": {"name": name}}
    assert client.query(IMPORT, {"lines": good})["data"]["importRecords"]["nodesCreated"] == 0


def test_invalid_utf8_is_reported_with_its_line_number(places: Target, tmp_path: Path) -> None:
    before = snapshot(places)
    data = (
        '{"type": "node", "label": "Street", "id": "s-9", "properties": {"name": "好"}}\n'.encode()
        + b'{"type": "node", "label": "Street", "id": "s-8", "properties": {"name": "\xff\xfe"}}\n'
        + b'{"type": "node", "label": "Street", "id": "s-7", "properties": {"name": "\xe5\xa5"}}'
    )
    file = tmp_path / "latin.jsonl"
    file.write_bytes(data)
    for args, stdin in ((["import", str(file)], None), (["import", "-"], data)):
        done = run_cli(places, tmp_path, *args, stdin=stdin)
        assert done.returncode == 2, done.stderr
        assert "Traceback" not in done.stderr
        assert "line 2: not valid UTF-8" in done.stderr
        assert "line 3: not valid UTF-8" in done.stderr
    assert snapshot(places) == before


def test_lone_surrogates_are_refused_clearly(client: Client, places: Target) -> None:
    before = snapshot(places)
    lines = [
        '{"type": "node", "label": "Street", "id": "s-9", "properties": {"name": "a\\ud800"}}',
        '{"type": "node", "label": "Street", "id": "s-\\udfff", "properties": {"name": "b"}}',
        '{"type": "node", "label": "Street", "id": "s-7", "properties": {"tags": ["\\ud83d"]}}',
    ]
    body = refused(client.post(IMPORT, {"lines": "\n".join(lines)}))
    problems = body["errors"][0]["extensions"]["problems"]
    assert [p["line"] for p in problems] == [1, 2, 3]
    assert all("surrogate" in p["message"] for p in problems), problems
    refused(post_raw(client, CREATE, '{"label": "Street", "p": {"name": "\\ud800"}}'))
    refused(post_raw(client, LINK, '{"p": {"note": ["\\udc00"]}}'))
    assert snapshot(places) == before


# Text as other systems send it: any Unicode scalar value, with the separators str.splitlines
# splits on, CR/LF, NUL, emoji and combining marks over-represented.
TEXT = st.text(
    st.one_of(
        st.sampled_from([*SEPARATORS, "\r", "\n", "\x00", "😀", "\u0301", "\ufeff"]),
        st.characters(exclude_categories=["Cs"]),
    ),
    max_size=12,
)
KEYS = st.from_regex(r"x[a-z0-9]{0,6}", fullmatch=True)  # clear of the declared keys
LABELS = ("Street", "Community", "Unit")
ROUND_TRIP = settings(
    max_examples=30,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@st.composite
def small_graphs(draw: st.DrawFn) -> list[Record]:
    """A few streets, communities and units with any text; every community IN the first
    street."""
    ids = draw(st.lists(TEXT.filter(str.strip), min_size=1, max_size=5, unique=True))
    records: list[Record] = []
    for index, node_id in enumerate(ids):
        props = draw(st.dictionaries(KEYS, st.one_of(TEXT, st.lists(TEXT, min_size=1, max_size=3))))
        label = LABELS[index % len(LABELS)]
        records.append(node(label, node_id, name=draw(TEXT), **props))
        if label == "Community":
            records.append(rel("IN", node_id, ids[0], note=draw(TEXT)))
    return records


@given(graph=small_graphs())
@ROUND_TRIP
def test_export_then_import_gives_the_same_export(places: Target, graph: list[Record]) -> None:
    wipe(places)
    load(places, [json.dumps(r, ensure_ascii=False) for r in graph])
    first = snapshot(places)
    assert len(first) == len(graph)
    text = "".join(export_line(r) + "\n" for r in exported(places))  # as `partygraph export`

    wipe(places)

    async def reimport(graph_: Graph) -> None:
        try:
            await import_lines(graph_, split_records(text))
        except ImportRejected as exc:
            raise AssertionError(str(exc)) from exc

    run_graph(places, reimport)
    assert snapshot(places) == first


# ------------------------------------------------------------------ 16. every string capped

LONG = "长" * (MAX_TEXT + 1)


@pytest.mark.parametrize(
    ("query", "variables"),
    [
        (CREATE, {"label": "Project", "p": {"name": "x", "tags": ["短", LONG]}}),
        (CREATE, {"label": "Project", "p": {"name": LONG}}),
        (UPDATE, {"p": {"tags": [LONG]}}),
        (LINK, {"p": {"notes": ["短", LONG]}}),
    ],
)
def test_strings_inside_lists_are_capped(
    client: Client, places: Target, query: str, variables: dict[str, Any]
) -> None:
    before = snapshot(places)
    body = refused(client.post(query, variables))
    assert str(MAX_TEXT) in body["errors"][0]["message"]
    assert snapshot(places) == before


def test_imported_strings_are_capped_with_line_numbers(client: Client, places: Target) -> None:
    before = snapshot(places)
    lines = [
        json.dumps(node("Street", "s-9", name="宁海路街道"), ensure_ascii=False),
        json.dumps(node("Street", "s-8", name="y", tags=["短", LONG]), ensure_ascii=False),
        json.dumps(node("Street", "s-7", name=LONG), ensure_ascii=False),
    ]
    body = refused(client.post(IMPORT, {"lines": "\n".join(lines)}))
    problems = body["errors"][0]["extensions"]["problems"]
    assert [p["line"] for p in problems] == [2, 3]
    assert all(str(MAX_TEXT) in p["message"] for p in problems), problems
    assert snapshot(places) == before


ACTIVITY = """mutation($name: String!) {
  recordActivity(input: {placeId: "c-1", name: $name, type: VISIT, date: "2024-05-01"}) {
    activity { name } } }"""


def test_record_activity_name_is_capped(client: Client, places: Target) -> None:
    before = snapshot(places)
    body = refused(client.post(ACTIVITY, {"name": "走" * (MAX_TEXT + 1)}))
    assert str(MAX_TEXT) in body["errors"][0]["message"]
    assert snapshot(places) == before
    longest = "走" * MAX_TEXT
    made = client.query(ACTIVITY, {"name": longest})["data"]["recordActivity"]
    assert made["activity"]["name"] == longest
