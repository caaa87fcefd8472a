"""The property enums (partygraph.enums) as GraphQL enums: value names in English,
descriptions in Chinese."""

from __future__ import annotations

import enum

import strawberry

from partygraph.enums import ENUMS


def _described(enum_type: type[enum.Enum]) -> type[enum.Enum]:
    listing = "；".join(f"{member.name} {member.value}" for member in enum_type)
    return strawberry.enum(enum_type, description=listing)


for _enum in ENUMS:
    _described(_enum)
