"""Every Cypher statement the service sends, loaded by name from the *.cypher files here.

A file holds statements each headed by `// name: NAME`, in the manner of aiosql: the file is a
namespace of statements, and a mark after the name says the shape of the result, which the
Graph method that sends it must match (partygraph.db):

    // name: NAME     rows, any number             Graph.read, Graph.write, Tx.run
    // name: NAME^    one row, or none             Graph.one, Tx.one
    // name: NAME$    one value (the one column of the one row; None without a row)
                                                   Graph.value, Tx.value

`partygraph/cypher/names.py`, generated from the files, lists every name as a `Literal`, so
mypy refuses a name no file defines. A few statements are templates: the tokens
`__LABEL__` and `__REL__` stand for a label or relationship type, `__HOPS__` for a hop
bound and `__ORDER__` for a sort direction (ASC or DESC: a connection's page statement reads
forward or backward from its cursor), which Cypher cannot take as parameters. `render` fills
them only with names from the vocabulary, bounded integers and the two directions, never with
user text.

Statements also carry the viewer's access (partygraph.access): `__VISIBLE(x)__` and
`__WRITABLE(x)__` become the predicates of what the viewer may read or change, `__PROPS(x)__`
the node's properties with personal fields masked where the viewer may not read them.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from partygraph import access as access_rules
from partygraph import vocabulary
from partygraph.access import FULL, Access

_HEADER = re.compile(r"^// name: (\w+)([$^]?)\s*$", re.MULTILINE)
_TOKENS = ("__LABEL__", "__REL__", "__HOPS__", "__ORDER__")
ORDERS = ("ASC", "DESC")
_ACCESS_MARK = re.compile(r"__(VISIBLE|WRITABLE|PROPS)\((\w+)\)__")
_ACCESS_RULES = {
    "VISIBLE": access_rules.visible,
    "WRITABLE": access_rules.writable,
    "PROPS": access_rules.props,
}
MAX_HOPS = 12


class Shape(enum.Enum):
    ROWS = ""
    ONE = "^"
    VALUE = "$"


@dataclass(frozen=True)
class _Statement:
    file: str  # the stem of its file, e.g. "navigation"
    shape: Shape
    text: str  # as written (templates unfilled)


@lru_cache(maxsize=1)
def _loaded() -> dict[str, _Statement]:
    """Every statement of the *.cypher files here, by name, in file order: read once."""
    found: dict[str, _Statement] = {}
    for path in sorted(Path(__file__).parent.glob("*.cypher")):
        parts = _HEADER.split(path.read_text(encoding="utf-8"))
        for name, mark, body in zip(parts[1::3], parts[2::3], parts[3::3], strict=True):
            if name in found:
                raise ValueError(f"statement {name} is defined twice ({path.name})")
            found[name] = _Statement(path.stem, Shape(mark), body.strip().rstrip(";"))
    return found


@lru_cache(maxsize=1)
def files() -> dict[str, list[str]]:
    """The names of the statements of each file (by its stem, e.g. "navigation"), in order."""
    found: dict[str, list[str]] = {}
    for name, statement in _loaded().items():
        found.setdefault(statement.file, []).append(name)
    return found


@lru_cache(maxsize=1)
def shapes() -> dict[str, Shape]:
    """The declared result shape of every statement, by name."""
    return {name: statement.shape for name, statement in _loaded().items()}


def check_shape(name: str, sent_as: Shape) -> None:
    """A statement must be sent by the method of the shape its header declares."""
    declared = shapes()[name]
    if declared is not sent_as:
        raise ValueError(
            f"statement {name} returns {declared.name.lower()}, not {sent_as.name.lower()}"
        )


@lru_cache(maxsize=1)
def statements() -> dict[str, str]:
    """All statements by name, as written in the files (templates unfilled)."""
    return {name: statement.text for name, statement in _loaded().items()}


def with_access(name: str, access: Access) -> str:
    """The statement `name` with the predicates and property maps of `access` in place and its
    template tokens as written: what a viewer's statement is before a label or type fills it."""
    return _ACCESS_MARK.sub(
        lambda mark: _ACCESS_RULES[mark.group(1)](access, mark.group(2)), statements()[name]
    )


def template_tokens(name: str) -> set[str]:
    text = statements()[name]
    return {token for token in _TOKENS if token in text}


def depends_on_access(name: str) -> bool:
    return bool(_ACCESS_MARK.search(statements()[name]))


@lru_cache(maxsize=4096)
def render(
    name: str,
    *,
    label: str | None = None,
    rel: str | None = None,
    hops: int | None = None,
    order: str | None = None,
    access: Access = FULL,
) -> str:
    """The statement `name` with its template tokens filled; each value is checked first."""
    text = with_access(name, access)
    needed = template_tokens(name)
    given = {"__LABEL__": label, "__REL__": rel, "__HOPS__": hops, "__ORDER__": order}
    for token, value in given.items():
        if (token in needed) != (value is not None):
            state = "missing" if value is None else "unused"
            raise ValueError(f"statement {name}: {token} {state}")
    if label is not None:
        if not vocabulary.is_label(label):
            raise ValueError(f"not a label of the vocabulary: {label!r}")
        text = text.replace("__LABEL__", label)
    if rel is not None:
        if not vocabulary.is_rel_type(rel):
            raise ValueError(f"not a relationship type of the vocabulary: {rel!r}")
        text = text.replace("__REL__", rel)
    if hops is not None:
        if not 1 <= hops <= MAX_HOPS:
            raise ValueError(f"hop bound out of range 1..{MAX_HOPS}: {hops}")
        text = text.replace("__HOPS__", str(int(hops)))
    if order is not None:
        if order not in ORDERS:
            raise ValueError(f"not a sort direction: {order!r}")
        text = text.replace("__ORDER__", order)
    return text


def names_module() -> str:
    """The text of partygraph/cypher/names.py: every statement's name as a Literal (written by
    tests/test_golden_cypher.py, which checks it is current)."""
    names = "".join(f'    "{name}",\n' for name in sorted(statements()))
    return (
        '"""Every statement name, generated from partygraph/cypher/*.cypher by\n'
        'tests/test_golden_cypher.py (PARTYGRAPH_WRITE_GOLDEN=1): do not edit."""\n\n'
        "from typing import Literal\n\n"
        f"Statement = Literal[\n{names}]\n"
    )
