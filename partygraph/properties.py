"""The properties each label and relationship type carries and their types (the enums they
take are partygraph.enums).

One declaration serves the importer (check and convert values, with line numbers), the
mutations (validate input) and the GraphQL types (enums with Chinese descriptions). Properties
not declared here are kept as given (other systems may carry fields of their own), but a
declared one must have its declared type.
"""

from __future__ import annotations

import datetime as dt
import enum
import math
import re
from dataclasses import dataclass
from typing import Any

from partygraph.enums import (
    ActivityType,
    AllianceKind,
    DemandStatus,
    GridArea,
    GridKind,
    GridLevel,
    OrganizationType,
    ProjectCategory,
    ProjectStatus,
    Rank,
    RequestCategory,
    RequestStatus,
    ResourceCategory,
    SeatRole,
    ServeRole,
    TeamKind,
    UnitCategory,
    UnitLevel,
    WishStatus,
)

PERIOD = re.compile(r"^\d{4}(-H[12]|-Q[1-4]|-(0[1-9]|1[0-2]))?$")  # 2024, 2024-H1, 2024-Q3, 2024-05


class Kind(enum.Enum):
    STRING = "string"
    INT = "int"
    FLOAT = "float"
    BOOL = "bool"
    DATE = "date"
    DATETIME = "datetime"
    PERIOD = "period"
    ENUM = "enum"


@dataclass(frozen=True)
class Prop:
    kind: Kind
    enum: type[enum.Enum] | None = None
    personal: bool = False  # masked for roles that may not see personal data
    low: float | None = None
    high: float | None = None


def _e(enum_type: type[enum.Enum]) -> Prop:
    return Prop(Kind.ENUM, enum_type)


S, B = Prop(Kind.STRING), Prop(Kind.BOOL)
D, T, P = Prop(Kind.DATE), Prop(Kind.DATETIME), Prop(Kind.PERIOD)
PERSONAL = Prop(Kind.STRING, personal=True)

NODE_PROPERTIES: dict[str, dict[str, Prop]] = {
    "District": {"name": S, "code": S},
    "Street": {"name": S, "code": S},
    "Community": {"name": S, "households": Prop(Kind.INT, low=0), "area": _e(GridArea)},
    "Grid": {"name": S, "level": _e(GridLevel), "kind": _e(GridKind), "area": _e(GridArea)},
    "PartyOrganization": {"name": S, "type": _e(OrganizationType)},
    "Alliance": {"name": S, "kind": _e(AllianceKind)},
    "Unit": {"name": S, "category": _e(UnitCategory), "level": _e(UnitLevel)},
    "Person": {
        "name": S,
        "partyMember": B,
        "cadre": B,
        "rank": _e(Rank),
        "gender": S,
        "phone": PERSONAL,
        "idNumber": PERSONAL,
        "address": PERSONAL,
        "birthDate": Prop(Kind.DATE, personal=True),
    },
    "Project": {
        "name": S,
        "category": _e(ProjectCategory),
        "status": _e(ProjectStatus),
        "startDate": D,
        "endDate": D,
        "budget": Prop(Kind.FLOAT, low=0),
    },
    "VolunteerTeam": {"name": S, "kind": _e(TeamKind)},
    "Wish": {"name": S, "status": _e(WishStatus), "createdOn": D, "content": S},
    "Demand": {
        "name": S,
        "category": _e(ResourceCategory),
        "status": _e(DemandStatus),
        "createdOn": D,
    },
    "Resource": {"name": S, "category": _e(ResourceCategory), "description": S},
    "Request": {
        "name": S,
        "category": _e(RequestCategory),
        "status": _e(RequestStatus),
        "description": S,
        "raisedAt": T,
        "dueAt": T,
        "closedAt": T,
        "returnedAt": T,
        "returnReason": S,
        "level": Prop(Kind.INT, low=0, high=3),
        "satisfaction": Prop(Kind.INT, low=1, high=5),
    },
    "Evaluation": {"name": S, "period": P, "score": Prop(Kind.FLOAT, low=0, high=100)},
    "Activity": {"name": S, "type": _e(ActivityType), "date": D, "hours": Prop(Kind.FLOAT, low=0)},
}

REL_PROPERTIES: dict[str, dict[str, Prop]] = {
    "PAIRED_WITH": {"since": D},
    "REPORTED_TO": {"on": D},
    "CONTACTS": {"since": D},
    "SERVES": {"role": _e(ServeRole)},
    "SITS_ON": {"role": _e(SeatRole)},
    "CLAIMED": {"on": D, "fulfilledOn": D},
    "ESCALATED_TO": {"level": Prop(Kind.INT, low=1, high=3), "at": T},
    "EVALUATED": {"period": P, "score": Prop(Kind.FLOAT, low=0, high=100)},
    "ATTENDED": {"hours": Prop(Kind.FLOAT, low=0)},
    "TOOK": {"on": D},
}

# Relationship types of which two nodes may hold several, told apart by one property: a
# community evaluates the same unit once per period; one person may hold two of a building
# grid's roles (楼栋长 and 党小组长).
REL_KEYS: dict[str, tuple[str, ...]] = {"EVALUATED": ("period",), "SERVES": ("role",)}


_SCALARS = (str, int, float, bool)
# The graph's integers are 64-bit: the driver refuses to send a larger whole number.
INT_MIN, INT_MAX = -(2**63), 2**63 - 1


def _scalar(value: Any) -> bool:
    if isinstance(value, int) and not isinstance(value, bool):
        return INT_MIN <= value <= INT_MAX
    return isinstance(value, _SCALARS)


class PropertyError(ValueError):
    """A value does not fit its declared property."""


# Characters in any one string a property holds, a list's strings too: caps what a request
# or an import line can store.
MAX_TEXT = 2000
# A lone surrogate (a JSON escape like "\ud800" decodes to one) is not Unicode text: the
# driver cannot send it as UTF-8.
_SURROGATE = re.compile("[\ud800-\udfff]")


def check_text(value: str, name: str, limit: int = MAX_TEXT) -> str:
    """Any Unicode text (line separators, NUL and emoji included) of at most `limit` characters."""
    if len(value) > limit:
        raise PropertyError(f"{name} is longer than {limit} characters")
    if value.isascii():  # the common case, and no surrogate can hide in it
        return value
    surrogate = _SURROGATE.search(value)
    if surrogate is not None:
        code = f"\\u{ord(surrogate.group()):04x}"
        raise PropertyError(f"{name} holds a lone surrogate ({code}), which is not Unicode text")
    return value


def _finite(value: float, name: str) -> float:
    # NaN and Infinity are no JSON; stored, they would make answers and exports invalid JSON.
    if not math.isfinite(value):
        raise PropertyError(f"{name} must be a finite number, not {value}")
    return value


def check_storable(value: Any, name: str) -> Any:
    """`value` if a graph property can hold it: null, a scalar (text as `check_text` allows, a
    finite number, a whole number within 64 bits) or a list of scalars of one type."""
    kind = type(value)
    if kind is str:  # fast paths for what nearly every property holds
        return check_text(value, name)
    if value is None or kind is bool or (kind is int and INT_MIN <= value <= INT_MAX):
        return value
    items = value if isinstance(value, list) else [value]
    for item in items:
        if isinstance(item, str):
            check_text(item, name)
        elif isinstance(item, float):
            _finite(item, name)
    if not all(_scalar(item) for item in items) or len({type(item) for item in items}) > 1:
        raise PropertyError(
            f"{name} must be a string, number, boolean, null or a list of one of those"
        )
    return value


def check_object(value: Any, what: str = "properties") -> dict[str, Any]:
    """The properties an import line or a GraphQL input gives for one entity or relationship,
    checked alike for both: a JSON object (null for none) of storable values under property
    names, without `id` (the entity's id is given beside them)."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise PropertyError(f"{what} must be a JSON object")
    for key, item in value.items():
        if key == "id":
            raise PropertyError(f"{what} may not contain 'id': the id is given beside them")
        check_text(key, "a property name")
        check_storable(item, f"property {key!r}")
    return value


def _date(value: Any, name: str) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise PropertyError(f"{name} must be a date like 2024-05-01, not {value!r}")


def _datetime(value: Any, name: str) -> dt.datetime:
    if isinstance(value, dt.datetime):
        moment = value
    elif isinstance(value, str):
        try:
            moment = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError as exc:
            raise PropertyError(
                f"{name} must be a date-time like 2024-05-01T08:30:00+08:00, not {value!r}"
            ) from exc
    else:
        raise PropertyError(f"{name} must be a date-time string, not {value!r}")
    return kept_instant(moment, name)


def kept_instant(moment: dt.datetime, name: str) -> dt.datetime:
    """An instant as the graph keeps it: with the offset it was given (Neo4j stores and returns
    it; ArcadeDB returns the same instant in UTC); naive means UTC."""
    as_utc(moment, name)  # refused when it does not fit the years 1 to 9999 in UTC
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)


def as_utc(moment: dt.datetime, name: str) -> dt.datetime:
    """The instant in UTC, for comparing; naive means UTC."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=dt.UTC)
    try:
        return moment.astimezone(dt.UTC)
    except OverflowError:  # e.g. 0001-01-01T00:00+08:00 falls before year 1 in UTC
        raise PropertyError(f"{name} lies outside the years 1 to 9999 in UTC") from None


def coerce(prop: Prop, name: str, value: Any) -> Any:
    """`value` as the graph stores it, or PropertyError saying what is wrong."""
    if value is None:
        return None
    kind = prop.kind
    if kind in (Kind.STRING, Kind.PERIOD):
        if not isinstance(value, str):
            raise PropertyError(f"{name} must be a string, not {value!r}")
        if kind is Kind.PERIOD and not PERIOD.match(value):
            raise PropertyError(f"{name} must be a period like 2024, 2024-H1, 2024-Q2 or 2024-05")
        return check_text(value, name)
    if kind is Kind.BOOL:
        if not isinstance(value, bool):
            raise PropertyError(f"{name} must be true or false, not {value!r}")
        return value
    if kind in (Kind.INT, Kind.FLOAT):
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise PropertyError(f"{name} must be a number, not {value!r}")
        if isinstance(value, float):
            _finite(value, name)  # NaN would pass every range check below
        if isinstance(value, float) and kind is Kind.INT and not value.is_integer():
            raise PropertyError(f"{name} must be a whole number, not {value!r}")
        if (kind is Kind.INT or isinstance(value, int)) and not INT_MIN <= value <= INT_MAX:
            raise PropertyError(f"{name} must lie between {INT_MIN} and {INT_MAX}")
        number = int(value) if kind is Kind.INT else float(value)
        if (prop.low is not None and number < prop.low) or (
            prop.high is not None and number > prop.high
        ):
            raise PropertyError(f"{name} must be between {prop.low} and {prop.high}")
        return number
    if kind is Kind.DATE:
        return _date(value, name)
    if kind is Kind.DATETIME:
        return _datetime(value, name)
    assert prop.enum is not None
    if isinstance(value, prop.enum):
        return value.name
    if not isinstance(value, str) or value not in prop.enum.__members__:
        allowed = ", ".join(prop.enum.__members__)
        raise PropertyError(f"{name} must be one of {allowed}, not {value!r}")
    return value


def coerce_all(declared: dict[str, Prop], values: dict[str, Any]) -> dict[str, Any]:
    """Declared properties converted; undeclared ones kept as they are."""
    return {
        key: coerce(declared[key], key, value) if key in declared else value
        for key, value in values.items()
    }


def node_props(label: str, values: dict[str, Any]) -> dict[str, Any]:
    return coerce_all(NODE_PROPERTIES.get(label, {}), values)


def rel_props(rel: str, values: dict[str, Any]) -> dict[str, Any]:
    return coerce_all(REL_PROPERTIES.get(rel, {}), values)


def property_keys() -> list[str]:
    keys = {"id"} | {k for props in NODE_PROPERTIES.values() for k in props}
    return sorted(keys | {k for props in REL_PROPERTIES.values() for k in props})
