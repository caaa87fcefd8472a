"""Which roles may ask which questions and make which changes.

Rows are scoped in the Cypher (partygraph.access); this decides the operations themselves:
- every mutation needs an office role (admin, district, street, community); units make the
  changes that are theirs (closing requests they answer, evaluating, taking demands, their
  members claiming wishes); `integration` is read-only;
- structural changes (creating and deleting entities, bulk import) and the audit trail are
  the organisation department's (admin);
- whole-area figures (coverage gaps, reporting summaries, request statistics) are answered for
  areas, not for a unit, whose view of an area is partial and would give wrong totals.
"""

from __future__ import annotations

from partygraph.auth import Role
from partygraph.errors import FORBIDDEN, UserError
from partygraph.resolvers.navigation import AppInfo

ADMIN_ONLY = frozenset({Role.ADMIN})
OFFICES = frozenset({Role.ADMIN, Role.DISTRICT, Role.STREET, Role.COMMUNITY})
OFFICES_AND_UNITS = OFFICES | {Role.UNIT}
AREA_FIGURES = OFFICES | {Role.INTEGRATION}


def require(info: AppInfo, allowed: frozenset[Role]) -> None:
    viewer = info.context.viewer
    if viewer is None or viewer.role not in allowed:
        role = viewer.role.value if viewer else "no role"
        needed = ", ".join(sorted(r.value for r in allowed))
        raise UserError(
            f"the {role} role may not do this; it needs one of: {needed}",
            code=FORBIDDEN,
        )
