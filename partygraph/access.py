"""What a viewer may read and change, written as Cypher the statements carry.

Like row-level security in PostgreSQL (PostGraphile's model), the rule lives where the data is
read: statements in partygraph/cypher mark each node they return or count with
`__VISIBLE(x)__`, each node a mutation changes with `__WRITABLE(x)__`, and each node whose
properties they return with `__PROPS(x)__`. `render` (partygraph.cypher) replaces the marks
with the predicates below for the viewer's access, and the scope id travels as `$scope`.
Nothing is filtered in Python after the graph has answered.

Who sees what:
- `admin`: everything. `integration`: everything, personal fields masked, no mutations.
- `district`, `street`, `community` (an area) keep the areas lying in the scope node through
  `IN`, the wishes, demands, requests and activities in them, their residents, the branches
  leading their grids with their members, and the members who reported to them: these they
  may change, and read with personal fields. They also see, read-only and with personal fields
  masked, the areas above the scope (so chains upward read whole), the people, units, projects
  and alliances linked to their areas, and the organisations, resources and teams of the units
  paired with them.
- `unit`: the unit itself and whatever is linked to it directly (its members, its party
  organisation, its pairings, projects, evaluations, resources, teams, the demands it took,
  the requests it answers for), the members of its party organisation, the communities and
  grids its members reside in or reported to (its reverse report), and what lies in the
  communities and grids it is paired with. It changes only itself, its members, the requests
  it answers for and the demands it took. Personal fields are masked.
Something outside a viewer's reach reads exactly like something that does not exist.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from partygraph.properties import NODE_PROPERTIES, Kind


class Reach(enum.Enum):
    ALL = "all"
    AREA = "area"  # the scope is a District, Street or Community
    UNIT = "unit"  # the scope is a Unit
    NONE = "none"  # no viewer (the GraphiQL page): nothing at all


@dataclass(frozen=True)
class Access:
    """What the statements of one request are rendered for."""

    reach: Reach
    scope_label: str | None = None  # the label the scope node must carry
    personal: bool = True  # unmasked personal fields (an office: only of the people it keeps)

    @property
    def scoped(self) -> bool:
        return self.reach in (Reach.AREA, Reach.UNIT)


FULL = Access(Reach.ALL)
MASKED = Access(Reach.ALL, personal=False)
NOBODY = Access(Reach.NONE, personal=False)

# Every access a statement can be rendered for: the Cypher lint checks each.
RENDERINGS: tuple[Access, ...] = (
    FULL,
    MASKED,
    Access(Reach.AREA, "District"),
    Access(Reach.AREA, "Street"),
    Access(Reach.AREA, "Community"),
    Access(Reach.UNIT, "Unit", personal=False),
)


def _in_scope(var: str, hops: str, label: str) -> str:
    """`var` lies in the scope through IN (`hops` steps), walked upward from `var`. IN leads a
    node to its one parent; from the scope it fans out over everything in the area, and Neo4j's
    planner, offered the scope's index entry, would start there and expand down for every row
    it checks (measured: 15 to 60 times the admin query). A pattern comprehension cannot start
    anywhere but at `var`."""
    return (
        f"any(pg_up IN [({var})-[:IN*{hops}]->(pg_in) | pg_in] "
        f"WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:{label})"
    )


def _area_clauses(label: str, x: str) -> tuple[list[str], list[str]]:
    """(what the office keeps: it may change these and read their personal data; what else it
    may read), of node `x`. What it keeps cannot be widened by anyone's links: linking needs
    both ends kept."""
    kept = [
        # areas in the scope, and the wishes, demands, requests and activities in them (in a
        # subquery: Neo4j refuses the variable-length step beside the quantified path pattern
        # of shortest_path)
        f"EXISTS {{ MATCH ({x}) WHERE {_in_scope(x, '0..9', label)} }}",
        # its residents, the branches leading its grids, members who reported to it
        f"EXISTS {{ MATCH ({x})-[:RESIDES_IN|LEADS]->(pg_at) "
        f"WHERE {_in_scope('pg_at', '0..9', label)} }}",
        f"EXISTS {{ MATCH ({x})-[:REPORTED_TO]->(pg_at) "
        f"WHERE {x}:Person AND {_in_scope('pg_at', '0..9', label)} }}",
        # members and committee members of those branches
        f"EXISTS {{ MATCH ({x})-[:MEMBER_OF|SITS_ON]->(:PartyOrganization)-[:LEADS]->(pg_at) "
        f"WHERE {_in_scope('pg_at', '0..8', label)} }}",
    ]
    seen = [
        # the areas above it, so chains upward (a whistle, a grid's street) read whole
        f"EXISTS {{ MATCH (pg_s:Entity:{label} {{id: $scope}}) "
        f"WHERE {x} IN [(pg_s)-[:IN*1..8]->(pg_in) | pg_in] }}",
        # contact leaders, staff, people who claimed its wishes or attended its activities;
        # units paired with it, evaluated by it or taking its demands; projects for it
        f"EXISTS {{ MATCH ({x})-[:CONTACTS|SERVES|CLAIMED|ATTENDED|PAIRED_WITH|EVALUATED|TOOK|FOR"
        f"|REPORTED_TO]->(pg_at) WHERE {_in_scope('pg_at', '0..9', label)} }}",
        # organisations, teams and resources of its paired units
        f"EXISTS {{ MATCH ({x})-[:OF|OFFERED_BY]->(:Unit)-[:PAIRED_WITH]->(pg_at) "
        f"WHERE {_in_scope('pg_at', '0..8', label)} }}",
        # units doing projects there or answering its requests; alliances of its communities
        f"EXISTS {{ MATCH ({x})<-[:BY|FIRST_RESPONSIBLE|ESCALATED_TO|MEMBER_OF]-(pg_at) "
        f"WHERE ({x}:Unit OR {x}:Alliance) AND any(pg_up IN [(pg_at)-[:FOR|IN*0..9]->(pg_in) "
        f"| pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:{label}) }}",
    ]
    return kept, seen


def _unit_clauses(label: str, x: str) -> tuple[list[str], list[str]]:
    """(clauses of what the unit may change, further clauses of what it may only read), of
    node `x`."""
    scope = f"(:Entity:{label} {{id: $scope}})"
    own = [
        f"({x}.id = $scope AND {x}:{label})",
        # its members, the requests it answers for, the demands it took
        f"EXISTS {{ MATCH ({x})-[:WORKS_AT|FIRST_RESPONSIBLE|ESCALATED_TO]->{scope} }}",
        f"EXISTS {{ MATCH ({x})<-[:TOOK]-{scope} }}",
    ]
    read = [
        # whatever else is linked to it: its organisation, pairings, projects, evaluations
        f"EXISTS {{ MATCH ({x})--{scope} }}",
        f"EXISTS {{ MATCH ({x})-[:MEMBER_OF|SITS_ON]->(:PartyOrganization)-[:OF]->{scope} }}",
        # the communities and grids its members live in or reported to: its reverse report,
        # walked from the place checked, down to its residents. The unit is named by id and
        # labels() so that no index offers to start there: Neo4j would walk each member's
        # places up for every row, and ArcadeDB would scan for the unit in every row.
        f"(({x}:Community OR {x}:Grid) AND EXISTS {{ MATCH ({x})<-[:IN*0..8]-()"
        "<-[:REPORTED_TO|RESIDES_IN]-(:Person)-[:WORKS_AT]->(pg_u) "
        f"WHERE pg_u.id = $scope AND '{label}' IN labels(pg_u) }})",
        f"EXISTS {{ MATCH ({x})-[:IN]->()<-[:PAIRED_WITH]-{scope} }}",
    ]
    return own, read


def _any(clauses: list[str]) -> str:
    return "(" + "\n     OR ".join(clauses) + ")"


def visible(access: Access, var: str) -> str:
    """A Cypher predicate: the viewer may read node `var`."""
    if access.reach is Reach.ALL:
        return "true"
    if access.reach is Reach.NONE:
        return "false"
    if access.reach is Reach.AREA:
        kept, seen = _area_clauses(_label(access), var)
        return _any([*kept, *seen])
    own, read = _unit_clauses(_label(access), var)
    return _any([*own, *read])


def writable(access: Access, var: str) -> str:
    """A Cypher predicate: the viewer may change node `var` (a mutation's own targets)."""
    if access == FULL:
        return "true"
    if access.reach in (Reach.ALL, Reach.NONE):  # integrations only read
        return "false"
    if access.reach is Reach.AREA:
        return _any(_area_clauses(_label(access), var)[0])
    return _any(_unit_clauses(_label(access), var)[0])


def _label(access: Access) -> str:
    if access.scope_label is None:
        raise ValueError("a scoped access needs the label of its scope")
    return access.scope_label


# How each personal string is shown masked: (characters kept at the start, at the end).
_KEPT = {"phone": (3, 4), "idNumber": (1, 1), "address": (6, 0)}


def _masked(var: str, label: str, name: str, kind: Kind) -> str:
    value = f"{var}.{name}"
    if kind is not Kind.STRING or name not in _KEPT:
        return f"CASE WHEN {var}:{label} THEN null ELSE {value} END"
    start, end = _KEPT[name]
    tail = f" + right({value}, {end})" if end else ""
    return (
        f"CASE WHEN NOT {var}:{label} OR {value} IS NULL THEN {value} "
        f"ELSE left({value}, {start}) + '****'{tail} END"
    )


PERSONAL_FIELDS: dict[tuple[str, str], Kind] = {
    (label, name): prop.kind
    for label, props in NODE_PROPERTIES.items()
    for name, prop in props.items()
    if prop.personal
}


def props(access: Access, var: str) -> str:
    """The node's properties as a map, its personal fields masked when the viewer may not
    read them (the whole value never leaves the graph; `personalDataMasked` says so). An area
    office reads them unmasked for the people it keeps (residents, members of its branches,
    members who reported to it), masked for the others it sees."""
    kinds = " ".join(
        f"WHEN {var}:{label} THEN {_temporal_as_text(var, names)}"
        for label, names in TEMPORAL_AS_TEXT.items()
    )
    return f"CASE {kinds} ELSE {_props(access, var)} END"


def _temporal_as_text(var: str, names: list[str]) -> str:
    """The node's properties with its dates and instants as ISO text: the driver takes some
    80 µs to decode one DateTime and 13 µs a Date, which made a list of requests mostly that;
    the text is read where rows become values (partygraph.values)."""
    texts = ", ".join(f"{name}: toString({var}.{name})" for name in names)
    return f"{var} {{.*, {texts}}}"


# The labels with dates or instants, and those names; a label with personal fields keeps its
# masking (birthDate, read as the driver decodes it).
TEMPORAL_AS_TEXT: dict[str, list[str]] = {
    label: temporal
    for label, declared in NODE_PROPERTIES.items()
    if (temporal := [n for n, p in declared.items() if p.kind in (Kind.DATE, Kind.DATETIME)])
    and not any(prop.personal for prop in declared.values())
}


def _props(access: Access, var: str) -> str:
    if access.personal and access.reach is not Reach.AREA:
        return f"properties({var})"
    masks = ", ".join(
        f"{name}: {_masked(var, label, name, kind)}"
        for (label, name), kind in sorted(PERSONAL_FIELDS.items())
    )
    masked = f"{var} {{.*, {masks}, personalDataMasked: {var}:Person}}"
    if access.reach is Reach.AREA:
        return f"CASE WHEN {writable(access, var)} THEN properties({var}) ELSE {masked} END"
    return masked
