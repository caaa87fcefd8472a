"""One direction of flow: HTTP (app, and the command line beside it) → GraphQL layer (schema)
→ service layer (service) → the core (Graph, statements, errors, properties…). A module may
import its own layer and those below it, never one above: read from `ast`, so an import inside
a function or under TYPE_CHECKING counts too."""

from __future__ import annotations

import ast
from pathlib import Path

import partygraph

PACKAGE = Path(partygraph.__file__).parent
# Highest first; a module in none of these is core.
LAYERS = (
    ("edge", ("partygraph.app", "partygraph.cli", "partygraph.published", "partygraph.__main__")),
    ("graphql", ("partygraph.schema",)),
    ("service", ("partygraph.service",)),
)
RANK = {name: rank for rank, (name, _) in enumerate(LAYERS)} | {"core": len(LAYERS)}


def layer(module: str) -> str:
    for name, prefixes in LAYERS:
        if any(module == p or module.startswith(p + ".") for p in prefixes):
            return name
    return "core"


def module_of(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            # `from partygraph import schema` imports the module partygraph.schema (a name
            # that is no module, as in `from partygraph.errors import UserError`, ranks as its
            # module does)
            found |= {f"{node.module}.{alias.name}" for alias in node.names}
    return {name for name in found if name.split(".")[0] == "partygraph"}


def test_no_module_imports_a_layer_above_its_own() -> None:
    upward = []
    for path in sorted(PACKAGE.rglob("*.py")):
        module = module_of(path)
        for target in sorted(imported(path)):
            if RANK[layer(target)] < RANK[layer(module)]:
                upward.append(f"{module} ({layer(module)}) imports {target} ({layer(target)})")
    assert not upward, "\n".join(upward)


def test_the_layers_hold_the_modules_they_name() -> None:
    # A renamed package would make the test above pass by checking nothing.
    modules = {module_of(path) for path in PACKAGE.rglob("*.py")}
    for _, prefixes in LAYERS:
        for prefix in prefixes:
            assert any(m == prefix or m.startswith(prefix + ".") for m in modules), prefix
    assert {layer(m) for m in modules} == set(RANK)


GRAPH_METHODS = {"read", "run", "one", "value", "write", "transaction"}


def graph_calls(path: Path) -> list[str]:
    """Calls of Graph's (or a transaction's) statement methods: `….graph.read(…)`, `tx.run(…)`."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            receiver = ast.unparse(node.func.value)
            if node.func.attr in GRAPH_METHODS and receiver.split(".")[-1] in {"graph", "tx"}:
                found.append(f"{path.name}:{node.lineno} {ast.unparse(node.func)}")
    return found


def test_the_graphql_layer_sends_no_statement_itself() -> None:
    # Its fields call the service layer's operations, which check, then send statements.
    sent = [
        call for path in sorted((PACKAGE / "schema").glob("*.py")) for call in graph_calls(path)
    ]
    assert not sent, "\n".join(sent)
    # The check sees calls where they are made: the service layer makes them.
    assert graph_calls(PACKAGE / "service" / "entities.py")
