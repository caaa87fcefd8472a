"""Every way a statement can be rendered, for the Cypher lint (tests/test_cypher_fidelity.py),
and what the lint checks of a statement as it was sent (partygraph.statement_log)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from partygraph import access as access_rules
from partygraph import vocabulary
from partygraph.access import FULL, MASKED, RENDERINGS, Access
from partygraph.cypher import (
    MAX_HOPS,
    ORDERS,
    depends_on_access,
    render,
    statements,
    template_tokens,
)


def every_rendering() -> Iterator[tuple[str, str]]:
    """(name, text) for every statement and every way it can be filled: what the lint checks.

    Every label, type, hop and direction filling, with full access and with masked personal
    fields; and each scoped access's predicates once, in a carrier statement. A predicate is a
    boolean expression over one variable put in place of `true`, and the fillings touch other
    parts of the text, so these cover every combination without linting their product (the Neo4j
    front end takes seconds over each statement carrying the long scoped predicates)."""
    yield from _predicate_carriers()
    for name in statements():
        tokens = template_tokens(name)
        labels: list[str | None] = [*vocabulary.LABELS] if "__LABEL__" in tokens else [None]
        rels: list[str | None] = [*sorted(vocabulary.REL_TYPES)] if "__REL__" in tokens else [None]
        hops: list[int | None] = [1, MAX_HOPS] if "__HOPS__" in tokens else [None]
        orders: list[str | None] = [*ORDERS] if "__ORDER__" in tokens else [None]
        # Masked property maps are the same whatever the filling: checked with the first.
        masked = depends_on_access(name)
        for label in labels:
            for rel in rels:
                if label and rel and not vocabulary.touches(rel, label):
                    continue  # never rendered: no link of that type reaches that label
                for hop in hops:
                    for order in orders:
                        fillings = (label, rel, hop, order)
                        suffix = "".join(f"[{v}]" for v in fillings if v is not None)
                        for access in (FULL, MASKED) if masked else (FULL,):
                            rendered = render(
                                name, label=label, rel=rel, hops=hop, order=order, access=access
                            )
                            yield name + suffix + _access_suffix(access), rendered
                        masked = False


def _predicate_carriers() -> Iterator[tuple[str, str]]:
    for access in RENDERINGS:
        if access.scoped:
            yield (
                "access_predicates" + _access_suffix(access),
                f"MATCH (x:Entity) WHERE {access_rules.visible(access, 'x')} "
                f"RETURN {access_rules.writable(access, 'x')} AS writable, "
                f"{access_rules.props(access, 'x')} AS props",
            )


def for_lint(name: str, text: str, access: Access, **fillings: Any) -> str:
    """What the lint checks of a statement sent with `access`: for a scoped access, the same
    statement with full access (its predicates are linted on their own, above)."""
    if not access.scoped:
        return text
    return render(name, access=FULL, **fillings)


def _access_suffix(access: Access) -> str:
    if access == FULL:
        return ""
    return f"[{access.reach.value}:{access.scope_label or ''}:{access.personal}]"
