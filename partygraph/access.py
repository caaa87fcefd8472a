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
import re
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


def _area_clauses(scope: str) -> tuple[list[str], list[str]]:
    """(what the office keeps: it may change these and read their personal data; what else it
    may read). What it keeps cannot be widened by anyone's links: linking needs both ends kept."""
    kept = [
        # areas in the scope, and the wishes, demands, requests and activities in them
        f"EXISTS {{ MATCH (x)-[:IN*0..9]->{scope} }}",
        # its residents, the branches leading its grids, members who reported to it
        f"EXISTS {{ MATCH (x)-[:RESIDES_IN|LEADS]->()-[:IN*0..9]->{scope} }}",
        f"EXISTS {{ MATCH (x)-[:REPORTED_TO]->()-[:IN*0..9]->{scope} WHERE x:Person }}",
        # members and committee members of those branches
        "EXISTS { MATCH (x)-[:MEMBER_OF|SITS_ON]->(:PartyOrganization)-[:LEADS]->()"
        f"-[:IN*0..8]->{scope} }}",
    ]
    seen = [
        # the areas above it, so chains upward (a whistle, a grid's street) read whole
        f"EXISTS {{ MATCH {scope}-[:IN*1..8]->(x) }}",
        # contact leaders, staff, people who claimed its wishes or attended its activities;
        # units paired with it, evaluated by it or taking its demands; projects for it
        "EXISTS { MATCH (x)-[:CONTACTS|SERVES|CLAIMED|ATTENDED|PAIRED_WITH|EVALUATED|TOOK|FOR"
        f"|REPORTED_TO]->()-[:IN*0..9]->{scope} }}",
        # organisations, teams and resources of its paired units
        f"EXISTS {{ MATCH (x)-[:OF|OFFERED_BY]->(:Unit)-[:PAIRED_WITH]->()-[:IN*0..8]->{scope} }}",
        # units doing projects there or answering its requests; alliances of its communities
        "EXISTS { MATCH (x)<-[:BY|FIRST_RESPONSIBLE|ESCALATED_TO|MEMBER_OF]-()"
        f"-[:FOR|IN*0..9]->{scope} WHERE x:Unit OR x:Alliance }}",
    ]
    return kept, seen


def _unit_clauses(scope: str) -> tuple[list[str], list[str]]:
    """(clauses of what the unit may change, further clauses of what it may only read)."""
    own = [
        "(x.id = $scope AND x:Unit)",
        # its members, the requests it answers for, the demands it took
        f"EXISTS {{ MATCH (x)-[:WORKS_AT|FIRST_RESPONSIBLE|ESCALATED_TO]->{scope} }}",
        f"EXISTS {{ MATCH (x)<-[:TOOK]-{scope} }}",
    ]
    read = [
        # whatever else is linked to it: its organisation, pairings, projects, evaluations
        f"EXISTS {{ MATCH (x)--{scope} }}",
        f"EXISTS {{ MATCH (x)-[:MEMBER_OF|SITS_ON]->(:PartyOrganization)-[:OF]->{scope} }}",
        # the communities and grids its members live in or reported to: its reverse report
        "EXISTS { MATCH (x)<-[:IN*0..8]-()<-[:REPORTED_TO|RESIDES_IN]-(:Person)"
        f"-[:WORKS_AT]->{scope} WHERE x:Community OR x:Grid }}",
        f"EXISTS {{ MATCH (x)-[:IN]->()<-[:PAIRED_WITH]-{scope} }}",
    ]
    return own, read


def _any(clauses: list[str], var: str) -> str:
    """The clauses joined by OR, their node `x` renamed to `var`."""
    return "(" + re.sub(r"\bx\b", var, "\n     OR ".join(clauses)) + ")"


def visible(access: Access, var: str) -> str:
    """A Cypher predicate: the viewer may read node `var`."""
    if access.reach is Reach.ALL:
        return "true"
    if access.reach is Reach.NONE:
        return "false"
    if access.reach is Reach.AREA:
        kept, seen = _area_clauses(_scope(access))
        return _any([*kept, *seen], var)
    own, read = _unit_clauses(_scope(access))
    return _any([*own, *read], var)


def writable(access: Access, var: str) -> str:
    """A Cypher predicate: the viewer may change node `var` (a mutation's own targets)."""
    if access == FULL:
        return "true"
    if access.reach in (Reach.ALL, Reach.NONE):  # integrations only read
        return "false"
    if access.reach is Reach.AREA:
        return _any(_area_clauses(_scope(access))[0], var)
    return _any(_unit_clauses(_scope(access))[0], var)


def _scope(access: Access) -> str:
    return f"(:Entity:{access.scope_label} {{id: $scope}})"


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
