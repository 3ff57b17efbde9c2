"""Reads for the accounts domain, always scoped by the access policy."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import QuerySet

from . import policy
from .choices import Role
from .models import Committee, OrgUnit, User


@dataclass
class HomeSummary:
    roles: list[str]
    top_units: list[OrgUnit]
    units_in_scope: int
    committees: list[Committee] = field(default_factory=list)
    aggregate_only: bool = False


def home_summary(user: User) -> HomeSummary:
    roles = sorted(policy.roles_of(user))
    aggregate_only = not policy.can_anywhere(user, policy.Action.VIEW)
    action = policy.Action.VIEW_AGGREGATE if aggregate_only else policy.Action.VIEW
    tops = list(policy.top_units(user, action))
    units_in_scope = policy.units_for(user, action).count()
    committees: list[Committee] = []
    if not aggregate_only:
        committees = list(
            Committee.objects.filter(unit__in=tops).select_related("unit").order_by("unit__path")
        )
    return HomeSummary(
        roles=[Role(role).label for role in roles],
        top_units=tops,
        units_in_scope=units_in_scope,
        committees=committees,
        aggregate_only=aggregate_only,
    )


def units_visible(user: User, action: policy.Action = policy.Action.VIEW) -> QuerySet[OrgUnit]:
    return policy.units_for(user, action)
