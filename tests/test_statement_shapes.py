"""Each statement is sent by the Graph method of the result shape its header declares
(partygraph/cypher: `NAME` rows, `NAME^` one row, `NAME$` one value). Graph refuses a mismatch
when the statement is sent; this finds every call with a literal name without sending it."""

from __future__ import annotations

import ast
from pathlib import Path

import partygraph
from partygraph import cypher
from partygraph.cypher import Shape

METHODS = {"read": Shape.ROWS, "write": Shape.ROWS, "run": Shape.ROWS}
METHODS |= {"one": Shape.ONE, "value": Shape.VALUE}


def calls() -> list[tuple[str, str, str]]:
    """(where, method, statement) of every call of a Graph or Tx method with a literal name."""
    found = []
    names = cypher.statements()
    for path in sorted(Path(partygraph.__file__).parent.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in METHODS
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and node.args[0].value in names
            ):
                found.append((f"{path.name}:{node.lineno}", node.func.attr, node.args[0].value))
    return found


def test_every_statement_is_sent_as_the_shape_it_declares() -> None:
    found = calls()
    assert len(found) > 30  # the walk finds the calls
    wrong = [
        f"{where}: {method}({name!r}) but {name} returns {cypher.shapes()[name].name.lower()}"
        for where, method, name in found
        if cypher.shapes()[name] is not METHODS[method]
    ]
    assert not wrong, "\n".join(wrong)


def test_the_single_results_are_declared() -> None:
    shapes = cypher.shapes()
    assert shapes["ping"] is Shape.VALUE and shapes["requests_stats"] is Shape.ONE
    assert {name for name, shape in shapes.items() if shape is not Shape.ROWS} >= {
        "audit_count",
        "count_by_label",
        "label_of",
        "shortest_path",
        "link_delete",
    }
