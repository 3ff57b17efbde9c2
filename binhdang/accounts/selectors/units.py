"""Reads of the organisation tree, scoped by the access policy.

Listing units needs only VIEW_AGGREGATE (the higher-level viewer sees the list); personal
data (people, committee member names, change history) needs more, see `unit_access`.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext as _

from binhdang.core.text import fold

from .. import policy
from ..choices import UnitType
from ..models import OrgUnit, User

LIST_ACTION = policy.Action.VIEW_AGGREGATE
TREE_GROUP_LIMIT = 200  # units shown per type group in the tree; the rest via the list


def units_in_reach(user: User) -> QuerySet[OrgUnit]:
    return policy.units_for(user, LIST_ACTION)


def unit_search(
    user: User,
    *,
    q: str = "",
    unit_type: str = "",
    district: str = "",
    parent: OrgUnit | None = None,
) -> QuerySet[OrgUnit]:
    """Units in reach matching the filters, ordered by name.

    The search is on the folded `search_text` (no diacritics, lower case), so "ngo quyen",
    "Ngô Quyền" and "NGO QUYEN" find the same units; every word must appear.
    """
    units = units_in_reach(user)
    for word in fold(q).split():
        units = units.filter(search_text__contains=word)
    if unit_type:
        units = units.filter(unit_type=unit_type)
    if district:
        units = units.filter(district=district)
    if parent is not None:
        units = units.filter(parent=parent)
    return units.select_related("parent").order_by("name", "pk")


def districts_in_reach(user: User) -> list[str]:
    return list(
        units_in_reach(user)
        .exclude(district="")
        .order_by("district")
        .values_list("district", flat=True)
        .distinct()
    )


def type_counts(user: User) -> list[tuple[str, str, int]]:
    """(type, label, number of units) in the user's reach, in the order of UnitType."""
    counts = dict(units_in_reach(user).values_list("unit_type").annotate(n=Count("pk")).order_by())
    return [(t.value, str(t.label), counts[t.value]) for t in UnitType if counts.get(t.value)]


@dataclass
class TreeGroup:
    unit_type: str
    label: str
    count: int
    units: list[OrgUnit]  # each annotated with child_count

    @property
    def truncated(self) -> bool:
        return self.count > len(self.units)


def tree_roots(user: User) -> list[OrgUnit]:
    return list(policy.top_units(user, LIST_ACTION).annotate(child_count=Count("children")))


def tree_children(user: User, parent: OrgUnit) -> list[TreeGroup]:
    """The children of `parent` (which must be in reach), grouped by type with counts."""
    children = units_in_reach(user).filter(parent=parent)
    counts = dict(children.values_list("unit_type").annotate(n=Count("pk")).order_by())
    groups = []
    for unit_type in UnitType:
        count = counts.get(unit_type.value)
        if not count:
            continue
        units = list(
            children.filter(unit_type=unit_type.value)
            .annotate(child_count=Count("children"))
            .order_by("name")[:TREE_GROUP_LIMIT]
        )
        groups.append(TreeGroup(unit_type.value, str(unit_type.label), count, units))
    return groups


def unit_detail(user: User, pk: int) -> OrgUnit:
    return policy.get_object_for_user(
        OrgUnit.objects.select_related("parent"), user, LIST_ACTION, via="", pk=pk
    )


@dataclass(frozen=True)
class UnitAccess:
    """What a user may see and do on one unit's pages."""

    personal: bool  # people, committee member names
    edit_committee: bool
    organise: bool  # edit the unit, manage its people
    history: bool

    @property
    def aggregate_only(self) -> bool:
        return not self.personal


def unit_access(user: User, unit: OrgUnit) -> UnitAccess:
    organise = policy.can(user, policy.Action.ORGANISE, unit)
    return UnitAccess(
        personal=policy.can(user, policy.Action.VIEW, unit),
        edit_committee=policy.can(user, policy.Action.EDIT, unit),
        organise=organise,
        history=organise,
    )


def unit_people(user: User, unit: OrgUnit) -> list[User]:
    """People working at the unit or holding a role on it (only with VIEW on the unit)."""
    if not policy.can(user, policy.Action.VIEW, unit):
        return []
    return list(
        User.objects.filter(Q(home_unit=unit) | Q(grants__unit=unit))
        .distinct()
        .prefetch_related("grants__unit")
        .order_by("full_name", "username")
    )


def _shown(field, value) -> str:
    if value in (None, ""):
        return "—"
    if field.name == "parent":
        unit = OrgUnit.objects.filter(pk=value).only("name").first()
        return unit.name if unit else str(value)
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return str(_("có") if value else _("không"))
    return str(value)


def unit_history(unit: OrgUnit, limit: int = 20) -> list:
    """Recorded changes of the unit, newest first, each with the fields that changed."""
    records = list(
        unit.history.select_related("history_user").order_by("-history_date")[: limit + 1]
    )
    entries = []
    for index, record in enumerate(records[:limit]):
        previous = records[index + 1] if index + 1 < len(records) else None
        changes = []
        if previous is not None:
            delta = record.diff_against(previous, excluded_fields=["search_text", "version"])
            for change in delta.changes:
                field = OrgUnit._meta.get_field(change.field)
                changes.append(
                    (str(field.verbose_name), _shown(field, change.old), _shown(field, change.new))
                )
        entries.append({"record": record, "changes": changes})
    return entries
