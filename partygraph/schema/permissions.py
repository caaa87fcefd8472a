"""Which roles may ask which questions and make which changes: Strawberry permissions, shown in
the schema as directives on the fields they guard (`@offices`, `@adminOnly`…).

Rows are scoped in the Cypher (partygraph.access); these decide the operations themselves:
- every mutation needs an office role (admin, district, street, community); units make the
  changes that are theirs (closing requests they answer, evaluating, taking demands, their
  members claiming wishes); `integration` is read-only;
- structural changes (creating and deleting entities, bulk import) and the audit trail are
  the organisation department's (admin);
- whole-area figures (coverage gaps, reporting summaries, request statistics) are answered for
  areas, not for a unit, whose view of an area is partial and would give wrong totals.

A refusal says which role asked and which would do (FORBIDDEN): raised from `has_permission`,
as Strawberry's `on_unauthorized` cannot know the viewer. Mutations keep their audit entry for a
refusal too: the audit extension (schema.audit) is added last, so it wraps this one.
"""

from __future__ import annotations

from typing import Any, ClassVar

from strawberry.extensions.field_extension import FieldExtension
from strawberry.permission import BasePermission, PermissionExtension
from strawberry.schema_directive import Location, StrawberrySchemaDirective

from partygraph.auth import Role
from partygraph.errors import FORBIDDEN, UserError
from partygraph.schema.info import AppInfo

ADMIN_ONLY = frozenset({Role.ADMIN})
OFFICES = frozenset({Role.ADMIN, Role.DISTRICT, Role.STREET, Role.COMMUNITY})
OFFICES_AND_UNITS = OFFICES | {Role.UNIT}
AREA_FIGURES = OFFICES | {Role.INTEGRATION}


def _directive(name: str, allowed: frozenset[Role]) -> object:
    roles = ", ".join(sorted(role.value for role in allowed))

    class Directive:
        __strawberry_directive__ = StrawberrySchemaDirective(
            python_name=name,
            graphql_name=name,
            locations=[Location.FIELD_DEFINITION],
            fields=[],
            description=f"仅限这些角色：{roles}（其他角色得到 FORBIDDEN）",
        )

    return Directive()


class _Roles(BasePermission):
    allowed: ClassVar[frozenset[Role]]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        # The directive is the class's name in lower camel case: AdminOnly -> @adminOnly.
        cls._schema_directive = _directive(cls.__name__[0].lower() + cls.__name__[1:], cls.allowed)

    def has_permission(self, source: Any, info: AppInfo, **kwargs: Any) -> bool:
        viewer = info.context.viewer
        if viewer is None or viewer.role not in self.allowed:
            role = viewer.role.value if viewer else "no role"
            needed = ", ".join(sorted(r.value for r in self.allowed))
            raise UserError(
                f"the {role} role may not do this; it needs one of: {needed}",
                code=FORBIDDEN,
            )
        return True


class AdminOnly(_Roles):
    allowed = ADMIN_ONLY


class Offices(_Roles):
    allowed = OFFICES


class OfficesAndUnits(_Roles):
    allowed = OFFICES_AND_UNITS


class AreaFigures(_Roles):
    allowed = AREA_FIGURES


_BY_ROLES: dict[frozenset[Role], type[_Roles]] = {
    cls.allowed: cls for cls in (AdminOnly, Offices, OfficesAndUnits, AreaFigures)
}


def only(allowed: frozenset[Role]) -> FieldExtension:
    """The field extension that lets only `allowed` roles through, shown in the schema."""
    return PermissionExtension(permissions=[_BY_ROLES[allowed]()], use_directives=True)
