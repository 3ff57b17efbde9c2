"""The one access policy of BinhDang.

Every list and every fetch of unit-owned data goes through this module:

* a role is granted on an organisation unit and reaches that unit's whole subtree;
* each role allows a fixed set of actions (`ROLE_ACTIONS`);
* `restrict(queryset, user, action)` turns the user's grants into one queryset filter on the
  materialised path of the owning unit, so a school never sees another school's rows;
* `get_object_for_user` answers 404 for both "missing" and "forbidden", so the existence of
  another unit's record is not disclosed.

Units, accounts and role grants are maintained with ORGANISE (administrator, department
secretariat within its department): `people_for` and `can_grant` keep that inside the
maintainer's reach (docs/decisions/0002-who-manages-people.md).

Confidential cases add a need-to-know rule on top (see the cases app); nothing here lets an
administrator read them.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from django.core.exceptions import PermissionDenied
from django.db.models import Model, Q, QuerySet
from django.http import Http404

from .choices import Role
from .models import OrgUnit, User


class Action(StrEnum):
    VIEW = "view"  # read the unit's records, personal data included
    EDIT = "edit"  # enter and change the unit's records
    APPROVE = "approve"  # sign off plans and reports as the head
    MANAGE = "manage"  # department work: issue plans, open periods, accept/return, remind
    ADMINISTER = "administer"  # units, accounts and role grants
    VIEW_AGGREGATE = "view_aggregate"  # totals and rates only, never personal data
    HANDLE_CASES = "handle_cases"  # confidential case register (need-to-know)
    # Maintain the units, people and role grants of a subtree: the system administrator
    # everywhere in reach, the department secretariat (Personnel Division) within its
    # department (docs/decisions/0002-who-manages-people.md).
    ORGANISE = "organise"


ROLE_ACTIONS: dict[str, frozenset[Action]] = {
    Role.ADMIN: frozenset(
        {Action.VIEW, Action.EDIT, Action.ADMINISTER, Action.VIEW_AGGREGATE, Action.ORGANISE}
    ),
    Role.SECRETARIAT: frozenset(
        {Action.VIEW, Action.EDIT, Action.MANAGE, Action.VIEW_AGGREGATE, Action.ORGANISE}
    ),
    Role.LEADER: frozenset({Action.VIEW, Action.APPROVE, Action.MANAGE, Action.VIEW_AGGREGATE}),
    Role.COMMITTEE_MEMBER: frozenset({Action.VIEW, Action.VIEW_AGGREGATE}),
    Role.UNIT_HEAD: frozenset({Action.VIEW, Action.EDIT, Action.APPROVE, Action.VIEW_AGGREGATE}),
    Role.UNIT_OFFICER: frozenset({Action.VIEW, Action.EDIT, Action.VIEW_AGGREGATE}),
    Role.CASE_OFFICER: frozenset({Action.VIEW, Action.HANDLE_CASES, Action.VIEW_AGGREGATE}),
    Role.VIEWER: frozenset({Action.VIEW_AGGREGATE}),
}

_CACHE_ATTR = "_binhdang_grant_cache"


def _grants(user: User) -> list[tuple[str, str, int]]:
    """(role, unit path, unit id) of the user's grants, cached on the user object."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return []
    cached = getattr(user, _CACHE_ATTR, None)
    if cached is None:
        cached = list(user.grants.values_list("role", "unit__path", "unit_id"))
        setattr(user, _CACHE_ATTR, cached)
    return cached


def forget(user: User) -> None:
    """Drop the cached grants (after a grant changes within the same request)."""
    if hasattr(user, _CACHE_ATTR):
        delattr(user, _CACHE_ATTR)


def roles_of(user: User) -> set[str]:
    return {role for role, _path, _unit in _grants(user)}


def has_role(user: User, *roles: str) -> bool:
    return bool(roles_of(user) & set(roles))


def paths_for(user: User, action: Action | str = Action.VIEW) -> list[str]:
    """Subtree roots (materialised paths) where the user may perform `action`, minimal set."""
    action = Action(action)
    paths = sorted(
        {path for role, path, _unit in _grants(user) if action in ROLE_ACTIONS.get(role, ())}
    )
    minimal: list[str] = []
    for path in paths:  # sorted, so an ancestor comes before its descendants
        if not any(path.startswith(kept) for kept in minimal):
            minimal.append(path)
    return minimal


def _path_q(field: str, paths: Iterable[str]) -> Q:
    lookup = f"{field}__startswith" if field else "path__startswith"
    condition = Q()
    for path in paths:
        condition |= Q(**{lookup: path})
    return condition


def restrict(
    queryset: QuerySet, user: User, action: Action | str = Action.VIEW, *, via: str = "unit"
) -> QuerySet:
    """Filter `queryset` to rows owned by units in the user's reach for `action`.

    `via` is the lookup from the model to its owning OrgUnit ("unit", "plan__unit", ...);
    pass "" when the queryset is of OrgUnit itself.
    """
    paths = paths_for(user, action)
    if not paths:
        return queryset.none()
    field = f"{via}__path" if via else ""
    return queryset.filter(_path_q(field, paths))


def units_for(user: User, action: Action | str = Action.VIEW) -> QuerySet[OrgUnit]:
    return restrict(OrgUnit.objects.all(), user, action, via="")


def can(user: User, action: Action | str, unit: OrgUnit | None) -> bool:
    if unit is None:
        return False
    return any(unit.path.startswith(path) for path in paths_for(user, action))


def can_anywhere(user: User, action: Action | str) -> bool:
    return bool(paths_for(user, action))


def require(user: User, action: Action | str, unit: OrgUnit | None) -> None:
    if not can(user, action, unit):
        raise PermissionDenied


def require_anywhere(user: User, action: Action | str) -> None:
    if not can_anywhere(user, action):
        raise PermissionDenied


def get_object_for_user(
    queryset: QuerySet,
    user: User,
    action: Action | str = Action.VIEW,
    *,
    via: str = "unit",
    **lookup,
) -> Model:
    """Fetch one object in the user's reach, or 404 (missing and forbidden look the same)."""
    try:
        return restrict(queryset, user, action, via=via).get(**lookup)
    except queryset.model.DoesNotExist as exc:
        raise Http404 from exc


def top_units(user: User, action: Action | str = Action.VIEW) -> QuerySet[OrgUnit]:
    """The roots of the user's reach (e.g. the department for the secretariat)."""
    paths = paths_for(user, action)
    return OrgUnit.objects.filter(path__in=paths).order_by("path")


# --- Units, people and role grants (docs/decisions/0002-who-manages-people.md) -----------


def grantable_roles(user: User, unit: OrgUnit) -> list[str]:
    """Roles `user` may grant or revoke on `unit`: every role within their ORGANISE reach,
    except the administrator role, which only an administrator of that unit can hand out."""
    if not can(user, Action.ORGANISE, unit):
        return []
    roles = [role.value for role in Role]
    if not can(user, Action.ADMINISTER, unit):
        roles.remove(Role.ADMIN.value)
    return roles


def can_grant(user: User, unit: OrgUnit, role: str) -> bool:
    return str(role) in grantable_roles(user, unit)


def people_for(user: User) -> QuerySet[User]:
    """Accounts `user` may maintain: the home unit is in their ORGANISE reach and so is
    every grant the account holds (a secretariat cannot touch a person who also holds a role
    elsewhere); superusers only for superusers. Administrators at the root of the tree also
    see accounts not yet attached to any unit."""
    from .models import RoleGrant

    paths = paths_for(user, Action.ORGANISE)
    if not paths:
        return User.objects.none()
    condition = _path_q("home_unit__path", paths)
    if any(path.count("/") == 2 for path in paths_for(user, Action.ADMINISTER)):
        condition |= Q(home_unit__isnull=True)
    outside = RoleGrant.objects.exclude(_path_q("unit__path", paths)).values("user_id")
    people = User.objects.filter(condition).exclude(pk__in=outside)
    if not user.is_superuser:
        people = people.exclude(is_superuser=True)
    return people
