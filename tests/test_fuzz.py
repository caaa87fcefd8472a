"""Generated operations (hypothesis-graphql) sent over real HTTP with an admin token: whatever a
client sends, the service answers without a 5xx, every error carries one of the service's own
codes (never INTERNAL_SERVER_ERROR), and no error tells the client about its internals.

Generated ID and String values are often the ids, names, periods and cursors of the small
graph the fixture loads, so the operations reach real resolvers, not only NOT_FOUND paths."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import re
from collections import Counter
from collections.abc import Iterator
from typing import Any

import graphql
import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis_graphql import Mode, mutations, nodes, queries

from partygraph import auth, properties, vocabulary
from partygraph.paging import encode_cursor
from partygraph.schema import build_schema
from partygraph.seed.records import Record, node, rel
from tests.support.cobuilding_data import Size
from tests.support.cobuilding_data import dataset as cobuilding_dataset
from tests.support.coverage_data import mutation_dataset
from tests.support.requests_data import sandbox
from tests.support.suite import RUN_FACTS, Client, Server, Target, load, reload, wipe

# ------------------------------------------------------------------ the graph the fuzz runs on

RECORDS: list[Record] = (
    sandbox()
    + cobuilding_dataset(
        seed=91,
        size=Size(
            communities=3,
            units=4,
            persons=10,
            projects=8,
            demands=8,
            resources=5,
            wishes=8,
            activities=4,
        ),
    )
    + mutation_dataset()
    # What the datasets above leave out: an alliance, leadership, seats, grid roles, contacts.
    + [
        node("Alliance", "fz-al", name="红心结联盟", kind="BRANCH_ALLIANCE"),
        rel("MEMBER_OF", "m-o", "fz-al"),
        rel("MEMBER_OF", "c-sb", "fz-al"),
        node("PartyOrganization", "fz-o", name="湛山社区党委", type="COMMITTEE"),
        rel("UNDER", "m-o", "fz-o"),
        rel("LEADS", "fz-o", "c-sb"),
        rel("LEADS", "m-o", "g-sb"),
        rel("SITS_ON", "m-p1", "fz-o", role="SECRETARY"),
        rel("SERVES", "m-p2", "g-sb", role="GRID_LEADER"),
        rel("SERVES", "m-p2", "g-sb-b", role="BUILDING_LEADER"),
        rel("CONTACTS", "m-p1", "c-sb", since="2024-01-05"),
        rel("REPORTED_TO", "m-o", "m-c1"),
        rel("REPORTED_TO", "m-p2", "m-c2", on="2024-03-01"),
        node("Wish", "fz-w1", name="助老轮椅一台", status="OPEN", createdOn="2024-02-01"),
        rel("IN", "fz-w1", "c-sb"),
    ]
)
IDS = sorted({r["id"] for r in RECORDS if r["type"] == "node"})
NAMES = sorted({str(r["properties"]["name"]) for r in RECORDS if r["properties"].get("name")})
# Valid periods, the calendar's ends, and malformed ones.
PERIODS = ["2024", "2024-H1", "2024-H2", "2024-Q2", "2024-05", "2023-H2", "0001-01", "9999-Q4"]
PERIODS += ["0000", "2024-13", "24"]
CURSORS = [encode_cursor(i) for i in IDS[::4]]
# importRecords takes JSON Lines: a few valid batches and a few broken ones.
JSON_LINES = (
    json.dumps(node("Grid", "fz-g1", name="模糊测试网格", level="COMMUNITY"), ensure_ascii=False),
    json.dumps(node("Person", "fz-p1", name="测试", partyMember=True), ensure_ascii=False),
    '{"type": "node", "label": "Grid", "id": "fz-g2"}',
    '{"type": "relationship", "rel": "IN", "from": "fz-g1", "to": "c-sb", "properties": {}}',
    '{"type": "node", "label": "Nope", "id": "x", "properties": {}}\n{',
    json.dumps(node("Grid", "fz-g3", name="x", population=2**63)),
    json.dumps(node("Request", "fz-r1", name="x", raisedAt="0001-01-01T00:00:00+08:00")),
)
ENUM_NAMES = sorted(
    {
        m
        for props in properties.NODE_PROPERTIES.values()
        for p in props.values()
        if p.enum
        for m in p.enum.__members__
    }
)
# The only codes a client may see (schema/errors.py, db.py, app.py and the limit extensions).
# Left out: INTERNAL_SERVER_ERROR (also what a statement the graph refused answers): with the
# graph up, it means the service let something through that it should have refused.
CODES = {
    "BAD_USER_INPUT",
    "NOT_FOUND",
    "FORBIDDEN",
    "INVALID_STATE",
    "QUERY_TOO_COMPLEX",
    "GRAPHQL_VALIDATION_FAILED",
    "GRAPH_UNAVAILABLE",
    "CONFLICT",
    "QUERY_TIMEOUT",
    "TOO_MANY_REQUESTS",
    "PAYLOAD_TOO_LARGE",
    "UNAUTHENTICATED",
}
# What an error must never show: a traceback, a source file, the driver, the engine, Cypher.
LEAKS = re.compile(
    r"Traceback|File \"|\.py\b|Neo\.|MATCH |Exception|(?i:neo4j|cypher|java\.|arcadedb)"
)

SDL = build_schema().as_str()  # the schema the app serves

# ------------------------------------------------------------------ value strategies

UTC = dt.UTC
CST = dt.timezone(dt.timedelta(hours=8))
ZONES = (CST, UTC, None, dt.timezone(dt.timedelta(hours=-12)))
texts = st.text(max_size=24)
real_ids = st.sampled_from(IDS)
small_ints = st.integers(-2, 30)  # around the bounds the API checks (1-5, 1-3, 1-100 ...)
any_ints = st.integers(-(2**31), 2**31 - 1)
# The ends of the calendar too: with an offset, an instant there has no UTC time in range.
moments = st.one_of(st.datetimes(), st.sampled_from([dt.datetime.min, dt.datetime.max]))
datetimes = st.builds(
    lambda moment, zone: moment.replace(tzinfo=zone).isoformat(),
    moments,
    st.sampled_from(ZONES),
)
dates = st.one_of(st.dates(), st.sampled_from([dt.date.min, dt.date.max])).map(dt.date.isoformat)
# Whole numbers at and beyond the graph's 64-bit integers.
edge_ints = st.sampled_from([2**31, 2**53 + 1, 2**63 - 1, 2**63, -(2**63) - 1, 10**30])


def as_node(value: Any) -> graphql.ValueNode:
    """A JSON value as a GraphQL literal (the JSON scalar reads literals as JSON)."""
    if value is None:
        return nodes.Null
    if isinstance(value, bool):
        return nodes.Boolean(value)
    if isinstance(value, int):
        return nodes.Int(value)
    if isinstance(value, float):
        return nodes.Float(value)
    if isinstance(value, str):
        return nodes.String(value)
    if isinstance(value, list):
        return nodes.List([as_node(v) for v in value])
    fields = [
        graphql.ObjectFieldNode(name=graphql.NameNode(value=k), value=as_node(v))
        for k, v in value.items()
    ]
    return nodes.Object(fields)


json_leaves = st.one_of(
    st.none(),
    st.booleans(),
    small_ints,
    edge_ints,
    st.integers(),
    st.floats(allow_nan=False, allow_infinity=False),
    texts,
    real_ids,
    st.sampled_from(ENUM_NAMES),
    dates,
    st.sampled_from(PERIODS),
)
json_values = st.recursive(
    json_leaves,
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.from_regex(r"[_A-Za-z][_0-9A-Za-z]{0,8}", fullmatch=True), inner)
    ),
    max_leaves=6,
)
property_maps = st.dictionaries(
    st.sampled_from(properties.property_keys()) | st.sampled_from(["id", "label", "x_1"]),
    json_values,
    max_size=4,
)


def fitting_value(prop: properties.Prop) -> st.SearchStrategy[Any]:
    """Mostly a value of the property's kind (sometimes just outside its range), else anything."""
    kinds: dict[properties.Kind, st.SearchStrategy[Any]] = {
        properties.Kind.STRING: st.sampled_from(NAMES) | texts,
        properties.Kind.INT: small_ints | st.integers() | edge_ints,
        properties.Kind.FLOAT: st.floats(-1, 101) | st.floats(allow_nan=False),
        properties.Kind.BOOL: st.booleans(),
        properties.Kind.DATE: dates,
        properties.Kind.DATETIME: datetimes,
        properties.Kind.PERIOD: st.sampled_from(PERIODS),
        properties.Kind.ENUM: st.sampled_from(sorted(prop.enum.__members__) if prop.enum else [""]),
    }
    return st.integers(0, 7).flatmap(lambda i: json_values if i == 7 else kinds[prop.kind])


def fitting_properties(declared: dict[str, properties.Prop]) -> st.SearchStrategy[dict[str, Any]]:
    """Declared properties, and one the vocabulary does not declare (stored as it is)."""
    optional = {key: fitting_value(prop) for key, prop in declared.items()}
    return st.fixed_dictionaries({}, optional={**optional, "note": json_leaves})


SCALARS: dict[str, st.SearchStrategy[graphql.ValueNode]] = {
    "ID": st.one_of(real_ids, real_ids, texts).map(nodes.String),
    "String": st.one_of(
        real_ids,
        st.sampled_from(NAMES),
        st.sampled_from(PERIODS),
        st.sampled_from(CURSORS),
        st.sampled_from(JSON_LINES),
        texts,
    ).map(nodes.String),
    "Int": st.one_of(small_ints, small_ints, any_ints).map(nodes.Int),
    "Float": st.one_of(st.floats(-1, 101), st.floats(allow_nan=False, allow_infinity=False)).map(
        nodes.Float
    ),
    "Date": st.one_of(dates, texts).map(nodes.String),
    "DateTime": st.one_of(datetimes, datetimes, texts).map(nodes.String),
    "JSON": st.one_of(property_maps, property_maps, json_values).map(as_node),
}

# ------------------------------------------------------------------ aiming at real work

# Scalar strategies see a type, not an argument. These argument names get ids of the labels
# they ask for (an area for areaId, a unit for unitId ...) most of the time, and
# createEntity, updateEntity and link get properties their label or type declares, so the
# operation gets past "no such entity" and "bad property" to the resolver's real work.
LABEL_OF = {r["id"]: r["label"] for r in RECORDS if r["type"] == "node"}
AREAS = ("District", "Street", "Community", "Grid")
AIMED_LABELS: dict[str, tuple[str, ...]] = {
    "areaId": (*AREAS, "Unit"),
    "communityId": ("Community",),
    "gridId": ("Grid",),
    "placeId": ("Community", "Grid"),
    "unitId": ("Unit",),
    "personId": ("Person",),
    "activityId": ("Activity",),
    # The ends of an evaluation (link and unlink aim theirs by relationship type, below).
    "from": ("Unit", "Community"),
    "to": ("Unit", "Community"),
}
AIMED: dict[str, list[str]] = {
    name: sorted(i for i, label in LABEL_OF.items() if label in labels)
    for name, labels in AIMED_LABELS.items()
}
AIMED.update(
    period=PERIODS,
    after=CURSORS,
    text=sorted({n[i : i + 2] for n in NAMES for i in range(0, len(n), 2)}),
    records=list(JSON_LINES),
    reason=["重复诉求"],
    description=["楼道堆放杂物，存在消防隐患"],
    name=NAMES,
)
CREATING = ("createEntity", "raiseRequest", "recordActivity")
# A field's or mutation's `id` names the node it is about: one of these labels.
ABOUT = {
    "escalationChain": "Request",
    "firstResponsible": "Request",
    "escalateRequest": "Request",
    "assignFirstResponsible": "Request",
    "closeRequest": "Request",
    "returnRequest": "Request",
    "takeDemand": "Demand",
    "completeDemand": "Demand",
    "claimWish": "Wish",
    "fulfilWish": "Wish",
}
# The relationship types the vocabulary allows between labels the graph holds.
LINKS = [
    link
    for link in vocabulary.LINKS
    if link.source in LABEL_OF.values() and link.target in LABEL_OF.values()
]


def _ids_of(label: str) -> list[str]:
    return sorted(i for i, of in LABEL_OF.items() if of == label)


def _aim_field(draw: st.DrawFn, field: graphql.FieldNode) -> graphql.FieldNode | None:
    arguments = {a.name.value: a.value for a in field.arguments or ()}
    if not arguments or draw(st.integers(0, 3)) == 3:  # a quarter keeps what was generated
        return None
    given = arguments.get("input")
    if isinstance(given, graphql.ObjectValueNode):  # a mutation: aim the input's fields
        inside = _aimed(draw, field.name.value, {f.name.value: f.value for f in given.fields})
        arguments["input"] = graphql.ObjectValueNode(
            fields=tuple(
                graphql.ObjectFieldNode(name=graphql.NameNode(value=k), value=v)
                for k, v in inside.items()
            )
        )
    else:
        arguments = _aimed(draw, field.name.value, arguments)
    return graphql.FieldNode(
        alias=field.alias,
        name=field.name,
        arguments=tuple(
            graphql.ArgumentNode(name=graphql.NameNode(value=k), value=v)
            for k, v in arguments.items()
        ),
        directives=field.directives,
        selection_set=field.selection_set,
    )


def _aimed(
    draw: st.DrawFn, name: str, arguments: dict[str, graphql.ValueNode]
) -> dict[str, graphql.ValueNode]:
    """The arguments (or input fields) of field `name`, some aimed at fitting values."""
    for key, value in arguments.items():
        if key in AIMED and isinstance(value, graphql.StringValueNode):
            arguments[key] = nodes.String(draw(st.sampled_from(AIMED[key])))
    if name in ABOUT and isinstance(arguments.get("id"), graphql.StringValueNode):
        arguments["id"] = nodes.String(draw(st.sampled_from(_ids_of(ABOUT[name]))))
    declared: dict[str, properties.Prop] | None = None
    if name in CREATING and "id" in arguments and draw(st.booleans()):
        arguments["id"] = nodes.Null  # a new id, not one that is taken
    if name in ("link", "unlink") and LINKS:
        link = draw(st.sampled_from(LINKS))
        arguments["type"] = nodes.Enum(link.rel)
        arguments["from"] = nodes.String(draw(st.sampled_from(_ids_of(link.source))))
        arguments["to"] = nodes.String(draw(st.sampled_from(_ids_of(link.target))))
        declared = properties.REL_PROPERTIES.get(link.rel, {})
    elif name == "createEntity" and isinstance(arguments.get("label"), graphql.EnumValueNode):
        label = arguments["label"].value  # type: ignore[attr-defined]
        declared = properties.NODE_PROPERTIES.get(label, {})
    elif name == "updateEntity" and isinstance(arguments.get("id"), graphql.StringValueNode):
        label = LABEL_OF.get(arguments["id"].value, "")  # type: ignore[attr-defined]
        declared = properties.NODE_PROPERTIES.get(label, {})
    if declared is not None and "properties" in arguments:
        values = draw(fitting_properties(declared))
        if name == "createEntity" and draw(st.integers(0, 3)) < 3:
            values.setdefault("name", draw(st.sampled_from(NAMES)))
        arguments["properties"] = as_node(values)
    return arguments


@st.composite
def aimed(draw: st.DrawFn, documents: st.SearchStrategy[graphql.DocumentNode]) -> str:
    """A generated document with some fields' arguments aimed at fitting values, printed."""
    document = draw(documents)

    class Aim(graphql.Visitor):
        def enter_field(self, field: graphql.FieldNode, *_: Any) -> Any:
            return _aim_field(draw, field)

    return graphql.print_ast(graphql.visit(document, Aim()))


def _document(document: graphql.DocumentNode) -> graphql.DocumentNode:
    return document


def operations(kind: str, field: str, mode: Mode = Mode.POSITIVE) -> st.SearchStrategy[str]:
    make = queries if kind == "query" else mutations
    return aimed(make(SDL, fields=[field], custom_scalars=SCALARS, print_ast=_document, mode=mode))


SCHEMA = graphql.build_schema(SDL)
assert SCHEMA.query_type is not None and SCHEMA.mutation_type is not None
QUERY_FIELDS = sorted(SCHEMA.query_type.fields)
MUTATION_FIELDS = sorted(SCHEMA.mutation_type.fields)

# ------------------------------------------------------------------ sending and checking

SENT: Counter[str] = Counter()
EXAMPLES, RICH_EXAMPLES = 10, 25
FUZZ = settings(
    derandomize=True,  # the same operations on every run: CI is reproducible
    database=None,
    deadline=None,
)


def _literals(query: str) -> list[str]:
    """The string values a document holds: an error may echo them, that is no leak."""
    found: list[str] = []

    class Strings(graphql.Visitor):
        def enter_string_value(self, node: graphql.StringValueNode, *_: Any) -> None:
            found.append(node.value)

    with contextlib.suppress(graphql.GraphQLError):  # an invalid document holds none
        graphql.visit(graphql.parse(query), Strings())
    return sorted(found, key=len, reverse=True)


def problems(query: str, response: httpx.Response) -> list[str]:
    """What is wrong with the service's answer to `query`; empty when nothing is."""
    if response.status_code >= 500:
        return [f"HTTP {response.status_code}: {response.text[:500]}"]
    body = response.json()
    found = []
    echoed = _literals(query)
    for error in body.get("errors") or []:
        code = (error.get("extensions") or {}).get("code")
        if code not in CODES:
            found.append(f"code {code!r}: {error}")
        shown = json.dumps(error, ensure_ascii=False)
        for value in echoed:
            for form in (value, json.dumps(value, ensure_ascii=False)[1:-1], repr(value)[1:-1]):
                if form:
                    shown = shown.replace(form, "")
        leak = LEAKS.search(shown)
        if leak:
            found.append(f"leaks {leak.group()!r}: {error}")
    return found


def send(client: Client, kind: str, query: str) -> None:
    SENT[kind] += 1
    response = client.post(query)
    wrong = problems(query, response)
    assert not wrong, f"{kind}:\n{query}\n" + "\n".join(wrong)


@pytest.fixture(scope="module")
def graph(target: Target, engine_kind: str) -> Iterator[None]:
    reload(target, RECORDS)
    yield
    wipe(target)  # the mutations left it in no state another test expects
    RUN_FACTS["fuzz cases"] = (
        f"{SENT['query']} queries, {SENT['mutation']} mutations, "
        f"{SENT['invalid']} invalid documents sent (as admin, a street office and a unit)"
    )


@pytest.fixture
def restored(target: Target, graph: None) -> None:
    """The loaded graph back (import updates by id) after earlier mutations deleted or changed
    parts of it: each mutation field starts from the same data."""
    load(target, RECORDS)


def budget(root: graphql.GraphQLObjectType, field: str) -> int:
    """Examples for one root field: more where the inputs are richest (JSON, dates, instants)."""
    named = [graphql.get_named_type(a.type) for a in root.fields[field].args.values()]
    inside = [  # a mutation's input: the types of its fields
        graphql.get_named_type(f.type)
        for kind in named
        if isinstance(kind, graphql.GraphQLInputObjectType)
        for f in kind.fields.values()
    ]
    types = {kind.name for kind in named + inside}
    return RICH_EXAMPLES if types & {"JSON", "Date", "DateTime"} else EXAMPLES


def fuzz(client: Client, kind: str, field: str, examples: int | None = None) -> None:
    root = SCHEMA.query_type if kind == "query" else SCHEMA.mutation_type
    assert root is not None

    @settings(FUZZ, max_examples=examples or budget(root, field))
    @given(operation=operations(kind, field))
    def run(operation: str) -> None:
        send(client, kind, operation)

    run()


# Each root field gets its own examples: one strategy over all of them spends most examples on
# the first few fields.
@pytest.mark.parametrize("field", QUERY_FIELDS)
def test_generated_queries(graph: None, client: Client, field: str) -> None:
    fuzz(client, "query", field)


@pytest.mark.parametrize("field", MUTATION_FIELDS)
def test_generated_mutations(restored: None, client: Client, field: str) -> None:
    fuzz(client, "mutation", field)


SCOPED_EXAMPLES = 4


@pytest.fixture(scope="module")
def scoped(target: Target, server: Server) -> Iterator[dict[str, Client]]:
    """A street office and a unit over parts of the loaded graph: their statements carry the
    scope predicates, which the admin's do not."""
    first = {
        label: next(str(r["id"]) for r in RECORDS if r.get("label") == label)
        for label in ("Street", "Unit")
    }
    settings = target.settings()
    clients = {
        "street": Client(server.url, auth.mint(settings, auth.Role.STREET, first["Street"])),
        "unit": Client(server.url, auth.mint(settings, auth.Role.UNIT, first["Unit"])),
    }
    yield clients
    for c in clients.values():
        c.http.close()


@pytest.mark.parametrize("field", QUERY_FIELDS)
def test_generated_queries_as_a_street_office(
    graph: None, scoped: dict[str, Client], field: str
) -> None:
    fuzz(scoped["street"], "query", field, SCOPED_EXAMPLES)


@pytest.mark.parametrize("field", MUTATION_FIELDS)
def test_generated_mutations_as_a_unit(
    restored: None, scoped: dict[str, Client], field: str
) -> None:
    fuzz(scoped["unit"], "mutation", field, SCOPED_EXAMPLES)


@settings(FUZZ, max_examples=60)
@given(document=queries(SDL, custom_scalars=SCALARS, mode=Mode.NEGATIVE))
def test_generated_invalid_documents(graph: None, client: Client, document: str) -> None:
    """One schema violation each: refused as the caller's mistake, never a server failure."""
    send(client, "invalid", document)
