"""What a document may cost, computed before anything runs (in the manner of GitHub's node
limit): the sum, over every field and alias, of how many objects it can return, that is the
product of the list sizes along its path; heavy root fields add their own weight.

- A list sized by `first` (connections, bounded navigation lists, search) counts `first`
  (its default when not given; a bounded list's default is its most); a connection counts its
  `last` alike when paged backward, DEFAULT_PAGE when given neither; a connection's `edges`
  are counted through its `first` or `last`. `nodes(ids)` counts its ids.
- A list with no `first` counts UNBOUNDED_LIST items (whole-area reports), Path and
  Neighborhood lists their own maxima.
- Every `first` and `last` (and `nodes`' ids) in the document is checked first
  (BAD_USER_INPUT), by the functions the fields use. In a mutation, so are every cursor
  (`after`, `before`) and `search`'s text, so that no part of its answer can be refused after
  its change was made; in a query those are left to the field, whose refusal (a null with its
  code) leaves the other fields' answers in place.

The rule is bound to a request's variables (partygraph.schema.validation runs it, cached per
document text and variables, once the document is otherwise valid); over the limit is
QUERY_TOO_COMPLEX with `cost` and `limit` in `extensions`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any

from graphql import (
    FieldNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLField,
    GraphQLInterfaceType,
    GraphQLList,
    GraphQLNamedType,
    GraphQLNonNull,
    GraphQLObjectType,
    InlineFragmentNode,
    OperationDefinitionNode,
    OperationType,
    SelectionSetNode,
    ValidationContext,
    ValidationRule,
    get_named_type,
    is_leaf_type,
)
from graphql.pyutils import Undefined
from graphql.utilities import value_from_ast

from partygraph.cypher import MAX_HOPS
from partygraph.errors import BAD_USER_INPUT, TOO_COMPLEX, UserError
from partygraph.paging import DEFAULT_PAGE, MAX_PAGE, decode_cursor, id_count, one_direction
from partygraph.schema.exploration import MAX_NEIGHBOURS, MAX_SEARCH, search_text
from partygraph.service.exploration import MAX_NEIGHBOURHOOD_DEPTH

# A list that takes no `first` (a whole-area report) counts as the most its field can hold
# where that is known (a path, a neighbourhood), else as many items as such a list holds at
# most in the programmes' own figures: a district's communities, a unit's members, a
# community's open demands. Anything else: UNBOUNDED_LIST.
UNBOUNDED_LIST = 500
LIST_SIZES = {
    ("Path", "nodes"): 13,
    ("Path", "relationships"): 12,
    ("Neighborhood", "nodes"): MAX_NEIGHBOURS + 1,
    ("Neighborhood", "relationships"): 4 * MAX_NEIGHBOURS,
    ("Query", "escalationChain"): 5,  # grid, street, district, department
    ("Query", "requestStatsByArea"): 50,  # the areas directly in one area
    ("Query", "reportingSummary"): 200,  # communities of a district
    ("Query", "contactLeaders"): 200,
    ("ContactLeader", "communities"): 10,
    ("ContactLeader", "grids"): 10,
    ("Query", "openDemands"): 30,  # one community's
    ("OpenDemand", "matchingUnits"): 10,
    ("MatchingUnit", "resources"): 5,
    ("Query", "unitEvaluations"): 300,  # units of a district in one period
    ("Query", "communityEvaluations"): 300,
    ("UnitEvaluation", "scores"): 10,
    ("CommunityEvaluation", "scores"): 10,
    ("ReverseReport", "members"): 500,
    ("ReverseReportEntry", "wishesClaimed"): 5,  # one member, one period
    ("ReverseReportEntry", "wishesFulfilled"): 5,
}
# The most `first` may ask for, by field; every other `first`: MAX_PAGE.
FIRST_MAX = {"search": MAX_SEARCH}
# Whole-area figures: one walk over an area, whatever they list.
AREA_WEIGHT = 2000
AREA_FIELDS = frozenset(
    {
        "coverageGaps",
        "contactLeaders",
        "reportingSummary",
        "unreportedMembersIn",
        "reverseReport",
        "requestStats",
        "requestStatsByArea",
        "requests",
        "projects",
        "openDemands",
        "unitEvaluations",
        "communityEvaluations",
    }
)


def _int(value: Any, most: int) -> int:
    """An argument as the weight counts it: out-of-range values are refused by the field
    itself (BAD_USER_INPUT), so they weigh as its most."""
    return min(value, most) if isinstance(value, int) and value >= 1 else most


def root_weight(name: str, args: Mapping[str, Any]) -> int:
    """The work a heavy root field does beyond the objects it returns."""
    if name == "neighborhood":  # one statement a ring, each up to 4 x limit rows
        depth = _int(args.get("depth"), MAX_NEIGHBOURHOOD_DEPTH)
        return depth * 4 * _int(args.get("limit"), MAX_NEIGHBOURS)
    if name == "shortestPath":  # a search over up to maxHops rings
        return 500 * _int(args.get("maxHops"), MAX_HOPS)
    if name == "search":  # the index hits, each checked for the viewer
        return 1000
    if name in AREA_FIELDS:
        return AREA_WEIGHT
    return 0


class _Costing:
    """One walk over one operation: its cost, and the arguments it refuses."""

    def __init__(self, context: ValidationContext, variables: Mapping[str, Any]) -> None:
        self.context = context
        self.variables = variables
        self.errors: list[GraphQLError] = []
        self.mutation = False

    def operation(self, operation: OperationDefinitionNode) -> int:
        self.mutation = operation.operation == OperationType.MUTATION
        root = self.context.schema.get_root_type(operation.operation)
        if root is None:
            return 0
        return self.selections(operation.selection_set, root, 1, root=True)

    def selections(
        self,
        selection_set: SelectionSetNode,
        parent: GraphQLNamedType,
        multiplier: int,
        *,
        root: bool = False,
    ) -> int:
        total = 0
        for field, owner in self._fields(selection_set, parent, set()):
            total += self.field(field, owner, multiplier, root)
        return total

    def _fields(
        self, selection_set: SelectionSetNode, parent: GraphQLNamedType, seen: set[str]
    ) -> Iterator[tuple[FieldNode, GraphQLNamedType]]:
        """Every field selected, fragments spread in place (each type condition counted)."""
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                yield selection, parent
            elif isinstance(selection, InlineFragmentNode):
                condition = selection.type_condition
                owner = self.context.schema.get_type(condition.name.value) if condition else parent
                yield from self._fields(selection.selection_set, owner or parent, seen)
            elif isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                fragment = self.context.get_fragment(name)
                if fragment is None or name in seen:
                    continue  # unknown or cyclic: other rules report those
                owner = self.context.schema.get_type(fragment.type_condition.name.value)
                yield from self._fields(fragment.selection_set, owner or parent, seen | {name})

    def field(self, node: FieldNode, owner: GraphQLNamedType, multiplier: int, root: bool) -> int:
        name = node.name.value
        if name.startswith("__") or not isinstance(owner, GraphQLObjectType | GraphQLInterfaceType):
            return 0  # introspection costs nothing here (GraphiQL's schema query)
        definition = owner.fields.get(name)
        if definition is None:
            return 0  # unknown fields are reported by the standard rules
        args = self._arguments(node, definition)
        if self.mutation:
            self._check_text(node, owner, name, args)
        named = get_named_type(definition.type)
        weight = root_weight(name, args) if root else 0
        if is_leaf_type(named) or node.selection_set is None:
            return weight
        size = self._size(node, owner, name, definition, args)
        inside = multiplier * size
        return weight + inside + self.selections(node.selection_set, named, inside)

    def _size(
        self,
        node: FieldNode,
        owner: GraphQLNamedType,
        name: str,
        definition: GraphQLField,
        args: Mapping[str, Any],
    ) -> int:
        if "last" in definition.args:  # a connection: first/after or last/before
            first, last = args.get("first"), args.get("last")
            if self.mutation:
                for argument in ("after", "before"):
                    if isinstance(args.get(argument), str):
                        self._check(node, decode_cursor, args[argument], argument)
            if not self._check(node, one_direction, first, last):
                return MAX_PAGE
            if first is None and last is None:
                return DEFAULT_PAGE
            argument = "first" if last is None else "last"
            return self._count(argument, name, args[argument], MAX_PAGE)
        if "first" in definition.args:
            default = definition.args["first"].default_value
            if name in FIRST_MAX:
                limit = FIRST_MAX[name]
            elif _is_list(definition) and isinstance(default, int):
                limit = default  # a bounded list's `first` defaults to its most
            else:
                limit = MAX_PAGE
            if args.get("first") is None:
                return limit  # null where a number is needed: execution refuses it
            return self._count("first", name, args["first"], limit)
        if owner.name == "Query" and name == "nodes":
            ids = args.get("ids")
            if not isinstance(ids, list):
                return MAX_PAGE  # not given or not a list: the standard rules say so
            return len(ids) if self._check(node, id_count, ids) else MAX_PAGE
        if owner.name.endswith("Connection") and name == "edges":
            return 1  # counted by the connection's `first` or `last`
        if _is_list(definition):
            return LIST_SIZES.get((owner.name, name), UNBOUNDED_LIST)
        return 1

    def _count(self, argument: str, name: str, value: Any, limit: int) -> int:
        """A list size given by `argument`: refused (counted as `limit`) outside 1..limit."""
        if isinstance(value, int) and 1 <= value <= limit:
            return value
        self._refuse(f"`{argument}` of {name} must be between 1 and {limit}", limit)
        return limit

    def _check_text(
        self, node: FieldNode, owner: GraphQLNamedType, name: str, args: Mapping[str, Any]
    ) -> None:
        if owner.name == "Query" and name == "search" and isinstance(args.get("text"), str):
            self._check(node, search_text, args["text"])

    def _check(self, node: FieldNode, check: Callable[..., Any], *values: Any) -> bool:
        """Runs a field's own check of its arguments; its refusal becomes this rule's."""
        try:
            check(*values)
        except UserError as error:
            self.errors.append(GraphQLError(error.message, node, extensions=error.extensions))
            return False
        return True

    def _refuse(self, message: str, limit: int) -> None:
        self.errors.append(
            GraphQLError(message, extensions={"code": BAD_USER_INPUT, "limit": limit})
        )

    def _arguments(self, node: FieldNode, definition: GraphQLField) -> dict[str, Any]:
        given = {arg.name.value: arg.value for arg in node.arguments or ()}
        values: dict[str, Any] = {}
        for name, arg in definition.args.items():
            value = (
                value_from_ast(given[name], arg.type, dict(self.variables))
                if name in given
                else Undefined
            )
            if value is Undefined:  # not given, a variable not sent, or a value that does not
                value = arg.default_value  # fit (other rules and the resolver say so)
            if value is not Undefined:
                values[name] = value
        return values


def _is_list(definition: GraphQLField) -> bool:
    kind = definition.type
    while isinstance(kind, GraphQLNonNull):
        kind = kind.of_type
    return isinstance(kind, GraphQLList)


def cost_rule(variables: Mapping[str, Any], operation_name: str | None, limit: int) -> type:
    """A validation rule for one request: refuses it when its operation costs over `limit`."""

    class CostLimit(ValidationRule):
        def enter_operation_definition(self, node: OperationDefinitionNode, *_: Any) -> None:
            if operation_name is not None and (
                node.name is None or node.name.value != operation_name
            ):
                return  # only the operation that runs
            costing = _Costing(self.context, variables)
            cost = costing.operation(node)
            for error in costing.errors:
                self.report_error(error)
            if cost > limit and not costing.errors:
                self.report_error(
                    GraphQLError(
                        f"this query could return {cost:,} objects; the limit is {limit:,}: "
                        "ask for fewer (smaller `first`, fewer nested lists or aliases)",
                        extensions={"code": TOO_COMPLEX, "cost": cost, "limit": limit},
                    )
                )

    return CostLimit
