"""What a GraphQL request body may hold, beyond being JSON: refusals answer HTTP 400.

JSON as RFC 8259 has it (Python's json would read NaN, Infinity and numbers beyond a double,
such as 1e999, as non-finite floats, which no property may hold); an object or a batch, not a
bare value; Unicode text throughout (a lone surrogate cannot be sent on to the graph).
"""

from __future__ import annotations

import json
import math
import re
from typing import Any, NoReturn

from cross_web import HTTPException


def decode(data: str | bytes) -> object:
    return json.loads(data, parse_constant=_non_finite, parse_float=_finite_float)


def checked(parsed: Any) -> Any:
    if not isinstance(parsed, dict | list):
        raise HTTPException(400, f"expected a JSON object, not {_JSON_KINDS[type(parsed)]}")
    surrogate = _lone_surrogate(parsed)
    if surrogate is not None:
        raise HTTPException(
            400, f"the request holds a lone surrogate ({surrogate}), which is not Unicode text"
        )
    return parsed


def _non_finite(word: str) -> NoReturn:
    raise HTTPException(400, f"{word} is not JSON: numbers must be finite")


def _finite_float(text: str) -> float:
    number = float(text)
    if not math.isfinite(number):
        raise HTTPException(400, f"{text} is too large for a number: numbers must be finite")
    return number


_JSON_KINDS: dict[type, str] = {
    str: "a string",
    int: "a number",
    float: "a number",
    bool: "a boolean",
    type(None): "null",
}
_SURROGATE = re.compile("[\ud800-\udfff]")


def _lone_surrogate(value: object) -> str | None:
    """The first lone surrogate in the strings (keys too) of decoded JSON, escaped, or None."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            found = _SURROGATE.search(item)
            if found is not None:
                return f"\\u{ord(found.group()):04x}"
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return None
