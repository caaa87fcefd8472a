"""Error messages in the reader's language: Chinese, unless the request prefers English.

Messages are written in English where they are raised (ours, Strawberry's, graphql-core's);
the answer is translated at the edge. The catalogue (partygraph.catalogue) maps English
templates with named placeholders ("no entity with id {id}") to Chinese ones; each is compiled
once into an anchored pattern, so a formatted message yields its values for the Chinese text.
A message without an entry stays English and is logged once, so it can be added.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from starlette.types import Scope

from partygraph.catalogue import WORDS, ZH

log = logging.getLogger("partygraph")

Language = Literal["zh", "en"]
CHINESE: Language = "zh"
ENGLISH: Language = "en"

_PLACEHOLDER = re.compile(r"\{(\w+)\}")
# Matching is linear in the message's length, but a message this long is mostly a value echoed
# back (a whole input object): answered in English.
_LONGEST = 4096
_LOGGED_AT_MOST = 1000
# graphql-core's suggestions (with introspection on) follow any message of its own.
_SUGGESTION = re.compile(r"(.+) Did you mean (.+)\?", re.DOTALL)
# Placeholders that hold a message of their own ("… reading its result failed: {reason}") are
# translated in turn; those that hold one of a few fixed words (catalogue.WORDS) take its
# Chinese. Every other value (an id, a name, what the client sent) is kept exactly as it is.
_NESTED = frozenset({"reason", "problem", "residence"})
_WORD_SLOTS = frozenset({"action", "current", "expected", "kind", "level"})


@dataclass(frozen=True)
class _Entry:
    """An English template cut at its placeholders: literals[0] {names[0]} literals[1] …"""

    literals: tuple[str, ...]
    names: tuple[str, ...]
    chinese: str

    def match(self, message: str) -> dict[str, str] | None:
        """The placeholders' values when `message` is this template filled in, else None.
        Each value is non-empty and ends at the first place the next literal follows (the last
        one at the message's end): str.find only, so the cost stays linear whatever the
        message holds."""
        first, last = self.literals[0], self.literals[-1]
        if not message.startswith(first) or not message.endswith(last):
            return None
        if not self.names:
            return {} if message == first else None
        end = len(message) - len(last)
        at = len(first)
        values: dict[str, str] = {}
        for name, literal in zip(self.names[:-1], self.literals[1:-1], strict=True):
            following = message.find(literal, at + 1, end) if literal else at + 1
            if following < 0:
                return None
            if not self._same(values, name, message[at:following]):
                return None
            at = following + len(literal)
        if at >= end or not self._same(values, self.names[-1], message[at:end]):
            return None
        return values

    @staticmethod
    def _same(values: dict[str, str], name: str, value: str) -> bool:
        # A value named twice ("{to} already lies in {from_}") must be the same value.
        if name in values:
            return values[name] == value
        values[name] = value
        return True


def _cut(english: str, chinese: str) -> _Entry:
    literals: list[str] = []
    names: list[str] = []
    at = 0
    for found in _PLACEHOLDER.finditer(english):
        literals.append(english[at : found.start()])
        names.append(found.group(1))
        at = found.end()
    literals.append(english[at:])
    return _Entry(tuple(literals), tuple(names), chinese)


def _literal_length(english: str) -> int:
    return len(_PLACEHOLDER.sub("", english))


# The most specific template first: "name must not be empty" before "{field} must not be empty".
_ENTRIES = [_cut(english, ZH[english]) for english in sorted(ZH, key=_literal_length, reverse=True)]
# Untranslated messages already logged, so each is logged once.
_untranslated: set[str] = set()


def language(accept_language: str | None) -> Language:
    """The language an Accept-Language header prefers among Chinese and English: English only
    when an `en` range has the highest weight; Chinese for `zh`, `*`, or no header at all."""
    best: tuple[float, Language] | None = None
    for item in (accept_language or "").split(","):
        tag, *params = (part.strip() for part in item.split(";"))
        weight = _weight(params)
        primary = re.split(r"[-_]", tag.lower())[0]  # en-US, and en_US as some clients send
        spoken: Language | None = (
            ENGLISH if primary == "en" else CHINESE if primary in ("zh", "*") else None
        )
        if spoken is None or weight <= 0:
            continue
        if best is None or weight > best[0]:  # the first of equal weights wins
            best = (weight, spoken)
    return best[1] if best else CHINESE


def _weight(params: Iterable[str]) -> float:
    for param in params:
        key, _, value = param.partition("=")
        if key.strip().lower() == "q":
            try:
                weight = float(value.strip())
            except ValueError:
                return 0.0  # a malformed weight: the range is not counted
            return weight if 0.0 <= weight <= 1.0 else 0.0  # nan and inf are malformed too
    return 1.0


def language_of(scope: Scope) -> Language:
    """The language of an ASGI request, from its Accept-Language header."""
    headers: Mapping[bytes, bytes] = dict(scope.get("headers", []))
    header = headers.get(b"accept-language")
    return language(header.decode("latin-1") if header is not None else None)


def translated(message: str, to: Language) -> str:
    """The message in `to`; English text is returned as it is."""
    if to == ENGLISH:
        return message
    chinese = _chinese(message)
    if chinese is None:
        if message not in _untranslated and len(_untranslated) < _LOGGED_AT_MOST:
            _untranslated.add(message)
            log.warning("untranslated error message: %s", message)
        return message
    return chinese


def _chinese(message: str) -> str | None:
    if len(message) > _LONGEST:
        return None
    for entry in _ENTRIES:
        found = entry.match(message)
        if found is not None:
            values = {name: _value(name, value) for name, value in found.items()}
            return entry.chinese.format(**values)
    suggested = _SUGGESTION.fullmatch(message)
    if suggested is not None:
        chinese = _chinese(suggested.group(1))
        if chinese is not None:
            return f"{chinese}是否想用 {_or_list(suggested.group(2))}？"
    return None


def _or_list(names: str) -> str:
    """graphql-core's "'a', 'b', or 'c'" as "'a'、'b' 或 'c'"."""
    return names.replace(", or ", " 或 ").replace(" or ", " 或 ").replace(", ", "、")


def _value(name: str, value: str) -> str:
    """The value of placeholder `name` for the Chinese text (_NESTED, _WORD_SLOTS)."""
    if name in _WORD_SLOTS:
        return WORDS.get(value, value)
    if name in _NESTED:
        return _chinese(value) or value
    return value


def translate_errors(errors: Any, to: Language) -> None:
    """Translates the `message` of each error of a response body in place; all else stays."""
    if to == ENGLISH or not isinstance(errors, list):
        return
    for error in errors:
        if isinstance(error, dict) and isinstance(error.get("message"), str):
            error["message"] = translated(error["message"], to)
