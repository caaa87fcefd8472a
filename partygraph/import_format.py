"""The import format as JSON Schema (draft 2020-12), for integrators: derived from the same
declarations the importer and the mutations check against (partygraph.vocabulary for labels and
types, partygraph.properties for each property's type, partygraph.ids for ids), so it cannot
say something the importer does not.

It states what one line may hold. What needs more than one line, or the graph, it cannot: that
a relationship's ends exist with labels the vocabulary lets it join, that an id keeps its label,
that `IN` makes no cycle. The importer checks those and names the line.
"""

from __future__ import annotations

from typing import Any

from partygraph import ids, properties, vocabulary
from partygraph.properties import Kind, Prop

DRAFT = "https://json-schema.org/draft/2020-12/schema"
# A pattern for "no surrounding spaces" (ids.SPACES), with at least one character.
_EDGE = "[^" + "".join(f"\\u{ord(c):04x}" for c in ids.SPACES) + "]"
ID = {
    "type": "string",
    "minLength": 1,
    "maxLength": ids.MAX_ID_LENGTH,
    "pattern": f"^{_EDGE}([\\s\\S]*{_EDGE})?$",
}
TEXT = {"type": "string", "maxLength": properties.MAX_TEXT}
# A number the graph can hold: a whole number within 64 bits, or one with a fraction.
NUMBER = {
    "anyOf": [
        {"type": "integer", "minimum": properties.INT_MIN, "maximum": properties.INT_MAX},
        {"type": "number", "not": {"type": "integer"}},
    ]
}


def _typed(prop: Prop) -> dict[str, Any]:
    """One declared property; null is allowed for each (it removes the property)."""
    kind = prop.kind
    if kind is Kind.ENUM:
        assert prop.enum is not None
        return {"enum": [*prop.enum.__members__, None]}
    shape: dict[str, Any]
    if kind is Kind.STRING:
        shape = dict(TEXT)
    elif kind is Kind.PERIOD:
        shape = {"type": "string", "pattern": properties.PERIOD.pattern}
    elif kind is Kind.DATE:
        shape = {"type": "string", "format": "date"}
    elif kind is Kind.DATETIME:  # ISO 8601; without an offset it means UTC (not RFC 3339's)
        shape = {"type": "string", "description": "ISO 8601 date and time; no offset: UTC"}
    elif kind is Kind.BOOL:
        shape = {"type": "boolean"}
    else:
        shape = {"type": "integer" if kind is Kind.INT else "number"}
        low = properties.INT_MIN if prop.low is None and kind is Kind.INT else prop.low
        high = properties.INT_MAX if prop.high is None and kind is Kind.INT else prop.high
        shape |= {k: v for k, v in (("minimum", low), ("maximum", high)) if v is not None}
    shape["type"] = [shape["type"], "null"]
    return shape


# An undeclared property: null, a scalar, or a list of scalars of one type.
UNDECLARED = {
    "description": (
        "null, text, a finite number, a boolean, or a list of one of those; whole numbers "
        "within 64 bits, and a list's numbers all whole or all not"
    ),
    "anyOf": [
        {"type": "null"},
        NUMBER,
        {"type": "boolean"},
        TEXT,
        {"type": "array", "items": TEXT},
        {"type": "array", "items": NUMBER},
        {"type": "array", "items": {"type": "boolean"}},
    ],
}


def _properties(declared: dict[str, Prop]) -> dict[str, Any]:
    return {
        "type": ["object", "null"],
        "properties": {name: _typed(prop) for name, prop in declared.items()},
        "propertyNames": {"maxLength": properties.MAX_TEXT, "not": {"const": "id"}},
        "additionalProperties": {"$ref": "#/$defs/undeclared"},
    }


def _node(label: str) -> dict[str, Any]:
    return {
        "if": {"properties": {"type": {"const": "node"}, "label": {"const": label}}},
        "then": {
            "title": f"{label}（{vocabulary.LABELS[label]}）",
            "properties": {
                "properties": _properties(properties.NODE_PROPERTIES.get(label, {})),
            },
        },
    }


def _relationship(rel: str) -> dict[str, Any]:
    ends = sorted({f"{link.source}->{link.target}" for link in vocabulary.LINKS if link.rel == rel})
    keys = properties.REL_KEYS.get(rel, ())
    props = _properties(properties.REL_PROPERTIES.get(rel, {}))
    if keys:  # the property that tells two of this type between one pair apart
        props = {**props, "type": "object", "required": list(keys)}
        for key in keys:
            props["properties"][key] = {**props["properties"][key]}
            props["properties"][key].pop("type", None)
            props["properties"][key]["not"] = {"type": "null"}
    return {
        "if": {"properties": {"type": {"const": "relationship"}, "rel": {"const": rel}}},
        "then": {
            "title": rel,
            "description": "joins " + ", ".join(ends),
            "properties": {"properties": props},
            "required": ["properties"] if keys else [],
        },
    }


NODE = {
    "properties": {
        "label": {"enum": list(vocabulary.LABELS)},
        "id": {"$ref": "#/$defs/id"},
    },
    "required": ["label", "id"],
}
RELATIONSHIP = {
    "properties": {
        "rel": {"enum": sorted(vocabulary.REL_TYPES)},
        "from": {"$ref": "#/$defs/id"},
        "to": {"$ref": "#/$defs/id"},
    },
    "required": ["rel", "from", "to"],
}


def json_schema() -> dict[str, Any]:
    """One line of an import file (JSON Lines, UTF-8). `type` says which kind of record, and
    `label` or `rel` which declarations its properties follow (if/then, so a validator names
    the one property that is wrong rather than every alternative)."""
    return {
        "$schema": DRAFT,
        "$id": "https://partygraph.example/import-record.schema.json",
        "title": "partygraph import record",
        "description": (
            "One line of a partygraph import file. Relationships name their ends by id; the "
            "importer also checks what one line cannot show (ends exist, the vocabulary "
            "allows the labels they join, an id keeps its label, no IN cycle) and reports "
            "the line number."
        ),
        "$defs": {"id": ID, "undeclared": UNDECLARED},
        "type": "object",
        "properties": {"type": {"enum": ["node", "relationship"]}},
        "required": ["type"],
        "allOf": [
            {"if": {"properties": {"type": {"const": "node"}}}, "then": NODE},
            {"if": {"properties": {"type": {"const": "relationship"}}}, "then": RELATIONSHIP},
            *(_node(label) for label in vocabulary.LABELS),
            *(_relationship(rel) for rel in sorted(vocabulary.REL_TYPES)),
        ],
    }
